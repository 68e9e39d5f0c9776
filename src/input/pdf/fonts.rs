//! Fonts: how a shown string's bytes split into character codes, what each code's text is, and
//! how far each glyph advances the pen.
//!
//! Text comes from the font's encoding as lopdf reads it (a `/ToUnicode` CMap, the predefined
//! `UniGB-UCS2-H`/`UniGB-UTF16-H` CMaps reportlab and some writers use, WinAnsi, `/Differences`).
//! Widths come from `/Widths` (simple fonts) or the descendant CID font's `/W` and `/DW`, in
//! thousandths of the font size. A composite (Type0) font reads two-byte codes, which is what
//! Word, WPS and LibreOffice write (`Identity-H`); a simple font reads one byte per code.
//!
//! A `/ToUnicode` map the font's text depends on but the file no longer holds whole (a missing
//! object, a stream cut short, a map lopdf cannot parse) makes the font broken: lopdf then falls
//! back to a Latin encoding, and the text shown in it is lost.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Encoding, Object};

use super::streams;

/// A font as the content-stream interpreter needs it.
pub struct Font<'a> {
    encoding: Option<Encoding<'a>>,
    /// Two-byte codes (a composite font) instead of one byte.
    two_byte: bool,
    /// For a composite font with one of Adobe's predefined GB or Big5 CMaps (`GBK-EUC-H`,
    /// `B5pc-H`, …): the legacy encoding its codes are in (one byte below 0x80, else two).
    legacy: Option<&'static encoding_rs::Encoding>,
    /// Vertical writing (`Identity-V`): glyphs advance downwards.
    pub vertical: bool,
    /// The font's text comes from a `/ToUnicode` map that cannot be read whole.
    pub broken: bool,
    widths: Widths,
    /// Decoded text per code, filled as codes are met (the same few hundred codes recur).
    decoded: HashMap<u16, Box<str>>,
}

enum Widths {
    Simple {
        first: u16,
        widths: Vec<f32>,
        missing: f32,
    },
    Composite {
        default: f32,
        widths: HashMap<u16, f32>,
        /// `c1 c2 w` ranges, in order (the first that holds a code wins).
        ranges: Vec<(u16, u16, f32)>,
    },
}

/// One glyph of a shown string.
pub struct Code<'f> {
    /// The glyph's text (often one character; empty when the font cannot say).
    pub text: &'f str,
    /// Its advance in thousandths of the font size.
    pub width: f32,
    /// A single-byte code 32, to which word spacing (`Tw`) applies.
    pub is_space: bool,
}

fn number(object: &Object) -> Option<f32> {
    match object {
        Object::Integer(value) => Some(*value as f32),
        Object::Real(value) => Some(*value),
        _ => None,
    }
}

fn resolve<'a>(document: &'a Document, object: &'a Object) -> &'a Object {
    match object {
        Object::Reference(id) => document.get_object(*id).unwrap_or(object),
        other => other,
    }
}

impl<'a> Font<'a> {
    /// Reads a font dictionary; `limit` bounds the decompression of its CMap.
    pub fn read(document: &'a Document, font: &'a Dictionary, limit: usize) -> Font<'a> {
        let subtype = font
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let two_byte = subtype == b"Type0";
        let encoding_name = font
            .get(b"Encoding")
            .map(|object| resolve(document, object))
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let vertical = two_byte && encoding_name.ends_with(b"-V");
        let legacy = two_byte.then(|| legacy_cmap(encoding_name)).flatten();
        let encoding = font.get_font_encoding_with_limit(document, limit).ok();
        // lopdf reads text through `/ToUnicode` when the font names no encoding, or `Identity`.
        let through_to_unicode = font.get(b"Encoding").is_err()
            || matches!(encoding_name, b"Identity-H" | b"Identity-V");
        let broken = through_to_unicode
            && match font
                .get(b"ToUnicode")
                .map(|object| resolve(document, object))
            {
                Ok(Object::Stream(map)) => {
                    !matches!(encoding, Some(Encoding::UnicodeMapEncoding(_)))
                        || !streams::decode(map, limit).is_ok_and(|decoded| decoded.whole)
                }
                // A map the file no longer holds.
                Ok(Object::Reference(_)) => true,
                // None, or a name some writers put there: nothing was lost.
                _ => false,
            };
        let widths = if two_byte {
            composite_widths(document, font)
        } else {
            simple_widths(document, font)
        };
        Font {
            encoding,
            two_byte,
            legacy,
            vertical,
            broken,
            widths,
            decoded: HashMap::new(),
        }
    }

    /// Calls `each` with every glyph of a shown string, in order.
    pub fn each_code(&mut self, bytes: &[u8], mut each: impl FnMut(Code<'_>)) {
        let mut at = 0;
        while at < bytes.len() {
            let length = match self.legacy {
                Some(_) if bytes[at] < 0x80 => 1,
                Some(_) | None if self.two_byte => 2,
                _ => 1,
            };
            let chunk = &bytes[at..(at + length).min(bytes.len())];
            at += length;
            let code = if chunk.len() == 2 {
                u16::from_be_bytes([chunk[0], chunk[1]])
            } else {
                u16::from(chunk[0])
            };
            let width = match self.legacy {
                // Codes of a predefined CMap are not CIDs: a full-width or a half-width advance.
                Some(_) => self.default_width() / if chunk.len() == 1 { 2.0 } else { 1.0 },
                None => self.width(code),
            };
            let (encoding, legacy) = (&self.encoding, self.legacy);
            let text = self.decoded.entry(code).or_insert_with(|| {
                let decoded = match legacy {
                    Some(legacy) => legacy.decode_without_bom_handling(chunk).0.into_owned(),
                    None => encoding
                        .as_ref()
                        .and_then(|encoding| encoding.bytes_to_string(chunk).ok())
                        .unwrap_or_default(),
                };
                // Control characters and the replacement character are no text.
                decoded
                    .chars()
                    .filter(|c| !c.is_control() && *c != '\u{FFFD}' && *c != '\0')
                    .collect::<String>()
                    .into_boxed_str()
            });
            each(Code {
                text,
                width,
                is_space: length == 1 && code == 32,
            });
        }
    }

    fn default_width(&self) -> f32 {
        match &self.widths {
            Widths::Composite { default, .. } => *default,
            Widths::Simple { missing, .. } => *missing,
        }
    }

    fn width(&self, code: u16) -> f32 {
        match &self.widths {
            Widths::Simple {
                first,
                widths,
                missing,
            } => code
                .checked_sub(*first)
                .and_then(|index| widths.get(usize::from(index)))
                .copied()
                .unwrap_or(*missing),
            Widths::Composite {
                default,
                widths,
                ranges,
            } => widths.get(&code).copied().unwrap_or_else(|| {
                ranges
                    .iter()
                    .find(|(first, last, _)| (*first..=*last).contains(&code))
                    .map_or(*default, |range| range.2)
            }),
        }
    }
}

/// The legacy encoding of one of Adobe's predefined CJK CMaps for Chinese, by its name.
fn legacy_cmap(name: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let name = std::str::from_utf8(name).ok()?;
    let family = name.rsplit_once('-').map_or(name, |(family, _)| family);
    match family {
        "GB-EUC" | "GBpc-EUC" | "GBK-EUC" | "GBKp-EUC" | "GBK2K" => Some(encoding_rs::GB18030),
        "B5pc" | "ETen-B5" | "HKscs-B5" | "ETenms-B5" => Some(encoding_rs::BIG5),
        _ => None,
    }
}

fn simple_widths(document: &Document, font: &Dictionary) -> Widths {
    let first = font
        .get(b"FirstChar")
        .ok()
        .and_then(number)
        .unwrap_or(0.0)
        .clamp(0.0, 255.0) as u16;
    let widths = font
        .get(b"Widths")
        .map(|object| resolve(document, object))
        .and_then(Object::as_array)
        .map(|array| {
            array
                .iter()
                .map(|width| number(resolve(document, width)).unwrap_or(0.0))
                .collect()
        })
        .unwrap_or_default();
    let missing = font
        .get(b"FontDescriptor")
        .map(|object| resolve(document, object))
        .and_then(Object::as_dict)
        .and_then(|descriptor| descriptor.get(b"MissingWidth"))
        .ok()
        .and_then(number)
        // Without widths (a standard-14 font), a typical Latin advance.
        .unwrap_or(500.0);
    Widths::Simple {
        first,
        widths,
        missing,
    }
}

fn composite_widths(document: &Document, font: &Dictionary) -> Widths {
    let descendant = font
        .get(b"DescendantFonts")
        .map(|object| resolve(document, object))
        .and_then(Object::as_array)
        .ok()
        .and_then(|array| array.first())
        .map(|object| resolve(document, object))
        .and_then(|object| object.as_dict().ok());
    let default = descendant
        .and_then(|font| font.get(b"DW").ok())
        .and_then(number)
        .unwrap_or(1000.0);
    let mut widths = HashMap::new();
    let mut ranges = Vec::new();
    let array = descendant
        .and_then(|font| font.get(b"W").ok())
        .map(|object| resolve(document, object))
        .and_then(|object| object.as_array().ok());
    if let Some(array) = array {
        // `c [w1 w2 …]` gives consecutive codes from c; `c1 c2 w` gives one width to a range.
        let mut index = 0;
        while index < array.len() {
            let Some(start) = number(resolve(document, &array[index])) else {
                break;
            };
            let start = start.clamp(0.0, 65535.0) as u32;
            match array.get(index + 1).map(|object| resolve(document, object)) {
                Some(Object::Array(list)) => {
                    for (offset, width) in list.iter().enumerate() {
                        let code = start + offset as u32;
                        if let (Ok(code), Some(width)) = (u16::try_from(code), number(width)) {
                            widths.insert(code, width);
                        }
                    }
                    index += 2;
                }
                Some(end) => {
                    let (Some(end), Some(width)) = (
                        number(end),
                        array
                            .get(index + 2)
                            .and_then(|w| number(resolve(document, w))),
                    ) else {
                        break;
                    };
                    // Real fonts have a handful of ranges; a hostile array of thousands is cut
                    // short, so looking a code up stays cheap.
                    if ranges.len() < MAX_RANGES {
                        let end = end.clamp(0.0, 65535.0) as u16;
                        ranges.push((start.min(65535) as u16, end, width));
                    }
                    index += 3;
                }
                None => break,
            }
        }
    }
    Widths::Composite {
        default,
        widths,
        ranges,
    }
}

/// The most `c1 c2 w` width ranges read from a font.
const MAX_RANGES: usize = 256;

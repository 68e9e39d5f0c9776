//! Decoding bytes to text: UTF-8 as is; otherwise a detected or named encoding, with a map back
//! to the file's bytes.

use std::path::Path;

use encoding_rs::{DecoderResult, Encoding, BIG5, GBK, UTF_16BE, UTF_16LE, UTF_8};

use super::{InputError, SourceText};

/// Decodes a file's bytes.
///
/// Order: empty → error; a byte-order mark names the encoding; `forced` (from `--encoding`);
/// valid UTF-8; else the encoding chardetng guesses (without a TLD hint: with `.cn` it reads Big5
/// as GBK), checked by decoding strictly, with GBK and Big5 tried in turn when the guess fails.
/// NUL bytes without a UTF-16 byte-order mark mean a binary file.
pub fn decode(
    path: &Path,
    name: String,
    bytes: &[u8],
    forced: Option<&'static Encoding>,
) -> Result<SourceText, InputError> {
    let not_text = |detail: String| InputError::NotText {
        path: path.to_path_buf(),
        detail,
    };
    if bytes.is_empty() {
        return Err(InputError::Empty {
            path: path.to_path_buf(),
        });
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        if encoding == UTF_8 {
            return utf8(name, bytes)
                .map_err(|offset| not_text(format!("invalid UTF-8 at byte {offset}")));
        }
        return decode_mapped(name, bytes, bom_len, encoding)
            .map_err(|offset| not_text(format!("invalid {} at byte {offset}", encoding.name())));
    }
    if let Some(encoding) = forced {
        if encoding == UTF_8 {
            return utf8(name, bytes)
                .map_err(|offset| not_text(format!("invalid UTF-8 at byte {offset}")));
        }
        return decode_mapped(name, bytes, 0, encoding)
            .map_err(|offset| not_text(format!("invalid {} at byte {offset}", encoding.name())));
    }
    // The SIMD search: `<[u8]>::contains` reads byte by byte, over every file.
    if memchr::memchr(0, bytes).is_some() {
        return Err(not_text("it contains NUL bytes: a binary file (or UTF-16 without a byte-order mark; name it with --encoding)".to_string()));
    }
    if let Ok(text) = utf8(name.clone(), bytes) {
        return Ok(text);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    let mut candidates = vec![guess];
    for fallback in [GBK, BIG5] {
        if !candidates.contains(&fallback) {
            candidates.push(fallback);
        }
    }
    for encoding in candidates {
        if encoding == UTF_8 {
            continue;
        }
        if let Ok(text) = decode_mapped(name.clone(), bytes, 0, encoding) {
            if looks_like_text(&text.text) {
                return Ok(text);
            }
        }
    }
    Err(not_text(
        "not UTF-8, and not GBK or Big5 either: a binary file, or name its encoding with --encoding".to_string(),
    ))
}

/// Control characters other than whitespace mean the bytes were not text in that encoding.
fn looks_like_text(text: &str) -> bool {
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    controls * 100 <= text.chars().count().max(1)
}

fn utf8(name: String, bytes: &[u8]) -> Result<SourceText, usize> {
    // The SIMD validator is several times faster on Chinese text than the standard one, which is
    // asked only for where the first error is.
    let text = match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => text,
        Err(_) => {
            return Err(std::str::from_utf8(bytes).map_or_else(|error| error.valid_up_to(), |_| 0))
        }
    };
    Ok(SourceText {
        name,
        text: text.to_string(),
        display: None,
        byte_map: None,
        encoding: "UTF-8",
        locations: None,
        partial: None,
    })
}

/// Decodes strictly, recording for each output byte the file offset of the character it came
/// from. Feeding the decoder one byte at a time tells where each character ends; this is the one
/// way to get offsets out of encoding_rs, which keeps no map itself. Fails at the first malformed
/// byte sequence (the file is not in this encoding).
fn decode_mapped(
    name: String,
    bytes: &[u8],
    start: usize,
    encoding: &'static Encoding,
) -> Result<SourceText, usize> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(bytes.len() * 3 / 2);
    let mut map: Vec<u32> = Vec::with_capacity(bytes.len() * 3 / 2 + 1);
    let mut buffer = [0u8; 32];
    let mut char_start = start;
    for index in start..bytes.len() {
        let last = index + 1 == bytes.len();
        let (result, _read, written) =
            decoder.decode_to_utf8_without_replacement(&bytes[index..=index], &mut buffer, last);
        if let DecoderResult::Malformed(..) = result {
            return Err(index);
        }
        if written > 0 {
            let produced = std::str::from_utf8(&buffer[..written]).map_err(|_| index)?;
            text.push_str(produced);
            map.extend(std::iter::repeat_n(char_start as u32, written));
            char_start = index + 1;
        }
    }
    if char_start != bytes.len() {
        // A character cut off at the end of the file.
        return Err(char_start);
    }
    map.push(bytes.len() as u32);
    Ok(SourceText {
        name,
        text,
        display: None,
        byte_map: Some(map),
        encoding: encoding.name(),
        locations: None,
        partial: None,
    })
}

/// The encoding named by a label (`gbk`, `gb18030`, `big5`, `utf-16le`, `utf-8`…).
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    match label.to_ascii_lowercase().as_str() {
        "utf-16" | "utf16" => Some(UTF_16LE),
        "utf-16be" => Some(UTF_16BE),
        other => Encoding::for_label(other.as_bytes()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(bytes: &[u8]) -> SourceText {
        decode(Path::new("t.txt"), "t.txt".to_string(), bytes, None).expect("decodes")
    }

    #[test]
    fn reads_gbk_big5_and_utf16_with_a_byte_map() {
        let text = "湖州市2012年政府信息公开工作年度报告";
        let (gbk, _, _) = GBK.encode(text);
        let source = decoded(&gbk);
        assert_eq!(source.text, text);
        assert_eq!(source.encoding, "GBK");
        let start = text.find("2012").expect("found");
        assert_eq!(
            source.file_offset(start),
            6,
            "three 2-byte characters precede the year"
        );
        assert_eq!(source.file_offset(text.len()), gbk.len());

        let traditional = "湖州市質量技監局2012年政府信息公開工作年度報告";
        let (big5, _, _) = BIG5.encode(traditional);
        let source = decoded(&big5);
        assert_eq!(source.text, traditional);
        assert_eq!(source.encoding, "Big5");

        let mut utf16 = vec![0xFF, 0xFE];
        for unit in text.encode_utf16() {
            utf16.extend(unit.to_le_bytes());
        }
        let source = decoded(&utf16);
        assert_eq!(source.text, text);
        assert_eq!(source.file_offset(0), 2, "after the byte-order mark");
    }

    #[test]
    fn utf8_is_used_as_it_is() {
        let source = decoded("\u{FEFF}一、总体情况".as_bytes());
        assert!(source.byte_map.is_none());
        assert_eq!(source.encoding, "UTF-8");
    }

    #[test]
    fn binary_and_empty_input_are_errors() {
        assert!(matches!(
            decode(Path::new("x"), "x".into(), &[], None),
            Err(InputError::Empty { .. })
        ));
        let binary = [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xFF, 0x00];
        assert!(matches!(
            decode(Path::new("x"), "x".into(), &binary, None),
            Err(InputError::NotText { .. })
        ));
    }
}

//! Normalised text with an offset map back to the original.
//!
//! Rules are written once, in Simplified Chinese and half-width forms. Real reports are not: they
//! come in Traditional script, with full-width digits, spaces inside words (`概 述`), pinyin left by
//! broken converters (`號(hào)`), page numbers inside sentences and mojibake brackets. This module
//! builds the text the rest of the pipeline reads, and remembers for every byte of it which bytes
//! of the original it came from, so that every diagnostic lands on the user's own characters.
//!
//! One pass, linear in the input, with a few characters of look-ahead:
//! - runs of characters that fold to as many bytes as they have (ASCII, Han characters with
//!   Traditional ones folded to Simplified in place, CJK punctuation) are copied as runs: they need
//!   nothing in the offset map, and this is most of a report. Pinyin annotations and lone spaces
//!   met inside a run are decided there, without leaving it;
//! - every other character is folded on its own ([`fold`]: mojibake repair, NFKC,
//!   Traditional→Simplified), and pinyin annotations are dropped;
//! - page numbers stranded inside a sentence (`政府信息 9 公开`) and spaces next to CJK text
//!   (`概 述`) are dropped, judged by the characters around them.
//!
//! Line breaks are kept: structure (titles, headings, tables) is line-based.

pub mod fold;
pub mod similarity;

use std::collections::VecDeque;
use std::ops::Range;

use fold::{fold_char, is_cjk, is_han};

/// Text after normalisation, with a map from its byte offsets to the original's.
#[derive(Debug, Clone)]
pub struct NormalizedText {
    text: String,
    /// The offset map, in the order of `text`. Most text maps to the original byte for byte
    /// (ASCII; Han characters folded to Simplified keep their width), so the map only records
    /// where that stops being true: a dropped character, a character that changed width.
    segments: Vec<Segment>,
    original_len: usize,
}

/// A stretch of the normalised text that maps to the original in one way.
#[derive(Debug, Clone, Copy)]
struct Segment {
    /// Where the stretch starts in the normalised text.
    text_start: u32,
    /// Where the original of its first character starts.
    original_start: u32,
    shape: Shape,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Characters as wide as their originals, one for one: byte `i` of the stretch came from byte
    /// `i` of the original stretch.
    Aligned,
    /// What one original character became (`，` → `,`, `㈠` → `(一)`): every byte maps to that
    /// whole character, which ends at `original_end`.
    Folded { original_end: u32 },
}

impl NormalizedText {
    /// The normalised text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Maps a byte range of the normalised text to the byte range of the original it came from.
    ///
    /// The end is taken from the last normalised character, so characters that were dropped after
    /// a match (a pinyin annotation, a trailing space) are not swallowed by it. An empty range maps
    /// to an empty range at the corresponding original position.
    pub fn original_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.original_offset(range.start);
        if range.end <= range.start || self.text.is_empty() {
            return start..start;
        }
        let end = self.original_end_of_byte(range.end.min(self.text.len()) - 1);
        start..end.max(start)
    }

    /// Maps one normalised byte offset (a position between characters) to the original.
    pub fn original_offset(&self, offset: usize) -> usize {
        if self.text.is_empty() {
            return self.original_len;
        }
        if offset >= self.text.len() {
            // The end of the text maps past everything that was dropped at the end of the original.
            return self.original_end_of_byte(self.text.len() - 1);
        }
        let segment = self.segment_at(offset);
        match segment.shape {
            Shape::Aligned => {
                let mut boundary = offset;
                while !self.text.is_char_boundary(boundary) {
                    boundary -= 1;
                }
                segment.original_start as usize + (boundary - segment.text_start as usize)
            }
            Shape::Folded { .. } => segment.original_start as usize,
        }
    }

    /// The end of the original character that byte `offset` of the normalised text came from.
    fn original_end_of_byte(&self, offset: usize) -> usize {
        let segment = self.segment_at(offset);
        match segment.shape {
            Shape::Aligned => {
                let mut boundary = offset + 1;
                while !self.text.is_char_boundary(boundary) {
                    boundary += 1;
                }
                segment.original_start as usize + (boundary - segment.text_start as usize)
            }
            Shape::Folded { original_end } => original_end as usize,
        }
    }

    /// The segment holding byte `offset` of the normalised text (which is not empty).
    fn segment_at(&self, offset: usize) -> Segment {
        let after = self
            .segments
            .partition_point(|segment| segment.text_start as usize <= offset);
        // The first segment starts at 0, so `after` is at least 1.
        self.segments[after.saturating_sub(1)]
    }
}

/// One character on its way through normalisation, with the original bytes it stands for.
#[derive(Debug, Clone, Copy)]
struct Unit {
    ch: char,
    start: u32,
    end: u32,
}

/// The normalised text and its offset map, as they are built.
struct Output {
    text: String,
    segments: Vec<Segment>,
    /// The last character written.
    previous: Option<char>,
}

impl Output {
    /// Starts writing text that lines up byte for byte with the original from `original_start`.
    fn begin_aligned(&mut self, original_start: usize) {
        let text_start = self.text.len() as u32;
        let continues = self.segments.last().is_some_and(|last| {
            last.shape == Shape::Aligned
                && last.original_start + (text_start - last.text_start) == original_start as u32
        });
        if !continues {
            self.segments.push(Segment {
                text_start,
                original_start: original_start as u32,
                shape: Shape::Aligned,
            });
        }
    }

    fn push(&mut self, unit: Unit) {
        let text_start = self.text.len() as u32;
        let aligned = unit.end - unit.start == unit.ch.len_utf8() as u32;
        let continues = self.segments.last().is_some_and(|last| match last.shape {
            Shape::Aligned => {
                aligned && last.original_start + (text_start - last.text_start) == unit.start
            }
            // The next character of one original character's expansion.
            Shape::Folded { original_end } => {
                last.original_start == unit.start && original_end == unit.end
            }
        });
        if !continues {
            let shape = if aligned {
                Shape::Aligned
            } else {
                Shape::Folded {
                    original_end: unit.end,
                }
            };
            self.segments.push(Segment {
                text_start,
                original_start: unit.start,
                shape,
            });
        }
        self.text.push(unit.ch);
        self.previous = Some(unit.ch);
    }
}

/// A run being copied by [`Units::copy_aligned_run`]: what of it is written, and whether the offset
/// map lines up what is not written yet.
struct Run {
    /// `original[copied..]`, up to where the run has read, is read but not yet written.
    copied: usize,
    /// Whether the offset map's last segment lines up `original[copied..]`: true once the run has
    /// written, false again after a character is dropped.
    aligned: bool,
    /// Whether the run wrote anything.
    wrote: bool,
}

impl Run {
    fn starting_at(position: usize) -> Run {
        Run {
            copied: position,
            aligned: false,
            wrote: false,
        }
    }

    /// Writes `original[copied..at]`, which lines up with the original byte for byte. Inlined:
    /// it is on the hot path, and as a call it cost 2 % of a corpus run.
    #[inline(always)]
    fn write(&mut self, output: &mut Output, original: &str, at: usize) {
        if self.copied == at {
            return;
        }
        if !self.aligned {
            output.begin_aligned(self.copied);
            self.aligned = true;
        }
        output.text.push_str(&original[self.copied..at]);
        self.copied = at;
        self.wrote = true;
    }

    /// Writes the folded form of the three-byte character at `at` (as wide as it).
    #[inline]
    fn write_folded(&mut self, output: &mut Output, folded: char, at: usize) {
        if !self.aligned {
            output.begin_aligned(at);
            self.aligned = true;
        }
        output.text.push(folded);
        self.copied = at + 3;
        self.wrote = true;
    }

    /// Drops `original[copied..to]`: what follows no longer lines up with what was written.
    fn skip_to(&mut self, to: usize) {
        self.copied = to;
        self.aligned = false;
    }
}

/// The folded characters of the original, read one original character at a time, with room to
/// look ahead: page numbers and runs of spaces are judged by what follows them.
struct Units<'a> {
    original: &'a str,
    /// Byte offset of the next original character to read.
    position: usize,
    /// Folded characters read but not yet taken.
    ahead: VecDeque<Unit>,
    /// The last folded character read: a pinyin annotation is judged by what it follows.
    last_folded: Option<char>,
    folder: fold::CommonFolder,
}

impl Units<'_> {
    /// Reads the next original character into `ahead`: it may fold to nothing or to several
    /// characters, and a pinyin annotation is skipped whole. False at the end of the text.
    fn read(&mut self) -> bool {
        let rest = &self.original[self.position..];
        let Some(ch) = rest.chars().next() else {
            return false;
        };
        let start = self.position;
        if matches!(ch, '(' | '（') {
            if let Some(skip) = pinyin_annotation_bytes(rest, self.last_folded) {
                self.position += skip;
                return true;
            }
        }
        self.position += ch.len_utf8();
        let end = self.position as u32;
        let (ahead, last_folded) = (&mut self.ahead, &mut self.last_folded);
        fold_char(ch, &mut |folded| {
            ahead.push_back(Unit {
                ch: folded,
                start: start as u32,
                end,
            });
            *last_folded = Some(folded);
        });
        true
    }

    /// The character `index` places ahead, reading as far as needed.
    fn peek(&mut self, index: usize) -> Option<char> {
        while self.ahead.len() <= index {
            if !self.read() {
                return None;
            }
        }
        self.ahead.get(index).map(|unit| unit.ch)
    }

    /// Writes to `output` the longest run ahead of characters that fold to as many bytes as they
    /// have, whatever surrounds them: ASCII other than spaces, Han characters (Simplified, or
    /// Traditional folded to Simplified), CJK punctuation; pinyin annotations inside the run are
    /// dropped. The hot path: most of a report is such runs. They line up byte for byte with the
    /// original, so the offset map needs nothing for them but where an annotation was dropped, and
    /// the stretches between Traditional characters are copied whole.
    fn copy_aligned_run(&mut self, output: &mut Output) {
        if !self.ahead.is_empty() {
            return;
        }
        let original = self.original;
        let bytes = original.as_bytes();
        let mut at = self.position;
        let mut run = Run::starting_at(at);
        while let Some(&byte) = bytes.get(at) {
            if byte.is_ascii() {
                if matches!(byte, b' ' | b'\r') {
                    // A lone space before a character that is its own fold: kept or dropped by
                    // its neighbours alone, as the general path would (no page number can follow).
                    let Some(next) = self.lone_space_before(at) else {
                        break;
                    };
                    let previous = if run.copied < at {
                        original[..at].chars().next_back()
                    } else {
                        output.text.chars().next_back()
                    };
                    if is_stray_space(false, previous, Some(next)) {
                        run.write(output, original, at);
                        run.skip_to(at + 1);
                    }
                    at += 1;
                    continue;
                }
                if byte == b'\t' {
                    break;
                }
                if byte == b'(' && bytes.get(at + 1).copied().is_some_and(may_start_syllable) {
                    // An annotation is judged by the character before it, as written.
                    run.write(output, original, at);
                    let previous = if run.wrote {
                        output.text.chars().next_back()
                    } else {
                        self.last_folded
                    };
                    if let Some(length) = pinyin_annotation_bytes(&original[at..], previous) {
                        at += length;
                        run.skip_to(at);
                        continue;
                    }
                }
                at += 1;
            } else if self.folder.is_kept(&bytes[at..]) {
                // Han text comes in long stretches: stay on them, with nothing else to check.
                let mut rest = &bytes[at + 3..];
                while let [lead, second, third, after @ ..] = rest {
                    if !self.folder.is_kept_char(*lead, *second, *third) {
                        break;
                    }
                    rest = after;
                }
                at = bytes.len() - rest.len();
            } else if let Some(folded) = self.folder.fold_aligned(&bytes[at..]) {
                // A Traditional character: as wide as its Simplified form.
                run.write(output, original, at);
                run.write_folded(output, folded, at);
                at += 3;
            } else {
                break;
            }
        }
        run.write(output, original, at);
        self.position = at;
        if run.wrote {
            // The run's last character, as written.
            let last = output.text.chars().next_back();
            output.previous = last;
            self.last_folded = last;
        }
    }

    /// If the space at byte `at` stands alone before a character that is its own fold and that
    /// cannot start a page number or a pinyin annotation, that character.
    fn lone_space_before(&self, at: usize) -> Option<char> {
        let rest = &self.original.as_bytes()[at + 1..];
        let &next = rest.first()?;
        if next.is_ascii() {
            let special = next.is_ascii_digit() || matches!(next, b' ' | b'\t' | b'\r' | b'(');
            return (!special).then_some(char::from(next));
        }
        if !self.folder.is_kept(rest) {
            return None;
        }
        self.original[at + 1..].chars().next()
    }

    /// Takes the next folded character, reading it if needed.
    fn take(&mut self) -> Option<Unit> {
        if let Some(unit) = self.ahead.pop_front() {
            return Some(unit);
        }
        loop {
            if let Some(unit) = self.read_plain() {
                return Some(unit);
            }
            if !self.read() {
                return None;
            }
            // A character may fold to nothing (a zero-width space, a pinyin annotation).
            if let Some(unit) = self.ahead.pop_front() {
                return Some(unit);
            }
        }
    }

    /// The hot path: the next original character folds to one character whatever is around it
    /// (most ASCII, Han characters, common punctuation). Reads it if so.
    fn read_plain(&mut self) -> Option<Unit> {
        let rest = &self.original[self.position..];
        let &byte = rest.as_bytes().first()?;
        let (ch, width) = if byte.is_ascii() {
            if !folds_alone(byte, rest.as_bytes().get(1).copied()) {
                return None;
            }
            (byte as char, 1)
        } else {
            (self.folder.fold(rest.as_bytes())?, 3)
        };
        let start = self.position as u32;
        self.position += width;
        self.last_folded = Some(ch);
        Some(Unit {
            ch,
            start,
            end: start + width as u32,
        })
    }
}

/// Whether an ASCII byte, followed by `next`, is its own normalised form whatever else surrounds
/// it: not a space (spaces are judged by their neighbours), nor a `(` that may open a pinyin
/// annotation (see [`may_start_syllable`]).
fn folds_alone(byte: u8, next: Option<u8>) -> bool {
    match byte {
        b' ' | b'\t' | b'\r' => false,
        b'(' => !next.is_some_and(may_start_syllable),
        _ => true,
    }
}

/// Whether a character starting with `byte` may be part of a pinyin syllable: a lowercase letter,
/// a tone number, or a letter with a diacritic (`ü`, `ā`, `ǎ`, `ḿ`…; their UTF-8 lead bytes).
fn may_start_syllable(byte: u8) -> bool {
    matches!(byte, b'a'..=b'z' | b'1'..=b'5' | 0xC3 | 0xC4 | 0xC5 | 0xC7 | 0xE1)
}

/// `index` (at most `text.len()`), moved back to the start of the character it falls in: a byte
/// count cut to whole characters.
pub fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// `index` (at most `text.len()`), moved on to the end of the character it falls in.
pub fn ceil_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index += 1;
    }
    index
}

/// Normalises `original` (see the module docs).
pub fn normalize(original: &str) -> NormalizedText {
    let mut output = Output {
        text: String::with_capacity(original.len()),
        segments: Vec::new(),
        previous: None,
    };
    let mut units = Units {
        original,
        position: 0,
        ahead: VecDeque::new(),
        last_folded: None,
        folder: fold::CommonFolder::default(),
    };
    // Reused for every run of spaces.
    let mut space_run: Vec<Unit> = Vec::new();
    loop {
        units.copy_aligned_run(&mut output);
        let Some(unit) = units.take() else {
            break;
        };
        if !is_space(unit.ch) {
            output.push(unit);
            continue;
        }
        if let Some(length) = page_number_len(&mut units, output.previous) {
            // The spaces and digits of a page number go; the spaces after it are judged next.
            units.ahead.drain(..length - 1);
            continue;
        }
        // A run of spaces is kept or dropped whole.
        space_run.clear();
        space_run.push(unit);
        while units.peek(0).is_some_and(is_space) {
            space_run.extend(units.ahead.pop_front());
        }
        let layout = space_run.len() >= LAYOUT_RUN || space_run.iter().any(|u| u.ch == '\t');
        if !is_stray_space(layout, output.previous, units.peek(0)) {
            for &space in &space_run {
                output.push(space);
            }
        }
    }
    NormalizedText {
        text: output.text,
        segments: output.segments,
        original_len: original.len(),
    }
}

fn is_toned_vowel(ch: char) -> bool {
    matches!(
        ch,
        'ā' | 'á'
            | 'ǎ'
            | 'à'
            | 'ē'
            | 'é'
            | 'ě'
            | 'è'
            | 'ī'
            | 'í'
            | 'ǐ'
            | 'ì'
            | 'ō'
            | 'ó'
            | 'ǒ'
            | 'ò'
            | 'ū'
            | 'ú'
            | 'ǔ'
            | 'ù'
            | 'ǖ'
            | 'ǘ'
            | 'ǚ'
            | 'ǜ'
            | 'ń'
            | 'ň'
            | 'ǹ'
            | 'ḿ'
    )
}

/// If `text` starts with a pinyin annotation (`(hào)`), its length in bytes. Annotations with
/// tone marks are unmistakable and go wherever they are; numbered ones (`(hao4)`) only after a Han
/// character.
fn pinyin_annotation_bytes(text: &str, previous: Option<char>) -> Option<usize> {
    const MAX_SYLLABLE: usize = 7;
    let open = text.chars().next()?.len_utf8();
    // The syllable read so far: how many characters, whether one has a tone mark, whether it
    // ended with a tone number (which must be its last character).
    let (mut count, mut toned, mut numbered) = (0, false, false);
    for (offset, ch) in text[open..].char_indices() {
        if matches!(ch, ')' | '）') {
            let numbered = count > 1 && numbered && previous.is_some_and(is_han);
            return (toned || numbered).then_some(open + offset + ch.len_utf8());
        }
        // Any other character rules the annotation out: stop early (most brackets hold Han text).
        if count == MAX_SYLLABLE || numbered {
            return None;
        }
        if ('1'..='5').contains(&ch) {
            numbered = true;
        } else if is_toned_vowel(ch) {
            toned = true;
        } else if !(ch.is_ascii_lowercase() || ch == 'ü') {
            return None;
        }
        count += 1;
    }
    None
}

fn is_space(ch: char) -> bool {
    matches!(
        ch,
        ' ' | '\t' | '\u{A0}' | '\u{3000}' | '\r' | '\u{2002}'..='\u{200A}'
    )
}

/// Measure words and units: a number followed by one of these is a count, never a page number.
fn is_counter(ch: char) -> bool {
    "件条个项次人家份页起名元万亿千百余多户台张本篇期批场所座辆天年月日号时分秒岁位宗例类部倍届支处间套期辆吨米亩斤笔单%‰"
        .contains(ch)
}

/// Characters that introduce a number: after one of these, a spaced number is content.
fn introduces_number(ch: char) -> bool {
    matches!(
        ch,
        '第' | '共'
            | '计'
            | '为'
            | '达'
            | '约'
            | '有'
            | '增'
            | '减'
            | '至'
            | '到'
            | '和'
            | '与'
            | '及'
            | '近'
            | '超'
            | '逾'
            | '仅'
            | '占'
            | '比'
            | '是'
            | '收'
            | '受'
            | '办'
            | '了'
    )
}

// Page numbers that a PDF or Word conversion left inside a sentence: a 1–3 digit number, spaced
// on both sides, between CJK text, that is neither a count (followed by a measure word) nor
// introduced as a number (`共 12 件`), e.g. `政府信息 9 公开` or `统计期限自 1 2009年`.

/// If the space just taken from `units` starts a page number, how many characters the page
/// number spans from that space (its leading spaces and its digits; the spaces after it are left).
fn page_number_len(units: &mut Units<'_>, previous: Option<char>) -> Option<usize> {
    let previous = previous?;
    if !is_cjk(previous) || introduces_number(previous) {
        return None;
    }
    // Position 0 is the space already taken; position `n` is `n - 1` ahead.
    let mut at = |position: usize| units.peek(position - 1);
    let mut cursor = 1;
    while at(cursor).is_some_and(is_space) {
        cursor += 1;
    }
    let digits_start = cursor;
    while at(cursor).is_some_and(|c| c.is_ascii_digit()) {
        cursor += 1;
    }
    let digit_count = cursor - digits_start;
    if digit_count == 0 || digit_count > 3 {
        return None;
    }
    let digits_end = cursor;
    while at(cursor).is_some_and(is_space) {
        cursor += 1;
    }
    if cursor == digits_end {
        return None;
    }
    let next = at(cursor)?;
    let followed_by_text = is_han(next) && !is_counter(next);
    let followed_by_year = (cursor..cursor + 4).all(|p| at(p).is_some_and(|c| c.is_ascii_digit()))
        && at(cursor + 4) == Some('年');
    (followed_by_text || followed_by_year).then_some(digits_end)
}

/// Runs of this many spaces inside a line are layout (aligned table columns).
const LAYOUT_RUN: usize = 3;

/// Whether a run of spaces is stray: it touches CJK text (`概 述`, `12月31 日`, indentation before
/// `一、`) and the other side is not a Latin word (`政府 Government`). A run with a tab or of three
/// or more spaces inside a line is layout (aligned table columns) and is kept. Spaces that touch
/// no CJK text are kept exactly, so ASCII text passes through unchanged.
fn is_stray_space(layout: bool, previous: Option<char>, next: Option<char>) -> bool {
    let line_edge = matches!(previous, None | Some('\n')) || matches!(next, None | Some('\n'));
    let touches_cjk = previous.is_some_and(is_cjk) || next.is_some_and(is_cjk);
    let next_to_word = previous.is_some_and(|c| c.is_ascii_alphabetic())
        || next.is_some_and(|c| c.is_ascii_alphabetic());
    touches_cjk && !next_to_word && (line_edge || !layout)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(input: &str) -> String {
        normalize(input).as_str().to_string()
    }

    #[test]
    fn traditional_characters_fold_in_place() {
        let text = normalize("各級政府，開展工作");
        assert_eq!(text.as_str(), "各级政府,开展工作");
        // `開` (original bytes 15..18) is `开` at 13..16: the comma before it lost two bytes.
        assert_eq!(text.original_range(13..16), 15..18);
        assert_eq!(text.original_range(0..12), 0..12);
    }

    #[test]
    fn spaces_and_annotations_inside_a_run_keep_offsets_exact() {
        let original = "各級 政府(fǔ)開展\r\n工作 Gov (1) 件";
        let text = normalize(original);
        assert_eq!(text.as_str(), "各级政府开展\n工作 Gov (1)件");
        let at = |word: &str| {
            let start = text.as_str().find(word).expect("word is in the text");
            &original[text.original_range(start..start + word.len())]
        };
        assert_eq!(at("政府"), "政府");
        assert_eq!(at("开展"), "開展");
        assert_eq!(at("展\n工"), "展\r\n工");
        assert_eq!(at("作 Gov (1)"), "作 Gov (1)");
    }

    #[test]
    fn brackets_are_kept_unless_they_hold_pinyin() {
        assert_eq!(norm("编号(hao4)为"), "编号为");
        assert_eq!(norm("编号(hào)为"), "编号为");
        assert_eq!(norm("(一)主动公开"), "(一)主动公开");
        assert_eq!(norm("(1)申请"), "(1)申请");
        assert_eq!(norm("(a)项与(B)项"), "(a)项与(B)项");
        assert_eq!(norm("共(12)件("), "共(12)件(");
        // At most seven letters, a tone number only at the end, after a Han character.
        assert_eq!(norm("号(zhuàngg)为"), "号为");
        assert_eq!(norm("号(zhuàngga)为"), "号(zhuàngga)为");
        assert_eq!(norm("号(ha4o)为"), "号(ha4o)为");
        assert_eq!(norm("A(hao4)"), "A(hao4)");
        assert_eq!(norm("号（hào）为"), "号为");
        // Offsets stay exact on both sides of a removed annotation.
        let text = normalize("號(hào)(一)");
        assert_eq!(text.as_str(), "号(一)");
        assert_eq!(text.original_range(3..4), 9..10);
        assert_eq!(text.original_range(4..7), 10..13);
    }

    #[test]
    fn folds_script_width_and_spaces() {
        assert_eq!(norm("一、概 述"), "一、概述");
        assert_eq!(norm("12月31 日止"), "12月31日止");
        assert_eq!(norm("政府信息公開(kāi)工作"), "政府信息公开工作");
        assert_eq!(norm("編號(hào)"), "编号");
        assert_eq!(norm("２０１９年"), "2019年");
        assert_eq!(
            norm("Open  Government\r\n  Information "),
            "Open  Government\r\n  Information "
        );
        assert_eq!(norm("  一、总体情况  \n"), "一、总体情况\n");
        assert_eq!(norm("规章\t6\t6"), "规章\t6\t6");
        assert_eq!(norm("政府 Government"), "政府 Government");
    }

    #[test]
    fn drops_page_numbers_but_keeps_counts() {
        assert_eq!(norm("统计期限自 1 2009年1月1日"), "统计期限自2009年1月1日");
        assert_eq!(norm("加强政府信息 9 公开内容"), "加强政府信息公开内容");
        assert_eq!(norm("2025 年有 1 件申请"), "2025年有1件申请");
        assert_eq!(norm("共收到 12 件"), "共收到12件");
        assert_eq!(norm("收取信息处理费 380 元"), "收取信息处理费380元");
    }

    #[test]
    fn keeps_annotations_that_are_not_pinyin() {
        assert_eq!(norm("A(b) 政(x)"), "A(b)政(x)");
    }

    #[test]
    fn maps_spans_to_original_characters() {
        let original = "本機關２０１９年政府信息公開(kāi)工作年度報告";
        let normalized = normalize(original);
        let text = normalized.as_str();
        let start = text.find("2019年").unwrap();
        let range = normalized.original_range(start..start + "2019年".len());
        assert_eq!(&original[range], "２０１９年");
        let start = text.find("公开工作").unwrap();
        let range = normalized.original_range(start..start + "公开".len());
        assert_eq!(&original[range], "公開");
    }
}

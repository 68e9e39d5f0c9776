//! Normalised text with an offset map back to the original.
//!
//! Rules are written once, in Simplified Chinese and half-width forms. Real reports are not: they
//! come in Traditional script, with full-width digits, spaces inside words (`概 述`), pinyin left by
//! broken converters (`號(hào)`), page numbers inside sentences and mojibake brackets. This module
//! builds the text the rest of the pipeline reads, and remembers for every byte of it which bytes
//! of the original it came from, so that every diagnostic lands on the user's own characters.
//!
//! Two passes, each linear in the input:
//! 1. pinyin annotations are dropped and each character is folded ([`fold`]): mojibake repair,
//!    NFKC, Traditional→Simplified;
//! 2. page numbers stranded inside a sentence (`政府信息 9 公开`) and spaces next to CJK text
//!    (`概 述`) are dropped, and the text and its offset map are built.
//!
//! Line breaks are kept: structure (titles, headings, tables) is line-based.

pub mod fold;

use std::ops::Range;

use fold::{fold_char, is_cjk, is_han};

/// Text after normalisation, with a map from its byte offsets to the original's.
#[derive(Debug, Clone)]
pub struct NormalizedText {
    text: String,
    /// For each byte of `text`: the start of the original character it came from.
    starts: Vec<u32>,
    /// For each byte of `text`: the end of the original character it came from.
    ends: Vec<u32>,
    original_len: usize,
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
        if range.end <= range.start {
            return start..start;
        }
        let end = self.ends[range.end - 1] as usize;
        start..end.max(start)
    }

    /// Maps one normalised byte offset (a position between characters) to the original.
    pub fn original_offset(&self, offset: usize) -> usize {
        if offset >= self.text.len() {
            // The end of the text maps past everything that was dropped at the end of the original.
            return self.ends.last().map_or(self.original_len, |&end| {
                if self.text.is_empty() {
                    self.original_len
                } else {
                    end as usize
                }
            });
        }
        self.starts[offset] as usize
    }
}

/// One character on its way through normalisation, with the original bytes it stands for.
#[derive(Debug, Clone, Copy)]
struct Unit {
    ch: char,
    start: u32,
    end: u32,
}

/// Normalises `original` (see the module docs).
pub fn normalize(original: &str) -> NormalizedText {
    // Pass 1: pinyin annotations out, every character folded.
    let mut folded: Vec<Unit> = Vec::with_capacity(original.len());
    let mut chars = original.char_indices();
    while let Some((start, ch)) = chars.next() {
        if matches!(ch, '(' | '（') {
            if let Some(skip) =
                pinyin_annotation_bytes(&original[start..], folded.last().map(|u| u.ch))
            {
                // Skip the annotation's remaining characters.
                let end = start + skip;
                while chars.as_str().len() > original.len() - end {
                    chars.next();
                }
                continue;
            }
        }
        let unit = Unit {
            ch,
            start: start as u32,
            end: (start + ch.len_utf8()) as u32,
        };
        fold_char(ch, &mut |folded_ch| {
            folded.push(Unit {
                ch: folded_ch,
                ..unit
            })
        });
    }
    // Pass 2: stranded page numbers and stray spaces out, text and offset map built.
    let mut text = String::with_capacity(original.len());
    let mut starts = Vec::with_capacity(original.len());
    let mut ends = Vec::with_capacity(original.len());
    let mut previous: Option<char> = None;
    let mut push = |unit: Unit, text: &mut String, previous: &mut Option<char>| {
        text.push(unit.ch);
        for _ in 0..unit.ch.len_utf8() {
            starts.push(unit.start);
            ends.push(unit.end);
        }
        *previous = Some(unit.ch);
    };
    let mut index = 0;
    while index < folded.len() {
        let unit = folded[index];
        if !is_space(unit.ch) {
            push(unit, &mut text, &mut previous);
            index += 1;
            continue;
        }
        if let Some(skip) = page_number_len(&folded, index, previous) {
            index += skip;
            continue;
        }
        let run_end = folded[index..]
            .iter()
            .position(|u| !is_space(u.ch))
            .map_or(folded.len(), |offset| index + offset);
        let next = folded.get(run_end).map(|u| u.ch);
        if !is_stray_space(&folded[index..run_end], previous, next) {
            for &space in &folded[index..run_end] {
                push(space, &mut text, &mut previous);
            }
        }
        index = run_end;
    }
    NormalizedText {
        text,
        starts,
        ends,
        original_len: original.len(),
    }
}

fn is_toned_vowel(ch: char) -> bool {
    "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ".contains(ch)
}

/// If `text` starts with a pinyin annotation (`(hào)`), its length in bytes. Annotations with
/// tone marks are unmistakable and go wherever they are; numbered ones (`(hao4)`) only after a Han
/// character.
fn pinyin_annotation_bytes(text: &str, previous: Option<char>) -> Option<usize> {
    const MAX_SYLLABLE: usize = 7;
    let mut inner: Vec<char> = Vec::with_capacity(MAX_SYLLABLE);
    for (offset, ch) in text.char_indices().skip(1).take(MAX_SYLLABLE + 1) {
        if matches!(ch, ')' | '）') {
            if inner.is_empty() {
                return None;
            }
            let last = inner.len() - 1;
            let letters_ok = inner.iter().enumerate().all(|(i, &c)| {
                c.is_ascii_lowercase()
                    || c == 'ü'
                    || is_toned_vowel(c)
                    || (i == last && ('1'..='5').contains(&c))
            });
            let toned = inner.iter().any(|&c| is_toned_vowel(c));
            let numbered =
                inner.len() > 1 && inner[last].is_ascii_digit() && previous.is_some_and(is_han);
            return (letters_ok && (toned || numbered)).then_some(offset + ch.len_utf8());
        }
        inner.push(ch);
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
    "第共计为达约有增减至到和与及近超逾仅占比是收受办了".contains(ch)
}

// Page numbers that a PDF or Word conversion left inside a sentence: a 1–3 digit number, spaced
// on both sides, between CJK text, that is neither a count (followed by a measure word) nor
// introduced as a number (`共 12 件`), e.g. `政府信息 9 公开` or `统计期限自 1 2009年`.

/// If a page number (with its leading spaces) starts at `index`, how many units to skip. The
/// trailing spaces are left for [`tidy_whitespace`].
fn page_number_len(units: &[Unit], index: usize, previous: Option<char>) -> Option<usize> {
    // Cheapest test first: this runs for every character.
    if !is_space(units[index].ch) {
        return None;
    }
    let previous = previous?;
    if !is_cjk(previous) || introduces_number(previous) {
        return None;
    }
    let mut cursor = index;
    while cursor < units.len() && is_space(units[cursor].ch) {
        cursor += 1;
    }
    let digits_start = cursor;
    while cursor < units.len() && units[cursor].ch.is_ascii_digit() {
        cursor += 1;
    }
    let digit_count = cursor - digits_start;
    if digit_count == 0 || digit_count > 3 {
        return None;
    }
    let digits_end = cursor;
    while cursor < units.len() && is_space(units[cursor].ch) {
        cursor += 1;
    }
    if cursor == digits_end {
        return None;
    }
    let next = units.get(cursor)?.ch;
    let followed_by_text = is_han(next) && !is_counter(next);
    let followed_by_year = units.len() > cursor + 4
        && units[cursor..cursor + 4]
            .iter()
            .all(|u| u.ch.is_ascii_digit())
        && units[cursor + 4].ch == '年';
    (followed_by_text || followed_by_year).then_some(digits_end - index)
}

/// Whether a run of spaces is stray: it touches CJK text (`概 述`, `12月31 日`, indentation before
/// `一、`) and the other side is not a Latin word (`政府 Government`). A run with a tab or of three
/// or more spaces inside a line is layout (aligned table columns) and is kept. Spaces that touch
/// no CJK text are kept exactly, so ASCII text passes through unchanged.
fn is_stray_space(run: &[Unit], previous: Option<char>, next: Option<char>) -> bool {
    const LAYOUT_RUN: usize = 3;
    let line_edge = matches!(previous, None | Some('\n')) || matches!(next, None | Some('\n'));
    let touches_cjk = previous.is_some_and(is_cjk) || next.is_some_and(is_cjk);
    let next_to_word = previous.is_some_and(|c| c.is_ascii_alphabetic())
        || next.is_some_and(|c| c.is_ascii_alphabetic());
    let layout = run.len() >= LAYOUT_RUN || run.iter().any(|u| u.ch == '\t');
    touches_cjk && !next_to_word && (line_edge || !layout)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(input: &str) -> String {
        normalize(input).as_str().to_string()
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

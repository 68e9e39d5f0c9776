//! PDF: the text layer, page by page, with lopdf (which reads the CID fonts Chinese PDFs use).
//!
//! Each page's text is appended with the offset where the page starts, so diagnostics can say
//! "page 3, line 12". A PDF without a text layer (a scan) yields no text: the caller reports that
//! once (`input/no-text`) instead of a flood of "missing section" findings.
//!
//! A text layer has one line per printed line, so a paragraph arrives broken wherever the page
//! margin fell: `统计期限自2019年1月1` / `日起至12月31日止`. Rules read sentences, so
//! [`join_wrapped_lines`] rejoins the lines of each paragraph; diagnostics still show the lines as
//! printed.

use std::panic::{catch_unwind, AssertUnwindSafe};

/// The text of a PDF and where each page starts in it.
#[derive(Debug, Clone, Default)]
pub struct PdfText {
    pub text: String,
    /// `(byte offset in text, page number)`, in order.
    pub pages: Vec<(u32, u32)>,
}

/// Extracts the text layer, decompressing at most `limit` bytes of content per page.
pub fn extract(bytes: &[u8], limit: u64) -> Result<PdfText, String> {
    // lopdf is defensive, but a malformed file must not take the run down with it.
    let loaded = catch_unwind(AssertUnwindSafe(|| lopdf::Document::load_mem(bytes)))
        .map_err(|_| "not a readable PDF (the reader failed on it)".to_string())?
        .map_err(|error| format!("not a readable PDF ({error})"))?;
    let mut out = PdfText::default();
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    for number in loaded.get_pages().keys().copied() {
        let page = catch_unwind(AssertUnwindSafe(|| {
            loaded.extract_text_with_limit(&[number], limit)
        }));
        let Ok(Ok(text)) = page else {
            continue;
        };
        out.pages.push((out.text.len() as u32, number));
        out.text.push_str(&text);
        if !out.text.ends_with('\n') {
            out.text.push('\n');
        }
    }
    Ok(out)
}

/// The text of a PDF with the lines of each paragraph joined, and, for each of its bytes, where
/// its character starts and ends in the text as extracted.
#[derive(Debug, Clone)]
pub struct JoinedText {
    pub text: String,
    pub starts: Vec<u32>,
    pub ends: Vec<u32>,
}

/// Lines narrower than this many columns are not paragraph text filled to a margin.
const MIN_FILLED_COLUMNS: usize = 40;

/// Joins each printed line to the next where the page margin, not the writer, ended it. A line
/// is joined when:
/// - it is filled: at least four fifths as wide as the page's filled lines (the 90th percentile
///   of line widths, a Chinese character being two columns); a numbered heading must reach the
///   margin and be followed by a short rest;
/// - it has words (not a rule of dashes) and is neither a table row nor a `首页 > 公开` trail;
/// - it does not end a sentence or a clause (`。` `;` `!` `?`) or a title (`报告`);
/// - the next line does not start a block of its own (a numbered heading or list item, `第…章`,
///   a page number, a table row).
///
/// `None` when no line is joined (a text without filled lines, such as one written with a line
/// per paragraph).
pub fn join_wrapped_lines(text: &str) -> Option<JoinedText> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut widths: Vec<usize> = lines
        .iter()
        .filter(|line| !line.contains('|'))
        .map(|line| columns(line.trim_end()))
        .filter(|&width| width > 0)
        .collect();
    if widths.len() < 4 {
        return None;
    }
    widths.sort_unstable();
    let page_width = widths[widths.len() * 9 / 10];
    if page_width < MIN_FILLED_COLUMNS {
        return None;
    }
    let filled = page_width * 4 / 5;
    let joins_next = |index: usize| {
        let line = lines[index].trim_end();
        let Some(next) = lines.get(index + 1) else {
            return false;
        };
        let Some(last) = line.chars().next_back() else {
            return false;
        };
        // A heading or list item that wrapped reaches the margin, and what is left of it is
        // short; a long one that did not wrap is followed by a paragraph.
        let fits = if starts_block(line) {
            columns(line) + 1 >= page_width && columns(next.trim_end()) < filled
        } else {
            columns(line) >= filled
        };
        fits
            && line.chars().any(char::is_alphanumeric)
            && !line.contains(['|', '>', '»'])
            && !ENDS_CLAUSE.contains(&last)
            // A title ends with 报告 (`報(bào)告` after a broken converter).
            && last != '告'
            && !starts_block(next)
    };
    let joins: Vec<bool> = (0..lines.len()).map(joins_next).collect();
    if !joins.contains(&true) {
        return None;
    }
    let mut joined = JoinedText {
        text: String::with_capacity(text.len()),
        starts: Vec::with_capacity(text.len()),
        ends: Vec::with_capacity(text.len()),
    };
    let mut line_start = 0;
    for (line, &joined_here) in lines.iter().zip(&joins) {
        // A joined line loses its trailing spaces too: the margin, not a word gap, ended it.
        let kept = if joined_here { line.trim_end() } else { line };
        for (offset, ch) in kept.char_indices() {
            let start = (line_start + offset) as u32;
            let end = start + ch.len_utf8() as u32;
            joined.text.push(ch);
            for _ in 0..ch.len_utf8() {
                joined.starts.push(start);
                joined.ends.push(end);
            }
        }
        let break_at = line_start + line.len();
        if !joined_here && break_at < text.len() {
            joined.text.push('\n');
            joined.starts.push(break_at as u32);
            joined.ends.push(break_at as u32 + 1);
        }
        line_start = break_at + 1;
    }
    Some(joined)
}

/// Characters that end a sentence or a clause: a line ending with one was ended by its writer.
/// (Not `:`, which is as often followed by its value, `电话:` / `4232334`, as by a list, whose
/// items start blocks of their own.)
const ENDS_CLAUSE: [char; 8] = ['。', ';', '!', '?', '；', '！', '？', '…'];

/// How wide a line prints: a Chinese character or full-width form takes two columns.
fn columns(line: &str) -> usize {
    line.chars()
        .map(|ch| if crate::text::fold::is_cjk(ch) { 2 } else { 1 })
        .sum()
}

/// Whether a line starts a block of its own rather than continuing a paragraph: a numbered
/// heading or list item (`一、` `(一)` `（一）` `1、` `1.` `(1)`), `第…章/节/条/部分/篇`, a table
/// row, a page number (`- 2 -`, `2`), or nothing at all.
fn starts_block(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() || line.contains('|') {
        return true;
    }
    let is_numeral = |ch: char| {
        ch.is_ascii_digit()
            || ('０'..='９').contains(&ch)
            || "一二三四五六七八九十〇零".contains(ch)
    };
    let page_number = line
        .trim_matches(|ch: char| matches!(ch, '-' | '—' | '－' | ' ' | '第' | '页' | '頁'))
        .chars()
        .all(|ch| ch.is_ascii_digit() || ('０'..='９').contains(&ch));
    if page_number {
        return true;
    }
    let mut chars = line.chars().peekable();
    let first = chars.next();
    let bracketed = matches!(first, Some('(' | '（'));
    let counted = first == Some('第');
    if !(bracketed || counted || first.is_some_and(is_numeral)) {
        return false;
    }
    while chars.next_if(|&ch| is_numeral(ch)).is_some() {}
    match chars.next() {
        Some(')' | '）') => bracketed,
        Some('章' | '节' | '節' | '条' | '條' | '部' | '篇') => counted,
        Some('、' | '.' | '．') => !bracketed && !counted,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Printed lines of 20 Chinese characters (40 columns), as a narrow page would break them.
    const PRINTED: &str = "某局2019年政府信息公开工作年度报告\n\
        一、总体情况\n\
        本报告中所列数据的统计期限自2019年1月1\n\
        日起至12月31日止。如对本报告有任何疑问,请与\n\
        本局办公室政务公开科联系,联系电话:0571-8765\n\
        4321。\n\
        二、主动公开政府信息情况\n\
        全年主动公开政府信息五十条,其中规章二件,规范性\n\
        文件三件。\n\
        - 2 -\n\
        (一)加强组织领导,完善工作机制,明确专人负责\n\
        全年未收到政府信息公开申请,未发生行政复议。\n";

    #[test]
    fn a_paragraph_broken_by_the_margin_is_joined() {
        let joined = join_wrapped_lines(PRINTED).expect("lines are joined");
        assert_eq!(
            joined.text,
            "某局2019年政府信息公开工作年度报告\n\
             一、总体情况\n\
             本报告中所列数据的统计期限自2019年1月1日起至12月31日止。如对本报告有任何疑问,请与\
             本局办公室政务公开科联系,联系电话:0571-87654321。\n\
             二、主动公开政府信息情况\n\
             全年主动公开政府信息五十条,其中规章二件,规范性文件三件。\n\
             - 2 -\n\
             (一)加强组织领导,完善工作机制,明确专人负责\n\
             全年未收到政府信息公开申请,未发生行政复议。\n"
        );
        // Every byte maps back to the character it came from in the printed lines.
        assert_eq!(joined.starts.len(), joined.text.len());
        for (offset, ch) in joined.text.char_indices() {
            let (start, end) = (joined.starts[offset] as usize, joined.ends[offset] as usize);
            assert_eq!(&PRINTED[start..end], ch.to_string(), "at {offset}");
        }
        let day = joined.text.find("日起至").expect("joined");
        let printed_day = PRINTED.find("日起至").expect("printed");
        assert_eq!(joined.starts[day] as usize, printed_day);
    }

    #[test]
    fn headings_ends_of_sentences_titles_and_page_numbers_stay_lines() {
        let joined = join_wrapped_lines(PRINTED).expect("lines are joined");
        for line in [
            "某局2019年政府信息公开工作年度报告",
            "一、总体情况",
            "二、主动公开政府信息情况",
            "- 2 -",
            "(一)加强组织领导,完善工作机制,明确专人负责",
        ] {
            assert!(joined.text.lines().any(|kept| kept == line), "{line}");
        }
    }

    #[test]
    fn a_text_with_a_line_per_paragraph_is_left_alone() {
        let text = "某局2019年政府信息公开工作年度报告\n一、总体情况\n\
            本报告中所列数据的统计期限自2019年1月1日起至12月31日止,如有疑问请联系本局办公室。\n\
            二、主动公开政府信息情况\n全年主动公开政府信息五十条,其中规章二件,规范性文件三件。\n\
            三、收到和处理政府信息公开申请情况\n全年未收到政府信息公开申请。\n";
        assert!(join_wrapped_lines(text).is_none());
        assert!(join_wrapped_lines("短\n行\n").is_none());
    }

    #[test]
    fn blocks_are_recognised_by_their_start() {
        for line in [
            "一、概述",
            "十二、其他",
            "(一)组织领导",
            "（二）制度建设",
            "1、加强领导",
            "2.完善制度",
            "(3)公开平台",
            "第一章 总则",
            "- 12 -",
            "第 3 页",
            "7",
            "| 一、本年新收 | 5 |",
            "",
        ] {
            assert!(starts_block(line), "{line}");
        }
        for line in [
            "日起至12月31日止。",
            "12名工作人员",
            "2011年9月进驻以来",
            "一年来,主要做好了",
            "(以下简称《条例》)",
            "第三方评估",
        ] {
            assert!(!starts_block(line), "{line}");
        }
    }

    #[test]
    fn broken_files_are_errors_not_panics() {
        assert!(extract(b"%PDF-1.4\n%garbage", 1 << 20).is_err());
        assert!(extract(b"", 1 << 20).is_err());
    }
}

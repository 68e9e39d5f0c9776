//! Printed lines rejoined into paragraphs.
//!
//! Text copied out of a printed page, and every PDF's text layer, has one line per printed line,
//! so a sentence arrives broken wherever the margin fell: `统计期限自2019年1月1` / `日起至12月31日止`.
//! Rules read sentences and most of the pipeline reads lines, so a search for the statistics
//! period or a phone number would miss it. [`join_wrapped_lines`] finds the breaks the margin
//! made and removes them; the caller keeps the printed text for diagnostics, which still show and
//! count the lines as printed (the joined text maps back to them as a web page's text does to its
//! source). A text written with a line per paragraph shows no margin and is left as it is.

use crate::text::fold::is_han;

/// A text with the lines of each paragraph joined, and, for each of its bytes, where its
/// character starts and ends in the printed text.
#[derive(Debug, Clone)]
pub struct JoinedText {
    pub text: String,
    pub starts: Vec<u32>,
    pub ends: Vec<u32>,
}

/// Lines narrower than this many columns are not paragraph text filled to a margin.
const MIN_FILLED_COLUMNS: usize = 40;

/// One printed line.
struct PrintedLine<'a> {
    /// Byte offset of the line in the text.
    start: usize,
    /// The line, line break excluded.
    printed: &'a str,
    /// The line without trailing spaces.
    words: &'a str,
    /// How wide `words` prints (see [`columns`]).
    width: usize,
}

impl PrintedLine<'_> {
    fn last(&self) -> Option<char> {
        self.words.chars().next_back()
    }

    fn ends_clause(&self) -> bool {
        self.last().is_some_and(|last| ENDS_CLAUSE.contains(&last))
    }
}

/// Joins each printed line to the next where the page margin, not the writer, ended it.
///
/// The margin is found first: the page's width is the 90th percentile of the widths of lines of
/// ten Chinese characters or more (a Chinese character is two columns), and a line is filled when
/// it is at least four fifths that wide. Lines are joined only if the text shows a margin at all:
/// at least two filled lines, and a quarter of them, run to within two characters of it and end
/// mid-sentence. A line is then joined to the next when:
/// - it is filled; a numbered heading or a `首页 > 公开` trail must reach the margin and be
///   followed by a short rest (a long heading that did not wrap is followed by a paragraph);
/// - it has words (not a rule of dashes) and is not a table row;
/// - it does not end a sentence or a clause (`。` `;` `!` `?`) or a title (`报告`);
/// - neither it nor the next line is a table's row with single spaces between its cells
///   ([`is_spaced_row`]: a page's table copied as text, whose wide rows reach the margin);
/// - the next line does not start a block of its own (a numbered heading or list item, `第…章`,
///   a page number, a table row).
///
/// `None` when no line is joined. Linear in the text: one pass to measure the lines, one over
/// the lines to decide, and one to copy when something is joined.
pub fn join_wrapped_lines(text: &str) -> Option<JoinedText> {
    // About one line per 64 bytes of report text: enough that the list seldom grows.
    let mut lines = Vec::with_capacity(text.len() / 64 + 1);
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]) {
        let printed = &text[start..end];
        let words = printed.trim_end();
        lines.push(PrintedLine {
            start,
            printed,
            words,
            width: columns(words),
        });
        start = end + 1;
    }
    // Short lines (table cells, headings, signatures) say nothing about the margin.
    let is_text = |line: &PrintedLine<'_>| memchr::memchr(b'|', line.words.as_bytes()).is_none();
    let mut widths: Vec<usize> = lines
        .iter()
        .filter(|line| line.width >= MIN_FILLED_COLUMNS / 2 && is_text(line))
        .map(|line| line.width)
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
    let (long, at_margin) = lines
        .iter()
        .filter(|line| line.width >= filled && is_text(line))
        .fold((0, 0), |(long, at_margin), line| {
            let runs_to_margin = line.width + 4 >= page_width && !line.ends_clause();
            (long + 1, at_margin + usize::from(runs_to_margin))
        });
    if at_margin < 2 || at_margin * 4 < long {
        return None;
    }
    let joins_next = |index: usize| {
        let line = &lines[index];
        let Some(next) = lines.get(index + 1) else {
            return false;
        };
        // Cheap tests first. A title ends with 报告 (`報(bào)告` after a broken converter).
        if line.width < filled || line.ends_clause() || line.last() == Some('告') {
            return false;
        }
        // Within one Chinese character of the margin: the next one did not fit.
        let block_like = starts_block(line.words) || line.words.contains(['>', '»']);
        let fits = !block_like || (line.width + 2 >= page_width && next.width < filled);
        fits && line.words.chars().any(char::is_alphanumeric)
            && is_text(line)
            && !starts_block(next.words)
            && !is_spaced_row(line.words)
            && !is_spaced_row(next.words)
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
    for (line, &joined_here) in lines.iter().zip(&joins) {
        // A joined line loses its trailing spaces too: the margin, not a word gap, ended it.
        let kept = if joined_here {
            line.words
        } else {
            line.printed
        };
        joined.text.push_str(kept);
        for (offset, ch) in kept.char_indices() {
            let start = (line.start + offset) as u32;
            let end = start + ch.len_utf8() as u32;
            for _ in 0..ch.len_utf8() {
                joined.starts.push(start);
                joined.ends.push(end);
            }
        }
        let break_at = line.start + line.printed.len();
        if !joined_here && break_at < text.len() {
            joined.text.push('\n');
            joined.starts.push(break_at as u32);
            joined.ends.push(break_at as u32 + 1);
        }
    }
    Some(joined)
}

/// Characters that end a sentence or a clause: a line ending with one was ended by its writer.
/// (Not `:`, which is as often followed by its value, `电话:` / `4232334`, as by a list, whose
/// items start blocks of their own.)
const ENDS_CLAUSE: [char; 8] = ['。', ';', '!', '?', '；', '！', '？', '…'];

/// How wide a line prints: ASCII and other alphabets (`ǎ` in pinyin) take one column, Chinese
/// characters and full-width forms two. By the length of each character's UTF-8 sequence: a
/// continuation byte adds nothing, a two-byte lead one column, a longer lead two.
fn columns(line: &str) -> usize {
    // Counted in runs of up to 255 bytes into one-byte counters, which the compiler turns into
    // vector code: this runs over every text file.
    line.as_bytes()
        .chunks(255)
        .map(|run| {
            let mut continuations = 0u8;
            let mut wide = 0u8;
            for &byte in run {
                continuations += u8::from(byte & 0xC0 == 0x80);
                wide += u8::from(byte >= 0xE0);
            }
            run.len() - usize::from(continuations) + usize::from(wide)
        })
        .sum()
}

/// Whether a line is a table's row with its cells separated by spaces, as text copied out of a
/// PDF gives one: at least three cells, and either the last three are numbers (`… 1 0 0 0 2`), or
/// every cell is a name of two to twelve Chinese characters without punctuation (`结果维持 结果纠正
/// 其他结果 …`, a header row). Chinese prose has no spaces between its words, and a sentence
/// that has some (around a number: `收到申请 5 件`) has words of one character or punctuation, and
/// seldom ends in three numbers.
fn is_spaced_row(line: &str) -> bool {
    if memchr::memchr(b' ', line.as_bytes()).is_none() {
        return false;
    }
    if line.split_whitespace().nth(2).is_none() {
        return false;
    }
    let is_number = |cell: &str| {
        let digits = cell.strip_prefix(['-', '+']).unwrap_or(cell);
        !digits.is_empty()
            && digits
                .bytes()
                .all(|byte| byte.is_ascii_digit() || byte == b',')
    };
    let is_name = |cell: &str| {
        let han = cell.chars().take_while(|&ch| is_han(ch)).count();
        (2..=12).contains(&han) && han == cell.chars().count()
    };
    line.split_whitespace().rev().take(3).all(is_number) || line.split_whitespace().all(is_name)
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
    fn table_rows_with_spaces_between_cells_stay_lines() {
        // Table 四 copied out of a PDF: its header rows reach the margin of the report's text, but
        // are rows, and so is its line of numbers.
        let paragraph =
            "本报告中所列数据的统计期限自2019年1月1日起至12月31日止,全年主动公开政府信息五十\n\
            条,其中规章二件,规范性文件三件,行政许可事项共计一百二十件,均已按时办结完毕。\n";
        let text = format!(
            "{paragraph}{paragraph}{paragraph}四、政府信息公开行政复议、行政诉讼情况\n\
             结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉\n\
             结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计\n\
             1 0 0 0 2 0 0 0 0 0 0 0 0 0 0\n"
        );
        let joined = join_wrapped_lines(&text).expect("the paragraphs are joined");
        assert!(joined.text.contains("五十条"));
        assert!(joined
            .text
            .contains("复议后起诉\n结果维持 结果纠正 其他结果 尚未审结 总计 结果维持"));
        assert!(joined.text.contains("尚未审结 总计\n1 0 0 0 2"));
        for row in [
            "结果维持 结果纠正 其他结果 尚未审结 总计",
            "规章 5 0 1",
            "一、本年新收 58 7 0 0 1 0 66",
        ] {
            assert!(is_spaced_row(row), "{row}");
        }
        for line in [
            "本年收到申请 5 件,办结 3 件",
            "本 年 度 收 到",
            "规章 5",
            "全年主动公开政府信息五十条",
        ] {
            assert!(!is_spaced_row(line), "{line}");
        }
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
}

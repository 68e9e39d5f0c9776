//! Numbered headings: `一、` (level 1), `(一)` (level 2), `1、`/`1.` (level 3), `(1)` (level 4).
//!
//! Markers are matched on normalised text, so full-width `（一）` and `１．` are covered; a line's
//! Markdown marks (`## `, `**…**`) are already outside its range ([`super::lines`]), so a heading
//! is found at any Markdown level. `一是`, `1.5` and `2004年` are no markers.
//!
//! The outline is read from the headings in sequence: a level-1 marker only starts a section when
//! its number continues the sequence (`一` first, then larger numbers), and never when the line is
//! a row label of table 三 (`一、本年新收…`, `四、结转下年度…`). What a report *covers* is a wider
//! question, answered by words: a numbered line out of sequence (a section numbered again after
//! sub-points numbered like sections, a renumbered template) and a table caption (`表三:收到和处理…`)
//! still name their sections, and the document keeps their words for that ([`super::HeadingWords`])
//! without making them headings.
//!
//! Text that lost its line breaks (copied out of a web page, saved by a crawler) has its headings
//! inline: `…请与我区政府信息公开办联系。一、总体情况2021年,我区…`, all of them or only some (the
//! paragraphs run together, the tables kept their rows). Where the outline read from line starts
//! leaves room for sections (no heading yet, a gap between `二、` and `五、`, fewer than six), the
//! lines in that room are split where a level-1 number that fits the room and a section's words
//! stand together ([`inline_heading_starts`]; the words are `SECTION_WORDS`, the format's headings
//! and their common variants). A line is a byte range of the normalised text, so the pieces are
//! lines like any other and every offset stays exact; each inline heading starts a line, as
//! headings do, and its title is its section's words (nothing else tells where it ends). A
//! report whose six sections stand on lines of their own is not searched at all, and a numbered
//! list inside a paragraph of a well-formed report (`主要做法:一、主动公开…` under `一、`) cannot
//! fit between the sections around it, so it is never read as its sections.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::dates::chinese_small_number;

/// A heading recognised in a document.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Heading {
    /// Index of the line within the document's lines.
    #[serde(skip)]
    pub line: usize,
    /// 1 = `一、`, 2 = `(一)`, 3 = `1、`, 4 = `(1)`.
    pub level: u8,
    /// The number in the marker (`三、` → 3).
    pub number: u32,
    /// The heading's words without the marker, up to the first `。` or `;` (normalised text).
    pub title: String,
    /// Byte range of the whole heading (marker and title) in the normalised text.
    #[serde(skip)]
    pub range: Range<usize>,
}

impl Heading {
    /// Headings longer than this are list items that happen to be numbered, not headings: they
    /// may not satisfy a "required section" rule.
    pub const MAX_TITLE_CHARS: usize = 40;

    /// Whether the heading is short enough to name a section.
    pub fn is_section_title(&self) -> bool {
        is_short_title(&self.title)
    }
}

/// Row labels of the unified format's table 三 carry level-1 markers (`一、本年新收…`). When a
/// table is copied one cell per line they stand alone on a line, and `四、结转下年度继续办理`
/// would otherwise take the place of section 四.
static TABLE_ROW_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[一二三四][、.,](?:本年新收|上年结转|本年度办理结果|结转下年度)")
        .expect("row label pattern is valid")
});

/// Whether a line is a row label of the unified format's table 三 rather than a heading.
pub fn is_table_row_label(line: &str) -> bool {
    TABLE_ROW_LABEL.is_match(line)
}

/// Values a line of a table's row needs at its end, after single spaces, to be no heading.
const MIN_ROW_VALUES: usize = 3;

/// Whether a numbered line is a table's row with its values after single spaces
/// (`(三)不予公开1.属于国家秘密0 0 0 0 0 0 0`, table 三 copied out of a PDF): it ends in at least
/// [`MIN_ROW_VALUES`] numbers with a space before each, which no heading does.
pub fn ends_in_row_values(line: &str) -> bool {
    if memchr::memchr(b' ', line.as_bytes()).is_none() {
        return false;
    }
    line.rsplit(' ')
        .take(MIN_ROW_VALUES)
        .filter(|token| {
            let digits = token.strip_prefix('-').unwrap_or(token);
            !digits.is_empty() && digits.bytes().all(|byte| byte.is_ascii_digit())
        })
        .count()
        == MIN_ROW_VALUES
}

/// The words that head the sections of a report on open government information, as the unified
/// format words them and as reports commonly do (`概述`, `依申请公开情况`, `存在的问题`; the 2007
/// text's items `依申请公开政府信息和不予公开政府信息的情况`, `政府信息公开的收费及减免情况`, and as
/// offices worded them, `政府支出与收费`, `复议、诉讼和申诉情况`), longest first. They are structure, like the table's row labels above: where a heading runs on into its
/// section's text without a break (`一、总体情况2021年,我区…`), they are where the heading ends,
/// and in text without line breaks they are what tells a heading from a numbered list item.
static SECTION_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:总体情况|总体概述|基本情况|概述|概况|",
        r"(?:行政机关)?(?:政府信息)?主动公开(?:政府信息)?(?:的)?(?:工作)?情况|",
        r"(?:行政机关)?收到和处理政府信息公开(?:的)?申请(?:的)?情况|",
        r"(?:政府信息)?依申请公开(?:政府信息)?(?:(?:和|及)不予公开(?:政府信息)?)?(?:的)?(?:工作|办理)?情况|",
        r"(?:政府信息公开(?:的)?)?收费(?:及|和|与)减免(?:的)?情况|",
        r"(?:政府信息公开(?:的)?)?(?:政府)?支出(?:和|与|及)收费(?:情况)?|",
        r"(?:行政)?复议、(?:行政)?诉讼(?:和|及|、)?(?:申诉)?(?:的)?情况|",
        r"(?:因)?(?:政府信息公开(?:工作|申请)?)?(?:被申请|申请|引发的?)?",
        r"行政复议(?:、|和|或|及)?(?:提起)?行政诉讼(?:的)?情况|",
        r"(?:政府信息公开工作)?(?:当前)?存在的?(?:主要)?(?:问题|不足)(?:及|和|与)(?:下一步)?",
        r"(?:改进|整改)(?:情况|措施|方向)|",
        r"存在的?主要问题|",
        r"其[他它](?:需要|需)?报告的?事项)",
    ))
    .expect("section words pattern is valid")
});

/// The length in bytes of the section words that `title` starts with, if it starts with some.
pub fn section_words(title: &str) -> Option<usize> {
    SECTION_WORDS.find(title).map(|found| found.end())
}

/// Where a section (level-1) heading's words end: at the first sentence end ([`title_end`]), or at
/// the end of the section words the title starts with when the words run on into the section's
/// text (`一、总体情况2021年,我区…`): when the title is too long for a heading, or when what follows
/// the section words has a comma or starts with a number. A note in brackets or more heading words
/// (`主动公开政府信息情况(单位:件)`, `…申请情况及行政复议、行政诉讼情况`) stay in the title.
pub fn heading_title_end(line: &str, title_start: usize) -> usize {
    let end = title_end(line, title_start);
    let title = &line[title_start..end];
    // Most headings are short, with no comma or digit: the section words need not be looked for.
    let may_run_on = !is_short_title(title)
        || memchr::memchr(b',', title.as_bytes()).is_some()
        || title.bytes().any(|byte| byte.is_ascii_digit());
    if !may_run_on {
        return end;
    }
    let Some(words) = section_words(title) else {
        return end;
    };
    let rest = &title[words..];
    let runs_on = !is_short_title(title)
        || rest.starts_with(|ch: char| ch.is_ascii_digit())
        || rest.contains(',');
    if runs_on {
        title_start + words
    } else {
        end
    }
}

/// The offset of a table caption's words in `line` (`表三:收到和处理政府信息公开申请情况`,
/// `附表2 主动公开政府信息情况`): a table's number and name on a short line of their own. A caption
/// names its section's content but is no heading of the outline (its number counts tables, not
/// sections), so its words count for what the report covers and nothing else.
#[inline]
pub fn table_caption(line: &str) -> Option<usize> {
    // This runs on most lines: `表` and `附` are the only lead bytes E8 A1 and E9 99 it needs.
    if !matches!(line.as_bytes(), [0xE8, 0xA1, ..] | [0xE9, 0x99, ..]) {
        return None;
    }
    caption_words(line)
}

/// [`table_caption`] of a line that may start with `表` or `附`.
fn caption_words(line: &str) -> Option<usize> {
    let after = line
        .strip_prefix("附表")
        .or_else(|| line.strip_prefix('表'))?;
    let (number, rest) = take_while(after, 2, |ch| {
        ch.is_ascii_digit()
            || matches!(
                ch,
                '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
            )
    });
    if number.is_empty() {
        return None;
    }
    let words = rest.trim_start_matches([':', '、', '.', ' ']);
    let start = line.len() - words.len();
    (!words.is_empty() && is_short_title(words) && !words.contains('。')).then_some(start)
}

/// The offsets in `line` where a section heading stands inline, after other words, with the
/// heading's number: the number
/// and the section's words together (`…请与我区政府信息公开办联系。一、总体情况2021年…`,
/// `…行政规范性文件120118三、收到和处理政府信息公开申请情况…`), as text copied from a web page or
/// saved without line breaks gives them. Only a level-1 marker (`三、`) that is a number of its
/// own (not the end of `第三、` or of a longer numeral) and is followed by a section's words
/// counts: `一是`, `(一)`, `1.` and a table's row labels (`一、本年新收…`) never do.
pub fn inline_heading_starts(line: &str) -> Vec<(usize, u32)> {
    const MARK: &str = "、";
    static MARKS: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(MARK));
    let numeral = |ch: char| {
        matches!(
            ch,
            '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
        )
    };
    let mut starts = Vec::new();
    for at in MARKS.find_iter(line.as_bytes()) {
        let before = &line[..at];
        let digits = before
            .chars()
            .rev()
            .take_while(|&ch| numeral(ch))
            .take(3)
            .count();
        // Each numeral is three bytes.
        let start = at - 3 * digits;
        if digits == 0 || start == 0 {
            continue;
        }
        let previous = before[..start].chars().next_back();
        if previous.is_some_and(|ch| numeral(ch) || ch == '第') {
            continue;
        }
        let Some(number) = chinese_small_number(&line[start..at]) else {
            continue;
        };
        if section_words(&line[at + MARK.len()..]).is_some() {
            starts.push((start, number));
        }
    }
    starts
}

/// Whether words are short enough to be a heading's (see [`Heading::is_section_title`]).
fn is_short_title(words: &str) -> bool {
    // A character is one to four bytes: the length in bytes often settles it.
    words.len() <= Heading::MAX_TITLE_CHARS
        || (words.len() <= 4 * Heading::MAX_TITLE_CHARS
            && words.chars().count() <= Heading::MAX_TITLE_CHARS)
}

/// The longest run (at most `max` characters) at the start of `text` of characters accepted by
/// `accept`, as (the run, the rest).
fn take_while(text: &str, max: usize, accept: impl Fn(char) -> bool) -> (&str, &str) {
    let end = text
        .char_indices()
        .take(max)
        .find(|(_, ch)| !accept(*ch))
        .map_or_else(
            || {
                text.char_indices()
                    .nth(max)
                    .map_or(text.len(), |(index, _)| index)
            },
            |(index, _)| index,
        );
    text.split_at(end)
}

/// Parses a heading marker at the start of `line`: (level, number, byte offset of the title).
///
/// The grammar is small and runs on every line, so it is parsed by hand rather than with five
/// capturing regexes: `一、` `一.` (level 1), `第一部分`/`第一章` (level 1), `(一)` (level 2),
/// `1、` `1.` but not `1.5` (level 3), `(1)` (level 4). The title after the marker must not be empty.
pub fn parse_marker(line: &str) -> Option<(u8, u32, usize)> {
    let chinese = |ch: char| {
        matches!(
            ch,
            '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
        )
    };
    // Most lines start with none of the markers' first characters: one character settles them.
    let first = line.chars().next()?;
    if !(first == '(' || first == '第' || first.is_ascii_digit() || chinese(first)) {
        return None;
    }
    let (level, number, rest) = if let Some(inner) = line.strip_prefix('(') {
        let (digits, after) = take_while(inner, 2, |ch| ch.is_ascii_digit());
        if !digits.is_empty() {
            (4, digits.parse().ok()?, after.strip_prefix(')')?)
        } else {
            let (numeral, after) = take_while(inner, 3, chinese);
            (2, chinese_small_number(numeral)?, after.strip_prefix(')')?)
        }
    } else if let Some(after_di) = line.strip_prefix('第') {
        let (numeral, after) = take_while(after_di, 3, chinese);
        let after = after
            .strip_prefix("部分")
            .or_else(|| after.strip_prefix('章'))?;
        let after = after.strip_prefix(['、', '.', ',', ':']).unwrap_or(after);
        (1, chinese_small_number(numeral)?, after)
    } else if line.starts_with(|ch: char| ch.is_ascii_digit()) {
        let (digits, after) = take_while(line, 2, |ch| ch.is_ascii_digit());
        let after = match after.strip_prefix('、') {
            Some(rest) => rest,
            None => {
                let rest = after.strip_prefix('.')?;
                if rest.starts_with(|ch: char| ch.is_ascii_digit()) {
                    return None;
                }
                rest
            }
        };
        (3, digits.parse().ok()?, after)
    } else {
        let (numeral, after) = take_while(line, 3, chinese);
        // A numeral with a space for its mark (`一 总体情况`, `四 复议…`: the space is gone once
        // normalised) is a marker when a section's words follow it: `一是` and the like are not.
        let after = match after.strip_prefix(['、', '.', ',', ':']) {
            Some(rest) => rest,
            None if section_words(after).is_some() => after,
            None => return None,
        };
        (1, chinese_small_number(numeral)?, after)
    };
    // Levels 2 and 4 may carry a separator after the bracket: `(一)、`.
    let rest = if matches!(level, 2 | 4) {
        rest.strip_prefix(['、', '.']).unwrap_or(rest)
    } else {
        rest
    };
    if rest.trim().is_empty() {
        return None;
    }
    Some((level, number, line.len() - rest.len()))
}

/// The number of a section marker standing alone on its line (`一、`, `三.`), as a layout that
/// puts the numbers in a column of their own leaves it when copied: its words are on the next line.
pub fn section_marker_alone(line: &str) -> Option<u32> {
    let numeral = line.strip_suffix(['、', '.', ',', ':'])?;
    if numeral.is_empty() || numeral.chars().count() > 3 {
        return None;
    }
    chinese_small_number(numeral)
}

/// The heading's title: from `title_start` to the first sentence end, or to a colon after the
/// heading's words (`1、主动公开情况:全年主动公开…`, `一、主动公开政府信息的情况:`: an item
/// labelled with its words and a colon, its text running on) unless the colon is inside brackets
/// (`二、主动公开政府信息情况(单位:件)`).
pub fn title_end(line: &str, title_start: usize) -> usize {
    // `;`, `:`, or the lead byte of `。` (E3 80 82) confirmed: a SIMD search rather than decoding
    // every character of a long line.
    let bytes = line.as_bytes();
    memchr::memchr3_iter(b';', b':', 0xE3, &bytes[title_start..])
        .map(|index| title_start + index)
        .find(|&at| match bytes[at] {
            b';' => true,
            b':' => at > title_start && !in_brackets(&bytes[title_start..at]),
            _ => bytes[at..].starts_with("。".as_bytes()),
        })
        .unwrap_or(line.len())
}

/// Whether the end of `words` is inside a bracket they open (normalised text: `(` and `)`).
fn in_brackets(words: &[u8]) -> bool {
    let opened = memchr::memchr_iter(b'(', words).count();
    opened > memchr::memchr_iter(b')', words).count()
}

/// Tracks the level-1 sequence while headings are read in order.
#[derive(Debug, Default)]
pub struct Outline {
    last_level1: u32,
}

impl Outline {
    /// Whether a marker of this level and number may start a heading here.
    pub fn accepts(&mut self, level: u8, number: u32) -> bool {
        if level != 1 {
            return true;
        }
        if number > self.last_level1 {
            self.last_level1 = number;
            true
        } else {
            false
        }
    }
}

/// Some reports head their sections without numbers: a short line of its own that introduces a
/// paragraph. (A table cell on its own line is followed by more short cells, not a paragraph.)
pub fn is_unnumbered_heading(line: &str, next: &str) -> bool {
    const MAX_LABEL_CHARS: usize = 20;
    const MIN_PARAGRAPH_CHARS: usize = 30;
    // This runs on every line: lengths in bytes (a character is one to four) settle most cases
    // before characters are counted.
    let label = line.len() <= 4 * MAX_LABEL_CHARS
        && line.chars().count() <= MAX_LABEL_CHARS
        && !line.contains(['。', ';', ',', '!', '?']);
    let paragraph = || {
        next.len() >= 4 * MIN_PARAGRAPH_CHARS
            || next.chars().count() >= MIN_PARAGRAPH_CHARS
            || next.contains('。')
    };
    label && paragraph()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_ends_at_the_first_full_stop_or_semicolon() {
        fn title(line: &str) -> &str {
            let start = parse_marker(line).expect("a heading").2;
            &line[start..title_end(line, start)]
        }
        assert_eq!(title("一、总体情况。本年度……"), "总体情况");
        assert_eq!(title("(二)「依申请」、公开;其他"), "「依申请」、公开");
        assert_eq!(
            title("三、存在的主要问题及改进情况"),
            "存在的主要问题及改进情况"
        );
        assert_eq!(title("1.概述〔2019〕。"), "概述〔2019〕");
    }

    #[test]
    fn a_title_ends_at_a_colon_after_its_words_but_not_inside_brackets() {
        fn title(line: &str) -> &str {
            let start = parse_marker(line).expect("a heading").2;
            &line[start..title_end(line, start)]
        }
        assert_eq!(
            title("3、申请行政复议、提起行政诉讼的情况:本年度未发生因政府信息公开引起的行政复议、行政诉讼"),
            "申请行政复议、提起行政诉讼的情况"
        );
        assert_eq!(
            title("一、主动公开政府信息的情况:"),
            "主动公开政府信息的情况"
        );
        assert_eq!(
            title("二、主动公开政府信息情况(单位:件)"),
            "主动公开政府信息情况(单位:件)"
        );
        assert_eq!(title("(一):全年公开"), ":全年公开");
    }

    #[test]
    fn parses_all_levels() {
        assert_eq!(
            parse_marker("一、总体情况").map(|m| (m.0, m.1)),
            Some((1, 1))
        );
        assert_eq!(
            parse_marker("十二、其他").map(|m| (m.0, m.1)),
            Some((1, 12))
        );
        assert_eq!(
            parse_marker("第三部分 依申请公开").map(|m| (m.0, m.1)),
            Some((1, 3))
        );
        assert_eq!(
            parse_marker("(二)部分公开").map(|m| (m.0, m.1)),
            Some((2, 2))
        );
        assert_eq!(
            parse_marker("3、政府信息").map(|m| (m.0, m.1)),
            Some((3, 3))
        );
        assert_eq!(
            parse_marker("1.部门网站").map(|m| (m.0, m.1, &"1.部门网站"[m.2..])),
            Some((3, 1, "部门网站"))
        );
        assert_eq!(
            parse_marker("(4)其他网站").map(|m| (m.0, m.1)),
            Some((4, 4))
        );
        assert_eq!(parse_marker("61.7%;属于"), None);
        assert_eq!(parse_marker("一是加强领导"), None);
        assert_eq!(
            parse_marker("四政府信息公开行政复议、行政诉讼情况").map(|m| (m.0, m.1, m.2)),
            Some((1, 4, "四".len()))
        );
        assert_eq!(parse_marker("一概述").map(|m| (m.0, m.1)), Some((1, 1)));
        assert_eq!(parse_marker("一年来,我局主动公开政府信息"), None);
        assert_eq!(
            parse_marker("五政府支出与收费").map(|m| (m.0, m.1)),
            Some((1, 5))
        );
        assert_eq!(
            parse_marker("六复议、诉讼和申诉情况").map(|m| (m.0, m.1)),
            Some((1, 6))
        );
        assert_eq!(parse_marker("2004年10月"), None);
        assert!(is_table_row_label("四、结转下年度继续办理"));
        assert!(is_table_row_label("一、本年新收政府信息公开申请数量"));
        assert!(!is_table_row_label(
            "四、政府信息公开行政复议、行政诉讼情况"
        ));
    }

    #[test]
    fn a_heading_that_runs_on_into_its_text_ends_with_its_section_words() {
        fn title(line: &str) -> &str {
            let start = parse_marker(line).expect("a heading").2;
            &line[start..heading_title_end(line, start)]
        }
        assert_eq!(
            title("一、总体情况2021年,我区扎实推进政务公开。"),
            "总体情况"
        );
        assert_eq!(
            title("二、主动公开政府信息情况本年度,我局主动公开信息一百条,其中规范性文件五件,其他信息九十五条,均通过门户网站发布。"),
            "主动公开政府信息情况"
        );
        // A note in brackets and a merged heading stay; so do headings without section words.
        assert_eq!(
            title("二、主动公开政府信息情况(单位:件)"),
            "主动公开政府信息情况(单位:件)"
        );
        assert_eq!(
            title("三、收到和处理政府信息公开申请情况及行政复议、行政诉讼情况"),
            "收到和处理政府信息公开申请情况及行政复议、行政诉讼情况"
        );
        assert_eq!(
            title("(一)加强组织领导,健全工作机制。"),
            "加强组织领导,健全工作机制"
        );
    }

    #[test]
    fn table_captions_name_their_tables_words() {
        fn words(line: &str) -> Option<&str> {
            table_caption(line).map(|start| &line[start..])
        }
        assert_eq!(
            words("表三:收到和处理政府信息公开申请情况"),
            Some("收到和处理政府信息公开申请情况")
        );
        assert_eq!(
            words("附表2 主动公开政府信息情况"),
            Some("主动公开政府信息情况")
        );
        assert_eq!(words("表格如下"), None);
        assert_eq!(words("表三"), None);
        assert_eq!(words("表明本局高度重视政务公开工作"), None);
        assert_eq!(
            words("表一所列数据均来自政务公开工作台账,统计期限为本年度。"),
            None
        );
    }

    #[test]
    fn inline_headings_are_a_number_and_a_sections_words_together() {
        let starts = |line: &str| -> Vec<String> {
            inline_heading_starts(line)
                .into_iter()
                .map(|(start, _)| line[start..].chars().take(6).collect())
                .collect()
        };
        assert_eq!(
            starts("请与本局办公室联系。一、总体情况2021年,本局……规章000行政规范性文件120118二、主动公开政府信息情况第二十条……如下:三、收到和处理政府信息公开申请情况"),
            vec!["一、总体情况", "二、主动公开", "三、收到和处"]
        );
        // The variants reports use.
        assert_eq!(
            starts("如下:三、收到和处理政府信息公开的申请情况表略。四、政府信息公开行政复议及行政诉讼情况无。"),
            vec!["三、收到和处", "四、政府信息"]
        );
        assert_eq!(
            starts("联系。二、行政机关主动公开政府信息的情况正文。四、因政府信息公开工作被申请行政复议、提起行政诉讼的情况无。"),
            vec!["二、行政机关", "四、因政府信"]
        );
        assert_eq!(
            starts("本年度无。十二、其他需要报告的事项无。五、存在不足及改进措施一是"),
            vec!["十二、其他需", "五、存在不足"]
        );
        // Sub-points, list items, table row labels, numbers inside a numeral, the line's start.
        for line in [
            "一、总体情况",
            "全年工作:(一)主动公开情况良好。一是主动公开,二是依申请公开。",
            "申请人情况一、本年新收政府信息公开申请数量5二、上年结转政府信息公开申请数量0三、本年度办理结果",
            "按照第三、主动公开的要求",
            "全年办理二十三、主动公开政府信息",
            "1、主动公开情况。2、依申请公开情况。",
            "我局在一、加强领导方面",
        ] {
            assert!(inline_heading_starts(line).is_empty(), "{line}");
        }
    }

    #[test]
    fn level_one_numbers_must_increase() {
        let mut outline = Outline::default();
        assert!(outline.accepts(1, 1));
        assert!(outline.accepts(1, 2));
        assert!(!outline.accepts(1, 1));
        assert!(outline.accepts(1, 4));
    }
}

//! Numbered headings: `一、` (level 1), `(一)` (level 2), `1、`/`1.` (level 3), `(1)` (level 4).
//!
//! Markers are matched on normalised text, so full-width `（一）` and `１．` are covered. A level-1
//! marker only counts when its number continues the sequence (`一` first, then larger numbers): the
//! row labels of a flattened table (`一、本年新收…`, `四、结转下年度…`) would otherwise break the
//! report's outline.

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
        self.title.chars().count() <= Self::MAX_TITLE_CHARS
    }
}

static MARKERS: LazyLock<[(u8, Regex); 5]> = LazyLock::new(|| {
    let compile = |pattern: &str| Regex::new(pattern).expect("heading pattern is valid");
    [
        (
            1,
            compile(r"^(?P<n>[一二三四五六七八九十]{1,3})[、.,:](?P<rest>.*)$"),
        ),
        (
            1,
            compile(r"^第(?P<n>[一二三四五六七八九十]{1,3})(?:部分|章)[、.,:]?(?P<rest>.*)$"),
        ),
        (
            2,
            compile(r"^\((?P<n>[一二三四五六七八九十]{1,3})\)[、.]?(?P<rest>.*)$"),
        ),
        (
            3,
            compile(r"^(?P<n>[0-9]{1,2})(?:、|\.(?:[^0-9]|$))(?P<rest>.*)$"),
        ),
        (4, compile(r"^\((?P<n>[0-9]{1,2})\)[、.]?(?P<rest>.*)$")),
    ]
});

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

/// Parses a heading marker at the start of `line`: (level, number, byte offset of the title).
pub fn parse_marker(line: &str) -> Option<(u8, u32, usize)> {
    // Every marker starts with a numeral, `第` or `(`: skip the regexes for other lines.
    let first = line.chars().next()?;
    if !(first.is_ascii_digit()
        || first == '('
        || first == '第'
        || "一二三四五六七八九十".contains(first))
    {
        return None;
    }
    for (level, regex) in MARKERS.iter() {
        let Some(caps) = regex.captures(line) else {
            continue;
        };
        let number_text = caps.name("n")?.as_str();
        let number = if *level >= 3 {
            number_text.parse().ok()?
        } else {
            chinese_small_number(number_text)?
        };
        let rest = caps.name("rest")?;
        // Level 3 markers take the character after `.`; step back if it was captured.
        let mut title_start = rest.start();
        if *level == 3 && line[..title_start].ends_with(|c: char| c != '.' && c != '、') {
            title_start = line[..title_start]
                .char_indices()
                .last()
                .map_or(title_start, |(index, _)| index);
        }
        if line[title_start..].trim().is_empty() {
            return None;
        }
        return Some((*level, number, title_start));
    }
    None
}

/// The heading's title: from `title_start` to the first sentence end.
pub fn title_end(line: &str, title_start: usize) -> usize {
    line[title_start..]
        .find(['。', ';'])
        .map_or(line.len(), |index| title_start + index)
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

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(parse_marker("2004年10月"), None);
        assert!(is_table_row_label("四、结转下年度继续办理"));
        assert!(is_table_row_label("一、本年新收政府信息公开申请数量"));
        assert!(!is_table_row_label(
            "四、政府信息公开行政复议、行政诉讼情况"
        ));
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

//! The report's title, its year and its issuer.
//!
//! A title names the report (`…政府信息公开工作年度报告`, sometimes `…工作报告` or `…工作总结`),
//! may be broken over two or three lines (`某委2011年度` / `政府信息公开工作年度报告`), may follow a
//! `第一篇:` marker, and may be preceded by a cover letter that mentions the report in 《》.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::dates::{chinese_year, find_dates};
use super::headings::parse_marker;
use super::lines::{Line, LineKind};

/// A title found in a document.
#[derive(Debug, Clone)]
pub struct FoundTitle {
    pub first_line: usize,
    pub last_line: usize,
    /// Byte range in the normalised text (without a `第一篇:` marker).
    pub range: Range<usize>,
    /// The title's words, line break removed.
    pub text: String,
    pub year: Option<i32>,
    pub issuer: Option<String>,
}

static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"信息公开.{0,16}?(?:年度报告|工作报告|年报|报告|工作总结|总结)")
        .expect("title pattern is valid")
});
/// The marker of one report in a collection: `第一篇:`, `第二篇`, `第3篇:`.
pub(super) static REPORT_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^第(?:[一二三四五六七八九十]{1,3}|[0-9]{1,2})篇[:]?")
        .expect("marker pattern is valid")
});
static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<arabic>(?:19|20)[0-9]{2})|(?P<chinese>[〇零○O0一二三四五六七八九]{4})年")
        .expect("year pattern is valid")
});

/// How many non-blank lines from the top of a document the title may be found in.
const TITLE_SEARCH_LINES: usize = 40;
/// A line longer than this is a paragraph, not a title.
const MAX_TITLE_CHARS: usize = 80;
const MAX_TITLE_PART_CHARS: usize = 50;
/// The most printed lines a title is broken over.
const MAX_TITLE_LINES: usize = 3;

/// `line` without the date a list of pages prints after a title on the same line
/// (`…年度报告 2013-02-15`, `…年度报告[2013-02-15]`): the page's date, not the title's.
pub(super) fn without_page_date(line: &str) -> &str {
    let closed = line.trim_end_matches([']', ')']);
    let date_start = closed
        .trim_end_matches(|ch: char| ch.is_ascii_digit() || ch == '-')
        .len();
    let parts: Vec<&str> = closed[date_start..].split('-').collect();
    let is_date = matches!(
        parts.as_slice(),
        [year, month, day]
            if year.len() == 4
                && (year.starts_with("19") || year.starts_with("20"))
                && (1..=2).contains(&month.len())
                && (1..=2).contains(&day.len())
    );
    if is_date {
        closed[..date_start].trim_end_matches(['[', '(']).trim_end()
    } else {
        line
    }
}

/// `line` without what a browser's title bar adds after a page's title (`…工作报告-信息公开年度报告-
/// 某县人民政府`, `…年度报告_某市人民政府`): the title ends at its report word, and the rest is the
/// site's when a separator follows it.
fn without_site_name(line: &str) -> &str {
    TITLE
        .find(line)
        .filter(|title| {
            line[title.end()..].starts_with(['-', '_', '|', '—', '–'])
                && line[title.end()..].chars().count() > 1
        })
        .map_or(line, |title| &line[..title.end()])
}

fn title_like(candidate: &str, max_chars: usize) -> bool {
    candidate.chars().count() <= max_chars
        && !candidate.contains('。')
        && !candidate.contains('《')
        && TITLE.is_match(candidate)
}

/// How many lines after a title without a year the report's own, dated title may start.
const UNDATED_TITLE_LINES: usize = 4;

/// How many lines after a collection's `第一篇:` label the report's own title may start.
const OWN_TITLE_LINES: usize = 3;

/// Finds the title among the first lines of a document.
///
/// In a collection, the `第三篇:…` label is the compiler's, and the report usually repeats its own
/// title right after it (`某局` / `2009政府信息公开工作总结`). The report's own title is the one
/// that counts, as long as it names a year: compilers get years wrong (`第三篇:某局2012…` over a
/// 2009 report).
pub fn find_title(text: &str, lines: &[Line]) -> Option<FoundTitle> {
    // Blank lines do not count: a page copied with a blank line after every paragraph has its
    // title no further down.
    let candidates: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, line)| line.kind != LineKind::Blank)
        .take(TITLE_SEARCH_LINES)
        .filter(|(_, line)| line.kind == LineKind::Text)
        .map(|(index, _)| index)
        .collect();
    let (position, (found, labelled)) = (0..candidates.len())
        .find_map(|position| title_at(text, lines, &candidates, position).map(|t| (position, t)))?;
    if !labelled {
        // A column's or a breadcrumb's name (`政府信息公开年报`) above the report's own title,
        // which names its year.
        if found.year.is_none() {
            let dated = (position + 1..candidates.len())
                .filter(|&later| candidates[later] > found.last_line)
                .take(UNDATED_TITLE_LINES)
                .find_map(|later| match title_at(text, lines, &candidates, later) {
                    Some((title, false)) if title.year.is_some() => Some(title),
                    _ => None,
                });
            return Some(dated.unwrap_or(found));
        }
        return Some(found);
    }
    let own = (position + 1..candidates.len())
        .take(OWN_TITLE_LINES)
        .filter(|&later| candidates[later] > found.last_line)
        .find_map(|later| match title_at(text, lines, &candidates, later) {
            Some((title, false)) => Some(title),
            _ => None,
        })
        // Unless the label alone says which year (`201  0`: the own title's year is broken).
        .filter(|own| own.year.is_some() || found.year.is_none());
    Some(own.unwrap_or(found))
}

/// Words of [`TITLE`], searched for with searchers built once: every title has `信息公开`, and `报`
/// (`报告`, `年报`) or `总结`.
static SUBJECT: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("信息公开"));
static REPORT: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("报"));
static SUMMARY: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("总结"));

/// How many lines after a report's title its first section heading may come.
const FIRST_HEADING_LINES: usize = 5;

/// Reports put one after another in a file without `第一篇:` labels: the lines (indexes) where a
/// later report starts. A later report starts at a title naming a year (not an annex's, `附件:`)
/// that comes after a section heading of the report before it and is followed, within a few
/// lines, by a first section heading numbered one (`一、`); the page navigation and metadata
/// right before the title are the new report's. A title the same as the report's own is a
/// running page header. A list of related reports after the
/// text (no outline follows), a page header repeating the title (no heading before it) and a
/// report quoting its own title in a sentence (not a title line) start none.
pub(super) fn later_report_starts(text: &str, lines: &[Line]) -> Vec<usize> {
    let section = |index: usize| {
        parse_marker(&text[lines[index].range.clone()])
            .and_then(|(level, number, _)| (level == 1).then_some(number))
    };
    // The first section heading at or after a line: a later title is looked for after it.
    let first_section_from =
        |from: usize| (from..lines.len()).find(|&index| section(index).is_some());
    let mut starts = Vec::new();
    let Some(mut first_section) = first_section_from(0) else {
        return starts;
    };
    // A running page header repeats the report's own title: that is no later report. (Found
    // when a line passes every other test, which few do.)
    let mut current_title: Option<Option<String>> = None;
    // Built when a line passes the cheap tests, which few do.
    let mut candidates: Vec<usize> = Vec::new();
    for index in first_section + 1..lines.len() {
        // Cheap tests first: a title line is short and has the title's words; most lines are
        // sentences or table cells.
        let line = &text[lines[index].range.clone()];
        if index <= first_section
            || lines[index].kind != LineKind::Text
            || line.len() > 4 * MAX_TITLE_CHARS
            || SUBJECT.find(line.as_bytes()).is_none()
            || !(REPORT.find(line.as_bytes()).is_some() || SUMMARY.find(line.as_bytes()).is_some())
        {
            continue;
        }
        if candidates.is_empty() {
            candidates = (0..lines.len())
                .filter(|&index| lines[index].kind == LineKind::Text)
                .collect();
        }
        let Ok(position) = candidates.binary_search(&index) else {
            continue;
        };
        // The hit may be the second line of a title broken over two (`某委2011年度` / `政府…报告`).
        let title = [position.checked_sub(1), Some(position)]
            .into_iter()
            .flatten()
            .filter_map(|at| match title_at(text, lines, &candidates, at) {
                Some((title, false)) if title.year.is_some() && title.last_line >= index => {
                    Some(title)
                }
                _ => None,
            })
            .find(|title| title.first_line > first_section);
        let Some(title) = title else {
            continue;
        };
        let opens_an_outline = (title.last_line + 1..lines.len())
            .filter(|&line| lines[line].kind != LineKind::Blank)
            .take(FIRST_HEADING_LINES)
            .any(|line| section(line) == Some(1));
        if title.text.starts_with('附') || !opens_an_outline {
            continue;
        }
        let own_title = current_title.get_or_insert_with(|| {
            find_title(text, &lines[..first_section]).map(|title| title.text)
        });
        if own_title.as_deref() == Some(title.text.as_str()) {
            continue;
        }
        // The page furniture right before the title (navigation, `索引号:`) is the new report's.
        let mut start = title.first_line;
        while start > first_section + 1
            && matches!(
                lines[start - 1].kind,
                LineKind::Chrome | LineKind::Meta | LineKind::Blank
            )
        {
            start -= 1;
        }
        starts.push(start);
        current_title = Some(Some(title.text));
        let Some(next_section) = first_section_from(title.last_line + 1) else {
            break;
        };
        first_section = next_section;
    }
    starts
}

/// The title starting at `candidates[position]` (one line, or two or three lines with at most
/// blank lines between them), if there is one, and whether it follows a `第一篇:` label.
fn title_at(
    text: &str,
    lines: &[Line],
    candidates: &[usize],
    position: usize,
) -> Option<(FoundTitle, bool)> {
    let index = candidates[position];
    let line = &lines[index];
    let raw = &text[line.range.clone()];
    let marker_len = REPORT_MARKER.find(raw).map_or(0, |m| m.end());
    let labelled = marker_len > 0;
    let own = &raw[marker_len..];
    let undated = without_site_name(without_page_date(own));
    if title_like(undated, MAX_TITLE_CHARS) {
        let range = line.range.start + marker_len..line.range.start + marker_len + undated.len();
        return Some((describe(index, index, range, undated.to_string()), labelled));
    }
    // A title broken over two or three lines (`某市人民政府办公室` / `2024年政府信息公开` /
    // `工作年度报告`), perhaps with blank lines between them.
    if own.chars().count() > MAX_TITLE_PART_CHARS
        || own.contains('。')
        || own.ends_with([':', '：'])
        || !find_dates(own).is_empty()
    {
        return None;
    }
    let mut joined = own.to_string();
    let mut last_index = index;
    for offset in 1..MAX_TITLE_LINES {
        let &next_index = candidates.get(position + offset)?;
        let adjacent = lines[last_index + 1..next_index]
            .iter()
            .all(|between| between.kind == LineKind::Blank);
        let next = &text[lines[next_index].range.clone()];
        // A dated line (`某委 2012年4月28日印发`) is not part of a title, but its last line.
        // An issuer line above a title that repeats it (`某局` / `某局2009年…`) is not the title's.
        if !adjacent
            || next.chars().count() > MAX_TITLE_PART_CHARS
            || super::headings::parse_marker(next).is_some()
            || next.starts_with(joined.as_str())
        {
            return None;
        }
        joined.push_str(next);
        last_index = next_index;
        if title_like(&joined, MAX_TITLE_CHARS) {
            let range = line.range.start + marker_len..lines[next_index].range.end;
            return Some((describe(index, next_index, range, joined), labelled));
        }
        if next.contains('。') || !find_dates(next).is_empty() {
            return None;
        }
    }
    None
}

fn describe(first_line: usize, last_line: usize, range: Range<usize>, text: String) -> FoundTitle {
    let year_match = YEAR.captures(&text);
    let year = year_match.as_ref().and_then(|caps| {
        caps.name("arabic")
            .and_then(|m| m.as_str().parse().ok())
            .or_else(|| caps.name("chinese").and_then(|m| chinese_year(m.as_str())))
    });
    let issuer = year_match.and_then(|caps| {
        let whole = caps.get(0)?;
        let before = text[..whole.start()].trim_end_matches("关于").trim();
        if !before.is_empty() {
            return Some(before.to_string());
        }
        // `2019年区工信局政府信息公开工作…`: the issuer follows the year.
        let after = text[whole.end()..]
            .trim_start_matches("年度")
            .trim_start_matches('年');
        let subject = after
            .find("政府信息公开")
            .or_else(|| after.find("信息公开"))?;
        Some(after[..subject].trim().to_string()).filter(|issuer| !issuer.is_empty())
    });
    FoundTitle {
        first_line,
        last_line,
        range,
        text,
        year,
        issuer,
    }
}

/// The issuer from a `发文机关:` metadata line, for pages whose title does not name it.
pub fn issuer_from_meta(text: &str, lines: &[Line]) -> Option<String> {
    lines
        .iter()
        .filter(|line| line.kind == LineKind::Meta)
        .find_map(|line| text[line.range.clone()].strip_prefix("发文机关:"))
        .map(|value| value.trim().to_string())
        .filter(|value| !value.is_empty())
}

#[cfg(test)]
mod tests {
    use crate::document::{recognize, StructureOptions};

    fn title_and_issuer(text: &str) -> (Option<String>, Option<String>) {
        let documents = recognize(text, StructureOptions::default());
        (documents[0].title_text.clone(), documents[0].issuer.clone())
    }

    #[test]
    fn a_title_printed_over_three_lines_is_one_title_with_its_issuer() {
        let (title, issuer) = title_and_issuer(
            "某市人民政府办公室\n2024年政府信息公开\n\n工作年度报告\n本报告所列数据统计期限自2024年1月1日至2024年12月31日。\n一、总体情况\n正文。\n",
        );
        assert_eq!(
            title.as_deref(),
            Some("某市人民政府办公室2024年政府信息公开工作年度报告")
        );
        assert_eq!(issuer.as_deref(), Some("某市人民政府办公室"));
    }

    #[test]
    fn a_column_name_above_the_reports_own_title_is_not_its_title() {
        for (page, expected) in [
            (
                "政府信息公开年报\n\n某开发区2024年政府信息公开工作年度报告\n来源:某开发区办公室\n一、总体情况\n正文。\n",
                "某开发区2024年政府信息公开工作年度报告",
            ),
            (
                "当前位置:首页\n>政府信息公开\n>某市政府信息公开平台\n>政府信息公开年报\n> 2022年\n某镇人民政府2022年度政府信息公开工作年度报告\n一、总体情况\n正文。\n",
                "某镇人民政府2022年度政府信息公开工作年度报告",
            ),
        ] {
            assert_eq!(title_and_issuer(page).0.as_deref(), Some(expected), "{page}");
        }
    }

    #[test]
    fn a_browser_title_bars_site_name_is_not_part_of_the_title() {
        let (title, issuer) = title_and_issuer(
            "某县人民政府办公室2020年度政府信息公开工作报告-信息公开年度报告-某县人民政府\n一、总体情况\n正文。\n",
        );
        assert_eq!(
            title.as_deref(),
            Some("某县人民政府办公室2020年度政府信息公开工作报告")
        );
        assert_eq!(issuer.as_deref(), Some("某县人民政府办公室"));
    }

    #[test]
    fn a_document_number_above_the_title_is_not_part_of_it() {
        // A notice's number names the year it was issued, not the year reported on.
        let documents = recognize(
            "某城办〔2014〕18号\n某区人民政府东城街道办事处\n2013年政府信息公开年度报告\n引言\n本年报中所列数据的统计期限自2013年1月1日起至2013年12月31日止。\n一、概述\n正文。\n",
            StructureOptions::default(),
        );
        assert_eq!(
            documents[0].title_text.as_deref(),
            Some("某区人民政府东城街道办事处2013年政府信息公开年度报告")
        );
        assert_eq!(
            documents[0].report_year.as_ref().map(|year| year.year),
            Some(2013)
        );
    }

    #[test]
    fn an_issuer_line_above_a_title_that_repeats_it_is_not_joined() {
        let (title, _) = title_and_issuer(
            "某市环境保护局\n某市环境保护局2009年政府信息\n公开工作年度报告\n一、概述\n正文。\n",
        );
        assert_eq!(
            title.as_deref(),
            Some("某市环境保护局2009年政府信息公开工作年度报告")
        );
    }
}

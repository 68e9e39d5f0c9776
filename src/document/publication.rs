//! When a report was published: `发布时间:`/`发布日期:` metadata, an `印发` line, `成文日期:`, or the
//! dated signature at the end of the report or of its cover letter — in Arabic or Chinese numerals
//! (`二0一二年四月二十八日`).

use super::dates::{find_dates, FoundDate};
use super::{Line, LineKind};

/// Where a publication date was read from, most reliable first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateSource {
    /// `发布时间:` / `发布日期:` on the page.
    Published,
    /// `印发日期:` or a `…年…月…日印发` line.
    Issued,
    /// `成文日期:`.
    Written,
    /// A line that is only a date (perhaps after the issuer's name): the report's signature.
    Signed,
}

/// A publication date and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PublicationDate {
    /// The date; its range is in the normalised text.
    pub date: FoundDate,
    pub source: DateSource,
}

// Plain prefix and suffix tests rather than regexes: they run on every line of every report.
const PUBLISHED_LABELS: [&str; 4] = ["发布时间:", "发布日期:", "公开日期:", "公开时间:"];
const ISSUED_LABEL: &str = "印发日期:";
const ISSUED_SUFFIX: &str = "印发";
const WRITTEN_LABEL: &str = "成文日期:";
/// A signature line: at most a short name, then the date, nothing after.
const MAX_SIGNATURE_PREFIX_CHARS: usize = 30;

/// How many closing lines of text may hold the signature.
const SIGNATURE_LINES: usize = 4;

/// A signature line is short; longer lines are not searched for one.
const MAX_SIGNATURE_CHARS: usize = 48;

/// The labels of a page's information bar that give a date, and what each date is.
const FIELD_LABELS: [(&str, DateSource); 13] = [
    ("发布时间", DateSource::Published),
    ("发布日期", DateSource::Published),
    ("发表时间", DateSource::Published),
    ("发表日期", DateSource::Published),
    ("公开日期", DateSource::Published),
    ("公开时间", DateSource::Published),
    ("印发日期", DateSource::Issued),
    ("发文日期", DateSource::Issued),
    ("成文日期", DateSource::Written),
    ("生成日期", DateSource::Written),
    ("提供日期", DateSource::Written),
    // Bare words, with their colon (`时间:2009-12-28`, `日期: 2013-01-31`): see `bare_label_counts`.
    ("时间:", DateSource::Published),
    ("日期:", DateSource::Published),
];

/// The words that make a bare `时间:`/`日期:` another date than the page's: when it was updated,
/// visited, handled, or when a document takes or loses effect (and the labels above).
const OTHER_DATE_WORDS: [&str; 22] = [
    "更新", "修改", "访问", "浏览", "办理", "受理", "截止", "有效", "成文", "发布", "印发", "发文",
    "生成", "提供", "公开", "废止", "生效", "实施", "失效", "答复", "申请", "发表",
];

/// Whether a bare `时间:`/`日期:` at byte `at` of an information-bar line names the page's date: at
/// a field's start (the line's start, after a space, a bullet or a bar), or, on a metadata line
/// whose spaces normalising dropped (`来源:市交通运输局时间:2017-01-12`), after anything but the
/// words of another date.
fn bare_label_counts(words: &str, at: usize, kind: LineKind) -> bool {
    let before = &words[..at];
    let starts_field = before
        .chars()
        .next_back()
        .is_none_or(|ch| ch.is_whitespace() || "|•·".contains(ch));
    starts_field
        || (kind == LineKind::Meta && !OTHER_DATE_WORDS.iter().any(|word| before.ends_with(word)))
}

/// The most reliable date in a page's information bar where its fields stand side by side on one
/// line: `来源:原创  发布时间:2023-01-31 13:24`, `文 号 | 成文日期:2016-03-31 | 发布日期:2016-04-08 |`,
/// `• 文 号:发布日期: 2019-01-23`, or a label and its value in cells of their own
/// (`发文日期 | 2018-02-28 |`). Normalising drops the spaces between fields
/// (`…市卫生局公开日期2014-03-18`), so a label is taken wherever it stands, its date only right
/// after it; a bare `时间:` or `日期:` only where [`bare_label_counts`] says.
fn field_date(words: &str, kind: LineKind) -> Option<(DateSource, FoundDate)> {
    let mut best: Option<(DateSource, FoundDate)> = None;
    for (label, source) in FIELD_LABELS {
        for (at, _) in words.match_indices(label) {
            let bare = label.ends_with(':');
            if bare && !bare_label_counts(words, at, kind) {
                continue;
            }
            let rest = &words[at + label.len()..];
            let value =
                rest.trim_start_matches(|ch: char| ch == ':' || ch == '|' || ch.is_whitespace());
            let value_start = words.len() - value.len();
            let Some(date) = find_dates(value)
                .into_iter()
                .next()
                .filter(|date| date.start == 0 && date.year.is_some())
            else {
                continue;
            };
            let date = date.shifted(value_start);
            if best.as_ref().is_none_or(|(current, _)| source < *current) {
                best = Some((source, date));
            }
        }
    }
    best
}

/// The date a line gives by its own shape: a metadata line (`发布时间:`, `成文日期:`), an `印发`
/// line, or a signature (a line that is only a date, perhaps after the issuer's name) where
/// `may_sign` allows one.
fn line_date(kind: LineKind, words: &str, may_sign: bool) -> Option<(DateSource, FoundDate)> {
    let source = match kind {
        LineKind::Meta
            if PUBLISHED_LABELS
                .iter()
                .any(|label| words.starts_with(label)) =>
        {
            DateSource::Published
        }
        LineKind::Meta if words.starts_with(WRITTEN_LABEL) => DateSource::Written,
        _ if words.starts_with(ISSUED_LABEL) || words.ends_with(ISSUED_SUFFIX) => {
            DateSource::Issued
        }
        LineKind::Text | LineKind::Preamble if may_sign => DateSource::Signed,
        // A list of pages prints each page's date after its title (`…年度报告 2013-02-15`).
        LineKind::Title => {
            let title = super::title::without_page_date(words);
            let date = find_dates(&words[title.len()..])
                .into_iter()
                .find(|date| date.year.is_some())?;
            return Some((DateSource::Published, date.shifted(title.len())));
        }
        _ => return None,
    };
    let date = find_dates(words)
        .into_iter()
        .find(|date| date.year.is_some())?;
    if source == DateSource::Signed {
        let prefix = &words[..date.start];
        let signature = date.end == words.len()
            && prefix.chars().count() <= MAX_SIGNATURE_PREFIX_CHARS
            && !prefix.contains(['。', ',', ';', ':']);
        if !signature {
            return None;
        }
    }
    Some((source, date))
}

/// A line of a page's information bar is at most this long.
const MAX_FIELD_LINE_CHARS: usize = 160;

/// Finds the most reliable publication date among a document's lines.
pub fn find_publication_date(lines: &[Line], text: &str) -> Option<PublicationDate> {
    // A signature closes the report (or its cover letter): only the last few lines of text are
    // searched, so that a date standing alone in a table cell is not taken for one.
    let text_lines: Vec<usize> = (0..lines.len())
        .filter(|&index| lines[index].kind == LineKind::Text)
        .collect();
    let closing = text_lines[text_lines.len().saturating_sub(SIGNATURE_LINES)..].to_vec();
    // A page's information bar stands above the report's outline; below it, a list of other
    // pages with their dates may follow the report.
    let outline = lines
        .iter()
        .position(|line| line.kind == LineKind::Heading)
        .unwrap_or(lines.len());
    let mut best: Option<PublicationDate> = None;
    for (index, line) in lines.iter().enumerate() {
        let words = &text[line.range.clone()];
        let may_sign = (line.kind == LineKind::Preamble || closing.contains(&index))
            && words.chars().nth(MAX_SIGNATURE_CHARS).is_none();
        // Every field label ends in 日期 or 时间: most lines have neither and skip the search.
        let in_bar = index < outline
            && !matches!(line.kind, LineKind::Blank | LineKind::Title)
            && words.chars().nth(MAX_FIELD_LINE_CHARS).is_none()
            && (words.contains("日期") || words.contains("时间"));
        let Some((source, date)) = line_date(line.kind, words, may_sign)
            .into_iter()
            .chain(in_bar.then(|| field_date(words, line.kind)).flatten())
            .min_by_key(|(source, _)| *source)
        else {
            continue;
        };
        let found = PublicationDate {
            date: date.shifted(line.range.start),
            source,
        };
        // The most reliable source wins; among signatures, the last one (the report's own).
        let better = match best {
            None => true,
            Some(current) => {
                source < current.source
                    || (source == DateSource::Signed && current.source == DateSource::Signed)
            }
        };
        if better {
            best = Some(found);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{recognize, StructureOptions};

    fn date_of(text: &str) -> Option<(i32, u32, u32, DateSource)> {
        let documents = recognize(text, StructureOptions::default());
        find_publication_date(&documents[0].lines, text)
            .map(|p| (p.date.year.unwrap_or(0), p.date.month, p.date.day, p.source))
    }

    #[test]
    fn prefers_published_over_issued_over_signature() {
        let text =
            "成文日期:2020-01-10\n某局2019年政府信息公开工作年度报告\n正文。\n某局\n2020年1月5日\n";
        assert_eq!(date_of(text), Some((2020, 1, 10, DateSource::Written)));
        let text = "某局2019年政府信息公开工作年度报告\n正文。\n某局\n2020年1月5日\n";
        assert_eq!(date_of(text), Some((2020, 1, 5, DateSource::Signed)));
        let text = "办公室:\n二0一二年四月二十八日\n某委2012年4月28日印发\n某委2011年度政府信息公开工作年度报告\n正文,2011年1月1日起施行。\n";
        assert_eq!(date_of(text), Some((2012, 4, 28, DateSource::Issued)));
    }

    #[test]
    fn dates_in_a_pages_information_bar_are_read_from_their_fields() {
        let report = "某镇2015年政府信息公开工作年度报告\n一、概述\n正文。\n";
        for (bar, expected) in [
            (
                "来源:原创     发布时间:2016-01-31 13:24    浏览次数:次",
                (2016, 1, 31, DateSource::Published),
            ),
            (
                "文 号 | 成文日期:2016-03-31 | 发布日期:2016-04-08 |",
                (2016, 4, 8, DateSource::Published),
            ),
            (
                "  • 文       号:发布日期: 2016-01-23 16:43",
                (2016, 1, 23, DateSource::Published),
            ),
            (
                "  • 发文机关:某镇 成文日期:2016-01-23 16:43",
                (2016, 1, 23, DateSource::Written),
            ),
            (
                "发布机构 | 某镇 | 发文日期 | 2016-02-28 |",
                (2016, 2, 28, DateSource::Issued),
            ),
            // Fields without colons, their spaces dropped by normalising.
            (
                "索 引 号 015425351/2016-00001  发布机构 某镇  公开日期 2016-03-18",
                (2016, 3, 18, DateSource::Published),
            ),
            (
                "    时间:2016-01-28 09:41",
                (2016, 1, 28, DateSource::Published),
            ),
            (
                "公文生成日期:2016-01-28",
                (2016, 1, 28, DateSource::Written),
            ),
            ("日期: 2016-01-31", (2016, 1, 31, DateSource::Published)),
            ("发表日期:2016-01-26", (2016, 1, 26, DateSource::Published)),
            (
                "来源:市交通运输局 时间:2016-01-12 08:58",
                (2016, 1, 12, DateSource::Published),
            ),
            // The written date, not a bare 日期 after 成文.
            (
                "来源:某镇 成文日期:2016-01-20",
                (2016, 1, 20, DateSource::Written),
            ),
        ] {
            assert_eq!(
                date_of(&format!("{bar}\n{report}")),
                Some(expected),
                "{bar}"
            );
        }
    }

    #[test]
    fn a_pages_date_after_its_title_is_its_publication_date() {
        // A list of pages prints each one's date after its title; the report's cover date below
        // is older.
        let text = "2012年某区某街道办事处政府信息公开工作年度报告 2013-02-15\n某区某街道办事处\n2012年11月16日\n一、概述\n正文。\n";
        assert_eq!(date_of(text), Some((2013, 2, 15, DateSource::Published)));
        let documents = recognize(text, StructureOptions::default());
        assert_eq!(
            documents[0].title_text.as_deref(),
            Some("2012年某区某街道办事处政府信息公开工作年度报告")
        );
    }

    #[test]
    fn a_field_label_inside_words_or_below_the_outline_gives_no_date() {
        // A bare 时间 not where a field starts: the words run on into it.
        let text = "某镇2015年政府信息公开工作年度报告\n我镇统一了办理时间:2016-01-31起执行\n一、概述\n正文。\n";
        assert_eq!(date_of(text), None);
        // When the page was updated or a document loses effect is not when it was published.
        let text = "来源:某镇 更新时间:2016-05-01 废止日期:2020-01-01\n某镇2015年政府信息公开工作年度报告\n一、概述\n正文。\n";
        assert_eq!(date_of(text), None);
        // A list of other pages under the report, each with its date.
        let text = "某镇2015年政府信息公开工作年度报告\n一、概述\n正文。\n二、主动公开情况\n正文。\n相关文章 | 发布日期:2019-06-01 |\n";
        assert_eq!(date_of(text), None);
    }

    #[test]
    fn a_date_in_a_table_cell_is_not_a_signature() {
        let text = "某局2019年政府信息公开工作年度报告\n2019年12月1日\n一、总体情况\n正文一。\n正文二。\n正文三。\n正文四。\n正文五。\n";
        assert_eq!(date_of(text), None);
    }

    #[test]
    fn a_date_inside_a_sentence_is_not_a_signature() {
        let text = "某局2019年政府信息公开工作年度报告\n于2019年5月15日起施行新条例。\n";
        assert_eq!(date_of(text), None);
    }
}

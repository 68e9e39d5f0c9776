//! The statistics-period sentence: `本报告中所列数据的统计期限自2019年1月1日起至12月31日止`.
//!
//! Found in two ways. A period keyword (`统计期限`, `统计周期`, `数据期间`…) followed by a
//! date, whatever the dates (so that a half year or a cut-off is seen, and judged). Failing that,
//! any sentence about the report, its data or statistics that states one whole calendar year
//! (`本报告内容涵盖…2015年1月1日至12月31日期间`, `本报告统计数据从2016年1月1日至2016年12月31日止`):
//! only a whole year, so that a campaign's dates or a date a rule took effect are never taken for
//! it, and only outside comparisons with another year.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::dates::{find_dates, FoundDate};
use super::lines::{Line, LineKind, LinePattern};
use crate::text::floor_char_boundary;

/// A statistics period stated in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    /// From the keyword (`统计期限`) to the end of the last date, in the normalised text.
    pub range: Range<usize>,
    pub start: FoundDate,
    /// The end date; its year is filled in from the start date when the text omits it.
    pub end: Option<FoundDate>,
}

impl Period {
    /// The year the period starts in, if stated.
    pub fn year(&self) -> Option<i32> {
        self.start.year
    }

    /// Whether the period is one whole calendar year (1月1日 to 12月31日 of the same year);
    /// `None` when the statement gives a single date (`统计数据截至2021年12月31日`) and cannot be
    /// judged.
    pub fn is_whole_year(&self) -> Option<bool> {
        let end = self.end?;
        let same_year = match (self.start.year, end.year) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        Some(
            same_year
                && (self.start.month, self.start.day) == (1, 1)
                && (end.month, end.day) == (12, 31),
        )
    }
}

/// The words that introduce a statistics period.
///
/// A bare `统计` is not enough (`据统计,2021年1月1日至6月30日共受理…` is not the report's period).
pub const KEYWORD_PATTERN: &str = r"统计(?:期限|时限|时间段|时段|时间|区间|周期|期间|范围|口径)|数据统计|报告期|数据(?:期限|时限|时段|期间|截止|截至)";

static KEYWORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(KEYWORD_PATTERN).expect("period keyword pattern is valid"));

/// How far (in bytes) after the keyword the first date may start, and the end date after the start.
const START_WINDOW: usize = 36;
const END_WINDOW: usize = 24;

/// The first statistics period stated in the report lines among `lines` (see [`find_period`]);
/// failing that, the first whole-year statement ([`find_whole_year`]) before line
/// `whole_year_end` (the preamble and section 一, where reports state it). With no period, where
/// a period keyword is followed by dates that cannot be read (see [`garbled_span`]).
///
/// The keywords are searched for in the text as a whole, and only the lines they are on are read
/// (see [`LinePattern::matching_lines`]).
pub fn find_first_period(
    text: &str,
    lines: &[Line],
    whole_year_end: usize,
) -> (Option<Period>, Option<Range<usize>>) {
    let keyword = LinePattern {
        regex: &KEYWORD,
        anchored: false,
    };
    // The keyword lines without a period, read again for garbled dates only if no period is found.
    let mut without_period = Vec::new();
    let period = keyword
        .matching_lines(text, lines, |index| lines[index].kind.is_report_text())
        .find_map(|index| {
            let found = find_period(&text[lines[index].range.clone()], lines[index].range.start);
            if found.is_none() {
                without_period.push(index);
            }
            found
        })
        .or_else(|| {
            let new_year = LinePattern {
                regex: &NEW_YEAR,
                anchored: false,
            };
            new_year
                .matching_lines(text, lines, |index| {
                    index < whole_year_end && lines[index].kind.is_report_text()
                })
                .find_map(|index| {
                    find_whole_year(&text[lines[index].range.clone()], lines[index].range.start)
                })
        });
    // A statement above the title (an intro a page put before it, a cover letter) still says
    // what the report covers.
    let period = period.or_else(|| {
        keyword
            .matching_lines(text, lines, |index| lines[index].kind == LineKind::Preamble)
            .find_map(|index| {
                find_period(&text[lines[index].range.clone()], lines[index].range.start)
            })
    });
    if period.is_some() {
        return (period, None);
    }
    let unreadable = without_period.into_iter().find_map(|index| {
        garbled_span(&text[lines[index].range.clone()], lines[index].range.start)
    });
    (None, unreadable)
}

/// After a period keyword, a year and a span (`…为2018年11日至2018年1231日`) whose dates do not
/// read, or the dates' digits alone (`…为2011111231`): characters of the dates were lost on the
/// way to the page.
static GARBLED_SPAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^[^。;]{0,12}?(?:19|20)[0-9]{2}[^。;]{0,16}?(?:至|到|—|-|–|~|～)[^。;]{0,16}?日",
        r"|^[^。;0-9]{0,12}?(?:19|20)[0-9]{6,12}",
    ))
    .expect("garbled span pattern is valid")
});

/// A period keyword in one line followed by a span whose dates cannot be read (`统计数据时限为
/// 2018年11日至2018年1231日`): the statement is there, what it spans is not known. Its range,
/// keyword included, in the normalised text.
fn garbled_span(line: &str, line_offset: usize) -> Option<Range<usize>> {
    KEYWORD.find_iter(line).find_map(|found| {
        let span = GARBLED_SPAN.find(&line[found.end()..])?;
        let span_text = &line[found.end()..found.end() + span.end()];
        // Dates that read are a period (or a cut-off) judged as such, not garbled ones.
        find_dates(span_text)
            .iter()
            .all(|date| date.year.is_none())
            .then(|| line_offset + found.start()..line_offset + found.end() + span.end())
    })
}

/// The first of January, as the lines a whole-year statement can be on are looked for.
static NEW_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("1月1日|一月一日").expect("new year pattern is valid"));

/// Words that make a sentence speak of the report, its data or statistics.
static ABOUT_THE_REPORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("报告|年报|数据|统计|涵盖|总结").expect("subject pattern is valid")
});

/// Words of a comparison with another period (`较2022年1月1日至12月31日增长…`).
static COMPARISON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("较|相比|同比|比上年|上年|去年|上一年").expect("comparison pattern is valid")
});

/// Characters that end a sentence.
const SENTENCE_ENDS: [char; 5] = ['。', ';', '；', '!', '?'];

/// A statement, in one line of normalised text, that the report or its data spans one whole
/// calendar year: `1月1日` of a stated year to `12月31日` of the same year, joined by `至` (or a
/// dash), in a sentence that speaks of the report, its data or statistics and compares nothing.
pub fn find_whole_year(line: &str, line_offset: usize) -> Option<Period> {
    let dates = find_dates(line);
    dates.windows(2).find_map(|pair| {
        let (start, end) = (pair[0], pair[1]);
        let year = start.year?;
        let whole_year = (start.month, start.day) == (1, 1)
            && (end.month, end.day) == (12, 31)
            && end.year.is_none_or(|end_year| end_year == year);
        let between = line[start.end..end.start].trim_start_matches(['起', ',', '，']);
        let joined = matches!(between, "至" | "到" | "-" | "—" | "——" | "–" | "~" | "～");
        if !(whole_year && joined) {
            return None;
        }
        let sentence_start = line[..start.start].rfind(SENTENCE_ENDS).map_or(0, |at| {
            at + line[at..].chars().next().map_or(1, char::len_utf8)
        });
        let sentence_end = line[end.end..]
            .find(SENTENCE_ENDS)
            .map_or(line.len(), |at| end.end + at);
        let sentence = &line[sentence_start..sentence_end];
        if !ABOUT_THE_REPORT.is_match(sentence) || COMPARISON.is_match(sentence) {
            return None;
        }
        Some(Period {
            range: start.start + line_offset..end.end + line_offset,
            start: start.shifted(line_offset),
            end: Some(FoundDate {
                year: Some(year),
                ..end.shifted(line_offset)
            }),
        })
    })
}

/// Finds a statistics-period statement in one line of normalised text.
pub fn find_period(line: &str, line_offset: usize) -> Option<Period> {
    for keyword in KEYWORD.find_iter(line) {
        let after = keyword.end();
        let window_end = floor_char_boundary(
            line,
            (after + START_WINDOW + END_WINDOW * 3).min(line.len()),
        );
        let dates = find_dates(&line[after..window_end]);
        let Some(first) = dates.first() else {
            continue;
        };
        if first.start > START_WINDOW || first.year.is_none() {
            continue;
        }
        let shift = |date: &FoundDate| date.shifted(after + line_offset);
        let start = shift(first);
        let end = dates
            .get(1)
            .filter(|second| second.start.saturating_sub(first.end) <= END_WINDOW)
            .map(|second| {
                let mut end = shift(second);
                end.year = end.year.or(start.year);
                end
            });
        let range_end = end.map_or(start.end, |e| e.end);
        return Some(Period {
            range: keyword.start() + line_offset..range_end,
            start,
            end,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{recognize, StructureOptions};

    #[test]
    fn a_period_above_the_title_is_the_reports_and_garbled_dates_with_a_dash_are_unreadable() {
        let text = "本年度报告中所列数据的统计期限从2012年1月1日至12月31日。\n某省2012年度政府信息公开工作年度报告\n一、概述\n正文。\n";
        let document = &recognize(text, StructureOptions::default())[0];
        assert_eq!(
            document
                .period
                .as_ref()
                .map(|period| &text[period.range.clone()]),
            Some("统计期限从2012年1月1日至12月31日")
        );
        let text = "某局2015年政府信息公开年度报告\n本报告所列数据的统计期限自201511日—20151231日。\n一、概述\n正文。\n";
        let document = &recognize(text, StructureOptions::default())[0];
        assert!(document.period.is_none());
        assert_eq!(
            document
                .unreadable_period
                .as_ref()
                .map(|range| &text[range.clone()]),
            Some("统计期限自201511日—20151231日")
        );
    }

    #[test]
    fn finds_customary_periods() {
        let period = find_period(
            "本报告中所列数据的统计期限自2019年1月1日起至12月31日止。",
            0,
        )
        .unwrap();
        assert_eq!(period.year(), Some(2019));
        assert_eq!(period.is_whole_year(), Some(true));
        let period = find_period("统计期限为2022年1月1日至2022年6月30日", 0).unwrap();
        assert_eq!(period.is_whole_year(), Some(false));
        assert!(find_period("通过其它形式公开信息未纳入统计范围)。", 0).is_none());
        assert!(find_period("据统计,2021年1月1日至6月30日共受理申请3件。", 0).is_none());
        let cutoff = find_period("本报告统计时间截至2022年1月10日。", 0).unwrap();
        assert_eq!(cutoff.is_whole_year(), None);
    }

    fn whole_year(line: &str) -> Option<(i32, String)> {
        let period = find_whole_year(line, 0)?;
        Some((period.year()?, line[period.range].to_string()))
    }

    #[test]
    fn a_sentence_about_the_report_stating_a_whole_year() {
        let found = |year: i32, span: &str| Some((year, span.to_string()));
        assert_eq!(
            whole_year("本报告内容涵盖本机关2015年1月1日至12月31日期间政府信息公开工作情况。"),
            found(2015, "2015年1月1日至12月31日")
        );
        // The report named in the sentence before: what its contents span.
        assert_eq!(
            whole_year(
                "编制本年度报告。内容涵盖乡政府2019年1月1日至12月31日期间的政府信息公开工作情况。"
            ),
            found(2019, "2019年1月1日至12月31日")
        );
        assert_eq!(
            whole_year("现将我局2020年度(2020年1月1日-2020年12月31日)政府信息公开工作总结如下:"),
            found(2020, "2020年1月1日-2020年12月31日")
        );
        assert_eq!(
            whole_year("本报告统计数据从2016年1月1日至2016年12月31日止。"),
            found(2016, "2016年1月1日至2016年12月31日")
        );
        assert_eq!(
            whole_year("本报告所列统计数据的期限自2016年1月1日起,至2016年12月31日止。"),
            found(2016, "2016年1月1日起,至2016年12月31日")
        );
        assert_eq!(
            whole_year("现将二〇一九年一月一日至十二月三十一日的年度报告公布如下。"),
            found(2019, "二〇一九年一月一日至十二月三十一日")
        );
        // Another sentence, a campaign, a rule taking effect, two years, a comparison: no.
        assert_eq!(
            whole_year("我局于2023年1月1日至12月31日开展专项行动。本报告由本局编制。"),
            None
        );
        assert_eq!(
            whole_year("本报告所述专项行动自2023年3月1日至12月31日开展。"),
            None
        );
        assert_eq!(
            whole_year("新规定自2023年1月1日起施行,本报告据此编制。"),
            None
        );
        assert_eq!(
            whole_year("本报告数据自2022年1月1日至2023年12月31日。"),
            None
        );
        assert_eq!(
            whole_year("本报告数据较2022年1月1日至12月31日有所增长。"),
            None
        );
    }
}

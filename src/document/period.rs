//! The statistics-period sentence: `本报告中所列数据的统计期限自2019年1月1日起至12月31日止`.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::dates::{find_dates, FoundDate};
use super::lines::{Line, LinePattern};

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
pub const KEYWORD_PATTERN: &str = r"统计(?:期限|时限|时间段|时段|时间|区间|周期|期间|范围|口径)|数据统计|报告期|数据(?:期限|时段|期间)";

static KEYWORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(KEYWORD_PATTERN).expect("period keyword pattern is valid"));

/// How far (in bytes) after the keyword the first date may start, and the end date after the start.
const START_WINDOW: usize = 36;
const END_WINDOW: usize = 24;

/// The first statistics period stated in the report lines among `lines` (see [`find_period`]).
///
/// The keywords are searched for in the text as a whole, and only the lines they are on are read
/// (see [`LinePattern::matching_lines`]).
pub fn find_first_period(text: &str, lines: &[Line]) -> Option<Period> {
    let keyword = LinePattern {
        regex: &KEYWORD,
        anchored: false,
    };
    keyword
        .matching_lines(text, lines, |index| lines[index].kind.is_report_text())
        .find_map(|index| find_period(&text[lines[index].range.clone()], lines[index].range.start))
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
        let shift = |date: &FoundDate| FoundDate {
            start: date.start + after + line_offset,
            end: date.end + after + line_offset,
            ..*date
        };
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

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;

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
}

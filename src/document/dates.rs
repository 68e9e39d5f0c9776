//! Dates as reports write them: `2019年1月1日`, `12月31日` (year implied), `2020-01-10`,
//! `2012.4.28`, and Chinese numerals such as `二0一二年四月二十八日` or `二O一O年三月五日`.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// A calendar date found in normalised text. The year is absent for `12月31日`-style dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    /// Byte range in the normalised text.
    pub start: usize,
    pub end: usize,
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
}

impl FoundDate {
    /// The byte range in the normalised text.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The same date with its range moved `offset` bytes on: a date found in a piece of text,
    /// placed in the text the piece was cut from.
    pub fn shifted(self, offset: usize) -> FoundDate {
        FoundDate {
            start: self.start + offset,
            end: self.end + offset,
            ..self
        }
    }
}

// `[0-9]`, not `\d`: Unicode classes slow the lazy DFA down (see design notes).
const CN_DIGIT: &str = "[〇零○OoΟ0一二三四五六七八九]";
const CN_SMALL: &str = "[一二三四五六七八九十]{1,3}";

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        concat!(
            r"(?:(?P<y>(?:19|20)[0-9]{{2}})年(?:度)?)?(?P<m>[0-9]{{1,2}})月(?P<d>[0-9]{{1,2}})[日号]",
            // A year whose `年` was dropped (`20211月1日`): read as the writer meant, not as
            // `11月1日` with no year.
            r"|(?P<fy>(?:19|20)[0-9]{{2}})(?P<fm>[0-9]{{1,2}})月(?P<fd>[0-9]{{1,2}})[日号]",
            r"|(?P<iy>(?:19|20)[0-9]{{2}})[-./](?P<im>[0-9]{{1,2}})[-./](?P<id>[0-9]{{1,2}})",
            r"|(?:(?P<cy>{digit}{{4}})年)?(?P<cm>{small})月(?P<cd>{small})日",
        ),
        digit = CN_DIGIT,
        small = CN_SMALL
    );
    // `regex` has no back-references: that both separators agree is checked in code.
    Regex::new(&pattern).expect("date pattern is valid")
});

/// Every date in `text`, in order.
pub fn find_dates(text: &str) -> Vec<FoundDate> {
    DATE.captures_iter(text)
        .filter_map(|caps| {
            let whole = caps.get(0)?;
            let (year, month, day) = if let Some(m) = caps.name("m") {
                let year = caps.name("y").and_then(|y| y.as_str().parse().ok());
                (
                    year,
                    m.as_str().parse().ok()?,
                    caps.name("d")?.as_str().parse().ok()?,
                )
            } else if let Some(y) = caps.name("fy") {
                (
                    y.as_str().parse().ok(),
                    caps.name("fm")?.as_str().parse().ok()?,
                    caps.name("fd")?.as_str().parse().ok()?,
                )
            } else if let Some(y) = caps.name("iy") {
                let separators: Vec<char> = whole
                    .as_str()
                    .chars()
                    .filter(|c| "-./".contains(*c))
                    .collect();
                if separators.len() != 2 || separators[0] != separators[1] {
                    return None;
                }
                (
                    y.as_str().parse().ok(),
                    caps.name("im")?.as_str().parse().ok()?,
                    caps.name("id")?.as_str().parse().ok()?,
                )
            } else {
                (
                    match caps.name("cy") {
                        Some(year) => Some(chinese_year(year.as_str())?),
                        None => None,
                    },
                    chinese_small_number(caps.name("cm")?.as_str())?,
                    chinese_small_number(caps.name("cd")?.as_str())?,
                )
            };
            valid_day(month, day).then_some(FoundDate {
                start: whole.start(),
                end: whole.end(),
                year,
                month,
                day,
            })
        })
        .collect()
}

fn valid_day(month: u32, day: u32) -> bool {
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

fn chinese_digit(ch: char) -> Option<i32> {
    Some(match ch {
        '〇' | '零' | '○' | 'O' | 'o' | 'Ο' | '0' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// `二0一二` → 2012.
pub fn chinese_year(text: &str) -> Option<i32> {
    let mut year = 0;
    for ch in text.chars() {
        year = year * 10 + chinese_digit(ch)?;
    }
    (1900..2100).contains(&year).then_some(year)
}

/// `十二` → 12, `二十八` → 28, `三十一` → 31, `五` → 5.
pub fn chinese_small_number(text: &str) -> Option<u32> {
    // At most three characters: read them into a fixed array, without allocating.
    let mut chars = ['\0'; 3];
    let mut count = 0;
    for ch in text.chars() {
        *chars.get_mut(count)? = ch;
        count += 1;
    }
    let value = |ch: char| chinese_digit(ch).map(|d| d as u32);
    match &chars[..count] {
        ['十'] => Some(10),
        ['十', unit] => Some(10 + value(*unit)?),
        [tens, '十'] => Some(value(*tens)? * 10),
        [tens, '十', unit] => Some(value(*tens)? * 10 + value(*unit)?),
        [single] => value(*single),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(text: &str) -> Vec<(Option<i32>, u32, u32)> {
        find_dates(text)
            .iter()
            .map(|d| (d.year, d.month, d.day))
            .collect()
    }

    #[test]
    fn reads_arabic_and_chinese_dates() {
        assert_eq!(
            ymd("自2019年1月1日起至12月31日止"),
            vec![(Some(2019), 1, 1), (None, 12, 31)]
        );
        assert_eq!(ymd("二0一二年四月二十八日"), vec![(Some(2012), 4, 28)]);
        assert_eq!(ymd("二O一O年三月五日"), vec![(Some(2010), 3, 5)]);
        assert_eq!(
            ymd("二〇一五年一月一日至十二月三十一日"),
            vec![(Some(2015), 1, 1), (None, 12, 31)]
        );
        assert_eq!(ymd("成文日期:2020-01-10"), vec![(Some(2020), 1, 10)]);
        assert_eq!(ymd("2012.4.28 与 2012-4.28"), vec![(Some(2012), 4, 28)]);
        assert_eq!(ymd("13月40日"), vec![]);
    }

    #[test]
    fn a_year_that_lost_its_nian_is_still_the_year() {
        assert_eq!(
            ymd("统计期限自20211月1日起至2021年12月31日止"),
            vec![(Some(2021), 1, 1), (Some(2021), 12, 31)]
        );
        assert_eq!(ymd("202112月31日"), vec![(Some(2021), 12, 31)]);
    }
}

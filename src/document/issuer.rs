//! Which reports come from the same issuer, for pairing a report with last year's.
//!
//! Titles name the same body in more or less words: `乌海市人民政府` one year,
//! `内蒙古自治区乌海市人民政府` the next. Two names are the same issuer when the shorter is the longer
//! without its leading province- or prefecture-level place ([`shorter_names`]). A prefix is dropped
//! only when what remains still names a place of its own (a prefecture, county or district), so
//! `广东省教育厅` never becomes a bare `教育厅` shared by every province, nor `北京市人民政府` a bare
//! `人民政府`; and since district names repeat across cities (鼓楼区), a name that could be more
//! than one of last year's issuers is paired with none. Script needs nothing here: the text stage already folds Traditional to Simplified.

use std::sync::LazyLock;

use regex_syntax::hir::{Class, HirKind};

/// Province-level names, each in the form titles write them.
const PROVINCES: &[&str] = &[
    "北京市",
    "天津市",
    "上海市",
    "重庆市",
    "河北省",
    "山西省",
    "辽宁省",
    "吉林省",
    "黑龙江省",
    "江苏省",
    "浙江省",
    "安徽省",
    "福建省",
    "江西省",
    "山东省",
    "河南省",
    "湖北省",
    "湖南省",
    "广东省",
    "海南省",
    "四川省",
    "贵州省",
    "云南省",
    "陕西省",
    "甘肃省",
    "青海省",
    "台湾省",
    "内蒙古自治区",
    "广西壮族自治区",
    "西藏自治区",
    "宁夏回族自治区",
    "新疆维吾尔自治区",
    "香港特别行政区",
    "澳门特别行政区",
];

/// The words that end a place below the province: a prefecture, league, county or district
/// (`乌海市`, `阿拉善盟`, `西湖区`), tried in this order.
const PLACE_ENDINGS: &[&str] = &[
    "市",
    "地区",
    "自治州",
    "州",
    "盟",
    "自治县",
    "县",
    "旗",
    "区",
];

/// The words that end a prefecture-level place (`乌海市`, `黔东南苗族侗族自治州`, `阿拉善盟`).
const PREFECTURE_ENDINGS: &[&str] = &["市", "地区", "自治州", "州", "盟"];

/// The ranges of the Han script (`\p{Han}`), from the Unicode tables the regex crates carry: a
/// regex of a place's one to eight Han characters costs more to compile than a run of a few
/// hundred reports spends pairing.
static HAN: LazyLock<Vec<(char, char)>> =
    LazyLock::new(
        || match regex_syntax::parse(r"\p{Han}").map(|hir| hir.into_kind()) {
            Ok(HirKind::Class(Class::Unicode(class))) => class
                .ranges()
                .iter()
                .map(|range| (range.start(), range.end()))
                .collect(),
            _ => Vec::new(),
        },
    );

fn is_han(c: char) -> bool {
    HAN.binary_search_by(|&(start, end)| {
        if end < c {
            std::cmp::Ordering::Less
        } else if start > c {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    })
    .is_ok()
}

/// Where a leading place of one to eight Han characters ends, the fewest characters first, each
/// followed by `endings` in order (what `^\p{Han}{1,8}?(?:市|…)` matches), or `None`.
fn place_end(name: &str, endings: &[&str]) -> Option<usize> {
    let mut offset = 0;
    for c in name.chars().take(8) {
        if !is_han(c) {
            return None;
        }
        offset += c.len_utf8();
        let rest = &name[offset..];
        if let Some(ending) = endings.iter().find(|ending| rest.starts_with(**ending)) {
            return Some(offset + ending.len());
        }
    }
    None
}

/// The issuer as titled, without spaces: the name reports are kept under.
pub fn pairing_name(issuer: &str) -> String {
    issuer.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether a name starts with a place below the province, not a department's words.
fn starts_with_place(name: &str) -> bool {
    place_end(name, PLACE_ENDINGS).is_some()
}

/// The shorter names the same issuer goes by: the name without its leading province-level and
/// then prefecture-level place, one level at a time, as long as what remains still starts with a
/// place of its own (`内蒙古自治区乌海市人民政府` → `乌海市人民政府`; `南京市高淳区人民政府办公室` →
/// `高淳区人民政府办公室`; `广东省教育厅` and `北京市人民政府` have none).
pub fn shorter_names(name: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = name;
    if let Some(after) = PROVINCES
        .iter()
        .find_map(|province| rest.strip_prefix(province))
    {
        if !starts_with_place(after) {
            return names;
        }
        names.push(after);
        rest = after;
    }
    if let Some(prefecture) = place_end(rest, PREFECTURE_ENDINGS) {
        // `杭州市`: the shortest match stops at `州`; the place runs on to its `市`.
        let after = &rest[prefecture..];
        let after = after.strip_prefix('市').unwrap_or(after);
        if starts_with_place(after) {
            names.push(after);
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::{place_end, shorter_names, PLACE_ENDINGS, PREFECTURE_ENDINGS};

    #[test]
    fn a_place_ends_where_the_pattern_would_end_it() {
        let patterns = [
            (
                PLACE_ENDINGS,
                r"^\p{Han}{1,8}?(?:市|地区|自治州|州|盟|自治县|县|旗|区)",
            ),
            (
                PREFECTURE_ENDINGS,
                r"^\p{Han}{1,8}?(?:市|地区|自治州|州|盟)",
            ),
        ];
        // Places of every length around the limit, endings inside and after them, characters
        // that are not Han (Latin, digits, a CJK symbol, an extension-B character), and names
        // with nothing to find.
        let pieces = [
            "乌海",
            "黔东南苗族侗族",
            "杭州",
            "阿拉善",
            "西湖",
            "某某某某某某某某",
            "A",
            "1",
            "〇",
            "\u{20000}",
            "",
            "地",
            "自治",
            "人民政府",
            "教育局",
        ];
        // Every place ending, a province's (never a place below it) and none.
        let endings: Vec<&str> = PLACE_ENDINGS.iter().copied().chain(["省", ""]).collect();
        for (endings_tried, pattern) in patterns {
            let regex = regex::Regex::new(pattern).expect("pattern");
            for first in pieces {
                for ending in &endings {
                    for after in pieces {
                        let name = format!("{first}{ending}{after}");
                        assert_eq!(
                            place_end(&name, endings_tried),
                            regex.find(&name).map(|found| found.end()),
                            "{name}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_place_prefix_is_dropped_only_before_a_place() {
        assert_eq!(
            shorter_names("内蒙古自治区乌海市人民政府"),
            ["乌海市人民政府"]
        );
        assert_eq!(
            shorter_names("浙江省杭州市西湖区人民政府办公室"),
            ["杭州市西湖区人民政府办公室", "西湖区人民政府办公室"]
        );
        assert_eq!(
            shorter_names("南京市高淳区人民政府办公室"),
            ["高淳区人民政府办公室"]
        );
        assert!(shorter_names("广东省教育厅").is_empty());
        assert!(shorter_names("北京市人民政府").is_empty());
        assert!(shorter_names("乌海市人民政府").is_empty());
        assert!(shorter_names("广东省市场监督管理局").is_empty());
        assert!(shorter_names("东湖市市场监督管理局").is_empty());
        assert!(shorter_names("青山县教育局").is_empty());
    }
}

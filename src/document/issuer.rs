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

use regex::Regex;

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

/// A name that starts with a place below the province: a prefecture, league, county or district
/// of one to eight characters (`乌海市`, `阿拉善盟`, `西湖区`), not a department's words.
static PLACE_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Han}{1,8}?(?:市|地区|自治州|州|盟|自治县|县|旗|区)")
        .expect("place pattern is valid")
});

/// A leading prefecture-level place (`乌海市`, `黔东南苗族侗族自治州`, `阿拉善盟`).
static PREFECTURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Han}{1,8}?(?:市|地区|自治州|州|盟)").expect("prefecture pattern is valid")
});

/// The issuer as titled, without spaces: the name reports are kept under.
pub fn pairing_name(issuer: &str) -> String {
    issuer.chars().filter(|c| !c.is_whitespace()).collect()
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
        if !PLACE_START.is_match(after) {
            return names;
        }
        names.push(after);
        rest = after;
    }
    if let Some(prefecture) = PREFECTURE.find(rest) {
        // `杭州市`: the shortest match stops at `州`; the place runs on to its `市`.
        let after = &rest[prefecture.end()..];
        let after = after.strip_prefix('市').unwrap_or(after);
        if PLACE_START.is_match(after) {
            names.push(after);
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::shorter_names;

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

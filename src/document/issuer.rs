//! Which reports come from the same issuer, for pairing a report with last year's.
//!
//! Titles name the same body in more or less words: `乌海市人民政府` one year,
//! `内蒙古自治区乌海市人民政府` the next. Two names are the same issuer when, once a leading
//! province-level name is dropped from the longer, they are equal. The prefix is dropped only when
//! what remains still names a place of its own (a prefecture, county or district), so
//! `广东省教育厅` never becomes a bare `教育厅` shared by every province, nor `北京市人民政府` a bare
//! `人民政府`. Script needs nothing here: the text stage already folds Traditional to Simplified.

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

/// The name reports of one issuer are paired under: the issuer as titled, without spaces, and
/// without a leading province-level name when the rest names a place of its own.
pub fn pairing_name(issuer: &str) -> String {
    let name: String = issuer.chars().filter(|c| !c.is_whitespace()).collect();
    for province in PROVINCES {
        if let Some(rest) = name.strip_prefix(province) {
            if PLACE_START.is_match(rest) {
                return rest.to_string();
            }
        }
    }
    name
}

#[cfg(test)]
mod tests {
    use super::pairing_name;

    #[test]
    fn a_province_prefix_is_dropped_only_before_a_place() {
        assert_eq!(
            pairing_name("内蒙古自治区乌海市人民政府"),
            pairing_name("乌海市人民政府")
        );
        assert_eq!(
            pairing_name("浙江省杭州市西湖区人民政府办公室"),
            "杭州市西湖区人民政府办公室"
        );
        assert_eq!(pairing_name("广东省教育厅"), "广东省教育厅");
        assert_eq!(pairing_name("北京市人民政府"), "北京市人民政府");
        assert_eq!(pairing_name("广东省市场监督管理局"), "广东省市场监督管理局");
        assert_ne!(
            pairing_name("乌海市人民政府"),
            pairing_name("乌海市海勃湾区人民政府")
        );
    }
}

//! The statistics period as reports phrase it, and as a PDF's text gives it (spaces between
//! Chinese and digits): it is found in every phrasing that states the report year's 1 January to
//! 31 December as the span of the report or its data, `period/mismatch` still catches a wrong
//! year, and a date range that is not about the report is not taken for the period.

use ogilint::engine::{check_text, Options};
use ogilint::rules::load::{load, RuleSources};

/// `(rule, text)` of the `period/` and `year/` findings of a report with `title_year` in its title
/// and `intro` as its first paragraph.
fn period_findings(title_year: i32, intro: &str) -> Vec<(String, String)> {
    let rules = load(&RuleSources {
        builtin: true,
        paths: Vec::new(),
    })
    .expect("built-in rules load");
    let text = format!(
        "某县自然资源局{title_year}年政府信息公开工作年度报告\n{intro}如对本报告有任何疑问,请与本局办公室联系(电话:0571-87000000)。\n一、总体情况\n{title_year}年,本局认真贯彻落实《条例》。\n"
    );
    check_text("period.txt", &text, &rules, Options::default())
        .findings
        .into_iter()
        .filter(|f| f.rule.starts_with("period/") || f.rule.starts_with("year/"))
        .map(|f| (f.rule, f.text))
        .collect()
}

fn expect(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(rule, text)| (rule.to_string(), text.to_string()))
        .collect()
}

#[test]
fn periods_in_other_phrasings_are_found() {
    for intro in [
        "本报告内容涵盖本局2015年1月1日至12月31日期间政府信息公开工作情况。",
        "本报告统计数据从2015年1月1日至2015年12月31日止。",
        "本报告统计周期为2015年1月1日至2015年12月31日。",
        "本报告所列数据的时间范围为2015年1月1日至12月31日。",
        "本年报所列各项数据均为二〇一五年一月一日至十二月三十一日的数据。",
    ] {
        assert_eq!(period_findings(2015, intro), expect(&[]), "{intro}");
    }
}

#[test]
fn a_wrong_year_in_another_phrasing_is_a_mismatch() {
    assert_eq!(
        period_findings(2016, "本报告统计数据从2015年1月1日至2015年12月31日止。"),
        expect(&[("period/mismatch", "2015年1月1日至2015年12月31日")])
    );
    assert_eq!(
        period_findings(
            2016,
            "本报告内容涵盖本局2015年1月1日至12月31日期间政府信息公开工作情况。"
        ),
        expect(&[("period/mismatch", "2015年1月1日至12月31日")])
    );
}

#[test]
fn date_ranges_that_are_not_the_period_are_not_taken_for_it() {
    for intro in [
        "本局于2023年3月1日至12月31日开展政务公开专项行动。",
        "新修订的办法自2023年1月1日起施行。",
        "2023年1月1日至12月31日,本局开展了专项整治。",
        "本报告中的数据较2022年1月1日至12月31日有所增长。",
    ] {
        assert_eq!(
            period_findings(2023, intro),
            expect(&[("period/missing", "")]),
            "{intro}"
        );
    }
}

#[test]
fn spaces_a_pdf_puts_between_chinese_and_digits_stop_no_rule() {
    // Spaces, full-width spaces and no-break spaces between digits and Chinese, as a PDF's text
    // gives them, in the period and around the report year.
    let intro =
        "本报告中所列数据的统计期限自 2023 年 1 月 1 日 至 2023\u{3000}年 12\u{a0}月 31 日止。";
    assert_eq!(period_findings(2023, intro), expect(&[]));
    assert_eq!(
        period_findings(2024, intro),
        expect(&[(
            "period/mismatch",
            "统计期限自 2023 年 1 月 1 日 至 2023\u{3000}年 12\u{a0}月 31 日"
        )])
    );
}

#[test]
fn a_cut_off_at_the_end_of_another_year_is_a_mismatch() {
    // `截至…12月31日` states no span, and is accepted for the report year; at the end of another
    // year it is the wrong year. A cut-off inside the year cannot be judged, and is left alone.
    assert_eq!(
        period_findings(2021, "本报告中所列数据统计截至2021年12月31日。"),
        expect(&[])
    );
    assert_eq!(
        period_findings(2021, "本报告中所列数据统计截至2020年12月31日。"),
        expect(&[("period/mismatch", "数据统计截至2020年12月31日")])
    );
    assert_eq!(
        period_findings(2021, "本报告中所列数据统计截至2021年11月30日。"),
        expect(&[])
    );
}

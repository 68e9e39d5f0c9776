//! Mutation tests for tables, deadlines and years: start from a report where everything holds,
//! change one thing, and assert that exactly the expected findings appear, with the right numbers.

use std::fs;

use ogilint::engine::{check_text, Options};
use ogilint::rules::load::{load, RuleSources};

const DONGXIANG_2019: &str = "002_8ea8eed0dcff065f.txt";
const CELLS_2021: &str = "synthetic/2021-table-cells-per-line.txt";

fn fixture(name: &str) -> String {
    fs::read_to_string(format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR")))
        .expect("fixture is readable")
}

/// `(rule, text, message)` of the findings whose rule id starts with one of `families`.
fn findings(text: &str, families: &[&str]) -> Vec<(String, String, String)> {
    let rules = load(&RuleSources {
        builtin: true,
        paths: Vec::new(),
    })
    .expect("built-in rules load");
    check_text("mutant.txt", text, &rules, Options::default())
        .findings
        .into_iter()
        .filter(|f| families.iter().any(|family| f.rule.starts_with(family)))
        .map(|f| (f.rule, f.text, f.message))
        .collect()
}

fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert_eq!(
        text.matches(from).count(),
        1,
        "`{from}` must occur exactly once"
    );
    text.replacen(from, to, 1)
}

fn expect(list: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    list.iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect()
}

const TABLE_RULES: &[&str] = &["table/", "deadline/", "year/", "period/"];

#[test]
fn the_unchanged_reports_hold() {
    assert_eq!(findings(&fixture(DONGXIANG_2019), TABLE_RULES), expect(&[]));
    assert_eq!(findings(&fixture(CELLS_2021), TABLE_RULES), expect(&[]));
}

#[test]
fn a_new_request_without_an_outcome_breaks_the_balance_and_the_row_total() {
    let text = replace_once(
        &fixture(DONGXIANG_2019),
        "一、本年新收政府信息公開申請(qǐng)數(shù)量 | 0 |",
        "一、本年新收政府信息公開申請(qǐng)數(shù)量 | 5 |",
    );
    assert_eq!(
        findings(&text, TABLE_RULES),
        expect(&[
            (
                "table/balance",
                "5",
                "第一项加第二项之和(5+0=5) ≠ 第三项加第四项之和(0+0=0) — 列: 自然人"
            ),
            (
                "table/row-total",
                "0",
                "“一、本年新收政府信息公开申请数量”一行: 总计(0) ≠ 各类申请人之和(5+0+0+0+0+0=5)"
            ),
        ])
    );
}

#[test]
fn an_outcome_sub_row_breaks_the_subtotal() {
    let text = replace_once(
        &fixture(DONGXIANG_2019),
        "1.屬于國(guó)家秘密 | 0 |",
        "1.屬于國(guó)家秘密 | 2 |",
    );
    assert_eq!(
        findings(&text, TABLE_RULES),
        expect(&[
            ("table/row-total", "0", "“1.属于国家秘密”一行: 总计(0) ≠ 各类申请人之和(2+0+0+0+0+0=2)"),
            ("table/subtotal", "0", "(七)总计(0) ≠ (一)至(六)各项之和(0+0+2+0+0+0+0+0+0+0+0+0+0+0+0+0+0+0+0=2) — 列: 自然人"),
        ])
    );
}

#[test]
fn one_cell_per_line_2021_carried_forward_changed() {
    let text = replace_once(
        &fixture(CELLS_2021),
        "四、结转下年度继续办理\n1\n",
        "四、结转下年度继续办理\n4\n",
    );
    assert_eq!(
        findings(&text, TABLE_RULES),
        expect(&[
            (
                "table/balance",
                "20",
                "第一项加第二项之和(20+2=22) ≠ 第三项加第四项之和(21+4=25) — 列: 自然人"
            ),
            (
                "table/row-total",
                "1",
                "“四、结转下年度继续办理”一行: 总计(1) ≠ 各类申请人之和(4+0+0+0+0+0=4)"
            ),
        ])
    );
}

#[test]
fn review_total_and_the_narrative_that_states_it() {
    let text = replace_once(
        &fixture(CELLS_2021),
        "复议后起诉\n结果维持",
        "复议后起诉\n结果维持",
    );
    let text = replace_once(
        &text,
        "尚未审结\n总计\n1\n0\n0\n0\n1\n",
        "尚未审结\n总计\n1\n0\n0\n0\n2\n",
    );
    assert_eq!(
        findings(&text, TABLE_RULES),
        expect(&[
            (
                "table/narrative-mismatch",
                "1",
                "正文“行政复议1件”为1,表格中为2"
            ),
            (
                "table/review-total",
                "2",
                "行政复议: 总计(2) ≠ 结果维持、结果纠正、其他结果、尚未审结之和(1+0+0+0=1)"
            ),
        ])
    );
}

#[test]
fn narrative_total_differs_from_the_table() {
    let text = replace_once(
        &fixture(CELLS_2021),
        "全年共收到政府信息公开申请23件",
        "全年共收到政府信息公开申请25件",
    );
    assert_eq!(
        findings(&text, TABLE_RULES),
        expect(&[(
            "table/narrative-mismatch",
            "25",
            "正文“收到政府信息公开申请25件”为25,表格中为23"
        )])
    );
}

#[test]
fn a_cell_that_is_not_a_count() {
    let text = replace_once(
        &fixture(DONGXIANG_2019),
        "2.重復(fù)申請(qǐng) | 0 |",
        "2.重復(fù)申請(qǐng) | 约1 |",
    );
    assert_eq!(
        findings(&text, TABLE_RULES),
        expect(&[("table/bad-number", "约1", "“约1”不是有效的件数(列: 自然人)")])
    );
}

#[test]
fn blank_cells_are_counted_once_at_info_level() {
    let text = replace_once(
        &fixture(DONGXIANG_2019),
        "2.重復(fù)申請(qǐng) | 0 | 0 |",
        "2.重復(fù)申請(qǐng) | / |  |",
    );
    assert_eq!(
        findings(&text, TABLE_RULES),
        expect(&[(
            "table/blank-cells",
            "本列數(shù)據(jù)的勾稽關(guān)系",
            "收到和处理政府信息公开申请情况表有2个空白单元格,按0计算"
        )])
    );
}

#[test]
fn late_and_premature_publication() {
    let department_late = replace_once(
        &fixture(DONGXIANG_2019),
        "成文日期: 2020-01-10",
        "成文日期: 2020-02-10",
    );
    assert_eq!(
        findings(&department_late, TABLE_RULES),
        expect(&[(
            "deadline/late",
            "2020-02-10",
            "2019年度报告的发布日期为2020年2月10日,晚于法定期限2020年1月31日"
        )])
    );
    let premature = replace_once(
        &fixture(DONGXIANG_2019),
        "成文日期: 2020-01-10",
        "成文日期: 2019-12-20",
    );
    assert_eq!(
        findings(&premature, TABLE_RULES),
        expect(&[(
            "deadline/premature",
            "2019-12-20",
            "2019年度报告的发布日期为2019年12月20日,早于该年度结束"
        )])
    );
    let late_2007 = replace_once(
        &fixture("003_7b0f8fbbe84c9ac2.txt"),
        "2013-01-15",
        "2013-04-15",
    );
    assert_eq!(
        findings(&late_2007, &["deadline/"]),
        expect(&[(
            "deadline/late",
            "2013-04-15",
            "2012年度报告的发布日期为2013年4月15日,晚于法定期限2013年3月31日"
        )])
    );
}

#[test]
fn a_report_retitled_for_another_year() {
    let text = replace_once(
        &fixture(CELLS_2021),
        "某市生态环境局2021年政府信息公开工作年度报告\n",
        "某市生态环境局2020年政府信息公开工作年度报告\n",
    );
    assert_eq!(
        findings(&text, TABLE_RULES),
        expect(&[
            (
                "year/mismatch",
                "2020",
                "报告年度为2020年,但正文主要报告的是2021年(3处)"
            ),
            (
                "deadline/late",
                "2022-01-20",
                "2020年度报告的发布日期为2022年1月20日,晚于法定期限2021年1月31日"
            ),
            (
                "period/mismatch",
                "统计期限为2021年1月1日至2021年12月31日",
                "“统计期限为2021年1月1日至2021年12月31日”与报告年度(2020年1月1日至12月31日)不符"
            ),
        ])
    );
}

#[test]
fn table_two_counts_and_amounts() {
    // 2021 layout, one cell per line: a count with decimals is not a count…
    let text = replace_once(
        &fixture(CELLS_2021),
        "行政规范性文件\n3\n1\n12\n",
        "行政规范性文件\n3\n1.5\n12\n",
    );
    assert_eq!(
        findings(&text, TABLE_RULES),
        expect(&[(
            "table/bad-number",
            "1.5",
            "“1.5”不是有效的件数(列: 本年废止件数)"
        )])
    );
    // …but an amount in 万元 may have them.
    let text = replace_once(
        &fixture(CELLS_2021),
        "行政事业性收费\n0\n",
        "行政事业性收费\n0.5\n",
    );
    assert_eq!(findings(&text, TABLE_RULES), expect(&[]));
    // 2019 trial layout: 本年增/减 may be negative, a number of decisions may not.
    let text = replace_once(
        &fixture(DONGXIANG_2019),
        "行政處罰 | 0 | 0 | 0 |",
        "行政處罰 | 5 | -2 | 3 |",
    );
    assert_eq!(findings(&text, TABLE_RULES), expect(&[]));
    let text = replace_once(
        &fixture(DONGXIANG_2019),
        "行政處罰 | 0 | 0 | 0 |",
        "行政處罰 | 5 | -2 | -3 |",
    );
    assert_eq!(
        findings(&text, TABLE_RULES),
        expect(&[(
            "table/bad-number",
            "-3",
            "“-3”不是有效的件数(列: 处理决定数量)"
        )])
    );
}

#[test]
fn a_missing_row_of_table_two() {
    let text = replace_once(&fixture(CELLS_2021), "行政许可\n356\n", "");
    assert_eq!(
        findings(&text, TABLE_RULES),
        expect(&[(
            "table/layout",
            "第二十条第(五)项",
            "主动公开政府信息情况表 第二十条第(五)项缺少一行:“行政许可”"
        )])
    );
}

/// The seed's `|` rows written as Markdown writes them: a bar at each end of every row.
fn as_markdown_rows(text: &str) -> String {
    text.lines()
        .map(|line| {
            if line.contains('|') && !line.starts_with('|') {
                let mut cells: Vec<&str> = line.split('|').map(str::trim).collect();
                while cells.last() == Some(&"") {
                    cells.pop();
                }
                format!("| {} |", cells.join(" | "))
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn markdown_rows_read_as_the_plain_rows() {
    let seed = fixture(DONGXIANG_2019);
    let markdown = as_markdown_rows(&seed);
    assert_eq!(findings(&markdown, TABLE_RULES), expect(&[]));
    // And a broken identity is still seen.
    let broken = replace_once(
        &markdown,
        "| 一、本年新收政府信息公開申請(qǐng)數(shù)量 | 0 |",
        "| 一、本年新收政府信息公開申請(qǐng)數(shù)量 | 5 |",
    );
    let rules: Vec<String> = findings(&broken, TABLE_RULES)
        .into_iter()
        .map(|(rule, _, _)| rule)
        .collect();
    assert_eq!(rules, ["table/balance", "table/row-total"]);
}

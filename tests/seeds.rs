//! Acceptance on the real seed reports in `fixtures/`: the exact findings (document, rule,
//! severity, underlined text) and what was recognised in each document.

use std::fs;

use ogilint::engine::{check_text, FileReport, Options};
use ogilint::rules::load::{load, RuleSources};

fn check(name: &str) -> FileReport {
    let path = format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = fs::read_to_string(&path).expect("fixture is readable");
    let rules = load(&RuleSources {
        builtin: true,
        paths: Vec::new(),
    })
    .expect("built-in rules load");
    check_text(name, &text, &rules, Options::default())
}

/// `(document, rule, severity, text)` of every finding, in output order.
fn findings(report: &FileReport) -> Vec<(usize, String, String, String)> {
    report
        .findings
        .iter()
        .map(|f| {
            (
                f.document,
                f.rule.clone(),
                f.severity.to_string(),
                f.text.clone(),
            )
        })
        .collect()
}

fn expect(list: &[(usize, &str, &str, &str)]) -> Vec<(usize, String, String, String)> {
    list.iter()
        .map(|(d, r, s, t)| (*d, r.to_string(), s.to_string(), t.to_string()))
        .collect()
}

/// Every span must lie on character boundaries of the original, its text must be the original
/// text under it, and line/column must count lines and characters.
fn assert_spans_are_faithful(name: &str, report: &FileReport) {
    let path = format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let original = fs::read_to_string(path).expect("fixture is readable");
    for finding in &report.findings {
        let span = finding.span;
        assert!(original.is_char_boundary(span.start) && original.is_char_boundary(span.end));
        assert_eq!(&original[span.start..span.end], finding.text);
        let before = &original[..span.start];
        assert_eq!(span.line, before.matches('\n').count() + 1);
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        assert_eq!(
            span.column,
            original[line_start..span.start].chars().count() + 1
        );
    }
}

#[test]
fn huzhou_2012_traditional() {
    let report = check("000_be1dd56c78923606.txt");
    assert_spans_are_faithful("000_be1dd56c78923606.txt", &report);
    assert_eq!(
        findings(&report),
        expect(&[
            (0, "contact/missing", "warning", ""),
            (0, "period/missing", "warning", ""),
        ])
    );
    let document = &report.documents[0];
    assert_eq!(document.report_year.map(|y| y.year), Some(2012));
    assert_eq!(document.issuer.as_deref(), Some("湖州市质量技监局"));
    assert_eq!(document.regulation.as_str(), "2007");
    assert_eq!(document.headings.iter().filter(|h| h.level == 1).count(), 4);
}

#[test]
fn five_reports_in_one_file() {
    let report = check("001_e0f2844ddd246cd5.txt");
    assert_spans_are_faithful("001_e0f2844ddd246cd5.txt", &report);
    assert_eq!(report.documents.len(), 5);
    let years: Vec<Option<i32>> = report
        .documents
        .iter()
        .map(|d| d.report_year.map(|y| y.year))
        .collect();
    // Document 2 is labelled `第三篇:绵阳市环境保护局2012政府信息公开工作总结` by the collection,
    // but its own title, on the next two lines, says 2009, as does its text (signed 二O一O年三月五日):
    // the report's own title counts, so neither a year mismatch nor an early publication is reported.
    assert_eq!(
        years,
        vec![Some(2009), Some(2009), Some(2009), Some(2008), Some(2017)]
    );
    assert_eq!(
        report.documents[0].period.as_deref(),
        Some("统计期限自 1 2009年1月1日至2009年12月31 日"),
        "the messy period sentence of document 1 is recognised"
    );
    assert_eq!(
        findings(&report),
        expect(&[
            (0, "required/other-matters", "warning", ""),
            (
                1,
                "title/not-annual-report",
                "warning",
                "绵阳市环境保护局\n2009政府信息公开工作总结"
            ),
            (1, "contact/missing", "warning", ""),
            (1, "period/missing", "warning", ""),
            (1, "required/other-matters", "warning", ""),
            (
                2,
                "title/not-annual-report",
                "warning",
                "绵阳市环境保护局\n2009政府信息公开工作总结"
            ),
            (2, "contact/missing", "warning", ""),
            (2, "period/missing", "warning", ""),
            (2, "required/other-matters", "warning", ""),
            (
                3,
                "title/not-annual-report",
                "warning",
                "南宁市环境保护局2008政府信息公开工作报告"
            ),
            (3, "contact/missing", "warning", ""),
            (3, "period/missing", "warning", ""),
            (3, "required/fees", "warning", ""),
            (3, "required/other-matters", "warning", ""),
            (3, "required/review-litigation", "warning", ""),
            (
                4,
                "title/not-annual-report",
                "warning",
                "2017政府信息公开工作报告"
            ),
            (4, "contact/missing", "warning", ""),
            (4, "period/missing", "warning", ""),
            (4, "required/fees", "warning", ""),
            (4, "required/other-matters", "warning", ""),
            (4, "required/problems", "warning", ""),
            (4, "required/review-litigation", "warning", ""),
        ])
    );
}

#[test]
fn dongxiang_2019_pinyin_and_pipe_tables() {
    let report = check("002_8ea8eed0dcff065f.txt");
    assert_eq!(findings(&report), expect(&[]));
    let document = &report.documents[0];
    assert_eq!(document.regulation.as_str(), "2019");
    assert_eq!(document.issuer.as_deref(), Some("抚州市东乡区工信局"));
    let numbers: Vec<u32> = document
        .headings
        .iter()
        .filter(|h| h.level == 1)
        .map(|h| h.number)
        .collect();
    assert_eq!(
        numbers,
        vec![1, 2, 3, 4, 5, 6],
        "table row labels are not headings"
    );
}

#[test]
fn jixi_2012_reports_fees_and_litigation_in_sentences() {
    let report = check("003_7b0f8fbbe84c9ac2.txt");
    assert_spans_are_faithful("003_7b0f8fbbe84c9ac2.txt", &report);
    assert_eq!(
        findings(&report),
        expect(&[
            (0, "contact/missing", "warning", ""),
            (0, "period/missing", "warning", ""),
            (0, "required/other-matters", "warning", ""),
        ])
    );
    assert_eq!(
        report.documents[0].title.as_deref(),
        Some("績溪縣2012年度政府信息公開工作報告")
    );
}

#[test]
fn wuhai_2011_cover_letter_is_not_the_report() {
    let report = check("004_062f0ed1955165dd.txt");
    assert_spans_are_faithful("004_062f0ed1955165dd.txt", &report);
    assert_eq!(
        findings(&report),
        expect(&[
            (0, "deadline/late", "error", "2012年4月28日"),
            (0, "period/missing", "warning", ""),
            (0, "required/fees", "warning", ""),
            (0, "required/other-matters", "warning", ""),
        ])
    );
    let document = &report.documents[0];
    assert_eq!(
        document.title.as_deref(),
        Some("烏海市經(jīng)濟和信息化委員會2011年度政府信息公開工作年度報告"),
        "the title broken over two lines is joined, the cover letter skipped"
    );
    assert_eq!(document.line, 1);
    assert_eq!(document.headings[0].line, 11);
}

/// A compliant 2021 report copied from a web page, with its tables one cell per line (the row
/// labels `一、本年新收…` … `四、结转下年度继续办理` stand on lines of their own).
const CELLS_2021: &str = "synthetic/2021-table-cells-per-line.txt";

fn check_edited(name: &str, edit: impl Fn(&str) -> String) -> FileReport {
    let path = format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = edit(&fs::read_to_string(&path).expect("fixture is readable"));
    let rules = load(&RuleSources {
        builtin: true,
        paths: Vec::new(),
    })
    .expect("built-in rules load");
    check_text(name, &text, &rules, Options::default())
}

#[test]
fn compliant_2021_report_with_one_cell_per_line_tables_is_clean() {
    let report = check(CELLS_2021);
    assert_eq!(findings(&report), expect(&[]));
    let numbers: Vec<u32> = report.documents[0]
        .headings
        .iter()
        .filter(|h| h.level == 1)
        .map(|h| h.number)
        .collect();
    assert_eq!(numbers, vec![1, 2, 3, 4, 5, 6]);
}

#[test]
fn a_missing_section_is_reported_once_at_the_outline() {
    let report = check_edited(CELLS_2021, |text| {
        text.replace("四、政府信息公开行政复议、行政诉讼情况\n", "")
    });
    // Without the heading, table 四's cells run on from table 三's: that table is then reported
    // as unreadable (info) rather than guessed at.
    assert_eq!(
        findings(&report),
        expect(&[
            (0, "required/review-litigation", "error", ""),
            (0, "table/unreadable", "info", "本列数据的勾稽关系"),
        ])
    );
    assert_eq!(
        report.findings[0].span.line, 8,
        "points at the first section heading"
    );
}

#[test]
fn sections_out_of_order_and_off_wording() {
    let report = check_edited(CELLS_2021, |text| {
        text.replace("五、存在的主要问题及改进情况", "五、其他需要报告的事项X")
            .replace("六、其他需要报告的事项", "六、存在问题及改进措施")
    });
    assert_eq!(
        findings(&report),
        expect(&[
            (
                0,
                "format/heading-wording",
                "warning",
                "五、其他需要报告的事项X"
            ),
            (
                0,
                "format/heading-wording",
                "warning",
                "六、存在问题及改进措施"
            ),
            (0, "format/section-order", "error", "六、存在问题及改进措施"),
        ])
    );
}

#[test]
fn a_wrong_period_year_is_an_error_on_the_period_sentence() {
    let report = check_edited(CELLS_2021, |text| {
        text.replace("统计期限为2021年1月1日", "统计期限为2020年1月1日")
    });
    assert_eq!(
        findings(&report),
        expect(&[(
            0,
            "period/mismatch",
            "error",
            "统计期限为2020年1月1日至2021年12月31日"
        )])
    );
}

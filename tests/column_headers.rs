//! Tables 三 and 四 whose header rows name the format's columns through merged cells (申请人情况
//! over 法人或其他组织 over 商业企业 …; 行政诉讼 over 未经复议直接起诉 over 结果维持 …), as `|` rows,
//! one cell per line, as a Word document and as a web page. With the columns in the format's order the tables' wrong
//! sums are found; with two header cells swapped the table is `table/unreadable` and no sum is
//! checked, since its values would be read under the wrong names.

use std::io::Write;

use ogilint::engine::{check_source, check_text, Finding, Options};
use ogilint::input::{html, read_file, ReadOptions};
use ogilint::rules::load::{load, RuleSources};
use ogilint::rules::RuleSet;

const TITLE: &str = "某县统计局2023年政府信息公开工作年度报告";
const INTRO: &str = "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。";
const CAPTION_THREE: &str = "三、收到和处理政府信息公开申请情况";
const CAPTION_FOUR: &str = "四、政府信息公开行政复议、行政诉讼情况";
const COLUMN_NOTE: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

/// Table 三's value rows, each by its own label (the 2021 layout's rows that hold values).
const ROWS: [&str; 25] = [
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
    "1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确",
    "1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "3.其他",
    "（七）总计",
    "四、结转下年度继续办理",
];

/// The values of table 三's row `row`: 4 requests from natural persons and 1 from a business,
/// all disclosed, but the 总计 of the rows of new requests and of the (七) total says 6.
fn values(row: usize) -> [&'static str; 7] {
    match row {
        0 | 23 => ["4", "1", "0", "0", "0", "0", "6"],
        2 => ["4", "1", "0", "0", "0", "0", "5"],
        _ => ["0"; 7],
    }
}

/// Table 四's values: 行政复议's total says 2 for one case upheld.
const REVIEWS: [&str; 15] = [
    "1", "0", "0", "0", "2", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0",
];

/// Table 三's lower header row, in the format's order.
const ORGANISATIONS: [&str; 5] = [
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
];
/// Table 四's outcomes, in the format's order, under each of its three groups.
const OUTCOMES: [&str; 5] = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

/// The group over table 三's organisations.
const ORGANISATION_GROUP: &str = "法人或其他组织";

/// The header cells of both tables, in the format's order or with two cells swapped.
struct Headers {
    /// Table 三's upper row: 自然人, the organisations' group and 总计.
    applicants: Vec<&'static str>,
    organisations: Vec<&'static str>,
    /// The lower row of table 四: the outcomes of the two kinds of lawsuit.
    lawsuit_outcomes: Vec<&'static str>,
}

impl Headers {
    fn in_order() -> Headers {
        Headers {
            applicants: vec!["自然人", ORGANISATION_GROUP, "总计"],
            organisations: ORGANISATIONS.to_vec(),
            lawsuit_outcomes: OUTCOMES.iter().chain(&OUTCOMES).copied().collect(),
        }
    }

    /// 商业企业 and 科研机构 swapped in table 三.
    fn three_swapped() -> Headers {
        let mut headers = Headers::in_order();
        headers.organisations.swap(0, 1);
        headers
    }

    /// 法人或其他组织 and 总计 swapped in table 三 (the organisations below their group).
    fn three_group_swapped() -> Headers {
        let mut headers = Headers::in_order();
        headers.applicants.swap(1, 2);
        headers
    }

    /// 结果维持 and 结果纠正 swapped under 复议后起诉 in table 四.
    fn four_swapped() -> Headers {
        let mut headers = Headers::in_order();
        headers.lawsuit_outcomes.swap(5, 6);
        headers
    }
}

fn rules() -> RuleSet {
    load(&RuleSources {
        builtin: true,
        paths: Vec::new(),
    })
    .expect("built-in rules load")
}

/// `(rule, text, message)` of the findings of tables 三 and 四.
fn table_findings(findings: Vec<Finding>) -> Vec<(String, String, String)> {
    findings
        .into_iter()
        .filter(|finding| finding.rule.starts_with("table/"))
        .filter(|finding| !finding.message.contains("没有找到"))
        .map(|finding| (finding.rule, finding.text, finding.message))
        .collect()
}

fn expect(list: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    list.iter()
        .map(|(rule, text, message)| (rule.to_string(), text.to_string(), message.to_string()))
        .collect()
}

/// The wrong sums of the tables with their columns in order.
fn wrong_sums() -> Vec<(String, String, String)> {
    expect(&[
        (
            "table/row-total",
            "6",
            "“一、本年新收政府信息公开申请数量”一行: 总计(6) ≠ 各类申请人之和(4+1+0+0+0+0=5)",
        ),
        (
            "table/row-total",
            "6",
            "“(七)总计”一行: 总计(6) ≠ 各类申请人之和(4+1+0+0+0+0=5)",
        ),
        (
            "table/subtotal",
            "6",
            "(七)总计(6) ≠ (一)至(六)各项之和(5+0+0+0+0+0+0+0+0+0+0+0+0+0+0+0+0+0+0+0+0=5) — 列: 总计",
        ),
        (
            "table/review-total",
            "2",
            "行政复议: 总计(2) ≠ 结果维持、结果纠正、其他结果、尚未审结之和(1+0+0+0=1)",
        ),
    ])
}

/// What a table that cannot be read gives, at its anchor.
fn unreadable(table: &str, anchor: &str) -> (String, String, String) {
    (
        "table/unreadable".to_string(),
        anchor.to_string(),
        format!("{table}的列标题与统一格式的列顺序不符,未核对其勾稽关系"),
    )
}

fn unreadable_three() -> (String, String, String) {
    unreadable("收到和处理政府信息公开申请情况表", "本列数据的勾稽关系")
}

fn unreadable_four() -> (String, String, String) {
    unreadable("政府信息公开行政复议、行政诉讼情况表", "结果维持")
}

/// The findings when table 三 (`three`) or table 四 (`four`) cannot be read: one
/// `table/unreadable` instead of its wrong sums, at its place in the text.
fn with_unreadable(three: bool, four: bool) -> Vec<(String, String, String)> {
    let (sums_three, sums_four): (Vec<_>, Vec<_>) = wrong_sums()
        .into_iter()
        .partition(|(rule, _, _)| rule != "table/review-total");
    let mut findings = if three {
        vec![unreadable_three()]
    } else {
        sums_three
    };
    if four {
        findings.push(unreadable_four());
    } else {
        findings.extend(sums_four);
    }
    findings
}

// `|` rows, as a converter writes a Word table: merged cells once, in their first row.

fn pipe_text(headers: &Headers) -> String {
    let mut lines = vec![
        TITLE.to_string(),
        INTRO.to_string(),
        CAPTION_THREE.to_string(),
        format!("{COLUMN_NOTE} | 申请人情况"),
        headers.applicants.join(" | "),
        headers.organisations.join(" | "),
    ];
    for (row, label) in ROWS.iter().enumerate() {
        lines.push(format!("{label} | {}", values(row).join(" | ")));
    }
    lines.push(CAPTION_FOUR.to_string());
    lines.push("行政复议 | 行政诉讼".to_string());
    lines.push(format!(
        "{} | 未经复议直接起诉 | 复议后起诉",
        OUTCOMES.join(" | ")
    ));
    lines.push(headers.lawsuit_outcomes.join(" | "));
    lines.push(REVIEWS.join(" | "));
    lines.push("五、存在的主要问题及改进情况".to_string());
    lines.join("\n") + "\n"
}

fn pipe_findings(headers: &Headers) -> Vec<(String, String, String)> {
    table_findings(
        check_text(
            "report.txt",
            &pipe_text(headers),
            &rules(),
            Options::default(),
        )
        .findings,
    )
}

#[test]
fn pipe_rows_with_the_columns_in_order_are_summed() {
    assert_eq!(pipe_findings(&Headers::in_order()), wrong_sums());
}

#[test]
fn pipe_rows_with_two_header_cells_swapped_are_unreadable() {
    assert_eq!(
        pipe_findings(&Headers::three_swapped()),
        with_unreadable(true, false)
    );
    assert_eq!(
        pipe_findings(&Headers::three_group_swapped()),
        with_unreadable(true, false)
    );
    assert_eq!(
        pipe_findings(&Headers::four_swapped()),
        with_unreadable(false, true)
    );
}

// One cell per line, as a web page copied as text gives it: the header cells row after row, each
// cell followed by ` |` as some pages copy it.

fn cells_per_line(headers: &Headers) -> String {
    let mut lines: Vec<String> = [TITLE, INTRO, CAPTION_THREE, COLUMN_NOTE, "申请人情况"]
        .map(String::from)
        .to_vec();
    let mut cells: Vec<&str> = headers.applicants.clone();
    cells.extend(&headers.organisations);
    for (row, label) in ROWS.iter().enumerate() {
        cells.push(label);
        cells.extend(values(row));
    }
    lines.extend(cells.iter().map(|cell| format!("{cell} |")));
    lines.push(CAPTION_FOUR.to_string());
    lines.extend(["行政复议", "行政诉讼"].map(String::from));
    let mut cells: Vec<&str> = OUTCOMES.to_vec();
    cells.extend(["未经复议直接起诉", "复议后起诉"]);
    cells.extend(&headers.lawsuit_outcomes);
    cells.extend(REVIEWS);
    lines.extend(cells.iter().map(|cell| format!("{cell} |")));
    lines.push("五、存在的主要问题及改进情况".to_string());
    lines.join("\n") + "\n"
}

fn cells_per_line_findings(headers: &Headers) -> Vec<(String, String, String)> {
    let text = cells_per_line(headers);
    table_findings(check_text("report.txt", &text, &rules(), Options::default()).findings)
}

#[test]
fn cells_one_per_line_in_the_columns_order_are_summed() {
    assert_eq!(cells_per_line_findings(&Headers::in_order()), wrong_sums());
}

#[test]
fn cells_one_per_line_with_two_header_cells_swapped_are_unreadable() {
    assert_eq!(
        cells_per_line_findings(&Headers::three_swapped()),
        with_unreadable(true, false)
    );
    assert_eq!(
        cells_per_line_findings(&Headers::three_group_swapped()),
        with_unreadable(true, false)
    );
    assert_eq!(
        cells_per_line_findings(&Headers::four_swapped()),
        with_unreadable(false, true)
    );
}

// A Word document: merged cells as `gridSpan` and `vMerge`, some header words one character per
// paragraph as WPS stacks them in a narrow column.

/// A Word cell: `span` columns wide, `merge` `Some(true)` starting a vertical merge and
/// `Some(false)` continuing one; each of `paragraphs` a paragraph.
fn word_cell(paragraphs: &[&str], span: usize, merge: Option<bool>) -> String {
    let mut properties = String::new();
    if span > 1 {
        properties.push_str(&format!("<w:gridSpan w:val=\"{span}\"/>"));
    }
    match merge {
        Some(true) => properties.push_str("<w:vMerge w:val=\"restart\"/>"),
        Some(false) => properties.push_str("<w:vMerge/>"),
        None => {}
    }
    let body: String = paragraphs
        .iter()
        .map(|text| format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"))
        .collect();
    let body = if body.is_empty() {
        "<w:p/>".to_string()
    } else {
        body
    };
    format!("<w:tc><w:tcPr>{properties}</w:tcPr>{body}</w:tc>")
}

fn word_text(text: &str) -> String {
    word_cell(&[text], 1, None)
}

/// A name one character per paragraph (`商` / `业` / `企` / `业`).
fn stacked(name: &str) -> Vec<String> {
    name.chars().map(String::from).collect()
}

fn word_row(cells: &[String]) -> String {
    format!("<w:tr>{}</w:tr>", cells.concat())
}

fn word_paragraph(text: &str) -> String {
    format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
}

fn word_document(headers: &Headers) -> Vec<u8> {
    let mut body = [TITLE, INTRO, CAPTION_THREE].map(word_paragraph).concat();
    body.push_str("<w:tbl>");
    body.push_str(&word_row(&[
        word_cell(&[COLUMN_NOTE], 1, Some(true)),
        word_cell(&["申请人情况"], 7, None),
    ]));
    let mut upper = vec![word_cell(&[], 1, Some(false))];
    let mut lower = vec![word_cell(&[], 1, Some(false))];
    for name in &headers.applicants {
        if *name == ORGANISATION_GROUP {
            // A name broken over two paragraphs of its cell.
            upper.push(word_cell(&["法人或其", "他组织"], 5, None));
            for name in &headers.organisations {
                let characters = stacked(name);
                let paragraphs: Vec<&str> = characters.iter().map(String::as_str).collect();
                lower.push(word_cell(&paragraphs, 1, None));
            }
        } else {
            upper.push(word_cell(&[name], 1, Some(true)));
            lower.push(word_cell(&[], 1, Some(false)));
        }
    }
    body.push_str(&word_row(&upper));
    body.push_str(&word_row(&lower));
    for (row, label) in ROWS.iter().enumerate() {
        let mut cells = vec![word_text(label)];
        cells.extend(values(row).map(word_text));
        body.push_str(&word_row(&cells));
    }
    body.push_str("</w:tbl>");
    body.push_str(&word_paragraph(CAPTION_FOUR));
    body.push_str("<w:tbl>");
    body.push_str(&word_row(&[
        word_cell(&["行政复议"], 5, None),
        word_cell(&["行政诉讼"], 10, None),
    ]));
    let mut upper: Vec<String> = OUTCOMES
        .iter()
        .map(|name| word_cell(&[name], 1, Some(true)))
        .collect();
    upper.push(word_cell(&["未经复议", "直接起诉"], 5, None));
    upper.push(word_cell(&["复议后起诉"], 5, None));
    body.push_str(&word_row(&upper));
    let mut lower: Vec<String> = (0..5).map(|_| word_cell(&[], 1, Some(false))).collect();
    lower.extend(headers.lawsuit_outcomes.iter().map(|name| word_text(name)));
    body.push_str(&word_row(&lower));
    body.push_str(&word_row(&REVIEWS.map(word_text)));
    body.push_str("</w:tbl>");
    body.push_str(&word_paragraph("五、存在的主要问题及改进情况"));
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let mut bytes = Vec::new();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(&mut bytes));
    zip.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .expect("zip entry");
    zip.write_all(xml.as_bytes()).expect("zip write");
    zip.finish().expect("zip finish");
    bytes
}

fn word_findings(headers: &Headers) -> Vec<(String, String, String)> {
    let directory = tempfile::tempdir().expect("temporary directory");
    let path = directory.path().join("report.docx");
    std::fs::write(&path, word_document(headers)).expect("write the document");
    let source = read_file(&path, ReadOptions::default()).expect("the document reads");
    table_findings(check_source(&source, &rules(), Options::default()).findings)
}

#[test]
fn a_word_document_with_the_columns_in_order_is_summed() {
    assert_eq!(word_findings(&Headers::in_order()), wrong_sums());
}

#[test]
fn a_word_document_with_two_header_cells_swapped_is_unreadable() {
    assert_eq!(
        word_findings(&Headers::three_swapped()),
        with_unreadable(true, false)
    );
    assert_eq!(
        word_findings(&Headers::three_group_swapped()),
        with_unreadable(true, false)
    );
    assert_eq!(
        word_findings(&Headers::four_swapped()),
        with_unreadable(false, true)
    );
}

// A web page: merged cells as `colspan` and `rowspan`.

fn td(text: &str, attributes: &str) -> String {
    format!("<td{attributes}>{text}</td>")
}

/// Prose around the tables, so that the page's report is the element holding all of them.
const PROSE: &str = "本局坚持以公开为常态、不公开为例外，围绕统计调查、统计数据发布和统计执法等重点工作，及时通过门户网站公开政府信息，认真办理依申请公开事项，做好政策解读和回应关切，政府信息公开工作质量稳步提升。";

fn web_page(headers: &Headers) -> String {
    let mut rows = vec![
        [
            td(COLUMN_NOTE, " rowspan=3"),
            td("申请人情况", " colspan=7"),
        ]
        .concat(),
        headers
            .applicants
            .iter()
            .map(|name| match *name {
                ORGANISATION_GROUP => td("法人或<br>其他组织", " colspan=5"),
                _ => td(name, " rowspan=2"),
            })
            .collect(),
        headers
            .organisations
            .iter()
            .map(|name| td(name, ""))
            .collect(),
    ];
    for (row, label) in ROWS.iter().enumerate() {
        rows.push(td(label, "") + &values(row).map(|value| td(value, "")).concat());
    }
    let three: String = rows.iter().map(|row| format!("<tr>{row}</tr>\n")).collect();
    let four = [
        [td("行政复议", " colspan=5"), td("行政诉讼", " colspan=10")].concat(),
        OUTCOMES
            .iter()
            .map(|name| td(name, " rowspan=2"))
            .chain([
                td("未经复议直接起诉", " colspan=5"),
                td("复议后起诉", " colspan=5"),
            ])
            .collect(),
        headers
            .lawsuit_outcomes
            .iter()
            .map(|name| td(name, ""))
            .collect(),
        REVIEWS.map(|value| td(value, "")).concat(),
    ]
    .iter()
    .map(|row| format!("<tr>{row}</tr>\n"))
    .collect::<String>();
    format!(
        "<html><head><meta charset=\"utf-8\"></head><body><div class=WordSection1>\n<p>{TITLE}</p>\n<p>{INTRO}</p>\n<p>一、总体情况</p>\n<p>{PROSE}</p>\n<p>{CAPTION_THREE}</p>\n<table border=1>\n{three}</table>\n<p>{CAPTION_FOUR}</p>\n<table border=1>\n{four}</table>\n<p>五、存在的主要问题及改进情况</p>\n<p>{PROSE}</p>\n<p>六、其他需要报告的事项</p>\n<p>{PROSE}</p>\n</div></body></html>\n"
    )
}

fn web_findings(headers: &Headers) -> Vec<(String, String, String)> {
    let text = html::extract(&web_page(headers)).text;
    table_findings(check_text("report.txt", &text, &rules(), Options::default()).findings)
}

#[test]
fn a_web_page_with_the_columns_in_order_is_summed() {
    assert_eq!(web_findings(&Headers::in_order()), wrong_sums());
}

#[test]
fn a_web_page_with_two_header_cells_swapped_is_unreadable() {
    assert_eq!(
        web_findings(&Headers::three_swapped()),
        with_unreadable(true, false)
    );
    assert_eq!(
        web_findings(&Headers::three_group_swapped()),
        with_unreadable(true, false)
    );
    assert_eq!(
        web_findings(&Headers::four_swapped()),
        with_unreadable(false, true)
    );
}

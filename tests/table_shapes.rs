//! Table 三 in the shapes converters and web pages give it: a Word page whose merged label cells
//! stop short or are split, Markdown split into pieces that each repeat the header row, text read
//! off a printed page with merged labels at their middle row or the cells in column order, and
//! text with the cell boundaries lost. Each table is built here from the format's rows; the
//! findings must be those of the table itself, or one `table/unreadable` where it cannot be read.

use ogilint::engine::{check_source, check_text, Options};
use ogilint::input::html;
use ogilint::input::{read_file, ReadOptions};
use ogilint::rules::load::{load, RuleSources};

/// The rows of table 三 (2021 layout): the labels in its three label columns, as Word writes them.
const ROWS: [[&str; 3]; 28] = [
    ["一、本年新收政府信息公开申请数量", "", ""],
    ["二、上年结转政府信息公开申请数量", "", ""],
    ["三、本年度办理结果", "（一）予以公开", ""],
    [
        "",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "",
    ],
    ["", "（三）不予公开", "1.属于国家秘密"],
    ["", "", "2.其他法律行政法规禁止公开"],
    ["", "", "3.危及“三安全一稳定”"],
    ["", "", "4.保护第三方合法权益"],
    ["", "", "5.属于三类内部事务信息"],
    ["", "", "6.属于四类过程性信息"],
    ["", "", "7.属于行政执法案卷"],
    ["", "", "8.属于行政查询事项"],
    ["", "（四）无法提供", "1.本机关不掌握相关政府信息"],
    ["", "", "2.没有现成信息需要另行制作"],
    ["", "", "3.补正后申请内容仍不明确"],
    ["", "（五）不予处理", "1.信访举报投诉类申请"],
    ["", "", "2.重复申请"],
    ["", "", "3.要求提供公开出版物"],
    ["", "", "4.无正当理由大量反复申请"],
    ["", "", "5.要求行政机关确认或重新出具已获取信息"],
    [
        "",
        "（六）其他处理",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    ],
    [
        "",
        "",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ],
    ["", "", "3.其他"],
    ["", "（七）总计", ""],
    ["四、结转下年度继续办理", "", ""],
    // Not rows: where the groups of rows end, for the shapes that need it.
    ["", "", ""],
    ["", "", ""],
    ["", "", ""],
];

/// How many rows of [`ROWS`] are rows.
const ROW_COUNT: usize = 25;

/// Requests by natural persons, per row: 25 new and 2 carried in; outcomes 15 + 3 + 1 + 2 + 6 =
/// 27 against a (七) total of `total`; carried forward what keeps 25 + 2 = `total` + carried.
fn natural_persons(row: usize, total: i64) -> i64 {
    match row {
        0 => 25,
        1 => 2,
        2 => 15,
        3 => 3,
        4 => 1,
        12 => 2,
        16 => 6,
        23 => total,
        24 => 27 - total,
        _ => 0,
    }
}

/// The values of a row: natural persons, four kinds of organisation and 其他 at 0, the total.
fn values(row: usize, total: i64) -> [i64; 7] {
    let n = natural_persons(row, total);
    [n, 0, 0, 0, 0, 0, n]
}

/// Table 三 as pages copy it, one cell a line with a bar after each (`规章 |`): the caption, the
/// header cells, then each row's labels and values (`total` requests; `cell` writes a row's value
/// as its line), `row_end` after each row.
fn one_cell_per_line(
    total: i64,
    cell: impl Fn(usize, i64) -> String,
    row_end: Option<&str>,
) -> String {
    let mut lines = vec![
        TITLE.to_string(),
        INTRO.to_string(),
        CAPTION.to_string(),
        format!("{COLUMN_NOTE} |"),
        "申请人情况 |".to_string(),
    ];
    for header in [
        "自然人",
        "法人或其他组织",
        "总计",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ] {
        lines.push(format!("{header} |"));
    }
    for (index, labels) in ROWS.iter().enumerate().take(ROW_COUNT) {
        for label in labels.iter().filter(|label| !label.is_empty()) {
            lines.push(format!("{label} |"));
        }
        for value in values(index, total) {
            lines.push(cell(index, value));
        }
        lines.extend(row_end.map(str::to_string));
    }
    lines.join("\n") + "\n"
}

const TITLE: &str = "某区教育局2023年政府信息公开工作年度报告";
const INTRO: &str = "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。";
const CAPTION: &str = "三、收到和处理政府信息公开申请情况";
const COLUMN_NOTE: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

/// `(rule, text, message)` of the table findings of a text, but for tables not found (the texts
/// here hold table 三 alone).
fn table_findings(text: &str) -> Vec<(String, String, String)> {
    all_table_findings(text)
        .into_iter()
        .filter(|(_, _, message)| !message.contains("没有找到"))
        .collect()
}

/// `(rule, text, message)` of every table finding of a text.
fn all_table_findings(text: &str) -> Vec<(String, String, String)> {
    let rules = load(&RuleSources {
        builtin: true,
        paths: Vec::new(),
    })
    .expect("built-in rules load");
    check_text("table.txt", text, &rules, Options::default())
        .findings
        .into_iter()
        .filter(|f| f.rule.starts_with("table/"))
        .map(|f| (f.rule, f.text, f.message))
        .collect()
}

fn expect(list: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    list.iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect()
}

/// What a table whose outcomes add up to 27 against a (七) total of 21 must give.
fn broken_subtotal() -> Vec<(String, String, String)> {
    let message = |column: &str| {
        format!("(七)总计(21) ≠ (一)至(六)各项之和(15+3+1+0+0+0+0+0+0+0+2+0+0+0+6+0+0+0+0+0+0=27) — 列: {column}")
    };
    vec![
        ("table/subtotal".into(), "21".into(), message("自然人")),
        ("table/subtotal".into(), "21".into(), message("总计")),
    ]
}

// Word's web page: merged label cells as `rowspan`s.

/// How the merged `三、本年度办理结果` cell is cut in a Word page.
#[derive(Clone, Copy)]
enum MergedCell {
    /// One cell over all the outcome rows.
    Whole,
    /// Two cells: the label over the first ten rows, an empty one over the rest.
    Split,
    /// One cell whose label is broken over two paragraphs.
    Broken,
}

fn word_page(merged: MergedCell, total: i64) -> String {
    let mut rows = String::new();
    let td = |text: &str, attributes: &str| format!("<td{attributes}><p>{text}</p></td>");
    rows.push_str(&format!(
        "<tr>{}{}</tr>\n<tr>{}{}{}</tr>\n<tr>{}{}{}{}{}</tr>\n",
        td(COLUMN_NOTE, " rowspan=3 colspan=3"),
        td("申请人情况", " colspan=7"),
        td("自然人", " rowspan=2"),
        td("法人或其他组织", " colspan=5"),
        td("总计", " rowspan=2"),
        td("商业企业", ""),
        td("科研机构", ""),
        td("社会公益组织", ""),
        td("法律服务机构", ""),
        td("其他", ""),
    ));
    // Rows 2..=23 are the outcomes, under the merged cell; groups of sub-rows merge their label.
    let group_span = |row: usize| match row {
        4 => 8,
        12 => 3,
        15 => 5,
        20 => 3,
        _ => 1,
    };
    for (row, labels) in ROWS.iter().enumerate().take(ROW_COUNT) {
        let mut cells = String::new();
        match row {
            2 => {
                let (label, span) = match merged {
                    MergedCell::Whole => ("三、本年度办理结果".to_string(), 22),
                    MergedCell::Split => ("三、本年度办理结果".to_string(), 10),
                    MergedCell::Broken => ("三、本年度</p><p>办理结果".to_string(), 22),
                };
                cells.push_str(&td(&label, &format!(" rowspan={span}")));
            }
            12 if matches!(merged, MergedCell::Split) => cells.push_str(&td("", " rowspan=12")),
            0 | 1 | 24 => cells.push_str(&td(labels[0], " colspan=3")),
            _ => {}
        }
        if !labels[1].is_empty() {
            if labels[2].is_empty() {
                cells.push_str(&td(labels[1], " colspan=2"));
            } else {
                cells.push_str(&td(labels[1], &format!(" rowspan={}", group_span(row))));
            }
        }
        if !labels[2].is_empty() {
            cells.push_str(&td(labels[2], ""));
        }
        for value in values(row, total) {
            cells.push_str(&td(&value.to_string(), ""));
        }
        rows.push_str(&format!("<tr>{cells}</tr>\n"));
    }
    format!(
        "<html><head><meta charset=\"utf-8\"></head><body><div class=WordSection1>\n<p>{TITLE}</p>\n<p>{INTRO}</p>\n<p>{CAPTION}</p>\n<table border=1>\n{rows}</table>\n</div></body></html>\n"
    )
}

fn word_page_findings(merged: MergedCell, total: i64) -> Vec<(String, String, String)> {
    table_findings(&html::extract(&word_page(merged, total)).text)
}

#[test]
fn a_word_page_whose_merged_label_cell_is_whole() {
    assert_eq!(word_page_findings(MergedCell::Whole, 27), expect(&[]));
    assert_eq!(word_page_findings(MergedCell::Whole, 21), broken_subtotal());
}

#[test]
fn a_word_page_whose_merged_label_cell_is_split_in_two() {
    assert_eq!(word_page_findings(MergedCell::Split, 27), expect(&[]));
    assert_eq!(word_page_findings(MergedCell::Split, 21), broken_subtotal());
}

#[test]
fn a_word_page_whose_merged_label_is_broken_over_two_lines() {
    assert_eq!(word_page_findings(MergedCell::Broken, 27), expect(&[]));
    assert_eq!(
        word_page_findings(MergedCell::Broken, 21),
        broken_subtotal()
    );
}

// Markdown from a converter.

/// A Markdown table with `label_columns` label columns, cut into pieces before rows 8 and 17,
/// each piece starting with the header row of the organisations' names, as converters repeat it.
fn split_markdown(label_columns: usize, total: i64) -> String {
    let row = |cells: Vec<String>| format!("| {} |", cells.join(" | "));
    let empty = |count: usize| vec![String::new(); count];
    let names = || {
        let mut cells = empty(label_columns + 1);
        cells.extend(
            [
                "商业企业",
                "科研机构",
                "社会公益组织",
                "法律服务机构",
                "其他",
            ]
            .map(String::from),
        );
        cells.push(String::new());
        row(cells)
    };
    let rule = row(vec!["---".to_string(); label_columns + 7]);
    let mut lines = vec![
        TITLE.to_string(),
        INTRO.to_string(),
        CAPTION.to_string(),
        String::new(),
    ];
    let mut header = vec![COLUMN_NOTE.to_string()];
    header.extend(empty(label_columns - 1));
    header.push("申请人情况".to_string());
    header.extend(empty(6));
    lines.push(row(header));
    lines.push(rule.clone());
    let mut second = empty(label_columns);
    second.extend(["自然人", "法人或其他组织", "", "", "", "", "总计"].map(String::from));
    lines.push(row(second));
    lines.push(names());
    for (index, labels) in ROWS.iter().enumerate().take(ROW_COUNT) {
        if index == 8 || index == 17 {
            lines.extend([String::new(), names(), rule.clone()]);
        }
        let mut cells: Vec<String> = if label_columns == 3 {
            labels.iter().map(|label| label.to_string()).collect()
        } else {
            // One label column: each row's own label, the groups' labels on rows of their own.
            if !labels[1].is_empty() && !labels[2].is_empty() {
                let mut group = vec![labels[1].to_string()];
                group.extend(empty(7));
                lines.push(row(group));
            }
            vec![labels
                .iter()
                .rev()
                .find(|label| !label.is_empty())
                .map_or(String::new(), |label| label.to_string())]
        };
        cells.extend(values(index, total).iter().map(i64::to_string));
        lines.push(row(cells));
    }
    lines.join("\n") + "\n"
}

#[test]
fn header_rows_repeated_in_a_split_table_are_headers() {
    for label_columns in [1, 3] {
        assert_eq!(
            table_findings(&split_markdown(label_columns, 27)),
            expect(&[]),
            "{label_columns} label columns"
        );
        assert_eq!(
            table_findings(&split_markdown(label_columns, 21)),
            broken_subtotal(),
            "{label_columns} label columns"
        );
    }
}

// Text copied out of a printed page: one cell per line.

/// One cell per line in reading order, except that a merged label (a group's, and
/// `三、本年度办理结果`) comes where a reader by position finds it: at its middle row, after the
/// values of the rows above that.
fn cells_by_position(total: i64) -> String {
    let mut lines = vec![
        TITLE.to_string(),
        INTRO.to_string(),
        CAPTION.to_string(),
        COLUMN_NOTE.to_string(),
        "申请人情况".to_string(),
    ];
    lines.extend(
        [
            "自然人",
            "法人或其他组织",
            "总计",
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
        ]
        .map(String::from),
    );
    // Where each merged label is printed: (label, the row before whose labels it comes).
    let middles = [
        ("三、本年度办理结果", 13),
        ("（三）不予公开", 8),
        ("（四）无法提供", 13),
        ("（五）不予处理", 17),
        ("（六）其他处理", 21),
    ];
    for (index, labels) in ROWS.iter().enumerate().take(ROW_COUNT) {
        for (label, before) in middles {
            if before == index {
                lines.push(label.to_string());
            }
        }
        for label in labels {
            if !label.is_empty() && !middles.iter().any(|(merged, _)| merged == label) {
                lines.push(label.to_string());
            }
        }
        lines.extend(values(index, total).iter().map(i64::to_string));
    }
    lines.join("\n") + "\n"
}

#[test]
fn merged_labels_printed_at_their_middle_row() {
    assert_eq!(table_findings(&cells_by_position(27)), expect(&[]));
    assert_eq!(table_findings(&cells_by_position(21)), broken_subtotal());
}

/// Why a table was not checked, as the `table/unreadable` message says it.
const WHY_CELLS: &str = "的单元格无法排成完整的行";
const WHY_ROWS: &str = "的行与统一格式的行无法按顺序逐一对应";
const WHY_COLUMNS: &str = "的列标题与统一格式的列顺序不符";

/// Table 三's `table/unreadable` for `reason`, on its anchor cell.
fn unreadable(anchor: &str, reason: &str) -> Vec<(String, String, String)> {
    expect(&[(
        "table/unreadable",
        anchor,
        &format!("收到和处理政府信息公开申请情况表{reason},未核对其勾稽关系"),
    )])
}

#[test]
fn cells_in_column_order_are_unreadable_not_wrong() {
    // The label column top to bottom, then each value column top to bottom.
    let mut lines = vec![
        TITLE.to_string(),
        INTRO.to_string(),
        CAPTION.to_string(),
        "申请人情况".to_string(),
    ];
    for labels in ROWS.iter().take(ROW_COUNT) {
        lines.extend(
            labels
                .iter()
                .filter(|label| !label.is_empty())
                .map(|label| label.to_string()),
        );
    }
    for column in 0..7 {
        for row in 0..ROW_COUNT {
            lines.push(values(row, 21)[column].to_string());
        }
    }
    assert_eq!(
        table_findings(&(lines.join("\n") + "\n")),
        unreadable("申请人情况", WHY_ROWS)
    );
}

#[test]
fn a_row_the_format_does_not_have_makes_the_table_unreadable() {
    let text = split_markdown(3, 21).replace("8.属于行政查询事项", "8.其他情形");
    assert_eq!(
        table_findings(&text),
        unreadable("本列数据的勾稽关系", WHY_ROWS)
    );
}

// Labels and digits run together.

/// Table 三 with each row's label and values run together, `separator` between rows.
fn run_together(separator: &str) -> String {
    let mut rows = vec![
        COLUMN_NOTE.to_string(),
        "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
            .to_string(),
    ];
    for (index, labels) in ROWS.iter().enumerate().take(ROW_COUNT) {
        let values: String = values(index, 21).iter().map(i64::to_string).collect();
        rows.push(format!("{}{values}", labels.concat()));
    }
    rows.join(separator)
}

#[test]
fn labels_and_digits_run_together_are_unreadable() {
    // A line per row…
    let text = format!("{TITLE}\n{INTRO}\n{CAPTION}\n{}\n", run_together("\n"));
    assert_eq!(
        table_findings(&text),
        unreadable("本列数据的勾稽关系", WHY_CELLS)
    );
    // …or no line breaks at all (a page copied whole): table 二 blocks run together too.
    let text = format!(
        "{TITLE}{INTRO}二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件120118第二十条第（五）项信息内容本年处理决定数量行政许可356第二十条第（六）项信息内容本年处理决定数量行政处罚87行政强制2第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费0{CAPTION}{}四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计100010000000000\n",
        run_together("")
    );
    let findings = all_table_findings(&text);
    assert!(
        findings
            .iter()
            .all(|(rule, _, _)| rule == "table/unreadable"),
        "{findings:?}"
    );
    assert!(findings.len() <= 2, "{findings:?}");
}

#[test]
fn labels_a_converter_garbled_still_name_their_rows() {
    // Broken annotations inside the words: each row is still named by its marker and most of
    // its characters, so the table is checked (and its missing rows are not reported).
    let text = split_markdown(3, 21)
        .replace("1.属于国家秘密", "1.属于国(gu ó)家秘密")
        .replace("四、结转下年度继续办理", "四、结(jié 3)转下年度继续办理");
    assert_eq!(table_findings(&text), broken_subtotal());
}

#[test]
fn table_two_on_one_line_is_not_reported_missing() {
    // A report with line breaks whose table 二 lost its own: its blocks are there, unreadable,
    // not missing (and table 二 has no unreadable finding of its own).
    let text = format!(
        "{TITLE}\n{INTRO}\n二、主动公开政府信息情况\n第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件120118第二十条第（五）项信息内容本年处理决定数量行政许可356第二十条第（六）项信息内容本年处理决定数量行政处罚87行政强制2第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费0\n{CAPTION}\n{}\n",
        split_markdown(3, 27)
    );
    assert_eq!(
        all_table_findings(&text)
            .iter()
            .filter(|(_, _, message)| message.contains("第二十条"))
            .count(),
        0,
        "{:?}",
        all_table_findings(&text)
    );
}

#[test]
fn one_cell_per_line_with_a_bar_after_each_cell() {
    // `规章 |` ⏎ `0 |`, with bare `|||` lines between some cells, as pages copy table cells.
    let text = one_cell_per_line(21, |_, value| format!("{value} |"), Some("|||"));
    assert_eq!(table_findings(&text), broken_subtotal());
}

#[test]
fn table_four_as_header_words_and_a_line_of_numbers() {
    // A printed page's table 四: the header words run together, the 15 numbers on one line with
    // single spaces between them.
    let text = format!(
        "{TITLE}\n{INTRO}\n四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉\n结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计\n1 0 0 0 2 0 0 0 0 0 0 0 0 0 0\n五、存在的主要问题及改进情况\n"
    );
    assert_eq!(
        table_findings(&text),
        expect(&[(
            "table/review-total",
            "2",
            "行政复议: 总计(2) ≠ 结果维持、结果纠正、其他结果、尚未审结之和(1+0+0+0=1)"
        )])
    );
}

#[test]
fn a_row_with_a_value_missing_makes_the_table_unreadable() {
    // `4.保护第三方合法权益` with six values of seven: which column lost its cell is not known.
    let text = split_markdown(3, 21).replace(
        "| 4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        "| 4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 |",
    );
    assert_eq!(
        table_findings(&text),
        unreadable("本列数据的勾稽关系", WHY_CELLS)
    );
}

// Text out of a printed page: columns aligned by runs of spaces.

/// Table 三 as a PDF's text layer gives it with columns aligned by spaces: the column note and
/// `申请人情况` on one line, a group's labels on the line of its first row, other rows indented
/// under them, and every line wider than a cell. With `narrow`, every third row leaves only two
/// spaces between its label and its first value (a gap that reads as stray spaces).
fn aligned_by_spaces(total: i64, narrow: bool) -> String {
    let mut lines = vec![
        TITLE.to_string(),
        INTRO.to_string(),
        CAPTION.to_string(),
        format!("{COLUMN_NOTE}{}申请人情况", " ".repeat(40)),
        format!(
            "{}自然人      法人或其他组织{}总计",
            " ".repeat(70),
            " ".repeat(40)
        ),
        format!(
            "{}商业企业    科研机构    社会公益组织    法律服务机构    其他",
            " ".repeat(84)
        ),
    ];
    for (index, labels) in ROWS.iter().enumerate().take(ROW_COUNT) {
        let mut line = String::new();
        for label in labels {
            if label.is_empty() {
                line.push_str(&" ".repeat(if line.trim().is_empty() { 26 } else { 0 }));
            } else {
                if !line.trim().is_empty() {
                    line.push_str("    ");
                }
                line.push_str(label);
            }
        }
        let gap = if narrow && index % 3 == 1 {
            2
        } else {
            70usize.saturating_sub(line.chars().count()).max(3)
        };
        line.push_str(&" ".repeat(gap));
        let values = values(index, total).map(|value| format!("{value:<8}"));
        line.push_str(values.join("    ").trim_end());
        lines.push(line);
    }
    lines.join("\n") + "\n"
}

#[test]
fn columns_aligned_by_spaces_in_lines_wider_than_a_cell() {
    assert_eq!(table_findings(&aligned_by_spaces(27, false)), expect(&[]));
    assert_eq!(
        table_findings(&aligned_by_spaces(21, false)),
        broken_subtotal()
    );
}

#[test]
fn a_first_value_two_spaces_after_its_label_is_a_value() {
    assert_eq!(table_findings(&aligned_by_spaces(27, true)), expect(&[]));
    assert_eq!(
        table_findings(&aligned_by_spaces(21, true)),
        broken_subtotal()
    );
}

#[test]
fn an_amount_with_decimals_run_onto_its_label_is_a_flattened_block_not_a_missing_one() {
    // Fees in 万元 have decimals (`行政事业性收费12.5`): the block is there, unreadable, whether
    // the report lost its line breaks everywhere or only in table 二.
    for amount in ["12.5", "78.83"] {
        let blocks = format!("第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件120118第二十条第（五）项信息内容本年处理决定数量行政许可356第二十条第（六）项信息内容本年处理决定数量行政处罚87行政强制2第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费{amount}");
        let flat = format!(
            "{TITLE}{INTRO}二、主动公开政府信息情况{blocks}{CAPTION}{}四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计100010000000000\n",
            run_together("")
        );
        let with_breaks = format!(
            "{TITLE}\n{INTRO}\n二、主动公开政府信息情况\n{blocks}\n{CAPTION}\n{}\n",
            split_markdown(3, 27)
        );
        // The report without line breaks: its tables are unreadable, none missing.
        let findings = all_table_findings(&flat);
        assert!(
            findings
                .iter()
                .all(|(rule, _, _)| rule == "table/unreadable"),
            "{amount}: {findings:?}"
        );
        // Table 二 alone on one line (this text has no table 四): no finding names its blocks.
        let findings = all_table_findings(&with_breaks);
        assert!(
            findings
                .iter()
                .all(|(_, _, message)| !message.contains("第二十条")),
            "{amount}: {findings:?}"
        );
    }
}

#[test]
fn a_sub_heading_in_a_sections_words_ends_the_table_above_it() {
    // A five-section template writes section 四 as `(四)` under 三, right after table 三, with
    // table 四 under it: table 三 ends there, and both tables are read and checked.
    let text = |total: i64| {
        let mut lines = vec![
            TITLE.to_string(),
            INTRO.to_string(),
            CAPTION.to_string(),
            format!("{COLUMN_NOTE} | 申请人情况"),
            "自然人 | 法人或其他组织 | 总计".to_string(),
            "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他".to_string(),
        ];
        for (index, labels) in ROWS.iter().enumerate().take(ROW_COUNT) {
            let mut cells: Vec<String> = labels
                .iter()
                .filter(|label| !label.is_empty())
                .map(|label| label.to_string())
                .collect();
            cells.extend(values(index, total).iter().map(i64::to_string));
            lines.push(cells.join(" | "));
        }
        lines.extend(
            [
                "（四）政府信息公开行政复议、行政诉讼情况",
                "行政复议 | 行政诉讼",
                "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉",
                "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计",
                "1 | 0 | 0 | 1 | 3 | 1 | 0 | 0 | 1 | 2 | 1 | 0 | 0 | 0 | 1",
            ]
            .map(String::from),
        );
        lines.join("\n") + "\n"
    };
    let review_total = (
        "table/review-total".to_string(),
        "3".to_string(),
        "行政复议: 总计(3) ≠ 结果维持、结果纠正、其他结果、尚未审结之和(1+0+0+1=2)".to_string(),
    );
    assert_eq!(table_findings(&text(27)), vec![review_total.clone()]);
    let mut broken = broken_subtotal();
    broken.push(review_total);
    assert_eq!(table_findings(&text(21)), broken);
}

#[test]
fn table_two_in_the_trial_layout_is_one_finding() {
    // The 2019 trial layout shows several of its markers (its column names, block (九)) and lacks
    // the 2021 layout's blocks and rows: one table, one problem, at the first marker.
    let text = format!(
        "{TITLE}\n{INTRO}\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量\n规章 | 0 | 0 | 0\n第二十条第（九）项\n信息内容 | 采购项目数量 | 采购总金额\n政府集中采购 | 0 | 0\n{}",
        split_markdown(3, 27)
    );
    let outdated: Vec<_> = all_table_findings(&text)
        .into_iter()
        .filter(|(_, _, message)| message.contains("主动公开"))
        .collect();
    assert_eq!(
        outdated,
        expect(&[(
            "table/layout",
            "本年新制作数量",
            "主动公开政府信息情况表仍使用2019年试行格式:“本年新制作数量”"
        )])
    );
}

#[test]
fn table_four_with_all_its_header_words_on_one_line() {
    // The nineteen header words on one line (wider than any cell), the 15 numbers on the next.
    let text = format!(
        "{TITLE}\n{INTRO}\n四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼 结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉 结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计\n1 0 0 0 2 0 0 0 0 0 0 0 0 0 0\n五、存在的主要问题及改进情况\n"
    );
    assert_eq!(
        table_findings(&text),
        expect(&[(
            "table/review-total",
            "2",
            "行政复议: 总计(2) ≠ 结果维持、结果纠正、其他结果、尚未审结之和(1+0+0+0=1)"
        )])
    );
}

/// Table 三 as `|` rows under a header row naming its value columns in `names`' order, each row's
/// values written in that order: new requests 4 from natural persons and 1 from a business.
fn columns_in_order(names: [&str; 7]) -> String {
    let by_name = |name: &str| match name {
        "自然人" => "4",
        "商业企业" => "1",
        "总计" => "5",
        _ => "0",
    };
    let row = |label: &str| {
        let values: Vec<&str> = names.iter().map(|name| by_name(name)).collect();
        format!("{label} | {}", values.join(" | "))
    };
    [
        TITLE.to_string(),
        INTRO.to_string(),
        CAPTION.to_string(),
        format!("{COLUMN_NOTE} | 申请人情况"),
        format!(" | {}", names.join(" | ")),
        row("一、本年新收政府信息公开申请数量"),
        row("二、上年结转政府信息公开申请数量"),
    ]
    .join("\n")
        + "\n"
}

#[test]
fn a_header_naming_the_columns_in_another_order_makes_the_table_unreadable() {
    let format_order = [
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    ];
    // The table holds two rows only: the rows it lacks are not what is tested here.
    let findings = |text: &str| {
        table_findings(text)
            .into_iter()
            .filter(|(rule, _, _)| rule != "table/layout")
            .collect::<Vec<_>>()
    };
    assert_eq!(findings(&columns_in_order(format_order)), expect(&[]));
    // 总计 and 自然人 swapped: read by position, each row's total would be wrong.
    let mut swapped = format_order;
    swapped.swap(0, 6);
    assert_eq!(
        findings(&columns_in_order(swapped)),
        unreadable("本列数据的勾稽关系", WHY_COLUMNS)
    );
    // The header's two rows read as one (as text aligned by spaces gives them): `总计` stands
    // before `商业企业`, but beside the group's name, so the order tells nothing.
    let flattened = columns_in_order(format_order).replace(
        " | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计",
        " | 自然人 | 法人或其他组织 | 总计 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他",
    );
    assert_ne!(flattened, columns_in_order(format_order));
    assert_eq!(findings(&flattened), expect(&[]));
}

// Shapes from the 2019–2025 audit of real reports (docs/corpus.md, "Table shapes from the
// 2019–2025 audit").

/// The table findings of a text that holds table 二 alone: all but tables 三 and 四 not found.
fn table_two_findings(text: &str) -> Vec<(String, String, String)> {
    all_table_findings(text)
        .into_iter()
        .filter(|(_, _, message)| {
            !(message.starts_with("收到和处理") || message.starts_with("政府信息公开行政复议"))
        })
        .collect()
}

/// Table 二's blocks in the 2021 layout, as `|` rows: block (六) has one value column.
const TABLE_TWO_2021: &str = "二、主动公开政府信息情况\n第二十条第（一）项 |\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | 0 | 0 | 0 |\n行政规范性文件 | 4 | 1 | 37 |\n第二十条第（五）项 |\n信息内容 | 本年处理决定数量 |\n行政许可 | 112 |\n第二十条第（六）项 |\n信息内容 | 本年处理决定数量 |\n行政处罚 | 9 |\n行政强制 | 2 |\n第二十条第（八）项 |\n信息内容 | 本年收费金额（单位：万元） |\n行政事业性收费 | 0 |\n";

/// Table 二's blocks in the 2019 trial layout, as `|` rows: block (六) has three value columns.
const TABLE_TWO_TRIAL: &str = "二、主动公开政府信息情况\n第二十条第（一）项 |\n信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n规章 | 0 | 0 | 0 |\n规范性文件 | 4 | 4 | 37 |\n第二十条第（五）项 |\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n行政许可 | 30 | -2 | 112 |\n第二十条第（六）项 |\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n行政处罚 | 5 | 0 | 9 |\n行政强制 | 1 | 0 | 2 |\n第二十条第（八）项 |\n信息内容 | 上一年项目数量 | 本年增/减 |\n行政事业性收费 | 0 | 0 |\n";

#[test]
fn a_report_of_unknown_year_is_judged_by_the_layout_its_table_two_has() {
    // No year in the title, no statistics period, no year in the text: both layouts of table 二
    // may apply. Each is judged by the one it matches; the other says nothing (before, the trial
    // layout read the 2021 layout's one-value rows of block (六) as headers and reported
    // 行政处罚 and 行政强制 missing).
    let title = "某县水利局政府信息公开工作年度报告";
    for table in [TABLE_TWO_2021, TABLE_TWO_TRIAL] {
        let text = format!("{title}\n一、总体情况\n本局认真落实政府信息公开工作要求。\n{table}三、收到和处理政府信息公开申请情况\n");
        assert_eq!(table_two_findings(&text), expect(&[]), "{table}");
    }
    // A block in neither layout's rows is still reported once, by the layout it matches.
    let text = format!(
        "{title}\n一、总体情况\n本局认真落实政府信息公开工作要求。\n{}三、收到和处理政府信息公开申请情况\n",
        TABLE_TWO_2021.replace("行政强制 | 2 |\n", "")
    );
    assert_eq!(
        table_two_findings(&text),
        expect(&[(
            "table/layout",
            "第二十条第（六）项",
            "主动公开政府信息情况表 第二十条第(六)项缺少一行:“行政强制”"
        )])
    );
}

#[test]
fn a_row_of_empty_cells_one_per_line_is_a_row_not_a_missing_one() {
    // `规章 |` then a bare `|` for each of its empty cells (a page copied as text).
    let text = "某镇人民政府2019年政府信息公开工作年度报告\n本报告中所列数据的统计期限自2019年1月1日起至2019年12月31日止。\n二、主动公开政府信息情况\n第二十条第（一）项 | |||\n信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n规章 |\n|\n|\n|\n规范性文件 | 3 | 3 | 41 |\n第二十条第（六）项 | |||\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n行政处罚 | 4 | 1 | 6 |\n行政强制 |\n|\n|\n|\n三、收到和处理政府信息公开申请情况\n";
    assert_eq!(table_two_findings(text), expect(&[]));
    // In table 三, the same row's blanks are what table/blank-cells says, and nothing is missing.
    // `2.其他法律行政法规禁止公开`, all of whose values are 0, left blank.
    let text = one_cell_per_line(
        27,
        |row, value| {
            if row == 5 {
                "|".to_string()
            } else {
                format!("{value} |")
            }
        },
        None,
    );
    assert_eq!(
        table_findings(&text),
        expect(&[(
            "table/blank-cells",
            "本列数据的勾稽关系",
            "收到和处理政府信息公开申请情况表有7个空白单元格,按0计算"
        )])
    );
}

#[test]
fn a_table_printed_without_values_is_one_finding_not_a_missing_row_each() {
    // Every label of table 三 its own paragraph, a blank line between, and no number at all.
    let mut lines = vec![
        TITLE.to_string(),
        INTRO.to_string(),
        CAPTION.to_string(),
        COLUMN_NOTE.to_string(),
        "申请人情况".to_string(),
        "自然人".to_string(),
        "法人或其他组织".to_string(),
        "总计".to_string(),
        "商业企业".to_string(),
    ];
    for labels in ROWS.iter().take(ROW_COUNT) {
        lines.extend(
            labels
                .iter()
                .filter(|label| !label.is_empty())
                .map(|label| label.to_string()),
        );
    }
    lines.push("四、政府信息公开行政复议、行政诉讼情况".to_string());
    assert_eq!(
        table_findings(&(lines.join("\n\n") + "\n")),
        expect(&[(
            "table/layout",
            "本列数据的勾稽关系",
            "收到和处理政府信息公开申请情况表只有行列标题,没有填写任何数值"
        )])
    );
}

#[test]
fn header_words_broken_over_two_cells_one_per_line_are_joined() {
    // Cells one per line with a bare `|` after each, header words broken over two lines of
    // their cell (`商业` ⏎ `企业`): the columns are in the format's order, so the arithmetic is
    // checked.
    let table = |total: i64| {
        let mut lines = vec![
            TITLE.to_string(),
            INTRO.to_string(),
            CAPTION.to_string(),
            COLUMN_NOTE.to_string(),
            "|".to_string(),
        ];
        for header in [
            "申请人情况",
            "自然人",
            "法人或其他组织",
            "总计",
            "商业\n企业",
            "科研\n机构",
            "社会公益\n组织",
            "法律服务机构",
            "其他",
        ] {
            lines.push(header.to_string());
            lines.push("|".to_string());
        }
        for (index, labels) in ROWS.iter().enumerate().take(ROW_COUNT) {
            for label in labels.iter().filter(|label| !label.is_empty()) {
                lines.push(label.to_string());
                lines.push("|".to_string());
            }
            for value in values(index, total) {
                lines.push(value.to_string());
                lines.push("|".to_string());
            }
        }
        lines.join("\n") + "\n"
    };
    assert_eq!(table_findings(&table(27)), expect(&[]));
    assert_eq!(table_findings(&table(21)), broken_subtotal());
}

#[test]
fn rows_with_values_after_single_spaces_are_rows() {
    // Text copied out of a PDF without its layout: `规章 0 0 0`, the space after the label lost
    // to normalisation. The rows are read (a negative count is found in its cell), none is
    // reported missing, and the prose around the table gives no row.
    let text = "某乡人民政府2020年政府信息公开工作年度报告\n本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 本年新制作数量 本年新公开数量 对外公开总数量\n规章 0 0 0\n规范性文件 2 -1 15\n第二十条第（五）项\n信息内容 上一年项目数量 本年增/减 处理决定数量\n行政许可 18 -2 40\n其他对外管理服务事项 6 0 11\n第二十条第（六）项\n信息内容 上一年项目数量 本年增/减 处理决定数量\n行政处罚 3 1 5\n行政强制 0 0 0\n三、收到和处理政府信息公开申请情况\n";
    assert_eq!(
        table_two_findings(text),
        expect(&[(
            "table/bad-number",
            "-1",
            "“-1”不是有效的件数(列: 本年新公开数量)"
        )])
    );
    // Rows of one value (the 2021 layout's blocks (五), (六) and (八)): `行政许可5` cannot be told
    // from a name with a number, so the block is unreadable, and not reported missing.
    let one_value = "某乡人民政府2022年政府信息公开工作年度报告\n本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 0 0 0\n行政规范性文件 2 1 15\n第二十条第（五）项\n信息内容 本年处理决定数量\n行政许可 5\n第二十条第（六）项\n信息内容 本年处理决定数量\n行政处罚 3\n行政强制 0\n第二十条第（八）项\n信息内容 本年收费金额（单位：万元）\n行政事业性收费 0\n三、收到和处理政府信息公开申请情况\n";
    assert_eq!(table_two_findings(one_value), expect(&[]));
    // A value short: not a row, and the table's rows are reported as before.
    let short = text.replace("行政强制 0 0 0", "行政强制 0 0");
    assert_eq!(
        table_two_findings(&short)
            .into_iter()
            .filter(|(_, _, message)| message.contains("缺少一行"))
            .collect::<Vec<_>>(),
        expect(&[(
            "table/layout",
            "第二十条第（六）项",
            "主动公开政府信息情况表 第二十条第(六)项(试行格式)缺少一行:“行政强制”"
        )])
    );
}

/// A report whose tables 三 and 四 were copied out of a PDF: single spaces between cells, a row
/// label carrying its group's (`三、本年度办理结果 (一)予以公开 …`, `(三)不予公开 1.属于国家秘密 …`),
/// table 四 as two lines of header words and one of 15 numbers. `quote_row_total` is the total of
/// the row whose label ends in a closing quote (1 is right), `review_total` the 总计 of 行政复议
/// (3 is right).
fn pdf_copied_report(quote_row_total: i64, review_total: i64) -> String {
    let zeros = "0 0 0 0 0 0 0";
    let rows = [
        "一、本年新收政府信息公开申请数量 40 3 1 0 0 2 46".to_string(),
        "二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1".to_string(),
        "三、本年度办理结果 (一)予以公开 10 1 0 0 0 1 12".to_string(),
        "(二)部分公开(区分处理的,只计这一情形,不计其他情形) 5 0 0 0 0 0 5".to_string(),
        format!("(三)不予公开 1.属于国家秘密 {zeros}"),
        format!("2.其他法律行政法规禁止公开 {zeros}"),
        format!("3.危及“三安全一稳定” 1 0 0 0 0 0 {quote_row_total}"),
        format!("4.保护第三方合法权益 {zeros}"),
        format!("5.属于三类内部事务信息 {zeros}"),
        format!("6.属于四类过程性信息 {zeros}"),
        format!("7.属于行政执法案卷 {zeros}"),
        format!("8.属于行政查询事项 {zeros}"),
        "(四)无法提供 1.本机关不掌握相关政府信息 18 1 1 0 0 1 21".to_string(),
        format!("2.没有现成信息需要另行制作 {zeros}"),
        format!("3.补正后申请内容仍不明确 {zeros}"),
        "(五)不予处理 1.信访举报投诉类申请 2 0 0 0 0 0 2".to_string(),
        format!("2.重复申请 {zeros}"),
        format!("3.要求提供公开出版物 {zeros}"),
        format!("4.无正当理由大量反复申请 {zeros}"),
        format!("5.要求行政机关确认或重新出具已获取信息 {zeros}"),
        "(六)其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 1 0 0 0 0 0 1"
            .to_string(),
        format!("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 {zeros}"),
        format!("3.其他 {zeros}"),
        "(七)总计 37 2 1 0 0 2 42".to_string(),
        "四、结转下年度继续办理 4 1 0 0 0 0 5".to_string(),
    ];
    format!(
        "某县某局2022年政府信息公开工作年度报告\n\
         本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。\n\
         一、总体情况\n本局全年共收到政府信息公开申请46件。\n\
         二、主动公开政府信息情况\n第二十条第(一)项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n\
         规章 0 0 0\n行政规范性文件 3 1 18\n第二十条第(五)项\n信息内容 本年处理决定数量\n行政许可 7\n\
         第二十条第(六)项\n信息内容 本年处理决定数量\n行政处罚 2\n行政强制 0\n\
         第二十条第(八)项\n信息内容 本年收费金额(单位:万元)\n行政事业性收费 0\n\
         三、收到和处理政府信息公开申请情况\n\
         (本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) 申请人情况\n\
         自然人 法人或其他组织 总计\n\
         商业 企业 科研 机构 社会公益组织 法律服务机构 其他\n\
         {}\n\
         四、政府信息公开行政复议、行政诉讼情况\n\
         行政复议 行政诉讼\n\
         结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉\n\
         结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计\n\
         2 0 1 0 {review_total} 0 0 0 0 0 0 0 0 0 0\n\
         五、存在的主要问题及改进情况\n本局政府信息公开工作仍存在一些不足,下一步将加强培训。\n\
         六、其他需要报告的事项\n无。\n",
        rows.join("\n")
    )
}

/// `(rule, text, message)` of every table finding of a text read as a `.txt` file is, its lines
/// broken by a page's margin joined into paragraphs.
fn file_table_findings(text: &str) -> Vec<(String, String, String)> {
    let directory = tempfile::tempdir().expect("temporary directory");
    let path = directory.path().join("report.txt");
    std::fs::write(&path, text).expect("write the report");
    let source = read_file(&path, ReadOptions::default()).expect("the report reads");
    let rules = load(&RuleSources {
        builtin: true,
        paths: Vec::new(),
    })
    .expect("built-in rules load");
    check_source(&source, &rules, Options::default())
        .findings
        .into_iter()
        .filter(|f| f.rule.starts_with("table/"))
        .map(|f| (f.rule, f.text, f.message))
        .collect()
}

/// The same report with tables 三 and 四 written as `|` rows.
fn with_bars(spaced: &str) -> String {
    let tables = spaced.find("(本列数据").expect("table 三");
    let end = spaced.find("五、存在").expect("section 五");
    let rows: Vec<String> = spaced[tables..end]
        .lines()
        .map(|line| {
            if line.starts_with("四、政府信息公开") {
                line.to_string()
            } else {
                line.replace(' ', " | ")
            }
        })
        .collect();
    format!(
        "{}{}\n{}",
        &spaced[..tables],
        rows.join("\n"),
        &spaced[end..]
    )
}

#[test]
fn tables_three_and_four_with_spaces_between_cells_are_read_as_their_bar_rows_are() {
    // Text copied out of a PDF: the rows with their group's label read as the group's rows (the
    // 予以公开 row is no longer missing), the row whose label ends in a closing quote is summed,
    // and table 四's header lines, as wide as the page, are not joined into a paragraph (table 四
    // was reported missing). Each finding is the one the `|` rows give.
    let correct = pdf_copied_report(1, 3);
    assert_eq!(file_table_findings(&correct), expect(&[]));
    assert_eq!(file_table_findings(&with_bars(&correct)), expect(&[]));

    let review = pdf_copied_report(1, 4);
    let review_total = expect(&[(
        "table/review-total",
        "4",
        "行政复议: 总计(4) ≠ 结果维持、结果纠正、其他结果、尚未审结之和(2+0+1+0=3)",
    )]);
    assert_eq!(file_table_findings(&review), review_total);
    assert_eq!(file_table_findings(&with_bars(&review)), review_total);

    let row_total = pdf_copied_report(2, 3);
    let row_and_subtotal = expect(&[
        (
            "table/row-total",
            "2",
            "“3.危及“三安全一稳定””一行: 总计(2) ≠ 各类申请人之和(1+0+0+0+0+0=1)",
        ),
        (
            "table/subtotal",
            "42",
            "(七)总计(42) ≠ (一)至(六)各项之和(12+5+0+0+2+0+0+0+0+0+21+0+0+2+0+0+0+0+1+0+0=43) — 列: 总计",
        ),
    ]);
    assert_eq!(file_table_findings(&row_total), row_and_subtotal);
    assert_eq!(
        file_table_findings(&with_bars(&row_total)),
        row_and_subtotal
    );
}

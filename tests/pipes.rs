//! Tables written with `|` bars as converters and pages really write them: Markdown rows (outer
//! bars, a `|---|` separator row, merged cells as empty cells, a table split in parts each
//! repeating its first row), cells one per line each followed by ` |`, and two-cell rows with a
//! single bar (as the Word and web readers write them). Each shape of one schematic report must be
//! read as the same grids, with the same findings, as its plain `|` rows.

mod common;

use std::fs;

use common::{json, ogilint_in, stderr};
use serde_json::Value;

/// A table as a grid: each row's cells, merged cells as empty strings (where a Markdown converter
/// writes an empty cell, and Word or a web page writes no cell at all).
type Grid = Vec<Vec<&'static str>>;

/// 表二 of the 2021 format, four blocks in one table.
fn table_two() -> Grid {
    vec![
        vec!["第二十条第（一）项", "", "", ""],
        vec!["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        vec!["规章", "0", "0", "0"],
        vec!["行政规范性文件", "2", "1", "9"],
        vec!["第二十条第（五）项", "", "", ""],
        vec!["信息内容", "本年处理决定数量", "", ""],
        vec!["行政许可", "41", "", ""],
        vec!["第二十条第（六）项", "", "", ""],
        vec!["信息内容", "本年处理决定数量", "", ""],
        vec!["行政处罚", "17", "", ""],
        vec!["行政强制", "3", "", ""],
        vec!["第二十条第（八）项", "", "", ""],
        vec!["信息内容", "本年收费金额（单位：万元）", "", ""],
        vec!["行政事业性收费", "0", "", ""],
    ]
}

/// Where [`table_two`] is split by a converter: before 行政处罚.
const TABLE_TWO_SPLIT: usize = 9;

const NOTE: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

/// 表三 with ten columns (three of labels, seven of values). Its （七）总计 says 6 where the outcomes
/// above it add up to 5 (自然人 and 总计 columns): the one defect of the report.
fn table_three() -> Grid {
    let mut grid: Grid = vec![
        vec![NOTE, "", "", "申请人情况", "", "", "", "", "", ""],
        vec![
            "",
            "",
            "",
            "自然人",
            "法人或其他组织",
            "",
            "",
            "",
            "",
            "总计",
        ],
        vec![
            "",
            "",
            "",
            "",
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
            "",
        ],
        vec![
            "一、本年新收政府信息公开申请数量",
            "",
            "",
            "6",
            "0",
            "0",
            "0",
            "0",
            "0",
            "6",
        ],
        vec![
            "二、上年结转政府信息公开申请数量",
            "",
            "",
            "0",
            "0",
            "0",
            "0",
            "0",
            "0",
            "0",
        ],
        vec![
            "三、本年度办理结果",
            "（一）予以公开",
            "",
            "4",
            "0",
            "0",
            "0",
            "0",
            "0",
            "4",
        ],
        vec![
            "",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            "",
            "1",
            "0",
            "0",
            "0",
            "0",
            "0",
            "1",
        ],
    ];
    let groups: [(&'static str, &[&'static str]); 4] = [
        (
            "（三）不予公开",
            &[
                "1.属于国家秘密",
                "2.其他法律行政法规禁止公开",
                "3.危及“三安全一稳定”",
                "4.保护第三方合法权益",
                "5.属于三类内部事务信息",
                "6.属于四类过程性信息",
                "7.属于行政执法案卷",
                "8.属于行政查询事项",
            ],
        ),
        (
            "（四）无法提供",
            &[
                "1.本机关不掌握相关政府信息",
                "2.没有现成信息需要另行制作",
                "3.补正后申请内容仍不明确",
            ],
        ),
        (
            "（五）不予处理",
            &[
                "1.信访举报投诉类申请",
                "2.重复申请",
                "3.要求提供公开出版物",
                "4.无正当理由大量反复申请",
                "5.要求行政机关确认或重新出具已获取信息",
            ],
        ),
        (
            "（六）其他处理",
            &[
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                "3.其他",
            ],
        ),
    ];
    for (group, items) in groups {
        for (index, item) in items.iter().enumerate() {
            let parent = if index == 0 { group } else { "" };
            grid.push(vec!["", parent, item, "0", "0", "0", "0", "0", "0", "0"]);
        }
    }
    grid.push(vec![
        "",
        "（七）总计",
        "",
        "6",
        "0",
        "0",
        "0",
        "0",
        "0",
        "6",
    ]);
    grid.push(vec![
        "四、结转下年度继续办理",
        "",
        "",
        "0",
        "0",
        "0",
        "0",
        "0",
        "0",
        "0",
    ]);
    grid
}

/// Where [`table_three`] is split by a converter: before `3.补正后申请内容仍不明确`.
const TABLE_THREE_SPLIT: usize = 20;

/// 表四: three header rows over fifteen value columns, then the values.
fn table_four() -> Grid {
    let outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    let mut first = vec!["行政复议", "", "", "", "", "行政诉讼"];
    first.extend([""; 9]);
    let mut second = outcomes.to_vec();
    second.extend([
        "未经复议直接起诉",
        "",
        "",
        "",
        "",
        "复议后起诉",
        "",
        "",
        "",
        "",
    ]);
    let mut third = vec![""; 5];
    third.extend(outcomes);
    third.extend(outcomes);
    let mut values = vec!["1", "0", "0", "0", "1"];
    values.extend(["0"; 10]);
    vec![first, second, third, values]
}

/// How the tables are written.
#[derive(Clone, Copy, PartialEq)]
enum Shape {
    /// One row per line, the non-empty cells with a bar after each: the shape read right before.
    Plain,
    /// Markdown as converters write it: every cell between outer bars, a separator row after the
    /// first row, and each table split in two with its first row repeated atop the second part.
    Markdown,
    /// One cell per line, each followed by ` |`, a bare `|||` line between rows.
    CellsWithBars,
    /// One cell per line, without bars: the shape read right before.
    Cells,
    /// One row per line, the non-empty cells separated by bars with none at the ends: a two-cell
    /// row has a single bar.
    InnerBars,
    /// A web page: each table an HTML table whose merged cells are absent.
    Html,
}

fn write_table(out: &mut String, grid: &Grid, split: usize, shape: Shape) {
    let filled = |row: &Vec<&'static str>| -> Vec<&'static str> {
        row.iter()
            .copied()
            .filter(|cell| !cell.is_empty())
            .collect()
    };
    match shape {
        Shape::Plain => {
            for row in grid {
                out.push_str(&format!("{} |\n", filled(row).join(" | ")));
            }
        }
        Shape::InnerBars => {
            for row in grid {
                out.push_str(&format!("{}\n", filled(row).join(" | ")));
            }
        }
        Shape::CellsWithBars => {
            for row in grid {
                for cell in filled(row) {
                    out.push_str(&format!("{cell} |\n"));
                }
                out.push_str("|||\n");
            }
        }
        Shape::Cells => {
            for row in grid {
                for cell in filled(row) {
                    out.push_str(&format!("{cell}\n"));
                }
            }
        }
        Shape::Markdown => {
            // Alignment marks as converters write them: the labels left, the values centred.
            let separator = format!("|:---|{}\n", ":---:|".repeat(grid[0].len() - 1));
            let markdown = |row: &Vec<&str>| format!("| {} |\n", row.join(" | "));
            for (index, row) in grid.iter().enumerate() {
                if index == split {
                    // The converter's page break: a new table, headed by the first row again.
                    out.push('\n');
                    out.push_str(&markdown(&grid[0]));
                    out.push_str(&separator);
                }
                out.push_str(&markdown(row));
                if index == 0 {
                    out.push_str(&separator);
                }
            }
        }
        Shape::Html => {
            out.push_str("<table>\n");
            for row in grid {
                out.push_str("<tr>");
                for cell in filled(row) {
                    out.push_str(&format!("<td>{cell}</td>"));
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</table>\n");
        }
    }
}

/// The schematic report with its tables in `shape`.
fn report(shape: Shape) -> String {
    let paragraph = |text: &str| {
        if shape == Shape::Html {
            format!("<p>{text}</p>\n")
        } else {
            format!("{text}\n\n")
        }
    };
    let mut out = String::new();
    if shape == Shape::Html {
        out.push_str("<html><body>\n");
    }
    for text in [
        "某县农业农村局2022年政府信息公开工作年度报告",
        "本报告中所列数据的统计期限为2022年1月1日至2022年12月31日。如对本报告有疑问，请与某县农业农村局办公室联系（电话：0000-1234567）。",
        "一、总体情况",
        "2022年，我局按照条例要求做好政府信息公开工作，全年主动公开信息120条。",
        "二、主动公开政府信息情况",
    ] {
        out.push_str(&paragraph(text));
    }
    write_table(&mut out, &table_two(), TABLE_TWO_SPLIT, shape);
    out.push_str(&paragraph("三、收到和处理政府信息公开申请情况"));
    write_table(&mut out, &table_three(), TABLE_THREE_SPLIT, shape);
    out.push_str(&paragraph("四、政府信息公开行政复议、行政诉讼情况"));
    write_table(&mut out, &table_four(), usize::MAX, shape);
    for text in [
        "五、存在的主要问题及改进情况",
        "公开内容还不够全面，下一步将加强培训。",
        "六、其他需要报告的事项",
        "本年度未收取信息处理费。",
        "某县农业农村局",
        "2023年1月16日",
    ] {
        out.push_str(&paragraph(text));
    }
    if shape == Shape::Html {
        out.push_str("</body></html>\n");
    }
    out
}

/// Writes `text` as `name` in a fresh directory and runs `ogilint ARGS name --format json`.
fn run_json(name: &str, text: &str, args: &[&str]) -> Value {
    let directory = tempfile::tempdir().expect("temporary directory");
    fs::write(directory.path().join(name), text).expect("report is written");
    let mut all = args.to_vec();
    all.extend([name, "--format", "json"]);
    let output = ogilint_in(directory.path(), &all);
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{}",
        stderr(&output)
    );
    json(&output)
}

/// `(rule, text, severity)` of every finding of `text` written as `name`.
fn findings(name: &str, text: &str) -> Vec<(String, String, String)> {
    common::findings_of(name, text, &[])
}

/// Every table of the first report as `(id, unreadable, value rows of the grid)`.
fn value_grids(name: &str, text: &str) -> Vec<(String, bool, Vec<Vec<String>>)> {
    let inspection = run_json(name, text, &["inspect", "--show", "tables"]);
    inspection["documents"][0]["tables"]
        .as_array()
        .expect("tables")
        .iter()
        .map(|table| {
            let grid: Vec<Vec<String>> =
                serde_json::from_value(table["grid"].clone()).expect("grid is rows of strings");
            let rows = table["rows"].as_array().expect("rows");
            let values = grid
                .into_iter()
                .zip(rows)
                .filter(|(_, row)| row["kind"] == "values")
                .map(|(cells, _)| cells)
                .collect();
            (
                table["id"].as_str().unwrap_or("").to_string(),
                table["unreadable"] == true,
                values,
            )
        })
        .collect()
}

/// Every table of the first report as `(id, unreadable, [(label path, values)])`: what the rules
/// compute on, whatever label cells the grid shows.
type Paths = Vec<(String, bool, Vec<(String, Vec<String>)>)>;

fn value_paths(name: &str, text: &str) -> Paths {
    let inspection = run_json(name, text, &["inspect", "--show", "tables"]);
    inspection["documents"][0]["tables"]
        .as_array()
        .expect("tables")
        .iter()
        .map(|table| {
            let grid: Vec<Vec<String>> =
                serde_json::from_value(table["grid"].clone()).expect("grid is rows of strings");
            let rows = table["rows"].as_array().expect("rows");
            let values = grid
                .into_iter()
                .zip(rows)
                .filter(|(_, row)| row["kind"] == "values")
                .map(|(cells, row)| {
                    let labels = row["labels"].as_u64().unwrap_or(0) as usize;
                    let path = row["path"].as_str().unwrap_or("").to_string();
                    (path, cells[labels..].to_vec())
                })
                .collect();
            (
                table["id"].as_str().unwrap_or("").to_string(),
                table["unreadable"] == true,
                values,
            )
        })
        .collect()
}

/// The findings the schematic report must give in every shape: its one defect, in two columns.
fn expected_findings() -> Vec<(String, String, String)> {
    [
        ("table/subtotal", "6", "error"),
        ("table/subtotal", "6", "error"),
    ]
    .iter()
    .map(|(rule, text, severity)| (rule.to_string(), text.to_string(), severity.to_string()))
    .collect()
}

#[test]
fn plain_bar_rows_are_the_reference() {
    let text = report(Shape::Plain);
    assert_eq!(findings("report.txt", &text), expected_findings());
    let grids = value_grids("report.txt", &text);
    let ids: Vec<&str> = grids.iter().map(|(id, _, _)| id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "disclosure-regulations-2021",
            "disclosure-licensing-2021",
            "disclosure-enforcement-2021",
            "disclosure-fees-2021",
            "applications",
            "review-litigation"
        ]
    );
    assert!(grids.iter().all(|(_, unreadable, _)| !unreadable));
    // Two value rows in the first block, one in the second, two in the third, one in the fourth,
    // 25 in 表三, one in 表四.
    let counts: Vec<usize> = grids.iter().map(|(_, _, rows)| rows.len()).collect();
    assert_eq!(counts, [2, 1, 2, 1, 25, 1]);
}

#[test]
fn markdown_tables_split_with_their_first_row_repeated_read_as_plain_rows() {
    let text = report(Shape::Markdown);
    assert_eq!(findings("report.md", &text), expected_findings());
    assert_eq!(
        value_grids("report.md", &text),
        value_grids("report.txt", &report(Shape::Plain))
    );
}

#[test]
fn cells_one_per_line_with_trailing_bars_read_as_plain_rows() {
    let text = report(Shape::CellsWithBars);
    let cells = report(Shape::Cells);
    assert_eq!(findings("report.txt", &text), expected_findings());
    assert_eq!(findings("report.txt", &cells), expected_findings());
    // The same grids and label paths as the cells without bars (a row read from cells shows
    // the column names above it among its label cells, and 表四's row takes the last of them for
    // its label), and the same label paths as the `|` rows but for 表四's, the same values.
    assert_eq!(
        value_grids("report.txt", &text),
        value_grids("report.txt", &cells)
    );
    let with_bars = value_paths("report.txt", &text);
    assert_eq!(with_bars, value_paths("report.txt", &cells));
    let plain = value_paths("report.txt", &report(Shape::Plain));
    assert_eq!(with_bars[..5], plain[..5]);
    assert_eq!(with_bars[5].2[0].1, plain[5].2[0].1);
}

#[test]
fn two_cell_rows_with_a_single_bar_are_rows_in_text_and_web_pages() {
    let plain = value_grids("report.txt", &report(Shape::Plain));
    for (name, shape) in [
        ("report.txt", Shape::InnerBars),
        ("report.html", Shape::Html),
    ] {
        let text = report(shape);
        assert_eq!(findings(name, &text), expected_findings(), "{name}");
        assert_eq!(value_grids(name, &text), plain, "{name}");
    }
}

#[test]
fn the_markdown_header_rows_are_headers_not_values() {
    // Exact grid rows of 表三's header and first value row, as `inspect` shows them.
    let inspection = run_json("report.md", &report(Shape::Markdown), &["inspect"]);
    let table = inspection["documents"][0]["tables"]
        .as_array()
        .expect("tables")
        .iter()
        .find(|table| table["id"] == "applications")
        .expect("表三 is found");
    let kinds: Vec<&str> = table["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|row| row["kind"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(kinds[..4], ["header", "header", "header", "values"]);
    let grid: Vec<Vec<String>> = serde_json::from_value(table["grid"].clone()).expect("grid");
    assert_eq!(
        grid[3],
        [
            "一、本年新收政府信息公开申请数量",
            "6",
            "0",
            "0",
            "0",
            "0",
            "0",
            "6"
        ]
    );
}

#[test]
fn a_single_bar_in_prose_is_not_a_table_row() {
    let text = report(Shape::Plain).replace(
        "全年主动公开信息120条。",
        "全年主动公开信息120条，详见门户网站 | 政务公开栏目。",
    );
    let inspection = run_json("report.txt", &text, &["inspect", "--show", "text"]);
    let line = inspection["text"]
        .as_array()
        .expect("lines")
        .iter()
        .find(|line| line["text"].as_str().is_some_and(|t| t.contains("栏目")))
        .expect("the line is shown");
    assert_eq!(line["kind"], "text");
    assert_eq!(findings("report.txt", &text), expected_findings());
}

#[test]
fn a_row_of_values_gone_wrong_is_not_a_header() {
    // Words where values would stand make a header row; counts in Chinese numerals beside a blank
    // cell are values gone wrong, in a Markdown row as in a plain one.
    let plain = report(Shape::Plain).replace("规章 | 0 | 0 | 0 |", "规章 |  | 十七 | 五 |");
    let markdown =
        report(Shape::Markdown).replace("| 规章 | 0 | 0 | 0 |", "| 规章 |  | 十七 | 五 |");
    let mut expected = vec![
        (
            "table/bad-number".to_string(),
            "十七".to_string(),
            "error".to_string(),
        ),
        (
            "table/bad-number".to_string(),
            "五".to_string(),
            "error".to_string(),
        ),
    ];
    expected.extend(expected_findings());
    assert_eq!(findings("report.txt", &plain), expected);
    assert_eq!(findings("report.md", &markdown), expected);
}

#[test]
fn a_row_without_an_opening_bar_keeps_its_empty_last_cell() {
    // Written `label | a | b | ` with the last cell empty, the trailing bar is a separator: the
    // row has three values, the last blank, as when written with a closing bar after it.
    for row in ["行政规范性文件 | 2 | 1 |", "行政规范性文件 | 2 | 1 |  |"] {
        let text = report(Shape::Plain).replace("行政规范性文件 | 2 | 1 | 9 |", row);
        assert_eq!(findings("report.txt", &text), expected_findings(), "{row}");
        let grids = value_grids("report.txt", &text);
        assert_eq!(grids[0].2[1], ["行政规范性文件", "2", "1", ""], "{row}");
    }
}

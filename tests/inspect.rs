//! `ogilint inspect`: what ogilint read, as a user sees it — the exact grid of every table from
//! every input form, the structure as `check` reports it, the human form, and errors.

mod common;

use std::fs;
use std::process::Output;

use assert_cmd::Command;
use common::{json, ogilint, ogilint_in, stderr, stdout, ROOT};
use ogilint::commands::inspect::{inspect_source, Part, RowKind};
use ogilint::input::SourceText;
use ogilint::rules::load::{load, RuleSources};
use proptest::prelude::*;
use serde_json::Value;

/// `ogilint inspect FILE --format json` (with `extra` arguments), which must succeed.
fn inspect_json(file: &str, extra: &[&str]) -> Value {
    let mut args = vec!["inspect", file, "--format", "json"];
    args.extend_from_slice(extra);
    let output = ogilint(&args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    json(&output)
}

/// The tables of the first report, by id.
fn table<'a>(inspection: &'a Value, id: &str) -> &'a Value {
    inspection["documents"][0]["tables"]
        .as_array()
        .expect("tables")
        .iter()
        .find(|table| table["id"] == id)
        .unwrap_or_else(|| panic!("no table {id}"))
}

fn grid(table: &Value) -> Vec<Vec<String>> {
    serde_json::from_value(table["grid"].clone()).expect("grid is rows of strings")
}

/// A grid row: its cells as strings.
fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|cell| cell.to_string()).collect()
}

/// A value row of 表三: its labels, then its seven values.
fn values(labels: &[&str], numbers: [u32; 7]) -> Vec<String> {
    let mut cells = row(labels);
    cells.extend(numbers.iter().map(u32::to_string));
    cells
}

/// The value rows of 表三 of seed 002 (every count 0), as the reader arranges them.
fn seed_002_request_rows() -> Vec<Vec<String>> {
    let zero = [0; 7];
    let mut rows = vec![
        values(&["一、本年新收政府信息公开申请数量"], zero),
        values(&["二、上年结转政府信息公开申请数量"], zero),
        values(&["三、本年度办理结果", "(一)予以公开"], zero),
        values(
            &["(二)部分公开(区分处理的,只计这一情形,不计其他情形)"],
            zero,
        ),
        values(&["(三)不予公开", "1.属于国家秘密"], zero),
    ];
    for label in [
        "2.其他法律行政法规禁止公开",
        "3.危及“三安全一稳定”",
        "4.保护第三方合法权益",
        "5.属于三类内部事务信息",
        "6.属于四类过程性信息",
        "7.属于行政执法案卷",
        "8.属于行政查询事项",
    ] {
        rows.push(values(&[label], zero));
    }
    rows.push(values(
        &["(四)无法提供", "1.本机关不掌握相关政府信息"],
        zero,
    ));
    rows.push(values(&["2.没有现成信息需要另行制作"], zero));
    rows.push(values(&["3.补正后申请内容仍不明确"], zero));
    rows.push(values(&["(五)不予处理", "1.信访举报投诉类申请"], zero));
    for label in [
        "2.重复申请",
        "3.要求提供公开出版物",
        "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息",
    ] {
        rows.push(values(&[label], zero));
    }
    rows.push(values(&["(六)其他处理"], zero));
    rows.push(values(&["(七)总计"], zero));
    rows.push(values(&["四、结转下年度继续办理"], zero));
    rows
}

/// Only the value rows of a table's grid.
fn value_rows(table: &Value) -> Vec<Vec<String>> {
    let kinds = table["rows"].as_array().expect("rows");
    grid(table)
        .into_iter()
        .zip(kinds)
        .filter(|(_, row)| row["kind"] == "values")
        .map(|(cells, _)| cells)
        .collect()
}

#[test]
fn seed_002_tables_are_the_same_grids_from_text_word_web_page_and_pdf() {
    let note = "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)";
    let headers = vec![
        row(&["自然人", "法人或其他组织", "总计"]),
        row(&[
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
        ]),
    ];
    let forms = [
        "fixtures/002_8ea8eed0dcff065f.txt",
        "fixtures/docx/002_8ea8eed0dcff065f.docx",
        "fixtures/html/002_8ea8eed0dcff065f.html",
        "fixtures/pdf/002_8ea8eed0dcff065f.pdf",
    ];
    let text = inspect_json(forms[0], &["--show", "tables"]);
    for file in forms {
        let inspection = inspect_json(file, &["--show", "tables"]);
        let requests = table(&inspection, "applications");
        assert_eq!(requests["found"], true, "{file}");
        assert_eq!(requests["unreadable"], false, "{file}");
        assert_eq!(requests["unreadable_because"], Value::Null, "{file}");
        assert_eq!(requests["missing_rows"], serde_json::json!([]), "{file}");
        // The table's first row holds two cells, the note and the anchor: a `|` row of two cells
        // (one `|`) from a Word or web table is two cells too.
        let mut expected = vec![row(&[note, "申请人情况"])];
        expected.extend(headers.clone());
        expected.extend(seed_002_request_rows());
        assert_eq!(grid(requests), expected, "{file}");
        let kinds: Vec<&str> = requests["rows"]
            .as_array()
            .expect("rows")
            .iter()
            .map(|row| row["kind"].as_str().unwrap_or(""))
            .collect();
        assert_eq!(
            kinds[..4],
            ["header", "header", "header", "values"],
            "{file}"
        );
        assert_eq!(
            requests["rows"][5]["path"], "三、本年度办理结果/(一)予以公开",
            "{file}"
        );
        assert_eq!(
            requests["rows"][5]["format_rows"],
            serde_json::json!(["予以公开"]),
            "{file}"
        );

        let regulations = table(&inspection, "disclosure-regulations-2019");
        assert_eq!(
            grid(regulations),
            vec![
                row(&["第二十条第(一)项"]),
                row(&[
                    "信息内容",
                    "本年新制作数量",
                    "本年新公开数量",
                    "对外公开总数量"
                ]),
                row(&["规章", "6", "6", "6"]),
                row(&["规范性文件", "6", "6", "6"]),
            ],
            "{file}"
        );
        assert_eq!(
            value_rows(table(&inspection, "review-litigation")),
            vec![row(&["0"; 15])],
            "{file}"
        );
        // Every table: the same value rows whatever the form.
        let tables = inspection["documents"][0]["tables"]
            .as_array()
            .expect("tables");
        assert_eq!(tables.len(), 7, "{file}");
        for table_of_form in tables {
            let id = table_of_form["id"].as_str().unwrap_or("");
            assert_eq!(
                value_rows(table_of_form),
                value_rows(table(&text, id)),
                "{file}: {id}"
            );
        }
    }
}

#[test]
fn a_table_copied_one_cell_per_line_is_shown_as_the_rows_the_reader_made() {
    let inspection = inspect_json(
        "fixtures/synthetic/2021-table-cells-per-line.txt",
        &["--show", "tables"],
    );
    let requests = table(&inspection, "applications");
    assert_eq!(requests["unreadable"], false);
    let mut expected: Vec<Vec<String>> = [
        "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)",
        "申请人情况",
        "自然人",
        "法人或其他组织",
        "总计",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]
    .iter()
    .map(|header| row(&[header]))
    .collect();
    let zero = [0; 7];
    expected.extend([
        values(
            &["一、本年新收政府信息公开申请数量"],
            [20, 3, 0, 0, 0, 0, 23],
        ),
        values(&["二、上年结转政府信息公开申请数量"], [2, 0, 0, 0, 0, 0, 2]),
        values(
            &["三、本年度办理结果", "(一)予以公开"],
            [15, 2, 0, 0, 0, 0, 17],
        ),
        values(
            &["(二)部分公开(区分处理的,只计这一情形,不计其他情形)"],
            [2, 0, 0, 0, 0, 0, 2],
        ),
        values(&["(三)不予公开", "1.属于国家秘密"], [1, 0, 0, 0, 0, 0, 1]),
    ]);
    for label in [
        "2.其他法律行政法规禁止公开",
        "3.危及“三安全一稳定”",
        "4.保护第三方合法权益",
        "5.属于三类内部事务信息",
        "6.属于四类过程性信息",
        "7.属于行政执法案卷",
        "8.属于行政查询事项",
    ] {
        expected.push(values(&[label], zero));
    }
    expected.extend([
        values(
            &["(四)无法提供", "1.本机关不掌握相关政府信息"],
            [3, 1, 0, 0, 0, 0, 4],
        ),
        values(&["2.没有现成信息需要另行制作"], zero),
        values(&["3.补正后申请内容仍不明确"], zero),
        values(&["(五)不予处理", "1.信访举报投诉类申请"], zero),
        values(&["2.重复申请"], zero),
        values(&["3.要求提供公开出版物"], zero),
        values(&["4.无正当理由大量反复申请"], zero),
        values(&["5.要求行政机关确认或重新出具已获取信息"], zero),
        values(
            &[
                "(六)其他处理",
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            ],
            zero,
        ),
        values(
            &["2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"],
            zero,
        ),
        values(&["3.其他"], zero),
        values(&["(七)总计"], [21, 3, 0, 0, 0, 0, 24]),
        values(&["四、结转下年度继续办理"], [1, 0, 0, 0, 0, 0, 1]),
    ]);
    assert_eq!(grid(requests), expected);
    // The row path joins the labels inherited from the rows above.
    let paths: Vec<&str> = requests["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .filter_map(|row| row["path"].as_str())
        .collect();
    assert_eq!(
        paths[5],
        "三、本年度办理结果/(三)不予公开/2.其他法律行政法规禁止公开"
    );

    // Table 二's blocks: the header cells before the first row are read as that row's labels
    // (its path is its own unnumbered label), and the grid shows it.
    assert_eq!(
        grid(table(&inspection, "disclosure-regulations-2021")),
        vec![
            row(&[
                "第二十条第(一)项",
                "信息内容",
                "本年制发件数",
                "本年废止件数",
                "现行有效件数",
                "规章",
                "0",
                "0",
                "0"
            ]),
            row(&["行政规范性文件", "3", "1", "12"]),
        ]
    );
    let regulations = table(&inspection, "disclosure-regulations-2021");
    assert_eq!(regulations["rows"][0]["labels"], 6);
    assert_eq!(regulations["rows"][0]["path"], "规章");
    assert_eq!(
        grid(table(&inspection, "disclosure-enforcement-2021"))[1],
        row(&["行政强制", "2"])
    );
    let review = value_rows(table(&inspection, "review-litigation"));
    assert_eq!(review.len(), 1);
    assert_eq!(
        review[0][review[0].len() - 15..],
        row(&["1", "0", "0", "0", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"])
    );
}

#[test]
fn an_unreadable_table_shows_the_cells_that_did_not_fall_into_rows() {
    let dir = tempfile::tempdir().expect("temp dir");
    let report = "某局2021年政府信息公开工作年度报告\n\
        三、收到和处理政府信息公开申请情况\n\
        申请人情况\n\
        一、本年新收政府信息公开申请数量\n5\n5\n\
        二、上年结转政府信息公开申请数量\n1\n\
        四、结转下年度继续办理\n0\n0\n0\n0\n0\n0\n0\n";
    fs::write(dir.path().join("report.txt"), report).expect("written");
    let output = ogilint_in(
        dir.path(),
        &["inspect", "report.txt", "--format", "json", "--isolated"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let inspection = json(&output);
    let requests = table(&inspection, "applications");
    assert_eq!(requests["unreadable"], true);
    assert_eq!(requests["unreadable_because"], "cells");
    // Values cut short by the next label are dropped, and the labels pile up on the one row that
    // seven values complete: the grid shows the row, where it starts, and the dropped cells.
    assert_eq!(
        grid(requests),
        vec![
            row(&["申请人情况"]),
            values(
                &[
                    "一、本年新收政府信息公开申请数量",
                    "二、上年结转政府信息公开申请数量",
                    "四、结转下年度继续办理"
                ],
                [0; 7]
            ),
            row(&["5"]),
            row(&["5"]),
            row(&["1"]),
        ]
    );
    let kinds: Vec<&str> = requests["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|row| row["kind"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(kinds, ["header", "values", "other", "other", "other"]);
    assert_eq!(requests["rows"][1]["labels"], 3);
    assert_eq!(requests["rows"][1]["path"], "四、结转下年度继续办理");
    assert_eq!(requests["rows"][1]["line"], 4);
    assert_eq!(
        requests["missing_rows"],
        serde_json::json!([
            "本年新收",
            "上年结转",
            "予以公开",
            "部分公开",
            "不予公开/",
            "无法提供/",
            "不予处理/",
            "其他处理",
            "办理结果/.*总计"
        ])
    );
}

#[test]
fn the_structure_is_what_check_reports() {
    for file in [
        "fixtures/001_e0f2844ddd246cd5.txt",
        "fixtures/004_062f0ed1955165dd.txt",
        "fixtures/synthetic/2021-table-cells-per-line.txt",
        "fixtures/pdf/002_8ea8eed0dcff065f.pdf",
    ] {
        let inspection = inspect_json(file, &["--show", "structure"]);
        let checked = json(&ogilint(&["check", file, "--format", "json"]));
        let documents = inspection["documents"].as_array().expect("documents");
        let reported = checked["documents"].as_array().expect("documents");
        assert_eq!(documents.len(), reported.len(), "{file}");
        for (shown, reported) in documents.iter().zip(reported) {
            for key in [
                "index",
                "line",
                "title",
                "issuer",
                "issuer_kind",
                "report_year",
                "regulation",
                "regulation_source",
                "period",
                "published",
            ] {
                assert_eq!(shown[key], reported[key], "{file}: {key}");
            }
            // `check` lists headings of levels 1 and 2; inspect lists them all.
            let levels_1_2: Vec<&Value> = shown["headings"]
                .as_array()
                .expect("headings")
                .iter()
                .filter(|heading| heading["level"].as_u64() <= Some(2))
                .collect();
            let reported: Vec<&Value> = reported["headings"]
                .as_array()
                .expect("headings")
                .iter()
                .collect();
            assert_eq!(levels_1_2, reported, "{file}");
            assert!(shown.get("tables").is_none(), "only the parts asked for");
        }
        assert!(inspection.get("text").is_none(), "only the parts asked for");
    }
    let cells = inspect_json(
        "fixtures/synthetic/2021-table-cells-per-line.txt",
        &["--show", "structure"],
    );
    let headings = cells["documents"][0]["headings"]
        .as_array()
        .expect("headings");
    assert!(headings
        .iter()
        .any(|heading| heading["level"] == 3 && heading["text"] == "1.属于国家秘密"));
}

#[test]
fn inspect_reads_with_the_settings_check_uses() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::copy(
        format!("{ROOT}/fixtures/004_062f0ed1955165dd.txt"),
        dir.path().join("report.txt"),
    )
    .expect("copied");
    let regulation = |output: &Output| {
        assert_eq!(output.status.code(), Some(0), "{}", stderr(output));
        let value = json(output);
        (
            value["documents"][0]["regulation"].clone(),
            value["documents"][0]["regulation_source"].clone(),
        )
    };
    let args = ["inspect", "report.txt", "--format", "json"];
    assert_eq!(
        regulation(&ogilint_in(dir.path(), &args)),
        ("2007".into(), "report-year".into())
    );
    fs::write(dir.path().join("ogilint.toml"), "regulation = \"2019\"\n").expect("written");
    assert_eq!(
        regulation(&ogilint_in(dir.path(), &args)),
        ("2019".into(), "override".into()),
        "the discovered config"
    );
    let isolated = [&args[..], &["--isolated"]].concat();
    assert_eq!(
        regulation(&ogilint_in(dir.path(), &isolated)),
        ("2007".into(), "report-year".into())
    );
    let flag = [&args[..], &["--isolated", "--regulation", "2019"]].concat();
    assert_eq!(
        regulation(&ogilint_in(dir.path(), &flag)),
        ("2019".into(), "override".into())
    );
}

#[test]
fn standard_input_is_read_as_the_name_it_is_given() {
    let page = fs::read(format!("{ROOT}/fixtures/html/002_8ea8eed0dcff065f.html")).expect("read");
    let output = Command::cargo_bin("ogilint")
        .expect("binary is built")
        .current_dir(ROOT)
        .args([
            "inspect",
            "-",
            "--stdin-filename",
            "reports/page.html",
            "--format",
            "json",
        ])
        .write_stdin(page)
        .output()
        .expect("ogilint runs");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let from_stdin = json(&output);
    assert_eq!(from_stdin["input"]["file"], "reports/page.html");
    assert_eq!(from_stdin["input"]["kind"], "html");
    let from_file = inspect_json("fixtures/html/002_8ea8eed0dcff065f.html", &[]);
    assert_eq!(from_stdin["documents"], from_file["documents"]);
    assert_eq!(from_stdin["text"], from_file["text"]);
}

#[test]
fn a_markdown_report_is_read_as_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::copy(
        format!("{ROOT}/fixtures/render/fullwidth-2020.txt"),
        dir.path().join("report.md"),
    )
    .expect("copied");
    let output = ogilint_in(
        dir.path(),
        &["inspect", "report.md", "--format", "json", "--show", "text"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let inspection = json(&output);
    assert_eq!(inspection["input"]["kind"], "markdown");
    assert_eq!(inspection["input"]["text_lines"], 14);
    assert_eq!(inspection["text"][2]["kind"], "heading");
    assert_eq!(inspection["text"][2]["text"], "一、概述");
}

#[test]
fn text_lines_say_where_they_are_and_what_they_were_taken_for() {
    let inspection = inspect_json("fixtures/pdf/002_8ea8eed0dcff065f.pdf", &["--show", "text"]);
    assert_eq!(inspection["version"], env!("CARGO_PKG_VERSION"));
    let input = &inspection["input"];
    assert_eq!(input["kind"], "pdf");
    assert_eq!(input["pages"], 3);
    assert_eq!(input["rejoined"], true);
    let lines = inspection["text"].as_array().expect("text");
    assert_eq!(
        lines.len(),
        input["text_lines"].as_u64().unwrap_or(0) as usize
    );
    let title = lines
        .iter()
        .find(|line| line["kind"] == "title")
        .expect("a title line");
    assert_eq!(
        title["text"],
        "抚州市东乡区工信局2019年政府信息公开工作年度报告"
    );
    assert_eq!(
        title["location"],
        serde_json::json!({"in": "page", "page": 1, "line": 8})
    );
    let row = lines
        .iter()
        .find(|line| line["text"] == "行政处罚| 0 | 0 | 0 | |")
        .expect("a table row");
    assert_eq!(row["kind"], "table-row");
    assert_eq!(row["table"], "disclosure-enforcement-2019");
    assert_eq!(row["document"], 0);
    assert_eq!(row["location"]["page"], 2);
    // A paragraph printed over several lines is one line of the text, placed where it starts.
    let joined = lines
        .iter()
        .find(|line| {
            line["text"]
                .as_str()
                .is_some_and(|text| text.contains("统计期限自2019年1月1日起至12月31日止"))
        })
        .expect("the period sentence");
    assert_eq!(joined["line"], 11);
    assert!(inspection["documents"][0].get("title").is_none());
}

#[test]
fn human_output() {
    let output = ogilint(&["inspect", "fixtures/render/fullwidth-2020.txt"]);
    assert_eq!(output.status.code(), Some(0));
    insta::assert_snapshot!("inspect_fullwidth", stdout(&output));
    let output = ogilint(&[
        "inspect",
        "fixtures/002_8ea8eed0dcff065f.txt",
        "--show",
        "tables",
        "--ascii",
        "--lang",
        "en",
    ]);
    assert_eq!(output.status.code(), Some(0));
    insta::assert_snapshot!("inspect_002_tables_ascii", stdout(&output));
}

#[test]
fn an_unreadable_input_is_one_error_naming_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("empty.txt"), "").expect("written");
    fs::write(dir.path().join("broken.pdf"), "%PDF-1.4\n%garbage").expect("written");
    fs::write(dir.path().join("old.doc"), "\u{d0}\u{cf}").expect("written");
    for (file, says) in [
        ("missing.txt", "missing.txt: cannot read"),
        ("empty.txt", "empty.txt: the file is empty"),
        ("broken.pdf", "broken.pdf: not a text report"),
        ("old.doc", "old.doc: not a text report"),
    ] {
        for format in ["human", "json"] {
            let output = ogilint_in(dir.path(), &["inspect", file, "--format", format]);
            assert_eq!(output.status.code(), Some(2), "{file}");
            assert!(stdout(&output).is_empty(), "{file}: nothing on stdout");
            let message = stderr(&output);
            assert!(message.contains(says), "{file}: {message}");
            assert_eq!(message.lines().count(), 1, "{file}: {message}");
        }
    }
    let output = ogilint(&["inspect", "fixtures/pdf/scanned.pdf"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("fixtures/pdf/scanned.pdf: no text layer"));
    // Rules that do not load stop the run the same way as for `check`.
    let output = ogilint(&[
        "inspect",
        "fixtures/004_062f0ed1955165dd.txt",
        "--rules",
        "fixtures/no-such-rules.toml",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).is_empty());
}

/// The keys of a JSON object.
fn keys(value: &Value) -> Vec<String> {
    let mut keys: Vec<String> = value
        .as_object()
        .map(|object| object.keys().cloned().collect())
        .unwrap_or_default();
    keys.sort();
    keys
}

#[test]
fn the_readme_documents_every_json_field() {
    let readme = fs::read_to_string(format!("{ROOT}/README.md")).expect("README");
    let section = &readme[readme
        .find("### `inspect --format json`")
        .expect("the README documents inspect's JSON")..];
    let start = section.find("```json\n").expect("an example") + "```json\n".len();
    let end = start + section[start..].find("```").expect("the example ends");
    let example: Value = serde_json::from_str(&section[start..end]).expect("the example is JSON");
    let real = inspect_json("fixtures/pdf/002_8ea8eed0dcff065f.pdf", &[]);
    let table_of = |value: &Value| {
        value["documents"][0]["tables"]
            .as_array()
            .and_then(|tables| {
                tables
                    .iter()
                    .find(|table| table["id"] == "disclosure-enforcement-2019")
            })
            .cloned()
            .unwrap_or(Value::Null)
    };
    for (part, documented, produced) in [
        ("top level", example.clone(), real.clone()),
        ("input", example["input"].clone(), real["input"].clone()),
        (
            "text[]",
            example["text"][0].clone(),
            real["text"][9].clone(),
        ),
        (
            "documents[]",
            example["documents"][0].clone(),
            real["documents"][0].clone(),
        ),
        ("tables[]", table_of(&example), table_of(&real)),
        (
            "rows[]",
            table_of(&example)["rows"][2].clone(),
            table_of(&real)["rows"][2].clone(),
        ),
    ] {
        assert_eq!(keys(&documented), keys(&produced), "{part}");
    }
    // The example's table is the seed's, as read.
    assert_eq!(table_of(&example), table_of(&real));
}

/// Text with the pieces tables are made of: labels, numbers, blanks, `|`, tabs, line breaks,
/// headings and a collection's report labels, in any order.
fn table_like() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "某局2021年政府信息公开工作年度报告\n",
        "第二篇:\n",
        "三、收到和处理政府信息公开申请情况\n",
        "申请人情况",
        "结果维持",
        "第二十条第(一)项",
        "一、本年新收",
        "三、本年度办理结果",
        "(一)予以公开",
        "(三)不予公开",
        "1.属于国家秘密",
        "(七)总计",
        "四、结转下年度继续办理",
        "规章",
        "0",
        "12",
        "1,021",
        "/",
        "-",
        " ",
        "   ",
        "|",
        " | ",
        "\t",
        "\n",
        "\r\n",
        "- 3 -\n",
        "。",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_text_is_inspected_whole_and_every_value_row_has_the_format_width(text in table_like()) {
        let rules = load(&RuleSources { builtin: true, paths: Vec::new() }).expect("built-in rules load");
        let source = SourceText {
            name: "report.txt".to_string(),
            text,
            display: None,
            byte_map: None,
            encoding: "UTF-8",
            locations: None,
            partial: None,
        };
        let inspection = inspect_source(
            &source,
            &rules,
            ogilint::engine::Options::default(),
            &[Part::Text, Part::Structure, Part::Tables],
        );
        let lines = inspection.text.as_ref().expect("the text part");
        prop_assert_eq!(lines.len(), inspection.input.text_lines);
        for pair in lines.windows(2) {
            prop_assert!(pair[0].line < pair[1].line);
        }
        for document in &inspection.documents {
            for table in document.tables.as_ref().expect("the tables part") {
                prop_assert_eq!(table.grid.len(), table.rows.len());
                for (cells, row) in table.grid.iter().zip(&table.rows) {
                    prop_assert!(!cells.is_empty());
                    if row.kind == RowKind::Values {
                        prop_assert_eq!(cells.len(), row.labels + table.columns.len());
                    }
                }
                for pair in table.rows.windows(2) {
                    prop_assert!(pair[0].line <= pair[1].line);
                }
            }
        }
    }
}

#[test]
fn inspect_says_why_a_table_is_not_trusted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let header = "本列数据的勾稽关系 | 申请人情况\n自然人 | 法人或其他组织 | 总计\n";
    let rows = "一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1\n\
        二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n";
    let report = |organisations: &str| {
        format!(
            "某局2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n\
             {header}{organisations}\n{rows}"
        )
    };
    let because = |text: String| {
        fs::write(dir.path().join("report.txt"), text).expect("written");
        let output = ogilint_in(
            dir.path(),
            &["inspect", "report.txt", "--format", "json", "--isolated"],
        );
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        table(&json(&output), "applications")["unreadable_because"].clone()
    };
    assert_eq!(
        because(report(
            "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他"
        )),
        Value::Null
    );
    assert_eq!(
        because(report(
            "科研机构 | 商业企业 | 社会公益组织 | 法律服务机构 | 其他"
        )),
        "columns"
    );
    assert_eq!(
        because(
            report("商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他")
                .replace("二、上年结转政府信息公开申请数量", "二、本年办结数量")
        ),
        "rows"
    );
}

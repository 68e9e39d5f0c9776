//! Year over year: reports paired with the same issuer's report of the year before.
//!
//! `tests/pairs/` holds five issuers' consecutive reports (assembled by `make_pairs.py` there), each
//! pair holding or breaking the continuities on purpose, and copying, lightly editing or rewriting
//! section 五 on purpose; a sixth report of one issuer has no report of the year before it.

mod common;

use common::{json, ogilint, stderr, stdout};
use serde_json::Value;

/// `(file, rule, text, last year's file, last year's text)` of the cross-year findings.
fn cross_year(value: &Value) -> Vec<(String, String, String, String, String)> {
    value["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|finding| {
            finding["rule"]
                .as_str()
                .is_some_and(|rule| rule.starts_with("cross-year/"))
        })
        .map(|finding| {
            let related = &finding["related_files"][0];
            let text = |value: &Value| value.as_str().unwrap_or_default().to_string();
            (
                text(&finding["file"]).replace("tests/pairs/", ""),
                text(&finding["rule"]),
                text(&finding["text"]),
                text(&related["file"]).replace("tests/pairs/", ""),
                text(&related["text"]),
            )
        })
        .collect()
}

fn row(
    file: &str,
    rule: &str,
    text: &str,
    last: &str,
    last_text: &str,
) -> (String, String, String, String, String) {
    (
        file.into(),
        rule.into(),
        text.into(),
        last.into(),
        last_text.into(),
    )
}

#[test]
fn every_break_is_found_and_nothing_else() {
    let value = json(&ogilint(&["check", "tests/pairs", "--format", "json"]));
    assert_eq!(
        cross_year(&value),
        vec![
            // 河西区 (Traditional script the second year): 28 + 4 − 1 = 31 in force, 30 reported.
            row(
                "hexi-2022.txt",
                "cross-year/in-force",
                "30",
                "hexi-2021.txt",
                "28"
            ),
            // 南岭市: 规章 in force 2 + 0 − 0, 3 reported; none carried in of 2 carried forward;
            // section 五 copied with its sentences reordered.
            row(
                "nanling-2023.txt",
                "cross-year/in-force",
                "3",
                "nanling-2022.txt",
                "2"
            ),
            row(
                "nanling-2023.txt",
                "cross-year/carried-over",
                "0",
                "nanling-2022.txt",
                "2"
            ),
            row(
                "nanling-2023.txt",
                "cross-year/carried-over",
                "0",
                "nanling-2022.txt",
                "2"
            ),
            row(
                "nanling-2023.txt",
                "cross-year/copied-problems",
                "五、存在的主要问题及改进情况",
                "nanling-2022.txt",
                "五、存在的主要问题及改进情况"
            ),
            // 青山县: 3 carried in where 2 were carried forward (自然人 and 总计).
            row(
                "qingshan-2023.txt",
                "cross-year/carried-over",
                "3",
                "qingshan-2022.txt",
                "2"
            ),
            row(
                "qingshan-2023.txt",
                "cross-year/carried-over",
                "3",
                "qingshan-2022.txt",
                "2"
            ),
            // 乌海市 (the province named the second year only): section 五 copied, year changed.
            row(
                "wuhai-2022.txt",
                "cross-year/copied-problems",
                "五、存在的主要问题及改进情况",
                "wuhai-2021.txt",
                "五、存在的主要问题及改进情况"
            ),
        ]
    );
    let messages: Vec<&str> = value["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|finding| finding["rule"] == "cross-year/in-force")
        .filter_map(|finding| finding["message"].as_str())
        .collect();
    assert_eq!(
        messages[0],
        "表二“现行有效件数”为30,按上年报告应为31(上年现行有效28 + 本年制发4 − 本年废止1),相差-1 — 行政规范性文件"
    );
}

#[test]
fn pairs_are_by_issuer_and_consecutive_year_with_a_score_per_section() {
    let value = json(&ogilint(&["check", "tests/pairs", "--format", "json"]));
    let pairs = value["pairs"].as_array().expect("pairs");
    let paired: Vec<(&str, &str, f64)> = pairs
        .iter()
        .map(|pair| {
            let five = pair["sections"]
                .as_array()
                .expect("sections")
                .iter()
                .find(|section| section["section"] == 5)
                .and_then(|section| section["similarity"].as_f64())
                .expect("section 五 scored");
            (
                pair["previous_file"].as_str().unwrap_or_default(),
                pair["file"].as_str().unwrap_or_default(),
                five,
            )
        })
        .collect();
    let names: Vec<(&str, &str)> = paired.iter().map(|(old, new, _)| (*old, *new)).collect();
    // The 2020 report of 东湖 has no 2021 report beside it: paired with nothing.
    assert_eq!(
        names,
        vec![
            ("tests/pairs/donghu-2022.txt", "tests/pairs/donghu-2023.txt"),
            ("tests/pairs/hexi-2021.txt", "tests/pairs/hexi-2022.txt"),
            (
                "tests/pairs/nanling-2022.txt",
                "tests/pairs/nanling-2023.txt"
            ),
            (
                "tests/pairs/qingshan-2022.txt",
                "tests/pairs/qingshan-2023.txt"
            ),
            ("tests/pairs/wuhai-2021.txt", "tests/pairs/wuhai-2022.txt"),
        ]
    );
    let five: Vec<f64> = paired.iter().map(|(_, _, score)| *score).collect();
    // Rewritten, lightly edited, reordered copy, rewritten, copied.
    assert!(five[0] < 0.2 && five[3] < 0.2, "{five:?}");
    assert!(five[1] > 0.3 && five[1] < 0.8, "{five:?}");
    assert!(five[2] >= 0.8 && five[4] == 1.0, "{five:?}");
    assert_eq!(pairs[4]["issuer"], "内蒙古自治区乌海市人民政府");
}

#[test]
fn unpaired_reports_get_no_cross_year_finding_and_no_pairs() {
    for file in ["tests/pairs/wuhai-2022.txt", "tests/pairs/nanling-2023.txt"] {
        let value = json(&ogilint(&["check", file, "--format", "json"]));
        assert!(cross_year(&value).is_empty(), "{file}");
        assert!(value.get("pairs").is_none(), "{file}");
    }
    // Two issuers' reports of consecutive years are not a pair.
    let value = json(&ogilint(&[
        "check",
        "tests/pairs/qingshan-2022.txt",
        "tests/pairs/nanling-2023.txt",
        "--format",
        "json",
    ]));
    assert!(cross_year(&value).is_empty());
    assert!(value.get("pairs").is_none());
    // With the year-over-year rules off, reports are not paired at all.
    let value = json(&ogilint(&[
        "check",
        "tests/pairs",
        "--format",
        "json",
        "--ignore",
        "cross-year/",
    ]));
    assert!(cross_year(&value).is_empty());
    assert!(value.get("pairs").is_none());
}

#[test]
fn previous_pairs_two_files_explicitly_and_checks_only_the_new_one() {
    // Different issuers: paired only because the command line says so.
    let value = json(&ogilint(&[
        "check",
        "--previous",
        "tests/pairs/qingshan-2022.txt",
        "tests/pairs/nanling-2023.txt",
        "--format",
        "json",
    ]));
    let files: Vec<&str> = value["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|finding| finding["file"].as_str())
        .collect();
    assert!(files
        .iter()
        .all(|file| *file == "tests/pairs/nanling-2023.txt"));
    assert_eq!(value["summary"]["files"], 1);
    assert_eq!(
        cross_year(&value)
            .iter()
            .map(|finding| (finding.1.as_str(), finding.2.as_str(), finding.4.as_str()))
            .collect::<Vec<_>>(),
        // 规章 in force: 0 last year + 0 − 0, 3 reported; 行政规范性文件: 9 + 3 − 2 = 10, 17
        // reported; none carried in where 2 were carried forward.
        vec![
            ("cross-year/in-force", "3", "0"),
            ("cross-year/in-force", "17", "9"),
            ("cross-year/carried-over", "0", "2"),
            ("cross-year/carried-over", "0", "2"),
        ]
    );
}

#[test]
fn last_years_cell_is_shown_in_every_format() {
    let args = [
        "check",
        "tests/pairs/hexi-2021.txt",
        "tests/pairs/hexi-2022.txt",
    ];
    let human = stdout(&ogilint(&[&args[..], &["--ascii"]].concat()));
    assert!(
        human.contains("上年报告: tests/pairs/hexi-2021.txt:9:19 “28”"),
        "{human}"
    );
    let sarif = json(&ogilint(&[&args[..], &["--format", "sarif"]].concat()));
    let result = sarif["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|result| result["ruleId"] == "cross-year/in-force")
        .expect("the in-force finding");
    let related = &result["relatedLocations"][0]["physicalLocation"];
    assert_eq!(
        related["artifactLocation"]["uri"],
        "tests/pairs/hexi-2021.txt"
    );
    assert_eq!(related["region"]["startLine"], 9);
    assert_eq!(related["region"]["snippet"]["text"], "28");
}

#[test]
fn compare_shows_each_sections_similarity_and_the_changed_figures() {
    let value = json(&ogilint(&[
        "compare",
        "tests/pairs/hexi-2021.txt",
        "tests/pairs/hexi-2022.txt",
        "--format",
        "json",
    ]));
    assert_eq!(value["old"]["issuer"], "河西区人民政府");
    assert_eq!(value["new"]["year"], 2022);
    let five = &value["sections"][4];
    assert_eq!(five["section"], 5);
    assert_eq!(five["heading"], "五、存在的主要問題及改進情況");
    assert_eq!(five["similarity"], 0.47);
    let figures = value["figures"].as_array().expect("figures");
    assert!(figures.contains(&serde_json::json!({
        "table": "主动公开政府信息情况表 第二十条第(一)项",
        "row": "行政规范性文件",
        "column": "现行有效件数",
        "old": "28",
        "new": "30",
    })));
    // Unchanged figures are not listed.
    assert!(!figures.iter().any(|figure| figure["row"] == "规章"));
    let human = stdout(&ogilint(&[
        "compare",
        "tests/pairs/hexi-2021.txt",
        "tests/pairs/hexi-2022.txt",
    ]));
    assert!(
        human.contains("    47%  五、存在的主要問題及改進情況\n"),
        "{human}"
    );
    assert!(
        human.contains("/ 行政规范性文件 / 现行有效件数: 28 → 30\n"),
        "{human}"
    );
}

#[test]
fn compare_ends_quietly_when_its_reader_has_gone() {
    // `ogilint compare … | head` when head has already exited: the output cannot be written.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_ogilint"))
        .current_dir(common::ROOT)
        .args([
            "compare",
            "tests/pairs/hexi-2021.txt",
            "tests/pairs/hexi-2022.txt",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("ogilint runs");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("ogilint ends");
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
}

#[test]
fn a_collection_of_one_issuers_years_in_one_file_is_paired_within_itself() {
    let two_files = json(&ogilint(&[
        "check",
        "tests/pairs/nanling-2022.txt",
        "tests/pairs/nanling-2023.txt",
        "--format",
        "json",
    ]));
    let rules = |value: &Value| -> Vec<String> {
        value["findings"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|finding| finding["rule"].as_str())
            .filter(|rule| rule.starts_with("cross-year/"))
            .map(String::from)
            .collect()
    };
    assert!(!rules(&two_files).is_empty());
    let read = |file: &str| {
        std::fs::read_to_string(format!("{}/tests/pairs/{file}", common::ROOT)).expect("pair")
    };
    let dir = tempfile::tempdir().expect("temporary directory");
    let collection = dir.path().join("nanling.txt");
    std::fs::write(
        &collection,
        format!(
            "第一篇:\n{}\n第二篇:\n{}",
            read("nanling-2022.txt"),
            read("nanling-2023.txt")
        ),
    )
    .expect("collection written");
    let one_file = json(&ogilint(&[
        "check",
        collection.to_str().expect("a UTF-8 path"),
        "--format",
        "json",
    ]));
    assert_eq!(rules(&one_file), rules(&two_files));
}

#[test]
fn a_report_read_from_standard_input_is_scored_as_from_its_file() {
    // Sections are sketched from files read again once the pairs are known; standard input cannot
    // be read again, so its report must be sketched as it is checked, on either side of a pair.
    let from_files = json(&ogilint(&[
        "check",
        "tests/pairs/nanling-2022.txt",
        "tests/pairs/nanling-2023.txt",
        "--format",
        "json",
    ]));
    assert!(from_files["pairs"][0]["sections"]
        .as_array()
        .is_some_and(|sections| !sections.is_empty()));
    for (piped, other) in [
        (
            "tests/pairs/nanling-2022.txt",
            "tests/pairs/nanling-2023.txt",
        ),
        (
            "tests/pairs/nanling-2023.txt",
            "tests/pairs/nanling-2022.txt",
        ),
    ] {
        let text = std::fs::read_to_string(piped).expect("pair file");
        let piping = |format: &str| {
            assert_cmd::Command::cargo_bin("ogilint")
                .expect("binary is built")
                .env("NO_COLOR", "1")
                .env("COLUMNS", "100")
                .args(["check", "--format", format, "--stdin-filename", piped])
                .args(["-", other])
                .write_stdin(text.clone())
                .output()
                .expect("ogilint runs")
        };
        let from_stdin = json(&piping("json"));
        assert_eq!(from_stdin["pairs"], from_files["pairs"], "{piped}");
        assert_eq!(cross_year(&from_stdin), cross_year(&from_files), "{piped}");
        assert_eq!(from_stdin["summary"]["unreadable"], 0, "{piped}");
        // What people read shows the piped report's cross-year findings in its own text, under its
        // name, as for the file.
        assert_eq!(
            stdout(&piping("human")),
            stdout(&ogilint(&["check", piped, other])),
            "{piped}"
        );
    }
}

#[test]
fn pairs_are_compared_alike_whichever_year_is_checked_first() {
    // A report is read for its figures and sections as it is checked when the year beside it was
    // checked already, and from its file read again at the end otherwise. Named so that later
    // years sort first, the files take the other way, and must give the same pairs, scores and
    // findings.
    let directory = tempfile::tempdir().expect("temporary directory");
    let reversed = directory.path().display().to_string();
    for entry in std::fs::read_dir("tests/pairs").expect("pairs") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .to_string();
        let Some(year) = name
            .strip_suffix(".txt")
            .and_then(|stem| stem.rsplit('-').next())
            .and_then(|year| year.parse::<u32>().ok())
        else {
            continue;
        };
        let copy = format!("{reversed}/{}-{name}", 3000 - year);
        std::fs::copy(format!("tests/pairs/{name}"), copy).expect("copy");
    }
    let run = |directory: &str| {
        let value = json(&ogilint(&["check", "--format", "json", directory]));
        // The copies' names as the originals'.
        let text = regex::Regex::new(&format!("{}/[0-9]+-", regex::escape(directory)))
            .expect("pattern")
            .replace_all(&value.to_string(), "tests/pairs/")
            .to_string();
        let value: Value = serde_json::from_str(&text).expect("JSON");
        let mut pairs: Vec<String> = value["pairs"]
            .as_array()
            .expect("pairs")
            .iter()
            .map(Value::to_string)
            .collect();
        pairs.sort();
        let mut findings = cross_year(&value);
        findings.sort();
        (pairs, findings)
    };
    let in_order = run("tests/pairs");
    assert_eq!(in_order.0.len(), 5);
    assert_eq!(run(&reversed), in_order);
}

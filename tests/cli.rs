//! The command line as a user runs it: rendered output (snapshots), exit codes, formats, errors.

mod common;

use std::path::Path;

use common::{json, ogilint, stderr, stdout};

#[test]
fn human_output_on_every_seed() {
    for name in [
        "000_be1dd56c78923606",
        "001_e0f2844ddd246cd5",
        "002_8ea8eed0dcff065f",
        "003_7b0f8fbbe84c9ac2",
        "004_062f0ed1955165dd",
    ] {
        let output = ogilint(&["check", &format!("fixtures/{name}.txt")]);
        insta::assert_snapshot!(format!("human_{name}"), stdout(&output));
    }
}

#[test]
fn renders_cjk_full_width_and_quotes_under_the_right_characters() {
    let output = ogilint(&[
        "check",
        "fixtures/render/fullwidth-2020.txt",
        "--rules",
        "fixtures/rules/local.toml",
    ]);
    insta::assert_snapshot!("human_fullwidth", stdout(&output));
    let output = ogilint(&[
        "check",
        "fixtures/render/fullwidth-2020.txt",
        "--ascii",
        "--lang",
        "en",
    ]);
    insta::assert_snapshot!("human_fullwidth_ascii_en", stdout(&output));
}

#[test]
fn json_output_is_the_documented_contract() {
    let output = ogilint(&[
        "check",
        "fixtures/004_062f0ed1955165dd.txt",
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let value = json(&output);
    insta::assert_json_snapshot!("json_004", value);
    let finding = &value["findings"][0];
    for key in [
        "file", "document", "rule", "severity", "message", "span", "text",
    ] {
        assert!(finding.get(key).is_some(), "finding has no `{key}`");
    }
    for key in ["start", "end", "line", "column"] {
        assert!(finding["span"].get(key).is_some(), "span has no `{key}`");
    }
    let document = &value["documents"][0];
    for key in [
        "file",
        "index",
        "title",
        "issuer",
        "report_year",
        "regulation",
        "headings",
    ] {
        assert!(document.get(key).is_some(), "document has no `{key}`");
    }
    assert_eq!(value["summary"]["errors"], 1, "deadline/late");
    assert_eq!(
        value["summary"]["warnings"], 3,
        "period/missing, and required/fees and required/other-matters (2007 items)"
    );
}

#[test]
fn json_span_columns_count_characters() {
    let output = ogilint(&[
        "check",
        "fixtures/render/fullwidth-2020.txt",
        "--format",
        "json",
    ]);
    let value = json(&output);
    let mismatch = value["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["rule"] == "period/mismatch")
        .expect("period/mismatch is reported");
    assert_eq!(mismatch["span"]["line"], 2);
    assert_eq!(
        mismatch["span"]["column"], 7,
        "6 characters (18 bytes) precede the span"
    );
    assert_eq!(
        mismatch["text"],
        "数据统计期限为２０１９年１月１日至１２月３１日"
    );
}

#[test]
fn exit_codes_follow_fail_on() {
    // Only warnings: passes by default, fails with --fail-on warning.
    assert_eq!(
        ogilint(&["check", "fixtures/000_be1dd56c78923606.txt"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        ogilint(&[
            "check",
            "fixtures/000_be1dd56c78923606.txt",
            "--fail-on",
            "warning"
        ])
        .status
        .code(),
        Some(1)
    );
    // An error (a late publication date): fails by default, passes with --fail-on never.
    assert_eq!(
        ogilint(&["check", "fixtures/004_062f0ed1955165dd.txt"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        ogilint(&[
            "check",
            "fixtures/004_062f0ed1955165dd.txt",
            "--fail-on",
            "never"
        ])
        .status
        .code(),
        Some(0)
    );
    assert_eq!(
        ogilint(&["check"]).status.code(),
        Some(2),
        "a usage error exits 2"
    );
}

#[test]
fn an_unreadable_file_does_not_stop_the_others() {
    let output = ogilint(&[
        "check",
        "fixtures/no-such-report.txt",
        "fixtures/004_062f0ed1955165dd.txt",
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("fixtures/no-such-report.txt"),
        "{}",
        stderr(&output)
    );
    let value = json(&output);
    assert_eq!(value["summary"]["files"], 1);
    assert_eq!(value["summary"]["unreadable"], 1);
    assert_eq!(value["failures"][0]["file"], "fixtures/no-such-report.txt");
}

#[test]
fn a_binary_file_gets_a_clear_error() {
    let directory = tempdir("binary");
    let path = directory.join("scan.txt");
    std::fs::write(&path, [0u8, 159, 146, 150, 0, 1, 2]).expect("write");
    let output = ogilint(&["check", path.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("a binary file"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn directories_and_globs_are_expanded_in_path_order() {
    let value = json(&ogilint(&[
        "check",
        "fixtures/00[34]*.txt",
        "--format",
        "json",
    ]));
    assert_eq!(value["summary"]["files"], 2);
    let value = json(&ogilint(&["check", "fixtures", "--format", "json"]));
    let files: Vec<&str> = value["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .filter_map(|d| d["file"].as_str())
        .collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted);
    // The gold corpus's reports (every file there but the gold files) are found too.
    let corpus = std::fs::read_dir(format!("{}/fixtures/corpus", common::ROOT))
        .expect("corpus directory")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file() && !e.file_name().to_string_lossy().ends_with(".gold.toml"))
        .count();
    assert_eq!(
        value["summary"]["files"],
        82 + corpus,
        "5 seeds, docx/ (2), encodings/ (4), html/ (2), pdf/ (3), pdf/office/ (10 .docx, 10 .pdf), \
         pdf/office/borderless/ (22 .docx, 22 .pdf), render/, synthetic/ and corpus/"
    );
}

#[test]
fn invalid_rules_point_into_the_rule_file() {
    let directory = tempdir("bad-rules");
    let path = directory.join("bad.toml");
    std::fs::write(
        &path,
        "[[rule]]\nid = \"local/x\"\nseverity = \"error\"\napplies = [\"2019\"]\ntitle = { zh = \"x\" }\nmessage = { zh = \"x\" }\nhelp = { zh = \"x\" }\n[rule.pattern]\nforbid = \"(unclosed\"\n",
    )
    .expect("write");
    let output = ogilint(&[
        "check",
        "fixtures/002_8ea8eed0dcff065f.txt",
        "--rules",
        path.to_str().expect("utf-8"),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("invalid regular expression"), "{message}");
    assert!(
        message.contains("bad.toml:9:10"),
        "the error points at line 9 of the rule file: {message}"
    );
}

#[test]
fn rules_and_explain() {
    let output = ogilint(&["rules"]);
    assert_eq!(output.status.code(), Some(0));
    insta::assert_snapshot!("rules_list", stdout(&output));
    let output = ogilint(&["explain", "required/fees"]);
    insta::assert_snapshot!("explain_required_fees", stdout(&output));
    let output = ogilint(&["explain", "period/mismatch", "--lang", "en"]);
    assert!(stdout(&output).contains("does not match the report year"));
    let output = ogilint(&["explain", "no/such-rule"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn english_messages() {
    let output = ogilint(&["check", "fixtures/003_7b0f8fbbe84c9ac2.txt", "--lang", "en"]);
    let text = stdout(&output);
    assert!(
        text.contains("The report does not state the period its figures cover"),
        "{text}"
    );
    assert!(
        text.contains("Checked 1 file(s), 1 report(s): 0 error(s), 3 warning(s), 0 info(s)"),
        "{text}"
    );
}

#[test]
fn regulation_override() {
    let value = json(&ogilint(&[
        "check",
        "fixtures/004_062f0ed1955165dd.txt",
        "--format",
        "json",
        "--regulation",
        "2019",
    ]));
    assert_eq!(value["documents"][0]["regulation"], "2019");
    assert_eq!(value["documents"][0]["regulation_source"], "override");
    let rules: Vec<&str> = value["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["rule"].as_str())
        .collect();
    assert!(
        !rules.contains(&"required/fees"),
        "fees are a 2007-only item"
    );
}

fn tempdir(name: &str) -> std::path::PathBuf {
    let directory = std::env::temp_dir().join(format!("ogilint-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&directory).expect("temp dir");
    assert!(Path::new(&directory).is_dir());
    directory
}

#[test]
fn output_order_does_not_depend_on_threads() {
    let one = ogilint(&["check", "fixtures", "--format", "json", "--threads", "1"]);
    let four = ogilint(&["check", "fixtures", "--format", "json", "--threads", "4"]);
    let per_core = ogilint(&["check", "fixtures", "--format", "json", "--threads", "0"]);
    assert_eq!(stdout(&one), stdout(&four));
    assert_eq!(stdout(&one), stdout(&per_core));
    assert!(!stdout(&one).is_empty());
}

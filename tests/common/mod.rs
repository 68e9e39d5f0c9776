//! Helpers shared by the command-line tests: run the binary, read what it printed.

// Each test crate includes this module and uses a part of it.
#![allow(dead_code)]

use std::path::Path;
use std::process::Output;

use assert_cmd::Command;

/// The repository root, where `fixtures/` is.
pub const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Runs `ogilint ARGS` in `directory`, without colour, at a fixed width.
pub fn ogilint_in(directory: &Path, args: &[&str]) -> Output {
    Command::cargo_bin("ogilint")
        .expect("binary is built")
        .current_dir(directory)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .args(args)
        .output()
        .expect("ogilint runs")
}

/// Runs `ogilint ARGS` in the repository root.
pub fn ogilint(args: &[&str]) -> Output {
    ogilint_in(Path::new(ROOT), args)
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

pub fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

/// Writes `text` as `name` in a fresh directory and runs `ogilint check name --format json ARGS`
/// there; the run must end with 0 or 1.
pub fn check_json_of(name: &str, text: &str, args: &[&str]) -> serde_json::Value {
    let directory = tempfile::tempdir().expect("temporary directory");
    std::fs::write(directory.path().join(name), text).expect("report is written");
    let mut all = vec!["check", name, "--format", "json"];
    all.extend_from_slice(args);
    let output = ogilint_in(directory.path(), &all);
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{}",
        stderr(&output)
    );
    json(&output)
}

/// `(rule, text, severity)` of every finding of `text` checked as a file named `name`, with
/// `args` after it.
pub fn findings_of(name: &str, text: &str, args: &[&str]) -> Vec<(String, String, String)> {
    check_json_of(name, text, args)["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|finding| {
            let field = |key: &str| finding[key].as_str().unwrap_or("").to_string();
            (field("rule"), field("text"), field("severity"))
        })
        .collect()
}

/// The (document, rule) of every finding in a JSON run, in output order.
pub fn rules_by_document(value: &serde_json::Value) -> Vec<(u64, String)> {
    value["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["document"].as_u64().unwrap_or(0),
                f["rule"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

/// A report's paragraphs filled to `width` columns, as text copied out of a printed page arrives
/// (a Chinese character takes two columns; table rows stay whole).
pub fn hard_wrapped(text: &str, width: usize) -> String {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        if paragraph.contains('|') {
            lines.push(paragraph.to_string());
            continue;
        }
        let (mut line, mut used) = (String::new(), 0);
        for ch in paragraph.chars() {
            let columns = if ch.len_utf8() == 3 { 2 } else { 1 };
            if used + columns > width {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(ch);
            used += columns;
        }
        lines.push(line);
    }
    lines.join("\n")
}

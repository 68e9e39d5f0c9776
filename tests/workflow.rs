//! Fitting the places people work: config discovery and inheritance, custom rules with tests,
//! suppression comments, and every output format.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Output};

use common::{ogilint_in, stderr, stdout};
use tempfile::TempDir;

const SEEDS: &str = env!("CARGO_MANIFEST_DIR");

fn seed(name: &str) -> String {
    fs::read_to_string(format!("{SEEDS}/fixtures/{name}")).expect("fixture is readable")
}

/// `(rule, severity)` of every finding in a JSON run.
fn rules_of(output: &Output) -> Vec<(String, String)> {
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    value["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or("").to_string(),
                f["severity"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("mkdir");
    }
    fs::write(path, text).expect("write");
}

/// A project: root config ignores the title rule; `sub/` extends it and raises period/missing to
/// an error; `other/` has its own config without `extend`.
fn project() -> TempDir {
    let root = tempfile::tempdir().expect("tempdir");
    let report = seed("001_e0f2844ddd246cd5.txt");
    write(&root.path().join("ogilint.toml"), "ignore = [\"title/\"]\n");
    write(&root.path().join("a.txt"), &report);
    write(
        &root.path().join("sub/ogilint.toml"),
        "extend = \"../ogilint.toml\"\n[severity]\n\"period/missing\" = \"error\"\n",
    );
    write(&root.path().join("sub/b.txt"), &report);
    write(
        &root.path().join("other/.ogilint.toml"),
        "select = [\"period/\"]\n",
    );
    write(&root.path().join("other/c.txt"), &report);
    root
}

#[test]
fn the_closest_config_wins_and_extend_merges_per_key() {
    let root = project();
    let output = ogilint_in(root.path(), &["check", "a.txt", "--format", "json"]);
    let rules = rules_of(&output);
    assert!(
        !rules.iter().any(|(rule, _)| rule.starts_with("title/")),
        "root config ignores title/"
    );
    assert!(rules.contains(&("period/missing".into(), "warning".into())));

    let output = ogilint_in(root.path(), &["check", "sub/b.txt", "--format", "json"]);
    let rules = rules_of(&output);
    assert!(
        !rules.iter().any(|(rule, _)| rule.starts_with("title/")),
        "inherited through extend"
    );
    assert!(
        rules.contains(&("period/missing".into(), "error".into())),
        "sub's severity override"
    );

    let output = ogilint_in(root.path(), &["check", "other/c.txt", "--format", "json"]);
    let rules = rules_of(&output);
    assert!(
        rules.iter().all(|(rule, _)| rule.starts_with("period/")),
        "other/ selects period/ only: {rules:?}"
    );
    assert!(!rules.is_empty());

    let output = ogilint_in(
        root.path(),
        &["check", "a.txt", "--format", "json", "--isolated"],
    );
    assert!(
        rules_of(&output)
            .iter()
            .any(|(rule, _)| rule.starts_with("title/")),
        "--isolated ignores configs"
    );
}

#[test]
fn config_show_names_where_each_setting_came_from() {
    let root = project();
    let output = ogilint_in(root.path(), &["config", "--show", "sub/b.txt"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    let sub = root.path().join("sub/ogilint.toml");
    let top = root.path().join("ogilint.toml");
    assert!(
        text.contains(&format!("ignore = [\"title/\"]  # {}", top.display())),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "\"period/missing\" = \"error\"  # {}",
            sub.display()
        )),
        "{text}"
    );
}

#[test]
fn per_file_ignores_and_fail_on_from_the_config() {
    let root = tempfile::tempdir().expect("tempdir");
    write(
        &root.path().join("ogilint.toml"),
        "fail-on = \"never\"\n[per-file-ignores]\n\"archive/**\" = [\"required/\", \"period/missing\", \"deadline/\"]\n",
    );
    write(
        &root.path().join("archive/2009/report.txt"),
        &seed("004_062f0ed1955165dd.txt"),
    );
    let output = ogilint_in(root.path(), &["check", "archive", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "fail-on = never");
    assert_eq!(rules_of(&output), Vec::<(String, String)>::new());
}

#[test]
fn config_errors_point_into_the_config_file() {
    let root = tempfile::tempdir().expect("tempdir");
    write(
        &root.path().join("ogilint.toml"),
        "fail-on = \"error\"\nselct = [\"period/\"]\n",
    );
    write(
        &root.path().join("r.txt"),
        &seed("003_7b0f8fbbe84c9ac2.txt"),
    );
    let output = ogilint_in(root.path(), &["check", "r.txt"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("unknown field `selct`"), "{message}");
    assert!(message.contains("ogilint.toml:2:1"), "{message}");

    write(
        &root.path().join("ogilint.toml"),
        "ignore = [\"period/mising\"]\n",
    );
    let output = ogilint_in(root.path(), &["check", "r.txt"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("`period/mising` names no loaded rule"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn init_writes_a_starter_whose_example_rule_passes_and_never_overwrites() {
    let root = tempfile::tempdir().expect("tempdir");
    let output = ogilint_in(root.path(), &["init"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(root.path().join("ogilint.toml").is_file());
    let output = ogilint_in(root.path(), &["test", "ogilint-rules/local.toml"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("PASS  local/fee-statement example #1 (fires)"));
    assert!(stdout(&output).contains("2 passed, 0 failed"));

    let before = fs::read(root.path().join("ogilint.toml")).expect("read");
    let output = ogilint_in(root.path(), &["init"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        fs::read(root.path().join("ogilint.toml")).expect("read"),
        before,
        "nothing is overwritten"
    );

    // The starter config loads the starter rules.
    write(
        &root.path().join("r.txt"),
        "某局2021年政府信息公开工作年度报告\n六、其他需要报告的事项\n无。\n",
    );
    let output = ogilint_in(root.path(), &["check", "r.txt", "--format", "json"]);
    assert!(rules_of(&output)
        .iter()
        .any(|(rule, _)| rule == "local/fee-statement"));
}

#[test]
fn ogilint_test_fails_on_a_wrong_example_and_warns_without_examples() {
    let root = tempfile::tempdir().expect("tempdir");
    let rule = |id: &str, examples: &str| {
        format!(
            "[[rule]]\nid = \"{id}\"\nseverity = \"warning\"\napplies = [\"2019\"]\ntitle = {{ zh = \"t\" }}\nmessage = {{ zh = \"m\" }}\nhelp = {{ zh = \"h\" }}\n[rule.pattern]\nscope = \"title\"\nforbid = \"工作总结\"\n{examples}"
        )
    };
    let wrong =
        "[[rule.examples]]\nfires = true\ntext = \"某局2020年政府信息公开工作年度报告\\n\"\n";
    write(
        &root.path().join("rules.toml"),
        &(rule("local/a", wrong) + &rule("local/b", "")),
    );
    let output = ogilint_in(root.path(), &["test", "rules.toml"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.contains("FAIL  local/a example #1 (fires): expected the rule to fire, it did not"),
        "{text}"
    );
    assert!(text.contains("warning: local/b has no examples"), "{text}");
}

#[test]
fn suppression_comments_in_markdown() {
    let root = tempfile::tempdir().expect("tempdir");
    let report = format!(
        "<!-- ogilint-disable period/missing -->\n<!-- ogilint-disable-next-line contact/missing -->\n{}",
        seed("003_7b0f8fbbe84c9ac2.txt")
    );
    write(&root.path().join("r.md"), &report);
    let output = ogilint_in(root.path(), &["check", "r.md", "--format", "json"]);
    let rules = rules_of(&output);
    assert!(
        !rules.iter().any(|(rule, _)| rule == "period/missing"),
        "{rules:?}"
    );
    assert!(
        rules.contains(&("contact/missing".into(), "warning".into())),
        "the next line is not where it fires"
    );
    assert!(
        rules.contains(&("suppression/unused".into(), "warning".into())),
        "{rules:?}"
    );

    // In a .txt file the comment is not a suppression.
    write(&root.path().join("r.txt"), &report);
    let rules = rules_of(&ogilint_in(
        root.path(),
        &["check", "r.txt", "--format", "json"],
    ));
    assert!(rules.iter().any(|(rule, _)| rule == "period/missing"));
}

fn fixtures() -> PathBuf {
    PathBuf::from(SEEDS)
}

#[test]
fn concise_github_and_junit_formats() {
    let args = |format: &str| {
        ogilint_in(
            &fixtures(),
            &[
                "check",
                "fixtures/004_062f0ed1955165dd.txt",
                "fixtures/render/fullwidth-2020.txt",
                "--format",
                format,
            ],
        )
    };
    insta::assert_snapshot!("format_concise", stdout(&args("concise")));
    insta::assert_snapshot!("format_github", stdout(&args("github")));
    insta::assert_snapshot!("format_junit", stdout(&args("junit")));
}

#[test]
fn output_file_statistics_quiet_and_exit_zero() {
    let root = tempfile::tempdir().expect("tempdir");
    let out = root.path().join("out.json");
    let output = ogilint_in(
        &fixtures(),
        &[
            "check",
            "fixtures/001_e0f2844ddd246cd5.txt",
            "--format",
            "json",
            "--output",
            out.to_str().expect("utf-8"),
            "--exit-zero",
        ],
    );
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty());
    let value: serde_json::Value =
        serde_json::from_slice(&fs::read(&out).expect("written")).expect("JSON");
    assert_eq!(value["summary"]["documents"], 5);

    let output = ogilint_in(
        &fixtures(),
        &[
            "check",
            "fixtures/001_e0f2844ddd246cd5.txt",
            "--statistics",
            "--quiet",
        ],
    );
    insta::assert_snapshot!("statistics", stdout(&output));
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let root = tempfile::tempdir().expect("tempdir");
    let log = root.path().join("run.sarif");
    let output = ogilint_in(
        &fixtures(),
        &[
            "check",
            "fixtures",
            "--format",
            "sarif",
            "--output",
            log.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let value: serde_json::Value =
        serde_json::from_slice(&fs::read(&log).expect("written")).expect("JSON");
    assert_eq!(value["version"], "2.1.0");
    assert_eq!(value["runs"][0]["columnKind"], "unicodeCodePoints");
    let result = &value["runs"][0]["results"][0];
    assert!(result["locations"][0]["physicalLocation"]["region"]["startColumn"].is_u64());

    let validator = StdCommand::new("python3")
        .arg(format!("{SEEDS}/tests/tools/validate_sarif.py"))
        .arg(format!("{SEEDS}/tests/tools/sarif-2.1.0.json"))
        .arg(&log)
        .output();
    match validator {
        Ok(run) if run.status.success() => {}
        Ok(run)
            if String::from_utf8_lossy(&run.stderr).contains("No module named 'jsonschema'")
                && std::env::var_os("CI").is_none() =>
        {
            eprintln!(
                "skipped schema validation: `pip install jsonschema` to run it (CI always does)"
            );
        }
        Ok(run) => panic!(
            "SARIF does not validate:\n{}{}",
            String::from_utf8_lossy(&run.stdout),
            String::from_utf8_lossy(&run.stderr)
        ),
        Err(error) if std::env::var_os("CI").is_none() => {
            eprintln!("skipped schema validation: no python3 ({error})")
        }
        Err(error) => panic!("python3 is needed in CI: {error}"),
    }
}

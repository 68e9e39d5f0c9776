//! Evaluation against the gold corpus: every report under `fixtures/corpus/` (and the seeds and
//! the real report the gold files there name) is checked with the built binary, and its findings
//! are compared with the findings its gold file says a correct checker gives. Prints precision
//! and recall per rule (also written to `target/corpus-report.md`) and asserts that
//! error-severity findings are 100 % precise and that at least 95 % of the gold findings are found.
//!
//! `OGILINT_CORPUS_REPORT_ONLY=1` prints the table without asserting (to measure a build that is
//! known to fall short). Gold files are described in `docs/corpus.md`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Deserialize;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// One gold file: the report it describes and one entry per report in that file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Gold {
    /// The report, relative to the gold file's directory; absent: the file beside the gold file
    /// with the same name.
    file: Option<String>,
    /// The report, relative to the shared reference directory (`../shared`); the report is
    /// skipped, with a message, where that directory is absent.
    shared: Option<String>,
    document: Vec<DocumentGold>,
}

/// What one report holds, read by hand or built in. The fields the evaluation does not compare
/// are there for people reading the gold (and are checked for well-formedness when loaded).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct DocumentGold {
    title: String,
    /// `government` or `department`.
    issuer_kind: Option<String>,
    /// province, city, county, district, township, department.
    level: Option<String>,
    report_year: u16,
    /// txt, txt-flat, md, html, docx, pdf.
    form: Option<String>,
    shape: Option<String>,
    /// `2019-trial`, `2021`, or none (2007-text reports).
    table_layout: Option<String>,
    #[allow(dead_code)]
    regulation: Option<String>,
    /// Which content items are present (the six sections of the format, or the 2007 items).
    #[allow(dead_code)]
    sections: Vec<String>,
    period: bool,
    #[allow(dead_code)]
    period_year: Option<u16>,
    #[allow(dead_code)]
    contact: bool,
    /// `YYYY-MM-DD`, or absent when the report carries no date.
    published: Option<String>,
    /// Each identity of tables 三 and 四: `balanced` or `broken`.
    #[allow(dead_code)]
    tables: Option<BTreeMap<String, String>>,
    #[allow(dead_code)]
    note: Option<String>,
    #[serde(default)]
    expect: Vec<Expected>,
    #[serde(default)]
    allow: Vec<Allowed>,
}

/// A finding a correct checker must give.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    rule: String,
    severity: String,
    /// The original text the finding underlines, where it is certain.
    text: Option<String>,
    why: Option<String>,
}

/// A finding a correct checker may give or not: counted neither as right nor as wrong.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Allowed {
    rule: String,
    severity: String,
    why: String,
}

#[derive(Debug, Clone)]
struct Actual {
    document: usize,
    rule: String,
    severity: String,
    text: String,
}

#[derive(Default, Clone, Copy)]
struct Counts {
    true_positives: usize,
    false_positives: usize,
    false_negatives: usize,
    allowed: usize,
}

impl Counts {
    fn precision(&self) -> Option<f64> {
        let found = self.true_positives + self.false_positives;
        (found > 0).then(|| self.true_positives as f64 / found as f64)
    }
    fn recall(&self) -> Option<f64> {
        let gold = self.true_positives + self.false_negatives;
        (gold > 0).then(|| self.true_positives as f64 / gold as f64)
    }
    fn add(&mut self, other: Counts) {
        self.true_positives += other.true_positives;
        self.false_positives += other.false_positives;
        self.false_negatives += other.false_negatives;
        self.allowed += other.allowed;
    }
}

fn percent(value: Option<f64>) -> String {
    value.map_or("—".to_string(), |v| format!("{:.1} %", v * 100.0))
}

/// Every gold file under `fixtures/corpus/`, with the report it describes (None: skipped, with
/// the reason).
fn gold_files() -> Vec<(PathBuf, Gold, Result<PathBuf, String>)> {
    let mut paths = Vec::new();
    let mut stack = vec![Path::new(ROOT).join("fixtures/corpus")];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).expect("corpus directory is readable") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.to_string_lossy().ends_with(".gold.toml") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    let shared = Path::new(ROOT).join("../shared");
    paths
        .into_iter()
        .map(|gold_path| {
            let text = fs::read_to_string(&gold_path).expect("gold file is readable");
            let gold: Gold =
                toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", gold_path.display()));
            let dir = gold_path.parent().expect("gold file has a directory");
            let report = if let Some(file) = &gold.file {
                Ok(dir.join(file))
            } else if let Some(file) = &gold.shared {
                let path = shared.join(file);
                if path.exists() {
                    Ok(path)
                } else {
                    Err(format!(
                        "{} skipped: {} is absent (the shared reference directory is not here)",
                        gold_path.display(),
                        path.display()
                    ))
                }
            } else {
                let name = gold_path.file_name().expect("file name").to_string_lossy();
                let stem = name.trim_end_matches(".gold.toml");
                let sibling = fs::read_dir(dir)
                    .expect("corpus directory is readable")
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .find(|p| {
                        let n = p.file_name().map(|n| n.to_string_lossy().into_owned());
                        n.as_deref().is_some_and(|n| {
                            !n.ends_with(".gold.toml")
                                && n.rsplit_once('.').is_some_and(|(s, _)| s == stem)
                        })
                    });
                sibling.ok_or_else(|| format!("{}: no report beside it", gold_path.display()))
            };
            (gold_path, gold, report)
        })
        .collect()
}

/// Runs the binary once on every report and returns its JSON output. The corpus's reports are
/// written each on its own, so two of one issuer's consecutive years do not continue each other
/// on purpose: the year-over-year rules are left out here (`tests/years.rs` tests them on pairs
/// written to continue or break).
fn run_ogilint(reports: &[PathBuf]) -> serde_json::Value {
    let output = Command::new(env!("CARGO_BIN_EXE_ogilint"))
        .arg("check")
        .args(["--format", "json", "--isolated", "--fail-on", "never"])
        .args(["--ignore", "cross-year/"])
        .args(reports)
        .env("NO_COLOR", "1")
        .output()
        .expect("ogilint runs");
    assert!(
        output.status.success(),
        "ogilint failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("ogilint prints JSON")
}

/// A date as written (`2022年1月20日`, `2022-01-20`, `２０２２年…`, `二〇二二年一月二十日`) as
/// `YYYY-MM-DD`.
fn date_numbers(written: &str) -> Option<String> {
    let digit = |c: char| match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        '〇' | '○' | 'O' | 'o' | '零' => Some(0),
        _ => "一二三四五六七八九".find(c).map(|i| i as u32 / 3 + 1),
    };
    // Runs of digits, with 十 read as a tens marker (十五 = 15, 二十 = 20, 二十五 = 25).
    let mut numbers = Vec::new();
    let mut current: Option<u32> = None;
    let mut tens = false;
    for c in written.chars() {
        if c == '十' {
            current = Some(current.unwrap_or(1) * 10);
            tens = true;
        } else if let Some(d) = digit(c) {
            current = Some(match current {
                Some(n) if tens => n + d,
                Some(n) => n * 10 + d,
                None => d,
            });
        } else if let Some(n) = current.take() {
            numbers.push(n);
            tens = false;
        }
    }
    numbers.extend(current);
    match numbers.as_slice() {
        [y, m, d, ..] => Some(format!("{y:04}-{m:02}-{d:02}")),
        _ => None,
    }
}

/// Matches a document's findings with its gold; returns counts per rule and the lines that
/// explain each miss and each false finding.
fn compare(
    label: &str,
    gold: &DocumentGold,
    actual: &[Actual],
    per_rule: &mut BTreeMap<(String, String), Counts>,
    misses: &mut Vec<String>,
    false_findings: &mut Vec<String>,
    allowed_findings: &mut Vec<String>,
) {
    let mut used = vec![false; actual.len()];
    let mut matched = vec![false; gold.expect.len()];
    // Expectations that name the underlined text first, then those that do not.
    for pass_with_text in [true, false] {
        for (i, expected) in gold.expect.iter().enumerate() {
            if matched[i] || expected.text.is_some() != pass_with_text {
                continue;
            }
            let hit = actual.iter().enumerate().position(|(j, a)| {
                !used[j]
                    && a.rule == expected.rule
                    && a.severity == expected.severity
                    && expected.text.as_ref().is_none_or(|t| *t == a.text)
            });
            if let Some(j) = hit {
                used[j] = true;
                matched[i] = true;
            }
        }
    }
    for (i, expected) in gold.expect.iter().enumerate() {
        let counts = per_rule
            .entry((expected.rule.clone(), expected.severity.clone()))
            .or_default();
        if matched[i] {
            counts.true_positives += 1;
        } else {
            counts.false_negatives += 1;
            misses.push(format!(
                "{label}: missed {} ({}){}{}",
                expected.rule,
                expected.severity,
                expected
                    .text
                    .as_ref()
                    .map_or(String::new(), |t| format!(" on “{t}”")),
                expected
                    .why
                    .as_ref()
                    .map_or(String::new(), |w| format!(" — {w}"))
            ));
        }
    }
    for (j, a) in actual.iter().enumerate() {
        if used[j] {
            continue;
        }
        let counts = per_rule
            .entry((a.rule.clone(), a.severity.clone()))
            .or_default();
        if let Some(allowed) = gold
            .allow
            .iter()
            .find(|allowed| allowed.rule == a.rule && allowed.severity == a.severity)
        {
            counts.allowed += 1;
            allowed_findings.push(format!(
                "{label}: {} ({}) — {}",
                a.rule, a.severity, allowed.why
            ));
        } else {
            counts.false_positives += 1;
            let text: String = a.text.chars().take(30).collect();
            false_findings.push(format!(
                "{label}: false {} ({}) on “{text}”",
                a.rule, a.severity
            ));
        }
    }
}

#[test]
fn corpus_against_gold() {
    let entries = gold_files();
    let mut skipped = Vec::new();
    let mut runnable = Vec::new();
    for (gold_path, gold, report) in entries {
        match report {
            Ok(path) => runnable.push((gold_path, gold, path)),
            Err(reason) => skipped.push(reason),
        }
    }
    assert!(runnable.len() >= 36, "the corpus has too few reports");
    let reports: Vec<PathBuf> = runnable.iter().map(|(_, _, p)| p.clone()).collect();
    let json = run_ogilint(&reports);
    let failures = json["failures"].as_array().cloned().unwrap_or_default();
    assert!(failures.is_empty(), "unreadable reports: {failures:?}");

    let mut per_rule: BTreeMap<(String, String), Counts> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut false_findings = Vec::new();
    let mut recognition: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut recognition_misses = Vec::new();
    let mut documents_total = 0;
    let mut composition: BTreeMap<&str, BTreeMap<String, usize>> = BTreeMap::new();
    let mut allowed_findings = Vec::new();
    // per form: reports, false errors, other false findings, missed findings
    let mut per_form: BTreeMap<String, [usize; 4]> = BTreeMap::new();
    for (gold_path, gold, report) in &runnable {
        let file = report.to_string_lossy();
        let name = gold_path
            .strip_prefix(ROOT)
            .unwrap_or(gold_path)
            .to_string_lossy()
            .trim_end_matches(".gold.toml")
            .trim_start_matches("fixtures/corpus/")
            .to_string();
        let findings: Vec<Actual> = json["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter(|f| f["file"].as_str() == Some(&*file))
            .map(|f| Actual {
                document: f["document"].as_u64().unwrap_or(0) as usize,
                rule: f["rule"].as_str().unwrap_or("").to_string(),
                severity: f["severity"].as_str().unwrap_or("").to_string(),
                text: f["text"].as_str().unwrap_or("").to_string(),
            })
            .collect();
        let documents: Vec<&serde_json::Value> = json["documents"]
            .as_array()
            .expect("documents")
            .iter()
            .filter(|d| d["file"].as_str() == Some(&*file))
            .collect();
        let count = recognition.entry("reports in the file").or_default();
        count.1 += 1;
        if documents.len() == gold.document.len() {
            count.0 += 1;
        } else {
            recognition_misses.push(format!(
                "{name}: {} reports recognised, gold has {}",
                documents.len(),
                gold.document.len()
            ));
        }
        for (index, document_gold) in gold.document.iter().enumerate() {
            documents_total += 1;
            for (what, value) in [
                ("form", document_gold.form.clone()),
                ("level", document_gold.level.clone()),
                ("report year", Some(document_gold.report_year.to_string())),
                ("table layout", document_gold.table_layout.clone()),
                ("shape", document_gold.shape.clone()),
            ] {
                *composition
                    .entry(what)
                    .or_default()
                    .entry(value.unwrap_or_else(|| "—".to_string()))
                    .or_default() += 1;
            }
            let label = if gold.document.len() > 1 {
                format!("{name}#{index}")
            } else {
                name.clone()
            };
            let actual: Vec<Actual> = findings
                .iter()
                .filter(|f| f.document == index)
                .cloned()
                .collect();
            let mut document_counts = BTreeMap::new();
            compare(
                &label,
                document_gold,
                &actual,
                &mut document_counts,
                &mut misses,
                &mut false_findings,
                &mut allowed_findings,
            );
            let form = per_form
                .entry(
                    document_gold
                        .form
                        .clone()
                        .unwrap_or_else(|| "—".to_string()),
                )
                .or_default();
            form[0] += 1;
            for ((rule, severity), counts) in document_counts {
                form[if severity == "error" { 1 } else { 2 }] += counts.false_positives;
                form[3] += counts.false_negatives;
                per_rule.entry((rule, severity)).or_default().add(counts);
            }
            let Some(document) = documents.get(index) else {
                continue;
            };
            let count = recognition.entry("statistics period found").or_default();
            count.1 += 1;
            if document["period"].is_string() == document_gold.period {
                count.0 += 1;
            } else {
                recognition_misses.push(format!(
                    "{label}: period {} but gold says {}",
                    if document["period"].is_string() {
                        "found"
                    } else {
                        "not found"
                    },
                    if document_gold.period {
                        "present"
                    } else {
                        "absent"
                    }
                ));
            }
            let count = recognition.entry("publication date").or_default();
            count.1 += 1;
            let found = document["published"]["date"]
                .as_str()
                .and_then(date_numbers);
            if found == document_gold.published {
                count.0 += 1;
            } else {
                recognition_misses.push(format!(
                    "{label}: publication date {found:?}, gold {:?}",
                    document_gold.published
                ));
            }
            let count = recognition.entry("title").or_default();
            count.1 += 1;
            // Compared without spaces and Markdown marks, which the title's original text keeps.
            let bare = |t: &str| -> String {
                t.chars()
                    .filter(|c| !c.is_whitespace() && *c != '#' && *c != '*')
                    .collect()
            };
            if document["title"].as_str().map(bare) == Some(bare(&document_gold.title)) {
                count.0 += 1;
            } else {
                recognition_misses.push(format!(
                    "{label}: title {} but gold “{}”",
                    document["title"], document_gold.title
                ));
            }
            if let Some(kind) = &document_gold.issuer_kind {
                let count = recognition.entry("issuer kind").or_default();
                count.1 += 1;
                if document["issuer_kind"].as_str() == Some(kind.as_str()) {
                    count.0 += 1;
                } else {
                    recognition_misses.push(format!(
                        "{label}: issuer kind {} but gold {kind}",
                        document["issuer_kind"]
                    ));
                }
            }
            let count = recognition.entry("report year").or_default();
            count.1 += 1;
            if document["report_year"]["year"].as_u64()
                == Some(u64::from(document_gold.report_year))
            {
                count.0 += 1;
            } else {
                recognition_misses.push(format!(
                    "{label}: report year {} but gold {}",
                    document["report_year"]["year"], document_gold.report_year
                ));
            }
        }
    }

    let mut overall = Counts::default();
    let mut errors = Counts::default();
    let mut table = String::new();
    let _ = writeln!(
        table,
        "Corpus: {} files, {} reports.\n",
        runnable.len(),
        documents_total
    );
    let _ = writeln!(
        table,
        "| rule | severity | gold | found | right | false | missed | allowed | precision | recall |"
    );
    let _ = writeln!(table, "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for ((rule, severity), counts) in &per_rule {
        overall.add(*counts);
        if severity == "error" {
            errors.add(*counts);
        }
        let _ = writeln!(
            table,
            "| `{rule}` | {severity} | {} | {} | {} | {} | {} | {} | {} | {} |",
            counts.true_positives + counts.false_negatives,
            counts.true_positives + counts.false_positives,
            counts.true_positives,
            counts.false_positives,
            counts.false_negatives,
            counts.allowed,
            percent(counts.precision()),
            percent(counts.recall())
        );
    }
    for (label, counts) in [("all errors", errors), ("all", overall)] {
        let _ = writeln!(
            table,
            "| **{label}** | | {} | {} | {} | {} | {} | {} | {} | {} |",
            counts.true_positives + counts.false_negatives,
            counts.true_positives + counts.false_positives,
            counts.true_positives,
            counts.false_positives,
            counts.false_negatives,
            counts.allowed,
            percent(counts.precision()),
            percent(counts.recall())
        );
    }
    let _ = writeln!(
        table,
        "\nBy form:\n\n| form | reports | false errors | other false findings | missed |\n|---|---:|---:|---:|---:|"
    );
    for (form, [reports, false_errors, false_others, missed]) in &per_form {
        let _ = writeln!(
            table,
            "| {form} | {reports} | {false_errors} | {false_others} | {missed} |"
        );
    }
    let _ = writeln!(table, "\nThe corpus:\n");
    for (what, values) in &composition {
        let list: Vec<String> = values.iter().map(|(v, n)| format!("{v} {n}")).collect();
        let _ = writeln!(table, "- {what}: {}", list.join(", "));
    }
    let _ = writeln!(table, "\nRecognition:\n");
    let _ = writeln!(table, "| what | right | of |\n|---|---:|---:|");
    for (what, (right, of)) in &recognition {
        let _ = writeln!(table, "| {what} | {right} | {of} |");
    }
    for (heading, lines) in [
        ("Missed (gold findings not given)", &misses),
        ("False findings", &false_findings),
        ("Allowed (neither right nor wrong)", &allowed_findings),
        ("Recognition differences", &recognition_misses),
        ("Skipped", &skipped),
    ] {
        if lines.is_empty() {
            continue;
        }
        let _ = writeln!(table, "\n{heading}:\n");
        for line in lines.iter() {
            let _ = writeln!(table, "- {line}");
        }
    }
    eprintln!("{table}");
    let target = Path::new(ROOT).join("target");
    if fs::create_dir_all(&target).is_ok() {
        let _ = fs::write(target.join("corpus-report.md"), &table);
    }

    if std::env::var_os("OGILINT_CORPUS_REPORT_ONLY").is_some() {
        return;
    }
    assert_eq!(
        errors.false_positives, 0,
        "error-severity findings must be 100 % precise on the corpus (see the table above)"
    );
    let recall = overall.recall().unwrap_or(1.0);
    assert!(
        recall >= 0.95,
        "recall of gold findings is {:.1} %, below 95 % (see the table above)",
        recall * 100.0
    );
}

#[test]
fn dates_are_read_as_written() {
    assert_eq!(date_numbers("2022-01-20").as_deref(), Some("2022-01-20"));
    assert_eq!(date_numbers("2023年1月17日").as_deref(), Some("2023-01-17"));
    assert_eq!(
        date_numbers("２０２６年１月１５日").as_deref(),
        Some("2026-01-15")
    );
    assert_eq!(
        date_numbers("二O一O年三月五日").as_deref(),
        Some("2010-03-05")
    );
    assert_eq!(
        date_numbers("二〇二二年十二月二十五日").as_deref(),
        Some("2022-12-25")
    );
    assert_eq!(date_numbers("2022年3月"), None);
}

#[test]
fn findings_are_matched_by_rule_severity_and_text() {
    let gold: Gold = toml::from_str(
        r#"
        [[document]]
        title = "某局2021年政府信息公开工作年度报告"
        report-year = 2021
        sections = []
        period = true
        contact = true

        [[document.expect]]
        rule = "table/balance"
        severity = "error"
        text = "35"

        [[document.expect]]
        rule = "period/missing"
        severity = "warning"

        [[document.allow]]
        rule = "table/layout"
        severity = "warning"
        why = "either way"
        "#,
    )
    .expect("gold parses");
    let actual = |rule: &str, severity: &str, text: &str| Actual {
        document: 0,
        rule: rule.to_string(),
        severity: severity.to_string(),
        text: text.to_string(),
    };
    let findings = [
        actual("table/balance", "error", "36"),
        actual("period/missing", "warning", ""),
        actual("table/layout", "warning", ""),
        actual("required/overview", "error", ""),
    ];
    let mut per_rule = BTreeMap::new();
    let (mut misses, mut false_findings, mut allowed) = (Vec::new(), Vec::new(), Vec::new());
    compare(
        "x",
        &gold.document[0],
        &findings,
        &mut per_rule,
        &mut misses,
        &mut false_findings,
        &mut allowed,
    );
    let counts = |rule: &str, severity: &str| {
        let c: Counts = per_rule[&(rule.to_string(), severity.to_string())];
        (
            c.true_positives,
            c.false_positives,
            c.false_negatives,
            c.allowed,
        )
    };
    // The balance finding underlines another cell: one miss and one false finding.
    assert_eq!(counts("table/balance", "error"), (0, 1, 1, 0));
    assert_eq!(counts("period/missing", "warning"), (1, 0, 0, 0));
    assert_eq!(counts("table/layout", "warning"), (0, 0, 0, 1));
    assert_eq!(counts("required/overview", "error"), (0, 1, 0, 0));
    assert_eq!(misses.len(), 1);
    assert_eq!(false_findings.len(), 2);
    assert_eq!(allowed.len(), 1);
}

//! `--format sarif`: SARIF 2.1.0, for code-scanning dashboards. Columns are counted in Unicode
//! code points (declared with `columnKind`), lines and columns are 1-based, byte offsets are into
//! the original file.

use serde_json::{json, Value};

use super::end_position;
use crate::engine::FileReport;
use crate::rules::{Lang, RuleSet, Severity};

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative path as a URI reference: `/` separators, everything but unreserved characters
/// percent-encoded (Chinese file names included).
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.replace('\\', "/").bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// The URI under which a rule's explanation is found: `ogilint explain <id>` prints it.
pub fn help_uri(id: &str) -> String {
    format!("ogilint:explain/{id}")
}

/// Renders the run as one SARIF log.
pub fn render(reports: &[FileReport], rules: &RuleSet, lang: Lang) -> String {
    let descriptors: Vec<Value> = rules
        .rules
        .iter()
        .map(|rule| {
            let mut help = format!("{}\n", rule.help.get(lang));
            for basis in &rule.basis {
                help.push_str(&format!("\n{basis}"));
            }
            help.push_str(&format!("\n\nogilint explain {}", rule.id));
            json!({
                "id": rule.id,
                "shortDescription": { "text": rule.title.get(lang) },
                "fullDescription": { "text": rule.explanation.as_ref().map_or(rule.message.get(lang), |e| e.get(lang)) },
                "help": { "text": help },
                "helpUri": help_uri(&rule.id),
                "defaultConfiguration": { "level": level(rule.severity) },
                "properties": { "basis": rule.basis, "regulations": rule.applies.describe() },
            })
        })
        .collect();
    let mut results = Vec::new();
    for report in reports {
        for finding in &report.findings {
            let (end_line, end_column) = end_position(&report.source, finding.span.end);
            let mut result = json!({
                "ruleId": finding.rule,
                "level": level(finding.severity),
                "message": { "text": format!("{}\n{}", finding.message, finding.help) },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&finding.file) },
                        "region": {
                            "startLine": finding.span.line,
                            "startColumn": finding.span.column,
                            "endLine": end_line,
                            "endColumn": end_column,
                            "byteOffset": finding.span.start,
                            "byteLength": finding.span.end - finding.span.start,
                            "snippet": { "text": finding.text },
                        }
                    }
                }],
                "properties": { "document": finding.document },
            });
            if let Some(index) = rules.rules.iter().position(|rule| rule.id == finding.rule) {
                result["ruleIndex"] = json!(index);
            }
            results.push(result);
        }
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "ogilint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "rules": descriptors,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    serde_json::to_string_pretty(&log).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_paths_as_uri_references() {
        assert_eq!(
            uri("reports/2021 年报.txt"),
            "reports/2021%20%E5%B9%B4%E6%8A%A5.txt"
        );
    }
}

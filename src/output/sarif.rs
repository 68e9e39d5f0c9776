//! `--format sarif`: SARIF 2.1.0, for code-scanning dashboards. Columns are counted in Unicode
//! code points (declared with `columnKind`), lines and columns are 1-based, byte offsets are into
//! the original file.

use serde_json::{json, Value};

use super::location::Region;
use super::{indent, InputFailure, Piece, Stream, Summary};
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

/// The SARIF format: the tool's rules first, then one result per finding.
pub struct Sarif<'a> {
    pub rules: &'a RuleSet,
    pub lang: Lang,
}

impl Stream for Sarif<'_> {
    fn header(&self) -> String {
        let lang = self.lang;
        let descriptors: Vec<Value> = self
            .rules
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
        let driver = json!({
            "name": "ogilint",
            "version": env!("CARGO_PKG_VERSION"),
            "semanticVersion": env!("CARGO_PKG_VERSION"),
            "rules": descriptors,
        });
        format!(
            "{{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"tool\": {{\n        \"driver\": {}\n      }},\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [\n",
            indent(&serde_json::to_string_pretty(&driver).unwrap_or_default(), "        ").trim_start()
        )
    }

    fn separator(&self) -> &'static str {
        ",\n"
    }

    fn piece(&self, report: &FileReport) -> Piece {
        let items = report
            .findings
            .iter()
            .map(|finding| {
                let region = Region::of(&finding.span, &report.source);
                let mut result = json!({
                    "ruleId": finding.rule,
                    "level": level(finding.severity),
                    "message": { "text": format!("{}\n{}", finding.message, finding.help) },
                    "locations": [{
                        "physicalLocation": {
                            "artifactLocation": { "uri": uri(&finding.file) },
                            "region": {
                                "startLine": region.line,
                                "startColumn": region.column,
                                "endLine": region.end_line,
                                "endColumn": region.end_column,
                                "byteOffset": finding.span.start,
                                "byteLength": finding.span.end - finding.span.start,
                                "snippet": { "text": finding.text },
                            }
                        }
                    }],
                    "properties": { "document": finding.document },
                });
                // Last year's cell of a broken continuity, in the other report's file.
                if !finding.related_files.is_empty() {
                    result["relatedLocations"] = finding
                        .related_files
                        .iter()
                        .enumerate()
                        .map(|(id, related)| {
                            json!({
                                "id": id,
                                "physicalLocation": {
                                    "artifactLocation": { "uri": uri(&related.file) },
                                    "region": {
                                        "startLine": related.span.line,
                                        "startColumn": related.span.column,
                                        "byteOffset": related.span.start,
                                        "byteLength": related.span.end - related.span.start,
                                        "snippet": { "text": related.text },
                                    }
                                },
                                "message": { "text": "上年报告 / last year's report" },
                            })
                        })
                        .collect();
                }
                if let Some(index) = self
                    .rules
                    .rules
                    .iter()
                    .position(|rule| rule.id == finding.rule)
                {
                    result["ruleIndex"] = json!(index);
                }
                indent(
                    &serde_json::to_string_pretty(&result).unwrap_or_default(),
                    "        ",
                )
                .into_bytes()
            })
            .collect();
        Piece {
            items,
            side: Vec::new(),
        }
    }

    fn footer(&self, _summary: &Summary, _failures: &[InputFailure]) -> (String, String) {
        ("\n      ]\n    }\n  ]\n}\n".to_string(), String::new())
    }
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

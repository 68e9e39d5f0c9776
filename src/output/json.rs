//! `--format json`: one JSON object with every finding, what was recognised per document, input
//! failures and a summary. The schema is documented in the README and is a public contract.

use serde::Serialize;

use super::{InputFailure, Summary};
use crate::engine::{DocumentInfo, FileReport, Finding};

#[derive(Serialize)]
struct DocumentEntry<'a> {
    file: &'a str,
    #[serde(flatten)]
    document: &'a DocumentInfo,
}

#[derive(Serialize)]
struct Output<'a> {
    version: &'static str,
    findings: Vec<&'a Finding>,
    documents: Vec<DocumentEntry<'a>>,
    failures: &'a [InputFailure],
    summary: Summary,
}

/// Renders the whole run as pretty-printed JSON.
pub fn render(reports: &[FileReport], failures: &[InputFailure]) -> String {
    let output = Output {
        version: env!("CARGO_PKG_VERSION"),
        findings: reports.iter().flat_map(|report| &report.findings).collect(),
        documents: reports
            .iter()
            .flat_map(|report| {
                report.documents.iter().map(|document| DocumentEntry {
                    file: &report.name,
                    document,
                })
            })
            .collect(),
        failures,
        summary: Summary::of(reports, failures),
    };
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string_pretty(&output).unwrap_or_default()
}

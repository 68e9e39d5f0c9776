//! `--format json`: one JSON object with every finding, what was recognised per document, input
//! failures and a summary. The schema is documented in the README and is a public contract.
//! It is written file by file (`findings` first, then `documents`), so memory stays bounded.

use serde::Serialize;

use super::{indent, InputFailure, Piece, Stream, Summary};
use crate::engine::{DocumentInfo, FileReport};
use crate::pairing::PairInfo;

#[derive(Serialize)]
struct DocumentEntry<'a> {
    file: &'a str,
    #[serde(flatten)]
    document: &'a DocumentInfo,
}

/// The JSON format.
pub struct Json;

/// One array element per line, compact (a run may have millions), serialised straight into the
/// bytes that are written.
fn item(value: &impl Serialize) -> Vec<u8> {
    // Room for a typical finding, so the buffer seldom grows.
    let mut out = Vec::with_capacity(512);
    out.extend_from_slice(b"    ");
    // Serialising plain data with string keys into memory cannot fail.
    let _ = serde_json::to_writer(&mut out, value);
    out
}

impl Stream for Json {
    fn header(&self) -> String {
        format!(
            "{{\n  \"version\": \"{}\",\n  \"findings\": [\n",
            env!("CARGO_PKG_VERSION")
        )
    }

    fn separator(&self) -> &'static str {
        ",\n"
    }

    fn piece(&self, report: &FileReport) -> Piece {
        Piece {
            items: report.findings.iter().map(item).collect(),
            side: report
                .documents
                .iter()
                .map(|document| {
                    item(&DocumentEntry {
                        file: &report.name,
                        document,
                    })
                })
                .collect(),
        }
    }

    /// `"pairs"` after `"documents"`, only when some report was paired (so that a run without
    /// pairs prints what it always did): this closes the documents list and opens the pairs
    /// list, which the footer's `]` then closes.
    fn pairs(&self, pairs: &[PairInfo]) -> String {
        if pairs.is_empty() {
            return String::new();
        }
        let items: Vec<String> = pairs
            .iter()
            .map(|pair| String::from_utf8_lossy(&item(pair)).into_owned())
            .collect();
        format!("\n  ],\n  \"pairs\": [\n{}", items.join(",\n"))
    }

    fn footer(&self, summary: &Summary, failures: &[InputFailure]) -> (String, String) {
        let failures = serde_json::to_string_pretty(failures).unwrap_or_default();
        let summary = serde_json::to_string_pretty(summary).unwrap_or_default();
        (
            "\n  ],\n  \"documents\": [\n".to_string(),
            format!(
                "\n  ],\n  \"failures\": {},\n  \"summary\": {}\n}}\n",
                indent(&failures, "  ").trim_start(),
                indent(&summary, "  ").trim_start()
            ),
        )
    }
}

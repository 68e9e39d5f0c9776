//! `--format junit`: JUnit XML, one test case per report (document) in each file; a report with
//! findings fails, with one `<failure>` per finding.

use super::location::file_line_column;
use super::{InputFailure, Piece, Stream, Summary};
use crate::engine::FileReport;

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 cannot carry at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// The JUnit XML format. Totals are per `<testsuite>` (one per file), so the document streams.
pub struct Junit;

impl Stream for Junit {
    fn header(&self) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"ogilint\">\n".to_string()
    }

    fn piece(&self, report: &FileReport) -> Piece {
        let documents = report.documents.len().max(1);
        let failures = (0..documents)
            .filter(|&index| report.findings.iter().any(|f| f.document == index))
            .count();
        let mut out = format!(
            "  <testsuite name=\"{}\" tests=\"{documents}\" failures=\"{failures}\">\n",
            escape(&report.name)
        );
        for index in 0..documents {
            let title = report
                .documents
                .get(index)
                .and_then(|document| document.title.as_deref())
                .unwrap_or("");
            out.push_str(&format!(
                "    <testcase name=\"{} #{} {}\" classname=\"ogilint\">\n",
                escape(&report.name),
                index,
                escape(title)
            ));
            for finding in report.findings.iter().filter(|f| f.document == index) {
                out.push_str(&format!(
                    "      <failure type=\"{}\" message=\"{}\">{}: [{}] {}\n{}</failure>\n",
                    escape(&finding.rule),
                    escape(&finding.message),
                    file_line_column(&escape(&finding.file), &finding.span),
                    finding.severity,
                    escape(&finding.message),
                    escape(&finding.help),
                ));
            }
            out.push_str("    </testcase>\n");
        }
        out.push_str("  </testsuite>\n");
        Piece {
            items: vec![out.into_bytes()],
            side: Vec::new(),
        }
    }

    fn footer(&self, _summary: &Summary, _failures: &[InputFailure]) -> (String, String) {
        ("</testsuites>\n".to_string(), String::new())
    }
}

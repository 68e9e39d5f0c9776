//! `--format github`: GitHub Actions workflow commands, which annotate the changed files in a
//! pull request: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.

use super::{end_position, InputFailure, Piece, Stream, Summary};
use crate::engine::FileReport;
use crate::rules::Severity;

/// Workflow-command data escaping.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Workflow-command property escaping (also `:` and `,`).
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// The GitHub Actions format.
pub struct Github;

impl Stream for Github {
    fn piece(&self, report: &FileReport) -> Piece {
        let items = report
            .findings
            .iter()
            .map(|finding| {
                let command = match finding.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Info => "notice",
                };
                let (end_line, end_column) = end_position(&report.source, finding.span.text_end);
                format!(
                    "::{command} file={},line={},col={},endLine={end_line},endColumn={end_column},title={}::{}\n",
                    escape_property(&finding.file),
                    finding.span.line,
                    finding.span.column,
                    escape_property(&finding.rule),
                    escape_data(&format!("{} ({})", finding.message, finding.help)),
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
        (String::new(), String::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_workflow_command_syntax() {
        assert_eq!(escape_data("100%\nnext"), "100%25%0Anext");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}

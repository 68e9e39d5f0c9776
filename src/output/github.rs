//! `--format github`: GitHub Actions workflow commands, which annotate the changed files in a
//! pull request: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.

use super::location::Region;
use super::{Piece, Stream};
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
                let region = Region::of(&finding.span, &report.source);
                format!(
                    "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                    escape_property(&finding.file),
                    region.line,
                    region.column,
                    region.end_line,
                    region.end_column,
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

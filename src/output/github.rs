//! `--format github`: GitHub Actions workflow commands, which annotate the changed files in a
//! pull request: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.

use super::end_position;
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

/// Renders every finding as a workflow command.
pub fn render(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for report in reports {
        for finding in &report.findings {
            let command = match finding.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let (end_line, end_column) = end_position(&report.source, finding.span.end);
            out.push_str(&format!(
                "::{command} file={},line={},col={},endLine={end_line},endColumn={end_column},title={}::{}\n",
                escape_property(&finding.file),
                finding.span.line,
                finding.span.column,
                escape_property(&finding.rule),
                escape_data(&format!("{} ({})", finding.message, finding.help)),
            ));
        }
    }
    out
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

//! `--format concise`: one line per finding, `file:line:column: rule message`.

use crate::engine::FileReport;

/// Renders every finding of a run, one per line.
pub fn render(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for finding in reports.iter().flat_map(|report| &report.findings) {
        out.push_str(&format!(
            "{}:{}:{}: {} {}\n",
            finding.file, finding.span.line, finding.span.column, finding.rule, finding.message
        ));
    }
    out
}

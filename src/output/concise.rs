//! `--format concise`: one line per finding, `file:line:column: rule message`.

use super::location::file_line_column;
use super::{InputFailure, Piece, Stream, Summary};
use crate::engine::FileReport;
use crate::rules::Lang;

/// The concise format.
pub struct Concise {
    pub lang: Lang,
    /// Print the summary line at the end.
    pub summary: bool,
}

impl Stream for Concise {
    fn piece(&self, report: &FileReport) -> Piece {
        Piece {
            items: report
                .findings
                .iter()
                .map(|finding| {
                    format!(
                        "{}: {} {}\n",
                        file_line_column(&finding.file, &finding.span),
                        finding.rule,
                        finding.message
                    )
                    .into_bytes()
                })
                .collect(),
            side: Vec::new(),
        }
    }

    fn footer(&self, summary: &Summary, _failures: &[InputFailure]) -> (String, String) {
        summary.footer(self.lang, self.summary)
    }
}

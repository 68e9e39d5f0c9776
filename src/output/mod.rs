//! Rendering a run's results: `human` (miette diagnostics) and `json` (a public contract,
//! documented in the README).

pub mod human;
pub mod json;

use serde::Serialize;

use crate::engine::FileReport;
use crate::rules::{Lang, Severity};

/// A file that could not be checked.
#[derive(Debug, Clone, Serialize)]
pub struct InputFailure {
    pub file: String,
    pub message: String,
}

/// Counts for the closing summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Files checked (not counting files that could not be read).
    pub files: usize,
    pub documents: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Files that could not be read or checked.
    pub unreadable: usize,
}

impl Summary {
    /// Counts the findings and documents of a run.
    pub fn of(reports: &[FileReport], failures: &[InputFailure]) -> Summary {
        let mut summary = Summary {
            files: reports.len(),
            unreadable: failures.len(),
            ..Summary::default()
        };
        for report in reports {
            summary.documents += report.documents.len();
            for finding in &report.findings {
                match finding.severity {
                    Severity::Error => summary.errors += 1,
                    Severity::Warning => summary.warnings += 1,
                    Severity::Info => summary.infos += 1,
                }
            }
        }
        summary
    }

    /// The one-line summary printed at the end of a human-readable run.
    pub fn line(&self, lang: Lang) -> String {
        let mut line = match lang {
            Lang::Zh => format!(
                "共检查 {} 个文件、{} 篇报告: {} 个错误, {} 个警告, {} 条提示",
                self.files, self.documents, self.errors, self.warnings, self.infos
            ),
            Lang::En => format!(
                "Checked {} file(s), {} report(s): {} error(s), {} warning(s), {} info(s)",
                self.files, self.documents, self.errors, self.warnings, self.infos
            ),
        };
        if self.unreadable > 0 {
            line.push_str(&match lang {
                Lang::Zh => format!("; {} 个文件无法读取", self.unreadable),
                Lang::En => format!("; {} file(s) could not be read", self.unreadable),
            });
        }
        line
    }
}

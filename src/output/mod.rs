//! Rendering a run's results: `human` (miette diagnostics), `json` (a public contract,
//! documented in the README), `sarif`, `github`, `junit` and `concise`.

pub mod concise;
pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use std::collections::BTreeMap;

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

/// 1-based line and character column of the position *after* a span (`end` is a byte offset).
pub fn end_position(source: &str, end: usize) -> (usize, usize) {
    let end = end.min(source.len());
    let before = &source[..end];
    let line_start = before.rfind('\n').map_or(0, |index| index + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// `--statistics`: how many findings each rule produced, most first.
pub fn statistics(reports: &[FileReport]) -> String {
    let mut counts: BTreeMap<(&str, Severity), usize> = BTreeMap::new();
    for finding in reports.iter().flat_map(|report| &report.findings) {
        *counts
            .entry((finding.rule.as_str(), finding.severity))
            .or_default() += 1;
    }
    let mut rows: Vec<((&str, Severity), usize)> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let width = rows
        .iter()
        .map(|((rule, _), _)| rule.len())
        .max()
        .unwrap_or(0);
    rows.iter()
        .map(|((rule, severity), count)| format!("{count:>6}  {rule:<width$}  [{severity}]\n"))
        .collect()
}

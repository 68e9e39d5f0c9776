//! Rendering a run's results: `human` (miette diagnostics), `json` (a public contract,
//! documented in the README), `sarif`, `github`, `junit`, `concise`, and for a supervising
//! office `html` (an audit page) and `csv` (a spreadsheet of findings).

pub mod concise;
pub mod csv;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod location;
pub mod sarif;

use std::collections::BTreeMap;
use std::io::{self, Seek, Write};

use serde::Serialize;

use crate::engine::{FileReport, Finding};
use crate::pairing::PairInfo;
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
    /// Adds one checked file's documents and findings.
    pub fn add(&mut self, report: &FileReport) {
        self.files += 1;
        self.documents += report.documents.len();
        self.add_findings(&report.findings);
    }

    /// Counts findings by severity (no file or report: findings of one already counted, or of
    /// one report of a file).
    pub fn add_findings<'a>(&mut self, findings: impl IntoIterator<Item = &'a Finding>) {
        for finding in findings {
            match finding.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }

    /// Adds another set of counts (another file's, counted on another thread).
    pub fn merge(&mut self, other: &Summary) {
        self.files += other.files;
        self.documents += other.documents;
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.infos += other.infos;
        self.unreadable += other.unreadable;
    }

    /// The footer of a format read by people (`human`, `concise`): the summary line, when it is
    /// shown.
    pub fn footer(&self, lang: Lang, shown: bool) -> (String, String) {
        let line = if shown {
            format!("{}\n", self.line(lang))
        } else {
            String::new()
        };
        (line, String::new())
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

/// Per-rule finding counts, for `--statistics`.
#[derive(Debug, Default)]
pub struct Statistics {
    counts: BTreeMap<(String, Severity), usize>,
}

impl Statistics {
    /// Counts one file's findings.
    pub fn add(&mut self, report: &FileReport) {
        for finding in &report.findings {
            *self
                .counts
                .entry((finding.rule.clone(), finding.severity))
                .or_default() += 1;
        }
    }

    /// Adds another set of counts (another file's, counted on another thread).
    pub fn merge(&mut self, other: Statistics) {
        for (key, count) in other.counts {
            *self.counts.entry(key).or_default() += count;
        }
    }

    /// How many findings each rule produced, most first.
    pub fn render(&self) -> String {
        let mut rows: Vec<(&(String, Severity), &usize)> = self.counts.iter().collect();
        rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let width = rows
            .iter()
            .map(|((rule, _), _)| rule.len())
            .max()
            .unwrap_or(0);
        rows.iter()
            .map(|((rule, severity), count)| format!("{count:>6}  {rule:<width$}  [{severity}]\n"))
            .collect()
    }
}

/// One file's share of the output, rendered in a worker thread.
#[derive(Debug, Default)]
pub struct Piece {
    /// Items of the main list (findings, results, lines, diagnostics), as UTF-8 bytes: what is
    /// written, so a format may serialise straight into them.
    pub items: Vec<Vec<u8>>,
    /// Items of a second list written after the main one (JSON `documents`).
    pub side: Vec<Vec<u8>>,
}

/// An output format, rendered file by file so that a run of any size streams: nothing but the
/// side list (spilled to a temporary file when large) is held until the end.
pub trait Stream: Sync {
    /// Text before the first item.
    fn header(&self) -> String {
        String::new()
    }
    /// What goes between two items of a list.
    fn separator(&self) -> &'static str {
        ""
    }
    /// One file's items.
    fn piece(&self, report: &FileReport) -> Piece;
    /// Text after the main list and before the side list, and text after the side list.
    fn footer(&self, _summary: &Summary, _failures: &[InputFailure]) -> (String, String) {
        (String::new(), String::new())
    }
    /// Text written between the side list and the footer's last part: the reports paired with
    /// last year's and their section scores (JSON lists them; other formats show only findings).
    fn pairs(&self, _pairs: &[PairInfo]) -> String {
        String::new()
    }
}

/// Side items beyond this many bytes go to a temporary file, so memory stays bounded.
const SIDE_MEMORY_LIMIT: usize = 1 << 20;

/// Writes a [`Stream`] to an output, in the order pieces are given.
pub struct StreamWriter<'a, W: Write> {
    out: W,
    format: &'a dyn Stream,
    items_written: usize,
    side: Vec<u8>,
    side_items: usize,
    spill: Option<std::fs::File>,
}

impl<'a, W: Write> StreamWriter<'a, W> {
    /// Starts the output with the format's header.
    pub fn new(mut out: W, format: &'a dyn Stream) -> io::Result<Self> {
        out.write_all(format.header().as_bytes())?;
        Ok(StreamWriter {
            out,
            format,
            items_written: 0,
            side: Vec::new(),
            side_items: 0,
            spill: None,
        })
    }

    /// Writes one file's piece.
    pub fn write(&mut self, piece: Piece) -> io::Result<()> {
        let separator = self.format.separator();
        for item in piece.items {
            if self.items_written > 0 {
                self.out.write_all(separator.as_bytes())?;
            }
            self.out.write_all(&item)?;
            self.items_written += 1;
        }
        for item in piece.side {
            if self.side_items > 0 {
                self.side.extend_from_slice(separator.as_bytes());
            }
            self.side.extend_from_slice(&item);
            self.side_items += 1;
        }
        if self.side.len() > SIDE_MEMORY_LIMIT {
            if self.spill.is_none() {
                self.spill = Some(tempfile_in_temp_dir()?);
            }
            if let Some(spill) = self.spill.as_mut() {
                spill.write_all(&self.side)?;
            }
            self.side.clear();
        }
        Ok(())
    }

    /// Writes text outside the lists (statistics instead of findings).
    pub fn write_raw(&mut self, text: &str) -> io::Result<()> {
        self.out.write_all(text.as_bytes())
    }

    /// Ends the output: footer, side list, and the final text.
    pub fn finish(self, summary: &Summary, failures: &[InputFailure]) -> io::Result<W> {
        self.finish_with_pairs(summary, failures, &[])
    }

    /// Ends the output as [`StreamWriter::finish`] does, with the reports paired year over year.
    pub fn finish_with_pairs(
        mut self,
        summary: &Summary,
        failures: &[InputFailure],
        pairs: &[PairInfo],
    ) -> io::Result<W> {
        let (before_side, after_side) = self.format.footer(summary, failures);
        self.out.write_all(before_side.as_bytes())?;
        if let Some(mut spill) = self.spill.take() {
            spill.rewind()?;
            io::copy(&mut spill, &mut self.out)?;
        }
        self.out.write_all(&self.side)?;
        self.out.write_all(self.format.pairs(pairs).as_bytes())?;
        self.out.write_all(after_side.as_bytes())?;
        self.out.flush()?;
        Ok(self.out)
    }
}

/// An anonymous temporary file (removed as soon as it is created; the handle keeps it).
fn tempfile_in_temp_dir() -> io::Result<std::fs::File> {
    let path = std::env::temp_dir().join(format!(
        "ogilint-{}-{:?}.spill",
        std::process::id(),
        std::thread::current().id()
    ));
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(true)
        .open(&path)?;
    // On Unix the open handle survives removal; elsewhere the file is removed at exit by the OS
    // temp cleaner at worst.
    let _ = std::fs::remove_file(&path);
    Ok(file)
}

/// Indents every line of `text` by `prefix` (for nesting pretty-printed JSON).
pub fn indent(text: &str, prefix: &str) -> String {
    text.lines()
        .map(|line| format!("{prefix}{line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

//! Year over year in `ogilint check`: the fingerprints of the reports a run checks, paired once
//! every file is checked, and the cross-year findings written after all the others.
//!
//! The run streams files in path order; a report's fingerprint is all that is kept of it. At the
//! end, each report paired with the same issuer's report of the year before gets its cross-year
//! findings, file by file in path order (its file is read again for the text the findings show,
//! one file at a time), so the output stays deterministic whatever the thread count.

use super::check::CheckOptions;
use super::setup::read_input;
use crate::engine::{sort_findings, FileReport, Finding};
use crate::output::{InputFailure, Piece, Stream};
use crate::pairing::{compare, Fingerprint, PairInfo, Pairing};
use crate::rules::{Lang, RuleSet};

/// The fingerprints of a run, indexed for pairing.
#[derive(Default)]
pub(super) struct YearIndex {
    /// Reports by issuer and year, with the index of their job.
    pairing: Pairing<usize>,
    /// `--previous`: last year's report, paired with every report checked.
    previous: Option<Fingerprint>,
    /// With `--previous`: the reports to pair with it, with the index of their job.
    explicit: Vec<(Fingerprint, usize)>,
    /// Whether reports are paired with `--previous` rather than by issuer and year.
    use_previous: bool,
}

impl YearIndex {
    /// An index for a run; with `previous`, reports are paired with that file's report only.
    pub(super) fn new(use_previous: bool) -> YearIndex {
        YearIndex {
            use_previous,
            ..YearIndex::default()
        }
    }

    /// Keeps the fingerprints of job `job` (`is_previous`: the `--previous` file's).
    pub(super) fn add(&mut self, job: usize, prints: Vec<Fingerprint>, is_previous: bool) {
        if is_previous {
            if self.previous.is_none() {
                self.previous = prints.into_iter().next();
            }
            return;
        }
        for print in prints {
            if self.use_previous {
                self.explicit.push((print, job));
            } else {
                self.pairing.add(print, job);
            }
        }
    }

    /// Compares every pair: the findings per file (job index, path order), and every pair's scores.
    pub(super) fn finish<'r>(
        &self,
        rules_of: impl Fn(usize) -> Option<&'r RuleSet>,
        lang: Lang,
    ) -> (Vec<(usize, Vec<Finding>)>, Vec<PairInfo>) {
        let pairs: Vec<(&Fingerprint, &Fingerprint, usize)> = match &self.previous {
            Some(previous) => self
                .explicit
                .iter()
                .map(|(print, job)| (previous, print, *job))
                .collect(),
            None => self
                .pairing
                .pairs()
                .into_iter()
                .map(|(last, this, job)| (last, this, *job))
                .collect(),
        };
        let mut by_job: Vec<(usize, Vec<Finding>)> = Vec::new();
        let mut infos = Vec::with_capacity(pairs.len());
        for (last, this, job) in pairs {
            let Some(rules) = rules_of(job) else {
                continue;
            };
            let (findings, info) = compare(last, this, rules, lang);
            infos.push(info);
            if findings.is_empty() {
                continue;
            }
            match by_job.last_mut() {
                Some((last_job, file_findings)) if *last_job == job => {
                    file_findings.extend(findings)
                }
                _ => by_job.push((job, findings)),
            }
        }
        for (_, findings) in &mut by_job {
            sort_findings(findings);
        }
        (by_job, infos)
    }
}

/// The report and piece of one file's cross-year findings, with the file read again for the
/// text they show.
pub(super) fn year_piece(
    path: &std::path::Path,
    findings: Vec<Finding>,
    options: &CheckOptions,
    stream: &dyn Stream,
) -> Result<(FileReport, Piece), InputFailure> {
    let source = read_input(path, &options.setup).map_err(|error| InputFailure {
        file: path.display().to_string(),
        message: error.to_string(),
    })?;
    let shown = match source.display {
        Some(display) => display.text,
        None => source.text,
    };
    let report = FileReport {
        name: path.display().to_string(),
        source: std::sync::Arc::from(shown.as_str()),
        documents: Vec::new(),
        findings,
    };
    let piece = stream.piece(&report);
    Ok((report, piece))
}

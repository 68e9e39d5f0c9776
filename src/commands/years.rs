//! Year over year in `ogilint check`: the fingerprints of the reports a run checks, paired once
//! every file is checked, and the cross-year findings written after all the others.
//!
//! The run streams files in path order; a report's fingerprint is all that is kept of it. At the
//! end, the files of the reports that pair are read again for those reports' details (their
//! figures and sections: taking them as every report streams would cost a run whose reports pair
//! with none as much as a sixth of its time), unless a report was known to pair as it was checked
//! ([`Seen`]) and they were taken then. Then each report paired with the same issuer's
//! report of the year before gets its cross-year findings, file by file in path order (its file is
//! read again for the text the findings show), so the output stays deterministic whatever the
//! thread count.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, Mutex, PoisonError};

use super::check::CheckOptions;
use super::setup::{read_input, Profile};
use crate::engine::{self, sort_findings, FileReport, Finding};
use crate::output::{InputFailure, Piece, Stream};
use crate::pairing::{self, compare, Details, Fingerprint, PairInfo, Pairing, YearReport};
use crate::rules::{Lang, RuleSet};

/// What a checked file leaves for pairing: each report's fingerprint, with its details when
/// they were taken as it was checked (standard input: it cannot be read again).
pub(super) type Prints = Vec<(Fingerprint, Option<Details>)>;

/// The issuers and years checked so far, shared by the run's threads. A report whose issuer's
/// report of the year before or after was checked already pairs (unless it repeats an issuer and
/// year), so its details are taken as it is checked, instead of its file being read again at the
/// end; only the first of two neighbouring years to be checked is read again. Which reports that
/// is depends on the threads' timing, but details are the same either way, and so is the output.
#[derive(Default)]
pub(super) struct Seen {
    years: Mutex<HashSet<(String, i32)>>,
    /// `--previous`: every report checked pairs.
    explicit: bool,
}

impl Seen {
    /// None checked yet; `explicit` with `--previous`, where every report pairs with its file's.
    pub(super) fn new(explicit: bool) -> Seen {
        Seen {
            explicit,
            ..Seen::default()
        }
    }

    /// Records a report as checked, and says whether to take its details now.
    pub(super) fn pairs_now(&self, print: &Fingerprint) -> bool {
        if self.explicit {
            return true;
        }
        let (Some(issuer), Some(year)) = (&print.issuer, print.year) else {
            return false;
        };
        let mut years = self.years.lock().unwrap_or_else(PoisonError::into_inner);
        // A repeat is not paired (the first in path order is): nothing to take.
        if !years.insert((issuer.clone(), year)) {
            return false;
        }
        years.contains(&(issuer.clone(), year - 1)) || years.contains(&(issuer.clone(), year + 1))
    }
}

/// One report of a pair, with the index of its job.
type Side<'a> = (&'a Fingerprint, usize);

/// The fingerprints of a run, indexed for pairing.
#[derive(Default)]
pub(super) struct YearIndex {
    /// Reports by issuer and year, with the index of their job.
    pairing: Pairing<usize>,
    /// `--previous`: last year's report, paired with every report checked, with its job's index.
    previous: Option<(Fingerprint, usize)>,
    /// With `--previous`: the reports to pair with it, with the index of their job.
    explicit: Vec<(Fingerprint, usize)>,
    /// Whether reports are paired with `--previous` rather than by issuer and year.
    use_previous: bool,
    /// The details read, by job and report index in the file: only reports that pair (and
    /// standard input's) have them.
    details: HashMap<(usize, usize), Details>,
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
    pub(super) fn add(&mut self, job: usize, prints: Prints, is_previous: bool) {
        for (print, details) in prints {
            if let Some(details) = details {
                self.details.insert((job, print.document), details);
            }
            if is_previous {
                if self.previous.is_none() {
                    self.previous = Some((print, job));
                }
            } else if self.use_previous {
                self.explicit.push((print, job));
            } else {
                self.pairing.add(print, job);
            }
        }
    }

    /// Every pair as (last year's, this year's), each with its job, ordered by this year's job
    /// and position in the file.
    fn pairs(&self) -> Vec<(Side<'_>, Side<'_>)> {
        match &self.previous {
            Some((previous, previous_job)) => self
                .explicit
                .iter()
                .map(|(print, job)| ((previous, *previous_job), (print, *job)))
                .collect(),
            None => self
                .pairing
                .pairs()
                .into_iter()
                .map(|(last, this)| ((&last.0, last.1), (&this.0, this.1)))
                .collect(),
        }
    }

    /// The reports that pair and have no details yet, by job in order and by position in the
    /// file: what to read again. Details taken of reports that do not pair are dropped.
    pub(super) fn wanted(&mut self) -> Vec<(usize, Vec<Fingerprint>)> {
        let mut paired: HashSet<(usize, usize)> = HashSet::new();
        let mut wanted: BTreeMap<usize, BTreeMap<usize, Fingerprint>> = BTreeMap::new();
        for (last, this) in self.pairs() {
            for (print, job) in [last, this] {
                paired.insert((job, print.document));
                if !self.details.contains_key(&(job, print.document)) {
                    wanted
                        .entry(job)
                        .or_default()
                        .entry(print.document)
                        .or_insert_with(|| print.clone());
                }
            }
        }
        let wanted = wanted
            .into_iter()
            .map(|(job, prints)| (job, prints.into_values().collect()))
            .collect();
        self.details.retain(|report, _| paired.contains(report));
        wanted
    }

    /// Keeps the details of reports of job `job`, as [`details_of_file`] read them.
    pub(super) fn add_details(&mut self, job: usize, details: Vec<(usize, Details)>) {
        for (document, details) in details {
            self.details.insert((job, document), details);
        }
    }

    /// A report of job `job` with its details (none if its file could not be read again).
    fn year_report<'a>(&'a self, (print, job): Side<'a>) -> YearReport<'a> {
        static NONE: Details = Details {
            figures: Vec::new(),
            sections: Vec::new(),
        };
        YearReport {
            print,
            details: self.details.get(&(job, print.document)).unwrap_or(&NONE),
        }
    }

    /// Compares every pair: the findings per file (job index, path order), and every pair's scores.
    /// A report whose file could not be read again has no details to compare.
    pub(super) fn finish<'r>(
        &self,
        rules_of: impl Fn(usize) -> Option<&'r RuleSet>,
        lang: Lang,
    ) -> (Vec<(usize, Vec<Finding>)>, Vec<PairInfo>) {
        let pairs = self.pairs();
        let mut by_job: Vec<(usize, Vec<Finding>)> = Vec::new();
        let mut infos = Vec::with_capacity(pairs.len());
        for (last, this) in pairs {
            let job = this.1;
            let Some(rules) = rules_of(job) else {
                continue;
            };
            let (findings, info) =
                compare(self.year_report(last), self.year_report(this), rules, lang);
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

/// Reads a file again, as it was checked, for the details of some of its reports.
pub(super) fn details_of_file(
    path: &std::path::Path,
    prints: &[Fingerprint],
    profile: &Profile,
    options: &CheckOptions,
) -> Result<Vec<(usize, Details)>, InputFailure> {
    let source = read_input(path, &options.setup).map_err(|error| InputFailure {
        file: path.display().to_string(),
        message: error.to_string(),
    })?;
    let engine_options = profile.engine_options(options.setup.rules.lang);
    Ok(engine::read_source(
        &source,
        &profile.rules,
        engine_options,
        |reading| {
            prints
                .iter()
                .map(|print| {
                    (
                        print.document,
                        pairing::details(reading, print, &profile.rules),
                    )
                })
                .collect()
        },
    ))
}

/// The report and piece of one file's cross-year findings, with the text they show: `kept` (the
/// text of standard input, which cannot be read again), else the file read again.
pub(super) fn year_piece(
    path: &std::path::Path,
    kept: Option<Arc<str>>,
    findings: Vec<Finding>,
    options: &CheckOptions,
    stream: &dyn Stream,
) -> Result<(FileReport, Piece), InputFailure> {
    let shown = match kept {
        Some(kept) => kept,
        None => {
            let source = read_input(path, &options.setup).map_err(|error| InputFailure {
                file: path.display().to_string(),
                message: error.to_string(),
            })?;
            Arc::from(match source.display {
                Some(display) => display.text,
                None => source.text,
            })
        }
    };
    let report = FileReport {
        // The name the file was checked under (standard input's is `--stdin-filename`).
        name: findings.first().map_or_else(
            || path.display().to_string(),
            |finding| finding.file.clone(),
        ),
        source: shown,
        documents: Vec::new(),
        findings,
    };
    let piece = stream.piece(&report);
    Ok((report, piece))
}

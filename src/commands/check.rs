//! `ogilint check`: expand paths, resolve each file's settings, run the engine, render, and
//! decide the exit status.

use std::collections::HashMap;
use std::fs;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use super::ordered::map_in_order;
use super::setup::{
    governing_path, profile_for_config, read_input, ConfigChoice, Profile, Setup, STDIN,
};
use super::years::{details_of_file, year_piece, Prints, Seen, YearIndex};

use super::{human_style, report_rule_errors, EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE};
use crate::config::{self, FailOn};
use crate::engine::{self, FileReport};
use crate::output::{self, human, InputFailure, Piece, Statistics, Stream, StreamWriter, Summary};
use crate::pairing;
use crate::rules::load::RuleError;
use crate::rules::{Lang, RuleSet};
use crate::suppression;
use crate::{files, input};

/// Output formats of `ogilint check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Sarif,
    Github,
    Junit,
    Concise,
    /// An audit page for a supervising office (one self-contained HTML file).
    Html,
    /// One row per finding, for a spreadsheet (UTF-8 with a byte-order mark).
    Csv,
}

/// Everything `ogilint check` was asked to do.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    pub paths: Vec<String>,
    pub format: Format,
    pub output: Option<PathBuf>,
    pub fail_on: Option<FailOn>,
    pub exit_zero: bool,
    pub quiet: bool,
    pub statistics: bool,
    pub ascii: bool,
    /// Worker threads (default: one per core).
    pub threads: Option<usize>,
    /// `--previous`: last year's report, compared with each report checked.
    pub previous: Option<PathBuf>,
    /// How files are read and which settings and rules govern them.
    pub setup: Setup,
}

/// Loaded profiles by config file; `None` marks a config that failed to load (reported once).
type Profiles = HashMap<Option<PathBuf>, Option<Profile>>;

/// The profile for `config_file`, loading it on first use; errors are collected.
fn profile_for<'p>(
    profiles: &'p mut Profiles,
    config_file: &Option<PathBuf>,
    options: &CheckOptions,
    errors: &mut Vec<RuleError>,
) -> Option<&'p Profile> {
    profiles
        .entry(config_file.clone())
        .or_insert_with(|| {
            profile_for_config(config_file.as_deref(), &options.setup)
                .map_err(|mut new_errors| errors.append(&mut new_errors))
                .ok()
        })
        .as_ref()
}

/// The rule id of the finding for a document without a text layer.
pub const NO_TEXT_RULE: &str = "input/no-text";

/// The report of a document that has no text to check (a scanned PDF).
fn no_text_report(name: &str, lang: Lang) -> FileReport {
    let (message, help) = match lang {
        Lang::Zh => (
            "文档没有文字层(可能是扫描件),无法检查其内容",
            "以可复制文字的形式(文字版PDF、Word或网页)发布年度报告,不要只发布扫描图片",
        ),
        Lang::En => (
            "The document has no text layer (a scan?); its content cannot be checked",
            "Publish the report as text (a text PDF, Word or a web page), not only as scanned images",
        ),
    };
    let mut finding = engine::Finding::about_file(
        name,
        NO_TEXT_RULE,
        crate::rules::Severity::Error,
        message.to_string(),
        help.to_string(),
    );
    finding.basis = vec!["中国社会科学院法学研究所《政府信息公开工作年度报告发布情况评估报告》 “年度报告可获取性不强”".to_string()];
    FileReport {
        name: name.to_string(),
        source: std::sync::Arc::from(""),
        documents: Vec::new(),
        findings: vec![finding],
    }
}

/// The rule id of the finding for a damaged or cut-off PDF whose pages were read only in part
/// (the engine makes it).
pub use crate::engine::PARTIAL_RULE;

/// One file to check and the config that governs it.
struct Job {
    path: PathBuf,
    config: Option<PathBuf>,
    /// `--previous`: read for pairing only, not checked.
    previous: bool,
    /// The job's position in the run.
    index: usize,
}

/// Runs `ogilint check`; returns the exit status.
pub fn run(options: &CheckOptions) -> u8 {
    let lang = options.setup.rules.lang;
    let (paths, path_errors) = files::expand(&options.paths);
    let mut failures: Vec<InputFailure> = path_errors
        .into_iter()
        .map(|error| InputFailure {
            file: error.path,
            message: error.message,
        })
        .collect();

    // Settings first, for every file: a broken config stops the run before any output.
    let run_config = options.setup.config.file_for(Path::new("."));
    let mut profiles: Profiles = HashMap::new();
    let mut rule_errors: Vec<RuleError> = Vec::new();
    profile_for(&mut profiles, &run_config, options, &mut rule_errors);
    let mut discovered: HashMap<PathBuf, Option<PathBuf>> = HashMap::new();
    let mut jobs = Vec::with_capacity(paths.len() + 1);
    let previous = options.previous.iter().map(|path| (path.clone(), true));
    for (path, is_previous) in previous.chain(paths.into_iter().map(|path| (path, false))) {
        let governing = governing_path(&path, &options.setup);
        let config_file = match &options.setup.config {
            ConfigChoice::Discover => {
                let directory = governing
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_default();
                discovered
                    .entry(directory)
                    .or_insert_with(|| config::discover(&governing))
                    .clone()
            }
            choice => choice.file_for(&governing),
        };
        let Some(profile) = profile_for(&mut profiles, &config_file, options, &mut rule_errors)
        else {
            continue;
        };
        if !is_previous
            && !profile.settings.exclude.is_empty()
            && profile.settings.excludes(&config::absolute(&path))
        {
            continue;
        }
        jobs.push(Job {
            path,
            config: config_file,
            previous: is_previous,
            index: jobs.len(),
        });
    }
    if !rule_errors.is_empty() {
        return report_rule_errors(&rule_errors, lang);
    }
    let Some(run_profile) = profiles.get(&run_config).and_then(Option::as_ref) else {
        return EXIT_TROUBLE;
    };
    let fail_on = options
        .fail_on
        .or(run_profile.settings.fail_on)
        .unwrap_or(FailOn::Error);
    let threshold = fail_on.threshold();

    let to_terminal = options.output.is_none() && std::io::stdout().is_terminal();
    let stream = stream_for(options, &run_profile.rules, to_terminal);
    let out: Box<dyn Write> = match &options.output {
        Some(path) => match fs::File::create(path) {
            Ok(file) => Box::new(file),
            Err(error) => {
                super::print_error(format_args!("cannot write {}: {error}", path.display()));
                return EXIT_TROUBLE;
            }
        },
        None => Box::new(std::io::stdout().lock()),
    };
    // One file (the pre-commit case) is checked on this thread: starting workers costs more.
    // `--threads 0`, like no option, means one thread per core.
    let threads = match options.threads {
        Some(threads) if threads > 0 => threads,
        _ => std::thread::available_parallelism().map_or(1, |cores| cores.get()),
    };

    let mut summary = Summary::default();
    let mut statistics = Statistics::default();
    let mut failing = false;
    // Reports are paired when a run has several, or is given last year's explicitly.
    let pairs_reports = options.previous.is_some() || jobs.len() > 1;
    let mut years = YearIndex::new(options.previous.is_some());
    let seen = Seen::new(options.previous.is_some());
    let written = (|| -> std::io::Result<()> {
        let mut writer = StreamWriter::new(std::io::BufWriter::new(out), stream.as_ref())?;
        // A file's report is reduced to what the writer needs on the thread that made it, so that
        // its memory is freed there too (freeing across threads contends on the allocator).
        let check = |job: &Job| {
            let seen = pairs_reports.then_some(&seen);
            let checked = check_file(job, &profiles, options, stream.as_ref(), seen);
            checked.map(|(report, piece, prints)| {
                let mut counts = (Summary::default(), Statistics::default());
                counts.0.add(&report);
                if options.statistics {
                    counts.1.add(&report);
                }
                let fails = fails(&report, threshold);
                // Standard input cannot be read again for the text its cross-year findings show.
                let kept = (job.path == Path::new(STDIN)).then(|| report.source.clone());
                (
                    counts,
                    fails,
                    piece,
                    (job.index, job.previous, prints, kept),
                )
            })
        };
        let mut stdin_source = None;
        map_in_order(&jobs, threads, check, |result| {
            match result {
                Ok((_, _, _, (index, true, prints, _))) => years.add(index, prints, true),
                Ok(((file_summary, file_statistics), fails, piece, (index, _, prints, kept))) => {
                    years.add(index, prints, false);
                    stdin_source = stdin_source.take().or(kept);
                    summary.merge(&file_summary);
                    statistics.merge(file_statistics);
                    failing |= fails;
                    if !options.statistics {
                        writer.write(piece)?;
                    }
                }
                Err(failure) => failures.push(failure),
            }
            Ok(())
        })?;
        // The details of the reports that pair, read again now that the pairs are known, then
        // the cross-year findings, after every file's own (see `years`).
        let wanted = years.wanted();
        let read_details = |(job, prints): &(usize, Vec<pairing::Fingerprint>)| {
            let job = &jobs[*job];
            let profile = profiles.get(&job.config).and_then(Option::as_ref);
            let details = match profile {
                Some(profile) => details_of_file(&job.path, prints, profile, options),
                None => Ok(Vec::new()),
            };
            (job.index, details)
        };
        map_in_order(&wanted, threads, read_details, |(job, details)| {
            match details {
                Ok(details) => years.add_details(job, details),
                Err(failure) => failures.push(failure),
            }
            Ok(())
        })?;
        let rules_of = |job: usize| {
            let profile = profiles.get(&jobs.get(job)?.config)?.as_ref()?;
            Some(&profile.rules)
        };
        let (by_job, pairs) = years.finish(rules_of, lang);
        for (job, findings) in by_job {
            let path = &jobs[job].path;
            let kept = (path == Path::new(STDIN))
                .then(|| stdin_source.clone())
                .flatten();
            match year_piece(path, kept, findings, options, stream.as_ref()) {
                Ok((report, piece)) => {
                    // The file itself was counted when it was checked.
                    summary.add_findings(&report.findings);
                    failing |= fails(&report, threshold);
                    if options.statistics {
                        statistics.add(&report);
                    } else {
                        writer.write(piece)?;
                    }
                }
                // Said once, if reading it again for its sections failed already.
                Err(failure) if failures.iter().any(|known| known.file == failure.file) => {}
                Err(failure) => failures.push(failure),
            }
        }
        if options.statistics {
            writer.write_raw(&statistics.render())?;
        }
        summary.unreadable = failures.len();
        writer.finish_with_pairs(&summary, &failures, &pairs)?;
        Ok(())
    })();
    for failure in &failures {
        super::print_error(&failure.message);
    }
    // A closed pipe (`| head`) ends the run quietly, with the trouble status.
    if written.is_err() || !failures.is_empty() {
        return EXIT_TROUBLE;
    }
    if failing && !options.exit_zero {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

/// Whether a report has a finding at or above `threshold`, the severity that fails the run.
fn fails(report: &FileReport, threshold: Option<crate::rules::Severity>) -> bool {
    threshold.is_some_and(|threshold| {
        report
            .findings
            .iter()
            .any(|finding| finding.severity >= threshold)
    })
}

/// Reads, checks and renders one file (in a worker thread); with `seen` (the issuers and years
/// a run of several files checked so far), also takes its reports' fingerprints for pairing. The
/// `--previous` file is read for its fingerprints only.
fn check_file(
    job: &Job,
    profiles: &Profiles,
    options: &CheckOptions,
    stream: &dyn Stream,
    seen: Option<&Seen>,
) -> Result<(FileReport, Piece, Prints), InputFailure> {
    let failure = |message: String| InputFailure {
        file: job.path.display().to_string(),
        message,
    };
    let profile = profiles
        .get(&job.config)
        .and_then(Option::as_ref)
        .ok_or_else(|| failure("no settings were loaded for this file".to_string()))?;
    let source = match read_input(&job.path, &options.setup) {
        Ok(source) => source,
        // A scan is a report that cannot be checked: one finding says so, instead of a finding
        // for every section it seems to lack.
        Err(input::InputError::NoText { .. }) if profile.settings.enables(NO_TEXT_RULE) => {
            let report = no_text_report(&job.path.display().to_string(), options.setup.rules.lang);
            let piece = stream.piece(&report);
            return Ok((report, piece, Vec::new()));
        }
        Err(error) => return Err(failure(error.to_string())),
    };
    // What the file is called, for suppression comments and per-file ignores.
    let named_path = match (&options.setup.stdin_filename, job.path == Path::new(STDIN)) {
        (Some(name), true) => PathBuf::from(name),
        _ => job.path.clone(),
    };
    let lang = options.setup.rules.lang;
    let engine_options = profile.engine_options(lang);
    let (mut report, prints) =
        engine::read_source(&source, &profile.rules, engine_options, |reading| {
            // The rules run first: the fingerprints reuse the tables they read.
            let report = match job.previous {
                true => FileReport {
                    name: reading.name().to_string(),
                    source: std::sync::Arc::from(""),
                    documents: Vec::new(),
                    findings: Vec::new(),
                },
                false => engine::check(reading, &profile.rules, engine_options),
            };
            // Fingerprints serve only the year-over-year rules: none kept when they are all off.
            let cross_year_enabled = || {
                profile.rules.rules.iter().any(|rule| {
                    matches!(rule.check, crate::rules::kinds::Check::CrossYear(_))
                        && profile.settings.enables(&rule.id)
                })
            };
            // A file holding several reports (a collection) is paired within itself too.
            let own = Seen::default();
            let seen = match seen {
                Some(seen) => seen,
                None if reading.documents().len() > 1 => &own,
                None => return (report, Vec::new()),
            };
            if !cross_year_enabled() {
                return (report, Vec::new());
            }
            // A report's details (its figures and sections) are taken now if it is already known
            // to pair, or if it is standard input's, which cannot be read again; else they are
            // taken at the end, from the file read again, if it pairs then.
            let stdin = job.path == Path::new(STDIN);
            let prints: Prints = pairing::fingerprints(reading)
                .into_iter()
                .map(|print| {
                    let now = seen.pairs_now(&print) || stdin;
                    let details = now.then(|| pairing::details(reading, &print, &profile.rules));
                    (print, details)
                })
                .collect();
            (report, prints)
        });
    suppression::apply(
        &mut report,
        &named_path,
        lang,
        profile.settings.enables(suppression::UNUSED_RULE),
    );
    if !profile.settings.per_file_ignores.is_empty() {
        let absolute = config::absolute(&named_path);
        report
            .findings
            .retain(|finding| !profile.settings.ignores_in(&absolute, &finding.rule));
    }
    let piece = stream.piece(&report);
    Ok((report, piece, prints))
}

fn stream_for<'a>(
    options: &CheckOptions,
    rules: &'a RuleSet,
    to_terminal: bool,
) -> Box<dyn Stream + 'a> {
    let lang: Lang = options.setup.rules.lang;
    let summary = !options.quiet;
    match options.format {
        Format::Json => Box::new(output::json::Json),
        Format::Sarif => Box::new(output::sarif::Sarif { rules, lang }),
        Format::Github => Box::new(output::github::Github),
        Format::Junit => Box::new(output::junit::Junit),
        Format::Concise => Box::new(output::concise::Concise { lang, summary }),
        Format::Html => Box::new(output::html::Html::new(lang)),
        Format::Csv => Box::new(output::csv::Csv { lang }),
        Format::Human => Box::new(human::Human {
            style: human_style(to_terminal, options.ascii, lang),
            summary,
        }),
    }
}

//! `ogilint check`: expand paths, resolve each file's settings, run the engine, render, and
//! decide the exit status.

use std::collections::HashMap;
use std::fs;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use super::ordered::map_in_order;
use super::years::{year_piece, YearIndex};

use super::{render_rule_errors, RuleOptions, EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE};
use crate::config::{self, FailOn, Selector, Settings};
use crate::document::{IssuerKind, Regulation};
use crate::engine::{self, FileReport};
use crate::output::{self, human, InputFailure, Piece, Statistics, Stream, StreamWriter, Summary};
use crate::pairing::{self, Fingerprint};
use crate::rules::load::{self, RuleError, RuleSources};
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

/// Where settings come from.
#[derive(Debug, Clone, Default)]
pub enum ConfigChoice {
    /// The closest `ogilint.toml` above each file.
    #[default]
    Discover,
    /// One config for every file (`--config`).
    File(PathBuf),
    /// No config at all (`--isolated`).
    Isolated,
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
    pub regulation: Option<Regulation>,
    pub issuer_kind: Option<IssuerKind>,
    pub ascii: bool,
    /// Worker threads (default: one per core).
    pub threads: Option<usize>,
    /// How files are read (encoding, size limit).
    pub read: input::ReadOptions,
    /// The name standard input (`-`) goes by: its config, per-file ignores and format follow it.
    pub stdin_filename: Option<String>,
    /// `--previous`: last year's report, compared with each report checked.
    pub previous: Option<PathBuf>,
    pub config: ConfigChoice,
    pub select: Option<Vec<String>>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    pub rules: RuleOptions,
}

/// The rules and settings for the files that share one config.
pub(super) struct Profile {
    pub(super) settings: Settings,
    pub(super) rules: RuleSet,
}

impl Profile {
    /// How the engine reads files under this profile.
    pub(super) fn engine_options(&self, lang: Lang) -> engine::Options {
        engine::Options {
            regulation: self.settings.regulation,
            issuer_kind: self.settings.issuer_kind,
            lang,
            report_partial: self.settings.enables(PARTIAL_RULE),
        }
    }
}

/// The path whose config governs `path`: standard input is governed by the name it is given
/// (`--stdin-filename`), else by the current directory's config.
fn governing_path(path: &Path, options: &CheckOptions) -> PathBuf {
    match (&options.stdin_filename, path == Path::new(STDIN)) {
        (Some(name), true) => PathBuf::from(name),
        (None, true) => PathBuf::from("."),
        _ => path.to_path_buf(),
    }
}

/// The settings and rules that govern one file, resolved as `check` resolves them.
pub(super) fn profile_of(path: &Path, options: &CheckOptions) -> Result<Profile, Vec<RuleError>> {
    let config_file = match &options.config {
        ConfigChoice::Discover => config::discover(&governing_path(path, options)),
        ConfigChoice::File(file) => Some(file.clone()),
        ConfigChoice::Isolated => None,
    };
    settings_for(config_file.as_deref(), options)
        .and_then(|settings| build_profile(settings, options))
}

/// Reads and decodes one file, or standard input for `-`.
pub(super) fn read_input(
    path: &Path,
    options: &CheckOptions,
) -> Result<input::SourceText, input::InputError> {
    if path == Path::new(STDIN) {
        let name = options.stdin_filename.as_deref().unwrap_or("<stdin>");
        input::read_stdin(name, options.read)
    } else {
        input::read_file(path, options.read)
    }
}

/// Settings for `config` with the command line's overrides applied.
fn settings_for(
    config_file: Option<&Path>,
    options: &CheckOptions,
) -> Result<Settings, Vec<RuleError>> {
    let mut settings = match config_file {
        Some(path) => config::load(path)?,
        None => Settings::default(),
    };
    let cli = |texts: &[String]| -> Vec<Selector> {
        texts
            .iter()
            .map(|text| Selector {
                text: text.clone(),
                origin: config::Origin {
                    file: PathBuf::from("<command line>"),
                    source_text: std::sync::Arc::from(""),
                    span: None,
                },
            })
            .collect()
    };
    if let Some(select) = &options.select {
        settings.select = Some(cli(select));
    }
    settings.extend_select.extend(cli(&options.extend_select));
    settings.ignore.extend(cli(&options.ignore));
    if options.regulation.is_some() {
        settings.regulation = options.regulation;
    }
    if options.issuer_kind.is_some() {
        settings.issuer_kind = options.issuer_kind;
    }
    Ok(settings)
}

/// Loads the rules for a profile: built-ins, the command line's `--rules`, the config's `rules`;
/// then `select`/`ignore` and severity overrides. A selector or override that names no loaded rule
/// is an error, so a typo never silently disables nothing.
fn build_profile(settings: Settings, options: &CheckOptions) -> Result<Profile, Vec<RuleError>> {
    let mut paths = options.rules.rules.clone();
    paths.extend(settings.rules.iter().cloned());
    let loaded = load::load(&RuleSources {
        builtin: !options.rules.no_builtin,
        paths,
    })?;
    let known = |selector: &str| {
        [suppression::UNUSED_RULE, NO_TEXT_RULE, PARTIAL_RULE]
            .iter()
            .any(|rule| config::selector_matches(selector, rule))
            || loaded
                .rules
                .iter()
                .any(|rule| config::selector_matches(selector, &rule.id))
    };
    let mut errors: Vec<RuleError> = settings
        .selectors()
        .filter(|selector| !known(&selector.text))
        .map(|selector| {
            selector
                .origin
                .error(format!("`{}` names no loaded rule", selector.text))
        })
        .collect();
    for (id, (_, origin)) in &settings.severity {
        if !known(id) {
            errors.push(origin.error(format!("`{id}` names no loaded rule")));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let rules = loaded
        .rules
        .into_iter()
        .filter(|rule| settings.enables(&rule.id))
        .map(|mut rule| {
            if let Some((severity, _)) = settings.severity.get(&rule.id) {
                rule.severity = *severity;
            }
            rule
        })
        .collect();
    Ok(Profile {
        settings,
        rules: RuleSet {
            rules,
            tables: loaded.tables,
        },
    })
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
            settings_for(config_file.as_deref(), options)
                .and_then(|settings| build_profile(settings, options))
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
    let mut finding = file_finding(
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

/// A finding about a file as a whole, placed at its start.
fn file_finding(
    file: &str,
    rule: &str,
    severity: crate::rules::Severity,
    message: String,
    help: String,
) -> engine::Finding {
    engine::Finding {
        file: file.to_string(),
        document: 0,
        rule: rule.to_string(),
        severity,
        label: message.clone(),
        message,
        help,
        basis: Vec::new(),
        span: engine::Span {
            start: 0,
            end: 0,
            line: 1,
            column: 1,
            text_start: 0,
            text_end: 0,
        },
        text: String::new(),
        related: Vec::new(),
        related_files: Vec::new(),
        location: None,
    }
}

/// The rule id of the finding for a damaged or cut-off PDF whose pages were read only in part
/// (the engine makes it).
pub use crate::engine::PARTIAL_RULE;

/// The path argument that means standard input.
pub(super) const STDIN: &str = "-";

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
    let lang = options.rules.lang;
    let (paths, path_errors) = files::expand(&options.paths);
    let mut failures: Vec<InputFailure> = path_errors
        .into_iter()
        .map(|error| InputFailure {
            file: error.path,
            message: error.message,
        })
        .collect();

    // Settings first, for every file: a broken config stops the run before any output.
    let run_config = match &options.config {
        ConfigChoice::Discover => config::discover(Path::new(".")),
        ConfigChoice::File(path) => Some(path.clone()),
        ConfigChoice::Isolated => None,
    };
    let mut profiles: Profiles = HashMap::new();
    let mut rule_errors: Vec<RuleError> = Vec::new();
    profile_for(&mut profiles, &run_config, options, &mut rule_errors);
    let mut discovered: HashMap<PathBuf, Option<PathBuf>> = HashMap::new();
    let mut jobs = Vec::with_capacity(paths.len() + 1);
    let previous = options.previous.iter().map(|path| (path.clone(), true));
    for (path, is_previous) in previous.chain(paths.into_iter().map(|path| (path, false))) {
        let governing = governing_path(&path, options);
        let config_file = match &options.config {
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
            ConfigChoice::File(file) => Some(file.clone()),
            ConfigChoice::Isolated => None,
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
        eprint!("{}", render_rule_errors(&rule_errors, lang));
        return EXIT_TROUBLE;
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
                eprintln!("ogilint: error: cannot write {}: {error}", path.display());
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
    let written = (|| -> std::io::Result<()> {
        let mut writer = StreamWriter::new(std::io::BufWriter::new(out), stream.as_ref())?;
        // A file's report is reduced to what the writer needs on the thread that made it, so that
        // its memory is freed there too (freeing across threads contends on the allocator).
        let check = |job: &Job| {
            let checked = check_file(job, &profiles, options, stream.as_ref(), pairs_reports);
            checked.map(|(report, piece, prints)| {
                let mut counts = (Summary::default(), Statistics::default());
                counts.0.add(&report);
                if options.statistics {
                    counts.1.add(&report);
                }
                let fails = threshold.is_some_and(|threshold| {
                    report
                        .findings
                        .iter()
                        .any(|finding| finding.severity >= threshold)
                });
                (counts, fails, piece, (job.index, job.previous, prints))
            })
        };
        map_in_order(&jobs, threads, check, |result| {
            match result {
                Ok((_, _, _, (index, true, prints))) => years.add(index, prints, true),
                Ok(((file_summary, file_statistics), fails, piece, (index, _, prints))) => {
                    years.add(index, prints, false);
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
        // Cross-year findings, after every file's own (see `years`).
        let rules_of = |job: usize| {
            let profile = profiles.get(&jobs.get(job)?.config)?.as_ref()?;
            Some(&profile.rules)
        };
        let (by_job, pairs) = years.finish(rules_of, lang);
        for (job, findings) in by_job {
            match year_piece(&jobs[job].path, findings, options, stream.as_ref()) {
                Ok((report, piece)) => {
                    super::years::count(&mut summary, &report);
                    failing |= threshold.is_some_and(|threshold| {
                        report
                            .findings
                            .iter()
                            .any(|finding| finding.severity >= threshold)
                    });
                    if options.statistics {
                        statistics.add(&report);
                    } else {
                        writer.write(piece)?;
                    }
                }
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
        eprintln!("ogilint: error: {}", failure.message);
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

/// Reads, checks and renders one file (in a worker thread); with `pairs_reports`, also takes
/// its reports' fingerprints for pairing. The `--previous` file is read for its fingerprints only.
fn check_file(
    job: &Job,
    profiles: &Profiles,
    options: &CheckOptions,
    stream: &dyn Stream,
    pairs_reports: bool,
) -> Result<(FileReport, Piece, Vec<Fingerprint>), InputFailure> {
    let failure = |message: String| InputFailure {
        file: job.path.display().to_string(),
        message,
    };
    let profile = profiles
        .get(&job.config)
        .and_then(Option::as_ref)
        .ok_or_else(|| failure("no settings were loaded for this file".to_string()))?;
    let source = match read_input(&job.path, options) {
        Ok(source) => source,
        // A scan is a report that cannot be checked: one finding says so, instead of a finding
        // for every section it seems to lack.
        Err(input::InputError::NoText { .. }) if profile.settings.enables(NO_TEXT_RULE) => {
            let report = no_text_report(&job.path.display().to_string(), options.rules.lang);
            let piece = stream.piece(&report);
            return Ok((report, piece, Vec::new()));
        }
        Err(error) => return Err(failure(error.to_string())),
    };
    // What the file is called, for suppression comments and per-file ignores.
    let named_path = match (&options.stdin_filename, job.path == Path::new(STDIN)) {
        (Some(name), true) => PathBuf::from(name),
        _ => job.path.clone(),
    };
    let lang = options.rules.lang;
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
            let pairs = pairs_reports || reading.documents().len() > 1;
            let prints = match pairs && cross_year_enabled() {
                true => pairing::fingerprints(reading, &profile.rules),
                false => Vec::new(),
            };
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
    let lang: Lang = options.rules.lang;
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
            style: human::Style {
                color: to_terminal && std::env::var_os("NO_COLOR").is_none(),
                ascii: options.ascii,
                width: super::terminal_width(),
                lang,
            },
            summary,
        }),
    }
}

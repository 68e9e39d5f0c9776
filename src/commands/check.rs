//! `ogilint check`: expand paths, resolve each file's settings, run the engine, render, and
//! decide the exit status.

use std::collections::HashMap;
use std::fs;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use super::{render_rule_errors, RuleOptions, EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE};
use crate::config::{self, FailOn, Selector, Settings};
use crate::document::{IssuerKind, Regulation};
use crate::engine::{self, FileReport};
use crate::output::{self, human, InputFailure, Summary};
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
    pub config: ConfigChoice,
    pub select: Option<Vec<String>>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    pub rules: RuleOptions,
}

/// The rules and settings for the files that share one config.
struct Profile {
    settings: Settings,
    rules: RuleSet,
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
        selector == suppression::UNUSED_RULE
            || config::selector_matches(selector, suppression::UNUSED_RULE)
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

    // The config that governs the run as a whole (fail-on): the one for the current directory.
    let run_config = match &options.config {
        ConfigChoice::Discover => config::discover(Path::new(".")),
        ConfigChoice::File(path) => Some(path.clone()),
        ConfigChoice::Isolated => None,
    };
    let mut profiles: Profiles = HashMap::new();
    let mut rule_errors: Vec<RuleError> = Vec::new();
    let mut reports: Vec<FileReport> = Vec::with_capacity(paths.len());
    if profile_for(&mut profiles, &run_config, options, &mut rule_errors).is_none() {
        eprint!("{}", render_rule_errors(&rule_errors, lang));
        return EXIT_TROUBLE;
    }
    for path in &paths {
        let config_file = match &options.config {
            ConfigChoice::Discover => config::discover(path),
            ConfigChoice::File(file) => Some(file.clone()),
            ConfigChoice::Isolated => None,
        };
        let Some(profile) = profile_for(&mut profiles, &config_file, options, &mut rule_errors)
        else {
            continue;
        };
        let absolute = config::absolute(path);
        if profile.settings.excludes(&absolute) {
            continue;
        }
        let source = match input::read_file(path) {
            Ok(source) => source,
            Err(error) => {
                failures.push(InputFailure {
                    file: path.display().to_string(),
                    message: error.to_string(),
                });
                continue;
            }
        };
        let engine_options = engine::Options {
            regulation: profile.settings.regulation,
            issuer_kind: profile.settings.issuer_kind,
            lang,
        };
        let mut report =
            engine::check_text(&source.name, &source.text, &profile.rules, engine_options);
        suppression::apply(
            &mut report,
            path,
            lang,
            profile.settings.enables(suppression::UNUSED_RULE),
        );
        report
            .findings
            .retain(|finding| !profile.settings.ignores_in(&absolute, &finding.rule));
        reports.push(report);
    }
    if !rule_errors.is_empty() {
        eprint!("{}", render_rule_errors(&rule_errors, lang));
        return EXIT_TROUBLE;
    }
    let run_profile = profiles.get(&run_config).and_then(Option::as_ref);
    let all_rules = run_profile
        .map(|profile| profile.rules.clone())
        .unwrap_or_default();
    let fail_on = options
        .fail_on
        .or(run_profile.and_then(|profile| profile.settings.fail_on))
        .unwrap_or(FailOn::Error);

    let to_terminal = options.output.is_none() && std::io::stdout().is_terminal();
    let rendered = render(&reports, &failures, &all_rules, options, to_terminal);
    for failure in &failures {
        eprintln!("ogilint: error: {}", failure.message);
    }
    let written = match &options.output {
        Some(path) => fs::write(path, rendered.as_bytes()).map_err(|error| {
            eprintln!("ogilint: error: cannot write {}: {error}", path.display());
        }),
        None => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth a message.
            stdout
                .write_all(rendered.as_bytes())
                .and_then(|()| stdout.flush())
                .map_err(|_| ())
        }
    };
    if written.is_err() || !failures.is_empty() {
        return EXIT_TROUBLE;
    }
    let failing = fail_on.threshold().is_some_and(|threshold| {
        reports
            .iter()
            .flat_map(|report| &report.findings)
            .any(|finding| finding.severity >= threshold)
    });
    if failing && !options.exit_zero {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

fn render(
    reports: &[FileReport],
    failures: &[InputFailure],
    rules: &RuleSet,
    options: &CheckOptions,
    to_terminal: bool,
) -> String {
    let lang: Lang = options.rules.lang;
    let summary = Summary::of(reports, failures);
    let with_summary = |mut text: String| {
        if !options.quiet {
            text.push_str(&summary.line(lang));
            text.push('\n');
        }
        text
    };
    if options.statistics && matches!(options.format, Format::Human | Format::Concise) {
        return with_summary(output::statistics(reports));
    }
    match options.format {
        Format::Json => output::json::render(reports, failures) + "\n",
        Format::Sarif => output::sarif::render(reports, rules, lang) + "\n",
        Format::Github => output::github::render(reports),
        Format::Junit => output::junit::render(reports),
        Format::Concise => with_summary(output::concise::render(reports)),
        Format::Human => {
            let style = human::Style {
                color: to_terminal && std::env::var_os("NO_COLOR").is_none(),
                ascii: options.ascii,
                width: super::terminal_width(),
                lang,
            };
            with_summary(
                reports
                    .iter()
                    .map(|report| human::render_file(report, style))
                    .collect(),
            )
        }
    }
}

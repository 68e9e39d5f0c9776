//! What `check`, `inspect` and `compare` share before they look at a report: how a file is read
//! (encoding, size limit, the name standard input goes by) and which settings and rules govern
//! it (its config, the command line's overrides, the rules to load). Each command reads its files
//! here, so a file is read and judged the same way whichever command reads it.

use std::path::{Path, PathBuf};

use super::{RuleOptions, ENGINE_RULES};
use crate::config::{self, Selector, Settings};
use crate::document::{IssuerKind, Regulation};
use crate::engine;
use crate::input;
use crate::rules::load::{self, RuleError};
use crate::rules::{Lang, RuleSet};

/// The path argument that means standard input.
pub(super) const STDIN: &str = "-";

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

impl ConfigChoice {
    /// The config file that governs `path` (found from it when discovering), if any.
    pub(super) fn file_for(&self, path: &Path) -> Option<PathBuf> {
        match self {
            ConfigChoice::Discover => config::discover(path),
            ConfigChoice::File(file) => Some(file.clone()),
            ConfigChoice::Isolated => None,
        }
    }
}

/// How files are read and which settings and rules govern them.
#[derive(Debug, Clone, Default)]
pub struct Setup {
    /// How files are read (encoding, size limit).
    pub read: input::ReadOptions,
    /// The name standard input (`-`) goes by: its config, per-file ignores and format follow it.
    pub stdin_filename: Option<String>,
    pub config: ConfigChoice,
    /// Overrides the config's `regulation`.
    pub regulation: Option<Regulation>,
    /// Overrides the config's `issuer-kind`.
    pub issuer_kind: Option<IssuerKind>,
    /// Replaces the config's `select`.
    pub select: Option<Vec<String>>,
    /// Added to the config's `extend-select`.
    pub extend_select: Vec<String>,
    /// Added to the config's `ignore`.
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
            report_partial: self.settings.enables(engine::PARTIAL_RULE),
            report_out_of_scope: self.settings.enables(engine::OUT_OF_SCOPE_RULE),
        }
    }
}

/// The path whose config governs `path`: standard input is governed by the name it is given
/// (`--stdin-filename`), else by the current directory's config.
pub(super) fn governing_path(path: &Path, setup: &Setup) -> PathBuf {
    match (&setup.stdin_filename, path == Path::new(STDIN)) {
        (Some(name), true) => PathBuf::from(name),
        (None, true) => PathBuf::from("."),
        _ => path.to_path_buf(),
    }
}

/// The settings and rules that govern one file, resolved as `check` resolves them.
pub(super) fn profile_of(path: &Path, setup: &Setup) -> Result<Profile, Vec<RuleError>> {
    let config_file = setup.config.file_for(&governing_path(path, setup));
    profile_for_config(config_file.as_deref(), setup)
}

/// The settings and rules of one config file (or of none).
pub(super) fn profile_for_config(
    config_file: Option<&Path>,
    setup: &Setup,
) -> Result<Profile, Vec<RuleError>> {
    settings_for(config_file, setup).and_then(|settings| build_profile(settings, setup))
}

/// Reads and decodes one file, or standard input for `-`.
pub(super) fn read_input(
    path: &Path,
    setup: &Setup,
) -> Result<input::SourceText, input::InputError> {
    if path == Path::new(STDIN) {
        let name = setup.stdin_filename.as_deref().unwrap_or("<stdin>");
        input::read_stdin(name, setup.read)
    } else {
        input::read_file(path, setup.read)
    }
}

/// Settings for `config` with the command line's overrides applied.
fn settings_for(config_file: Option<&Path>, setup: &Setup) -> Result<Settings, Vec<RuleError>> {
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
    if let Some(select) = &setup.select {
        settings.select = Some(cli(select));
    }
    settings.extend_select.extend(cli(&setup.extend_select));
    settings.ignore.extend(cli(&setup.ignore));
    if setup.regulation.is_some() {
        settings.regulation = setup.regulation;
    }
    if setup.issuer_kind.is_some() {
        settings.issuer_kind = setup.issuer_kind;
    }
    Ok(settings)
}

/// Loads the rules for a profile: built-ins, the command line's `--rules`, the config's `rules`;
/// then `select`/`ignore` and severity overrides. A selector or override that names no loaded rule
/// is an error, so a typo never silently disables nothing.
fn build_profile(settings: Settings, setup: &Setup) -> Result<Profile, Vec<RuleError>> {
    let mut sources = setup.rules.sources();
    sources.paths.extend(settings.rules.iter().cloned());
    let loaded = load::load(&sources)?;
    let known = |selector: &str| {
        ENGINE_RULES
            .iter()
            .any(|rule| config::selector_matches(selector, rule.id))
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
                // A severity the office set is the rule's for every regulation.
                rule.severity_by_regulation.clear();
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

//! `ogilint.toml`: per-project settings, found by walking up from each checked file.
//!
//! The closest `.ogilint.toml` or `ogilint.toml` wins (`.ogilint.toml` first when a directory has
//! both). A config may `extend` another; keys are merged one by one (the extending file wins),
//! and the `severity` and `per-file-ignores` tables entry by entry. Paths in a config (`rules`,
//! `exclude`, `per-file-ignores` globs, `extend`) are relative to the file that writes them.

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use crate::document::{IssuerKind, Regulation};
use crate::rules::load::RuleError;
use crate::rules::Severity;

/// File names a config may have, in order of precedence within one directory.
pub const CONFIG_NAMES: &[&str] = &[".ogilint.toml", "ogilint.toml"];

/// The severity threshold for a failing exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    /// The least severity that fails the run, if any.
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    #[serde(default)]
    extend: Option<Spanned<String>>,
    #[serde(default)]
    select: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    extend_select: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    ignore: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    severity: Option<BTreeMap<String, Spanned<Severity>>>,
    #[serde(default)]
    rules: Option<Vec<String>>,
    #[serde(default)]
    per_file_ignores: Option<BTreeMap<String, Vec<Spanned<String>>>>,
    #[serde(default)]
    regulation: Option<Spanned<String>>,
    #[serde(default)]
    issuer_kind: Option<IssuerKind>,
    #[serde(default)]
    fail_on: Option<FailOn>,
    #[serde(default)]
    exclude: Option<Vec<String>>,
}

/// A rule selector (`period/missing`, or a prefix such as `table/` or `required`), with the
/// config file and place it was written, so that one that selects nothing can be reported.
#[derive(Debug, Clone)]
pub struct Selector {
    pub text: String,
    pub origin: Origin,
}

impl Selector {
    /// Whether the selector names this rule id: equal, or a `/`-prefix of it.
    pub fn matches(&self, id: &str) -> bool {
        selector_matches(&self.text, id)
    }
}

/// Whether a selector names a rule id: `period/missing` names itself; `period` and `period/`
/// name every `period/…` rule.
pub fn selector_matches(selector: &str, id: &str) -> bool {
    let prefix = selector.trim_end_matches('/');
    id == prefix
        || id
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// Where a setting was written.
#[derive(Debug, Clone)]
pub struct Origin {
    pub file: PathBuf,
    pub source_text: Arc<str>,
    pub span: Option<Range<usize>>,
}

impl Origin {
    /// An error at this place.
    pub fn error(&self, message: String) -> RuleError {
        RuleError {
            origin: self.file.display().to_string(),
            source_text: self.source_text.clone(),
            span: self.span.clone(),
            message,
        }
    }
}

/// A glob pattern from a config, matched against paths relative to that config's directory.
#[derive(Debug, Clone)]
pub struct ScopedGlob {
    pub base: PathBuf,
    pub pattern: glob::Pattern,
}

impl ScopedGlob {
    /// Whether `path` (absolute) matches.
    pub fn matches(&self, path: &Path) -> bool {
        let options = glob::MatchOptions {
            case_sensitive: true,
            require_literal_separator: false,
            require_literal_leading_dot: false,
        };
        path.strip_prefix(&self.base)
            .is_ok_and(|relative| self.pattern.matches_path_with(relative, options))
    }
}

/// Effective settings for a file: the merged config chain.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// The config files that contributed, closest first.
    pub files: Vec<PathBuf>,
    pub select: Option<Vec<Selector>>,
    pub extend_select: Vec<Selector>,
    pub ignore: Vec<Selector>,
    pub severity: BTreeMap<String, (Severity, Origin)>,
    /// Extra rule files or directories (absolute).
    pub rules: Vec<PathBuf>,
    pub per_file_ignores: Vec<(ScopedGlob, Vec<Selector>)>,
    pub regulation: Option<Regulation>,
    pub issuer_kind: Option<IssuerKind>,
    pub fail_on: Option<FailOn>,
    pub exclude: Vec<ScopedGlob>,
    /// For `ogilint config --show`: which file set each key.
    pub provenance: BTreeMap<&'static str, PathBuf>,
}

impl Settings {
    /// Whether a rule is enabled by `select`, `extend-select` and `ignore`.
    pub fn enables(&self, id: &str) -> bool {
        let selected = match &self.select {
            Some(selectors) => selectors.iter().any(|s| s.matches(id)),
            None => true,
        } || self.extend_select.iter().any(|s| s.matches(id));
        selected && !self.ignore.iter().any(|s| s.matches(id))
    }

    /// Whether findings of a rule are ignored for this file by `per-file-ignores`.
    pub fn ignores_in(&self, path: &Path, id: &str) -> bool {
        self.per_file_ignores
            .iter()
            .any(|(glob, selectors)| glob.matches(path) && selectors.iter().any(|s| s.matches(id)))
    }

    /// Whether the file is excluded.
    pub fn excludes(&self, path: &Path) -> bool {
        self.exclude.iter().any(|glob| glob.matches(path))
    }

    /// Every selector written anywhere, for checking that each names a loaded rule.
    pub fn selectors(&self) -> impl Iterator<Item = &Selector> {
        self.select
            .iter()
            .flatten()
            .chain(&self.extend_select)
            .chain(&self.ignore)
            .chain(
                self.per_file_ignores
                    .iter()
                    .flat_map(|(_, selectors)| selectors),
            )
    }
}

/// Finds the config for a file: the closest config file in its directory or above.
pub fn discover(path: &Path) -> Option<PathBuf> {
    let absolute = absolute(path);
    let start = if absolute.is_dir() {
        absolute.as_path()
    } else {
        absolute.parent()?
    };
    start.ancestors().find_map(|directory| {
        CONFIG_NAMES
            .iter()
            .map(|name| directory.join(name))
            .find(|candidate| candidate.is_file())
    })
}

/// `path` made absolute and canonical (`sub/../x` → `x`, links resolved) when it exists, else
/// absolute against the current directory; config bases and checked files are compared this way.
pub fn absolute(path: &Path) -> PathBuf {
    fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// Loads a config file and everything it extends.
pub fn load(path: &Path) -> Result<Settings, Vec<RuleError>> {
    let mut chain: Vec<PathBuf> = Vec::new();
    load_chain(&absolute(path), &mut chain)
}

fn load_chain(path: &Path, chain: &mut Vec<PathBuf>) -> Result<Settings, Vec<RuleError>> {
    let read_error = |message: String| RuleError {
        origin: path.display().to_string(),
        source_text: Arc::from(""),
        span: None,
        message,
    };
    if chain.iter().any(|seen| seen == path) {
        return Err(vec![read_error(format!(
            "`extend` loops back to this file (chain: {})",
            chain
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(" → ")
        ))]);
    }
    chain.push(path.to_path_buf());
    let text = fs::read_to_string(path)
        .map_err(|error| vec![read_error(format!("cannot read: {error}"))])?;
    let source_text: Arc<str> = Arc::from(text.as_str());
    let origin = |span: Option<Range<usize>>| Origin {
        file: path.to_path_buf(),
        source_text: source_text.clone(),
        span,
    };
    let raw: RawConfig = toml::from_str(&text)
        .map_err(|error| vec![origin(error.span()).error(error.message().to_string())])?;
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();

    let mut settings = match &raw.extend {
        Some(parent) => {
            let parent_path = base.join(parent.get_ref());
            if !parent_path.is_file() {
                return Err(vec![origin(Some(parent.span())).error(format!(
                    "`extend` names {}, which is not a file",
                    parent_path.display()
                ))]);
            }
            load_chain(&absolute(&parent_path), chain)?
        }
        None => Settings::default(),
    };
    settings.files.insert(0, path.to_path_buf());
    let mut errors = Vec::new();
    let selectors = |list: &[Spanned<String>]| -> Vec<Selector> {
        list.iter()
            .map(|item| Selector {
                text: item.get_ref().clone(),
                origin: origin(Some(item.span())),
            })
            .collect()
    };
    let set = |key: &'static str, settings: &mut Settings| {
        settings.provenance.insert(key, path.to_path_buf());
    };
    if let Some(list) = &raw.select {
        settings.select = Some(selectors(list));
        set("select", &mut settings);
    }
    if let Some(list) = &raw.extend_select {
        settings.extend_select = selectors(list);
        set("extend-select", &mut settings);
    }
    if let Some(list) = &raw.ignore {
        settings.ignore = selectors(list);
        set("ignore", &mut settings);
    }
    if let Some(table) = &raw.severity {
        for (id, severity) in table {
            settings.severity.insert(
                id.clone(),
                (*severity.get_ref(), origin(Some(severity.span()))),
            );
        }
        set("severity", &mut settings);
    }
    if let Some(rules) = &raw.rules {
        settings.rules = rules.iter().map(|rule| base.join(rule)).collect();
        set("rules", &mut settings);
    }
    if let Some(table) = &raw.per_file_ignores {
        for (pattern, list) in table {
            match glob::Pattern::new(pattern) {
                Ok(compiled) => {
                    settings
                        .per_file_ignores
                        .retain(|(glob, _)| glob.pattern.as_str() != pattern);
                    settings.per_file_ignores.push((
                        ScopedGlob {
                            base: base.clone(),
                            pattern: compiled,
                        },
                        selectors(list),
                    ));
                }
                Err(error) => errors.push(origin(None).error(format!(
                    "invalid glob `{pattern}` in per-file-ignores: {error}"
                ))),
            }
        }
        set("per-file-ignores", &mut settings);
    }
    if let Some(regulation) = &raw.regulation {
        match regulation.get_ref().as_str() {
            "2007" => settings.regulation = Some(Regulation::V2007),
            "2019" => settings.regulation = Some(Regulation::V2019),
            _ => errors.push(
                origin(Some(regulation.span()))
                    .error("regulation must be \"2007\" or \"2019\"".to_string()),
            ),
        }
        set("regulation", &mut settings);
    }
    if let Some(kind) = raw.issuer_kind {
        settings.issuer_kind = Some(kind);
        set("issuer-kind", &mut settings);
    }
    if let Some(fail_on) = raw.fail_on {
        settings.fail_on = Some(fail_on);
        set("fail-on", &mut settings);
    }
    if let Some(patterns) = &raw.exclude {
        settings.exclude.clear();
        for pattern in patterns {
            match glob::Pattern::new(pattern) {
                Ok(compiled) => settings.exclude.push(ScopedGlob {
                    base: base.clone(),
                    pattern: compiled,
                }),
                Err(error) => errors.push(
                    origin(None).error(format!("invalid glob `{pattern}` in exclude: {error}")),
                ),
            }
        }
        set("exclude", &mut settings);
    }
    chain.pop();
    if errors.is_empty() {
        Ok(settings)
    } else {
        Err(errors)
    }
}

impl fmt::Display for Settings {
    /// The effective settings with the file each came from, for `ogilint config --show`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let from = |key: &str| {
            self.provenance
                .get(key)
                .map_or_else(|| "default".to_string(), |path| path.display().to_string())
        };
        let list = |selectors: &[Selector]| {
            selectors
                .iter()
                .map(|s| format!("{:?}", s.text))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if self.files.is_empty() {
            writeln!(f, "# no config file: built-in defaults")?;
        } else {
            writeln!(f, "# config files, closest first:")?;
            for file in &self.files {
                writeln!(f, "#   {}", file.display())?;
            }
        }
        let select = self
            .select
            .as_deref()
            .map_or("(all rules)".to_string(), |s| format!("[{}]", list(s)));
        writeln!(f, "select = {select}  # {}", from("select"))?;
        writeln!(
            f,
            "extend-select = [{}]  # {}",
            list(&self.extend_select),
            from("extend-select")
        )?;
        writeln!(f, "ignore = [{}]  # {}", list(&self.ignore), from("ignore"))?;
        let rules: Vec<String> = self
            .rules
            .iter()
            .map(|p| format!("{:?}", p.display().to_string()))
            .collect();
        writeln!(f, "rules = [{}]  # {}", rules.join(", "), from("rules"))?;
        let regulation = self
            .regulation
            .map_or("(from each report's year)".to_string(), |r| {
                format!("{:?}", r.as_str())
            });
        writeln!(f, "regulation = {regulation}  # {}", from("regulation"))?;
        let issuer_kind = self
            .issuer_kind
            .map_or("(from each report's issuer)".to_string(), |k| {
                format!("{:?}", k.as_str())
            });
        writeln!(f, "issuer-kind = {issuer_kind}  # {}", from("issuer-kind"))?;
        let fail_on = self.fail_on.map_or("\"error\"".to_string(), |v| {
            format!("{:?}", format!("{v:?}").to_lowercase())
        });
        writeln!(f, "fail-on = {fail_on}  # {}", from("fail-on"))?;
        let exclude: Vec<String> = self
            .exclude
            .iter()
            .map(|g| format!("{:?}", g.pattern.as_str()))
            .collect();
        writeln!(
            f,
            "exclude = [{}]  # {}",
            exclude.join(", "),
            from("exclude")
        )?;
        writeln!(f, "\n[severity]  # {}", from("severity"))?;
        for (id, (severity, origin)) in &self.severity {
            writeln!(
                f,
                "{id:?} = {:?}  # {}",
                severity.as_str(),
                origin.file.display()
            )?;
        }
        writeln!(f, "\n[per-file-ignores]  # {}", from("per-file-ignores"))?;
        for (glob, selectors) in &self.per_file_ignores {
            writeln!(
                f,
                "{:?} = [{}]  # relative to {}",
                glob.pattern.as_str(),
                list(selectors),
                glob.base.display()
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors_match_ids_and_prefixes() {
        assert!(selector_matches("period/missing", "period/missing"));
        assert!(selector_matches("period", "period/missing"));
        assert!(selector_matches("period/", "period/missing"));
        assert!(!selector_matches("period/miss", "period/missing"));
        assert!(!selector_matches("per", "period/missing"));
    }
}

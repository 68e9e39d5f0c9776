//! The rule model: what a rule is, once loaded and validated.
//!
//! Rules are data (TOML, see [`load`]). Each rule has one *check* of some *kind*; the kinds live in
//! [`kinds`], one file each, behind the [`kinds::Check`] enum. A new check of an existing kind
//! needs only TOML; a new kind is a new file there plus one variant.

pub mod builtin;
pub mod examples;
pub mod kinds;
pub mod load;
pub mod tables;

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::document::Regulation;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    /// `"error"`, `"warning"` or `"info"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// Text in Chinese, optionally in English too (user rules may give Chinese only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Localized {
    pub zh: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Localized {
    /// The text in `lang`, falling back to Chinese.
    pub fn get(&self, lang: Lang) -> &str {
        match (lang, &self.en) {
            (Lang::En, Some(en)) => en,
            _ => &self.zh,
        }
    }
}

/// Which reports a rule applies to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applies {
    pub regulations: Vec<Regulation>,
    /// Inclusive report-year bounds, when the rule applies to part of a regulation's span only.
    pub from_year: Option<i32>,
    pub to_year: Option<i32>,
}

impl Applies {
    /// Whether a report judged by `regulation`, on `year` (if known), is in scope.
    pub fn matches(&self, regulation: Regulation, year: Option<i32>) -> bool {
        if !self.regulations.contains(&regulation) {
            return false;
        }
        match year {
            Some(year) => {
                self.from_year.is_none_or(|from| year >= from)
                    && self.to_year.is_none_or(|to| year <= to)
            }
            None => true,
        }
    }

    /// `2007`, `2019`, `2007,2019`, with a year range if any.
    pub fn describe(&self) -> String {
        let versions: Vec<&str> = self.regulations.iter().map(|r| r.as_str()).collect();
        let mut text = versions.join(",");
        match (self.from_year, self.to_year) {
            (Some(from), Some(to)) => text.push_str(&format!(" ({from}–{to})")),
            (Some(from), None) => text.push_str(&format!(" ({from}–)")),
            (None, Some(to)) => text.push_str(&format!(" (–{to})")),
            (None, None) => {}
        }
        text
    }
}

/// A rule example: a small report that the rule must (or must not) fire on.
#[derive(Debug, Clone)]
pub struct Example {
    pub text: String,
    pub fires: bool,
    /// The original text the finding must underline, when given.
    pub span: Option<String>,
    /// Judge the example by this regulation instead of the one its year implies.
    pub regulation: Option<Regulation>,
    /// For a cross-year rule: the report of the year before, paired with `text`.
    pub previous: Option<String>,
}

/// A loaded, validated rule.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub severity: Severity,
    /// Other severities for reports judged by a given regulation (`severity-for`).
    pub severity_by_regulation: Vec<(Regulation, Severity)>,
    pub title: Localized,
    pub message: Localized,
    pub help: Localized,
    pub explanation: Option<Localized>,
    /// The article or format clause the rule enforces, quoted.
    pub basis: Vec<String>,
    pub applies: Applies,
    pub check: kinds::Check,
    pub examples: Vec<Example>,
    /// The file the rule came from (`builtin:rules/common.toml` for built-ins).
    pub origin: String,
}

impl Rule {
    /// The severity of a finding on a report judged by `regulation`.
    pub fn severity_for(&self, regulation: Regulation) -> Severity {
        self.severity_by_regulation
            .iter()
            .find(|(version, _)| *version == regulation)
            .map_or(self.severity, |(_, severity)| *severity)
    }

    /// The severity as `ogilint explain` shows it: `error`, or `error (2007: warning)`.
    pub fn severity_text(&self) -> String {
        let mut text = self.severity.as_str().to_string();
        if !self.severity_by_regulation.is_empty() {
            let others: Vec<String> = self
                .severity_by_regulation
                .iter()
                .map(|(regulation, severity)| {
                    format!("{}: {}", regulation.as_str(), severity.as_str())
                })
                .collect();
            text += &format!(" ({})", others.join(", "));
        }
        text
    }

    /// The message for one finding, with `{placeholders}` filled in.
    pub fn message_for(&self, lang: Lang, args: &[(&str, String)]) -> String {
        fill(self.message.get(lang), args)
    }
}

/// Replaces `{name}` with its value for every `(name, value)`, in one pass over the template
/// (values are not searched for placeholders in turn). Unknown `{…}` are left as they are.
pub fn fill(template: &str, args: &[(&str, String)]) -> String {
    let mut text = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let placeholder = after.find('}').and_then(|close| {
            let name = &after[..close];
            let (_, value) = args.iter().find(|(arg, _)| *arg == name)?;
            Some((value, close))
        });
        match placeholder {
            Some((value, close)) => {
                text.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                text.push('{');
                rest = after;
            }
        }
    }
    text.push_str(rest);
    text
}

/// A set of rules, in load order, with unique ids, and the tables they read.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    pub tables: Vec<Arc<tables::TableDef>>,
}

impl RuleSet {
    /// The rule with this id.
    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|rule| rule.id == id)
    }

    /// The table definition with this id.
    pub fn table(&self, id: &str) -> Option<&Arc<tables::TableDef>> {
        self.tables.iter().find(|table| table.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn fills_placeholders_once() {
        let args = [("n", "3".to_string()), ("found", "{n}件".to_string())];
        assert_eq!(fill("{found}: {n} of {n}", &args), "{n}件: 3 of 3");
        assert_eq!(fill("{unknown} {n}", &args), "{unknown} 3");
        assert_eq!(fill("{{n}} {", &args), "{3} {");
        assert_eq!(fill("总计({lhs})", &[]), "总计({lhs})");
    }
}

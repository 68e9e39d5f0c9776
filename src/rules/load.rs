//! Loading rule files: TOML → validated [`Rule`]s, or errors that point into the file.
//!
//! A rule file is a list of `[[rule]]` tables. The kind of a rule is the name of its parameter
//! table (`[rule.required]`, `[rule.pattern]`, …), so a misspelt or unknown kind is an unknown key
//! and is reported at that key. Everything is checked at load: unknown keys, types, regexes
//! (folded as text is, then compiled), duplicate ids, and that each rule has exactly one kind.

use std::fmt;
use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use super::kinds::{self, Check, ParamError};
use super::tables::RawTable;
use super::{builtin, Applies, Example, Localized, Rule, RuleSet, Severity};
use crate::document::Regulation;

/// An invalid rule file, with the place in it.
#[derive(Debug, Clone)]
pub struct RuleError {
    /// The file (`builtin:rules/common.toml` for built-in rules).
    pub origin: String,
    pub source_text: Arc<str>,
    pub span: Option<Range<usize>>,
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid rule file {}: {}", self.origin, self.message)
    }
}

impl std::error::Error for RuleError {}

/// `2007` or `"2007"` in a rule file.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawRegulation {
    Number(i64),
    Text(String),
}

impl RawRegulation {
    fn resolve(&self) -> Option<Regulation> {
        match self {
            RawRegulation::Number(2007) => Some(Regulation::V2007),
            RawRegulation::Number(2019) => Some(Regulation::V2019),
            RawRegulation::Text(text) if text == "2007" => Some(Regulation::V2007),
            RawRegulation::Text(text) if text == "2019" => Some(Regulation::V2019),
            _ => None,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawYears {
    #[serde(default)]
    from: Option<i32>,
    #[serde(default)]
    to: Option<i32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawExample {
    fires: bool,
    text: String,
    #[serde(default)]
    span: Option<String>,
    #[serde(default)]
    regulation: Option<Spanned<RawRegulation>>,
    /// For a cross-year rule: the same issuer's report of the year before.
    #[serde(default)]
    previous: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawRule {
    id: Spanned<String>,
    severity: Severity,
    /// Another severity for reports judged by one regulation (`severity-for = { "2007" =
    /// "warning" }`).
    #[serde(default)]
    severity_for: Option<Spanned<std::collections::BTreeMap<String, Severity>>>,
    title: Localized,
    message: Localized,
    help: Localized,
    #[serde(default)]
    explanation: Option<Localized>,
    #[serde(default)]
    basis: Vec<String>,
    applies: Spanned<Vec<Spanned<RawRegulation>>>,
    #[serde(default)]
    years: Option<RawYears>,
    #[serde(default)]
    examples: Vec<RawExample>,
    // One of these, named after the rule's kind.
    #[serde(default)]
    required: Option<kinds::required::Params>,
    #[serde(default)]
    order: Option<kinds::order::Params>,
    #[serde(default)]
    outline: Option<kinds::outline::Params>,
    #[serde(default)]
    pattern: Option<kinds::pattern::Params>,
    #[serde(default)]
    period: Option<kinds::period::Params>,
    #[serde(default)]
    contact: Option<kinds::contact::Params>,
    #[serde(default)]
    wording: Option<kinds::wording::Params>,
    #[serde(default)]
    nonempty: Option<kinds::nonempty::Params>,
    #[serde(default)]
    identity: Option<kinds::identity::Params>,
    #[serde(default)]
    cells: Option<kinds::cells::Params>,
    #[serde(default)]
    layout: Option<kinds::layout::Params>,
    #[serde(default)]
    narrative: Option<kinds::narrative::Params>,
    #[serde(default)]
    deadline: Option<kinds::deadline::Params>,
    #[serde(default)]
    year: Option<kinds::year::Params>,
    #[serde(default)]
    cross_year: Option<kinds::cross_year::Params>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    rule: Vec<RawRule>,
    #[serde(default)]
    table: Vec<RawTable>,
}

/// How built-in rule files are named in messages (`builtin:rules/common.toml`).
const BUILTIN_PREFIX: &str = "builtin:";

/// The kinds a rule may have, for error messages.
pub const KINDS: &[&str] = &[
    "required",
    "order",
    "outline",
    "pattern",
    "period",
    "contact",
    "wording",
    "nonempty",
    "identity",
    "cells",
    "layout",
    "narrative",
    "deadline",
    "year",
    "cross-year",
];

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "/-_.".contains(c))
        && !id.starts_with('/')
        && !id.ends_with('/')
}

/// Parses and validates one rule file: its rules and its table definitions. Table references are
/// resolved by [`load`], once every file is read.
pub fn parse_rule_file(origin: &str, text: &str) -> Result<RuleSet, Vec<RuleError>> {
    let source_text: Arc<str> = Arc::from(text);
    let error = |span: Option<Range<usize>>, message: String| RuleError {
        origin: origin.to_string(),
        source_text: source_text.clone(),
        span,
        message,
    };
    let raw: RawFile =
        toml::from_str(text).map_err(|e| vec![error(e.span(), e.message().to_string())])?;
    let mut set = RuleSet::default();
    let mut errors = Vec::new();
    for raw_rule in raw.rule {
        let mut param_errors = Vec::new();
        match build_rule(origin, raw_rule, &mut param_errors) {
            Some(rule) if param_errors.is_empty() => set.rules.push(rule),
            _ => errors.extend(
                param_errors
                    .into_iter()
                    .map(|param_error| error(Some(param_error.span), param_error.message)),
            ),
        }
    }
    for raw_table in raw.table {
        let mut param_errors = Vec::new();
        match raw_table.compile(&mut param_errors) {
            Some(table) if param_errors.is_empty() => set.tables.push(Arc::new(table)),
            _ => errors.extend(
                param_errors
                    .into_iter()
                    .map(|param_error| error(Some(param_error.span), param_error.message)),
            ),
        }
    }
    if errors.is_empty() {
        Ok(set)
    } else {
        Err(errors)
    }
}

fn build_rule(origin: &str, raw: RawRule, errors: &mut Vec<ParamError>) -> Option<Rule> {
    let id_span = raw.id.span();
    let id = raw.id.into_inner();
    if !is_valid_id(&id) {
        errors.push(ParamError {
            span: id_span.clone(),
            message: format!("rule id `{id}` must be lowercase ASCII words separated by `/`, e.g. `local/period-sichuan`"),
        });
    }
    let mut regulations = Vec::new();
    for version in raw.applies.get_ref() {
        match version.get_ref().resolve() {
            Some(regulation) if !regulations.contains(&regulation) => regulations.push(regulation),
            Some(_) => {}
            None => errors.push(ParamError {
                span: version.span(),
                message: "unknown regulation version: use \"2007\" (report years 2008–2018) or \"2019\" (2019 on)"
                    .to_string(),
            }),
        }
    }
    let mut severity_by_regulation = Vec::new();
    if let Some(table) = &raw.severity_for {
        for (version, severity) in table.get_ref() {
            match RawRegulation::Text(version.clone()).resolve() {
                Some(regulation) if regulations.contains(&regulation) => {
                    severity_by_regulation.push((regulation, *severity));
                }
                _ => errors.push(ParamError {
                    span: table.span(),
                    message: format!(
                        "`severity-for` names `{version}`: use a regulation version the rule applies to (\"2007\" or \"2019\")"
                    ),
                }),
            }
        }
    }
    if raw.applies.get_ref().is_empty() {
        errors.push(ParamError {
            span: raw.applies.span(),
            message: "`applies` lists no regulation version, so the rule would never run"
                .to_string(),
        });
    }
    let mut checks: Vec<Check> = Vec::new();
    if let Some(params) = &raw.required {
        checks.push(Check::Required(params.compile(errors)));
    }
    if let Some(params) = &raw.order {
        checks.push(Check::Order(params.compile(errors)));
    }
    if let Some(params) = &raw.outline {
        checks.push(Check::Outline(params.compile()));
    }
    if let Some(params) = &raw.pattern {
        if let Some(check) = params.compile(id_span.clone(), errors) {
            checks.push(Check::Pattern(check));
        }
    }
    if let Some(params) = &raw.period {
        checks.push(Check::Period(params.compile()));
    }
    if let Some(params) = &raw.contact {
        checks.push(Check::Contact(params.compile()));
    }
    if let Some(params) = &raw.wording {
        checks.push(Check::Wording(params.compile(errors)));
    }
    if let Some(params) = &raw.nonempty {
        checks.push(Check::Nonempty(params.compile(errors)));
    }
    if let Some(params) = &raw.identity {
        checks.push(Check::Identity(params.compile(errors)));
    }
    if let Some(params) = &raw.cells {
        checks.push(Check::Cells(params.compile()));
    }
    if let Some(params) = &raw.layout {
        checks.push(Check::Layout(params.compile(errors)));
    }
    if let Some(params) = &raw.narrative {
        checks.push(Check::Narrative(params.compile(errors)));
    }
    if let Some(params) = &raw.deadline {
        checks.push(Check::Deadline(params.compile(errors)));
    }
    if let Some(params) = &raw.year {
        checks.push(Check::Year(params.compile()));
    }
    if let Some(params) = &raw.cross_year {
        if let Some(check) = params.compile(id_span.clone(), errors) {
            checks.push(Check::CrossYear(check));
        }
    }
    let kind_count = [
        raw.required.is_some(),
        raw.order.is_some(),
        raw.outline.is_some(),
        raw.pattern.is_some(),
        raw.period.is_some(),
        raw.contact.is_some(),
        raw.wording.is_some(),
        raw.nonempty.is_some(),
        raw.identity.is_some(),
        raw.cells.is_some(),
        raw.layout.is_some(),
        raw.narrative.is_some(),
        raw.deadline.is_some(),
        raw.year.is_some(),
        raw.cross_year.is_some(),
    ]
    .iter()
    .filter(|present| **present)
    .count();
    if kind_count != 1 {
        errors.push(ParamError {
            span: id_span.clone(),
            message: format!(
                "rule `{id}` must have exactly one check table, one of: {}",
                KINDS
                    .iter()
                    .map(|kind| format!("[rule.{kind}]"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        });
        return None;
    }
    let check = checks.pop()?;
    let examples = raw
        .examples
        .into_iter()
        .map(|example| {
            let regulation = example.regulation.as_ref().and_then(|raw| {
                let resolved = raw.get_ref().resolve();
                if resolved.is_none() {
                    errors.push(ParamError {
                        span: raw.span(),
                        message: "unknown regulation version: use \"2007\" or \"2019\"".to_string(),
                    });
                }
                resolved
            });
            Example {
                text: example.text,
                fires: example.fires,
                span: example.span,
                regulation,
                previous: example.previous,
            }
        })
        .collect();
    Some(Rule {
        id,
        severity: raw.severity,
        severity_by_regulation,
        title: raw.title,
        message: raw.message,
        help: raw.help,
        explanation: raw.explanation,
        basis: raw.basis,
        applies: Applies {
            regulations,
            from_year: raw.years.as_ref().and_then(|years| years.from),
            to_year: raw.years.as_ref().and_then(|years| years.to),
        },
        check,
        examples,
        origin: origin.to_string(),
    })
}

/// Where rules come from.
#[derive(Debug, Clone, Default)]
pub struct RuleSources {
    /// Load the rules built into the binary.
    pub builtin: bool,
    /// Rule files, or directories searched recursively for `*.toml`.
    pub paths: Vec<PathBuf>,
}

/// Loads every rule from `sources`; ids must be unique across all of them.
pub fn load(sources: &RuleSources) -> Result<RuleSet, Vec<RuleError>> {
    let mut files: Vec<(String, String)> = Vec::new();
    let mut errors = Vec::new();
    if sources.builtin {
        files.extend(
            builtin::FILES
                .iter()
                .map(|(name, text)| (format!("{BUILTIN_PREFIX}{name}"), text.to_string())),
        );
    }
    for path in &sources.paths {
        match rule_files(path) {
            Ok(found) => {
                for file in found {
                    match fs::read_to_string(&file) {
                        Ok(text) => files.push((file.display().to_string(), text)),
                        Err(error) => errors.push(io_error(&file, &error)),
                    }
                }
            }
            Err(error) => errors.push(io_error(path, &error)),
        }
    }
    let mut set = RuleSet::default();
    for (origin, text) in &files {
        let parsed = match parse_rule_file(origin, text) {
            Ok(parsed) => parsed,
            Err(file_errors) => {
                errors.extend(file_errors);
                continue;
            }
        };
        // User rules have no tests behind them: compile every pattern now, so that one too big
        // to compile is an error here rather than a rule that silently matches nothing.
        if !origin.starts_with(BUILTIN_PREFIX) {
            let patterns = parsed
                .rules
                .iter()
                .flat_map(|rule| rule.check.compiled_patterns())
                .chain(parsed.tables.iter().flat_map(|table| {
                    std::iter::once(&table.anchor)
                        .chain(&table.rows)
                        .chain(&table.end)
                }));
            for pattern in patterns {
                if let Err(error) = pattern.force() {
                    errors.push(RuleError {
                        origin: origin.clone(),
                        source_text: Arc::from(text.as_str()),
                        span: Some(error.span),
                        message: error.message,
                    });
                }
            }
        }
        let duplicate = |id: &str, existing: &str| RuleError {
            origin: origin.clone(),
            source_text: Arc::from(text.as_str()),
            span: find_id_span(text, id),
            message: format!("duplicate id `{id}` (already defined in {existing})"),
        };
        for rule in parsed.rules {
            match set.get(&rule.id) {
                Some(existing) => errors.push(duplicate(&rule.id, &existing.origin)),
                None => set.rules.push(rule),
            }
        }
        for table in parsed.tables {
            match set.table(&table.id) {
                Some(_) => errors.push(duplicate(&table.id, "another [[table]]")),
                None => set.tables.push(table),
            }
        }
    }
    // A rule may read a table defined in any loaded file.
    for rule in &set.rules {
        for reference in rule.check.table_refs() {
            if set.table(&reference.id).is_none() {
                let text = files
                    .iter()
                    .find(|(origin, _)| *origin == rule.origin)
                    .map_or("", |(_, text)| text.as_str());
                errors.push(RuleError {
                    origin: rule.origin.clone(),
                    source_text: Arc::from(text),
                    span: Some(reference.span.clone()),
                    message: format!("no [[table]] with id `{}` is loaded", reference.id),
                });
            }
        }
    }
    if errors.is_empty() {
        Ok(set)
    } else {
        Err(errors)
    }
}

fn io_error(path: &Path, error: &std::io::Error) -> RuleError {
    RuleError {
        origin: path.display().to_string(),
        source_text: Arc::from(""),
        span: None,
        message: format!("cannot read: {error}"),
    }
}

/// The span of `id = "<id>"` in a rule file, for errors found after parsing.
fn find_id_span(text: &str, id: &str) -> Option<Range<usize>> {
    ["\"", "'"].iter().find_map(|quote| {
        let needle = format!("{quote}{id}{quote}");
        text.find(&needle).map(|start| start..start + needle.len())
    })
}

/// A rule file, or the `*.toml` files under a directory (sorted, recursive).
fn rule_files(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    let metadata = fs::metadata(path)?;
    if !metadata.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(path)
        .follow_links(true)
        .sort_by_file_name()
    {
        let entry = entry.map_err(std::io::Error::other)?;
        if entry.file_type().is_file() && entry.path().extension().is_some_and(|ext| ext == "toml")
        {
            files.push(entry.into_path());
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[[rule]]
id = "local/title-word"
severity = "warning"
title = { zh = "标题用词" }
message = { zh = "标题应写“年度报告”" }
help = { zh = "改为“年度报告”" }
applies = ["2007", 2019]
[rule.pattern]
scope = "title"
forbid = "工作总结"
"#;

    fn first_error(text: &str) -> RuleError {
        parse_rule_file("test.toml", text)
            .expect_err("the file is invalid")
            .remove(0)
    }

    fn spanned_text(error: &RuleError) -> &str {
        let span = error.span.clone().expect("the error has a span");
        &error.source_text[span]
    }

    #[test]
    fn loads_a_valid_rule() {
        let rules = parse_rule_file("test.toml", GOOD).expect("valid").rules;
        assert_eq!(rules[0].id, "local/title-word");
        assert_eq!(
            rules[0].applies.regulations,
            vec![Regulation::V2007, Regulation::V2019]
        );
        assert_eq!(rules[0].check.kind_name(), "pattern");
    }

    #[test]
    fn a_severity_for_one_regulation_is_that_regulations() {
        let text = GOOD.replace(
            "severity = \"warning\"\n",
            "severity = \"warning\"\nseverity-for = { \"2007\" = \"info\" }\n",
        );
        let rule = &parse_rule_file("test.toml", &text).expect("valid").rules[0];
        assert_eq!(rule.severity_for(Regulation::V2007), Severity::Info);
        assert_eq!(rule.severity_for(Regulation::V2019), Severity::Warning);
        assert_eq!(rule.severity_text(), "warning (2007: info)");
        let error = first_error(&text.replace("\"2007\" = \"info\"", "\"2020\" = \"info\""));
        assert!(
            error.message.contains("`severity-for` names `2020`"),
            "{}",
            error.message
        );
    }

    #[test]
    fn unknown_key_points_at_the_key() {
        let error = first_error(&GOOD.replace("scope = \"title\"", "scope = \"title\"\nscop = 1"));
        assert!(
            error.message.contains("unknown field `scop`"),
            "{}",
            error.message
        );
        assert_eq!(spanned_text(&error), "scop");
    }

    #[test]
    fn unknown_kind_points_at_the_table() {
        let error = first_error(&GOOD.replace("[rule.pattern]", "[rule.patern]"));
        assert!(
            error.message.contains("unknown field `patern`"),
            "{}",
            error.message
        );
    }

    #[test]
    fn bad_regex_points_at_the_pattern() {
        let error = first_error(&GOOD.replace("forbid = \"工作总结\"", "forbid = \"工作(总结\""));
        assert!(
            error.message.contains("invalid regular expression"),
            "{}",
            error.message
        );
        assert_eq!(spanned_text(&error), "\"工作(总结\"");
    }

    #[test]
    fn pattern_matching_everything_is_rejected() {
        let error = first_error(&GOOD.replace("forbid = \"工作总结\"", "forbid = \"x*\""));
        assert!(error.message.contains("empty string"), "{}", error.message);
    }

    #[test]
    fn missing_kind_is_reported_at_the_id() {
        let text = GOOD.replace(
            "[rule.pattern]\nscope = \"title\"\nforbid = \"工作总结\"\n",
            "",
        );
        let error = first_error(&text);
        assert!(
            error.message.contains("exactly one check table"),
            "{}",
            error.message
        );
        assert_eq!(spanned_text(&error), "\"local/title-word\"");
    }

    #[test]
    fn a_user_pattern_too_big_to_compile_is_an_error_at_load() {
        let directory = tempfile_dir("big");
        let text = GOOD.replace("forbid = \"工作总结\"", "forbid = '(?:\\w{200}){200}'");
        fs::write(directory.join("big.toml"), text).expect("write");
        let errors = load(&RuleSources {
            builtin: false,
            paths: vec![directory.clone()],
        })
        .expect_err("too big");
        fs::remove_dir_all(&directory).ok();
        assert!(
            errors[0].message.contains("invalid regular expression"),
            "{}",
            errors[0].message
        );
    }

    fn tempfile_dir(name: &str) -> std::path::PathBuf {
        let directory = std::env::temp_dir().join(format!("ogilint-{name}-{}", std::process::id()));
        fs::create_dir_all(&directory).expect("temp dir");
        directory
    }

    /// A table of three columns with `groups` as its `column-groups`.
    fn table_with_groups(groups: &str) -> String {
        format!(
            "[[table]]\nid = \"t\"\nname = {{ zh = \"表\" }}\nanchor = '甲'\ncolumns = [\"甲\", \"乙\", \"丙\"]\ncolumn-groups = [{groups}]\n"
        )
    }

    #[test]
    fn column_groups_are_checked_at_load() {
        let good = table_with_groups(
            "{ name = \"全部\", columns = [\"甲\", \"乙\", \"丙\"] }, { name = \"后两列\", columns = [\"乙\", \"丙\"] }",
        );
        let tables = parse_rule_file("test.toml", &good).expect("valid").tables;
        let spans = tables[0]
            .header_names
            .spans("后 两 列")
            .expect("the group is named");
        assert_eq!(spans.to_vec(), vec![1..3]);
        for (groups, message, at) in [
            (
                "{ name = \"乙丁\", columns = [\"乙\", \"丁\"] }",
                "`丁` is not one of the table's `columns`",
                "[\"乙\", \"丁\"]",
            ),
            (
                "{ name = \"甲丙\", columns = [\"甲\", \"丙\"] }",
                "consecutive columns of the table, in the table's order",
                "[\"甲\", \"丙\"]",
            ),
            (
                "{ name = \"乙甲\", columns = [\"乙\", \"甲\"] }",
                "consecutive columns of the table, in the table's order",
                "[\"乙\", \"甲\"]",
            ),
            (
                "{ name = \"空\", columns = [] }",
                "at least one column",
                "[]",
            ),
            ("{ name = \" \", columns = [\"甲\"] }", "needs a name", "\" \""),
            (
                "{ name = \"前两列\", columns = [\"甲\", \"乙\"] }, { name = \"后两列\", columns = [\"乙\", \"丙\"] }",
                "column group `后两列` takes some columns of group `前两列` but not all",
                "[\"乙\", \"丙\"]",
            ),
            (
                "{ name = \"甲乙\", columns = [\"甲\", \"乙\"], rows = 2 }",
                "unknown field `rows`",
                "rows",
            ),
        ] {
            let error = first_error(&table_with_groups(groups));
            assert!(error.message.contains(message), "{groups}: {}", error.message);
            assert_eq!(spanned_text(&error), at, "{groups}");
        }
    }

    #[test]
    fn duplicate_ids_across_files_are_rejected() {
        let directory = std::env::temp_dir().join(format!("ogilint-dup-{}", std::process::id()));
        fs::create_dir_all(&directory).expect("temp dir");
        fs::write(directory.join("a.toml"), GOOD).expect("write");
        fs::write(directory.join("b.toml"), GOOD).expect("write");
        let errors = load(&RuleSources {
            builtin: false,
            paths: vec![directory.clone()],
        })
        .expect_err("duplicate");
        fs::remove_dir_all(&directory).ok();
        assert!(errors[0]
            .message
            .contains("duplicate id `local/title-word`"));
    }
}

//! The commands behind the CLI. `main.rs` parses arguments into these option structs; each
//! command returns its exit status.

pub mod check;
pub mod compare;
pub mod inspect;
mod ordered;
pub mod setup;
mod years;

use std::fs;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::output::human;
use crate::rules::examples::run_examples;
use crate::rules::load::{self, RuleError, RuleSources};
use crate::rules::{kinds, Lang, Rule, RuleSet, Severity};

/// Exit status: nothing at or above `--fail-on`.
pub const EXIT_OK: u8 = 0;
/// Exit status: findings at or above `--fail-on`, or failing rule examples.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit status: usage error, unreadable input or invalid rules/config.
pub const EXIT_TROUBLE: u8 = 2;

/// Tells the user why a command could not do its work, in the one shape every command uses
/// (`ogilint: error: …`, which editors and scripts look for).
pub fn print_error(message: impl std::fmt::Display) {
    eprintln!("ogilint: error: {message}");
}

/// A finding the engine makes itself, about the input rather than the report's content: it can be
/// selected, ignored and given a severity like any rule, and `ogilint rules` lists it.
struct EngineRule {
    id: &'static str,
    severity: Severity,
    title_zh: &'static str,
    title_en: &'static str,
}

/// Every rule the engine applies itself.
const ENGINE_RULES: [EngineRule; 4] = [
    EngineRule {
        id: check::NO_TEXT_RULE,
        severity: Severity::Error,
        title_zh: "文档没有文字层(扫描件)",
        title_en: "document has no text layer (a scan)",
    },
    EngineRule {
        id: check::PARTIAL_RULE,
        severity: Severity::Warning,
        title_zh: "文件损坏或不完整,只读出部分页面",
        title_en: "damaged or cut-off file, read only in part",
    },
    EngineRule {
        id: crate::engine::OUT_OF_SCOPE_RULE,
        severity: Severity::Info,
        title_zh: "高等学校的学年报告,不按《条例》检查",
        title_en: "a school's academic-year report, not checked against the 条例",
    },
    EngineRule {
        id: crate::suppression::UNUSED_RULE,
        severity: Severity::Warning,
        title_zh: "未使用的抑制注释",
        title_en: "suppression comment that suppresses nothing",
    },
];

/// Which rules to load.
#[derive(Debug, Clone, Default)]
pub struct RuleOptions {
    /// Extra rule files or directories.
    pub rules: Vec<PathBuf>,
    pub no_builtin: bool,
    pub lang: Lang,
}

impl RuleOptions {
    /// The built-in rules unless left out, and the extra files.
    fn sources(&self) -> RuleSources {
        RuleSources {
            builtin: !self.no_builtin,
            paths: self.rules.clone(),
        }
    }
}

/// The terminal width for wrapping diagnostics (`COLUMNS`, else 100).
fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|columns| columns.parse().ok())
        .unwrap_or(100)
}

/// How diagnostics are drawn: in colour on a terminal unless `NO_COLOR` is set, as wide as the
/// terminal.
fn human_style(to_terminal: bool, ascii: bool, lang: Lang) -> human::Style {
    human::Style {
        color: to_terminal && std::env::var_os("NO_COLOR").is_none(),
        ascii,
        width: terminal_width(),
        lang,
    }
}

/// Prints rule or config errors to stderr; returns the exit status they end a run with.
fn report_rule_errors(errors: &[RuleError], lang: Lang) -> u8 {
    let style = human_style(std::io::stderr().is_terminal(), false, lang);
    let rendered: String = errors
        .iter()
        .map(|error| human::render_rule_error(error, style))
        .collect();
    eprint!("{rendered}");
    EXIT_TROUBLE
}

/// `value` as the `--format json` of `inspect` and `compare` print it: pretty, with a final line
/// break.
fn pretty_json(value: &impl serde::Serialize) -> String {
    serde_json::to_string_pretty(value)
        .map(|json| json + "\n")
        .unwrap_or_default()
}

/// Writes a command's whole output to standard output; returns the exit status. A closed pipe
/// (`| head`) ends the run quietly, with the trouble status.
fn print_output(text: &str) -> u8 {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => EXIT_OK,
        Err(_) => EXIT_TROUBLE,
    }
}

/// Loads rules; errors are printed, and the exit status returned.
fn load_rules(sources: &RuleSources, lang: Lang) -> Result<RuleSet, u8> {
    load::load(sources).map_err(|errors| report_rule_errors(&errors, lang))
}

/// `ogilint rules`: one line per loaded rule (id, severity, regulation versions, title).
pub fn list_rules(options: &RuleOptions) -> u8 {
    let rules = match load_rules(&options.sources(), options.lang) {
        Ok(rules) => rules,
        Err(code) => return code,
    };
    let id_width = rules
        .rules
        .iter()
        .map(|rule| rule.id.len())
        .max()
        .unwrap_or(0);
    let severity_width = rules
        .rules
        .iter()
        .map(|rule| rule.severity_text().len())
        .max()
        .unwrap_or(0)
        .max(7);
    let mut text = String::new();
    for rule in &rules.rules {
        text.push_str(&format!(
            "{:<id_width$}  {:<severity_width$}  {:<9}  {}\n",
            rule.id,
            rule.severity_text(),
            rule.applies.describe(),
            rule.title.get(options.lang),
        ));
    }
    for rule in &ENGINE_RULES {
        let (id, severity) = (rule.id, rule.severity.as_str());
        let title = match options.lang {
            Lang::Zh => rule.title_zh,
            Lang::En => rule.title_en,
        };
        text.push_str(&format!(
            "{id:<id_width$}  {severity:<severity_width$}  {:<9}  {title}\n",
            "all"
        ));
    }
    print!("{text}");
    EXIT_OK
}

/// `ogilint rules --patterns`: every regular expression the rules search text with, one per
/// line, for comparing ogilint with a plain text search.
pub fn list_patterns(options: &RuleOptions) -> u8 {
    let rules = match load_rules(&options.sources(), options.lang) {
        Ok(rules) => rules,
        Err(code) => return code,
    };
    // Group names are dropped: a text search joins all patterns into one, where `n` would repeat.
    let unnamed = regex::Regex::new(r"\(\?P?<[A-Za-z_][A-Za-z0-9_]*>").expect("valid");
    let mut patterns: Vec<String> = rules
        .rules
        .iter()
        .flat_map(|rule| rule.check.patterns())
        .map(|pattern| unnamed.replace_all(&pattern, "(").into_owned())
        .collect();
    patterns.sort();
    patterns.dedup();
    for pattern in patterns {
        println!("{pattern}");
    }
    EXIT_OK
}

/// `ogilint rules --kinds-reference`: the rule kinds' reference, as in `docs/authoring.md`.
pub fn kinds_reference() -> u8 {
    print!("{}", kinds::reference_markdown());
    EXIT_OK
}

/// `ogilint explain RULE`.
pub fn explain(id: &str, options: &RuleOptions) -> u8 {
    let rules = match load_rules(&options.sources(), options.lang) {
        Ok(rules) => rules,
        Err(code) => return code,
    };
    let Some(rule) = rules.get(id) else {
        let family = id.split('/').next().unwrap_or(id);
        let similar: Vec<&str> = rules
            .rules
            .iter()
            .map(|rule| rule.id.as_str())
            .filter(|candidate| candidate.starts_with(family) || candidate.contains(id))
            .collect();
        print_error(format_args!("no rule `{id}`"));
        if !similar.is_empty() {
            eprintln!("  rules with similar ids: {}", similar.join(", "));
        }
        eprintln!("  `ogilint rules` lists them all");
        return EXIT_TROUBLE;
    };
    print!("{}", explanation(rule, options.lang));
    EXIT_OK
}

fn explanation(rule: &Rule, lang: Lang) -> String {
    let (applies, kind, severity, basis, message, help, examples, fires, passes) = match lang {
        Lang::Zh => (
            "适用",
            "类型",
            "级别",
            "依据",
            "提示",
            "修改建议",
            "示例",
            "应报告",
            "不应报告",
        ),
        Lang::En => (
            "applies to",
            "kind",
            "severity",
            "basis",
            "message",
            "fix",
            "examples",
            "fires on",
            "passes",
        ),
    };
    let mut text = format!("{} — {}\n\n", rule.id, rule.title.get(lang));
    text.push_str(&format!("{severity}: {}\n", rule.severity_text()));
    text.push_str(&format!("{applies}: 《条例》{}\n", rule.applies.describe()));
    text.push_str(&format!("{kind}: {}\n", rule.check.kind_name()));
    for line in &rule.basis {
        text.push_str(&format!("{basis}: {line}\n"));
    }
    text.push_str(&format!(
        "\n{message}: {}\n{help}: {}\n",
        rule.message.get(lang),
        rule.help.get(lang)
    ));
    if let Some(explanation) = &rule.explanation {
        text.push_str(&format!("\n{}\n", explanation.get(lang).trim_end()));
    }
    if !rule.examples.is_empty() {
        text.push_str(&format!("\n{examples}:\n"));
        for example in &rule.examples {
            let verdict = if example.fires { fires } else { passes };
            text.push_str(&format!("\n  [{verdict}]\n"));
            for line in example.text.trim_end().lines() {
                text.push_str(&format!("    {line}\n"));
            }
        }
    }
    text
}

/// `ogilint test [RULE_FILES…]`: runs every rule's examples; exit 1 if any fails. Without files,
/// tests the loaded rules (built-ins and `--rules`).
pub fn test_rules(files: &[PathBuf], options: &RuleOptions) -> u8 {
    let sources = if files.is_empty() {
        options.sources()
    } else {
        RuleSources {
            builtin: false,
            paths: files.to_vec(),
        }
    };
    let rules = match load_rules(&sources, options.lang) {
        Ok(rules) => rules,
        Err(code) => return code,
    };
    let (mut passed, mut failed, mut without) = (0usize, 0usize, 0usize);
    let mut out = String::new();
    for rule in &rules.rules {
        if rule.examples.is_empty() {
            without += 1;
            out.push_str(&format!(
                "warning: {} has no examples ({})\n",
                rule.id, rule.origin
            ));
            continue;
        }
        for outcome in run_examples(rule, &rules.tables) {
            let example = &rule.examples[outcome.index];
            let kind = if example.fires { "fires" } else { "passes" };
            if outcome.passed {
                passed += 1;
                out.push_str(&format!(
                    "PASS  {} example #{} ({kind})\n",
                    rule.id,
                    outcome.index + 1
                ));
            } else {
                failed += 1;
                out.push_str(&format!(
                    "FAIL  {} example #{} ({kind}): {}\n",
                    rule.id,
                    outcome.index + 1,
                    outcome.detail
                ));
            }
        }
    }
    out.push_str(&format!(
        "\n{passed} passed, {failed} failed; {} rule(s), {without} without examples\n",
        rules.rules.len()
    ));
    print!("{out}");
    if failed > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

const STARTER_CONFIG: &str = include_str!("../../docs/templates/ogilint.toml");
const STARTER_RULES: &str = include_str!("../../docs/templates/local-rules.toml");

/// `ogilint init [DIR]`: writes a starter `ogilint.toml` and an example rule file. Never
/// overwrites: an existing file is an error.
pub fn init(directory: &Path) -> u8 {
    let config = directory.join("ogilint.toml");
    let rules_dir = directory.join("ogilint-rules");
    let rules = rules_dir.join("local.toml");
    for existing in [&config, &rules] {
        if existing.exists() {
            print_error(format_args!(
                "{} already exists; nothing was written",
                existing.display()
            ));
            return EXIT_TROUBLE;
        }
    }
    let written = fs::create_dir_all(&rules_dir)
        .and_then(|()| fs::write(&config, STARTER_CONFIG))
        .and_then(|()| fs::write(&rules, STARTER_RULES));
    match written {
        Ok(()) => {
            println!("wrote {}", config.display());
            println!("wrote {}", rules.display());
            println!(
                "next: edit the rule, then run `ogilint test {}`",
                rules.display()
            );
            EXIT_OK
        }
        Err(error) => {
            print_error(format_args!(
                "cannot write in {}: {error}",
                directory.display()
            ));
            EXIT_TROUBLE
        }
    }
}

/// `ogilint config --show [PATH]`: the effective settings for a path and where each came from.
pub fn show_config(path: &Path, choice: &setup::ConfigChoice, lang: Lang) -> u8 {
    let settings = match choice.file_for(path) {
        Some(file) => match crate::config::load(&file) {
            Ok(settings) => settings,
            Err(errors) => return report_rule_errors(&errors, lang),
        },
        None => crate::config::Settings::default(),
    };
    println!("# effective settings for {}", path.display());
    print!("{settings}");
    EXIT_OK
}

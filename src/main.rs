//! The `ogilint` command line: parses arguments and hands over to the library.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use ogilint::document::Regulation;
use ogilint::engine::{self, FileReport};
use ogilint::output::{self, human, InputFailure, Summary};
use ogilint::rules::load::{self, RuleSources};
use ogilint::rules::{Lang, Rule, RuleSet, Severity};
use ogilint::{files, input};

/// Checks 政府信息公开工作年度报告 against 《中华人民共和国政府信息公开条例》.
#[derive(Parser)]
#[command(name = "ogilint", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check reports: files, directories (recursively) and glob patterns.
    Check(CheckArgs),
    /// List every loaded rule.
    Rules(RuleArgs),
    /// Explain one rule: what it checks, its legal basis and its examples.
    Explain {
        /// The rule id, e.g. `period/missing`.
        rule: String,
        #[command(flatten)]
        rules: RuleArgs,
    },
}

#[derive(Args, Clone)]
struct RuleArgs {
    /// Also load rules from this TOML file or directory (repeatable).
    #[arg(long = "rules", value_name = "FILE_OR_DIR")]
    rules: Vec<PathBuf>,
    /// Do not load the built-in rules.
    #[arg(long)]
    no_builtin: bool,
    /// Language of messages.
    #[arg(long, value_enum, default_value_t = Lang::Zh)]
    lang: Lang,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum RegulationArg {
    #[value(name = "2007")]
    V2007,
    #[value(name = "2019")]
    V2019,
}

#[derive(Args)]
struct CheckArgs {
    /// Files, directories or glob patterns (quote globs: 'reports/**/*.txt').
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<String>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Exit with 1 when a finding has at least this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    fail_on: FailOn,
    /// Judge every report by this regulation text, whatever its year.
    #[arg(long, value_enum)]
    regulation: Option<RegulationArg>,
    /// Draw diagnostics with ASCII characters only.
    #[arg(long)]
    ascii: bool,
    #[command(flatten)]
    rules: RuleArgs,
}

/// Exit status: findings at or above `--fail-on`.
const EXIT_FINDINGS: u8 = 1;
/// Exit status: usage error, unreadable input or invalid rules.
const EXIT_TROUBLE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => check(args),
        Command::Rules(args) => list_rules(&args),
        Command::Explain { rule, rules } => explain(&rule, &rules),
    }
}

fn load_rules(args: &RuleArgs) -> Result<RuleSet, ExitCode> {
    load::load(&RuleSources {
        builtin: !args.no_builtin,
        paths: args.rules.clone(),
    })
    .map_err(|errors| {
        let style = human::Style {
            color: std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
            ascii: false,
            width: terminal_width(),
            lang: args.lang,
        };
        for error in errors {
            eprint!("{}", human::render_rule_error(&error, style));
        }
        ExitCode::from(EXIT_TROUBLE)
    })
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|columns| columns.parse().ok())
        .unwrap_or(100)
}

fn check(args: CheckArgs) -> ExitCode {
    let rules = match load_rules(&args.rules) {
        Ok(rules) => rules,
        Err(code) => return code,
    };
    let lang = args.rules.lang;
    let options = engine::Options {
        regulation: args.regulation.map(|regulation| match regulation {
            RegulationArg::V2007 => Regulation::V2007,
            RegulationArg::V2019 => Regulation::V2019,
        }),
        lang,
    };
    let (paths, path_errors) = files::expand(&args.paths);
    let mut failures: Vec<InputFailure> = path_errors
        .into_iter()
        .map(|error| InputFailure {
            file: error.path,
            message: error.message,
        })
        .collect();
    let mut reports: Vec<FileReport> = Vec::with_capacity(paths.len());
    for path in &paths {
        match input::read_file(path) {
            Ok(source) => reports.push(engine::check_text(
                &source.name,
                &source.text,
                &rules,
                options,
            )),
            Err(error) => failures.push(InputFailure {
                file: path.display().to_string(),
                message: error.to_string(),
            }),
        }
    }

    let stdout = std::io::stdout();
    let color = stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut out = stdout.lock();
    let summary = Summary::of(&reports, &failures);
    let written = match args.format {
        Format::Json => writeln!(out, "{}", output::json::render(&reports, &failures)),
        Format::Human => {
            let style = human::Style {
                color,
                ascii: args.ascii,
                width: terminal_width(),
                lang,
            };
            let mut text = String::new();
            for report in &reports {
                text.push_str(&human::render_file(report, style));
            }
            write!(out, "{text}").and_then(|_| writeln!(out, "{}", summary.line(lang)))
        }
    };
    for failure in &failures {
        eprintln!("ogilint: error: {}", failure.message);
    }
    if written.is_err() {
        // stdout closed (e.g. piped into `head`): nothing more to say.
        return ExitCode::from(EXIT_TROUBLE);
    }
    if !failures.is_empty() {
        return ExitCode::from(EXIT_TROUBLE);
    }
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let failing = threshold.is_some_and(|threshold| {
        reports
            .iter()
            .flat_map(|report| &report.findings)
            .any(|finding| finding.severity >= threshold)
    });
    if failing {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

fn list_rules(args: &RuleArgs) -> ExitCode {
    let rules = match load_rules(args) {
        Ok(rules) => rules,
        Err(code) => return code,
    };
    let id_width = rules
        .rules
        .iter()
        .map(|rule| rule.id.len())
        .max()
        .unwrap_or(0);
    let mut text = String::new();
    for rule in &rules.rules {
        text.push_str(&format!(
            "{:<id_width$}  {:<7}  {:<9}  {}\n",
            rule.id,
            rule.severity.as_str(),
            rule.applies.describe(),
            rule.title.get(args.lang),
        ));
    }
    print!("{text}");
    ExitCode::SUCCESS
}

fn explain(id: &str, args: &RuleArgs) -> ExitCode {
    let rules = match load_rules(args) {
        Ok(rules) => rules,
        Err(code) => return code,
    };
    let Some(rule) = rules.get(id) else {
        let similar: Vec<&str> = rules
            .rules
            .iter()
            .map(|rule| rule.id.as_str())
            .filter(|candidate| {
                candidate.contains(id) || id.contains(candidate.split('/').next().unwrap_or(""))
            })
            .collect();
        eprintln!("ogilint: error: no rule `{id}`");
        if !similar.is_empty() {
            eprintln!("  rules with similar ids: {}", similar.join(", "));
        }
        eprintln!("  `ogilint rules` lists them all");
        return ExitCode::from(EXIT_TROUBLE);
    };
    print!("{}", explanation(rule, args.lang));
    ExitCode::SUCCESS
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
    text.push_str(&format!("{severity}: {}\n", rule.severity));
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

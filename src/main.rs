//! The `ogilint` command line: parses arguments and hands over to [`ogilint::commands`].

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use ogilint::commands::check::{CheckOptions, Format};
use ogilint::commands::compare::{CompareFormat, CompareOptions};
use ogilint::commands::inspect::{InspectFormat, InspectOptions, Part};
use ogilint::commands::setup::{ConfigChoice, Setup};
use ogilint::commands::{self, RuleOptions};
use ogilint::config::FailOn;
use ogilint::document::{IssuerKind, Regulation};
use ogilint::rules::Lang;

/// Every file allocates and frees its text several times over (bytes, decoded, normalised, lines,
/// output): with the system allocator that was 9 % of a corpus run, and this one checks a corpus
/// 15 % faster at a bounded peak (29 MB for 20,000 reports; see `bench/RESULTS.md`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    /// Show what ogilint read from a file: its text after extraction and normalisation, the
    /// structure recognised in each report, and every table as a grid of cells.
    Inspect(InspectArgs),
    /// Compare an issuer's reports of two years: each section's similarity, and the table
    /// figures that changed, side by side.
    Compare(CompareArgs),
    /// List every loaded rule.
    Rules {
        /// Print every regular expression the rules search text with, one per line.
        #[arg(long)]
        patterns: bool,
        /// Print the reference of every rule kind (Markdown).
        #[arg(long, conflicts_with = "patterns")]
        kinds_reference: bool,
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// Explain one rule: what it checks, its legal basis and its examples.
    Explain {
        /// The rule id, e.g. `period/missing`.
        rule: String,
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// Run rule examples (must fire / must not fire); exit 1 if any fails.
    Test {
        /// Rule files or directories to test (default: the loaded rules).
        files: Vec<PathBuf>,
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// Write a starter ogilint.toml and an example rule file.
    Init {
        /// Where to write them.
        #[arg(default_value = ".")]
        directory: PathBuf,
    },
    /// Show the settings that apply to a path and where each came from.
    Config {
        /// Required for now; kept for future `config KEY` lookups.
        #[arg(long)]
        show: bool,
        /// The file or directory whose settings to show.
        #[arg(default_value = ".")]
        path: PathBuf,
        #[command(flatten)]
        config: ConfigArgs,
        #[arg(long, value_enum, default_value_t = Lang::Zh)]
        lang: Lang,
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

impl RuleArgs {
    fn options(&self) -> RuleOptions {
        RuleOptions {
            rules: self.rules.clone(),
            no_builtin: self.no_builtin,
            lang: self.lang,
        }
    }
}

#[derive(Args, Clone)]
struct ConfigArgs {
    /// Use this config file for every checked file instead of discovering one.
    #[arg(long, value_name = "PATH", conflicts_with = "isolated")]
    config: Option<PathBuf>,
    /// Ignore every config file.
    #[arg(long)]
    isolated: bool,
}

impl ConfigArgs {
    fn choice(&self) -> ConfigChoice {
        match (&self.config, self.isolated) {
            (Some(path), _) => ConfigChoice::File(path.clone()),
            (None, true) => ConfigChoice::Isolated,
            (None, false) => ConfigChoice::Discover,
        }
    }
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum RegulationArg {
    #[value(name = "2007")]
    V2007,
    #[value(name = "2019")]
    V2019,
}

/// How files are read: the same options for `check`, `inspect` and `compare`.
#[derive(Args)]
struct ReadArgs {
    /// Read files in this encoding instead of detecting it (gbk, gb18030, big5, utf-16le, utf-8…).
    #[arg(long, value_name = "LABEL", value_parser = parse_encoding)]
    encoding: Option<&'static encoding_rs::Encoding>,
    /// Refuse files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = ogilint::input::Limits::default().max_file_size)]
    max_file_size: u64,
}

impl ReadArgs {
    fn options(&self) -> ogilint::input::ReadOptions {
        ogilint::input::ReadOptions {
            limits: ogilint::input::Limits {
                max_file_size: self.max_file_size,
            },
            encoding: self.encoding,
        }
    }
}

/// How files and standard input are read, for the commands that read `-` (`check`, `inspect`).
#[derive(Args)]
struct InputArgs {
    #[command(flatten)]
    read: ReadArgs,
    /// The name of the report read from standard input (`-`): its config and format follow it.
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
}

/// What every report is judged as, whatever its config says (`check`, `inspect`).
#[derive(Args)]
struct JudgeArgs {
    /// Judge every report by this regulation text, whatever its year.
    #[arg(long, value_enum)]
    regulation: Option<RegulationArg>,
    /// Treat every issuer as this kind (it decides the publication deadline).
    #[arg(long, value_enum)]
    issuer_kind: Option<IssuerKind>,
}

#[derive(Args)]
struct CheckArgs {
    /// Files, directories or glob patterns (quote globs: 'reports/**/*.txt'); `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Write the output to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Exit with 1 when a finding has at least this severity (default: error, or the config's).
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Exit with 0 even when there are findings (input and rule errors still exit 2).
    #[arg(long)]
    exit_zero: bool,
    /// Print findings only, no summary line.
    #[arg(long, short = 'q')]
    quiet: bool,
    /// Print how many findings each rule produced instead of the findings.
    #[arg(long)]
    statistics: bool,
    #[command(flatten)]
    judge: JudgeArgs,
    /// Only these rules (ids or prefixes, comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    select: Option<Vec<String>>,
    /// These rules too (ids or prefixes, comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    extend_select: Vec<String>,
    /// Not these rules (ids or prefixes, comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    ignore: Vec<String>,
    /// Draw diagnostics with ASCII characters only.
    #[arg(long)]
    ascii: bool,
    /// Worker threads (default, or 0: one per core). Output order does not depend on it.
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    #[command(flatten)]
    input: InputArgs,
    /// Last year's report of the same issuer: the reports checked are compared with it (the
    /// cross-year rules and section similarity), whatever issuer and year are recognised in it.
    #[arg(long, value_name = "OLD")]
    previous: Option<PathBuf>,
    #[command(flatten)]
    config: ConfigArgs,
    #[command(flatten)]
    rules: RuleArgs,
}

#[derive(Args)]
struct CompareArgs {
    /// Last year's report.
    #[arg(value_name = "OLD")]
    old: String,
    /// This year's report.
    #[arg(value_name = "NEW")]
    new: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CompareFormat::Human)]
    format: CompareFormat,
    #[command(flatten)]
    read: ReadArgs,
    #[command(flatten)]
    config: ConfigArgs,
    #[command(flatten)]
    rules: RuleArgs,
}

#[derive(Args)]
struct InspectArgs {
    /// The file to read (txt, md, html, docx, pdf); `-` reads standard input.
    #[arg(value_name = "FILE")]
    path: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = InspectFormat::Human)]
    format: InspectFormat,
    /// Only these parts (comma-separated; default: all).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "PARTS")]
    show: Vec<Part>,
    /// Draw grids with ASCII characters only.
    #[arg(long)]
    ascii: bool,
    #[command(flatten)]
    judge: JudgeArgs,
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    config: ConfigArgs,
    #[command(flatten)]
    rules: RuleArgs,
}

impl RegulationArg {
    fn regulation(self) -> Regulation {
        match self {
            RegulationArg::V2007 => Regulation::V2007,
            RegulationArg::V2019 => Regulation::V2019,
        }
    }
}

/// The reading options, settings and rules of a command that reads standard input and judges
/// reports (`check`, `inspect`); `check` adds its selection.
fn setup(judge: &JudgeArgs, input: &InputArgs, config: &ConfigArgs, rules: &RuleArgs) -> Setup {
    Setup {
        read: input.read.options(),
        stdin_filename: input.stdin_filename.clone(),
        config: config.choice(),
        regulation: judge.regulation.map(RegulationArg::regulation),
        issuer_kind: judge.issuer_kind,
        rules: rules.options(),
        ..Setup::default()
    }
}

fn parse_encoding(label: &str) -> Result<&'static encoding_rs::Encoding, String> {
    ogilint::input::decode::encoding_for_label(label)
        .ok_or_else(|| format!("unknown encoding `{label}`"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let status = match cli.command {
        Command::Check(args) => commands::check::run(&CheckOptions {
            paths: args.paths,
            format: args.format,
            output: args.output,
            fail_on: args.fail_on,
            exit_zero: args.exit_zero,
            quiet: args.quiet,
            statistics: args.statistics,
            ascii: args.ascii,
            threads: args.threads,
            previous: args.previous,
            setup: Setup {
                select: args.select,
                extend_select: args.extend_select,
                ignore: args.ignore,
                ..setup(&args.judge, &args.input, &args.config, &args.rules)
            },
        }),
        Command::Compare(args) => commands::compare::run(&CompareOptions {
            old: args.old,
            new: args.new,
            format: args.format,
            setup: Setup {
                read: args.read.options(),
                config: args.config.choice(),
                rules: args.rules.options(),
                ..Setup::default()
            },
        }),
        Command::Inspect(args) => commands::inspect::run(&InspectOptions {
            path: args.path,
            format: args.format,
            show: args.show,
            ascii: args.ascii,
            setup: setup(&args.judge, &args.input, &args.config, &args.rules),
        }),
        Command::Rules {
            patterns: true,
            rules,
            ..
        } => commands::list_patterns(&rules.options()),
        Command::Rules {
            kinds_reference: true,
            ..
        } => commands::kinds_reference(),
        Command::Rules { rules, .. } => commands::list_rules(&rules.options()),
        Command::Explain { rule, rules } => commands::explain(&rule, &rules.options()),
        Command::Test { files, rules } => commands::test_rules(&files, &rules.options()),
        Command::Init { directory } => commands::init(&directory),
        Command::Config {
            path, config, lang, ..
        } => commands::show_config(&path, &config.choice(), lang),
    };
    ExitCode::from(status)
}

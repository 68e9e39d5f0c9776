//! The whole pipeline with every built-in rule never panics, every span is valid, and every
//! finding can be drawn.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use ogilint::engine::{check_text, Options};
use ogilint::output::human::{render_file, Style};
use ogilint::rules::load::{load, RuleSources};
use ogilint::rules::{Lang, RuleSet};

static RULES: LazyLock<RuleSet> = LazyLock::new(|| {
    load(&RuleSources {
        builtin: true,
        paths: Vec::new(),
    })
    .expect("built-in rules load")
});

fuzz_target!(|text: &str| {
    let report = check_text("fuzz.txt", text, &RULES, Options::default());
    for finding in &report.findings {
        assert!(finding.span.start <= finding.span.end && finding.span.end <= text.len());
        assert_eq!(&text[finding.span.start..finding.span.end], finding.text);
    }
    let style = Style {
        color: false,
        ascii: false,
        width: 80,
        lang: Lang::Zh,
    };
    render_file(&report, style);
});

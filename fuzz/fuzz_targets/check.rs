//! The whole pipeline with every built-in rule never panics, and every span is valid.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use ogilint::engine::{check_text, Options};
use ogilint::rules::load::{load, RuleSources};
use ogilint::rules::RuleSet;

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
});

//! Running a rule's embedded examples: each is a small report the rule must, or must not, fire on.
//! `cargo test` runs every built-in rule's examples.

use std::sync::Arc;

use super::tables::TableDef;
use super::{Rule, RuleSet};
use crate::engine::{check, read_text, Finding, Options};
use crate::pairing;

/// The outcome of one example.
#[derive(Debug, Clone)]
pub struct ExampleOutcome {
    pub rule: String,
    /// 0-based position of the example in the rule.
    pub index: usize,
    pub passed: bool,
    /// What happened, for a failure message.
    pub detail: String,
}

/// Runs every example of `rule` with only that rule (and the loaded table definitions).
pub fn run_examples(rule: &Rule, tables: &[Arc<TableDef>]) -> Vec<ExampleOutcome> {
    let rules = RuleSet {
        rules: vec![rule.clone()],
        tables: tables.to_vec(),
    };
    rule.examples
        .iter()
        .enumerate()
        .map(|(index, example)| {
            let options = Options {
                regulation: example.regulation,
                ..Options::default()
            };
            let findings =
                example_findings(&rules, options, &example.text, example.previous.as_deref());
            let texts: Vec<&str> = findings
                .iter()
                .map(|finding| finding.text.as_str())
                .collect();
            let fired = !findings.is_empty();
            let span_ok = match (&example.span, example.fires) {
                (Some(expected), true) => texts.contains(&expected.as_str()),
                _ => true,
            };
            let passed = fired == example.fires && span_ok;
            let detail = match (example.fires, fired) {
                (true, false) => "expected the rule to fire, it did not".to_string(),
                (false, true) => {
                    format!("expected no finding, got {} at {:?}", findings.len(), texts)
                }
                (true, true) if !span_ok => format!(
                    "expected a finding on {:?}, got findings on {:?}",
                    example.span.as_deref().unwrap_or_default(),
                    texts
                ),
                _ => "ok".to_string(),
            };
            ExampleOutcome {
                rule: rule.id.clone(),
                index,
                passed,
                detail,
            }
        })
        .collect()
}

/// The findings on an example's text; with `previous`, the text is paired with it as the same
/// issuer's report of the year before, and the cross-year findings are added.
fn example_findings(
    rules: &RuleSet,
    options: Options,
    text: &str,
    previous: Option<&str>,
) -> Vec<Finding> {
    let (mut findings, this) = read_text("example", text, rules, options, |reading| {
        let findings = check(reading, rules, options).findings;
        let prints = match previous {
            Some(_) => pairing::with_details(reading, rules),
            None => Vec::new(),
        };
        (findings, prints)
    });
    if let Some(previous) = previous {
        let last = read_text("previous", previous, rules, options, |reading| {
            pairing::with_details(reading, rules)
        });
        if let (Some((last, last_details)), Some((this, these_details))) =
            (last.first(), this.first())
        {
            let last = pairing::YearReport {
                print: last,
                details: last_details,
            };
            let this = pairing::YearReport {
                print: this,
                details: these_details,
            };
            findings.extend(pairing::compare(last, this, rules, options.lang).0);
        }
    }
    findings
}

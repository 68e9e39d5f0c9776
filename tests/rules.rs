//! Every built-in rule is documented, cites its basis, and carries examples that must and must
//! not fire; all examples pass.

use ogilint::rules::examples::run_examples;
use ogilint::rules::load::{load, parse_rule_file, RuleSources};
use ogilint::rules::{Rule, RuleSet};

fn builtin_set() -> RuleSet {
    load(&RuleSources {
        builtin: true,
        paths: Vec::new(),
    })
    .expect("built-in rules load")
}

fn builtin() -> Vec<Rule> {
    builtin_set().rules
}

#[test]
fn the_public_rule_ids_exist() {
    let ids: Vec<String> = builtin().into_iter().map(|rule| rule.id).collect();
    for id in [
        "required/overview",
        "required/active-disclosure",
        "required/requests",
        "required/fees",
        "required/review-litigation",
        "required/problems",
        "required/other-matters",
        "format/section-order",
        "format/heading-wording",
        "section/empty",
        "period/missing",
        "period/mismatch",
        "contact/missing",
    ] {
        assert!(
            ids.iter().any(|known| known == id),
            "missing built-in rule {id}"
        );
    }
}

#[test]
fn every_builtin_rule_is_documented_and_cites_its_basis() {
    for rule in builtin() {
        assert!(!rule.basis.is_empty(), "{} cites no basis", rule.id);
        for (what, text) in [
            ("title", &rule.title),
            ("message", &rule.message),
            ("help", &rule.help),
        ] {
            assert!(text.en.is_some(), "{} has no English {what}", rule.id);
            assert!(!text.zh.is_empty(), "{} has no Chinese {what}", rule.id);
        }
    }
}

#[test]
fn every_builtin_rule_has_examples_both_ways_and_they_pass() {
    let mut failures = Vec::new();
    let set = builtin_set();
    for rule in &set.rules {
        assert!(
            rule.examples.iter().any(|e| e.fires),
            "{} has no example that fires",
            rule.id
        );
        assert!(
            rule.examples.iter().any(|e| !e.fires),
            "{} has no example that passes",
            rule.id
        );
        for outcome in run_examples(rule, &set.tables) {
            if !outcome.passed {
                failures.push(format!(
                    "{} example #{}: {}",
                    outcome.rule,
                    outcome.index + 1,
                    outcome.detail
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "failing examples:\n{}",
        failures.join("\n")
    );
}

#[test]
fn a_wrong_example_is_caught() {
    let rules = parse_rule_file(
        "wrong.toml",
        r#"
[[rule]]
id = "local/no-summary"
severity = "warning"
applies = ["2007"]
title = { zh = "标题不应为工作总结" }
message = { zh = "标题不应为工作总结" }
help = { zh = "改为年度报告" }
[rule.pattern]
scope = "title"
forbid = "工作总结"
[[rule.examples]]
fires = true
text = "某局2012年政府信息公开工作年度报告\n"
[[rule.examples]]
fires = true
span = "总结"
text = "某局2012年政府信息公开工作总结\n"
"#,
    )
    .expect("valid rule file");
    let outcomes = run_examples(&rules.rules[0], &rules.tables);
    assert!(
        !outcomes[0].passed,
        "a non-firing example marked `fires = true` must fail"
    );
    assert!(!outcomes[1].passed, "a wrong expected span must fail");
    assert!(
        outcomes[1].detail.contains("工作总结"),
        "{}",
        outcomes[1].detail
    );
}

//! `pattern`: a regular expression that must (`require`) or must not (`forbid`) match within a
//! scope: the whole report, its title, its intro (before the first section heading) or the
//! sections whose heading matches `section`.
//!
//! Patterns match one line (paragraph) at a time, on normalised text: write them in Simplified
//! Chinese and half-width forms; they are folded like the text.

/// The kind's reference for rule authors (`docs/authoring.md`, `ogilint rules --kinds-reference`).
pub const REFERENCE: &str = r#"### `pattern` — a regular expression that must or must not match

```toml
[rule.pattern]
scope = "section"             # document (default) | title | intro | section
section = '其[他它]需要报告'   # with scope = "section": which sections, by heading
forbid = '××+|XX+'            # every match fires; or:
# require = '信息处理费'       # fires once per scope without a match
```

Patterns match one line at a time. A `require` that fails points at the title (scope `title`), the
section heading (scope `section`) or the end of the intro. Placeholder (forbid): `{found}`.
"#;

use serde::Deserialize;

use super::{compile, CompiledPattern, Context, Evaluate, Hit, ParamError, RawPattern};
use crate::document::LineKind;

/// Where a pattern looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    Document,
    Title,
    Intro,
    Section,
}

/// `[rule.pattern]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    #[serde(default = "default_scope")]
    pub scope: toml::Spanned<Scope>,
    /// With `scope = "section"`: which sections, by their heading.
    #[serde(default)]
    pub section: Option<RawPattern>,
    /// Every match is a finding.
    #[serde(default)]
    pub forbid: Option<RawPattern>,
    /// No match in the scope is a finding.
    #[serde(default)]
    pub require: Option<RawPattern>,
}

fn default_scope() -> toml::Spanned<Scope> {
    toml::Spanned::new(0..0, Scope::Document)
}

#[derive(Debug, Clone)]
enum Mode {
    Forbid(CompiledPattern),
    Require(CompiledPattern),
}

/// A compiled `pattern` check.
#[derive(Debug, Clone)]
pub struct Pattern {
    scope: Scope,
    section: Option<CompiledPattern>,
    mode: Mode,
}

impl Params {
    /// Validates and compiles the parameters; `rule_span` locates the rule for errors that
    /// concern the table as a whole.
    pub fn compile(
        &self,
        rule_span: std::ops::Range<usize>,
        errors: &mut Vec<ParamError>,
    ) -> Option<Pattern> {
        let scope = *self.scope.get_ref();
        let section = match (&self.section, scope) {
            (Some(raw), Scope::Section) => {
                Some(compile(raw).map_err(|error| errors.push(error)).ok()?)
            }
            (None, Scope::Section) => {
                errors.push(ParamError {
                    span: self.scope.span(),
                    message:
                        "scope = \"section\" needs `section`, a pattern for the section's heading"
                            .to_string(),
                });
                return None;
            }
            (Some(raw), _) => {
                errors.push(ParamError {
                    span: raw.span(),
                    message: "`section` is only used with scope = \"section\"".to_string(),
                });
                return None;
            }
            (None, _) => None,
        };
        let mode = match (&self.forbid, &self.require) {
            (Some(raw), None) => {
                Mode::Forbid(compile(raw).map_err(|error| errors.push(error)).ok()?)
            }
            (None, Some(raw)) => {
                Mode::Require(compile(raw).map_err(|error| errors.push(error)).ok()?)
            }
            (Some(_), Some(raw)) => {
                errors.push(ParamError {
                    span: raw.span(),
                    message: "give either `forbid` or `require`, not both (write two rules)"
                        .to_string(),
                });
                return None;
            }
            (None, None) => {
                errors.push(ParamError {
                    span: rule_span,
                    message: "[rule.pattern] needs `forbid` or `require`".to_string(),
                });
                return None;
            }
        };
        Some(Pattern {
            scope,
            section,
            mode,
        })
    }
}

impl Pattern {
    pub(super) fn patterns(&self) -> Vec<&CompiledPattern> {
        let (Mode::Forbid(pattern) | Mode::Require(pattern)) = &self.mode;
        std::iter::once(pattern).chain(&self.section).collect()
    }

    /// The lines in scope, grouped: one group per place a `require` is checked (one per matching
    /// section), each with where a missing match is pointed at (the title, the section heading,
    /// or the end of the intro).
    fn scopes(&self, context: &Context<'_>) -> Vec<(Vec<usize>, std::ops::Range<usize>)> {
        let document = context.document;
        let kinds_in = |range: std::ops::Range<usize>| -> Vec<usize> {
            context
                .report_lines_in(range)
                .map(|(index, _)| index)
                .collect()
        };
        match self.scope {
            Scope::Document => {
                let anchor = document.intro_anchor();
                vec![(kinds_in(0..document.lines.len()), anchor..anchor)]
            }
            Scope::Title => {
                let lines: Vec<usize> = (0..document.lines.len())
                    .filter(|&index| document.lines[index].kind == LineKind::Title)
                    .collect();
                if lines.is_empty() {
                    return Vec::new();
                }
                let anchor = document
                    .title
                    .clone()
                    .unwrap_or(document.range.start..document.range.start);
                vec![(lines, anchor)]
            }
            Scope::Intro => {
                let anchor = document.intro_anchor();
                vec![(kinds_in(document.intro_lines.clone()), anchor..anchor)]
            }
            Scope::Section => {
                let Some(section) = &self.section else {
                    return Vec::new();
                };
                document
                    .sections()
                    .filter(|heading| section.is_match(&heading.title))
                    .map(|heading| {
                        let body = document.body_lines(heading);
                        let mut lines = vec![heading.line];
                        lines.extend(kinds_in(body));
                        (lines, heading.range.clone())
                    })
                    .collect()
            }
        }
    }
}

impl Evaluate for Pattern {
    fn evaluate(&self, context: &Context<'_>, hits: &mut Vec<Hit>) {
        for (lines, anchor) in self.scopes(context) {
            match &self.mode {
                Mode::Forbid(pattern) => {
                    for &index in &lines {
                        let start = context.line_start(index);
                        let text = context.document.line_text(context.text, index);
                        for found in pattern.regex().find_iter(text) {
                            hits.push(
                                Hit::at(start + found.start()..start + found.end())
                                    .with("found", found.as_str()),
                            );
                        }
                    }
                }
                Mode::Require(pattern) => {
                    let present = lines.iter().any(|&index| {
                        pattern
                            .regex()
                            .is_match(context.document.line_text(context.text, index))
                    });
                    if !present {
                        hits.push(Hit::at(anchor));
                    }
                }
            }
        }
    }
}

//! `wording`: a section heading uses the prescribed words.
//!
//! Each level-1 heading is matched to the first entry of `sections` whose `match` pattern fits;
//! if its words (normalised, trailing punctuation ignored) differ from that entry's `expected`
//! wording, it is reported with both.

/// The kind's reference for rule authors (`docs/authoring.md`, `ogilint rules --kinds-reference`).
pub const REFERENCE: &str = r#"### `wording` — headings in prescribed words

```toml
[rule.wording]
sections = [
  { match = '总体情况|概述', expected = "总体情况" },
]
```

A level-1 heading matched by `match` whose words (without number, trailing punctuation or a trailing
note in brackets) differ from `expected` fires on the heading. Placeholders: `{found}`, `{expected}`.
"#;

use serde::Deserialize;

use super::{compile, CompiledPattern, Context, Evaluate, Hit, ParamError, RawPattern};
use crate::text::fold::fold_str;

/// `[rule.wording]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    pub sections: Vec<SectionParams>,
}

/// One prescribed heading: `{ match = "总体情况|概述", expected = "总体情况" }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SectionParams {
    /// Which headings this entry is about.
    #[serde(rename = "match")]
    pub matches: RawPattern,
    /// The prescribed words, without the number.
    pub expected: String,
}

#[derive(Debug, Clone)]
struct Section {
    matches: CompiledPattern,
    expected: String,
}

/// A compiled `wording` check.
#[derive(Debug, Clone)]
pub struct Wording {
    sections: Vec<Section>,
}

impl Params {
    /// Validates and compiles the parameters.
    pub fn compile(&self, errors: &mut Vec<ParamError>) -> Wording {
        let sections = self
            .sections
            .iter()
            .filter_map(|section| {
                let matches = compile(&section.matches)
                    .map_err(|error| errors.push(error))
                    .ok()?;
                Some(Section {
                    matches,
                    expected: fold_str(&section.expected),
                })
            })
            .collect();
        Wording { sections }
    }
}

impl Wording {
    pub(super) fn patterns(&self) -> Vec<&CompiledPattern> {
        self.sections
            .iter()
            .map(|section| &section.matches)
            .collect()
    }
}

/// The heading's words without trailing punctuation or a trailing note in brackets
/// (`主动公开政府信息情况(单位:件)`).
fn without_trailing_note(title: &str) -> &str {
    let mut words = title.trim_end_matches([':', ',', '.', '。', ';', ' ']);
    if words.ends_with(')') {
        if let Some(open) = words.rfind('(') {
            if open > 0 {
                words = words[..open].trim_end();
            }
        }
    }
    words
}

impl Evaluate for Wording {
    fn evaluate(&self, context: &Context<'_>, hits: &mut Vec<Hit>) {
        for heading in context.document.sections() {
            let Some(section) = self
                .sections
                .iter()
                .find(|section| section.matches.is_match(&heading.title))
            else {
                continue;
            };
            let words = without_trailing_note(&heading.title);
            if words != section.expected {
                hits.push(
                    Hit::at(heading.range.clone())
                        .with("found", words)
                        .with("expected", section.expected.clone()),
                );
            }
        }
    }
}

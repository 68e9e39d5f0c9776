//! `wording`: a section heading uses the prescribed words.
//!
//! Each level-1 heading is matched to the first entry of `sections` whose `match` pattern fits;
//! if its words (normalised, trailing punctuation ignored) differ from that entry's `expected`
//! wording and from each of its `accepted` wordings (a statute's own words, say), it is reported
//! with the expected wording.

/// The kind's reference for rule authors (`docs/authoring.md`, `ogilint rules --kinds-reference`).
pub const REFERENCE: &str = r#"### `wording` — headings in prescribed words

```toml
[rule.wording]
sections = [
  { match = '总体情况|概述', expected = "总体情况" },
  { match = '主动公开', expected = "主动公开政府信息情况",
    accepted = ["行政机关主动公开政府信息的情况"] },   # optional: other wordings that are right
]
```

A level-1 heading matched by `match` whose words (without number, trailing punctuation or a trailing
note in brackets) differ from `expected` and from every `accepted` wording fires on the heading.
Placeholders: `{found}`, `{expected}`.
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
    /// Other wordings that are right too (the words of the article the section reports on).
    #[serde(default)]
    pub accepted: Vec<String>,
}

#[derive(Debug, Clone)]
struct Section {
    matches: CompiledPattern,
    expected: String,
    accepted: Vec<String>,
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
                    accepted: section
                        .accepted
                        .iter()
                        .map(|words| fold_str(words))
                        .collect(),
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

/// Whether two headings say the same words, a pause mark (`、`), a comma, a space or a `的` apart
/// (`…被申请行政复议提起行政诉讼情况` is the Article's `…行政复议、提起行政诉讼的情况`).
fn same_words(found: &str, expected: &str) -> bool {
    let words = |text: &str| {
        text.chars()
            .filter(|ch| !matches!(ch, '、' | ',' | ' ' | '的'))
            .collect::<String>()
    };
    // A mark left at the end (`总体情况、`) is a slip of its own, not a wording.
    found == expected || (!found.ends_with(['、', ',']) && words(found) == words(expected))
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
            if !same_words(words, &section.expected)
                && !section
                    .accepted
                    .iter()
                    .any(|right| same_words(words, right))
            {
                hits.push(
                    Hit::at(heading.range.clone())
                        .with("found", words)
                        .with("expected", section.expected.clone()),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::same_words;

    #[test]
    fn headings_a_mark_or_a_de_apart_say_the_same() {
        assert!(same_words(
            "因政府信息公开工作被申请行政复议提起行政诉讼情况",
            "因政府信息公开工作被申请行政复议、提起行政诉讼的情况"
        ));
        assert!(same_words(
            "存在主要问题及改进情况",
            "存在的主要问题及改进情况"
        ));
        // Other words, or a mark left at the end, are not.
        assert!(!same_words("概述", "总体情况"));
        assert!(!same_words("总体情况、", "总体情况"));
    }
}

//! `required`: a content item the regulation requires must be present.
//!
//! Satisfied by a heading (any level, or an unnumbered heading on a short line of its own) whose
//! words match one of `headings`, or, where the rule allows it (`sentences-for`, e.g. 2007
//! reports, which had no prescribed outline), by a sentence of the report that clearly reports on
//! the item (`全年未发生行政复议、行政诉讼`), in its text or on a heading's line (where the heading
//! runs on into its text). A missing item is reported once, pointing at the start of the report's outline. Where
//! only a heading can satisfy the item, a report with no recognisable outline is not judged (see
//! [`super::outline`]).

/// The kind's reference for rule authors (`docs/authoring.md`, `ogilint rules --kinds-reference`).
pub const REFERENCE: &str = r#"### `required` — a content item must be present

```toml
[rule.required]
headings = ['复议|诉讼']            # patterns for the heading that carries the item (any level)
sentences = ['(未|没有)(发生|收到)[^。;]{0,16}复议']   # optional: a sentence that reports on it
sentences-for = ["2007"]           # optional: where a sentence suffices (default: every version)
```

Satisfied by a numbered heading of any level (`一、` `(一)` `1、` `(1)`) whose words match, by an
unnumbered heading (a short line of its own followed by a paragraph), or — where `sentences-for`
allows — by a sentence of the report. Fires once per report, pointing at its first section heading.
Where a sentence cannot satisfy the item, a report with no recognisable outline (see `outline`) is
not judged: the `outline` rule says so once instead.
"#;

use serde::Deserialize;

use super::{
    any_line_matches, compile_all, CompiledPattern, Context, Evaluate, Hit, ParamError, RawPattern,
};
use crate::document::lines::LineKind;
use crate::document::Regulation;

/// `[rule.required]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    /// Patterns for the heading that carries the item.
    pub headings: Vec<RawPattern>,
    /// Patterns for a sentence that reports on the item without a heading of its own.
    #[serde(default)]
    pub sentences: Vec<RawPattern>,
    /// The regulation versions in which a sentence suffices (default: all the rule applies to).
    #[serde(default)]
    pub sentences_for: Option<Vec<Regulation>>,
}

/// A compiled `required` check.
#[derive(Debug, Clone)]
pub struct Required {
    headings: Vec<CompiledPattern>,
    sentences: Vec<CompiledPattern>,
    sentences_for: Option<Vec<Regulation>>,
}

impl Params {
    /// Validates and compiles the parameters.
    pub fn compile(&self, errors: &mut Vec<ParamError>) -> Required {
        Required {
            headings: compile_all(&self.headings, errors),
            sentences: compile_all(&self.sentences, errors),
            sentences_for: self.sentences_for.clone(),
        }
    }
}

impl Required {
    pub(super) fn patterns(&self) -> Vec<&CompiledPattern> {
        self.headings.iter().chain(&self.sentences).collect()
    }

    /// Whether a sentence may satisfy the item in a report under `regulation`.
    fn sentences_apply(&self, regulation: Regulation) -> bool {
        !self.sentences.is_empty()
            && self
                .sentences_for
                .as_ref()
                .is_none_or(|versions| versions.contains(&regulation))
    }
}

impl Evaluate for Required {
    fn evaluate(&self, context: &Context<'_>, hits: &mut Vec<Hit>) {
        let document = context.document;
        let words = &document.heading_words;
        if any_line_matches(&self.headings, &words.text, &words.lines, |_| true) {
            return;
        }
        if !self.sentences_apply(document.regulation) {
            // Judged by headings alone: with no outline to read them from, `outline` says so
            // once rather than every item being reported missing.
            if document.has_outline() {
                hits.push(Hit::missing_at(document.outline_anchor()));
            }
            return;
        }
        // A heading's line counts too: a numbered item often runs on into its text on the same
        // line (`3、申请行政复议的情况:本年度未发生…`), and in text saved without line breaks the
        // heading's line holds the whole section.
        let by_sentence = context.any_line_matches(&self.sentences, |index| {
            matches!(
                document.lines[index].kind,
                LineKind::Text | LineKind::Heading
            )
        });
        if !by_sentence {
            hits.push(Hit::missing_at(document.outline_anchor()));
        }
    }
}

//! `outline`: the report's outline can be read.
//!
//! Under the unified format, whether a report covers each required item is judged by its section
//! headings ([`super::required`]). When a report has no recognisable outline (fewer than two
//! section headings or heading words, even after looking for headings standing inline in text
//! without line breaks: see [`crate::document::Document::has_outline`]), that judgement cannot be
//! made with confidence. This kind says so once, and `required` checks that a sentence cannot
//! satisfy stay silent on such a report instead of reporting every item missing.

/// The kind's reference for rule authors (`docs/authoring.md`, `ogilint rules --kinds-reference`).
pub const REFERENCE: &str = r#"### `outline` — the report's outline can be read

```toml
[rule.outline]
```

Fires once per report that has no recognisable outline: fewer than two section headings (numbered
at any level, unnumbered on a line of their own, or standing inline in text without line breaks)
and fewer than two lines naming a section. On such a report, `required` checks that a sentence
cannot satisfy are not reported. Points where the outline should start.
"#;

use serde::Deserialize;

use super::{Context, Evaluate, Hit};

/// `[rule.outline]` as written: it has no parameters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {}

/// A compiled `outline` check.
#[derive(Debug, Clone)]
pub struct Outline;

impl Params {
    /// The check (there is nothing to validate).
    pub fn compile(&self) -> Outline {
        Outline
    }
}

impl Evaluate for Outline {
    fn evaluate(&self, context: &Context<'_>, hits: &mut Vec<Hit>) {
        let document = context.document;
        if !document.has_outline() {
            hits.push(Hit::missing_at(document.outline_anchor()));
        }
    }
}

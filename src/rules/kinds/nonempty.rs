//! `nonempty`: a section whose heading is present must say something.
//!
//! The body of a level-1 heading runs to the next level-1 heading (sub-headings, tables and any
//! words after the heading on its own line count). It is reported when it is empty, or when it
//! only says `无` — unless the heading matches `none-ok`, for sections where "nothing to report"
//! is a legitimate answer (section 六, 其他需要报告的事项).

/// The kind's reference for rule authors (`docs/authoring.md`, `ogilint rules --kinds-reference`).
pub const REFERENCE: &str = r#"### `nonempty` — a present section must say something

```toml
[rule.nonempty]
sections = ['总体情况', '问题|改进']   # must have content other than 无
none-ok = ['其[他它]']                 # may say 无, but not be empty
```

The body of a level-1 heading runs to the next level-1 heading; sub-headings, table rows and text
after the heading on its own line count. Placeholder: `{section}`.
"#;

use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;

use super::{
    any_match, compile_all, CompiledPattern, Context, Evaluate, Hit, ParamError, RawPattern,
};

/// `[rule.nonempty]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    /// Headings whose sections must have content other than `无`.
    pub sections: Vec<RawPattern>,
    /// Headings whose sections must not be empty but may say `无`.
    #[serde(default)]
    pub none_ok: Vec<RawPattern>,
}

/// A compiled `nonempty` check.
#[derive(Debug, Clone)]
pub struct Nonempty {
    sections: Vec<CompiledPattern>,
    none_ok: Vec<CompiledPattern>,
}

impl Params {
    /// Validates and compiles the parameters.
    pub fn compile(&self, errors: &mut Vec<ParamError>) -> Nonempty {
        Nonempty {
            sections: compile_all(&self.sections, errors),
            none_ok: compile_all(&self.none_ok, errors),
        }
    }
}

impl Nonempty {
    pub(super) fn patterns(&self) -> Vec<&CompiledPattern> {
        self.sections.iter().chain(&self.none_ok).collect()
    }
}

static NOTHING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:无|暂无|没有|本年度无|本年无|无相关情况|无此类情况|无其他需要报告的事项|无其他事项)$",
    )
    .expect("nothing pattern is valid")
});

/// The longest text [`NOTHING`] matches, in bytes (a test checks it against the pattern).
const MAX_NOTHING_BYTES: usize = 30;

/// A section body's words: without whitespace and punctuation at its edges. The words of a longer
/// body start where a shorter one's do and end no earlier.
fn body_words(body: &str) -> &str {
    body.trim_matches(|c: char| c.is_whitespace() || "。.,;:!“”\"'、".contains(c))
}

impl Evaluate for Nonempty {
    fn evaluate(&self, context: &Context<'_>, hits: &mut Vec<Hit>) {
        let document = context.document;
        for heading in document.sections() {
            let none_ok = any_match(&self.none_ok, &heading.title);
            if !none_ok && !any_match(&self.sections, &heading.title) {
                continue;
            }
            let line_text = document.line_text(context.text, heading.line);
            let after_title =
                &line_text[heading.range.end - document.lines[heading.line].range.start..];
            // Only a body that is empty or as short as a "nothing" phrase can fire: its words are
            // gathered until they are longer than that (most sections' first line settles it).
            let mut body = String::from(after_title);
            for line in &document.lines[document.body_lines(heading)] {
                if body_words(&body).len() > MAX_NOTHING_BYTES {
                    break;
                }
                if line.kind.is_report_text() {
                    body.push_str(&context.text[line.range.clone()]);
                }
            }
            let words = body_words(&body);
            let says_nothing = NOTHING.is_match(words);
            if words.is_empty() || (says_nothing && !none_ok) {
                hits.push(Hit::at(heading.range.clone()).with("section", heading.title.clone()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_nothing_phrase_is_longer_than_the_limit() {
        let hir = regex_syntax::parse(NOTHING.as_str()).expect("nothing pattern parses");
        assert_eq!(hir.properties().maximum_len(), Some(MAX_NOTHING_BYTES));
    }
}

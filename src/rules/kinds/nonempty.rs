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
            let mut body = String::from(after_title);
            for (_, line) in context.report_lines_in(document.body_lines(heading)) {
                body.push_str(line);
            }
            let words =
                body.trim_matches(|c: char| c.is_whitespace() || "。.,;:!“”\"'、".contains(c));
            let says_nothing = NOTHING.is_match(words);
            if words.is_empty() || (says_nothing && !none_ok) {
                hits.push(Hit::at(heading.range.clone()).with("section", heading.title.clone()));
            }
        }
    }
}

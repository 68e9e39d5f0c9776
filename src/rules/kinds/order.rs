//! `order`: the report's sections appear in the prescribed order.
//!
//! Each level-1 heading is matched to the first entry of `sections` it fits; a heading that comes
//! after a heading of a later entry is out of order and is reported on its own line.

/// The kind's reference for rule authors (`docs/authoring.md`, `ogilint rules --kinds-reference`).
pub const REFERENCE: &str = r#"### `order` — sections in a prescribed order

```toml
[rule.order]
sections = ['总体情况|概述', '主动公开', '收到和处理|依申请', '复议|诉讼', '问题|改进', '其[他它]']
```

Each level-1 heading is matched to the first pattern it fits; a heading that comes after one of a
later pattern fires on that heading. Placeholders: `{found}` (the heading), `{after}` (the heading it
should precede).
"#;

use serde::Deserialize;

use super::{compile_all, CompiledPattern, Context, Evaluate, Hit, ParamError, RawPattern};

/// `[rule.order]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    /// One pattern per section, in the prescribed order.
    pub sections: Vec<RawPattern>,
}

/// A compiled `order` check.
#[derive(Debug, Clone)]
pub struct Order {
    sections: Vec<CompiledPattern>,
}

impl Params {
    /// Validates and compiles the parameters.
    pub fn compile(&self, errors: &mut Vec<ParamError>) -> Order {
        Order {
            sections: compile_all(&self.sections, errors),
        }
    }
}

impl Order {
    pub(super) fn patterns(&self) -> Vec<&CompiledPattern> {
        self.sections.iter().collect()
    }
}

impl Evaluate for Order {
    fn evaluate(&self, context: &Context<'_>, hits: &mut Vec<Hit>) {
        let mut latest: Option<(usize, &str)> = None;
        for heading in context.document.sections() {
            let Some(position) = self
                .sections
                .iter()
                .position(|section| section.is_match(&heading.title))
            else {
                continue;
            };
            match latest {
                Some((latest_position, latest_title)) if position < latest_position => {
                    hits.push(
                        Hit::at(heading.range.clone())
                            .with("found", heading.title.clone())
                            .with("after", latest_title),
                    );
                }
                _ => latest = Some((position, &heading.title)),
            }
        }
    }
}

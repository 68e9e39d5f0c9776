//! `order`: the report's sections appear in the prescribed order.
//!
//! Each level-1 heading is matched to the first entry of `sections` it fits; a heading that comes
//! after a heading of a later entry is out of order and is reported on its own line.
//!
//! With `numbers = true` the check is of the numbering instead: a report whose sections are in
//! order but numbered otherwise than their places in `sections` (a template that merges two
//! sections, or demotes one to `(四)`, and renumbers the rest) is reported once, at the first
//! heading numbered otherwise — unless a section before it is missing altogether, which explains
//! its number and is reported as missing. A section is present whatever its number (`required` judges that),
//! so renumbering is its own finding, never a missing section.

/// The kind's reference for rule authors (`docs/authoring.md`, `ogilint rules --kinds-reference`).
pub const REFERENCE: &str = r#"### `order` — sections in a prescribed order

```toml
[rule.order]
sections = ['总体情况|概述', '主动公开', '收到和处理|依申请', '复议|诉讼', '问题|改进', '其[他它]']
```

Each level-1 heading is matched to the first pattern it fits; a heading that comes after one of a
later pattern fires on that heading. Placeholders: `{found}` (the heading), `{after}` (the heading it
should precede).

With `numbers = true`, the check is of the numbering: in a report with an outline (see `outline`)
whose sections are in order, the first level-1 heading that does not fit the pattern its number
names (`四、` → the fourth) but fits another fires, once per report — unless a section before that
one is named by no heading at all, which explains the number. Placeholders: `{found}` (the heading), `{number}` (its number),
`{expected}` (its place).
"#;

use serde::Deserialize;

use super::{compile_all, CompiledPattern, Context, Evaluate, Hit, ParamError, RawPattern};
use crate::document::{Document, Heading};

/// `[rule.order]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    /// One pattern per section, in the prescribed order.
    pub sections: Vec<RawPattern>,
    /// Check the sections' numbers against their places instead of their order.
    #[serde(default)]
    pub numbers: bool,
}

/// A compiled `order` check.
#[derive(Debug, Clone)]
pub struct Order {
    sections: Vec<CompiledPattern>,
    numbers: bool,
}

impl Params {
    /// Validates and compiles the parameters.
    pub fn compile(&self, errors: &mut Vec<ParamError>) -> Order {
        Order {
            sections: compile_all(&self.sections, errors),
            numbers: self.numbers,
        }
    }
}

impl Order {
    pub(super) fn patterns(&self) -> Vec<&CompiledPattern> {
        self.sections.iter().collect()
    }
}

impl Order {
    /// The level-1 headings that fit a section, with the section's place (0-based).
    fn placed<'d>(&self, document: &'d Document) -> Vec<(usize, &'d Heading)> {
        document
            .sections()
            .filter_map(|heading| {
                self.sections
                    .iter()
                    .position(|section| section.is_match(&heading.title))
                    .map(|position| (position, heading))
            })
            .collect()
    }
}

/// The headings that come after a heading of a later section, each with that heading's title.
fn out_of_order<'d>(placed: &[(usize, &'d Heading)]) -> Vec<(&'d Heading, &'d str)> {
    let mut found = Vec::new();
    let mut latest: Option<(usize, &str)> = None;
    for &(position, heading) in placed {
        match latest {
            Some((latest_position, latest_title)) if position < latest_position => {
                found.push((heading, latest_title));
            }
            _ => latest = Some((position, &heading.title)),
        }
    }
    found
}

impl Evaluate for Order {
    fn evaluate(&self, context: &Context<'_>, hits: &mut Vec<Hit>) {
        let document = context.document;
        if !self.numbers {
            for (heading, after) in out_of_order(&self.placed(document)) {
                hits.push(
                    Hit::at(heading.range.clone())
                        .with("found", heading.title.clone())
                        .with("after", after),
                );
            }
            return;
        }
        // Most headings fit the section their number names: one match each settles them.
        let fits_its_number = |heading: &Heading| {
            (heading.number as usize)
                .checked_sub(1)
                .and_then(|place| self.sections.get(place))
                .is_some_and(|section| section.is_match(&heading.title))
        };
        let Some((position, heading)) = document
            .sections()
            .filter(|heading| !fits_its_number(heading))
            .find_map(|heading| {
                self.sections
                    .iter()
                    .position(|section| section.is_match(&heading.title))
                    .map(|position| (position, heading))
            })
        else {
            return;
        };
        // Numbers say nothing more about sections out of order (the order is the finding), nor
        // about a report with no outline to speak of (`outline` says so).
        if !document.has_outline() || !out_of_order(&self.placed(document)).is_empty() {
            return;
        }
        // A section missing before it explains the number, and is `required`'s finding: only a
        // report that names every section before this one has renumbered them.
        let words = &document.heading_words;
        let all_named_before = self.sections[..position].iter().all(|section| {
            section
                .line_pattern()
                .first_line(&words.text, &words.lines, |_| true)
                .is_some()
        });
        if all_named_before {
            hits.push(
                Hit::at(heading.range.clone())
                    .with("found", heading.title.clone())
                    .with("number", chinese_numeral(heading.number))
                    .with("expected", chinese_numeral(position as u32 + 1)),
            );
        }
    }
}

/// A section number as headings write it (`三`, `十二`).
fn chinese_numeral(number: u32) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match number {
        0..=9 => DIGITS[number as usize].to_string(),
        10..=19 => format!("十{}", DIGITS[(number % 10) as usize]),
        20..=99 => format!(
            "{}十{}",
            DIGITS[(number / 10) as usize],
            DIGITS[(number % 10) as usize]
        ),
        _ => number.to_string(),
    }
}

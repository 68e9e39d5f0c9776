//! `layout`: the unified format's tables are there, with their rows, in the current layout.

/// The kind's reference for rule authors (`docs/authoring.md`, `ogilint rules --kinds-reference`).
pub const REFERENCE: &str = r#"### `layout` — required tables and rows, outdated layouts

```toml
[rule.layout]
tables = ["applications", "review-litigation"]    # [[table]] ids that must be present
outdated = ['第二十条第\(九\)项', '本年新制作数量']   # markers of a superseded layout…
outdated-from = 2021                             # …for report years from 2021
```

Fires once per missing table (at the start of the outline), once per missing required row of a
table (`rows` in its `[[table]]`, at the table; a table that prints its rows' labels without a
single value is one finding instead, that it has no values), and once for the outdated
markers (at the first one found: a table in a superseded layout is one problem; the blocks of that
table, 主动公开政府信息情况表, are then not reported missing or short of rows). Placeholders:
`{table}`, `{found}` (the row pattern or the marker), `{problem}` (which of the three).
"#;

use std::ops::Range;

use serde::Deserialize;

use crate::document::tables::{line_cells, parse_value, Value};

use super::{
    compile_all, CompiledPattern, Context, Evaluate, Hit, ParamError, RawPattern, TableRef,
};

/// `[rule.layout]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    #[serde(default)]
    pub tables: Vec<toml::Spanned<String>>,
    #[serde(default)]
    pub outdated: Vec<RawPattern>,
    #[serde(default)]
    pub outdated_from: Option<i32>,
}

/// A compiled `layout` check.
#[derive(Debug, Clone)]
pub struct Layout {
    pub tables: Vec<TableRef>,
    outdated: Vec<CompiledPattern>,
    outdated_from: Option<i32>,
}

impl Params {
    /// Validates and compiles the parameters.
    pub fn compile(&self, errors: &mut Vec<ParamError>) -> Layout {
        Layout {
            tables: self.tables.iter().map(TableRef::from_raw).collect(),
            outdated: compile_all(&self.outdated, errors),
            outdated_from: self.outdated_from,
        }
    }
}

impl Layout {
    pub(super) fn patterns(&self) -> Vec<&CompiledPattern> {
        self.outdated.iter().collect()
    }
}

impl Evaluate for Layout {
    fn evaluate(&self, context: &Context<'_>, hits: &mut Vec<Hit>) {
        let document = context.document;
        let outdated = self.first_outdated_marker(context);
        let applicable: Vec<_> = self
            .tables
            .iter()
            .filter_map(|reference| context.table(&reference.id))
            .collect();
        let missing: Vec<&str> = applicable
            .iter()
            .filter(|(_, table)| table.is_none())
            .map(|(def, _)| def.name.zh.as_str())
            .collect();
        // No table at all (published as images, say): one finding, not one per table.
        if missing.len() > 1 && missing.len() == applicable.len() {
            hits.push(
                Hit::missing_at(document.outline_anchor())
                    .with("table", "统一格式的表格")
                    .with("found", "")
                    .with_words(
                        "problem",
                        "均未在正文中找到(以图片发布的表格无法核对)",
                        " (tables 二, 三, 四): none found in the text (tables published as images cannot be checked)",
                    ),
            );
        }
        for (def, table) in &applicable {
            let name = def.name.zh.clone();
            // A table 二 in the superseded layout has the old layout's blocks and rows: that is
            // the one outdated finding below, not a missing block or row for each.
            if outdated.is_some() && name.starts_with(OUTDATED_TABLE) {
                continue;
            }
            let Some(table) = table else {
                if missing.len() < applicable.len() || missing.len() == 1 {
                    hits.push(
                        Hit::missing_at(document.outline_anchor())
                            .with("table", name)
                            .with("found", "")
                            .with_words(
                                "problem",
                                "在正文中没有找到(以图片发布的表格无法核对)",
                                ": not found in the text (a table published as an image cannot be checked)",
                            ),
                    );
                }
                continue;
            };
            if table.unreadable.is_some() {
                continue;
            }
            // The labels printed without a single value (a template published unfilled, or its
            // values lost): one finding for the table, not one per row it seems to lack. (A table
            // that prints none of its rows' labels lacks them, and one with numbers in rows of
            // another width has rows of another layout: both say so row by row.)
            let only_labels = || {
                let lines = table.lines.clone();
                lines.clone().any(|index| {
                    let line = document.line_text(context.text, index);
                    def.rows.iter().any(|row| row.is_match(line))
                }) && !lines.into_iter().any(|index| {
                    line_cells(context.text, &document.lines[index])
                        .into_iter()
                        .any(|cell| matches!(parse_value(&context.text[cell]), Value::Number(_)))
                })
            };
            if table.rows.is_empty() && !def.rows.is_empty() && only_labels() {
                hits.push(
                    Hit::at(table.anchor.clone())
                        .with("table", name.clone())
                        .with("found", "")
                        .with_words(
                            "problem",
                            "只有行列标题,没有填写任何数值",
                            ": only its labels are printed, without any values",
                        ),
                );
                continue;
            }
            for row in &def.rows {
                if !table
                    .rows
                    .iter()
                    .any(|candidate| row.is_match(candidate.path_text()))
                {
                    hits.push(
                        Hit::at(table.anchor.clone())
                            .with("table", name.clone())
                            .with("found", format!("“{}”", row.source))
                            .with_words("problem", "缺少一行:", ": a row is missing:"),
                    );
                }
            }
        }
        if let Some((range, text)) = outdated {
            hits.push(
                Hit::at(range)
                    .with("found", format!("“{text}”"))
                    .with("table", OUTDATED_TABLE)
                    .with_words(
                        "problem",
                        "仍使用2019年试行格式:",
                        " still uses the 2019 trial layout:",
                    ),
            );
        }
    }
}

impl Layout {
    /// The first of the superseded layout's markers in the report (its range and text), if the
    /// report year is one the markers are outdated for.
    fn first_outdated_marker(&self, context: &Context<'_>) -> Option<(Range<usize>, String)> {
        let document = context.document;
        let year = document.report_year.map(|year| year.year);
        let outdated_applies = match (self.outdated_from, year) {
            (Some(from), Some(year)) => year >= from,
            (Some(_), None) => false,
            (None, _) => true,
        };
        if !outdated_applies {
            return None;
        }
        // A table in the superseded layout is one problem however many of its markers it shows:
        // one finding, at the marker that comes first.
        let report_text = |index: usize| document.lines[index].kind.is_report_text();
        self.outdated
            .iter()
            .filter_map(|pattern| {
                let index = pattern.line_pattern().first_line(
                    context.text,
                    &document.lines,
                    report_text,
                )?;
                let start = context.line_start(index);
                let m = pattern
                    .regex()
                    .find(document.line_text(context.text, index))?;
                Some((start + m.start()..start + m.end(), m.as_str().to_string()))
            })
            .min_by_key(|(range, _)| range.start)
    }
}

/// The table the superseded layout's markers belong to (table 二, whose blocks are tables of
/// their own named after it).
const OUTDATED_TABLE: &str = "主动公开政府信息情况表";

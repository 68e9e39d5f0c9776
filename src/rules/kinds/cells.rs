//! `cells`: the cells of a table — numbers that are not numbers, blank cells, unreadable tables.

/// The kind's reference for rule authors (`docs/authoring.md`, `ogilint rules --kinds-reference`).
pub const REFERENCE: &str = r#"### `cells` — what is in a table's cells

```toml
[rule.cells]
tables = ["applications", "review-litigation"]
report = "bad-number"     # or "blank", or "unreadable"
```

`bad-number`: every value cell that is not a whole number (or is negative in a column the table does
not declare `signed`), in tables that are readable; placeholders `{found}`, `{column}`. `blank`: one finding per table that has
blank cells (empty, `/`, `-`, `无`), which are counted as 0; placeholder `{count}`. `unreadable`: one
finding per table whose cells could not be arranged into rows, whose rows do not name the format's in
order, or whose header names its columns in another order (its arithmetic is then not checked);
placeholders `{table}`, `{reason}` (why, as a phrase after the table's name).
"#;

use serde::Deserialize;

use super::{Context, Evaluate, Hit, TableRef};
use crate::document::tables::{Table, Unreadable, Value};
use crate::rules::tables::TableDef;

/// What a `cells` check reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Report {
    BadNumber,
    Blank,
    Unreadable,
}

/// `[rule.cells]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    pub tables: Vec<toml::Spanned<String>>,
    pub report: Report,
}

/// A compiled `cells` check.
#[derive(Debug, Clone)]
pub struct Cells {
    pub tables: Vec<TableRef>,
    report: Report,
}

impl Params {
    /// The check (the tables are resolved when all rule files are loaded).
    pub fn compile(&self) -> Cells {
        Cells {
            tables: self.tables.iter().map(TableRef::from_raw).collect(),
            report: self.report,
        }
    }
}

impl Evaluate for Cells {
    fn evaluate(&self, context: &Context<'_>, hits: &mut Vec<Hit>) {
        for reference in &self.tables {
            if let Some((def, Some(table))) = context.table(&reference.id) {
                self.check_table(context.text, &def, &table, hits);
            }
        }
    }
}

/// Why a table is unreadable, as a phrase after the table's name (Chinese) and as a clause
/// (English), for the `{reason}` placeholder.
fn reason(why: Unreadable) -> (&'static str, &'static str) {
    match why {
        Unreadable::Cells => (
            "的单元格无法排成完整的行",
            "its cells do not fall into complete rows",
        ),
        Unreadable::Rows => (
            "的行与统一格式的行无法按顺序逐一对应",
            "its row labels do not name the format's rows one by one, in order",
        ),
        Unreadable::Columns => (
            "的列标题与统一格式的列顺序不符",
            "its column headers name the format's columns in another order",
        ),
    }
}

/// A non-negative amount with decimals (`0.5`, `12.30`).
fn is_amount(text: &str) -> bool {
    text.trim()
        .parse::<f64>()
        .is_ok_and(|amount| amount >= 0.0 && amount.is_finite())
}

impl Cells {
    /// `text` is the normalised text the table was read from.
    fn check_table(&self, text: &str, def: &TableDef, table: &Table, hits: &mut Vec<Hit>) {
        match self.report {
            Report::Unreadable => {
                if let Some(why) = table.unreadable {
                    let (zh, en) = reason(why);
                    hits.push(
                        Hit::at(table.anchor.clone())
                            .with("table", def.name.zh.clone())
                            .with_words("reason", zh, en),
                    );
                }
            }
            Report::Blank => {
                let blanks: Vec<_> = table
                    .rows
                    .iter()
                    .flat_map(|row| &row.values)
                    .filter(|cell| cell.value == Value::Blank)
                    .collect();
                if !blanks.is_empty() && table.unreadable.is_none() {
                    hits.push(
                        Hit::at(table.anchor.clone())
                            .with("count", blanks.len().to_string())
                            .with("table", def.name.zh.clone()),
                    );
                }
            }
            // The cells of an unreadable table are not known to be values.
            Report::BadNumber if table.unreadable.is_some() => {}
            Report::BadNumber => {
                for row in &table.rows {
                    for (column, cell) in row.values.iter().enumerate() {
                        let column_name = def.columns.get(column).map_or("", String::as_str);
                        let found = &text[cell.range.clone()];
                        let bad = match cell.value {
                            Value::Bad => {
                                !(def.decimal.iter().any(|name| name == column_name)
                                    && is_amount(found))
                            }
                            Value::Number(number) => {
                                number < 0 && !def.signed.iter().any(|name| name == column_name)
                            }
                            Value::Blank => false,
                        };
                        if bad {
                            hits.push(
                                Hit::at(cell.range.clone())
                                    .with("found", found)
                                    .with("column", column_name),
                            );
                        }
                    }
                }
            }
        }
    }
}

//! `identity`: table arithmetic (勾稽关系), written over row and column labels.

/// The kind's reference for rule authors (`docs/authoring.md`, `ogilint rules --kinds-reference`).
pub const REFERENCE: &str = r#"### `identity` — table arithmetic

```toml
[rule.identity]
table = "applications"                 # a [[table]] defined in a rule file
per = "column"                         # check every value column…
identities = [
  { lhs = ['本年新收', '上年结转'], rhs = ['办理结果/.*总计', '结转下年度'] },
]
# per = "row": check every value row, with lhs/rhs naming columns:
# identities = [{ lhs = ["总计"], rhs = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"] }]
```

With `per = "column"`, `lhs` and `rhs` are patterns over row label paths (`三、本年度办理结果/(三)不予公开/
1.属于国家秘密`); a pattern matching several rows adds them all, so `'其他处理'` sums the 2021 layout's
three sub-rows and the 2019 layout's single row alike. With `per = "row"` they are column names.
Blank cells count as 0; a side naming a row that is not there, or a cell that is not a number, skips
the check (other rules report those). One finding per broken identity per column (or row), on the
first cell of the left side, with the other cells as related spans. Placeholders: `{identity}` (the
optional `name`), `{lhs}`, `{lhs_sum}`, `{rhs}`, `{rhs_sum}`, `{column}`, `{row}`.
"#;

use std::ops::Range;

use serde::Deserialize;

use super::{
    compile_all, CompiledPattern, Context, Evaluate, Hit, ParamError, RawPattern, TableRef,
};
use crate::document::tables::{Row, Value};

/// Whether identities run down columns or across rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Per {
    Column,
    Row,
}

/// One identity as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawIdentity {
    #[serde(default)]
    pub name: Option<String>,
    pub lhs: Vec<RawPattern>,
    pub rhs: Vec<RawPattern>,
}

/// `[rule.identity]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    pub table: toml::Spanned<String>,
    pub per: Per,
    pub identities: Vec<RawIdentity>,
}

#[derive(Debug, Clone)]
enum Side {
    /// Row patterns (per column).
    Rows(Vec<CompiledPattern>),
    /// Column names (per row).
    Columns(Vec<String>),
}

#[derive(Debug, Clone)]
struct Equation {
    name: String,
    lhs: Side,
    rhs: Side,
}

/// A compiled `identity` check.
#[derive(Debug, Clone)]
pub struct Identity {
    pub table: TableRef,
    per: Per,
    equations: Vec<Equation>,
}

impl Params {
    /// Validates and compiles the parameters.
    pub fn compile(&self, errors: &mut Vec<ParamError>) -> Identity {
        let side = |raw: &[RawPattern], errors: &mut Vec<ParamError>| match self.per {
            Per::Column => Side::Rows(compile_all(raw, errors)),
            Per::Row => Side::Columns(raw.iter().map(|name| name.get_ref().clone()).collect()),
        };
        let equations = self
            .identities
            .iter()
            .map(|identity| Equation {
                name: identity.name.clone().unwrap_or_default(),
                lhs: side(&identity.lhs, errors),
                rhs: side(&identity.rhs, errors),
            })
            .collect();
        Identity {
            table: TableRef::from_raw(&self.table),
            per: self.per,
            equations,
        }
    }
}

/// The terms of one side: (cell range, value) per term, or `None` if the side cannot be computed.
type Terms = Vec<(Range<usize>, i64)>;

fn value_of(row: &Row, column: usize) -> Option<(Range<usize>, i64)> {
    let cell = row.values.get(column)?;
    match cell.value {
        Value::Number(number) => Some((cell.range.clone(), number)),
        Value::Blank => Some((cell.range.clone(), 0)),
        Value::Bad => None,
    }
}

/// Sums are taken in 128 bits: cells of up to 18 digits cannot overflow them.
fn describe(terms: &Terms) -> (String, i128) {
    let sum = terms.iter().map(|&(_, value)| i128::from(value)).sum();
    let text = terms
        .iter()
        .map(|(_, value)| value.to_string())
        .collect::<Vec<_>>()
        .join("+");
    (text, sum)
}

impl Identity {
    pub(super) fn patterns(&self) -> Vec<&CompiledPattern> {
        self.equations
            .iter()
            .flat_map(|equation| [&equation.lhs, &equation.rhs])
            .flat_map(|side| match side {
                Side::Rows(patterns) => patterns.iter().collect(),
                Side::Columns(_) => Vec::new(),
            })
            .collect()
    }
}

impl Evaluate for Identity {
    fn evaluate(&self, context: &Context<'_>, hits: &mut Vec<Hit>) {
        let Some((def, Some(table))) = context.table(&self.table.id) else {
            return;
        };
        if table.unreadable.is_some() {
            return;
        }
        // The rows each side names, found once for all columns (`None`: a pattern names no row).
        let rows_of = |patterns: &[CompiledPattern]| -> Option<Vec<&Row>> {
            let mut rows = Vec::new();
            for pattern in patterns {
                let before = rows.len();
                rows.extend(
                    table
                        .rows
                        .iter()
                        .filter(|row| pattern.is_match(row.path_text())),
                );
                if rows.len() == before {
                    return None;
                }
            }
            Some(rows)
        };
        for equation in &self.equations {
            match (self.per, &equation.lhs, &equation.rhs) {
                (Per::Column, Side::Rows(lhs), Side::Rows(rhs)) => {
                    let (Some(lhs_rows), Some(rhs_rows)) = (rows_of(lhs), rows_of(rhs)) else {
                        continue;
                    };
                    for (column, column_name) in def.columns.iter().enumerate() {
                        check_cells(
                            hits,
                            &equation.name,
                            lhs_rows.iter().map(|&row| (row, column)),
                            rhs_rows.iter().map(|&row| (row, column)),
                            ("column", column_name),
                        );
                    }
                }
                (Per::Row, Side::Columns(lhs), Side::Columns(rhs)) => {
                    // A side naming a column the table does not have skips the identity.
                    let columns = |names: &[String]| -> Option<Vec<usize>> {
                        names.iter().map(|name| def.column(name)).collect()
                    };
                    let (Some(lhs), Some(rhs)) = (columns(lhs), columns(rhs)) else {
                        continue;
                    };
                    for row in &table.rows {
                        check_cells(
                            hits,
                            &equation.name,
                            lhs.iter().map(|&column| (row, column)),
                            rhs.iter().map(|&column| (row, column)),
                            ("row", row.label()),
                        );
                    }
                }
                _ => {}
            }
        }
    }
}

/// Checks one identity over its cells, (row, column) per term on each side: sums first, without
/// allocating; the terms are listed only for a broken identity. A blank cell counts as 0; a cell
/// that is not a number skips the check.
fn check_cells<'r>(
    hits: &mut Vec<Hit>,
    name: &str,
    left: impl Iterator<Item = (&'r Row, usize)> + Clone,
    right: impl Iterator<Item = (&'r Row, usize)> + Clone,
    place: (&'static str, &str),
) {
    let (Some(left_sum), Some(right_sum)) = (side_sum(left.clone()), side_sum(right.clone()))
    else {
        return;
    };
    if left_sum == right_sum {
        return;
    }
    if let (Some(left), Some(right)) = (side_terms(left), side_terms(right)) {
        push_broken(hits, name, left, right, place);
    }
}

fn side_sum<'r>(cells: impl Iterator<Item = (&'r Row, usize)>) -> Option<i128> {
    cells
        .map(|(row, column)| Some(i128::from(value_of(row, column)?.1)))
        .sum()
}

fn side_terms<'r>(cells: impl Iterator<Item = (&'r Row, usize)>) -> Option<Terms> {
    cells.map(|(row, column)| value_of(row, column)).collect()
}

/// Reports an identity whose sides were found to differ, with every term's cell.
fn push_broken(
    hits: &mut Vec<Hit>,
    name: &str,
    left: Terms,
    right: Terms,
    place: (&'static str, &str),
) {
    // The first cell of the left side carries the finding.
    if left.is_empty() {
        return;
    }
    let (lhs, lhs_sum) = describe(&left);
    let (rhs, rhs_sum) = describe(&right);
    let mut related: Vec<Range<usize>> = left
        .iter()
        .chain(&right)
        .map(|(range, _)| range.clone())
        .collect();
    let primary = related.remove(0);
    let mut hit = Hit::at(primary)
        .with("identity", name)
        .with("lhs", lhs)
        .with("lhs_sum", lhs_sum.to_string())
        .with("rhs", rhs)
        .with("rhs_sum", rhs_sum.to_string())
        .with(place.0, place.1);
    hit.related = related;
    hits.push(hit);
}

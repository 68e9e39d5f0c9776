//! Table definitions: which table a rule reads, how to find it, and its value columns.
//!
//! A rule file may declare tables next to its rules:
//!
//! ```toml
//! [[table]]
//! id = "applications"
//! name = { zh = "收到和处理政府信息公开申请情况表", en = "requests table" }
//! anchor = '申请人情况'            # a cell that starts the table
//! columns = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
//! column-groups = [{ name = "法人或其他组织", columns = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"] }]
//! rows = ['本年新收', '上年结转', '办理结果/.*总计', '结转下年度']   # rows that must be there
//! ```
//!
//! Rows are referred to by patterns over their label path (`三、本年度办理结果/(三)不予公开/
//! 1.属于国家秘密`), matched after normalisation, so Traditional script, full-width brackets and
//! small wording differences do not matter; columns by their names, in the order given. A table's
//! header rows must name its columns, and the groups of columns that merged header cells stand
//! for, in that order ([`HeaderNames`], built here once per definition).

/// The reference for rule authors (`docs/authoring.md`, `ogilint rules --kinds-reference`).
pub const REFERENCE: &str = r#"### `[[table]]` — a table that rules read

```toml
[[table]]
id = "applications"
name = { zh = "收到和处理政府信息公开申请情况表", en = "requests table" }
anchor = '申请人情况'      # a cell that starts the table
columns = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
column-groups = [                # optional: header cells merged over several columns
  { name = "申请人情况", columns = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"] },
  { name = "法人或其他组织", columns = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"] },
]
rows = ['本年新收', '结转下年度']   # optional: rows that must be there (for `layout`)
signed = []                      # optional: columns that may hold negative numbers
decimal = []                     # optional: columns that may hold decimals (amounts)
end = '第二十条第'                 # optional: for one block of a larger table, where the next starts
years = { from = 2021 }          # optional: the report years that have this layout
format = [                       # optional: the format's rows, in order
  { path = "一、本年新收政府信息公开申请数量", label = '本年新收' },
  { path = "三、本年度办理结果/(七)总计", label = '总计' },
]
```

The table is read from `|`-separated rows, one cell per line, or tab/space-aligned columns. Each
row with values gets a label path from its numbered labels (`三、本年度办理结果/(三)不予公开/
1.属于国家秘密`), inherited from the rows above, so a row pattern can name a row by its meaning.

With `format`, each row is named by its own label instead (the first `label` pattern, after the row
before it, that matches) and takes that entry's `path`, wherever its parent cells ended; a row of
blanks under a group's label (an entry with entries under it) is the group's heading. A table whose
rows are not all named, in order and once each, is unreadable: its arithmetic is not checked.

The header rows are checked too, so that values are never summed under the wrong names. A header
cell names a column by the column's name, or by its part after the last `-` (`复议-结果维持` is
headed `结果维持`, a name that then stands for each column so headed), or names a group of
`column-groups`: `columns` lists the group's columns, consecutive and in the table's order; two
groups are apart or one lies within the other, as merged cells are (each is checked when the file
is loaded). Words are compared without whitespace (`商 业 企 业`, a name broken over two lines),
and a cell that names nothing (a corner note, `单位:件`) is passed over. Read left to right, each
cell must name columns after the previous cell's; a name standing for several columns is the first
of them after the previous cell's, preferring one that no header row above named (table 四's lower
header row names the lawsuits' outcomes only). A header row read onto the end of the one above it
(`自然人 | 法人或其他组织 | 总计 | 商业企业 | …`), or a page's cells one per line, may start again
at the first column of a group named earlier in the row whose columns no cell of the row has named
yet. A header that names its columns in another order makes the table unreadable.
"#;

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::kinds::{compile, compile_all, CompiledPattern, ParamError, RawPattern};
use super::Localized;
use crate::document::tables::{FormatRow, HeaderNames};
use crate::text::fold::fold_str;

/// `[[table]]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawTable {
    pub id: Spanned<String>,
    pub name: Localized,
    pub anchor: RawPattern,
    pub columns: Vec<String>,
    #[serde(default)]
    pub rows: Vec<RawPattern>,
    /// Columns whose values may be negative (`本年增/减` in the 2019 layout).
    #[serde(default)]
    pub signed: Vec<String>,
    /// Columns whose values may have decimals (amounts in 万元).
    #[serde(default)]
    pub decimal: Vec<String>,
    /// For one block of a larger table: where the next block starts.
    #[serde(default)]
    pub end: Option<RawPattern>,
    /// Report years the layout is for (`{ from = 2021 }`); other reports do not have this table.
    #[serde(default)]
    pub years: Option<RawYears>,
    /// The format's rows, in order, each with where it sits and what its own label says.
    #[serde(default)]
    pub format: Vec<RawFormatRow>,
    /// Header cells that stand for several consecutive columns (`法人或其他组织`).
    #[serde(default)]
    pub column_groups: Vec<RawColumnGroup>,
}

/// One of `column-groups` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawColumnGroup {
    /// What the group's header cell says.
    pub name: Spanned<String>,
    /// The columns under it: consecutive columns of the table, in the table's order.
    pub columns: Spanned<Vec<String>>,
}

/// One row of `format` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawFormatRow {
    /// The row's label path in the format, `/`-separated.
    pub path: String,
    /// A pattern over a row's own label that names this row.
    pub label: RawPattern,
}

/// One row of a table's format, compiled.
#[derive(Debug, Clone)]
pub struct FormatRowDef {
    /// The label path, normalised.
    path: String,
    label: CompiledPattern,
    /// Whether other rows sit under this one.
    group: bool,
}

impl FormatRow for FormatRowDef {
    fn path(&self) -> &str {
        &self.path
    }

    fn names(&self, label: &str) -> bool {
        self.label.is_match(label)
    }

    fn is_group(&self) -> bool {
        self.group
    }
}

/// A report-year range.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawYears {
    #[serde(default)]
    pub from: Option<i32>,
    #[serde(default)]
    pub to: Option<i32>,
}

/// A validated table definition.
#[derive(Debug, Clone)]
pub struct TableDef {
    pub id: String,
    pub name: Localized,
    pub anchor: CompiledPattern,
    /// Value column names, normalised, in order.
    pub columns: Vec<String>,
    /// Rows that must be present (for `table/layout`).
    pub rows: Vec<CompiledPattern>,
    pub signed: Vec<String>,
    pub decimal: Vec<String>,
    pub end: Option<CompiledPattern>,
    pub from_year: Option<i32>,
    pub to_year: Option<i32>,
    /// The format's rows, in order (empty: rows are taken as read).
    pub format: Vec<FormatRowDef>,
    /// What header cells may say, and the columns each stands for: the columns' own names and
    /// the groups' names (worked out once, used for every table read with this definition).
    pub header_names: HeaderNames,
}

impl TableDef {
    /// Whether reports of this year have this table (a report of unknown year may).
    pub fn applies_to(&self, year: Option<i32>) -> bool {
        year.is_none_or(|year| {
            self.from_year.is_none_or(|from| year >= from)
                && self.to_year.is_none_or(|to| year <= to)
        })
    }

    /// Whether the layout is for some report years only (`years` in its definition).
    pub fn has_years(&self) -> bool {
        self.from_year.is_some() || self.to_year.is_some()
    }

    /// The index of a column by name.
    pub fn column(&self, name: &str) -> Option<usize> {
        let name = fold_str(name);
        self.columns.iter().position(|column| *column == name)
    }
}

impl RawTable {
    /// Validates and compiles the definition.
    pub fn compile(&self, errors: &mut Vec<ParamError>) -> Option<TableDef> {
        if self.columns.is_empty() {
            errors.push(ParamError {
                span: self.id.span(),
                message: "a table needs at least one value column".to_string(),
            });
            return None;
        }
        let anchor = compile(&self.anchor)
            .map_err(|error| errors.push(error))
            .ok()?;
        let columns: Vec<String> = self.columns.iter().map(|column| fold_str(column)).collect();
        let header_names = self.compile_header_names(&columns, errors);
        Some(TableDef {
            id: self.id.get_ref().clone(),
            name: self.name.clone(),
            anchor,
            columns,
            rows: compile_all(&self.rows, errors),
            signed: self.signed.iter().map(|column| fold_str(column)).collect(),
            decimal: self.decimal.iter().map(|column| fold_str(column)).collect(),
            end: self
                .end
                .as_ref()
                .and_then(|end| compile(end).map_err(|error| errors.push(error)).ok()),
            from_year: self.years.and_then(|years| years.from),
            to_year: self.years.and_then(|years| years.to),
            format: self.compile_format(errors),
            header_names,
        })
    }

    /// The names header cells may hold: each column's own name (the part after the last `-`:
    /// `复议-结果维持` is headed `结果维持`) and each group's, with the span of columns it stands
    /// for. A group must name consecutive columns of the table in order, and two groups must be
    /// apart or one within the other, as merged cells in a grid are.
    fn compile_header_names(
        &self,
        columns: &[String],
        errors: &mut Vec<ParamError>,
    ) -> HeaderNames {
        let mut entries: Vec<(String, Range<usize>)> = columns
            .iter()
            .enumerate()
            .map(|(index, column)| {
                let own = column.rsplit('-').next().unwrap_or(column);
                (own.to_string(), index..index + 1)
            })
            .collect();
        let mut groups: Vec<(&Spanned<String>, Range<usize>)> = Vec::new();
        for group in &self.column_groups {
            let name = fold_str(group.name.get_ref());
            if name.trim().is_empty() {
                errors.push(ParamError {
                    span: group.name.span(),
                    message: "a column group needs a name (what its header cell says)".to_string(),
                });
                continue;
            }
            let Some(span) = group_span(columns, &group.columns, errors) else {
                continue;
            };
            let crossing = groups.iter().find(|(_, other)| {
                span.start < other.end
                    && other.start < span.end
                    && !(span.start <= other.start && other.end <= span.end)
                    && !(other.start <= span.start && span.end <= other.end)
            });
            if let Some((other, _)) = crossing {
                errors.push(ParamError {
                    span: group.columns.span(),
                    message: format!(
                        "column group `{}` takes some columns of group `{}` but not all, and no header can be drawn so",
                        group.name.get_ref(),
                        other.get_ref()
                    ),
                });
                continue;
            }
            groups.push((&group.name, span.clone()));
            entries.push((name, span));
        }
        HeaderNames::new(columns.len(), entries)
    }

    fn compile_format(&self, errors: &mut Vec<ParamError>) -> Vec<FormatRowDef> {
        let paths: Vec<String> = self.format.iter().map(|row| fold_str(&row.path)).collect();
        self.format
            .iter()
            .zip(&paths)
            .filter_map(|(row, path)| {
                let label = compile(&row.label)
                    .map_err(|error| errors.push(error))
                    .ok()?;
                let group = paths.iter().any(|other| {
                    other.len() > path.len()
                        && other.starts_with(path.as_str())
                        && other[path.len()..].starts_with('/')
                });
                Some(FormatRowDef {
                    path: path.clone(),
                    label,
                    group,
                })
            })
            .collect()
    }
}

/// The span of table columns a group's `columns` name: they must be columns of the table
/// (`columns`, normalised), each once, consecutive and in the table's order.
fn group_span(
    columns: &[String],
    named: &Spanned<Vec<String>>,
    errors: &mut Vec<ParamError>,
) -> Option<Range<usize>> {
    let mut error = |message: String| {
        errors.push(ParamError {
            span: named.span(),
            message,
        });
        None
    };
    let mut positions = Vec::with_capacity(named.get_ref().len());
    for name in named.get_ref() {
        let folded = fold_str(name);
        match columns.iter().position(|column| *column == folded) {
            Some(position) => positions.push(position),
            None => return error(format!("`{name}` is not one of the table's `columns`")),
        }
    }
    let (Some(&first), Some(&last)) = (positions.first(), positions.last()) else {
        return error("a column group needs at least one column".to_string());
    };
    if positions.windows(2).any(|pair| pair[1] != pair[0] + 1) {
        return error(
            "a column group's columns must be consecutive columns of the table, in the table's order"
                .to_string(),
        );
    }
    Some(first..last + 1)
}

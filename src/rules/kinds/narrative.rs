//! `narrative`: a total stated in the text agrees with the table.

/// The kind's reference for rule authors (`docs/authoring.md`, `ogilint rules --kinds-reference`).
pub const REFERENCE: &str = r#"### `narrative` — the text and the table agree

```toml
[rule.narrative]
skip-before = '全市|全县|全区|全省|各级|系统'   # optional: scope words just before a statement
skip-within = '较|比|增加|减少|增长|下降'        # optional: words that make it a change, not a total
statements = [
  { table = "applications", row = '本年新收', column = "总计",
    pattern = '(收到|新收)(政府信息公开)?申请(共|合计)?(?P<n>[0-9][0-9,]*)件' },
  { table = "review-litigation", column = "复议-总计",          # no row: the table's only row
    pattern = '行政复议(案件)?(共|合计)?(?P<n>[0-9][0-9,]*)(件|起)' },
]
```

Each `pattern` must capture the number as `(?P<n>…)` (Arabic digits; `1,021` is 1021). Fires when the
number differs from the table cell; never when the cell is missing, blank or unclear, when a
`skip-before` word stands in the 12 characters before the statement, or when a `skip-within` word
is in it. Placeholders: `{found}` (the matched words), `{n}`, `{table_value}`.
"#;

use serde::Deserialize;

use super::{compile, CompiledPattern, Context, Evaluate, Hit, ParamError, RawPattern, TableRef};
use crate::document::tables::Value;
use crate::document::LineKind;

/// One statement as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawStatement {
    pub table: toml::Spanned<String>,
    /// The row, by a pattern over its label path; absent when the table has one value row.
    #[serde(default)]
    pub row: Option<RawPattern>,
    pub column: String,
    pub pattern: RawPattern,
}

/// `[rule.narrative]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    pub statements: Vec<RawStatement>,
    #[serde(default)]
    pub skip_before: Option<RawPattern>,
    #[serde(default)]
    pub skip_within: Option<RawPattern>,
}

/// A statement whose number must match a table cell.
#[derive(Debug, Clone)]
pub struct Statement {
    pub table: TableRef,
    row: Option<CompiledPattern>,
    column: String,
    pattern: CompiledPattern,
}

/// A compiled `narrative` check.
#[derive(Debug, Clone)]
pub struct Narrative {
    pub statements: Vec<Statement>,
    skip_before: Option<CompiledPattern>,
    skip_within: Option<CompiledPattern>,
}

fn compile_optional(
    raw: &Option<RawPattern>,
    errors: &mut Vec<ParamError>,
) -> Option<CompiledPattern> {
    raw.as_ref()
        .and_then(|raw| compile(raw).map_err(|error| errors.push(error)).ok())
}

impl Params {
    /// Validates and compiles the parameters; every pattern must capture `n`.
    pub fn compile(&self, errors: &mut Vec<ParamError>) -> Narrative {
        let statements = self
            .statements
            .iter()
            .filter_map(|raw| {
                let pattern = compile(&raw.pattern)
                    .map_err(|error| errors.push(error))
                    .ok()?;
                if !pattern
                    .regex()
                    .capture_names()
                    .any(|name| name == Some("n"))
                {
                    errors.push(ParamError {
                        span: raw.pattern.span(),
                        message: "the pattern must capture the number as (?P<n>…)".to_string(),
                    });
                    return None;
                }
                Some(Statement {
                    table: TableRef::from_raw(&raw.table),
                    row: compile_optional(&raw.row, errors),
                    column: raw.column.clone(),
                    pattern,
                })
            })
            .collect();
        Narrative {
            statements,
            skip_before: compile_optional(&self.skip_before, errors),
            skip_within: compile_optional(&self.skip_within, errors),
        }
    }
}

impl Narrative {
    pub(super) fn patterns(&self) -> Vec<&CompiledPattern> {
        self.statements
            .iter()
            .flat_map(|statement| std::iter::once(&statement.pattern).chain(&statement.row))
            .chain(&self.skip_before)
            .chain(&self.skip_within)
            .collect()
    }
}

/// How many characters before a statement are searched for scope words.
const BEFORE_CHARS: usize = 12;

impl Evaluate for Narrative {
    fn evaluate(&self, context: &Context<'_>, hits: &mut Vec<Hit>) {
        for statement in &self.statements {
            self.check_statement(statement, context, hits);
        }
    }
}

impl Narrative {
    fn check_statement(&self, statement: &Statement, context: &Context<'_>, hits: &mut Vec<Hit>) {
        let Some((def, Some(table))) = context.table(&statement.table.id) else {
            return;
        };
        if table.unreadable.is_some() {
            return;
        }
        let Some(column) = def.column(&statement.column) else {
            return;
        };
        let mut rows = table.rows.iter().filter(|row| {
            statement
                .row
                .as_ref()
                .is_none_or(|pattern| pattern.is_match(row.path_text()))
        });
        // Unambiguous or nothing: exactly one row.
        let (Some(row), None) = (rows.next(), rows.next()) else {
            return;
        };
        let Some(cell) = row.values.get(column) else {
            return;
        };
        let Value::Number(table_value) = cell.value else {
            return;
        };
        let document = context.document;
        // Statements are looked for in the text, outside the table itself.
        let in_text = |index: usize| {
            document.lines[index].kind == LineKind::Text && !table.lines.contains(&index)
        };
        let candidates =
            statement
                .pattern
                .line_pattern()
                .matching_lines(context.text, &document.lines, in_text);
        for index in candidates {
            let line = document.line_text(context.text, index);
            for caps in statement.pattern.regex().captures_iter(line) {
                let (Some(whole), Some(number)) = (caps.get(0), caps.name("n")) else {
                    continue;
                };
                let before_start = line[..whole.start()]
                    .char_indices()
                    .rev()
                    .nth(BEFORE_CHARS - 1)
                    .map_or(0, |(offset, _)| offset);
                let before = &line[before_start..whole.start()];
                let skipped = self
                    .skip_before
                    .as_ref()
                    .is_some_and(|skip| skip.is_match(before))
                    || self
                        .skip_within
                        .as_ref()
                        .is_some_and(|skip| skip.is_match(whole.as_str()));
                let Ok(stated) = number.as_str().replace(',', "").parse::<i64>() else {
                    continue;
                };
                if skipped || stated == table_value {
                    continue;
                }
                let start = context.line_start(index);
                let mut hit = Hit::at(start + number.start()..start + number.end())
                    .with("found", whole.as_str())
                    .with("n", stated.to_string())
                    .with("table_value", table_value.to_string());
                hit.related.push(cell.range.clone());
                hits.push(hit);
            }
        }
    }
}

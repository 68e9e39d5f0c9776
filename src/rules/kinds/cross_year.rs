//! `cross-year`: a report against the same issuer's report of the year before.
//!
//! A cross-year rule finds nothing in one report on its own: it reads what it needs from each
//! report ([`CrossYear::figures`], kept in the report's fingerprint so that the run can stream),
//! and compares two reports once they are paired ([`CrossYear::compare_figures`],
//! [`Similarity`]).

/// The kind's reference for rule authors (`docs/authoring.md`, `ogilint rules --kinds-reference`).
pub const REFERENCE: &str = r#"### `cross-year` — against last year's report

A cross-year rule runs only on a report paired with the same issuer's report of the year before
(several reports checked together, or `ogilint check --previous OLD NEW`); an unpaired report gets
no finding. A continuity of table figures:

```toml
[rule.cross-year]
table = "applications"
per = "column"          # for every value column of the table…
this = '上年结转'         # …this year's row (a row pattern)…
last = '结转下年度'       # …equals last year's row,
plus = []               # plus these rows of this year,
minus = []              # minus these rows of this year
```

With `per = "row"`, `this`, `last`, `plus` and `minus` name columns, and `rows` lists the row
patterns the check runs for (`rows = ['规章', '规范性文件']`). A row or cell missing in either year,
or a cell that is not a number, skips the check; a blank cell counts as 0. The finding is on this
year's cell, with last year's cell as a related location (in the other file). Placeholders:
`{place}` (the column or row), `{this}`, `{last}`, `{plus}`, `{minus}` (sums), `{expected}`,
`{difference}` (this year's figure minus the expected one, signed).

Copied text, by section:

```toml
[rule.cross-year]
section = 5             # the level-1 section (五, problems and improvements)
threshold = 0.8         # a warning at or above this similarity
```

Similarity is the Jaccard index of the two sections' sets of four-character shingles, after
punctuation, digits, Latin letters and spaces are removed (so a new year and new figures do not
hide a copy, and reordered sentences do not hide one either). Placeholders: `{section}`,
`{similarity}` (a percentage).

A cross-year rule's examples give last year's report beside this year's: `previous = """…"""`
next to `text`; `ogilint test` pairs the two.
"#;

use std::ops::Range;

use serde::Deserialize;

use super::identity::Per;
use super::{
    compile, compile_all, CompiledPattern, Context, Evaluate, Hit, ParamError, RawPattern, TableRef,
};
use crate::document::tables::{Row, Value};
use crate::text::fold::fold_str;

/// `[rule.cross-year]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    #[serde(default)]
    pub table: Option<toml::Spanned<String>>,
    #[serde(default)]
    pub per: Option<Per>,
    #[serde(default)]
    pub this: Option<RawPattern>,
    #[serde(default)]
    pub last: Option<RawPattern>,
    #[serde(default)]
    pub plus: Vec<RawPattern>,
    #[serde(default)]
    pub minus: Vec<RawPattern>,
    #[serde(default)]
    pub rows: Vec<RawPattern>,
    #[serde(default)]
    pub section: Option<toml::Spanned<u32>>,
    #[serde(default)]
    pub threshold: Option<toml::Spanned<f64>>,
}

/// A compiled `cross-year` check: a continuity of figures or a copied-text check.
#[derive(Debug, Clone)]
pub enum CrossYear {
    Continuity(Box<Continuity>),
    Similarity(Similarity),
}

/// A table figure of one year: this year's = last year's + this year's `plus` − `minus`.
#[derive(Debug, Clone)]
pub struct Continuity {
    pub table: TableRef,
    per: Per,
    this: Term,
    last: Term,
    plus: Vec<Term>,
    minus: Vec<Term>,
    /// For `per = "row"`: the rows the check runs for.
    rows: Vec<CompiledPattern>,
}

/// A section's text compared with last year's.
#[derive(Debug, Clone, Copy)]
pub struct Similarity {
    /// The level-1 section number (5 = 五).
    pub section: u32,
    /// A finding at or above this similarity (0–1).
    pub threshold: f64,
}

/// A row pattern (per column) or a column name (per row).
#[derive(Debug, Clone)]
enum Term {
    Row(Box<CompiledPattern>),
    Column(String),
}

/// One figure read from a report: its value and where it is (a range of the normalised text,
/// or once mapped, a span of the file).
#[derive(Debug, Clone)]
pub struct Figure<L> {
    pub value: i64,
    pub at: L,
}

/// What a continuity reads at one place (a column, or a row) of one report: the figures it needs
/// as this year's report, and the one it needs as last year's.
#[derive(Debug, Clone)]
pub struct Place<L> {
    /// The column or row, for messages and for matching places across years.
    pub name: String,
    /// This year's figure with its `plus` and `minus` figures.
    pub as_this: Option<ThisYear<L>>,
    /// The figure a following year continues.
    pub as_last: Option<Figure<L>>,
}

/// The figures a continuity reads as this year's: the figure, and the terms added and taken.
#[derive(Debug, Clone)]
pub struct ThisYear<L> {
    pub figure: Figure<L>,
    pub plus: Vec<Figure<L>>,
    pub minus: Vec<Figure<L>>,
}

/// Where a term is read at one place: a column (per column), or a row (per row).
type At<'t> = (Option<&'t Row>, Option<usize>);

impl<L> Place<L> {
    /// The same place with each location mapped.
    pub fn map<M>(self, mut locate: impl FnMut(L) -> M) -> Place<M> {
        let mut figure = |figure: Figure<L>| Figure {
            value: figure.value,
            at: locate(figure.at),
        };
        Place {
            name: self.name,
            as_this: self.as_this.map(|this| ThisYear {
                figure: figure(this.figure),
                plus: this.plus.into_iter().map(&mut figure).collect(),
                minus: this.minus.into_iter().map(&mut figure).collect(),
            }),
            as_last: self.as_last.map(figure),
        }
    }
}

/// A broken continuity: on this year's figure, with last year's as the related location.
#[derive(Debug, Clone)]
pub struct CrossHit<L> {
    pub at: L,
    pub related: L,
    pub args: Vec<(&'static str, String)>,
}

impl Params {
    /// Validates and compiles the parameters: either `table`, `per`, `this` and `last` (a
    /// continuity), or `section` (copied text).
    pub fn compile(
        &self,
        id_span: Range<usize>,
        errors: &mut Vec<ParamError>,
    ) -> Option<CrossYear> {
        if let Some(section) = &self.section {
            let threshold = self.threshold.as_ref().map_or(0.8, |t| *t.get_ref());
            if !(0.0..=1.0).contains(&threshold) {
                errors.push(ParamError {
                    span: self.threshold.as_ref().map_or(id_span, |t| t.span()),
                    message: "`threshold` is a similarity between 0 and 1".to_string(),
                });
                return None;
            }
            if !(1..=6).contains(section.get_ref()) {
                errors.push(ParamError {
                    span: section.span(),
                    message: "`section` is a level-1 section number, 1 to 6".to_string(),
                });
                return None;
            }
            return Some(CrossYear::Similarity(Similarity {
                section: *section.get_ref(),
                threshold,
            }));
        }
        let (Some(table), Some(per), Some(this), Some(last)) =
            (&self.table, self.per, &self.this, &self.last)
        else {
            errors.push(ParamError {
                span: id_span,
                message: "a cross-year rule needs `section`, or `table`, `per`, `this` and `last`"
                    .to_string(),
            });
            return None;
        };
        let term = |raw: &RawPattern, errors: &mut Vec<ParamError>| match per {
            Per::Column => compile(raw)
                .map(|pattern| Term::Row(Box::new(pattern)))
                .map_err(|error| errors.push(error))
                .ok(),
            Per::Row => Some(Term::Column(fold_str(raw.get_ref()))),
        };
        let this = term(this, errors);
        let last = term(last, errors);
        let plus: Vec<Term> = self
            .plus
            .iter()
            .filter_map(|raw| term(raw, errors))
            .collect();
        let minus: Vec<Term> = self
            .minus
            .iter()
            .filter_map(|raw| term(raw, errors))
            .collect();
        let rows = compile_all(&self.rows, errors);
        if per == Per::Row && rows.is_empty() {
            errors.push(ParamError {
                span: id_span,
                message: "with `per = \"row\"`, `rows` lists the rows to check".to_string(),
            });
        }
        Some(CrossYear::Continuity(Box::new(Continuity {
            table: TableRef::from_raw(table),
            per,
            this: this?,
            last: last?,
            plus,
            minus,
            rows,
        })))
    }
}

fn value_of(row: &Row, column: usize) -> Option<Figure<Range<usize>>> {
    let cell = row.values.get(column)?;
    let value = match cell.value {
        Value::Number(number) => number,
        Value::Blank => 0,
        Value::Bad => return None,
    };
    Some(Figure {
        value,
        at: cell.range.clone(),
    })
}

impl CrossYear {
    /// The table the check reads, if any.
    pub fn table_ref(&self) -> Option<&TableRef> {
        match self {
            CrossYear::Continuity(continuity) => Some(&continuity.table),
            CrossYear::Similarity(_) => None,
        }
    }

    pub(super) fn patterns(&self) -> Vec<&CompiledPattern> {
        let CrossYear::Continuity(continuity) = self else {
            return Vec::new();
        };
        let terms = [&continuity.this, &continuity.last]
            .into_iter()
            .chain(&continuity.plus)
            .chain(&continuity.minus);
        terms
            .filter_map(|term| match term {
                Term::Row(pattern) => Some(pattern.as_ref()),
                Term::Column(_) => None,
            })
            .chain(&continuity.rows)
            .collect()
    }

    /// What a continuity reads from one report, per place (empty for a copied-text check, or a
    /// report without the table).
    pub fn figures(&self, context: &Context<'_>) -> Vec<Place<Range<usize>>> {
        let CrossYear::Continuity(continuity) = self else {
            return Vec::new();
        };
        let Some((def, Some(table))) = context.table(&continuity.table.id) else {
            return Vec::new();
        };
        if table.unreadable.is_some() {
            return Vec::new();
        }
        let find_row = |pattern: &CompiledPattern| {
            table
                .rows
                .iter()
                .find(|row| pattern.is_match(row.path_text()))
        };
        // (row, column) of a term at a place.
        let read = |term: &Term, place: At<'_>| -> Option<Figure<Range<usize>>> {
            match (term, place) {
                (Term::Row(pattern), (None, Some(column))) => value_of(find_row(pattern)?, column),
                (Term::Column(name), (Some(row), None)) => value_of(row, def.column(name)?),
                _ => None,
            }
        };
        let places: Vec<(String, At<'_>)> = match continuity.per {
            Per::Column => def
                .columns
                .iter()
                .enumerate()
                .map(|(column, name)| (name.clone(), (None, Some(column))))
                .collect(),
            Per::Row => continuity
                .rows
                .iter()
                .filter_map(|pattern| {
                    let row = find_row(pattern)?;
                    Some((row.label().to_string(), (Some(row), None)))
                })
                .collect(),
        };
        places
            .into_iter()
            .map(|(name, place)| {
                let terms = |terms: &[Term]| -> Option<Vec<Figure<Range<usize>>>> {
                    terms.iter().map(|term| read(term, place)).collect()
                };
                let as_this = read(&continuity.this, place).and_then(|figure| {
                    Some(ThisYear {
                        figure,
                        plus: terms(&continuity.plus)?,
                        minus: terms(&continuity.minus)?,
                    })
                });
                Place {
                    name,
                    as_this,
                    as_last: read(&continuity.last, place),
                }
            })
            .filter(|place| place.as_this.is_some() || place.as_last.is_some())
            .collect()
    }
}

impl Continuity {
    /// Compares this year's figures with last year's: one hit per place where they disagree.
    /// Places are matched by name, so a layout that differs between the years skips them.
    pub fn compare<L: Clone>(&self, last: &[Place<L>], this: &[Place<L>]) -> Vec<CrossHit<L>> {
        let mut hits = Vec::new();
        for place in this {
            let Some(ThisYear {
                figure,
                plus,
                minus,
            }) = &place.as_this
            else {
                continue;
            };
            let Some(previous) = last
                .iter()
                .find(|other| other.name == place.name)
                .and_then(|other| other.as_last.as_ref())
            else {
                continue;
            };
            // Sums are taken in 128 bits: cells of up to 18 digits cannot overflow them.
            let sum = |figures: &[Figure<L>]| -> i128 {
                figures.iter().map(|figure| i128::from(figure.value)).sum()
            };
            let expected = i128::from(previous.value) + sum(plus) - sum(minus);
            let difference = i128::from(figure.value) - expected;
            if difference == 0 {
                continue;
            }
            hits.push(CrossHit {
                at: figure.at.clone(),
                related: previous.at.clone(),
                args: vec![
                    ("place", place.name.clone()),
                    ("this", figure.value.to_string()),
                    ("last", previous.value.to_string()),
                    ("plus", sum(plus).to_string()),
                    ("minus", sum(minus).to_string()),
                    ("expected", expected.to_string()),
                    ("difference", format!("{difference:+}")),
                ],
            });
        }
        hits
    }
}

impl Evaluate for CrossYear {
    /// One report alone breaks no cross-year rule: they run when reports are paired.
    fn evaluate(&self, _context: &Context<'_>, _hits: &mut Vec<Hit>) {}
}

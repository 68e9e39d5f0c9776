//! `deadline`: the report was published on time, and not before its year was over.

/// The kind's reference for rule authors (`docs/authoring.md`, `ogilint rules --kinds-reference`).
pub const REFERENCE: &str = r#"### `deadline` — publication date

```toml
[rule.deadline]
report = "late"           # or "premature"
[rule.deadline.due]       # month-day in the year after the report year
"2007" = "03-31"          # reports under the 2007 text
"2019-government" = "03-31"
"2019-department" = "01-31"
"2019" = "03-31"          # 2019 text, issuer kind unknown
"2019-township" = "03-31" # townships and streets: only this key judges them (Art. 49 sets none)
```

The publication date is read from `发布时间:`/`发布日期:`, an `印发` line, `成文日期:`, or the dated
signature (Arabic or Chinese numerals), in that order of preference. No date, or a report year
known only from the years the text mentions (no title or period names it), no finding. `late`:
after the due date for the report's regulation and issuer kind (`--issuer-kind`, `issuer-kind` in
`ogilint.toml`, or inferred from the issuer's name); a page's `发布时间` more than a year after the
deadline is a re-posting and is not judged. `premature`: before the report year was over (a report dated 31 December of its year is not).
Placeholders: `{date}`, `{due}`, `{year}`.
"#;

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{Context, Evaluate, Hit, ParamError};
use crate::document::publication::{DateSource, PublicationDate};
use crate::document::{IssuerKind, Regulation, YearSource};

/// What a `deadline` check reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Report {
    Late,
    Premature,
}

/// `[rule.deadline]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    pub report: Report,
    #[serde(default)]
    pub due: BTreeMap<String, toml::Spanned<String>>,
}

/// A compiled `deadline` check.
#[derive(Debug, Clone)]
pub struct Deadline {
    report: Report,
    /// (key, month, day).
    due: Vec<(String, u32, u32)>,
}

/// A date as (year, month, day), compared in that order.
type Ymd = (i32, u32, u32);

const DUE_KEYS: &[&str] = &[
    "2007",
    "2019",
    "2019-government",
    "2019-department",
    "2019-township",
];

impl Params {
    /// Validates the due dates (`MM-DD`, known keys).
    pub fn compile(&self, errors: &mut Vec<ParamError>) -> Deadline {
        let mut due = Vec::new();
        for (key, value) in &self.due {
            if !DUE_KEYS.contains(&key.as_str()) {
                errors.push(ParamError {
                    span: value.span(),
                    message: format!("unknown key `{key}` in due: use {}", DUE_KEYS.join(", ")),
                });
                continue;
            }
            let parsed = value
                .get_ref()
                .split_once('-')
                .and_then(|(month, day)| {
                    Some((month.parse::<u32>().ok()?, day.parse::<u32>().ok()?))
                })
                .filter(|(month, day)| (1..=12).contains(month) && (1..=31).contains(day));
            match parsed {
                Some((month, day)) => due.push((key.clone(), month, day)),
                None => errors.push(ParamError {
                    span: value.span(),
                    message: "a due date is written MM-DD, e.g. \"03-31\"".to_string(),
                }),
            }
        }
        Deadline {
            report: self.report,
            due,
        }
    }
}

impl Deadline {
    fn due_for(&self, regulation: Regulation, kind: Option<IssuerKind>) -> Option<(u32, u32)> {
        let keys: &[&str] = match (regulation, kind) {
            (Regulation::V2007, _) => &["2007"],
            (Regulation::V2019, Some(IssuerKind::Government)) => &["2019-government", "2019"],
            (Regulation::V2019, Some(IssuerKind::Department)) => &["2019-department", "2019"],
            // Art. 49 sets no deadline below the county: only a rule that names one judges them.
            (Regulation::V2019, Some(IssuerKind::Township)) => &["2019-township"],
            (Regulation::V2019, None) => &["2019"],
        };
        keys.iter()
            .find_map(|key| self.due.iter().find(|(k, _, _)| k == key))
            .map(|(_, month, day)| (*month, *day))
    }
}

/// Whether the date is a web page's `发布时间` more than a year after the deadline (a 2015
/// report's page dated 2019). Sites that moved or were rebuilt re-post their old reports, and the
/// page then carries the day of the move: it says nothing of when the report was first published,
/// and a report first published more than a year after its deadline is far rarer than a re-posted
/// page. Such a date is not judged late; the report's own dates (its signature, an `印发` or
/// `成文日期` line) are.
fn is_page_date_of_a_later_posting(published: PublicationDate, date: Ymd, due: Ymd) -> bool {
    published.source == DateSource::Published && date > (due.0 + 1, due.1, due.2)
}

impl Evaluate for Deadline {
    fn evaluate(&self, context: &Context<'_>, hits: &mut Vec<Hit>) {
        let document = context.document;
        let (Some(report_year), Some(published)) = (document.report_year, document.published)
        else {
            return;
        };
        // A year read only from the years the text mentions is a guess (a signature's year can
        // tip it): no date is judged against it.
        if report_year.source == YearSource::Text {
            return;
        }
        let Some(year) = published.date.year else {
            return;
        };
        let date = (year, published.date.month, published.date.day);
        let date_text = format!("{year}年{}月{}日", date.1, date.2);
        match self.report {
            Report::Late => {
                let Some((month, day)) = self.due_for(document.regulation, document.issuer_kind)
                else {
                    return;
                };
                let due = (report_year.year + 1, month, day);
                if date > due && !is_page_date_of_a_later_posting(published, date, due) {
                    hits.push(
                        Hit::at(published.date.range())
                            .with("date", date_text)
                            .with("due", format!("{}年{}月{}日", due.0, due.1, due.2))
                            .with("year", report_year.year.to_string()),
                    );
                }
            }
            Report::Premature => {
                // Dated on the year's last day, a report is signed as the year closes (offices
                // date it so); only an earlier date says it was written before the year was over.
                if date < (report_year.year, 12, 31) {
                    hits.push(
                        Hit::at(published.date.range())
                            .with("date", date_text)
                            .with("year", report_year.year.to_string()),
                    );
                }
            }
        }
    }
}

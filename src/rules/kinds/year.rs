//! `year`: the year a report is titled for is the year its body reports on.

/// The kind's reference for rule authors (`docs/authoring.md`, `ogilint rules --kinds-reference`).
pub const REFERENCE: &str = r#"### `year` — the body reports on the report year

```toml
[rule.year]
min-mentions = 3     # optional: how often the other year must be named
```

Counts the years the body names (`2009年`; the title does not count). Fires when one other year is
named at least `min-mentions` times and at least three times as often as the report year (from the
title, else the statistics period): a report copied from another year's. The span is the year in the
title (or the period). Placeholders: `{year}`, `{body_year}`, `{count}`.
"#;

use serde::Deserialize;

use super::{Context, Evaluate, Hit};
use crate::document::YearSource;

/// `[rule.year]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    #[serde(default)]
    pub min_mentions: Option<usize>,
}

/// A compiled `year` check.
#[derive(Debug, Clone)]
pub struct YearCheck {
    min_mentions: usize,
}

/// How much more often the other year must be named than the report year.
const DOMINANCE: usize = 3;

impl Params {
    /// The check.
    pub fn compile(&self) -> YearCheck {
        YearCheck {
            min_mentions: self.min_mentions.unwrap_or(3),
        }
    }
}

impl Evaluate for YearCheck {
    fn evaluate(&self, context: &Context<'_>, hits: &mut Vec<Hit>) {
        let document = context.document;
        let Some(report_year) = document.report_year else {
            return;
        };
        if report_year.source == YearSource::Text {
            return;
        }
        let count_of = |year: i32| {
            document
                .body_years
                .iter()
                .find(|(candidate, _)| *candidate == year)
                .map_or(0, |(_, count)| *count)
        };
        let Some(&(body_year, count)) = document
            .body_years
            .iter()
            .find(|(year, _)| *year != report_year.year)
        else {
            return;
        };
        let own = count_of(report_year.year);
        if count < self.min_mentions
            || count < DOMINANCE * own.max(1)
            || body_year == report_year.year
        {
            return;
        }
        // Is the other year the body's main subject? It must be named more than any other year.
        if document.body_years.first().map(|(year, _)| *year) != Some(body_year) {
            return;
        }
        let year_text = report_year.year.to_string();
        let range = match report_year.source {
            YearSource::Title => document.title.as_ref().and_then(|title| {
                context.text[title.clone()]
                    .find(&year_text)
                    .map(|offset| title.start + offset..title.start + offset + year_text.len())
            }),
            _ => document.period.as_ref().map(|period| period.start.range()),
        };
        let Some(range) = range else {
            return;
        };
        hits.push(
            Hit::at(range)
                .with("year", year_text)
                .with("body_year", body_year.to_string())
                .with("count", count.to_string()),
        );
    }
}

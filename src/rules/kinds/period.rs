//! `period`: the statistics-period sentence (`本报告所列数据统计期限自2019年1月1日起至12月31日止`).
//!
//! The sentence itself is found during structure recognition ([`crate::document::period`]). A
//! `period` check reports one of three things, chosen by `report`: that no such sentence exists
//! (`missing`), that it does not cover 1月1日–12月31日 of the report year (`mismatch`), or that
//! its dates cannot be read (`unreadable`).

/// The kind's reference for rule authors (`docs/authoring.md`, `ogilint rules --kinds-reference`).
pub const REFERENCE: &str = r#"### `period` — the statistics period

```toml
[rule.period]
report = "missing"   # or "mismatch", "unreadable"
```

The period statement (`统计期限自2019年1月1日起至12月31日止`, `统计时间为…`, Chinese-numeral dates too) is
found during structure recognition. `missing`: no such statement. `mismatch`: a statement with a start
and an end that is not 1月1日–12月31日 of the report year. `unreadable`: a period keyword followed by
a year and a span whose dates do not read (`统计时限为2018年11日至2018年1231日`); such a statement is
not `missing`. Placeholders: `{found}`, `{year}` (`mismatch`), `{found}` (`unreadable`).
"#;

use serde::Deserialize;

use super::{Context, Evaluate, Hit};

/// What a `period` check reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Report {
    Missing,
    Mismatch,
    Unreadable,
}

/// `[rule.period]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    pub report: Report,
}

/// A compiled `period` check.
#[derive(Debug, Clone)]
pub struct PeriodCheck {
    report: Report,
}

impl Params {
    /// The check (nothing to validate beyond the TOML types).
    pub fn compile(&self) -> PeriodCheck {
        PeriodCheck {
            report: self.report,
        }
    }
}

impl Evaluate for PeriodCheck {
    fn evaluate(&self, context: &Context<'_>, hits: &mut Vec<Hit>) {
        let document = context.document;
        match (self.report, &document.period) {
            (Report::Missing, None) if document.unreadable_period.is_none() => {
                hits.push(Hit::missing_at(document.intro_anchor()))
            }
            (Report::Unreadable, None) => {
                if let Some(range) = &document.unreadable_period {
                    let found = &context.text[range.clone()];
                    hits.push(Hit::at(range.clone()).with("found", found));
                }
            }
            // A single date (`统计数据截至…`) states a cut-off, not a period: it cannot be judged,
            // unless it is the end of another year than the report's (`截至2020年12月31日` in a
            // 2021 report), which is the wrong year whatever the span.
            (Report::Mismatch, Some(period))
                if period.end.is_some() || (period.start.month, period.start.day) == (12, 31) =>
            {
                let year = document.report_year.map(|year| year.year).or(period.year());
                let wrong_year = match (year, period.year()) {
                    (Some(report), Some(stated)) => report != stated,
                    _ => false,
                };
                if wrong_year || period.is_whole_year() == Some(false) {
                    let found = &context.text[period.range.clone()];
                    let mut hit = Hit::at(period.range.clone()).with("found", found);
                    if let Some(year) = year {
                        hit = hit.with("year", year.to_string());
                    }
                    hits.push(hit);
                }
            }
            _ => {}
        }
    }
}

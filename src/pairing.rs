//! Year over year: each report against the same issuer's report of the year before.
//!
//! While a run streams, each report leaves a small [`Fingerprint`]: its issuer (as
//! [`pairing_name`] gives it) and its report year. A [`Pairing`] index keeps them by (issuer,
//! year), so pairing is linear in the number of reports. Once every file is checked and the pairs
//! are known, the reports that pair are read again for their [`Details`] (or read for them as they
//! are checked, when the year beside them was checked already): the table figures their
//! `cross-year` rules read (with where they are) and a bounded sketch of each level-1 section's
//! words. A report that pairs with none never pays for them. Each report is then compared with
//! last year's ([`compare`]): the continuity findings of `cross-year` rules, and a similarity
//! score per section.

use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;

use crate::document::issuer::{pairing_name, shorter_names};
use crate::document::{LineKind, Regulation};
use crate::engine::{FileSpan, Finding, Reading, Span};
use crate::rules::kinds::cross_year::{CrossYear, Place};
use crate::rules::kinds::Check;
use crate::rules::{Lang, Rule, RuleSet};
use crate::text::similarity::Sketch;

/// A place in the file a fingerprint was taken from, with the original text there.
#[derive(Debug, Clone)]
pub struct Located {
    pub span: Span,
    pub text: String,
}

/// A level-1 section as kept for pairing.
#[derive(Debug, Clone)]
pub struct SectionPrint {
    /// 1 to 6 (一 to 六).
    pub number: u32,
    /// The section's heading.
    pub heading: Located,
    /// Its words, without table rows.
    pub sketch: Sketch,
}

/// What pairing keeps of one report.
#[derive(Debug, Clone)]
pub struct Fingerprint {
    pub file: Arc<str>,
    /// 0-based index of the report within its file.
    pub document: usize,
    /// The issuer as reports are paired under ([`pairing_name`]).
    pub issuer: Option<String>,
    pub year: Option<i32>,
    /// The regulation the report is judged by.
    pub regulation: Regulation,
    /// Whether the report's table lines were worked out when it was checked (the rules read its
    /// tables): its sections' words leave them out ([`details`]).
    pub tables_read: bool,
}

/// What is read of a report that pairs, from its file read again.
#[derive(Debug, Clone, Default)]
pub struct Details {
    /// The figures each `cross-year` continuity rule reads, by rule id.
    pub figures: Vec<(String, Vec<Place<Located>>)>,
    /// The level-1 sections found, in order.
    pub sections: Vec<SectionPrint>,
}

impl Details {
    /// The figures a continuity rule read from the report.
    fn figures_of(&self, rule: &str) -> Option<&[Place<Located>]> {
        self.figures
            .iter()
            .find(|(id, _)| id == rule)
            .map(|(_, places)| places.as_slice())
    }

    /// A level-1 section by number.
    fn section(&self, number: u32) -> Option<&SectionPrint> {
        section(&self.sections, number)
    }
}

/// One year's report as it is compared with another year's.
#[derive(Debug, Clone, Copy)]
pub struct YearReport<'a> {
    pub print: &'a Fingerprint,
    pub details: &'a Details,
}

/// A level-1 section by number.
fn section(sections: &[SectionPrint], number: u32) -> Option<&SectionPrint> {
    sections.iter().find(|section| section.number == number)
}

/// The fingerprint of every report of what was read (after the rules ran, so that
/// [`Fingerprint::tables_read`] says whether they read its tables).
pub fn fingerprints(reading: &Reading<'_>) -> Vec<Fingerprint> {
    let file: Arc<str> = Arc::from(reading.name());
    reading
        .documents()
        .iter()
        .enumerate()
        .map(|(index, document)| Fingerprint {
            file: file.clone(),
            document: index,
            issuer: document.issuer.as_deref().map(pairing_name),
            year: document.report_year.map(|year| year.year),
            regulation: document.regulation,
            tables_read: reading.context(index).table_lines_if_read().is_some(),
        })
        .collect()
}

/// The details of a report of what was read, as its fingerprint describes it: read again, the
/// report gives what it gave when it was checked.
pub fn details(reading: &Reading<'_>, print: &Fingerprint, rules: &RuleSet) -> Details {
    let index = print.document;
    let Some(document) = reading.documents().get(index) else {
        return Details::default();
    };
    let context = reading.context(index);
    let locate = |range: std::ops::Range<usize>| Located {
        span: reading.span(range.clone()),
        text: reading.original_text(range),
    };
    let figures = rules
        .rules
        .iter()
        .filter(|rule| rule.applies.matches(document.regulation, print.year))
        .filter_map(|rule| match &rule.check {
            Check::CrossYear(check @ CrossYear::Continuity(_)) => Some((
                rule.id.clone(),
                check
                    .figures(&context)
                    .into_iter()
                    .map(|place| place.map(locate))
                    .collect(),
            )),
            _ => None,
        })
        .collect();
    // Each section's own lines, without table rows (the tables' labels are the same every year
    // and would make every table section look copied): rows written with bars, and the lines of
    // the tables read, by the rules when the report was checked or for the figures above (a
    // report whose rules read no table, a 2007 one, is not made to work them out).
    let in_table = match print.tables_read {
        true => Some(context.table_lines()),
        false => context.table_lines_if_read(),
    }
    .unwrap_or(&[]);
    let level_one: Vec<_> = document
        .headings
        .iter()
        .filter(|heading| heading.level == 1 && (1..=6).contains(&heading.number))
        .collect();
    let mut sections: Vec<SectionPrint> = Vec::new();
    for (position, heading) in level_one.iter().enumerate() {
        if section(&sections, heading.number).is_some() {
            continue;
        }
        let end = level_one
            .get(position + 1)
            .map_or(document.lines.len(), |next| next.line);
        let mut words = String::new();
        for (line, line_text) in context.report_lines_in(heading.line + 1..end) {
            let row = document.lines[line].kind == LineKind::TableRow;
            if !row && !in_table.get(line).copied().unwrap_or(false) {
                words.push_str(line_text);
            }
        }
        sections.push(SectionPrint {
            number: heading.number,
            heading: locate(heading.range.clone()),
            sketch: Sketch::of(&words),
        });
    }
    Details { figures, sections }
}

/// Every report of what was read, with its details: for reading a report once for both.
pub fn with_details(reading: &Reading<'_>, rules: &RuleSet) -> Vec<(Fingerprint, Details)> {
    fingerprints(reading)
        .into_iter()
        .map(|print| {
            let details = details(reading, &print, rules);
            (print, details)
        })
        .collect()
}

/// How alike one section is in two years.
#[derive(Debug, Clone, Serialize)]
pub struct SectionScore {
    pub section: u32,
    /// Jaccard index of the sections' shingles (0–1), rounded to two decimals; null when either
    /// year's section has no words.
    pub similarity: Option<f64>,
}

/// A report paired with last year's, as the JSON output lists it.
#[derive(Debug, Clone, Serialize)]
pub struct PairInfo {
    pub file: String,
    pub document: usize,
    pub previous_file: String,
    pub previous_document: usize,
    pub issuer: Option<String>,
    pub year: Option<i32>,
    pub previous_year: Option<i32>,
    pub sections: Vec<SectionScore>,
}

/// The similarity of each section both years have.
pub fn section_scores(last: &[SectionPrint], this: &[SectionPrint]) -> Vec<SectionScore> {
    this.iter()
        .filter_map(|this_section| {
            let previous = section(last, this_section.number)?;
            Some(SectionScore {
                section: this_section.number,
                similarity: this_section
                    .sketch
                    .similarity(&previous.sketch)
                    .map(|score| (score * 100.0).round() / 100.0),
            })
        })
        .collect()
}

/// Compares a report with last year's: the findings of every `cross-year` rule that applies to
/// it, on this year's file, and the pair's scores.
pub fn compare(
    last: YearReport<'_>,
    this: YearReport<'_>,
    rules: &RuleSet,
    lang: Lang,
) -> (Vec<Finding>, PairInfo) {
    let details = (last.details, this.details);
    let (last, this) = (last.print, this.print);
    let mut findings = Vec::new();
    let related = |located: &Located, file: &Arc<str>| FileSpan {
        file: file.to_string(),
        span: located.span,
        text: located.text.clone(),
    };
    for rule in &rules.rules {
        let Check::CrossYear(check) = &rule.check else {
            continue;
        };
        if !rule.applies.matches(this.regulation, this.year) {
            continue;
        }
        match check {
            CrossYear::Continuity(continuity) => {
                // A rule that did not apply to a year's report has no figures for it.
                let (Some(old), Some(new)) = (
                    details.0.figures_of(&rule.id),
                    details.1.figures_of(&rule.id),
                ) else {
                    continue;
                };
                for hit in continuity.compare(old, new) {
                    findings.push(finding(
                        rule,
                        this,
                        &hit.at,
                        related(&hit.related, &last.file),
                        &hit.args,
                        lang,
                    ));
                }
            }
            CrossYear::Similarity(similarity) => {
                let (Some(old), Some(new)) = (
                    details.0.section(similarity.section),
                    details.1.section(similarity.section),
                ) else {
                    continue;
                };
                let Some(score) = new.sketch.similarity(&old.sketch) else {
                    continue;
                };
                if score < similarity.threshold {
                    continue;
                }
                let args = [
                    ("section", section_numeral(similarity.section).to_string()),
                    ("similarity", format!("{:.0}%", score * 100.0)),
                ];
                findings.push(finding(
                    rule,
                    this,
                    &new.heading,
                    related(&old.heading, &last.file),
                    &args,
                    lang,
                ));
            }
        }
    }
    crate::engine::sort_findings(&mut findings);
    let info = PairInfo {
        file: this.file.to_string(),
        document: this.document,
        previous_file: last.file.to_string(),
        previous_document: last.document,
        issuer: this.issuer.clone(),
        year: this.year,
        previous_year: last.year,
        sections: section_scores(&details.0.sections, &details.1.sections),
    };
    (findings, info)
}

/// `一` … `六`.
fn section_numeral(number: u32) -> &'static str {
    ["一", "二", "三", "四", "五", "六"]
        .get(number.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("")
}

fn finding(
    rule: &Rule,
    this: &Fingerprint,
    at: &Located,
    related: FileSpan,
    args: &[(&'static str, String)],
    lang: Lang,
) -> Finding {
    Finding {
        file: this.file.to_string(),
        document: this.document,
        rule: rule.id.clone(),
        severity: rule.severity,
        message: rule.message_for(lang, args),
        help: crate::rules::fill(rule.help.get(lang), args),
        basis: rule.basis.clone(),
        label: rule.title.get(lang).to_string(),
        span: at.span,
        text: at.text.clone(),
        related: Vec::new(),
        location: None,
        related_files: vec![related],
    }
}

/// A report's fingerprint with the caller's key for it.
pub type Keyed<K> = (Fingerprint, K);

/// Reports kept by (issuer, year) until every file is checked, then paired.
#[derive(Debug, Default)]
pub struct Pairing<K> {
    /// The first report of each (issuer, year), with the caller's key for it.
    reports: HashMap<(String, i32), Keyed<K>>,
    /// For each shorter name a report's issuer goes by ([`shorter_names`]) and its year, the
    /// full names that go by it.
    shorter: HashMap<(String, i32), Vec<String>>,
}

impl<K: Clone + Ord> Pairing<K> {
    /// Keeps a report that has an issuer and a year; a second report of the same issuer and year
    /// (a reprint, a duplicate file) is not kept: the first, in path order, is paired.
    pub fn add(&mut self, print: Fingerprint, key: K) {
        let (Some(issuer), Some(year)) = (print.issuer.clone(), print.year) else {
            return;
        };
        if self.reports.contains_key(&(issuer.clone(), year)) {
            return;
        }
        for name in shorter_names(&issuer) {
            self.shorter
                .entry((name.to_string(), year))
                .or_default()
                .push(issuer.clone());
        }
        self.reports.insert((issuer, year), (print, key));
    }

    /// Last year's report of the same issuer, with its key: the same name, else the one report
    /// whose name is this one's without a place prefix, or this one's with one. Two candidates:
    /// none.
    fn previous(&self, issuer: &str, year: i32) -> Option<&Keyed<K>> {
        let last = year - 1;
        if let Some(report) = self.reports.get(&(issuer.to_string(), last)) {
            return Some(report);
        }
        let mut candidates: Vec<&str> = shorter_names(issuer)
            .into_iter()
            .filter(|name| self.reports.contains_key(&(name.to_string(), last)))
            .collect();
        if let Some(longer) = self.shorter.get(&(issuer.to_string(), last)) {
            candidates.extend(longer.iter().map(String::as_str));
        }
        candidates.sort_unstable();
        candidates.dedup();
        match candidates.as_slice() {
            [name] => self.reports.get(&(name.to_string(), last)),
            _ => None,
        }
    }

    /// Every report with the same issuer's report of the year before, as (last year's, this
    /// year's), each with its key, ordered by this year's key and position in the file.
    pub fn pairs(&self) -> Vec<(&Keyed<K>, &Keyed<K>)> {
        let mut pairs: Vec<_> = self
            .reports
            .iter()
            .filter_map(|((issuer, year), this)| Some((self.previous(issuer, *year)?, this)))
            .collect();
        pairs.sort_by(|(_, a), (_, b)| (&a.1, a.0.document).cmp(&(&b.1, b.0.document)));
        pairs
    }
}

#[cfg(test)]
mod tests {
    use super::{Fingerprint, Pairing};
    use crate::document::Regulation;

    fn print(issuer: &str, year: i32) -> Fingerprint {
        Fingerprint {
            file: issuer.into(),
            document: 0,
            issuer: Some(issuer.to_string()),
            year: Some(year),
            regulation: Regulation::V2019,
            tables_read: false,
        }
    }

    fn paired(reports: &[(&str, i32)]) -> Vec<(String, String)> {
        let mut pairing = Pairing::default();
        for (key, (issuer, year)) in reports.iter().enumerate() {
            pairing.add(print(issuer, *year), key);
        }
        pairing
            .pairs()
            .into_iter()
            .map(|(last, this)| (last.0.file.to_string(), this.0.file.to_string()))
            .collect()
    }

    #[test]
    fn a_name_with_or_without_its_place_prefix_is_one_issuer_unless_ambiguous() {
        assert_eq!(
            paired(&[
                ("乌海市人民政府", 2021),
                ("内蒙古自治区乌海市人民政府", 2022)
            ]),
            [(
                "乌海市人民政府".to_string(),
                "内蒙古自治区乌海市人民政府".to_string()
            )]
        );
        assert_eq!(
            paired(&[("南京市高淳区人民政府", 2022), ("高淳区人民政府", 2023)]).len(),
            1
        );
        // Two cities' 鼓楼区 last year: the bare name could be either.
        assert!(paired(&[
            ("南京市鼓楼区人民政府", 2022),
            ("福州市鼓楼区人民政府", 2022),
            ("鼓楼区人民政府", 2023),
        ])
        .is_empty());
        // Not consecutive years, or another body.
        assert!(paired(&[("乌海市人民政府", 2020), ("乌海市人民政府", 2022)]).is_empty());
        assert!(paired(&[("乌海市人民政府", 2021), ("乌海市海勃湾区人民政府", 2022)]).is_empty());
    }
}

//! `ogilint compare OLD NEW`: what changed between an issuer's reports of two years, for a clerk
//! who wants to see it: each section's similarity, and the table figures that differ, side by
//! side.

use std::path::Path;

use serde::Serialize;

use super::setup::{profile_of, read_input, Setup};
use super::{pretty_json, print_output, report_rule_errors, EXIT_TROUBLE};
use crate::document::tables::Value;
use crate::engine;
use crate::pairing::{section_scores, with_details, Details, Fingerprint};
use crate::rules::{Lang, RuleSet};

/// Output formats of `ogilint compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CompareFormat {
    Human,
    Json,
}

/// Everything `ogilint compare` was asked to do.
#[derive(Debug, Clone)]
pub struct CompareOptions {
    /// Last year's report.
    pub old: String,
    /// This year's report.
    pub new: String,
    pub format: CompareFormat,
    /// How both files are read, and the settings and rules of this year's.
    pub setup: Setup,
}

/// One report as compared: the first report of its file.
#[derive(Debug, Serialize)]
pub struct ReportSide {
    pub file: String,
    pub issuer: Option<String>,
    pub year: Option<i32>,
}

/// One section's similarity.
#[derive(Debug, Serialize)]
pub struct SectionView {
    pub section: u32,
    /// This year's heading.
    pub heading: String,
    /// 0–1; null when either year's section has no words.
    pub similarity: Option<f64>,
}

/// A table figure that differs between the years (or is there in one year only).
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct FigureChange {
    pub table: String,
    pub row: String,
    pub column: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// What `ogilint compare --format json` prints.
#[derive(Debug, Serialize)]
pub struct Comparison {
    pub version: &'static str,
    pub old: ReportSide,
    pub new: ReportSide,
    pub sections: Vec<SectionView>,
    pub figures: Vec<FigureChange>,
}

/// A figure as read: (table, row path, column) and the cell's text.
type Figures = Vec<((String, String, String), String)>;

/// A report's fingerprint and details.
type ReadReport = (Fingerprint, Details);

/// The fingerprint, details and table figures of a file's first report.
fn read_report(
    path: &Path,
    setup: &Setup,
    rules: &RuleSet,
    engine_options: engine::Options,
) -> Result<(Option<ReadReport>, Figures), String> {
    let source = read_input(path, setup).map_err(|error| error.to_string())?;
    Ok(engine::read_source(
        &source,
        rules,
        engine_options,
        |reading| {
            let print = with_details(reading, rules).into_iter().next();
            let mut figures = Figures::new();
            if !reading.documents().is_empty() {
                let context = reading.context(0);
                for def in &rules.tables {
                    let Some((def, Some(table))) = context.table(&def.id) else {
                        continue;
                    };
                    for row in &table.rows {
                        for (cell, column) in row.values.iter().zip(&def.columns) {
                            let text = match cell.value {
                                Value::Blank => "0".to_string(),
                                _ => reading.words(cell.range.clone()).trim().to_string(),
                            };
                            let key = (
                                def.name.zh.clone(),
                                row.path_text().to_string(),
                                column.clone(),
                            );
                            figures.push((key, text));
                        }
                    }
                }
            }
            (print, figures)
        },
    ))
}

/// The figures that differ, in this year's order, then those only last year has.
fn changes(old: &Figures, new: &Figures) -> Vec<FigureChange> {
    let change =
        |key: &(String, String, String), old: Option<&String>, new: Option<&String>| FigureChange {
            table: key.0.clone(),
            row: key.1.clone(),
            column: key.2.clone(),
            old: old.cloned(),
            new: new.cloned(),
        };
    let old_map: std::collections::HashMap<_, _> = old.iter().map(|(k, v)| (k, v)).collect();
    let new_map: std::collections::HashMap<_, _> = new.iter().map(|(k, v)| (k, v)).collect();
    let mut list: Vec<FigureChange> = new
        .iter()
        .filter(|(key, value)| old_map.get(key) != Some(&value))
        .map(|(key, value)| change(key, old_map.get(key).copied(), Some(value)))
        .collect();
    list.extend(
        old.iter()
            .filter(|(key, _)| !new_map.contains_key(key))
            .map(|(key, value)| change(key, Some(value), None)),
    );
    list
}

fn side(file: &str, print: Option<&Fingerprint>) -> ReportSide {
    ReportSide {
        file: file.to_string(),
        issuer: print.and_then(|print| print.issuer.clone()),
        year: print.and_then(|print| print.year),
    }
}

/// Runs `ogilint compare`; returns the exit status.
pub fn run(options: &CompareOptions) -> u8 {
    let lang = options.setup.rules.lang;
    let profile = match profile_of(Path::new(&options.new), &options.setup) {
        Ok(profile) => profile,
        Err(errors) => return report_rule_errors(&errors, lang),
    };
    let engine_options = profile.engine_options(lang);
    let read = |path: &str| {
        read_report(
            Path::new(path),
            &options.setup,
            &profile.rules,
            engine_options,
        )
        .map_err(super::print_error)
    };
    let (Ok((old_print, old_figures)), Ok((new_print, new_figures))) =
        (read(&options.old), read(&options.new))
    else {
        return EXIT_TROUBLE;
    };
    let sections = match (&old_print, &new_print) {
        (Some((_, old)), Some((_, new))) => section_scores(&old.sections, &new.sections)
            .into_iter()
            .map(|score| SectionView {
                section: score.section,
                heading: new
                    .sections
                    .iter()
                    .find(|section| section.number == score.section)
                    .map(|section| section.heading.text.clone())
                    .unwrap_or_default(),
                similarity: score.similarity,
            })
            .collect(),
        _ => Vec::new(),
    };
    let comparison = Comparison {
        version: env!("CARGO_PKG_VERSION"),
        old: side(&options.old, old_print.as_ref().map(|(print, _)| print)),
        new: side(&options.new, new_print.as_ref().map(|(print, _)| print)),
        sections,
        figures: changes(&old_figures, &new_figures),
    };
    let rendered = match options.format {
        CompareFormat::Json => pretty_json(&comparison),
        CompareFormat::Human => human(&comparison, lang),
    };
    print_output(&rendered)
}

/// The comparison for people: the two reports, each section's similarity, the changed figures.
fn human(comparison: &Comparison, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let describe = |side: &ReportSide| {
        format!(
            "{} ({} {})",
            side.file,
            side.issuer.as_deref().unwrap_or("?"),
            side.year.map_or("?".to_string(), |year| year.to_string())
        )
    };
    let mut out = String::new();
    let (old, new, sections, figures, none) = if zh {
        (
            "上年",
            "本年",
            "各部分相似度(去除标点、数字和年份后)",
            "表格数字变化(上年 → 本年)",
            "无",
        )
    } else {
        (
            "old",
            "new",
            "Similarity by section (punctuation, digits and years removed)",
            "Table figures changed (old → new)",
            "none",
        )
    };
    out.push_str(&format!(
        "{old}: {}\n{new}: {}\n\n{sections}\n",
        describe(&comparison.old),
        describe(&comparison.new)
    ));
    for section in &comparison.sections {
        let score = section
            .similarity
            .map_or("-".to_string(), |score| format!("{:.0}%", score * 100.0));
        out.push_str(&format!("  {score:>5}  {}\n", section.heading));
    }
    if comparison.sections.is_empty() {
        out.push_str(&format!("  {none}\n"));
    }
    out.push_str(&format!("\n{figures}\n"));
    for change in &comparison.figures {
        out.push_str(&format!(
            "  {} / {} / {}: {} → {}\n",
            change.table,
            change.row,
            change.column,
            change.old.as_deref().unwrap_or("-"),
            change.new.as_deref().unwrap_or("-")
        ));
    }
    if comparison.figures.is_empty() {
        out.push_str(&format!("  {none}\n"));
    }
    out
}

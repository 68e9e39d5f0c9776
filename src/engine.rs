//! The engine: one file's text in, findings out.
//!
//! normalise → recognise documents → run every rule that applies to each document → map each
//! hit from the normalised text back to the original bytes, with line and character column.
//!
//! A file the input stage could read only in part (a damaged or cut-off PDF) gets one
//! `input/partial` warning naming the pages read, and no finding that only says something is
//! missing: it may be on the pages that were not read.

use std::ops::Range;
use std::sync::Arc;

use serde::Serialize;

use crate::document::publication::DateSource;
use crate::document::{
    self, Document, IssuerKind, Regulation, RegulationSource, ReportYear, StructureOptions,
};
use crate::input::docx::Location;
use crate::input::{Display, Partial, SourceText};
use crate::rules::kinds::{Context, DocumentTables, Evaluate, Hit};
use crate::rules::{Lang, Rule, RuleSet, Severity};
use crate::text::{normalize, NormalizedText};

/// How the engine reads reports.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Judge every report by this regulation (`--regulation`).
    pub regulation: Option<Regulation>,
    /// Treat every issuer as this kind (`--issuer-kind`).
    pub issuer_kind: Option<IssuerKind>,
    pub lang: Lang,
    /// Say that a file was read only in part ([`PARTIAL_RULE`], unless it is ignored). Its
    /// missing-content findings are left out either way.
    pub report_partial: bool,
    /// Say that a report is not one under the 条例 ([`OUT_OF_SCOPE_RULE`], unless it is ignored).
    /// No rule judges it either way.
    pub report_out_of_scope: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            regulation: None,
            issuer_kind: None,
            lang: Lang::default(),
            report_partial: true,
            report_out_of_scope: true,
        }
    }
}

/// The rule id of the finding for a damaged or cut-off file whose pages were read only in part.
pub const PARTIAL_RULE: &str = "input/partial";

/// The rule id of the finding for a report that is not one under the 条例 (a school's report
/// under 《高等学校信息公开办法》), which no rule judges.
pub const OUT_OF_SCOPE_RULE: &str = "input/out-of-scope";

/// Rules whose findings say something is missing from the report, or a table cut short (a rule
/// id, or a prefix ending in `/`): on a file read only in part the missing content may be on the
/// pages that could not be read, so they are not reported; the `input/partial` finding says so
/// once.
const ABSENCE_RULES: &[&str] = &[
    "required/",
    "table/layout",
    "table/unreadable",
    "period/missing",
    "contact/missing",
    "section/empty",
    "structure/no-outline",
];

fn is_absence_rule(id: &str) -> bool {
    ABSENCE_RULES
        .iter()
        .any(|rule| match rule.strip_suffix('/') {
            Some(prefix) => id
                .strip_prefix(prefix)
                .is_some_and(|rest| rest.starts_with('/')),
            None => id == *rule,
        })
}

/// A place in the original file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    /// Byte offsets into the original file.
    pub start: usize,
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, counted in characters (not bytes).
    pub column: usize,
    /// The same place as byte offsets into the decoded text (equal to `start`/`end` for UTF-8
    /// files), for renderers that show the text.
    #[serde(skip)]
    pub text_start: usize,
    #[serde(skip)]
    pub text_end: usize,
}

/// One violation of one rule in one document.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub file: String,
    /// 0-based index of the report within the file.
    pub document: usize,
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    pub help: String,
    /// The rule's legal basis (shown by the human and SARIF formats; in JSON, `ogilint explain`
    /// has it, so each finding does not repeat it).
    #[serde(skip)]
    pub basis: Vec<String>,
    /// A short label for the span (the rule's title).
    #[serde(skip)]
    pub label: String,
    pub span: Span,
    /// The original text under the span (empty for "missing" findings).
    pub text: String,
    /// Other places involved, e.g. the other cells of a table identity.
    pub related: Vec<Span>,
    /// For a Word document: the paragraph or table cell of the span.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// Places in other files: last year's cell of a broken continuity (`cross-year` rules).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related_files: Vec<FileSpan>,
}

/// A place in another file.
#[derive(Debug, Clone, Serialize)]
pub struct FileSpan {
    pub file: String,
    pub span: Span,
    /// The original text under the span.
    pub text: String,
}

/// A heading as reported to users.
#[derive(Debug, Clone, Serialize)]
pub struct HeadingInfo {
    pub level: u8,
    pub number: u32,
    /// The heading's original text (marker and words).
    pub text: String,
    pub line: usize,
}

/// A table as reported to users.
#[derive(Debug, Clone, Serialize)]
pub struct TableInfo {
    /// The `[[table]]` definition it was read with.
    pub id: String,
    /// 1-based line of the table's anchor cell.
    pub line: usize,
    /// Rows with values.
    pub rows: usize,
    pub unreadable: bool,
}

/// A publication date as reported to users.
#[derive(Debug, Clone, Serialize)]
pub struct PublishedInfo {
    /// The date as written.
    pub date: String,
    pub source: DateSource,
    pub line: usize,
}

/// What was recognised in one document.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentInfo {
    pub index: usize,
    /// The title's original text (a title broken over two lines is joined).
    pub title: Option<String>,
    /// The issuing body, normalised to Simplified script.
    pub issuer: Option<String>,
    /// `government` or `department` (set by the user or inferred from the issuer), or null.
    pub issuer_kind: Option<IssuerKind>,
    pub report_year: Option<ReportYear>,
    pub regulation: Regulation,
    pub regulation_source: RegulationSource,
    /// The statistics-period statement, as written.
    pub period: Option<String>,
    /// The publication date found, as written, and where it came from.
    pub published: Option<PublishedInfo>,
    /// The tables recognised.
    pub tables: Vec<TableInfo>,
    pub headings: Vec<HeadingInfo>,
    /// Line where the document starts (1-based).
    pub line: usize,
}

/// Everything the engine found in one file.
#[derive(Debug, Clone)]
pub struct FileReport {
    pub name: String,
    /// The file's original text, for rendering spans.
    pub source: Arc<str>,
    pub documents: Vec<DocumentInfo>,
    pub findings: Vec<Finding>,
}

/// Maps byte offsets of the original text to 1-based lines and character columns.
struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|index| index + 1));
        LineIndex { text, starts }
    }

    fn locate(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&start| start <= offset).max(1) - 1;
        let column = self.text[self.starts[line]..offset].chars().count() + 1;
        (line + 1, column)
    }

    fn span(&self, range: Range<usize>, byte_map: Option<&[u32]>) -> Span {
        let (line, column) = self.locate(range.start);
        let file_offset = |offset: usize| {
            byte_map
                .and_then(|map| map.get(offset))
                .map_or(offset, |&mapped| mapped as usize)
        };
        Span {
            start: file_offset(range.start),
            end: file_offset(range.end),
            line,
            column,
            text_start: range.start,
            text_end: range.end,
        }
    }
}

/// Maps ranges of the normalised text to the original file's bytes, lines and columns.
struct Mapper<'a> {
    original: &'a str,
    /// The report's text (the extracted text for a web page; else the same as `original`).
    report: &'a str,
    normalized: &'a NormalizedText,
    index: LineIndex<'a>,
    /// For text extracted from a page: the page source and the map into it.
    display: Option<&'a Display>,
    /// Decoded-text offsets to file offsets, for files that were not UTF-8.
    byte_map: Option<&'a [u32]>,
}

impl Mapper<'_> {
    /// A range of the normalised text as a range of what is shown (the text, or the page source).
    fn shown(&self, range: Range<usize>) -> Range<usize> {
        let range = self.normalized.original_range(range);
        match self.display {
            Some(display) => display.source_range(range),
            None => range,
        }
    }

    fn span(&self, range: Range<usize>) -> Span {
        self.index.span(self.shown(range), self.byte_map)
    }

    fn text(&self, range: Range<usize>) -> String {
        self.original[self.shown(range)].to_string()
    }

    /// The report's own words for a range (for a web page: without the markup between them).
    fn words(&self, range: Range<usize>) -> String {
        self.report[self.normalized.original_range(range)].to_string()
    }

    fn line(&self, offset: usize) -> usize {
        self.index.locate(self.shown(offset..offset).start).0
    }
}

/// Checks one decoded file; spans are mapped back to the file's bytes (through the page source,
/// for text extracted from a web page).
pub fn check_source(source: &SourceText, rules: &RuleSet, options: Options) -> FileReport {
    read_source(source, rules, options, |reading| {
        check(reading, rules, options)
    })
}

/// Checks one text (as if it were a UTF-8 file).
pub fn check_text(name: &str, original: &str, rules: &RuleSet, options: Options) -> FileReport {
    read(
        name,
        original,
        None,
        None,
        None,
        None,
        rules,
        options,
        |reading| check(reading, rules, options),
    )
}

/// Reads one text (as if it were a UTF-8 file) as [`check_text`] does, and hands what was read to
/// `visit`.
pub fn read_text<T>(
    name: &str,
    original: &str,
    rules: &RuleSet,
    options: Options,
    visit: impl FnOnce(&Reading<'_>) -> T,
) -> T {
    read(
        name, original, None, None, None, None, rules, options, visit,
    )
}

/// Reads one decoded file as [`check_source`] does, and hands what was read to `visit` before any
/// rule runs: `ogilint inspect` shows it, and `check` runs the rules over it, so the two never
/// read a file differently.
pub fn read_source<T>(
    source: &SourceText,
    rules: &RuleSet,
    options: Options,
    visit: impl FnOnce(&Reading<'_>) -> T,
) -> T {
    read(
        &source.name,
        &source.text,
        source.display.as_ref(),
        source.byte_map.as_deref(),
        source.locations.as_deref(),
        source.partial.as_ref(),
        rules,
        options,
        visit,
    )
}

/// One file as the engine reads it: the normalised text, the reports recognised in it and their
/// tables (each read on first use, by a rule or by a caller, and then shared), with the map from
/// the normalised text back to what diagnostics show.
pub struct Reading<'a> {
    name: &'a str,
    mapper: Mapper<'a>,
    documents: Vec<Document>,
    tables: Vec<DocumentTables<'a>>,
    /// For a Word document or a PDF: where each paragraph, cell or page starts in what is shown.
    locations: Option<&'a [(u32, Location)]>,
    /// For a file the input stage could read only in part: which pages were read.
    partial: Option<&'a Partial>,
}

impl Reading<'_> {
    /// The file's name.
    pub fn name(&self) -> &str {
        self.name
    }

    /// The normalised text every rule reads.
    pub fn text(&self) -> &str {
        self.mapper.normalized.as_str()
    }

    /// The reports recognised in the file.
    pub fn documents(&self) -> &[Document] {
        &self.documents
    }

    /// For a damaged or cut-off file read only in part: which pages were read, of how many.
    pub fn partial(&self) -> Option<&Partial> {
        self.partial
    }

    /// What rules see of document `index` (its tables are read once, whoever asks first).
    pub fn context(&self, index: usize) -> Context<'_> {
        Context {
            text: self.mapper.normalized.as_str(),
            document: &self.documents[index],
            tables: &self.tables[index],
        }
    }

    /// What was recognised in document `index`, as `check` reports it.
    pub fn describe(&self, index: usize, rules: &RuleSet) -> DocumentInfo {
        describe(&self.mapper, &self.context(index), rules)
    }

    /// Where a range of the normalised text is in the file.
    pub fn span(&self, range: Range<usize>) -> Span {
        self.mapper.span(range)
    }

    /// The original text under a range of the normalised text (what a finding's `text` holds).
    pub fn original_text(&self, range: Range<usize>) -> String {
        self.mapper.text(range)
    }

    /// The 1-based line, in what diagnostics show, of a byte of the normalised text.
    pub fn line(&self, offset: usize) -> usize {
        self.mapper.line(offset)
    }

    /// The original words of a range of the normalised text (for a web page, without markup).
    pub fn words(&self, range: Range<usize>) -> String {
        self.mapper.words(range)
    }

    /// For a Word document or a PDF: the paragraph, table cell or page line of a byte of the
    /// normalised text.
    pub fn location(&self, offset: usize) -> Option<Location> {
        let shown = self.mapper.shown(offset..offset).start;
        location_at(self.locations?, self.mapper.original, shown)
    }
}

/// The paragraph, cell or page line at `at`, an offset in `shown` (what diagnostics show), from
/// where each part starts (in order: the readers record them as they write the text).
fn location_at(locations: &[(u32, Location)], shown: &str, at: usize) -> Option<Location> {
    let after = locations.partition_point(|(start, _)| *start as usize <= at);
    locations[..after]
        .last()
        .map(|&(start, location)| match location {
            // A PDF records where each page starts: count the lines to the offset.
            Location::Page { page, .. } => Location::Page {
                page,
                line: shown
                    .get(start as usize..at.min(shown.len()))
                    .map_or(0, |lines| lines.matches('\n').count()) as u32
                    + 1,
            },
            other => other,
        })
}

#[allow(clippy::too_many_arguments)]
fn read<T>(
    name: &str,
    text: &str,
    display: Option<&Display>,
    byte_map: Option<&[u32]>,
    locations: Option<&[(u32, Location)]>,
    partial: Option<&Partial>,
    rules: &RuleSet,
    options: Options,
    visit: impl FnOnce(&Reading<'_>) -> T,
) -> T {
    // What diagnostics show and count lines in: the page source, or the text itself.
    let original = display.map_or(text, |display| display.text.as_str());
    let normalized = normalize(text);
    let documents = document::recognize(
        normalized.as_str(),
        StructureOptions {
            regulation: options.regulation,
            issuer_kind: options.issuer_kind,
        },
    );
    let tables = documents
        .iter()
        .map(|_| DocumentTables::new(&rules.tables))
        .collect();
    let reading = Reading {
        name,
        mapper: Mapper {
            original,
            report: text,
            normalized: &normalized,
            index: LineIndex::new(original),
            display,
            byte_map,
        },
        documents,
        tables,
        locations,
        partial,
    };
    visit(&reading)
}

/// Runs every rule that applies to each document of what was read.
pub fn check(reading: &Reading<'_>, rules: &RuleSet, options: Options) -> FileReport {
    let mapper = &reading.mapper;
    let mut findings = Vec::new();
    let mut infos = Vec::with_capacity(reading.documents.len());
    for (index, document) in reading.documents.iter().enumerate() {
        let context = reading.context(index);
        if document.is_school_report(context.text) {
            if options.report_out_of_scope {
                findings.push(out_of_scope_finding(
                    reading.name,
                    mapper,
                    document,
                    options.lang,
                ));
            }
            infos.push(describe(mapper, &context, rules));
            continue;
        }
        let year = document.report_year.map(|year| year.year);
        for rule in rules
            .rules
            .iter()
            .filter(|rule| rule.applies.matches(document.regulation, year))
        {
            let mut hits = Vec::new();
            rule.check.evaluate(&context, &mut hits);
            findings.extend(
                hits.into_iter()
                    .map(|hit| finding(reading.name, mapper, document, rule, hit, options.lang)),
            );
        }
        infos.push(describe(mapper, &context, rules));
    }
    sort_findings(&mut findings);
    if let Some(locations) = reading.locations {
        // Spans are offsets in what is shown: a PDF's lines as printed.
        for finding in &mut findings {
            finding.location = location_at(locations, mapper.original, finding.span.text_start);
        }
    }
    if let Some(partial) = reading.partial {
        findings.retain(|finding| !is_absence_rule(&finding.rule));
        if options.report_partial {
            findings.insert(0, partial_finding(reading.name, partial, options.lang));
        }
    }
    FileReport {
        name: reading.name.to_string(),
        source: Arc::from(mapper.original),
        documents: infos,
        findings,
    }
}

/// The order findings are reported in: by document, then position, then rule id.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (a.document, a.span.start, a.span.end, &a.rule).cmp(&(
            b.document,
            b.span.start,
            b.span.end,
            &b.rule,
        ))
    });
}

fn finding(
    name: &str,
    mapper: &Mapper<'_>,
    document: &Document,
    rule: &Rule,
    hit: Hit,
    lang: Lang,
) -> Finding {
    let args = hit.args_in(lang);
    Finding {
        file: name.to_string(),
        document: document.index,
        rule: rule.id.clone(),
        severity: rule.severity_for(document.regulation),
        message: rule.message_for(lang, &args),
        help: crate::rules::fill(rule.help.get(lang), &args),
        basis: rule.basis.clone(),
        label: rule.title.get(lang).to_string(),
        text: mapper.text(hit.range.clone()),
        span: mapper.span(hit.range),
        location: None,
        related_files: Vec::new(),
        related: hit
            .related
            .into_iter()
            .map(|range| mapper.span(range))
            .collect(),
    }
}

/// The finding that says a report is a school's under 《高等学校信息公开办法》, placed at its title.
fn out_of_scope_finding(
    name: &str,
    mapper: &Mapper<'_>,
    document: &Document,
    lang: Lang,
) -> Finding {
    let (message, help) = match lang {
        Lang::Zh => (
            "本报告是高等学校依《高等学校信息公开办法》按学年编制的年度报告,不按《条例》的年度报告要求检查",
            "《条例》的发布期限、统计期限和统一格式不适用于高等学校的学年报告;如本报告确应按《条例》编制,请在标题中写明“政府信息公开”和公历年度",
        ),
        Lang::En => (
            "This is a school's academic-year report under the 高等学校信息公开办法, not checked against the 条例's requirements",
            "The 条例's deadline, statistics period and unified format do not apply to a school's academic-year report; if the report is one under the 条例, say 政府信息公开 and the calendar year in its title",
        ),
    };
    let range = document
        .title
        .clone()
        .unwrap_or(document.range.start..document.range.start);
    let mut finding = Finding::about_file(
        name,
        OUT_OF_SCOPE_RULE,
        Severity::Info,
        message.to_string(),
        help.to_string(),
    );
    finding.document = document.index;
    finding.text = mapper.text(range.clone());
    finding.span = mapper.span(range);
    finding
}

/// The finding that says a file was read only in part, placed at its start.
fn partial_finding(name: &str, partial: &Partial, lang: Lang) -> Finding {
    let help = match lang {
        Lang::Zh => "用完整的文件重新检查;缺少章节、表格或统计期限等问题在未读出的页面上无法判断,未予报告",
        Lang::En => "Check the complete file; missing sections, tables or statistics period cannot be judged on pages that were not read, and are not reported",
    };
    let message = partial_message(partial, lang);
    Finding::about_file(
        name,
        PARTIAL_RULE,
        Severity::Warning,
        message,
        help.to_string(),
    )
}

impl Finding {
    /// A finding about a file as a whole (no span in it), placed at its start.
    pub fn about_file(
        file: &str,
        rule: &str,
        severity: Severity,
        message: String,
        help: String,
    ) -> Finding {
        Finding {
            file: file.to_string(),
            document: 0,
            rule: rule.to_string(),
            severity,
            label: message.clone(),
            message,
            help,
            basis: Vec::new(),
            span: Span {
                start: 0,
                end: 0,
                line: 1,
                column: 1,
                text_start: 0,
                text_end: 0,
            },
            text: String::new(),
            related: Vec::new(),
            related_files: Vec::new(),
            location: None,
        }
    }
}

/// What the `input/partial` finding says: the pages read of how many, and those read only in part.
pub fn partial_message(partial: &Partial, lang: Lang) -> String {
    let whole = partial.read.len() as u32 == partial.page_count;
    let read = page_ranges(&partial.read);
    let damaged = page_ranges(&partial.damaged);
    match lang {
        Lang::Zh => {
            let mut message = format!("文件已损坏或不完整:共{}页", partial.page_count);
            if !whole {
                message += &format!(",只读出{}页(第{read}页)", partial.read.len());
            }
            if partial.damaged.is_empty() {
                message += ",其余页面的内容未检查";
            } else {
                message += &format!(",第{damaged}页只读出一部分,未读出的内容未检查");
            }
            message
        }
        Lang::En => {
            let mut message = "The file is damaged or cut off: ".to_string();
            if !whole {
                message += &format!(
                    "{} of its {} pages could be read (pages {read})",
                    partial.read.len(),
                    partial.page_count
                );
            } else {
                message += &format!("its {} pages could be read", partial.page_count);
            }
            if partial.damaged.is_empty() {
                message += "; the rest was not checked";
            } else {
                let pages = if partial.damaged.len() == 1 {
                    "page"
                } else {
                    "pages"
                };
                message += &format!(
                    ", {pages} {damaged} only in part; what could not be read was not checked"
                );
            }
            message
        }
    }
}

/// Page numbers as ranges: `1–2, 5`.
fn page_ranges(pages: &[u32]) -> String {
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    for &page in pages {
        match ranges.last_mut() {
            Some((_, last)) if *last + 1 == page => *last = page,
            _ => ranges.push((page, page)),
        }
    }
    ranges
        .iter()
        .map(|&(first, last)| {
            if first == last {
                first.to_string()
            } else {
                format!("{first}–{last}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn describe(mapper: &Mapper<'_>, context: &Context<'_>, rules: &RuleSet) -> DocumentInfo {
    let document = context.document;
    let tables = rules
        .tables
        .iter()
        .filter_map(|def| {
            let (_, table) = context.table(&def.id)?;
            let table = table?;
            Some(TableInfo {
                id: def.id.clone(),
                line: mapper.line(table.anchor.start),
                rows: table.rows.len(),
                unreadable: table.unreadable.is_some(),
            })
        })
        .collect();
    let published = document.published.map(|published| PublishedInfo {
        date: mapper.words(published.date.range()),
        source: published.source,
        line: mapper.line(published.date.start),
    });
    DocumentInfo {
        index: document.index,
        title: document
            .title
            .clone()
            .map(|range| mapper.words(range).replace(['\n', '\r'], "")),
        issuer: document.issuer.clone(),
        issuer_kind: document.issuer_kind,
        report_year: document.report_year,
        regulation: document.regulation,
        regulation_source: document.regulation_source,
        period: document
            .period
            .as_ref()
            .map(|period| mapper.words(period.range.clone())),
        published,
        headings: document
            .headings
            .iter()
            .filter(|heading| heading.level <= 2)
            .map(|heading| HeadingInfo {
                level: heading.level,
                number: heading.number,
                text: mapper.words(heading.range.clone()),
                line: mapper.line(heading.range.start),
            })
            .collect(),
        tables,
        line: mapper.line(document.range.start),
    }
}

//! `ogilint inspect FILE`: what ogilint read from a file, so that a user facing a wrong finding can
//! tell whether the reader or the rule is at fault.
//!
//! The file is read exactly as `check` reads it — the same settings and rules
//! (`setup::profile_of`), the same reader, and the same [`engine::read_source`], whose
//! [`Reading`] `check` runs its rules over — and shown in three parts:
//! - the text after extraction and normalisation, line by line, with where each line is in what
//!   diagnostics show (`page:line` for a PDF, else the line) and what kind of line it was taken for;
//! - the structure recognised in each report (title, issuer, report year, regulation, period,
//!   publication date, headings);
//! - every table a rule file defines, as the grid of cells the reader made of it: the value rows
//!   the rules compute on, with the header and other lines of the table's region between them, the
//!   format's row each value row was matched to, and the format's rows that were not found.
//!
//! The JSON form (`--format json`) is a documented contract, like `check`'s (see the README).

use std::ops::Range;
use std::path::Path;

use serde::Serialize;

use super::setup::{profile_of, read_input, Setup};
use super::{pretty_json, print_output, report_rule_errors, EXIT_TROUBLE};
use crate::document::publication::DateSource;
use crate::document::tables::{line_cells, Table, Unreadable};
use crate::document::{Document, IssuerKind, LineKind, Regulation, RegulationSource, ReportYear};
use crate::engine::{self, HeadingInfo, PublishedInfo, Reading};
use crate::input::docx::Location;
use crate::input::{self, SourceText};
use crate::rules::tables::TableDef;
use crate::rules::{Lang, RuleSet};

/// Output formats of `ogilint inspect`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InspectFormat {
    Human,
    Json,
}

/// The parts `ogilint inspect` can show (`--show`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Part {
    /// The normalised text, line by line.
    Text,
    /// What was recognised in each report.
    Structure,
    /// Every table as a grid of cells.
    Tables,
}

/// Everything `ogilint inspect` was asked to do.
#[derive(Debug, Clone)]
pub struct InspectOptions {
    /// The file, or `-` for standard input.
    pub path: String,
    pub format: InspectFormat,
    /// The parts to show (all when empty).
    pub show: Vec<Part>,
    /// Draw grids with ASCII characters only.
    pub ascii: bool,
    /// How the file is read and which settings and rules govern it, as for `check`.
    pub setup: Setup,
}

impl InspectOptions {
    fn shows(&self, part: Part) -> bool {
        self.show.is_empty() || self.show.contains(&part)
    }
}

/// What ogilint read from one file (the JSON contract of `ogilint inspect --format json`).
#[derive(Debug, Serialize)]
pub struct Inspection {
    /// ogilint's version.
    pub version: &'static str,
    pub input: InputInfo,
    /// The normalised text, one entry per line (only with the `text` part).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<Vec<TextLine>>,
    pub documents: Vec<DocumentView>,
}

/// The file and how it was read.
#[derive(Debug, Serialize)]
pub struct InputInfo {
    /// The path as given (or the name standard input goes by).
    pub file: String,
    /// `text`, `markdown`, `html`, `docx` or `pdf`.
    pub kind: &'static str,
    /// The encoding the file was decoded from (`UTF-8` for Word documents and PDFs).
    pub encoding: &'static str,
    /// For a PDF: how many pages had a text layer.
    pub pages: Option<usize>,
    /// For a damaged or cut-off PDF read only in part (what `check` reports as `input/partial`);
    /// `null` for a file read whole.
    pub partial: Option<PartialView>,
    /// Lines of what diagnostics show (the file; a web page's source; a PDF's printed lines).
    pub lines: usize,
    /// Lines of the normalised text the rules read.
    pub text_lines: usize,
    /// Whether lines that a page margin broke were joined into paragraphs.
    pub rejoined: bool,
}

/// Which pages of a damaged or cut-off file were read.
#[derive(Debug, Serialize)]
pub struct PartialView {
    /// How many pages the file has (as far as its page tree says).
    pub page_count: u32,
    /// The pages read (1-based, in order), including those read only in part.
    pub read: Vec<u32>,
    /// Of those, the pages read only in part (damaged partway).
    pub damaged: Vec<u32>,
    /// What `check`'s `input/partial` finding says.
    pub message: String,
}

/// One line of the normalised text.
#[derive(Debug, Serialize)]
pub struct TextLine {
    /// 1-based line in what diagnostics show where the line starts.
    pub line: usize,
    /// For a Word document or a PDF: the paragraph, table cell or page line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// What the line was taken for; `null` outside every report (a collection's preface).
    pub kind: Option<LineKind>,
    /// The report the line belongs to (0-based), or `null`.
    pub document: Option<usize>,
    /// The id of the table whose region holds the line, or `null`.
    pub table: Option<String>,
    /// The line as the rules read it (normalised).
    pub text: String,
}

/// One report of the file.
#[derive(Debug, Serialize)]
pub struct DocumentView {
    /// 0-based position of the report in the file.
    pub index: usize,
    /// 1-based line where the report starts.
    pub line: usize,
    /// What was recognised (only with the `structure` part).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub structure: Option<Structure>,
    /// Every table defined for the report's year (only with the `tables` part).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tables: Option<Vec<TableView>>,
}

/// What was recognised in a report; the fields mean what they mean in `check`'s `documents[]`.
#[derive(Debug, Serialize)]
pub struct Structure {
    pub title: Option<String>,
    pub issuer: Option<String>,
    pub issuer_kind: Option<IssuerKind>,
    pub report_year: Option<ReportYear>,
    pub regulation: Regulation,
    pub regulation_source: RegulationSource,
    pub period: Option<String>,
    pub published: Option<PublishedInfo>,
    /// Every numbered heading, all four levels.
    pub headings: Vec<HeadingInfo>,
}

/// A table as the reader made it.
#[derive(Debug, Serialize)]
pub struct TableView {
    /// The `[[table]]` definition it was read with.
    pub id: String,
    pub name: String,
    /// Whether the table's anchor cell was found in the report.
    pub found: bool,
    /// 1-based lines where the table's region starts (its anchor) and ends.
    pub line: Option<usize>,
    pub end_line: Option<usize>,
    /// The table cannot be trusted (then no rule computes on it): see `unreadable_because`.
    pub unreadable: bool,
    /// Why: `cells` (they do not fall into rows of the format's width), `rows` (the rows' labels
    /// do not name the format's rows one by one, in order) or `columns` (a header row names the
    /// format's columns in another order); `None` when the table is readable.
    pub unreadable_because: Option<Unreadable>,
    /// The format's value columns (normalised), which each value row's last cells fill in order.
    pub columns: Vec<String>,
    /// The table as rows of cell strings (normalised text), in the order of the text.
    pub grid: Vec<Vec<String>>,
    /// What each row of `grid` is (same length and order).
    pub rows: Vec<RowView>,
    /// The format's required rows (`rows` patterns of the definition) that no value row matched.
    pub missing_rows: Vec<String>,
}

/// What one row of a table's grid is.
#[derive(Debug, Serialize)]
pub struct RowView {
    pub kind: RowKind,
    /// 1-based line of the row's first cell.
    pub line: usize,
    /// How many of the row's cells are labels; the rest are values (value rows only).
    pub labels: usize,
    /// The row's label path (`三、本年度办理结果/(三)不予公开/1.属于国家秘密`), inherited labels
    /// included, as row patterns match it (value rows only).
    pub path: Option<String>,
    /// The format's required rows (`rows` patterns of the definition) the row's path matches:
    /// usually one; none for a row the format does not require; several when the path is wrong.
    pub format_rows: Vec<String>,
}

/// What a row of a table's grid is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RowKind {
    /// A line of the table's region before its first value row (column headers), not read as values.
    Header,
    /// A row the rules compute on: its label cells, then one cell per value column.
    Values,
    /// A line of the table's region after its first value row that gave no value row.
    Other,
}

/// A table's view, and the lines of its report (indexes into the document's lines) its region
/// holds, if it was found.
type ReadTable = (TableView, Option<Range<usize>>);

/// Runs `ogilint inspect`; returns the exit status.
pub fn run(options: &InspectOptions) -> u8 {
    let path = Path::new(&options.path);
    let profile = match profile_of(path, &options.setup) {
        Ok(profile) => profile,
        Err(errors) => return report_rule_errors(&errors, options.setup.rules.lang),
    };
    let source = match read_input(path, &options.setup) {
        Ok(source) => source,
        Err(error) => {
            super::print_error(error);
            return EXIT_TROUBLE;
        }
    };
    let parts = [Part::Text, Part::Structure, Part::Tables]
        .into_iter()
        .filter(|&part| options.shows(part))
        .collect::<Vec<_>>();
    let inspection = inspect_source(
        &source,
        &profile.rules,
        profile.engine_options(options.setup.rules.lang),
        &parts,
    );
    let rendered = match options.format {
        InspectFormat::Json => pretty_json(&inspection),
        InspectFormat::Human => render(&inspection, options),
    };
    print_output(&rendered)
}

/// What the kind of input is, by the name's extension, as the reader chose it.
fn input_kind(name: &str) -> &'static str {
    let extension = Path::new(name)
        .extension()
        .and_then(|ext| ext.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match extension.as_str() {
        "docx" => "docx",
        "pdf" => "pdf",
        "md" | "markdown" => "markdown",
        ext if input::HTML_EXTENSIONS.contains(&ext) => "html",
        _ => "text",
    }
}

/// What ogilint reads from one decoded file, as `check` reads it with `rules` and `options`: the
/// `parts` asked for.
pub fn inspect_source(
    source: &SourceText,
    rules: &RuleSet,
    options: engine::Options,
    parts: &[Part],
) -> Inspection {
    engine::read_source(source, rules, options, |reading| {
        inspect(source, reading, rules, options.lang, parts)
    })
}

fn inspect(
    source: &SourceText,
    reading: &Reading<'_>,
    rules: &RuleSet,
    lang: Lang,
    parts: &[Part],
) -> Inspection {
    let text = reading.text();
    let kind = input_kind(&source.name);
    let shown = source
        .display
        .as_ref()
        .map_or(source.text.as_str(), |display| display.text.as_str());
    let pages = source.locations.as_ref().and_then(|locations| {
        let pages = locations
            .iter()
            .filter(|(_, location)| matches!(location, Location::Page { .. }))
            .count();
        (kind == "pdf").then_some(pages)
    });
    let input = InputInfo {
        file: source.name.clone(),
        kind,
        encoding: source.encoding,
        pages,
        partial: reading.partial().map(|partial| PartialView {
            page_count: partial.page_count,
            read: partial.read.clone(),
            damaged: partial.damaged.clone(),
            message: engine::partial_message(partial, lang),
        }),
        lines: line_count(shown),
        text_lines: line_count(text),
        rejoined: kind != "html" && source.display.is_some(),
    };

    // Every document's tables, read once: the grids, and which lines each table's region holds.
    let tables: Vec<Vec<ReadTable>> = (0..reading.documents().len())
        .map(|index| document_tables(reading, index, rules, lang))
        .collect();

    let text_lines = parts
        .contains(&Part::Text)
        .then(|| text_lines(reading, &tables));
    let documents = reading
        .documents()
        .iter()
        .zip(tables)
        .map(|(document, tables)| DocumentView {
            index: document.index,
            line: reading.line(document.range.start),
            structure: parts
                .contains(&Part::Structure)
                .then(|| structure(reading, document, rules)),
            tables: parts
                .contains(&Part::Tables)
                .then(|| tables.into_iter().map(|(view, _)| view).collect()),
        })
        .collect();
    Inspection {
        version: env!("CARGO_PKG_VERSION"),
        input,
        text: text_lines,
        documents,
    }
}

/// Lines of a text, a final line break ending the last line rather than starting another.
fn line_count(text: &str) -> usize {
    let breaks = memchr::memchr_iter(b'\n', text.as_bytes()).count();
    if text.is_empty() || text.ends_with('\n') {
        breaks
    } else {
        breaks + 1
    }
}

fn structure(reading: &Reading<'_>, document: &Document, rules: &RuleSet) -> Structure {
    let info = reading.describe(document.index, rules);
    Structure {
        title: info.title,
        issuer: info.issuer,
        issuer_kind: info.issuer_kind,
        report_year: info.report_year,
        regulation: info.regulation,
        regulation_source: info.regulation_source,
        period: info.period,
        published: info.published,
        headings: document
            .headings
            .iter()
            .map(|heading| HeadingInfo {
                level: heading.level,
                number: heading.number,
                text: reading.words(heading.range.clone()),
                line: reading.line(heading.range.start),
            })
            .collect(),
    }
}

/// The normalised text line by line, each with what it was taken for. The documents' lines are
/// consecutive lines of the text, so one walk over the text places them.
fn text_lines(reading: &Reading<'_>, tables: &[Vec<ReadTable>]) -> Vec<TextLine> {
    let text = reading.text();
    let mut lines = Vec::new();
    let mut documents = reading.documents().iter().peekable();
    // The document being walked, and the index of the next of its lines.
    let mut current: Option<(&Document, usize)> = None;
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]) {
        // A final line break ends the last line; it does not start another.
        if end == text.len() && start == end {
            break;
        }
        let raw = &text[start..end];
        if let Some(next) = documents.next_if(|document| {
            document
                .lines
                .first()
                .is_some_and(|line| line.range.start >= start && line.range.start <= end)
        }) {
            current = Some((next, 0));
        }
        let mut kind = None;
        let mut table = None;
        if let Some((document, next_line)) = current.as_mut() {
            match document.lines.get(*next_line) {
                Some(line) if line.range.start >= start && line.range.end <= end => {
                    kind = Some(line.kind);
                    // A blank line inside a table's region or at its end is not part of it.
                    table = tables[document.index]
                        .iter()
                        .filter(|_| line.kind != LineKind::Blank)
                        .find(|(_, region)| {
                            region
                                .as_ref()
                                .is_some_and(|region| region.contains(next_line))
                        })
                        .map(|(view, _)| view.id.clone());
                    *next_line += 1;
                }
                _ => current = None,
            }
        }
        lines.push(TextLine {
            line: reading.line(start),
            location: reading.location(start),
            kind,
            document: current.map(|(document, _)| document.index),
            table,
            text: raw.trim_end().to_string(),
        });
        start = end + 1;
    }
    lines
}

/// Every table defined for a document's year, as a view, with the document lines its region holds.
fn document_tables(
    reading: &Reading<'_>,
    index: usize,
    rules: &RuleSet,
    lang: Lang,
) -> Vec<ReadTable> {
    let context = reading.context(index);
    let mut tables: Vec<ReadTable> = rules
        .tables
        .iter()
        .filter_map(|def| {
            // The same call the table rules make: the table is read once and shared with them.
            let (def, table) = context.table(&def.id)?;
            let region = table.as_ref().map(|table| table.lines.clone());
            Some((
                table_view(reading, context.document, &def, table.as_deref(), lang),
                region,
            ))
        })
        .collect();
    // In the order of the report; tables not found last, in the order of their definitions.
    tables.sort_by_key(|(view, _)| view.line.unwrap_or(usize::MAX));
    tables
}

fn table_view(
    reading: &Reading<'_>,
    document: &Document,
    def: &TableDef,
    table: Option<&Table>,
    lang: Lang,
) -> TableView {
    let mut view = TableView {
        id: def.id.clone(),
        name: def.name.get(lang).to_string(),
        found: table.is_some(),
        line: None,
        end_line: None,
        unreadable: table.is_some_and(|table| table.unreadable.is_some()),
        unreadable_because: table.and_then(|table| table.unreadable),
        columns: def.columns.clone(),
        grid: Vec::new(),
        rows: Vec::new(),
        missing_rows: Vec::new(),
    };
    let Some(table) = table else {
        return view;
    };
    let text = reading.text();
    let lines = &document.lines;
    view.line = Some(reading.line(table.anchor.start));
    view.end_line = lines[table.lines.clone()]
        .iter()
        .rev()
        .find(|line| !line.kind.is_between_rows())
        .map(|line| reading.line(line.range.start));
    view.missing_rows = def
        .rows
        .iter()
        .filter(|pattern| {
            !table
                .rows
                .iter()
                .any(|row| pattern.is_match(row.path_text()))
        })
        .map(|pattern| pattern.source.clone())
        .collect();

    // The line holding a byte of the text (lines are in order and do not overlap).
    let line_of = |offset: usize| {
        lines
            .partition_point(|line| line.range.start <= offset)
            .saturating_sub(1)
    };
    // Which lines gave cells to a value row, and the line each value row starts on.
    let mut used = vec![false; table.lines.len()];
    let mut row_starts = Vec::with_capacity(table.rows.len());
    for row in &table.rows {
        let cells = row
            .label_cells()
            .iter()
            .chain(row.values.iter().map(|cell| &cell.range));
        let mut first = usize::MAX;
        for cell in cells {
            let line = line_of(cell.start);
            first = first.min(line);
            if let Some(flag) = line
                .checked_sub(table.lines.start)
                .and_then(|at| used.get_mut(at))
            {
                *flag = true;
            }
        }
        row_starts.push(first);
    }
    let cell_text = |range: &Range<usize>| text[range.clone()].to_string();
    let mut rows = table.rows.iter().zip(row_starts).peekable();
    let mut seen_values = false;
    for (at, line_index) in table.lines.clone().enumerate() {
        // Rows are in the order of the text: those starting at or before this line come now.
        while let Some((row, _)) = rows.next_if(|(_, start)| *start <= line_index) {
            let mut cells: Vec<String> = row.label_cells().iter().map(cell_text).collect();
            cells.extend(row.values.iter().map(|cell| cell_text(&cell.range)));
            let first = row
                .label_cells()
                .first()
                .or(row.values.first().map(|cell| &cell.range))
                .map_or(lines[line_index].range.start, |range| range.start);
            view.rows.push(RowView {
                kind: RowKind::Values,
                line: reading.line(first),
                labels: row.label_cells().len(),
                path: Some(row.path_text().to_string()),
                format_rows: def
                    .rows
                    .iter()
                    .filter(|pattern| pattern.is_match(row.path_text()))
                    .map(|pattern| pattern.source.clone())
                    .collect(),
            });
            view.grid.push(cells);
            seen_values = true;
        }
        let line = &lines[line_index];
        if used[at] || line.kind.is_between_rows() {
            continue;
        }
        // Merged cells leave empty cells at the end of a header row: they say nothing.
        let mut cells: Vec<String> = line_cells(text, line).iter().map(cell_text).collect();
        while cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        if cells.is_empty() {
            continue;
        }
        view.grid.push(cells);
        view.rows.push(RowView {
            kind: if seen_values {
                RowKind::Other
            } else {
                RowKind::Header
            },
            line: reading.line(line.range.start),
            labels: 0,
            path: None,
            format_rows: Vec::new(),
        });
    }
    view
}

/// Characters for drawing grids.
struct Rules {
    /// Between two cells.
    cell: &'static str,
    /// Between a value row's labels and its values.
    values: &'static str,
    /// Marks a label cut short.
    ellipsis: char,
    /// Stands for an empty value cell.
    empty: &'static str,
    /// Points from a value row to the format's row it matched.
    arrow: &'static str,
    /// Between a table's id and its name.
    dash: &'static str,
    /// Between two numbers of a range.
    to: &'static str,
    /// Around a report's number where the text section enters it.
    report: &'static str,
}

const UNICODE_RULES: Rules = Rules {
    cell: " │ ",
    values: " ║ ",
    ellipsis: '…',
    empty: "·",
    arrow: "←",
    dash: "—",
    to: "–",
    report: "──",
};
const ASCII_RULES: Rules = Rules {
    cell: " | ",
    values: " || ",
    ellipsis: '~',
    empty: ".",
    arrow: "<-",
    dash: "-",
    to: "-",
    report: "--",
};

/// Columns a character takes in a terminal: two for East Asian wide characters.
fn char_width(ch: char) -> usize {
    match ch as u32 {
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD => 2,
        _ => 1,
    }
}

fn width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

/// `text` cut to at most `limit` columns, marked when cut.
fn clip(text: &str, limit: usize, ellipsis: char) -> String {
    if width(text) <= limit {
        return text.to_string();
    }
    let mut clipped = String::new();
    let mut used = 0;
    for ch in text.chars() {
        if used + char_width(ch) + 1 > limit {
            break;
        }
        used += char_width(ch);
        clipped.push(ch);
    }
    clipped.push(ellipsis);
    clipped
}

fn pad(text: &str, columns: usize) -> String {
    let mut padded = text.to_string();
    padded.extend(std::iter::repeat_n(
        ' ',
        columns.saturating_sub(width(text)),
    ));
    padded
}

/// The widest a value row's labels are drawn (longer labels are cut; the JSON has them whole).
const MAX_LABEL_COLUMNS: usize = 40;

fn kind_name(kind: Option<LineKind>) -> &'static str {
    match kind {
        None => "outside",
        Some(LineKind::Blank) => "blank",
        Some(LineKind::Chrome) => "chrome",
        Some(LineKind::Meta) => "meta",
        Some(LineKind::Preamble) => "preamble",
        Some(LineKind::Title) => "title",
        Some(LineKind::Heading) => "heading",
        Some(LineKind::TableRow) => "table-row",
        Some(LineKind::Text) => "text",
    }
}

/// The words of the human form, in one language.
struct Words {
    /// Chinese: numbers take their words around them (`第12行`).
    zh: bool,
    input: &'static str,
    file: &'static str,
    kind: &'static str,
    encoding: &'static str,
    pages: &'static str,
    partial: &'static str,
    lines: &'static str,
    reports: &'static str,
    text: &'static str,
    report: &'static str,
    title: &'static str,
    issuer: &'static str,
    report_year: &'static str,
    regulation: &'static str,
    period: &'static str,
    published: &'static str,
    headings: &'static str,
    tables: &'static str,
    none: &'static str,
    no_tables: &'static str,
    not_found: &'static str,
    readable: &'static str,
    /// "Unreadable", then why, by [`TableView::unreadable_because`]: cells, rows, columns.
    unreadable: [&'static str; 3],
    value_columns: &'static str,
    missing_rows: &'static str,
    year_from_title: &'static str,
    year_from_period: &'static str,
    year_from_text: &'static str,
    by_report_year: &'static str,
    by_override: &'static str,
    by_default: &'static str,
}

const ZH: Words = Words {
    zh: true,
    input: "输入",
    file: "文件",
    kind: "类型",
    encoding: "编码",
    pages: "页(有文字层)",
    partial: "读取不全",
    lines: "行数",
    reports: "报告数",
    text: "文本(规范化后;位置、行类型、所在表格、文字)",
    report: "报告",
    title: "标题",
    issuer: "发布机关",
    report_year: "报告年度",
    regulation: "适用条例",
    period: "统计期限",
    published: "发布日期",
    headings: "各级标题",
    tables: "表格",
    none: "(无)",
    no_tables: "本报告年度没有定义表格",
    not_found: "未找到(报告中没有该表的起始单元格)",
    readable: "可读",
    unreadable: [
        "无法读取:单元格不能按格式的列数排成行,不对其做任何计算",
        "无法读取:行标题与格式的行不能按顺序逐一对应,不对其做任何计算",
        "无法读取:列标题与格式的列顺序不符,不对其做任何计算",
    ],
    value_columns: "数值列",
    missing_rows: "未找到格式要求的行",
    year_from_title: "来自标题",
    year_from_period: "来自统计期限",
    year_from_text: "正文中提及最多的年份",
    by_report_year: "按报告年度",
    by_override: "由 --regulation 或配置指定",
    by_default: "未找到年份,按现行条例",
};

const EN: Words = Words {
    zh: false,
    input: "Input",
    file: "file",
    kind: "kind",
    encoding: "encoding",
    pages: "pages with text",
    partial: "read in part",
    lines: "lines",
    reports: "reports",
    text: "Text (normalised; position, kind, table, text)",
    report: "Report",
    title: "title",
    issuer: "issuer",
    report_year: "report year",
    regulation: "regulation",
    period: "period",
    published: "published",
    headings: "headings",
    tables: "tables",
    none: "(none)",
    no_tables: "none defined for this report's year",
    not_found: "not found (no anchor cell in the report)",
    readable: "readable",
    unreadable: [
        "UNREADABLE: its cells do not fall into rows of the format's width; no rule computes on it",
        "UNREADABLE: its row labels do not name the format's rows one by one, in order; no rule computes on it",
        "UNREADABLE: its column headers name the format's columns in another order; no rule computes on it",
    ],
    value_columns: "value columns",
    missing_rows: "format rows not found",
    year_from_title: "from the title",
    year_from_period: "from the statistics period",
    year_from_text: "the year the text names most",
    by_report_year: "by the report year",
    by_override: "set by --regulation or the config",
    by_default: "no year found: the current text",
};

/// One `name  value` line of a section, names padded to one width.
fn field(out: &mut String, name: &str, value: &str) {
    const NAME_COLUMNS: usize = 14;
    out.push_str(&format!("  {}{value}", pad(name, NAME_COLUMNS)));
    let trimmed = out.trim_end_matches(' ').len();
    out.truncate(trimmed);
    out.push('\n');
}

/// The human form: sections a terminal shows well.
fn render(inspection: &Inspection, options: &InspectOptions) -> String {
    let rules = if options.ascii {
        &ASCII_RULES
    } else {
        &UNICODE_RULES
    };
    let words = match options.setup.rules.lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    };
    let mut out = String::new();
    let input = &inspection.input;
    out.push_str(words.input);
    out.push('\n');
    field(&mut out, words.file, &input.file);
    field(&mut out, words.kind, input.kind);
    field(&mut out, words.encoding, input.encoding);
    if let Some(pages) = input.pages {
        field(&mut out, words.pages, &pages.to_string());
    }
    if let Some(partial) = &input.partial {
        field(&mut out, words.partial, &partial.message);
    }
    let lines = if input.rejoined {
        words.printed(input.lines, input.text_lines)
    } else {
        input.lines.to_string()
    };
    field(&mut out, words.lines, &lines);
    field(
        &mut out,
        words.reports,
        &inspection.documents.len().to_string(),
    );

    // Tables are named T1, T2… within each report, in the text and in the grids.
    let table_names = |document: usize, id: &str| -> Option<String> {
        let tables = inspection.documents.get(document)?.tables.as_ref()?;
        let position = tables.iter().position(|table| table.id == id)?;
        Some(format!("T{}", position + 1))
    };

    if let Some(lines) = &inspection.text {
        out.push_str(&format!("\n{}\n", words.text));
        let position = |line: &TextLine| match line.location {
            Some(Location::Page { page, line }) => format!("{page}:{line}"),
            _ => line.line.to_string(),
        };
        let position_width = lines
            .iter()
            .map(|line| position(line).len())
            .max()
            .unwrap_or(1);
        let mut document = None;
        for line in lines {
            if line.document.is_some() && line.document != document {
                let index = line.document.unwrap_or(0);
                let rule = rules.report;
                out.push_str(&format!("  {rule} {} {} {rule}\n", words.report, index + 1));
            }
            document = line.document;
            let table = match (line.document, &line.table) {
                (Some(document), Some(id)) => table_names(document, id).unwrap_or_default(),
                _ => String::new(),
            };
            let row = format!(
                "  {:>position_width$}  {:<9} {:<3} {}",
                position(line),
                kind_name(line.kind),
                table,
                line.text
            );
            out.push_str(row.trim_end());
            out.push('\n');
        }
    }

    for document in &inspection.documents {
        out.push_str(&format!(
            "\n{} {} ({})\n",
            words.report,
            document.index + 1,
            words.line(document.line)
        ));
        if let Some(structure) = &document.structure {
            render_structure(&mut out, structure, words);
        }
        if let Some(tables) = &document.tables {
            if tables.is_empty() {
                field(&mut out, words.tables, words.no_tables);
            }
            for (position, table) in tables.iter().enumerate() {
                render_table(&mut out, position + 1, table, rules, words);
            }
        }
    }
    out
}

impl Words {
    /// A line number in words: `line 12` or `第12行`.
    fn line(&self, line: usize) -> String {
        if self.zh {
            format!("第{line}行")
        } else {
            format!("line {line}")
        }
    }

    /// Lines as printed, and after each paragraph's printed lines were joined.
    fn printed(&self, printed: usize, joined: usize) -> String {
        if self.zh {
            format!("印刷行{printed}行,段落拼接后{joined}行")
        } else {
            format!("{printed} printed, {joined} after joining each paragraph's lines")
        }
    }

    /// Where a table's region is, how many value rows it gave, and whether it was readable.
    fn extent(
        &self,
        (first, to, last): (usize, &str, usize),
        value_rows: usize,
        state: &str,
    ) -> String {
        if self.zh {
            format!("第{first}{to}{last}行,数值行{value_rows}行;{state}")
        } else {
            format!("lines {first}{to}{last}, value rows: {value_rows}; {state}")
        }
    }

    /// Where a publication date was read from.
    fn date_source(&self, source: DateSource) -> &'static str {
        match (source, self.zh) {
            (DateSource::Published, true) => "发布时间",
            (DateSource::Issued, true) => "印发日期",
            (DateSource::Written, true) => "成文日期",
            (DateSource::Signed, true) => "落款日期",
            (DateSource::Published, false) => "published",
            (DateSource::Issued, false) => "issued",
            (DateSource::Written, false) => "written",
            (DateSource::Signed, false) => "signed",
        }
    }
}

fn render_structure(out: &mut String, structure: &Structure, words: &Words) {
    let or_none = |value: Option<&str>| value.unwrap_or(words.none).to_string();
    field(out, words.title, &or_none(structure.title.as_deref()));
    let issuer = format!(
        "{}{}",
        or_none(structure.issuer.as_deref()),
        structure
            .issuer_kind
            .map(|kind| format!(" ({})", kind.as_str()))
            .unwrap_or_default()
    );
    field(out, words.issuer, &issuer);
    let year = structure.report_year.map(|year| {
        let source = match year.source {
            crate::document::YearSource::Title => words.year_from_title,
            crate::document::YearSource::Period => words.year_from_period,
            crate::document::YearSource::Text => words.year_from_text,
        };
        format!("{} ({source})", year.year)
    });
    field(out, words.report_year, &or_none(year.as_deref()));
    let regulation_source = match structure.regulation_source {
        RegulationSource::ReportYear => words.by_report_year,
        RegulationSource::Override => words.by_override,
        RegulationSource::Default => words.by_default,
    };
    field(
        out,
        words.regulation,
        &format!("{} ({regulation_source})", structure.regulation.as_str()),
    );
    field(out, words.period, &or_none(structure.period.as_deref()));
    let published = structure.published.as_ref().map(|published| {
        let source = words.date_source(published.source);
        format!(
            "{} ({source}, {})",
            published.date,
            words.line(published.line)
        )
    });
    field(out, words.published, &or_none(published.as_deref()));
    if structure.headings.is_empty() {
        field(out, words.headings, words.none);
        return;
    }
    field(out, words.headings, "");
    let line_width = structure
        .headings
        .iter()
        .map(|heading| heading.line.to_string().len())
        .max()
        .unwrap_or(1);
    for heading in &structure.headings {
        out.push_str(&format!(
            "    {:>line_width$}  {}{}\n",
            heading.line,
            "  ".repeat(usize::from(heading.level.saturating_sub(1))),
            heading.text
        ));
    }
}

fn render_table(
    out: &mut String,
    position: usize,
    table: &TableView,
    rules: &Rules,
    words: &Words,
) {
    out.push_str(&format!(
        "  T{position} {} {} {}",
        table.id, rules.dash, table.name
    ));
    let (Some(line), Some(end_line)) = (table.line, table.end_line) else {
        out.push_str(&format!(": {}\n", words.not_found));
        return;
    };
    out.push('\n');
    let state = if let Some(why) = table.unreadable_because {
        match why {
            Unreadable::Cells => words.unreadable[0],
            Unreadable::Rows => words.unreadable[1],
            Unreadable::Columns => words.unreadable[2],
        }
    } else {
        words.readable
    };
    let value_rows = table
        .rows
        .iter()
        .filter(|row| row.kind == RowKind::Values)
        .count();
    let extent = words.extent((line, rules.to, end_line), value_rows, state);
    out.push_str(&format!("     {extent}\n"));
    let columns: Vec<String> = table
        .columns
        .iter()
        .enumerate()
        .map(|(index, column)| format!("{} {column}", index + 1))
        .collect();
    out.push_str(&format!(
        "     {}: {}\n",
        words.value_columns,
        columns.join(", ")
    ));
    if !table.missing_rows.is_empty() {
        out.push_str(&format!(
            "     {}: {}\n",
            words.missing_rows,
            table.missing_rows.join(", ")
        ));
    }
    let label_width = table
        .grid
        .iter()
        .zip(&table.rows)
        .filter(|(_, row)| row.kind == RowKind::Values)
        .map(|(cells, row)| width(&cells[..row.labels].join(rules.cell)))
        .max()
        .unwrap_or(0)
        .min(MAX_LABEL_COLUMNS);
    let mut value_widths = vec![0; table.columns.len()];
    for (cells, row) in table.grid.iter().zip(&table.rows) {
        if row.kind == RowKind::Values {
            for (slot, cell) in value_widths.iter_mut().zip(&cells[row.labels..]) {
                *slot = (*slot).max(width(cell)).max(1);
            }
        }
    }
    let line_width = table
        .rows
        .iter()
        .map(|row| row.line.to_string().len())
        .max()
        .unwrap_or(1);
    for (cells, row) in table.grid.iter().zip(&table.rows) {
        let drawn = match row.kind {
            RowKind::Values => {
                let labels = clip(
                    &cells[..row.labels].join(rules.cell),
                    MAX_LABEL_COLUMNS,
                    rules.ellipsis,
                );
                let values: Vec<String> = cells[row.labels..]
                    .iter()
                    .zip(&value_widths)
                    .map(|(cell, &columns)| {
                        let cell = if cell.is_empty() {
                            rules.empty
                        } else {
                            cell.as_str()
                        };
                        format!("{}{cell}", " ".repeat(columns.saturating_sub(width(cell))))
                    })
                    .collect();
                let matched = if row.format_rows.is_empty() {
                    String::new()
                } else {
                    format!("   {} {}", rules.arrow, row.format_rows.join(", "))
                };
                format!(
                    "{}{}{}{matched}",
                    pad(&labels, label_width),
                    rules.values,
                    values.join(rules.cell)
                )
            }
            RowKind::Header | RowKind::Other => cells.join(rules.cell),
        };
        let kind = match row.kind {
            RowKind::Header => "header",
            RowKind::Values => "values",
            RowKind::Other => "other",
        };
        let line = format!("     {:>line_width$}  {kind:<6}  {drawn}", row.line);
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

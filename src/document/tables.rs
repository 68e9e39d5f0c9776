//! Tables: one grid model for every shape a table takes in real report text.
//!
//! A table arrives as `|`-separated rows (one row per line; Markdown rows with outer bars, a
//! `|---|` separator and merged cells left empty, as converters write them), as one cell per line
//! (a web page copied as text, often each cell followed by ` |`), or as columns aligned with tabs
//! or runs of spaces. Whatever the shape, the
//! reader turns it into value rows: each row has its labels (with their nesting, from the
//! `一、` / `(一)` / `1.` markers, so that `1.属于国家秘密` is known to sit under `(三)不予公开`)
//! and exactly as many value cells as the table has value columns, every cell with its byte
//! range in the normalised text. A table whose cells do not fall into such rows, or whose rows or
//! header cells name the format's rows or columns out of their order ([`Table::match_format`],
//! [`Table::match_columns`]), is reported as unreadable rather than guessed at.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::headings::{parse_marker, section_words};
use super::lines::LinePattern;
use super::{Document, LineKind};
use crate::text::fold::is_han;

/// A cell's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A whole number (thousands separators allowed: `1,021`).
    Number(i64),
    /// Empty, `/`, `-`, `—` or `无`: counted as 0, reported at info level.
    Blank,
    /// Anything else in a value position (`1.5`, `十七`, `约20`).
    Bad,
}

/// One value cell of a table: where it is in the normalised text, and its value (read once).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub range: Range<usize>,
    pub value: Value,
}

impl Cell {
    fn read(text: &str, range: Range<usize>) -> Cell {
        Cell {
            value: parse_value(&text[range.clone()]),
            range,
        }
    }
}

/// A row with values.
#[derive(Debug, Clone)]
pub struct Row {
    /// The labels that lead to this row, outermost first (`三、本年度办理结果`, `(三)不予公开`,
    /// `1.属于国家秘密`), including those inherited from earlier rows, joined with `/`, for
    /// matching row references. Once the row is matched to its table's format
    /// ([`Table::match_format`]), the path the format gives it.
    path_text: String,
    /// The row's own (last) label, as read.
    label: String,
    /// The label cells the row was read with (without inherited labels), for showing the grid.
    label_cells: Vec<Range<usize>>,
    /// One cell per value column.
    pub values: Vec<Cell>,
}

impl Row {
    fn new(text: &str, path: &[Range<usize>], values: Vec<Cell>) -> Row {
        let length = path.iter().map(|label| label.len() + 1).sum();
        let mut path_text = String::with_capacity(length);
        for (index, label) in path.iter().enumerate() {
            if index > 0 {
                path_text.push('/');
            }
            path_text.push_str(&text[label.clone()]);
        }
        let label = path.last().map_or("", |label| &text[label.clone()]);
        Row {
            label: label.to_string(),
            path_text,
            label_cells: Vec::new(),
            values,
        }
    }

    /// The label path joined with `/`, for matching row references.
    pub fn path_text(&self) -> &str {
        &self.path_text
    }

    /// The row's own label (the last of its path), as read.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The label cells the row was read with, as ranges of the normalised text: the row's cells
    /// before its values, without the labels it inherits from rows above.
    pub fn label_cells(&self) -> &[Range<usize>] {
        &self.label_cells
    }
}

/// A table found in a document.
#[derive(Debug, Clone)]
pub struct Table {
    /// The lines (indexes into the document's lines) the table spans.
    pub lines: Range<usize>,
    /// Where the table starts (its anchor cell), for findings about the table as a whole.
    pub anchor: Range<usize>,
    pub rows: Vec<Row>,
    /// Why the table's values cannot be trusted, if they cannot (then no arithmetic is checked).
    pub unreadable: Option<Unreadable>,
    /// The cells of the rows read as headers (rows without values: `自然人 | 法人或其他组织 |
    /// 总计`), every cell of each, for checking the columns against the format's
    /// ([`Table::match_columns`]).
    pub headers: Vec<Vec<Range<usize>>>,
}

/// Why a table's values are not checked against each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Unreadable {
    /// The cells could not be arranged into rows of the expected width.
    Cells,
    /// The rows' labels do not name the format's rows one by one, in its order.
    Rows,
    /// A header row names the format's columns in another order.
    Columns,
}

/// One row of a table's published format, as a table definition gives it: where the row sits
/// (its label path in the format) and whether a label read from a report names it.
pub trait FormatRow {
    /// The row's label path in the format (`三、本年度办理结果/(三)不予公开/1.属于国家秘密`). Its
    /// last part, marker and words, also names a row whose label a converter garbled.
    fn path(&self) -> &str;
    /// Whether `label`, a row's own label as read, names this row.
    fn names(&self, label: &str) -> bool;
    /// Whether the row groups others (`三、本年度办理结果`, `(三)不予公开`): a row of blanks
    /// under its label is the group's heading, not a row of values.
    fn is_group(&self) -> bool;
}

impl Table {
    /// Gives each row the path the format gives it, by the row's own label: a row whose label is
    /// unique in the format is that row wherever its parent cells ended, so a merged
    /// `三、本年度办理结果` cell that stops short or is split in two loses no row. The table is
    /// trusted only if every value row is named, in the format's order, each format row at most
    /// once; otherwise it is marked unreadable (rows read from cells in a scrambled order, or
    /// from labels and digits run together, cannot be checked). An empty `format` changes nothing.
    pub fn match_format<F: FormatRow>(&mut self, format: &[F]) {
        if format.is_empty() || self.unreadable.is_some() {
            return;
        }
        // Format rows before `next` are used up: the rows come in the format's order.
        let mut next = 0;
        let mut matched = true;
        self.rows.retain_mut(|row| {
            let found = format[next..]
                .iter()
                .position(|candidate| candidate.names(&row.label))
                .or_else(|| garbled_label_position(&format[next..], &row.label))
                .map(|offset| next + offset);
            let Some(index) = found else {
                matched = false;
                return true;
            };
            next = index + 1;
            let format_row = &format[index];
            if format_row.is_group() && row.values.iter().all(|cell| cell.value == Value::Blank) {
                return false;
            }
            row.path_text.clear();
            row.path_text.push_str(format_row.path());
            true
        });
        if !matched {
            self.unreadable = Some(Unreadable::Rows);
        }
    }

    /// Marks the table unreadable when a header row names the format's value columns in another
    /// order (`总计` before `自然人`), or names a group (a span of columns, `法人或其他组织`) where
    /// its columns do not stand: its values would be summed under the wrong names.
    ///
    /// Every header row is read left to right. A cell whose words, without whitespace (`商 业 企
    /// 业`, a name a converter broke over two lines), are one of `names` stands for that span of
    /// columns, and so do two or three cells in a row that name nothing alone but do together
    /// (`商业` ⏎ `企业`, a cell's two lines copied as cells of their own); a cell that names
    /// nothing (a corner note, `信息内容`) is passed over. A name that
    /// stands for several spans (table 四's `结果维持` under each of its three groups) is the
    /// first of them that starts after the previous cell's span, preferring columns no header
    /// row above named already (table 四's second header row names the lawsuits' columns only,
    /// those of 行政复议 standing in the row above). Each cell's span must start after the
    /// previous one's end, with one exception: a header row read onto the end of the one above
    /// it (`自然人 | 法人或其他组织 | 总计 | 商业企业 | …`, rows of text aligned by spaces, or a
    /// page's cells one per line) starts again at the first column of a group named earlier in
    /// the row whose columns no cell of the row has named yet.
    pub fn match_columns(&mut self, text: &str, names: &HeaderNames) {
        if self.unreadable.is_some() || self.headers.is_empty() || names.is_empty() {
            return;
        }
        // Columns that a header row above named one by one, and this row, as bits.
        let mut named_above = 0u128;
        let mut groups: Vec<(Range<usize>, bool)> = Vec::new();
        for header in &self.headers {
            let mut named_here = 0u128;
            groups.clear();
            // The first column after the previous cell's span.
            let mut next = 0;
            let mut at = 0;
            while at < header.len() {
                let Some((spans, used)) = names.spans_from(text, &header[at..]) else {
                    at += 1;
                    continue;
                };
                at += used;
                let after = |span: &&Range<usize>| span.start >= next;
                let span = spans
                    .iter()
                    .filter(after)
                    .find(|span| named_above & column_bits(span) == 0)
                    .or_else(|| spans.iter().find(after))
                    .or_else(|| {
                        // The row below, read onto this one: it starts under a group named
                        // earlier in the row whose columns no cell has named yet.
                        spans.iter().find(|span| {
                            groups
                                .iter()
                                .any(|(group, entered)| !entered && group.start == span.start)
                        })
                    });
                let Some(span) = span else {
                    self.unreadable = Some(Unreadable::Columns);
                    return;
                };
                for (group, entered) in &mut groups {
                    *entered |= group.start <= span.start
                        && span.end <= group.end
                        && span.len() < group.len();
                }
                next = span.end;
                if span.len() == 1 {
                    named_here |= column_bits(span);
                } else {
                    groups.push((span.clone(), false));
                }
            }
            named_above |= named_here;
        }
    }
}

/// The columns of `span` as bits. Columns past the 128th are not tracked (a header row above is
/// then not known to have named them, and a name takes the first of its columns after the
/// previous cell's).
fn column_bits(span: &Range<usize>) -> u128 {
    let below = |column: usize| {
        u32::try_from(column)
            .ok()
            .and_then(|column| 1u128.checked_shl(column))
            .map_or(u128::MAX, |bit| bit - 1)
    };
    below(span.end) & !below(span.start)
}

/// What the cells of a table's header rows may say, each with the value columns it stands for: a
/// column's name, or a group's (a span of consecutive columns: `法人或其他组织` over 商业企业 to
/// 其他). Built once per table definition and used for every table read with it.
#[derive(Debug, Clone, Default)]
pub struct HeaderNames {
    /// Each name without whitespace, with the spans it stands for, left to right.
    names: Vec<(String, Vec<Range<usize>>)>,
}

impl HeaderNames {
    /// The names of a table of `columns` value columns: each `(name, span)` says that a header
    /// cell reading `name` stands for the columns in `span`. A name given with several spans
    /// stands for any of them. Spans outside the columns or empty are left out.
    pub fn new(columns: usize, entries: impl IntoIterator<Item = (String, Range<usize>)>) -> Self {
        let mut names: Vec<(String, Vec<Range<usize>>)> = Vec::new();
        for (name, span) in entries {
            let name: String = name.chars().filter(|c| !c.is_whitespace()).collect();
            if name.is_empty() || span.is_empty() || span.end > columns {
                continue;
            }
            match names.iter_mut().find(|(known, _)| *known == name) {
                Some((_, spans)) => spans.push(span),
                None => names.push((name, vec![span])),
            }
        }
        for (_, spans) in &mut names {
            spans.sort_by_key(|span| (span.start, std::cmp::Reverse(span.end)));
        }
        HeaderNames { names }
    }

    /// Whether no name is known (nothing to check a header against).
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The spans the first of `cells` (ranges of `text`) stands for, and how many cells name
    /// them: one, or two or three that name nothing alone but do together (`商业` ⏎ `企业`, a
    /// name a page broke over two lines of its cell, which came out as cells of their own).
    fn spans_from(&self, text: &str, cells: &[Range<usize>]) -> Option<(&[Range<usize>], usize)> {
        let first = cells.first()?;
        if let Some(spans) = self.spans(&text[first.clone()]) {
            return Some((spans, 1));
        }
        let mut joined = text[first.clone()].to_string();
        for (index, cell) in cells.iter().enumerate().skip(1).take(2) {
            let words = &text[cell.clone()];
            if words.is_empty() || self.spans(words).is_some() {
                return None;
            }
            joined.push_str(words);
            if let Some(spans) = self.spans(&joined) {
                return Some((spans, index + 1));
            }
        }
        None
    }

    /// The spans a header cell's words stand for, compared without whitespace.
    pub fn spans(&self, cell: &str) -> Option<&[Range<usize>]> {
        let find = |words: &str| {
            self.names
                .iter()
                .find(|(name, _)| name == words)
                .map(|(_, spans)| spans.as_slice())
        };
        // Most cells hold no whitespace and are compared as they are.
        if cell.contains(char::is_whitespace) {
            let words: String = cell.chars().filter(|c| !c.is_whitespace()).collect();
            find(&words)
        } else {
            find(cell)
        }
    }
}

/// For a label that names no format row by its words (a converter garbled them: `二、上年结(ji
/// 3 é)转…`, variant characters), the first of `format` with the same marker whose own label
/// shares most of its Han characters with it.
fn garbled_label_position<F: FormatRow>(format: &[F], label: &str) -> Option<usize> {
    let (level, number, words_start) = parse_marker(label)?;
    let words = &label[words_start..];
    format.iter().position(|candidate| {
        let own = candidate.path().rsplit('/').next().unwrap_or_default();
        let Some((own_level, own_number, own_start)) = parse_marker(own) else {
            return false;
        };
        if (own_level, own_number) != (level, number) {
            return false;
        }
        let own_words = own[own_start..].chars().filter(|&c| is_han(c));
        let (shared, total) = own_words.fold((0, 0), |(shared, total), c| {
            (shared + usize::from(words.contains(c)), total + 1)
        });
        total > 0 && shared * 2 > total
    })
}

static INTEGER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[-+]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)$").expect("integer pattern is valid")
});
static BLANK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:|/|-|—|——|–|无|\\)$").expect("blank pattern is valid"));
static DECIMAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[-+]?[0-9]+\.[0-9]+$").expect("decimal pattern is valid"));
static COLUMN_GAP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\t+| {3,}").expect("gap pattern is valid"));
/// The full stop, which prose has and a table's cells do not.
static FULL_STOP: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("。"));
/// Three spaces: the start of a [`COLUMN_GAP`] without a tab, searched for before the regex runs.
static SPACE_RUN: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("   "));

/// Reads a cell's text as a value.
pub fn parse_value(text: &str) -> Value {
    let text = text.trim();
    // Plain digits are the common case: no regex for them.
    if (1..=18).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse().map_or(Value::Bad, Value::Number);
    }
    if BLANK.is_match(text) {
        Value::Blank
    } else if INTEGER.is_match(text) {
        text.replace([',', '+'], "")
            .parse()
            .map_or(Value::Bad, Value::Number)
    } else {
        Value::Bad
    }
}

/// Whether a cell looks like a value rather than a label (for one-cell-per-line tables).
fn looks_like_value(text: &str) -> bool {
    let text = text.trim();
    // Cheap answers first: this runs on every cell of every table line. Values start with a digit,
    // a sign, or one of the blank marks (`/`, `-`, `—`, `无`, `\`).
    let Some(first) = text.chars().next() else {
        return false;
    };
    if text.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    if !(first.is_ascii_digit() || matches!(first, '+' | '-' | '/' | '—' | '–' | '无' | '\\'))
    {
        return false;
    }
    (BLANK.is_match(text) && !text.is_empty()) || INTEGER.is_match(text) || DECIMAL.is_match(text)
}

/// Whether a cell standing where a value would is a column name (`商业企业`, `本年处理决定数量`):
/// words without a digit, and not a number in Chinese numerals (`十七`), which is a value gone
/// wrong like `约20`.
fn is_column_name(text: &str) -> bool {
    const NUMERALS: &str = "零〇一二两三四五六七八九十百千万亿";
    let text = text.trim();
    !text.is_empty()
        && !text.bytes().any(|b| b.is_ascii_digit())
        && !text.chars().all(|c| NUMERALS.contains(c))
}

/// Longest line (in characters) that may be a cell of a one-cell-per-line table.
const MAX_CELL_CHARS: usize = 60;

/// For each line of `document`: whether it can belong to a table (a `|` row, or a short line
/// without a full stop that is not a section heading). Computed once per document and shared by
/// every table read from it.
pub fn table_lines(document: &Document, text: &str) -> Vec<bool> {
    let mut table_lines: Vec<bool> = document
        .lines
        .iter()
        .map(|line| match line.kind {
            LineKind::TableRow => true,
            LineKind::Text | LineKind::Heading => {
                let words = &text[line.range.clone()];
                // A character is at most four bytes: short lines are settled by their length.
                if words.len() <= 4 * MAX_CELL_CHARS && words.chars().count() <= MAX_CELL_CHARS {
                    FULL_STOP.find(words.as_bytes()).is_none()
                } else {
                    is_aligned_row(words) || is_run_of_column_names(words)
                }
            }
            _ => false,
        })
        .collect();
    // A section heading ends a table; so does a heading at a lower level in a section's words
    // (`(四)政府信息公开行政复议、行政诉讼情况` in a template that merged two sections), which is
    // the next table's section and never a row of this one.
    for heading in &document.headings {
        let ends_tables = heading.level == 1
            || (heading.is_section_title() && section_words(&heading.title).is_some());
        if ends_tables && document.lines[heading.line].kind != LineKind::TableRow {
            table_lines[heading.line] = false;
        }
    }
    table_lines
}

/// Whether a line too long for one cell is a row of columns aligned with tabs or runs of spaces
/// (a table printed to text, the rows of 表三 running past the width of one cell with their
/// padding): it has a column gap, no full stop, and no cell longer than one cell can be. Prose has
/// full stops or one long run of words, so it stays out.
fn is_aligned_row(words: &str) -> bool {
    let bytes = words.as_bytes();
    if FULL_STOP.find(bytes).is_some()
        || (memchr::memchr(b'\t', bytes).is_none() && SPACE_RUN.find(bytes).is_none())
    {
        return false;
    }
    let mut start = 0;
    for gap in COLUMN_GAP
        .find_iter(words)
        .map(|gap| gap.range())
        .chain(std::iter::once(words.len()..words.len()))
    {
        let cell = &words[start..gap.start];
        if cell.len() > 4 * MAX_CELL_CHARS || cell.chars().count() > MAX_CELL_CHARS {
            return false;
        }
        start = gap.end;
    }
    true
}

/// Whether a line too long for one cell is a table's column names run together (table 四's
/// nineteen header words printed on one line, their spaces dropped): Han characters only, with no
/// punctuation, as no sentence of that length is, and no longer than a few cells.
fn is_run_of_column_names(words: &str) -> bool {
    words.len() <= 16 * MAX_CELL_CHARS
        && words
            .chars()
            .all(|c| is_han(c) || c == ' ' || c == '\t' || c == '\u{3000}')
}

/// Splits a line into cells (their trimmed ranges in `text`), into `cells`.
///
/// The outer bars are not cell separators: converters write Markdown rows with a bar at each end
/// (`| 规章 | 0 | 0 | 0 |`), and pages copied as text end each cell of a one-cell-per-line table
/// with one (`规章 |`). A line of the table with a bar left inside is `|`-separated even when
/// [`super::lines::classify`] did not take it for a table row on its own: a two-cell row
/// (`行政许可 | 526`, as the Word and web readers write one) has a single bar, and standing among
/// the rows of a table it is a row, while the same bar in prose elsewhere is left alone.
fn cells_of(text: &str, range: Range<usize>, kind: LineKind, cells: &mut Vec<Range<usize>>) {
    cells.clear();
    let line = &text[range.clone()];
    let mut push = |start: usize, end: usize| {
        let raw = &line[start..end];
        let trimmed_start = start + (raw.len() - raw.trim_start().len());
        let trimmed_end = end - (raw.len() - raw.trim_end().len());
        cells.push(range.start + trimmed_start..range.start + trimmed_end.max(trimmed_start));
    };
    let bytes = line.as_bytes();
    let mut inner = 0..line.len();
    let opened = bytes.first() == Some(&b'|');
    if opened {
        inner.start = 1;
    }
    // The closing bar of a Markdown row, or of a cell alone on its line. A row without the opening
    // bar may end with a bar before an empty last cell (`行政处罚 | 5 | -2 |`): there the last bar
    // stays a separator, and surplus empty cells at the end are dropped when the row is read.
    if inner.end > inner.start
        && bytes.last() == Some(&b'|')
        && (opened || memchr::memchr(b'|', &bytes[inner.start..inner.end - 1]).is_none())
    {
        inner.end -= 1;
    }
    if kind == LineKind::TableRow || memchr::memchr(b'|', &bytes[inner.clone()]).is_some() {
        let mut start = inner.start;
        for index in memchr::memchr_iter(b'|', &bytes[inner.clone()]) {
            push(start, inner.start + index);
            start = inner.start + index + 1;
        }
        push(start, inner.end);
    } else if memchr::memchr(b'\t', &bytes[inner.clone()]).is_some()
        || SPACE_RUN.find(&bytes[inner.clone()]).is_some()
    {
        // Columns aligned with tabs or runs of spaces (what `COLUMN_GAP` matches).
        let mut start = inner.start;
        for gap in COLUMN_GAP.find_iter(&line[inner.clone()]) {
            push(start, inner.start + gap.start());
            start = inner.start + gap.end();
        }
        push(start, inner.end);
    } else if line.contains(' ') && line.split_whitespace().all(looks_like_value) {
        // Values separated by single spaces (`1 0 0 0 2 …`, a printed table's row of numbers).
        let mut start = None;
        for (index, byte) in line.bytes().enumerate() {
            match (byte == b' ', start) {
                (false, None) => start = Some(index),
                (true, Some(from)) => {
                    push(from, index);
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(from) = start {
            push(from, line.len());
        }
    } else {
        push(inner.start, inner.end);
    }
}

/// A line's cells as the table reader splits them (`|`-separated, tab/space-aligned, or the whole
/// line), as trimmed ranges of `text`.
pub fn line_cells(text: &str, line: &super::Line) -> Vec<Range<usize>> {
    let mut cells = Vec::new();
    cells_of(text, line.range.clone(), line.kind, &mut cells);
    cells
}

/// Tracks label nesting across rows.
#[derive(Default)]
struct PathBuilder {
    /// The latest label at each marker level (1 `一、`, 2 `(一)`, 3 `1.`), as ranges of the text.
    levels: [Option<Range<usize>>; 3],
    /// The numbered labels of the row being built, with their levels.
    marked: Vec<(usize, Range<usize>)>,
    /// The path of the row being built.
    path: Vec<Range<usize>>,
}

impl PathBuilder {
    /// The row with `labels` (ranges of `text`, in order) and `values`.
    fn row(&mut self, text: &str, labels: &[Range<usize>], values: Vec<Cell>) -> Row {
        let mut unmarked: Option<Range<usize>> = None;
        self.marked.clear();
        let labels = nested_labels(text, labels);
        for label in &labels {
            match parse_marker(&text[label.clone()]) {
                Some((level, _, _)) if (1..=3).contains(&level) => {
                    self.marked.push((usize::from(level), label.clone()));
                }
                _ => unmarked = Some(label.clone()),
            }
        }
        // Outer labels first: text read from a printed table by position puts a merged cell's
        // label at its middle row, after the first rows under it (`4.保护第三方合法权益`,
        // `(三)不予公开`), and the row there still sits under both.
        self.marked.sort_by_key(|&(level, _)| level);
        let deepest = self.marked.last().map_or(0, |&(level, _)| level);
        for (level, label) in self.marked.drain(..) {
            self.levels[level - 1] = Some(label);
            for deeper in self.levels.iter_mut().skip(level) {
                *deeper = None;
            }
        }
        self.path.clear();
        if deepest == 0 {
            // An unnumbered label (`规章`) names its row alone.
            self.path.extend(unmarked);
        } else {
            self.path
                .extend(self.levels[..deepest].iter().flatten().cloned());
        }
        let mut row = Row::new(text, &self.path, values);
        row.label_cells = labels;
        row
    }
}

/// `labels` with each label that holds a group's label and a row's under it in one cell split
/// in two, or three (`三、本年度办理结果(一)予以公开`, `(三)不予公开1.属于国家秘密`: text copied out
/// of a PDF, where the group's merged cell and the row's first cell stand on one line with a space
/// between them that normalisation drops). A label splits only where, after a Han character, a
/// marker of a deeper level than the one the label starts with begins (`(一)` after `一、`, `1.`
/// after `(三)` or `一、`), so a label's own words (`(二)部分公开(区分处理的…)`) never split.
fn nested_labels(text: &str, labels: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut split = Vec::with_capacity(labels.len() + 1);
    for label in labels {
        let mut rest = label.clone();
        while let Some(at) = inner_marker(&text[rest.clone()]) {
            split.push(rest.start..rest.start + at);
            rest.start += at;
        }
        split.push(rest);
    }
    split
}

/// The offset in `label` of a marker one or two levels deeper than the marker `label` starts
/// with, standing right after a Han character (see [`nested_labels`]).
fn inner_marker(label: &str) -> Option<usize> {
    let (level, _, title) = parse_marker(label)?;
    if level >= 3 {
        return None;
    }
    let mut previous_han = false;
    for (at, ch) in label[title..].char_indices() {
        let at = title + at;
        if previous_han && (ch == '(' || ch.is_ascii_digit()) {
            if let Some((inner, _, _)) = parse_marker(&label[at..]) {
                if inner > level && inner <= 3 {
                    return Some(at);
                }
            }
        }
        previous_han = is_han(ch);
    }
    None
}

/// Finds the table whose anchor cell matches `anchor` and reads it into rows of `width` values.
pub fn read_table(document: &Document, text: &str, anchor: &Regex, width: usize) -> Option<Table> {
    // Line by line: whether `anchor` uses `^` or `$` is not known here.
    let anchor = LinePattern {
        regex: anchor,
        anchored: true,
    };
    read_table_until(
        document,
        text,
        &table_lines(document, text),
        anchor,
        None,
        width,
    )
}

/// How many lines above a block heading a repeat of it is looked for (see [`read_table_until`]).
const REPEAT_WINDOW: usize = 64;

/// Like [`read_table`], for a table that is one block of a larger one: it also ends before the
/// first line after its anchor that matches `end` (the next block's heading).
/// `table_lines` is [`table_lines`] of the document.
pub fn read_table_until(
    document: &Document,
    text: &str,
    table_lines: &[bool],
    anchor: LinePattern<'_>,
    end_at: Option<&Regex>,
    width: usize,
) -> Option<Table> {
    let is_table_line = |index: usize| table_lines.get(index).copied().unwrap_or(false);
    let start = anchor.first_line(text, &document.lines, is_table_line)?;
    // A converter that splits a table in several repeats its first row atop each part: a line
    // that repeats one of the lines just above word for word is that header again, not the next
    // block. (A table's first row is at most a few dozen lines above; the window keeps this
    // linear.)
    let repeats_earlier = |index: usize| {
        let words = &text[document.lines[index].range.clone()];
        document.lines[index.saturating_sub(REPEAT_WINDOW)..index]
            .iter()
            .any(|earlier| &text[earlier.range.clone()] == words)
    };
    let end = (start..document.lines.len())
        .find(|&index| {
            let line = &document.lines[index];
            let next_block = index > start
                && end_at.is_some_and(|end| end.is_match(&text[line.range.clone()]))
                && !repeats_earlier(index);
            next_block || !(is_table_line(index) || line.kind.is_between_rows())
        })
        .unwrap_or(document.lines.len());
    let anchor_range = anchor
        .regex
        .find(&text[document.lines[start].range.clone()])
        .map(|m| {
            document.lines[start].range.start + m.start()
                ..document.lines[start].range.start + m.end()
        })
        .unwrap_or(document.lines[start].range.clone());

    let mut rows = Vec::new();
    let mut paths = PathBuilder::default();
    let mut cells: Vec<Range<usize>> = Vec::new();
    let mut labels: Vec<Range<usize>> = Vec::new();
    let mut pending_labels: Vec<Range<usize>> = Vec::new();
    let mut pending_values: Vec<Range<usize>> = Vec::new();
    let mut unreadable = false;
    let mut headers: Vec<Vec<Range<usize>>> = Vec::new();
    // Whether the last one-cell line was a label with digits run onto it.
    let mut fused_row = false;
    // Whether the last line was a cell closed by its own bar (`规章 |`), or a bare `|` read as
    // an empty cell after one: then a bare `|` line is an empty cell, not padding.
    let mut closed_by_bar = false;
    // The one-cell lines of words before the table's first value row, as one header row (a web
    // page copied as text: `申请人情况` ⏎ `自然人` ⏎ `法人或其他组织` ⏎ …), and where among the
    // header rows it stands.
    let mut leading_words: Vec<Range<usize>> = Vec::new();
    let mut leading_at = 0;
    let read_values = |ranges: &[Range<usize>]| -> Vec<Cell> {
        ranges
            .iter()
            .map(|range| Cell::read(text, range.clone()))
            .collect()
    };
    for index in start..end {
        let line = &document.lines[index];
        let line_text = text[line.range.clone()].trim();
        if line_text == "|" {
            // A row whose cells are closed by their own bars, one per line (`规章 |` ⏎ `|` ⏎
            // `|` ⏎ `|`), writes an empty cell as a bare bar: the row is there, blank. Elsewhere
            // a bare bar closes the cell above it, or is padding.
            if closed_by_bar && !pending_labels.is_empty() && pending_values.len() < width {
                pending_values.push(line.range.start..line.range.start);
                if pending_values.len() == width {
                    rows.push(paths.row(text, &pending_labels, read_values(&pending_values)));
                    pending_labels.clear();
                    pending_values.clear();
                    closed_by_bar = false;
                }
            } else {
                closed_by_bar = false;
            }
            continue;
        }
        if line.kind.is_between_rows() {
            continue;
        }
        cells_of(text, line.range.clone(), line.kind, &mut cells);
        // Empty cells before a row's first label are what is left of a merged label cell that
        // ended on an earlier row (or was split in two): the labels that follow name the row.
        let leading_empty = cells.iter().take_while(|cell| cell.is_empty()).count();
        if leading_empty > 0
            && cells
                .get(leading_empty)
                .is_some_and(|cell| !looks_like_value(&text[cell.clone()]))
        {
            cells.drain(..leading_empty);
        }
        // A bare `|` or `|||` between cells is padding; a cell with a bar after it (`规章 |`,
        // `0 |`) is one cell per line as some pages copy it.
        let filled = cells.iter().filter(|cell| !cell.is_empty()).count();
        if filled == 0 {
            continue;
        }
        if filled == 1 && cells.len() <= 3 {
            cells.retain(|cell| !cell.is_empty());
        }
        closed_by_bar = cells.len() == 1 && line_text.ends_with('|');
        // A row copied out of a PDF without its layout: the label, then its values with single
        // spaces between them, the space after the label lost to normalisation (`规章0 0 0`).
        if cells.len() == 1 {
            if let Some(split) = spaced_row(text, cells[0].clone(), width) {
                cells.clear();
                cells.extend(split);
            }
        }
        // Empty cells read from bare bars stand for nothing if no row takes them: a label or a
        // row on one line after them starts afresh.
        let only_bars = !pending_values.is_empty() && pending_values.iter().all(Range::is_empty);
        if only_bars
            && (cells.len() > 1
                || cells
                    .first()
                    .is_some_and(|cell| !looks_like_value(&text[cell.clone()])))
        {
            pending_values.clear();
        }
        if cells.len() > 1 {
            // A row laid out on one line: leading labels, then value slots.
            if !pending_values.is_empty() {
                unreadable = true;
            }
            // Merged cells come out empty (Markdown, Word, web pages): empty cells before a row's
            // first label are the ends of labels above it.
            let merged = cells.iter().take_while(|cell| cell.is_empty()).count();
            let cells = match cells.get(merged) {
                Some(label) if merged > 0 && !looks_like_value(&text[label.clone()]) => {
                    &cells[merged..]
                }
                _ => &cells[..],
            };
            // Labels lead the row; once a numbered label (`(三)`, `1.`) is seen, an unnumbered
            // cell is a value gone wrong (`约1`, `十七`), not another label.
            let mut seen_numbered = false;
            let first_value = cells.iter().position(|cell| {
                let cell = &text[cell.clone()];
                let numbered = parse_marker(cell).is_some();
                let value =
                    looks_like_value(cell) || cell.is_empty() || (seen_numbered && !numbered);
                seen_numbered |= numbered;
                value
            });
            let Some(first_value) = first_value else {
                // A header row of labels only.
                headers.push(cells.to_vec());
                continue;
            };
            labels.clear();
            labels.extend(
                cells[..first_value]
                    .iter()
                    .filter(|c| !c.is_empty())
                    .cloned(),
            );
            let mut values = &cells[first_value..];
            while values.len() > width && values.last().is_some_and(|cell| cell.is_empty()) {
                values = &values[..values.len() - 1];
            }
            // Empty cells between the labels and the values are label columns this row leaves
            // empty (a row label spanning all three label columns of table 三, as Markdown and
            // other grids without merged cells write it).
            while values.len() > width && values.first().is_some_and(|cell| cell.is_empty()) {
                values = &values[1..];
            }
            // Columns aligned by spaces lose a gap of one or two spaces as stray spaces
            // (`禁止公开  0` reads `禁止公开0`): a row one value short whose label ends in digits
            // run onto its words has its first value there.
            let first_value_cell = first_value
                .checked_sub(1)
                .map(|last| cells[last].clone())
                .filter(|_| values.len() + 1 == width)
                .and_then(|label| run_on_value(text, label));
            let with_run_on;
            if let Some((words, value)) = first_value_cell {
                if let Some(last) = labels.last_mut() {
                    *last = words;
                }
                with_run_on = std::iter::once(value)
                    .chain(values.iter().cloned())
                    .collect::<Vec<_>>();
                values = &with_run_on;
            }
            // A row with no value at all (empty cells, or column names such as `商业企业` where
            // values would stand) is a header or a group label, wherever it comes (a converter
            // repeats the header where it split a table), unless a numbered label says it is a
            // data row.
            let all_empty = values.iter().all(|cell| cell.is_empty());
            let numbered = labels
                .iter()
                .any(|label| parse_marker(&text[label.clone()]).is_some());
            if !numbered
                && values.iter().all(|cell| {
                    let cell = &text[cell.clone()];
                    cell.is_empty() || (is_column_name(cell) && !looks_like_value(cell))
                })
            {
                // All its cells: where a header cell is merged over several columns, the cells
                // after it come out empty, and the names before them were read as labels
                // (`自然人 | 法人或其他组织 | | | | | 总计`).
                headers.push(cells.to_vec());
                continue;
            }
            if values.len() != width {
                // A row of a different table shape (a merged header, a note): not a value row.
                // But values without labels, or a numbered row with a number in it and a cell
                // too few or too many, are a row that cannot be read: its table cannot be checked.
                let has_number = values
                    .iter()
                    .any(|cell| matches!(parse_value(&text[cell.clone()]), Value::Number(_)));
                if (!all_empty && labels.is_empty()) || (numbered && has_number) {
                    unreadable = true;
                }
                continue;
            }
            let row_labels = if labels.is_empty() {
                &pending_labels
            } else {
                &labels
            };
            rows.push(paths.row(text, row_labels, read_values(values)));
            pending_labels.clear();
        } else {
            let cell = cells.first()?.clone();
            if cell.is_empty() {
                // A bare `|` between cells put one per line.
                continue;
            }
            if looks_like_value(&text[cell.clone()]) {
                fused_row = false;
                pending_values.push(cell);
                if pending_values.len() == width {
                    rows.push(paths.row(text, &pending_labels, read_values(&pending_values)));
                    pending_labels.clear();
                    pending_values.clear();
                }
            } else {
                if !pending_values.is_empty() {
                    unreadable = true;
                    pending_values.clear();
                }
                // A label followed by another label, with as many digits run onto it as the
                // table has columns, is a row whose values lost their cell boundaries.
                if fused_row {
                    unreadable = true;
                }
                fused_row = has_fused_digits(&text[cell.clone()], width);
                if rows.is_empty() {
                    if leading_words.is_empty() {
                        leading_at = headers.len();
                    }
                    leading_words.push(cell.clone());
                }
                // Labels before the first marked label are column headers, not row labels.
                if parse_marker(&text[cell.clone()]).is_some() {
                    pending_labels.retain(|label| parse_marker(&text[label.clone()]).is_some());
                }
                pending_labels.push(cell);
            }
        }
    }
    if pending_values.iter().any(|cell| !cell.is_empty()) || fused_row {
        unreadable = true;
    }
    if !leading_words.is_empty() {
        headers.insert(leading_at, leading_words);
    }
    Some(Table {
        lines: start..end,
        anchor: anchor_range,
        rows,
        unreadable: unreadable.then_some(Unreadable::Cells),
        headers,
    })
}

/// The cells of a one-cell line that is a label followed by exactly `width` values (at least
/// two) with single spaces between them (`规章0 0 0`, `行政许可 12 -3 9`): the label's range,
/// then each value's. The first value may be run onto the label's last Han character, as
/// normalisation drops a space next to Chinese text. `None` for anything else, so that a line of
/// prose, which has words between its numbers or fewer numbers than the table has columns, is
/// never a row: the label needs two Han characters and no full stop, and every token after it
/// must be a value.
fn spaced_row(text: &str, cell: Range<usize>, width: usize) -> Option<Vec<Range<usize>>> {
    let words = &text[cell.clone()];
    if width < 2 || !words.contains(' ') || FULL_STOP.find(words.as_bytes()).is_some() {
        return None;
    }
    // Tokens between single spaces, as ranges of `text`.
    let mut tokens: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    for (index, _) in words
        .match_indices(' ')
        .chain(std::iter::once((words.len(), "")))
    {
        if index > start {
            tokens.push(cell.start + start..cell.start + index);
        }
        start = index + 1;
    }
    let values = tokens
        .iter()
        .rev()
        .take_while(|token| looks_like_value(&text[(*token).clone()]))
        .count();
    let label_tokens = tokens.len().checked_sub(values)?;
    let last_label = tokens.get(label_tokens.checked_sub(1)?)?.clone();
    let label = cell.start..last_label.end;
    let mut split = Vec::with_capacity(width + 1);
    if values == width {
        split.push(label);
    } else if values + 1 == width {
        // The first value run onto the label (`规章0`), or onto the closing quote a label ends
        // with (`3.危及“三安全一稳定”0`), which normalisation treats as Chinese text too.
        let label_words = &text[label.clone()];
        let words = label_words.trim_end_matches(|c: char| c.is_ascii_digit());
        let ends_in_words = words
            .chars()
            .next_back()
            .is_some_and(|c| is_han(c) || matches!(c, '”' | '’' | '」' | '』' | '》'));
        if words.len() == label_words.len() || !ends_in_words {
            return None;
        }
        let at = label.start + words.len();
        split.push(label.start..at);
        split.push(at..label.end);
    } else {
        return None;
    }
    let label_words = &text[split[0].clone()];
    if label_words.chars().filter(|&c| is_han(c)).count() < 2
        || label_words.ends_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    split.extend(tokens[label_tokens..].iter().cloned());
    Some(split)
}

/// Whether a label ends in at least `width` digits run onto its words (`行政规范性文件120118`,
/// `一、本年新收政府信息公开申请数量2030000023`): the cell boundaries between a label and its
/// values may have been lost, so which digit is which cell cannot be known.
fn has_fused_digits(label: &str, width: usize) -> bool {
    let words = label.trim_end_matches(|c: char| c.is_ascii_digit());
    label.len() - words.len() >= width
        && words.chars().next_back().is_some_and(is_han)
        && words.chars().filter(|&c| is_han(c)).count() >= MIN_FUSED_WORDS
}

/// If the label cell `label` ends in digits run onto its words (`2.其他法律行政法规禁止公开0`):
/// the words' range and the digits' range, else `None`. The words need a marker or at least
/// [`MIN_FUSED_WORDS`] Han characters, so that a short name with a number (`附表1`) stays whole.
fn run_on_value(text: &str, label: Range<usize>) -> Option<(Range<usize>, Range<usize>)> {
    let cell = &text[label.clone()];
    let words = cell.trim_end_matches(|c: char| c.is_ascii_digit());
    let han = words.chars().filter(|&c| is_han(c)).count();
    let named = han >= MIN_FUSED_WORDS || (han >= 2 && parse_marker(words).is_some());
    (words.len() < cell.len() && words.chars().next_back().is_some_and(is_han) && named).then(
        || {
            let split = label.start + words.len();
            (label.start..split, split..label.end)
        },
    )
}

/// Han characters a label needs before its digits for them to be taken as run-on values rather
/// than part of a short name (`附表1`).
const MIN_FUSED_WORDS: usize = 3;

/// The lines of `document` that may hold a table with its rows run together (text copied from a
/// page with no line breaks): one holding most of the report, or a line too long to be a table's
/// and without a full stop, with digits run onto a label in it. Computed once per document, and
/// only when a table is not found on lines of its own: a report with line breaks has none, and
/// its prose is not searched. `table_lines` is [`table_lines`] of the document.
pub fn flattened_lines(document: &Document, text: &str, table_lines: &[bool]) -> Vec<usize> {
    let most = document.range.len() / 2;
    (0..document.lines.len())
        .filter(|&index| {
            let line = &document.lines[index];
            let bytes = &text.as_bytes()[line.range.clone()];
            line.kind.is_report_text()
                && (bytes.len() >= MIN_FLATTENED_BYTES.max(most)
                    || (bytes.len() > 2 * MAX_CELL_CHARS
                        && !table_lines.get(index).copied().unwrap_or(false)
                        && FULL_STOP.find(bytes).is_none()))
                && has_fused_run(&text[line.range.clone()], 1)
        })
        .collect()
}

/// A table whose anchor is on one of `flattened` ([`flattened_lines`]), followed by a run of
/// digits as long as a row of `width` values: the table is there, but its cells cannot be told
/// apart, so it is unreadable. `None` if the anchor is on none of them.
pub fn read_flattened_table(
    document: &Document,
    text: &str,
    flattened: &[usize],
    anchor: &Regex,
    width: usize,
) -> Option<Table> {
    flattened.iter().find_map(|&index| {
        let line = document.lines[index].range.clone();
        let found = anchor.find(&text[line.clone()])?;
        let rest = &text[line.start + found.end()..line.end];
        has_fused_run(rest, width).then(|| Table {
            lines: index..index + 1,
            anchor: line.start + found.start()..line.start + found.end(),
            rows: Vec::new(),
            unreadable: Some(Unreadable::Cells),
            headers: Vec::new(),
        })
    })
}

/// The shortest line (in bytes) with full stops that may hold a table with its rows run
/// together: table 三's labels and values alone are some 400 characters.
const MIN_FLATTENED_BYTES: usize = 1200;

/// Whether `text` holds a run of at least `width` digits (a row's values run together; an amount
/// with decimals counts as its digits) after a Han character, before another or at the end, that
/// is not a count or a date (`件120118规`, `处罚87行`, `收费78.83三`; not `申请1021件` or `2021年`).
fn has_fused_run(text: &str, width: usize) -> bool {
    // Digits are rare in Chinese text: go from run to run of them, bytes at a time.
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(offset) = bytes[at..].iter().position(u8::is_ascii_digit) {
        let start = at + offset;
        let digits_end = |from: usize| {
            bytes[from..]
                .iter()
                .position(|byte| !byte.is_ascii_digit())
                .map_or(bytes.len(), |length| from + length)
        };
        let mut end = digits_end(start);
        // An amount in 万元 run onto its label (`行政事业性收费78.83三、…`) is one value too.
        if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
            end = digits_end(end + 1);
        }
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        if end - start >= width
            && before.is_some_and(is_han)
            && after.is_none_or(|c| is_han(c) && !is_unit(c))
        {
            return true;
        }
        at = end;
    }
    false
}

/// Measure words and date units: digits followed by one of these are a count or a date.
fn is_unit(ch: char) -> bool {
    "件条个项次人家份页起名元万亿千百余多户台张本篇期批场所座辆天年月日号时分秒岁位宗例类部倍届处间套吨米亩笔单"
        .contains(ch)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{recognize, StructureOptions};

    fn table(text: &str, anchor: &str, width: usize) -> Table {
        let documents = recognize(text, StructureOptions::default());
        let anchor = Regex::new(anchor).expect("valid");
        read_table(&documents[0], text, &anchor, width).expect("table found")
    }

    #[test]
    fn a_label_holding_its_groups_label_is_split_at_the_deeper_marker() {
        fn split(label: &str) -> Vec<&str> {
            let whole = 0..label.len();
            nested_labels(label, std::slice::from_ref(&whole))
                .into_iter()
                .map(|range| &label[range])
                .collect()
        }
        assert_eq!(
            split("三、本年度办理结果(一)予以公开"),
            ["三、本年度办理结果", "(一)予以公开"]
        );
        assert_eq!(
            split("(三)不予公开1.属于国家秘密"),
            ["(三)不予公开", "1.属于国家秘密"]
        );
        assert_eq!(
            split("三、本年度办理结果(三)不予公开1.属于国家秘密"),
            ["三、本年度办理结果", "(三)不予公开", "1.属于国家秘密"]
        );
        for whole in [
            "(二)部分公开(区分处理的,只计这一情形,不计其他情形)",
            "一、本年新收政府信息公开申请数量",
            "2.其他法律行政法规禁止公开",
            "第二十条第(一)项",
            "(一)予以公开(二)部分公开",
        ] {
            assert_eq!(split(whole), [whole]);
        }
    }

    #[test]
    fn values() {
        assert_eq!(parse_value("1,021"), Value::Number(1021));
        assert_eq!(parse_value("-8"), Value::Number(-8));
        assert_eq!(parse_value(" / "), Value::Blank);
        assert_eq!(parse_value(""), Value::Blank);
        assert_eq!(parse_value("1.5"), Value::Bad);
        assert_eq!(parse_value("十七"), Value::Bad);
    }

    #[test]
    fn a_page_break_in_a_table_does_not_end_it() {
        // A page number, and the next page's running header repeating the title.
        for page_break in ["- 4 -\n", "- 4 -\n某局2020年政府信息公开工作年度报告\n"]
        {
            let text = format!("某局2020年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n申请人情况 | 自然人 | 总计\n一、本年新收 | 3 | 3 |\n{page_break}二、上年结转 | 1 | 1 |\n");
            let table = table(&text, "申请人情况", 2);
            assert!(table.unreadable.is_none());
            let paths: Vec<&str> = table.rows.iter().map(Row::path_text).collect();
            assert_eq!(paths, vec!["一、本年新收", "二、上年结转"], "{page_break}");
        }
    }

    #[test]
    fn pipe_rows_with_nested_labels() {
        let text = "某局2020年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n申请人情况 | 自然人 | 总计\n一、本年新收 | 3 | 3 |\n三、本年度办理结果 | (一)予以公开 | 2 | 2\n(三)不予公开 | 1.属于国家秘密 | 1 | 1\n2.其他 | | 0\n四、结转下年度继续办理 | 0 | 0 ||\n";
        let table = table(text, "申请人情况", 2);
        assert!(table.unreadable.is_none());
        let paths: Vec<&str> = table.rows.iter().map(Row::path_text).collect();
        assert_eq!(
            paths,
            vec![
                "一、本年新收",
                "三、本年度办理结果/(一)予以公开",
                "三、本年度办理结果/(三)不予公开/1.属于国家秘密",
                "三、本年度办理结果/(三)不予公开/2.其他",
                "四、结转下年度继续办理",
            ]
        );
        assert_eq!(table.rows[3].values[0].value, Value::Blank);
        assert_eq!(&text[table.rows[2].values[1].range.clone()], "1");
    }

    #[test]
    fn one_cell_per_line() {
        let text = "某局2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n申请人情况\n自然人\n总计\n一、本年新收政府信息公开申请数量\n5\n5\n三、本年度办理结果\n(一)予以公开\n4\n4\n四、结转下年度继续办理\n1\n1\n";
        let table = table(text, "申请人情况", 2);
        assert!(table.unreadable.is_none());
        let paths: Vec<&str> = table.rows.iter().map(Row::path_text).collect();
        assert_eq!(
            paths,
            vec![
                "一、本年新收政府信息公开申请数量",
                "三、本年度办理结果/(一)予以公开",
                "四、结转下年度继续办理"
            ]
        );
    }

    #[test]
    fn cells_out_of_order_are_unreadable() {
        let text =
            "某局2021年政府信息公开工作年度报告\n申请人情况\n一、本年新收\n5\n二、上年结转\n1\n1\n";
        assert_eq!(
            table(text, "申请人情况", 2).unreadable,
            Some(Unreadable::Cells)
        );
    }

    #[test]
    fn values_separated_by_single_spaces() {
        let text =
            "某局2021年政府信息公开工作年度报告\n结果维持结果纠正其他结果尚未审结总计\n1 0 0 0 2\n";
        let table = table(text, "结果维持", 5);
        assert!(table.unreadable.is_none());
        let values: Vec<&Value> = table.rows[0]
            .values
            .iter()
            .map(|cell| &cell.value)
            .collect();
        assert_eq!(values[4], &Value::Number(2));
        assert_eq!(&text[table.rows[0].values[4].range.clone()], "2");
    }

    #[test]
    fn labels_with_values_after_single_spaces() {
        let split = |line: &str, width: usize| {
            spaced_row(line, 0..line.len(), width).map(|cells| {
                cells
                    .into_iter()
                    .map(|cell| line[cell].to_string())
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(
            split("规章0 0 0", 3),
            Some(vec!["规章".into(), "0".into(), "0".into(), "0".into()])
        );
        assert_eq!(
            split("行政许可 12 -3 9", 3),
            Some(vec![
                "行政许可".into(),
                "12".into(),
                "-3".into(),
                "9".into()
            ])
        );
        // One value per row: no space to tell the value from a name's digits (`附表1`).
        assert_eq!(split("行政许可5", 1), None);
        // A value short, or one too many; words between the numbers; a full stop.
        assert_eq!(split("规章0 0", 3), None);
        assert_eq!(split("规章0 0 0 0", 3), None);
        assert_eq!(split("全年公开3 条 5", 2), None);
        assert_eq!(split("共收到申请3 5。", 2), None);
        // A date or a number ending the label is not a label.
        assert_eq!(split("截至2019 12 31", 2), None);
        assert_eq!(
            split("附表 1 2", 2),
            Some(vec!["附表".into(), "1".into(), "2".into()])
        );
    }

    #[test]
    fn digits_run_onto_labels() {
        assert!(has_fused_run("规章000行政规范性文件120118", 3));
        assert!(has_fused_run("行政处罚87行政强制2", 1));
        assert!(!has_fused_run("行政处罚87行政强制2", 3));
        assert!(!has_fused_run("全年共收到申请1021件,2021年", 1));
        assert!(!has_fused_run("12345", 1));
    }

    /// Table 三's header names: its seven columns, 申请人情况 over all, 法人或其他组织 over five.
    fn table_three_names() -> HeaderNames {
        let columns = [
            "自然人",
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
            "总计",
        ];
        let groups = [("申请人情况", 0..7), ("法人或其他组织", 1..6)];
        HeaderNames::new(
            7,
            columns
                .iter()
                .enumerate()
                .map(|(index, name)| (name.to_string(), index..index + 1))
                .chain(groups.map(|(name, span)| (name.to_string(), span))),
        )
    }

    /// Table 四's header names: five outcomes under each of three groups, two of them under 行政诉讼.
    fn table_four_names() -> HeaderNames {
        let outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
        let groups = [
            ("行政复议", 0..5),
            ("行政诉讼", 5..15),
            ("未经复议直接起诉", 5..10),
            ("复议后起诉", 10..15),
        ];
        HeaderNames::new(
            15,
            (0..15)
                .map(|index| (outcomes[index % 5].to_string(), index..index + 1))
                .chain(groups.map(|(name, span)| (name.to_string(), span))),
        )
    }

    /// Whether table 三 under `header` (its lines) reads with its columns matched.
    fn table_three_readable(header: &str) -> bool {
        let text = format!("某局2021年政府信息公开工作年度报告\n(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 |\n{header}\n一、本年新收政府信息公开申请数量 | 4 | 1 | 0 | 0 | 0 | 0 | 5\n");
        let mut table = table(&text, "本列数据的勾稽关系", 7);
        assert!(table.unreadable.is_none(), "{header}: rows read");
        assert!(!table.headers.is_empty(), "{header}: headers read");
        table.match_columns(&text, &table_three_names());
        table.unreadable.is_none()
    }

    /// Whether table 四 under `header` (its lines) reads with its columns matched.
    fn table_four_readable(header: &str) -> bool {
        let text = format!("某局2021年政府信息公开工作年度报告\n{header}\n1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n");
        let mut table = table(&text, "^行政复议|^结果维持", 15);
        assert!(table.unreadable.is_none(), "{header}: rows read");
        table.match_columns(&text, &table_four_names());
        table.unreadable.is_none()
    }

    #[test]
    fn column_bits_of_spans() {
        assert_eq!(column_bits(&(0..1)), 0b1);
        assert_eq!(column_bits(&(1..6)), 0b11_1110);
        assert_eq!(column_bits(&(127..128)), 1 << 127);
        // Columns past the 128th are not tracked.
        assert_eq!(column_bits(&(127..200)), 1 << 127);
        assert_eq!(column_bits(&(130..140)), 0);
    }

    #[test]
    fn header_rows_of_merged_cells_name_columns_and_groups_in_order() {
        // As Word and web pages give it: a group over its columns in the row below.
        assert!(table_three_readable(
            "自然人 | 法人或其他组织 | 总计\n商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他"
        ));
        // One header row naming every column.
        assert!(table_three_readable(
            "自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计"
        ));
        // Two columns swapped in the lower row, or the group and a column in the upper row.
        assert!(!table_three_readable(
            "自然人 | 法人或其他组织 | 总计\n科研机构 | 商业企业 | 社会公益组织 | 法律服务机构 | 其他"
        ));
        assert!(!table_three_readable(
            "法人或其他组织 | 自然人 | 总计\n商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他"
        ));
        // A column named twice overlaps itself.
        assert!(!table_three_readable("自然人 | 自然人 | 总计"));
    }

    #[test]
    fn header_words_are_compared_without_whitespace() {
        // Split by a PDF reader (`商 业 企 业`) or over two paragraphs of a cell.
        assert!(table_three_readable(
            "自 然 人 | 法人或其 他组织 | 总 计\n商 业 企 业 | 科 研 机 构 | 社会公益组织 | 法律服务机构 | 其 他"
        ));
        assert!(!table_three_readable(
            "自 然 人 | 法人或其 他组织 | 总 计\n科 研 机 构 | 商 业 企 业 | 社会公益组织 | 法律服务机构 | 其 他"
        ));
        // A name broken into two cells, neither of which names anything (`商业` ⏎ `企业`, a
        // page's cell with a line break, copied one line per cell), is the name.
        assert!(table_three_readable(
            "自然人 | 法人或其他组织 | 总计\n商业 | 企业 | 科研 | 机构 | 社会公益组织 | 法律服务机构 | 其他"
        ));
        assert!(!table_three_readable(
            "自然人 | 法人或其他组织 | 总计\n科研 | 机构 | 商业 | 企业 | 社会公益组织 | 法律服务机构 | 其他"
        ));
        // Words that name nothing (the corner note, a unit) are passed over.
        assert!(table_three_readable(
            "单位:件 | 自然人 | 法人或其他组织 | 总计 | 备注"
        ));
    }

    #[test]
    fn header_names_read_as_a_rows_labels_are_checked_too() {
        // Markdown writes a merged cell's other columns as empty cells: the names before them
        // are read as the row's labels, and are header cells all the same.
        assert!(table_three_readable(
            "| | | | 自然人 | 法人或其他组织 | | | | | 总计 |\n| | | | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |"
        ));
        assert!(!table_three_readable(
            "| | | | 法人或其他组织 | | | | | 自然人 | 总计 |\n| | | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | | |"
        ));
    }

    #[test]
    fn one_cell_per_line_headers_are_one_header_row() {
        // A web page copied as text: each header cell on its own line, row after row.
        let readable = |header: &str| {
            let text = format!("某局2021年政府信息公开工作年度报告\n申请人情况\n{header}\n一、本年新收政府信息公开申请数量\n4\n1\n0\n0\n0\n0\n5\n");
            let mut table = table(&text, "申请人情况", 7);
            assert!(table.unreadable.is_none(), "{header}: rows read");
            table.match_columns(&text, &table_three_names());
            table.unreadable.is_none()
        };
        assert!(readable(
            "自然人\n法人或其他组织\n总计\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他"
        ));
        assert!(!readable(
            "自然人\n法人或其他组织\n总计\n科研机构\n商业企业\n社会公益组织\n法律服务机构\n其他"
        ));
        // Table 四, whose header words are the only labels of its one row.
        let four = |header: &str| {
            let values = [
                "1", "0", "0", "0", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0",
            ];
            let text = format!(
                "某局2021年政府信息公开工作年度报告\n{header}\n{}\n",
                values.join("\n")
            );
            let mut table = table(&text, "^结果维持", 15);
            assert!(table.unreadable.is_none(), "{header}: rows read");
            table.match_columns(&text, &table_four_names());
            table.unreadable.is_none()
        };
        let outcomes = "结果维持\n结果纠正\n其他结果\n尚未审结\n总计";
        assert!(four(&format!(
            "{outcomes}\n未经复议直接起诉\n复议后起诉\n{outcomes}\n{outcomes}"
        )));
        assert!(!four(&format!(
            "{outcomes}\n复议后起诉\n未经复议直接起诉\n{outcomes}\n{outcomes}"
        )));
    }

    #[test]
    fn header_rows_read_as_one_start_again_under_a_group() {
        // The lower row read onto the end of the upper one (text aligned by spaces).
        assert!(table_three_readable(
            "自然人 | 法人或其他组织 | 总计 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他"
        ));
        assert!(table_four_readable(
            "行政复议 | 行政诉讼 | 未经复议直接起诉 | 复议后起诉 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计"
        ));
        // A row below starts only under a group whose columns are not named yet: here 复议后起诉's
        // outcomes follow on from 未经复议直接起诉's, so they cannot start again under it.
        let outcomes = "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计";
        let lawsuits = "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果纠正 | 结果维持 | 其他结果 | 尚未审结 | 总计";
        assert!(table_four_readable(&format!(
            "{outcomes} | 未经复议直接起诉 | 复议后起诉 | {outcomes} | {outcomes}"
        )));
        assert!(!table_four_readable(&format!(
            "{outcomes} | 未经复议直接起诉 | 复议后起诉 | {lawsuits}"
        )));
        // Starting again anywhere but at a group's first column is not a row below.
        assert!(!table_three_readable(
            "自然人 | 法人或其他组织 | 总计 | 科研机构 | 商业企业 | 社会公益组织 | 法律服务机构 | 其他"
        ));
        // A group after its own columns.
        assert!(!table_three_readable(
            "自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 法人或其他组织 | 总计"
        ));
    }

    #[test]
    fn a_name_standing_for_several_columns_is_the_next_one_not_yet_named() {
        // Word's table 四: 行政复议's outcomes beside the lawsuits' groups, whose outcomes are the
        // row below; each 结果维持 is the next one no row above named.
        let word = "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉\n结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计";
        assert!(table_four_readable(word));
        assert!(!table_four_readable(&word.replacen(
            "总计 | 结果维持 | 结果纠正",
            "总计 | 结果纠正 | 结果维持",
            1
        )));
        // The lawsuits' groups swapped; the last group's outcomes swapped in the lower row.
        assert!(!table_four_readable(&word.replace(
            "未经复议直接起诉 | 复议后起诉",
            "复议后起诉 | 未经复议直接起诉"
        )));
        let last_swapped = format!(
            "{}结果纠正 | 结果维持 | 其他结果 | 尚未审结 | 总计",
            word.strip_suffix("结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计")
                .unwrap_or_default()
        );
        assert_ne!(last_swapped, word);
        assert!(!table_four_readable(&last_swapped));
        // Fifteen outcomes on one row.
        let outcomes = "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计";
        assert!(table_four_readable(&format!(
            "{outcomes} | {outcomes} | {outcomes}"
        )));
        assert!(!table_four_readable(&format!(
            "{outcomes} | 结果纠正 | 结果维持 | 其他结果 | 尚未审结 | 总计 | {outcomes}"
        )));
    }

    #[test]
    fn aligned_columns() {
        let text = "某局2021年政府信息公开工作年度报告\n申请人情况    自然人    总计\n一、本年新收    3    3\n四、结转下年度继续办理\t0\t0\n";
        let table = table(text, "申请人情况", 2);
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[0].values[1].value, Value::Number(3));
    }
}

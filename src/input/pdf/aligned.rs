//! Tables printed without ruling lines: grids from how the text lines up.
//!
//! Without rules nothing on the page says where a cell ends, so the columns are taken from the
//! alignment that all the rows share: a row of values (a line whose runs include numbers) anchors
//! the table; value columns are where its numbers line up from row to row, label columns where
//! its labels do, each by the edge the cells' text is set to (left, right or centre: whichever
//! the pieces agree on best). A line with no value whose pieces all stand at a label column is
//! the rest of a wrapped label (`4.无正当理由大量反复` / `申请`) and is joined to the cell above
//! it; a label cell in a value row that has no row marker of its own while a label stands to its
//! right continues the label merged down the rows above (`三、本` / `年度办` / `理结果`). Header lines (no values, above
//! or between rows of values) are read column by column, so header text stacked one character
//! per line (`结` / `果` / `维` / `持`) is one cell, and text spanning several columns is a cell of
//! its own. Whatever cannot be placed in a column makes the region stay plain lines: a grid that
//! is not trusted is never written.

use super::content::Glyph;
use super::grid::GridCell;
use super::lines::{bands, Band};
use super::{is_value, starts_with_marker};

/// A gap (in font sizes) that separates two pieces of a line into different cells.
const CELL_GAP: f32 = 0.9;
/// The widest gap (points) that still keeps two pieces in one cell: the padding on both sides of
/// a cell border (0.19 cm each, Word's and WPS's default) is 10.8 points, which in the 16-point
/// type many offices set their tables in is less than [`CELL_GAP`] font sizes.
const MAX_CELL_GAP: f32 = 10.0;
/// How far (points) edges may stray and still line up.
const ALIGN: f32 = 2.5;
/// The most lines without values between two rows of values in one table (a wrapped label).
const MAX_GAP_LINES: usize = 24;
/// The share of a table's width beyond which a line of one piece is prose, not a cell.
const PROSE_WIDTH: f32 = 0.6;
/// How much larger than the table's type a line may be and still belong to it.
const SIZE_SLACK: f32 = 1.1;

/// A table found from alignment among a page's lines.
pub struct AlignedTable {
    /// The first and last line (indices into the page's lines) the table takes.
    pub lines: (usize, usize),
    /// The columns' anchors (label columns' left edges, then value columns' right edges or
    /// centres), left to right.
    pub columns: Vec<f32>,
    pub rows: Vec<Vec<GridCell>>,
}

/// A piece of a line printed without a cell gap inside it.
#[derive(Debug, Clone)]
struct Run {
    text: String,
    left: f32,
    right: f32,
    value: bool,
}

fn runs_of(line: &[Glyph]) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut start = 0;
    for index in 1..=line.len() {
        let split = index == line.len() || {
            let (before, after) = (&line[index - 1], &line[index]);
            after.left - before.right > (CELL_GAP * before.size.max(after.size)).min(MAX_CELL_GAP)
        };
        if split && start < index {
            let piece = &line[start..index];
            let mut text = String::new();
            super::lines::line_text(piece, &mut text);
            runs.push(Run {
                value: is_value(&text),
                left: piece[0].left,
                right: piece[piece.len() - 1].right,
                text,
            });
            start = index;
        }
    }
    runs
}

fn baseline(line: &[Glyph]) -> f32 {
    line.first().map_or(0.0, |glyph| glyph.baseline)
}

fn size(line: &[Glyph]) -> f32 {
    line.iter().map(|glyph| glyph.size).fold(0.0, f32::max)
}

/// The edge of its cell a column's text keeps to: left, right, or neither (centred).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Edge {
    Left,
    Centre,
    Right,
}

impl Edge {
    /// Where a piece of text is by this edge.
    fn of(self, run: &Run) -> f32 {
        match self {
            Edge::Left => run.left,
            Edge::Centre => (run.left + run.right) / 2.0,
            Edge::Right => run.right,
        }
    }
}

/// The edge pieces of text line up by: the one whose positions fall into the fewest bands (a
/// column's pieces share their edge whatever their width; by any other edge pieces of different
/// widths fall apart), then whose bands are narrowest (in a narrow column whose text fills each
/// line, left and right edges both fall into one band a column, but only the edge the text is
/// set to is exact), then the first of `edges`; with the bands by that edge.
fn alignment(runs: &[&Run], edges: &[Edge]) -> (Edge, Vec<Band>) {
    let mut best: Option<(Edge, Vec<Band>, f32)> = None;
    for &edge in edges {
        let found = anchors(runs, edge);
        let spread: f32 = found.iter().map(Band::width).sum();
        // Narrower by more than rounding: a tie otherwise.
        let better = best.as_ref().is_none_or(|(_, best, best_spread)| {
            found.len() < best.len() || (found.len() == best.len() && spread < best_spread - 0.1)
        });
        if better {
            best = Some((edge, found, spread));
        }
    }
    best.map_or((Edge::Left, Vec::new()), |(edge, found, _)| (edge, found))
}

/// Where pieces of text line up by an edge: the bands of their positions.
fn anchors(runs: &[&Run], edge: Edge) -> Vec<Band> {
    bands(runs.iter().map(|run| edge.of(run)).collect(), ALIGN)
}

fn nearest(anchors: &[f32], x: f32) -> Option<usize> {
    anchors
        .iter()
        .position(|anchor| (anchor - x).abs() <= ALIGN)
}

/// Whether a piece of text starts like a section heading (`三、`).
fn is_heading(text: &str) -> bool {
    let mut chars = text.chars();
    chars
        .next()
        .is_some_and(|c| "一二三四五六七八九十".contains(c))
        && chars
            .find(|c| !"一二三四五六七八九十".contains(*c))
            .is_some_and(|c| c == '、')
}

/// The tables printed without rules among a page's lines (top to bottom), in order.
pub fn tables(lines: &[Vec<Glyph>]) -> Vec<AlignedTable> {
    let runs: Vec<Vec<Run>> = lines.iter().map(|line| runs_of(line)).collect();
    let value_line = |index: usize| {
        runs[index].len() >= 2 && runs[index].iter().any(|run| run.value)
            || runs[index].iter().filter(|run| run.value).count() >= 3
    };
    let mut found = Vec::new();
    let mut index = 0;
    let mut taken = 0;
    while index < lines.len() {
        if !value_line(index) {
            index += 1;
            continue;
        }
        let type_size = size(&lines[index]);
        let width = lines[index]
            .last()
            .zip(lines[index].first())
            .map_or(0.0, |(last, first)| last.right - first.left);
        // A sentence, a heading or a line as wide as most of the table is the text around it.
        let prose = |line: usize| match runs[line].as_slice() {
            [run] => {
                run.text.ends_with('。')
                    || is_heading(&run.text)
                    || run.right - run.left > PROSE_WIDTH * width
            }
            _ => false,
        };
        let fits = |line: usize, below: usize| {
            size(&lines[line]) <= type_size * SIZE_SLACK
                && (baseline(&lines[line]) - baseline(&lines[below])).abs() <= 3.0 * type_size
                && (value_line(line) || !prose(line))
        };
        // Header lines above the first row of values.
        let mut start = index;
        while start > taken && fits(start - 1, start) && !value_line(start - 1) {
            start -= 1;
        }
        // Rows of values below, with what lies between them.
        let mut last_value = index;
        let mut next = index + 1;
        while next < lines.len() && next - last_value <= MAX_GAP_LINES && fits(next, next - 1) {
            if value_line(next) {
                last_value = next;
            }
            next += 1;
        }
        match read_region(&runs, start, last_value, &value_line, lines, type_size) {
            Some(table) => {
                index = table.lines.1 + 1;
                taken = index;
                found.push(table);
            }
            None => index = last_value + 1,
        }
    }
    found
}

/// Where each column's text may lie, for placing header text: a label column from where its
/// labels start to where the next column's start (the last to where its labels end); a value
/// column by the edge its values keep to.
fn spans(
    columns: &[f32],
    labels: usize,
    label_starts: &[f32],
    label_ends: &[f32],
    value_edge: Edge,
) -> Vec<(f32, f32)> {
    let mut spans: Vec<(f32, f32)> = Vec::with_capacity(columns.len());
    for (index, &anchor) in columns.iter().enumerate() {
        let start = spans.last().map_or(f32::MIN, |last| last.1);
        let next = columns.get(index + 1).copied();
        let end = if index + 1 < labels {
            label_starts[index + 1] - 1.0
        } else if index < labels {
            label_ends[index] + ALIGN
        } else {
            match (value_edge, next) {
                (Edge::Right, _) => anchor + ALIGN,
                // Centred values: the column ends halfway to the next one's centre.
                (Edge::Centre, Some(next)) => (anchor + next) / 2.0,
                (Edge::Left, Some(next)) => next - ALIGN,
                (Edge::Centre, None) => anchor + (anchor - start),
                (Edge::Left, None) => f32::MAX,
            }
        };
        spans.push((start, end.max(start)));
    }
    spans
}

fn append(cell: &mut String, text: &str) {
    if let (Some(last), Some(first)) = (cell.chars().last(), text.chars().next()) {
        if !super::lines::is_cjk(last) && !super::lines::is_cjk(first) {
            cell.push(' ');
        }
    }
    cell.push_str(text);
}

/// Reads lines `start..` with rows of values up to `last_value` as a grid, or `None` when the
/// lines do not line up into one.
fn read_region(
    runs: &[Vec<Run>],
    start: usize,
    last_value: usize,
    value_line: &dyn Fn(usize) -> bool,
    lines: &[Vec<Glyph>],
    type_size: f32,
) -> Option<AlignedTable> {
    let value_lines: Vec<usize> = (start..=last_value).filter(|&i| value_line(i)).collect();
    // Everything from the first value on a row of values sits in a value column.
    let mut value_runs: Vec<&Run> = Vec::new();
    let mut label_runs: Vec<&Run> = Vec::new();
    for &line in &value_lines {
        let first_value = runs[line].iter().position(|run| run.value)?;
        label_runs.extend(&runs[line][..first_value]);
        value_runs.extend(&runs[line][first_value..]);
    }
    // Numbers are set right-aligned, centred or, as a cell's text is by default, left-aligned.
    let (value_edge, value_bands) =
        alignment(&value_runs, &[Edge::Right, Edge::Centre, Edge::Left]);
    // Over several rows, a value column is one that several rows' values line up in.
    if value_lines.len() >= 2 && value_bands.iter().any(|band| band.count < 2) {
        return None;
    }
    let value_anchors: Vec<f32> = value_bands.into_iter().map(|band| band.at).collect();
    let first_value_edge = value_runs
        .iter()
        .map(|run| run.left)
        .fold(f32::MAX, f32::min);
    // Labels are set left-aligned, right-aligned or centred; a label merged across label
    // columns is then at an anchor of its own (centred), or shares the left or right edge of
    // the columns it spans. Which, the lines of labels wrapped below the rows' own say best: a
    // label's first line often fills its cell, its last seldom does.
    let mut label_evidence = label_runs.clone();
    let wrapped = (value_lines[0]..last_value)
        .filter(|&line| !value_line(line))
        .map(|line| &runs[line])
        .filter(|pieces| pieces.iter().all(|run| run.right < first_value_edge));
    for pieces in wrapped {
        label_evidence.extend(pieces);
    }
    let (label_edge, _) = alignment(&label_evidence, &[Edge::Left, Edge::Right, Edge::Centre]);
    let label_anchors: Vec<f32> = anchors(&label_runs, label_edge)
        .into_iter()
        .map(|band| band.at)
        .collect();
    if label_anchors.iter().any(|&x| x >= first_value_edge) {
        return None;
    }
    let labels = label_anchors.len();
    // A label column starts and ends where its labels do on the rows of values.
    let mut label_starts = vec![f32::MAX; labels];
    let mut label_ends = vec![f32::MIN; labels];
    for run in &label_runs {
        let column = nearest(&label_anchors, label_edge.of(run))?;
        label_starts[column] = label_starts[column].min(run.left);
        label_ends[column] = label_ends[column].max(run.right);
    }
    if label_edge == Edge::Left {
        label_starts.clone_from(&label_anchors);
    } else if let Some(last) = label_ends.last_mut() {
        // Anchors by centre or right edge are not in the order the columns' text ends in.
        *last = label_runs.iter().map(|run| run.right).fold(*last, f32::max);
    }
    let continuation = |line: usize| {
        !runs[line].is_empty()
            && runs[line].iter().all(|run| {
                !run.value
                    && nearest(&label_anchors, label_edge.of(run)).is_some()
                    && run.right < first_value_edge
            })
    };
    // The rest of a wrapped label after the last row of values belongs to the table too.
    let mut end = last_value;
    while end + 1 < lines.len()
        && size(&lines[end + 1]) <= type_size * SIZE_SLACK
        && (baseline(&lines[end]) - baseline(&lines[end + 1])).abs() <= 3.0 * type_size
        && continuation(end + 1)
    {
        end += 1;
    }
    let columns: Vec<f32> = label_anchors
        .iter()
        .chain(&value_anchors)
        .copied()
        .collect();
    let spans = spans(&columns, labels, &label_starts, &label_ends, value_edge);

    let mut rows: Vec<Vec<GridCell>> = Vec::new();
    // For each column, the cell (row, position in row) its latest text went into.
    let mut open: Vec<Option<(usize, usize)>> = vec![None; columns.len()];
    let mut header: Vec<usize> = Vec::new();
    let mut after_values = false;
    let cell = |text: String, first: usize, last: usize| GridCell {
        text,
        first_column: first,
        last_column: last,
        reaches_bottom: false,
    };
    for line in start..=end {
        if value_line(line) {
            flush_header(&header, runs, &spans, &mut rows);
            header.clear();
            open.iter_mut().for_each(|slot| *slot = None);
            let mut row: Vec<GridCell> = Vec::new();
            let row_index = rows.len();
            let first_value = runs[line].iter().position(|run| run.value)?;
            let (label_part, value_part) = runs[line].split_at(first_value);
            let mut placed: Vec<(usize, &Run)> = Vec::with_capacity(label_part.len());
            for run in label_part {
                placed.push((nearest(&label_anchors, label_edge.of(run))?, run));
            }
            for (position, &(column, run)) in placed.iter().enumerate() {
                let inner = position + 1 < placed.len();
                // A marker-less label with the row's own label to its right continues the
                // label merged down from the rows above, which has labels to its right too (a
                // label of its own row has values right after it).
                if inner && !starts_with_marker(&run.text) {
                    if let Some((at_row, at)) = last_cell(&rows, column)
                        .filter(|&(at_row, at)| has_label_after(&rows[at_row], at))
                    {
                        append(&mut rows[at_row][at].text, &run.text);
                        open[column] = Some((at_row, at));
                        continue;
                    }
                }
                open[column] = Some((row_index, row.len()));
                row.push(cell(run.text.clone(), column, column));
            }
            let mut values: Vec<Option<&Run>> = vec![None; value_anchors.len()];
            for run in value_part {
                let column = nearest(&value_anchors, value_edge.of(run))?;
                if values[column].replace(run).is_some() {
                    return None;
                }
            }
            // A value column left empty on a row is a cell merged with its neighbour (表二's
            // one value under three headers) or a blank: which, the page does not say, so only
            // the values printed are written, and a row short of values reads as such.
            for (offset, value) in values.into_iter().enumerate() {
                if let Some(run) = value {
                    row.push(cell(run.text.clone(), labels + offset, labels + offset));
                }
            }
            rows.push(row);
            after_values = true;
        } else if after_values && continuation(line) {
            for run in &runs[line] {
                let column = nearest(&label_anchors, label_edge.of(run))?;
                match open[column] {
                    Some((at_row, at)) => append(&mut rows[at_row][at].text, &run.text),
                    None => {
                        let row_index = rows.len() - 1;
                        let row = &mut rows[row_index];
                        let at = row.partition_point(|cell| cell.first_column < column);
                        row.insert(at, cell(run.text.clone(), column, column));
                        // Positions after the insertion move by one.
                        for slot in open.iter_mut().flatten() {
                            if slot.0 == row_index && slot.1 >= at {
                                slot.1 += 1;
                            }
                        }
                        open[column] = Some((row_index, at));
                    }
                }
            }
        } else {
            header.push(line);
        }
    }
    // A table is a grid of several rows of values in several columns, or one row of many
    // values under its header.
    // (Lines of one number each, such as a phone and a fax number, are no table.)
    let trusted = value_anchors.len() >= 2
        && (value_lines.len() >= 2 || (value_anchors.len() >= 3 && start < value_lines[0]));
    if !trusted {
        return None;
    }
    for (at_row, at) in open.into_iter().flatten() {
        rows[at_row][at].reaches_bottom = true;
    }
    Some(AlignedTable {
        lines: (start, end),
        columns,
        rows,
    })
}

/// Whether the cell at `at` in a row has a label (not a value) to its right.
fn has_label_after(row: &[GridCell], at: usize) -> bool {
    row.get(at + 1)
        .is_some_and(|next| !next.text.is_empty() && !is_value(&next.text))
}

/// The latest cell of a column among the rows read so far.
fn last_cell(rows: &[Vec<GridCell>], column: usize) -> Option<(usize, usize)> {
    rows.iter()
        .enumerate()
        .rev()
        .take(64)
        .find_map(|(index, row)| {
            row.iter()
                .position(|cell| cell.first_column == column && !cell.text.is_empty())
                .map(|at| (index, at))
        })
}

/// Header lines as rows: text spanning several columns (a group heading such as 申请人情况 or
/// 行政复议) as one row, its pieces stacked line by line; text within one column as the next
/// row, each column's lines joined (header text printed one character per line).
fn flush_header(
    header: &[usize],
    runs: &[Vec<Run>],
    spans: &[(f32, f32)],
    rows: &mut Vec<Vec<GridCell>>,
) {
    if header.is_empty() {
        return;
    }
    let column_of = |x: f32| {
        spans
            .iter()
            .position(|&(start, end)| start <= x && x <= end)
            .unwrap_or(if x < spans[0].0 { 0 } else { spans.len() - 1 })
    };
    let table_centre = (spans[0].1 + spans[spans.len() - 1].0) / 2.0;
    let mut gathered = Gathered {
        spanning: Vec::new(),
        within: vec![String::new(); spans.len()],
        last_within: vec![None; spans.len()],
        first_within: vec![0; spans.len()],
        has_within: vec![false; header.len()],
    };
    for (order, &line) in header.iter().enumerate() {
        if let [run] = runs[line].as_slice() {
            // A line alone in the table's middle is a title over all of it (第二十条第(五)项).
            if ((run.left + run.right) / 2.0 - table_centre).abs() <= 2.0 * ALIGN {
                gathered.flush(rows);
                rows.push(vec![GridCell {
                    text: run.text.clone(),
                    first_column: 0,
                    last_column: spans.len() - 1,
                    reaches_bottom: false,
                }]);
                continue;
            }
        }
        for run in &runs[line] {
            // Inset by a point so that touching a neighbour's edge is not spanning it (a
            // glyph narrower than that falls in one column).
            let (first, last) = (column_of(run.left + 1.0), column_of(run.right - 1.0));
            let (first, last) = (first.min(last), first.max(last));
            if first == last {
                // The last line of a spanning cell wrapped into one column (`…第四项之` / `和)`).
                let wrapped = gathered.spanning.iter_mut().find(|cell| {
                    cell.last_line + 1 == order
                        && cell.cell.first_column == first
                        && (cell.left - run.left).abs() <= ALIGN
                });
                if let Some(cell) = wrapped {
                    append(&mut cell.cell.text, &run.text);
                    cell.last_line = order;
                    continue;
                }
                if gathered.within[first].is_empty() {
                    gathered.first_within[first] = order;
                }
                append(&mut gathered.within[first], &run.text);
                gathered.last_within[first] = Some(order);
                gathered.has_within[order] = true;
                continue;
            }
            // Text within a column above a spanning cell is a heading of its own (申请人情况
            // above 法人或其他组织), not the top of the column's stacked heading.
            for column in first..=last {
                if gathered.last_within[column].is_some_and(|at| at < order) {
                    let above = std::mem::take(&mut gathered.within[column]);
                    gathered.last_within[column] = None;
                    gathered.spanning.push(Spanning {
                        line: gathered.first_within[column],
                        lines: 1,
                        last_line: order - 1,
                        left: f32::NAN,
                        width: f32::NAN,
                        cell: GridCell {
                            text: above,
                            first_column: column,
                            last_column: column,
                            reaches_bottom: false,
                        },
                    });
                }
            }
            // The next line of a spanning cell over the same columns, unless wider than the
            // line above: text wraps where a line is full, so a wider line is a heading of its
            // own (法人或其他组织 under 申请人情况, both centred over the columns).
            let same = |cell: &&mut Spanning| {
                cell.cell.first_column == first
                    && cell.cell.last_column == last
                    && (cell.width.is_nan() || run.right - run.left <= cell.width + ALIGN)
            };
            match gathered.spanning.iter_mut().find(same) {
                Some(cell) => {
                    append(&mut cell.cell.text, &run.text);
                    cell.lines += 1;
                    cell.last_line = order;
                    cell.width = run.right - run.left;
                }
                None => gathered.spanning.push(Spanning {
                    line: order,
                    lines: 1,
                    last_line: order,
                    left: run.left,
                    width: run.right - run.left,
                    cell: GridCell {
                        text: run.text.clone(),
                        first_column: first,
                        last_column: last,
                        reaches_bottom: false,
                    },
                }),
            }
        }
    }
    gathered.flush(rows);
}

/// A header cell spanning columns, as gathered.
struct Spanning {
    /// The header line it starts on, how many lines it takes, and the last.
    line: usize,
    lines: usize,
    last_line: usize,
    /// Its left edge, and the width of its last line (neither known for text within a column
    /// taken for a heading of its own).
    left: f32,
    width: f32,
    cell: GridCell,
}

/// Header text gathered line by line until it is written as rows.
struct Gathered {
    /// Cells spanning columns.
    spanning: Vec<Spanning>,
    /// Each column's text from pieces within it.
    within: Vec<String>,
    /// The last header line with text within each column, and the first.
    last_within: Vec<Option<usize>>,
    first_within: Vec<usize>,
    /// Which header lines hold text within one column.
    has_within: Vec<bool>,
}

impl Gathered {
    /// Writes the header rows gathered: the spanning cells by the line they start on (a group
    /// heading above the headings it groups), then the cells within one column, among which a
    /// one-line spanning cell printed beside them with nothing under it (信息内容 beside
    /// 本年收费金额).
    fn flush(&mut self, rows: &mut Vec<Vec<GridCell>>) {
        let mut last_row: Vec<GridCell> = Vec::new();
        self.spanning
            .sort_by_key(|cell| (cell.line, cell.cell.first_column));
        let mut current: Option<usize> = None;
        for Spanning {
            line, lines, cell, ..
        } in self.spanning.drain(..)
        {
            let beside = lines == 1
                && self.has_within[line]
                && self.last_within[cell.first_column..=cell.last_column]
                    .iter()
                    .all(|last| last.is_none_or(|last| last <= line));
            if beside {
                last_row.push(cell);
                continue;
            }
            if current != Some(line) {
                rows.push(Vec::new());
                current = Some(line);
            }
            if let Some(row) = rows.last_mut() {
                row.push(cell);
            }
        }
        for (column, text) in self.within.iter_mut().enumerate() {
            if !text.is_empty() {
                last_row.push(GridCell {
                    text: std::mem::take(text),
                    first_column: column,
                    last_column: column,
                    reaches_bottom: false,
                });
            }
        }
        self.last_within.iter_mut().for_each(|last| *last = None);
        last_row.sort_by_key(|cell| cell.first_column);
        if !last_row.is_empty() {
            rows.push(last_row);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::input::pdf::content::test_glyphs as piece;

    /// Printed lines, each as pieces `(text, left)`, 13 points apart from the top.
    fn page(lines: &[&[(&str, f32)]]) -> Vec<Vec<Glyph>> {
        lines
            .iter()
            .enumerate()
            .map(|(index, pieces)| {
                let baseline = 700.0 - 13.0 * index as f32;
                pieces
                    .iter()
                    .flat_map(|(text, left)| piece(text, *left, baseline))
                    .collect()
            })
            .collect()
    }

    fn texts(table: &AlignedTable) -> Vec<Vec<String>> {
        table
            .rows
            .iter()
            .map(|row| row.iter().map(|cell| cell.text.clone()).collect())
            .collect()
    }

    #[test]
    fn wrapped_and_merged_labels_join_their_cells_and_headers_read_down_their_column() {
        let lines = page(&[
            &[("本年度依申请公开情况见下表。", 0.0)],
            &[("结", 150.0), ("总", 200.0)],
            &[("果", 150.0), ("计", 200.0)],
            &[
                ("三、本", 0.0),
                ("（三）", 40.0),
                ("1.属于", 90.0),
                ("0", 150.0),
                ("0", 200.0),
            ],
            &[("年度办", 0.0), ("不予公", 40.0), ("国家秘", 90.0)],
            &[("理结果", 0.0), ("开", 40.0), ("密", 90.0)],
            &[("2.其他", 90.0), ("1", 150.0), ("1", 200.0)],
            &[("法律行", 90.0)],
        ]);
        let found = tables(&lines);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].lines, (1, 7));
        assert_eq!(
            texts(&found[0]),
            vec![
                vec!["结果", "总计"],
                vec![
                    "三、本年度办理结果",
                    "（三）不予公开",
                    "1.属于国家秘密",
                    "0",
                    "0"
                ],
                vec!["2.其他法律行", "1", "1"],
            ]
        );
        // The last label may continue on the next page.
        assert!(found[0].rows[2][0].reaches_bottom);
    }

    #[test]
    fn a_label_without_a_marker_under_one_with_its_own_values_stays_a_row() {
        let lines = page(&[
            &[("规章", 0.0), ("0", 150.0), ("0", 200.0)],
            &[("行政规范性文件", 0.0), ("3", 150.0), ("12", 190.0)],
        ]);
        let found = tables(&lines);
        assert_eq!(
            texts(&found[0]),
            vec![vec!["规章", "0", "0"], vec!["行政规范性文件", "3", "12"]]
        );
    }

    #[test]
    fn values_that_do_not_line_up_or_prose_with_numbers_are_no_table() {
        // Numbers whose edges agree with no column: plain lines, never a guessed grid.
        let lines = page(&[
            &[("规章", 0.0), ("0", 150.0), ("0", 200.0)],
            &[("行政规范性文件", 0.0), ("3", 120.0), ("12", 260.0)],
        ]);
        assert!(tables(&lines).is_empty());
        // Lines of one number each are contact details, not a table.
        let lines = page(&[
            &[("联系电话", 0.0), ("0794-8216620", 100.0)],
            &[("传真号码", 0.0), ("0794-8216621", 100.0)],
        ]);
        assert!(tables(&lines).is_empty());
        // A sentence with a number in it is one piece of text.
        let lines = page(&[&[("全年共收到申请59件，办结57件。", 0.0)]]);
        assert!(tables(&lines).is_empty());
    }

    #[test]
    fn centred_labels_line_up_by_their_centres_and_their_wrapped_lines_too() {
        // Labels centred on x = 50; 行政规范性 / 文件 wrapped in its cell.
        let lines = page(&[
            &[("规章", 40.0), ("0", 150.0), ("0", 200.0)],
            &[("行政规范性", 25.0), ("3", 150.0), ("12", 190.0)],
            &[("文件", 40.0)],
            &[("行政许可", 30.0), ("1", 150.0), ("5", 200.0)],
        ]);
        let found = tables(&lines);
        assert_eq!(found.len(), 1);
        assert_eq!(
            texts(&found[0]),
            vec![
                vec!["规章", "0", "0"],
                vec!["行政规范性文件", "3", "12"],
                vec!["行政许可", "1", "5"]
            ]
        );
    }

    #[test]
    fn right_aligned_labels_line_up_by_their_right_edges() {
        // Labels ending at x = 80.
        let lines = page(&[
            &[("规章", 60.0), ("0", 150.0), ("0", 200.0)],
            &[("行政规范性", 30.0), ("3", 150.0), ("12", 190.0)],
            &[("文件", 60.0)],
            &[("行政许可", 40.0), ("1", 150.0), ("5", 200.0)],
        ]);
        let found = tables(&lines);
        assert_eq!(
            texts(&found[0]),
            vec![
                vec!["规章", "0", "0"],
                vec!["行政规范性文件", "3", "12"],
                vec!["行政许可", "1", "5"]
            ]
        );
    }

    #[test]
    fn left_aligned_numbers_line_up_by_their_left_edges() {
        let lines = page(&[
            &[("规章", 0.0), ("0", 150.0), ("0", 200.0)],
            &[("许可", 0.0), ("1520", 150.0), ("12", 200.0)],
            &[("处罚", 0.0), ("3", 150.0), ("125", 200.0)],
        ]);
        let found = tables(&lines);
        assert_eq!(
            texts(&found[0]),
            vec![
                vec!["规章", "0", "0"],
                vec!["许可", "1520", "12"],
                vec!["处罚", "3", "125"]
            ]
        );
    }

    #[test]
    fn a_label_merged_down_rows_never_continues_a_row_label_of_its_own() {
        // 三、本 printed one character a line beside the rows it spans; the row above has a
        // label of its own spanning the label columns, which 三 does not continue.
        let lines = page(&[
            &[("二、上年结转申请", 0.0), ("3", 150.0), ("3", 200.0)],
            &[
                ("三", 0.0),
                ("（一）予以公开", 40.0),
                ("1", 150.0),
                ("1", 200.0),
            ],
            &[
                ("、", 0.0),
                ("（二）部分公开", 40.0),
                ("2", 150.0),
                ("2", 200.0),
            ],
            &[
                ("本", 0.0),
                ("（三）其他", 40.0),
                ("0", 150.0),
                ("0", 200.0),
            ],
        ]);
        let found = tables(&lines);
        assert_eq!(
            texts(&found[0]),
            vec![
                vec!["二、上年结转申请", "3", "3"],
                vec!["三、本", "（一）予以公开", "1", "1"],
                vec!["（二）部分公开", "2", "2"],
                vec!["（三）其他", "0", "0"]
            ]
        );
    }

    #[test]
    fn a_wider_header_line_under_a_heading_is_a_heading_of_its_own() {
        // 申请人情况 over all three value columns, 法人或其他组织 under it over two, both
        // centred on the same x: a wrapped heading's next line is never wider.
        let lines = page(&[
            &[("申请人情况", 230.0)],
            &[("法人或其他组织", 220.0)],
            &[("自然", 140.0), ("商业", 240.0), ("总计", 340.0)],
            &[("规章", 0.0), ("0", 150.0), ("0", 250.0), ("0", 350.0)],
            &[("许可", 0.0), ("1", 150.0), ("2", 250.0), ("3", 350.0)],
        ]);
        let found = tables(&lines);
        assert_eq!(
            texts(&found[0]),
            vec![
                vec!["申请人情况"],
                vec!["法人或其他组织"],
                vec!["自然", "商业", "总计"],
                vec!["规章", "0", "0", "0"],
                vec!["许可", "1", "2", "3"]
            ]
        );
    }

    #[test]
    fn large_type_filling_its_cell_is_split_at_the_cell_padding() {
        // 16-point type: a label filling its cell, and a left-aligned number 10.8 points
        // (the padding on both sides of the border) after it.
        let sized = |text: &str, left: f32, baseline: f32| -> Vec<Glyph> {
            piece(text, 0.0, baseline)
                .into_iter()
                .enumerate()
                .map(|(index, glyph)| Glyph {
                    left: left + 16.0 * index as f32,
                    right: left + 16.0 * (index + 1) as f32,
                    size: 16.0,
                    ..glyph
                })
                .collect()
        };
        let mut first = sized("规章", 0.0, 700.0);
        first.extend(sized("0", 122.8, 700.0));
        first.extend(sized("0", 200.0, 700.0));
        let mut second = sized("行政规范性文件", 0.0, 680.0);
        second.extend(sized("3", 122.8, 680.0));
        second.extend(sized("12", 200.0, 680.0));
        let found = tables(&[first, second]);
        assert_eq!(
            texts(&found[0]),
            vec![vec!["规章", "0", "0"], vec!["行政规范性文件", "3", "12"]]
        );
    }

    proptest::proptest! {
        #[test]
        fn any_layout_reads_without_panicking(
            lines in proptest::collection::vec(
                proptest::collection::vec(("[0-9一、（）.]{1,4}", 0.0f32..300.0), 0..6),
                0..30,
            ),
            narrow in 0.0f32..3.0,
        ) {
            let mut glyphs: Vec<Vec<Glyph>> = Vec::new();
            for (index, pieces) in lines.iter().enumerate() {
                let baseline = 700.0 - 13.0 * index as f32;
                let mut line: Vec<Glyph> = pieces
                    .iter()
                    .flat_map(|(text, left)| piece(text, *left, baseline))
                    .collect();
                // Glyphs narrower than a point too.
                for glyph in line.iter_mut().step_by(3) {
                    glyph.right = glyph.left + narrow;
                }
                line.sort_by(|a, b| a.left.total_cmp(&b.left));
                glyphs.push(line);
            }
            for table in tables(&glyphs) {
                proptest::prop_assert!(table.lines.0 <= table.lines.1);
                proptest::prop_assert!(table.lines.1 < glyphs.len());
            }
        }
    }
}

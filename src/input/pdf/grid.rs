//! Tables as grids: the cells a table's ruling lines enclose, and the text printed in each.
//!
//! Rules that touch form one table. Its distinct vertical rule positions are the column edges,
//! its horizontal ones the row edges; two neighbouring grid squares are one cell when no rule
//! separates them (a merged header such as 申请人情况, a row label spanning several rows such as
//! 三、本年度办理结果). A cell's glyphs are read line by line and the lines joined, so a label
//! that wraps inside its cell (`4.无正当理由大量反复` / `申请`) or is printed one character per
//! line down a tall cell is one piece of text.

use super::content::{Glyph, Rule};
use super::lines::{bands, join_cell_lines};

/// Rules this close (points) are at the same position, or touch.
const TOLERANCE: f32 = 2.0;

/// A table recovered from ruling lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// Column edges, left to right.
    xs: Vec<f32>,
    /// Row edges, top to bottom (descending y).
    ys: Vec<f32>,
    /// The cells, each as `(first row, last row, first column, last column)` of grid squares.
    cells: Vec<(usize, usize, usize, usize)>,
    /// For each grid square (row-major), the index of its cell.
    owner: Vec<usize>,
}

impl Grid {
    /// The grid's top edge (the highest y).
    pub fn top(&self) -> f32 {
        self.ys[0]
    }

    /// Whether a glyph is printed inside the grid.
    pub fn holds(&self, glyph: &Glyph) -> bool {
        self.square_of(glyph).is_some()
    }

    fn square_of(&self, glyph: &Glyph) -> Option<usize> {
        let (x, y) = (glyph.centre(), glyph.middle());
        let column = self
            .xs
            .windows(2)
            .position(|pair| pair[0] <= x && x < pair[1])?;
        let row = self
            .ys
            .windows(2)
            .position(|pair| pair[0] >= y && y > pair[1])?;
        Some(row * (self.xs.len() - 1) + column)
    }

    /// The column edges, left to right.
    pub fn columns(&self) -> &[f32] {
        &self.xs
    }

    /// The grid's rows, top to bottom, each with the cells that start in it (a cell spanning
    /// rows is written once, in its first row, as a Word table's merged cells are read).
    pub fn rows(&self, glyphs: &[Glyph]) -> Vec<Vec<GridCell>> {
        let mut members: Vec<Vec<Glyph>> = vec![Vec::new(); self.cells.len()];
        for glyph in glyphs {
            if let Some(square) = self.square_of(glyph) {
                members[self.owner[square]].push(*glyph);
            }
        }
        let last_row = self.ys.len() - 2;
        let mut rows: Vec<Vec<GridCell>> = vec![Vec::new(); self.ys.len() - 1];
        for (cell, glyphs) in self.cells.iter().zip(&members) {
            rows[cell.0].push(GridCell {
                text: join_cell_lines(glyphs),
                first_column: cell.2,
                last_column: cell.3,
                reaches_bottom: cell.1 == last_row,
            });
        }
        for row in &mut rows {
            row.sort_by_key(|cell| cell.first_column);
        }
        rows
    }
}

/// A cell of a grid as written out.
#[derive(Debug, Clone, PartialEq)]
pub struct GridCell {
    pub text: String,
    pub first_column: usize,
    pub last_column: usize,
    /// The cell reaches the grid's last row (so it may continue on the next page).
    pub reaches_bottom: bool,
}

/// Writes a row as one `|`-separated line: empty cells before the first text are left out, so a
/// row's labels lead it; a row of two cells ends with a `|`, so it still reads as a row.
/// Returns `false` for a row without text.
pub fn write_row(row: &[GridCell], out: &mut String) -> bool {
    let Some(first_text) = row.iter().position(|cell| !cell.text.is_empty()) else {
        return false;
    };
    let cells = &row[first_text..];
    for (index, cell) in cells.iter().enumerate() {
        if index > 0 {
            out.push_str(" | ");
        }
        out.push_str(&cell.text);
    }
    if cells.len() == 2 {
        out.push_str(" |");
    }
    true
}

/// Merges rules at the same position that overlap or touch into one.
fn merge(mut rules: Vec<Rule>) -> Vec<Rule> {
    rules.sort_by(|a, b| a.at.total_cmp(&b.at).then(a.from.total_cmp(&b.from)));
    let mut merged: Vec<Rule> = Vec::with_capacity(rules.len());
    for rule in rules {
        let joined = merged.iter_mut().rev().take(16).find(|last| {
            (last.at - rule.at).abs() <= TOLERANCE
                && rule.from <= last.to + TOLERANCE
                && rule.to >= last.from - TOLERANCE
        });
        match joined {
            Some(last) => {
                last.from = last.from.min(rule.from);
                last.to = last.to.max(rule.to);
            }
            None => merged.push(rule),
        }
    }
    merged
}

/// Positions within [`TOLERANCE`] of each other, as one (their mean), in ascending order.
fn distinct(positions: Vec<f32>) -> Vec<f32> {
    bands(positions, TOLERANCE)
        .into_iter()
        .map(|band| band.at)
        .collect()
}

fn find(parents: &mut [usize], mut item: usize) -> usize {
    while parents[item] != item {
        parents[item] = parents[parents[item]];
        item = parents[item];
    }
    item
}

fn union(parents: &mut [usize], a: usize, b: usize) {
    let (a, b) = (find(parents, a), find(parents, b));
    if a != b {
        parents[a.max(b)] = a.min(b);
    }
}

/// Whether a rule covers `point` along its length.
fn covers(rule: &Rule, point: f32) -> bool {
    rule.from - TOLERANCE <= point && point <= rule.to + TOLERANCE
}

/// The most grid squares a table may have (the largest real tables have about 40 × 20).
const MAX_SQUARES: usize = 10_000;

/// The most rules a page's grids are built from: a page drawing more is a picture, not a table.
const MAX_RULES: usize = 4000;

/// The tables a page's rules draw: sets of touching rules with at least two cells.
pub fn grids(rules: &[Rule]) -> Vec<Grid> {
    if rules.len() > MAX_RULES {
        return Vec::new();
    }
    let horizontal = merge(rules.iter().filter(|r| r.horizontal).copied().collect());
    let vertical = merge(rules.iter().filter(|r| !r.horizontal).copied().collect());
    let all: Vec<&Rule> = horizontal.iter().chain(vertical.iter()).collect();
    let mut parents: Vec<usize> = (0..all.len()).collect();
    for (h, across) in horizontal.iter().enumerate() {
        for (v, down) in vertical.iter().enumerate() {
            if covers(across, down.at) && covers(down, across.at) {
                union(&mut parents, h, horizontal.len() + v);
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); all.len()];
    for item in 0..all.len() {
        let root = find(&mut parents, item);
        groups[root].push(item);
    }
    let mut grids: Vec<Grid> = groups
        .into_iter()
        .filter(|group| group.len() >= 4)
        .filter_map(|group| {
            let rules: Vec<&Rule> = group.iter().map(|&index| all[index]).collect();
            grid(&rules)
        })
        .collect();
    // A page of many small ruled boxes is a form or a drawing, not a report's tables.
    if grids.len() > MAX_GRIDS {
        return Vec::new();
    }
    grids.sort_by(|a, b| b.top().total_cmp(&a.top()));
    grids
}

/// The most tables a page may hold.
const MAX_GRIDS: usize = 32;

fn grid(rules: &[&Rule]) -> Option<Grid> {
    let xs = distinct(
        rules
            .iter()
            .filter(|r| !r.horizontal)
            .map(|r| r.at)
            .collect(),
    );
    let mut ys = distinct(
        rules
            .iter()
            .filter(|r| r.horizontal)
            .map(|r| r.at)
            .collect(),
    );
    ys.reverse();
    let (columns, rows) = (xs.len().checked_sub(1)?, ys.len().checked_sub(1)?);
    // One column is a box around text (a shaded paragraph, a framed note), not a table; a grid
    // of more squares than any report's table is a drawing (and would cost too much to read).
    if columns < 2 || rows == 0 || columns * rows > MAX_SQUARES {
        return None;
    }
    let squares = columns * rows;
    let mut parents: Vec<usize> = (0..squares).collect();
    let has_rule = |horizontal: bool, at: f32, point: f32| {
        rules.iter().any(|rule| {
            rule.horizontal == horizontal
                && (rule.at - at).abs() <= TOLERANCE
                && covers(rule, point)
        })
    };
    for row in 0..rows {
        let middle_y = (ys[row] + ys[row + 1]) / 2.0;
        for column in 0..columns {
            let middle_x = (xs[column] + xs[column + 1]) / 2.0;
            let square = row * columns + column;
            if column + 1 < columns && !has_rule(false, xs[column + 1], middle_y) {
                union(&mut parents, square, square + 1);
            }
            if row + 1 < rows && !has_rule(true, ys[row + 1], middle_x) {
                union(&mut parents, square, square + columns);
            }
        }
    }
    let mut cells: Vec<(usize, usize, usize, usize)> = Vec::new();
    let mut cell_of_root: Vec<Option<usize>> = vec![None; squares];
    let mut owner = vec![0; squares];
    for (square, owned_by) in owner.iter_mut().enumerate() {
        let (row, column) = (square / columns, square % columns);
        let root = find(&mut parents, square);
        let cell = *cell_of_root[root].get_or_insert_with(|| {
            cells.push((row, row, column, column));
            cells.len() - 1
        });
        let bounds = &mut cells[cell];
        bounds.0 = bounds.0.min(row);
        bounds.1 = bounds.1.max(row);
        bounds.2 = bounds.2.min(column);
        bounds.3 = bounds.3.max(column);
        *owned_by = cell;
    }
    if cells.len() < 2 {
        return None;
    }
    Some(Grid {
        xs,
        ys,
        cells,
        owner,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(horizontal: bool, at: f32, from: f32, to: f32) -> Rule {
        Rule {
            horizontal,
            at,
            from,
            to,
        }
    }

    use crate::input::pdf::content::test_glyphs as glyphs;

    fn written(grid: &Grid, glyphs: &[Glyph]) -> Vec<String> {
        grid.rows(glyphs)
            .iter()
            .filter_map(|row| {
                let mut line = String::new();
                write_row(row, &mut line).then_some(line)
            })
            .collect()
    }

    /// A 3-column, 3-row table: column 0 merged down rows 1–2 (no rule between them there),
    /// row 0's columns 1–2 merged (no rule between them there), drawn as separate cell borders.
    fn merged_table() -> Vec<Rule> {
        vec![
            rule(true, 100.0, 0.0, 300.0),
            rule(true, 80.0, 0.0, 300.0),
            // Between rows 1 and 2 only under columns 1–2: column 0 is one cell down both rows.
            rule(true, 60.0, 100.0, 300.0),
            rule(true, 40.0, 0.0, 300.0),
            rule(false, 0.0, 40.0, 100.0),
            rule(false, 100.0, 40.0, 100.0),
            // Between columns 1 and 2 only below row 0.
            rule(false, 200.0, 40.0, 80.0),
            rule(false, 300.0, 40.0, 100.0),
        ]
    }

    #[test]
    fn merged_cells_are_written_once_where_they_start() {
        let grids = grids(&merged_table());
        assert_eq!(grids.len(), 1);
        let mut text = glyphs("标签", 5.0, 85.0);
        text.extend(glyphs("表头", 110.0, 85.0));
        // A label wrapped over two lines in its tall cell.
        text.extend(glyphs("三、本年", 5.0, 65.0));
        text.extend(glyphs("度", 5.0, 45.0));
        text.extend(glyphs("1", 110.0, 65.0));
        text.extend(glyphs("2", 210.0, 65.0));
        text.extend(glyphs("3", 110.0, 45.0));
        text.extend(glyphs("4", 210.0, 45.0));
        assert_eq!(
            written(&grids[0], &text),
            vec!["标签 | 表头 |", "三、本年度 | 1 | 2", "3 | 4 |"]
        );
    }

    #[test]
    fn a_box_around_text_and_lone_lines_are_no_table() {
        let boxed = [
            rule(true, 100.0, 0.0, 300.0),
            rule(true, 80.0, 0.0, 300.0),
            rule(true, 60.0, 0.0, 300.0),
            rule(false, 0.0, 60.0, 100.0),
            rule(false, 300.0, 60.0, 100.0),
        ];
        assert!(grids(&boxed).is_empty());
        let underline = [rule(true, 100.0, 0.0, 300.0), rule(true, 50.0, 0.0, 300.0)];
        assert!(grids(&underline).is_empty());
    }

    #[test]
    fn a_mesh_of_rules_is_a_drawing_not_a_table() {
        let mut mesh = Vec::new();
        for index in 0..1000 {
            let at = index as f32 * 3.0;
            mesh.push(rule(true, at, 0.0, 3000.0));
            mesh.push(rule(false, at, 0.0, 3000.0));
        }
        assert!(grids(&mesh).is_empty());
    }

    #[test]
    fn rules_drawn_in_pieces_and_doubled_are_one_rule() {
        let merged = merge(vec![
            rule(true, 100.0, 0.0, 150.0),
            rule(true, 100.4, 150.0, 300.0),
            rule(true, 100.0, 10.0, 20.0),
            rule(true, 60.0, 0.0, 300.0),
        ]);
        assert_eq!(merged.len(), 2);
        assert_eq!((merged[1].from, merged[1].to), (0.0, 300.0));
    }
}

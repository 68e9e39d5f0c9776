//! Printed lines: glyphs grouped by baseline and read left to right, in reading order.
//!
//! Glyphs whose baselines lie within a fraction of their size are one line. Within a line a gap
//! wider than a space becomes a space, and a gap of two characters or more becomes a run of
//! spaces (the column gap the table reader knows), so a table printed without ruling lines
//! keeps its columns.

use super::content::Glyph;

/// A gap (in font sizes) above which two glyphs are separated by a space.
const WORD_GAP: f32 = 0.25;
/// A gap (in font sizes) above which two glyphs are in different columns.
const COLUMN_GAP: f32 = 1.8;

/// Chinese text, CJK punctuation and full-width forms: joined without a space.
pub(super) fn is_cjk(c: char) -> bool {
    crate::text::fold::is_han(c)
        || ('\u{3000}'..='\u{303F}').contains(&c)
        || ('\u{FF00}'..='\u{FFEF}').contains(&c)
}

/// Groups glyphs into lines, top to bottom; each line's glyphs left to right.
pub fn group_lines(glyphs: &[Glyph]) -> Vec<Vec<Glyph>> {
    let mut sorted: Vec<Glyph> = glyphs
        .iter()
        .filter(|g| !g.text.is_whitespace())
        .copied()
        .collect();
    sorted.sort_by(|a, b| {
        b.baseline
            .total_cmp(&a.baseline)
            .then(a.left.total_cmp(&b.left))
    });
    let mut lines: Vec<Vec<Glyph>> = Vec::new();
    let mut current_baseline = f32::NAN;
    for glyph in sorted {
        let tolerance = (glyph.size * 0.4).max(1.0);
        match lines.last_mut() {
            Some(line) if (current_baseline - glyph.baseline).abs() <= tolerance => {
                line.push(glyph)
            }
            _ => {
                current_baseline = glyph.baseline;
                lines.push(vec![glyph]);
            }
        }
    }
    for line in &mut lines {
        line.sort_by(|a, b| a.left.total_cmp(&b.left));
        // Text drawn twice at the same place (a fake bold) is read once.
        line.dedup_by(|b, a| a.text == b.text && (a.left - b.left).abs() < a.size * 0.1);
    }
    lines
}

/// Positions along one axis that lie together: a band of a table (a column's edge, a row's
/// rule, the edge a column's text keeps to) as printed, from many positions that stray a little.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Band {
    /// Where the band is: the mean of its positions.
    pub at: f32,
    /// How many positions fell in it.
    pub count: usize,
    /// Its smallest and largest position.
    pub from: f32,
    pub to: f32,
}

impl Band {
    /// How far its positions stray: the distance between the outermost.
    pub fn width(&self) -> f32 {
        self.to - self.from
    }
}

/// Groups positions into bands, in ascending order: a position within `tolerance` of the band's
/// last position joins it (so a band may be wider than `tolerance` when its positions form a
/// chain). Rule positions become a grid's column and row edges this way, the edges of a table's
/// text its columns.
pub(super) fn bands(mut positions: Vec<f32>, tolerance: f32) -> Vec<Band> {
    positions.sort_by(f32::total_cmp);
    // Each band's sum while it is built, its mean after.
    let mut bands: Vec<Band> = Vec::new();
    for position in positions {
        match bands.last_mut() {
            Some(band) if position - band.to <= tolerance => {
                band.to = position;
                band.at += position;
                band.count += 1;
            }
            _ => bands.push(Band {
                at: position,
                count: 1,
                from: position,
                to: position,
            }),
        }
    }
    for band in &mut bands {
        band.at /= band.count as f32;
    }
    bands
}

/// A line's text: its glyphs left to right, with spaces where the gaps are.
pub fn line_text(line: &[Glyph], out: &mut String) {
    let mut previous: Option<&Glyph> = None;
    for glyph in line {
        if let Some(previous) = previous {
            let size = previous.size.max(glyph.size).max(1.0);
            let gap = glyph.left - previous.right;
            if gap > COLUMN_GAP * size {
                out.push_str("    ");
            } else if gap > WORD_GAP * size {
                out.push(' ');
            }
        }
        out.push(glyph.text);
        previous = Some(glyph);
    }
}

/// A cell's text: its lines joined, without a space between Chinese text and with one between
/// Latin words.
pub fn join_cell_lines(glyphs: &[Glyph]) -> String {
    let mut text = String::new();
    let mut line_buffer = String::new();
    for line in group_lines(glyphs) {
        line_buffer.clear();
        line_text(&line, &mut line_buffer);
        if let (Some(last), Some(first)) = (text.chars().last(), line_buffer.chars().next()) {
            if !is_cjk(last) && !is_cjk(first) {
                text.push(' ');
            }
        }
        // Inside a cell a wide gap is no column: one space, and none between Chinese
        // characters spread out to fill the cell (`结 果 维 持`).
        let mut chars = line_buffer.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '|' {
                text.push('｜');
            } else if c != ' ' {
                text.push(c);
            } else {
                let before = text.chars().last();
                let after = chars.peek().copied();
                let spread = before.is_some_and(is_cjk) && after.is_some_and(is_cjk);
                if !spread && !text.ends_with(' ') && after != Some(' ') {
                    text.push(' ');
                }
            }
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(text: char, left: f32, baseline: f32) -> Glyph {
        Glyph {
            text,
            left,
            right: left + 10.0,
            baseline,
            size: 10.0,
        }
    }

    fn text_of(glyphs: &[Glyph]) -> Vec<String> {
        group_lines(glyphs)
            .iter()
            .map(|line| {
                let mut text = String::new();
                line_text(line, &mut text);
                text
            })
            .collect()
    }

    #[test]
    fn lines_by_baseline_top_down_and_left_to_right_whatever_the_drawing_order() {
        let glyphs = [
            glyph('日', 30.0, 700.0),
            glyph('年', 10.0, 700.0),
            glyph('月', 20.0, 701.5),
            glyph('标', 10.0, 720.0),
        ];
        assert_eq!(text_of(&glyphs), vec!["标", "年月日"]);
    }

    #[test]
    fn gaps_become_a_space_or_a_column_gap() {
        let glyphs = [
            glyph('a', 0.0, 100.0),
            glyph('b', 14.0, 100.0),
            glyph('规', 100.0, 100.0),
            glyph('1', 200.0, 100.0),
        ];
        // A word gap is a space; a gap of two characters or more is a column gap.
        assert_eq!(text_of(&glyphs), vec!["a b    规    1"]);
    }

    #[test]
    fn positions_that_lie_together_are_one_band_at_their_mean() {
        let found = bands(vec![30.0, 10.0, 11.0, 12.0, 30.5, 50.0], 1.5);
        let at: Vec<(f32, usize)> = found.iter().map(|band| (band.at, band.count)).collect();
        assert_eq!(at, vec![(11.0, 3), (30.25, 2), (50.0, 1)]);
        assert_eq!(
            (found[0].from, found[0].to, found[0].width()),
            (10.0, 12.0, 2.0)
        );
        // A chain of positions each within the tolerance of the last is one band.
        assert_eq!(bands(vec![0.0, 1.0, 2.0, 3.0], 1.0).len(), 1);
        assert_eq!(bands(vec![0.0, 1.1], 1.0).len(), 2);
        assert!(bands(Vec::new(), 1.0).is_empty());
    }

    #[test]
    fn a_cell_joins_its_lines_without_spreading_spaces() {
        let glyphs = [
            glyph('结', 0.0, 100.0),
            glyph('果', 20.0, 100.0),
            glyph('维', 0.0, 85.0),
            glyph('持', 10.0, 85.0),
        ];
        assert_eq!(join_cell_lines(&glyphs), "结果维持");
        let latin = [
            glyph('a', 0.0, 100.0),
            glyph('b', 0.0, 85.0),
            glyph('|', 10.0, 85.0),
        ];
        assert_eq!(join_cell_lines(&latin), "a b｜");
    }
}

/// The fewest lines split by the same gutter for a page to be read as two columns.
const MIN_COLUMN_LINES: usize = 8;
/// The least share of the text's width each side of a gutter takes on a line counted as split
/// into two columns.
const MIN_COLUMN_SHARE: f32 = 0.25;
/// The most lines a printed page has (a page of 6-point type holds about 120).
const MAX_PAGE_LINES: usize = 400;

/// Puts a two-column page's lines in reading order: the left column's lines, then the right
/// column's, between the lines that span both (a title, a heading across the page). A page is
/// read in two columns only when many lines are split by one gutter near the middle and both
/// sides hold Chinese prose (a table's label and value columns do not count).
pub fn reading_order(lines: Vec<Vec<Glyph>>) -> Vec<Vec<Glyph>> {
    let Some(gutter) = gutter(&lines) else {
        return lines;
    };
    let mut ordered = Vec::with_capacity(lines.len());
    let (mut left, mut right): (Vec<Vec<Glyph>>, Vec<Vec<Glyph>>) = (Vec::new(), Vec::new());
    for line in lines {
        let split = line.partition_point(|glyph| glyph.centre() < gutter);
        let spans = line[..split]
            .last()
            .zip(line.get(split))
            .is_some_and(|(before, after)| after.left - before.right <= COLUMN_GAP * before.size);
        if spans {
            ordered.append(&mut left);
            ordered.append(&mut right);
            ordered.push(line);
            continue;
        }
        let (first, second) = line.split_at(split);
        if !first.is_empty() {
            left.push(first.to_vec());
        }
        if !second.is_empty() {
            right.push(second.to_vec());
        }
    }
    ordered.append(&mut left);
    ordered.append(&mut right);
    ordered
}

/// The x of a gutter that splits at least [`MIN_COLUMN_LINES`] lines into two sides of Chinese
/// prose, in the middle of the text's width.
fn gutter(lines: &[Vec<Glyph>]) -> Option<f32> {
    let left_edge = lines
        .iter()
        .filter_map(|line| line.first())
        .map(|g| g.left)
        .fold(f32::MAX, f32::min);
    let right_edge = lines
        .iter()
        .filter_map(|line| line.last())
        .map(|g| g.right)
        .fold(f32::MIN, f32::max);
    let width = right_edge - left_edge;
    // A page of more lines than any printed page holds is not looked at (the search for the
    // gutter compares every line's gap with every other's).
    if width <= 0.0 || !(MIN_COLUMN_LINES..=MAX_PAGE_LINES).contains(&lines.len()) {
        return None;
    }
    // Each line's one wide gap near the middle, as an interval, when the text on both sides is
    // as wide as a column's line of prose is, more or less (a table's label and its one value,
    // or its header words, are far narrower).
    let gaps: Vec<(f32, f32)> = lines
        .iter()
        .filter_map(|line| {
            let mut wide = line
                .windows(2)
                .filter(|pair| pair[1].left - pair[0].right > 2.0 * COLUMN_GAP * pair[0].size);
            let pair = wide.next()?;
            let middle = (pair[0].right + pair[1].left) / 2.0;
            let central = (middle - left_edge) / width;
            let (first, last) = (line.first()?, line.last()?);
            let full = pair[0].right - first.left >= MIN_COLUMN_SHARE * width
                && last.right - pair[1].left >= MIN_COLUMN_SHARE * width;
            (wide.next().is_none() && (0.3..=0.7).contains(&central) && full)
                .then_some((pair[0].right, pair[1].left))
        })
        .collect();
    if gaps.len() < MIN_COLUMN_LINES {
        return None;
    }
    // The point most gaps share.
    let (x, count) = gaps
        .iter()
        .map(|&(start, end)| {
            let x = (start + end) / 2.0;
            (x, gaps.iter().filter(|(s, e)| *s < x && x < *e).count())
        })
        .max_by_key(|&(_, count)| count)?;
    if count < MIN_COLUMN_LINES {
        return None;
    }
    // Both sides must be prose: mostly Chinese characters.
    let han_share = |glyphs: &mut dyn Iterator<Item = &Glyph>| {
        let (han, all) = glyphs.fold((0usize, 0usize), |(han, all), glyph| {
            (
                han + usize::from(crate::text::fold::is_han(glyph.text)),
                all + 1,
            )
        });
        all > 0 && han * 10 >= all * 6
    };
    let split: Vec<&Vec<Glyph>> = lines.iter().filter(|line| gaps_at(line, x)).collect();
    let prose = han_share(
        &mut split
            .iter()
            .flat_map(|line| line.iter().filter(|g| g.centre() < x)),
    ) && han_share(
        &mut split
            .iter()
            .flat_map(|line| line.iter().filter(|g| g.centre() > x)),
    );
    prose.then_some(x)
}

/// Whether a line has a wide gap at `x`.
fn gaps_at(line: &[Glyph], x: f32) -> bool {
    line.windows(2).any(|pair| {
        pair[0].right < x
            && x < pair[1].left
            && pair[1].left - pair[0].right > 2.0 * COLUMN_GAP * pair[0].size
    })
}

#[cfg(test)]
mod column_tests {
    use super::*;

    use crate::input::pdf::content::test_glyphs as run;

    fn texts(lines: &[Vec<Glyph>]) -> Vec<String> {
        lines
            .iter()
            .map(|line| line.iter().map(|g| g.text).collect())
            .collect()
    }

    #[test]
    fn a_two_column_page_reads_down_the_left_column_first() {
        let mut glyphs = run(
            "某市二〇二三年政府信息公开工作年度报告全文如下所述",
            0.0,
            800.0,
        );
        for row in 0..8 {
            let baseline = 780.0 - 15.0 * row as f32;
            glyphs.extend(run(&format!("左栏第{row}行正文内容"), 0.0, baseline));
            glyphs.extend(run(&format!("右栏第{row}行正文内容"), 200.0, baseline));
        }
        let ordered = texts(&reading_order(group_lines(&glyphs)));
        assert_eq!(
            ordered[0],
            "某市二〇二三年政府信息公开工作年度报告全文如下所述"
        );
        assert_eq!(ordered[1], "左栏第0行正文内容");
        assert_eq!(ordered[8], "左栏第7行正文内容");
        assert_eq!(ordered[9], "右栏第0行正文内容");
    }

    #[test]
    fn short_pieces_either_side_of_a_wide_gap_are_not_two_columns() {
        // A borderless table with centred labels and one value a row, under headings as wide
        // as the page: one gap a line near the middle, Chinese on both sides, but no column
        // of prose either side.
        let mut glyphs = run(
            "某市二〇二三年政府信息公开工作年度报告全文如下所述",
            0.0,
            800.0,
        );
        for row in 0..10 {
            let baseline = 780.0 - 15.0 * row as f32;
            glyphs.extend(run("信息内容", 20.0, baseline));
            glyphs.extend(run("本年处理决定数量", 130.0, baseline));
        }
        let lines = group_lines(&glyphs);
        assert_eq!(reading_order(lines.clone()), lines);
    }

    #[test]
    fn a_table_without_rules_is_not_two_columns() {
        let mut glyphs = Vec::new();
        for row in 0..10 {
            let baseline = 780.0 - 15.0 * row as f32;
            glyphs.extend(run("行政规范性文件", 0.0, baseline));
            glyphs.extend(run("12", 200.0, baseline));
        }
        let lines = group_lines(&glyphs);
        assert_eq!(reading_order(lines.clone()), lines);
    }
}

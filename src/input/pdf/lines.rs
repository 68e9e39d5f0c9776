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

fn is_cjk(c: char) -> bool {
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

//! PDF: the text layer as its reader sees it — lines in reading order, tables as grids.
//!
//! lopdf parses the file (objects, streams, bounded decompression, font encodings and CMaps);
//! [`content`] interprets each page's content stream to place every glyph on the page and to
//! find the ruling lines drawn, with widths and text from [`fonts`]. [`grid`] turns ruling lines
//! into tables, whose rows are written as `|`-separated lines (cells spanning rows once, like
//! the Word and web-page readers write them) so that the table checks read a PDF's tables as
//! they read a Word document's; the other glyphs are grouped into printed lines
//! ([`lines`]), top to bottom, with each table in its place among them. Among those lines, a
//! table printed without rules is read as a grid from how its text lines up ([`aligned`]) and
//! written the same way; one that does not line up stays lines. Each page's text is
//! appended with the offset where the page starts, so diagnostics can say "page 3, line 12". A
//! PDF without a text layer (a scan) yields no text: the caller reports that once
//! (`input/no-text`) instead of a flood of "missing section" findings. A damaged file whose
//! pages could be read only in part says which pages were read of how many, and which of those
//! only in part ([`content`] tells a damaged page, [`streams`] a content stream cut short).
//!
//! A text layer has one line per printed line; [`super::wrap`] rejoins each paragraph's lines.

mod aligned;
mod content;
mod fonts;
mod grid;
mod lines;
mod streams;

use std::panic::{catch_unwind, AssertUnwindSafe};

use content::{FontCache, Glyph, PageContent};

/// The text of a PDF and where each page starts in it.
#[derive(Debug, Clone, Default)]
pub struct PdfText {
    pub text: String,
    /// `(byte offset in text, page number)`, in order.
    pub pages: Vec<(u32, u32)>,
    /// How many pages the document has (as far as its page tree says).
    pub page_count: u32,
    /// The pages whose content could not be read (damaged or cut off), in order.
    pub unread: Vec<u32>,
    /// The pages read only in part (damaged partway), in order: some of their text is missing.
    pub damaged: Vec<u32>,
}

/// Whether the file stops before its end-of-file marker, as a download broken off does. Writers
/// that put the page objects last (LibreOffice) leave nothing to recover from such a file, so
/// the error says why rather than only what the reader tripped on.
fn cut_short(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    !tail.windows(5).any(|window| window == b"%%EOF")
}

/// Extracts the text layer, decompressing at most `limit` bytes of content per page.
pub fn extract(bytes: &[u8], limit: u64) -> Result<PdfText, String> {
    // lopdf is defensive, but a malformed file must not take the run down with it.
    let loaded = catch_unwind(AssertUnwindSafe(|| lopdf::Document::load_mem(bytes)))
        .map_err(|_| "not a readable PDF (the reader failed on it)".to_string())?
        .map_err(|error| {
            if cut_short(bytes) {
                format!(
                    "not a readable PDF (the file is cut short before its list of pages: {error})"
                )
            } else {
                format!("not a readable PDF ({error})")
            }
        })?;
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    let pages = loaded.get_pages();
    if pages.is_empty() {
        return Err("not a readable PDF (it has no pages)".to_string());
    }
    let declared = declared_page_count(&loaded);
    let mut out = PdfText {
        page_count: declared.max(pages.len() as u32),
        ..PdfText::default()
    };
    let mut fonts = FontCache::new();
    let mut read: Vec<(u32, Vec<Block>)> = Vec::with_capacity(pages.len());
    // lopdf numbers the pages it finds 1, 2, 3…: pages the tree declares beyond them are lost.
    for (&number, &page) in &pages {
        let interpreted = catch_unwind(AssertUnwindSafe(|| {
            content::interpret_page(&loaded, page, limit, &mut fonts)
        }));
        let content = match interpreted {
            Ok(Ok(content)) => content,
            Ok(Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                ..
            }))) => {
                return Err(format!(
                    "not a readable PDF (page {number} decompresses to more than {limit} bytes)"
                ))
            }
            Ok(Err(lopdf::Error::ReferenceCycle((object, _)))) => {
                return Err(format!(
                    "not a readable PDF (object {object} on page {number} refers to itself)"
                ))
            }
            _ => {
                out.unread.push(number);
                continue;
            }
        };
        if content.damaged {
            // A damaged page that gave no text was not read at all.
            if content.glyphs.is_empty() {
                out.unread.push(number);
                continue;
            }
            out.damaged.push(number);
        }
        read.push((number, page_blocks(&content)));
    }
    out.unread.extend(pages.len() as u32 + 1..=out.page_count);
    let (numbers, mut blocks): (Vec<u32>, Vec<Vec<Block>>) = read.into_iter().unzip();
    join_continued_tables(&mut blocks);
    for (number, blocks) in numbers.into_iter().zip(&blocks) {
        out.pages.push((out.text.len() as u32, number));
        write_blocks(blocks, &mut out.text);
    }
    Ok(out)
}

/// The page count the document's page tree declares (`/Count` of the root `/Pages`), or 0.
fn declared_page_count(document: &lopdf::Document) -> u32 {
    document
        .catalog()
        .ok()
        .and_then(|catalog| catalog.get(b"Pages").ok())
        .and_then(|pages| match pages {
            lopdf::Object::Reference(id) => document.get_dictionary(*id).ok(),
            other => other.as_dict().ok(),
        })
        .and_then(|pages| pages.get(b"Count").ok())
        .and_then(|count| count.as_i64().ok())
        .and_then(|count| u32::try_from(count).ok())
        // A hostile count is not believed beyond what any report has.
        .map_or(0, |count| count.min(10_000))
}

/// What a page prints, in reading order: lines of text and tables.
enum Block {
    Line(String),
    Table {
        columns: Vec<f32>,
        rows: Vec<Vec<grid::GridCell>>,
        /// Read from the alignment of its text, not from ruling lines: a page may show only
        /// some of its columns.
        aligned: bool,
    },
}

/// A page's lines and tables, top to bottom.
fn page_blocks(page: &PageContent) -> Vec<Block> {
    let grids = grid::grids(&page.rules);
    let free: Vec<Glyph> = page
        .glyphs
        .iter()
        .filter(|glyph| !grids.iter().any(|grid| grid.holds(glyph)))
        .copied()
        .collect();
    let mut blocks = Vec::new();
    let mut grids = grids.into_iter().peekable();
    let table = |grid: grid::Grid| Block::Table {
        columns: grid.columns().to_vec(),
        rows: grid.rows(&page.glyphs),
        aligned: false,
    };
    let free_lines = lines::reading_order(lines::group_lines(&free));
    let mut aligned = aligned::tables(&free_lines).into_iter().peekable();
    let mut index = 0;
    while index < free_lines.len() {
        let line = &free_lines[index];
        let baseline = line.first().map_or(0.0, |glyph| glyph.baseline);
        while let Some(grid) = grids.next_if(|grid| grid.top() > baseline) {
            blocks.push(table(grid));
        }
        if let Some(found) = aligned.next_if(|found| found.lines.0 == index) {
            index = found.lines.1 + 1;
            blocks.push(Block::Table {
                columns: found.columns,
                rows: found.rows,
                aligned: true,
            });
            continue;
        }
        let mut text = String::new();
        lines::line_text(line, &mut text);
        blocks.push(Block::Line(text));
        index += 1;
    }
    blocks.extend(grids.map(table));
    blocks
}

/// Lines this short around a page break are page chrome (a page number, a running header), which
/// a table continuing on the next page reads past.
const MAX_CHROME_CHARS: usize = 40;

/// A table that ends one page and starts the next, with the same columns, is one table: a label
/// cell cut by the page break (`(四)无` / `法提供`) is joined back into the cell it began in, when
/// the next page starts with a data row or the rest of a cut row (a header row there starts
/// another table).
fn join_continued_tables(pages: &mut [Vec<Block>]) {
    for index in 1..pages.len() {
        let (before, after) = pages.split_at_mut(index);
        let Some(Block::Table {
            columns,
            rows,
            aligned,
        }) = before[index - 1]
            .iter_mut()
            .rev()
            .find(|block| !is_chrome_line(block))
        else {
            continue;
        };
        let Some(Block::Table {
            columns: next_columns,
            rows: next_rows,
            aligned: next_aligned,
        }) = after[0].iter_mut().find(|block| !is_chrome_line(block))
        else {
            continue;
        };
        let close = |a: f32, b: f32| (a - b).abs() <= 3.0;
        // A table read from alignment shows only the label columns a page's rows use: the
        // columns of one page need only be among those of the other.
        let among =
            |some: &[f32], all: &[f32]| some.iter().all(|b| all.iter().any(|a| close(*a, *b)));
        let same_columns = if *aligned && *next_aligned {
            among(next_columns, columns) || among(columns, next_columns)
        } else {
            columns.len() == next_columns.len()
                && columns
                    .iter()
                    .zip(next_columns.iter())
                    .all(|(a, b)| close(*a, *b))
        };
        let Some(first_row) = next_rows.first_mut() else {
            continue;
        };
        // A data row, or the rest of a row cut by the page break (one piece of text, no values),
        // continues a cut label; a header row (texts, no values) starts another table.
        let data = first_row.iter().any(|cell| is_value(&cell.text))
            || first_row
                .iter()
                .filter(|cell| !cell.text.is_empty())
                .count()
                <= 1;
        if !same_columns || !data {
            continue;
        }
        for cell in first_row.iter_mut() {
            if cell.text.is_empty() || is_value(&cell.text) || starts_with_marker(&cell.text) {
                continue;
            }
            // Columns are compared by where they are, as their numbering may differ.
            let at = |columns: &[f32], column: usize| columns.get(column).copied();
            let (first, last) = (
                at(next_columns, cell.first_column),
                at(next_columns, cell.last_column),
            );
            let began = rows.iter_mut().flatten().find(|above| {
                above.reaches_bottom
                    && at(columns, above.first_column)
                        .zip(first)
                        .is_some_and(|(a, b)| close(a, b))
                    && at(columns, above.last_column)
                        .zip(last)
                        .is_some_and(|(a, b)| close(a, b))
            });
            if let Some(began) = began {
                if !began.text.is_empty() && !is_value(&began.text) {
                    began.text.push_str(&std::mem::take(&mut cell.text));
                }
            }
        }
    }
}

fn is_chrome_line(block: &Block) -> bool {
    matches!(block, Block::Line(text) if text.chars().count() <= MAX_CHROME_CHARS)
}

/// A number, as a value cell holds one.
fn is_value(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | ' '))
}

/// Whether a label starts with a row marker: `一、`, `(一)`, `（一）`, `1.`, `1、`.
fn starts_with_marker(text: &str) -> bool {
    let mut chars = text.chars();
    match chars.next() {
        Some('(' | '（') => true,
        Some(c) if c.is_ascii_digit() || "一二三四五六七八九十".contains(c) => {
            let rest = chars.find(|c| !(c.is_ascii_digit() || "一二三四五六七八九十".contains(*c)));
            matches!(rest, Some('、' | '.' | '．'))
        }
        _ => false,
    }
}

fn write_blocks(blocks: &[Block], out: &mut String) {
    let start = out.len();
    for block in blocks {
        match block {
            Block::Line(text) => {
                out.push_str(text);
                out.push('\n');
            }
            Block::Table { rows, .. } => {
                for row in rows {
                    if grid::write_row(row, out) {
                        out.push('\n');
                    }
                }
            }
        }
    }
    if out.len() == start {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str, column: usize, reaches_bottom: bool) -> grid::GridCell {
        grid::GridCell {
            text: text.to_string(),
            first_column: column,
            last_column: column,
            reaches_bottom,
        }
    }

    fn table(rows: Vec<Vec<grid::GridCell>>) -> Block {
        Block::Table {
            columns: vec![0.0, 100.0, 200.0, 300.0],
            rows,
            aligned: false,
        }
    }

    fn first_label(block: &Block) -> &str {
        match block {
            Block::Table { rows, .. } => &rows[0][0].text,
            Block::Line(text) => text,
        }
    }

    #[test]
    fn a_label_cut_by_a_page_break_is_joined_only_before_a_data_row() {
        let page = |next: &str, value: &str| {
            vec![
                vec![table(vec![vec![
                    cell("（四）无", 0, true),
                    cell("1.本机关不掌握相关政府信息", 1, true),
                    cell("7", 2, true),
                ]])],
                vec![
                    Block::Line("- 4 -".to_string()),
                    table(vec![vec![
                        cell(next, 0, false),
                        cell("2.没有现成信息需要另行制作", 1, false),
                        cell(value, 2, false),
                    ]]),
                ],
            ]
        };
        let mut pages = page("法提供", "3");
        join_continued_tables(&mut pages);
        assert_eq!(first_label(&pages[0][0]), "（四）无法提供");
        assert_eq!(first_label(&pages[1][1]), "");
        // A header row on the next page is another table's.
        let mut pages = page("信息内容", "本年处理决定数量");
        join_continued_tables(&mut pages);
        assert_eq!(first_label(&pages[0][0]), "（四）无");
    }

    #[test]
    fn broken_files_are_errors_not_panics() {
        assert!(extract(b"%PDF-1.4\n%garbage", 1 << 20).is_err());
        assert!(extract(b"", 1 << 20).is_err());
    }
}

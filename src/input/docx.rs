//! Word documents (`.docx`): paragraphs and tables of the main document part, in reading order.
//!
//! A `.docx` is a zip of XML parts; the report is `word/document.xml` (headers, footers and
//! comments are other parts, so they are never read). Paragraphs become lines; a table row becomes
//! one `|`-separated line (cells continuing a vertical merge are left out, so rows read like the
//! text tables the table checks know); deleted text (`w:delText`), field codes (`w:instrText`) and
//! the fallback copies of `mc:AlternateContent` (WPS writes many) are skipped. Each paragraph and
//! cell records where it starts in the text, so diagnostics can say "paragraph 12" or "table 2,
//! row 3, column 4" — the way a clerk finds it in Word.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;
use serde::Serialize;

/// Where a piece of text is in a Word document or a PDF (1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "in")]
pub enum Location {
    Paragraph {
        paragraph: u32,
    },
    Cell {
        table: u32,
        row: u32,
        column: u32,
    },
    /// A PDF page and the line on it.
    Page {
        page: u32,
        line: u32,
    },
}

impl Location {
    /// The location in words, in Chinese or English.
    pub fn describe(&self, english: bool) -> String {
        match (self, english) {
            (Location::Paragraph { paragraph }, false) => format!("第{paragraph}段"),
            (Location::Paragraph { paragraph }, true) => format!("paragraph {paragraph}"),
            (Location::Cell { table, row, column }, false) => {
                format!("表格{table} 第{row}行第{column}列")
            }
            (Location::Cell { table, row, column }, true) => {
                format!("table {table}, row {row}, column {column}")
            }
            (Location::Page { page, line }, false) => format!("第{page}页 第{line}行"),
            (Location::Page { page, line }, true) => format!("page {page}, line {line}"),
        }
    }
}

/// The text of a Word document and where each paragraph and cell starts in it.
#[derive(Debug, Clone, Default)]
pub struct DocxText {
    pub text: String,
    /// `(byte offset in text, location)`, in text order.
    pub locations: Vec<(u32, Location)>,
}

/// Reads the main document part of a `.docx`, reading at most `limit` bytes of XML (a zip bomb
/// stops there). Errors describe what is wrong with the file.
pub fn extract(bytes: &[u8], limit: u64) -> Result<DocxText, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|error| format!("not a readable Word document ({error})"))?;
    let mut part = archive
        .by_name("word/document.xml")
        .map_err(|_| "not a Word document: it has no word/document.xml".to_string())?;
    if part.size() > limit {
        return Err(format!(
            "its text part unpacks to {} bytes, over the limit of {limit} (set with --max-file-size)",
            part.size()
        ));
    }
    let mut xml = String::new();
    (&mut part)
        .take(limit + 1)
        .read_to_string(&mut xml)
        .map_err(|error| format!("its text part cannot be unpacked ({error})"))?;
    if xml.len() as u64 > limit {
        return Err(format!(
            "its text part unpacks to more than {limit} bytes (set with --max-file-size)"
        ));
    }
    read_document(&xml)
}

/// State while walking `word/document.xml`.
#[derive(Default)]
struct Walker {
    out: DocxText,
    paragraph: u32,
    table: u32,
    /// Row and column within the innermost table (nested tables are read as text of their cell).
    row: u32,
    column: u32,
    table_depth: u32,
    /// Text of the current cell, collected before it is written.
    in_text: bool,
    skip_depth: u32,
    merged_continuation: bool,
    cell_has_text: bool,
    /// A paragraph of the current cell ended: a space goes before the cell's next text.
    cell_paragraph_ended: bool,
    /// Cells of the current row written so far.
    cells_in_row: u32,
}

impl Walker {
    fn push_str(&mut self, text: &str) {
        self.out.text.push_str(text);
    }

    fn mark(&mut self, location: Location) {
        self.out
            .locations
            .push((self.out.text.len() as u32, location));
    }

    fn line_break(&mut self) {
        if !self.out.text.is_empty() && !self.out.text.ends_with('\n') {
            self.out.text.push('\n');
        }
    }
}

fn read_document(xml: &str) -> Result<DocxText, String> {
    let mut reader = Reader::from_str(xml);
    let mut walker = Walker::default();
    loop {
        let event = reader.read_event().map_err(|error| {
            format!(
                "its XML is broken at byte {} ({error})",
                reader.error_position()
            )
        })?;
        match event {
            Event::Eof => break,
            Event::Start(element) => {
                let name = element.local_name();
                let name = name.as_ref();
                if walker.skip_depth > 0 || matches!(name, "delText" | "instrText" | "Fallback") {
                    walker.skip_depth += 1;
                    continue;
                }
                match name {
                    "tbl" => {
                        walker.table_depth += 1;
                        if walker.table_depth == 1 {
                            walker.table += 1;
                            walker.row = 0;
                            walker.line_break();
                        }
                    }
                    "tr" if walker.table_depth == 1 => {
                        walker.row += 1;
                        walker.column = 0;
                        walker.cells_in_row = 0;
                        walker.line_break();
                    }
                    "tc" if walker.table_depth == 1 => {
                        walker.column += 1;
                        walker.merged_continuation = false;
                        walker.cell_has_text = false;
                        walker.cell_paragraph_ended = false;
                    }
                    "p" if walker.table_depth == 0 => {
                        walker.paragraph += 1;
                        walker.line_break();
                        walker.mark(Location::Paragraph {
                            paragraph: walker.paragraph,
                        });
                    }
                    "t" => walker.in_text = true,
                    _ => {}
                }
            }
            Event::Empty(element) => {
                let name = element.local_name();
                let name = name.as_ref();
                if walker.skip_depth > 0 {
                    continue;
                }
                match name {
                    "tab" => walker.push_str("\t"),
                    "br" | "cr" => walker.push_str("\n"),
                    "vMerge" if walker.table_depth == 1 => {
                        // `<w:vMerge/>` (no value) or `w:val="continue"` continues the cell above.
                        let restart = element.attributes().flatten().any(|attribute| {
                            attribute.key.local_name().as_ref() == "val"
                                && attribute.value.as_ref() == "restart"
                        });
                        walker.merged_continuation = !restart;
                    }
                    _ => {}
                }
            }
            Event::End(element) => {
                let name = element.local_name();
                let name = name.as_ref();
                if walker.skip_depth > 0 {
                    walker.skip_depth -= 1;
                    continue;
                }
                match name {
                    "tbl" => {
                        walker.table_depth = walker.table_depth.saturating_sub(1);
                        if walker.table_depth == 0 {
                            walker.line_break();
                        }
                    }
                    // A row of two cells (`行政许可 | 1520`) ends with a `|`, so that it reads as a
                    // table row like the longer ones.
                    "tr" if walker.table_depth == 1 && walker.cells_in_row == 2 => {
                        walker.push_str(" |")
                    }
                    "t" => walker.in_text = false,
                    "p" if walker.table_depth == 0 => walker.line_break(),
                    "p" if walker.table_depth == 1 && walker.cell_has_text => {
                        walker.cell_paragraph_ended = true
                    }
                    _ => {}
                }
            }
            Event::Text(text) if walker.in_text && walker.skip_depth == 0 => {
                let content = text.xml10_content();
                write_cell_text(&mut walker, &content);
            }
            Event::GeneralRef(reference) if walker.in_text && walker.skip_depth == 0 => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(ch)) => Some(ch),
                    _ => match reference.xml10_content().as_ref() {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                if let Some(ch) = resolved {
                    write_cell_text(&mut walker, ch.encode_utf8(&mut [0u8; 4]));
                }
            }
            _ => {}
        }
    }
    walker.line_break();
    Ok(walker.out)
}

/// Writes run text, starting a cell (with its `|` separator and location) on its first text.
fn write_cell_text(walker: &mut Walker, text: &str) {
    if walker.table_depth == 1 {
        if walker.merged_continuation {
            return;
        }
        if !walker.cell_has_text {
            if walker.column > 1 && !walker.out.text.ends_with('\n') {
                walker.push_str(" | ");
            }
            walker.mark(Location::Cell {
                table: walker.table,
                row: walker.row,
                column: walker.column,
            });
            walker.cell_has_text = true;
            walker.cells_in_row += 1;
        } else if walker.cell_paragraph_ended {
            walker.push_str(" ");
        }
        walker.cell_paragraph_ended = false;
    }
    walker.push_str(text);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_tables_and_skipped_parts() {
        let xml = r#"<w:document xmlns:w="w" xmlns:mc="mc"><w:body>
<w:p><w:r><w:t>某局2021年政府信息公开工作年度报告</w:t></w:r></w:p>
<w:p><w:r><w:t>一、总体</w:t></w:r><w:r><w:delText>删除的</w:delText></w:r><w:r><w:t>情况</w:t></w:r></w:p>
<w:p><w:r><w:instrText>PAGE</w:instrText><w:t>正文&amp;内容</w:t></w:r></w:p>
<mc:AlternateContent><mc:Choice><w:p><w:r><w:t>文本框</w:t></w:r></w:p></mc:Choice><mc:Fallback><w:p><w:r><w:t>文本框</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent>
<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>三、本年度办理结果</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>(一)予以公开</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>(二)部分公开</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>0</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
</w:body></w:document>"#;
        let text = read_document(xml).expect("reads");
        // The second row writes two cells (the merged one is left out): it ends with a `|`.
        assert_eq!(
            text.text,
            "某局2021年政府信息公开工作年度报告\n一、总体情况\n正文&内容\n文本框\n三、本年度办理结果 | (一)予以公开 | 1\n(二)部分公开 | 0 |\n"
        );
        let at = text.text.find("(二)部分公开").expect("found") as u32;
        let location = text
            .locations
            .iter()
            .rev()
            .find(|(start, _)| *start <= at)
            .map(|(_, l)| *l);
        assert_eq!(
            location,
            Some(Location::Cell {
                table: 1,
                row: 2,
                column: 2
            })
        );
    }

    #[test]
    fn broken_files_are_errors_not_panics() {
        assert!(extract(b"PK\x03\x04garbage", 1 << 20).is_err());
        assert!(extract(b"not a zip at all", 1 << 20).is_err());
    }
}

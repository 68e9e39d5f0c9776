//! Reading input: bytes from a file or standard input, decoded to text.
//!
//! UTF-8 (with or without a byte-order mark) is used as it is, so offsets into the text are
//! offsets into the file. Other encodings — UTF-16 with a byte-order mark, GBK/GB18030 and Big5,
//! detected or named with `--encoding` — are decoded with a map from each byte of the decoded text
//! back to the file's bytes, so that findings still point at the file's own bytes. Text whose
//! paragraphs a page margin broke into lines (a PDF's text layer, text copied out of one) has them
//! rejoined ([`wrap`]), and the lines as printed are what diagnostics show.

pub mod decode;
pub mod docx;
pub mod html;
pub mod pdf;
pub mod wrap;

use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use serde::Serialize;

pub use decode::decode;

/// A file's text, ready for normalisation.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// The name diagnostics use for the file (the path as the user gave it).
    pub name: String,
    /// The report's text: the decoded file, or the text extracted from a web page, with
    /// paragraphs that a page margin broke into lines rejoined.
    pub text: String,
    /// For text extracted from a web page or rejoined from printed lines: what
    /// diagnostics show and count lines in, and where each byte of `text` came from in it.
    pub display: Option<Display>,
    /// For a file that was not UTF-8: for each byte of the decoded file (`display`'s text, or
    /// `text`), and one past the end, the offset of the file byte it was decoded from. `None`: the
    /// decoded file is the file's bytes.
    pub byte_map: Option<Vec<u32>>,
    /// The encoding the file was read in (`UTF-8`, `GBK`, `Big5`, `UTF-16LE`, …).
    pub encoding: &'static str,
    /// For a Word document: where each paragraph and table cell starts in `text`.
    pub locations: Option<Vec<(u32, docx::Location)>>,
    /// For a damaged or cut-off PDF whose pages could be read only in part: which were read.
    pub partial: Option<Partial>,
}

/// The pages of a damaged or cut-off PDF that could be read, of how many it has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Partial {
    /// The page numbers read, in order (1-based), including those read only in part.
    pub read: Vec<u32>,
    /// Of those, the pages read only in part (damaged partway), in order.
    pub damaged: Vec<u32>,
    pub page_count: u32,
}

/// What diagnostics show for a report whose text was extracted or rebuilt: an HTML page's source,
/// or the lines as printed of a PDF or a text copied from a page (the report's text has each
/// paragraph's lines joined).
#[derive(Debug, Clone)]
pub struct Display {
    pub text: String,
    /// For each byte of the report's text: where its character starts and ends in `text`.
    pub starts: Vec<u32>,
    pub ends: Vec<u32>,
}

impl Display {
    /// Maps a range of the report's text to the range of the source it came from.
    pub fn source_range(&self, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let start = self
            .starts
            .get(range.start)
            .map_or(self.text.len(), |&start| start as usize);
        if range.end <= range.start {
            return start..start;
        }
        let end = self
            .ends
            .get(range.end - 1)
            .map_or(start, |&end| end as usize);
        start..end.max(start)
    }
}

/// Extensions read as web pages.
pub const HTML_EXTENSIONS: &[&str] = &["html", "htm", "shtml", "xhtml"];

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|ext| ext.to_str())
        .map(|ext| ext.to_ascii_lowercase())
}

fn is_html(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| {
            HTML_EXTENSIONS
                .iter()
                .any(|known| known.eq_ignore_ascii_case(ext))
        })
}

impl SourceText {
    /// Text extracted from a Word document or a PDF, with where each part starts.
    fn extracted(name: String, text: String, locations: Vec<(u32, docx::Location)>) -> SourceText {
        SourceText {
            name,
            text,
            display: None,
            byte_map: None,
            encoding: "UTF-8",
            locations: Some(locations),
            partial: None,
        }
    }

    /// The same text with the lines of each paragraph joined where a page margin broke them
    /// (see [`wrap`]); the printed lines become what diagnostics show. A text without such breaks
    /// is returned as it is.
    fn with_paragraphs_joined(mut self) -> SourceText {
        if let Some(joined) = wrap::join_wrapped_lines(&self.text) {
            let printed = std::mem::replace(&mut self.text, joined.text);
            self.display = Some(Display {
                text: printed,
                starts: joined.starts,
                ends: joined.ends,
            });
        }
        self
    }

    /// Maps a byte offset in `text` to a byte offset in the file.
    pub fn file_offset(&self, offset: usize) -> usize {
        match &self.byte_map {
            Some(map) => map.get(offset).map_or(offset, |&mapped| mapped as usize),
            None => offset,
        }
    }
}

/// Limits that keep a run bounded whatever its input.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Files larger than this are refused (bytes).
    pub max_file_size: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_size: 50 * 1024 * 1024,
        }
    }
}

/// How to read input.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions {
    pub limits: Limits,
    /// Decode with this encoding instead of detecting one (`--encoding`).
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

/// Why an input could not be read.
#[derive(Debug)]
pub enum InputError {
    Io {
        path: PathBuf,
        source: io::Error,
    },
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    Empty {
        path: PathBuf,
    },
    /// A document with no text layer (a scanned PDF): checked, but reported once as such.
    NoText {
        path: PathBuf,
    },
    NotText {
        path: PathBuf,
        detail: String,
    },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Io { path, source } => write!(f, "{}: cannot read: {source}", path.display()),
            InputError::TooLarge { path, size, limit } => write!(
                f,
                "{}: too large to check ({size} bytes; the limit is {limit}, set with --max-file-size)",
                path.display()
            ),
            InputError::Empty { path } => write!(f, "{}: the file is empty", path.display()),
            InputError::NoText { path } => write!(f, "{}: no text layer (a scanned document?)", path.display()),
            InputError::NotText { path, detail } => write!(f, "{}: not a text report: {detail}", path.display()),
        }
    }
}

impl std::error::Error for InputError {}

/// Reads at most `limit` bytes (plus one, to tell that there were more).
fn read_bounded(
    reader: impl Read,
    path: &Path,
    limit: u64,
    expected_size: u64,
) -> Result<Vec<u8>, InputError> {
    // Sized up front (plus one byte to see the end), the buffer is filled in one or two reads
    // instead of growing from nothing.
    let capacity = usize::try_from(expected_size.min(limit)).unwrap_or(0) + 1;
    let mut bytes = Vec::with_capacity(capacity);
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| InputError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    if bytes.len() as u64 > limit {
        return Err(InputError::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Reads and decodes a file. The file is opened read-only; nothing is ever written to it.
pub fn read_file(path: &Path, options: ReadOptions) -> Result<SourceText, InputError> {
    let io_error = |source| InputError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = fs::File::open(path).map_err(io_error)?;
    let size = file.metadata().map_err(io_error)?.len();
    if size > options.limits.max_file_size {
        return Err(InputError::TooLarge {
            path: path.to_path_buf(),
            size,
            limit: options.limits.max_file_size,
        });
    }
    let bytes = read_bounded(file, path, options.limits.max_file_size, size)?;
    from_bytes(path, path.display().to_string(), &bytes, options)
}

/// Reads and decodes standard input, named `name` in diagnostics (its extension picks the format).
pub fn read_stdin(name: &str, options: ReadOptions) -> Result<SourceText, InputError> {
    let path = Path::new(name);
    let bytes = read_bounded(io::stdin().lock(), path, options.limits.max_file_size, 0)?;
    from_bytes(path, name.to_string(), &bytes, options)
}

/// Decodes a file's bytes, and extracts the report from a web page.
fn from_bytes(
    path: &Path,
    name: String,
    bytes: &[u8],
    options: ReadOptions,
) -> Result<SourceText, InputError> {
    let not_text = |detail: String| InputError::NotText {
        path: path.to_path_buf(),
        detail,
    };
    match extension(path).as_deref() {
        Some("docx") => {
            let document = docx::extract(bytes, options.limits.max_file_size).map_err(not_text)?;
            if !document.text.chars().any(crate::text::fold::is_han) {
                return Err(not_text("the document has no Chinese text".to_string()));
            }
            return Ok(SourceText::extracted(
                name,
                document.text,
                document.locations,
            ));
        }
        Some("doc" | "wps") => {
            return Err(not_text(
                "an old binary Word/WPS document: save it as .docx (or as text) to check it"
                    .to_string(),
            ))
        }
        Some("pdf") => {
            let document = pdf::extract(bytes, options.limits.max_file_size).map_err(not_text)?;
            let damaged = !(document.unread.is_empty() && document.damaged.is_empty());
            if !document.text.chars().any(crate::text::fold::is_han) {
                // Pages lost to damage, not a scan: saying "no text layer" would mislead.
                if damaged {
                    return Err(not_text(format!(
                        "not a readable PDF (damaged or cut off: no text could be read from its {} pages)",
                        document.page_count
                    )));
                }
                return Err(InputError::NoText {
                    path: path.to_path_buf(),
                });
            }
            let partial = damaged.then(|| Partial {
                read: document.pages.iter().map(|&(_, page)| page).collect(),
                damaged: document.damaged,
                page_count: document.page_count,
            });
            let pages = document
                .pages
                .into_iter()
                .map(|(offset, page)| (offset, docx::Location::Page { page, line: 1 }))
                .collect();
            let mut source =
                SourceText::extracted(name, document.text, pages).with_paragraphs_joined();
            source.partial = partial;
            return Ok(source);
        }
        _ => {}
    }
    if !is_html(path) {
        return Ok(decode(path, name, bytes, options.encoding)?.with_paragraphs_joined());
    }
    // A page's own charset declaration comes before detection; `--encoding` before both.
    let declared = options.encoding.or_else(|| {
        html::declared_charset(bytes).and_then(|label| decode::encoding_for_label(&label))
    });
    let page =
        decode(path, name.clone(), bytes, declared).or_else(|_| decode(path, name, bytes, None))?;
    let extracted = html::extract(&page.text);
    if !extracted.text.chars().any(crate::text::fold::is_han) {
        return Err(InputError::NotText {
            path: path.to_path_buf(),
            detail: "the page has no Chinese text (is the report an image or loaded by script?)"
                .to_string(),
        });
    }
    Ok(SourceText {
        name: page.name,
        text: extracted.text,
        display: Some(Display {
            text: page.text,
            starts: extracted.starts,
            ends: extracted.ends,
        }),
        byte_map: page.byte_map,
        encoding: page.encoding,
        locations: None,
        partial: None,
    })
}

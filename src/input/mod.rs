//! Reading input: bytes from a file or standard input, decoded to text.
//!
//! UTF-8 (with or without a byte-order mark) is used as it is, so offsets into the text are
//! offsets into the file. Other encodings — UTF-16 with a byte-order mark, GBK/GB18030 and Big5,
//! detected or named with `--encoding` — are decoded with a map from each byte of the decoded text
//! back to the file's bytes, so that findings still point at the file's own bytes.

pub mod decode;

use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

pub use decode::decode;

/// A file's text, ready for normalisation.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// The name diagnostics use for the file (the path as the user gave it).
    pub name: String,
    /// The decoded text.
    pub text: String,
    /// For a file that was not UTF-8: for each byte of `text` (and one past the end), the offset
    /// of the file byte it was decoded from. `None`: `text` is the file's bytes.
    pub byte_map: Option<Vec<u32>>,
    /// The encoding the file was read in (`UTF-8`, `GBK`, `Big5`, `UTF-16LE`, …).
    pub encoding: &'static str,
}

impl SourceText {
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
            InputError::NotText { path, detail } => write!(f, "{}: not a text report: {detail}", path.display()),
        }
    }
}

impl std::error::Error for InputError {}

/// Reads at most `limit` bytes (plus one, to tell that there were more).
fn read_bounded(reader: impl Read, path: &Path, limit: u64) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::new();
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
    let bytes = read_bounded(file, path, options.limits.max_file_size)?;
    decode(path, path.display().to_string(), &bytes, options.encoding)
}

/// Reads and decodes standard input, named `name` in diagnostics.
pub fn read_stdin(name: &str, options: ReadOptions) -> Result<SourceText, InputError> {
    let path = Path::new(name);
    let bytes = read_bounded(io::stdin().lock(), path, options.limits.max_file_size)?;
    decode(path, name.to_string(), &bytes, options.encoding)
}

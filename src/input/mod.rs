//! Reading input: bytes from disk (or a rule example), decoded to text.
//!
//! Every later stage works on the decoded text; its byte offsets are the original file's, because
//! UTF-8 files are used as they are (a byte-order mark stays in place and is folded away by the
//! normaliser, so offsets do not shift).

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// A file's text, ready for normalisation.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// The name diagnostics use for the file (the path as the user gave it).
    pub name: String,
    /// The file's text; byte offsets into it are byte offsets into the file.
    pub text: String,
}

/// Why an input could not be read.
#[derive(Debug)]
pub enum InputError {
    Io { path: PathBuf, source: io::Error },
    NotText { path: PathBuf, detail: String },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Io { path, source } => {
                write!(f, "{}: cannot read: {source}", path.display())
            }
            InputError::NotText { path, detail } => {
                write!(f, "{}: not a UTF-8 text file: {detail}", path.display())
            }
        }
    }
}

impl std::error::Error for InputError {}

/// Reads and decodes a file.
pub fn read_file(path: &Path) -> Result<SourceText, InputError> {
    let bytes = fs::read(path).map_err(|source| InputError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    decode(path, bytes)
}

/// Decodes a file's bytes. Only UTF-8 (with or without a byte-order mark) is read for now.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<SourceText, InputError> {
    if bytes.contains(&0) {
        return Err(InputError::NotText {
            path: path.to_path_buf(),
            detail: "it contains NUL bytes (a binary file, or UTF-16)".to_string(),
        });
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceText {
            name: path.display().to_string(),
            text,
        }),
        Err(error) => Err(InputError::NotText {
            path: path.to_path_buf(),
            detail: format!(
                "invalid byte at offset {} (convert GBK/Big5 files to UTF-8 first, e.g. `iconv -f GBK -t UTF-8`)",
                error.utf8_error().valid_up_to()
            ),
        }),
    }
}

//! PDF: the text layer, page by page, with lopdf (which reads the CID fonts Chinese PDFs use).
//!
//! Each page's text is appended with the offset where the page starts, so diagnostics can say
//! "page 3, line 12". A PDF without a text layer (a scan) yields no text: the caller reports that
//! once (`input/no-text`) instead of a flood of "missing section" findings.
//!
//! A text layer has one line per printed line; [`super::wrap`] rejoins each paragraph's lines.

use std::panic::{catch_unwind, AssertUnwindSafe};

/// The text of a PDF and where each page starts in it.
#[derive(Debug, Clone, Default)]
pub struct PdfText {
    pub text: String,
    /// `(byte offset in text, page number)`, in order.
    pub pages: Vec<(u32, u32)>,
}

/// Extracts the text layer, decompressing at most `limit` bytes of content per page.
pub fn extract(bytes: &[u8], limit: u64) -> Result<PdfText, String> {
    // lopdf is defensive, but a malformed file must not take the run down with it.
    let loaded = catch_unwind(AssertUnwindSafe(|| lopdf::Document::load_mem(bytes)))
        .map_err(|_| "not a readable PDF (the reader failed on it)".to_string())?
        .map_err(|error| format!("not a readable PDF ({error})"))?;
    let mut out = PdfText::default();
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    for number in loaded.get_pages().keys().copied() {
        let page = catch_unwind(AssertUnwindSafe(|| {
            loaded.extract_text_with_limit(&[number], limit)
        }));
        let Ok(Ok(text)) = page else {
            continue;
        };
        out.pages.push((out.text.len() as u32, number));
        out.text.push_str(&text);
        if !out.text.ends_with('\n') {
            out.text.push('\n');
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_files_are_errors_not_panics() {
        assert!(extract(b"%PDF-1.4\n%garbage", 1 << 20).is_err());
        assert!(extract(b"", 1 << 20).is_err());
    }
}

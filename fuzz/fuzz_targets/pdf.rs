//! Reading arbitrary bytes as a PDF never panics (or, if the reader does, it is caught): lopdf's
//! parser, the content-stream interpreter, fonts and CMaps, lines and ruled grids.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(document) = ogilint::input::pdf::extract(bytes, 1 << 20) {
        assert!(document
            .pages
            .iter()
            .all(|(offset, _)| *offset as usize <= document.text.len()));
        // A page is either read or unread, and both are pages of the document.
        for (_, page) in &document.pages {
            assert!(!document.unread.contains(page));
            assert!(*page >= 1 && *page <= document.page_count);
        }
        assert!(document.unread.iter().all(|page| *page <= document.page_count));
        // A page read only in part is a page read.
        for page in &document.damaged {
            assert!(document.pages.iter().any(|(_, read)| read == page));
        }
    }
});

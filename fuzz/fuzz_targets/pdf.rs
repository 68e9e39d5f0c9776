//! Reading arbitrary bytes as a PDF never panics (or, if the reader does, it is caught).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(document) = ogilint::input::pdf::extract(bytes, 1 << 20) {
        assert!(document
            .pages
            .iter()
            .all(|(offset, _)| *offset as usize <= document.text.len()));
    }
});

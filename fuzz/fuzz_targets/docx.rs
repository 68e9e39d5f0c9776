//! Reading arbitrary bytes as a Word document never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(document) = ogilint::input::docx::extract(bytes, 1 << 20) {
        assert!(document
            .locations
            .iter()
            .all(|(offset, _)| *offset as usize <= document.text.len()));
    }
});

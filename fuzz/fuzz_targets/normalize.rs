//! The normaliser never panics, and its offset map always lands on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let normalized = ogilint::text::normalize(text);
    let folded = normalized.as_str();
    for (offset, ch) in folded.char_indices() {
        let range = normalized.original_range(offset..offset + ch.len_utf8());
        assert!(range.start <= range.end && range.end <= text.len());
        assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
    }
});

//! Extracting a report from arbitrary HTML never panics, and every extracted byte maps into the
//! page.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|page: &str| {
    let extracted = ogilint::input::html::extract(page);
    assert_eq!(extracted.starts.len(), extracted.text.len());
    for (&start, &end) in extracted.starts.iter().zip(&extracted.ends) {
        assert!(start <= end && end as usize <= page.len());
        assert!(page.is_char_boundary(start as usize) && page.is_char_boundary(end as usize));
    }
});

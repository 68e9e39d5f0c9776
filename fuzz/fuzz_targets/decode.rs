//! Decoding arbitrary bytes never panics; a decoded text's byte map stays within the input.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(source) =
        ogilint::input::decode(Path::new("fuzz.txt"), "fuzz.txt".to_string(), bytes, None)
    {
        if let Some(map) = &source.byte_map {
            assert_eq!(map.len(), source.text.len() + 1);
            assert!(map.iter().all(|&offset| offset as usize <= bytes.len()));
        }
    }
});

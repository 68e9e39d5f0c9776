//! Generates the Traditional→Simplified character table from the vendored OpenCC data.
//!
//! `data/opencc/TSCharacters.txt` (Apache-2.0, see `data/opencc/LICENSE`) maps each Traditional
//! character to one or more Simplified candidates. ogilint folds text for *matching*, so it takes
//! the first candidate every time: the same fold is applied to rule patterns, so an aggressive fold
//! can only make equal things compare equal.

use std::{env, fs, path::PathBuf};

fn main() {
    let source = "data/opencc/TSCharacters.txt";
    println!("cargo:rerun-if-changed={source}");
    let data = fs::read_to_string(source).expect("vendored OpenCC table is readable");
    let mut pairs: Vec<(char, char)> = Vec::new();
    for line in data.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let Some((key, values)) = line.split_once('\t') else {
            continue;
        };
        let mut key_chars = key.chars();
        let (Some(from), None) = (key_chars.next(), key_chars.next()) else {
            continue;
        };
        let Some(first) = values.split(' ').next() else {
            continue;
        };
        let mut value_chars = first.chars();
        let (Some(to), None) = (value_chars.next(), value_chars.next()) else {
            continue;
        };
        if from != to {
            pairs.push((from, to));
        }
    }
    pairs.sort_unstable();
    pairs.dedup_by_key(|pair| pair.0);
    let mut out = String::from("/// Traditional→Simplified pairs, sorted by the Traditional character.\npub static T2S_PAIRS: &[(char, char)] = &[\n");
    for (from, to) in &pairs {
        out.push_str(&format!(
            "    ('\\u{{{:x}}}', '\\u{{{:x}}}'),\n",
            *from as u32, *to as u32
        ));
    }
    out.push_str("];\n");
    let dest = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("t2s_table.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}

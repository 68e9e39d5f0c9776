//! Character-level folding shared by document text and rule patterns.
//!
//! Every character goes through the same three steps, so that a rule written once in Simplified
//! Chinese and half-width forms matches Traditional, full-width and mojibake variants alike:
//! 1. mojibake brackets seen in real files (`„2008‟` for `〔2008〕`) are repaired;
//! 2. NFKC compatibility folding (full-width digits, letters and punctuation become ASCII,
//!    Kangxi radicals become ideographs, `㈠` becomes `(一)`);
//! 3. Traditional→Simplified, one character at a time, from OpenCC's `TSCharacters.txt`.

use std::sync::LazyLock;

use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

include!(concat!(env!("OUT_DIR"), "/t2s_table.rs"));

/// Folds one character, pushing the folded result (possibly several characters, possibly none)
/// into `out`.
pub fn fold_char(ch: char, out: &mut impl FnMut(char)) {
    if ch.is_ascii() {
        out(ch);
        return;
    }
    match ch {
        // Broken converters write the GB brackets of document numbers as low/high quotes.
        '\u{201E}' => return out('〔'),
        '\u{201F}' => return out('〕'),
        // Invisible characters that break words apart.
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\u{00AD}' => return,
        '\u{2028}' | '\u{2029}' | '\u{0085}' => return out('\n'),
        _ => {}
    }
    // Full-width ASCII forms (`，` `（` `２`) are common in reports, and NFKC maps them to ASCII
    // by a fixed offset: do that directly.
    if ('\u{FF01}'..='\u{FF5E}').contains(&ch) {
        return out(char::from_u32(ch as u32 - 0xFEE0).unwrap_or(ch));
    }
    if ch == '\u{3000}' {
        return out(' ');
    }
    // NFKC leaves unified ideographs and most punctuation alone: its quick check (a table lookup)
    // skips the decomposition on the hot path.
    if is_cjk_unified(ch) || is_nfkc_quick(std::iter::once(ch)) == IsNormalized::Yes {
        return out(simplify(ch));
    }
    for folded in std::iter::once(ch).nfkc() {
        out(simplify(folded));
    }
}

/// First and last code point of the direct lookup table (CJK Extension A and the Unified block,
/// where nearly all Traditional characters are).
const DIRECT_FIRST: u32 = 0x3400;
const DIRECT_LAST: u32 = 0x9FFF;

/// `DIRECT[ch - DIRECT_FIRST]` is the simplified form of `ch` (or `ch` itself): one array index per
/// character instead of a binary search, on the hottest path of normalisation.
static DIRECT: LazyLock<Box<[char]>> = LazyLock::new(|| {
    let mut table: Vec<char> = (DIRECT_FIRST..=DIRECT_LAST)
        .map(|code| char::from_u32(code).unwrap_or('\0'))
        .collect();
    for &(from, to) in T2S_PAIRS {
        let code = from as u32;
        if (DIRECT_FIRST..=DIRECT_LAST).contains(&code) {
            table[(code - DIRECT_FIRST) as usize] = to;
        }
    }
    table.into_boxed_slice()
});

/// Folds the three-byte characters that make up most of a report (Han characters, CJK and
/// full-width punctuation, curly quotes) and that fold to one character whatever surrounds them.
/// The hot path of normalisation: it decodes the bytes itself and skips the general
/// [`fold_char`]. Full-width `（`, the full-width space and the mojibake brackets are left to the
/// general path, which treats them specially. A loop over a text holds one folder, so that the
/// table is looked up without a lazy-initialisation check per character.
#[derive(Clone, Copy)]
pub struct CommonFolder {
    direct: &'static [char],
    kept: &'static [u64; KEPT_PAGES],
}

impl Default for CommonFolder {
    fn default() -> CommonFolder {
        CommonFolder {
            direct: &DIRECT,
            kept: &KEPT,
        }
    }
}

/// Three-byte UTF-8 characters by their first two bytes: 16 × 64 pages of 64 characters.
const KEPT_PAGES: usize = 1 << 10;

/// Bit `third & 0x3F` of `KEPT[(lead & 0x0F) << 6 | (second & 0x3F)]` is set if the three-byte
/// character `lead second third` is its own fold ([`CommonFolder::fold_aligned`] gives it back
/// unchanged): most characters of a report. One table lookup answers that straight from the bytes,
/// without decoding the character.
static KEPT: LazyLock<Box<[u64; KEPT_PAGES]>> = LazyLock::new(|| {
    let mut kept = Box::new([0; KEPT_PAGES]);
    let mut keep = |code: u32| kept[(code >> 6) as usize] |= 1 << (code & 0x3F);
    // What `fold_code` gives back unchanged (a test checks every three-byte character), read
    // straight from the tables: this is built at start-up, which a single-file run pays.
    (0x3001..=0x301F).chain(0x2018..=0x201D).for_each(&mut keep);
    let unified = &DIRECT[(0x4E00 - DIRECT_FIRST) as usize..];
    for (code, &folded) in (0x4E00..).zip(unified) {
        if folded as u32 == code {
            keep(code);
        }
    }
    kept
});

impl CommonFolder {
    /// Whether `bytes` start with a three-byte character that is its own fold (one lookup in the
    /// kept table, without decoding the character).
    #[inline]
    pub fn is_kept(self, bytes: &[u8]) -> bool {
        let &[lead, second, third, ..] = bytes else {
            return false;
        };
        self.is_kept_char(lead, second, third)
    }

    /// Whether the bytes `lead second third` (the start of a character) are a three-byte
    /// character that is its own fold.
    #[inline]
    pub fn is_kept_char(self, lead: u8, second: u8, third: u8) -> bool {
        if lead & 0xF0 != 0xE0 {
            return false;
        }
        let page = usize::from(lead & 0x0F) << 6 | usize::from(second & 0x3F);
        self.kept[page] >> (third & 0x3F) & 1 == 1
    }

    /// If `bytes` start with such a character, that character folded.
    #[inline]
    pub fn fold(self, bytes: &[u8]) -> Option<char> {
        self.fold_code(three_byte_code(bytes)?)
    }

    /// If `bytes` start with such a character and it folds to a three-byte character too (a
    /// Traditional character to its Simplified form, or itself), the folded character.
    #[inline]
    pub fn fold_aligned(self, bytes: &[u8]) -> Option<char> {
        let folded = self.fold_code(three_byte_code(bytes)?)?;
        (folded.len_utf8() == 3).then_some(folded)
    }

    #[inline]
    fn fold_code(self, code: u32) -> Option<char> {
        match code {
            0x4E00..=0x9FFF => self.direct.get((code - DIRECT_FIRST) as usize).copied(),
            // Full-width ASCII: NFKC maps it to ASCII by a fixed offset.
            0xFF01..=0xFF5E if code != 0xFF08 => char::from_u32(code - 0xFEE0),
            // `、。〃` and the CJK brackets `〈〉《》「」『』【】〔〕…`: already NFKC, not Traditional.
            0x3001..=0x301F | 0x2018..=0x201D => char::from_u32(code),
            _ => None,
        }
    }
}

/// The code point of the three-byte UTF-8 character `bytes` start with, if they do.
#[inline]
fn three_byte_code(bytes: &[u8]) -> Option<u32> {
    let &[lead @ 0xE0..=0xEF, second, third, ..] = bytes else {
        return None;
    };
    Some((u32::from(lead & 0x0F) << 12) | (u32::from(second & 0x3F) << 6) | u32::from(third & 0x3F))
}

/// Maps a Traditional character to its first Simplified candidate; other characters unchanged.
pub fn simplify(ch: char) -> char {
    let code = ch as u32;
    if code < DIRECT_FIRST {
        return ch;
    }
    if code <= DIRECT_LAST {
        return DIRECT[(code - DIRECT_FIRST) as usize];
    }
    match T2S_PAIRS.binary_search_by_key(&ch, |pair| pair.0) {
        Ok(index) => T2S_PAIRS[index].1,
        Err(_) => ch,
    }
}

/// Folds a whole string the way document text is folded (without the offset bookkeeping).
/// Used for short labels such as heading names and user input.
pub fn fold_str(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for ch in input.chars() {
        fold_char(ch, &mut |folded| out.push(folded));
    }
    out
}

/// Folds a regular expression so that it matches folded text: literal characters are folded like
/// text, and a full-width character that folds to a regex metacharacter (`（` → `(`) is escaped,
/// because the author meant the literal bracket, not a group. Spaces next to Han characters are
/// dropped, as they are in document text.
pub fn fold_pattern(pattern: &str) -> String {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::with_capacity(pattern.len());
    let mut escaped = false;
    for (index, &ch) in chars.iter().enumerate() {
        if escaped {
            escaped = false;
            // Text is NFKC-folded, so every digit is ASCII: `[0-9]` keeps the DFA small where
            // Unicode `\d` would blow its cache.
            match ch {
                'd' => out.push_str("[0-9]"),
                'D' => out.push_str("[^0-9]"),
                _ => {
                    out.push('\\');
                    out.push(ch);
                }
            }
            continue;
        }
        if ch == '\\' {
            escaped = true;
            continue;
        }
        if ch == ' ' || ch == '\u{3000}' {
            let prev_cjk = index > 0 && is_cjk(chars[index - 1]);
            let next_cjk = chars.get(index + 1).is_some_and(|c| is_cjk(*c));
            if prev_cjk || next_cjk {
                continue;
            }
        }
        if ch.is_ascii() {
            out.push(ch);
            continue;
        }
        fold_char(ch, &mut |folded| {
            if folded.is_ascii() && regex_syntax_char(folded) {
                out.push('\\');
            }
            out.push(folded);
        });
    }
    if escaped {
        // Keep a dangling backslash so that the regex compiler reports it.
        out.push('\\');
    }
    out
}

fn regex_syntax_char(ch: char) -> bool {
    matches!(
        ch,
        '\\' | '.'
            | '+'
            | '*'
            | '?'
            | '('
            | ')'
            | '|'
            | '['
            | ']'
            | '{'
            | '}'
            | '^'
            | '$'
            | '#'
            | '&'
            | '-'
            | '~'
    )
}

/// CJK Unified Ideographs and their extensions (plus `〇`, which reports use as a digit).
pub fn is_han(ch: char) -> bool {
    is_cjk_unified(ch)
        || matches!(ch as u32,
            0x3400..=0x4DBF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
        || ch == '〇'
}

fn is_cjk_unified(ch: char) -> bool {
    matches!(ch as u32, 0x4E00..=0x9FFF)
}

/// Han characters and CJK punctuation: the characters next to which a space is never meaningful.
pub fn is_cjk(ch: char) -> bool {
    is_han(ch)
        || matches!(ch as u32,
            0x3000..=0x303F | 0xFF00..=0xFFEF | 0xFE30..=0xFE4F | 0x2018..=0x201F | 0x2014 | 0x2026 | 0x00B7)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_traditional_and_full_width() {
        assert_eq!(
            fold_str("政府信息公開工作年度報告"),
            "政府信息公开工作年度报告"
        );
        assert_eq!(fold_str("複議、聯繫"), "复议、联系");
        assert_eq!(fold_str("２０１９年（一）：，"), "2019年(一):,");
        // The full-width shortcut agrees with NFKC over the whole block.
        for code in 0xFF01..=0xFF5E {
            let ch = char::from_u32(code).expect("valid");
            let nfkc: String = std::iter::once(ch).nfkc().collect();
            assert_eq!(fold_str(&ch.to_string()), fold_str(&nfkc), "U+{code:04X}");
        }
        assert_eq!(fold_str("国办发„2008‟36号"), "国办发〔2008〕36号");
    }

    #[test]
    fn the_common_path_agrees_with_the_general_one() {
        let ranges = [
            0x3000..=0x303F,
            0x4E00..=0x9FFF,
            0xFF00..=0xFFEF,
            0x2010..=0x2027,
        ];
        let mut covered = 0;
        for code in ranges.into_iter().flatten() {
            let ch = char::from_u32(code).expect("valid");
            if let Some(common) = CommonFolder::default().fold(ch.to_string().as_bytes()) {
                covered += 1;
                assert_eq!(
                    common.to_string(),
                    fold_str(&ch.to_string()),
                    "U+{code:04X}"
                );
            }
        }
        assert!(covered > 20_000);
        for special in ['（', '\u{3000}', '\u{201E}', '\u{201F}', '…', 'a', '𠀀'] {
            assert_eq!(
                CommonFolder::default().fold(special.to_string().as_bytes()),
                None,
                "{special}"
            );
        }
    }

    #[test]
    fn the_kept_table_agrees_with_folding() {
        let folder = CommonFolder::default();
        let mut kept = 0;
        for code in 0x800..=0xFFFF {
            let Some(ch) = char::from_u32(code) else {
                continue;
            };
            let bytes = ch.to_string();
            let unchanged = folder.fold_aligned(bytes.as_bytes()) == Some(ch);
            assert_eq!(folder.is_kept(bytes.as_bytes()), unchanged, "U+{code:04X}");
            kept += usize::from(unchanged);
        }
        // Most unified ideographs are their own fold; Traditional ones are not.
        assert!(kept > 17_000, "{kept}");
        assert!(folder.is_kept("政".as_bytes()));
        assert!(!folder.is_kept("開".as_bytes()));
        assert!(!folder.is_kept("，".as_bytes()));
    }

    #[test]
    fn folds_patterns_without_turning_brackets_into_groups() {
        assert_eq!(fold_pattern("（一）總體情況"), r"\(一\)总体情况");
        assert_eq!(fold_pattern("(一|二)、概 述"), "(一|二)、概述");
        assert_eq!(fold_pattern(r"共\d+件\(\D"), r"共[0-9]+件\([^0-9]");
    }
}

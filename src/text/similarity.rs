//! How alike two texts are, for comparing a report's sections with last year's.
//!
//! A text is reduced to its words: only Han characters are kept, and of those not the numerals
//! (`二〇二三`, `十五`), so that a new year, new figures and new punctuation do not hide a copy.
//! What remains is cut into overlapping four-character shingles, whose set does not care about
//! the order of sentences. Two sets are compared by their Jaccard index (shared shingles over all
//! shingles).
//!
//! The sections of every report that pairs are kept until the end of a run (which may pair
//! thousands), so a set is kept as a bottom-k sketch: the [`SKETCH_SIZE`] smallest shingle hashes. A section with fewer shingles is
//! kept whole and compared exactly; a longer one is estimated with a standard error of about
//! `sqrt(J(1−J)/k)` (under 0.06 for k = 64), and its memory is bounded.

/// Characters per shingle: four characters are about two words of Chinese, long enough that
/// shared shingles mean shared phrasing, short enough that a lightly edited sentence still shares
/// most of them.
pub const SHINGLE: usize = 4;

/// Hashes kept per text.
pub const SKETCH_SIZE: usize = 64;

/// The bottom-k sketch of a text's shingles: sorted, distinct hashes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sketch {
    hashes: Vec<u32>,
}

/// Whether a character counts as a word of the text (a Han character that is not a numeral).
fn is_word_char(c: char) -> bool {
    let han =
        matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}');
    han && !matches!(
        c,
        '〇' | '零'
            | '一'
            | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
            | '亿'
            | '两'
    )
}

/// A shingle's hash (FNV-1a over the characters, then mixed, so the low values are spread).
fn hash(window: &[char]) -> u32 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in window {
        hash ^= u64::from(u32::from(c));
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
    hash ^= hash >> 33;
    (hash >> 32) as u32
}

/// The `k` smallest distinct values of `values`, in order. Linear on average: the smallest few
/// are selected before anything is sorted, and only a run whose smallest values repeat so much
/// that fewer than `k` distinct ones are among them is sorted whole.
fn smallest_distinct(mut values: Vec<u32>, k: usize) -> Vec<u32> {
    let candidates = 4 * k;
    if values.len() > candidates {
        values.select_nth_unstable(candidates);
        let smallest = &mut values[..=candidates];
        smallest.sort_unstable();
        let mut distinct: Vec<u32> = Vec::with_capacity(k);
        for &value in smallest.iter() {
            if distinct.last() != Some(&value) {
                distinct.push(value);
                if distinct.len() == k {
                    return distinct;
                }
            }
        }
    }
    values.sort_unstable();
    values.dedup();
    values.truncate(k);
    values.shrink_to_fit();
    values
}

impl Sketch {
    /// The sketch of a text: one pass over it, then the shingle hashes sorted once.
    pub fn of(text: &str) -> Sketch {
        let mut window = ['\0'; SHINGLE];
        let mut filled = 0;
        let mut hashes: Vec<u32> = Vec::new();
        for c in text.chars().filter(|&c| is_word_char(c)) {
            // Shifted by hand: `rotate_left` is a general routine, and this runs on every character.
            window = [window[1], window[2], window[3], c];
            filled += 1;
            if filled >= SHINGLE {
                hashes.push(hash(&window));
            }
        }
        Sketch {
            hashes: smallest_distinct(hashes, SKETCH_SIZE),
        }
    }

    /// Whether the text had no shingle (empty, or shorter than a shingle).
    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    /// The Jaccard index of the two texts' shingle sets (estimated from the sketches), or `None`
    /// when either text has no shingle.
    pub fn similarity(&self, other: &Sketch) -> Option<f64> {
        if self.is_empty() || other.is_empty() {
            return None;
        }
        // The k smallest hashes of the union, and how many of them both texts have.
        let (mut a, mut b) = (
            self.hashes.iter().peekable(),
            other.hashes.iter().peekable(),
        );
        let (mut taken, mut shared) = (0usize, 0usize);
        while taken < SKETCH_SIZE {
            match (a.peek(), b.peek()) {
                (Some(&&x), Some(&&y)) if x == y => {
                    shared += 1;
                    a.next();
                    b.next();
                }
                (Some(&&x), Some(&&y)) if x < y => {
                    a.next();
                }
                (Some(_), Some(_)) => {
                    b.next();
                }
                (Some(_), None) => {
                    a.next();
                }
                (None, Some(_)) => {
                    b.next();
                }
                (None, None) => break,
            }
            taken += 1;
        }
        Some(shared as f64 / taken as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::{smallest_distinct, Sketch};

    #[test]
    fn copies_with_new_years_and_figures_are_the_same() {
        let old = "2022年,我局政府信息公开工作存在的问题:一是主动公开的深度不够,二是解读形式单一。";
        let new = "2023年,我局政府信息公开工作存在的问题:一是主动公开的深度不够;二是解读形式单一!";
        assert_eq!(Sketch::of(old).similarity(&Sketch::of(new)), Some(1.0));
    }

    #[test]
    fn reordered_sentences_stay_alike_and_rewritten_text_does_not() {
        let old = "加强政策解读工作,丰富解读形式。完善依申请公开办理机制,规范答复文书。";
        let reordered = "完善依申请公开办理机制,规范答复文书。加强政策解读工作,丰富解读形式。";
        let rewritten = "下一步将围绕重点领域信息公开,推进基层政务公开标准化建设,提升公众满意度。";
        let score = Sketch::of(old)
            .similarity(&Sketch::of(reordered))
            .unwrap_or(0.0);
        assert!(score > 0.8, "{score}");
        let score = Sketch::of(old)
            .similarity(&Sketch::of(rewritten))
            .unwrap_or(1.0);
        assert!(score < 0.1, "{score}");
        assert_eq!(Sketch::of("无").similarity(&Sketch::of(old)), None);
    }

    #[test]
    fn long_texts_are_estimated_from_a_bounded_sketch() {
        // Distinct words (not numerals), so the text has far more shingles than a sketch keeps.
        let long: String = (0..2000u32)
            .filter_map(|index| char::from_u32(0x5000 + index * 3))
            .collect();
        let sketch = Sketch::of(&long);
        assert_eq!(sketch.hashes.len(), super::SKETCH_SIZE);
        assert_eq!(sketch.similarity(&sketch), Some(1.0));
    }

    #[test]
    fn the_smallest_distinct_values_are_those_of_a_full_sort() {
        let naive = |values: &[u32], k: usize| {
            let mut values = values.to_vec();
            values.sort_unstable();
            values.dedup();
            values.truncate(k);
            values
        };
        // Spread values, and values whose smallest repeat many times (a phrase said over and over).
        let spread: Vec<u32> = (0..5000u32)
            .map(|i| i.wrapping_mul(2_654_435_761))
            .collect();
        let mut repeated: Vec<u32> = vec![7; 900];
        repeated.extend((0..900u32).map(|i| 1000 + i % 50));
        repeated.extend(2000..2100);
        for values in [spread, repeated, vec![3, 1, 2], Vec::new()] {
            for k in [1, 64] {
                assert_eq!(smallest_distinct(values.clone(), k), naive(&values, k));
            }
        }
    }
}

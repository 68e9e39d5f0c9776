//! Properties of the offset map from normalised text back to the original.

use ogilint::text::normalize;
use proptest::prelude::*;

/// Text like real reports: Traditional and Simplified Han, full-width forms, stray spaces, page
/// numbers, pinyin annotations, quotes, line breaks.
fn report_like() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "政府",
        "信息",
        "公開",
        "報告",
        "號",
        "(hào)",
        "（一）",
        "２０１９",
        "2019",
        "年",
        " ",
        "　",
        "  ",
        "\t",
        "\n",
        "\r\n",
        "“",
        "”",
        "，",
        "。",
        " 9 ",
        "a",
        "Z",
        "(x)",
        "„",
        "‟",
        "㈠",
        "①",
        "ǎ",
        "\u{200B}",
        "\u{FEFF}",
        "𠀋",
        "⼯",
        "12月31 日",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|parts| parts.concat())
}

proptest! {
    #[test]
    fn every_normalised_range_maps_to_char_boundaries(original in report_like(), a in 0usize..400, b in 0usize..400) {
        let normalized = normalize(&original);
        let text = normalized.as_str();
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len())).collect();
        let start = boundaries[a % boundaries.len()];
        let end = boundaries[b % boundaries.len()];
        let (start, end) = (start.min(end), start.max(end));
        let range = normalized.original_range(start..end);
        prop_assert!(range.start <= range.end);
        prop_assert!(range.end <= original.len());
        prop_assert!(original.is_char_boundary(range.start));
        prop_assert!(original.is_char_boundary(range.end));
        // Monotone: a later position never maps before an earlier one.
        prop_assert!(normalized.original_offset(start) <= normalized.original_offset(end));
    }

    #[test]
    fn ascii_text_is_unchanged(original in "[ -~\t\n\r]{0,200}") {
        let normalized = normalize(&original);
        prop_assert_eq!(normalized.as_str(), original.as_str());
        for end in 0..=original.len() {
            prop_assert_eq!(normalized.original_range(0..end), 0..end);
        }
    }
}

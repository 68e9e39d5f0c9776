//! The same report in the shapes real files give it: a report's findings and title must not
//! change when its text is double-spaced, indented, hard-wrapped with page footers and running
//! headers between the pages, or put into one file with another report, labelled or not.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use common::{hard_wrapped, json, ogilint, rules_by_document, ROOT};

const SEEDS: [&str; 5] = [
    "000_be1dd56c78923606",
    "001_e0f2844ddd246cd5",
    "002_8ea8eed0dcff065f",
    "003_7b0f8fbbe84c9ac2",
    "004_062f0ed1955165dd",
];

/// The seeds, and the 2021 report whose tables have a cell per line (page breaks fall in them).
const REPORTS: [&str; 6] = [
    SEEDS[0],
    SEEDS[1],
    SEEDS[2],
    SEEDS[3],
    SEEDS[4],
    "synthetic/2021-table-cells-per-line",
];

fn seed_text(seed: &str) -> String {
    fs::read_to_string(Path::new(ROOT).join(format!("fixtures/{seed}.txt"))).expect("readable")
}

fn check(path: &Path) -> serde_json::Value {
    json(&ogilint(&[
        "check",
        path.to_str().expect("utf-8 path"),
        "--format",
        "json",
    ]))
}

/// How many times each rule fires in each document, and each document's title.
fn outcome(value: &serde_json::Value) -> (BTreeMap<(u64, String), usize>, Vec<String>) {
    let mut counts = BTreeMap::new();
    for key in rules_by_document(value) {
        *counts.entry(key).or_insert(0) += 1;
    }
    let titles = value["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|document| document["title"].as_str().unwrap_or("").to_string())
        .collect();
    (counts, titles)
}

struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let path = std::env::temp_dir().join(format!("ogilint-{name}-{}", std::process::id()));
        fs::create_dir_all(&path).expect("temp dir");
        Scratch(path)
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.0.join(name);
        fs::write(&path, text).expect("writable");
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// A way to reshape a report's text.
type Reshape = fn(&str) -> String;

/// A page break after every 30 lines, as a conversion from a paged document leaves it: a footer
/// (`- 3 -`), and the next page's running header if one is given.
fn with_page_breaks(text: &str, header: Option<&str>) -> String {
    let mut out = Vec::new();
    for (index, line) in text.split('\n').enumerate() {
        out.push(line.to_string());
        if index % 30 == 29 {
            out.push(format!("- {} -", index / 30 + 1));
            out.extend(header.map(str::to_string));
        }
    }
    out.join("\n")
}

/// The report's title line, as a running header repeats it.
fn title_line(text: &str) -> &str {
    text.lines()
        .find(|line| {
            line.contains("信息公") && line.contains(['报', '報']) && line.chars().count() < 80
        })
        .expect("a title line")
}

#[test]
fn a_report_keeps_its_findings_whatever_shape_its_lines_take() {
    let scratch = Scratch::new("shapes");
    let shapes: [(&str, Reshape); 5] = [
        ("double-spaced", |text| text.replace('\n', "\n\n")),
        ("indented", |text| {
            text.split('\n')
                .map(|line| {
                    if line.chars().count() > 30 {
                        format!("\u{3000}\u{3000}{line}")
                    } else {
                        line.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
        }),
        ("wrapped-with-footers", |text| {
            with_page_breaks(&hard_wrapped(text, 64), None)
        }),
        ("wrapped-with-running-headers", |text| {
            with_page_breaks(&hard_wrapped(text, 82), Some(title_line(text)))
        }),
        ("crlf", |text| text.replace('\n', "\r\n")),
    ];
    for seed in REPORTS {
        let text = seed_text(seed);
        let expected = outcome(&check(
            &Path::new(ROOT).join(format!("fixtures/{seed}.txt")),
        ));
        for (shape, reshape) in shapes {
            // A collection (seed 001) has no one title for a running header.
            if seed.starts_with("001") && shape == "wrapped-with-running-headers" {
                continue;
            }
            let name = seed.replace('/', "-");
            let path = scratch.write(&format!("{name}-{shape}.txt"), &reshape(&text));
            assert_eq!(outcome(&check(&path)), expected, "{seed} {shape}");
        }
    }
}

#[test]
fn reports_in_one_file_each_keep_their_findings() {
    let scratch = Scratch::new("collections");
    // Seed 004 opens with a cover letter, which an unlabelled collection leaves with the report
    // before it: it is put second in a labelled file only. (Seed 001 is a collection itself.)
    for (first, second, labels) in [
        (0, 2, [true, false]),
        (2, 0, [true, false]),
        (3, 0, [true, false]),
        (0, 4, [true, true]),
    ] {
        let (first, second) = (SEEDS[first], SEEDS[second]);
        let mut expected = BTreeMap::new();
        let mut titles = Vec::new();
        for (document, seed) in [first, second].into_iter().enumerate() {
            let (counts, seed_titles) = outcome(&check(
                &Path::new(ROOT).join(format!("fixtures/{seed}.txt")),
            ));
            for ((_, rule), count) in counts {
                expected.insert((document as u64, rule), count);
            }
            titles.extend(seed_titles);
        }
        for labelled in labels {
            let text = if labelled {
                format!(
                    "第1篇:\n{}\n第2篇:\n{}\n",
                    seed_text(first),
                    seed_text(second)
                )
            } else {
                format!("{}\n\n{}\n", seed_text(first), seed_text(second))
            };
            let path = scratch.write(&format!("{first}-{second}-{labelled}.txt"), &text);
            assert_eq!(
                outcome(&check(&path)),
                (expected.clone(), titles.clone()),
                "{first} then {second}, labelled: {labelled}"
            );
        }
    }
}

#[test]
fn section_headings_with_a_space_for_their_mark_are_headings() {
    // `一 总体情况`: offices type a space where the format has `、` (the space is gone once the
    // text is normalised). The report's findings must not change.
    let scratch = Scratch::new("spaced-marks");
    let seed = "synthetic/2021-table-cells-per-line";
    let text = seed_text(seed);
    let spaced: String = text
        .split_inclusive('\n')
        .map(|line| match line.split_once('、') {
            Some((numeral, words))
                if ["一", "二", "三", "四", "五", "六"].contains(&numeral)
                    && !words.starts_with("本年") =>
            {
                format!("{numeral} {words}")
            }
            _ => line.to_string(),
        })
        .collect();
    assert!(spaced.contains("\n四 政府信息公开行政复议、行政诉讼情况\n"));
    let expected = outcome(&check(
        &Path::new(ROOT).join(format!("fixtures/{seed}.txt")),
    ));
    let path = scratch.write("spaced-marks.txt", &spaced);
    assert_eq!(outcome(&check(&path)), expected);
}

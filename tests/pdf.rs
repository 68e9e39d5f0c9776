//! PDFs as their readers see them: reports printed to PDF by LibreOffice from Word documents
//! (`tests/tools/make_office_pdf.py`) give the findings of their Word source, their tables read
//! as grids; the real published report in `../shared/corpus/real/` reads right.

mod common;

use std::path::Path;

use common::{json, ogilint, rules_by_document, ROOT};
use ogilint::input::{read_file, ReadOptions};

/// Each variant of the office fixtures and the rules it must fire (in output order).
const VARIANTS: &[(&str, &[&str])] = &[
    ("clean", &[]),
    (
        "broken-table3-column",
        &["table/row-total", "table/subtotal"],
    ),
    ("broken-table4-total", &["table/review-total"]),
    ("missing-section", &["required/problems"]),
    ("missing-period", &["period/missing"]),
];

/// The shapes offices print borderless tables in besides the default (labels left-aligned,
/// numbers right-aligned, tables in smaller type than the body), each as a clean report and one
/// with a broken 表三 column: `fixtures/pdf/office/borderless/{shape}-{variant}`.
const SHAPES: &[&str] = &[
    "labels-centred",
    "labels-right",
    "numbers-centred",
    "numbers-left",
    "all-centred",
    "body-size",
];

/// Every borderless office fixture (without extension) and the rules it must fire.
fn borderless_fixtures() -> Vec<(String, &'static [&'static str])> {
    let mut fixtures = Vec::new();
    for (variant, expected) in VARIANTS {
        for margins in ["", "-narrow"] {
            fixtures.push((
                format!("fixtures/pdf/office/borderless/{variant}{margins}"),
                *expected,
            ));
        }
    }
    for shape in SHAPES {
        for (variant, expected) in &VARIANTS[..2] {
            fixtures.push((
                format!("fixtures/pdf/office/borderless/{shape}-{variant}"),
                *expected,
            ));
        }
    }
    fixtures
}

fn check_json(path: &str) -> serde_json::Value {
    json(&ogilint(&["check", path, "--format", "json"]))
}

#[test]
fn office_pdfs_give_the_findings_of_their_word_source() {
    for (variant, expected) in VARIANTS {
        for margins in ["", "-narrow"] {
            let word = format!("fixtures/pdf/office/{variant}{margins}.docx");
            let pdf = format!("fixtures/pdf/office/{variant}{margins}.pdf");
            let (word, pdf_result) = (check_json(&word), check_json(&pdf));
            let expected: Vec<(u64, String)> =
                expected.iter().map(|rule| (0, rule.to_string())).collect();
            assert_eq!(rules_by_document(&pdf_result), expected, "{pdf}");
            assert_eq!(rules_by_document(&word), expected, "{pdf}'s Word source");
            for field in ["title", "report_year", "period", "issuer"] {
                assert_eq!(
                    pdf_result["documents"][0][field], word["documents"][0][field],
                    "{pdf} {field}"
                );
            }
            // The title is printed over two lines: the issuer, then the year and the name.
            assert_eq!(
                pdf_result["documents"][0]["report_year"]["source"], "title",
                "{pdf}"
            );
        }
    }
}

#[test]
fn borderless_office_pdfs_give_the_findings_of_their_word_source() {
    // The same reports printed with their tables' borders removed, in each shape (labels
    // centred or right-aligned, numbers centred, all in the body's 16-point type): the tables
    // are found from how their text lines up, so the injected defects are found and nothing
    // else.
    for (base, expected) in borderless_fixtures() {
        let (word, pdf) = (format!("{base}.docx"), format!("{base}.pdf"));
        let (word, pdf_result) = (check_json(&word), check_json(&pdf));
        let expected: Vec<(u64, String)> =
            expected.iter().map(|rule| (0, rule.to_string())).collect();
        assert_eq!(rules_by_document(&pdf_result), expected, "{pdf}");
        assert_eq!(rules_by_document(&word), expected, "{pdf}'s Word source");
        for field in ["title", "report_year", "period", "issuer"] {
            assert_eq!(
                pdf_result["documents"][0][field], word["documents"][0][field],
                "{pdf} {field}"
            );
        }
    }
}

/// `ogilint inspect FILE --format json`: each table's id and grid, in order.
fn grids_of(path: &str) -> Vec<(String, Vec<Vec<String>>)> {
    let inspection = json(&ogilint(&[
        "inspect", path, "--format", "json", "--show", "tables",
    ]));
    inspection["documents"][0]["tables"]
        .as_array()
        .expect("tables")
        .iter()
        .map(|table| {
            let grid = serde_json::from_value(table["grid"].clone()).expect("rows of strings");
            (table["id"].as_str().unwrap_or("").to_string(), grid)
        })
        .collect()
}

fn has_value(row: &[String]) -> bool {
    row.iter()
        .any(|cell| !cell.is_empty() && cell.chars().all(|c| c.is_ascii_digit() || c == '.'))
}

#[test]
fn borderless_office_pdf_tables_read_as_the_grids_of_their_word_source() {
    let header = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    for (base, _) in borderless_fixtures() {
        let pdf = format!("{base}.pdf");
        let word = grids_of(&format!("{base}.docx"));
        let read = grids_of(&pdf);
        let ids = |grids: &[(String, Vec<Vec<String>>)]| {
            grids.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>()
        };
        assert_eq!(ids(&read), ids(&word), "{pdf}");
        for ((id, read), (_, word)) in read.iter().zip(&word) {
            // Every row of values exactly as in Word: wrapped labels (`4.无正当理由大量反复`
            // / `申请`), labels merged down rows, the label cut by the page break.
            let values = |grid: &[Vec<String>]| {
                grid.iter()
                    .filter(|row| has_value(row))
                    .cloned()
                    .collect::<Vec<_>>()
            };
            assert_eq!(values(read), values(word), "{pdf} {id}");
        }
        // The header rows, read without rules: spanning headings as cells of their own,
        // header text stacked one character per line read down its column.
        let headers = |id: &str| {
            read.iter()
                .find(|(table, _)| table == id)
                .map(|(_, grid)| {
                    grid.iter()
                        .filter(|row| !has_value(row))
                        .cloned()
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        };
        // In 16-point type 表三's header fills the foot of a page and its rows start the next:
        // a header without rows of values under it stays plain lines.
        if !base.contains("body-size") {
            assert_eq!(
                headers("applications"),
                vec![
                    header(&[
                        "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)",
                        "申请人情况"
                    ]),
                    header(&["法人或其他组织"]),
                    header(&[
                        "自然人",
                        "商业企业",
                        "科研机构",
                        "社会公益组织",
                        "法律服务机构",
                        "其他",
                        "总计"
                    ]),
                ],
                "{pdf}"
            );
        }
        // 表四 is one row of values: whether its numbers are set left or right in their cells,
        // one row cannot tell, and left-aligned ones are taken for right-aligned, which puts its
        // centred header text a column to the right.
        if !base.contains("numbers-left") {
            let outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
            assert_eq!(
                headers("review-litigation"),
                vec![outcomes
                    .repeat(3)
                    .iter()
                    .map(|c| c.to_string())
                    .collect::<Vec<_>>()],
                "{pdf}"
            );
        }
        assert_eq!(
            headers("disclosure-fees-2021"),
            vec![
                header(&["第二十条第(八)项"]),
                header(&["信息内容", "本年收费金额(单位:万元)"])
            ],
            "{pdf}"
        );
    }
}

/// The extracted text of a fixture, with each paragraph's lines joined.
fn text_of(path: &Path) -> String {
    read_file(path, ReadOptions::default())
        .expect("the PDF reads")
        .text
}

#[test]
fn office_pdf_tables_read_as_grids_with_merged_and_wrapped_cells() {
    for name in ["clean.pdf", "clean-narrow.pdf"] {
        let text = text_of(&Path::new(ROOT).join("fixtures/pdf/office").join(name));
        let lines: Vec<&str> = text.lines().collect();
        for row in [
            // 表二: a value cell merged over three columns still makes a row.
            "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数",
            "行政规范性文件 | 3 | 1 | 12",
            "行政许可 | 1520 |",
            "行政事业性收费 | 12.5 |",
            // 表三: merged header cells once; the label merged down the rows leads its first row.
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 |",
            "自然人 | 法人或其他组织 | 总计",
            "三、本年度办理结果 | （一）予以公开 | 21 | 3 | 0 | 1 | 0 | 0 | 25",
            "（三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
            // A label wrapped over three printed lines in its cell is one cell.
            "（六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 2 | 0 | 0 | 0 | 0 | 0 | 2",
            "（七）总计 | 50 | 5 | 0 | 1 | 0 | 1 | 57",
            "四、结转下年度继续办理 | 4 | 1 | 0 | 0 | 0 | 0 | 5",
            // 表四: fifteen values in one row.
            "2 | 1 | 0 | 1 | 4 | 1 | 0 | 1 | 0 | 2 | 0 | 0 | 0 | 1 | 1",
        ] {
            assert!(lines.contains(&row), "{name}: no row {row:?} in\n{text}");
        }
        // 表三 crosses a page break: the page footer is between two of its rows.
        let first = lines
            .iter()
            .position(|line| line.starts_with("一、本年新收"))
            .expect("表三");
        let last = lines
            .iter()
            .position(|line| line.starts_with("四、结转下年度"))
            .expect("表三's last row");
        assert!(
            lines[first..last].contains(&"- 1 -"),
            "{name}: 表三 is on one page"
        );
    }
}

#[test]
fn the_real_city_report_reads_right() {
    let path = Path::new(ROOT).join("../shared/corpus/real/2024_huaian-shi.pdf");
    if !path.exists() {
        eprintln!("skipped: {} is absent", path.display());
        return;
    }
    let path = path.to_str().expect("UTF-8 path");
    let result = check_json(path);
    // Title over two lines, period with spaces around its digits, 表二's blocks, 表三 across
    // pages 4–5 with vertical and cut labels, 表四: all read, and nothing is wrong with them.
    assert_eq!(rules_by_document(&result), Vec::<(u64, String)>::new());
    let document = &result["documents"][0];
    assert_eq!(document["report_year"]["year"], 2024);
    assert_eq!(document["report_year"]["source"], "title");
    assert!(document["period"]
        .as_str()
        .is_some_and(|p| p.contains("12月 31日")));
    let tables: Vec<(String, bool, u64)> = document["tables"]
        .as_array()
        .expect("tables")
        .iter()
        .map(|table| {
            (
                table["id"].as_str().unwrap_or("").to_string(),
                table["unreadable"].as_bool().unwrap_or(true),
                table["rows"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    let expected = [
        ("applications", 25),
        ("review-litigation", 1),
        ("disclosure-regulations-2021", 2),
        ("disclosure-licensing-2021", 1),
        ("disclosure-enforcement-2021", 2),
        ("disclosure-fees-2021", 1),
    ];
    for (id, rows) in expected {
        assert!(
            tables.contains(&(id.to_string(), false, rows)),
            "{id}: {tables:?}"
        );
    }
    // Gold read off the printed page: 表三's (七)总计 row, the label cut by the page break
    // joined, and 表四's row of fifteen values.
    let text = text_of(Path::new(path));
    for row in [
        "（七）总计 | 2932 | 53 | 0 | 0 | 61 | 4 | 3050",
        "（四）无法提供 | 1.本机关不掌握相关政府信息 | 746 | 12 | 0 | 0 | 10 | 1 | 769",
        "72 | 64 | 178 | 37 | 351 | 13 | 4 | 8 | 1 | 26 | 12 | 1 | 1 | 6 | 20",
    ] {
        assert!(text.lines().any(|line| line == row), "no row {row:?}");
    }
}

#[test]
fn malformed_pdfs_are_one_clear_error_and_exit_2() {
    for (file, extra, cause) in [
        (
            "bomb.pdf",
            ["--max-file-size", "1000000"].as_slice(),
            "page 1 decompresses to more than 1000000 bytes",
        ),
        (
            "cycle.pdf",
            [].as_slice(),
            "object 4 on page 1 refers to itself",
        ),
        ("cyclic-pages.pdf", [].as_slice(), "it has no pages"),
    ] {
        let path = format!("tests/malformed/{file}");
        let mut args = vec!["check", path.as_str()];
        args.extend_from_slice(extra);
        let output = ogilint(&args);
        assert_eq!(output.status.code(), Some(2), "{file}");
        let stderr = common::stderr(&output);
        assert_eq!(
            stderr.trim(),
            format!("ogilint: error: {path}: not a text report: not a readable PDF ({cause})"),
            "{file}"
        );
    }
}

#[test]
fn a_pdf_cut_before_its_pages_says_it_is_cut_short() {
    // LibreOffice writes the page objects, the page tree and the catalog after all the content:
    // half a file has no pages to read.
    let bytes =
        std::fs::read(Path::new(ROOT).join("fixtures/pdf/office/clean.pdf")).expect("fixture");
    let directory = tempfile::tempdir().expect("temporary directory");
    let cut = directory.path().join("half.pdf");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).expect("written");
    let path = cut.to_str().expect("UTF-8 path");
    let output = ogilint(&["check", path]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = common::stderr(&output);
    assert!(
        stderr.trim().starts_with(&format!(
            "ogilint: error: {path}: not a text report: not a readable PDF (the file is cut short before its list of pages: "
        )),
        "{stderr}"
    );
}

#[test]
fn a_pdf_read_in_part_says_so_instead_of_missing_sections() {
    let result = check_json("tests/malformed/missing-page.pdf");
    assert_eq!(
        rules_by_document(&result),
        vec![(0, "input/partial".to_string())]
    );
    assert_eq!(
        result["findings"][0]["message"],
        "文件已损坏或不完整:共2页,只读出1页(第1页),其余页面的内容未检查"
    );
    assert_eq!(result["findings"][0]["severity"], "warning");
    // Ignored like any rule; the missing-content findings stay away all the same.
    let ignored = json(&ogilint(&[
        "check",
        "tests/malformed/missing-page.pdf",
        "--format",
        "json",
        "--ignore",
        "input/partial",
    ]));
    assert_eq!(rules_by_document(&ignored), Vec::<(u64, String)>::new());
}

#[test]
fn the_first_50_kb_of_the_real_report_are_read_as_part_of_it() {
    let path = Path::new(ROOT).join("../shared/corpus/real/2024_huaian-shi.pdf");
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!("skipped: {} is absent", path.display());
        return;
    };
    let directory = tempfile::tempdir().expect("temporary directory");
    let cut = directory.path().join("cut.pdf");
    std::fs::write(&cut, &bytes[..50 * 1024]).expect("written");
    let result = check_json(cut.to_str().expect("UTF-8 path"));
    assert_eq!(
        rules_by_document(&result),
        vec![(0, "input/partial".to_string())]
    );
    // Page 1's headings are printed in a bold face whose font object lies past the cut.
    assert_eq!(
        result["findings"][0]["message"],
        "文件已损坏或不完整:共6页,只读出1页(第1页),第1页只读出一部分,未读出的内容未检查"
    );
    // Drawn for a person too: the label stands before the first, Chinese, character of a short
    // first line.
    let output = ogilint(&["check", cut.to_str().expect("UTF-8 path")]);
    assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));
    let human = common::stdout(&output);
    assert!(human.contains(" 1 │ 淮安市人民政府\n"), "{human}");
}

/// Every PDF under `directory`, recursively, in order.
fn pdfs_under(directory: &Path) -> Vec<std::path::PathBuf> {
    let mut found: Vec<std::path::PathBuf> = walkdir::WalkDir::new(directory)
        .into_iter()
        .filter_map(Result::ok)
        .map(|entry| entry.into_path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "pdf"))
        .collect();
    found.sort();
    found
}

#[test]
fn no_good_pdf_is_reported_damaged() {
    // Every fixture (the scan has no text, and no damage either) and the real report, if present.
    let mut paths = pdfs_under(&Path::new(ROOT).join("fixtures"));
    let real = Path::new(ROOT).join("../shared/corpus/real");
    match real.is_dir() {
        true => paths.extend(pdfs_under(&real)),
        false => eprintln!("skipped the real report: {} is absent", real.display()),
    }
    assert!(paths.len() >= 28, "{} PDFs", paths.len());
    for path in paths {
        let bytes = std::fs::read(&path).expect("read");
        let read = ogilint::input::pdf::extract(&bytes, 50 << 20).expect("a readable PDF");
        assert_eq!(
            (read.unread.as_slice(), read.damaged.as_slice()),
            (&[][..], &[][..]),
            "{}",
            path.display()
        );
        assert!(read.page_count >= 1, "{}", path.display());
    }
}

#[test]
fn pages_damaged_without_an_error_are_named() {
    // Each file is one of our fixtures damaged one way (tests/tools/make_damaged_pdf.py).
    let partial = |message: &str| (vec!["input/partial".to_string()], message.to_string());
    for (file, (rules, message)) in [
        (
            "damaged-cut-stream.pdf",
            partial("文件已损坏或不完整:共3页,第2页只读出一部分,未读出的内容未检查"),
        ),
        (
            "damaged-garbled-stream.pdf",
            partial("文件已损坏或不完整:共3页,第3页只读出一部分,未读出的内容未检查"),
        ),
        (
            "damaged-not-a-stream.pdf",
            partial("文件已损坏或不完整:共3页,只读出2页(第1, 3页),其余页面的内容未检查"),
        ),
        (
            "damaged-dropped-page.pdf",
            partial("文件已损坏或不完整:共3页,只读出2页(第1–2页),其余页面的内容未检查"),
        ),
        (
            "damaged-short-tree.pdf",
            partial("文件已损坏或不完整:共4页,只读出3页(第1–3页),其余页面的内容未检查"),
        ),
        // The headings' bold face loses its text: the tables' bold header cells with it, and
        // the tables that cannot be read for it are not reported one by one.
        (
            "damaged-tounicode.pdf",
            partial("文件已损坏或不完整:共4页,第1–2, 4页只读出一部分,未读出的内容未检查"),
        ),
    ] {
        let path = format!("tests/malformed/{file}");
        let result = check_json(&path);
        let found: Vec<String> = rules_by_document(&result)
            .into_iter()
            .map(|(_, rule)| rule)
            .collect();
        assert_eq!(found, rules, "{file}");
        let finding = &result["findings"][0];
        assert_eq!(finding["message"], message.as_str(), "{file}");
        assert_eq!(finding["severity"], "warning", "{file}");
        assert_eq!(finding["text"], "", "{file}");
    }
    // Nothing readable is left: an unreadable file, not a scan.
    let output = ogilint(&["check", "tests/malformed/damaged-no-font.pdf"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        common::stderr(&output).trim(),
        "ogilint: error: tests/malformed/damaged-no-font.pdf: not a text report: not a readable \
         PDF (damaged or cut off: no text could be read from its 3 pages)"
    );
}

#[test]
fn inspect_says_a_file_was_read_in_part() {
    let path = "tests/malformed/damaged-cut-stream.pdf";
    let inspection = json(&ogilint(&[
        "inspect",
        path,
        "--format",
        "json",
        "--show",
        "structure",
        "--lang",
        "en",
    ]));
    assert_eq!(
        inspection["input"]["partial"],
        serde_json::json!({
            "page_count": 3,
            "read": [1, 2, 3],
            "damaged": [2],
            "message": "The file is damaged or cut off: its 3 pages could be read, page 2 only in \
                        part; what could not be read was not checked"
        })
    );
    let human = common::stdout(&ogilint(&["inspect", path, "--show", "structure"]));
    assert!(
        human.contains(
            "  读取不全      文件已损坏或不完整:共3页,第2页只读出一部分,未读出的内容未检查\n"
        ),
        "{human}"
    );
    // A file read whole says nothing of it.
    let whole = json(&ogilint(&[
        "inspect",
        "fixtures/pdf/002_8ea8eed0dcff065f.pdf",
        "--format",
        "json",
        "--show",
        "structure",
    ]));
    assert_eq!(whole["input"]["partial"], serde_json::Value::Null);
}

/// A mutation loop over our PDFs, the `pdf` fuzz target's logic without cargo-fuzz: damaged
/// copies (bytes changed, cut, ranges dropped or repeated, PDF tokens put in) are read, and none
/// may panic (even a panic the reader catches), hang or break the invariants. Run for a while:
/// `OGILINT_MUTATE_SECONDS=600 cargo test --release --test pdf -- --ignored --nocapture mutated`.
#[test]
#[ignore]
fn mutated_pdfs_never_panic_hang_or_break_the_invariants() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::{Duration, Instant};
    static PANICS: AtomicUsize = AtomicUsize::new(0);
    let seconds: u64 = std::env::var("OGILINT_MUTATE_SECONDS")
        .ok()
        .and_then(|seconds| seconds.parse().ok())
        .unwrap_or(20);
    let mut seeds: Vec<Vec<u8>> = pdfs_under(&Path::new(ROOT).join("fixtures"))
        .into_iter()
        .chain(pdfs_under(&Path::new(ROOT).join("tests/malformed")))
        .map(|path| std::fs::read(path).expect("read"))
        .collect();
    seeds.sort_by_key(Vec::len);
    std::panic::set_hook(Box::new(|_| {
        PANICS.fetch_add(1, Ordering::SeqCst);
    }));
    let tokens: &[&[u8]] = &[
        b"endstream",
        b"endobj",
        b" 0 R",
        b"stream\n",
        b"<<",
        b">>",
        b"[",
        b"]",
        b"BT",
        b"ET",
        b"Tj",
        b"TJ",
        b"/Filter /FlateDecode",
        b"/Length 99999999",
        b"-1",
        b"1e308",
        b"/Contents 1 0 R",
        b"/Kids [1 0 R]",
        b"/Count 999999",
        b"(",
        b")",
        b"\\",
        b"%",
        b"BI",
        b"ID",
        b"EI",
        b"q",
        b"Q",
        b"cm",
        b"Do",
        b"/ToUnicode 1 0 R",
        b"beginbfrange",
        b"<0000>",
    ];
    // xorshift64* from a fixed seed: every run tries the same inputs, in the same order.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |bound: usize| -> usize {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_F491_4F6C_DD1D) % bound.max(1) as u64) as usize
    };
    let (start, budget) = (Instant::now(), Duration::from_secs(seconds));
    let (mut executions, mut readable, mut partial, mut slowest) =
        (0u64, 0u64, 0u64, Duration::ZERO);
    let mut slow: Vec<Vec<u8>> = Vec::new();
    while start.elapsed() < budget {
        let mut bytes = seeds[next(seeds.len())].clone();
        for _ in 0..1 + next(4) {
            let at = next(bytes.len());
            match next(6) {
                0 => {
                    for _ in 0..1 + next(50) {
                        let index = next(bytes.len());
                        if let Some(byte) = bytes.get_mut(index) {
                            *byte = next(256) as u8;
                        }
                    }
                }
                1 => bytes.truncate(at),
                2 => {
                    let end = (at + next(4096)).min(bytes.len());
                    bytes.drain(at..end);
                }
                3 => {
                    let end = (at + next(4096)).min(bytes.len());
                    let piece = bytes[at..end].to_vec();
                    let to = next(bytes.len());
                    bytes.splice(to..to, piece);
                }
                _ => {
                    let token = tokens[next(tokens.len())];
                    bytes.splice(at..at, token.iter().copied());
                }
            }
        }
        let began = Instant::now();
        let panics = PANICS.load(Ordering::SeqCst);
        let read = ogilint::input::pdf::extract(&bytes, 1 << 20);
        let took = began.elapsed();
        executions += 1;
        slowest = slowest.max(took);
        if took > Duration::from_secs(2) {
            slow.push(bytes.clone());
        }
        if PANICS.load(Ordering::SeqCst) > panics {
            let path = std::env::temp_dir().join(format!("ogilint-panic-{executions}.pdf"));
            std::fs::write(&path, &bytes).expect("written");
            eprintln!("a panic (caught) on {}", path.display());
        }
        if let Ok(read) = read {
            readable += 1;
            partial += u64::from(!(read.unread.is_empty() && read.damaged.is_empty()));
            for (offset, page) in &read.pages {
                assert!(*offset as usize <= read.text.len());
                assert!(!read.unread.contains(page) && *page >= 1 && *page <= read.page_count);
            }
            assert!(read.unread.iter().all(|page| *page <= read.page_count));
            assert!(read
                .damaged
                .iter()
                .all(|page| read.pages.iter().any(|(_, read)| read == page)));
        }
    }
    let _ = std::panic::take_hook();
    eprintln!(
        "{executions} inputs in {:.0} s: {readable} readable, {partial} of them read in part; \
         slowest {:.3} s; {} panics (caught), {} over 2 s",
        start.elapsed().as_secs_f64(),
        slowest.as_secs_f64(),
        PANICS.load(Ordering::SeqCst),
        slow.len()
    );
    assert_eq!(PANICS.load(Ordering::SeqCst), 0, "panics");
    assert!(slow.is_empty(), "inputs over 2 s");
}

//! Real inputs: legacy encodings decode to the same findings with spans on the file's own bytes;
//! bad input gets one clear error, never a panic, and never a change to the file.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use common::{hard_wrapped, json, ogilint, rules_by_document, ROOT};

#[test]
fn legacy_encodings_give_the_same_findings_on_the_files_own_bytes() {
    for (encoded, original) in [
        (
            "fixtures/encodings/000-big5.txt",
            "fixtures/000_be1dd56c78923606.txt",
        ),
        (
            "fixtures/encodings/002-gbk.txt",
            "fixtures/002_8ea8eed0dcff065f.txt",
        ),
        (
            "fixtures/encodings/001-gb18030.txt",
            "fixtures/001_e0f2844ddd246cd5.txt",
        ),
        (
            "fixtures/encodings/004-utf16.txt",
            "fixtures/004_062f0ed1955165dd.txt",
        ),
    ] {
        let from_encoded = json(&ogilint(&["check", encoded, "--format", "json"]));
        let from_utf8 = json(&ogilint(&["check", original, "--format", "json"]));
        assert_eq!(
            rules_by_document(&from_encoded),
            rules_by_document(&from_utf8),
            "{encoded}"
        );
        assert_eq!(
            from_encoded["documents"].as_array().map(Vec::len),
            from_utf8["documents"].as_array().map(Vec::len)
        );
        // Each span's bytes, decoded, are the finding's text; lines and columns are the same.
        let bytes = fs::read(Path::new(ROOT).join(encoded)).expect("readable");
        let utf8_findings = from_utf8["findings"].as_array().expect("findings");
        for (finding, twin) in from_encoded["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .zip(utf8_findings)
        {
            assert_eq!(finding["span"]["line"], twin["span"]["line"]);
            assert_eq!(finding["span"]["column"], twin["span"]["column"]);
            assert_eq!(finding["text"], twin["text"]);
            let start = finding["span"]["start"].as_u64().expect("start") as usize;
            let end = finding["span"]["end"].as_u64().expect("end") as usize;
            assert!(start <= end && end <= bytes.len());
            if encoded.ends_with("gbk.txt") || encoded.ends_with("gb18030.txt") {
                let (decoded, _, _) = encoding_rs::GB18030.decode(&bytes[start..end]);
                assert_eq!(decoded, finding["text"].as_str().expect("text"));
            }
        }
    }
}

#[test]
fn hard_wrapped_text_gives_the_findings_of_its_paragraphs_on_its_own_bytes() {
    let directory = std::env::temp_dir().join(format!("ogilint-wrapped-{}", std::process::id()));
    fs::create_dir_all(&directory).expect("temp dir");
    for seed in [
        "000_be1dd56c78923606",
        "002_8ea8eed0dcff065f",
        "003_7b0f8fbbe84c9ac2",
        "004_062f0ed1955165dd",
    ] {
        let text = fs::read_to_string(Path::new(ROOT).join(format!("fixtures/{seed}.txt")))
            .expect("readable");
        let unwrapped = json(&ogilint(&[
            "check",
            &format!("fixtures/{seed}.txt"),
            "--format",
            "json",
        ]));
        for width in [48, 64, 82, 100] {
            let wrapped = hard_wrapped(&text, width);
            let utf8 = directory.join(format!("{seed}-{width}.txt"));
            let gbk = directory.join(format!("{seed}-{width}-gbk.txt"));
            fs::write(&utf8, &wrapped).expect("writable");
            fs::write(&gbk, encoding_rs::GBK.encode(&wrapped).0).expect("writable");
            for (path, is_gbk) in [(&utf8, false), (&gbk, true)] {
                let path = path.to_str().expect("utf-8 path");
                let value = json(&ogilint(&["check", path, "--format", "json"]));
                assert_eq!(
                    rules_by_document(&value),
                    rules_by_document(&unwrapped),
                    "{path}"
                );
                assert_eq!(
                    value["documents"][0]["title"], unwrapped["documents"][0]["title"],
                    "{path}"
                );
                // Spans are on the file's own bytes, printed lines and all.
                let bytes = fs::read(path).expect("readable");
                for finding in value["findings"].as_array().expect("findings") {
                    let start = finding["span"]["start"].as_u64().expect("start") as usize;
                    let end = finding["span"]["end"].as_u64().expect("end") as usize;
                    let shown = if is_gbk {
                        encoding_rs::GBK.decode(&bytes[start..end]).0.into_owned()
                    } else {
                        String::from_utf8_lossy(&bytes[start..end]).into_owned()
                    };
                    assert_eq!(shown, finding["text"].as_str().expect("text"), "{path}");
                }
            }
        }
    }
    fs::remove_dir_all(&directory).expect("removable");
}

#[test]
fn an_encoding_can_be_named() {
    let output = ogilint(&[
        "check",
        "fixtures/encodings/002-gbk.txt",
        "--encoding",
        "gbk",
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let output = ogilint(&[
        "check",
        "fixtures/encodings/002-gbk.txt",
        "--encoding",
        "utf-8",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("invalid UTF-8 at byte"));
    let output = ogilint(&["check", "x.txt", "--encoding", "klingon"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn standard_input_with_a_name() {
    let report =
        fs::read(Path::new(ROOT).join("fixtures/004_062f0ed1955165dd.txt")).expect("readable");
    let output = Command::cargo_bin("ogilint")
        .expect("binary")
        .current_dir(ROOT)
        .args([
            "check",
            "-",
            "--stdin-filename",
            "drafts/report.txt",
            "--format",
            "json",
        ])
        .write_stdin(report)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let value = json(&output);
    assert_eq!(value["findings"][0]["file"], "drafts/report.txt");
    assert_eq!(value["summary"]["files"], 1);
}

fn digest(path: &Path) -> Vec<u8> {
    fs::read(path).unwrap_or_default()
}

#[test]
fn bad_input_gets_one_clear_error_and_the_rest_is_checked() {
    let directory = tempfile::tempdir().expect("tempdir");
    let dir = directory.path();
    let good = dir.join("good.txt");
    fs::copy(
        Path::new(ROOT).join("fixtures/004_062f0ed1955165dd.txt"),
        &good,
    )
    .expect("copy");
    fs::write(dir.join("empty.txt"), b"").expect("write");
    fs::write(
        dir.join("binary.txt"),
        [0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0, 0xff, 0xfe],
    )
    .expect("write");
    // A 200 MB file, sparse: refused by its size before a byte is read.
    let huge = fs::File::create(dir.join("huge.txt")).expect("create");
    huge.set_len(200 * 1024 * 1024).expect("set_len");
    drop(huge);
    // A directory symlink loop.
    fs::create_dir(dir.join("loop")).expect("mkdir");
    std::os::unix::fs::symlink(dir, dir.join("loop/back")).expect("symlink");
    // A path that disappeared.
    let gone = dir.join("gone.txt");

    let inputs: Vec<PathBuf> = ["good.txt", "empty.txt", "binary.txt"]
        .iter()
        .map(|n| dir.join(n))
        .collect();
    let before: BTreeMap<PathBuf, Vec<u8>> =
        inputs.iter().map(|p| (p.clone(), digest(p))).collect();

    let path = |p: &Path| p.to_str().expect("utf-8").to_string();
    let args: Vec<String> = vec![
        "check".into(),
        path(&good),
        path(&dir.join("empty.txt")),
        path(&dir.join("binary.txt")),
        path(&dir.join("huge.txt")),
        path(&gone),
        path(&dir.join("loop")),
        "--format".into(),
        "json".into(),
    ];
    let output = Command::cargo_bin("ogilint")
        .expect("binary")
        .args(&args)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    for (file, cause) in [
        ("empty.txt", "the file is empty"),
        ("binary.txt", "a binary file"),
        (
            "huge.txt",
            "too large to check (209715200 bytes; the limit is 52428800",
        ),
        ("gone.txt", "No such file or directory"),
        ("loop", "loop"),
    ] {
        assert!(
            stderr
                .lines()
                .any(|line| line.contains(file) && line.contains(cause)),
            "no clear error for {file} ({cause}) in:\n{stderr}"
        );
    }
    assert!(!stderr.contains("panicked"));
    let value = json(&output);
    assert!(
        value["summary"]["files"].as_u64() >= Some(1),
        "the good file was checked"
    );
    assert!(rules_by_document(&value)
        .iter()
        .any(|(_, rule)| rule == "required/fees"));
    let after: BTreeMap<PathBuf, Vec<u8>> = inputs.iter().map(|p| (p.clone(), digest(p))).collect();
    assert_eq!(before, after, "no input file changed");

    let output = Command::cargo_bin("ogilint")
        .expect("binary")
        .args(["check", &path(&good), "--max-file-size", "100"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("the limit is 100"));
}

/// Checks `converted` and `text` (the same report in two formats) and asserts the same findings
/// (rule and document), the same title and the same tables; returns the converted run's JSON.
fn assert_same_report(converted: &str, text: &str) -> serde_json::Value {
    let from_converted = json(&ogilint(&["check", converted, "--format", "json"]));
    let from_text = json(&ogilint(&["check", text, "--format", "json"]));
    assert_eq!(
        rules_by_document(&from_converted),
        rules_by_document(&from_text),
        "{converted}"
    );
    assert_eq!(
        from_converted["documents"][0]["title"], from_text["documents"][0]["title"],
        "{converted}"
    );
    assert_eq!(
        from_converted["documents"][0]["tables"]
            .as_array()
            .map(Vec::len),
        from_text["documents"][0]["tables"].as_array().map(Vec::len),
        "{converted}: its tables reach the table model"
    );
    from_converted
}

#[test]
fn a_web_page_gives_the_findings_of_its_text_on_the_page_source() {
    for (page, text) in [
        (
            "fixtures/html/002_8ea8eed0dcff065f.html",
            "fixtures/002_8ea8eed0dcff065f.txt",
        ),
        (
            "fixtures/html/004_062f0ed1955165dd.html",
            "fixtures/004_062f0ed1955165dd.txt",
        ),
    ] {
        let from_page = assert_same_report(page, text);
        // Spans are byte offsets into the page; for the GBK page they decode to the finding's text.
        let bytes = fs::read(Path::new(ROOT).join(page)).expect("readable");
        for finding in from_page["findings"].as_array().expect("findings") {
            let start = finding["span"]["start"].as_u64().expect("start") as usize;
            let end = finding["span"]["end"].as_u64().expect("end") as usize;
            let (decoded, _, _) = encoding_rs::GB18030.decode(&bytes[start..end]);
            assert_eq!(decoded, finding["text"].as_str().expect("text"), "{page}");
        }
    }
}

#[test]
fn tables_in_a_page_reach_the_table_model() {
    let page = json(&ogilint(&[
        "check",
        "fixtures/html/002_8ea8eed0dcff065f.html",
        "--format",
        "json",
    ]));
    let tables = page["documents"][0]["tables"].as_array().expect("tables");
    let rows: Vec<(String, u64, bool)> = tables
        .iter()
        .map(|t| {
            (
                t["id"].as_str().unwrap_or("").to_string(),
                t["rows"].as_u64().unwrap_or(0),
                t["unreadable"].as_bool().unwrap_or(true),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            ("applications".to_string(), 23, false),
            ("review-litigation".to_string(), 1, false),
            ("disclosure-regulations-2019".to_string(), 2, false),
            ("disclosure-licensing-2019".to_string(), 0, false),
            ("disclosure-enforcement-2019".to_string(), 2, false),
            ("disclosure-fees-2019".to_string(), 1, false),
            ("disclosure-procurement-2019".to_string(), 1, false),
        ]
    );
    // The page's navigation, metadata table and footer are not the report.
    assert_eq!(page["documents"].as_array().map(Vec::len), Some(1));
    assert_eq!(page["summary"]["errors"], 0);
}

#[test]
fn a_word_document_gives_the_findings_of_its_text_with_word_locations() {
    for (document, text) in [
        (
            "fixtures/docx/002_8ea8eed0dcff065f.docx",
            "fixtures/002_8ea8eed0dcff065f.txt",
        ),
        (
            "fixtures/docx/004_062f0ed1955165dd.docx",
            "fixtures/004_062f0ed1955165dd.txt",
        ),
    ] {
        let from_word = assert_same_report(document, text);
        for finding in from_word["findings"].as_array().expect("findings") {
            assert!(finding["location"]["in"].is_string(), "{finding}");
        }
    }
    let late = json(&ogilint(&[
        "check",
        "fixtures/docx/004_062f0ed1955165dd.docx",
        "--format",
        "json",
    ]));
    assert_eq!(late["findings"][0]["rule"], "deadline/late");
    assert_eq!(
        late["findings"][0]["location"],
        serde_json::json!({"in": "paragraph", "paragraph": 6})
    );
    let human = common::stdout(&ogilint(&[
        "check",
        "fixtures/docx/004_062f0ed1955165dd.docx",
    ]));
    assert!(human.contains("位置: 第6段"), "{human}");
}

#[test]
fn broken_word_documents_and_zip_bombs_are_clear_errors() {
    let directory = tempfile::tempdir().expect("tempdir");
    let dir = directory.path();
    let original = fs::read(Path::new(ROOT).join("fixtures/docx/004_062f0ed1955165dd.docx"))
        .expect("readable");
    fs::write(dir.join("truncated.docx"), &original[..original.len() / 2]).expect("write");
    fs::write(dir.join("fake.docx"), "这不是Word文件").expect("write");
    fs::write(
        dir.join("old.doc"),
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
    )
    .expect("write");
    fs::write(
        dir.join("scan.pdf"),
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj",
    )
    .expect("write");
    // A zip bomb: a small file whose document part unpacks to 60 MB of zeros.
    let bomb = fs::File::create(dir.join("bomb.docx")).expect("create");
    let mut zip = zip::ZipWriter::new(bomb);
    zip.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .expect("zip");
    let zeros = vec![b'0'; 1 << 20];
    for _ in 0..60 {
        std::io::Write::write_all(&mut zip, &zeros).expect("zip");
    }
    zip.finish().expect("zip");
    assert!(fs::metadata(dir.join("bomb.docx")).expect("bomb").len() < 1 << 20);

    let path = |name: &str| dir.join(name).to_str().expect("utf-8").to_string();
    let names = [
        "truncated.docx",
        "fake.docx",
        "old.doc",
        "scan.pdf",
        "bomb.docx",
    ];
    let mut args = vec!["check".to_string()];
    args.extend(names.iter().map(|name| path(name)));
    args.push(path("../../does-not-matter")); // keeps the list non-empty of good files
    let output = Command::cargo_bin("ogilint")
        .expect("binary")
        .args(&args)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    for (file, cause) in [
        ("truncated.docx", "not a readable Word document"),
        ("fake.docx", "not a readable Word document"),
        ("old.doc", "old binary Word/WPS document"),
        ("scan.pdf", "not a readable PDF"),
        ("bomb.docx", "over the limit"),
    ] {
        assert!(
            stderr
                .lines()
                .any(|line| line.contains(file) && line.contains(cause)),
            "no clear error for {file} ({cause}) in:\n{stderr}"
        );
    }
    assert!(!stderr.contains("panicked"));
}

#[test]
fn the_same_report_as_text_word_web_page_and_pdf_gives_the_same_findings() {
    // 002 has no findings as text; printed, its statistics period and its phone number are
    // broken across lines, which must not make them missing.
    for seed in ["004_062f0ed1955165dd", "002_8ea8eed0dcff065f"] {
        let formats = [
            format!("fixtures/{seed}.txt"),
            format!("fixtures/docx/{seed}.docx"),
            format!("fixtures/html/{seed}.html"),
            format!("fixtures/pdf/{seed}.pdf"),
        ];
        let results: Vec<serde_json::Value> = formats
            .iter()
            .map(|path| json(&ogilint(&["check", path, "--format", "json"])))
            .collect();
        for (path, result) in formats.iter().zip(&results) {
            assert_eq!(
                rules_by_document(result),
                rules_by_document(&results[0]),
                "{path}"
            );
            let document = &result["documents"][0];
            for field in ["title", "report_year", "period"] {
                assert_eq!(
                    document[field], results[0]["documents"][0][field],
                    "{path} {field}"
                );
            }
        }
    }
    let text = json(&ogilint(&[
        "check",
        "fixtures/004_062f0ed1955165dd.txt",
        "--format",
        "json",
    ]));
    assert!(!rules_by_document(&text).is_empty());
    let pdf = json(&ogilint(&[
        "check",
        "fixtures/pdf/004_062f0ed1955165dd.pdf",
        "--format",
        "json",
    ]));
    // The 印发 line is the seventh line printed on the page (a PDF has no blank lines to count).
    assert_eq!(
        pdf["findings"][0]["location"],
        serde_json::json!({"in": "page", "page": 1, "line": 7})
    );
}

#[test]
fn a_scanned_pdf_is_one_finding_not_a_flood() {
    let output = ogilint(&["check", "fixtures/pdf/scanned.pdf", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let value = json(&output);
    assert_eq!(
        rules_by_document(&value),
        vec![(0, "input/no-text".to_string())]
    );
}

#[test]
fn a_page_whose_title_stands_above_the_article_is_judged_by_that_title() {
    // A street office's page: the title heading and the publication date stand above the element
    // that holds the report's text; the period names the year before the title's.
    let paragraph =
        "<p>本街道全年主动公开政府信息一百二十条，依申请公开办理答复均在法定期限内完成。</p>";
    let page = format!(
        "<html><head><title>东关街道办事处2023年政府信息公开工作年度报告_某区人民政府</title></head>\n\
         <body><div class=\"crumb\">首页 &gt; 政府信息公开年报</div>\n\
         <div class=\"content\"><h1 class=\"art-title\">东关街道办事处2023年政府信息公开工作年度报告</h1>\n\
         <div class=\"art-info\"><span>发布日期：2024-02-20</span> <span>来源：东关街道办事处</span></div>\n\
         <div id=\"zoom\"><p>本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。\
         如对本报告有疑问，请与东关街道办事处联系（电话：0406—7158260）。</p>\n\
         <p>一、总体情况</p>{}</div></div>\n<div class=\"footer\">版权所有</div></body></html>",
        paragraph.repeat(4)
    );
    let output = Command::cargo_bin("ogilint")
        .expect("binary")
        .current_dir(ROOT)
        .args([
            "check",
            "-",
            "--stdin-filename",
            "page.html",
            "--format",
            "json",
        ])
        .write_stdin(page.clone())
        .output()
        .expect("runs");
    let value = json(&output);
    let document = &value["documents"][0];
    assert_eq!(
        document["title"],
        "东关街道办事处2023年政府信息公开工作年度报告"
    );
    assert_eq!(document["issuer_kind"], "township");
    assert_eq!(document["report_year"]["year"], 2023);
    assert_eq!(document["published"]["date"], "2024-02-20");
    let findings = value["findings"].as_array().expect("findings");
    let rules: Vec<&str> = findings
        .iter()
        .filter_map(|finding| finding["rule"].as_str())
        .collect();
    // Published in February: on time by the 31 March most local notices set for streets.
    assert!(!rules.contains(&"deadline/late"), "{rules:?}");
    assert!(!rules.contains(&"deadline/late-local"), "{rules:?}");
    assert!(!rules.contains(&"contact/missing"), "{rules:?}");
    let mismatch = findings
        .iter()
        .find(|finding| finding["rule"] == "period/mismatch")
        .expect("the period names the year before the title's");
    assert_eq!(mismatch["severity"], "error");
    let start = mismatch["span"]["start"].as_u64().expect("start") as usize;
    let end = mismatch["span"]["end"].as_u64().expect("end") as usize;
    assert_eq!(&page[start..end], mismatch["text"].as_str().expect("text"));
}

#[test]
fn a_schools_academic_year_report_is_said_to_be_out_of_scope_once() {
    // A university reports by academic year under 《高等学校信息公开办法》, due 31 October, in an
    // outline of its own: none of the 条例's rules judge it.
    let by_title = "某大学2019-2020学年信息公开工作年度报告\n发布时间:2020-10-30\n一、概述\n学校坚持公开为常态。\n二、主动公开情况\n全年主动公开信息320条。\n";
    let by_basis = "2020年度信息公开工作年度报告\n某农业大学\n按照《高等学校信息公开办法》要求,现将我校2020年度(2019年9月1日-2020年8月31日)信息公开工作总结如下:\n一、概述\n学校坚持公开为常态。\n";
    for (text, span) in [
        (by_title, "某大学2019-2020学年信息公开工作年度报告"),
        (by_basis, "2020年度信息公开工作年度报告"),
    ] {
        assert_eq!(
            common::findings_of("school.txt", text, &[]),
            vec![(
                "input/out-of-scope".to_string(),
                span.to_string(),
                "info".to_string()
            )]
        );
        assert_eq!(
            common::findings_of("school.txt", text, &["--ignore", "input/out-of-scope"]),
            Vec::new()
        );
    }
    // An education department's report under the 条例 that mentions the 办法 is judged as usual.
    let department = "某省教育厅2020年政府信息公开工作年度报告\n本报告依据《高等学校信息公开办法》等规定编制。\n一、总体情况\n正文。\n";
    let rules: Vec<String> = common::findings_of("department.txt", department, &[])
        .into_iter()
        .map(|(rule, _, _)| rule)
        .collect();
    assert!(
        !rules.contains(&"input/out-of-scope".to_string()),
        "{rules:?}"
    );
    assert!(rules.contains(&"period/missing".to_string()), "{rules:?}");
}

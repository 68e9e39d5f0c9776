//! The audit outputs for a supervising office: `--format html` (one self-contained page) and
//! `--format csv` (one row per finding). The page's behaviour in a browser is tested by
//! `tests/browser/audit.py`; here, what the files hold.

mod common;

use common::{ogilint, ogilint_in, stdout};

const SEED: &str = "fixtures/004_062f0ed1955165dd.txt";

#[test]
fn csv_has_a_bom_a_header_and_one_row_per_finding() {
    let output = ogilint(&["check", SEED, "--format", "csv"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        "\u{FEFF}发布机关,报告年度,文件,报告,页/行,规则,级别,问题\r\n\
         乌海市经济和信息化委员会,2011,fixtures/004_062f0ed1955165dd.txt,1,6:20,deadline/late,error,\"2011年度报告的发布日期为2012年4月28日,晚于法定期限2012年3月31日\"\r\n\
         乌海市经济和信息化委员会,2011,fixtures/004_062f0ed1955165dd.txt,1,10:166,period/missing,warning,报告未写明数据的统计期限\r\n\
         乌海市经济和信息化委员会,2011,fixtures/004_062f0ed1955165dd.txt,1,11:1,required/fees,warning,报告缺少“政府信息公开的收费及减免情况”\r\n\
         乌海市经济和信息化委员会,2011,fixtures/004_062f0ed1955165dd.txt,1,11:1,required/other-matters,warning,报告缺少“其他需要报告的事项”\r\n"
    );
}

#[test]
fn csv_in_english_gives_a_pdf_page_and_line_and_doubles_quotes() {
    let output = ogilint(&[
        "check",
        "fixtures/pdf/004_062f0ed1955165dd.pdf",
        "fixtures/pdf/scanned.pdf",
        "--format",
        "csv",
        "--lang",
        "en",
    ]);
    let text = stdout(&output);
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "\u{FEFF}issuer,report year,file,document,page/line,rule,severity,message"
    );
    assert_eq!(
        lines[4],
        "乌海市经济和信息化委员会,2011,fixtures/pdf/004_062f0ed1955165dd.pdf,1,\"page 1, line 15\",\
         required/other-matters,warning,\"The report has no \"\"other matters to report\"\" \
         (其他需要报告的事项) item\""
    );
    assert_eq!(
        lines[5],
        ",,fixtures/pdf/scanned.pdf,1,1:1,input/no-text,error,\
         The document has no text layer (a scan?); its content cannot be checked"
    );
    assert_eq!(lines.len(), 7, "{text}");
}

/// The page as an outline of its elements (tag, id, classes, and the `data-` attributes that the
/// script filters on), one per line, indented by depth; text, CSS and script are left out, so a
/// change of structure shows in review and a change of wording does not.
fn structure(html: &str) -> String {
    let tag =
        regex::Regex::new(r#"<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*(/?)>"#)
            .expect("valid pattern");
    let attribute = regex::Regex::new(r#"([a-z-]+)="([^"]*)""#).expect("valid pattern");
    let void = ["meta", "input", "br", "img"];
    let mut out = String::new();
    let mut depth = 0usize;
    let mut skip_until: Option<&str> = None;
    for capture in tag.captures_iter(html) {
        let closing = &capture[1] == "/";
        let name = capture[2].to_ascii_lowercase();
        if let Some(end) = skip_until {
            if closing && name == end {
                skip_until = None;
                depth -= 1;
            }
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        let mut line = format!("{}{name}", "  ".repeat(depth));
        for attribute in attribute.captures_iter(&capture[3]) {
            let key = &attribute[1];
            let value = &attribute[2];
            match key {
                "id" => line.push_str(&format!("#{value}")),
                "class" => line.push_str(&format!(".{}", value.replace(' ', "."))),
                "data-rule" | "data-rules" | "data-severities" | "data-key" => {
                    line.push_str(&format!(" {key}={value:?}"))
                }
                _ => {}
            }
        }
        out.push_str(&line);
        out.push('\n');
        // A report's findings are markup in an inert script: their structure is shown too.
        if name == "style" || (name == "script" && !capture[3].contains("text/html")) {
            skip_until = Some(if name == "style" { "style" } else { "script" });
            depth += 1;
        } else if !void.contains(&name.as_str()) && &capture[4] != "/" {
            depth += 1;
        }
    }
    out
}

#[test]
fn html_structure_on_a_seed() {
    let output = ogilint(&["check", SEED, "--format", "html"]);
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!("audit_html_structure", structure(&stdout(&output)));
}

#[test]
fn html_is_self_contained_and_summarises_the_run() {
    let output = ogilint(&[
        "check",
        "fixtures/000_be1dd56c78923606.txt",
        "fixtures/001_e0f2844ddd246cd5.txt",
        "fixtures/002_8ea8eed0dcff065f.txt",
        "fixtures/003_7b0f8fbbe84c9ac2.txt",
        SEED,
        "--format",
        "html",
    ]);
    let page = stdout(&output);
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    // Nothing is fetched: no external script, stylesheet, font or image (links stay in the page).
    assert!(page.contains("<a class=\"rule\" href=\"#rule-deadline/late\">"));
    assert!(page.contains("<dt id=\"rule-deadline/late\"><code>deadline/late</code>"));
    let page_without_anchors = page.replace("href=\"#", "");
    for external in ["src=", "href=", "@import", "url(", "http://", "https://"] {
        let found: Vec<&str> = page_without_anchors
            .lines()
            .filter(|line| line.contains(external) && !line.contains("xmlns="))
            .collect();
        assert!(found.is_empty(), "{external}: {found:?}");
    }
    assert!(page.contains("<dd id=\"count-files\">5</dd>"));
    assert!(page.contains("<dd id=\"count-reports\">9</dd>"));
    assert!(page.contains("<dd id=\"count-late\">1</dd>"));
    assert!(page.contains("<tr><td>2019</td><td>2019</td><td>1</td></tr>"));
    // The late report's row: issuer, year, file, publication date against its deadline, counts.
    assert!(page.contains(
        "<tr class=\"row\"><td class=\"issuer\">乌海市经济和信息化委员会</td><td class=\"year\">2011</td>\
         <td class=\"file\">fixtures/004_062f0ed1955165dd.txt</td><td class=\"published late\">2012年4月28日</td>\
         <td class=\"deadline\">2012-03-31</td><td class=\"count errors\">1</td>\
         <td class=\"count warnings\">3</td><td class=\"count infos\">0</td></tr>"
    ));
    // The finding's span is marked in its line, as the human output underlines it.
    assert!(page.contains("<mark>2012年4月28日</mark>"), "{page}");
}

#[test]
fn html_in_english() {
    let output = ogilint(&["check", SEED, "--format", "html", "--lang", "en"]);
    let page = stdout(&output);
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(page.contains("<th data-key=\"issuer\">Issuer</th>"));
    assert!(page.contains("after the deadline 2012年3月31日"));
    assert!(!page.contains("发布日期</th>"));
}

#[test]
fn html_escapes_everything_taken_from_a_report() {
    let directory = tempfile::tempdir().expect("temporary directory");
    std::fs::write(
        directory.path().join("a<u>&'\".txt"),
        "某县<script>alert(1)</script>局2020年政府信息公开工作年度报告\n\n一、总体情况\n\
         <img src=x onerror=\"alert(2)\">本年度公开信息。\n",
    )
    .expect("fixture written");
    let output = ogilint_in(directory.path(), &["check", ".", "--format", "html"]);
    let page = stdout(&output);
    // The page's own script is the only one that runs (the others hold findings as inert markup
    // for it to build), nothing of the report can end one, and no element comes from the report.
    assert_eq!(page.matches("<script>").count(), 1, "{page}");
    assert_eq!(
        page.matches("<script").count(),
        page.matches("<script type=\"text/html\" class=\"findings\">")
            .count()
            + 1
    );
    assert_eq!(
        page.matches("</script>").count(),
        page.matches("<script").count()
    );
    assert!(!page.contains("<img"));
    assert!(!page.contains("<u>"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(page.contains("a&lt;u&gt;&amp;&#39;&quot;.txt"));
}

#[test]
fn output_file_and_exit_codes() {
    let directory = tempfile::tempdir().expect("temporary directory");
    for format in ["html", "csv"] {
        let path = directory.path().join(format!("audit.{format}"));
        let path_text = path.to_str().expect("UTF-8 path");
        let output = ogilint(&["check", SEED, "--format", format, "-o", path_text]);
        assert_eq!(output.status.code(), Some(1), "{format}");
        assert!(output.stdout.is_empty(), "{format}");
        let written = std::fs::read_to_string(&path).expect("output written");
        assert!(written.contains("乌海市经济和信息化委员会"), "{format}");
        let output = ogilint(&["check", SEED, "--format", format, "--exit-zero"]);
        assert_eq!(output.status.code(), Some(0), "{format}");
        let output = ogilint(&["check", SEED, "missing.txt", "--format", format]);
        assert_eq!(output.status.code(), Some(2), "{format}");
    }
    // A run with an unreadable file lists it on the page too.
    let output = ogilint(&["check", SEED, "missing.txt", "--format", "html"]);
    assert!(stdout(&output).contains("<section id=\"failures\">"));
}

#[test]
fn html_draws_a_table_finding_as_a_grid_with_the_offending_cells_marked() {
    let output = ogilint(&[
        "check",
        "fixtures/corpus/2021-fengyang-xian-gov.txt",
        "--format",
        "html",
        "--select",
        "table/balance",
    ]);
    let page = stdout(&output);
    // 一 + 二 against 三(七) + 四 in the 自然人 column: the four cells, the first the finding's.
    assert!(page.contains(
        "<table class=\"grid\"><tr><td class=\"ln\">37</td><td>一、本年新收政府信息公开申请数量 </td>\
         <td class=\"bad primary\"> <mark>35</mark> </td><td> 30 </td><td> 0 </td><td> 0 </td><td> 0 </td>\
         <td> 0 </td><td> 65 </td><td></td></tr><tr><td class=\"ln\">38</td><td>二、上年结转政府信息公开申请数量 </td>\
         <td class=\"bad\"> <mark class=\"related\">0</mark> </td>"
    ), "{page}");
    assert!(page.contains(
        "<tr class=\"gap\"><td class=\"ln\">⋯</td></tr><tr><td class=\"ln\">60</td><td>（七）总计 </td>\
         <td class=\"bad\"> <mark class=\"related\">34</mark> </td>"
    ));
}

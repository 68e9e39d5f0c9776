//! Outlines in the shapes real reports give them: a section is present when a heading names it,
//! whatever its number or Markdown level; renumbering is a finding of its own; headings standing
//! inline in text without line breaks are found; and a report whose outline cannot be read gets one
//! info finding instead of every section reported missing.
//!
//! Every report here is schematic (某市某局, made-up numbers). The table rules' findings are left
//! out of the comparisons: these reports carry no complete tables, and what the table rules make
//! of a table's text is tested in `tests/tables.rs`.

use ogilint::engine::{check_text, Options};
use ogilint::rules::load::{load, RuleSources};

/// The preamble every report below shares: period and contact are present.
const PREAMBLE: &str = "本报告根据《中华人民共和国政府信息公开条例》编制,所列数据统计期限为2022年1月1日至2022年12月31日。如对本报告有疑问,请与某局办公室联系(电话:0123-4567890)。";

/// Sections 五 and 六 as most reports write them.
const PROBLEMS_AND_OTHER: &str = "五、存在的主要问题及改进情况\n一是公开内容不够全面;二是政策解读形式单一。下一步将加强培训。\n六、其他需要报告的事项\n无。\n";

/// `(rule, severity, underlined text)` of every finding that is not a table rule's, in output order.
fn findings(name: &str, text: &str) -> Vec<(String, String, String)> {
    let rules = load(&RuleSources {
        builtin: true,
        paths: Vec::new(),
    })
    .expect("built-in rules load");
    check_text(name, text, &rules, Options::default())
        .findings
        .iter()
        .filter(|finding| !finding.rule.starts_with("table/"))
        .map(|finding| {
            (
                finding.rule.clone(),
                finding.severity.to_string(),
                finding.text.clone(),
            )
        })
        .collect()
}

fn expect(list: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    list.iter()
        .map(|(rule, severity, text)| (rule.to_string(), severity.to_string(), text.to_string()))
        .collect()
}

/// A report from its title and body, with the shared preamble.
fn report(title: &str, body: &str) -> String {
    format!("{title}\n{PREAMBLE}\n{body}")
}

#[test]
fn markdown_headings_at_mixed_levels_and_bold_with_sub_points() {
    let text = format!(
        "# 某市某局2022年政府信息公开工作年度报告\n\n{PREAMBLE}\n\n## 一、总体情况\n\n\
         2022年,某局深入贯彻落实《条例》,扎实推进政务公开工作。\n\n### (一)主动公开\n\n\
         #### 一是加强组织领导\n\n调整充实政务公开工作领导小组,明确专人负责。\n\n\
         #### 二是完善制度建设\n\n修订政务公开工作制度,规范发布流程。\n\n\
         ### 二、主动公开政府信息情况\n\n本年度主动公开政府信息120条。\n\n\
         **三、收到和处理政府信息公开申请情况**\n\n本年度共收到政府信息公开申请5件,均按时答复。\n\n\
         #### 四、政府信息公开行政复议、行政诉讼情况\n\n本年度未发生政府信息公开行政复议、行政诉讼。\n\n\
         ## 五、存在的主要问题及改进情况\n\n一是公开内容不够全面;二是政策解读形式单一。\n\n\
         ## 六、其他需要报告的事项\n\n无。\n"
    );
    assert_eq!(findings("report.md", &text), expect(&[]));
    // The title is read without its Markdown mark.
    let rules = load(&RuleSources {
        builtin: true,
        paths: Vec::new(),
    })
    .expect("built-in rules load");
    let report = check_text("report.md", &text, &rules, Options::default());
    assert_eq!(report.documents[0].issuer.as_deref(), Some("某市某局"));
}

#[test]
fn a_table_caption_numbered_like_a_section_names_the_section_and_the_numbering_is_reported_once() {
    // Section 三's table stands under section 二 with its caption; the report numbers the rest on
    // from there.
    let text = report(
        "某市某局2022年政府信息公开工作年度报告",
        "一、总体情况\n2022年,某局深入贯彻落实《条例》,扎实推进政务公开工作。\n\
         二、主动公开政府信息情况\n本年度主动公开政府信息120条,详见下表。\n\
         表三:收到和处理政府信息公开申请情况\n| 申请人情况 | 自然人 | 总计 |\n\
         | 一、本年新收政府信息公开申请数量 | 5 | 5 |\n| 四、结转下年度继续办理 | 0 | 0 |\n\
         三、政府信息公开行政复议、行政诉讼情况\n本年度未发生政府信息公开行政复议、行政诉讼。\n\
         四、存在的主要问题及改进情况\n一是公开内容不够全面。\n五、其他需要报告的事项\n无。\n",
    );
    assert_eq!(
        findings("report.txt", &text),
        expect(&[(
            "format/section-numbering",
            "warning",
            "三、政府信息公开行政复议、行政诉讼情况"
        )])
    );
}

#[test]
fn five_sections_merged_or_demoted_are_renumbered_not_missing() {
    let head = "一、总体情况\n2022年,某局深入贯彻落实《条例》。\n二、主动公开政府信息情况\n本年度主动公开政府信息120条。\n";
    let tail =
        "四、存在的主要问题及改进情况\n一是公开内容不够全面。\n五、其他需要报告的事项\n无。\n";
    let merged = report(
        "某市某局2022年政府信息公开工作年度报告",
        &format!(
            "{head}三、收到和处理政府信息公开申请情况及行政复议、行政诉讼情况\n\
             本年度共收到申请5件;未发生行政复议、行政诉讼。\n{tail}"
        ),
    );
    assert_eq!(
        findings("merged.txt", &merged),
        expect(&[
            (
                "format/heading-wording",
                "warning",
                "三、收到和处理政府信息公开申请情况及行政复议、行政诉讼情况"
            ),
            (
                "format/section-numbering",
                "warning",
                "四、存在的主要问题及改进情况"
            ),
        ])
    );
    let demoted = report(
        "某市某局2022年政府信息公开工作年度报告",
        &format!(
            "{head}三、收到和处理政府信息公开申请情况\n本年度共收到申请5件。\n\
             (四)政府信息公开行政复议、行政诉讼情况\n本年度未发生行政复议、行政诉讼。\n{tail}"
        ),
    );
    assert_eq!(
        findings("demoted.txt", &demoted),
        expect(&[(
            "format/section-numbering",
            "warning",
            "四、存在的主要问题及改进情况"
        )])
    );
}

#[test]
fn sub_points_numbered_like_sections_do_not_hide_the_sections_after_them() {
    // `二、` to `四、` under section 一 take the sequence on; the real sections 二 to 四 come after
    // them, each straight before its table.
    let text = report(
        "某市某局2022年政府信息公开工作年度报告",
        &format!(
            "一、总体情况\n2022年,某局深入贯彻落实《条例》。\n二、加强组织领导\n明确专人负责。\n\
             三、完善制度建设\n规范发布流程。\n四、强化平台建设\n优化网站栏目。\n\
             二、主动公开政府信息情况\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n\
             三、收到和处理政府信息公开申请情况\n| 申请人情况 | 自然人 | 总计 |\n\
             四、政府信息公开行政复议、行政诉讼情况\n| 行政复议 | 维持 | 纠正 |\n{PROBLEMS_AND_OTHER}"
        ),
    );
    assert_eq!(findings("report.txt", &text), expect(&[]));
}

/// A report as a web page's text arrives when its line breaks are lost: title, preamble, headings,
/// sub-points and flattened tables in one line.
fn without_line_breaks(problems: &str) -> String {
    format!(
        "某区人民政府2021年政府信息公开工作年度报告本报告由某区人民政府办公室编制,所列数据统计期限为2021年1月1日至2021年12月31日。\
         如对本报告有疑问,请与我区政府信息公开办联系(电话:0123-4567890)。\
         一、总体情况2021年,我区以提升透明度为目标,扎实推进政务公开工作。(一)主动公开方面。全年主动公开信息1000条。\
         一是加强领导,二是完善制度。(二)依申请公开方面。全年收到申请20件。(四)平台建设方面。完善政府网站。\
         二、主动公开政府信息情况第二十条第(一)项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件120118\
         三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计一、本年新收政府信息公开申请数量20\
         二、上年结转政府信息公开申请数量0三、本年度办理结果\
         四、政府信息公开行政复议、行政诉讼情况行政复议结果维持结果纠正其他结果尚未审结总计00000\
         {problems}六、其他需要报告的事项无。"
    )
}

#[test]
fn headings_inline_in_text_without_line_breaks_are_found() {
    let text = without_line_breaks(
        "五、存在的主要问题及改进情况一是公开内容不够全面,二是解读形式单一。下一步,我区将加强培训。",
    );
    assert_eq!(findings("page.txt", &text), expect(&[]));
    // A section that is really missing is still reported, and only that one.
    let text = without_line_breaks("");
    assert_eq!(
        findings("page.txt", &text),
        expect(&[("required/problems", "error", "")])
    );
}

#[test]
fn headings_inline_where_paragraphs_ran_together_but_tables_kept_their_rows() {
    // Sections 三 and 四 start lines (their tables kept their rows); 一 and 二 stand inline in the
    // run of the preamble's paragraph, 六 in the run of section 五's.
    let text = "某区人民政府2021年政府信息公开工作年度报告\n\
        本报告由某区人民政府办公室编制,所列数据统计期限为2021年1月1日至2021年12月31日。\
        如对本报告有疑问,请与我区政府信息公开办联系(电话:0123-4567890)。\
        一、总体情况2021年,我区扎实推进政务公开工作。(一)主动公开方面。全年主动公开信息1000条。\
        二、主动公开政府信息情况\n\
        | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| 规章 | 0 | 0 | 0 |\n\
        三、收到和处理政府信息公开申请情况\n| 申请人情况 | 自然人 | 总计 |\n\
        四、政府信息公开行政复议、行政诉讼情况\n| 行政复议 | 维持 | 纠正 |\n\
        五、存在的主要问题及改进情况一是公开内容不够全面,二是解读形式单一。六、其他需要报告的事项无。\n";
    assert_eq!(findings("page.txt", text), expect(&[]));
    assert_eq!(
        section_headings("page.txt", text),
        [
            "一、总体情况",
            "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项",
        ]
    );
}

#[test]
fn a_report_with_no_recognisable_outline_gets_one_info_finding() {
    let text = report(
        "某市某局2022年政府信息公开工作年度报告",
        "2022年,某局深入贯彻落实《条例》,扎实推进政务公开工作,全年主动公开政府信息120条,\
         收到政府信息公开申请5件,均按时答复,未发生行政复议、行政诉讼。\n\
         下一步,某局将继续加强政务公开工作,不断提升公开质量。\n",
    );
    assert_eq!(
        findings("report.txt", &text),
        expect(&[("structure/no-outline", "info", "")])
    );
}

#[test]
fn a_section_missing_from_a_readable_outline_is_still_an_error() {
    let text = report(
        "某市某局2022年政府信息公开工作年度报告",
        &format!(
            "一、总体情况\n2022年,某局深入贯彻落实《条例》。\n二、主动公开政府信息情况\n\
             本年度主动公开政府信息120条。\n三、收到和处理政府信息公开申请情况\n本年度共收到申请5件。\n\
             {PROBLEMS_AND_OTHER}"
        ),
    );
    assert_eq!(
        findings("report.txt", &text),
        expect(&[("required/review-litigation", "error", "")])
    );
}

/// The level-1 headings recognised in a file's first report, as written in the original.
fn section_headings(name: &str, text: &str) -> Vec<String> {
    let rules = load(&RuleSources {
        builtin: true,
        paths: Vec::new(),
    })
    .expect("built-in rules load");
    check_text(name, text, &rules, Options::default()).documents[0]
        .headings
        .iter()
        .filter(|heading| heading.level == 1)
        .map(|heading| heading.text.clone())
        .collect()
}

#[test]
fn a_clean_report_with_its_line_breaks_removed_keeps_its_outline() {
    // Its tables are one cell per line, so without the breaks their row labels (`一、本年新收…`,
    // `四、结转下年度继续办理`) stand inline too: they must not become sections.
    let path = format!(
        "{}/fixtures/synthetic/2021-table-cells-per-line.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).expect("fixture is readable");
    let joined: String = text.split('\n').collect();
    assert_eq!(findings("joined.txt", &joined), expect(&[]));
    assert_eq!(
        section_headings("joined.txt", &joined),
        section_headings("report.txt", &text)
    );
    assert_eq!(section_headings("report.txt", &text).len(), 6);
}

#[test]
fn an_inline_heading_is_underlined_in_the_original_text() {
    // Traditional script and full-width forms: the finding still underlines the original's
    // characters of the heading, and only them.
    let text = without_line_breaks("五、存在的主要問題及改進措施一是公开内容不够全面。")
        .replace("一、总体情况2021年", "一、概述２０２１年");
    assert_eq!(
        findings("page.txt", &text),
        expect(&[
            ("format/heading-wording", "warning", "一、概述"),
            (
                "format/heading-wording",
                "warning",
                "五、存在的主要問題及改進措施"
            ),
        ])
    );
}

//! Properties of drawing findings: whatever the text, every finding is drawn under its own
//! characters, never cut through a character.

use std::sync::LazyLock;

use ogilint::engine::{check_text, Options};
use ogilint::output::human::{render_file, Style};
use ogilint::rules::load::{load, RuleSources};
use ogilint::rules::{Lang, RuleSet};
use proptest::prelude::*;

static RULES: LazyLock<RuleSet> = LazyLock::new(|| {
    load(&RuleSources {
        builtin: true,
        paths: Vec::new(),
    })
    .expect("built-in rules load")
});

/// Report-shaped text: titles, headings, a period sentence, dates, table rows, short and long
/// lines, line breaks in every place (findings about the whole file stand at its first byte).
fn report_like() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "某市人民政府2023年政府信息公开工作年度报告",
        "某縣人民政府",
        "一、总体情况",
        "二、\n",
        "总体情况\n",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "五、存在的主要问题及改进情况",
        "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。",
        "电话:0551-1234567",
        "2024年1月20日",
        "二〇二四年三月十日",
        "| 本年新收政府信息公开申请数量 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |",
        "| 总计 | 1 | 2 |",
        "淮",
        "（一）",
        "２０２３",
        " ",
        "\n",
        "\r\n",
        "\n\n",
        "。",
        "🙂",
    ]);
    prop::collection::vec(pieces, 0..30).prop_map(|parts| parts.concat())
}

proptest! {
    #[test]
    fn every_finding_is_drawn(text in report_like(), ascii in any::<bool>(), narrow in any::<bool>()) {
        let report = check_text("report.txt", &text, &RULES, Options::default());
        let style = Style { color: false, ascii, width: if narrow { 40 } else { 100 }, lang: Lang::Zh };
        let drawn = render_file(&report, style);
        for finding in &report.findings {
            prop_assert!(drawn.contains(finding.rule.as_str()), "{} not drawn:\n{drawn}", finding.rule);
        }
    }
}

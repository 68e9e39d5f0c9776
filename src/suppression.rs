//! Inline suppression for a known, accepted deviation, in Markdown and HTML files:
//!
//! ```text
//! <!-- ogilint-disable period/missing -->      … until a matching enable, or the end of the file
//! <!-- ogilint-enable period/missing -->
//! <!-- ogilint-disable-next-line contact/ -->  the next line only
//! ```
//!
//! Rule ids may be prefixes (`contact/`), separated by spaces or commas; no id means every rule.
//! A suppression that suppresses nothing is itself reported (`suppression/unused`), so stale
//! comments do not pile up.

use std::ops::Range;
use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use crate::config::selector_matches;
use crate::engine::{FileReport, Finding, Span};
use crate::rules::{Lang, Severity};

/// The rule id of unused-suppression findings.
pub const UNUSED_RULE: &str = "suppression/unused";

/// File extensions in which suppression comments are read.
pub const COMMENT_EXTENSIONS: &[&str] = &["md", "markdown", "html", "htm", "shtml"];

static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*ogilint-(disable-next-line|disable|enable)\b([^>]*?)\s*-->")
        .expect("directive pattern is valid")
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Disable,
    Enable,
    DisableNextLine,
}

/// One rule id (or every rule, `None`) named by one comment.
#[derive(Debug)]
struct Suppression {
    selector: Option<String>,
    /// Lines (1-based, inclusive start, exclusive end) the suppression covers.
    lines: Range<usize>,
    /// Where the comment is in the original file.
    comment: Range<usize>,
    used: bool,
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

fn parse(text: &str) -> Vec<Suppression> {
    let last_line = text.matches('\n').count() + 2;
    let mut open: Vec<Suppression> = Vec::new();
    let mut closed: Vec<Suppression> = Vec::new();
    for caps in DIRECTIVE.captures_iter(text) {
        let (Some(whole), Some(action), Some(ids)) = (caps.get(0), caps.get(1), caps.get(2)) else {
            continue;
        };
        let action = match action.as_str() {
            "disable" => Action::Disable,
            "enable" => Action::Enable,
            _ => Action::DisableNextLine,
        };
        let line = line_of(text, whole.start());
        let mut selectors: Vec<Option<String>> = ids
            .as_str()
            .split([' ', ',', '\t'])
            .filter(|id| !id.is_empty())
            .map(|id| Some(id.to_string()))
            .collect();
        if selectors.is_empty() {
            selectors.push(None);
        }
        for selector in selectors {
            match action {
                Action::Disable => open.push(Suppression {
                    selector,
                    lines: line..last_line,
                    comment: whole.range(),
                    used: false,
                }),
                Action::DisableNextLine => closed.push(Suppression {
                    selector,
                    lines: line + 1..line + 2,
                    comment: whole.range(),
                    used: false,
                }),
                Action::Enable => {
                    if let Some(position) = open.iter().rposition(|s| s.selector == selector) {
                        let mut suppression = open.remove(position);
                        suppression.lines.end = line;
                        closed.push(suppression);
                    }
                }
            }
        }
    }
    closed.extend(open);
    closed
}

/// Applies the suppression comments of a file to its findings; unused suppressions become
/// `suppression/unused` findings when `report_unused` is set.
pub fn apply(report: &mut FileReport, path: &Path, lang: Lang, report_unused: bool) {
    let readable = path
        .extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| {
            COMMENT_EXTENSIONS
                .iter()
                .any(|known| known.eq_ignore_ascii_case(ext))
        });
    if !readable {
        return;
    }
    let text = report.source.clone();
    let mut suppressions = parse(&text);
    if suppressions.is_empty() {
        return;
    }
    report.findings.retain(|finding| {
        let mut suppressed = false;
        for suppression in &mut suppressions {
            let rule_matches = suppression
                .selector
                .as_deref()
                .is_none_or(|selector| selector_matches(selector, &finding.rule));
            if rule_matches && suppression.lines.contains(&finding.span.line) {
                suppression.used = true;
                suppressed = true;
            }
        }
        !suppressed
    });
    if !report_unused {
        return;
    }
    for suppression in suppressions.iter().filter(|s| !s.used) {
        let name = suppression.selector.as_deref().unwrap_or("*");
        let (message, help, label) = match lang {
            Lang::Zh => (
                format!("抑制注释中的“{name}”没有抑制任何问题"),
                "删除这条注释,或改正其中的规则编号".to_string(),
                "未使用的抑制注释".to_string(),
            ),
            Lang::En => (
                format!("The suppression of \"{name}\" suppresses nothing"),
                "Remove the comment, or correct the rule id in it".to_string(),
                "unused suppression".to_string(),
            ),
        };
        let start = suppression.comment.start;
        let line = line_of(&text, start);
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        report.findings.push(Finding {
            file: report.name.clone(),
            document: 0,
            rule: UNUSED_RULE.to_string(),
            severity: Severity::Warning,
            message,
            help,
            basis: Vec::new(),
            label,
            span: Span {
                start,
                end: suppression.comment.end,
                line,
                column: text[line_start..start].chars().count() + 1,
                text_start: start,
                text_end: suppression.comment.end,
            },
            text: text[suppression.comment.clone()].to_string(),
            related: Vec::new(),
            related_files: Vec::new(),
            location: None,
        });
    }
    crate::engine::sort_findings(&mut report.findings);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_ranges_and_next_line() {
        let text = "a\n<!-- ogilint-disable period/missing, contact/ -->\nb\n<!-- ogilint-enable period/missing -->\nc\n<!-- ogilint-disable-next-line -->\nd\n";
        let suppressions = parse(text);
        let covered: Vec<(Option<&str>, Range<usize>)> = suppressions
            .iter()
            .map(|s| (s.selector.as_deref(), s.lines.clone()))
            .collect();
        assert!(covered.contains(&(Some("period/missing"), 2..4)));
        assert!(covered.contains(&(Some("contact/"), 2..9)));
        assert!(covered.contains(&(None, 7..8)));
    }
}

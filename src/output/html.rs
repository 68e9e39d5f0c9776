//! `--format html`: an audit report for a supervising office — one self-contained page (CSS and
//! script inline, no network) with a summary, a table of reports and each report's findings.
//!
//! The page streams like the other formats: the table of reports is written report by report as
//! files arrive, each report a `<tbody>` holding its row and its findings (collapsed in a
//! `<details>`). The summary needs totals known only at the end, so only counts are kept while the
//! run goes on and the summary is written last; CSS (`order: -1`) shows it first. The inline
//! script sorts, filters and paginates the reports, so a page of 20,000 reports stays usable;
//! without the script (or when printing) every report is shown.
//!
//! A report's findings are written as markup inside an inert `<script type="text/html">` and
//! built by the script when the report is opened (or printed): the browser then parses one text
//! node per report instead of dozens of elements per finding, which makes a page of 20,000 reports
//! load several times faster (docs/audit.md).
//!
//! Everything taken from a report is escaped: text only ever becomes element content or a quoted
//! attribute value, so no `<` of a report reaches the page and nothing can end the inert
//! `<script>` early.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Mutex;

use super::location::line_column;
use super::{InputFailure, Piece, Stream, Summary};
use crate::document::{IssuerKind, Regulation};
use crate::engine::{DocumentInfo, FileReport, Finding};
use crate::rules::{Lang, Severity};

const STYLE: &str = include_str!("audit.css");
const SCRIPT: &str = include_str!("audit.js");

/// The rule whose findings mark a report as published late.
/// The rules that say a report was published late: by the statutory deadline, or for a township
/// or street by the local one.
const LATE_RULES: &[&str] = &["deadline/late", "deadline/late-local"];

/// How many rules the bar chart shows.
const TOP_RULES: usize = 10;

/// Characters of context either side of a span in a long line, as the human output shows them.
const WINDOW_CHARS: usize = 20;
/// Lines longer than this are shown as a window around the span.
const LONG_LINE_CHARS: usize = 60;

/// Escapes text for element content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// Appends `text` escaped, copying the runs between characters that need it whole (a page of
/// 20,000 reports escapes some 80 MB).
fn escape_into(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut copied = 0;
    let mut index = 0;
    while index < bytes.len() {
        let byte = bytes[index];
        // Control characters other than line breaks and tabs have no place in a page: C0 and DEL
        // are single bytes, C1 (U+0080–U+009F) is 0xC2 followed by 0x80–0x9F.
        let (replacement, width) = match byte {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            b'\'' => ("&#39;", 1),
            b'\n' | b'\t' => {
                index += 1;
                continue;
            }
            0..=0x1F | 0x7F => ("\u{FFFD}", 1),
            0xC2 if matches!(bytes.get(index + 1), Some(0x80..=0x9F)) => ("\u{FFFD}", 2),
            _ => {
                index += 1;
                continue;
            }
        };
        out.push_str(&text[copied..index]);
        out.push_str(replacement);
        index += width;
        copied = index;
    }
    out.push_str(&text[copied..]);
}

/// Counts kept while the run goes on, for the summary at the end.
#[derive(Debug, Default)]
struct Counts {
    reports: usize,
    /// Reports by regulation text and report year (`None`: no year found).
    by_year: BTreeMap<(Regulation, Option<i32>), usize>,
    passed: usize,
    with_errors: usize,
    /// Reports with warnings but no error.
    with_warnings: usize,
    late: usize,
    /// Findings by rule.
    rules: BTreeMap<String, RuleCount>,
}

/// How often a rule fired, and what the page says of it once (its title and basis).
#[derive(Debug, Default)]
struct RuleCount {
    findings: usize,
    title: String,
    basis: Vec<String>,
}

impl RuleCount {
    fn of(finding: &Finding) -> Self {
        RuleCount {
            findings: 0,
            title: finding.label.clone(),
            basis: finding.basis.clone(),
        }
    }
}

/// The HTML audit report.
pub struct Html {
    /// The language of the page's words and of the findings' messages.
    pub lang: Lang,
    counts: Mutex<Counts>,
}

impl Html {
    /// The audit report in `lang`.
    pub fn new(lang: Lang) -> Self {
        Html {
            lang,
            counts: Mutex::new(Counts::default()),
        }
    }

    fn words(&self) -> &'static Words {
        match self.lang {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}

/// The page's fixed words in one language.
struct Words {
    lang: &'static str,
    title: &'static str,
    summary: &'static str,
    reports: &'static str,
    files: &'static str,
    unreadable: &'static str,
    passed: &'static str,
    with_errors: &'static str,
    with_warnings: &'static str,
    late: &'static str,
    by_year: &'static str,
    regulation: &'static str,
    year: &'static str,
    unknown: &'static str,
    top_rules: &'static str,
    no_findings: &'static str,
    issuer: &'static str,
    file: &'static str,
    published: &'static str,
    deadline: &'static str,
    errors: &'static str,
    warnings: &'static str,
    infos: &'static str,
    findings: &'static str,
    filter_issuer: &'static str,
    all_rules: &'static str,
    all_severities: &'static str,
    error: &'static str,
    warning: &'static str,
    info: &'static str,
    basis: &'static str,
    rules: &'static str,
    fix: &'static str,
    location: &'static str,
    report_number: &'static str,
    previous: &'static str,
    next: &'static str,
    failures: &'static str,
    generated: &'static str,
    needs_script: &'static str,
}

static ZH: Words = Words {
    lang: "zh-CN",
    title: "政府信息公开工作年度报告检查结果",
    summary: "概况",
    reports: "报告",
    files: "文件",
    unreadable: "无法读取的文件",
    passed: "通过",
    with_errors: "有错误",
    with_warnings: "仅有警告",
    late: "逾期发布",
    by_year: "按条例文本和报告年度",
    regulation: "条例文本",
    year: "报告年度",
    unknown: "未识别",
    top_rules: "出现最多的问题",
    no_findings: "未发现问题",
    issuer: "发布机关",
    file: "文件",
    published: "发布日期",
    deadline: "法定期限",
    errors: "错误",
    warnings: "警告",
    infos: "提示",
    findings: "问题",
    filter_issuer: "筛选发布机关",
    all_rules: "全部规则",
    all_severities: "全部级别",
    error: "错误",
    warning: "警告",
    info: "提示",
    basis: "依据",
    rules: "规则及依据",
    fix: "修改建议",
    location: "位置",
    report_number: "第{}篇",
    previous: "上一页",
    next: "下一页",
    failures: "无法读取的文件",
    generated: "由 ogilint {} 生成",
    needs_script:
        "本页需启用脚本才能排序、筛选和展开各报告的问题;同样的问题见 --format csv 生成的表格。",
};

static EN: Words = Words {
    lang: "en",
    title: "Annual reports on open government information: audit",
    summary: "Summary",
    reports: "Reports",
    files: "Files",
    unreadable: "Files that could not be read",
    passed: "Passed",
    with_errors: "With errors",
    with_warnings: "Warnings only",
    late: "Published late",
    by_year: "By regulation text and report year",
    regulation: "Regulation",
    year: "Report year",
    unknown: "unknown",
    top_rules: "Rules that fire most",
    no_findings: "No findings",
    issuer: "Issuer",
    file: "File",
    published: "Published",
    deadline: "Deadline",
    errors: "Errors",
    warnings: "Warnings",
    infos: "Infos",
    findings: "Findings",
    filter_issuer: "Filter by issuer",
    all_rules: "All rules",
    all_severities: "All severities",
    error: "error",
    warning: "warning",
    info: "info",
    basis: "Basis",
    rules: "Rules and their basis",
    fix: "Fix",
    location: "Location",
    report_number: "report #{}",
    previous: "Previous",
    next: "Next",
    failures: "Files that could not be read",
    generated: "Generated by ogilint {}",
    needs_script: "This page needs script to sort, filter and open each report's findings; --format csv gives the same findings as a spreadsheet.",
};

impl Words {
    fn severity(&self, severity: Severity) -> &'static str {
        match severity {
            Severity::Error => self.error,
            Severity::Warning => self.warning,
            Severity::Info => self.info,
        }
    }
}

/// The statutory deadline for publishing a report (Art. 31 of the 2007 text: 3月31日; Art. 49 of
/// the 2019 text: 1月31日 for departments, 3月31日 for governments; townships and streets by the
/// 3月31日 most local notices set), as `YYYY-MM-DD`.
fn deadline(document: &DocumentInfo) -> Option<String> {
    let year = document.report_year.as_ref()?.year + 1;
    let month_day = match (document.regulation, document.issuer_kind) {
        (Regulation::V2019, Some(IssuerKind::Department)) => "01-31",
        _ => "03-31",
    };
    Some(format!("{year}-{month_day}"))
}

/// A date as written (`2012年4月28日`, `2012-04-28`, `2012.4.28`) as `YYYY-MM-DD`, so that the
/// table sorts by it whatever the form; a date in other words (Chinese numerals) is kept as written.
fn sortable_date(date: &str) -> String {
    let numbers: Vec<u32> = date
        .split(|ch: char| !ch.is_ascii_digit())
        .filter(|part| !part.is_empty())
        .filter_map(|part| part.parse().ok())
        .collect();
    match numbers[..] {
        [year @ 1900..=2999, month @ 1..=12, day @ 1..=31] => {
            format!("{year:04}-{month:02}-{day:02}")
        }
        _ => date.to_string(),
    }
}

/// One row of the table of reports: a recognised report, or a file in which none was recognised.
struct Entry<'a> {
    document: Option<&'a DocumentInfo>,
    index: usize,
    findings: Vec<&'a Finding>,
}

fn entries(report: &FileReport) -> Vec<Entry<'_>> {
    let count = report.documents.len().max(
        report
            .findings
            .iter()
            .map(|finding| finding.document + 1)
            .max()
            .unwrap_or(0),
    );
    (0..count.max(1))
        .map(|index| Entry {
            document: report.documents.get(index),
            index,
            findings: report
                .findings
                .iter()
                .filter(|finding| finding.document == index)
                .collect(),
        })
        .collect()
}

impl Stream for Html {
    fn header(&self) -> String {
        let words = self.words();
        let mut out = String::with_capacity(STYLE.len() + 2048);
        let _ = write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"generator\" content=\"ogilint {}\">\n<title>{}</title>\n\
             <style>\n{}</style>\n\
             <noscript><style>#report-table > tbody.report {{ display: table-row-group; }}</style></noscript>\n</head>\n<body>\n<main id=\"audit\">\n<h1>{}</h1>\n",
            words.lang,
            env!("CARGO_PKG_VERSION"),
            words.title,
            STYLE,
            words.title
        );
        let _ = write!(
            out,
            "<section id=\"reports\">\n<h2>{reports}</h2>\n\
             <noscript><p class=\"noscript\">{needs_script}</p></noscript>\n\
             <div class=\"controls\">\
             <input id=\"filter-issuer\" type=\"search\" placeholder=\"{filter}\" aria-label=\"{filter}\">\
             <select id=\"filter-rule\" aria-label=\"{all_rules}\"><option value=\"\">{all_rules}</option></select>\
             <select id=\"filter-severity\" aria-label=\"{all_severities}\"><option value=\"\">{all_severities}</option>\
             <option value=\"error\">{error}</option><option value=\"warning\">{warning}</option>\
             <option value=\"info\">{info}</option></select>\
             <span id=\"shown\"></span></div>\n\
             <table id=\"report-table\">\n<thead><tr>\
             <th data-key=\"issuer\">{issuer}</th><th data-key=\"year\" data-numeric>{year}</th>\
             <th data-key=\"file\">{file}</th><th data-key=\"published\">{published}</th>\
             <th data-key=\"deadline\">{deadline}</th><th data-key=\"errors\" data-numeric>{errors}</th>\
             <th data-key=\"warnings\" data-numeric>{warnings}</th><th data-key=\"infos\" data-numeric>{infos}</th>\
             </tr></thead>\n",
            reports = words.reports,
            needs_script = words.needs_script,
            filter = words.filter_issuer,
            all_rules = words.all_rules,
            all_severities = words.all_severities,
            error = words.error,
            warning = words.warning,
            info = words.info,
            issuer = words.issuer,
            year = words.year,
            file = words.file,
            published = words.published,
            deadline = words.deadline,
            errors = words.errors,
            warnings = words.warnings,
            infos = words.infos,
        );
        out
    }

    fn piece(&self, report: &FileReport) -> Piece {
        let words = self.words();
        let entries = entries(report);
        let mut out = String::with_capacity(1024 + report.findings.len() * 768);
        let mut counts = Counts::default();
        for entry in &entries {
            let mut by_severity = Summary::default();
            by_severity.add_findings(entry.findings.iter().copied());
            let Summary {
                errors,
                warnings,
                infos,
                ..
            } = by_severity;
            counts.reports += 1;
            if let Some(document) = entry.document {
                *counts
                    .by_year
                    .entry((
                        document.regulation,
                        document.report_year.as_ref().map(|year| year.year),
                    ))
                    .or_default() += 1;
            }
            match (errors, warnings) {
                (0, 0) => counts.passed += 1,
                (0, _) => counts.with_warnings += 1,
                _ => counts.with_errors += 1,
            }
            let late = entry
                .findings
                .iter()
                .any(|f| LATE_RULES.contains(&f.rule.as_str()));
            if late {
                counts.late += 1;
            }
            for finding in &entry.findings {
                counts
                    .rules
                    .entry(finding.rule.clone())
                    .or_insert_with(|| RuleCount::of(finding))
                    .findings += 1;
            }
            write_entry(
                &mut out,
                report,
                entry,
                [errors, warnings, infos],
                late,
                words,
            );
        }
        // The counts are order-independent sums: any thread may add its file's share.
        if let Ok(mut total) = self.counts.lock() {
            total.reports += counts.reports;
            total.passed += counts.passed;
            total.with_errors += counts.with_errors;
            total.with_warnings += counts.with_warnings;
            total.late += counts.late;
            for (key, count) in counts.by_year {
                *total.by_year.entry(key).or_default() += count;
            }
            for (rule, count) in counts.rules {
                match total.rules.get_mut(&rule) {
                    Some(total) => total.findings += count.findings,
                    None => {
                        total.rules.insert(rule, count);
                    }
                }
            }
        }
        Piece {
            items: vec![out.into_bytes()],
            side: Vec::new(),
        }
    }

    fn footer(&self, summary: &Summary, failures: &[InputFailure]) -> (String, String) {
        let words = self.words();
        let mut out =
            String::from("</table>\n<nav class=\"pager\"><button id=\"previous\" type=\"button\">");
        let _ = write!(
            out,
            "{}</button><span id=\"page\"></span><button id=\"next\" type=\"button\">{}</button></nav>\n</section>\n",
            words.previous, words.next
        );
        let counts = match self.counts.lock() {
            Ok(mut counts) => std::mem::take(&mut *counts),
            Err(_) => Counts::default(),
        };
        write_summary(&mut out, &counts, summary, words);
        write_rules(&mut out, &counts, words);
        if !failures.is_empty() {
            let _ = write!(
                out,
                "<section id=\"failures\">\n<h2>{}</h2>\n<ul>\n",
                words.failures
            );
            for failure in failures {
                out.push_str("<li>");
                escape_into(&mut out, &failure.message);
                out.push_str("</li>\n");
            }
            out.push_str("</ul>\n</section>\n");
        }
        let _ = write!(
            out,
            "<footer>{}</footer>\n</main>\n<script>\n{}</script>\n</body>\n</html>\n",
            words.generated.replace("{}", env!("CARGO_PKG_VERSION")),
            SCRIPT
        );
        (out, String::new())
    }
}

/// One report: its row in the table and, below it, its findings.
fn write_entry(
    out: &mut String,
    report: &FileReport,
    entry: &Entry<'_>,
    [errors, warnings, infos]: [usize; 3],
    late: bool,
    words: &Words,
) {
    let issuer = entry
        .document
        .and_then(|document| document.issuer.as_deref())
        .unwrap_or("");
    let year = entry
        .document
        .and_then(|document| document.report_year.as_ref())
        .map(|year| year.year.to_string())
        .unwrap_or_default();
    let published = entry
        .document
        .and_then(|document| document.published.as_ref())
        .map(|published| published.date.as_str())
        .unwrap_or("");
    let deadline = entry.document.and_then(deadline).unwrap_or_default();
    let mut rules: Vec<&str> = entry.findings.iter().map(|f| f.rule.as_str()).collect();
    rules.sort_unstable();
    rules.dedup();
    let severities: Vec<&str> = [
        (errors, Severity::Error),
        (warnings, Severity::Warning),
        (infos, Severity::Info),
    ]
    .iter()
    .filter(|(count, _)| *count > 0)
    .map(|(_, severity)| severity.as_str())
    .collect();
    let status = match (errors, warnings) {
        (0, 0) => "pass",
        (0, _) => "warning",
        _ => "error",
    };
    out.push_str("<tbody class=\"report ");
    out.push_str(status);
    out.push_str("\" data-issuer=\"");
    escape_into(out, issuer);
    out.push_str("\" data-file=\"");
    escape_into(out, &report.name);
    out.push_str("\" data-rules=\"");
    escape_into(out, &rules.join(" "));
    let _ = write!(
        out,
        "\" data-severities=\"{}\" data-year=\"{year}\" data-errors=\"{errors}\" \
         data-warnings=\"{warnings}\" data-infos=\"{infos}\" data-published=\"",
        severities.join(" ")
    );
    escape_into(out, &sortable_date(published));
    let _ = write!(
        out,
        "\" data-deadline=\"{deadline}\">\n<tr class=\"row\"><td class=\"issuer\">"
    );
    escape_into(out, issuer);
    let _ = write!(
        out,
        "</td><td class=\"year\">{year}</td><td class=\"file\">"
    );
    escape_into(out, &report.name);
    if entries_label_needed(report) {
        let _ = write!(
            out,
            " <span class=\"doc\">{}</span>",
            words
                .report_number
                .replace("{}", &(entry.index + 1).to_string())
        );
    }
    out.push_str("</td><td class=\"published");
    if late {
        out.push_str(" late");
    }
    out.push_str("\">");
    escape_into(out, published);
    let _ = writeln!(
        out,
        "</td><td class=\"deadline\">{deadline}</td><td class=\"count errors\">{errors}</td>\
         <td class=\"count warnings\">{warnings}</td><td class=\"count infos\">{infos}</td></tr>"
    );
    out.push_str("<tr class=\"details\"><td colspan=\"8\">");
    if entry.findings.is_empty() {
        let _ = write!(out, "<p class=\"none\">{}</p>", words.no_findings);
    } else {
        out.push_str("<details><summary>");
        if let Some(title) = entry
            .document
            .and_then(|document| document.title.as_deref())
        {
            out.push_str("<span class=\"title\">");
            escape_into(out, title);
            out.push_str("</span> ");
        }
        let _ = write!(
            out,
            "<span class=\"n\">{} {}</span></summary>\n\
             <script type=\"text/html\" class=\"findings\"><ol class=\"findings\">\n",
            entry.findings.len(),
            words.findings
        );
        for finding in &entry.findings {
            write_finding(out, report, finding, words);
        }
        out.push_str("</ol></script></details>");
    }
    out.push_str("</td></tr>\n</tbody>\n");
}

/// Whether a file holds several reports, so each row names which one it is.
fn entries_label_needed(report: &FileReport) -> bool {
    report.documents.len() > 1
}

/// One finding: severity, rule, message, the source excerpt with the span marked, basis and fix.
fn write_finding(out: &mut String, report: &FileReport, finding: &Finding, words: &Words) {
    let severity = finding.severity.as_str();
    let _ = write!(out, "<li class=\"finding {severity}\" data-rule=\"",);
    escape_into(out, &finding.rule);
    let _ = write!(
        out,
        "\"><div class=\"head\"><span class=\"severity {severity}\">{}</span> <a class=\"rule\" href=\"#rule-",
        words.severity(finding.severity)
    );
    escape_into(out, &finding.rule);
    out.push_str("\">");
    escape_into(out, &finding.rule);
    out.push_str("</a> <span class=\"message\">");
    escape_into(out, &finding.message);
    let _ = write!(
        out,
        "</span></div>\n<div class=\"where\">{}",
        line_column(&finding.span)
    );
    if let Some(location) = &finding.location {
        let _ = write!(
            out,
            " · {}: {}",
            words.location,
            escape(&location.describe(words.lang == "en"))
        );
    }
    out.push_str("</div>\n");
    write_excerpt(out, &report.source, finding);
    if !finding.help.is_empty() {
        let _ = write!(out, "<p class=\"fix\"><b>{}</b>: ", words.fix);
        escape_into(out, &finding.help);
        out.push_str("</p>\n");
    }
    out.push_str("</li>\n");
}

/// A marked range of the source: start, end (byte offsets of what is shown), and whether it is
/// the finding's own span (else a related place).
type Mark = (usize, usize, bool);

/// The source around a finding, with its span in `<mark>`: the same text the human output
/// underlines (a window of the line when it is long). A finding with related places (the other
/// cells of a table identity) shows every line involved; lines that are table rows
/// (`|`-separated) are drawn as a grid with the offending cells marked.
fn write_excerpt(out: &mut String, source: &str, finding: &Finding) {
    let mut spans: Vec<Mark> = std::iter::once((finding.span, true))
        .chain(finding.related.iter().map(|span| (*span, false)))
        .filter_map(|(span, primary)| {
            let start = span.text_start.min(source.len());
            let end = span.text_end.clamp(start, source.len());
            (source.is_char_boundary(start) && source.is_char_boundary(end))
                .then_some((start, end, primary))
        })
        .collect();
    if spans.is_empty() {
        return;
    }
    spans.sort_unstable();
    let mut lines: Vec<(usize, usize, Vec<Mark>)> = Vec::new();
    for (start, end, primary) in spans {
        let line_start = source[..start].rfind('\n').map_or(0, |index| index + 1);
        match lines.last_mut() {
            Some((last_start, last_end, marks))
                if *last_start == line_start || start < *last_end =>
            {
                *last_end = (*last_end).max(end);
                marks.push((start, end, primary));
            }
            _ => lines.push((line_start, end, vec![(start, end, primary)])),
        }
    }
    let grid = !finding.related.is_empty();
    let mut in_grid = false;
    let mut previous_line = 0;
    for (line_start, marks_end, marks) in &lines {
        let line_end = source[*marks_end..]
            .find('\n')
            .map_or(source.len(), |index| marks_end + index);
        let number = source[..*line_start].matches('\n').count() + 1;
        let line = source[*line_start..line_end].trim_end_matches('\r');
        if grid && line.contains('|') {
            if !in_grid {
                out.push_str("<table class=\"grid\">");
                in_grid = true;
            } else if number > previous_line + 1 {
                out.push_str("<tr class=\"gap\"><td class=\"ln\">⋯</td></tr>");
            }
            write_grid_row(
                out,
                source,
                *line_start,
                line_start + line.len(),
                number,
                marks,
            );
        } else {
            if in_grid {
                out.push_str("</table>\n");
                in_grid = false;
            }
            write_line(
                out,
                source,
                *line_start,
                line_start + line.len(),
                number,
                marks,
            );
        }
        previous_line = number;
    }
    if in_grid {
        out.push_str("</table>\n");
    }
}

/// Text of the source with the marks in it (marks in order, inside `from..to`).
fn write_marked(out: &mut String, source: &str, from: usize, to: usize, marks: &[Mark]) {
    let mut at = from;
    for &(start, end, primary) in marks {
        if start < at || end > to {
            continue;
        }
        escape_into(out, &source[at..start]);
        let class = if primary { "" } else { " class=\"related\"" };
        if start == end {
            out.push_str("<mark class=\"empty\"></mark>");
        } else {
            let _ = write!(out, "<mark{class}>");
            escape_into(out, &source[start..end]);
            out.push_str("</mark>");
        }
        at = end;
    }
    escape_into(out, &source[at..to]);
}

/// One line of the source, as a window around its marks when it is long.
fn write_line(
    out: &mut String,
    source: &str,
    line_start: usize,
    line_end: usize,
    number: usize,
    marks: &[Mark],
) {
    let first = marks.first().map_or(line_start, |mark| mark.0);
    let last = marks
        .iter()
        .map(|mark| mark.1)
        .max()
        .unwrap_or(line_end)
        .min(line_end);
    let (from, to) = if source[line_start..line_end].chars().count() > LONG_LINE_CHARS {
        let from = source[line_start..first]
            .char_indices()
            .rev()
            .nth(WINDOW_CHARS - 1)
            .map_or(line_start, |(index, _)| line_start + index);
        let to = source[last..line_end]
            .char_indices()
            .nth(WINDOW_CHARS)
            .map_or(line_end, |(index, _)| last + index);
        (from, to)
    } else {
        (line_start, line_end)
    };
    let _ = write!(
        out,
        "<pre class=\"excerpt\"><span class=\"ln\">{number}</span>"
    );
    if from > line_start {
        out.push('…');
    }
    write_marked(out, source, from, to, marks);
    if to < line_end {
        out.push('…');
    }
    out.push_str("</pre>\n");
}

/// One table row of the source as grid cells, a cell holding a mark marked as offending.
fn write_grid_row(
    out: &mut String,
    source: &str,
    line_start: usize,
    line_end: usize,
    number: usize,
    marks: &[Mark],
) {
    let _ = write!(out, "<tr><td class=\"ln\">{number}</td>");
    let line = &source[line_start..line_end];
    let mut cell_start = line_start;
    let bounds = line
        .match_indices('|')
        .map(|(index, _)| line_start + index)
        .chain(std::iter::once(line_end));
    for bound in bounds {
        let inside: Vec<Mark> = marks
            .iter()
            .copied()
            .filter(|&(start, end, _)| start >= cell_start && end <= bound)
            .collect();
        // A row's leading and trailing bars frame it: they make no cell.
        let frame = source[cell_start..bound].trim().is_empty()
            && (cell_start == line_start || bound == line_end);
        if !frame {
            let class = match inside.iter().map(|mark| mark.2).max() {
                Some(true) => " class=\"bad primary\"",
                Some(false) => " class=\"bad\"",
                None => "",
            };
            let _ = write!(out, "<td{class}>");
            write_marked(out, source, cell_start, bound, &inside);
            out.push_str("</td>");
        }
        cell_start = (bound + 1).min(line_end);
    }
    out.push_str("</tr>");
}

/// The summary: counts, reports by regulation and year, and the rules that fire most as a bar
/// chart.
fn write_summary(out: &mut String, counts: &Counts, summary: &Summary, words: &Words) {
    let _ = write!(
        out,
        "<section id=\"summary\">\n<h2>{}</h2>\n<dl class=\"tiles\">\n",
        words.summary
    );
    let tiles = [
        ("files", words.files, summary.files),
        ("reports", words.reports, counts.reports),
        ("passed", words.passed, counts.passed),
        ("with-errors", words.with_errors, counts.with_errors),
        ("with-warnings", words.with_warnings, counts.with_warnings),
        ("late", words.late, counts.late),
        ("unreadable", words.unreadable, summary.unreadable),
    ];
    for (id, label, value) in tiles {
        let _ = writeln!(
            out,
            "<div class=\"tile {id}\"><dt>{label}</dt><dd id=\"count-{id}\">{value}</dd></div>"
        );
    }
    out.push_str("</dl>\n<div class=\"breakdown\">\n");
    let _ = writeln!(
        out,
        "<table id=\"by-year\"><caption>{}</caption><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        words.by_year, words.regulation, words.year, words.reports
    );
    for ((regulation, year), count) in &counts.by_year {
        let year = year.map_or_else(|| words.unknown.to_string(), |year| year.to_string());
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{year}</td><td>{count}</td></tr>",
            regulation.as_str()
        );
    }
    out.push_str("</tbody></table>\n");
    write_chart(out, counts, words);
    out.push_str("</div>\n</section>\n");
}

/// Each rule that fired, once: its title and legal basis (findings link here).
fn write_rules(out: &mut String, counts: &Counts, words: &Words) {
    if counts.rules.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<section id=\"rules\">\n<h2>{}</h2>\n<dl>\n",
        words.rules
    );
    for (rule, count) in &counts.rules {
        out.push_str("<dt id=\"rule-");
        escape_into(out, rule);
        out.push_str("\"><code>");
        escape_into(out, rule);
        out.push_str("</code> ");
        escape_into(out, &count.title);
        let _ = write!(
            out,
            " <span class=\"n\">({})</span></dt>\n<dd>",
            count.findings
        );
        if !count.basis.is_empty() {
            let _ = write!(out, "<b>{}</b>: ", words.basis);
            escape_into(out, &count.basis.join("; "));
        }
        out.push_str("</dd>\n");
    }
    out.push_str("</dl>\n</section>\n");
}

/// The rules that fire most, as horizontal bars in inline SVG.
fn write_chart(out: &mut String, counts: &Counts, words: &Words) {
    let mut rules: Vec<(&String, usize)> = counts
        .rules
        .iter()
        .map(|(rule, count)| (rule, count.findings))
        .collect();
    rules.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    rules.truncate(TOP_RULES);
    let _ = writeln!(
        out,
        "<figure id=\"top-rules\"><figcaption>{}</figcaption>",
        words.top_rules
    );
    let Some(&(_, most)) = rules.first() else {
        let _ = writeln!(out, "<p>{}</p></figure>", words.no_findings);
        return;
    };
    const ROW: usize = 22;
    const LABEL: usize = 210;
    const BAR: usize = 260;
    let height = rules.len() * ROW;
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{}\" height=\"{height}\" viewBox=\"0 0 {} {height}\">",
        LABEL + BAR + 60,
        LABEL + BAR + 60
    );
    for (row, (rule, count)) in rules.iter().enumerate() {
        let y = row * ROW;
        let width = (BAR * *count).div_ceil(most.max(1)).max(1);
        out.push_str("<g class=\"bar\" data-rule=\"");
        escape_into(out, rule);
        let _ = write!(
            out,
            "\"><text x=\"{}\" y=\"{}\" text-anchor=\"end\">",
            LABEL - 6,
            y + 15
        );
        escape_into(out, rule);
        let _ = writeln!(
            out,
            "</text><rect x=\"{LABEL}\" y=\"{}\" width=\"{width}\" height=\"{}\"></rect>\
             <text class=\"value\" x=\"{}\" y=\"{}\">{count}</text></g>",
            y + 3,
            ROW - 6,
            LABEL + width + 4,
            y + 15
        );
    }
    out.push_str("</svg></figure>\n");
}

#[cfg(test)]
mod tests {
    use super::{escape, sortable_date};

    #[test]
    fn dates_sort_whatever_their_form() {
        assert_eq!(sortable_date("2012年4月28日"), "2012-04-28");
        assert_eq!(sortable_date("2022-01-18"), "2022-01-18");
        assert_eq!(sortable_date("2012.4.8"), "2012-04-08");
        assert_eq!(sortable_date("二〇一二年四月"), "二〇一二年四月");
    }

    #[test]
    fn escapes_markup_and_drops_control_characters() {
        assert_eq!(
            escape("<a href=\"x\">&'乙</a>\u{1}\u{85}\n\t丙"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;乙&lt;/a&gt;\u{FFFD}\u{FFFD}\n\t丙"
        );
    }
}

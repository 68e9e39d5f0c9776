//! Structure recognition: the reports in a file, and in each its title, issuer, report year,
//! regulation version, headings, intro and sections.
//!
//! Everything here reads the *normalised* text (Simplified script, half-width forms) and records
//! byte ranges into it; diagnostics map those ranges back to the original bytes later.

pub mod dates;
pub mod headings;
pub mod lines;
pub mod period;
pub mod publication;
pub mod tables;
mod title;

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

pub use headings::Heading;
pub use lines::{Line, LineKind};
pub use period::Period;

/// The text of 《政府信息公开条例》 a report is judged by.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Regulation {
    /// The 2007 text (国务院令第492号), Art. 31–32: report years 2008–2018.
    #[serde(rename = "2007")]
    V2007,
    /// The 2019 revision (国务院令第711号), Art. 49–50 and the unified format: report years 2019 on.
    #[serde(rename = "2019")]
    V2019,
}

impl Regulation {
    /// The regulation in force for reports on `year`.
    pub fn for_report_year(year: i32) -> Regulation {
        if year <= 2018 {
            Regulation::V2007
        } else {
            Regulation::V2019
        }
    }

    /// `"2007"` or `"2019"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Regulation::V2007 => "2007",
            Regulation::V2019 => "2019",
        }
    }
}

/// What kind of body issued a report; it decides the publication deadline under the 2019 text
/// (Art. 49: 1月31日 for 县级以上人民政府部门, 3月31日 for the 本级政府 report).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "kebab-case")]
pub enum IssuerKind {
    /// A people's government (…人民政府).
    Government,
    /// A government department or other body (…局/委/办/厅…).
    Department,
}

impl IssuerKind {
    /// `"government"` or `"department"`.
    pub fn as_str(self) -> &'static str {
        match self {
            IssuerKind::Government => "government",
            IssuerKind::Department => "department",
        }
    }

    /// Infers the kind from the issuer's name (normalised), if the name says.
    pub fn infer(issuer: &str) -> Option<IssuerKind> {
        const DEPARTMENT_SUFFIXES: &[&str] = &[
            "局",
            "委",
            "委员会",
            "办",
            "办公室",
            "厅",
            "署",
            "中心",
            "院",
            "所",
            "部",
            "处",
            "站",
            "馆",
            "队",
            "会",
            "司",
        ];
        let issuer = issuer.trim_end_matches(['(', ')']);
        if issuer.ends_with("人民政府") || issuer.ends_with("政府") {
            Some(IssuerKind::Government)
        } else if DEPARTMENT_SUFFIXES
            .iter()
            .any(|suffix| issuer.ends_with(suffix))
        {
            Some(IssuerKind::Department)
        } else {
            None
        }
    }
}

/// Where a document's report year was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum YearSource {
    Title,
    Period,
    /// The year mentioned most often in the text.
    Text,
}

/// The year a report covers, and where it was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct ReportYear {
    pub year: i32,
    pub source: YearSource,
}

/// Where a document's regulation version came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RegulationSource {
    /// Derived from the report year.
    ReportYear,
    /// Set by the user (`--regulation`).
    Override,
    /// No year was found: the current text is assumed.
    Default,
}

/// A report recognised in a file.
#[derive(Debug, Clone)]
pub struct Document {
    /// 0-based position of the report within its file.
    pub index: usize,
    /// Byte range of the report in the normalised text (from its first line to its last).
    pub range: Range<usize>,
    pub lines: Vec<Line>,
    /// Byte range of the title in the normalised text (may span two lines).
    pub title: Option<Range<usize>>,
    /// The title's words (normalised, line break removed).
    pub title_text: Option<String>,
    /// The issuing body, as named in the title (normalised).
    pub issuer: Option<String>,
    /// Government or department: set by the user, or inferred from the issuer's name.
    pub issuer_kind: Option<IssuerKind>,
    pub report_year: Option<ReportYear>,
    pub regulation: Regulation,
    pub regulation_source: RegulationSource,
    pub headings: Vec<Heading>,
    /// The words of every section title and unnumbered heading (a short line of its own before a
    /// paragraph, see [`headings::is_unnumbered_heading`]), for one search over them all.
    pub heading_words: HeadingWords,
    /// Indexes into `lines`: the intro runs from after the title to before the first level-1 heading.
    pub intro_lines: Range<usize>,
    pub period: Option<Period>,
    /// The years the body names (`2009年`, title excluded), most often named first.
    pub body_years: Vec<(i32, usize)>,
    /// When the report was published, if it says.
    pub published: Option<publication::PublicationDate>,
}

/// The words of a document's section titles ([`Heading::is_section_title`]) and unnumbered
/// headings, one per line of one text: whether a pattern names any of them is then one search
/// over that text ([`lines::LinePattern::matching_lines`]) rather than one per heading, and the
/// per-search cost of a regex is most of what matching a short title costs.
#[derive(Debug, Clone, Default)]
pub struct HeadingWords {
    pub text: String,
    /// One line per title, in `text`.
    pub lines: Vec<Line>,
}

impl HeadingWords {
    fn new(text: &str, lines: &[Line], headings: &[Heading], unnumbered: &[usize]) -> Self {
        let titles = headings
            .iter()
            .filter(|heading| heading.is_section_title())
            .map(|heading| heading.title.as_str());
        let labels = unnumbered
            .iter()
            .map(|&line| &text[lines[line].range.clone()]);
        let mut words = HeadingWords::default();
        for title in titles.chain(labels) {
            let start = words.text.len();
            words.text.push_str(title);
            words.lines.push(Line {
                range: start..words.text.len(),
                kind: LineKind::Heading,
            });
            words.text.push('\n');
        }
        words
    }
}

impl Document {
    /// The text of a line.
    pub fn line_text<'t>(&self, text: &'t str, line: usize) -> &'t str {
        &text[self.lines[line].range.clone()]
    }

    /// Level-1 headings, in order.
    pub fn sections(&self) -> impl Iterator<Item = &Heading> {
        self.headings.iter().filter(|heading| heading.level == 1)
    }

    /// Line indexes of the body under `heading`: up to the next heading of the same or a higher level.
    pub fn body_lines(&self, heading: &Heading) -> Range<usize> {
        let end = self
            .headings
            .iter()
            .filter(|other| other.line > heading.line && other.level <= heading.level)
            .map(|other| other.line)
            .next()
            .unwrap_or(self.lines.len());
        heading.line + 1..end
    }

    /// Where content that belongs to the intro but is missing should be pointed at: the end of the
    /// intro's last text line, else the end of the title, else the start of the report.
    pub fn intro_anchor(&self) -> usize {
        self.lines[self.intro_lines.clone()]
            .iter()
            .rev()
            .find(|line| line.kind == LineKind::Text)
            .map(|line| line.range.end)
            .or_else(|| self.title.as_ref().map(|title| title.end))
            .unwrap_or(self.range.start)
    }

    /// Where a missing section should be pointed at: the first level-1 heading's start, else the
    /// intro anchor.
    pub fn outline_anchor(&self) -> usize {
        self.sections()
            .next()
            .map(|heading| heading.range.start)
            .unwrap_or_else(|| self.intro_anchor())
    }
}

/// Options that change how documents are read.
#[derive(Debug, Clone, Copy, Default)]
pub struct StructureOptions {
    /// Judge every report by this regulation, whatever its year.
    pub regulation: Option<Regulation>,
    /// Treat every issuer as this kind (`--issuer-kind`, `issuer-kind` in the config).
    pub issuer_kind: Option<IssuerKind>,
}

/// Recognises the reports in a file's normalised text.
pub fn recognize(text: &str, options: StructureOptions) -> Vec<Document> {
    let all_lines = lines::split_lines(text, 0..text.len());
    let mut starts: Vec<usize> = all_lines
        .iter()
        .enumerate()
        .filter(|(_, line)| {
            let words = &text[line.range.clone()];
            words.starts_with('第') && title::REPORT_MARKER.is_match(words)
        })
        .map(|(index, _)| index)
        .collect();
    let before_first = starts.first().copied().unwrap_or(all_lines.len());
    // Text before the first `第一篇:` marker is a report of its own only if it has a title;
    // otherwise it is page chrome or a collection's preface.
    if starts.is_empty() {
        starts.push(0);
        starts.extend(title::later_report_starts(text, &all_lines));
    } else if title::find_title(text, &all_lines[..before_first]).is_some() {
        starts.insert(0, 0);
    }
    let mut documents = Vec::with_capacity(starts.len());
    for (index, &start) in starts.iter().enumerate() {
        let end = starts.get(index + 1).copied().unwrap_or(all_lines.len());
        let lines = all_lines[start..end].to_vec();
        documents.push(build_document(text, index, lines, options));
    }
    documents
}

fn build_document(
    text: &str,
    index: usize,
    mut lines: Vec<Line>,
    options: StructureOptions,
) -> Document {
    let range = match (lines.first(), lines.last()) {
        (Some(first), Some(last)) => first.range.start..last.range.end,
        _ => 0..0,
    };
    let found_title = title::find_title(text, &lines);
    let body_start = match &found_title {
        Some(found) => {
            for line in &mut lines[..found.first_line] {
                if line.kind == LineKind::Text || line.kind == LineKind::TableRow {
                    line.kind = LineKind::Preamble;
                }
            }
            for line in &mut lines[found.first_line..=found.last_line] {
                line.kind = LineKind::Title;
            }
            // A running page header repeats the title, or a line of it, on every page: chrome.
            let title_lines: Vec<Range<usize>> = lines[found.first_line..=found.last_line]
                .iter()
                .map(|line| line.range.clone())
                .collect();
            for line in &mut lines[found.last_line + 1..] {
                // Lengths first: this runs on every line.
                let length = line.range.len();
                if line.kind != LineKind::Text
                    || (length != found.text.len()
                        && !title_lines
                            .iter()
                            .any(|title_line| title_line.len() == length))
                {
                    continue;
                }
                let words = &text[line.range.clone()];
                if words == found.text
                    || title_lines
                        .iter()
                        .any(|title_line| &text[title_line.clone()] == words)
                {
                    line.kind = LineKind::Chrome;
                }
            }
            found.last_line + 1
        }
        None => 0,
    };

    let mut outline = headings::Outline::default();
    let mut found_headings = Vec::new();
    for (line_index, line) in lines.iter_mut().enumerate().skip(body_start) {
        if line.kind != LineKind::Text {
            continue;
        }
        let line_text = &text[line.range.clone()];
        // The marker first: most lines have none, and the row-label test is a regex.
        let Some((level, number, title_start)) = headings::parse_marker(line_text) else {
            continue;
        };
        if level == 1 && headings::is_table_row_label(line_text) {
            continue;
        }
        if !outline.accepts(level, number) {
            continue;
        }
        let title_end = headings::title_end(line_text, title_start);
        line.kind = LineKind::Heading;
        found_headings.push(Heading {
            line: line_index,
            level,
            number,
            title: line_text[title_start..title_end].to_string(),
            range: line.range.start..line.range.start + title_end,
        });
    }
    let intro_end = found_headings
        .iter()
        .find(|heading| heading.level == 1)
        .map_or(lines.len(), |heading| heading.line);

    // A period sentence without a keyword stands in the preamble or section 一.
    let whole_year_end = found_headings
        .iter()
        .filter(|heading| heading.level == 1)
        .nth(1)
        .map_or(lines.len(), |heading| heading.line);
    let period = period::find_first_period(text, &lines, whole_year_end);

    let body_years = year_mentions(text, &lines);
    let report_lines: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].kind.is_report_text())
        .collect();
    let unnumbered_headings: Vec<usize> = report_lines
        .windows(2)
        .filter(|pair| {
            lines[pair[0]].kind == LineKind::Text
                && headings::is_unnumbered_heading(
                    &text[lines[pair[0]].range.clone()],
                    &text[lines[pair[1]].range.clone()],
                )
        })
        .map(|pair| pair[0])
        .collect();
    let heading_words = HeadingWords::new(text, &lines, &found_headings, &unnumbered_headings);
    let title_year = found_title.as_ref().and_then(|found| found.year);
    let report_year = title_year
        .map(|year| ReportYear {
            year,
            source: YearSource::Title,
        })
        .or_else(|| {
            period
                .as_ref()
                .and_then(Period::year)
                .map(|year| ReportYear {
                    year,
                    source: YearSource::Period,
                })
        })
        .or_else(|| {
            body_years.first().map(|&(year, _)| ReportYear {
                year,
                source: YearSource::Text,
            })
        });
    let (regulation, regulation_source) = match (options.regulation, report_year) {
        (Some(regulation), _) => (regulation, RegulationSource::Override),
        (None, Some(year)) => (
            Regulation::for_report_year(year.year),
            RegulationSource::ReportYear,
        ),
        (None, None) => (Regulation::V2019, RegulationSource::Default),
    };
    let issuer = found_title
        .as_ref()
        .and_then(|found| found.issuer.clone())
        .or_else(|| title::issuer_from_meta(text, &lines));

    let issuer_kind = options
        .issuer_kind
        .or_else(|| issuer.as_deref().and_then(IssuerKind::infer));
    Document {
        index,
        range,
        issuer_kind,
        title: found_title.as_ref().map(|found| found.range.clone()),
        title_text: found_title.map(|found| found.text),
        issuer,
        report_year,
        regulation,
        regulation_source,
        headings: found_headings,
        heading_words,
        intro_lines: body_start.min(intro_end)..intro_end,
        period,
        body_years,
        published: publication::find_publication_date(&lines, text),
        lines,
    }
}

static YEAR_IN_TEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:19|20)[0-9]{2}年").expect("year pattern is valid"));

/// How often each year is named in the body (title lines excluded), most often first (ties go
/// to the later year).
fn year_mentions(text: &str, lines: &[Line]) -> Vec<(i32, usize)> {
    let mut counts: HashMap<i32, usize> = HashMap::new();
    let (Some(first), Some(last)) = (lines.first(), lines.last()) else {
        return Vec::new();
    };
    // One search over the document; each year is then kept if its line counts. A year cannot
    // span lines, so this finds what a search line by line would.
    let start = first.range.start;
    // A match is the year's four digits and `年`: the year is read from its first four bytes,
    // without the cost of capture groups.
    for found in YEAR_IN_TEXT.find_iter(&text[start..last.range.end]) {
        let year = &found.as_str()[..4];
        let at = start + found.start();
        let Some(line) = lines.get(lines::line_at(lines, at)) else {
            break;
        };
        let counted = line.kind.is_report_text() && line.kind != LineKind::Title;
        if counted && line.range.contains(&at) {
            if let Ok(year) = year.parse() {
                *counts.entry(year).or_default() += 1;
            }
        }
    }
    let mut mentions: Vec<(i32, usize)> = counts.into_iter().collect();
    mentions.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
    mentions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issuer_kind_from_the_name() {
        assert_eq!(
            IssuerKind::infer("绩溪县人民政府"),
            Some(IssuerKind::Government)
        );
        assert_eq!(
            IssuerKind::infer("绩溪县人民政府办公室"),
            Some(IssuerKind::Department)
        );
        assert_eq!(
            IssuerKind::infer("湖州市质量技监局"),
            Some(IssuerKind::Department)
        );
        assert_eq!(
            IssuerKind::infer("乌海市经济和信息化委员会"),
            Some(IssuerKind::Department)
        );
        assert_eq!(IssuerKind::infer("绩溪县"), None);
    }

    #[test]
    fn splits_numbered_reports_and_reads_titles() {
        let text = "导航\n第一篇:某局2009年政府信息公开工作年度报告\n一、概述\n正文\n第二篇:某局2012政府信息公开工作总结\n一、概述\n";
        let documents = recognize(text, StructureOptions::default());
        assert_eq!(documents.len(), 2);
        assert_eq!(documents[0].report_year.map(|y| y.year), Some(2009));
        assert_eq!(documents[0].issuer.as_deref(), Some("某局"));
        assert_eq!(documents[1].report_year.map(|y| y.year), Some(2012));
        assert_eq!(documents[1].regulation, Regulation::V2007);
        // Arabic numerals too.
        let text = "第1篇:\n某局2009年政府信息公开工作年度报告\n一、概述\n第2篇:\n某局2012年政府信息公开工作年度报告\n";
        let years: Vec<Option<i32>> = recognize(text, StructureOptions::default())
            .iter()
            .map(|document| document.report_year.map(|y| y.year))
            .collect();
        assert_eq!(years, vec![Some(2009), Some(2012)]);
    }

    #[test]
    fn a_reports_own_title_outranks_the_collections_label() {
        let text = "第一篇:某局2012政府信息公开工作总结\n某局\n2009政府信息公开工作总结\n正文\n\
                    第二篇:某局2010政府信息公开工作报告\n某局201  0政府信息公开工作报告\n正文\n\
                    第三篇:某局2011年政府信息公开工作年度报告\n一、概述\n";
        let documents = recognize(text, StructureOptions::default());
        let titles: Vec<(Option<&str>, Option<i32>)> = documents
            .iter()
            .map(|d| (d.title_text.as_deref(), d.report_year.map(|y| y.year)))
            .collect();
        assert_eq!(
            titles,
            vec![
                // The label's year is the compiler's mistake: the report's own title counts.
                (Some("某局2009政府信息公开工作总结"), Some(2009)),
                // The own title's year is broken by stray spaces: the label's stands.
                (Some("某局2010政府信息公开工作报告"), Some(2010)),
                // No title of its own: the label is the title.
                (Some("某局2011年政府信息公开工作年度报告"), Some(2011)),
            ]
        );
        // The label is not report text, and the own title is the title.
        assert_eq!(documents[0].lines[0].kind, LineKind::Preamble);
        assert_eq!(documents[0].lines[2].kind, LineKind::Title);
    }

    #[test]
    fn joins_a_title_broken_over_two_lines_and_skips_the_cover_letter() {
        let text = "市政务公开办公室:\n现将《某委2011年政府信息公开年度工作报告》随文上报,请审阅。\n某委2011年度\n政府信息公开工作年度报告\n一、概述\n";
        let documents = recognize(text, StructureOptions::default());
        let document = &documents[0];
        assert_eq!(
            document.title_text.as_deref(),
            Some("某委2011年度政府信息公开工作年度报告")
        );
        assert_eq!(document.lines[1].kind, LineKind::Preamble);
        assert_eq!(document.sections().count(), 1);
    }

    #[test]
    fn reports_one_after_another_without_labels_are_split_at_the_later_title() {
        let report = |year: u32| {
            format!(
                "某局{year}年政府信息公开工作年度报告\n一、概述\n正文。\n二、主动公开情况\n正文。\n"
            )
        };
        let text = format!("{}索引号:123\n{}", report(2018), report(2019));
        let documents = recognize(&text, StructureOptions::default());
        let years: Vec<Option<i32>> = documents
            .iter()
            .map(|document| document.report_year.map(|y| y.year))
            .collect();
        assert_eq!(years, vec![Some(2018), Some(2019)]);
        // The later report's page metadata goes with it.
        assert_eq!(documents[1].lines[0].kind, LineKind::Meta);

        // Not a later report: related reports listed after the text, a page header repeating
        // the title (before the first section, or on a later page before a table row `一、`),
        // an annex.
        for text in [
            format!(
                "{}某局2019年政府信息公开工作年度报告\n一、本年新收 | 1 | 1\n",
                report(2019)
            ),
            format!(
                "{}相关文章\n某局2017年政府信息公开工作年度报告\n某局2016年政府信息公开工作年度报告\n",
                report(2019)
            ),
            format!("某局2019年政府信息公开工作年度报告\n{}", report(2019)),
            format!(
                "{}附件:某局2019年政府信息公开工作年度报告统计表\n一、主动公开\n",
                report(2019)
            ),
        ] {
            assert_eq!(recognize(&text, StructureOptions::default()).len(), 1, "{text}");
        }
    }

    #[test]
    fn a_running_header_repeating_the_title_is_page_chrome() {
        let text = "某局2019年政府信息公开工作年度报告\n一、概述\n正文。\n- 2 -\n某局2019年政府信息公开工作年度报告\n二、主动公开\n正文。\n";
        let documents = recognize(text, StructureOptions::default());
        assert_eq!(documents.len(), 1);
        let kinds: Vec<LineKind> = documents[0].lines.iter().map(|line| line.kind).collect();
        assert_eq!(
            kinds,
            vec![
                LineKind::Title,
                LineKind::Heading,
                LineKind::Text,
                LineKind::Chrome,
                LineKind::Chrome,
                LineKind::Heading,
                LineKind::Text,
                LineKind::Blank,
            ]
        );
    }

    #[test]
    fn a_title_over_two_lines_with_a_blank_line_between_and_indented_headings() {
        // A page copied with a blank line after every paragraph, headings indented.
        let text =
            "某委2011年度\n\n政府信息公开工作年度报告\n\n  一、概述\n\n  (一)组织领导\n\n正文。\n";
        let documents = recognize(text, StructureOptions::default());
        let document = &documents[0];
        assert_eq!(
            document.title_text.as_deref(),
            Some("某委2011年度政府信息公开工作年度报告")
        );
        let headings: Vec<&str> = document
            .headings
            .iter()
            .map(|heading| &text[heading.range.clone()])
            .collect();
        assert_eq!(headings, vec!["一、概述", "(一)组织领导"]);
    }

    #[test]
    fn table_row_labels_are_not_headings() {
        let text = "某局2020年政府信息公开工作年度报告\n一、总体情况\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n四、结转下年度继续办理 | 0 | 0\n四、政府信息公开行政复议、行政诉讼情况\n";
        let documents = recognize(text, StructureOptions::default());
        let numbers: Vec<u32> = documents[0].sections().map(|h| h.number).collect();
        assert_eq!(numbers, vec![1, 3, 4]);
    }
}

//! Structure recognition: the reports in a file, and in each its title, issuer, report year,
//! regulation version, headings, intro and sections.
//!
//! Everything here reads the *normalised* text (Simplified script, half-width forms) and records
//! byte ranges into it; diagnostics map those ranges back to the original bytes later.

pub mod dates;
pub mod headings;
pub mod issuer;
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
/// (Art. 49: 1月31日 for 县级以上人民政府部门, 3月31日 for the 本级政府 report; townships and
/// streets, below the county, have the deadline a local notice sets).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "kebab-case")]
pub enum IssuerKind {
    /// A people's government (…人民政府).
    Government,
    /// A government department or other body (…局/委/办/厅…).
    Department,
    /// A township or street (乡, 镇, 苏木, 街道(办事处), or their 人民政府): the lowest level of
    /// government, below the county level that Art. 49 of the 2019 text sets deadlines for.
    Township,
}

impl IssuerKind {
    /// `"government"`, `"department"` or `"township"`.
    pub fn as_str(self) -> &'static str {
        match self {
            IssuerKind::Government => "government",
            IssuerKind::Department => "department",
            IssuerKind::Township => "township",
        }
    }

    /// Infers the kind from the issuer's name (normalised), if the name says.
    ///
    /// Townships (`乡`, `镇`, `苏木`) and streets (`街道`, `街道办事处`) are the lowest level of
    /// government, with or without `人民政府` after the name, although `办事处` ends in a
    /// department's `处`. A government's `办公室` reporting in its own name is a department: a
    /// report covering the whole government names the government itself.
    pub fn infer(issuer: &str) -> Option<IssuerKind> {
        const TOWNSHIP_SUFFIXES: &[&str] = &["街道办事处", "街道办", "街道", "镇", "乡", "苏木"];
        const GOVERNMENT_SUFFIXES: &[&str] = &["政府"];
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
        // A development zone's administrative committee (管委会) acts for a government there,
        // and notices differ on which deadline it keeps; a hospital or a school is a public
        // institution, which reports as its regulator sets (Art. 55), not as a department:
        // unknown, so the later deadline applies.
        const UNKNOWN_SUFFIXES: &[&str] = &[
            // An enterprise reports as its regulator sets, not as a department (its 公司 ends
            // in a department's 司).
            "公司",
            "医院",
            "保健院",
            "卫生院",
            "学校",
            "大学",
            "学院",
            "中学",
            "小学",
            "管委会",
            "管理委员会",
            "开发区",
            "高新区",
            "新区",
            "园区",
            "试验区",
            "示范区",
        ];
        let issuer = issuer.trim_end_matches(['(', ')']);
        if UNKNOWN_SUFFIXES
            .iter()
            .any(|suffix| issuer.ends_with(suffix))
        {
            return None;
        }
        let place = issuer
            .strip_suffix("人民政府")
            .or_else(|| issuer.strip_suffix("政府"))
            .unwrap_or(issuer);
        if TOWNSHIP_SUFFIXES
            .iter()
            .any(|suffix| place.ends_with(suffix))
        {
            Some(IssuerKind::Township)
        } else if GOVERNMENT_SUFFIXES
            .iter()
            .any(|suffix| issuer.ends_with(suffix))
        {
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

/// How far into a report its opening is read for the rules it says it follows.
const MAX_OPENING_BYTES: usize = 3000;

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
    /// The words of every line that names a section: heading titles, numbered lines out of the
    /// outline's sequence, table captions and unnumbered headings (a short line of its own before
    /// a paragraph, see [`headings::is_unnumbered_heading`]), for one search over them all.
    pub heading_words: HeadingWords,
    /// Indexes into `lines`: the intro runs from after the title to before the first level-1 heading.
    pub intro_lines: Range<usize>,
    pub period: Option<Period>,
    /// Where no period was found: a period keyword followed by dates that cannot be read
    /// (`2018年11日至2018年1231日`, characters lost), in the normalised text. The statement is
    /// there; what it spans is not known.
    pub unreadable_period: Option<Range<usize>>,
    /// The years the body names (`2009年`, title excluded), most often named first.
    pub body_years: Vec<(i32, usize)>,
    /// When the report was published, if it says.
    pub published: Option<publication::PublicationDate>,
}

/// The words of a document's section titles ([`Heading::is_section_title`]), of its numbered lines
/// out of the outline's sequence and table captions (they name a section without being headings of
/// the outline: see [`headings`]) and of its unnumbered headings, one per line of one text: whether a pattern names any of them is then one search
/// over that text ([`lines::LinePattern::matching_lines`]) rather than one per heading, and the
/// per-search cost of a regex is most of what matching a short title costs.
#[derive(Debug, Clone, Default)]
pub struct HeadingWords {
    pub text: String,
    /// One line per title, in `text`.
    pub lines: Vec<Line>,
}

impl HeadingWords {
    fn new<'t>(titles: impl Iterator<Item = &'t str>) -> Self {
        let mut words = HeadingWords::default();
        for title in titles {
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

    /// Whether the report has a recognisable outline: at least two level-1 headings, or at least
    /// two lines naming a section ([`HeadingWords`]: titles at any level, unnumbered headings, table
    /// captions). Without one, which items a report covers cannot be judged by its headings.
    pub fn has_outline(&self) -> bool {
        self.sections().nth(MIN_SECTIONS - 1).is_some()
            || self.heading_words.lines.len() >= MIN_SECTIONS
    }

    /// Where a missing section should be pointed at: the first level-1 heading's start, else the
    /// intro anchor.
    /// Whether the report is a school's under 《高等学校信息公开办法》 (an academic year, due 31
    /// October, its own outline), not one under the 条例: its title does not say 政府信息公开, and
    /// it names an academic year (`2019-2020学年`) or its opening, before the outline, cites that
    /// 办法 (`按照《高等学校信息公开办法》…要求`). `text` is the normalised text.
    pub fn is_school_report(&self, text: &str) -> bool {
        if self
            .title_text
            .as_deref()
            .is_some_and(|title| title.contains("政府信息公开"))
        {
            return false;
        }
        if self
            .title_text
            .as_deref()
            .is_some_and(|title| title.contains("学年"))
        {
            return true;
        }
        let opening_end = self
            .outline_anchor()
            .clamp(self.range.start, self.range.end)
            .min(self.range.start + MAX_OPENING_BYTES);
        let opening_end = crate::text::floor_char_boundary(text, opening_end);
        text[self.range.start..opening_end].contains("《高等学校信息公开办法》")
    }

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

    let mut outline = find_headings(text, &mut lines, body_start, &[]);
    // Where the outline by lines leaves room for sections, the text may have lost its line breaks
    // and the headings stand inline.
    if let Some((split, inline)) =
        split_at_inline_headings(text, &lines, body_start, &outline.headings)
    {
        lines = split;
        outline = find_headings(text, &mut lines, body_start, &inline);
    }
    let found_headings = outline.headings;
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
    let (period, unreadable_period) = period::find_first_period(text, &lines, whole_year_end);

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
    let heading_words = HeadingWords::new(
        found_headings
            .iter()
            .filter(|heading| heading.is_section_title())
            .map(|heading| heading.title.as_str())
            .chain(
                outline
                    .other_titles
                    .iter()
                    .map(|range| &text[range.clone()]),
            )
            .chain(
                unnumbered_headings
                    .iter()
                    .map(|&line| &text[lines[line].range.clone()]),
            ),
    );
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
        unreadable_period,
        body_years,
        published: publication::find_publication_date(&lines, text),
        lines,
    }
}

/// A document with fewer level-1 headings than this, and fewer lines naming a section, has no
/// recognisable outline ([`Document::has_outline`]).
const MIN_SECTIONS: usize = 2;

/// The headings of a document, and the words of lines that name a section without being a
/// heading of the outline.
struct FoundOutline {
    headings: Vec<Heading>,
    /// Byte ranges of the words of numbered lines out of the outline's sequence (a section
    /// numbered again after sub-points numbered like sections, a report's renumbered sections)
    /// and of table captions (`表三:收到和处理政府信息公开申请情况`).
    other_titles: Vec<Range<usize>>,
}

/// Reads the numbered headings of `lines` from `body_start` on, marking their lines as headings.
/// `inline` lists (in order) the lines that start with a heading found inline: nothing but its
/// section's words tells where such a heading ends.
fn find_headings(
    text: &str,
    lines: &mut [Line],
    body_start: usize,
    inline: &[usize],
) -> FoundOutline {
    let mut outline = headings::Outline::default();
    let mut found = FoundOutline {
        headings: Vec::new(),
        other_titles: Vec::new(),
    };
    for line_index in body_start..lines.len() {
        let line = &mut lines[line_index];
        if line.kind == LineKind::Heading {
            line.kind = LineKind::Text;
        }
        if line.kind != LineKind::Text {
            continue;
        }
        let line_text = &text[line.range.clone()];
        // The marker first: most lines have none, and the row-label test is a regex.
        let marker = headings::parse_marker(line_text).or_else(|| {
            headings::section_marker_alone(line_text).map(|number| (1, number, line_text.len()))
        });
        let Some((level, number, title_start)) = marker else {
            if let Some(words) = headings::table_caption(line_text) {
                found
                    .other_titles
                    .push(line.range.start + words..line.range.end);
            }
            continue;
        };
        if (level == 1 && headings::is_table_row_label(line_text))
            || headings::ends_in_row_values(line_text)
        {
            continue;
        }
        // A section's title may run on into its text; a sub-heading's words are its own.
        let title_end = if level != 1 {
            headings::title_end(line_text, title_start)
        } else if inline.binary_search(&line_index).is_ok() {
            headings::section_words(&line_text[title_start..])
                .map_or(line_text.len(), |length| title_start + length)
        } else {
            headings::heading_title_end(line_text, title_start)
        };
        let mut title = line.range.start + title_start..line.range.start + title_end;
        let start = line.range.start;
        // A section's marker alone on its line (`一、` ⏎ `总体情况`, as a layout with the numbers
        // in a column of their own copies): its words are the next line.
        let words_below = (level == 1 && title.is_empty())
            .then(|| lines.get(line_index + 1))
            .flatten()
            .filter(|next| {
                let words = &text[next.range.clone()];
                next.kind == LineKind::Text
                    && !words.is_empty()
                    && words.chars().count() <= Heading::MAX_TITLE_CHARS
                    && !words.contains(['。', ';'])
                    && headings::parse_marker(words).is_none()
            })
            .map(|next| next.range.clone());
        if let Some(words) = &words_below {
            // A table's row label broken after its number (`一、` ⏎ `本年新收…`) is no section.
            let label = format!("{line_text}{}", &text[words.clone()]);
            if headings::is_table_row_label(&label) {
                continue;
            }
            title = words.clone();
        }
        if !outline.accepts(level, number) {
            // Its words still say what the report covers, whatever its number.
            found.other_titles.push(title);
            continue;
        }
        lines[line_index].kind = LineKind::Heading;
        // A heading lies within one line: with its words below its marker, it is the words' line
        // (the marker's line is the heading's too, and no section text).
        let (heading_line, start) = match &words_below {
            Some(words) => {
                lines[line_index + 1].kind = LineKind::Heading;
                (line_index + 1, words.start)
            }
            None => (line_index, start),
        };
        found.headings.push(Heading {
            line: heading_line,
            level,
            number,
            title: text[title.clone()].to_string(),
            range: start..title.end,
        });
    }
    found
}

/// The number of sections in the unified format: an outline by lines that ends before its sixth
/// section leaves room after its last heading.
const FORMAT_SECTIONS: u32 = 6;

/// `lines` split where a section heading stands inline ([`headings::inline_heading_starts`]) in
/// the room the outline by lines (`headings`) leaves: before its first section if that is not
/// `一`, between two sections whose numbers are not consecutive, after its last section if that is
/// not the sixth. An inline heading counts only where its number fits the room (between the numbers
/// of the sections around it). Returns the lines, and the indexes of those that start with an
/// inline heading; `None` if no heading stands inline, or the outline leaves no room (the common
/// case, which costs nothing more). The pieces are lines of their own, classified like any: a line
/// is a byte range of the normalised text, so the split keeps every offset exact, and each inline
/// heading then starts a line as headings do.
fn split_at_inline_headings(
    text: &str,
    lines: &[Line],
    body_start: usize,
    headings: &[Heading],
) -> Option<(Vec<Line>, Vec<usize>)> {
    let sections: Vec<(usize, u32)> = headings
        .iter()
        .filter(|heading| heading.level == 1)
        .map(|heading| (heading.line, heading.number))
        .collect();
    let consecutive = sections
        .iter()
        .enumerate()
        .all(|(index, &(_, number))| number as usize == index + 1);
    if consecutive && sections.len() >= FORMAT_SECTIONS as usize {
        return None;
    }
    // Where each line with inline headings is cut: most documents have none, and keep their lines.
    let mut cuts: Vec<(usize, Vec<usize>)> = Vec::new();
    // The sections around the current line: the last one at or before it, the first one after.
    let mut next_section = 0;
    for (index, line) in lines.iter().enumerate().skip(body_start) {
        while next_section < sections.len() && sections[next_section].0 <= index {
            next_section += 1;
        }
        let after = next_section
            .checked_sub(1)
            .map_or(0, |previous| sections[previous].1);
        let before = sections.get(next_section).map(|&(_, number)| number);
        let room = match before {
            Some(before) => before > after + 1,
            None => after < FORMAT_SECTIONS,
        };
        if !room || !matches!(line.kind, LineKind::Text | LineKind::Heading) {
            continue;
        }
        let starts: Vec<usize> = headings::inline_heading_starts(&text[line.range.clone()])
            .into_iter()
            .filter(|&(_, number)| number > after && before.is_none_or(|before| number < before))
            .map(|(start, _)| start)
            .collect();
        if !starts.is_empty() {
            cuts.push((index, starts));
        }
    }
    if cuts.is_empty() {
        return None;
    }
    let mut split: Vec<Line> = Vec::with_capacity(lines.len() + cuts.len());
    let mut inline = Vec::new();
    let mut cuts = cuts.into_iter().peekable();
    for (index, line) in lines.iter().enumerate() {
        let Some((_, starts)) = cuts.next_if(|(cut, _)| *cut == index) else {
            split.push(line.clone());
            continue;
        };
        let mut piece_start = line.range.start;
        for start in starts
            .iter()
            .map(|start| line.range.start + start)
            .chain([line.range.end])
        {
            // Whitespace at a piece's edges belongs to no line, like indentation.
            let raw = &text[piece_start..start];
            let piece = raw.trim();
            if !piece.is_empty() {
                if piece_start > line.range.start {
                    inline.push(split.len());
                }
                let offset = piece_start + (raw.len() - raw.trim_start().len());
                split.push(Line {
                    range: offset..offset + piece.len(),
                    kind: lines::classify(piece),
                });
            }
            piece_start = start;
        }
    }
    (!inline.is_empty()).then_some((split, inline))
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
    fn a_section_marker_alone_takes_its_words_from_the_next_line() {
        let text = "某局2023年政府信息公开工作年度报告\n一、\n总体情况\n（一）主动公开\n正文一。\n二、\n主动公开政府信息情况\n正文二。\n三、\n本年新收政府信息公开申请数量\n";
        let documents = recognize(text, StructureOptions::default());
        let sections: Vec<(u32, &str, &str)> = documents[0]
            .sections()
            .map(|heading| {
                (
                    heading.number,
                    heading.title.as_str(),
                    &text[heading.range.clone()],
                )
            })
            .collect();
        // A table's row label broken after its number stays out of the outline.
        assert_eq!(
            sections,
            vec![
                (1, "总体情况", "总体情况"),
                (2, "主动公开政府信息情况", "主动公开政府信息情况")
            ]
        );
    }

    #[test]
    fn a_numbered_row_with_its_values_after_spaces_is_no_heading() {
        // Table 三 copied out of a PDF: its numbered rows end in their values.
        let text = "某局2023年政府信息公开工作年度报告\n一、总体情况\n正文一。\n三、收到和处理政府信息公开申请情况\n(二)部分公开(区分处理的,只计这一情形,不计其他情形) 16 1 0 0 0 0 17\n(三)不予公开 1.属于国家秘密 0 0 0 0 0 0 0\n2.其他法律行政法规禁止公开 0 0 0 0 0 0 0\n(一)2023年共收到申请 3 件\n四、政府信息公开行政复议、行政诉讼情况\n";
        let documents = recognize(text, StructureOptions::default());
        assert_eq!(
            heading_texts(text, &documents[0]),
            [
                "一、总体情况",
                "三、收到和处理政府信息公开申请情况",
                "(一)2023年共收到申请 3 件",
                "四、政府信息公开行政复议、行政诉讼情况"
            ]
        );
    }

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
        // A development zone keeps one deadline or the other as its notices say: unknown. A
        // bureau of the zone is a department.
        for zone in [
            "某经济开发区管委会",
            "某高新技术产业开发区管理委员会",
            "某市高新区",
            "某工业园区",
            "某市妇幼保健院附属医院",
            "某市第一中学",
            "某市水务投资集团有限公司",
        ] {
            assert_eq!(IssuerKind::infer(zone), None, "{zone}");
        }
        assert_eq!(
            IssuerKind::infer("某高新区财政局"),
            Some(IssuerKind::Department)
        );
        // Townships and streets are townships, whatever their office is called.
        for township in [
            "东关街道办事处",
            "某区东关街道",
            "某县河口镇",
            "某县河口乡",
            "某旗巴彦苏木",
            "某县河口镇人民政府",
        ] {
            assert_eq!(
                IssuerKind::infer(township),
                Some(IssuerKind::Township),
                "{township}"
            );
        }
        // Their offices, and other bodies called 办事处, are departments.
        assert_eq!(
            IssuerKind::infer("东关街道办事处党政办公室"),
            Some(IssuerKind::Department)
        );
        assert_eq!(
            IssuerKind::infer("某市人民政府驻京办事处"),
            Some(IssuerKind::Department)
        );
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

    fn heading_texts<'t>(text: &'t str, document: &Document) -> Vec<&'t str> {
        document
            .headings
            .iter()
            .map(|heading| &text[heading.range.clone()])
            .collect()
    }

    fn words(document: &Document) -> Vec<&str> {
        let words = &document.heading_words;
        words
            .lines
            .iter()
            .map(|line| &words.text[line.range.clone()])
            .collect()
    }

    #[test]
    fn text_without_line_breaks_is_split_at_its_inline_headings() {
        let text = "某区2021年政府信息公开工作年度报告\n本报告由区政府办公室编制。如有疑问请与区政府办公室联系。                    一、总体情况2021年,我区扎实推进政务公开。(一)主动公开方面。一是加强领导,二是完善制度。                    二、主动公开政府信息情况第二十条第(一)项规章000行政规范性文件120118                    三、收到和处理政府信息公开申请情况申请人情况自然人一、本年新收政府信息公开申请数量5三、本年度办理结果                    四、政府信息公开行政复议、行政诉讼情况00000五、存在的主要问题及改进情况一是解读不足。                    六、其他需要报告的事项无。\n";
        let documents = recognize(text, StructureOptions::default());
        let document = &documents[0];
        assert_eq!(
            heading_texts(text, document),
            vec![
                "一、总体情况",
                "二、主动公开政府信息情况",
                "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况",
                "五、存在的主要问题及改进情况",
                "六、其他需要报告的事项",
            ]
        );
        // The pieces are lines: the intro ends where section 一 starts, each section's text runs
        // to the next, and together they cover the text they were cut from.
        let intro: Vec<&str> = document.lines[document.intro_lines.clone()]
            .iter()
            .map(|line| &text[line.range.clone()])
            .collect();
        assert_eq!(
            intro,
            vec!["本报告由区政府办公室编制。如有疑问请与区政府办公室联系。"]
        );
        let last = document.headings.last().expect("six headings");
        assert_eq!(
            document.line_text(text, last.line),
            "六、其他需要报告的事项无。"
        );
        assert!(document.has_outline());
    }

    #[test]
    fn a_report_with_its_outline_on_lines_is_not_split() {
        let text = "某局2021年政府信息公开工作年度报告\n一、总体情况\n主要做法:一、主动公开政府信息情况良好;二、收到和处理政府信息公开申请情况良好。\n二、主动公开政府信息情况\n正文。\n";
        let documents = recognize(text, StructureOptions::default());
        assert_eq!(
            heading_texts(text, &documents[0]),
            vec!["一、总体情况", "二、主动公开政府信息情况"]
        );
        assert_eq!(documents[0].lines.len(), 6);
    }

    #[test]
    fn random_outlines_give_ordered_lines_and_headings_on_their_words() {
        let pieces = [
            "一、总体情况",
            "二、主动公开政府信息情况",
            "三、",
            "十二、其他需要报告的事项",
            "、",
            "。",
            "\n",
            "## ",
            "**",
            "(一)",
            "表三:收到和处理政府信息公开申请情况",
            "一是",
            "2021年",
            "第",
            " ",
            "正文",
            "| 0 | 0 |",
        ];
        let mut seed: u64 = 11;
        let mut random = move |below: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % below
        };
        for _ in 0..3000 {
            let text: String = (0..random(24))
                .map(|_| pieces[random(pieces.len())])
                .collect();
            for document in recognize(&text, StructureOptions::default()) {
                let mut end = 0;
                for line in &document.lines {
                    assert!(line.range.start >= end && line.range.end >= line.range.start);
                    assert!(text.is_char_boundary(line.range.start));
                    assert!(text.is_char_boundary(line.range.end));
                    end = line.range.end;
                }
                for heading in &document.headings {
                    let line = &document.lines[heading.line];
                    assert_eq!(heading.range.start, line.range.start, "{text:?}");
                    assert!(heading.range.end <= line.range.end, "{text:?}");
                    assert!(text[heading.range.clone()].ends_with(heading.title.as_str()));
                }
            }
        }
    }

    #[test]
    fn an_inline_heading_counts_only_where_its_number_fits_the_outline() {
        // Room between 二 and 五: an inline 三 and 四 fit it; an inline 二 (a list item repeating
        // a section's words) and 六 do not.
        let text = "某局2021年政府信息公开工作年度报告\n一、总体情况\n正文。\n二、主动公开政府信息情况\n\
                    正文。二、主动公开政府信息情况另见上文。三、收到和处理政府信息公开申请情况正文。\
                    四、政府信息公开行政复议、行政诉讼情况无。六、其他需要报告的事项无。\n\
                    五、存在的主要问题及改进情况\n正文。\n";
        let documents = recognize(text, StructureOptions::default());
        assert_eq!(
            heading_texts(text, &documents[0]),
            vec![
                "一、总体情况",
                "二、主动公开政府信息情况",
                "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况",
                "五、存在的主要问题及改进情况",
            ]
        );
    }

    #[test]
    fn sections_numbered_out_of_sequence_and_table_captions_name_what_the_report_covers() {
        // Sub-points numbered like sections push the sequence on, so the real sections 二 to 四
        // are out of it; a table caption names section 三's table.
        let text = "某局2021年政府信息公开工作年度报告\n一、总体情况\n二、加强组织领导\n正文。\n三、完善制度建设\n正文。\n                    四、强化平台建设\n正文。\n二、主动公开政府信息情况\n| 规章 | 0 | 0 | 0 |\n                    表三:收到和处理政府信息公开申请情况\n| 申请人情况 | 自然人 | 总计 |\n                    四、政府信息公开行政复议、行政诉讼情况\n| 0 | 0 | 0 |\n五、存在的主要问题及改进情况\n正文。\n";
        let documents = recognize(text, StructureOptions::default());
        let document = &documents[0];
        let numbers: Vec<u32> = document.sections().map(|heading| heading.number).collect();
        assert_eq!(numbers, vec![1, 2, 3, 4, 5]);
        // The headings' titles, then the other lines that name a section.
        assert_eq!(
            words(document),
            vec![
                "总体情况",
                "加强组织领导",
                "完善制度建设",
                "强化平台建设",
                "存在的主要问题及改进情况",
                "主动公开政府信息情况",
                "收到和处理政府信息公开申请情况",
                "政府信息公开行政复议、行政诉讼情况",
            ]
        );
    }

    #[test]
    fn table_row_labels_are_not_headings() {
        let text = "某局2020年政府信息公开工作年度报告\n一、总体情况\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n四、结转下年度继续办理 | 0 | 0\n四、政府信息公开行政复议、行政诉讼情况\n";
        let documents = recognize(text, StructureOptions::default());
        let numbers: Vec<u32> = documents[0].sections().map(|h| h.number).collect();
        assert_eq!(numbers, vec![1, 3, 4]);
    }
}

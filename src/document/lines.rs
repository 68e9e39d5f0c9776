//! Line classification: which lines are page chrome, metadata, table rows or blank.
//!
//! Reports copied from web pages arrive wrapped in navigation (`网站首页 > 政府信息公开 > …`),
//! metadata blocks (`索引号:`, `成文日期:`) and footers (`上一条:`, `相关词条`). Chrome must never
//! satisfy a rule nor trigger one, so it is recognised here, once, before any rule runs.
//!
//! A line's range leaves out what is not its words: the line break, indentation, and the marks a
//! Markdown converter puts around a heading or a bold line (`## 一、总体情况`, `**(一)主动公开**`).
//! Lines are ranges of the normalised text and need not be whole physical lines: the document stage
//! splits a line where a section heading stands inline in text without line breaks.

use std::ops::Range;
use std::sync::LazyLock;

use memchr::memmem;
use regex::Regex;

/// What a line of the normalised text is, as far as rules are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LineKind {
    /// Empty after normalisation.
    Blank,
    /// Page navigation, share bars, footers: never part of the report.
    Chrome,
    /// Page metadata such as `索引号:` or `成文日期:`: not report text, but dates are read from it.
    Meta,
    /// Text before the title that belongs to something else (a cover letter).
    Preamble,
    /// The report's title (one or two lines).
    Title,
    /// A numbered heading (see [`super::headings`]).
    Heading,
    /// A row of a table flattened to `|`-separated cells.
    TableRow,
    /// Ordinary report text.
    Text,
}

impl LineKind {
    /// Whether a table may go on past the line: a blank line, or a page number or page chrome
    /// left between two pages of a table.
    pub fn is_between_rows(self) -> bool {
        matches!(self, LineKind::Blank | LineKind::Chrome)
    }

    /// Whether the line belongs to the report itself (rules may look at it).
    pub fn is_report_text(self) -> bool {
        matches!(
            self,
            LineKind::Title | LineKind::Heading | LineKind::TableRow | LineKind::Text
        )
    }
}

/// One line of the normalised text.
#[derive(Debug, Clone)]
pub struct Line {
    /// Byte range in the normalised text, without the line break and the indentation.
    pub range: Range<usize>,
    pub kind: LineKind,
}

static CHROME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:[•·]\s*)?(?:首页|网站首页|当前位置|您现在所在的位置|您的位置|所在位置|上一条|下一条|上一篇|下一篇|",
        r"相关词条|热门词条|相关链接|相关文章|相关阅读|相关文件|联系我们|联络我们|打印本页|\[?打印|关闭窗口|",
        r"分享到|无障碍|长辈版|关怀版|字体|字号|扫一扫|返回顶部|网站地图|版权所有|主办单位|承办单位|",
        r"技术支持|网站标识码|责任编辑|【(?:打印|关闭|字体)|\(?[0-9]*\)?访问量)",
    ))
    .expect("chrome pattern is valid")
});

/// Whether a line starts like breadcrumbs (`首页 > 信息公开 > 年报`): two arrows, the first within
/// 80 characters of the start and the second within 60 of it, before any `。`. This is the regex
/// `^[^。]{0,80}[>»][^。]{0,60}[>»]` (a test checks that), in code: the bounded repetitions make
/// that regex slow to build and to run.
fn is_crumbs(line: &str) -> bool {
    const FIRST_WITHIN: usize = 80;
    const GAP_WITHIN: usize = 60;
    let mut last_arrow: Option<usize> = None;
    for (index, ch) in line.chars().enumerate() {
        match ch {
            '。' => return false,
            '>' | '»' => {
                // Two arrows in a row settle it; a later arrow only widens the gap.
                if last_arrow.is_some_and(|previous| index - previous - 1 <= GAP_WITHIN) {
                    return true;
                }
                if index > FIRST_WITHIN {
                    return false;
                }
                last_arrow = Some(index);
            }
            _ => {}
        }
    }
    false
}

/// A line that is only an HTML comment (e.g. an `ogilint-disable` directive in Markdown).
static COMMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^<!--.*-->$").expect("comment pattern is valid"));

static DECORATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[|•·\-—=_*#~:\s]+$").expect("decoration pattern is valid"));

static META: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:索引号|发文机关|发布机构|发布机关|文号|发文字号|成文日期|发布日期|发布时间|印发日期|生效日期|",
        r"来源|信息来源|主题分类|主题词|文件有效性|有效性|浏览次数|点击率|点击数|信息分类|公开方式|公开范围|",
        r"公开时限|组配分类|体裁分类|关键词|所属机构|文件编号|发布单位):",
    ))
    .expect("meta pattern is valid")
});

/// Metadata names distinctive enough to mark a line of a page's information bar without a colon
/// after them (`索 引 号 015425351/2014-00001  发布机构 …`, `成文日期   有 效 性`): no sentence
/// starts with them.
const BARE_META_LABELS: [&str; 6] = [
    "索引号",
    "成文日期",
    "发布日期",
    "发布机构",
    "发文机关",
    "主题分类",
];

/// A line that is only a document number (`泉丰城办〔2014〕18号`, `某府办发[2019]5号`), printed
/// above a notice's title: metadata, never the start of a title (its year is the number's).
static DOCUMENT_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\p{Han}A-Za-z]{1,16}\s*[〔\[【(]\s*(?:19|20)[0-9]{2}\s*[〕\]】)]\s*第?\s*[0-9]{1,5}\s*号$")
        .expect("document number pattern is valid")
});

/// Whether a line starting with `first` may match [`CHROME`]: the first characters of its phrases
/// (a test checks this list against the pattern). Most lines start otherwise and skip the regex.
fn may_start_chrome(first: char) -> bool {
    matches!(
        first,
        '•' | '·'
            | '首'
            | '网'
            | '当'
            | '您'
            | '所'
            | '上'
            | '下'
            | '相'
            | '热'
            | '联'
            | '打'
            | '['
            | '关'
            | '分'
            | '无'
            | '长'
            | '字'
            | '扫'
            | '返'
            | '版'
            | '主'
            | '承'
            | '技'
            | '责'
            | '【'
            | '('
            | ')'
            | '0'..='9' | '访'
    )
}

/// The word of a visit counter, searched for with a searcher built once.
static VISITS: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("访问量"));

/// Whether a line starting with `first` may match [`CHROME`]. Brackets and digits start only a
/// visit counter (`(1234)访问量`); they also start headings and table cells, so the counter's word
/// is looked for before the regex runs.
fn may_be_chrome(line: &str, first: char) -> bool {
    match first {
        '(' | ')' | '0'..='9' => VISITS.find(line.as_bytes()).is_some(),
        _ => may_start_chrome(first),
    }
}

/// Whether a line (starting with `first`) is only a page number that a PDF or Word conversion
/// left between two pages: `- 3 -`, `— 3 —`, `第3页`, `第 3 页 共 12 页`. A number alone (`3`) is
/// not one: it is as likely a table cell.
/// A line of a table of contents: a heading, a dot leader and its page number
/// (`三、收到和处理政府信息公开申请情况………… 11`). The heading itself comes later in the text.
fn is_contents_entry(line: &str) -> bool {
    if !line.ends_with(|ch: char| ch.is_ascii_digit()) {
        return false;
    }
    let before_number = line
        .trim_end_matches(|ch: char| ch.is_ascii_digit())
        .trim_end();
    let leader = before_number.len()
        - before_number
            .trim_end_matches(['.', '…', '·', '．', '。', '-', '—'])
            .len();
    // Three dots at least, or two ellipses (`……`), each three bytes.
    let leader_chars = before_number[before_number.len() - leader..]
        .chars()
        .count();
    leader_chars >= 3 || (leader_chars == 2 && before_number.ends_with("……"))
}

fn is_page_number(line: &str, first: char) -> bool {
    fn number(text: &str) -> Option<&str> {
        let text = text.trim_start();
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        (1..=4)
            .contains(&digits)
            .then(|| text[digits..].trim_start())
    }
    if !matches!(first, '-' | '—' | '–' | '第') || line.len() > 40 {
        return false;
    }
    let dash = |ch: char| matches!(ch, '-' | '—' | '–');
    if let Some(inside) = line.strip_prefix(dash) {
        let inside = inside.trim_start_matches(dash);
        return number(inside).is_some_and(|rest| !rest.is_empty() && rest.chars().all(dash));
    }
    if let Some(rest) = line.strip_prefix('第') {
        let Some(rest) = number(rest).and_then(|rest| rest.strip_prefix('页')) else {
            return false;
        };
        let rest = rest.trim_start();
        return rest.is_empty()
            || rest
                .strip_prefix('共')
                .and_then(number)
                .is_some_and(|rest| rest == "页");
    }
    false
}

/// A line of one breadcrumb link is at most this long.
const MAX_CRUMB_LINE_CHARS: usize = 21;

/// Lines longer than this are report text even if they start like chrome.
const MAX_CHROME_CHARS: usize = 60;

/// Classifies one line by its own content (title and heading kinds come later, from context).
pub fn classify(line: &str) -> LineKind {
    if line.is_empty() {
        return LineKind::Blank;
    }
    // Cheap tests guard the regexes: this runs on every line.
    let first = line.chars().next().unwrap_or(' ');
    let decoration_start = matches!(
        first,
        '|' | '•' | '·' | '-' | '—' | '=' | '_' | '*' | '#' | '~' | ' ' | '\t'
    );
    if (decoration_start && DECORATION.is_match(line))
        || (line.starts_with("<!--") && COMMENT.is_match(line))
        || is_page_number(line, first)
        || is_contents_entry(line)
    {
        return LineKind::Chrome;
    }
    // Metadata names are at most five characters, so the colon is within the first 16 bytes.
    let head = &line.as_bytes()[..line.len().min(16)];
    if (head.contains(&b':') && META.is_match(line))
        || (line.ends_with('号') && line.len() <= 80 && DOCUMENT_NUMBER.is_match(line))
        || (matches!(first, '索' | '成' | '发' | '主')
            && BARE_META_LABELS.iter().any(|label| line.starts_with(label)))
    {
        return LineKind::Meta;
    }
    // A character is one to four bytes: the length in bytes often settles it.
    let short = line.len() <= MAX_CHROME_CHARS
        || (line.len() <= 4 * MAX_CHROME_CHARS && line.chars().count() <= MAX_CHROME_CHARS);
    // `»` is the only character with lead byte 0xC2 that matters; `memchr` is the SIMD search.
    let crumbs = || {
        let bytes = line.as_bytes();
        (memchr::memchr(b'>', bytes).is_some()
            || (memchr::memchr(0xC2, bytes).is_some() && line.contains('»')))
            && is_crumbs(line)
    };
    if short && ((may_be_chrome(line, first) && CHROME.is_match(line)) || crumbs()) {
        return LineKind::Chrome;
    }
    // A breadcrumb copied one link a line (`>政府信息公开` ⏎ `>政府信息公开年报` ⏎ `> 2022年`).
    if matches!(first, '>' | '»' | '›')
        && line.chars().count() <= MAX_CRUMB_LINE_CHARS
        && !line.contains(['。', ',', ';'])
    {
        return LineKind::Chrome;
    }
    if memchr::memchr_iter(b'|', line.as_bytes()).nth(1).is_some() {
        return LineKind::TableRow;
    }
    LineKind::Text
}

/// The index of the line holding byte `offset` of the text, or of the next line if `offset` falls
/// in a line break or trailing spaces; `lines.len()` past the last line. Used to place the hits of
/// one search over a whole document on their lines.
pub fn line_at(lines: &[Line], offset: usize) -> usize {
    lines.partition_point(|line| line.range.end < offset)
}

/// A pattern looked for in lines, each line matched on its own.
#[derive(Debug, Clone, Copy)]
pub struct LinePattern<'a> {
    pub regex: &'a Regex,
    /// Whether it uses `^` or `$`, which mean a line's edges only when it is run on one line.
    pub anchored: bool,
}

impl<'a> LinePattern<'a> {
    /// The first of `lines` that `accept` takes (by index) and that the pattern matches.
    pub fn first_line(
        &self,
        text: &str,
        lines: &[Line],
        accept: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        self.matching_lines(text, lines, accept).next()
    }

    /// The lines (indexes, in order) that `accept` takes and that the pattern matches, each line
    /// matched on its own.
    ///
    /// A pattern without `^` or `$` is searched for in each run of accepted lines as a whole,
    /// which lets the regex skip ahead by its literals instead of being started on every line;
    /// each hit is then confirmed on its own line. A match that spans lines can only hide a line's
    /// own match by starting before it, in a line that is then confirmed or passed over, so none
    /// is missed.
    pub fn matching_lines<'t>(
        &self,
        text: &'t str,
        lines: &'t [Line],
        accept: impl Fn(usize) -> bool + 't,
    ) -> impl Iterator<Item = usize> + 't
    where
        'a: 't,
    {
        let regex = self.regex;
        let anchored = self.anchored;
        let line_matches = move |index: usize| regex.is_match(&text[lines[index].range.clone()]);
        // The next line to look at, and the end of the run of accepted lines it is in: only such
        // runs are searched (a table's rows, say, rather than the whole report).
        let mut next = 0;
        let mut run_end = 0;
        std::iter::from_fn(move || {
            while next < lines.len() {
                if next >= run_end {
                    while next < lines.len() && !accept(next) {
                        next += 1;
                    }
                    run_end = next;
                    while run_end < lines.len() && accept(run_end) {
                        run_end += 1;
                    }
                    if next >= lines.len() {
                        return None;
                    }
                }
                let index = if anchored {
                    next
                } else {
                    let haystack = &text[..lines[run_end - 1].range.end];
                    match regex.find_at(haystack, lines[next].range.start) {
                        Some(found) => line_at(lines, found.start()).min(run_end),
                        None => run_end,
                    }
                };
                next = index + 1;
                if index < run_end && line_matches(index) {
                    return Some(index);
                }
            }
            None
        })
    }
}

/// The Markdown marks around a line's words, in bytes from its start and from its end: a heading's
/// `#`s (`## 一、总体情况`, at any level: converters put a report's sections at whatever level
/// they like) and the `**` of a line set in bold as a whole (`**(一)主动公开**`). The line's range
/// leaves them out, as it leaves out indentation, so that every later stage reads the words.
/// A line of marks alone (`###`, `****`) keeps them: it is decoration.
#[inline]
fn markdown_marks(line: &str) -> (usize, usize) {
    // This runs on every line; most start otherwise.
    if !matches!(line.as_bytes().first(), Some(b'#' | b'*')) {
        return (0, 0);
    }
    markdown_marks_of(line)
}

/// [`markdown_marks`] of a line that starts with `#` or `*`.
fn markdown_marks_of(line: &str) -> (usize, usize) {
    const MAX_HEADING_LEVEL: usize = 6;
    let hashes = line.bytes().take_while(|&byte| byte == b'#').count();
    let mut lead = 0;
    if (1..=MAX_HEADING_LEVEL).contains(&hashes) {
        let spaces = line[hashes..]
            .bytes()
            .take_while(|byte| matches!(byte, b' ' | b'\t'))
            .count();
        if hashes + spaces < line.len() {
            lead = hashes + spaces;
        }
    }
    let words = &line[lead..];
    match words
        .strip_prefix("**")
        .and_then(|inner| inner.strip_suffix("**"))
    {
        Some(inner) if !inner.trim().is_empty() && !inner.starts_with('*') => {
            let inner_lead = inner.len() - inner.trim_start().len();
            let inner_trail = inner.len() - inner.trim_end().len();
            (lead + 2 + inner_lead, 2 + inner_trail)
        }
        _ => (lead, 0),
    }
}

/// Splits `text[range]` into lines and classifies each.
pub fn split_lines(text: &str, range: Range<usize>) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = range.start;
    let region = &text[range.clone()];
    let breaks = memchr::memchr_iter(b'\n', region.as_bytes()).chain([region.len()]);
    for end in breaks {
        let piece = &text[start..range.start + end];
        let next_start = range.start + end + 1;
        // A CRLF file's `\r` is not part of the line's words, nor is its indentation: normalising
        // drops spaces before Chinese text, but keeps them before ASCII (`  (一)`, `  1.`).
        let words = piece.strip_suffix('\r').unwrap_or(piece).trim_end();
        // Normalised indentation is ASCII: NFKC makes `　` and no-break spaces plain spaces.
        let indent = words
            .bytes()
            .take_while(|byte| matches!(byte, b' ' | b'\t'))
            .count();
        let rest = &words[indent..];
        let (lead, trail) = markdown_marks(rest);
        let words = &rest[lead..rest.len() - trail];
        let words_start = start + indent + lead;
        lines.push(Line {
            range: words_start..words_start + words.len(),
            kind: classify(words),
        });
        start = next_start;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crumbs_are_recognised_like_their_regex() {
        let regex = Regex::new(r"^[^。]{0,80}[>»][^。]{0,60}[>»]").expect("valid");
        let pieces = [
            "首页",
            ">",
            "»",
            "。",
            "信息公开",
            "x",
            "年度报告",
            " > ",
            "12345678901234567890",
        ];
        // Every string of up to five pieces, and long runs around the limits.
        let mut lines: Vec<String> = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = lines
                .iter()
                .flat_map(|line| pieces.iter().map(move |piece| format!("{line}{piece}")))
                .collect();
            lines.extend(longer);
        }
        for before in [0, 40, 79, 80, 81, 100] {
            for gap in [0, 59, 60, 61] {
                for arrow in ['>', '»'] {
                    lines.push(format!(
                        "{}{arrow}{}{arrow}",
                        "字".repeat(before),
                        "a".repeat(gap)
                    ));
                    lines.push(format!("{}>{}。>", "字".repeat(before), "a".repeat(gap)));
                    lines.push(format!(
                        "{}>{}>{}>",
                        "字".repeat(before),
                        "a".repeat(gap),
                        "b".repeat(gap)
                    ));
                }
            }
        }
        assert!(lines.len() > 60_000);
        for line in &lines {
            assert_eq!(is_crumbs(line), regex.is_match(line), "{line}");
        }
    }

    #[test]
    fn every_chrome_phrase_starts_with_a_listed_character() {
        use regex_syntax::hir::literal::Extractor;
        let hir = regex_syntax::parse(CHROME.as_str()).expect("chrome pattern parses");
        let prefixes = Extractor::new().extract(&hir);
        let literals = prefixes
            .literals()
            .expect("chrome phrases have finite prefixes");
        assert!(literals.len() > 20);
        for literal in literals {
            let text = String::from_utf8_lossy(literal.as_bytes());
            let first = text.chars().next().expect("no empty prefix");
            assert!(may_start_chrome(first), "{text}");
        }
    }

    #[test]
    fn matching_lines_finds_exactly_the_accepted_lines_that_match_alone() {
        let pieces = ["公开", "信息", "\n", "。", "a", " ", "|", "\n\n", "开"];
        let patterns = [
            "公开",
            "开\n?信",
            "^公",
            "开$",
            "[^。]{0,3}公",
            "a+|信息",
            r"\b(a)",
        ];
        let regexes: Vec<(Regex, bool)> = patterns
            .iter()
            .map(|pattern| {
                let hir = regex_syntax::parse(pattern).expect("valid");
                let anchored = hir.properties().look_set().contains_anchor();
                (Regex::new(pattern).expect("valid"), anchored)
            })
            .collect();
        let mut seed: u64 = 7;
        let mut random = move |below: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % below
        };
        // Matches that span lines (`公开\n公`), runs of accepted lines cut by others, then random.
        let mut cases: Vec<(String, Vec<bool>)> =
            ["公开\n公开", "公开\n公开\n公开", "开\n信息\n开\n信"]
                .iter()
                .flat_map(|text| {
                    let count = text.lines().count();
                    [
                        (text.to_string(), vec![true; count]),
                        (text.to_string(), (0..count).map(|i| i % 2 == 0).collect()),
                        (text.to_string(), (0..count).map(|i| i % 2 == 1).collect()),
                    ]
                })
                .collect();
        for _ in 0..3000 {
            let text: String = (0..random(14))
                .map(|_| pieces[random(pieces.len())])
                .collect();
            let count = split_lines(&text, 0..text.len()).len();
            let accepted = (0..count).map(|_| random(3) > 0).collect();
            cases.push((text, accepted));
        }
        for (text, accepted) in &cases {
            let lines = split_lines(text, 0..text.len());
            for (regex, anchored) in &regexes {
                let pattern = LinePattern {
                    regex,
                    anchored: *anchored,
                };
                let found: Vec<usize> = pattern
                    .matching_lines(text, &lines, |index| accepted[index])
                    .collect();
                let expected: Vec<usize> = (0..lines.len())
                    .filter(|&index| {
                        accepted[index] && regex.is_match(&text[lines[index].range.clone()])
                    })
                    .collect();
                assert_eq!(
                    found, expected,
                    "{regex} in {text:?}, accepted {accepted:?}"
                );
            }
        }
    }

    #[test]
    fn lines_starting_with_brackets_or_digits_are_chrome_only_as_visit_counters() {
        let tails = [
            "访问量",
            "访问量:12",
            "一)主动公开",
            "、政府信息",
            ")首页",
            "2)",
            "打印",
            "页",
        ];
        for head in ["(", ")", "1", "(12)", "2019", "(一)", "0"] {
            for tail in tails {
                let line = format!("{head}{tail}");
                let first = line.chars().next().expect("not empty");
                assert_eq!(
                    may_be_chrome(&line, first) && CHROME.is_match(&line),
                    CHROME.is_match(&line),
                    "{line}"
                );
            }
        }
        assert_eq!(classify("(1234)访问量"), LineKind::Chrome);
        assert_eq!(classify("(一)主动公开情况"), LineKind::Text);
    }

    #[test]
    fn page_numbers_between_pages_are_chrome() {
        for line in ["- 3 -", "— 12 —", "--- 7 ---", "第3页", "第 3 页 共 12 页"] {
            assert_eq!(classify(line), LineKind::Chrome, "{line}");
        }
        for line in [
            "3",
            "-8",
            "2020/01/10",
            "第3页的内容",
            "第三页",
            "3/12",
            "- 3 - 本年新收",
        ] {
            assert_ne!(classify(line), LineKind::Chrome, "{line}");
        }
    }

    #[test]
    fn markdown_heading_and_bold_marks_are_not_part_of_a_line() {
        let text = "# 某局2022年政府信息公开工作年度报告\n##一、总体情况\n#### 1. 公开内容\n**(一)主动公开**\n###\n****\n**注:**本表单位为件\n#3号楼\n";
        let lines = split_lines(text, 0..text.len());
        let words: Vec<(&str, LineKind)> = lines
            .iter()
            .map(|line| (&text[line.range.clone()], line.kind))
            .collect();
        assert_eq!(
            words,
            vec![
                ("某局2022年政府信息公开工作年度报告", LineKind::Text),
                ("一、总体情况", LineKind::Text),
                ("1. 公开内容", LineKind::Text),
                ("(一)主动公开", LineKind::Text),
                ("###", LineKind::Chrome),
                ("****", LineKind::Chrome),
                ("**注:**本表单位为件", LineKind::Text),
                ("3号楼", LineKind::Text),
                ("", LineKind::Blank),
            ]
        );
    }

    #[test]
    fn recognises_chrome_meta_and_tables() {
        assert_eq!(
            classify("您现在的位置:网站首页>政府信息公开>政府信息公开年报"),
            LineKind::Chrome
        );
        assert_eq!(classify("上一条:"), LineKind::Chrome);
        assert_eq!(classify("相关词条"), LineKind::Chrome);
        assert_eq!(classify("|"), LineKind::Chrome);
        assert_eq!(classify("---------------"), LineKind::Chrome);
        assert_eq!(classify("成文日期:2020-01-10"), LineKind::Meta);
        // A document number on its own line, in the brackets offices use.
        for number in [
            "泉丰城办〔2014〕18号",
            "某府办发[2019]5号",
            "某政办【2021】第12号",
        ] {
            assert_eq!(classify(number), LineKind::Meta, "{number}");
        }
        // A table of contents' entries, whatever their leader.
        for entry in [
            "一、总体情况 ................................ 1",
            "三、收到和处理政府信息公开申请情况………… 11",
            "四、政府信息公开行政复议、行政诉讼情况...... 12",
            "（二）主动公开情况·········3",
        ] {
            assert_eq!(classify(entry), LineKind::Chrome, "{entry}");
        }
        // A sentence ending in a number, or a heading with its number, is not one.
        for text in [
            "全年共受理申请12",
            "2.无正当理由大量反复申请 0",
            "合计... 3件",
        ] {
            assert_ne!(classify(text), LineKind::Chrome, "{text}");
        }
        // Fields of an information bar without colons.
        for bar in [
            "索引号015425351/2014-00001  发布机构 某市卫生局  公开日期 2014-03-18",
            "成文日期   有效性",
        ] {
            assert_eq!(classify(bar), LineKind::Meta, "{bar}");
        }
        // Cited in a sentence, it is text.
        assert_eq!(
            classify("根据国办发〔2019〕60号文件要求编制本报告"),
            LineKind::Text
        );
        assert_eq!(classify("规章 | 6 | 6 | 6 |"), LineKind::TableRow);
        assert_eq!(classify("一、总体情况"), LineKind::Text);
        assert_eq!(
            classify("联系我们的方式已在本报告第六部分列明,如对本报告有任何疑问,请与本局办公室联系,电话0571-12345678,我们将在五个工作日内答复。"),
            LineKind::Text
        );
    }
}

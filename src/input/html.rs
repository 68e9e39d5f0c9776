//! Web pages: the report's text out of a government page, with a map back to the HTML source.
//!
//! The page is tokenised (tags, text, comments; `script`/`style` skipped), the element that holds
//! most of the page's Chinese text is taken as the report (navigation, breadcrumbs, share bars and
//! footers around it drop out, as do `nav`/`header`/`footer` elements and elements whose class or
//! id names them), block boundaries and `<br>` become line breaks, table rows become
//! `|`-separated lines (so they reach the same table reader as text tables; merged cells appear
//! once, and rows inherit their group labels from the rows above), and entities are decoded. Every
//! character of the text keeps the source range it came from.

use std::ops::Range;

/// Text extracted from HTML, with the source range of each of its bytes.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    pub text: String,
    /// For each byte of `text`: where its character starts in the HTML source.
    pub starts: Vec<u32>,
    /// For each byte of `text`: where its character ends in the HTML source.
    pub ends: Vec<u32>,
}

impl Extracted {
    fn push(&mut self, ch: char, source: Range<usize>) {
        self.text.push(ch);
        for _ in 0..ch.len_utf8() {
            self.starts.push(source.start as u32);
            self.ends.push(source.end as u32);
        }
    }

    fn ends_with_break(&self) -> bool {
        self.text.is_empty() || self.text.ends_with('\n')
    }

    /// Inside a table cell, where a line break would cut the row: a space stands for it.
    fn cell_break(&mut self, at: usize) {
        if !self.ends_with_break() && !self.text.ends_with(' ') {
            self.push(' ', at..at);
        }
    }

    fn line_break(&mut self, at: usize) {
        if !self.ends_with_break() {
            // Trailing spaces of a line carry no meaning.
            while self.text.ends_with(' ') {
                self.text.pop();
                self.starts.pop();
                self.ends.pop();
            }
            self.push('\n', at..at);
        }
    }
}

#[derive(Debug, Clone)]
enum Token<'a> {
    Text(Range<usize>),
    Start {
        name: String,
        attributes: &'a str,
        range: Range<usize>,
        self_closing: bool,
    },
    End {
        name: String,
        range: Range<usize>,
    },
}

/// Elements whose content is never text.
const RAW_TEXT: &[&str] = &[
    "script", "style", "noscript", "template", "textarea", "head",
];
/// Elements that are page chrome by their name.
const CHROME_TAGS: &[&str] = &[
    "nav", "header", "footer", "aside", "menu", "form", "button", "select",
];
/// Class or id words that mark page chrome.
const CHROME_WORDS: &[&str] = &[
    "nav",
    "menu",
    "breadcrumb",
    "crumb",
    "footer",
    "header",
    "share",
    "sidebar",
    "copyright",
    "toolbar",
    "location",
    "position",
    "search",
    "banner",
];
/// Elements that start and end a line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "blockquote",
    "pre",
    "dl",
    "dt",
    "dd",
    "center",
    "body",
    "html",
    "title",
    "caption",
];
const VOID: &[&str] = &[
    "br", "img", "hr", "meta", "link", "input", "col", "area", "base", "wbr", "source",
];

fn tokenize(html: &str) -> Vec<Token<'_>> {
    let bytes = html.as_bytes();
    let mut tokens = Vec::new();
    let mut position = 0;
    let mut text_start = 0;
    while position < bytes.len() {
        if bytes[position] != b'<' {
            position += 1;
            continue;
        }
        let rest = &html[position..];
        let tag_end = if rest.starts_with("<!--") {
            rest.find("-->")
                .map_or(html.len(), |end| position + end + 3)
        } else if rest.starts_with("</")
            || rest[1..].starts_with(|c: char| c.is_ascii_alphabetic())
            || rest.starts_with("<!")
        {
            rest.find('>').map_or(html.len(), |end| position + end + 1)
        } else {
            // A lone `<` is text.
            position += 1;
            continue;
        };
        if text_start < position {
            tokens.push(Token::Text(text_start..position));
        }
        let tag = &html[position..tag_end];
        if let Some(inner) = tag.strip_prefix("</") {
            let name = inner.trim_end_matches('>').trim().to_ascii_lowercase();
            tokens.push(Token::End {
                name,
                range: position..tag_end,
            });
        } else if !tag.starts_with("<!") {
            let inner = tag.trim_start_matches('<').trim_end_matches('>');
            let name_end = inner
                .find(|c: char| c.is_whitespace() || c == '/')
                .unwrap_or(inner.len());
            let name = inner[..name_end].to_ascii_lowercase();
            let attributes = &inner[name_end..];
            let self_closing = inner.ends_with('/');
            let skip_to = RAW_TEXT.contains(&name.as_str()).then(|| {
                let close = format!("</{name}");
                html[tag_end..]
                    .to_ascii_lowercase()
                    .find(&close)
                    .map_or(html.len(), |offset| tag_end + offset)
            });
            tokens.push(Token::Start {
                name,
                attributes,
                range: position..tag_end,
                self_closing,
            });
            if let Some(skip_to) = skip_to {
                position = skip_to;
                text_start = skip_to;
                continue;
            }
        }
        position = tag_end;
        text_start = tag_end;
    }
    if text_start < html.len() {
        tokens.push(Token::Text(text_start..html.len()));
    }
    tokens
}

fn is_chrome(name: &str, attributes: &str) -> bool {
    if CHROME_TAGS.contains(&name) {
        return true;
    }
    let attributes = attributes.to_ascii_lowercase();
    ["class=", "id="].iter().any(|key| {
        attributes.split(key).skip(1).any(|value| {
            let value = value.trim_start_matches(['"', '\'']);
            let value = &value[..value.find(['"', '\'', ' ', '>']).unwrap_or(value.len())];
            CHROME_WORDS.iter().any(|word| value.contains(word))
        })
    })
}

fn cjk_count(text: &str) -> usize {
    text.chars()
        .filter(|c| crate::text::fold::is_han(*c))
        .count()
}

/// An element's extent in the token list and how much Chinese text it holds.
#[derive(Debug, Clone)]
struct Element {
    name: String,
    first_token: usize,
    last_token: usize,
    depth: usize,
    cjk: usize,
    chrome: bool,
}

/// Finds the elements, their nesting and their Chinese text.
fn elements(html: &str, tokens: &[Token<'_>]) -> Vec<Element> {
    let mut elements: Vec<Element> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for (index, token) in tokens.iter().enumerate() {
        match token {
            Token::Start {
                name,
                attributes,
                self_closing,
                ..
            } => {
                if VOID.contains(&name.as_str()) || *self_closing {
                    continue;
                }
                let chrome = is_chrome(name, attributes)
                    || open.last().is_some_and(|&parent| elements[parent].chrome);
                elements.push(Element {
                    name: name.clone(),
                    first_token: index,
                    last_token: tokens.len(),
                    depth: open.len(),
                    cjk: 0,
                    chrome,
                });
                open.push(elements.len() - 1);
            }
            Token::End { name, .. } => {
                // Close up to the matching element (HTML is forgiving about missing end tags).
                if let Some(position) = open
                    .iter()
                    .rposition(|&element| elements[element].name == *name)
                {
                    for &element in &open[position..] {
                        elements[element].last_token = index;
                    }
                    open.truncate(position);
                }
            }
            Token::Text(range) => {
                let count = cjk_count(&html[range.clone()]);
                if count > 0 && !open.last().is_some_and(|&parent| elements[parent].chrome) {
                    for &element in &open {
                        elements[element].cjk += count;
                    }
                }
            }
        }
    }
    elements
}

/// The tokens of the report: those of the deepest element holding most of the page's text.
fn content_tokens(elements: &[Element], token_count: usize) -> Range<usize> {
    const SHARE: f64 = 0.6;
    let total = elements
        .iter()
        .filter(|e| e.depth == 0)
        .map(|e| e.cjk)
        .sum::<usize>()
        .max(1);
    elements
        .iter()
        .filter(|element| !element.chrome && element.cjk as f64 >= SHARE * total as f64)
        .max_by_key(|element| element.depth)
        .map_or(0..token_count, |element| {
            element.first_token..element.last_token
        })
}

/// Decodes the entities of a text run, calling `emit` with each character and its source range.
fn decode_text(html: &str, range: Range<usize>, emit: &mut impl FnMut(char, Range<usize>)) {
    let text = &html[range.clone()];
    let mut chars = text.char_indices().peekable();
    while let Some((offset, ch)) = chars.next() {
        let start = range.start + offset;
        if ch == '&' {
            if let Some(end) = text[offset..].find(';').filter(|&end| end <= 10) {
                let entity = &text[offset + 1..offset + end];
                if let Some(decoded) = entity_char(entity) {
                    emit(decoded, start..start + end + 1);
                    while chars.peek().is_some_and(|(next, _)| *next <= offset + end) {
                        chars.next();
                    }
                    continue;
                }
            }
        }
        emit(ch, start..start + ch.len_utf8());
    }
}

fn entity_char(entity: &str) -> Option<char> {
    if let Some(number) = entity.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match entity {
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "middot" => '·',
        "times" => '×',
        "copy" => '©',
        "laquo" => '«',
        "raquo" => '»',
        _ => return None,
    })
}

/// Whether a short line of a page names an annual report on open government information and its
/// year: the report's title, not a sentence that cites the report format (`…年度报告格式》要求编制。`)
/// nor a column of the site (`政府信息公开年报`).
fn names_annual_report(line: &str) -> bool {
    const MAX_TITLE_CHARS: usize = 80;
    if line.chars().nth(MAX_TITLE_CHARS).is_some() || line.contains(['。', '《']) {
        return false;
    }
    let folded = crate::text::fold::fold_str(line);
    folded.contains("政府信息公开")
        && ["年度报告", "工作报告", "年报"]
            .iter()
            .any(|kind| folded.contains(kind))
        && names_a_year(&folded)
}

/// Whether folded text names a year: `2023`, or `二〇二三年`.
fn names_a_year(folded: &str) -> bool {
    const CHINESE_DIGITS: &str = "〇零○O0一二三四五六七八九";
    let chars: Vec<char> = folded.chars().collect();
    chars.windows(4).enumerate().any(|(at, four)| {
        let arabic = matches!(four, ['1', '9', c, d] | ['2', '0', c, d] if c.is_ascii_digit() && d.is_ascii_digit());
        let chinese = four.iter().all(|c| CHINESE_DIGITS.contains(*c)) && chars.get(at + 4) == Some(&'年');
        arabic || chinese
    })
}

/// Whether a line of a page carries its publication date: `发布日期：…`, `发布时间：…` and their kin,
/// in either script (the page's text is not yet folded to Simplified here: `發佈日期：…`).
fn names_publication_date(line: &str) -> bool {
    const LABELS: [&str; 11] = [
        "发布日期",
        "发布时间",
        "公开日期",
        "成文日期",
        "印发日期",
        "發佈日期",
        "發布日期",
        "發佈時間",
        "發布時間",
        "公開日期",
        "印發日期",
    ];
    LABELS.iter().any(|label| line.contains(label)) && line.bytes().any(|b| b.is_ascii_digit())
}

/// The byte ranges of `extracted`'s lines (each with its line break).
fn line_ranges(extracted: &Extracted) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    extracted.text.split_inclusive('\n').map(move |line| {
        let range = start..start + line.len();
        start = range.end;
        range
    })
}

/// Copies one line of `from` (a range from [`line_ranges`]) to `to`, with its source ranges.
fn append_line(to: &mut Extracted, from: &Extracted, range: Range<usize>) {
    to.text.push_str(&from.text[range.clone()]);
    to.starts.extend_from_slice(&from.starts[range.clone()]);
    to.ends.extend_from_slice(&from.ends[range]);
    if !to.ends_with_break() {
        let at = to.ends.last().map_or(0, |&end| end as usize);
        to.push('\n', at..at);
    }
}

/// Whether an element is a heading by its name or its class (`<h1>`, `<div class="art-title">`).
fn is_heading(name: &str, attributes: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") || {
        let attributes = attributes.to_ascii_lowercase();
        ["class=", "id="].iter().any(|key| {
            attributes.split(key).skip(1).any(|value| {
                let value = value.trim_start_matches(['"', '\'']);
                value[..value.find(['"', '\'', '>']).unwrap_or(value.len())].contains("title")
            })
        })
    }
}

/// The page's `<title>` element (in the `<head>`, which the tokens skip): its text's source range.
fn title_element(html: &str) -> Option<Range<usize>> {
    let bytes = html.as_bytes();
    let open = bytes
        .windows(6)
        .position(|window| window.eq_ignore_ascii_case(b"<title"))?;
    let start = open + html[open..].find('>')? + 1;
    let end = start
        + bytes[start..]
            .windows(8)
            .position(|window| window.eq_ignore_ascii_case(b"</title>"))?;
    Some(start..end)
}

/// The report's title from the page's `<title>`, which sites follow with their own name
/// (`某局2024年政府信息公开工作年度报告_某市人民政府`): the part that names the report.
fn title_from_title_element(html: &str) -> Option<Extracted> {
    let range = title_element(html)?;
    let mut title = Extracted::default();
    decode_text(html, range, &mut |ch, source| {
        if ch == '\n' || ch == '\r' {
            title.push(' ', source);
        } else {
            title.push(ch, source);
        }
    });
    let mut part_start = 0;
    for (at, ch) in title
        .text
        .char_indices()
        .chain(std::iter::once((title.text.len(), '|')))
    {
        if !matches!(ch, '_' | '|' | '｜' | '—' | '-' | '－') {
            continue;
        }
        let part = title.text[part_start..at].trim();
        if names_annual_report(part) {
            let from = part_start + title.text[part_start..at].find(part).unwrap_or(0);
            let mut kept = Extracted::default();
            append_line(&mut kept, &title, from..from + part.len());
            return Some(kept);
        }
        part_start = at + ch.len_utf8();
    }
    None
}

/// Extracts the report's text from a page.
///
/// Pages often set the report's title as a heading above the element that holds its text (and the
/// publication date in a line between them): a title heading before the report that names an
/// annual report is kept, then the page's `<title>` if no title is found at all, and a
/// publication-date line between the heading (or the report's enclosing element) and the report.
pub fn extract(html: &str) -> Extracted {
    let tokens = tokenize(html);
    let elements = elements(html, &tokens);
    let content = content_tokens(&elements, tokens.len());
    let mut body = Extracted::default();
    render(html, &tokens[content.clone()], &mut body);
    body.line_break(html.len());
    // How many of the report's opening lines may stand before its title (a metadata table).
    const TITLE_LINES: usize = 8;
    let has_title = line_ranges(&body)
        .take(TITLE_LINES)
        .any(|line| names_annual_report(body.text[line].trim()));
    // The nearest heading before the report that names it.
    let heading = elements
        .iter()
        .rev()
        .filter(|element| {
            element.last_token < content.start
                && !element.chrome
                && element.cjk > 0
                && matches!(&tokens[element.first_token], Token::Start { name, attributes, .. }
                    if is_heading(name, attributes))
        })
        .find_map(|element| {
            let mut title = Extracted::default();
            render(
                html,
                &tokens[element.first_token..=element.last_token],
                &mut title,
            );
            title.line_break(html.len());
            let line = line_ranges(&title)
                .find(|line| names_annual_report(title.text[line.clone()].trim()))?;
            Some((element, title, line))
        });
    // The lead-in between the heading (or the start of the report's enclosing element) and the
    // report, for its publication-date line.
    let lead_in_start = match &heading {
        Some((element, ..)) => element.last_token + 1,
        None => elements
            .iter()
            .filter(|element| {
                element.first_token < content.start && element.last_token >= content.end
            })
            .max_by_key(|element| element.depth)
            .map_or(0, |element| element.first_token),
    };
    let mut lead_in = Extracted::default();
    render(html, &tokens[lead_in_start..content.start], &mut lead_in);
    lead_in.line_break(html.len());
    let date_line = line_ranges(&lead_in)
        .filter(|line| names_publication_date(&lead_in.text[line.clone()]))
        .last();
    let mut out = Extracted::default();
    if !has_title {
        match heading {
            Some((_, title, line)) => append_line(&mut out, &title, line),
            None => {
                if let Some(title) = title_from_title_element(html) {
                    out = title;
                }
            }
        }
    }
    if let Some(line) = date_line {
        append_line(&mut out, &lead_in, line);
    }
    if out.text.is_empty() {
        return body;
    }
    out.text.push_str(&body.text);
    out.starts.extend_from_slice(&body.starts);
    out.ends.extend_from_slice(&body.ends);
    out
}

/// Writes the text of `tokens` to `out`: blocks and `<br>` as line breaks, table rows as
/// `|`-separated lines, chrome elements skipped.
fn render(html: &str, tokens: &[Token<'_>], out: &mut Extracted) {
    // Tokens inside chrome elements are skipped.
    let mut chrome_depth = 0usize;
    let mut chrome_names: Vec<String> = Vec::new();
    let mut cells_in_row = 0usize;
    // Whether the tokens are inside a table cell: Word writes each cell's text as paragraphs
    // (`<td><p>…</p></td>`), which must not break the row's line.
    let mut in_cell = false;
    for token in tokens {
        match token {
            Token::Start {
                name,
                attributes,
                range,
                self_closing,
            } => {
                let void = VOID.contains(&name.as_str()) || *self_closing;
                if chrome_depth > 0 || is_chrome(name, attributes) {
                    if !void {
                        chrome_depth += 1;
                        chrome_names.push(name.clone());
                    }
                    continue;
                }
                match name.as_str() {
                    "br" if in_cell => out.cell_break(range.start),
                    "br" => out.push('\n', range.clone()),
                    "tr" => {
                        out.line_break(range.start);
                        cells_in_row = 0;
                        in_cell = false;
                    }
                    "td" | "th" => {
                        if cells_in_row > 0 {
                            for ch in [' ', '|', ' '] {
                                out.push(ch, range.start..range.start);
                            }
                        }
                        cells_in_row += 1;
                        in_cell = true;
                    }
                    "table" => {
                        out.line_break(range.start);
                        in_cell = false;
                    }
                    block if BLOCKS.contains(&block) && in_cell => out.cell_break(range.start),
                    block if BLOCKS.contains(&block) => out.line_break(range.start),
                    _ => {}
                }
            }
            Token::End { name, range } => {
                if chrome_depth > 0 {
                    if chrome_names.last() == Some(name) {
                        chrome_names.pop();
                        chrome_depth -= 1;
                    }
                    continue;
                }
                if matches!(name.as_str(), "td" | "th") {
                    in_cell = false;
                } else if name == "tr" || name == "table" {
                    in_cell = false;
                    out.line_break(range.start);
                } else if BLOCKS.contains(&name.as_str()) {
                    if in_cell {
                        out.cell_break(range.start);
                    } else {
                        out.line_break(range.start);
                    }
                }
            }
            Token::Text(range) => {
                if chrome_depth > 0 {
                    continue;
                }
                let mut pending_space: Option<Range<usize>> = None;
                decode_text(html, range.clone(), &mut |ch, source| {
                    if ch.is_whitespace() && ch != '\u{3000}' {
                        pending_space.get_or_insert(source);
                        return;
                    }
                    if let Some(space) = pending_space.take() {
                        if !out.ends_with_break() && !out.text.ends_with(' ') {
                            out.push(' ', space);
                        }
                    }
                    out.push(ch, source);
                });
                if let Some(space) = pending_space {
                    if !out.ends_with_break() && !out.text.ends_with(' ') {
                        out.push(' ', space);
                    }
                }
            }
        }
    }
}

/// The charset a page declares in its first bytes (`<meta charset="gbk">`, or `charset=` in a
/// `content` attribute), if any.
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    const PRESCAN: usize = 2048;
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(PRESCAN)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let value: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    (!value.is_empty()).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_report_and_drops_the_page_around_it() {
        let html = r#"<html><head><title>某局年报</title><script>var x = "<p>不是正文</p>";</script></head>
<body><div class="nav">首页 &gt; 政务公开 &gt; 年度报告</div>
<div id="content"><h1>某局2021年政府信息公开工作年度报告</h1>
<p>一、总体情况</p><p>本局认真落实&ldquo;条例&rdquo;。<br>全年主动公开信息50条。</p>
<table><tr><td rowspan="2">三、本年度办理结果</td><td>(一)予以公开</td><td>1</td></tr>
<tr><td>(二)部分公开</td><td>0</td></tr></table></div>
<div class="footer">版权所有 联系我们</div></body></html>"#;
        let extracted = extract(html);
        assert_eq!(
            extracted.text,
            "某局2021年政府信息公开工作年度报告\n一、总体情况\n本局认真落实“条例”。\n全年主动公开信息50条。\n三、本年度办理结果 | (一)予以公开 | 1\n(二)部分公开 | 0\n"
        );
        let at = extracted.text.find("“条例”").expect("found");
        let source = extracted.starts[at] as usize..extracted.ends[at] as usize;
        assert_eq!(&html[source], "&ldquo;");
    }

    /// A page body around an article: the site's heading, a heading `title`, a metadata line, and
    /// an article long enough to be the element that holds most of the text.
    fn page(head_title: &str, heading: &str, article_title: &str) -> String {
        let paragraph =
            "<p>本机关全年主动公开政府信息一百二十条，依申请公开办理答复均在法定期限内完成。</p>";
        format!(
            "<html><head><title>{head_title}</title></head><body>\n\
             <div class=\"top\"><h2>某市人民政府门户网站</h2></div>\n\
             <div class=\"links\"><p>某局2022年政府信息公开工作年度报告</p></div>\n\
             <div class=\"content\">{heading}\n\
             <div class=\"info\"><span>发布日期：2024-01-20</span> <span>字号：大 中 小</span></div>\n\
             <div id=\"zoom\">{article_title}<p>一、总体情况</p>{}</div></div>\n\
             <div class=\"footer\">版权所有</div></body></html>",
            paragraph.repeat(4)
        )
    }

    fn source_of<'a>(html: &'a str, extracted: &Extracted, words: &str) -> &'a str {
        let at = extracted.text.find(words).expect("in the text");
        let end = at + words.len();
        &html[extracted.starts[at] as usize..extracted.ends[end - 1] as usize]
    }

    #[test]
    fn keeps_a_title_heading_above_the_article_and_the_date_line_between() {
        let html = page(
            "某市人民政府",
            "<h1 class=\"art-title\">某局2023年政府信息公开工作年度报告</h1>",
            "",
        );
        let extracted = extract(&html);
        assert!(
            extracted.text.starts_with(
                "某局2023年政府信息公开工作年度报告\n发布日期：2024-01-20 字号：大 中 小\n一、总体情况\n"
            ),
            "{}",
            extracted.text
        );
        assert_eq!(
            source_of(&html, &extracted, "某局2023年政府信息公开工作年度报告"),
            "某局2023年政府信息公开工作年度报告"
        );
        assert_eq!(source_of(&html, &extracted, "2024-01-20"), "2024-01-20");
        // The links to other reports before the article are not headings: never a title.
        assert!(!extracted.text.contains("2022年"), "{}", extracted.text);
    }

    #[test]
    fn a_title_names_the_report_and_its_year() {
        assert!(names_annual_report("某局2023年政府信息公开工作年度报告"));
        assert!(names_annual_report(
            "某镇二〇二三年政府信息公开工作年度报告"
        ));
        assert!(names_annual_report("某局2023年度政府信息公开年报"));
        assert!(!names_annual_report("政府信息公开年报"));
        assert!(!names_annual_report("某局政府信息公开工作年度报告"));
        assert!(!names_annual_report(
            "本报告根据《中华人民共和国政府信息公开工作年度报告格式》要求编制。"
        ));
    }

    #[test]
    fn a_heading_in_traditional_script_names_the_report_too() {
        let html = page("", "<h1>某局2023年政府信息公開工作年度報告</h1>", "");
        assert!(extract(&html)
            .text
            .starts_with("某局2023年政府信息公開工作年度報告\n"));
    }

    #[test]
    fn the_title_in_the_article_is_not_repeated_from_the_heading() {
        let html = page(
            "某局2023年政府信息公开工作年度报告_某市人民政府",
            "<h1>某局2023年政府信息公开工作年度报告</h1>",
            "<p>某局2023年政府信息公开工作年度报告</p>",
        );
        let extracted = extract(&html);
        assert_eq!(
            extracted.text.matches("年度报告").count(),
            1,
            "{}",
            extracted.text
        );
        assert!(extracted.text.starts_with("发布日期：2024-01-20"));
    }

    #[test]
    fn keeps_the_date_line_of_a_page_in_traditional_script() {
        let html = page(
            "某市人民政府",
            "<h1 class=\"art-title\">某局2012年政府信息公開工作年度報告</h1>",
            "",
        )
        .replace("发布日期", "發佈日期");
        let extracted = extract(&html);
        assert!(
            extracted.text.starts_with(
                "某局2012年政府信息公開工作年度報告\n發佈日期：2024-01-20 字号：大 中 小\n"
            ),
            "{}",
            extracted.text
        );
    }

    #[test]
    fn the_page_title_is_the_last_resort_without_the_site_name() {
        let html = page(
            "某局2023年政府信息公开工作年度报告_某市人民政府",
            "<h1>政务公开</h1>",
            "",
        );
        let extracted = extract(&html);
        assert!(
            extracted
                .text
                .starts_with("某局2023年政府信息公开工作年度报告\n发布日期"),
            "{}",
            extracted.text
        );
        assert_eq!(
            source_of(&html, &extracted, "某局2023年政府信息公开工作年度报告"),
            "某局2023年政府信息公开工作年度报告"
        );
        // A page title that names no report adds nothing, nor does a column heading that names
        // no year.
        let html = page("某市人民政府门户网站", "<h2>政府信息公开年报</h2>", "");
        assert!(extract(&html).text.starts_with("发布日期：2024-01-20"));
    }

    #[test]
    fn reads_the_declared_charset() {
        assert_eq!(
            declared_charset(
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
            ),
            Some("gb2312".to_string())
        );
        assert_eq!(
            declared_charset(b"<meta charset='UTF-8'>"),
            Some("utf-8".to_string())
        );
        assert_eq!(declared_charset(b"<p>hi</p>"), None);
    }
}

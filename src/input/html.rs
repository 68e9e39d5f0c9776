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

/// Extracts the report's text from a page.
pub fn extract(html: &str) -> Extracted {
    let tokens = tokenize(html);
    let elements = elements(html, &tokens);
    let content = content_tokens(&elements, tokens.len());
    // Tokens inside chrome elements (within the content) are skipped.
    let mut chrome_depth = 0usize;
    let mut chrome_names: Vec<String> = Vec::new();
    let mut out = Extracted::default();
    let mut cells_in_row = 0usize;
    // Whether the tokens are inside a table cell: Word writes each cell's text as paragraphs
    // (`<td><p>…</p></td>`), which must not break the row's line.
    let mut in_cell = false;
    for token in &tokens[content] {
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
    out.line_break(html.len());
    out
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

//! The content-stream interpreter: where each glyph is printed and which ruling lines are drawn.
//!
//! It follows the PDF imaging model far enough to place text exactly: the graphics state stack
//! (`q`/`Q`, `cm`), the text state (`Tf`, `Tc`, `Tw`, `Tz`, `TL`, `Ts`), the text and line
//! matrices (`BT`, `Td`, `TD`, `Tm`, `T*`), the text-showing operators (`Tj`, `TJ`, `'`, `"`)
//! with each glyph advanced by its font width, and form XObjects (`Do`), whose content is
//! interpreted in place. Paths are followed only to find ruling lines: stroked straight
//! horizontal or vertical segments, and filled rectangles thin enough to be a rule. Everything
//! ends in page coordinates with the page's `/Rotate` applied, y upwards.
//!
//! A page is marked damaged when some of what it prints could not be read though the page is
//! there: a content stream (or a form's) cut short or failing to decode ([`super::streams`]), a
//! `/Contents` entry that is not a stream, content whose syntax breaks off before its end
//! (lopdf's parser stops there silently) or that ends inside a text object, and text shown in a
//! font that cannot be found or whose `/ToUnicode` map cannot be read.

use std::collections::HashMap;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::fonts::Font;
use super::streams;

/// A 2-D affine matrix `[a b c d e f]`, as PDF writes them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Matrix([f32; 6]);

impl Matrix {
    pub const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    fn translate(x: f32, y: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    /// `self` then `then` (the PDF order: `self × then`).
    fn then(self, then: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = then.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn apply(self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }
}

/// One printed character.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    pub text: char,
    /// Left and right edge, in page coordinates.
    pub left: f32,
    pub right: f32,
    /// The baseline (y upwards).
    pub baseline: f32,
    /// The font size on the page, in points.
    pub size: f32,
}

impl Glyph {
    /// The glyph's horizontal centre.
    pub fn centre(&self) -> f32 {
        (self.left + self.right) / 2.0
    }

    /// The middle of the glyph's height (baseline plus a third of the size, for CJK faces).
    pub fn middle(&self) -> f32 {
        self.baseline + self.size * 0.35
    }
}

/// A horizontal or vertical ruling line, from its lower to its higher coordinate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    /// `true`: horizontal, at `at` (a y) from `from` to `to` (x); `false`: vertical.
    pub horizontal: bool,
    pub at: f32,
    pub from: f32,
    pub to: f32,
}

/// What a page prints.
#[derive(Debug, Default)]
pub struct PageContent {
    pub glyphs: Vec<Glyph>,
    pub rules: Vec<Rule>,
    /// Some of what the page prints could not be read (see the module docs): the glyphs are what
    /// was read of it.
    pub damaged: bool,
}

/// Fonts read so far, by the address of their dictionary (the document outlives them).
pub type FontCache<'a> = HashMap<usize, Font<'a>>;

#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<usize>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    scale: f32,
    leading: f32,
    rise: f32,
}

/// Nested form XObjects deeper than this are not followed (a cycle or a hostile file).
const MAX_FORM_DEPTH: usize = 8;
/// The graphics state stack never grows beyond this (unbalanced `q`s).
const MAX_STACK: usize = 256;

/// Interprets a page. `limit` bounds every decompression; `fonts` is shared across pages.
pub fn interpret_page<'a>(
    document: &'a Document,
    page: ObjectId,
    limit: usize,
    fonts: &mut FontCache<'a>,
) -> Result<PageContent, lopdf::Error> {
    let page_dict = document.get_dictionary(page)?;
    let (content, whole) = page_content(document, page_dict, limit)?;
    let resources = page_resources(document, page);
    let mut out = PageContent {
        damaged: !whole,
        ..PageContent::default()
    };
    let mut interpreter = Interpreter {
        document,
        limit,
        fonts,
        out: &mut out,
        forms: Vec::new(),
        cycle: None,
    };
    let base = page_matrix(document, page_dict);
    interpreter.run(&content, &resources, base);
    match interpreter.cycle {
        Some(id) => Err(lopdf::Error::ReferenceCycle(id)),
        None => Ok(out),
    }
}

/// The page's content streams, decoded and joined by line breaks, and whether every one was read
/// whole. A content stream the file no longer holds (cut off, damaged) is an error, which makes
/// the page unread, not blank: lopdf would skip it silently. So is a decompression bomb (a page
/// whose streams inflate to more than `limit` bytes).
fn page_content(
    document: &Document,
    page: &Dictionary,
    limit: usize,
) -> Result<(Vec<u8>, bool), lopdf::Error> {
    let mut content = Vec::new();
    let mut whole = true;
    let contents = match page.get(b"Contents") {
        // No content: a blank page.
        Err(_) | Ok(Object::Null) => return Ok((content, whole)),
        Ok(contents) => resolve(document, contents),
    };
    let parts = match contents {
        Object::Array(parts) => parts.as_slice(),
        other => std::slice::from_ref(other),
    };
    for part in parts {
        let stream = match resolve(document, part) {
            Object::Stream(stream) => stream,
            Object::Reference(id) if document.get_object(*id).is_err() => {
                return Err(lopdf::Error::ObjectNotFound(*id));
            }
            // Something else where a content stream should be: what it held is lost.
            _ => {
                whole = false;
                continue;
            }
        };
        let remaining = limit.saturating_sub(content.len());
        let decoded = streams::decode(stream, remaining).map_err(|error| match error {
            lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => {
                lopdf::DecompressError::MemoryLimitExceeded { limit }.into()
            }
            other => other,
        })?;
        whole &= decoded.whole;
        content.extend_from_slice(&decoded.bytes);
        content.push(b'\n');
    }
    Ok((content, whole))
}

/// The page's resource dictionaries, nearest first (a page inherits them from its parents).
fn page_resources(document: &Document, page: ObjectId) -> Vec<&Dictionary> {
    let Ok((own, inherited)) = document.get_page_resources(page) else {
        return Vec::new();
    };
    own.into_iter()
        .chain(
            inherited
                .into_iter()
                .filter_map(|id| document.get_dictionary(id).ok()),
        )
        .collect()
}

/// The matrix from default user space to the page as displayed: the media box's origin moved to
/// 0, and the page's `/Rotate` applied (clockwise), so that text reads left to right, y upwards.
fn page_matrix(document: &Document, page: &Dictionary) -> Matrix {
    let inherited = |key: &[u8]| -> Option<&Object> {
        let mut dict = page;
        for _ in 0..32 {
            if let Ok(value) = dict.get(key) {
                return Some(resolve(document, value));
            }
            dict = dict
                .get(b"Parent")
                .ok()
                .map(|parent| resolve(document, parent))
                .and_then(|parent| parent.as_dict().ok())?;
        }
        None
    };
    let media: Vec<f32> = inherited(b"MediaBox")
        .and_then(|object| object.as_array().ok())
        .map(|array| {
            array
                .iter()
                .filter_map(|n| number(resolve(document, n)))
                .collect()
        })
        .unwrap_or_default();
    let (x0, y0, x1, y1) = match media.as_slice() {
        [a, b, c, d] => (a.min(*c), b.min(*d), a.max(*c), b.max(*d)),
        _ => (0.0, 0.0, 595.0, 842.0),
    };
    let (width, height) = (x1 - x0, y1 - y0);
    let rotate = inherited(b"Rotate")
        .and_then(|object| object.as_i64().ok())
        .unwrap_or(0)
        .rem_euclid(360);
    let origin = Matrix::translate(-x0, -y0);
    let turn = match rotate {
        90 => Matrix([0.0, -1.0, 1.0, 0.0, 0.0, width]),
        180 => Matrix([-1.0, 0.0, 0.0, -1.0, width, height]),
        270 => Matrix([0.0, 1.0, -1.0, 0.0, height, 0.0]),
        _ => Matrix::IDENTITY,
    };
    origin.then(turn)
}

fn resolve<'a>(document: &'a Document, object: &'a Object) -> &'a Object {
    match object {
        Object::Reference(id) => document.get_object(*id).unwrap_or(object),
        other => other,
    }
}

fn number(object: &Object) -> Option<f32> {
    match object {
        Object::Integer(value) => Some(*value as f32),
        Object::Real(value) if value.is_finite() => Some(*value),
        _ => None,
    }
}

/// Looks `name` up in the `kind` (`Font`, `XObject`) sub-dictionary of the nearest resources.
fn lookup<'a>(
    document: &'a Document,
    resources: &[&'a Dictionary],
    kind: &[u8],
    name: &[u8],
) -> Option<&'a Object> {
    resources.iter().find_map(|dict| {
        let group = resolve(document, dict.get(kind).ok()?).as_dict().ok()?;
        group.get(name).ok()
    })
}

struct Interpreter<'a, 'p> {
    document: &'a Document,
    limit: usize,
    fonts: &'p mut FontCache<'a>,
    out: &'p mut PageContent,
    /// The form XObjects being interpreted, outermost first (to refuse cycles).
    forms: Vec<ObjectId>,
    /// A form XObject that draws itself, directly or through others: the file is malformed.
    cycle: Option<ObjectId>,
}

/// A path under construction: its subpaths' points, already in page coordinates.
#[derive(Default)]
struct Path {
    subpaths: Vec<Vec<(f32, f32)>>,
}

impl<'a> Interpreter<'a, '_> {
    fn run(&mut self, content: &[u8], resources: &[&'a Dictionary], ctm: Matrix) {
        let mut state = State {
            ctm,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        };
        let mut stack: Vec<State> = Vec::new();
        let mut text_matrix = Matrix::IDENTITY;
        let mut line_matrix = Matrix::IDENTITY;
        let mut path = Path::default();
        // What tells content read to its end from content whose syntax broke off.
        let mut in_text = false;
        let mut broken = false;
        let mut last_operator = String::new();
        let mut operations = 0;
        for operation in Content::decode_iter(content) {
            // A broken stream keeps what was read before the break.
            let Ok(mut operation) = operation else {
                broken = true;
                break;
            };
            let operands = &operation.operands;
            let num = |index: usize| operands.get(index).and_then(number).unwrap_or(0.0);
            match operation.operator.as_str() {
                "q" if stack.len() < MAX_STACK => stack.push(state.clone()),
                "Q" => {
                    if let Some(saved) = stack.pop() {
                        state = saved;
                    }
                }
                "cm" => {
                    let matrix = Matrix([num(0), num(1), num(2), num(3), num(4), num(5)]);
                    state.ctm = matrix.then(state.ctm);
                }
                "BT" => {
                    in_text = true;
                    text_matrix = Matrix::IDENTITY;
                    line_matrix = Matrix::IDENTITY;
                }
                "ET" => in_text = false,
                "Tf" => {
                    state.size = num(1);
                    state.font = operands
                        .first()
                        .and_then(|name| name.as_name().ok())
                        .and_then(|name| self.font(resources, name));
                }
                "Tc" => state.char_spacing = num(0),
                "Tw" => state.word_spacing = num(0),
                "Tz" => state.scale = num(0) / 100.0,
                "TL" => state.leading = num(0),
                "Ts" => state.rise = num(0),
                "Td" | "TD" => {
                    if operation.operator == "TD" {
                        state.leading = -num(1);
                    }
                    line_matrix = Matrix::translate(num(0), num(1)).then(line_matrix);
                    text_matrix = line_matrix;
                }
                "Tm" => {
                    line_matrix = Matrix([num(0), num(1), num(2), num(3), num(4), num(5)]);
                    text_matrix = line_matrix;
                }
                "T*" => {
                    line_matrix = Matrix::translate(0.0, -state.leading).then(line_matrix);
                    text_matrix = line_matrix;
                }
                "Tj" | "'" | "\"" | "TJ" => {
                    if operation.operator != "Tj" && operation.operator != "TJ" {
                        if operation.operator == "\"" {
                            state.word_spacing = num(0);
                            state.char_spacing = num(1);
                        }
                        line_matrix = Matrix::translate(0.0, -state.leading).then(line_matrix);
                        text_matrix = line_matrix;
                    }
                    for operand in operands {
                        match operand {
                            Object::String(bytes, _) => {
                                self.show(&state, &mut text_matrix, bytes);
                            }
                            Object::Array(items) => {
                                for item in items {
                                    if let Object::String(bytes, _) = item {
                                        self.show(&state, &mut text_matrix, bytes);
                                    } else if let Some(adjust) = number(item) {
                                        let shift = -adjust / 1000.0 * state.size * state.scale;
                                        text_matrix =
                                            Matrix::translate(shift, 0.0).then(text_matrix);
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                }
                "m" => path.subpaths.push(vec![state.ctm.apply(num(0), num(1))]),
                "l" => {
                    let point = state.ctm.apply(num(0), num(1));
                    match path.subpaths.last_mut() {
                        Some(subpath) => subpath.push(point),
                        None => path.subpaths.push(vec![point]),
                    }
                }
                // Curves are no rules: their end point starts a new straight run.
                "c" | "v" | "y" => {
                    let (x, y) = if operation.operator == "c" {
                        (num(4), num(5))
                    } else {
                        (num(2), num(3))
                    };
                    path.subpaths.push(vec![state.ctm.apply(x, y)]);
                }
                "re" => {
                    let (x, y, w, h) = (num(0), num(1), num(2), num(3));
                    let corners = [(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)];
                    path.subpaths.push(
                        corners
                            .iter()
                            .map(|&(x, y)| state.ctm.apply(x, y))
                            .collect(),
                    );
                }
                "h" => {
                    if let Some(subpath) = path.subpaths.last_mut() {
                        if let Some(&first) = subpath.first() {
                            subpath.push(first);
                        }
                    }
                }
                "S" | "s" => {
                    self.stroke(&path);
                    path.subpaths.clear();
                }
                "f" | "F" | "f*" => {
                    self.fill(&path);
                    path.subpaths.clear();
                }
                "B" | "B*" | "b" | "b*" => {
                    self.stroke(&path);
                    path.subpaths.clear();
                }
                "n" => path.subpaths.clear(),
                "Do" => {
                    if let Some(name) = operands.first().and_then(|name| name.as_name().ok()) {
                        self.form(resources, name, state.ctm);
                    }
                }
                _ => {}
            }
            last_operator = std::mem::take(&mut operation.operator);
            operations += 1;
        }
        // lopdf's parser stops silently where the syntax breaks: content read to its end gives
        // every operator it holds, ends with the last one read, and outside a text object.
        if broken
            || in_text
            || !ends_with_operator(content, &last_operator)
            || operations < count_operators(content)
        {
            self.out.damaged = true;
        }
    }

    /// The cache key of font `name`, reading the font on first use.
    fn font(&mut self, resources: &[&'a Dictionary], name: &[u8]) -> Option<usize> {
        let document = self.document;
        let dict = resolve(document, lookup(document, resources, b"Font", name)?)
            .as_dict()
            .ok()?;
        let key = dict as *const Dictionary as usize;
        self.fonts
            .entry(key)
            .or_insert_with(|| Font::read(document, dict, self.limit));
        Some(key)
    }

    /// Places the glyphs of one shown string, advancing the text matrix.
    fn show(&mut self, state: &State, text_matrix: &mut Matrix, bytes: &[u8]) {
        let Some(font) = state.font.and_then(|key| self.fonts.get_mut(&key)) else {
            // Text in a font the file does not hold (or not as a font) is lost.
            self.out.damaged |= !bytes.is_empty();
            return;
        };
        if font.broken && !bytes.is_empty() {
            self.out.damaged = true;
        }
        let vertical = font.vertical;
        let glyphs = &mut self.out.glyphs;
        font.each_code(bytes, |code| {
            let width = code.width / 1000.0 * state.size;
            let to_page = text_matrix.then(state.ctm);
            let (left, baseline) = to_page.apply(0.0, state.rise);
            let (right, _) = to_page.apply(width * state.scale, state.rise);
            // The size as printed: the text space's vertical unit on the page.
            let (ux, uy) = {
                let [_, _, c, d, _, _] = to_page.0;
                (c, d)
            };
            let size = state.size.abs() * (ux * ux + uy * uy).sqrt();
            let count = code.text.chars().count().max(1) as f32;
            let step = (right - left) / count;
            for (index, text) in code.text.chars().enumerate() {
                let start = left + step * index as f32;
                glyphs.push(Glyph {
                    text,
                    left: start.min(start + step),
                    right: start.max(start + step),
                    baseline,
                    size,
                });
            }
            let spacing = state.char_spacing
                + if code.is_space {
                    state.word_spacing
                } else {
                    0.0
                };
            *text_matrix = if vertical {
                Matrix::translate(0.0, -(width + spacing)).then(*text_matrix)
            } else {
                Matrix::translate((width + spacing) * state.scale, 0.0).then(*text_matrix)
            };
        });
    }

    /// Records the straight horizontal and vertical pieces of a stroked path.
    fn stroke(&mut self, path: &Path) {
        for subpath in &path.subpaths {
            for pair in subpath.windows(2) {
                push_rule(&mut self.out.rules, pair[0], pair[1]);
            }
        }
    }

    /// Records filled rectangles thin enough to be a rule, as the rule along their middle.
    fn fill(&mut self, path: &Path) {
        for subpath in &path.subpaths {
            let Some((x0, y0, x1, y1)) = bounds(subpath) else {
                continue;
            };
            let (width, height) = (x1 - x0, y1 - y0);
            if height <= THIN && width > height {
                let y = (y0 + y1) / 2.0;
                push_rule(&mut self.out.rules, (x0, y), (x1, y));
            } else if width <= THIN && height > width {
                let x = (x0 + x1) / 2.0;
                push_rule(&mut self.out.rules, (x, y0), (x, y1));
            } else if subpath.len() == 5 && width > THIN && height > THIN {
                // A cell's shading or a box: its edges rule the table like drawn borders.
                for pair in subpath.windows(2) {
                    push_rule(&mut self.out.rules, pair[0], pair[1]);
                }
            }
        }
    }

    /// Interprets form XObject `name` in place.
    fn form(&mut self, resources: &[&'a Dictionary], name: &[u8], ctm: Matrix) {
        let document = self.document;
        let Some(Object::Reference(id)) = lookup(document, resources, b"XObject", name) else {
            return;
        };
        if self.forms.contains(id) {
            self.cycle = Some(*id);
            return;
        }
        if self.forms.len() >= MAX_FORM_DEPTH || self.cycle.is_some() {
            return;
        }
        let Ok(stream) = document.get_object(*id).and_then(Object::as_stream) else {
            return;
        };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form") {
            return;
        }
        let Ok(decoded) = streams::decode(stream, self.limit) else {
            return;
        };
        // A form's content cut short loses what it draws, as a page's does.
        self.out.damaged |= !decoded.whole;
        let content = decoded.bytes;
        let matrix = stream
            .dict
            .get(b"Matrix")
            .and_then(Object::as_array)
            .ok()
            .map(|array| {
                let values: Vec<f32> = array.iter().filter_map(number).collect();
                match values.as_slice() {
                    [a, b, c, d, e, f] => Matrix([*a, *b, *c, *d, *e, *f]),
                    _ => Matrix::IDENTITY,
                }
            })
            .unwrap_or(Matrix::IDENTITY);
        let mut inner: Vec<&'a Dictionary> = Vec::with_capacity(resources.len() + 1);
        if let Some(own) = stream
            .dict
            .get(b"Resources")
            .ok()
            .map(|object| resolve(document, object))
            .and_then(|object| object.as_dict().ok())
        {
            inner.push(own);
        }
        inner.extend_from_slice(resources);
        self.forms.push(*id);
        self.run(&content, &inner, matrix.then(ctm));
        self.forms.pop();
    }
}

/// Whether `content`, without the white space and comments after it, ends with `operator` (an
/// inline image, read as `BI`, ends with `EI`); empty content with no operator does.
fn ends_with_operator(content: &[u8], operator: &str) -> bool {
    let is_space = |byte: &u8| b" \t\n\r\0\x0C".contains(byte);
    let expected = match operator {
        "BI" => b"EI".as_slice(),
        other => other.as_bytes(),
    };
    let mut rest = content;
    // A comment ends a line; a `%` inside a string on the last line is tried as one only when
    // the line does not end with the operator as it is.
    for _ in 0..MAX_TRAILING_COMMENTS {
        let end = rest
            .iter()
            .rposition(|byte| !is_space(byte))
            .map_or(0, |at| at + 1);
        rest = &rest[..end];
        if expected.is_empty() && rest.is_empty() {
            return true;
        }
        if let Some(before) = rest.strip_suffix(expected).filter(|_| !expected.is_empty()) {
            return before
                .last()
                .is_none_or(|byte| is_space(byte) || b"()<>[]{}/%".contains(byte));
        }
        let line_start = rest
            .iter()
            .rposition(|byte| matches!(byte, b'\n' | b'\r'))
            .map_or(0, |at| at + 1);
        match rest[line_start..].iter().position(|&byte| byte == b'%') {
            Some(at) => rest = &rest[..line_start + at],
            None => return false,
        }
    }
    false
}

/// How many operators `content` holds, counted by a scan of its tokens that reads past bytes that
/// are no content syntax (where lopdf's parser stops): strings, names, numbers, comments and
/// inline images' data are skipped; `true`, `false` and `null` are operands.
fn count_operators(content: &[u8]) -> usize {
    let is = |at: usize, kind: u8| {
        content
            .get(at)
            .is_some_and(|&byte| BYTE_KINDS[usize::from(byte)] & kind != 0)
    };
    let mut count = 0;
    let mut at = 0;
    while let Some(&byte) = content.get(at) {
        match byte {
            b'%' => {
                at += memchr::memchr2(b'\n', b'\r', &content[at..]).unwrap_or(content.len() - at);
            }
            b'(' => {
                let mut depth = 0usize;
                // An escape's next byte is skipped, so `at` may pass the end.
                while let Some(next) = content
                    .get(at..)
                    .and_then(|rest| memchr::memchr3(b'\\', b'(', b')', rest))
                {
                    at += next + 1;
                    match content[at - 1] {
                        b'\\' => at += 1,
                        b'(' => depth += 1,
                        _ => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                    }
                }
                if depth > 0 {
                    at = content.len();
                }
            }
            b'<' if content.get(at + 1) == Some(&b'<') => at += 2,
            b'<' => {
                at +=
                    memchr::memchr(b'>', &content[at..]).map_or(content.len() - at, |end| end + 1);
            }
            b'/' => {
                at += 1;
                while content.get(at).is_some() && !is(at, SPACE | DELIMITER) {
                    at += 1;
                }
            }
            b'0'..=b'9' | b'+' | b'-' | b'.' => {
                at += 1;
                while is(at, NUMBER) {
                    at += 1;
                }
            }
            _ if is(at, OPERATOR) => {
                let start = at;
                while is(at, OPERATOR) {
                    at += 1;
                }
                let token = &content[start..at];
                if !matches!(token, b"true" | b"false" | b"null") {
                    count += 1;
                }
                if token == b"BI" {
                    at = inline_image_end(content, at);
                }
            }
            _ => at += 1,
        }
    }
    count
}

/// Byte kinds in content syntax, for [`count_operators`]: white space, delimiters, the bytes of
/// an operator (letters, digits, `*`, `'`, `"`) and those that continue a number.
const SPACE: u8 = 1;
const DELIMITER: u8 = 2;
const OPERATOR: u8 = 4;
const NUMBER: u8 = 8;
const BYTE_KINDS: [u8; 256] = {
    let mut kinds = [0u8; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        kinds[byte] = match b {
            b' ' | b'\t' | b'\n' | b'\r' | b'\0' | 0x0C => SPACE,
            b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%' => DELIMITER,
            b'0'..=b'9' => OPERATOR | NUMBER,
            b'.' => NUMBER,
            b'*' | b'\'' | b'"' => OPERATOR,
            _ if b.is_ascii_alphabetic() => OPERATOR,
            _ => 0,
        };
        byte += 1;
    }
    kinds
};

/// Where an inline image that starts at `from` (after its `BI`) ends: after the `EI` that
/// follows white space after its `ID` and data, as lopdf reads it.
fn inline_image_end(content: &[u8], from: usize) -> usize {
    let is_space = |byte: &u8| b" \t\n\r\0\x0C".contains(byte);
    let Some(data) = content[from..]
        .windows(2)
        .position(|pair| pair == b"ID")
        .map(|at| from + at + 2)
    else {
        return content.len();
    };
    content[data..]
        .windows(3)
        .enumerate()
        .position(|(at, window)| {
            is_space(&window[0])
                && &window[1..] == b"EI"
                && content.get(data + at + 3).is_none_or(is_space)
        })
        .map_or(content.len(), |at| data + at + 3)
}

/// Comment lines looked past at the end of a content stream.
const MAX_TRAILING_COMMENTS: usize = 8;

/// A rectangle thinner than this (points) is a drawn rule, not an area.
const THIN: f32 = 3.0;

fn bounds(points: &[(f32, f32)]) -> Option<(f32, f32, f32, f32)> {
    let first = points.first()?;
    Some(points.iter().fold(
        (first.0, first.1, first.0, first.1),
        |(x0, y0, x1, y1), &(x, y)| (x0.min(x), y0.min(y), x1.max(x), y1.max(y)),
    ))
}

/// Keeps a segment if it is horizontal or vertical (within half a point) and not a dot.
fn push_rule(rules: &mut Vec<Rule>, (x0, y0): (f32, f32), (x1, y1): (f32, f32)) {
    if !(x0.is_finite() && y0.is_finite() && x1.is_finite() && y1.is_finite()) {
        return;
    }
    if (y0 - y1).abs() <= 0.5 && (x0 - x1).abs() >= 1.0 {
        rules.push(Rule {
            horizontal: true,
            at: (y0 + y1) / 2.0,
            from: x0.min(x1),
            to: x0.max(x1),
        });
    } else if (x0 - x1).abs() <= 0.5 && (y0 - y1).abs() >= 1.0 {
        rules.push(Rule {
            horizontal: false,
            at: (x0 + x1) / 2.0,
            from: y0.min(y1),
            to: y0.max(y1),
        });
    }
}

/// For tests of the readers above the interpreter: `text` as 10-point glyphs, 10 points wide
/// each, from `left` on `baseline`.
#[cfg(test)]
pub(super) fn test_glyphs(text: &str, left: f32, baseline: f32) -> Vec<Glyph> {
    text.chars()
        .enumerate()
        .map(|(index, text)| Glyph {
            text,
            left: left + 10.0 * index as f32,
            right: left + 10.0 * (index + 1) as f32,
            baseline,
            size: 10.0,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{dictionary, Stream};

    /// A one-page document showing `content` with font `F1`: a composite font with UCS-2 codes
    /// (as reportlab writes), widths 500 for codes 0x31–0x39 and 1000 for the rest.
    fn page_with(content: &str, rotate: i64) -> (Document, ObjectId) {
        page_in(content.as_bytes(), rotate, "UniGB-UCS2-H")
    }

    fn page_in(content: &[u8], rotate: i64, cmap: &str) -> (Document, ObjectId) {
        let mut document = Document::with_version("1.5");
        let descendant = document.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "CIDFontType0",
            "BaseFont" => "STSong-Light",
            "DW" => 1000,
            "W" => vec![0x31.into(), 0x39.into(), 500.into()],
        });
        let font = document.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type0",
            "BaseFont" => "STSong-Light",
            "Encoding" => cmap,
            "DescendantFonts" => vec![descendant.into()],
        });
        let contents = document.add_object(Stream::new(dictionary! {}, content.to_vec()));
        let pages = document.new_object_id();
        let page = document.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Rotate" => rotate,
            "Contents" => contents,
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
        });
        document.objects.insert(
            pages,
            dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 }.into(),
        );
        let catalog = document.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
        document.trailer.set("Root", catalog);
        (document, page)
    }

    fn hex(text: &str) -> String {
        text.encode_utf16()
            .map(|unit| format!("{unit:04X}"))
            .collect()
    }

    fn glyphs(content: &str, rotate: i64) -> Vec<Glyph> {
        let (document, page) = page_with(content, rotate);
        let mut fonts = FontCache::new();
        interpret_page(&document, page, 1 << 20, &mut fonts)
            .expect("interpreted")
            .glyphs
    }

    #[test]
    fn glyphs_advance_by_their_widths_spacing_and_kerning() {
        let content = format!(
            "BT /F1 10 Tf 2 Tc 100 700 Td <{}> Tj [<{}> -500 <{}>] TJ ET",
            hex("年1"),
            hex("月"),
            hex("日")
        );
        let placed: Vec<(char, f32, f32)> = glyphs(&content, 0)
            .iter()
            .map(|glyph| (glyph.text, glyph.left, glyph.baseline))
            .collect();
        // 年: 10 wide + 2 spacing; 1: 5 + 2; 月: 10 + 2, then 5 more (-500 thousandths of 10).
        assert_eq!(
            placed,
            vec![
                ('年', 100.0, 700.0),
                ('1', 112.0, 700.0),
                ('月', 119.0, 700.0),
                ('日', 136.0, 700.0)
            ]
        );
    }

    #[test]
    fn a_predefined_gbk_cmap_reads_one_and_two_byte_codes() {
        let (shown, _, _) = encoding_rs::GBK.encode("2023年报告");
        let mut content = b"BT /F1 10 Tf 100 700 Td (".to_vec();
        content.extend_from_slice(&shown);
        content.extend_from_slice(b") Tj ET");
        let (document, page) = page_in(&content, 0, "GBK-EUC-H");
        let mut fonts = FontCache::new();
        let placed: Vec<(char, f32)> = interpret_page(&document, page, 1 << 20, &mut fonts)
            .expect("interpreted")
            .glyphs
            .iter()
            .map(|glyph| (glyph.text, glyph.left))
            .collect();
        // Digits are one byte and half a character wide; Chinese characters two bytes, one wide.
        assert_eq!(
            placed,
            vec![
                ('2', 100.0),
                ('0', 105.0),
                ('2', 110.0),
                ('3', 115.0),
                ('年', 120.0),
                ('报', 130.0),
                ('告', 140.0)
            ]
        );
    }

    #[test]
    fn a_rotated_page_reads_left_to_right() {
        // A landscape page stored upright and shown turned: its text runs up the stored page.
        let content = format!("BT /F1 10 Tf 0 1 -1 0 300 100 Tm <{}> Tj ET", hex("报告"));
        let placed = glyphs(&content, 90);
        assert_eq!(placed.len(), 2);
        assert_eq!(placed[0].baseline, placed[1].baseline);
        assert!(placed[0].left < placed[1].left && placed[0].right <= placed[1].left + 0.01);
        assert_eq!(placed[0].size, 10.0);
    }

    fn damaged(content: &[u8]) -> (bool, usize) {
        let (document, page) = page_in(content, 0, "UniGB-UCS2-H");
        let mut fonts = FontCache::new();
        let read = interpret_page(&document, page, 1 << 20, &mut fonts).expect("interpreted");
        (read.damaged, read.glyphs.len())
    }

    #[test]
    fn content_that_breaks_off_is_damage_and_keeps_what_came_before() {
        let text = format!("BT /F1 10 Tf 100 700 Td <{}> Tj ET\n", hex("报告"));
        let rule = "10 10 m 100 10 l S\n";
        // Whole content, also with comments and white space after it.
        for whole in [
            format!("{text}{rule}"),
            format!("{text}{rule}% end of page\n\n"),
            format!("{text}BT /F1 10 Tf (100%) Tj ET"),
            String::new(),
        ] {
            assert!(!damaged(whole.as_bytes()).0, "{whole:?}");
        }
        // Cut inside a text object, after an operand, in the middle of an operator's operands.
        for cut in [
            format!("{rule}BT /F1 10 Tf 100 700 Td <{}> Tj", hex("报告")),
            format!("{text}{rule}10 10 m 100"),
            format!("{text}{rule}[(a) 3"),
        ] {
            assert_eq!(damaged(cut.as_bytes()), (true, 2), "{cut:?}");
        }
        // Bytes that are no content syntax in the middle: lopdf's parser stops there.
        let mut garbled = text.clone().into_bytes();
        garbled.extend_from_slice(b"\x80\x81\xfe} ]] ");
        garbled.extend_from_slice(format!("{text}{rule}").as_bytes());
        assert_eq!(damaged(&garbled), (true, 2));
    }

    #[test]
    fn operators_are_counted_past_strings_names_comments_and_images() {
        let cases: [(&[u8], usize); 8] = [
            (b"BT /F1 10 Tf (a (nested) \\) Tj q) Tj ET", 4),
            (b"/Name#20x true false null 1.5 -.5 d0 0 0 m S", 3),
            (b"% a comment Tj\nq Q", 2),
            (b"<4E2D> Tj <</MCID 0>> BDC EMC", 3),
            (b"BI /W 1 /H 1 ID \x00Tj\xff EI Q", 2),
            (b"(unterminated Tj Tj", 0),
            (b"(ends in an escape \\", 0),
            (b"q \x80\x81} ]] Q", 2),
        ];
        for (content, expected) in cases {
            assert_eq!(count_operators(content), expected, "{content:?}");
        }
    }

    #[test]
    fn text_in_a_font_the_file_does_not_hold_is_damage() {
        let content = format!("BT /F9 10 Tf 100 700 Td <{}> Tj ET", hex("报告"));
        assert_eq!(damaged(content.as_bytes()), (true, 0));
    }

    #[test]
    fn stroked_lines_and_thin_rectangles_are_rules() {
        let (document, page) = page_with(
            "q 2 0 0 2 0 0 cm 10 10 m 100 10 l S 10 20 0.5 80 re f 10 10 m 50 50 l S Q",
            0,
        );
        let mut fonts = FontCache::new();
        let rules = interpret_page(&document, page, 1 << 20, &mut fonts)
            .expect("interpreted")
            .rules;
        assert_eq!(
            rules,
            vec![
                Rule {
                    horizontal: true,
                    at: 20.0,
                    from: 20.0,
                    to: 200.0
                },
                Rule {
                    horizontal: false,
                    at: 20.5,
                    from: 40.0,
                    to: 200.0
                }
            ]
        );
    }
}

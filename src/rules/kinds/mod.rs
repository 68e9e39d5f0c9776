//! Rule kinds. Each kind is a small unit: its TOML parameters (deserialised with unknown keys
//! rejected), their validation (regexes compiled, with the TOML span on error) and its evaluation
//! over one document.
//!
//! To add a kind: write `kinds/<name>.rs` with a `Params` type (serde) and a compiled type that
//! implements [`Evaluate`], add a variant to [`Check`] and a field to `load::RawRule`.

pub mod cells;
pub mod contact;
pub mod cross_year;
pub mod deadline;
pub mod identity;
pub mod layout;
pub mod narrative;
pub mod nonempty;
pub mod order;
pub mod outline;
pub mod pattern;
pub mod period;
pub mod required;
pub mod wording;
pub mod year;

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;
use std::sync::{Arc, LazyLock, Mutex, OnceLock};

use memchr::memmem;
use regex::Regex;
use regex_syntax::hir::{Hir, HirKind, Look};
use toml::Spanned;

use super::tables::TableDef;
use crate::document::lines::{Line, LinePattern};
use crate::document::tables::{
    flattened_lines, read_flattened_table, read_table_until, table_lines, Table,
};
use crate::document::Document;
use crate::text::fold::fold_pattern;

/// The tables of one document, read on first use by any rule and shared by all.
pub struct DocumentTables<'a> {
    defs: &'a [Arc<TableDef>],
    read: RefCell<HashMap<String, Option<Rc<Table>>>>,
    /// Which lines of the document can belong to a table, once any table is read.
    table_lines: OnceCell<Vec<bool>>,
    /// The lines that may hold a table run together, once a table is not found on its own lines.
    flattened_lines: OnceCell<Vec<usize>>,
}

impl<'a> DocumentTables<'a> {
    /// Tables defined by the loaded rules, none read yet.
    pub fn new(defs: &'a [Arc<TableDef>]) -> Self {
        DocumentTables {
            defs,
            read: RefCell::new(HashMap::new()),
            table_lines: OnceCell::new(),
            flattened_lines: OnceCell::new(),
        }
    }
}

/// What a rule kind sees: one document and the normalised text of its file.
pub struct Context<'a> {
    pub text: &'a str,
    pub document: &'a Document,
    pub tables: &'a DocumentTables<'a>,
}

impl Context<'_> {
    /// A table definition and the table read with it from this document (`None` inside if the
    /// document has no such table); `None` if no rule file defines the table, or if the report's
    /// year is one the table's layout is not for.
    ///
    /// A report whose year is not known may have any of a table's layouts (table 二's blocks in
    /// the 2019 trial layout and in the 2021 one, under the same anchor): the layout the table
    /// read fits best is the one it has ([`Context::fits_best`]), and the others are taken as
    /// not applying, so that one table is not judged by two layouts at once.
    pub fn table(&self, id: &str) -> Option<(Arc<TableDef>, Option<Rc<Table>>)> {
        let def = self.tables.defs.iter().find(|def| def.id == id)?.clone();
        let year = self.document.report_year.map(|year| year.year);
        if !def.applies_to(year) {
            return None;
        }
        if year.is_none() && def.has_years() && !self.fits_best(&def) {
            return None;
        }
        let table = self.read_table(&def);
        Some((def, table))
    }

    /// Whether, of the layouts under `def`'s anchor that are for some years only, `def` is the
    /// one the table fits best: the most value rows read (in a readable table), then the most
    /// header cells naming its columns; on a tie, the one defined first (the current layout,
    /// which the built-in rules define before the superseded one).
    fn fits_best(&self, def: &Arc<TableDef>) -> bool {
        let fit = |candidate: &Arc<TableDef>| {
            let table = self.read_table(candidate);
            table.map_or((0, 0), |table| {
                let rows = if table.unreadable.is_none() {
                    table.rows.len()
                } else {
                    0
                };
                let named = table
                    .headers
                    .iter()
                    .flatten()
                    .filter(|cell| {
                        candidate
                            .header_names
                            .spans(&self.text[(*cell).clone()])
                            .is_some()
                    })
                    .count();
                (rows, named)
            })
        };
        let mut best: Option<(&Arc<TableDef>, (usize, usize))> = None;
        for candidate in self.tables.defs.iter().filter(|candidate| {
            candidate.has_years() && candidate.anchor.source == def.anchor.source
        }) {
            let score = fit(candidate);
            if best.is_none_or(|(_, best_score)| score > best_score) {
                best = Some((candidate, score));
            }
        }
        best.is_none_or(|(best, _)| best.id == def.id)
    }

    /// The table `def` reads from this document (read once, then shared by every rule).
    fn read_table(&self, def: &TableDef) -> Option<Rc<Table>> {
        if let Some(table) = self.tables.read.borrow().get(&def.id) {
            return table.clone();
        }
        let table_lines = self.table_lines();
        let table = read_table_until(
            self.document,
            self.text,
            table_lines,
            def.anchor.line_pattern(),
            def.end.as_ref().map(CompiledPattern::regex),
            def.columns.len(),
        )
        .map(|mut table| {
            table.match_format(&def.format);
            table.match_columns(self.text, &def.header_names);
            table
        })
        .or_else(|| {
            let flattened = self
                .tables
                .flattened_lines
                .get_or_init(|| flattened_lines(self.document, self.text, table_lines));
            read_flattened_table(
                self.document,
                self.text,
                flattened,
                def.anchor.regex(),
                def.columns.len(),
            )
        })
        .map(Rc::new);
        self.tables
            .read
            .borrow_mut()
            .insert(def.id.clone(), table.clone());
        table
    }
}

impl<'a> Context<'a> {
    /// Which of the document's lines can belong to a table, if a table was read already (`None`
    /// otherwise: working it out costs a pass over the document).
    pub fn table_lines_if_read(&self) -> Option<&[bool]> {
        self.tables.table_lines.get().map(Vec::as_slice)
    }

    /// Which of the document's lines can belong to a table (worked out once per document).
    pub fn table_lines(&self) -> &[bool] {
        self.tables
            .table_lines
            .get_or_init(|| table_lines(self.document, self.text))
    }

    /// The lines rules may look at (title, headings, table rows, text), with their indexes.
    pub fn report_lines(&self) -> impl Iterator<Item = (usize, &'a str)> + 'a {
        let text = self.text;
        self.document
            .lines
            .iter()
            .enumerate()
            .filter(|(_, line)| line.kind.is_report_text())
            .map(move |(index, line)| (index, &text[line.range.clone()]))
    }

    /// Report lines within a range of line indexes.
    pub fn report_lines_in(
        &self,
        lines: Range<usize>,
    ) -> impl Iterator<Item = (usize, &'a str)> + 'a {
        self.report_lines()
            .filter(move |(index, _)| lines.contains(index))
    }

    /// Whether any pattern matches one of the document's lines that `accept` takes (by index).
    pub fn any_line_matches(
        &self,
        patterns: &[CompiledPattern],
        accept: impl Fn(usize) -> bool,
    ) -> bool {
        any_line_matches(patterns, self.text, &self.document.lines, accept)
    }

    /// Byte offset (normalised) where a line starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.document.lines[line].range.start
    }
}

/// One place a rule fires, in the normalised text, with values for the message's placeholders.
#[derive(Debug, Clone)]
pub struct Hit {
    pub range: Range<usize>,
    /// Other places involved (the other cells of a broken identity).
    pub related: Vec<Range<usize>>,
    pub args: Vec<(&'static str, String)>,
    /// Placeholder values that are words rather than data: `(name, zh, en)`.
    pub words: Vec<(&'static str, &'static str, &'static str)>,
}

impl Hit {
    /// A hit with no placeholder values.
    pub fn at(range: Range<usize>) -> Hit {
        Hit {
            range,
            related: Vec::new(),
            args: Vec::new(),
            words: Vec::new(),
        }
    }

    /// A zero-width hit: something missing, pointed at where it was expected.
    pub fn missing_at(offset: usize) -> Hit {
        Hit::at(offset..offset)
    }

    /// Adds a placeholder value.
    pub fn with(mut self, name: &'static str, value: impl Into<String>) -> Hit {
        self.args.push((name, value.into()));
        self
    }

    /// Adds a placeholder value that is a phrase, in Chinese and English.
    pub fn with_words(mut self, name: &'static str, zh: &'static str, en: &'static str) -> Hit {
        self.words.push((name, zh, en));
        self
    }

    /// The placeholder values in `lang`.
    pub fn args_in(&self, lang: crate::rules::Lang) -> Vec<(&'static str, String)> {
        let mut args = self.args.clone();
        args.extend(self.words.iter().map(|(name, zh, en)| {
            let text = match lang {
                crate::rules::Lang::Zh => zh,
                crate::rules::Lang::En => en,
            };
            (*name, text.to_string())
        }));
        args
    }
}

/// Evaluation of one kind of check over a document.
pub trait Evaluate {
    /// Appends a [`Hit`] for every violation in the document.
    fn evaluate(&self, context: &Context<'_>, hits: &mut Vec<Hit>);
}

/// A validated check: one variant per kind.
#[derive(Debug, Clone)]
pub enum Check {
    Required(required::Required),
    Order(order::Order),
    Outline(outline::Outline),
    Pattern(pattern::Pattern),
    Period(period::PeriodCheck),
    Contact(contact::Contact),
    Wording(wording::Wording),
    Nonempty(nonempty::Nonempty),
    Identity(identity::Identity),
    Cells(cells::Cells),
    Layout(layout::Layout),
    Narrative(narrative::Narrative),
    Deadline(deadline::Deadline),
    Year(year::YearCheck),
    CrossYear(cross_year::CrossYear),
}

impl Check {
    /// The kind's name, as written in rule files (`[rule.required]`).
    pub fn kind_name(&self) -> &'static str {
        match self {
            Check::Required(_) => "required",
            Check::Order(_) => "order",
            Check::Outline(_) => "outline",
            Check::Pattern(_) => "pattern",
            Check::Period(_) => "period",
            Check::Contact(_) => "contact",
            Check::Wording(_) => "wording",
            Check::Nonempty(_) => "nonempty",
            Check::Identity(_) => "identity",
            Check::Cells(_) => "cells",
            Check::Layout(_) => "layout",
            Check::Narrative(_) => "narrative",
            Check::Deadline(_) => "deadline",
            Check::Year(_) => "year",
            Check::CrossYear(_) => "cross-year",
        }
    }

    /// The tables the check reads, with where each is named in the rule file.
    pub fn table_refs(&self) -> Vec<&TableRef> {
        match self {
            Check::Identity(check) => vec![&check.table],
            Check::Cells(check) => check.tables.iter().collect(),
            Check::Layout(check) => check.tables.iter().collect(),
            Check::Narrative(check) => check
                .statements
                .iter()
                .map(|statement| &statement.table)
                .collect(),
            Check::CrossYear(check) => check.table_ref().into_iter().collect(),
            _ => Vec::new(),
        }
    }

    /// The rule patterns the check searches with.
    pub fn compiled_patterns(&self) -> Vec<&CompiledPattern> {
        match self {
            Check::Required(check) => check.patterns(),
            Check::Order(check) => check.patterns(),
            Check::Pattern(check) => check.patterns(),
            Check::Wording(check) => check.patterns(),
            Check::Nonempty(check) => check.patterns(),
            Check::Narrative(check) => check.patterns(),
            Check::Layout(check) => check.patterns(),
            Check::Identity(check) => check.patterns(),
            Check::CrossYear(check) => check.patterns(),
            Check::Period(_)
            | Check::Outline(_)
            | Check::Contact(_)
            | Check::Cells(_)
            | Check::Deadline(_)
            | Check::Year(_) => Vec::new(),
        }
    }

    /// Every regular expression the check searches report text with (after folding), for tools
    /// that want to compare ogilint with a plain text search.
    pub fn patterns(&self) -> Vec<String> {
        let mut patterns: Vec<String> = self
            .compiled_patterns()
            .iter()
            .map(|pattern| pattern.as_str().to_string())
            .collect();
        match self {
            Check::Period(_) => patterns.push(crate::document::period::KEYWORD_PATTERN.to_string()),
            Check::Contact(_) => patterns.extend(contact::patterns()),
            _ => {}
        }
        patterns
    }
}

impl Evaluate for Check {
    fn evaluate(&self, context: &Context<'_>, hits: &mut Vec<Hit>) {
        match self {
            Check::Required(check) => check.evaluate(context, hits),
            Check::Order(check) => check.evaluate(context, hits),
            Check::Outline(check) => check.evaluate(context, hits),
            Check::Pattern(check) => check.evaluate(context, hits),
            Check::Period(check) => check.evaluate(context, hits),
            Check::Contact(check) => check.evaluate(context, hits),
            Check::Wording(check) => check.evaluate(context, hits),
            Check::Nonempty(check) => check.evaluate(context, hits),
            Check::Identity(check) => check.evaluate(context, hits),
            Check::Cells(check) => check.evaluate(context, hits),
            Check::Layout(check) => check.evaluate(context, hits),
            Check::Narrative(check) => check.evaluate(context, hits),
            Check::Deadline(check) => check.evaluate(context, hits),
            Check::Year(check) => check.evaluate(context, hits),
            Check::CrossYear(check) => check.evaluate(context, hits),
        }
    }
}

/// A table named by a rule (resolved against the loaded `[[table]]` definitions at load time).
#[derive(Debug, Clone)]
pub struct TableRef {
    pub id: String,
    /// Where the rule names the table, for an error if no such table is defined.
    pub span: Range<usize>,
}

impl TableRef {
    /// From the rule file's `table = "…"`.
    pub fn from_raw(raw: &Spanned<String>) -> TableRef {
        TableRef {
            id: raw.get_ref().clone(),
            span: raw.span(),
        }
    }
}

/// The reference of every kind, in the order rule authors meet them, as Markdown.
pub fn reference_markdown() -> String {
    [
        required::REFERENCE,
        pattern::REFERENCE,
        period::REFERENCE,
        contact::REFERENCE,
        order::REFERENCE,
        outline::REFERENCE,
        wording::REFERENCE,
        nonempty::REFERENCE,
        identity::REFERENCE,
        cells::REFERENCE,
        layout::REFERENCE,
        narrative::REFERENCE,
        deadline::REFERENCE,
        year::REFERENCE,
        cross_year::REFERENCE,
        super::tables::REFERENCE,
    ]
    .join("\n")
}

/// A regex as written in a rule file, with its place there.
pub type RawPattern = Spanned<String>;

/// A rule pattern, folded like the text and validated when loaded; compiled on first use (and
/// once per distinct pattern), because compiling is most of a single-file run's start-up and many
/// patterns never run on a given report (2007-only rules on a 2019 report, say).
#[derive(Debug, Clone)]
pub struct CompiledPattern {
    /// As written in the rule file.
    pub source: String,
    /// As matched against normalised text.
    folded: String,
    /// Where the pattern is written in its rule file.
    pub span: Range<usize>,
    compiled: Arc<OnceLock<Regex>>,
    /// Whether the pattern uses `^` or `$`, which mean a line's edges only when the pattern is
    /// matched one line at a time (see [`LinePattern`]).
    line_anchored: bool,
    /// Searchers for the text the pattern stands for, if it is plain text (`本年新收`,
    /// `第二十条第\(一\)项`), a choice of plain texts (`信访|举报|投诉`) or plain text that ends what
    /// is matched (`不予公开$`): then substring searches, prepared once, answer
    /// [`CompiledPattern::is_match`] without the regex machinery, and the regex is never compiled
    /// for it. Row and section names are mostly such, matched against short labels many times over.
    plain: Option<Vec<PlainText>>,
}

/// One plain text a pattern stands for.
#[derive(Debug, Clone)]
enum PlainText {
    /// Anywhere in what is matched. (Boxed: a searcher is large beside the other variant.)
    Anywhere(Box<memmem::Finder<'static>>),
    /// At its end (`…$`).
    AtEnd(Vec<u8>),
}

impl PlainText {
    fn is_in(&self, text: &str) -> bool {
        match self {
            PlainText::Anywhere(finder) => finder.find(text.as_bytes()).is_some(),
            PlainText::AtEnd(literal) => text.as_bytes().ends_with(literal),
        }
    }

    /// The plain texts a pattern stands for: a literal, a literal before `$` (the end of what is
    /// matched, as the patterns are compiled without multi-line mode), or a choice of these.
    fn of(hir: &Hir) -> Option<Vec<PlainText>> {
        match hir.kind() {
            HirKind::Alternation(choices) => choices.iter().map(PlainText::one).collect(),
            _ => PlainText::one(hir).map(|plain| vec![plain]),
        }
    }

    fn one(hir: &Hir) -> Option<PlainText> {
        match hir.kind() {
            HirKind::Literal(literal) => Some(PlainText::Anywhere(Box::new(
                memmem::Finder::new(&literal.0).into_owned(),
            ))),
            HirKind::Concat(parts) => match parts.as_slice() {
                [literal, end] => match (literal.kind(), end.kind()) {
                    (HirKind::Literal(literal), HirKind::Look(Look::End)) => {
                        Some(PlainText::AtEnd(literal.0.to_vec()))
                    }
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        }
    }
}

impl CompiledPattern {
    /// The compiled regex.
    pub fn regex(&self) -> &Regex {
        self.compiled.get_or_init(|| {
            // Validated at load; a pattern too big to compile is reported there for user rules
            // (see `force`), and built-in ones are tested: this fallback never matches.
            compile_cached(&self.folded).unwrap_or_else(|_| NEVER.clone())
        })
    }

    /// Whether the pattern matches somewhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        match &self.plain {
            Some(plain) => plain.iter().any(|plain| plain.is_in(text)),
            None => self.regex().is_match(text),
        }
    }

    /// The compiled regex, for finding the lines it matches.
    pub fn line_pattern(&self) -> LinePattern<'_> {
        LinePattern {
            regex: self.regex(),
            anchored: self.line_anchored,
        }
    }

    /// The pattern as matched (folded).
    pub fn as_str(&self) -> &str {
        &self.folded
    }

    /// Compiles now, reporting a failure (used for user rule files, which get no tests).
    pub fn force(&self) -> Result<(), ParamError> {
        if self.compiled.get().is_some() {
            return Ok(());
        }
        let regex = compile_cached(&self.folded).map_err(|error| ParamError {
            span: self.span.clone(),
            message: format!("invalid regular expression: {error}"),
        })?;
        let _ = self.compiled.set(regex);
        Ok(())
    }
}

/// A regex that matches nothing.
static NEVER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b\B").expect("valid"));

/// A problem in a rule file, at a byte range of it.
#[derive(Debug, Clone)]
pub struct ParamError {
    pub span: Range<usize>,
    pub message: String,
}

/// Folds and validates a rule pattern; an error points at the pattern in the rule file.
pub fn compile(raw: &RawPattern) -> Result<CompiledPattern, ParamError> {
    let source = raw.get_ref();
    let error = |message: String| ParamError {
        span: raw.span(),
        message,
    };
    if source.is_empty() {
        return Err(error(
            "empty pattern: it would match everywhere".to_string(),
        ));
    }
    let folded = fold_pattern(source);
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(&folded)
        .map_err(|parse| error(format!("invalid regular expression: {parse}")))?;
    if hir.properties().minimum_len() == Some(0) {
        return Err(error(
            "this pattern matches the empty string, so it would match everywhere".to_string(),
        ));
    }
    Ok(CompiledPattern {
        source: source.clone(),
        folded,
        span: raw.span(),
        compiled: Arc::new(OnceLock::new()),
        line_anchored: hir.properties().look_set().contains_anchor(),
        plain: PlainText::of(&hir),
    })
}

/// Compiled regexes by pattern: the same pattern in several rules (a section name in `order`,
/// `wording` and `nonempty`) is compiled once. Compiling dominates start-up, which every
/// pre-commit run pays.
static COMPILED: LazyLock<Mutex<HashMap<String, Regex>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

fn compile_cached(pattern: &str) -> Result<Regex, regex::Error> {
    if let Some(regex) = COMPILED
        .lock()
        .ok()
        .and_then(|cache| cache.get(pattern).cloned())
    {
        return Ok(regex);
    }
    let regex = regex::RegexBuilder::new(pattern)
        .size_limit(8 << 20)
        .dfa_size_limit(8 << 20)
        .build()?;
    if let Ok(mut cache) = COMPILED.lock() {
        cache.insert(pattern.to_string(), regex.clone());
    }
    Ok(regex)
}

/// Compiles a list of patterns, collecting every error.
pub fn compile_all(raw: &[RawPattern], errors: &mut Vec<ParamError>) -> Vec<CompiledPattern> {
    raw.iter()
        .filter_map(|pattern| compile(pattern).map_err(|error| errors.push(error)).ok())
        .collect()
}

/// Whether any pattern matches one of `lines` of `text` that `accept` takes (by index), each line
/// matched on its own (see [`LinePattern::first_line`]).
pub fn any_line_matches(
    patterns: &[CompiledPattern],
    text: &str,
    lines: &[Line],
    accept: impl Fn(usize) -> bool,
) -> bool {
    patterns.iter().any(|pattern| {
        pattern
            .line_pattern()
            .first_line(text, lines, &accept)
            .is_some()
    })
}

/// Whether any pattern matches `text`.
pub fn any_match(patterns: &[CompiledPattern], text: &str) -> bool {
    patterns.iter().any(|pattern| pattern.is_match(text))
}

#[cfg(test)]
mod tests {
    use super::{compile, RawPattern};

    fn pattern(source: &str) -> super::CompiledPattern {
        let raw = RawPattern::new(0..source.len(), source.to_string());
        compile(&raw).expect("valid pattern")
    }

    #[test]
    fn plain_text_patterns_match_like_their_regex() {
        let texts = [
            "第二十条第(一)项",
            "依据第二十条第(二)项",
            "本年新收",
            "新收",
            "三、本年度办理结果/(三)不予公开/",
            "三、本年度办理结果/(三)不予公开",
            "不予公开\n",
            "上年结转",
        ];
        for source in [
            r"第二十条第\(一\)项",
            "本年新收",
            "不予公开/",
            "办理结果/.*公开",
            "新收|结转",
            "不予公开$",
            "不予公开$|新收",
            "^不予公开",
            "(?m)不予公开$",
        ] {
            let compiled = pattern(source);
            for text in texts {
                assert_eq!(
                    compiled.is_match(text),
                    compiled.regex().is_match(text),
                    "{source} on {text}"
                );
            }
        }
        for plain in [
            r"第二十条第\(一\)项",
            "新收|结转",
            "不予公开$",
            "不予公开$|新收",
        ] {
            assert!(pattern(plain).plain.is_some(), "{plain}");
        }
        for regex in ["办理结果/.*公开", "^不予公开", "(?m)不予公开$"] {
            assert!(pattern(regex).plain.is_none(), "{regex}");
        }
    }
}

//! Where a finding is, in each of the shapes the formats write it: `line:column` and
//! `file:line:column` (what editors and compilers print), the place a reader looks for (a PDF's
//! page and line, a Word paragraph or cell), and a span's start and end (for annotations).
//! Lines and columns are 1-based; columns count characters, not bytes.

use std::fmt;

use crate::engine::{Finding, Span};

/// A span's start as `line:column`, after `file:` when there is a file.
struct Start<'a> {
    file: Option<&'a str>,
    span: &'a Span,
}

impl fmt::Display for Start<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = self.file {
            write!(f, "{file}:")?;
        }
        write!(f, "{}:{}", self.span.line, self.span.column)
    }
}

/// `line:column` of a span's start.
pub fn line_column(span: &Span) -> impl fmt::Display + '_ {
    Start { file: None, span }
}

/// `file:line:column` of a span's start.
pub fn file_line_column<'a>(file: &'a str, span: &'a Span) -> impl fmt::Display + 'a {
    Start {
        file: Some(file),
        span,
    }
}

/// Where a reader finds a finding: a PDF's page and line or a Word paragraph or cell when the
/// reader knows it, else the line and column of the file.
pub fn place(finding: &Finding, english: bool) -> String {
    match &finding.location {
        Some(location) => location.describe(english),
        None => line_column(&finding.span).to_string(),
    }
}

/// A span's start and the position just after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl Region {
    /// The region of `span` in `source`, the text the span's `text_end` indexes.
    pub fn of(span: &Span, source: &str) -> Region {
        let (end_line, end_column) = end_position(source, span.text_end);
        Region {
            line: span.line,
            column: span.column,
            end_line,
            end_column,
        }
    }
}

/// 1-based line and character column of the position *after* a span (`end` is a byte offset).
fn end_position(source: &str, end: usize) -> (usize, usize) {
    let end = end.min(source.len());
    let before = &source[..end];
    let line_start = before.rfind('\n').map_or(0, |index| index + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `报告` on the second line, at its third character.
    fn span() -> Span {
        let source = "第一行\n年度报告";
        let start = source.find("报告").unwrap_or_default();
        Span {
            start,
            end: start + "报告".len(),
            line: 2,
            column: 3,
            text_start: start,
            text_end: start + "报告".len(),
        }
    }

    #[test]
    fn writes_a_start_with_and_without_the_file() {
        assert_eq!(line_column(&span()).to_string(), "2:3");
        assert_eq!(
            file_line_column("年报/2023.txt", &span()).to_string(),
            "年报/2023.txt:2:3"
        );
    }

    #[test]
    fn ends_after_the_last_character_counted_in_characters() {
        assert_eq!(
            Region::of(&span(), "第一行\n年度报告"),
            Region {
                line: 2,
                column: 3,
                end_line: 2,
                end_column: 5,
            }
        );
    }
}

//! `--format human`: miette diagnostics, one per finding, each underlining the original text.
//!
//! miette's header shows `file:line:column` with a *byte* column; ogilint's columns count
//! characters everywhere, so the source handed to miette reports character columns itself.

use std::fmt;
use std::sync::Arc;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

use super::location::file_line_column;
use super::{InputFailure, Piece, Stream, Summary};
use crate::engine::{FileReport, Finding};
use crate::rules::load::RuleError;
use crate::rules::{Lang, Severity};
use crate::text::{ceil_char_boundary, floor_char_boundary};

/// How diagnostics are drawn.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    /// ASCII art only, for terminals that draw box characters at the wrong width.
    pub ascii: bool,
    pub width: usize,
    pub lang: Lang,
}

/// A file's text as miette sees it, reporting columns in characters.
///
/// Report paragraphs are often hundreds of characters long. When the labelled line (or a context
/// line) is longer than [`LONG_LINE_CHARS`], only a window of the labelled line around the span is
/// shown: a real slice of the file, so every underline still sits on the original characters.
struct CharColumnSource {
    name: String,
    text: Arc<str>,
}

const LONG_LINE_CHARS: usize = 60;
const WINDOW_CHARS: usize = 20;

impl CharColumnSource {
    fn char_column(&self, offset: usize) -> usize {
        let line_start = self.text[..offset].rfind('\n').map_or(0, |index| index + 1);
        self.text[line_start..offset].chars().count()
    }

    fn contents<'a>(&'a self, start: usize, end: usize) -> Box<dyn SpanContents<'a> + 'a> {
        let data = &self.text[start..end];
        Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            data.as_bytes(),
            (start, end - start).into(),
            self.text[..start].matches('\n').count(),
            self.char_column(start),
            data.matches('\n').count() + 1,
        ))
    }
}

fn has_long_line(data: &[u8]) -> bool {
    String::from_utf8_lossy(data)
        .lines()
        .any(|line| line.chars().count() > LONG_LINE_CHARS)
}

impl SourceCode for CharColumnSource {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text: &str = &self.text;
        let full = text.read_span(span, context_lines_before, context_lines_after)?;
        if !has_long_line(full.data()) {
            // miette cuts its context by bytes: a zero-width label before a Chinese character
            // ends it inside that character, so widen it to whole characters.
            let start = full.span().offset().min(text.len());
            let end = (start + full.span().len()).min(text.len());
            return Ok(self.contents(
                floor_char_boundary(text, start),
                ceil_char_boundary(text, end),
            ));
        }
        let start = span.offset().min(text.len());
        let end = (start + span.len()).min(text.len());
        let line_start = text[..start].rfind('\n').map_or(0, |index| index + 1);
        let line_end = text[end..]
            .find('\n')
            .map_or(text.len(), |index| end + index);
        let window_start = text[line_start..start]
            .char_indices()
            .rev()
            .nth(WINDOW_CHARS - 1)
            .map_or(line_start, |(index, _)| line_start + index);
        let window_end = text[end..line_end]
            .char_indices()
            .nth(WINDOW_CHARS)
            .map_or(line_end, |(index, _)| end + index);
        // Keep the line break: a zero-width label at the end of the line needs a place to stand.
        let window_end = if window_end == line_end && line_end < text.len() {
            line_end + 1
        } else {
            window_end
        };
        Ok(self.contents(window_start, window_end))
    }
}

struct FindingDiagnostic<'a> {
    finding: &'a Finding,
    source: &'a CharColumnSource,
    help: String,
}

impl fmt::Debug for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FindingDiagnostic")
            .field("rule", &self.finding.rule)
            .finish()
    }
}

impl fmt::Display for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl std::error::Error for FindingDiagnostic<'_> {}

impl Diagnostic for FindingDiagnostic<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.finding.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.help))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.finding.span;
        let primary = LabeledSpan::new_primary_with_span(
            Some(self.finding.label.clone()),
            span.text_start..span.text_end,
        );
        // The other cells of a broken identity are underlined too, without a label.
        let related = self
            .finding
            .related
            .iter()
            .map(|span| LabeledSpan::new_with_span(None, span.text_start..span.text_end));
        Some(Box::new(std::iter::once(primary).chain(related)))
    }
}

fn help_text(report: &FileReport, finding: &Finding, lang: Lang) -> String {
    let mut help = finding.help.clone();
    if !finding.basis.is_empty() {
        let label = match lang {
            Lang::Zh => "依据",
            Lang::En => "basis",
        };
        help.push_str(&format!("\n{label}: {}", finding.basis.join("; ")));
    }
    if let Some(location) = &finding.location {
        help.push_str(&match lang {
            Lang::Zh => format!("\n位置: {}", location.describe(false)),
            Lang::En => format!("\nin Word: {}", location.describe(true)),
        });
    }
    for related in &finding.related_files {
        let place = format!(
            "{} “{}”",
            file_line_column(&related.file, &related.span),
            related.text
        );
        help.push_str(&match lang {
            Lang::Zh => format!("\n上年报告: {place}"),
            Lang::En => format!("\nlast year's report: {place}"),
        });
    }
    if report.documents.len() > 1 {
        let document = &report.documents[finding.document];
        let title = document.title.as_deref().unwrap_or("");
        help.push_str(&match lang {
            Lang::Zh => format!("\n所在报告: 第{}篇 {}", finding.document + 1, title),
            Lang::En => format!("\nreport: #{} {}", finding.document + 1, title),
        });
    }
    help
}

/// The human format: miette diagnostics, then the summary line.
pub struct Human {
    pub style: Style,
    /// Print the summary line at the end.
    pub summary: bool,
}

impl Stream for Human {
    fn piece(&self, report: &FileReport) -> Piece {
        Piece {
            items: vec![render_file(report, self.style).into_bytes()],
            side: Vec::new(),
        }
    }

    fn footer(&self, summary: &Summary, _failures: &[InputFailure]) -> (String, String) {
        summary.footer(self.style.lang, self.summary)
    }
}

/// Renders every finding of a file.
pub fn render_file(report: &FileReport, style: Style) -> String {
    let handler = handler(style);
    let source = CharColumnSource {
        name: report.name.clone(),
        text: report.source.clone(),
    };
    let mut out = String::new();
    for finding in &report.findings {
        let diagnostic = FindingDiagnostic {
            finding,
            source: &source,
            help: help_text(report, finding, style.lang),
        };
        // Rendering into a String only fails if a Display impl fails; ours do not.
        if handler.render_report(&mut out, &diagnostic).is_err() {
            out.push_str(&format!("{}: {}\n", finding.rule, finding.message));
        }
        out.push('\n');
    }
    out
}

/// A rule-file error as a diagnostic pointing into the rule file.
struct RuleErrorDiagnostic<'a> {
    error: &'a RuleError,
    source: CharColumnSource,
}

impl fmt::Debug for RuleErrorDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RuleErrorDiagnostic")
            .field("origin", &self.error.origin)
            .finish()
    }
}

impl fmt::Display for RuleErrorDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid rule file {}: {}",
            self.error.origin, self.error.message
        )
    }
}

impl std::error::Error for RuleErrorDiagnostic<'_> {}

impl Diagnostic for RuleErrorDiagnostic<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new("ogilint::rules"))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.error
            .span
            .as_ref()
            .map(|_| &self.source as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.error.span.clone()?;
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(Some("here".to_string()), span),
        )))
    }
}

/// Renders an invalid rule file's error, pointing at the line in the TOML file.
pub fn render_rule_error(error: &RuleError, style: Style) -> String {
    let diagnostic = RuleErrorDiagnostic {
        error,
        source: CharColumnSource {
            name: error.origin.clone(),
            text: Arc::from(error.source_text.as_ref()),
        },
    };
    let mut out = String::new();
    if handler(style).render_report(&mut out, &diagnostic).is_err() {
        out = diagnostic.to_string();
    }
    out
}

fn handler(style: Style) -> GraphicalReportHandler {
    let theme = match (style.ascii, style.color) {
        (true, _) => GraphicalTheme::none(),
        (false, true) => GraphicalTheme::unicode(),
        (false, false) => GraphicalTheme::unicode_nocolor(),
    };
    GraphicalReportHandler::new_themed(theme).with_width(style.width)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_before_a_chinese_character_takes_the_whole_character() {
        let source = CharColumnSource {
            name: "report.txt".to_string(),
            text: Arc::from("某市人民政府\n2024年政府信息公开工作年度报告\n"),
        };
        for (context, shown) in [
            (0, "某"),
            (1, "某市人民政府\n2024年政府信息公开工作年度报告\n"),
        ] {
            let contents = source
                .read_span(&SourceSpan::from((0, 0)), context, context)
                .expect("a span inside the text");
            assert_eq!(std::str::from_utf8(contents.data()), Ok(shown));
        }
    }
}

//! `--format csv`: one row per finding, for a spreadsheet. UTF-8 with a byte-order mark, so that
//! Excel opens the Chinese text as UTF-8; fields quoted as RFC 4180 says (a field holding a comma,
//! a quote or a line break is quoted, its quotes doubled); lines end with CRLF.

use super::location::place;
use super::{Piece, Stream};
use crate::engine::FileReport;
use crate::rules::Lang;

/// The CSV format.
pub struct Csv {
    /// The language of the header row (the messages are in the run's language already).
    pub lang: Lang,
}

/// Appends one field, quoted when it must be.
fn field(out: &mut String, text: &str) {
    if text.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

fn row(fields: &[&str]) -> String {
    let mut out = String::new();
    for (index, text) in fields.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        field(&mut out, text);
    }
    out.push_str("\r\n");
    out
}

impl Stream for Csv {
    fn header(&self) -> String {
        let names: [&str; 8] = match self.lang {
            Lang::Zh => [
                "发布机关",
                "报告年度",
                "文件",
                "报告",
                "页/行",
                "规则",
                "级别",
                "问题",
            ],
            Lang::En => [
                "issuer",
                "report year",
                "file",
                "document",
                "page/line",
                "rule",
                "severity",
                "message",
            ],
        };
        format!("\u{FEFF}{}", row(&names))
    }

    fn piece(&self, report: &FileReport) -> Piece {
        let english = self.lang == Lang::En;
        let items = report
            .findings
            .iter()
            .map(|finding| {
                let document = report.documents.get(finding.document);
                let issuer = document
                    .and_then(|document| document.issuer.as_deref())
                    .unwrap_or("");
                let year = document
                    .and_then(|document| document.report_year.as_ref())
                    .map(|year| year.year.to_string())
                    .unwrap_or_default();
                let place = place(finding, english);
                row(&[
                    issuer,
                    &year,
                    &report.name,
                    &(finding.document + 1).to_string(),
                    &place,
                    &finding.rule,
                    finding.severity.as_str(),
                    &finding.message,
                ])
                .into_bytes()
            })
            .collect();
        Piece {
            items,
            side: Vec::new(),
        }
    }
}

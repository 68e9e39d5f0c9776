//! `contact`: the report tells readers how to reach the office — at least a phone number or an
//! e-mail address (`any-of` chooses which kinds of contact satisfy the rule). Addresses and
//! postcodes are recognised too.

/// The kind's reference for rule authors (`docs/authoring.md`, `ogilint rules --kinds-reference`).
pub const REFERENCE: &str = r#"### `contact` — contact details

```toml
[rule.contact]
any-of = ["phone", "email"]   # also "address", "postcode"
```

Fires once per report when none of the listed kinds of contact detail appears in the report's text
(page chrome does not count). A phone number needs a number (`电话:0571-87654321`, `0571—87654321`
with any dash, `(0571)87654321`, `4232334` after `电话`); the words `联系方式` alone are not one. A
label or number broken over two lines (`联系电` ⏎ `话:…`, `0571-` ⏎ `87654321`) counts.
"#;

use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;

use super::{Context, Evaluate, Hit};
use crate::document::lines::{Line, LineKind, LinePattern};

/// A kind of contact detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ContactKind {
    Phone,
    Email,
    Address,
    Postcode,
}

/// `[rule.contact]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    /// Which contact details satisfy the rule (default: phone or e-mail).
    #[serde(default)]
    pub any_of: Option<Vec<ContactKind>>,
}

/// A compiled `contact` check.
#[derive(Debug, Clone)]
pub struct Contact {
    any_of: Vec<ContactKind>,
}

impl Params {
    /// The check (nothing to validate beyond the TOML types).
    pub fn compile(&self) -> Contact {
        Contact {
            any_of: self
                .any_of
                .clone()
                .unwrap_or_else(|| vec![ContactKind::Phone, ContactKind::Email]),
        }
    }
}

/// A phone number after a word that announces it (`电话`, `联系方式`, or `联系:` as in `请联系:` and
/// the number): with an area code before a dash of any kind
/// (`0XXX-`, `0XXX—`, full-width `－` folds to `-`) or in brackets, or without one (7–8 digits).
const ANNOUNCED_PHONE_PATTERN: &str = concat!(
    r"(?:电话|热线|传真|联系方式|联系:|手机|[Tt][Ee][Ll])[^0-9。;]{0,8}",
    r"(?:(?:0[0-9]{2,3} ?[-‐‑‒–—―−]{1,2} ?|\(0[0-9]{2,3}\))?[0-9]{7,8}|0[0-9]{9,11}|1[3-9][0-9]{9}|12[0-9]{3})",
);
/// A number with an area code, wherever it is. A pattern of its own rather than a branch of the
/// one above: alone, it is found by looking for its `-`, where the alternation of the two would
/// have to be run over every character of the report (and so it takes only the ASCII dash, that
/// literal; other dashes are found after a label). The digits must end there, so that a longer run
/// of digits is not taken for a phone; the `$` is met by a line's end as well as by its line break.
const AREA_CODE_PHONE_PATTERN: &str = r"0[0-9]{2,3}-[0-9]{7,8}(?:[^0-9]|$)";
const EMAIL_PATTERN: &str = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+";
const ADDRESS_PATTERN: &str = r"(?:地址|通讯地址)(?:[:]|为|在)[^;,。)、]{4,}";
const POSTCODE_PATTERN: &str = r"(?:邮编|邮政编码)[:]?[0-9]{6}";

/// Each detector is compiled on first use: a report whose phone number is found never compiles
/// the others, and the address and postcode ones run only where a rule asks for them (compiling
/// is most of a single-file run).
static DETECTORS: [(ContactKind, LazyLock<Regex>); 5] = [
    (
        ContactKind::Phone,
        LazyLock::new(|| compile(ANNOUNCED_PHONE_PATTERN)),
    ),
    (
        ContactKind::Phone,
        LazyLock::new(|| compile(AREA_CODE_PHONE_PATTERN)),
    ),
    (ContactKind::Email, LazyLock::new(|| compile(EMAIL_PATTERN))),
    (
        ContactKind::Address,
        LazyLock::new(|| compile(ADDRESS_PATTERN)),
    ),
    (
        ContactKind::Postcode,
        LazyLock::new(|| compile(POSTCODE_PATTERN)),
    ),
];

fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).expect("contact pattern is valid")
}

/// The patterns contact details are recognised by.
pub fn patterns() -> Vec<String> {
    [
        ANNOUNCED_PHONE_PATTERN,
        AREA_CODE_PHONE_PATTERN,
        EMAIL_PATTERN,
        ADDRESS_PATTERN,
        POSTCODE_PATTERN,
    ]
    .iter()
    .map(|pattern| pattern.to_string())
    .collect()
}

/// Characters a line may end with when a contact detail goes on in the next line: a label's
/// first characters (`联系电` ⏎ `话:`), its colon, an area code's dash, an e-mail's `@`.
const BROKEN_CONTACT_ENDS: &[char] = &[
    ':', '(', '@', '-', '‐', '‑', '‒', '–', '—', '―', '−', '电', '话', '传', '真', '热', '线',
    '手', '机', '联', '系', '方', '式', '邮', '箱', '编', '地', '址', '子',
];

impl Contact {
    /// Whether a contact detail is found across a line break: printed reports break a label
    /// (`联系电` ⏎ `话:…`) or a number (`0XXX-` ⏎ `XXXXXXX`) over two or three lines. Only
    /// lines of text that end the way such a break does are joined with the next two, so a report
    /// without contact details pays one look at each line's last character.
    fn found_across_line_breaks(&self, context: &Context<'_>) -> bool {
        let lines: Vec<&Line> = context
            .document
            .lines
            .iter()
            .filter(|line| line.kind.is_report_text())
            .collect();
        let words = |line: &Line| context.text[line.range.clone()].trim();
        (0..lines.len()).any(|index| {
            let Some(last) = words(lines[index]).chars().next_back() else {
                return false;
            };
            let next_starts_a_number = lines.get(index + 1).is_some_and(|next| {
                words(next).starts_with(|c: char| c.is_ascii_digit() || c == '-')
            });
            let broken = lines[index].kind != LineKind::TableRow
                && (BROKEN_CONTACT_ENDS.contains(&last)
                    || ((last.is_ascii_digit() || last == ')') && next_starts_a_number));
            if !broken {
                return false;
            }
            let joined: String = lines[index..lines.len().min(index + 3)]
                .iter()
                .map(|line| words(line))
                .collect();
            DETECTORS
                .iter()
                .filter(|(kind, _)| self.any_of.contains(kind))
                .any(|(_, regex)| regex.is_match(&joined))
        })
    }
}

impl Evaluate for Contact {
    fn evaluate(&self, context: &Context<'_>, hits: &mut Vec<Hit>) {
        let document = context.document;
        // One search per kind over the whole report, rather than every detector on every line.
        let found = DETECTORS
            .iter()
            .filter(|(kind, _)| self.any_of.contains(kind))
            .any(|(_, regex)| {
                // The detectors use no `^`, and a `$` only where a line break would do as well.
                let pattern = LinePattern {
                    regex,
                    anchored: false,
                };
                pattern
                    .first_line(context.text, &document.lines, |index| {
                        document.lines[index].kind.is_report_text()
                    })
                    .is_some()
            });
        if !found && !self.found_across_line_breaks(context) {
            hits.push(Hit::missing_at(document.intro_anchor()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(line: &str) -> Vec<ContactKind> {
        DETECTORS
            .iter()
            .filter(|(_, regex)| regex.is_match(line))
            .map(|(kind, _)| *kind)
            .fold(Vec::new(), |mut kinds, kind| {
                if !kinds.contains(&kind) {
                    kinds.push(kind);
                }
                kinds
            })
    }

    #[test]
    fn recognises_contact_details() {
        assert_eq!(kinds("联系电话:4232334。"), vec![ContactKind::Phone]);
        assert_eq!(
            kinds("公布监督电话(0473-2024747)"),
            vec![ContactKind::Phone]
        );
        assert_eq!(
            kinds("(地址:绵阳市顺河前街14号;邮编:621000;联系电话:08162232710;电子邮箱hbjweb@my.gov.cn)"),
            vec![ContactKind::Phone, ContactKind::Email, ContactKind::Address, ContactKind::Postcode]
        );
        assert!(kinds("单位组织机构、办公地址、联系方式、投诉电话等情况").is_empty());
        assert_eq!(kinds("0571-87654321"), vec![ContactKind::Phone]);
        assert_eq!(kinds("咨询热线12345"), vec![ContactKind::Phone]);
        assert!(kinds("2019-2020年度").is_empty());
    }

    #[test]
    fn recognises_phone_numbers_in_the_shapes_reports_write_them() {
        for line in [
            "联系电话:0406—7158260",
            "电话:0406–7158260;",
            "电话:0406 - 7158260",
            "电话:(0406)7158260",
            "(电话:7158260)",
            "如对本报告有任何疑问,请联系:86552285。",
            "0406-7158260",
        ] {
            assert_eq!(kinds(line), vec![ContactKind::Phone], "{line}");
        }
    }

    #[test]
    fn never_takes_a_number_that_is_not_a_phone_for_one() {
        for line in [
            "地址:某市某路8号,邮编:621000。",
            "索引号:11330100/2024-001234567",
            "某政办发〔2024〕12号",
            "统计期限为2024年1月1日至2024年12月31日",
            "全年接听咨询电话356次",
            "联系群众:走访12户",
            "2023—2024年度",
        ] {
            let found = kinds(line);
            assert!(!found.contains(&ContactKind::Phone), "{line}: {found:?}");
        }
    }
}

//! Front matter: the YAML tree of one file checked against the contract in
//! `docs/content-format.md`, every problem reported, none hidden behind another.
//!
//! Values are read as follows:
//! - every scalar is text as written: `number: 176` is `"176"`, `date:
//!   2021-06-15` is `"2021-06-15"`; a plain empty value, `~` or `null` is
//!   empty;
//! - text is trimmed and put in Unicode NFC (so that a title typed with
//!   combining accents and one typed with precomposed letters are equal);
//!   a control character other than tab, including a line break, is an error;
//!   Unicode spaces (tab, U+00A0, U+202F, U+3000 ...) are plain spaces and
//!   invisible format characters (U+200B, U+00AD, U+FEFF) are dropped;
//! - an empty optional field is the same as an absent one; an empty required
//!   field is an error;
//! - list fields must be lists (`topics: [Covid-19]`), even with one item.

use super::yaml::{Node, Value};
use crate::diagnostics::Diagnostic;
use crate::document::Signer;
use chrono::NaiveDate;
use std::path::Path;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Every field the contract allows, in its order.
pub(crate) const FIELDS: [&str; 18] = [
    "number",
    "type",
    "title",
    "issuer",
    "date",
    "place",
    "signers",
    "recipients",
    "distribution",
    "attachments",
    "references",
    "topics",
    "source",
    "aliases",
    "effective",
    "status",
    "status_since",
    "status_by",
];

const REQUIRED: [(&str, &str); 5] = [
    ("number", "số, ký hiệu"),
    ("type", "loại văn bản"),
    ("title", "trích yếu"),
    ("issuer", "cơ quan ban hành"),
    ("date", "ngày ban hành"),
];

const SIGNER_FIELDS: [&str; 3] = ["name", "position", "authority"];

/// Names people reach for, folded to ASCII, and the field they mean.
const SYNONYMS: [(&str, &str); 16] = [
    ("so", "number"),
    ("so hieu", "number"),
    ("so ky hieu", "number"),
    ("loai", "type"),
    ("loai van ban", "type"),
    ("trich yeu", "title"),
    ("co quan ban hanh", "issuer"),
    ("ngay", "date"),
    ("ngay ban hanh", "date"),
    ("dia danh", "place"),
    ("nguoi ky", "signers"),
    ("kinh gui", "recipients"),
    ("noi nhan", "distribution"),
    ("tags", "topics"),
    ("chu de", "topics"),
    ("nguon", "source"),
];

/// The checked front matter of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FrontMatter {
    pub number: String,
    /// The file line of the `number` key, for messages about the identity.
    pub number_line: usize,
    pub doc_type: String,
    pub title: String,
    pub issuer: String,
    pub date: NaiveDate,
    pub place: Option<String>,
    pub signers: Vec<Signer>,
    pub recipients: Vec<String>,
    pub distribution: Vec<String>,
    pub attachments: Vec<String>,
    pub references: Vec<String>,
    pub topics: Vec<String>,
    pub source: Option<String>,
    pub aliases: Vec<String>,
    pub hand: crate::document::HandValidity,
}

/// Checks the YAML tree `root` of `file`. YAML line 1 is file line 2;
/// `text` is the whole file, for the lines shown under messages.
pub(crate) fn check(
    root: Option<&Node>,
    file: &Path,
    text: &str,
) -> Result<FrontMatter, Vec<Diagnostic>> {
    let mut checker = Checker {
        file,
        text,
        errors: Vec::new(),
    };
    let fields = checker.fields(root);
    match (checker.errors.is_empty(), fields) {
        (true, Some(fm)) => Ok(fm),
        _ => Err(checker.errors),
    }
}

struct Checker<'a> {
    file: &'a Path,
    text: &'a str,
    errors: Vec<Diagnostic>,
}

/// The values found so far, by field.
#[derive(Default)]
struct Found {
    keys: [Option<usize>; FIELDS.len()],
    number: Option<String>,
    doc_type: Option<String>,
    title: Option<String>,
    issuer: Option<String>,
    date: Option<NaiveDate>,
    place: Option<String>,
    signers: Vec<Signer>,
    lists: [Vec<String>; 6],
    source: Option<String>,
    hand: crate::document::HandValidity,
}

impl Checker<'_> {
    /// Records an error at a YAML node.
    fn at(&mut self, node: &Node, field: &str, message: impl Into<String>) {
        self.at_pos(node.line + 1, node.column, field, message);
    }

    fn at_pos(&mut self, line: usize, column: usize, field: &str, message: impl Into<String>) {
        self.errors.push(
            Diagnostic::error(self.file, line, message)
                .field(field)
                .column(column)
                .with_source(self.text),
        );
    }

    fn fields(&mut self, root: Option<&Node>) -> Option<FrontMatter> {
        let entries: &[(Node, Node)] = match root {
            None => &[],
            Some(Node {
                value: Value::Map(entries),
                ..
            }) => entries,
            Some(other) => {
                self.errors.push(
                    Diagnostic::error(
                        self.file,
                        other.line + 1,
                        format!(
                            "front matter phải là một bảng khóa–giá trị (mỗi dòng `tên: giá trị`), \
                             không phải {}",
                            other.value.kind_name()
                        ),
                    )
                    .column(other.column)
                    .with_source(self.text),
                );
                return None;
            }
        };
        let mut found = Found::default();
        for (key, value) in entries {
            let Some(name) = self.key_name(key, "front matter") else {
                continue;
            };
            let Some(index) = FIELDS.iter().position(|f| *f == name) else {
                let message = unknown_field_message(name, &FIELDS);
                self.at(key, name, message);
                continue;
            };
            if let Some(first) = found.keys[index] {
                self.at(
                    key,
                    name,
                    format!("khóa `{name}` bị lặp lại; lần đầu ở dòng {first}"),
                );
                continue;
            }
            found.keys[index] = Some(key.line + 1);
            self.field(&mut found, index, key, value);
        }
        for (index, (name, label)) in REQUIRED.iter().enumerate() {
            if found.keys[index].is_none() {
                self.at_pos(
                    1,
                    0,
                    name,
                    format!("thiếu trường bắt buộc `{name}` ({label})"),
                );
            }
        }
        let [
            recipients,
            distribution,
            attachments,
            references,
            topics,
            aliases,
        ] = found.lists;
        Some(FrontMatter {
            number: found.number?,
            number_line: found.keys[0].unwrap_or(1),
            doc_type: found.doc_type?,
            title: found.title?,
            issuer: found.issuer?,
            date: found.date?,
            place: found.place,
            signers: found.signers,
            recipients,
            distribution,
            attachments,
            references,
            topics,
            source: found.source,
            aliases,
            hand: found.hand,
        })
    }

    /// The text of a mapping key, or an error when it is not text.
    fn key_name<'n>(&mut self, key: &'n Node, context: &str) -> Option<&'n str> {
        match &key.value {
            Value::Text(name) => Some(name),
            other => {
                let message = format!(
                    "khóa trong {context} phải là một tên, không phải {}",
                    other.kind_name()
                );
                self.at(key, context, message);
                None
            }
        }
    }

    fn field(&mut self, found: &mut Found, index: usize, key: &Node, value: &Node) {
        let name = FIELDS[index];
        match name {
            "number" => {
                found.number = self
                    .required_text(name, key, value)
                    .filter(|n| self.number_ok(value, n));
            }
            "type" => found.doc_type = self.required_text(name, key, value),
            "title" => found.title = self.required_text(name, key, value),
            "issuer" => found.issuer = self.required_text(name, key, value),
            "date" => {
                found.date = self
                    .required_text(name, key, value)
                    .and_then(|raw| match parse_date(&raw) {
                        Ok(date) => Some(date),
                        Err(message) => {
                            self.at(value, name, message);
                            None
                        }
                    });
            }
            "place" => found.place = self.optional_text(name, value),
            "source" => {
                found.source = self
                    .optional_text(name, value)
                    .filter(|s| self.source_ok(value, s));
            }
            "signers" => found.signers = self.signers(value),
            "effective" | "status_since" => {
                let date = self
                    .optional_text(name, value)
                    .and_then(|raw| match parse_date(&raw) {
                        Ok(date) => Some(date),
                        Err(message) => {
                            self.at(value, name, message);
                            None
                        }
                    });
                if name == "effective" {
                    found.hand.effective = date;
                } else {
                    found.hand.since = date;
                }
            }
            "status" => {
                let state = self.optional_text(name, value);
                match state {
                    Some(s) if crate::document::HandValidity::STATES.contains(&s.as_str()) => {
                        found.hand.status = Some(s)
                    }
                    Some(s) => self.at(
                        value,
                        name,
                        format!(
                            "`status` phải là một trong {}, không phải `{s}`",
                            crate::document::HandValidity::STATES.join(", ")
                        ),
                    ),
                    None => {}
                }
            }
            "status_by" => found.hand.by = self.text_list(name, value),
            _ => {
                let slot = match name {
                    "recipients" => 0,
                    "distribution" => 1,
                    "attachments" => 2,
                    "references" => 3,
                    "topics" => 4,
                    _ => 5,
                };
                found.lists[slot] = self.text_list(name, value);
            }
        }
    }

    /// A required text field; `None` (with an error) when empty or not text.
    fn required_text(&mut self, field: &str, key: &Node, value: &Node) -> Option<String> {
        let text = self.text(field, value)?;
        if text.is_empty() {
            // An empty value has no position of its own: point at the key.
            let at = if matches!(value.value, Value::Null) {
                key
            } else {
                value
            };
            self.at(
                at,
                field,
                format!("`{field}` là trường bắt buộc nhưng để trống"),
            );
            return None;
        }
        Some(text)
    }

    fn optional_text(&mut self, field: &str, value: &Node) -> Option<String> {
        self.text(field, value).filter(|t| !t.is_empty())
    }

    /// The cleaned text of a scalar: `Some("")` for an empty one, `None`
    /// (with an error unless null) when it is not usable text.
    fn text(&mut self, field: &str, value: &Node) -> Option<String> {
        match &value.value {
            Value::Null => Some(String::new()),
            Value::Text(raw) => match clean(raw) {
                Ok(text) => Some(text),
                Err(message) => {
                    self.at(value, field, message);
                    None
                }
            },
            other => {
                let message = format!("phải là chuỗi, không phải {}", other.kind_name());
                self.at(value, field, message);
                None
            }
        }
    }

    /// A list of texts; `aliases` are also checked to stay inside the site.
    fn text_list(&mut self, field: &str, value: &Node) -> Vec<String> {
        let items = match &value.value {
            Value::Null => return Vec::new(),
            Value::List(items) => items,
            Value::Text(_) => {
                self.at(
                    value,
                    field,
                    format!(
                        "phải là danh sách, kể cả khi chỉ có một mục: viết `{field}: [giá trị]` \
                         hoặc mỗi mục một dòng bắt đầu bằng `- `"
                    ),
                );
                return Vec::new();
            }
            Value::Map(_) => {
                self.at(
                    value,
                    field,
                    "phải là danh sách, không phải bảng khóa–giá trị",
                );
                return Vec::new();
            }
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match self.text(field, item) {
                None => {}
                Some(text) if text.is_empty() => {
                    self.at(item, field, format!("mục thứ {} trống", i + 1));
                }
                Some(text) if field != "aliases" || self.alias_ok(item, &text) => out.push(text),
                Some(_) => {}
            }
        }
        out
    }

    fn signers(&mut self, value: &Node) -> Vec<Signer> {
        const FIELD: &str = "signers";
        let items = match &value.value {
            Value::Null => return Vec::new(),
            Value::List(items) => items,
            other => {
                let message = format!(
                    "phải là danh sách người ký (mỗi người một mục `- name: …`), không phải {}",
                    other.kind_name()
                );
                self.at(value, FIELD, message);
                return Vec::new();
            }
        };
        let mut signers = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let nth = i + 1;
            let Value::Map(entries) = &item.value else {
                self.at(
                    item,
                    FIELD,
                    format!(
                        "người ký thứ {nth} phải là một bảng với các khóa name, position, \
                         authority (ví dụ `- name: Đỗ Thanh Bình`), không phải {}",
                        item.value.kind_name()
                    ),
                );
                continue;
            };
            let mut signer = Signer {
                name: None,
                position: None,
                authority: None,
            };
            let mut seen: [Option<usize>; 3] = [None; 3];
            let errors_before = self.errors.len();
            for (key, value) in entries {
                let Some(name) = self.key_name(key, FIELD) else {
                    continue;
                };
                let Some(k) = SIGNER_FIELDS.iter().position(|f| *f == name) else {
                    let message = format!(
                        "người ký thứ {nth}: {}",
                        unknown_field_message(name, &SIGNER_FIELDS)
                    );
                    self.at(key, FIELD, message);
                    continue;
                };
                if let Some(first) = seen[k] {
                    self.at(
                        key,
                        FIELD,
                        format!(
                            "người ký thứ {nth}: khóa `{name}` bị lặp lại; lần đầu ở dòng {first}"
                        ),
                    );
                    continue;
                }
                seen[k] = Some(key.line + 1);
                let text = self.optional_text(FIELD, value);
                match k {
                    0 => signer.name = text,
                    1 => signer.position = text,
                    _ => signer.authority = text,
                }
            }
            let empty =
                signer.name.is_none() && signer.position.is_none() && signer.authority.is_none();
            if empty && self.errors.len() == errors_before {
                self.at(
                    item,
                    FIELD,
                    format!(
                        "người ký thứ {nth} phải có ít nhất một trong name, position, authority"
                    ),
                );
            }
            if !empty {
                signers.push(signer);
            }
        }
        signers
    }

    fn number_ok(&mut self, value: &Node, number: &str) -> bool {
        let problem = if number.contains("..") {
            Some("số, ký hiệu không được chứa `..`".to_string())
        } else if let Some(c) = number.chars().find(|c| matches!(c, '<' | '>' | '"' | '\\')) {
            Some(format!("số, ký hiệu không được chứa ký tự `{c}`"))
        } else if !number.chars().any(|c| c.is_ascii_digit()) {
            Some("số, ký hiệu phải có ít nhất một chữ số".to_string())
        } else {
            None
        };
        match problem {
            Some(message) => {
                self.at(value, "number", message);
                false
            }
            None => true,
        }
    }

    fn source_ok(&mut self, value: &Node, source: &str) -> bool {
        match scheme(source) {
            Some(s) if !s.eq_ignore_ascii_case("http") && !s.eq_ignore_ascii_case("https") => {
                self.at(
                    value,
                    "source",
                    format!(
                        "nguồn chỉ được là địa chỉ http:// hoặc https:// hoặc một dòng chữ \
                         không bắt đầu bằng `{s}:`"
                    ),
                );
                false
            }
            _ => true,
        }
    }

    fn alias_ok(&mut self, node: &Node, alias: &str) -> bool {
        let lower = alias.to_ascii_lowercase();
        let problem = if !alias.starts_with('/')
            || alias.contains("//")
            || alias.contains('\\')
            || alias
                .split('/')
                .any(|segment| segment == ".." || segment == ".")
            || ["%2e", "%2f", "%5c"].iter().any(|e| lower.contains(e))
        {
            Some(format!(
                "alias trỏ ra ngoài trang: `{alias}`; alias phải là một đường dẫn trong trang, \
                 bắt đầu bằng `/`, không có `//`, `\\`, `.` hay `..`, ví dụ `/van-ban/cu/176/`"
            ))
        } else if alias == "/" {
            Some("alias không được là trang chủ `/`".to_string())
        } else {
            alias
                .chars()
                .find(|c| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\'' | '?' | '#'))
                .map(|c| format!("alias `{alias}` chứa ký tự không được phép `{c}`"))
        };
        match problem {
            Some(message) => {
                self.at(node, "aliases", message);
                false
            }
            None => true,
        }
    }
}

/// Trims, refuses control characters other than tab, makes Unicode spaces
/// plain, and puts the text in NFC.
fn clean(raw: &str) -> Result<String, String> {
    if let Some(c) = raw.trim().chars().find(|&c| c.is_control() && c != '\t') {
        return Err(if c == '\n' || c == '\r' {
            "không được xuống dòng; hãy viết giá trị trên một dòng".to_string()
        } else {
            format!("chứa ký tự điều khiển U+{:04X}", c as u32)
        });
    }
    // Spaces pasted from Word or a web page (U+00A0, U+202F ...) are
    // spaces, invisible format characters (U+200B, U+00AD, U+FEFF) nothing.
    let spaced = crate::text::plain_spaces(raw);
    let text = spaced.trim();
    Ok(match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text.to_owned(),
        _ => text.nfc().collect(),
    })
}

/// The URL scheme `text` starts with, as a browser would read it.
fn scheme(text: &str) -> Option<&str> {
    let colon = text.find(':')?;
    let candidate = &text[..colon];
    let mut chars = candidate.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(candidate)
}

/// A date written `YYYY-MM-DD` that exists in the calendar.
pub(crate) fn parse_date(raw: &str) -> Result<NaiveDate, String> {
    let b = raw.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && [0, 1, 2, 3, 5, 6, 8, 9]
            .iter()
            .all(|&i| b[i].is_ascii_digit());
    if !shape {
        let hint = day_first_hint(raw)
            .map(|iso| format!("; có phải là {iso}?"))
            .unwrap_or_default();
        return Err(format!(
            "ngày phải viết theo dạng YYYY-MM-DD, ví dụ 2021-06-15, không phải `{raw}`{hint}"
        ));
    }
    let num = |r: std::ops::Range<usize>| raw[r].parse::<u32>().unwrap_or(0);
    let (year, month, day) = (num(0..4), num(5..7), num(8..10));
    if !(1..=12).contains(&month) {
        return Err(format!(
            "ngày không có thật: `{raw}` (không có tháng {month})"
        ));
    }
    let year = i32::try_from(year).unwrap_or(0);
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        let days = days_in_month(year, month);
        format!("ngày không có thật: `{raw}` (tháng {month} năm {year} có {days} ngày)")
    })
}

fn days_in_month(year: i32, month: u32) -> u32 {
    (28..=31)
        .rev()
        .find(|&d| NaiveDate::from_ymd_opt(year, month, d).is_some())
        .unwrap_or(28)
}

/// `15/06/2021` or `15-6-2021` as `2021-06-15`, when it is a real date.
fn day_first_hint(raw: &str) -> Option<String> {
    let parts: Vec<&str> = raw.split(['/', '-', '.']).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 || d.is_empty() || d.len() > 2 || m.is_empty() || m.len() > 2 {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
    Some(date.format("%Y-%m-%d").to_string())
}

/// "trường không được hỗ trợ", the closest allowed name if one is close,
/// and the allowed names.
fn unknown_field_message(name: &str, allowed: &[&str]) -> String {
    let hint = closest(name, allowed)
        .map(|f| format!(" Có phải ý bạn là `{f}`?"))
        .unwrap_or_default();
    format!(
        "trường `{name}` không được hỗ trợ.{hint} Các trường được phép: {}.",
        allowed.join(", ")
    )
}

/// The allowed name `name` most likely means: the same but for case, a
/// known synonym, or one within a small edit distance.
fn closest<'a>(name: &str, allowed: &[&'a str]) -> Option<&'a str> {
    let lower = name.to_lowercase();
    if let Some(f) = allowed.iter().find(|f| **f == lower) {
        return Some(f);
    }
    let folded: String = crate::text::fold(&lower)
        .chars()
        .map(|c| if c == '_' || c == '-' { ' ' } else { c })
        .collect();
    if let Some((_, f)) = SYNONYMS
        .iter()
        .find(|(s, f)| *s == folded.trim() && allowed.contains(f))
    {
        return allowed.iter().find(|a| *a == f).copied();
    }
    let limit = if lower.chars().count() <= 4 { 1 } else { 2 };
    allowed
        .iter()
        .map(|f| (edit_distance(&lower, f), *f))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, f)| f)
}

/// Optimal string alignment distance: insertions, deletions, substitutions
/// and swaps of two neighbours each cost one.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > 3 {
        return a.len().abs_diff(b.len());
    }
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        for j in 0..=b.len() {
            d[i * width + j] = if i == 0 {
                j
            } else if j == 0 {
                i
            } else {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut best = (d[(i - 1) * width + j] + 1)
                    .min(d[i * width + j - 1] + 1)
                    .min(d[(i - 1) * width + j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(d[(i - 2) * width + j - 2] + 1);
                }
                best
            };
        }
    }
    d[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "number: 176-CV/TU
type: Công văn
title: Tăng cường công tác phòng, chống dịch bệnh Covid-19
issuer: Tỉnh ủy Kiên Giang
date: 2021-06-15
place: Kiên Giang
signers:
  - name: Đỗ Thanh Bình
    position: Bí thư
    authority: T/M Ban Thường vụ
recipients:
  - Các đồng chí Tỉnh ủy viên
distribution:
  - Lưu Văn phòng Tỉnh ủy
attachments: [374-TB/TU]
references: [07-KL/TW]
topics: [Covid-19]
source: https://example.org/x.pdf
aliases: [/cu/176/]
";

    /// Checks `yaml` as the front matter of a file `---\n{yaml}---\n`.
    fn run(yaml: &str) -> Result<FrontMatter, Vec<Diagnostic>> {
        let text = format!("---\n{yaml}---\n");
        let root = super::super::yaml::parse(yaml).expect("valid YAML");
        check(root.as_ref(), Path::new("a.md"), &text)
    }

    fn errors(yaml: &str) -> Vec<Diagnostic> {
        run(yaml).expect_err("should be refused")
    }

    /// The only error of `yaml`.
    fn error(yaml: &str) -> Diagnostic {
        let errors = errors(yaml);
        assert_eq!(errors.len(), 1, "{errors:#?}");
        errors.into_iter().next().unwrap()
    }

    fn with(field_line: &str) -> String {
        let key = field_line.split(':').next().unwrap();
        let mut out: Vec<&str> = Vec::new();
        let mut skipping = false;
        for line in GOOD.lines() {
            if line.starts_with(&format!("{key}:")) {
                out.push(field_line);
                skipping = true;
            } else if skipping && line.starts_with(' ') {
                continue;
            } else {
                skipping = false;
                out.push(line);
            }
        }
        out.join("\n") + "\n"
    }

    #[test]
    fn the_contract_example_is_read_in_full() {
        let fm = run(GOOD).unwrap();
        assert_eq!(fm.number, "176-CV/TU");
        assert_eq!(fm.number_line, 2);
        assert_eq!(fm.doc_type, "Công văn");
        assert_eq!(fm.issuer, "Tỉnh ủy Kiên Giang");
        assert_eq!(fm.date, NaiveDate::from_ymd_opt(2021, 6, 15).unwrap());
        assert_eq!(fm.place.as_deref(), Some("Kiên Giang"));
        assert_eq!(
            fm.signers,
            vec![Signer {
                name: Some("Đỗ Thanh Bình".into()),
                position: Some("Bí thư".into()),
                authority: Some("T/M Ban Thường vụ".into()),
            }]
        );
        assert_eq!(fm.recipients, ["Các đồng chí Tỉnh ủy viên"]);
        assert_eq!(fm.distribution, ["Lưu Văn phòng Tỉnh ủy"]);
        assert_eq!(fm.attachments, ["374-TB/TU"]);
        assert_eq!(fm.references, ["07-KL/TW"]);
        assert_eq!(fm.topics, ["Covid-19"]);
        assert_eq!(fm.source.as_deref(), Some("https://example.org/x.pdf"));
        assert_eq!(fm.aliases, ["/cu/176/"]);
    }

    #[test]
    fn the_contract_example_with_its_comments_loads() {
        let example = "number: 176-CV/TU                 # required. Số, ký hiệu, exactly as printed
type: Công văn                    # required. Loại văn bản
title: Tăng cường công tác phòng, chống dịch bệnh Covid-19 và phát triển kinh tế-xã hội  # required. Trích yếu
issuer: Tỉnh ủy Kiên Giang        # required. Cơ quan ban hành (one body)
date: 2021-06-15                  # required. Ngày ban hành, YYYY-MM-DD
place: Kiên Giang                 # optional. Địa danh in the date line
signers:                          # optional, in signing order
  - name: Đỗ Thanh Bình
    position: Bí thư              # chức vụ
    authority: T/M Ban Thường vụ  # T/M, KT., TL., TUQ., Q. ... as printed
recipients:                       # optional. Kính gửi
  - Các đồng chí Tỉnh ủy viên
distribution:                     # optional. Nơi nhận
  - Lưu Văn phòng Tỉnh ủy
attachments: [374-TB/TU]          # optional. Numbers of documents sent with this one
references: [07-KL/TW]            # optional. Extra references; those in the text are found anyway
topics: [Covid-19]                # optional. Free tags
source: https://example.org/x.pdf # optional. Where the original can be had
aliases: []                       # optional. Old URLs that must keep working
effective: 2021-06-20             # optional. Ngày có hiệu lực, stated by hand
status: replaced                  # optional. repealed | replaced | amended | none_known
status_since: 2021-09-05          # optional. From when that state holds
status_by: [22/CT-UBND]           # optional. Archive documents that repeal, replace or amend it
";
        let fm = run(example).unwrap();
        assert_eq!(fm.hand.status.as_deref(), Some("replaced"));
        assert_eq!(fm.hand.by, ["22/CT-UBND"]);
        assert_eq!(
            fm.hand.since.map(|d| d.to_string()).as_deref(),
            Some("2021-09-05")
        );
        assert_eq!(
            fm.hand.effective.map(|d| d.to_string()).as_deref(),
            Some("2021-06-20")
        );
        assert_eq!(fm.number, "176-CV/TU");
        assert_eq!(
            fm.title,
            "Tăng cường công tác phòng, chống dịch bệnh Covid-19 và phát triển kinh tế-xã hội"
        );
        assert_eq!(
            fm.signers[0].authority.as_deref(),
            Some("T/M Ban Thường vụ")
        );
        assert_eq!(fm.source.as_deref(), Some("https://example.org/x.pdf"));
        assert!(fm.aliases.is_empty());
    }

    #[test]
    fn optional_fields_may_be_absent_or_empty() {
        let fm = run("number: '1'\ntype: a\ntitle: b\nissuer: c\ndate: 2021-01-01\nplace:\nsigners:\ntopics: ~\n").unwrap();
        assert_eq!(fm.place, None);
        assert!(fm.signers.is_empty() && fm.topics.is_empty() && fm.aliases.is_empty());
    }

    #[test]
    fn plain_numbers_are_read_as_written() {
        assert_eq!(run(&with("number: 0176")).unwrap().number, "0176");
        assert_eq!(run(&with("title: 2021")).unwrap().title, "2021");
        assert_eq!(run(&with("title: yes")).unwrap().title, "yes");
    }

    #[test]
    fn text_is_trimmed_and_composed() {
        let decomposed = "Tỉnh ủy".nfd().collect::<String>();
        let fm = run(&with(&format!("issuer: \"  {decomposed} \""))).unwrap();
        assert_eq!(fm.issuer, "Tỉnh ủy");
    }

    #[test]
    fn every_missing_required_field_is_named() {
        let errors = errors("place: Kiên Giang\n");
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_deref().unwrap()).collect();
        assert_eq!(fields, ["number", "type", "title", "issuer", "date"]);
        assert!(errors.iter().all(|e| e.line == 1));
        assert!(
            errors[3]
                .message
                .contains("thiếu trường bắt buộc `issuer` (cơ quan ban hành)")
        );
    }

    #[test]
    fn empty_required_values_are_errors() {
        for line in ["title:", "title: \"\"", "title: '   '", "title: ~"] {
            let e = error(&with(line));
            assert_eq!(e.field.as_deref(), Some("title"), "{line}");
            assert_eq!(e.line, 4, "{line}");
            assert!(e.message.contains("để trống"), "{line}: {}", e.message);
        }
    }

    #[test]
    fn unknown_fields_suggest_the_closest() {
        let e = error(&format!("{GOOD}titel: x\n"));
        assert_eq!(e.field.as_deref(), Some("titel"));
        assert_eq!(e.line, 21);
        assert!(
            e.message.contains("Có phải ý bạn là `title`?"),
            "{}",
            e.message
        );
        assert!(e.message.contains("number, type, title, issuer, date"));

        let e = error(&format!("{GOOD}tags: [a]\n"));
        assert!(e.message.contains("`topics`"), "{}", e.message);
        let e = error(&format!("{GOOD}Ngày ban hành: 2021-06-15\n"));
        assert!(e.message.contains("`date`"), "{}", e.message);
        let e = error(&format!("{GOOD}layout: x\n"));
        assert!(!e.message.contains("Có phải"), "{}", e.message);
    }

    #[test]
    fn duplicate_keys_are_reported_at_the_second() {
        let e = error(&format!("{GOOD}title: Lần hai\n"));
        assert_eq!(e.field.as_deref(), Some("title"));
        assert_eq!(e.line, 21);
        assert!(
            e.message.contains("lặp lại") && e.message.contains("dòng 4"),
            "{}",
            e.message
        );
    }

    #[test]
    fn wrong_types_are_named() {
        let e = error(&with("title:\n  vi: Tiêu đề"));
        assert_eq!(e.field.as_deref(), Some("title"));
        assert!(
            e.message
                .contains("phải là chuỗi, không phải bảng khóa–giá trị"),
            "{}",
            e.message
        );

        let e = error(&with("issuer: [Tỉnh ủy, UBND]"));
        assert!(
            e.message.contains("phải là chuỗi, không phải danh sách"),
            "{}",
            e.message
        );

        let e = error(&with("topics: Covid-19"));
        assert_eq!(e.field.as_deref(), Some("topics"));
        assert!(e.message.contains("phải là danh sách"), "{}", e.message);

        let e = error(&with("recipients: {a: b}"));
        assert!(e.message.contains("không phải bảng"), "{}", e.message);

        let e = error(&with("topics: [a, [b], c]"));
        assert!(e.message.contains("phải là chuỗi"), "{}", e.message);

        let e = error(&with("topics: [a, '', c]"));
        assert!(e.message.contains("mục thứ 2 trống"), "{}", e.message);

        let e = error(&with("source: [a]"));
        assert_eq!(e.field.as_deref(), Some("source"));
    }

    #[test]
    fn dates_must_be_real_and_iso() {
        assert_eq!(
            run(&with("date: 2020-02-29")).unwrap().date,
            NaiveDate::from_ymd_opt(2020, 2, 29).unwrap()
        );
        assert_eq!(
            run(&with("date: '2021-06-15'")).unwrap().date,
            NaiveDate::from_ymd_opt(2021, 6, 15).unwrap()
        );
        let e = error(&with("date: 2021-02-30"));
        assert_eq!((e.field.as_deref(), e.line, e.column), (Some("date"), 6, 7));
        assert!(
            e.message.contains("ngày không có thật") && e.message.contains("28 ngày"),
            "{}",
            e.message
        );
        let e = error(&with("date: 2021-13-01"));
        assert!(e.message.contains("không có tháng 13"), "{}", e.message);
        let e = error(&with("date: 2021-04-00"));
        assert!(e.message.contains("ngày không có thật"), "{}", e.message);
        let e = error(&with("date: 15/06/2021"));
        assert!(
            e.message.contains("YYYY-MM-DD") && e.message.contains("2021-06-15?"),
            "{}",
            e.message
        );
        let e = error(&with("date: 2021-6-5"));
        assert!(e.message.contains("YYYY-MM-DD"), "{}", e.message);
        let e = error(&with("date: 2021-06-15T08:00:00"));
        assert!(e.message.contains("YYYY-MM-DD"), "{}", e.message);
    }

    #[test]
    fn signers_are_mappings_of_known_keys() {
        let fm = run(&with(
            "signers:\n  - position: Phó Chủ tịch\n    authority: KT. Chủ tịch",
        ))
        .unwrap();
        assert_eq!(fm.signers[0].name, None);
        assert_eq!(fm.signers[0].position.as_deref(), Some("Phó Chủ tịch"));

        let e = error(&with("signers:\n  - Đỗ Thanh Bình"));
        assert_eq!((e.field.as_deref(), e.line), (Some("signers"), 9));
        assert!(
            e.message.contains("người ký thứ 1 phải là một bảng"),
            "{}",
            e.message
        );

        let e = error(&with("signers:\n  - name: A\n  - nam: B"));
        assert_eq!(e.line, 10);
        assert!(
            e.message.contains("người ký thứ 2") && e.message.contains("`name`"),
            "{}",
            e.message
        );

        let errors = errors(&with("signers:\n  - name:\n    position: ''"));
        assert!(errors[0].message.contains("ít nhất một"), "{errors:#?}");

        let e = error(&with("signers:\n  - name: A\n    name: B"));
        assert!(e.message.contains("lặp lại"), "{}", e.message);

        let e = error(&with("signers: Đỗ Thanh Bình"));
        assert!(
            e.message.contains("phải là danh sách người ký"),
            "{}",
            e.message
        );
    }

    #[test]
    fn unicode_spaces_in_values_are_plain_spaces() {
        let fm = run(&with(r#"type: "\u00a0Công\u202fvăn\u200b""#)).unwrap();
        assert_eq!(fm.doc_type, "Công văn");
        let fm = run(&with(r#"issuer: "Tỉnh\u3000ủy\ufeff""#)).unwrap();
        assert_eq!(fm.issuer, "Tỉnh ủy");
    }

    #[test]
    fn control_characters_and_line_breaks_are_refused() {
        let e = error(&with("title: \"Chỉ thị\\u0007\""));
        assert!(e.message.contains("U+0007"), "{}", e.message);
        let e = error(&with("title: |\n  Dòng một\n  Dòng hai"));
        assert!(e.message.contains("xuống dòng"), "{}", e.message);
        // A tab is allowed, and is a space.
        assert_eq!(run(&with("title: \"a\\tb\"")).unwrap().title, "a b");
        assert_eq!(
            run(&with("title: >\n  Dòng một\n  dòng hai"))
                .unwrap()
                .title,
            "Dòng một dòng hai"
        );
    }

    #[test]
    fn numbers_cannot_climb_out_or_carry_markup() {
        for (number, words) in [
            ("../../etc", "`..`"),
            ("1/../../etc", "`..`"),
            ("CV/TU", "chữ số"),
            ("'12<script>'", "`<`"),
            ("'1\\2'", "`\\`"),
            ("'1\"'", "`\"`"),
        ] {
            let e = error(&with(&format!("number: {number}")));
            assert_eq!(e.field.as_deref(), Some("number"));
            assert!(e.message.contains(words), "{number}: {}", e.message);
        }
        assert_eq!(
            run(&with("number: 23/2021/QĐ-TTg")).unwrap().number,
            "23/2021/QĐ-TTg"
        );
    }

    #[test]
    fn aliases_stay_inside_the_site() {
        for alias in [
            "//evil.example/x",
            "https://evil.example/",
            "javascript:alert(1)",
            "cu/176",
            "/a/../../etc",
            "/\\evil.example",
            "/a/%2e%2e/b",
        ] {
            let e = error(&with(&format!("aliases: ['{alias}']")));
            assert_eq!(e.field.as_deref(), Some("aliases"));
            assert!(
                e.message.contains("alias trỏ ra ngoài trang"),
                "{alias}: {}",
                e.message
            );
        }
        let e = error(&with("aliases: ['/']"));
        assert!(e.message.contains("trang chủ"), "{}", e.message);
        let e = error(&with("aliases: ['/a b/']"));
        assert!(e.message.contains("ký tự không được phép"), "{}", e.message);
        assert_eq!(
            run(&with("aliases: [/van-ban/176.html, /cu/]"))
                .unwrap()
                .aliases,
            ["/van-ban/176.html", "/cu/"]
        );
    }

    #[test]
    fn sources_are_web_addresses_or_plain_words() {
        assert!(run(&with("source: Bản lưu tại Văn phòng Tỉnh ủy")).is_ok());
        assert!(run(&with("source: HTTPS://example.org/a.pdf")).is_ok());
        let e = error(&with("source: javascript:alert(1)"));
        assert!(
            e.message.contains("http://") && e.message.contains("javascript:"),
            "{}",
            e.message
        );
        let e = error(&with("source: 'data:text/html,<script>'"));
        assert_eq!(e.field.as_deref(), Some("source"));
    }

    #[test]
    fn all_problems_of_a_file_are_reported_together() {
        let yaml = "number: CV\ntype: [x]\ntitle:\ndate: 2021-02-30\ntitel: x\ntopics: a\n";
        let fields: Vec<_> = errors(yaml)
            .iter()
            .map(|e| e.field.clone().unwrap())
            .collect();
        assert_eq!(
            fields,
            [
                "number", "type", "title", "date", "titel", "topics", "issuer"
            ]
        );
    }

    #[test]
    fn front_matter_must_be_a_mapping() {
        let e = error("- a\n- b\n");
        assert_eq!(e.line, 2);
        assert!(
            e.message.contains("phải là một bảng khóa–giá trị"),
            "{}",
            e.message
        );
        let e = error("chỉ một dòng chữ\n");
        assert!(e.message.contains("không phải chuỗi"), "{}", e.message);
    }

    #[test]
    fn messages_show_the_offending_line() {
        let e = error(&with("date: 2021-02-30"));
        assert_eq!(e.snippet.as_deref(), Some("date: 2021-02-30"));
    }

    #[test]
    fn edit_distance_counts_swaps_as_one() {
        assert_eq!(edit_distance("titel", "title"), 1);
        assert_eq!(edit_distance("isuer", "issuer"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("date", "date"), 0);
    }
}

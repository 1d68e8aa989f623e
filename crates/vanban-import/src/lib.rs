//! `vanban import`: drafting contract documents from converted text.
//!
//! [`draft_documents`] reads the text of a converted PDF or Word file and
//! returns one [`Draft`] per document it holds (a cover letter and the
//! directive it forwards are two). Each draft has the front matter it could
//! read from the text, nothing guessed, the body as Markdown, and the
//! required fields it could not find. [`import_files`] writes the drafts
//! into a content folder, never over an existing file.
//!
//! The pipeline for one file: [`lines`] cleans and cuts the text, [`split`]
//! finds the documents, then per document [`header`] reads the header,
//! [`footnotes`] takes the footnote definitions out, [`closing`] finds the
//! Nơi nhận and signature block, and [`body`] makes the paragraphs.

// The contract, the number grammar and the text helpers come from the core;
// re-exported so that the importer's modules keep their `crate::number`,
// `crate::document`, `crate::text` and `crate::import::...` paths.
use crate as import;
pub(crate) use vanban_core::{document, number, text};

mod body;
mod casing;
mod closing;
mod doctype;
mod footnotes;
mod header;
mod issuer;
mod layout;
mod lines;
mod numbers;
pub mod original;
mod page;
mod patterns;
mod split;
mod topics;
mod trust;
mod write;
mod yaml;

pub use write::{
    DocumentOutcome, ImportError, ImportReport, ImportedDocument, ImportedFile, import_files,
};

use crate::document::Signer;
use crate::text::slug;
use casing::{BodyCasing, Prefer, capitalize_first, recase};
use chrono::NaiveDate;
use header::{Header, TitleSource};
use lines::Line;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// The required fields of the contract, in front-matter order.
pub const REQUIRED: [&str; 5] = ["number", "type", "title", "issuer", "date"];

/// The marker written after a required field that was not found.
pub const MISSING_MARK: &str = "# vanban: không tìm thấy, cần điền";

/// The front matter drafted for one document, in the contract's order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DraftFields {
    pub number: Option<String>,
    pub doc_type: Option<String>,
    pub title: Option<String>,
    pub issuer: Option<String>,
    pub date: Option<NaiveDate>,
    pub place: Option<String>,
    pub signers: Vec<Signer>,
    pub recipients: Vec<String>,
    pub distribution: Vec<String>,
    pub attachments: Vec<String>,
    pub topics: Vec<String>,
}

/// One document drafted from converted text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub fields: DraftFields,
    /// The body in Markdown, ending with a newline.
    pub body: String,
    /// Required fields not found in the text (contract names).
    pub missing: Vec<&'static str>,
    /// What a maintainer should know: values derived rather than read,
    /// names not printed, topics suggested.
    pub notes: Vec<String>,
}

/// Drafts every document the converted text holds, in order.
pub fn draft_documents(text: &str) -> Vec<Draft> {
    // Control characters are conversion debris, never text to keep.
    let text: String = text
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect();
    let mut lines = lines::prepare(&text);
    // What a web page printed before the document's own header is the
    // site's, not the document's.
    let start = page::start(&lines);
    let end = page::end(&lines, start);
    for (i, line) in lines.iter_mut().enumerate() {
        if i < start || i >= end {
            *line = Line::default();
        }
    }
    if lines.iter().all(Line::is_blank) {
        return Vec::new();
    }
    let ranges = split::documents(&lines);
    let count = ranges.len();
    let mut drafts: Vec<Draft> = ranges
        .into_iter()
        .enumerate()
        .map(|(k, range)| {
            let mut draft = draft_one(&lines, range);
            if count > 1 {
                draft.notes.insert(
                    0,
                    format!("Văn bản thứ {} trong {count} văn bản của tệp.", k + 1),
                );
            }
            draft
        })
        .collect();
    link_attachments(&mut drafts);
    drafts
}

/// The first document of a file lists those after it that it cites: a
/// cover letter and the directive it forwards.
fn link_attachments(drafts: &mut [Draft]) {
    let Some((first, rest)) = drafts.split_first_mut() else {
        return;
    };
    let cited = squeeze(&format!(
        "{} {}",
        first.fields.title.as_deref().unwrap_or(""),
        first.body
    ));
    for other in rest {
        if let Some(number) = &other.fields.number
            && cited.contains(&squeeze(number))
            && !first.fields.attachments.contains(number)
        {
            first.fields.attachments.push(number.clone());
        }
    }
}

fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

fn draft_one(lines: &[Line], range: std::ops::Range<usize>) -> Draft {
    let header = header::parse(lines, range.start, range.end);
    let (definitions, footnote_lines) = collect_footnotes(lines, header.body_start, range.end);
    let skip = |i: usize| footnote_lines.contains(&i);
    let closing = closing::find(lines, header.body_start, range.end, &skip);
    let body_lines = (header.body_start..closing.range.start)
        .chain(closing.range.end..range.end)
        .filter(|&i| !skip(i))
        .map(|i| &lines[i]);
    let defined: BTreeSet<u32> = definitions.keys().copied().collect();
    let mut blocks: Vec<String> = body::paragraphs(body_lines)
        .iter()
        .map(|p| footnotes::link_markers(p, &defined))
        .collect();
    blocks.extend(
        definitions
            .iter()
            .map(|(n, text)| footnotes::render_definition(*n, text)),
    );
    let body = if blocks.is_empty() {
        String::new()
    } else {
        blocks.join("\n\n") + "\n"
    };

    let casing = BodyCasing::new(&body);
    let mut notes = Vec::new();
    let number = header.number.clone();
    let codes = number.as_deref().map(doctype::codes);
    let consolidated = number.as_deref().is_some_and(doctype::is_consolidated);
    let doc_type = (!consolidated)
        .then_some(header.heading_type)
        .flatten()
        // "V/v" under the number is the Công văn's own mark; the number's
        // first code may then be the issuer's ("5608/CT-CS": Cục Thuế).
        .or((header.title_source == Some(TitleSource::Subject)).then_some("Công văn"))
        .or_else(|| number.as_deref().and_then(doctype::type_from_number))
        .map(String::from);
    let title = title(&header, &casing);
    // Rule marks a converter left between the header's words ("UBND _").
    let issuer_lines: Vec<String> = header
        .issuer_lines
        .iter()
        .map(|l| trust::cleaned(l))
        .filter(|l| !l.is_empty())
        .collect();
    let read = issuer::from_header(&issuer_lines, &casing).map(|name| {
        trust::completed(
            &issuer::spaced_dashes(&trust::cleaned(&name)),
            codes.as_ref(),
        )
    });
    if let Some(name) = read.as_ref().filter(|n| !trust::readable(n)) {
        notes.push(format!(
            "Cơ quan ban hành in ở đầu văn bản bị hỏng khi chuyển đổi (\"{name}\"): cần đọc lại và điền."
        ));
    }
    let issuer = read
        .filter(|n| trust::readable(n))
        .or_else(|| {
        let derived = issuer::derive(codes.as_ref()?, header.place.as_deref(), &body)?;
        notes.push(format!(
            "Cơ quan ban hành \"{derived}\" được suy ra từ ký hiệu số, địa danh và nội dung; văn bản không in tên cơ quan."
        ));
        Some(derived)
    });
    let signers = closing.signers(&casing);
    for (k, signer) in signers.iter().enumerate() {
        if signer.name.is_none() {
            notes.push(format!("Người ký thứ {}: văn bản không in họ tên.", k + 1));
        }
    }
    let topics = topics::suggest(title.as_deref().unwrap_or(""), &body);
    if !topics.is_empty() {
        notes.push(format!("Chủ đề gợi ý từ nội dung: {}.", topics.join(", ")));
    }
    let fields = DraftFields {
        number,
        doc_type,
        title,
        issuer,
        date: header.date,
        place: header.place.clone(),
        signers,
        recipients: header.recipients.clone(),
        distribution: closing.distribution(),
        attachments: Vec::new(),
        topics,
    };
    let missing = REQUIRED
        .into_iter()
        .filter(|field| match *field {
            "number" => fields.number.is_none(),
            "type" => fields.doc_type.is_none(),
            "title" => fields.title.is_none(),
            "issuer" => fields.issuer.is_none(),
            _ => fields.date.is_none(),
        })
        .collect();
    Draft {
        fields,
        body,
        missing,
        notes,
    }
}

/// The footnote definitions in `lines[from..to]` by number, and the lines
/// they occupy (a definition may wrap onto the next line).
fn collect_footnotes(
    lines: &[Line],
    from: usize,
    to: usize,
) -> (BTreeMap<u32, String>, BTreeSet<usize>) {
    let mut definitions = BTreeMap::new();
    let mut used = BTreeSet::new();
    let mut i = from;
    while i < to {
        let Some((number, mut text)) = footnotes::definition(&lines[i].raw) else {
            i += 1;
            continue;
        };
        used.insert(i);
        while i + 1 < to {
            let next = &lines[i + 1];
            let wraps = !next.is_blank()
                && !patterns::ends_sentence(&text)
                && patterns::starts_lowercase(&next.text)
                && footnotes::definition(&next.raw).is_none();
            if !wraps {
                break;
            }
            text.push(' ');
            text.push_str(&next.raw);
            i += 1;
            used.insert(i);
        }
        definitions.entry(number).or_insert(text);
        i += 1;
    }
    (definitions, used)
}

/// The trích yếu in one line, capitals recased, sentence case, no final
/// full stop.
fn title(header: &Header, casing: &BodyCasing) -> Option<String> {
    let mut out = String::new();
    for line in &header.title_lines {
        let line = if patterns::is_upper(line) {
            recase(line, Some(casing), Prefer::Body)
        } else {
            line.clone()
        };
        let hyphen_break = out.ends_with('-') && !out.ends_with(" -");
        if !out.is_empty() && !hyphen_break {
            out.push(' ');
        }
        out.push_str(line.trim());
    }
    // "VỀ" / "VIỆC ...": the marker broken over two lines.
    let out = patterns::subject_line(out.trim()).map_or(out.clone(), str::to_string);
    let mut title = out
        .trim()
        .trim_end_matches(['.', ' ', '/'])
        .trim()
        .to_string();
    if title.is_empty() {
        return None;
    }
    // "KẾT LUẬN / CỦA BỘ CHÍNH TRỊ / về ...": the heading word belongs to it.
    if let Some(kind) = header.heading_type
        && casing::word_key(title.split(' ').next().unwrap_or("")) == casing::word_key("của")
    {
        title = format!("{kind} {title}");
    }
    Some(capitalize_first(&title))
}

impl Draft {
    /// The document as a contract file: YAML front matter and body. A
    /// required field that was not found is written empty and marked.
    pub fn to_markdown(&self) -> String {
        let f = &self.fields;
        let mut out = String::from("---\n");
        let date = f.date.map(|d| d.format("%Y-%m-%d").to_string());
        for (key, value) in [
            ("number", f.number.as_deref()),
            ("type", f.doc_type.as_deref()),
            ("title", f.title.as_deref()),
            ("issuer", f.issuer.as_deref()),
            ("date", date.as_deref()),
        ] {
            match value {
                // A date is written bare, as the contract shows it.
                Some(v) if key == "date" => {
                    let _ = writeln!(out, "{key}: {v}");
                }
                Some(v) => {
                    let _ = writeln!(out, "{key}: {}", yaml::scalar(v));
                }
                None => {
                    let _ = writeln!(out, "{key}: \"\"  {MISSING_MARK}");
                }
            }
        }
        if let Some(place) = &f.place {
            let _ = writeln!(out, "place: {}", yaml::scalar(place));
        }
        if !f.signers.is_empty() {
            out.push_str("signers:\n");
            for signer in &f.signers {
                let entries = [
                    ("name", &signer.name),
                    ("position", &signer.position),
                    ("authority", &signer.authority),
                ];
                let mut first = true;
                for (key, value) in entries {
                    if let Some(v) = value {
                        let lead = if first { "  - " } else { "    " };
                        let _ = writeln!(out, "{lead}{key}: {}", yaml::scalar(v));
                        first = false;
                    }
                }
            }
        }
        for (key, items) in [
            ("recipients", &f.recipients),
            ("distribution", &f.distribution),
        ] {
            if !items.is_empty() {
                let _ = writeln!(out, "{key}:");
                for item in items {
                    let _ = writeln!(out, "  - {}", yaml::scalar(item));
                }
            }
        }
        for (key, items) in [("attachments", &f.attachments), ("topics", &f.topics)] {
            if !items.is_empty() {
                let _ = writeln!(out, "{key}: {}", yaml::flow_list(items));
            }
        }
        out.push_str("---\n");
        if !self.body.is_empty() {
            out.push('\n');
            out.push_str(&self.body);
        }
        out
    }

    /// `<yyyy-mm-dd>-<number-slug>.md`; without a date or a number, a name
    /// from what there is, the same for the same text.
    pub fn file_name(&self) -> String {
        let f = &self.fields;
        let date = f.date.map(|d| d.format("%Y-%m-%d").to_string());
        let number = f.number.as_deref().map(slug).filter(|s| !s.is_empty());
        let name = match (date, number) {
            (Some(d), Some(n)) => format!("{d}-{n}"),
            (None, Some(n)) => format!("khong-ro-ngay-{n}"),
            (Some(d), None) => format!("{d}-khong-so-{}", self.short_slug()),
            (None, None) => format!("khong-so-{}", self.short_slug()),
        };
        format!("{name}.md")
    }

    /// The folder of the issuer: its slug, or `chua-ro-co-quan`.
    pub fn issuer_folder(&self) -> String {
        self.fields
            .issuer
            .as_deref()
            .map(slug)
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "chua-ro-co-quan".to_string())
    }

    /// A few words of the title (or of the body) as a slug.
    fn short_slug(&self) -> String {
        let source = self.fields.title.as_deref().unwrap_or(&self.body);
        let words: Vec<&str> = source.split_whitespace().take(8).collect();
        let s = slug(&words.join(" "));
        if s.is_empty() {
            "van-ban".to_string()
        } else {
            s
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draft_writes_missing_fields_marked() {
        let drafts = draft_documents("Ủy ban nhân dân tỉnh đề nghị các đơn vị thực hiện.");
        assert_eq!(drafts.len(), 1);
        let d = &drafts[0];
        assert_eq!(d.missing, ["number", "type", "title", "issuer", "date"]);
        let md = d.to_markdown();
        assert!(md.contains(&format!("number: \"\"  {MISSING_MARK}\n")));
        assert!(md.ends_with("Ủy ban nhân dân tỉnh đề nghị các đơn vị thực hiện.\n"));
        assert_eq!(d.issuer_folder(), "chua-ro-co-quan");
        assert_eq!(
            d.file_name(),
            "khong-so-uy-ban-nhan-dan-tinh-de-nghi-cac.md"
        );
    }

    #[test]
    fn empty_text_has_no_documents() {
        assert!(draft_documents(" \n\n").is_empty());
    }

    #[test]
    fn file_name_from_date_and_number() {
        let draft = Draft {
            fields: DraftFields {
                number: Some("176-CV/TU".into()),
                date: NaiveDate::from_ymd_opt(2021, 6, 15),
                issuer: Some("Tỉnh ủy Kiên Giang".into()),
                ..DraftFields::default()
            },
            body: String::new(),
            missing: Vec::new(),
            notes: Vec::new(),
        };
        assert_eq!(draft.file_name(), "2021-06-15-176-cv-tu.md");
        assert_eq!(draft.issuer_folder(), "tinh-uy-kien-giang");
    }
}

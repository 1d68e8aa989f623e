//! Importing from the original: a PDF (its text layer, or OCR where that
//! layer is missing or garbage), a Word file (its own structure), a scan
//! (OCR), or text as before. [`import_files`] turns each original into the
//! text the importer reads, drafts its documents, marks drafts whose text
//! came from OCR, and keeps the original beside each draft, with the same
//! stem, for the build to link as "Bản gốc".

mod detect;
mod docx;
mod ocr;
mod pdf;
mod quality;
mod tools;

pub use detect::Kind;
pub use tools::{INSTALL, ToolError};

use super::write::{
    DocumentOutcome, ImportError, ImportReport, ImportedFile, unique_path, write_draft,
};
use super::{Draft, draft_documents};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// The extensions of originals the build links beside a draft, in the
/// order it looks for them.
pub const ORIGINAL_EXTENSIONS: [&str; 9] = [
    "pdf", "docx", "doc", "odt", "png", "jpg", "jpeg", "tif", "tiff",
];

/// The first line of the front matter of a draft read by OCR.
pub const OCR_MARK: &str = "# vanban: chữ nhận dạng (OCR) từ bản quét, cần soát lại";

/// What one original gave.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    pub text: String,
    /// Pages in the original (0 when it has no pages).
    pub pages: u32,
    /// The pages recognised by OCR.
    pub ocr: Vec<ocr::Page>,
    /// What the maintainer should know about the reading.
    pub notes: Vec<String>,
}

impl Extracted {
    /// The pages whose recognition confidence is low.
    pub fn low_confidence(&self) -> Vec<(u32, f64)> {
        self.ocr
            .iter()
            .filter(|p| p.confidence < ocr::LOW_CONFIDENCE)
            .map(|p| (p.number, p.confidence))
            .collect()
    }

    /// The front-matter comment of a draft read (partly) by OCR.
    fn ocr_comment(&self) -> Option<String> {
        if self.ocr.is_empty() {
            return None;
        }
        let pages: Vec<String> = self.ocr.iter().map(|p| p.number.to_string()).collect();
        let mut line = format!("{OCR_MARK}: trang {}", pages.join(", "));
        let low = self.low_confidence();
        if !low.is_empty() {
            let low: Vec<String> = low.iter().map(|(n, c)| format!("{n} ({c:.0}%)")).collect();
            let _ = write!(line, "; độ tin cậy thấp: trang {}", low.join(", "));
        }
        Some(line)
    }
}

/// Why an import from originals stopped.
#[derive(Debug)]
pub enum OriginalError {
    Import(ImportError),
    Tool(ToolError),
}

impl std::fmt::Display for OriginalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OriginalError::Import(e) => e.fmt(f),
            OriginalError::Tool(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for OriginalError {}

impl From<ImportError> for OriginalError {
    fn from(e: ImportError) -> Self {
        OriginalError::Import(e)
    }
}

impl From<ToolError> for OriginalError {
    fn from(e: ToolError) -> Self {
        OriginalError::Tool(e)
    }
}

/// Reads an original of any kind into the importer's text.
pub fn extract(path: &Path) -> Result<Extracted, OriginalError> {
    let kind = detect::kind_of(path).map_err(|source| ImportError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let failed = |message: String| ToolError::Failed {
        path: path.to_path_buf(),
        message,
    };
    Ok(match kind {
        Kind::Text => Extracted {
            text: super::write::read_text(path)?,
            ..Extracted::default()
        },
        Kind::Pdf => pdf::extract(path)?,
        Kind::Docx => Extracted {
            text: docx::text(path).map_err(failed)?,
            ..Extracted::default()
        },
        Kind::Office => {
            let scratch = tools::Scratch::new().map_err(|e| failed(e.to_string()))?;
            let args: [&std::ffi::OsStr; 6] = [
                "--headless".as_ref(),
                "--convert-to".as_ref(),
                "docx".as_ref(),
                "--outdir".as_ref(),
                scratch.0.as_os_str(),
                path.as_os_str(),
            ];
            tools::run("soffice", &args, path)?;
            let stem = path.file_stem().unwrap_or_default();
            let converted = scratch.0.join(stem).with_extension("docx");
            let mut out = Extracted {
                text: docx::text(&converted).map_err(failed)?,
                ..Extracted::default()
            };
            out.notes
                .push("Tệp được LibreOffice chuyển sang .docx trước khi đọc.".into());
            out
        }
        Kind::Image => {
            let pages = ocr::image(path)?;
            let join = |layout: bool| {
                pages
                    .iter()
                    .map(|p| if layout { &p.layout } else { &p.text }.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            let (plain, layout) = (join(false), join(true));
            Extracted {
                text: if pdf::header_score(&layout) > pdf::header_score(&plain) {
                    layout
                } else {
                    plain
                },
                pages: pages.len() as u32,
                ocr: pages,
                notes: vec!["Chữ được nhận dạng từ ảnh (OCR).".into()],
            }
        }
    })
}

/// The drafts of an original's documents. Where the text came from OCR,
/// a number or date read from a line whose digits Tesseract was unsure of
/// is left empty and marked rather than risked.
pub fn drafts(extracted: &Extracted) -> Vec<Draft> {
    let mut drafts = draft_documents(&extracted.text);
    let doubts: Vec<&ocr::Doubt> = extracted.ocr.iter().flat_map(|p| &p.uncertain).collect();
    if doubts.is_empty() {
        return drafts;
    }
    let digit_runs = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_ascii_digit())
            .filter(|r| !r.is_empty())
            .map(str::to_string)
            .collect()
    };
    for draft in &mut drafts {
        let f = &mut draft.fields;
        // A number is doubtful when a doubtful word gave one of its digit runs.
        let number_doubtful = f.number.as_deref().is_some_and(|n| {
            let runs = digit_runs(n);
            doubts
                .iter()
                .any(|d| digit_runs(&d.word).iter().any(|r| runs.contains(r)))
        });
        if number_doubtful {
            f.number = None;
            draft.missing.push("number");
            draft
                .notes
                .push("Số, ký hiệu đọc từ bản quét không chắc chắn: để trống, cần điền.".into());
        }
        // A date is doubtful when a doubtful word sits in a date line.
        let date_doubtful = f.date.is_some_and(|date| {
            use chrono::Datelike;
            let (day, month, year) = (date.day(), date.month(), date.year().to_string());
            let parts = [
                day.to_string(),
                format!("{day:02}"),
                month.to_string(),
                format!("{month:02}"),
                year.clone(),
            ];
            doubts.iter().any(|d| {
                let line = d.line.to_lowercase();
                line.contains("tháng")
                    && line.contains(&year)
                    && digit_runs(&d.word).iter().any(|r| parts.contains(r))
            })
        });
        if date_doubtful {
            f.date = None;
            draft.missing.push("date");
            draft
                .notes
                .push("Ngày ban hành đọc từ bản quét không chắc chắn: để trống, cần điền.".into());
        }
        draft
            .missing
            .sort_by_key(|m| super::REQUIRED.iter().position(|r| r == m));
    }
    drafts
}

/// How originals are imported.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Where the originals came from: written as each draft's `source`.
    pub source: Option<String>,
}

/// Drafts the documents of each original and writes them to
/// `content_dir/<issuer>/<date>-<number>.md`, with the original beside
/// each draft as `<date>-<number>.<ext>` (text files are not copied). An
/// existing file is never overwritten.
pub fn import_files(
    content_dir: &Path,
    files: &[PathBuf],
    options: &Options,
) -> Result<ImportReport, OriginalError> {
    let mut report = ImportReport::default();
    let mut taken = BTreeSet::new();
    for source in files {
        let extracted = extract(source)?;
        let kind = detect::kind_of(source).unwrap_or(Kind::Text);
        let mut documents = Vec::new();
        for draft in drafts(&extracted) {
            let path = unique_path(content_dir, &draft, &mut taken);
            let mut doc = write_draft(path, &draft, &markdown(&draft, &extracted, options))?;
            if doc.outcome == DocumentOutcome::Written && kind != Kind::Text {
                keep_original(source, &doc.path)?;
            }
            doc.notes.extend(extracted.notes.iter().cloned());
            for (page, confidence) in extracted.low_confidence() {
                doc.notes.push(format!(
                    "Trang {page}: độ tin cậy nhận dạng thấp ({confidence:.0}%), cần soát lại với bản gốc."
                ));
            }
            documents.push(doc);
        }
        report.files.push(ImportedFile {
            source: source.clone(),
            documents,
        });
    }
    Ok(report)
}

/// The draft's Markdown with the OCR mark and the `source` field added.
pub fn markdown(draft: &Draft, extracted: &Extracted, options: &Options) -> String {
    let md = draft.to_markdown();
    let Some(rest) = md.strip_prefix("---\n") else {
        return md;
    };
    let mut out = String::from("---\n");
    if let Some(comment) = extracted.ocr_comment() {
        out.push_str(&comment);
        out.push('\n');
    }
    let close = rest.find("\n---\n").map_or(0, |i| i + 1);
    out.push_str(&rest[..close]);
    if let Some(url) = &options.source {
        let _ = writeln!(out, "source: {}", super::yaml::scalar(url));
    }
    out.push_str(&rest[close..]);
    out
}

/// Copies the original beside the draft: same stem, the original's
/// extension (lower case), never over an existing file.
fn keep_original(original: &Path, draft: &Path) -> Result<(), ImportError> {
    let ext = original
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .filter(|e| ORIGINAL_EXTENSIONS.contains(&e.as_str()))
        .unwrap_or_else(|| "pdf".into());
    let target = draft.with_extension(ext);
    if target.exists() {
        return Ok(());
    }
    fs::copy(original, &target)
        .map(|_| ())
        .map_err(|source| ImportError::Write {
            path: target,
            source,
        })
}

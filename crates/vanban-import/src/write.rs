//! Writing drafts into the content folder: one file per document under
//! the issuer's folder, never over an existing file, and a report of what
//! was written, what was skipped and which fields are still to fill in.

use super::{Draft, draft_documents};
use std::collections::BTreeSet;
use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// What happened to one drafted document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentOutcome {
    Written,
    /// A file of that name exists already; it was left as it was.
    SkippedExisting,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedDocument {
    /// Where the document was (or would have been) written.
    pub path: PathBuf,
    pub number: Option<String>,
    pub outcome: DocumentOutcome,
    /// Required fields written empty and marked for the maintainer.
    pub missing: Vec<&'static str>,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedFile {
    pub source: PathBuf,
    pub documents: Vec<ImportedDocument>,
}

/// What an import did, file by file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub files: Vec<ImportedFile>,
}

impl ImportReport {
    fn documents(&self) -> impl Iterator<Item = &ImportedDocument> {
        self.files.iter().flat_map(|f| &f.documents)
    }

    pub fn written(&self) -> usize {
        self.documents()
            .filter(|d| d.outcome == DocumentOutcome::Written)
            .count()
    }

    pub fn skipped(&self) -> usize {
        self.documents()
            .filter(|d| d.outcome == DocumentOutcome::SkippedExisting)
            .count()
    }

    /// Written documents that still lack required fields.
    pub fn incomplete(&self) -> usize {
        self.documents()
            .filter(|d| d.outcome == DocumentOutcome::Written && !d.missing.is_empty())
            .count()
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for file in &self.files {
            writeln!(
                f,
                "{}: {} văn bản",
                file.source.display(),
                file.documents.len()
            )?;
            for doc in &file.documents {
                match doc.outcome {
                    DocumentOutcome::Written => writeln!(f, "  đã ghi {}", doc.path.display())?,
                    DocumentOutcome::SkippedExisting => writeln!(
                        f,
                        "  bỏ qua {}: tệp đã có, không ghi đè",
                        doc.path.display()
                    )?,
                }
                if !doc.missing.is_empty() {
                    writeln!(
                        f,
                        "    thiếu trường bắt buộc: {} (đã đánh dấu trong tệp, cần điền)",
                        doc.missing.join(", ")
                    )?;
                }
                for note in &doc.notes {
                    writeln!(f, "    ghi chú: {note}")?;
                }
            }
        }
        write!(
            f,
            "Đã ghi {} văn bản, bỏ qua {}, {} văn bản còn thiếu trường bắt buộc.",
            self.written(),
            self.skipped(),
            self.incomplete()
        )
    }
}

/// Why an import stopped.
#[derive(Debug)]
pub enum ImportError {
    Read { path: PathBuf, source: io::Error },
    NotText { path: PathBuf },
    Write { path: PathBuf, source: io::Error },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Read { path, source } => {
                write!(f, "{}: không đọc được tệp: {source}", path.display())
            }
            ImportError::NotText { path } => write!(
                f,
                "{}: không phải văn bản UTF-8 hoặc UTF-16; hãy chuyển đổi tệp sang văn bản thuần trước",
                path.display()
            ),
            ImportError::Write { path, source } => {
                write!(f, "{}: không ghi được tệp: {source}", path.display())
            }
        }
    }
}

impl std::error::Error for ImportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ImportError::Read { source, .. } | ImportError::Write { source, .. } => Some(source),
            ImportError::NotText { .. } => None,
        }
    }
}

/// Drafts the documents of each file and writes them to
/// `content_dir/<issuer>/<date>-<number>.md`. Two documents of one batch
/// never share a name: the later ones get `-2`, `-3` ... in the order of the
/// batch, so the same batch run again names them the same. An existing
/// file is never overwritten: that document is reported as skipped.
pub fn import_files(content_dir: &Path, files: &[PathBuf]) -> Result<ImportReport, ImportError> {
    let mut report = ImportReport::default();
    let mut taken = BTreeSet::new();
    for source in files {
        let text = read_text(source)?;
        let mut documents = Vec::new();
        for draft in draft_documents(&text) {
            let path = unique_path(content_dir, &draft, &mut taken);
            documents.push(write_draft(path, &draft, &draft.to_markdown())?);
        }
        report.files.push(ImportedFile {
            source: source.clone(),
            documents,
        });
    }
    Ok(report)
}

/// The draft's path, with a counter when an earlier document of the batch
/// took its name.
pub(super) fn unique_path(
    content_dir: &Path,
    draft: &Draft,
    taken: &mut BTreeSet<PathBuf>,
) -> PathBuf {
    let folder = content_dir.join(draft.issuer_folder());
    let name = draft.file_name();
    let stem = name.strip_suffix(".md").unwrap_or(&name);
    let mut path = folder.join(&name);
    let mut k = 1;
    while taken.contains(&path) {
        k += 1;
        path = folder.join(format!("{stem}-{k}.md"));
    }
    taken.insert(path.clone());
    path
}

/// Writes `markdown` (the draft's) to `path` unless a file is there.
pub(super) fn write_draft(
    path: PathBuf,
    draft: &Draft,
    markdown: &str,
) -> Result<ImportedDocument, ImportError> {
    let folder = path.parent().unwrap_or(Path::new(".")).to_path_buf();
    let write_error = |source| ImportError::Write {
        path: path.clone(),
        source,
    };
    fs::create_dir_all(&folder).map_err(write_error)?;
    let outcome = match fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
    {
        Ok(mut file) => {
            file.write_all(markdown.as_bytes()).map_err(write_error)?;
            DocumentOutcome::Written
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => DocumentOutcome::SkippedExisting,
        Err(e) => return Err(write_error(e)),
    };
    Ok(ImportedDocument {
        path,
        number: draft.fields.number.clone(),
        outcome,
        missing: draft.missing.clone(),
        notes: draft.notes.clone(),
    })
}

/// The file as text: UTF-8 (with or without a byte-order mark) or UTF-16
/// with a byte-order mark, as Windows tools write it.
pub(super) fn read_text(path: &Path) -> Result<String, ImportError> {
    let bytes = fs::read(path).map_err(|source| ImportError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let not_text = || ImportError::NotText {
        path: path.to_path_buf(),
    };
    let utf16 = |bytes: &[u8], little: bool| {
        let units: Vec<u16> = bytes
            .chunks_exact(2)
            .map(|p| {
                if little {
                    u16::from_le_bytes([p[0], p[1]])
                } else {
                    u16::from_be_bytes([p[0], p[1]])
                }
            })
            .collect();
        String::from_utf16(&units).map_err(|_| not_text())
    };
    match bytes.as_slice() {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, true),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, false),
        _ => String::from_utf8(bytes).map_err(|_| not_text()),
    }
}

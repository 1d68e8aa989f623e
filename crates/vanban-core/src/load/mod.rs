//! Loading the content folder: find the documents, read them in parallel,
//! parse and check their front matter against the contract
//! (`docs/content-format.md`), and check that no two share an identity.
//!
//! Every problem of every file is reported, each with its file, line, column
//! where known, field, and the offending line. A run either returns all
//! documents or only errors.
//!
//! Which files are documents: every `*.md` file under the content folder,
//! except names starting with `_` (such as `_index.md`) or `.`, and except
//! anything inside a folder whose name starts with `.`. Other files are
//! ignored, and symbolic links are not followed.
//!
//! The order of the documents returned: by date, then number (normalized by
//! [`crate::number::normalize`]), then issuer, then path, so it never
//! depends on the file system or on thread timing.

mod front_matter;
mod identity;
mod source;
mod yaml;

use crate::diagnostics::{self, Diagnostic};
use crate::document::Document;
use rayon::prelude::*;
use source::SourceError;
use std::path::{Path, PathBuf};

/// Loads and checks every document under `content_dir`.
pub fn load(content_dir: &Path) -> Result<Vec<Document>, Vec<Diagnostic>> {
    let (files, errors) = find_documents(content_dir);
    let results: Vec<Result<(Loaded, ()), Vec<Diagnostic>>> = files
        .into_par_iter()
        .map(|(file, path)| read_and_parse(file, path, false).map(|(loaded, _)| (loaded, ())))
        .collect();
    let loaded = check_and_sort(results, errors).map_err(|(diags, _)| diags)?;
    Ok(loaded.into_iter().map(|(l, ())| l.doc).collect())
}

/// The documents of a folder kept between loads (for `serve`): a file whose
/// size and modification time did not change is not read again.
#[derive(Default)]
pub struct LoadCache {
    /// The documents of the last successful load, in [`load`]'s order.
    docs: Vec<Document>,
    /// Per document: its number key, size and modification time, and a
    /// hash of its bytes.
    meta: Vec<Kept>,
    /// Documents read since the last successful load, by path.
    fresh: foldhash::HashMap<String, (Loaded, Kept)>,
}

/// A file read and parsed, with what the cache keeps of it.
type Parsed = Result<(Loaded, Kept), Vec<Diagnostic>>;

struct Kept {
    number_key: String,
    number_line: usize,
    stamp: Stamp,
    hash: u64,
}

/// What tells that a file may have changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
}

fn stamp_of(file: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(file).ok()?;
    Some(Stamp {
        len: meta.len(),
        modified: meta.modified().ok(),
    })
}

impl LoadCache {
    /// The documents of the last successful [`LoadCache::load`].
    pub fn docs(&self) -> &[Document] {
        &self.docs
    }

    /// A hash of each document's file (same order as [`LoadCache::docs`]):
    /// equal hashes, equal files.
    pub fn hashes(&self) -> Vec<u64> {
        self.meta.iter().map(|k| k.hash).collect()
    }

    /// [`load`], reading only the files that are new or changed since the
    /// previous call; the documents are then [`LoadCache::docs`]. On
    /// errors, files that parsed are kept for the next call.
    pub fn load(&mut self, content_dir: &Path) -> Result<(), Vec<Diagnostic>> {
        let (files, errors) = find_documents(content_dir);
        self.refresh(files, errors, None)
    }

    /// [`LoadCache::load`] when the files that changed since the previous
    /// successful call are known (from a file watcher): the folder is not
    /// walked and only `changed` is looked at. Falls back to
    /// [`LoadCache::load`] after a failed call, or when a changed path is
    /// not a document file under `content_dir` (a folder renamed, say).
    pub fn load_changed(
        &mut self,
        content_dir: &Path,
        changed: &[PathBuf],
    ) -> Result<(), Vec<Diagnostic>> {
        let relative: Option<Vec<String>> = changed
            .iter()
            .map(|p| relative_path(content_dir, p))
            .collect();
        let usable = |r: &Vec<String>| {
            self.fresh.is_empty() && !self.docs.is_empty() && r.iter().all(|p| is_document_path(p))
        };
        let Some(relative) = relative.filter(usable) else {
            return self.load(content_dir);
        };
        let gone: std::collections::HashSet<&str> = relative.iter().map(String::as_str).collect();
        let mut files: Vec<(PathBuf, String)> = self
            .docs
            .iter()
            .filter(|d| !gone.contains(d.path.as_str()))
            .map(|d| (d.file.clone(), d.path.clone()))
            .collect();
        for rel in &relative {
            let file = rel
                .split('/')
                .fold(content_dir.to_path_buf(), |f, part| f.join(part));
            if file.is_file() {
                files.push((file, rel.clone()));
            }
        }
        let check: std::collections::HashSet<String> = relative.into_iter().collect();
        self.refresh(files, Vec::new(), Some(&check))
    }

    /// Brings the cache to `files`: a file is read again when it is new, or
    /// when `check` (relative paths) is `None` or lists it and its stamp
    /// changed.
    fn refresh(
        &mut self,
        files: Vec<(PathBuf, String)>,
        errors: Vec<Diagnostic>,
        check: Option<&std::collections::HashSet<String>>,
    ) -> Result<(), Vec<Diagnostic>> {
        let mut known = std::mem::take(&mut self.fresh);
        known.reserve(self.docs.len());
        for (doc, kept) in std::mem::take(&mut self.docs)
            .into_iter()
            .zip(self.meta.drain(..))
        {
            let loaded = Loaded {
                doc,
                number_key: kept.number_key.clone(),
                number_line: kept.number_line,
            };
            known.insert(loaded.doc.path.clone(), (loaded, kept));
        }
        let looked_at = |path: &str| check.is_none_or(|c| c.contains(path));
        let stamps: Vec<Option<Stamp>> = files
            .par_iter()
            .map(|(f, path)| if looked_at(path) { stamp_of(f) } else { None })
            .collect();
        let reused: Vec<Option<(Loaded, Kept)>> = files
            .iter()
            .zip(&stamps)
            .map(|((file, path), stamp)| match known.remove(path) {
                Some(entry) if entry.0.doc.file != *file => None,
                Some(entry) if !looked_at(path) => Some(entry),
                Some(entry) if stamp.is_some() && Some(entry.1.stamp) == *stamp => Some(entry),
                _ => None,
            })
            .collect();
        let results: Vec<Parsed> = files
            .into_par_iter()
            .zip(stamps)
            .zip(reused)
            .map(|(((file, path), stamp), reused)| match reused {
                Some(entry) => Ok(entry),
                None => read_and_parse(file, path, true).map(|(loaded, hash)| {
                    let kept = Kept {
                        number_key: loaded.number_key.clone(),
                        number_line: loaded.number_line,
                        stamp: stamp.unwrap_or(Stamp {
                            len: u64::MAX,
                            modified: None,
                        }),
                        hash,
                    };
                    (loaded, kept)
                }),
            })
            .collect();
        match check_and_sort(results, errors) {
            Ok(loaded) => {
                for (l, k) in loaded {
                    self.docs.push(l.doc);
                    self.meta.push(k);
                }
                Ok(())
            }
            Err((diags, loaded)) => {
                // Keep what parsed for the next try.
                for (l, k) in loaded {
                    self.fresh.insert(l.doc.path.clone(), (l, k));
                }
                Err(diags)
            }
        }
    }
}

/// Reads and parses one file; with `hash`, also hashes its bytes (else 0).
fn read_and_parse(
    file: PathBuf,
    path: String,
    hash: bool,
) -> Result<(Loaded, u64), Vec<Diagnostic>> {
    match std::fs::read(&file) {
        Ok(bytes) => {
            let hash = if hash {
                crate::fingerprint::of_bytes(&bytes)
            } else {
                0
            };
            parse(file, path, bytes).map(|l| (l, hash))
        }
        Err(e) => Err(vec![Diagnostic::error(
            file,
            0,
            format!("không đọc được tệp: {e}"),
        )]),
    }
}

/// Every document or every error: the identity check across files, then
/// the order of [`load`]. Each document comes with what the caller keeps
/// of it (`X`).
#[allow(clippy::type_complexity)]
fn check_and_sort<X: Send>(
    results: Vec<Result<(Loaded, X), Vec<Diagnostic>>>,
    mut errors: Vec<Diagnostic>,
) -> Result<Vec<(Loaded, X)>, (Vec<Diagnostic>, Vec<(Loaded, X)>)> {
    let mut loaded = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(doc) => loaded.push(doc),
            Err(diags) => errors.extend(diags),
        }
    }
    errors.extend(identity::duplicates(
        loaded.iter().map(|(l, _)| l).collect(),
    ));
    if !errors.is_empty() {
        diagnostics::sort(&mut errors);
        return Err((errors, loaded));
    }
    loaded.par_sort_unstable_by(|(a, _), (b, _)| {
        (a.doc.date, &a.number_key, &a.doc.issuer, &a.doc.path).cmp(&(
            b.doc.date,
            &b.number_key,
            &b.doc.issuer,
            &b.doc.path,
        ))
    });
    Ok(loaded)
}

/// Parses and checks one document file from its bytes. `file` is where it
/// is (for messages), `path` its path relative to the content folder with
/// `/` separators. Identity clashes between files are [`load`]'s concern.
pub fn parse_document(
    file: &Path,
    path: &str,
    bytes: Vec<u8>,
) -> Result<Document, Vec<Diagnostic>> {
    parse(file.to_path_buf(), path.to_string(), bytes).map(|l| l.doc)
}

/// A checked document with what the identity check and the sort need.
pub(crate) struct Loaded {
    pub doc: Document,
    pub number_key: String,
    pub number_line: usize,
}

fn parse(file: PathBuf, path: String, bytes: Vec<u8>) -> Result<Loaded, Vec<Diagnostic>> {
    let bom = bytes.starts_with(b"\xEF\xBB\xBF");
    let text = match source::decode(bytes) {
        Ok(text) => text,
        Err(error) => return Err(vec![source_error(&file, error, "")]),
    };
    let parts = match source::split(&text) {
        Ok(parts) => parts,
        Err(error) => return Err(vec![source_error(&file, error, &text)]),
    };
    let yaml_text = &text[parts.yaml.clone()];
    let root = match yaml::parse(yaml_text) {
        Ok(root) => root,
        Err(mut e) => {
            if let Some((open, line)) = e.unclosed {
                // The bracket left open is the likelier cause: say it first.
                let detail = e.message.trim_start_matches("YAML không hợp lệ: ");
                e.message = format!(
                    "YAML không hợp lệ: dấu `{open}` mở ở dòng {} có thể chưa được đóng \
                     (chi tiết: {detail})",
                    line + 1
                );
            }
            let mut diag = Diagnostic::error(&file, e.line + 1, e.message).column(e.column);
            if let Some(field) = e.field.or_else(|| field_on_line(yaml_text, e.line)) {
                diag = diag.field(field);
            }
            return Err(vec![diag.with_source(&text)]);
        }
    };
    let fm = front_matter::check(root.as_ref(), &file, &text)?;
    // Kept when the body is loaded as written (see `Document::head`).
    let head = (!text[parts.body_start..].contains('\r')).then(|| {
        let bom = if bom { "\u{feff}" } else { "" };
        format!("{bom}{}", &text[..parts.body_start])
    });
    let body = source::take_body(text, parts.body_start);
    let number_key = crate::number::normalize(&fm.number);
    Ok(Loaded {
        number_key,
        number_line: fm.number_line,
        doc: Document {
            path,
            file,
            number: fm.number,
            doc_type: fm.doc_type,
            title: fm.title,
            issuer: fm.issuer,
            date: fm.date,
            place: fm.place,
            signers: fm.signers,
            recipients: fm.recipients,
            distribution: fm.distribution,
            attachments: fm.attachments,
            references: fm.references,
            topics: fm.topics,
            source: fm.source,
            aliases: fm.aliases,
            hand: fm.hand,
            body,
            head,
            body_line: parts.closing_line + 1,
        },
    })
}

fn source_error(file: &Path, error: SourceError, text: &str) -> Diagnostic {
    match error {
        SourceError::InvalidUtf8 { line, column, text } => {
            let mut diag = Diagnostic::error(
                file,
                line,
                format!(
                    "tệp không phải văn bản UTF-8: byte không hợp lệ đầu tiên ở dòng {line}, \
                     cột {column}; hãy lưu lại tệp với bảng mã UTF-8"
                ),
            )
            .column(column);
            diag.snippet = Some(text);
            diag
        }
        SourceError::NoFrontMatter => Diagnostic::error(
            file,
            1,
            "thiếu front matter: tệp phải bắt đầu bằng một dòng ---",
        )
        .with_source(text),
        SourceError::Unterminated => Diagnostic::error(
            file,
            1,
            "front matter chưa được đóng: cần một dòng --- sau các trường, trước nội dung",
        )
        .with_source(text),
    }
}

/// The top-level key whose value spans YAML line `line`, if any: the last
/// line at or before it that starts with `name:`.
fn field_on_line(yaml: &str, line: usize) -> Option<String> {
    yaml.lines()
        .take(line)
        .filter_map(|l| {
            let first = l.chars().next()?;
            if first.is_whitespace() || matches!(first, '-' | '#' | '[' | '{' | '"' | '\'') {
                return None;
            }
            let name = l.split(':').next()?.trim();
            (l.contains(':') && !name.is_empty() && name.len() < 40).then(|| name.to_string())
        })
        .last()
}

/// Whether a path relative to the content folder names a document (the
/// rules of [`find_documents`]).
fn is_document_path(rel: &str) -> bool {
    let mut parts = rel.split('/');
    let name = parts.next_back().unwrap_or("");
    name.ends_with(".md")
        && !name.starts_with('_')
        && !name.starts_with('.')
        && parts.all(|p| !p.starts_with('.') && !p.is_empty())
}

/// `path` relative to `dir`, `/`-separated, whether the two are given
/// relative to the working folder or absolute.
fn relative_path(dir: &Path, path: &Path) -> Option<String> {
    let rel = path
        .strip_prefix(dir)
        .ok()
        .map(Path::to_path_buf)
        .or_else(|| {
            let cwd = std::env::current_dir().ok()?;
            let abs = |p: &Path| {
                if p.is_absolute() {
                    p.to_path_buf()
                } else {
                    cwd.join(p)
                }
            };
            let (dir, path) = (abs(dir), abs(path));
            path.strip_prefix(&dir).ok().map(Path::to_path_buf)
        })?;
    let parts: Option<Vec<&str>> = rel.iter().map(|c| c.to_str()).collect();
    let parts = parts?;
    (!parts.is_empty() && parts.iter().all(|p| *p != ".." && *p != ".")).then(|| parts.join("/"))
}

/// The document files under `dir`, in a fixed order, each with its path
/// relative to `dir`; and the errors met on the way.
fn find_documents(dir: &Path) -> (Vec<(PathBuf, String)>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    if !dir.is_dir() {
        errors.push(Diagnostic::error(dir, 0, "không tìm thấy thư mục nội dung"));
        return (files, errors);
    }
    let walker = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let at = e.path().unwrap_or(dir).to_path_buf();
                errors.push(Diagnostic::error(at, 0, format!("không đọc được: {e}")));
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy();
        if !entry.file_type().is_file() || !name.ends_with(".md") || name.starts_with('_') {
            continue;
        }
        let relative = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let parts: Option<Vec<&str>> = relative.iter().map(|c| c.to_str()).collect();
        match parts {
            Some(parts) => files.push((entry.path().to_path_buf(), parts.join("/"))),
            None => errors.push(Diagnostic::error(
                entry.path(),
                0,
                "tên tệp hoặc thư mục không phải UTF-8; hãy đổi tên",
            )),
        }
    }
    (files, errors)
}

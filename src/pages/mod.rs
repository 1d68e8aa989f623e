//! Every file of the site, written from the model: one function a kind of
//! page. Document pages are rendered in parallel; each page is written as
//! soon as it is rendered.

mod chain;
mod data;
mod document;
mod feeds;
mod json_lines;
mod lists;
mod original;
mod pager;
mod scoped;

use crate::output::Staging;
use crate::render::{Renderer, Theme};
use crate::site::Site;
use rayon::prelude::*;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

pub use pager::{Pager, paginate};

/// How many HTML pages and files in all were written.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub pages: usize,
    pub files: usize,
    /// Of `files`, how many were rendered and written: in a keyed build
    /// (see [`Memo`]) the others were already in the output, unchanged.
    pub written: usize,
}

/// The files of a previous build and a key of what each was made from.
/// A keyed build skips every file whose key did not change.
pub type FileKeys = HashMap<String, u64>;

/// What a keyed build knows: the keys of the previous build (empty for a
/// first build), and the keys of this one as it goes.
pub struct Memo<'p> {
    previous: &'p FileKeys,
    current: Mutex<FileKeys>,
    /// A hash of each document's file, in the order of the site's documents.
    doc_hashes: &'p [u64],
    /// The key of each document's page, as made.
    doc_keys: Vec<std::sync::atomic::AtomicU64>,
}

impl<'p> Memo<'p> {
    pub fn new(previous: &'p FileKeys, doc_hashes: &'p [u64]) -> Memo<'p> {
        Memo {
            previous,
            current: Mutex::new(FileKeys::with_capacity(previous.len())),
            doc_hashes,
            doc_keys: doc_hashes.iter().map(|_| Default::default()).collect(),
        }
    }

    /// The keys of this build; files of the previous one missing here are
    /// stale.
    pub fn into_keys(self) -> FileKeys {
        self.current.into_inner().unwrap_or_else(|e| e.into_inner())
    }

    /// The files of the previous build that this one did not make.
    pub fn stale<'k>(previous: &'k FileKeys, current: &FileKeys) -> Vec<&'k str> {
        let mut stale: Vec<&str> = previous
            .keys()
            .filter(|p| !p.starts_with(CARRIED) && !current.contains_key(*p))
            .map(String::as_str)
            .collect();
        stale.sort_unstable();
        stale
    }
}

/// Marks the keys of groups of files carried over whole (see
/// [`Writer::carry`]); no file's path starts with it.
const CARRIED: &str = "\0";

/// Feeds what is written into a hasher.
struct HashWriter<H>(H);

impl<H: Hasher> std::io::Write for HashWriter<H> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A key of a serializable value (its JSON form) and a name.
fn key_of<T: serde::Serialize>(name: &str, value: &T) -> Result<u64, String> {
    key_with(name, value, |_| {})
}

/// [`key_of`], with more fed in by `more`.
fn key_with<T: serde::Serialize>(
    name: &str,
    value: &T,
    more: impl FnOnce(&mut crate::fingerprint::Hasher),
) -> Result<u64, String> {
    let mut h = HashWriter(crate::fingerprint::hasher());
    name.hash(&mut h.0);
    serde_json::to_writer(&mut h, value).map_err(|e| e.to_string())?;
    more(&mut h.0);
    Ok(h.0.finish())
}

/// Writes pages and files, counting them; errors carry the path.
pub(crate) struct Writer<'a> {
    pub site: &'a Site<'a>,
    pub renderer: &'a Renderer,
    staging: &'a Staging,
    memo: Option<&'a Memo<'a>>,
    pages: AtomicUsize,
    files: AtomicUsize,
    written: AtomicUsize,
    /// Every page a search engine should know, for the sitemap.
    listed: Mutex<Vec<String>>,
}

impl Writer<'_> {
    /// Renders `template` with `page` and writes it at `path`.
    pub fn page<T: serde::Serialize>(
        &self,
        template: &str,
        path: &str,
        page: &T,
    ) -> Result<(), String> {
        let key = match self.memo {
            Some(_) => Some(key_of(template, page)?),
            None => None,
        };
        self.page_keyed(template, path, || key.unwrap_or(0), || page)
    }

    /// [`Writer::page`] for a page whose key is cheaper to make than its
    /// context: `key` must change whenever what `page` shows does.
    pub fn page_keyed<T: serde::Serialize>(
        &self,
        template: &str,
        path: &str,
        key: impl FnOnce() -> u64,
        page: impl FnOnce() -> T,
    ) -> Result<(), String> {
        self.pages.fetch_add(1, Ordering::Relaxed);
        if template != "404.html" && template != "redirect.html" {
            self.listed
                .lock()
                .map_err(|e| e.to_string())?
                .push(path.to_string());
        }
        if self.unchanged(path, key)? {
            return Ok(());
        }
        let html = self.renderer.render(template, path, &page())?;
        self.write(path, &html)
    }

    /// Writes `bytes` at `path`.
    pub fn file(&self, path: &str, bytes: &[u8]) -> Result<(), String> {
        if self.unchanged(path, || crate::fingerprint::of_bytes(bytes))? {
            return Ok(());
        }
        self.write(path, bytes)
    }

    /// [`Writer::file`] for a file whose key is cheaper to make than its
    /// bytes.
    pub fn file_keyed(
        &self,
        path: &str,
        key: impl FnOnce() -> u64,
        bytes: impl FnOnce() -> Result<Vec<u8>, String>,
    ) -> Result<(), String> {
        if self.unchanged(path, key)? {
            return Ok(());
        }
        self.write(path, &bytes()?)
    }

    /// Writes `value` as JSON at `path` (a line for each entry of a top-level
    /// list: see [`json_lines`]), streamed: a file of every
    /// document is never held in memory whole (except in a keyed build,
    /// which compares it with the previous one).
    pub fn json<T: serde::Serialize>(&self, path: &str, value: &T) -> Result<(), String> {
        use std::io::Write;
        let fail = |e: &dyn std::fmt::Display| format!("ghi /{path}: {e}");
        if self.memo.is_some() {
            let bytes = json_lines::to_vec(value, 2).map_err(|e| fail(&e))?;
            return self.file(path, &bytes);
        }
        self.files.fetch_add(1, Ordering::Relaxed);
        self.written.fetch_add(1, Ordering::Relaxed);
        let file = self.staging.create(path).map_err(|e| fail(&e))?;
        let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
        json_lines::to_writer(&mut out, value, 2).map_err(|e| fail(&e))?;
        out.flush().map_err(|e| fail(&e))
    }

    /// [`Writer::json`] for a file whose key is cheaper to make than its
    /// bytes.
    pub fn json_keyed<T: serde::Serialize>(
        &self,
        path: &str,
        key: impl FnOnce() -> u64,
        value: &T,
    ) -> Result<(), String> {
        if self.memo.is_none() {
            return self.json(path, value);
        }
        self.file_keyed(path, key, || {
            json_lines::to_vec(value, 2).map_err(|e| e.to_string())
        })
    }

    /// Whether this is a keyed build (keys are worth making).
    pub fn keyed(&self) -> bool {
        self.memo.is_some()
    }

    /// Records the key of document `i`'s page, for the files made from
    /// every document.
    pub fn set_doc_key(&self, i: usize, key: u64) {
        if let Some(memo) = self.memo {
            memo.doc_keys[i].store(key, Ordering::Relaxed);
        }
    }

    /// A key of every document page's key (after the document pages).
    pub fn all_doc_keys(&self) -> u64 {
        let mut h = crate::fingerprint::hasher();
        if let Some(memo) = self.memo {
            for k in &memo.doc_keys {
                k.load(Ordering::Relaxed).hash(&mut h);
            }
        }
        h.finish()
    }

    /// In a keyed build, when the files under `prefix` were made from
    /// inputs whose key is `key` last time too: keeps them all, and says
    /// so (the caller then makes none of them).
    pub fn carry(&self, prefix: &str, key: impl FnOnce() -> u64) -> Result<bool, String> {
        let Some(memo) = self.memo else {
            return Ok(false);
        };
        let mark = format!("{CARRIED}{prefix}");
        let key = key();
        if memo.previous.get(&mark) != Some(&key) {
            memo.current
                .lock()
                .map_err(|e| e.to_string())?
                .insert(mark, key);
            return Ok(false);
        }
        let mut current = memo.current.lock().map_err(|e| e.to_string())?;
        current.insert(mark, key);
        for (path, key) in memo.previous.iter() {
            if path.starts_with(prefix) {
                self.files.fetch_add(1, Ordering::Relaxed);
                current.insert(path.clone(), *key);
            }
        }
        Ok(true)
    }

    /// Counts the file at `path`; in a keyed build, records its key and
    /// says whether the previous build wrote it with the same key.
    fn unchanged(&self, path: &str, key: impl FnOnce() -> u64) -> Result<bool, String> {
        self.files.fetch_add(1, Ordering::Relaxed);
        let Some(memo) = self.memo else {
            return Ok(false);
        };
        let key = key();
        let mut current = memo.current.lock().map_err(|e| e.to_string())?;
        if current.insert(path.to_string(), key).is_some() {
            return Err(format!(
                "ghi /{path}: hai trang cùng một địa chỉ (một alias hoặc tên trùng với trang khác)"
            ));
        }
        Ok(memo.previous.get(path) == Some(&key))
    }

    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), String> {
        self.written.fetch_add(1, Ordering::Relaxed);
        self.staging
            .write(path, bytes)
            .map_err(|e| format!("ghi /{path}: {e}"))
    }

    /// The hash of document `i`'s file, in a keyed build.
    pub fn doc_hash(&self, i: usize) -> u64 {
        self.memo.map_or(0, |m| m.doc_hashes[i])
    }
}

/// The client-side search index, under `search/`. The status filter's
/// values are the theme's words of the lists (`list_replaced`, …) and of
/// the status line (`status_none_known`).
fn write_search_index(w: &Writer, theme: &Theme) -> Result<(), String> {
    let site = w.site;
    let word = |key: &str| theme.labels.get(key).map_or("", String::as_str);
    let statuses: Vec<&str> = site
        .validity
        .iter()
        .map(|v| match v.state.as_str() {
            "none_known" => word("status_none_known"),
            s => word(&format!("list_{s}")),
        })
        .collect();
    // Made from the documents' files, addresses and statuses (another
    // document's edit may change a status).
    let inputs = || {
        let mut h = crate::fingerprint::hasher();
        for (i, path) in site.paths.iter().enumerate() {
            w.doc_hash(i).hash(&mut h);
            path.hash(&mut h);
        }
        statuses.hash(&mut h);
        h.finish()
    };
    if w.carry("search/", inputs)? {
        return Ok(());
    }
    let docs: Vec<crate::search::SearchDoc> = site
        .docs
        .iter()
        .zip(&site.paths)
        .zip(&statuses)
        .zip(&site.issuer_of)
        .map(|(((d, path), status), &gi)| crate::search::SearchDoc {
            number: &d.number,
            doc_type: &d.doc_type,
            title: &d.title,
            // The issuer as its page names it: one facet value per body.
            issuer: &site.issuers[gi].name,
            date: d.date,
            url: path,
            topics: &d.topics,
            body: &d.body,
            status,
        })
        .collect();
    // Cited documents outside the archive have pages: they are found too.
    let cited: Vec<crate::search::CitedDoc> = site
        .graph
        .external
        .iter()
        .zip(&site.external_paths)
        .map(|(e, path)| crate::search::CitedDoc {
            number: &e.number,
            doc_type: e.doc_type.as_deref().unwrap_or(""),
            issuer: e.issuer.as_deref().unwrap_or(""),
            date: e.dates.first().copied(),
            url: path,
        })
        .collect();
    let files = crate::search::build_index_with(&docs, &cited);
    files.par_iter().try_for_each(|f| w.file(&f.path, &f.bytes))
}

/// Writes the whole site into `staging`; `lap` is told the end of each
/// kind of file, for the build's timings.
pub fn write_all(
    site: &Site,
    renderer: &Renderer,
    theme: &Theme,
    staging: &Staging,
    memo: Option<&Memo>,
    lap: &mut dyn FnMut(&'static str),
    pages_ready: &mut dyn FnMut(),
) -> Result<Counts, String> {
    let w = Writer {
        site,
        renderer,
        staging,
        memo,
        pages: AtomicUsize::new(0),
        files: AtomicUsize::new(0),
        written: AtomicUsize::new(0),
        listed: Mutex::new(Vec::new()),
    };
    for (name, bytes) in &theme.statics {
        w.file(&format!("static/{name}"), bytes)?;
    }
    w.file("favicon.ico", crate::render::theme::FAVICON_ICO)?;
    document::write_all(&w)?;
    lap("document pages");
    document::write_shared_and_external(&w)?;
    document::write_aliases(&w)?;
    lists::write_all(&w)?;
    lap("list pages");
    pages_ready();
    data::write_all(&w)?;
    lap("data");
    write_search_index(&w, theme)?;
    lap("search index");
    feeds::write_all(&w)?;
    let mut listed = std::mem::take(&mut *w.listed.lock().map_err(|e| e.to_string())?);
    listed.sort();
    feeds::write_sitemap(&w, &listed)?;
    lap("feeds and sitemap");
    Ok(Counts {
        pages: w.pages.load(Ordering::Relaxed),
        files: w.files.load(Ordering::Relaxed),
        written: w.written.load(Ordering::Relaxed),
    })
}

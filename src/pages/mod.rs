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

/// Why a file of the site could not be made.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// Writing the file at `path` (relative to the site) failed.
    #[error("ghi /{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    /// Its JSON could not be made.
    #[error("ghi /{path}: {source}")]
    Json {
        path: String,
        source: serde_json::Error,
    },
    /// A template failed.
    #[error(transparent)]
    Render(#[from] crate::render::RenderError),
    /// Two files of the site at one address.
    #[error("ghi /{path}: hai trang cùng một địa chỉ (một alias hoặc tên trùng với trang khác)")]
    SameAddress { path: String },
    /// A document's alias is the address of another page.
    #[error("{}: alias {alias} trùng địa chỉ của một trang khác", .file.display())]
    AliasTaken {
        file: std::path::PathBuf,
        alias: String,
    },
    /// A file copied into the site (an original, a document's source)
    /// could not be read.
    #[error("{}: {source}", .file.display())]
    Read {
        file: std::path::PathBuf,
        source: std::io::Error,
    },
}

/// The result of writing.
pub type Result<T, E = WriteError> = std::result::Result<T, E>;

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
}

impl<'p> Memo<'p> {
    pub fn new(previous: &'p FileKeys) -> Memo<'p> {
        Memo {
            previous,
            current: Mutex::new(FileKeys::with_capacity(previous.len())),
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

/// A lock that a panicked writer left is still good: the writers only
/// insert.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

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

/// A key of a serializable value (its JSON form) and a name: the key of
/// a file made from that value alone.
pub(crate) fn key_of<T: serde::Serialize>(name: &str, value: &T) -> serde_json::Result<u64> {
    let mut h = HashWriter(crate::fingerprint::hasher());
    name.hash(&mut h.0);
    serde_json::to_writer(&mut h, value)?;
    Ok(h.0.finish())
}

/// What a file of the site is made of, for [`Writer::put`]. Its key, in a
/// keyed build, is derived from it: the view a template receives, or the
/// bytes.
pub(crate) enum Content<'t, T> {
    /// A page: `template` rendered with `view`.
    Page(&'t str, T),
    /// Another file made from a template (a feed, a sitemap).
    Render(&'t str, T),
    /// `value` as JSON, a line for each entry of the top-level lists down
    /// to `depth` (see [`json_lines`]).
    Json(T, usize),
    Bytes(std::borrow::Cow<'t, [u8]>),
}

/// A [`Content`] that is only bytes.
pub(crate) fn bytes(b: &[u8]) -> Content<'_, ()> {
    Content::Bytes(std::borrow::Cow::Borrowed(b))
}

/// A file of a keyed build between its key and its bytes.
enum Pending<F, C> {
    /// Still to make.
    Make(F),
    /// Made, to render.
    Made(C),
    Bytes(Vec<u8>),
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
    /// Writes `content` at `path`; in a keyed build, only when its key
    /// changed.
    pub fn put<T: serde::Serialize>(&self, path: &str, content: Content<'_, T>) -> Result<()> {
        let page = match &content {
            Content::Page(t, _) => Some(*t),
            _ => None,
        };
        self.put_with(path, page, None, || Ok(content))
    }

    /// [`Writer::put`] for a file whose content costs more to make than a
    /// key of what it is made from: `inputs`, when given, is that key (it
    /// must cover everything the content is made from), and `make` is
    /// called only when the file is to be written. `page` is its template
    /// when it is a page.
    pub fn put_with<'c, T: serde::Serialize>(
        &self,
        path: &str,
        page: Option<&str>,
        inputs: Option<u64>,
        make: impl FnOnce() -> Result<Content<'c, T>>,
    ) -> Result<()> {
        self.files.fetch_add(1, Ordering::Relaxed);
        if let Some(template) = page {
            self.pages.fetch_add(1, Ordering::Relaxed);
            if template != "404.html" && template != "redirect.html" {
                lock(&self.listed).push(path.to_string());
            }
        }
        let io = |source: std::io::Error| WriteError::Io {
            path: path.to_string(),
            source,
        };
        let json = |source: serde_json::Error| WriteError::Json {
            path: path.to_string(),
            source,
        };
        let Some(memo) = self.memo else {
            // A one-off build: no key, every file written.
            self.written.fetch_add(1, Ordering::Relaxed);
            return match make()? {
                Content::Json(value, depth) => {
                    // Streamed: a file of every document is never held whole.
                    use std::io::Write;
                    let file = self.staging.create(path).map_err(io)?;
                    let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
                    json_lines::to_writer(&mut out, &value, depth).map_err(json)?;
                    out.flush().map_err(io)
                }
                content => self.write(path, &self.bytes_of(path, content)?),
            };
        };
        // The one keyed path: the key, from the inputs or the content; the
        // content made only when its key changed.
        let (key, pending) = match inputs {
            Some(key) => (key, Pending::Make(make)),
            None => {
                let content = make()?;
                let view_key = match &content {
                    Content::Page(t, v) | Content::Render(t, v) => {
                        Some(key_of(t, v).map_err(json)?)
                    }
                    Content::Json(..) | Content::Bytes(_) => None,
                };
                match view_key {
                    Some(key) => (key, Pending::Made(content)),
                    None => {
                        let bytes = self.bytes_of(path, content)?;
                        (crate::fingerprint::of_bytes(&bytes), Pending::Bytes(bytes))
                    }
                }
            }
        };
        {
            let mut current = lock(&memo.current);
            if current.insert(path.to_string(), key).is_some() {
                return Err(WriteError::SameAddress {
                    path: path.to_string(),
                });
            }
        }
        if memo.previous.get(path) == Some(&key) {
            return Ok(());
        }
        let bytes = match pending {
            Pending::Bytes(bytes) => bytes,
            Pending::Made(content) => self.bytes_of(path, content)?,
            Pending::Make(make) => self.bytes_of(path, make()?)?,
        };
        self.written.fetch_add(1, Ordering::Relaxed);
        self.write(path, &bytes)
    }

    fn bytes_of<T: serde::Serialize>(
        &self,
        path: &str,
        content: Content<'_, T>,
    ) -> Result<Vec<u8>> {
        Ok(match content {
            Content::Page(t, v) | Content::Render(t, v) => self.renderer.render(t, path, &v)?,
            Content::Json(v, depth) => {
                json_lines::to_vec(&v, depth).map_err(|source| WriteError::Json {
                    path: path.to_string(),
                    source,
                })?
            }
            Content::Bytes(b) => b.into_owned(),
        })
    }

    /// In a keyed build, when the files under `prefix` were made from
    /// inputs whose key is `key` last time too: keeps them all, and says
    /// so (the caller then makes none of them).
    pub fn carry(&self, prefix: &str, key: impl FnOnce() -> u64) -> bool {
        let Some(memo) = self.memo else {
            return false;
        };
        let mark = format!("{CARRIED}{prefix}");
        let key = key();
        let mut current = lock(&memo.current);
        current.insert(mark.clone(), key);
        if memo.previous.get(&mark) != Some(&key) {
            return false;
        }
        for (path, key) in memo.previous.iter() {
            if path.starts_with(prefix) {
                self.files.fetch_add(1, Ordering::Relaxed);
                current.insert(path.clone(), *key);
            }
        }
        true
    }

    /// Whether this is a keyed build (keys are worth making).
    pub fn keyed(&self) -> bool {
        self.memo.is_some()
    }

    fn write(&self, path: &str, bytes: &[u8]) -> Result<()> {
        self.staging
            .write(path, bytes)
            .map_err(|source| WriteError::Io {
                path: path.to_string(),
                source,
            })
    }
}

/// The client-side search index, under `search/`. The status filter's
/// values are the theme's words of the lists (`list_replaced`, …) and of
/// the status line (`status_none_known`).
fn write_search_index(w: &Writer, theme: &Theme) -> Result<()> {
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
    // The index is made from these lists alone: their hash is its key.
    let inputs = || {
        let mut h = crate::fingerprint::hasher();
        for d in &docs {
            (d.number, d.doc_type, d.title, d.issuer, d.date, d.url).hash(&mut h);
            (d.topics, d.body, d.status).hash(&mut h);
        }
        for c in &cited {
            (c.number, c.doc_type, c.issuer, c.date, c.url).hash(&mut h);
        }
        h.finish()
    };
    if w.carry("search/", inputs) {
        return Ok(());
    }
    let files = crate::search::build_index_with(&docs, &cited);
    files
        .par_iter()
        .try_for_each(|f| w.put(&f.path, bytes(&f.bytes)))
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
) -> Result<Counts> {
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
    for (name, b) in &theme.statics {
        w.put(&format!("static/{name}"), bytes(b))?;
    }
    w.put("favicon.ico", bytes(crate::render::theme::FAVICON_ICO))?;
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
    let mut listed = std::mem::take(&mut *lock(&w.listed));
    listed.sort();
    feeds::write_sitemap(&w, &listed)?;
    lap("feeds and sitemap");
    Ok(Counts {
        pages: w.pages.load(Ordering::Relaxed),
        files: w.files.load(Ordering::Relaxed),
        written: w.written.load(Ordering::Relaxed),
    })
}

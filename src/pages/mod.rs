//! Every file of the site, written from the model: one function a kind of
//! page. Document pages are rendered in parallel; each page is written as
//! soon as it is rendered.

mod data;
mod document;
mod feeds;
mod lists;
mod pager;

use crate::output::Staging;
use crate::render::{Renderer, Theme};
use crate::site::Site;
use rayon::prelude::*;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

pub use pager::{Pager, paginate};

/// How many HTML pages and files in all were written.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub pages: usize,
    pub files: usize,
}

/// Writes pages and files, counting them; errors carry the path.
pub(crate) struct Writer<'a> {
    pub site: &'a Site<'a>,
    pub renderer: &'a Renderer,
    staging: &'a Staging,
    pages: AtomicUsize,
    files: AtomicUsize,
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
        let html = self.renderer.render(template, path, page)?;
        self.pages.fetch_add(1, Ordering::Relaxed);
        if template != "404.html" && template != "redirect.html" {
            self.listed
                .lock()
                .map_err(|e| e.to_string())?
                .push(path.to_string());
        }
        self.file(path, &html)
    }

    /// Writes `value` as pretty JSON at `path`, streamed: a file of every
    /// document is never held in memory whole.
    pub fn json<T: serde::Serialize>(&self, path: &str, value: &T) -> Result<(), String> {
        use std::io::Write;
        self.files.fetch_add(1, Ordering::Relaxed);
        let fail = |e: &dyn std::fmt::Display| format!("ghi /{path}: {e}");
        let file = self.staging.create(path).map_err(|e| fail(&e))?;
        let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
        serde_json::to_writer_pretty(&mut out, value).map_err(|e| fail(&e))?;
        out.write_all(b"\n").map_err(|e| fail(&e))?;
        out.flush().map_err(|e| fail(&e))
    }

    pub fn file(&self, path: &str, bytes: &[u8]) -> Result<(), String> {
        self.files.fetch_add(1, Ordering::Relaxed);
        self.staging
            .write(path, bytes)
            .map_err(|e| format!("ghi /{path}: {e}"))
    }
}

/// The client-side search index, under `search/`.
fn write_search_index(w: &Writer) -> Result<(), String> {
    let site = w.site;
    let docs: Vec<crate::search::SearchDoc> = site
        .docs
        .iter()
        .zip(&site.paths)
        .map(|(d, path)| crate::search::SearchDoc {
            number: &d.number,
            doc_type: &d.doc_type,
            title: &d.title,
            issuer: &d.issuer,
            date: d.date,
            url: path,
            topics: &d.topics,
            body: &d.body,
        })
        .collect();
    let files = crate::search::build_index(&docs);
    files.par_iter().try_for_each(|f| w.file(&f.path, &f.bytes))
}

/// Writes the whole site into `staging`.
pub fn write_all(
    site: &Site,
    renderer: &Renderer,
    theme: &Theme,
    staging: &Staging,
    clock: &mut crate::build::Stages,
) -> Result<Counts, String> {
    let w = Writer {
        site,
        renderer,
        staging,
        pages: AtomicUsize::new(0),
        files: AtomicUsize::new(0),
        listed: Mutex::new(Vec::new()),
    };
    for (name, bytes) in &theme.statics {
        w.file(&format!("static/{name}"), bytes)?;
    }
    document::write_all(&w)?;
    clock.lap("document pages");
    document::write_shared_and_external(&w)?;
    document::write_aliases(&w)?;
    lists::write_all(&w)?;
    clock.lap("list pages");
    data::write_all(&w)?;
    clock.lap("data");
    write_search_index(&w)?;
    clock.lap("search index");
    feeds::write_all(&w)?;
    let mut listed = std::mem::take(&mut *w.listed.lock().map_err(|e| e.to_string())?);
    listed.sort();
    feeds::write_sitemap(&w, &listed)?;
    clock.lap("feeds and sitemap");
    Ok(Counts {
        pages: w.pages.load(Ordering::Relaxed),
        files: w.files.load(Ordering::Relaxed),
    })
}

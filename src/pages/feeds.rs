//! Atom feeds (the archive, each issuer, each type), `sitemap.xml` and
//! `robots.txt`.

use super::{Content, Writer, bytes};
use crate::site::{Group, dates};
use serde::Serialize;

/// How many entries a feed carries, newest first.
const FEED_SIZE: usize = 50;
/// The sitemap protocol's limit of URLs per file.
const SITEMAP_LIMIT: usize = 50_000;

#[derive(Serialize)]
struct Feed<'a> {
    title: String,
    /// The feed's own URL and the page it describes, absolute.
    self_url: String,
    page_url: String,
    /// Atom `id`: the page's absolute URL.
    id: String,
    updated: String,
    entries: Vec<Entry<'a>>,
}

#[derive(Serialize)]
struct Entry<'a> {
    title: String,
    url: String,
    updated: String,
    number: &'a str,
    doc_type: &'a str,
    issuer: &'a str,
    date_vi: String,
    summary: &'a str,
    signers: Vec<String>,
    topics: &'a [String],
    /// `repealed`, `replaced`, `amended` or `none_known`.
    status: &'static str,
    /// What it says of what it cites, other than mentions: (kind, number).
    relations: Vec<Relation<'a>>,
}

#[derive(Serialize)]
struct Relation<'a> {
    kind: &'static str,
    number: &'a str,
}

/// The Atom timestamp of a document: its date at midnight, Vietnam time.
fn stamp(date: chrono::NaiveDate) -> String {
    format!("{}T00:00:00+07:00", dates::iso(date))
}

fn feed<'a>(w: &'a Writer, title: String, page_path: &str, docs: &[usize]) -> Feed<'a> {
    let site = w.site;
    let base = &site.config.base_url;
    let entries: Vec<Entry> = docs
        .iter()
        .take(FEED_SIZE)
        .map(|&i| {
            let d = &site.docs[i];
            Entry {
                title: format!("{} {} – {}", d.doc_type, d.number, d.title),
                url: format!("{base}{}", site.paths[i]),
                updated: stamp(d.date),
                number: &d.number,
                doc_type: &d.doc_type,
                issuer: &d.issuer,
                date_vi: dates::short(d.date),
                summary: &d.title,
                signers: d
                    .signers
                    .iter()
                    .map(|s| {
                        [
                            s.authority.as_deref(),
                            s.position.as_deref(),
                            s.name.as_deref(),
                        ]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" ")
                    })
                    .collect(),
                topics: &d.topics,
                status: site.validity[i].state.as_str(),
                relations: site.graph.outgoing[i]
                    .iter()
                    .filter(|c| c.kind != crate::citation::CiteKind::Mentions)
                    .map(|c| Relation {
                        kind: c.kind.as_str(),
                        number: &c.number,
                    })
                    .collect(),
            }
        })
        .collect();
    let updated = docs
        .first()
        .map(|&i| stamp(site.docs[i].date))
        .unwrap_or_else(|| "2000-01-01T00:00:00+07:00".into());
    Feed {
        title,
        self_url: format!("{base}{page_path}feed.xml"),
        page_url: format!("{base}{page_path}"),
        id: format!("{base}{page_path}"),
        updated,
        entries,
    }
}

/// Writes the feeds and `robots.txt`. Feeds need absolute addresses: they
/// are left out without a base URL (`build` and `check` warn).
pub(super) fn write_all(w: &Writer) -> super::Result<()> {
    let site = w.site;
    let Some(sitemap) = site.config.absolute("sitemap.xml") else {
        return w.put("robots.txt", bytes(b"User-agent: *\nAllow: /\n"));
    };
    let newest: Vec<usize> = (0..site.docs.len()).rev().collect();
    let f = feed(w, site.config.title.clone(), "", &newest);
    w.put("feed.xml", Content::Render("feed.xml", f))?;
    let groups = |groups: &[Group], what: &str| -> super::Result<()> {
        for g in groups {
            let f = feed(
                w,
                format!("{what}: {} – {}", g.name, site.config.title),
                &g.path,
                &g.docs,
            );
            let path = format!("{}feed.xml", g.path);
            w.put(&path, Content::Render("feed.xml", f))?;
        }
        Ok(())
    };
    groups(&site.issuers, "Cơ quan")?;
    groups(&site.types, "Loại")?;
    let robots = format!("User-agent: *\nAllow: /\nSitemap: {sitemap}\n");
    w.put("robots.txt", bytes(robots.as_bytes()))?;
    Ok(())
}

#[derive(Serialize)]
struct Sitemap {
    urls: Vec<String>,
}

#[derive(Serialize)]
struct SitemapIndex {
    maps: Vec<String>,
}

/// `sitemap.xml`: every listed page once; past 50,000 addresses, a sitemap
/// index over `sitemap-1.xml`, `sitemap-2.xml` ... Left out without a base
/// URL: a sitemap lists absolute addresses.
pub(super) fn write_sitemap(w: &Writer, paths: &[String]) -> super::Result<()> {
    let base = &w.site.config.base_url;
    if base.is_empty() {
        return Ok(());
    }
    let urls: Vec<String> = paths.iter().map(|p| format!("{base}{p}")).collect();
    if urls.len() <= SITEMAP_LIMIT {
        return w.put(
            "sitemap.xml",
            Content::Render("sitemap.xml", Sitemap { urls }),
        );
    }
    let mut maps = Vec::new();
    for (k, chunk) in urls.chunks(SITEMAP_LIMIT).enumerate() {
        let name = format!("sitemap-{}.xml", k + 1);
        let urls = chunk.to_vec();
        w.put(&name, Content::Render("sitemap.xml", Sitemap { urls }))?;
        maps.push(format!("{base}{name}"));
    }
    let index = SitemapIndex { maps };
    w.put("sitemap.xml", Content::Render("sitemap_index.xml", index))
}

//! Document pages, pages for cited documents outside the archive, and the
//! pages at addresses shared by two documents.

use super::chain::{Chain, ChainItem, FoldItem, chain};
use super::{Content, WriteError, Writer, bytes};
use crate::citation::{CiteKind, Target};
use crate::markdown::{self, SourceLink};
use crate::render::root_of;
use crate::site::views::{CitedItem, DocItem, DocView};
use crate::site::{Site, dates};
use rayon::prelude::*;
use serde::Serialize;

#[derive(Serialize)]
struct DocumentPage<'a> {
    title: String,
    description: &'a str,
    doc: DocView<'a>,
    body_html: String,
    anchors: Vec<String>,
    cites: Vec<CitedItem<'a>>,
    attachments: Vec<CitedItem<'a>>,
    cited_by: Vec<DocItem<'a>>,
    /// What it cites, grouped by kind (`partials/relations.html`).
    cites_by_kind: Vec<RelGroup<'a, CitedItem<'a>>>,
    /// What cites it, grouped by kind.
    cited_by_kind: Vec<RelGroup<'a, DocItem<'a>>>,
    /// The first screen's line of what it does, strongest kinds first
    /// (`partials/doc_summary.html`).
    cites_summary: Vec<SummaryGroup<'a>>,
    /// What the archive says of its force (`partials/status.html`).
    status: StatusView<'a>,
    chain: Vec<ChainItem<'a>>,
    /// Documents further down the chain, folded by issuer when many.
    chain_folded: Vec<FoldItem<'a>>,
    /// Documents further up the chain, folded by issuer when many.
    chain_folded_up: Vec<FoldItem<'a>>,
    prev: Option<DocItem<'a>>,
    next: Option<DocItem<'a>>,
    citation_text: String,
    permalink: String,
    /// schema.org `Legislation` as JSON, safe inside a script element.
    json_ld: String,
    /// The original kept beside the document's file, copied beside the page.
    original: Option<super::original::Original>,
}

/// Documents related one way by one kind, under the archives' heading for
/// it (a key of `labels.toml`).
#[derive(Serialize)]
struct RelGroup<'a, T> {
    kind: &'static str,
    label: &'static str,
    items: Vec<T>,
    #[serde(skip)]
    _p: std::marker::PhantomData<&'a ()>,
}

#[derive(Serialize)]
struct StatusView<'a> {
    /// `repealed`, `replaced`, `amended` or `none_known`.
    state: &'static str,
    since: Option<String>,
    since_vi: Option<String>,
    effective: Option<String>,
    effective_vi: Option<String>,
    by: Vec<DocItem<'a>>,
    amended_by: Vec<DocItem<'a>>,
}

/// Headings by kind: (kind, outgoing label key, incoming label key).
const REL_LABELS: &[(CiteKind, &str, &str)] = &[
    (CiteKind::Basis, "rel_basis", "rel_basis_of"),
    (CiteKind::Guides, "rel_guided", "rel_guides"),
    (CiteKind::Implements, "rel_implemented", "rel_implements"),
    (CiteKind::Amends, "rel_amended", "rel_amends"),
    (CiteKind::Replaces, "rel_replaced", "rel_replaces"),
    (CiteKind::Repeals, "rel_repealed", "rel_repeals"),
    (CiteKind::Corrects, "rel_corrected", "rel_corrects"),
    (CiteKind::Mentions, "rel_mentioned", "rel_mentions"),
];

/// What a document does to the documents of one kind, in the kind's words
/// (a `kind_*` key of `labels.toml`): the first two, and how many.
#[derive(Serialize)]
struct SummaryGroup<'a> {
    label: String,
    items: Vec<CitedItem<'a>>,
    count: usize,
}

/// At most two kinds other than `mentions`, strongest first.
fn summary<'a>(groups: &[RelGroup<'a, CitedItem<'a>>]) -> Vec<SummaryGroup<'a>> {
    let mut out: Vec<(CiteKind, SummaryGroup<'a>)> = groups
        .iter()
        .filter_map(|g| {
            let kind = CiteKind::parse(g.kind).filter(|k| *k != CiteKind::Mentions)?;
            Some((
                kind,
                SummaryGroup {
                    label: format!("kind_{}", g.kind),
                    items: g.items.iter().take(2).cloned().collect(),
                    count: g.items.len(),
                },
            ))
        })
        .collect();
    out.sort_by_key(|g| std::cmp::Reverse(g.0));
    out.into_iter().take(2).map(|(_, g)| g).collect()
}

fn grouped<'a, T>(items: Vec<(CiteKind, T)>, outgoing: bool) -> Vec<RelGroup<'a, T>> {
    let mut items: Vec<Option<(CiteKind, T)>> = items.into_iter().map(Some).collect();
    let mut out = Vec::new();
    for &(kind, out_label, in_label) in REL_LABELS {
        let these: Vec<T> = items
            .iter_mut()
            .filter(|x| x.as_ref().is_some_and(|(k, _)| *k == kind))
            .filter_map(|x| x.take().map(|(_, t)| t))
            .collect();
        if !these.is_empty() {
            out.push(RelGroup {
                kind: kind.as_str(),
                label: if outgoing { out_label } else { in_label },
                items: these,
                _p: std::marker::PhantomData,
            });
        }
    }
    out
}

fn status_view<'a>(site: &'a Site, i: usize) -> StatusView<'a> {
    let v = &site.validity[i];
    StatusView {
        state: v.state.as_str(),
        since: v.since.map(dates::iso),
        since_vi: v.since.map(dates::short),
        effective: v.effective.map(dates::iso),
        effective_vi: v.effective.map(dates::short),
        by: site.doc_items(&v.by),
        amended_by: site.doc_items(&v.amended_by),
    }
}

/// Writes every document page, in parallel.
pub(super) fn write_all(w: &Writer) -> super::Result<()> {
    let site = w.site;
    let progress = crate::progress::Progress::new("Đang dựng trang văn bản", site.docs.len());
    (0..site.docs.len()).into_par_iter().try_for_each(|i| {
        progress.inc();
        write_one(w, i)
    })
}

/// Document `i`'s page, the original beside it, its record and its source.
fn write_one(w: &Writer, i: usize) -> super::Result<()> {
    let site = w.site;
    let d = &site.docs[i];
    let path = &site.paths[i];
    let original = super::original::find(&d.file);
    let (mut view, links) = page(site, i, original.clone(), chain(site, i));
    // The page's key: the view the template receives, with the body's
    // inputs (its Markdown and the links put on it) in place of the body
    // rendered from them, which only a page to be written needs.
    let key = match w.keyed() {
        true => Some(
            page_key(&view, &d.body, &links).map_err(|source| WriteError::Json {
                path: path.clone(),
                source,
            })?,
        ),
        false => None,
    };
    w.put_with(path, Some("document.html"), key, || {
        let body = markdown::render(&d.body, &links);
        view.body_html = body.html;
        view.anchors = body.anchors;
        Ok(Content::Page("document.html", view))
    })?;
    if let Some(o) = &original {
        // The copy of a file: its name, size and time stamp key it.
        let key = w.keyed().then(|| crate::fingerprint::of_value(o));
        w.put_with(&format!("{path}{}", o.name), None, key, || {
            let copy = std::fs::read(&o.file).map_err(|source| WriteError::Read {
                file: o.file.clone(),
                source,
            })?;
            Ok(Content::<()>::Bytes(copy.into()))
        })?;
    }
    // Open data beside the page: its record and its Markdown source.
    if !site.config.document_files {
        return Ok(());
    }
    let record = super::data::record(site, i);
    w.put(&format!("{path}index.json"), Content::Json(record, 1))?;
    let index_md = format!("{path}index.md");
    match d.source_text() {
        Some(text) => w.put(&index_md, bytes(text.as_bytes())),
        // A file whose text was changed on loading (its line ends): as written.
        None => w.put_with(&index_md, None, None, || {
            let text = std::fs::read(&d.file).map_err(|source| WriteError::Read {
                file: d.file.clone(),
                source,
            })?;
            Ok(Content::<()>::Bytes(text.into()))
        }),
    }
}

/// The key of a document page made from `view`, with `body` rendered with
/// `links` into it.
fn page_key(view: &DocumentPage, body: &str, links: &[SourceLink]) -> serde_json::Result<u64> {
    use std::hash::{Hash, Hasher};
    let mut h = crate::fingerprint::hasher();
    super::key_of("document.html", view)?.hash(&mut h);
    body.hash(&mut h);
    for l in links {
        (&l.span, &l.href, &l.title, l.in_archive).hash(&mut h);
    }
    Ok(h.finish())
}

/// The view of document `i`'s page, its body left empty, and the links to
/// put on the body's Markdown when it is rendered.
fn page<'a>(
    site: &'a Site,
    i: usize,
    original: Option<super::original::Original>,
    chain: Chain<'a>,
) -> (DocumentPage<'a>, Vec<SourceLink>) {
    let (prev, next) = site.neighbours[i];
    let d = &site.docs[i];
    let path = &site.paths[i];
    let root = root_of(path);
    let citations = &site.graph.outgoing[i];

    let mut links: Vec<SourceLink> = Vec::new();
    for c in citations {
        let (href, title, in_archive) = match &c.target {
            Target::Archive(j) => {
                let t = &site.docs[*j];
                // An article-level citation goes to the article's anchor.
                let anchor = c
                    .article
                    .filter(|a| markdown::has_article(&t.body, *a))
                    .map(|a| format!("#dieu-{a}"))
                    .unwrap_or_default();
                (
                    format!("{root}{}{anchor}", site.paths[*j]),
                    format!("{} {} – {}", t.doc_type, t.number, t.title),
                    true,
                )
            }
            Target::External(e) => (
                format!("{root}{}", site.external_paths[*e]),
                format!("{} (chưa có trong kho)", c.number),
                false,
            ),
            Target::Ambiguous(_) => continue,
        };
        for span in &c.spans {
            links.push(SourceLink {
                span: span.clone(),
                href: href.clone(),
                title: title.clone(),
                in_archive,
            });
        }
    }
    links.sort_by_key(|l| (l.span.start, l.span.end));
    links.dedup_by(|b, a| b.span.start < a.span.end);

    let attachment_keys: Vec<String> = d
        .attachments
        .iter()
        .map(|a| crate::number::normalize(a))
        .collect();
    let (attachments, cites): (Vec<_>, Vec<_>) = citations
        .iter()
        .partition(|c| c.from_front_matter && attachment_keys.contains(&c.key));

    let cites_by_kind = grouped(
        cites.iter().map(|c| (c.kind, site.cited_item(c))).collect(),
        true,
    );
    let cites_summary = summary(&cites_by_kind);
    let cited_by_kind = grouped(
        site.graph.cited_by[i]
            .iter()
            .map(|&j| {
                let k = site
                    .graph
                    .citation(j, i)
                    .map_or(CiteKind::Mentions, |c| c.kind);
                (k, site.doc_item(j))
            })
            .collect(),
        false,
    );
    // Without a base URL the permalink is the page's path, never a guess.
    let permalink = site
        .config
        .absolute(path)
        .unwrap_or_else(|| format!("/{path}"));
    let json_ld = json_ld(site, i, site.config.absolute(path).as_deref());
    let view = DocumentPage {
        title: format!("{} {} – {}", d.doc_type, d.number, d.title),
        description: &d.title,
        doc: site.doc_view(i),
        body_html: String::new(),
        anchors: Vec::new(),
        cites: cites.into_iter().map(|c| site.cited_item(c)).collect(),
        attachments: attachments
            .into_iter()
            .map(|c| site.cited_item(c))
            .collect(),
        cited_by: site.doc_items(&site.graph.cited_by[i]),
        cites_by_kind,
        cited_by_kind,
        cites_summary,
        status: status_view(site, i),
        chain: chain.items,
        chain_folded: chain.folded_down,
        chain_folded_up: chain.folded_up,
        prev: prev.map(|j| site.doc_item(j)),
        next: next.map(|j| site.doc_item(j)),
        citation_text: citation_text(&d.doc_type, &d.number, d.date, &d.issuer, &d.title),
        permalink,
        json_ld,
        original,
    };
    (view, links)
}

/// schema.org JSON-LD for a document page, with `<` escaped so that no
/// value can close the script element.
fn json_ld(site: &Site, i: usize, permalink: Option<&str>) -> String {
    let d = &site.docs[i];
    let config = &site.config;
    let (_, province) = crate::site::issuers::level_and_province(site, &d.issuer);
    let jurisdiction = match province {
        Some(p) => format!("{p}, Việt Nam"),
        None => "Việt Nam".to_string(),
    };
    let reference = |c: &crate::citation::Citation| {
        let url = match &c.target {
            Target::Archive(j) => config.absolute(&site.paths[*j]),
            Target::External(e) => config.absolute(&site.external_paths[*e]),
            Target::Ambiguous(_) => None,
        };
        let mut v = serde_json::json!({
            "@type": "Legislation",
            "legislationIdentifier": c.number,
        });
        if let Some(url) = url {
            v["url"] = serde_json::Value::String(url);
        }
        v
    };
    let citations = &site.graph.outgoing[i];
    let attachment_keys: Vec<String> = d
        .attachments
        .iter()
        .map(|a| crate::number::normalize(a))
        .collect();
    let mut value = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": format!("{} {}", d.doc_type, d.number),
        "legislationIdentifier": d.number,
        "legislationType": d.doc_type,
        "legislationDate": dates::iso(d.date),
        "datePublished": dates::iso(d.date),
        "legislationPassedBy": { "@type": "GovernmentOrganization", "name": d.issuer },
        "legislationJurisdiction": jurisdiction,
        "inLanguage": site.config.language,
        "description": d.title,
        "citation": citations.iter().map(reference).collect::<Vec<_>>(),
        "isBasedOn": citations
            .iter()
            .filter(|c| c.from_front_matter && attachment_keys.contains(&c.key))
            .map(reference)
            .collect::<Vec<_>>(),
    });
    if let Some(url) = permalink {
        value["url"] = serde_json::Value::String(url.to_string());
    }
    serde_json::to_string(&value)
        .unwrap_or_default()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[derive(Serialize)]
struct Redirect {
    title: String,
    target: String,
    canonical: String,
}

/// Files the site writes when it has a base URL: an alias never takes
/// them, with or without one, so setting the base URL later breaks nothing.
fn reserved(rel: &str) -> bool {
    rel == "feed.xml"
        || rel.ends_with("/feed.xml")
        || rel == "robots.txt"
        || (rel.starts_with("sitemap") && rel.ends_with(".xml") && !rel.contains('/'))
}

/// A redirect page at each alias, to the document's address. An alias that
/// is already a page of the site is an error, never overwritten.
pub(super) fn write_aliases(w: &Writer) -> super::Result<()> {
    let site = w.site;
    let taken: std::collections::HashSet<&str> = site
        .paths
        .iter()
        .chain(site.external_paths.iter())
        .chain(site.shared_paths.keys())
        .map(String::as_str)
        .collect();
    let mut given = std::collections::HashSet::new();
    for (i, d) in site.docs.iter().enumerate() {
        for alias in &d.aliases {
            let rel = alias.trim_start_matches('/');
            let rel = if rel.is_empty() || rel.ends_with('/') || rel.ends_with(".html") {
                rel.to_string()
            } else {
                format!("{rel}/")
            };
            if taken.contains(rel.as_str())
                || rel.is_empty()
                || reserved(&rel)
                || !given.insert(rel.clone())
            {
                return Err(WriteError::AliasTaken {
                    file: d.file.clone(),
                    alias: alias.clone(),
                });
            }
            let page = Redirect {
                title: format!("{} {}", d.doc_type, d.number),
                target: site.paths[i].clone(),
                canonical: site.config.absolute(&site.paths[i]).unwrap_or_default(),
            };
            w.put(&rel, Content::Page("redirect.html", &page))?;
        }
    }
    Ok(())
}

/// "Công văn số 176-CV/TU ngày 15/6/2021 của Tỉnh ủy Kiên Giang về việc …",
/// the way Vietnamese documents cite each other.
pub fn citation_text(
    doc_type: &str,
    number: &str,
    date: chrono::NaiveDate,
    issuer: &str,
    title: &str,
) -> String {
    let title = title.trim();
    let folded = crate::text::fold(title);
    // The trích yếu continues the sentence after "của …": its capital
    // ("Về đẩy mạnh …", "Tăng cường …") is lowered.
    let mut chars = title.chars();
    let first: String = chars
        .next()
        .map(|c| c.to_lowercase().collect())
        .unwrap_or_default();
    let lowered = format!("{first}{}", chars.as_str());
    let subject = if folded.starts_with("ve ") || folded.starts_with("v/v") {
        lowered
    } else {
        format!("về việc {lowered}")
    };
    format!(
        "{doc_type} số {number} ngày {} của {issuer} {subject}",
        dates::short(date)
    )
}

#[derive(Serialize)]
struct ExternalPage<'a> {
    title: String,
    /// Cited by its name (a law), not by a number.
    law: bool,
    number: &'a str,
    doc_type: Option<&'a str>,
    issuer: Option<&'a str>,
    dates: Vec<String>,
    cited_by: Vec<DocItem<'a>>,
    /// The sentences citing it, quoted, with the citing document and kind.
    quotes: Vec<Quote<'a>>,
    /// What the citations say it is about ("về việc …").
    subject: Option<String>,
    /// The kinds the citations give, strongest first.
    kinds: Vec<&'static str>,
    citation_text: String,
}

#[derive(Serialize)]
struct Quote<'a> {
    text: String,
    kind: &'static str,
    doc: DocItem<'a>,
}

/// How many citing sentences an external document's page quotes.
const QUOTES: usize = 30;

/// The quotes, subject and kinds of external document `e`.
fn external_words<'a>(
    site: &'a Site,
    e: usize,
) -> (Vec<Quote<'a>>, Option<String>, Vec<&'static str>) {
    let ext = &site.graph.external[e];
    let mut quotes = Vec::new();
    let mut subject: Option<String> = None;
    let mut kinds: Vec<CiteKind> = Vec::new();
    for &j in &ext.cited_by {
        let body = &site.docs[j].body;
        for c in site.graph.outgoing[j]
            .iter()
            .filter(|c| c.target == Target::External(e))
        {
            kinds.push(c.kind);
            for span in &c.spans {
                if span.end > body.len() || !body.is_char_boundary(span.start) {
                    continue;
                }
                let r = crate::citation::sentence_of(body, span.clone());
                let sentence = crate::search::text::plain_text(&body[r.clone()]);
                if subject.is_none() {
                    // The words after this number, up to the next number
                    // the document cites: never another document's title.
                    let next = site.graph.outgoing[j]
                        .iter()
                        .flat_map(|c| c.spans.iter())
                        .map(|s| s.start)
                        .filter(|&s| s >= span.end && s < r.end)
                        .min();
                    let end = next.unwrap_or(r.end);
                    if body.is_char_boundary(end) {
                        subject = subject_after(&body[span.end..end], next.is_some());
                    }
                }
                if quotes.len() < QUOTES {
                    quotes.push(Quote {
                        text: sentence,
                        kind: c.kind.as_str(),
                        doc: site.doc_item(j),
                    });
                }
            }
        }
    }
    kinds.sort_by(|a, b| b.cmp(a));
    kinds.dedup();
    (
        quotes,
        subject,
        kinds.into_iter().map(CiteKind::as_str).collect(),
    )
}

/// The trích yếu a citing sentence gives after the number: "… ngày
/// 11/11/2013 của Chính phủ về việc tăng cường công tác …; " gives "về việc
/// tăng cường công tác …". Taken only when it reads cleanly: the word "về"
/// (with its marks: "bảo vệ" is not it) within the citation's own tail
/// (its date and issuer, no clause break before it), ending where the
/// sentence, a semicolon or a new clause ends it. `cut_at_next` says that
/// `rest` stops where the next cited number begins: the subject then ends
/// at the last break before that number's type word ("…, Nghị định số").
/// Anything else gives `None`: no trích yếu beats a truncated or borrowed one.
fn subject_after(rest: &str, cut_at_next: bool) -> Option<String> {
    const TAIL: usize = 16;
    const LONGEST: usize = 40;
    // A citing sentence's trích yếu stays in its paragraph.
    let rest = ["\n\n", "\n#", "\n|"]
        .iter()
        .filter_map(|end| rest.find(end))
        .min()
        .map_or(rest, |end| &rest[..end]);
    let words: Vec<&str> = rest.split_whitespace().collect();
    let start = words
        .iter()
        .take(TAIL)
        .position(|w| *w == "về" || *w == "Về")?;
    if words[..start]
        .iter()
        .any(|w| w.ends_with([',', ';', '.', ':', ')']))
    {
        return None;
    }
    let mut out: Vec<&str> = Vec::new();
    // Whether a mark or the sentence's end closes the subject.
    let mut clean = !cut_at_next;
    let mut open = 0usize;
    for (i, w) in words.iter().enumerate().skip(start) {
        if out.len() == LONGEST {
            return None;
        }
        open += w.matches('(').count();
        let closes = w.matches(')').count();
        // "(Chương trình 135)" is part of the title; a bracket that closes
        // what the title did not open ends it.
        let closes_own = closes > 0 && open >= closes;
        open = open.saturating_sub(closes);
        let stops: &[char] = if closes_own {
            &[';', '.', ':']
        } else {
            &[';', '.', ':', ')']
        };
        if w.ends_with(stops) {
            out.push(w.trim_end_matches(stops));
            clean = true;
            break;
        }
        if w.ends_with(',') {
            // "phòng, chống" goes on; ", Sở Công Thương đề nghị" is a new
            // clause.
            let next_capital = words
                .get(i + 1)
                .and_then(|n| n.chars().next())
                .is_some_and(char::is_uppercase);
            if next_capital {
                out.push(w.trim_end_matches(','));
                clean = true;
                break;
            }
        }
        out.push(w);
    }
    if (!clean && cut_at_next) || out.last() == Some(&"số") {
        // "về X và Nghị định số": up to the break just before the next
        // document's type word (a few words before its number).
        let last_break = out
            .iter()
            .rposition(|w| {
                w.ends_with(',') || matches!(*w, "và" | "theo" | "tại" | "hoặc" | "của" | "bởi")
            })
            .filter(|&b| b + 6 >= out.len())?;
        let keep = if out[last_break].ends_with(',') {
            last_break + 1
        } else {
            last_break
        };
        out.truncate(keep);
    }
    if open > 0 {
        // "(đã được sửa đổi, bổ sung" closes after another number.
        let unclosed = out.iter().rposition(|w| w.contains('('))?;
        out.truncate(unclosed);
    }
    let s = crate::search::text::plain_text(&out.join(" "));
    let s = s.trim().trim_end_matches([',', ';', ':']).trim_end();
    // "về việc sửa đổi" is the start of a title, not one.
    let said = s
        .split_whitespace()
        .skip(1)
        .skip_while(|w| *w == "việc")
        .count();
    (said >= 3).then(|| s.to_string())
}

#[cfg(test)]
mod subject_tests {
    use super::subject_after;

    #[test]
    fn a_subject_is_the_words_after_ve_in_the_citations_own_tail() {
        assert_eq!(
            subject_after(
                " ngày 11/11/2013 của Chính phủ về việc tăng cường công tác phòng, chống dịch; các",
                false
            )
            .as_deref(),
            Some("về việc tăng cường công tác phòng, chống dịch")
        );
        assert_eq!(
            subject_after(
                " của UBND tỉnh về việc báo cáo tình hình, Sở Công Thương đề nghị",
                false
            )
            .as_deref(),
            Some("về việc báo cáo tình hình")
        );
    }

    #[test]
    fn no_subject_is_borrowed_from_the_next_document_or_a_word_like_bao_ve() {
        // The next number's title is not this one's.
        assert_eq!(
            subject_after(
                " ngày 11 tháng 11 năm 2013 của Chính phủ quy định chính sách hỗ trợ chi phí học tập, Nghị định số ",
                true
            ),
            None
        );
        assert_eq!(
            subject_after(" của Chính phủ về quản lý chất lượng, Nghị định số ", true).as_deref(),
            Some("về quản lý chất lượng")
        );
        // "bảo vệ" folds to "bao ve", but it is not "về".
        assert_eq!(
            subject_after(" và Luật Bảo vệ bí mật nhà nước số ", true),
            None
        );
        assert_eq!(
            subject_after(
                " về một cửa liên thông (đã được sửa đổi, bổ sung bởi Nghị định số ",
                true
            )
            .as_deref(),
            Some("về một cửa liên thông")
        );
        assert_eq!(
            subject_after(
                " về phân cấp (bản chụp gửi kèm), Phó Thủ tướng có ý kiến",
                false
            )
            .as_deref(),
            Some("về phân cấp (bản chụp gửi kèm)")
        );
        assert_eq!(
            subject_after(" về việc sửa đổi, bổ sung Quyết định số ", true),
            None
        );
        // Another document named after the title is cut off; a bracket
        // closed inside the title stays.
        assert_eq!(
            subject_after(" của Chính phủ về cấp bản sao từ sổ gốc, chứng thực chữ ký, được sửa đổi, bổ sung bởi Nghị định số ", false).as_deref(),
            Some("về cấp bản sao từ sổ gốc, chứng thực chữ ký, được sửa đổi, bổ sung")
        );
        assert_eq!(
            subject_after(
                " về ban hành tiêu chí (Chương trình 135) giai đoạn 2021 - 2025. Các",
                false
            )
            .as_deref(),
            Some("về ban hành tiêu chí (Chương trình 135) giai đoạn 2021 - 2025")
        );
        // After a clause break, "về" belongs to another verb.
        assert_eq!(
            subject_after(
                " của UBND tỉnh, Sở đề nghị các đơn vị báo cáo về tình hình thực hiện.",
                false
            ),
            None
        );
    }
}

#[derive(Serialize)]
struct SharedPage<'a> {
    title: String,
    number: &'a str,
    docs: Vec<DocItem<'a>>,
}

/// Pages for cited documents outside the archive, and for addresses that
/// two archive documents share.
pub(super) fn write_shared_and_external(w: &Writer) -> super::Result<()> {
    let site = w.site;
    for (e, ext) in site.graph.external.iter().enumerate() {
        let (quotes, subject, kinds) = external_words(site, e);
        let page = ExternalPage {
            title: ext.display_name(),
            law: ext.is_law(),
            number: &ext.number,
            doc_type: ext.doc_type.as_deref(),
            issuer: ext.issuer.as_deref(),
            dates: ext.dates.iter().map(|d| dates::short(*d)).collect(),
            cited_by: site.doc_items(&ext.cited_by),
            citation_text: {
                let mut t = match ext.type_prefix() {
                    _ if ext.is_law() => ext.number.clone(),
                    Some(ty) => format!("{ty} số {}", ext.number),
                    None => format!("Văn bản số {}", ext.number),
                };
                match (ext.dates.first(), ext.year) {
                    (Some(d), _) => t.push_str(&format!(" ngày {}", dates::short(*d))),
                    (None, Some(y)) if ext.is_law() => t.push_str(&format!(" năm {y}")),
                    _ => {}
                }
                if let Some(i) = &ext.issuer {
                    t.push_str(&format!(" của {i}"));
                }
                t
            },
            quotes,
            subject,
            kinds,
        };
        w.put(
            &site.external_paths[e],
            Content::Page("external.html", &page),
        )?;
    }
    for (path, members) in &site.shared_paths {
        let number = &site.docs[members[0]].number;
        let page = SharedPage {
            title: format!("Các văn bản số {number}"),
            number,
            docs: site.doc_items(members),
        };
        w.put(path, Content::Page("shared.html", &page))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citation_text_reads_like_a_vietnamese_reference() {
        let d = chrono::NaiveDate::from_ymd_opt(2021, 6, 15).unwrap();
        assert_eq!(
            citation_text(
                "Công văn",
                "176-CV/TU",
                d,
                "Tỉnh ủy Kiên Giang",
                "Tăng cường công tác phòng, chống dịch"
            ),
            "Công văn số 176-CV/TU ngày 15/06/2021 của Tỉnh ủy Kiên Giang về việc tăng cường công tác phòng, chống dịch"
        );
        assert_eq!(
            citation_text(
                "Thông báo",
                "374-TB/TU",
                d,
                "Tỉnh ủy Kiên Giang",
                "Về công tác X"
            ),
            "Thông báo số 374-TB/TU ngày 15/06/2021 của Tỉnh ủy Kiên Giang về công tác X"
        );
    }
}

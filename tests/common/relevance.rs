//! Judged query sets made from an archive's own truth, and their scores.
//! Shared by `tests/search/search_relevance.rs` and `examples/relevance.rs`
//! (which includes this file by path).
//!
//! - **topic**: the 10 most common two-syllable and the 10 most common
//!   three-syllable phrases of the trích yếu, typed without marks; a hit
//!   is relevant when its trích yếu holds the phrase (folded, in order,
//!   not across a sentence end); the score is precision at 10 (out of
//!   the relevant documents when fewer than 10 exist).
//! - **known**: the first six syllables of a trích yếu, typed with marks
//!   (lower case) and without, and the whole trích yếu likewise: the
//!   document, or one with the same title, must come first. Six syllables
//!   that other trích yếu hold too are *ambiguous* (no ranking can tell
//!   which was meant) and scored in sets of their own.
//! - **number**: the number as printed (`176-CV/TU`), its parts with spaces
//!   (`176 cv tu`) and with `/` then `-` (`176/cv-tu`): a document with
//!   that number must come first.
//!
//! Each set is also asked with a filter (topics by their most common year,
//! whole trích yếu by their document's type, numbers by their issuer).
//!
//! Also what the relevance test and both examples share: the documents of
//! a built index ([`site_docs`]), the index of a content folder built in
//! memory ([`content_index`]) and gzip sizes ([`gzip_len`]).
#![allow(dead_code)]

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use vanban::search::client::{Client, Request};
use vanban::search::text::{self, Gap};
use vanban::search::{IndexFile, SearchDoc};

/// Every document of an index, from its search metadata; cited documents
/// outside the archive follow the archive's (in no facet).
pub fn site_docs<F: FnMut(&str) -> Option<Vec<u8>>>(c: &mut Client<F>) -> Vec<Doc> {
    let m = c.manifest().expect("a search index");
    let archive: u32 = m.facets.year.iter().map(|y| y.1).sum();
    (0..m.docs)
        .map(|id| {
            let m = c.meta(id).expect("metadata");
            Doc {
                number: m.number,
                title: m.title,
                doc_type: m.doc_type,
                issuer: m.issuer,
                year: (m.date / 10000).to_string(),
                url: m.url,
                cited: id >= archive,
            }
        })
        .collect()
}

/// The index of a content folder (`vanban generate`), built in memory as
/// the site build would (no cited documents, no statuses), files sorted
/// by path.
pub fn content_index(dir: &std::path::Path) -> Vec<IndexFile> {
    with_search_docs(dir, vanban::search::build_index)
}

/// Calls `f` with the documents of a content folder as the index sees
/// them, sorted by date and number.
pub fn with_search_docs<R>(dir: &std::path::Path, f: impl FnOnce(&[SearchDoc]) -> R) -> R {
    let mut docs = vanban::load::load(dir).expect("a valid content folder");
    docs.sort_by(|a, b| (a.date, &a.number).cmp(&(b.date, &b.number)));
    let urls: Vec<String> = docs
        .iter()
        .map(|d| format!("van-ban/{}/", vanban::text::slug(&d.number)))
        .collect();
    let search_docs: Vec<SearchDoc> = docs
        .iter()
        .zip(&urls)
        .map(|(d, url)| SearchDoc {
            number: &d.number,
            doc_type: &d.doc_type,
            title: &d.title,
            issuer: &d.issuer,
            date: d.date,
            url,
            topics: &d.topics,
            body: &d.body,
            status: "",
        })
        .collect();
    f(&search_docs)
}

/// The client request of a judged query (its filter set), ten hits.
pub fn request(q: &Query) -> Request {
    let mut req = Request {
        query: q.q.clone(),
        limit: 10,
        ..Request::default()
    };
    if let Some((name, value)) = &q.filter {
        let v = Some(value.clone());
        match *name {
            "issuer" => req.issuer = v,
            "type" => req.doc_type = v,
            _ => req.year = v,
        }
    }
    req
}

/// Size at gzip level 6, as static hosts serve it.
pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
    e.write_all(bytes).expect("in memory");
    e.finish().expect("in memory").len()
}

/// One document as the judge sees it (from the site's search metadata).
#[derive(Debug, Clone)]
pub struct Doc {
    pub number: String,
    pub title: String,
    pub doc_type: String,
    pub issuer: String,
    pub year: String,
    pub url: String,
    /// A cited document outside the archive (in no filter).
    pub cited: bool,
}

#[derive(Debug, Clone)]
pub enum Judge {
    /// Folded syllables that the trích yếu must hold in order.
    Topic(Vec<String>),
    /// The folded trích yếu the first hit must have.
    Known(String),
    /// The folded parts of the number the first hit must have.
    Number(Vec<String>),
}

#[derive(Debug, Clone)]
pub struct Query {
    /// `topic`, `known`, `number`, with ` +filter` when filtered.
    pub set: String,
    pub q: String,
    /// (facet, value): `issuer`, `type` or `year`.
    pub filter: Option<(&'static str, String)>,
    pub judge: Judge,
    /// Relevant documents in the archive (under the filter).
    pub relevant: usize,
}

/// Folded syllables and whether a sentence end comes before each.
fn syllables(s: &str) -> Vec<(String, bool)> {
    text::tokenize(s, false)
        .into_iter()
        .map(|t| (t.folded, t.gap == Gap::Break))
        .collect()
}

fn folded_title(s: &str) -> String {
    syllables(s)
        .into_iter()
        .map(|(f, _)| f)
        .collect::<Vec<_>>()
        .join(" ")
}

fn number_parts(s: &str) -> Vec<String> {
    let mut parts: Vec<String> = syllables(s).into_iter().map(|(f, _)| f).collect();
    if let Some(first) = parts.first_mut() {
        *first = text::strip_zeros(first).to_owned();
    }
    parts
}

/// True when `title` holds `phrase` in order without a sentence end inside.
pub fn holds(title: &str, phrase: &[String]) -> bool {
    let t = syllables(title);
    t.windows(phrase.len()).any(|w| {
        w.iter().zip(phrase).all(|((f, _), p)| f == p) && w.iter().skip(1).all(|(_, brk)| !brk)
    })
}

fn facet<'a>(d: &'a Doc, name: &str) -> &'a str {
    match name {
        "issuer" => &d.issuer,
        "type" => &d.doc_type,
        _ => &d.year,
    }
}

/// Whether `d` is relevant to `q` (filter included).
pub fn relevant(q: &Query, d: &Doc) -> bool {
    if let Some((name, value)) = &q.filter
        && (d.cited || facet(d, name) != value)
    {
        return false;
    }
    match &q.judge {
        Judge::Topic(p) => holds(&d.title, p),
        Judge::Known(t) => folded_title(&d.title) == *t,
        Judge::Number(p) => number_parts(&d.number) == *p,
    }
}

/// The score of a ranked list: precision at 10 for topics, 1 or 0 for
/// the others (is the first hit relevant).
pub fn score(q: &Query, ranked: &[&Doc]) -> f64 {
    match q.judge {
        Judge::Topic(_) => {
            let good = ranked.iter().take(10).filter(|d| relevant(q, d)).count();
            good as f64 / q.relevant.clamp(1, 10) as f64
        }
        _ => f64::from(u8::from(ranked.first().is_some_and(|d| relevant(q, d)))),
    }
}

/// The query sets of an archive, `known` items and `numbers` sampled
/// evenly (at most `sample` documents each).
pub fn queries(docs: &[Doc], sample: usize) -> Vec<Query> {
    let mut out = Vec::new();
    // Topic phrases: document frequency of 2- and 3-syllable phrases.
    let mut df: [HashMap<Vec<String>, usize>; 2] = Default::default();
    for d in docs {
        let t = syllables(&d.title);
        for (k, n) in [2usize, 3].into_iter().enumerate() {
            let mut seen: Vec<Vec<String>> = t
                .windows(n)
                .filter(|w| w.iter().skip(1).all(|(_, brk)| !brk))
                .map(|w| w.iter().map(|(f, _)| f.clone()).collect())
                .collect();
            seen.sort();
            seen.dedup();
            for p in seen {
                *df[k].entry(p).or_default() += 1;
            }
        }
    }
    for map in &df {
        let mut all: Vec<(&Vec<String>, &usize)> = map.iter().collect();
        all.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (phrase, _) in all.into_iter().take(10) {
            let holders: Vec<&Doc> = docs.iter().filter(|d| holds(&d.title, phrase)).collect();
            let mut q = Query {
                set: "topic".into(),
                q: phrase.join(" "),
                filter: None,
                judge: Judge::Topic(phrase.clone()),
                relevant: holders.len(),
            };
            out.push(q.clone());
            let mut years: BTreeMap<&str, usize> = BTreeMap::new();
            for d in holders.iter().filter(|d| !d.cited) {
                *years.entry(&d.year).or_default() += 1;
            }
            if let Some((year, n)) = years.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))) {
                q.set = "topic +year".into();
                q.filter = Some(("year", (*year).to_owned()));
                q.relevant = *n;
                out.push(q);
            }
        }
    }
    let step = docs.len().div_ceil(sample.max(1)).max(1);
    let titles: Vec<Vec<String>> = docs
        .iter()
        .map(|d| syllables(&d.title).into_iter().map(|(f, _)| f).collect())
        .collect();
    for (i, d) in docs.iter().enumerate().step_by(step) {
        let tokens = text::tokenize(&d.title, true);
        if tokens.is_empty() {
            continue;
        }
        let title = folded_title(&d.title);
        let count = |filter: Option<&(&str, String)>| {
            docs.iter()
                .filter(|o| folded_title(&o.title) == title)
                .filter(|o| filter.is_none_or(|(n, v)| !o.cited && facet(o, n) == v))
                .count()
        };
        let typed = |n: usize| {
            let head = &tokens[..tokens.len().min(n)];
            let folded: Vec<&str> = head.iter().map(|t| t.folded.as_str()).collect();
            let marked: Vec<&str> = head
                .iter()
                .map(|t| t.exact.as_deref().unwrap_or(&t.folded))
                .collect();
            (marked.join(" "), folded.join(" "))
        };
        // Six syllables: ambiguous when another trích yếu holds them too.
        let six = &titles[i][..titles[i].len().min(6)];
        let ambiguous = titles
            .iter()
            .any(|t| *t != titles[i] && t.windows(six.len()).any(|w| w == six));
        let tag = if ambiguous { " (ambiguous)" } else { "" };
        let (marked, folded) = typed(6);
        for (q, set) in [
            (marked, "6 syllables, marks"),
            (folded, "6 syllables, no marks"),
        ] {
            out.push(Query {
                set: format!("known: {set}{tag}"),
                q,
                filter: None,
                judge: Judge::Known(title.clone()),
                relevant: count(None),
            });
        }
        let (marked, folded) = typed(usize::MAX);
        for (q, set) in [
            (marked, "trích yếu, marks"),
            (folded.clone(), "trích yếu, no marks"),
        ] {
            out.push(Query {
                set: format!("known: {set}"),
                q,
                filter: None,
                judge: Judge::Known(title.clone()),
                relevant: count(None),
            });
        }
        if d.cited {
            continue;
        }
        let filter = ("type", d.doc_type.clone());
        out.push(Query {
            set: "known: trích yếu +type".into(),
            q: folded,
            relevant: count(Some(&filter)),
            filter: Some(filter),
            judge: Judge::Known(title.clone()),
        });
    }
    for d in docs.iter().skip(step / 2).step_by(step) {
        let parts = number_parts(&d.number);
        if parts.len() < 2 || !parts[0].bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let spaced = parts.join(" ");
        let slashed = format!("{}/{}", parts[0], parts[1..].join("-"));
        let count = |filter: Option<&(&str, String)>| {
            docs.iter()
                .filter(|o| number_parts(&o.number) == parts)
                .filter(|o| filter.is_none_or(|(n, v)| !o.cited && facet(o, n) == v))
                .count()
        };
        for q in [d.number.clone(), spaced.clone(), slashed] {
            out.push(Query {
                set: "number".into(),
                q,
                filter: None,
                judge: Judge::Number(parts.clone()),
                relevant: count(None),
            });
        }
        if d.cited {
            continue;
        }
        let filter = ("issuer", d.issuer.clone());
        out.push(Query {
            set: "number +issuer".into(),
            q: spaced,
            relevant: count(Some(&filter)),
            filter: Some(filter),
            judge: Judge::Number(parts.clone()),
        });
    }
    out
}

/// Per set: (queries, mean score, lowest score, the lowest's query).
pub fn summary(queries: &[Query], scores: &[f64]) -> Vec<(String, usize, f64, f64, String)> {
    let mut sets: Vec<(String, usize, f64, f64, String)> = Vec::new();
    for (q, &s) in queries.iter().zip(scores) {
        let i = match sets.iter().position(|x| x.0 == q.set) {
            Some(i) => i,
            None => {
                sets.push((q.set.clone(), 0, 0.0, f64::INFINITY, String::new()));
                sets.len() - 1
            }
        };
        let e = &mut sets[i];
        e.1 += 1;
        e.2 += s;
        if s < e.3 {
            e.3 = s;
            e.4 = q.q.clone();
        }
    }
    for e in &mut sets {
        e.2 /= e.1.max(1) as f64;
    }
    sets
}

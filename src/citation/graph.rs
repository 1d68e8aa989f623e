//! The citation graph of an archive: what each document cites, what cites
//! it, and the cited documents that are not in the archive.
//!
//! Each document is read on its own (in parallel): its mentions are grouped
//! by key, a later bare mention ("Công văn số 176-CV/TU") joining the first
//! full one ("… ngày 15/6/2021 của Tỉnh ủy"), front matter `attachments`
//! and `references` join the group of the same key or make their own, and
//! each group is resolved (see [`super::resolve`]). A document never cites
//! itself: a mention of its own number (its header, usually) is dropped
//! unless it gives another date.
//!
//! Unresolved citations become [`ExternalDoc`]s, one per cited document:
//! grouped by key, year (from the number or the dates given) and, for a local
//! body, place, since every Tỉnh ủy has its own 176-CV/TU. A citation that
//! gives no year joins the only group of its key and place from a year not
//! after the citing document, if there is exactly one.
//!
//! Cost: one pass over each body, one hash lookup per citation, sorting;
//! no pairwise comparison of documents. The output does not depend on the
//! thread count.

use super::detect::{Mention, find_mentions};
use super::issuer::{Authority, Place};
use super::resolve::{Archive, Query, Resolution};
use crate::document::Document;
use crate::number::{self, NumberParts};
use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What the documents of an archive cite and what cites them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CitationGraph {
    /// Per document (same index as the input), the documents it cites in
    /// order of first appearance (body first, then front matter), one entry
    /// per distinct cited document.
    pub outgoing: Vec<Vec<Citation>>,
    /// Per document, the documents citing it, sorted by date and number.
    pub cited_by: Vec<Vec<usize>>,
    /// Cited documents not in the archive, sorted by key (then year).
    pub external: Vec<ExternalDoc>,
}

/// One cited document, as a citing document cites it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// The number as first printed.
    pub number: String,
    /// [`number::normalize`] of the number.
    pub key: String,
    pub target: Target,
    /// Every place in the body where it is cited, in order, for linking.
    pub mentions: Vec<Mention>,
    /// Listed in front matter `attachments` or `references`.
    pub from_front_matter: bool,
}

/// What a citation resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The one archive document it can mean.
    Archive(usize),
    /// Several archive documents it may mean (or one, when the place of a
    /// local body is unknown): link none, show them.
    Ambiguous(Vec<usize>),
    /// A document outside the archive: index into [`CitationGraph::external`].
    External(usize),
}

/// A cited document that is not in the archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalDoc {
    pub key: String,
    /// The number as printed, in its canonical spelling when some citation
    /// prints it so (`1099/CĐ-TTg` rather than `1099/CD-TTg`).
    pub number: String,
    /// From the type words of the citing sentences, else the number's code.
    pub doc_type: Option<String>,
    /// From the issuers the citing sentences name (the most specific: "Bộ
    /// Chính trị" over "Trung ương"; a local one with the citing document's
    /// province), else from the number's issuer code.
    pub issuer: Option<String>,
    /// The distinct dates the citations give, in order.
    pub dates: Vec<NaiveDate>,
    /// From the number, else the dates.
    pub year: Option<i32>,
    /// The citing documents, sorted by date and number.
    pub cited_by: Vec<usize>,
}

/// Builds the graph of `docs`.
pub fn build(docs: &[Document]) -> CitationGraph {
    let archive = Archive::new(docs);
    let per_doc: Vec<Vec<(Group, Resolution)>> = (0..docs.len())
        .into_par_iter()
        .map(|i| {
            groups_of(&archive, i)
                .into_iter()
                .map(|g| {
                    let r = g.query().resolve(&archive, i);
                    (g, r)
                })
                .collect()
        })
        .collect();
    let (external, external_of) = externals(&archive, &per_doc);
    let mut outgoing: Vec<Vec<Citation>> = Vec::with_capacity(docs.len());
    let mut cited_by: Vec<Vec<usize>> = vec![Vec::new(); docs.len()];
    for (i, groups) in per_doc.into_iter().enumerate() {
        let mut cites: Vec<Citation> = Vec::new();
        for (g, r) in groups {
            let target = match r {
                Resolution::Archive(j) => Target::Archive(j),
                Resolution::Ambiguous(list) => Target::Ambiguous(list),
                Resolution::Unresolved => Target::External(external_of[&(i, g.order)]),
            };
            if let Some(c) = cites.iter_mut().find(|c| c.target == target) {
                c.mentions.extend(g.mentions);
                c.mentions.sort_by_key(|m| m.span.start);
                c.from_front_matter |= g.from_front_matter;
                continue;
            }
            if let Target::Archive(j) = target {
                cited_by[j].push(i);
            }
            cites.push(Citation {
                number: g.number,
                key: g.key,
                target,
                mentions: g.mentions,
                from_front_matter: g.from_front_matter,
            });
        }
        outgoing.push(cites);
    }
    for list in &mut cited_by {
        sort_citers(docs, list);
    }
    CitationGraph {
        outgoing,
        cited_by,
        external,
    }
}

fn sort_citers(docs: &[Document], list: &mut Vec<usize>) {
    list.sort_by(|&a, &b| {
        (docs[a].date, &docs[a].number, a).cmp(&(docs[b].date, &docs[b].number, b))
    });
    list.dedup();
}

/// The mentions of one cited document within a citing document.
struct Group {
    key: String,
    number: String,
    parts: Option<NumberParts>,
    mentions: Vec<Mention>,
    date: Option<NaiveDate>,
    hint: Option<String>,
    from_front_matter: bool,
    /// Position among the document's groups (body order, then front matter).
    order: usize,
}

impl Group {
    fn new(key: String, number: String, mentions: Vec<Mention>, date: Option<NaiveDate>) -> Group {
        let hint = mentions.iter().find_map(|m| m.issuer_hint.clone());
        Group {
            parts: number::parse(&number),
            key,
            number,
            mentions,
            date,
            hint,
            from_front_matter: false,
            order: 0,
        }
    }

    fn first(&self) -> usize {
        self.mentions.first().map_or(usize::MAX, |m| m.span.start)
    }

    fn local_code(&self) -> bool {
        self.parts
            .as_ref()
            .and_then(|p| p.issuer_code.as_deref())
            .is_some_and(number::is_local_issuer)
    }

    fn query(&self) -> Query<'_> {
        Query {
            key: &self.key,
            year: self.parts.as_ref().and_then(|p| p.year),
            date: self.date,
            hint: self.hint.as_deref(),
            local_code: self.local_code(),
        }
    }
}

/// The groups of citations of document `i`, in order.
fn groups_of(archive: &Archive, i: usize) -> Vec<Group> {
    let doc = &archive.docs[i];
    let own = &archive.keys[i];
    let mut by_key: Vec<(String, Vec<Mention>)> = Vec::new();
    let mut slot: HashMap<String, usize> = HashMap::new();
    for m in find_mentions(&doc.body) {
        if &m.key == own && m.date.is_none_or(|d| d == doc.date) {
            continue;
        }
        let n = *slot.entry(m.key.clone()).or_insert_with(|| {
            by_key.push((m.key.clone(), Vec::new()));
            by_key.len() - 1
        });
        by_key[n].1.push(m);
    }
    let mut groups: Vec<Group> = Vec::new();
    for (key, mentions) in by_key {
        let dates: BTreeSet<NaiveDate> = mentions.iter().filter_map(|m| m.date).collect();
        if dates.len() <= 1 {
            let number = mentions[0].number.clone();
            groups.push(Group::new(key, number, mentions, dates.first().copied()));
            continue;
        }
        // Different dates: different documents with one number.
        let (undated, dated): (Vec<Mention>, Vec<Mention>) =
            mentions.into_iter().partition(|m| m.date.is_none());
        for d in dates {
            let these: Vec<Mention> = dated
                .iter()
                .filter(|m| m.date == Some(d))
                .cloned()
                .collect();
            groups.push(Group::new(
                key.clone(),
                these[0].number.clone(),
                these,
                Some(d),
            ));
        }
        if !undated.is_empty() {
            groups.push(Group::new(key, undated[0].number.clone(), undated, None));
        }
    }
    groups.sort_by_key(Group::first);
    for listed in doc.attachments.iter().chain(&doc.references) {
        let key = number::normalize(listed);
        if key.is_empty() || &key == own {
            continue;
        }
        match groups.iter_mut().find(|g| g.key == key) {
            Some(g) => g.from_front_matter = true,
            None => {
                let mut g = Group::new(key, listed.trim().to_string(), Vec::new(), None);
                g.from_front_matter = true;
                groups.push(g);
            }
        }
    }
    for (n, g) in groups.iter_mut().enumerate() {
        g.order = n;
    }
    groups
}

/// Identity of an external document: key, year, place of a local body.
type ExternalKey = (String, Option<i32>, Option<String>);

/// The external documents, and for each unresolved group (citing document,
/// group order) the index of its external document.
fn externals(
    archive: &Archive,
    per_doc: &[Vec<(Group, Resolution)>],
) -> (Vec<ExternalDoc>, HashMap<(usize, usize), usize>) {
    struct Entry<'g> {
        citing: usize,
        group: &'g Group,
        place: Option<&'g Place>,
        ident: ExternalKey,
    }
    let mut entries: Vec<Entry> = Vec::new();
    for (i, groups) in per_doc.iter().enumerate() {
        for (g, r) in groups {
            if *r != Resolution::Unresolved {
                continue;
            }
            let hint = g.hint.as_deref().map(Authority::of);
            let citing_place = archive.places[i].as_ref();
            let required = g.query().place(hint.as_ref(), citing_place);
            let place_key = match required {
                Some(Some(p)) => Some(p.key.clone()),
                _ => None,
            };
            let named_in_sentence = hint.as_ref().is_some_and(|h| h.place.is_some());
            let year = g
                .parts
                .as_ref()
                .and_then(|p| p.year)
                .or(g.date.map(|d| d.year()));
            entries.push(Entry {
                citing: i,
                group: g,
                place: citing_place.filter(|_| required.is_some() && !named_in_sentence),
                ident: (g.key.clone(), year, place_key),
            });
        }
    }
    // A citation without a year joins the one year its key and place are
    // cited with, if that year is not after the citing document.
    let mut years: HashMap<(&str, Option<&str>), BTreeSet<i32>> = HashMap::new();
    for e in &entries {
        if let (k, Some(y), p) = &e.ident {
            years
                .entry((k.as_str(), p.as_deref()))
                .or_default()
                .insert(*y);
        }
    }
    let mut fill: Vec<Option<i32>> = vec![None; entries.len()];
    for (n, e) in entries.iter().enumerate() {
        if e.ident.1.is_none()
            && let Some(ys) = years.get(&(e.ident.0.as_str(), e.ident.2.as_deref()))
        {
            let limit = archive.docs[e.citing].date.year();
            let possible: Vec<i32> = ys.iter().copied().filter(|&y| y <= limit).collect();
            if let [y] = possible[..] {
                fill[n] = Some(y);
            }
        }
    }
    for (e, y) in entries.iter_mut().zip(fill) {
        if y.is_some() {
            e.ident.1 = y;
        }
    }
    let mut by_ident: BTreeMap<ExternalKey, Vec<&Entry>> = BTreeMap::new();
    for e in &entries {
        by_ident.entry(e.ident.clone()).or_default().push(e);
    }
    let mut index = HashMap::new();
    let mut external = Vec::with_capacity(by_ident.len());
    for (n, ((key, year, _), list)) in by_ident.into_iter().enumerate() {
        for e in &list {
            index.insert((e.citing, e.group.order), n);
        }
        let groups: Vec<(&Group, Option<&Place>)> =
            list.iter().map(|e| (e.group, e.place)).collect();
        let mut cited_by: Vec<usize> = list.iter().map(|e| e.citing).collect();
        sort_citers(archive.docs, &mut cited_by);
        external.push(ExternalDoc {
            number: external_number(&groups),
            doc_type: external_type(&groups),
            issuer: external_issuer(&groups),
            dates: groups
                .iter()
                .flat_map(|(g, _)| g.mentions.iter().filter_map(|m| m.date))
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect(),
            key,
            year,
            cited_by,
        });
    }
    (external, index)
}

/// The canonical spelling of a number from its parts.
fn canonical(p: &NumberParts) -> String {
    let issuer = p.issuer_code.as_deref().unwrap_or("");
    let unit = p.unit.as_ref().map(|u| format!("-{u}")).unwrap_or_default();
    let ty = p.type_code.as_deref().unwrap_or("");
    if p.party {
        return format!("{}-{ty}/{issuer}{unit}", p.seq);
    }
    let year = p.year.map(|y| format!("{y}/")).unwrap_or_default();
    let ty = if ty.is_empty() {
        String::new()
    } else {
        format!("{ty}-")
    };
    format!("{}/{year}{ty}{issuer}{unit}", p.seq)
}

fn external_number(groups: &[(&Group, Option<&Place>)]) -> String {
    let printed: Vec<&str> = groups
        .iter()
        .flat_map(|(g, _)| {
            std::iter::once(g.number.as_str()).chain(g.mentions.iter().map(|m| m.number.as_str()))
        })
        .collect();
    printed
        .iter()
        .find(|n| number::parse(n).is_some_and(|p| canonical(&p) == **n))
        .or(printed.first())
        .map(|n| n.to_string())
        .unwrap_or_default()
}

/// The most frequent of `items`, the first seen among equals.
fn most_frequent<T: PartialEq + Clone>(items: &[T]) -> Option<T> {
    let mut best: Option<(usize, &T)> = None;
    for x in items {
        let n = items.iter().filter(|y| *y == x).count();
        if best.is_none_or(|(m, _)| n > m) {
            best = Some((n, x));
        }
    }
    best.map(|(_, x)| x.clone())
}

fn external_type(groups: &[(&Group, Option<&Place>)]) -> Option<String> {
    let words: Vec<String> = groups
        .iter()
        .flat_map(|(g, _)| g.mentions.iter().filter_map(|m| m.type_word.clone()))
        .collect();
    most_frequent(&words).or_else(|| {
        let (g, _) = groups.first()?;
        g.parts.as_ref()?.implied_type().map(str::to_string)
    })
}

/// `name` of a local body completed with the place: "Tỉnh ủy" → "Tỉnh ủy
/// Kiên Giang", "Sở Y tế" → "Sở Y tế tỉnh Kiên Giang".
fn with_place(name: &str, place: &Place) -> String {
    let folded = crate::text::fold(name);
    let last = folded.rsplit(' ').next().unwrap_or("");
    if matches!(last, "tinh" | "pho" | "huyen" | "quan" | "xa" | "uy") {
        format!("{name} {}", place.name)
    } else {
        format!("{name} {} {}", place.level, place.name)
    }
}

fn external_issuer(groups: &[(&Group, Option<&Place>)]) -> Option<String> {
    let mut hints: Vec<String> = Vec::new();
    for (g, place) in groups {
        for h in g.mentions.iter().filter_map(|m| m.issuer_hint.as_deref()) {
            let a = Authority::of(h);
            hints.push(match place {
                Some(p) if a.local && a.place.is_none() => with_place(h, p),
                _ => h.to_string(),
            });
        }
    }
    let best = hints.iter().map(|h| Authority::of(h).precision()).max();
    let precise: Vec<String> = hints
        .iter()
        .filter(|h| Some(Authority::of(h).precision()) == best)
        .cloned()
        .collect();
    most_frequent(&precise).or_else(|| {
        let (g, place) = groups.first()?;
        let p = g.parts.as_ref()?;
        let code = p.issuer_code.as_deref()?;
        let names: Option<Vec<&str>> = code.split('-').map(number::issuer_name).collect();
        let name = match (code, p.party) {
            ("VP", false) => "Văn phòng UBND".to_string(),
            _ => names?.join(" - "),
        };
        Some(match place {
            Some(pl) if number::is_local_issuer(code) => with_place(&name, pl),
            _ => name,
        })
    })
}

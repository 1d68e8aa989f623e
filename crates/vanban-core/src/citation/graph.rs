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
use super::issuer::{Authority, Place, Scope};
use super::kind::{CiteKind, article_before, classify};
use super::resolve::{Archive, Query, Resolution};
use crate::document::Document;
use crate::number::{self, NumberParts};
use chrono::{Datelike, NaiveDate};
use foldhash::HashMap;
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

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

impl CitationGraph {
    /// How document `from` cites archive document `to`, if it does.
    pub fn citation(&self, from: usize, to: usize) -> Option<&Citation> {
        self.outgoing
            .get(from)?
            .iter()
            .find(|c| c.target == Target::Archive(to))
    }
}

/// One cited document, as a citing document cites it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// The number as first printed.
    pub number: String,
    /// [`number::normalize`] of the number.
    pub key: String,
    pub target: Target,
    /// Every place in the body where it is cited (the byte range of the
    /// number as printed), in order, for linking.
    pub spans: Vec<std::ops::Range<usize>>,
    /// Listed in front matter `attachments` or `references`.
    pub from_front_matter: bool,
    /// What the citing sentences say of it, the strongest of them.
    pub kind: CiteKind,
    /// The article ("Điều 5") the first article-level citation names.
    pub article: Option<u32>,
}

/// What a citation resolves to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
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

impl ExternalDoc {
    /// A law, code, ordinance or constitution cited by its name: `number`
    /// holds the name, which starts with its type word ("Luật Đất đai").
    pub fn is_law(&self) -> bool {
        super::laws::is_law_key(&self.key)
    }

    /// The type word to print before `number`: none for a law, whose name
    /// already starts with it ("Luật Đất đai", never "Luật Luật Đất đai").
    pub fn type_prefix(&self) -> Option<&str> {
        if self.is_law() {
            None
        } else {
            self.doc_type.as_deref()
        }
    }

    /// How a reader names it: "Công điện 1099/CĐ-TTg", "Luật Đất đai năm
    /// 2013" (the year when the citations give it).
    pub fn display_name(&self) -> String {
        match (self.type_prefix(), self.is_law()) {
            (_, true) => match self.year {
                Some(y) => format!("{} năm {y}", self.number),
                None => self.number.clone(),
            },
            (Some(t), false) => format!("{t} {}", self.number),
            (None, false) => format!("Văn bản {}", self.number),
        }
    }
}

/// Builds the graph of `docs`.
pub fn build(docs: &[Document]) -> CitationGraph {
    build_with_provinces(docs, &|_| None)
}

/// [`build`], told the province of issuers whose name does not say it
/// (`province_of("UBND huyện Tiên Yên")` → "Quảng Ninh", from the issuer
/// registry). Without it, a district's citation of "Tỉnh ủy" or "UBND tỉnh"
/// cannot say which province it means and resolves to candidates only.
pub fn build_with_provinces(
    docs: &[Document],
    province_of: &(dyn Fn(&str) -> Option<String> + Sync),
) -> CitationGraph {
    assemble(docs, province_of, &|i| {
        cites_of(&docs[i]).0.into_iter().map(Cow::Owned).collect()
    })
}

/// What one document cites, as its text and front matter say it, before
/// resolution against the archive: it depends on the document alone, so a
/// document that did not change need not be read again ([`build_from_cites`]).
#[derive(Debug, Clone)]
pub struct Cites(Vec<Group>);

/// The citations of `doc` (most of the work of [`build`]).
pub fn cites_of(doc: &Document) -> Cites {
    // Numbers, then laws cited by name (their key is a law key, which no
    // number has): one list in the order of the body.
    let mut mentions = find_mentions(&doc.body);
    mentions.extend(super::laws::law_mentions(&doc.body));
    mentions.sort_by_key(|m| m.span.start);
    Cites(groups_of(doc, mentions))
}

/// [`build_with_provinces`] from citations found earlier: `cites[i]` is
/// [`cites_of`] `docs[i]`.
pub fn build_from_cites(
    docs: &[Document],
    cites: &[Cites],
    province_of: &(dyn Fn(&str) -> Option<String> + Sync),
) -> CitationGraph {
    assert_eq!(docs.len(), cites.len(), "one list of citations a document");
    assemble(docs, province_of, &|i| {
        cites[i].0.iter().map(std::borrow::Cow::Borrowed).collect()
    })
}

fn assemble<'g>(
    docs: &[Document],
    province_of: &(dyn Fn(&str) -> Option<String> + Sync),
    groups_of_doc: &(dyn Fn(usize) -> Vec<Cow<'g, Group>> + Sync),
) -> CitationGraph {
    let archive = Archive::new(docs, province_of);
    let per_doc: Vec<Vec<(Cow<'g, Group>, Resolution)>> = (0..docs.len())
        .into_par_iter()
        .map(|i| {
            groups_of_doc(i)
                .into_iter()
                .map(|mut g| {
                    let r = g.query().resolve(&archive, i);
                    if let (Cow::Owned(g), false) = (&mut g, r == Resolution::Unresolved) {
                        g.keep_spans_only();
                    }
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
        let mut slot: HashMap<Target, usize> = HashMap::default();
        for (g, r) in groups {
            let target = match r {
                Resolution::Archive(j) => Target::Archive(j),
                Resolution::Ambiguous(list) => Target::Ambiguous(list),
                Resolution::Unresolved => Target::External(external_of[&(i, g.order)]),
            };
            if let Some(&n) = slot.get(&target) {
                let c = &mut cites[n];
                c.spans.extend(g.mentions.iter().map(|m| m.span.clone()));
                c.spans.sort_by_key(|s| s.start);
                c.from_front_matter |= g.from_front_matter;
                c.kind = c.kind.max(g.kind);
                c.article = c.article.or(g.article);
                continue;
            }
            if let Target::Archive(j) = target {
                cited_by[j].push(i);
            }
            slot.insert(target.clone(), cites.len());
            let spans = g.mentions.iter().map(|m| m.span.clone()).collect();
            let from_front_matter = g.from_front_matter;
            let (kind, article) = (g.kind, g.article);
            let (number, key) = match g {
                Cow::Owned(g) => (g.number, g.key),
                Cow::Borrowed(g) => (g.number.clone(), g.key.clone()),
            };
            cites.push(Citation {
                number,
                key,
                target,
                spans,
                from_front_matter,
                kind,
                article,
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
#[derive(Debug, Clone)]
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
    kind: CiteKind,
    article: Option<u32>,
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
            kind: CiteKind::Mentions,
            article: None,
        }
    }

    /// Drops what only resolving and describing an external document
    /// needs, keeping where each mention is: at 100,000 documents the
    /// mentions of every resolved citation would otherwise be held at once.
    fn keep_spans_only(&mut self) {
        for m in &mut self.mentions {
            *m = Mention {
                span: m.span.clone(),
                ..Mention::default()
            };
        }
        self.mentions.shrink_to_fit();
        self.parts = None;
        self.hint = None;
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
            year: self
                .parts
                .as_ref()
                .and_then(|p| p.year)
                .or_else(|| super::laws::law_key_year(&self.key)),
            date: self.date,
            hint: self.hint.as_deref(),
            local_code: self.local_code(),
            code_scope: self
                .parts
                .as_ref()
                .and_then(|p| p.issuer_code.as_deref())
                .map_or(Scope::Unknown, Scope::of_code),
            numbering: match &self.parts {
                Some(p) if p.party && p.issuer_code.as_deref() == Some("TW") => {
                    super::resolve::Numbering::CentralTerm
                }
                Some(p) if p.party => super::resolve::Numbering::LocalTerm,
                _ => super::resolve::Numbering::Yearly,
            },
        }
    }
}

/// The groups of citations of document `i`, in order.
fn groups_of(doc: &Document, mentions: Vec<Mention>) -> Vec<Group> {
    let own = &number::normalize(&doc.number);
    let mut by_key: Vec<(String, Vec<Mention>)> = Vec::new();
    let mut slot: HashMap<String, usize> = HashMap::default();
    for m in mentions {
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
        let mut by_date: BTreeMap<Option<NaiveDate>, Vec<Mention>> = BTreeMap::new();
        for m in mentions {
            by_date.entry(m.date).or_default().push(m);
        }
        for (d, these) in by_date {
            groups.push(Group::new(key.clone(), these[0].number.clone(), these, d));
        }
    }
    groups.sort_by_key(Group::first);
    let mut first_of: HashMap<String, usize> = HashMap::default();
    for (n, g) in groups.iter().enumerate() {
        first_of.entry(g.key.clone()).or_insert(n);
    }
    for listed in doc.attachments.iter().chain(&doc.references) {
        let key = number::normalize(listed);
        if key.is_empty() || &key == own {
            continue;
        }
        match first_of.get(&key) {
            Some(&n) => groups[n].from_front_matter = true,
            None => {
                first_of.insert(key.clone(), groups.len());
                let mut g = Group::new(key, listed.trim().to_string(), Vec::new(), None);
                g.from_front_matter = true;
                groups.push(g);
            }
        }
    }
    for (n, g) in groups.iter_mut().enumerate() {
        g.order = n;
        for m in &g.mentions {
            g.kind = g.kind.max(classify(&doc.body, m.span.clone()));
            g.article = g
                .article
                .or_else(|| article_before(&doc.body, m.span.start));
        }
    }
    groups
}

/// Identity of an external document: key, year, place of a local body.
type ExternalKey = (String, Option<i32>, Option<String>);

/// The external documents, and for each unresolved group (citing document,
/// group order) the index of its external document.
fn externals(
    archive: &Archive,
    per_doc: &[Vec<(Cow<Group>, Resolution)>],
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
            let hint = g.hint.as_deref().map(Authority::cached);
            let query = g.query();
            let required = query.place(hint.as_ref(), archive, i);
            // A local body of unknown place is told apart by where it is
            // cited from: two districts' "Tỉnh ủy" may be two provinces'.
            let place_key = match required {
                Some(Some(p)) => Some(p.key.clone()),
                Some(None) => Some(format!(
                    "@{}",
                    archive.places[i].as_ref().map_or("", |p| p.key.as_str())
                )),
                None => None,
            };
            let named_in_sentence = hint.as_ref().is_some_and(|h| h.place.is_some());
            let qualify_with = match required {
                Some(Some(_)) if !named_in_sentence => {
                    query.citing_place(hint.as_ref(), archive, i)
                }
                _ => None,
            };
            let year = g
                .parts
                .as_ref()
                .and_then(|p| p.year)
                .or_else(|| super::laws::law_key_year(&g.key))
                .or(g.date.map(|d| d.year()));
            entries.push(Entry {
                citing: i,
                group: g,
                place: qualify_with,
                ident: (g.key.clone(), year, place_key),
            });
        }
    }
    // A citation without a year joins the one year its key and place are
    // cited with, if that year is not after the citing document.
    let mut years: HashMap<(&str, Option<&str>), BTreeSet<i32>> = HashMap::default();
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
    let mut index = HashMap::default();
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
fn most_frequent<T: Eq + std::hash::Hash + Clone>(items: &[T]) -> Option<T> {
    let mut counts: HashMap<&T, usize> = HashMap::default();
    for x in items {
        *counts.entry(x).or_default() += 1;
    }
    let mut best: Option<(usize, &T)> = None;
    for x in items {
        let n = counts[x];
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
            let a = Authority::cached(h);
            hints.push(match place {
                Some(p) if a.local && a.place.is_none() => with_place(h, p),
                _ => h.to_string(),
            });
        }
    }
    let best = hints.iter().map(|h| Authority::cached(h).precision()).max();
    let precise: Vec<String> = hints
        .iter()
        .filter(|h| Some(Authority::cached(h).precision()) == best)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(number: &str, issuer: &str, date: &str, body: &str) -> Document {
        Document {
            path: format!("{}.md", crate::text::slug(number)),
            file: std::path::PathBuf::from(format!("content/{}.md", crate::text::slug(number))),
            number: number.to_string(),
            doc_type: "Công văn".to_string(),
            title: format!("Văn bản {number}"),
            issuer: issuer.to_string(),
            date: date.parse().unwrap_or_else(|e| panic!("{date}: {e}")),
            place: None,
            signers: Vec::new(),
            recipients: Vec::new(),
            distribution: Vec::new(),
            attachments: Vec::new(),
            references: Vec::new(),
            topics: Vec::new(),
            source: None,
            aliases: Vec::new(),
            hand: Default::default(),
            body: body.to_string(),
            body_line: 1,
            head: None,
        }
    }

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn targets(g: &CitationGraph, i: usize) -> Vec<(&str, &Target)> {
        g.outgoing[i]
            .iter()
            .map(|c| (c.number.as_str(), &c.target))
            .collect()
    }

    fn external<'g>(g: &'g CitationGraph, key: &str) -> Vec<&'g ExternalDoc> {
        g.external.iter().filter(|e| e.key == key).collect()
    }

    const VP_435: &str = "Ủy ban nhân dân tỉnh Kiên Giang nhận được Công văn số 176-CV/TU ngày 15/6/2021 của Tỉnh ủy về việc tăng cường công tác phòng, chống dịch bệnh Covid-19 và phát triển kinh tế - xã hội (có văn bản kèm theo).\n\nPhó Chủ tịch UBND tỉnh Nguyễn Lưu Trung có ý kiến chỉ đạo giao các sở, ban ngành cấp tỉnh, UBND các huyện, thành phố tăng cường thực hiện các biện pháp phòng, chống dịch Covid-19 theo tinh thần chỉ đạo của Công văn số 176-CV/TU ngày 15/6/2021 của Tỉnh ủy và Công văn số 821/UBND-KGVX ngày 15/6/2021 của UBND tỉnh.\n";
    const TU_176: &str = "Ngày 11-6-2021, Bộ Chính trị ban hành Kết luận số 07-KL/TW về một số nhiệm vụ trọng tâm tăng cường công tác phòng, chống dịch bệnh Covid-19 và phát triển kinh tế-xã hội.\n\n1. Tổ chức quán triệt toàn văn Kết luận số 07-KL/TW, ngày 11-6-2021 của Bộ Chính trị về một số nhiệm vụ trọng tâm.\n";
    const TU_453: &str = "Đề triển khai thực hiện tốt chỉ đạo của Bộ Chính trị tại Kết luận số 07-KL/TW ngày 11/6/2021 về một số nhiệm vụ trọng tâm tăng cường công tác phòng, chống dịch Covid-19 và phát triển kinh tế - xã hội, Ban Thường vụ Tỉnh ủy yêu cầu:\n";
    const UBND_1507: &str = "Ngày 11/9/2021, Chính phủ ban hành Nghị quyết số 107/NQ-CP về phiên họp Chính phủ thường kỳ tháng 08 năm 2021[^1].\n\n1. Thực hiện nghiêm những nhiệm vụ, giải pháp phòng, chống dịch COVID-19 theo chỉ đạo của Thủ tướng Chính phủ, Ban Chỉ đạo quốc gia, đặc biệt là các Công điện số 1099/CĐ-TTg ngày 22 tháng 8 năm 2021 và 1102/CĐ-TTg ngày 23 tháng 8 năm 2021[^2], kết luận của Thủ tướng Chính phủ.\n\n[^1]: Nghị Quyết được đăng trên Công thông tin điện tử của Chính phủ.\n\n[^2]: Công văn số 1319/UBND-KGVX ngày 25/8/2021 Của Chủ tịch UBND tỉnh về triển khai Công điện số 1102/CĐ-TTg ngày 23 tháng 8 năm 2021 của Thủ tướng Chính phủ\n";
    const TU_374: &str = "Lãnh đạo các địa phương tổ chức thực hiện nghiêm các nội dung đã được quy định tại Nghị quyết số 86/NQ-CP của Chính phủ và Công điện số 1099/CD-TTg ngày 22-8-2021, Công điện số 1102/CD-TTg ngày 23-8-2021 của Thủ tướng Chính phủ.\n";
    const VP_6777: &str = "Ủy ban nhân dân tỉnh nhận được Thông báo số 374-TB/TU ngày 01/9/2021 của Ban Thường vụ Tỉnh ủy về việc kết luận của Ban Thường vụ Tỉnh ủy (đính kèm văn bản).\n\n1. Giao Giám đốc các sở tổ chức triển khai thực hiện các nội dung theo Thông báo nêu trên của Tỉnh ủy;\n";

    /// The sample archive, in the shape of `content/`.
    fn sample() -> Vec<Document> {
        let mut vp435 = doc(
            "435/VP-KGVX",
            "Văn phòng UBND tỉnh Kiên Giang",
            "2021-06-21",
            VP_435,
        );
        vp435.attachments = vec!["176-CV/TU".to_string()];
        let mut vp6777 = doc(
            "6777/VP-KGVX",
            "Văn phòng UBND tỉnh Kiên Giang",
            "2021-09-06",
            VP_6777,
        );
        vp6777.attachments = vec!["374-TB/TU".to_string()];
        vec![
            vp435,
            doc("176-CV/TU", "Tỉnh ủy Kiên Giang", "2021-06-15", TU_176),
            doc("453-CV/TU", "Tỉnh ủy Quảng Ngãi", "2021-06-16", TU_453),
            doc(
                "1507/UBND-TH",
                "UBND tỉnh Kiên Giang",
                "2021-09-11",
                &format!("Số: 1507 /UBND-TH\n\n{UBND_1507}"),
            ),
            doc("374-TB/TU", "Tỉnh ủy Kiên Giang", "2021-09-01", TU_374),
            vp6777,
        ]
    }

    #[test]
    fn the_sample_chain_links_up() {
        let g = build(&sample());
        // 435/VP-KGVX links to 176-CV/TU: two mentions in the body, and the attachment.
        let c = &g.outgoing[0][0];
        assert_eq!(
            (c.number.as_str(), &c.target),
            ("176-CV/TU", &Target::Archive(1))
        );
        assert_eq!(c.spans.len(), 2);
        assert!(c.from_front_matter);
        assert_eq!(g.outgoing[0][1].number, "821/UBND-KGVX");
        assert!(matches!(g.outgoing[0][1].target, Target::External(_)));
        // 6777/VP-KGVX links to 374-TB/TU.
        assert_eq!(targets(&g, 5), [("374-TB/TU", &Target::Archive(4))]);
        assert_eq!(g.cited_by[1], [0]);
        assert_eq!(g.cited_by[4], [5]);
        // A document never cites itself, though its body prints its number.
        assert!(g.outgoing[3].iter().all(|c| c.key != "1507/UBND-TH"));
        assert!(g.cited_by[3].is_empty());
    }

    #[test]
    fn an_external_document_gathers_its_citers() {
        let g = build(&sample());
        let kl = external(&g, "7-KL/TW");
        assert_eq!(kl.len(), 1);
        let kl = kl[0];
        assert_eq!(kl.number, "07-KL/TW");
        assert_eq!(kl.doc_type.as_deref(), Some("Kết luận"));
        assert_eq!(kl.issuer.as_deref(), Some("Bộ Chính trị"));
        assert_eq!(kl.dates, [date("2021-06-11")]);
        assert_eq!(kl.year, Some(2021));
        assert_eq!(kl.cited_by, [1, 2]);
        let e = g.external.iter().position(|e| e.key == "7-KL/TW");
        assert_eq!(
            targets(&g, 1),
            [("07-KL/TW", &Target::External(e.unwrap_or(usize::MAX)))]
        );

        // Công điện 1099: CĐ in one document, CD in the other, one document.
        let cd = external(&g, "1099/CD-TTG");
        assert_eq!(cd.len(), 1);
        assert_eq!(cd[0].number, "1099/CĐ-TTg");
        assert_eq!(cd[0].doc_type.as_deref(), Some("Công điện"));
        assert_eq!(cd[0].issuer.as_deref(), Some("Thủ tướng Chính phủ"));
        assert_eq!(cd[0].cited_by, [4, 3]);
        // The footnote of 1507 keeps its citations.
        let keys: Vec<&str> = g.outgoing[3].iter().map(|c| c.key.as_str()).collect();
        assert_eq!(
            keys,
            ["107/NQ-CP", "1099/CD-TTG", "1102/CD-TTG", "1319/UBND-KGVX"]
        );
        let ubnd = external(&g, "1319/UBND-KGVX")[0];
        assert_eq!(
            ubnd.issuer.as_deref(),
            Some("Chủ tịch UBND tỉnh Kiên Giang")
        );
        assert_eq!(ubnd.doc_type.as_deref(), Some("Công văn"));
        // The externals come sorted by key.
        let keys: Vec<&str> = g.external.iter().map(|e| e.key.as_str()).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted);
    }

    #[test]
    fn adding_the_cited_document_turns_external_into_links() {
        let mut docs = sample();
        let mut kl = doc(
            "07-KL/TW",
            "Bộ Chính trị",
            "2021-06-11",
            "Bộ Chính trị kết luận.",
        );
        kl.doc_type = "Kết luận".to_string();
        docs.push(kl);
        let g = build(&docs);
        assert_eq!(targets(&g, 1), [("07-KL/TW", &Target::Archive(6))]);
        assert_eq!(targets(&g, 2), [("07-KL/TW", &Target::Archive(6))]);
        assert_eq!(g.cited_by[6], [1, 2]);
        assert!(external(&g, "7-KL/TW").is_empty());
    }

    #[test]
    fn same_number_from_two_provinces_resolves_by_place() {
        let docs = vec![
            doc("12-CV/TU", "Tỉnh ủy Kiên Giang", "2021-03-01", ""),
            doc("12-CV/TU", "Tỉnh ủy Quảng Ngãi", "2021-03-02", ""),
            doc(
                "5/UBND-VX",
                "UBND tỉnh Kiên Giang",
                "2021-04-01",
                "thực hiện Công văn số 12-CV/TU của Tỉnh ủy về việc",
            ),
            doc(
                "6/UBND-VX",
                "UBND tỉnh Quảng Ngãi",
                "2021-04-01",
                "thực hiện Công văn số 12-CV/TU",
            ),
            doc(
                "7/UBND-VX",
                "UBND tỉnh Kiên Giang",
                "2021-04-02",
                "tham khảo Công văn số 12-CV/TU của Tỉnh ủy Quảng Ngãi về",
            ),
            doc(
                "8/BYT-KCB",
                "Bộ Y tế",
                "2021-04-03",
                "các Công văn số 12-CV/TU của các tỉnh",
            ),
            doc(
                "9/UBND-VX",
                "UBND tỉnh Kiên Giang",
                "2021-04-04",
                "Công văn số 12-CV/TU ngày 02/3/2021 của Tỉnh ủy",
            ),
        ];
        let g = build(&docs);
        assert_eq!(targets(&g, 2), [("12-CV/TU", &Target::Archive(0))]);
        assert_eq!(targets(&g, 3), [("12-CV/TU", &Target::Archive(1))]);
        assert_eq!(targets(&g, 4), [("12-CV/TU", &Target::Archive(1))]);
        // A central body's citation cannot tell the provinces apart.
        assert_eq!(
            targets(&g, 5),
            [("12-CV/TU", &Target::Ambiguous(vec![0, 1]))]
        );
        // The date contradicts Kiên Giang's own 12-CV/TU: not a link to it.
        assert!(matches!(targets(&g, 6)[0].1, Target::External(_)));
        assert_eq!(g.cited_by[0], [2]);
        assert_eq!(g.cited_by[1], [3, 4]);
    }

    #[test]
    fn a_district_cannot_tell_which_province_it_means() {
        let docs = vec![
            doc("01-CT/TU", "Tỉnh ủy Bình Thuận", "2020-11-09", ""),
            doc("5/KH-UBND", "UBND huyện Đức Linh", "2020-12-01", ""),
            doc("5/KH-UBND", "UBND huyện Tuy Phong", "2020-12-01", ""),
            doc(
                "1963/UBND-VP",
                "UBND huyện Đức Linh",
                "2021-01-05",
                "thực hiện Chỉ thị số 01-CT/TU của Tỉnh ủy và Kế hoạch số 5/KH-UBND ngày 01/12/2020 của UBND huyện; Chỉ thị số 02-CT/TU của Tỉnh ủy",
            ),
        ];
        let g = build(&docs);
        assert_eq!(
            targets(&g, 3)[..2],
            [
                ("01-CT/TU", &Target::Ambiguous(vec![0])),
                ("5/KH-UBND", &Target::Archive(1)),
            ]
        );
        let ct = external(&g, "2-CT/TU")[0];
        assert_eq!(ct.issuer.as_deref(), Some("Tỉnh ủy"));

        // Told the district's province (by the issuer registry), it can.
        let g = build_with_provinces(&docs, &|issuer| {
            issuer
                .ends_with("Đức Linh")
                .then(|| "Bình Thuận".to_string())
        });
        assert_eq!(targets(&g, 3)[0], ("01-CT/TU", &Target::Archive(0)));
        assert_eq!(targets(&g, 3)[1], ("5/KH-UBND", &Target::Archive(1)));
        let ct = external(&g, "2-CT/TU")[0];
        assert_eq!(ct.issuer.as_deref(), Some("Tỉnh ủy Bình Thuận"));
    }

    #[test]
    fn a_yearless_citation_means_its_own_year_only() {
        let docs = vec![
            doc("204/KH-UBND", "UBND tỉnh Kiên Giang", "2020-05-04", ""),
            doc(
                "15/TB-UBND",
                "UBND tỉnh Kiên Giang",
                "2022-03-01",
                "Thực hiện Kế hoạch số 204/KH-UBND của Ủy ban nhân dân tỉnh,",
            ),
            doc(
                "16/TB-UBND",
                "UBND tỉnh Kiên Giang",
                "2020-06-01",
                "Thực hiện Kế hoạch số 204/KH-UBND của Ủy ban nhân dân tỉnh,",
            ),
            doc(
                "17/TB-UBND",
                "UBND tỉnh Kiên Giang",
                "2022-03-02",
                "Thực hiện Kế hoạch số 204/KH-UBND ngày 04/5/2020 của Ủy ban nhân dân tỉnh,",
            ),
            doc("01-CT/TU", "Tỉnh ủy Bình Thuận", "2020-11-09", ""),
            doc(
                "1963/UBND-VP",
                "UBND huyện Đức Linh",
                "2021-01-05",
                "thực hiện Chỉ thị số 01-CT/TU ngày 09/11/2020 của Tỉnh ủy",
            ),
        ];
        let g = build(&docs);
        // 2022 citing a 2020 number with no date: not a link to 2020's plan.
        assert!(matches!(targets(&g, 1)[0].1, Target::External(_)));
        assert_eq!(targets(&g, 2), [("204/KH-UBND", &Target::Archive(0))]);
        assert_eq!(targets(&g, 3), [("204/KH-UBND", &Target::Archive(0))]);
        // The date leaves one candidate, though the district's province is unknown.
        assert_eq!(targets(&g, 5), [("01-CT/TU", &Target::Archive(4))]);
    }

    #[test]
    fn same_number_from_two_central_bodies_resolves_by_issuer() {
        let docs = vec![
            doc("07-KL/TW", "Bộ Chính trị", "2021-06-11", ""),
            doc("07-KL/TW", "Ban Bí thư", "2021-06-12", ""),
            doc(
                "1-CV/TU",
                "Tỉnh ủy Kiên Giang",
                "2021-07-01",
                "Kết luận số 07-KL/TW của Bộ Chính trị",
            ),
            doc(
                "2-CV/TU",
                "Tỉnh ủy Kiên Giang",
                "2021-07-02",
                "Kết luận số 07-KL/TW của Ban Bí thư",
            ),
            doc(
                "3-CV/TU",
                "Tỉnh ủy Kiên Giang",
                "2021-07-03",
                "Kết luận số 07-KL/TW",
            ),
            doc(
                "4-CV/TU",
                "Tỉnh ủy Kiên Giang",
                "2021-07-04",
                "Kết luận số 07-KL/TW của Trung ương",
            ),
            doc(
                "5-CV/TU",
                "Tỉnh ủy Kiên Giang",
                "2021-07-05",
                "Kết luận số 07-KL/TW ngày 12-6-2021",
            ),
        ];
        let g = build(&docs);
        assert_eq!(targets(&g, 2), [("07-KL/TW", &Target::Archive(0))]);
        assert_eq!(targets(&g, 3), [("07-KL/TW", &Target::Archive(1))]);
        assert_eq!(
            targets(&g, 4),
            [("07-KL/TW", &Target::Ambiguous(vec![0, 1]))]
        );
        assert_eq!(
            targets(&g, 5),
            [("07-KL/TW", &Target::Ambiguous(vec![0, 1]))]
        );
        assert_eq!(targets(&g, 6), [("07-KL/TW", &Target::Archive(1))]);
        assert!(g.external.is_empty());
    }

    #[test]
    fn numbering_restarts_each_year() {
        let docs = vec![
            doc("68/NQ-CP", "Chính phủ", "2021-07-01", ""),
            doc("68/NQ-CP", "Chính phủ", "2024-05-10", ""),
            doc(
                "10/UBND-KT",
                "UBND tỉnh Kiên Giang",
                "2022-01-05",
                "theo Nghị quyết số 68/NQ-CP của Chính phủ",
            ),
            doc(
                "11/UBND-KT",
                "UBND tỉnh Kiên Giang",
                "2025-01-05",
                "theo Nghị quyết số 68/NQ-CP của Chính phủ",
            ),
            doc(
                "12/UBND-KT",
                "UBND tỉnh Kiên Giang",
                "2025-01-06",
                "Nghị quyết số 68/NQ-CP ngày 01/7/2021",
            ),
            doc(
                "13/UBND-KT",
                "UBND tỉnh Kiên Giang",
                "2025-01-07",
                "Quyết định số 23/2021/QĐ-TTg",
            ),
            doc("23/2021/QĐ-TTg", "Thủ tướng Chính phủ", "2021-07-07", ""),
            doc("23/2020/QĐ-TTg", "Thủ tướng Chính phủ", "2020-07-07", ""),
        ];
        let g = build(&docs);
        // Neither date nor year: a 2022 citation may mean a 2022 resolution
        // not in the archive, so it links to neither (nor does a 2025 one).
        assert!(matches!(targets(&g, 2)[0].1, Target::External(_)));
        assert!(matches!(targets(&g, 3)[0].1, Target::External(_)));
        assert_eq!(targets(&g, 4), [("68/NQ-CP", &Target::Archive(0))]);
        // The year inside the number tells the two Quyết định apart (keys differ too).
        assert_eq!(targets(&g, 5), [("23/2021/QĐ-TTg", &Target::Archive(6))]);
    }

    #[test]
    fn externals_differ_by_year_and_by_province() {
        let docs = vec![
            doc(
                "1/UBND-KT",
                "UBND tỉnh Kiên Giang",
                "2021-08-01",
                "Nghị quyết số 68/NQ-CP ngày 01/7/2021 của Chính phủ",
            ),
            doc(
                "2/UBND-KT",
                "UBND tỉnh Kiên Giang",
                "2024-08-01",
                "Nghị quyết số 68/NQ-CP ngày 10/5/2024 của Chính phủ",
            ),
            doc(
                "3/UBND-KT",
                "UBND tỉnh Kiên Giang",
                "2022-08-01",
                "Nghị quyết số 68/NQ-CP của Chính phủ",
            ),
            doc(
                "4-CV/TU",
                "Tỉnh ủy Kiên Giang",
                "2021-08-01",
                "Công văn số 999-CV/TU",
            ),
            doc(
                "5-CV/TU",
                "Tỉnh ủy Quảng Ngãi",
                "2021-08-01",
                "Công văn số 999-CV/TU của Tỉnh ủy",
            ),
        ];
        let g = build(&docs);
        let nq = external(&g, "68/NQ-CP");
        assert_eq!(nq.len(), 2);
        assert_eq!(
            (nq[0].year, nq[0].cited_by.as_slice()),
            (Some(2021), &[0, 2][..])
        );
        assert_eq!(
            (nq[1].year, nq[1].cited_by.as_slice()),
            (Some(2024), &[1][..])
        );
        assert_eq!(nq[0].issuer.as_deref(), Some("Chính phủ"));
        let cv = external(&g, "999-CV/TU");
        assert_eq!(cv.len(), 2);
        let mut issuers: Vec<&str> = cv.iter().filter_map(|e| e.issuer.as_deref()).collect();
        issuers.sort();
        assert_eq!(issuers, ["Tỉnh ủy Kiên Giang", "Tỉnh ủy Quảng Ngãi"]);
        assert!(cv.iter().all(|e| e.doc_type.as_deref() == Some("Công văn")));
    }

    #[test]
    fn front_matter_references_are_citations() {
        let mut a = doc(
            "1/UBND-KT",
            "UBND tỉnh Kiên Giang",
            "2021-08-01",
            "Văn bản không dẫn chiếu.",
        );
        a.references = vec!["176-CV/TU".to_string(), "1/UBND-KT".to_string()];
        a.attachments = vec!["07-KL/TW".to_string()];
        let docs = vec![a, doc("176-CV/TU", "Tỉnh ủy Kiên Giang", "2021-06-15", "")];
        let g = build(&docs);
        let c = &g.outgoing[0];
        assert_eq!(c.len(), 2);
        assert_eq!(
            (c[0].number.as_str(), c[0].from_front_matter),
            ("07-KL/TW", true)
        );
        assert!(matches!(c[0].target, Target::External(_)));
        assert!(c[0].spans.is_empty());
        assert_eq!(
            (c[1].number.as_str(), &c[1].target),
            ("176-CV/TU", &Target::Archive(1))
        );
        let kl = external(&g, "7-KL/TW")[0];
        assert_eq!(kl.issuer.as_deref(), Some("Trung ương"));
        assert_eq!(kl.doc_type.as_deref(), Some("Kết luận"));
        assert_eq!(kl.year, None);
    }

    #[test]
    fn output_does_not_depend_on_threads() {
        let docs = sample();
        let one = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .map(|p| p.install(|| build(&docs)));
        let four = rayon::ThreadPoolBuilder::new()
            .num_threads(4)
            .build()
            .map(|p| p.install(|| build(&docs)));
        assert_eq!(one.ok(), four.ok());
    }
}

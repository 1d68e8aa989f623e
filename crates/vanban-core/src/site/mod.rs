//! The site model: every page the archive will have, computed once from the
//! documents and the citation graph, before anything is rendered.
//! Each grouping is built in one pass over the documents (linear cost).

pub mod address;
pub mod dates;
pub mod issuers;
pub mod views;

use crate::citation::CitationGraph;
use crate::config::Config;
use crate::document::Document;
use crate::registry::Registry;
use chrono::Datelike;
use std::collections::{BTreeMap, HashMap};

/// A named group of documents: an issuer, a type, a topic or a signer.
#[derive(Debug, Clone)]
pub struct Group {
    pub name: String,
    pub path: String,
    /// Indices into the documents, newest first.
    pub docs: Vec<usize>,
}

/// A year of the timeline: the year and its months, each with its documents.
pub type Year = (i32, Vec<(u32, Vec<usize>)>);

/// Everything the renderer needs, with documents referred to by index.
pub struct Site<'a> {
    pub config: &'a Config,
    /// What the issuer registry says about issuers.
    pub registry: &'a Registry,
    /// Sorted by (date, number): the order of `data/documents.json`.
    pub docs: &'a [Document],
    pub graph: CitationGraph,
    /// Per document, what the archive says of its force.
    pub validity: Vec<crate::citation::validity::Validity>,
    /// The address of each document.
    pub paths: Vec<String>,
    /// Addresses shared by several documents, with the documents.
    pub shared_paths: BTreeMap<String, Vec<usize>>,
    /// The address of each cited document outside the archive.
    pub external_paths: Vec<String>,
    pub issuers: Vec<Group>,
    pub types: Vec<Group>,
    pub topics: Vec<Group>,
    pub signers: Vec<Group>,
    /// Issuer index of each document.
    pub issuer_of: Vec<usize>,
    /// Group index by name, for types and signers.
    pub type_index: HashMap<String, usize>,
    pub topic_index: HashMap<String, usize>,
    pub signer_index: HashMap<String, usize>,
    /// Years, newest first, each with its months (newest first) and the
    /// month's documents (newest first).
    pub years: Vec<Year>,
    /// Per document, the previous (older) and next (newer) document of the
    /// same issuer.
    pub neighbours: Vec<(Option<usize>, Option<usize>)>,
}

/// Two documents that would be written to one address.
#[derive(Debug)]
pub struct AddressClash {
    pub first: usize,
    pub second: usize,
    pub path: String,
}

impl<'a> Site<'a> {
    pub fn build(
        config: &'a Config,
        registry: &'a Registry,
        docs: &'a [Document],
        graph: CitationGraph,
    ) -> Result<Site<'a>, Vec<AddressClash>> {
        let addresses = address::assign(docs).map_err(|pairs| {
            pairs
                .into_iter()
                .map(|(first, second)| AddressClash {
                    first,
                    second,
                    path: address::document_with_issuer(
                        &docs[second].number,
                        docs[second].date.year(),
                        &docs[second].issuer,
                    ),
                })
                .collect::<Vec<_>>()
        })?;
        let external_paths = external_paths(&graph, &addresses.paths, &addresses.shared);

        let newest_first = |v: &mut Vec<usize>| v.reverse();
        let mut issuers = issuers::group(docs);
        let types = group_by(docs, |d| vec![d.doc_type.as_str()], address::doc_type);
        let topics = group_by(
            docs,
            |d| d.topics.iter().map(String::as_str).collect(),
            address::topic,
        );
        let signers = group_by(
            docs,
            |d| d.signers.iter().filter_map(|s| s.name.as_deref()).collect(),
            address::signer,
        );
        let mut issuer_of = vec![0; docs.len()];
        for (gi, g) in issuers.iter_mut().enumerate() {
            for &d in &g.docs {
                issuer_of[d] = gi;
            }
            newest_first(&mut g.docs);
        }
        let finish = |mut groups: Vec<Group>| {
            for g in &mut groups {
                newest_first(&mut g.docs);
            }
            groups
        };

        let mut by_month: BTreeMap<(i32, u32), Vec<usize>> = BTreeMap::new();
        for (i, d) in docs.iter().enumerate() {
            by_month
                .entry((d.date.year(), d.date.month()))
                .or_default()
                .push(i);
        }
        let mut years: Vec<Year> = Vec::new();
        for ((y, m), mut list) in by_month.into_iter().rev() {
            list.reverse();
            match years.last_mut() {
                Some((year, months)) if *year == y => months.push((m, list)),
                _ => years.push((y, vec![(m, list)])),
            }
        }

        let types = finish(types);
        let topics = finish(topics);
        let signers = finish(signers);
        let index = |groups: &[Group]| {
            groups
                .iter()
                .enumerate()
                .map(|(k, g)| (g.name.clone(), k))
                .collect::<HashMap<_, _>>()
        };
        let validity = crate::citation::validity::of_archive(docs, &graph);
        let mut neighbours = vec![(None, None); docs.len()];
        for g in &issuers {
            // g.docs is newest first: the next (newer) one comes before.
            for (k, &i) in g.docs.iter().enumerate() {
                let newer = k.checked_sub(1).map(|k| g.docs[k]);
                neighbours[i] = (g.docs.get(k + 1).copied(), newer);
            }
        }
        Ok(Site {
            neighbours,
            validity,
            registry,
            type_index: index(&types),
            topic_index: index(&topics),
            signer_index: index(&signers),
            config,
            docs,
            graph,
            paths: addresses.paths,
            shared_paths: addresses.shared,
            external_paths,
            issuers,
            types,
            topics,
            signers,
            issuer_of,
            years,
        })
    }
}

impl Site<'_> {
    /// The page of the group named `name` among `groups`, found through
    /// `index`; every name of a document has its group.
    pub fn group_path<'s>(
        groups: &'s [Group],
        index: &HashMap<String, usize>,
        name: &str,
    ) -> &'s str {
        index.get(name).map_or("", |&k| groups[k].path.as_str())
    }

    /// The index of the issuer named `name` in any of its spellings
    /// ([`issuers::spelling_key`]), if it has documents.
    pub fn issuer_index(&self, name: &str) -> Option<usize> {
        let key = issuers::spelling_key(name);
        self.issuers
            .binary_search_by(|g| issuers::spelling_key(&g.name).cmp(&key))
            .ok()
    }
}

/// Groups documents by the keys `keys` gives each, sorted by name in
/// Vietnamese folded order; documents inside keep the input order.
fn group_by(
    docs: &[Document],
    keys: impl for<'d> Fn(&'d Document) -> Vec<&'d str>,
    path: impl Fn(&str) -> String,
) -> Vec<Group> {
    let mut map: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, d) in docs.iter().enumerate() {
        for k in keys(d) {
            let list = map.entry(k).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    let mut groups: Vec<Group> = map
        .into_iter()
        .map(|(name, docs)| Group {
            path: path(name),
            name: name.to_string(),
            docs,
        })
        .collect();
    groups.sort_by_cached_key(|g| (crate::text::fold(&g.name), g.name.clone()));
    number_shared_paths(&mut groups);
    groups
}

/// Names that differ only in case or marks share a slug: the second and
/// later of `groups` (in their order) get `-2`, `-3` ….
fn number_shared_paths(groups: &mut [Group]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for g in groups {
        let n = seen.entry(g.path.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            g.path = format!("{}-{n}/", g.path.trim_end_matches('/'));
        }
    }
}

/// Addresses for cited documents outside the archive: the address the
/// document will have once it is added, when that address is free.
fn external_paths(
    graph: &CitationGraph,
    doc_paths: &[String],
    shared: &BTreeMap<String, Vec<usize>>,
) -> Vec<String> {
    let taken: std::collections::HashSet<&str> = doc_paths
        .iter()
        .map(String::as_str)
        .chain(shared.keys().map(String::as_str))
        .collect();
    let mut given: std::collections::HashSet<String> = std::collections::HashSet::new();
    graph
        .external
        .iter()
        .map(|e| {
            let base = match e.year {
                Some(y) => address::document_base(&e.number, y),
                None => address::undated_document(&e.number),
            };
            let mut path = base.clone();
            let mut n = 2;
            while taken.contains(path.as_str()) || given.contains(&path) {
                path = format!("{}-{n}/", base.trim_end_matches('/'));
                n += 1;
            }
            given.insert(path.clone());
            path
        })
        .collect()
}

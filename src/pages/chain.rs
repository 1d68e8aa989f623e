//! The chain of orders around a document page: what it rests on, up
//! through what it cites, and what rests on it, down through what cites it.
//! A dense archive makes both fans large (a Government resolution can sit
//! above thousands of documents), so each side lists its nearest steps and
//! folds the rest into counts by issuer, themselves capped: a page's chain
//! stays a few kilobytes whatever the archive's size.

use crate::citation::Target;
use crate::site::{Site, dates};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// How many steps the chain lists on each side of a document before
/// folding the others into counts by issuer.
pub(super) const FOLD_AFTER: usize = 12;

/// How many issuers a folded side names; the others are one count.
const FOLD_ISSUERS: usize = 12;

/// One step of the chain timeline around a document.
#[derive(Clone, Serialize)]
pub(super) struct ChainItem<'a> {
    pub date: String,
    pub date_vi: String,
    pub number: &'a str,
    pub doc_type: Option<&'a str>,
    pub issuer: Option<&'a str>,
    pub title: Option<&'a str>,
    pub path: Option<&'a str>,
    /// `cites` (earlier, cited by this one), `self`, or `cited-by`.
    pub role: &'static str,
}

/// A fan of the chain folded into a count: an issuer (with its page when
/// it is in the archive), its level, how many; or, with `others` > 0, the
/// count of that many further issuers together.
#[derive(Clone, Serialize, Hash)]
pub(super) struct FoldItem<'a> {
    pub issuer: Option<&'a str>,
    pub issuer_path: Option<&'a str>,
    pub level: Option<&'static str>,
    pub count: usize,
    pub others: usize,
}

/// The chain of document `i`: its listed steps in date order, and the
/// folded steps above and below it.
#[derive(Clone)]
pub(super) struct Chain<'a> {
    pub items: Vec<ChainItem<'a>>,
    pub folded_up: Vec<FoldItem<'a>>,
    pub folded_down: Vec<FoldItem<'a>>,
}

/// A step found on the way: an archive document or an external one.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Step {
    Doc(usize),
    External(usize),
}

/// The whole chain of orders through document `i`: up through what it
/// cites to the documents that cite nothing in the archive (and the
/// external documents they cite), down through what cites it to the
/// documents nobody cites. What the page lists already (the documents it
/// cites and that cite it directly) is not listed again.
pub(super) fn chain<'a>(site: &'a Site, i: usize) -> Chain<'a> {
    let g = &site.graph;
    let direct_up: BTreeSet<Step> = g.outgoing[i]
        .iter()
        .filter_map(|c| match c.target {
            Target::Archive(j) => Some(Step::Doc(j)),
            Target::External(e) => Some(Step::External(e)),
            Target::Ambiguous(_) => None,
        })
        .collect();
    let direct_down: BTreeSet<usize> = g.cited_by[i].iter().copied().collect();
    // Up: breadth first over archive targets, nearest first; external ones
    // end a path.
    let mut seen: BTreeSet<usize> = BTreeSet::from([i]);
    let mut externals: BTreeSet<usize> = BTreeSet::new();
    let mut up: Vec<Step> = Vec::new();
    let mut queue: VecDeque<(usize, usize)> = VecDeque::from([(i, 0)]);
    while let Some((j, depth)) = queue.pop_front() {
        for c in &g.outgoing[j] {
            match c.target {
                Target::Archive(k) if seen.insert(k) => {
                    up.push(Step::Doc(k));
                    queue.push_back((k, depth + 1));
                }
                Target::External(e) if depth > 0 && externals.insert(e) => {
                    up.push(Step::External(e));
                }
                _ => {}
            }
        }
    }
    let mut down: Vec<usize> = Vec::new();
    let mut queue: VecDeque<usize> = VecDeque::from([i]);
    while let Some(j) = queue.pop_front() {
        for &k in &g.cited_by[j] {
            if seen.insert(k) {
                down.push(k);
                queue.push_back(k);
            }
        }
    }
    let above: Vec<Step> = up.into_iter().filter(|s| !direct_up.contains(s)).collect();
    let below: Vec<Step> = down
        .into_iter()
        .filter(|j| !direct_down.contains(j))
        .map(Step::Doc)
        .collect();
    let mut items = Vec::new();
    let (shown, folded_up) = split(site, &above);
    items.extend(shown.iter().map(|&s| step(site, s, "cites")));
    items.push(step(site, Step::Doc(i), "self"));
    let (shown, folded_down) = split(site, &below);
    items.extend(shown.iter().map(|&s| step(site, s, "cited-by")));
    items.sort_by(|a, b| a.date.cmp(&b.date).then(a.number.cmp(b.number)));
    Chain {
        items,
        folded_up,
        folded_down,
    }
}

/// The nearest steps of a side to list, and the others folded by issuer.
fn split<'s, 'a>(site: &'a Site, steps: &'s [Step]) -> (&'s [Step], Vec<FoldItem<'a>>) {
    if steps.len() <= FOLD_AFTER {
        return (steps, Vec::new());
    }
    let (shown, rest) = steps.split_at(FOLD_AFTER);
    // Issuers in the archive by their group; others by the name cited.
    let mut counts: BTreeMap<(Option<usize>, Option<&'a str>), usize> = BTreeMap::new();
    for s in rest {
        let key = match *s {
            Step::Doc(j) => (Some(site.issuer_of[j]), None),
            Step::External(e) => (None, site.graph.external[e].issuer.as_deref()),
        };
        *counts.entry(key).or_default() += 1;
    }
    let mut folded: Vec<FoldItem> = counts
        .into_iter()
        .map(|((group, name), count)| match group {
            Some(gi) => {
                let grp = &site.issuers[gi];
                let (level, _) = crate::site::issuers::level_and_province(site, &grp.name);
                FoldItem {
                    issuer: Some(&grp.name),
                    issuer_path: Some(&grp.path),
                    level: Some(level.label()),
                    count,
                    others: 0,
                }
            }
            None => FoldItem {
                issuer: name,
                issuer_path: None,
                level: None,
                count,
                others: 0,
            },
        })
        .collect();
    folded.sort_by(|a, b| b.count.cmp(&a.count).then(a.issuer.cmp(&b.issuer)));
    if folded.len() > FOLD_ISSUERS {
        let tail = folded.split_off(FOLD_ISSUERS);
        folded.push(FoldItem {
            issuer: None,
            issuer_path: None,
            level: None,
            count: tail.iter().map(|f| f.count).sum(),
            others: tail.len(),
        });
    }
    (shown, folded)
}

fn step<'a>(site: &'a Site, s: Step, role: &'static str) -> ChainItem<'a> {
    match s {
        Step::Doc(j) => {
            let d = &site.docs[j];
            ChainItem {
                date: dates::iso(d.date),
                date_vi: dates::short(d.date),
                number: &d.number,
                doc_type: Some(&d.doc_type),
                issuer: Some(&d.issuer),
                title: Some(&d.title),
                path: Some(&site.paths[j]),
                role,
            }
        }
        Step::External(e) => {
            let ext = &site.graph.external[e];
            let date = ext.dates.first().copied();
            ChainItem {
                date: date.map(dates::iso).unwrap_or_default(),
                date_vi: date.map(dates::short).unwrap_or_default(),
                number: &ext.number,
                doc_type: ext.type_prefix(),
                issuer: ext.issuer.as_deref(),
                title: None,
                path: Some(&site.external_paths[e]),
                role,
            }
        }
    }
}

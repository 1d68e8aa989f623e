//! What templates see: small serializable views of the model. Paths are
//! relative to the site root without a leading `/`; templates prefix them
//! with `root`, the way back from the current page to the root.

use super::{Site, dates};
use crate::citation::{Citation, Target};
use crate::document::Document;
use serde::Serialize;

/// One line of a document list.
#[derive(Debug, Clone, Serialize)]
pub struct DocItem<'a> {
    pub number: &'a str,
    pub doc_type: &'a str,
    pub title: &'a str,
    pub issuer: &'a str,
    pub issuer_path: &'a str,
    pub date: String,
    pub date_vi: String,
    pub path: &'a str,
    /// What the archive says of its force: `repealed`, `replaced`,
    /// `amended` or `none_known`.
    pub status: &'static str,
}

impl Site<'_> {
    pub fn doc_item(&self, i: usize) -> DocItem<'_> {
        let d = &self.docs[i];
        DocItem {
            number: &d.number,
            doc_type: &d.doc_type,
            title: &d.title,
            issuer: &d.issuer,
            issuer_path: &self.issuers[self.issuer_of[i]].path,
            date: dates::iso(d.date),
            date_vi: dates::short(d.date),
            path: &self.paths[i],
            status: self.validity[i].state.as_str(),
        }
    }

    pub fn doc_items(&self, indices: &[usize]) -> Vec<DocItem<'_>> {
        indices.iter().map(|&i| self.doc_item(i)).collect()
    }
}

/// A link to a group page with its size.
#[derive(Debug, Clone, Serialize)]
pub struct GroupLink<'a> {
    pub name: &'a str,
    pub path: &'a str,
    pub count: usize,
}

pub fn group_links(groups: &[super::Group]) -> Vec<GroupLink<'_>> {
    groups
        .iter()
        .map(|g| GroupLink {
            name: &g.name,
            path: &g.path,
            count: g.docs.len(),
        })
        .collect()
}

/// A reference made by a document, for its "Văn bản được dẫn chiếu" list.
#[derive(Debug, Clone, Serialize)]
pub struct CitedItem<'a> {
    pub number: &'a str,
    /// `archive`, `external` or `ambiguous`.
    pub status: &'static str,
    pub path: Option<&'a str>,
    pub doc_type: Option<&'a str>,
    pub title: Option<&'a str>,
    pub issuer: Option<&'a str>,
    /// The issuer's page when the issuer is one of the archive's.
    pub issuer_path: Option<&'a str>,
    pub date_vi: Option<String>,
    /// For an ambiguous reference: the documents it may mean.
    pub candidates: Vec<DocItem<'a>>,
    /// The article cited, for an article-level citation.
    pub article: Option<u32>,
}

impl Site<'_> {
    pub fn cited_item<'s>(&'s self, c: &'s Citation) -> CitedItem<'s> {
        match &c.target {
            Target::Archive(j) => {
                let d = &self.docs[*j];
                CitedItem {
                    number: &d.number,
                    status: "archive",
                    path: Some(&self.paths[*j]),
                    doc_type: Some(&d.doc_type),
                    title: Some(&d.title),
                    issuer: Some(&d.issuer),
                    issuer_path: Some(&self.issuers[self.issuer_of[*j]].path),
                    date_vi: Some(dates::short(d.date)),
                    candidates: Vec::new(),
                    article: c
                        .article
                        .filter(|a| crate::markdown::has_article(&d.body, *a)),
                }
            }
            Target::External(e) => {
                let ext = &self.graph.external[*e];
                // An issuer of the archive is named as its own page names
                // it, and linked.
                let known = ext.issuer.as_deref().and_then(|n| self.issuer_index(n));
                CitedItem {
                    number: &c.number,
                    status: "external",
                    path: Some(&self.external_paths[*e]),
                    doc_type: ext.type_prefix(),
                    title: None,
                    issuer: match known {
                        Some(k) => Some(self.issuers[k].name.as_str()),
                        None => ext.issuer.as_deref(),
                    },
                    issuer_path: known.map(|k| self.issuers[k].path.as_str()),
                    date_vi: ext.dates.first().map(|d| dates::short(*d)),
                    candidates: Vec::new(),
                    article: c.article,
                }
            }
            Target::Ambiguous(list) => CitedItem {
                number: &c.number,
                status: "ambiguous",
                path: None,
                doc_type: None,
                title: None,
                issuer: None,
                issuer_path: None,
                date_vi: None,
                candidates: self.doc_items(list),
                article: c.article,
            },
        }
    }
}

/// A document page's own data.
#[derive(Debug, Clone, Serialize)]
pub struct DocView<'a> {
    pub number: &'a str,
    pub doc_type: &'a str,
    pub title: &'a str,
    pub issuer: &'a str,
    pub issuer_path: &'a str,
    pub doc_type_path: &'a str,
    pub date: String,
    pub date_vi: String,
    pub date_long: String,
    pub place: Option<&'a str>,
    /// "ĐẢNG CỘNG SẢN VIỆT NAM" for Party bodies, the national motto otherwise.
    pub party: bool,
    pub signers: Vec<SignerView<'a>>,
    pub recipients: &'a [String],
    pub distribution: &'a [String],
    pub topics: Vec<GroupRef<'a>>,
    pub source: Option<&'a str>,
    /// The issuer's website from the registry (`_co-quan.yaml`), where a
    /// document without `source` may be found.
    pub issuer_website: Option<&'a str>,
    pub path: &'a str,
}

#[derive(Debug, Clone, Serialize)]
pub struct SignerView<'a> {
    pub name: Option<&'a str>,
    pub position: Option<&'a str>,
    pub authority: Option<&'a str>,
    pub path: Option<&'a str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupRef<'a> {
    pub name: &'a str,
    pub path: &'a str,
}

impl Site<'_> {
    pub fn doc_view(&self, i: usize) -> DocView<'_> {
        let d: &Document = &self.docs[i];
        DocView {
            number: &d.number,
            doc_type: &d.doc_type,
            title: &d.title,
            issuer: &d.issuer,
            issuer_path: &self.issuers[self.issuer_of[i]].path,
            doc_type_path: Site::group_path(&self.types, &self.type_index, &d.doc_type),
            date: dates::iso(d.date),
            date_vi: dates::short(d.date),
            date_long: dates::long(d.date),
            place: d.place.as_deref(),
            party: is_party(d),
            signers: d
                .signers
                .iter()
                .map(|s| SignerView {
                    name: s.name.as_deref(),
                    position: s.position.as_deref(),
                    authority: s.authority.as_deref(),
                    path: s
                        .name
                        .as_deref()
                        .map(|n| Site::group_path(&self.signers, &self.signer_index, n)),
                })
                .collect(),
            recipients: &d.recipients,
            distribution: &d.distribution,
            topics: d
                .topics
                .iter()
                .map(|t| GroupRef {
                    name: t,
                    path: Site::group_path(&self.topics, &self.topic_index, t),
                })
                .collect(),
            source: d.source.as_deref(),
            issuer_website: self
                .registry
                .get(&d.issuer)
                .and_then(|r| r.website.as_deref())
                .filter(|w| crate::markdown::safe_url(w).is_some() && w.starts_with("http")),
            path: &self.paths[i],
        }
    }
}

/// Party documents number `NUM-TYPE/ISSUER` (Hướng dẫn 36-HD/VPTW); state
/// documents `NUM/...`. The issuer's name decides when the number cannot.
pub fn is_party(d: &Document) -> bool {
    let number = d.number.trim();
    let digits = number.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 {
        match number[digits..].chars().next() {
            Some('-') => return true,
            Some('/') => return false,
            _ => {}
        }
    }
    let issuer = crate::text::fold(&d.issuer);
    [
        "tinh uy",
        "thanh uy",
        "huyen uy",
        "dang uy",
        "trung uong",
        "bo chinh tri",
        "ban bi thu",
    ]
    .iter()
    .any(|w| issuer.contains(w))
}

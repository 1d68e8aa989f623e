//! Machine-readable data for journalists and tools: `data/documents.json`
//! (every document with its references and citers), `data/references.json`
//! (cited documents outside the archive) and `data/issuers.json`.
//! Field names and order are a public contract: add, never rename.

use super::{Content, Writer};
use crate::citation::Target;
use crate::site::{Site, dates};
use serde::Serialize;

#[derive(Serialize)]
pub(super) struct DocRecord<'a> {
    number: &'a str,
    #[serde(rename = "type")]
    doc_type: &'a str,
    title: &'a str,
    issuer: &'a str,
    issuer_url: String,
    date: String,
    url: String,
    place: Option<&'a str>,
    signers: &'a [crate::document::Signer],
    recipients: &'a [String],
    distribution: &'a [String],
    topics: &'a [String],
    source: Option<&'a str>,
    references: Vec<RefRecord<'a>>,
    cited_by: Vec<CiterRecord<'a>>,
    /// The date it takes effect, when its own text says it.
    effective: Option<String>,
    status: StatusRecord<'a>,
    amended_by: Vec<Link<'a>>,
}

#[derive(Serialize)]
struct RefRecord<'a> {
    /// `null` for a law cited by name and year, not number.
    number: Option<&'a str>,
    /// A law cited by name: the name as printed, and its year.
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    year: Option<i32>,
    url: Option<String>,
    in_archive: bool,
    /// Archive documents the reference may mean when it cannot tell.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    candidates: Vec<Link<'a>>,
    /// What the citing sentences say: `basis`, `implements`, `guides`,
    /// `amends`, `replaces`, `repeals`, `corrects` or `mentions`.
    kind: &'static str,
    /// The article cited ("Điều 5"), for an article-level citation.
    #[serde(skip_serializing_if = "Option::is_none")]
    article: Option<String>,
}

#[derive(Serialize)]
struct CiterRecord<'a> {
    number: &'a str,
    url: String,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    article: Option<String>,
}

#[derive(Serialize)]
struct StatusRecord<'a> {
    /// `repealed`, `replaced`, `amended` or `none_known`.
    state: &'static str,
    since: Option<String>,
    by: Vec<Link<'a>>,
}

#[derive(Serialize)]
struct Link<'a> {
    number: &'a str,
    url: String,
}

fn url(path: &str) -> String {
    format!("/{path}")
}

pub(super) fn record<'a>(site: &'a Site, i: usize) -> DocRecord<'a> {
    let d = &site.docs[i];
    let link = |j: usize| Link {
        number: &site.docs[j].number,
        url: url(&site.paths[j]),
    };
    let v = &site.validity[i];
    let article = |c: &crate::citation::Citation| c.article.map(|a| format!("Điều {a}"));
    DocRecord {
        number: &d.number,
        doc_type: &d.doc_type,
        title: &d.title,
        issuer: &d.issuer,
        issuer_url: url(&site.issuers[site.issuer_of[i]].path),
        date: dates::iso(d.date),
        url: url(&site.paths[i]),
        place: d.place.as_deref(),
        signers: &d.signers,
        recipients: &d.recipients,
        distribution: &d.distribution,
        topics: &d.topics,
        source: d.source.as_deref(),
        references: site.graph.outgoing[i]
            .iter()
            .map(|c| {
                let law = crate::citation::is_law_key(&c.key);
                let name = law.then_some(c.number.as_str());
                let year = crate::citation::law_key_year(&c.key);
                let cited = (!law).then_some(c.number.as_str());
                let kind = c.kind.as_str();
                match &c.target {
                    Target::Archive(j) => RefRecord {
                        number: Some(&site.docs[*j].number),
                        name,
                        year,
                        url: Some(url(&site.paths[*j])),
                        in_archive: true,
                        candidates: Vec::new(),
                        kind,
                        article: article(c),
                    },
                    Target::External(e) => RefRecord {
                        number: cited,
                        name,
                        year,
                        url: Some(url(&site.external_paths[*e])),
                        in_archive: false,
                        candidates: Vec::new(),
                        kind,
                        article: article(c),
                    },
                    Target::Ambiguous(list) => RefRecord {
                        number: cited,
                        name,
                        year,
                        url: None,
                        in_archive: false,
                        candidates: list.iter().map(|&j| link(j)).collect(),
                        kind,
                        article: article(c),
                    },
                }
            })
            .collect(),
        cited_by: site.graph.cited_by[i]
            .iter()
            .map(|&j| {
                let c = site.graph.citation(j, i);
                CiterRecord {
                    number: &site.docs[j].number,
                    url: url(&site.paths[j]),
                    kind: c.map_or("mentions", |c| c.kind.as_str()),
                    article: c.and_then(article),
                }
            })
            .collect(),
        effective: v.effective.map(dates::iso),
        status: StatusRecord {
            state: v.state.as_str(),
            since: v.since.map(dates::iso),
            by: v.by.iter().map(|&j| link(j)).collect(),
        },
        amended_by: v.amended_by.iter().map(|&j| link(j)).collect(),
    }
}

/// `{"documents": [...]}`, each record made as it is written.
struct Documents<'a>(&'a Site<'a>);

impl Serialize for Documents<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        struct All<'a>(&'a Site<'a>);
        impl Serialize for All<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq((0..self.0.docs.len()).map(|i| record(self.0, i)))
            }
        }
        let mut st = s.serialize_struct("Documents", 1)?;
        st.serialize_field("documents", &All(self.0))?;
        st.end()
    }
}

#[derive(Serialize)]
struct ExternalRecord<'a> {
    number: &'a str,
    #[serde(rename = "type")]
    doc_type: Option<&'a str>,
    issuer: Option<&'a str>,
    dates: Vec<String>,
    url: String,
    cited_by: Vec<Link<'a>>,
}

#[derive(Serialize)]
struct References<'a> {
    references: Vec<ExternalRecord<'a>>,
}

#[derive(Serialize)]
struct IssuerRecord<'a> {
    name: &'a str,
    url: String,
    parent: Option<&'a str>,
    province: Option<String>,
    documents: usize,
    first_date: Option<String>,
    last_date: Option<String>,
}

#[derive(Serialize)]
struct Issuers<'a> {
    issuers: Vec<IssuerRecord<'a>>,
}

pub(super) fn write_all(w: &Writer) -> super::Result<()> {
    let site = w.site;
    w.put("data/documents.json", Content::Json(Documents(site), 2))?;

    let refs = References {
        references: site
            .graph
            .external
            .iter()
            .enumerate()
            .map(|(e, ext)| ExternalRecord {
                number: &ext.number,
                doc_type: ext.doc_type.as_deref(),
                issuer: ext.issuer.as_deref(),
                dates: ext.dates.iter().map(|d| dates::iso(*d)).collect(),
                url: url(&site.external_paths[e]),
                cited_by: ext
                    .cited_by
                    .iter()
                    .map(|&j| Link {
                        number: &site.docs[j].number,
                        url: url(&site.paths[j]),
                    })
                    .collect(),
            })
            .collect(),
    };
    w.put("data/references.json", Content::Json(refs, 2))?;

    let issuers = Issuers {
        issuers: site
            .issuers
            .iter()
            .map(|g| {
                let (_, province) = crate::site::issuers::level_and_province(site, &g.name);
                IssuerRecord {
                    name: &g.name,
                    url: url(&g.path),
                    parent: site.registry.get(&g.name).and_then(|i| i.parent.as_deref()),
                    province,
                    documents: g.docs.len(),
                    // g.docs is newest first.
                    first_date: g.docs.last().map(|&i| dates::iso(site.docs[i].date)),
                    last_date: g.docs.first().map(|&i| dates::iso(site.docs[i].date)),
                }
            })
            .collect(),
    };
    w.put("data/issuers.json", Content::Json(issuers, 2))?;
    Ok(())
}

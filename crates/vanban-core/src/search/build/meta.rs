//! Per-document metadata blocks, excerpt files and the facet sets.

use super::super::codec::{self, put_str, put_varint};
use super::super::excerpt;
use super::super::{IndexFile, SearchDoc};
use super::META_BLOCK;
use chrono::Datelike;
use rayon::prelude::*;
use std::collections::HashMap;

/// A facet's values sorted for display, each with its documents.
fn facet<'d>(
    values: impl Iterator<Item = (usize, &'d str)>,
    newest_first: bool,
) -> Vec<(String, Vec<u32>)> {
    let mut by_value: HashMap<&str, Vec<u32>> = HashMap::new();
    for (id, v) in values {
        by_value.entry(v).or_default().push(id as u32);
    }
    // Sorted as readers look for them: by folded name, then as written.
    let mut sorted: Vec<(String, &str, Vec<u32>)> = by_value
        .into_iter()
        .map(|(v, ids)| (crate::text::fold(v), v, ids))
        .collect();
    sorted.sort_unstable_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    if newest_first {
        sorted.reverse();
    }
    sorted
        .into_iter()
        .map(|(_, v, mut ids)| {
            ids.dedup();
            (v.to_owned(), ids)
        })
        .collect()
}

/// Metadata of every document; facets of the first `archive` only. A
/// value in no facet (a cited document's) is written as the facet's
/// length, read back as empty; no date as 0.
pub(super) fn write_meta_and_facets(
    all: &[SearchDoc],
    archive: usize,
    dates: &[Option<chrono::NaiveDate>],
    df: &HashMap<Box<str>, u32>,
    files: &mut Vec<IndexFile>,
) -> super::Facets {
    let docs = &all[..archive];
    let issuers = facet(docs.iter().enumerate().map(|(i, d)| (i, d.issuer)), false);
    let types = facet(docs.iter().enumerate().map(|(i, d)| (i, d.doc_type)), false);
    let years_owned: Vec<String> = docs.iter().map(|d| d.date.year().to_string()).collect();
    let years = facet(
        years_owned.iter().enumerate().map(|(i, y)| (i, y.as_str())),
        true,
    );
    let topics = facet(
        docs.iter()
            .enumerate()
            .flat_map(|(i, d)| d.topics.iter().map(move |t| (i, t.as_str()))),
        false,
    );
    let statuses = facet(
        docs.iter()
            .enumerate()
            .filter(|(_, d)| !d.status.is_empty())
            .map(|(i, d)| (i, d.status)),
        false,
    );
    let index_of = |values: &[(String, Vec<u32>)]| -> HashMap<String, usize> {
        values
            .iter()
            .enumerate()
            .map(|(i, (v, _))| (v.clone(), i))
            .collect()
    };
    let (type_ix, topic_ix) = (index_of(&types), index_of(&topics));

    let blocks: Vec<IndexFile> = all
        .par_chunks(META_BLOCK)
        .zip(dates.par_chunks(META_BLOCK))
        .enumerate()
        .map(|(b, (chunk, dates))| {
            let mut out = Vec::new();
            for (d, date) in chunk.iter().zip(dates) {
                put_str(&mut out, d.number);
                let ix = |map: &HashMap<String, usize>, v: &str| {
                    map.get(v).copied().unwrap_or(map.len())
                };
                put_varint(&mut out, ix(&type_ix, d.doc_type) as u64);
                put_str(&mut out, d.issuer);
                let ymd = date.map_or(0, |d| {
                    d.year() as i64 * 10000 + i64::from(d.month() * 100 + d.day())
                });
                put_varint(&mut out, ymd.max(0) as u64);
                put_str(&mut out, d.title);
                put_str(&mut out, d.url.trim_start_matches('/'));
                let mut topics: Vec<usize> = d
                    .topics
                    .iter()
                    .filter_map(|t| topic_ix.get(t.as_str()).copied())
                    .collect();
                topics.sort_unstable();
                topics.dedup();
                put_varint(&mut out, topics.len() as u64);
                for t in topics {
                    put_varint(&mut out, t as u64);
                }
                put_varint(&mut out, u64::from(!d.body.trim().is_empty()));
            }
            IndexFile {
                path: format!("search/m/{b}.bin"),
                bytes: out,
            }
        })
        .collect();
    files.extend(blocks);
    // Excerpts: a file a document with a body, fetched for the hits shown.
    let n = all.len() as u32;
    let excerpts: Vec<IndexFile> = all
        .par_iter()
        .enumerate()
        .filter(|(_, d)| !d.body.trim().is_empty())
        .map(|(id, d)| IndexFile {
            path: excerpt::path(id as u32),
            bytes: excerpt::pieces(d.body, |w| df.get(w).copied().unwrap_or(1), n)
                .join("\n")
                .into_bytes(),
        })
        .collect();
    files.extend(excerpts);

    let mut listing = |name: &str, values: Vec<(String, Vec<u32>)>| -> Vec<(String, u32)> {
        values
            .into_iter()
            .enumerate()
            .map(|(i, (v, ids))| {
                let mut bytes = Vec::new();
                codec::put_set(&mut bytes, &ids);
                files.push(IndexFile {
                    path: format!("search/f/{name}-{i}.bin"),
                    bytes,
                });
                (v, ids.len() as u32)
            })
            .collect()
    };
    super::Facets {
        issuer: listing("issuer", issuers),
        doc_type: listing("type", types),
        year: listing("year", years),
        topic: listing("topic", topics),
        validity: listing("validity", statuses),
    }
}

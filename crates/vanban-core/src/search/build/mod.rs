//! Builds the index files from the documents (see the format in the
//! module doc of [`crate::search`]).
//!
//! One concern a module: [`extract`] finds each document's terms and
//! their levels, [`terms`] gathers them into tiered postings, [`write`]
//! lays those out in buckets, packs and completion blocks, [`meta`] writes
//! the metadata, excerpts and facets.

mod extract;
mod meta;
mod terms;
mod write;

use super::{CitedDoc, IndexFile, SearchDoc};
use serde::Serialize;

pub use write::bucket_hash;

/// Term kinds, the first byte of a bucket entry.
pub const SYLLABLE: u8 = 0;
pub const PAIR: u8 = 1;
pub const NUMBER: u8 = 2;
pub const EXACT: u8 = 3;

/// Posting data up to this size lives inside its bucket entry.
pub const INLINE_MAX: usize = 128;
/// Posting data from this size gets a file of its own.
pub const OWN_MIN: usize = 4096;
/// The smallest pack size limit.
pub const PACK_MIN: usize = 2048;
/// Tiers of at least this many bytes keep their body tiers (levels 0-3)
/// apart, so a query whose higher tiers fill the first page does not
/// fetch them.
pub const SPLIT_MIN: usize = OWN_MIN;

/// The most bytes the file holding posting data of `len` bytes may have:
/// `len` itself from [`OWN_MIN`] on (the data is alone), else four times
/// the power of two at or below `len`, at least [`PACK_MIN`]. Packs group
/// data of one such size class, so fetching a term costs a bounded multiple
/// of its size; the client budgets a reference at this size.
pub fn pack_limit(len: usize) -> usize {
    if len >= OWN_MIN {
        len
    } else {
        PACK_MIN.max(4 << len.max(1).ilog2())
    }
}

/// Documents per metadata block.
pub const META_BLOCK: usize = 4;

pub fn build(archive: &[SearchDoc], cited: &[CitedDoc]) -> Vec<IndexFile> {
    // Cited documents follow the archive's, as documents without trích yếu
    // or body; their dates apart (they may have none).
    let placeholder = chrono::NaiveDate::default();
    let mut docs: Vec<SearchDoc> = archive.to_vec();
    docs.extend(cited.iter().map(|c| SearchDoc {
        number: c.number,
        doc_type: c.doc_type,
        title: "",
        issuer: c.issuer,
        date: c.date.unwrap_or(placeholder),
        url: c.url,
        topics: &[],
        body: "",
        status: "",
    }));
    let dates: Vec<Option<chrono::NaiveDate>> = archive
        .iter()
        .map(|d| Some(d.date))
        .chain(cited.iter().map(|c| c.date))
        .collect();
    let terms = terms::collect_terms(&docs);
    // Syllables' document frequencies choose the excerpts' pieces.
    let df: std::collections::HashMap<Box<str>, u32> = terms
        .iter()
        .filter(|t| t.kind == SYLLABLE)
        .map(|t| (t.term.clone(), t.df))
        .collect();
    let mut files = Vec::new();
    let (buckets, completion) = write::write_terms(terms, &mut files);
    let facets = meta::write_meta_and_facets(&docs, archive.len(), &dates, &df, &mut files);
    files.push(IndexFile {
        path: "search/f/issuer.json".into(),
        bytes: serde_json::to_vec(&facets.issuer).expect("the issuers serialize"),
    });
    let manifest = Manifest {
        version: 1,
        docs: docs.len(),
        buckets,
        meta_block: META_BLOCK,
        pack_min: PACK_MIN,
        own_min: OWN_MIN,
        completion,
        facets,
    };
    files.push(IndexFile {
        path: "search/manifest.json".into(),
        bytes: serde_json::to_vec(&manifest).expect("the manifest serializes"),
    });
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Manifest {
    version: u32,
    docs: usize,
    buckets: u32,
    meta_block: usize,
    pack_min: usize,
    own_min: usize,
    /// First term of each completion block.
    completion: Vec<String>,
    facets: Facets,
}

/// Facet values with their document counts, in the order of their files
/// (`search/f/<facet>-<i>.bin`). The issuers, a thousand names in a big
/// archive, are in `search/f/issuer.json` (fetched for the filters only).
#[derive(Serialize)]
pub(super) struct Facets {
    #[serde(skip)]
    issuer: Vec<(String, u32)>,
    #[serde(rename = "type")]
    doc_type: Vec<(String, u32)>,
    year: Vec<(String, u32)>,
    topic: Vec<(String, u32)>,
    validity: Vec<(String, u32)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pack_limits_bound_what_a_term_costs() {
        assert_eq!(pack_limit(129), PACK_MIN);
        assert_eq!(pack_limit(1000), PACK_MIN);
        assert_eq!(pack_limit(1024), 4096);
        assert_eq!(pack_limit(4095), 8192);
        assert_eq!(pack_limit(5000), 5000);
        for len in [129, 700, 1500, 3000] {
            assert!(pack_limit(len) >= 2 * len, "two items of a class fit");
        }
    }
}

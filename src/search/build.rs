//! Builds the index files from the documents (see the format in the
//! module doc of [`crate::search`]).

use super::codec::{self, put_str, put_varint};
use super::text::{self, Gap, NumberFinder};
use super::{IndexFile, SearchDoc};
use chrono::Datelike;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

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
/// Target size of a bucket file.
const BUCKET_TARGET: usize = 4096;
/// Target size of a completion block.
const COMPLETION_BLOCK: usize = 2048;
/// Documents per metadata block.
pub const META_BLOCK: usize = 4;
/// Characters of leading body text kept for excerpts.
const LEAD_CHARS: usize = 240;
/// Documents per merge batch.
const BATCH: usize = 2048;
const SHARD_BITS: u32 = 6;

// Field bits of a posting.
const F_NUMBER: u8 = 1;
const F_TITLE: u8 = 2;
const F_ISSUER: u8 = 4;
const F_TYPE: u8 = 8;
const F_TOPIC: u8 = 16;

/// The ranking level of a term in a document, from the fields it occurs
/// in and how often the body has it.
fn level(fields: u8, body_tf: u32) -> u8 {
    let body = match body_tf {
        0 | 1 => 0,
        2 => 1,
        3..=5 => 2,
        _ => 3,
    };
    if fields & F_NUMBER != 0 {
        7
    } else if fields & F_TITLE != 0 {
        if body_tf >= 3 || fields & (F_ISSUER | F_TOPIC) != 0 {
            6
        } else {
            5
        }
    } else if fields & (F_ISSUER | F_TOPIC) != 0 {
        4
    } else if fields & F_TYPE != 0 {
        3
    } else {
        body
    }
}

pub fn build(docs: &[SearchDoc]) -> Vec<IndexFile> {
    let terms = collect_terms(docs);
    let mut files = Vec::new();
    let (buckets, completion) = write_terms(terms, &mut files);
    let facets = write_meta_and_facets(docs, &mut files);
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
/// (`search/f/<facet>-<i>.bin`).
#[derive(Serialize)]
struct Facets {
    issuer: Vec<(String, u32)>,
    #[serde(rename = "type")]
    doc_type: Vec<(String, u32)>,
    year: Vec<(String, u32)>,
    topic: Vec<(String, u32)>,
}

// ---------------------------------------------------------------- terms

/// A term with its encoded tiers.
struct Encoded {
    kind: u8,
    term: Box<str>,
    df: u32,
    data: Vec<u8>,
}

/// A 64-bit hash of a kind-prefixed key: FxHash steps and a murmur3
/// finalizer; only used in memory, never written.
fn key_hash(key: &[u8]) -> u64 {
    let mut h: u64 = 0;
    let mut chunks = key.chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes(c.try_into().expect("8 bytes"));
        h = (h.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    let mut last = [0u8; 8];
    last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = (h.rotate_left(5) ^ u64::from_le_bytes(last) ^ key.len() as u64)
        .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Hashing for maps keyed by an already well-mixed u64.
#[derive(Default)]
struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, _: &[u8]) {
        unreachable!("only u64 keys")
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

type U64Map<V> = HashMap<u64, V, BuildHasherDefault<IdentityHasher>>;

/// One document's terms: `(hash, key range in arena, level)` sorted by hash.
struct DocTerms {
    entries: Vec<(u64, u32, u32, u8)>,
    arena: String,
}

impl DocTerms {
    fn key(&self, e: &(u64, u32, u32, u8)) -> &str {
        &self.arena[e.1 as usize..e.2 as usize]
    }
}

/// Per-thread scratch space for extracting a document's terms.
#[derive(Default)]
struct Extractor {
    index: U64Map<usize>,
    /// (hash, start, end, fields, body tf)
    terms: Vec<(u64, u32, u32, u8, u32)>,
    arena: String,
    key: String,
    prev: String,
}

impl Extractor {
    fn add(&mut self, kind: u8, a: &str, b: Option<&str>, fields: u8) {
        self.key.clear();
        self.key.push(char::from(b'0' + kind));
        self.key.push_str(a);
        if let Some(b) = b {
            self.key.push(' ');
            self.key.push_str(b);
        }
        let mut h = key_hash(self.key.as_bytes());
        loop {
            match self.index.get(&h) {
                Some(&i) => {
                    let t = &mut self.terms[i];
                    if &self.arena[t.1 as usize..t.2 as usize] == self.key.as_str() {
                        if fields == 0 {
                            t.4 += 1;
                        } else {
                            t.3 |= fields;
                        }
                        return;
                    }
                    // A 64-bit collision inside one document: probe on.
                    h = h.wrapping_add(0x9e37_79b9_7f4a_7c15);
                }
                None => {
                    let start = self.arena.len() as u32;
                    self.arena.push_str(&self.key);
                    let end = self.arena.len() as u32;
                    self.index.insert(h, self.terms.len());
                    self.terms
                        .push((h, start, end, fields, u32::from(fields == 0)));
                    return;
                }
            }
        }
    }

    /// Adds the terms of one field; `fields == 0` is the body.
    fn field(&mut self, text: &str, fields: u8) {
        let mut finder = NumberFinder::default();
        let mut prev = std::mem::take(&mut self.prev);
        prev.clear();
        let mut numbers = Vec::new();
        text::for_each_token(text, fields != 0, |folded, exact, gap| {
            self.add(SYLLABLE, folded, None, fields);
            if let Some(e) = exact {
                self.add(EXACT, e, None, fields);
            }
            if !prev.is_empty() && matches!(gap, Gap::Space | Gap::Joiner | Gap::Other) {
                self.add(PAIR, &prev, Some(folded), fields);
            }
            finder.push(folded, gap, &mut |k: &str| numbers.push(k.to_owned()));
            prev.clear();
            prev.push_str(folded);
        });
        finder.finish(&mut |k: &str| numbers.push(k.to_owned()));
        for k in numbers {
            self.add(NUMBER, &k, None, fields);
        }
        self.prev = prev;
    }

    fn extract(&mut self, doc: &SearchDoc) -> DocTerms {
        self.index.clear();
        self.terms.clear();
        self.arena.clear();
        // The number field is always one number, whatever its shape.
        let parts: Vec<String> = text::tokenize(doc.number, false)
            .into_iter()
            .map(|t| t.folded)
            .collect();
        if parts.len() >= 2 && parts[0].bytes().all(|b| b.is_ascii_digit()) {
            let mut keys = Vec::new();
            text::number_keys(&parts, &mut |k: &str| keys.push(k.to_owned()));
            for k in keys {
                self.add(NUMBER, &k, None, F_NUMBER);
            }
        }
        self.field(doc.number, F_NUMBER);
        self.field(doc.title, F_TITLE);
        self.field(doc.issuer, F_ISSUER);
        self.field(doc.doc_type, F_TYPE);
        for topic in doc.topics {
            self.field(topic, F_TOPIC);
        }
        self.field(&text::plain_text(doc.body), 0);

        let mut entries: Vec<(u64, u32, u32, u8)> = self
            .terms
            .iter()
            .map(|&(h, s, e, fields, tf)| (h, s, e, level(fields, tf)))
            .collect();
        entries.sort_unstable_by_key(|e| e.0);
        DocTerms {
            entries,
            arena: self.arena.clone(),
        }
    }
}

/// A term's postings while documents stream in: varints of
/// `(doc - previous doc) << 3 | level`.
struct Acc {
    key: Box<str>,
    buf: Vec<u8>,
    next: u32,
    df: u32,
}

impl Acc {
    fn push(&mut self, doc: u32, level: u8) {
        put_varint(
            &mut self.buf,
            (u64::from(doc + 1 - self.next) << 3) | u64::from(level),
        );
        self.next = doc + 1;
        self.df += 1;
    }

    fn encode(self) -> Encoded {
        let mut postings = Vec::with_capacity(self.df as usize);
        let mut r = codec::Reader::new(&self.buf);
        let mut doc = 0u32;
        while !r.at_end() {
            let v = r.varint().expect("own encoding");
            doc += (v >> 3) as u32;
            postings.push((doc - 1, (v & 7) as u8));
        }
        let mut data = Vec::new();
        codec::put_tiers(&mut data, &codec::tiers(&postings));
        let kind = self.key.as_bytes()[0] - b'0';
        Encoded {
            kind,
            term: self.key[1..].into(),
            df: self.df,
            data,
        }
    }
}

#[derive(Default)]
struct Shard {
    map: U64Map<Acc>,
    /// Terms whose 64-bit hash collided with another term's.
    collided: HashMap<Box<str>, Acc>,
}

impl Shard {
    fn push(&mut self, h: u64, key: &str, doc: u32, level: u8) {
        let acc = self.map.entry(h).or_insert_with(|| Acc {
            key: key.into(),
            buf: Vec::new(),
            next: 0,
            df: 0,
        });
        if &*acc.key == key {
            acc.push(doc, level);
        } else {
            self.collided
                .entry(key.into())
                .or_insert_with(|| Acc {
                    key: key.into(),
                    buf: Vec::new(),
                    next: 0,
                    df: 0,
                })
                .push(doc, level);
        }
    }
}

fn collect_terms(docs: &[SearchDoc]) -> Vec<Encoded> {
    let mut shards: Vec<Shard> = (0..1 << SHARD_BITS).map(|_| Shard::default()).collect();
    for (b, batch) in docs.chunks(BATCH).enumerate() {
        let first = (b * BATCH) as u32;
        let extracted: Vec<DocTerms> = batch
            .par_iter()
            .map_init(Extractor::default, |x, doc| x.extract(doc))
            .collect();
        shards.par_iter_mut().enumerate().for_each(|(s, shard)| {
            let s = s as u64;
            for (i, d) in extracted.iter().enumerate() {
                let lo = d.entries.partition_point(|e| e.0 >> (64 - SHARD_BITS) < s);
                let hi = d.entries.partition_point(|e| e.0 >> (64 - SHARD_BITS) <= s);
                for e in &d.entries[lo..hi] {
                    shard.push(e.0, d.key(e), first + i as u32, e.3);
                }
            }
        });
    }
    let mut terms: Vec<Encoded> = shards
        .into_par_iter()
        .flat_map_iter(|shard| {
            shard
                .map
                .into_values()
                .chain(shard.collided.into_values())
                .map(Acc::encode)
                .collect::<Vec<_>>()
        })
        .collect();
    terms.par_sort_unstable_by(|a, b| (a.kind, &a.term).cmp(&(b.kind, &b.term)));
    terms
}

/// The key that chooses a term's bucket: the syllable itself, the pair,
/// a number's first part, an exact syllable's folded form.
fn bucket_key(kind: u8, term: &str) -> std::borrow::Cow<'_, str> {
    match kind {
        NUMBER => term.split(' ').next().unwrap_or(term).into(),
        EXACT => crate::text::fold(term).into(),
        _ => term.into(),
    }
}

/// Where a term's data lives.
enum Place {
    Inline,
    Packed { pack: u32, offset: u32 },
}

/// Writes buckets, packs and completion blocks; returns the bucket count
/// and the completion directory.
fn write_terms(terms: Vec<Encoded>, files: &mut Vec<IndexFile>) -> (u32, Vec<String>) {
    // Packs: mid-size data grouped by size class, big data alone.
    let mut places: Vec<Place> = Vec::with_capacity(terms.len());
    let mut packs: Vec<Vec<u8>> = Vec::new();
    let mut open: BTreeMap<usize, usize> = BTreeMap::new();
    for t in &terms {
        let n = t.data.len();
        if n <= INLINE_MAX {
            places.push(Place::Inline);
            continue;
        }
        let limit = pack_limit(n);
        let pack = match open.get(&limit) {
            Some(&p) if n < OWN_MIN && packs[p].len() + n <= limit => p,
            _ => {
                packs.push(Vec::new());
                open.insert(limit, packs.len() - 1);
                packs.len() - 1
            }
        };
        places.push(Place::Packed {
            pack: pack as u32,
            offset: packs[pack].len() as u32,
        });
        packs[pack].extend_from_slice(&t.data);
    }

    // Bucket entries, then the bucket count from their total size.
    let entries: Vec<(u32, Vec<u8>)> = terms
        .par_iter()
        .zip(places.par_iter())
        .map(|(t, place)| {
            let mut e = Vec::new();
            e.push(t.kind);
            put_str(&mut e, &t.term);
            put_varint(&mut e, u64::from(t.df));
            match place {
                Place::Inline => {
                    put_varint(&mut e, (t.data.len() as u64) << 1);
                    e.extend_from_slice(&t.data);
                }
                Place::Packed { pack, offset } => {
                    put_varint(&mut e, (u64::from(*pack) << 1) | 1);
                    put_varint(&mut e, u64::from(*offset));
                    put_varint(&mut e, t.data.len() as u64);
                }
            }
            (bucket_hash(&bucket_key(t.kind, &t.term)), e)
        })
        .collect();
    let total: usize = entries.iter().map(|e| e.1.len()).sum();
    let buckets = total.div_ceil(BUCKET_TARGET).max(1) as u32;
    let mut bucket_bytes: Vec<Vec<u8>> = vec![Vec::new(); buckets as usize];
    for (h, e) in &entries {
        bucket_bytes[(h % buckets) as usize].extend_from_slice(e);
    }
    drop(entries);
    for (i, bytes) in bucket_bytes.into_iter().enumerate() {
        files.push(IndexFile {
            path: format!("search/t/{i}.bin"),
            bytes,
        });
    }
    for (i, bytes) in packs.into_iter().enumerate() {
        files.push(IndexFile {
            path: format!("search/p/{i}.bin"),
            bytes,
        });
    }

    // Completion blocks: syllables in order, front-coded, with df.
    let mut directory = Vec::new();
    let mut block: Vec<u8> = Vec::new();
    let mut prev: &str = "";
    for t in terms.iter().filter(|t| t.kind == SYLLABLE) {
        if block.is_empty() || block.len() >= COMPLETION_BLOCK {
            if !block.is_empty() {
                files.push(IndexFile {
                    path: format!("search/c/{}.bin", directory.len() - 1),
                    bytes: std::mem::take(&mut block),
                });
            }
            directory.push(t.term.to_string());
            prev = "";
        }
        let shared = prev
            .bytes()
            .zip(t.term.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        let shared = (0..=shared)
            .rev()
            .find(|&n| t.term.is_char_boundary(n))
            .unwrap_or(0);
        put_varint(&mut block, shared as u64);
        put_str(&mut block, &t.term[shared..]);
        put_varint(&mut block, u64::from(t.df));
        prev = &t.term;
    }
    if !block.is_empty() {
        files.push(IndexFile {
            path: format!("search/c/{}.bin", directory.len() - 1),
            bytes: block,
        });
    }
    (buckets, directory)
}

/// FNV-1a, 32 bits, over the UTF-8 bytes: the bucket of a key is this
/// modulo the bucket count. `search.js` computes the same.
pub fn bucket_hash(key: &str) -> u32 {
    key.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

// ------------------------------------------------------ metadata, facets

/// A facet's values sorted for display, each with its documents.
fn facet<'d>(
    values: impl Iterator<Item = (usize, &'d str)>,
    newest_first: bool,
) -> Vec<(String, Vec<u32>)> {
    let mut map: BTreeMap<(String, &str), Vec<u32>> = BTreeMap::new();
    for (id, v) in values {
        map.entry((crate::text::fold(v), v))
            .or_default()
            .push(id as u32);
    }
    let mut out: Vec<(String, Vec<u32>)> = map
        .into_iter()
        .map(|((_, v), ids)| (v.to_owned(), ids))
        .collect();
    if newest_first {
        out.reverse();
    }
    for (_, ids) in &mut out {
        ids.dedup();
    }
    out
}

fn write_meta_and_facets(docs: &[SearchDoc], files: &mut Vec<IndexFile>) -> Facets {
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
    let index_of = |values: &[(String, Vec<u32>)]| -> HashMap<String, usize> {
        values
            .iter()
            .enumerate()
            .map(|(i, (v, _))| (v.clone(), i))
            .collect()
    };
    let (issuer_ix, type_ix, topic_ix) = (index_of(&issuers), index_of(&types), index_of(&topics));

    let blocks: Vec<IndexFile> = docs
        .par_chunks(META_BLOCK)
        .enumerate()
        .map(|(b, chunk)| {
            let mut out = Vec::new();
            for d in chunk {
                put_str(&mut out, d.number);
                put_varint(&mut out, type_ix[d.doc_type] as u64);
                put_varint(&mut out, issuer_ix[d.issuer] as u64);
                let ymd =
                    d.date.year() as i64 * 10000 + i64::from(d.date.month() * 100 + d.date.day());
                put_varint(&mut out, ymd.max(0) as u64);
                put_str(&mut out, d.title);
                put_str(&mut out, d.url.trim_start_matches('/'));
                let mut topics: Vec<usize> =
                    d.topics.iter().map(|t| topic_ix[t.as_str()]).collect();
                topics.sort_unstable();
                topics.dedup();
                put_varint(&mut out, topics.len() as u64);
                for t in topics {
                    put_varint(&mut out, t as u64);
                }
                put_str(
                    &mut out,
                    &text::leading_text(&text::plain_text(d.body), LEAD_CHARS),
                );
            }
            IndexFile {
                path: format!("search/m/{b}.bin"),
                bytes: out,
            }
        })
        .collect();
    files.extend(blocks);

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
    Facets {
        issuer: listing("issuer", issuers),
        doc_type: listing("type", types),
        year: listing("year", years),
        topic: listing("topic", topics),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_put_number_over_title_over_issuer_over_body() {
        assert!(level(F_NUMBER, 0) > level(F_TITLE, 9));
        assert!(level(F_TITLE, 0) > level(F_ISSUER, 9));
        assert!(level(F_ISSUER, 0) > level(F_TYPE, 0));
        assert!(level(F_TYPE, 0) >= level(0, 50));
        assert!(level(0, 2) > level(0, 1));
        assert!(level(F_TITLE, 3) > level(F_TITLE, 0));
    }

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

    #[test]
    fn fnv_matches_the_reference_values() {
        assert_eq!(bucket_hash(""), 0x811c9dc5);
        assert_eq!(bucket_hash("a"), 0xe40c292c);
        assert_eq!(bucket_hash("foobar"), 0xbf9cf968);
    }
}

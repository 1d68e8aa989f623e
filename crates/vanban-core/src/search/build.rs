//! Builds the index files from the documents (see the format in the
//! module doc of [`crate::search`]).

use super::codec::{self, put_str, put_varint, varint_len};
use super::text::{self, Gap, NumberFinder};
use super::{CitedDoc, IndexFile, SearchDoc};
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
/// Target size of a bucket file.
const BUCKET_TARGET: usize = 4096;
/// Target size of a completion block.
const COMPLETION_BLOCK: usize = 2048;
/// Documents per metadata block.
pub const META_BLOCK: usize = 4;
/// Characters of leading body text kept for excerpts.
const LEAD_CHARS: usize = 240;
/// Documents per merge batch.
const BATCH: usize = 512;
const SHARD_BITS: u32 = 6;

// Field bits of a posting.
const F_NUMBER: u8 = 1;
const F_TITLE: u8 = 2;
const F_ISSUER: u8 = 4;
const F_TYPE: u8 = 8;
const F_TOPIC: u8 = 16;
/// A letter part of the document's own number (`TE` of `4010/BYT-BM-TE`):
/// it matches, but ranks as a body word said once (a word typed alone is a
/// word, not a number).
const F_NUMPART: u8 = 32;
/// Set with [`F_TITLE`] when the trích yếu is short: the term is more of it.
const F_SHORT: u8 = 64;
/// A trích yếu of at most this many syllables is short.
const SHORT_TITLE: usize = 10;

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
        if fields & F_SHORT != 0 { 6 } else { 5 }
    } else if fields & (F_ISSUER | F_TOPIC) != 0 {
        4
    } else if fields & F_TYPE != 0 {
        3
    } else {
        body
    }
}

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
    let terms = collect_terms(&docs);
    let mut files = Vec::new();
    let (buckets, completion) = write_terms(terms, &mut files);
    let facets = write_meta_and_facets(&docs, archive.len(), &dates, &mut files);
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
struct Facets {
    #[serde(skip)]
    issuer: Vec<(String, u32)>,
    #[serde(rename = "type")]
    doc_type: Vec<(String, u32)>,
    year: Vec<(String, u32)>,
    topic: Vec<(String, u32)>,
    validity: Vec<(String, u32)>,
}

// ---------------------------------------------------------------- terms

/// A term with its encoded tiers: all of them, or those above the body
/// levels with the body tiers apart ([`SPLIT_MIN`]).
struct Encoded {
    kind: u8,
    term: Box<str>,
    df: u32,
    data: Vec<u8>,
    body: Vec<u8>,
}

/// Two 64-bit hashes of a term of `kind`, in one pass (FxHash steps with
/// two multipliers, murmur3 finalizers). Only used in memory: the first
/// finds a term, the second tells apart terms whose first hashes collide,
/// so no key needs building or comparing while documents stream in.
fn term_hash(kind: u8, key: &[u8]) -> (u64, u64) {
    const K1: u64 = 0x517c_c1b7_2722_0a95;
    const K2: u64 = 0x9e37_79b9_7f4a_7c15;
    let seed = u64::from(kind) + 1;
    let (mut a, mut b) = (seed, seed.wrapping_mul(0x2545_f491_4f6c_dd1d));
    let mut chunks = key.chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes(c.try_into().expect("8 bytes"));
        a = (a.rotate_left(5) ^ v).wrapping_mul(K1);
        b = (b.rotate_left(23) ^ v).wrapping_mul(K2);
    }
    // The last bytes by hand: a copy of a variable length is a call.
    let mut v = (key.len() as u64).rotate_right(8);
    for (i, &byte) in chunks.remainder().iter().enumerate() {
        v ^= u64::from(byte) << (8 * i);
    }
    a = (a.rotate_left(5) ^ v).wrapping_mul(K1);
    b = (b.rotate_left(23) ^ v).wrapping_mul(K2);
    // Only the first hash places things (its low and high bits must both
    // be mixed); the second is only compared.
    (fmix(a), b)
}

/// The hashes of the pair of two syllables, from theirs.
fn pair_hash(a: (u64, u64), b: (u64, u64)) -> (u64, u64) {
    (
        fmix(a.0 ^ b.0.rotate_left(29) ^ 0x6a09_e667_f3bc_c908),
        (a.1.rotate_left(31) ^ b.1).wrapping_mul(0xbb67_ae85_84ca_a73b),
    )
}

fn fmix(mut h: u64) -> u64 {
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

/// The shard of a term: the top bits of its first hash.
fn shard_of(h1: u64) -> usize {
    (h1 >> (64 - SHARD_BITS)) as usize
}

/// Where a string lives in a document's arena.
#[derive(Clone, Copy, Default)]
struct Span {
    start: u32,
    len: u32,
}

/// A term of one document: its hashes, its key's parts in the arena (a
/// pair has two), its kind and level.
#[derive(Clone, Copy)]
struct DocEntry {
    h1: u64,
    h2: u64,
    a: Span,
    b: Span,
    kind: u8,
    level: u8,
}

/// One document's terms grouped by shard, their strings, and where each
/// shard's run starts.
struct DocTerms {
    entries: Vec<DocEntry>,
    arena: String,
    bounds: [u32; (1 << SHARD_BITS) + 1],
}

impl DocTerms {
    fn str(&self, s: Span) -> &str {
        &self.arena[s.start as usize..(s.start + s.len) as usize]
    }

    /// The kind-prefixed key of an entry (`"1gian cach"`).
    fn key(&self, e: &DocEntry) -> String {
        let mut k = String::with_capacity(2 + (e.a.len + e.b.len) as usize);
        k.push(char::from(b'0' + e.kind));
        k.push_str(self.str(e.a));
        if e.kind == PAIR {
            k.push(' ');
            k.push_str(self.str(e.b));
        }
        k
    }
}

/// Exact forms longer than this (marks piled on a letter) are not indexed.
const MAX_EXACT_BYTES: usize = 255;

/// Per-thread scratch space for extracting a document's terms.
#[derive(Default)]
struct Extractor {
    /// First hash -> index in `terms`.
    index: U64Map<u32>,
    /// (entry, fields, body tf)
    terms: Vec<(DocEntry, u8, u32)>,
    arena: String,
}

impl Extractor {
    /// Counts one occurrence of a term; returns its entry's index, or None
    /// when its first hash is another term's of this document (about once
    /// in 2^64; the later term is left out).
    fn count(
        &mut self,
        h: (u64, u64),
        fields: u8,
        make: impl FnOnce(&mut String) -> (Span, Span, u8),
    ) -> Option<usize> {
        use std::collections::hash_map::Entry;
        match self.index.entry(h.0) {
            Entry::Occupied(i) => {
                let i = *i.get() as usize;
                let t = &mut self.terms[i];
                if t.0.h2 != h.1 {
                    return None;
                }
                if fields == 0 {
                    t.2 += 1;
                } else {
                    t.1 |= fields;
                }
                Some(i)
            }
            Entry::Vacant(v) => {
                let i = self.terms.len();
                v.insert(i as u32);
                let (a, b, kind) = make(&mut self.arena);
                let entry = DocEntry {
                    h1: h.0,
                    h2: h.1,
                    a,
                    b,
                    kind,
                    level: 0,
                };
                self.terms.push((entry, fields, u32::from(fields == 0)));
                Some(i)
            }
        }
    }

    /// Counts a term whose key is one string.
    fn add(&mut self, kind: u8, s: &str, fields: u8) -> Option<usize> {
        let h = term_hash(kind, s.as_bytes());
        self.count(h, fields, |arena| {
            let start = arena.len() as u32;
            arena.push_str(s);
            (
                Span {
                    start,
                    len: s.len() as u32,
                },
                Span::default(),
                kind,
            )
        })
    }

    /// Adds the terms of one field; `fields == 0` is the body.
    fn field(&mut self, text: &str, fields: u8) {
        // In the number field, only digits rank as the number; the letter
        // parts are words of the lowest rank, and make no pairs.
        let number = fields == F_NUMBER;
        let mut finder = NumberFinder::default();
        let mut numbers = Vec::new();
        // The previous token's syllable: its hashes and its span.
        let mut prev: Option<((u64, u64), Span)> = None;
        text::for_each_token(text, fields != 0, |folded, exact, gap| {
            let h = term_hash(SYLLABLE, folded.as_bytes());
            let fields = if number && !folded.bytes().all(|b| b.is_ascii_digit()) {
                F_NUMPART
            } else {
                fields
            };
            let this = self.count(h, fields, |arena| {
                let start = arena.len() as u32;
                arena.push_str(folded);
                (
                    Span {
                        start,
                        len: folded.len() as u32,
                    },
                    Span::default(),
                    SYLLABLE,
                )
            });
            let this = this.map(|i| (h, self.terms[i].0.a));
            if let Some(e) = exact.filter(|e| e.len() <= MAX_EXACT_BYTES) {
                self.add(EXACT, e, fields);
            }
            if let (Some((ph, pspan)), Some((h, span))) = (prev, this)
                && !number
                && matches!(gap, Gap::Space | Gap::Joiner | Gap::Other)
            {
                self.count(pair_hash(ph, h), fields, |_| (pspan, span, PAIR));
            }
            finder.push(folded, gap, &mut |k: &str| numbers.push(k.to_owned()));
            prev = this;
        });
        finder.finish(&mut |k: &str| numbers.push(k.to_owned()));
        for k in numbers {
            self.add(NUMBER, &k, fields);
        }
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
                self.add(NUMBER, &k, F_NUMBER);
            }
        }
        self.field(doc.number, F_NUMBER);
        let short = text::tokenize(doc.title, false).len() <= SHORT_TITLE;
        self.field(doc.title, F_TITLE | if short { F_SHORT } else { 0 });
        self.field(doc.issuer, F_ISSUER);
        self.field(doc.doc_type, F_TYPE);
        for topic in doc.topics {
            self.field(topic, F_TOPIC);
        }
        self.field(&text::plain_text(doc.body), 0);

        // Group by shard (a counting sort; order inside a shard does not matter).
        let mut bounds = [0u32; (1 << SHARD_BITS) + 1];
        for (e, _, _) in &self.terms {
            bounds[shard_of(e.h1) + 1] += 1;
        }
        for s in 1..bounds.len() {
            bounds[s] += bounds[s - 1];
        }
        let mut next = bounds;
        let mut entries = vec![
            DocEntry {
                h1: 0,
                h2: 0,
                a: Span::default(),
                b: Span::default(),
                kind: 0,
                level: 0,
            };
            self.terms.len()
        ];
        for (mut e, fields, tf) in self.terms.drain(..) {
            e.level = level(fields, tf);
            let slot = &mut next[shard_of(e.h1)];
            entries[*slot as usize] = e;
            *slot += 1;
        }
        DocTerms {
            entries,
            arena: std::mem::take(&mut self.arena),
            bounds,
        }
    }
}

/// A term's postings while documents stream in: varints of
/// `(doc - previous doc) << 3 | level`.
struct Acc {
    h2: u64,
    key: Box<str>,
    buf: Vec<u8>,
    next: u32,
    df: u32,
}

impl Acc {
    fn new(h2: u64, key: String) -> Acc {
        Acc {
            h2,
            key: key.into_boxed_str(),
            buf: Vec::new(),
            next: 0,
            df: 0,
        }
    }

    fn push(&mut self, doc: u32, level: u8) {
        if self.buf.capacity() - self.buf.len() < 10 {
            // Grow by half: common terms' buffers are most of the memory
            // the build takes, doubling would waste a third of it.
            self.buf.reserve_exact(self.buf.capacity() / 2 + 16);
        }
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
        drop(self.buf);
        let mut tiers = codec::tiers(&postings);
        drop(postings);
        let mut data = Vec::new();
        codec::put_tiers(&mut data, &tiers);
        let mut body = Vec::new();
        let split = tiers.iter().position(|t| t.0 <= codec::BODY_TOP);
        if let Some(at) = split.filter(|&at| at > 0 && data.len() >= SPLIT_MIN) {
            let low = tiers.split_off(at);
            data.clear();
            codec::put_tiers(&mut data, &tiers);
            codec::put_tiers(&mut body, &low);
        }
        let kind = self.key.as_bytes()[0] - b'0';
        Encoded {
            kind,
            term: self.key[1..].into(),
            df: self.df,
            data,
            body,
        }
    }
}

#[derive(Default)]
struct Shard {
    map: U64Map<Acc>,
    /// Terms whose first hash is another term's (about once in 2^64).
    collided: HashMap<Box<str>, Acc>,
}

impl Shard {
    fn push(&mut self, e: &DocEntry, d: &DocTerms, doc: u32) {
        use std::collections::hash_map::Entry;
        match self.map.entry(e.h1) {
            Entry::Occupied(mut o) if o.get().h2 == e.h2 => o.get_mut().push(doc, e.level),
            Entry::Occupied(_) => {
                let key = d.key(e);
                self.collided
                    .entry(key.clone().into_boxed_str())
                    .or_insert_with(|| Acc::new(e.h2, key))
                    .push(doc, e.level)
            }
            Entry::Vacant(v) => v.insert(Acc::new(e.h2, d.key(e))).push(doc, e.level),
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
            for (i, d) in extracted.iter().enumerate() {
                let run = &d.entries[d.bounds[s] as usize..d.bounds[s + 1] as usize];
                for e in run {
                    shard.push(e, d, first + i as u32);
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

/// Where a term's data lives: its (higher) tiers inline or in a pack,
/// and its body tiers in a pack when kept apart.
struct Place {
    head: Option<Slot>,
    body: Option<Slot>,
}

/// Data in a pack.
#[derive(Clone, Copy)]
struct Slot {
    pack: u32,
    offset: u32,
    len: u32,
}

impl Slot {
    fn put(&self, out: &mut Vec<u8>) {
        put_varint(out, u64::from(self.offset));
        put_varint(out, u64::from(self.len));
    }

    fn len(&self) -> usize {
        varint_len(u64::from(self.offset)) + varint_len(u64::from(self.len))
    }
}

impl Place {
    /// The entry's tag: `value << 2 | packed | body << 1`, the value being
    /// the inline length or the pack.
    fn tag(&self, t: &Encoded) -> u64 {
        let body = u64::from(self.body.is_some()) << 1;
        match &self.head {
            None => ((t.data.len() as u64) << 2) | body,
            Some(s) => (u64::from(s.pack) << 2) | body | 1,
        }
    }

    /// Appends a term's bucket entry.
    fn put_entry(&self, t: &Encoded, out: &mut Vec<u8>) {
        out.push(t.kind);
        put_str(out, &t.term);
        put_varint(out, u64::from(t.df));
        put_varint(out, self.tag(t));
        match &self.head {
            None => out.extend_from_slice(&t.data),
            Some(s) => s.put(out),
        }
        if let Some(b) = &self.body {
            put_varint(out, u64::from(b.pack));
            b.put(out);
        }
    }

    /// The size of [`Place::put_entry`]'s output.
    fn entry_len(&self, t: &Encoded) -> usize {
        let head = 1 + varint_len(t.term.len() as u64) + t.term.len() + varint_len(u64::from(t.df));
        head + varint_len(self.tag(t))
            + self.head.map_or(t.data.len(), |s| s.len())
            + self
                .body
                .map_or(0, |b| varint_len(u64::from(b.pack)) + b.len())
    }
}

/// Puts `data` in a pack (mid-size data grouped by size class in `open`,
/// big data alone), freeing it.
fn pack(data: &mut Vec<u8>, packs: &mut Vec<Vec<u8>>, open: &mut BTreeMap<usize, usize>) -> Slot {
    let n = data.len();
    let limit = pack_limit(n);
    let pack = match open.get(&limit) {
        Some(&p) if n < OWN_MIN && packs[p].len() + n <= limit => p,
        _ => {
            packs.push(Vec::with_capacity(limit));
            if n < OWN_MIN {
                open.insert(limit, packs.len() - 1);
            }
            packs.len() - 1
        }
    };
    let slot = Slot {
        pack: pack as u32,
        offset: packs[pack].len() as u32,
        len: n as u32,
    };
    packs[pack].extend_from_slice(&std::mem::take(data));
    slot
}

/// Writes buckets, packs and completion blocks; returns the bucket count
/// and the completion directory.
fn write_terms(mut terms: Vec<Encoded>, files: &mut Vec<IndexFile>) -> (u32, Vec<String>) {
    // Packs: mid-size data grouped by size class, big data alone. Packed
    // data is freed as it is copied.
    let mut places: Vec<Place> = Vec::with_capacity(terms.len());
    let mut packs: Vec<Vec<u8>> = Vec::new();
    let mut open: BTreeMap<usize, usize> = BTreeMap::new();
    for t in &mut terms {
        let head = (t.data.len() > INLINE_MAX).then(|| pack(&mut t.data, &mut packs, &mut open));
        let body = (!t.body.is_empty()).then(|| pack(&mut t.body, &mut packs, &mut open));
        places.push(Place { head, body });
    }
    for (i, bytes) in packs.into_iter().enumerate() {
        files.push(IndexFile {
            path: format!("search/p/{i}.bin"),
            bytes,
        });
    }

    // Buckets: their count from the entries' total size, then the entries.
    let hashes: Vec<u32> = terms
        .par_iter()
        .map(|t| bucket_hash(&bucket_key(t.kind, &t.term)))
        .collect();
    let total: usize = terms.iter().zip(&places).map(|(t, p)| p.entry_len(t)).sum();
    let buckets = total.div_ceil(BUCKET_TARGET).max(1) as u32;
    let mut bucket_bytes: Vec<Vec<u8>> = vec![Vec::new(); buckets as usize];
    for ((t, place), h) in terms.iter().zip(&places).zip(&hashes) {
        place.put_entry(t, &mut bucket_bytes[(h % buckets) as usize]);
    }
    for (i, bytes) in bucket_bytes.into_iter().enumerate() {
        files.push(IndexFile {
            path: format!("search/t/{i}.bin"),
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

/// The leading text of a body, from its first few kilobytes only.
fn lead(body: &str) -> String {
    let mut cut = body.len().min(LEAD_CHARS * 8);
    while !body.is_char_boundary(cut) {
        cut -= 1;
    }
    text::leading_text(&text::plain_text(&body[..cut]), LEAD_CHARS)
}

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
fn write_meta_and_facets(
    all: &[SearchDoc],
    archive: usize,
    dates: &[Option<chrono::NaiveDate>],
    files: &mut Vec<IndexFile>,
) -> Facets {
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
                put_str(&mut out, &lead(d.body));
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
        validity: listing("validity", statuses),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_put_number_over_title_over_issuer_over_body() {
        assert!(level(F_NUMBER, 0) > level(F_TITLE | F_SHORT, 9));
        assert!(level(F_TITLE | F_SHORT, 0) > level(F_TITLE, 9));
        assert_eq!(level(F_NUMPART, 0), level(0, 1));
        assert!(level(F_TITLE, 0) > level(F_ISSUER, 9));
        assert!(level(F_ISSUER, 0) > level(F_TYPE, 0));
        assert!(level(F_TYPE, 0) >= level(0, 50));
        assert!(level(0, 2) > level(0, 1));
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

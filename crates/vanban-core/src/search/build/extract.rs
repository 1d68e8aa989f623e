//! A document's terms: syllables, pairs, numbers and exact forms, each
//! with the level of where it occurs, hashed as they are found.

use super::super::SearchDoc;
use super::super::text::{self, Gap, NumberFinder};
use super::{EXACT, NUMBER, PAIR, SYLLABLE};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

pub(super) const SHARD_BITS: u32 = 6;

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
pub(super) fn level(fields: u8, body_tf: u32) -> u8 {
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
pub(super) struct IdentityHasher(u64);

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

pub(super) type U64Map<V> = HashMap<u64, V, BuildHasherDefault<IdentityHasher>>;

/// The shard of a term: the top bits of its first hash.
pub(super) fn shard_of(h1: u64) -> usize {
    (h1 >> (64 - SHARD_BITS)) as usize
}

/// Where a string lives in a document's arena.
#[derive(Clone, Copy, Default)]
pub(super) struct Span {
    start: u32,
    len: u32,
}

/// A term of one document: its hashes, its key's parts in the arena (a
/// pair has two), its kind and level.
#[derive(Clone, Copy)]
pub(super) struct DocEntry {
    pub(super) h1: u64,
    pub(super) h2: u64,
    a: Span,
    b: Span,
    kind: u8,
    pub(super) level: u8,
}

/// One document's terms grouped by shard, their strings, and where each
/// shard's run starts.
pub(super) struct DocTerms {
    pub(super) entries: Vec<DocEntry>,
    arena: String,
    pub(super) bounds: [u32; (1 << SHARD_BITS) + 1],
}

impl DocTerms {
    fn str(&self, s: Span) -> &str {
        &self.arena[s.start as usize..(s.start + s.len) as usize]
    }

    /// The kind-prefixed key of an entry (`"1gian cach"`).
    pub(super) fn key(&self, e: &DocEntry) -> String {
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
pub(super) struct Extractor {
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

    pub(super) fn extract(&mut self, doc: &SearchDoc) -> DocTerms {
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
}

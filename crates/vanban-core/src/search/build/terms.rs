//! Terms gathered over every document: postings accumulated as documents
//! stream in, then encoded as tiers (body tiers apart for big terms).

use super::super::SearchDoc;
use super::super::codec::{self, put_varint};
use super::SPLIT_MIN;
use super::extract::{DocEntry, DocTerms, Extractor, SHARD_BITS, U64Map};
use rayon::prelude::*;
use std::collections::HashMap;

/// Documents per merge batch.
const BATCH: usize = 512;

/// A term with its encoded tiers: all of them, or those above the body
/// levels with the body tiers apart ([`SPLIT_MIN`]).
pub(super) struct Encoded {
    pub(super) kind: u8,
    pub(super) term: Box<str>,
    pub(super) df: u32,
    pub(super) data: Vec<u8>,
    pub(super) body: Vec<u8>,
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

pub(super) fn collect_terms(docs: &[SearchDoc]) -> Vec<Encoded> {
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

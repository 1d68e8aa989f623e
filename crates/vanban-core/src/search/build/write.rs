//! Where terms' postings go: inline in their bucket entry, in packs of
//! one size class or files of their own; the buckets; the completion
//! blocks.

use super::super::IndexFile;
use super::super::codec::{put_str, put_varint, varint_len};
use super::terms::Encoded;
use super::{EXACT, INLINE_MAX, NUMBER, OWN_MIN, SYLLABLE, pack_limit};
use rayon::prelude::*;
use std::collections::BTreeMap;

/// Target size of a bucket file.
const BUCKET_TARGET: usize = 4096;
/// Target size of a completion block.
const COMPLETION_BLOCK: usize = 2048;

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
pub(super) fn write_terms(
    mut terms: Vec<Encoded>,
    files: &mut Vec<IndexFile>,
) -> (u32, Vec<String>) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_matches_the_reference_values() {
        assert_eq!(bucket_hash(""), 0x811c9dc5);
        assert_eq!(bucket_hash("a"), 0xe40c292c);
        assert_eq!(bucket_hash("foobar"), 0xbf9cf968);
    }
}

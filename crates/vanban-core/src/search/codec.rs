//! Byte encodings of the index: varints, strings, document sets and
//! tiered posting lists. `search.js` decodes the same bytes; the format
//! is described in the module doc of [`crate::search`].

/// Appends `v` as a LEB128 varint (7 bits a byte, low bits first).
pub fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

pub fn varint_len(mut v: u64) -> usize {
    let mut n = 1;
    while v >= 0x80 {
        v >>= 7;
        n += 1;
    }
    n
}

/// Appends a length-prefixed UTF-8 string.
pub fn put_str(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// Reads what the `put_*` functions wrote; errors on truncated or
/// malformed input instead of panicking.
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed;

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, pos: 0 }
    }

    pub fn at_end(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    pub fn byte(&mut self) -> Result<u8, Malformed> {
        let b = *self.bytes.get(self.pos).ok_or(Malformed)?;
        self.pos += 1;
        Ok(b)
    }

    pub fn varint(&mut self) -> Result<u64, Malformed> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(Malformed)
    }

    pub fn usize(&mut self) -> Result<usize, Malformed> {
        usize::try_from(self.varint()?).map_err(|_| Malformed)
    }

    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8], Malformed> {
        let end = self.pos.checked_add(n).ok_or(Malformed)?;
        let s = self.bytes.get(self.pos..end).ok_or(Malformed)?;
        self.pos = end;
        Ok(s)
    }

    pub fn str(&mut self) -> Result<&'a str, Malformed> {
        let n = self.usize()?;
        std::str::from_utf8(self.bytes(n)?).map_err(|_| Malformed)
    }
}

/// Encodes a sorted, duplicate-free set of document ids, as whichever is
/// smaller: a gap list (`varint n<<1`, first id, then n-1 gaps) or a
/// bitmap (`varint nbytes<<1|1`, first id, then bytes, bit i of byte j
/// being document first+8j+i).
pub fn put_set(out: &mut Vec<u8>, ids: &[u32]) {
    if ids.is_empty() {
        put_varint(out, 0);
        return;
    }
    let (list, bitmap) = set_sizes(ids);
    let first = ids[0];
    if list <= bitmap {
        put_varint(out, (ids.len() as u64) << 1);
        put_varint(out, u64::from(first));
        for w in ids.windows(2) {
            put_varint(out, u64::from(w[1] - w[0]));
        }
    } else {
        let span = (ids[ids.len() - 1] - first) as usize;
        let nbytes = span / 8 + 1;
        put_varint(out, ((nbytes as u64) << 1) | 1);
        put_varint(out, u64::from(first));
        let start = out.len();
        out.resize(start + nbytes, 0);
        for &id in ids {
            let bit = (id - first) as usize;
            out[start + bit / 8] |= 1 << (bit % 8);
        }
    }
}

/// The sizes in bytes of the gap list and of the bitmap for `ids` (non-empty).
fn set_sizes(ids: &[u32]) -> (usize, usize) {
    set_sizes_of(ids.len(), ids[0], ids[ids.len() - 1], || {
        ids.windows(2)
            .map(|w| varint_len(u64::from(w[1] - w[0])))
            .sum()
    })
}

/// The encoded size of [`put_set`] for `ids`.
pub fn set_len(ids: &[u32]) -> usize {
    if ids.is_empty() {
        1
    } else {
        let (list, bitmap) = set_sizes(ids);
        list.min(bitmap)
    }
}

/// Reads a set written by [`put_set`], calling `f` for each id in order.
pub fn read_set(r: &mut Reader, mut f: impl FnMut(u32)) -> Result<(), Malformed> {
    let head = r.varint()?;
    if head == 0 {
        return Ok(());
    }
    let first = u32::try_from(r.varint()?).map_err(|_| Malformed)?;
    if head & 1 == 0 {
        let n = head >> 1;
        let mut id = first;
        f(id);
        for _ in 1..n {
            let gap = u32::try_from(r.varint()?).map_err(|_| Malformed)?;
            id = id.checked_add(gap).ok_or(Malformed)?;
            f(id);
        }
    } else {
        let nbytes = usize::try_from(head >> 1).map_err(|_| Malformed)?;
        for (j, &b) in r.bytes(nbytes)?.iter().enumerate() {
            for i in 0..8 {
                if b & (1 << i) != 0 {
                    let id = u64::from(first) + 8 * j as u64 + i;
                    f(u32::try_from(id).map_err(|_| Malformed)?);
                }
            }
        }
    }
    Ok(())
}

/// Number of ranking levels (0 = one mention in the body ... 7 = the
/// document's own number).
pub const LEVELS: u8 = 8;

/// A term's postings split by level: `(level, sorted ids)`, highest level
/// first, each document in exactly one tier.
pub type Tiers = Vec<(u8, Vec<u32>)>;

/// The highest level a body occurrence (or the type) gives; tiers above it
/// never merge.
pub const BODY_TOP: u8 = 3;

/// Groups `(doc, level)` postings (sorted by doc) into tiers, then merges
/// the two lowest tiers (keeping the lower level) while the tiers cost
/// more than 5/4 of the plain set plus 16 bytes, so a common term's body
/// never weighs much more than its bitmap; only body levels merge, the
/// number, trích yếu, issuer and topic tiers always stay apart (merged
/// away, a common word's trích yếu hits ranked as body mentions).
pub fn tiers(postings: &[(u32, u8)]) -> Tiers {
    let mut by_level: Vec<Vec<u32>> = vec![Vec::new(); LEVELS as usize];
    for &(doc, level) in postings {
        by_level[level as usize].push(doc);
    }
    let mut tiers: Tiers = by_level
        .into_iter()
        .enumerate()
        .rev()
        .filter(|(_, ids)| !ids.is_empty())
        .map(|(l, ids)| (l as u8, ids))
        .collect();
    if tiers.len() <= 1 {
        return tiers;
    }
    let (list, bitmap) = set_sizes_of(
        postings.len(),
        postings[0].0,
        postings[postings.len() - 1].0,
        || {
            postings
                .windows(2)
                .map(|w| varint_len(u64::from(w[1].0 - w[0].0)))
                .sum()
        },
    );
    let limit = list.min(bitmap) * 5 / 4 + 16;
    let mut costs: Vec<usize> = tiers.iter().map(|(_, ids)| set_len(ids)).collect();
    // Only body levels merge: where a term stands (number, trích yếu,
    // issuer or topic) is never lost, however common the term.
    while tiers.len() > 1
        && tiers[tiers.len() - 2].0 <= BODY_TOP
        && costs.iter().sum::<usize>() + tiers.len() > limit
    {
        let (low, b) = tiers.pop().expect("two tiers");
        costs.pop();
        let last = tiers.len() - 1;
        let merged = merge_sorted(&tiers[last].1, &b);
        costs[last] = set_len(&merged);
        tiers[last] = (low, merged);
    }
    tiers
}

/// The list and bitmap sizes of a set of `n` ids from `first` to `last`
/// whose gaps' varints take `gaps()` bytes.
fn set_sizes_of(n: usize, first: u32, last: u32, gaps: impl FnOnce() -> usize) -> (usize, usize) {
    let nbytes = (last - first) as usize / 8 + 1;
    let bitmap = varint_len(((nbytes as u64) << 1) | 1) + varint_len(u64::from(first)) + nbytes;
    // A list is at least a byte per id: skip counting gaps when a bitmap wins anyway.
    if n >= bitmap {
        return (usize::MAX, bitmap);
    }
    let list = varint_len((n as u64) << 1) + varint_len(u64::from(first)) + gaps();
    (list, bitmap)
}

fn merge_sorted(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i] < b[j] {
            out.push(a[i]);
            i += 1;
        } else {
            out.push(b[j]);
            j += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// Encodes tiers: a byte count of tiers, then per tier its level byte and
/// its set.
pub fn put_tiers(out: &mut Vec<u8>, tiers: &Tiers) {
    out.push(tiers.len() as u8);
    for (level, ids) in tiers {
        out.push(*level);
        put_set(out, ids);
    }
}

/// Reads tiers, calling `f(doc, level)` for each posting.
pub fn read_tiers(r: &mut Reader, mut f: impl FnMut(u32, u8)) -> Result<(), Malformed> {
    let n = r.byte()?;
    for _ in 0..n {
        let level = r.byte()?;
        if level >= LEVELS {
            return Err(Malformed);
        }
        read_set(r, |doc| f(doc, level))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(ids: &[u32]) -> Vec<u32> {
        let mut out = Vec::new();
        put_set(&mut out, ids);
        assert_eq!(out.len(), set_len(ids));
        let mut got = Vec::new();
        read_set(&mut Reader::new(&out), |d| got.push(d)).unwrap();
        got
    }

    #[test]
    fn varints_round_trip() {
        let mut out = Vec::new();
        for v in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            put_varint(&mut out, v);
        }
        let mut r = Reader::new(&out);
        for v in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            assert_eq!(r.varint().unwrap(), v);
        }
        assert!(r.at_end());
        assert_eq!(Reader::new(&[0x80]).varint(), Err(Malformed));
    }

    #[test]
    fn sparse_sets_are_lists_and_dense_sets_are_bitmaps() {
        let sparse = [3, 1000, 70000];
        assert_eq!(round_trip(&sparse), sparse);
        let dense: Vec<u32> = (100..5000).filter(|d| d % 3 != 0).collect();
        assert_eq!(round_trip(&dense), dense);
        assert!(
            set_len(&dense) < dense.len() / 2,
            "a dense set costs under a bit per document"
        );
        assert_eq!(round_trip(&[]), Vec::<u32>::new());
        assert_eq!(round_trip(&[0]), [0]);
    }

    #[test]
    fn truncated_sets_are_errors_not_panics() {
        let mut out = Vec::new();
        put_set(&mut out, &(0..100).collect::<Vec<_>>());
        for cut in 0..out.len() {
            let _ = read_set(&mut Reader::new(&out[..cut]), |_| {});
        }
        assert!(read_set(&mut Reader::new(&out[..out.len() - 1]), |_| {}).is_err());
    }

    #[test]
    fn rare_terms_keep_every_level_and_common_terms_stay_near_a_bitmap() {
        let rare = [(1, 5), (7, 0), (9, 2)];
        let t = tiers(&rare);
        assert_eq!(t, vec![(5, vec![1]), (2, vec![9]), (0, vec![7])]);

        let common: Vec<(u32, u8)> = (0..20000).map(|d| (d, (d * 7 % 4) as u8)).collect();
        let t = tiers(&common);
        let mut out = Vec::new();
        put_tiers(&mut out, &t);
        let all: Vec<u32> = (0..20000).collect();
        assert!(
            out.len() <= set_len(&all) * 5 / 4 + 16 + 1,
            "{} bytes",
            out.len()
        );
        let mut seen = Vec::new();
        read_tiers(&mut Reader::new(&out), |d, _| seen.push(d)).unwrap();
        seen.sort_unstable();
        assert_eq!(seen, all, "merging keeps every document");
    }
}

//! Fingerprints of what a file is made from, for incremental rebuilds: a
//! fast 64-bit hash (foldhash's quality variant) with a fixed seed, so that
//! equal inputs give equal keys in every run.

use std::hash::BuildHasher;

/// The hasher of fingerprints.
pub type Hasher = foldhash::quality::FoldHasher<'static>;

/// A new hasher, always seeded the same.
pub fn hasher() -> Hasher {
    foldhash::quality::FixedState::with_seed(0).build_hasher()
}

/// The fingerprint of `bytes`.
pub fn of_bytes(bytes: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher as _};
    let mut h = hasher();
    bytes.hash(&mut h);
    h.finish()
}

/// The fingerprint of a hashable value.
pub fn of_value<T: std::hash::Hash>(value: &T) -> u64 {
    use std::hash::Hasher as _;
    let mut h = hasher();
    value.hash(&mut h);
    h.finish()
}

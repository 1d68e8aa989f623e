//! A small deterministic random number generator (SplitMix64) and the
//! sampling helpers the generator needs. Only integer arithmetic decides
//! anything, so the same seed gives the same archive on every machine.

use std::sync::OnceLock;

/// SplitMix64: tiny, fast, and good enough for synthetic text.
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Rng {
    /// A generator for one purpose, derived from the archive seed and a
    /// path of integers (stream, document index, ...). Different paths give
    /// independent streams.
    pub(crate) fn derive(seed: u64, path: &[u64]) -> Rng {
        let mut state = mix(seed.wrapping_add(GOLDEN));
        for &part in path {
            state = mix(state ^ mix(part.wrapping_add(GOLDEN)));
        }
        Rng(state)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(GOLDEN);
        mix(self.0)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// True with probability `per_mille / 1000`.
    pub(crate) fn chance(&mut self, per_mille: u32) -> bool {
        self.below(1000) < per_mille as usize
    }

    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A rank in `0..n` with Zipf frequencies (rank r has weight 1/(r+1)).
    pub(crate) fn zipf(&mut self, n: usize) -> usize {
        let table = harmonic_table();
        let n = n.min(table.len() - 1);
        let u = self.next_u64() % table[n];
        table[..=n].partition_point(|&h| h <= u) - 1
    }

    /// An item whose frequency falls with its rank: half Zipf, half uniform,
    /// so frequent phrases dominate without repeating in every document.
    pub(crate) fn pick_skewed<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        if self.chance(500) {
            &items[self.zipf(items.len())]
        } else {
            self.pick(items)
        }
    }

    /// An index drawn by integer weights given as a cumulative table.
    pub(crate) fn weighted(&mut self, cumulative: &[u64]) -> usize {
        let total = *cumulative.last().expect("non-empty weights");
        let u = self.next_u64() % total;
        cumulative.partition_point(|&c| c <= u)
    }
}

/// Cumulative table of integer weights, for [`Rng::weighted`].
pub(crate) fn cumulative(weights: impl IntoIterator<Item = u64>) -> Vec<u64> {
    let mut total = 0;
    weights
        .into_iter()
        .map(|w| {
            total += w;
            total
        })
        .collect()
}

/// `table[k]` = sum over ranks `r < k` of `2^32 / (r + 1)`.
fn harmonic_table() -> &'static [u64] {
    static TABLE: OnceLock<Vec<u64>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Vec::with_capacity(4097);
        let mut total = 0u64;
        table.push(0);
        for r in 0..4096u64 {
            total += (1u64 << 32) / (r + 1);
            table.push(total);
        }
        table
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_reproducible_and_distinct() {
        let a: Vec<u64> = (0..4)
            .map({
                let mut r = Rng::derive(7, &[1, 2]);
                move |_| r.next_u64()
            })
            .collect();
        let b: Vec<u64> = (0..4)
            .map({
                let mut r = Rng::derive(7, &[1, 2]);
                move |_| r.next_u64()
            })
            .collect();
        let c = Rng::derive(7, &[1, 3]).next_u64();
        assert_eq!(a, b);
        assert_ne!(a[0], c);
    }

    #[test]
    fn zipf_favours_low_ranks() {
        let mut rng = Rng::derive(1, &[]);
        let mut counts = [0usize; 10];
        for _ in 0..20_000 {
            counts[rng.zipf(10)] += 1;
        }
        assert!(counts[0] > counts[1] && counts[1] > counts[4] && counts[4] > counts[9]);
        assert!(counts[9] > 0);
    }

    #[test]
    fn weighted_respects_zero_weights() {
        let table = cumulative([0, 5, 0, 5]);
        let mut rng = Rng::derive(3, &[]);
        for _ in 0..1000 {
            let i = rng.weighted(&table);
            assert!(i == 1 || i == 3);
        }
    }
}

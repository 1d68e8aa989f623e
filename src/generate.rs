//! `vanban generate`: deterministic realistic archives for tests and benchmarks.

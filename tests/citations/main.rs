//! Citations: detection, kinds, validity, the real and generated archives'
//! citations, the corpus generator.
//!
//! One test binary for the area (one link of the crates instead of one per
//! file); run one file's tests with `cargo test --test citations <file>::`, e.g.
//! `cargo test --test citations citation_kinds::`.

#[path = "../common/site.rs"]
mod site;
#[path = "../common/truth.rs"]
mod truth;

mod citation_kinds;
mod citation_sample;
mod citations;
mod generate;
mod generated_truth;
mod law_citations;
mod real_citations;

//! The search index and the search script: format, budget, relevance.
//!
//! One test binary for the area (one link of the crates instead of one per
//! file); run one file's tests with `cargo test --test search <file>::`, e.g.
//! `cargo test --test search search_index::`.

#[path = "../common/browser.rs"]
mod browser;
#[path = "../common/relevance.rs"]
mod relevance;
#[path = "../common/site.rs"]
mod site;

mod search_index;
mod search_relevance;

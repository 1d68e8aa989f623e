//! Whole sites: build, check, serve, incremental rebuilds, publishing,
//! hostile and bad input, the sample archive.
//!
//! One test binary for the area (one link of the crates instead of one per
//! file); run one file's tests with `cargo test --test site <file>::`, e.g.
//! `cargo test --test site bad_input::`.

#[path = "../common/expected.rs"]
mod expected;
#[path = "../common/site.rs"]
mod site;

mod bad_input;
mod build;
mod chain;
mod fixtures;
mod hand_validity;
mod hostile;
mod incremental;
mod navigation;
mod open_data;
mod page_size;
mod publish;
mod publish_s3;
mod sample_archive;
mod serve;
mod unicode_spaces;
mod workflow;

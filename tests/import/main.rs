//! `vanban import`: drafts from text, Word, PDF and scans; the real corpus's
//! scores.
//!
//! One test binary for the area (one link of the crates instead of one per
//! file); run one file's tests with `cargo test --test import <file>::`, e.g.
//! `cargo test --test import import::`.

#[path = "../common/site.rs"]
mod site;
#[path = "../common/truth.rs"]
mod truth;

mod import;
mod import_original;
mod real_corpus;

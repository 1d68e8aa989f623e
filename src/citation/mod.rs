//! Citations: finding document numbers in text ([`find_mentions`]) and
//! resolving them into the archive's citation graph ([`build`]).

mod detect;
mod graph;
mod issuer;
mod resolve;
mod tokens;

pub use detect::{Mention, find_mentions};
pub use graph::{Citation, CitationGraph, ExternalDoc, Target, build, build_with_provinces};

//! Citations: which documents a directive cites, and which cite it.
//!
//! Three steps, each in its own module:
//!
//! 1. [`find_mentions`] finds the numbers a body cites (the grammar of a
//!    number is in [`crate::number`]) and reads the words around each: the
//!    type word ("Công điện", carried over a list), the date (`15/6/2021`,
//!    `11-6-2021`, `ngày 11 tháng 9 năm 2021`) and the issuer named before
//!    or after it ("của Tỉnh ủy", "Bộ Chính trị ban hành …").
//! 2. Resolution narrows the archive documents with the same key (a hash
//!    lookup) by that date, the year in the number, the issuer named, and
//!    the place of a local body, and links only when exactly one remains: a
//!    wrong link is worse than none.
//! 3. [`build`] puts it together for a whole archive, in parallel and in
//!    time linear in its size: [`CitationGraph::outgoing`] per document,
//!    [`CitationGraph::cited_by`], and the cited documents that are not in
//!    the archive, [`CitationGraph::external`].

mod detect;
mod graph;
mod issuer;
mod kind;
mod laws;
mod resolve;
mod tokens;
pub mod validity;

pub use detect::{Mention, find_mentions};
pub use graph::{
    Citation, CitationGraph, Cites, ExternalDoc, Target, build, build_from_cites,
    build_with_provinces, cites_of,
};
pub use kind::{CiteKind, article_before, classify, sentence_of};
pub use laws::{LawMention, archive_law_key, find_laws, is_law_key, law_key, law_key_year};

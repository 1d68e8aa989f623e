//! vanban-core: the contract and the stages of vanban that know nothing of
//! commands, themes or servers.
//!
//! Data flows one way:
//! [`load`] reads documents and validates them against the contract
//! ([`document`], [`config`], [`diagnostics`]) -> [`citation`] finds and
//! resolves citations into a graph (with the issuer [`registry`]) ->
//! [`site`] builds the model of every page -> [`search`] builds the search
//! index -> [`output`] writes a folder atomically. [`number`] (the grammar
//! of document numbers), [`text`] and [`markdown`] are the vocabulary every
//! stage and every other crate of the workspace share.
//!
//! Rendering (the templates and the default theme built into the binary),
//! the page writer and the commands live in the `vanban` crate; the
//! importer and the corpus generator in `vanban-import` and
//! `vanban-generate`. See docs/architecture.md.

pub mod citation;
pub mod config;
pub mod diagnostics;
pub mod document;
pub mod fingerprint;
pub mod load;
pub mod markdown;
pub mod number;
pub mod output;
pub mod registry;
pub mod search;
pub mod site;
pub mod text;

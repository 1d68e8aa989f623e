//! vanban: a static site generator for public archives of Vietnamese
//! government directives.
//!
//! One pipeline, data flowing one way:
//! [`load`] documents and validate them -> [`citation`] resolves the
//! citations into a graph -> [`site`] builds the model of every page ->
//! [`render`] fills the templates -> [`output`] writes the site atomically.
//!
//! This crate holds the commands (build, check, serve, init, new and the
//! `vanban` binary), the page writer and the renderer with the default
//! theme; the contract and the stages before rendering are the
//! `vanban-core` crate, the importer `vanban-import`, the corpus generator
//! `vanban-generate` (docs/architecture.md). They are re-exported here
//! under their old paths, so `vanban::load`, `vanban::import` and
//! `crate::citation` keep working.

pub use vanban_core::{
    citation, config, diagnostics, document, fingerprint, load, markdown, number, output, registry,
    search, site, text,
};
pub use vanban_generate as generate;
pub use vanban_import as import;

pub mod build;
pub mod check;
pub mod hosting;
pub mod linkcheck;
pub mod pages;
pub mod progress;
pub mod render;
pub mod scaffold;
pub mod serve;

//! vanban: a static site generator for public archives of Vietnamese
//! government directives.
//!
//! One pipeline, data flowing one way:
//! [`load`] documents and validate them -> [`citation`] resolves the
//! citations into a graph -> [`site`] builds the model of every page ->
//! [`render`] fills the templates -> [`output`] writes the site atomically.

pub mod build;
pub mod check;
pub mod citation;
pub mod config;
pub mod diagnostics;
pub mod document;
pub mod fingerprint;
pub mod generate;
pub mod hosting;
pub mod import;
pub mod linkcheck;
pub mod load;
pub mod markdown;
pub mod number;
pub mod output;
pub mod pages;
pub mod progress;
pub mod registry;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod site;
pub mod text;

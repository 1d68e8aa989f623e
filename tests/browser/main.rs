//! Pages in a real browser (Chromium) and the HTML checker: the
//! Content-Security-Policy, hostile fields, the phone layout, accessibility.
//!
//! One test binary for the area (one link of the crates instead of one per
//! file); run one file's tests with `cargo test --test browser <file>::`, e.g.
//! `cargo test --test browser browser_csp::`.

#[path = "../common/browser.rs"]
mod browser;
#[path = "../common/site.rs"]
mod site;

mod a11y;
mod browser_csp;
mod browser_safety;
mod phone;

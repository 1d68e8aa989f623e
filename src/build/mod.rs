//! The pipeline, end to end: load -> cite -> model -> render -> write.

mod incremental;

pub use incremental::Incremental;

use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::document::Document;
use crate::output::Staging;
use crate::registry::Registry;
use crate::render::{Renderer, Theme};
use crate::site::Site;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// What `vanban build` needs to know.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub content_dir: PathBuf,
    pub output_dir: PathBuf,
    /// The site's own theme folder (`themes/<name>` under its root).
    pub theme_dir: Option<PathBuf>,
    pub config: Config,
}

/// What a build did, for the one-line summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BuildSummary {
    pub documents: usize,
    pub pages: usize,
    pub files: usize,
    /// Of `files`, how many this build wrote (an incremental one leaves
    /// the unchanged ones alone).
    pub written: usize,
    pub citations_resolved: usize,
    pub citations_ambiguous: usize,
    pub citations_external: usize,
    pub millis: u128,
    /// Wall time of each stage, in order, for `--timings` and benchmarks.
    pub stages: Vec<StageTime>,
    /// Document addresses the previous build had and this one lost.
    pub dropped: Vec<String>,
}

/// Why a build wrote nothing.
#[derive(Debug)]
pub enum BuildError {
    /// The content breaks the contract; every problem found is listed.
    Content(Vec<Diagnostic>),
    /// The theme or an output file could not be made.
    Site(String),
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BuildError::Content(diags) => {
                for d in diags {
                    writeln!(f, "{d}")?;
                }
                let errors = diags.iter().filter(|d| d.is_error()).count();
                write!(f, "{errors} lỗi; không ghi gì ra thư mục đầu ra")
            }
            BuildError::Site(msg) => write!(f, "{msg}"),
        }
    }
}

/// Builds the site. On any error nothing in `output_dir` changes.
pub fn build(opts: &BuildOptions) -> Result<BuildSummary, BuildError> {
    let started = Instant::now();
    let mut clock = Stages::new();
    let loaded = crate::load::load(&opts.content_dir);
    let (docs, registry) = with_registry(loaded, &opts.content_dir)?;
    clock.lap("load");
    let theme = Theme::load(opts.theme_dir.as_deref()).map_err(BuildError::Site)?;
    let renderer = Renderer::new(&theme, &opts.config).map_err(BuildError::Site)?;
    clock.lap("theme");
    // The registry knows the province of bodies whose names do not say it
    // (a district's UBND), which resolving "của Tỉnh ủy" needs.
    let graph = crate::citation::build_with_provinces(&docs, &|name| {
        registry.get(name).and_then(|i| i.province.clone())
    });
    clock.lap("citations");
    let site = model(opts, &registry, &docs, graph)?;
    clock.lap("model");
    let dropped = dropped_addresses(&opts.output_dir, &site);
    let staging = Staging::begin(&opts.output_dir).map_err(|e| output_error(opts, e))?;
    let counts = crate::pages::write_all(
        &site,
        &renderer,
        &theme,
        &staging,
        None,
        &mut clock,
        &mut || {},
    )
    .map_err(BuildError::Site)?;
    staging.commit().map_err(|e| output_error(opts, e))?;
    clock.lap("commit");
    let mut summary = summarize(&site, counts, clock);
    summary.millis = started.elapsed().as_millis();
    summary.dropped = dropped;
    Ok(summary)
}

fn output_error(opts: &BuildOptions, e: std::io::Error) -> BuildError {
    BuildError::Site(format!("{}: {e}", opts.output_dir.display()))
}

/// The documents with the issuer registry, checked against each other;
/// every error of both.
fn with_registry<D: std::ops::Deref<Target = [Document]>>(
    loaded: Result<D, Vec<Diagnostic>>,
    content_dir: &Path,
) -> Result<(D, Registry), BuildError> {
    match (loaded, Registry::load(content_dir)) {
        (Ok(docs), Ok(registry)) => {
            let issuers = docs.iter().map(|d| d.issuer.as_str()).collect();
            let errors = registry.check_parents(&issuers);
            if !errors.is_empty() {
                return Err(BuildError::Content(errors));
            }
            Ok((docs, registry))
        }
        (Err(mut a), Err(b)) => {
            a.extend(b);
            Err(BuildError::Content(a))
        }
        (Err(e), _) | (_, Err(e)) => Err(BuildError::Content(e)),
    }
}

/// The site model; two documents at one address are a content error.
fn model<'a>(
    opts: &'a BuildOptions,
    registry: &'a Registry,
    docs: &'a [Document],
    graph: crate::citation::CitationGraph,
) -> Result<Site<'a>, BuildError> {
    Site::build(&opts.config, registry, docs, graph).map_err(|clashes| {
        BuildError::Content(
            clashes
                .iter()
                .map(|c| {
                    Diagnostic::error(
                        &docs[c.second].file,
                        1,
                        format!(
                            "hai văn bản cùng một địa chỉ /{}: {} và {}",
                            c.path,
                            docs[c.first].file.display(),
                            docs[c.second].file.display()
                        ),
                    )
                    .field("number")
                })
                .collect(),
        )
    })
}

/// The summary of a build that wrote `counts` for `site`.
fn summarize(site: &Site, counts: crate::pages::Counts, clock: Stages) -> BuildSummary {
    let mut summary = BuildSummary {
        documents: site.docs.len(),
        pages: counts.pages,
        files: counts.files,
        written: counts.written,
        stages: clock.stages,
        ..Default::default()
    };
    for citations in &site.graph.outgoing {
        for c in citations {
            match c.target {
                crate::citation::Target::Archive(_) => summary.citations_resolved += 1,
                crate::citation::Target::Ambiguous(_) => summary.citations_ambiguous += 1,
                crate::citation::Target::External(_) => summary.citations_external += 1,
            }
        }
    }
    summary
}

/// Addresses of documents in the previous build's `data/documents.json`
/// that this build serves neither as a document, a cited document, a shared
/// number nor an alias: a link someone made would break, so the build says
/// so (add the old address to the document's `aliases`).
fn dropped_addresses(output: &Path, site: &Site) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(output.join("data/documents.json")) else {
        return Vec::new();
    };
    let Ok(old) = serde_json::from_str::<serde_json::Value>(&text) else {
        return Vec::new();
    };
    let mut served: std::collections::HashSet<String> = site
        .paths
        .iter()
        .chain(&site.external_paths)
        .chain(site.shared_paths.keys())
        .map(|p| format!("/{p}"))
        .collect();
    for d in site.docs {
        for a in &d.aliases {
            let a = a.trim_end_matches("index.html");
            served.insert(a.to_string());
            served.insert(format!("{}/", a.trim_end_matches('/')));
        }
    }
    let mut dropped: Vec<String> = old["documents"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["url"].as_str())
        .filter(|u| !served.contains(*u))
        .map(str::to_string)
        .collect();
    dropped.sort();
    dropped
}

/// One stage of a build: its wall time and the peak memory so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageTime {
    pub name: &'static str,
    pub millis: u128,
    /// Peak resident memory of the process at the end of the stage, in
    /// kB, where the system tells it (Linux).
    pub peak_kb: Option<u64>,
    /// Resident memory at the end of the stage, in kB.
    pub now_kb: Option<u64>,
}

/// Wall time per stage of a build.
pub struct Stages {
    last: Instant,
    pub stages: Vec<StageTime>,
}

impl Stages {
    pub fn new() -> Stages {
        Stages {
            last: Instant::now(),
            stages: Vec::new(),
        }
    }

    /// Records the time since the previous lap under `name`.
    pub fn lap(&mut self, name: &'static str) {
        let now = Instant::now();
        self.stages.push(StageTime {
            name,
            millis: (now - self.last).as_millis(),
            peak_kb: memory_kb("VmHWM:"),
            now_kb: memory_kb("VmRSS:"),
        });
        self.last = now;
    }
}

/// A memory figure of the process (`VmHWM:` its peak, `VmRSS:` now), in kB.
fn memory_kb(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

impl Default for Stages {
    fn default() -> Self {
        Stages::new()
    }
}

/// The theme folder a site at `root` may have for `config.theme`.
pub fn site_theme_dir(root: &Path, config: &Config) -> PathBuf {
    root.join("themes").join(&config.theme)
}

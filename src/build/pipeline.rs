//! The pipeline: one flat list of timed steps, written once and run by
//! `vanban build`, by `serve`'s incremental rebuilds and by `vanban check`.
//!
//! | step | what it makes |
//! |---|---|
//! | `load` | the documents, checked against the contract |
//! | `registry` | the issuer registry, checked against the documents |
//! | `theme` | the templates, labels and static files |
//! | `citations` | the citation graph, resolved with the registry |
//! | `model` | the site model (groups, addresses, validity) |
//! | `write` | every file, timed per kind: `document pages`, `list pages`, `data`, `search index`, `feeds and sitemap` |
//! | `commit` | the output folder swapped in (or updated in place) |
//!
//! What a run may reuse from an earlier one is its [`Memory`]: a one-off
//! build keeps nothing and makes no keys; an incremental builder
//! ([`super::Incremental`]) keeps the documents, what each cites, the theme
//! and the key of every file, and the steps skip what did not change.

use super::{BuildError, BuildOptions, BuildSummary, Stages};
use crate::citation::{CitationGraph, Cites, Target};
use crate::diagnostics::Diagnostic;
use crate::document::Document;
use crate::load::LoadCache;
use crate::output::Staging;
use crate::pages::{FileKeys, Memo};
use crate::registry::Registry;
use crate::render::{Renderer, Theme};
use crate::site::Site;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The steps, in order, as `--timings` names them (`write` is timed per
/// kind of file: see the module's table).
pub const STEPS: [&str; 7] = [
    "load",
    "registry",
    "theme",
    "citations",
    "model",
    "write",
    "commit",
];

/// What the pipeline keeps between runs.
#[derive(Default)]
pub(crate) struct Memory {
    /// Whether this memory keeps anything: documents hashed, citations and
    /// file keys kept. A one-off build's does not.
    pub keyed: bool,
    /// Whether to compare with the previous build's `data/documents.json`
    /// and report the addresses it lost (`serve` does not show them).
    pub report_dropped: bool,
    /// The documents of a keyed memory, with their stamps and hashes.
    pub load: LoadCache,
    /// The documents of a one-off run.
    docs: Vec<Document>,
    /// What each document cites, by the hash of its file.
    pub cites: HashMap<u64, Cites>,
    pub theme: Option<(Theme, Renderer)>,
    /// The keys of the files of the previous build; `None`: the next build
    /// writes a whole new site.
    pub keys: Option<FileKeys>,
}

impl Memory {
    /// The memory of a one-off build: nothing kept, nothing keyed.
    pub fn once() -> Memory {
        Memory {
            report_dropped: true,
            ..Default::default()
        }
    }

    /// The memory of an incremental builder.
    pub fn keyed() -> Memory {
        Memory {
            keyed: true,
            ..Default::default()
        }
    }
}

/// What steps `load` to `citations` made, apart from the graph.
pub(crate) struct Resolved<'m> {
    pub docs: &'m [Document],
    pub registry: Registry,
    pub theme: &'m Theme,
    pub renderer: &'m Renderer,
    /// The previous build's file keys, when this run is keyed.
    pub previous: Option<&'m FileKeys>,
    pub keyed: bool,
}

/// Runs every step: brings `opts.output_dir` up to date. On an error the
/// output folder holds the previous site and `memory` forgets its keys.
pub(crate) fn run(
    opts: &BuildOptions,
    memory: &mut Memory,
    changed: Option<&[PathBuf]>,
    pages_ready: &mut dyn FnMut(),
) -> Result<BuildSummary, BuildError> {
    let started = Instant::now();
    let report_dropped = memory.report_dropped;
    let mut keys = None;
    let result = run_steps(
        opts,
        memory,
        changed,
        pages_ready,
        report_dropped,
        &mut keys,
    );
    // Whatever failed, what is in the output folder may differ from the keys.
    memory.keys = if result.is_ok() { keys } else { None };
    result.map(|mut summary| {
        summary.millis = started.elapsed().as_millis();
        summary
    })
}

fn run_steps(
    opts: &BuildOptions,
    memory: &mut Memory,
    changed: Option<&[PathBuf]>,
    pages_ready: &mut dyn FnMut(),
    report_dropped: bool,
    keys: &mut Option<FileKeys>,
) -> Result<BuildSummary, BuildError> {
    let mut clock = Stages::new();
    let (r, graph) = resolve(opts, memory, changed, &mut clock)?;
    let site = model(&opts.config, &r, graph)?;
    clock.lap("model");
    let dropped = match report_dropped {
        true => dropped_addresses(&opts.output_dir, &site),
        false => Vec::new(),
    };
    let (counts, new_keys) = write(&opts.output_dir, &r, &site, &mut clock, pages_ready)?;
    *keys = new_keys;
    let mut summary = summarize(&site, counts, clock);
    summary.dropped = dropped;
    Ok(summary)
}

/// Steps `load`, `registry`, `theme` and `citations`: what the model is
/// made from, and the citation graph. With `changed` (from a file watcher)
/// and a keyed memory, only those files are looked at.
pub(crate) fn resolve<'m>(
    opts: &BuildOptions,
    memory: &'m mut Memory,
    changed: Option<&[PathBuf]>,
    clock: &mut Stages,
) -> Result<(Resolved<'m>, CitationGraph), BuildError> {
    let dir = &opts.content_dir;
    let keyed = memory.keyed;
    let (loaded, hashes): (Result<&[Document], Vec<Diagnostic>>, Vec<u64>) = if keyed {
        let cache = &mut memory.load;
        let done = match changed {
            Some(changed) if memory.keys.is_some() => cache.load_changed(dir, changed),
            _ => cache.load(dir),
        };
        let hashes = cache.hashes();
        (done.map(|()| memory.load.docs()), hashes)
    } else {
        let loaded = crate::load::load(dir).map(|docs| {
            memory.docs = docs;
            memory.docs.as_slice()
        });
        (loaded, Vec::new())
    };
    clock.lap("load");
    let (docs, registry) = with_registry(loaded, dir)?;
    clock.lap("registry");
    if memory.theme.is_none() {
        let theme = Theme::load(opts.theme_dir.as_deref())?;
        let renderer = Renderer::new(&theme, &opts.config)?;
        memory.theme = Some((theme, renderer));
    }
    let (theme, renderer) = memory.theme.as_ref().expect("loaded just now");
    clock.lap("theme");
    // The registry knows the province of bodies whose names do not say it
    // (a district's UBND), which resolving "của Tỉnh ủy" needs.
    let province = |name: &str| registry.get(name).and_then(|i| i.province.clone());
    let graph = if keyed {
        // What a document cites depends on its file alone: its hash is the key.
        let mut known = std::mem::take(&mut memory.cites);
        let mut cites: Vec<Option<Cites>> = hashes.iter().map(|h| known.remove(h)).collect();
        cites
            .par_iter_mut()
            .zip(docs)
            .filter(|(c, _)| c.is_none())
            .for_each(|(c, d)| *c = Some(crate::citation::cites_of(d)));
        let cites: Vec<Cites> = cites.into_iter().flatten().collect();
        let graph = crate::citation::build_from_cites(docs, &cites, &province);
        memory.cites = hashes.iter().copied().zip(cites).collect();
        graph
    } else {
        crate::citation::build_with_provinces(docs, &province)
    };
    clock.lap("citations");
    let previous = match &memory.keys {
        Some(keys) if keyed && opts.output_dir.is_dir() => Some(keys),
        _ => None,
    };
    let resolved = Resolved {
        docs,
        registry,
        theme,
        renderer,
        previous,
        keyed,
    };
    Ok((resolved, graph))
}

/// The documents with the issuer registry, checked against each other;
/// every error of both.
fn with_registry<'d>(
    loaded: Result<&'d [Document], Vec<Diagnostic>>,
    content_dir: &Path,
) -> Result<(&'d [Document], Registry), BuildError> {
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

/// Step `model`; two documents at one address are a content error.
pub(crate) fn model<'a>(
    config: &'a crate::config::Config,
    r: &'a Resolved,
    graph: CitationGraph,
) -> Result<Site<'a>, BuildError> {
    let docs = r.docs;
    Site::build(config, &r.registry, docs, graph).map_err(|clashes| {
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

/// Steps `write` and `commit`: every file of `site` into `output`. Keyed,
/// with the previous build's keys: only the files whose key changed, in
/// place (`pages_ready` is called once the pages are), and the files the
/// previous build made and this one does not are removed. Returns the
/// counts and, keyed, the keys of this build's files.
pub(crate) fn write(
    output: &Path,
    r: &Resolved,
    site: &Site,
    clock: &mut Stages,
    pages_ready: &mut dyn FnMut(),
) -> Result<(crate::pages::Counts, Option<FileKeys>), BuildError> {
    let out_err = |source: std::io::Error| BuildError::Output {
        path: output.to_path_buf(),
        source,
    };
    let staging = match r.previous {
        Some(_) => Staging::in_place(output),
        None => Staging::begin(output),
    }
    .map_err(out_err)?;
    let empty = FileKeys::new();
    let memo = r.keyed.then(|| Memo::new(r.previous.unwrap_or(&empty)));
    let mut applied: std::io::Result<()> = Ok(());
    let counts = crate::pages::write_all(
        site,
        r.renderer,
        r.theme,
        &staging,
        memo.as_ref(),
        &mut |step| clock.lap(step),
        &mut || {
            // A whole new site's pages are in place only once committed.
            if r.previous.is_some() {
                applied = staging.apply();
                if applied.is_ok() {
                    pages_ready();
                }
            }
        },
    )?;
    applied.map_err(out_err)?;
    staging.commit().map_err(out_err)?;
    let keys = memo.map(Memo::into_keys);
    if let (Some(previous), Some(keys)) = (r.previous, &keys) {
        let out = Staging::in_place(output).map_err(out_err)?;
        for stale in Memo::stale(previous, keys) {
            out.remove(stale).map_err(out_err)?;
        }
    }
    clock.lap("commit");
    Ok((counts, keys))
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
                Target::Archive(_) => summary.citations_resolved += 1,
                Target::Ambiguous(_) => summary.citations_ambiguous += 1,
                Target::External(_) => summary.citations_external += 1,
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

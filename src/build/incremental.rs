//! Incremental rebuilds for `serve`: the same pipeline as [`super::build`],
//! with what did not change kept between builds.
//!
//! - Documents whose file kept its size and modification time are not read
//!   again ([`LoadCache`]), and what a document cites is kept by the hash
//!   of its file: resolving it again is cheap, finding it is not.
//! - Every file of the site has a key of what it is made from (for a
//!   document page: its file and what it shows of its neighbours, of the
//!   documents it cites and of those citing it; for other pages: their
//!   whole context). A file whose key did not change is not rendered; the
//!   others are written in place, and the files of the previous build that
//!   this one no longer makes are removed. The search index is rebuilt only
//!   when a document's file or address changed, and then only the shards
//!   whose bytes changed are written.
//! - A change to the theme, the settings or the issuer registry, a first
//!   build, or a failed one, makes the next build a full one.
//!
//! The result is byte for byte the site a full build makes (a test edits,
//! adds and removes documents and compares the two).

use super::{BuildError, BuildOptions, BuildSummary, Stages, model, summarize, with_registry};
use crate::citation::Cites;
use crate::load::LoadCache;
use crate::output::Staging;
use crate::pages::{FileKeys, Memo};
use crate::render::{Renderer, Theme};
use rayon::prelude::*;
use std::collections::HashMap;
use std::time::Instant;

/// A builder that remembers its previous build.
pub struct Incremental {
    opts: BuildOptions,
    cache: LoadCache,
    /// What each document cites, by the hash of its file.
    cites: HashMap<u64, Cites>,
    theme: Option<(Theme, Renderer)>,
    /// The keys of the files of the previous build; `None`: the next build
    /// is a full one.
    keys: Option<FileKeys>,
}

impl Incremental {
    pub fn new(opts: BuildOptions) -> Incremental {
        Incremental {
            opts,
            cache: LoadCache::default(),
            cites: HashMap::new(),
            theme: None,
            keys: None,
        }
    }

    /// The options, to change (then the next build is a full one).
    pub fn options_mut(&mut self) -> &mut BuildOptions {
        self.forget();
        &mut self.opts
    }

    /// The options, to read.
    pub fn options(&self) -> &BuildOptions {
        &self.opts
    }

    /// Makes the next build a full one: for a change to the theme, the
    /// settings or the registry.
    pub fn forget(&mut self) {
        self.theme = None;
        self.keys = None;
    }

    /// Brings the output folder up to date. In an incremental build,
    /// `pages_ready` is called once every page is in place, before the open
    /// data, the search index, the feeds and the sitemap are: a browser can
    /// reload then.
    pub fn rebuild(&mut self, pages_ready: &mut dyn FnMut()) -> Result<BuildSummary, BuildError> {
        self.rebuild_after(None, pages_ready)
    }

    /// [`Incremental::rebuild`] when the files that changed since the last
    /// build are known (from a file watcher): with `Some(files)`, only those
    /// are looked at instead of every file of the content folder.
    pub fn rebuild_after(
        &mut self,
        changed: Option<&[std::path::PathBuf]>,
        pages_ready: &mut dyn FnMut(),
    ) -> Result<BuildSummary, BuildError> {
        let started = Instant::now();
        let result = self.run(changed, pages_ready);
        if result.is_err() {
            // What is in the output folder may now differ from the keys.
            self.keys = None;
        }
        result.map(|mut summary| {
            summary.millis = started.elapsed().as_millis();
            summary
        })
    }

    fn run(
        &mut self,
        changed: Option<&[std::path::PathBuf]>,
        pages_ready: &mut dyn FnMut(),
    ) -> Result<BuildSummary, BuildError> {
        let mut clock = Stages::new();
        let opts = &self.opts;
        let loaded = match changed {
            Some(changed) if self.keys.is_some() => {
                self.cache.load_changed(&opts.content_dir, changed)
            }
            _ => self.cache.load(&opts.content_dir),
        };
        let loaded = loaded.map(|()| self.cache.docs());
        let (docs, registry) = with_registry(loaded, &opts.content_dir)?;
        let hashes = self.cache.hashes();
        clock.lap("load");
        if self.theme.is_none() {
            let theme = Theme::load(opts.theme_dir.as_deref()).map_err(BuildError::Site)?;
            let renderer = Renderer::new(&theme, &opts.config).map_err(BuildError::Site)?;
            self.theme = Some((theme, renderer));
        }
        let (theme, renderer) = self.theme.as_ref().expect("loaded just now");
        clock.lap("theme");

        let mut known = std::mem::take(&mut self.cites);
        let mut cites: Vec<Option<Cites>> = hashes.iter().map(|h| known.remove(h)).collect();
        cites
            .par_iter_mut()
            .zip(docs)
            .filter(|(c, _)| c.is_none())
            .for_each(|(c, d)| *c = Some(crate::citation::cites_of(d)));
        let cites: Vec<Cites> = cites.into_iter().flatten().collect();
        let graph = crate::citation::build_from_cites(docs, &cites, &|name| {
            registry.get(name).and_then(|i| i.province.clone())
        });
        // What a document cites depends on its file alone: its hash is the key.
        self.cites = hashes.iter().copied().zip(cites).collect();
        clock.lap("citations");

        let site = model(opts, &registry, docs, graph)?;
        clock.lap("model");
        let previous = match &self.keys {
            Some(keys) if opts.output_dir.is_dir() => Some(keys),
            _ => None,
        };
        let staging = match previous {
            Some(_) => Staging::in_place(&opts.output_dir),
            None => Staging::begin(&opts.output_dir),
        }
        .map_err(|e| super::output_error(opts, e))?;
        let empty = FileKeys::new();
        let memo = Memo::new(previous.unwrap_or(&empty), &hashes);
        let mut applied: Result<(), String> = Ok(());
        let counts = crate::pages::write_all(
            &site,
            renderer,
            theme,
            &staging,
            Some(&memo),
            &mut clock,
            &mut || {
                // A full build's pages are in place only once committed.
                if previous.is_some() {
                    applied = staging.apply().map_err(|e| e.to_string());
                    if applied.is_ok() {
                        pages_ready();
                    }
                }
            },
        )
        .map_err(BuildError::Site)?;
        applied.map_err(BuildError::Site)?;
        staging.commit().map_err(|e| super::output_error(opts, e))?;
        let keys = memo.into_keys();
        if let Some(previous) = previous {
            let out =
                Staging::in_place(&opts.output_dir).map_err(|e| super::output_error(opts, e))?;
            for stale in Memo::stale(previous, &keys) {
                out.remove(stale)
                    .map_err(|e| super::output_error(opts, e))?;
            }
        }
        self.keys = Some(keys);
        clock.lap("commit");
        Ok(summarize(&site, counts, clock))
    }
}

//! Incremental rebuilds for `serve`: the pipeline of [`super::build`]
//! ([`super::pipeline`]), with a memory of what did not change kept between
//! builds, from which its steps skip work:
//!
//! - Documents whose file kept its size and modification time are not read
//!   again ([`crate::load::LoadCache`]), and what a document cites is kept by the hash
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

use super::pipeline::{self, Memory};
use super::{BuildError, BuildOptions, BuildSummary};

/// A builder that remembers its previous build.
pub struct Incremental {
    opts: BuildOptions,
    memory: Memory,
}

impl Incremental {
    pub fn new(opts: BuildOptions) -> Incremental {
        Incremental {
            opts,
            memory: Memory::keyed(),
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
        self.memory.theme = None;
        self.memory.keys = None;
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
        pipeline::run(&self.opts, &mut self.memory, changed, pages_ready)
    }
}

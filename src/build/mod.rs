//! Building the site: the options, the summary and the errors of a build;
//! the steps themselves are [`pipeline`]'s, run once by [`build`] and again
//! and again by [`Incremental`].

mod cache;
mod incremental;
pub(crate) mod pipeline;

pub use cache::{CachedBuild, build_cached};
pub use incremental::Incremental;
pub use pipeline::STEPS;

use crate::config::Config;
use crate::diagnostics::Diagnostic;
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
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The content breaks the contract; every problem found is listed.
    #[error("{}", content_message(.0))]
    Content(Vec<Diagnostic>),
    /// The theme could not be loaded or its templates do not compile.
    #[error(transparent)]
    Theme(#[from] crate::render::ThemeError),
    /// A file of the site could not be made (a template failed, two pages
    /// at one address, a file to copy unreadable).
    #[error(transparent)]
    Write(#[from] crate::pages::WriteError),
    /// The output folder (at `path`) could not be written or swapped in.
    #[error("{}: {source}", .path.display())]
    Output {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The settings file could not be used.
    #[error(transparent)]
    Config(#[from] crate::config::ConfigError),
}

/// Every diagnostic, then how many errors and that nothing was written.
fn content_message(diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diags {
        out.push_str(&format!("{d}\n"));
    }
    let errors = diags.iter().filter(|d| d.is_error()).count();
    out.push_str(&format!("{errors} lỗi; không ghi gì ra thư mục đầu ra"));
    out
}

/// Builds the site. On any error nothing in `output_dir` changes.
pub fn build(opts: &BuildOptions) -> Result<BuildSummary, BuildError> {
    pipeline::run(opts, &mut pipeline::Memory::once(), None, &mut || {})
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

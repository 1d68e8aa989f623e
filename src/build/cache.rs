//! `vanban build --cache DIR`: the incremental state of [`super::Incremental`]
//! kept on disk between runs, so that a CI build after a push that edited
//! one document renders and writes only the files that depend on it.
//!
//! The cache holds the key of every file of the site (the keys `serve`
//! uses), the build it belongs to and a digest of the output folder it
//! describes. It is used only when all of these hold, else a note says why
//! and the build is a whole new one:
//!
//! - it was written by this version of vanban, in this format, whole;
//! - for the same content folder, output folder, settings, theme and issuer
//!   registry (and every other `_` file of the content folder);
//! - the output folder is still the one it describes (same files, same
//!   sizes): CI restores both, and a missing or changed site is rebuilt.
//!
//! Every document is still read and its citations found (a checkout gives
//! every file a new time stamp); what is skipped is rendering and writing
//! the files whose key did not change. The output is byte for byte a full
//! build's (a test compares them).

use super::pipeline::{self, Memory};
use super::{BuildError, BuildOptions, BuildSummary};
use crate::pages::FileKeys;
use serde::{Deserialize, Serialize};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

/// The file in the cache folder.
pub const FILE: &str = "vanban-cache.json";

/// Bumped whenever what the cache holds or what a key covers changes.
const FORMAT: u32 = 1;

#[derive(Serialize, Deserialize)]
struct State {
    format: u32,
    version: String,
    /// A hash of what every file of the site depends on beyond the
    /// documents (see [`inputs_fingerprint`]).
    inputs: u64,
    /// A digest of the output folder as this build left it.
    output: u64,
    /// Every file of the site and its key, sorted by path.
    keys: Vec<(String, u64)>,
}

/// What a cached build did: the build's summary, and why the cache was not
/// used when it was not.
pub struct CachedBuild {
    pub summary: BuildSummary,
    pub note: Option<String>,
}

/// Builds the site with the cache in `dir`, and saves the cache for the
/// next run. Any problem with the cache itself is a note, never an error:
/// the build is then a whole new one.
pub fn build_cached(opts: &BuildOptions, dir: &Path) -> Result<CachedBuild, BuildError> {
    let file = dir.join(FILE);
    let inputs = inputs_fingerprint(opts);
    let mut memory = Memory::keyed();
    memory.report_dropped = true;
    let mut note = None;
    match read(&file, inputs, &opts.output_dir) {
        Ok(keys) => memory.keys = Some(keys),
        Err(why) => note = why,
    }
    let result = pipeline::run(opts, &mut memory, None, &mut || {});
    let summary = match result {
        Ok(summary) => summary,
        Err(e) => {
            // The output may now be neither the cache's site nor the new one.
            let _ = std::fs::remove_file(&file);
            return Err(e);
        }
    };
    if let Some(keys) = memory.keys.take()
        && let Err(e) = save(dir, &file, inputs, &opts.output_dir, keys)
    {
        let why = format!("không ghi được bộ nhớ đệm {}: {e}", file.display());
        note = Some(match note {
            Some(n) => format!("{n}; {why}"),
            None => why,
        });
    }
    Ok(CachedBuild { summary, note })
}

/// The keys of the cache at `file`, if it can be used; else why not
/// (`None`: there was no cache, which needs no note).
fn read(file: &Path, inputs: u64, output: &Path) -> Result<FileKeys, Option<String>> {
    let shown = file.display();
    let text = match std::fs::read(file) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(None),
        Err(e) => return Err(Some(format!("bỏ qua bộ nhớ đệm {shown}: {e}"))),
    };
    let state: State = serde_json::from_slice(&text).map_err(|_| {
        Some(format!(
            "bỏ qua bộ nhớ đệm {shown}: tệp hỏng hoặc không đọc được"
        ))
    })?;
    if state.format != FORMAT || state.version != env!("CARGO_PKG_VERSION") {
        return Err(Some(format!(
            "bỏ qua bộ nhớ đệm {shown}: do vanban {} ghi, đây là vanban {}",
            state.version,
            env!("CARGO_PKG_VERSION")
        )));
    }
    if state.inputs != inputs {
        return Err(Some(format!(
            "bỏ qua bộ nhớ đệm {shown}: của một thư mục nội dung, thư mục đầu ra, cấu hình, giao diện hoặc danh mục cơ quan khác"
        )));
    }
    if output_digest(output) != Some(state.output) {
        return Err(Some(format!(
            "bỏ qua bộ nhớ đệm {shown}: thư mục đầu ra {} không còn là bản dựng nó ghi nhận",
            output.display()
        )));
    }
    Ok(state.keys.into_iter().collect())
}

/// Writes the cache whole, or not at all (a temporary file renamed).
fn save(
    dir: &Path,
    file: &Path,
    inputs: u64,
    output: &Path,
    keys: FileKeys,
) -> std::io::Result<()> {
    let mut keys: Vec<(String, u64)> = keys.into_iter().collect();
    keys.sort_unstable();
    let state = State {
        format: FORMAT,
        version: env!("CARGO_PKG_VERSION").to_string(),
        inputs,
        output: output_digest(output)
            .ok_or_else(|| std::io::Error::other("không đọc được thư mục đầu ra"))?,
        keys,
    };
    std::fs::create_dir_all(dir)?;
    let tmp = file.with_extension("json.tmp");
    let bytes = serde_json::to_vec(&state).map_err(std::io::Error::other)?;
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, file)
}

/// A hash of what the site depends on beside the documents themselves:
/// this vanban, the content and output folders, the settings, the theme,
/// and every `_` file of the content folder (the issuer registry).
fn inputs_fingerprint(opts: &BuildOptions) -> u64 {
    let mut h = crate::fingerprint::hasher();
    (FORMAT, env!("CARGO_PKG_VERSION")).hash(&mut h);
    absolute(&opts.content_dir).hash(&mut h);
    absolute(&opts.output_dir).hash(&mut h);
    serde_json::to_string(&opts.config)
        .unwrap_or_default()
        .hash(&mut h);
    match crate::render::Theme::load(opts.theme_dir.as_deref()) {
        Ok(theme) => (&theme.templates, &theme.labels, &theme.statics).hash(&mut h),
        Err(e) => e.to_string().hash(&mut h),
    }
    let underscored = walkdir::WalkDir::new(&opts.content_dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.file_name().to_string_lossy().starts_with('_'));
    for e in underscored {
        e.path().hash(&mut h);
        std::fs::read(e.path()).ok().hash(&mut h);
    }
    h.finish()
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// A digest of the files under `dir` (paths and sizes); `None` when it
/// cannot be read.
fn output_digest(dir: &Path) -> Option<u64> {
    if !dir.is_dir() {
        return None;
    }
    let mut h = crate::fingerprint::hasher();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.ok()?;
        if e.file_type().is_dir() {
            continue;
        }
        e.path().strip_prefix(dir).ok()?.hash(&mut h);
        e.metadata().ok()?.len().hash(&mut h);
    }
    Some(h.finish())
}

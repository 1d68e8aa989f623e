//! `serve`'s incremental rebuilds: after each kind of edit a maintainer
//! makes, the site in the output folder is byte for byte the one a full
//! build makes, and an edit to one document writes only a few files.

use crate::site;

use site::*;
use std::path::{Path, PathBuf};
use vanban::build::{BuildOptions, BuildSummary, Incremental, build};
use vanban::config::Config;

fn options(content: &Path, output: &Path) -> BuildOptions {
    BuildOptions {
        content_dir: content.to_path_buf(),
        output_dir: output.to_path_buf(),
        theme_dir: None,
        config: Config::default(),
    }
}

struct Archive {
    _tmp: tempfile::TempDir,
    content: PathBuf,
    live: PathBuf,
    fresh: PathBuf,
    builder: Incremental,
    /// Rebuild with the list of edited files, as `serve` does (else every
    /// file's stamp is looked at).
    tell_changes: bool,
    changed: Vec<PathBuf>,
}

impl Archive {
    fn generated(count: usize, tell_changes: bool) -> Archive {
        let tmp = tempfile::tempdir().unwrap();
        let content = tmp.path().join("content");
        vanban::generate::generate(&vanban::generate::GenerateOptions {
            count,
            seed: 3,
            output: content.clone(),
        })
        .unwrap();
        let live = tmp.path().join("live");
        let fresh = tmp.path().join("fresh");
        let mut builder = Incremental::new(options(&content, &live));
        let mut ready = false;
        let first = builder.rebuild(&mut || ready = true).unwrap();
        assert!(
            !ready,
            "a first build's pages are ready only when committed"
        );
        assert_eq!(first.documents, count);
        assert_eq!(
            first.written, first.files,
            "a first build writes everything"
        );
        Archive {
            _tmp: tmp,
            content,
            live,
            fresh,
            builder,
            tell_changes,
            changed: Vec::new(),
        }
    }

    /// Notes that `file` changed (what a file watcher reports).
    fn touched(&mut self, file: &Path) {
        self.changed.push(file.to_path_buf());
    }

    fn rebuild(&mut self, ready: &mut dyn FnMut()) -> Result<BuildSummary, String> {
        let changed = std::mem::take(&mut self.changed);
        let changed = self.tell_changes.then_some(changed.as_slice());
        self.builder
            .rebuild_after(changed, ready)
            .map_err(|e| e.to_string())
    }

    /// The document files, in a fixed order.
    fn files(&self) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = walkdir::WalkDir::new(&self.content)
            .into_iter()
            .filter_map(Result::ok)
            .map(|e| e.into_path())
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect();
        files.sort();
        files
    }

    /// Rebuilds incrementally and asserts that the output equals a full
    /// build's; returns the incremental build's summary.
    fn rebuild_and_compare(&mut self, what: &str) -> BuildSummary {
        self.rebuild_and_compare_after(what, true)
    }

    /// [`Archive::rebuild_and_compare`]; `in_place`: whether the rebuild
    /// updates the previous site (else, after a failed build, it makes a
    /// whole new one).
    fn rebuild_and_compare_after(&mut self, what: &str, in_place: bool) -> BuildSummary {
        let mut ready = false;
        let summary = self
            .rebuild(&mut || ready = true)
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_eq!(ready, in_place, "{what}: were the pages said to be ready?");
        build(&options(&self.content, &self.fresh)).unwrap();
        let (live, fresh) = (snapshot(&self.live), snapshot(&self.fresh));
        let differ: Vec<&String> = fresh
            .iter()
            .filter(|(path, bytes)| live.get(*path) != Some(*bytes))
            .map(|(path, _)| path)
            .chain(live.keys().filter(|p| !fresh.contains_key(*p)))
            .take(10)
            .collect();
        assert!(
            differ.is_empty(),
            "{what}: the incremental site differs from a full build at {differ:?}"
        );
        summary
    }
}

/// Sets front matter field `name` (a line `name: value`) to `value`.
fn set_field(path: &Path, name: &str, value: &str) {
    let text = read(path);
    let prefix = format!("{name}: ");
    let mut done = false;
    let lines: Vec<String> = text
        .lines()
        .map(|l| {
            if !done && l.starts_with(&prefix) {
                done = true;
                format!("{prefix}{value}")
            } else {
                l.to_string()
            }
        })
        .collect();
    assert!(done, "{} has no {name}", path.display());
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
}

fn field<'a>(text: &'a str, name: &str) -> &'a str {
    text.lines()
        .find_map(|l| l.strip_prefix(&format!("{name}: ")))
        .unwrap_or_else(|| panic!("no {name}"))
        .trim_matches('"')
}

#[test]
fn every_kind_of_edit_gives_the_full_builds_site() {
    edits(false);
}

#[test]
fn told_which_files_changed_it_gives_the_full_builds_site_too() {
    edits(true);
}

fn edits(tell_changes: bool) {
    let mut a = Archive::generated(300, tell_changes);
    let files = a.files();

    // A sentence added to a body: its page, its data and a few search
    // shards; no list page.
    let doc = &files[10];
    let text = read(doc);
    std::fs::write(
        doc,
        format!("{text}\nCâu mới về phòng chống thiên tai xyzqwv.\n"),
    )
    .unwrap();
    a.touched(doc);
    let s = a.rebuild_and_compare("body edit");
    assert!(
        s.written < 40,
        "a body edit rewrote {} of {} files",
        s.written,
        s.files
    );
    let page = read(&a.live.join(first_page_with(&a.live, "xyzqwv")));
    assert!(page.contains("phòng chống thiên tai"));

    // Nothing changed: nothing written.
    let s = a.rebuild_and_compare("no change");
    assert_eq!(s.written, 0, "an unchanged archive rewrote files");

    // A new title shows on the pages that list or cite the document.
    set_field(
        &files[20],
        "title",
        "\"Tiêu đề đã sửa về công tác phòng cháy\"",
    );
    a.touched(&files[20]);
    a.rebuild_and_compare("title edit");

    // A new date moves it in every list and in the timeline.
    set_field(&files[30], "date", "2019-01-01");
    a.touched(&files[30]);
    a.rebuild_and_compare("date edit");

    // A new citation of another document: both pages change.
    let cited = read(&files[40]);
    let (number, ty) = (field(&cited, "number"), field(&cited, "type"));
    let citing = &files[50];
    let text = read(citing);
    std::fs::write(citing, format!("{text}\nThực hiện {ty} số {number}.\n")).unwrap();
    a.touched(citing);
    a.rebuild_and_compare("citation added");

    // Another issuer.
    let other = field(&read(&files[200]), "issuer").to_string();
    set_field(&files[60], "issuer", &format!("\"{other}\""));
    a.touched(&files[60]);
    a.rebuild_and_compare("issuer edit");

    // A new document, then one removed.
    let copy = files[70].with_file_name("ban-sao-moi.md");
    std::fs::copy(&files[70], &copy).unwrap();
    set_field(&copy, "number", "\"9999/QĐ-UBND\"");
    a.touched(&copy);
    let s = a.rebuild_and_compare("document added");
    assert_eq!(s.documents, 301);
    std::fs::remove_file(&files[80]).unwrap();
    a.touched(&files[80]);
    let s = a.rebuild_and_compare("document removed");
    assert_eq!(s.documents, 300);

    // A broken document fails the build and leaves the site as it was;
    // once fixed, the site is the full build's again.
    let before = snapshot(&a.live);
    let good = read(&files[90]);
    set_field(&files[90], "date", "ngày 5");
    a.touched(&files[90]);
    assert!(a.rebuild(&mut || {}).is_err());
    assert!(
        snapshot(&a.live) == before,
        "a failed rebuild changed the site"
    );
    std::fs::write(&files[90], good).unwrap();
    a.touched(&files[90]);
    let s = a.rebuild_and_compare_after("error fixed", false);
    assert_eq!(s.written, s.files, "after a failure, a whole new site");
}

/// The path, under `site`, of the first document page containing `text`.
fn first_page_with(site: &Path, text: &str) -> PathBuf {
    walkdir::WalkDir::new(site.join("van-ban"))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .find(|e| e.file_name() == "index.html" && read(e.path()).contains(text))
        .map(|e| e.path().strip_prefix(site).unwrap().to_path_buf())
        .unwrap_or_else(|| panic!("no page shows {text}"))
}

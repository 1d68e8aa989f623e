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

/// `vanban build --cache DIR`, as CI runs it: one process a build, the
/// state kept in DIR beside the output folder.
struct Cached {
    _tmp: tempfile::TempDir,
    root: PathBuf,
}

impl Cached {
    fn generated(count: usize) -> Cached {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().to_path_buf();
        vanban::generate::generate(&vanban::generate::GenerateOptions {
            count,
            seed: 3,
            output: root.join("content"),
        })
        .unwrap();
        Cached { _tmp: tmp, root }
    }

    /// Runs `vanban build ARGS` in the archive's folder; its stderr.
    fn build(&self, args: &[&str]) -> String {
        let out = vanban(&self.root, &[&["build"], args].concat());
        let err = stderr(&out);
        assert!(out.status.success(), "{args:?}: {err}");
        err
    }

    /// A cached build of `content` into `public`, with `more` arguments:
    /// (files, files written, stderr).
    fn cached(&self, content: &str, more: &[&str]) -> (usize, usize, String) {
        let args = [
            &[
                "--content",
                content,
                "--output",
                "public",
                "--cache",
                "cache",
            ],
            more,
        ]
        .concat();
        let err = self.build(&args);
        let line = err
            .lines()
            .find(|l| l.starts_with("Đã dựng"))
            .unwrap_or_else(|| panic!("no summary: {err}"));
        let number_before = |mark: &str| -> usize {
            let head = &line[..line.find(mark).unwrap_or_else(|| panic!("{line}"))];
            head.rsplit([' ', '(']).next().unwrap().parse().unwrap()
        };
        (number_before(" tệp ("), number_before(" tệp ghi mới"), err)
    }

    /// Asserts that `public` is byte for byte a full build of `content`
    /// (with `more` arguments) made without a cache.
    fn same_as_full_build(&self, content: &str, more: &[&str], what: &str) {
        let fresh = self.root.join("fresh");
        let _ = std::fs::remove_dir_all(&fresh);
        self.build(&[&["--content", content, "--output", "fresh"], more].concat());
        let (cached, full) = (snapshot(&self.root.join("public")), snapshot(&fresh));
        let differ: Vec<&String> = full
            .iter()
            .filter(|(path, bytes)| cached.get(*path) != Some(*bytes))
            .map(|(path, _)| path)
            .chain(cached.keys().filter(|p| !full.contains_key(*p)))
            .take(10)
            .collect();
        assert!(
            differ.is_empty(),
            "{what}: the cached build differs from a full build at {differ:?}"
        );
    }

    fn cache_file(&self) -> PathBuf {
        self.root.join("cache/vanban-cache.json")
    }
}

#[test]
fn a_cached_build_after_one_edit_writes_only_what_depends_on_it() {
    let a = Cached::generated(200);
    let (files, written, err) = a.cached("content", &[]);
    assert_eq!(written, files, "a first build writes everything: {err}");
    assert!(!err.contains("note:"), "no cache yet is no problem: {err}");
    assert!(a.cache_file().is_file());

    let mut docs: Vec<PathBuf> = walkdir::WalkDir::new(a.root.join("content"))
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    let doc = &docs[10];
    let text = read(doc);
    std::fs::write(
        doc,
        format!("{text}\nCâu mới về phòng chống lụt bão qzxwv.\n"),
    )
    .unwrap();
    let (files, written, err) = a.cached("content", &[]);
    assert!(!err.contains("note:"), "{err}");
    assert!(
        written < 40,
        "one body edit rewrote {written} of {files} files"
    );
    a.same_as_full_build("content", &[], "body edit");
    assert!(
        snapshot(&a.root.join("public"))
            .values()
            .any(|b| String::from_utf8_lossy(b).contains("qzxwv")),
        "the edit is not on the site"
    );

    // Nothing changed: nothing written.
    let (_, written, _) = a.cached("content", &[]);
    assert_eq!(written, 0);

    // A document deleted: its files go, the lists that showed it change.
    std::fs::remove_file(&docs[20]).unwrap();
    let (files, written, _) = a.cached("content", &[]);
    assert!(
        written < files / 2,
        "a deletion rewrote {written} of {files}"
    );
    a.same_as_full_build("content", &[], "document deleted");
}

#[test]
fn a_cache_that_cannot_be_trusted_is_ignored_with_a_note() {
    let a = Cached::generated(40);
    let whole = |a: &Cached, content: &str, more: &[&str], note: &str, what: &str| {
        let (files, written, err) = a.cached(content, more);
        assert!(
            err.contains("note: bỏ qua bộ nhớ đệm") && err.contains(note),
            "{what}: {err}"
        );
        assert_eq!(written, files, "{what}: not a whole new build");
        a.same_as_full_build(content, more, what);
    };
    a.cached("content", &[]);
    std::fs::write(a.cache_file(), "rác {{{ \u{0}").unwrap();
    whole(&a, "content", &[], "tệp hỏng", "garbage");

    let text = read(&a.cache_file());
    std::fs::write(a.cache_file(), &text[..text.len() / 2]).unwrap();
    whole(&a, "content", &[], "tệp hỏng", "truncated");

    let version = format!("\"version\":\"{}\"", env!("CARGO_PKG_VERSION"));
    let text = read(&a.cache_file());
    assert!(text.contains(&version));
    std::fs::write(
        a.cache_file(),
        text.replace(&version, "\"version\":\"0.0.1\""),
    )
    .unwrap();
    whole(&a, "content", &[], "vanban 0.0.1", "another version");

    // Other settings, another content folder: another site.
    whole(
        &a,
        "content",
        &["--base-url", "https://kho.example/"],
        "khác",
        "other settings",
    );
    copy_dir(&a.root.join("content"), &a.root.join("content-2"));
    whole(
        &a,
        "content-2",
        &["--base-url", "https://kho.example/"],
        "khác",
        "another content folder",
    );

    // The output folder is not the one the cache describes.
    std::fs::remove_dir_all(a.root.join("public")).unwrap();
    whole(
        &a,
        "content-2",
        &["--base-url", "https://kho.example/"],
        "thư mục đầu ra",
        "output deleted",
    );
    std::fs::write(a.root.join("public/index.html"), "sửa tay").unwrap();
    whole(
        &a,
        "content-2",
        &["--base-url", "https://kho.example/"],
        "thư mục đầu ra",
        "output changed",
    );
}

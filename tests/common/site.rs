//! Shared by the integration tests: run the `vanban` binary, copy the
//! sample content, snapshot an output folder.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `vanban ARGS` in `dir`.
pub fn vanban(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run vanban")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The seven seed documents, as the sample archive held them before the
/// real corpus joined it: the fixture most tests build (small, and every
/// document's fields known by heart).
pub fn seeds() -> PathBuf {
    repo()
        .join("tests")
        .join("fixtures")
        .join("seeds")
        .join("content")
}

/// Copies the seed archive into `dst/content`.
pub fn copy_sample(dst: &Path) -> PathBuf {
    let content = dst.join("content");
    copy_dir(&seeds(), &content);
    content
}

pub fn copy_dir(src: &Path, dst: &Path) {
    for entry in walkdir::WalkDir::new(src) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(src).unwrap();
        let target = dst.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Builds `dir/content` into `dir/public`, asserting success.
pub fn build_ok(dir: &Path) -> PathBuf {
    let out = vanban(
        dir,
        &["build", "--content", "content", "--output", "public"],
    );
    assert!(out.status.success(), "build failed: {}", stderr(&out));
    dir.join("public")
}

/// Every file under `dir` with its bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every file under `dir` whose name ends in `.ext` (e.g. every HTML page
/// of a site), as (path relative to `dir`, text), in the order walkdir
/// sorts them by name; collect into a `Vec` or a `BTreeMap`.
pub fn files_with<C: FromIterator<(String, String)>>(dir: &Path, ext: &str) -> C {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == ext))
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, read(e.path()))
        })
        .collect()
}

//! Fixture archives built (or checked) and compared file by file with their
//! expected output (`tests/fixtures/<case>/expected/`, see
//! `tests/common/expected.rs`; `UPDATE_EXPECTED=1` rewrites them).
//!
//! - `seeds`: the seven seed documents; the open data and three pages.
//! - `chain`: the seeds with the chain of orders added (replaced, amended,
//!   repealed, guided, implemented): the references and validity in the
//!   open data, and the pages of a replaced and of a repealed document.
//! - `bad-input`: broken documents; what `vanban check` reports, and that
//!   `vanban build` writes nothing.

use crate::{expected, site};

use site::*;
use std::path::Path;

const DATA: [&str; 3] = [
    "data/documents.json",
    "data/references.json",
    "data/issuers.json",
];

fn built(content_of: impl FnOnce(&Path)) -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    content_of(&tmp.path().join("content"));
    let public = build_ok(tmp.path());
    (tmp, public)
}

#[test]
fn the_seed_archive_builds_its_expected_data_and_pages() {
    let (_tmp, public) =
        built(|content| copy_dir(&expected::case("seeds").join("content"), content));
    let mut files = DATA.to_vec();
    files.extend([
        "co-quan/index.html",
        // A document of the archive, citing others.
        "van-ban/2021/1507-ubnd-th/index.html",
        // A document only cited: its page says so.
        "van-ban/2021/63-nq-cp/index.html",
    ]);
    expected::compare_files("seeds", &public, &files);
}

#[test]
fn the_chain_of_orders_builds_its_expected_references_and_validity() {
    let (_tmp, public) = built(|content| {
        copy_dir(&expected::case("seeds").join("content"), content);
        copy_dir(
            &expected::case("chain").join("content"),
            &content.join("ubnd-tinh-kien-giang/chain"),
        );
    });
    let mut files = DATA.to_vec();
    files.extend([
        // Replaced by a later Chỉ thị.
        "van-ban/2021/16-ct-ubnd/index.html",
        // Amended, then repealed from a later date.
        "van-ban/2021/12-2021-qd-ubnd/index.html",
    ]);
    expected::compare_files("chain", &public, &files);
}

#[test]
fn bad_input_gets_its_expected_diagnostics_and_no_site() {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(
        &expected::case("bad-input").join("content"),
        &tmp.path().join("content"),
    );
    let check = vanban(tmp.path(), &["check", "--content", "content"]);
    assert_eq!(check.status.code(), Some(1), "{}", stderr(&check));
    expected::compare_text("bad-input", "check.stderr", &stderr(&check));
    expected::compare_text(
        "bad-input",
        "check.stdout",
        &String::from_utf8_lossy(&check.stdout),
    );
    let build = vanban(tmp.path(), &["build", "--content", "content"]);
    assert!(!build.status.success(), "a broken archive was built");
    assert!(
        !tmp.path().join("public").exists(),
        "a broken build wrote a site"
    );
}

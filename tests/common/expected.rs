//! Fixture archives with expected output: `tests/fixtures/<case>/content`
//! is what vanban reads, `tests/fixtures/<case>/expected/` holds the output
//! files a test chose to pin, at the same relative paths as in the built
//! site (plus the text of a command's output, such as `check.stderr`).
//!
//! A changed output fails the test with the first line that differs. When
//! the change is meant, write the expected files from what vanban makes now
//! and review the diff before committing it:
//!
//! ```sh
//! UPDATE_EXPECTED=1 cargo test --test site fixtures::
//! git diff tests/fixtures/
//! ```
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// `tests/fixtures/<case>`.
pub fn case(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn updating() -> bool {
    std::env::var_os("UPDATE_EXPECTED").is_some_and(|v| !v.is_empty() && v != "0")
}

/// Compares each of `files` under `built` with the case's expected copy;
/// with `UPDATE_EXPECTED=1`, writes the expected copies instead.
pub fn compare_files(case_name: &str, built: &Path, files: &[&str]) {
    let mut problems = Vec::new();
    for rel in files {
        let path = built.join(rel);
        match std::fs::read_to_string(&path) {
            Ok(actual) => {
                if let Some(p) = compare_or_update(case_name, rel, &actual) {
                    problems.push(p);
                }
            }
            Err(e) => problems.push(format!("{rel}: not built ({e})")),
        }
    }
    assert!(
        problems.is_empty(),
        "{} output file(s) differ from tests/fixtures/{case_name}/expected/ \
         (UPDATE_EXPECTED=1 rewrites them when the change is meant):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Compares `actual` with the case's expected file `name`; with
/// `UPDATE_EXPECTED=1`, writes it instead.
pub fn compare_text(case_name: &str, name: &str, actual: &str) {
    if let Some(problem) = compare_or_update(case_name, name, actual) {
        panic!(
            "differs from tests/fixtures/{case_name}/expected/ \
             (UPDATE_EXPECTED=1 rewrites it when the change is meant):\n{problem}"
        );
    }
}

fn compare_or_update(case_name: &str, rel: &str, actual: &str) -> Option<String> {
    let expected_path = case(case_name).join("expected").join(rel);
    if updating() {
        std::fs::create_dir_all(expected_path.parent().unwrap()).unwrap();
        std::fs::write(&expected_path, actual).unwrap();
        return None;
    }
    let expected = match std::fs::read_to_string(&expected_path) {
        Ok(e) => e,
        Err(e) => return Some(format!("{rel}: no expected file ({e})")),
    };
    first_difference(&expected, actual).map(|d| format!("{rel}: {d}"))
}

/// Where two texts part, by line: `None` when they are equal.
pub fn first_difference(expected: &str, actual: &str) -> Option<String> {
    if expected == actual {
        return None;
    }
    let (e, a): (Vec<&str>, Vec<&str>) =
        (expected.split('\n').collect(), actual.split('\n').collect());
    let shown = |l: Option<&&str>| l.map_or("(end of file)".to_string(), |s| format!("{s:?}"));
    (0..e.len().max(a.len()))
        .find(|&i| e.get(i) != a.get(i))
        .map(|i| {
            format!(
                "line {}\n  expected: {}\n  actual:   {}",
                i + 1,
                shown(e.get(i)),
                shown(a.get(i))
            )
        })
}

#[test]
fn a_difference_is_reported_at_its_line() {
    assert_eq!(first_difference("a\nb\n", "a\nb\n"), None);
    let d = first_difference("a\nb\nc", "a\nB\nc").unwrap();
    assert!(
        d.starts_with("line 2\n") && d.contains("\"b\"") && d.contains("\"B\""),
        "{d}"
    );
    let shorter = first_difference("a\nb", "a").unwrap();
    assert!(
        shorter.contains("line 2") && shorter.contains("(end of file)"),
        "{shorter}"
    );
}

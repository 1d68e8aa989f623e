//! The generated sample site is valid HTML (the Nu Html Checker), passes an
//! automated accessibility check (axe-core in headless Chromium: no serious
//! or critical violation, in light and in dark mode) and has no broken internal link or anchor
//! (issue 9).
//!
//! The checkers come from npm into `tests/a11y/node_modules`
//! (`cd tests/a11y && npm ci --ignore-scripts`, which `scripts/test` runs);
//! vnu.jar needs Java 17 or newer. A missing tool is a failure, not a skip.

use crate::browser;
use crate::site;

use serde_json::Value;
use site::*;
use std::path::{Path, PathBuf};
use std::process::Command;

fn tools() -> PathBuf {
    repo().join("tests/a11y/node_modules")
}

fn tool(rel: &str) -> PathBuf {
    let path = tools().join(rel);
    assert!(
        path.is_file(),
        "{} is missing: run `cd tests/a11y && npm ci --ignore-scripts` (scripts/test does)",
        path.display()
    );
    path
}

fn sample_site(dir: &Path) -> PathBuf {
    copy_sample(dir);
    build_ok(dir)
}

/// Every HTML page of `public`, relative, with its text; redirect pages
/// (which only send the reader on) left out.
fn pages(public: &Path) -> Vec<(String, String)> {
    files_with::<Vec<_>>(public, "html")
        .into_iter()
        .filter(|(_, html)| !html.contains("http-equiv=\"refresh\""))
        .collect()
}

#[test]
fn the_sample_site_is_valid_html() {
    let jar = tool("vnu-jar/build/dist/vnu.jar");
    let tmp = tempfile::tempdir().unwrap();
    let public = sample_site(tmp.path());
    let out = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--skip-non-html", "--format", "json"])
        .arg(&public)
        .output()
        .expect("run java (Java 17 or newer is needed for vnu.jar)");
    let report: Value = serde_json::from_slice(&out.stderr)
        .or_else(|_| serde_json::from_slice(&out.stdout))
        .unwrap_or_else(|e| {
            panic!(
                "vnu printed no JSON ({e}): {}",
                String::from_utf8_lossy(&out.stderr)
            )
        });
    let errors: Vec<String> = report["messages"]
        .as_array()
        .expect("vnu's messages")
        .iter()
        .filter(|m| m["type"] == "error" || m["subType"] == "fatal")
        .map(|m| {
            let file = m["url"]
                .as_str()
                .unwrap_or("")
                .rsplit_once("/public/")
                .map_or("", |(_, f)| f);
            format!(
                "{file}:{}: {}",
                m["lastLine"],
                m["message"].as_str().unwrap_or("")
            )
        })
        .collect();
    assert!(
        errors.is_empty(),
        "{} HTML errors:\n{}",
        errors.len(),
        errors.join("\n")
    );
    assert!(
        out.status.success(),
        "vnu failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A copy of `public` in `dir` whose pages load axe-core and the runner
/// (same-origin scripts, which the pages' Content-Security-Policy allows).
fn with_axe(public: &Path, dir: &Path) {
    copy_dir(public, dir);
    let axe = dir.join("__axe");
    std::fs::create_dir_all(&axe).unwrap();
    std::fs::copy(tool("axe-core/axe.min.js"), axe.join("axe.min.js")).unwrap();
    std::fs::copy(repo().join("tests/a11y/run-axe.js"), axe.join("run-axe.js")).unwrap();
    for (rel, html) in pages(dir) {
        let at = html
            .rfind("</body>")
            .unwrap_or_else(|| panic!("{rel} has no </body>"));
        let scripts = "<script src=\"/__axe/axe.min.js\"></script><script src=\"/__axe/run-axe.js\"></script>";
        std::fs::write(
            dir.join(&rel),
            format!("{}{scripts}{}", &html[..at], &html[at..]),
        )
        .unwrap();
    }
}

/// The serious and critical violations axe-core finds on one page.
fn axe_violations(server: &browser::Server, rel: &str, dark: bool) -> Vec<String> {
    let url = server.url(rel.strip_suffix("index.html").unwrap_or(rel));
    // Dark mode: the colour scheme the page's prefers-color-scheme sees.
    let flags: &[&str] = if dark {
        &[
            "--force-dark-mode",
            "--blink-settings=preferredColorScheme=0",
        ]
    } else {
        &[]
    };
    let dom = browser::dump_dom_with(&url, flags);
    let rel = &format!("{rel}{}", if dark { " (dark)" } else { "" });
    let result: Value = browser::printed_json(&dom, "#axe-result", rel);
    assert!(result["error"].is_null(), "{rel}: {}", result["error"]);
    result["violations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["impact"] == "serious" || v["impact"] == "critical")
        .map(|v| {
            format!(
                "{rel}: {} ({}): {} at {}",
                v["id"], v["impact"], v["help"], v["nodes"]
            )
        })
        .collect()
}

#[test]
fn the_sample_site_has_no_serious_accessibility_violation() {
    assert!(
        browser::chromium().is_some(),
        "Chromium is needed: scripts/test installs it"
    );
    let tmp = tempfile::tempdir().unwrap();
    let public = sample_site(tmp.path());
    let checked = tmp.path().join("checked");
    with_axe(&public, &checked);
    let pages = pages(&checked);
    assert!(pages.len() > 30, "only {} pages", pages.len());
    let server = browser::Server::serve(&checked);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let found = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    // Each page in light and in dark mode.
                    let Some((rel, _)) = pages.get(i / 2) else {
                        break;
                    };
                    let violations = axe_violations(&server, rel, i % 2 == 1);
                    found.lock().unwrap().extend(violations);
                }
            });
        }
    });
    let mut found = found.into_inner().unwrap();
    found.sort();
    assert!(
        found.is_empty(),
        "{} serious or critical violations:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_sample_site_has_no_broken_internal_link_or_anchor() {
    let tmp = tempfile::tempdir().unwrap();
    let public = sample_site(tmp.path());
    let broken = vanban::linkcheck::check_site(&public);
    assert!(broken.is_empty(), "broken links: {broken:#?}");
}

//! Reading on a phone and on paper (issue 17), in headless Chromium over a
//! generated archive: the first phone screen of a document page says where
//! it stands and what it is tied to; no document page lists a document
//! twice; an issuer's month and type links stay within the issuer; no page
//! scrolls sideways at 320 px; controls stand out at 3:1 in light and dark
//! modes; a printed document page is A4 and carries its permalink.
//!
//! Chromium and poppler-utils (pdfinfo, pdftotext) are installed by
//! scripts/test; a missing tool is a failure, not a skip.

use crate::browser;
use crate::site;

use serde_json::Value;
use site::*;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A phone's viewport (width, height), as the frame of tests/phone/at.html
/// (headless Chromium's own window is never narrower than 500 px).
const PHONE: (u32, u32) = (390, 844);
const NARROW: (u32, u32) = (320, 800);
const DARK: [&str; 2] = [
    "--force-dark-mode",
    "--blink-settings=preferredColorScheme=0",
];

/// A generated archive, built; and a copy of it whose pages load the probe.
fn archive(dir: &Path) -> (PathBuf, PathBuf) {
    let out = vanban(
        dir,
        &[
            "generate", "--count", "900", "--seed", "7", "--output", "content",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let public = build_ok(dir);
    let probed = dir.join("probed");
    copy_dir(&public, &probed);
    std::fs::create_dir_all(probed.join("__probe")).unwrap();
    for f in ["probe.js", "at.html", "at.js"] {
        std::fs::copy(
            repo().join("tests/phone").join(f),
            probed.join("__probe").join(f),
        )
        .unwrap();
    }
    for e in walkdir::WalkDir::new(&probed)
        .into_iter()
        .filter_map(Result::ok)
    {
        if e.path().extension().is_some_and(|x| x == "html")
            && !e.path().starts_with(probed.join("__probe"))
        {
            let html = read(e.path());
            if let Some(at) = html.rfind("</body>") {
                let tag = "<script src=\"/__probe/probe.js\"></script>";
                std::fs::write(e.path(), format!("{}{tag}{}", &html[..at], &html[at..])).unwrap();
            }
        }
    }
    (public, probed)
}

fn rel_dirs(public: &Path, under: &str) -> Vec<String> {
    let mut v: Vec<String> = walkdir::WalkDir::new(public.join(under))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name() == "index.html")
        .map(|e| {
            let rel = e.path().parent().unwrap().strip_prefix(public).unwrap();
            format!("{}/", rel.to_string_lossy())
        })
        .filter(|r| !read(&public.join(r).join("index.html")).contains("http-equiv=\"refresh\""))
        .collect();
    v.sort();
    v
}

/// Document pages: the most linked ones (longest lists) and a spread of others.
fn document_sample(public: &Path) -> Vec<String> {
    let mut docs: Vec<(usize, String)> = rel_dirs(public, "van-ban")
        .into_iter()
        .filter(|r| public.join(r).join("index.json").is_file())
        .map(|r| {
            (
                read(&public.join(&r).join("index.html"))
                    .matches("<li")
                    .count(),
                r,
            )
        })
        .collect();
    assert!(docs.len() > 500, "only {} document pages", docs.len());
    docs.sort();
    let mut pick: Vec<String> = docs.iter().rev().take(4).map(|d| d.1.clone()).collect();
    let step = docs.len() / 5;
    pick.extend((0..5).map(|k| docs[k * step].1.clone()));
    // One with footnotes, for their tap targets.
    if let Some(d) = docs
        .iter()
        .find(|d| read(&public.join(&d.1).join("index.html")).contains("footnote-reference"))
    {
        pick.push(d.1.clone());
    }
    pick.dedup();
    pick
}

/// The biggest issuer's folder (most pages).
fn biggest_issuer(public: &Path) -> String {
    let json: Value = serde_json::from_str(&read(&public.join("data/issuers.json"))).unwrap();
    let biggest = json["issuers"]
        .as_array()
        .unwrap()
        .iter()
        .max_by_key(|i| i["documents"].as_u64().unwrap())
        .unwrap()
        .clone();
    biggest["url"]
        .as_str()
        .unwrap()
        .trim_start_matches('/')
        .to_string()
}

/// A page of every kind.
fn every_kind(public: &Path) -> Vec<String> {
    let issuer = biggest_issuer(public);
    let first = |under: &str, depth: usize| -> String {
        rel_dirs(public, under)
            .into_iter()
            .find(|r| r.matches('/').count() == depth)
            .unwrap_or_else(|| panic!("no page under {under} at depth {depth}"))
    };
    let mut v = vec![
        String::new(),
        "co-quan/".into(),
        issuer.clone(),
        format!("{issuer}trang/2/"),
        first(&format!("{issuer}loai"), 4),
        first(&format!("{issuer}dong-thoi-gian"), 5),
        "loai/".into(),
        first("loai", 2),
        "chu-de/".into(),
        first("chu-de", 2),
        "nguoi-ky/".into(),
        first("nguoi-ky", 2),
        "dong-thoi-gian/".into(),
        first("dong-thoi-gian", 2),
        first("dong-thoi-gian", 3),
        "tim-kiem/".into(),
        "du-lieu/".into(),
        "404.html".into(),
    ];
    // A cited document outside the archive, and two document pages.
    let json: Value =
        serde_json::from_str(&read(&public.join("data/references.json"))).unwrap_or_default();
    if let Some(url) = json["references"]
        .as_array()
        .and_then(|r| r.first())
        .and_then(|r| r["url"].as_str())
    {
        v.push(url.trim_start_matches('/').to_string());
    }
    v.extend(document_sample(public).into_iter().take(2));
    // An issuer's second page only when it has one.
    v.retain(|r| {
        r.ends_with(".html") || r.is_empty() || public.join(r).join("index.html").is_file()
    });
    v
}

fn probe(server: &browser::Server, rel: &str, (w, h): (u32, u32), flags: &[&str]) -> Value {
    let url = server.url(&format!("__probe/at.html?w={w}&h={h}#/{rel}"));
    let dom = browser::dump_dom_with(&url, flags);
    browser::printed_json(&dom, "#probe", &format!("/{rel}"))
}

/// Probes `pages` two at a time; `check` returns what is wrong with one.
fn each(
    server: &browser::Server,
    pages: &[String],
    size: (u32, u32),
    flags: &[&str],
    check: impl Fn(&str, &Value) -> Vec<String> + Sync,
) -> Vec<String> {
    assert!(
        browser::chromium().is_some(),
        "Chromium is needed: scripts/test installs it"
    );
    let mut found =
        browser::two_at_a_time(pages, |rel| check(rel, &probe(server, rel, size, flags)));
    found.sort();
    found
}

#[test]
fn document_pages_open_on_a_phone_with_status_and_citations_and_list_each_document_once() {
    let tmp = tempfile::tempdir().unwrap();
    let (public, probed) = archive(tmp.path());
    let pages = document_sample(&public);
    let server = browser::Server::serve(&probed);
    let found = each(&server, &pages, PHONE, &[], |rel, v| {
        let mut bad = Vec::new();
        assert_eq!(
            v["viewport"][0], 390,
            "/{rel}: the frame is not 390 px wide"
        );
        let height = v["viewport"][1].as_f64().unwrap();
        match v["summary"].as_object() {
            None => bad.push(format!("/{rel}: no summary")),
            Some(s) => {
                let bottom = s["bottom"].as_f64().unwrap();
                if bottom > height {
                    bad.push(format!("/{rel}: the summary ends at {bottom} px, below the first screen ({height} px)"));
                }
                for key in ["status", "cites", "citedBy"] {
                    if s[key] != true {
                        bad.push(format!("/{rel}: the summary lacks {key}: {}", s["text"]));
                    }
                }
            }
        }
        let listed: Vec<&str> = v["listed"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap())
            .collect();
        let mut seen = std::collections::HashSet::new();
        for p in &listed {
            if !seen.insert(*p) {
                bad.push(format!("/{rel}: lists {p} twice"));
            }
        }
        for t in v["footnoteTargets"].as_array().unwrap() {
            let (w, h) = (t[0].as_f64().unwrap(), t[1].as_f64().unwrap());
            if w < 24.0 || h < 24.0 {
                bad.push(format!("/{rel}: a footnote link of {w}×{h} px"));
            }
        }
        bad
    });
    assert!(found.is_empty(), "{}", found.join("\n"));
    // The sample holds heavily cited pages, so the folding was exercised.
    let top = read(&public.join(&pages[0]).join("index.html"));
    assert!(
        top.contains("<details class=\"fold\""),
        "/{} folds nothing",
        pages[0]
    );
}

fn narrow_checks(rel: &str, v: &Value, issuer: &str) -> Vec<String> {
    let mut bad = Vec::new();
    assert_eq!(
        v["viewport"][0], 320,
        "/{rel}: the frame is not 320 px wide"
    );
    let sw = v["scrollWidth"].as_f64().unwrap();
    if sw > 320.0 {
        bad.push(format!("/{rel}: scrolls sideways ({sw} px wide at 320)"));
    }
    for c in v["controls"].as_array().unwrap() {
        let r = c["ratio"].as_f64().unwrap();
        if r < 3.0 {
            bad.push(format!("/{rel}: {} stands out at {r}:1 only", c["what"]));
        }
    }
    if rel.starts_with(issuer) {
        let months = v["monthLinks"].as_array().unwrap();
        let types = v["typeLinks"].as_array().unwrap();
        if months.is_empty() {
            bad.push(format!("/{rel}: no month headings"));
        }
        for p in months.iter().chain(types) {
            let p = p.as_str().unwrap();
            if !p.starts_with(&format!("/{issuer}")) {
                bad.push(format!("/{rel}: links {p}, outside the issuer"));
            }
        }
        if rel == issuer && types.is_empty() {
            bad.push(format!("/{rel}: no type counts"));
        }
    }
    bad
}

#[test]
fn no_page_scrolls_sideways_at_320_px_controls_stand_out_and_issuer_links_stay_within() {
    let tmp = tempfile::tempdir().unwrap();
    let (public, probed) = archive(tmp.path());
    let pages = every_kind(&public);
    let issuer = biggest_issuer(&public);
    let server = browser::Server::serve(&probed);
    let mut found = each(&server, &pages, NARROW, &[], |rel, v| {
        narrow_checks(rel, v, &issuer)
    });
    found.extend(
        each(&server, &pages, NARROW, &DARK, |rel, v| {
            narrow_checks(rel, v, &issuer)
        })
        .into_iter()
        .map(|f| format!("dark: {f}")),
    );
    assert!(found.is_empty(), "{}", found.join("\n"));
}

fn tool(name: &str) -> PathBuf {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
        .unwrap_or_else(|| panic!("{name} is needed (poppler-utils): scripts/test installs it"))
}

#[test]
fn a_printed_document_page_is_a4_and_carries_its_permalink_and_the_original_s_note() {
    let tmp = tempfile::tempdir().unwrap();
    let (public, _) = archive(tmp.path());
    let server = browser::Server::serve(&public);
    // In dark mode too: paper gets the light colours.
    let rel = document_sample(&public).remove(0);
    let pdf = tmp.path().join("page.pdf");
    let print = format!("--print-to-pdf={}", pdf.display());
    let flags: Vec<&str> = ["--no-pdf-header-footer", print.as_str()]
        .into_iter()
        .chain(DARK)
        .collect();
    let bin = browser::chromium().expect("Chromium is needed: scripts/test installs it");
    let profile = tempfile::tempdir().unwrap();
    let status = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-dev-shm-usage",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(&flags)
        .arg(server.url(&rel))
        .output()
        .expect("run Chromium");
    assert!(
        pdf.is_file(),
        "no PDF printed: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    let info = Command::new(tool("pdfinfo")).arg(&pdf).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout).into_owned();
    let size = info
        .lines()
        .find(|l| l.starts_with("Page size:"))
        .unwrap_or_else(|| panic!("pdfinfo: {info}"));
    let dims: Vec<f64> = size
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    assert!(
        (dims[0] - 595.0).abs() < 2.0 && (dims[1] - 842.0).abs() < 2.0,
        "not A4: {size}"
    );
    let text = Command::new(tool("pdftotext"))
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout).into_owned();
    let squeezed: String = text.split_whitespace().collect();
    // Built without a base URL, the permalink is the page's path.
    let permalink = format!("/{rel}");
    assert!(
        squeezed.contains(&permalink),
        "the print lacks {permalink}:\n{text}"
    );
    assert!(
        text.contains("giá trị pháp lý"),
        "the print does not say the original counts:\n{text}"
    );
    assert!(
        text.contains("Ngày in"),
        "the print has no date of printing:\n{text}"
    );
    // Web-only parts stay off paper.
    assert!(!text.contains("Sao chép"), "the cite box was printed");
    assert!(!text.contains("Tìm kiếm"), "the header was printed");
}

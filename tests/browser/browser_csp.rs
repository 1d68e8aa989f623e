//! Every page of a generated archive with aligned tables keeps to its own
//! Content-Security-Policy: headless Chromium loads them all (in frames of
//! a few driver pages, one browser run a batch) and the test fails on any
//! CSP violation or failed load it logs. A control page with a style
//! attribute proves the violations are seen.

use crate::browser;
use crate::site;

use site::*;
use std::path::Path;
use std::process::{Command, Stdio};

const ALIGNED: &str = "---\nnumber: 90/KH-UBND\ntype: Kế hoạch\ntitle: Phân bổ kinh phí phòng, chống thiên tai năm 2024\nissuer: UBND tỉnh Kiên Giang\ndate: 2024-03-05\nsigners:\n  - name: Nguyễn Văn A\n    position: Chủ tịch\n---\n\n| TT | Đơn vị | Kinh phí (triệu đồng) |\n|:--|:-:|--:|\n| 1 | Huyện Châu Thành | 1.200 |\n| 2 | Thành phố Rạch Giá | 950 |\n";

/// Chromium's console, as logged with `--enable-logging=stderr`, after
/// loading `url`; and the DOM.
fn console(url: &str) -> (String, String) {
    let bin = browser::chromium()
        .expect("Chromium is needed for the browser tests: run scripts/install-chromium.sh");
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=20000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(["--dump-dom", url])
        .stdin(Stdio::null())
        .output()
        .expect("start Chromium");
    (
        String::from_utf8_lossy(&out.stderr).into_owned(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn html_pages(public: &Path) -> Vec<String> {
    let mut pages: Vec<String> = walkdir::WalkDir::new(public)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            e.path()
                .strip_prefix(public)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    pages.sort();
    pages
}

/// Console lines that mean a page broke: a CSP violation or a failed load.
fn problems(log: &str) -> Vec<&str> {
    log.lines()
        .filter(|l| l.contains(":CONSOLE"))
        .filter(|l| {
            l.contains("Content Security Policy")
                || l.contains("Failed to load resource")
                || l.contains("Refused to")
        })
        .collect()
}

#[test]
fn every_page_of_a_generated_archive_keeps_to_its_content_security_policy() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    let out = vanban(
        tmp.path(),
        &[
            "generate", "--count", "40", "--seed", "3", "--output", "content",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    std::fs::write(content.join("bang-can-le.md"), ALIGNED).unwrap();
    let public = build_ok(tmp.path());

    let pages = html_pages(&public);
    let aligned = pages
        .iter()
        .filter(|p| read(&public.join(p)).contains("class=\"align-right\""))
        .count();
    // Generated documents carry aligned tables too, not only the added one.
    assert!(aligned >= 2, "{aligned} pages with aligned cells");
    for p in &pages {
        assert!(
            !read(&public.join(p)).contains(" style=\""),
            "{p} has a style attribute"
        );
    }
    assert!(
        std::fs::read(public.join("favicon.ico"))
            .unwrap()
            .starts_with(&[0, 0, 1, 0]),
        "/favicon.ico is not an icon"
    );

    // The control: the same policy, a style attribute.
    let control = read(&public.join("index.html")).replacen(
        "<main id=\"noi-dung\" class=\"wrap\">",
        "<main id=\"noi-dung\" class=\"wrap\"><p style=\"color: red\">x</p>",
        1,
    );
    assert!(control.contains("style=\"color"));
    std::fs::write(public.join("__control.html"), control).unwrap();

    let server = browser::Server::serve(&public);
    let mut all: Vec<String> = vec!["__control.html".into()];
    all.extend(pages.iter().cloned());
    let mut found = Vec::new();
    let mut control_seen = false;
    for (k, batch) in all.chunks(60).enumerate() {
        let frames: String = batch
            .iter()
            .map(|p| format!("<iframe src=\"/{p}\"></iframe>\n"))
            .collect();
        let driver = format!(
            "<!DOCTYPE html><html><head><title>driver</title></head><body>\n{frames}<script>\nwindow.addEventListener('load', function () {{\n  var n = 0;\n  document.querySelectorAll('iframe').forEach(function (f) {{ if (f.contentDocument && f.contentDocument.title) n++; }});\n  var p = document.createElement('p'); p.id = 'loaded'; p.textContent = 'loaded ' + n; document.body.appendChild(p);\n}});\n</script></body></html>"
        );
        let name = format!("__driver-{k}.html");
        std::fs::write(public.join(&name), driver).unwrap();
        let (log, dom) = console(&server.url(&name));
        assert!(
            dom.contains(&format!("loaded {}", batch.len())),
            "batch {k}: not every page loaded: {}",
            dom.lines().last().unwrap_or("")
        );
        for line in problems(&log) {
            if line.contains("__control.html") && line.contains("Content Security Policy") {
                control_seen = true;
            } else {
                found.push(line.to_string());
            }
        }
    }
    assert!(control_seen, "the control page's violation was not seen");
    assert!(
        found.is_empty(),
        "{} problems:\n{}",
        found.len(),
        found.join("\n")
    );
}

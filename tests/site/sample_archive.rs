//! The sample archive a newcomer builds first (`content/`): the seven seeds
//! and the real directives of `tests/real-corpus/`, imported and fixed by
//! hand (`scripts/sample-archive`, record in `docs/sample-archive.md`).
//! Built as the README's first command builds it, it must hold every
//! document, pass `check` without an error, and show the real chains of
//! orders its documents make.

use crate::site;

use serde_json::Value;
use site::*;
use std::fs;
use vanban::search::client::{Client, Request, from_dir};

fn documents_in_content() -> usize {
    walkdir::WalkDir::new(repo().join("content"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name().to_string_lossy();
            name.ends_with(".md") && !name.starts_with('_')
        })
        .count()
}

#[test]
fn the_sample_archive_builds_whole_and_checks_clean() {
    let tmp = tempfile::tempdir().unwrap();
    let content = repo().join("content");
    let public = tmp.path().join("public");
    let out = vanban(
        tmp.path(),
        &[
            "build",
            "--content",
            content.to_str().unwrap(),
            "--output",
            public.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));

    let count = documents_in_content();
    assert!(
        count > 200,
        "the sample archive holds the real corpus: {count}"
    );
    let data: Value =
        serde_json::from_str(&fs::read_to_string(public.join("data/documents.json")).unwrap())
            .unwrap();
    let docs = data["documents"].as_array().unwrap();
    assert_eq!(docs.len(), count, "every file of content/ is a document");
    let home = fs::read_to_string(public.join("index.html")).unwrap();
    assert!(home.contains(&format!("Kho có <strong>{count}</strong> văn bản")));

    // Issuers from the Government down to provincial departments.
    let issuers: std::collections::BTreeSet<&str> =
        docs.iter().filter_map(|d| d["issuer"].as_str()).collect();
    for issuer in [
        "Thủ tướng Chính phủ",
        "Bộ Tài chính",
        "Sở Công thương tỉnh Lào Cai",
    ] {
        assert!(issuers.contains(issuer), "{issuer} missing");
    }
    assert!(issuers.len() > 60, "{} issuers", issuers.len());

    // One body, one issuer page, whatever the spelling: 7 documents print
    // "UBND tỉnh Lào Cai" and 2 "Ủy ban nhân dân tỉnh Lào Cai".
    let spelled = |name: &str| docs.iter().filter(|d| d["issuer"] == name).count();
    let both = spelled("UBND tỉnh Lào Cai") + spelled("Ủy ban nhân dân tỉnh Lào Cai");
    assert!(spelled("Ủy ban nhân dân tỉnh Lào Cai") > 0 && both > 2);
    let issuer_page =
        fs::read_to_string(public.join("co-quan/ubnd-tinh-lao-cai/index.html")).unwrap();
    assert!(
        issuer_page.contains(&format!("<p class=\"stats\">{both} văn bản</p>")),
        "the page counts both spellings' documents"
    );
    assert!(!public.join("co-quan/uy-ban-nhan-dan-tinh-lao-cai").exists());

    // Real chains of orders: a province's decision on the Government's
    // decision and the ministry's circular guiding it; a department's plan
    // and notice implementing its decision.
    let page = |url: &str| {
        fs::read_to_string(public.join(url.trim_matches('/')).join("index.html")).unwrap()
    };
    let province = page("/van-ban/2014/3210-qd-ubnd/");
    assert!(province.contains("href=\"../../../van-ban/2013/22-2013-qd-ttg/"));
    assert!(province.contains("href=\"../../../van-ban/2013/98-2013-tt-btc/"));
    let decision = page("/van-ban/2026/1050-qd-sct/");
    for citing in ["1105/KH-ĐKT", "1894/TB-SCT"] {
        assert!(
            decision.contains(citing),
            "{citing} not shown as citing 1050/QĐ-SCT"
        );
    }

    // A cited document outside the archive shows the trích yếu its citing
    // sentence gives, never the next cited document's: Thông tư
    // 112/2025/TT-BTC cites "Quyết định số 66/2013/QĐ-TTg … quy định chính
    // sách hỗ trợ chi phí học tập …, Nghị định số 116/2020/NĐ-CP … quy định
    // về chính sách hỗ trợ đóng học phí …".
    let subject = |url: &str| {
        let p = page(url);
        p.split_once("<dt>Trích yếu</dt><dd>")
            .map(|(_, rest)| rest.split("</dd>").next().unwrap().trim().to_string())
    };
    assert_eq!(subject("/van-ban/2013/66-2013-qd-ttg/"), None);
    assert!(
        subject("/van-ban/2020/116-2020-nd-cp/")
            .is_some_and(|s| s.starts_with("về chính sách hỗ trợ đóng học phí")),
        "{:?}",
        subject("/van-ban/2020/116-2020-nd-cp/")
    );
    // Every inferred trích yếu starts at the word "về" ("bảo vệ" is not it).
    let mut inferred = 0;
    for entry in walkdir::WalkDir::new(public.join("van-ban")) {
        let entry = entry.unwrap();
        if entry.file_name() != "index.html" {
            continue;
        }
        let html = fs::read_to_string(entry.path()).unwrap();
        if !html.contains("được suy ra") {
            continue;
        }
        if let Some((_, rest)) = html.split_once("<dt>Trích yếu</dt><dd>") {
            inferred += 1;
            let s = rest.split("</dd>").next().unwrap().trim();
            assert!(
                s.starts_with("về ") || s.starts_with("Về "),
                "{}: {s}",
                entry.path().display()
            );
        }
    }
    assert!(inferred > 100, "{inferred} inferred trích yếu");

    // Search through the site's own index: a real number typed loosely, a
    // real trích yếu typed without marks.
    let mut client = Client::new(from_dir(&public));
    let mut first = |q: &str| {
        let req = Request {
            query: q.into(),
            limit: 10,
            ..Request::default()
        };
        let hits = client.search(&req).unwrap().hits;
        hits.first().map(|h| h.meta.number.clone())
    };
    assert_eq!(first("1050 qd sct").as_deref(), Some("1050/QĐ-SCT"));
    assert_eq!(first("22 2013 qd ttg").as_deref(), Some("22/2013/QĐ-TTg"));
    let title = docs
        .iter()
        .find(|d| d["number"] == "98/2013/TT-BTC")
        .and_then(|d| d["title"].as_str())
        .unwrap();
    let unmarked: String = vanban::text::fold(title)
        .split_whitespace()
        .take(8)
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(
        first(&unmarked).as_deref(),
        Some("98/2013/TT-BTC"),
        "{unmarked}"
    );

    let check = vanban(
        tmp.path(),
        &["check", "--content", content.to_str().unwrap()],
    );
    assert!(check.status.success(), "{}", stderr(&check));
    assert!(
        stderr(&check).contains(&format!("{count} văn bản: 0 lỗi")),
        "{}",
        stderr(&check)
    );
}

#[test]
fn the_import_then_fix_record_matches_the_archive() {
    let record = fs::read_to_string(repo().join("docs/sample-archive.md")).unwrap();
    let real = documents_in_content() - 7;
    assert!(
        record.contains(&format!("{real} documents; fields a person had to fix")),
        "docs/sample-archive.md is stale: run scripts/sample-archive"
    );
    for field in [
        "number", "type", "title", "issuer", "date", "place", "signers",
    ] {
        assert!(record.contains(&format!("| {field} |")), "{field} missing");
    }
}

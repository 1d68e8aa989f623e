//! Ways in over a generated archive: pagination, counts, page sizes; and
//! the sample archive's issuer pages and timeline.

use crate::site;

use scraper::{Html, Selector};
use site::*;
use std::path::Path;

fn doc_links(html: &str) -> usize {
    let page = Html::parse_document(html);
    page.select(&Selector::parse("ul.doc-list > li").unwrap())
        .count()
}

fn list_pages(public: &Path, prefix: &str) -> Vec<std::path::PathBuf> {
    walkdir::WalkDir::new(public.join(prefix))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name() == "index.html")
        .map(|e| e.into_path())
        .collect()
}

#[test]
fn a_generated_archive_is_paginated_and_counted_right() {
    let tmp = tempfile::tempdir().unwrap();
    let generated = vanban(
        tmp.path(),
        &[
            "generate", "--count", "2000", "--seed", "7", "--output", "content",
        ],
    );
    assert!(generated.status.success(), "{}", stderr(&generated));
    std::fs::write(tmp.path().join("vanban.toml"), "page_size = 40\n").unwrap();
    let public = build_ok(tmp.path());
    let json: serde_json::Value =
        serde_json::from_str(&read(&public.join("data/documents.json"))).unwrap();
    let docs = json["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2000);

    // No list page holds more than the page size, and the pages of a list
    // together hold each of its documents once.
    for prefix in ["co-quan", "loai", "chu-de", "nguoi-ky", "dong-thoi-gian"] {
        for page in list_pages(&public, prefix) {
            let n = doc_links(&read(&page));
            assert!(n <= 40, "{} lists {n} documents", page.display());
        }
    }
    let issuers: serde_json::Value =
        serde_json::from_str(&read(&public.join("data/issuers.json"))).unwrap();
    let issuers = issuers["issuers"].as_array().unwrap();
    assert!(issuers.len() > 100, "only {} issuers", issuers.len());
    let total: u64 = issuers
        .iter()
        .map(|i| i["documents"].as_u64().unwrap())
        .sum();
    assert_eq!(total, 2000);
    let biggest = issuers
        .iter()
        .max_by_key(|i| i["documents"].as_u64().unwrap())
        .unwrap();
    let count = biggest["documents"].as_u64().unwrap() as usize;
    let base = biggest["url"].as_str().unwrap().trim_start_matches('/');
    let expected_pages = count.div_ceil(40);
    let mut seen = 0;
    for k in 1..=expected_pages {
        let path = if k == 1 {
            format!("{base}index.html")
        } else {
            format!("{base}trang/{k}/index.html")
        };
        seen += doc_links(&read(&public.join(&path)));
    }
    assert_eq!(seen, count, "pages of {base} hold every document once");
    assert!(
        !public
            .join(format!("{base}trang/{}/index.html", expected_pages + 1))
            .exists()
    );
    // Each document's issuer_url points at its issuer's page.
    for d in docs.iter().take(50) {
        let url = d["issuer_url"].as_str().unwrap().trim_start_matches('/');
        assert!(public.join(url).join("index.html").is_file());
    }
    // Counts shown on the home page match the data.
    let home = read(&public.join("index.html"));
    assert!(home.contains("Kho có <strong>2.000</strong> văn bản"));
    assert!(vanban::linkcheck::check_site(&public).is_empty());
}

#[test]
fn the_sample_has_its_issuer_pages_and_timeline() {
    let tmp = tempfile::tempdir().unwrap();
    copy_sample(tmp.path());
    let public = build_ok(tmp.path());
    let tu = read(&public.join("co-quan/tinh-uy-kien-giang/index.html"));
    for n in ["143-CV/TU", "176-CV/TU", "374-TB/TU"] {
        assert!(tu.contains(n), "{n}");
    }
    assert!(!tu.contains("453-CV/TU"));
    assert!(
        public
            .join("co-quan/tinh-uy-quang-ngai/index.html")
            .is_file()
    );
    let vp = read(&public.join("co-quan/van-phong-ubnd-tinh-kien-giang/index.html"));
    assert!(
        vp.contains("Cơ quan cấp trên")
            && vp.contains("href=\"../../co-quan/ubnd-tinh-kien-giang/\"")
    );
    let ubnd = read(&public.join("co-quan/ubnd-tinh-kien-giang/index.html"));
    assert!(ubnd.contains("Cơ quan trực thuộc") && ubnd.contains("Văn phòng UBND tỉnh Kiên Giang"));
    let index = read(&public.join("co-quan/index.html"));
    assert!(index.contains("<h2>Kiên Giang</h2>") && index.contains("<h2>Quảng Ngãi</h2>"));

    let timeline = read(&public.join("dong-thoi-gian/index.html"));
    let months: Vec<&str> = ["Tháng 4 năm 2021", "Tháng 6 năm 2021", "Tháng 9 năm 2021"].to_vec();
    for m in &months {
        assert!(timeline.contains(m), "{m}");
    }
    assert!(!timeline.contains("Tháng 3 năm 2021") && !timeline.contains("Tháng 10 năm 2021"));
    assert!(timeline.contains("<svg"), "density strip");
    assert!(timeline.contains("tháng 4 năm 2021 – tháng 9 năm 2021"));
    let sept = read(&public.join("dong-thoi-gian/2021/09/index.html"));
    for n in ["374-TB/TU", "6777/VP-KGVX", "1507/UBND-TH"] {
        assert!(sept.contains(n), "{n}");
    }
    // Previous and next document of the same issuer.
    let doc = read(&public.join("van-ban/2021/176-cv-tu/index.html"));
    assert!(
        doc.contains("Văn bản trước của cơ quan: <a href=\"../../../van-ban/2021/143-cv-tu/\">")
    );
    assert!(doc.contains("Văn bản sau của cơ quan: <a href=\"../../../van-ban/2021/374-tb-tu/\">"));
    // Signer pages with positions.
    let signer = read(&public.join("nguoi-ky/mai-van-huynh/index.html"));
    assert!(signer.contains("Phó Bí thư Thường trực, Tỉnh ủy Kiên Giang"));
}

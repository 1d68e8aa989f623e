//! Linkable, quotable, shareable: feeds, JSON, JSON-LD, HTML5, sitemap,
//! aliases, anchors and the citation box.

use crate::site;

use scraper::{Html, Selector};
use site::*;
use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == ext))
        .map(|e| e.into_path())
        .collect()
}

fn sample() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    copy_sample(tmp.path());
    let out = vanban(
        tmp.path(),
        &["build", "--base-url", "https://vanban.example.org/kho/"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let public = tmp.path().join("public");
    (tmp, public)
}

#[test]
fn every_feed_parses_newest_first_with_full_metadata() {
    let (_tmp, public) = sample();
    let feeds = files(&public, "xml")
        .into_iter()
        .filter(|p| p.file_name().unwrap() == "feed.xml")
        .collect::<Vec<_>>();
    // The archive, 4 issuers, 2 types.
    assert_eq!(feeds.len(), 7, "{feeds:?}");
    for f in &feeds {
        let feed = feed_rs::parser::parse(std::fs::File::open(f).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        assert!(!feed.entries.is_empty(), "{}", f.display());
        let dates: Vec<_> = feed.entries.iter().map(|e| e.updated.unwrap()).collect();
        assert!(
            dates.windows(2).all(|w| w[0] >= w[1]),
            "{}: not newest first",
            f.display()
        );
        for e in &feed.entries {
            assert!(
                e.links[0]
                    .href
                    .starts_with("https://vanban.example.org/kho/van-ban/")
            );
            assert!(!e.authors.is_empty() && !e.categories.is_empty());
            assert!(e.summary.as_ref().unwrap().content.contains(" số "));
        }
    }
    let main =
        feed_rs::parser::parse(std::fs::File::open(public.join("feed.xml")).unwrap()).unwrap();
    assert_eq!(main.entries.len(), 7);
    assert!(
        main.entries[0]
            .title
            .as_ref()
            .unwrap()
            .content
            .contains("1507/UBND-TH")
    );
    let home = read(&public.join("index.html"));
    assert!(home.contains("rel=\"alternate\" type=\"application/atom+xml\""));
}

#[test]
fn every_json_file_and_json_ld_block_parses() {
    let (_tmp, public) = sample();
    let json_files = files(&public, "json");
    assert!(json_files.len() >= 7 + 3);
    for f in &json_files {
        let v: serde_json::Value =
            serde_json::from_str(&read(f)).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        // The search index's issuer facet is a list of [name, count];
        // everything else is a record.
        if f.ends_with("search/f/issuer.json") {
            let pair = |p: &serde_json::Value| p[0].is_string() && p[1].is_u64();
            assert!(
                v.as_array()
                    .is_some_and(|a| !a.is_empty() && a.iter().all(pair))
            );
        } else {
            assert!(v.is_object(), "{}", f.display());
        }
    }
    let script = Selector::parse("script[type=\"application/ld+json\"]").unwrap();
    let mut blocks = 0;
    for page in files(&public, "html") {
        let html = Html::parse_document(&read(&page));
        for s in html.select(&script) {
            let v: serde_json::Value = serde_json::from_str(&s.inner_html())
                .unwrap_or_else(|e| panic!("{}: {e}", page.display()));
            assert_eq!(v["@type"], "Legislation");
            for key in [
                "legislationIdentifier",
                "legislationType",
                "legislationDate",
                "legislationPassedBy",
                "legislationJurisdiction",
                "inLanguage",
                "citation",
            ] {
                assert!(!v[key].is_null(), "{}: {key}", page.display());
            }
            blocks += 1;
        }
    }
    assert_eq!(blocks, 7);
    let doc: serde_json::Value =
        serde_json::from_str(&read(&public.join("van-ban/2021/435-vp-kgvx/index.json"))).unwrap();
    assert_eq!(doc["number"], "435/VP-KGVX");
    assert_eq!(doc["references"][0]["number"], "176-CV/TU");
    let md = read(&public.join("van-ban/2021/435-vp-kgvx/index.md"));
    assert!(md.starts_with("---\nnumber: 435/VP-KGVX"));
}

#[test]
fn every_page_is_valid_html5_with_head_metadata() {
    let (_tmp, public) = sample();
    for page in files(&public, "html") {
        let text = read(&page);
        let html = Html::parse_document(&text);
        assert!(
            html.errors.is_empty(),
            "{}: {:?}",
            page.display(),
            html.errors
        );
    }
    let page = read(&public.join("van-ban/2021/176-cv-tu/index.html"));
    for needle in [
        "<link rel=\"canonical\" href=\"https://vanban.example.org/kho/van-ban/2021/176-cv-tu/\">",
        "property=\"og:title\"",
        "property=\"og:description\" content=\"Tăng cường công tác phòng, chống dịch bệnh Covid-19",
        "property=\"og:site_name\"",
        "name=\"twitter:card\"",
        "<link rel=\"alternate\" type=\"application/json\" href=\"index.json\"",
        "<link rel=\"alternate\" type=\"text/markdown\" href=\"index.md\"",
    ] {
        assert!(page.contains(needle), "{needle}");
    }
}

#[test]
fn the_sitemap_lists_every_page_once() {
    let (_tmp, public) = sample();
    let sitemap = read(&public.join("sitemap.xml"));
    let locs: Vec<&str> = sitemap
        .split("<loc>")
        .skip(1)
        .map(|s| s.split("</loc>").next().unwrap())
        .collect();
    let unique: BTreeSet<&str> = locs.iter().copied().collect();
    assert_eq!(unique.len(), locs.len(), "a page listed twice");
    let pages: BTreeSet<String> = files(&public, "html")
        .iter()
        .map(|p| {
            p.strip_prefix(&public)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|p| p != "404.html")
        .map(|p| {
            format!(
                "https://vanban.example.org/kho/{}",
                p.trim_end_matches("index.html")
            )
        })
        .collect();
    let listed: BTreeSet<String> = unique.iter().map(|s| s.to_string()).collect();
    assert_eq!(listed, pages);
    assert!(
        read(&public.join("robots.txt"))
            .contains("Sitemap: https://vanban.example.org/kho/sitemap.xml")
    );
}

#[test]
fn aliases_redirect_to_the_document() {
    let tmp = tempfile::tempdir().unwrap();
    let content = copy_sample(tmp.path());
    let file = content.join("tinh-uy-kien-giang/2021-09-01-374-tb-tu.md");
    let text = read(&file).replacen(
        "---\n",
        "---\naliases: [/cu/374-tb-tu.html, /van-ban/374/]\n",
        1,
    );
    std::fs::write(&file, text).unwrap();
    let public = build_ok(tmp.path());
    for (alias, back) in [
        ("cu/374-tb-tu.html", "../"),
        ("van-ban/374/index.html", "../../"),
    ] {
        let page = read(&public.join(alias));
        assert!(
            page.contains(&format!("content=\"0; url={back}van-ban/2021/374-tb-tu/\"")),
            "{alias}: {page}"
        );
        // Built without a base URL: no canonical link (it must be absolute),
        // the new address shown as the page's path.
        assert!(!page.contains("rel=\"canonical\""), "{alias}: {page}");
        assert!(
            page.contains(">/van-ban/2021/374-tb-tu/</a>"),
            "{alias}: {page}"
        );
    }
    assert!(vanban::linkcheck::check_site(&public).is_empty());
}

#[test]
fn numbered_points_have_unique_stable_anchors() {
    let (_tmp, public) = sample();
    let page = read(&public.join("van-ban/2021/374-tb-tu/index.html"));
    let html = Html::parse_document(&page);
    let ids: Vec<String> = html
        .select(&Selector::parse("[id]").unwrap())
        .map(|e| e.value().id().unwrap().to_string())
        .collect();
    let unique: HashSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate ids");
    for id in ["muc-1", "muc-2", "muc-1-doan-1", "muc-2-doan-1", "doan-1"] {
        assert!(ids.iter().any(|i| i == id), "#{id} missing");
    }
    let point2 = html
        .select(&Selector::parse("#muc-2").unwrap())
        .next()
        .unwrap();
    assert!(
        point2
            .text()
            .collect::<String>()
            .contains("Trước tình hình trên")
    );
    assert!(
        page.contains("href=\"#muc-2\""),
        "a visible link to the point"
    );
}

#[test]
fn each_sample_document_has_the_right_citation_text() {
    let (_tmp, public) = sample();
    let expected = [
        (
            "143-cv-tu",
            "Công văn số 143-CV/TU ngày 29/04/2021 của Tỉnh ủy Kiên Giang về việc tiếp tục tăng cường công tác phòng, chống dịch bệnh Covid-19",
        ),
        (
            "176-cv-tu",
            "Công văn số 176-CV/TU ngày 15/06/2021 của Tỉnh ủy Kiên Giang về việc tăng cường công tác phòng, chống dịch bệnh Covid-19 và phát triển kinh tế-xã hội",
        ),
        (
            "453-cv-tu",
            "Công văn số 453-CV/TU ngày 16/06/2021 của Tỉnh ủy Quảng Ngãi về việc triển khai thực hiện Kết luận của Bộ Chính trị về phòng, chống dịch Covid-19",
        ),
        (
            "435-vp-kgvx",
            "Công văn số 435/VP-KGVX ngày 21/06/2021 của Văn phòng UBND tỉnh Kiên Giang về việc chỉ đạo thực hiện Công văn số 176-CV/TU ngày 15/6/2021 của Tỉnh ủy",
        ),
        (
            "374-tb-tu",
            "Thông báo số 374-TB/TU ngày 01/09/2021 của Tỉnh ủy Kiên Giang về việc kết luận của Ban Thường vụ Tỉnh ủy về công tác phòng, chống dịch bệnh Covid-19 trên địa bàn tỉnh",
        ),
        (
            "6777-vp-kgvx",
            "Công văn số 6777/VP-KGVX ngày 06/09/2021 của Văn phòng UBND tỉnh Kiên Giang về việc tổ chức triển khai thực hiện kết luận của Ban Thường vụ Tỉnh ủy về công tác phòng, chống dịch bệnh Covid-19 trên địa bàn tỉnh",
        ),
        (
            "1507-ubnd-th",
            "Công văn số 1507/UBND-TH ngày 11/09/2021 của UBND tỉnh Kiên Giang về việc triển khai thực hiện Nghị quyết phiên họp Chính phủ thường kỳ tháng 08 năm 2021",
        ),
    ];
    let sel = Selector::parse("#trich-dan-text").unwrap();
    for (slug, text) in expected {
        let page = Html::parse_document(&read(
            &public.join(format!("van-ban/2021/{slug}/index.html")),
        ));
        let cite = page.select(&sel).next().unwrap().text().collect::<String>();
        assert_eq!(
            cite,
            format!(
                "{text}. Đường dẫn cố định: https://vanban.example.org/kho/van-ban/2021/{slug}/"
            ),
        );
    }
}

#[test]
fn an_address_that_disappears_is_reported_and_an_alias_keeps_it() {
    let tmp = tempfile::tempdir().unwrap();
    let content = copy_sample(tmp.path());
    build_ok(tmp.path());
    // The number of 1507/UBND-TH was mistyped and is corrected: its address moves.
    let file = content.join("ubnd-tinh-kien-giang/2021-09-11-1507-ubnd-th.md");
    let text = read(&file).replace("number: 1507/UBND-TH", "number: 1508/UBND-TH");
    std::fs::write(&file, &text).unwrap();
    let out = vanban(tmp.path(), &["build"]);
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("/van-ban/2021/1507-ubnd-th/ của lần dựng trước không còn"),
        "{}",
        stderr(&out)
    );
    // With the old address as an alias, nothing is lost and nothing is said.
    std::fs::write(
        &file,
        text.replacen("---\n", "---\naliases: [/van-ban/2021/1507-ubnd-th/]\n", 1),
    )
    .unwrap();
    let out = vanban(tmp.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("không còn"), "{}", stderr(&out));
    let redirect = read(
        &tmp.path()
            .join("public/van-ban/2021/1507-ubnd-th/index.html"),
    );
    assert!(redirect.contains("url=../../../van-ban/2021/1508-ubnd-th/"));
}

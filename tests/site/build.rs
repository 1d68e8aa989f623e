//! `vanban build` on the sample archive: pages, links, data, errors that
//! leave the previous site untouched, escaping and determinism.

use crate::site;

use site::*;
use std::path::Path;

fn sample_site() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    copy_sample(tmp.path());
    let public = build_ok(tmp.path());
    (tmp, public)
}

const SEVEN: [(&str, &str, &str, &str, &str); 7] = [
    (
        "143-CV/TU",
        "Công văn",
        "Tỉnh ủy Kiên Giang",
        "2021-04-29",
        "/van-ban/2021/143-cv-tu/",
    ),
    (
        "176-CV/TU",
        "Công văn",
        "Tỉnh ủy Kiên Giang",
        "2021-06-15",
        "/van-ban/2021/176-cv-tu/",
    ),
    (
        "453-CV/TU",
        "Công văn",
        "Tỉnh ủy Quảng Ngãi",
        "2021-06-16",
        "/van-ban/2021/453-cv-tu/",
    ),
    (
        "435/VP-KGVX",
        "Công văn",
        "Văn phòng UBND tỉnh Kiên Giang",
        "2021-06-21",
        "/van-ban/2021/435-vp-kgvx/",
    ),
    (
        "374-TB/TU",
        "Thông báo",
        "Tỉnh ủy Kiên Giang",
        "2021-09-01",
        "/van-ban/2021/374-tb-tu/",
    ),
    (
        "6777/VP-KGVX",
        "Công văn",
        "Văn phòng UBND tỉnh Kiên Giang",
        "2021-09-06",
        "/van-ban/2021/6777-vp-kgvx/",
    ),
    (
        "1507/UBND-TH",
        "Công văn",
        "UBND tỉnh Kiên Giang",
        "2021-09-11",
        "/van-ban/2021/1507-ubnd-th/",
    ),
];

#[test]
fn documents_json_lists_all_seven_with_their_metadata_in_date_order() {
    let (_tmp, public) = sample_site();
    let json: serde_json::Value =
        serde_json::from_str(&read(&public.join("data/documents.json"))).unwrap();
    let docs = json["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 7);
    for (doc, (number, ty, issuer, date, url)) in docs.iter().zip(SEVEN) {
        assert_eq!(doc["number"], number);
        assert_eq!(doc["type"], ty);
        assert_eq!(doc["issuer"], issuer);
        assert_eq!(doc["date"], date);
        assert_eq!(doc["url"], url);
        assert!(!doc["title"].as_str().unwrap().is_empty());
        let page = public.join(url.trim_start_matches('/')).join("index.html");
        assert!(page.is_file(), "{url} has no page");
    }
    assert_eq!(
        docs[6]["title"],
        "Triển khai thực hiện Nghị quyết phiên họp Chính phủ thường kỳ tháng 08 năm 2021"
    );
}

#[test]
fn a_document_page_shows_its_metadata_and_body() {
    let (_tmp, public) = sample_site();
    let html = read(&public.join("van-ban/2021/1507-ubnd-th/index.html"));
    for label in [
        "Số ký hiệu",
        "Loại văn bản",
        "Trích yếu",
        "Cơ quan ban hành",
        "Ngày ban hành",
        "Nơi ban hành",
        "Người ký",
        "Kính gửi",
        "Nơi nhận",
        "Chủ đề",
    ] {
        assert!(html.contains(label), "label {label} missing");
    }
    assert!(html.contains("1507/UBND-TH"));
    assert!(html.contains("Nguyễn Đức Chín"));
    assert!(html.contains("Phó Chủ tịch"));
    assert!(html.contains("KT. Chủ tịch"));
    assert!(html.contains("<time datetime=\"2021-09-11\">11/09/2021</time>"));
    assert!(html.contains("Kiên Giang, ngày 11 tháng 9 năm 2021"));
    assert!(html.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    // Footnotes are rendered as footnotes, with their text.
    assert!(html.contains("class=\"footnote-definition\""));
    assert!(html.contains("ngày 18/7/2021 về thực hiện hỗ trợ người lao động"));
    // The signature block is not repeated in the body.
    assert_eq!(
        html.matches("Nguyễn Đức Chín").count(),
        2,
        "name in the signature and metadata only"
    );

    let party = read(&public.join("van-ban/2021/143-cv-tu/index.html"));
    assert!(party.contains("ĐẢNG CỘNG SẢN VIỆT NAM"));
    assert!(
        party.contains("(Đã ký)"),
        "a signer without a name is shown as signed"
    );
}

#[test]
fn home_page_and_ways_in_exist() {
    let (_tmp, public) = sample_site();
    let home = read(&public.join("index.html"));
    assert!(home.contains("Kho có <strong>7</strong> văn bản"));
    for path in [
        "co-quan/tinh-uy-kien-giang/",
        "loai/thong-bao/",
        "chu-de/covid-19/",
        "dong-thoi-gian/2021/",
    ] {
        assert!(public.join(path).join("index.html").is_file(), "{path}");
    }
}

#[test]
fn every_internal_link_and_anchor_resolves() {
    let (_tmp, public) = sample_site();
    let broken = vanban::linkcheck::check_site(&public);
    assert!(broken.is_empty(), "broken links: {broken:#?}");
    let pages = walkdir::WalkDir::new(&public)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .count();
    assert!(pages > 20, "only {pages} pages");
}

#[test]
fn the_same_content_builds_byte_identical_output() {
    let tmp = tempfile::tempdir().unwrap();
    copy_sample(tmp.path());
    let a = vanban(tmp.path(), &["build", "--output", "a"]);
    let b = vanban(tmp.path(), &["build", "--output", "b"]);
    assert!(a.status.success() && b.status.success());
    let (a, b) = (
        snapshot(&tmp.path().join("a")),
        snapshot(&tmp.path().join("b")),
    );
    assert!(!a.is_empty());
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (k, v) in &a {
        assert!(v == &b[k], "{k} differs between builds");
    }
}

#[test]
fn hostile_title_and_body_are_escaped() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    std::fs::create_dir_all(&content).unwrap();
    std::fs::write(
        content.join("x.md"),
        "---\nnumber: 1/CV-X\ntype: Công văn\ntitle: \"<script>alert('title')</script>\"\nissuer: \"Sở <b>X</b>\"\ndate: 2021-01-02\nrecipients: ['<img src=x onerror=alert(1)>']\n---\n\nText <script>alert('body')</script> and <img src=x onerror=alert(2)>.\n\n[click](javascript:alert(3)) ![i](javascript:alert(4))\n",
    )
    .unwrap();
    let public = build_ok(tmp.path());
    let html = read(&public.join("van-ban/2021/1-cv-x/index.html"));
    assert!(!html.contains("<script>alert"), "script passed through");
    assert!(!html.contains("<img src=x"), "raw img passed through");
    assert!(!html.contains("<b>X</b>"));
    assert!(!html.to_ascii_lowercase().contains("javascript:"));
    assert!(
        html.contains("&lt;script&gt;alert(&#x27;title&#x27;)&lt;&#x2F;script&gt;")
            || html.contains("&lt;script&gt;")
    );
    assert!(html.contains("&lt;img src=x onerror=alert(2)&gt;"));
    for page in [
        "index.html",
        "co-quan/index.html",
        "loai/cong-van/index.html",
    ] {
        let p = read(&public.join(page));
        assert!(
            !p.contains("<script>alert") && !p.contains("<b>X</b>"),
            "{page}"
        );
    }
}

fn bad_build_keeps_previous(name: &str, file: &str, text: &[u8], expect: &[&str]) {
    let tmp = tempfile::tempdir().unwrap();
    let content = copy_sample(tmp.path());
    let public = build_ok(tmp.path());
    let before = snapshot(&public);
    std::fs::write(content.join(file), text).unwrap();
    let out = vanban(tmp.path(), &["build"]);
    assert_eq!(out.status.code(), Some(1), "{name}: exit code");
    let err = stderr(&out);
    for e in expect {
        assert!(err.contains(e), "{name}: message lacks {e:?}:\n{err}");
    }
    assert!(
        err.contains(file),
        "{name}: message lacks the file name:\n{err}"
    );
    assert_eq!(snapshot(&public), before, "{name}: previous output changed");
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("public."))
        .collect();
    assert!(
        leftovers.is_empty(),
        "{name}: staging left behind {leftovers:?}"
    );
}

const GOOD_HEAD: &str = "number: 9/CV-Y\ntype: Công văn\ntitle: T\nissuer: Sở Y\n";

#[test]
fn missing_field_names_file_line_and_field() {
    bad_build_keeps_previous(
        "missing",
        "bad.md",
        b"---\nnumber: 9/CV-Y\ntype: C\ntitle: T\ndate: 2021-01-01\n---\nx\n",
        &["bad.md:", "issuer"],
    );
}

#[test]
fn unknown_field_is_an_error() {
    let text = format!("---\n{GOOD_HEAD}date: 2021-01-01\ntitel: x\n---\nx\n");
    bad_build_keeps_previous("unknown", "bad.md", text.as_bytes(), &["bad.md:7", "titel"]);
}

#[test]
fn impossible_date_is_an_error() {
    let text = format!("---\n{GOOD_HEAD}date: 2021-02-30\n---\nx\n");
    bad_build_keeps_previous("date", "bad.md", text.as_bytes(), &["bad.md:6", "date"]);
}

#[test]
fn invalid_yaml_is_an_error() {
    let text = format!("---\n{GOOD_HEAD}date: 2021-01-01\nsigners: [a\n---\nx\n");
    bad_build_keeps_previous("yaml", "bad.md", text.as_bytes(), &["bad.md:"]);
}

#[test]
fn a_file_without_front_matter_is_an_error() {
    bad_build_keeps_previous(
        "nofm",
        "bad.md",
        b"# Just text\n",
        &["bad.md:1", "front matter"],
    );
}

#[test]
fn two_files_with_one_identity_name_both() {
    let dup =
        std::fs::read(repo().join("content/tinh-uy-kien-giang/2021-06-15-176-cv-tu.md")).unwrap();
    bad_build_keeps_previous("dup", "copy.md", &dup, &["2021-06-15-176-cv-tu.md"]);
}

#[test]
fn all_errors_of_a_run_are_reported_together() {
    let tmp = tempfile::tempdir().unwrap();
    let content = copy_sample(tmp.path());
    std::fs::write(
        content.join("a.md"),
        format!("---\n{GOOD_HEAD}date: 2021-13-01\n---\n"),
    )
    .unwrap();
    std::fs::write(content.join("b.md"), "no front matter\n").unwrap();
    let out = vanban(tmp.path(), &["build"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("a.md:6") && err.contains("b.md:1"), "{err}");
    assert!(
        !Path::new(&tmp.path().join("public")).exists(),
        "a failed first build wrote output"
    );
}

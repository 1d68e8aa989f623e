//! The search index end to end: the Rust tokenizer passes the shared cases
//! that `search.js` passes too, `search.js` (run by node's test runner)
//! reads what the Rust builder writes and answers like the Rust client,
//! and the search page template is what the script expects.

use chrono::NaiveDate;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use vanban::search::client::{Client, Request, from_files};
use vanban::search::text::{self, Gap};
use vanban::search::{IndexFile, SearchDoc, build_index};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn rust_tokenizes_the_shared_cases() {
    let cases: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(repo().join("tests/search_js/cases.json")).unwrap(),
    )
    .unwrap();
    assert!(cases.len() >= 20);
    for case in &cases {
        let input = case["text"].as_str().unwrap();
        let strings = |key: &str| -> Vec<Option<String>> {
            case[key]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().map(str::to_owned))
                .collect()
        };
        let tokens = text::tokenize(input, true);
        assert_eq!(
            vanban::text::fold(input),
            case["folded"].as_str().unwrap(),
            "fold {input:?}"
        );
        let folded: Vec<Option<String>> = tokens.iter().map(|t| Some(t.folded.clone())).collect();
        assert_eq!(folded, strings("tokens"), "tokens of {input:?}");
        let exact: Vec<Option<String>> = tokens.iter().map(|t| t.exact.clone()).collect();
        assert_eq!(exact, strings("exact"), "exact forms of {input:?}");
        let breaks: Vec<bool> = tokens.iter().map(|t| t.gap == Gap::Break).collect();
        let want: Vec<bool> = case["breaks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b.as_bool().unwrap())
            .collect();
        assert_eq!(breaks, want, "breaks in {input:?}");
        let pairs: Vec<Option<String>> = text::pairs(input).into_iter().map(Some).collect();
        assert_eq!(pairs, strings("pairs"), "pairs of {input:?}");
        let numbers: Vec<Option<String>> = text::numbers(input).into_iter().map(Some).collect();
        assert_eq!(numbers, strings("numbers"), "numbers in {input:?}");
    }
}

struct Fixture {
    number: &'static str,
    doc_type: &'static str,
    title: &'static str,
    issuer: &'static str,
    date: &'static str,
    topics: &'static [&'static str],
    body: &'static str,
    status: &'static str,
}

/// A small archive: documents of the sample, and hostile ones.
const FIXTURE: &[Fixture] = &[
    Fixture {
        number: "1099/CĐ-TTg",
        doc_type: "Công điện",
        title: "Về việc tăng cường thực hiện các biện pháp phòng, chống dịch COVID-19",
        issuer: "Thủ tướng Chính phủ",
        date: "2020-12-20",
        topics: &["Covid-19"],
        body: "Các tỉnh thực hiện nghiêm giãn cách xã hội theo Chỉ thị số 16/CT-TTg.",
        status: "Đã được sửa đổi, bổ sung",
    },
    Fixture {
        number: "143-CV/TU",
        doc_type: "Công văn",
        title: "Tiếp tục tăng cường công tác phòng, chống dịch bệnh Covid-19",
        issuer: "Tỉnh ủy Kiên Giang",
        date: "2021-04-29",
        topics: &["Covid-19"],
        body: "Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy đảng tiếp tục lãnh đạo.\n\nCông tác đang triển khai.",
        status: "Đã bị thay thế",
    },
    Fixture {
        number: "176-CV/TU",
        doc_type: "Công văn",
        title: "Tăng cường công tác phòng, chống dịch bệnh Covid-19 và phát triển kinh tế-xã hội",
        issuer: "Tỉnh ủy Kiên Giang",
        date: "2021-06-15",
        topics: &["Covid-19"],
        body: "Thực hiện Công văn số 143-CV/TU, **Ban Thường vụ** Tỉnh ủy yêu cầu:\n\n1. Chống dịch như chống giặc.\n2. Phát triển kinh tế.",
        status: "Chưa ghi nhận văn bản thay thế, bãi bỏ trong kho",
    },
    Fixture {
        number: "453-CV/TU",
        doc_type: "Công văn",
        title: "Triển khai thực hiện Kết luận của Bộ Chính trị về phòng, chống dịch Covid-19",
        issuer: "Tỉnh ủy Quảng Ngãi",
        date: "2021-06-16",
        topics: &[],
        body: "Ban Thường vụ Tỉnh ủy Quảng Ngãi yêu cầu các cấp ủy, tổ chức đảng.",
        status: "Chưa ghi nhận văn bản thay thế, bãi bỏ trong kho",
    },
    Fixture {
        number: "1507/UBND-TH",
        doc_type: "Công văn",
        title: "Triển khai thực hiện Nghị quyết phiên họp Chính phủ thường kỳ tháng 08 năm 2021",
        issuer: "UBND tỉnh Kiên Giang",
        date: "2021-09-11",
        topics: &[],
        body: "Đặc biệt là các Công điện số 1099/CĐ-TTg ngày 22 tháng 8 năm 2021 và 1102/CĐ-TTg.",
        status: "Chưa ghi nhận văn bản thay thế, bãi bỏ trong kho",
    },
    Fixture {
        number: "374-TB/TU",
        doc_type: "Thông báo",
        title: "Kết luận của Ban Thường vụ Tỉnh ủy về công tác phòng, chống dịch bệnh Covid-19",
        issuer: "Tỉnh ủy Kiên Giang",
        date: "2021-09-01",
        topics: &["Covid-19"],
        body: "Lãnh đạo chặt chẽ, quyết liệt giãn cách xã hội theo Công điện số 1099/CD-TTg ngày 22-8-2021. Giãn cách xã hội toàn tỉnh.",
        status: "Chưa ghi nhận văn bản thay thế, bãi bỏ trong kho",
    },
    Fixture {
        number: "9/CĐ-UBND",
        doc_type: "Công điện",
        title: "<img src=x onerror=alert(1)> Đảng bộ và <script>alert(2)</script>",
        issuer: "UBND tỉnh Kiên Giang",
        date: "2021-10-02",
        topics: &["<b>Chủ đề</b>"],
        body: "<script>alert(3)</script> Nội dung [liên kết](javascript:alert(4)) có chữ đảng.",
        status: "Chưa ghi nhận văn bản thay thế, bãi bỏ trong kho",
    },
    Fixture {
        number: "88/TB-UBND",
        doc_type: "Thông báo",
        title: "Về bình ổn giá vật tư y tế",
        issuer: "UBND tỉnh Kiên Giang",
        date: "2021-11-05",
        topics: &[],
        body: DEEP_BODY,
        status: "",
    },
];

/// A body whose words `khẩu trang` come only after 1,200 characters, in a
/// sentence with characters that HTML would read.
const DEEP_BODY: &str = concat!(
    "Các sở, ngành theo dõi sát diễn biến thị trường trên địa bàn. Các sở, ngành theo dõi sát diễn biến thị trường trên địa bàn. ",
    "Các sở, ngành theo dõi sát diễn biến thị trường trên địa bàn. Các sở, ngành theo dõi sát diễn biến thị trường trên địa bàn. ",
    "Các sở, ngành theo dõi sát diễn biến thị trường trên địa bàn. Các sở, ngành theo dõi sát diễn biến thị trường trên địa bàn. ",
    "Các sở, ngành theo dõi sát diễn biến thị trường trên địa bàn. Các sở, ngành theo dõi sát diễn biến thị trường trên địa bàn. ",
    "Các sở, ngành theo dõi sát diễn biến thị trường trên địa bàn. Các sở, ngành theo dõi sát diễn biến thị trường trên địa bàn. ",
    "Các sở, ngành theo dõi sát diễn biến thị trường trên địa bàn. Các sở, ngành theo dõi sát diễn biến thị trường trên địa bàn. ",
    "Các sở, ngành theo dõi sát diễn biến thị trường trên địa bàn. Các sở, ngành theo dõi sát diễn biến thị trường trên địa bàn. ",
    "Các sở, ngành theo dõi sát diễn biến thị trường trên địa bàn. Các sở, ngành theo dõi sát diễn biến thị trường trên địa bàn. ",
    "Các sở, ngành theo dõi sát diễn biến thị trường trên địa bàn. Các sở, ngành theo dõi sát diễn biến thị trường trên địa bàn. ",
    "Các sở, ngành theo dõi sát diễn biến thị trường trên địa bàn. Các sở, ngành theo dõi sát diễn biến thị trường trên địa bàn.\n\n",
    "Nghiêm cấm găm hàng khẩu trang, giá bán < 5.000 đồng & phải niêm yết. Các sở, ngành báo cáo.",
);
const DEEP_SENTENCE: &str = "Nghiêm cấm găm hàng khẩu trang, giá bán < 5.000 đồng & phải niêm yết.";

fn build_fixture() -> Vec<IndexFile> {
    build_with(&[])
}

/// The fixture's documents, then `extra` (a fixture of its own order:
/// documents are sorted by date by the caller's choice of dates).
fn build_with(extra: &[Fixture]) -> Vec<IndexFile> {
    let all: Vec<&Fixture> = FIXTURE.iter().chain(extra).collect();
    let urls: Vec<String> = all
        .iter()
        .map(|f| format!("van-ban/{}/", vanban::text::slug(f.number)))
        .collect();
    let topics: Vec<Vec<String>> = all
        .iter()
        .map(|f| f.topics.iter().map(|t| t.to_string()).collect())
        .collect();
    let docs: Vec<SearchDoc> = all
        .iter()
        .zip(urls.iter().zip(&topics))
        .map(|(f, (url, topics))| SearchDoc {
            number: f.number,
            doc_type: f.doc_type,
            title: f.title,
            issuer: f.issuer,
            date: NaiveDate::parse_from_str(f.date, "%Y-%m-%d").unwrap(),
            url,
            topics,
            body: f.body,
            status: f.status,
        })
        .collect();
    build_index(&docs)
}

fn request(q: &str, prefix: bool, filters: &[(&str, &str)]) -> Request {
    let get = |k: &str| filters.iter().find(|f| f.0 == k).map(|f| f.1.to_owned());
    Request {
        query: q.into(),
        prefix,
        issuer: get("issuer"),
        doc_type: get("type"),
        year: get("year"),
        topic: get("topic"),
        validity: get("validity"),
        limit: 10,
        full: false,
    }
}

fn numbers(files: &[IndexFile], req: &Request) -> Vec<String> {
    let mut client = Client::new(from_files(files));
    client
        .search(req)
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.meta.number)
        .collect()
}

#[test]
fn the_sample_queries_find_what_readers_expect() {
    let files = build_fixture();
    let q = |s: &str| numbers(&files, &request(s, false, &[]));
    assert!(q("chong dich").contains(&"176-CV/TU".to_owned()));
    assert_eq!(q("gian cach xa hoi")[0], "374-TB/TU");
    let mut cited = q("1099 cd ttg");
    assert_eq!(cited.remove(0), "1099/CĐ-TTg", "the document itself first");
    cited.sort();
    assert_eq!(cited, ["1507/UBND-TH", "374-TB/TU"]);
    assert_eq!(q("Quang Ngai"), ["453-CV/TU"]);
    let narrowed = numbers(
        &files,
        &request("chong dich", false, &[("issuer", "Tỉnh ủy Quảng Ngãi")]),
    );
    assert_eq!(narrowed, ["453-CV/TU"]);
    let browse = numbers(
        &files,
        &request("", false, &[("type", "Công điện"), ("year", "2021")]),
    );
    assert_eq!(browse, ["9/CĐ-UBND"]);
    // The status filter: the documents in that state only.
    let replaced = numbers(
        &files,
        &request("tang cuong", false, &[("validity", "Đã bị thay thế")]),
    );
    assert_eq!(replaced, ["143-CV/TU"]);
    assert_eq!(q("tang cuong").len(), 3, "unfiltered, all three");
}

#[test]
fn an_excerpt_shows_where_the_words_are_deep_in_the_body() {
    let files = build_fixture();
    assert!(DEEP_BODY.find("khẩu").unwrap() > 1200);
    for (query, prefix) in [
        ("khau trang", false),
        ("khẩu tr", true),
        ("88 tb ubnd", false),
    ] {
        let mut client = Client::new(from_files(&files));
        let out = client.search(&request(query, prefix, &[])).unwrap();
        let hit = &out.hits[0];
        assert_eq!(hit.meta.number, "88/TB-UBND", "{query}");
        if query.starts_with("88") {
            // Only the number matched: the body's first sentence.
            assert!(hit.excerpt.starts_with("Các sở, ngành"), "{hit:?}");
        } else {
            assert_eq!(hit.excerpt, DEEP_SENTENCE, "{query}");
        }
        // One excerpt file per hit shown, after the metadata.
        let x: Vec<&String> = client
            .fetched
            .iter()
            .filter(|p| p.starts_with("search/x/"))
            .collect();
        assert_eq!(x.len(), out.hits.len(), "{:?}", client.fetched);
    }
    // The excerpt file keeps the deep sentence, not the repeated ones.
    let id = files
        .iter()
        .filter(|f| f.path.starts_with("search/x/"))
        .find(|f| String::from_utf8_lossy(&f.bytes).contains("khẩu trang"))
        .expect("an excerpt file with the deep sentence");
    assert!(
        id.bytes.len() < 300,
        "{}",
        String::from_utf8_lossy(&id.bytes)
    );
}

/// Requests whose answers `search.js` must reproduce exactly.
fn js_requests() -> Vec<Request> {
    vec![
        request("chong dich", false, &[]),
        request("gian cach xa hoi", false, &[]),
        request("1099 cd ttg", false, &[]),
        request("1099/CĐ-TTg", false, &[]),
        request("Quảng Ngãi", false, &[]),
        request("đảng", false, &[]),
        request("dang", false, &[]),
        request("phong chong dich benh covid", false, &[]),
        request("tang cuo", true, &[]),
        request("176 cv", true, &[]),
        request(
            "chong dich",
            false,
            &[("issuer", "Tỉnh ủy Kiên Giang"), ("year", "2021")],
        ),
        request("", false, &[("type", "Công điện")]),
        request("", false, &[("topic", "Covid-19")]),
        request("", false, &[("validity", "Đã bị thay thế")]),
        request("covid", false, &[("validity", "Đã được sửa đổi, bổ sung")]),
        request("khong co tu nay", false, &[]),
        request("script alert", false, &[]),
        request("khau trang", false, &[]),
        request("khẩu tr", true, &[]),
        request("88 tb ubnd", false, &[]),
    ]
}

fn write_files(dir: &Path, files: &[IndexFile]) {
    for f in files {
        let path = dir.join(&f.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, &f.bytes).unwrap();
    }
}

#[test]
fn search_js_answers_like_the_rust_client() {
    js_answers_alike(&build_fixture(), &js_requests());
}

/// Runs the node tests on `files`, with the Rust client's answers to
/// `requests` as what `search.js` must give.
fn js_answers_alike(files: &[IndexFile], requests: &[Request]) {
    let dir = tempfile::tempdir().unwrap();
    write_files(dir.path(), files);
    let mut expected = Vec::new();
    for req in requests {
        let mut client = Client::new(from_files(files));
        let out = client.search(req).unwrap();
        expected.push(json!({
            "request": {
                "q": req.query, "prefix": req.prefix, "limit": req.limit, "full": req.full,
                "issuer": req.issuer, "type": req.doc_type, "year": req.year, "topic": req.topic, "validity": req.validity,
            },
            "total": out.total,
            "ids": out.hits.iter().map(|h| h.id).collect::<Vec<_>>(),
            "numbers": out.hits.iter().map(|h| h.meta.number.clone()).collect::<Vec<_>>(),
            "titles": out.hits.iter().map(|h| h.meta.title.clone()).collect::<Vec<_>>(),
            "excerpts": out.hits.iter().map(|h| h.excerpt.clone()).collect::<Vec<_>>(),
            "fetched": client.fetched,
        }));
    }
    std::fs::write(
        dir.path().join("expected.json"),
        serde_json::to_string_pretty(&expected).unwrap(),
    )
    .unwrap();
    let out = std::process::Command::new("node")
        .arg("--test")
        .arg(repo().join("tests/search_js"))
        .env("SEARCH_FIXTURE", dir.path())
        .output()
        .expect("node (20 or later) runs the JavaScript tests");
    let report = format!(
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "node --test failed:\n{report}");
    assert!(
        report.contains("# skipped 0"),
        "no JavaScript test may be skipped:\n{report}"
    );
}

#[test]
fn search_page_template_loads_the_script_without_inline_code() {
    let src = std::fs::read_to_string(repo().join("themes/default/templates/search.html")).unwrap();
    let mut tera = tera::Tera::default();
    tera.add_raw_template(
        "base.html",
        "<title>{% block title %}{% endblock title %}</title>{% block head %}{% endblock head %}{% block header_search %}<form id=\"header\"></form>{% endblock header_search %}<main>{% block main %}{% endblock main %}</main>",
    )
    .unwrap();
    tera.add_raw_template("search.html", &src).unwrap();
    let mut ctx = tera::Context::new();
    ctx.insert("root", "../");
    ctx.insert("site", &json!({"title": "Kho văn bản"}));
    ctx.insert("labels", &json!({}));
    let html = tera.render("search.html", &ctx).unwrap();
    assert!(
        html.contains(r#"<script src="../static/search.js" defer data-root="../"></script>"#),
        "{html}"
    );
    assert_eq!(
        html.matches("<script").count(),
        1,
        "one external script, nothing inline"
    );
    assert!(!html.contains(" on"), "no inline event handlers");
    for id in [
        "search",
        "search-form",
        "search-q",
        "search-status",
        "search-results",
        "search-more",
    ] {
        assert!(html.contains(&format!(r#"id="{id}""#)), "missing #{id}");
    }
    for facet in ["issuer", "type", "year", "topic", "validity"] {
        assert!(html.contains(&format!(r#"<select id="search-{facet}" name="{facet}">"#)));
        assert!(html.contains(&format!(r#"<label for="search-{facet}">"#)));
    }
    assert!(html.contains(r#"<label for="search-q">"#));
    assert!(html.contains(r#"role="status""#));
    assert!(html.contains(r#"action="../tim-kiem/" method="get" role="search""#));
    // One search box: the header's is left out; the filters fold away.
    assert!(!html.contains(r#"<form id="header">"#));
    let details = &html[html.find("<details").unwrap()..html.find("</details>").unwrap()];
    assert!(details.contains("<summary>") && details.contains(r#"id="search-issuer""#));
    let noscript = &html[html.find("<noscript>").unwrap()..html.find("</noscript>").unwrap()];
    assert!(noscript.contains("cần JavaScript") && noscript.contains("?q="));
    assert!(
        noscript.contains(r#"href="../dong-thoi-gian/""#)
            && noscript.contains(r#"href="../co-quan/""#)
    );
}

use crate::browser;

/// A site holding only the search page (the real template, under the same
/// Content-Security-Policy as the theme's base), the script and the index.
fn search_site(dir: &Path) {
    write_files(dir, &build_fixture());
    let mut tera = tera::Tera::default();
    tera.add_raw_template(
        "base.html",
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'\">\
         <title>{% block title %}{% endblock title %}</title>{% block head %}{% endblock head %}</head>\
         <body>{% block header_search %}{% endblock header_search %}<main>{% block main %}{% endblock main %}</main></body></html>",
    )
    .unwrap();
    let src = std::fs::read_to_string(repo().join("themes/default/templates/search.html")).unwrap();
    tera.add_raw_template("search.html", &src).unwrap();
    let mut ctx = tera::Context::new();
    ctx.insert("root", "../");
    ctx.insert("site", &json!({"title": "Kho văn bản"}));
    ctx.insert("labels", &json!({}));
    std::fs::create_dir_all(dir.join("tim-kiem")).unwrap();
    std::fs::write(
        dir.join("tim-kiem/index.html"),
        tera.render("search.html", &ctx).unwrap(),
    )
    .unwrap();
    std::fs::create_dir_all(dir.join("static")).unwrap();
    std::fs::copy(
        repo().join("themes/default/static/search.js"),
        dir.join("static/search.js"),
    )
    .unwrap();
}

/// The numbers of the results shown, in order, and the status line.
fn shown(dom: &str) -> (Vec<String>, String) {
    let status = dom
        .split(r#"id="search-status""#)
        .nth(1)
        .and_then(|s| s.split('>').nth(1))
        .and_then(|s| s.split('<').next())
        .unwrap_or("")
        .to_owned();
    let numbers = dom
        .split(r#"<span class="search-hit-number">"#)
        .skip(1)
        .map(|s| {
            s.split("</span>")
                .next()
                .unwrap()
                .replace("<mark>", "")
                .replace("</mark>", "")
        })
        .collect();
    (numbers, status)
}

#[test]
fn the_search_page_works_in_headless_chromium() {
    let dir = tempfile::tempdir().unwrap();
    search_site(dir.path());
    let server = browser::Server::serve(dir.path());
    let page = |query: &str| {
        shown(&browser::dump_dom(
            &server.url(&format!("tim-kiem/{query}")),
        ))
    };

    let (hits, status) = page("?q=chong+dich");
    assert!(hits.contains(&"176-CV/TU".to_owned()), "{hits:?}");
    assert_eq!(status, format!("Tìm thấy {} văn bản.", hits.len()));

    assert_eq!(page("?q=gian+cach+xa+hoi").0[0], "374-TB/TU");
    let (mut cited, _) = page("?q=1099+cd+ttg");
    cited.sort();
    assert_eq!(cited, ["1099/CĐ-TTg", "1507/UBND-TH", "374-TB/TU"]);
    assert_eq!(page("?q=Quang+Ngai").0, ["453-CV/TU"]);
    assert_eq!(
        page("?q=chong+dich&issuer=T%E1%BB%89nh+%E1%BB%A7y+Qu%E1%BA%A3ng+Ng%C3%A3i").0,
        ["453-CV/TU"]
    );
    assert_eq!(
        page("?type=C%C3%B4ng+%C4%91i%E1%BB%87n&year=2021").0,
        ["9/CĐ-UBND"]
    );
    let (none, status) = page("?q=khong+co+tu+nay");
    assert!(none.is_empty());
    assert_eq!(status, "Không tìm thấy văn bản nào.");
    // The status filter, from the address (`?validity=`).
    assert_eq!(
        page(&format!(
            "?q=tang+cuong&validity={}",
            encode("Đã bị thay thế")
        ))
        .0,
        ["143-CV/TU"]
    );

    // Dates are written as on the rest of the site (`dates::short`).
    let dom = browser::dump_dom(&server.url("tim-kiem/?q=chong+dich"));
    // The status filter offers the states with their counts.
    let select = &dom[dom.find(r#"<select id="search-validity""#).unwrap()..];
    let select = &select[..select.find("</select>").unwrap()];
    assert!(select.contains(">Đã bị thay thế (1)</option>"), "{select}");
    let times = times(&dom);
    assert!(
        times.contains(&("2021-06-15".to_owned(), "15/06/2021".to_owned())),
        "{times:?}"
    );
    for (iso, text) in &times {
        let date = NaiveDate::parse_from_str(iso, "%Y-%m-%d").unwrap();
        assert_eq!(text, &vanban::site::dates::short(date), "{iso}");
    }
}

/// The `(datetime, text)` of every `<time>` of a page.
fn times(dom: &str) -> Vec<(String, String)> {
    dom.split(r#"<time datetime=""#)
        .skip(1)
        .map(|s| {
            let (iso, rest) = s.split_once(r#"">"#).unwrap();
            let text = rest.split("</time>").next().unwrap();
            (iso.to_owned(), text.to_owned())
        })
        .collect()
}

#[test]
fn hostile_documents_show_as_text_on_the_search_page() {
    let dir = tempfile::tempdir().unwrap();
    search_site(dir.path());
    let server = browser::Server::serve(dir.path());
    let dom = browser::dump_dom(&server.url("tim-kiem/?q=script+alert"));
    let results = &dom[dom.find(r#"id="search-results""#).unwrap()..];
    let results = &results[..results.find("</ol>").unwrap()];
    assert!(
        results.contains("&lt;img src=x onerror=<mark>alert</mark>(1)&gt;"),
        "{results}"
    );
    assert!(
        results.contains("&lt;<mark>script</mark>&gt;<mark>alert</mark>(2)"),
        "{results}"
    );
    assert!(!results.contains("<img") && !results.contains("<script") && !results.contains("<b>"));
}

#[test]
fn a_word_deep_in_a_body_shows_in_the_excerpt_highlighted_and_escaped() {
    let dir = tempfile::tempdir().unwrap();
    search_site(dir.path());
    let server = browser::Server::serve(dir.path());
    let dom = browser::dump_dom(&server.url("tim-kiem/?q=khau+trang"));
    let excerpt = dom
        .split(r#"<p class="search-hit-excerpt">"#)
        .nth(1)
        .and_then(|s| s.split("</p>").next())
        .unwrap_or_else(|| panic!("no excerpt: {dom}"));
    assert_eq!(
        excerpt,
        "Nghiêm cấm găm hàng <mark>khẩu</mark> <mark>trang</mark>, giá bán &lt; 5.000 đồng &amp; phải niêm yết.",
        "{dom}"
    );
}

/// Percent-encodes a query value.
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' => {
                char::from(b).to_string()
            }
            b' ' => "+".into(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[test]
fn the_sample_archive_is_searchable_in_chromium() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("public");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_vanban"))
        .arg("build")
        .arg("--content")
        .arg(repo().join("tests/fixtures/seeds/content"))
        .arg("--output")
        .arg(&site)
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let server = browser::Server::serve(&site);
    let page = |query: &str| {
        shown(&browser::dump_dom(
            &server.url(&format!("tim-kiem/?{query}")),
        ))
    };

    let (hits, status) = page("q=chong+dich");
    assert!(hits.contains(&"176-CV/TU".to_owned()), "{hits:?}");
    assert_eq!(status, format!("Tìm thấy {} văn bản.", hits.len()));
    assert_eq!(
        page("q=gian+cach+xa+hoi").0.first().map(String::as_str),
        Some("374-TB/TU")
    );
    let cited = page("q=1099+cd+ttg").0;
    assert!(
        cited.contains(&"1507/UBND-TH".to_owned()) && cited.contains(&"374-TB/TU".to_owned()),
        "{cited:?}"
    );
    assert!(page("q=Quang+Ngai").0.contains(&"453-CV/TU".to_owned()));
    let all = page("q=phong+chong+dich").0;
    let narrowed = page(&format!(
        "q=phong+chong+dich&issuer={}",
        encode("Tỉnh ủy Kiên Giang")
    ))
    .0;
    assert!(
        !narrowed.is_empty() && narrowed.len() < all.len(),
        "{narrowed:?} of {all:?}"
    );
    assert!(
        narrowed
            .iter()
            .all(|n| n.ends_with("/TU") && n != "453-CV/TU"),
        "{narrowed:?}"
    );
}

/// The fixture and 36,000 plans (numbers and texts made up): `dich` is in
/// every plan's body and in the trích yếu of one in fifty, so its body
/// tiers are kept apart; `kinh te` is in the trích yếu of the others.
fn build_big() -> Vec<IndexFile> {
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    let extra: Vec<Fixture> = (1..=36_000)
        .map(|i| Fixture {
            number: leak(format!("{i}/KH-UBND")),
            doc_type: "Kế hoạch",
            title: leak(if i % 50 == 0 {
                format!("Kế hoạch phòng, chống dịch bệnh đợt {i}")
            } else {
                format!("Kế hoạch phát triển kinh tế đợt {i}")
            }),
            issuer: "UBND tỉnh Kiên Giang",
            date: "2022-01-01",
            topics: &[],
            body: "Tổ chức thực hiện công tác phòng, chống dịch bệnh trên địa bàn.",
            status: "",
        })
        .collect();
    build_with(&extra)
}

fn big_request(q: &str, limit: usize, full: bool) -> Request {
    Request {
        limit,
        full,
        ..request(q, false, &[])
    }
}

#[test]
fn a_first_page_filled_by_the_trich_yeu_does_not_fetch_the_body_tiers() {
    let files = build_big();
    let size = |c: &Client<_>| -> usize {
        c.fetched
            .iter()
            .map(|p: &String| files.iter().find(|f| &f.path == p).unwrap().bytes.len())
            .sum()
    };
    for q in ["dich", "phong chong dich", "chong dich benh"] {
        let mut first = Client::new(from_files(&files));
        let page = first.search(&big_request(q, 10, false)).unwrap();
        let mut all = Client::new(from_files(&files));
        let full = all.search(&big_request(q, 10, true)).unwrap();
        assert!(page.partial && !full.partial, "{q}");
        // The same first page as with every tier, for fewer bytes.
        let ids =
            |o: &vanban::search::client::Outcome| o.hits.iter().map(|h| h.id).collect::<Vec<_>>();
        assert_eq!(ids(&page), ids(&full), "{q}");
        assert!(
            page.hits
                .iter()
                .all(|h| h.meta.title.contains("chống dịch")),
            "{q}"
        );
        // At least a bitmap of the 36,000 bodies less.
        assert!(first.fetched.iter().all(|p| all.fetched.contains(p)), "{q}");
        assert!(
            size(&first) + 36_000 / 8 <= size(&all),
            "{q}: {} vs {}",
            size(&first),
            size(&all)
        );
        assert!(page.total <= full.total && full.total > 36_000, "{q}");
    }
    // One word, no filter: the count is every match.
    let mut c = Client::new(from_files(&files));
    let dich = c.search(&big_request("dich", 10, false)).unwrap();
    let mut c = Client::new(from_files(&files));
    assert_eq!(
        dich.total,
        c.search(&big_request("dich", 10, true)).unwrap().total
    );
    assert!(dich.partial && dich.total > 36_000);
    // Words whose trích yếu hits do not fill a page: every tier.
    let mut c = Client::new(from_files(&files));
    let mixed = c.search(&big_request("kinh te dich", 10, false)).unwrap();
    assert!(!mixed.partial && mixed.total > 30_000 && mixed.hits.len() == 10);
}

/// The fixture, one old decision about corruption, then 80 newer ones of
/// the same first 16 words of trích yếu about epidemics.
fn build_lookalikes() -> Vec<IndexFile> {
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    let head =
        "Về việc khen thưởng tập thể, cá nhân có thành tích xuất sắc trong công tác phòng, chống";
    let extra: Vec<Fixture> = (0..=80)
        .map(|i| Fixture {
            number: leak(format!("{}/QĐ-UBND", 100 + i)),
            doc_type: "Quyết định",
            title: leak(if i == 0 {
                format!("{head} tham nhũng, tiêu cực")
            } else {
                format!("{head} dịch bệnh truyền nhiễm")
            }),
            issuer: "UBND tỉnh Kiên Giang",
            date: "2022-01-01",
            topics: &[],
            body: "Khen thưởng.",
            status: "",
        })
        .collect();
    build_with(&extra)
}

#[test]
fn a_pasted_trich_yeu_finds_its_document_among_look_alikes() {
    // All 81 hold the first 16 words in their trích yếu and score alike on
    // them; the words past them tell the old one apart.
    let files = build_lookalikes();
    let q = "Về việc khen thưởng tập thể, cá nhân có thành tích xuất sắc trong công tác phòng, chống tham nhũng, tiêu cực";
    for query in [q.to_owned(), vanban::text::fold(q)] {
        let mut c = Client::new(from_files(&files));
        let out = c.search(&request(&query, false, &[])).unwrap();
        assert_eq!(out.total, 81, "{query}");
        assert_eq!(out.hits[0].meta.number, "100/QĐ-UBND", "{query}");
    }
    let folded = vanban::text::fold(q);
    let mut asked = vec![request(q, false, &[]), request(&folded, false, &[])];
    // Fewer words than a long query: ties past the 20th are not re-ranked.
    for n in [4, 6, 7, 17, 20] {
        let words: Vec<&str> = folded.split(' ').take(n).collect();
        asked.push(request(&words.join(" "), false, &[]));
    }
    js_answers_alike(&files, &asked);
}

#[test]
fn search_js_answers_like_the_rust_client_on_big_terms() {
    js_answers_alike(
        &build_big(),
        &[
            big_request("dich", 10, false),
            big_request("phong chong dich", 10, false),
            big_request("kinh te dich", 10, false),
            big_request("dich", 10, true),
            big_request("dich", 30, false),
            request("chong dich", false, &[("type", "Kế hoạch")]),
            request("chong di", true, &[]),
            // A long query: the documents tied with the 20th re-ranked too.
            big_request("ke hoach phat trien kinh te dot", 10, false),
        ],
    );
}

//! The chain of orders on the built site: relation kinds on both sides,
//! validity (status line, dates, open data), article anchors, the whole
//! chain on the sample archive, and no document listed twice on a page.
//! The added documents are in `tests/fixtures/chain/content/`: a Chỉ thị replaced
//! by a later one, a Quyết định amended and then repealed from a later
//! date, a Hướng dẫn and an implementing Công văn.

use crate::site;

use serde_json::Value;
use site::*;
use std::path::{Path, PathBuf};

fn build_with_fixtures() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let content = copy_sample(tmp.path());
    copy_dir(
        &repo().join("tests/fixtures/chain/content"),
        &content.join("ubnd-tinh-kien-giang/chain"),
    );
    // With a base URL: feeds are written only when there is one.
    let out = vanban(
        tmp.path(),
        &[
            "build",
            "--content",
            "content",
            "--output",
            "public",
            "--base-url",
            "https://vanban.example/",
        ],
    );
    assert!(out.status.success(), "build failed: {}", stderr(&out));
    let public = tmp.path().join("public");
    (tmp, public)
}

fn record<'a>(docs: &'a [Value], number: &str) -> &'a Value {
    docs.iter()
        .find(|d| d["number"] == number)
        .unwrap_or_else(|| panic!("{number} not in documents.json"))
}

fn kinds(list: &Value) -> Vec<(String, String)> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["number"].as_str().unwrap().to_string(),
                r["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn page_of(public: &Path, d: &Value) -> String {
    let url = d["url"].as_str().unwrap().trim_start_matches('/');
    read(&public.join(url).join("index.html"))
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

#[test]
fn kinds_and_validity_of_the_added_documents() {
    let (_tmp, public) = build_with_fixtures();
    let json: Value = serde_json::from_str(&read(&public.join("data/documents.json"))).unwrap();
    let docs = json["documents"].as_array().unwrap().clone();

    // A Chỉ thị replaced by a later one, from the date the later one takes effect.
    let ct16 = record(&docs, "16/CT-UBND");
    assert_eq!(
        ct16["effective"], "2021-04-01",
        "kể từ ngày ký: its own date"
    );
    assert_eq!(ct16["status"]["state"], "replaced");
    assert_eq!(ct16["status"]["since"], "2021-09-05");
    assert_eq!(ct16["status"]["by"][0]["number"], "22/CT-UBND");
    assert!(kinds(&ct16["cited_by"]).contains(&pair("22/CT-UBND", "replaces")));
    let ct22 = record(&docs, "22/CT-UBND");
    assert_eq!(ct22["effective"], "2021-09-05");
    assert!(kinds(&ct22["references"]).contains(&pair("16/CT-UBND", "replaces")));
    assert!(kinds(&ct22["references"]).contains(&pair("07-KL/TW", "implements")));
    assert_eq!(ct22["status"]["state"], "none_known");
    // Guided and implemented, on both sides.
    assert!(kinds(&ct22["cited_by"]).contains(&pair("01/HD-STTTT", "guides")));
    assert!(kinds(&ct22["cited_by"]).contains(&pair("300/STTTT-VP", "implements")));
    let hd = record(&docs, "01/HD-STTTT");
    assert_eq!(kinds(&hd["references"]), [pair("22/CT-UBND", "guides")]);

    // A Quyết định amended (an article) and then repealed from a later date.
    let qd12 = record(&docs, "12/2021/QĐ-UBND");
    assert_eq!(qd12["effective"], "2021-02-15");
    assert_eq!(
        qd12["status"]["state"], "repealed",
        "repealed outranks amended"
    );
    assert_eq!(qd12["status"]["since"], "2022-03-15");
    assert_eq!(qd12["status"]["by"][0]["number"], "05/2022/QĐ-UBND");
    assert_eq!(qd12["amended_by"][0]["number"], "20/2021/QĐ-UBND");
    let qd20 = record(&docs, "20/2021/QĐ-UBND");
    let amends = &qd20["references"][0];
    assert_eq!(
        (&amends["number"], &amends["kind"], &amends["article"]),
        (
            &"12/2021/QĐ-UBND".into(),
            &"amends".into(),
            &"Điều 5".into()
        )
    );
    assert_eq!(qd20["status"]["state"], "repealed");
    // "Theo quy định tại Điều 5 Quyết định số …" is a mention, of an article.
    let cv = record(&docs, "300/STTTT-VP");
    assert!(kinds(&cv["references"]).contains(&pair("12/2021/QĐ-UBND", "mentions")));
    // Nothing said: nothing claimed.
    let sample = record(&docs, "176-CV/TU");
    assert_eq!(sample["status"]["state"], "none_known");
    assert_eq!(sample["status"]["by"], Value::Array(vec![]));

    // The same fields in the document's own index.json.
    let url = qd12["url"].as_str().unwrap().trim_start_matches('/');
    let own: Value = serde_json::from_str(&read(&public.join(url).join("index.json"))).unwrap();
    assert_eq!(own["status"], qd12["status"]);
    assert_eq!(own["effective"], qd12["effective"]);
    assert_eq!(own["amended_by"], qd12["amended_by"]);

    // The status line at the top of the pages (in the first-screen
    // summary under the title), with its date.
    let page = page_of(&public, ct16);
    let head = page.split("class=\"ds-links\"").next().unwrap();
    assert!(
        head.contains("Đã bị thay thế bởi"),
        "status line of 16/CT-UBND"
    );
    assert!(head.contains("Chỉ thị 22/CT-UBND"));
    assert!(head.contains("05/09/2021"));
    let page = page_of(&public, qd12);
    let head = page.split("class=\"ds-links\"").next().unwrap();
    assert!(head.contains("Đã bị bãi bỏ bởi") && head.contains("15/03/2022"));
    assert!(head.contains("Được sửa đổi, bổ sung bởi"));
    assert!(
        page.contains("Văn bản sửa đổi, bổ sung"),
        "grouped citing list"
    );
    assert!(
        page.contains("id=\"dieu-5\""),
        "the article heading has its anchor"
    );
    let page = page_of(&public, ct22);
    let head = page.split("class=\"ds-links\"").next().unwrap();
    assert!(head.contains("Chưa ghi nhận văn bản thay thế, bãi bỏ trong kho"));
    assert!(page.contains("Văn bản bị thay thế") && page.contains("Văn bản hướng dẫn"));
    // Status and kinds in the feed, status in the lists.
    let feed = read(&public.join("feed.xml"));
    assert!(
        feed.contains("term=\"replaced\""),
        "16/CT-UBND's status in the feed"
    );
    assert!(
        feed.contains("Thay thế: 16/CT-UBND"),
        "22/CT-UBND's kind in the feed"
    );
    let issuer = qd12["issuer_url"].as_str().unwrap().trim_start_matches('/');
    let list = read(&public.join(issuer).join("index.html"));
    assert!(
        list.contains("class=\"status repealed\""),
        "status in the issuer's list"
    );
    // A cited document outside the archive: the sentences citing it, its kind.
    let ext = read(&public.join("van-ban/2021/07-kl-tw/index.html"));
    assert!(
        ext.contains("<blockquote>") && ext.contains("Kết luận số 07-KL/TW"),
        "quoted sentence"
    );
    assert!(
        ext.contains("Thực hiện</dd>") || ext.contains("Thực hiện, "),
        "its kinds"
    );
    // The amending document links to the article it amends.
    let page = page_of(&public, qd20);
    assert!(
        page.contains("12-2021-qd-ubnd/#dieu-5\""),
        "article-level link"
    );
}

/// The hrefs of the related-document sections of a page (what it cites,
/// what cites it, the chain), without the body's links.
fn related_links(page: &str) -> Vec<String> {
    let Some(aside) = page.split("id=\"dan-chieu\"").nth(1) else {
        return Vec::new();
    };
    let aside = aside.split("class=\"prev-next\"").next().unwrap_or(aside);
    aside
        .split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .filter(|h| h.contains("van-ban/") || h.contains("dan-chieu/"))
        .map(|h| h.split('#').next().unwrap_or(h).to_string())
        .collect()
}

#[test]
fn the_whole_chain_on_the_sample_and_nothing_listed_twice() {
    let (_tmp, public) = build_with_fixtures();
    let page = read(&public.join("van-ban/2021/435-vp-kgvx/index.html"));
    let chain = page
        .split("id=\"dong-chi-dao\"")
        .nth(1)
        .expect("435/VP-KGVX has a chain section");
    let chain = chain.split("</section>").next().unwrap();
    assert!(
        chain.contains("07-KL/TW"),
        "the Politburo's conclusion, two steps up"
    );
    assert!(
        !chain.contains("176-CV/TU"),
        "176-CV/TU is listed with what 435 cites"
    );

    let mut pages = 0;
    for entry in walkdir::WalkDir::new(public.join("van-ban")) {
        let entry = entry.unwrap();
        if entry.file_name() != "index.html" {
            continue;
        }
        let html = read(entry.path());
        let links = related_links(&html);
        let mut seen = std::collections::BTreeSet::new();
        for l in &links {
            assert!(
                seen.insert(l.clone()),
                "{} lists {l} twice",
                entry.path().display()
            );
        }
        pages += 1;
    }
    assert!(pages > 10);
}

/// The first screen's summary line of a page: what it does, in the words
/// of its strongest kinds.
fn summary_line(public: &Path, url: &str) -> String {
    let page = read(&public.join(url).join("index.html"));
    let line = page
        .split("class=\"ds-links\"")
        .nth(1)
        .unwrap_or_else(|| panic!("{url}: no summary line"));
    let line = &line[..line.find("</p>").unwrap()];
    // Tags out: the words a reader sees.
    let mut text = String::new();
    let mut tag = false;
    for c in line.chars() {
        match c {
            '<' => tag = true,
            '>' => tag = false,
            _ if !tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_summary_line_says_what_a_document_does_in_its_kinds_words() {
    let (_tmp, public) = build_with_fixtures();
    // The sample's forwarding letter: what it sends on, then what it cites.
    let s = summary_line(&public, "van-ban/2021/435-vp-kgvx");
    assert!(
        s.starts_with("Gửi kèm Công văn 176-CV/TU · Dẫn chiếu Công văn 821/UBND-KGVX"),
        "{s}"
    );
    // The Tỉnh ủy's letter implements the Politburo's conclusion.
    let s = summary_line(&public, "van-ban/2021/176-cv-tu");
    assert!(s.starts_with("Thực hiện Kết luận 07-KL/TW · "), "{s}");
    assert!(s.contains("văn bản dẫn chiếu đến"), "{s}");
    // The strongest kind first: it replaces, and implements.
    let json: Value = serde_json::from_str(&read(&public.join("data/documents.json"))).unwrap();
    let docs = json["documents"].as_array().unwrap();
    let ct22 = record(docs, "22/CT-UBND")["url"]
        .as_str()
        .unwrap()
        .trim_matches('/')
        .to_string();
    let s = summary_line(&public, &ct22);
    assert!(
        s.starts_with("Thay thế Chỉ thị 16/CT-UBND · Thực hiện Kết luận 07-KL/TW"),
        "{s}"
    );
    let hd = record(docs, "01/HD-STTTT")["url"]
        .as_str()
        .unwrap()
        .trim_matches('/')
        .to_string();
    assert!(summary_line(&public, &hd).starts_with("Hướng dẫn Chỉ thị 22/CT-UBND"));
}

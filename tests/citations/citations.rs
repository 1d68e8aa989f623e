//! The citation graph on the pages: links in the body, "what it cites",
//! "what cites it", pages for cited documents outside the archive, and
//! references that resolve once the cited document is added.

use crate::site;

use site::*;

fn documents(public: &std::path::Path) -> Vec<serde_json::Value> {
    let json: serde_json::Value =
        serde_json::from_str(&read(&public.join("data/documents.json"))).unwrap();
    json["documents"].as_array().unwrap().clone()
}

fn doc<'a>(docs: &'a [serde_json::Value], number: &str) -> &'a serde_json::Value {
    docs.iter()
        .find(|d| d["number"] == number)
        .unwrap_or_else(|| panic!("{number}"))
}

fn references(d: &serde_json::Value) -> Vec<(String, bool)> {
    d["references"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["number"].as_str().unwrap().to_string(),
                r["in_archive"].as_bool().unwrap(),
            )
        })
        .collect()
}

#[test]
fn the_sample_chains_of_orders_are_linked() {
    let tmp = tempfile::tempdir().unwrap();
    copy_sample(tmp.path());
    let public = build_ok(tmp.path());
    let docs = documents(&public);

    // The office's cover letters link to the Tỉnh ủy directives they forward.
    assert!(references(doc(&docs, "435/VP-KGVX")).contains(&("176-CV/TU".into(), true)));
    assert!(references(doc(&docs, "6777/VP-KGVX")).contains(&("374-TB/TU".into(), true)));
    let page = read(&public.join("van-ban/2021/435-vp-kgvx/index.html"));
    assert!(
        page.contains("href=\"../../../van-ban/2021/176-cv-tu/\""),
        "435 links to 176 in its body"
    );
    let cited = read(&public.join("van-ban/2021/176-cv-tu/index.html"));
    let cited_by = cited.split("id=\"duoc-dan-chieu\"").nth(1).unwrap();
    assert!(
        cited_by.contains("435/VP-KGVX"),
        "176 lists 435 among what cites it"
    );
    assert_eq!(
        doc(&docs, "176-CV/TU")["cited_by"][0]["number"],
        "435/VP-KGVX"
    );

    // Both Tỉnh ủy cite the Politburo's conclusion, which is not in the archive.
    for n in ["176-CV/TU", "453-CV/TU"] {
        assert!(
            references(doc(&docs, n)).contains(&("07-KL/TW".into(), false)),
            "{n}"
        );
    }
    let external: serde_json::Value =
        serde_json::from_str(&read(&public.join("data/references.json"))).unwrap();
    let kl = external["references"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["number"] == "07-KL/TW")
        .expect("07-KL/TW listed among outside documents");
    assert_eq!(kl["cited_by"].as_array().unwrap().len(), 2);
    assert_eq!(kl["url"], "/van-ban/2021/07-kl-tw/");
    let kl_page = read(&public.join("van-ban/2021/07-kl-tw/index.html"));
    assert!(
        kl_page.contains("Kết luận")
            && kl_page.contains("176-CV/TU")
            && kl_page.contains("453-CV/TU")
    );

    // Công điện 1099 is one document whether written CĐ or CD.
    for n in ["1507/UBND-TH", "374-TB/TU"] {
        let refs = references(doc(&docs, n));
        assert_eq!(
            refs.iter().filter(|(r, _)| r.starts_with("1099/")).count(),
            1,
            "{n}: {refs:?}"
        );
    }
    let c1099 = external["references"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["number"].as_str().unwrap().starts_with("1099/"))
        .unwrap();
    assert_eq!(c1099["cited_by"].as_array().unwrap().len(), 2);

    // 1507's footnotes keep their citations, as links.
    let refs = references(doc(&docs, "1507/UBND-TH"));
    for n in ["1319/UBND-KGVX", "1100/UBND-KT", "139/KH-UBND"] {
        assert!(refs.iter().any(|(r, _)| r == n), "{n} missing: {refs:?}");
    }
    let p1507 = read(&public.join("van-ban/2021/1507-ubnd-th/index.html"));
    let notes = p1507
        .split("class=\"footnote-definition\"")
        .skip(1)
        .collect::<String>();
    assert!(notes.contains(">1319/UBND-KGVX</a>") && notes.contains(">139/KH-UBND</a>"));
    assert!(vanban::linkcheck::check_site(&public).is_empty());
}

#[test]
fn adding_the_cited_conclusion_turns_both_citations_into_archive_links() {
    let tmp = tempfile::tempdir().unwrap();
    let content = copy_sample(tmp.path());
    std::fs::create_dir_all(content.join("bo-chinh-tri")).unwrap();
    std::fs::write(
        content.join("bo-chinh-tri/2021-06-11-07-kl-tw.md"),
        "---\nnumber: 07-KL/TW\ntype: Kết luận\ntitle: Một số nhiệm vụ trọng tâm tăng cường công tác phòng, chống dịch bệnh Covid-19 và phát triển kinh tế - xã hội\nissuer: Bộ Chính trị\ndate: 2021-06-11\nplace: Hà Nội\n---\n\nBộ Chính trị kết luận.\n",
    )
    .unwrap();
    let public = build_ok(tmp.path());
    let docs = documents(&public);
    for n in ["176-CV/TU", "453-CV/TU"] {
        assert!(
            references(doc(&docs, n)).contains(&("07-KL/TW".into(), true)),
            "{n}"
        );
    }
    // The same address now serves the real document.
    let page = read(&public.join("van-ban/2021/07-kl-tw/index.html"));
    assert!(page.contains("Bộ Chính trị kết luận."));
    let citers: Vec<_> = doc(&docs, "07-KL/TW")["cited_by"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["number"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(citers, ["176-CV/TU", "453-CV/TU"]);
    let external: serde_json::Value =
        serde_json::from_str(&read(&public.join("data/references.json"))).unwrap();
    assert!(
        !external["references"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["number"] == "07-KL/TW")
    );
}

#[test]
fn two_documents_with_one_number_each_get_the_right_citation_or_neither() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    std::fs::create_dir_all(&content).unwrap();
    let write = |name: &str, text: &str| std::fs::write(content.join(name), text).unwrap();
    write(
        "a.md",
        "---\nnumber: 12-CV/TU\ntype: Công văn\ntitle: A\nissuer: Tỉnh ủy Kiên Giang\ndate: 2021-03-01\n---\nA.\n",
    );
    write(
        "b.md",
        "---\nnumber: 12-CV/TU\ntype: Công văn\ntitle: B\nissuer: Tỉnh ủy Quảng Ngãi\ndate: 2021-03-02\n---\nB.\n",
    );
    write(
        "c.md",
        "---\nnumber: 50/VP-KGVX\ntype: Công văn\ntitle: C\nissuer: Văn phòng UBND tỉnh Kiên Giang\ndate: 2021-04-01\n---\nThực hiện Công văn số 12-CV/TU ngày 01/3/2021 của Tỉnh ủy.\n",
    );
    write(
        "d.md",
        "---\nnumber: 9-CV/TU\ntype: Công văn\ntitle: D\nissuer: Tỉnh ủy Quảng Ngãi\ndate: 2021-04-02\n---\nTheo Công văn số 12-CV/TU của Tỉnh ủy.\n",
    );
    write(
        "e.md",
        "---\nnumber: 5/BYT-DP\ntype: Công văn\ntitle: E\nissuer: Bộ Y tế\ndate: 2021-04-03\n---\nCác tỉnh thực hiện Công văn số 12-CV/TU.\n",
    );
    let public = build_ok(tmp.path());
    let docs = documents(&public);
    let target = |n: &str| doc(&docs, n)["references"][0].clone();
    // The office of Kiên Giang means its own Tỉnh ủy; Quảng Ngãi's Tỉnh ủy its own.
    assert_eq!(
        target("50/VP-KGVX")["url"],
        "/van-ban/2021/12-cv-tu-tinh-uy-kien-giang/"
    );
    assert_eq!(
        target("9-CV/TU")["url"],
        "/van-ban/2021/12-cv-tu-tinh-uy-quang-ngai/"
    );
    // The ministry's sentence cannot tell them apart: no link, both candidates.
    let e = target("5/BYT-DP");
    assert_eq!(e["in_archive"], false);
    assert!(e["url"].is_null());
    assert_eq!(e["candidates"].as_array().unwrap().len(), 2);
    let page = read(&public.join("van-ban/2021/5-byt-dp/index.html"));
    assert!(
        !page.contains("<a class=\"cite"),
        "an ambiguous citation is not linked"
    );
    assert!(
        page.contains("12-cv-tu-tinh-uy-kien-giang")
            && page.contains("12-cv-tu-tinh-uy-quang-ngai")
    );
    // The shared address lists both.
    let shared = read(&public.join("van-ban/2021/12-cv-tu/index.html"));
    assert!(shared.contains("Tỉnh ủy Kiên Giang") && shared.contains("Tỉnh ủy Quảng Ngãi"));
    assert!(vanban::linkcheck::check_site(&public).is_empty());
}

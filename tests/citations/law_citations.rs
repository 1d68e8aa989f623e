//! Laws, codes and ordinances cited by name and year rather than number:
//! detected as references of their own, given pages like other cited
//! documents, and linked to an archive document of that type, name and year.

use crate::site;

use site::*;

const LAW: &str = "---
number: 77/2015/QH13
type: Luật
title: Tổ chức chính quyền địa phương
issuer: Quốc hội
date: 2015-06-19
---

Luật này quy định về đơn vị hành chính.
";

const CITING: &str = "---
number: 12/QĐ-UBND
type: Quyết định
title: Ban hành quy chế làm việc
issuer: Ủy ban nhân dân tỉnh Kiên Giang
date: 2021-06-15
---

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;

Căn cứ Bộ luật Lao động năm 2019; Luật Phòng, chống bệnh truyền nhiễm năm 2007;

Căn cứ Luật Sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;

Căn cứ Luật Đất đai số 31/2024/QH15 và Luật Đất đai ngày 29 tháng 11 năm 2013.
";

#[test]
fn laws_by_name_are_references_with_pages_and_links() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    std::fs::create_dir_all(content.join("qh")).unwrap();
    std::fs::create_dir_all(content.join("ubnd")).unwrap();
    std::fs::write(content.join("qh/luat.md"), LAW).unwrap();
    std::fs::write(content.join("ubnd/qd.md"), CITING).unwrap();
    let public = build_ok(dir.path());
    let json: serde_json::Value =
        serde_json::from_str(&read(&public.join("data/documents.json"))).unwrap();
    let doc = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["number"] == "12/QĐ-UBND")
        .unwrap();
    let refs = doc["references"].as_array().unwrap();
    let by_name = |name: &str| {
        refs.iter()
            .find(|r| r["name"] == name)
            .unwrap_or_else(|| panic!("{name} not in {refs:#?}"))
    };
    // Linked to the archive's law of that name and year.
    let local = by_name("Luật Tổ chức chính quyền địa phương");
    assert_eq!(local["in_archive"], true);
    assert_eq!(local["number"], "77/2015/QH13");
    assert_eq!(local["year"], 2015);
    // Not in the archive: number null, name as printed, year; a page.
    for (name, year) in [
        ("Bộ luật Lao động", 2019),
        ("Luật Phòng, chống bệnh truyền nhiễm", 2007),
        (
            "Luật Sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương",
            2019,
        ),
        ("Luật Đất đai", 2013),
    ] {
        let r = by_name(name);
        assert!(r["number"].is_null(), "{r}");
        assert_eq!(r["year"], year, "{r}");
        assert_eq!(r["in_archive"], false);
        let url = r["url"].as_str().unwrap();
        let page = public.join(url.trim_start_matches('/')).join("index.html");
        let html = read(&page);
        assert!(html.contains(name), "{url}: the page names the law");
        // Named once, with its year, never with its type word doubled.
        assert!(
            html.contains(&format!("<h1>{name} năm {year}</h1>")),
            "{url}: the page's heading"
        );
        assert!(!html.contains("Luật Luật") && !html.contains("Luật số Luật"));
    }
    let citing = read(
        &public
            .join(doc["url"].as_str().unwrap().trim_start_matches('/'))
            .join("index.html"),
    );
    assert!(citing.contains("Luật Đất đai"));
    assert!(!citing.contains("Luật Luật") && !citing.contains("Bộ luật Bộ luật"));
    // The law cited by number is a number reference, not a law by name, and
    // a law of another year does not link to the archive's.
    assert!(refs.iter().any(|r| r["number"] == "31/2024/QH15"));
    assert_eq!(
        refs.iter().filter(|r| r["in_archive"] == true).count(),
        1,
        "{refs:#?}"
    );
}

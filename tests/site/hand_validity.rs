//! Validity stated by hand in the front matter (`effective`, `status`,
//! `status_since`, `status_by`): the hand value wins on the page and in the
//! open data, and `vanban check` warns (file, line, field) where it
//! disagrees with what the texts say. Built on the sample archive with the
//! chain fixtures (`tests/fixtures/chain/content/`).

use crate::site;

use serde_json::Value;
use site::*;
use std::path::Path;

const DIR: &str = "content/ubnd-tinh-kien-giang/chain";

/// Adds `lines` at the end of the front matter of `file`.
fn state(root: &Path, file: &str, lines: &str) {
    let path = root.join(DIR).join(file);
    let text = read(&path);
    let end = text[4..].find("\n---\n").unwrap() + 5;
    let edited = format!("{}{lines}{}", &text[..end], &text[end..]);
    std::fs::write(&path, edited).unwrap();
}

fn setup() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let content = copy_sample(tmp.path());
    copy_dir(
        &repo().join("tests/fixtures/chain/content"),
        &content.join("ubnd-tinh-kien-giang/chain"),
    );
    tmp
}

fn record<'a>(docs: &'a [Value], number: &str) -> &'a Value {
    docs.iter().find(|d| d["number"] == number).unwrap()
}

#[test]
fn hand_validity_wins_and_check_names_each_disagreement() {
    let tmp = setup();
    let root = tmp.path();
    // The text says "kể từ ngày ký" (2021-04-01); the maintainer knows better.
    state(root, "2021-04-01-16-ct-ubnd.md", "effective: 2021-04-05\n");
    // Nothing in the archive ends this letter; the maintainer says a later
    // decision of the archive repealed it.
    state(
        root,
        "2021-09-15-300-stttt-vp.md",
        "status: repealed\nstatus_since: 2022-03-20\nstatus_by: [05/2022/QĐ-UBND]\n",
    );
    // Stated as the text says it: no warning.
    state(root, "2021-02-01-12-2021-qd-ubnd.md", "status: repealed\n");

    let public = build_ok(root);
    let json: Value = serde_json::from_str(&read(&public.join("data/documents.json"))).unwrap();
    let docs = json["documents"].as_array().unwrap();
    assert_eq!(record(docs, "16/CT-UBND")["effective"], "2021-04-05");
    let cv = record(docs, "300/STTTT-VP");
    assert_eq!(cv["status"]["state"], "repealed");
    assert_eq!(cv["status"]["since"], "2022-03-20");
    assert_eq!(cv["status"]["by"][0]["number"], "05/2022/QĐ-UBND");
    let qd = record(docs, "12/2021/QĐ-UBND");
    assert_eq!(qd["status"]["state"], "repealed");
    assert_eq!(qd["status"]["since"], "2022-03-15", "the text's date stays");

    // The page's status line says the hand value.
    let url = cv["url"].as_str().unwrap().trim_start_matches('/');
    let page = read(&public.join(url).join("index.html"));
    let line = &page[page.find("vb-status").unwrap()..];
    let line = &line[..line.find("</p>").unwrap()];
    assert!(line.contains("Đã bị bãi bỏ bởi"), "{line}");
    assert!(line.contains("05/2022/QĐ-UBND"), "{line}");
    assert!(line.contains("2022-03-20"), "{line}");

    let out = vanban(root, &["check", "--content", "content"]);
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
    let warnings: Vec<&str> = said.lines().filter(|l| l.contains("ghi tay")).collect();
    assert!(
        warnings
            .iter()
            .any(|l| l.contains("2021-04-01-16-ct-ubnd.md:10") && l.contains("`effective`")),
        "{said}"
    );
    assert!(
        warnings
            .iter()
            .any(|l| l.contains("2021-09-15-300-stttt-vp.md:10") && l.contains("`status`")),
        "{said}"
    );
    assert!(
        !warnings
            .iter()
            .any(|l| l.contains("2021-02-01-12-2021-qd-ubnd.md")),
        "a hand value the text agrees with is no warning: {said}"
    );
}

#[test]
fn a_status_outside_the_four_states_is_an_error_naming_the_field() {
    let tmp = setup();
    state(
        tmp.path(),
        "2021-04-01-16-ct-ubnd.md",
        "status: còn hiệu lực\n",
    );
    let out = vanban(
        tmp.path(),
        &["build", "--content", "content", "--output", "public"],
    );
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("2021-04-01-16-ct-ubnd.md:10") && err.contains("`status`"),
        "{err}"
    );
}

//! Unicode spacing and format characters anywhere in a document: text
//! pasted from Word or a web page carries no-break spaces (U+00A0, U+2007,
//! U+202F), thin and ideographic spaces, zero-width spaces, soft hyphens,
//! byte-order marks and line separators. None of them may make vanban
//! panic, and to the number grammar they are spaces (or nothing).
//!
//! The exhaustive part inserts each character at every position of a
//! document and runs load, citation detection, the citation graph and the
//! body's rendering in process; the end-to-end part runs `vanban build` and
//! `vanban check` on a site holding such documents.

use crate::site;

use site::*;
use std::path::Path;
use vanban::citation;
use vanban::markdown::{self, SourceLink};

/// Every spacing and format character the issue names, and a few more of
/// the same classes.
const CHARS: &[char] = &[
    '\u{a0}', '\u{2007}', '\u{202f}', '\u{2009}', '\u{200b}', '\u{ad}', '\u{3000}', '\u{feff}',
    '\u{2028}', '\t', '\u{2029}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{85}', '\u{2002}',
    '\u{200e}', '\r',
];

const DOC: &str = "---
number: 12/UBND-VX
type: Công văn
title: Về việc triển khai Nghị định số 22/2013/NĐ-CP
issuer: Ủy ban nhân dân tỉnh Kiên Giang
date: 2021-06-15
place: Kiên Giang
signers:
  - name: Nguyễn Văn A
    position: Chủ tịch
topics: [Covid-19]
---

Căn cứ Nghị định số 22/2013/NĐ-CP ngày 15/6/2021; Công văn số 176-CV/TU
của Tỉnh ủy[^1] và Công điện 1099/CĐ-TTg, 1102/CĐ-TTg ngày 23 tháng 8 năm 2021.

- **Kế hoạch 139/KH-UBND** tại <https://example.org/a/176-CV/TU>.

[^1]: Quyết định số 23/2021/QĐ-TTg của Thủ tướng Chính phủ.
";

/// Loads `text` as a document and, when it loads, runs what a build runs
/// on it: citations against the sample archive, and the body's rendering
/// with a link on every citation.
fn pipeline(text: &str, archive: &[vanban::document::Document]) {
    for m in citation::find_mentions(text) {
        assert!(text.get(m.span.clone()).is_some(), "{m:?} in {text:?}");
    }
    let Ok(doc) = vanban::load::parse_document(Path::new("x.md"), "x/x.md", text.into()) else {
        return;
    };
    let mut docs = archive.to_vec();
    docs.push(doc);
    let graph = citation::build(&docs);
    let me = docs.len() - 1;
    let links: Vec<SourceLink> = graph.outgoing[me]
        .iter()
        .flat_map(|c| c.spans.iter().cloned())
        .map(|span| SourceLink {
            span,
            href: "../x/".into(),
            title: "t".into(),
            in_archive: true,
        })
        .collect();
    let mut links = links;
    links.sort_by_key(|l| l.span.start);
    links.dedup_by_key(|l| l.span.start);
    let body = &docs[me].body;
    for l in &links {
        assert!(
            body.get(l.span.clone()).is_some(),
            "{:?} in {body:?}",
            l.span
        );
    }
    markdown::render(body, &links);
}

fn sample_archive() -> Vec<vanban::document::Document> {
    vanban::load::load(&seeds()).unwrap_or_else(|e| panic!("{e:?}"))
}

#[test]
fn any_space_or_format_character_anywhere_never_panics() {
    let archive = sample_archive();
    let mut runs = 0;
    for &ch in CHARS {
        for (at, _) in DOC.char_indices().chain([(DOC.len(), ' ')]) {
            let mut text = String::with_capacity(DOC.len() + 4);
            text.push_str(&DOC[..at]);
            text.push(ch);
            text.push_str(&DOC[at..]);
            pipeline(&text, &archive);
            // Twice in a row, as Word leaves them.
            text.insert(at, ch);
            pipeline(&text, &archive);
            runs += 2;
        }
    }
    assert!(runs > 10_000, "{runs}");
}

#[test]
fn every_space_of_the_body_replaced_never_panics_and_keeps_the_citations() {
    let archive = sample_archive();
    let (head, body) = DOC.split_at(DOC.find("\n---\n").unwrap() + 5);
    for &ch in CHARS {
        let text = format!("{head}{}", body.replace(' ', &ch.to_string()));
        pipeline(&text, &archive);
        if matches!(ch, '\r' | '\u{85}') {
            continue; // line ends, not spaces inside a line
        }
        let keys: Vec<String> = citation::find_mentions(&text)
            .into_iter()
            .map(|m| m.key)
            .collect();
        for want in ["22/2013/ND-CP", "176-CV/TU", "1099/CD-TTG", "1102/CD-TTG"] {
            assert!(
                keys.iter().any(|k| k == want),
                "U+{:04X}: {want} not found in {keys:?}",
                ch as u32
            );
        }
    }
}

/// The check: for each character, `Căn cứ Nghị định số<CH>22/2013/
/// NĐ-CP<CH>ngày 15/6/2021.` builds and checks (exit 0), and its citation of
/// 22/2013/NĐ-CP is found; with the character also in the front matter's
/// values and at the start of the file.
#[test]
fn build_and_check_succeed_and_find_the_citation() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    std::fs::create_dir_all(content.join("ubnd")).unwrap();
    let names: Vec<String> = CHARS
        .iter()
        .enumerate()
        .map(|(i, &ch)| {
            let c = ch.to_string();
            // A control character (`\r`, U+0085) in a value is an error of
            // the contract: those go in the body only.
            // An invisible character is nothing: beside a space there.
            let f = if ch.is_control() && ch != '\t' {
                " ".to_string()
            } else if vanban::text::is_invisible(ch) {
                format!("{c} ")
            } else {
                c.clone()
            };
            let text = format!(
                "---\nnumber: {n}/UBND-VX\ntype: Công{f}văn\ntitle: Thử{f}nghiệm{f}\nissuer: Ủy ban nhân dân{f}tỉnh Kiên Giang\ndate: 2021-06-15\nplace: Kiên{f}Giang\n---\n\nCăn cứ Nghị định số{c}22/2013/NĐ-CP{c}ngày 15/6/2021.\n",
                n = 100 + i,
            );
            let name = format!("ubnd/{}.md", 100 + i);
            std::fs::write(content.join(&name), text).unwrap();
            name
        })
        .collect();
    let out = vanban(
        dir.path(),
        &["build", "--content", "content", "--output", "public"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = vanban(dir.path(), &["check", "--content", "content"]);
    assert_eq!(out.status.code(), Some(0), "check: {}", stderr(&out));
    let json: serde_json::Value =
        serde_json::from_str(&read(&dir.path().join("public/data/documents.json"))).unwrap();
    let docs = json["documents"].as_array().unwrap();
    assert_eq!(docs.len(), names.len());
    for d in docs {
        let cited: Vec<&str> = d["references"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|r| r["number"].as_str())
            .collect();
        assert_eq!(cited, ["22/2013/NĐ-CP"], "{}", d["number"]);
        // The spaces in the front matter are plain spaces: one type, one
        // issuer for all.
        assert_eq!(d["type"], "Công văn", "{}", d["number"]);
        assert_eq!(d["issuer"], "Ủy ban nhân dân tỉnh Kiên Giang");
    }
}

//! `vanban import`: the seed files reproduce the documents of `content/`,
//! damaged conversions of them still do, and import never overwrites.

use serde_json::Value;
use std::fs;
use std::path::Path;
use vanban::import::{Draft, draft_documents};

fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The seed files beside the repository, by the prefix of their name.
fn seed(prefix: &str) -> String {
    let dir = crate_dir().join("../shared/seeds");
    let entry = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix}"));
    fs::read_to_string(entry).unwrap()
}

/// Which content files each seed holds, in order.
const SEEDS: &[(&str, &[&str])] = &[
    (
        "000",
        &[
            "van-phong-ubnd-tinh-kien-giang/2021-06-21-435-vp-kgvx.md",
            "tinh-uy-kien-giang/2021-06-15-176-cv-tu.md",
        ],
    ),
    ("001", &["tinh-uy-kien-giang/2021-04-29-143-cv-tu.md"]),
    ("002", &["ubnd-tinh-kien-giang/2021-09-11-1507-ubnd-th.md"]),
    ("003", &["tinh-uy-quang-ngai/2021-06-16-453-cv-tu.md"]),
    (
        "004",
        &[
            "van-phong-ubnd-tinh-kien-giang/2021-09-06-6777-vp-kgvx.md",
            "tinh-uy-kien-giang/2021-09-01-374-tb-tu.md",
        ],
    ),
];

fn content(rel: &str) -> String {
    fs::read_to_string(crate_dir().join("content").join(rel)).unwrap()
}

/// Front matter as a generic value, and the body's paragraphs.
fn parse(markdown: &str) -> (Value, Vec<String>) {
    let rest = markdown.strip_prefix("---\n").expect("front matter opens");
    let (yaml, body) = rest.split_once("\n---\n").expect("front matter closes");
    let value: Value = serde_saphyr::from_str(yaml).expect("front matter is YAML");
    let paragraphs = body
        .split("\n\n")
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    (value, paragraphs)
}

fn path_of(draft: &Draft) -> String {
    format!("{}/{}", draft.issuer_folder(), draft.file_name())
}

/// Asserts that the drafts of `text` are the content files `expected`,
/// field for field and paragraph for paragraph.
fn assert_reproduces(what: &str, text: &str, expected: &[&str]) {
    let drafts = draft_documents(text);
    let paths: Vec<String> = drafts.iter().map(path_of).collect();
    assert_eq!(paths, expected, "{what}: documents and their paths");
    for (draft, rel) in drafts.iter().zip(expected) {
        let (want_fields, want_body) = parse(&content(rel));
        let (got_fields, got_body) = parse(&draft.to_markdown());
        assert_eq!(got_fields, want_fields, "{what}: front matter of {rel}");
        assert_eq!(got_body, want_body, "{what}: body of {rel}");
        assert!(
            draft.missing.is_empty(),
            "{what}: {rel} misses {:?}",
            draft.missing
        );
    }
}

#[test]
fn seeds_reproduce_the_content_documents() {
    for (prefix, expected) in SEEDS {
        assert_reproduces(prefix, &seed(prefix), expected);
    }
}

#[test]
fn seeds_reproduce_the_content_files_byte_for_byte() {
    for (prefix, expected) in SEEDS {
        for (draft, rel) in draft_documents(&seed(prefix)).iter().zip(*expected) {
            assert_eq!(draft.to_markdown(), content(rel), "{rel}");
        }
    }
}

//! The citation graph of the sample archive (`content/`), and what happens
//! when a cited document is added to a copy of it.

use std::path::Path;
use vanban::citation::{self, CitationGraph, Target};
use vanban::document::Document;

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap_or_else(|e| panic!("{e}"));
        let rel = entry
            .path()
            .strip_prefix(from)
            .unwrap_or_else(|e| panic!("{e}"));
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap_or_else(|e| panic!("{e}"));
        } else {
            std::fs::copy(entry.path(), &dest).unwrap_or_else(|e| panic!("{e}"));
        }
    }
}

fn sample_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds/content"),
        dir.path(),
    );
    dir
}

fn load(dir: &Path) -> Vec<Document> {
    vanban::load::load(dir).unwrap_or_else(|e| panic!("{e:?}"))
}

fn index(docs: &[Document], number: &str) -> usize {
    docs.iter()
        .position(|d| d.number == number)
        .unwrap_or_else(|| panic!("{number} not in the archive"))
}

/// The target of `from`'s citation of `key`.
fn target<'g>(g: &'g CitationGraph, from: usize, key: &str) -> &'g Target {
    &g.outgoing[from]
        .iter()
        .find(|c| c.key == key)
        .unwrap_or_else(|| panic!("no citation of {key}"))
        .target
}

#[test]
fn the_sample_archive_cites_along_the_chain() {
    let dir = sample_copy();
    let docs = load(dir.path());
    let g = citation::build(&docs);
    let (vp435, cv176, vp6777, tb374) = (
        index(&docs, "435/VP-KGVX"),
        index(&docs, "176-CV/TU"),
        index(&docs, "6777/VP-KGVX"),
        index(&docs, "374-TB/TU"),
    );
    let (cv453, ubnd1507) = (index(&docs, "453-CV/TU"), index(&docs, "1507/UBND-TH"));
    assert_eq!(target(&g, vp435, "176-CV/TU"), &Target::Archive(cv176));
    assert_eq!(target(&g, vp6777, "374-TB/TU"), &Target::Archive(tb374));
    assert!(g.cited_by[cv176].contains(&vp435));
    assert!(g.cited_by[tb374].contains(&vp6777));

    // 176-CV/TU and 453-CV/TU both cite 07-KL/TW, outside the archive.
    let kl = match target(&g, cv176, "7-KL/TW") {
        Target::External(e) => *e,
        t => panic!("07-KL/TW should be external, is {t:?}"),
    };
    assert_eq!(target(&g, cv453, "7-KL/TW"), &Target::External(kl));
    assert_eq!(g.external[kl].cited_by, [cv176, cv453]);
    assert_eq!(g.external[kl].issuer.as_deref(), Some("Bộ Chính trị"));

    // 1507 writes CĐ, 374 writes CD: one Công điện 1099.
    let cd = target(&g, ubnd1507, "1099/CD-TTG");
    assert!(matches!(cd, Target::External(_)));
    assert_eq!(target(&g, tb374, "1099/CD-TTG"), cd);

    // 1507's footnotes keep their citations, each with its place in the body.
    let body = &docs[ubnd1507].body;
    for key in ["1319/UBND-KGVX", "1100/UBND-KT", "139/KH-UBND"] {
        let c = g.outgoing[ubnd1507]
            .iter()
            .find(|c| c.key == key)
            .unwrap_or_else(|| panic!("1507 should cite {key}"));
        assert!(c.spans.iter().all(|s| body[s.clone()] == *c.number));
        assert!(
            c.spans
                .iter()
                .all(|s| body[..s.start].rfind("[^").is_some())
        );
    }
}

#[test]
fn adding_the_cited_conclusion_links_both_citations() {
    let dir = sample_copy();
    std::fs::create_dir_all(dir.path().join("bo-chinh-tri")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dir.path().join("bo-chinh-tri/2021-06-11-07-kl-tw.md"),
        "---\nnumber: 07-KL/TW\ntype: Kết luận\ntitle: Một số nhiệm vụ trọng tâm tăng cường công tác phòng, chống dịch bệnh Covid-19 và phát triển kinh tế - xã hội\nissuer: Bộ Chính trị\ndate: 2021-06-11\n---\n\nBộ Chính trị kết luận.\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let docs = load(dir.path());
    let g = citation::build(&docs);
    let kl = index(&docs, "07-KL/TW");
    let (cv176, cv453) = (index(&docs, "176-CV/TU"), index(&docs, "453-CV/TU"));
    assert_eq!(target(&g, cv176, "7-KL/TW"), &Target::Archive(kl));
    assert_eq!(target(&g, cv453, "7-KL/TW"), &Target::Archive(kl));
    assert_eq!(g.cited_by[kl], [cv176, cv453]);
    assert!(g.external.iter().all(|e| e.key != "7-KL/TW"));
}

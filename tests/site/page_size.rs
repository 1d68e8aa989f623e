//! What a page costs stays bounded as the archive grows: the chain of
//! orders lists at most twelve steps on each side of a document and folds
//! the others into counts by issuer (at most twelve issuers and one count
//! of the rest), and pages carry no template indentation. Checked on a
//! generated archive dense enough for large fans.

use crate::site;

use site::*;

#[test]
fn chains_fold_and_pages_carry_no_layout_whitespace() {
    let tmp = tempfile::tempdir().unwrap();
    vanban::generate::generate(&vanban::generate::GenerateOptions {
        count: 1500,
        seed: 7,
        output: tmp.path().join("content"),
    })
    .unwrap();
    let public = build_ok(tmp.path());
    let step = scraper::Selector::parse("#dong-chi-dao ol.chain > li").unwrap();
    let cites = scraper::Selector::parse("#dong-chi-dao ol.chain > li.cites").unwrap();
    let folded = scraper::Selector::parse("#dong-chi-dao ul.chain-folded").unwrap();
    let li = scraper::Selector::parse("li").unwrap();
    let (mut pages, mut with_folds, mut full_up) = (0, 0, 0);
    for e in walkdir::WalkDir::new(public.join("van-ban")) {
        let e = e.unwrap();
        if e.file_name() != "index.html" || !e.path().with_file_name("index.json").is_file() {
            continue;
        }
        pages += 1;
        let html = read(e.path());
        for line in html.lines() {
            assert!(
                !line.starts_with([' ', '\t']) || html.contains("<pre"),
                "{}: indented line {line:?}",
                e.path().display()
            );
        }
        let doc = scraper::Html::parse_document(&html);
        let steps = doc.select(&step).count();
        assert!(steps <= 25, "{}: {steps} chain steps", e.path().display());
        let lists: Vec<_> = doc.select(&folded).collect();
        for l in &lists {
            let n = l.select(&li).count();
            assert!(
                (1..=13).contains(&n),
                "{}: {n} folded issuers",
                e.path().display()
            );
        }
        if !lists.is_empty() {
            with_folds += 1;
            // A folded side lists its twelve nearest steps.
            if html.contains("Các văn bản trước đó trong dòng chỉ đạo") {
                full_up += 1;
                assert_eq!(doc.select(&cites).count(), 12, "{}", e.path().display());
            }
        }
    }
    assert_eq!(pages, 1500);
    // The archive is dense enough for the folds to be exercised.
    assert!(
        with_folds > 10 && full_up > 0,
        "{with_folds} pages fold, {full_up} upwards"
    );
}

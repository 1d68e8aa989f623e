//! Relation kinds measured on the real corpus: for every number its truth
//! file lists (`tests/real-corpus/truth/*.json`, kinds judged by reading),
//! the strongest kind vanban reads from the sentences citing it in the
//! file. Precision is over the kinds vanban gives (anything but
//! `mentions`), recall over the kinds the truth gives. Run with
//! `cargo test --test citations citation_kinds:: -- --nocapture` to see the figures and
//! every disagreement.

use crate::truth;

use std::collections::BTreeMap;
use vanban::citation::{CiteKind, classify, find_mentions};
use vanban::number::normalize;

/// What the corpus measures: (truth kind, found kind, file, number).
fn pairs() -> Vec<(CiteKind, CiteKind, String, String)> {
    let mut out = Vec::new();
    for t in truth::load_all() {
        let path = truth::corpus_dir().join("docs").join(&t.file);
        let Ok(text) = std::fs::read_to_string(&path) else {
            panic!("{}: missing", path.display());
        };
        let mut found: BTreeMap<String, CiteKind> = BTreeMap::new();
        let mut why: BTreeMap<String, String> = BTreeMap::new();
        for m in find_mentions(&text) {
            let k = classify(&text, m.span.clone());
            let e = found.entry(m.key.clone()).or_default();
            if k > *e {
                let mut a = m.span.start.saturating_sub(160);
                while !text.is_char_boundary(a) {
                    a -= 1;
                }
                let mut b = (m.span.end + 60).min(text.len());
                while !text.is_char_boundary(b) {
                    b += 1;
                }
                why.insert(m.key.clone(), text[a..b].replace('\n', " ⏎ "));
            }
            *e = (*e).max(k);
        }
        let mut want: BTreeMap<String, (CiteKind, String)> = BTreeMap::new();
        for d in &t.documents {
            for c in &d.cites {
                let k = CiteKind::parse(&c.kind)
                    .unwrap_or_else(|| panic!("{}: kind {}", t.file, c.kind));
                let e = want
                    .entry(normalize(&c.number))
                    .or_insert((k, c.number.clone()));
                e.0 = e.0.max(k);
            }
        }
        for (key, (k, number)) in want {
            if let Some(&f) = found.get(&key) {
                let w = why.get(&key).cloned().unwrap_or_default();
                out.push((k, f, t.file.clone(), format!("{number} ‖ {w}")));
            }
        }
    }
    out
}

#[test]
fn kinds_are_precise_on_the_real_corpus() {
    let pairs = pairs();
    assert!(
        pairs.len() > 500,
        "only {} cited numbers found",
        pairs.len()
    );
    let given: Vec<_> = pairs.iter().filter(|p| p.1 != CiteKind::Mentions).collect();
    let right = given.iter().filter(|p| p.0 == p.1).count();
    let stated: Vec<_> = pairs.iter().filter(|p| p.0 != CiteKind::Mentions).collect();
    let recalled = stated.iter().filter(|p| p.0 == p.1).count();
    for (t, f, file, number) in &pairs {
        if t != f {
            println!(
                "{file}: {number}: truth {} found {}",
                t.as_str(),
                f.as_str()
            );
        }
    }
    for k in CiteKind::ALL {
        let g = pairs.iter().filter(|p| p.1 == k).count();
        let r = pairs.iter().filter(|p| p.1 == k && p.0 == k).count();
        let s = pairs.iter().filter(|p| p.0 == k).count();
        println!("{:>10}: given {g}, right {r}, in truth {s}", k.as_str());
    }
    let precision = right as f64 / given.len().max(1) as f64;
    let recall = recalled as f64 / stated.len().max(1) as f64;
    println!(
        "kinds: {} cited numbers, precision {right}/{} = {:.1}%, recall {recalled}/{} = {:.1}%",
        pairs.len(),
        given.len(),
        100.0 * precision,
        stated.len(),
        100.0 * recall
    );
    assert!(
        precision >= 0.95,
        "kind precision {:.1}% < 95%",
        100.0 * precision
    );
    assert!(recall >= 0.5, "kind recall {:.1}% < 50%", 100.0 * recall);
}

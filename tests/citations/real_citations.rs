//! Citations on the real corpus (`tests/real-corpus/`), scored against the
//! truth written by reading (`truth/*.json`: `cites` and `laws`).
//!
//! (a) detection fed the raw text of each corpus file directly;
//! (b) end to end: `vanban import` of the whole corpus, then `vanban build`,
//!     the cited numbers read from the site's `data/documents.json`.
//!
//! Per source: recall, precision and wrong links (a link to an archive
//! document that is not the one cited). Run with `--nocapture` for the
//! table; docs/real-corpus-citations.md has the figures and the command.

use crate::site;
use crate::truth;

use std::collections::{BTreeMap, BTreeSet};
use truth::TruthFile;
use vanban::number::normalize;

/// A reference as scored: a number's key, or a law's folded name and year.
type Key = String;

/// The truth's law as vanban keys it.
fn law_key(name: &str, year: Option<i32>) -> Key {
    vanban::citation::law_key(name, year)
}

fn truth_keys(t: &TruthFile) -> BTreeSet<Key> {
    let own: BTreeSet<Key> = t
        .documents
        .iter()
        .filter_map(|d| d.number.as_deref().map(normalize))
        .collect();
    t.documents
        .iter()
        .flat_map(|d| {
            d.cites
                .iter()
                .map(|c| normalize(&c.number))
                .chain(d.laws.iter().map(|l| law_key(&l.name, l.year)))
        })
        .filter(|k| !own.contains(k))
        .collect()
}

#[derive(Default, Clone, Copy)]
struct Score {
    files: usize,
    truth: usize,
    found: usize,
    right: usize,
    wrong_links: usize,
}

impl Score {
    fn add(&mut self, o: Score) {
        self.files += o.files;
        self.truth += o.truth;
        self.found += o.found;
        self.right += o.right;
        self.wrong_links += o.wrong_links;
    }

    fn recall(&self) -> f64 {
        ratio(self.right, self.truth)
    }

    fn precision(&self) -> f64 {
        ratio(self.right, self.found)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

fn compare(truth: &BTreeSet<Key>, found: &BTreeSet<Key>) -> Score {
    Score {
        files: 1,
        truth: truth.len(),
        found: found.len(),
        right: truth.intersection(found).count(),
        wrong_links: 0,
    }
}

fn table(title: &str, per: &BTreeMap<String, Score>, misses: &[String]) -> Score {
    let mut all = Score::default();
    println!("\n{title}\n");
    println!(
        "| source | files | cited (truth) | found | right | recall | precision | wrong links |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (src, s) in per {
        all.add(*s);
        row(src, s);
    }
    row("all", &all);
    if std::env::var_os("VANBAN_SHOW_MISSES").is_some() {
        for m in misses {
            println!("  {m}");
        }
    }
    all
}

fn row(name: &str, s: &Score) {
    println!(
        "| {name} | {} | {} | {} | {} | {:.1}% | {:.1}% | {} |",
        s.files,
        s.truth,
        s.found,
        s.right,
        100.0 * s.recall(),
        100.0 * s.precision(),
        s.wrong_links
    );
}

fn directives() -> Vec<TruthFile> {
    let all = truth::load_all();
    assert!(all.len() >= 100, "only {} truth files", all.len());
    all.into_iter().filter(|t| t.directive).collect()
}

fn misses_of(file: &str, truth: &BTreeSet<Key>, found: &BTreeSet<Key>, out: &mut Vec<String>) {
    for k in truth.difference(found) {
        out.push(format!("{file}: missed {k}"));
    }
    for k in found.difference(truth) {
        out.push(format!("{file}: extra {k}"));
    }
}

/// What detection finds in a text: numbers and laws by name, the file's
/// own numbers left out.
fn detected(text: &str, own: &BTreeSet<Key>) -> BTreeSet<Key> {
    let numbers = vanban::citation::find_mentions(text)
        .into_iter()
        .map(|m| m.key);
    let laws = vanban::citation::find_laws(text).into_iter().map(|l| l.key);
    numbers.chain(laws).filter(|k| !own.contains(k)).collect()
}

#[test]
fn detection_on_the_raw_text() {
    let mut per: BTreeMap<String, Score> = BTreeMap::new();
    let mut misses = Vec::new();
    for t in directives() {
        let path = truth::corpus_dir().join("docs").join(&t.file);
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        let own: BTreeSet<Key> = t
            .documents
            .iter()
            .filter_map(|d| d.number.as_deref().map(normalize))
            .collect();
        let want = truth_keys(&t);
        let found = detected(&text, &own);
        misses_of(&t.file, &want, &found, &mut misses);
        per.entry(truth::source_of(&t.file).to_string())
            .or_default()
            .add(compare(&want, &found));
    }
    let all = table("(a) detection on the raw text", &per, &misses);
    // Ratchet: the levels reached, below the targets (97%, 98%).
    assert!(all.recall() >= RAW_RECALL, "recall {:.3}", all.recall());
    assert!(
        all.precision() >= RAW_PRECISION,
        "precision {:.3}",
        all.precision()
    );
}

const RAW_RECALL: f64 = 0.96;
const RAW_PRECISION: f64 = 0.90;

/// Fills the header fields import left empty (`cần điền`) with stand-ins,
/// as the person checking the drafts would: the body, which is all
/// citations read, is left as import wrote it.
fn fill_drafts(content: &std::path::Path) {
    let mut n = 0;
    for e in walkdir::WalkDir::new(content).sort_by_file_name() {
        let e = e.unwrap();
        if !e.file_type().is_file() || e.path().extension().is_none_or(|x| x != "md") {
            continue;
        }
        let text = std::fs::read_to_string(e.path()).unwrap();
        if !text.contains("cần điền") {
            continue;
        }
        n += 1;
        let filled: Vec<String> = text
            .lines()
            .map(|l| {
                let Some((field, _)) = l.split_once(": \"\"") else {
                    return l.to_string();
                };
                let value = match field {
                    "number" => format!("{n}/CAN-DIEN"),
                    "type" => "Công văn".into(),
                    "date" => "2000-01-01".into(),
                    _ => "Cần điền".into(),
                };
                format!("{field}: \"{value}\"")
            })
            .collect();
        std::fs::write(e.path(), filled.join("\n") + "\n").unwrap();
    }
}

/// The numbers of the drafts under `dir`, as their front matter gives them.
fn draft_numbers(dir: &std::path::Path) -> Vec<String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .filter_map(|e| {
            let text = std::fs::read_to_string(e.path()).ok()?;
            let line = text.lines().find(|l| l.starts_with("number:"))?;
            let value = line["number:".len()..].split(" #").next()?.trim();
            Some(value.trim_matches('"').to_string())
        })
        .collect()
}

/// Each corpus file is imported on its own into `content/<file stem>/`
/// (so that a clash of draft names between files, an import matter, does
/// not hide a file's citations), the drafts are filled and built together,
/// and each file's truth is compared with what its drafts reference.
#[test]
fn import_then_build() {
    let dir = tempfile::tempdir().unwrap();
    let docs_dir = truth::corpus_dir().join("docs");
    let truths = directives();
    for t in &truths {
        let stem = t.file.trim_end_matches(".txt");
        let src = docs_dir.join(&t.file);
        let target = format!("content/{stem}");
        let out = site::vanban(
            dir.path(),
            &["import", "--content", &target, &src.to_string_lossy()],
        );
        assert!(
            out.status.success(),
            "import {}: {}",
            t.file,
            site::stderr(&out)
        );
    }
    fill_drafts(&dir.path().join("content"));
    // Drafts that still do not load (a clash of numbers, a broken value)
    // are left out, and their citations count as missed.
    for _ in 0..3 {
        let out = site::vanban(dir.path(), &["check", "--content", "content"]);
        let report = site::stderr(&out) + &String::from_utf8_lossy(&out.stdout);
        let mut bad = BTreeSet::new();
        for line in report.lines() {
            if line.contains(": error:")
                && let Some(path) = line.split(':').next()
                && path.ends_with(".md")
            {
                bad.insert(path.to_string());
            }
        }
        if bad.is_empty() {
            break;
        }
        for p in &bad {
            let _ = std::fs::remove_file(dir.path().join(p));
        }
    }
    let public = site::build_ok(dir.path());
    let json: serde_json::Value =
        serde_json::from_str(&site::read(&public.join("data/documents.json"))).unwrap();
    // Each built document by its number's key: what it references, and
    // which of those are links into the archive.
    let mut built: BTreeMap<String, (BTreeSet<Key>, BTreeSet<Key>)> = BTreeMap::new();
    for d in json["documents"].as_array().unwrap() {
        let Some(number) = d["number"].as_str() else {
            continue;
        };
        let entry = built.entry(normalize(number)).or_default();
        for r in d["references"].as_array().unwrap() {
            // A law cited by name has its name (and its number too when it
            // links to an archive document).
            let key = match (r["name"].as_str(), r["number"].as_str()) {
                (Some(name), _) => {
                    law_key(name, r["year"].as_i64().and_then(|y| i32::try_from(y).ok()))
                }
                (None, Some(n)) => normalize(n),
                (None, None) => continue,
            };
            if r["in_archive"].as_bool() == Some(true) {
                entry.1.insert(key.clone());
            }
            entry.0.insert(key);
        }
    }
    let mut per: BTreeMap<String, Score> = BTreeMap::new();
    let mut misses = Vec::new();
    for t in &truths {
        let stem = t.file.trim_end_matches(".txt");
        let want = truth_keys(t);
        let mut found = BTreeSet::new();
        let mut links = BTreeSet::new();
        for n in draft_numbers(&dir.path().join("content").join(stem)) {
            if let Some((f, l)) = built.get(&normalize(&n)) {
                found.extend(f.iter().cloned());
                links.extend(l.iter().cloned());
            }
        }
        misses_of(&t.file, &want, &found, &mut misses);
        let mut s = compare(&want, &found);
        s.wrong_links = links.difference(&want).count();
        for k in links.difference(&want) {
            println!("wrong link: {}: {k}", t.file);
        }
        per.entry(truth::source_of(&t.file).to_string())
            .or_default()
            .add(s);
    }
    let all = table("(b) import, then build: data/documents.json", &per, &misses);
    assert!(all.recall() >= BUILT_RECALL, "recall {:.3}", all.recall());
    assert!(
        all.precision() >= BUILT_PRECISION,
        "precision {:.3}",
        all.precision()
    );
    assert_eq!(
        all.wrong_links, 0,
        "no citation may link the wrong document"
    );
}

// Cutting the web page's trailer after the document (the site's notice
// citing Nghị định 13/2023/NĐ-CP in 68 files, related documents) in import:
// recall 95.1% -> 95.6%, precision 87.7% -> 90.4%.
const BUILT_RECALL: f64 = 0.959;
const BUILT_PRECISION: f64 = 0.923;
// Wrong links: none, the target. The last two came from one import error:
// a header line "THEO QUYẾT ĐỊNH / SỐ 1050/QĐ-SCT" under the issuer taken
// for the document's number (fixed in import's header reader). Measured:
// recall 96.0%, precision 92.3%.

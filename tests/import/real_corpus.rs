//! The scored test over the real corpus: every file of
//! `tests/real-corpus/docs/` imported with the built binary, the drafts read
//! back and each header field compared with the truth written by reading
//! (`tests/real-corpus/truth/`). Prints the table (`cargo test --test import real_corpus:: -- --nocapture`) and fails when a score falls below its floor.

use crate::truth;

use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use truth::{TruthDoc, TruthFile, fold_issuer, fold_number, fold_text};

const FIELDS: [&str; 7] = [
    "number", "type", "title", "issuer", "date", "place", "signers",
];

/// Least share of fields right and most share wrong, per field, in percent.
/// The target is 95 right and 1 wrong for every field; where import
/// does not reach it yet the floor is the level reached (a ratchet: raise it
/// when the score rises, never lower it). docs/real-corpus-scores.md says
/// which fields are below target.
const FLOORS: [(&str, f64, f64); 7] = [
    ("number", 96.5, 0.5),
    ("type", 95.4, 0.5),
    ("title", 90.0, 3.7),
    ("issuer", 94.5, 0.5),
    ("date", 96.0, 0.0),
    ("place", 95.5, 0.0),
    ("signers", 92.5, 1.0),
];

/// Floors of the held-out set (`heldout_import_scores`), set from the level
/// reached there; like `FLOORS`, raise them, never lower them.
const HELDOUT_FLOORS: [(&str, f64, f64); 7] = [
    ("number", 96.5, 0.0),
    ("type", 96.5, 3.2),
    ("title", 93.5, 3.2),
    ("issuer", 93.5, 3.2),
    ("date", 96.5, 0.0),
    ("place", 100.0, 0.0),
    ("signers", 93.5, 0.0),
];

/// Least share of directive files split into exactly their documents.
const SPLIT_FLOOR: f64 = 100.0;

#[derive(Default, Clone, Copy)]
struct Tally {
    right: usize,
    wrong: usize,
    empty: usize,
}

impl Tally {
    fn total(&self) -> usize {
        self.right + self.wrong + self.empty
    }
    fn pct(&self, n: usize) -> f64 {
        if self.total() == 0 {
            0.0
        } else {
            100.0 * n as f64 / self.total() as f64
        }
    }
    fn add(&mut self, v: Verdict) {
        match v {
            Verdict::Right => self.right += 1,
            Verdict::Wrong => self.wrong += 1,
            Verdict::Empty => self.empty += 1,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Verdict {
    Right,
    Wrong,
    Empty,
}

fn vanban() -> &'static str {
    env!("CARGO_BIN_EXE_vanban")
}

fn docs_dir() -> PathBuf {
    truth::corpus_dir().join("docs")
}

/// Imports `files` into `content` with the binary; returns the paths it
/// reports written, in order, per source file, and the report.
fn import(content: &Path, files: &[PathBuf]) -> (BTreeMap<String, Vec<PathBuf>>, String) {
    let out = Command::new(vanban())
        .arg("import")
        .arg("--content")
        .arg(content)
        .args(files)
        .output()
        .expect("vanban runs");
    let report = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "import failed: {report}");
    let mut written: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    let mut current = None;
    for line in report.lines() {
        if let Some(path) = line.strip_prefix("  đã ghi ") {
            let key: &String = current.as_ref().expect("a file heads its documents");
            written
                .entry(key.clone())
                .or_default()
                .push(PathBuf::from(path));
        } else if !line.starts_with(' ')
            && let Some((source, _)) = line.rsplit_once(": ")
        {
            let name = Path::new(source)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned());
            current = name;
        }
    }
    (written, report)
}

/// A draft's front matter.
fn front_matter(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap();
    let rest = text.strip_prefix("---\n").expect("front matter opens");
    let (yaml, _) = rest.split_once("\n---\n").expect("front matter closes");
    serde_saphyr::from_str(yaml).expect("front matter is YAML")
}

fn text_field<'v>(fm: &'v Value, key: &str) -> Option<&'v str> {
    fm.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn compare(found: Option<&str>, truth: Option<&str>, same: impl Fn(&str, &str) -> bool) -> Verdict {
    match (found, truth) {
        (None, None) => Verdict::Right,
        (None, Some(_)) => Verdict::Empty,
        (Some(_), None) => Verdict::Wrong,
        (Some(f), Some(t)) if same(f, t) => Verdict::Right,
        _ => Verdict::Wrong,
    }
}

fn verdict(field: &str, fm: &Value, t: &TruthDoc) -> Verdict {
    match field {
        "number" => compare(text_field(fm, "number"), t.number.as_deref(), |f, t| {
            fold_number(f) == fold_number(t)
        }),
        "type" => compare(text_field(fm, "type"), t.r#type.as_deref(), |f, t| {
            fold_text(f) == fold_text(t)
        }),
        "title" => compare(text_field(fm, "title"), t.title.as_deref(), |f, t| {
            fold_title(f) == fold_title(t)
        }),
        "issuer" => {
            let found = text_field(fm, "issuer");
            match (found, &t.issuer) {
                (Some(f), Some(_)) if truth::issuer_matches(f, t) => Verdict::Right,
                _ => compare(found, t.issuer.as_deref(), |_, _| false),
            }
        }
        "date" => {
            // YAML may read a bare date as a string; either way compare text.
            let found = fm.get("date").and_then(|v| match v {
                Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
                _ => None,
            });
            compare(found.as_deref(), t.date.as_deref(), |f, t| f == t)
        }
        "place" => compare(text_field(fm, "place"), t.place.as_deref(), |f, t| {
            fold_issuer(f) == fold_issuer(t)
        }),
        _ => {
            let names: Vec<String> = fm
                .get("signers")
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(|s| s.get("name").and_then(Value::as_str))
                        .map(fold_text)
                        .collect()
                })
                .unwrap_or_default();
            let want: Vec<String> = t.signers.iter().map(|s| fold_text(s)).collect();
            if names == want {
                Verdict::Right
            } else if names.is_empty() {
                Verdict::Empty
            } else {
                Verdict::Wrong
            }
        }
    }
}

/// A title as compared: folded, the tone mark on either vowel of `oa`,
/// `oe`, `uy` (`hoá` = `hóa`, `khoá` = `khóa`: two spellings of one
/// syllable), and without a leading "về": the truth keeps the word where a
/// title starts with it ("CHỈ THỊ / Về tăng cường ...") in some files and
/// drops it in others, and a reader takes both for the same title.
fn fold_title(s: &str) -> String {
    const MOVED: [(&str, &str); 15] = [
        ("oá", "óa"),
        ("oà", "òa"),
        ("oả", "ỏa"),
        ("oã", "õa"),
        ("oạ", "ọa"),
        ("oé", "óe"),
        ("oè", "òe"),
        ("oẻ", "ỏe"),
        ("oẽ", "õe"),
        ("oẹ", "ọe"),
        ("uý", "úy"),
        ("uỳ", "ùy"),
        ("uỷ", "ủy"),
        ("uỹ", "ũy"),
        ("uỵ", "ụy"),
    ];
    let mut folded = fold_text(s);
    for (old, new) in MOVED {
        folded = folded.replace(old, new);
    }
    folded
        .strip_prefix("về ")
        .map(str::to_string)
        .unwrap_or(folded)
}

fn shown(field: &str, fm: &Value) -> String {
    let key = if field == "type" { "type" } else { field };
    match fm.get(key) {
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|s| s.get("name").and_then(Value::as_str))
            .collect::<Vec<_>>()
            .join("; "),
        Some(v) => v.as_str().unwrap_or("").to_string(),
        None => String::new(),
    }
}

fn truth_shown(field: &str, t: &TruthDoc) -> String {
    match field {
        "number" => t.number.clone(),
        "type" => t.r#type.clone(),
        "title" => t.title.clone(),
        "issuer" => t.issuer.clone(),
        "date" => t.date.clone(),
        "place" => t.place.clone(),
        _ => Some(t.signers.join("; ")),
    }
    .unwrap_or_default()
}

/// The draft each truth document is compared with: the one with its number,
/// else the one at its place.
fn pair<'a>(drafts: &'a [Value], k: usize, t: &TruthDoc) -> Option<&'a Value> {
    if let Some(n) = &t.number
        && let Some(d) = drafts
            .iter()
            .find(|d| text_field(d, "number").is_some_and(|f| fold_number(f) == fold_number(n)))
    {
        return Some(d);
    }
    drafts.get(k)
}

struct Scores {
    per_field: BTreeMap<&'static str, Tally>,
    per_source: BTreeMap<String, BTreeMap<&'static str, Tally>>,
    split_right: usize,
    split_total: usize,
    split_wrong: Vec<String>,
    misses: Vec<String>,
}

fn score(truths: &[TruthFile], drafts: &BTreeMap<String, Vec<Value>>) -> Scores {
    let mut s = Scores {
        per_field: BTreeMap::new(),
        per_source: BTreeMap::new(),
        split_right: 0,
        split_total: 0,
        split_wrong: Vec::new(),
        misses: Vec::new(),
    };
    let none = Vec::new();
    for tf in truths
        .iter()
        .filter(|t| t.directive && !t.documents.is_empty())
    {
        let got = drafts.get(&tf.file).unwrap_or(&none);
        s.split_total += 1;
        if got.len() == tf.documents.len() {
            s.split_right += 1;
        } else {
            s.split_wrong.push(format!(
                "{}: {} documents, truth {}",
                tf.file,
                got.len(),
                tf.documents.len()
            ));
        }
        let source = truth::source_of(&tf.file).to_string();
        for (k, t) in tf.documents.iter().enumerate() {
            for field in FIELDS {
                let v = match pair(got, k, t) {
                    Some(fm) => verdict(field, fm, t),
                    None => Verdict::Empty,
                };
                if v != Verdict::Right {
                    let found = pair(got, k, t)
                        .map(|fm| shown(field, fm))
                        .unwrap_or_default();
                    s.misses.push(format!(
                        "{v:?} {} #{k} {field}: found {found} | truth {}",
                        tf.file,
                        truth_shown(field, t)
                    ));
                }
                s.per_field.entry(field).or_default().add(v);
                s.per_source
                    .entry(source.clone())
                    .or_default()
                    .entry(field)
                    .or_default()
                    .add(v);
            }
        }
    }
    s
}

fn table(s: &Scores) -> String {
    let mut out = String::from("| source | ");
    out.push_str(&FIELDS.join(" | "));
    out.push_str(" |\n|---|");
    out.push_str(&"---|".repeat(FIELDS.len()));
    out.push('\n');
    let cell = |t: &Tally| format!("{}/{}/{}", t.right, t.wrong, t.empty);
    for (source, fields) in &s.per_source {
        out.push_str(&format!("| {source} |"));
        for f in FIELDS {
            out.push_str(&format!(
                " {} |",
                cell(&fields.get(f).copied().unwrap_or_default())
            ));
        }
        out.push('\n');
    }
    out.push_str("| **all** |");
    for f in FIELDS {
        out.push_str(&format!(
            " {} |",
            cell(&s.per_field.get(f).copied().unwrap_or_default())
        ));
    }
    out.push_str("\n| **% right / wrong** |");
    for f in FIELDS {
        let t = s.per_field.get(f).copied().unwrap_or_default();
        out.push_str(&format!(" {:.1} / {:.1} |", t.pct(t.right), t.pct(t.wrong)));
    }
    out.push_str(&format!(
        "\n\nCells are right/wrong/left empty. Split exactly: {}/{} files.\n",
        s.split_right, s.split_total
    ));
    out
}

/// Imports every truth file's document from `docs` (one content folder per
/// file), scores the drafts and prints the table; `label` heads the output.
fn import_and_score(label: &str, docs: &Path, truths: &[TruthFile]) -> (Scores, String) {
    let tmp = tempfile::tempdir().unwrap();
    let mut drafts: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for tf in truths {
        // One content folder per file: the drafts of a file are its own.
        let content = tmp.path().join(tf.file.replace('.', "_"));
        let (written, report) = import(&content, &[docs.join(&tf.file)]);
        let paths = written.get(&tf.file).cloned().unwrap_or_default();
        assert!(
            !report.contains("\n  bỏ qua "),
            "{}: a draft was skipped in an empty folder: {report}",
            tf.file
        );
        drafts.insert(
            tf.file.clone(),
            paths.iter().map(|p| front_matter(p)).collect(),
        );
    }
    let s = score(truths, &drafts);
    let t = table(&s);
    println!("\n{label}\n{t}");
    if std::env::var_os("VANBAN_SCORE_DETAIL").is_some() {
        for m in &s.misses {
            println!("miss: {m}");
        }
        for m in &s.split_wrong {
            println!("split: {m}");
        }
    }
    (s, t)
}

/// The fields whose score is below its floor (least % right, most % wrong).
fn below_floors(s: &Scores, floors: &[(&str, f64, f64)], split_floor: f64) -> Vec<String> {
    let mut failures = Vec::new();
    for &(field, least_right, most_wrong) in floors {
        let tally = s.per_field.get(field).copied().unwrap_or_default();
        let (right, wrong) = (tally.pct(tally.right), tally.pct(tally.wrong));
        if right < least_right || wrong > most_wrong {
            failures.push(format!(
                "{field}: {right:.1}% right (floor {least_right}), {wrong:.1}% wrong (ceiling {most_wrong})"
            ));
        }
    }
    let split = 100.0 * s.split_right as f64 / s.split_total.max(1) as f64;
    if split < split_floor {
        failures.push(format!(
            "split: {split:.1}% exact (floor {split_floor}): {:?}",
            s.split_wrong
        ));
    }
    failures
}

#[test]
fn real_corpus_import_scores() {
    let truths = truth::load_all();
    assert!(
        truths.len() >= 50,
        "only {} truth files: the score would say little",
        truths.len()
    );
    let (s, t) = import_and_score("main corpus", &docs_dir(), &truths);
    let failures = below_floors(&s, &FLOORS, SPLIT_FLOOR);
    assert!(failures.is_empty(), "{}\n{t}", failures.join("\n"));
}

/// The held-out check set (`tests/real-corpus/heldout/`): real documents
/// import was never tuned on, scored the same way with floors of their own.
#[test]
fn heldout_import_scores() {
    let dir = truth::corpus_dir().join("heldout");
    let mut paths: Vec<PathBuf> = fs::read_dir(dir.join("truth"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let truths: Vec<TruthFile> = paths.iter().map(|p| truth::load(p)).collect();
    assert!(truths.len() >= 25, "only {} held-out files", truths.len());
    let (s, t) = import_and_score("held-out set", &dir.join("docs"), &truths);
    let failures = below_floors(&s, &HELDOUT_FLOORS, 100.0);
    assert!(failures.is_empty(), "{}\n{t}", failures.join("\n"));
}

/// One batch of the whole corpus: every document gets its own draft, none
/// is skipped for a name another draft of the batch took, and a second run
/// overwrites nothing.
#[test]
fn whole_corpus_batch_writes_every_document() {
    let mut files: Vec<PathBuf> = fs::read_dir(docs_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 200);
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    let (written, report) = import(&content, &files);
    let count: usize = written.values().map(Vec::len).sum();
    assert!(
        count >= files.len(),
        "{count} drafts for {} files",
        files.len()
    );
    assert!(
        !report.contains("\n  bỏ qua "),
        "drafts skipped in one batch:\n{report}"
    );
    let on_disk = walk(&content);
    assert_eq!(
        on_disk.len(),
        count,
        "every reported draft is a file of its own"
    );
    let before: Vec<String> = on_disk
        .iter()
        .map(|p| fs::read_to_string(p).unwrap())
        .collect();
    let (again, report2) = import(&content, &files);
    assert!(
        again.is_empty(),
        "a second run wrote over the first: {again:?}"
    );
    assert!(report2.contains("\n  bỏ qua "));
    let after: Vec<String> = on_disk
        .iter()
        .map(|p| fs::read_to_string(p).unwrap())
        .collect();
    assert_eq!(before, after, "existing drafts are never overwritten");
    assert_eq!(walk(&content).len(), count, "a second run adds nothing");
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

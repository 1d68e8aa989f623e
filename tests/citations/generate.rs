//! `vanban generate`: deterministic, realistic archives that follow the
//! content contract.

use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};
use vanban::generate::{GenerateOptions, GenerateReport, generate};

fn run(count: usize, seed: u64) -> (tempfile::TempDir, GenerateReport) {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("content");
    let report = generate(&GenerateOptions {
        count,
        seed,
        output,
    })
    .unwrap();
    (dir, report)
}

/// Every file under the content folder: relative path -> text.
fn files(dir: &tempfile::TempDir) -> BTreeMap<String, String> {
    let root = dir.path().join("content");
    walkdir::WalkDir::new(&root)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read_to_string(e.path()).unwrap())
        })
        .collect()
}

/// Front matter and body of a document file.
fn split(text: &str) -> (&str, &str) {
    let rest = text
        .strip_prefix("---\n")
        .expect("starts with front matter");
    let end = rest.find("\n---\n").expect("front matter is closed");
    (&rest[..end + 1], &rest[end + 5..])
}

fn words(body: &str) -> usize {
    body.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

const REQUIRED: &[&str] = &["number", "type", "title", "issuer", "date"];
const KNOWN: &[&str] = &[
    "number",
    "type",
    "title",
    "issuer",
    "date",
    "place",
    "signers",
    "recipients",
    "distribution",
    "attachments",
    "references",
    "topics",
    "source",
    "aliases",
];

struct Doc {
    number: String,
    issuer: String,
    date: NaiveDate,
    body: String,
}

fn parse(path: &str, text: &str) -> Doc {
    let (yaml, body) = split(text);
    let value: serde_json::Value =
        serde_saphyr::from_str(yaml).unwrap_or_else(|e| panic!("{path}: {e}"));
    let map = value
        .as_object()
        .unwrap_or_else(|| panic!("{path}: not a mapping"));
    for key in map.keys() {
        assert!(KNOWN.contains(&key.as_str()), "{path}: unknown field {key}");
    }
    for key in REQUIRED {
        let v = map
            .get(*key)
            .unwrap_or_else(|| panic!("{path}: missing {key}"));
        let s = v
            .as_str()
            .unwrap_or_else(|| panic!("{path}: {key} is not a string"));
        assert!(!s.trim().is_empty(), "{path}: empty {key}");
    }
    let date = NaiveDate::parse_from_str(map["date"].as_str().unwrap(), "%Y-%m-%d")
        .unwrap_or_else(|e| panic!("{path}: bad date: {e}"));
    for signer in map
        .get("signers")
        .and_then(|s| s.as_array())
        .into_iter()
        .flatten()
    {
        assert!(
            signer.get("position").and_then(|p| p.as_str()).is_some(),
            "{path}"
        );
    }
    Doc {
        number: map["number"].as_str().unwrap().to_string(),
        issuer: map["issuer"].as_str().unwrap().to_string(),
        date,
        body: body.to_string(),
    }
}

fn is_symbol_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, 'Đ' | 'đ' | '/' | '-')
}

/// Document numbers written in a text, each with the year of the date
/// written next to it (or inside it, `23/2021/QĐ-TTg`).
fn cited(text: &str) -> Vec<(String, Option<i32>)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let boundary =
            i == 0 || !(is_symbol_char(chars[i - 1].1) || matches!(chars[i - 1].1, '.' | ','));
        if !c.is_ascii_digit() || !boundary {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && is_symbol_char(chars[j].1) {
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
        let token = text[start..end].trim_end_matches(['-', '/']);
        i = j.max(i + 1);
        let Some(sep) = token.find(['/', '-']) else {
            continue;
        };
        if !token[..sep].chars().all(|c| c.is_ascii_digit())
            || !token[sep..].chars().any(|c| c.is_uppercase())
        {
            continue;
        }
        let embedded = token
            .split('/')
            .find(|p| p.len() == 4 && p.starts_with("20") && p.chars().all(|c| c.is_ascii_digit()))
            .and_then(|y| y.parse().ok());
        let after: String = text[end..].chars().take(45).collect();
        let before: String = {
            let b: Vec<char> = text[..start].chars().collect();
            b[b.len().saturating_sub(90)..].iter().collect()
        };
        let year = embedded
            .or_else(|| year_in(&after, false))
            .or_else(|| year_in(&before, true));
        found.push((token.to_string(), year));
    }
    found
}

/// The first (or last) year of a date written in `s`.
fn year_in(s: &str, last: bool) -> Option<i32> {
    let years: Vec<i32> = s
        .char_indices()
        .filter(|&(i, _)| {
            let rest = &s[i..];
            let prefix_ok = s[..i].ends_with(['/', '-']) || s[..i].ends_with("năm ");
            prefix_ok && rest.len() >= 4 && rest.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        })
        .filter_map(|(i, _)| s[i..i + 4].parse().ok())
        .filter(|y| (1990..2100).contains(y))
        .collect();
    if last {
        years.last().copied()
    } else {
        years.first().copied()
    }
}

#[test]
fn same_seed_gives_identical_bytes_and_another_seed_differs() {
    let (a, ra) = run(120, 42);
    let (b, rb) = run(120, 42);
    let (c, _) = run(120, 43);
    assert_eq!(ra, rb);
    let (fa, fb, fc) = (files(&a), files(&b), files(&c));
    assert_eq!(fa, fb);
    assert_ne!(fa, fc);
}

#[test]
fn writes_exactly_count_documents_in_issuer_folders() {
    let (dir, report) = run(300, 7);
    let all = files(&dir);
    assert_eq!(all.len(), 300);
    assert_eq!(report.documents, 300);
    assert_eq!(report.files, 300);
    assert_eq!(
        report.bytes,
        all.values().map(|t| t.len() as u64).sum::<u64>()
    );
    let folders: BTreeSet<&str> = all.keys().map(|k| k.split('/').next().unwrap()).collect();
    assert_eq!(folders.len(), report.issuers);
    assert!(report.issuers > 100, "{}", report.issuers);
    for path in all.keys() {
        let name = path.rsplit('/').next().unwrap();
        assert!(name.ends_with(".md") && !name.starts_with('_'), "{path}");
        assert!(path.is_ascii(), "{path}");
        assert!(
            NaiveDate::parse_from_str(&name[..10], "%Y-%m-%d").is_ok(),
            "{path}"
        );
    }
}

#[test]
fn refuses_to_mix_with_an_existing_archive() {
    let (dir, _) = run(5, 1);
    let again = generate(&GenerateOptions {
        count: 5,
        seed: 2,
        output: dir.path().join("content"),
    });
    assert_eq!(again.unwrap_err().kind(), std::io::ErrorKind::AlreadyExists);
}

#[test]
fn documents_follow_the_contract_and_look_real() {
    let (dir, report) = run(300, 11);
    let docs: Vec<Doc> = files(&dir).iter().map(|(p, t)| parse(p, t)).collect();

    let mut identities = BTreeSet::new();
    let mut numbers = BTreeSet::new();
    let mut years = BTreeSet::new();
    let mut weekend = 0;
    for d in &docs {
        let key = (
            vanban::number::normalize(&d.number),
            d.issuer.clone(),
            d.date.year(),
        );
        assert!(
            identities.insert(key),
            "duplicate identity {} {}",
            d.number,
            d.issuer
        );
        numbers.insert((vanban::number::normalize(&d.number), d.date.year()));
        years.insert(d.date.year());
        if d.date.weekday().number_from_monday() > 5 {
            weekend += 1;
        }
        let w = words(&d.body);
        assert!((600..=3000).contains(&w), "{} has {w} words", d.number);
        assert!(
            d.body.contains("\n1. "),
            "{} has no numbered points",
            d.number
        );
    }
    assert!(years.len() >= 5, "{years:?}");
    assert!(weekend * 10 < docs.len(), "{weekend} documents on weekends");
    let mean_words = docs.iter().map(|d| words(&d.body)).sum::<usize>() / docs.len();
    assert!(
        (1100..1700).contains(&mean_words),
        "mean {mean_words} words"
    );

    // Every number shape appears: Party, state, normative, state letter.
    let all: Vec<&str> = docs.iter().map(|d| d.number.as_str()).collect();
    assert!(
        all.iter()
            .any(|n| n.ends_with("-CV/TU") || n.ends_with("-TB/TU"))
    );
    assert!(
        all.iter()
            .any(|n| n.contains("/QĐ-UBND") || n.contains("/KH-UBND"))
    );
    assert!(all.iter().any(|n| n.matches('/').count() == 2));
    assert!(
        all.iter()
            .any(|n| n.contains("/UBND-") || n.contains("/VP-"))
    );
    assert!(all.iter().any(|n| n.ends_with("/TW")));
    assert!(docs.iter().any(|d| d.body.contains("\na) ")));
    assert!(docs.iter().any(|d| d.body.contains("\n- ")));
    assert!(docs.iter().any(|d| d.body.contains("[^1]: ")));
    assert!(docs.iter().any(|d| d.body.contains("\n|---")));

    // About five dated citations each, most of them to this archive.
    let mut total = 0;
    let mut inside = 0;
    for d in &docs {
        let dated: BTreeSet<(String, i32)> = cited(&d.body)
            .into_iter()
            .filter_map(|(n, y)| y.map(|y| (vanban::number::normalize(&n), y)))
            .collect();
        total += dated.len();
        inside += dated.iter().filter(|k| numbers.contains(k)).count();
    }
    let per_doc = total as f64 / docs.len() as f64;
    assert!(
        (4.0..=6.5).contains(&per_doc),
        "{per_doc} citations per document"
    );
    assert!(
        inside * 10 >= total * 7,
        "{inside} of {total} citations inside the archive"
    );
    assert!(report.citations_in_archive * 10 >= report.citations * 7);
}

#[test]
fn citation_scanner_reads_the_printed_forms() {
    let text = "các Công điện số 1099/CĐ-TTg ngày 22 tháng 8 năm 2021 và 1102/CD-TTg ngày 23 tháng 8 năm 2021; \
                Ngày 11-6-2021, Bộ Chính trị ban hành Kết luận số 07-KL/TW về dịch; Quyết định số 23/2021/QĐ-TTg; \
                quý III/2021, 15/6/2021, Covid-19, 2021-2025.";
    let found = cited(text);
    let years: Vec<(&str, Option<i32>)> = found.iter().map(|(n, y)| (n.as_str(), *y)).collect();
    assert_eq!(
        years,
        vec![
            ("1099/CĐ-TTg", Some(2021)),
            ("1102/CD-TTg", Some(2021)),
            ("07-KL/TW", Some(2021)),
            ("23/2021/QĐ-TTg", Some(2021)),
        ]
    );
}

//! The real corpus's truth (`tests/real-corpus/truth/*.json`, written by
//! reading; the format is in `tests/real-corpus/README.md`) and the ways its
//! fields are compared with what vanban found.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct TruthFile {
    pub file: String,
    #[serde(default = "yes")]
    pub directive: bool,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub documents: Vec<TruthDoc>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Deserialize)]
pub struct TruthDoc {
    pub number: Option<String>,
    pub r#type: Option<String>,
    pub title: Option<String>,
    pub issuer: Option<String>,
    #[serde(default)]
    pub issuer_also: Vec<String>,
    pub date: Option<String>,
    pub place: Option<String>,
    #[serde(default)]
    pub signers: Vec<String>,
    #[serde(default)]
    pub effective: Option<String>,
    #[serde(default)]
    pub cites: Vec<TruthCite>,
    #[serde(default)]
    pub laws: Vec<TruthLaw>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct TruthCite {
    pub number: String,
    #[serde(default = "mentions")]
    pub kind: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct TruthLaw {
    pub name: String,
    pub year: Option<i32>,
    #[serde(default = "mentions")]
    pub kind: String,
}

fn mentions() -> String {
    "mentions".into()
}

pub fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/real-corpus")
}

/// Every truth file, sorted by file name. Panics (failing the test) on a
/// truth file that does not parse: the truth is part of the test.
pub fn load_all() -> Vec<TruthFile> {
    let dir = corpus_dir().join("truth");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths.iter().map(|p| load(p)).collect()
}

pub fn load(path: &Path) -> TruthFile {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The source prefix of a corpus file (`tnt`, `congbot`, `skillsct`, ...).
pub fn source_of(file: &str) -> &str {
    file.split('_').next().unwrap_or(file)
}

/// Lower case, whitespace collapsed, final punctuation and quotes dropped:
/// how titles, places and names are compared.
pub fn fold_text(s: &str) -> String {
    let lower = s.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).collect();
    let joined = words.join(" ");
    joined
        .trim_matches(|c: char| c.is_ascii_punctuation() || matches!(c, '“' | '”' | '…' | ' '))
        .to_string()
}

/// An issuer name folded, with the usual abbreviations spelled out.
pub fn fold_issuer(s: &str) -> String {
    let folded = fold_text(s).replace("ủy", "uỷ").replace("uỷ", "ủy");
    let mut out = Vec::new();
    for w in folded.split(' ') {
        match w {
            "ubnd" => out.extend(["ủy", "ban", "nhân", "dân"]),
            "hđnd" => out.extend(["hội", "đồng", "nhân", "dân"]),
            "tp." | "tp" => out.push("thành phố"),
            w => out.push(w),
        }
    }
    out.join(" ")
}

/// Whether an issuer found by vanban is the truth's.
pub fn issuer_matches(found: &str, truth: &TruthDoc) -> bool {
    let f = fold_issuer(found);
    truth.issuer.iter().chain(truth.issuer_also.iter()).any(|t| fold_issuer(t) == f)
}

/// A document number as compared: no spaces, upper case, `Đ` kept.
pub fn fold_number(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_uppercase).collect()
}

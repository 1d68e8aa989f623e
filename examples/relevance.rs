//! The relevance benchmark: judged query sets made from a built site's
//! own truth (see `tests/common/relevance.rs`), asked through the site's
//! client, scored, with the bytes each first query fetches.
//!
//! ```text
//! cargo run --release --example relevance -- SITE [--export Q.json [--export-only]] [--score R.json NAME]...
//! ```
//!
//! `--export` writes the queries (for `benches/relevance/pagefind-search.mjs`,
//! which asks them of Pagefind; `--export-only` stops there); `--score` reads the
//! ranked URLs another engine gave (`{"results": [[url, ...], ...],
//! "bytes": [n, ...]}` in the order of the export) and prints its scores
//! beside vanban's.

#[path = "../tests/common/relevance.rs"]
mod relevance;

use relevance::{Doc, gzip_len};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use vanban::search::IndexFile;
use vanban::search::client::{Client, from_dir};

/// Where the index is: a built site, or built in memory from a content
/// folder (no site build: quicker, but no pages for cited documents).
enum Source {
    Site(PathBuf),
    Memory(Vec<IndexFile>),
}

type Fetch<'a> = Box<dyn FnMut(&str) -> Option<Vec<u8>> + 'a>;

impl Source {
    fn open(path: &Path) -> Source {
        if path.join("search/manifest.json").exists() {
            Source::Site(path.to_owned())
        } else {
            Source::Memory(relevance::content_index(path))
        }
    }

    fn fetch(&self) -> Fetch<'_> {
        match self {
            Source::Site(p) => Box::new(from_dir(p)),
            // Files come sorted by path.
            Source::Memory(files) => Box::new(move |p: &str| {
                files
                    .binary_search_by(|f| f.path.as_str().cmp(p))
                    .ok()
                    .map(|i| files[i].bytes.clone())
            }),
        }
    }

    fn read(&self, path: &str) -> Vec<u8> {
        self.fetch()(path).expect("fetched before")
    }
}

/// Every document of the site, from its search metadata.
fn docs(source: &Source) -> Vec<Doc> {
    relevance::site_docs(&mut Client::new(source.fetch()))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(site) = args.first().map(PathBuf::from) else {
        eprintln!("usage: relevance SITE [--export Q.json] [--score R.json NAME]...");
        std::process::exit(2);
    };
    let source = Source::open(&site);
    let docs = docs(&source);
    let sample: usize = std::env::var("SAMPLE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(200);
    let mut queries = relevance::queries(&docs, sample);
    // ONLY=SET: the sets whose name starts so (query-by-query work).
    if let Ok(only) = std::env::var("ONLY") {
        queries.retain(|q| q.set.starts_with(&only));
    }
    let by_url: HashMap<&str, &Doc> = docs.iter().map(|d| (d.url.as_str(), d)).collect();
    if let Some(i) = args.iter().position(|a| a == "--export")
        && let Some(path) = args.get(i + 1)
    {
        let list: Vec<serde_json::Value> = queries
            .iter()
            .map(|q| {
                serde_json::json!({
                    "set": q.set, "q": q.q,
                    "filter": q.filter.as_ref().map(|(n, v)| serde_json::json!({ *n: v })),
                })
            })
            .collect();
        std::fs::write(path, serde_json::to_vec(&list).unwrap()).expect("write");
        if args.iter().any(|a| a == "--export-only") {
            return;
        }
    }

    let script = std::fs::read(site.join("static/search.js"))
        .or_else(|_| std::fs::read("themes/default/static/search.js"))
        .unwrap_or_default();
    let script_gz = gzip_len(&script);
    let mut gz_of: HashMap<String, usize> = HashMap::new();
    let mut scores = Vec::new();
    let mut bytes = Vec::new();
    let verbose = std::env::var_os("VERBOSE").is_some();
    for q in &queries {
        let mut c = Client::new(source.fetch());
        // FULL=1: every tier, as the pages after the first (a comparison).
        let mut req = relevance::request(q);
        req.full = std::env::var_os("FULL").is_some();
        let out = c.search(&req).expect("search");
        let ranked: Vec<&Doc> = out.hits.iter().map(|h| &docs[h.id as usize]).collect();
        let s = relevance::score(q, &ranked);
        let mut b = script_gz;
        for p in &c.fetched {
            b += *gz_of
                .entry(p.clone())
                .or_insert_with(|| gzip_len(&source.read(p)));
        }
        if verbose && s < 1.0 {
            println!(
                "{:<16} {:.2} {:?} {:?} ({} relevant)",
                q.set, s, q.q, q.filter, q.relevant
            );
            for d in ranked.iter().take(3) {
                println!("    {} | {}", d.number, d.title);
            }
        }
        scores.push(s);
        bytes.push(b);
    }
    let mut others: Vec<(String, Vec<f64>, Vec<usize>)> = Vec::new();
    let mut i = 1;
    while i < args.len() {
        match args[i].as_str() {
            "--export" if i + 1 < args.len() => i += 2,
            "--export-only" => i += 1,
            "--score" if i + 2 < args.len() => {
                let v: serde_json::Value =
                    serde_json::from_slice(&std::fs::read(&args[i + 1]).expect("results"))
                        .expect("JSON");
                let results = v["results"].as_array().expect("results");
                let mut s = Vec::new();
                for (q, urls) in queries.iter().zip(results) {
                    // Not asked (a filter the engine cannot apply).
                    if urls.is_null() {
                        s.push(f64::NAN);
                        continue;
                    }
                    let ranked: Vec<&Doc> = urls
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(|u| u.as_str())
                        .filter_map(|u| by_url.get(u.trim_start_matches('/')).copied())
                        .collect();
                    s.push(relevance::score(q, &ranked));
                }
                let b = v["bytes"]
                    .as_array()
                    .map(|a| a.iter().map(|x| x.as_u64().unwrap_or(0) as usize).collect())
                    .unwrap_or_default();
                others.push((args[i + 2].clone(), s, b));
                i += 3;
            }
            _ => {
                eprintln!("unknown argument {}", args[i]);
                std::process::exit(2);
            }
        }
    }
    println!("{} documents, {} queries", docs.len(), queries.len());
    print!("| set | queries | vanban mean | vanban lowest | vanban KB gzip mean / max |");
    for (name, _, _) in &others {
        print!(" {name} mean | {name} lowest | {name} KB mean / max |");
    }
    println!();
    let ours = relevance::summary(&queries, &scores);
    let theirs: Vec<_> = others
        .iter()
        .map(|(_, s, _)| relevance::summary(&queries, s))
        .collect();
    for (k, (set, n, mean, low, worst)) in ours.iter().enumerate() {
        let kb = |b: &[usize]| {
            let sel: Vec<usize> = queries
                .iter()
                .zip(b)
                .filter(|(q, _)| q.set == *set)
                .map(|(_, &x)| x)
                .collect();
            let mean = sel.iter().sum::<usize>() as f64 / sel.len().max(1) as f64 / 1000.0;
            let max = *sel.iter().max().unwrap_or(&0) as f64 / 1000.0;
            format!("{mean:.1} / {max:.1}")
        };
        print!(
            "| {set} | {n} | {mean:.3} | {low:.2} ({worst}) | {} |",
            kb(&bytes)
        );
        for (j, t) in theirs.iter().enumerate() {
            let (_, _, m, l, w) = &t[k];
            if m.is_nan() {
                print!(" — | — | — |");
            } else {
                print!(" {m:.3} | {l:.2} ({w}) | {} |", kb(&others[j].2));
            }
        }
        println!();
    }
}

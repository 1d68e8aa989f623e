//! The chain of orders scored on a generated archive against what the
//! generator meant (`vanban generate --truth` writes `corpus-truth.jsonl`):
//! relation kinds, links, effective dates and statuses, read by `vanban
//! build` from the text alone, compared with `data/documents.json`.
//! Run with `cargo test --test citations generated_truth:: -- --nocapture` for the
//! figures and every disagreement.

use crate::site;

use serde_json::Value;
use site::*;
use std::collections::{BTreeMap, BTreeSet};
use vanban::number::normalize;

type Ident = (String, String, String);

fn ident(v: &Value) -> Ident {
    (
        v["number"].as_str().unwrap().to_string(),
        v["issuer"].as_str().unwrap().to_string(),
        v["date"].as_str().unwrap().to_string(),
    )
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        100.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

#[test]
fn kinds_links_and_statuses_match_what_the_generator_meant() {
    let tmp = tempfile::tempdir().unwrap();
    let started = std::time::Instant::now();
    let out = vanban(
        tmp.path(),
        &[
            "generate", "--count", "2000", "--seed", "1", "--output", "content", "--truth",
        ],
    );
    assert!(out.status.success(), "generate: {}", stderr(&out));
    let public = build_ok(tmp.path());
    println!("generate + build: {:?}", started.elapsed());

    let truth: Vec<Value> = read(&tmp.path().join("content/corpus-truth.jsonl"))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(truth.len(), 2000);
    let data: Value = serde_json::from_str(&read(&public.join("data/documents.json"))).unwrap();
    let docs = data["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2000);
    let url_of: BTreeMap<Ident, String> = docs
        .iter()
        .map(|d| (ident(d), d["url"].as_str().unwrap().to_string()))
        .collect();
    let by_ident: BTreeMap<Ident, &Value> = docs.iter().map(|d| (ident(d), d)).collect();
    let urls = |list: &Value| -> BTreeSet<String> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|l| match l.get("url") {
                Some(u) if l.get("issuer").is_none() => u.as_str().unwrap().to_string(),
                _ => url_of[&ident(l)].clone(),
            })
            .collect()
    };

    let (mut given, mut given_right, mut stated, mut stated_right) = (0, 0, 0, 0);
    let (mut linked, mut wrong_links, mut meant_links, mut found_links) = (0, 0, 0, 0);
    let (mut statuses, mut wrong_status, mut effective_right, mut effective_known) = (0, 0, 0, 0);
    let mut ended = 0;
    let mut yearless = 0;
    let mut problems: Vec<String> = Vec::new();
    let mut kind_confusion: BTreeMap<(String, String), usize> = BTreeMap::new();
    for t in &truth {
        let file = t["file"].as_str().unwrap();
        let d = by_ident[&ident(t)];
        let meant: BTreeMap<String, &Value> = t["cites"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| (normalize(c["number"].as_str().unwrap()), c))
            .collect();
        let refs = d["references"].as_array().unwrap();
        let mut found: BTreeMap<String, &Value> = BTreeMap::new();
        for r in refs {
            let Some(number) = r["number"].as_str() else {
                continue;
            };
            let key = normalize(number);
            found.insert(key.clone(), r);
            if r["in_archive"] == true {
                linked += 1;
                let to = r["url"].as_str().unwrap();
                let right = meant
                    .get(&key)
                    .and_then(|c| c["target"].as_object())
                    .is_some_and(|_| url_of[&ident(&meant[&key]["target"])] == to);
                if !right {
                    wrong_links += 1;
                    problems.push(format!("{file}: wrong link {number} → {to}"));
                }
            }
        }
        for (key, c) in &meant {
            let kind = c["kind"].as_str().unwrap();
            if !c["target"].is_null() {
                meant_links += 1;
                let want = &url_of[&ident(&c["target"])];
                if found
                    .get(key)
                    .is_some_and(|r| r["url"].as_str() == Some(want.as_str()))
                {
                    found_links += 1;
                }
            } else if url_of
                .keys()
                .any(|k| normalize(&k.0) == *key && k.2[..4] < t["date"].as_str().unwrap()[..4])
            {
                // A yearless number the archive holds only from an earlier
                // year: it must stay unlinked (counted above if linked).
                yearless += 1;
            }
            let Some(r) = found.get(key) else {
                continue;
            };
            let got = r["kind"].as_str().unwrap();
            if got != "mentions" {
                given += 1;
                given_right += usize::from(got == kind);
            }
            if kind != "mentions" {
                stated += 1;
                stated_right += usize::from(got == kind);
            }
            if got != kind {
                *kind_confusion
                    .entry((kind.to_string(), got.to_string()))
                    .or_default() += 1;
            }
        }
        // Validity.
        statuses += 1;
        let (ts, ds) = (&t["status"], &d["status"]);
        if ts["state"] != "none_known" {
            ended += 1;
        }
        if ts["state"] != ds["state"]
            || ts["since"] != ds["since"]
            || urls(&ts["by"]) != urls(&ds["by"])
            || urls(&t["amended_by"]) != urls(&d["amended_by"])
        {
            wrong_status += 1;
            problems.push(format!(
                "{file}: status {} since {} by {:?}, built {} since {} by {:?}",
                ts["state"],
                ts["since"],
                urls(&ts["by"]),
                ds["state"],
                ds["since"],
                urls(&ds["by"])
            ));
        }
        if !t["effective"].is_null() {
            effective_known += 1;
            effective_right += usize::from(t["effective"] == d["effective"]);
        }
    }
    for p in &problems {
        println!("{p}");
    }
    for ((want, got), n) in &kind_confusion {
        println!("kind meant {want}, read {got}: {n}");
    }
    let precision = pct(given_right, given);
    println!(
        "kinds: precision {precision:.1}% ({given_right}/{given}), recall {:.1}% ({stated_right}/{stated})",
        pct(stated_right, stated)
    );
    println!(
        "links: precision {:.2}% ({}/{linked}), recall {:.1}% ({found_links}/{meant_links}); {yearless} yearless citations of a number held only from an earlier year",
        pct(linked - wrong_links, linked),
        linked - wrong_links,
        pct(found_links, meant_links)
    );
    println!(
        "status: {:.2}% right ({} of {statuses}; {ended} repealed, replaced or amended); effective dates {effective_right}/{effective_known}",
        pct(statuses - wrong_status, statuses),
        statuses - wrong_status
    );
    assert!(ended >= 20, "only {ended} documents with a status to read");
    assert!(yearless >= 5, "only {yearless} yearless cases");
    assert_eq!(wrong_links, 0, "wrong links");
    assert!(precision >= 95.0, "kind precision {precision:.1}%");
    assert_eq!(wrong_status, 0, "wrong statuses");
    assert_eq!(effective_right, effective_known, "wrong effective dates");
    assert!(pct(found_links, meant_links) >= 80.0, "link recall");
}

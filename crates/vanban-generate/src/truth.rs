//! The truth of a generated archive: what each document's sentences meant,
//! written as `corpus-truth.jsonl` (one JSON object a line, in plan
//! order), so that a test can score what `vanban build` reads from the
//! text. Per document: its identity, the date it takes effect, the status
//! the archive gives it (by the rules of docs/content-format.md: repealed
//! and replaced outrank amended; the earliest ending decides; `since` is
//! the ending document's effective date, else its date), and per cited
//! number the kind meant and the archive document meant (`null` outside
//! the archive).

use super::plan::Planned;
use super::relations::{How, Relation};
use crate::citation::CiteKind;
use chrono::NaiveDate;
use serde::Serialize;

/// What one document's text meant, as rendered.
#[derive(Clone)]
pub(crate) struct Meant {
    pub file: String,
    pub effective: Option<NaiveDate>,
    /// (number as written, kind, archive document, article).
    pub cites: Vec<(String, CiteKind, Option<u32>, Option<u32>)>,
    /// The relation it makes: (target, how).
    pub relation: Option<(u32, How)>,
}

impl Meant {
    pub(crate) fn new(
        file: String,
        effective: Option<NaiveDate>,
        cites: &[super::citations::Cite],
        kinds: &[CiteKind],
        relation: Option<&Relation>,
    ) -> Meant {
        let mut out: Vec<(String, CiteKind, Option<u32>, Option<u32>)> = Vec::new();
        for (c, &k) in cites.iter().zip(kinds) {
            for (i, (n, _)) in c.numbers.iter().enumerate() {
                out.push((n.clone(), k, c.targets.get(i).copied(), None));
            }
        }
        if let Some(r) = relation {
            let article = match r.how {
                How::Amends(n) => Some(n),
                _ => None,
            };
            let key = crate::number::normalize(&r.cite.numbers[0].0);
            match out
                .iter_mut()
                .find(|e| crate::number::normalize(&e.0) == key)
            {
                // Cited twice: the strongest kind stands.
                Some(e) => {
                    e.1 = e.1.max(r.how.kind());
                    e.3 = article;
                }
                None => out.push((
                    r.cite.numbers[0].0.clone(),
                    r.how.kind(),
                    Some(r.target),
                    article,
                )),
            }
        }
        Meant {
            file,
            effective,
            cites: out,
            relation: relation.map(|r| (r.target, r.how)),
        }
    }
}

#[derive(Serialize)]
struct Ident<'a> {
    number: &'a str,
    issuer: &'a str,
    date: String,
}

#[derive(Serialize)]
struct Status<'a> {
    state: &'static str,
    since: Option<String>,
    by: Vec<Ident<'a>>,
}

#[derive(Serialize)]
struct CiteRecord<'a> {
    number: &'a str,
    kind: &'static str,
    target: Option<Ident<'a>>,
    article: Option<u32>,
}

#[derive(Serialize)]
struct Record<'a> {
    file: &'a str,
    number: &'a str,
    issuer: &'a str,
    date: String,
    effective: Option<String>,
    status: Status<'a>,
    amended_by: Vec<Ident<'a>>,
    cites: Vec<CiteRecord<'a>>,
}

/// The JSON lines of the truth file.
pub(crate) fn lines(docs: &[Planned], issuer_names: &[&str], meant: &[Meant]) -> String {
    let ident = |j: u32| Ident {
        number: &docs[j as usize].number,
        issuer: issuer_names[j as usize],
        date: docs[j as usize].date.to_string(),
    };
    let since = |j: u32| meant[j as usize].effective.unwrap_or(docs[j as usize].date);
    let mut ended: Vec<Vec<(u32, &'static str)>> = vec![Vec::new(); docs.len()];
    let mut amended: Vec<Vec<u32>> = vec![Vec::new(); docs.len()];
    for (j, m) in meant.iter().enumerate() {
        let j = j as u32;
        match m.relation {
            Some((t, How::Replaces)) => ended[t as usize].push((j, "replaced")),
            Some((t, How::Repeals | How::Expires)) => ended[t as usize].push((j, "repealed")),
            Some((t, How::Amends(_))) => amended[t as usize].push(j),
            _ => {}
        }
    }
    let mut out = String::new();
    for (i, m) in meant.iter().enumerate() {
        let d = &docs[i];
        let mut e = ended[i].clone();
        e.sort_by_key(|&(j, _)| (since(j), docs[j as usize].date, j));
        let mut a = amended[i].clone();
        a.sort_by_key(|&j| (docs[j as usize].date, j));
        let status = match e.first() {
            Some(&(first, state)) => Status {
                state,
                since: Some(since(first).to_string()),
                by: e
                    .iter()
                    .filter(|x| x.1 == state)
                    .map(|x| ident(x.0))
                    .collect(),
            },
            None if !a.is_empty() => Status {
                state: "amended",
                since: a.iter().map(|&j| since(j)).min().map(|d| d.to_string()),
                by: a.iter().map(|&j| ident(j)).collect(),
            },
            None => Status {
                state: "none_known",
                since: None,
                by: Vec::new(),
            },
        };
        let record = Record {
            file: &m.file,
            number: &d.number,
            issuer: issuer_names[i],
            date: d.date.to_string(),
            effective: m.effective.map(|d| d.to_string()),
            status,
            amended_by: a.iter().map(|&j| ident(j)).collect(),
            cites: m
                .cites
                .iter()
                .map(|(n, k, t, art)| CiteRecord {
                    number: n,
                    kind: k.as_str(),
                    target: t.map(ident),
                    article: *art,
                })
                .collect(),
        };
        out.push_str(&serde_json::to_string(&record).expect("truth serializes"));
        out.push('\n');
    }
    out
}

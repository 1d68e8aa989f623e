//! The reference client: the same query plan, fetches and ranking as
//! `search.js`, in Rust. The tests check ranking with it, the node tests
//! check that `search.js` gives the same answers and fetches the same
//! files, and `examples/search_budget.rs` counts the bytes a query costs.

use super::build::{EXACT, NUMBER, PAIR, SYLLABLE};
use super::codec::{self, Malformed, Reader};
use super::excerpt;
use super::fit::{FIT_TOKENS, LONG_QUERY, RERANK, RERANK_TIES, fit};
use super::text::{self, Gap};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

/// Weight of each level (see the module doc of [`crate::search`]).
pub const LEVEL_WEIGHTS: [u64; 8] = [10, 14, 18, 22, 30, 45, 55, 70];
/// Completions of the word being typed looked up, besides the word itself.
pub const PREFIX_EXPANSIONS: usize = 3;
/// Completion blocks scanned for the word being typed.
const COMPLETION_BLOCKS: usize = 2;
/// Query words beyond this many are ignored.
pub const MAX_QUERY_TOKENS: usize = 16;
/// Pairs looked up per query.
pub const MAX_PAIRS: usize = 5;
/// Posting bytes a query may fetch before it stops fetching the optional
/// data (pairs and exact forms); a reference counts as the most its file
/// may weigh ([`pack_limit`]).
pub const POSTING_BUDGET: usize = 65536;

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Manifest {
    pub docs: u32,
    pub buckets: u32,
    pub meta_block: u32,
    pub pack_min: usize,
    pub own_min: usize,
    pub completion: Vec<String>,
    pub facets: Facets,
}

/// A facet's values with their document counts, in file order.
pub type FacetValues = Vec<(String, u32)>;

#[derive(Debug, Clone, Deserialize)]
pub struct Facets {
    /// Not in the manifest: [`Client::facet_values`] reads them.
    #[serde(default)]
    pub issuer: FacetValues,
    #[serde(rename = "type")]
    pub doc_type: FacetValues,
    pub year: FacetValues,
    pub topic: FacetValues,
    /// Validity state, in the words of the status line.
    #[serde(default)]
    pub validity: FacetValues,
}

/// What the user asked: the text, whether its last word is still being
/// typed (then it matches as a prefix), the filters and how many hits.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub query: String,
    pub prefix: bool,
    pub issuer: Option<String>,
    pub doc_type: Option<String>,
    pub year: Option<String>,
    pub topic: Option<String>,
    /// The validity state, in the words of the status line.
    pub validity: Option<String>,
    pub limit: usize,
    /// Rank with every tier (the pages after the first).
    pub full: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub id: u32,
    pub score: u64,
    pub meta: Meta,
    /// The piece of its body that holds the most query words
    /// ([`excerpt::pick`]); empty without a body.
    pub excerpt: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meta {
    pub number: String,
    pub doc_type: String,
    pub issuer: String,
    /// `yyyymmdd`.
    pub date: u32,
    pub title: String,
    pub url: String,
    pub topics: Vec<String>,
    /// It has an excerpt file (`search/x/<id>.txt`): it has a body.
    pub excerpt: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Outcome {
    /// Matching documents; when `partial`, those found without the body
    /// tiers (for one word and no filter, its df: all of them).
    pub total: usize,
    /// Ranked without the body tiers of big terms: the hits past the
    /// first page need a `full` request.
    pub partial: bool,
    pub hits: Vec<Hit>,
}

#[derive(Debug)]
pub enum Error {
    Missing(String),
    Malformed(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Missing(p) => write!(f, "search index file missing: {p}"),
            Error::Malformed(p) => write!(f, "search index file malformed: {p}"),
        }
    }
}

impl std::error::Error for Error {}

#[derive(Debug, Clone)]
enum Loc {
    Inline(Rc<[u8]>),
    Packed {
        pack: u32,
        offset: usize,
        len: usize,
    },
}

#[derive(Debug, Clone)]
struct Entry {
    df: u32,
    /// All its tiers, or those above the body levels when `body` is set.
    loc: Loc,
    /// The body tiers (levels 0-3) of a big term, kept apart.
    body: Option<Loc>,
}

/// A bucket's entries by (kind, term), and its number terms in order.
#[derive(Default)]
struct Bucket {
    entries: HashMap<(u8, String), Entry>,
    numbers: Vec<String>,
}

/// One required word of the query: the entries whose union it matches.
struct Unit {
    entries: Vec<Entry>,
    /// Exact form typed with marks, when the index has it.
    exact: Option<Entry>,
}

/// Reads files through `fetch` (a path relative to the site root, such as
/// `search/t/3.bin`), caching them like the browser does, and records the
/// order of the paths it fetched.
pub struct Client<F> {
    fetch: F,
    files: HashMap<String, Rc<[u8]>>,
    manifest: Option<Rc<Manifest>>,
    /// Every path fetched, in order, each once.
    pub fetched: Vec<String>,
}

impl<F: FnMut(&str) -> Option<Vec<u8>>> Client<F> {
    pub fn new(fetch: F) -> Self {
        Client {
            fetch,
            files: HashMap::new(),
            manifest: None,
            fetched: Vec::new(),
        }
    }

    fn file(&mut self, path: &str) -> Result<Rc<[u8]>, Error> {
        if let Some(f) = self.files.get(path) {
            return Ok(f.clone());
        }
        let bytes: Rc<[u8]> = (self.fetch)(path)
            .ok_or_else(|| Error::Missing(path.to_owned()))?
            .into();
        self.fetched.push(path.to_owned());
        self.files.insert(path.to_owned(), bytes.clone());
        Ok(bytes)
    }

    pub fn manifest(&mut self) -> Result<Rc<Manifest>, Error> {
        if let Some(m) = &self.manifest {
            return Ok(m.clone());
        }
        let path = "search/manifest.json";
        let bytes = self.file(path)?;
        let m: Manifest =
            serde_json::from_slice(&bytes).map_err(|_| Error::Malformed(path.into()))?;
        let m = Rc::new(m);
        self.manifest = Some(m.clone());
        Ok(m)
    }

    fn bucket(&mut self, key: &str) -> Result<Bucket, Error> {
        let m = self.manifest()?;
        let path = format!("search/t/{}.bin", super::bucket_hash(key) % m.buckets);
        let bytes = self.file(&path)?;
        parse_bucket(&bytes).map_err(|_| Error::Malformed(path))
    }

    fn posting_bytes(&mut self, loc: &Loc) -> Result<(Rc<[u8]>, usize, usize), Error> {
        match loc {
            Loc::Inline(b) => Ok((b.clone(), 0, b.len())),
            Loc::Packed { pack, offset, len } => {
                Ok((self.file(&format!("search/p/{pack}.bin"))?, *offset, *len))
            }
        }
    }

    /// Calls `f(doc, level)` for each posting of `entry` (but those of its
    /// body tiers kept apart when `defer`).
    fn postings(
        &mut self,
        entry: &Entry,
        defer: bool,
        mut f: impl FnMut(u32, u8),
    ) -> Result<(), Error> {
        let body = entry.body.as_ref().filter(|_| !defer);
        for loc in std::iter::once(&entry.loc).chain(body) {
            let (bytes, offset, len) = self.posting_bytes(loc)?;
            let slice = bytes
                .get(offset..offset + len)
                .ok_or_else(|| Error::Malformed("postings".into()))?;
            codec::read_tiers(&mut Reader::new(slice), &mut f)
                .map_err(|_| Error::Malformed("postings".into()))?;
        }
        Ok(())
    }

    /// What fetching `entry`'s postings (without its body tiers when
    /// `defer`) adds to the budget: nothing for data inline or in a pack
    /// fetched or counted already, else the most its pack may weigh; and
    /// the packs to count if fetched.
    fn cost(&self, entry: &Entry, defer: bool, m: &Manifest, counted: &[u32]) -> (usize, Vec<u32>) {
        let body = entry.body.as_ref().filter(|_| !defer);
        let mut packs: Vec<u32> = Vec::new();
        let mut sum = 0;
        for loc in std::iter::once(&entry.loc).chain(body) {
            if let Loc::Packed { pack, len, .. } = loc
                && !counted.contains(pack)
                && !packs.contains(pack)
                && !self.files.contains_key(&format!("search/p/{pack}.bin"))
            {
                sum += pack_limit(*len, m);
                packs.push(*pack);
            }
        }
        (sum, packs)
    }

    /// Runs a query: the total number of matching documents and the first
    /// `limit` hits with their metadata. A first page (`limit` at most
    /// [`RERANK`], not `full`) is ranked without the body tiers of big
    /// terms when the documents matching without them fill the re-ranked
    /// head; the outcome is then `partial`.
    pub fn search(&mut self, req: &Request) -> Result<Outcome, Error> {
        if !req.full
            && req.limit <= RERANK
            && let Some(out) = self.run(req, true)?
        {
            return Ok(out);
        }
        Ok(self.run(req, false)?.unwrap_or_default())
    }

    /// [`Client::search`], deferring the body tiers or not: `None` when
    /// deferring them left fewer than [`RERANK`] matches.
    fn run(&mut self, req: &Request, defer: bool) -> Result<Option<Outcome>, Error> {
        let m = self.manifest()?;
        let mut tokens = text::tokenize(&req.query, true);
        // A pasted trích yếu is longer than the words looked up: all of it
        // (to FIT_TOKENS) still counts in the last step.
        let words: Vec<String> = tokens
            .iter()
            .take(FIT_TOKENS)
            .map(|t| t.folded.clone())
            .collect();
        tokens.truncate(MAX_QUERY_TOKENS);
        let filters = [
            ("issuer", &req.issuer),
            ("type", &req.doc_type),
            ("year", &req.year),
            ("topic", &req.topic),
            ("validity", &req.validity),
        ];
        let wanted: Vec<(&str, &String)> = filters
            .iter()
            .filter_map(|(name, v)| v.as_ref().filter(|v| !v.is_empty()).map(|v| (*name, v)))
            .collect();
        if tokens.is_empty() && wanted.is_empty() {
            return Ok(Some(Outcome::default()));
        }

        // Stage 1: the buckets of the words (and of numbers' first parts).
        let mut buckets: BTreeMap<String, Rc<Bucket>> = BTreeMap::new();
        let mut keys = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            keys.push(t.folded.clone());
            if is_digits(&t.folded) && i + 1 < tokens.len() && tokens[i + 1].gap != Gap::Break {
                keys.push(text::strip_zeros(&t.folded).to_owned());
            }
        }
        for k in dedup(keys) {
            let b = self.bucket(&k)?;
            buckets.insert(k, Rc::new(b));
        }

        // Stage 2: units. Numbers first, then syllables; the last word
        // being typed is a prefix.
        let last = tokens.len().wrapping_sub(1);
        let mut units: Vec<Unit> = Vec::new();
        let mut plain: Vec<Option<usize>> = Vec::new(); // token -> syllable unit, for pairs
        let mut missing = false;
        let mut i = 0;
        while i < tokens.len() {
            if let Some((terms, m_len)) = self.number_at(&tokens, i, req.prefix, &buckets) {
                let b = &buckets[text::strip_zeros(&tokens[i].folded)];
                let entries = terms
                    .iter()
                    .map(|t| b.entries[&(NUMBER, t.clone())].clone())
                    .collect();
                units.push(Unit {
                    entries,
                    exact: None,
                });
                plain.extend(std::iter::repeat_n(None, m_len));
                i += m_len;
                continue;
            }
            let t = &tokens[i];
            let b = buckets[&t.folded].clone();
            if req.prefix && i == last {
                let mut entries: Vec<Entry> = b
                    .entries
                    .get(&(SYLLABLE, t.folded.clone()))
                    .cloned()
                    .into_iter()
                    .collect();
                for word in self.completions(&t.folded)? {
                    let wb = self.bucket(&word)?;
                    if let Some(e) = wb.entries.get(&(SYLLABLE, word)) {
                        entries.push(e.clone());
                    }
                }
                missing |= entries.is_empty();
                // A word being typed that is a word already pairs with the
                // one before: the completed words keep their phrase.
                let own = b.entries.contains_key(&(SYLLABLE, t.folded.clone()));
                units.push(Unit {
                    entries,
                    exact: None,
                });
                plain.push(own.then(|| units.len() - 1));
            } else {
                match b.entries.get(&(SYLLABLE, t.folded.clone())) {
                    Some(e) => {
                        let exact = t
                            .exact
                            .as_ref()
                            .and_then(|x| b.entries.get(&(EXACT, x.clone())).cloned());
                        units.push(Unit {
                            entries: vec![e.clone()],
                            exact,
                        });
                        plain.push(Some(units.len() - 1));
                    }
                    None => {
                        missing = true;
                        plain.push(None);
                    }
                }
            }
            i += 1;
        }
        if missing {
            return Ok(Some(Outcome::default()));
        }

        // Stage 3: required postings, then filters.
        // A unit of several words (the one being typed) keeps its body
        // tiers: its df is the union's.
        let deferred: Vec<bool> = units
            .iter()
            .map(|u| defer && u.entries.len() == 1 && u.entries[0].body.is_some())
            .collect();
        let defer = deferred.contains(&true);
        let mut counted = Vec::new();
        let mut spent: usize = 0;
        for (unit, &skip) in units.iter().zip(&deferred) {
            for e in &unit.entries {
                let (c, pack) = self.cost(e, skip, &m, &counted);
                spent += c;
                counted.extend(pack);
            }
        }
        let n = m.docs as usize;
        let mut count = vec![0u8; n];
        let mut score = vec![0u64; n];
        let mut unit_idf = Vec::new();
        let mut k = 0u8;
        for (unit, &skip) in units.iter().zip(&deferred) {
            let mut best: BTreeMap<u32, u8> = BTreeMap::new();
            for e in &unit.entries {
                self.postings(e, skip, |d, l| {
                    let b = best.entry(d).or_insert(l);
                    *b = (*b).max(l);
                })?;
            }
            let df = if unit.entries.len() == 1 {
                unit.entries[0].df
            } else {
                best.len() as u32
            };
            let idf = idf(m.docs, df);
            unit_idf.push(idf);
            for (d, l) in best {
                let d = d as usize;
                if d < n && count[d] == k {
                    count[d] = k + 1;
                    score[d] += idf * LEVEL_WEIGHTS[l as usize];
                }
            }
            k += 1;
        }
        for (name, value) in &wanted {
            let values = self.facet_values(name)?;
            let Some(pos) = values.iter().position(|(v, _)| v == *value) else {
                return Ok(Some(Outcome::default()));
            };
            let path = format!("search/f/{name}-{pos}.bin");
            let bytes = self.file(&path)?;
            codec::read_set(&mut Reader::new(&bytes), |d| {
                let d = d as usize;
                if d < n && count[d] == k {
                    count[d] = k + 1;
                }
            })
            .map_err(|_: Malformed| Error::Malformed(path.clone()))?;
            k += 1;
        }

        let found = count.iter().filter(|&&c| c == k).count();
        if defer && found < RERANK {
            return Ok(None);
        }

        // Stage 4: optional data within the budget: exact forms, then pairs.
        for (u, unit) in units.iter().enumerate() {
            if let Some(e) = &unit.exact {
                let (c, pack) = self.cost(e, defer, &m, &counted);
                if spent + c <= POSTING_BUDGET {
                    spent += c;
                    counted.extend(pack);
                    let idf = unit_idf[u];
                    self.postings(e, defer, |d, l| {
                        let d = d as usize;
                        if d < n && count[d] == k {
                            score[d] += idf * LEVEL_WEIGHTS[l as usize] / 2;
                        }
                    })?;
                }
            }
        }
        let mut pair_keys = Vec::new();
        for i in 1..tokens.len() {
            if let (Some(_), Some(_)) = (plain[i - 1], plain[i])
                && tokens[i].gap != Gap::Break
                && pair_keys.len() < MAX_PAIRS
            {
                pair_keys.push(format!("{} {}", tokens[i - 1].folded, tokens[i].folded));
            }
        }
        let mut pair_buckets = Vec::new();
        for key in &pair_keys {
            pair_buckets.push(self.bucket(key)?);
        }
        for (key, b) in pair_keys.iter().zip(&pair_buckets) {
            if let Some(e) = b.entries.get(&(PAIR, key.clone())) {
                let (c, pack) = self.cost(e, defer, &m, &counted);
                if spent + c <= POSTING_BUDGET {
                    spent += c;
                    counted.extend(pack);
                    let idf = idf(m.docs, e.df);
                    self.postings(e, defer, |d, l| {
                        let d = d as usize;
                        if d < n && count[d] == k {
                            score[d] += idf * LEVEL_WEIGHTS[l as usize];
                        }
                    })?;
                }
            }
        }

        // Stage 5: rank, then the metadata of the first hits.
        let mut matches: Vec<u32> = (0..n as u32).filter(|&d| count[d as usize] == k).collect();
        matches.sort_by(|&a, &b| score[b as usize].cmp(&score[a as usize]).then(b.cmp(&a)));
        // Stage 6: the best scored, by how well their number or trích yếu
        // holds the query (their metadata in rank order).
        // A long query (a pasted trích yếu) re-orders every document tied
        // with the last of the 20 too (to RERANK_TIES): they hold the
        // words looked up alike, the words after them tell them apart.
        let mut head = matches.len().min(RERANK);
        if words.len() > LONG_QUERY && head == RERANK {
            let edge = score[matches[head - 1] as usize];
            while head < matches.len().min(RERANK_TIES) && score[matches[head] as usize] == edge {
                head += 1;
            }
        }
        let mut keyed = Vec::with_capacity(head);
        for &id in &matches[..head] {
            let meta = self.meta(id)?;
            keyed.push((fit(&words, req.prefix, &meta.number, &meta.title), id));
        }
        // The run first, then the score (which holds the exact-diacritic
        // bonus), then the share of the field.
        keyed.sort_by(|a, b| {
            (b.0)
                .0
                .cmp(&(a.0).0)
                .then(score[b.1 as usize].cmp(&score[a.1 as usize]))
                .then((b.0).1.cmp(&(a.0).1))
                .then(b.1.cmp(&a.1))
        });
        for (slot, (_, id)) in matches.iter_mut().zip(keyed) {
            *slot = id;
        }
        let partial = defer;
        let total = match (&units[..], wanted.is_empty()) {
            ([unit], true) if partial => unit.entries[0].df as usize,
            _ => matches.len(),
        };
        let shown: Vec<(u32, u64)> = matches
            .iter()
            .take(req.limit)
            .map(|&id| (id, score[id as usize]))
            .collect();
        let looked_up: Vec<String> = tokens.iter().map(|t| t.folded.clone()).collect();
        let hits = self.hits(&shown, &looked_up, req.prefix)?;
        Ok(Some(Outcome {
            total,
            hits,
            partial,
        }))
    }

    /// The number terms matched at token `i`: the keys starting with the
    /// token's digits that match the most following tokens (at least one),
    /// either entirely or up to the end of the query; and how many tokens
    /// they cover.
    fn number_at(
        &self,
        tokens: &[text::Token],
        i: usize,
        prefix: bool,
        buckets: &BTreeMap<String, Rc<Bucket>>,
    ) -> Option<(Vec<String>, usize)> {
        let t = &tokens[i];
        if !is_digits(&t.folded) || i + 1 >= tokens.len() || tokens[i + 1].gap == Gap::Break {
            return None;
        }
        let first = text::strip_zeros(&t.folded);
        let bucket = buckets.get(first)?;
        let mut avail = 1;
        while i + avail < tokens.len() && tokens[i + avail].gap != Gap::Break {
            avail += 1;
        }
        let mut best: (usize, Vec<String>) = (1, Vec::new());
        for key in &bucket.numbers {
            let parts: Vec<&str> = key.split(' ').collect();
            if parts[0] != first {
                continue;
            }
            let mut m = 1;
            while m < parts.len() && m < avail {
                let q = &tokens[i + m].folded;
                let last = i + m == tokens.len() - 1;
                if parts[m] == q || (prefix && last && parts[m].starts_with(q.as_str())) {
                    m += 1;
                } else {
                    break;
                }
            }
            let full = m == parts.len();
            let extends = m == avail && m < parts.len();
            if m >= 2 && (full || extends) {
                if m > best.0 {
                    best = (m, vec![key.clone()]);
                } else if m == best.0 {
                    best.1.push(key.clone());
                }
            }
        }
        (!best.1.is_empty()).then_some((best.1, best.0))
    }

    /// The most frequent syllables starting with `prefix` (not `prefix`
    /// itself), from at most two completion blocks.
    fn completions(&mut self, prefix: &str) -> Result<Vec<String>, Error> {
        let m = self.manifest()?;
        let dir = &m.completion;
        if dir.is_empty() {
            return Ok(Vec::new());
        }
        let start = dir
            .partition_point(|first| first.as_str() <= prefix)
            .saturating_sub(1);
        let mut found: Vec<(u32, String)> = Vec::new();
        for b in start..(start + COMPLETION_BLOCKS).min(dir.len()) {
            let path = format!("search/c/{b}.bin");
            let bytes = self.file(&path)?;
            let mut r = Reader::new(&bytes);
            let mut term = String::new();
            while !r.at_end() {
                let entry = (|| -> Result<u32, Malformed> {
                    let shared = r.usize()?;
                    let suffix = r.str()?;
                    if shared > term.len() || !term.is_char_boundary(shared) {
                        return Err(Malformed);
                    }
                    term.truncate(shared);
                    term.push_str(suffix);
                    Ok(r.varint()? as u32)
                })();
                let df = entry.map_err(|_| Error::Malformed(path.clone()))?;
                if term.starts_with(prefix) && term != prefix {
                    found.push((df, term.clone()));
                }
            }
        }
        found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        Ok(found
            .into_iter()
            .take(PREFIX_EXPANSIONS)
            .map(|(_, t)| t)
            .collect())
    }

    /// A facet's values with their counts, in file order: the issuers
    /// from `search/f/issuer.json`, the others from the manifest.
    pub fn facet_values(&mut self, name: &str) -> Result<Rc<FacetValues>, Error> {
        let m = self.manifest()?;
        let values = match name {
            "issuer" => {
                let path = "search/f/issuer.json";
                let bytes = self.file(path)?;
                serde_json::from_slice(&bytes).map_err(|_| Error::Malformed(path.into()))?
            }
            "type" => m.facets.doc_type.clone(),
            "year" => m.facets.year.clone(),
            "topic" => m.facets.topic.clone(),
            "validity" => m.facets.validity.clone(),
            _ => Vec::new(),
        };
        Ok(Rc::new(values))
    }

    /// The hits of `(id, score)`: their metadata, then their excerpts for
    /// the folded query `words` (the last a prefix when `prefix`), the
    /// files fetched in that order.
    pub fn hits(
        &mut self,
        shown: &[(u32, u64)],
        words: &[String],
        prefix: bool,
    ) -> Result<Vec<Hit>, Error> {
        let mut hits = Vec::new();
        for &(id, score) in shown {
            hits.push(Hit {
                id,
                score,
                meta: self.meta(id)?,
                excerpt: String::new(),
            });
        }
        for h in &mut hits {
            if h.meta.excerpt {
                let path = excerpt::path(h.id);
                let bytes = self.file(&path)?;
                let file = std::str::from_utf8(&bytes).map_err(|_| Error::Malformed(path))?;
                h.excerpt = excerpt::pick(file, words, prefix).to_owned();
            }
        }
        Ok(hits)
    }

    /// The metadata of document `id`.
    pub fn meta(&mut self, id: u32) -> Result<Meta, Error> {
        let m = self.manifest()?;
        let block = id / m.meta_block;
        let path = format!("search/m/{block}.bin");
        let bytes = self.file(&path)?;
        let mut r = Reader::new(&bytes);
        let fail = |_| Error::Malformed(path.clone());
        for _ in 0..id % m.meta_block {
            read_meta(&mut r, &m).map_err(fail)?;
        }
        read_meta(&mut r, &m).map_err(fail)
    }
}

fn read_meta(r: &mut Reader, m: &Manifest) -> Result<Meta, Malformed> {
    // A value one past a facet's end is in no facet (a cited document's): empty.
    let facet = |values: &FacetValues, i: usize| match values.get(i) {
        Some(v) => Ok(v.0.clone()),
        None if i == values.len() => Ok(String::new()),
        None => Err(Malformed),
    };
    let number = r.str()?.to_owned();
    let doc_type = facet(&m.facets.doc_type, r.usize()?)?;
    let issuer = r.str()?.to_owned();
    let date = u32::try_from(r.varint()?).map_err(|_| Malformed)?;
    let title = r.str()?.to_owned();
    let url = r.str()?.to_owned();
    let mut topics = Vec::new();
    for _ in 0..r.usize()? {
        topics.push(m.facets.topic.get(r.usize()?).ok_or(Malformed)?.0.clone());
    }
    let excerpt = match r.varint()? {
        0 => false,
        1 => true,
        _ => return Err(Malformed),
    };
    Ok(Meta {
        number,
        doc_type,
        issuer,
        date,
        title,
        url,
        topics,
        excerpt,
    })
}

fn parse_bucket(bytes: &[u8]) -> Result<Bucket, Malformed> {
    let mut r = Reader::new(bytes);
    let mut b = Bucket::default();
    while !r.at_end() {
        let kind = r.byte()?;
        let term = r.str()?.to_owned();
        let df = u32::try_from(r.varint()?).map_err(|_| Malformed)?;
        let tag = r.varint()?;
        let value = tag >> 2;
        let loc = if tag & 1 == 0 {
            Loc::Inline(
                r.bytes(usize::try_from(value).map_err(|_| Malformed)?)?
                    .into(),
            )
        } else {
            Loc::Packed {
                pack: u32::try_from(value).map_err(|_| Malformed)?,
                offset: r.usize()?,
                len: r.usize()?,
            }
        };
        let body = if tag & 2 == 0 {
            None
        } else {
            Some(Loc::Packed {
                pack: u32::try_from(r.varint()?).map_err(|_| Malformed)?,
                offset: r.usize()?,
                len: r.usize()?,
            })
        };
        if kind == NUMBER {
            b.numbers.push(term.clone());
        }
        b.entries.insert((kind, term), Entry { df, loc, body });
    }
    Ok(b)
}

/// The most bytes the file holding posting data of `len` bytes may have
/// (the builder's rule, from the manifest's `packMin` and `ownMin`).
pub fn pack_limit(len: usize, m: &Manifest) -> usize {
    if len >= m.own_min {
        len
    } else {
        m.pack_min.max(4 << len.max(1).ilog2())
    }
}

/// `round(1000 × ln(1 + N/df))`, as `search.js` computes it.
pub fn idf(docs: u32, df: u32) -> u64 {
    ((1.0 + f64::from(docs) / f64::from(df.max(1))).ln() * 1000.0).round() as u64
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn dedup(keys: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    keys.into_iter()
        .filter(|k| seen.insert(k.clone()))
        .collect()
}

/// A fetcher over files in memory, keyed by path (tests).
pub fn from_files(files: &[super::IndexFile]) -> impl FnMut(&str) -> Option<Vec<u8>> + '_ {
    let by_path: HashMap<&str, &[u8]> = files
        .iter()
        .map(|f| (f.path.as_str(), f.bytes.as_slice()))
        .collect();
    move |p| by_path.get(p).map(|b| b.to_vec())
}

/// A fetcher over a built site folder.
pub fn from_dir(root: &std::path::Path) -> impl FnMut(&str) -> Option<Vec<u8>> + '_ {
    move |p| std::fs::read(root.join(p)).ok()
}

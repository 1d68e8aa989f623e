//! `vanban generate`: deterministic realistic archives for tests and
//! benchmarks.
//!
//! The same (count, seed) writes byte-identical files on any machine: all
//! randomness comes from a small seeded generator, every document's text is
//! decided by generators derived from (seed, document index), and nothing
//! depends on time, hash order or thread scheduling. Documents are planned
//! first (issuer, date, type, number, title), so that each can cite real
//! earlier documents of the archive; then bodies are composed and written
//! in parallel.

// The citation detector, the number grammar and the text helpers come from
// the core; re-exported so that the generator's `crate::...` paths hold.
pub(crate) use vanban_core::{citation, number, text};

mod body;
mod citations;
mod issuers;
mod names;
mod people;
mod plan;
mod provinces;
mod relations;
mod rng;
mod truth;
mod vocab;

use issuers::Catalog;
use rayon::prelude::*;
use rng::Rng;
use std::io;
use std::path::{Path, PathBuf};

const STREAM_CITE: u64 = 0x21;
const STREAM_BODY: u64 = 0x22;
const STREAM_META: u64 = 0x23;
const STREAM_RELATION: u64 = 0x24;

/// The truth file's name, beside the issuer folders (not a document: only
/// `*.md` files are).
pub const TRUTH_FILE: &str = "corpus-truth.jsonl";

/// What to generate and where.
#[derive(Debug, Clone)]
pub struct GenerateOptions {
    /// How many documents to write.
    pub count: usize,
    /// The seed; the same (count, seed) gives byte-identical files.
    pub seed: u64,
    /// The content folder to create; must not exist or be empty.
    pub output: PathBuf,
}

/// What a run wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GenerateReport {
    /// Documents written (always the requested count).
    pub documents: usize,
    /// Distinct issuers among them (one folder each).
    pub issuers: usize,
    /// Files written.
    pub files: usize,
    /// Bytes written.
    pub bytes: u64,
    /// Citations in the bodies (a listed pair counts twice).
    pub citations: usize,
    /// Of those, citations of documents of this archive.
    pub citations_in_archive: usize,
}

/// Writes `opts.count` documents into `opts.output/<issuer>/<date>-<number>.md`.
///
/// Fails with [`io::ErrorKind::AlreadyExists`] when the output folder
/// already holds something, so that an archive never mixes two runs.
pub fn generate(opts: &GenerateOptions) -> io::Result<GenerateReport> {
    generate_with_truth(opts, false)
}

/// [`generate`], and with `truth` also [`TRUTH_FILE`] in the output
/// folder: per document, the kinds its citations meant, the archive
/// documents they name, its effective date and the status the archive
/// gives it (see `src/generate/truth.rs`).
pub fn generate_with_truth(opts: &GenerateOptions, truth: bool) -> io::Result<GenerateReport> {
    ensure_empty(&opts.output)?;
    let catalog = Catalog::build(opts.seed);
    let docs = plan::plan(&catalog, opts.count, opts.seed);
    let index = citations::CitationIndex::new(&catalog, &docs);

    let mut used = vec![false; catalog.issuers.len()];
    for d in &docs {
        used[d.issuer as usize] = true;
    }
    std::fs::create_dir_all(&opts.output)?;
    for (issuer, _) in catalog.issuers.iter().zip(&used).filter(|(_, u)| **u) {
        std::fs::create_dir_all(opts.output.join(&issuer.slug))?;
    }

    let written = (0..docs.len())
        .into_par_iter()
        .map(|i| {
            let (path, text, cites, internal, meant) =
                render(&catalog, &docs, &index, opts.seed, i);
            std::fs::write(opts.output.join(path), &text)?;
            Ok((text.len() as u64, cites, internal, meant))
        })
        .collect::<io::Result<Vec<_>>>()?;
    if truth {
        let names: Vec<&str> = docs
            .iter()
            .map(|d| catalog.issuers[d.issuer as usize].name.as_str())
            .collect();
        let meant: Vec<truth::Meant> = written.iter().map(|w| w.3.clone()).collect();
        std::fs::write(
            opts.output.join(TRUTH_FILE),
            truth::lines(&docs, &names, &meant),
        )?;
    }

    Ok(GenerateReport {
        documents: docs.len(),
        issuers: used.iter().filter(|u| **u).count(),
        files: written.len(),
        bytes: written.iter().map(|w| w.0).sum(),
        citations: written.iter().map(|w| w.1).sum(),
        citations_in_archive: written.iter().map(|w| w.2).sum(),
    })
}

fn ensure_empty(path: &Path) -> io::Result<()> {
    match std::fs::read_dir(path) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!("thư mục đầu ra đã có nội dung: {}", path.display()),
                ));
            }
            Ok(())
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// One document: its relative path, its file text, and its citation counts.
fn render(
    catalog: &Catalog,
    docs: &[plan::Planned],
    index: &citations::CitationIndex,
    seed: u64,
    i: usize,
) -> (PathBuf, String, usize, usize, truth::Meant) {
    let doc = &docs[i];
    let issuer = &catalog.issuers[doc.issuer as usize];
    let series = doc.series(catalog);
    let mut cite_rng = Rng::derive(seed, &[STREAM_CITE, i as u64]);
    let cites = citations::choose(catalog, docs, index, i, &mut cite_rng);
    let mut rel_rng = Rng::derive(seed, &[STREAM_RELATION, i as u64]);
    let relation = relations::choose(catalog, docs, index, i, &mut rel_rng).filter(|r| {
        // A number this document cites already means one document.
        let key = crate::number::normalize(&r.cite.numbers[0].0);
        cites.iter().all(|c| {
            c.numbers
                .iter()
                .all(|(n, _)| crate::number::normalize(n) != key)
                || c.targets.first() == Some(&r.target)
        })
    });
    let ctx = body::Context {
        seed,
        catalog,
        issuer,
        series,
        doc,
        cites: &cites,
        relation: relation.as_ref(),
    };
    let body = body::compose(&ctx, Rng::derive(seed, &[STREAM_BODY, i as u64]));

    let mut rng = Rng::derive(seed, &[STREAM_META, i as u64]);
    let signature = people::signature(seed, issuer, series.code, doc.date, &mut rng);
    let recipients = people::recipients(issuer, series.code, &mut rng);
    let distribution = people::distribution(issuer, series.code, doc.unit, &mut rng);
    let attachments: Vec<String> = body.forwarded.into_iter().collect();
    let references: Vec<String> = if rng.chance(80) {
        cites
            .iter()
            .find(|c| c.internal > 0)
            .map(|c| c.numbers[0].0.clone())
            .into_iter()
            .collect()
    } else {
        Vec::new()
    };

    let mut text = String::with_capacity(body.text.len() + 1024);
    text.push_str("---\n");
    field(&mut text, "number", &doc.number);
    field(&mut text, "type", series.type_name);
    field(&mut text, "title", &doc.title);
    field(&mut text, "issuer", &issuer.name);
    text.push_str(&format!("date: {}\n", doc.date.format("%Y-%m-%d")));
    field(&mut text, "place", &issuer.place);
    text.push_str("signers:\n");
    match &signature.name {
        Some(name) => text.push_str(&format!(
            "  - name: {}\n    position: {}\n",
            quote(name),
            quote(&signature.position)
        )),
        None => text.push_str(&format!("  - position: {}\n", quote(&signature.position))),
    }
    if let Some(authority) = &signature.authority {
        text.push_str(&format!("    authority: {}\n", quote(authority)));
    }
    list(&mut text, "recipients", &recipients);
    list(&mut text, "distribution", &distribution);
    inline_list(&mut text, "attachments", &attachments);
    inline_list(&mut text, "references", &references);
    let topics: Vec<String> = doc.topics.iter().map(|t| t.to_string()).collect();
    inline_list(&mut text, "topics", &topics);
    text.push_str("---\n\n");
    text.push_str(&body.text);

    let path = PathBuf::from(&issuer.slug).join(format!(
        "{}-{}.md",
        doc.date.format("%Y-%m-%d"),
        crate::text::slug(&doc.number)
    ));
    let meant = truth::Meant::new(
        path.to_string_lossy().replace('\\', "/"),
        body.effective,
        &cites,
        &body.meant,
        relation.as_ref(),
    );
    let rel = usize::from(relation.is_some());
    let total = cites.iter().map(|c| c.numbers.len()).sum::<usize>() + rel;
    let internal = cites.iter().map(|c| c.internal).sum::<usize>() + rel;
    (path, text, total, internal, meant)
}

/// A YAML double-quoted scalar (JSON strings are valid YAML).
fn quote(s: &str) -> String {
    serde_json::to_string(s).expect("strings serialize")
}

fn field(out: &mut String, key: &str, value: &str) {
    out.push_str(key);
    out.push_str(": ");
    out.push_str(&quote(value));
    out.push('\n');
}

fn list(out: &mut String, key: &str, values: &[String]) {
    if values.is_empty() {
        return;
    }
    out.push_str(key);
    out.push_str(":\n");
    for v in values {
        out.push_str("  - ");
        out.push_str(&quote(v));
        out.push('\n');
    }
}

fn inline_list(out: &mut String, key: &str, values: &[String]) {
    if values.is_empty() {
        return;
    }
    let items: Vec<String> = values.iter().map(|v| quote(v)).collect();
    out.push_str(&format!("{key}: [{}]\n", items.join(", ")));
}

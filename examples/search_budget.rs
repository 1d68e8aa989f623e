//! What a first search costs, in bytes, on a built site; and a synthetic
//! corpus to try the index at scale before real generated archives exist.
//!
//! ```text
//! # Bytes of first queries on a built site (default: a list of one- to
//! # four-word queries including the most common words of the index;
//! # filters after the words: "chong dich|type=Công điện|year=2021"):
//! cargo run --release --example search_budget -- measure public/ ["chong dich" ...]
//! # Build the index of N synthetic documents into DIR and measure it:
//! cargo run --release --example search_budget -- synth 100000 /tmp/search-100k
//! # Time the index build alone on a content folder (`vanban generate`);
//! # with OUT, write it there and measure it:
//! cargo run --release --example search_budget -- content /tmp/kho-100k/content [OUT]
//! ```
//!
//! A first query is counted with everything the browser fetches: the
//! script, the manifest, buckets, postings, facet sets and the metadata
//! blocks of the first ten results; bytes are shown raw and gzip-compressed
//! (level 6, as static hosts serve them).

#[path = "../tests/common/relevance.rs"]
mod relevance;

use relevance::gzip_len;
use std::path::{Path, PathBuf};
use std::time::Instant;
use vanban::search::client::{Client, Request, from_dir};
use vanban::search::{SearchDoc, build_index};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("measure") if args.len() >= 2 => {
            let site = PathBuf::from(&args[1]);
            let queries = if args.len() > 2 {
                args[2..].to_vec()
            } else {
                default_queries(&site)
            };
            measure(&site, &queries);
        }
        Some("content") if args.len() == 2 || args.len() == 3 => {
            // Index a content folder (e.g. made by `vanban generate`);
            // with OUT, write the index there (no site, no cited documents)
            // and measure it.
            let files = relevance::with_search_docs(Path::new(&args[1]), |search_docs| {
                let before = peak_rss_kb();
                let (t, cpu) = (Instant::now(), cpu_seconds());
                let files = build_index(search_docs);
                let total: usize = files.iter().map(|f| f.bytes.len()).sum();
                println!(
                    "{} documents: {} files, {:.1} MB, in {:.2} s ({:.2} s of CPU); peak memory {} MB before, {} MB after",
                    search_docs.len(),
                    files.len(),
                    total as f64 / 1e6,
                    t.elapsed().as_secs_f64(),
                    cpu_seconds() - cpu,
                    before / 1024,
                    peak_rss_kb() / 1024
                );
                files
            });
            if let Some(out) = args.get(2).map(Path::new) {
                write_index(out, &files);
                drop(files);
                measure(out, &default_queries(out));
            }
        }
        Some("build-only") if args.len() == 2 => {
            // For profilers: build the index of N synthetic documents, write nothing.
            let corpus = synthetic::Corpus::new(args[1].parse().expect("a document count"));
            let docs: Vec<SearchDoc> = corpus
                .docs
                .iter()
                .map(synthetic::Doc::as_search_doc)
                .collect();
            let (t, cpu) = (Instant::now(), cpu_seconds());
            let files = build_index(&docs);
            println!(
                "{} files in {:.2} s ({:.2} s of CPU)",
                files.len(),
                t.elapsed().as_secs_f64(),
                cpu_seconds() - cpu
            );
        }
        Some("synth") if args.len() == 3 => {
            let n: usize = args[1].parse().expect("a document count");
            synth(n, Path::new(&args[2]));
        }
        _ => {
            eprintln!(
                "usage: search_budget measure SITE [QUERY...] | synth N DIR | content DIR [OUT] | build-only N"
            );
            std::process::exit(2);
        }
    }
}

/// The script's bytes: the site's copy, or the theme's.
fn script(site: &Path) -> Vec<u8> {
    std::fs::read(site.join("static/search.js"))
        .or_else(|_| std::fs::read("themes/default/static/search.js"))
        .unwrap_or_default()
}

/// One-word queries of the most common, a middling and a rare word, then
/// the most common words two, three and four at a time, and phrases.
fn default_queries(site: &Path) -> Vec<String> {
    let mut words = syllables_by_df(site);
    words.retain(|(_, w)| !w.bytes().all(|b| b.is_ascii_digit()));
    let w = |i: usize| {
        words
            .get(i.min(words.len().saturating_sub(1)))
            .map(|x| x.1.clone())
            .unwrap_or_default()
    };
    let mid = words.len() / 50;
    let mut q = vec![
        w(0),
        w(1),
        w(9),
        w(mid),
        format!("{} {}", w(0), w(1)),
        format!("{} {} {}", w(0), w(1), w(2)),
        format!("{} {} {} {}", w(0), w(1), w(2), w(3)),
        format!("{} {} {} {}", w(4), w(5), w(6), w(7)),
    ];
    for phrase in [
        "chong dich",
        "phong chong dich benh",
        "gian cach xa hoi",
        "uy ban nhan dan",
        "1099 cd ttg",
        "quang ngai",
    ] {
        q.push(phrase.into());
    }
    q
}

/// Folded syllables with their df, most frequent first (reads every
/// completion block).
fn syllables_by_df(site: &Path) -> Vec<(u64, String)> {
    let mut out = Vec::new();
    for i in 0.. {
        let Ok(bytes) = std::fs::read(site.join(format!("search/c/{i}.bin"))) else {
            break;
        };
        let mut r = vanban::search::codec::Reader::new(&bytes);
        let mut term = String::new();
        while !r.at_end() {
            let shared = r.usize().expect("completion block");
            let suffix = r.str().expect("completion block");
            term.truncate(shared);
            term.push_str(suffix);
            out.push((r.varint().expect("completion block"), term.clone()));
        }
    }
    out.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    out
}

fn measure(site: &Path, queries: &[String]) {
    let script = script(site);
    let script_gz = gzip_len(&script);
    println!("script: {} B raw, {} B gzip", script.len(), script_gz);
    println!(
        "{:<40} {:>7} {:>6} {:>9} {:>9}",
        "query", "results", "files", "raw B", "gzip B"
    );
    let mut worst = [0usize; 5];
    for q in queries {
        let mut client = Client::new(from_dir(site));
        // Filters follow the words: "chong dich|type=Công điện|year=2021".
        let mut parts = q.split('|');
        let mut req = Request {
            query: parts.next().unwrap_or("").to_owned(),
            limit: 10,
            ..Request::default()
        };
        for filter in parts {
            let (name, value) = filter.split_once('=').unwrap_or((filter, ""));
            let slot = match name {
                "issuer" => &mut req.issuer,
                "type" => &mut req.doc_type,
                "year" => &mut req.year,
                _ => &mut req.topic,
            };
            *slot = Some(value.to_owned());
        }
        let out = match client.search(&req) {
            Ok(out) => out,
            Err(e) => {
                println!("{q:<40} error: {e}");
                continue;
            }
        };
        let (mut raw, mut gz) = (script.len(), script_gz);
        let verbose = std::env::var_os("VERBOSE").is_some();
        for path in &client.fetched {
            let bytes = std::fs::read(site.join(path)).expect("fetched before");
            let g = gzip_len(&bytes);
            if verbose {
                println!("    {path:<30} {:>8} {:>8}", bytes.len(), g);
            }
            raw += bytes.len();
            gz += g;
        }
        let words = req.query.split_whitespace().count().clamp(1, 4);
        worst[words] = worst[words].max(gz);
        println!(
            "{q:<40} {:>7} {:>6} {:>9} {:>9}",
            out.total,
            client.fetched.len() + 1,
            raw,
            gz
        );
    }
    for (words, w) in worst.iter().enumerate().skip(1) {
        if *w > 0 {
            println!("worst {words}-word query: {w} B gzip");
        }
    }
}

/// Builds the index of `n` synthetic documents into `dir/search/`, then
/// measures the default queries on it.
fn synth(n: usize, dir: &Path) {
    let t = Instant::now();
    let corpus = synthetic::Corpus::new(n);
    let docs: Vec<SearchDoc> = corpus
        .docs
        .iter()
        .map(synthetic::Doc::as_search_doc)
        .collect();
    let body_bytes: usize = corpus.docs.iter().map(|d| d.body.len()).sum();
    let words: usize = corpus
        .docs
        .iter()
        .map(|d| d.body.split_whitespace().count())
        .sum();
    println!(
        "corpus: {n} documents, {:.0} words and {:.1} KB of Markdown each, made in {:.1} s",
        words as f64 / n as f64,
        body_bytes as f64 / n as f64 / 1024.0,
        t.elapsed().as_secs_f64()
    );
    let before = peak_rss_kb();
    let (t, cpu) = (Instant::now(), cpu_seconds());
    let files = build_index(&docs);
    let (build, cpu) = (t.elapsed(), cpu_seconds() - cpu);
    let after = peak_rss_kb();
    let total: usize = files.iter().map(|f| f.bytes.len()).sum();
    let blocks: usize = files
        .iter()
        .map(|f| f.bytes.len().div_ceil(4096).max(1) * 4096)
        .sum();
    println!(
        "index: built in {:.2} s ({:.2} s of CPU), {} files, {:.1} MB ({:.2} KB per document; {:.1} MB in 4 KB disk blocks), peak memory {} MB before the build, {} MB after",
        build.as_secs_f64(),
        cpu,
        files.len(),
        total as f64 / 1e6,
        total as f64 / n as f64 / 1024.0,
        blocks as f64 / 1e6,
        before / 1024,
        after / 1024
    );
    let mut by_dir: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    for f in &files {
        let d = f.path.rsplit_once('/').map_or("", |(d, _)| d);
        let e = by_dir.entry(d).or_default();
        e.0 += 1;
        e.1 += f.bytes.len();
    }
    for (d, (count, bytes)) in by_dir {
        println!("  {d:<16} {count:>8} files {:>10.1} MB", bytes as f64 / 1e6);
    }
    write_index(dir, &files);
    drop(files);
    measure(dir, &default_queries(dir));
}

/// Writes the index files under `dir` (its old `search/` removed).
fn write_index(dir: &Path, files: &[vanban::search::IndexFile]) {
    let _ = std::fs::remove_dir_all(dir.join("search"));
    for f in files {
        let path = dir.join(&f.path);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("writable");
        std::fs::write(path, &f.bytes).expect("writable");
    }
}

/// CPU time of this process so far (user and system, Linux).
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let fields: Vec<&str> = s.rsplit_once(')')?.1.split_whitespace().collect();
            let ticks: f64 =
                fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
            Some(ticks / 100.0)
        })
        .unwrap_or(0.0)
}

/// Peak resident memory of this process so far, in KB (Linux).
fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

/// A quick synthetic corpus: Vietnamese sentences from a word-bigram model
/// of the sample archive's bodies, with a long tail of rarer syllables,
/// names and citations mixed in.
mod synthetic {
    use chrono::{Duration, NaiveDate};
    use std::collections::HashMap;
    use unicode_normalization::UnicodeNormalization;
    use vanban::search::SearchDoc;

    pub struct Doc {
        number: String,
        doc_type: String,
        title: String,
        issuer: String,
        date: NaiveDate,
        url: String,
        topics: Vec<String>,
        pub body: String,
    }

    impl Doc {
        pub fn as_search_doc(&self) -> SearchDoc<'_> {
            SearchDoc {
                number: &self.number,
                doc_type: &self.doc_type,
                title: &self.title,
                issuer: &self.issuer,
                date: self.date,
                url: &self.url,
                topics: &self.topics,
                body: &self.body,
                status: "",
            }
        }
    }

    pub struct Corpus {
        pub docs: Vec<Doc>,
    }

    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n.max(1) as u64) as usize
        }
        fn chance(&mut self, p: f64) -> bool {
            (self.next() % 1_000_000) as f64 / 1e6 < p
        }
        /// Zipf-like rank in `0..n`: small ranks far more often.
        fn zipf(&mut self, n: usize) -> usize {
            let u = (self.next() % 1_000_000) as f64 / 1e6;
            (((n as f64 + 1.0).powf(u) - 1.0) as usize).min(n - 1)
        }
    }

    const TYPES: [(&str, &str); 8] = [
        ("Công văn", ""),
        ("Quyết định", "QĐ"),
        ("Kế hoạch", "KH"),
        ("Chỉ thị", "CT"),
        ("Công điện", "CĐ"),
        ("Thông báo", "TB"),
        ("Nghị quyết", "NQ"),
        ("Báo cáo", "BC"),
    ];
    const PROVINCES: [&str; 20] = [
        "Kiên Giang",
        "Quảng Ngãi",
        "Đồng Tháp",
        "Đà Nẵng",
        "Hà Nội",
        "Cần Thơ",
        "An Giang",
        "Bình Dương",
        "Long An",
        "Nghệ An",
        "Thanh Hóa",
        "Hải Phòng",
        "Quảng Ninh",
        "Lâm Đồng",
        "Đắk Lắk",
        "Gia Lai",
        "Bến Tre",
        "Cà Mau",
        "Sóc Trăng",
        "Thừa Thiên Huế",
    ];
    const BODIES: [(&str, &str); 4] = [
        ("UBND tỉnh", "UBND"),
        ("Tỉnh ủy", "TU"),
        ("Văn phòng UBND tỉnh", "VP"),
        ("Sở Y tế tỉnh", "SYT"),
    ];
    const TOPICS: [&str; 12] = [
        "Covid-19",
        "Y tế",
        "Giáo dục",
        "Đầu tư công",
        "Nông nghiệp",
        "Phòng chống thiên tai",
        "Cải cách hành chính",
        "An sinh xã hội",
        "Giao thông",
        "Môi trường",
        "Quốc phòng",
        "Văn hóa",
    ];
    const ONSETS: [&str; 25] = [
        "", "b", "c", "ch", "d", "đ", "g", "gi", "h", "kh", "l", "m", "n", "ng", "nh", "ph", "qu",
        "r", "s", "t", "th", "tr", "v", "x", "k",
    ];
    const RHYMES: [&str; 40] = [
        "a", "ai", "am", "an", "ang", "anh", "ao", "at", "ay", "ăn", "âm", "ân", "âu", "ây", "e",
        "em", "en", "eo", "ê", "ên", "i", "im", "in", "inh", "iêu", "o", "oa", "oan", "oi", "ong",
        "ô", "ôi", "ông", "ơ", "ơi", "u", "ung", "uy", "ư", "ương",
    ];
    const TONES: [&str; 6] = ["", "\u{301}", "\u{300}", "\u{309}", "\u{303}", "\u{323}"];

    fn syllable(i: usize) -> String {
        let onset = ONSETS[i % ONSETS.len()];
        let rhyme = RHYMES[(i / ONSETS.len()) % RHYMES.len()];
        let tone = TONES[(i / ONSETS.len() / RHYMES.len()) % TONES.len()];
        let mut s = String::from(onset);
        let mut chars = rhyme.chars();
        if let Some(v) = chars.next() {
            s.push(v);
            s.push_str(tone);
            s.extend(chars);
        }
        s.nfc().collect()
    }

    impl Corpus {
        pub fn new(n: usize) -> Corpus {
            let training = training_text();
            let words: Vec<&str> = training.split_whitespace().collect();
            let mut next: HashMap<&str, Vec<&str>> = HashMap::new();
            for w in words.windows(2) {
                next.entry(w[0]).or_default().push(w[1]);
            }
            let mut starts: Vec<&str> = words
                .windows(2)
                .filter(|w| w[0].ends_with('.'))
                .map(|w| w[1])
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .collect();
            starts.sort_unstable();
            starts.dedup();
            let inventory = ONSETS.len() * RHYMES.len() * TONES.len();
            let rare: Vec<String> = (0..inventory)
                .map(|i| syllable(i * 7919 % inventory))
                .collect();
            let mut issuers = Vec::new();
            for p in PROVINCES {
                for (b, code) in BODIES {
                    issuers.push((format!("{b} {p}"), code));
                }
            }
            issuers.push(("Thủ tướng Chính phủ".into(), "TTg"));
            let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
            let sentence = |rng: &mut Rng, max: usize| -> String {
                let mut out: Vec<String> = Vec::new();
                let mut w = starts[rng.below(starts.len())];
                loop {
                    if rng.chance(0.05) {
                        out.push(rare[rng.zipf(rare.len())].clone());
                    }
                    if rng.chance(0.004) {
                        let (t, code) = TYPES[1 + rng.below(TYPES.len() - 1)];
                        out.push(format!(
                            "{t} số {}/{code}-{}",
                            1 + rng.zipf(3000),
                            ["TTg", "UBND", "BYT", "CP"][rng.below(4)]
                        ));
                    }
                    out.push(w.to_owned());
                    if w.ends_with('.') || out.len() >= max {
                        break;
                    }
                    w = match next.get(w) {
                        Some(v) => v[rng.below(v.len())],
                        None => starts[rng.below(starts.len())],
                    };
                }
                let mut s = out.join(" ");
                if !s.ends_with('.') {
                    s.push('.');
                }
                s
            };
            let start = NaiveDate::from_ymd_opt(2015, 1, 1).expect("a date");
            let days = 365 * 10;
            let mut docs = Vec::with_capacity(n);
            for i in 0..n {
                let (doc_type, code) = TYPES[rng.zipf(TYPES.len())];
                let (issuer, icode) = issuers[rng.zipf(issuers.len())].clone();
                let seq = 1 + rng.below(2000);
                let number = if code.is_empty() {
                    format!("{seq}/{icode}-VX")
                } else if icode == "TU" {
                    format!("{seq}-{code}/TU")
                } else {
                    format!("{seq}/{code}-{icode}")
                };
                let words = 6 + rng.below(14);
                let mut title = sentence(&mut rng, words);
                title.pop();
                let target = 600 + rng.below(1800);
                let mut body = String::new();
                let mut count = 0;
                let mut point = 1;
                while count < target {
                    if rng.chance(0.3) {
                        body.push_str(&format!("{point}. "));
                        point += 1;
                    } else if rng.chance(0.2) {
                        body.push_str("- ");
                    }
                    for _ in 0..2 + rng.below(4) {
                        let s = sentence(&mut rng, 40);
                        count += s.split_whitespace().count();
                        body.push_str(&s);
                        body.push(' ');
                    }
                    body.push_str("\n\n");
                }
                let topics = (0..rng.below(3))
                    .map(|_| TOPICS[rng.zipf(TOPICS.len())].to_owned())
                    .collect();
                docs.push(Doc {
                    url: format!("van-ban/{}-{i}/", vanban::text::slug(&number)),
                    number,
                    doc_type: doc_type.into(),
                    title,
                    issuer,
                    date: start + Duration::days((i * days / n.max(1)) as i64),
                    topics,
                    body,
                });
            }
            Corpus { docs }
        }
    }

    /// The bodies of the sample archive (front matter dropped).
    fn training_text() -> String {
        let mut out = String::new();
        for entry in walkdir::WalkDir::new("content").sort_by_file_name() {
            let entry = entry.expect("content/ readable");
            if entry.path().extension().is_some_and(|e| e == "md") {
                let text = std::fs::read_to_string(entry.path()).expect("UTF-8");
                let body = text.splitn(3, "---\n").nth(2).unwrap_or(&text);
                for line in body.lines().filter(|l| !l.starts_with("[^")) {
                    out.push_str(&line.replace("**", "").replace('*', ""));
                    out.push('\n');
                }
            }
        }
        assert!(
            !out.is_empty(),
            "run from the repository root: the sample archive in content/ trains the corpus"
        );
        out
    }
}

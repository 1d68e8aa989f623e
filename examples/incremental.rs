//! Measures `serve`'s incremental rebuild: builds an archive, then edits
//! documents one at a time the way a maintainer does (a sentence added to a
//! body, a title changed) and times each rebuild: until the pages are in
//! place (what the browser reloads) and until everything is written.
//!
//!     cargo run --release --example incremental -- CONTENT OUTPUT [EDITS]
//!
//! The content folder is restored afterwards.

// The allocator `vanban` itself uses.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::PathBuf;
use std::time::Instant;
use vanban::build::{BuildOptions, Incremental};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: incremental CONTENT OUTPUT [EDITS]");
        std::process::exit(2);
    }
    let content = PathBuf::from(&args[0]);
    let output = PathBuf::from(&args[1]);
    let edits: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(5);
    let mut builder = Incremental::new(BuildOptions {
        content_dir: content.clone(),
        output_dir: output,
        theme_dir: None,
        config: vanban::config::Config::default(),
    });
    let started = Instant::now();
    let first = builder.rebuild(&mut || {}).expect("the first build");
    println!(
        "full build: {} documents, {} files, {} ms",
        first.documents,
        first.files,
        started.elapsed().as_millis()
    );

    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(&content)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    let step = (files.len() / edits.max(1)).max(1);
    println!("edit\tpages ready ms\tall written ms\tfiles written");
    for (n, file) in files.iter().step_by(step).take(edits).enumerate() {
        let original = std::fs::read_to_string(file).expect("read a document");
        // TOUCH=1: the same bytes written again (what every rebuild costs
        // before anything is rendered).
        let edited = if std::env::var_os("TOUCH").is_some() {
            original.clone()
        } else if n % 2 == 0 {
            format!("{original}\nCâu được thêm khi đo: phòng chống thiên tai.\n")
        } else {
            original.replacen("title: \"", "title: \"Sửa: ", 1)
        };
        std::fs::write(file, &edited).expect("edit a document");
        let what = if n % 2 == 0 { "body" } else { "title" };
        let t = Instant::now();
        let mut ready = None;
        // As `serve` does: the watcher says which file changed.
        let s = builder
            .rebuild_after(Some(std::slice::from_ref(file)), &mut || {
                ready = Some(t.elapsed())
            })
            .expect("an incremental build");
        let all = t.elapsed();
        println!(
            "{what}\t{}\t{}\t{}",
            ready.unwrap_or(all).as_millis(),
            all.as_millis(),
            s.written
        );
        if std::env::var_os("STAGES").is_some() {
            for st in &s.stages {
                println!("  {:<20} {:>6} ms", st.name, st.millis);
            }
        }
        std::fs::write(file, original).expect("restore a document");
    }
    builder.rebuild(&mut || {}).expect("the restoring build");
}

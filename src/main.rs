//! The `vanban` command line.

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use vanban::build::{BuildError, BuildOptions, build, site_theme_dir};
use vanban::config::Config;

#[derive(Parser)]
#[command(
    name = "vanban",
    version,
    about = "Biến một thư mục văn bản chỉ đạo (Markdown + YAML) thành trang web tĩnh có liên kết trích dẫn.",
    long_about = None
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site from the content folder.
    #[command(
        after_help = "Ví dụ:\n  vanban build\n  vanban build --content content --output public --base-url https://vanban.example.org/\n  vanban build --cache .vanban-cache"
    )]
    Build {
        /// Folder of documents.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Folder the site is written to (replaced only when the build succeeds).
        #[arg(long, default_value = "public")]
        output: PathBuf,
        /// Absolute URL the site is published at (overrides vanban.toml).
        #[arg(long)]
        base_url: Option<String>,
        /// Site settings file.
        #[arg(long, default_value = "vanban.toml")]
        config: PathBuf,
        /// Print the time each stage took.
        #[arg(long)]
        timings: bool,
        /// Keep the incremental state in DIR between runs (for CI: keep DIR
        /// and the output folder together): after editing one document, only
        /// the files that depend on it are rendered and written. A cache of
        /// another vanban, content folder or settings is ignored.
        #[arg(long, value_name = "DIR")]
        cache: Option<PathBuf>,
    },
    /// Check the archive: contract errors, broken links, and warnings.
    #[command(
        after_help = "Exit codes: 0 nothing wrong (warnings allowed), 1 errors found, 2 bad usage.\n\nVí dụ:\n  vanban check\n  vanban check --content content"
    )]
    Check {
        #[arg(long, default_value = "content")]
        content: PathBuf,
        #[arg(long, default_value = "vanban.toml")]
        config: PathBuf,
        /// Absolute URL the site is published at (overrides vanban.toml).
        #[arg(long)]
        base_url: Option<String>,
    },
    /// Write a new document skeleton with every field of the contract.
    #[command(
        after_help = "Ví dụ:\n  vanban new --number 12/KH-UBND --type \"Kế hoạch\" --issuer \"UBND tỉnh Kiên Giang\" --date 2024-03-05 --title \"Phòng, chống thiên tai năm 2024\""
    )]
    New {
        #[arg(long)]
        number: String,
        #[arg(long = "type")]
        doc_type: String,
        #[arg(long)]
        issuer: String,
        /// Ngày ban hành, YYYY-MM-DD.
        #[arg(long)]
        date: chrono::NaiveDate,
        /// Trích yếu; left for you to fill in when omitted.
        #[arg(long)]
        title: Option<String>,
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    /// Build, serve on 127.0.0.1, rebuild on every change and reload the open page.
    #[command(after_help = "Ví dụ:\n  vanban serve\n  vanban serve --port 8080 --content content")]
    Serve {
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Port on 127.0.0.1.
        #[arg(long, default_value_t = 8000)]
        port: u16,
        /// Folder the served site is written to.
        #[arg(long, default_value = "public")]
        output: PathBuf,
        #[arg(long, default_value = "vanban.toml")]
        config: PathBuf,
    },
    /// Draft contract documents from originals: PDF, Word, scans (OCR) or text.
    #[command(
        after_help = "Fields it cannot find are left empty, marked, and reported; `vanban check` points at them.\nExisting files are never overwritten.\n\nVí dụ:\n  vanban import ~/Downloads/cong-van-176.pdf\n  vanban import --source https://example.org/qd-12.pdf qd-12.pdf\n  vanban import --content content tests/seeds/*.txt"
    )]
    Import {
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Where the originals can be had: written as each draft's `source`.
        #[arg(long)]
        source: Option<String>,
        /// PDF, Word (.docx; .doc/.odt with LibreOffice), images or text files, each holding one or more documents.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Write a deterministic, realistic archive for tests and benchmarks.
    #[command(
        after_help = "Ví dụ:\n  vanban generate --count 10000 --seed 1 --output /tmp/kho-10k"
    )]
    Generate {
        #[arg(long)]
        count: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The content folder to create (must not exist or be empty).
        #[arg(long)]
        output: PathBuf,
        /// Also write corpus-truth.jsonl in it: per document the citation kinds, links, effective date and status the text means.
        #[arg(long)]
        truth: bool,
    },
    /// Create a new archive: config, content folder, theme folder, CI for GitHub and GitLab Pages.
    #[command(after_help = INIT_HELP)]
    Init {
        /// Folder to create the archive in.
        dir: PathBuf,
        /// Also write publish-s3.py: upload to S3-compatible storage behind a CDN, only the changed files.
        #[arg(long, value_enum, default_value = "pages")]
        host: HostArg,
    },
}

const INIT_HELP: &str = concat!(
    "The CI files (.github/workflows/pages.yml, .gitlab-ci.yml) pin this vanban's version: VANBAN_VERSION: \"",
    env!("CARGO_PKG_VERSION"),
    "\". To use another release, change that number in both files; the job downloads that release's binary, checks its SHA-256 checksum, and falls back to `cargo install --locked vanban@<version>`.\n\nVí dụ:\n  vanban init kho-van-ban && cd kho-van-ban && vanban build\n  vanban init --host s3 kho-van-ban"
);

#[derive(Clone, Copy, clap::ValueEnum)]
enum HostArg {
    /// GitHub Pages and GitLab Pages CI files.
    Pages,
    /// The Pages CI files and publish-s3.py.
    S3,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            content,
            output,
            base_url,
            config,
            timings,
            cache,
        } => run_build(content, output, base_url, config, timings, cache),
        Command::Check {
            content,
            config,
            base_url,
        } => run_check(content, config, base_url),
        Command::Import {
            content,
            source,
            files,
        } => {
            let options = vanban::import::original::Options { source };
            match vanban::import::original::import_files(&content, &files, &options) {
                Ok(report) => {
                    eprintln!("{report}");
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&e.to_string()),
            }
        }
        Command::Generate {
            count,
            seed,
            output,
            truth,
        } => {
            let opts = vanban::generate::GenerateOptions {
                count,
                seed,
                output,
            };
            match vanban::generate::generate_with_truth(&opts, truth) {
                Ok(r) => {
                    eprintln!(
                        "Đã viết {} văn bản của {} cơ quan vào {}.",
                        r.documents,
                        r.issuers,
                        opts.output.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&format!("{}: {e}", opts.output.display())),
            }
        }
        Command::Serve {
            content,
            port,
            output,
            config,
        } => {
            let build = match build_options(content.clone(), output, &config, None) {
                Ok(o) => o,
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(2);
                }
            };
            let mut watch = vec![content];
            watch.extend(build.theme_dir.clone());
            let opts = vanban::serve::ServeOptions {
                build,
                port,
                watch,
                config_file: Some(config),
            };
            match vanban::serve::serve(opts) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(&e),
            }
        }
        Command::New {
            number,
            doc_type,
            issuer,
            date,
            title,
            content,
        } => {
            let d = vanban::scaffold::NewDocument {
                number,
                doc_type,
                issuer,
                date,
                title,
            };
            match vanban::scaffold::new_document(&content, &d) {
                Ok(file) => {
                    println!("{}", file.display());
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&e),
            }
        }
        Command::Init { dir, host } => match vanban::scaffold::init(
            &dir,
            match host {
                HostArg::Pages => vanban::scaffold::Host::Pages,
                HostArg::S3 => vanban::scaffold::Host::S3,
            },
        ) {
            Ok(files) => {
                for f in files {
                    println!("{}", f.display());
                }
                eprintln!(
                    "Đã tạo kho mới trong {}. Tiếp theo: cd {} && vanban build",
                    dir.display(),
                    dir.display()
                );
                ExitCode::SUCCESS
            }
            Err(e) => fail(&e),
        },
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(1)
}

fn build_options(
    content: PathBuf,
    output: PathBuf,
    config_path: &std::path::Path,
    base_url: Option<String>,
) -> Result<BuildOptions, vanban::config::ConfigError> {
    let config = load_config(config_path, base_url)?;
    let root = config_path
        .parent()
        .map(|p| p.to_path_buf())
        .unwrap_or_default();
    Ok(BuildOptions {
        theme_dir: Some(site_theme_dir(&root, &config)),
        content_dir: content,
        output_dir: output,
        config,
    })
}

fn run_check(content: PathBuf, config_path: PathBuf, base_url: Option<String>) -> ExitCode {
    let opts = match build_options(content, PathBuf::from("public"), &config_path, base_url) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let today = chrono::Local::now().date_naive();
    let report = vanban::check::check(&opts, today);
    for d in &report.diagnostics {
        eprintln!("{d}\n");
    }
    eprintln!(
        "{} văn bản: {} lỗi, {} cảnh báo.",
        report.documents,
        report.errors(),
        report.warnings()
    );
    if report.errors() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn load_config(
    path: &std::path::Path,
    base_url: Option<String>,
) -> Result<Config, vanban::config::ConfigError> {
    let mut config = Config::load(path)?;
    if let Some(url) = base_url {
        config.set_base_url(&url);
    }
    Ok(config)
}

fn run_build(
    content: PathBuf,
    output: PathBuf,
    base_url: Option<String>,
    config_path: PathBuf,
    timings: bool,
    cache: Option<PathBuf>,
) -> ExitCode {
    let opts = match build_options(content, output, &config_path, base_url) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let built = match &cache {
        Some(dir) => vanban::build::build_cached(&opts, dir).map(|c| {
            if let Some(note) = &c.note {
                eprintln!("note: {note}");
            }
            c.summary
        }),
        None => build(&opts),
    };
    match built {
        Ok(s) => {
            // With a cache, how many of the files this build wrote.
            let written = match cache {
                Some(_) => format!(" ({} tệp ghi mới)", s.written),
                None => String::new(),
            };
            eprintln!(
                "Đã dựng {} văn bản: {} trang, {} tệp{written}; dẫn chiếu: {} liên kết được, {} chưa có trong kho, {} chưa xác định; {} ms.",
                s.documents,
                s.pages,
                s.files,
                s.citations_resolved,
                s.citations_external,
                s.citations_ambiguous,
                s.millis
            );
            if opts.config.base_url.is_empty() {
                eprintln!("warning: {}", Config::NO_BASE_URL);
            }
            let size = vanban::hosting::measure(&opts.output_dir);
            eprintln!("{}", vanban::hosting::report(&size));
            if let Some(w) = vanban::hosting::warning(&size, opts.config.document_files) {
                eprintln!("warning: {w}");
            }
            for url in &s.dropped {
                eprintln!(
                    "warning: địa chỉ {url} của lần dựng trước không còn; thêm nó vào `aliases` của văn bản mới để liên kết cũ không hỏng"
                );
            }
            if timings {
                for stage in &s.stages {
                    let peak = match (stage.peak_kb, stage.now_kb) {
                        (Some(peak), Some(now)) => {
                            format!("   {:>6} MB peak {:>6} MB after", peak / 1024, now / 1024)
                        }
                        _ => String::new(),
                    };
                    eprintln!("  {:<20} {:>8} ms{peak}", stage.name, stage.millis);
                }
            }
            ExitCode::SUCCESS
        }
        Err(e @ BuildError::Content(_)) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

/// mimalloc: the page renderer allocates many small strings from several
/// threads, where it beats the system allocator (see BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

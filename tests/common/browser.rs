//! Shared by the browser tests: a tiny HTTP server for a site folder and
//! headless Chromium printing the DOM after the page's scripts ran
//! (`--dump-dom`), so results can be asserted without a driver.
//!
//! ```ignore
//! #[path = "common/browser.rs"]
//! mod browser;
//! let server = browser::Server::serve(site_dir);
//! let dom = browser::dump_dom(&server.url("tim-kiem/?q=chong+dich"));
//! ```
//!
//! Chromium is Debian's package (`scripts/install-chromium.sh`); the tests
//! fail with that hint when it is missing.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Serves the files of a folder on 127.0.0.1 (a free port) until dropped:
/// GET and HEAD only, `index.html` for folders, the query string ignored,
/// nothing outside the folder.
pub struct Server {
    pub port: u16,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    pub fn serve(root: &Path) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free local port");
        let port = listener.local_addr().expect("bound").port();
        let stop = Arc::new(AtomicBool::new(false));
        let root = root.to_path_buf();
        let flag = stop.clone();
        let thread = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if flag.load(Ordering::SeqCst) {
                    break;
                }
                if let Ok(stream) = stream {
                    let root = root.clone();
                    std::thread::spawn(move || {
                        let _ = handle(stream, &root);
                    });
                }
            }
        });
        Server {
            port,
            stop,
            thread: Some(thread),
        }
    }

    /// The address of `path` (relative to the served folder, query allowed).
    pub fn url(&self, path: &str) -> String {
        format!(
            "http://127.0.0.1:{}/{}",
            self.port,
            path.trim_start_matches('/')
        )
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn handle(stream: TcpStream, root: &Path) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let file = resolve(root, path);
    let mut out = stream;
    match (method, file.and_then(|f| std::fs::read(&f).ok().map(|b| (f, b)))) {
        ("GET" | "HEAD", Some((file, body))) => {
            write!(
                out,
                "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
                content_type(&file),
                body.len()
            )?;
            if method == "GET" {
                out.write_all(&body)?;
            }
        }
        ("GET" | "HEAD", None) => {
            out.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found")?
        }
        _ => out.write_all(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")?,
    }
    out.flush()
}

/// The file a URL path names under `root`: percent-decoded, no `..`, a
/// folder's `index.html`.
fn resolve(root: &Path, path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(path)?;
    let mut file = root.to_path_buf();
    for seg in decoded.split('/').filter(|s| !s.is_empty()) {
        if seg == ".." || seg == "." || seg.contains('\\') || seg.contains('\0') {
            return None;
        }
        file.push(seg);
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Debian's Chromium, if installed.
pub fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    for name in ["chromium", "chromium-browser"] {
        for dir in std::env::split_paths(&path) {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    None
}

/// Loads `url` in headless Chromium and returns the DOM once the page's
/// scripts have run (five seconds of virtual time). Panics when Chromium
/// is missing or hangs for two minutes.
pub fn dump_dom(url: &str) -> String {
    dump_dom_with(url, &[])
}

/// [`dump_dom`] with more Chromium flags: a window size
/// (`--window-size=390,844`), dark mode (`--force-dark-mode`,
/// `--blink-settings=preferredColorScheme=0`), or `--print-to-pdf=FILE`.
pub fn dump_dom_with(url: &str, extra: &[&str]) -> String {
    let bin = chromium()
        .expect("Chromium is needed for the browser tests: run scripts/install-chromium.sh");
    let profile = tempfile::tempdir().expect("a temporary profile folder");
    let mut child = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .args(["--virtual-time-budget=5000", "--dump-dom", url])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start Chromium");
    let mut stdout = child.stdout.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut stdout, &mut s);
        s
    });
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait for Chromium").is_some() {
            break;
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("Chromium did not finish loading {url}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    reader.join().expect("the reader thread")
}

/// The JSON a page's script printed into the element `selector` of `dom`
/// (a probe's or axe-core's result), parsed; `what` names the page when
/// the element is missing.
pub fn printed_json(dom: &str, selector: &str, what: &str) -> serde_json::Value {
    let doc = scraper::Html::parse_document(dom);
    let sel = scraper::Selector::parse(selector).unwrap();
    let json: String = doc
        .select(&sel)
        .next()
        .unwrap_or_else(|| panic!("{what}: no {selector} in the page"))
        .text()
        .collect();
    serde_json::from_str(&json).unwrap()
}

/// `load(item)` for every item, two at a time (two Chromiums, one per
/// core), what they return gathered (in no fixed order).
pub fn two_at_a_time<T: Sync, R: Send>(items: &[T], load: impl Fn(&T) -> Vec<R> + Sync) -> Vec<R> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let found = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                while let Some(item) = items.get(next.fetch_add(1, Ordering::SeqCst)) {
                    let got = load(item);
                    found.lock().unwrap().extend(got);
                }
            });
        }
    });
    found.into_inner().unwrap()
}

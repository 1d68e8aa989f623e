//! `vanban serve`: builds the site, serves it on 127.0.0.1, rebuilds it
//! when the content, the theme or the settings change, and reloads the
//! pages open in the browser.
//!
//! The reload hook (`/__vanban/reload.js`, fed by the Server-Sent Events of
//! `/__vanban/events`) is added to HTML pages as they are served; the files
//! of the built site never contain it.
//!
//! The rebuild step is one [`Rebuild`]: [`start`] uses a full build, and
//! [`start_with`] takes any other, such as an incremental builder.

mod http;
mod live;
mod watch;

use crate::build::{BuildError, BuildOptions, BuildSummary, Incremental};
use crate::config::Config;
use live::Live;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::thread::JoinHandle;

/// How many requests are answered at the same time. Live-reload listeners
/// do not hold a worker.
const WORKERS: usize = 4;

/// What `vanban serve` needs to know.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site to build; its `output_dir` is the folder served. Its base
    /// URL is replaced by the local address being served.
    pub build: BuildOptions,
    /// Port on 127.0.0.1; 0 lets the system choose one.
    pub port: u16,
    /// Folders and files whose changes trigger a rebuild: the content
    /// folder, the theme folder, the settings file.
    pub watch: Vec<PathBuf>,
    /// The settings file (`vanban.toml`), read again when it changes.
    /// It is watched even when `watch` does not list it.
    pub config_file: Option<PathBuf>,
}

/// Brings the site in the output folder up to date.
///
/// `changed` lists the watched files that changed since the previous call,
/// as paths under the folders of [`ServeOptions::watch`]; it is empty on the
/// first call, which must build everything. `Ok` carries a one-line summary,
/// `Err` the error text to show (rustc-style diagnostics, as `vanban build`
/// prints them); after an `Err` the output folder must still hold the
/// previous site.
pub trait Rebuild: Send {
    fn rebuild(&mut self, changed: &[PathBuf]) -> Result<String, String>;

    /// [`Rebuild::rebuild`], calling `pages_ready` once the pages are in
    /// place and only data files remain to write, so that the browser
    /// reloads without waiting for them.
    fn rebuild_live(
        &mut self,
        changed: &[PathBuf],
        pages_ready: &mut dyn FnMut(),
    ) -> Result<String, String> {
        let _ = pages_ready;
        self.rebuild(changed)
    }
}

impl<F> Rebuild for F
where
    F: FnMut(&[PathBuf]) -> Result<String, String> + Send,
{
    fn rebuild(&mut self, changed: &[PathBuf]) -> Result<String, String> {
        self(changed)
    }
}

/// A running server. Dropping it stops it too.
pub struct Server {
    addr: SocketAddr,
    shared: Arc<Shared>,
    watcher: Option<watch::Watching>,
    acceptor: Option<JoinHandle<()>>,
    workers: Vec<JoinHandle<()>>,
}

/// What the request handlers share.
struct Shared {
    /// The folder being served (the build's output folder).
    root: PathBuf,
    live: Live,
    stopping: AtomicBool,
}

/// Builds the site, serves it and rebuilds it on every change, until the
/// process ends.
pub fn serve(opts: ServeOptions) -> Result<(), String> {
    let server = start(opts)?;
    println!("Đang phục vụ tại {} (Ctrl+C để dừng)", server.url());
    server.wait();
    Ok(())
}

/// Starts serving with incremental rebuilds; returns once the first build
/// is done and the server answers.
pub fn start(opts: ServeOptions) -> Result<Server, String> {
    let config_file = opts.config_file.clone();
    start_with(opts, move |build| LiveBuild::new(build, config_file))
}

/// Starts serving with the rebuild step made by `make_rebuild` from the
/// build options (whose base URL is by then the local address). Returns once
/// the first build (`rebuild(&[])`) is done and the server answers. A failed
/// first build is reported and the server still runs, waiting for a fix.
pub fn start_with<R, F>(opts: ServeOptions, make_rebuild: F) -> Result<Server, String>
where
    R: Rebuild + 'static,
    F: FnOnce(BuildOptions) -> R,
{
    let listener = TcpListener::bind(("127.0.0.1", opts.port))
        .map_err(|e| format!("không mở được cổng {} trên 127.0.0.1: {e}", opts.port))?;
    let addr = listener
        .local_addr()
        .map_err(|e| format!("không biết cổng đang mở: {e}"))?;

    let mut build = opts.build;
    build
        .config
        .set_base_url(&format!("http://127.0.0.1:{}/", addr.port()));
    let shared = Arc::new(Shared {
        root: build.output_dir.clone(),
        live: Live::new(),
        stopping: AtomicBool::new(false),
    });

    let mut watched = opts.watch;
    if let Some(file) = &opts.config_file
        && !watched.contains(file)
    {
        watched.push(file.clone());
    }
    let ignored = output_paths(&build.output_dir);
    let mut rebuild = make_rebuild(build);
    // Watching starts before the first build so that no edit made during
    // it is missed.
    let pending = watch::Pending::start(&watched, ignored)?;
    report(&shared.live, rebuild.rebuild(&[]));
    let watcher = pending.run(Box::new(rebuild), Arc::clone(&shared));

    let (tx, rx) = mpsc::channel::<TcpStream>();
    let rx = Arc::new(Mutex::new(rx));
    let workers = (0..WORKERS)
        .map(|_| {
            let rx = Arc::clone(&rx);
            let shared = Arc::clone(&shared);
            std::thread::spawn(move || {
                loop {
                    let next = rx.lock().map(|r| r.recv());
                    match next {
                        Ok(Ok(stream)) => http::handle(stream, &shared),
                        _ => return,
                    }
                }
            })
        })
        .collect();
    let acceptor = {
        let shared = Arc::clone(&shared);
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                if shared.stopping.load(Ordering::SeqCst) {
                    return;
                }
                match conn {
                    Ok(stream) => {
                        if tx.send(stream).is_err() {
                            return;
                        }
                    }
                    // Out of file descriptors or a connection reset before
                    // it was accepted: give the system a moment.
                    Err(_) => std::thread::sleep(std::time::Duration::from_millis(10)),
                }
            }
        })
    };
    Ok(Server {
        addr,
        shared,
        watcher: Some(watcher),
        acceptor: Some(acceptor),
        workers,
    })
}

impl Server {
    /// The port the server listens on, on 127.0.0.1.
    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// The address of the site's home page, `http://127.0.0.1:PORT/`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.addr.port())
    }

    /// Stops watching and serving, and waits until every thread has ended.
    pub fn stop(mut self) {
        self.shutdown();
    }

    /// Blocks until the server is stopped.
    fn wait(mut self) {
        if let Some(acceptor) = self.acceptor.take() {
            let _ = acceptor.join();
        }
        self.shutdown();
    }

    fn shutdown(&mut self) {
        self.shared.stopping.store(true, Ordering::SeqCst);
        if let Some(acceptor) = self.acceptor.take() {
            // Wakes the accept loop so that it sees `stopping`.
            let _ = TcpStream::connect(self.addr);
            let _ = acceptor.join();
        }
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
        if let Some(watcher) = self.watcher.take() {
            watcher.stop();
        }
        self.shared.live.close_all();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// Prints the outcome of a build and tells the open pages.
fn report(live: &Live, outcome: Result<String, String>) {
    match outcome {
        Ok(summary) => {
            eprintln!("{summary}");
            live.succeeded(&summary);
        }
        Err(errors) => {
            eprintln!("{errors}");
            eprintln!("Trang đang phục vụ vẫn là bản dựng thành công gần nhất.");
            live.failed(&errors);
        }
    }
}

/// The output folder and the folders a build writes beside it, whose
/// changes are the build's own.
fn output_paths(output: &Path) -> Vec<PathBuf> {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    [
        output.to_path_buf(),
        output.with_file_name(format!("{name}.vanban-dang-ghi")),
        output.with_file_name(format!("{name}.vanban-cu")),
    ]
    .into()
}

/// The rebuild step of [`start`]: incremental when only documents
/// changed, whole when the theme, the settings (read again) or anything
/// else in the content folder did.
struct LiveBuild {
    builder: Incremental,
    config_file: Option<PathBuf>,
    base_url: String,
}

impl LiveBuild {
    fn new(opts: BuildOptions, config_file: Option<PathBuf>) -> LiveBuild {
        let base_url = opts.config.base_url.clone();
        LiveBuild {
            builder: Incremental::new(opts),
            config_file,
            base_url,
        }
    }

    fn reload_config(&mut self, file: &Path) -> Result<(), BuildError> {
        let mut config = Config::load(file)?;
        config.set_base_url(&self.base_url);
        let root = file.parent().unwrap_or(Path::new(""));
        let opts = self.builder.options_mut();
        let old_theme = crate::build::site_theme_dir(root, &opts.config);
        if opts.theme_dir.as_deref() == Some(old_theme.as_path()) {
            opts.theme_dir = Some(crate::build::site_theme_dir(root, &config));
        }
        opts.config = config;
        Ok(())
    }
}

/// A document file of the content folder (what an incremental build
/// follows by itself).
fn is_document(path: &Path, content_dir: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    path.starts_with(content_dir)
        && name.ends_with(".md")
        && !name.starts_with('_')
        && !name.starts_with('.')
}

impl Rebuild for LiveBuild {
    fn rebuild(&mut self, changed: &[PathBuf]) -> Result<String, String> {
        self.rebuild_live(changed, &mut || {})
    }

    fn rebuild_live(
        &mut self,
        changed: &[PathBuf],
        pages_ready: &mut dyn FnMut(),
    ) -> Result<String, String> {
        if let Some(file) = self.config_file.clone()
            && changed.contains(&file)
        {
            self.reload_config(&file)
                .map_err(|e| format!("error: {e}"))?;
        }
        let content_dir = self.builder.options().content_dir.clone();
        if changed.iter().any(|p| !is_document(p, &content_dir)) {
            self.builder.forget();
        }
        let changed = (!changed.is_empty()).then_some(changed);
        match self.builder.rebuild_after(changed, pages_ready) {
            Ok(summary) => Ok(summary_line(&summary)),
            Err(e @ BuildError::Content(_)) => Err(e.to_string()),
            Err(e) => Err(format!("error: {e}")),
        }
    }
}

fn summary_line(s: &BuildSummary) -> String {
    format!(
        "Đã dựng {} văn bản: {} trang, {} tệp ({} tệp ghi mới); {} ms.",
        s.documents, s.pages, s.files, s.written, s.millis
    )
}

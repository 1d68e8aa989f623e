//! A one-line progress display for long builds and imports, on standard
//! error, only when it is a terminal and not under CI.

use std::io::{IsTerminal, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

/// Counts work done; shows `label done/total` while it runs.
pub struct Progress {
    done: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
    painter: Option<JoinHandle<()>>,
}

/// Whether progress should be drawn at all.
pub fn wanted() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("CI").is_none()
}

impl Progress {
    /// Starts a display for `total` items, or a silent counter when
    /// progress is not wanted or the job is small.
    pub fn new(label: &'static str, total: usize) -> Progress {
        let done = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let painter = (wanted() && total >= 1000).then(|| {
            let (done, stop) = (done.clone(), stop.clone());
            std::thread::spawn(move || {
                let mut err = std::io::stderr();
                while !stop.load(Ordering::Relaxed) {
                    let n = done.load(Ordering::Relaxed);
                    let width = 30;
                    let filled = (n * width).checked_div(total).unwrap_or(width).min(width);
                    let _ = write!(
                        err,
                        "\r{label} [{}{}] {n}/{total}",
                        "#".repeat(filled),
                        " ".repeat(width - filled)
                    );
                    let _ = err.flush();
                    std::thread::sleep(Duration::from_millis(100));
                }
                let _ = write!(err, "\r\x1b[2K");
                let _ = err.flush();
            })
        });
        Progress {
            done,
            stop,
            painter,
        }
    }

    pub fn inc(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(p) = self.painter.take() {
            let _ = p.join();
        }
    }
}

//! Watching the sources (through the system's file events, `notify`) and
//! rebuilding once they have been quiet for a moment.

use super::{Rebuild, Shared, report};
use notify::event::{EventKind, MetadataKind, ModifyKind};
use notify::{RecommendedWatcher, RecursiveMode, Watcher};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// A rebuild starts once no change has come for this long ...
const QUIET: Duration = Duration::from_millis(100);
/// ... or this long after the first change, whichever comes first.
const MAX_DELAY: Duration = Duration::from_secs(1);
/// How often the open pages hear from the server when nothing changes.
const HEARTBEAT: Duration = Duration::from_secs(20);

enum Message {
    Changed(notify::Result<notify::Event>),
    Stop,
}

/// What is watched, and how events map back to the paths given.
struct Targets {
    /// Watched with everything under them.
    folders: Vec<PathBuf>,
    /// Single files and folders that did not exist: their parent folder is
    /// watched and only their own events count.
    entries: Vec<PathBuf>,
    /// The build's own output: its events never count.
    ignored: Vec<PathBuf>,
}

/// File events are being collected; the rebuild loop has not started yet.
pub(super) struct Pending {
    watcher: RecommendedWatcher,
    targets: Targets,
    tx: Sender<Message>,
    rx: Receiver<Message>,
}

/// The running rebuild loop.
pub(super) struct Watching {
    tx: Sender<Message>,
    thread: JoinHandle<()>,
}

impl Pending {
    pub(super) fn start(paths: &[PathBuf], ignored: Vec<PathBuf>) -> Result<Pending, String> {
        let (tx, rx) = mpsc::channel();
        let events = tx.clone();
        let mut watcher = notify::recommended_watcher(move |event| {
            let _ = events.send(Message::Changed(event));
        })
        .map_err(|e| format!("không theo dõi được thay đổi của tệp: {e}"))?;
        let mut targets = Targets {
            folders: Vec::new(),
            entries: Vec::new(),
            ignored,
        };
        for path in paths {
            if path.is_dir() {
                watcher
                    .watch(path, RecursiveMode::Recursive)
                    .map_err(|e| format!("{}: không theo dõi được: {e}", path.display()))?;
                targets.folders.push(path.clone());
            } else {
                // A file is watched through its folder, so that an editor
                // that saves by replacing the file is still seen.
                let parent = parent_of(path);
                if parent.is_dir() {
                    watcher
                        .watch(&parent, RecursiveMode::NonRecursive)
                        .map_err(|e| format!("{}: không theo dõi được: {e}", parent.display()))?;
                }
                targets.entries.push(path.clone());
            }
        }
        Ok(Pending {
            watcher,
            targets,
            tx,
            rx,
        })
    }

    /// Starts rebuilding on every change (including those already seen).
    pub(super) fn run(self, rebuild: Box<dyn Rebuild>, shared: Arc<Shared>) -> Watching {
        let Pending {
            watcher,
            targets,
            tx,
            rx,
        } = self;
        let thread =
            std::thread::spawn(move || rebuild_loop(watcher, targets, &rx, rebuild, &shared));
        Watching { tx, thread }
    }
}

impl Watching {
    /// Ends the loop, after the rebuild under way if any.
    pub(super) fn stop(self) {
        let _ = self.tx.send(Message::Stop);
        let _ = self.thread.join();
    }
}

fn rebuild_loop(
    mut watcher: RecommendedWatcher,
    mut targets: Targets,
    rx: &Receiver<Message>,
    mut rebuild: Box<dyn Rebuild>,
    shared: &Shared,
) {
    loop {
        let mut changed = BTreeSet::new();
        match rx.recv_timeout(HEARTBEAT) {
            Ok(Message::Changed(event)) => targets.collect(event, &mut changed),
            Ok(Message::Stop) | Err(RecvTimeoutError::Disconnected) => return,
            Err(RecvTimeoutError::Timeout) => {
                shared.live.heartbeat();
                continue;
            }
        }
        let first = Instant::now();
        while first.elapsed() < MAX_DELAY {
            match rx.recv_timeout(QUIET) {
                Ok(Message::Changed(event)) => targets.collect(event, &mut changed),
                Ok(Message::Stop) | Err(RecvTimeoutError::Disconnected) => return,
                Err(RecvTimeoutError::Timeout) => break,
            }
        }
        if changed.is_empty() {
            continue;
        }
        targets.watch_new_folders(&mut watcher);
        let changed: Vec<PathBuf> = changed.into_iter().collect();
        let mut early = false;
        let outcome = rebuild.rebuild_live(&changed, &mut || {
            early = true;
            shared.live.succeeded(
                "Đã cập nhật các trang văn bản; đang ghi dữ liệu mở và chỉ mục tìm kiếm",
            );
        });
        match outcome {
            // The pages reloaded already: only say that the rest is done.
            Ok(summary) if early => eprintln!("{summary}"),
            outcome => report(&shared.live, outcome),
        }
    }
}

impl Targets {
    /// Adds the paths of `event` that concern the site to `changed`.
    fn collect(&self, event: notify::Result<notify::Event>, changed: &mut BTreeSet<PathBuf>) {
        let event = match event {
            Ok(e) => e,
            Err(e) => {
                eprintln!("warning: theo dõi tệp: {e}");
                return;
            }
        };
        if !counts(&event.kind) {
            return;
        }
        for path in &event.paths {
            if let Some(p) = self.relevant(path) {
                changed.insert(p);
            }
        }
    }

    /// `path` as the caller knows it, if its change matters.
    fn relevant(&self, path: &Path) -> Option<PathBuf> {
        if self.ignored.iter().any(|i| path.starts_with(i)) || is_editor_scratch(path) {
            return None;
        }
        let name = path.file_name()?;
        if let Some(entry) = self.entries.iter().find(|e| {
            path.starts_with(e) || (e.file_name() == Some(name) && parent_of(e) == parent_of(path))
        }) {
            return Some(if path.starts_with(entry) {
                path.to_path_buf()
            } else {
                entry.clone()
            });
        }
        self.folders
            .iter()
            .any(|f| path.starts_with(f))
            .then(|| path.to_path_buf())
    }

    /// A watched folder that did not exist at the start is watched whole
    /// once it appears.
    fn watch_new_folders(&mut self, watcher: &mut RecommendedWatcher) {
        let (appeared, still): (Vec<PathBuf>, Vec<PathBuf>) = std::mem::take(&mut self.entries)
            .into_iter()
            .partition(|e| e.is_dir());
        self.entries = still;
        for folder in appeared {
            match watcher.watch(&folder, RecursiveMode::Recursive) {
                Ok(()) => self.folders.push(folder),
                Err(e) => {
                    eprintln!("warning: {}: không theo dõi được: {e}", folder.display());
                    self.entries.push(folder);
                }
            }
        }
    }
}

/// Changes to content, not reads (the build itself reads every file).
fn counts(kind: &EventKind) -> bool {
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}

/// Swap, backup and lock files that editors write beside the real one.
fn is_editor_scratch(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    name.ends_with('~')
        || name.starts_with(".#")
        || name == "4913"
        || [".swp", ".swx", ".swo", ".tmp"]
            .iter()
            .any(|ext| name.ends_with(ext))
}

/// The folder holding `path`; `.` for a bare file name.
fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets() -> Targets {
        Targets {
            folders: vec!["site/content".into()],
            entries: vec!["vanban.toml".into(), "site/themes/default".into()],
            ignored: vec!["site/content/public".into()],
        }
    }

    #[test]
    fn events_map_back_to_the_watched_paths() {
        let t = targets();
        assert_eq!(
            t.relevant(Path::new("site/content/a/b.md")),
            Some(PathBuf::from("site/content/a/b.md"))
        );
        assert_eq!(
            t.relevant(Path::new("./vanban.toml")),
            Some(PathBuf::from("vanban.toml"))
        );
        assert_eq!(
            t.relevant(Path::new("site/themes/default")),
            Some(PathBuf::from("site/themes/default"))
        );
        assert_eq!(t.relevant(Path::new("./README.md")), None);
        assert_eq!(t.relevant(Path::new("site/themes/other")), None);
    }

    #[test]
    fn the_build_output_and_editor_scratch_files_are_ignored() {
        let t = targets();
        assert_eq!(
            t.relevant(Path::new("site/content/public/index.html")),
            None
        );
        assert_eq!(t.relevant(Path::new("site/content/.a.md.swp")), None);
        assert_eq!(t.relevant(Path::new("site/content/a.md~")), None);
        assert_eq!(t.relevant(Path::new("site/content/4913")), None);
    }

    #[test]
    fn reads_do_not_trigger_a_rebuild() {
        use notify::event::{AccessKind, CreateKind, DataChange};
        assert!(!counts(&EventKind::Access(AccessKind::Any)));
        assert!(!counts(&EventKind::Modify(ModifyKind::Metadata(
            MetadataKind::AccessTime
        ))));
        assert!(counts(&EventKind::Modify(ModifyKind::Data(
            DataChange::Any
        ))));
        assert!(counts(&EventKind::Create(CreateKind::File)));
    }
}

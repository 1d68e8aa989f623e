//! Writing the site atomically: everything goes into a fresh folder beside
//! the output folder, which replaces the old one only once the whole build
//! succeeded. A failed or killed build leaves the previous site untouched.

use std::io;
use std::path::{Path, PathBuf};

/// A site being written.
pub struct Staging {
    target: PathBuf,
    dir: PathBuf,
    committed: bool,
    /// Writing into the output folder itself (see [`Staging::in_place`]).
    in_place: bool,
    /// In place: the files written and not yet applied.
    pending: std::sync::Mutex<Vec<(PathBuf, Vec<u8>)>>,
}

const STAGING_MARK: &str = ".vanban-dang-ghi";
const OLD_MARK: &str = ".vanban-cu";

fn sibling(target: &Path, mark: &str) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    target.with_file_name(format!("{name}{mark}"))
}

impl Staging {
    /// Starts a new staging folder for `target`, clearing what an earlier
    /// interrupted build left behind.
    pub fn begin(target: &Path) -> io::Result<Staging> {
        recover(target)?;
        let dir = sibling(target, STAGING_MARK);
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir_all(&dir)?;
        Ok(Staging {
            target: target.to_path_buf(),
            dir,
            committed: false,
            in_place: false,
            pending: Default::default(),
        })
    }

    /// Writes into the existing site at `target`, for `serve`'s
    /// incremental rebuilds, which write only the files that change. Files
    /// are held until [`Staging::apply`] (or `commit`), so a build that
    /// fails before changes nothing; then each file is replaced at once (a
    /// reader sees the old file or the new one, never half of one). A
    /// second write to one path is the caller's to prevent.
    pub fn in_place(target: &Path) -> io::Result<Staging> {
        recover(target)?;
        if !target.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                "chưa có bản dựng trước để cập nhật",
            ));
        }
        Ok(Staging {
            target: target.to_path_buf(),
            dir: target.to_path_buf(),
            committed: true,
            in_place: true,
            pending: Default::default(),
        })
    }

    /// Writes the files held so far into a site written in place.
    pub fn apply(&self) -> io::Result<()> {
        let pending = std::mem::take(&mut *self.pending.lock().unwrap_or_else(|e| e.into_inner()));
        for (path, bytes) in pending {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            let mut name = path.file_name().unwrap_or_default().to_os_string();
            name.push(".vanban-tmp");
            let tmp = path.with_file_name(name);
            std::fs::write(&tmp, bytes)?;
            std::fs::rename(&tmp, &path)?;
        }
        Ok(())
    }

    /// Removes the file at `rel` of a site written [`Staging::in_place`],
    /// and the folders it leaves empty.
    pub fn remove(&self, rel: &str) -> io::Result<()> {
        let path = self.path_of(rel)?;
        match std::fs::remove_file(&path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
        let mut dir = path.parent();
        while let Some(d) = dir.filter(|d| *d != self.dir) {
            if std::fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
        Ok(())
    }

    /// Writes `bytes` at `rel` (a `/`-separated path inside the site).
    /// A path ending in `/` is a folder page and gets `index.html`. Two
    /// writes to one path are an error: no page silently replaces another.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        use std::io::Write;
        if self.in_place {
            let path = self.path_of(rel)?;
            let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
            pending.push((path, bytes.to_vec()));
            return Ok(());
        }
        self.create(rel)?.write_all(bytes)
    }

    /// Creates the file at `rel` for writing, with [`Staging::write`]'s
    /// rules: for files too large to hold in memory whole.
    pub fn create(&self, rel: &str) -> io::Result<std::fs::File> {
        if self.in_place {
            return Err(io::Error::other(
                "a site written in place takes whole files",
            ));
        }
        let path = self.path_of(rel)?;
        let open = || {
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
        };
        // Most files go into a folder that exists already: creating it is
        // tried only when opening fails, which saves two system calls a file.
        let opened = match open() {
            Err(e) if e.kind() == io::ErrorKind::NotFound => match path.parent() {
                Some(parent) => {
                    std::fs::create_dir_all(parent)?;
                    open()
                }
                None => Err(e),
            },
            other => other,
        };
        opened.map_err(|e| match e.kind() {
            io::ErrorKind::AlreadyExists => io::Error::new(
                e.kind(),
                "hai trang cùng một địa chỉ (một alias hoặc tên trùng với trang khác)",
            ),
            _ => e,
        })
    }

    fn path_of(&self, rel: &str) -> io::Result<PathBuf> {
        let mut path = self.dir.clone();
        for part in rel.split('/').filter(|p| !p.is_empty()) {
            if part == ".." || part == "." || part.contains('\\') {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!("đường dẫn ra ngoài trang: {rel}"),
                ));
            }
            path.push(part);
        }
        if rel.is_empty() || rel.ends_with('/') {
            path.push("index.html");
        }
        Ok(path)
    }

    /// Swaps the staged site in place of the old one.
    pub fn commit(mut self) -> io::Result<()> {
        if self.in_place {
            return self.apply();
        }
        let old = sibling(&self.target, OLD_MARK);
        if old.exists() {
            std::fs::remove_dir_all(&old)?;
        }
        let had_old = self.target.exists();
        if had_old {
            std::fs::rename(&self.target, &old)?;
        }
        if let Err(e) = std::fs::rename(&self.dir, &self.target) {
            if had_old {
                std::fs::rename(&old, &self.target)?;
            }
            return Err(e);
        }
        self.committed = true;
        if had_old {
            std::fs::remove_dir_all(&old)?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Puts the previous site back if a build was killed between the two
/// renames of `commit`.
fn recover(target: &Path) -> io::Result<()> {
    let old = sibling(target, OLD_MARK);
    if old.exists() {
        if target.exists() {
            std::fs::remove_dir_all(&old)?;
        } else {
            std::fs::rename(&old, target)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uncommitted_staging_leaves_the_old_site() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        std::fs::create_dir_all(&target).unwrap();
        std::fs::write(target.join("index.html"), "old").unwrap();
        {
            let s = Staging::begin(&target).unwrap();
            s.write("index.html", b"new").unwrap();
        }
        assert_eq!(
            std::fs::read_to_string(target.join("index.html")).unwrap(),
            "old"
        );
        let s = Staging::begin(&target).unwrap();
        s.write("", b"new").unwrap();
        s.write("van-ban/2021/x/", b"doc").unwrap();
        s.commit().unwrap();
        assert_eq!(
            std::fs::read_to_string(target.join("index.html")).unwrap(),
            "new"
        );
        assert!(target.join("van-ban/2021/x/index.html").is_file());
        assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 1);
    }

    #[test]
    fn refuses_paths_that_climb_out() {
        let tmp = tempfile::tempdir().unwrap();
        let s = Staging::begin(&tmp.path().join("public")).unwrap();
        assert!(s.write("../evil.html", b"x").is_err());
        s.write("a/", b"x").unwrap();
        assert!(
            s.write("a/index.html", b"y").is_err(),
            "a second write to one file"
        );
    }
}

//! The programs an original is read with, run without a shell; a program
//! that is not installed is reported with the command that installs it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The Debian packages of every tool import may run.
pub const INSTALL: &str = "apt-get install poppler-utils tesseract-ocr tesseract-ocr-vie";

/// Why an original could not be read.
#[derive(Debug)]
pub enum ToolError {
    /// `program` is not installed; `package` holds it.
    Missing {
        program: &'static str,
        package: &'static str,
    },
    /// The program ran and failed, or its output was unusable.
    Failed { path: PathBuf, message: String },
}

impl std::fmt::Display for ToolError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ToolError::Missing { program, package } => write!(
                f,
                "cần chương trình `{program}` (gói {package}) để đọc tệp này; cài bằng: {}",
                if *package == "libreoffice" {
                    "apt-get install libreoffice-writer-nogui".to_string()
                } else {
                    INSTALL.to_string()
                }
            ),
            ToolError::Failed { path, message } => {
                write!(f, "{}: không đọc được tệp: {message}", path.display())
            }
        }
    }
}

impl std::error::Error for ToolError {}

/// The Debian package a program comes from.
fn package_of(program: &'static str) -> &'static str {
    match program {
        "tesseract" => "tesseract-ocr",
        "soffice" => "libreoffice",
        _ => "poppler-utils",
    }
}

/// Runs `program args`, its output when it succeeds.
pub fn run(
    program: &'static str,
    args: &[&std::ffi::OsStr],
    path: &Path,
) -> Result<Output, ToolError> {
    let output = Command::new(program)
        // One thread per page: pages are recognised side by side.
        .env("OMP_THREAD_LIMIT", "1")
        .args(args)
        .output()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => ToolError::Missing {
                program,
                package: package_of(program),
            },
            _ => ToolError::Failed {
                path: path.to_path_buf(),
                message: format!("{program}: {e}"),
            },
        })?;
    if output.status.success() {
        Ok(output)
    } else {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let first = stderr.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        Err(ToolError::Failed {
            path: path.to_path_buf(),
            message: format!("{program} ({}): {first}", output.status),
        })
    }
}

/// A fresh, empty folder for one file's intermediate images, removed when
/// dropped.
pub struct Scratch(pub PathBuf);

impl Scratch {
    pub fn new() -> std::io::Result<Scratch> {
        use std::sync::atomic::{AtomicU64, Ordering};
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let dir = std::env::temp_dir().join(format!(
            "vanban-import-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir)?;
        Ok(Scratch(dir))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

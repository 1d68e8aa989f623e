//! What a built site costs a static host, and which hosts' published limits
//! it fits: `build` says so after every build.

use std::path::Path;

/// The size of a built site.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SiteSize {
    pub files: u64,
    pub folders: u64,
    pub bytes: u64,
    /// The largest file: its bytes and path inside the site.
    pub largest: (u64, String),
    /// The most files in one folder, and that folder's path.
    pub fullest: (u64, String),
}

impl SiteSize {
    /// Files and folders: GitLab Pages counts both.
    pub fn entries(&self) -> u64 {
        self.files + self.folders
    }
}

/// A static host's published limits for one site (see README, "How big an
/// archive each host takes", for the sources and the date read).
#[derive(Debug, Clone, Copy)]
pub struct Host {
    pub name: &'static str,
    /// Bytes of the published site, uncompressed.
    pub max_bytes: Option<u64>,
    /// Files, plus folders when `folders_count`.
    pub max_entries: Option<u64>,
    pub folders_count: bool,
    /// Bytes of one file.
    pub max_file: Option<u64>,
    /// Files in one folder.
    pub max_per_folder: Option<u64>,
}

const GB: u64 = 1_000_000_000;
const MIB: u64 = 1 << 20;

const NONE: Host = Host {
    name: "",
    max_bytes: None,
    max_entries: None,
    folders_count: false,
    max_file: None,
    max_per_folder: None,
};

/// The hosts `build` compares a site with.
pub const HOSTS: &[Host] = &[
    Host {
        name: "GitHub Pages",
        max_bytes: Some(GB),
        ..NONE
    },
    Host {
        name: "GitLab.com Pages",
        max_bytes: Some(GB),
        max_entries: Some(200_000),
        folders_count: true,
        ..NONE
    },
    Host {
        name: "Netlify",
        max_per_folder: Some(54_000),
        ..NONE
    },
    Host {
        name: "Cloudflare Pages (gói miễn phí)",
        max_entries: Some(20_000),
        max_file: Some(25 * MIB),
        ..NONE
    },
];

impl Host {
    /// Whether `size` is within this host's limits.
    pub fn fits(&self, size: &SiteSize) -> bool {
        self.excess(size).is_empty()
    }

    /// What of `size` passes this host's limits, each as a phrase saying by
    /// how much (empty when it fits).
    pub fn excess(&self, size: &SiteSize) -> Vec<String> {
        let mut over = Vec::new();
        let entries = if self.folders_count {
            size.entries()
        } else {
            size.files
        };
        let what = if self.folders_count {
            "tệp và thư mục"
        } else {
            "tệp"
        };
        if let Some(m) = self.max_bytes.filter(|&m| size.bytes > m) {
            over.push(format!(
                "{} MB, quá {} MB so với giới hạn {} MB",
                mb(size.bytes),
                mb(size.bytes - m),
                mb(m)
            ));
        }
        if let Some(m) = self.max_entries.filter(|&m| entries > m) {
            over.push(format!(
                "{} {what}, quá {} so với giới hạn {}",
                thousands(entries),
                thousands(entries - m),
                thousands(m)
            ));
        }
        if let Some(m) = self.max_file.filter(|&m| size.largest.0 > m) {
            over.push(format!(
                "tệp {} nặng {} MB, quá giới hạn {} MB một tệp",
                size.largest.1,
                mb(size.largest.0),
                mb(m)
            ));
        }
        if let Some(m) = self.max_per_folder.filter(|&m| size.fullest.0 > m) {
            over.push(format!(
                "thư mục {} có {} tệp, quá giới hạn {} tệp một thư mục",
                size.fullest.1,
                thousands(size.fullest.0),
                thousands(m)
            ));
        }
        over
    }
}

fn mb(bytes: u64) -> String {
    let tenths = (bytes + 50_000) / 100_000;
    format!("{},{}", thousands(tenths / 10), tenths % 10)
}

fn thousands(n: u64) -> String {
    crate::text::thousands(n)
}

/// Walks the built site. Unreadable entries are skipped: this is a report.
pub fn measure(dir: &Path) -> SiteSize {
    let mut size = SiteSize::default();
    let mut per_folder: std::collections::BTreeMap<std::path::PathBuf, u64> = Default::default();
    for entry in walkdir::WalkDir::new(dir)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
    {
        if entry.file_type().is_dir() {
            size.folders += 1;
        } else if entry.file_type().is_file() {
            size.files += 1;
            let len = entry.metadata().map_or(0, |m| m.len());
            size.bytes += len;
            let rel = || {
                let p = entry.path().strip_prefix(dir).unwrap_or(entry.path());
                p.to_string_lossy().replace('\\', "/")
            };
            if len > size.largest.0 {
                size.largest = (len, rel());
            }
            if let Some(parent) = entry.path().parent() {
                *per_folder.entry(parent.to_path_buf()).or_default() += 1;
            }
        }
    }
    if let Some((folder, n)) = per_folder
        .into_iter()
        .max_by_key(|(f, n)| (*n, std::cmp::Reverse(f.clone())))
    {
        let rel = folder.strip_prefix(dir).unwrap_or(&folder);
        size.fullest = (n, format!("{}/", rel.to_string_lossy().replace('\\', "/")));
    }
    size
}

/// One line for `build`: the size, and the hosts the site fits and does not.
pub fn report(size: &SiteSize) -> String {
    let (fit, not): (Vec<&Host>, Vec<&Host>) = HOSTS.iter().partition(|h| h.fits(size));
    let names = |hs: &[&Host]| hs.iter().map(|h| h.name).collect::<Vec<_>>().join(", ");
    let mut line = format!(
        "Trang: {} tệp, {} thư mục, {:.1} MB",
        size.files,
        size.folders,
        size.bytes as f64 / 1e6
    );
    if !fit.is_empty() {
        line.push_str(&format!("; vừa giới hạn của {}", names(&fit)));
    }
    if !not.is_empty() {
        line.push_str(&format!("; vượt giới hạn của {}", names(&not)));
    }
    line
}

/// The warning when the site no longer fits GitHub or GitLab Pages: which
/// host, by how much, and what to do.
pub fn warning(size: &SiteSize, document_files: bool) -> Option<String> {
    warning_for(&HOSTS[..2], size, document_files)
}

/// [`warning`] against the given hosts' limits.
pub fn warning_for(hosts: &[Host], size: &SiteSize, document_files: bool) -> Option<String> {
    let over: Vec<String> = hosts
        .iter()
        .filter_map(|h| {
            let e = h.excess(size);
            (!e.is_empty()).then(|| format!("{} ({})", h.name, e.join("; ")))
        })
        .collect();
    if over.is_empty() {
        return None;
    }
    let mut todo = String::new();
    if document_files {
        todo.push_str("đặt `document_files = false` trong vanban.toml (bỏ index.json và index.md cạnh mỗi trang văn bản, hai tệp mỗi văn bản; dữ liệu vẫn có trong data/documents.json), hoặc ");
    }
    todo.push_str("công bố lên kho lưu trữ tương thích S3 sau một CDN: `vanban init --host s3 .` viết publish-s3.py, tải lên chỉ các tệp đã đổi (xem README, Publishing)");
    Some(format!(
        "trang vượt giới hạn của {}: {todo}",
        over.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_count_bytes_and_for_gitlab_folders_too() {
        let small = SiteSize {
            files: 19_000,
            folders: 9_000,
            bytes: 300 * 1_000_000,
            largest: (20 * 1_000_000, "data/documents.json".into()),
            fullest: (9_000, "tim-kiem/".into()),
        };
        assert!(HOSTS.iter().all(|h| h.fits(&small)));
        assert!(warning(&small, true).is_none());
        let many = SiteSize {
            files: 150_000,
            folders: 60_000,
            bytes: 900 * 1_000_000,
            ..small.clone()
        };
        let fits: Vec<bool> = HOSTS.iter().map(|h| h.fits(&many)).collect();
        assert_eq!(fits, [true, false, true, false]);
        let w = warning(&many, true).unwrap();
        assert!(
            w.contains(
                "GitLab.com Pages (210.000 tệp và thư mục, quá 10.000 so với giới hạn 200.000)"
            ),
            "{w}"
        );
        assert!(
            !w.contains("GitHub") && w.contains("document_files = false"),
            "{w}"
        );
        let big = SiteSize {
            bytes: 1_234_500_000,
            ..small.clone()
        };
        assert!(!HOSTS[0].fits(&big));
        assert!(report(&big).contains("vượt giới hạn của GitHub Pages, GitLab.com Pages"));
        // Already without document files: only the S3 template is left.
        let w = warning(&big, false).unwrap();
        assert!(
            w.contains("GitHub Pages (1.234,5 MB, quá 234,5 MB so với giới hạn 1.000,0 MB)"),
            "{w}"
        );
        assert!(
            !w.contains("document_files") && w.contains("vanban init --host s3"),
            "{w}"
        );
    }

    #[test]
    fn one_file_or_one_folder_can_pass_a_limit() {
        let size = SiteSize {
            files: 1_000,
            folders: 10,
            bytes: 60 * 1_000_000,
            largest: (30 * MIB, "data/documents.json".into()),
            fullest: (60_000, "tim-kiem/".into()),
        };
        let cloudflare = HOSTS
            .iter()
            .find(|h| h.name.starts_with("Cloudflare"))
            .unwrap();
        assert_eq!(
            cloudflare.excess(&size),
            ["tệp data/documents.json nặng 31,5 MB, quá giới hạn 26,2 MB một tệp"]
        );
        let netlify = HOSTS.iter().find(|h| h.name == "Netlify").unwrap();
        assert_eq!(
            netlify.excess(&size),
            ["thư mục tim-kiem/ có 60.000 tệp, quá giới hạn 54.000 tệp một thư mục"]
        );
    }
}

//! What a built site costs a static host, and which hosts' published limits
//! it fits: `build` says so after every build.

use std::path::Path;

/// The size of a built site.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SiteSize {
    pub files: u64,
    pub folders: u64,
    pub bytes: u64,
}

impl SiteSize {
    /// Files and folders: GitLab Pages counts both.
    pub fn entries(&self) -> u64 {
        self.files + self.folders
    }
}

/// A static host's published limits for one site (see README, "Hosting").
#[derive(Debug, Clone, Copy)]
pub struct Host {
    pub name: &'static str,
    /// Bytes of the published site, uncompressed.
    pub max_bytes: Option<u64>,
    /// Files, plus folders when `folders_count`.
    pub max_entries: Option<u64>,
    pub folders_count: bool,
}

const GB: u64 = 1_000_000_000;

/// The hosts `build` compares a site with.
pub const HOSTS: &[Host] = &[
    Host {
        name: "GitHub Pages",
        max_bytes: Some(GB),
        max_entries: None,
        folders_count: false,
    },
    Host {
        name: "GitLab.com Pages",
        max_bytes: Some(GB),
        max_entries: Some(200_000),
        folders_count: true,
    },
    Host {
        name: "Cloudflare Pages (gói miễn phí)",
        max_bytes: None,
        max_entries: Some(20_000),
        folders_count: false,
    },
];

impl Host {
    /// Whether `size` is within this host's limits.
    pub fn fits(&self, size: &SiteSize) -> bool {
        let entries = if self.folders_count {
            size.entries()
        } else {
            size.files
        };
        self.max_bytes.is_none_or(|m| size.bytes <= m)
            && self.max_entries.is_none_or(|m| entries <= m)
    }
}

/// Walks the built site. Unreadable entries are skipped: this is a report.
pub fn measure(dir: &Path) -> SiteSize {
    let mut size = SiteSize::default();
    for entry in walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .filter_map(Result::ok)
    {
        if entry.file_type().is_dir() {
            size.folders += 1;
        } else if entry.file_type().is_file() {
            size.files += 1;
            size.bytes += entry.metadata().map_or(0, |m| m.len());
        }
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

/// The warning when the site no longer fits GitHub or GitLab Pages.
pub fn warning(size: &SiteSize) -> Option<String> {
    let over: Vec<&str> = HOSTS[..2]
        .iter()
        .filter(|h| !h.fits(size))
        .map(|h| h.name)
        .collect();
    (!over.is_empty()).then(|| {
        format!(
            "trang vượt giới hạn của {} (1 GB; GitLab: 200.000 tệp và thư mục): đặt `document_files = false` trong vanban.toml (bỏ index.json và index.md cạnh mỗi trang văn bản; dữ liệu vẫn có trong data/documents.json) hoặc công bố lên kho lưu trữ S3 sau CDN (`vanban init --host s3`, publish-s3.py)",
            over.join(", ")
        )
    })
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
        };
        assert!(HOSTS.iter().all(|h| h.fits(&small)));
        assert!(warning(&small).is_none());
        let many = SiteSize {
            files: 150_000,
            folders: 60_000,
            bytes: 900 * 1_000_000,
        };
        let fits: Vec<bool> = HOSTS.iter().map(|h| h.fits(&many)).collect();
        assert_eq!(fits, [true, false, false]);
        assert!(warning(&many).unwrap().contains("GitLab.com Pages"));
        let big = SiteSize {
            bytes: GB + 1,
            ..small
        };
        assert!(!HOSTS[0].fits(&big));
        assert!(report(&big).contains("vượt giới hạn của GitHub Pages, GitLab.com Pages"));
    }
}

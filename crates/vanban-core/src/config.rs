//! Site settings from the optional `vanban.toml` at the archive's root.

use serde::{Deserialize, Serialize};
use std::path::Path;

/// What a site may set; every field has a default so the file is optional.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// The archive's name, shown in the header and in feeds.
    pub title: String,
    /// A sentence under the title on the home page.
    pub description: String,
    /// Absolute URL the site is published at, ending in `/`; empty when
    /// unknown: links stay relative and what needs an absolute address
    /// (feeds, sitemap, canonical, Open Graph, JSON-LD) is left out.
    pub base_url: String,
    /// BCP 47 language of the site's words and documents.
    pub language: String,
    /// How many entries a list page holds before it is split.
    pub page_size: usize,
    /// The theme folder's name under `themes/`.
    pub theme: String,
    /// Whether each document page has its record (`index.json`) and its
    /// Markdown source (`index.md`) beside it. Off, a big archive takes
    /// two files fewer a document; the records stay in `data/documents.json`.
    pub document_files: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "Kho văn bản chỉ đạo".into(),
            description:
                "Văn bản chỉ đạo của các cơ quan Đảng và Nhà nước, liên kết theo trích dẫn.".into(),
            base_url: String::new(),
            language: "vi".into(),
            page_size: 50,
            theme: "default".into(),
            document_files: true,
        }
    }
}

/// Why the settings file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}: không đọc được: {source}", .path.display())]
    Read {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error("{}: {source}", .path.display())]
    Parse {
        path: std::path::PathBuf,
        source: toml::de::Error,
    },
    #[error("{}: `page_size` phải lớn hơn 0", .path.display())]
    PageSize { path: std::path::PathBuf },
}

impl Config {
    /// Reads `path` if it exists; a missing file gives the defaults.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(source) => {
                return Err(ConfigError::Read {
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        let mut config: Config = toml::from_str(&text).map_err(|source| ConfigError::Parse {
            path: path.to_path_buf(),
            source,
        })?;
        config.set_base_url(&config.base_url.clone());
        if config.page_size == 0 {
            return Err(ConfigError::PageSize {
                path: path.to_path_buf(),
            });
        }
        Ok(config)
    }

    /// Sets the base URL, making sure it ends with `/` (an empty one stays
    /// empty: no base URL).
    pub fn set_base_url(&mut self, url: &str) {
        self.base_url = url.trim().to_string();
        if !self.base_url.is_empty() && !self.base_url.ends_with('/') {
            self.base_url.push('/');
        }
    }

    /// The absolute address of the site's `path`, when the base URL is known.
    pub fn absolute(&self, path: &str) -> Option<String> {
        (!self.base_url.is_empty()).then(|| format!("{}{path}", self.base_url))
    }

    /// The path part of the base URL (`/kho/` for `https://h.example/kho/`),
    /// `/` without one: where root-relative links of the 404 page start.
    pub fn root_path(&self) -> String {
        let rest = self.base_url.split_once("://").map_or("", |(_, rest)| rest);
        match rest.find('/') {
            Some(k) => rest[k..].to_string(),
            None => "/".to_string(),
        }
    }

    /// The warning `build` and `check` give when no base URL is set.
    pub const NO_BASE_URL: &'static str = "chưa đặt `base_url` trong vanban.toml (hoặc `--base-url`): liên kết để tương đối, đường dẫn cố định là đường dẫn của trang; feed, sitemap, canonical, Open Graph và địa chỉ JSON-LD bị bỏ qua";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_base_url_by_default_and_its_path_when_set() {
        let mut c = Config::default();
        assert_eq!(c.absolute("a/"), None);
        assert_eq!(c.root_path(), "/");
        c.set_base_url("https://h.example/kho");
        assert_eq!(
            c.absolute("a/").as_deref(),
            Some("https://h.example/kho/a/")
        );
        assert_eq!(c.root_path(), "/kho/");
        c.set_base_url("https://h.example");
        assert_eq!(c.root_path(), "/");
        c.set_base_url("  ");
        assert_eq!(c.base_url, "");
    }
}

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
    /// Absolute URL the site is published at, ending in `/`.
    pub base_url: String,
    /// BCP 47 language of the site's words and documents.
    pub language: String,
    /// How many entries a list page holds before it is split.
    pub page_size: usize,
    /// The theme folder's name under `themes/`.
    pub theme: String,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "Kho văn bản chỉ đạo".into(),
            description:
                "Văn bản chỉ đạo của các cơ quan Đảng và Nhà nước, liên kết theo trích dẫn.".into(),
            base_url: "http://127.0.0.1:8000/".into(),
            language: "vi".into(),
            page_size: 50,
            theme: "default".into(),
        }
    }
}

impl Config {
    /// Reads `path` if it exists; a missing file gives the defaults.
    pub fn load(path: &Path) -> Result<Config, String> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(e) => return Err(format!("{}: không đọc được: {e}", path.display())),
        };
        let mut config: Config =
            toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        config.set_base_url(&config.base_url.clone());
        if config.page_size == 0 {
            return Err(format!("{}: `page_size` phải lớn hơn 0", path.display()));
        }
        Ok(config)
    }

    /// Sets the base URL, making sure it ends with `/`.
    pub fn set_base_url(&mut self, url: &str) {
        self.base_url = url.trim().to_string();
        if !self.base_url.ends_with('/') {
            self.base_url.push('/');
        }
    }
}

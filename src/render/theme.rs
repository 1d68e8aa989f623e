//! The theme: templates, labels and static files. The default theme is
//! built into the binary, so `vanban build` works in any folder; a site
//! overrides any of its files from `themes/<name>/` under its root.

use std::collections::BTreeMap;
use std::path::Path;

macro_rules! embed {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/themes/default/", $path)))),*]
    };
}

/// Every file of the default theme, by path inside the theme folder.
pub const DEFAULT_FILES: &[(&str, &str)] = embed!(
    "labels.toml",
    "templates/base.html",
    "templates/document.html",
    "templates/external.html",
    "templates/shared.html",
    "templates/home.html",
    "templates/list.html",
    "templates/groups.html",
    "templates/timeline.html",
    "templates/data.html",
    "templates/redirect.html",
    "templates/feed.xml",
    "templates/sitemap.xml",
    "templates/sitemap_index.xml",
    "templates/404.html",
    "templates/search.html",
    "templates/partials/cited_list.html",
    "templates/partials/density.html",
    "templates/partials/doc_list.html",
    "templates/partials/pager.html",
    "templates/partials/doc_summary.html",
    "templates/partials/original.html",
    "templates/partials/print_note.html",
    "templates/partials/relations.html",
    "templates/partials/status.html",
    "static/copy.js",
    "static/favicon.svg",
    "static/style.css",
    "static/search.js",
);

/// `/favicon.ico`, written at the site's root: what browsers ask for when
/// a page (a JSON file, a feed) names no icon. Pages link
/// `static/favicon.svg`.
pub const FAVICON_ICO: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/themes/default/favicon.ico"
));

/// A loaded theme.
pub struct Theme {
    /// Template name (path under `templates/`) to source.
    pub templates: BTreeMap<String, String>,
    /// UI words, from `labels.toml`.
    pub labels: BTreeMap<String, String>,
    /// Static files, path under `static/` to bytes, copied to `static/`.
    pub statics: BTreeMap<String, Vec<u8>>,
}

/// Why a theme could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    /// The site's theme folder could not be walked.
    #[error("{}: {source}", .dir.display())]
    Walk {
        dir: std::path::PathBuf,
        source: walkdir::Error,
    },
    /// A file of it could not be read.
    #[error("{}: {source}", .file.display())]
    Read {
        file: std::path::PathBuf,
        source: std::io::Error,
    },
    /// A template or `labels.toml` (named as under the theme folder) is
    /// not UTF-8.
    #[error("{0}: không phải UTF-8")]
    NotUtf8(String),
    #[error("labels.toml: {0}")]
    Labels(#[from] toml::de::Error),
    /// The templates do not compile (with the causes).
    #[error("lỗi mẫu giao diện: {0}")]
    Templates(String),
}

impl Theme {
    /// The default theme with any file found under `site_theme_dir`
    /// (which may not exist) taking the place of the built-in one.
    pub fn load(site_theme_dir: Option<&Path>) -> Result<Theme, ThemeError> {
        let mut templates = BTreeMap::new();
        let mut statics = BTreeMap::new();
        let mut labels_src = String::new();
        for (path, body) in DEFAULT_FILES {
            place(
                path,
                body.as_bytes().to_vec(),
                &mut templates,
                &mut statics,
                &mut labels_src,
            )?;
        }
        if let Some(dir) = site_theme_dir.filter(|d| d.is_dir()) {
            for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
                let entry = entry.map_err(|source| ThemeError::Walk {
                    dir: dir.to_path_buf(),
                    source,
                })?;
                if !entry.file_type().is_file() {
                    continue;
                }
                let rel = entry
                    .path()
                    .strip_prefix(dir)
                    .unwrap_or(entry.path())
                    .to_string_lossy()
                    .replace('\\', "/");
                let bytes = std::fs::read(entry.path()).map_err(|source| ThemeError::Read {
                    file: entry.path().to_path_buf(),
                    source,
                })?;
                place(&rel, bytes, &mut templates, &mut statics, &mut labels_src)?;
            }
        }
        let labels: BTreeMap<String, String> = toml::from_str(&labels_src)?;
        Ok(Theme {
            templates,
            labels,
            statics,
        })
    }
}

fn place(
    rel: &str,
    bytes: Vec<u8>,
    templates: &mut BTreeMap<String, String>,
    statics: &mut BTreeMap<String, Vec<u8>>,
    labels: &mut String,
) -> Result<(), ThemeError> {
    if let Some(name) = rel.strip_prefix("templates/") {
        let text = String::from_utf8(bytes).map_err(|_| ThemeError::NotUtf8(rel.to_string()))?;
        templates.insert(name.to_string(), text);
    } else if let Some(name) = rel.strip_prefix("static/") {
        statics.insert(name.to_string(), bytes);
    } else if rel == "labels.toml" {
        *labels = String::from_utf8(bytes).map_err(|_| ThemeError::NotUtf8(rel.to_string()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_theme_file_is_built_in() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
        for entry in walkdir::WalkDir::new(&dir) {
            let entry = entry.unwrap();
            if entry.file_type().is_file() {
                let rel = entry
                    .path()
                    .strip_prefix(&dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                assert!(
                    DEFAULT_FILES.iter().any(|(p, _)| *p == rel) || rel == "favicon.ico",
                    "themes/default/{rel} is not listed in DEFAULT_FILES"
                );
            }
        }
    }
}

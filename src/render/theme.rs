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

impl Theme {
    /// The default theme with any file found under `site_theme_dir`
    /// (which may not exist) taking the place of the built-in one.
    pub fn load(site_theme_dir: Option<&Path>) -> Result<Theme, String> {
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
                let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
                if !entry.file_type().is_file() {
                    continue;
                }
                let rel = entry
                    .path()
                    .strip_prefix(dir)
                    .map_err(|e| e.to_string())?
                    .to_string_lossy()
                    .replace('\\', "/");
                let bytes = std::fs::read(entry.path())
                    .map_err(|e| format!("{}: {e}", entry.path().display()))?;
                place(&rel, bytes, &mut templates, &mut statics, &mut labels_src)?;
            }
        }
        let labels: BTreeMap<String, String> =
            toml::from_str(&labels_src).map_err(|e| format!("labels.toml: {e}"))?;
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
) -> Result<(), String> {
    if let Some(name) = rel.strip_prefix("templates/") {
        let text = String::from_utf8(bytes).map_err(|_| format!("{rel}: không phải UTF-8"))?;
        templates.insert(name.to_string(), text);
    } else if let Some(name) = rel.strip_prefix("static/") {
        statics.insert(name.to_string(), bytes);
    } else if rel == "labels.toml" {
        *labels = String::from_utf8(bytes).map_err(|_| format!("{rel}: không phải UTF-8"))?;
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

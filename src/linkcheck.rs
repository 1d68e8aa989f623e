//! Checks a written site: every internal link and anchor must resolve to a
//! file (and an `id` in it). Used by `vanban check` and the tests.

use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// A link that goes nowhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenLink {
    /// The page holding the link, relative to the site root.
    pub page: String,
    pub href: String,
    pub reason: &'static str,
}

/// Attribute values of `name` (double-quoted, as the templates write them).
pub fn attribute_values<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let needle = format!(" {name}=\"");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(pos) = rest.find(&needle) {
        let start = pos + needle.len();
        let Some(len) = rest[start..].find('"') else {
            break;
        };
        out.push(&rest[start..start + len]);
        rest = &rest[start + len..];
    }
    out
}

fn decode_entities(s: &str) -> String {
    s.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

/// Checks every `.html` file under `site`, served at the root of its host.
pub fn check_site(site: &Path) -> Vec<BrokenLink> {
    check_site_at(site, "/")
}

/// Checks every `.html` file under `site`, served at `mount` (the base
/// URL's path, `/kho/`): links from the root (the 404 page's) start there.
pub fn check_site_at(site: &Path, mount: &str) -> Vec<BrokenLink> {
    let pages: Vec<PathBuf> = walkdir::WalkDir::new(site)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| e.into_path())
        .collect();
    let ids: HashMap<PathBuf, HashSet<String>> = pages
        .par_iter()
        .map(|p| {
            let html = std::fs::read_to_string(p).unwrap_or_default();
            let ids = attribute_values(&html, "id")
                .into_iter()
                .map(decode_entities)
                .collect();
            (p.clone(), ids)
        })
        .collect();
    let mut broken: Vec<BrokenLink> = pages
        .par_iter()
        .flat_map_iter(|page| {
            let html = std::fs::read_to_string(page).unwrap_or_default();
            let rel = page
                .strip_prefix(site)
                .unwrap_or(page)
                .to_string_lossy()
                .replace('\\', "/");
            let mut out = Vec::new();
            for href in attribute_values(&html, "href")
                .into_iter()
                .chain(attribute_values(&html, "src"))
            {
                let href = decode_entities(href);
                if let Some(reason) = check_one(site, mount, page, &href, &ids) {
                    out.push(BrokenLink {
                        page: rel.clone(),
                        href,
                        reason,
                    });
                }
            }
            out
        })
        .collect();
    broken.sort_by(|a, b| (&a.page, &a.href).cmp(&(&b.page, &b.href)));
    broken.dedup();
    broken
}

fn check_one(
    site: &Path,
    mount: &str,
    page: &Path,
    href: &str,
    ids: &HashMap<PathBuf, HashSet<String>>,
) -> Option<&'static str> {
    let lower = href.to_ascii_lowercase();
    if lower.starts_with("http:")
        || lower.starts_with("https:")
        || lower.starts_with("mailto:")
        || lower.starts_with("//")
        || lower.starts_with("data:")
    {
        return None;
    }
    let (path_part, fragment) = match href.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (href, None),
    };
    let path_part = path_part.split('?').next().unwrap_or("");
    // A link from the root names the site's files below its mount point.
    let path_part = match path_part.strip_prefix('/') {
        Some(_) => match path_part.strip_prefix(mount.trim_end_matches('/')) {
            Some("") => "/",
            Some(rest) if rest.starts_with('/') => rest,
            _ => return Some("ra ngoài trang"),
        },
        None => path_part,
    };
    let target = if path_part.is_empty() {
        page.to_path_buf()
    } else {
        let base = if path_part.starts_with('/') {
            site.to_path_buf()
        } else {
            page.parent().unwrap_or(site).to_path_buf()
        };
        let mut t = base;
        for part in path_part.split('/') {
            match part {
                "" | "." => {}
                ".." => {
                    if !t.pop() || !t.starts_with(site) {
                        return Some("ra ngoài trang");
                    }
                }
                p => t.push(p),
            }
        }
        if path_part.ends_with('/') || t.is_dir() {
            t.push("index.html");
        }
        t
    };
    if !target.starts_with(site) {
        return Some("ra ngoài trang");
    }
    if !target.is_file() {
        return Some("không có tệp");
    }
    match (fragment.filter(|f| !f.is_empty()), ids.get(&target)) {
        (Some(f), Some(set)) if !set.contains(f) => Some("không có neo"),
        _ => None,
    }
}

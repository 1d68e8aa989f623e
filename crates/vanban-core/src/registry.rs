//! The optional issuer registry, `content/_co-quan.yaml`: what the archive
//! knows about an issuer beyond its name. An issuer without an entry still
//! gets its page; an entry whose parent names no known issuer is an error.
//!
//! ```yaml
//! - name: Văn phòng UBND tỉnh Kiên Giang      # as written in documents' `issuer`
//!   full_name: Văn phòng Ủy ban nhân dân tỉnh Kiên Giang
//!   short_names: [VP UBND tỉnh Kiên Giang]
//!   parent: UBND tỉnh Kiên Giang
//!   province: Kiên Giang
//!   level: tỉnh                                # trung ương, tỉnh, huyện, xã
//!   website: https://kiengiang.gov.vn
//! ```

use crate::diagnostics::Diagnostic;
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The registry file's name inside the content folder.
pub const FILE: &str = "_co-quan.yaml";

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct IssuerInfo {
    pub name: String,
    pub full_name: Option<String>,
    pub short_names: Vec<String>,
    pub parent: Option<String>,
    pub province: Option<String>,
    pub level: Option<String>,
    pub website: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    name: Spanned<String>,
    full_name: Option<String>,
    #[serde(default)]
    short_names: Vec<String>,
    parent: Option<Spanned<String>>,
    province: Option<String>,
    level: Option<String>,
    website: Option<String>,
}

/// Issuers by name.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    pub entries: BTreeMap<String, IssuerInfo>,
    file: Option<PathBuf>,
    /// Line of each entry's `parent`, for messages.
    parent_lines: BTreeMap<String, (usize, usize)>,
}

impl Registry {
    /// Reads `content_dir/_co-quan.yaml` if present.
    pub fn load(content_dir: &Path) -> Result<Registry, Vec<Diagnostic>> {
        let file = content_dir.join(FILE);
        let text = match std::fs::read_to_string(&file) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Registry::default()),
            Err(e) => {
                return Err(vec![Diagnostic::error(
                    &file,
                    0,
                    format!("không đọc được: {e}"),
                )]);
            }
        };
        let raw: Vec<RawEntry> = serde_saphyr::from_str(&text).map_err(|e| {
            let (line, column) = e
                .location()
                .map(|l| (l.line() as usize, l.column() as usize))
                .unwrap_or((1, 0));
            vec![
                Diagnostic::error(&file, line, format!("danh mục cơ quan không hợp lệ: {e}"))
                    .column(column)
                    .with_source(&text),
            ]
        })?;
        let mut registry = Registry {
            file: Some(file.clone()),
            ..Registry::default()
        };
        let mut errors = Vec::new();
        for r in raw {
            let name = r.name.value.trim().to_string();
            let line = r.name.referenced.line() as usize;
            if name.is_empty() {
                errors.push(
                    Diagnostic::error(&file, line, "tên cơ quan trống")
                        .field("name")
                        .with_source(&text),
                );
                continue;
            }
            if registry.entries.contains_key(&name) {
                errors.push(
                    Diagnostic::error(&file, line, format!("cơ quan \"{name}\" có hai mục"))
                        .field("name")
                        .with_source(&text),
                );
                continue;
            }
            if let Some(p) = &r.parent {
                registry.parent_lines.insert(
                    name.clone(),
                    (p.referenced.line() as usize, p.referenced.column() as usize),
                );
            }
            registry.entries.insert(
                name.clone(),
                IssuerInfo {
                    name,
                    full_name: r.full_name,
                    short_names: r.short_names,
                    parent: r.parent.map(|p| p.value.trim().to_string()),
                    province: r.province,
                    level: r.level,
                    website: r.website,
                },
            );
        }
        if errors.is_empty() {
            Ok(registry)
        } else {
            Err(errors)
        }
    }

    /// Every entry whose parent is neither an entry nor an issuer of a
    /// document is an error.
    pub fn check_parents(&self, issuers: &BTreeSet<&str>) -> Vec<Diagnostic> {
        let text = self
            .file
            .as_ref()
            .and_then(|f| std::fs::read_to_string(f).ok())
            .unwrap_or_default();
        let file = self.file.clone().unwrap_or_default();
        self.entries
            .values()
            .filter_map(|e| {
                let parent = e.parent.as_deref()?;
                if self.entries.contains_key(parent) || issuers.contains(parent) {
                    return None;
                }
                let (line, column) = self.parent_lines.get(&e.name).copied().unwrap_or((0, 0));
                Some(
                    Diagnostic::error(
                        &file,
                        line,
                        format!(
                            "cơ quan cấp trên \"{parent}\" của \"{}\" không có trong kho",
                            e.name
                        ),
                    )
                    .field("parent")
                    .column(column)
                    .with_source(&text),
                )
            })
            .collect()
    }

    pub fn get(&self, name: &str) -> Option<&IssuerInfo> {
        self.entries.get(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parent_that_does_not_exist_is_an_error_with_its_line() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(
            tmp.path().join(FILE),
            "- name: Văn phòng UBND tỉnh X\n  parent: UBND tỉnh X\n- name: Sở Y tế tỉnh X\n  parent: UBND tỉnh Z\n",
        )
        .unwrap();
        let r = Registry::load(tmp.path()).unwrap();
        let issuers: BTreeSet<&str> = ["UBND tỉnh X"].into_iter().collect();
        let errors = r.check_parents(&issuers);
        assert_eq!(errors.len(), 1);
        let msg = errors[0].to_string();
        assert!(msg.contains("_co-quan.yaml:4"), "{msg}");
        assert!(msg.contains("UBND tỉnh Z"), "{msg}");
    }

    #[test]
    fn unknown_keys_and_missing_file() {
        let tmp = tempfile::tempdir().unwrap();
        assert!(Registry::load(tmp.path()).unwrap().entries.is_empty());
        std::fs::write(tmp.path().join(FILE), "- name: A\n  wbsite: x\n").unwrap();
        let err = Registry::load(tmp.path()).unwrap_err();
        assert!(err[0].to_string().contains("wbsite"), "{}", err[0]);
    }
}

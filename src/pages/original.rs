//! The original a document was imported from (`vanban import` keeps it
//! beside the Markdown file, with the same stem): copied next to the
//! document's page and linked from it as "Bản gốc", with its type and size.

use serde::Serialize;
use std::path::{Path, PathBuf};

/// The extensions looked for, in order; the first found is the original.
const EXTENSIONS: [(&str, &str); 9] = [
    ("pdf", "PDF"),
    ("docx", "Word"),
    ("doc", "Word"),
    ("odt", "ODT"),
    ("png", "PNG"),
    ("jpg", "JPEG"),
    ("jpeg", "JPEG"),
    ("tif", "TIFF"),
    ("tiff", "TIFF"),
];

/// An original beside a document file.
#[derive(Debug, Clone, Serialize, Hash)]
pub(super) struct Original {
    /// The file name, also the link (relative: beside the page).
    pub name: String,
    pub kind: &'static str,
    /// Its size as read, e.g. `436 KB`.
    pub size: String,
    #[serde(skip)]
    pub file: PathBuf,
    #[serde(skip)]
    pub len: u64,
    #[serde(skip)]
    pub modified: Option<std::time::SystemTime>,
}

/// The original kept beside `doc_file`, if there is one. Its name is
/// ASCII (the draft's stem); any other name is not linked.
pub(super) fn find(doc_file: &Path) -> Option<Original> {
    let stem = doc_file.file_stem()?.to_str()?;
    if !stem
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
    {
        return None;
    }
    EXTENSIONS.iter().find_map(|(ext, kind)| {
        let file = doc_file.with_extension(ext);
        let meta = std::fs::metadata(&file).ok().filter(|m| m.is_file())?;
        Some(Original {
            name: format!("{stem}.{ext}"),
            kind,
            size: size(meta.len()),
            len: meta.len(),
            modified: meta.modified().ok(),
            file,
        })
    })
}

/// A size as people read it, with a decimal comma: `812 B`, `436 KB`,
/// `2,9 MB`.
fn size(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    if bytes < KB {
        format!("{bytes} B")
    } else if bytes < MB {
        format!("{} KB", bytes.div_ceil(KB))
    } else {
        let tenths = (bytes * 10).div_ceil(MB);
        format!("{},{} MB", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(size(812), "812 B");
        assert_eq!(size(446_612), "437 KB");
        assert_eq!(size(3_131_471), "3,0 MB");
    }
}

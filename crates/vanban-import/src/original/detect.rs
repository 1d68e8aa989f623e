//! What kind of file an original is, from its first bytes: the extension
//! only decides between formats the bytes cannot tell apart.

use std::io::Read;
use std::path::Path;

/// The ways an original is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text as `vanban import` has always read it.
    Text,
    Pdf,
    /// Office Open XML (`word/document.xml` inside a zip).
    Docx,
    /// A legacy `.doc` (OLE2) or an OpenDocument `.odt`: converted to
    /// `.docx` by LibreOffice when it is installed.
    Office,
    Image,
}

impl Kind {
    /// What the page shows as the original's type.
    pub fn label(self, path: &Path) -> String {
        match self {
            Kind::Pdf => "PDF".into(),
            Kind::Docx => "Word".into(),
            Kind::Text => "văn bản".into(),
            Kind::Office | Kind::Image => extension(path).to_uppercase(),
        }
    }
}

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// The kind of `path` from its magic bytes (`%PDF`, a zip holding
/// `word/document.xml`, PNG/JPEG/TIFF signatures, OLE2), falling back to
/// text.
pub fn kind_of(path: &Path) -> std::io::Result<Kind> {
    let mut head = [0u8; 8];
    let mut file = std::fs::File::open(path)?;
    let n = read_up_to(&mut file, &mut head)?;
    Ok(kind_from(&head[..n], || zip_holds(path)))
}

fn read_up_to(file: &mut std::fs::File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match file.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// The kind from the first bytes; `zip_entries` is asked only for a zip.
pub fn kind_from(head: &[u8], zip_entries: impl FnOnce() -> ZipHolds) -> Kind {
    const OLE2: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    if head.starts_with(b"%PDF") {
        Kind::Pdf
    } else if head.starts_with(b"\x89PNG")
        || head.starts_with(&[0xFF, 0xD8, 0xFF])
        || head.starts_with(b"II*\0")
        || head.starts_with(b"MM\0*")
    {
        Kind::Image
    } else if head.starts_with(&OLE2) {
        Kind::Office
    } else if head.starts_with(b"PK\x03\x04") {
        match zip_entries() {
            ZipHolds::Word => Kind::Docx,
            ZipHolds::OpenDocument => Kind::Office,
            // Some other zip: not text either; reading it as text fails
            // with the usual "not text" message.
            ZipHolds::Other => Kind::Text,
        }
    } else {
        Kind::Text
    }
}

/// What a zip archive holds, as far as import cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZipHolds {
    Word,
    OpenDocument,
    Other,
}

fn zip_holds(path: &Path) -> ZipHolds {
    let Ok(file) = std::fs::File::open(path) else {
        return ZipHolds::Other;
    };
    let Ok(archive) = zip::ZipArchive::new(std::io::BufReader::new(file)) else {
        return ZipHolds::Other;
    };
    let names: Vec<String> = archive
        .file_names()
        .flatten()
        .map(|n| n.into_owned())
        .collect();
    let holds = |name: &str| names.iter().any(|n| n == name);
    if holds("word/document.xml") {
        ZipHolds::Word
    } else if holds("content.xml") && holds("mimetype") {
        ZipHolds::OpenDocument
    } else {
        ZipHolds::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn never() -> ZipHolds {
        panic!("not a zip")
    }

    #[test]
    fn kinds_come_from_the_bytes() {
        assert_eq!(kind_from(b"%PDF-1.7\n", never), Kind::Pdf);
        assert_eq!(kind_from(b"\x89PNG\r\n\x1a\n", never), Kind::Image);
        assert_eq!(kind_from(&[0xFF, 0xD8, 0xFF, 0xE0], never), Kind::Image);
        assert_eq!(kind_from(b"II*\0abcd", never), Kind::Image);
        assert_eq!(kind_from(b"PK\x03\x04", || ZipHolds::Word), Kind::Docx);
        assert_eq!(
            kind_from(b"PK\x03\x04", || ZipHolds::OpenDocument),
            Kind::Office
        );
        assert_eq!(kind_from("Số: 12/QĐ".as_bytes(), never), Kind::Text);
        assert_eq!(kind_from(b"", never), Kind::Text);
    }
}

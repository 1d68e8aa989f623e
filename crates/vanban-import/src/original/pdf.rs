//! PDF: the text layer by poppler's `pdftotext`, in reading order and in
//! layout mode, whichever gives the better header; pages whose layer is
//! missing or garbage are recognised from their image instead.

use super::Extracted;
use super::ocr;
use super::quality;
use super::tools::{ToolError, run};
use std::ffi::OsStr;
use std::path::Path;

/// The text of a PDF, page by page, as `pdftotext` gives it.
fn pdftotext(path: &Path, layout: bool) -> Result<Vec<String>, ToolError> {
    let mut args: Vec<&OsStr> = vec!["-enc".as_ref(), "UTF-8".as_ref()];
    if layout {
        args.push("-layout".as_ref());
    }
    args.extend([path.as_os_str(), "-".as_ref()]);
    let out = run("pdftotext", &args, path)?;
    let text = String::from_utf8_lossy(&out.stdout);
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    // pdftotext ends every page with a form feed: the last piece is empty.
    if pages.len() > 1 && pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    Ok(pages)
}

/// How well a text's first document reads: the header fields found.
pub(super) fn header_score(text: &str) -> usize {
    let drafts = crate::import::draft_documents(text);
    let Some(d) = drafts.first() else {
        return 0;
    };
    let f = &d.fields;
    (super::super::REQUIRED.len() - d.missing.len()) * 4
        + usize::from(f.place.is_some())
        + usize::from(f.signers.iter().any(|s| s.name.is_some()))
        + usize::from(!f.distribution.is_empty())
}

pub fn extract(path: &Path) -> Result<Extracted, ToolError> {
    // Both modes at once: each is mostly waiting on poppler.
    let (reading, layout) = std::thread::scope(|scope| {
        let layout = scope.spawn(|| pdftotext(path, true));
        let reading = pdftotext(path, false);
        (reading, layout.join())
    });
    let reading = reading?;
    let layout_pages = layout.map_err(|_| ToolError::Failed {
        path: path.to_path_buf(),
        message: "pdftotext -layout".into(),
    })??;
    let bad: Vec<(u32, &'static str)> = reading
        .iter()
        .enumerate()
        .filter_map(|(k, page)| quality::verdict(page).map(|why| (k as u32 + 1, why)))
        .collect();
    let mut out = Extracted::default();
    let recognised = if bad.is_empty() {
        Vec::new()
    } else {
        let numbers: Vec<u32> = bad.iter().map(|b| b.0).collect();
        ocr::pdf_pages(path, &numbers)?
    };
    // Each text-layer mode, with the recognised pages in the matching
    // form: plain lines with reading order, laid out with layout mode.
    let join = |pages: &[String], layout: bool| -> String {
        let mut pages = pages.to_vec();
        for p in &recognised {
            if let Some(slot) = pages.get_mut(p.number as usize - 1) {
                slot.clone_from(if layout { &p.layout } else { &p.text });
            }
        }
        pages.join("\n")
    };
    let reading_text = join(&reading, false);
    let layout_text = join(&layout_pages, true);
    out.text = if header_score(&layout_text) > header_score(&reading_text) {
        out.notes
            .push("Chữ được đọc theo bố cục trang (cột tách riêng).".into());
        layout_text
    } else {
        reading_text
    };
    for (page, why) in &bad {
        out.notes.push(format!(
            "Trang {page}: {why}; chữ được nhận dạng từ ảnh trang (OCR)."
        ));
    }
    out.pages = reading.len() as u32;
    out.ocr = recognised;
    Ok(out)
}

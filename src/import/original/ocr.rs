//! Scans: pages rendered with `pdftoppm` and recognised by Tesseract's
//! Vietnamese model, with the words' confidences from its TSV output.

use super::tools::{Scratch, ToolError, run};
use rayon::prelude::*;
use std::ffi::OsStr;
use std::path::Path;

/// The resolution pages are rendered at (300 dpi read the corpus's scans
/// better than 200; see the README's measures).
pub const DPI: u32 = 300;

/// A page's mean word confidence below which it is reported.
pub const LOW_CONFIDENCE: f64 = 75.0;

/// One recognised page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// 1-based page number in the original.
    pub number: u32,
    pub text: String,
    /// Mean confidence of its words, 0–100 (0 when no word was read).
    pub confidence: f64,
}

/// Recognises an image file (a multi-page TIFF gives several pages).
pub fn image(path: &Path) -> Result<Vec<Page>, ToolError> {
    let scratch = scratch(path)?;
    recognise(path, &scratch.0.join("ocr"), 1, path)
}

/// Recognises the given pages of a PDF, side by side, with a progress line
/// per page when there are several.
pub fn pdf_pages(path: &Path, pages: &[u32]) -> Result<Vec<Page>, ToolError> {
    let scratch = scratch(path)?;
    let total = pages.len();
    let mut out: Vec<Page> = pages
        .par_iter()
        .enumerate()
        .map(|(k, &page)| {
            if total > 1 {
                eprintln!(
                    "{}: nhận dạng chữ (OCR) trang {page} ({}/{total})",
                    path.display(),
                    k + 1
                );
            }
            let base = scratch.0.join(format!("p{page}"));
            let n = page.to_string();
            let dpi = DPI.to_string();
            let args: [&OsStr; 10] = [
                "-r".as_ref(),
                dpi.as_ref(),
                "-gray".as_ref(),
                "-f".as_ref(),
                n.as_ref(),
                "-l".as_ref(),
                n.as_ref(),
                "-singlefile".as_ref(),
                path.as_os_str(),
                base.as_os_str(),
            ];
            run("pdftoppm", &args, path)?;
            let image = base.with_extension("pgm");
            recognise(&image, &base, page, path)
        })
        .collect::<Result<Vec<Vec<Page>>, ToolError>>()?
        .into_iter()
        .flatten()
        .collect();
    out.sort_by_key(|p| p.number);
    Ok(out)
}

fn scratch(path: &Path) -> Result<Scratch, ToolError> {
    Scratch::new().map_err(|e| ToolError::Failed {
        path: path.to_path_buf(),
        message: format!("thư mục tạm: {e}"),
    })
}

/// `tesseract IMAGE BASE -l vie txt tsv`: one recognition, text and
/// word confidences. Pages are numbered from `first`.
fn recognise(image: &Path, base: &Path, first: u32, original: &Path) -> Result<Vec<Page>, ToolError> {
    let args: [&OsStr; 6] = [
        image.as_os_str(),
        base.as_os_str(),
        "-l".as_ref(),
        "vie".as_ref(),
        "txt".as_ref(),
        "tsv".as_ref(),
    ];
    let output = run("tesseract", &args, original).map_err(|e| match e {
        // Tesseract without its Vietnamese model fails on `-l vie`.
        ToolError::Failed { message, .. } if message.contains("vie") => ToolError::Missing {
            program: "tesseract",
            package: "tesseract-ocr-vie",
        },
        e => e,
    })?;
    let read = |ext: &str| {
        std::fs::read_to_string(base.with_extension(ext)).map_err(|e| ToolError::Failed {
            path: original.to_path_buf(),
            message: format!(
                "tesseract: {e} ({})",
                String::from_utf8_lossy(&output.stderr).trim()
            ),
        })
    };
    let text = read("txt")?;
    let confidences = confidences(&read("tsv")?);
    Ok(text
        .split('\u{c}')
        .enumerate()
        .filter(|(k, t)| *k == 0 || !t.trim().is_empty())
        .map(|(k, t)| Page {
            number: first + k as u32,
            text: t.to_string(),
            confidence: confidences.get(k).copied().unwrap_or(0.0),
        })
        .collect())
}

/// The mean word confidence of each page of Tesseract's TSV (columns
/// level, page_num, ..., conf, text; words are level 5).
pub fn confidences(tsv: &str) -> Vec<f64> {
    let mut sums: Vec<(f64, usize)> = Vec::new();
    for row in tsv.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        if cols.len() < 12 || cols[0] != "5" || cols[11].trim().is_empty() {
            continue;
        }
        let (Ok(page), Ok(conf)) = (cols[1].parse::<usize>(), cols[10].parse::<f64>()) else {
            continue;
        };
        if page == 0 || conf < 0.0 {
            continue;
        }
        if sums.len() < page {
            sums.resize(page, (0.0, 0));
        }
        sums[page - 1].0 += conf;
        sums[page - 1].1 += 1;
    }
    sums.into_iter()
        .map(|(s, n)| if n == 0 { 0.0 } else { s / n as f64 })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confidences_are_averaged_per_page_over_words() {
        let tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
            1\t1\t0\t0\t0\t0\t0\t0\t10\t10\t-1\t\n\
            5\t1\t1\t1\t1\t1\t0\t0\t5\t5\t90\tSố\n\
            5\t1\t1\t1\t1\t2\t0\t0\t5\t5\t70\t12\n\
            5\t2\t1\t1\t1\t1\t0\t0\t5\t5\t40\tx\n\
            5\t2\t1\t1\t1\t2\t0\t0\t5\t5\t95\t \n";
        assert_eq!(confidences(tsv), vec![80.0, 40.0]);
    }
}

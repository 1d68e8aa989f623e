//! Scans: pages rendered with `pdftoppm` and recognised by Tesseract's
//! Vietnamese model, with the words' confidences from its TSV output.

use super::tools::{Scratch, ToolError, run};
use rayon::prelude::*;
use std::ffi::OsStr;
use std::path::Path;

/// The resolution PDF pages are rendered at. Measured on the corpus's
/// PDFs (README): at 200 dpi Tesseract read the number and date lines of
/// all three test pages right, at 300 dpi one number (`QĐÐ`) and one date
/// (`tháng 35`) wrong, in 1.5 times the time.
pub const DPI: u32 = 200;

/// A page's mean word confidence below which it is reported.
pub const LOW_CONFIDENCE: f64 = 75.0;

/// One recognised page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// 1-based page number in the original.
    pub number: u32,
    pub text: String,
    /// The same words placed by their position on the page, columns kept
    /// apart by runs of spaces as `pdftotext -layout` does.
    pub layout: String,
    /// Mean confidence of its words, 0–100 (0 when no word was read).
    pub confidence: f64,
    /// The words holding a digit that were read with low confidence, each
    /// with its line: a number or date made of them is not trusted.
    pub uncertain: Vec<Doubt>,
}

/// A word holding a digit read with low confidence, and its line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Doubt {
    pub word: String,
    pub line: String,
}

/// The confidence below which a word holding a digit is not trusted.
pub const DIGIT_CONFIDENCE: f64 = 60.0;

/// Tesseract's usual misreadings put right: the header's `Số:` label
/// (`Só:`, `Sô:`, `S6:`) so the number is found, and `Ð` for `Đ`.
pub fn fix_labels(text: &str) -> String {
    static LABEL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?m)(^|\s)S[óòỏõọôồốổỗộơớờởỡợo6][:;]\s*").expect("valid regex")
    });
    // Tesseract reads Đ as the Icelandic Ð, or as both: Vietnamese has
    // neither Ð nor a doubled Đ.
    let text = text.replace('Ð', "Đ").replace('ð', "đ").replace("ĐĐ", "Đ");
    LABEL.replace_all(&text, "${1}Số: ").into_owned()
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
fn recognise(
    image: &Path,
    base: &Path,
    first: u32,
    original: &Path,
) -> Result<Vec<Page>, ToolError> {
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
    let text = fix_labels(&read("txt")?);
    let tsv = read("tsv")?;
    let confidences = confidences(&tsv);
    let uncertain = uncertain_lines(&tsv);
    let layouts = layout(&tsv);
    Ok(text
        .split('\u{c}')
        .enumerate()
        .filter(|(k, t)| *k == 0 || !t.trim().is_empty())
        .map(|(k, t)| Page {
            number: first + k as u32,
            text: t.to_string(),
            confidence: confidences.get(k).copied().unwrap_or(0.0),
            uncertain: uncertain.get(k).cloned().unwrap_or_default(),
            layout: fix_labels(layouts.get(k).map_or("", String::as_str)),
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

/// Per page, the words of Tesseract's TSV holding a digit read below
/// [`DIGIT_CONFIDENCE`], with their lines.
pub fn uncertain_lines(tsv: &str) -> Vec<Vec<Doubt>> {
    // (page, block, paragraph, line) -> its text and its doubtful words.
    let mut lines: Vec<((usize, String), String, Vec<String>)> = Vec::new();
    for row in tsv.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        if cols.len() < 12 || cols[0] != "5" || cols[11].trim().is_empty() {
            continue;
        }
        let Ok(page) = cols[1].parse::<usize>() else {
            continue;
        };
        let key = (page, cols[2..5].join("."));
        let conf: f64 = cols[10].parse().unwrap_or(0.0);
        let word = cols[11].to_string();
        let doubtful = conf < DIGIT_CONFIDENCE && word.chars().any(|c| c.is_ascii_digit());
        if !matches!(lines.last(), Some((k, ..)) if *k == key) {
            lines.push((key, String::new(), Vec::new()));
        }
        if let Some((_, text, doubts)) = lines.last_mut() {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&word);
            if doubtful {
                doubts.push(word);
            }
        }
    }
    let mut out: Vec<Vec<Doubt>> = Vec::new();
    for ((page, _), line, doubts) in lines {
        if page == 0 {
            continue;
        }
        if out.len() < page {
            out.resize(page, Vec::new());
        }
        for word in doubts {
            out[page - 1].push(Doubt {
                word,
                line: line.clone(),
            });
        }
    }
    out
}

/// A word's box and text.
struct Word {
    left: i64,
    top: i64,
    bottom: i64,
    text: String,
}

/// Per page, the words of Tesseract's TSV laid out as on the page: lines
/// of every block that share a height form one row, and each word starts
/// at the column its left edge gives (a column is half a line's height).
pub fn layout(tsv: &str) -> Vec<String> {
    // page -> lines (in Tesseract's order) -> words
    let mut pages: Vec<Vec<Vec<Word>>> = Vec::new();
    let mut last_key = String::new();
    for row in tsv.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        if cols.len() < 12 || cols[0] != "5" || cols[11].trim().is_empty() {
            continue;
        }
        let num = |i: usize| cols[i].parse::<i64>().unwrap_or(0);
        let page = num(1).max(1) as usize;
        if pages.len() < page {
            pages.resize_with(page, Vec::new);
        }
        let key = cols[1..5].join(".");
        let lines = &mut pages[page - 1];
        if key != last_key || lines.is_empty() {
            lines.push(Vec::new());
            last_key = key;
        }
        if let Some(line) = lines.last_mut() {
            line.push(Word {
                left: num(6),
                top: num(7),
                bottom: num(7) + num(9),
                text: cols[11].to_string(),
            });
        }
    }
    pages.into_iter().map(layout_page).collect()
}

fn layout_page(lines: Vec<Vec<Word>>) -> String {
    let mut heights: Vec<i64> = lines.iter().flatten().map(|w| w.bottom - w.top).collect();
    heights.sort_unstable();
    let column = (heights.get(heights.len() / 2).copied().unwrap_or(40) / 2).max(1);
    let span = |l: &Vec<Word>| {
        let top = l.iter().map(|w| w.top).min().unwrap_or(0);
        let bottom = l.iter().map(|w| w.bottom).max().unwrap_or(0);
        (top, bottom)
    };
    let mut lines: Vec<Vec<Word>> = lines.into_iter().filter(|l| !l.is_empty()).collect();
    lines.sort_by_key(|l| span(l).0);
    // Rows: a line whose middle falls inside the row's height joins it.
    let mut rows: Vec<(i64, i64, Vec<Word>)> = Vec::new();
    for line in lines {
        let (top, bottom) = span(&line);
        let middle = (top + bottom) / 2;
        match rows.last_mut() {
            Some((t, b, words)) if middle >= *t && middle <= *b => {
                *b = (*b).max(bottom);
                words.extend(line);
            }
            _ => rows.push((top, bottom, line)),
        }
    }
    let mut out = String::new();
    for (_, _, mut words) in rows {
        words.sort_by_key(|w| w.left);
        let mut line = String::new();
        for w in words {
            let at = (w.left.clamp(0, 1 << 20) / column) as usize;
            let len = line.chars().count();
            let pad = if len == 0 {
                at
            } else {
                at.saturating_sub(len).max(1)
            };
            line.extend(std::iter::repeat_n(' ', pad));
            line.push_str(&w.text);
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
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
        assert_eq!(uncertain_lines(tsv), vec![Vec::<Doubt>::new(), Vec::new()]);
        let doubtful = tsv.replace("\t70\t12", "\t30\t12");
        let doubt = Doubt {
            word: "12".into(),
            line: "Số 12".into(),
        };
        assert_eq!(uncertain_lines(&doubtful)[0], [doubt]);
    }

    #[test]
    fn misread_number_labels_are_put_right() {
        assert_eq!(fix_labels("Só:3036 /SCT-CN"), "Số: 3036 /SCT-CN");
        assert_eq!(fix_labels("x\nS6: 12/QĐ"), "x\nSố: 12/QĐ");
        assert_eq!(fix_labels("Sóc Trăng: tỉnh"), "Sóc Trăng: tỉnh");
        assert_eq!(fix_labels("1074/QĐÐ-BXD, Ðiều 1"), "1074/QĐ-BXD, Điều 1");
    }
}

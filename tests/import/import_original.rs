//! `vanban import` from the originals: real signed PDFs and Word files of
//! the real corpus (tests/fixtures/originals/, with their truth), and
//! scans made from those PDFs (skewed, noisy, stamped), scored field by
//! field against the truth.
//!
//! Needs poppler-utils, tesseract-ocr and tesseract-ocr-vie (scripts/test
//! installs them). Scores: `cargo test --test import import_original:: -- --nocapture`.

use crate::site;
use crate::truth;

use site::{build_ok, read, repo, vanban};
use std::path::{Path, PathBuf};
use truth::{TruthDoc, fold_number, fold_text, issuer_matches};
use vanban::import::original::{self, OCR_MARK};
use vanban::import::{Draft, MISSING_MARK, draft_documents};

fn fixtures() -> PathBuf {
    repo().join("tests/fixtures/originals")
}

fn fixture(name: &str) -> PathBuf {
    fixtures().join(name)
}

/// The truth of a fixture's first document.
fn truth_of(stem: &str) -> TruthDoc {
    truth::load(&fixture(&format!("{stem}.json")))
        .documents
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("{stem}: truth has no document"))
}

/// The fixtures with an original of extension `ext`, sorted.
fn originals(ext: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    out.sort();
    out
}

/// An original read once for all the tests of this file (OCR is slow).
fn extracted(path: &Path) -> original::Extracted {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static SEEN: OnceLock<Mutex<HashMap<PathBuf, original::Extracted>>> = OnceLock::new();
    let seen = SEEN.get_or_init(Mutex::default);
    if let Some(e) = seen.lock().unwrap().get(path) {
        return e.clone();
    }
    let e = original::extract(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    seen.lock().unwrap().insert(path.to_path_buf(), e.clone());
    e
}

fn stem(path: &Path) -> String {
    path.file_stem().unwrap().to_string_lossy().into_owned()
}

const FIELDS: [&str; 5] = ["number", "type", "title", "issuer", "date"];

/// Per field: `Some(true)` right, `Some(false)` wrong, `None` left empty.
fn judge(draft: &Draft, want: &TruthDoc) -> [Option<bool>; 5] {
    let f = &draft.fields;
    let date = f.date.map(|d| d.format("%Y-%m-%d").to_string());
    [
        f.number.as_ref().map(|n| {
            want.number
                .as_ref()
                .is_some_and(|w| fold_number(w) == fold_number(n))
        }),
        f.doc_type
            .as_ref()
            .map(|t| want.r#type.as_deref() == Some(t.as_str())),
        f.title.as_ref().map(|t| {
            want.title
                .as_ref()
                .is_some_and(|w| fold_text(w) == fold_text(t))
        }),
        f.issuer.as_ref().map(|i| issuer_matches(i, want)),
        date.map(|d| want.date.as_deref() == Some(d.as_str())),
    ]
}

fn first_draft(text: &str, what: &str) -> Draft {
    draft_documents(text)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("{what}: no document drafted"))
}

/// The first draft of an original, as `vanban import` drafts it.
fn first_draft_of(extracted: &original::Extracted, what: &str) -> Draft {
    original::drafts(extracted)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("{what}: no document drafted"))
}

/// Per field, how many documents have it right: from the original, and
/// from the corpus's converted text of the same original.
fn score_against_converted(paths: &[PathBuf]) -> ([usize; 5], [usize; 5]) {
    let mut from_original = [0; 5];
    let mut from_text = [0; 5];
    for path in paths {
        let stem = stem(path);
        let want = truth_of(&stem);
        let extracted = extracted(path);
        let converted = read(&repo().join(format!("tests/real-corpus/docs/{stem}.txt")));
        let a = judge(&first_draft_of(&extracted, &stem), &want);
        let b = judge(&first_draft(&converted, &stem), &want);
        for k in 0..5 {
            from_original[k] += usize::from(a[k] == Some(true));
            from_text[k] += usize::from(b[k] == Some(true));
        }
        println!("{stem}: original {a:?}, converted text {b:?}");
    }
    (from_original, from_text)
}

fn assert_at_least_as_good(what: &str, paths: &[PathBuf]) {
    let (original, text) = score_against_converted(paths);
    println!(
        "{what} ({} documents), fields {FIELDS:?}: original {original:?}, converted text {text:?}",
        paths.len()
    );
    for k in 0..5 {
        assert!(
            original[k] >= text[k],
            "{what}: {} right {} times from the originals, {} from the converted text",
            FIELDS[k],
            original[k],
            text[k]
        );
    }
}

#[test]
fn word_files_give_header_fields_at_least_as_often_as_their_converted_text() {
    let docx = originals("docx");
    assert!(docx.len() >= 5, "the Word fixtures are missing");
    assert_at_least_as_good("Word", &docx);
}

#[test]
fn pdfs_give_header_fields_at_least_as_often_as_their_converted_text() {
    let pdfs = originals("pdf");
    assert!(pdfs.len() >= 3, "the PDF fixtures are missing");
    assert_at_least_as_good("PDF", &pdfs);
}

#[test]
fn garbage_text_layers_are_read_again_by_ocr_and_reported() {
    // 021 and 031: a broken font prints `7ӌ1+` for `TỈNH`; 009: a
    // scanner's own text layer without diacritics. 004 has a good layer.
    for (name, ocr) in [
        ("skillsct_021.pdf", true),
        ("skillsct_031.pdf", true),
        ("skillsct_009.pdf", true),
        ("skillsct_004.pdf", false),
    ] {
        let extracted = extracted(&fixture(name));
        assert_eq!(!extracted.ocr.is_empty(), ocr, "{name}: OCR used?");
        assert!(!extracted.text.contains('ӌ'), "{name}: garbage kept");
        if ocr {
            assert_eq!(extracted.ocr.len() as u32, extracted.pages, "{name}");
            assert!(
                extracted.notes.iter().any(|n| n.contains("Trang 1")),
                "{name}: {:?}",
                extracted.notes
            );
        }
    }
}

/// A page of a PDF rendered at 300 dpi, grey, as a PGM file's pixels.
fn render_page(pdf: &Path, dir: &Path) -> (usize, usize, Vec<u8>) {
    let base = dir.join("page");
    let status = std::process::Command::new("pdftoppm")
        .args(["-r", "300", "-gray", "-f", "1", "-l", "1", "-singlefile"])
        .arg(pdf)
        .arg(&base)
        .status()
        .expect("pdftoppm (apt-get install poppler-utils)");
    assert!(status.success());
    let bytes = std::fs::read(base.with_extension("pgm")).unwrap();
    // "P5\n<w> <h>\n255\n" then the pixels.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&bytes[start..at]).into_owned());
    }
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    (w, h, bytes[at + 1..].to_vec())
}

/// What a scanner and a stamp do to a page: 1.5° of skew, speckle noise,
/// and a red stamp circle over the signature's place. RGB pixels.
fn scan(w: usize, h: usize, grey: &[u8], seed: u64) -> Vec<u8> {
    let (sin, cos) = (1.5f64.to_radians().sin(), 1.5f64.to_radians().cos());
    let (cx, cy) = (w as f64 / 2.0, h as f64 / 2.0);
    let (sx, sy, r) = (w as f64 * 0.68, h as f64 * 0.28, w as f64 * 0.09);
    let mut state = seed | 1;
    let mut rgb = vec![255u8; w * h * 3];
    for y in 0..h {
        for x in 0..w {
            let (dx, dy) = (x as f64 - cx, y as f64 - cy);
            let (u, v) = (cx + dx * cos - dy * sin, cy + dx * sin + dy * cos);
            let mut g = if u >= 0.0 && v >= 0.0 && (u as usize) < w && (v as usize) < h {
                grey[v as usize * w + u as usize]
            } else {
                255
            };
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            if state % 100 < 2 {
                g = g.saturating_sub(90);
            }
            let d = ((x as f64 - sx).powi(2) + (y as f64 - sy).powi(2)).sqrt();
            let ring = (d - r).abs() < r * 0.06 || (d - r * 0.8).abs() < r * 0.02;
            let px = &mut rgb[(y * w + x) * 3..][..3];
            if ring {
                // Red ink over the paper, the text showing through darker.
                px.copy_from_slice(&[220u8.min(g.saturating_add(40)), g / 5, g / 5]);
            } else {
                px.fill(g);
            }
        }
    }
    rgb
}

/// A minimal PNG (RGB, 8 bits, one IDAT).
fn png(w: usize, h: usize, rgb: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut raw = Vec::with_capacity((w * 3 + 1) * h);
    for row in rgb.chunks(w * 3) {
        raw.push(0);
        raw.extend_from_slice(row);
    }
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    z.write_all(&raw).unwrap();
    let idat = z.finish().unwrap();
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut chunk = |kind: &[u8], data: &[u8]| {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        out.extend_from_slice(&crc.sum().to_be_bytes());
    };
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&(w as u32).to_be_bytes());
    ihdr.extend_from_slice(&(h as u32).to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(b"IHDR", &ihdr);
    chunk(b"IDAT", &idat);
    chunk(b"IEND", &[]);
    out
}

#[test]
fn scans_at_300_dpi_give_header_fields_and_never_a_wrong_number_or_date() {
    let tmp = tempfile::tempdir().unwrap();
    let pdfs = originals("pdf");
    let (mut right, mut asked) = (0, 0);
    let mut wrong = Vec::new();
    for (k, pdf) in pdfs.iter().enumerate() {
        let stem = stem(pdf);
        let (w, h, grey) = render_page(pdf, tmp.path());
        let image = tmp.path().join(format!("{stem}-scan.png"));
        std::fs::write(&image, png(w, h, &scan(w, h, &grey, k as u64 + 7))).unwrap();
        let extracted = original::extract(&image).unwrap_or_else(|e| panic!("{stem}: {e}"));
        let draft = first_draft_of(&extracted, &stem);
        let md = original::markdown(&draft, &extracted, &original::Options::default());
        assert!(
            md.starts_with(&format!("---\n{OCR_MARK}: trang 1")),
            "{stem}: {md}"
        );
        let verdicts = judge(&draft, &truth_of(&stem));
        println!("{stem} scan: {verdicts:?}");
        let want = truth_of(&stem);
        let has = [
            want.number.is_some(),
            want.r#type.is_some(),
            want.title.is_some(),
            want.issuer.is_some(),
            want.date.is_some(),
        ];
        for k in [0, 1, 3, 4] {
            asked += usize::from(has[k]);
            match verdicts[k] {
                Some(true) => right += 1,
                // Digits OCR was unsure of never make a number or a date.
                Some(false) if k == 0 || k == 4 => {
                    panic!("{stem} scan: {} read wrong: {md}", FIELDS[k])
                }
                Some(false) => wrong.push(format!("{stem}: {}", FIELDS[k])),
                None => assert!(
                    md.contains(&format!("{}: \"\"  {MISSING_MARK}", FIELDS[k])),
                    "{stem}: {} empty but not marked",
                    FIELDS[k]
                ),
            }
        }
    }
    println!("scans: {right}/{asked} of number, type, issuer, date right; wrong: {wrong:?}");
    // The issue's target is 90%; what is measured is in the README. This
    // floor keeps what OCR reads today from silently getting worse.
    assert!(right * 2 >= asked, "{right}/{asked} right from scans");
}

#[test]
fn the_original_is_kept_beside_the_draft_and_linked_from_its_page() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(tmp.path().join("content")).unwrap();
    let pdf = fixture("skillsct_004.pdf");
    let out = vanban(
        tmp.path(),
        &[
            "import",
            "--content",
            "content",
            "--source",
            "https://example.org/qd-1074.pdf",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", site::stderr(&out));
    let draft = tmp
        .path()
        .join("content/bo-xay-dung/2026-06-29-1074-qd-bxd.md");
    let md = read(&draft);
    assert!(
        md.contains("\nsource: https://example.org/qd-1074.pdf\n---\n"),
        "{md}"
    );
    assert!(!md.contains(OCR_MARK), "a text layer is not OCR");
    let kept = draft.with_extension("pdf");
    assert_eq!(std::fs::read(&kept).unwrap(), std::fs::read(&pdf).unwrap());

    let public = build_ok(tmp.path());
    let page_dir = walkdir::WalkDir::new(&public)
        .into_iter()
        .filter_map(Result::ok)
        .find(|e| e.file_name() == "2026-06-29-1074-qd-bxd.pdf")
        .map(|e| e.path().parent().unwrap().to_path_buf())
        .expect("the original copied into the site");
    let html = read(&page_dir.join("index.html"));
    let doc = scraper::Html::parse_document(&html);
    let link = doc
        .select(&scraper::Selector::parse("a.ban-goc").unwrap())
        .next()
        .expect("a Bản gốc link");
    assert_eq!(
        link.value().attr("href"),
        Some("2026-06-29-1074-qd-bxd.pdf")
    );
    assert_eq!(link.text().collect::<String>(), "Bản gốc");
    let after = link
        .next_sibling()
        .unwrap()
        .value()
        .as_text()
        .unwrap()
        .to_string();
    assert!(after.starts_with(" (PDF, 437 KB)"), "{after:?}");
}

#[test]
fn the_way_is_picked_by_content_not_extension() {
    let tmp = tempfile::tempdir().unwrap();
    let disguised = tmp.path().join("van-ban.txt");
    std::fs::copy(fixture("skillsct_002.docx"), &disguised).unwrap();
    let text = original::extract(&disguised).unwrap().text;
    assert!(text.contains("Số: 597/HC-QLHC"), "{text}");
    let disguised = tmp.path().join("van-ban.docx");
    std::fs::copy(fixture("skillsct_004.pdf"), &disguised).unwrap();
    let text = original::extract(&disguised).unwrap().text;
    assert!(text.contains("1074/QĐ-BXD"), "{text}");
}

#[test]
fn a_missing_tool_is_reported_with_the_command_that_installs_it() {
    let tmp = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["import", "--content"])
        .arg(tmp.path().join("content"))
        .arg(fixture("skillsct_004.pdf"))
        .env("PATH", tmp.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = site::stderr(&out);
    assert!(err.contains("pdftotext"), "{err}");
    assert!(err.contains(original::INSTALL), "{err}");
    assert!(!tmp.path().join("content").exists(), "nothing written");
}

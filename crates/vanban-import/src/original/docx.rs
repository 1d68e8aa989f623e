//! Word (.docx): the document's own structure read from
//! `word/document.xml` and `word/footnotes.xml`, not a flattened text.
//!
//! Paragraphs become lines; a table's cells are read row by row, each
//! cell's paragraphs in order, so the two-column header of a state
//! document gives issuer, motto, number and place-date lines as the text
//! importer reads them, and the Nơi nhận / signature table its list and
//! signer. Bold and italics inside a paragraph become Markdown; footnote
//! references become superscript markers and the footnotes superscript
//! definition lines at the end, which the importer turns into Markdown
//! footnotes.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::io::Read;
use std::path::Path;

/// The text of a .docx for the importer.
pub fn text(path: &Path) -> Result<String, String> {
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut archive =
        zip::ZipArchive::new(std::io::BufReader::new(file)).map_err(|e| e.to_string())?;
    let mut part = |name: &str| -> Result<Option<String>, String> {
        let Ok(mut entry) = archive.by_name(name) else {
            return Ok(None);
        };
        let mut xml = String::new();
        // A part past 64 MB is no Word document but a zip bomb.
        (&mut entry)
            .take(64 << 20)
            .read_to_string(&mut xml)
            .map_err(|e| format!("{name}: {e}"))?;
        Ok(Some(xml))
    };
    let document = part("word/document.xml")?.ok_or("thiếu word/document.xml")?;
    let footnotes = part("word/footnotes.xml")?;
    let mut lines = paragraphs(&document).map_err(|e| format!("word/document.xml: {e}"))?;
    if let Some(xml) = footnotes {
        let notes = footnote_lines(&xml).map_err(|e| format!("word/footnotes.xml: {e}"))?;
        if !notes.is_empty() {
            lines.push(String::new());
            lines.extend(notes);
        }
    }
    Ok(lines.join("\n") + "\n")
}

/// `n` in superscript digits, as a printed footnote marker.
fn superscript(n: u32) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string()
        .bytes()
        .map(|b| DIGITS[usize::from(b - b'0')])
        .collect()
}

/// A run of text and its emphasis.
#[derive(Default)]
struct Para {
    runs: Vec<(String, bool, bool)>,
    in_table: bool,
}

impl Para {
    fn push(&mut self, text: &str, bold: bool, italic: bool) {
        match self.runs.last_mut() {
            Some((t, b, i)) if *b == bold && *i == italic => t.push_str(text),
            _ => self.runs.push((text.to_string(), bold, italic)),
        }
    }

    /// The paragraph as Markdown lines. Emphasis is kept where it marks
    /// part of a paragraph; a paragraph (or table cell) wholly bold or
    /// italic is a heading or a header line, written plain as printed.
    fn render(&self) -> String {
        let visible = |r: &&(String, bool, bool)| !r.0.trim().is_empty();
        let uniform = self.runs.iter().filter(visible).all(|r| r.1)
            || self.runs.iter().filter(visible).all(|r| r.2);
        let mut out = String::new();
        for (text, bold, italic) in &self.runs {
            let marker = match (bold, italic) {
                _ if uniform || self.in_table || text.trim().is_empty() => "",
                (true, true) => "***",
                (true, false) => "**",
                (false, true) => "*",
                (false, false) => "",
            };
            if marker.is_empty() {
                out.push_str(text);
                continue;
            }
            let core = text.trim();
            let lead = &text[..text.len() - text.trim_start().len()];
            let tail = &text[text.trim_end().len()..];
            out.push_str(lead);
            out.push_str(marker);
            out.push_str(core);
            out.push_str(marker);
            out.push_str(tail);
        }
        out
    }
}

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// Whether a `<w:b/>`-like property is on (`w:val` absent, or not 0/false).
fn switched_on(e: &BytesStart) -> bool {
    e.attributes().flatten().all(|a| {
        local(a.key.as_ref()) != "val" || !matches!(a.value.as_ref(), "0" | "false" | "none")
    })
}

fn attr(e: &BytesStart, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| local(a.key.as_ref()) == key)
        .map(|a| a.value.into_owned())
}

/// Every paragraph of a WordprocessingML part, in document order, as
/// lines (a line break inside a paragraph starts a new line).
fn paragraphs(xml: &str) -> Result<Vec<String>, String> {
    let mut reader = Reader::from_str(xml);
    let mut lines = Vec::new();
    let mut para: Option<Para> = None;
    let (mut bold, mut italic) = (false, false);
    let mut in_run_props = false;
    let mut in_text = false;
    let mut tables = 0usize;
    // Inside mc:Fallback (a copy of mc:Choice) or deleted text: skipped.
    let mut skip = 0usize;
    loop {
        let event = reader.read_event().map_err(|e| e.to_string())?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let name = local(e.name().as_ref()).to_string();
                if skip > 0 {
                    if !empty {
                        skip += 1;
                    }
                    continue;
                }
                match name.as_str() {
                    "Fallback" | "delText" | "instrText" if !empty => skip = 1,
                    "tbl" if !empty => tables += 1,
                    "p" => {
                        para = Some(Para {
                            in_table: tables > 0,
                            ..Para::default()
                        });
                        if empty {
                            lines.push(String::new());
                            para = None;
                        }
                    }
                    "r" if !empty => (bold, italic) = (false, false),
                    "rPr" if !empty => in_run_props = true,
                    "b" if in_run_props => bold = switched_on(e),
                    "i" if in_run_props => italic = switched_on(e),
                    "t" if !empty => in_text = true,
                    "tab" if !in_run_props => {
                        if let Some(p) = para.as_mut() {
                            p.push("\t", bold, italic);
                        }
                    }
                    "br" | "cr" => {
                        if let Some(p) = para.as_mut() {
                            p.push("\n", false, false);
                        }
                    }
                    "footnoteReference" => {
                        if let (Some(p), Some(id)) = (
                            para.as_mut(),
                            attr(e, "id").and_then(|v| v.parse::<u32>().ok()),
                        ) {
                            p.push(&superscript(id), false, false);
                        }
                    }
                    _ => {}
                }
            }
            Event::End(ref e) => {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                match local(e.name().as_ref()) {
                    "tbl" => tables = tables.saturating_sub(1),
                    "rPr" => in_run_props = false,
                    "t" => in_text = false,
                    "p" => {
                        if let Some(p) = para.take() {
                            lines.extend(p.render().split('\n').map(str::to_string));
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(ref t) if in_text && skip == 0 => {
                let text = t.xml10_content();
                if let Some(p) = para.as_mut() {
                    p.push(&text, bold, italic);
                }
            }
            Event::GeneralRef(ref r) if in_text && skip == 0 => {
                let text = match r.resolve_char_ref().map_err(|e| e.to_string())? {
                    Some(c) => c.to_string(),
                    None => quick_xml::escape::resolve_predefined_entity(&r.xml10_content())
                        .unwrap_or_default()
                        .to_string(),
                };
                if let Some(p) = para.as_mut() {
                    p.push(&text, bold, italic);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(lines)
}

/// The footnotes as definition lines: `¹ text`. Separators (ids below 1)
/// are not footnotes.
fn footnote_lines(xml: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    // Each <w:footnote> is cut out and read as a part of its own.
    let mut rest = xml;
    while let Some(start) = rest.find("<w:footnote ") {
        let tail = &rest[start..];
        let Some(end) = tail.find("</w:footnote>") else {
            break;
        };
        let block = &tail[..end];
        rest = &tail[end..];
        let head_end = block.find('>').unwrap_or(block.len());
        let id = block[..head_end]
            .split("w:id=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .and_then(|s| s.parse::<i64>().ok());
        let Some(id) = id.filter(|&i| i >= 1) else {
            continue;
        };
        let text = paragraphs(&format!("<root>{}</root>", &block[head_end + 1..]))?
            .into_iter()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        // The reference mark repeated at the footnote's start is dropped.
        let marker = superscript(id as u32);
        let text = text.trim_start_matches(marker.as_str()).trim();
        if !text.is_empty() {
            out.push(format!("{marker} {text}"));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    #[test]
    fn header_table_cells_come_row_by_row_and_emphasis_inside_paragraphs() {
        let xml = format!(
            r#"<w:document {W}><w:body>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>BỘ CÔNG THƯƠNG</w:t></w:r></w:p></w:tc>
            <w:tc><w:p><w:r><w:t>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:p><w:r><w:t>Số: 12/QĐ-BCT</w:t></w:r></w:p></w:tc>
            <w:tc><w:p><w:r><w:rPr><w:i/></w:rPr><w:t>Hà Nội, ngày 1 tháng 2 năm 2026</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Điều 1. </w:t></w:r><w:r><w:t>Ban hành &amp; thực hiện</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>.</w:t></w:r></w:p>
            <w:p><w:r><w:rPr><w:b/></w:rPr><w:t>QUYẾT ĐỊNH:</w:t></w:r></w:p>
            </w:body></w:document>"#
        );
        let lines = paragraphs(&xml).unwrap();
        assert_eq!(
            lines,
            [
                "BỘ CÔNG THƯƠNG",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Số: 12/QĐ-BCT",
                "Hà Nội, ngày 1 tháng 2 năm 2026",
                "**Điều 1.** Ban hành & thực hiện¹.",
                "QUYẾT ĐỊNH:",
            ]
        );
    }

    #[test]
    fn footnotes_become_definition_lines_and_separators_are_skipped() {
        let xml = format!(
            r#"<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
            <w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Luật số 55/2024/QH15.</w:t></w:r></w:p></w:footnote></w:footnotes>"#
        );
        assert_eq!(footnote_lines(&xml).unwrap(), ["² Luật số 55/2024/QH15."]);
    }
}

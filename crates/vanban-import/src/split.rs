//! One converted file may hold several documents: a cover letter and the
//! directive it forwards, each with its own header. A document starts at
//! the header block around a number line ("Số ..."), reaching back over
//! the issuer lines, the motto and the stars printed above it.

use super::doctype;
use super::lines::Line;
use super::numbers;
use super::patterns::{self, is_upper};

/// The line ranges of the documents in `lines`, in order.
pub fn documents(lines: &[Line]) -> Vec<std::ops::Range<usize>> {
    let anchors: Vec<usize> = (0..lines.len())
        .filter(|&i| numbers::number_line(&lines[i].text).is_some())
        .collect();
    let mut starts = vec![0];
    for &anchor in anchors.iter().skip(1) {
        let start = header_start(lines, anchor);
        let previous = *starts.last().unwrap_or(&0);
        // A second number inside the same header (a flattened or repeated
        // line) does not start a new document: there must be text between.
        if start > previous
            && has_text_between(lines, previous, start)
            && has_text_after(lines, anchor)
            && complete_header(lines, start, anchor)
        {
            starts.push(start);
        }
    }
    let mut ranges: Vec<std::ops::Range<usize>> = starts.windows(2).map(|w| w[0]..w[1]).collect();
    ranges.push(*starts.last().unwrap_or(&0)..lines.len());
    ranges
}

/// Walks back from a number line over what a header prints above it.
pub(super) fn header_start(lines: &[Line], anchor: usize) -> usize {
    let mut start = anchor;
    let mut i = anchor;
    while i > 0 {
        i -= 1;
        let line = &lines[i];
        let t = &line.text;
        let header_like = line.is_blank()
            || patterns::is_decoration(t)
            || patterns::is_motto(t)
            || line.stamp
            || patterns::date_line(t).is_some_and(|d| d.rest.is_empty())
            || (is_upper(t)
                && (!patterns::is_position(t) || issues_in_own_name(t))
                && patterns::authority_line(t).is_none()
                && !patterns::is_structural(t)
                && patterns::word_count(t) <= 16);
        if !header_like {
            break;
        }
        if !line.is_blank() {
            start = i;
        }
    }
    start
}

/// "CHỦ TỊCH ỦY BAN NHÂN DÂN" over the issuer's place: a chairman's own
/// decision (QĐ-CTUBND) names the position as its issuer.
fn issues_in_own_name(text: &str) -> bool {
    let folded = crate::text::fold(text);
    ["uy ban nhan dan", "ubnd", "hoi dong nhan dan", "hdnd"]
        .iter()
        .any(|b| {
            folded
                .strip_prefix("chu tich ")
                .is_some_and(|r| r.starts_with(b))
        })
}

/// Non-blank lines after the number line within which the rest of a
/// header is printed.
const HEADER_WINDOW: usize = 12;

/// A second document begins only with a header of its own: the issuer
/// above a number line that reads as a number, a place-and-date line, and
/// a motto or a type heading. A number in a table row, a list, an annex
/// title or a blank form ("Số: …../KH-…") is none.
fn complete_header(lines: &[Line], start: usize, anchor: usize) -> bool {
    let issuer = lines[start..anchor].iter().any(|l| {
        !l.is_blank()
            && is_upper(&l.text)
            && !patterns::is_motto(&l.text)
            && !patterns::is_decoration(&l.text)
    });
    let window: Vec<&Line> = lines[start..]
        .iter()
        .filter(|l| !l.is_blank())
        .take(anchor - start + 1 + HEADER_WINDOW)
        .collect();
    let dated = window.iter().any(|l| {
        patterns::date_line(&l.text).is_some_and(|d| d.place.is_some())
            || crate::text::fold(&l.text).ends_with(", ngay")
    });
    let headed = window
        .iter()
        .any(|l| patterns::is_motto(&l.text) || doctype::heading(&l.text).is_some());
    issuer && dated && headed && real_number(lines, anchor)
}

/// The number line holds a number the grammar reads, perhaps finished on
/// the next line.
fn real_number(lines: &[Line], anchor: usize) -> bool {
    let Some(n) = numbers::number_line(&lines[anchor].text) else {
        return false;
    };
    if n.broken
        && let Some(next) = lines[anchor + 1..].iter().find(|l| !l.is_blank())
        && let Some((whole, _)) = numbers::joined_number(&n.number, &next.text)
    {
        return numbers::is_number(&whole);
    }
    numbers::is_number(&n.number)
}

fn has_text_between(lines: &[Line], from: usize, to: usize) -> bool {
    lines[from..to]
        .iter()
        .filter(|l| !l.is_blank() && !is_upper(&l.text))
        .count()
        >= 2
}

fn has_text_after(lines: &[Line], anchor: usize) -> bool {
    lines[anchor + 1..].iter().any(|l| !l.is_blank())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::prepare;

    #[test]
    fn cover_letter_and_forwarded_directive() {
        let lines = prepare(
            "UBND TỈNH KIÊN GIANG\nVĂN PHÒNG\nSố: 435/VP-KGVX\nV/v chỉ đạo\n\nNội dung thư.\n\nNơi nhận:\n- Như trên;\n\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\n\nTrần Công Danh\n\nTỈNH ỦY KIÊN GIANG\n\n*\n\nSố 176-CV/TU\n\nĐẢNG CỘNG SẢN VIỆT NAM\nKiên Giang, ngày 15 tháng 6 năm 2021\n\nNội dung chỉ thị.",
        );
        let docs = documents(&lines);
        assert_eq!(docs.len(), 2);
        assert_eq!(lines[docs[1].start].text, "TỈNH ỦY KIÊN GIANG");
        assert_eq!(lines[docs[0].end - 2].text, "Trần Công Danh");
    }

    #[test]
    fn a_number_without_a_header_of_its_own_starts_nothing() {
        // An annex heading quoting a number, a table of example numbers and
        // a blank form: no place-and-date line, no motto, no issuer.
        let lines = prepare(
            "HỘI ĐỒNG NHÂN DÂN\nSố: 12/2025/NQ-HĐND\nHuế, ngày 10 tháng 12 năm 2025\nNGHỊ QUYẾT\nSửa đổi quy định\n\nNội dung một.\nNội dung hai.\n\nQUY ĐỊNH SỬA ĐỔI\nSỐ 09/2022/NQ-HĐND NGÀY 14 THÁNG 7 NĂM 2022\n\nĐiều 1. Nội dung.\nĐiều 2. Nội dung.\n\nVÍ DỤ\nSố 16-BC/ĐH\nBáo cáo của đại hội.\nMẫu kế hoạch.\nTÊN CƠ QUAN\nSố: …../KH-…\n…, ngày … tháng … năm …\nKẾ HOẠCH\nNội dung.",
        );
        assert_eq!(documents(&lines), vec![0..lines.len()]);
    }

    #[test]
    fn a_single_document_is_one_range() {
        let lines = prepare("Số: 1507 /UBND-TH\nV/v triển khai\n\nNội dung.");
        let all = 0..lines.len();
        assert_eq!(documents(&lines), vec![all]);
    }
}

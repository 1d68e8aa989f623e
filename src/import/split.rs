//! One converted file may hold several documents: a cover letter and the
//! directive it forwards, each with its own header. A document starts at
//! the header block around a number line ("Số ..."), reaching back over
//! the issuer lines, the motto and the stars printed above it.

use super::lines::Line;
use super::patterns::{self, is_upper};

/// The line ranges of the documents in `lines`, in order.
pub fn documents(lines: &[Line]) -> Vec<std::ops::Range<usize>> {
    let anchors: Vec<usize> = (0..lines.len())
        .filter(|&i| patterns::number_line(&lines[i].text).is_some())
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
                && !patterns::is_position(t)
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
            "UBND TỈNH KIÊN GIANG\nVĂN PHÒNG\nSố: 435/VP-KGVX\nV/v chỉ đạo\n\nNội dung thư.\n\nNơi nhận:\n- Như trên;\n\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\n\nTrần Công Danh\n\nTỈNH ỦY KIÊN GIANG\n\n*\n\nSố 176-CV/TU\n\nNội dung chỉ thị.",
        );
        let docs = documents(&lines);
        assert_eq!(docs.len(), 2);
        assert_eq!(lines[docs[1].start].text, "TỈNH ỦY KIÊN GIANG");
        assert_eq!(lines[docs[0].end - 2].text, "Trần Công Danh");
    }

    #[test]
    fn a_single_document_is_one_range() {
        let lines = prepare("Số: 1507 /UBND-TH\nV/v triển khai\n\nNội dung.");
        let all = 0..lines.len();
        assert_eq!(documents(&lines), vec![all]);
    }
}

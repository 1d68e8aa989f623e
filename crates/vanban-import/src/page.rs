//! Text copied from a web page carries the site around the document:
//! banners, notices, a box repeating the document's fields, login
//! messages. The document starts at its own header: the motto, the number
//! line and the place-and-date line printed together near the top, with the
//! issuer above them. Whatever comes before that header is the site's.

use super::lines::Line;
use super::patterns;
use super::split::header_start;

/// Non-blank lines around an anchor within which the rest of the header
/// must be printed.
const WINDOW: usize = 12;

/// The first line of the document's own header, or 0 when the text has no
/// header made of at least two of motto, number line and date line.
pub fn start(lines: &[Line]) -> usize {
    let marks: Vec<(usize, Mark)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| mark(&l.text).map(|m| (i, m)))
        .collect();
    let non_blank: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();
    let rank = |i: usize| non_blank.partition_point(|&j| j < i);
    for (k, &(i, m)) in marks.iter().enumerate() {
        if m == Mark::Date {
            continue;
        }
        let near = marks[k + 1..]
            .iter()
            .take_while(|(j, _)| rank(*j) - rank(i) <= WINDOW)
            .any(|(_, other)| *other != m);
        if near {
            return header_start(lines, i);
        }
    }
    0
}

/// The line after the document's end: a page names the document it shows
/// after it, by its type and its own number without "số" ("Công văn
/// 9476/BNNMT-CNTY năm 2025 trả lời ... do Bộ ... ban hành"), and what
/// follows (related documents, the site's notices, login messages, a date
/// line of the site's own) is the site's. `lines.len()` when no such line
/// follows the header.
pub fn end(lines: &[Line], start: usize) -> usize {
    let mut own: Vec<String> = Vec::new();
    for (i, line) in lines.iter().enumerate().skip(start) {
        if let Some(n) = super::numbers::number_line(&line.text)
            && !n.number.is_empty()
        {
            own.push(squeeze(&n.number));
            continue;
        }
        if let Some(rest) = super::doctype::named_at_start(&line.text) {
            let token = rest.split_whitespace().next().unwrap_or("");
            let token = squeeze(token.trim_end_matches(['.', ',', ';', ':', ')']));
            if !token.is_empty() && own.contains(&token) {
                return i;
            }
        }
    }
    lines.len()
}

fn squeeze(s: &str) -> String {
    crate::number::normalize(s)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Motto,
    Number,
    Date,
}

fn mark(text: &str) -> Option<Mark> {
    if patterns::is_motto(text) {
        Some(Mark::Motto)
    } else if super::numbers::number_line(text).is_some() {
        Some(Mark::Number)
    } else if patterns::date_line(text).is_some_and(|d| d.place.is_some())
        || crate::text::fold(text).ends_with(", ngay")
    {
        Some(Mark::Date)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::prepare;

    #[test]
    fn site_banner_and_field_box_come_before_the_header() {
        let lines = prepare(
            "Bản dịch này thuộc quyền sở hữu của THƯ VIỆN PHÁP LUẬT.\nCÁC NỘI DUNG ĐƯỢC SỬA ĐỔI\n**Số hiệu:**\n|\n9476/BNNMT-CNTY\n|\n**Tình trạng:**\n|\nĐã biết\n|\n**BỘ Y TẾ**\n--------\n|\n**CỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n|\nSố: 9476 /BYT-CNTY\n*Hà Nội, ngày\n24 tháng 11 năm 2025*\nNội dung.",
        );
        assert_eq!(lines[start(&lines)].text, "BỘ Y TẾ");
    }

    #[test]
    fn the_page_names_the_document_after_it() {
        let lines = prepare(
            "BỘ Y TẾ\nSố: 9476 /BYT-CNTY\nHà Nội, ngày 24 tháng 11 năm 2025\nTheo Công văn 12/BYT-KH ngày 2/1/2025, Bộ trả lời.\nKế hoạch 12/BYT-KH được thay thế.\nBỘ TRƯỞNG\nTrần Văn A\nCông văn 9476/BYT-CNTY năm 2025 trả lời kiến nghị do Bộ Y tế ban hành\nTP. HCM, ngày 31/05/2021\nThưa Quý khách,",
        );
        let end = end(&lines, 0);
        assert_eq!(
            lines[end].text,
            "Công văn 9476/BYT-CNTY năm 2025 trả lời kiến nghị do Bộ Y tế ban hành"
        );
        // A text that never names itself ends at its last line.
        let lines = prepare("Số: 12/KH-UBND\nCăn cứ Kế hoạch 11/KH-UBND năm 2024.");
        assert_eq!(super::end(&lines, 0), lines.len());
    }

    #[test]
    fn a_document_without_chrome_starts_at_its_first_line() {
        let lines = prepare(
            "UBND TỈNH KIÊN GIANG\nSố: 12/KH-UBND\nKiên Giang, ngày 15 tháng 6 năm 2021\nNội dung.",
        );
        assert_eq!(start(&lines), 0);
    }
}

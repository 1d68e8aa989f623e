//! The type of a document (loại văn bản): from the heading word printed
//! above the title, or from the type code inside the number.

use super::patterns::is_upper;
use crate::text::fold;

/// Heading words in capitals and the type they name, longest first.
const HEADINGS: &[(&str, &str)] = &[
    ("CHUONG TRINH HANH DONG", "Chương trình hành động"),
    ("NGHI QUYET LIEN TICH", "Nghị quyết liên tịch"),
    ("THONG TU LIEN TICH", "Thông tư liên tịch"),
    ("NGHI QUYET", "Nghị quyết"),
    ("NGHI DINH", "Nghị định"),
    ("QUYET DINH", "Quyết định"),
    ("THONG TU", "Thông tư"),
    ("CHI THI", "Chỉ thị"),
    ("THONG BAO", "Thông báo"),
    ("THONG CAO", "Thông cáo"),
    ("KE HOACH", "Kế hoạch"),
    ("KET LUAN", "Kết luận"),
    ("CONG DIEN", "Công điện"),
    ("CONG VAN", "Công văn"),
    ("HUONG DAN", "Hướng dẫn"),
    ("BAO CAO", "Báo cáo"),
    ("TO TRINH", "Tờ trình"),
    ("CHUONG TRINH", "Chương trình"),
    ("QUY DINH", "Quy định"),
    ("QUY CHE", "Quy chế"),
    ("DE AN", "Đề án"),
    ("PHUONG AN", "Phương án"),
    ("PHAP LENH", "Pháp lệnh"),
    ("LUAT", "Luật"),
    ("LENH", "Lệnh"),
    ("GIAY MOI", "Giấy mời"),
    ("GIAY UY QUYEN", "Giấy ủy quyền"),
    ("GIAY GIOI THIEU", "Giấy giới thiệu"),
    ("GIAY NGHI PHEP", "Giấy nghỉ phép"),
    ("BIEN BAN", "Biên bản"),
    ("BAN GHI NHO", "Bản ghi nhớ"),
    ("BAN THOA THUAN", "Bản thỏa thuận"),
    ("HOP DONG", "Hợp đồng"),
    ("PHIEU CHUYEN", "Phiếu chuyển"),
    ("PHIEU GUI", "Phiếu gửi"),
    ("PHIEU BAO", "Phiếu báo"),
];

/// A type heading: the type and the rest of the line (a title flattened
/// onto the same line). The heading word must be printed in capitals, and
/// a line ending in ":" ("QUYẾT ĐỊNH:") is the body's formula, not a heading.
pub fn heading(text: &str) -> Option<(&'static str, String)> {
    if text.ends_with(':') {
        return None;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    // "Q U Y Ế T   Đ Ị N H": a heading printed with spaced letters.
    if words.len() >= 4 && words.iter().all(|w| w.chars().count() == 1) && is_upper(text) {
        let squeezed: String = fold(text)
            .to_uppercase()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        return HEADINGS
            .iter()
            .find(|(key, _)| key.replace(' ', "") == squeezed)
            .map(|(_, name)| (*name, String::new()));
    }
    for (key, name) in HEADINGS {
        let n = key.split(' ').count();
        if words.len() < n {
            continue;
        }
        let head = words[..n].join(" ");
        if is_upper(&head) && fold(&head).to_uppercase() == *key {
            return Some((name, words[n..].join(" ")));
        }
    }
    None
}

/// A type named in ordinary case at the start of a line ("Công văn",
/// "Thông báo kết luận"): the rest of the line after the name and at most
/// two lower-case words that qualify it.
pub fn named_at_start(text: &str) -> Option<&str> {
    let rest = HEADINGS.iter().find_map(|(_, name)| {
        text.strip_prefix(name)
            .filter(|r| r.starts_with(' '))
            .map(str::trim_start)
    })?;
    let mut rest = rest;
    for _ in 0..2 {
        let (word, after) = rest.split_once(' ').unwrap_or((rest, ""));
        if word.chars().all(char::is_lowercase) && !word.is_empty() {
            rest = after.trim_start();
        } else {
            break;
        }
    }
    Some(rest)
}

/// Whether the number's type code says it is a consolidated text (VBHN):
/// its heading is the consolidated document's, not its own type.
pub fn is_consolidated(number: &str) -> bool {
    codes(number).type_code.as_deref() == Some("VBHN")
}

/// The parts of a number: its type code and its issuer code, as far as the
/// number shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberCodes {
    pub type_code: Option<String>,
    pub issuer_code: Option<String>,
    /// `NUM-TYPE/ISSUER`: the Party's form.
    pub party: bool,
}

/// Reads `176-CV/TU` (Party), `23/2021/QĐ-TTg`, `1507/UBND-TH` (state)
/// through the project's number grammar ([`crate::number`]); codes come
/// out canonical (`TTg`, `CĐ`), the drafting unit left out.
pub fn codes(number: &str) -> NumberCodes {
    match crate::number::parse(number) {
        Some(p) => NumberCodes {
            type_code: p.type_code,
            issuer_code: p.issuer_code,
            party: p.party,
        },
        None => NumberCodes {
            type_code: None,
            issuer_code: None,
            party: false,
        },
    }
}

/// The type from the number alone: its code, or Công văn for a state number
/// whose symbol has no type code (`1507/UBND-TH`), as the grammar reads it.
pub fn type_from_number(number: &str) -> Option<&'static str> {
    crate::number::parse(number)?.implied_type()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_in_capitals_only() {
        assert_eq!(heading("THÔNG BÁO"), Some(("Thông báo", String::new())));
        assert_eq!(
            heading("THÔNG BÁO KẾT LUẬN CỦA BAN THƯỜNG VỤ"),
            Some(("Thông báo", "KẾT LUẬN CỦA BAN THƯỜNG VỤ".into()))
        );
        assert_eq!(heading("NGHỊ QUYẾT").unwrap().0, "Nghị quyết");
        assert_eq!(heading("Thông báo kết quả"), None);
        assert_eq!(heading("QUYẾT ĐỊNH:"), None);
        assert_eq!(heading("LUẬT"), Some(("Luật", String::new())));
        assert_eq!(
            heading("Q U Y Ế T   Đ Ị N H"),
            Some(("Quyết định", String::new()))
        );
    }

    #[test]
    fn types_from_numbers() {
        assert_eq!(type_from_number("176-CV/TU"), Some("Công văn"));
        assert_eq!(type_from_number("374-TB/TU"), Some("Thông báo"));
        assert_eq!(type_from_number("1507/UBND-TH"), Some("Công văn"));
        assert_eq!(type_from_number("23/2021/QĐ-TTg"), Some("Quyết định"));
        assert_eq!(type_from_number("107/NQ-CP"), Some("Nghị quyết"));
        assert_eq!(type_from_number("1099/CĐ-TTg"), Some("Công điện"));
        assert_eq!(type_from_number("45/2019/QH14"), None);
        assert_eq!(codes("1507/UBND-TH").issuer_code.as_deref(), Some("UBND"));
        assert_eq!(codes("23/2021/QĐ-TTg").issuer_code.as_deref(), Some("TTg"));
        assert_eq!(codes("176-CV/TU").issuer_code.as_deref(), Some("TU"));
    }
}

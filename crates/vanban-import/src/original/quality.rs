//! Whether a PDF page's text layer can be trusted: broken fonts print
//! `7ӌ1+` for `TỈNH` (Cyrillic and Armenian look-alikes), scanners' own
//! OCR drops the diacritics (`BO CONG THIJoNG`). Such a page is read
//! again from its image.

/// Vietnamese letters with a mark (lower case; upper case is folded).
const MARKED: &str = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";

/// Words every Vietnamese administrative text uses.
const COMMON: [&str; 16] = [
    "của", "và", "ngày", "tháng", "năm", "các", "được", "theo", "về", "có", "cho", "trong", "với",
    "tỉnh", "số", "đề",
];

/// The measures of one page's text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measures {
    pub letters: usize,
    /// Share of the letters that are Vietnamese letters with a mark.
    pub marked: f64,
    /// Share of the letters outside the Latin and Vietnamese alphabets.
    pub foreign: f64,
    /// Share of the words that are common Vietnamese words.
    pub common: f64,
}

pub fn measure(text: &str) -> Measures {
    let mut letters = 0usize;
    let mut marked = 0usize;
    let mut foreign = 0usize;
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        let lower = c.to_lowercase().next().unwrap_or(c);
        if MARKED.contains(lower) {
            marked += 1;
        } else if !lower.is_ascii_lowercase() {
            foreign += 1;
        }
    }
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let common = words
        .iter()
        .filter(|w| COMMON.contains(&w.as_str()))
        .count();
    let share = |n: usize, of: usize| if of == 0 { 0.0 } else { n as f64 / of as f64 };
    Measures {
        letters,
        marked: share(marked, letters),
        foreign: share(foreign, letters),
        common: share(common, words.len()),
    }
}

/// Why a page's text layer is not used, or `None` when it reads as
/// Vietnamese. Vietnamese prose has a quarter to a third of its letters
/// marked and one word in six or more among [`COMMON`]; the thresholds
/// are far below that, and far above what broken layers give.
pub fn verdict(text: &str) -> Option<&'static str> {
    let m = measure(text);
    if m.letters < 40 {
        Some("trang không có lớp chữ")
    } else if m.foreign > 0.02 {
        Some("lớp chữ in sai phông (ký tự ngoài bảng chữ Việt)")
    } else if m.marked < 0.08 {
        Some("lớp chữ mất dấu")
    } else if m.common < 0.03 {
        Some("lớp chữ không đọc được thành tiếng Việt")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; \
        Ủy ban nhân dân tỉnh giao Sở Công Thương chủ trì, phối hợp với các cơ quan liên quan \
        xem xét, giải quyết các đề nghị của Công ty theo quy định.";

    #[test]
    fn vietnamese_text_is_kept() {
        assert_eq!(verdict(GOOD), None);
    }

    #[test]
    fn broken_fonts_missing_marks_and_empty_pages_are_refused() {
        let broken = "UBND 7ӌ1+ LÀO CAI &Ӝ1* HOÀ XÃ +Ӝ, &+Ӫ 1*+Ƭ$ 9,ӊ7 NAM 6ӕ 466 /PC-VPUBND \
            Lào Cai, ngày 12 tháng 5 QăP 2026 9Ă1 PHÒNG ĈӝF OұS - 7ӵ do - +ҥQK phúc";
        assert!(verdict(broken).unwrap().contains("phông"));
        let unmarked = "BO CONG THIJoNG CVC H6A CHAT ceNG noa xA Her cHU Ncuia vrET NAM \
            DQc l6p - Tg'do - H4nh phtc Hd NAi, ngdy7f,ttuing 7 ndm 2026 SO CONG THIJONG LAO CAI";
        assert!(verdict(unmarked).unwrap().contains("mất dấu"));
        assert!(verdict("  12  ").is_some());
    }
}

//! Whether an issuer name read from the header can be trusted. A wrong
//! issuer is worse than an empty one (the draft marks an empty field
//! `cần điền`), so a name that shows conversion damage is dropped: OCR that
//! broke the capitals into letters (`B ộ Lao động`, `B nd`), letters of no
//! Vietnamese word (`Bøcông`, Cyrillic read for Latin), a document number
//! (`Sở 1050/QĐ - SCT`), stray punctuation (`Văn phòng Chính phủ .i`).

use super::doctype::NumberCodes;
use super::issuer;
use crate::text::fold;

/// The lower-case letters of Vietnamese beyond ASCII.
const VIETNAMESE: &str = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";

/// The name without rule marks a converter left between its words
/// (`UBND _ Tỉnh Lào Cai`).
pub fn cleaned(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| !w.chars().all(|c| matches!(c, '_' | '*' | '=' | '~')))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `name` reads as a body's name rather than damaged text.
pub fn readable(name: &str) -> bool {
    let letters_ok = name.chars().all(|c| {
        !c.is_alphabetic()
            || c.is_ascii_alphabetic()
            || c.to_lowercase().all(|l| VIETNAMESE.contains(l))
    });
    if !letters_ok {
        return false;
    }
    name.split_whitespace().all(|w| {
        let word = w.trim_matches([',', '(', ')', '"', '“', '”']);
        // A body's own number stands as a word ("Ban Chỉ đạo 389").
        if word.is_empty()
            || matches!(word, "-" | "–" | "&")
            || word.chars().all(|c| c.is_ascii_digit())
        {
            return true;
        }
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        // A word opens with a letter; a lone letter is no word of a name
        // but the `Y` of "Bộ Y tế".
        word.starts_with(char::is_alphabetic)
            && (letters > 1 || fold(word) == "y")
            && !word.contains(['/', '_', '|'])
            && !word.chars().any(|c| c.is_ascii_digit())
    })
}

/// A header that prints only the beginning of a central body's name
/// (`ỦY BAN THƯỜNG VỤ`, the rest lost by the page) when the number's
/// issuer code names that body (`494/NQ-UBTVQH13`): the full name.
pub fn completed(name: &str, codes: Option<&NumberCodes>) -> String {
    let Some(full) = codes.and_then(issuer::central_name) else {
        return name.to_string();
    };
    let (found, want) = (fold(name), fold(full));
    if found != want && want.starts_with(&format!("{found} ")) {
        full.to_string()
    } else {
        name.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damaged_names_are_not_trusted() {
        for damaged in [
            "B ộ Lao động - thương binh v à x ã hội",
            "B nd",
            "Công an tènh Lâm òng Bøcông an",
            "Bộ Y tế вст - втc",
            "Sở 1050/QĐ - SCT Theo Quyết định",
            "Văn phòng Chính phủ .i",
        ] {
            assert!(!readable(damaged), "{damaged}");
        }
        for name in [
            "Bộ Y tế",
            "UBND tỉnh Lào Cai",
            "Bộ Lao động - Thương binh và Xã hội",
            "Sở Văn hóa, Thể thao và Du lịch tỉnh Kiên Giang",
            "Cục Hải quan",
        ] {
            assert!(readable(name), "{name}");
        }
        assert_eq!(cleaned("UBND _ Tỉnh Lào Cai"), "UBND Tỉnh Lào Cai");
    }

    #[test]
    fn a_cut_central_name_is_completed_from_the_code() {
        let codes = super::super::doctype::codes("494/NQ-UBTVQH13");
        assert_eq!(
            completed("Ủy ban thường vụ", Some(&codes)),
            "Ủy ban Thường vụ Quốc hội"
        );
        let codes = super::super::doctype::codes("12/QĐ-BYT");
        assert_eq!(completed("Bộ Y tế", Some(&codes)), "Bộ Y tế");
        assert_eq!(completed("Sở Y tế", Some(&codes)), "Sở Y tế");
    }
}

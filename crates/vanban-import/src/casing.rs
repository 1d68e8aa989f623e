//! Normal Vietnamese capitalisation for text printed in capitals: headings
//! ("KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY"), signature lines ("PHÓ CHÁNH VĂN
//! PHÒNG"), issuer lines.
//!
//! The best witness of how a phrase is written is the document itself: a
//! phrase in capitals takes the casing it has inside the body (longest
//! phrase first, ignoring words that start a sentence). What the body does
//! not show comes from a short list of offices and bodies, and the rest is
//! lower case.

use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

/// A comparison key for a word: lower case, with the tone mark taken out
/// and appended, so that "uỷ" and "ủy" (old and new tone placement) match.
pub fn word_key(word: &str) -> String {
    let mut base = String::new();
    let mut tone = None;
    for c in word.to_lowercase().nfd() {
        match c {
            '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}' => tone = Some(c),
            c => base.push(c),
        }
    }
    let mut key: String = base.nfc().collect();
    if let Some(t) = tone {
        key.push(t);
    }
    key
}

/// Offices, bodies and names as they are written inside a sentence.
const LEXICON: &[&str] = &[
    "Ban Chấp hành Trung ương",
    "Ban Chấp hành",
    "Ban Thường vụ",
    "Ban Bí thư",
    "Bộ Chính trị",
    "Ban Chỉ đạo",
    "Ban Tuyên giáo",
    "Ban Tổ chức",
    "Ban Dân vận",
    "Ban Nội chính",
    "Ủy ban Kiểm tra",
    "Ủy ban nhân dân",
    "Hội đồng nhân dân",
    "Ủy ban Thường vụ Quốc hội",
    "Quốc hội",
    "Chính phủ",
    "Thủ tướng",
    "Văn phòng",
    "Chánh Văn phòng",
    "Chủ tịch",
    "Bí thư",
    "Tổng Bí thư",
    "Thường trực",
    "Giám đốc",
    "Bộ trưởng",
    "Thứ trưởng",
    "Trưởng ban",
    "Chủ nhiệm",
    "Ủy viên",
    "Cục trưởng",
    "Tổng cục trưởng",
    "Vụ trưởng",
    "Viện trưởng",
    "Chánh án",
    "Chánh Thanh tra",
    "Thống đốc",
    "Tổng Thư ký",
    "Tỉnh ủy",
    "Thành ủy",
    "Huyện ủy",
    "Đảng ủy",
    "Đảng bộ",
    "Trung ương",
    "Việt Nam",
    "Nhà nước",
    "UBND",
    "HĐND",
    "COVID-19",
];

/// Words that make the next word start a proper name: "Phó Chủ tịch",
/// "Vụ trưởng Vụ Pháp chế".
/// The first is "phó"; the others are units a head of unit is named after.
const NAME_OPENERS: &[&str] = &["phó", "vụ", "cục", "sở", "viện", "ban", "phòng"];

/// What the body says about casing: each word's key and printed form, in
/// order, with whether it starts a sentence.
pub struct BodyCasing {
    words: Vec<(String, String, bool)>,
    positions: HashMap<String, Vec<usize>>,
}

impl BodyCasing {
    pub fn new(body: &str) -> BodyCasing {
        let mut words = Vec::new();
        let mut sentence_start = true;
        for token in body.split_whitespace() {
            let word: String = token
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .trim_matches('-')
                .to_string();
            if !word.is_empty() {
                let starts = sentence_start || token.starts_with(['“', '"', '(', '*']);
                words.push((word_key(&word), word, starts));
            }
            sentence_start = token.ends_with(['.', ':', ';', '!', '?', '*', ')'])
                || token.chars().all(|c| !c.is_alphabetic());
        }
        let mut positions: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, (key, _, _)) in words.iter().enumerate() {
            positions.entry(key.clone()).or_default().push(i);
        }
        BodyCasing { words, positions }
    }

    /// The longest run of body words, starting at a non-initial word, that
    /// matches `keys`; returns its length and printed words.
    fn longest(&self, keys: &[String]) -> Option<(usize, Vec<String>)> {
        let first = keys.first()?;
        let mut best: Option<(usize, Vec<String>)> = None;
        for &p in self.positions.get(first)? {
            let mut n = 0;
            while n < keys.len() && p + n < self.words.len() && self.words[p + n].0 == keys[n] {
                n += 1;
            }
            // A run's first word counts only where it is not capitalised
            // for starting a sentence.
            if self.words[p].2 {
                continue;
            }
            if best.as_ref().is_none_or(|(len, _)| n > *len) {
                let printed = self.words[p..p + n].iter().map(|w| w.1.clone()).collect();
                best = Some((n, printed));
            }
        }
        best
    }
}

/// Whether `recase` trusts the body before or after the lexicon.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Prefer {
    /// Titles: the body knows the document's own phrases best.
    Body,
    /// Signature lines: offices are written the standard way.
    Lexicon,
}

/// Rewrites an upper-case phrase in normal casing. The first letter is not
/// capitalised here; see [`capitalize_first`].
pub fn recase(upper: &str, body: Option<&BodyCasing>, prefer: Prefer) -> String {
    let tokens: Vec<&str> = upper.split(' ').filter(|t| !t.is_empty()).collect();
    let cores: Vec<(usize, usize)> = tokens.iter().map(|t| core_span(t)).collect();
    let keys: Vec<String> = tokens
        .iter()
        .zip(&cores)
        .map(|(t, &(a, b))| word_key(&t[a..b]))
        .collect();
    let mut out: Vec<Option<String>> = vec![None; tokens.len()];
    // Which match produced each word: a phrase's words stay as matched.
    let mut group: Vec<usize> = (0..tokens.len()).collect();
    let mut i = 0;
    while i < tokens.len() {
        let (a, b) = cores[i];
        let core = &tokens[i][a..b];
        if core.is_empty()
            || core.chars().any(|c| c.is_ascii_digit())
            || is_roman_after_ordinal(&keys, i)
        {
            out[i] = Some(core.to_string());
            i += 1;
            continue;
        }
        let from_body = || body.and_then(|b| b.longest(&keys[i..]));
        let from_lexicon = || lexicon_match(&keys[i..]);
        let found = match prefer {
            Prefer::Body => from_body()
                .filter(|(n, _)| *n >= 2)
                .or_else(from_lexicon)
                .or_else(from_body),
            Prefer::Lexicon => from_lexicon().or_else(|| from_body().filter(|(n, _)| *n >= 2)),
        };
        match found {
            Some((n, words)) => {
                for (k, w) in words.into_iter().enumerate() {
                    out[i + k] = Some(w);
                    group[i + k] = i;
                }
                i += n;
            }
            None => {
                out[i] = Some(core.to_lowercase());
                i += 1;
            }
        }
    }
    for i in 1..tokens.len() {
        let after_head = keys[i - 1] == word_key("trưởng")
            && NAME_OPENERS[1..].iter().any(|w| word_key(w) == keys[i]);
        let after_opener = NAME_OPENERS.iter().any(|w| word_key(w) == keys[i - 1])
            && out[i - 1]
                .as_deref()
                .is_some_and(|w| w.starts_with(char::is_uppercase));
        if (after_head || after_opener)
            && group[i] != group[i - 1]
            && let Some(w) = out[i].as_mut()
        {
            *w = capitalize_first(w);
        }
    }
    tokens
        .iter()
        .zip(&cores)
        .zip(out)
        .map(|((t, &(a, b)), w)| format!("{}{}{}", &t[..a], w.unwrap_or_default(), &t[b..]))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The span of a token without surrounding punctuation.
fn core_span(token: &str) -> (usize, usize) {
    let start = token
        .char_indices()
        .find(|(_, c)| c.is_alphanumeric())
        .map_or(token.len(), |(i, _)| i);
    let end = token
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_alphanumeric())
        .map_or(start, |(i, c)| i + c.len_utf8());
    (start, end.max(start))
}

fn is_roman_after_ordinal(keys: &[String], i: usize) -> bool {
    let roman = keys[i]
        .chars()
        .all(|c| matches!(c, 'i' | 'v' | 'x' | 'l' | 'c'));
    roman
        && i > 0
        && ["khóa", "thứ", "chương", "phần", "mục"]
            .iter()
            .any(|w| word_key(w) == keys[i - 1])
}

fn lexicon_match(keys: &[String]) -> Option<(usize, Vec<String>)> {
    LEXICON
        .iter()
        .map(|phrase| phrase.split(' ').collect::<Vec<_>>())
        .filter(|words| {
            words.len() <= keys.len() && words.iter().zip(keys).all(|(w, k)| word_key(w) == *k)
        })
        .max_by_key(Vec::len)
        .map(|words| (words.len(), words.into_iter().map(String::from).collect()))
}

/// Capitalises the first letter, leaving the rest as it is.
pub fn capitalize_first(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut done = false;
    for c in s.chars() {
        if !done && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            done = true;
        } else {
            out.push(c);
        }
    }
    out
}

/// Title case for a place or a person: "KIÊN GIANG" -> "Kiên Giang".
pub fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| capitalize_first(&w.to_lowercase()))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tone_placement_does_not_matter() {
        assert_eq!(word_key("Uỷ"), word_key("ủy"));
        assert_eq!(word_key("HOÀ"), word_key("hòa"));
        assert_ne!(word_key("tỉnh"), word_key("tính"));
    }

    #[test]
    fn headings_take_the_casing_of_the_body() {
        let body = BodyCasing::new(
            "Ngày 31-8-2021, Ban Thường vụ Tỉnh ủy tổ chức cuộc họp. Giao Ban Thường vụ Tỉnh ủy theo dõi tình hình tại tỉnh Kiên Giang.",
        );
        let title = recase(
            "KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY",
            Some(&body),
            Prefer::Body,
        );
        assert_eq!(
            capitalize_first(&title),
            "Kết luận của Ban Thường vụ Tỉnh ủy"
        );
        assert_eq!(
            recase("TRÊN ĐỊA BÀN TỈNH KIÊN GIANG", Some(&body), Prefer::Body),
            "trên địa bàn tỉnh Kiên Giang"
        );
    }

    #[test]
    fn offices_follow_the_lexicon() {
        assert_eq!(
            capitalize_first(&recase("PHÓ CHÁNH VĂN PHÒNG", None, Prefer::Lexicon)),
            "Phó Chánh Văn phòng"
        );
        assert_eq!(
            capitalize_first(&recase("PHÓ BÍ THƯ THƯỜNG TRỰC", None, Prefer::Lexicon)),
            "Phó Bí thư Thường trực"
        );
        assert_eq!(
            recase("ỦY BAN NHÂN DÂN", None, Prefer::Lexicon),
            "Ủy ban nhân dân"
        );
        assert_eq!(
            capitalize_first(&recase("BỘ TRƯỞNG", None, Prefer::Lexicon)),
            "Bộ trưởng"
        );
        assert_eq!(
            capitalize_first(&recase("VỤ TRƯỞNG VỤ PHÁP CHẾ", None, Prefer::Lexicon)),
            "Vụ trưởng Vụ Pháp chế"
        );
        assert_eq!(recase("KHÓA XIII", None, Prefer::Body), "khóa XIII");
    }
}

//! Vietnamese text helpers shared by addresses, citations and search.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Whether `c` is a space to the words of a text: any Unicode white space
/// (tab, U+00A0, U+2007, U+2009, U+202F, U+3000, U+2028 ...) or an
/// invisible format character ([`is_invisible`]). Text pasted from Word or a
/// web page carries all of them between words.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || is_invisible(c)
}

/// Format characters that print nothing: soft hyphen, zero-width space and
/// joiners, direction marks, word joiner, byte-order mark.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206f}'
            | '\u{feff}'
    )
}

/// Whether `c` ends a line: `\n`, or the Unicode line and paragraph
/// separators (U+2028, U+2029), which some converters write instead.
pub fn is_line_end(c: char) -> bool {
    matches!(c, '\n' | '\u{2028}' | '\u{2029}')
}

/// `s` with every space other than an ASCII space ([`is_space`]: tab,
/// U+00A0, U+202F ...) as an ASCII space and every invisible format
/// character removed, so that
/// `Công\u{a0}văn` and `Công văn` are the same words. Borrows when there is
/// nothing to change.
pub fn plain_spaces(s: &str) -> std::borrow::Cow<'_, str> {
    let odd = |c: char| c != ' ' && is_space(c);
    if !s.contains(odd) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_invisible(c) {
            continue;
        }
        out.push(if odd(c) { ' ' } else { c });
    }
    std::borrow::Cow::Owned(out)
}

/// A count the Vietnamese way, a dot between thousands: `10.278`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Folds Vietnamese to plain lower-case ASCII letters where it can:
/// tones and vowel marks removed, `đ` to `d`. Other characters are kept
/// (lower-cased), so the result has the same words as the input.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'đ' | 'Đ' => out.push('d'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// An ASCII slug: folded, lower case, runs of anything but `a-z0-9` as one
/// `-`, no leading or trailing `-`. Never contains `/` or `.`, so it cannot
/// climb out of the folder it names.
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_removes_tones_marks_and_d_bar() {
        assert_eq!(fold("Đồng Tháp"), "dong thap");
        assert_eq!(fold("Ủy ban nhân dân"), "uy ban nhan dan");
        assert_eq!(fold("chống dịch"), "chong dich");
        assert_eq!(fold("GIÃN CÁCH"), "gian cach");
    }

    #[test]
    fn unicode_spaces_are_spaces_and_format_characters_nothing() {
        for c in [
            '\u{a0}', '\u{2007}', '\u{202f}', '\u{2009}', '\u{3000}', '\u{2028}',
        ] {
            assert!(is_space(c) && !is_invisible(c), "U+{:04X}", c as u32);
            assert_eq!(plain_spaces(&format!("Công{c}văn")), "Công văn");
        }
        for c in ['\u{200b}', '\u{ad}', '\u{feff}', '\u{2060}'] {
            assert!(is_space(c) && is_invisible(c), "U+{:04X}", c as u32);
            assert_eq!(plain_spaces(&format!("Công {c}văn")), "Công văn");
        }
        assert!(is_space('\t') && !is_space('a') && !is_space('/'));
        assert_eq!(plain_spaces("a\tb"), "a b");
        assert!(matches!(
            plain_spaces("a b"),
            std::borrow::Cow::Borrowed("a b")
        ));
    }

    #[test]
    fn slug_is_ascii_and_cannot_traverse() {
        assert_eq!(slug("176-CV/TU"), "176-cv-tu");
        assert_eq!(slug("23/2021/QĐ-TTg"), "23-2021-qd-ttg");
        assert_eq!(slug("1507 /UBND-TH"), "1507-ubnd-th");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("Tỉnh ủy Kiên Giang"), "tinh-uy-kien-giang");
    }
}

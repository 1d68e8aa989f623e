//! Vietnamese text helpers shared by addresses, citations and search.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

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
    fn slug_is_ascii_and_cannot_traverse() {
        assert_eq!(slug("176-CV/TU"), "176-cv-tu");
        assert_eq!(slug("23/2021/QĐ-TTg"), "23-2021-qd-ttg");
        assert_eq!(slug("1507 /UBND-TH"), "1507-ubnd-th");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("Tỉnh ủy Kiên Giang"), "tinh-uy-kien-giang");
    }
}

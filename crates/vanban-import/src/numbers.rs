//! The number line of a header ("Số: 1507/UBND-TH") and a number broken
//! over two lines, read through the project's one number grammar
//! ([`crate::number`]): a shape the grammar learns (dotted symbols such as
//! `11554/VPCP-V.I`, `66.15/2026/NQ-CP`, old `201-CP`, a dropped hyphen
//! `5969/QĐUBND`) is read here as it is in citations, `check` and search.
//! What this module adds is only the label ("Số", "Số hiệu", "SỐ") and the
//! line around the number.

use super::patterns::starts_lowercase;
use crate::number;

/// A number line as it starts a header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberLine {
    /// The number as the grammar reads it (spaces removed, a dropped
    /// hyphen put back); when `broken`, the beginning as printed, which
    /// may end in `/` or `-` or be the sequence number alone.
    pub number: String,
    /// True when the number continues on the next line.
    pub broken: bool,
    /// Whatever follows the number on the line.
    pub rest: String,
}

/// The byte offset after a number label at the start of `text` ("Số",
/// "SỐ", "Số hiệu", "Số ký hiệu", then an optional `:` or `.`, then
/// spaces), and whether it is the bare "Số:" that a broken number leaves
/// alone on its line (a web page's field box prints "Số hiệu:" with the
/// value on another line: that is no header's number line).
fn after_label(text: &str) -> Option<(usize, bool)> {
    let rest = text
        .strip_prefix("Số")
        .or_else(|| text.strip_prefix("SỐ"))?;
    let mut at = text.len() - rest.len();
    let skip_spaces = |at: usize| {
        at + text[at..]
            .chars()
            .take_while(|&c| crate::text::is_space(c))
            .map(char::len_utf8)
            .sum::<usize>()
    };
    let spaced = skip_spaces(at);
    let mut worded = false;
    for word in ["ký hiệu", "hiệu"] {
        if text[spaced..].starts_with(word) {
            at = spaced + word.len();
            worded = true;
            break;
        }
    }
    at = skip_spaces(at);
    let mut colon = false;
    if let Some(c) = text[at..].chars().next()
        && matches!(c, ':' | '.' | '：')
    {
        colon = c != '.';
        at = skip_spaces(at + c.len_utf8());
    }
    // "Số lượng", "Sốc": the label is a word of its own.
    if at == text.len() - rest.len() && rest.starts_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    Some((at, colon && !worded))
}

/// How a number that the grammar cannot read yet is printed: digits, then
/// separators and codes, perhaps ending in a separator (`1507/UBND-`,
/// `11/2026/QĐ-`, `2280`); a space belongs to it only beside a separator.
/// Returns its end.
fn unread_end(text: &str, at: usize) -> usize {
    let sep = |c: char| c == '/' || number::is_dash(c) || c == '—';
    let mut end = at;
    for (i, c) in text[at..].char_indices() {
        let i = at + i;
        if c.is_alphanumeric() || matches!(c, '.' | '&') || sep(c) {
            end = i + c.len_utf8();
        } else if crate::text::is_space(c) && !crate::text::is_line_end(c) {
            let before = text[..i].trim_end().chars().last().is_some_and(sep);
            let after = text[i..].trim_start().chars().next().is_some_and(sep);
            if !(before || after) {
                break;
            }
        } else {
            break;
        }
    }
    end
}

/// A separator that ends the line or is followed by a space.
fn hangs(rest: &str) -> bool {
    let mut chars = rest.chars();
    chars.next().is_some_and(|c| c == '/' || number::is_dash(c))
        && chars.next().is_none_or(crate::text::is_space)
}

/// "Số: 435/VP-KGVX", "Số 176-CV/TU", "Số: 1507 /UBND-TH", "Số:" alone,
/// "Số: 1507/UBND-" (broken). `None` for a line that is no number line:
/// a sentence ("Số 07-KL/TW ngày ..."), a lower-case continuation.
pub fn number_line(text: &str) -> Option<NumberLine> {
    let (at, bare) = after_label(text)?;
    if text[at..].trim().is_empty() {
        return bare.then(|| NumberLine {
            number: String::new(),
            broken: true,
            rest: String::new(),
        });
    }
    if !text[at..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (number, end, read) = match number::scan(text, at) {
        // "Số: 24 /HDLN-BCA-BQP-BYT-": a separator left hanging at the end
        // of the line; what the grammar read is only the beginning.
        Some((end, _)) if hangs(&text[end..]) => {
            let end = unread_end(text, at);
            (number::printed_number(&text[at..end]), end, false)
        }
        Some((end, parts)) => (number::repaired(text, at, end, &parts), end, true),
        None => {
            let end = unread_end(text, at);
            (number::printed_number(&text[at..end]), end, false)
        }
    };
    let rest = text[end..].trim().to_string();
    let broken = !read
        && (number.ends_with(['/', '-', '–'])
            || rest.is_empty() && number.chars().all(|c| c.is_ascii_digit()));
    // A sentence such as "Số 07-KL/TW ngày ..." is body text, not a header,
    // also in capitals in a title ("SỐ 09/2022/NQ-HĐND NGÀY 14 THÁNG 7").
    let cited = crate::text::fold(&rest).to_lowercase().starts_with("ngay ");
    let shaped = number.contains('/') || broken || read;
    if starts_lowercase(&rest) || cited || !shaped {
        return None;
    }
    Some(NumberLine {
        number,
        broken,
        rest,
    })
}

/// A number broken over two lines, read whole: the beginning `first` (a
/// broken [`NumberLine`]'s, or a whole number whose next line starts with
/// a dangling `-TH`) and the `next` line. Returns the number and the byte
/// of `next` where it ends, when the two read as one number and it is
/// longer than `first`.
pub fn joined_number(first: &str, next: &str) -> Option<(String, usize)> {
    let glue = if first.is_empty() || next.starts_with(['-', '/']) {
        ""
    } else {
        "\n"
    };
    let joined = format!("{first}{glue}{next}");
    let (end, parts) = number::scan(&joined, 0)?;
    let consumed = end.checked_sub(first.len() + glue.len())?;
    if consumed == 0 {
        return None;
    }
    Some((number::repaired(&joined, 0, end, &parts), consumed))
}

/// Whether `s` is a whole number by the grammar.
pub fn is_number(s: &str) -> bool {
    number::parse(s).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_lines_in_their_printed_forms() {
        let n = number_line("Số: 1507 /UBND-TH").unwrap();
        assert_eq!(n.number, "1507/UBND-TH");
        assert!(!n.broken);
        assert_eq!(number_line("Số 176-CV/TU").unwrap().number, "176-CV/TU");
        assert_eq!(
            number_line("Số: 23/2021/QĐ-TTg").unwrap().number,
            "23/2021/QĐ-TTg"
        );
        assert_eq!(
            number_line("Số: 435/VP-KGVX Kiên Giang, ngày 21 tháng 6 năm 2021")
                .unwrap()
                .rest,
            "Kiên Giang, ngày 21 tháng 6 năm 2021"
        );
        let broken = number_line("Số: 1507/UBND-").unwrap();
        assert!(broken.broken);
        assert_eq!(broken.number, "1507/UBND-");
        // Cut by the page: the grammar's reading of the beginning is no number.
        let cut = number_line("Số: 24 /HDLN-BCA-BQP-BYT-").unwrap();
        assert!(cut.broken);
        assert_eq!(cut.number, "24/HDLN-BCA-BQP-BYT-");
        assert!(number_line("Số:").unwrap().broken);
        assert!(number_line("Số: 2280").unwrap().broken);
        assert_eq!(number_line("**Số hiệu:**"), None, "a field box's label");
        assert_eq!(
            number_line("Số 07-KL/TW ngày 11/6/2021 của Bộ Chính trị"),
            None
        );
        assert_eq!(number_line("Số lượng 12 người"), None);
        // A subject's continuation line is not a new number.
        assert_eq!(number_line("số 176-CV/TU."), None);
    }

    #[test]
    fn shapes_of_the_grammar_are_read_whole() {
        // A dot inside the unit, a dotted sequence number, a dropped hyphen,
        // a space after the hyphen, an old bare issuer, a footnote mark.
        for (line, want) in [
            ("Số: 11554/VPCP-V.I", "11554/VPCP-V.I"),
            ("Số: 66.15/2026/NQ-CP", "66.15/2026/NQ-CP"),
            ("Số: 5969/QĐUBND", "5969/QĐ-UBND"),
            ("Số: 04/2023/TT- BLĐTBXH", "04/2023/TT-BLĐTBXH"),
            ("Số: 201-CP", "201-CP"),
            ("Số hiệu: 118/TTg", "118/TTg"),
            ("SỐ: 12/QĐ-BYT", "12/QĐ-BYT"),
        ] {
            let n = number_line(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(n.number, want, "{line}");
            assert!(!n.broken, "{line}");
        }
        let n = number_line("Số: 140/NQ-CP2 Hà Nội, ngày 1 tháng 2 năm 2024").unwrap();
        assert_eq!(n.number, "140/NQ-CP");
    }

    #[test]
    fn broken_numbers_are_joined_by_the_grammar() {
        assert_eq!(
            joined_number("1507/UBND-", "TH"),
            Some(("1507/UBND-TH".into(), 2))
        );
        assert_eq!(
            joined_number("2280", "/QĐ-UBND Kiên Giang"),
            Some(("2280/QĐ-UBND".into(), "/QĐ-UBND".len()))
        );
        assert_eq!(
            joined_number("4869/UBND", "-SYT"),
            Some(("4869/UBND-SYT".into(), 4))
        );
        assert_eq!(
            joined_number("", "2280/QĐ-UBND"),
            Some(("2280/QĐ-UBND".into(), "2280/QĐ-UBND".len()))
        );
        assert_eq!(joined_number("435/VP-KGVX", "Kiên Giang, ngày"), None);
    }
}

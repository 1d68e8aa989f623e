//! Words and punctuation around a number, for reading the words that cite
//! it: the type word before it, the date and issuer after it.
//!
//! Markdown emphasis and escapes (`*`, `_`, `` ` ``, `\`), footnote
//! references (`[^2]`) and superscript footnote marks (`²`) are skipped, so
//! `**Kết luận** số 07-KL/TW[^1], ngày 11-6-2021` reads as plain words.
//! A blank line is a break: nothing reads across paragraphs.

use crate::text::{is_line_end, is_space};
use chrono::NaiveDate;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    /// Byte range in the text the tokens were read from.
    pub span: Range<usize>,
    pub kind: Kind,
    /// The folded word (see [`crate::text::fold`]); empty for a mark.
    pub folded: String,
    /// The punctuation mark; a space for a word or a break.
    pub mark: char,
    /// A word whose first letter is upper case.
    pub capital: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Punct,
    Break,
}

impl Token {
    pub fn is_word(&self, folded: &str) -> bool {
        self.kind == Kind::Word && self.folded == folded
    }

    pub fn is_punct(&self, mark: char) -> bool {
        self.kind == Kind::Punct && self.mark == mark
    }

    fn number(&self) -> Option<u32> {
        let ok = self.kind == Kind::Word
            && !self.folded.is_empty()
            && self.folded.len() <= 4
            && self.folded.bytes().all(|b| b.is_ascii_digit());
        ok.then(|| self.folded.parse().ok()).flatten()
    }
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphabetic() || unicode_normalization::char::is_combining_mark(c)
}

/// [`crate::text::fold`] for one word, without its buffering: the base
/// letter of each character, lower case, `đ` as `d`, marks dropped.
fn fold_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if c == 'đ' || c == 'Đ' {
            out.push('d');
        } else if !unicode_normalization::char::is_combining_mark(c) {
            let mut base = None;
            unicode_normalization::char::decompose_canonical(c, |d| {
                base.get_or_insert(d);
            });
            out.extend(base.unwrap_or(c).to_lowercase());
        }
    }
    out
}

fn is_skipped(c: char) -> bool {
    matches!(c, '*' | '_' | '`' | '\\' | '¹' | '²' | '³') || ('\u{2070}'..='\u{2079}').contains(&c)
}

/// Tokens of `text[range]`; `range` must lie on char boundaries.
pub(crate) fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    tokenize_at_most(text, range, usize::MAX)
}

/// The first `max` tokens of `text[range]`.
pub(crate) fn tokenize_at_most(text: &str, range: Range<usize>, max: usize) -> Vec<Token> {
    let base = range.start;
    let s = &text[range];
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if out.len() >= max {
            break;
        }
        if is_space(c) {
            let mut newlines = usize::from(is_line_end(c)) + usize::from(c == '\u{2029}');
            while let Some(&(_, n)) = it.peek() {
                if !is_space(n) {
                    break;
                }
                newlines += usize::from(is_line_end(n)) + usize::from(n == '\u{2029}');
                it.next();
            }
            if newlines >= 2 {
                out.push(Token {
                    span: base + i..base + i + 1,
                    kind: Kind::Break,
                    folded: String::new(),
                    mark: ' ',
                    capital: false,
                });
            }
        } else if is_word_char(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, n)) = it.peek() {
                if !is_word_char(n) {
                    break;
                }
                end = j + n.len_utf8();
                it.next();
            }
            out.push(Token {
                span: base + i..base + end,
                kind: Kind::Word,
                folded: fold_word(&s[i..end]),
                mark: ' ',
                capital: c.is_uppercase(),
            });
        } else if c == '[' && s[i + 1..].starts_with('^') {
            // A footnote reference: skip to its `]` if it is near.
            let close = s[i..].char_indices().take(24).find(|&(_, n)| n == ']');
            match close {
                Some((k, _)) => {
                    while it.peek().is_some_and(|&(j, _)| j <= i + k) {
                        it.next();
                    }
                }
                None => out.push(punct(base + i, c)),
            }
        } else if !is_skipped(c) {
            out.push(punct(base + i, c));
        }
    }
    out
}

fn punct(at: usize, c: char) -> Token {
    Token {
        span: at..at + c.len_utf8(),
        kind: Kind::Punct,
        folded: String::new(),
        mark: c,
        capital: false,
    }
}

/// A date starting at token `i`: `15/6/2021`, `11-6-2021`, `01.9.2021`,
/// `11 tháng 9 năm 2021`, each optionally after "ngày". Returns the date and
/// the index after it.
pub(crate) fn date_at(t: &[Token], i: usize) -> Option<(NaiveDate, usize)> {
    let i = if t.get(i)?.is_word("ngay") { i + 1 } else { i };
    let d = t.get(i)?.number()?;
    let (m, y, end) = if t.get(i + 1)?.is_word("thang") {
        let m = t.get(i + 2)?.number()?;
        if !t.get(i + 3)?.is_word("nam") {
            return None;
        }
        (m, t.get(i + 4)?, i + 5)
    } else {
        let sep = t.get(i + 1)?;
        let mark = ['/', '-', '.'].into_iter().find(|&c| sep.is_punct(c))?;
        let m = t.get(i + 2)?.number()?;
        if !t.get(i + 3)?.is_punct(mark) {
            return None;
        }
        (m, t.get(i + 4)?, i + 5)
    };
    let year = y.number().filter(|_| y.folded.len() == 4)?;
    if !(1945..2100).contains(&year) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, m, d)?;
    Some((date, end))
}

/// A date that ends exactly at token index `end`.
pub(crate) fn date_ending_at(t: &[Token], end: usize) -> Option<NaiveDate> {
    (end.saturating_sub(6)..end)
        .find_map(|s| date_at(t, s).filter(|&(_, e)| e == end).map(|(d, _)| d))
}

/// The text of tokens `from..to` as written: words and marks with single
/// spaces where the source had space.
pub(crate) fn written(text: &str, t: &[Token]) -> String {
    let mut out = String::new();
    let mut last_end = None;
    for tok in t {
        if let Some(e) = last_end
            && e < tok.span.start
        {
            out.push(' ');
        }
        out.push_str(&text[tok.span.clone()]);
        last_end = Some(tok.span.end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        tokenize(s, 0..s.len())
            .into_iter()
            .map(|t| match t.kind {
                Kind::Punct => t.mark.to_string(),
                _ => t.folded,
            })
            .collect()
    }

    #[test]
    fn markdown_marks_and_footnote_references_are_skipped() {
        assert_eq!(
            words("**Kết luận** số 07[^1], ngày² _11_"),
            ["ket", "luan", "so", "07", ",", "ngay", "11"]
        );
    }

    #[test]
    fn words_fold_as_text_fold_does() {
        use unicode_normalization::UnicodeNormalization;
        let s = "Ủy ban nhân dân tỉnh Kiên Giang ĐẢNG CỘNG SẢN VIỆT NAM Quảng Ngãi Hòa Bình Hoà Đắk Lắk giãn cách";
        let nfd: String = s.nfd().collect();
        for text in [s, nfd.as_str()] {
            let ours: Vec<String> = tokenize(text, 0..text.len())
                .into_iter()
                .map(|t| t.folded)
                .collect();
            let theirs: Vec<String> = crate::text::fold(text)
                .split(' ')
                .map(str::to_string)
                .collect();
            assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn blank_line_is_a_break() {
        let t = tokenize("a\n b\n\nc", 0..7);
        assert_eq!(
            t.iter().map(|t| t.kind).collect::<Vec<_>>(),
            [Kind::Word, Kind::Word, Kind::Break, Kind::Word]
        );
    }

    #[test]
    fn dates_in_every_written_form() {
        let d = |s: &str| {
            let t = tokenize(s, 0..s.len());
            date_at(&t, 0).map(|(d, _)| d.to_string())
        };
        assert_eq!(d("15/6/2021").as_deref(), Some("2021-06-15"));
        assert_eq!(d("ngày 11-6-2021").as_deref(), Some("2021-06-11"));
        assert_eq!(d("ngày 11 tháng 9 năm 2021").as_deref(), Some("2021-09-11"));
        assert_eq!(d("Ngày 01.9.2021").as_deref(), Some("2021-09-01"));
        assert_eq!(d("31/2/2021"), None);
        assert_eq!(d("30-4"), None);
        assert_eq!(d("15/6-2021"), None);
    }

    #[test]
    fn written_keeps_the_source_spelling() {
        let s = "của  Tỉnh ủy\nKiên Giang";
        let t = tokenize(s, 0..s.len());
        assert_eq!(written(s, &t[1..]), "Tỉnh ủy Kiên Giang");
    }
}

//! Finding the numbers a text cites, with what the citing words say about
//! them.
//!
//! A mention is a number by the grammar of [`crate::number`] that starts
//! where a word starts (not after a letter, a digit, `/`, `-`, `.`, `,` or
//! `+`), outside any URL. Around it the citing words are read:
//!
//! ```text
//! [TYPE] [của ISSUER] [số[:]] NUMBER [,] [[ngày] DATE] [của ISSUER]
//! DATE, ISSUER [đã] ban hành TYPE số NUMBER
//! của ISSUER tại TYPE số NUMBER
//! TYPE số NUMBER [DATE] (và | , | ;) NUMBER ...      the type carries over a list
//! ```
//!
//! DATE is `15/6/2021`, `11-6-2021`, `01.9.2021` or `11 tháng 9 năm 2021`,
//! TYPE a type word ("Công điện", "Nghị quyết" ... in any case), ISSUER a
//! body as citations name it ("Tỉnh ủy", "Bộ Chính trị", "UBND tỉnh Kiên
//! Giang"). Markdown emphasis, footnote references and footnote marks
//! between the words are ignored; a blank line ends the reading.
//!
//! Work is linear in the text: each byte is scanned once, and the words
//! around a number are read in windows of bounded size.

use super::issuer::match_issuer;
use super::tokens::{Kind, Token, date_at, date_ending_at, tokenize, tokenize_at_most};
use crate::number::{self, NumberParts};
use crate::text::is_space;
use chrono::NaiveDate;
use std::ops::Range;

/// A number cited in a text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mention {
    /// Byte range of the number in the text, exactly as printed (stray
    /// spaces and a line break inside included).
    pub span: Range<usize>,
    /// The number as printed, stray inner spaces and line breaks removed.
    pub number: String,
    /// [`number::normalize`] of the number.
    pub key: String,
    /// The type word before it ("Công điện"), given or carried over in a
    /// list, in its usual spelling.
    pub type_word: Option<String>,
    /// The date the citing words give.
    pub date: Option<NaiveDate>,
    /// The issuer the citing words name, as written ("Tỉnh ủy", "Bộ Chính
    /// trị", "Thủ tướng Chính phủ", "UBND tỉnh").
    pub issuer_hint: Option<String>,
}

/// Type words, folded, with their usual spelling.
const TYPE_WORDS: &[(&str, &str)] = &[
    ("nghi quyet lien tich", "Nghị quyết liên tịch"),
    ("thong tu lien tich", "Thông tư liên tịch"),
    ("thong bao ket luan", "Thông báo"),
    ("nghi quyet", "Nghị quyết"),
    ("quyet dinh", "Quyết định"),
    ("chi thi", "Chỉ thị"),
    ("cong dien", "Công điện"),
    ("ke hoach", "Kế hoạch"),
    ("thong bao", "Thông báo"),
    ("ket luan", "Kết luận"),
    ("cong van", "Công văn"),
    ("nghi dinh", "Nghị định"),
    ("thong tu", "Thông tư"),
    ("huong dan", "Hướng dẫn"),
    ("chuong trinh", "Chương trình"),
    ("bao cao", "Báo cáo"),
    ("quy dinh", "Quy định"),
    ("quy che", "Quy chế"),
    ("to trinh", "Tờ trình"),
    ("de an", "Đề án"),
    ("du an", "Dự án"),
    ("phuong an", "Phương án"),
    ("thong cao", "Thông cáo"),
    ("bien ban", "Biên bản"),
    ("bo luat", "Bộ luật"),
    ("luat", "Luật"),
    ("phap lenh", "Pháp lệnh"),
    ("lenh", "Lệnh"),
    ("hop dong", "Hợp đồng"),
    ("giay moi", "Giấy mời"),
];

/// How far before and after a number the citing words are read, in bytes.
const BEFORE: usize = 128;
const AFTER: usize = 200;

/// Every number cited in `text` (Markdown source), in order.
pub fn find_mentions(text: &str) -> Vec<Mention> {
    let mut found: Vec<Found> = Vec::new();
    let bytes = text.as_bytes();
    let mut urls = UrlWords::default();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        if may_start(text, i)
            && !urls.covers(text, i)
            && let Some((end, parts)) = number::scan(text, i)
        {
            if !is_form(text, i) {
                found.push(read_context(text, i..end, parts));
            }
            i = end;
            continue;
        }
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
    }
    carry_over_lists(text, &mut found);
    found.into_iter().map(|f| f.mention).collect()
}

/// A mention with what the reading needs to link it to its neighbours.
struct Found {
    mention: Mention,
    parts: NumberParts,
    /// Where the citing words after the number end.
    trailer_end: usize,
    /// Carried its type word over from the previous mention.
    listed: bool,
}

/// Whether the number at `i` names a form ("theo Mẫu số 01/BCĐBQH-MT",
/// "Biểu số 02/BC-UBND"): a form is not a document of the archive.
fn is_form(text: &str, i: usize) -> bool {
    let from = floor_boundary(text, i.saturating_sub(24));
    let before = crate::text::fold(&text[from..i]);
    let words: Vec<&str> = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let last = |n: usize| words.len().checked_sub(n).map(|k| words[k]);
    matches!(
        (last(2), last(1)),
        (_, Some("mau")) | (Some("mau" | "bieu"), Some("so"))
    )
}

/// A number may start only where a word starts.
fn may_start(text: &str, i: usize) -> bool {
    // `số382/TTr-CP`: the word `số` glued to the number it introduces.
    for so in ["số", "Số", "SỐ"] {
        if let Some(before) = text[..i].strip_suffix(so)
            && !before.chars().next_back().is_some_and(|c| {
                c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
            })
        {
            return true;
        }
    }
    match text[..i].chars().next_back() {
        None => true,
        Some(c) => {
            !(c.is_alphanumeric()
                || unicode_normalization::char::is_combining_mark(c)
                || number::is_dash(c)
                || matches!(c, '/' | '.' | ',' | '+' | '^' | '&' | '=' | '%' | '#' | '@'))
        }
    }
}

/// Remembers the extent of the whitespace-delimited word last looked at,
/// and whether it is a URL or an e-mail address; each word is measured once.
#[derive(Default)]
struct UrlWords {
    word: Range<usize>,
    url: bool,
}

impl UrlWords {
    fn covers(&mut self, text: &str, i: usize) -> bool {
        if !self.word.contains(&i) {
            let from = self.word.end.min(i);
            // Word boundaries are found by char, so a multi-byte space
            // (U+00A0, U+202F, U+3000 ...) is stepped over whole.
            let start = text[from..i]
                .char_indices()
                .rfind(|&(_, c)| is_space(c))
                .map_or(from, |(p, c)| from + p + c.len_utf8());
            let end = text[i..].find(is_space).map_or(text.len(), |p| i + p);
            let word = &text[start..end];
            self.url = word.contains("://") || word.contains("www.") || word.contains('@');
            self.word = start..end;
        }
        self.url
    }
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

fn read_context(text: &str, span: Range<usize>, parts: NumberParts) -> Found {
    let printed = number::repaired(text, span.start, span.end, &parts);
    let before = Before::read(text, span.start);
    let after = After::read(text, span.end);
    Found {
        mention: Mention {
            key: number::normalize(&printed),
            number: printed,
            span,
            type_word: before.type_word.map(str::to_string),
            date: after.date.or(before.date),
            issuer_hint: after.issuer.or(before.issuer),
        },
        parts,
        trailer_end: after.end,
        listed: false,
    }
}

/// What the words before a number say.
#[derive(Default)]
struct Before {
    type_word: Option<&'static str>,
    issuer: Option<String>,
    date: Option<NaiveDate>,
}

impl Before {
    fn read(text: &str, at: usize) -> Before {
        let from = floor_boundary(text, at.saturating_sub(BEFORE));
        let mut t = tokenize(text, from..at);
        if from > 0 && !t.is_empty() && t[0].span.start == from {
            t.remove(0); // possibly cut in half by the window
        }
        if let Some(b) = t.iter().rposition(|k| k.kind == Kind::Break) {
            t.drain(..=b);
        }
        let mut out = Before::default();
        let mut j = t.len();
        if j > 0 && t[j - 1].is_punct(':') {
            j -= 1;
        }
        let so = j > 0 && t[j - 1].is_word("so");
        if so {
            j -= 1;
        }
        if let Some((start, word)) = type_word_ending_at(&t, j) {
            out.type_word = Some(word);
            out.read_issuer_before(text, &t, start);
        } else if so {
            // "Quyết định của Bộ Chính trị số 31-QĐ/TW"
            if let Some(k) = (j.saturating_sub(12)..j)
                .rev()
                .find(|&k| t[k].is_word("cua"))
                && let Some((end, issuer)) = match_issuer(text, &t, k + 1)
                && end == j
                && let Some((_, word)) = type_word_ending_at(&t, k)
            {
                out.type_word = Some(word);
                out.issuer = Some(issuer);
            }
        }
        out
    }

    /// "Bộ Chính trị ban hành Kết luận", "của Bộ Chính trị tại Kết luận".
    fn read_issuer_before(&mut self, text: &str, t: &[Token], type_start: usize) {
        let issuer_ending_at = |end: usize| {
            (end.saturating_sub(10)..end).find_map(|s| {
                match_issuer(text, t, s)
                    .filter(|&(e, _)| e == end)
                    .map(|(_, w)| (s, w))
            })
        };
        let word = |k: usize| {
            t.get(k)
                .filter(|k| k.kind == Kind::Word)
                .map(|k| k.folded.as_str())
        };
        if type_start >= 2
            && word(type_start - 2) == Some("ban")
            && word(type_start - 1) == Some("hanh")
        {
            let mut end = type_start - 2;
            if end > 0 && matches!(word(end - 1), Some("da" | "vua")) {
                end -= 1;
            }
            if let Some((s, issuer)) = issuer_ending_at(end) {
                self.issuer = Some(issuer);
                let d = if s > 0 && t[s - 1].is_punct(',') {
                    s - 1
                } else {
                    s
                };
                self.date = date_ending_at(t, d);
            }
        } else if type_start >= 1
            && word(type_start - 1) == Some("tai")
            && let Some((s, issuer)) = issuer_ending_at(type_start - 1)
            && s > 0
            && t[s - 1].is_word("cua")
        {
            self.issuer = Some(issuer);
        }
    }
}

/// The longest type word whose last word is token `end - 1`.
fn type_word_ending_at(t: &[Token], end: usize) -> Option<(usize, &'static str)> {
    TYPE_WORDS.iter().find_map(|(folded, word)| {
        let n = folded.split(' ').count();
        let start = end.checked_sub(n)?;
        let ok = folded
            .split(' ')
            .zip(&t[start..end])
            .all(|(w, k)| k.is_word(w));
        ok.then_some((start, *word))
    })
}

/// What the words after a number say.
struct After {
    date: Option<NaiveDate>,
    issuer: Option<String>,
    end: usize,
}

impl After {
    fn read(text: &str, at: usize) -> After {
        let to = ceil_boundary(text, at + AFTER);
        let t = tokenize_at_most(text, at..to, 48);
        let t = match t.iter().position(|k| k.kind == Kind::Break) {
            Some(b) => &t[..b],
            None => &t[..],
        };
        let mut out = After {
            date: None,
            issuer: None,
            end: at,
        };
        let mut i = 0;
        for _ in 0..3 {
            let k = if t.get(i).is_some_and(|k| k.is_punct(',')) {
                i + 1
            } else {
                i
            };
            if out.date.is_none()
                && let Some((d, e)) = date_at(t, k)
            {
                out.date = Some(d);
                i = e;
            } else if out.issuer.is_none()
                && t.get(k).is_some_and(|k| k.is_word("cua"))
                && let Some((e, issuer)) = match_issuer(text, t, k + 1)
            {
                out.issuer = Some(issuer);
                i = e;
            } else {
                break;
            }
            out.end = t[i - 1].span.end;
        }
        out
    }
}

/// Lists: "các Công điện số 1099/CĐ-TTg ngày … và 1102/CĐ-TTg ngày …". A
/// number without a type word that follows a typed one, with only a
/// connector between, takes its type word when its own type code agrees. An
/// issuer named after the last of a list of the same issuer code applies to
/// the earlier ones.
fn carry_over_lists(text: &str, found: &mut [Found]) {
    for k in 1..found.len() {
        let (prev, cur) = found.split_at_mut(k);
        let (prev, cur) = (&prev[k - 1], &mut cur[0]);
        if cur.mention.type_word.is_some() || prev.mention.type_word.is_none() {
            continue;
        }
        let word = prev.mention.type_word.clone();
        let agrees = match cur.parts.implied_type() {
            Some(t) => word.as_deref() == Some(t),
            None => true,
        };
        if agrees && connector_only(text, prev.trailer_end, cur.mention.span.start) {
            cur.mention.type_word = word;
            cur.listed = true;
        }
    }
    for k in (1..found.len()).rev() {
        let (prev, cur) = found.split_at_mut(k);
        let (prev, cur) = (&mut prev[k - 1], &cur[0]);
        let same_issuer = prev.parts.issuer_code == cur.parts.issuer_code;
        let same_type = prev.mention.type_word == cur.mention.type_word;
        let linked = cur.listed
            || (same_type && connector_only(text, prev.trailer_end, cur.mention.span.start));
        if prev.mention.issuer_hint.is_none() && same_issuer && same_type && linked {
            prev.mention.issuer_hint = cur.mention.issuer_hint.clone();
        }
    }
}

/// Whether only list connectors stand between `from` and `to`: commas,
/// semicolons, "và", "hoặc", "số", and the type word of the next item.
fn connector_only(text: &str, from: usize, to: usize) -> bool {
    if to < from || to - from > 120 {
        return false;
    }
    let t = tokenize(text, from..to);
    let mut j = t.len();
    if j > 0 && t[j - 1].is_word("so") {
        j -= 1;
    }
    if let Some((start, _)) = type_word_ending_at(&t, j) {
        j = start;
    }
    t[..j].iter().all(|k| match k.kind {
        Kind::Punct => k.is_punct(',') || k.is_punct(';'),
        Kind::Word => matches!(k.folded.as_str(), "va" | "hoac" | "cung" | "so"),
        Kind::Break => false,
    }) && j > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Mention {
        let m = find_mentions(text);
        assert_eq!(m.len(), 1, "{text:?}: {m:#?}");
        m.into_iter().next().unwrap_or_else(|| unreachable!())
    }

    fn date(s: &str) -> Option<NaiveDate> {
        Some(s.parse().unwrap_or_else(|e| panic!("{s}: {e}")))
    }

    fn numbers(text: &str) -> Vec<String> {
        find_mentions(text).into_iter().map(|m| m.number).collect()
    }

    #[test]
    fn full_citation_with_type_date_and_issuer() {
        let text = "Ủy ban nhân dân tỉnh Kiên Giang nhận được Công văn số 176-CV/TU ngày 15/6/2021 của Tỉnh ủy về việc tăng cường công tác phòng, chống dịch bệnh Covid-19 và phát triển kinh tế - xã hội (có văn bản kèm theo).";
        let m = one(text);
        assert_eq!(&text[m.span.clone()], "176-CV/TU");
        assert_eq!(m.number, "176-CV/TU");
        assert_eq!(m.key, "176-CV/TU");
        assert_eq!(m.type_word.as_deref(), Some("Công văn"));
        assert_eq!(m.date, date("2021-06-15"));
        assert_eq!(m.issuer_hint.as_deref(), Some("Tỉnh ủy"));
    }

    #[test]
    fn party_date_after_a_comma() {
        let m = one(
            "1. Tổ chức quán triệt toàn văn Kết luận số 07-KL/TW, ngày 11-6-2021 của Bộ Chính trị về một số nhiệm vụ trọng tâm",
        );
        assert_eq!(m.type_word.as_deref(), Some("Kết luận"));
        assert_eq!(m.date, date("2021-06-11"));
        assert_eq!(m.issuer_hint.as_deref(), Some("Bộ Chính trị"));

        let m = one("theo Chỉ thị 16/CT-TTg, ngày 31-3-2020 của Thủ tướng Chính phủ;");
        assert_eq!(m.type_word.as_deref(), Some("Chỉ thị"));
        assert_eq!(m.date, date("2020-03-31"));
        assert_eq!(m.issuer_hint.as_deref(), Some("Thủ tướng Chính phủ"));
    }

    #[test]
    fn issuer_and_date_before_the_type_word() {
        let m = one(
            "Ngày 11-6-2021, Bộ Chính trị ban hành Kết luận số 07-KL/TW về một số nhiệm vụ trọng tâm tăng cường công tác phòng, chống dịch bệnh Covid-19",
        );
        assert_eq!(
            (m.type_word.as_deref(), m.date),
            (Some("Kết luận"), date("2021-06-11"))
        );
        assert_eq!(m.issuer_hint.as_deref(), Some("Bộ Chính trị"));

        let m = one(
            "Đề triển khai thực hiện tốt chỉ đạo của Bộ Chính trị tại Kết luận số 07-KL/TW ngày 11/6/2021 về một số nhiệm vụ",
        );
        assert_eq!(m.issuer_hint.as_deref(), Some("Bộ Chính trị"));
        assert_eq!(m.date, date("2021-06-11"));

        let m = one("theo Quyết định của Bộ Chính trị số 31-QĐ/TW về thi hành Điều lệ Đảng");
        assert_eq!(m.type_word.as_deref(), Some("Quyết định"));
        assert_eq!(m.issuer_hint.as_deref(), Some("Bộ Chính trị"));
        assert_eq!(m.date, None);
    }

    #[test]
    fn long_dates_and_year_inside_the_number() {
        let text = "các chính sách hỗ trợ theo Nghị quyết số 68/NQ-CP ngày 01 tháng 7 năm 2021 của Chính phủ và Quyết định số 23/2021/QĐ-TTg ngày 07 tháng 7 năm 2021 của Thủ tướng Chính phủ⁴; rà soát";
        let m = find_mentions(text);
        assert_eq!(m.len(), 2);
        assert_eq!(
            (m[0].number.as_str(), m[0].date),
            ("68/NQ-CP", date("2021-07-01"))
        );
        assert_eq!(m[0].issuer_hint.as_deref(), Some("Chính phủ"));
        assert_eq!(m[1].number, "23/2021/QĐ-TTg");
        assert_eq!(m[1].type_word.as_deref(), Some("Quyết định"));
        assert_eq!(m[1].issuer_hint.as_deref(), Some("Thủ tướng Chính phủ"));
    }

    #[test]
    fn a_list_carries_the_type_word_over() {
        let text = "đặc biệt là các Công điện số 1099/CĐ-TTg ngày 22 tháng 8 năm 2021 và 1102/CĐ-TTg ngày 23 tháng 8 năm 2021[^2], kết luận của Thủ tướng Chính phủ";
        let m = find_mentions(text);
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].type_word.as_deref(), Some("Công điện"));
        assert_eq!(m[1].type_word.as_deref(), Some("Công điện"));
        assert_eq!(m[0].date, date("2021-08-22"));
        assert_eq!(m[1].date, date("2021-08-23"));
        assert_eq!(&text[m[1].span.clone()], "1102/CĐ-TTg");
    }

    #[test]
    fn an_issuer_after_a_list_applies_to_each_of_the_same_code() {
        let text = "tại Nghị quyết số 86/NQ-CP của Chính phủ và Công điện số 1099/CD-TTg ngày 22-8-2021, Công điện số 1102/CD-TTg ngày 23-8-2021 của Thủ tướng Chính phủ và các kết luận";
        let m = find_mentions(text);
        assert_eq!(m.len(), 3);
        assert_eq!(m[0].issuer_hint.as_deref(), Some("Chính phủ"));
        assert_eq!(m[1].key, "1099/CD-TTG");
        assert_eq!(m[1].issuer_hint.as_deref(), Some("Thủ tướng Chính phủ"));
        assert_eq!(m[2].issuer_hint.as_deref(), Some("Thủ tướng Chính phủ"));
        assert_eq!(m[1].type_word.as_deref(), Some("Công điện"));

        // Different codes: "của Thủ tướng" does not reach back to 68/NQ-CP.
        let m = find_mentions(
            "theo Nghị quyết số 68/NQ-CP và Quyết định số 23/2021/QĐ-TTg của Thủ tướng Chính phủ trên địa bàn",
        );
        assert_eq!(m[0].issuer_hint, None);
        assert_eq!(m[1].issuer_hint.as_deref(), Some("Thủ tướng Chính phủ"));
    }

    #[test]
    fn a_list_does_not_carry_a_type_that_contradicts_the_code() {
        let m = find_mentions("Nghị quyết số 68/NQ-CP và 23/2021/QĐ-TTg");
        assert_eq!(m[1].type_word, None);
        let m = find_mentions("Công điện số 1099/CĐ-TTg. Ngoài ra 1102/CĐ-TTg");
        assert_eq!(m[1].type_word, None);
    }

    #[test]
    fn cd_and_cđ_share_a_key() {
        let a = one("Công điện số 1099/CD-TTg ngày 22-8-2021");
        let b = one("Công điện số 1099/CĐ-TTg ngày 22 tháng 8 năm 2021");
        assert_eq!(a.key, b.key);
        assert_eq!(a.number, "1099/CD-TTg");
        assert_eq!(b.number, "1099/CĐ-TTg");
        assert_eq!(one("Công điện 1099/CĐ-TTG").key, a.key);
    }

    #[test]
    fn header_number_with_a_stray_space() {
        let text = "\n\nSố: 1507 /UBND-TH\nV/v triển khai thực hiện Nghị\nquyết phiên họp";
        let m = one(text);
        assert_eq!(&text[m.span.clone()], "1507 /UBND-TH");
        assert_eq!(m.number, "1507/UBND-TH");
        assert_eq!(m.type_word, None);
        let m = one("**TỈNH ỦY KIÊN GIANG**\n\n\\*\n\nSố 374-TB/TU\n\n");
        assert_eq!(m.number, "374-TB/TU");
    }

    #[test]
    fn a_number_broken_across_lines() {
        let text = "V/v chỉ đạo thực hiện Công văn\nsố 176-CV/\nTU ngày 15/6/2021\ncủa Tỉnh ủy.";
        let m = one(text);
        assert_eq!(m.number, "176-CV/TU");
        assert_eq!(&text[m.span.clone()], "176-CV/\nTU");
        assert_eq!(m.type_word.as_deref(), Some("Công văn"));
        assert_eq!(m.date, date("2021-06-15"));
        assert_eq!(m.issuer_hint.as_deref(), Some("Tỉnh ủy"));
    }

    #[test]
    fn footnote_definitions_and_emphasis() {
        let text = "nhiệm vụ[^2].\n\n[^2]: Công văn số 1319/UBND-KGVX ngày 25/8/2021 Của Chủ tịch UBND tỉnh về triển khai Công điện số 1102/CĐ-TTg ngày 23 tháng 8 năm 2021 của Thủ tướng Chính phủ\n";
        let m = find_mentions(text);
        assert_eq!(numbers(text), ["1319/UBND-KGVX", "1102/CĐ-TTg"]);
        assert_eq!(m[0].issuer_hint.as_deref(), Some("Chủ tịch UBND tỉnh"));
        assert_eq!(m[1].type_word.as_deref(), Some("Công điện"));

        let text = "theo **Kế hoạch 139/KH-UBND** ngày 18/7/2021 và *Kết luận số 07-KL/TW*";
        let m = find_mentions(text);
        assert_eq!(&text[m[0].span.clone()], "139/KH-UBND");
        assert_eq!(
            (m[0].type_word.as_deref(), m[0].date),
            (Some("Kế hoạch"), date("2021-07-18"))
        );
        assert_eq!(m[1].type_word.as_deref(), Some("Kết luận"));
    }

    #[test]
    fn look_alikes_are_not_mentions() {
        let text = "Ngày 11-6-2021 và 15/6/2021, dịch Covid-19 và COVID-19, yêu cầu 5K, F0, F1, \
            ngày lễ 30-4, 01-5, nhiệm kỳ 2021-2026, vi rút Sars CoV-2, lúc 19:28:39 +07:00 ngày 01.09.2021, \
            trang 5/10, tỷ lệ 50%, 1.500 giường, hẻm 342 Ngô Quyền, điện thoại 0297-3862-123, \
            V/v tổ chức, 3/4 số xã, https://example.org/van-ban/176-CV/TU và www.example.vn/1507/UBND-TH, \
            email 12/QD-UBND@example.vn, [liên kết](https://example.org/a?so=107/NQ-CP), \
            <https://example.org/x(176-CV/TU)>";
        assert_eq!(numbers(text), Vec::<String>::new());
    }

    #[test]
    fn real_paragraph_of_a_party_notice() {
        let text = "Lãnh đạo các địa phương, nhất là lãnh đạo cấp cơ sở cần quán triệt sâu sắc, thấm nhuần tinh thần chỉ đạo, tổ chức thực hiện nghiêm các nội dung đã được quy định tại Nghị quyết số 86/NQ-CP của Chính phủ và Công điện số 1099/CD-TTg ngày 22-8-2021, Công điện số 1102/CD-TTg ngày 23-8-2021 của Thủ tướng Chính phủ và các kết luận của Ban Thường vụ Tỉnh ủy trước đây về công tác phòng, chống dịch Covid-19.\n\n- Giao Ban Chỉ đạo huyện Phú Quốc phối hợp với Sở Y tế xây dựng kế hoạch thực hiện giảm mức độ giãn cách từ Chỉ thị 16/CT-TTg của Thủ tướng Chính phủ xuống Chỉ thị 15/CT-TTg của Thủ tướng Chính phủ trên địa bàn thành phố Phú Quốc";
        assert_eq!(
            numbers(text),
            [
                "86/NQ-CP",
                "1099/CD-TTg",
                "1102/CD-TTg",
                "16/CT-TTg",
                "15/CT-TTg"
            ]
        );
        let m = find_mentions(text);
        assert_eq!(m[3].issuer_hint.as_deref(), Some("Thủ tướng Chính phủ"));
        assert_eq!(m[4].type_word.as_deref(), Some("Chỉ thị"));
    }

    #[test]
    fn spans_are_byte_ranges_of_the_source() {
        let text = "Thông báo số 374-TB/TU ngày 01/9/2021 của Ban Thường vụ Tỉnh ủy về việc";
        let m = one(text);
        assert_eq!(&text[m.span.clone()], "374-TB/TU");
        assert_eq!(m.issuer_hint.as_deref(), Some("Ban Thường vụ Tỉnh ủy"));
        assert_eq!(m.date, date("2021-09-01"));
    }

    #[test]
    fn any_mix_of_fragments_gives_well_formed_mentions() {
        const PIECES: &[&str] = &[
            "1",
            "07",
            "2021",
            "15",
            "/",
            "-",
            "–",
            " ",
            "\n",
            "\n\n",
            "Đ",
            "QĐ",
            "CĐ",
            "CD",
            "TTg",
            "TU",
            "UBND",
            "KH",
            "CV",
            "số",
            "Số:",
            "ngày",
            "tháng",
            "năm",
            "của",
            "Tỉnh ủy",
            "Bộ Chính trị",
            "ban hành",
            "tại",
            "và",
            ",",
            ".",
            "[^",
            "]",
            "*",
            "_",
            "²",
            "ấ",
            "e\u{301}",
            "https://",
            "@",
            "Công điện",
            "Kết luận",
            "Covid",
            "(",
            ")",
            "/nb",
            " 176-CV/TU",
            " 1099/CĐ-TTg",
            " 1507 /UBND-TH",
            " 23/2021/QĐ-TTg",
            " 07-KL/TW",
            " 15/6/2021",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut found = 0;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..24 {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                text.push_str(PIECES[(seed >> 33) as usize % PIECES.len()]);
            }
            for m in find_mentions(&text) {
                found += 1;
                let printed = number::printed_number(&text[m.span.clone()]);
                assert_eq!(
                    printed.replace('-', ""),
                    m.number.replace('-', ""),
                    "{text:?}"
                );
                assert_eq!(number::normalize(&m.number), m.key);
                assert!(number::parse(&text[m.span.clone()]).is_some(), "{text:?}");
            }
        }
        assert!(
            found > 100,
            "only {found} mentions: the mix should make some"
        );
    }

    #[test]
    fn unicode_spaces_are_spaces_to_the_grammar() {
        // U+00A0 before the number panicked (a word boundary taken one byte
        // into the two-byte space).
        for c in [
            '\u{a0}', '\u{2007}', '\u{202f}', '\u{2009}', '\u{200b}', '\u{ad}', '\u{3000}',
            '\u{feff}', '\u{2028}', '\t',
        ] {
            let text = format!("Căn cứ Nghị định số{c}22/2013/NĐ-CP{c}ngày 15/6/2021.");
            let m = one(&text);
            assert_eq!(m.number, "22/2013/NĐ-CP", "U+{:04X}", c as u32);
            assert_eq!(m.type_word.as_deref(), Some("Nghị định"));
            assert_eq!(m.date, date("2021-06-15"), "U+{:04X}", c as u32);
            let text = format!("Công văn số 1507{c}/UBND{c}-{c}TH");
            assert_eq!(one(&text).number, "1507/UBND-TH", "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn shapes_of_old_and_damaged_numbers() {
        // Dotted numbers of Government resolutions.
        assert_eq!(
            numbers("Nghị quyết số 66.15/2026/NQ-CP ngày"),
            ["66.15/2026/NQ-CP"]
        );
        // Old shapes: a bare central issuer.
        assert_eq!(
            numbers("Nghị định 201-CP, Quyết định 404-CP, Quyết định số 118/TTg và 769/TTg;"),
            ["201-CP", "404-CP", "118/TTg", "769/TTg"]
        );
        // A missing hyphen is put back; a space after the hyphen is dropped.
        let m = find_mentions("Quyết định số 5969/QĐUBND và Thông tư số 04/2023/TT- BLĐTBXH ngày");
        assert_eq!(m[0].number, "5969/QĐ-UBND");
        assert_eq!(m[0].key, number::normalize("5969/QĐ-UBND"));
        assert_eq!(m[1].number, "04/2023/TT-BLĐTBXH");
        assert_eq!(
            numbers("Thông tư số 26/2021/TTBGTVT ngày"),
            ["26/2021/TT-BGTVT"]
        );
        // Long composite symbols.
        assert_eq!(
            numbers(
                "Công văn số 4236/SXD-QLN&CS, Tờ trình số 02/TTr-CAT- ANCTNB, Công văn số 6721/VPCP-V.I ngày"
            ),
            ["4236/SXD-QLN&CS", "02/TTr-CAT-ANCTNB", "6721/VPCP-V.I"]
        );
        // `số` glued to the number.
        assert_eq!(numbers("tại Tờ trình số382/TTr-CP và"), ["382/TTr-CP"]);
        // Bare issuers other than the Government's are not numbers.
        assert!(numbers("12/UBND, 3-TU, trang 12/TU").is_empty());
        // An issuer code that looks like type + issuer stays whole.
        assert_eq!(numbers("Công văn số 12/TTCP-KHTH"), ["12/TTCP-KHTH"]);
    }

    #[test]
    fn form_numbers_are_not_citations() {
        assert_eq!(
            numbers("báo cáo theo Mẫu số 01/BCĐBQH-MT và mẫu số 02; Biểu số 03/BC-UBND kèm theo"),
            Vec::<String>::new()
        );
        assert_eq!(
            numbers("theo mẫu 05/KH-UBND ban hành kèm Quyết định số 12/QĐ-UBND"),
            ["12/QĐ-UBND"]
        );
    }

    #[test]
    fn a_number_broken_across_a_paragraph_break() {
        let text =
            "Căn cứ Quyết định số 12/2024/\n\nQĐ-TTg ngày 05/3/2024 của Thủ tướng Chính phủ;";
        let m = one(text);
        assert_eq!(m.number, "12/2024/QĐ-TTg");
        assert_eq!(m.date, date("2024-03-05"));
        // A paragraph that ends a number whole is not joined to the next.
        assert_eq!(
            numbers(
                "Thực hiện Chỉ thị số 05-CT/TW\n\n- UBND các huyện triển khai Công văn số 7/UBND-VX\n\n-VP"
            ),
            ["05-CT/TW", "7/UBND-VX"]
        );
    }

    #[test]
    fn broken_numbers_and_glued_footnote_marks() {
        let m = one("Công văn số 4869/UBND-\nSYT ngày 12/5/2024");
        assert_eq!(m.number, "4869/UBND-SYT");
        assert_eq!(m.date, date("2024-05-12"));
        assert_eq!(
            numbers(
                "Nghị quyết số 140/NQ-CP2 ngày 10/10/2021, Luật số 42/2024/QH151 ngày 29/6/2024"
            ),
            ["140/NQ-CP", "42/2024/QH15"]
        );
        assert_eq!(
            numbers("Thông tư số 47/2024/TT-BGTVT4, và 12/QĐ-UBND-VX2"),
            ["47/2024/TT-BGTVT", "12/QĐ-UBND-VX2"]
        );
    }

    #[test]
    fn long_lines_and_hostile_text_are_fine() {
        let mut text = "1/A-".repeat(25_000);
        text.push_str(&"9".repeat(100_000));
        text.push_str(&" 1 /".repeat(25_000));
        text.push_str("Công văn số 176-CV/TU");
        let m = find_mentions(&text);
        assert_eq!(m.last().map(|m| m.number.as_str()), Some("176-CV/TU"));
        assert_eq!(find_mentions("số 1").len(), 0);
        assert_eq!(find_mentions("").len(), 0);
        assert_eq!(find_mentions("ĐĐĐ 7-KL/TW").len(), 1);
    }
}

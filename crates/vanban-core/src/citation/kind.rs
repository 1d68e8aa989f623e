//! What a citing sentence says of the document it cites: the relation
//! kind, and the article ("Điều 5") when it cites one.
//!
//! A kind is given only when the sentence says it, in the citing
//! document's voice:
//!
//! ```text
//! [marker] [<type> này ...] CUE [, CUE ...] ... NUMBER ...        cue governs
//! HEAD ... CUE ...:  a) NUMBER ...;  b) NUMBER ...               carried over a list
//! [marker] NUMBER ... (hết | ngưng | chấm dứt) hiệu lực ...      repeals
//! ```
//!
//! A cue governs only when no other cited number comes before it in the
//! sentence (a cue after one describes that document: "Thông tư số 09 …
//! hướng dẫn thực hiện Quyết định số 22"), when it is not passive or
//! negated ("đã được sửa đổi", "bị bãi bỏ", "không thay thế"), and a
//! type word is not a cue ("Hướng dẫn số 11-HD/VPTW"). "… quy định tại …"
//! between a cue and the number makes it a mention. Anything else is
//! [`CiteKind::Mentions`]: a wrong kind is worse than none.
//!
//! Work is bounded per mention: a sentence is read at most [`REACH`] bytes
//! each way, a list head at most [`HEAD_REACH`] bytes back.

use serde::Serialize;
use std::ops::Range;

/// How a document cites another, weakest first: when one document is
/// cited in several sentences, the strongest kind stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CiteKind {
    #[default]
    Mentions,
    Basis,
    Implements,
    Guides,
    Corrects,
    Amends,
    Replaces,
    Repeals,
}

impl CiteKind {
    pub const ALL: [CiteKind; 8] = [
        CiteKind::Mentions,
        CiteKind::Basis,
        CiteKind::Implements,
        CiteKind::Guides,
        CiteKind::Corrects,
        CiteKind::Amends,
        CiteKind::Replaces,
        CiteKind::Repeals,
    ];

    /// The word of the open data (`basis`, `implements`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            CiteKind::Mentions => "mentions",
            CiteKind::Basis => "basis",
            CiteKind::Implements => "implements",
            CiteKind::Guides => "guides",
            CiteKind::Corrects => "corrects",
            CiteKind::Amends => "amends",
            CiteKind::Replaces => "replaces",
            CiteKind::Repeals => "repeals",
        }
    }

    pub fn parse(s: &str) -> Option<CiteKind> {
        CiteKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// How far a sentence is read each way from a number, in bytes.
const REACH: usize = 900;
/// How far back a list's head is looked for, in bytes.
const HEAD_REACH: usize = 4000;

/// Cue words (folded, as word sequences) and the kind each says.
const CUES: &[(&str, CiteKind)] = &[
    ("bai bo", CiteKind::Repeals),
    ("huy bo", CiteKind::Repeals),
    ("het hieu luc", CiteKind::Repeals),
    ("ngung hieu luc", CiteKind::Repeals),
    ("cham dut hieu luc", CiteKind::Repeals),
    ("thay the", CiteKind::Replaces),
    ("sua doi", CiteKind::Amends),
    ("dinh chinh", CiteKind::Corrects),
    ("huong dan", CiteKind::Guides),
    ("quy dinh chi tiet", CiteKind::Guides),
    ("thuc hien", CiteKind::Implements),
    ("trien khai", CiteKind::Implements),
    ("quan triet", CiteKind::Implements),
    ("can cu", CiteKind::Basis),
];

/// Said after a number that is the sentence's subject: it loses force.
const ENDINGS: &[&str] = &[
    "het hieu luc",
    "ngung hieu luc",
    "cham dut hieu luc",
    "bi bai bo",
    "duoc bai bo",
    "bi huy bo",
];

/// The kind of the citation of the number at `span` in `text`.
pub fn classify(text: &str, span: Range<usize>) -> CiteKind {
    let start = sentence_start(text, span.start);
    let end = sentence_end(text, span.end);
    let before = words(&text[start..span.start]);
    let after = words(&text[span.end..end]);
    let lead = &text[start..span.start];
    if lead.matches('(').count() > lead.matches(')').count()
        || lead.matches('“').count() > lead.matches('”').count()
    {
        // An aside, "(Công văn số 4736/BĐVN-TCBC ngày 20/10/2018)", or
        // words quoted: "Thay thế cụm từ “Quyết định số 1719/QĐ-TTg” …".
        return CiteKind::Mentions;
    }
    let mut kind = governing(&before).unwrap_or_default();
    if kind == CiteKind::Mentions && subject_like(&before) && start_of_list_item(text, start) {
        kind = list_head(text, start).unwrap_or_default();
    }
    if kind == CiteKind::Mentions && subject_like(&before) && ends_in_force(&after) {
        kind = CiteKind::Repeals;
    }
    kind
}

/// The byte range of the sentence around `span` (what [`classify`] reads).
pub fn sentence_of(text: &str, span: Range<usize>) -> Range<usize> {
    sentence_start(text, span.start)..sentence_end(text, span.end)
}

/// The article cited with the number at `start`: "Điều 5 Quyết định số …",
/// "khoản 2 Điều 5 của Nghị định số …" give 5.
pub fn article_before(text: &str, start: usize) -> Option<u32> {
    let from = floor(text, start.saturating_sub(80));
    let w = words(&text[from..start]);
    let mut i = w.len();
    let step = |i: &mut usize, word: &str| {
        if *i > 0 && w[*i - 1] == word {
            *i -= 1;
            true
        } else {
            false
        }
    };
    step(&mut i, "so");
    // The type word: up to four plain words.
    let mut n = 0;
    while n < 4 && i > 0 && w[i - 1].chars().all(|c| c.is_ascii_lowercase()) {
        if w[i - 1] == "dieu" || w[i - 1] == "cua" {
            break;
        }
        i -= 1;
        n += 1;
    }
    if n == 0 {
        return None;
    }
    step(&mut i, "cua");
    if i < 2 || w[i - 2] != "dieu" {
        return None;
    }
    w[i - 1].parse().ok().filter(|&a| a > 0 && a < 1000)
}

/// Folded words of `s`: letters, digits, `/` and `-` kept, the rest
/// separating words.
fn words(s: &str) -> Vec<String> {
    crate::text::fold(s)
        .split(|c: char| !(c.is_alphanumeric() || c == '/' || c == '-'))
        .filter(|w| !w.is_empty() && *w != "-")
        .map(str::to_string)
        .collect()
}

/// A word that is a document number: a digit, a letter and a `/`.
fn is_number(w: &str) -> bool {
    w.contains('/') && w.chars().any(|c| c.is_ascii_digit()) && w.chars().any(|c| c.is_alphabetic())
}

fn floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Whether a sentence ends just before byte `i` (looking back from `i`).
fn boundary_before(b: &[u8], i: usize) -> bool {
    // A blank line, a table cell, or ". " / "; " at a line's end.
    match b[i - 1] {
        b'|' => true,
        b'\n' => {
            let mut j = i - 1;
            while j > 0 && matches!(b[j - 1], b' ' | b'\t' | b'\r') {
                j -= 1;
            }
            j > 0 && b[j - 1] == b'\n'
        }
        b' ' | b'\t' => i >= 2 && matches!(b[i - 2], b'.' | b'!' | b'?'),
        _ => false,
    }
}

/// Words that open a new clause at the start of a line, though the line
/// before has no final stop (preambles often have none).
const OPENERS: &[&str] = &["can cu", "xet ", "theo de nghi", "quyet dinh:"];

/// Whether a clause opens at `i`: after a line break or "; ", a capital
/// opener ("Căn cứ", "Xét", "Theo đề nghị").
fn opens_clause(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    let after_break = i > 0 && b[i - 1] == b'\n';
    let after_semicolon = i > 1 && b[i - 1] == b' ' && b[i - 2] == b';';
    if !(after_break || after_semicolon) {
        return false;
    }
    let rest = text[i..].trim_start_matches([' ', '\t', '*', '_']);
    if !rest.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let head: String = rest.chars().take(14).collect();
    let head = crate::text::fold(&head);
    OPENERS.iter().any(|o| head.starts_with(o))
}

fn sentence_start(text: &str, pos: usize) -> usize {
    let b = text.as_bytes();
    let lower = pos.saturating_sub(REACH);
    let mut i = pos;
    while i > lower {
        if boundary_before(b, i) || (text.is_char_boundary(i) && opens_clause(text, i)) {
            return i;
        }
        i -= 1;
    }
    ceil(text, i)
}

fn sentence_end(text: &str, pos: usize) -> usize {
    let b = text.as_bytes();
    let upper = (pos + REACH).min(b.len());
    let mut i = pos;
    while i < upper {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == b'|' {
            return i;
        }
        if matches!(c, b'.' | b'!' | b'?') && next.is_none_or(|n| n.is_ascii_whitespace()) {
            return i;
        }
        if matches!(c, b'\n' | b' ') && text.is_char_boundary(i + 1) && opens_clause(text, i + 1) {
            return i;
        }
        if c == b'\n' {
            let mut j = i + 1;
            while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\r') {
                j += 1;
            }
            if j >= b.len() || b[j] == b'\n' {
                return i;
            }
        }
        i += 1;
    }
    floor(text, i)
}

/// Whether the cue at `w[i..i + n]` is said by the citing document: not
/// passive, not negated, not a type word.
fn is_cue(w: &[String], i: usize, n: usize, kind: CiteKind) -> bool {
    let prev = |k: usize| i.checked_sub(k).map(|j| w[j].as_str());
    if matches!(prev(1), Some("duoc" | "bi" | "khong" | "chua" | "da")) {
        return false;
    }
    if kind == CiteKind::Repeals && w[i] == "huy" && prev(1) == Some("chi") {
        // "Bộ Chỉ huy Bộ đội Biên phòng", "Chỉ huy bộ phận": a name, no cue.
        return false;
    }
    let next = w.get(i + n).map(String::as_str);
    if kind == CiteKind::Guides && n == 2 {
        // "Hướng dẫn số 11-HD/VPTW", "theo hướng dẫn", "hướng dẫn tại".
        if matches!(next, Some("so" | "tai" | "cua")) || next.is_some_and(is_number) {
            return false;
        }
        if matches!(prev(1), Some("theo" | "cac" | "nhung" | "va")) {
            return false;
        }
    }
    if kind == CiteKind::Implements && matches!(next, Some("theo")) {
        // "thực hiện theo …" reads the cited document, not the one it implements.
        return false;
    }
    true
}

/// Words that may open a clause before its cue: markers, type words, the
/// citing document itself ("Quyết định này có hiệu lực kể từ ngày ký và
/// thay thế …"), a plan's or report's own title ("Kế hoạch triển khai …").
const LEAD_IN: &[&str] = &[
    "de", "nham", "tiep", "tuc", "to", "chuc", "chu", "dong", "ban", "hanh", "ke", "hoach", "v/v",
    "ve", "viec", "nay", "co", "hieu", "luc", "thi", "tu", "ngay", "ky", "va", "thoi", "sau",
    "thang", "nam", "quyet", "dinh", "thong", "nghi", "chi", "cong", "van", "bao", "cao", "ket",
    "qua", "luan", "dien", "quy", "huong", "dan", "lien", "tich", "chuong", "trinh", "de", "an",
    "dieu", "khoan", "diem", "muc", "phu", "mot", "so", "cac", "day", "toan", "bo", "phan", "hoac",
    "nhu", "cua", "noi", "dung", "tai", "sua", "doi", "bai", "thay", "the", "huy", "dinh", "chinh",
    "trien", "khai", "thuc", "hien", "quan", "triet", "tiet", "ii", "iii", "iv", "vi", "vii",
];

/// Words between a cue and a number that take the number out of the cue's
/// reach.
const BLOCKERS: &[&str] = &["theo", "tai", "boi", "xet", "kem", "voi", "khi", "neu"];

fn lead_in(w: &str) -> bool {
    // Digits, and dates written with digits ("có hiệu lực từ ngày
    // 18/1/2024 và thay thế …").
    w.chars()
        .all(|c| c.is_ascii_digit() || c == '/' || c == '-')
        || w.chars().count() == 1
        || LEAD_IN.contains(&w)
}

/// The strongest cue opening the clause `w` (only lead-in words and
/// other cues before it, no cited number), unless the text between it and
/// the end reads "quy định tại".
fn governing(w: &[String]) -> Option<CiteKind> {
    let first_number = w.iter().position(|x| is_number(x)).unwrap_or(w.len());
    let mut best: Option<(CiteKind, usize)> = None;
    let mut i = 0;
    while i < first_number {
        let mut matched = 0;
        for (cue, kind) in CUES {
            let parts: Vec<&str> = cue.split(' ').collect();
            let n = parts.len();
            if i + n <= first_number
                && w[i..i + n].iter().zip(&parts).all(|(a, b)| a == b)
                && is_cue(w, i, n, *kind)
            {
                if best.is_none_or(|(k, _)| *kind > k) {
                    best = Some((*kind, i + n));
                }
                matched = n;
                break;
            }
        }
        if matched == 0 && !lead_in(&w[i]) {
            break;
        }
        if best.is_some_and(|(k, _)| k == CiteKind::Basis) {
            // "Căn cứ …" is the whole clause's: no later cue upgrades it.
            break;
        }
        i += matched.max(1);
    }
    let (kind, at) = best?;
    // "… theo Luật số 03/2016/QH14", "… tại Tờ trình số …", "Xét đề nghị …":
    // the number is read through something else than the cue.
    if w[at..].iter().any(|x| BLOCKERS.contains(&x.as_str())) {
        return None;
    }
    // A cue after an earlier number describes that one ("Kế hoạch số 283
    // … về thực hiện Nghị quyết số 71"): what follows is not this cue's.
    let later = &w[first_number.min(w.len())..];
    if CUES.iter().any(|(cue, _)| {
        let parts: Vec<&str> = cue.split(' ').collect();
        later
            .windows(parts.len())
            .any(|x| x.iter().zip(&parts).all(|(a, b)| a == b))
    }) {
        return None;
    }
    Some(kind)
}

/// Whether the sentence starting at `start` opens a list item: "a)",
/// "-", "+", or right after a paragraph ending with ";" or ":".
fn start_of_list_item(text: &str, start: usize) -> bool {
    let line = text[start..].trim_start_matches([' ', '\t', '\n', '\r', '*', '_']);
    let mut chars = line.chars();
    let first = chars.next();
    let second = chars.next();
    matches!(first, Some('-' | '+' | '•' | '–'))
        || (first.is_some_and(char::is_alphabetic) && second == Some(')'))
        || previous_paragraph(text, start).is_some_and(|p| p.ends_with([';', ':', ',']))
}

/// The text of the paragraph before the one starting at `start`, trimmed
/// of spaces and emphasis, page numbers skipped.
fn previous_paragraph(text: &str, start: usize) -> Option<&str> {
    let mut end = start;
    loop {
        let before = text[..end].trim_end_matches([' ', '\t', '\n', '\r']);
        if before.is_empty() || start - before.len() > HEAD_REACH {
            return None;
        }
        let from = before.rfind("\n\n").map_or(0, |p| p + 2);
        let from = sentence_start(before, before.len()).max(from);
        let para = before[from..].trim_matches([' ', '\t', '\n', '\r', '*', '_']);
        if !para.is_empty() && para.chars().all(|c| c.is_ascii_digit()) {
            end = from;
            continue;
        }
        return Some(para);
    }
}

/// The kind a list's head says of its items: the nearest paragraph before
/// `start` that ends with ":", reached over items ending with ";" or ",".
fn list_head(text: &str, start: usize) -> Option<CiteKind> {
    let mut end = start;
    for _ in 0..40 {
        let para = previous_paragraph(text, end)?;
        let at = para.as_ptr() as usize - text.as_ptr() as usize;
        if start - at > HEAD_REACH {
            return None;
        }
        if para.ends_with(':') {
            let w = words(para);
            if w.iter().any(|x| is_number(x)) {
                return None;
            }
            return governing(&w).or_else(|| ends_in_force(&w).then_some(CiteKind::Repeals));
        }
        if !para.ends_with([';', ',']) {
            return None;
        }
        end = sentence_start(text, at);
        if end >= at {
            end = at;
        }
    }
    None
}

/// Whether the words before a number leave it the subject of its sentence:
/// no verb of another document's, no "theo"/"tại" reading it.
fn subject_like(before: &[String]) -> bool {
    before
        .iter()
        .all(|w| lead_in(w) && !matches!(w.as_str(), "theo" | "tai" | "cua" | "ve" | "ngay"))
}

/// Whether `after` says the document loses force, in this document's voice.
fn ends_in_force(after: &[String]) -> bool {
    ENDINGS.iter().any(|e| {
        let parts: Vec<&str> = e.split(' ').collect();
        after.windows(parts.len()).enumerate().any(|(i, x)| {
            x.iter().zip(&parts).all(|(a, b)| a == b)
                && !(i > 0 && after[i - 1] == "da")
                && !after[..i].iter().any(|w| is_number(w))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(sentence: &str, number: &str) -> CiteKind {
        let at = sentence.find(number).unwrap_or_else(|| panic!("{number}"));
        classify(sentence, at..at + number.len())
    }

    #[test]
    fn cues_at_the_head_of_a_sentence() {
        use CiteKind::*;
        let cases = [
            (
                "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;",
                Basis,
            ),
            (
                "Thực hiện Công văn số 176-CV/TU ngày 15/6/2021 của Tỉnh ủy, UBND tỉnh yêu cầu:",
                Implements,
            ),
            (
                "Tổ chức quán triệt toàn văn Kết luận số 07-KL/TW của Bộ Chính trị.",
                Implements,
            ),
            (
                "Hướng dẫn thi hành Nghị định số 30/2020/NĐ-CP về công tác văn thư.",
                Guides,
            ),
            (
                "Sửa đổi, bổ sung Điều 1 Quyết định số 12/2020/QĐ-UBND như sau:",
                Amends,
            ),
            (
                "Chỉ thị này thay thế Chỉ thị số 16/CT-UBND ngày 01/4/2021.",
                Replaces,
            ),
            // A numeric date before the cue is a lead-in, as the long form is.
            (
                "Quyết định này có hiệu lực từ ngày 18/1/2024 và thay thế Quyết định số 08/2020/QĐ-TTg ngày 11/3/2020.",
                Replaces,
            ),
            // "Chỉ huy Bộ đội" is a name, not "hủy bỏ" (the subject before
            // the cue leaves a mention, never a repeal).
            (
                "Bộ Chỉ huy Bộ đội Biên phòng tỉnh tham mưu triển khai có hiệu quả Công văn số 4237/BKHĐT-TH ngày 07/8/2023.",
                Mentions,
            ),
            (
                "Bãi bỏ Quyết định số 12/2020/QĐ-UBND ngày 01/02/2020.",
                Repeals,
            ),
            (
                "Đính chính Quyết định số 1870/QĐ-UBND ngày 10/9/2021 như sau:",
                Corrects,
            ),
            (
                "Quyết định số 12/2020/QĐ-UBND hết hiệu lực kể từ ngày Quyết định này có hiệu lực.",
                Repeals,
            ),
        ];
        for (s, k) in cases {
            let n = s
                .split_whitespace()
                .find(|w| w.contains('/') && w.chars().any(char::is_alphabetic))
                .unwrap();
            let n = n.trim_end_matches([',', ';', '.', ':']);
            assert_eq!(kind(s, n), k, "{s}");
        }
    }

    #[test]
    fn not_said_by_the_citing_document() {
        use CiteKind::*;
        // Passive: another document amended it.
        let s = "Quyết định số 12/2020/QĐ-UBND đã được sửa đổi bởi Quyết định số 5/2021/QĐ-UBND.";
        assert_eq!(kind(s, "12/2020/QĐ-UBND"), Mentions);
        assert_eq!(kind(s, "5/2021/QĐ-UBND"), Mentions);
        let s = "Thực hiện theo quy định tại Điều 5 Thông tư số 01/2011/TT-BNV.";
        assert_eq!(kind(s, "01/2011/TT-BNV"), Mentions);
        let s = "Theo quy định tại Điều 5 Thông tư số 01/2011/TT-BNV, các cơ quan phải lập hồ sơ.";
        assert_eq!(kind(s, "01/2011/TT-BNV"), Mentions);
        let s = "Quyết định này không thay thế Quyết định số 12/2020/QĐ-UBND.";
        assert_eq!(kind(s, "12/2020/QĐ-UBND"), Mentions);
        // A cue after another number describes that one.
        let s =
            "Thực hiện Kế hoạch số 283/KH-UBND của UBND tỉnh về thực hiện Nghị quyết số 71/NQ-CP.";
        assert_eq!(kind(s, "283/KH-UBND"), Implements);
        assert_eq!(kind(s, "71/NQ-CP"), Mentions);
        let s = "Đề nghị các đơn vị nghiên cứu Thông tư số 09/2013/TT-BXD của Bộ Xây dựng hướng dẫn Quyết định số 22/2013/QĐ-TTg.";
        assert_eq!(kind(s, "22/2013/QĐ-TTg"), Mentions);
        // A type word is no cue.
        let s = "Hướng dẫn này thay thế Hướng dẫn số 11-HD/VPTW ngày 28/5/2004.";
        assert_eq!(kind(s, "11-HD/VPTW"), Replaces);
        let s = "Thực hiện Hướng dẫn số 11-HD/VPTW ngày 28/5/2004, Ban Tuyên giáo đề nghị:";
        assert_eq!(kind(s, "11-HD/VPTW"), Implements);
        let s = "Ban hành kèm theo Hướng dẫn số 11-HD/VPTW ngày 28/5/2004.";
        assert_eq!(kind(s, "11-HD/VPTW"), Mentions);
        let s = "Do Quyết định số 12/2020/QĐ-UBND đã hết hiệu lực, đề nghị báo cáo.";
        assert_eq!(kind(s, "12/2020/QĐ-UBND"), Mentions);
    }

    #[test]
    fn a_list_carries_its_head() {
        let s = "2. Bãi bỏ các Thông tư sau:\n\na) Thông tư số 57/2014/TT-BCT ngày 19 tháng 12 năm 2014;\n\n24\n\nb) Thông tư số 31/2022/TT-BCT ngày 08 tháng 11 năm 2022.\n\n3. Thông tư số 15/2022/TT-BCT được áp dụng.";
        assert_eq!(kind(s, "57/2014/TT-BCT"), CiteKind::Repeals);
        assert_eq!(kind(s, "31/2022/TT-BCT"), CiteKind::Repeals);
        assert_eq!(kind(s, "15/2022/TT-BCT"), CiteKind::Mentions);
        let s = "Các Quyết định sau đây hết hiệu lực kể từ ngày Quyết định này có hiệu lực:\n\na) Quyết định số 14/2021/QĐ-UBND ngày 20 tháng 8 năm 2021;\n";
        assert_eq!(kind(s, "14/2021/QĐ-UBND"), CiteKind::Repeals);
        let s = "Quyết định này có hiệu lực kể từ ngày ký và thay thế các Quyết định: Quyết định số 110/2005/QĐ-UBND ngày 29/12/2005; Quyết định số 42/2007/QĐ-UBND ngày 31/12/2007 về việc sửa đổi Quyết định số 7/2004/QĐ-UBND.";
        assert_eq!(kind(s, "42/2007/QĐ-UBND"), CiteKind::Replaces);
    }

    #[test]
    fn articles_before_the_number() {
        let s = "theo khoản 2 Điều 5 của Nghị định số 30/2020/NĐ-CP và Điều 3 Quyết định số 1870/QĐ-UBND, Quyết định số 5/QĐ-UBND";
        let at = |n: &str| s.find(n).unwrap_or(0);
        assert_eq!(article_before(s, at("30/2020")), Some(5));
        assert_eq!(article_before(s, at("1870/")), Some(3));
        assert_eq!(article_before(s, at("5/QĐ")), None);
    }
}

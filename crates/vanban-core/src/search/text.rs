//! The tokenizer shared with `search.js` (the rules are in the module doc
//! of [`crate::search`]), the number-token detector and a cheap Markdown
//! to plain text conversion for the index.

use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Longest token kept, in characters of its folded form. Longer runs are
/// dropped and break pairs (a hostile 100,000-letter "word" indexes nothing).
pub const MAX_TOKEN_CHARS: usize = 40;

/// Most parts a number token may have (`05/2021/TTLT-BTC-BQP` has five).
const MAX_NUMBER_PARTS: usize = 6;

/// What separates a token from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// The first token of the text.
    Start,
    /// Only white space (at most one line feed).
    Space,
    /// One `/`, `-`, `‐` or `–`, with white space around it or not: the glue
    /// inside document numbers (`176-CV/TU`, `1507 /UBND-TH`).
    Joiner,
    /// Other punctuation that does not end a sentence (commas, quotes, brackets).
    Other,
    /// A sentence or block end: `. ! ? ; : … |`, a blank line, or a dropped
    /// over-long token. Pairs never cross it.
    Break,
}

/// One token: its folded form, its exact form when that differs (only
/// computed on request) and what separates it from the previous token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub folded: String,
    /// Lower case, NFC, marks kept; `None` when equal to `folded`.
    pub exact: Option<String>,
    pub gap: Gap,
}

/// How one character of the NFD text takes part in tokens.
#[derive(Debug, Clone)]
enum Part {
    /// Not a word character.
    Sep(char),
    /// A combining mark: part of a word, folds to nothing.
    Mark(char),
    /// A letter or digit and its folded form.
    Word(char, Box<str>),
}

/// The NFD parts of every character below U+2000 (Latin, Vietnamese,
/// Greek, Cyrillic and the combining marks), computed once.
fn table() -> &'static [Box<[Part]>] {
    static TABLE: OnceLock<Vec<Box<[Part]>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0u32..0x2000)
            .map(|u| char::from_u32(u).map(parts_of).unwrap_or_default())
            .collect()
    })
}

/// How a character below U+2000 tokenizes, without looking at its parts:
/// a separator, or letters, digits and marks folding to `folded`, or
/// neither (mixed: read its parts).
#[derive(Clone, Copy)]
enum Fast {
    Sep,
    Word { folded: &'static str, chars: u8 },
    Mixed,
}

fn fast_table() -> &'static [Fast] {
    static FAST: OnceLock<Vec<Fast>> = OnceLock::new();
    FAST.get_or_init(|| {
        table()
            .iter()
            .map(|parts| match &parts[..] {
                [Part::Sep(_)] => Fast::Sep,
                _ if parts.iter().all(|p| !matches!(p, Part::Sep(_))) && !parts.is_empty() => {
                    let folded: String = parts
                        .iter()
                        .filter_map(|p| match p {
                            Part::Word(_, f) => Some(&**f),
                            _ => None,
                        })
                        .collect();
                    let chars = folded.chars().count() as u8;
                    Fast::Word {
                        folded: Box::leak(folded.into_boxed_str()),
                        chars,
                    }
                }
                _ => Fast::Mixed,
            })
            .collect()
    })
}

fn parts_of(c: char) -> Box<[Part]> {
    let mut parts = Vec::new();
    decompose_canonical(c, |d| {
        parts.push(if is_combining_mark(d) {
            Part::Mark(d)
        } else if d.is_alphanumeric() {
            Part::Word(d, crate::text::fold(d.encode_utf8(&mut [0; 4])).into())
        } else {
            Part::Sep(d)
        })
    });
    parts.into_boxed_slice()
}

/// True for the characters that end a sentence or a block.
fn is_break_char(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | ';' | ':' | '…' | '|')
}

fn is_joiner_char(c: char) -> bool {
    matches!(c, '/' | '-' | '‐' | '–')
}

/// Streams the tokens of `text` to `emit`, reusing one buffer: the
/// callback gets the folded form, the exact form (only when `exact` is
/// asked for and it differs) and the gap.
pub fn for_each_token(text: &str, exact: bool, mut emit: impl FnMut(&str, Option<&str>, Gap)) {
    let mut t = Tokenizer::new(exact);
    let table = table();
    let fast = fast_table();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            // ASCII, most of the text: no decoding.
            if b.is_ascii_alphanumeric() {
                t.ascii(b.to_ascii_lowercase());
            } else {
                t.sep(char::from(b), &mut emit);
            }
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().expect("a char starts here");
        i += c.len_utf8();
        if (c as u32) < 0x2000 {
            // Exact forms need the parts; folding alone does not.
            match fast[c as usize] {
                Fast::Sep => t.sep(c, &mut emit),
                Fast::Word { folded, chars } if !exact => t.folded(folded, chars),
                _ => {
                    for part in table[c as usize].iter() {
                        t.part(part, &mut emit);
                    }
                }
            }
        } else {
            for part in parts_of(c).iter() {
                t.part(part, &mut emit);
            }
        }
    }
    t.finish(&mut emit);
}

/// The tokens of `text` as owned values (tests and the query side).
pub fn tokenize(text: &str, exact: bool) -> Vec<Token> {
    let mut out = Vec::new();
    for_each_token(text, exact, |folded, exact, gap| {
        out.push(Token {
            folded: folded.to_owned(),
            exact: exact.map(str::to_owned),
            gap,
        })
    });
    out
}

/// The adjacent-syllable pairs of `text`, as `"a b"`, in order.
pub fn pairs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut prev: Option<String> = None;
    for_each_token(text, false, |folded, _, gap| {
        if let (Some(p), Gap::Space | Gap::Joiner | Gap::Other) = (&prev, gap) {
            out.push(format!("{p} {folded}"));
        }
        prev = Some(folded.to_owned());
    });
    out
}

struct Tokenizer {
    want_exact: bool,
    folded: String,
    folded_chars: usize,
    /// The run's NFD characters, lower-cased, when exact forms are wanted.
    raw: String,
    in_run: bool,
    started: bool,
    // What has been seen since the previous emitted token.
    newlines: u8,
    broken: bool,
    joiners: u8,
    other: bool,
}

impl Tokenizer {
    fn new(want_exact: bool) -> Self {
        Tokenizer {
            want_exact,
            folded: String::new(),
            folded_chars: 0,
            raw: String::new(),
            in_run: false,
            started: false,
            newlines: 0,
            broken: false,
            joiners: 0,
            other: false,
        }
    }

    fn part(&mut self, part: &Part, emit: &mut impl FnMut(&str, Option<&str>, Gap)) {
        match part {
            Part::Sep(c) => self.sep(*c, emit),
            Part::Mark(m) => {
                self.in_run = true;
                if self.want_exact {
                    self.raw.extend(m.to_lowercase());
                }
            }
            Part::Word(c, f) => {
                self.in_run = true;
                self.folded.push_str(f);
                self.folded_chars += f.chars().count();
                if self.want_exact {
                    self.raw.extend(c.to_lowercase());
                }
            }
        }
    }

    /// A character that is all letters, digits or marks, folding to `f`
    /// (exact forms not wanted).
    #[inline]
    fn folded(&mut self, f: &str, chars: u8) {
        self.in_run = true;
        match f.as_bytes() {
            [b] => self.folded.push(char::from(*b)),
            _ => self.folded.push_str(f),
        }
        self.folded_chars += usize::from(chars);
    }

    /// An ASCII letter (lower-cased) or digit.
    #[inline]
    fn ascii(&mut self, lower: u8) {
        self.in_run = true;
        self.folded.push(char::from(lower));
        self.folded_chars += 1;
        if self.want_exact {
            self.raw.push(char::from(lower));
        }
    }

    fn sep(&mut self, c: char, emit: &mut impl FnMut(&str, Option<&str>, Gap)) {
        if self.in_run {
            self.end_run(emit);
        }
        if c == '\n' {
            self.newlines = self.newlines.saturating_add(1);
            if self.newlines >= 2 {
                self.broken = true;
            }
        } else if c.is_whitespace() {
        } else if is_break_char(c) {
            self.broken = true;
        } else if is_joiner_char(c) {
            self.joiners = self.joiners.saturating_add(1);
        } else {
            self.other = true;
        }
    }

    fn end_run(&mut self, emit: &mut impl FnMut(&str, Option<&str>, Gap)) {
        self.in_run = false;
        if self.folded_chars > MAX_TOKEN_CHARS {
            self.broken = true;
        } else if !self.folded.is_empty() {
            let gap = if !self.started {
                Gap::Start
            } else if self.broken {
                Gap::Break
            } else if self.other || self.joiners > 1 {
                Gap::Other
            } else if self.joiners == 1 {
                Gap::Joiner
            } else {
                Gap::Space
            };
            let exact = if self.want_exact && self.raw != self.folded {
                let nfc: String = self.raw.nfc().collect();
                (nfc != self.folded).then_some(nfc)
            } else {
                None
            };
            emit(&self.folded, exact.as_deref(), gap);
            self.started = true;
            self.newlines = 0;
            self.broken = false;
            self.joiners = 0;
            self.other = false;
        }
        self.folded.clear();
        self.folded_chars = 0;
        self.raw.clear();
    }

    fn finish(&mut self, emit: &mut impl FnMut(&str, Option<&str>, Gap)) {
        if self.in_run {
            self.end_run(emit);
        }
    }
}

/// Finds document numbers in a token stream: a run of ASCII digits, then
/// one to five more tokens each glued by a [`Gap::Joiner`], at least one
/// of them holding a letter (`176-CV/TU`, `23/2021/QĐ-TTg`,
/// `1507 /UBND-TH`; not `15/6/2021`, not `Covid-19`). Feed it every token
/// with [`NumberFinder::push`] and call [`NumberFinder::finish`] at the end.
#[derive(Default)]
pub struct NumberFinder {
    parts: Vec<String>,
    len: usize,
}

impl NumberFinder {
    pub fn push(&mut self, folded: &str, gap: Gap, found: &mut impl FnMut(&str)) {
        if self.len > 0 && gap == Gap::Joiner && self.len < MAX_NUMBER_PARTS {
            self.set(self.len, folded);
            self.len += 1;
            return;
        }
        self.finish(found);
        if folded.bytes().all(|b| b.is_ascii_digit()) {
            self.set(0, folded);
            self.len = 1;
        }
    }

    fn set(&mut self, i: usize, s: &str) {
        if i == self.parts.len() {
            self.parts.push(String::new());
        }
        self.parts[i].clear();
        self.parts[i].push_str(s);
    }

    /// Ends the current candidate, reporting its number keys.
    pub fn finish(&mut self, found: &mut impl FnMut(&str)) {
        let parts = &self.parts[..self.len];
        self.len = 0;
        if parts.len() >= 2
            && parts[1..]
                .iter()
                .any(|p| p.bytes().any(|b| b.is_ascii_alphabetic()))
        {
            number_keys(parts, found);
        }
    }
}

/// The number keys of a number's parts: all parts joined by spaces, the
/// leading zeros of the first part dropped (`05/2021/…` is `5 2021 …`), and,
/// when the second part is a year and more follow, the same without it
/// (`23/2021/QĐ-TTg` is also found as `23 qd ttg`).
pub fn number_keys(parts: &[impl AsRef<str>], found: &mut impl FnMut(&str)) {
    let mut key = String::new();
    key.push_str(strip_zeros(parts[0].as_ref()));
    for p in &parts[1..] {
        key.push(' ');
        key.push_str(p.as_ref());
    }
    found(&key);
    if parts.len() >= 3 && is_year(parts[1].as_ref()) {
        let mut short = String::from(strip_zeros(parts[0].as_ref()));
        for p in &parts[2..] {
            short.push(' ');
            short.push_str(p.as_ref());
        }
        found(&short);
    }
}

/// `"0045"` -> `"45"`, `"0"` -> `"0"`.
pub fn strip_zeros(s: &str) -> &str {
    let t = s.trim_start_matches('0');
    if t.is_empty() && !s.is_empty() {
        &s[s.len() - 1..]
    } else {
        t
    }
}

fn is_year(s: &str) -> bool {
    s.len() == 4
        && (s.starts_with("19") || s.starts_with("20"))
        && s.bytes().all(|b| b.is_ascii_digit())
}

/// The number keys found in `text` (tests and tools).
pub fn numbers(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut finder = NumberFinder::default();
    let mut found = |k: &str| out.push(k.to_owned());
    for t in tokenize(text, false) {
        finder.push(&t.folded, t.gap, &mut found);
    }
    finder.finish(&mut found);
    out
}

/// Markdown to plain text, cheaply: block markers at line starts become
/// block breaks (a blank line), link targets, raw HTML tags, footnote
/// references and emphasis marks are dropped. Good enough to index and to
/// show a leading excerpt; never parsed as HTML.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        let rest = strip_block_marker(trimmed);
        let block = rest.len() != trimmed.len();
        if block || trimmed.is_empty() {
            out.push('\n');
        }
        strip_inline(rest, &mut out);
        out.push('\n');
        if block {
            out.push('\n');
        }
    }
    out
}

/// Removes a heading, quote, list, table or footnote-definition marker.
fn strip_block_marker(line: &str) -> &str {
    let b = line.as_bytes();
    match b.first() {
        Some(b'#') | Some(b'>') | Some(b'|') => line.trim_start_matches(['#', '>', '|']),
        Some(b'-' | b'*' | b'+') if b.get(1) == Some(&b' ') => &line[2..],
        Some(b'[') if b.get(1) == Some(&b'^') => match line.find("]:") {
            Some(end) => &line[end + 2..],
            None => line,
        },
        Some(d) if d.is_ascii_digit() => {
            let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
            match b.get(digits) {
                Some(b'.' | b')') if b.get(digits + 1).is_none_or(|c| *c == b' ') => {
                    &line[digits + 1..]
                }
                _ => line,
            }
        }
        _ => line,
    }
}

/// Copies `s` without emphasis marks, link targets, HTML tags and
/// footnote references.
fn strip_inline(s: &str, out: &mut String) {
    const SPECIAL: [bool; 256] = {
        let mut t = [false; 256];
        t[b'*' as usize] = true;
        t[b'`' as usize] = true;
        t[b'<' as usize] = true;
        t[b'[' as usize] = true;
        t[b']' as usize] = true;
        t[b'\\' as usize] = true;
        t
    };
    let mut rest = s;
    while let Some(i) = rest.bytes().position(|b| SPECIAL[b as usize]) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let c = tail.as_bytes()[0];
        rest = match c {
            b'*' | b'`' => &tail[1..],
            b'\\' => {
                let mut chars = tail[1..].chars();
                match chars.next() {
                    Some(e) => {
                        out.push(e);
                        chars.as_str()
                    }
                    None => "",
                }
            }
            b'<' => match tail.find('>') {
                Some(end) if !tail[1..end].contains('<') => {
                    out.push(' ');
                    &tail[end + 1..]
                }
                _ => {
                    out.push('<');
                    &tail[1..]
                }
            },
            b'[' if tail.as_bytes().get(1) == Some(&b'^') => match tail.find(']') {
                Some(end) => &tail[end + 1..],
                None => &tail[1..],
            },
            b'[' => &tail[1..],
            _ => skip_link_target(&tail[1..]),
        };
    }
    out.push_str(rest);
}

/// After a `]`: drops a following `(target)`, nested brackets included.
fn skip_link_target(after: &str) -> &str {
    if !after.starts_with('(') {
        return after;
    }
    let mut depth = 0usize;
    for (i, b) in after.bytes().enumerate() {
        match b {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return &after[i + 1..];
                }
            }
            _ => {}
        }
    }
    after
}

/// The first `max_chars` characters of plain text with white space
/// collapsed, cut at a word boundary, `…` appended when cut.
pub fn leading_text(plain: &str, max_chars: usize) -> String {
    let mut out = String::new();
    let mut chars = 0;
    let mut cut = false;
    for word in plain.split_whitespace() {
        let n = word.chars().count();
        if chars + n + 1 > max_chars && chars > 0 {
            cut = true;
            break;
        }
        if !out.is_empty() {
            out.push(' ');
            chars += 1;
        }
        if n > max_chars {
            out.extend(word.chars().take(max_chars));
            cut = true;
            break;
        }
        out.push_str(word);
        chars += n;
    }
    if cut {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(s: &str) -> Vec<String> {
        tokenize(s, false).into_iter().map(|t| t.folded).collect()
    }

    #[test]
    fn tokens_are_folded_syllables() {
        assert_eq!(
            folded("Đồng Tháp, GIÃN CÁCH xã hội"),
            ["dong", "thap", "gian", "cach", "xa", "hoi"]
        );
        assert_eq!(folded("Ủy ban nhân dân"), ["uy", "ban", "nhan", "dan"]);
        assert_eq!(folded("COVID-19"), ["covid", "19"]);
    }

    #[test]
    fn decomposed_input_folds_like_composed() {
        let nfd: String = "Quảng Ngãi đảng".nfd().collect();
        assert_eq!(folded(&nfd), ["quang", "ngai", "dang"]);
        assert_eq!(tokenize(&nfd, true), tokenize("Quảng Ngãi đảng", true));
    }

    #[test]
    fn exact_form_keeps_marks_only_when_they_differ() {
        let t = tokenize("Đảng dang ĐANG", true);
        let exact: Vec<_> = t.iter().map(|t| t.exact.as_deref()).collect();
        assert_eq!(exact, [Some("đảng"), None, Some("đang")]);
    }

    #[test]
    fn pairs_cross_commas_and_hyphens_not_sentence_ends() {
        assert_eq!(pairs("phòng, chống dịch"), ["phong chong", "chong dich"]);
        assert_eq!(pairs("kinh tế - xã hội"), ["kinh te", "te xa", "xa hoi"]);
        assert_eq!(
            pairs("Tỉnh ủy. Ban chỉ đạo"),
            ["tinh uy", "ban chi", "chi dao"]
        );
        assert_eq!(pairs("a; b: c! d? e… f | g"), Vec::<String>::new());
        assert_eq!(
            pairs("một dòng\nhai dòng\n\nđoạn mới"),
            ["mot dong", "dong hai", "hai dong", "doan moi"]
        );
    }

    #[test]
    fn overlong_tokens_are_dropped_and_break_pairs() {
        let long = "a".repeat(MAX_TOKEN_CHARS + 1);
        assert_eq!(folded(&format!("x {long} y")), ["x", "y"]);
        assert!(pairs(&format!("x {long} y")).is_empty());
        let kept = "b".repeat(MAX_TOKEN_CHARS);
        assert_eq!(folded(&kept), std::slice::from_ref(&kept));
    }

    #[test]
    fn gaps_tell_joiners_from_other_punctuation() {
        let gaps: Vec<Gap> = tokenize("176-CV/TU (x), 1507 /UBND", false)
            .iter()
            .map(|t| t.gap)
            .collect();
        use Gap::*;
        assert_eq!(gaps, [Start, Joiner, Joiner, Other, Other, Joiner]);
    }

    #[test]
    fn numbers_in_every_spelling_share_one_key() {
        assert_eq!(numbers("Công văn số 176-CV/TU ngày"), ["176 cv tu"]);
        assert_eq!(numbers("176/cv-tu"), ["176 cv tu"]);
        assert_eq!(
            numbers("1099/CĐ-TTg và 1099/CD-TTG"),
            ["1099 cd ttg", "1099 cd ttg"]
        );
        assert_eq!(numbers("1507 /UBND-TH"), ["1507 ubnd th"]);
        assert_eq!(
            numbers("Quyết định 23/2021/QĐ-TTg"),
            ["23 2021 qd ttg", "23 qd ttg"]
        );
        assert_eq!(
            numbers("05/2021/TTLT-BTC-BQP"),
            ["5 2021 ttlt btc bqp", "5 ttlt btc bqp"]
        );
    }

    #[test]
    fn dates_and_words_with_digits_are_not_numbers() {
        assert!(numbers("ngày 15/6/2021 và 11-6-2021").is_empty());
        assert!(numbers("Covid-19 lan rộng").is_empty());
        assert!(
            numbers("176 CV TU").is_empty(),
            "spaces alone do not glue a number in text"
        );
    }

    #[test]
    fn plain_text_drops_markup_and_separates_blocks() {
        let md = "# Tiêu đề\nDòng **đậm** và [liên kết](https://x.org/a.js)[^1] [x](javascript:f(1)) y.\n- mục một\n- mục hai\n\n<b onclick=\"x\">chữ</b>\n\n[^1]: Chú thích";
        let plain = plain_text(md);
        assert!(!plain.contains("https") && !plain.contains("onclick") && !plain.contains('*'));
        assert!(plain.contains("Dòng đậm và liên kết x y."), "{plain}");
        assert!(
            pairs(&plain)
                .iter()
                .all(|p| p != "mot muc" && p != "de dong")
        );
        assert!(plain.contains("Chú thích"));
    }

    #[test]
    fn leading_text_cuts_at_a_word() {
        assert_eq!(leading_text("một  hai\nba bốn", 9), "một hai…");
        assert_eq!(leading_text("ngắn", 10), "ngắn");
    }
}

//! The grammar of document numbers (số, ký hiệu), per Nghị định 30/2020/NĐ-CP
//! (state bodies) and Hướng dẫn 36-HD/VPTW (Party bodies).
//!
//! A number is a sequence number (`số`) followed by a symbol (`ký hiệu`)
//! made of codes. Codes are upper-case letters (`Đ` included), optionally
//! followed by digits (`QH14`, `BCĐ389`); a few official codes mix cases
//! (`TTg`, `CTr`, `TTr`, `QyĐ`, `QĐi`, `ThU`, `TrS`).
//!
//! ```text
//! state, typed        SEQ "/" [YEAR "/"] TYPE "-" ISSUER {"-" UNIT}     107/NQ-CP, 23/2021/QĐ-TTg
//! state, joint        SEQ "/" YEAR "/" TTLT "-" ISSUER {"-" ISSUER}     01/2021/TTLT-BYT-BTC
//! state, Công văn     SEQ "/" ISSUER "-" UNIT {"-" UNIT}               1507/UBND-TH, 435/VP-KGVX
//! law                 SEQ "/" YEAR "/" ISSUER {"-" UNIT}               45/2019/QH14
//! Party               SEQ "-" TYPE "/" ISSUER {("-" | "/") UNIT} ["/nb"]  176-CV/TU, 07-KL/TW, 12-HD/BTGTW
//! ```
//!
//! TYPE is a code of Phụ lục III (see [`type_name`]); a state Công văn has
//! no type code, its symbol is the issuer and the drafting unit. A Party
//! number always carries its type, Công văn included (`CV`). YEAR is four
//! digits. SEQ is one to six digits; numbers under 10 usually carry a
//! leading zero, which does not change the number.
//!
//! Converted text damages numbers; the grammar accepts what is seen in
//! practice: `CD` for `CĐ`, `TTG` for `TTg`, `Ctr` for `CTr` (codes are
//! matched with `Đ` and `D` alike and without regard to case), and spaces or
//! one line break around the separators that the shape requires
//! (`1507 /UBND-TH`, `176-CV/\nTU`). Text that merely looks like a number
//! (dates such as `15/6/2021`, `Covid-19`, `2021-2026`, page numbers,
//! percentages) has no code in its symbol and is not a number.

/// A number taken apart. Codes are canonical (`CĐ`, `TTg`), the sequence
/// number and the units as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberParts {
    /// The sequence number, digits as printed (`07`).
    pub seq: String,
    /// The year written inside the number (`23/2021/QĐ-TTg`).
    pub year: Option<i32>,
    /// Canonical type code (`CĐ`, `QĐ`, `CTr`); `None` for a state Công
    /// văn and for laws.
    pub type_code: Option<String>,
    /// Canonical issuer code (`TTg`, `TU`, `UBND`, `QH14`); for a joint
    /// document the issuers joined by `-` (`BYT-BTC`).
    pub issuer_code: Option<String>,
    /// The drafting unit or units after the issuer (`TH`, `KGVX`).
    pub unit: Option<String>,
    /// A Party number (`NUM-TYPE/ISSUER`).
    pub party: bool,
    /// Byte offset, from the number's start, where conversion dropped the
    /// hyphen between type and issuer (`5969/QĐUBND`, `26/2021/TTBGTVT`):
    /// [`repaired`] puts it back.
    pub glued_at: Option<usize>,
}

impl NumberParts {
    /// The document type the number implies: the name of its type code,
    /// or "Công văn" for a state number made of issuer and unit.
    pub fn implied_type(&self) -> Option<&'static str> {
        match &self.type_code {
            Some(code) => type_name(code),
            None if !self.party && self.year.is_none() && self.unit.is_some() => Some("Công văn"),
            None => None,
        }
    }
}

/// Takes a number apart; `None` when `s` is not a number by the grammar
/// above. Surrounding whitespace is ignored.
pub fn parse(s: &str) -> Option<NumberParts> {
    let trimmed = s.trim();
    let start = s.len() - s.trim_start().len();
    let (end, parts) = scan(s, start)?;
    (end - start == trimmed.len()).then_some(parts)
}

/// Whether `number` is a Party number (`176-CV/TU`).
pub fn is_party(number: &str) -> bool {
    parse(number).is_some_and(|p| p.party)
}

/// The comparison key of a number: upper case, `Đ` as `D`, no spaces, any
/// dash as `-`, no leading zeros in the sequence number. `1099/CĐ-TTg`,
/// `1099/CD-TTG` and `1099 /CĐ-TTg` share one key, as do `07-KL/TW` and
/// `7-KL/TW`.
pub fn normalize(number: &str) -> String {
    let folded: String = crate::text::fold(number)
        .chars()
        .filter(|&c| !crate::text::is_space(c))
        .map(|c| if is_dash(c) { '-' } else { c })
        .collect::<String>()
        .to_uppercase();
    let digits = folded.bytes().take_while(u8::is_ascii_digit).count();
    let zeros = folded.bytes().take_while(|&b| b == b'0').count();
    if digits > 1 && zeros > 0 {
        folded[zeros.min(digits - 1)..].to_string()
    } else {
        folded
    }
}

/// A number as printed, without the stray spaces, invisible characters and
/// line breaks that conversion leaves inside it (`1507 /UBND-TH` →
/// `1507/UBND-TH`).
pub fn printed_number(s: &str) -> String {
    s.chars().filter(|&c| !crate::text::is_space(c)).collect()
}

/// The number printed at `text[start..end]` as it should read: without
/// stray spaces ([`printed_number`]) and with the hyphen conversion dropped
/// put back (`5969/QĐUBND` → `5969/QĐ-UBND`).
pub fn repaired(text: &str, start: usize, end: usize, parts: &NumberParts) -> String {
    match parts.glued_at {
        Some(at) if text.is_char_boundary(start + at) && start + at <= end => {
            let mut out = printed_number(&text[start..start + at]);
            out.push('-');
            out.push_str(&printed_number(&text[start + at..end]));
            out
        }
        _ => printed_number(&text[start..end]),
    }
}

/// Issuer codes that old numbers carry alone, with no type or unit
/// (`118/TTg`, `61/CP`, `201-CP`, `404-CP`: the Government's numbering
/// before Nghị định 30/2020/NĐ-CP and its forerunners).
const BARE_ISSUERS: &[&str] = &["TTg", "CP"];

/// Issuer codes followed by a term number (`QH14`, `UBTVQH15`): at most
/// two digits, so a third is a footnote mark.
const TERM_ISSUERS: &[&str] = &["QH", "UBTVQH"];

/// Type codes of Phụ lục III of Nghị định 30/2020/NĐ-CP, of normative
/// documents, and of Hướng dẫn 36-HD/VPTW, with their names. Order matters
/// where two codes differ only by `Đ`/`D` (`HD`/`HĐ`, `ĐA`/`DA`): a code
/// printed exactly is taken as printed, a damaged one as the first here.
const TYPES: &[(&str, &str)] = &[
    ("NQ", "Nghị quyết"),
    ("QĐ", "Quyết định"),
    ("QĐi", "Quy định"),
    ("QyĐ", "Quy định"),
    ("CT", "Chỉ thị"),
    ("QC", "Quy chế"),
    ("TC", "Thông cáo"),
    ("TB", "Thông báo"),
    ("HD", "Hướng dẫn"),
    ("HĐ", "Hợp đồng"),
    ("CTr", "Chương trình"),
    ("KH", "Kế hoạch"),
    ("PA", "Phương án"),
    ("ĐA", "Đề án"),
    ("DA", "Dự án"),
    ("BC", "Báo cáo"),
    ("BB", "Biên bản"),
    ("TTr", "Tờ trình"),
    ("CĐ", "Công điện"),
    ("BGN", "Bản ghi nhớ"),
    ("BTT", "Bản thỏa thuận"),
    ("GUQ", "Giấy ủy quyền"),
    ("GM", "Giấy mời"),
    ("GGT", "Giấy giới thiệu"),
    ("GNP", "Giấy nghỉ phép"),
    ("PG", "Phiếu gửi"),
    ("PC", "Phiếu chuyển"),
    ("PB", "Phiếu báo"),
    ("SY", "Bản sao y"),
    ("TrS", "Bản trích sao"),
    ("SL", "Bản sao lục"),
    ("KL", "Kết luận"),
    ("CV", "Công văn"),
    ("NĐ", "Nghị định"),
    ("TT", "Thông tư"),
    ("TTLT", "Thông tư liên tịch"),
    ("NQLT", "Nghị quyết liên tịch"),
    ("CTLT", "Chỉ thị liên tịch"),
    // Consolidated texts (Pháp lệnh hợp nhất văn bản quy phạm pháp luật):
    // `57/VBHN-BCT`, the consolidating ministry after the code.
    ("VBHN", "Văn bản hợp nhất"),
];

/// Joint types: every code after the type is an issuer.
const JOINT_TYPES: &[&str] = &["TTLT", "NQLT", "CTLT"];

/// Common issuer codes and the bodies they stand for.
const ISSUERS: &[(&str, &str)] = &[
    ("TTg", "Thủ tướng Chính phủ"),
    ("CP", "Chính phủ"),
    ("VPCP", "Văn phòng Chính phủ"),
    ("QH", "Quốc hội"),
    ("UBTVQH", "Ủy ban Thường vụ Quốc hội"),
    ("CTN", "Chủ tịch nước"),
    ("TW", "Trung ương"),
    ("VPTW", "Văn phòng Trung ương Đảng"),
    ("BTGTW", "Ban Tuyên giáo Trung ương"),
    ("BTCTW", "Ban Tổ chức Trung ương"),
    ("BDVTW", "Ban Dân vận Trung ương"),
    ("BNCTW", "Ban Nội chính Trung ương"),
    ("BKTTW", "Ban Kinh tế Trung ương"),
    ("BĐNTW", "Ban Đối ngoại Trung ương"),
    ("UBKTTW", "Ủy ban Kiểm tra Trung ương"),
    ("TU", "Tỉnh ủy"),
    ("VPTU", "Văn phòng Tỉnh ủy"),
    ("BTGTU", "Ban Tuyên giáo Tỉnh ủy"),
    ("BTCTU", "Ban Tổ chức Tỉnh ủy"),
    ("BDVTU", "Ban Dân vận Tỉnh ủy"),
    ("BNCTU", "Ban Nội chính Tỉnh ủy"),
    ("UBKTTU", "Ủy ban Kiểm tra Tỉnh ủy"),
    ("ThU", "Thành ủy"),
    ("HU", "Huyện ủy"),
    ("QU", "Quận ủy"),
    ("ĐU", "Đảng ủy"),
    ("ĐĐ", "Đảng đoàn"),
    ("BCSĐ", "Ban cán sự đảng"),
    ("UBND", "Ủy ban nhân dân"),
    ("HĐND", "Hội đồng nhân dân"),
    ("VP", "Văn phòng"),
    ("BCĐ", "Ban Chỉ đạo"),
    ("BCĐQG", "Ban Chỉ đạo quốc gia"),
    ("SYT", "Sở Y tế"),
    ("STC", "Sở Tài chính"),
    ("SNV", "Sở Nội vụ"),
    ("STP", "Sở Tư pháp"),
    ("SKHĐT", "Sở Kế hoạch và Đầu tư"),
    ("SCT", "Sở Công Thương"),
    ("SNNPTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
    ("SGTVT", "Sở Giao thông vận tải"),
    ("SXD", "Sở Xây dựng"),
    ("STNMT", "Sở Tài nguyên và Môi trường"),
    ("STTTT", "Sở Thông tin và Truyền thông"),
    ("SLĐTBXH", "Sở Lao động - Thương binh và Xã hội"),
    ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch"),
    ("SKHCN", "Sở Khoa học và Công nghệ"),
    ("SGDĐT", "Sở Giáo dục và Đào tạo"),
    ("SNgV", "Sở Ngoại vụ"),
    ("BYT", "Bộ Y tế"),
    ("BTC", "Bộ Tài chính"),
    ("BCA", "Bộ Công an"),
    ("BQP", "Bộ Quốc phòng"),
    ("BNG", "Bộ Ngoại giao"),
    ("BNV", "Bộ Nội vụ"),
    ("BTP", "Bộ Tư pháp"),
    ("BKHĐT", "Bộ Kế hoạch và Đầu tư"),
    ("BCT", "Bộ Công Thương"),
    ("BNNPTNT", "Bộ Nông nghiệp và Phát triển nông thôn"),
    ("BGTVT", "Bộ Giao thông vận tải"),
    ("BXD", "Bộ Xây dựng"),
    ("BTNMT", "Bộ Tài nguyên và Môi trường"),
    ("BTTTT", "Bộ Thông tin và Truyền thông"),
    ("BLĐTBXH", "Bộ Lao động - Thương binh và Xã hội"),
    ("BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch"),
    ("BKHCN", "Bộ Khoa học và Công nghệ"),
    ("BGDĐT", "Bộ Giáo dục và Đào tạo"),
    ("NHNN", "Ngân hàng Nhà nước Việt Nam"),
    ("TTCP", "Thanh tra Chính phủ"),
    ("UBDT", "Ủy ban Dân tộc"),
    ("BHXH", "Bảo hiểm xã hội"),
    ("MTTQ", "Mặt trận Tổ quốc Việt Nam"),
];

/// Issuer codes of provincial and lower bodies: every province has its own
/// body with this code, so a number with it names nothing without a place.
const LOCAL_ISSUERS: &[&str] = &[
    "TU", "VPTU", "BTGTU", "BTCTU", "BDVTU", "BNCTU", "UBKTTU", "ThU", "HU", "QU", "ĐU", "UBND",
    "HĐND", "VP", "SYT", "BCĐ",
];

/// The name of a type code (`CĐ` → "Công điện"); damaged spellings such as
/// `CD` or `Ctr` are understood.
pub fn type_name(code: &str) -> Option<&'static str> {
    canonical_type(code).map(|(_, name)| name)
}

/// The body an issuer code stands for (`TTg` → "Thủ tướng Chính phủ",
/// `QH14` → "Quốc hội"); damaged spellings such as `TTG` are understood.
pub fn issuer_name(code: &str) -> Option<&'static str> {
    let letters = code.trim_end_matches(|c: char| c.is_ascii_digit());
    lookup(ISSUERS, letters).map(|(_, name)| name)
}

/// Whether an issuer code names a provincial or lower body (`TU`, `UBND`,
/// `VP`, `VPTU` ...), which every province has.
pub fn is_local_issuer(code: &str) -> bool {
    LOCAL_ISSUERS.iter().any(|c| same_code(c, code))
        || issuer_name(code).is_some_and(|n| n.starts_with("Sở "))
        || (code.len() > 2 && code.to_ascii_uppercase().ends_with("TU"))
}

fn canonical_type(code: &str) -> Option<(&'static str, &'static str)> {
    lookup(TYPES, code)
}

fn canonical_issuer(code: &str) -> String {
    let letters = code.trim_end_matches(|c: char| c.is_ascii_digit());
    match lookup(ISSUERS, letters) {
        Some((canon, _)) => format!("{canon}{}", &code[letters.len()..]),
        None => code.to_string(),
    }
}

/// Exact spelling first, then `Đ`/`D` and case alike.
fn lookup(
    table: &'static [(&'static str, &'static str)],
    code: &str,
) -> Option<(&'static str, &'static str)> {
    if let Some(&hit) = table.iter().find(|(c, _)| *c == code) {
        return Some(hit);
    }
    table.iter().copied().find(|(c, _)| same_code(c, code))
}

/// Codes compared with `Đ` and `D` alike and without regard to case.
fn same_code(a: &str, b: &str) -> bool {
    fn key(c: char) -> char {
        match c {
            'Đ' | 'đ' => 'D',
            c => c.to_ascii_uppercase(),
        }
    }
    a.chars().map(key).eq(b.chars().map(key))
}

pub fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}')
}

/// Scans a number that starts with the digit at byte `start` of `text`.
/// Returns the byte where it ends and its parts. The caller decides whether
/// `start` may begin a number (what precedes it); this checks what follows.
pub fn scan(text: &str, start: usize) -> Option<(usize, NumberParts)> {
    let mut s = Scanner {
        text,
        pos: start,
        footnote: false,
    };
    let seq = s.seq()?;
    s.gap();
    let sep = s.separator()?;
    s.gap_after_slash();
    let parts = if sep == '-' {
        let save = s.pos;
        match s.party(seq) {
            Some(p) => p,
            None => {
                s.pos = save;
                s.bare(seq)?
            }
        }
    } else {
        s.state(seq)?
    };
    if seq.contains('.') && parts.year.is_none() {
        return None; // dotted numbers are those of resolutions with a year
    }
    // The number must end where its token ends: not inside a word, and not
    // before more codes the grammar refused (`1/A-B2/QĐ`); a footnote mark
    // glued to a code that takes no digits (`140/NQ-CP2`) is not the number.
    let mut next = text[s.pos..].chars();
    match (next.next(), next.next()) {
        (Some(c), _) if s.footnote && c.is_ascii_digit() => Some((s.pos, parts)),
        (Some(c), _) if c.is_alphanumeric() || is_combining(c) => None,
        (Some(c), Some(d))
            if (c == '/' || is_dash(c))
                && (d.is_ascii_digit() || d.is_ascii_uppercase() || d == 'Đ') =>
        {
            None
        }
        _ => Some((s.pos, parts)),
    }
}

fn is_combining(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// The most codes after the issuer (units, or joint issuers) a number has.
const MAX_CODES: usize = 4;

struct Scanner<'t> {
    text: &'t str,
    pos: usize,
    /// The last code ended before digits that are a footnote mark.
    footnote: bool,
}

impl<'t> Scanner<'t> {
    fn rest(&self) -> &'t str {
        &self.text[self.pos..]
    }

    /// One to `max` ASCII digits, not followed by another digit.
    fn digits(&mut self, max: usize) -> Option<&'t str> {
        let n = self.rest().bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 || n > max {
            return None;
        }
        let d = &self.rest()[..n];
        self.pos += n;
        Some(d)
    }

    /// The sequence number: digits, or the dotted number of a Government
    /// resolution (`66.15/2026/NQ-CP`).
    fn seq(&mut self) -> Option<&'t str> {
        let from = self.pos;
        self.digits(6)?;
        let rest = self.rest();
        if let Some(after) = rest.strip_prefix('.') {
            let n = after.bytes().take_while(u8::is_ascii_digit).count();
            if (1..=3).contains(&n) && after[n..].starts_with('/') {
                self.pos += 1 + n;
            }
        }
        Some(&self.text[from..self.pos])
    }

    /// `SEQ-CP`, `SEQ/TTg`: an old number made of a bare central issuer.
    fn bare(&mut self, seq: &str) -> Option<NumberParts> {
        let code = self.code()?;
        let (canon, _) = lookup(ISSUERS, code)?;
        if !BARE_ISSUERS.contains(&canon) {
            return None;
        }
        Some(NumberParts {
            seq: seq.to_string(),
            year: None,
            type_code: None,
            issuer_code: Some(canon.to_string()),
            unit: None,
            party: false,
            glued_at: None,
        })
    }

    /// Stray spaces and at most one line break, as converted text leaves
    /// them around separators.
    fn gap(&mut self) {
        self.gap_of(1);
    }

    /// After a `/`: also a paragraph break (`12/2024/`, blank line,
    /// `QĐ-TTg`), when a code's capital follows it. A `/` ends no
    /// paragraph but a broken number's.
    fn gap_after_slash(&mut self) {
        let save = self.pos;
        self.gap_of(2);
        let breaks = self.text[save..self.pos]
            .chars()
            .filter(|&c| crate::text::is_line_end(c))
            .count();
        if breaks > 1
            && !(self.text[..save].ends_with('/')
                && self.rest().chars().next().is_some_and(char::is_uppercase))
        {
            self.pos = save;
            self.gap_of(1);
        }
    }

    fn gap_of(&mut self, most: usize) {
        let mut newlines = 0;
        let mut taken = 0;
        for (i, c) in self.rest().char_indices() {
            if crate::text::is_line_end(c) {
                if newlines >= most {
                    taken = i;
                    break;
                }
                newlines += 1;
            } else if !crate::text::is_space(c) {
                taken = i;
                break;
            }
            taken = i + c.len_utf8();
            if taken > 16 {
                return;
            }
        }
        self.pos += taken;
    }

    fn separator(&mut self) -> Option<char> {
        let c = self.rest().chars().next()?;
        let sep = if c == '/' {
            '/'
        } else if is_dash(c) {
            '-'
        } else {
            return None;
        };
        self.pos += c.len_utf8();
        Some(sep)
    }

    /// A separator directly at the cursor (no gap) followed by a code.
    fn try_unit(&mut self, allow_slash: bool) -> Option<&'t str> {
        let save = self.pos;
        let footnote = self.footnote;
        match self.separator() {
            Some('-') => {}
            Some('/') if allow_slash => {}
            _ => {
                self.pos = save;
                return None;
            }
        }
        // `02/TTr-CAT- ANCTNB`: a space after the hyphen, then a whole
        // upper-case code that ends where its word ends.
        let before_gap = self.pos;
        if self.rest().starts_with([' ', '\u{a0}']) {
            self.gap_in_line();
        }
        let spaced = self.pos != before_gap;
        match self.code() {
            Some(c)
                if !spaced
                    || c.len() >= 2
                        && c.chars().all(|c| c.is_ascii_uppercase() || c == 'Đ')
                        && !self
                            .rest()
                            .starts_with(|n: char| n.is_alphanumeric() || is_combining(n)) =>
            {
                Some(c)
            }
            _ => {
                self.pos = save;
                self.footnote = footnote;
                None
            }
        }
    }

    /// Spaces within a line, at most three.
    fn gap_in_line(&mut self) {
        let n: usize = self
            .rest()
            .chars()
            .take(3)
            .take_while(|&c| crate::text::is_space(c) && !crate::text::is_line_end(c))
            .map(char::len_utf8)
            .sum();
        self.pos += n;
    }

    /// Further codes after the issuer, each after a separator with no space;
    /// a symbol longer than [`MAX_CODES`] codes is not a number.
    fn units(&mut self, allow_slash: bool, into: &mut Vec<&'t str>) -> Option<()> {
        while let Some(u) = self.try_unit(allow_slash) {
            into.push(u);
            if into.len() > MAX_CODES {
                return None;
            }
        }
        Some(())
    }

    /// A separator, possibly with stray space around it, then a code.
    fn required(&mut self, want: char) -> Option<&'t str> {
        self.gap();
        if self.separator()? != want {
            return None;
        }
        self.gap_after_slash();
        self.code()
    }

    /// A code: letters (upper case, or a known mixed-case code) then
    /// optional digits, starting with an upper-case letter.
    fn code(&mut self) -> Option<&'t str> {
        let rest = self.rest();
        let mut end = 0;
        let mut letters_end = None;
        let bytes = rest.as_bytes();
        for (i, c) in rest.char_indices() {
            let letter = c.is_ascii_alphabetic() || c == 'Đ' || c == 'đ';
            // `QLN&CS`, `BVHTT&DL`: an ampersand between upper-case letters.
            let amp = c == '&'
                && end > 0
                && letters_end.is_none()
                && bytes.get(i + 1).is_some_and(u8::is_ascii_uppercase);
            if amp {
                end = i + 1;
                continue;
            }
            if letter && letters_end.is_none() {
                end = i + c.len_utf8();
            } else if c.is_ascii_digit() && end > 0 {
                letters_end.get_or_insert(end);
                end = i + 1;
            } else if letter {
                return None; // a letter after digits: not a code
            } else {
                break;
            }
            if end > 16 {
                return None;
            }
        }
        let letters = &rest[..letters_end.unwrap_or(end)];
        let first = letters.chars().next()?;
        if !(first.is_ascii_uppercase() || first == 'Đ') {
            return None;
        }
        let upper = letters
            .chars()
            .all(|c| c.is_ascii_uppercase() || c == 'Đ' || c == '&');
        if !upper && lookup(TYPES, letters).is_none() && lookup(ISSUERS, letters).is_none() {
            return None;
        }
        // Digits after a known code that takes none (`CP2`, `BGTVT4`), or
        // a third after a term (`QH151`), are a footnote mark.
        self.footnote = false;
        if let Some(le) = letters_end {
            let digits = end - le;
            let term = TERM_ISSUERS.iter().any(|t| same_code(t, letters));
            let known = lookup(ISSUERS, letters).is_some() || lookup(TYPES, letters).is_some();
            if term && digits > 2 {
                end = le + 2;
                self.footnote = true;
            } else if known && !term && digits <= 2 && !letters.starts_with("BC") {
                end = le;
                self.footnote = true;
            }
        }
        // `V.I`, `CGC.BT`, `CCTKV.05`: a dot inside a unit, between
        // letters or digits and an upper-case letter or digit.
        if !self.footnote
            && rest[end..].starts_with('.')
            && rest[end + 1..]
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            && end > 0
        {
            let more = rest[end + 1..]
                .bytes()
                .take_while(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
                .count();
            let next = rest[end + 1 + more..].chars().next();
            if more <= 4 && !next.is_some_and(|c| c.is_alphanumeric() || c == '.') {
                end += 1 + more;
            }
        }
        self.pos += end;
        Some(&rest[..end])
    }

    /// After `SEQ -`: `TYPE/ISSUER{-UNIT}`.
    fn party(&mut self, seq: &str) -> Option<NumberParts> {
        let ty = self.code()?;
        let (type_code, _) = canonical_type(ty)?;
        let issuer = self.required('/')?;
        let mut units = Vec::new();
        self.units(true, &mut units)?;
        // Văn phòng Trung ương marks internal letters `/nb` (nội bộ).
        let rest = self.rest();
        if rest.len() >= 3
            && rest.is_char_boundary(3)
            && rest[..3].eq_ignore_ascii_case("/nb")
            && !rest[3..].starts_with(|c: char| c.is_alphanumeric())
        {
            self.pos += 3;
            units.push(&rest[1..3]);
        }
        Some(NumberParts {
            seq: seq.to_string(),
            year: None,
            type_code: Some(type_code.to_string()),
            issuer_code: Some(canonical_issuer(issuer)),
            unit: join(&units),
            party: true,
            glued_at: None,
        })
    }

    /// After `SEQ /`: `[YEAR/]TYPE-ISSUER{-UNIT}` or `[YEAR/]ISSUER{-UNIT}`.
    fn state(&mut self, seq: &str) -> Option<NumberParts> {
        let year = self.year();
        let first = self.code()?;
        let mut parts = NumberParts {
            seq: seq.to_string(),
            year,
            type_code: None,
            issuer_code: None,
            unit: None,
            party: false,
            glued_at: None,
        };
        let typed =
            canonical_type(first).filter(|_| !first.ends_with(|c: char| c.is_ascii_digit()));
        if typed.is_none()
            && let Some((type_code, issuer, at)) = glued(first)
        {
            // `5969/QĐUBND`, `26/2021/TTBGTVT`, `79/2025/NĐCP`.
            parts.type_code = Some(type_code.to_string());
            parts.issuer_code = Some(canonical_issuer(issuer));
            parts.glued_at = Some(self.pos - first.len() + at - self.start_of(seq));
            let mut rest = Vec::new();
            self.units(false, &mut rest)?;
            parts.unit = join(&rest);
            return Some(parts);
        }
        if let Some((type_code, _)) = typed {
            parts.type_code = Some(type_code.to_string());
            let issuer = self.required('-')?;
            let mut rest = Vec::new();
            self.units(false, &mut rest)?;
            if JOINT_TYPES.contains(&type_code) {
                let all: Vec<String> = std::iter::once(issuer)
                    .chain(rest)
                    .map(canonical_issuer)
                    .collect();
                parts.issuer_code = Some(all.join("-"));
            } else {
                parts.issuer_code = Some(canonical_issuer(issuer));
                parts.unit = join(&rest);
            }
            return Some(parts);
        }
        parts.issuer_code = Some(canonical_issuer(first));
        let law = year.is_some() || first.ends_with(|c: char| c.is_ascii_digit());
        let mut units = Vec::new();
        if !law {
            // A state Công văn: the unit is required, so stray space is safe;
            // an old number (`118/TTg`, `61/CP`) has a bare central issuer.
            let save = self.pos;
            match self.required('-') {
                Some(u) => units.push(u),
                None if BARE_ISSUERS.iter().any(|b| same_code(b, first)) => {
                    self.pos = save;
                    return Some(parts);
                }
                None => return None,
            }
        }
        self.units(false, &mut units)?;
        parts.unit = join(&units);
        Some(parts)
    }

    /// Where the number whose sequence number is `seq` starts.
    fn start_of(&self, seq: &str) -> usize {
        seq.as_ptr() as usize - self.text.as_ptr() as usize
    }

    /// `YEAR /`, four digits between 1945 and 2099, or nothing.
    fn year(&mut self) -> Option<i32> {
        let save = self.pos;
        let y = self
            .digits(4)
            .filter(|d| d.len() == 4)
            .and_then(|d| d.parse::<i32>().ok())
            .filter(|y| (1945..2100).contains(y));
        if y.is_some() {
            self.gap();
            if self.separator() == Some('/') {
                self.gap_after_slash();
                return y;
            }
        }
        self.pos = save;
        None
    }
}

/// A type code and a known issuer code written as one (`QĐUBND`): the
/// type, the issuer and where the issuer starts. Only a known issuer after
/// a known type: `TTBGTVT` is `TT` + `BGTVT`, `BCĐ389` stays a code.
fn glued(code: &str) -> Option<(&'static str, &str, usize)> {
    if code.ends_with(|c: char| c.is_ascii_digit()) && !code.contains("QH")
        || lookup(ISSUERS, code).is_some()
    {
        return None;
    }
    code.char_indices().skip(1).find_map(|(i, _)| {
        let (ty, issuer) = code.split_at(i);
        let (canon, _) = canonical_type(ty)?;
        let letters = issuer.trim_end_matches(|c: char| c.is_ascii_digit());
        (ty.len() >= 2 && lookup(ISSUERS, letters).is_some() && letters.len() >= 2)
            .then_some((canon, issuer, i))
    })
}

fn join(units: &[&str]) -> Option<String> {
    (!units.is_empty()).then(|| units.join("-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(s: &str) -> NumberParts {
        parse(s).unwrap_or_else(|| panic!("{s:?} should parse"))
    }

    fn opt(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn state_typed_numbers() {
        let p = parts("107/NQ-CP");
        assert_eq!(p.seq, "107");
        assert_eq!(p.year, None);
        assert_eq!(p.type_code, opt("NQ"));
        assert_eq!(p.issuer_code, opt("CP"));
        assert_eq!(p.unit, None);
        assert!(!p.party);

        let p = parts("23/2021/QĐ-TTg");
        assert_eq!(
            (p.year, p.type_code, p.issuer_code),
            (Some(2021), opt("QĐ"), opt("TTg"))
        );
        let p = parts("16/CT-TTg");
        assert_eq!(p.type_code, opt("CT"));
        let p = parts("139/KH-UBND");
        assert_eq!((p.type_code, p.issuer_code), (opt("KH"), opt("UBND")));
        let p = parts("15/2020/NĐ-CP");
        assert_eq!((p.type_code.as_deref(), p.year), (Some("NĐ"), Some(2020)));
        let p = parts("01/2021/TT-BYT");
        assert_eq!((p.type_code, p.issuer_code), (opt("TT"), opt("BYT")));
        let p = parts("12/QĐ-UBND-VX");
        assert_eq!((p.issuer_code, p.unit), (opt("UBND"), opt("VX")));
    }

    #[test]
    fn damaged_codes_are_canonical() {
        let p = parts("1099/CD-TTg");
        assert_eq!(p.type_code, opt("CĐ"));
        assert_eq!(type_name("CD"), Some("Công điện"));
        assert_eq!(parts("1099/CĐ-TTG").issuer_code, opt("TTg"));
        assert_eq!(parts("05/Ctr-UBND").type_code, opt("CTr"));
        assert_eq!(parts("12/QD-UBND").type_code, opt("QĐ"));
        assert_eq!(parts("31-QĐi/TW").type_code, opt("QĐi"));
        // Printed exactly, HĐ is a contract and HD a guide.
        assert_eq!(parts("3/HĐ-UBND").type_code, opt("HĐ"));
        assert_eq!(parts("12-HD/BTGTW").type_code, opt("HD"));
    }

    #[test]
    fn joint_documents_list_every_issuer() {
        let p = parts("01/2021/TTLT-BYT-BTC");
        assert_eq!(p.type_code, opt("TTLT"));
        assert_eq!(p.issuer_code, opt("BYT-BTC"));
        assert_eq!(p.unit, None);
        assert_eq!(type_name("TTLT"), Some("Thông tư liên tịch"));
    }

    #[test]
    fn state_cong_van_has_issuer_and_unit() {
        let p = parts("1507/UBND-TH");
        assert_eq!(p.implied_type(), Some("Công văn"));
        assert_eq!(
            (p.type_code, p.issuer_code, p.unit),
            (None, opt("UBND"), opt("TH"))
        );
        let p = parts("435/VP-KGVX");
        assert_eq!((p.issuer_code, p.unit), (opt("VP"), opt("KGVX")));
        let p = parts("1234/TTg-KGVX");
        assert_eq!((p.type_code, p.issuer_code), (None, opt("TTg")));
        // A bare issuer without unit or year is not a number, but for the
        // Government's old numbers.
        assert_eq!(parse("12/UBND"), None);
        assert_eq!(parts("118/TTg").issuer_code, opt("TTg"));
        assert_eq!(parts("201-CP").issuer_code, opt("CP"));
        assert_eq!(parts("118/TTg").implied_type(), None);
    }

    #[test]
    fn laws_carry_year_and_term() {
        let p = parts("45/2019/QH14");
        assert_eq!(p.implied_type(), None);
        assert_eq!(
            (p.year, p.type_code, p.issuer_code),
            (Some(2019), None, opt("QH14"))
        );
        assert_eq!(issuer_name("QH14"), Some("Quốc hội"));
    }

    #[test]
    fn party_numbers() {
        let p = parts("176-CV/TU");
        assert!(p.party);
        assert_eq!(
            (p.seq.as_str(), p.type_code, p.issuer_code),
            ("176", opt("CV"), opt("TU"))
        );
        let p = parts("07-KL/TW");
        assert_eq!(
            (p.seq.as_str(), p.type_code, p.issuer_code),
            ("07", opt("KL"), opt("TW"))
        );
        assert_eq!(parts("31-QĐ/TW").type_code, opt("QĐ"));
        assert_eq!(parts("374-TB/TU").type_code, opt("TB"));
        assert_eq!(parts("12-HD/BTGTW").issuer_code, opt("BTGTW"));
        assert_eq!(parts("05-CV/VPTU").issuer_code, opt("VPTU"));
        let p = parts("14-CV/VPTW/nb");
        assert_eq!((p.issuer_code, p.unit), (opt("VPTW"), opt("nb")));
        let p = parts("14-CV/VPTW-TH");
        assert_eq!((p.issuer_code, p.unit), (opt("VPTW"), opt("TH")));
        assert!(is_party("07-KL/TW"));
        assert!(!is_party("107/NQ-CP"));
        // A Party number needs a known type code.
        assert_eq!(parse("19-COVID/TU"), None);
    }

    #[test]
    fn stray_spaces_and_line_breaks() {
        assert_eq!(parts("1507 /UBND-TH").unit, opt("TH"));
        assert_eq!(parts("176 - CV / TU").issuer_code, opt("TU"));
        assert_eq!(parts("176-CV/\nTU").issuer_code, opt("TU"));
        assert_eq!(parts("1099/CĐ-\nTTg").issuer_code, opt("TTg"));
        assert_eq!(parts("176–CV/TU").type_code, opt("CV"));
        // A paragraph break only after a `/`, before a code's capital
        // (`12/2024/`, blank line, `QĐ-TTg`): no paragraph ends so otherwise.
        assert_eq!(parts("176-CV/\n\nTU").issuer_code, opt("TU"));
        assert_eq!(parse("176-CV\n\n/TU"), None);
        assert_eq!(parse("176-\n\nCV/TU"), None);
    }

    #[test]
    fn look_alikes_are_not_numbers() {
        for s in [
            "15/6/2021",
            "11-6-2021",
            "01.09.2021",
            "Covid-19",
            "COVID-19",
            "5K",
            "F0",
            "30-4",
            "2021-2026",
            "CoV-2",
            "19:28:39",
            "5/10",
            "50%",
            "0297-3862-123",
            "342",
            "2021",
            "V/v",
            "12/Khoản",
            "3/qd-ubnd",
            "1/2 Covid",
            "12/QĐ",
            "176-CV",
            "176-CV/",
            "12/QĐ-UBNDx2y",
            "1/QĐ-A-B-C-D-E-F",
            "1/A-B2/QĐ-UBND",
            "12/QĐ-UBND/2021",
        ] {
            assert_eq!(parse(s), None, "{s:?} is not a number");
        }
    }

    #[test]
    fn normalize_compares_as_the_contract_says() {
        assert_eq!(normalize("1099/CĐ-TTg"), normalize("1099/CD-TTG"));
        assert_eq!(normalize("1507 /UBND-TH"), "1507/UBND-TH");
        assert_eq!(normalize("07-KL/TW"), normalize("7-KL/TW"));
        assert_eq!(normalize("07-KL/TW"), "7-KL/TW");
        assert_eq!(normalize("176–CV/TU"), "176-CV/TU");
        assert_eq!(normalize("0"), "0");
        assert_ne!(normalize("176-CV/TU"), normalize("176/CV-TU"));
    }

    #[test]
    fn names_of_codes() {
        for (code, name) in [
            ("NQ", "Nghị quyết"),
            ("QĐ", "Quyết định"),
            ("CT", "Chỉ thị"),
            ("CĐ", "Công điện"),
            ("KH", "Kế hoạch"),
            ("TB", "Thông báo"),
            ("KL", "Kết luận"),
            ("CV", "Công văn"),
            ("NĐ", "Nghị định"),
            ("TT", "Thông tư"),
            ("HD", "Hướng dẫn"),
            ("CTr", "Chương trình"),
            ("BC", "Báo cáo"),
        ] {
            assert_eq!(type_name(code), Some(name));
        }
        assert_eq!(type_name("XYZ"), None);
        let consolidated = parts("57/VBHN-BCT");
        assert_eq!(consolidated.type_code, opt("VBHN"));
        assert_eq!(consolidated.issuer_code, opt("BCT"));
        assert_eq!(consolidated.implied_type(), Some("Văn bản hợp nhất"));
        assert_eq!(issuer_name("TTg"), Some("Thủ tướng Chính phủ"));
        assert_eq!(issuer_name("TTG"), Some("Thủ tướng Chính phủ"));
        assert_eq!(issuer_name("CP"), Some("Chính phủ"));
        assert_eq!(issuer_name("TW"), Some("Trung ương"));
        assert_eq!(issuer_name("TU"), Some("Tỉnh ủy"));
        assert_eq!(issuer_name("UBND"), Some("Ủy ban nhân dân"));
        assert_eq!(issuer_name("HDND"), Some("Hội đồng nhân dân"));
        assert_eq!(issuer_name("BYT"), Some("Bộ Y tế"));
        assert_eq!(issuer_name("KGVX"), None);
        assert!(is_local_issuer("TU") && is_local_issuer("UBND") && is_local_issuer("BTGTU"));
        assert!(!is_local_issuer("TW") && !is_local_issuer("TTg") && !is_local_issuer("CP"));
        assert!(!is_local_issuer("XĐU"));
        assert_eq!(
            issuer_name("SNNPTNT"),
            Some("Sở Nông nghiệp và Phát triển nông thôn")
        );
        assert!(is_local_issuer("SGDĐT") && is_local_issuer("SGDDT"));
    }
}

//! Recognisers for the lines of a converted directive: the motto, the
//! number line, the date line, "V/v", "Kính gửi", "Nơi nhận", signature
//! lines and the like. Each takes one cleaned line (markup removed) and says
//! what it is; none of them looks at the lines around it.

use crate::text::fold;
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("the importer's patterns are valid")
}

/// True when the line has letters and none of them is lower case.
pub fn is_upper(text: &str) -> bool {
    let mut letters = text.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(|c| !c.is_lowercase())
}

/// The number of words (runs of non-space characters).
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The first alphabetic character, if the line starts with a letter after
/// optional quotes or markup.
pub fn first_letter(text: &str) -> Option<char> {
    text.chars()
        .find(|c| !matches!(c, '*' | '_' | '"' | '“' | '\'' | '(' | ' '))
        .filter(|c| c.is_alphabetic())
}

pub fn starts_lowercase(text: &str) -> bool {
    first_letter(text).is_some_and(char::is_lowercase)
}

/// Ends with the punctuation that closes a sentence or a list item.
pub fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['*', '_', ' ', '"', '”', ')']);
    t.ends_with(['.', ':', ';', '!', '?', '…'])
}

/// A line made only of decoration: stars, dashes, rules.
pub fn is_decoration(text: &str) -> bool {
    !text.is_empty()
        && text.chars().all(|c| {
            matches!(
                c,
                '*' | '-' | '_' | '=' | '~' | '.' | '·' | '•' | '–' | '—' | '\\' | ' '
            )
        })
}

static MOTTO: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(cong hoa xa hoi chu nghia viet nam|doc lap\s*[-–]?\s*tu do\s*[-–]?\s*hanh phuc|dang cong san viet nam)$",
    )
});

/// The national motto (two lines) or the Party's "ĐẢNG CỘNG SẢN VIỆT NAM".
pub fn is_motto(text: &str) -> bool {
    let folded = fold(text);
    MOTTO.is_match(folded.trim_matches(|c: char| !c.is_alphanumeric()))
}

/// A date line: place (when printed) and date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateLine {
    pub place: Option<String>,
    pub date: NaiveDate,
    /// Text after the date on the same line.
    pub rest: String,
}

static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^(?:(?P<place>[\p{Lu}][\p{L}.'’\- ]{0,40}?)\s*(?:,\s*|\s))?(?i:ngày)\s+(?P<d>\d\s?\d|\d)\s*(?:(?:tháng)\s+(?P<m>\d\s?\d|\d)\s*(?:năm)\s+(?P<y>\d{4})|[/.\-]\s*(?P<m2>\d{1,2})\s*[/.\-]\s*(?P<y2>\d{4}))(?P<rest>.*)$",
    )
});

/// "Kiên Giang, ngày 15 tháng 6 năm 2021", "Hà Nội, ngày 01/7/2021".
pub fn date_line(text: &str) -> Option<DateLine> {
    let caps = DATE_LINE.captures(text.trim())?;
    // "ngày 26 tháng 0 6 năm 2018": a digit split off by conversion.
    let digits = |s: &str| s.replace(' ', "");
    let day: u32 = digits(&caps["d"]).parse().ok()?;
    let (month, year) = match (caps.name("m"), caps.name("y")) {
        (Some(m), Some(y)) => (digits(m.as_str()), y.as_str()),
        _ => (
            caps.name("m2")?.as_str().to_string(),
            caps.name("y2")?.as_str(),
        ),
    };
    let date = NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day)?;
    let place = caps.name("place").map(|p| p.as_str().trim().to_string());
    // Every word of a place starts with a capital, but for the level
    // words printed before a name ("Thành phố Hồ Chí Minh", "thị xã").
    let level = |w: &str| matches!(w, "phố" | "tỉnh" | "huyện" | "quận" | "xã" | "thị" | "trấn");
    if let Some(p) = &place
        && !p
            .split_whitespace()
            .all(|w| first_letter(w).is_some_and(char::is_uppercase) || level(w))
    {
        return None;
    }
    Some(DateLine {
        place,
        date,
        rest: caps["rest"].trim().to_string(),
    })
}

static SUBJECT: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(?:V\s*/\s*[vV]|v/v|V\.v|V/việc|(?i:về việc))\b\s*[:.]?\s*(.*)$"));

/// "V/v ..." or "Về việc ...": the subject of a Công văn or the trích yếu
/// of a Quyết định. Returns the text after the marker.
pub fn subject_line(text: &str) -> Option<&str> {
    SUBJECT
        .captures(text)
        .map(|c| c.get(1).map_or("", |m| m.as_str()))
}

static TYPIST: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?:\(\p{Lu}[\p{L}]{0,5}\)|\p{Lu}[\p{L}]{1,5}\.?)(?:\s*\d{1,3}[a-z]?)?\.?$")
});

/// The initials of the typist and the copy count printed under the Nơi nhận
/// list ("NVA.", "(TH)", "TTh 05b"): at least two capitals, or in brackets.
pub fn is_typist_mark(text: &str) -> bool {
    let t = text.trim();
    TYPIST.is_match(t)
        && (t.starts_with('(') || t.chars().filter(|c| c.is_uppercase()).count() >= 2)
        && !is_motto(t)
}

/// "Kính gửi: ..." (also "- Kính gửi:"); returns what follows the colon.
pub fn kinh_gui(text: &str) -> Option<&str> {
    labelled(text, "kinh gui")
}

/// "Nơi nhận: ..."; returns what follows the colon.
pub fn noi_nhan(text: &str) -> Option<&str> {
    labelled(text, "noi nhan")
}

fn labelled<'a>(text: &'a str, label: &str) -> Option<&'a str> {
    let t = text.trim_start_matches(['-', '–', '•', '+', ' ', '*']);
    let mut chars = t.char_indices();
    let mut taken = 0;
    let mut end = 0;
    // Walk as many characters as the label has, folding as we go.
    for (i, c) in chars.by_ref() {
        end = i + c.len_utf8();
        taken += 1;
        if taken == label.chars().count() {
            break;
        }
    }
    if taken < label.chars().count() || fold(&t[..end]) != label {
        return None;
    }
    let rest = t[end..].trim_start();
    let rest = rest
        .strip_prefix(':')
        .or_else(|| rest.strip_prefix('：'))
        .unwrap_or(rest);
    if rest.starts_with(|c: char| c.is_alphabetic()) && !t[end..].starts_with(' ') {
        return None;
    }
    Some(rest.trim().trim_matches('*').trim())
}

static INLINE_ITEM: LazyLock<Regex> = LazyLock::new(|| regex(r"[;,.]\s+[-–•+]\s"));

/// Items of a list flattened onto one line: "- A; - B." -> ["- A;", "- B."].
pub fn inline_items(text: &str) -> Vec<&str> {
    let mut items = Vec::new();
    let mut start = 0;
    for m in INLINE_ITEM.find_iter(text) {
        items.push(text[start..m.start() + 1].trim());
        start = m.start() + 1;
    }
    items.push(text[start..].trim());
    items.into_iter().filter(|s| !s.is_empty()).collect()
}

/// One item of a Kính gửi or Nơi nhận list, without the leading dash and
/// the trailing `,;.`.
pub fn list_item(text: &str) -> String {
    let t = text
        .trim()
        .trim_start_matches(['-', '–', '•', '+', '*', ' '])
        .trim_end_matches([',', ';', '.', ' ', '*']);
    t.trim().to_string()
}

/// Starts like an item of a list: a dash, a plus, a bullet.
pub fn is_dash_item(text: &str) -> bool {
    text.starts_with(['-', '–', '•', '+'])
}

static AUTHORITY: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^(T\s*/\s*M|K\s*/\s*T|T\s*/\s*L|TUQ\.?|TM\.?|KT\.?|TL\.?|Q\.|THỪA LỆNH|THỪA ỦY QUYỀN|THỪA UỶ QUYỀN|THAY MẶT|KÝ THAY)\s*(\S.*)$",
    )
});

/// A signature authority line: "KT. CHỦ TỊCH", "T/M BAN THƯỜNG VỤ",
/// "TM. ỦY BAN NHÂN DÂN". Returns the prefix (normalised: `KT.`, `T/M`) and
/// the rest, still upper case.
pub fn authority_line(text: &str) -> Option<(String, String)> {
    let caps = AUTHORITY.captures(text.trim())?;
    let rest = caps[2].trim();
    let printed = &caps[1];
    let prefix = if printed.contains('/') {
        printed.replace(' ', "")
    } else if printed.contains(' ') {
        // Spelled out: "THỪA LỆNH" -> "Thừa lệnh".
        let lower = printed.to_lowercase();
        let mut chars = lower.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    } else {
        printed.to_string()
    };
    let needs_separator = !prefix.ends_with('.') && !prefix.contains('/') && prefix.len() <= 3;
    if !is_upper(rest) || word_count(rest) > 10 {
        return None;
    }
    // "TM" or "KT" glued to the next word would be another word entirely.
    if needs_separator && !text.trim()[caps[1].len()..].starts_with([' ', '.']) {
        return None;
    }
    let prefix = if needs_separator {
        format!("{prefix}.")
    } else {
        prefix
    };
    Some((prefix, rest.to_string()))
}

const ROLE_WORDS: &[&str] = &[
    "pho",
    "truong",
    "chu tich",
    "bi thu",
    "giam doc",
    "chanh",
    "thu tuong",
    "uy vien",
    "chu nhiem",
    "thu ky",
    "thong doc",
    "tong kiem toan",
];

/// An upper-case line naming a position: "PHÓ CHỦ TỊCH", "BÍ THƯ",
/// "BỘ TRƯỞNG", "VỤ TRƯỞNG VỤ PHÁP CHẾ".
pub fn is_position(text: &str) -> bool {
    if !is_upper(text) || word_count(text) > 10 || text.ends_with(':') {
        return false;
    }
    // With its marks: "PHỐ" (thành phố) and "TRƯỜNG" (môi trường) are no
    // "PHÓ", "TRƯỞNG". Text without any mark (OCR) is read folded.
    let words = if text.is_ascii() {
        format!(" {} ", fold(text))
    } else {
        format!(
            " {} ",
            text.to_lowercase().replace('ỷ', "ủy").replace("uủy", "ủy")
        )
    };
    let roles: &[&str] = if text.is_ascii() {
        ROLE_WORDS
    } else {
        ROLE_WORDS_MARKED
    };
    roles.iter().any(|w| words.contains(&format!(" {w} ")))
}

/// [`ROLE_WORDS`] as printed.
const ROLE_WORDS_MARKED: &[&str] = &[
    "phó",
    "trưởng",
    "chủ tịch",
    "bí thư",
    "giám đốc",
    "chánh",
    "thủ tướng",
    "ủy viên",
    "chủ nhiệm",
    "thư ký",
    "thống đốc",
    "tổng kiểm toán",
];

/// Starts with a position: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "BỘ TRƯỞNG
/// BỘ Y TẾ". Such a line after a title is the authority's formula of the
/// body, not part of the title.
pub fn starts_with_position(text: &str) -> bool {
    let folded = fold(text);
    let first_two: String = folded
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    const STARTS: &[&str] = &[
        "chu tich",
        "bo truong",
        "thu tuong",
        "giam doc",
        "chanh van",
        "tong cuc",
        "cuc truong",
        "vu truong",
        "truong ban",
        "thong doc",
        "chu nhiem",
        "tong kiem",
    ];
    STARTS.iter().any(|s| first_two.starts_with(s))
}

/// An upper-case line that is exactly the name of a collective body as it
/// appears in a formula ("CHÍNH PHỦ", "ỦY BAN NHÂN DÂN TỈNH ...",
/// "BAN THƯỜNG VỤ TỈNH ỦY").
pub fn is_collective_body(text: &str) -> bool {
    if !is_upper(text) {
        return false;
    }
    let folded = fold(text);
    const BODIES: &[&str] = &[
        "chinh phu",
        "quoc hoi",
        "uy ban nhan dan",
        "ubnd",
        "hoi dong nhan dan",
        "hdnd",
        "ban thuong vu",
        "ban chap hanh",
        "bo chinh tri",
        "ban bi thu",
        "uy ban thuong vu quoc hoi",
    ];
    BODIES.iter().any(|b| folded.starts_with(b))
}

/// A person's name: two to six capitalised words and nothing else.
pub fn is_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && words.iter().all(|w| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase)
                && chars.clone().all(char::is_lowercase)
                && w.chars().all(char::is_alphabetic)
        })
}

/// "(Đã ký)", "Đã ký", "(Ký, đóng dấu)": the signature is there, the name is
/// not printed.
pub fn is_signed_marker(text: &str) -> bool {
    let folded = fold(text);
    let t = folded.trim_matches(|c: char| c == '(' || c == ')' || c == '[' || c == ']' || c == ' ');
    t == "daky"
        || t.starts_with("da ky")
        || t.starts_with("ky ten")
        || t.starts_with("ky, ")
        || t.starts_with("ky va dong dau")
        || t.starts_with("chu ky so")
}

static TIMESTAMP: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^(?:\d{1,2}:\d{2}:\d{2}(?:\s*[+\-]\d{2}:?\d{2})?|\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?.*)$",
    )
});
static STAMP_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?i:ký bởi|người ký|thời gian ký|ngày ký|email|cơ quan|chức vụ)\s*:.*$")
});

/// A labelled line of a digital-signature stamp: "Ký bởi: ...",
/// "Thời gian ký: ...".
pub fn is_stamp_label(text: &str) -> bool {
    STAMP_LABEL.is_match(text)
}
static DOTTED_DATE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^\d{1,2}\.\d{1,2}\.\d{4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?.*)?$"));

/// The time of a digital-signature stamp: with seconds (and zone), or ISO.
pub fn is_timestamp(text: &str) -> bool {
    TIMESTAMP.is_match(text)
}

/// "01.09.2021": the date of a signature stamp.
pub fn is_dotted_date(text: &str) -> bool {
    DOTTED_DATE.is_match(text)
}

static GAZETTE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(?:\d{1,4}\s+)?công\s*báo\s*/\s*số\s*[\d\s+]+(?:/\s*ngày\s*[\d\s\-/.]+)?(?:\s+\d{1,4})?$",
    )
});
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?:[-–]\s*)?\d{1,3}(?:\s*[-–])?$|^(?i:trang)\s+\d{1,3}(?:\s*/\s*\d{1,3})?$")
});

/// A gazette page header: "CÔNG BÁO/Số 302/Ngày 02-06-2026", with or
/// without the page number beside it.
pub fn is_gazette_header(text: &str) -> bool {
    GAZETTE.is_match(text)
}

/// A line holding only a page number: "5", "- 5 -", "Trang 5".
pub fn is_page_number(text: &str) -> bool {
    PAGE_NUMBER.is_match(text)
}

/// A line that starts a structural unit of the body: a dash item, a
/// numbered point, "Điều 1.", "Chương I", "a)".
pub fn is_structural(text: &str) -> bool {
    static STRUCT: LazyLock<Regex> = LazyLock::new(|| {
        regex(
            r"^(?:[-–•+]|\d+(?:\.\d+)*[.)]|[a-zđ][).]\s|[IVXLC]+[.)]\s|(?i:điều|chương|mục|phần)\s+[\dIVXLC]+\b|\(\d+\))",
        )
    });
    STRUCT.is_match(text)
}

/// Words that begin the body of a header-less type block: "Căn cứ",
/// "Thực hiện", "Theo đề nghị", "Ngày ...".
pub fn starts_body(text: &str) -> bool {
    let folded = fold(text);
    const STARTS: &[&str] = &[
        "can cu",
        "thuc hien",
        "theo de nghi",
        "xet de nghi",
        "tren co so",
        "nham ",
        "de ",
        "ngay ",
        "hom nay",
        "qua ",
        "trong thoi gian",
        "(ban hanh kem theo",
        "(kem theo",
    ];
    is_structural(text) || STARTS.iter().any(|s| folded.starts_with(s))
}

/// Superscript digits, as footnote markers are printed.
pub fn superscript_value(c: char) -> Option<u32> {
    match c {
        '⁰' => Some(0),
        '¹' => Some(1),
        '²' => Some(2),
        '³' => Some(3),
        '⁴'..='⁹' => Some(c as u32 - '⁴' as u32 + 4),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_by_their_marks() {
        assert!(is_position("PHÓ CHỦ TỊCH"));
        assert!(is_position("THỨ TRƯỞNG"));
        assert!(is_position("UỶ VIÊN"));
        assert!(is_position("PHO CHU TICH"));
        assert!(!is_position("UBND THÀNH PHỐ HÀ NỘI"));
        assert!(!is_position("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG"));
    }

    #[test]
    fn date_lines_with_and_without_place() {
        let d = date_line("Kiên Giang, ngày 15 tháng 6 năm 2021").unwrap();
        assert_eq!(d.place.as_deref(), Some("Kiên Giang"));
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2021, 6, 15).unwrap());
        let d = date_line("TP. Hồ Chí Minh, ngày 01/7/2021").unwrap();
        assert_eq!(d.place.as_deref(), Some("TP. Hồ Chí Minh"));
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2021, 7, 1).unwrap());
        assert!(date_line("Hà Nội, ngày 31 tháng 2 năm 2021").is_none());
        let d = date_line("Kiên Giang ngày 15 tháng 6 năm 2021").unwrap();
        assert_eq!(d.place.as_deref(), Some("Kiên Giang"));
        assert!(date_line("Hà Nội, ngày … tháng … năm 2021").is_none());
    }

    #[test]
    fn labels_and_items() {
        assert_eq!(kinh_gui("Kính gửi: - Các đồng chí"), Some("- Các đồng chí"));
        assert_eq!(kinh_gui("- Kính gửi:"), Some(""));
        assert_eq!(kinh_gui("KÍNH GỬI: Bộ Y tế"), Some("Bộ Y tế"));
        assert_eq!(noi_nhan("Nơi nhận:"), Some(""));
        assert_eq!(noi_nhan("Nơi nhận mới"), Some("mới"));
        assert_eq!(
            list_item("- Lưu: VT, pthran \"HT\"."),
            "Lưu: VT, pthran \"HT\""
        );
        assert_eq!(
            inline_items("- Sở Y tế; - Sở Tài chính."),
            ["- Sở Y tế;", "- Sở Tài chính."]
        );
        assert_eq!(inline_items("Các sở, ban, ngành"), ["Các sở, ban, ngành"]);
        assert_eq!(
            subject_line("V/v chỉ đạo thực hiện"),
            Some("chỉ đạo thực hiện")
        );
        assert_eq!(subject_line("Về việc ban hành"), Some("ban hành"));
    }

    #[test]
    fn signature_lines() {
        assert_eq!(
            authority_line("KT.CHÁNH VĂN PHÒNG"),
            Some(("KT.".into(), "CHÁNH VĂN PHÒNG".into()))
        );
        assert_eq!(
            authority_line("T/M BAN THƯỜNG VỤ"),
            Some(("T/M".into(), "BAN THƯỜNG VỤ".into()))
        );
        assert_eq!(authority_line("TM ỦY BAN NHÂN DÂN").unwrap().0, "TM.");
        assert_eq!(
            authority_line("THỪA LỆNH BỘ TRƯỞNG"),
            Some(("Thừa lệnh".into(), "BỘ TRƯỞNG".into()))
        );
        assert_eq!(authority_line("TỈNH ỦY KIÊN GIANG"), None);
        assert_eq!(authority_line("Tổ chức"), None);
        assert!(is_position("PHÓ BÍ THƯ THƯỜNG TRỰC"));
        assert!(is_position("BỘ TRƯỞNG"));
        assert!(!is_position("TỈNH ỦY KIÊN GIANG"));
        assert!(is_name("Đỗ Thị Lệ Hảo"));
        assert!(!is_name("Tỉnh ủy Kiên Giang"));
        assert!(is_signed_marker("(Đã ký)"));
    }

    #[test]
    fn layout_lines() {
        assert!(is_motto("Độc lập - Tự do - Hạnh phúc"));
        assert!(is_motto("ĐẢNG CỘNG SẢN VIỆT NAM"));
        assert!(is_gazette_header("CÔNG BÁO/Số 302/Ngày 02-06-2026"));
        assert!(is_gazette_header(
            "12 CÔNG BÁO/Số 301 + 302/Ngày 02-06-2026"
        ));
        assert!(is_page_number("- 3 -"));
        assert!(!is_page_number("3."));
        assert!(is_timestamp("19:28:39 +07:00"));
        assert!(is_dotted_date("01.09.2021"));
        assert!(is_decoration("\\*"));
    }
}

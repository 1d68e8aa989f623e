//! The issuing body (cơ quan ban hành): read from the header lines printed
//! top left, or, when the header prints none, derived from the number's
//! issuer code together with the place and what the text says about
//! itself. Names come out in their usual written form: "UBND tỉnh Kiên
//! Giang", "Văn phòng UBND tỉnh Kiên Giang", "Tỉnh ủy Kiên Giang",
//! "Bộ Y tế".

use super::casing::{BodyCasing, Prefer, capitalize_first, recase, title_case};
use super::doctype::NumberCodes;
use crate::text::fold;

/// Administrative levels, as they follow "ỦY BAN NHÂN DÂN".
const LEVELS: &[(&str, &str)] = &[
    ("thanh pho", "thành phố"),
    ("tp.", "thành phố"),
    ("tp", "thành phố"),
    ("thi xa", "thị xã"),
    ("thi tran", "thị trấn"),
    ("tinh", "tỉnh"),
    ("huyen", "huyện"),
    ("quan", "quận"),
    ("phuong", "phường"),
    ("xa", "xã"),
];

/// Cities under the central government: their UBND is "UBND thành phố" and
/// their Party committee a Thành ủy.
const CENTRAL_CITIES: &[&str] = &[
    "ha noi",
    "ho chi minh",
    "hai phong",
    "da nang",
    "can tho",
    "hue",
];

/// Issuer codes that name one body nationwide.
const CENTRAL_CODES: &[(&str, &str)] = &[
    ("TTg", "Thủ tướng Chính phủ"),
    ("CP", "Chính phủ"),
    ("VPCP", "Văn phòng Chính phủ"),
    ("UBTVQH", "Ủy ban Thường vụ Quốc hội"),
    ("BYT", "Bộ Y tế"),
    ("BTC", "Bộ Tài chính"),
    ("BGDĐT", "Bộ Giáo dục và Đào tạo"),
    ("BNV", "Bộ Nội vụ"),
    ("BCA", "Bộ Công an"),
    ("BQP", "Bộ Quốc phòng"),
    ("BTP", "Bộ Tư pháp"),
    ("BCT", "Bộ Công Thương"),
    ("BKHĐT", "Bộ Kế hoạch và Đầu tư"),
    ("BLĐTBXH", "Bộ Lao động - Thương binh và Xã hội"),
    ("BTTTT", "Bộ Thông tin và Truyền thông"),
    ("BGTVT", "Bộ Giao thông vận tải"),
    ("BXD", "Bộ Xây dựng"),
    ("BNNPTNT", "Bộ Nông nghiệp và Phát triển nông thôn"),
    ("BTNMT", "Bộ Tài nguyên và Môi trường"),
    ("BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch"),
    ("BKHCN", "Bộ Khoa học và Công nghệ"),
    ("BNG", "Bộ Ngoại giao"),
    ("NHNN", "Ngân hàng Nhà nước Việt Nam"),
];

/// Names whose usual form the general rules do not produce.
const EXCEPTIONS: &[(&str, &str)] = &[
    ("bo cong thuong", "Bộ Công Thương"),
    ("thu tuong chinh phu", "Thủ tướng Chính phủ"),
    ("chinh phu", "Chính phủ"),
    ("quoc hoi", "Quốc hội"),
    ("uy ban thuong vu quoc hoi", "Ủy ban Thường vụ Quốc hội"),
    ("ban chap hanh trung uong", "Ban Chấp hành Trung ương"),
    ("bo chinh tri", "Bộ Chính trị"),
    ("ban bi thu", "Ban Bí thư"),
    ("van phong chinh phu", "Văn phòng Chính phủ"),
    ("van phong quoc hoi", "Văn phòng Quốc hội"),
    ("van phong trung uong dang", "Văn phòng Trung ương Đảng"),
];

/// One body named in the header: its kind and its written name.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Unit {
    folded: String,
    name: String,
    /// "tỉnh Kiên Giang" for a UBND, HĐND or anything with a level.
    locality: Option<String>,
}

/// The issuer from the upper-case header lines, parent body first.
pub fn from_header(lines: &[String], body: &BodyCasing) -> Option<String> {
    // "UBND THÀNH PHỐ HÀ" / "NỘI": a single word the page width wrapped off
    // the line above ends that line's name.
    let mut joined: Vec<String> = Vec::new();
    for line in lines {
        match joined.last_mut() {
            Some(last) if line.split_whitespace().count() == 1 && !last.ends_with(['-', ',']) => {
                last.push(' ');
                last.push_str(line);
            }
            _ => joined.push(line.clone()),
        }
    }
    let units = group_units(&joined);
    let units: Vec<Unit> = units.iter().map(|u| unit(u, body)).collect();
    let own = units.last()?;
    let parent = units.len().checked_sub(2).map(|i| &units[i]);
    Some(match parent {
        None => own.name.clone(),
        Some(_)
            if own.locality.is_some() || is_central(&own.folded) || is_committee(&own.folded) =>
        {
            own.name.clone()
        }
        // The Central Committee's own bodies are named after "Trung ương":
        // "Ban Tổ chức Trung ương", "Văn phòng Trung ương Đảng".
        Some(p) if p.folded == "ban chap hanh trung uong" && own.folded == "van phong" => {
            "Văn phòng Trung ương Đảng".to_string()
        }
        Some(p) if p.folded == "ban chap hanh trung uong" && own.folded.starts_with("ban ") => {
            format!("{} Trung ương", own.name)
        }
        Some(p) if own.folded == "van phong" => format!("Văn phòng {}", p.name),
        // A department of a ministry is named by itself: "BỘ TÀI CHÍNH /
        // CỤC HẢI QUAN" is the Cục Hải quan.
        Some(p)
            if p.folded.starts_with("bo ")
                && ["cuc ", "tong cuc "]
                    .iter()
                    .any(|h| own.folded.starts_with(h)) =>
        {
            own.name.clone()
        }
        Some(p) if is_people_body(&p.folded) => match &p.locality {
            Some(l) => format!("{} {l}", own.name),
            None => format!("{} {}", own.name, p.name),
        },
        Some(p) => format!("{} {}", own.name, p.name),
    })
}

fn is_central(folded: &str) -> bool {
    EXCEPTIONS.iter().any(|(k, _)| *k == folded)
}

/// A Party committee names itself fully: "HUYỆN ỦY PHÚ QUỐC" under
/// "ĐẢNG BỘ TỈNH KIÊN GIANG".
fn is_committee(folded: &str) -> bool {
    ["tinh uy ", "thanh uy ", "huyen uy ", "quan uy ", "thi uy "]
        .iter()
        .any(|p| folded.starts_with(p))
}

fn is_people_body(folded: &str) -> bool {
    ["uy ban nhan dan", "ubnd", "hoi dong nhan dan", "hdnd"]
        .iter()
        .any(|p| folded.starts_with(p))
}

/// Words that start a unit under a parent body: "UBND TỈNH X VĂN PHÒNG"
/// printed on one line is two units.
const CHILD_STARTS: &[&str] = &[
    "van phong",
    "so",
    "ban",
    "cuc",
    "tong cuc",
    "chi cuc",
    "vu",
    "trung tam",
    "thanh tra",
    "phong",
];

/// Head words of ministries and units whose names are written part by
/// part in capitals, longest first.
const UNIT_HEADS: &[(&str, &str)] = &[
    ("tong cuc", "Tổng cục"),
    ("chi cuc", "Chi cục"),
    ("trung tam", "Trung tâm"),
    ("bo", "Bộ"),
    ("so", "Sở"),
    ("cuc", "Cục"),
    ("vu", "Vụ"),
    ("phong", "Phòng"),
];

/// Cuts a line holding a parent body and its unit.
fn split_child(line: &str) -> Vec<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let parent = fold(line);
    let has_parent = [
        "ubnd ",
        "uy ban nhan dan ",
        "hdnd ",
        "hoi dong nhan dan ",
        "tinh uy ",
        "thanh uy ",
        "huyen uy ",
        "bo ",
    ]
    .iter()
    .any(|p| parent.starts_with(p));
    if has_parent {
        for k in 2..words.len() {
            let rest = fold(&words[k..].join(" "));
            // A child names itself ("SỞ Y TẾ"); of the head words only
            // "VĂN PHÒNG" stands alone ("BỘ NỘI VỤ" is one name).
            if CHILD_STARTS
                .iter()
                .any(|c| rest == "van phong" && *c == rest || rest.starts_with(&format!("{c} ")))
            {
                return vec![words[..k].join(" "), words[k..].join(" ")];
            }
        }
    }
    vec![line.to_string()]
}

/// Joins lines that continue a name ("ỦY BAN NHÂN DÂN" / "TỈNH KIÊN GIANG").
fn group_units(lines: &[String]) -> Vec<String> {
    let mut units: Vec<String> = Vec::new();
    for line in lines.iter().flat_map(|l| split_child(l)) {
        let line = &line;
        let folded = fold(line);
        let continues = LEVELS
            .iter()
            .any(|(l, _)| folded.starts_with(&format!("{l} ")))
            && !is_committee(&folded)
            || units.last().is_some_and(|u| {
                let f = fold(u);
                f.ends_with(" va")
                    || f.ends_with(',')
                    || f.ends_with(" -")
                    || f == "uy ban nhan dan"
            })
            || units
                .last()
                .is_some_and(|u| is_central(&fold(&format!("{u} {line}"))))
            || folded.starts_with("va ")
            || folded.starts_with("ve ")
            // "BỘ" / "TÀI CHÍNH": a head word alone was wrapped off its name.
            || units
                .last()
                .is_some_and(|u| UNIT_HEADS.iter().any(|(h, _)| fold(u) == *h));
        match units.last_mut() {
            Some(last) if continues => {
                last.push(' ');
                last.push_str(line);
            }
            _ => units.push(line.to_string()),
        }
    }
    units
}

fn unit(line: &str, body: &BodyCasing) -> Unit {
    let folded = fold(line);
    // "CHỦ TỊCH ỦY BAN NHÂN DÂN / THÀNH PHỐ CẦN THƠ": the chairman issues
    // in his own name (QĐ-CTUBND); the issuer is the position and its body.
    if let Some(rest) = strip_folded(line, &folded, "chu tich ")
        && is_people_body(&fold(rest))
    {
        let inner = unit(rest, body);
        return Unit {
            folded,
            name: format!("Chủ tịch {}", inner.name),
            locality: inner.locality,
        };
    }
    if let Some((_, name)) = EXCEPTIONS.iter().find(|(k, _)| *k == folded) {
        return Unit {
            folded,
            name: name.to_string(),
            locality: None,
        };
    }
    // "ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG", "TỈNH ỦY KIÊN GIANG", "CÔNG AN TỈNH X".
    for (prefix, short) in [
        ("uy ban nhan dan ", "UBND"),
        ("ubnd ", "UBND"),
        ("hoi dong nhan dan ", "HĐND"),
        ("hdnd ", "HĐND"),
    ] {
        if let Some(rest) = strip_folded(line, &folded, prefix) {
            let locality = locality(rest);
            let name = format!(
                "{short} {}",
                locality.clone().unwrap_or_else(|| title_case(rest))
            );
            return Unit {
                folded: fold(short),
                name,
                locality,
            };
        }
    }
    for (prefix, written) in [
        ("tinh uy ", "Tỉnh ủy"),
        ("thanh uy ", "Thành ủy"),
        ("huyen uy ", "Huyện ủy"),
        ("quan uy ", "Quận ủy"),
        ("thi uy ", "Thị ủy"),
    ] {
        if let Some(rest) = strip_folded(line, &folded, prefix) {
            return Unit {
                folded,
                name: format!("{written} {}", title_case(rest)),
                locality: None,
            };
        }
    }
    // Ministries, departments and offices: each part of the name after
    // the head word starts with a capital ("Bộ Giáo dục và Đào tạo").
    for (head, written) in UNIT_HEADS {
        if let Some(rest) = strip_folded(line, &folded, &format!("{head} ")) {
            return Unit {
                folded,
                name: format!("{written} {}", component_case(rest)),
                locality: None,
            };
        }
    }
    // Anything else: the body's own casing, an administrative level with
    // its place in title case.
    let words: Vec<&str> = line.split_whitespace().collect();
    let level_at = (1..words.len()).find(|&i| {
        let w = fold(words[i]);
        LEVELS.iter().any(|(l, _)| *l == w) && i + 1 < words.len()
    });
    let (org, place) = match level_at {
        Some(i) => (words[..i].join(" "), Some(words[i..].join(" "))),
        None => (line.to_string(), None),
    };
    let mut name = capitalize_first(&recase(&org, Some(body), Prefer::Body));
    let locality = place.as_deref().and_then(locality);
    if let Some(l) = &locality {
        name = format!("{name} {l}");
    }
    Unit {
        folded,
        name,
        locality,
    }
}

/// The rest of `line` after a folded prefix.
fn strip_folded<'a>(line: &'a str, folded: &str, prefix: &str) -> Option<&'a str> {
    if !folded.starts_with(prefix) {
        return None;
    }
    let n = prefix.trim_end().split(' ').count();
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() <= n {
        return None;
    }
    let start = words[n].as_ptr() as usize - line.as_ptr() as usize;
    Some(&line[start..])
}

/// "TỈNH KIÊN GIANG" -> "tỉnh Kiên Giang"; "TP. HỒ CHÍ MINH" -> "thành phố
/// Hồ Chí Minh".
fn locality(rest: &str) -> Option<String> {
    let folded = fold(rest);
    LEVELS.iter().find_map(|(level, written)| {
        let place = folded.strip_prefix(level)?;
        if !place.starts_with(' ') {
            return None;
        }
        let n = level.split(' ').count();
        let words: Vec<&str> = rest.split_whitespace().skip(n).collect();
        (!words.is_empty()).then(|| format!("{written} {}", title_case(&words.join(" "))))
    })
}

/// "GIÁO DỤC VÀ ĐÀO TẠO" -> "Giáo dục và Đào tạo": each part of a
/// ministry's or department's name starts with a capital.
fn component_case(rest: &str) -> String {
    let lower = rest.to_lowercase();
    let mut out = String::new();
    let mut capital_next = true;
    for word in lower.split(' ') {
        if !out.is_empty() {
            out.push(' ');
        }
        // Codes and names with digits keep their printed form.
        if word.chars().any(|c| c.is_ascii_digit()) {
            let start = out.len();
            out.push_str(&original_word(rest, word));
            capital_next = out[start..].ends_with(',');
            continue;
        }
        if word == "và" || word == "-" {
            out.push_str(word);
            capital_next = true;
            continue;
        }
        if capital_next {
            out.push_str(&capitalize_first(word));
        } else {
            out.push_str(word);
        }
        capital_next = word.ends_with(',');
    }
    out
}

/// The printed form of a lower-cased word of `rest`.
fn original_word(rest: &str, lower: &str) -> String {
    rest.split(' ')
        .find(|w| w.to_lowercase() == lower)
        .unwrap_or(lower)
        .to_string()
}

/// The one body a central issuer code names ("UBTVQH13": Ủy ban Thường vụ
/// Quốc hội), if it is one.
pub fn central_name(codes: &NumberCodes) -> Option<&'static str> {
    let code = codes.issuer_code.as_deref()?;
    let letters = code.trim_end_matches(|c: char| c.is_ascii_digit());
    CENTRAL_CODES
        .iter()
        .find(|(c, _)| *c == code || *c == letters)
        .map(|(_, name)| *name)
}

/// The issuer when the header prints none: from the number's issuer code
/// and the place, when the text itself names that body.
pub fn derive(codes: &NumberCodes, place: Option<&str>, body: &str) -> Option<String> {
    let code = codes.issuer_code.as_deref()?;
    if let Some((_, name)) = CENTRAL_CODES.iter().find(|(c, _)| *c == code) {
        return Some(name.to_string());
    }
    if code.starts_with("QH") && code[2..].chars().all(|c| c.is_ascii_digit()) {
        return Some("Quốc hội".to_string());
    }
    let place = place?;
    let central = CENTRAL_CITIES.iter().any(|c| fold(place).contains(c));
    let place_name = place
        .trim_start_matches("TP.")
        .trim_start_matches("Tp.")
        .trim_start_matches("Thành phố")
        .trim();
    let folded_body = fold(body);
    let mentions = |phrase: &str| folded_body.contains(phrase);
    let level = if central { "thành phố" } else { "tỉnh" };
    let level_folded = fold(level);
    match (codes.party, code) {
        (true, "TU") => Some(format!(
            "{} {place_name}",
            if central {
                "Thành ủy"
            } else {
                "Tỉnh ủy"
            }
        )),
        (false, "UBND")
            if mentions(&format!("uy ban nhan dan {level_folded}"))
                || mentions(&format!("ubnd {level_folded}")) =>
        {
            Some(format!("UBND {level} {place_name}"))
        }
        (false, "HĐND" | "HDND")
            if mentions(&format!("hoi dong nhan dan {level_folded}"))
                || mentions(&format!("hdnd {level_folded}")) =>
        {
            Some(format!("HĐND {level} {place_name}"))
        }
        (false, "VP")
            if mentions(&format!("van phong uy ban nhan dan {level_folded}"))
                || mentions(&format!("van phong ubnd {level_folded}")) =>
        {
            Some(format!("Văn phòng UBND {level} {place_name}"))
        }
        _ => None,
    }
}

/// A dash between two words of a name printed as " - " ("Lao
/// động-Thương binh", "Lao động – Thương binh"), how the body's own
/// name is written.
pub fn spaced_dashes(name: &str) -> String {
    static DASH: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(\p{L})\s*[-–—]\s*(\p{L})").expect("valid pattern")
    });
    DASH.replace_all(name, "$1 - $2").into_owned()
}

#[cfg(test)]
#[path = "issuer_tests.rs"]
mod tests;

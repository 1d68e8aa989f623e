//! Laws, codes and ordinances cited by name and year rather than by number:
//! `Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015`,
//! `Bộ luật Lao động năm 2019`, `Luật Phòng, chống bệnh truyền nhiễm năm
//! 2007`, `Pháp lệnh Ưu đãi người có công với cách mạng`, `Hiến pháp năm
//! 2013`.
//!
//! A reference starts at `Luật`, `Bộ luật`, `Pháp lệnh` or `Hiến pháp`
//! written with a capital (lower-case `luật` is the common noun), and its
//! name runs until one of: `;` `.` `:` a bracket, a blank line, a line end
//! (unless the next line goes on in lower case, as a wrapped line does),
//! `số`, `ngày`, `năm` + year, a comma or `và` followed by a capital word
//! (the next item of a list), another type word, or a word that starts the
//! rest of a sentence (`về`, `được`, `quy định` ...). An amending law
//! (`Luật sửa đổi, bổ sung một số điều của Luật X và Luật Y`) is one name:
//! its list of amended laws belongs to it. A law followed by `số NUMBER`
//! is cited by number, not here. The year is that of the date or `năm`
//! right after the name.
//!
//! Its identity is [`law_key`]: the name folded, and the year.

use super::tokens::{Kind, Token, date_at, tokenize, written};
use std::ops::Range;

/// A law cited by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LawMention {
    /// Byte range of the name in the text.
    pub span: Range<usize>,
    /// The name as printed, single spaces (`Luật Tổ chức chính quyền địa
    /// phương`).
    pub name: String,
    /// The year printed with it, if any.
    pub year: Option<i32>,
    /// [`law_key`] of name and year.
    pub key: String,
}

/// The identity of a law cited by name: `luat:` and the folded words of
/// its name, then `@` and the year (empty when none is printed).
pub fn law_key(name: &str, year: Option<i32>) -> String {
    let folded = crate::text::fold(name);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let year = year.map(|y| y.to_string()).unwrap_or_default();
    format!("luat:{}@{year}", words.join("-"))
}

/// The year in a [`law_key`]; `None` for a number's key or a law cited
/// without its year.
pub fn law_key_year(key: &str) -> Option<i32> {
    key.strip_prefix("luat:")?.rsplit_once('@')?.1.parse().ok()
}

/// Whether `key` is a [`law_key`].
pub fn is_law_key(key: &str) -> bool {
    key.starts_with("luat:")
}

/// The [`law_key`] an archive document answers to when it is a law, code,
/// ordinance or constitution: its type and title, and its year.
pub fn archive_law_key(doc_type: &str, title: &str, year: i32) -> Option<String> {
    let ty = crate::text::fold(doc_type);
    if !matches!(ty.as_str(), "luat" | "bo luat" | "phap lenh" | "hien phap") {
        return None;
    }
    let name = if crate::text::fold(title).starts_with(&ty) {
        title.to_string()
    } else {
        format!("{doc_type} {title}")
    };
    Some(law_key(&name, Some(year)))
}

/// The laws cited by name in `text` as [`Mention`]s of the graph: the
/// number is the name, the key its [`law_key`].
pub(crate) fn law_mentions(text: &str) -> Vec<super::detect::Mention> {
    find_laws(text)
        .into_iter()
        .map(|l| {
            let folded = crate::text::fold(&l.name);
            let ty = if folded.starts_with("bo luat") {
                "Bộ luật"
            } else if folded.starts_with("phap lenh") {
                "Pháp lệnh"
            } else if folded.starts_with("hien phap") {
                "Hiến pháp"
            } else {
                "Luật"
            };
            super::detect::Mention {
                span: l.span,
                number: l.name,
                key: l.key,
                type_word: Some(ty.to_string()),
                date: None,
                issuer_hint: None,
            }
        })
        .collect()
}

/// Words that end a law's name: the sentence goes on after it.
const STOP: &[&str] = &[
    "về", "được", "đã", "có", "thì", "trong", "tại", "theo", "để", "này", "các", "những", "hiện",
    "và", "hoặc", "là", "sẽ", "khi", "do", "cho", "từ", "đến", "như", "mới", "quy", "hướng",
    "thực", "triển", "sửa",
];

/// Whether token `tok` is one of the [`STOP`] words, with its tones: folded,
/// `khí` (weapons) would be `khi` (when).
fn is_stop(text: &str, tok: &Token) -> bool {
    tok.kind == Kind::Word && !tok.capital && {
        let w = text[tok.span.clone()].to_lowercase();
        STOP.contains(&w.as_str())
    }
}

/// Words that may follow a stop word inside a name (`và` in `Luật Quản lý,
/// sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ`): a stop word ends the
/// name only when the words after it are not of a name.
fn stops_here(text: &str, t: &[Token], j: usize, words: usize, in_of: bool) -> bool {
    let w = t[j].folded.as_str();
    match w {
        "va" | "hoac" => {
            // `và` + another type word or `các` is the next item; + the
            // rest of a name goes on (`vật liệu nổ và công cụ hỗ trợ`, `Tổ
            // chức HĐND và UBND`), as does `và Luật Y` in an amending law.
            t.get(j + 1).is_none_or(|n| {
                n.kind != Kind::Word || is_stop(text, n) || is_type_start(t, j + 1) && !in_of
            })
        }
        "quy" => words > 1 && t.get(j + 1).is_some_and(|n| n.is_word("dinh")),
        "huong" => t.get(j + 1).is_some_and(|n| n.is_word("dan")),
        "thuc" => t.get(j + 1).is_some_and(|n| n.is_word("hien")),
        "trien" => t.get(j + 1).is_some_and(|n| n.is_word("khai")),
        "sua" => words > 1,
        "moi" => words > 1,
        "co" => words > 1 && !t.get(j + 1).is_some_and(|n| n.is_word("cong")),
        _ => words > 1 || matches!(w, "nay" | "cac" | "ve" | "da" | "duoc"),
    }
}

/// Whether the lower-case word at `j` never belongs to a law's name: the
/// sentence goes on after the name (`Luật Doanh nghiệp không thuộc …`,
/// `Bộ luật Lao động còn chưa đủ …`, `Pháp lệnh … với cách mạng, chỉ đạo
/// …`, `Luật Đầu tư, gồm …`). Names of laws are nouns of a field; these are
/// the verbs, conjunctions and frames that follow them in real text.
fn never_in_name(text: &str, t: &[Token], j: usize) -> bool {
    let tok = &t[j];
    if tok.kind != Kind::Word || tok.capital {
        return false;
    }
    let next = |w: &str| t.get(j + 1).is_some_and(|n| n.is_word(w));
    match text[tok.span.clone()].to_lowercase().as_str() {
        "gồm" | "khoản" | "còn" | "không" | "trừ" | "thuộc" | "cùng" | "nhằm" | "sống" | "khi"
        | "chưa" | "phải" | "cần" | "đang" | "vẫn" | "theo" => true,
        "giai" => next("doan"),
        "chỉ" => next("dao"),
        "đối" => next("voi"),
        "trên" => next("dia"),
        "thay" => next("the"),
        "báo" => next("cao"),
        "bảo" => next("dam"),
        "đảm" => next("bao"),
        _ => false,
    }
}

/// Type words that start another citation.
fn is_type_start(t: &[Token], j: usize) -> bool {
    let w = |k: usize| {
        t.get(k)
            .filter(|k| k.kind == Kind::Word)
            .map(|k| k.folded.as_str())
    };
    if !t[j].capital {
        return false;
    }
    matches!(
        (w(j), w(j + 1)),
        (Some("luat"), _)
            | (Some("bo"), Some("luat"))
            | (Some("phap"), Some("lenh"))
            | (Some("hien"), Some("phap"))
            | (Some("nghi"), Some("dinh" | "quyet"))
            | (Some("thong"), Some("tu" | "bao"))
            | (Some("quyet"), Some("dinh"))
            | (Some("chi"), Some("thi"))
            | (Some("cong"), Some("van" | "dien"))
            | (Some("ke"), Some("hoach"))
    )
}

/// The trigger at token `k`: how many tokens it has.
fn trigger(t: &[Token], k: usize) -> Option<usize> {
    let tok = &t[k];
    if tok.kind != Kind::Word || !tok.capital {
        return None;
    }
    let next = |w: &str| t.get(k + 1).is_some_and(|n| n.is_word(w));
    let prev = k.checked_sub(1).map(|p| &t[p]);
    match tok.folded.as_str() {
        // `Pháp Luật Việt Nam`, the site banner, is not a law.
        "luat" if !prev.is_some_and(|p| p.is_word("phap") || p.is_word("bo")) => {
            // `Dân Luật Việt Nam`: after a capital word inside a sentence,
            // `Luật` is part of a proper name.
            let proper = k >= 2
                && t[k - 1].kind == Kind::Word
                && t[k - 1].capital
                && t[k - 2].kind == Kind::Word;
            (!proper).then_some(1)
        }
        "bo" if next("luat") => Some(2),
        "phap" if next("lenh") => Some(2),
        "hien" if next("phap") => Some(2),
        _ => None,
    }
}

/// Every law cited by name in `text`, in order. A name cited without a
/// year where the same name is cited with one is that law: it is dropped.
pub fn find_laws(text: &str) -> Vec<LawMention> {
    let t = tokenize(text, 0..text.len());
    let mut out: Vec<LawMention> = Vec::new();
    let mut cited_by_number: Vec<String> = Vec::new();
    let mut k = 0;
    while k < t.len() {
        let Some(n) = trigger(&t, k) else {
            k += 1;
            continue;
        };
        match read_name(text, &t, k, n) {
            Some((end, m, numbered)) => {
                if numbered {
                    cited_by_number.push(law_key(&m.name, None));
                } else {
                    out.push(m);
                }
                k = end;
            }
            None => k += n,
        }
    }
    // The same name without a year is the law cited with one, or cited by
    // its number elsewhere in the text.
    let mut with_year: Vec<String> = out
        .iter()
        .filter(|m| m.year.is_some())
        .map(|m| law_key(&m.name, None))
        .collect();
    with_year.extend(cited_by_number);
    out.retain(|m| m.year.is_some() || !with_year.contains(&m.key));
    out
}

/// Whether the line that ends at byte `end` is long, as the lines of a
/// hard-wrapped paragraph are.
fn long_line_before(text: &str, end: usize) -> bool {
    let start = text[..end].rfind('\n').map_or(0, |p| p + 1);
    text[start..end].chars().count() >= 60
}

/// Whether a line end lies between tokens `a` and `b`.
fn line_end_between(text: &str, a: &Token, b: &Token) -> bool {
    text[a.span.end..b.span.start].contains(crate::text::is_line_end)
}

/// The name starting at trigger `k` (of `n` tokens): where reading ends,
/// the mention, and whether the law is cited by number there.
fn read_name(text: &str, t: &[Token], k: usize, n: usize) -> Option<(usize, LawMention, bool)> {
    let first = t.get(k + n)?;
    if t[k].is_word("hien") && (first.is_word("nam") || first.kind != Kind::Word) {
        let year = year_at(t, k + n);
        let name = written(text, &t[k..k + n]);
        let span = t[k].span.start..t[k + n - 1].span.end;
        let key = law_key(&name, year);
        let m = LawMention {
            span,
            name,
            year,
            key,
        };
        return Some((k + n, m, false));
    }
    if first.kind != Kind::Word
        || never_in_name(text, t, k + n)
        || line_end_between(text, &t[k + n - 1], first) && first.capital
        || matches!(
            first.folded.as_str(),
            "nay" | "su" | "so" | "cua" | "va" | "cac" | "hien" | "moi" | "dinh" | "trong" | "tren"
        )
    {
        return None;
    }
    let amending = first.is_word("sua");
    let mut j = k + n;
    let mut words = 0;
    let mut in_of = false; // after `của` in an amending law
    let mut cut: Option<(usize, usize)> = None;
    while j < t.len() && words < 30 {
        let tok = &t[j];
        if j > k + n && line_end_between(text, &t[j - 1], tok) {
            // A wrapped line goes on: in lower case, or after a long line
            // (a hard-wrapped paragraph of a PDF).
            if tok.kind != Kind::Word {
                break;
            }
            if tok.capital && !long_line_before(text, t[j - 1].span.end) {
                // `Luật Tổ chức` / `Chính phủ số 63/2025/QH15`: a short line
                // goes on in capitals only if the name then ends as a
                // citation does (number, date, year, `;`).
                if is_type_start(t, j) || cut.is_some() {
                    break;
                }
                cut = Some((j, words));
            }
        }
        match tok.kind {
            Kind::Break => break,
            Kind::Punct => {
                let next = t.get(j + 1);
                let goes_on = match tok.mark {
                    ',' => next.is_some_and(|n| {
                        n.kind == Kind::Word
                            && !matches!(n.folded.as_str(), "ngay" | "nam" | "so")
                            && (!n.capital || in_of && trigger(t, j + 1).is_some())
                    }),
                    '-' | '–' | '“' | '”' | '"' => true,
                    _ => false,
                };
                if !goes_on {
                    break;
                }
            }
            Kind::Word => {
                let w = tok.folded.as_str();
                if w.bytes().all(|b| b.is_ascii_digit())
                    || w == "ngay"
                    || w == "so" && !(j > 0 && t[j - 1].is_word("mot"))
                    || w == "nam" && t.get(j + 1).is_some_and(|n| n.folded.len() == 4)
                {
                    break;
                }
                if never_in_name(text, t, j) {
                    break;
                }
                let of_issuer = t
                    .get(j + 1)
                    .is_none_or(|n| n.kind != Kind::Word || n.capital);
                if w == "cua" && !amending && of_issuer {
                    // `Pháp lệnh X của Ủy ban Thường vụ Quốc hội`; but `Luật
                    // Phòng, chống tác hại của thuốc lá` is one name.
                    break;
                } else if amending && w == "cua" {
                    in_of = true;
                } else if j > k + n
                    && ((is_type_start(t, j) && !(in_of && trigger(t, j).is_some()))
                        || (is_stop(text, tok) && stops_here(text, t, j, words, in_of)))
                {
                    break;
                }
                words += 1;
            }
        }
        j += 1;
    }
    if let Some((c, w)) = cut {
        let digits = |k: usize| {
            t.get(k).is_some_and(|n| {
                !n.folded.is_empty() && n.folded.bytes().all(|b| b.is_ascii_digit())
            })
        };
        let good = t.get(j).is_some_and(|e| {
            e.is_punct(';')
                || e.is_word("ngay")
                || e.is_word("so") && digits(j + 1)
                || e.is_word("nam") && digits(j + 1)
        });
        if !good {
            j = c;
            words = w;
        }
    }
    // Trailing marks, and a `và` / `hoặc` left before the word that
    // ended the name, are not part of it.
    let mut end = j;
    while end > k + n
        && (t[end - 1].kind == Kind::Punct
            || t[end - 1].is_word("va")
            || t[end - 1].is_word("hoac"))
    {
        end -= 1;
    }
    // `Hiến pháp năm 2013` needs no more name.
    let constitution = t[k].is_word("hien");
    if (words == 0 || end <= k + n) && !constitution {
        return None;
    }
    let end = end.max(k + n);
    // `Luật X số 45/2019/QH14`: cited by its number.
    let mut after = end;
    if t.get(after).is_some_and(|a| a.is_punct(',')) {
        after += 1;
    }
    let numbered = t.get(after).is_some_and(|a| a.is_word("so"))
        && t.get(after + 1)
            .is_some_and(|a| a.folded.bytes().all(|b| b.is_ascii_digit()));
    let year = year_at(t, after);
    let name = written(text, &t[k..end]);
    let span = t[k].span.start..t[end - 1].span.end;
    Some((
        end,
        LawMention {
            span,
            key: law_key(&name, year),
            name,
            year,
        },
        numbered,
    ))
}

/// `ngày 19 tháng 6 năm 2015`, `ngày 19/6/2015` or `năm 2019` at token `i`.
fn year_at(t: &[Token], i: usize) -> Option<i32> {
    use chrono::Datelike;
    if let Some((d, _)) = date_at(t, i) {
        return Some(d.year());
    }
    let y = t.get(i + 1)?;
    if t.get(i)?.is_word("nam") && y.folded.len() == 4 {
        return y.folded.parse().ok().filter(|y| (1945..2100).contains(y));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn laws(text: &str) -> Vec<(String, Option<i32>)> {
        find_laws(text)
            .into_iter()
            .map(|m| (m.name, m.year))
            .collect()
    }

    fn one(name: &str, year: Option<i32>) -> Vec<(String, Option<i32>)> {
        vec![(name.to_string(), year)]
    }

    #[test]
    fn names_end_at_the_date_or_year() {
        assert_eq!(
            laws("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"),
            one("Luật Tổ chức chính quyền địa phương", Some(2015))
        );
        assert_eq!(
            laws("theo Bộ luật Lao động năm 2019 và các văn bản"),
            one("Bộ luật Lao động", Some(2019))
        );
        assert_eq!(
            laws("Căn cứ Luật Phòng, chống bệnh truyền nhiễm năm 2007;"),
            one("Luật Phòng, chống bệnh truyền nhiễm", Some(2007))
        );
        assert_eq!(
            laws("Căn cứ Pháp lệnh Ưu đãi người có công với cách mạng ngày 09/12/2020;"),
            one("Pháp lệnh Ưu đãi người có công với cách mạng", Some(2020))
        );
    }

    #[test]
    fn the_sentence_after_a_name_is_not_part_of_it() {
        // Seen in real documents: the words after a name run on into it.
        for (text, name) in [
            (
                "theo Luật Doanh nghiệp không thuộc đối tượng áp dụng",
                "Luật Doanh nghiệp",
            ),
            (
                "trong độ tuổi theo Bộ luật Lao động còn chưa đủ",
                "Bộ luật Lao động",
            ),
            (
                "theo Bộ luật Lao động sống cô đơn, con mồ côi",
                "Bộ luật Lao động",
            ),
            (
                "Pháp lệnh ưu đãi người có công với cách mạng, chỉ đạo các",
                "Pháp lệnh ưu đãi người có công với cách mạng",
            ),
            (
                "Pháp lệnh ưu đãi người có công với cách mạng giai đoạn 2021",
                "Pháp lệnh ưu đãi người có công với cách mạng",
            ),
            ("quy định tại Luật Đầu tư, gồm các", "Luật Đầu tư"),
            (
                "Luật Xử lý vi phạm hành chính và khoản 2 Điều 5",
                "Luật Xử lý vi phạm hành chính",
            ),
            (
                "Luật Bảo vệ bí mật nhà nước trên địa bàn tỉnh",
                "Luật Bảo vệ bí mật nhà nước",
            ),
            (
                "Luật Cán bộ, công chức đối với cán bộ",
                "Luật Cán bộ, công chức",
            ),
            (
                "Pháp lệnh người có công bảo đảm rõ ràng",
                "Pháp lệnh người có công",
            ),
            ("Bộ luật Lao động trừ trường hợp", "Bộ luật Lao động"),
        ] {
            assert_eq!(laws(text), one(name, None), "{text}");
        }
        // A type word followed by such a word is no law at all.
        for text in [
            "các Luật thuộc phạm vi, lĩnh vực quản lý",
            "Luật khi tổ chức mô hình chính quyền địa phương",
            "xây dựng Pháp lệnh bảo đảm rõ ràng, minh bạch",
            "Pháp lệnh theo đúng quy định",
            "Pháp lệnh thay thế",
        ] {
            assert!(laws(text).is_empty(), "{text}: {:?}", laws(text));
        }
        // Names holding such words in their own noun phrases stay whole.
        assert_eq!(
            laws("Căn cứ Luật Phòng, chống tác hại của thuốc lá ngày 18 tháng 6 năm 2012;"),
            one("Luật Phòng, chống tác hại của thuốc lá", Some(2012))
        );
    }

    #[test]
    fn an_amending_law_is_one_name() {
        assert_eq!(
            laws(
                "Căn cứ Luật Sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;"
            ),
            one(
                "Luật Sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương",
                Some(2019)
            )
        );
    }

    #[test]
    fn lists_and_sentences_split_names() {
        assert_eq!(
            laws("thực hiện Luật Lâm nghiệp, Luật Đất đai và các văn bản hướng dẫn thi hành"),
            [
                ("Luật Lâm nghiệp".to_string(), None),
                ("Luật Đất đai".to_string(), None)
            ]
        );
        assert_eq!(
            laws("Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ năm 2024;"),
            one(
                "Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ",
                Some(2024)
            )
        );
        assert_eq!(
            laws("Căn cứ Luật Đầu tư về việc lấy ý kiến"),
            one("Luật Đầu tư", None)
        );
    }

    #[test]
    fn constitution_and_issuer_after_the_name() {
        assert_eq!(
            laws("Căn cứ Hiến pháp năm 2013;"),
            one("Hiến pháp", Some(2013))
        );
        assert_eq!(
            laws(
                "thi hành Pháp lệnh Ưu đãi người có công với cách mạng của Ủy ban Thường vụ Quốc hội"
            ),
            one("Pháp lệnh Ưu đãi người có công với cách mạng", None)
        );
    }

    #[test]
    fn a_name_wrapped_onto_a_short_line() {
        let text =
            "*Căn cứ Luật Tổ chức\nChính phủ số 63/2025/QH15;*\n\ntheo Luật Tổ chức Chính phủ";
        assert!(laws(text).is_empty(), "{:?}", laws(text));
        assert_eq!(
            laws("thực hiện Luật Đất đai\nĐiều 5 quy định"),
            one("Luật Đất đai", None)
        );
    }

    #[test]
    fn laws_cited_by_number_and_look_alikes_are_not_here() {
        assert!(laws("Căn cứ Luật Quản lý thuế số 38/2019/QH14 ngày 13/6/2019;").is_empty());
        assert!(laws("kết nối cộng đồng Dân Luật Việt Nam, nhằm").is_empty());
        assert_eq!(
            laws("Theo Luật Đầu tư năm 2020"),
            one("Luật Đầu tư", Some(2020))
        );
        assert!(
            laws("THƯ VIỆN PHÁP LUẬT, Pháp Luật Việt Nam, theo Luật này, các Luật sư").is_empty()
        );
        assert!(laws("theo quy định của pháp luật và luật đất đai").is_empty());
    }

    #[test]
    fn the_same_law_without_its_year_is_that_law() {
        let text =
            "Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024;\n\nThực hiện Luật Đất đai, các sở";
        assert_eq!(laws(text), one("Luật Đất đai", Some(2024)));
        assert_eq!(
            law_key("Luật Tổ chức chính quyền địa phương", Some(2015)),
            law_key("LUẬT TỔ CHỨC CHÍNH QUYỀN ĐỊA PHƯƠNG", Some(2015))
        );
    }
}

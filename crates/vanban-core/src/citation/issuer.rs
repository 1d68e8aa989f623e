//! Issuers as citing sentences name them ("của Tỉnh ủy", "Bộ Chính trị ban
//! hành") and as documents' front matter names them ("Tỉnh ủy Kiên Giang"),
//! reduced to something comparable: an [`Authority`].
//!
//! A hint is compatible with a document's issuer when both belong to the same
//! body family and neither contradicts the other: "Trung ương" covers Bộ
//! Chính trị, Ban Bí thư and Ban Chấp hành Trung ương, but "Bộ Chính trị" is
//! not "Ban Bí thư"; "Tỉnh ủy", "Ban Thường vụ Tỉnh ủy" and "Thường trực Tỉnh
//! ủy" are one family, as are "UBND tỉnh" and "Chủ tịch UBND tỉnh". Local
//! bodies also need the same place.

use super::tokens::{Kind, Token, written};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Provinces and centrally governed cities, folded, as they follow "tỉnh",
/// "thành phố" or "Tỉnh ủy" in running text.
const PLACES: &[&str] = &[
    "an giang",
    "ba ria vung tau",
    "bac giang",
    "bac kan",
    "bac can",
    "bac lieu",
    "bac ninh",
    "ben tre",
    "binh dinh",
    "binh duong",
    "binh phuoc",
    "binh thuan",
    "ca mau",
    "cao bang",
    "dak lak",
    "dak nong",
    "dien bien",
    "dong nai",
    "dong thap",
    "gia lai",
    "ha giang",
    "ha nam",
    "ha tinh",
    "hai duong",
    "hau giang",
    "hoa binh",
    "hung yen",
    "khanh hoa",
    "kien giang",
    "kon tum",
    "lai chau",
    "lam dong",
    "lang son",
    "lao cai",
    "long an",
    "nam dinh",
    "nghe an",
    "ninh binh",
    "ninh thuan",
    "phu tho",
    "phu yen",
    "quang binh",
    "quang nam",
    "quang ngai",
    "quang ninh",
    "quang tri",
    "soc trang",
    "son la",
    "tay ninh",
    "thai binh",
    "thai nguyen",
    "thanh hoa",
    "thua thien hue",
    "tien giang",
    "tra vinh",
    "tuyen quang",
    "vinh long",
    "vinh phuc",
    "yen bai",
    "ha noi",
    "ho chi minh",
    "hai phong",
    "da nang",
    "can tho",
    "hue",
];

/// Central bodies named in citations, folded.
const CENTRAL: &[&str] = &[
    "thu tuong chinh phu",
    "thu tuong",
    "chinh phu",
    "van phong chinh phu",
    "bo chinh tri",
    "ban bi thu",
    "ban chap hanh trung uong dang",
    "ban chap hanh trung uong",
    "trung uong dang",
    "trung uong",
    "van phong trung uong dang",
    "van phong trung uong",
    "ban tuyen giao trung uong",
    "ban to chuc trung uong",
    "ban dan van trung uong",
    "ban noi chinh trung uong",
    "ban kinh te trung uong",
    "uy ban kiem tra trung uong",
    "ban chi dao trung uong",
    "ban chi dao quoc gia",
    "quoc hoi",
    "uy ban thuong vu quoc hoi",
    "chu tich nuoc",
    "bo y te",
    "bo tai chinh",
    "bo cong an",
    "bo quoc phong",
    "bo ngoai giao",
    "bo noi vu",
    "bo tu phap",
    "bo ke hoach va dau tu",
    "bo cong thuong",
    "bo nong nghiep va phat trien nong thon",
    "bo giao thong van tai",
    "bo xay dung",
    "bo tai nguyen va moi truong",
    "bo thong tin va truyen thong",
    "bo lao dong thuong binh va xa hoi",
    "bo van hoa the thao va du lich",
    "bo khoa hoc va cong nghe",
    "bo giao duc va dao tao",
    "ngan hang nha nuoc",
    "thanh tra chinh phu",
    "uy ban dan toc",
    "bao hiem xa hoi viet nam",
];

/// Party committees below the centre, with the bodies that speak for them.
const COMMITTEES: &[&str] = &["tinh uy", "thanh uy", "huyen uy", "quan uy"];
const COMMITTEE_ORGANS: &[&str] = &[
    "",
    "ban thuong vu ",
    "thuong truc ",
    "van phong ",
    "ban tuyen giao ",
    "ban to chuc ",
    "ban dan van ",
    "ban noi chinh ",
    "uy ban kiem tra ",
];
/// People's committees and councils, with their levels and organs.
const COUNCILS: &[&str] = &["ubnd", "uy ban nhan dan", "hdnd", "hoi dong nhan dan"];
const LEVELS: &[&str] = &["", " tinh", " thanh pho", " huyen", " quan", " thi xa"];
const COUNCIL_ORGANS: &[&str] = &[
    "",
    "chu tich ",
    "pho chu tich ",
    "thuong truc ",
    "van phong ",
];
/// Provincial departments and boards.
const LOCAL_BODIES: &[&str] = &[
    "so ngoai vu",
    "ban chi dao tinh",
    "cong an tinh",
    "bo chi huy quan su tinh",
];

/// Every issuer phrase as a word list, by first word, longest first.
fn phrases() -> &'static HashMap<String, Vec<Vec<String>>> {
    static PHRASES: OnceLock<HashMap<String, Vec<Vec<String>>>> = OnceLock::new();
    PHRASES.get_or_init(|| {
        let mut all: Vec<String> = CENTRAL.iter().map(|s| s.to_string()).collect();
        all.extend(LOCAL_BODIES.iter().map(|s| s.to_string()));
        // Every ministry has its department in each province: "Sở Y tế".
        all.extend(
            CENTRAL
                .iter()
                .filter_map(|b| b.strip_prefix("bo "))
                .filter(|b| *b != "chinh tri")
                .map(|b| format!("so {b}")),
        );
        for c in COMMITTEES {
            all.extend(COMMITTEE_ORGANS.iter().map(|o| format!("{o}{c}")));
        }
        all.push("ban chap hanh dang bo tinh".to_string());
        for c in COUNCILS {
            for l in LEVELS {
                all.extend(COUNCIL_ORGANS.iter().map(|o| format!("{o}{c}{l}")));
            }
        }
        let mut by_first: HashMap<String, Vec<Vec<String>>> = HashMap::new();
        for phrase in all {
            let words: Vec<String> = phrase.split(' ').map(str::to_string).collect();
            by_first.entry(words[0].clone()).or_default().push(words);
        }
        for lists in by_first.values_mut() {
            lists.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
            lists.dedup();
        }
        by_first
    })
}

/// Whether a folded place name is a province or centrally governed city.
pub(crate) fn is_province(key: &str) -> bool {
    static SET: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| PLACES.iter().copied().collect())
        .contains(key)
}

/// The level of government a local body belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// Tỉnh ủy, UBND tỉnh, a Sở: one per province.
    Province,
    /// Huyện ủy, UBND huyện: one per district.
    District,
    /// A city's body ("UBND thành phố", "Thành ủy"): the city above a
    /// quận or huyện citing it, the city itself citing it, unknown from a
    /// province.
    City,
    /// UBND without a level: either.
    Unknown,
}

impl Scope {
    /// The scope of a number's issuer code: `TU` and its boards are
    /// provincial, `HU` and `QU` district; `UBND`, `VP` … either.
    pub fn of_code(code: &str) -> Scope {
        let code = code.to_ascii_uppercase();
        match code.as_str() {
            "HU" | "QU" => Scope::District,
            "TU" | "SYT" => Scope::Province,
            c if c.len() > 2 && c.ends_with("TU") => Scope::Province,
            c if crate::number::issuer_name(c).is_some_and(|n| n.starts_with("Sở ")) => {
                Scope::Province
            }
            _ => Scope::Unknown,
        }
    }

    /// The scope of the body a place belongs to.
    pub fn of_place(place: &Place) -> Scope {
        if is_province(&place.key) {
            Scope::Province
        } else {
            Scope::District
        }
    }
}

fn places() -> &'static [Vec<&'static str>] {
    static SPLIT: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    SPLIT.get_or_init(|| PLACES.iter().map(|p| p.split(' ').collect()).collect())
}

/// Words of `phrase` matched from token `i`, where `-` and `,` between words
/// are ignored. Returns the index after the last word.
fn match_words<S: AsRef<str>>(t: &[Token], mut i: usize, phrase: &[S]) -> Option<usize> {
    for (n, w) in phrase.iter().enumerate() {
        if n > 0 {
            while t.get(i).is_some_and(|k| k.is_punct('-') || k.is_punct(',')) {
                i += 1;
            }
        }
        if !t.get(i)?.is_word(w.as_ref()) {
            return None;
        }
        i += 1;
    }
    Some(i)
}

/// A place name (province or city) from token `i`, longest first.
fn match_place(t: &[Token], i: usize) -> Option<usize> {
    if !t.get(i).is_some_and(|k| k.kind == Kind::Word && k.capital) {
        return None;
    }
    places().iter().filter_map(|p| match_words(t, i, p)).max()
}

/// The issuer named from token `i` ("Tỉnh ủy", "Bộ Chính trị", "UBND tỉnh
/// Kiên Giang"): the index after it and its text as written.
pub(crate) fn match_issuer(text: &str, t: &[Token], i: usize) -> Option<(usize, String)> {
    let first = t.get(i).filter(|k| k.kind == Kind::Word)?;
    let mut end = phrases()
        .get(&first.folded)?
        .iter()
        .find_map(|p| match_words(t, i, p))?;
    let last = &t[end - 1].folded;
    if matches!(
        last.as_str(),
        "tinh" | "pho" | "huyen" | "quan" | "xa" | "uy"
    ) && let Some(e) = match_place(t, end)
    {
        end = e;
    }
    Some((end, written(text, &t[i..end])))
}

/// A place: the key to compare (folded) and the name as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Place {
    pub key: String,
    pub name: String,
    /// "tỉnh", "thành phố" or "huyện", as a qualifier in front of the name.
    pub level: &'static str,
}

/// What an issuer name or hint says about the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Authority {
    /// The body family: `tw`, `ttg`, `cp`, `tinh uy`, `ubnd`, or the
    /// folded name of any other body.
    pub family: String,
    /// Within a family: `bct`, `bbt`, `bch` for the Party centre.
    pub specific: Option<&'static str>,
    /// `tinh`, `thanh pho`, `huyen` ... for people's committees and councils.
    pub level: Option<&'static str>,
    /// The place named, if any.
    pub place: Option<Place>,
    /// A provincial or lower body: every province has one.
    pub local: bool,
}

const SYNONYMS: &[(&str, &str)] = &[
    ("uy ban nhan dan", "ubnd"),
    ("hoi dong nhan dan", "hdnd"),
    ("ban chap hanh trung uong dang", "bch trung uong"),
    ("ban chap hanh trung uong", "bch trung uong"),
    ("trung uong dang", "trung uong"),
    ("ban chap hanh dang bo tinh", "tinh uy"),
];

const MARKERS: &[(&str, &str)] = &[
    ("tinh uy", "tỉnh"),
    ("thanh uy", "thành phố"),
    ("huyen uy", "huyện"),
    ("quan uy", "quận"),
    ("thanh pho", "thành phố"),
    ("tp", "thành phố"),
    ("tinh", "tỉnh"),
    ("huyen", "huyện"),
    ("quan", "quận"),
    ("thi xa", "thị xã"),
];

impl Authority {
    /// Reads an issuer name ("Văn phòng UBND tỉnh Kiên Giang") or a hint
    /// ("Tỉnh ủy", "Bộ Chính trị").
    pub fn of(name: &str) -> Authority {
        let toks: Vec<Token> = super::tokens::tokenize(name, 0..name.len())
            .into_iter()
            .filter(|t| t.kind == Kind::Word)
            .collect();
        let words: Vec<&str> = toks.iter().map(|t| t.folded.as_str()).collect();
        // The place: the words after the last marker.
        let mut place = None;
        let mut body_len = words.len();
        for at in (0..words.len()).rev() {
            let marker = MARKERS.iter().find(|(m, _)| {
                let m: Vec<&str> = m.split(' ').collect();
                // "cơ quan" is not a district.
                words[at..].starts_with(&m) && !(*m == ["quan"] && at > 0 && words[at - 1] == "co")
            });
            if let Some((m, level)) = marker {
                let after = at + m.split(' ').count();
                if after < words.len() {
                    place = Some(Place {
                        key: words[after..].join(" "),
                        name: written(name, &toks[after..]),
                        level,
                    });
                    body_len = after;
                }
                break;
            }
        }
        let mut body = format!(" {} ", words[..body_len].join(" "));
        for (from, to) in SYNONYMS {
            body = body.replace(&format!(" {from} "), &format!(" {to} "));
        }
        let body = body.trim();
        let starts = |p: &str| body == p || body.starts_with(&format!("{p} "));
        let ends = |p: &str| body == p || body.ends_with(&format!(" {p}"));
        let mut a = Authority {
            family: body.to_string(),
            specific: None,
            level: None,
            place,
            local: false,
        };
        let council = ["ubnd", "hdnd"].into_iter().find(|c| {
            starts(c)
                || ["chu tich", "pho chu tich", "thuong truc"]
                    .iter()
                    .any(|o| starts(&format!("{o} {c}")))
        });
        if starts("thu tuong") {
            a.family = "ttg".into();
        } else if starts("van phong chinh phu") {
            a.family = "vpcp".into();
        } else if body == "chinh phu" {
            a.family = "cp".into();
        } else if body == "bo chinh tri" {
            (a.family, a.specific) = ("tw".into(), Some("bct"));
        } else if body == "ban bi thu" {
            (a.family, a.specific) = ("tw".into(), Some("bbt"));
        } else if body == "bch trung uong" {
            (a.family, a.specific) = ("tw".into(), Some("bch"));
        } else if body == "trung uong" {
            a.family = "tw".into();
        } else if let Some(c) = COMMITTEES.iter().find(|c| ends(c) || starts(c)) {
            // "Ban Thường vụ Tỉnh ủy", "Thường trực Tỉnh ủy" speak for the Tỉnh ủy;
            // its offices and boards are bodies of their own.
            let organ = body.strip_suffix(*c).unwrap_or("").trim();
            a.family = if organ.is_empty() || organ == "ban thuong vu" || organ == "thuong truc" {
                (*c).to_string()
            } else {
                format!("{organ} {c}")
            };
            a.local = true;
        } else if let Some(c) = council {
            let at = body.find(c).unwrap_or(0);
            let rest = body[at + c.len()..].trim();
            a.level = ["tinh", "thanh pho", "huyen", "quan", "thi xa"]
                .into_iter()
                .find(|l| rest == *l);
            a.family = c.to_string();
            a.local = true;
        } else if let Some(c) = ["ubnd", "hdnd"]
            .into_iter()
            .find(|c| starts(&format!("van phong {c}")))
        {
            let rest = body["van phong ".len() + c.len()..].trim();
            a.level = ["tinh", "thanh pho", "huyen"]
                .into_iter()
                .find(|l| rest == *l);
            a.family = format!("vp {c}");
            a.local = true;
        } else {
            a.local = a.place.is_some() || starts("so") || MARKERS.iter().any(|(m, _)| ends(m));
            for (m, _) in MARKERS {
                if let Some(stripped) = a.family.strip_suffix(&format!(" {m}")) {
                    a.family = stripped.to_string();
                    break;
                }
            }
        }
        a
    }

    /// [`Authority::of`], remembered per thread: an archive names few
    /// distinct issuers many times over.
    pub fn cached(name: &str) -> Authority {
        thread_local! {
            static CACHE: RefCell<HashMap<String, Authority>> = RefCell::new(HashMap::new());
        }
        CACHE.with(|cache| {
            let mut cache = cache.borrow_mut();
            if let Some(a) = cache.get(name) {
                return a.clone();
            }
            let a = Authority::of(name);
            if cache.len() >= 4096 {
                cache.clear();
            }
            cache.insert(name.to_string(), a.clone());
            a
        })
    }

    /// Whether a document issued by `issuer` can be what `self` (a hint)
    /// names. Places are compared by the caller.
    pub fn admits(&self, issuer: &Authority) -> bool {
        self.family == issuer.family
            && (self.specific.is_none()
                || issuer.specific.is_none()
                || self.specific == issuer.specific)
            && (self.level.is_none() || issuer.level.is_none() || self.level == issuer.level)
    }

    /// The level of government of a local body; [`Scope::Unknown`] for
    /// others.
    pub fn scope(&self) -> Scope {
        let f = self.family.as_str();
        let ends = |s: &str| f == s || f.ends_with(&format!(" {s}"));
        if !self.local {
            Scope::Unknown
        } else if ends("tinh uy") || f.starts_with("so ") {
            Scope::Province
        } else if ends("huyen uy") || ends("quan uy") {
            Scope::District
        } else if ends("thanh uy") {
            Scope::City
        } else {
            match self.level {
                Some("tinh") => Scope::Province,
                Some("huyen" | "quan" | "thi xa") => Scope::District,
                Some("thanh pho") => Scope::City,
                _ => Scope::Unknown,
            }
        }
    }

    /// How precisely a hint names its body, to prefer "Bộ Chính trị" over
    /// "Trung ương" when naming a document.
    pub fn precision(&self) -> (bool, bool, bool) {
        (
            self.specific.is_some(),
            self.place.is_some(),
            self.level.is_some(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::citation::tokens::tokenize;

    fn issuer(s: &str) -> Option<String> {
        let t = tokenize(s, 0..s.len());
        match_issuer(s, &t, 0).map(|(_, w)| w)
    }

    #[test]
    fn issuer_phrases_as_written() {
        assert_eq!(
            issuer("Tỉnh ủy về việc tăng cường").as_deref(),
            Some("Tỉnh ủy")
        );
        assert_eq!(
            issuer("Bộ Chính trị về một số").as_deref(),
            Some("Bộ Chính trị")
        );
        assert_eq!(
            issuer("Thủ tướng Chính phủ trên phạm vi").as_deref(),
            Some("Thủ tướng Chính phủ")
        );
        assert_eq!(
            issuer("Chủ tịch UBND tỉnh về triển khai").as_deref(),
            Some("Chủ tịch UBND tỉnh")
        );
        assert_eq!(
            issuer("Ban Thường vụ Tỉnh ủy về việc").as_deref(),
            Some("Ban Thường vụ Tỉnh ủy")
        );
        assert_eq!(
            issuer("Tỉnh ủy Quảng Ngãi về").as_deref(),
            Some("Tỉnh ủy Quảng Ngãi")
        );
        assert_eq!(
            issuer("UBND tỉnh Kiên Giang.").as_deref(),
            Some("UBND tỉnh Kiên Giang")
        );
        // A person's name is not a place.
        assert_eq!(
            issuer("Phó Chủ tịch UBND tỉnh Nguyễn Lưu Trung").as_deref(),
            Some("Phó Chủ tịch UBND tỉnh")
        );
        assert_eq!(
            issuer("Bộ Lao động - Thương binh và Xã hội").as_deref(),
            Some("Bộ Lao động - Thương binh và Xã hội")
        );
        assert_eq!(issuer("đồng chí Bí thư"), None);
    }

    #[test]
    fn authorities_of_issuer_names() {
        let a = Authority::of("Văn phòng UBND tỉnh Kiên Giang");
        assert_eq!(a.family, "vp ubnd");
        assert_eq!(a.level, Some("tinh"));
        assert!(a.local);
        let p = a.place.unwrap();
        assert_eq!(
            (p.key.as_str(), p.name.as_str(), p.level),
            ("kien giang", "Kiên Giang", "tỉnh")
        );

        let a = Authority::of("Tỉnh ủy Kiên Giang");
        assert_eq!((a.family.as_str(), a.local), ("tinh uy", true));
        assert_eq!(a.place.unwrap().key, "kien giang");
        assert_eq!(
            Authority::of("Ủy ban nhân dân tỉnh Kiên Giang").family,
            "ubnd"
        );
        assert_eq!(Authority::of("Ban Thường vụ Tỉnh ủy").family, "tinh uy");
        assert_eq!(
            Authority::of("Văn phòng Tỉnh ủy").family,
            "van phong tinh uy"
        );
        assert_eq!(Authority::of("Thủ tướng Chính phủ").family, "ttg");
        assert_eq!(Authority::of("Chính phủ").family, "cp");
        assert_eq!(Authority::of("Bộ Y tế").family, "bo y te");
        assert_eq!(
            Authority::of("UBND TP Hồ Chí Minh")
                .place
                .map(|p| p.key)
                .as_deref(),
            Some("ho chi minh")
        );
        let a = Authority::of("UBND thành phố Hồ Chí Minh");
        assert_eq!(
            (a.level, a.place.unwrap().key.as_str()),
            (Some("thanh pho"), "ho chi minh")
        );
    }

    #[test]
    fn scopes_of_bodies_codes_and_places() {
        assert_eq!(Authority::of("Tỉnh ủy").scope(), Scope::Province);
        assert_eq!(
            Authority::of("Ban Thường vụ Tỉnh ủy").scope(),
            Scope::Province
        );
        assert_eq!(Authority::of("UBND tỉnh").scope(), Scope::Province);
        assert_eq!(Authority::of("Sở Y tế").scope(), Scope::Province);
        assert_eq!(Authority::of("Huyện ủy").scope(), Scope::District);
        assert_eq!(Authority::of("UBND huyện").scope(), Scope::District);
        assert_eq!(Authority::of("UBND").scope(), Scope::Unknown);
        assert_eq!(Authority::of("Thành ủy").scope(), Scope::City);
        assert_eq!(Authority::of("UBND thành phố").scope(), Scope::City);
        assert_eq!(Authority::of("Sở Tài chính").scope(), Scope::Province);
        assert_eq!(Authority::of("Bộ Chính trị").scope(), Scope::Unknown);
        assert_eq!(Scope::of_code("TU"), Scope::Province);
        assert_eq!(Scope::of_code("BTGTU"), Scope::Province);
        assert_eq!(Scope::of_code("HU"), Scope::District);
        assert_eq!(Scope::of_code("UBND"), Scope::Unknown);
        assert_eq!(Scope::of_code("STC"), Scope::Province);
        let place = |issuer: &str| Authority::of(issuer).place.map(|p| Scope::of_place(&p));
        assert_eq!(place("UBND tỉnh Kiên Giang"), Some(Scope::Province));
        assert_eq!(place("UBND huyện Đức Linh"), Some(Scope::District));
        assert_eq!(place("UBND thành phố Rạch Giá"), Some(Scope::District));
        assert_eq!(place("Thành ủy Hà Nội"), Some(Scope::Province));
        assert_eq!(place("UBND quận Ba Đình"), Some(Scope::District));
        assert_eq!(Authority::of("Cơ quan thường trú").place, None);
    }

    #[test]
    fn hints_admit_the_right_issuers() {
        let admits = |h: &str, i: &str| Authority::of(h).admits(&Authority::of(i));
        assert!(admits("Tỉnh ủy", "Tỉnh ủy Kiên Giang"));
        assert!(admits("Ban Thường vụ Tỉnh ủy", "Tỉnh ủy Kiên Giang"));
        assert!(admits("UBND tỉnh", "UBND tỉnh Kiên Giang"));
        assert!(admits(
            "Chủ tịch UBND tỉnh",
            "Ủy ban nhân dân tỉnh Kiên Giang"
        ));
        assert!(admits("Trung ương", "Bộ Chính trị"));
        assert!(admits("Bộ Chính trị", "Bộ Chính trị"));
        assert!(!admits("Bộ Chính trị", "Ban Bí thư"));
        assert!(!admits("Tỉnh ủy", "UBND tỉnh Kiên Giang"));
        assert!(!admits("UBND tỉnh", "Văn phòng UBND tỉnh Kiên Giang"));
        assert!(!admits("UBND thành phố", "UBND tỉnh Kiên Giang"));
        assert!(!admits("Thủ tướng Chính phủ", "Chính phủ"));
        assert!(!admits("Văn phòng Tỉnh ủy", "Tỉnh ủy Kiên Giang"));
    }
}

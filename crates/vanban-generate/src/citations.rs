//! Which documents a document cites, and how a citation is written.
//! Most citations point at earlier documents of the archive from higher
//! or related bodies; the rest at laws, Party resolutions before the
//! archive's years and bodies the archive does not hold.

use super::issuers::{Catalog, DEPARTMENTS, Issuer, Kind, Series, Shape};
use super::plan::{FIRST_YEAR, Planned};
use super::rng::{Rng, cumulative};
use super::vocab::DOMAINS;
use chrono::{Datelike, Duration, NaiveDate};

/// One citation as the body will write it: a type word, one or more
/// numbers of that type by the same issuer, and the issuer phrase.
#[derive(Debug, Clone)]
pub(crate) struct Cite {
    pub type_name: &'static str,
    /// A law's name ("Luật Đầu tư công"), written instead of the type word.
    pub name: Option<&'static str>,
    pub numbers: Vec<(String, NaiveDate)>,
    /// "Tỉnh ủy", "Thủ tướng Chính phủ", "UBND tỉnh" ...; empty for laws.
    pub issuer: String,
    /// The cited subject, lower case, without "về".
    pub about: String,
    /// Party documents write dates as `11-6-2021`.
    pub party: bool,
    /// How many of `numbers` are documents of the archive.
    pub internal: usize,
    /// Written without its date ("Kế hoạch số 204/KH-UBND của UBND tỉnh"):
    /// only for a document of the citing document's own year.
    pub dateless: bool,
    /// The archive documents meant, one per number; empty outside it.
    pub targets: Vec<u32>,
}

/// Per issuer, the issuers it cites and how much.
pub(crate) struct CitationIndex {
    /// Documents of each issuer, sorted by (date, index).
    by_issuer: Vec<Vec<(NaiveDate, u32)>>,
    candidates: Vec<(Vec<u32>, Vec<u64>)>,
}

/// How strongly `citing` refers to `cited`; 0 when it never does.
fn affinity(citing: &Issuer, cited: &Issuer, same: bool) -> u64 {
    if same {
        return 30;
    }
    let (lc, ld) = (citing.kind.level(), cited.kind.level());
    let central = cited.province.is_none();
    if central {
        if citing.kind.level() < 3 && ld > lc {
            return 0;
        }
        let related = match (citing.kind, cited.kind) {
            (Kind::Department(d), Kind::Ministry(m)) => DEPARTMENTS[d].ministry == m,
            (Kind::Ministry(_), Kind::Ministry(_)) => false,
            _ => false,
        };
        return match cited.kind {
            Kind::Politburo | Kind::Secretariat => 12,
            Kind::CentralCommittee => 4,
            Kind::Government | Kind::PrimeMinister => 15,
            Kind::GovernmentOffice => 4,
            Kind::Ministry(_) if related => 25,
            Kind::Ministry(_) if citing.domains.iter().any(|d| cited.domains.contains(d)) => 8,
            Kind::Ministry(_) => 2,
            _ => 0,
        };
    }
    if citing.province != cited.province || ld > lc {
        return 0;
    }
    if ld == 5 && citing.district != cited.district {
        return 0;
    }
    match cited.kind {
        Kind::ProvincialParty => 15,
        Kind::ProvincialCommittee => 20,
        Kind::ProvincialCouncil => 4,
        Kind::ProvincialOffice => 5,
        Kind::Department(_) if lc == 5 => 4,
        Kind::Department(_) => 1,
        Kind::DistrictParty | Kind::DistrictCommittee => 15,
        _ => 0,
    }
}

impl CitationIndex {
    pub(crate) fn new(catalog: &Catalog, docs: &[Planned]) -> CitationIndex {
        let mut by_issuer = vec![Vec::new(); catalog.issuers.len()];
        for (i, d) in docs.iter().enumerate() {
            by_issuer[d.issuer as usize].push((d.date, i as u32));
        }
        for list in &mut by_issuer {
            list.sort_unstable();
        }
        let candidates = catalog
            .issuers
            .iter()
            .enumerate()
            .map(|(i, citing)| {
                let mut ids = Vec::new();
                let mut weights = Vec::new();
                for (j, cited) in catalog.issuers.iter().enumerate() {
                    let w = affinity(citing, cited, i == j);
                    if w > 0 {
                        ids.push(j as u32);
                        weights.push(w);
                    }
                }
                (ids, cumulative(weights))
            })
            .collect();
        CitationIndex {
            by_issuer,
            candidates,
        }
    }

    /// An earlier document of an issuer this one cites, recent ones first.
    fn earlier(&self, rng: &mut Rng, citing: u32, date: NaiveDate) -> Option<u32> {
        let (ids, weights) = &self.candidates[citing as usize];
        if ids.is_empty() {
            return None;
        }
        let cited = ids[rng.weighted(weights)];
        let list = &self.by_issuer[cited as usize];
        let n = list.partition_point(|&(d, _)| d < date);
        if n == 0 {
            return None;
        }
        let a = rng.below(n);
        let b = rng.below(n);
        Some(list[a.max(b)].1)
    }

    /// Whether `of`'s number, cited without a date in a document dated
    /// `date`, can stand for a document of that year outside the archive:
    /// `of` is of an earlier year, its number prints no year and its issuer
    /// holds no document of that number in the citing year.
    fn phantom_ok(&self, catalog: &Catalog, docs: &[Planned], of: u32, date: NaiveDate) -> bool {
        let d = &docs[of as usize];
        let year = date.year();
        d.date.year() < year
            && date.ordinal() > 3
            && matches!(d.series(catalog).shape, Shape::State | Shape::Letter)
            && self.by_issuer[d.issuer as usize]
                .iter()
                .all(|&(dd, j)| dd.year() != year || docs[j as usize].number != d.number)
    }

    /// Earlier documents of the same issuer and series as `doc`, most
    /// recent last.
    pub(crate) fn same_series(&self, docs: &[Planned], doc: usize) -> Vec<u32> {
        let d = &docs[doc];
        self.by_issuer[d.issuer as usize]
            .iter()
            .filter(|&&(date, j)| date < d.date && docs[j as usize].series == d.series)
            .map(|&(_, j)| j)
            .collect()
    }

    /// Another earlier document of the same issuer and series, for lists
    /// ("các Công điện số 1099/CĐ-TTg ... và 1102/CĐ-TTg ...").
    fn sibling(&self, docs: &[Planned], of: u32, before: NaiveDate, rng: &mut Rng) -> Option<u32> {
        let d = &docs[of as usize];
        let list = &self.by_issuer[d.issuer as usize];
        let n = list.partition_point(|&(date, _)| date < before);
        (0..6).find_map(|_| {
            let (_, j) = list[rng.below(n.max(1)).min(n.saturating_sub(1))];
            // Another number: one number names one document in a sentence.
            (j != of && docs[j as usize].series == d.series && docs[j as usize].number != d.number)
                .then_some(j)
        })
    }
}

/// The subject of a title as a citation writes it after "về".
pub(crate) fn about(title: &str) -> String {
    let mut chars = title.chars();
    let lower: String = match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    };
    lower
        .strip_prefix("về việc ")
        .or_else(|| lower.strip_prefix("về "))
        .map_or(lower.clone(), str::to_string)
}

/// How `citing` names `cited` after "của": short forms inside a province.
pub(crate) fn issuer_phrase(citing: &Issuer, cited: &Issuer, rng: &mut Rng) -> String {
    let same_province = cited.province.is_some() && citing.province == cited.province;
    let word = cited.province_word();
    let party = if word == "tỉnh" {
        "Tỉnh ủy"
    } else {
        "Thành ủy"
    };
    let upper = if word == "tỉnh" {
        "tỉnh"
    } else {
        "Thành phố"
    };
    if !same_province || rng.chance(200) {
        return match cited.kind {
            Kind::CentralCommittee if rng.chance(500) => "Ban Chấp hành Trung ương Đảng".into(),
            _ => cited.name.clone(),
        };
    }
    let options: Vec<String> = match cited.kind {
        Kind::ProvincialParty => vec![party.into(), format!("Ban Thường vụ {party}")],
        Kind::ProvincialCommittee => vec![
            format!("UBND {upper}"),
            format!("Ủy ban nhân dân {word}"),
            format!("Chủ tịch UBND {upper}"),
        ],
        Kind::ProvincialCouncil => {
            vec![format!("HĐND {upper}"), format!("Hội đồng nhân dân {word}")]
        }
        Kind::ProvincialOffice => vec![format!("Văn phòng UBND {upper}")],
        Kind::Department(d) => vec![DEPARTMENTS[d].name.into()],
        Kind::DistrictCommittee | Kind::DistrictParty if citing.district == cited.district => {
            let (d, _) = cited.district_parts().unwrap_or(("huyện", ""));
            let own_party = match d {
                "quận" => "Quận ủy",
                "thành phố" => "Thành ủy",
                _ => "Huyện ủy",
            };
            if cited.kind == Kind::DistrictParty {
                vec![format!("Ban Thường vụ {own_party}")]
            } else {
                vec![format!("UBND {d}"), format!("Ủy ban nhân dân {d}")]
            }
        }
        _ => vec![cited.name.clone()],
    };
    rng.pick(&options).clone()
}

pub(crate) fn internal_cite(
    catalog: &Catalog,
    docs: &[Planned],
    citing: &Issuer,
    targets: &[u32],
    rng: &mut Rng,
) -> Cite {
    let first = &docs[targets[0] as usize];
    let cited = &catalog.issuers[first.issuer as usize];
    Cite {
        type_name: first.series(catalog).type_name,
        name: None,
        numbers: targets
            .iter()
            .map(|&t| (docs[t as usize].number.clone(), docs[t as usize].date))
            .collect(),
        issuer: issuer_phrase(citing, cited, rng),
        about: about(&first.title),
        party: cited.kind.is_party(),
        internal: targets.len(),
        dateless: false,
        targets: targets.to_vec(),
    }
}

/// The documents document `index` cites, in the order it first cites them.
pub(crate) fn choose(
    catalog: &Catalog,
    docs: &[Planned],
    index: &CitationIndex,
    doc: usize,
    rng: &mut Rng,
) -> Vec<Cite> {
    let me = &docs[doc];
    let citing = &catalog.issuers[me.issuer as usize];
    let count = 2 + (0..6).filter(|_| rng.chance(500)).count();
    let mut cites = Vec::with_capacity(count);
    let mut taken: Vec<u32> = Vec::new();
    let mut externals = 0u64;
    for _ in 0..count {
        let mut found = None;
        if rng.chance(850) {
            for _ in 0..8 {
                if let Some(t) = index.earlier(rng, me.issuer, me.date)
                    && !taken.contains(&t)
                {
                    found = Some(t);
                    break;
                }
            }
        }
        match found {
            Some(t) if rng.chance(30) && index.phantom_ok(catalog, docs, t, me.date) => {
                // The issue-16 case: a yearless number of this year that the
                // archive holds only from an earlier year.
                taken.push(t);
                cites.push(phantom(catalog, docs, citing, t, me.date, rng));
            }
            Some(t) => {
                taken.push(t);
                let mut targets = vec![t];
                if rng.chance(100)
                    && let Some(s) = index.sibling(docs, t, me.date, rng)
                    && !taken.contains(&s)
                {
                    taken.push(s);
                    targets.push(s);
                    targets.sort_by_key(|&x| (docs[x as usize].date, x));
                }
                let mut cite = internal_cite(catalog, docs, citing, &targets, rng);
                cite.dateless = targets.len() == 1
                    && docs[t as usize].date.year() == me.date.year()
                    && rng.chance(80);
                cites.push(cite);
            }
            None => {
                externals += 1;
                cites.push(external(catalog, citing, me, externals, rng));
            }
        }
    }
    // One entry per number: a number cited twice would say two things.
    let mut seen: Vec<String> = Vec::new();
    cites.retain(|c| {
        let keys: Vec<String> = c
            .numbers
            .iter()
            .map(|(n, _)| crate::number::normalize(n))
            .collect();
        let fresh = keys.iter().all(|k| !seen.contains(k));
        if fresh {
            seen.extend(keys);
        }
        fresh
    });
    cites
}

/// A document of `of`'s issuer and series numbered like `of`, from the
/// citing document's year, that the archive does not hold, cited without
/// its date.
fn phantom(
    catalog: &Catalog,
    docs: &[Planned],
    citing: &Issuer,
    of: u32,
    before: NaiveDate,
    rng: &mut Rng,
) -> Cite {
    let mut cite = internal_cite(catalog, docs, citing, &[of], rng);
    let start = NaiveDate::from_ymd_opt(before.year(), 1, 1).expect("valid year");
    let span = (before - start).num_days().max(1) as usize;
    let date = start + Duration::days(rng.below(span) as i64);
    cite.numbers[0].1 = date;
    cite.internal = 0;
    cite.targets.clear();
    cite.dateless = true;
    let domain = &DOMAINS[rng.below(DOMAINS.len())];
    cite.about = rng.pick(domain.subjects).to_string();
    cite
}

/// A law of the Quốc hội, or a Party document from before the archive.
struct Known {
    type_name: &'static str,
    name: Option<&'static str>,
    number: &'static str,
    date: (i32, u32, u32),
    issuer: &'static str,
    about: &'static str,
    party: bool,
    /// Subject domains it is cited for; empty for any.
    domains: &'static [usize],
}

const fn law(
    name: &'static str,
    number: &'static str,
    date: (i32, u32, u32),
    domains: &'static [usize],
) -> Known {
    Known {
        type_name: "Luật",
        name: Some(name),
        number,
        date,
        issuer: "",
        about: "",
        party: false,
        domains,
    }
}

const fn party_doc(
    type_name: &'static str,
    number: &'static str,
    date: (i32, u32, u32),
    issuer: &'static str,
    about: &'static str,
    domains: &'static [usize],
) -> Known {
    Known {
        type_name,
        name: None,
        number,
        date,
        issuer,
        about,
        party: true,
        domains,
    }
}

const KNOWN: &[Known] = &[
    law(
        "Luật Phòng, chống bệnh truyền nhiễm",
        "03/2007/QH12",
        (2007, 11, 21),
        &[0, 9],
    ),
    law(
        "Luật Tổ chức chính quyền địa phương",
        "77/2015/QH13",
        (2015, 6, 19),
        &[],
    ),
    law("Luật Tổ chức Chính phủ", "76/2015/QH13", (2015, 6, 19), &[]),
    law(
        "Luật Ban hành văn bản quy phạm pháp luật",
        "80/2015/QH13",
        (2015, 6, 22),
        &[],
    ),
    law(
        "Luật Ngân sách nhà nước",
        "83/2015/QH13",
        (2015, 6, 25),
        &[14, 2],
    ),
    law(
        "Luật Phòng, chống thiên tai",
        "33/2013/QH13",
        (2013, 6, 19),
        &[4],
    ),
    law("Luật Đầu tư công", "39/2019/QH14", (2019, 6, 13), &[2]),
    law("Luật Thủy sản", "18/2017/QH14", (2017, 11, 21), &[15]),
    law(
        "Luật Phòng, chống tham nhũng",
        "36/2018/QH14",
        (2018, 11, 20),
        &[13],
    ),
    law("Luật Giáo dục", "43/2019/QH14", (2019, 6, 14), &[8]),
    law(
        "Luật Bảo vệ môi trường",
        "72/2020/QH14",
        (2020, 11, 17),
        &[11],
    ),
    law("Luật Đất đai", "45/2013/QH13", (2013, 11, 29), &[20]),
    law(
        "Luật Giao thông đường bộ",
        "23/2008/QH12",
        (2008, 11, 13),
        &[7],
    ),
    law(
        "Luật An toàn thực phẩm",
        "55/2010/QH12",
        (2010, 6, 17),
        &[9],
    ),
    party_doc(
        "Nghị quyết",
        "18-NQ/TW",
        (2017, 10, 25),
        "Ban Chấp hành Trung ương Đảng khóa XII",
        "một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả",
        &[12, 5],
    ),
    party_doc(
        "Nghị quyết",
        "19-NQ/TW",
        (2017, 10, 25),
        "Ban Chấp hành Trung ương Đảng khóa XII",
        "tiếp tục đổi mới hệ thống tổ chức và quản lý, nâng cao chất lượng và hiệu quả hoạt động của các đơn vị sự nghiệp công lập",
        &[5, 9, 8],
    ),
    party_doc(
        "Nghị quyết",
        "20-NQ/TW",
        (2017, 10, 25),
        "Ban Chấp hành Trung ương Đảng khóa XII",
        "tăng cường công tác bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân trong tình hình mới",
        &[9, 0],
    ),
    party_doc(
        "Nghị quyết",
        "26-NQ/TW",
        (2008, 8, 5),
        "Ban Chấp hành Trung ương Đảng khóa X",
        "nông nghiệp, nông dân, nông thôn",
        &[6],
    ),
    party_doc(
        "Nghị quyết",
        "29-NQ/TW",
        (2013, 11, 4),
        "Ban Chấp hành Trung ương Đảng khóa XI",
        "đổi mới căn bản, toàn diện giáo dục và đào tạo",
        &[8],
    ),
    party_doc(
        "Nghị quyết",
        "36-NQ/TW",
        (2018, 10, 22),
        "Ban Chấp hành Trung ương Đảng khóa XII",
        "Chiến lược phát triển bền vững kinh tế biển Việt Nam đến năm 2030, tầm nhìn đến năm 2045",
        &[15, 11, 1],
    ),
    party_doc(
        "Chỉ thị",
        "05-CT/TW",
        (2016, 5, 15),
        "Bộ Chính trị",
        "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        &[12],
    ),
    party_doc(
        "Chỉ thị",
        "18-CT/TW",
        (2012, 9, 4),
        "Ban Bí thư",
        "tăng cường sự lãnh đạo của Đảng đối với công tác bảo đảm trật tự an toàn giao thông",
        &[7],
    ),
    party_doc(
        "Hướng dẫn",
        "36-HD/VPTW",
        (2018, 4, 3),
        "Văn phòng Trung ương Đảng",
        "thể thức và kỹ thuật trình bày văn bản của Đảng",
        &[],
    ),
];

/// Bodies the archive never holds, with the shape of their numbers.
const OUTSIDE: &[(&str, Shape, &str, &str, u32)] = &[
    ("Công văn", Shape::Letter, "BQP", "Bộ Quốc phòng", 6000),
    ("Công văn", Shape::Letter, "BNG", "Bộ Ngoại giao", 5000),
    (
        "Công văn",
        Shape::Letter,
        "BTNMT",
        "Bộ Tài nguyên và Môi trường",
        6000,
    ),
    ("Thông tư", Shape::Normative, "TT-BXD", "Bộ Xây dựng", 20),
    ("Quyết định", Shape::State, "QĐ-BTP", "Bộ Tư pháp", 3000),
    (
        "Công văn",
        Shape::Letter,
        "NHNN",
        "Ngân hàng Nhà nước Việt Nam",
        9000,
    ),
    (
        "Hướng dẫn",
        Shape::Party,
        "HD/BTGTW",
        "Ban Tuyên giáo Trung ương",
        120,
    ),
    (
        "Hướng dẫn",
        Shape::Party,
        "HD/BTCTW",
        "Ban Tổ chức Trung ương",
        40,
    ),
    (
        "Quyết định",
        Shape::State,
        "QĐ-BCĐQG",
        "Ban Chỉ đạo quốc gia phòng, chống dịch Covid-19",
        4000,
    ),
    (
        "Kế hoạch",
        Shape::State,
        "KH-BCĐ",
        "Ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh",
        300,
    ),
    (
        "Công văn",
        Shape::Letter,
        "MTTQ-BTT",
        "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh",
        900,
    ),
    (
        "Nghị quyết",
        Shape::State,
        "NQ-UBTVQH14",
        "Ủy ban Thường vụ Quốc hội",
        400,
    ),
];

const OUTSIDE_UNITS: &[&str] = &["TH", "KH", "VP", "PC", "TC"];

fn external(catalog: &Catalog, citing: &Issuer, me: &Planned, salt: u64, rng: &mut Rng) -> Cite {
    let roll = rng.below(100);
    if roll < 30 {
        let domain = me.domain as usize;
        let earlier = |k: &&Known| {
            NaiveDate::from_ymd_opt(k.date.0, k.date.1, k.date.2).is_some_and(|d| d < me.date)
        };
        let specific: Vec<&Known> = KNOWN
            .iter()
            .filter(earlier)
            .filter(|k| k.domains.contains(&domain))
            .collect();
        let usable: Vec<&Known> = if !specific.is_empty() && rng.chance(700) {
            specific
        } else {
            KNOWN
                .iter()
                .filter(earlier)
                .filter(|k| k.domains.is_empty())
                .collect()
        };
        let k = usable[rng.below(usable.len())];
        let date = NaiveDate::from_ymd_opt(k.date.0, k.date.1, k.date.2).expect("valid date");
        return Cite {
            type_name: k.type_name,
            name: k.name,
            numbers: vec![(k.number.to_string(), date)],
            issuer: k.issuer.to_string(),
            about: k.about.to_string(),
            party: k.party,
            internal: 0,
            dateless: false,
            targets: Vec::new(),
        };
    }
    if roll < 65 {
        // A body outside the archive, in the archive's years.
        let local_ok = citing.province.is_some();
        let covid_ok = me.date > NaiveDate::from_ymd_opt(2020, 9, 1).expect("valid date");
        let options: Vec<_> = OUTSIDE
            .iter()
            .filter(|o| local_ok || !o.3.ends_with(" tỉnh"))
            .filter(|o| covid_ok || !o.3.contains("Covid"))
            .collect();
        let &&(type_name, shape, symbol, issuer, volume) = rng.pick(&options);
        let date = me.date - Duration::days(1 + rng.below(200) as i64);
        let series = Series {
            code: "",
            type_name,
            shape,
            symbol: symbol.to_string(),
            units: OUTSIDE_UNITS,
            volume,
            weight: 1,
        };
        let unit = *rng.pick(OUTSIDE_UNITS);
        let number = numbered(&series, date, salt, rng, unit);
        let domain = &DOMAINS[me.domain as usize];
        let issuer = match (issuer.strip_suffix(" tỉnh"), citing.province()) {
            (Some(base), Some(_)) => format!("{base} {}", citing.province_word()),
            _ => issuer.to_string(),
        };
        return Cite {
            type_name,
            name: None,
            numbers: vec![(number, date)],
            issuer,
            about: rng.pick(domain.subjects).to_string(),
            party: shape == Shape::Party,
            internal: 0,
            dateless: false,
            targets: Vec::new(),
        };
    }
    // A document of a related body from before the archive's first year.
    let candidates: Vec<&Issuer> = catalog
        .issuers
        .iter()
        .filter(|i| affinity(citing, i, std::ptr::eq(*i, citing)) > 0)
        .collect();
    let cited = candidates[rng.below(candidates.len())];
    let series = &cited.series[rng.weighted(&cited.series_weights)];
    let year = FIRST_YEAR - 1 - rng.below(3) as i32;
    let date = NaiveDate::from_ymd_opt(year, 1, 1).expect("valid year")
        + Duration::days(rng.below(360) as i64);
    let unit = if series.units.is_empty() {
        ""
    } else {
        *rng.pick(series.units)
    };
    let number = numbered(series, date, salt, rng, unit);
    let domain = &DOMAINS[rng.below(DOMAINS.len())];
    let about = if !domain.is_active(date) {
        DOMAINS[1].subjects[0].to_string()
    } else {
        rng.pick(domain.subjects).to_string()
    };
    Cite {
        type_name: series.type_name,
        name: None,
        numbers: vec![(number, date)],
        issuer: issuer_phrase(citing, cited, rng),
        about,
        party: cited.kind.is_party(),
        internal: 0,
        dateless: false,
        targets: Vec::new(),
    }
}

fn numbered(series: &Series, date: NaiveDate, salt: u64, rng: &mut Rng, unit: &str) -> String {
    let pace = u64::from(series.volume) * u64::from(date.ordinal()) / 366;
    let n = 1 + pace + salt + rng.below((series.volume / 20).max(2) as usize) as u64;
    series.number(n as u32, date.year(), unit)
}

/// `15/6/2021`.
pub(crate) fn date_slash(d: NaiveDate) -> String {
    format!("{:02}/{}/{}", d.day(), d.month(), d.year())
}

/// `11-6-2021`, as Party documents write it.
pub(crate) fn date_dash(d: NaiveDate) -> String {
    format!("{:02}-{}-{}", d.day(), d.month(), d.year())
}

/// `ngày 01 tháng 7 năm 2021` (months before March get a leading zero).
pub(crate) fn date_long(d: NaiveDate) -> String {
    if d.month() < 3 {
        format!(
            "ngày {:02} tháng {:02} năm {}",
            d.day(),
            d.month(),
            d.year()
        )
    } else {
        format!("ngày {:02} tháng {} năm {}", d.day(), d.month(), d.year())
    }
}

fn damaged(number: &str, rng: &mut Rng) -> String {
    if number.contains("CĐ") && rng.chance(150) {
        number.replace("CĐ", "CD")
    } else {
        number.to_string()
    }
}

/// The full first mention of a citation, in one of the printed forms.
pub(crate) fn write(cite: &Cite, rng: &mut Rng) -> String {
    let date = |d: NaiveDate, rng: &mut Rng| {
        if cite.party && rng.chance(700) {
            format!("ngày {}", date_dash(d))
        } else if rng.chance(550) {
            format!("ngày {}", date_slash(d))
        } else {
            date_long(d)
        }
    };
    let of = if cite.issuer.is_empty() {
        String::new()
    } else {
        format!(" của {}", cite.issuer)
    };
    let about = if cite.about.is_empty() || rng.chance(450) {
        String::new()
    } else if rng.chance(300) {
        format!(" về việc {}", cite.about)
    } else {
        format!(" về {}", cite.about)
    };
    let (first, first_date) = &cite.numbers[0];
    let first = damaged(first, rng);
    if cite.dateless {
        return format!("{} số {first}{of}{about}", cite.type_name);
    }
    if let Some(name) = cite.name {
        return format!("{name} số {first} {}", date_long(*first_date));
    }
    if cite.numbers.len() > 1 {
        let rest: Vec<String> = cite.numbers[1..]
            .iter()
            .map(|(n, d)| format!("{} {}", damaged(n, rng), date(*d, rng)))
            .collect();
        return format!(
            "các {} số {first} {} và {}{of}",
            cite.type_name,
            date(*first_date, rng),
            rest.join(", "),
        );
    }
    let d = date(*first_date, rng);
    match rng.below(10) {
        0 if !of.is_empty() => format!(
            "{} của {} số {first} {d}{about}",
            cite.type_name, cite.issuer
        ),
        1 | 2 if cite.party => format!("{} số {first}, {d}{of}{about}", cite.type_name),
        3 if cite.party => format!("{} {first}, {d}{of}{about}", cite.type_name),
        _ => format!("{} số {first} {d}{of}{about}", cite.type_name),
    }
}

/// A later, short mention: the type and number only.
pub(crate) fn short(cite: &Cite) -> String {
    match cite.name {
        Some(name) => name.to_string(),
        None => format!("{} số {}", cite.type_name, cite.numbers[0].0),
    }
}

/// The date-first form of Party style: "Ngày 11-6-2021, Bộ Chính trị ban
/// hành Kết luận số 07-KL/TW về ...". `None` for laws and lists.
pub(crate) fn announce(cite: &Cite) -> Option<String> {
    if cite.name.is_some() || cite.numbers.len() > 1 || cite.issuer.is_empty() || cite.dateless {
        return None;
    }
    let (number, date) = &cite.numbers[0];
    let d = if cite.party {
        date_dash(*date)
    } else {
        date_slash(*date)
    };
    let about = if cite.about.is_empty() {
        String::new()
    } else {
        format!(" về {}", cite.about)
    };
    Some(format!(
        "Ngày {d}, {} ban hành {} số {number}{about}",
        cite.issuer, cite.type_name
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cite(party: bool) -> Cite {
        Cite {
            type_name: "Kết luận",
            name: None,
            numbers: vec![(
                "07-KL/TW".into(),
                NaiveDate::from_ymd_opt(2021, 6, 11).unwrap(),
            )],
            issuer: "Bộ Chính trị".into(),
            about: "một số nhiệm vụ trọng tâm".into(),
            party,
            internal: 1,
            dateless: false,
            targets: Vec::new(),
        }
    }

    #[test]
    fn citations_carry_number_date_and_issuer() {
        let mut rng = Rng::derive(2, &[]);
        for _ in 0..50 {
            let text = write(&cite(true), &mut rng);
            assert!(text.contains("07-KL/TW"), "{text}");
            assert!(text.contains("2021"), "{text}");
            assert!(text.contains("Bộ Chính trị"), "{text}");
        }
        assert_eq!(
            announce(&cite(true)).unwrap(),
            "Ngày 11-6-2021, Bộ Chính trị ban hành Kết luận số 07-KL/TW về một số nhiệm vụ trọng tâm"
        );
    }

    #[test]
    fn dates_follow_the_printed_conventions() {
        let d = NaiveDate::from_ymd_opt(2021, 2, 5).unwrap();
        assert_eq!(date_slash(d), "05/2/2021");
        assert_eq!(date_dash(d), "05-2-2021");
        assert_eq!(date_long(d), "ngày 05 tháng 02 năm 2021");
        assert_eq!(
            about("Về việc tăng cường phòng, chống dịch"),
            "tăng cường phòng, chống dịch"
        );
    }

    #[test]
    fn lists_share_type_and_issuer() {
        let mut c = cite(false);
        c.type_name = "Công điện";
        c.issuer = "Thủ tướng Chính phủ".into();
        c.numbers = vec![
            (
                "1099/CĐ-TTg".into(),
                NaiveDate::from_ymd_opt(2021, 8, 22).unwrap(),
            ),
            (
                "1102/CĐ-TTg".into(),
                NaiveDate::from_ymd_opt(2021, 8, 23).unwrap(),
            ),
        ];
        let text = write(&c, &mut Rng::derive(1, &[]));
        assert!(text.starts_with("các Công điện số 1099/C"), "{text}");
        assert!(
            text.contains(" và 1102/C") && text.ends_with("của Thủ tướng Chính phủ"),
            "{text}"
        );
    }
}

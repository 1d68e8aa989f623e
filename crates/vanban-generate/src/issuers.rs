//! The issuers of a generated archive: central Party and state bodies,
//! ministries, and for every province its Party committee, council,
//! people's committee and office, departments and district bodies. Each
//! issuer knows its number series (số, ký hiệu), signers and addressees.

use super::provinces::{PROVINCES, Province};
use super::rng::{Rng, cumulative};
use chrono::NaiveDate;

/// What kind of body an issuer is; decides its series, signers and place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Politburo,
    Secretariat,
    CentralCommittee,
    Government,
    PrimeMinister,
    GovernmentOffice,
    Ministry(usize),
    ProvincialParty,
    ProvincialCouncil,
    ProvincialCommittee,
    ProvincialOffice,
    Department(usize),
    /// Huyện ủy, Quận ủy or the Thành ủy of a provincial seat.
    DistrictParty,
    DistrictCommittee,
}

impl Kind {
    /// 0 central Party, 1 Government, 2 central offices and ministries,
    /// 3 provincial, 4 provincial offices and departments, 5 district.
    pub(crate) fn level(self) -> u8 {
        match self {
            Kind::Politburo | Kind::Secretariat | Kind::CentralCommittee => 0,
            Kind::Government | Kind::PrimeMinister => 1,
            Kind::GovernmentOffice | Kind::Ministry(_) => 2,
            Kind::ProvincialParty | Kind::ProvincialCouncil | Kind::ProvincialCommittee => 3,
            Kind::ProvincialOffice | Kind::Department(_) => 4,
            Kind::DistrictParty | Kind::DistrictCommittee => 5,
        }
    }

    pub(crate) fn is_party(self) -> bool {
        matches!(
            self,
            Kind::Politburo
                | Kind::Secretariat
                | Kind::CentralCommittee
                | Kind::ProvincialParty
                | Kind::DistrictParty
        )
    }
}

/// How a series prints its numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// `176-CV/TU`: Party bodies.
    Party,
    /// `107/NQ-CP`.
    State,
    /// `23/2021/QĐ-TTg`: normative documents put the year between.
    Normative,
    /// `1507/UBND-TH`: a state Công văn, issuer plus drafting unit.
    Letter,
}

/// One numbering sequence of an issuer: a document type and its symbol.
#[derive(Debug, Clone)]
pub(crate) struct Series {
    /// The type code (`CV`, `QĐ`, `NĐ` ...), also used to pick titles.
    pub code: &'static str,
    pub type_name: &'static str,
    pub shape: Shape,
    /// `CV/TU`, `NQ-CP`, `QĐ-TTg`, or for letters the issuer part `UBND`.
    pub symbol: String,
    /// Drafting units of a letter series.
    pub units: &'static [&'static str],
    /// Numbers an issuer of this kind uses in a year of this series.
    pub volume: u32,
    pub weight: u64,
}

impl Series {
    pub(crate) fn number(&self, n: u32, year: i32, unit: &str) -> String {
        match self.shape {
            Shape::Party => format!("{n:02}-{}", self.symbol),
            Shape::State => format!("{n:02}/{}", self.symbol),
            Shape::Normative => format!("{n:02}/{year}/{}", self.symbol),
            Shape::Letter => format!("{n:02}/{}-{unit}", self.symbol),
        }
    }
}

/// A ministry: its name, number symbols, drafting units and fields.
pub(crate) struct Ministry {
    pub name: &'static str,
    /// The symbol of its letters (`BYT` in `1234/BYT-DP`).
    pub letter: &'static str,
    pub units: &'static [&'static str],
    pub decision: &'static str,
    pub circular: &'static str,
    pub dispatch: Option<&'static str>,
    pub plan: Option<&'static str>,
    pub weight: u64,
    /// Subject domains it writes about most (indices into the vocabulary).
    pub domains: &'static [usize],
}

pub(crate) const MINISTRIES: &[Ministry] = &[
    Ministry {
        name: "Bộ Y tế",
        letter: "BYT",
        units: &["DP", "KCB", "MT", "TT-KT", "KH-TC", "BM-TE"],
        decision: "QĐ-BYT",
        circular: "TT-BYT",
        dispatch: Some("CĐ-BYT"),
        plan: Some("KH-BYT"),
        weight: 90,
        domains: &[0, 9],
    },
    Ministry {
        name: "Bộ Giáo dục và Đào tạo",
        letter: "BGDĐT",
        units: &["GDTrH", "GDTH", "GDMN", "GDĐH", "KHTC", "GDTC"],
        decision: "QĐ-BGDĐT",
        circular: "TT-BGDĐT",
        dispatch: None,
        plan: Some("KH-BGDĐT"),
        weight: 60,
        domains: &[8],
    },
    Ministry {
        name: "Bộ Tài chính",
        letter: "BTC",
        units: &["NSNN", "ĐT", "HCSN", "QLCS", "CST"],
        decision: "QĐ-BTC",
        circular: "TT-BTC",
        dispatch: None,
        plan: None,
        weight: 45,
        domains: &[14, 2],
    },
    Ministry {
        name: "Bộ Kế hoạch và Đầu tư",
        letter: "BKHĐT",
        units: &["TH", "KTĐPLT", "QLQH", "PTDN"],
        decision: "QĐ-BKHĐT",
        circular: "TT-BKHĐT",
        dispatch: None,
        plan: None,
        weight: 35,
        domains: &[2, 1],
    },
    Ministry {
        name: "Bộ Lao động - Thương binh và Xã hội",
        letter: "LĐTBXH",
        units: &["BTXH", "VL", "BHXH", "TE", "KHTC"],
        decision: "QĐ-LĐTBXH",
        circular: "TT-BLĐTBXH",
        dispatch: None,
        plan: Some("KH-LĐTBXH"),
        weight: 35,
        domains: &[10],
    },
    Ministry {
        name: "Bộ Giao thông vận tải",
        letter: "BGTVT",
        units: &["VT", "KCHT", "ATGT", "KHĐT"],
        decision: "QĐ-BGTVT",
        circular: "TT-BGTVT",
        dispatch: None,
        plan: None,
        weight: 30,
        domains: &[7],
    },
    Ministry {
        name: "Bộ Nông nghiệp và Phát triển nông thôn",
        letter: "BNN",
        units: &["KH", "TCTS", "TCTL", "TT", "BVTV", "TY"],
        decision: "QĐ-BNN-KH",
        circular: "TT-BNNPTNT",
        dispatch: Some("CĐ-BNN"),
        plan: None,
        weight: 35,
        domains: &[6, 4, 15],
    },
    Ministry {
        name: "Bộ Thông tin và Truyền thông",
        letter: "BTTTT",
        units: &["CĐSQG", "THH", "BC", "VP"],
        decision: "QĐ-BTTTT",
        circular: "TT-BTTTT",
        dispatch: None,
        plan: Some("KH-BTTTT"),
        weight: 30,
        domains: &[3],
    },
    Ministry {
        name: "Bộ Nội vụ",
        letter: "BNV",
        units: &["CCVC", "CQĐP", "TCBC", "CCHC", "TĐKT"],
        decision: "QĐ-BNV",
        circular: "TT-BNV",
        dispatch: None,
        plan: None,
        weight: 30,
        domains: &[5, 17],
    },
    Ministry {
        name: "Bộ Công Thương",
        letter: "BCT",
        units: &["KH", "TTTN", "CN", "XNK"],
        decision: "QĐ-BCT",
        circular: "TT-BCT",
        dispatch: None,
        plan: None,
        weight: 30,
        domains: &[1],
    },
    Ministry {
        name: "Bộ Công an",
        letter: "BCA",
        units: &["V01", "C06", "C07", "C08"],
        decision: "QĐ-BCA",
        circular: "TT-BCA",
        dispatch: None,
        plan: Some("KH-BCA"),
        weight: 30,
        domains: &[18, 16, 7],
    },
];

/// A provincial department (Sở).
pub(crate) struct Department {
    pub name: &'static str,
    pub letter: &'static str,
    pub units: &'static [&'static str],
    /// The ministry above it, by index into [`MINISTRIES`].
    pub ministry: usize,
    /// Offices of the districts it writes to (`Phòng Y tế`).
    pub district_office: &'static str,
}

pub(crate) const DEPARTMENTS: &[Department] = &[
    Department {
        name: "Sở Y tế",
        letter: "SYT",
        units: &["NV", "NVY", "KHTC", "TCCB"],
        ministry: 0,
        district_office: "Phòng Y tế",
    },
    Department {
        name: "Sở Giáo dục và Đào tạo",
        letter: "SGDĐT",
        units: &["GDTrH", "GDTH", "GDMN", "KHTC", "VP"],
        ministry: 1,
        district_office: "Phòng Giáo dục và Đào tạo",
    },
    Department {
        name: "Sở Tài chính",
        letter: "STC",
        units: &["NS", "QLGCS", "TCDN", "TCHCSN"],
        ministry: 2,
        district_office: "Phòng Tài chính - Kế hoạch",
    },
    Department {
        name: "Sở Kế hoạch và Đầu tư",
        letter: "SKHĐT",
        units: &["TH", "KTĐN", "ĐKKD", "XDCB"],
        ministry: 3,
        district_office: "Phòng Tài chính - Kế hoạch",
    },
    Department {
        name: "Sở Lao động - Thương binh và Xã hội",
        letter: "SLĐTBXH",
        units: &["BTXH", "LĐVL", "NCC", "KHTC"],
        ministry: 4,
        district_office: "Phòng Lao động - Thương binh và Xã hội",
    },
    Department {
        name: "Sở Nông nghiệp và Phát triển nông thôn",
        letter: "SNNPTNT",
        units: &["KH", "TS", "TL", "TT"],
        ministry: 6,
        district_office: "Phòng Nông nghiệp và Phát triển nông thôn",
    },
    Department {
        name: "Sở Thông tin và Truyền thông",
        letter: "STTTT",
        units: &["BCVT", "CNTT", "TTBCXB"],
        ministry: 7,
        district_office: "Phòng Văn hóa và Thông tin",
    },
];

/// One body that issues documents.
#[derive(Debug, Clone)]
pub(crate) struct Issuer {
    /// The name written in `issuer:` (Tỉnh ủy Kiên Giang).
    pub name: String,
    pub slug: String,
    pub kind: Kind,
    pub province: Option<usize>,
    /// `huyện Chợ Mới`, `thành phố Rạch Giá`, for district bodies.
    pub district: Option<String>,
    /// Địa danh in the date line.
    pub place: String,
    pub weight: u64,
    pub series: Vec<Series>,
    pub series_weights: Vec<u64>,
    /// Subject domains it writes about most.
    pub domains: &'static [usize],
    /// Whose people sign: issuers sharing leaders share this key (the
    /// central Party bodies; Chính phủ and Thủ tướng; a UBND and its office).
    pub people: usize,
}

impl Issuer {
    /// `tỉnh` or `thành phố`: how the province names itself.
    pub(crate) fn province_word(&self) -> &'static str {
        match self.province.map(|p| &PROVINCES[p]) {
            Some(p) if p.city => "thành phố",
            _ => "tỉnh",
        }
    }

    pub(crate) fn province(&self) -> Option<&'static Province> {
        self.province.map(|p| &PROVINCES[p])
    }

    /// The district word and name of a district body (`huyện`, `Chợ Mới`).
    pub(crate) fn district_parts(&self) -> Option<(&str, &str)> {
        let d = self.district.as_deref()?;
        Some(match d.strip_prefix("thành phố ") {
            Some(name) => ("thành phố", name),
            None => d.split_once(' ').unwrap_or(("huyện", d)),
        })
    }
}

/// Every issuer of the archive and the weights that decide how many
/// documents each writes.
pub(crate) struct Catalog {
    pub issuers: Vec<Issuer>,
    pub cumulative: Vec<u64>,
}

fn series(
    code: &'static str,
    type_name: &'static str,
    shape: Shape,
    symbol: impl Into<String>,
    volume: u32,
    weight: u64,
) -> Series {
    Series {
        code,
        type_name,
        shape,
        symbol: symbol.into(),
        units: &[],
        volume,
        weight,
    }
}

fn letter(symbol: &str, units: &'static [&'static str], volume: u32, weight: u64) -> Series {
    Series {
        code: "CV",
        type_name: "Công văn",
        shape: Shape::Letter,
        symbol: symbol.to_string(),
        units,
        volume,
        weight,
    }
}

fn party(code: &'static str, issuer: &str, volume: u32, weight: u64) -> Series {
    series(
        code,
        type_name(code),
        Shape::Party,
        format!("{code}/{issuer}"),
        volume,
        weight,
    )
}

fn state(code: &'static str, issuer: &str, volume: u32, weight: u64) -> Series {
    series(
        code,
        type_name(code),
        Shape::State,
        format!("{code}-{issuer}"),
        volume,
        weight,
    )
}

fn normative(code: &'static str, issuer: &str, volume: u32, weight: u64) -> Series {
    series(
        code,
        type_name(code),
        Shape::Normative,
        format!("{code}-{issuer}"),
        volume,
        weight,
    )
}

pub(crate) fn type_name(code: &str) -> &'static str {
    match code {
        "CV" => "Công văn",
        "TB" => "Thông báo",
        "KH" => "Kế hoạch",
        "CT" => "Chỉ thị",
        "NQ" => "Nghị quyết",
        "KL" => "Kết luận",
        "QĐ" => "Quyết định",
        "BC" => "Báo cáo",
        "CĐ" => "Công điện",
        "NĐ" => "Nghị định",
        "TT" => "Thông tư",
        "HD" => "Hướng dẫn",
        _ => "Văn bản",
    }
}

fn series_for(kind: Kind, party_symbol: &str) -> Vec<Series> {
    match kind {
        Kind::Politburo => vec![
            party("KL", "TW", 40, 30),
            party("CT", "TW", 8, 15),
            party("NQ", "TW", 10, 15),
            party("QĐ", "TW", 30, 15),
            party("TB", "TW", 40, 10),
        ],
        Kind::Secretariat => vec![
            party("CT", "TW", 10, 30),
            party("KL", "TW", 40, 30),
            party("TB", "TW", 50, 25),
            party("QĐ", "TW", 30, 15),
        ],
        Kind::CentralCommittee => vec![
            party("NQ", "TW", 6, 60),
            party("KL", "TW", 5, 20),
            party("QĐ", "TW", 10, 20),
        ],
        Kind::Government => vec![
            state("NQ", "CP", 180, 55),
            normative("NĐ", "CP", 130, 40),
            normative("NQ", "CP", 10, 5),
        ],
        Kind::PrimeMinister => vec![
            state("CĐ", "TTg", 1600, 25),
            state("CT", "TTg", 30, 20),
            state("QĐ", "TTg", 2200, 25),
            normative("QĐ", "TTg", 40, 10),
            letter("TTg", &["KGVX", "KTTH", "CN", "NN", "QHĐP"], 9000, 20),
        ],
        Kind::GovernmentOffice => vec![
            letter(
                "VPCP",
                &["KGVX", "KTTH", "CN", "NN", "QHĐP", "TH"],
                9000,
                60,
            ),
            state("TB", "VPCP", 450, 40),
        ],
        Kind::Ministry(m) => {
            let m = &MINISTRIES[m];
            let mut list = vec![
                letter(m.letter, m.units, 7000, 50),
                series("QĐ", "Quyết định", Shape::State, m.decision, 4000, 25),
                series("TT", "Thông tư", Shape::Normative, m.circular, 40, 8),
            ];
            if let Some(plan) = m.plan {
                list.push(series("KH", "Kế hoạch", Shape::State, plan, 200, 7));
            }
            if let Some(dispatch) = m.dispatch {
                list.push(series("CĐ", "Công điện", Shape::State, dispatch, 25, 5));
            }
            list
        }
        Kind::ProvincialParty => vec![
            party("CV", "TU", 300, 35),
            party("TB", "TU", 400, 20),
            party("KH", "TU", 80, 12),
            party("CT", "TU", 12, 6),
            party("NQ", "TU", 15, 6),
            party("KL", "TU", 40, 8),
            party("QĐ", "TU", 300, 5),
            party("BC", "TU", 250, 8),
        ],
        Kind::ProvincialCouncil => vec![
            state("NQ", "HĐND", 120, 70),
            normative("NQ", "HĐND", 30, 30),
        ],
        Kind::ProvincialCommittee => vec![
            letter("UBND", &["KGVX", "KT", "TH", "NC", "XD", "NNTN"], 2500, 45),
            state("KH", "UBND", 300, 14),
            state("QĐ", "UBND", 3000, 16),
            state("CĐ", "UBND", 25, 4),
            state("CT", "UBND", 25, 5),
            normative("QĐ", "UBND", 50, 4),
            state("TB", "UBND", 250, 6),
            state("BC", "UBND", 400, 6),
        ],
        Kind::ProvincialOffice => vec![
            letter("VP", &["KGVX", "KT", "TH", "NC", "XD", "HCTC"], 9000, 80),
            state("TB", "VP", 700, 20),
        ],
        Kind::Department(d) => {
            let d = &DEPARTMENTS[d];
            let short = d.letter;
            vec![
                letter(short, d.units, 3000, 60),
                series(
                    "QĐ",
                    "Quyết định",
                    Shape::State,
                    format!("QĐ-{short}"),
                    800,
                    15,
                ),
                series(
                    "KH",
                    "Kế hoạch",
                    Shape::State,
                    format!("KH-{short}"),
                    150,
                    15,
                ),
                series(
                    "TB",
                    "Thông báo",
                    Shape::State,
                    format!("TB-{short}"),
                    200,
                    10,
                ),
            ]
        }
        Kind::DistrictParty => vec![
            party("CV", party_symbol, 250, 40),
            party("TB", party_symbol, 300, 25),
            party("KH", party_symbol, 60, 15),
            party("CT", party_symbol, 8, 5),
            party("NQ", party_symbol, 10, 5),
            party("BC", party_symbol, 150, 10),
        ],
        Kind::DistrictCommittee => vec![
            letter("UBND", &["VP", "VP", "VP", "TCKH", "NV", "TNMT"], 2000, 50),
            state("KH", "UBND", 200, 15),
            state("QĐ", "UBND", 3000, 20),
            state("TB", "UBND", 150, 8),
            state("BC", "UBND", 200, 7),
        ],
    }
}

/// The years a Party term or a state term begins, per kind of body.
fn term_starts(kind: Kind) -> &'static [(i32, u32, u32)] {
    match kind {
        Kind::Politburo | Kind::Secretariat | Kind::CentralCommittee => {
            &[(2016, 1, 28), (2021, 1, 31)]
        }
        Kind::ProvincialParty => &[(2015, 10, 15), (2020, 10, 15)],
        Kind::DistrictParty => &[(2015, 7, 15), (2020, 7, 15)],
        Kind::Government | Kind::PrimeMinister | Kind::GovernmentOffice | Kind::Ministry(_) => {
            &[(2016, 4, 9), (2021, 4, 5)]
        }
        _ => &[(2016, 6, 30), (2021, 6, 28)],
    }
}

/// The term (0, 1, ...) a date falls in and the day that term began.
pub(crate) fn term(kind: Kind, date: NaiveDate) -> (u32, NaiveDate) {
    let starts = term_starts(kind);
    let mut found = (0, ymd(starts[0]));
    for (i, &start) in starts.iter().enumerate() {
        let start = ymd(start);
        if date >= start {
            found = (i as u32, start);
        }
    }
    found
}

fn ymd((y, m, d): (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid term start")
}

/// Per-mille shares of a province's documents by kind of body.
const PARTY_SHARE: u64 = 170;
const COUNCIL_SHARE: u64 = 35;
const COMMITTEE_SHARE: u64 = 300;
const OFFICE_SHARE: u64 = 120;
const DEPARTMENT_SHARE: u64 = 25;
const SEAT_COMMITTEE_SHARE: u64 = 45;
const SEAT_PARTY_SHARE: u64 = 15;
const DISTRICT_COMMITTEE_SHARE: u64 = 30;
const DISTRICT_PARTY_SHARE: u64 = 12;
/// Central bodies' share of all documents, per mille.
const CENTRAL_SHARE: u64 = 160;

impl Catalog {
    /// The issuers of an archive; provinces get Zipf-like sizes in an
    /// order drawn from the seed.
    pub(crate) fn build(seed: u64) -> Catalog {
        let mut issuers = Vec::new();
        let push = |issuers: &mut Vec<Issuer>,
                    name: String,
                    kind: Kind,
                    province: Option<usize>,
                    district: Option<String>,
                    place: String,
                    weight: u64,
                    people: Option<usize>| {
            let party_symbol = match (&district, kind) {
                (Some(d), Kind::DistrictParty) if d.starts_with("quận ") => "QU",
                (Some(d), Kind::DistrictParty) if d.starts_with("huyện ") => "HU",
                _ => "TU",
            };
            let series = series_for(kind, party_symbol);
            let series_weights = cumulative(series.iter().map(|s| s.weight));
            let domains: &'static [usize] = match kind {
                Kind::Ministry(m) => MINISTRIES[m].domains,
                Kind::Department(d) => MINISTRIES[DEPARTMENTS[d].ministry].domains,
                _ => &[],
            };
            let index = issuers.len();
            issuers.push(Issuer {
                slug: crate::text::slug(&name),
                name,
                kind,
                province,
                district,
                place,
                weight,
                series,
                series_weights,
                domains,
                people: people.unwrap_or(index),
            });
            index
        };

        // Central bodies, weights per mille of the central share.
        let hn = "Hà Nội".to_string();
        let central: [(&str, Kind, u64); 6] = [
            ("Bộ Chính trị", Kind::Politburo, 70),
            ("Ban Bí thư", Kind::Secretariat, 50),
            ("Ban Chấp hành Trung ương", Kind::CentralCommittee, 15),
            ("Chính phủ", Kind::Government, 140),
            ("Thủ tướng Chính phủ", Kind::PrimeMinister, 200),
            ("Văn phòng Chính phủ", Kind::GovernmentOffice, 85),
        ];
        let mut central_weights = Vec::new();
        let mut party_people = None;
        let mut government_people = None;
        for (name, kind, w) in central {
            let people = match kind {
                Kind::Politburo | Kind::Secretariat | Kind::CentralCommittee => party_people,
                Kind::Government | Kind::PrimeMinister => government_people,
                _ => None,
            };
            let i = push(
                &mut issuers,
                name.into(),
                kind,
                None,
                None,
                hn.clone(),
                0,
                people,
            );
            match kind {
                Kind::Politburo => party_people = Some(i),
                Kind::Government => government_people = Some(i),
                _ => {}
            }
            central_weights.push((i, w));
        }
        for (m, ministry) in MINISTRIES.iter().enumerate() {
            let i = push(
                &mut issuers,
                ministry.name.into(),
                Kind::Ministry(m),
                None,
                None,
                hn.clone(),
                0,
                None,
            );
            central_weights.push((i, ministry.weight * 440 / 450));
        }

        // Provinces: Zipf-like sizes in a seeded order.
        let mut order: Vec<usize> = (0..PROVINCES.len()).collect();
        let mut rng = Rng::derive(seed, &[0xCA7A]);
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        let mut provincial_total = 0;
        for (rank, &p) in order.iter().enumerate() {
            let province = &PROVINCES[p];
            let size = 100_000 / (rank as u64 + 4);
            let word = if province.city {
                "thành phố"
            } else {
                "tỉnh"
            };
            let name = province.name;
            let place = name.to_string();
            let party_name = if province.city {
                format!("Thành ủy {name}")
            } else {
                format!("Tỉnh ủy {name}")
            };
            let full = |prefix: &str| {
                if name.starts_with("Thành phố") {
                    format!("{prefix} {name}")
                } else {
                    format!("{prefix} {word} {name}")
                }
            };
            let mut add = |issuers: &mut Vec<Issuer>,
                           name: String,
                           kind: Kind,
                           district: Option<String>,
                           place: String,
                           share: u64,
                           people: Option<usize>| {
                provincial_total += size * share;
                push(
                    issuers,
                    name,
                    kind,
                    Some(p),
                    district,
                    place,
                    size * share,
                    people,
                )
            };
            add(
                &mut issuers,
                party_name,
                Kind::ProvincialParty,
                None,
                place.clone(),
                PARTY_SHARE,
                None,
            );
            add(
                &mut issuers,
                full("HĐND"),
                Kind::ProvincialCouncil,
                None,
                place.clone(),
                COUNCIL_SHARE,
                None,
            );
            let committee = add(
                &mut issuers,
                full("UBND"),
                Kind::ProvincialCommittee,
                None,
                place.clone(),
                COMMITTEE_SHARE,
                None,
            );
            add(
                &mut issuers,
                full("Văn phòng UBND"),
                Kind::ProvincialOffice,
                None,
                place.clone(),
                OFFICE_SHARE,
                Some(committee),
            );
            for (d, department) in DEPARTMENTS.iter().enumerate() {
                add(
                    &mut issuers,
                    full(department.name),
                    Kind::Department(d),
                    None,
                    place.clone(),
                    DEPARTMENT_SHARE,
                    None,
                );
            }
            if !province.city {
                let seat = province.seat;
                let district = format!("thành phố {seat}");
                add(
                    &mut issuers,
                    format!("UBND {district}"),
                    Kind::DistrictCommittee,
                    Some(district.clone()),
                    seat.to_string(),
                    SEAT_COMMITTEE_SHARE,
                    None,
                );
                add(
                    &mut issuers,
                    format!("Thành ủy {seat}"),
                    Kind::DistrictParty,
                    Some(district),
                    seat.to_string(),
                    SEAT_PARTY_SHARE,
                    None,
                );
            }
            for d in province.districts {
                let (word, dname) = d.split_once(' ').expect("district has a kind word");
                let party = if word == "quận" {
                    "Quận ủy"
                } else {
                    "Huyện ủy"
                };
                add(
                    &mut issuers,
                    format!("UBND {d}"),
                    Kind::DistrictCommittee,
                    Some(d.to_string()),
                    dname.to_string(),
                    DISTRICT_COMMITTEE_SHARE,
                    None,
                );
                add(
                    &mut issuers,
                    format!("{party} {dname}"),
                    Kind::DistrictParty,
                    Some(d.to_string()),
                    dname.to_string(),
                    DISTRICT_PARTY_SHARE,
                    None,
                );
            }
        }
        // Central weights scaled so that they hold CENTRAL_SHARE of all.
        let central_total = provincial_total * CENTRAL_SHARE / (1000 - CENTRAL_SHARE);
        for (i, w) in central_weights {
            issuers[i].weight = central_total * w / 1000;
        }
        let cumulative = cumulative(issuers.iter().map(|i| i.weight));
        Catalog {
            issuers,
            cumulative,
        }
    }
}

/// A signer's role inside the body whose people sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Head,
    FirstDeputy,
    Deputy,
    OfficeHead,
    OfficeDeputy,
}

/// One way a document of a kind is signed.
pub(crate) struct SignerOption {
    pub position: &'static str,
    pub authority: Option<&'static str>,
    pub role: Role,
    /// How many people hold the role at once.
    pub slots: u32,
    pub weight: u32,
    /// Type codes this option is limited to; empty for all.
    pub only: &'static [&'static str],
}

const fn so(
    position: &'static str,
    authority: Option<&'static str>,
    role: Role,
    slots: u32,
    weight: u32,
    only: &'static [&'static str],
) -> SignerOption {
    SignerOption {
        position,
        authority,
        role,
        slots,
        weight,
        only,
    }
}

pub(crate) fn signer_options(kind: Kind) -> &'static [SignerOption] {
    match kind {
        Kind::Politburo => {
            const L: &[SignerOption] = &[
                so(
                    "Tổng Bí thư",
                    Some("T/M Bộ Chính trị"),
                    Role::Head,
                    1,
                    40,
                    &[],
                ),
                so(
                    "Thường trực Ban Bí thư",
                    Some("T/M Bộ Chính trị"),
                    Role::FirstDeputy,
                    1,
                    40,
                    &[],
                ),
                so(
                    "Chánh Văn phòng Trung ương Đảng",
                    Some("T/L Bộ Chính trị"),
                    Role::OfficeHead,
                    1,
                    90,
                    &["TB"],
                ),
            ];
            L
        }
        Kind::Secretariat => {
            const L: &[SignerOption] = &[
                so(
                    "Thường trực Ban Bí thư",
                    Some("T/M Ban Bí thư"),
                    Role::FirstDeputy,
                    1,
                    70,
                    &[],
                ),
                so(
                    "Chánh Văn phòng Trung ương Đảng",
                    Some("T/L Ban Bí thư"),
                    Role::OfficeHead,
                    1,
                    90,
                    &["TB"],
                ),
            ];
            L
        }
        Kind::CentralCommittee => {
            const L: &[SignerOption] = &[so(
                "Tổng Bí thư",
                Some("T/M Ban Chấp hành Trung ương"),
                Role::Head,
                1,
                1,
                &[],
            )];
            L
        }
        Kind::Government => {
            const L: &[SignerOption] = &[
                so("Thủ tướng", Some("TM. Chính phủ"), Role::Head, 1, 60, &[]),
                so(
                    "Phó Thủ tướng",
                    Some("KT. Thủ tướng"),
                    Role::Deputy,
                    4,
                    40,
                    &[],
                ),
            ];
            L
        }
        Kind::PrimeMinister => {
            const L: &[SignerOption] = &[
                so("Thủ tướng", None, Role::Head, 1, 45, &[]),
                so(
                    "Phó Thủ tướng",
                    Some("KT. Thủ tướng"),
                    Role::Deputy,
                    4,
                    55,
                    &[],
                ),
            ];
            L
        }
        Kind::GovernmentOffice => {
            const L: &[SignerOption] = &[
                so("Bộ trưởng, Chủ nhiệm", None, Role::Head, 1, 30, &[]),
                so(
                    "Phó Chủ nhiệm",
                    Some("KT. Bộ trưởng, Chủ nhiệm"),
                    Role::Deputy,
                    4,
                    70,
                    &[],
                ),
            ];
            L
        }
        Kind::Ministry(_) => {
            const L: &[SignerOption] = &[
                so("Bộ trưởng", None, Role::Head, 1, 25, &[]),
                so(
                    "Thứ trưởng",
                    Some("KT. Bộ trưởng"),
                    Role::Deputy,
                    5,
                    65,
                    &[],
                ),
                so(
                    "Chánh Văn phòng",
                    Some("TL. Bộ trưởng"),
                    Role::OfficeHead,
                    1,
                    12,
                    &["CV"],
                ),
            ];
            L
        }
        Kind::ProvincialParty => {
            const L: &[SignerOption] = &[
                so(
                    "Bí thư",
                    Some("T/M Ban Thường vụ"),
                    Role::Head,
                    1,
                    35,
                    &["CV", "KH", "CT", "KL", "QĐ", "BC", "TB"],
                ),
                so(
                    "Phó Bí thư Thường trực",
                    Some("T/M Ban Thường vụ"),
                    Role::FirstDeputy,
                    1,
                    35,
                    &["CV", "KH", "CT", "KL", "QĐ", "BC", "TB"],
                ),
                so(
                    "Phó Bí thư",
                    Some("T/M Ban Thường vụ"),
                    Role::Deputy,
                    1,
                    15,
                    &["CV", "KH", "BC", "TB"],
                ),
                so(
                    "Chánh Văn phòng",
                    Some("T/L Ban Thường vụ"),
                    Role::OfficeHead,
                    1,
                    80,
                    &["TB"],
                ),
                so("Bí thư", Some("T/M Tỉnh ủy"), Role::Head, 1, 70, &["NQ"]),
                so(
                    "Phó Bí thư Thường trực",
                    Some("T/M Tỉnh ủy"),
                    Role::FirstDeputy,
                    1,
                    30,
                    &["NQ"],
                ),
            ];
            L
        }
        Kind::ProvincialCouncil => {
            const L: &[SignerOption] = &[
                so("Chủ tịch", None, Role::Head, 1, 70, &[]),
                so(
                    "Phó Chủ tịch",
                    Some("KT. Chủ tịch"),
                    Role::Deputy,
                    2,
                    30,
                    &[],
                ),
            ];
            L
        }
        Kind::ProvincialCommittee => {
            const L: &[SignerOption] = &[
                so(
                    "Chủ tịch",
                    Some("TM. Ủy ban nhân dân"),
                    Role::Head,
                    1,
                    25,
                    &[],
                ),
                so(
                    "Phó Chủ tịch",
                    Some("KT. Chủ tịch"),
                    Role::Deputy,
                    4,
                    65,
                    &[],
                ),
                so(
                    "Chánh Văn phòng",
                    Some("TL. Chủ tịch"),
                    Role::OfficeHead,
                    1,
                    12,
                    &["CV"],
                ),
            ];
            L
        }
        Kind::ProvincialOffice => {
            const L: &[SignerOption] = &[
                so("Chánh Văn phòng", None, Role::OfficeHead, 1, 30, &[]),
                so(
                    "Phó Chánh Văn phòng",
                    Some("KT. Chánh Văn phòng"),
                    Role::OfficeDeputy,
                    3,
                    70,
                    &[],
                ),
            ];
            L
        }
        Kind::Department(_) => {
            const L: &[SignerOption] = &[
                so("Giám đốc", None, Role::Head, 1, 35, &[]),
                so(
                    "Phó Giám đốc",
                    Some("KT. Giám đốc"),
                    Role::Deputy,
                    3,
                    65,
                    &[],
                ),
            ];
            L
        }
        Kind::DistrictParty => {
            const L: &[SignerOption] = &[
                so("Bí thư", Some("T/M Ban Thường vụ"), Role::Head, 1, 45, &[]),
                so(
                    "Phó Bí thư",
                    Some("T/M Ban Thường vụ"),
                    Role::Deputy,
                    2,
                    40,
                    &[],
                ),
                so(
                    "Chánh Văn phòng",
                    Some("T/L Ban Thường vụ"),
                    Role::OfficeHead,
                    1,
                    60,
                    &["TB"],
                ),
            ];
            L
        }
        Kind::DistrictCommittee => {
            const L: &[SignerOption] = &[
                so(
                    "Chủ tịch",
                    Some("TM. Ủy ban nhân dân"),
                    Role::Head,
                    1,
                    30,
                    &[],
                ),
                so(
                    "Phó Chủ tịch",
                    Some("KT. Chủ tịch"),
                    Role::Deputy,
                    3,
                    70,
                    &[],
                ),
            ];
            L
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn issuer_names_and_slugs_are_unique() {
        let catalog = Catalog::build(1);
        let names: BTreeSet<_> = catalog.issuers.iter().map(|i| &i.name).collect();
        let slugs: BTreeSet<_> = catalog.issuers.iter().map(|i| &i.slug).collect();
        assert_eq!(names.len(), catalog.issuers.len());
        assert_eq!(slugs.len(), catalog.issuers.len());
        assert!(catalog.issuers.len() > 800);
        assert!(catalog.issuers.iter().all(|i| i.weight > 0));
    }

    #[test]
    fn numbers_have_the_printed_shapes() {
        let catalog = Catalog::build(1);
        let find = |name: &str| catalog.issuers.iter().find(|i| i.name == name).unwrap();
        let tu = find("Tỉnh ủy Kiên Giang");
        assert_eq!(tu.series[0].number(176, 2021, ""), "176-CV/TU");
        let ubnd = find("UBND tỉnh Kiên Giang");
        assert_eq!(ubnd.series[0].number(1507, 2021, "TH"), "1507/UBND-TH");
        let ttg = find("Thủ tướng Chính phủ");
        assert_eq!(ttg.series[0].number(1099, 2021, ""), "1099/CĐ-TTg");
        assert_eq!(ttg.series[3].number(23, 2021, ""), "23/2021/QĐ-TTg");
        assert_eq!(
            find("Bộ Chính trị").series[0].number(7, 2021, ""),
            "07-KL/TW"
        );
        let huyen = find("Huyện ủy Chợ Mới");
        assert_eq!(huyen.series[0].number(12, 2021, ""), "12-CV/HU");
        assert_eq!(
            find("UBND huyện Chợ Mới").district_parts(),
            Some(("huyện", "Chợ Mới"))
        );
    }

    #[test]
    fn terms_split_at_congresses() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(term(Kind::ProvincialParty, d(2020, 10, 1)).0, 0);
        assert_eq!(term(Kind::ProvincialParty, d(2021, 6, 15)).0, 1);
        assert_eq!(term(Kind::Politburo, d(2021, 6, 11)).1, d(2021, 1, 31));
    }
}

//! Who signs and who receives: leaders that stay in office for a term and
//! are sometimes promoted, signature blocks per kind of body, and the
//! "Kính gửi" and "Nơi nhận" lists.

use super::issuers::{Catalog, Issuer, Kind, Role, signer_options, term};
use super::names;
use super::rng::{Rng, cumulative};
use chrono::NaiveDate;

const STREAM_PERSON: u64 = 0x9E0;

/// A signature block as the front matter records it.
#[derive(Debug, Clone)]
pub(crate) struct Signature {
    /// `None` when the copy prints "(Đã ký)" without a name.
    pub name: Option<String>,
    pub position: String,
    pub authority: Option<String>,
}

fn role_code(role: Role) -> u64 {
    match role {
        Role::Head => 1,
        Role::FirstDeputy => 2,
        Role::Deputy => 3,
        Role::OfficeHead => 4,
        Role::OfficeDeputy => 5,
    }
}

/// The person holding `role` (seat `slot`) among the people of `group`
/// during `term`. Heads are often the previous term's first deputy, and
/// deputies often stay on, so signer histories look like real careers.
pub(crate) fn person(seed: u64, group: usize, role: Role, slot: u32, term: u32) -> String {
    let mut rng = Rng::derive(
        seed,
        &[
            STREAM_PERSON,
            group as u64,
            role_code(role),
            u64::from(slot),
            u64::from(term),
        ],
    );
    if term > 0 {
        match role {
            Role::Head if rng.chance(450) => {
                return person(seed, group, Role::FirstDeputy, 0, term - 1);
            }
            Role::FirstDeputy if rng.chance(400) => {
                return person(seed, group, Role::Deputy, 0, term - 1);
            }
            Role::Deputy | Role::OfficeDeputy if rng.chance(500) => {
                return person(seed, group, role, slot + 1, term - 1);
            }
            _ => {}
        }
    }
    let female_per_mille = match role {
        Role::Head | Role::FirstDeputy => 100,
        Role::Deputy => 200,
        Role::OfficeHead | Role::OfficeDeputy => 280,
    };
    let female = rng.chance(female_per_mille);
    names::person(&mut rng, female)
}

/// The signature block of a document of `issuer` with type code `code`.
pub(crate) fn signature(
    seed: u64,
    issuer: &Issuer,
    code: &str,
    date: NaiveDate,
    rng: &mut Rng,
) -> Signature {
    let options: Vec<_> = signer_options(issuer.kind)
        .iter()
        .filter(|o| o.only.is_empty() || o.only.contains(&code))
        .collect();
    let weights = cumulative(options.iter().map(|o| u64::from(o.weight)));
    let option = options[rng.weighted(&weights)];
    let slot = rng.below(option.slots as usize) as u32;
    let (term, _) = term(issuer.kind, date);
    let name = if rng.chance(8) {
        None
    } else {
        Some(person(seed, issuer.people, option.role, slot, term))
    };
    let city = issuer.province().is_some_and(|p| p.city);
    let authority = option.authority.map(|a| {
        if city && issuer.kind == Kind::ProvincialParty {
            a.replace("Tỉnh ủy", "Thành ủy")
        } else {
            a.to_string()
        }
    });
    Signature {
        name,
        position: option.position.to_string(),
        authority,
    }
}

/// A leader named in the body ("Phó Chủ tịch UBND tỉnh Nguyễn Lưu Trung"):
/// the title and the name of one of the issuer's deputies or its head.
pub(crate) fn leader(
    seed: u64,
    catalog: &Catalog,
    issuer: &Issuer,
    date: NaiveDate,
    rng: &mut Rng,
) -> (String, String) {
    let (term, _) = term(issuer.kind, date);
    let word = issuer.province_word();
    let (title, role, slots) = match issuer.kind {
        Kind::Politburo | Kind::Secretariat | Kind::CentralCommittee => {
            ("Thường trực Ban Bí thư".to_string(), Role::FirstDeputy, 1)
        }
        Kind::Government | Kind::PrimeMinister | Kind::GovernmentOffice => {
            ("Phó Thủ tướng".to_string(), Role::Deputy, 4)
        }
        Kind::Ministry(_) => ("Thứ trưởng".to_string(), Role::Deputy, 5),
        Kind::ProvincialParty => (
            if word == "tỉnh" {
                "Phó Bí thư Thường trực Tỉnh ủy"
            } else {
                "Phó Bí thư Thường trực Thành ủy"
            }
            .to_string(),
            Role::FirstDeputy,
            1,
        ),
        Kind::ProvincialCouncil => (format!("Chủ tịch HĐND {word}"), Role::Head, 1),
        Kind::ProvincialCommittee | Kind::ProvincialOffice => {
            (format!("Phó Chủ tịch UBND {word}"), Role::Deputy, 4)
        }
        Kind::Department(_) => ("Giám đốc Sở".to_string(), Role::Head, 1),
        Kind::DistrictParty => ("Bí thư".to_string(), Role::Head, 1),
        Kind::DistrictCommittee => {
            let d = issuer.district_parts().map_or("huyện", |(w, _)| w);
            (format!("Phó Chủ tịch UBND {d}"), Role::Deputy, 3)
        }
    };
    // The Government office relays the Government's deputy prime ministers.
    let group = match issuer.kind {
        Kind::GovernmentOffice => catalog
            .issuers
            .iter()
            .find(|i| i.kind == Kind::Government)
            .map_or(issuer.people, |i| i.people),
        _ => issuer.people,
    };
    let slot = rng.below(slots) as u32;
    (title, person(seed, group, role, slot, term))
}

/// Kính gửi: the addressees of a letter, dispatch or report.
pub(crate) fn recipients(issuer: &Issuer, code: &str, rng: &mut Rng) -> Vec<String> {
    if !matches!(code, "CV" | "CĐ" | "BC") {
        return Vec::new();
    }
    let word = issuer.province_word();
    let (party, districts) = if word == "tỉnh" {
        ("Tỉnh ủy", "các huyện, thị xã, thành phố")
    } else {
        ("Thành ủy", "các quận, huyện")
    };
    let pool: Vec<String> = match issuer.kind {
        Kind::Politburo | Kind::Secretariat | Kind::CentralCommittee => vec![
            "Các tỉnh ủy, thành ủy trực thuộc Trung ương".into(),
            "Các ban đảng, ban cán sự đảng, đảng đoàn, đảng ủy trực thuộc Trung ương".into(),
            "Các đảng ủy đơn vị sự nghiệp Trung ương".into(),
        ],
        Kind::Government | Kind::PrimeMinister | Kind::GovernmentOffice => vec![
            "Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ".into(),
            "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương".into(),
            "Ban Chỉ đạo quốc gia phòng, chống thiên tai".into(),
            "Văn phòng Trung ương Đảng".into(),
        ],
        Kind::Ministry(_) => vec![
            "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương".into(),
            "Các đơn vị trực thuộc Bộ".into(),
            "Các Bộ, cơ quan ngang Bộ".into(),
        ],
        Kind::ProvincialParty => vec![
            format!("Các đồng chí {party} viên"),
            format!("Ban cán sự đảng Ủy ban nhân dân {word}"),
            format!("Đảng đoàn Hội đồng nhân dân {word}"),
            format!("Các sở, ban, ngành, đoàn thể cấp {word}"),
            format!("Các huyện, thành ủy, đảng ủy trực thuộc {party}"),
        ],
        Kind::ProvincialCouncil | Kind::ProvincialCommittee => vec![
            format!("Giám đốc các sở, ban, ngành cấp {word}"),
            format!("Thủ trưởng các cơ quan, đơn vị thuộc {word}"),
            format!("Chủ tịch Ủy ban nhân dân {districts}"),
            format!("Các cơ quan Trung ương đóng trên địa bàn {word}"),
        ],
        Kind::ProvincialOffice => vec![
            format!("Các sở, ban, ngành cấp {word}"),
            format!("Ủy ban nhân dân {districts}"),
        ],
        Kind::Department(d) => {
            let office = super::issuers::DEPARTMENTS[d].district_office;
            vec![
                format!("{office} {districts}"),
                "Các phòng, đơn vị trực thuộc Sở".into(),
                format!("Ủy ban nhân dân {districts}"),
            ]
        }
        Kind::DistrictParty => {
            let d = issuer.district_parts().map_or("huyện", |(w, _)| w);
            vec![
                "Các chi bộ, đảng bộ trực thuộc".into(),
                format!("Các cơ quan, ban, ngành, đoàn thể {d}"),
                "Đảng ủy các xã, thị trấn".into(),
            ]
        }
        Kind::DistrictCommittee => {
            let d = issuer.district_parts().map_or("huyện", |(w, _)| w);
            vec![
                format!("Thủ trưởng các cơ quan, đơn vị {d}"),
                "Chủ tịch Ủy ban nhân dân các xã, thị trấn".into(),
            ]
        }
    };
    let n = 1 + rng.below(pool.len());
    pool.into_iter().take(n).collect()
}

/// Nơi nhận: "Như trên", the bodies informed, and the archive copy.
pub(crate) fn distribution(issuer: &Issuer, code: &str, unit: &str, rng: &mut Rng) -> Vec<String> {
    let word = issuer.province_word();
    let party = if word == "tỉnh" {
        "Tỉnh ủy"
    } else {
        "Thành ủy"
    };
    let mut list = Vec::new();
    if matches!(code, "CV" | "CĐ" | "BC") {
        list.push("Như trên".to_string());
    }
    let informed: Vec<String> = match issuer.kind {
        Kind::Politburo | Kind::Secretariat | Kind::CentralCommittee => vec![
            "Các đồng chí Ủy viên Bộ Chính trị, Ban Bí thư".into(),
            "Các đồng chí Ủy viên Ban Chấp hành Trung ương Đảng".into(),
        ],
        Kind::Government | Kind::PrimeMinister | Kind::GovernmentOffice => vec![
            "Thủ tướng, các Phó Thủ tướng Chính phủ".into(),
            "Văn phòng Trung ương và các Ban của Đảng".into(),
            "VPCP: BTCN, các PCN, Trợ lý TTg".into(),
        ],
        Kind::Ministry(_) => vec![
            "Bộ trưởng (để báo cáo)".into(),
            "Các Thứ trưởng".into(),
            "Cổng thông tin điện tử Bộ".into(),
        ],
        Kind::ProvincialParty => vec![
            "Ban Bí thư (báo cáo)".into(),
            "Văn phòng Trung ương Đảng (báo cáo)".into(),
            format!("Các đồng chí {party} viên"),
            format!("Lãnh đạo Văn phòng {party}"),
        ],
        Kind::ProvincialCouncil => vec![
            "Ủy ban Thường vụ Quốc hội".into(),
            "Chính phủ".into(),
            format!("Thường trực {party}"),
            format!("Đại biểu HĐND {word}"),
        ],
        Kind::ProvincialCommittee | Kind::ProvincialOffice => vec![
            format!("Thường trực {party} (b/c)"),
            format!("CT, các PCT UBND {word}"),
            "Lãnh đạo Văn phòng".into(),
            if unit.is_empty() {
                "Các Phòng nghiên cứu".into()
            } else {
                format!("Phòng {unit}")
            },
        ],
        Kind::Department(_) => vec![
            format!("UBND {word} (b/c)"),
            "Giám đốc, các Phó Giám đốc Sở".into(),
        ],
        Kind::DistrictParty | Kind::DistrictCommittee => {
            let (d, name) = issuer.district_parts().unwrap_or(("huyện", ""));
            let own_party = match d {
                "quận" => format!("Quận ủy {name}"),
                "thành phố" => format!("Thành ủy {name}"),
                _ => format!("Huyện ủy {name}"),
            };
            vec![
                format!("Thường trực {party} (b/c)"),
                format!("UBND {word} (b/c)"),
                format!("Thường trực {own_party}"),
                format!("CT, các PCT UBND {d}"),
            ]
        }
    };
    let n = 1 + rng.below(informed.len());
    list.extend(informed.into_iter().take(n));
    let initials = names::typist(rng);
    if issuer.kind.is_party() {
        let office = match issuer.kind {
            Kind::ProvincialParty => format!("Lưu Văn phòng {party}"),
            Kind::DistrictParty => "Lưu Văn phòng".to_string(),
            _ => "Lưu Văn phòng Trung ương Đảng".to_string(),
        };
        list.push(office);
    } else if unit.is_empty() {
        list.push(format!("Lưu: VT, {initials}"));
    } else {
        list.push(format!("Lưu: VT, {unit} ({initials})"));
    }
    list
}

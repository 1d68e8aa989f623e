//! The plan of an archive: for every document its issuer, date, type,
//! number, title and topics, decided before any text is written so that
//! citations can point at real earlier documents.

use super::issuers::{Catalog, Issuer, Kind, Series, Shape, term};
use super::rng::{Rng, cumulative};
use super::vocab::{COVID, DISASTER, DOMAINS, PARTY_DOMAINS, TOPICS};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use rayon::prelude::*;
use std::collections::BTreeSet;

const STREAM_PLAN: u64 = 0x11;
const STREAM_NUMBER: u64 = 0x12;

/// The first and last year of a generated archive.
pub(crate) const FIRST_YEAR: i32 = 2019;
const YEAR_WEIGHTS: [u64; 6] = [12, 20, 24, 18, 14, 12];

/// One document of the archive, before its text exists.
#[derive(Debug, Clone)]
pub(crate) struct Planned {
    pub issuer: u32,
    pub series: u8,
    pub domain: u8,
    pub date: NaiveDate,
    /// Drafting unit of a letter (`KGVX`), empty otherwise.
    pub unit: &'static str,
    pub number: String,
    pub title: String,
    pub topics: Vec<&'static str>,
}

impl Planned {
    pub(crate) fn series<'a>(&self, catalog: &'a Catalog) -> &'a Series {
        &catalog.issuers[self.issuer as usize].series[self.series as usize]
    }
}

/// Plans `count` documents; the same (count, seed) gives the same plan.
pub(crate) fn plan(catalog: &Catalog, count: usize, seed: u64) -> Vec<Planned> {
    let mut docs: Vec<Planned> = (0..count)
        .into_par_iter()
        .map(|i| plan_one(catalog, seed, i))
        .collect();
    assign_numbers(catalog, seed, &mut docs);
    docs
}

fn plan_one(catalog: &Catalog, seed: u64, index: usize) -> Planned {
    let mut rng = Rng::derive(seed, &[STREAM_PLAN, index as u64]);
    let issuer_index = rng.weighted(&catalog.cumulative);
    let issuer = &catalog.issuers[issuer_index];
    let date = pick_date(&mut rng);
    let series_index = rng.weighted(&issuer.series_weights);
    let series = &issuer.series[series_index];
    let domain = pick_domain(&mut rng, issuer, series, date);
    let unit = if series.shape == Shape::Letter {
        *rng.pick(series.units)
    } else {
        ""
    };
    let title = title(&mut rng, issuer, series, domain, date);
    let topics = topics(&mut rng, domain, date);
    Planned {
        issuer: issuer_index as u32,
        series: series_index as u8,
        domain: domain as u8,
        date,
        unit,
        number: String::new(),
        title,
        topics,
    }
}

/// A date in the archive's years, mostly on a weekday.
fn pick_date(rng: &mut Rng) -> NaiveDate {
    let year = FIRST_YEAR + rng.weighted(&cumulative(YEAR_WEIGHTS)) as i32;
    let start = NaiveDate::from_ymd_opt(year, 1, 1).expect("valid year");
    let days = if start.leap_year() { 366 } else { 365 };
    let mut date = start + Duration::days(rng.below(days) as i64);
    if rng.chance(920) {
        date = match date.weekday() {
            Weekday::Sat if date.day() > 1 || date.month() > 1 => date - Duration::days(1),
            Weekday::Sat => date + Duration::days(2),
            Weekday::Sun if date.month() < 12 || date.day() < 31 => date + Duration::days(1),
            Weekday::Sun => date - Duration::days(2),
            _ => date,
        };
    }
    date
}

fn active(domain: usize, date: NaiveDate) -> bool {
    DOMAINS[domain].is_active(date)
}

fn pick_domain(rng: &mut Rng, issuer: &Issuer, series: &Series, date: NaiveDate) -> usize {
    if series.code == "CĐ" && rng.chance(800) {
        return if active(COVID, date) && rng.chance(700) {
            COVID
        } else {
            DISASTER
        };
    }
    let special: &[usize] = if issuer.kind.is_party() {
        if rng.chance(450) { PARTY_DOMAINS } else { &[] }
    } else if rng.chance(700) {
        issuer.domains
    } else {
        &[]
    };
    let candidates: Vec<usize> = special
        .iter()
        .copied()
        .filter(|&d| active(d, date))
        .collect();
    if !candidates.is_empty() {
        return candidates[rng.zipf(candidates.len())];
    }
    let covid_boost = if date.year() <= 2021 { 2 } else { 1 };
    let weights =
        cumulative(
            DOMAINS
                .iter()
                .enumerate()
                .map(|(i, d)| match (active(i, date), i == COVID) {
                    (false, _) => 0,
                    (true, true) => d.weight * covid_boost,
                    (true, false) => d.weight,
                }),
        );
    rng.weighted(&weights)
}

fn topics(rng: &mut Rng, domain: usize, date: NaiveDate) -> Vec<&'static str> {
    let d = &DOMAINS[domain];
    let mut topics = vec![d.topics[0]];
    if d.topics.len() > 1 && rng.chance(450) {
        topics.push(d.topics[1]);
    }
    let extra = rng.below(3);
    for _ in 0..extra {
        let t = TOPICS[rng.zipf(TOPICS.len())];
        let era_ok = match t {
            "Covid-19" => active(COVID, date),
            "Bầu cử" => date.year() == 2021,
            _ => true,
        };
        if era_ok && topics.len() < 3 && !topics.contains(&t) {
            topics.push(t);
        }
    }
    topics
}

/// Capitalises the first letter.
pub(crate) fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The "giai đoạn" a date plans for.
pub(crate) fn period(date: NaiveDate) -> &'static str {
    if date.year() < 2021 {
        "2016-2020"
    } else {
        "2021-2025"
    }
}

/// The body that holds meetings and gives conclusions, for titles of
/// Thông báo ("Kết luận của Ban Thường vụ Tỉnh ủy về ...").
fn conclusion_head(rng: &mut Rng, issuer: &Issuer) -> String {
    let word = issuer.province_word();
    let party = if word == "tỉnh" {
        "Tỉnh ủy"
    } else {
        "Thành ủy"
    };
    match issuer.kind {
        Kind::Politburo => "Bộ Chính trị".into(),
        Kind::Secretariat => "Ban Bí thư".into(),
        Kind::GovernmentOffice => {
            if rng.chance(500) {
                "Thủ tướng Chính phủ".into()
            } else {
                "Phó Thủ tướng Chính phủ".into()
            }
        }
        Kind::ProvincialParty => {
            if rng.chance(600) {
                format!("Ban Thường vụ {party}")
            } else {
                format!("Thường trực {party}")
            }
        }
        Kind::DistrictParty => "Ban Thường vụ".into(),
        Kind::Department(_) => "Giám đốc Sở".into(),
        Kind::DistrictCommittee => {
            let d = issuer.district_parts().map_or("huyện", |(w, _)| w);
            format!("Chủ tịch UBND {d}")
        }
        _ => {
            if rng.chance(500) {
                format!("Chủ tịch UBND {word}")
            } else {
                format!("Phó Chủ tịch UBND {word}")
            }
        }
    }
}

/// A title whose verb does not repeat the subject's first word
/// ("Đẩy mạnh đẩy mạnh ..."); retried a few times, then the last kept.
fn title(
    rng: &mut Rng,
    issuer: &Issuer,
    series: &Series,
    domain: usize,
    date: NaiveDate,
) -> String {
    let d = &DOMAINS[domain];
    let mut text = String::new();
    for _ in 0..6 {
        let s = *rng.pick_skewed(d.subjects);
        text = title_with(rng, issuer, series, domain, date, s);
        let first = s.split(' ').next().unwrap_or("");
        let before = text.to_lowercase();
        let before = before.split(s).next().unwrap_or("");
        if !before.split([' ', ',']).any(|w| w == first) {
            break;
        }
    }
    text
}

fn title_with(
    rng: &mut Rng,
    issuer: &Issuer,
    series: &Series,
    domain: usize,
    date: NaiveDate,
    s: &str,
) -> String {
    let y = date.year();
    let local = match issuer.kind.level() {
        3 | 4 => Some(issuer.province_word()),
        5 => Some(issuer.district_parts().map_or("huyện", |(w, _)| w)),
        _ => None,
    };
    let scope = match local {
        Some(word) if rng.chance(300) => format!(" trên địa bàn {word}"),
        _ => String::new(),
    };
    let p = period(date);
    let text = match series.code {
        "CV" => {
            let verb = rng.pick_skewed(&[
                "Tăng cường",
                "Triển khai thực hiện",
                "Đẩy mạnh",
                "Tiếp tục thực hiện",
                "Chấn chỉnh, nâng cao hiệu quả",
                "Đôn đốc thực hiện",
                "Tập trung chỉ đạo",
                "Hướng dẫn triển khai",
                "Góp ý dự thảo văn bản về",
                "Báo cáo kết quả",
            ]);
            format!("{verb} {s}{scope}")
        }
        "CĐ" if domain == DISASTER && rng.chance(600) => {
            if rng.chance(500) {
                format!("Về việc chủ động ứng phó với bão số {}", 1 + rng.below(9))
            } else {
                "Về việc chủ động ứng phó với áp thấp nhiệt đới, mưa lũ và sạt lở đất".to_string()
            }
        }
        "CĐ" => {
            let verb = rng.pick(&[
                "Về việc tăng cường",
                "Về việc tập trung chỉ đạo",
                "Về việc khẩn trương triển khai",
            ]);
            format!("{verb} {s}")
        }
        "TB" => {
            let head = conclusion_head(rng, issuer);
            match rng.below(3) {
                0 => format!("Kết luận của {head} về {s}"),
                1 => format!("Ý kiến kết luận của {head} tại cuộc họp về {s}"),
                _ => format!("Kết luận của {head} tại buổi làm việc về {s}{scope}"),
            }
        }
        "KH" => match rng.below(5) {
            0 => format!("Triển khai {s} năm {y}"),
            1 => format!("Thực hiện {s} giai đoạn {p}"),
            2 => format!("Tổ chức thực hiện {s}{scope}"),
            3 => format!("Kiểm tra, giám sát {s} năm {y}"),
            _ => format!("Tuyên truyền {s} năm {y}"),
        },
        "CT" => {
            let verb = rng.pick(&[
                "Về tăng cường",
                "Về đẩy mạnh",
                "Về việc tiếp tục thực hiện",
                "Về tăng cường sự lãnh đạo, chỉ đạo đối với",
            ]);
            format!("{verb} {s}{scope}")
        }
        "NQ" if issuer.kind == Kind::Government && rng.chance(200) => {
            let previous = date - Duration::days(20);
            format!(
                "Phiên họp Chính phủ thường kỳ tháng {} năm {}",
                previous.month(),
                previous.year()
            )
        }
        "NQ" if issuer.kind == Kind::ProvincialCouncil => match rng.below(3) {
            0 => format!("Về {s} năm {y}"),
            1 => format!("Quy định một số chính sách hỗ trợ {s}{scope}"),
            _ => format!("Thông qua Đề án {s} giai đoạn {p}"),
        },
        "NQ" => match rng.below(3) {
            0 => format!("Về {s}"),
            1 => format!("Về {s} năm {y}"),
            _ => format!("Về nhiệm vụ, giải pháp chủ yếu thực hiện {s} năm {y}"),
        },
        "KL" => match rng.below(3) {
            0 => format!("Về một số nhiệm vụ trọng tâm trong {s}"),
            1 => format!("Về tiếp tục thực hiện {s}"),
            _ => format!("Về {s}"),
        },
        "QĐ" if series.shape == Shape::Normative => match rng.below(2) {
            0 => format!("Ban hành Quy định về {s}{scope}"),
            _ => format!("Sửa đổi, bổ sung một số điều của Quy định về {s}"),
        },
        "QĐ" => match rng.below(7) {
            0 => format!("Về việc ban hành Kế hoạch {s} năm {y}"),
            1 => format!("Về việc thành lập Ban Chỉ đạo {s}"),
            2 => format!("Phê duyệt Đề án {s} giai đoạn {p}"),
            3 => format!("Ban hành Quy chế phối hợp trong {s}"),
            4 => format!("Về việc kiện toàn Tổ công tác {s}"),
            5 => format!("Về việc phân bổ kinh phí thực hiện {s} năm {y}"),
            _ => format!("Về việc khen thưởng tập thể, cá nhân có thành tích xuất sắc trong {s}"),
        },
        "NĐ" => match rng.below(4) {
            0 => format!("Quy định chi tiết một số điều về {s}"),
            1 => format!("Quy định về {s}"),
            2 => format!("Sửa đổi, bổ sung một số điều của các nghị định quy định về {s}"),
            _ => format!("Quy định xử phạt vi phạm hành chính trong {s}"),
        },
        "TT" => match rng.below(3) {
            0 => format!("Hướng dẫn {s}"),
            1 => format!("Quy định chi tiết về {s}"),
            _ => format!("Sửa đổi, bổ sung một số điều của Thông tư hướng dẫn {s}"),
        },
        "BC" => match rng.below(4) {
            0 => format!("Kết quả thực hiện {s} năm {y}"),
            1 => format!("Tình hình {s} 6 tháng đầu năm {y}"),
            2 => format!("Sơ kết {s}{scope}"),
            _ => format!("Tổng kết {s} giai đoạn {p}"),
        },
        _ => format!("Về {s}"),
    };
    capitalize(&text)
}

/// Numbers restart each year (state) or term (Party) per issuer and
/// series, and grow with the date at the pace the issuer really writes.
fn assign_numbers(catalog: &Catalog, seed: u64, docs: &mut [Planned]) {
    let mut order: Vec<(u32, u8, i32, NaiveDate, usize)> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let issuer = &catalog.issuers[d.issuer as usize];
            let period = match d.series(catalog).shape {
                Shape::Party => term(issuer.kind, d.date).0 as i32,
                _ => d.date.year(),
            };
            (d.issuer, d.series, period, d.date, i)
        })
        .collect();
    order.sort_unstable();
    let mut used: BTreeSet<(u32, u8, i32, u32)> = BTreeSet::new();
    let mut group = None;
    let mut rng = Rng::derive(seed, &[STREAM_NUMBER]);
    let mut previous = 0u32;
    for &(issuer_index, series_index, period, date, i) in &order {
        if group != Some((issuer_index, series_index, period)) {
            group = Some((issuer_index, series_index, period));
            rng = Rng::derive(
                seed,
                &[
                    STREAM_NUMBER,
                    u64::from(issuer_index),
                    u64::from(series_index),
                    period as u64,
                ],
            );
            previous = 0;
        }
        let issuer = &catalog.issuers[issuer_index as usize];
        let series = &issuer.series[series_index as usize];
        let start = match series.shape {
            Shape::Party => term(issuer.kind, date).1,
            _ => NaiveDate::from_ymd_opt(date.year(), 1, 1).expect("valid year"),
        };
        let days = (date - start).num_days().max(0) as u64;
        let pace = u64::from(series.volume) * days / 365;
        let jitter = rng.below((series.volume / 40).max(1) as usize + 1) as u64;
        let mut n = (1 + pace + jitter).max(u64::from(previous) + 1) as u32;
        while !used.insert((issuer_index, series_index, date.year(), n)) {
            n += 1;
        }
        previous = n;
        docs[i].number = series.number(n, date.year(), docs[i].unit);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn identities_are_unique_and_numbers_grow_with_dates() {
        let catalog = Catalog::build(9);
        let docs = plan(&catalog, 3000, 9);
        let mut identities = BTreeSet::new();
        for d in &docs {
            let key = (crate::number::normalize(&d.number), d.issuer, d.date.year());
            assert!(identities.insert(key), "duplicate {}", d.number);
            assert!((2019..=2024).contains(&d.date.year()));
        }
        let tu: Vec<_> = docs
            .iter()
            .filter(|d| catalog.issuers[d.issuer as usize].kind == Kind::ProvincialParty)
            .collect();
        assert!(tu.iter().any(|d| d.number.contains("-CV/TU")));
    }

    #[test]
    fn weekends_are_rare() {
        let mut rng = Rng::derive(4, &[]);
        let weekend = (0..2000)
            .map(|_| pick_date(&mut rng))
            .filter(|d| matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
            .count();
        assert!(weekend < 100, "{weekend}");
    }
}

//! What an issuer page and the issuer index show beyond the list:
//! level and province, counts by type, signers, and the issuers it cites
//! and is cited by.

use super::Site;
use std::collections::BTreeMap;

/// What two spellings of one body share: folded (case, marks, `đ`), the
/// abbreviations of the state's bodies written out (`UBND`, `HĐND`, `TP.`),
/// punctuation as space. "UBND tỉnh Lào Cai", "Ủy ban nhân dân tỉnh Lào
/// Cai" and "ỦY BAN NHÂN DÂN TỈNH LÀO CAI" are one issuer.
pub fn spelling_key(name: &str) -> String {
    let folded = crate::text::fold(name);
    let mut out: Vec<&str> = Vec::new();
    for w in folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        match w {
            "ubnd" => out.extend(["uy", "ban", "nhan", "dan"]),
            "hdnd" => out.extend(["hoi", "dong", "nhan", "dan"]),
            "tp" => out.extend(["thanh", "pho"]),
            w => out.push(w),
        }
    }
    out.join(" ")
}

/// The archive's issuers: documents grouped by [`spelling_key`], each
/// group named by the spelling most of its documents print (ties: the
/// first in folded order), sorted by that key.
pub(super) fn group(docs: &[crate::document::Document]) -> Vec<super::Group> {
    let mut by_key: BTreeMap<String, (Vec<usize>, BTreeMap<&str, usize>)> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        let (list, spellings) = by_key.entry(spelling_key(&d.issuer)).or_default();
        list.push(i);
        *spellings.entry(d.issuer.as_str()).or_default() += 1;
    }
    let mut groups: Vec<super::Group> = by_key
        .into_values()
        .map(|(docs, spellings)| {
            let name = spellings
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                .map(|(n, _)| n.to_string())
                .unwrap_or_default();
            super::Group {
                path: super::address::issuer(&name),
                name,
                docs,
            }
        })
        .collect();
    // Names whose slugs meet (different keys, one slug) are numbered.
    super::number_shared_paths(&mut groups);
    groups
}

/// The administrative level of an issuer, for the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Central,
    Province,
    District,
    Other,
}

impl Level {
    pub fn label(self) -> &'static str {
        match self {
            Level::Central => "Trung ương",
            Level::Province => "Cấp tỉnh",
            Level::District => "Cấp huyện",
            Level::Other => "Khác",
        }
    }
}

/// Level and province read from an issuer's name, e.g. "Văn phòng UBND
/// tỉnh Kiên Giang" is a provincial body of Kiên Giang.
pub fn classify(name: &str) -> (Level, Option<String>) {
    let folded = crate::text::fold(name);
    let words: Vec<&str> = name.split_whitespace().collect();
    let folded_words: Vec<&str> = folded.split_whitespace().collect();
    let after = |keys: &[&str]| -> Option<String> {
        (0..folded_words.len()).find_map(|k| {
            keys.iter().find_map(|key| {
                let key_words: Vec<&str> = key.split(' ').collect();
                let end = k + key_words.len();
                (end < folded_words.len() && folded_words[k..end] == key_words[..])
                    .then(|| words[end..].join(" "))
            })
        })
    };
    if [
        "huyen uy",
        "ubnd huyen",
        "uy ban nhan dan huyen",
        "thi uy",
        "quan uy",
    ]
    .iter()
    .any(|k| folded.contains(k))
        || folded.starts_with("ubnd quan")
    {
        return (Level::District, after(&["tinh", "thanh pho"]));
    }
    if let Some(p) = after(&["tinh uy", "thanh uy", "tinh", "thanh pho"]) {
        return (Level::Province, Some(p));
    }
    let central = [
        "trung uong",
        "bo chinh tri",
        "ban bi thu",
        "chinh phu",
        "thu tuong",
        "quoc hoi",
        "bo ",
        "ban chap hanh",
    ];
    if central
        .iter()
        .any(|k| folded.starts_with(k) || folded.contains(k))
    {
        return (Level::Central, None);
    }
    (Level::Other, None)
}

/// Level and province of an issuer: the registry's word first, else what
/// its name says.
pub fn level_and_province(site: &Site, name: &str) -> (Level, Option<String>) {
    let (mut level, mut province) = classify(name);
    if let Some(info) = site.registry.get(name) {
        if let Some(p) = &info.province {
            province = Some(p.clone());
        }
        if let Some(l) = &info.level {
            level = match crate::text::fold(l).as_str() {
                "trung uong" => Level::Central,
                "tinh" | "thanh pho" => Level::Province,
                "huyen" | "quan" | "xa" => Level::District,
                _ => level,
            };
        }
    }
    (level, province)
}

/// The issuer index's sections: central bodies, then each province, then
/// the rest; each a list of issuer indices.
pub fn sections(site: &Site) -> Vec<(String, Vec<usize>)> {
    let mut map: BTreeMap<(Level, String), Vec<usize>> = BTreeMap::new();
    for (gi, g) in site.issuers.iter().enumerate() {
        let (level, province) = level_and_province(site, &g.name);
        let heading = match (level, province) {
            (Level::Central, _) => Level::Central.label().to_string(),
            (_, Some(p)) => p,
            (l, None) => l.label().to_string(),
        };
        let level = if level == Level::District {
            Level::Province
        } else {
            level
        };
        map.entry((level, heading)).or_default().push(gi);
    }
    let mut out: Vec<((Level, String), Vec<usize>)> = map.into_iter().collect();
    out.sort_by_key(|a| (a.0.0, crate::text::fold(&a.0.1)));
    out.into_iter().map(|((_, h), v)| (h, v)).collect()
}

/// Counts for one issuer's page; each list is (group index, count),
/// most first.
pub struct IssuerStats {
    pub types: Vec<(usize, usize)>,
    pub signers: Vec<(usize, usize)>,
    pub cites: Vec<(usize, usize)>,
    pub cited_by: Vec<(usize, usize)>,
}

pub fn stats(site: &Site, gi: usize) -> IssuerStats {
    let g = &site.issuers[gi];
    let mut types: BTreeMap<usize, usize> = BTreeMap::new();
    let mut signers: BTreeMap<usize, usize> = BTreeMap::new();
    let mut cites: BTreeMap<usize, usize> = BTreeMap::new();
    let mut cited_by: BTreeMap<usize, usize> = BTreeMap::new();
    for &i in &g.docs {
        let d = &site.docs[i];
        if let Some(t) = index_of(&site.type_index, &d.doc_type) {
            *types.entry(t).or_default() += 1;
        }
        for s in d.signers.iter().filter_map(|s| s.name.as_deref()) {
            if let Some(k) = index_of(&site.signer_index, s) {
                *signers.entry(k).or_default() += 1;
            }
        }
        for c in &site.graph.outgoing[i] {
            if let crate::citation::Target::Archive(j) = c.target {
                let other = site.issuer_of[j];
                if other != gi {
                    *cites.entry(other).or_default() += 1;
                }
            }
        }
        for &j in &site.graph.cited_by[i] {
            let other = site.issuer_of[j];
            if other != gi {
                *cited_by.entry(other).or_default() += 1;
            }
        }
    }
    let most = |m: BTreeMap<usize, usize>| {
        let mut v: Vec<(usize, usize)> = m.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v.truncate(10);
        v
    };
    IssuerStats {
        types: most(types),
        signers: most(signers),
        cites: most(cites),
        cited_by: most(cited_by),
    }
}

fn index_of(map: &std::collections::HashMap<String, usize>, name: &str) -> Option<usize> {
    map.get(name).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_body_share_a_key() {
        let key = spelling_key("Ủy ban nhân dân tỉnh Lào Cai");
        for other in [
            "UBND tỉnh Lào Cai",
            "ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
            "Uỷ ban nhân dân  tỉnh Lào Cai",
        ] {
            assert_eq!(spelling_key(other), key, "{other}");
        }
        assert_eq!(
            spelling_key("Sở Công thương tỉnh Lào Cai"),
            spelling_key("Sở Công Thương tỉnh Lào Cai")
        );
        assert_eq!(
            spelling_key("Bộ Lao động-Thương binh và Xã hội"),
            spelling_key("Bộ Lao động - Thương binh và Xã hội")
        );
        assert_eq!(
            spelling_key("UBND TP. Hà Nội"),
            spelling_key("Ủy ban nhân dân thành phố Hà Nội")
        );
        assert_ne!(
            spelling_key("UBND tỉnh Lào Cai"),
            spelling_key("HĐND tỉnh Lào Cai")
        );
        assert_ne!(
            spelling_key("Sở Y tế tỉnh Lào Cai"),
            spelling_key("Sở Y tế tỉnh Lai Châu")
        );
    }

    #[test]
    fn reads_level_and_province_from_names() {
        assert_eq!(
            classify("Văn phòng UBND tỉnh Kiên Giang"),
            (Level::Province, Some("Kiên Giang".into()))
        );
        assert_eq!(
            classify("Tỉnh ủy Quảng Ngãi"),
            (Level::Province, Some("Quảng Ngãi".into()))
        );
        assert_eq!(classify("Thủ tướng Chính phủ").0, Level::Central);
        assert_eq!(classify("Bộ Chính trị").0, Level::Central);
        assert_eq!(classify("Bộ Y tế").0, Level::Central);
        assert_eq!(
            classify("UBND huyện Kiên Lương tỉnh Kiên Giang"),
            (Level::District, Some("Kiên Giang".into()))
        );
    }
}

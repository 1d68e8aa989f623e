//! Where each page lives. A document's address comes from its number and
//! year only (`van-ban/2021/176-cv-tu/`), so editing its title or body never
//! moves it. Two documents that share number and year (different issuers)
//! each get the issuer in their address, and the shared address becomes a
//! page that lists both, so a link made to it before still lands somewhere
//! useful.

use crate::document::Document;
use crate::text::slug;
use chrono::Datelike;
use std::collections::BTreeMap;

/// The folder, from the site root, of documents of `year` numbered `number`.
pub fn document_base(number: &str, year: i32) -> String {
    format!("van-ban/{year}/{}/", slug_or(number, "so"))
}

/// A document's own folder when its base address is shared.
pub fn document_with_issuer(number: &str, year: i32, issuer: &str) -> String {
    format!(
        "van-ban/{year}/{}-{}/",
        slug_or(number, "so"),
        slug_or(issuer, "co-quan")
    )
}

/// The folder of a cited document of unknown year.
pub fn undated_document(number: &str) -> String {
    format!("van-ban/khong-ro-nam/{}/", slug_or(number, "so"))
}

pub fn issuer(name: &str) -> String {
    format!("co-quan/{}/", slug_or(name, "co-quan"))
}

pub fn doc_type(name: &str) -> String {
    format!("loai/{}/", slug_or(name, "loai"))
}

pub fn topic(name: &str) -> String {
    format!("chu-de/{}/", slug_or(name, "chu-de"))
}

pub fn signer(name: &str) -> String {
    format!("nguoi-ky/{}/", slug_or(name, "nguoi-ky"))
}

pub fn year(year: i32) -> String {
    format!("dong-thoi-gian/{year}/")
}

/// Page `n` (1-based) of a paginated list whose first page is `base`.
pub fn page(base: &str, n: usize) -> String {
    if n <= 1 {
        base.to_string()
    } else {
        format!("{base}trang/{n}/")
    }
}

/// Longest slug kept whole; longer ones are cut and end in a hash of the
/// whole, so that file names stay under the file system's limit.
const MAX_SLUG: usize = 80;

fn slug_or(s: &str, fallback: &str) -> String {
    let s = slug(s);
    if s.is_empty() {
        return fallback.to_string();
    }
    if s.len() <= MAX_SLUG {
        return s;
    }
    // FNV-1a: stable across machines and versions, unlike std's hasher.
    let hash = s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    let cut = s[..MAX_SLUG].trim_end_matches('-');
    format!("{cut}-{:08x}", hash as u32)
}

/// Addresses of all documents, plus the shared addresses that need a
/// disambiguation page (address -> documents sharing it).
pub struct DocumentAddresses {
    pub paths: Vec<String>,
    pub shared: BTreeMap<String, Vec<usize>>,
}

/// Gives every document its address. Returns the pairs of documents that
/// would still share one (same number, year and issuer slug) as errors.
pub fn assign(docs: &[Document]) -> Result<DocumentAddresses, Vec<(usize, usize)>> {
    let mut by_base: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        by_base
            .entry(document_base(&d.number, d.date.year()))
            .or_default()
            .push(i);
    }
    let mut paths = vec![String::new(); docs.len()];
    let mut shared = BTreeMap::new();
    let mut owner: BTreeMap<String, usize> = BTreeMap::new();
    let mut clashes = Vec::new();
    for (base, members) in by_base {
        if members.len() == 1 {
            paths[members[0]] = base.clone();
            owner.insert(base, members[0]);
            continue;
        }
        for &i in &members {
            let d = &docs[i];
            let path = document_with_issuer(&d.number, d.date.year(), &d.issuer);
            if let Some(&other) = owner.get(&path) {
                clashes.push((other, i));
            }
            owner.insert(path.clone(), i);
            paths[i] = path;
        }
        shared.insert(base, members);
    }
    if clashes.is_empty() {
        Ok(DocumentAddresses { paths, shared })
    } else {
        Err(clashes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_make_short_distinct_addresses() {
        let a = issuer(&"Ban Chỉ đạo phòng, chống dịch ".repeat(20));
        let b = issuer(&"Ban Chỉ đạo phòng, chống dịch ".repeat(21));
        assert!(a.len() < 110 && b.len() < 110, "{a}");
        assert_ne!(a, b);
        assert_eq!(issuer("Tỉnh ủy Kiên Giang"), "co-quan/tinh-uy-kien-giang/");
    }
}

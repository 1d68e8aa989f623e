//! Resolving a cited number to a document of the archive.
//!
//! A number names nothing by itself: every Tỉnh ủy writes `…-CV/TU`, state
//! bodies restart numbering each year. The candidates are the archive
//! documents with the same key (a hash lookup, no scan of the archive), then
//! narrowed by what the citation says, and a wrong link being worse than
//! none, a citation links only when exactly one candidate is left:
//!
//! - the citing document itself never counts, nor any document dated after it;
//! - a date given by the citation must be the candidate's date;
//! - a year written in the number must be the candidate's year;
//! - an issuer named by the citation must admit the candidate's issuer
//!   ("Tỉnh ủy" admits "Tỉnh ủy Kiên Giang", "Trung ương" admits "Bộ Chính
//!   trị", "Bộ Chính trị" does not admit "Ban Bí thư");
//! - a local body (issuer code `TU`, `UBND`, `VP` … or a local issuer named)
//!   must be in the place the citation names, else in the citing document's
//!   own province ("Tỉnh ủy" in a document of Tỉnh ủy Kiên Giang means Tỉnh
//!   ủy Kiên Giang), or district for a district body. When neither gives a
//!   place (a district's letter citing "Tỉnh ủy"), the candidates left are
//!   only possible ones: the citation is ambiguous even with one.

use super::issuer::{Authority, Place, Scope};
use crate::document::Document;
use chrono::{Datelike, NaiveDate};
use foldhash::HashMap;

/// What resolution needs to know of each archive document, computed once.
pub(crate) struct Archive<'d> {
    pub docs: &'d [Document],
    pub authorities: Vec<Authority>,
    /// The place (province, city or district) of each document's issuer.
    pub places: Vec<Option<Place>>,
    /// The province of each document's issuer: its place if that is a
    /// province, else what the caller knows (the issuer registry).
    pub provinces: Vec<Option<Place>>,
    by_key: HashMap<String, Vec<usize>>,
}

impl<'d> Archive<'d> {
    pub fn new(
        docs: &'d [Document],
        province_of: &(dyn Fn(&str) -> Option<String> + Sync),
    ) -> Archive<'d> {
        use rayon::prelude::*;
        let keys: Vec<String> = docs
            .par_iter()
            .map(|d| crate::number::normalize(&d.number))
            .collect();
        let authorities: Vec<Authority> = docs
            .par_iter()
            .map(|d| Authority::cached(&d.issuer))
            .collect();
        let places: Vec<Option<Place>> = docs
            .iter()
            .zip(&authorities)
            .map(|(d, a)| {
                a.place.clone().or_else(|| {
                    let name = d.place.as_deref().filter(|_| a.local)?;
                    Some(Place {
                        key: crate::text::fold(name),
                        name: name.to_string(),
                        level: "tỉnh",
                    })
                })
            })
            .collect();
        let provinces = docs
            .iter()
            .zip(&places)
            .map(|(d, p)| match p {
                Some(p) if Scope::of_place(p) == Scope::Province => Some(p.clone()),
                _ => province_of(&d.issuer).map(|name| Place {
                    key: crate::text::fold(&name),
                    name,
                    level: "tỉnh",
                }),
            })
            .collect();
        let mut by_key: HashMap<String, Vec<usize>> =
            HashMap::with_capacity_and_hasher(docs.len(), Default::default());
        for (i, k) in keys.into_iter().enumerate() {
            by_key.entry(k).or_default().push(i);
        }
        // A law, code or ordinance also answers to its name and year, as
        // laws are cited (`Luật Tổ chức chính quyền địa phương ngày 19
        // tháng 6 năm 2015`).
        for (i, d) in docs.iter().enumerate() {
            if let Some(k) = super::laws::archive_law_key(&d.doc_type, &d.title, d.date.year()) {
                by_key.entry(k).or_default().push(i);
            }
        }
        Archive {
            docs,
            authorities,
            places,
            provinces,
            by_key,
        }
    }
}

/// A citation to resolve: what the citing words and the number say.
pub(crate) struct Query<'q> {
    pub key: &'q str,
    /// The year written inside the number.
    pub year: Option<i32>,
    pub date: Option<NaiveDate>,
    pub hint: Option<&'q str>,
    /// The number's issuer code names a local body.
    pub local_code: bool,
    /// The level of government the number's issuer code implies.
    pub code_scope: Scope,
    /// How the cited body's numbers restart ([`Numbering`]).
    pub numbering: Numbering,
}

/// When a body's numbers start again from 1 (docs/domain-notes.md): a
/// number that prints its year needs nothing more; a state body's other
/// numbers restart each calendar year; a Party body's each congress term
/// (central bodies from 2016, 2021, 2026 …; provincial and lower ones a
/// year earlier, 2015, 2020, 2025 …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Numbering {
    Yearly,
    CentralTerm,
    LocalTerm,
}

impl Numbering {
    /// The period in which a number names one document.
    fn period(self, year: i32) -> i32 {
        match self {
            Numbering::Yearly => year,
            Numbering::CentralTerm => (year - 2016).div_euclid(5),
            Numbering::LocalTerm => (year - 2015).div_euclid(5),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Resolution {
    Archive(usize),
    Ambiguous(Vec<usize>),
    Unresolved,
}

impl Query<'_> {
    /// The place the cited body must be in, when it is a local body:
    /// `Some(None)` when it is local but no place is known. The citing
    /// document's place stands in only at the same level of government: a
    /// district's letter citing "Tỉnh ủy" does not say which province.
    pub fn place<'a>(
        &self,
        hint: Option<&'a Authority>,
        archive: &'a Archive,
        citing: usize,
    ) -> Option<Option<&'a Place>> {
        let local = self.local_code || hint.is_some_and(|h| h.local);
        if !local {
            return None;
        }
        match hint.and_then(|h| h.place.as_ref()) {
            Some(named) => Some(Some(named)),
            None => Some(self.citing_place(hint, archive, citing)),
        }
    }

    /// The citing document's place at the level the cited body belongs to:
    /// its province for a provincial body, its district for a district one.
    pub fn citing_place<'a>(
        &self,
        hint: Option<&Authority>,
        archive: &'a Archive,
        citing: usize,
    ) -> Option<&'a Place> {
        let scope = match hint.map(Authority::scope) {
            Some(s) if s != Scope::Unknown => s,
            _ => self.code_scope,
        };
        let own = archive.places[citing].as_ref();
        match scope {
            Scope::Province => archive.provinces[citing].as_ref(),
            Scope::District => own.filter(|p| Scope::of_place(p) == Scope::District),
            Scope::City => match own.map(|p| p.level) {
                Some("thành phố") => own,
                Some("quận" | "huyện" | "thị xã") => archive.provinces[citing].as_ref(),
                _ => None,
            },
            Scope::Unknown => own,
        }
    }

    pub fn resolve(&self, archive: &Archive, citing: usize) -> Resolution {
        let Some(candidates) = archive.by_key.get(self.key) else {
            return Resolution::Unresolved;
        };
        let docs = archive.docs;
        let hint = self.hint.map(Authority::cached);
        let place = self.place(hint.as_ref(), archive, citing);
        let left: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&j| j != citing && docs[j].date <= docs[citing].date)
            .filter(|&j| self.date.is_none_or(|d| docs[j].date == d))
            .filter(|&j| self.year.is_none_or(|y| docs[j].date.year() == y))
            // Neither date nor year: only the citing document's own period
            // is safe ("Kế hoạch số 204/KH-UBND" cited in 2022 may be a 2022
            // plan not in the archive, not the 2020 one that is).
            .filter(|&j| {
                self.year.is_some()
                    || self.date.is_some()
                    || self.numbering.period(docs[j].date.year())
                        == self.numbering.period(docs[citing].date.year())
            })
            .filter(|&j| {
                hint.as_ref()
                    .is_none_or(|h| h.admits(&archive.authorities[j]))
            })
            .filter(|&j| match place {
                Some(Some(p)) => archive.places[j].as_ref().is_some_and(|q| q.key == p.key),
                _ => true,
            })
            .collect();
        match (left.len(), place) {
            (0, _) => Resolution::Unresolved,
            // The place is unknown, but the date given leaves one document.
            (1, Some(None)) if self.date.is_some() => Resolution::Archive(left[0]),
            (1, Some(None)) => Resolution::Ambiguous(left),
            (1, _) => Resolution::Archive(left[0]),
            _ => Resolution::Ambiguous(left),
        }
    }
}

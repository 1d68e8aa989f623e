//! Relations that change a document's force: a Quyết định that replaces,
//! repeals, amends or corrects an earlier one of its issuer, a Chỉ thị or
//! Kế hoạch that replaces the earlier one. Each is written in one of the
//! real forms (docs/domain-notes.md), and the truth file records what it
//! meant: the kind, and the status it gives the document it names.

use super::citations::{self, CitationIndex, Cite};
use super::issuers::Catalog;
use super::plan::{Planned, capitalize};
use super::rng::Rng;
use crate::citation::CiteKind;
use chrono::NaiveDate;

/// What a relation does to the document it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum How {
    Replaces,
    /// "Bãi bỏ Quyết định số … kể từ ngày …".
    Repeals,
    /// "Quyết định số … hết hiệu lực kể từ ngày …".
    Expires,
    /// "Sửa đổi, bổ sung Điều N Quyết định số …".
    Amends(u32),
    Corrects,
}

impl How {
    pub(crate) fn kind(self) -> CiteKind {
        match self {
            How::Replaces => CiteKind::Replaces,
            How::Repeals | How::Expires => CiteKind::Repeals,
            How::Amends(_) => CiteKind::Amends,
            How::Corrects => CiteKind::Corrects,
        }
    }
}

/// One relation: the citation as written and the document it names.
pub(crate) struct Relation {
    pub cite: Cite,
    pub target: u32,
    pub how: How,
}

/// The relation document `doc` makes, if any: only to an earlier document
/// of its own issuer and series.
pub(crate) fn choose(
    catalog: &Catalog,
    docs: &[Planned],
    index: &CitationIndex,
    doc: usize,
    rng: &mut Rng,
) -> Option<Relation> {
    let me = &docs[doc];
    let code = me.series(catalog).code;
    let share = match code {
        "QĐ" => 300,
        "CT" | "KH" => 120,
        _ => 0,
    };
    if share == 0 || !rng.chance(share) {
        return None;
    }
    let earlier = index.same_series(docs, doc);
    if earlier.is_empty() {
        return None;
    }
    let (a, b) = (rng.below(earlier.len()), rng.below(earlier.len()));
    let target = earlier[a.max(b)];
    let how = if code == "QĐ" {
        match rng.below(10) {
            0..=2 => How::Replaces,
            3 | 4 => How::Repeals,
            5 => How::Expires,
            6..=8 => How::Amends(1 + rng.below(2) as u32),
            _ => How::Corrects,
        }
    } else {
        How::Replaces
    };
    let citing = &catalog.issuers[me.issuer as usize];
    let cite = citations::internal_cite(catalog, docs, citing, &[target], rng);
    Some(Relation { cite, target, how })
}

/// The first article of a Quyết định that amends or corrects: its text,
/// `None` for the other relations.
pub(crate) fn article(rel: &Relation, rng: &mut Rng) -> Option<String> {
    let x = citations::write(&rel.cite, rng);
    match rel.how {
        How::Amends(n) => {
            let head = match rng.below(3) {
                0 => format!("Sửa đổi, bổ sung Điều {n} {x} như sau:"),
                1 => format!("Sửa đổi, bổ sung khoản 2 Điều {n} của {x} như sau:"),
                _ => format!("Sửa đổi Điều {n} {x} như sau:"),
            };
            Some(format!(
                "**Điều 1.** {head}\n\n- Bổ sung nhiệm vụ kiểm tra, giám sát định kỳ hằng quý.\n- Thời hạn báo cáo kết quả là ngày 25 của tháng cuối quý."
            ))
        }
        How::Corrects => Some(format!(
            "**Điều 1.** Đính chính {x} như sau: tại Điều 1, đã in là “ngày 15 tháng 3”, nay sửa lại là “ngày 25 tháng 3”."
        )),
        _ => None,
    }
}

/// The sentence that ends or replaces the named document, written where the
/// document says when it takes effect. `kind` is the citing document's
/// type in lower case ("quyết định"); `effective` its own effect clause
/// ("có hiệu lực kể từ ngày ký") and date.
pub(crate) fn ending(
    rel: &Relation,
    kind: &str,
    effective: &str,
    effective_date: NaiveDate,
    rng: &mut Rng,
) -> Option<String> {
    let x = citations::write(&rel.cite, rng);
    let own = capitalize(kind);
    let when = citations::date_long(effective_date);
    Some(match rel.how {
        How::Replaces => match rng.below(2) {
            0 => format!("{own} này {effective} và thay thế {x}."),
            _ => format!("{own} này {effective}. {own} này thay thế {x}."),
        },
        How::Repeals => match rng.below(2) {
            0 => format!(
                "{own} này {effective}. Bãi bỏ {x} kể từ ngày {kind} này có hiệu lực thi hành."
            ),
            _ => format!("{own} này {effective}. Bãi bỏ {x} kể từ {when}."),
        },
        How::Expires => match rng.below(2) {
            0 => format!(
                "{own} này {effective}. {} hết hiệu lực kể từ ngày {kind} này có hiệu lực.",
                capitalize(&x)
            ),
            _ => format!(
                "{own} này {effective}. {} hết hiệu lực thi hành kể từ {when}.",
                capitalize(&x)
            ),
        },
        How::Amends(_) | How::Corrects => return None,
    })
}

/// The replacing sentence of a Chỉ thị or Kế hoạch (no articles), and the
/// effective date it states.
pub(crate) fn replacing(
    rel: &Relation,
    kind: &str,
    date: NaiveDate,
    rng: &mut Rng,
) -> (String, Option<NaiveDate>) {
    let x = citations::write(&rel.cite, rng);
    let own = capitalize(kind);
    match rng.below(3) {
        0 => (
            format!("{own} này có hiệu lực kể từ ngày ký và thay thế {x}."),
            Some(date),
        ),
        1 => (format!("{own} này thay thế {x}."), None),
        _ => (
            format!("{own} này thay thế {x}; {kind} này có hiệu lực kể từ ngày ký."),
            Some(date),
        ),
    }
}

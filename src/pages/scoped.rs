//! Lists scoped to one issuer: its documents of one type
//! (`co-quan/x/loai/cong-van/`) and of one month
//! (`co-quan/x/dong-thoi-gian/2021/06/`), so that the type counts and the
//! month headings of an issuer's page stay within that issuer.

use super::Writer;
use super::lists::{ListSpec, crumb, month_path, write_list};
use crate::site::dates;
use chrono::Datelike;
use std::collections::BTreeMap;

/// Writes issuer `gi`'s type and month lists.
pub(super) fn write_issuer_lists(w: &Writer, gi: usize) -> super::Result<()> {
    let site = w.site;
    let g = &site.issuers[gi];
    // g.docs is newest first; each split keeps that order.
    let mut by_type: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut by_month: BTreeMap<(i32, u32), Vec<usize>> = BTreeMap::new();
    for &i in &g.docs {
        let d = &site.docs[i];
        by_type.entry(d.doc_type.as_str()).or_default().push(i);
        by_month
            .entry((d.date.year(), d.date.month()))
            .or_default()
            .push(i);
    }
    let index = crumb("Cơ quan ban hành", "co-quan/");
    let own = crumb(&g.name, &g.path);
    for (doc_type, docs) in &by_type {
        let type_path = crate::site::Site::group_path(&site.types, &site.type_index, doc_type);
        if type_path.is_empty() {
            continue;
        }
        let base = format!("{}{type_path}", g.path);
        write_list(
            w,
            ListSpec {
                base: &base,
                title: format!("{doc_type} của {}", g.name),
                kind: "issuer-type",
                about: None,
                crumbs: vec![index.clone(), own.clone(), crumb(doc_type, &base)],
                docs,
                scope: &g.path,
            },
            Vec::new(),
            None,
        )?;
    }
    for ((y, m), docs) in &by_month {
        let base = format!("{}{}", g.path, month_path(*y, *m));
        let label = dates::month(*y, *m);
        write_list(
            w,
            ListSpec {
                base: &base,
                title: format!("Văn bản {label} của {}", g.name),
                kind: "issuer-month",
                about: None,
                crumbs: vec![index.clone(), own.clone(), crumb(&label, &base)],
                docs,
                scope: &g.path,
            },
            Vec::new(),
            None,
        )?;
    }
    Ok(())
}

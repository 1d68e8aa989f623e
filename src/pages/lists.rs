//! The ways in: home page, issuer, type, topic and signer pages, the
//! timeline, the search page and the 404 page. Every list is paginated.

use super::{Content, Pager, Writer, paginate};
use crate::site::views::{DocItem, GroupLink, group_links};
use crate::site::{Group, Site, address, dates};
use serde::Serialize;

/// A crumb of the breadcrumb trail.
#[derive(Serialize, Clone)]
pub struct Crumb {
    pub name: String,
    pub path: String,
}

pub(super) fn crumb(name: &str, path: &str) -> Crumb {
    Crumb {
        name: name.to_string(),
        path: path.to_string(),
    }
}

/// A month's documents on a list page.
#[derive(Serialize)]
struct MonthBlock<'a> {
    label: String,
    path: String,
    docs: Vec<DocItem<'a>>,
}

/// A small table of facts beside a list (counts by type, signers ...).
#[derive(Serialize)]
pub(super) struct Facts {
    pub(super) heading: &'static str,
    pub(super) items: Vec<FactItem>,
}

#[derive(Serialize)]
pub(super) struct FactItem {
    pub(super) name: String,
    pub(super) path: Option<String>,
    pub(super) count: Option<usize>,
}

/// A month-by-month density strip drawn as inline SVG (no script).
#[derive(Serialize, Default)]
pub struct Density {
    pub width: usize,
    pub height: usize,
    pub bars: Vec<Bar>,
    pub first: String,
    pub last: String,
    pub max: usize,
}

#[derive(Serialize)]
pub struct Bar {
    pub x: usize,
    pub y: usize,
    pub h: usize,
    pub count: usize,
    pub label: String,
    pub path: String,
}

#[derive(Serialize)]
struct ListPage<'a> {
    title: String,
    heading: String,
    kind: &'static str,
    about: Option<About>,
    crumbs: Vec<Crumb>,
    months: Vec<MonthBlock<'a>>,
    total: usize,
    pager: Pager,
    facts: Vec<Facts>,
    density: Option<Density>,
    /// The Atom feed of this list, when it has one.
    feed: Option<String>,
}

/// What an issuer page says about the issuer itself.
#[derive(Serialize, Clone)]
pub(super) struct About {
    full_name: Option<String>,
    level: &'static str,
    province: Option<String>,
    parent: Option<NamedLink>,
    children: Vec<NamedLink>,
    website: Option<String>,
}

#[derive(Serialize, Clone)]
struct NamedLink {
    name: String,
    path: Option<String>,
}

fn about_issuer(site: &Site, name: &str, children: &[&str]) -> About {
    let info = site.registry.get(name);
    let (level, province) = crate::site::issuers::level_and_province(site, name);
    let link = |n: &str| NamedLink {
        name: n.to_string(),
        path: site.issuer_index(n).map(|k| site.issuers[k].path.clone()),
    };
    About {
        full_name: info.and_then(|i| i.full_name.clone()),
        level: level.label(),
        province,
        parent: info.and_then(|i| i.parent.as_deref()).map(link),
        children: children.iter().map(|c| link(c)).collect(),
        website: info
            .and_then(|i| i.website.clone())
            .filter(|w| crate::markdown::safe_url(w).is_some()),
    }
}

#[derive(Serialize)]
struct GroupsPage<'a> {
    title: String,
    heading: &'static str,
    crumbs: Vec<Crumb>,
    sections: Vec<GroupSection<'a>>,
}

#[derive(Serialize)]
struct GroupSection<'a> {
    /// The section's anchor, for the jump links at the top of the index.
    id: String,
    heading: String,
    groups: Vec<GroupLink<'a>>,
}

pub(super) fn write_all(w: &Writer) -> super::Result<()> {
    let site = w.site;
    write_groups(w, &site.issuers, "co-quan/", "Cơ quan ban hành", "issuer")?;
    write_groups(w, &site.types, "loai/", "Loại văn bản", "type")?;
    write_groups(w, &site.topics, "chu-de/", "Chủ đề", "topic")?;
    write_groups(w, &site.signers, "nguoi-ky/", "Người ký", "signer")?;
    write_timeline(w)?;
    write_home(w)?;
    w.put(
        "tim-kiem/",
        Content::Page("search.html", &Simple::new("Tìm kiếm")),
    )?;
    w.put(
        "404.html",
        Content::Page("404.html", &Simple::new("Không tìm thấy trang")),
    )?;
    w.put(
        "du-lieu/",
        Content::Page("data.html", &Simple::new("Dữ liệu mở")),
    )?;
    Ok(())
}

#[derive(Serialize)]
struct Simple {
    title: String,
}

impl Simple {
    fn new(title: &str) -> Self {
        Simple {
            title: title.to_string(),
        }
    }
}

/// The index of a kind of group and one paginated page per group.
fn write_groups(
    w: &Writer,
    groups: &[Group],
    index: &str,
    heading: &'static str,
    kind: &'static str,
) -> super::Result<()> {
    let site = w.site;
    let sections = if kind == "issuer" {
        crate::site::issuers::sections(site)
            .into_iter()
            .map(|(heading, members)| GroupSection {
                id: format!("nhom-{}", crate::text::slug(&heading)),
                heading,
                groups: members
                    .into_iter()
                    .map(|g| GroupLink {
                        name: &site.issuers[g].name,
                        path: &site.issuers[g].path,
                        count: site.issuers[g].docs.len(),
                    })
                    .collect(),
            })
            .collect()
    } else {
        vec![GroupSection {
            id: String::new(),
            heading: String::new(),
            groups: group_links(groups),
        }]
    };
    w.put(
        index,
        Content::Page(
            "groups.html",
            &GroupsPage {
                title: heading.to_string(),
                heading,
                crumbs: vec![crumb(heading, index)],
                sections,
            },
        ),
    )?;
    let mut children: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
    for info in site.registry.entries.values() {
        if let Some(p) = &info.parent {
            children.entry(p).or_default().push(&info.name);
        }
    }
    use rayon::prelude::*;
    groups.par_iter().enumerate().try_for_each(|(gi, g)| {
        let facts = match kind {
            "issuer" => issuer_facts(site, gi),
            "signer" => signer_facts(site, g),
            _ => Vec::new(),
        };
        let density = (kind == "issuer").then(|| density(site, &g.docs));
        write_list(
            w,
            ListSpec {
                base: &g.path,
                title: g.name.clone(),
                kind,
                about: (kind == "issuer").then(|| {
                    about_issuer(
                        site,
                        &g.name,
                        children.get(g.name.as_str()).map_or(&[], |v| v),
                    )
                }),
                crumbs: vec![crumb(heading, index), crumb(&g.name, &g.path)],
                docs: &g.docs,
                scope: if kind == "issuer" { &g.path } else { "" },
            },
            facts,
            density,
        )?;
        if kind == "issuer" {
            super::scoped::write_issuer_lists(w, gi)?;
        }
        Ok(())
    })
}

pub(super) struct ListSpec<'a> {
    pub(super) base: &'a str,
    pub(super) title: String,
    pub(super) kind: &'static str,
    pub(super) about: Option<About>,
    pub(super) crumbs: Vec<Crumb>,
    pub(super) docs: &'a [usize],
    /// Where month headings point: `""` for the site-wide month pages, an
    /// issuer's folder for that issuer's own.
    pub(super) scope: &'a str,
}

/// Writes the pages of one list of documents (newest first).
pub(super) fn write_list<'a>(
    w: &Writer<'a>,
    spec: ListSpec<'_>,
    mut facts: Vec<Facts>,
    mut density: Option<Density>,
) -> super::Result<()> {
    let site = w.site;
    for (path, slice, pager) in paginate(spec.base, spec.docs, site.config.page_size) {
        let mut crumbs = spec.crumbs.clone();
        if pager.current > 1 {
            crumbs.push(crumb(&format!("Trang {}", pager.current), &path));
        }
        let title = if pager.current > 1 {
            format!("{} – trang {}", spec.title, pager.current)
        } else {
            spec.title.clone()
        };
        let page = ListPage {
            title,
            heading: spec.title.clone(),
            kind: spec.kind,
            about: spec.about.clone(),
            crumbs,
            months: month_blocks(site, slice, spec.scope),
            total: spec.docs.len(),
            pager,
            // Facts and the density strip go on the first page only.
            facts: std::mem::take(&mut facts),
            density: density.take(),
            // Feeds are written only with a base URL (their addresses are absolute).
            feed: (matches!(spec.kind, "issuer" | "type") && !w.site.config.base_url.is_empty())
                .then(|| format!("{}feed.xml", spec.base)),
        };
        w.put(&path, Content::Page("list.html", page))?;
    }
    Ok(())
}

/// Groups a newest-first slice of documents by month.
fn month_blocks<'a>(site: &'a Site, docs: &[usize], scope: &str) -> Vec<MonthBlock<'a>> {
    use chrono::Datelike;
    let mut blocks: Vec<MonthBlock> = Vec::new();
    for &i in docs {
        let d = site.docs[i].date;
        let label = dates::month(d.year(), d.month());
        match blocks.last_mut() {
            Some(b) if b.label == label => b.docs.push(site.doc_item(i)),
            _ => blocks.push(MonthBlock {
                path: format!("{scope}{}", month_path(d.year(), d.month())),
                label,
                docs: vec![site.doc_item(i)],
            }),
        }
    }
    blocks
}

pub(super) fn month_path(year: i32, month: u32) -> String {
    format!("{}{month:02}/", address::year(year))
}

fn issuer_facts(site: &Site, gi: usize) -> Vec<Facts> {
    let stats = crate::site::issuers::stats(site, gi);
    let scope = &site.issuers[gi].path;
    let to_links = |v: Vec<(usize, usize)>, groups: &[Group], scope: &str| -> Vec<FactItem> {
        v.into_iter()
            .map(|(g, count)| FactItem {
                name: groups[g].name.clone(),
                path: Some(format!("{scope}{}", groups[g].path)),
                count: Some(count),
            })
            .collect()
    };
    let mut facts = vec![
        // The issuer's own documents of each type, not the whole archive's.
        Facts {
            heading: "Theo loại văn bản",
            items: to_links(stats.types, &site.types, scope),
        },
        Facts {
            heading: "Người ký",
            items: to_links(stats.signers, &site.signers, ""),
        },
        Facts {
            heading: "Dẫn chiếu nhiều nhất đến",
            items: to_links(stats.cites, &site.issuers, ""),
        },
        Facts {
            heading: "Được dẫn chiếu nhiều nhất bởi",
            items: to_links(stats.cited_by, &site.issuers, ""),
        },
    ];
    facts.retain(|f| !f.items.is_empty());
    facts
}

/// A signer's positions over time, oldest first.
fn signer_facts<'a>(site: &'a Site, g: &'a Group) -> Vec<Facts> {
    let mut positions: Vec<(String, String)> = Vec::new();
    for &i in g.docs.iter().rev() {
        let d = &site.docs[i];
        for s in &d.signers {
            if s.name.as_deref() == Some(g.name.as_str()) {
                let pos = [s.position.as_deref(), Some(d.issuer.as_str())]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", ");
                if positions.last().map(|p| &p.0) != Some(&pos) {
                    positions.push((pos, dates::short(d.date)));
                }
            }
        }
    }
    let items = positions
        .into_iter()
        .map(|(pos, since)| FactItem {
            name: format!("{pos} (từ {since})"),
            path: None,
            count: None,
        })
        .collect();
    vec![Facts {
        heading: "Chức vụ qua các văn bản",
        items,
    }]
}

/// Counts per month from the first to the last month of `docs`.
pub fn density(site: &Site, docs: &[usize]) -> Density {
    use chrono::Datelike;
    let months: Vec<(i32, u32)> = docs
        .iter()
        .map(|&i| (site.docs[i].date.year(), site.docs[i].date.month()))
        .collect();
    let (Some(&first), Some(&last)) = (months.iter().min(), months.iter().max()) else {
        return Density::default();
    };
    let index = |(y, m): (i32, u32)| (y - first.0) as usize * 12 + m as usize - first.1 as usize;
    let span = index(last) + 1;
    let mut counts = vec![0usize; span];
    for m in months {
        counts[index(m)] += 1;
    }
    let max = counts.iter().copied().max().unwrap_or(1).max(1);
    let (bar_w, height) = (6usize, 40usize);
    let bars = counts
        .iter()
        .enumerate()
        .filter(|(_, c)| **c > 0)
        .map(|(k, &count)| {
            let y = first.0 + ((first.1 as usize - 1 + k) / 12) as i32;
            let m = ((first.1 as usize - 1 + k) % 12) as u32 + 1;
            let h = (count * height).div_ceil(max).max(2);
            Bar {
                x: k * bar_w,
                y: height - h,
                h,
                count,
                label: dates::month(y, m),
                path: month_path(y, m),
            }
        })
        .collect();
    Density {
        width: span * bar_w,
        height,
        bars,
        first: dates::month(first.0, first.1),
        last: dates::month(last.0, last.1),
        max,
    }
}

#[derive(Serialize)]
struct TimelinePage {
    title: String,
    crumbs: Vec<Crumb>,
    years: Vec<YearSummary>,
    density: Density,
    docs_total: usize,
}

#[derive(Serialize)]
struct YearSummary {
    year: i32,
    path: String,
    count: usize,
    months: Vec<MonthSummary>,
}

#[derive(Serialize)]
struct MonthSummary {
    label: String,
    path: String,
    count: usize,
}

/// `dong-thoi-gian/`: years and months with counts; a page per year and
/// per month, each listing its documents.
fn write_timeline(w: &Writer) -> super::Result<()> {
    let site = w.site;
    let all: Vec<usize> = (0..site.docs.len()).rev().collect();
    let years: Vec<YearSummary> = site
        .years
        .iter()
        .map(|(y, months)| YearSummary {
            year: *y,
            path: address::year(*y),
            count: months.iter().map(|m| m.1.len()).sum(),
            months: months
                .iter()
                .map(|(m, docs)| MonthSummary {
                    label: dates::month(*y, *m),
                    path: month_path(*y, *m),
                    count: docs.len(),
                })
                .collect(),
        })
        .collect();
    w.put(
        "dong-thoi-gian/",
        Content::Page(
            "timeline.html",
            &TimelinePage {
                title: "Dòng thời gian".into(),
                crumbs: vec![crumb("Dòng thời gian", "dong-thoi-gian/")],
                years,
                density: density(site, &all),
                docs_total: site.docs.len(),
            },
        ),
    )?;
    for (y, months) in &site.years {
        let year_docs: Vec<usize> = months.iter().flat_map(|m| m.1.iter().copied()).collect();
        let year_label = format!("Năm {y}");
        write_list(
            w,
            ListSpec {
                base: &address::year(*y),
                title: format!("Văn bản năm {y}"),
                kind: "year",
                about: None,
                crumbs: vec![
                    crumb("Dòng thời gian", "dong-thoi-gian/"),
                    crumb(&year_label, &address::year(*y)),
                ],
                docs: &year_docs,
                scope: "",
            },
            // The year's months, each with its own page.
            vec![Facts {
                heading: "Theo tháng",
                items: months
                    .iter()
                    .map(|(m, docs)| FactItem {
                        name: format!("Tháng {m}"),
                        path: Some(month_path(*y, *m)),
                        count: Some(docs.len()),
                    })
                    .collect(),
            }],
            Some(density(site, &year_docs)),
        )?;
        for (m, docs) in months {
            let label = dates::month(*y, *m);
            let path = month_path(*y, *m);
            write_list(
                w,
                ListSpec {
                    base: &path,
                    title: format!("Văn bản {label}"),
                    kind: "month",
                    about: None,
                    crumbs: vec![
                        crumb("Dòng thời gian", "dong-thoi-gian/"),
                        crumb(&year_label, &address::year(*y)),
                        crumb(&label, &path),
                    ],
                    docs,
                    scope: "",
                },
                Vec::new(),
                None,
            )?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct HomePage<'a> {
    title: String,
    documents: usize,
    issuers: usize,
    types: Vec<GroupLink<'a>>,
    topics: Vec<GroupLink<'a>>,
    top_issuers: Vec<GroupLink<'a>>,
    first_date: Option<String>,
    last_date: Option<String>,
    latest: Vec<DocItem<'a>>,
    density: Density,
    citations: usize,
}

fn write_home(w: &Writer) -> super::Result<()> {
    let site = w.site;
    let newest: Vec<usize> = (0..site.docs.len()).rev().collect();
    let mut top: Vec<&Group> = site.issuers.iter().collect();
    top.sort_by(|a, b| b.docs.len().cmp(&a.docs.len()).then(a.name.cmp(&b.name)));
    top.truncate(12);
    let page = HomePage {
        title: site.config.title.clone(),
        documents: site.docs.len(),
        issuers: site.issuers.len(),
        types: group_links(&site.types),
        topics: group_links(&site.topics).into_iter().take(30).collect(),
        top_issuers: top
            .into_iter()
            .map(|g| GroupLink {
                name: &g.name,
                path: &g.path,
                count: g.docs.len(),
            })
            .collect(),
        first_date: site.docs.first().map(|d| dates::short(d.date)),
        last_date: site.docs.last().map(|d| dates::short(d.date)),
        latest: site.doc_items(&newest[..newest.len().min(10)]),
        density: density(site, &newest),
        citations: site.graph.outgoing.iter().map(Vec::len).sum(),
    };
    w.put("", Content::Page("home.html", &page))
}

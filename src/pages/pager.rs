//! Splitting long lists into pages with stable addresses:
//! `co-quan/x/`, `co-quan/x/trang/2/`, ...

use crate::site::address;
use serde::Serialize;

/// Links between the pages of one list.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Pager {
    pub current: usize,
    pub total: usize,
    pub prev: Option<String>,
    pub next: Option<String>,
    /// Every page, for a compact numbered navigation.
    pub pages: Vec<PageLink>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PageLink {
    pub number: usize,
    pub path: String,
    pub current: bool,
    /// Pages are left out before this one: the navigation shows "…".
    pub gap_before: bool,
}

/// Splits `items` into pages of `size` under `base`; always at least one
/// page, so an empty list still has its address.
pub fn paginate<'a, T>(base: &str, items: &'a [T], size: usize) -> Vec<(String, &'a [T], Pager)> {
    let size = size.max(1);
    let total = items.len().div_ceil(size).max(1);
    (1..=total)
        .map(|n| {
            let start = (n - 1) * size;
            let end = (start + size).min(items.len());
            let pager = Pager {
                current: n,
                total,
                prev: (n > 1).then(|| address::page(base, n - 1)),
                next: (n < total).then(|| address::page(base, n + 1)),
                pages: {
                    let shown = window(n, total);
                    let mut last = 0;
                    shown
                        .into_iter()
                        .map(|k| {
                            let gap_before = last > 0 && k > last + 1;
                            last = k;
                            PageLink {
                                number: k,
                                path: address::page(base, k),
                                current: k == n,
                                gap_before,
                            }
                        })
                        .collect()
                },
            };
            (address::page(base, n), &items[start.min(end)..end], pager)
        })
        .collect()
}

/// Page numbers to show: first, last and a few around the current one.
fn window(current: usize, total: usize) -> Vec<usize> {
    let mut v: Vec<usize> = (1..=total)
        .filter(|&k| k == 1 || k == total || k.abs_diff(current) <= 2)
        .collect();
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_have_stable_addresses_and_bounded_size() {
        let items: Vec<u32> = (0..125).collect();
        let pages = paginate("loai/cong-van/", &items, 50);
        assert_eq!(pages.len(), 3);
        assert_eq!(pages[0].0, "loai/cong-van/");
        assert_eq!(pages[1].0, "loai/cong-van/trang/2/");
        assert_eq!(pages[2].1.len(), 25);
        assert_eq!(pages[1].2.prev.as_deref(), Some("loai/cong-van/"));
        assert_eq!(pages[1].2.next.as_deref(), Some("loai/cong-van/trang/3/"));
        assert!(pages.iter().all(|p| p.1.len() <= 50));
    }

    #[test]
    fn an_empty_list_still_has_one_page() {
        let items: Vec<u32> = Vec::new();
        assert_eq!(paginate("x/", &items, 10).len(), 1);
    }

    #[test]
    fn long_pagers_show_a_window() {
        assert_eq!(window(50, 100), vec![1, 48, 49, 50, 51, 52, 100]);
    }

    #[test]
    fn pagers_mark_the_pages_left_out() {
        let items: Vec<u32> = (0..100).collect();
        let pages = paginate("x/", &items, 10);
        // Page 1 of 10 shows 1 2 3 … 10.
        let first: Vec<(usize, bool)> = pages[0]
            .2
            .pages
            .iter()
            .map(|p| (p.number, p.gap_before))
            .collect();
        assert_eq!(first, vec![(1, false), (2, false), (3, false), (10, true)]);
        // Page 5 shows 1 … 3 4 5 6 7 … 10; page 4 has no gap after 1 2.
        let gaps = |n: usize| -> Vec<usize> {
            pages[n - 1]
                .2
                .pages
                .iter()
                .filter(|p| p.gap_before)
                .map(|p| p.number)
                .collect()
        };
        assert_eq!(gaps(5), vec![3, 10]);
        assert_eq!(gaps(4), vec![10]);
    }
}

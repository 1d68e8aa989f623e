//! Whether a document is still in force, as far as the archive tells:
//! the date it takes effect, read from its own text, and the archive
//! documents that say they repeal, replace or amend it.
//!
//! Nothing here claims a document is in force: with no repealing or
//! replacing document in the archive its state is [`State::NoneKnown`].

use super::CitationGraph;
use super::kind::CiteKind;
use crate::document::Document;
use chrono::NaiveDate;
use serde::Serialize;

/// What the archive says of a document's force. Repealed and replaced
/// outrank amended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    Repealed,
    Replaced,
    Amended,
    NoneKnown,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Repealed => "repealed",
            State::Replaced => "replaced",
            State::Amended => "amended",
            State::NoneKnown => "none_known",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Validity {
    /// The date it takes effect, when its text says it.
    pub effective: Option<NaiveDate>,
    pub state: State,
    /// When the repealing or replacing takes effect (or the amending).
    pub since: Option<NaiveDate>,
    /// The documents that repeal or replace it (or amend it, when that is
    /// the state), sorted by date.
    pub by: Vec<usize>,
    /// Every archive document that amends it, sorted by date.
    pub amended_by: Vec<usize>,
}

/// The date a document takes effect, from its own words: "… này có hiệu
/// lực (thi hành) (kể) từ ngày ký" is `date`; "… từ ngày 20 tháng 11 năm
/// 2021" / "từ ngày 20/11/2021" that date; anything else (`sau 45 ngày`,
/// unsaid) None.
pub fn effective(body: &str, date: NaiveDate) -> Option<NaiveDate> {
    let folded = crate::text::fold(body);
    let mut from = 0;
    while let Some(p) = folded[from..].find("co hieu luc") {
        let at = from + p;
        from = at + "co hieu luc".len();
        let mut start = at.saturating_sub(40);
        while !folded.is_char_boundary(start) {
            start -= 1;
        }
        if !folded[start..at].contains("nay ") {
            continue;
        }
        let rest: String = folded[from..].chars().take(80).collect();
        let words: Vec<&str> = rest
            .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
            .filter(|w| !w.is_empty())
            .collect();
        let mut i = 0;
        for skip in ["thi", "hanh", "ke"] {
            if words.get(i) == Some(&skip) {
                i += 1;
            }
        }
        if words.get(i) != Some(&"tu") || words.get(i + 1) != Some(&"ngay") {
            continue;
        }
        let w = &words[i + 2..];
        if w.first() == Some(&"ky") {
            return Some(date);
        }
        if let Some(d) = date_words(w) {
            return Some(d);
        }
    }
    None
}

fn date_words(w: &[&str]) -> Option<NaiveDate> {
    let num = |s: &str| s.parse::<u32>().ok();
    if w.len() >= 5 && w[1] == "thang" && w[3] == "nam" {
        let y = w[4].parse::<i32>().ok()?;
        return NaiveDate::from_ymd_opt(y, num(w[2])?, num(w[0])?);
    }
    let parts: Vec<&str> = w.first()?.split(['/', '-']).collect();
    if let [d, m, y] = parts[..] {
        return NaiveDate::from_ymd_opt(y.parse().ok()?, num(m)?, num(d)?);
    }
    None
}

/// The validity of every document of the archive: what the texts say,
/// corrected by what maintainers state by hand ([`with_hand`]).
pub fn of_archive(docs: &[Document], graph: &CitationGraph) -> Vec<Validity> {
    with_hand(docs, from_text(docs, graph))
}

impl State {
    pub fn parse(s: &str) -> Option<State> {
        [
            State::Repealed,
            State::Replaced,
            State::Amended,
            State::NoneKnown,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// The archive document a hand-written number in document `of` names: the
/// one document of that number not dated before `of`, or the one of them
/// by the same issuer.
pub fn hand_target(docs: &[Document], number: &str, of: usize) -> Option<usize> {
    let key = crate::number::normalize(number);
    let same: Vec<usize> = (0..docs.len())
        .filter(|&j| j != of && crate::number::normalize(&docs[j].number) == key)
        .filter(|&j| docs[j].date >= docs[of].date)
        .collect();
    match same[..] {
        [j] => Some(j),
        _ => {
            let own: Vec<usize> = same
                .into_iter()
                .filter(|&j| docs[j].issuer == docs[of].issuer)
                .collect();
            (own.len() == 1).then(|| own[0])
        }
    }
}

/// `text` with each document's hand-stated fields put in: a stated value
/// wins; a stated state without `status_by` keeps the text's documents when
/// the text says the same state.
pub fn with_hand(docs: &[Document], mut text: Vec<Validity>) -> Vec<Validity> {
    for (i, d) in docs.iter().enumerate() {
        let h = &d.hand;
        if h.is_empty() {
            continue;
        }
        let v = &mut text[i];
        if h.effective.is_some() {
            v.effective = h.effective;
        }
        let by: Vec<usize> =
            h.by.iter()
                .filter_map(|n| hand_target(docs, n, i))
                .collect();
        if let Some(state) = h.status.as_deref().and_then(State::parse) {
            if state != v.state {
                v.since = None;
                v.by.clear();
            }
            v.state = state;
            if state == State::NoneKnown {
                v.since = None;
                v.by.clear();
            }
        }
        if v.state != State::NoneKnown {
            if h.since.is_some() {
                v.since = h.since;
            }
            if !by.is_empty() {
                v.by = by;
                v.by.sort_by_key(|&j| (docs[j].date, j));
                if v.state == State::Amended {
                    for &j in &v.by {
                        if !v.amended_by.contains(&j) {
                            v.amended_by.push(j);
                        }
                    }
                    v.amended_by.sort_by_key(|&j| (docs[j].date, j));
                }
            }
        }
    }
    text
}

/// The validity of every document as the archive's texts say it.
pub fn from_text(docs: &[Document], graph: &CitationGraph) -> Vec<Validity> {
    let effective: Vec<Option<NaiveDate>> =
        docs.iter().map(|d| effective(&d.body, d.date)).collect();
    let since = |j: usize| effective[j].unwrap_or(docs[j].date);
    (0..docs.len())
        .map(|i| {
            let mut ended: Vec<(usize, State)> = Vec::new();
            let mut amended_by: Vec<usize> = Vec::new();
            for &j in graph.cited_by.get(i).map_or(&[][..], Vec::as_slice) {
                let Some(c) = graph.citation(j, i) else {
                    continue;
                };
                match (c.kind, c.article) {
                    (CiteKind::Repeals, None) => ended.push((j, State::Repealed)),
                    (CiteKind::Replaces, None) => ended.push((j, State::Replaced)),
                    (CiteKind::Amends | CiteKind::Repeals | CiteKind::Replaces, _) => {
                        amended_by.push(j)
                    }
                    _ => {}
                }
            }
            // The earliest repealing or replacing document decides.
            ended.sort_by_key(|&(j, _)| (since(j), docs[j].date, j));
            let (state, since_date, by) = match ended.first() {
                Some(&(_, state)) => (
                    state,
                    ended.first().map(|&(j, _)| since(j)),
                    ended.iter().filter(|e| e.1 == state).map(|e| e.0).collect(),
                ),
                None if !amended_by.is_empty() => (
                    State::Amended,
                    amended_by.iter().map(|&j| since(j)).min(),
                    amended_by.clone(),
                ),
                None => (State::NoneKnown, None, Vec::new()),
            };
            Validity {
                effective: effective[i],
                state,
                since: since_date,
                by,
                amended_by,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn effective_dates_from_the_text() {
        let own = d("2021-11-01");
        let cases = [
            ("Quyết định này có hiệu lực kể từ ngày ký.", Some(own)),
            (
                "Chỉ thị này có hiệu lực thi hành kể từ ngày 20 tháng 11 năm 2021.",
                Some(d("2021-11-20")),
            ),
            (
                "Thông tư này có hiệu lực từ ngày 05/12/2021 và thay thế …",
                Some(d("2021-12-05")),
            ),
            (
                "Quyết định này có hiệu lực sau 10 ngày kể từ ngày ký.",
                None,
            ),
            (
                "Quyết định số 5/QĐ-UBND có hiệu lực từ ngày 01/01/2020.",
                None,
            ),
            ("Đề nghị các đơn vị thực hiện.", None),
        ];
        for (text, want) in cases {
            assert_eq!(effective(text, own), want, "{text}");
        }
    }
}

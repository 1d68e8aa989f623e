//! How well a document's number or trích yếu holds the query: the last
//! step of ranking, on the best-scored documents only (their metadata is
//! fetched anyway for the first page of hits). `search.js` has the same
//! function (`fit`).
//!
//! For each of the two fields: the longest run of query words found there
//! in order (not across a sentence end), and the share of the field's
//! syllables that are query words (in thousandths: a phrase that is most
//! of a short trích yếu ranks above the same phrase in a long one). The
//! better field counts, run first.

use super::text::{self, Gap};

/// Documents, best scored first, re-ordered by [`fit`].
pub const RERANK: usize = 20;
/// A query of more words than this is taken for a pasted trích yếu: the
/// documents whose score ties with the last re-ranked one are re-ranked
/// too, up to [`RERANK_TIES`].
pub const LONG_QUERY: usize = 6;
/// The most documents re-ranked for a long query.
pub const RERANK_TIES: usize = 100;
/// Query words [`fit`] compares (more than the words looked up).
pub const FIT_TOKENS: usize = 32;

/// `(run, share)` of the better of `number` and `title` for the folded
/// query `words`, the last matching as a prefix when `prefix`.
pub fn fit(words: &[String], prefix: bool, number: &str, title: &str) -> (u32, u32) {
    let matches = |tok: &str, j: usize| {
        tok == words[j] || (prefix && j + 1 == words.len() && tok.starts_with(words[j].as_str()))
    };
    let mut best = (0, 0);
    for field in [number, title] {
        let seg = text::tokenize(field, false);
        let mut run = 0;
        for i in 0..seg.len() {
            for j in 0..words.len() {
                let mut k = 0;
                while i + k < seg.len()
                    && j + k < words.len()
                    && matches(&seg[i + k].folded, j + k)
                    && (k == 0 || seg[i + k].gap != Gap::Break)
                {
                    k += 1;
                }
                run = run.max(k);
            }
        }
        let hit = seg
            .iter()
            .filter(|t| (0..words.len()).any(|j| matches(&t.folded, j)))
            .count();
        let share = if seg.is_empty() {
            0
        } else {
            hit * 1000 / seg.len()
        };
        best = best.max((run as u32, share as u32));
    }
    best
}

#[cfg(test)]
mod tests {
    use super::fit;

    fn w(q: &str) -> Vec<String> {
        q.split(' ').map(str::to_owned).collect()
    }

    #[test]
    fn a_phrase_beats_scattered_words_and_a_short_title_a_long_one() {
        let q = w("phong chong dich");
        let phrase = fit(&q, false, "12/KH-UBND", "Phòng, chống dịch Covid-19");
        let long = fit(
            &q,
            false,
            "13/KH-UBND",
            "Phòng, chống dịch Covid-19 trên địa bàn tỉnh năm 2021",
        );
        let scattered = fit(
            &q,
            false,
            "14/KH-UBND",
            "Phòng, chống tham nhũng; dịch vụ công",
        );
        assert_eq!(phrase.0, 3);
        assert!(phrase > long, "{phrase:?} {long:?}");
        assert!(long > scattered, "{long:?} {scattered:?}");
    }

    #[test]
    fn numbers_fit_in_their_own_field_and_prefixes_complete() {
        let q = w("1099 cd ttg");
        assert_eq!(fit(&q, false, "1099/CĐ-TTg", "").0, 3);
        assert_eq!(
            fit(&q, false, "12/UBND", "Thực hiện Công điện 1099/CĐ-TTg").0,
            3
        );
        assert_eq!(fit(&w("kinh t"), true, "1/UBND", "Phát triển kinh tế").0, 2);
        assert_eq!(
            fit(&w("kinh t"), false, "1/UBND", "Phát triển kinh tế").0,
            1
        );
        assert_eq!(fit(&w("uy ban"), false, "1/UBND", "Tỉnh ủy. Ban").0, 1);
    }
}

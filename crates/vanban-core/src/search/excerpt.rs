//! Excerpts: where a hit's matched words occur in its body, anywhere in
//! it, fetched only for the hits shown.
//!
//! The builder writes, per document with a body, `search/x/<id / 1000>/<id %
//! 1000>.txt` ([`path`]): its
//! plain text cut into *pieces* (sentences, and sentences longer than
//! [`PIECE_CHARS`] cut at spaces), one a line, in the body's order. A
//! piece is worth the rarity (`ln(1 + N/df)`) of the syllables that no
//! piece before it holds: the first piece is kept, then the pieces worth
//! most for their length, up to [`MAX_BYTES`] (a few kilobytes of a long
//! body: the sentences that first say its rare words, where a reader's
//! specific word is; repeated vocabulary left out).
//!
//! The client ([`pick`], and `pick` in `search.js`) shows the piece that
//! holds the most distinct query words (the word being typed as a prefix),
//! the first of equals; the first piece when none does (the words matched
//! the number or trích yếu only).

use super::text;
use std::collections::HashSet;

/// The excerpt file of document `id`: a folder per thousand documents
/// (hosts limit the files of one folder).
pub fn path(id: u32) -> String {
    format!("search/x/{}/{}.txt", id / 1000, id % 1000)
}

/// The longest piece, in characters.
pub const PIECE_CHARS: usize = 160;
/// The most bytes of pieces kept for a document.
pub const MAX_BYTES: usize = 2048;

/// Characters after which a sentence ends (when a space follows).
const ENDS: &[char] = &['.', '!', '?', ';', '…'];

/// The pieces of a Markdown body kept for excerpts (see the module doc):
/// `df` gives a folded syllable's document frequency among `docs`.
pub fn pieces(markdown: &str, df: impl Fn(&str) -> u32, docs: u32) -> Vec<String> {
    let plain = text::plain_text(markdown);
    let mut seen: HashSet<String> = HashSet::new();
    // (piece, what its new words are worth)
    let mut all: Vec<(String, f64)> = Vec::new();
    for para in plain.split("\n\n") {
        let words: Vec<&str> = para.split_whitespace().collect();
        for piece in cut(&words) {
            let mut worth = 0.0;
            for t in text::tokenize(&piece, false) {
                let w = f64::from(docs.max(1)) / f64::from(df(&t.folded).max(1));
                if seen.insert(t.folded) {
                    worth += w.ln_1p();
                }
            }
            if worth > 0.0 {
                all.push((piece, worth));
            }
        }
    }
    // The first piece, then the pieces whose new words are rarest for
    // their length, within MAX_BYTES; in the body's order.
    let mut order: Vec<usize> = (1..all.len()).collect();
    order.sort_by(|&a, &b| {
        let density = |i: usize| all[i].1 / (all[i].0.len() + 1) as f64;
        density(b).total_cmp(&density(a)).then(a.cmp(&b))
    });
    let mut keep = vec![false; all.len()];
    let mut bytes = 0;
    let first = (!all.is_empty()).then_some(0);
    for i in first.into_iter().chain(order) {
        let n = all[i].0.len() + 1;
        if bytes + n <= MAX_BYTES {
            bytes += n;
            keep[i] = true;
        }
    }
    all.into_iter()
        .zip(keep)
        .filter_map(|((p, _), k)| k.then_some(p))
        .collect()
}

/// A paragraph's words as sentences of at most [`PIECE_CHARS`] characters.
fn cut(words: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut piece = String::new();
    let mut chars = 0;
    for w in words {
        let n = w.chars().count();
        if chars > 0 && chars + 1 + n > PIECE_CHARS {
            out.push(std::mem::take(&mut piece));
            chars = 0;
        }
        if chars > 0 {
            piece.push(' ');
            chars += 1;
        }
        if n > PIECE_CHARS {
            piece.extend(w.chars().take(PIECE_CHARS - 1));
            piece.push('…');
            chars = PIECE_CHARS;
        } else {
            piece.push_str(w);
            chars += n;
        }
        if w.ends_with(ENDS) {
            out.push(std::mem::take(&mut piece));
            chars = 0;
        }
    }
    if !piece.is_empty() {
        out.push(piece);
    }
    out
}

/// The piece of `file` (pieces one a line) to show for the folded query
/// `words`, the last matching as a prefix when `prefix`: the one holding
/// the most distinct query words, the first of equals, the first piece
/// when none holds any. Empty for an empty file.
pub fn pick<'a>(file: &'a str, words: &[String], prefix: bool) -> &'a str {
    let mut best = ("", 0);
    for (i, piece) in file.split('\n').enumerate() {
        let tokens = text::tokenize(piece, false);
        let held = words
            .iter()
            .enumerate()
            .filter(|(j, w)| {
                words[..*j].iter().all(|o| o != *w)
                    && tokens.iter().any(|t| {
                        t.folded == **w
                            || (prefix && j + 1 == words.len() && t.folded.starts_with(w.as_str()))
                    })
            })
            .count();
        if i == 0 || held > best.1 {
            best = (piece, held);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(q: &str) -> Vec<String> {
        q.split(' ').map(str::to_owned).collect()
    }

    #[test]
    fn every_word_is_kept_in_the_first_sentence_that_says_it() {
        let body = format!(
            "Mở đầu văn bản.\n\n{}Cuối cùng là giãn cách xã hội toàn tỉnh. Mở đầu văn bản.",
            "Mở đầu văn bản. ".repeat(50)
        );
        let p = pieces(&body, |_| 1, 100);
        assert_eq!(
            p,
            [
                "Mở đầu văn bản.",
                "Cuối cùng là giãn cách xã hội toàn tỉnh."
            ]
        );
        let file = p.join("\n");
        assert_eq!(pick(&file, &w("gian cach"), false), p[1]);
        assert_eq!(pick(&file, &w("toan ti"), true), p[1]);
        assert_eq!(pick(&file, &w("khong co"), false), p[0], "none: the first");
        assert_eq!(pick("", &w("a"), false), "");
    }

    #[test]
    fn long_sentences_are_cut_at_spaces_and_the_size_is_bounded() {
        let long: String = (0..400).map(|i| format!("từ{i} ")).collect();
        let p = pieces(&long, |_| 1, 100);
        assert!(p.len() > 5, "{p:?}");
        assert!(p.iter().all(|s| s.chars().count() <= PIECE_CHARS));
        let huge: String = (0..20_000).map(|i| format!("từ{i}. ")).collect();
        let total: usize = pieces(&huge, |_| 1, 100).iter().map(|s| s.len() + 1).sum();
        assert!(total <= MAX_BYTES, "{total}");
        assert!(pieces("", |_| 1, 1).is_empty() && pieces("  \n\n ", |_| 1, 1).is_empty());
    }

    #[test]
    fn a_long_body_keeps_the_sentences_of_its_rare_words() {
        let mut body: String = (0..80)
            .map(|i| format!("Câu thường {i} có nhiều chữ lặp lại cho dài thêm. "))
            .collect();
        body.push_str("Chữ hiếm ở cuối.");
        let df = |w: &str| if w == "hiem" { 1 } else { 1000 };
        let p = pieces(&body, df, 1000);
        assert!(p[0].starts_with("Câu thường 0 "), "{p:?}");
        assert_eq!(p.last().map(String::as_str), Some("Chữ hiếm ở cuối."));
        assert!(p.len() < 60, "the cap leaves common pieces out");
    }

    #[test]
    fn the_piece_with_the_most_query_words_wins() {
        let file = "Phòng bệnh.\nChống dịch.\nPhòng, chống dịch bệnh.";
        assert_eq!(
            pick(file, &w("phong chong dich"), false),
            "Phòng, chống dịch bệnh."
        );
        assert_eq!(pick(file, &w("dich dich"), false), "Chống dịch.");
    }
}

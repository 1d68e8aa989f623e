//! The client-side search index: written into the site by
//! [`build_index`], read in the browser by
//! `themes/default/static/search.js` (and by [`client`], its Rust mirror,
//! used by the tests and by `examples/search_budget.rs`).
//!
//! Why our own index: one-file indexes (elasticlunr) are downloaded whole
//! by every query (12 MB gzip at 10,000 documents); Pagefind does not fold
//! `đ` and needs gigabytes to build. This index is sharded by term so a
//! query fetches a few small files, folds Vietnamese the way people type
//! it, and never sends more than a fixed budget whatever the words.
//!
//! # Tokens: the one rule both sides follow
//!
//! `search.js` implements the same rules; `tests/search_js/cases.json`
//! holds cases that the Rust tests and the node tests both check.
//!
//! 1. The text is decomposed (Unicode NFD).
//! 2. Word characters are those that are Alphabetic or Numeric (`Nd`,
//!    `Nl`, `No`) or Marks (`M`). A token is a maximal run of word
//!    characters; anything else separates tokens.
//! 3. The *folded* form of a token drops the marks, maps `đ`/`Đ` to `d`
//!    and lower-cases each remaining character on its own
//!    ([`crate::text::fold`]): `Quảng` is `quang`, `ĐẢNG` is `dang`.
//!    The *exact* form lower-cases each character, keeps the marks and
//!    recomposes (NFC): `ĐẢNG` is `đảng`.
//! 4. A run whose folded form is empty (marks alone) is ignored. A run
//!    whose folded form has more than 40 characters is dropped and acts as
//!    a sentence end.
//! 5. Between two tokens, the separators are a *break* when they contain
//!    `.` `!` `?` `;` `:` `…` `|` or two line feeds.
//! 6. A *pair* is `"a b"` for two consecutive folded tokens not separated
//!    by a break: `phòng, chống dịch` gives `phong chong` and
//!    `chong dich`; `Tỉnh ủy. Ban` gives no `uy ban`.
//!
//! Numbers (index side): a token of ASCII digits followed by one to five
//! tokens, each separated from the previous by exactly one `/`, `-`, `‐`
//! or `–` (with or without spaces), at least one holding a letter, is a
//! document number. Its key is its folded tokens joined by spaces, the
//! leading zeros of the first dropped: `176-CV/TU`, `176/cv-tu` and
//! `176 -CV/TU` are all `176 cv tu`; `1099/CĐ-TTg` and `1099/CD-TTG` are
//! `1099 cd ttg`. When the second token is a year and more follow, the key
//! without the year is indexed too (`23/2021/QĐ-TTg`: `23 2021 qd ttg` and
//! `23 qd ttg`). A document's own number is always indexed as a number.
//! The bare parts (`176`, `cv`, `tu`) are ordinary syllables as well.
//!
//! Numbers (query side): a query token of ASCII digits followed by other
//! tokens (typed with any separators, `176 cv tu` included) is matched
//! against the number keys that start with it; the longest match wins.
//!
//! # Terms and ranking
//!
//! Term kinds: 0 folded syllable, 1 pair, 2 number, 3 exact syllable (only
//! for syllables with marks or `đ`, only from the number, trích yếu,
//! issuer, type and topics). Each posting has a *level* 0-7 from where the
//! term occurs in the document: 7 its own number (its digits and number
//! keys; the letter parts of its number, `TE` of `4010/BYT-BM-TE`, rank as
//! a body word said once), 6 a short trích yếu (at most 10 syllables), 5 a
//! longer trích yếu, 4 issuer or topic, 3 type or body six times or more,
//! 2 body 3-5 times, 1 body twice, 0 body once. Only the body levels (0-3)
//! of a common term merge into one tier to keep its size; the others never
//! do (merged away, a common word's trích yếu hits ranked as body words and
//! every hit scored alike).
//!
//! The client scores a document by the sum over the query's words of
//! `idf × W[level]` with `idf = round(1000 × ln(1 + N/df))` and
//! `W = [10, 14, 18, 22, 30, 45, 55, 70]`, plus the same for each of the
//! query's pairs found in the document (up to 5; phrase above scattered;
//! the word being typed pairs with the one before when it is a word
//! already), plus half of it for each word whose exact form (typed with
//! marks) the document has (exact diacritics above folded). Every word must
//! match (AND). Then the 20 best scored are re-ordered by how well their
//! number or trích yếu holds the query ([`fit`]: the longest run of query
//! words in order, then the share of the field's syllables that are query
//! words); ties go to the newer document. A query of more than
//! [`fit::LONG_QUERY`] words (a pasted trích yếu) re-orders, besides the
//! 20, every document whose score ties with the 20th (up to
//! [`fit::RERANK_TIES`]): look-alike titles hold the words looked up
//! alike, and only the words after them tell them apart.
//!
//! Each hit shown gets an excerpt: the piece of its body's excerpt file
//! holding the most query words ([`excerpt`]).
//!
//! A first page (at most [`fit::RERANK`] hits asked) is ranked first
//! without the body tiers that big terms keep apart: when the documents
//! matching the words that way (a one-word unit without its body tiers,
//! the others whole) are at least `RERANK`, they are the answer
//! (`partial`; its total is the word's df for one word and no filter,
//! else the matches found), else the query runs again with every tier.
//! The pages after the first ask with every tier (`full`).
//!
//! Cited documents outside the archive ([`CitedDoc`]) follow the archive's
//! documents, with their number, type and issuer; they are in no facet.
//!
//! # Files, under `search/` in the site
//!
//! All integers are LEB128 varints; strings are a varint byte length and
//! UTF-8 bytes; a *set* of document ids is either `varint(n<<1)`, the first
//! id and `n-1` gaps, or `varint(nbytes<<1|1)`, the first id and a bitmap
//! (bit `i` of byte `j` is document `first+8j+i`); *tiers* are a byte
//! count, then per tier a level byte and a set, highest level first.
//! Document ids are positions in the input (sorted by date and number).
//!
//! - `manifest.json`: `docs` (N), `buckets` (B), `metaBlock`, `packMin`,
//!   `ownMin`, `completion` (the first term of each completion block) and `facets`
//!   (per facet but the issuer, `[value, count]` in file order).
//! - `t/<b>.bin`, buckets: entries of kind byte, term, df, a tag
//!   `value<<2 | body<<1 | packed`, then either the tiers inline (`value`
//!   bytes) or offset and length of the tiers in `p/<value>.bin`; with
//!   `body`, then pack, offset and length of the term's body tiers (levels
//!   0-3), kept apart when its tiers reach `SPLIT_MIN` bytes (4,096). A term's bucket is
//!   FNV-1a-32 of its bucket key modulo B; the key is the term itself, the
//!   first token of a number, and the folded form of an exact syllable (so
//!   a word, its exact form and the numbers starting with it come in one
//!   file).
//! - `p/<n>.bin`, packs: tiers of several mid-size terms of one size
//!   class, or of one big term. Data of `len` bytes is alone when `len >=
//!   ownMin`, else in a pack of at most `max(packMin, 4 << floor(log2
//!   len))` bytes; the client budgets a fetch at that size.
//! - `c/<n>.bin`, completion blocks: the folded syllables in order, each as
//!   shared-prefix length, suffix and df, for prefix matching of the word
//!   being typed.
//! - `m/<b>.bin`, metadata of documents `b*metaBlock ..`: number, type
//!   index (one past the facet's end: none), issuer name, date as
//!   `yyyymmdd` (0: none), trích yếu, URL relative to
//!   the site root, topic count and indexes, 1 when the document has an
//!   excerpt file (a body), else 0.
//! - `x/<id / 1000>/<id % 1000>.txt`: the excerpt pieces of document `id`
//!   (with a body), one a line ([`excerpt`]), fetched for the hits shown
//!   only.
//! - `f/issuer.json`: the issuer facet's `[value, count]` in file order
//!   (read for the filters only: a thousand names in a big archive).
//! - `f/<facet>-<i>.bin`: the set of documents having the facet's `i`-th
//!   value (`issuer`, `type`, `year`, `topic`, `validity`: the
//!   status's state in the words of the status line).

mod build;
pub mod client;
pub mod codec;
pub mod excerpt;
pub mod fit;
pub mod text;

pub use build::bucket_hash;

/// One document as the index sees it. `url` is relative to the site root
/// (`van-ban/2021/176-cv-tu/`; a leading `/` is ignored); `body` is the
/// Markdown source.
#[derive(Debug, Clone)]
pub struct SearchDoc<'a> {
    pub number: &'a str,
    pub doc_type: &'a str,
    pub title: &'a str,
    pub issuer: &'a str,
    pub date: chrono::NaiveDate,
    pub url: &'a str,
    pub topics: &'a [String],
    pub body: &'a str,
    /// What the archive says of its force, in the words a reader filters
    /// by (`Đã bị thay thế`, …); empty: in no status value.
    pub status: &'a str,
}

/// One file of the index, its path relative to the site root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// A cited document outside the archive (it has a page of its own): found
/// by its number, type and issuer, with no trích yếu or body. Empty type
/// or issuer, or no date, when the citations do not say.
#[derive(Debug, Clone)]
pub struct CitedDoc<'a> {
    pub number: &'a str,
    pub doc_type: &'a str,
    pub issuer: &'a str,
    pub date: Option<chrono::NaiveDate>,
    pub url: &'a str,
}

/// Builds every file of the index for `docs`, given sorted by (date,
/// number): a document's position is its id. The same documents give the
/// same bytes. Files come sorted by path.
pub fn build_index(docs: &[SearchDoc]) -> Vec<IndexFile> {
    build::build(docs, &[])
}

/// [`build_index`] with the cited documents outside the archive, whose ids
/// follow the archive's. They are in no facet (filters are the archive's).
pub fn build_index_with(docs: &[SearchDoc], cited: &[CitedDoc]) -> Vec<IndexFile> {
    build::build(docs, cited)
}

#[cfg(test)]
mod tests;

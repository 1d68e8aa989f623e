//! The header block of one document: issuer lines, number, place and date,
//! type heading and title (or the "V/v" subject), and Kính gửi. The header
//! ends where the body's first sentence starts; its parts may come in any
//! order, as converters interleave the two header columns.

use super::doctype;
use super::lines::Line;
use super::numbers;
use super::patterns::{self, is_upper, word_count};
use chrono::NaiveDate;

/// Where the title was printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleSource {
    /// After "V/v" (or "Về việc") under the number.
    Subject,
    /// Under the type heading.
    Heading,
    /// Printed alone under the number (a Party Công văn's trích yếu).
    Unlabelled,
}

#[derive(Debug, Clone, Default)]
pub struct Header {
    pub issuer_lines: Vec<String>,
    pub number: Option<String>,
    pub date: Option<NaiveDate>,
    pub place: Option<String>,
    pub heading_type: Option<&'static str>,
    pub title_lines: Vec<String>,
    pub title_source: Option<TitleSource>,
    pub recipients: Vec<String>,
    /// The index of the body's first line.
    pub body_start: usize,
}

/// Reads the header of the document in `lines[start..end]`.
pub fn parse(lines: &[Line], start: usize, end: usize) -> Header {
    let mut reader = Reader {
        lines,
        start,
        end,
        header: Header::default(),
        consumed_tail: None,
    };
    reader.header.body_start = reader.read(start);
    reader.header
}

struct Reader<'a> {
    lines: &'a [Line],
    start: usize,
    end: usize,
    header: Header,
    /// A line whose beginning was already read (the number, or the rest
    /// of a broken number): what is left of it.
    consumed_tail: Option<(usize, String)>,
}

impl Reader<'_> {
    fn text(&self, i: usize) -> &str {
        match &self.consumed_tail {
            Some((j, rest)) if *j == i => rest,
            _ => &self.lines[i].text,
        }
    }

    fn skippable(&self, i: usize) -> bool {
        let line = &self.lines[i];
        let t = self.text(i);
        t.is_empty() || patterns::is_decoration(t) || line.stamp || patterns::is_motto(t)
    }

    /// Whether the number line at `i` (without the label's colon) goes on
    /// from the line before it, which ends with a type word or `theo`: a
    /// header naming the decision that set up its issuer (`ĐOÀN KIỂM TRA` /
    /// `THEO QUYẾT ĐỊNH` / `SỐ 1050/QĐ-SCT`) cites that decision; the
    /// document's own number is the `Số:` line.
    fn cited_after_previous_line(&self, i: usize, text: &str) -> bool {
        let label = text.trim_start();
        let colon = label
            .strip_prefix("Số")
            .or_else(|| label.strip_prefix("SỐ"))
            .is_some_and(|r| r.trim_start().starts_with(':'));
        if colon {
            return false;
        }
        let Some(prev) = (self.start..i)
            .rev()
            .find(|&j| !self.text(j).is_empty() && !patterns::is_decoration(self.text(j)))
        else {
            return false;
        };
        let folded = crate::text::fold(self.text(prev));
        let words: Vec<&str> = folded.split_whitespace().collect();
        let tail = |n: usize| words[words.len().saturating_sub(n)..].join(" ");
        matches!(tail(1).as_str(), "theo" | "cua")
            || matches!(
                tail(2).as_str(),
                "quyet dinh"
                    | "nghi quyet"
                    | "chi thi"
                    | "ke hoach"
                    | "thong bao"
                    | "cong van"
                    | "thong tu"
                    | "nghi dinh"
                    | "ket luan"
                    | "huong dan"
                    | "kem theo"
            )
    }

    fn next_content(&self, from: usize) -> Option<usize> {
        (from..self.end)
            .find(|&j| !self.text(j).is_empty() && !patterns::is_decoration(self.text(j)))
    }

    /// Reads header parts from `i`; returns where the body starts.
    fn read(&mut self, mut i: usize) -> usize {
        while i < self.end {
            if self.skippable(i) {
                i += 1;
                continue;
            }
            let text = self.text(i).to_string();
            if self.header.number.is_none()
                && !self.cited_after_previous_line(i, &text)
                && let Some(n) = numbers::number_line(&text)
            {
                i = self.take_number(i, n);
                continue;
            }
            if self.header.date.is_none()
                && let Some((d, next)) = self.date_at(i, &text)
            {
                self.header.date = Some(d.date);
                self.header.place = d.place;
                i = next;
                continue;
            }
            if self.header.date.is_none()
                && self.header.place.is_none()
                && let Some(place) = place_of_unread_date(&text)
            {
                self.header.place = Some(place);
                i += 1;
                // The rest of that line cut off by a wide gap: "tháng 6 năm 2026".
                while let Some(j) = self.next_content(i)
                    && is_date_fragment(self.text(j))
                {
                    i = j + 1;
                }
                continue;
            }
            if let Some(rest) = patterns::kinh_gui(&text) {
                return self.take_recipients(i, rest);
            }
            if self.header.title_lines.is_empty()
                && let Some(rest) = patterns::subject_line(&text)
            {
                i = self.take_subject(i, rest);
                continue;
            }
            if self.header.heading_type.is_none()
                && self.header.title_source != Some(TitleSource::Subject)
                && let Some((kind, rest)) = doctype::heading(&text)
            {
                self.header.heading_type = Some(kind);
                self.header.title_lines.clear();
                self.header.title_source = Some(TitleSource::Heading);
                i = self.take_heading_title(i + 1, &rest);
                continue;
            }
            if self.continues_title(&text) {
                self.header.title_lines.push(text);
                i += 1;
                continue;
            }
            if is_upper(&text)
                && self.header.heading_type.is_none()
                && (self.header.title_lines.is_empty()
                    || self.header.title_source == Some(TitleSource::Subject)
                        && !patterns::starts_with_position(&text))
                && !text.ends_with(':')
                && !patterns::is_structural(&text)
                && word_count(&text) <= 16
            {
                self.header.issuer_lines.push(text);
                i += 1;
                continue;
            }
            if self.is_unlabelled_title(i) {
                i = self.take_unlabelled(i);
                continue;
            }
            return i;
        }
        self.end
    }

    /// A date line, perhaps broken before "năm" ("ngày 15 tháng 6" /
    /// "năm 2021"); returns it and the index after it.
    fn date_at(&self, i: usize, text: &str) -> Option<(patterns::DateLine, usize)> {
        // "năm 20264": a footnote marker glued to the year is no more date.
        let whole = |d: &patterns::DateLine| {
            let rest = d.rest.trim_matches(['.', ' ', '*']);
            rest.is_empty()
                || rest.chars().count() <= 2
                    && rest
                        .chars()
                        .all(|c| c.is_ascii_digit() || patterns::superscript_value(c).is_some())
        };
        if let Some(d) = patterns::date_line(text).filter(whole) {
            return Some((d, i + 1));
        }
        let folded = crate::text::fold(text);
        if !(folded.contains("ngay ") || folded.ends_with("ngay")) {
            // "*Thành phố Hồ Chí" / "Minh, ngày 28 tháng 11 năm 2025*", "Hà
            // Nội," / "ngày 25 ...": the place wrapped off its date line.
            let j = self.next_content(i + 1)?;
            let place_like = !is_upper(text)
                && word_count(text) <= 5
                && text.split_whitespace().all(|w| {
                    patterns::first_letter(w).is_some_and(char::is_uppercase)
                        || matches!(w, "phố" | "tỉnh" | "huyện" | "quận" | "xã" | "thị" | "trấn")
                });
            let joined = format!("{text} {}", self.text(j));
            return patterns::date_line(&joined)
                .filter(|d| place_like && d.place.is_some() && whole(d))
                .map(|d| (d, j + 1));
        }
        // Split over as many as five lines: "Hà Nội, ngày" / "30" /
        // "tháng" / "8" / "năm 2025".
        let mut joined = text.to_string();
        let mut j = i;
        for _ in 0..5 {
            j = self.next_content(j + 1)?;
            joined.push(' ');
            joined.push_str(self.text(j));
            if joined.len() > 90 {
                return None;
            }
            if let Some(d) = patterns::date_line(&joined).filter(whole) {
                return Some((d, j + 1));
            }
        }
        None
    }

    fn take_number(&mut self, i: usize, n: numbers::NumberLine) -> usize {
        let mut next = i + 1;
        let mut rest = n.rest.clone();
        let mut number = n.number.clone();
        // The rest of a number broken across lines: after a number ending
        // in "/" or "-", or a "-TH" glued to the start of the next line;
        // the grammar reads the two lines as one.
        let dangling = |t: &str| {
            t.starts_with(['-', '/'])
                && t[1..].starts_with(|c: char| c.is_alphanumeric())
                && word_count(t) == 1
        };
        if let Some(j) = self.next_content(i + 1)
            && (n.broken || n.rest.is_empty() && dangling(self.text(j)))
            && let Some((whole, used)) = numbers::joined_number(&n.number, self.text(j))
        {
            number = whole;
            let after = self.text(j)[used..].trim().to_string();
            if after.is_empty() {
                next = j + 1;
            } else {
                self.consumed_tail = Some((j, after));
                next = j;
            }
        } else if let Some(j) = self.next_content(i + 1)
            && n.broken
            && dangling(self.text(j))
        {
            // The symbol of a form left blank ("Số:" / "/KH-UBND"): part of
            // the number line, and no number.
            number.clear();
            next = j + 1;
        }
        // Only what the project's number grammar reads as a number: a form
        // left blank ("Số:   /KH-UBND") or a damaged symbol is no number.
        if numbers::is_number(&number) {
            self.header.number = Some(number);
        }
        // What followed the number on its line ("V/v ..." when flattened).
        if !rest.is_empty() && next == i + 1 {
            rest = rest.trim().to_string();
            self.consumed_tail = Some((i, rest));
            return i;
        }
        next
    }

    /// "V/v" and the lines continuing it.
    fn take_subject(&mut self, i: usize, first: &str) -> usize {
        self.header.title_source = Some(TitleSource::Subject);
        if !first.is_empty() {
            self.header.title_lines.push(first.to_string());
        }
        let mut j = i + 1;
        let mut last_k = i;
        while let Some(k) = self.next_content(j) {
            let t = self.text(k);
            let blank_between = k > j;
            let last = self
                .header
                .title_lines
                .last()
                .map(String::as_str)
                .unwrap_or("");
            // "*V/v ... / ... / ...*": one italic span that has not closed
            // on the line before goes on, however long its lines.
            let same_span = self.lines[k].italic
                && self.lines[last_k].italic
                && !self.lines[last_k].raw.trim_end().ends_with(['*', '_']);
            // "V/v" alone on its line: the subject is on the next.
            let open = !last.is_empty() && !patterns::ends_sentence(last)
                || self.header.title_lines.is_empty();
            let continues = if patterns::starts_lowercase(t) {
                open || !blank_between
            } else {
                open && !blank_between
                    && (word_count(t) <= 12 && !is_upper(t)
                        || same_span
                        || dangling(last)
                        || word_count(t) <= 2 && self.lines[k].italic)
            };
            if !continues || self.is_other_part(t) {
                break;
            }
            self.header.title_lines.push(t.to_string());
            last_k = k;
            j = k + 1;
        }
        j
    }

    /// A lower-case line continuing a subject that another header part
    /// interrupted (interleaved columns).
    fn continues_title(&self, text: &str) -> bool {
        let last = self
            .header
            .title_lines
            .last()
            .map(String::as_str)
            .unwrap_or("");
        self.header.title_source == Some(TitleSource::Subject)
            && !last.is_empty()
            && !patterns::ends_sentence(last)
            && patterns::starts_lowercase(text)
            && word_count(text) <= 15
    }

    /// A header part that is not a title's continuation.
    fn is_other_part(&self, t: &str) -> bool {
        numbers::number_line(t).is_some()
            || patterns::date_line(t).is_some()
            || crate::text::fold(t).ends_with(", ngay")
            || opens_date_line(t)
            || patterns::kinh_gui(t).is_some()
            || patterns::is_motto(t)
            || doctype::heading(t).is_some()
    }

    /// The title lines under a type heading.
    fn take_heading_title(&mut self, mut j: usize, same_line: &str) -> usize {
        if !same_line.is_empty() {
            let title = patterns::subject_line(same_line).unwrap_or(same_line);
            self.header.title_lines.push(title.to_string());
        }
        let mut seen_mixed = self.header.title_lines.iter().any(|l| !is_upper(l));
        while let Some(k) = self.next_content(j) {
            let line = &self.lines[k];
            let t = self.text(k);
            if line.stamp || patterns::is_motto(t) {
                j = k + 1;
                continue;
            }
            let blank_between = k > j;
            let first = self.header.title_lines.is_empty();
            // The first line under the heading is the title unless it
            // plainly starts the body; later lines must continue it. A type
            // word may open the title ("THÔNG BÁO / KẾT LUẬN CỦA ...").
            // A line left hanging ("... CỦA", "... NGHỊ QUYẾT", "..., ")
            // goes on over the next, whatever that one looks like.
            let hanging = !first
                && !blank_between
                && self.header.title_lines.last().is_some_and(|l| dangling(l))
                && !patterns::is_motto(t)
                && patterns::kinh_gui(t).is_none()
                && !crate::text::fold(t).starts_with("can cu")
                && patterns::date_line(t).is_none_or(|d| d.place.is_none())
                // After a number, only "ngày ..." in lower case goes on: a
                // capital starts the body ("Ngày 28 tháng 11, ...").
                && (!ends_in_number(self.header.title_lines.last().map_or("", |l| l.as_str()))
                    || patterns::starts_lowercase(t)
                    || is_upper(t) && crate::text::fold(t).to_lowercase().starts_with("ngay "))
                && word_count(t) <= 40;
            // A title printed in capitals does not go on in mixed case but
            // for a "về ..." line: a sentence in mixed case is the body's.
            let caps_then_sentence = !first
                && !seen_mixed
                && self
                    .header
                    .title_lines
                    .iter()
                    .map(|l| word_count(l))
                    .sum::<usize>()
                    >= 6
                && t.chars().any(char::is_lowercase)
                && !patterns::starts_lowercase(t)
                && !crate::text::fold(t).starts_with("ve ");
            let stop = !hanging
                && (caps_then_sentence
                    || (self.is_other_part(t) && doctype::heading(t).is_none())
                    || patterns::is_structural(t)
                    || crate::text::fold(t).starts_with("can cu")
                    || t.ends_with(':')
                    // A web page prints a title in capitals on one line.
                || word_count(t) > if is_upper(t) { 80 } else { 40 }
                    || (patterns::ends_sentence(t) && word_count(t) > 25)
                    || (is_upper(t)
                        && (seen_mixed
                            || patterns::starts_with_position(t)
                            || patterns::is_collective_body(t)))
                    || (!first
                        && (patterns::subject_line(t).is_some()
                            // "THỰC HIỆN NHIỆM VỤ ..." in capitals goes on a
                        // title in capitals; the body is not printed so.
                        // ("thực hiện ..." in lower case goes on a title.)
                        || patterns::starts_body(t)
                            && !patterns::starts_lowercase(t)
                            && (seen_mixed || !is_upper(t))
                            || (!patterns::starts_lowercase(t)
                                && !is_upper(t)
                                && !line.italic
                                && (blank_between || !self.title_open() || word_count(t) > 15)))));
            if stop {
                break;
            }
            seen_mixed |= !is_upper(t);
            let t = patterns::subject_line(t).filter(|_| first).unwrap_or(t);
            self.header.title_lines.push(t.to_string());
            j = k + 1;
        }
        j
    }

    /// The last title line leaves its sentence open.
    fn title_open(&self) -> bool {
        self.header
            .title_lines
            .last()
            .is_some_and(|l| !patterns::ends_sentence(l) && !l.ends_with(','))
    }

    /// A line printed alone under the number: a Party Công văn's trích
    /// yếu, in italics or followed by "Kính gửi".
    fn is_unlabelled_title(&self, i: usize) -> bool {
        let t = self.text(i);
        let source = self.header.title_source;
        if word_count(t) > 30
            || source == Some(TitleSource::Subject)
            || source == Some(TitleSource::Heading)
        {
            return false;
        }
        if source == Some(TitleSource::Unlabelled) {
            let last = self
                .header
                .title_lines
                .last()
                .map(String::as_str)
                .unwrap_or("");
            return !patterns::ends_sentence(last)
                && (self.lines[i].italic || self.kinh_gui_ahead(i));
        }
        self.lines[i].italic && !patterns::starts_body(t) || self.kinh_gui_ahead(i)
    }

    fn take_unlabelled(&mut self, i: usize) -> usize {
        self.header.title_source = Some(TitleSource::Unlabelled);
        self.header.title_lines.push(self.text(i).to_string());
        i + 1
    }

    /// "Kính gửi" follows within a few short lines.
    fn kinh_gui_ahead(&self, i: usize) -> bool {
        let mut seen = 0;
        for j in i..self.end {
            let t = self.text(j);
            if t.is_empty() || self.skippable(j) {
                continue;
            }
            if patterns::kinh_gui(t).is_some() {
                return true;
            }
            seen += 1;
            if seen > 8 || word_count(t) > 30 {
                return false;
            }
        }
        false
    }

    /// The Kính gửi list: inline after the colon and on following lines.
    fn take_recipients(&mut self, i: usize, inline: &str) -> usize {
        let mut items: Vec<String> = Vec::new();
        let mut last_open = false;
        if !inline.is_empty() {
            items.extend(
                patterns::inline_items(inline)
                    .into_iter()
                    .map(patterns::list_item),
            );
            last_open = inline.trim_end().ends_with([',', ';']);
        }
        let mut j = i + 1;
        while let Some(k) = self.next_content(j) {
            let t = self.text(k);
            let short = word_count(t) <= 25;
            let accept = if patterns::is_dash_item(t) {
                word_count(t) <= 40
            } else if patterns::starts_lowercase(t) && !items.is_empty() && k == j {
                // A recipient wrapped onto the next line.
                if let Some(last) = items.last_mut() {
                    last.push(' ');
                    last.push_str(&patterns::list_item(t));
                }
                j = k + 1;
                continue;
            } else {
                short && (items.is_empty() || last_open) && !self.is_other_part(t)
            };
            if !accept || self.is_other_part(t) {
                j = k;
                break;
            }
            items.push(patterns::list_item(t));
            last_open = t.trim_end().ends_with([',', ';']);
            j = k + 1;
        }
        self.header.recipients = items.into_iter().filter(|s| !s.is_empty()).collect();
        j
    }
}

/// The start of a date line broken after its day ("Hà Nội, ngày 20" /
/// "tháng 11 năm 2025"): a place of capitalised words, then ", ngày".
fn opens_date_line(text: &str) -> bool {
    let folded = crate::text::fold(text);
    let Some(at) = folded.find(", ngay") else {
        return false;
    };
    let place: Vec<&str> = folded[..at].split_whitespace().collect();
    let words: Vec<&str> = text.split_whitespace().take(place.len()).collect();
    (1..=6).contains(&place.len())
        && words.iter().all(|w| {
            patterns::first_letter(w).is_some_and(char::is_uppercase)
                || matches!(
                    *w,
                    "phố" | "tỉnh" | "huyện" | "quận" | "xã" | "thị" | "trấn"
                )
        })
}

/// The place of a date line whose date cannot be read: a form's blanks
/// ("Lào Cai, ngày      tháng      năm 2026"), OCR damage ("ngày15 tháng
/// 54", "QăP 2026"). The place is printed whole; the date is left to fill.
fn place_of_unread_date(text: &str) -> Option<String> {
    let (before, after) = text.split_once(',')?;
    let place = before.trim().trim_matches(['*', '_', ' ']);
    let words: Vec<&str> = place.split_whitespace().collect();
    let place_like = (1..=6).contains(&words.len())
        && !place.chars().any(|c| c.is_ascii_digit())
        && words.iter().all(|w| {
            patterns::first_letter(w).is_some_and(char::is_uppercase)
                || matches!(
                    *w,
                    "phố" | "tỉnh" | "huyện" | "quận" | "xã" | "thị" | "trấn"
                )
        });
    let dated = crate::text::fold(after).trim_start().starts_with("ngay");
    (place_like && dated && !is_upper(place)).then(|| place.to_string())
}

/// A piece of a date line: "tháng 6 năm 2026", "năm 2026".
fn is_date_fragment(text: &str) -> bool {
    let folded = crate::text::fold(text).to_lowercase();
    (folded.starts_with("thang ") || folded.starts_with("nam ")) && word_count(text) <= 5
}

/// Words after which a trích yếu cannot end (folded).
const HANGING_WORDS: &[&str] = &[
    "cua", "cho", "va", "ve", "voi", "tai", "theo", "ngay", "cac", "nhung", "trong", "thuoc",
    "giua", "den", "tu", "hoac", "doi", "tren", "nham",
];

/// The line ends in a document number ("... Quyết định số 07/2022/QĐ-UBND").
fn ends_in_number(line: &str) -> bool {
    line.split_whitespace()
        .last()
        .is_some_and(|w| w.contains('/') && w.chars().any(|c| c.is_ascii_digit()))
}

/// A title line left hanging: ending in a comma, a hyphen, a word that
/// needs what follows ("của", "và", "số"), a type word that waits for its
/// number ("Nghị định"), or a number that waits for its date.
fn dangling(line: &str) -> bool {
    let t = line.trim_end();
    if t.ends_with([',', '-', '–']) {
        return true;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.is_empty() {
        return false;
    };
    if ends_in_number(t) {
        return true;
    }
    let folded = |w: &[&str]| crate::text::fold(&w.join(" ")).to_uppercase();
    let typed = (1..=2).any(|n| {
        words.len() >= n
            && doctype::heading(&folded(&words[words.len() - n..]))
                .is_some_and(|(_, rest)| rest.is_empty())
    });
    typed || HANGING_WORDS.contains(&folded(&words[words.len() - 1..]).to_lowercase().as_str())
}

#[cfg(test)]
#[path = "header_tests.rs"]
mod tests;

//! The header block of one document: issuer lines, number, place and date,
//! type heading and title (or the "V/v" subject), and Kính gửi. The header
//! ends where the body's first sentence starts; its parts may come in any
//! order, as converters interleave the two header columns.

use super::doctype;
use super::lines::Line;
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
                && let Some(n) = patterns::number_line(&text)
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

    fn take_number(&mut self, i: usize, mut n: patterns::NumberLine) -> usize {
        let mut next = i + 1;
        let mut rest = n.rest.clone();
        // The rest of a number broken across lines: after a number ending
        // in "/" or "-", or a "-TH" glued to the start of the next line.
        let dangling = |t: &str| {
            t.starts_with(['-', '/'])
                && t[1..].starts_with(|c: char| c.is_alphanumeric())
                && word_count(t) == 1
        };
        if let Some(j) = self.next_content(i + 1)
            && (n.broken || n.rest.is_empty() && dangling(self.text(j)))
            && let Some((tail, after)) = patterns::number_tail(self.text(j))
        {
            n.number.push_str(&tail);
            if after.is_empty() {
                next = j + 1;
            } else {
                self.consumed_tail = Some((j, after));
                next = j;
            }
        }
        let number = n.number.trim_end_matches(['/', '-']).to_string();
        // Only what the project's number grammar reads as a number: a form
        // left blank ("Số:   /KH-UBND") or a damaged symbol is no number.
        if crate::number::parse(&number).is_some() {
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
        while let Some(k) = self.next_content(j) {
            let t = self.text(k);
            let blank_between = k > j;
            let last = self
                .header
                .title_lines
                .last()
                .map(String::as_str)
                .unwrap_or("");
            // "V/v" alone on its line: the subject is on the next.
            let open = !last.is_empty() && !patterns::ends_sentence(last)
                || self.header.title_lines.is_empty();
            let continues = if patterns::starts_lowercase(t) {
                open || !blank_between
            } else {
                open && !blank_between
                    && (word_count(t) <= 12 && !is_upper(t)
                        || dangling(last)
                        || word_count(t) <= 2 && self.lines[k].italic)
            };
            if !continues || self.is_other_part(t) {
                break;
            }
            self.header.title_lines.push(t.to_string());
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
        patterns::number_line(t).is_some()
            || patterns::date_line(t).is_some()
            || crate::text::fold(t).ends_with(", ngay")
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
            let stop = !hanging
                && ((self.is_other_part(t) && doctype::heading(t).is_none())
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
                        || patterns::starts_body(t) && (seen_mixed || !is_upper(t))
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
mod tests {
    use super::*;
    use crate::import::lines::prepare;

    fn header_of(text: &str) -> (Header, Vec<Line>) {
        let lines = prepare(text);
        (parse(&lines, 0, lines.len()), lines)
    }

    #[test]
    fn a_decision_named_under_the_issuer_is_not_the_number() {
        // A body set up by a decision prints it under its name; the
        // document's own number is the `Số:` line after it.
        let (h, _) = header_of(
            "SỞ CÔNG THƯƠNG\nĐOÀN KIỂM TRA\nTHEO QUYẾT ĐỊNH\nSỐ 1050/QĐ-SCT\n\nSố: 1105/KH-ĐKT\n\nLào Cai, ngày 10 tháng 3 năm 2026\n\nKẾ HOẠCH\nKiểm tra việc chấp hành\n\nThực hiện Quyết định số 1050/QĐ-SCT.",
        );
        assert_eq!(h.number.as_deref(), Some("1105/KH-ĐKT"));
        let (h, _) =
            header_of("BỘ Y TẾ\nSỐ 12/QĐ-BYT\nHà Nội, ngày 03 tháng 8 năm 2021\n\nNội dung.");
        assert_eq!(
            h.number.as_deref(),
            Some("12/QĐ-BYT"),
            "a number line in capitals"
        );
    }

    #[test]
    fn state_cong_van_header() {
        let (h, lines) = header_of(
            "**UBND TỈNH KIÊN GIANG\nVĂN PHÒNG**\n\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc**\n\nSố: 435/VP-KGVX\nV/v chỉ đạo thực hiện Công văn\nsố 176-CV/TU ngày 15/6/2021\ncủa Tỉnh ủy.\n\nKiên Giang, ngày 21 tháng 6 năm 2021\n\nKính gửi:\n\n- Giám đốc các sở, ban ngành cấp tỉnh;\n- Chủ tịch UBND các huyện, thành phố.\n\nỦy ban nhân dân tỉnh Kiên Giang nhận được Công văn.",
        );
        // The bold span joins the two lines; the issuer is still read as the
        // office of the province's committee (tests/import.rs, the seeds).
        assert_eq!(h.issuer_lines, ["UBND TỈNH KIÊN GIANG VĂN PHÒNG"]);
        assert_eq!(h.number.as_deref(), Some("435/VP-KGVX"));
        assert_eq!(h.place.as_deref(), Some("Kiên Giang"));
        assert_eq!(
            h.title_lines.join(" "),
            "chỉ đạo thực hiện Công văn số 176-CV/TU ngày 15/6/2021 của Tỉnh ủy."
        );
        assert_eq!(
            h.recipients,
            [
                "Giám đốc các sở, ban ngành cấp tỉnh",
                "Chủ tịch UBND các huyện, thành phố"
            ]
        );
        assert!(
            lines[h.body_start]
                .text
                .starts_with("Ủy ban nhân dân tỉnh Kiên Giang nhận được")
        );
    }

    #[test]
    fn party_thong_bao_header_with_stamp() {
        let (h, lines) = header_of(
            "**TỈNH ỦY KIÊN GIANG**\n\n\\*\n\nSố 374-TB/TU\n\nTỉnh ủy Kiên Giang\n\n01.09.2021\n\n19:28:39 +07:00\n\n**ĐẢNG CỘNG SẢN VIỆT NAM**\n\n*Kiên Giang, ngày 01 tháng 9 năm 2021*\n\n**THÔNG BÁO**\n**KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY**\n**về công tác phòng, chống dịch bệnh Covid-19 trên địa bàn tỉnh**\n\nNgày 31-8-2021, Ban Thường vụ Tỉnh ủy tổ chức cuộc họp.",
        );
        assert_eq!(h.issuer_lines, ["TỈNH ỦY KIÊN GIANG"]);
        assert_eq!(h.number.as_deref(), Some("374-TB/TU"));
        assert_eq!(h.heading_type, Some("Thông báo"));
        assert_eq!(
            h.title_lines,
            [
                "KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY",
                "về công tác phòng, chống dịch bệnh Covid-19 trên địa bàn tỉnh"
            ]
        );
        assert!(lines[h.body_start].text.starts_with("Ngày 31-8-2021"));
    }

    #[test]
    fn party_cong_van_with_plain_title_before_kinh_gui() {
        let (h, lines) = header_of(
            " TỈNH ỦY KIÊN GIANG\nĐẢNG CỘNG SẢN VIỆT NAM\n\n*\nKiên Giang, ngày 29 tháng 4 năm 2021\n\nSố 143-CV/TU\n\n\nTiếp tục tăng cường công tác phòng, \n\nchống dịch bệnh Covid-19\n\nKính gửi:\n- Các đồng chí Tỉnh ủy viên,\n\n- Các huyện, thành ủy, đảng ủy trực thuộc\nTrong thời gian gần đây, tình hình dịch bệnh Covid-19 diễn biến hết sức phức tạp và có xu hướng ngày càng gia tăng, đã bùng phát trở lại.",
        );
        assert_eq!(
            h.title_lines,
            [
                "Tiếp tục tăng cường công tác phòng,",
                "chống dịch bệnh Covid-19"
            ]
        );
        assert_eq!(
            h.recipients,
            [
                "Các đồng chí Tỉnh ủy viên",
                "Các huyện, thành ủy, đảng ủy trực thuộc"
            ]
        );
        assert!(lines[h.body_start].text.starts_with("Trong thời gian"));
    }

    #[test]
    fn quyet_dinh_header_stops_at_the_authority_formula() {
        let (h, lines) = header_of(
            "BỘ Y TẾ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\nSố: 3616/QĐ-BYT\nHà Nội, ngày 03 tháng 8 năm 2021\n\nQUYẾT ĐỊNH\nVề việc ban hành Hướng dẫn xét nghiệm\nphát hiện SARS-CoV-2\n\nBỘ TRƯỞNG BỘ Y TẾ\n\nCăn cứ Luật Khám bệnh, chữa bệnh năm 2009;",
        );
        assert_eq!(h.heading_type, Some("Quyết định"));
        assert_eq!(
            h.title_lines,
            ["ban hành Hướng dẫn xét nghiệm", "phát hiện SARS-CoV-2"]
        );
        assert_eq!(lines[h.body_start].text, "BỘ TRƯỞNG BỘ Y TẾ");
    }

    #[test]
    fn hanging_title_lines() {
        assert!(dangling(
            "THỰC HIỆN CHỈ THỊ SỐ 27/CT-TTG NGÀY 15 THÁNG 8 NĂM 2024 CỦA"
        ));
        assert!(dangling("SỬA ĐỔI QUY ĐỊNH KÈM THEO NGHỊ QUYẾT"));
        assert!(dangling("bãi bỏ Quyết định số 07/2022/QĐ-UBND"));
        assert!(dangling("thuộc thẩm quyền của Sở Tài chính,"));
        assert!(!dangling(
            "VỀ TĂNG CƯỜNG CÔNG TÁC DÂN SỐ TRONG TÌNH HÌNH MỚI"
        ));
    }

    #[test]
    fn place_wrapped_off_its_date_line() {
        let (h, _) = header_of(
            "UBND TỈNH KIÊN GIANG\nSố: 12/UBND-VX\n*V/v\nkhẩn trương hoàn thành cập nhật*\n*Thành phố Hồ Chí\nMinh, ngày 28 tháng 11 năm 2025*\n\nNội dung.",
        );
        assert_eq!(h.place.as_deref(), Some("Thành phố Hồ Chí Minh"));
        assert_eq!(h.date, NaiveDate::from_ymd_opt(2025, 11, 28));
        assert_eq!(h.title_lines, ["khẩn trương hoàn thành cập nhật"]);
        assert_eq!(h.issuer_lines, ["UBND TỈNH KIÊN GIANG"]);
    }

    #[test]
    fn date_digits_split_or_glued_to_a_footnote() {
        let (h, _) = header_of("Số: 773/QĐ-TTg\nHà Nội, ngày 26 tháng 0 6 năm 2018\n\nNội dung.");
        assert_eq!(h.date, NaiveDate::from_ymd_opt(2018, 6, 26));
        let (h, _) = header_of("Số: 12/KH-UBND\nLào Cai, ngày 15 tháng 5 năm 20264\n\nNội dung.");
        assert_eq!(h.date, NaiveDate::from_ymd_opt(2026, 5, 15));
        assert_eq!(h.place.as_deref(), Some("Lào Cai"));
    }

    #[test]
    fn a_title_in_capitals_goes_on_over_a_line_opening_like_a_body() {
        let (h, _) = header_of(
            "Số: 1617/QĐ-UBND\nQuảng Ngãi, ngày 20 tháng 11 năm 2025\nQUYẾT ĐỊNH\nVỀ VIỆC ỦY QUYỀN CHO GIÁM ĐỐC SỞ\nTHỰC HIỆN NHIỆM VỤ TRONG LĨNH VỰC\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\nCăn cứ Luật.",
        );
        assert_eq!(
            h.title_lines,
            [
                "ỦY QUYỀN CHO GIÁM ĐỐC SỞ",
                "THỰC HIỆN NHIỆM VỤ TRONG LĨNH VỰC"
            ]
        );
        let (h, _) = header_of(
            "Số: 122/2025/QĐ-UBND\nHuế, ngày 20 tháng 11 năm 2025\nQUYẾT ĐỊNH\nBÃI BỎ QUYẾT ĐỊNH SỐ 07/2022/QĐ-UBND\nNGÀY 17 THÁNG 02 NĂM 2022 CỦA ỦY BAN NHÂN DÂN TỈNH\nỦY BAN NHÂN DÂN TỈNH\nCăn cứ Luật.",
        );
        assert_eq!(h.title_lines.len(), 2, "{:?}", h.title_lines);
    }

    #[test]
    fn broken_date_line_is_joined() {
        let (h, _) = header_of(
            "Số: 12/KH-UBND\nKiên Giang, ngày 15 tháng 6\nnăm 2021\nKẾ HOẠCH\nPhòng, chống dịch\n\nNội dung.",
        );
        assert_eq!(h.date, NaiveDate::from_ymd_opt(2021, 6, 15));
        assert_eq!(h.title_lines, ["Phòng, chống dịch"]);
    }

    #[test]
    fn broken_number_is_joined() {
        let (h, _) = header_of(
            "UBND TỈNH KIÊN GIANG\nSố: 1507/UBND-\nTH\nKiên Giang, ngày 11 tháng 9 năm 2021\nV/v triển khai\n\nNội dung.",
        );
        assert_eq!(h.number.as_deref(), Some("1507/UBND-TH"));
    }
}

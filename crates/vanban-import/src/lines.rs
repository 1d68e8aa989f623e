//! The converted text as a list of lines, each in two forms: `raw` keeps the
//! Markdown emphasis for the body, `text` drops it for recognising the
//! header and the signature. Page furniture (gazette page headers, page
//! numbers) is removed here, and a header flattened onto one line is cut
//! back into its parts.

use super::{layout, patterns};
use regex::Regex;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    /// The line as converted, trimmed.
    pub raw: String,
    /// Without emphasis markers or escapes, trimmed.
    pub text: String,
    /// Inside (or wrapped in) an italic span.
    pub italic: bool,
    /// Part of a digital-signature stamp.
    pub stamp: bool,
}

impl Line {
    fn new(raw: &str) -> Line {
        Line {
            raw: raw.trim().to_string(),
            text: strip_markup(raw.trim()),
            italic: false,
            stamp: false,
        }
    }

    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// Removes `*` and `_` emphasis and the Markdown `\` escapes of the
/// converter (`\*`, `\-`, `1\.`).
pub fn strip_markup(raw: &str) -> String {
    let mut unescaped = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('\\', Some('*')) => {
                chars.next();
                unescaped.push('\u{E000}');
            }
            ('\\', Some('_')) => {
                chars.next();
                unescaped.push('\u{E001}');
            }
            ('\\', Some(&p)) if p.is_ascii_punctuation() => {}
            // Pandoc's hard line break: a backslash ending the line.
            ('\\', None) => {}
            (c, _) => unescaped.push(c),
        }
    }
    let mut text: String = unescaped.chars().filter(|&c| c != '*').collect();
    let trimmed = text.trim();
    if trimmed.starts_with("__") && trimmed.ends_with("__") && trimmed.len() > 4 {
        text = trimmed[2..trimmed.len() - 2].to_string();
    }
    let text = text.replace('\u{E000}', "*").replace('\u{E001}', "_");
    // A Markdown heading's "## " is layout, not text.
    let text = text.trim();
    let hashes = text.chars().take_while(|&c| c == '#').count();
    let text = match text[hashes..].strip_prefix(' ') {
        Some(rest) if (1..=6).contains(&hashes) => rest,
        _ => text,
    };
    collapse_spaces(text.trim())
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `ư` and `Ư` for the letters `ƣ`/`Ƣ` (U+01A3/U+01A2, "oi"), which
/// Vietnamese never uses: PDF fonts made for Vietnamese often map `ư` to
/// them, so text extracted from such a PDF reads `Thƣơng` for `Thương`.
fn repair_letter(c: char) -> char {
    match c {
        'ƣ' => 'ư',
        'Ƣ' => 'Ư',
        c => c,
    }
}

/// Normalises the text (NFC, line ends, odd spaces, letters of broken PDF
/// fonts) and cuts it into lines,
/// without page furniture.
pub fn prepare(text: &str) -> Vec<Line> {
    let text: String = text
        .trim_start_matches('\u{FEFF}')
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .map(repair_letter)
        .nfc()
        .filter(|&c| !is_invisible(c))
        .map(|c| match c {
            '\u{2028}' | '\u{2029}' => '\n',
            c if c.is_whitespace() && c != '\n' => ' ',
            c => c,
        })
        .collect();
    let mut lines: Vec<Line> = Vec::new();
    let raws: Vec<&str> = text.split('\n').collect();
    let mut k = 0;
    while k < raws.len() {
        // A table of the document's own (not a header's or a signature's
        // layout) stays whole: the body keeps it as a table.
        let rows = raws[k..]
            .iter()
            .take_while(|r| layout::is_table_line(r))
            .count();
        if rows > 1
            && layout::is_markdown_table(&raws[k..k + rows])
            && !layout::is_layout_table(&raws[k..k + rows])
        {
            lines.extend(raws[k..k + rows].iter().map(|r| Line::new(r)));
            k += rows;
            continue;
        }
        let end = k + rows.max(1);
        for raw in &raws[k..end] {
            for cell in layout::pieces(raw) {
                for piece in split_flattened(&cell) {
                    lines.push(Line::new(&piece));
                }
            }
        }
        k = end;
    }
    join_broken_mottos(&mut lines);
    join_wrapped_bold(&mut lines);
    drop_page_furniture(&mut lines);
    mark_italics(&mut lines);
    mark_stamps(&mut lines);
    lines
}

/// Format characters that print nothing: the soft hyphen, zero-width
/// spaces and joiners, direction marks, the word joiner, the byte-order
/// mark.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
    )
}

/// A motto a narrow column broke over two lines is one line again.
fn join_broken_mottos(lines: &mut [Line]) {
    for i in 0..lines.len() {
        let Some(j) = (i + 1..lines.len()).find(|&j| !lines[j].is_blank()) else {
            return;
        };
        if let Some(joined) = layout::joined_motto(&lines[i].text, &lines[j].text) {
            let raw = format!("{} {}", lines[i].raw, lines[j].raw);
            lines[i] = Line {
                raw,
                text: joined,
                italic: false,
                stamp: false,
            };
            lines[j] = Line::new("");
        }
    }
}

/// A web page wraps its text at a fixed width: a name printed in bold
/// capitals goes on over the next line while its bold span is open
/// (`**THỦ TƯỚNG CHÍNH` / `PHỦ**`). Such lines are one line again.
fn join_wrapped_bold(lines: &mut [Line]) {
    let mut i = 0;
    while i + 1 < lines.len() {
        let (a, b) = (&lines[i], &lines[i + 1]);
        let open = a.raw.starts_with("**") && a.raw.matches("**").count() % 2 == 1;
        let short = |l: &Line| patterns::word_count(&l.text) <= 8;
        if wrapped_word(a, b)
            || open
                && !b.is_blank()
                && b.raw.contains("**")
                && patterns::is_upper(&a.text)
                && patterns::is_upper(&b.text)
                && short(a)
                && short(b)
                && !patterns::is_motto(&a.text)
                && !patterns::is_motto(&b.text)
        {
            let joined = Line {
                raw: format!("{} {}", a.raw, b.raw),
                text: format!("{} {}", a.text, b.text),
                italic: false,
                stamp: false,
            };
            lines[i] = joined;
            lines[i + 1] = Line::default();
            i += 2;
        } else {
            i += 1;
        }
    }
}

/// A span opened on a line of one or two words and closed on the next:
/// the converter wrapped a word off a name or a place ("*Hà" / "Nội, ngày
/// 21 tháng 11 năm 2025*", "**Phan" / "Thị Thắng**").
fn wrapped_word(a: &Line, b: &Line) -> bool {
    let marker = if a.raw.starts_with("**") {
        "**"
    } else if a.raw.starts_with('*') {
        "*"
    } else {
        return false;
    };
    let odd = |l: &Line| {
        let n = if marker == "*" {
            l.raw.replace("**", "").matches('*').count()
        } else {
            l.raw.matches("**").count()
        };
        n % 2 == 1
    };
    let words = patterns::word_count(&a.text);
    (1..=2).contains(&words)
        && odd(a)
        && !b.is_blank()
        && odd(b)
        && !b.raw.starts_with(marker)
        && !a.text.ends_with([':', '.', ';', ','])
        && !patterns::is_dash_item(&b.text)
        && patterns::first_letter(&a.text).is_some_and(char::is_uppercase)
}

/// Removes gazette page headers and lines holding only a page number
/// (leaving a blank line), unless the number is part of a broken number.
fn drop_page_furniture(lines: &mut [Line]) {
    for i in 0..lines.len() {
        let t = &lines[i].text;
        let furniture = patterns::is_gazette_header(t)
            || (patterns::is_page_number(t) && !continues_number(lines, i));
        if furniture {
            lines[i] = Line::new("");
        }
    }
}

fn continues_number(lines: &[Line], i: usize) -> bool {
    let previous = lines[..i].iter().rev().find(|l| !l.is_blank());
    let next = lines[i + 1..].iter().find(|l| !l.is_blank());
    previous.is_some_and(|l| {
        let t = l.text.trim_end();
        t.ends_with("Số") || t.ends_with("Số:") || t.ends_with('/') || t.ends_with('-')
    }) || next.is_some_and(|l| l.text.starts_with('/'))
}

/// Marks the lines of an italic span (`*...*` across lines): the trích yếu
/// of a Party Công văn is printed that way under its number.
fn mark_italics(lines: &mut [Line]) {
    let mut open = false;
    for line in lines.iter_mut() {
        let raw = line.raw.replace("\\*", "").replace("**", "");
        if raw.is_empty() {
            continue;
        }
        let starts = raw.starts_with('*');
        let ends = raw.ends_with('*') && raw.len() > 1;
        if open {
            line.italic = true;
            if ends {
                open = false;
            }
        } else if starts {
            line.italic = true;
            open = !ends;
        }
    }
}

/// Marks the lines of digital-signature stamps: the time line, the dotted
/// date and the short signer line just above them.
fn mark_stamps(lines: &mut [Line]) {
    let non_blank: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();
    for (k, &i) in non_blank.iter().enumerate() {
        let text = &lines[i].text;
        if patterns::is_stamp_label(text) {
            lines[i].stamp = true;
            continue;
        }
        if !patterns::is_timestamp(text) && !patterns::is_dotted_date(text) {
            continue;
        }
        lines[i].stamp = true;
        // Above the time: the dotted date, and above it the signing body's
        // name (never a person's: that is the signature's own line).
        let mut back = k;
        while back > 0 {
            back -= 1;
            let j = non_blank[back];
            let t = &lines[j].text;
            if patterns::is_dotted_date(t) || patterns::is_timestamp(t) {
                lines[j].stamp = true;
                continue;
            }
            let body_name = patterns::word_count(t) <= 8
                && !patterns::ends_sentence(t)
                && !patterns::is_upper(t)
                && !patterns::is_name(t)
                && !t.contains([',', '(', ')'])
                && super::numbers::number_line(t).is_none();
            if body_name {
                lines[j].stamp = true;
            }
            break;
        }
    }
}

static CUTS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        r"CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        r"(?i)Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc",
        r"ĐẢNG CỘNG SẢN VIỆT NAM",
        r"\bS[ốỐ]\s*:?\s*\d+\s*[/\-]",
        r"[\p{Lu}][\p{L}.]*(?:\s+[\p{Lu}][\p{L}.]*){0,4}\s*,\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}",
        r"\bV/[vV]\b",
        r"Kính gửi",
    ]
    .iter()
    .map(|p| Regex::new(p).expect("valid header pattern"))
    .collect()
});

/// Cuts a header flattened onto one line back into its parts: the issuer,
/// the motto, the number, the date line, the subject. A line is cut only
/// when it holds at least two of these landmarks, one of them being the
/// motto, the number or the subject.
fn split_flattened(raw: &str) -> Vec<String> {
    let text = raw.trim();
    let mut starts: Vec<(usize, usize)> = Vec::new();
    let mut kinds = 0;
    let mut strong = false;
    for (kind, re) in CUTS.iter().enumerate() {
        let mut found = false;
        for m in re.find_iter(text) {
            let start = if kind == 4 {
                place_start(text, m.start(), m.end())
            } else {
                m.start()
            };
            starts.push((start, m.end()));
            found = true;
        }
        if found {
            kinds += 1;
            strong |= matches!(kind, 0..=3 | 5);
        }
    }
    // The motto beside other text is always a column of its own.
    let motto_beside_text = starts.iter().any(|&(start, end)| {
        let matched = strip_markup(&text[start..end]);
        patterns::is_motto(&matched) && strip_markup(text).len() > matched.len()
    });
    if !(kinds >= 2 && strong || motto_beside_text) {
        return vec![raw.to_string()];
    }
    let mut cuts: Vec<usize> = Vec::new();
    for &(start, end) in &starts {
        cuts.push(start);
        // The motto and the date line end where their match ends; the
        // number ends with its last segment.
        let matched = &text[start..end];
        if patterns::is_motto(&strip_markup(matched)) || patterns::date_line(matched).is_some() {
            cuts.push(end);
        } else if let Some(n) = super::numbers::number_line(&text[start..]) {
            let rest_len = n.rest.len();
            cuts.push(text.len() - rest_len);
        }
    }
    cuts.push(0);
    cuts.push(text.len());
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| text[w[0]..w[1]].trim().to_string())
        .filter(|s| !strip_markup(s).is_empty())
        .collect()
}

/// Where the place of a date line really starts: upper-case words glued in
/// front of a mixed-case place ("KGVX Kiên Giang") belong to the column
/// beside it.
fn place_start(text: &str, start: usize, end: usize) -> usize {
    let matched = &text[start..end];
    let place = matched.split(',').next().unwrap_or("");
    let words: Vec<(usize, &str)> = place
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    let mixed_later = |k: usize| words[k..].iter().any(|(_, w)| !patterns::is_upper(w));
    let mut k = 0;
    while k + 1 < words.len() && patterns::is_upper(words[k].1) && mixed_later(k + 1) {
        k += 1;
    }
    words.get(k).map_or(start, |(offset, _)| *offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line]) -> Vec<&str> {
        lines
            .iter()
            .map(|l| l.text.as_str())
            .filter(|t| !t.is_empty())
            .collect()
    }

    #[test]
    fn markup_is_removed_for_recognition_only() {
        // A bold span over two lines of capitals is one line to recognition
        // (a web page wraps names so); the signature reads it whole.
        let lines = prepare("**KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH**\n\\*");
        assert_eq!(texts(&lines), ["KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "*"]);
        assert!(lines[0].raw.starts_with("**KT. CHỦ TỊCH"));
    }

    #[test]
    fn the_letters_of_broken_pdf_fonts_are_read_as_u_horn() {
        // `ƣ` with a combining tone mark composes with it once repaired.
        let lines = prepare("SỞ CÔNG THƢƠNG\nHƣớng dẫn về cụm công nghiệp, nhƣ trên, ƣ\u{301}ng");
        assert_eq!(
            texts(&lines),
            [
                "SỞ CÔNG THƯƠNG",
                "Hướng dẫn về cụm công nghiệp, như trên, ứng"
            ]
        );
        assert_eq!(lines[0].raw, "SỞ CÔNG THƯƠNG");
    }

    #[test]
    fn markdown_escapes_are_undone_for_recognition() {
        assert_eq!(strip_markup("\\- Như trên;"), "- Như trên;");
        assert_eq!(strip_markup("1\\. Tổ chức"), "1. Tổ chức");
    }

    #[test]
    fn italic_spans_cover_their_middle_lines() {
        let lines = prepare("*Tăng cường,\nchống dịch và\nphát triển*\nSau");
        assert_eq!(
            lines.iter().map(|l| l.italic).collect::<Vec<_>>(),
            [true, true, true, false]
        );
    }

    #[test]
    fn page_furniture_is_dropped() {
        let lines = prepare("công tác\nCÔNG BÁO/Số 302/Ngày 02-06-2026\n12\nphòng, chống");
        assert_eq!(texts(&lines), ["công tác", "phòng, chống"]);
    }

    #[test]
    fn flattened_header_is_cut_into_parts() {
        let lines = prepare(
            "UBND TỈNH KIÊN GIANG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM VĂN PHÒNG Độc lập - Tự do - Hạnh phúc Số: 435/VP-KGVX Kiên Giang, ngày 21 tháng 6 năm 2021 V/v chỉ đạo thực hiện",
        );
        assert_eq!(
            texts(&lines),
            [
                "UBND TỈNH KIÊN GIANG",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "VĂN PHÒNG",
                "Độc lập - Tự do - Hạnh phúc",
                "Số: 435/VP-KGVX",
                "Kiên Giang, ngày 21 tháng 6 năm 2021",
                "V/v chỉ đạo thực hiện"
            ]
        );
    }

    #[test]
    fn stamp_lines_are_marked() {
        let lines = prepare(
            "Số 374-TB/TU\n\nTỉnh ủy Kiên Giang\n\n01.09.2021\n\n19:28:39 +07:00\n\nĐẢNG CỘNG SẢN VIỆT NAM",
        );
        let stamped: Vec<&str> = lines
            .iter()
            .filter(|l| l.stamp)
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(
            stamped,
            ["Tỉnh ủy Kiên Giang", "01.09.2021", "19:28:39 +07:00"]
        );
    }
}

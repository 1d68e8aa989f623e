//! The closing block: "Nơi nhận" with its list, and the signature block
//! (authority, position, name or "(Đã ký)"). Converters print the two
//! columns one after the other, interleaved line by line, or side by side
//! on one line; the lines of the signature may come in any order.

use super::casing::{BodyCasing, Prefer, capitalize_first, recase, title_case};
use super::lines::Line;
use super::patterns::{self, is_upper, word_count};
use crate::document::Signer;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// One recognised piece of a closing line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    NoiNhan,
    Item(String),
    Authority(String, String),
    Position(String),
    Name(String),
    /// A name printed in capitals: taken only under a position.
    UpperName(String),
    Signed,
    Stamp,
}

/// The closing block of a document.
#[derive(Debug, Clone, Default)]
pub struct Closing {
    /// The lines of the block; empty when there is none.
    pub range: Range<usize>,
    pub pieces: Vec<Piece>,
}

impl Closing {
    pub fn distribution(&self) -> Vec<String> {
        self.pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Item(s) if !s.is_empty() => Some(s.clone()),
                _ => None,
            })
            .collect()
    }

    /// The signers in signing order, their offices in normal casing.
    pub fn signers(&self, body: &BodyCasing) -> Vec<Signer> {
        let mut slots: Vec<Signer> = Vec::new();
        let mut last_prefix: Option<String> = None;
        let mut names: Vec<Option<String>> = Vec::new();
        for piece in &self.pieces {
            match piece {
                Piece::Authority(prefix, rest) => {
                    let written = format!(
                        "{prefix} {}",
                        capitalize_first(&recase(rest, Some(body), Prefer::Lexicon))
                    );
                    let merge = slots
                        .last()
                        .is_some_and(|s| s.position.is_none() && s.name.is_none())
                        && last_prefix.as_ref().is_some_and(|p| p != prefix);
                    if merge && let Some(slot) = slots.last_mut() {
                        let first = slot.authority.take().unwrap_or_default();
                        slot.authority = Some(format!("{first}, {written}"));
                    } else if let Some(slot) = slots.iter_mut().find(|s| s.authority.is_none()) {
                        slot.authority = Some(written);
                    } else {
                        slots.push(Signer {
                            name: None,
                            position: None,
                            authority: Some(written),
                        });
                    }
                    last_prefix = Some(prefix.clone());
                }
                Piece::Position(text) => {
                    let written = capitalize_first(&recase(text, Some(body), Prefer::Lexicon));
                    match slots.iter_mut().find(|s| s.position.is_none()) {
                        Some(slot) => slot.position = Some(written),
                        None => slots.push(Signer {
                            name: None,
                            position: Some(written),
                            authority: None,
                        }),
                    }
                }
                Piece::Name(name) | Piece::UpperName(name) => {
                    // "(Đã ký)" followed by the name is one signature.
                    if names.last() == Some(&None) {
                        names.pop();
                    }
                    names.push(Some(name.clone()));
                }
                Piece::Signed => names.push(None),
                _ => {}
            }
        }
        for (k, name) in names.into_iter().enumerate() {
            match slots.get_mut(k) {
                Some(slot) => slot.name = name,
                None if name.is_some() => slots.push(Signer {
                    name,
                    position: None,
                    authority: None,
                }),
                None => {}
            }
        }
        slots
    }
}

static ROLE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(.*?[;,.:])\s+((?:T/M|TM\.|KT\.|K/T|TL\.|T/L|TUQ\.)?\s*[\p{Lu}][\p{Lu}\s./]+(?:\s+[\p{Lu}][\p{Ll}]+)*)$",
    )
        .expect("valid pattern")
});
static NAME_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(.*?[;,.])\s+([\p{Lu}][\p{Ll}]+(?:\s+[\p{Lu}][\p{Ll}]+){1,5})$")
        .expect("valid pattern")
});

/// The pieces of one line of the closing block.
pub fn pieces(line: &Line) -> Vec<Piece> {
    let text = line.text.as_str();
    if text.is_empty() {
        return Vec::new();
    }
    if line.stamp || patterns::is_timestamp(text) || patterns::is_dotted_date(text) {
        return vec![Piece::Stamp];
    }
    if let Some(rest) = patterns::noi_nhan(text) {
        let mut out = vec![Piece::NoiNhan];
        for item in patterns::inline_items(rest) {
            out.extend(column_pieces(item));
        }
        return out;
    }
    if patterns::is_dash_item(text) {
        return patterns::inline_items(text)
            .into_iter()
            .flat_map(column_pieces)
            .collect();
    }
    column_pieces(text)
}

fn column_pieces(text: &str) -> Vec<Piece> {
    if let Some((prefix, rest)) = patterns::authority_line(text) {
        return authority_pieces(prefix, &rest);
    }
    if patterns::is_position(text) {
        return vec![Piece::Position(text.to_string())];
    }
    if let Some((office, name)) = office_then_name(text) {
        let mut out = column_pieces(office);
        if !out.is_empty() {
            out.push(Piece::Name(name.to_string()));
            return out;
        }
    }
    if patterns::is_signed_marker(text) {
        return vec![Piece::Signed];
    }
    if patterns::is_name(text) {
        return vec![Piece::Name(text.to_string())];
    }
    if patterns::is_dash_item(text) || word_count(text) <= 15 {
        // A list item, perhaps with the signature column beside it.
        if let Some(c) = ROLE_TAIL.captures(text) {
            let tail = column_pieces(c[2].trim());
            if matches!(
                tail.first(),
                Some(Piece::Authority(..) | Piece::Position(_))
            ) {
                let mut out = vec![Piece::Item(patterns::list_item(&c[1]))];
                out.extend(tail);
                return out;
            }
        }
        if let Some(c) = NAME_TAIL.captures(text)
            && patterns::is_name(&c[2])
            && !names_a_body(&c[2])
        {
            return vec![
                Piece::Item(patterns::list_item(&c[1])),
                Piece::Name(c[2].to_string()),
            ];
        }
        if patterns::is_dash_item(text) {
            return vec![Piece::Item(patterns::list_item(text))];
        }
    }
    // An upper-case name under a position.
    if is_upper(text)
        && (2..=5).contains(&word_count(text))
        && !text.contains(['.', ',', ':'])
        && !patterns::is_motto(text)
        && !names_a_body(text)
    {
        return vec![Piece::UpperName(title_case(text))];
    }
    Vec::new()
}

static NEXT_AUTHORITY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s(?:KT|TL|TUQ|K/T|T/L)\.?\s").expect("valid pattern"));

/// Standalone positions that can end a collective's authority line
/// flattened with the position ("TM. ỦY BAN NHÂN DÂN CHỦ TỊCH").
const HEAD_POSITIONS: &[&str] = &[
    "CHỦ TỊCH",
    "BÍ THƯ",
    "THỦ TƯỚNG",
    "BỘ TRƯỞNG",
    "GIÁM ĐỐC",
    "CHÁNH VĂN PHÒNG",
    "TRƯỞNG BAN",
];

/// An authority line, cut where a second authority or the position was
/// flattened onto it: "KT. CHỦ TỊCH PHÓ CHỦ TỊCH".
fn authority_pieces(prefix: String, rest: &str) -> Vec<Piece> {
    if let Some(m) = NEXT_AUTHORITY.find(rest) {
        let mut out = vec![Piece::Authority(
            prefix,
            rest[..m.start()].trim().to_string(),
        )];
        out.extend(column_pieces(rest[m.start()..].trim()));
        return out;
    }
    let words: Vec<&str> = rest.split_whitespace().collect();
    for k in 1..words.len() {
        let tail = words[k..].join(" ");
        let collective = prefix.starts_with('T') && prefix.contains('M');
        let deputy = matches!(words[k], "PHÓ" | "THỨ");
        if deputy || collective && HEAD_POSITIONS.contains(&tail.as_str()) {
            return vec![
                Piece::Authority(prefix, words[..k].join(" ")),
                Piece::Position(tail),
            ];
        }
    }
    vec![Piece::Authority(prefix, rest.to_string())]
}

/// "PHÓ CHỦ TỊCH Nguyễn Đức Chín": an office in capitals, then the name.
fn office_then_name(text: &str) -> Option<(&str, &str)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let k = words.iter().position(|w| !is_upper(w))?;
    let name_start = text.find(words[k])?;
    let (office, name) = text.split_at(name_start);
    (k > 0 && patterns::is_name(name.trim())).then(|| (office.trim(), name.trim()))
}

/// Words that make an upper-case line a body's name, not a person's.
fn names_a_body(text: &str) -> bool {
    let folded = crate::text::fold(text);
    folded.split_whitespace().any(|w| {
        matches!(
            w,
            "uy" | "ban"
                | "bo"
                | "so"
                | "tinh"
                | "huyen"
                | "ubnd"
                | "hdnd"
                | "dang"
                | "phu"
                | "cuc"
        )
    })
}

/// A signature line; a name in capitals counts only where a signature is
/// already known to be (at the very end).
fn is_signature(piece: &Piece, upper_name: bool) -> bool {
    match piece {
        Piece::UpperName(_) => upper_name,
        p => matches!(
            p,
            Piece::Authority(..)
                | Piece::Position(_)
                | Piece::Name(_)
                | Piece::Signed
                | Piece::Stamp
        ),
    }
}

/// Finds the closing block in `lines[from..to]`; `skip` marks lines that
/// belong elsewhere (footnote definitions).
pub fn find(lines: &[Line], from: usize, to: usize, skip: &dyn Fn(usize) -> bool) -> Closing {
    let line_pieces: Vec<Vec<Piece>> = (0..to)
        .map(|i| {
            if i < from || skip(i) {
                Vec::new()
            } else {
                pieces(&lines[i])
            }
        })
        .collect();
    let anchor = (from..to).find(|&i| {
        !skip(i)
            && matches!(
                line_pieces[i].first(),
                Some(Piece::NoiNhan) | Some(Piece::Authority(..))
            )
    });
    let start = match anchor {
        Some(a) => extend_back(lines, &line_pieces, from, a),
        None => match signature_at_end(lines, &line_pieces, from, to, skip) {
            Some(s) => s,
            None => {
                return Closing {
                    range: to..to,
                    pieces: Vec::new(),
                };
            }
        },
    };
    let mut end = start;
    let mut in_list = false;
    let mut collected = Vec::new();
    let mut i = start;
    while i < to {
        if skip(i) || lines[i].is_blank() || patterns::is_decoration(&lines[i].text) {
            i += 1;
            continue;
        }
        let ps = &line_pieces[i];
        let text = &lines[i].text;
        if in_list && patterns::is_typist_mark(text) {
            // The typist's initials belong to the list, never to the
            // signers or the body.
            match collected.iter_mut().rev().find_map(|p| match p {
                Piece::Item(s) if crate::text::fold(s).starts_with("luu") => Some(s),
                _ => None,
            }) {
                Some(s) => {
                    s.push(' ');
                    s.push_str(text);
                }
                None => collected.push(Piece::Item(text.clone())),
            }
            i += 1;
            end = i;
            continue;
        }
        if ps.is_empty() {
            // A list item without a dash, or one wrapped onto a new line.
            let open_item = matches!(collected.last(), Some(Piece::Item(s)) if !patterns::ends_sentence(s) && !s.is_empty());
            if in_list && patterns::starts_lowercase(text) && open_item {
                if let Some(Piece::Item(s)) = collected.last_mut() {
                    s.push(' ');
                    s.push_str(&patterns::list_item(text));
                }
            } else if in_list
                && word_count(text) <= 15
                && !collected
                    .iter()
                    .any(|p| matches!(p, Piece::Name(_) | Piece::UpperName(_)))
            {
                collected.push(Piece::Item(patterns::list_item(text)));
            } else {
                break;
            }
        } else {
            // "KT. TRƯỞNG BAN BAN CHÍNH SÁCH," / "THUẾ QUỐC TẾ": the office
            // goes on over the next line; it is no name.
            let previous = (start..i)
                .rev()
                .map(|j| lines[j].text.as_str())
                .find(|t| !t.is_empty());
            if matches!(ps.as_slice(), [Piece::UpperName(_)])
                && previous.is_some_and(|t| t.ends_with([',', '-', '&']))
            {
                i += 1;
                end = i;
                continue;
            }
            if let [Piece::UpperName(_)] = ps.as_slice() {
                let has_office = collected
                    .iter()
                    .any(|p| matches!(p, Piece::Position(_) | Piece::Authority(..)));
                let has_name = collected
                    .iter()
                    .any(|p| matches!(p, Piece::Name(_) | Piece::UpperName(_)));
                if !has_office || has_name {
                    break;
                }
            }
            if ps.contains(&Piece::NoiNhan) {
                in_list = true;
            }
            collected.extend(ps.iter().cloned());
        }
        i += 1;
        end = i;
    }
    Closing {
        range: start..end,
        pieces: collected,
    }
}

/// Moves the start of the block back over signature lines printed before
/// the anchor (the signature column converted first, names out of order).
fn extend_back(lines: &[Line], pieces: &[Vec<Piece>], from: usize, anchor: usize) -> usize {
    let mut start = anchor;
    let mut i = anchor;
    while i > from {
        i -= 1;
        if lines[i].is_blank() || patterns::is_decoration(&lines[i].text) {
            continue;
        }
        if pieces[i].len() == 1 && is_signature(&pieces[i][0], false) {
            start = i;
        } else {
            break;
        }
    }
    start
}

/// Without "Nơi nhận" or an authority line: a position followed by a name
/// (or "(Đã ký)") at the very end.
fn signature_at_end(
    lines: &[Line],
    pieces: &[Vec<Piece>],
    from: usize,
    to: usize,
    skip: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let mut start = None;
    let mut has_position = false;
    let mut i = to;
    while i > from {
        i -= 1;
        if skip(i) || lines[i].is_blank() || patterns::is_decoration(&lines[i].text) {
            continue;
        }
        match pieces[i].as_slice() {
            [p] if is_signature(p, true) => {
                has_position |= matches!(p, Piece::Position(_) | Piece::Authority(..));
                start = Some(i);
            }
            _ => break,
        }
    }
    start.filter(|_| has_position)
}

#[cfg(test)]
#[path = "closing_tests.rs"]
mod tests;

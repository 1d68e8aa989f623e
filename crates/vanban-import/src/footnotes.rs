//! Footnotes: superscript markers (¹ ² ³) in the text become Markdown
//! footnote references `[^1]`, and the lines that start with a superscript
//! number (printed at the foot of a page) become the definitions
//! `[^1]: ...` at the end of the body.

use super::patterns::superscript_value;
use std::collections::BTreeSet;

/// A footnote definition line: its number and text.
pub fn definition(text: &str) -> Option<(u32, String)> {
    let t = text.trim_start();
    let digits: String = t
        .chars()
        .take_while(|&c| superscript_value(c).is_some())
        .collect();
    if digits.is_empty() {
        return None;
    }
    let rest = t[digits.len()..].trim();
    if rest.is_empty() {
        return None;
    }
    Some((superscript_number(&digits)?, rest.to_string()))
}

fn superscript_number(digits: &str) -> Option<u32> {
    digits
        .chars()
        .try_fold(0u32, |n, c| Some(n * 10 + superscript_value(c)?))
}

/// Units written with a superscript: not footnote markers.
fn is_unit_before(before: &str) -> bool {
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .chars()
        .rev()
        .collect();
    matches!(word.as_str(), "m" | "km" | "cm" | "dm" | "mm" | "ha")
}

/// Replaces superscript markers whose number has a definition.
pub fn link_markers(paragraph: &str, defined: &BTreeSet<u32>) -> String {
    let mut out = String::with_capacity(paragraph.len() + 8);
    let mut chars = paragraph.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if superscript_value(c).is_none() || i == 0 || paragraph[..i].ends_with(' ') {
            out.push(c);
            continue;
        }
        let mut digits = String::from(c);
        while let Some(&(_, next)) = chars.peek() {
            if superscript_value(next).is_none() {
                break;
            }
            digits.push(next);
            chars.next();
        }
        match superscript_number(&digits) {
            Some(n) if defined.contains(&n) && !is_unit_before(&paragraph[..i]) => {
                out.push_str(&format!("[^{n}]"));
            }
            _ => out.push_str(&digits),
        }
    }
    out
}

/// The Markdown definition of a footnote.
pub fn render_definition(number: u32, text: &str) -> String {
    format!("[^{number}]: {text}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definitions_start_with_a_superscript_number() {
        assert_eq!(
            definition("¹ Nghị Quyết được đăng trên Cổng thông tin."),
            Some((1, "Nghị Quyết được đăng trên Cổng thông tin.".into()))
        );
        assert_eq!(definition("¹²Mười hai"), Some((12, "Mười hai".into())));
        assert_eq!(definition("Không phải"), None);
    }

    #[test]
    fn markers_become_references_only_when_defined() {
        let defined: BTreeSet<u32> = [1, 2].into_iter().collect();
        assert_eq!(
            link_markers("tháng 08 năm 2021¹. Sau", &defined),
            "tháng 08 năm 2021[^1]. Sau"
        );
        assert_eq!(
            link_markers("diện tích 200 m² và 2021²", &defined),
            "diện tích 200 m² và 2021[^2]"
        );
        assert_eq!(link_markers("chưa có³", &defined), "chưa có³");
    }
}

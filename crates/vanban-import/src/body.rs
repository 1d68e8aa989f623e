//! The body as Markdown paragraphs: each converted line is a paragraph,
//! except that a line broken in mid-sentence is joined to the next, and
//! the characters Markdown would take for markup at a paragraph's start
//! are escaped. Emphasis printed in the original (`**...**`) is kept.

use super::lines::Line;
use super::patterns::{self, ends_sentence, is_structural, is_upper, starts_lowercase};

/// The paragraphs of the body lines, in order.
pub fn paragraphs<'a>(lines: impl IntoIterator<Item = &'a Line>) -> Vec<String> {
    let mut out: Vec<(String, String)> = Vec::new(); // (markdown, plain text)
    let mut blank_before = false;
    for line in lines {
        if line.is_blank() || patterns::is_decoration(&line.text) || line.stamp {
            blank_before = true;
            continue;
        }
        // The rows of a pipe table stay together.
        let table_row = line.raw.starts_with('|')
            && !blank_before
            && out.last().is_some_and(|(md, _)| md.starts_with('|'));
        if table_row && let Some((md, plain)) = out.last_mut() {
            md.push('\n');
            md.push_str(&line.raw);
            plain.push('\n');
            plain.push_str(&line.text);
            continue;
        }
        let joins = out
            .last()
            .is_some_and(|(_, prev)| continues(prev, &line.text, blank_before));
        if joins && let Some((md, plain)) = out.last_mut() {
            let glue = if md.ends_with('-') && !md.ends_with(" -") {
                ""
            } else {
                " "
            };
            md.push_str(glue);
            md.push_str(&line.raw);
            plain.push_str(glue);
            plain.push_str(&line.text);
        } else {
            out.push((escape_start(&line.raw), line.text.clone()));
        }
        blank_before = false;
    }
    out.into_iter().map(|(md, _)| md).collect()
}

/// Whether `next` continues the sentence `prev` left open.
fn continues(prev: &str, next: &str, blank_between: bool) -> bool {
    if ends_sentence(prev) || is_structural(next) || is_upper(next) {
        return false;
    }
    let open_end = prev
        .chars()
        .last()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | '-'));
    if !open_end {
        return false;
    }
    if starts_lowercase(next) {
        return true;
    }
    // A hard-wrapped line (from a PDF) ends in mid-sentence before a name.
    let length = prev.chars().count();
    !blank_between
        && length >= 65
        && (length >= 80 || !is_structural(prev))
        && !is_upper(prev)
        && !is_heading(prev)
}

/// "Điều 5. Hiệu lực thi hành", "Mục 2. ...": a heading has no full stop.
fn is_heading(text: &str) -> bool {
    let folded = crate::text::fold(text);
    ["dieu ", "chuong ", "muc ", "phan "]
        .iter()
        .any(|h| folded.starts_with(h))
}

/// Escapes what CommonMark would read as a heading, a quote or a rule at
/// the start of a paragraph.
fn escape_start(raw: &str) -> String {
    if raw.starts_with('#') || raw.starts_with('>') {
        format!("\\{raw}")
    } else {
        raw.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::prepare;

    fn paras(text: &str) -> Vec<String> {
        paragraphs(&prepare(text))
    }

    #[test]
    fn each_line_is_a_paragraph() {
        assert_eq!(
            paras("Câu một.\nCâu hai.\n\n1. Điểm một."),
            ["Câu một.", "Câu hai.", "1. Điểm một."]
        );
    }

    #[test]
    fn a_sentence_broken_across_lines_is_joined() {
        assert_eq!(
            paras("do đó yêu\n\ncầu các cấp ủy thực hiện."),
            ["do đó yêu cầu các cấp ủy thực hiện."]
        );
        assert_eq!(
            paras(
                "Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, tổ chức đảng, chính quyền phối hợp với\nBộ Y tế thực hiện."
            ),
            [
                "Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, tổ chức đảng, chính quyền phối hợp với Bộ Y tế thực hiện."
            ]
        );
    }

    #[test]
    fn headings_and_points_are_not_joined() {
        assert_eq!(
            paras("Điều 1. Phạm vi điều chỉnh\nNghị định này quy định."),
            ["Điều 1. Phạm vi điều chỉnh", "Nghị định này quy định."]
        );
        assert_eq!(
            paras("Chương I\nQUY ĐỊNH CHUNG"),
            ["Chương I", "QUY ĐỊNH CHUNG"]
        );
    }

    #[test]
    fn table_rows_stay_together() {
        assert_eq!(
            paras("Bảng sau:\n| STT | Nội dung |\n|---|---|\n| 1 | Tiêm vắc xin |"),
            [
                "Bảng sau:",
                "| STT | Nội dung |\n|---|---|\n| 1 | Tiêm vắc xin |"
            ]
        );
    }

    #[test]
    fn emphasis_is_kept_and_markup_starts_escaped() {
        assert_eq!(
            paras("**Quán triệt phương châm.** Khẩn trương."),
            ["**Quán triệt phương châm.** Khẩn trương."]
        );
        assert_eq!(paras("# không phải tiêu đề"), ["\\# không phải tiêu đề"]);
    }
}

//! A document file as text: UTF-8 checked, byte-order mark removed, front
//! matter found between the first line `---` and the next line `---`.
//! Every step is one pass over the bytes, whatever the file's size or the
//! length of its lines.

/// Why a file is not a document's text, with the 1-based position concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SourceError {
    /// The first byte that is not UTF-8, and its line with bad bytes shown
    /// as `�` (at most 200 characters).
    InvalidUtf8 {
        line: usize,
        column: usize,
        text: String,
    },
    /// The first line is not `---`.
    NoFrontMatter,
    /// No line `---` closes the front matter opened on line 1.
    Unterminated,
}

/// Checks that `bytes` are UTF-8 and turns them into text without copying.
/// A leading byte-order mark is dropped.
pub(crate) fn decode(mut bytes: Vec<u8>) -> Result<String, SourceError> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let valid = &bytes[..e.utf8_error().valid_up_to()];
        let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let line = 1 + valid.iter().filter(|&&b| b == b'\n').count();
        let column = 1 + std::str::from_utf8(&valid[line_start..]).map_or(0, |s| s.chars().count());
        let rest = &bytes[line_start..];
        let end = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
        let text = String::from_utf8_lossy(&rest[..end])
            .trim_end_matches('\r')
            .chars()
            .take(200)
            .collect();
        SourceError::InvalidUtf8 { line, column, text }
    })
}

/// Where the parts of a document's text are, as byte ranges of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Parts {
    /// The YAML between the two `---` lines; it starts on line 2.
    pub yaml: std::ops::Range<usize>,
    /// Everything after the closing `---` line.
    pub body_start: usize,
    /// The 1-based line of the closing `---`.
    pub closing_line: usize,
}

/// Finds the front matter. Lines may end in `\n` or `\r\n`; a delimiter line
/// may have trailing spaces or tabs.
pub(crate) fn split(text: &str) -> Result<Parts, SourceError> {
    let mut lines = Lines { text, pos: 0 };
    match lines.next() {
        Some((_, line)) if is_delimiter(line) => {}
        _ => return Err(SourceError::NoFrontMatter),
    }
    let yaml_start = lines.pos;
    let mut number = 1;
    while let Some((start, line)) = lines.next() {
        number += 1;
        if is_delimiter(line) {
            return Ok(Parts {
                yaml: yaml_start..start,
                body_start: lines.pos,
                closing_line: number,
            });
        }
    }
    Err(SourceError::Unterminated)
}

fn is_delimiter(line: &str) -> bool {
    line.starts_with("---") && line[3..].trim_end_matches([' ', '\t', '\r']).is_empty()
}

/// Lines with their start offsets, line ends excluded.
struct Lines<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for Lines<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.text.len() {
            return None;
        }
        let start = self.pos;
        let rest = &self.text[start..];
        let len = rest.find('\n').unwrap_or(rest.len());
        self.pos = (start + len + 1).min(self.text.len());
        Some((start, &rest[..len]))
    }
}

/// The body with `\r\n` line ends made `\n`, moved out of `text` without
/// copying when there is nothing to change.
pub(crate) fn take_body(mut text: String, body_start: usize) -> String {
    text.drain(..body_start);
    if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_dropped() {
        assert_eq!(decode(b"\xEF\xBB\xBF---\n".to_vec()).unwrap(), "---\n");
    }

    #[test]
    fn invalid_utf8_reports_line_and_column_of_the_first_bad_byte() {
        let mut bytes = "---\ntitle: Chỉ thị\ntitle: ab".as_bytes().to_vec();
        bytes.push(0xFF);
        assert_eq!(
            decode(bytes),
            Err(SourceError::InvalidUtf8 {
                line: 3,
                column: 10,
                text: "title: ab\u{FFFD}".into()
            })
        );
        assert_eq!(
            decode(vec![b'a', 0xC3, b'\r', b'\n', b'b']),
            Err(SourceError::InvalidUtf8 {
                line: 1,
                column: 2,
                text: "a\u{FFFD}".into()
            })
        );
    }

    #[test]
    fn front_matter_is_found_between_delimiter_lines() {
        let text = "---\na: 1\n---\nBody\n";
        let parts = split(text).unwrap();
        assert_eq!(&text[parts.yaml.clone()], "a: 1\n");
        assert_eq!(&text[parts.body_start..], "Body\n");
        assert_eq!(parts.closing_line, 3);
    }

    #[test]
    fn crlf_and_trailing_blanks_on_delimiters_are_accepted() {
        let text = "--- \r\na: 1\r\n---\t\r\nDòng 1\r\nDòng 2\r\n";
        let parts = split(text).unwrap();
        assert_eq!(&text[parts.yaml.clone()], "a: 1\r\n");
        assert_eq!(
            take_body(text.to_string(), parts.body_start),
            "Dòng 1\nDòng 2\n"
        );
    }

    #[test]
    fn a_file_may_end_right_after_the_closing_line() {
        let parts = split("---\na: 1\n---").unwrap();
        assert_eq!(parts.body_start, "---\na: 1\n---".len());
    }

    #[test]
    fn missing_and_unterminated_front_matter() {
        assert_eq!(split(""), Err(SourceError::NoFrontMatter));
        assert_eq!(split("# Tiêu đề\n---\n"), Err(SourceError::NoFrontMatter));
        assert_eq!(split("----\na: 1\n---\n"), Err(SourceError::NoFrontMatter));
        assert_eq!(split(" ---\na: 1\n---\n"), Err(SourceError::NoFrontMatter));
        assert_eq!(split("---\na: 1\n"), Err(SourceError::Unterminated));
        assert_eq!(split("---\na: 1\n--- x\n"), Err(SourceError::Unterminated));
    }
}

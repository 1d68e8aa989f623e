//! Template output without its layout whitespace: the indentation and
//! blank lines of the templates cost every page bytes (a tenth of a list
//! page) and no reader sees them. Lines keep their breaks, so text never
//! runs together; `<pre>` and `<textarea>` content is kept byte for byte.

/// `html` with each line's leading and trailing spaces and tabs, and empty
/// lines, removed outside `<pre>` and `<textarea>`.
pub fn squeeze(html: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(html.len());
    let mut verbatim = 0usize;
    for line in html.split_inclusive(|&b| b == b'\n') {
        let keep = verbatim > 0;
        verbatim = opened_after(line, verbatim);
        if keep {
            out.extend_from_slice(line);
            continue;
        }
        let body = line.strip_suffix(b"\n").unwrap_or(line);
        let trimmed = body.trim_ascii();
        if trimmed.is_empty() {
            continue;
        }
        // A line that opens a <pre> keeps what follows the opening tag.
        if verbatim > 0 {
            let start = body.len() - body.trim_ascii_start().len();
            out.extend_from_slice(&line[start..]);
            continue;
        }
        out.extend_from_slice(trimmed);
        if line.ends_with(b"\n") {
            out.push(b'\n');
        }
    }
    out
}

/// How many verbatim elements are open after `line`, given `open` before.
fn opened_after(line: &[u8], mut open: usize) -> usize {
    let mut i = 0;
    while let Some(p) = memchr(b'<', &line[i..]) {
        let rest = &line[i + p..];
        if starts_tag(rest, b"<pre") || starts_tag(rest, b"<textarea") {
            open += 1;
        } else if rest.starts_with(b"</pre") || rest.starts_with(b"</textarea") {
            open = open.saturating_sub(1);
        }
        i += p + 1;
    }
    open
}

/// `s` starts with the tag `name` (`<pre`, not `<premise`).
fn starts_tag(s: &[u8], name: &[u8]) -> bool {
    s.starts_with(name)
        && s.get(name.len())
            .is_none_or(|&b| b == b'>' || b.is_ascii_whitespace())
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == needle)
}

#[cfg(test)]
mod tests {
    use super::squeeze;

    #[test]
    fn indentation_and_blank_lines_go_pre_stays() {
        let html = b"<ul>\n\n    <li>a</li>  \n  \t\n  <li>b\n  c</li>\n</ul>\n<pre><code>x\n\n    y\n</code></pre>\n  <p>z</p>";
        let out = String::from_utf8(squeeze(html)).unwrap();
        assert_eq!(
            out,
            "<ul>\n<li>a</li>\n<li>b\nc</li>\n</ul>\n<pre><code>x\n\n    y\n</code></pre>\n<p>z</p>"
        );
    }

    #[test]
    fn a_pre_opened_mid_line_keeps_its_first_line() {
        let html = b"  <div><pre>  a  \n  b</pre></div>\n  <p>c</p>\n";
        let out = String::from_utf8(squeeze(html)).unwrap();
        assert_eq!(out, "<div><pre>  a  \n  b</pre></div>\n<p>c</p>\n");
        // Not a <pre>: squeezed like any line.
        assert_eq!(squeeze(b"  <premise>\n  x\n"), b"<premise>\nx\n");
    }
}

//! Writing front-matter values as YAML: plain when that reads back as the
//! same string, double-quoted otherwise.

/// A scalar in block context.
pub fn scalar(value: &str) -> String {
    if is_plain_safe(value, false) {
        value.to_string()
    } else {
        quoted(value)
    }
}

/// A flow sequence: `[a, b]`.
pub fn flow_list(values: &[String]) -> String {
    let items: Vec<String> = values
        .iter()
        .map(|v| {
            if is_plain_safe(v, true) {
                v.clone()
            } else {
                quoted(v)
            }
        })
        .collect();
    format!("[{}]", items.join(", "))
}

fn quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn is_plain_safe(value: &str, in_flow: bool) -> bool {
    let Some(first) = value.chars().next() else {
        return false;
    };
    if value.trim() != value || value.chars().any(|c| c.is_control()) {
        return false;
    }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        return false;
    }
    if value.contains(": ") || value.contains(" #") || value.ends_with(':') {
        return false;
    }
    if in_flow && value.contains([',', '[', ']', '{', '}']) {
        return false;
    }
    !looks_like_other_type(value)
}

/// Values a YAML reader would take for something other than a string.
fn looks_like_other_type(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "true"
            | "false"
            | "yes"
            | "no"
            | "on"
            | "off"
            | "y"
            | "n"
            | "null"
            | "~"
            | ".nan"
            | ".inf"
            | "-.inf"
    ) {
        return true;
    }
    let numeric = value
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '_' | '+' | '-' | 'e' | 'E'))
        && value.chars().any(|c| c.is_ascii_digit());
    let hex_or_octal = lower.starts_with("0x") || lower.starts_with("0o");
    numeric || hex_or_octal
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_when_possible() {
        assert_eq!(scalar("176-CV/TU"), "176-CV/TU");
        assert_eq!(scalar("Tỉnh ủy Kiên Giang"), "Tỉnh ủy Kiên Giang");
        assert_eq!(scalar("CT, các PCT. UBND tỉnh"), "CT, các PCT. UBND tỉnh");
    }

    #[test]
    fn quoted_when_needed() {
        assert_eq!(
            scalar("Lưu: VT, pthran \"HT\""),
            "\"Lưu: VT, pthran \\\"HT\\\"\""
        );
        assert_eq!(scalar("- gạch đầu"), "\"- gạch đầu\"");
        assert_eq!(scalar("2021"), "\"2021\"");
        assert_eq!(scalar("yes"), "\"yes\"");
        assert_eq!(scalar(""), "\"\"");
        assert_eq!(
            flow_list(&["374-TB/TU".into(), "a, b".into()]),
            "[374-TB/TU, \"a, b\"]"
        );
    }
}

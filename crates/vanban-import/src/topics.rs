//! Topic tags suggested from the text. Only a few subjects with one clear
//! term each are suggested: the title names it, or the body uses it at
//! least twice. The maintainer adds the rest.

use crate::text::fold;

/// Tag and the folded term that marks it.
const TOPICS: &[(&str, &str)] = &[
    ("Covid-19", "covid"),
    ("Bầu cử", "bau cu"),
    ("Chuyển đổi số", "chuyen doi so"),
    ("Cải cách hành chính", "cai cach hanh chinh"),
    ("Phòng, chống tham nhũng", "tham nhung"),
    ("Phòng, chống thiên tai", "thien tai"),
];

pub fn suggest(title: &str, body: &str) -> Vec<String> {
    let title = fold(title);
    let body = fold(body);
    TOPICS
        .iter()
        .filter(|(_, term)| title.contains(term) || body.matches(term).count() >= 2)
        .map(|(tag, _)| tag.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_in_title_or_twice_in_body() {
        assert_eq!(suggest("Phòng, chống dịch COVID-19", ""), ["Covid-19"]);
        assert_eq!(
            suggest("Kế hoạch", "bầu cử đại biểu. Tổ chức bầu cử."),
            ["Bầu cử"]
        );
        assert!(suggest("Kế hoạch", "chuẩn bị bầu cử đại biểu.").is_empty());
    }
}

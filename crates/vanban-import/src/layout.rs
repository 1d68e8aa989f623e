//! Layout that conversion leaves in the text and that is not text: the
//! cells of a table (a header printed as a two-column table, web pages'
//! `|` cell borders), rule lines printed after a name (`BỘ Y TẾ -------`),
//! and a motto broken over two lines by a narrow column.

use super::patterns;

/// The pieces of one raw line: the cells of a table row one per piece, a
/// rule line (three or more `-`, `_`, `=`) cutting the line where it
/// stands. A table's separator row (`|---|---|`) and bare `|` borders give
/// nothing. A line with none of these is returned whole.
pub fn pieces(raw: &str) -> Vec<String> {
    let t = raw.trim();
    if is_grid_border(t) {
        return vec![String::new()];
    }
    let cells: Vec<&str> = if is_table_row(t) {
        t.trim_matches('|').split('|').collect()
    } else {
        columns(raw)
    };
    let mut out = Vec::new();
    for cell in cells {
        if is_separator_cell(cell) && cells_are_table(t) {
            continue;
        }
        out.extend(cut_rules(cell));
    }
    if out.is_empty() {
        out.push(String::new());
    }
    out
}

/// Text set in columns side by side (a header converted to a simple
/// table): a run of five or more spaces inside the line parts them.
fn columns(raw: &str) -> Vec<&str> {
    let t = raw.trim();
    let mut out = Vec::new();
    let mut from = 0;
    let bytes = t.as_bytes();
    let mut k = 0;
    while k < bytes.len() {
        if bytes[k] == b' ' {
            let end = k + bytes[k..].iter().take_while(|&&b| b == b' ').count();
            if end - k >= 5 {
                out.push(&t[from..k]);
                from = end;
            }
            k = end;
        } else {
            k += 1;
        }
    }
    out.push(&t[from..]);
    out
}

/// The border of a grid table: `+----+:---:+`.
fn is_grid_border(t: &str) -> bool {
    t.starts_with('+') && t.chars().all(|c| matches!(c, '+' | '-' | ':' | '=' | ' '))
}

/// Whether a block of table rows is the layout of a header or a signature
/// (the motto, `Số:`, a date line, Nơi nhận, a signing authority) rather
/// than a table of the document's own, which stays a table.
pub fn is_layout_table(rows: &[&str]) -> bool {
    let text = rows.join(" ");
    let upper = text.to_uppercase();
    [
        "CỘNG HÒA",
        "CỘNG HOÀ",
        "ĐỘC LẬP",
        "SỐ:",
        "NƠI NHẬN",
        "KÍNH GỬI",
        "ĐẢNG CỘNG SẢN",
    ]
    .iter()
    .any(|m| upper.contains(m))
        || (upper.contains("NGÀY") && upper.contains("THÁNG") && upper.contains("NĂM"))
        || ["KT.", "TM.", "T/M", "TL.", "TUQ."]
            .iter()
            .any(|m| upper.contains(m))
}

/// Whether table lines are a Markdown table: rows of cells with the
/// separator row under the head.
pub fn is_markdown_table(rows: &[&str]) -> bool {
    rows.iter().any(|r| {
        let t = r.trim();
        t.contains('-') && t.contains('|') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
    })
}

/// Whether a raw line belongs to a table: a row, a cell border or a grid
/// table's border.
pub fn is_table_line(raw: &str) -> bool {
    let t = raw.trim();
    !t.is_empty() && (is_table_row(t) || is_grid_border(t))
}

/// A line that is a table row or a bare cell border: it starts or ends
/// with `|`.
fn is_table_row(t: &str) -> bool {
    t.starts_with('|') || t.ends_with('|')
}

fn cells_are_table(t: &str) -> bool {
    is_table_row(t)
}

/// `---`, `:---:`: a cell of the row that separates a table's head.
fn is_separator_cell(cell: &str) -> bool {
    let c = cell.trim();
    !c.is_empty() && c.chars().all(|c| matches!(c, '-' | ':' | ' '))
}

/// Cuts the line at each rule (three or more `-`, `_`, `=`, `—` in a row):
/// what is on either side are separate lines; the rule itself goes.
/// A line that is only a rule is kept as it is (a header decoration).
fn cut_rules(cell: &str) -> Vec<String> {
    let chars: Vec<(usize, char)> = cell.char_indices().collect();
    let mut out = Vec::new();
    let mut from = 0;
    let mut k = 0;
    while k < chars.len() {
        let (at, c) = chars[k];
        if is_rule_char(c) {
            let mut end = k;
            while end < chars.len() && (is_rule_char(chars[end].1) || chars[end].1 == ' ') {
                end += 1;
            }
            let run = chars[k..end]
                .iter()
                .filter(|(_, c)| is_rule_char(*c))
                .count();
            if run >= 3 {
                out.push(cell[from..at].to_string());
                from = chars.get(end).map_or(cell.len(), |(i, _)| *i);
                k = end;
                continue;
            }
        }
        k += 1;
    }
    if out.is_empty() {
        return vec![cell.to_string()];
    }
    out.push(cell[from..].to_string());
    let kept: Vec<String> = out
        .into_iter()
        .filter(|s| !s.trim().trim_matches(['*', '_']).trim().is_empty())
        .collect();
    if kept.is_empty() {
        vec![cell.to_string()]
    } else {
        kept
    }
}

fn is_rule_char(c: char) -> bool {
    matches!(c, '-' | '_' | '=' | '—' | '–')
}

/// Joins a line to the next when only together they are the motto
/// (`CỘNG HÒA XÃ` / `HỘI CHỦ NGHĨA VIỆT NAM`, `ĐẢNG` / `CỘNG SẢN VIỆT NAM`).
/// Returns the joined text for `a` and `b`, or `None`.
pub fn joined_motto(a: &str, b: &str) -> Option<String> {
    if a.is_empty() || b.is_empty() || patterns::is_motto(a) || patterns::is_motto(b) {
        return None;
    }
    let joined = format!("{a} {b}");
    patterns::is_motto(&joined).then_some(joined)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_cells_become_lines() {
        assert_eq!(
            pieces("| ỦY BAN NHÂN DÂN TỈNH -------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |"),
            [
                " ỦY BAN NHÂN DÂN TỈNH ",
                " CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
            ]
        );
        assert_eq!(pieces("|---|---|"), [""]);
        assert_eq!(pieces("|"), [""]);
        assert_eq!(pieces("Số: 09/2025/NĐ-CP |"), ["Số: 09/2025/NĐ-CP "]);
    }

    #[test]
    fn rules_cut_a_line_but_a_rule_alone_stays() {
        assert_eq!(pieces("Bộ Y tế --------"), ["Bộ Y tế "]);
        assert_eq!(pieces("-------"), ["-------"]);
        assert_eq!(
            pieces("Độc lập - Tự do - Hạnh phúc"),
            ["Độc lập - Tự do - Hạnh phúc"]
        );
        assert_eq!(
            pieces("TỔNG CỤC HẢI QUAN ------- BỘ TÀI CHÍNH"),
            ["TỔNG CỤC HẢI QUAN ", "BỘ TÀI CHÍNH"]
        );
    }

    #[test]
    fn columns_side_by_side_are_parted() {
        assert_eq!(
            pieces("   Số: 1654/NQ-UBTVQH15         *Hà Nội, ngày 16 tháng 6 năm 2025*"),
            ["Số: 1654/NQ-UBTVQH15", "*Hà Nội, ngày 16 tháng 6 năm 2025*"]
        );
    }

    #[test]
    fn broken_motto_is_joined() {
        assert_eq!(
            joined_motto("CỘNG HÒA XÃ", "HỘI CHỦ NGHĨA VIỆT NAM").as_deref(),
            Some("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        );
        assert_eq!(joined_motto("BỘ Y TẾ", "HỘI CHỦ NGHĨA VIỆT NAM"), None);
    }
}

//! The grammar of document numbers (số, ký hiệu), per Nghị định 30/2020/NĐ-CP
//! and Hướng dẫn 36-HD/VPTW.

/// The comparison key of a number: upper case, `Đ` as `D`, no spaces.
/// `1099/CĐ-TTg`, `1099/CD-TTG` and `1099 /CĐ-TTg` share one key.
pub fn normalize(number: &str) -> String {
    crate::text::fold(number)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase()
}

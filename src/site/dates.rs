//! Dates the Vietnamese way for people, ISO for machines.

use chrono::{Datelike, NaiveDate};

/// `15/6/2021`: day and month without leading zeros, as in running text.
pub fn short(date: NaiveDate) -> String {
    format!("{}/{}/{}", date.day(), date.month(), date.year())
}

/// `ngày 15 tháng 6 năm 2021`, the form of a document's date line.
pub fn long(date: NaiveDate) -> String {
    format!(
        "ngày {:02} tháng {} năm {}",
        date.day(),
        date.month(),
        date.year()
    )
}

/// `tháng 6 năm 2021`.
pub fn month(year: i32, month: u32) -> String {
    format!("tháng {month} năm {year}")
}

/// `2021-06-15`.
pub fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_dates_the_vietnamese_way() {
        let d = NaiveDate::from_ymd_opt(2021, 6, 5).unwrap();
        assert_eq!(short(d), "5/6/2021");
        assert_eq!(long(d), "ngày 05 tháng 6 năm 2021");
        assert_eq!(month(2021, 6), "tháng 6 năm 2021");
        assert_eq!(iso(d), "2021-06-05");
    }
}

//! Dates the Vietnamese way for people, ISO for machines.

use chrono::{Datelike, NaiveDate};

/// `15/06/2021`, `01/09/2021`: the one numeric form of a date on every
/// page, feed and search result, day and month always of two digits (the
/// zero rule of Nghị định 30/2020/NĐ-CP, a 0 only before months 1 and 2,
/// belongs to the written date line, [`long`]; applied to numeric dates
/// it set "01/9/2021" beside "15/02/2021", which readers took for typos).
pub fn short(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// `ngày 15 tháng 6 năm 2021`, the form of a document's date line.
pub fn long(date: NaiveDate) -> String {
    let month = if date.month() <= 2 {
        format!("{:02}", date.month())
    } else {
        date.month().to_string()
    };
    format!("ngày {:02} tháng {month} năm {}", date.day(), date.year())
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
        assert_eq!(short(d), "05/06/2021");
        assert_eq!(
            short(NaiveDate::from_ymd_opt(2021, 2, 15).unwrap()),
            "15/02/2021"
        );
        assert_eq!(
            short(NaiveDate::from_ymd_opt(2021, 11, 15).unwrap()),
            "15/11/2021"
        );
        assert_eq!(
            short(NaiveDate::from_ymd_opt(2021, 9, 1).unwrap()),
            "01/09/2021"
        );
        assert_eq!(long(d), "ngày 05 tháng 6 năm 2021");
        assert_eq!(month(2021, 6), "tháng 6 năm 2021");
        assert_eq!(iso(d), "2021-06-05");
    }
}

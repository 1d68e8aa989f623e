//! Unit tests of [`super`] (`issuer.rs`), kept apart so the module reads in one sitting.
#[test]
fn dashes_in_a_name_are_spaced() {
    assert_eq!(
        super::spaced_dashes("Bộ Lao động-thương binh và Xã hội"),
        "Bộ Lao động - thương binh và Xã hội"
    );
    assert_eq!(
        super::spaced_dashes("Bộ Lao động – Thương binh và Xã hội"),
        "Bộ Lao động - Thương binh và Xã hội"
    );
}

use super::*;
use crate::import::doctype::codes;

fn header(lines: &[&str]) -> Option<String> {
    let lines: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
    from_header(&lines, &BodyCasing::new(""))
}

#[test]
fn header_lines_name_the_issuer() {
    assert_eq!(
        header(&["UBND TỈNH KIÊN GIANG", "VĂN PHÒNG"]).unwrap(),
        "Văn phòng UBND tỉnh Kiên Giang"
    );
    assert_eq!(
        header(&["TỈNH ỦY KIÊN GIANG"]).unwrap(),
        "Tỉnh ủy Kiên Giang"
    );
    assert_eq!(
        header(&["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NINH"]).unwrap(),
        "UBND tỉnh Quảng Ninh"
    );
    assert_eq!(
        header(&["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI"]).unwrap(),
        "UBND thành phố Hà Nội"
    );
    assert_eq!(header(&["BỘ Y TẾ"]).unwrap(), "Bộ Y tế");
    assert_eq!(
        header(&["UBND THÀNH PHỐ HÀ", "NỘI", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"]).unwrap(),
        "Sở Giáo dục và Đào tạo thành phố Hà Nội"
    );
    assert_eq!(
        header(&["BAN CHẤP HÀNH TRUNG ƯƠNG", "BAN TỔ CHỨC"]).unwrap(),
        "Ban Tổ chức Trung ương"
    );
    assert_eq!(
        header(&["BAN CHẤP HÀNH TRUNG ƯƠNG", "VĂN PHÒNG"]).unwrap(),
        "Văn phòng Trung ương Đảng"
    );
    assert_eq!(
        header(&["BỘ GIÁO DỤC VÀ ĐÀO TẠO"]).unwrap(),
        "Bộ Giáo dục và Đào tạo"
    );
    assert_eq!(
        header(&["BỘ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"]).unwrap(),
        "Bộ Lao động - Thương binh và Xã hội"
    );
    assert_eq!(
        header(&["THỦ TƯỚNG CHÍNH PHỦ"]).unwrap(),
        "Thủ tướng Chính phủ"
    );
    assert_eq!(header(&["CHÍNH PHỦ"]).unwrap(), "Chính phủ");
    assert_eq!(
        header(&["BAN CHẤP HÀNH TRUNG ƯƠNG"]).unwrap(),
        "Ban Chấp hành Trung ương"
    );
    assert_eq!(
        header(&["UBND TỈNH KIÊN GIANG", "SỞ Y TẾ"]).unwrap(),
        "Sở Y tế tỉnh Kiên Giang"
    );
    assert_eq!(
        header(&["TỈNH ỦY KIÊN GIANG", "BAN TUYÊN GIÁO"]).unwrap(),
        "Ban Tuyên giáo Tỉnh ủy Kiên Giang"
    );
    assert_eq!(
        header(&["HỘI ĐỒNG NHÂN DÂN", "TỈNH KIÊN GIANG"]).unwrap(),
        "HĐND tỉnh Kiên Giang"
    );
    assert_eq!(header(&[]), None);
    assert_eq!(
        header(&["UBND TỈNH KIÊN GIANG VĂN PHÒNG"]).unwrap(),
        "Văn phòng UBND tỉnh Kiên Giang"
    );
    assert_eq!(header(&["BỘ CÔNG AN"]).unwrap(), "Bộ Công an");
    assert_eq!(
        header(&["UBND HUYỆN PHÚ QUỐC", "PHÒNG Y TẾ"]).unwrap(),
        "Phòng Y tế huyện Phú Quốc"
    );
    assert_eq!(
        header(&["BAN CHẤP HÀNH ĐẢNG BỘ", "TỈNH KIÊN GIANG"]).unwrap(),
        "Ban Chấp hành Đảng bộ tỉnh Kiên Giang"
    );
    assert_eq!(
        header(&["ỦY BAN NHÂN DÂN TỈNH AN GIANG"]).unwrap(),
        "UBND tỉnh An Giang"
    );
    assert_eq!(
        header(&["ĐẢNG BỘ TỈNH KIÊN GIANG", "HUYỆN UỶ PHÚ QUỐC"]).unwrap(),
        "Huyện ủy Phú Quốc"
    );
}

#[test]
fn derived_from_the_number_when_the_text_supports_it() {
    let body = "Chủ tịch Ủy ban nhân dân tỉnh yêu cầu";
    assert_eq!(
        derive(&codes("1507/UBND-TH"), Some("Kiên Giang"), body).as_deref(),
        Some("UBND tỉnh Kiên Giang")
    );
    assert_eq!(
        derive(&codes("1507/UBND-TH"), Some("Kiên Giang"), "không nói gì"),
        None
    );
    assert_eq!(derive(&codes("1507/UBND-TH"), None, body), None);
    assert_eq!(
        derive(&codes("23/2021/QĐ-TTg"), None, "").as_deref(),
        Some("Thủ tướng Chính phủ")
    );
    assert_eq!(
        derive(&codes("12-CV/TU"), Some("Hà Nội"), "").as_deref(),
        Some("Thành ủy Hà Nội")
    );
    assert_eq!(derive(&codes("07-KL/TW"), None, ""), None);
}

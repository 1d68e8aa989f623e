//! Unit tests of [`super`] (`header.rs`), kept apart so the module reads in one sitting.
use super::*;
use crate::import::lines::prepare;

fn header_of(text: &str) -> (Header, Vec<Line>) {
    let lines = prepare(text);
    (parse(&lines, 0, lines.len()), lines)
}

#[test]
fn a_decision_named_under_the_issuer_is_not_the_number() {
    // A body set up by a decision prints it under its name; the
    // document's own number is the `Số:` line after it.
    let (h, _) = header_of(
        "SỞ CÔNG THƯƠNG\nĐOÀN KIỂM TRA\nTHEO QUYẾT ĐỊNH\nSỐ 1050/QĐ-SCT\n\nSố: 1105/KH-ĐKT\n\nLào Cai, ngày 10 tháng 3 năm 2026\n\nKẾ HOẠCH\nKiểm tra việc chấp hành\n\nThực hiện Quyết định số 1050/QĐ-SCT.",
    );
    assert_eq!(h.number.as_deref(), Some("1105/KH-ĐKT"));
    let (h, _) = header_of("BỘ Y TẾ\nSỐ 12/QĐ-BYT\nHà Nội, ngày 03 tháng 8 năm 2021\n\nNội dung.");
    assert_eq!(
        h.number.as_deref(),
        Some("12/QĐ-BYT"),
        "a number line in capitals"
    );
}

#[test]
fn state_cong_van_header() {
    let (h, lines) = header_of(
        "**UBND TỈNH KIÊN GIANG\nVĂN PHÒNG**\n\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc**\n\nSố: 435/VP-KGVX\nV/v chỉ đạo thực hiện Công văn\nsố 176-CV/TU ngày 15/6/2021\ncủa Tỉnh ủy.\n\nKiên Giang, ngày 21 tháng 6 năm 2021\n\nKính gửi:\n\n- Giám đốc các sở, ban ngành cấp tỉnh;\n- Chủ tịch UBND các huyện, thành phố.\n\nỦy ban nhân dân tỉnh Kiên Giang nhận được Công văn.",
    );
    // The bold span joins the two lines; the issuer is still read as the
    // office of the province's committee (tests/import/import.rs, the seeds).
    assert_eq!(h.issuer_lines, ["UBND TỈNH KIÊN GIANG VĂN PHÒNG"]);
    assert_eq!(h.number.as_deref(), Some("435/VP-KGVX"));
    assert_eq!(h.place.as_deref(), Some("Kiên Giang"));
    assert_eq!(
        h.title_lines.join(" "),
        "chỉ đạo thực hiện Công văn số 176-CV/TU ngày 15/6/2021 của Tỉnh ủy."
    );
    assert_eq!(
        h.recipients,
        [
            "Giám đốc các sở, ban ngành cấp tỉnh",
            "Chủ tịch UBND các huyện, thành phố"
        ]
    );
    assert!(
        lines[h.body_start]
            .text
            .starts_with("Ủy ban nhân dân tỉnh Kiên Giang nhận được")
    );
}

#[test]
fn party_thong_bao_header_with_stamp() {
    let (h, lines) = header_of(
        "**TỈNH ỦY KIÊN GIANG**\n\n\\*\n\nSố 374-TB/TU\n\nTỉnh ủy Kiên Giang\n\n01.09.2021\n\n19:28:39 +07:00\n\n**ĐẢNG CỘNG SẢN VIỆT NAM**\n\n*Kiên Giang, ngày 01 tháng 9 năm 2021*\n\n**THÔNG BÁO**\n**KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY**\n**về công tác phòng, chống dịch bệnh Covid-19 trên địa bàn tỉnh**\n\nNgày 31-8-2021, Ban Thường vụ Tỉnh ủy tổ chức cuộc họp.",
    );
    assert_eq!(h.issuer_lines, ["TỈNH ỦY KIÊN GIANG"]);
    assert_eq!(h.number.as_deref(), Some("374-TB/TU"));
    assert_eq!(h.heading_type, Some("Thông báo"));
    assert_eq!(
        h.title_lines,
        [
            "KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY",
            "về công tác phòng, chống dịch bệnh Covid-19 trên địa bàn tỉnh"
        ]
    );
    assert!(lines[h.body_start].text.starts_with("Ngày 31-8-2021"));
}

#[test]
fn party_cong_van_with_plain_title_before_kinh_gui() {
    let (h, lines) = header_of(
        " TỈNH ỦY KIÊN GIANG\nĐẢNG CỘNG SẢN VIỆT NAM\n\n*\nKiên Giang, ngày 29 tháng 4 năm 2021\n\nSố 143-CV/TU\n\n\nTiếp tục tăng cường công tác phòng, \n\nchống dịch bệnh Covid-19\n\nKính gửi:\n- Các đồng chí Tỉnh ủy viên,\n\n- Các huyện, thành ủy, đảng ủy trực thuộc\nTrong thời gian gần đây, tình hình dịch bệnh Covid-19 diễn biến hết sức phức tạp và có xu hướng ngày càng gia tăng, đã bùng phát trở lại.",
    );
    assert_eq!(
        h.title_lines,
        [
            "Tiếp tục tăng cường công tác phòng,",
            "chống dịch bệnh Covid-19"
        ]
    );
    assert_eq!(
        h.recipients,
        [
            "Các đồng chí Tỉnh ủy viên",
            "Các huyện, thành ủy, đảng ủy trực thuộc"
        ]
    );
    assert!(lines[h.body_start].text.starts_with("Trong thời gian"));
}

#[test]
fn quyet_dinh_header_stops_at_the_authority_formula() {
    let (h, lines) = header_of(
        "BỘ Y TẾ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\nSố: 3616/QĐ-BYT\nHà Nội, ngày 03 tháng 8 năm 2021\n\nQUYẾT ĐỊNH\nVề việc ban hành Hướng dẫn xét nghiệm\nphát hiện SARS-CoV-2\n\nBỘ TRƯỞNG BỘ Y TẾ\n\nCăn cứ Luật Khám bệnh, chữa bệnh năm 2009;",
    );
    assert_eq!(h.heading_type, Some("Quyết định"));
    assert_eq!(
        h.title_lines,
        ["ban hành Hướng dẫn xét nghiệm", "phát hiện SARS-CoV-2"]
    );
    assert_eq!(lines[h.body_start].text, "BỘ TRƯỞNG BỘ Y TẾ");
}

#[test]
fn hanging_title_lines() {
    assert!(dangling(
        "THỰC HIỆN CHỈ THỊ SỐ 27/CT-TTG NGÀY 15 THÁNG 8 NĂM 2024 CỦA"
    ));
    assert!(dangling("SỬA ĐỔI QUY ĐỊNH KÈM THEO NGHỊ QUYẾT"));
    assert!(dangling("bãi bỏ Quyết định số 07/2022/QĐ-UBND"));
    assert!(dangling("thuộc thẩm quyền của Sở Tài chính,"));
    assert!(!dangling(
        "VỀ TĂNG CƯỜNG CÔNG TÁC DÂN SỐ TRONG TÌNH HÌNH MỚI"
    ));
}

#[test]
fn place_wrapped_off_its_date_line() {
    let (h, _) = header_of(
        "UBND TỈNH KIÊN GIANG\nSố: 12/UBND-VX\n*V/v\nkhẩn trương hoàn thành cập nhật*\n*Thành phố Hồ Chí\nMinh, ngày 28 tháng 11 năm 2025*\n\nNội dung.",
    );
    assert_eq!(h.place.as_deref(), Some("Thành phố Hồ Chí Minh"));
    assert_eq!(h.date, NaiveDate::from_ymd_opt(2025, 11, 28));
    assert_eq!(h.title_lines, ["khẩn trương hoàn thành cập nhật"]);
    assert_eq!(h.issuer_lines, ["UBND TỈNH KIÊN GIANG"]);
}

#[test]
fn date_digits_split_or_glued_to_a_footnote() {
    let (h, _) = header_of("Số: 773/QĐ-TTg\nHà Nội, ngày 26 tháng 0 6 năm 2018\n\nNội dung.");
    assert_eq!(h.date, NaiveDate::from_ymd_opt(2018, 6, 26));
    let (h, _) = header_of("Số: 12/KH-UBND\nLào Cai, ngày 15 tháng 5 năm 20264\n\nNội dung.");
    assert_eq!(h.date, NaiveDate::from_ymd_opt(2026, 5, 15));
    assert_eq!(h.place.as_deref(), Some("Lào Cai"));
}

#[test]
fn a_title_in_capitals_goes_on_over_a_line_opening_like_a_body() {
    let (h, _) = header_of(
        "Số: 1617/QĐ-UBND\nQuảng Ngãi, ngày 20 tháng 11 năm 2025\nQUYẾT ĐỊNH\nVỀ VIỆC ỦY QUYỀN CHO GIÁM ĐỐC SỞ\nTHỰC HIỆN NHIỆM VỤ TRONG LĨNH VỰC\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\nCăn cứ Luật.",
    );
    assert_eq!(
        h.title_lines,
        [
            "ỦY QUYỀN CHO GIÁM ĐỐC SỞ",
            "THỰC HIỆN NHIỆM VỤ TRONG LĨNH VỰC"
        ]
    );
    let (h, _) = header_of(
        "Số: 122/2025/QĐ-UBND\nHuế, ngày 20 tháng 11 năm 2025\nQUYẾT ĐỊNH\nBÃI BỎ QUYẾT ĐỊNH SỐ 07/2022/QĐ-UBND\nNGÀY 17 THÁNG 02 NĂM 2022 CỦA ỦY BAN NHÂN DÂN TỈNH\nỦY BAN NHÂN DÂN TỈNH\nCăn cứ Luật.",
    );
    assert_eq!(h.title_lines.len(), 2, "{:?}", h.title_lines);
}

#[test]
fn broken_date_line_is_joined() {
    let (h, _) = header_of(
        "Số: 12/KH-UBND\nKiên Giang, ngày 15 tháng 6\nnăm 2021\nKẾ HOẠCH\nPhòng, chống dịch\n\nNội dung.",
    );
    assert_eq!(h.date, NaiveDate::from_ymd_opt(2021, 6, 15));
    assert_eq!(h.title_lines, ["Phòng, chống dịch"]);
}

#[test]
fn broken_number_is_joined() {
    let (h, _) = header_of(
        "UBND TỈNH KIÊN GIANG\nSố: 1507/UBND-\nTH\nKiên Giang, ngày 11 tháng 9 năm 2021\nV/v triển khai\n\nNội dung.",
    );
    assert_eq!(h.number.as_deref(), Some("1507/UBND-TH"));
}

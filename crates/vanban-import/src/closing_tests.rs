//! Unit tests of [`super`] (`closing.rs`), kept apart so the module reads in one sitting.
use super::*;
use crate::import::lines::prepare;

fn closing(text: &str) -> (Closing, Vec<Line>) {
    let lines = prepare(text);
    (find(&lines, 0, lines.len(), &|_| false), lines)
}

fn signer(name: Option<&str>, position: &str, authority: Option<&str>) -> Signer {
    Signer {
        name: name.map(String::from),
        position: Some(position.into()),
        authority: authority.map(String::from),
    }
}

#[test]
fn list_then_signature() {
    let (c, _) = closing(
        "Nội dung cuối./.\n\nNơi nhận:\n\n- Như trên;\n- Lưu: VT, pxquyet.\n\n**KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH**\n\n\n\nNguyễn Đức Chín\n",
    );
    assert_eq!(c.range.start, 2);
    assert_eq!(c.distribution(), ["Như trên", "Lưu: VT, pxquyet"]);
    assert_eq!(
        c.signers(&BodyCasing::new("")),
        [signer(
            Some("Nguyễn Đức Chín"),
            "Phó Chủ tịch",
            Some("KT. Chủ tịch")
        )]
    );
}

#[test]
fn interleaved_columns_and_signed_marker() {
    let (c, _) = closing(
        "Giao Văn phòng Tỉnh ủy theo dõi.\nNơi nhận:\nT/M BAN THƯỜNG VỤ\n\n\n- Như trên (để thực hiện),\nPHÓ BÍ THƯ THƯỜNG TRỰC\n- Lưu Văn phòng Tỉnh ủy.\n\n\n(Đã ký) \n ",
    );
    assert_eq!(
        c.distribution(),
        ["Như trên (để thực hiện)", "Lưu Văn phòng Tỉnh ủy"]
    );
    assert_eq!(
        c.signers(&BodyCasing::new("")),
        [signer(
            None,
            "Phó Bí thư Thường trực",
            Some("T/M Ban Thường vụ")
        )]
    );
}

#[test]
fn signature_out_of_order_and_side_by_side() {
    let expected = [signer(
        Some("Trần Công Danh"),
        "Phó Chánh Văn phòng",
        Some("KT. Chánh Văn phòng"),
    )];
    let (c, _) = closing(
        "Nội dung.\n\nTrần Công Danh\nPHÓ CHÁNH VĂN PHÒNG\nKT. CHÁNH VĂN PHÒNG\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.",
    );
    assert_eq!(c.distribution(), ["Như trên", "Lưu: VT"]);
    assert_eq!(c.signers(&BodyCasing::new("")), expected);
    let (c, _) = closing(
        "Nội dung.\n\nNơi nhận: KT. CHÁNH VĂN PHÒNG\n- Như trên; PHÓ CHÁNH VĂN PHÒNG\n- Lưu: VT.\n\nTrần Công Danh",
    );
    assert_eq!(c.distribution(), ["Như trên", "Lưu: VT"]);
    assert_eq!(c.signers(&BodyCasing::new("")), expected);
}

#[test]
fn government_signature_without_list() {
    let (c, lines) = closing(
        "Điều 3. Nghị định này có hiệu lực./.\n\nTM. CHÍNH PHỦ\nTHỦ TƯỚNG\n\nNguyễn Xuân Phúc",
    );
    assert_eq!(lines[c.range.start].text, "TM. CHÍNH PHỦ");
    assert_eq!(
        c.signers(&BodyCasing::new("")),
        [signer(
            Some("Nguyễn Xuân Phúc"),
            "Thủ tướng",
            Some("TM. Chính phủ")
        )]
    );
    let (c, _) = closing("Điều 3. Thông tư này có hiệu lực./.\n\nBỘ TRƯỞNG\n\n\nNguyễn Thanh Long");
    assert_eq!(
        c.signers(&BodyCasing::new("")),
        [signer(Some("Nguyễn Thanh Long"), "Bộ trưởng", None)]
    );
}

#[test]
fn signature_lines_flattened_together() {
    let (c, _) = closing("Nội dung.\n\nKT. CHỦ TỊCH PHÓ CHỦ TỊCH\n\nNguyễn Đức Chín");
    assert_eq!(
        c.signers(&BodyCasing::new("")),
        [signer(
            Some("Nguyễn Đức Chín"),
            "Phó Chủ tịch",
            Some("KT. Chủ tịch")
        )]
    );
    let (c, _) = closing("Nội dung.\n\nTM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH Lê Văn A");
    assert_eq!(
        c.signers(&BodyCasing::new("")),
        [signer(
            Some("Lê Văn A"),
            "Phó Chủ tịch",
            Some("TM. Ủy ban nhân dân, KT. Chủ tịch")
        )]
    );
    let (c, _) = closing("Nội dung.\n\nTM. ỦY BAN NHÂN DÂN CHỦ TỊCH\n\nLê Văn B");
    assert_eq!(
        c.signers(&BodyCasing::new("")),
        [signer(
            Some("Lê Văn B"),
            "Chủ tịch",
            Some("TM. Ủy ban nhân dân")
        )]
    );
}

#[test]
fn a_list_item_naming_a_body_and_an_office_wrapped_are_no_signers() {
    let (c, _) = closing(
        "Nội dung./.\n\nNơi nhận:\n- Chính phủ;\n- Cục Thống kê, Bộ Tài\nchính;\n- Lưu: VT.\n\nTL. CỤC TRƯỞNG\nKT. TRƯỞNG BAN BAN CHÍNH SÁCH,\nTHUẾ QUỐC TẾ\nPHÓ TRƯỞNG BAN\n\nPhạm Thị Minh Hiền",
    );
    let names: Vec<Option<String>> = c
        .signers(&BodyCasing::new(""))
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(names, [Some("Phạm Thị Minh Hiền".to_string())]);
}

#[test]
fn typists_initials_belong_to_the_list() {
    for mark in ["NVA.", "(TH)", "TTh 05b"] {
        let (c, lines) = closing(&format!(
            "Nội dung./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT, TH.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Đức Chín\n{mark}"
        ));
        assert_eq!(c.range.end, lines.len(), "{mark}: kept in the block");
        assert_eq!(
            c.distribution(),
            ["Như trên", &format!("Lưu: VT, TH {mark}")]
        );
        let names: Vec<Option<String>> = c
            .signers(&BodyCasing::new(""))
            .into_iter()
            .map(|s| s.name)
            .collect();
        assert_eq!(names, [Some("Nguyễn Đức Chín".to_string())], "{mark}");
    }
    assert!(!patterns::is_typist_mark("Nguyễn"));
    assert!(!patterns::is_typist_mark("Nội dung."));
}

#[test]
fn uban_nhan_dan_double_authority() {
    let (c, _) =
        closing("Nội dung.\n\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nLê Văn A");
    assert_eq!(
        c.signers(&BodyCasing::new("")),
        [signer(
            Some("Lê Văn A"),
            "Phó Chủ tịch",
            Some("TM. Ủy ban nhân dân, KT. Chủ tịch")
        )]
    );
}

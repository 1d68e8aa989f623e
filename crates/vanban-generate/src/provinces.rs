//! The 63 provinces and centrally-run cities (before the 2025 merger), each
//! with its seat and a few districts, for provincial and district issuers.

pub(crate) struct Province {
    pub name: &'static str,
    /// A centrally-run city (Thành ủy, UBND thành phố, quận and huyện).
    pub city: bool,
    /// The provincial seat (a city under the province); empty for
    /// centrally-run cities.
    pub seat: &'static str,
    /// Districts with their kind word, `huyện X` or `quận X`; names are
    /// unique across the whole table so district issuers never collide.
    pub districts: &'static [&'static str],
}

const fn p(name: &'static str, seat: &'static str, districts: &'static [&'static str]) -> Province {
    Province {
        name,
        city: false,
        seat,
        districts,
    }
}

const fn c(name: &'static str, districts: &'static [&'static str]) -> Province {
    Province {
        name,
        city: true,
        seat: "",
        districts,
    }
}

pub(crate) const PROVINCES: &[Province] = &[
    p(
        "Kiên Giang",
        "Rạch Giá",
        &["huyện Kiên Lương", "huyện An Biên", "huyện Giồng Riềng"],
    ),
    p(
        "Quảng Ngãi",
        "Quảng Ngãi",
        &["huyện Bình Sơn", "huyện Sơn Tịnh", "huyện Mộ Đức"],
    ),
    c(
        "Hà Nội",
        &[
            "quận Ba Đình",
            "quận Hoàn Kiếm",
            "huyện Sóc Sơn",
            "huyện Ba Vì",
        ],
    ),
    c(
        "Thành phố Hồ Chí Minh",
        &[
            "quận Gò Vấp",
            "huyện Củ Chi",
            "huyện Bình Chánh",
            "huyện Cần Giờ",
        ],
    ),
    c(
        "Hải Phòng",
        &["quận Hồng Bàng", "huyện Vĩnh Bảo", "huyện Tiên Lãng"],
    ),
    c(
        "Đà Nẵng",
        &["quận Hải Châu", "quận Sơn Trà", "huyện Hòa Vang"],
    ),
    c(
        "Cần Thơ",
        &["quận Ninh Kiều", "huyện Thới Lai", "huyện Cờ Đỏ"],
    ),
    p(
        "An Giang",
        "Long Xuyên",
        &["huyện Chợ Mới", "huyện Thoại Sơn", "huyện Tri Tôn"],
    ),
    p(
        "Bà Rịa - Vũng Tàu",
        "Bà Rịa",
        &["huyện Long Điền", "huyện Xuyên Mộc", "huyện Côn Đảo"],
    ),
    p(
        "Bắc Giang",
        "Bắc Giang",
        &["huyện Lục Nam", "huyện Lạng Giang", "huyện Hiệp Hòa"],
    ),
    p(
        "Bắc Kạn",
        "Bắc Kạn",
        &["huyện Ba Bể", "huyện Chợ Đồn", "huyện Na Rì"],
    ),
    p(
        "Bạc Liêu",
        "Bạc Liêu",
        &["huyện Hồng Dân", "huyện Đông Hải"],
    ),
    p(
        "Bắc Ninh",
        "Bắc Ninh",
        &["huyện Gia Bình", "huyện Lương Tài", "huyện Yên Phong"],
    ),
    p(
        "Bến Tre",
        "Bến Tre",
        &["huyện Ba Tri", "huyện Bình Đại", "huyện Giồng Trôm"],
    ),
    p(
        "Bình Định",
        "Quy Nhơn",
        &["huyện Phù Cát", "huyện Tuy Phước", "huyện Vĩnh Thạnh"],
    ),
    p(
        "Bình Dương",
        "Thủ Dầu Một",
        &["huyện Bàu Bàng", "huyện Dầu Tiếng", "huyện Phú Giáo"],
    ),
    p(
        "Bình Phước",
        "Đồng Xoài",
        &["huyện Bù Đăng", "huyện Lộc Ninh", "huyện Hớn Quản"],
    ),
    p(
        "Bình Thuận",
        "Phan Thiết",
        &["huyện Hàm Thuận Bắc", "huyện Tuy Phong", "huyện Đức Linh"],
    ),
    p(
        "Cà Mau",
        "Cà Mau",
        &["huyện Năm Căn", "huyện U Minh", "huyện Trần Văn Thời"],
    ),
    p(
        "Cao Bằng",
        "Cao Bằng",
        &["huyện Bảo Lạc", "huyện Hà Quảng", "huyện Trùng Khánh"],
    ),
    p(
        "Đắk Lắk",
        "Buôn Ma Thuột",
        &["huyện Krông Pắc", "huyện Ea H'leo", "huyện Lắk"],
    ),
    p(
        "Đắk Nông",
        "Gia Nghĩa",
        &["huyện Đắk Mil", "huyện Krông Nô", "huyện Tuy Đức"],
    ),
    p(
        "Điện Biên",
        "Điện Biên Phủ",
        &["huyện Mường Nhé", "huyện Tuần Giáo"],
    ),
    p(
        "Đồng Nai",
        "Biên Hòa",
        &["huyện Trảng Bom", "huyện Vĩnh Cửu", "huyện Nhơn Trạch"],
    ),
    p(
        "Đồng Tháp",
        "Cao Lãnh",
        &["huyện Tháp Mười", "huyện Tam Nông", "huyện Lấp Vò"],
    ),
    p(
        "Gia Lai",
        "Pleiku",
        &["huyện Chư Păh", "huyện Đak Đoa", "huyện Chư Sê"],
    ),
    p(
        "Hà Giang",
        "Hà Giang",
        &["huyện Đồng Văn", "huyện Mèo Vạc", "huyện Bắc Quang"],
    ),
    p(
        "Hà Nam",
        "Phủ Lý",
        &["huyện Bình Lục", "huyện Thanh Liêm", "huyện Lý Nhân"],
    ),
    p(
        "Hà Tĩnh",
        "Hà Tĩnh",
        &["huyện Can Lộc", "huyện Hương Khê", "huyện Cẩm Xuyên"],
    ),
    p(
        "Hải Dương",
        "Hải Dương",
        &["huyện Gia Lộc", "huyện Thanh Hà", "huyện Ninh Giang"],
    ),
    p(
        "Hậu Giang",
        "Vị Thanh",
        &["huyện Châu Thành A", "huyện Phụng Hiệp"],
    ),
    p(
        "Hòa Bình",
        "Hòa Bình",
        &["huyện Mai Châu", "huyện Lạc Sơn", "huyện Kim Bôi"],
    ),
    p(
        "Hưng Yên",
        "Hưng Yên",
        &["huyện Văn Lâm", "huyện Khoái Châu", "huyện Tiên Lữ"],
    ),
    p(
        "Khánh Hòa",
        "Nha Trang",
        &["huyện Diên Khánh", "huyện Cam Lâm", "huyện Vạn Ninh"],
    ),
    p(
        "Kon Tum",
        "Kon Tum",
        &["huyện Đắk Hà", "huyện Ngọc Hồi", "huyện Sa Thầy"],
    ),
    p(
        "Lai Châu",
        "Lai Châu",
        &["huyện Sìn Hồ", "huyện Mường Tè", "huyện Tam Đường"],
    ),
    p(
        "Lâm Đồng",
        "Đà Lạt",
        &["huyện Đức Trọng", "huyện Lâm Hà", "huyện Di Linh"],
    ),
    p(
        "Lạng Sơn",
        "Lạng Sơn",
        &["huyện Cao Lộc", "huyện Hữu Lũng", "huyện Lộc Bình"],
    ),
    p(
        "Lào Cai",
        "Lào Cai",
        &["huyện Bát Xát", "huyện Bảo Thắng", "huyện Bắc Hà"],
    ),
    p(
        "Long An",
        "Tân An",
        &["huyện Bến Lức", "huyện Cần Giuộc", "huyện Đức Hòa"],
    ),
    p(
        "Nam Định",
        "Nam Định",
        &["huyện Hải Hậu", "huyện Giao Thủy", "huyện Ý Yên"],
    ),
    p(
        "Nghệ An",
        "Vinh",
        &["huyện Diễn Châu", "huyện Quỳnh Lưu", "huyện Con Cuông"],
    ),
    p(
        "Ninh Bình",
        "Ninh Bình",
        &["huyện Gia Viễn", "huyện Kim Sơn", "huyện Nho Quan"],
    ),
    p(
        "Ninh Thuận",
        "Phan Rang - Tháp Chàm",
        &["huyện Ninh Hải", "huyện Ninh Phước"],
    ),
    p(
        "Phú Thọ",
        "Việt Trì",
        &["huyện Thanh Sơn", "huyện Lâm Thao", "huyện Đoan Hùng"],
    ),
    p(
        "Phú Yên",
        "Tuy Hòa",
        &["huyện Đồng Xuân", "huyện Sơn Hòa", "huyện Tây Hòa"],
    ),
    p(
        "Quảng Bình",
        "Đồng Hới",
        &["huyện Bố Trạch", "huyện Lệ Thủy", "huyện Minh Hóa"],
    ),
    p(
        "Quảng Nam",
        "Tam Kỳ",
        &["huyện Duy Xuyên", "huyện Thăng Bình", "huyện Núi Thành"],
    ),
    p(
        "Quảng Ninh",
        "Hạ Long",
        &["huyện Vân Đồn", "huyện Tiên Yên", "huyện Cô Tô"],
    ),
    p(
        "Quảng Trị",
        "Đông Hà",
        &["huyện Gio Linh", "huyện Hải Lăng", "huyện Vĩnh Linh"],
    ),
    p(
        "Sóc Trăng",
        "Sóc Trăng",
        &["huyện Mỹ Tú", "huyện Kế Sách", "huyện Trần Đề"],
    ),
    p(
        "Sơn La",
        "Sơn La",
        &["huyện Mộc Châu", "huyện Mai Sơn", "huyện Thuận Châu"],
    ),
    p(
        "Tây Ninh",
        "Tây Ninh",
        &["huyện Tân Biên", "huyện Dương Minh Châu", "huyện Gò Dầu"],
    ),
    p(
        "Thái Bình",
        "Thái Bình",
        &["huyện Đông Hưng", "huyện Kiến Xương", "huyện Tiền Hải"],
    ),
    p(
        "Thái Nguyên",
        "Thái Nguyên",
        &["huyện Đại Từ", "huyện Phú Lương", "huyện Định Hóa"],
    ),
    p(
        "Thanh Hóa",
        "Thanh Hóa",
        &["huyện Hoằng Hóa", "huyện Quảng Xương", "huyện Thọ Xuân"],
    ),
    p(
        "Thừa Thiên Huế",
        "Huế",
        &["huyện Phú Vang", "huyện A Lưới", "huyện Quảng Điền"],
    ),
    p(
        "Tiền Giang",
        "Mỹ Tho",
        &["huyện Cái Bè", "huyện Chợ Gạo", "huyện Gò Công Tây"],
    ),
    p(
        "Trà Vinh",
        "Trà Vinh",
        &["huyện Càng Long", "huyện Cầu Kè", "huyện Trà Cú"],
    ),
    p(
        "Tuyên Quang",
        "Tuyên Quang",
        &["huyện Chiêm Hóa", "huyện Hàm Yên", "huyện Na Hang"],
    ),
    p(
        "Vĩnh Long",
        "Vĩnh Long",
        &["huyện Long Hồ", "huyện Mang Thít", "huyện Trà Ôn"],
    ),
    p(
        "Vĩnh Phúc",
        "Vĩnh Yên",
        &["huyện Tam Đảo", "huyện Lập Thạch", "huyện Yên Lạc"],
    ),
    p(
        "Yên Bái",
        "Yên Bái",
        &["huyện Lục Yên", "huyện Văn Chấn", "huyện Mù Cang Chải"],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn sixty_three_provinces_with_unique_names_and_districts() {
        assert_eq!(PROVINCES.len(), 63);
        let names: BTreeSet<_> = PROVINCES.iter().map(|p| p.name).collect();
        assert_eq!(names.len(), 63);
        let mut districts = BTreeSet::new();
        for p in PROVINCES {
            assert_eq!(p.city, p.seat.is_empty(), "{}", p.name);
            for d in p.districts {
                let (_, name) = d.split_once(' ').unwrap();
                assert!(districts.insert(name), "duplicate district {d}");
            }
        }
    }
}

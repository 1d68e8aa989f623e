//! Vietnamese personal names and commune names, composed from weighted
//! syllable pools.

use super::rng::Rng;

/// Family names with rough per-mille frequencies in the population.
const FAMILY: &[(&str, u32)] = &[
    ("Nguyễn", 380),
    ("Trần", 110),
    ("Lê", 95),
    ("Phạm", 70),
    ("Hoàng", 35),
    ("Huỳnh", 25),
    ("Phan", 45),
    ("Vũ", 25),
    ("Võ", 20),
    ("Đặng", 20),
    ("Bùi", 20),
    ("Đỗ", 14),
    ("Hồ", 13),
    ("Ngô", 13),
    ("Dương", 10),
    ("Lý", 5),
    ("Đinh", 8),
    ("Trương", 8),
    ("Lương", 5),
    ("Mai", 4),
    ("Lâm", 4),
    ("Tạ", 3),
    ("Thái", 3),
    ("Hà", 4),
    ("Cao", 4),
    ("Tô", 2),
    ("Châu", 2),
    ("La", 2),
    ("Quách", 2),
    ("Lại", 2),
    ("Triệu", 2),
    ("Kiều", 1),
    ("Khúc", 1),
    ("Lưu", 2),
    ("Đoàn", 5),
    ("Tống", 1),
    ("Văn", 1),
    ("Thân", 1),
];

const MIDDLE_MALE: &[&str] = &[
    "Văn", "Hữu", "Đức", "Thanh", "Minh", "Quốc", "Công", "Xuân", "Hoàng", "Ngọc", "Trung", "Việt",
    "Quang", "Thế", "Đình", "Tuấn", "Anh", "Bá", "Duy", "Kim", "Tấn", "Trọng", "Hồng", "Phước",
    "Lưu", "Chí", "Khắc", "Mạnh", "Sỹ", "Huy", "Thành", "Đăng", "Tiến", "Nhật", "Hải",
];

const MIDDLE_FEMALE: &[&str] = &[
    "Thị", "Thanh", "Ngọc", "Thu", "Kim", "Minh", "Hồng", "Thúy", "Phương", "Mai", "Bích", "Diệu",
    "Thùy", "Lệ", "Hoài", "Khánh", "Mỹ", "Tuyết", "Hải", "Quỳnh",
];

const GIVEN_MALE: &[&str] = &[
    "Bình",
    "Trung",
    "Danh",
    "Hùng",
    "Dũng",
    "Thắng",
    "Hưng",
    "Khoa",
    "Long",
    "Nam",
    "Phong",
    "Quân",
    "Sơn",
    "Tài",
    "Thành",
    "Tuấn",
    "Việt",
    "Vinh",
    "Cường",
    "Đạt",
    "Hải",
    "Hiếu",
    "Hoàng",
    "Huy",
    "Khải",
    "Kiên",
    "Lâm",
    "Lộc",
    "Lợi",
    "Mạnh",
    "Minh",
    "Nghĩa",
    "Nhân",
    "Phúc",
    "Phước",
    "Quang",
    "Sang",
    "Tâm",
    "Tân",
    "Thái",
    "Thanh",
    "Thiện",
    "Thịnh",
    "Thông",
    "Tiến",
    "Toàn",
    "Trí",
    "Trọng",
    "Tùng",
    "Tường",
    "Vũ",
    "Xuân",
    "Chính",
    "Chiến",
    "Công",
    "Định",
    "Đông",
    "Đức",
    "Giang",
    "Hào",
    "Hậu",
    "Hiển",
    "Hòa",
    "Hợp",
    "Khang",
    "Khánh",
    "Luân",
    "Lực",
    "Ninh",
    "Phát",
    "Quý",
    "Sỹ",
    "Thạch",
    "Thuận",
    "Triều",
    "Trường",
    "Tuyên",
    "Uy",
    "Vương",
    "Yên",
    "Bảo",
    "Cảnh",
    "Chương",
    "Duy",
    "Hiệp",
    "Hoan",
    "Kỳ",
    "Linh",
    "Ngọc",
    "Nhật",
    "Quyết",
    "Tín",
    "Thuật",
    "Thụy",
    "Tú",
    "Vĩnh",
    "Võ",
    "Điệp",
    "Khôi",
];

const GIVEN_FEMALE: &[&str] = &[
    "Hảo",
    "Lan",
    "Hương",
    "Mai",
    "Hoa",
    "Hạnh",
    "Hằng",
    "Huyền",
    "Liên",
    "Linh",
    "Loan",
    "Nga",
    "Ngân",
    "Nhung",
    "Oanh",
    "Phượng",
    "Phương",
    "Quyên",
    "Tâm",
    "Thảo",
    "Thơ",
    "Thu",
    "Thủy",
    "Trang",
    "Trinh",
    "Tuyết",
    "Uyên",
    "Vân",
    "Xuân",
    "Yến",
    "Dung",
    "Giang",
    "Hà",
    "Hiền",
    "Hồng",
    "Khuê",
    "Lệ",
    "Ly",
    "My",
    "Nguyệt",
    "Nhàn",
    "Nhi",
    "Sương",
    "Thắm",
    "Thúy",
    "Trâm",
    "Vy",
    "Ánh",
    "Châu",
    "Diễm",
];

/// Syllables of commune and ward names (Tân Phú, Vĩnh Lạc, Mỹ Hòa ...).
const PLACE_SYLLABLES: &[&str] = &[
    "Tân",
    "Phú",
    "Vĩnh",
    "An",
    "Long",
    "Bình",
    "Hòa",
    "Thạnh",
    "Mỹ",
    "Hưng",
    "Thuận",
    "Phước",
    "Lợi",
    "Đông",
    "Tây",
    "Nam",
    "Bắc",
    "Trung",
    "Thành",
    "Lộc",
    "Xuân",
    "Hiệp",
    "Quang",
    "Minh",
    "Khánh",
    "Định",
    "Hải",
    "Sơn",
    "Thủy",
    "Lâm",
    "Điền",
    "Thịnh",
    "Nghĩa",
    "Đức",
    "Tiến",
    "Hồng",
    "Kim",
    "Ngọc",
    "Lạc",
    "Hiếu",
    "Thái",
    "Cường",
    "Yên",
    "Phong",
    "Hà",
    "Giang",
    "Châu",
    "Thới",
    "Hậu",
    "Tường",
    "Quới",
    "Thắng",
    "Lập",
    "Hội",
    "Tịnh",
    "Khương",
    "Thiện",
    "Điện",
    "Cát",
    "Lương",
    "Đại",
    "Tam",
    "Tứ",
    "Cẩm",
    "Thượng",
    "Hạ",
    "Đồng",
    "Liên",
    "Quý",
    "Phúc",
    "Trường",
    "Chánh",
    "Thọ",
    "Mai",
    "Đào",
    "Bảo",
    "Ninh",
    "Uyên",
    "Xương",
    "Hóa",
    "Kiến",
    "Dương",
    "Tịch",
    "Nhơn",
    "Diên",
    "Sa",
    "Cư",
    "Ea",
    "Ia",
    "Nà",
    "Bản",
    "Pá",
    "Mường",
    "Chiềng",
    "Na",
    "Pắc",
    "Khuổi",
    "Lũng",
    "Cốc",
    "Phìn",
    "Quảng",
    "Gia",
    "Vạn",
    "Cao",
    "Thạch",
    "Bồng",
    "Nhuận",
    "Lãng",
    "Tú",
    "Văn",
    "Kỳ",
    "Sen",
    "Dũng",
];

/// A person's full name.
pub(crate) fn person(rng: &mut Rng, female: bool) -> String {
    let family = weighted_family(rng);
    let (middles, givens) = if female {
        (MIDDLE_FEMALE, GIVEN_FEMALE)
    } else {
        (MIDDLE_MALE, GIVEN_MALE)
    };
    let middle = rng.pick_skewed(middles);
    let given = rng.pick(givens);
    if rng.chance(120) {
        let second = rng.pick(if female { GIVEN_FEMALE } else { MIDDLE_MALE });
        if second != given && second != middle && *middle != "Văn" {
            return format!("{family} {middle} {second} {given}");
        }
    }
    format!("{family} {middle} {given}")
}

fn weighted_family(rng: &mut Rng) -> &'static str {
    let total: u32 = FAMILY.iter().map(|&(_, w)| w).sum();
    let mut u = rng.below(total as usize) as u32;
    for &(name, weight) in FAMILY {
        if u < weight {
            return name;
        }
        u -= weight;
    }
    FAMILY[0].0
}

/// The typist's initials printed after "Lưu: VT," (e.g. `pthran`).
pub(crate) fn typist(rng: &mut Rng) -> String {
    let female = rng.chance(550);
    let name = person(rng, female);
    let words: Vec<&str> = name.split(' ').collect();
    let mut out = String::new();
    for w in &words[..words.len() - 1] {
        out.extend(crate::text::fold(w).chars().next());
    }
    out.push_str(&crate::text::fold(words[words.len() - 1]));
    out.retain(|c| c.is_ascii_alphabetic());
    out
}

/// A commune, ward or village name of two syllables.
pub(crate) fn commune(rng: &mut Rng) -> String {
    let first = rng.pick_skewed(PLACE_SYLLABLES);
    let mut second = rng.pick(PLACE_SYLLABLES);
    if second == first {
        second = rng.pick(PLACE_SYLLABLES);
    }
    format!("{first} {second}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_have_family_middle_and_given() {
        let mut rng = Rng::derive(5, &[]);
        for _ in 0..200 {
            let name = person(&mut rng, false);
            let parts = name.split(' ').count();
            assert!((3..=4).contains(&parts), "{name}");
        }
        let t = typist(&mut rng);
        assert!(
            t.len() >= 3 && t.chars().all(|c| c.is_ascii_lowercase()),
            "{t}"
        );
    }
}

//! `vanban import`: the seed files reproduce the documents of `content/`,
//! damaged conversions of them still do, and import never overwrites.

use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use vanban::import::{DocumentOutcome, Draft, MISSING_MARK, draft_documents, import_files};

fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The seed files (`tests/seeds/`: the seed originals as they came from
/// conversion), by the prefix of their name.
fn seed(prefix: &str) -> String {
    let dir = crate_dir().join("tests/seeds");
    let entry = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix}"));
    fs::read_to_string(entry).unwrap()
}

fn seed_path(prefix: &str) -> PathBuf {
    let dir = crate_dir().join("tests/seeds");
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap()
}

/// Which content files each seed holds, in order.
const SEEDS: &[(&str, &[&str])] = &[
    (
        "000",
        &[
            "van-phong-ubnd-tinh-kien-giang/2021-06-21-435-vp-kgvx.md",
            "tinh-uy-kien-giang/2021-06-15-176-cv-tu.md",
        ],
    ),
    ("001", &["tinh-uy-kien-giang/2021-04-29-143-cv-tu.md"]),
    ("002", &["ubnd-tinh-kien-giang/2021-09-11-1507-ubnd-th.md"]),
    ("003", &["tinh-uy-quang-ngai/2021-06-16-453-cv-tu.md"]),
    (
        "004",
        &[
            "van-phong-ubnd-tinh-kien-giang/2021-09-06-6777-vp-kgvx.md",
            "tinh-uy-kien-giang/2021-09-01-374-tb-tu.md",
        ],
    ),
];

fn content(rel: &str) -> String {
    fs::read_to_string(crate_dir().join("tests/fixtures/seeds/content").join(rel)).unwrap()
}

/// Front matter as a generic value, and the body's paragraphs.
fn parse(markdown: &str) -> (Value, Vec<String>) {
    let rest = markdown.strip_prefix("---\n").expect("front matter opens");
    let (yaml, body) = rest.split_once("\n---\n").expect("front matter closes");
    let value: Value = serde_saphyr::from_str(yaml).expect("front matter is YAML");
    let paragraphs = body
        .split("\n\n")
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    (value, paragraphs)
}

fn path_of(draft: &Draft) -> String {
    format!("{}/{}", draft.issuer_folder(), draft.file_name())
}

/// Asserts that the drafts of `text` are the content files `expected`,
/// field for field and paragraph for paragraph.
fn assert_reproduces(what: &str, text: &str, expected: &[&str]) {
    let drafts = draft_documents(text);
    let paths: Vec<String> = drafts.iter().map(path_of).collect();
    assert_eq!(paths, expected, "{what}: documents and their paths");
    for (draft, rel) in drafts.iter().zip(expected) {
        let (want_fields, want_body) = parse(&content(rel));
        let (got_fields, got_body) = parse(&draft.to_markdown());
        assert_eq!(got_fields, want_fields, "{what}: front matter of {rel}");
        assert_eq!(got_body, want_body, "{what}: body of {rel}");
        assert!(
            draft.missing.is_empty(),
            "{what}: {rel} misses {:?}",
            draft.missing
        );
    }
}

#[test]
fn seeds_reproduce_the_content_documents() {
    for (prefix, expected) in SEEDS {
        assert_reproduces(prefix, &seed(prefix), expected);
    }
}

#[test]
fn seeds_reproduce_the_content_files_byte_for_byte() {
    for (prefix, expected) in SEEDS {
        for (draft, rel) in draft_documents(&seed(prefix)).iter().zip(*expected) {
            assert_eq!(draft.to_markdown(), content(rel), "{rel}");
        }
    }
}

/// Replaces `from` by `to` in `text`, insisting that `from` is there.
fn damage(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "the seed no longer contains {from:?}");
    text.replacen(from, to, 1)
}

#[test]
fn interleaved_header_columns_still_give_the_fields() {
    let text = damage(
        &seed("000"),
        "**UBND TỈNH KIÊN GIANG\nVĂN PHÒNG**\n\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc**\n\nSố: 435/VP-KGVX\nV/v chỉ đạo thực hiện Công văn\nsố 176-CV/TU ngày 15/6/2021\ncủa Tỉnh ủy.\n\nKiên Giang, ngày 21 tháng 6 năm 2021\n",
        "UBND TỈNH KIÊN GIANG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nVĂN PHÒNG\nĐộc lập - Tự do - Hạnh phúc\nSố: 435/VP-KGVX\nV/v chỉ đạo thực hiện Công văn\nKiên Giang, ngày 21 tháng 6 năm 2021\nsố 176-CV/TU ngày 15/6/2021\ncủa Tỉnh ủy.\n",
    );
    assert_reproduces("interleaved 000", &text, SEEDS[0].1);
    let text = damage(
        &seed("003"),
        "TỈNH ỦY QUẢNG NGÃI\n\n*\n\nSố 453-CV/TU\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nQuảng Ngãi, ngày 16 tháng 6 năm 2021\n",
        "TỈNH ỦY QUẢNG NGÃI\nĐẢNG CỘNG SẢN VIỆT NAM\n*\nQuảng Ngãi, ngày 16 tháng 6 năm 2021\nSố 453-CV/TU\n",
    );
    assert_reproduces("interleaved 003", &text, SEEDS[3].1);
}

#[test]
fn header_flattened_onto_one_line_still_gives_the_fields() {
    let text = damage(
        &seed("000"),
        "**UBND TỈNH KIÊN GIANG\nVĂN PHÒNG**\n\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc**\n\nSố: 435/VP-KGVX\n",
        "UBND TỈNH KIÊN GIANG VĂN PHÒNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 435/VP-KGVX\n",
    );
    assert_reproduces("flattened 000", &text, SEEDS[0].1);
    let text = damage(
        &seed("002"),
        "Số: 1507 /UBND-TH\nV/v triển khai thực hiện Nghị\nquyết phiên họp Chính phủ\nthường kỳ tháng 08 năm 2021\n\nKiên Giang, ngày 11 tháng 9 năm 2021\n",
        "Số: 1507 /UBND-TH Kiên Giang, ngày 11 tháng 9 năm 2021 V/v triển khai thực hiện Nghị quyết phiên họp Chính phủ thường kỳ tháng 08 năm 2021\n",
    );
    assert_reproduces("flattened 002", &text, SEEDS[2].1);
}

#[test]
fn emphasis_markers_around_lines_are_ignored() {
    let mut text = seed("002");
    for (from, to) in [
        ("Số: 1507 /UBND-TH", "**Số: 1507 /UBND-TH**"),
        (
            "Kiên Giang, ngày 11 tháng 9 năm 2021",
            "*Kiên Giang, ngày 11 tháng 9 năm 2021*",
        ),
        ("Kính gửi:", "**Kính gửi:**"),
        ("Nơi nhận:", "***Nơi nhận:***"),
        ("Nguyễn Đức Chín", "**Nguyễn Đức Chín**"),
    ] {
        text = damage(&text, from, to);
    }
    assert_reproduces("emphasis 002", &text, SEEDS[2].1);
}

#[test]
fn stray_spaces_and_broken_numbers_are_repaired() {
    let text = damage(&seed("000"), "Số: 435/VP-KGVX", "Số: 435 / VP - KGVX");
    let text = damage(&text, "Số 176-CV/TU", "Số 176 - CV/TU");
    assert_reproduces("spaces 000", &text, SEEDS[0].1);
    let text = damage(&seed("002"), "Số: 1507 /UBND-TH", "Số: 1507 /UBND-\nTH");
    assert_reproduces("broken 002", &text, SEEDS[2].1);
    let text = damage(&seed("002"), "Số: 1507 /UBND-TH", "Số: 1507 /UBND\n-TH");
    assert_reproduces("broken before dash 002", &text, SEEDS[2].1);
    let text = damage(&seed("004"), "Số 374-TB/TU", "Số 374-\n\nTB/TU");
    assert_reproduces("broken 004", &text, SEEDS[4].1);
}

#[test]
fn gazette_page_headers_and_page_numbers_are_dropped() {
    let text = damage(
        &seed("000"),
        "trong công tác phòng, chống dịch Covid-19 với tinh thần",
        "trong công tác phòng,\n\nCÔNG BÁO/Số 302/Ngày 02-06-2026\n\n7\n\nchống dịch Covid-19 với tinh thần",
    );
    let text = damage(
        &text,
        "\n\n4. Công an tỉnh",
        "\n\n8\n\nCÔNG BÁO/Số 302/Ngày 02-06-2026 9\n\n4. Công an tỉnh",
    );
    assert_reproduces("gazette 000", &text, SEEDS[0].1);
}

#[test]
fn signature_lines_out_of_order_still_give_the_signer() {
    let text = damage(
        &seed("002"),
        "**KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH**\n\n\n\nNguyễn Đức Chín",
        "Nguyễn Đức Chín\n\nPHÓ CHỦ TỊCH\nKT. CHỦ TỊCH",
    );
    assert_reproduces("signature reversed 002", &text, SEEDS[2].1);
    // The signature column converted before the Nơi nhận column.
    let text = damage(
        &seed("000"),
        "Nơi nhận:\n\n- Như trên;\n- CT, các PCT. UBND tỉnh;\n- Chánh, Phó CVP;\n- Phòng KGVX;\n- Lưu: VT, pthran \"HT\".\n\n**KT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG**\n\n\n\nTrần Công Danh\n",
        "**KT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG**\n\nTrần Công Danh\n\nNơi nhận:\n\n- Như trên;\n- CT, các PCT. UBND tỉnh;\n- Chánh, Phó CVP;\n- Phòng KGVX;\n- Lưu: VT, pthran \"HT\".\n",
    );
    assert_reproduces("signature first 000", &text, SEEDS[0].1);
}

#[test]
fn closing_columns_side_by_side_still_give_list_and_signer() {
    let text = damage(
        &seed("004"),
        "**Nơi nhận:**\n\n- Như trên;\n- CT, các PCT. UBND tỉnh;\n- UBND các huyện, thành phố;\n- Lãnh đạo Văn phòng;\n- Chuyên viên nghiên cứu;\n- Lưu: VT, tthuy, \"HT\".\n\n**KT.CHÁNH VĂN PHÒNG  \nPHÓ CHÁNH VĂN PHÒNG**\n\n\n\n**Đỗ Thị Lệ Hảo**",
        "Nơi nhận: KT.CHÁNH VĂN PHÒNG\n- Như trên; PHÓ CHÁNH VĂN PHÒNG\n- CT, các PCT. UBND tỉnh;\n- UBND các huyện, thành phố;\n- Lãnh đạo Văn phòng;\n- Chuyên viên nghiên cứu;\n- Lưu: VT, tthuy, \"HT\". Đỗ Thị Lệ Hảo",
    );
    assert_reproduces("side by side 004", &text, SEEDS[4].1);
}

#[test]
fn import_writes_files_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let files = [seed_path("000"), seed_path("002")];
    let report = import_files(dir.path(), &files).unwrap();
    assert_eq!(report.written(), 3);
    assert_eq!(report.skipped(), 0);
    let written = dir.path().join(SEEDS[0].1[1]);
    assert_eq!(
        fs::read_to_string(&written).unwrap(),
        content(SEEDS[0].1[1])
    );

    // A maintainer edits a file; importing again leaves it as it is.
    fs::write(&written, "sửa tay").unwrap();
    let again = import_files(dir.path(), &files).unwrap();
    assert_eq!(again.written(), 0);
    assert_eq!(again.skipped(), 3);
    assert!(
        again
            .files
            .iter()
            .flat_map(|f| &f.documents)
            .all(|d| d.outcome == DocumentOutcome::SkippedExisting)
    );
    assert_eq!(fs::read_to_string(&written).unwrap(), "sửa tay");
    let message = again.to_string();
    assert!(message.contains("không ghi đè"), "{message}");
}

#[test]
fn missing_fields_are_reported_and_marked_in_the_file() {
    let text = damage(&seed("002"), "Số: 1507 /UBND-TH\n", "");
    let text = damage(&text, "Kiên Giang, ngày 11 tháng 9 năm 2021\n", "");
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("van-ban.txt");
    fs::write(&source, text).unwrap();
    let content_dir = dir.path().join("content");
    let report = import_files(&content_dir, &[source]).unwrap();
    let doc = &report.files[0].documents[0];
    assert_eq!(doc.missing, ["number", "issuer", "date"]);
    assert_eq!(report.incomplete(), 1);
    let written = fs::read_to_string(&doc.path).unwrap();
    for field in ["number", "issuer", "date"] {
        assert!(
            written.contains(&format!("\n{field}: \"\"  {MISSING_MARK}\n")),
            "{written}"
        );
    }
    // Everything found is still there, and the body is whole.
    let (fields, body) = parse(&written);
    assert_eq!(fields["type"], "Công văn");
    assert_eq!(fields["signers"][0]["name"], "Nguyễn Đức Chín");
    let (_, expected_body) = parse(&content(SEEDS[2].1[0]));
    assert_eq!(body, expected_body);
    assert!(doc.path.starts_with(content_dir.join("chua-ro-co-quan")));
    assert!(
        report
            .to_string()
            .contains("thiếu trường bắt buộc: number, issuer, date")
    );
}

// Documents of other kinds and levels, written in the layouts converters
// produce from real directives (see docs/domain-notes.md).

const NGHI_DINH: &str = include_str!("../fixtures/import/nghi_dinh.txt");

const QUYET_DINH_TTG: &str = include_str!("../fixtures/import/quyet_dinh_ttg.txt");

const THONG_TU: &str = include_str!("../fixtures/import/thong_tu.txt");

const NGHI_QUYET_CP: &str = include_str!("../fixtures/import/nghi_quyet_cp.txt");

const KE_HOACH: &str = include_str!("../fixtures/import/ke_hoach.txt");

const QUYET_DINH_UBND: &str = include_str!("../fixtures/import/quyet_dinh_ubnd.txt");

const KET_LUAN_TW: &str = include_str!("../fixtures/import/ket_luan_tw.txt");

const CONG_DIEN: &str = include_str!("../fixtures/import/cong_dien.txt");

const CHI_THI_FLAT: &str = include_str!("../fixtures/import/chi_thi_flat.txt");

const THONG_BAO_HU: &str = include_str!("../fixtures/import/thong_bao_hu.txt");

const CONG_VAN_SO: &str = include_str!("../fixtures/import/cong_van_so.txt");

const THONG_BAO_VPCP: &str = include_str!("../fixtures/import/thong_bao_vpcp.txt");

const QUYET_DINH_BYT_LAYOUT: &str = include_str!("../fixtures/import/quyet_dinh_byt_layout.txt");

const NGHI_QUYET_HDND: &str = include_str!("../fixtures/import/nghi_quyet_hdnd.txt");

const BAO_CAO_RIGHT_COLUMN_FIRST: &str =
    include_str!("../fixtures/import/bao_cao_right_column_first.txt");

const NGHI_QUYET_TU_PANDOC: &str = include_str!("../fixtures/import/nghi_quyet_tu_pandoc.txt");

/// What a reader of the original would write down.
struct Expected {
    number: &'static str,
    doc_type: &'static str,
    title: &'static str,
    issuer: &'static str,
    date: &'static str,
    place: &'static str,
    /// Name, position, authority.
    signers: &'static [(
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
    )],
    recipients: &'static [&'static str],
    distribution: &'static [&'static str],
    first_paragraph: &'static str,
    last_paragraph: &'static str,
}

const FIXTURES: &[(&str, &str, Expected)] = &[
    (
        "Nghị định of the Government, with a gazette page break",
        NGHI_DINH,
        Expected {
            number: "15/2021/NĐ-CP",
            doc_type: "Nghị định",
            title: "Quy định chi tiết một số nội dung về quản lý dự án đầu tư xây dựng",
            issuer: "Chính phủ",
            date: "2021-03-03",
            place: "Hà Nội",
            signers: &[(
                Some("Trịnh Đình Dũng"),
                Some("Phó Thủ tướng"),
                Some("TM. Chính phủ, KT. Thủ tướng"),
            )],
            recipients: &[],
            distribution: &[],
            first_paragraph: "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;",
            last_paragraph: "2. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ,",
        },
    ),
    (
        "Quyết định of the Prime Minister",
        QUYET_DINH_TTG,
        Expected {
            number: "23/2021/QĐ-TTg",
            doc_type: "Quyết định",
            title: "Quy định việc thực hiện một số chính sách hỗ trợ người lao động và người sử dụng lao động gặp khó khăn do đại dịch COVID-19",
            issuer: "Thủ tướng Chính phủ",
            date: "2021-07-07",
            place: "Hà Nội",
            signers: &[(
                Some("Vũ Đức Đam"),
                Some("Phó Thủ tướng"),
                Some("KT. Thủ tướng"),
            )],
            recipients: &[],
            distribution: &[
                "Ban Bí thư Trung ương Đảng",
                "Thủ tướng, các Phó Thủ tướng Chính phủ",
                "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ",
                "HĐND, UBND các tỉnh, thành phố trực thuộc trung ương",
                "Lưu: VT, KGVX (2)",
            ],
            first_paragraph: "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;",
            last_paragraph: "Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ,",
        },
    ),
    (
        "Thông tư of a ministry, header columns interleaved, spaces in the number",
        THONG_TU,
        Expected {
            number: "10/2021/TT-BYT",
            doc_type: "Thông tư",
            title: "Hướng dẫn về đối tượng, nội dung và tổ chức tập huấn phòng, chống dịch COVID-19 cho nhân viên y tế",
            issuer: "Bộ Y tế",
            date: "2021-06-28",
            place: "Hà Nội",
            signers: &[(
                Some("Nguyễn Trường Sơn"),
                Some("Thứ trưởng"),
                Some("KT. Bộ trưởng"),
            )],
            recipients: &[],
            distribution: &[
                "Ủy ban Xã hội của Quốc hội (để giám sát)",
                "Văn phòng Chính phủ (Công báo, Cổng TTĐT Chính phủ)",
                "Bộ trưởng (để báo cáo)",
                "Lưu: VT, PC, KCB (02b)",
            ],
            first_paragraph: "Căn cứ Luật Phòng, chống bệnh truyền nhiễm ngày 21 tháng 11 năm 2007;",
            last_paragraph: "Chánh Văn phòng Bộ, Cục trưởng Cục Quản lý Khám, chữa bệnh,",
        },
    ),
    (
        "Nghị quyết of the Government",
        NGHI_QUYET_CP,
        Expected {
            number: "68/NQ-CP",
            doc_type: "Nghị quyết",
            title: "Về một số chính sách hỗ trợ người lao động và người sử dụng lao động gặp khó khăn do đại dịch COVID-19",
            issuer: "Chính phủ",
            date: "2021-07-01",
            place: "Hà Nội",
            signers: &[(
                Some("Phạm Minh Chính"),
                Some("Thủ tướng"),
                Some("TM. Chính phủ"),
            )],
            recipients: &[],
            distribution: &["Ban Bí thư Trung ương Đảng", "Lưu: VT, KTTH (2b)"],
            first_paragraph: "CHÍNH PHỦ",
            last_paragraph: "Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ,",
        },
    ),
    (
        "Kế hoạch of a province, interleaved header, footnote",
        KE_HOACH,
        Expected {
            number: "139/KH-UBND",
            doc_type: "Kế hoạch",
            title: "Thực hiện hỗ trợ người lao động và người sử dụng lao động gặp khó khăn do đại dịch Covid-19 trên địa bàn tỉnh Kiên Giang",
            issuer: "UBND tỉnh Kiên Giang",
            date: "2021-07-18",
            place: "Kiên Giang",
            signers: &[(
                Some("Nguyễn Lưu Trung"),
                Some("Phó Chủ tịch"),
                Some("TM. Ủy ban nhân dân, KT. Chủ tịch"),
            )],
            recipients: &[],
            distribution: &[
                "Bộ Lao động - Thương binh và Xã hội",
                "TT.TU, TT.HĐND tỉnh",
                "CT, các PCT UBND tỉnh",
                "Lưu: VT, tvhung",
            ],
            first_paragraph: "Thực hiện Nghị quyết số 68/NQ-CP ngày 01/7/2021 của Chính phủ[^1] và",
            last_paragraph: "[^1]: Nghị quyết số 68/NQ-CP về một số chính sách",
        },
    ),
    (
        "Quyết định of a provincial chairman, columns side by side, annex after the signature",
        QUYET_DINH_UBND,
        Expected {
            number: "2468/QĐ-UBND",
            doc_type: "Quyết định",
            title: "Ban hành Quy chế phối hợp trong công tác phòng, chống dịch COVID-19 trên địa bàn tỉnh Quảng Ninh",
            issuer: "UBND tỉnh Quảng Ninh",
            date: "2021-08-05",
            place: "Quảng Ninh",
            signers: &[(Some("Nguyễn Văn Thắng"), Some("Chủ tịch"), None)],
            recipients: &[],
            distribution: &["Như Điều 3", "Bộ Y tế (b/c)", "Lưu: VT, YT"],
            first_paragraph: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH",
            last_paragraph: "Sở Y tế là cơ quan thường trực,",
        },
    ),
    (
        "Kết luận of the Politburo",
        KET_LUAN_TW,
        Expected {
            number: "07-KL/TW",
            doc_type: "Kết luận",
            title: "Kết luận của Bộ Chính trị về một số nhiệm vụ trọng tâm tăng cường công tác phòng, chống dịch bệnh Covid-19 và phát triển kinh tế - xã hội",
            issuer: "Ban Chấp hành Trung ương",
            date: "2021-06-11",
            place: "Hà Nội",
            signers: &[(Some("Trần Quốc Vượng"), None, Some("T/M Bộ Chính trị"))],
            recipients: &[],
            distribution: &[
                "Các tỉnh ủy, thành ủy",
                "Các ban đảng, ban cán sự đảng, đảng đoàn, đảng ủy trực thuộc Trung ương",
                "Lưu Văn phòng Trung ương Đảng",
            ],
            first_paragraph: "Sau khi nghe Ban cán sự đảng Chính phủ báo cáo",
            last_paragraph: "3. Giao Ban cán sự đảng Chính phủ lãnh đạo,",
        },
    ),
    (
        "Công điện of the Prime Minister",
        CONG_DIEN,
        Expected {
            number: "1099/CĐ-TTg",
            doc_type: "Công điện",
            title: "Tăng cường các biện pháp phòng, chống dịch COVID-19",
            issuer: "Thủ tướng Chính phủ",
            date: "2021-08-22",
            place: "Hà Nội",
            signers: &[(Some("Phạm Minh Chính"), Some("Thủ tướng"), None)],
            recipients: &[],
            distribution: &[
                "Như trên",
                "Thủ tướng, các Phó Thủ tướng",
                "Lưu: VT, KGVX (2)",
            ],
            first_paragraph: "THỦ TƯỚNG CHÍNH PHỦ điện:",
            last_paragraph: "3. Văn phòng Chính phủ theo dõi, đôn đốc",
        },
    ),
    (
        "Chỉ thị of a province, header flattened onto one line, page number",
        CHI_THI_FLAT,
        Expected {
            number: "12/CT-UBND",
            doc_type: "Chỉ thị",
            title: "Tăng cường công tác phòng, chống dịch COVID-19 trong tình hình mới",
            issuer: "UBND tỉnh Đồng Tháp",
            date: "2021-05-20",
            place: "Đồng Tháp",
            signers: &[(
                Some("Phạm Thiện Nghĩa"),
                Some("Chủ tịch"),
                Some("TM. Ủy ban nhân dân"),
            )],
            recipients: &[],
            distribution: &["Văn phòng Chính phủ", "Lưu: VT"],
            first_paragraph: "Thời gian qua, công tác phòng, chống dịch COVID-19",
            last_paragraph: "Yêu cầu Thủ trưởng các sở, ban, ngành tỉnh",
        },
    ),
    (
        "Thông báo of a district Party committee, old tone placement",
        THONG_BAO_HU,
        Expected {
            number: "215-TB/HU",
            doc_type: "Thông báo",
            title: "Ý kiến kết luận của Ban Thường vụ Huyện ủy về công tác chuẩn bị bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021-2026",
            issuer: "Huyện ủy Phú Quốc",
            date: "2021-05-12",
            place: "Phú Quốc",
            signers: &[(
                Some("Nguyễn Văn Lâm"),
                Some("Bí thư"),
                Some("T/M Ban Thường vụ"),
            )],
            recipients: &[],
            distribution: &["Các đồng chí Huyện ủy viên", "Lưu Văn phòng Huyện ủy"],
            first_paragraph: "Ngày 10-5-2021, Ban Thường vụ Huyện ủy họp",
            last_paragraph: "Ban Thường vụ Huyện ủy thông báo",
        },
    ),
    (
        "Công văn of a provincial department",
        CONG_VAN_SO,
        Expected {
            number: "1234/SYT-NVY",
            doc_type: "Công văn",
            title: "Tăng cường giám sát các trường hợp nhập cảnh trái phép",
            issuer: "Sở Y tế tỉnh An Giang",
            date: "2021-05-03",
            place: "An Giang",
            signers: &[(
                Some("Trần Văn Bình"),
                Some("Phó Giám đốc"),
                Some("KT. Giám đốc"),
            )],
            recipients: &["Giám đốc các bệnh viện, trung tâm y tế huyện, thị xã, thành phố"],
            distribution: &[
                "Như trên",
                "UBND tỉnh (b/c)",
                "Ban Giám đốc Sở",
                "Lưu: VT, NVY",
            ],
            first_paragraph: "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh",
            last_paragraph: "Nhận được công văn này,",
        },
    ),
    (
        "Thông báo of the Government Office",
        THONG_BAO_VPCP,
        Expected {
            number: "215/TB-VPCP",
            doc_type: "Thông báo",
            title: "Kết luận của Thủ tướng Chính phủ Phạm Minh Chính tại cuộc họp Ban Chỉ đạo quốc gia phòng, chống dịch COVID-19",
            issuer: "Văn phòng Chính phủ",
            date: "2021-08-10",
            place: "Hà Nội",
            signers: &[(
                Some("Nguyễn Sỹ Hiệp"),
                Some("Phó Chủ nhiệm"),
                Some("KT. Bộ trưởng, Chủ nhiệm"),
            )],
            recipients: &[],
            distribution: &["Thủ tướng, các PTTg", "Lưu: VT, KGVX (3)"],
            first_paragraph: "Ngày 08 tháng 8 năm 2021, Thủ tướng Chính phủ",
            last_paragraph: "Văn phòng Chính phủ thông báo",
        },
    ),
    (
        "Quyết định of a ministry as pdftotext -layout prints it, title in capitals",
        QUYET_DINH_BYT_LAYOUT,
        Expected {
            number: "3616/QĐ-BYT",
            doc_type: "Quyết định",
            title: "Ban hành Hướng dẫn xét nghiệm phát hiện SARS-CoV-2 và cách ly y tế",
            issuer: "Bộ Y tế",
            date: "2021-08-03",
            place: "Hà Nội",
            signers: &[(
                Some("Nguyễn Trường Sơn"),
                Some("Thứ trưởng"),
                Some("KT. Bộ trưởng"),
            )],
            recipients: &[],
            distribution: &["Như Điều 3", "Bộ trưởng (để b/c)", "Lưu: VT, KCB"],
            first_paragraph: "BỘ TRƯỞNG BỘ Y TẾ",
            last_paragraph: "Điều 3. Các ông, bà: Chánh Văn phòng Bộ, Cục trưởng Cục Quản lý Khám, chữa bệnh, Giám đốc Sở Y tế",
        },
    ),
    (
        "Nghị quyết of a provincial council, footnote after the signature",
        NGHI_QUYET_HDND,
        Expected {
            number: "25/2021/NQ-HĐND",
            doc_type: "Nghị quyết",
            title: "Quy định mức chi hỗ trợ cho lực lượng tham gia phòng, chống dịch COVID-19 trên địa bàn tỉnh Kiên Giang",
            issuer: "HĐND tỉnh Kiên Giang",
            date: "2021-12-10",
            place: "Kiên Giang",
            signers: &[(Some("Mai Văn Huỳnh"), Some("Chủ tịch"), None)],
            recipients: &[],
            distribution: &["Ủy ban Thường vụ Quốc hội", "Chính phủ", "Lưu: VT, HĐND"],
            first_paragraph: "HỘI ĐỒNG NHÂN DÂN TỈNH KIÊN GIANG",
            last_paragraph: "[^1]: Luật số 83/2015/QH13.",
        },
    ),
    (
        "Báo cáo of a city, right header column converted first, hard-wrapped lines",
        BAO_CAO_RIGHT_COLUMN_FIRST,
        Expected {
            number: "345/BC-UBND",
            doc_type: "Báo cáo",
            title: "Tình hình thực hiện công tác phòng, chống dịch COVID-19 trên địa bàn thành phố từ ngày 01/9/2021 đến ngày 14/9/2021",
            issuer: "UBND thành phố Đà Nẵng",
            date: "2021-09-15",
            place: "Đà Nẵng",
            signers: &[(
                Some("Lê Trung Chinh"),
                Some("Chủ tịch"),
                Some("TM. Ủy ban nhân dân"),
            )],
            recipients: &[
                "Thủ tướng Chính phủ",
                "Ban Chỉ đạo quốc gia phòng, chống dịch COVID-19",
            ],
            distribution: &["Như trên", "TT TU, TT HĐND TP", "Lưu: VT, SYT"],
            first_paragraph: "Thực hiện chỉ đạo của Thủ tướng Chính phủ tại Công điện số 1099/CĐ-TTg ngày 22 tháng 8 năm 2021, Ủy ban nhân dân thành phố",
            last_paragraph: "Đề nghị Bộ Y tế tiếp tục hỗ trợ",
        },
    ),
    (
        "Nghị quyết of a provincial Party committee as pandoc prints a Word file",
        NGHI_QUYET_TU_PANDOC,
        Expected {
            number: "12-NQ/TU",
            doc_type: "Nghị quyết",
            title: "Nghị quyết của Ban Thường vụ Tỉnh ủy về tăng cường sự lãnh đạo của Đảng đối với công tác phòng, chống dịch COVID-19 trong tình hình mới",
            issuer: "Tỉnh ủy Bình Dương",
            date: "2021-07-05",
            place: "Bình Dương",
            signers: &[(
                Some("Võ Văn Minh"),
                Some("Bí thư"),
                Some("T/M Ban Thường vụ"),
            )],
            recipients: &[],
            distribution: &[
                "Ban Bí thư Trung ương Đảng (b/c)",
                "Các đồng chí Tỉnh ủy viên",
                "Lưu Văn phòng Tỉnh ủy",
            ],
            first_paragraph: "I\\. TÌNH HÌNH VÀ NGUYÊN NHÂN",
            last_paragraph: "Các cấp ủy, tổ chức đảng tổ chức quán triệt, triển khai thực hiện Nghị quyết này.",
        },
    ),
];

/// The fields a draft got right, out of those expected, with what differs.
fn score(draft: &Draft, want: &Expected) -> (usize, usize, Vec<String>) {
    let f = &draft.fields;
    let got_signers: Vec<(Option<&str>, Option<&str>, Option<&str>)> = f
        .signers
        .iter()
        .map(|s| {
            (
                s.name.as_deref(),
                s.position.as_deref(),
                s.authority.as_deref(),
            )
        })
        .collect();
    let paragraphs: Vec<&str> = draft
        .body
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let date = f.date.map(|d| d.to_string());
    let checks: Vec<(&str, bool, String)> = vec![
        (
            "number",
            f.number.as_deref() == Some(want.number),
            format!("{:?}", f.number),
        ),
        (
            "type",
            f.doc_type.as_deref() == Some(want.doc_type),
            format!("{:?}", f.doc_type),
        ),
        (
            "title",
            f.title.as_deref() == Some(want.title),
            format!("{:?}", f.title),
        ),
        (
            "issuer",
            f.issuer.as_deref() == Some(want.issuer),
            format!("{:?}", f.issuer),
        ),
        (
            "date",
            date.as_deref() == Some(want.date),
            format!("{date:?}"),
        ),
        (
            "place",
            f.place.as_deref() == Some(want.place),
            format!("{:?}", f.place),
        ),
        (
            "signers",
            got_signers == want.signers,
            format!("{got_signers:?}"),
        ),
        (
            "recipients",
            f.recipients == want.recipients,
            format!("{:?}", f.recipients),
        ),
        (
            "distribution",
            f.distribution == want.distribution,
            format!("{:?}", f.distribution),
        ),
        (
            "body start",
            paragraphs
                .first()
                .is_some_and(|p| p.starts_with(want.first_paragraph)),
            format!("{:?}", paragraphs.first()),
        ),
        (
            "body end",
            paragraphs
                .last()
                .is_some_and(|p| p.starts_with(want.last_paragraph)),
            format!("{:?}", paragraphs.last()),
        ),
    ];
    let right = checks.iter().filter(|c| c.1).count();
    let wrong = checks
        .iter()
        .filter(|c| !c.1)
        .map(|(name, _, got)| format!("{name}: got {got}"))
        .collect();
    (right, checks.len(), wrong)
}

/// Every sentence-length line of the source is somewhere in the output.
fn assert_no_sentence_lost(what: &str, source: &str, drafts: &[Draft]) {
    let normalize = |s: &str| -> String {
        let s: String = s
            .chars()
            .filter(|c| !matches!(c, '*' | '\\' | '¹' | '²' | '³' | '⁴'))
            .collect();
        s.replace("[^1]", "")
            .replace("[^2]", "")
            .replace("[^3]", "")
            .replace("[^4]", "")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let output = normalize(
        &drafts
            .iter()
            .map(Draft::to_markdown)
            .collect::<Vec<_>>()
            .join("\n"),
    );
    for line in source.lines() {
        // Two columns side by side are checked by the fields, not here.
        if line.trim().contains("   ") {
            continue;
        }
        let line = normalize(line);
        let line = line
            .trim_start_matches(['-', ' '])
            .trim_end_matches([',', ';', '.'])
            .trim_start_matches("v/v ")
            .trim_start_matches("về việc ");
        // "CHỈ THỊ Về việc ...": the heading word is the type, the rest the title.
        let line = line
            .split_once(" về việc ")
            .map_or(line, |(_, subject)| subject);
        let words = line
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        let layout = [
            "cộng hòa xã hội",
            "độc lập",
            "kính gửi",
            ", ngày ",
            "ký bởi:",
            "thời gian ký:",
        ]
        .iter()
        .any(|l| line.contains(l));
        if words >= 8 && !layout && !line.starts_with("số") {
            assert!(output.contains(line), "{what}: lost {line:?}");
        }
    }
}

#[test]
fn documents_of_every_kind_and_level() {
    let mut failures = Vec::new();
    let (mut right, mut total) = (0, 0);
    for (what, text, want) in FIXTURES {
        let drafts = draft_documents(text);
        assert_eq!(drafts.len(), 1, "{what}: one document");
        let (r, t, wrong) = score(&drafts[0], want);
        right += r;
        total += t;
        if !wrong.is_empty() {
            failures.push(format!("{what}:\n  {}", wrong.join("\n  ")));
        }
        assert!(
            drafts[0].missing.is_empty(),
            "{what}: missing {:?}",
            drafts[0].missing
        );
        assert_no_sentence_lost(what, text, &drafts);
    }
    println!("{} documents, {right}/{total} fields right", FIXTURES.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

const COVER_AND_CONCLUSION: &str = include_str!("../fixtures/import/cover_and_conclusion.txt");

#[test]
fn party_office_cover_letter_with_stamp_and_the_conclusion_it_sends() {
    let drafts = draft_documents(COVER_AND_CONCLUSION);
    let paths: Vec<String> = drafts.iter().map(path_of).collect();
    assert_eq!(
        paths,
        [
            "van-phong-tinh-uy-kien-giang/2021-06-14-1234-cv-vptu.md",
            "ban-chap-hanh-trung-uong/2021-06-11-07-kl-tw.md"
        ]
    );
    let cover = &drafts[0].fields;
    assert_eq!(
        cover.title.as_deref(),
        Some("Sao gửi Kết luận của Bộ Chính trị")
    );
    assert_eq!(cover.attachments, ["07-KL/TW"]);
    assert_eq!(cover.signers[0].name.as_deref(), Some("Nguyễn Thị Hoa"));
    assert_eq!(
        cover.signers[0].authority.as_deref(),
        Some("K/T Chánh Văn phòng")
    );
    assert_eq!(cover.recipients, ["Các đồng chí Tỉnh ủy viên"]);
    // The footnote printed after the signature belongs to the cover letter.
    assert!(drafts[0].body.ends_with("[^1]: Kết luận số 07-KL/TW về một số nhiệm vụ trọng tâm tăng cường công tác phòng, chống dịch bệnh Covid-19.\n"));
    assert!(!drafts[0].body.contains("Ký bởi"));
    let conclusion = &drafts[1].fields;
    assert_eq!(conclusion.doc_type.as_deref(), Some("Kết luận"));
    assert_eq!(
        conclusion.signers[0].name.as_deref(),
        Some("Trần Quốc Vượng")
    );
    assert_no_sentence_lost("cover and conclusion", COVER_AND_CONCLUSION, &drafts);
}

#[test]
fn no_sentence_of_the_seeds_is_lost() {
    for (prefix, _) in SEEDS {
        let text = seed(prefix);
        assert_no_sentence_lost(prefix, &text, &draft_documents(&text));
    }
}

#[test]
fn a_cover_letter_flattened_into_four_lines() {
    let text = "UBND TỈNH KIÊN GIANG VĂN PHÒNG Số: 435/VP-KGVX V/v chỉ đạo thực hiện Công văn số 176-CV/TU ngày 15/6/2021 của Tỉnh ủy. CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Kiên Giang, ngày 21 tháng 6 năm 2021 Kính gửi: - Giám đốc các sở, ban ngành cấp tỉnh; - Chủ tịch UBND các huyện, thành phố.
Ủy ban nhân dân tỉnh Kiên Giang nhận được Công văn số 176-CV/TU ngày 15/6/2021 của Tỉnh ủy về việc tăng cường công tác phòng, chống dịch bệnh Covid-19 và phát triển kinh tế - xã hội (có văn bản kèm theo).
Phó Chủ tịch UBND tỉnh Nguyễn Lưu Trung có ý kiến chỉ đạo giao các sở, ban ngành cấp tỉnh, UBND các huyện, thành phố tăng cường thực hiện các biện pháp phòng, chống dịch Covid-19 theo tinh thần chỉ đạo của Công văn số 176-CV/TU ngày 15/6/2021 của Tỉnh ủy và Công văn số 821/UBND-KGVX ngày 15/6/2021 của UBND tỉnh.
Văn phòng UBND tỉnh xin thông báo ý kiến của Phó Chủ tịch UBND tỉnh Nguyễn Lưu Trung đến các sở, ngành và địa phương biết để tổ chức thực hiện. /sgm
Nơi nhận: - Như trên; - CT, các PCT. UBND tỉnh; - Chánh, Phó CVP; - Phòng KGVX; - Lưu: VT, pthran \"HT\". KT. CHÁNH VĂN PHÒNG PHÓ CHÁNH VĂN PHÒNG Trần Công Danh
";
    let drafts = draft_documents(text);
    assert_eq!(drafts.len(), 1);
    let (mut want, want_body) = parse(&content(SEEDS[0].1[0]));
    // The forwarded directive is not in this file, so nothing is attached.
    want.as_object_mut().unwrap().remove("attachments");
    let (got, got_body) = parse(&drafts[0].to_markdown());
    assert_eq!(got, want);
    assert_eq!(got_body, want_body);
}

// Real, messy text: one test per class of failure seen on the real corpus
// (tests/real-corpus), each on a short real excerpt kept as a file in
// tests/fixtures/import/.

fn fixture(name: &str) -> String {
    let path = crate_dir().join("tests/fixtures/import").join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn only_draft(name: &str) -> Draft {
    let drafts = draft_documents(&fixture(name));
    assert_eq!(drafts.len(), 1, "{name}: one document");
    drafts.into_iter().next().unwrap()
}

fn date(y: i32, m: u32, d: u32) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn web_page_chrome_is_not_the_document() {
    // thuvienphapluat.vn: copyright banner, a box repeating the fields, the
    // site's own notice dated "TP. HCM, ngày 31/05/2021" after the document.
    let d = only_draft("web_page_chrome.txt");
    let f = &d.fields;
    assert_eq!(f.number.as_deref(), Some("9476/BNNMT-CNTY"));
    assert_eq!(f.doc_type.as_deref(), Some("Công văn"));
    assert_eq!(f.date, date(2025, 11, 24));
    assert_eq!(f.place.as_deref(), Some("Hà Nội"));
    let title = f.title.as_deref().unwrap_or("");
    assert!(title.starts_with("Trả lời bổ sung kiến nghị"), "{title}");
    assert!(!d.body.contains("Bản dịch này thuộc quyền"), "banner kept");
    assert!(!d.body.contains("Số hiệu:"), "field box kept");
}

#[test]
fn issuer_wrapped_by_the_page_width_is_one_name() {
    // "**THỦ TƯỚNG CHÍNH" / "PHỦ**", the motto broken the same way, and the
    // date line broken after "ngày 16".
    let d = only_draft("wrapped_issuer.txt");
    assert_eq!(d.fields.issuer.as_deref(), Some("Thủ tướng Chính phủ"));
    assert_eq!(d.fields.number.as_deref(), Some("217/CĐ-TTg"));
    assert_eq!(d.fields.doc_type.as_deref(), Some("Công điện"));
    assert_eq!(d.fields.date, date(2025, 11, 16));
}

#[test]
fn header_printed_as_a_markdown_table() {
    // Cells with rule lines glued on ("... HỒ CHÍ MINH --------"), a place
    // with its level word ("Thành phố Hồ Chí Minh, ngày ...").
    let d = only_draft("table_header.txt");
    let f = &d.fields;
    assert_eq!(f.number.as_deref(), Some("49/2012/QĐ-UBND"));
    assert_eq!(f.date, date(2012, 10, 23));
    assert_eq!(f.place.as_deref(), Some("Thành phố Hồ Chí Minh"));
    assert!(
        f.title
            .as_deref()
            .unwrap_or("")
            .starts_with("Ban hành Quy chế")
    );
    assert!(
        !d.body.contains("Source: https"),
        "the page's source line kept"
    );
}

#[test]
fn header_set_in_columns_side_by_side() {
    // Pandoc's simple table: two columns on one line, hard line breaks
    // ("QUỐC HỘI\"), the issuer over two lines of its column.
    let d = only_draft("column_header.txt");
    let f = &d.fields;
    assert_eq!(f.issuer.as_deref(), Some("Ủy ban Thường vụ Quốc hội"));
    assert_eq!(f.number.as_deref(), Some("1654/NQ-UBTVQH15"));
    assert_eq!(f.date, date(2025, 6, 16));
    assert_eq!(f.doc_type.as_deref(), Some("Nghị quyết"));
}

#[test]
fn unicode_spaces_and_format_characters_are_spaces_or_nothing() {
    // U+00A0, U+2009, U+202F, U+200B, U+00AD, U+3000, U+FEFF,
    // U+2028 and a tab inside the header of a real Công văn.
    let text = fixture("unicode_spaces.txt");
    for c in [
        '\u{a0}', '\u{202f}', '\u{200b}', '\u{ad}', '\u{3000}', '\u{feff}', '\u{2028}',
    ] {
        assert!(text.contains(c), "the fixture holds U+{:04X}", c as u32);
    }
    let d = only_draft("unicode_spaces.txt");
    let f = &d.fields;
    assert_eq!(f.issuer.as_deref(), Some("Bộ Nội vụ"));
    assert_eq!(f.number.as_deref(), Some("10988/BNV-CQĐP"));
    assert_eq!(f.date, date(2025, 11, 21));
    assert_eq!(f.place.as_deref(), Some("Hà Nội"));
    assert_eq!(
        f.title.as_deref(),
        Some("Tuyên truyền chủ trương, chính sách của Đảng, Nhà nước")
    );
    let md = d.to_markdown();
    assert!(
        !md.contains(['\u{a0}', '\u{200b}', '\u{ad}', '\u{3000}', '\u{feff}']),
        "no invisible character reaches the draft"
    );
}

#[test]
fn a_blank_form_number_is_left_to_fill() {
    // "Số:      /SCT-CN" of a form not yet numbered: no number is better
    // than "/SCT-CN"; the date with blanks is no date either.
    let d = only_draft("blank_form_number.txt");
    assert_eq!(d.fields.number, None);
    assert_eq!(d.fields.date, None);
    assert!(d.missing.contains(&"number") && d.missing.contains(&"date"));
    assert!(
        d.to_markdown()
            .contains(&format!("number: \"\"  {MISSING_MARK}"))
    );
}

#[test]
fn every_document_of_a_batch_gets_its_own_draft() {
    // Two files whose drafts would take the same name (no number, no date,
    // the same opening words): both are written, and a second run of the
    // batch writes nothing over them.
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a.txt");
    let b = tmp.path().join("b.txt");
    fs::write(
        &a,
        "Ủy ban nhân dân tỉnh đề nghị các đơn vị thực hiện ngay.\n",
    )
    .unwrap();
    fs::write(
        &b,
        "Ủy ban nhân dân tỉnh đề nghị các đơn vị thực hiện sớm.\n",
    )
    .unwrap();
    let content = tmp.path().join("content");
    let files = [a, b];
    let report = import_files(&content, &files).unwrap();
    assert_eq!(report.written(), 2, "{report}");
    assert_eq!(report.skipped(), 0, "{report}");
    let paths: Vec<_> = report
        .files
        .iter()
        .flat_map(|f| &f.documents)
        .map(|d| d.path.clone())
        .collect();
    assert_ne!(paths[0], paths[1]);
    let second = fs::read_to_string(&paths[1]).unwrap();
    assert!(second.contains("sớm"));
    let again = import_files(&content, &files).unwrap();
    assert_eq!(again.written(), 0, "{again}");
    assert_eq!(again.skipped(), 2);
    assert_eq!(fs::read_to_string(&paths[1]).unwrap(), second);
}

#[test]
fn web_page_trailer_after_the_signature_is_the_sites() {
    // thuvienphapluat.vn names the document after it ("Quyết định
    // 3617/QĐ-UBND năm 2025 ..."), then related documents, its own notice
    // dated "TP. HCM, ngày 31/05/2021" citing Nghị định 13/2023/NĐ-CP, and
    // login messages: none of it is the document's.
    let d = only_draft("web_page_trailer.txt");
    let f = &d.fields;
    assert_eq!(f.number.as_deref(), Some("3617/QĐ-UBND"));
    assert_eq!(f.doc_type.as_deref(), Some("Quyết định"));
    // "*Thanh" / "Hóa, ngày ...*": a word the page width wrapped off.
    assert_eq!(f.place.as_deref(), Some("Thanh Hóa"));
    assert_eq!(f.date, date(2025, 11, 20));
    // "VỀ" / "VIỆC ...", and lines left hanging on "CỦA" go on.
    assert_eq!(
        f.title.as_deref().map(str::to_lowercase).as_deref(),
        Some(
            "ủy quyền cho chánh văn phòng ủy ban nhân dân tỉnh công bố thủ tục hành chính theo chỉ thị số 27/ct-ttg ngày 15 tháng 8 năm 2024 của thủ tướng chính phủ"
        )
    );
    let names: Vec<&str> = f.signers.iter().filter_map(|s| s.name.as_deref()).collect();
    assert_eq!(names, ["Phan Thị Thắng"]);
    for site in [
        "13/2023",
        "Thưa Quý khách",
        "Đăng xuất",
        "Văn bản liên quan",
        "chưa cập nhật",
        "năm 2025 ủy quyền cho",
    ] {
        assert!(
            !d.body.contains(site),
            "the site's {site:?} kept: {}",
            d.body
        );
    }
    assert!(d.body.contains("có hiệu lực thi hành kể từ ngày ký"));
}

#[test]
fn numbers_in_a_title_an_annex_table_or_a_blank_form_start_no_document() {
    // One Nghị quyết: its title quotes "SỐ 09/2022/NQ-HĐND" on a line of its
    // own, its annex lists numbers and holds a blank form with "Số:".
    let drafts = draft_documents(&fixture("annex_quoting_numbers.txt"));
    assert_eq!(drafts.len(), 1, "one document");
    let f = &drafts[0].fields;
    assert_eq!(f.number.as_deref(), Some("34/2025/NQ-HĐND"));
    assert_eq!(f.doc_type.as_deref(), Some("Nghị quyết"));
    let title = f.title.as_deref().unwrap_or("").to_lowercase();
    assert!(
        title.ends_with("kèm theo nghị quyết số 09/2022/nq-hđnd ngày 14 tháng 7 năm 2022 của hội đồng nhân dân tỉnh thừa thiên huế"),
        "{title}"
    );
    assert!(
        drafts[0].body.contains("Số 246-QĐ/BKTTW"),
        "the annex stays"
    );
    assert!(drafts[0].body.contains("Nội dung của kế hoạch."));
}

#[test]
fn header_numbers_are_read_by_the_one_grammar() {
    // A dot inside the unit (`V.I`) is part of the number, in the header as
    // in citations; the issuer is not left with a piece of it.
    let d = only_draft("dotted_unit_number.txt");
    assert_eq!(d.fields.number.as_deref(), Some("11554/VPCP-V.I"));
    assert_eq!(d.fields.issuer.as_deref(), Some("Văn phòng Chính phủ"));
    assert_eq!(d.fields.doc_type.as_deref(), Some("Công văn"));
}

#[test]
fn a_chairmans_own_decision_names_the_chairman() {
    // QĐ-CTUBND: the header prints "CHỦ TỊCH ỦY BAN NHÂN DÂN" over the
    // province; the issuer is the position with its body, not the province.
    let d = only_draft("chairman_issuer.txt");
    assert_eq!(d.fields.number.as_deref(), Some("163/2025/QĐ-CTUBND"));
    assert_eq!(
        d.fields.issuer.as_deref(),
        Some("Chủ tịch UBND tỉnh Ninh Bình")
    );
    assert_eq!(d.fields.date, date(2025, 11, 25));
}

#[test]
fn a_damaged_issuer_is_left_to_fill() {
    // Letters spread apart by the page ("B Ộ LAO ĐỘNG ... V À X Ã HỘI"):
    // an empty, marked field is better than a wrong name.
    let d = only_draft("damaged_issuer.txt");
    assert_eq!(d.fields.issuer, None);
    assert!(d.missing.contains(&"issuer"));
    assert!(d.notes.iter().any(|n| n.contains("B ộ")), "{:?}", d.notes);
    assert_eq!(d.fields.number.as_deref(), Some("2638/LĐTBXH-KHTC"));
}

#[test]
fn a_central_name_cut_by_the_page_is_completed_by_its_code() {
    let d = only_draft("cut_central_issuer.txt");
    assert_eq!(
        d.fields.issuer.as_deref(),
        Some("Ủy ban Thường vụ Quốc hội")
    );
}

#[test]
fn a_head_word_wrapped_off_its_name_joins_it() {
    // "BỘ" / "TÀI CHÍNH" / "CỤC THUẾ": the ministry over its department.
    let d = only_draft("head_word_wrapped.txt");
    assert_eq!(d.fields.issuer.as_deref(), Some("Cục Thuế"));
    assert_eq!(d.fields.title.as_deref(), Some("Chính sách thuế"));
}

#[test]
fn a_subject_in_one_italic_span_is_read_whole() {
    let d = only_draft("long_italic_subject.txt");
    assert_eq!(
        d.fields.title.as_deref(),
        Some(
            "Triển khai thực hiện Kế hoạch cải tạo Quốc lộ 51 Biên Hòa - Vũng Tàu và Dự án Đường cao tốc Biên Hòa - Vũng Tàu giai đoạn 1 trên địa bàn tỉnh"
        )
    );
    assert_eq!(d.fields.place.as_deref(), Some("Đồng Nai"));
    assert_eq!(d.fields.date, date(2025, 11, 20));
}

#[test]
fn a_blank_form_symbol_set_apart_is_no_issuer() {
    // "Số:           /KH-UBND" cut at the wide gap: the symbol is the
    // blank number's, not a line of the issuer.
    let d = only_draft("blank_form_split_symbol.txt");
    assert_eq!(d.fields.number, None);
    assert_eq!(d.fields.issuer.as_deref(), Some("UBND tỉnh Lào Cai"));
    // The date is blank; the place before it is printed whole.
    assert_eq!(d.fields.date, None);
    assert_eq!(d.fields.place.as_deref(), Some("Lào Cai"));
}

#[test]
fn the_place_of_a_date_that_cannot_be_read_is_kept() {
    // OCR broke "năm" ("QăP 2026"): no date, but the place is "Lào Cai".
    let d = only_draft("unread_date.txt");
    assert_eq!(d.fields.date, None);
    assert_eq!(d.fields.place.as_deref(), Some("Lào Cai"));
    assert_eq!(d.fields.number.as_deref(), Some("466/PC-VPUBND"));
}

#[test]
fn a_rule_mark_between_the_issuers_words_is_dropped() {
    // "ỦY BAN NHÂN DÂN _" / "TỈNH LÀO CAI": the underscore is the rule
    // under the name, not a word of it; the name is written as usual.
    let d = only_draft("rule_mark_in_issuer.txt");
    assert_eq!(d.fields.issuer.as_deref(), Some("UBND tỉnh Lào Cai"));
    assert_eq!(d.fields.number.as_deref(), Some("11/2026/QĐ-UBND"));
}

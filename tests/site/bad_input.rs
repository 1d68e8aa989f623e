//! Malformed and unusual documents at the loader level (issue 9): each broken
//! file gives one clear error naming its file, line, field and problem; each
//! merely unusual file loads with the right values. Nothing panics.

use std::path::{Path, PathBuf};
use tempfile::TempDir;
use vanban::diagnostics::Diagnostic;
use vanban::document::Document;
use vanban::load::load;

/// A valid document; its lines are numbered in the comments of the tests.
const GOOD: &str = "---
number: 176-CV/TU
type: Công văn
title: Tăng cường công tác phòng, chống dịch bệnh Covid-19
issuer: Tỉnh ủy Kiên Giang
date: 2021-06-15
place: Kiên Giang
signers:
  - name: Đỗ Thanh Bình
    position: Bí thư
    authority: T/M Ban Thường vụ
recipients:
  - Các đồng chí Tỉnh ủy viên
topics: [Covid-19]
---

Nội dung chỉ thị.
";

/// GOOD with the line starting `key:` (and its indented continuation)
/// replaced by `replacement` (which may span lines, or be empty to drop it).
fn good_with(key: &str, replacement: &str) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for line in GOOD.lines() {
        if line.starts_with(&format!("{key}:")) {
            if !replacement.is_empty() {
                out.push_str(replacement);
                out.push('\n');
            }
            skipping = true;
            continue;
        }
        if skipping && line.starts_with(' ') {
            continue;
        }
        skipping = false;
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// GOOD with `extra` lines added at the end of the front matter (line 15).
fn good_plus(extra: &str) -> String {
    GOOD.replacen(
        "topics: [Covid-19]\n",
        &format!("topics: [Covid-19]\n{extra}\n"),
        1,
    )
}

fn site(files: &[(&str, &[u8])]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, bytes) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

fn errors_of(files: &[(&str, &[u8])]) -> (TempDir, Vec<Diagnostic>) {
    let dir = site(files);
    let errors = load(dir.path()).expect_err("the content should be refused");
    (dir, errors)
}

fn loaded(files: &[(&str, &[u8])]) -> Vec<Document> {
    let dir = site(files);
    load(dir.path()).unwrap_or_else(|errors| {
        panic!("should load, got:\n{}", render(&errors));
    })
}

fn render(errors: &[Diagnostic]) -> String {
    errors
        .iter()
        .map(|e| e.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The single error of a site with one file `a.md` holding `text`; checks
/// its file, line and field, and that its message has every word of `words`.
fn single_error(
    text: impl AsRef<[u8]>,
    line: usize,
    field: Option<&str>,
    words: &[&str],
) -> Diagnostic {
    let (dir, errors) = errors_of(&[("a.md", text.as_ref())]);
    assert_eq!(errors.len(), 1, "{}", render(&errors));
    let error = errors.into_iter().next().unwrap();
    assert_eq!(error.file, dir.path().join("a.md"));
    assert_eq!(error.line, line, "{error}");
    assert_eq!(error.field.as_deref(), field, "{error}");
    for word in words {
        assert!(error.message.contains(word), "`{word}` not in: {error}");
    }
    error
}

fn only_doc(text: impl AsRef<[u8]>) -> Document {
    let mut docs = loaded(&[("a.md", text.as_ref())]);
    assert_eq!(docs.len(), 1);
    docs.remove(0)
}

// --- no front matter -------------------------------------------------------

#[test]
fn plain_markdown_without_front_matter() {
    single_error(
        "# Chỉ thị 176\n\nNội dung.\n",
        1,
        None,
        &["thiếu front matter: tệp phải bắt đầu bằng một dòng ---"],
    );
}

#[test]
fn empty_file() {
    single_error("", 1, None, &["thiếu front matter"]);
}

#[test]
fn blank_line_before_the_front_matter() {
    single_error(format!("\n{GOOD}"), 1, None, &["thiếu front matter"]);
}

#[test]
fn four_dashes_are_not_a_delimiter() {
    single_error(
        GOOD.replacen("---", "----", 1),
        1,
        None,
        &["thiếu front matter"],
    );
}

// --- unterminated front matter ---------------------------------------------

#[test]
fn front_matter_never_closed() {
    let text = GOOD.replace("---\n\nNội dung", "\nNội dung");
    single_error(text, 1, None, &["front matter chưa được đóng", "---"]);
}

#[test]
fn front_matter_closed_with_dots() {
    let text = GOOD.replace("---\n\nNội dung", "...\n\nNội dung");
    single_error(text, 1, None, &["chưa được đóng"]);
}

// --- invalid YAML ------------------------------------------------------------

#[test]
fn unclosed_flow_list() {
    let e = single_error(
        good_plus("references: [07-KL/TW, 1099/CĐ-TTg\nsource: x"),
        16,
        Some("references"),
        &[
            "YAML không hợp lệ",
            "dấu `[` mở ở dòng 15 có thể chưa được đóng",
        ],
    );
    assert!(e.column > 0);
}

#[test]
fn unclosed_quote_in_a_list() {
    let e = single_error(
        good_with("topics", "topics: [\"Covid-19]"),
        14,
        Some("topics"),
        &["YAML không hợp lệ", "dấu nháy chưa được đóng"],
    );
    assert_eq!(e.column, 10);
}

#[test]
fn unclosed_quote_on_a_top_level_value() {
    single_error(
        good_with("title", "title: \"Tăng cường công tác"),
        5,
        Some("title"),
        &["YAML không hợp lệ", "thiếu dấu nháy đóng"],
    );
}

#[test]
fn tab_used_for_indentation() {
    single_error(
        good_with("recipients", "recipients:\n\t- Các đồng chí Tỉnh ủy viên"),
        13,
        Some("recipients"),
        &["YAML không hợp lệ", "tab"],
    );
}

#[test]
fn colon_inside_an_unquoted_title() {
    single_error(
        good_with("title", "title: Kết luận: tăng cường phòng, chống dịch"),
        4,
        Some("title"),
        &["YAML không hợp lệ", "dấu `:`", "nháy kép"],
    );
}

#[test]
fn misaligned_signer_key() {
    let text = GOOD.replace("    position: Bí thư", "   position: Bí thư");
    single_error(text, 10, Some("signers"), &["YAML không hợp lệ"]);
}

#[test]
fn second_yaml_document_inside_the_front_matter() {
    single_error(
        good_plus("...\nplace: Rạch Giá"),
        16,
        Some("place"),
        &["chỉ được chứa một tài liệu YAML"],
    );
}

#[test]
fn alias_bomb_is_refused_cheaply() {
    let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        bomb.push_str(&format!(
            "a{i}: &a{i} [{}]\n",
            vec![format!("*a{}", i - 1); 10].join(", ")
        ));
    }
    let (_dir, errors) = errors_of(&[("a.md", good_plus(bomb.trim_end()).as_bytes())]);
    assert_eq!(errors.len(), 1, "{}", render(&errors));
    assert!(
        errors[0].message.contains("front matter quá lớn"),
        "{}",
        errors[0]
    );
}

#[test]
fn deep_nesting_is_refused() {
    let deep = format!("topics: {}x{}", "[".repeat(5000), "]".repeat(5000));
    let (_dir, errors) = errors_of(&[("a.md", good_with("topics", &deep).as_bytes())]);
    assert_eq!(errors.len(), 1, "{}", render(&errors));
    assert_eq!(errors[0].line, 14);
    assert!(errors[0].message.contains("YAML không hợp lệ") || errors[0].message.contains("lồng"));
}

// --- wrong types ----------------------------------------------------------------

#[test]
fn title_given_as_a_mapping() {
    single_error(
        good_with("title", "title:\n  vi: Tăng cường\n  en: Strengthening"),
        5,
        Some("title"),
        &["phải là chuỗi", "bảng khóa–giá trị"],
    );
}

#[test]
fn issuer_given_as_a_list() {
    single_error(
        good_with("issuer", "issuer: [Tỉnh ủy Kiên Giang, UBND tỉnh]"),
        5,
        Some("issuer"),
        &["phải là chuỗi", "danh sách"],
    );
}

#[test]
fn topics_given_as_a_single_string() {
    single_error(
        good_with("topics", "topics: Covid-19"),
        14,
        Some("topics"),
        &["phải là danh sách", "topics: [giá trị]"],
    );
}

#[test]
fn signers_given_as_a_name() {
    single_error(
        good_with("signers", "signers: Đỗ Thanh Bình"),
        8,
        Some("signers"),
        &["danh sách người ký"],
    );
}

#[test]
fn signer_given_as_a_bare_name() {
    single_error(
        good_with("signers", "signers:\n  - Đỗ Thanh Bình"),
        9,
        Some("signers"),
        &["người ký thứ 1", "name, position, authority"],
    );
}

#[test]
fn front_matter_that_is_a_list() {
    single_error(
        "---\n- number: 176-CV/TU\n---\nNội dung\n",
        2,
        None,
        &["phải là một bảng khóa–giá trị", "danh sách"],
    );
}

// --- duplicate keys ---------------------------------------------------------------

#[test]
fn title_given_twice() {
    single_error(
        good_plus("title: Một trích yếu khác"),
        15,
        Some("title"),
        &["`title` bị lặp lại", "dòng 4"],
    );
}

#[test]
fn signer_name_given_twice() {
    let text = GOOD.replace(
        "    authority: T/M Ban Thường vụ\n",
        "    authority: T/M Ban Thường vụ\n    name: Người khác\n",
    );
    single_error(text, 12, Some("signers"), &["`name` bị lặp lại", "dòng 9"]);
}

// --- unknown fields ----------------------------------------------------------------

#[test]
fn misspelled_field_gets_a_suggestion() {
    let e = single_error(
        good_plus("titel: Trích yếu"),
        15,
        Some("titel"),
        &[
            "không được hỗ trợ",
            "Có phải ý bạn là `title`?",
            "number, type, title, issuer, date",
        ],
    );
    assert!(e.to_string().contains("a.md:15:1: error: `titel`:"), "{e}");
}

#[test]
fn field_from_another_generator() {
    let e = single_error(
        good_plus("layout: page"),
        15,
        Some("layout"),
        &["không được hỗ trợ", "aliases"],
    );
    assert!(!e.message.contains("Có phải"), "{e}");
}

// --- missing and empty required values --------------------------------------------

#[test]
fn missing_issuer() {
    single_error(
        good_with("issuer", ""),
        1,
        Some("issuer"),
        &["thiếu trường bắt buộc `issuer`", "cơ quan ban hành"],
    );
}

#[test]
fn empty_front_matter_names_every_required_field() {
    let (_dir, errors) = errors_of(&[("a.md", "---\n---\nNội dung\n".as_bytes())]);
    let fields: Vec<_> = errors.iter().map(|e| e.field.as_deref().unwrap()).collect();
    assert_eq!(fields, ["date", "issuer", "number", "title", "type"]);
}

#[test]
fn title_left_empty() {
    single_error(
        good_with("title", "title:"),
        4,
        Some("title"),
        &["bắt buộc", "để trống"],
    );
}

#[test]
fn number_given_as_empty_quotes() {
    single_error(
        good_with("number", "number: \"\""),
        2,
        Some("number"),
        &["để trống"],
    );
}

// --- impossible dates -----------------------------------------------------------------

#[test]
fn thirtieth_of_february() {
    let e = single_error(
        good_with("date", "date: 2021-02-30"),
        6,
        Some("date"),
        &["ngày không có thật", "2021-02-30", "28 ngày"],
    );
    assert_eq!(e.column, 7);
    assert!(
        e.to_string()
            .contains("a.md:6:7: error: `date`: ngày không có thật"),
        "{e}"
    );
}

#[test]
fn twenty_ninth_of_february_in_a_common_year() {
    single_error(
        good_with("date", "date: 2022-02-29"),
        6,
        Some("date"),
        &["ngày không có thật"],
    );
}

#[test]
fn thirteenth_month() {
    single_error(
        good_with("date", "date: 2021-13-01"),
        6,
        Some("date"),
        &["không có tháng 13"],
    );
}

#[test]
fn date_written_day_first() {
    single_error(
        good_with("date", "date: 15/06/2021"),
        6,
        Some("date"),
        &["YYYY-MM-DD", "2021-06-15"],
    );
}

#[test]
fn date_with_a_time() {
    single_error(
        good_with("date", "date: 2021-06-15 08:30:00"),
        6,
        Some("date"),
        &["YYYY-MM-DD"],
    );
}

#[test]
fn leap_day_and_quoted_date_load() {
    let doc = only_doc(good_with("date", "date: \"2024-02-29\""));
    assert_eq!(doc.date.to_string(), "2024-02-29");
}

// --- encodings and line ends ---------------------------------------------------------

#[test]
fn invalid_utf8_in_the_body() {
    let mut bytes = GOOD.as_bytes().to_vec();
    bytes.extend_from_slice(b"Ch\xe1\xbb th\xff\n");
    let e = single_error(bytes, 18, None, &["UTF-8", "dòng 18", "cột 3"]);
    assert_eq!(e.column, 3);
    assert_eq!(e.snippet.as_deref(), Some("Ch\u{FFFD} th\u{FFFD}"));
}

#[test]
fn latin1_title() {
    let text = good_with("title", "title: Ch@ th@");
    // `ì` as a single Latin-1 byte.
    let bytes: Vec<u8> = text
        .bytes()
        .map(|b| if b == b'@' { 0xEC } else { b })
        .collect();
    single_error(bytes, 4, None, &["UTF-8", "dòng 4", "cột 10"]);
}

#[test]
fn byte_order_mark_loads() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(GOOD.as_bytes());
    let doc = only_doc(bytes);
    assert_eq!(doc.number, "176-CV/TU");
    assert_eq!(doc.body_line, 16);
}

#[test]
fn crlf_line_ends_load() {
    let doc = only_doc(GOOD.replace('\n', "\r\n"));
    assert_eq!(
        doc.title,
        "Tăng cường công tác phòng, chống dịch bệnh Covid-19"
    );
    assert_eq!(
        doc.signers[0].authority.as_deref(),
        Some("T/M Ban Thường vụ")
    );
    assert_eq!(doc.body, "\nNội dung chỉ thị.\n");
    assert_eq!(doc.body_line, 16);
}

#[test]
fn crlf_errors_point_at_the_right_line() {
    let text = good_with("date", "date: 2021-02-30").replace('\n', "\r\n");
    let e = single_error(text, 6, Some("date"), &["ngày không có thật"]);
    assert_eq!(e.snippet.as_deref(), Some("date: 2021-02-30"));
}

// --- size ------------------------------------------------------------------------------

#[test]
fn fifty_megabyte_body_loads() {
    let line = "Nội dung chỉ thị về phòng, chống dịch bệnh Covid-19 và phát triển kinh tế.\n";
    let mut text = String::with_capacity(50 * 1024 * 1024 + 1024);
    text.push_str(GOOD);
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(line);
    }
    let doc = only_doc(&text);
    assert_eq!(
        doc.body.len(),
        text.len() - GOOD.find("\nNội dung").unwrap()
    );
    assert!(doc.body.ends_with(line));
}

#[test]
fn hundred_thousand_character_line_in_the_body_loads() {
    let long = "ạ".repeat(100_000);
    let doc = only_doc(format!("{GOOD}{long}\n"));
    assert!(doc.body.contains(&long));
}

#[test]
fn hundred_thousand_character_title_loads() {
    let long = "Tăng cường ".repeat(10_000);
    let doc = only_doc(good_with("title", &format!("title: {long}")));
    assert_eq!(doc.title, long.trim());
}

#[test]
fn hundred_thousand_character_line_with_an_error_is_shown_cut() {
    let long = "x".repeat(100_000);
    let e = single_error(
        good_plus(&format!("ghi_chu: {long}")),
        15,
        Some("ghi_chu"),
        &["không được hỗ trợ"],
    );
    assert!(e.snippet.unwrap().starts_with("ghi_chu: xxx"));
}

// --- path traversal and hostile values ----------------------------------------------------

#[test]
fn number_climbing_out_of_the_site() {
    single_error(
        good_with("number", "number: ../../etc/passwd"),
        2,
        Some("number"),
        &["`..`"],
    );
}

#[test]
fn number_without_any_digit() {
    single_error(
        good_with("number", "number: /etc/passwd"),
        2,
        Some("number"),
        &["chữ số"],
    );
}

#[test]
fn number_carrying_markup() {
    single_error(
        good_with("number", "number: \"176<script>alert(1)</script>\""),
        2,
        Some("number"),
        &["`<`"],
    );
}

#[test]
fn control_character_in_a_title() {
    single_error(
        good_with("title", "title: \"Chỉ thị\\u0000\""),
        4,
        Some("title"),
        &["ký tự điều khiển", "U+0000"],
    );
}

#[test]
fn alias_to_another_host() {
    single_error(
        good_plus("aliases: [\"//evil.example/van-ban/\"]"),
        15,
        Some("aliases"),
        &["alias trỏ ra ngoài trang"],
    );
}

#[test]
fn alias_with_a_scheme() {
    single_error(
        good_plus("aliases: [\"javascript:alert(1)\"]"),
        15,
        Some("aliases"),
        &["alias trỏ ra ngoài trang"],
    );
}

#[test]
fn alias_climbing_out_of_the_site() {
    single_error(
        good_plus("aliases:\n  - /cu/176/\n  - /../../etc/"),
        17,
        Some("aliases"),
        &["alias trỏ ra ngoài trang", "/../../etc/"],
    );
}

#[test]
fn source_with_a_script_scheme() {
    single_error(
        good_plus("source: javascript:alert(1)"),
        15,
        Some("source"),
        &["https://"],
    );
}

#[test]
fn unusual_but_valid_values_load() {
    let text = good_with("number", "number: 0176").replace(
        "topics: [Covid-19]",
        "topics: [Covid-19, \"<b>in đậm</b>\"]\naliases: [/cu/176.html]",
    );
    let doc = only_doc(text);
    assert_eq!(doc.number, "0176");
    assert_eq!(doc.topics, ["Covid-19", "<b>in đậm</b>"]);
    assert_eq!(doc.aliases, ["/cu/176.html"]);
}

// --- identity -------------------------------------------------------------------------------

#[test]
fn two_files_with_one_identity() {
    let second = good_with("title", "title: Bản sao").replace("2021-06-15", "2021-12-01");
    let (dir, errors) = errors_of(&[
        ("a/176.md", GOOD.as_bytes()),
        ("b/176-ban-sao.md", second.as_bytes()),
    ]);
    assert_eq!(errors.len(), 1, "{}", render(&errors));
    let e = &errors[0];
    assert_eq!(e.file, dir.path().join("a/176.md"));
    assert_eq!((e.line, e.field.as_deref()), (2, Some("number")));
    assert!(
        e.message.contains("176-ban-sao.md") && e.message.contains("dòng 2"),
        "{e}"
    );
    assert!(
        e.message.contains("Tỉnh ủy Kiên Giang") && e.message.contains("2021"),
        "{e}"
    );
    assert_eq!(e.snippet.as_deref(), Some("number: 176-CV/TU"));
}

#[test]
fn one_identity_despite_spelling_of_the_number() {
    let a = good_with("number", "number: 1099/CĐ-TTg");
    let b = good_with("number", "number: 1099 /CD-TTG");
    let (_dir, errors) = errors_of(&[("a.md", a.as_bytes()), ("b.md", b.as_bytes())]);
    assert_eq!(errors.len(), 1, "{}", render(&errors));
}

#[test]
fn same_number_from_another_issuer_or_year_is_another_document() {
    let other_issuer = good_with("issuer", "issuer: Tỉnh ủy Quảng Ngãi");
    let other_year = good_with("date", "date: 2022-06-15");
    let docs = loaded(&[
        ("a.md", GOOD.as_bytes()),
        ("b.md", other_issuer.as_bytes()),
        ("c.md", other_year.as_bytes()),
    ]);
    assert_eq!(docs.len(), 3);
}

// --- the run as a whole ------------------------------------------------------------------------

#[test]
fn every_error_of_every_file_is_reported() {
    let (dir, errors) = errors_of(&[
        ("a.md", good_with("date", "date: 2021-02-30").as_bytes()),
        ("b/c.md", b"no front matter"),
        ("b/d.md", good_plus("titel: x\nlayout: y").as_bytes()),
    ]);
    let got: Vec<(PathBuf, usize)> = errors.iter().map(|e| (e.file.clone(), e.line)).collect();
    let p = |s: &str| dir.path().join(s);
    assert_eq!(
        got,
        [
            (p("a.md"), 6),
            (p("b/c.md"), 1),
            (p("b/d.md"), 15),
            (p("b/d.md"), 16)
        ]
    );
}

#[test]
fn only_markdown_documents_are_read() {
    let docs = loaded(&[
        ("a.md", GOOD.as_bytes()),
        ("_index.md", "# Trang chủ".as_bytes()),
        ("_co-quan.yaml", b"not: [markdown"),
        ("notes.txt", b"ghi chu"),
        (".git/x.md", b"broken"),
        (".hidden.md", b"broken"),
        ("anh/scan.pdf", b"%PDF"),
    ]);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].path, "a.md");
}

#[test]
fn documents_come_sorted_by_date_number_issuer_path() {
    let a = good_with("date", "date: 2022-01-10");
    let b = good_with("number", "number: 99-CV/TU");
    let c = good_with("issuer", "issuer: Tỉnh ủy Bình Dương");
    let dir = site(&[
        ("z/a.md", a.as_bytes()),
        ("y/b.md", b.as_bytes()),
        ("x/c.md", c.as_bytes()),
        ("w/d.md", GOOD.as_bytes()),
    ]);
    let docs = load(dir.path()).unwrap_or_else(|e| panic!("{}", render(&e)));
    let paths: Vec<&str> = docs.iter().map(|d| d.path.as_str()).collect();
    // 176 < 99 as normalized text; Bình Dương < Kiên Giang.
    assert_eq!(paths, ["x/c.md", "w/d.md", "y/b.md", "z/a.md"]);
    assert_eq!(docs[1].file, dir.path().join("w/d.md"));
    assert_eq!(docs[1].body_line, 16);
    assert_eq!(docs[1].body, "\nNội dung chỉ thị.\n");
}

#[test]
fn missing_content_folder() {
    let dir = tempfile::tempdir().unwrap();
    let missing: &Path = &dir.path().join("khong-co");
    let errors = load(missing).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0]
            .message
            .contains("không tìm thấy thư mục nội dung")
    );
}

//! The maintainer's workflow through the CLI: check, new, init.

use crate::site;

use site::*;

#[test]
fn check_on_the_sample_is_clean_apart_from_warnings() {
    let tmp = tempfile::tempdir().unwrap();
    copy_sample(tmp.path());
    let out = vanban(tmp.path(), &["check"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("7 văn bản: 0 lỗi"), "{err}");
    // An unresolved citation is a warning pointing at its line and column.
    assert!(
        err.contains("tinh-uy-kien-giang/2021-06-15-176-cv-tu.md:")
            && err.contains("warning: trích dẫn 07-KL/TW chưa có trong kho"),
        "{err}"
    );
}

#[test]
fn check_on_a_broken_archive_prints_each_problem_with_path_and_line() {
    let tmp = tempfile::tempdir().unwrap();
    let content = copy_sample(tmp.path());
    std::fs::write(
        content.join("bad-date.md"),
        "---\nnumber: 3/KH-UBND\ntype: Kế hoạch\ntitle: T\nissuer: UBND tỉnh Kiên Giang\ndate: 2021-02-30\n---\nx\n",
    )
    .unwrap();
    std::fs::write(
        content.join("unknown.md"),
        "---\nnumber: 4/KH-UBND\ntype: Kế hoạch\ntitle: T\nissuer: UBND tỉnh Kiên Giang\ndate: 2021-03-01\nsigner: X\n---\nx\n",
    )
    .unwrap();
    let out = vanban(tmp.path(), &["check"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("bad-date.md:6:"), "{err}");
    assert!(err.contains("unknown.md:7:"), "{err}");
    assert!(err.contains("error:"), "{err}");
    // The offending line is shown under the message, rustc-style.
    assert!(err.contains("6 | date: 2021-02-30"), "{err}");
}

#[test]
fn check_warns_about_mismatched_numbers_future_dates_and_missing_signers() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    std::fs::create_dir_all(&content).unwrap();
    std::fs::write(
        content.join("x.md"),
        "---\nnumber: 374-TB/TU\ntype: Công văn\ntitle: T\nissuer: Tỉnh ủy Kiên Giang\ndate: 2999-01-01\n---\nx\n",
    )
    .unwrap();
    let out = vanban(tmp.path(), &["check"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("x.md:2: warning: `number`: mã loại trong số ký hiệu chỉ \"Thông báo\""),
        "{err}"
    );
    assert!(
        err.contains("x.md:6: warning: `date`: ngày ban hành 2999-01-01 ở tương lai"),
        "{err}"
    );
    assert!(
        err.contains("warning: `signers`: văn bản không có người ký"),
        "{err}"
    );
}

#[test]
fn bad_usage_exits_with_two() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(
        vanban(tmp.path(), &["check", "--no-such-flag"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(vanban(tmp.path(), &["frobnicate"]).status.code(), Some(2));
}

#[test]
fn init_then_build_works_in_an_empty_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let out = vanban(tmp.path(), &["init", "kho"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let kho = tmp.path().join("kho");
    for f in [
        "vanban.toml",
        "content/_co-quan.yaml",
        ".github/workflows/pages.yml",
        ".gitlab-ci.yml",
    ] {
        assert!(kho.join(f).is_file(), "{f}");
    }
    let workflow = read(&kho.join(".github/workflows/pages.yml"));
    assert!(workflow.contains("vanban build") && workflow.contains("on:\n  push:"));
    assert!(read(&kho.join(".gitlab-ci.yml")).contains("vanban build"));
    let out = vanban(&kho, &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(kho.join("public/index.html").is_file());
    assert!(vanban::linkcheck::check_site(&kho.join("public")).is_empty());
    // A second init refuses to overwrite.
    assert_eq!(vanban(tmp.path(), &["init", "kho"]).status.code(), Some(1));

    // `new` writes a skeleton that builds once given a title.
    let out = vanban(
        &kho,
        &[
            "new",
            "--number",
            "12/KH-UBND",
            "--type",
            "Kế hoạch",
            "--issuer",
            "UBND tỉnh Kiên Giang",
            "--date",
            "2024-03-05",
            "--title",
            "Phòng, chống thiên tai",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = vanban(&kho, &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        kho.join("public/van-ban/2024/12-kh-ubnd/index.html")
            .is_file()
    );
}

#[test]
fn every_command_has_help_with_examples() {
    let tmp = tempfile::tempdir().unwrap();
    for cmd in [
        "build", "check", "serve", "import", "new", "init", "generate",
    ] {
        let out = vanban(tmp.path(), &[cmd, "--help"]);
        assert!(out.status.success(), "{cmd}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Ví dụ:"), "{cmd} --help has no examples");
    }
}

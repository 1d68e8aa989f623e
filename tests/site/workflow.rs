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

/// An archive whose citations need the issuer registry: a district's
/// "Chỉ thị số 01-CT/TU của Tỉnh ủy" means its own province's Tỉnh ủy,
/// and only the registry says which province the district is in.
fn registry_archive(dir: &std::path::Path) {
    let content = dir.join("content");
    std::fs::create_dir_all(&content).unwrap();
    std::fs::write(
        content.join("_co-quan.yaml"),
        "- name: UBND huyện Đức Linh\n  province: Bình Thuận\n  level: huyện\n",
    )
    .unwrap();
    let doc = |file: &str, number: &str, ty: &str, issuer: &str, date: &str, body: &str| {
        std::fs::write(
            content.join(file),
            format!(
                "---\nnumber: {number}\ntype: {ty}\ntitle: Về công tác phòng, chống thiên tai\nissuer: {issuer}\ndate: {date}\nsigners:\n- name: Nguyễn Văn A\n---\n{body}\n"
            ),
        )
        .unwrap();
    };
    doc(
        "a.md",
        "01-CT/TU",
        "Chỉ thị",
        "Tỉnh ủy Bình Thuận",
        "2020-11-09",
        "Nội dung.",
    );
    doc(
        "b.md",
        "01-CT/TU",
        "Chỉ thị",
        "Tỉnh ủy Quảng Ninh",
        "2020-12-01",
        "Nội dung.",
    );
    doc(
        "c.md",
        "1963/UBND-VP",
        "Công văn",
        "UBND huyện Đức Linh",
        "2021-01-05",
        "Thực hiện Chỉ thị số 01-CT/TU của Tỉnh ủy về phòng, chống thiên tai và Kế hoạch số 99/KH-UBND ngày 01/02/2020 của UBND tỉnh.",
    );
    doc(
        "d.md",
        "77/UBND-VP",
        "Công văn",
        "UBND huyện Tiên Yên",
        "2021-01-06",
        "Thực hiện Chỉ thị số 01-CT/TU của Tỉnh ủy về phòng, chống thiên tai.",
    );
}

/// (file, cited number, verdict) of each citation `vanban check` warns
/// about: `external` or `ambiguous`.
fn check_verdicts(err: &str) -> std::collections::BTreeSet<(String, String, &'static str)> {
    err.lines()
        .filter_map(|l| {
            let (file, rest) = l.split_once(':')?;
            let rest = rest.split_once("warning: trích dẫn ")?.1;
            let (number, what) = rest.split_once(' ')?;
            let verdict = if what.starts_with("chưa có trong kho") {
                "external"
            } else if what.starts_with("không xác định được") {
                "ambiguous"
            } else {
                return None;
            };
            let file = file.rsplit(['/', '\\']).next()?.to_string();
            Some((file, number.to_string(), verdict))
        })
        .collect()
}

#[test]
fn check_resolves_every_citation_as_build_does_with_the_registry() {
    let tmp = tempfile::tempdir().unwrap();
    registry_archive(tmp.path());
    let check = vanban(tmp.path(), &["check"]);
    let err = stderr(&check);
    assert_eq!(check.status.code(), Some(0), "{err}");
    let public = build_ok(tmp.path());

    // What the build made of each citation, from its open data.
    let file_of = |number: &str, issuer: &str| match (number, issuer) {
        ("01-CT/TU", "Tỉnh ủy Bình Thuận") => "a.md",
        ("01-CT/TU", _) => "b.md",
        ("1963/UBND-VP", _) => "c.md",
        _ => "d.md",
    };
    let data: serde_json::Value =
        serde_json::from_str(&read(&public.join("data/documents.json"))).unwrap();
    let mut built = std::collections::BTreeSet::new();
    let mut resolved = Vec::new();
    for d in data["documents"].as_array().unwrap() {
        let file = file_of(d["number"].as_str().unwrap(), d["issuer"].as_str().unwrap());
        for r in d["references"].as_array().unwrap() {
            let number = r["number"].as_str().unwrap_or("").to_string();
            if r["in_archive"].as_bool().unwrap() {
                resolved.push((file, r["url"].as_str().unwrap().to_string()));
            } else if r.get("candidates").is_some() {
                built.insert((file.to_string(), number, "ambiguous"));
            } else {
                built.insert((file.to_string(), number, "external"));
            }
        }
    }
    // The registry puts Đức Linh in Bình Thuận: its citation is a link to
    // Bình Thuận's directive, and check does not call it ambiguous.
    assert_eq!(resolved.len(), 1, "{resolved:?}");
    assert_eq!(resolved[0].0, "c.md");
    let a_url = data["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["issuer"] == "Tỉnh ủy Bình Thuận")
        .unwrap()["url"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(resolved[0].1, a_url);
    // Tiên Yên's province is not known: its "Tỉnh ủy" may be either.
    assert!(
        built.contains(&("d.md".into(), "01-CT/TU".into(), "ambiguous")),
        "{built:?}"
    );
    assert!(
        built.contains(&("c.md".into(), "99/KH-UBND".into(), "external")),
        "{built:?}"
    );
    // check warns about exactly the citations build did not link.
    assert_eq!(check_verdicts(&err), built, "{err}");
}

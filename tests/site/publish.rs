//! Publishing by `git push`: a site built without settings carries no
//! loopback address, the 404 page works at any depth, and the CI files
//! `vanban init` writes run: their shell steps, extracted from the YAML,
//! install vanban from a release (the local binary standing in for the
//! download, by `file://`) and build the site.

use crate::site;

use site::*;
use std::path::{Path, PathBuf};
use std::process::Command;

const VERSION: &str = env!("CARGO_PKG_VERSION");

fn files(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect()
}

#[test]
fn without_settings_no_file_carries_a_loopback_address_and_build_and_check_warn() {
    let tmp = tempfile::tempdir().unwrap();
    copy_sample(tmp.path());
    assert!(!tmp.path().join("vanban.toml").exists());
    let out = vanban(tmp.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("`base_url`"), "{}", stderr(&out));
    let public = tmp.path().join("public");
    let all = files(&public);
    assert!(all.len() > 50, "{} files", all.len());
    for file in &all {
        let bytes = std::fs::read(file).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        for loopback in ["127.0.0.1", "localhost", "[::1]"] {
            assert!(!text.contains(loopback), "{}: {loopback}", file.display());
        }
    }
    // What needs an absolute address is left out; links stay relative.
    for absent in [
        "feed.xml",
        "sitemap.xml",
        "co-quan/tinh-uy-kien-giang/feed.xml",
    ] {
        assert!(!public.join(absent).exists(), "{absent}");
    }
    let page = read(&public.join("van-ban/2021/176-cv-tu/index.html"));
    assert!(!page.contains("rel=\"canonical\""));
    assert!(!page.contains("og:url"));
    assert!(!page.contains("application/atom+xml"));
    assert!(!page.contains("\"url\":"), "JSON-LD carries an address");
    assert!(
        page.contains("<span class=\"permalink\">/van-ban/2021/176-cv-tu/</span>"),
        "the permalink is not the page's path"
    );
    assert!(read(&public.join("robots.txt")).find("Sitemap").is_none());
    assert!(vanban::linkcheck::check_site(&public).is_empty());

    let out = vanban(tmp.path(), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("vanban.toml: warning: `base_url`") && err.contains("--base-url"),
        "{err}"
    );
    // Given the setting, the warning goes and the absolute addresses come.
    // (Under a base path too: the 404 page's links from the root are no broken links.)
    let out = vanban(
        tmp.path(),
        &["check", "--base-url", "https://h.example/kho"],
    );
    assert!(!stderr(&out).contains("`base_url`"), "{}", stderr(&out));
    assert!(stderr(&out).contains(" 0 lỗi"), "{}", stderr(&out));
    let out = vanban(
        tmp.path(),
        &["build", "--base-url", "https://h.example/kho"],
    );
    assert!(!stderr(&out).contains("`base_url`"), "{}", stderr(&out));
    assert!(read(&public.join("feed.xml")).contains("https://h.example/kho/van-ban/"));
    let page = read(&public.join("van-ban/2021/176-cv-tu/index.html"));
    assert!(page.contains(
        "<span class=\"permalink\">https://h.example/kho/van-ban/2021/176-cv-tu/</span>"
    ));
    assert!(page.contains("\"url\":\"https://h.example/kho/van-ban/2021/176-cv-tu/\""));
}

/// What a browser fetches for `href` on a page at `page_url` (a path),
/// resolved the way URLs are: absolute paths from the root, relative ones
/// from the page's folder.
fn resolve(page_url: &str, href: &str) -> String {
    if href.starts_with('/') {
        return href.to_string();
    }
    let mut parts: Vec<&str> = page_url.trim_end_matches(|c| c != '/').split('/').collect();
    parts.pop();
    for seg in href.split('/') {
        match seg {
            ".." => {
                if parts.len() > 1 {
                    parts.pop();
                }
            }
            "." => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

#[test]
fn the_404_page_loads_its_stylesheet_and_links_at_any_depth() {
    let tmp = tempfile::tempdir().unwrap();
    copy_sample(tmp.path());
    for (args, mount) in [
        (vec!["build"], "/"),
        (
            vec!["build", "--base-url", "https://h.example/kho/"],
            "/kho/",
        ),
    ] {
        let out = vanban(tmp.path(), &args);
        assert!(out.status.success(), "{}", stderr(&out));
        let public = tmp.path().join("public");
        let page = read(&public.join("404.html"));
        let html = scraper::Html::parse_document(&page);
        let sel =
            scraper::Selector::parse("link[href], a[href], form[action], script[src]").unwrap();
        let mut checked = 0;
        for depth in ["a", "a/b/c/", "van-ban/2099/x/y/"] {
            let served_at = format!("{mount}{depth}");
            for el in html.select(&sel) {
                let v = el.value();
                let href = v
                    .attr("href")
                    .or(v.attr("action"))
                    .or(v.attr("src"))
                    .unwrap();
                if href.starts_with('#') {
                    continue;
                }
                if let Some(rest) = href.strip_prefix("https://h.example") {
                    assert!(rest.starts_with(mount), "{href}");
                    continue;
                }
                let url = resolve(&served_at, href);
                let rel = url
                    .strip_prefix(mount)
                    .unwrap_or_else(|| panic!("{href} at {served_at} leaves the site: {url}"));
                let file = public.join(rel);
                let file = if rel.is_empty() || rel.ends_with('/') {
                    file.join("index.html")
                } else {
                    file
                };
                assert!(
                    file.is_file(),
                    "{href} at {served_at}: {} missing",
                    file.display()
                );
                checked += 1;
            }
        }
        assert!(page.contains("static/style.css"));
        assert!(checked >= 3 * 8, "{checked}");
    }
}

/// The release a tag would publish, made from the local binary: the
/// archive the CI files download and its `.sha256`, under `v<version>/`.
fn local_release(dir: &Path, tamper: bool) -> PathBuf {
    let target = match std::env::consts::ARCH {
        "aarch64" => "aarch64-unknown-linux-gnu",
        _ => "x86_64-unknown-linux-gnu",
    };
    let release = dir.join(format!("v{VERSION}"));
    let stage = dir.join("stage");
    std::fs::create_dir_all(&release).unwrap();
    std::fs::create_dir_all(&stage).unwrap();
    std::fs::copy(env!("CARGO_BIN_EXE_vanban"), stage.join("vanban")).unwrap();
    let name = format!("vanban-{VERSION}-{target}.tar.gz");
    let run = |cmd: &mut Command| {
        let o = cmd.output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        o.stdout
    };
    run(Command::new("tar")
        .arg("-czf")
        .arg(release.join(&name))
        .arg("-C")
        .arg(&stage)
        .arg("vanban"));
    let sum = run(Command::new("sha256sum").arg(&name).current_dir(&release));
    std::fs::write(release.join(format!("{name}.sha256")), sum).unwrap();
    if tamper {
        // The archive changes after its checksum was published.
        std::fs::write(stage.join("vanban"), "#!/bin/sh\necho evil\n").unwrap();
        run(Command::new("tar")
            .arg("-czf")
            .arg(release.join(&name))
            .arg("-C")
            .arg(&stage)
            .arg("vanban"));
    }
    dir.to_path_buf()
}

/// A fresh archive from `vanban init` holding the sample documents.
fn fresh_archive(tmp: &Path) -> PathBuf {
    let out = vanban(tmp, &["init", "kho"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let kho = tmp.join("kho");
    copy_dir(&seeds(), &kho.join("content"));
    kho
}

fn yaml(path: &Path) -> serde_json::Value {
    serde_saphyr::from_str(&read(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A `cargo` that records being called and fails: the fallback must not
/// run when a verified binary is there, and never builds in a test.
fn cargo_shim(dir: &Path) -> PathBuf {
    let bin = dir.join("shim");
    std::fs::create_dir_all(&bin).unwrap();
    let cargo = bin.join("cargo");
    std::fs::write(
        &cargo,
        format!(
            "#!/bin/sh\necho \"$@\" >> {}\nexit 1\n",
            dir.join("cargo-calls").display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&cargo, std::fs::Permissions::from_mode(0o755)).unwrap();
    bin
}

fn base_env(cmd: &mut Command, tmp: &Path, releases: &Path, shim: &Path) {
    let path = format!("{}:/usr/bin:/bin", shim.display());
    cmd.env_clear()
        .env("PATH", path)
        .env("HOME", tmp.join("home"))
        .env("VANBAN_RELEASES", format!("file://{}", releases.display()));
}

/// Runs the `run:` steps of the generated GitHub workflow in order, as the
/// runner does (top-level `env`, `$GITHUB_PATH` read between steps).
fn run_github_steps(kho: &Path, tmp: &Path, releases: &Path) -> Result<(), String> {
    let workflow = yaml(&kho.join(".github/workflows/pages.yml"));
    let shim = cargo_shim(tmp);
    let github_path = tmp.join("github-path");
    std::fs::write(&github_path, "").unwrap();
    let steps = workflow["jobs"]["build"]["steps"].as_array().unwrap();
    let mut ran = 0;
    for step in steps {
        let Some(script) = step["run"].as_str() else {
            continue;
        };
        let script = script.replace(
            "${{ steps.pages.outputs.base_url }}",
            "https://example.github.io/kho",
        );
        assert!(
            !script.contains("${{"),
            "an expression the test does not know: {script}"
        );
        let mut cmd = Command::new("bash");
        base_env(&mut cmd, tmp, releases, &shim);
        let mut path = read(&github_path)
            .lines()
            .rev()
            .map(str::to_string)
            .collect::<Vec<_>>();
        path.push(format!("{}:/usr/bin:/bin", shim.display()));
        cmd.env("PATH", path.join(":"))
            .env("GITHUB_PATH", &github_path);
        for (k, v) in workflow["env"].as_object().unwrap() {
            cmd.env(k, v.as_str().unwrap());
        }
        let out = cmd
            .args([
                "--noprofile",
                "--norc",
                "-e",
                "-o",
                "pipefail",
                "-c",
                &script,
            ])
            .current_dir(kho)
            .output()
            .unwrap();
        ran += 1;
        if !out.status.success() {
            return Err(format!(
                "step {:?} failed: {}{}",
                step["name"],
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    assert_eq!(ran, 3, "install, check, build");
    Ok(())
}

#[test]
fn the_github_pages_workflow_installs_the_pinned_release_and_builds_the_site() {
    let tmp = tempfile::tempdir().unwrap();
    let kho = fresh_archive(tmp.path());
    let workflow = read(&kho.join(".github/workflows/pages.yml"));
    assert!(workflow.contains(&format!("VANBAN_VERSION: \"{VERSION}\"")));
    assert!(workflow.contains(&format!(
        "{}/releases/download",
        env!("CARGO_PKG_REPOSITORY")
    )));
    let releases = local_release(&tmp.path().join("releases"), false);
    run_github_steps(&kho, tmp.path(), &releases).unwrap();
    assert!(!tmp.path().join("cargo-calls").exists(), "cargo ran");
    let installed = tmp.path().join("home/.vanban/bin/vanban");
    assert_eq!(
        std::fs::read(&installed).unwrap(),
        std::fs::read(env!("CARGO_BIN_EXE_vanban")).unwrap()
    );
    let public = kho.join("public");
    assert!(public.join("van-ban/2021/176-cv-tu/index.html").is_file());
    assert!(read(&public.join("feed.xml")).contains("https://example.github.io/kho/van-ban/"));

    // The site and the build cache are kept between runs, keyed on the
    // vanban version (a restore prefix: the newest cache of that version).
    let steps = yaml(&kho.join(".github/workflows/pages.yml"))["jobs"]["build"]["steps"].clone();
    let cache = steps
        .as_array()
        .unwrap()
        .iter()
        .find(|s| {
            s["with"]["path"]
                .as_str()
                .is_some_and(|p| p.contains(".vanban-cache"))
        })
        .expect("a cache step for the build cache");
    assert!(
        cache["uses"]
            .as_str()
            .unwrap()
            .starts_with("actions/cache@")
    );
    assert!(cache["with"]["path"].as_str().unwrap().contains("public"));
    let key = cache["with"]["key"].as_str().unwrap();
    let prefix = cache["with"]["restore-keys"].as_str().unwrap();
    assert!(prefix.contains("${{ env.VANBAN_VERSION }}"), "{prefix}");
    assert!(key.starts_with(prefix) && key.len() > prefix.len(), "{key}");
    assert!(kho.join(".vanban-cache/vanban-cache.json").is_file());
    // The next run (cache restored) builds with it: nothing to write.
    run_github_steps(&kho, tmp.path(), &releases).unwrap();
    assert!(public.join("van-ban/2021/176-cv-tu/index.html").is_file());
}

#[test]
fn a_download_that_fails_its_checksum_is_never_run_and_cargo_is_asked_instead() {
    let tmp = tempfile::tempdir().unwrap();
    let kho = fresh_archive(tmp.path());
    let releases = local_release(&tmp.path().join("releases"), true);
    let err = run_github_steps(&kho, tmp.path(), &releases).unwrap_err();
    assert!(err.contains("Install vanban"), "{err}");
    assert!(!err.contains("evil"), "{err}");
    let calls = read(&tmp.path().join("cargo-calls"));
    assert!(calls.contains("install --locked --root"), "{calls}");
    assert!(calls.contains(&format!("vanban@{VERSION}")), "{calls}");
    assert!(!kho.join("public").exists());
}

#[test]
fn the_gitlab_pages_job_installs_the_pinned_release_and_builds_the_site() {
    let tmp = tempfile::tempdir().unwrap();
    let kho = fresh_archive(tmp.path());
    let ci = yaml(&kho.join(".gitlab-ci.yml"));
    let releases = local_release(&tmp.path().join("releases"), false);
    let shim = cargo_shim(tmp.path());
    // GitLab runs a job's script lines in one shell.
    let script = ci["pages"]["script"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect::<Vec<_>>()
        .join("\n");
    let mut cmd = Command::new("bash");
    base_env(&mut cmd, tmp.path(), &releases, &shim);
    for (k, v) in ci["variables"].as_object().unwrap() {
        cmd.env(k, v.as_str().unwrap());
    }
    let out = cmd
        .env("CI_PROJECT_DIR", &kho)
        .env("CI_PAGES_URL", "https://example.gitlab.io/kho")
        .args(["--noprofile", "--norc", "-e", "-c", &script])
        .current_dir(&kho)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!tmp.path().join("cargo-calls").exists(), "cargo ran");
    assert!(
        kho.join(".vanban/bin/vanban").is_file(),
        "not in the cached folder"
    );
    let public = kho.join("public");
    assert!(public.join("van-ban/2021/176-cv-tu/index.html").is_file());
    assert!(read(&public.join("feed.xml")).contains("https://example.gitlab.io/kho/van-ban/"));
    // The site and the build cache are cached, keyed on the vanban version.
    let caches = ci["cache"].as_array().unwrap();
    let site = caches
        .iter()
        .find(|c| {
            c["paths"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p == ".vanban-cache/")
        })
        .expect("a cache of the build cache");
    assert!(
        site["paths"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p == "public/")
    );
    assert!(site["key"].as_str().unwrap().contains("$VANBAN_VERSION"));
    assert!(kho.join(".vanban-cache/vanban-cache.json").is_file());
}

#[test]
fn init_help_says_how_to_change_the_pinned_version() {
    let tmp = tempfile::tempdir().unwrap();
    let out = vanban(tmp.path(), &["init", "--help"]);
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(
        help.contains("VANBAN_VERSION") && help.contains(VERSION),
        "{help}"
    );
    assert!(help.contains("cargo install --locked vanban@"), "{help}");
}

#[test]
fn build_reports_the_sites_size_and_document_files_can_be_left_out() {
    let tmp = tempfile::tempdir().unwrap();
    copy_sample(tmp.path());
    let out = vanban(tmp.path(), &["build"]);
    let err = stderr(&out);
    let public = tmp.path().join("public");
    let size = vanban::hosting::measure(&public);
    assert!(
        err.contains(&format!(
            "Trang: {} tệp, {} thư mục",
            size.files, size.folders
        )) && err.contains("vừa giới hạn của GitHub Pages, GitLab.com Pages"),
        "{err}"
    );
    assert!(public.join("van-ban/2021/176-cv-tu/index.json").is_file());

    std::fs::write(tmp.path().join("vanban.toml"), "document_files = false\n").unwrap();
    let out = vanban(tmp.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let smaller = vanban::hosting::measure(&public);
    let docs = files(&public.join("van-ban"))
        .iter()
        .filter(|f| f.ends_with("index.json") || f.ends_with("index.md"))
        .count();
    assert_eq!(docs, 0);
    assert_eq!(
        smaller.files + 14,
        size.files,
        "7 documents, two files each"
    );
    let page = read(&public.join("van-ban/2021/176-cv-tu/index.html"));
    assert!(!page.contains("href=\"index.json\"") && !page.contains("href=\"index.md\""));
    assert!(vanban::linkcheck::check_site(&public).is_empty());
}

#[test]
fn the_size_warning_names_the_host_by_how_much_and_what_to_do() {
    let tmp = tempfile::tempdir().unwrap();
    copy_sample(tmp.path());
    let out = vanban(tmp.path(), &["build"]);
    assert!(!stderr(&out).contains("vượt giới hạn"), "{}", stderr(&out));
    let size = vanban::hosting::measure(&tmp.path().join("public"));
    // A host whose limit is ten entries below the sample site's.
    let tight = vanban::hosting::Host {
        name: "Máy chủ thử",
        max_bytes: None,
        max_entries: Some(size.entries() - 10),
        folders_count: true,
        max_file: None,
        max_per_folder: None,
    };
    let w = vanban::hosting::warning_for(&[tight], &size, true).expect("over the limit");
    assert!(
        w.contains("Máy chủ thử") && w.contains("quá 10 so với giới hạn"),
        "{w}"
    );
    assert!(
        w.contains("document_files = false") && w.contains("vanban init --host s3"),
        "{w}"
    );
    let w = vanban::hosting::warning_for(&[tight], &size, false).unwrap();
    assert!(
        !w.contains("document_files") && w.contains("publish-s3.py"),
        "{w}"
    );
    // The largest file is found and named.
    assert!(size.largest.0 > 0 && public_has(&tmp.path().join("public"), &size.largest.1));
}

fn public_has(public: &Path, rel: &str) -> bool {
    public.join(rel).is_file()
}

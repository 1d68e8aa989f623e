//! Hostile content through the whole `vanban build` (issue 9): script and
//! event-handler payloads in every front-matter field and in every corner
//! of a body never become markup on any generated page; path traversal and
//! aliases never write outside the site or over another page; pathological
//! long lines and deep nesting build; a killed build leaves the previous
//! site whole; output does not depend on where the content is.
//!
//! The loader-level bad-input suite is `tests/site/bad_input.rs`; the same pages
//! are loaded in a real browser by `tests/browser/browser_safety.rs`.

use crate::site;

use scraper::{Html, Selector};
use site::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

// ---------------------------------------------------------------- payloads

/// A payload that would change the page if it ran, marked with where it
/// was put so a failure says which field leaked.
fn payload(place: &str) -> String {
    format!(
        "<script>document.body.setAttribute('data-pwned','{place}')</script>\
         <img src=x onerror=\"document.title='PWNED {place}'\">\
         \"'><svg onload=alert('{place}')></script><a href=\"javascript:alert(1)\">x</a>"
    )
}

/// `s` as a single-quoted YAML scalar.
fn yaml(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// The number of the document carrying payloads in every field. The loader
/// refuses `<`, `>`, `"`, `\` and `..` in numbers; a single quote, `&`,
/// `=` and spaces are what is left to try.
const FIELDS_NUMBER: &str = "66' onmouseover='document.title=1' x='&amp;/CV-X";

/// Front matter with a payload in every field that takes text.
fn fields_document() -> String {
    let p = payload;
    format!(
        "---\nnumber: {number}\ntype: {ty}\ntitle: {title}\nissuer: {issuer}\ndate: 2021-07-01\n\
         place: {place}\nsigners:\n  - name: {name}\n    position: {position}\n    authority: {authority}\n\
         recipients: [{recipient}]\ndistribution: [{distribution}]\ntopics: [{topic}, 'javascript:alert(7)']\n\
         source: 'https://example.org/%22%3E%3Cscript%3Ealert(1)%3C/script%3E.pdf'\n\
         attachments: [{attachment}]\nreferences: [{reference}, 'javascript:alert(9)']\n\
         aliases: ['/cu/a&b=1/']\n---\n\nNội dung.\n",
        number = yaml(FIELDS_NUMBER),
        ty = yaml(&format!("Công văn {}", p("type"))),
        title = yaml(&p("title")),
        issuer = yaml(&format!("Sở {}", p("issuer"))),
        place = yaml(&p("place")),
        name = yaml(&p("name")),
        position = yaml(&p("position")),
        authority = yaml(&p("authority")),
        recipient = yaml(&p("recipients")),
        distribution = yaml(&p("distribution")),
        topic = yaml(&p("topics")),
        attachment = yaml(&p("attachments")),
        reference = yaml(&format!("176-CV/TU{}", p("references"))),
    )
}

/// A plain document with a hostile title, cited by [`BODY_DOCUMENT`], so its
/// title goes into citation links, "cited by" lists and the chain.
fn cited_document() -> String {
    format!(
        "---\nnumber: 67/CV-X\ntype: Công văn\ntitle: {}\nissuer: Sở Xây dựng tỉnh Kiên Giang\ndate: 2021-06-30\n---\n\nNội dung.\n",
        yaml(&payload("cited title"))
    )
}

/// Payloads in every construct of a body.
const BODY_DOCUMENT: &str = r#"---
number: 68/CV-X
type: Công văn
title: Văn bản thử nội dung độc hại
issuer: Sở Xây dựng tỉnh Kiên Giang
date: 2021-07-02
---

Thực hiện Công văn số 67/CV-X ngày 30/6/2021 của Sở Xây dựng tỉnh Kiên Giang và Công văn số 69/CV-X ngày 01/7/2021 của Bộ <script>alert('issuer hint')</script>.

<script>document.body.setAttribute('data-pwned','raw block')</script>

<div onclick="document.title='PWNED div'">raw block</div>

<iframe src="javascript:alert(1)"></iframe><object data="javascript:alert(1)"></object>

<!-- <script>alert('comment')</script> -->

Inline <img src=x onerror="document.title='PWNED inline'"> and <a href="javascript:alert(1)">a</a> and <svg/onload=alert(1)>.

[a](javascript:document.title='PWNED') [b](JAVASCRIPT:alert(1)) [c](java&#x73;cript:alert(1))
[d](   javascript:alert(1)) [e](<	javascript:alert(1)>) [f](<
javascript:alert(1)>) [g](&#x0A;javascript:alert(1)) [h](&#106;avascript:alert(1))
[i](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [j](DATA:text/html,<script>alert(1)</script>)
[k](vbscript:msgbox(1)) [l](VBScript:msgbox(1)) [m](javascript&colon;alert(1)) [n](jav&#x09;ascript:alert(1))

![o](javascript:alert(1)) ![p](x" onerror="alert(1)) ![q](data:text/html,<script>alert(1)</script>)
![<img src=x onerror=alert(1)>](https://example.org/a.png "t\" onload=\"alert(1)")
![![a](<x onerror=document.title=/PWNED-nested-image/.source//>)](y) ![[a](<x onmouseover=alert(1)//>)](y)

<javascript:alert(1)> <vbscript:alert(1)> [ref][r] [ref2][r2]
[t](https://example.org/ "title\" onmouseover=\"alert(1)") [u](https://example.org/?a="><script>alert(1)</script>)

[r]: javascript:alert(1)
[r2]: data:text/html,<script>alert(1)</script> "x"

Footnotes[^<img src=x onerror=alert(1)>] and[^"onmouseover="alert(1)] and[^</script><script>alert(1)</script>].

[^<img src=x onerror=alert(1)>]: note <script>alert('footnote')</script>
[^"onmouseover="alert(1)]: note two
[^</script><script>alert(1)</script>]: note three

# Heading <script>alert('h1')</script> {#x onclick=alert(1)}

| <script>alert('th')</script> | b |
|---|---|
| <img src=x onerror=alert(1)> | `<script>alert('code')</script>` |

```html
<script>alert('fence')</script>
```

> <script>alert('quote')</script>

1. <script>alert('point')</script>

   a) <img src=x onerror=alert(1)>
"#;

/// The sample archive plus the three hostile documents, built.
fn hostile_site() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let content = copy_sample(tmp.path());
    let dir = content.join("hostile");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("fields.md"), fields_document()).unwrap();
    std::fs::write(dir.join("cited.md"), cited_document()).unwrap();
    std::fs::write(dir.join("body.md"), BODY_DOCUMENT).unwrap();
    // A base URL, so that feeds and sitemaps (absolute addresses) are built.
    std::fs::write(
        tmp.path().join("vanban.toml"),
        "base_url = \"https://kho.example.org/\"\n",
    )
    .unwrap();
    let public = build_ok(tmp.path());
    (tmp, public)
}

// ------------------------------------------------------------ page checks

/// The scripts a page may have: the theme's own files and JSON-LD.
const THEME_SCRIPTS: [&str; 2] = ["static/search.js", "static/copy.js"];

/// Elements that can run code or load another document. (The theme draws
/// with inline `<svg>`; what an svg holds is checked like everything else.)
const ACTIVE_ELEMENTS: [&str; 8] = [
    "iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal",
];

/// Attributes that hold a URL a browser may follow or load.
const URL_ATTRIBUTES: [&str; 9] = [
    "href",
    "src",
    "action",
    "formaction",
    "poster",
    "data",
    "cite",
    "background",
    "xlink:href",
];

/// `true` when a browser would run or render `url` as a document of its own:
/// javascript:, vbscript: or data:text/… (after the browser's own clean-up
/// of leading spaces and control characters, and of tabs and line feeds
/// anywhere).
fn dangerous_url(url: &str) -> bool {
    let cleaned: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .to_ascii_lowercase();
    cleaned.starts_with("javascript:")
        || cleaned.starts_with("vbscript:")
        || cleaned.starts_with("data:text")
        || cleaned.starts_with("data:application")
        || cleaned.starts_with("data:image/svg")
}

/// Every problem of one HTML page, as `page: problem` lines.
fn page_problems(rel: &str, raw: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let doc = Html::parse_document(raw);
    let all = Selector::parse("*").unwrap();
    // The site's own origin (from the canonical link): a form may post there.
    let canonical = Selector::parse("link[rel=canonical]").unwrap();
    let origin: Option<String> = doc
        .select(&canonical)
        .next()
        .and_then(|l| l.attr("href"))
        .and_then(|href| {
            let rest = href.split_once("://")?.1;
            let host = rest.split('/').next()?;
            Some(format!("{}://{host}/", href.split_once("://")?.0))
        });
    let mut scripts = 0;
    for el in doc.select(&all) {
        let e = el.value();
        let name = e.name();
        if ACTIVE_ELEMENTS.contains(&name) {
            problems.push(format!("{rel}: <{name}> element"));
        }
        for (attr, value) in e.attrs() {
            let attr = attr.to_ascii_lowercase();
            if attr.starts_with("on") {
                problems.push(format!("{rel}: <{name} {attr}=\"{value}\">"));
            }
            if attr == "style" {
                problems.push(format!(
                    "{rel}: <{name} style> (the CSP blocks inline styles)"
                ));
            }
            if URL_ATTRIBUTES.contains(&attr.as_str()) && dangerous_url(value) {
                problems.push(format!("{rel}: <{name} {attr}=\"{value}\">"));
            }
            if attr == "srcset" && value.split(',').any(dangerous_url) {
                problems.push(format!("{rel}: <{name} srcset=\"{value}\">"));
            }
        }
        if name == "meta"
            && e.attr("http-equiv")
                .is_some_and(|h| h.eq_ignore_ascii_case("refresh"))
        {
            let content = e.attr("content").unwrap_or("");
            let url = content.split_once('=').map(|(_, u)| u).unwrap_or("");
            if dangerous_url(url) || url.contains("//") {
                problems.push(format!("{rel}: refresh to {content:?}"));
            }
        }
        let elsewhere = |a: &str| {
            a.contains("//") && origin.as_ref().is_none_or(|o| !a.starts_with(o.as_str()))
        };
        if name == "form" && e.attr("action").is_some_and(elsewhere) {
            problems.push(format!("{rel}: form posting to another host"));
        }
        if name == "script" {
            scripts += 1;
            match (e.attr("src"), e.attr("type")) {
                (Some(src), _) => {
                    let theirs = THEME_SCRIPTS.iter().any(|s| src.ends_with(s))
                        && !src.contains(':')
                        && !src.starts_with("//");
                    if !theirs {
                        problems.push(format!("{rel}: <script src=\"{src}\">"));
                    }
                    if el.text().any(|t| !t.trim().is_empty()) {
                        problems.push(format!("{rel}: code inside <script src=\"{src}\">"));
                    }
                }
                (None, Some("application/ld+json")) => {}
                (None, ty) => problems.push(format!("{rel}: inline <script type={ty:?}>")),
            }
        }
    }
    // Every "<script" of the file is one of the elements seen above: none
    // hides in a title, an attribute or a comment.
    let raw_lower = raw.to_ascii_lowercase();
    let raw_scripts = raw_lower.matches("<script").count();
    if raw_scripts != scripts {
        problems.push(format!(
            "{rel}: {raw_scripts} `<script` in the file, {scripts} script elements"
        ));
    }
    // A JSON-LD block is JSON up to its first `</script`, and holds no `<`
    // (so it can neither close its element nor open a comment).
    let mut rest = raw;
    while let Some(start) = rest.find("<script type=\"application/ld+json\">") {
        let body_start = start + "<script type=\"application/ld+json\">".len();
        let len = rest[body_start..]
            .to_ascii_lowercase()
            .find("</script")
            .unwrap_or(0);
        let block = &rest[body_start..body_start + len];
        if let Err(e) = serde_json::from_str::<serde_json::Value>(block) {
            problems.push(format!(
                "{rel}: JSON-LD is not JSON up to its </script>: {e}"
            ));
        }
        if block.contains('<') {
            problems.push(format!("{rel}: JSON-LD holds a raw `<`"));
        }
        rest = &rest[body_start + len..];
    }
    problems
}

/// The text of a page (what a reader sees), whitespace squeezed.
fn page_text(raw: &str) -> String {
    let doc = Html::parse_document(raw);
    let body = Selector::parse("body").unwrap();
    let text: String = doc.select(&body).flat_map(|b| b.text()).collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

// -------------------------------------------------------- hostile content

#[test]
fn no_generated_page_carries_a_script_a_handler_or_a_script_url() {
    let (_tmp, public) = hostile_site();
    let pages = files_with::<BTreeMap<_, _>>(&public, "html");
    assert!(pages.len() > 50, "only {} pages", pages.len());
    let problems: Vec<String> = pages
        .iter()
        .flat_map(|(rel, raw)| page_problems(rel, raw))
        .collect();
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_page_checks_catch_what_they_look_for() {
    // The checks above are only worth something if they fail on bad pages.
    let bad = [
        "<p><script>alert(1)</script></p>",
        "<p onclick=\"x\">a</p>",
        "<a href=\" \tjava\nscript:alert(1)\">a</a>",
        "<a href=\"VBScript:x\">a</a>",
        "<img src=\"data:text/html,x\">",
        "<iframe src=\"x\"></iframe>",
        "<svg><a href=\"javascript:alert(1)\">x</a></svg>",
        "<link rel=\"canonical\" href=\"https://a.example/x/\"><form action=\"https://b.example/\"></form>",
        "<script src=\"https://evil.example/static/search.js\"></script>",
        "<title>&lt;x&gt;<script</title>",
        "<script type=\"application/ld+json\">{\"a\":\"</script><script>alert(1)</script>\"}</script>",
        "<meta http-equiv=\"refresh\" content=\"0; url=javascript:alert(1)\">",
        "<p style=\"color:red\">a</p>",
    ];
    for html in bad {
        assert!(!page_problems("t", html).is_empty(), "not caught: {html}");
    }
    let good = "<script src=\"../static/search.js\" defer></script>\
                <script type=\"application/ld+json\">{\"a\":\"\\u003c/script\\u003e\"}</script>\
                <a href=\"../x/\">a</a><a href=\"https://example.org/\">b</a><a href=\"#doan-1\">c</a>\
                <link rel=\"canonical\" href=\"https://a.example/x/\"><form action=\"https://a.example/tim-kiem/\"></form>\
                <svg viewBox=\"0 0 1 1\"><rect width=\"1\" height=\"1\"></rect></svg>";
    assert_eq!(page_problems("t", good), Vec::<String>::new());
}

#[test]
fn hostile_values_are_shown_as_text_not_dropped() {
    let (_tmp, public) = hostile_site();
    let pages = files_with::<BTreeMap<_, _>>(&public, "html");
    let (rel, text) = pages
        .iter()
        .find(|(rel, _)| rel.starts_with("van-ban/2021/66-") && rel.ends_with("/index.html"))
        .map(|(rel, raw)| (rel.clone(), page_text(raw)))
        .expect("no page for the document of hostile fields");
    for place in [
        "type",
        "title",
        "issuer",
        "place",
        "name",
        "position",
        "authority",
        "recipients",
        "distribution",
        "topics",
    ] {
        let shown = payload(place)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            text.contains(&shown),
            "{rel} does not show the {place} payload as text"
        );
    }
    assert!(
        text.contains(FIELDS_NUMBER),
        "{rel} does not show the number as text"
    );

    let body = &pages["van-ban/2021/68-cv-x/index.html"];
    let text = page_text(body);
    for shown in [
        "<script>document.body.setAttribute('data-pwned','raw block')</script>",
        "Inline <img src=x onerror=\"document.title='PWNED inline'\">",
        "<script>alert('fence')</script>",
        "<script>alert('code')</script>",
    ] {
        assert!(
            text.contains(shown),
            "the body page does not show {shown:?} as text"
        );
    }
    // The cited document's hostile title is the title of a citation link.
    let doc = Html::parse_document(body);
    let cite = Selector::parse("a.cite").unwrap();
    assert!(
        doc.select(&cite).any(|a| a
            .attr("title")
            .is_some_and(|t| t.contains("PWNED cited title"))),
        "the citation of 67/CV-X does not carry its title"
    );
}

#[test]
fn feeds_and_sitemaps_carry_hostile_values_as_escaped_text() {
    let (_tmp, public) = hostile_site();
    let xml = files_with::<BTreeMap<_, _>>(&public, "xml");
    assert!(
        xml.contains_key("feed.xml") && xml.contains_key("sitemap.xml"),
        "{:?}",
        xml.keys()
    );
    let mut seen_title = false;
    for (rel, raw) in &xml {
        assert!(
            !raw.to_ascii_lowercase().contains("<script"),
            "{rel} has a raw <script"
        );
        assert!(
            !raw.contains("<img") && !raw.contains("<svg"),
            "{rel} has raw markup"
        );
        if rel.ends_with("feed.xml") {
            let feed =
                feed_rs::parser::parse(raw.as_bytes()).unwrap_or_else(|e| panic!("{rel}: {e}"));
            for entry in &feed.entries {
                let title = entry.title.as_ref().expect("an entry without a title");
                assert!(
                    title.content_type.to_string() == "text/plain",
                    "{rel}: {:?}",
                    title.content_type
                );
                seen_title |= title.content.contains(&payload("title"));
            }
        }
    }
    assert!(
        seen_title,
        "no feed entry carries the hostile title as text"
    );
}

#[test]
fn a_number_climbing_out_of_the_site_writes_nothing() {
    for number in ["../../etc", "../../../tmp/x1", "1/../../../etc"] {
        refused(&format!("number: {}", yaml(number)), "number");
    }
}

#[test]
fn aliases_outside_the_site_write_nothing() {
    for alias in [
        "../../etc/",
        "/../../etc/passwd",
        "/cu/../../../x/",
        "//evil.example/van-ban/",
        "https://evil.example/",
        "javascript:alert(1)",
        "/cu/\"><script>alert(1)</script>/",
    ] {
        refused(
            &format!("number: 1/CV-X\naliases: [{}]", yaml(alias)),
            "aliases",
        );
    }
}

/// Builds the sample, then the sample plus a document with `fields` (which
/// must be refused): checks exit code 1, the field named, the previous site
/// untouched, nothing written beside it.
fn refused(fields: &str, field: &str) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("a/b/site");
    std::fs::create_dir_all(&root).unwrap();
    let content = copy_sample(&root);
    let public = build_ok(&root);
    let before = snapshot(&public);
    let around = snapshot(tmp.path());
    let text = format!(
        "---\n{fields}\ntype: Công văn\ntitle: T\nissuer: Sở X\ndate: 2021-07-01\n---\nx\n"
    );
    std::fs::write(content.join("hostile.md"), &text).unwrap();
    let out = vanban(&root, &["build"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{fields}: accepted\n{err}");
    assert!(
        err.contains("hostile.md") && err.contains(field),
        "{fields}: {err}"
    );
    assert_eq!(
        snapshot(&public),
        before,
        "{fields}: the previous site changed"
    );
    let mut after = snapshot(tmp.path());
    after.remove("a/b/site/content/hostile.md");
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        around.keys().collect::<Vec<_>>(),
        "{fields}: files appeared or vanished"
    );
}

#[test]
fn an_alias_never_replaces_another_file_of_the_site() {
    let tmp = tempfile::tempdir().unwrap();
    let content = copy_sample(tmp.path());
    let doc = |aliases: &str| {
        format!(
            "---\nnumber: 1/CV-X\ntype: Công văn\ntitle: T\nissuer: Sở X\ndate: 2021-07-01\naliases: [{aliases}]\n---\nx\n"
        )
    };
    std::fs::write(content.join("alias.md"), doc("")).unwrap();
    let baseline = snapshot(&build_ok(tmp.path()));
    for alias in [
        "/van-ban/2021/176-cv-tu/",
        "/van-ban/2021/176-cv-tu/index.html",
        "/van-ban/2021/176-cv-tu/index.json",
        "/van-ban/2021/07-kl-tw/",
        "/index.html",
        "/tim-kiem/",
        "/co-quan/",
        "/co-quan/tinh-uy-kien-giang/index.html",
        "/feed.xml",
        "/sitemap.xml",
        "/static/search.js",
        "/data/documents.json",
    ] {
        std::fs::write(content.join("alias.md"), doc(&yaml(alias))).unwrap();
        let out = vanban(tmp.path(), &["build"]);
        let now = snapshot(&tmp.path().join("public"));
        // Refused (the site as it was) or accepted without touching any
        // page of the site without the alias but the aliased document's own.
        let changed: Vec<&String> = baseline
            .iter()
            .filter(|(rel, bytes)| now.get(*rel) != Some(*bytes))
            .map(|(rel, _)| rel)
            .filter(|rel| !rel.starts_with("van-ban/2021/1-cv-x/") && !rel.starts_with("data/"))
            .collect();
        assert!(
            changed.is_empty(),
            "alias {alias} (build {}) changed {changed:?}",
            if out.status.success() {
                "succeeded"
            } else {
                "failed"
            }
        );
    }
}

#[test]
fn long_values_in_fields_that_make_addresses_build() {
    // A file name holds at most 255 bytes: an address made from a long
    // issuer, type, topic, signer or cited number must still be writable,
    // or the value refused with an error naming the file, never a failed
    // write.
    let long = format!(
        "Ban chỉ đạo {}",
        "phòng, chống dịch bệnh Covid-19 ".repeat(12)
    );
    let cited = format!("99/{}", "KH-BCĐ".repeat(60));
    let fields = [
        ("issuer", format!("issuer: {}", yaml(&long))),
        ("type", format!("type: {}", yaml(&long))),
        ("topics", format!("topics: [{}]", yaml(&long))),
        ("signers", format!("signers:\n  - name: {}", yaml(&long))),
        ("attachments", format!("attachments: [{}]", yaml(&cited))),
        ("references", format!("references: [{}]", yaml(&cited))),
        ("number", format!("number: {}", yaml(&cited))),
    ];
    let mut failed = Vec::new();
    for (field, line) in fields {
        let tmp = tempfile::tempdir().unwrap();
        let content = copy_sample(tmp.path());
        let mut head = vec![
            "number: 1/CV-X".to_string(),
            "type: Công văn".into(),
            "title: T".into(),
            "issuer: Sở X".into(),
            "date: 2021-07-01".into(),
        ];
        head.retain(|l| !l.starts_with(&format!("{field}:")));
        head.push(line);
        std::fs::write(
            content.join("long.md"),
            format!("---\n{}\n---\n\nx\n", head.join("\n")),
        )
        .unwrap();
        let out = vanban(tmp.path(), &["build"]);
        let refused = out.status.code() == Some(1) && stderr(&out).contains("long.md");
        if !out.status.success() && !refused {
            failed.push(format!(
                "{field}: {}",
                stderr(&out).chars().take(300).collect::<String>()
            ));
        }
    }
    assert!(
        failed.is_empty(),
        "long values that broke the build:\n{}",
        failed.join("\n")
    );
}

// ---------------------------------------------- long lines, deep nesting

/// Lines of 100,000 characters of the kinds that trouble parsers: one word,
/// digits, number-like runs, citation-like runs, brackets, emphasis marks,
/// backticks, HTML-like text, table pipes, entity-like text.
fn long_lines() -> Vec<(&'static str, String)> {
    const N: usize = 100_000;
    let fill = |unit: &str| unit.repeat(N / unit.chars().count());
    vec![
        ("letters", "a".repeat(N)),
        ("Vietnamese words", fill("Nghị quyết ")),
        ("digits", "1".repeat(N)),
        ("slashes", fill("1/")),
        ("dashes", fill("1-")),
        ("numbers", fill("176-CV/TU ")),
        ("numbers glued", fill("176-CV/TU,")),
        (
            "citations",
            fill("Công văn số 176-CV/TU ngày 15/6/2021 của Tỉnh ủy; "),
        ),
        ("dates", fill("ngày 1/1/2021 ")),
        ("so", fill("số ")),
        ("open brackets", "[".repeat(N)),
        ("brackets", fill("[a](")),
        ("link refs", fill("[a][")),
        ("stars", "*".repeat(N)),
        ("star words", fill("*a ")),
        ("underscores", fill("_a_ ")),
        ("backticks", "`".repeat(N)),
        ("backtick runs", fill("`a``")),
        ("angle brackets", "<".repeat(N)),
        ("tags", fill("<a ")),
        ("autolinks", fill("<http://a")),
        ("entities", fill("&#")),
        ("footnote refs", fill("[^a]")),
        ("pipes", "|".repeat(N)),
        ("urls", fill("https://example.org/176-CV/TU ")),
        ("backslashes", "\\".repeat(N)),
        ("exclamations", fill("![")),
    ]
}

#[test]
fn hundred_thousand_character_lines_go_through_every_stage() {
    for (what, line) in long_lines() {
        let body = format!("{line}\n");
        let mentions = vanban::citation::find_mentions(&body);
        assert!(
            mentions.iter().all(|m| body.get(m.span.clone()).is_some()),
            "{what}"
        );
        let html = vanban::markdown::render(&body, &[]).html;
        assert!(!html.is_empty(), "{what}: nothing rendered");
        assert!(!html.contains("<script"), "{what}");
        let drafts = vanban::import::draft_documents(&body);
        assert!(
            drafts.len() <= 1,
            "{what}: {} drafts from one line",
            drafts.len()
        );
        let file = format!(
            "---\nnumber: 1/CV-X\ntype: Công văn\ntitle: {}\nissuer: Sở X\ndate: 2021-07-01\n---\n{body}",
            yaml(&line)
        );
        let parsed = vanban::load::parse_document(Path::new("x.md"), "x.md", file.into_bytes());
        match parsed {
            Ok(doc) => assert_eq!(doc.title, line.trim(), "{what}"),
            Err(diags) => panic!("{what}: refused: {}", diags[0]),
        }
    }
}

/// Bodies nested 10,000 deep in each way Markdown nests on one line (or
/// in a few bytes a level), and 1,000 deep in the ways that take a line a
/// level with growing indentation (10,000 of those would be 100 MB).
fn deep_nestings() -> Vec<(&'static str, String)> {
    let deep = 10_000;
    let lines = 1_000;
    vec![
        ("blockquotes", format!("{}x\n", "> ".repeat(deep))),
        (
            "blockquotes without spaces",
            format!("{}x\n", ">".repeat(deep)),
        ),
        (
            "bullet lists on one line",
            format!("{}x\n", "- ".repeat(deep)),
        ),
        (
            "ordered lists on one line",
            format!("{}x\n", "1. ".repeat(deep)),
        ),
        ("quotes of lists", format!("{}x\n", "> - ".repeat(deep / 2))),
        (
            "brackets",
            format!("{}x{}\n", "[".repeat(deep), "]".repeat(deep)),
        ),
        (
            "links",
            format!("{}x{}\n", "[".repeat(deep), "](y)".repeat(deep)),
        ),
        (
            "images",
            format!("{}x{}\n", "![".repeat(deep), "](y)".repeat(deep)),
        ),
        (
            "emphasis",
            format!("{}x{}\n", "*".repeat(deep), "*".repeat(deep)),
        ),
        (
            "mixed emphasis",
            format!("{}x{}\n", "*_".repeat(deep / 2), "_*".repeat(deep / 2)),
        ),
        (
            "html tags",
            format!("{}x{}\n", "<div>".repeat(deep), "</div>".repeat(deep)),
        ),
        (
            "parentheses",
            format!("[a]({}x{})\n", "(".repeat(deep), ")".repeat(deep)),
        ),
        ("footnotes", format!("{}x\n", "[^a]: ".repeat(deep))),
        (
            "blockquote lines",
            (0..lines)
                .map(|i| format!("{}x\n", ">".repeat(i + 1)))
                .collect(),
        ),
        (
            "bullet lines",
            (0..lines)
                .map(|i| format!("{}- x\n", "  ".repeat(i)))
                .collect(),
        ),
        (
            "ordered lines",
            (0..lines)
                .map(|i| format!("{}1. x\n", "   ".repeat(i)))
                .collect(),
        ),
    ]
}

#[test]
fn ten_thousand_deep_nesting_renders() {
    for (what, body) in deep_nestings() {
        let rendered = vanban::markdown::render(&body, &[]);
        assert!(
            rendered.html.contains('x'),
            "{what}: the innermost text is lost"
        );
        let mut seen = std::collections::HashSet::new();
        assert!(
            rendered.anchors.iter().all(|a| seen.insert(a)),
            "{what}: an anchor twice"
        );
        let _ = vanban::citation::find_mentions(&body);
        let _ = vanban::import::draft_documents(&body);
    }
}

#[test]
fn markup_inside_an_image_description_stays_inside_its_alt_text() {
    // Found by the markdown fuzz target: an image, a link or a footnote
    // reference inside an image's description was written as markup into
    // the alt attribute, whose first quote closed it, so
    // `![![a](<x onerror=alert(1)//>)](y)` gave
    // `<img src="y" … alt="<img src="x onerror=alert(1)//" …>`: a live
    // onerror handler on an image that fails to load.
    for body in [
        "![![a](<x onerror=alert(1)//>)](y)\n",
        "![[a](<x onmouseover=alert(1)//>)](y)\n",
        "![a[^x onerror=alert(1)//]](y)\n\n[^x onerror=alert(1)//]: b\n",
        "![a <b onclick=alert(1)>b</b> *c* `d`](y)\n",
        "![![![a](<x onerror=alert(1)//>)](<y onerror=alert(2)//>)](z)\n",
    ] {
        let html = vanban::markdown::render(body, &[]).html;
        let problems = page_problems("body", &html);
        assert!(
            problems.is_empty(),
            "{body:?} renders as {html}\n{}",
            problems.join("\n")
        );
        let doc = Html::parse_fragment(&html);
        let images: Vec<_> = doc.select(&Selector::parse("img").unwrap()).collect();
        assert!(images.len() <= 1, "{body:?} renders as {html}");
        for img in images {
            let alt = img.attr("alt").unwrap_or_default();
            assert!(alt.starts_with('a'), "{body:?}: alt {alt:?}");
        }
    }
}

#[test]
fn only_http_https_and_mailto_links_survive_whatever_the_scheme_length() {
    // Found by the markdown fuzz target: the scheme was looked for in the
    // first 12 characters only, so `JAVASCRIjavascript:…` or any longer
    // scheme (`microsoft-edge:`, `vscode-insiders:`, which hand the address
    // to another program) was taken for a relative address and kept.
    for url in [
        "JAVASCRIjavascript:alert(1)",
        "microsoft-edge:https://evil.example/",
        "vscode-insiders://evil.example/x",
        "javascript:alert(1)",
        " \tJaVaScRiPt:alert(1)",
        "data:text/html,x",
        "x-very-long-scheme-name+with.dots:payload",
    ] {
        let html = vanban::markdown::render(&format!("[a](<{url}>) ![b](<{url}>)\n"), &[]).html;
        let doc = Html::parse_fragment(&html);
        let links: Vec<_> = doc
            .select(&Selector::parse("a[href], img[src]").unwrap())
            .collect();
        for el in links {
            let value = el.attr("href").or(el.attr("src")).unwrap_or_default();
            let kept = value.contains(':');
            assert!(!kept, "{url:?} survived as {value:?} in {html}");
        }
    }
    for url in [
        "https://example.org/a:b",
        "mailto:a@example.org",
        "../van-ban/2021/1-cv-x/",
        "#muc-2",
        "a/b:c",
        "?q=a:b",
    ] {
        let html = vanban::markdown::render(&format!("[a](<{url}>)\n"), &[]).html;
        assert!(
            html.contains(&format!("href=\"{url}\"")),
            "{url:?} was dropped: {html}"
        );
    }
}

#[test]
fn a_complete_import_draft_always_loads() {
    // Found by the import fuzz target (minimised): a control character in
    // the converted text became the title of a draft that had every
    // required field, and the loader refused the file import wrote.
    let texts = [
        "A\n*ngày 9 tháng 4 năm 2021\nSố4-CV/\u{7}",
        "TỈNH ỦY KIÊN GIANG\nSố 143-CV/TU\nKiên Giang, ngày 29 tháng 4 năm 2021\nCÔNG VĂN\nVề việc \u{7}phòng, chống dịch\n\
         Kính gửi: - Các huyện\u{1b}, thành ủy\n\nNội dung.\n",
    ];
    for text in texts {
        for draft in vanban::import::draft_documents(text) {
            if !draft.missing.is_empty() {
                continue;
            }
            let file = draft.to_markdown();
            let loaded = vanban::load::parse_document(
                Path::new("draft.md"),
                "draft.md",
                file.clone().into_bytes(),
            );
            assert!(
                loaded.is_ok(),
                "{text:?} drafts a file that does not load: {:?}\n{file}",
                loaded.err()
            );
        }
    }
}

#[test]
fn a_long_line_and_deep_nesting_build_through_the_cli() {
    let tmp = tempfile::tempdir().unwrap();
    let content = copy_sample(tmp.path());
    let head = |n: u32| {
        format!(
            "---\nnumber: {n}/CV-X\ntype: Công văn\ntitle: T{n}\nissuer: Sở X\ndate: 2021-07-0{n}\n---\n\n"
        )
    };
    let long = format!(
        "{}{}\n",
        head(1),
        "Công văn số 176-CV/TU ngày 15/6/2021 của Tỉnh ủy Kiên Giang; ".repeat(1_600)
    );
    let quotes = format!("{}{}sâu\n", head(2), "> ".repeat(10_000));
    let lists = format!("{}mục\n", "- ".repeat(10_000));
    std::fs::write(content.join("long.md"), long).unwrap();
    std::fs::write(content.join("quotes.md"), quotes).unwrap();
    std::fs::write(content.join("lists.md"), format!("{}{lists}", head(3))).unwrap();
    let public = build_ok(tmp.path());
    let long_page = read(&public.join("van-ban/2021/1-cv-x/index.html"));
    assert!(
        long_page.contains("class=\"cite\""),
        "the citations of the long line are not linked"
    );
    assert!(read(&public.join("van-ban/2021/2-cv-x/index.html")).contains("sâu"));
    assert!(read(&public.join("van-ban/2021/3-cv-x/index.html")).contains("mục"));
    let cited = read(&public.join("van-ban/2021/176-cv-tu/index.html"));
    assert!(
        cited.contains("1/CV-X"),
        "176-CV/TU does not list the long document among those citing it"
    );
}

// --------------------------------------------------------- robust output

/// A content folder of `count` documents with distinct numbers, each a copy
/// of a sample document, plus the sample itself.
fn large_archive(root: &Path, count: usize) {
    let content = copy_sample(root);
    let sample =
        read(&repo().join("content/van-phong-ubnd-tinh-kien-giang/2021-09-06-6777-vp-kgvx.md"));
    let dir = content.join("ban-sao");
    std::fs::create_dir_all(&dir).unwrap();
    for k in 0..count {
        let text = sample.replacen(
            "number: 6777/VP-KGVX",
            &format!("number: {}/VP-KGVX", 10_000 + k),
            1,
        );
        assert_ne!(text, sample, "the sample's number line changed");
        std::fs::write(dir.join(format!("{k}.md")), text).unwrap();
    }
}

/// Files in the staging folder of a build into `public`.
fn staged_files(root: &Path) -> usize {
    let staging = root.join("public.vanban-dang-ghi");
    walkdir::WalkDir::new(staging)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .count()
}

#[test]
fn a_killed_build_leaves_the_previous_site_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    copy_sample(root);
    let public = build_ok(root);
    let before = snapshot(&public);
    std::fs::remove_dir_all(root.join("content")).unwrap();
    large_archive(root, 2_000);

    // Killed while loading, then while writing (after 1, 100 and 1,000
    // files are staged): each time the site is the previous one, whole.
    let mut killed_while_writing = 0;
    for staged in [0, 1, 100, 1_000] {
        let leftover = root.join("public.vanban-dang-ghi");
        if leftover.exists() {
            std::fs::remove_dir_all(&leftover).unwrap();
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_vanban"))
            .args(["build"])
            .current_dir(root)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let finished = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break Some(status);
            }
            if staged == 0 {
                std::thread::sleep(std::time::Duration::from_millis(150));
                break child.try_wait().unwrap();
            }
            if staged_files(root) >= staged {
                break None;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        };
        assert!(
            finished.is_none(),
            "the build ended before {staged} files were staged"
        );
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        if staged > 0 {
            killed_while_writing += 1;
        }
        assert_eq!(
            snapshot(&public),
            before,
            "killed after {staged} staged files: the site changed"
        );
    }
    assert_eq!(killed_while_writing, 3);

    let out = vanban(root, &["build"]);
    assert!(
        out.status.success(),
        "the build after the kills failed: {}",
        stderr(&out)
    );
    assert!(
        public
            .join("van-ban/2021/11999-vp-kgvx/index.html")
            .is_file()
    );
    let beside: Vec<String> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("public."))
        .collect();
    assert!(beside.is_empty(), "left beside the site: {beside:?}");
}

#[test]
fn output_is_the_same_wherever_the_content_is_and_however_many_threads() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a");
    let b = tmp.path().join("somewhere/much/deeper with spaces/và dấu");
    for root in [&a, &b] {
        std::fs::create_dir_all(root).unwrap();
        large_archive(root, 200);
        let dir = root.join("content/hostile");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("fields.md"), fields_document()).unwrap();
        std::fs::write(dir.join("cited.md"), cited_document()).unwrap();
        std::fs::write(dir.join("body.md"), BODY_DOCUMENT).unwrap();
    }
    // Absolute paths, from another working folder, one thread against many.
    let build = |root: &Path, threads: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
            .args(["build", "--content"])
            .arg(root.join("content"))
            .arg("--output")
            .arg(root.join("public"))
            .current_dir(tmp.path())
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        snapshot(&root.join("public"))
    };
    let first = build(&a, "1");
    let second = build(&b, "4");
    assert!(first.len() > 500, "only {} files", first.len());
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    let tmp_name = tmp.path().to_string_lossy().into_owned();
    for (rel, bytes) in &first {
        assert!(
            bytes == &second[rel],
            "{rel} differs between the two builds"
        );
        let text = String::from_utf8_lossy(bytes);
        assert!(!text.contains(&tmp_name), "{rel} holds an absolute path");
    }
}

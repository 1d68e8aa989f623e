//! Hostile content in a real browser (issue 9): the sample archive plus
//! documents carrying payloads that would mark the page if they ran (set
//! `data-pwned` on an element, change the title) in every front-matter field
//! and every corner of a body, built with `vanban build`, served on
//! 127.0.0.1 and loaded in Debian's headless Chromium. No payload runs on
//! any page showing hostile data (nor on a sample of the others), neither
//! as published (with the Content-Security-Policy) nor with the policy
//! removed (the escaping alone); the search page shows hostile titles as
//! text. Chromium missing is a failure, not a skip (`scripts/test` installs
//! it).

use crate::browser;
use crate::site;

use scraper::{Html, Selector};
use site::*;
use std::path::{Path, PathBuf};

/// Runs in the page if any markup of it survives: marks `body` (and any
/// element it is on) and the title.
fn payload(place: &str) -> String {
    let mark = format!("document.body.setAttribute('data-pwned','{place}');document.title='PWNED'");
    format!(
        "<script>{mark}</script><img src=x onerror=\"{mark}\">\"'><svg onload=\"{mark}\"></svg>\
         <iframe srcdoc=\"<script>parent.{mark}</script>\"></iframe><details open ontoggle=\"{mark}\">"
    )
}

/// A shorter payload for the fields that also make an address (issuer,
/// type, topic, signer, cited numbers): their slugs must fit in a file name.
fn short_payload(place: &str) -> String {
    let mark = format!("document.body.setAttribute('data-pwned','{place}')");
    format!("<script>{mark}</script><img src=x onerror=\"{mark}\">")
}

fn yaml(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

fn fields_document() -> String {
    let p = payload;
    format!(
        "---\nnumber: {number}\ntype: {ty}\ntitle: {title}\nissuer: {issuer}\ndate: 2021-07-01\n\
         place: {place}\nsigners:\n  - name: {name}\n    position: {position}\n    authority: {authority}\n\
         recipients: [{recipient}]\ndistribution: [{distribution}]\ntopics: [{topic}]\n\
         attachments: [{attachment}]\nreferences: [{reference}]\naliases: ['/cu/a&b=1/']\n---\n\n\
         Thực hiện Công văn số 67/CV-X ngày 30/6/2021 của Sở Xây dựng tỉnh Kiên Giang.\n",
        number = yaml("66' onmouseover='document.title=1' x='&amp;/CV-X"),
        ty = yaml(&format!("Công văn {}", short_payload("type"))),
        title = yaml(&format!("pwnedtitle {}", p("title"))),
        issuer = yaml(&format!("Sở {}", short_payload("issuer"))),
        place = yaml(&p("place")),
        name = yaml(&short_payload("name")),
        position = yaml(&p("position")),
        authority = yaml(&p("authority")),
        recipient = yaml(&p("recipients")),
        distribution = yaml(&p("distribution")),
        topic = yaml(&short_payload("topics")),
        attachment = yaml(&short_payload("attachments")),
        reference = yaml(&short_payload("references")),
    )
}

/// Cited by the fields document, so its hostile title is put into the
/// citation links and lists of other pages.
fn cited_document() -> String {
    format!(
        "---\nnumber: 67/CV-X\ntype: Công văn\ntitle: {}\nissuer: Sở Xây dựng tỉnh Kiên Giang\ndate: 2021-06-30\n---\n\n{}\n",
        yaml(&payload("cited title")),
        body_payloads()
    )
}

/// Payloads in the constructs of a body: raw HTML blocks and inline HTML,
/// link and image URLs, link titles, image descriptions, footnote labels,
/// headings, tables, quotes, lists.
fn body_payloads() -> String {
    let m = "document.body.setAttribute('data-pwned','body');document.title='PWNED'";
    format!(
        "<script>{m}</script>\n\n<div onclick=\"{m}\"><img src=x onerror=\"{m}\"></div>\n\n\
         <meta http-equiv=\"refresh\" content=\"0;url=javascript:{m}\">\n\n\
         Inline <img src=x onerror=\"{m}\"> <svg onload=\"{m}\"></svg> <style>body{{display:none}}</style>.\n\n\
         [a](javascript:{m}) [b](java&#x73;cript:{m}) [c](  \tjavascript:{m})\n\
         [d](data:text/html,<script>{m}</script>) [e](vbscript:x)\n\n\
         ![f](javascript:{m}) ![g](x\" onerror=\"{m}) ![h](<x onerror={m}//>)\n\
         ![![i](<x onerror={m}//>)](y) ![[j](<x onerror={m}//>)](y)\n\n\
         [k](https://example.org/ \"t\\\" onmouseover=\\\"{m}\")\n\n\
         Chú thích[^<img src=x onerror=\"{m}\">].\n\n[^<img src=x onerror=\"{m}\">]: <script>{m}</script>\n\n\
         ## <img src=x onerror=\"{m}\">\n\n| <img src=x onerror=\"{m}\"> | b |\n|---|---|\n| <script>{m}</script> | c |\n\n\
         > <img src=x onerror=\"{m}\">\n\n1. <img src=x onerror=\"{m}\">\n\n   a) <script>{m}</script>\n"
    )
}

/// The sample archive plus the hostile documents, built into `dir/public`.
fn hostile_site(dir: &Path) -> PathBuf {
    let content = copy_sample(dir);
    let hostile = content.join("hostile");
    std::fs::create_dir_all(&hostile).unwrap();
    std::fs::write(hostile.join("fields.md"), fields_document()).unwrap();
    std::fs::write(hostile.join("cited.md"), cited_document()).unwrap();
    build_ok(dir)
}

/// Every HTML page of `public`, relative, with its text.
fn pages(public: &Path) -> Vec<(String, String)> {
    files_with(public, "html")
}

/// The URL path of a page file: `a/b/index.html` is `a/b/`.
fn url_path(rel: &str) -> String {
    rel.strip_suffix("index.html").unwrap_or(rel).to_string()
}

fn title_of(html: &str) -> String {
    let doc = Html::parse_document(html);
    let title = Selector::parse("title").unwrap();
    doc.select(&title)
        .next()
        .map(|t| t.text().collect())
        .unwrap_or_default()
}

/// What shows that a payload ran in a dumped DOM, if anything. The title
/// is compared with the one served, unless `served_title` is `None` (a
/// redirect page, which Chromium follows).
fn ran(dom: &str, served_title: Option<&str>) -> Option<String> {
    let doc = Html::parse_document(dom);
    let marked = Selector::parse("[data-pwned]").unwrap();
    if let Some(el) = doc.select(&marked).next() {
        return Some(format!(
            "<{} data-pwned={:?}>",
            el.value().name(),
            el.attr("data-pwned")
        ));
    }
    let title = title_of(dom);
    let served = served_title?;
    (title != served).then(|| format!("the title became {title:?}"))
}

/// Copies `public` into `dir`, with the Content-Security-Policy meta tag
/// taken out of every page.
fn without_csp(public: &Path, dir: &Path) {
    copy_dir(public, dir);
    for (rel, html) in pages(dir) {
        let start = html.find("<meta http-equiv=\"Content-Security-Policy\"");
        if let Some(start) = start {
            let end = start + html[start..].find('>').unwrap() + 1;
            let stripped = format!("{}{}", &html[..start], &html[end..]);
            std::fs::write(dir.join(rel), stripped).unwrap();
        }
    }
}

/// Loads every page of `urls` from `server` (two Chromiums at a time) and
/// returns what ran where.
fn load_all(server: &browser::Server, pages: &[(String, String)]) -> Vec<String> {
    browser::two_at_a_time(pages, |(rel, html)| {
        let dom = browser::dump_dom(&server.url(&url_path(rel)));
        assert!(dom.contains("</html>"), "{rel}: Chromium printed no page");
        let served = title_of(html);
        let redirect = html.contains("http-equiv=\"refresh\"");
        ran(&dom, (!redirect).then_some(served.as_str()))
            .map(|what| format!("{rel}: {what}"))
            .into_iter()
            .collect()
    })
}

/// The pages showing hostile data, and every tenth other page.
fn pages_to_load(public: &Path) -> Vec<(String, String)> {
    let all = pages(public);
    let (hostile, others): (Vec<_>, Vec<_>) = all
        .into_iter()
        .partition(|(_, html)| html.contains("data-pwned"));
    assert!(
        hostile.len() >= 10,
        "only {} pages show hostile data",
        hostile.len()
    );
    hostile
        .into_iter()
        .chain(others.into_iter().step_by(10))
        .collect()
}

#[test]
fn no_payload_runs_on_any_page_as_published() {
    assert!(
        browser::chromium().is_some(),
        "Chromium is needed: scripts/test installs it"
    );
    let tmp = tempfile::tempdir().unwrap();
    let public = hostile_site(tmp.path());
    let load = pages_to_load(&public);
    let server = browser::Server::serve(&public);
    let found = load_all(&server, &load);
    assert!(
        found.is_empty(),
        "payloads ran on {} of {} pages:\n{}",
        found.len(),
        load.len(),
        found.join("\n")
    );
}

#[test]
fn no_payload_runs_even_without_the_content_security_policy() {
    assert!(
        browser::chromium().is_some(),
        "Chromium is needed: scripts/test installs it"
    );
    let tmp = tempfile::tempdir().unwrap();
    let public = hostile_site(tmp.path());
    let bare = tmp.path().join("bare");
    without_csp(&public, &bare);
    let load: Vec<_> = pages_to_load(&bare)
        .into_iter()
        .filter(|(_, html)| html.contains("data-pwned"))
        .collect();
    let server = browser::Server::serve(&bare);
    // The check can see a payload run: a page with a live one is caught.
    std::fs::write(
        bare.join("probe.html"),
        format!("<!DOCTYPE html><title>t</title>{}", payload("probe")),
    )
    .unwrap();
    let probe = browser::dump_dom(&server.url("probe.html"));
    assert!(
        ran(&probe, Some("t")).is_some(),
        "a live payload went unnoticed:\n{probe}"
    );
    let found = load_all(&server, &load);
    assert!(
        found.is_empty(),
        "payloads ran on {} of {} pages:\n{}",
        found.len(),
        load.len(),
        found.join("\n")
    );
}

#[test]
fn the_search_page_shows_hostile_titles_as_text() {
    assert!(
        browser::chromium().is_some(),
        "Chromium is needed: scripts/test installs it"
    );
    let tmp = tempfile::tempdir().unwrap();
    let public = hostile_site(tmp.path());
    let server = browser::Server::serve(&public);
    let dom = browser::dump_dom(&server.url("tim-kiem/?q=pwnedtitle"));
    assert_eq!(ran(&dom, Some("Tìm kiếm · Kho văn bản chỉ đạo")), None);
    let doc = Html::parse_document(&dom);
    let status = Selector::parse("#search-status").unwrap();
    let status: String = doc.select(&status).flat_map(|s| s.text()).collect();
    let results = Selector::parse("#search-results").unwrap();
    let results = doc
        .select(&results)
        .next()
        .expect("no #search-results in the page");
    let text: String = results.text().collect();
    assert!(
        text.contains("pwnedtitle <script>document.body.setAttribute('data-pwned','title')"),
        "the hostile title is not shown as text in the results: {text:?} (status: {status:?})"
    );
    let markup = Selector::parse("script, img, svg, iframe, details, [onerror], [onload]").unwrap();
    let found: Vec<String> = results.select(&markup).map(|e| e.html()).collect();
    assert!(
        found.is_empty(),
        "markup from a document in the results: {found:?}"
    );
}

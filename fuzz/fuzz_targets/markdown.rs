//! Markdown rendering with citation links and anchors, on any text, the
//! way a document page does it (links from the detected citations). Checks:
//! no panic, the anchors are unique and present, and the HTML is safe: only
//! the tags Markdown makes, no event-handler attribute, no `style`, and no
//! `href`/`src` with a scheme other than http, https or mailto.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::collections::HashSet;
use vanban::markdown::{self, SourceLink};

const TAGS: &[&str] = &[
    "a",
    "blockquote",
    "br",
    "code",
    "del",
    "div",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "img",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
    "section",
];

fuzz_target!(|data: &[u8]| {
    let body = String::from_utf8_lossy(data);
    let mut links: Vec<SourceLink> = vanban::citation::find_mentions(&body)
        .into_iter()
        .map(|m| SourceLink {
            span: m.span,
            href: format!("../../van-ban/2021/{}/", m.key),
            title: m.number,
            in_archive: m.key.len() % 2 == 0,
        })
        .collect();
    links.sort_by_key(|l| (l.span.start, l.span.end));
    links.dedup_by(|b, a| b.span.start < a.span.end);
    let rendered = markdown::render(&body, &links);

    let mut seen = HashSet::new();
    for id in &rendered.anchors {
        assert!(seen.insert(id.as_str()), "anchor {id} given twice");
        assert!(
            rendered.html.contains(&format!(" id=\"{id}\"")),
            "anchor {id} not in the page"
        );
    }
    for tag in tags(&rendered.html) {
        check_tag(tag);
    }
});

/// The inside of every tag (`a href="x"`, `/p`) in `html`.
fn tags(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let mut quote = None;
        let mut end = None;
        for (k, c) in after.char_indices() {
            match (quote, c) {
                (None, '"' | '\'') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                (None, '>') => {
                    end = Some(k);
                    break;
                }
                _ => {}
            }
        }
        let end = end.unwrap_or_else(|| panic!("unclosed tag at {:?}", short(&rest[open..])));
        out.push(&after[..end]);
        rest = &after[end + 1..];
    }
    out
}

/// At most 200 characters of `s`, for messages.
fn short(s: &str) -> String {
    s.chars().take(200).collect()
}

fn check_tag(full: &str) {
    let body = full.trim_end_matches('/');
    let tag = short(body);
    let name_end = body.find(char::is_whitespace).unwrap_or(body.len());
    let name = body[..name_end].trim_start_matches('/');
    assert!(TAGS.contains(&name), "unexpected tag <{tag}>");
    let mut rest = body[name_end..].trim_start();
    while !rest.is_empty() {
        let eq = rest
            .find('=')
            .unwrap_or_else(|| panic!("attribute without value in <{tag}>"));
        let attr = rest[..eq].trim().to_ascii_lowercase();
        let value_start = &rest[eq + 1..];
        assert!(
            value_start.starts_with('"'),
            "unquoted attribute in <{tag}>"
        );
        let close = value_start[1..]
            .find('"')
            .unwrap_or_else(|| panic!("open quote in <{tag}>"));
        let value = &value_start[1..1 + close];
        assert!(
            !attr.starts_with("on") && attr != "style",
            "attribute {attr} in <{tag}>"
        );
        assert!(!value.contains('<'), "raw < in an attribute of <{tag}>");
        if attr == "href" || attr == "src" {
            let decoded = value
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
            assert!(
                safe_scheme(&decoded),
                "unsafe URL {:?} in <{tag}>",
                short(value)
            );
        }
        rest = value_start[close + 2..].trim_start();
    }
}

/// What a browser would take as the URL's scheme is absent or harmless.
fn safe_scheme(url: &str) -> bool {
    let squeezed: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    let Some(colon) = squeezed.find(':') else {
        return true;
    };
    if squeezed[..colon].contains(['/', '?', '#']) {
        return true;
    }
    ["http:", "https:", "mailto:"]
        .iter()
        .any(|s| squeezed.starts_with(s))
}

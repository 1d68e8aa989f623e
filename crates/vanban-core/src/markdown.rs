//! A document body, Markdown (CommonMark with tables and footnotes), to
//! safe HTML: raw HTML is shown as text, only safe URL schemes survive,
//! citations become links, and every point and paragraph gets a stable id.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};
use std::fmt::Write;
use std::ops::Range;

/// A link to put on a byte range of the Markdown source (a citation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceLink {
    pub span: Range<usize>,
    /// Where the link goes, already relative to the page.
    pub href: String,
    /// Shown on hover: the cited document's type and title.
    pub title: String,
    /// `true` when the target is a document of the archive.
    pub in_archive: bool,
}

/// The rendered body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RenderedBody {
    pub html: String,
    /// The ids given to points and paragraphs, in document order.
    pub anchors: Vec<String>,
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

/// Renders `body` to HTML. `links` must be sorted by span start and not
/// overlap; a link whose span does not fall inside one plain text run is
/// left out rather than breaking the markup.
pub fn render(body: &str, links: &[SourceLink]) -> RenderedBody {
    let mut events: Vec<Event> = Vec::new();
    let mut link_depth = 0usize;
    let mut next_link = 0usize;
    let mut image_depth = 0usize;

    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        // Inside an image only text counts, as its alt attribute: nested
        // images, links and emphasis give their text and no markup.
        if image_depth > 0 {
            match event {
                Event::Start(Tag::Image { .. }) => image_depth += 1,
                Event::End(TagEnd::Image) => {
                    image_depth -= 1;
                    if image_depth == 0 {
                        events.push(Event::Html("\">".into()));
                    }
                }
                Event::Text(text) | Event::Code(text) => {
                    events.push(Event::Html(escape_attr(&text).into()));
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::Link {
                dest_url, title, ..
            }) => {
                link_depth += 1;
                let href = safe_url(&dest_url).unwrap_or("#");
                let mut html = format!("<a href=\"{}\"", escape_attr(href));
                if !title.is_empty() {
                    let _ = write!(html, " title=\"{}\"", escape_attr(&title));
                }
                if is_external(href) {
                    html.push_str(" rel=\"nofollow noopener\"");
                }
                html.push('>');
                events.push(Event::Html(html.into()));
            }
            Event::End(TagEnd::Link) => {
                link_depth = link_depth.saturating_sub(1);
                events.push(Event::Html("</a>".into()));
            }
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                // Images are shown only from safe sources; the alt text is
                // made of the following text events.
                image_depth += 1;
                let src = safe_url(&dest_url).unwrap_or("");
                events.push(Event::Html(
                    format!(
                        "<img src=\"{}\" title=\"{}\" loading=\"lazy\" alt=\"",
                        escape_attr(src),
                        escape_attr(&title)
                    )
                    .into(),
                ));
            }
            Event::FootnoteReference(label) => {
                events.push(Event::FootnoteReference(footnote_id(&label).into()));
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                events.push(Event::Start(Tag::FootnoteDefinition(
                    footnote_id(&label).into(),
                )));
            }
            Event::Html(raw) | Event::InlineHtml(raw) => {
                // Raw HTML in a document is text, never markup.
                events.push(Event::Text(raw));
            }
            Event::Text(text) if link_depth == 0 && next_link < links.len() => {
                push_linked_text(body, text, range, links, &mut next_link, &mut events);
            }
            other => events.push(other),
        }
    }

    let (events, anchors) = assign_anchors(events);
    let events = link_footnotes(events);
    let mut html = String::with_capacity(body.len() + body.len() / 4);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    RenderedBody {
        html: alignment_classes(html),
        anchors,
    }
}

/// Table cell alignment as classes of the stylesheet: pulldown-cmark writes
/// `style="text-align: right"`, which the pages' Content-Security-Policy
/// (`style-src 'self'`) blocks. Raw HTML of a document is escaped text, so
/// the attribute can only come from the renderer.
fn alignment_classes(html: String) -> String {
    if !html.contains(" style=\"text-align: ") {
        return html;
    }
    let mut html = html;
    for cell in ["td", "th"] {
        for side in ["left", "center", "right"] {
            // `<` of a document's text is escaped: this is the renderer's tag.
            html = html.replace(
                &format!("<{cell} style=\"text-align: {side}\">"),
                &format!("<{cell} class=\"align-{side}\">"),
            );
        }
    }
    html
}

/// A footnote label as an HTML id: kept when it is plain ASCII letters,
/// digits, `-` or `_`, otherwise a stable hash of it, so that a label can
/// never carry spaces, quotes or markup into `id` and `href`.
fn footnote_id(label: &str) -> String {
    if !label.is_empty()
        && label.len() <= 40
        && label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return label.to_string();
    }
    let hash = label.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    format!("fn-{hash:08x}")
}

/// Footnote calls and notes linked both ways: the call `[^1]` gets an id
/// (`goi-1`, then `goi-1-2` for a second call of the same note) and the
/// note a "↩" back to its first call. Numbered in order of first sight, as
/// pulldown-cmark numbers them.
fn link_footnotes(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    type Numbers = std::collections::HashMap<String, (usize, usize)>;
    // A note's number and how many calls it has had so far.
    fn number_of(numbers: &mut Numbers, id: &str, call: bool) -> (usize, usize) {
        let next = numbers.len() + 1;
        let entry = numbers.entry(id.to_string()).or_insert((next, 0));
        if call {
            entry.1 += 1;
        }
        *entry
    }
    let mut numbers = Numbers::default();
    let mut open: Vec<String> = Vec::new();
    let mut out = Vec::with_capacity(events.len());
    for event in events {
        match event {
            Event::FootnoteReference(id) => {
                let (n, calls) = number_of(&mut numbers, &id, true);
                let call_id = match calls {
                    1 => format!("goi-{id}"),
                    k => format!("goi-{id}-{k}"),
                };
                out.push(Event::Html(
                    format!(
                        "<sup class=\"footnote-reference\" id=\"{call_id}\"><a href=\"#{id}\" aria-label=\"Chú thích {n}\">{n}</a></sup>"
                    )
                    .into(),
                ));
            }
            Event::Start(Tag::FootnoteDefinition(id)) => {
                let (n, _) = number_of(&mut numbers, &id, false);
                out.push(Event::Html(
                    format!(
                        "<div class=\"footnote-definition\" id=\"{id}\"><sup class=\"footnote-definition-label\">{n}</sup>"
                    )
                    .into(),
                ));
                open.push(id.to_string());
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                let id = open.pop().unwrap_or_default();
                let called = numbers.get(&id).is_some_and(|e| e.1 > 0);
                let (n, _) = numbers.get(&id).copied().unwrap_or((0, 0));
                let back = if called {
                    format!(
                        "<a class=\"footnote-back\" href=\"#goi-{id}\" aria-label=\"Quay lại chỗ gọi chú thích {n}\">↩</a>"
                    )
                } else {
                    String::new()
                };
                out.push(Event::Html(format!("{back}</div>\n").into()));
            }
            other => out.push(other),
        }
    }
    out
}

/// The small link shown on hover or focus that points at a paragraph.
fn pilcrow(id: &str) -> String {
    format!("<a class=\"neo\" href=\"#{id}\" aria-label=\"Liên kết đến đoạn này\">#</a>")
}

fn push_linked_text<'a>(
    body: &'a str,
    text: CowStr<'a>,
    range: Range<usize>,
    links: &[SourceLink],
    next: &mut usize,
    events: &mut Vec<Event<'a>>,
) {
    // Skip links that end before this run.
    while *next < links.len() && links[*next].span.end <= range.start {
        *next += 1;
    }
    // Linking needs the run to be the source itself (no escapes or entities).
    if body.get(range.clone()) != Some(&*text) {
        events.push(Event::Text(text));
        return;
    }
    let mut cursor = range.start;
    while *next < links.len() && links[*next].span.start < range.end {
        let link = &links[*next];
        if link.span.start < cursor || link.span.end > range.end {
            break;
        }
        if link.span.start > cursor {
            events.push(Event::Text(body[cursor..link.span.start].into()));
        }
        let class = if link.in_archive {
            "cite"
        } else {
            "cite ngoai"
        };
        events.push(Event::Html(
            format!(
                "<a class=\"{class}\" href=\"{}\" title=\"{}\">",
                escape_attr(&link.href),
                escape_attr(&link.title)
            )
            .into(),
        ));
        events.push(Event::Text(body[link.span.clone()].into()));
        events.push(Event::Html("</a>".into()));
        cursor = link.span.end;
        *next += 1;
    }
    if cursor < range.end {
        events.push(Event::Text(body[cursor..range.end].into()));
    }
}

/// Returns the URL if its scheme is one a reader can safely follow.
pub fn safe_url(url: &str) -> Option<&str> {
    let trimmed = url.trim();
    // Browsers drop tabs, newlines and control characters inside a URL, so
    // the scheme is judged on what is left, over its whole length.
    let cleaned: String = trimmed
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    let path_start = cleaned.find(['/', '?', '#']).unwrap_or(cleaned.len());
    if !cleaned[..path_start].contains(':') {
        // No scheme: a relative address.
        return Some(trimmed);
    }
    ["http:", "https:", "mailto:"]
        .iter()
        .any(|s| cleaned.starts_with(s))
        .then_some(trimmed)
}

fn is_external(url: &str) -> bool {
    let l = url.to_ascii_lowercase();
    l.starts_with("http:") || l.starts_with("https:") || l.starts_with("//")
}

/// Escapes a value for a double-quoted HTML attribute.
pub fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Gives ids to the body's points and paragraphs from their position in
/// the document's own structure: `muc-2` for point 2 (an item of a top-level
/// ordered list), `muc-2-a` for a lettered point "a)" under it,
/// `muc-2-doan-3` for its third paragraph or dash item, `doan-1` for
/// paragraphs before the first point. Ids are unique within the page.
fn assign_anchors(events: Vec<Event<'_>>) -> (Vec<Event<'_>>, Vec<String>) {
    let mut out = Vec::with_capacity(events.len() + events.len() / 8);
    let mut ids = Ids::default();
    // Open block containers; lists carry their next item number.
    let mut stack: Vec<Block> = Vec::new();
    let mut point: Option<String> = None;
    let mut paragraph = 0usize;

    for i in 0..events.len() {
        let blocks = stack
            .iter()
            .filter(|b| !matches!(b, Block::List(_)))
            .count();
        match &events[i] {
            Event::Start(Tag::List(start)) => {
                stack.push(Block::List(*start));
                out.push(events[i].clone());
            }
            Event::Start(Tag::Item) => {
                let numbered = match stack.last_mut() {
                    Some(Block::List(Some(n))) => {
                        let current = *n;
                        *n += 1;
                        Some(current)
                    }
                    _ => None,
                };
                let id = match numbered {
                    Some(n) if blocks == 0 => {
                        point = Some(format!("muc-{n}"));
                        paragraph = 0;
                        Some(ids.give(format!("muc-{n}")))
                    }
                    _ if blocks <= 1 => {
                        paragraph += 1;
                        Some(ids.give(paragraph_id(&point, paragraph)))
                    }
                    _ => None,
                };
                stack.push(Block::Item(id.is_some()));
                match id {
                    Some(id) => {
                        out.push(Event::Html(format!("<li id=\"{id}\">").into()));
                        out.push(Event::Html(pilcrow(&id).into()));
                    }
                    None => out.push(events[i].clone()),
                }
            }
            Event::Start(Tag::Paragraph) if blocks == 0 => {
                let article = article_heading(&events[i + 1..]);
                let id = match lettered_point(events.get(i + 1)) {
                    _ if article.is_some() => {
                        let n = article.unwrap_or_default();
                        point = None;
                        paragraph = 0;
                        ids.give(format!("dieu-{n}"))
                    }
                    Some(letter) => {
                        let base = point.clone().unwrap_or_else(|| "diem".into());
                        ids.give(format!("{base}-{letter}"))
                    }
                    None => {
                        paragraph += 1;
                        ids.give(paragraph_id(&point, paragraph))
                    }
                };
                stack.push(Block::Item(true));
                out.push(Event::Html(format!("<p id=\"{id}\">").into()));
                out.push(Event::Html(pilcrow(&id).into()));
            }
            Event::Start(tag) if is_block(tag) => {
                stack.push(Block::Item(false));
                out.push(events[i].clone());
            }
            Event::End(end) if is_block_end(end) => match stack.pop() {
                Some(Block::Item(true)) => {
                    let close = if *end == TagEnd::Paragraph {
                        "</p>\n"
                    } else {
                        "</li>\n"
                    };
                    out.push(Event::Html(close.into()));
                }
                _ => out.push(events[i].clone()),
            },
            _ => out.push(events[i].clone()),
        }
    }
    (out, ids.given)
}

enum Block {
    /// A list and the number of its next item (`None` when unordered).
    List(Option<u64>),
    /// Any other block; `true` when it was opened with an id.
    Item(bool),
}

fn is_block(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::FootnoteDefinition(_)
            | Tag::BlockQuote(_)
            | Tag::Table(_)
            | Tag::Heading { .. }
            | Tag::CodeBlock(_)
            | Tag::HtmlBlock
    )
}

fn is_block_end(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::Paragraph
            | TagEnd::FootnoteDefinition
            | TagEnd::BlockQuote(_)
            | TagEnd::Table
            | TagEnd::Heading(_)
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
    )
}

fn paragraph_id(point: &Option<String>, n: usize) -> String {
    match point {
        Some(p) => format!("{p}-doan-{n}"),
        None => format!("doan-{n}"),
    }
}

/// "a) ..." opens a lettered point; returns its letter as an id part.
/// Whether `body` has a paragraph opening "Điều N." (bold or not).
pub fn has_article(body: &str, n: u32) -> bool {
    let want = format!("Điều {n}");
    body.lines().any(|l| {
        let l = l.trim_start().trim_start_matches(['*', '_']);
        l.strip_prefix(&want)
            .is_some_and(|r| matches!(r.chars().next(), None | Some('.' | ':' | ' ' | '*')))
    })
}

/// The N of a paragraph opening "Điều N." (bold or not): an article
/// heading, anchored `dieu-N` so that citations of the article link to it.
fn article_heading(next: &[Event]) -> Option<u32> {
    let text = next.iter().take(3).find_map(|e| match e {
        Event::Text(t) => Some(t),
        Event::Start(Tag::Strong | Tag::Emphasis) => None,
        _ => None,
    })?;
    let rest = text.trim_start().strip_prefix("Điều ")?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let after = rest[digits.len()..].chars().next();
    if digits.is_empty() || !matches!(after, None | Some('.' | ':' | ' ')) {
        return None;
    }
    digits.parse().ok().filter(|&n| n > 0 && n < 1000)
}

fn lettered_point(first: Option<&Event>) -> Option<String> {
    let Some(Event::Text(text)) = first else {
        return None;
    };
    let mut chars = text.chars();
    let letter = chars.next()?;
    if chars.next()? != ')' {
        return None;
    }
    match letter {
        'a'..='z' => Some(letter.to_string()),
        'đ' => Some("dd".into()),
        _ => None,
    }
}

#[derive(Default)]
struct Ids {
    given: Vec<String>,
    seen: std::collections::HashSet<String>,
}

impl Ids {
    fn give(&mut self, id: String) -> String {
        let mut candidate = id.clone();
        let mut n = 2;
        while !self.seen.insert(candidate.clone()) {
            candidate = format!("{id}-{n}");
            n += 1;
        }
        self.given.push(candidate.clone());
        candidate
    }
}

#[cfg(test)]
mod alignment_tests {
    use super::*;

    #[test]
    fn aligned_cells_get_classes_and_no_style_attribute() {
        let body = "| Số | Tên | Kinh phí |\n|:--|:-:|--:|\n| 1 | A | 1.000 |\n\n<td style=\"text-align: right\">x</td>\n";
        let html = render(body, &[]).html;
        assert!(
            !html.contains("<td style=") && !html.contains("<th style="),
            "{html}"
        );
        for side in ["left", "center", "right"] {
            assert!(
                html.contains(&format!("<td class=\"align-{side}\">")),
                "{side}: {html}"
            );
        }
        // Raw HTML stays text: its attribute is shown, escaped, not turned into a class.
        assert!(
            html.contains("&lt;td style=\"text-align: right\"&gt;x"),
            "{html}"
        );
    }
}

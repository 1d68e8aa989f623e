//! Answering one HTTP request: the site's files (GET and HEAD), the
//! live-reload script and its event stream. Every connection is closed after
//! its answer.

use super::Shared;
use super::live::RELOAD_JS;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A client that does not send its request within this time is dropped.
const READ_TIMEOUT: Duration = Duration::from_secs(5);
const MAX_HEAD: usize = 16 * 1024;
/// How long a request waits for the site while a rebuild swaps it in.
const SWAP_WAIT: Duration = Duration::from_secs(1);

const EVENTS_PATH: &str = "/__vanban/events";
const SCRIPT_PATH: &str = "/__vanban/reload.js";
const RESERVED_PREFIX: &str = "/__vanban/";

pub(super) fn handle(mut stream: TcpStream, shared: &Shared) {
    let _ = stream.set_read_timeout(Some(READ_TIMEOUT));
    let _ = stream.set_write_timeout(Some(READ_TIMEOUT));
    let Some(head) = read_head(&mut stream) else {
        return;
    };
    let Some((method, target)) = request_line(&head) else {
        let _ = respond(
            &mut stream,
            &Response::text(400, "Yêu cầu không hợp lệ."),
            false,
        );
        return;
    };
    let head_only = match method {
        "GET" => false,
        "HEAD" => true,
        _ => {
            let mut r = Response::text(405, "Chỉ nhận GET và HEAD.");
            r.headers.push(("Allow", "GET, HEAD".into()));
            let _ = respond(&mut stream, &r, false);
            return;
        }
    };
    let path = target.split(['?', '#']).next().unwrap_or("");
    if path == EVENTS_PATH && !head_only {
        shared.live.subscribe(stream);
        return;
    }
    let response = if path == SCRIPT_PATH {
        Response::ok(content_type("js"), RELOAD_JS.as_bytes().to_vec())
    } else if path.starts_with(RESERVED_PREFIX) {
        not_found(shared)
    } else {
        site_file(shared, target)
    };
    let _ = respond(&mut stream, &response, head_only);
}

struct Response {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

impl Response {
    fn ok(content_type: &str, body: Vec<u8>) -> Response {
        Response {
            status: 200,
            headers: vec![("Content-Type", content_type.to_string())],
            body,
        }
    }

    fn text(status: u16, message: &str) -> Response {
        Response {
            status,
            headers: vec![("Content-Type", content_type("txt").to_string())],
            body: format!("{message}\n").into_bytes(),
        }
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Internal Server Error",
    }
}

fn respond(stream: &mut TcpStream, r: &Response, head_only: bool) -> std::io::Result<()> {
    let mut head = format!("HTTP/1.1 {} {}\r\n", r.status, reason(r.status));
    for (name, value) in &r.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nCache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        r.body.len()
    ));
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(&r.body)?;
    }
    stream.flush()
}

/// Reads up to the blank line that ends the request's head.
fn read_head(stream: &mut TcpStream) -> Option<String> {
    let mut head = Vec::new();
    let mut buf = [0u8; 2048];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && !head.windows(2).any(|w| w == b"\n\n") {
        if head.len() > MAX_HEAD {
            return None;
        }
        let n = stream.read(&mut buf).ok()?;
        if n == 0 {
            return None;
        }
        head.extend_from_slice(&buf[..n]);
    }
    String::from_utf8(head).ok()
}

/// The method and target of `GET /path HTTP/1.1`.
fn request_line(head: &str) -> Option<(&str, &str)> {
    let line = head.lines().next()?;
    let mut parts = line.split(' ');
    let method = parts.next()?;
    let target = parts.next()?;
    let version = parts.next()?;
    (parts.next().is_none() && version.starts_with("HTTP/") && target.starts_with('/'))
        .then_some((method, target))
}

/// Where a request's path leads inside the site.
#[derive(Debug, PartialEq, Eq)]
enum Resolved {
    File(PathBuf),
    /// A folder asked for without its final `/`: relative links inside its
    /// page only work from the address with the `/`.
    Redirect(String),
    NotFound,
    /// Leaves the site (`..`) or is not a valid path.
    Refused,
}

fn resolve(root: &Path, target: &str) -> Resolved {
    let (path, query) = match target.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (target, None),
    };
    let path = path.split('#').next().unwrap_or("");
    let Some(decoded) = percent_decode(path) else {
        return Resolved::Refused;
    };
    let mut segments = Vec::new();
    for segment in decoded.split('/').filter(|s| !s.is_empty()) {
        if segment == ".." || segment == "." || segment.contains(['\\', '\0']) {
            return Resolved::Refused;
        }
        segments.push(segment);
    }
    let mut file = root.to_path_buf();
    file.extend(&segments);
    if file.is_dir() {
        if !decoded.ends_with('/') {
            let mut location = String::from("/");
            for s in &segments {
                location.push_str(&percent_encode(s));
                location.push('/');
            }
            if let Some(q) = query.filter(|q| !q.contains(['\r', '\n'])) {
                location.push('?');
                location.push_str(q);
            }
            return Resolved::Redirect(location);
        }
        file.push("index.html");
    }
    if file.is_file() {
        Resolved::File(file)
    } else {
        Resolved::NotFound
    }
}

fn site_file(shared: &Shared, target: &str) -> Response {
    // Read before the file: a page read after a rebuild took the new id
    // reloads once more, never once too few.
    let build_id = shared.live.build_id();
    let mut outcome = read_resolved(&shared.root, target);
    if matches!(outcome, Err(ReadFailure::NotFound)) && wait_for_site(&shared.root) {
        outcome = read_resolved(&shared.root, target);
    }
    match outcome {
        Ok((file, bytes)) => {
            let ext = extension(&file);
            if ext == "html" {
                Response::ok(content_type(&ext), inject(&bytes, &build_id))
            } else {
                Response::ok(content_type(&ext), bytes)
            }
        }
        Err(ReadFailure::Redirect(location)) => Response {
            status: 301,
            headers: vec![
                ("Location", location),
                ("Content-Type", content_type("txt").to_string()),
            ],
            body: Vec::new(),
        },
        Err(ReadFailure::Refused) => Response::text(400, "Đường dẫn không hợp lệ."),
        Err(ReadFailure::NotFound) => not_found(shared),
    }
}

enum ReadFailure {
    Redirect(String),
    NotFound,
    Refused,
}

fn read_resolved(root: &Path, target: &str) -> Result<(PathBuf, Vec<u8>), ReadFailure> {
    match resolve(root, target) {
        Resolved::File(file) => match std::fs::read(&file) {
            Ok(bytes) => Ok((file, bytes)),
            Err(_) => Err(ReadFailure::NotFound),
        },
        Resolved::Redirect(location) => Err(ReadFailure::Redirect(location)),
        Resolved::NotFound => Err(ReadFailure::NotFound),
        Resolved::Refused => Err(ReadFailure::Refused),
    }
}

/// A rebuild swaps the new site in with two renames, between which the
/// folder is missing. Waits (briefly) for it; false when it was there.
fn wait_for_site(root: &Path) -> bool {
    if root.is_dir() {
        return true;
    }
    let started = Instant::now();
    while started.elapsed() < SWAP_WAIT {
        std::thread::sleep(Duration::from_millis(10));
        if root.is_dir() {
            return true;
        }
    }
    false
}

/// The site's `404.html` with status 404, or a plain page when the site
/// has none (no build succeeded yet).
fn not_found(shared: &Shared) -> Response {
    let build_id = shared.live.build_id();
    let page = std::fs::read(shared.root.join("404.html")).unwrap_or_else(|_| {
        let why = match shared.live.last_error() {
            Some(_) => "Chưa dựng được trang: xem lỗi bên dưới và trong cửa sổ dòng lệnh.",
            None => "Địa chỉ này không có trong trang.",
        };
        format!(
            "<!DOCTYPE html>\n<html lang=\"vi\">\n<head><meta charset=\"utf-8\">\
             <title>Không tìm thấy trang</title></head>\n\
             <body>\n<h1>Không tìm thấy trang</h1>\n<p>{why}</p>\n</body>\n</html>\n"
        )
        .into_bytes()
    });
    Response {
        status: 404,
        headers: vec![("Content-Type", content_type("html").to_string())],
        body: inject(&page, &build_id),
    }
}

/// Adds the reload script before the page's last `</body>` (or at its end).
fn inject(html: &[u8], build_id: &str) -> Vec<u8> {
    let tag = format!("<script src=\"{SCRIPT_PATH}\" data-build=\"{build_id}\"></script>\n");
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn extension(file: &Path) -> String {
    file.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

fn content_type(ext: &str) -> &'static str {
    match ext {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "md" => "text/markdown; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// Decodes `%XX` escapes; `None` for a broken escape or bytes that are not
/// UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn percent_encode(segment: &str) -> String {
    let mut out = String::new();
    for b in segment.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("van-ban/2021/x")).unwrap();
        std::fs::write(tmp.path().join("van-ban/2021/x/index.html"), "x").unwrap();
        std::fs::write(tmp.path().join("a b.txt"), "x").unwrap();
        tmp
    }

    #[test]
    fn folders_lead_to_their_index_page() {
        let tmp = site();
        let root = tmp.path();
        assert_eq!(
            resolve(root, "/van-ban/2021/x/?q=1"),
            Resolved::File(root.join("van-ban/2021/x/index.html"))
        );
        assert_eq!(
            resolve(root, "/van-ban/2021/x?q=1"),
            Resolved::Redirect("/van-ban/2021/x/?q=1".into())
        );
        assert_eq!(
            resolve(root, "/a%20b.txt"),
            Resolved::File(root.join("a b.txt"))
        );
        assert_eq!(resolve(root, "/khong-co/"), Resolved::NotFound);
    }

    #[test]
    fn paths_that_climb_out_are_refused_even_when_encoded() {
        let tmp = site();
        for target in [
            "/../secret",
            "/van-ban/../../secret",
            "/%2e%2e/secret",
            "/van-ban/..%2f..%2fsecret",
            "/..%5csecret",
            "/%00",
            "/%zz",
            "/%c3",
        ] {
            assert_eq!(resolve(tmp.path(), target), Resolved::Refused, "{target}");
        }
    }

    #[test]
    fn a_redirect_never_leaves_the_host() {
        let tmp = site();
        std::fs::create_dir_all(tmp.path().join("evil.example")).unwrap();
        assert_eq!(
            resolve(tmp.path(), "//evil.example"),
            Resolved::Redirect("/evil.example/".into())
        );
    }

    #[test]
    fn the_script_goes_before_the_last_closing_body_tag() {
        let page = b"<html><body><p>&lt;/body&gt;</p></BODY></html>";
        let out = String::from_utf8(inject(page, "1-1")).unwrap();
        assert_eq!(
            out,
            "<html><body><p>&lt;/body&gt;</p><script src=\"/__vanban/reload.js\" data-build=\"1-1\"></script>\n</BODY></html>"
        );
        let bare = String::from_utf8(inject(b"<p>x</p>", "1-1")).unwrap();
        assert!(bare.starts_with("<p>x</p><script src=\"/__vanban/reload.js\""));
    }
}

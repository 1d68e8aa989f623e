//! `vanban serve` over HTTP on loopback: the sample archive is served, its
//! pages carry the live-reload hook (the files on disk do not), and an edit
//! of a document shows up in the served page.

use crate::site;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use vanban::build::BuildOptions;
use vanban::config::Config;
use vanban::serve::{ServeOptions, Server};

const DOC_FILE: &str = "ubnd-tinh-kien-giang/2021-09-11-1507-ubnd-th.md";
const DOC_PAGE: &str = "/van-ban/2021/1507-ubnd-th/";
const DOC_TITLE: &str =
    "Triển khai thực hiện Nghị quyết phiên họp Chính phủ thường kỳ tháng 08 năm 2021";
/// Every wait of these tests ends by then.
const PATIENCE: Duration = Duration::from_secs(10);

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Sends `METHOD target` as raw HTTP/1.1 to the server and reads the reply.
fn request(server: &Server, method: &str, target: &str) -> Reply {
    let mut stream = TcpStream::connect(("127.0.0.1", server.port())).expect("connect");
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    write!(
        stream,
        "{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read reply");
    let raw = String::from_utf8(raw).expect("UTF-8 reply");
    let (head, body) = raw.split_once("\r\n\r\n").expect("reply head");
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(": "))
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect();
    Reply {
        status,
        headers,
        body: body.to_string(),
    }
}

fn get(server: &Server, target: &str) -> Reply {
    request(server, "GET", target)
}

/// A copy of the sample archive, served.
fn start(dir: &Path) -> Server {
    let content = site::copy_sample(dir);
    let opts = ServeOptions {
        build: BuildOptions {
            content_dir: content.clone(),
            output_dir: dir.join("public"),
            theme_dir: None,
            config: Config::default(),
        },
        port: 0,
        watch: vec![content],
        config_file: None,
    };
    vanban::serve::start(opts).expect("server starts")
}

/// The live-reload event stream, as a page listens to it.
struct Events(BufReader<TcpStream>);

impl Events {
    fn open(server: &Server) -> Events {
        let mut stream = TcpStream::connect(("127.0.0.1", server.port())).unwrap();
        stream.set_read_timeout(Some(PATIENCE)).unwrap();
        write!(
            stream,
            "GET /__vanban/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        )
        .unwrap();
        let mut events = Events(BufReader::new(stream));
        assert_eq!(
            events.next().0,
            "build",
            "the stream starts with the build id"
        );
        events
    }

    /// The next event's name and data; fails after [`PATIENCE`].
    fn next(&mut self) -> (String, String) {
        let (mut name, mut data) = (String::new(), Vec::new());
        loop {
            let mut line = String::new();
            let n = self.0.read_line(&mut line).expect("an event in time");
            assert!(n > 0, "the event stream ended");
            let line = line.trim_end_matches(['\r', '\n']);
            if let Some(v) = line.strip_prefix("event: ") {
                name = v.to_string();
            } else if let Some(v) = line.strip_prefix("data:") {
                data.push(v.strip_prefix(' ').unwrap_or(v).to_string());
            } else if line.is_empty() && !name.is_empty() {
                return (name, data.join("\n"));
            }
        }
    }

    /// Skips events until one called `name` comes; returns its data.
    fn wait_for(&mut self, name: &str) -> String {
        let started = Instant::now();
        while started.elapsed() < PATIENCE {
            let (n, data) = self.next();
            if n == name {
                return data;
            }
        }
        panic!("no `{name}` event within {PATIENCE:?}");
    }
}

fn edit(file: &Path, from: &str, to: &str) {
    let text = site::read(file);
    assert!(text.contains(from), "{} lacks {from:?}", file.display());
    std::fs::write(file, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn serves_the_site_with_the_reload_hook_only_in_served_pages() {
    let tmp = tempfile::tempdir().unwrap();
    let server = start(tmp.path());

    let home = get(&server, "/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("Content-Type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(home.header("Cache-Control"), Some("no-cache"));
    assert!(home.body.contains("<script src=\"/__vanban/reload.js\""));
    let hook_at = home.body.find("/__vanban/reload.js").unwrap();
    assert!(hook_at < home.body.rfind("</body>").unwrap());

    let doc = get(&server, DOC_PAGE);
    assert_eq!(doc.status, 200);
    assert!(doc.body.contains(DOC_TITLE));
    assert!(doc.body.contains("/__vanban/reload.js"));

    let public = tmp.path().join("public");
    for page in [
        "index.html",
        "van-ban/2021/1507-ubnd-th/index.html",
        "404.html",
    ] {
        assert!(
            !site::read(&public.join(page)).contains("__vanban"),
            "{page} on disk carries the reload hook"
        );
    }

    let script = get(&server, "/__vanban/reload.js");
    assert_eq!(script.status, 200);
    assert_eq!(
        script.header("Content-Type"),
        Some("text/javascript; charset=utf-8")
    );
    assert!(script.body.contains("EventSource(\"/__vanban/events\")"));

    let css = get(&server, "/static/style.css");
    assert_eq!(css.status, 200);
    assert_eq!(css.header("Content-Type"), Some("text/css; charset=utf-8"));
    assert!(!css.body.contains("__vanban"));
    let feed = get(&server, "/feed.xml");
    assert_eq!(
        feed.header("Content-Type"),
        Some("application/xml; charset=utf-8")
    );

    let head = request(&server, "HEAD", DOC_PAGE);
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(head.header("Content-Length"), doc.header("Content-Length"));

    let bare = get(&server, DOC_PAGE.trim_end_matches('/'));
    assert_eq!(bare.status, 301);
    assert_eq!(bare.header("Location"), Some(DOC_PAGE));

    assert_eq!(request(&server, "POST", "/").status, 405);
    server.stop();
}

#[test]
fn a_missing_page_gets_the_site_404_page() {
    let tmp = tempfile::tempdir().unwrap();
    let server = start(tmp.path());
    let missing = get(&server, "/van-ban/2021/khong-co/");
    assert_eq!(missing.status, 404);
    assert_eq!(
        missing.header("Content-Type"),
        Some("text/html; charset=utf-8")
    );
    assert!(missing.body.contains("Không tìm thấy trang"));
    assert!(missing.body.contains("/__vanban/reload.js"));
    server.stop();
}

#[test]
fn paths_that_leave_the_site_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let secret = "bí mật ngoài thư mục trang";
    std::fs::write(tmp.path().join("secret.txt"), secret).unwrap();
    let server = start(tmp.path());
    for target in [
        "/../secret.txt",
        "/static/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/static/..%2f..%2fsecret.txt",
        "/%2E%2E%2Fsecret.txt",
    ] {
        let reply = get(&server, target);
        assert_eq!(reply.status, 400, "{target}");
        assert!(!reply.body.contains(secret), "{target}");
    }
    server.stop();
}

#[test]
fn an_edit_is_rebuilt_and_announced_and_a_broken_edit_keeps_the_old_page() {
    let tmp = tempfile::tempdir().unwrap();
    let server = start(tmp.path());
    let file: PathBuf = tmp.path().join("content").join(DOC_FILE);
    let mut events = Events::open(&server);

    let new_title = "Tiêu đề đã sửa khi đang phục vụ";
    edit(&file, DOC_TITLE, new_title);
    let summary = events.wait_for("reload");
    assert!(summary.contains("văn bản"), "{summary}");
    let started = Instant::now();
    let mut page = get(&server, DOC_PAGE);
    while !page.body.contains(new_title) && started.elapsed() < PATIENCE {
        std::thread::sleep(Duration::from_millis(50));
        page = get(&server, DOC_PAGE);
    }
    assert!(
        page.body.contains(new_title),
        "the served page keeps the old title"
    );

    edit(&file, "date: 2021-09-11", "date: 2021-02-30");
    let errors = events.wait_for("failed");
    assert!(errors.contains("2021-09-11-1507-ubnd-th.md"), "{errors}");
    let page = get(&server, DOC_PAGE);
    assert_eq!(page.status, 200);
    assert!(page.body.contains(new_title));
    // A page opened now hears of the failure at once.
    let mut late = Events::open(&server);
    assert!(
        late.wait_for("failed")
            .contains("2021-09-11-1507-ubnd-th.md")
    );

    server.stop();
}

#[test]
fn a_stopped_server_no_longer_answers() {
    let tmp = tempfile::tempdir().unwrap();
    let server = start(tmp.path());
    let port = server.port();
    let mut events = Events::open(&server);
    server.stop();
    let mut rest = String::new();
    assert!(
        events.0.read_to_string(&mut rest).is_ok(),
        "the open event stream was not closed"
    );
    assert!(TcpStream::connect(("127.0.0.1", port)).is_err());
}

#[test]
fn a_changed_settings_file_is_read_again() {
    let tmp = tempfile::tempdir().unwrap();
    let content = site::copy_sample(tmp.path());
    let config_file = tmp.path().join("vanban.toml");
    std::fs::write(&config_file, "title = \"Kho thử nghiệm\"\n").unwrap();
    let opts = ServeOptions {
        build: BuildOptions {
            content_dir: content.clone(),
            output_dir: tmp.path().join("public"),
            theme_dir: None,
            config: Config::load(&config_file).unwrap(),
        },
        port: 0,
        watch: vec![content],
        config_file: Some(config_file.clone()),
    };
    let server = vanban::serve::start(opts).expect("server starts");
    assert!(get(&server, "/").body.contains("Kho thử nghiệm"));
    let mut events = Events::open(&server);

    // Saved the way many editors do: a new file renamed over the old one.
    let replacement = tmp.path().join("vanban.toml.new");
    std::fs::write(&replacement, "title = \"Kho đã đổi tên\"\n").unwrap();
    std::fs::rename(&replacement, &config_file).unwrap();
    events.wait_for("reload");
    let home = get(&server, "/");
    assert!(home.body.contains("Kho đã đổi tên"));
    assert!(
        home.body
            .contains(&format!("http://127.0.0.1:{}/", server.port())),
        "the served pages point at the local address"
    );

    std::fs::write(&config_file, "tieu_de = \"sai khóa\"\n").unwrap();
    assert!(events.wait_for("failed").contains("vanban.toml"));
    assert!(get(&server, "/").body.contains("Kho đã đổi tên"));
    server.stop();
}

#[test]
fn a_broken_archive_is_served_once_fixed() {
    let tmp = tempfile::tempdir().unwrap();
    let content = site::copy_sample(tmp.path());
    let file = content.join(DOC_FILE);
    edit(&file, "date: 2021-09-11", "date: 2021-13-11");
    let opts = ServeOptions {
        build: BuildOptions {
            content_dir: content.clone(),
            output_dir: tmp.path().join("public"),
            theme_dir: None,
            config: Config::default(),
        },
        port: 0,
        watch: vec![content],
        config_file: None,
    };
    let server = vanban::serve::start(opts).expect("a failed first build still serves");
    let waiting = get(&server, "/");
    assert_eq!(waiting.status, 404);
    assert!(waiting.body.contains("Chưa dựng được trang"));
    assert!(waiting.body.contains("/__vanban/reload.js"));
    let mut events = Events::open(&server);
    assert!(
        events
            .wait_for("failed")
            .contains("2021-09-11-1507-ubnd-th.md")
    );

    edit(&file, "date: 2021-13-11", "date: 2021-09-11");
    events.wait_for("reload");
    let home = get(&server, "/");
    assert_eq!(home.status, 200);
    assert!(home.body.contains("/__vanban/reload.js"));
    server.stop();
}

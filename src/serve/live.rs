//! Live reload: the pages open in the browser listen on `/__vanban/events`
//! (Server-Sent Events) and reload after each successful rebuild.
//!
//! Events sent:
//! - `build`, on connecting: the id of the last successful build, so that a
//!   page served before a rebuild it did not hear about reloads itself;
//! - `reload` after a successful rebuild (data: its summary);
//! - `failed` after a failed one, and on connecting while the last build
//!   failed (data: the error text, one `data:` line per line).

use std::io::Write;
use std::net::{Shutdown, TcpStream};
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The script served at `/__vanban/reload.js`.
pub(super) const RELOAD_JS: &str = include_str!("reload.js");

/// A listener that does not take its events within this time is dropped.
const WRITE_TIMEOUT: Duration = Duration::from_secs(2);

pub(super) struct Live {
    listeners: Mutex<Vec<TcpStream>>,
    state: Mutex<State>,
}

struct State {
    /// Tells this server's builds from those of an earlier run.
    session: u128,
    builds: u64,
    error: Option<String>,
}

impl Live {
    pub(super) fn new() -> Live {
        let session = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        Live {
            listeners: Mutex::new(Vec::new()),
            state: Mutex::new(State {
                session,
                builds: 0,
                error: None,
            }),
        }
    }

    /// The id of the last successful build.
    pub(super) fn build_id(&self) -> String {
        let state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        format!("{:x}-{}", state.session, state.builds)
    }

    /// The error text of the last build, if it failed.
    pub(super) fn last_error(&self) -> Option<String> {
        let state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        state.error.clone()
    }

    pub(super) fn succeeded(&self, summary: &str) {
        {
            let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
            state.builds += 1;
            state.error = None;
        }
        self.broadcast(&event("reload", summary));
    }

    pub(super) fn failed(&self, errors: &str) {
        {
            let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
            state.error = Some(errors.to_string());
        }
        self.broadcast(&event("failed", errors));
    }

    /// Answers a request for `/__vanban/events` and keeps the connection.
    pub(super) fn subscribe(&self, mut stream: TcpStream) {
        let mut greeting = String::from(
            "HTTP/1.1 200 OK\r\n\
             Content-Type: text/event-stream; charset=utf-8\r\n\
             Cache-Control: no-cache\r\n\
             Connection: keep-alive\r\n\r\n\
             retry: 1000\n\n",
        );
        greeting.push_str(&event("build", &self.build_id()));
        if let Some(errors) = self.last_error() {
            greeting.push_str(&event("failed", &errors));
        }
        let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
        if stream.write_all(greeting.as_bytes()).is_ok() {
            self.lock_listeners().push(stream);
        }
    }

    /// A comment line, so that idle connections stay open and dead ones
    /// are found.
    pub(super) fn heartbeat(&self) {
        self.broadcast(": \n\n");
    }

    /// Ends every listener's connection.
    pub(super) fn close_all(&self) {
        for stream in self.lock_listeners().drain(..) {
            let _ = stream.shutdown(Shutdown::Both);
        }
    }

    fn broadcast(&self, message: &str) {
        self.lock_listeners()
            .retain_mut(|stream| stream.write_all(message.as_bytes()).is_ok());
    }

    fn lock_listeners(&self) -> std::sync::MutexGuard<'_, Vec<TcpStream>> {
        self.listeners.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// One Server-Sent Event.
fn event(name: &str, data: &str) -> String {
    let mut out = format!("event: {name}\n");
    for line in data.lines() {
        out.push_str("data: ");
        // A lone carriage return would end the field early.
        out.push_str(&line.replace('\r', " "));
        out.push('\n');
    }
    if data.is_empty() {
        out.push_str("data:\n");
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multi_line_data_becomes_one_data_field_per_line() {
        assert_eq!(
            event("failed", "a.md:3: error: x\n  | number:"),
            "event: failed\ndata: a.md:3: error: x\ndata:   | number:\n\n"
        );
        assert_eq!(event("build", ""), "event: build\ndata:\n\n");
    }

    #[test]
    fn a_successful_build_changes_the_build_id_and_clears_the_error() {
        let live = Live::new();
        let first = live.build_id();
        live.failed("e");
        assert_eq!(live.build_id(), first);
        assert_eq!(live.last_error().as_deref(), Some("e"));
        live.succeeded("ok");
        assert_ne!(live.build_id(), first);
        assert_eq!(live.last_error(), None);
    }
}

//! A tiny HTTP/1.1 server on 127.0.0.1 that answers whatever a test tells it to, however
//! wrong: the misbehaving peer.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

/// A request the stub received.
#[derive(Debug, Clone)]
pub struct StubRequest {
    /// `GET`, `POST`, ...
    pub method: String,
    /// The request target: path and query.
    pub target: String,
    /// The raw header lines.
    pub headers: Vec<String>,
    /// The body.
    pub body: Vec<u8>,
}

impl StubRequest {
    /// A query parameter's raw value.
    pub fn query(&self, key: &str) -> Option<&str> {
        let (_, query) = self.target.split_once('?')?;
        query.split('&').find_map(|kv| {
            let (k, v) = kv.split_once('=')?;
            (k == key).then_some(v)
        })
    }
}

/// What the stub answers.
#[derive(Debug, Clone)]
pub struct StubResponse {
    /// The status line's code.
    pub status: u16,
    /// Header lines, such as `Content-Type: text/html`.
    pub headers: Vec<String>,
    /// The body, sent as it is (a wrong Content-Length is the test's business).
    pub body: Vec<u8>,
    /// Wait this long before answering.
    pub delay: Duration,
}

impl StubResponse {
    /// A response with a status, a content type and a body.
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Self {
            status,
            headers: vec![format!("Content-Type: {content_type}")],
            body: body.into(),
            delay: Duration::ZERO,
        }
    }

    /// A SCIM JSON response.
    pub fn scim(status: u16, body: &serde_json::Value) -> Self {
        Self::new(status, "application/scim+json", body.to_string())
    }
}

/// The running stub; it stops accepting when dropped.
pub struct Stub {
    base_url: String,
    stop: Arc<AtomicBool>,
    port: u16,
}

impl Stub {
    /// Starts a stub answering every request with `handler`.
    pub fn start<F>(handler: F) -> Self
    where
        F: Fn(&StubRequest) -> StubResponse + Send + Sync + 'static,
    {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let port = listener.local_addr().expect("local address").port();
        let stop = Arc::new(AtomicBool::new(false));
        let handler = Arc::new(handler);
        let stopped = Arc::clone(&stop);
        thread::spawn(move || {
            for stream in listener.incoming() {
                if stopped.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let handler = Arc::clone(&handler);
                thread::spawn(move || serve(stream, &*handler));
            }
        });
        Self {
            base_url: format!("http://127.0.0.1:{port}/v2"),
            stop,
            port,
        }
    }

    /// The base URL, `http://127.0.0.1:PORT/v2`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }
}

impl Drop for Stub {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so that it sees the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn serve(mut stream: TcpStream, handler: &dyn Fn(&StubRequest) -> StubResponse) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i;
        }
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let mut request_line = lines.next().unwrap_or_default().split(' ');
    let method = request_line.next().unwrap_or_default().to_owned();
    let target = request_line.next().unwrap_or_default().to_owned();
    let headers: Vec<String> = lines.map(str::to_owned).collect();
    let length = headers
        .iter()
        .find_map(|h| {
            let (k, v) = h.split_once(':')?;
            k.eq_ignore_ascii_case("content-length")
                .then(|| v.trim().parse::<usize>().ok())?
        })
        .unwrap_or(0);
    let mut body = buf[head_end + 4..].to_vec();
    while body.len() < length {
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => body.extend_from_slice(&chunk[..n]),
        }
    }
    let request = StubRequest {
        method,
        target,
        headers,
        body,
    };
    let response = handler(&request);
    thread::sleep(response.delay);
    let mut out = format!("HTTP/1.1 {} Stub\r\n", response.status);
    let mut has_length = false;
    for h in &response.headers {
        has_length |= h.to_ascii_lowercase().starts_with("content-length:");
        out.push_str(h);
        out.push_str("\r\n");
    }
    if !has_length {
        out.push_str(&format!("Content-Length: {}\r\n", response.body.len()));
    }
    out.push_str("Connection: close\r\n\r\n");
    let _ = stream.write_all(out.as_bytes());
    let _ = stream.write_all(&response.body);
    let _ = stream.flush();
}

//! No secret is ever printed: every public client type that can hold one (credentials, client
//! builders and clients, operations, calls, queries, prepared requests, readers, and every
//! error) is shown with `Debug` and, where it has one, `Display`, and none of them holds the
//! password, its percent-encoded or Base64 forms, a bearer token, or a secret header value.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64_check::basic;
use http::{HeaderName, HeaderValue};
use scim_client_tests::stub::{Stub, StubRequest, StubResponse};
use scim_runtime::client::{
    Auth, BlockingClient, BlockingReqwestTransport, BuildError, Client, Core, Error,
    ReqwestTransport, Secret, TransportError, TransportErrorKind,
};
use scim_runtime::User;
use serde_json::json;

/// A password with the characters that need care in a URL: `@`, `:`, `/`, `%` and non-ASCII.
const PASSWORD: &str = "p@ss:w0rd/%é";
/// `PASSWORD` percent-encoded for the user information of a URL (RFC 3986 §3.2.1).
const PASSWORD_ENCODED: &str = "p%40ss%3Aw0rd%2F%25%C3%A9";
const TOKEN: &str = "t0k3n-9f8e7d";
const COOKIE: &str = "session=c00kie-5ecret";
const API_KEY: &str = "ak-1234-5ecret";

mod base64_check {
    /// The Base64 of `user:password`, as an `Authorization: Basic` header carries it (RFC 7617).
    pub fn basic(user: &str, password: &str) -> String {
        const ALPHABET: &[u8; 64] =
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let input = format!("{user}:{password}");
        let mut out = String::new();
        for chunk in input.as_bytes().chunks(3) {
            let b = [
                chunk[0],
                *chunk.get(1).unwrap_or(&0),
                *chunk.get(2).unwrap_or(&0),
            ];
            let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            for i in 0..4 {
                if i <= chunk.len() {
                    out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
                } else {
                    out.push('=');
                }
            }
        }
        out
    }
}

/// Every text that would give a secret away.
fn secrets() -> Vec<String> {
    let b64 = basic("alice", PASSWORD);
    vec![
        PASSWORD.to_owned(),
        PASSWORD_ENCODED.to_owned(),
        // Any fragment long enough to mean something.
        "w0rd".to_owned(),
        b64[..12].to_owned(),
        TOKEN.to_owned(),
        "c00kie-5ecret".to_owned(),
        API_KEY.to_owned(),
    ]
}

#[track_caller]
fn assert_hidden(what: &str, shown: &str) {
    for secret in secrets() {
        assert!(
            !shown.contains(&secret),
            "{what} shows `{secret}`:\n{shown}"
        );
    }
}

fn credentialed_url(stub: &Stub) -> String {
    stub.base_url()
        .replacen("http://", &format!("http://alice:{PASSWORD_ENCODED}@"), 1)
}

/// The same password, unencoded, as people paste it.
fn raw_credentialed_url(stub: &Stub) -> String {
    stub.base_url()
        .replacen("http://", &format!("http://alice:{PASSWORD}@"), 1)
}

fn secret_headers() -> Vec<(HeaderName, HeaderValue)> {
    [
        ("authorization", format!("Bearer {TOKEN}")),
        (
            "proxy-authorization",
            format!("Basic {}", basic("alice", PASSWORD)),
        ),
        ("cookie", COOKIE.to_owned()),
        ("x-api-key", API_KEY.to_owned()),
        ("x-auth-token", TOKEN.to_owned()),
    ]
    .into_iter()
    .map(|(n, v)| {
        (
            HeaderName::from_static(n),
            HeaderValue::from_str(&v).unwrap(),
        )
    })
    .collect()
}

fn recording_stub(status: u16, seen: Arc<Mutex<Vec<StubRequest>>>) -> Stub {
    Stub::start(move |request: &StubRequest| {
        seen.lock().unwrap().push(request.clone());
        StubResponse::scim(
            status,
            &json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"],
                    "status": status.to_string(), "detail": "no"}),
        )
    })
}

#[test]
fn credentials_and_their_holders_hide_every_secret() {
    let shown = format!(
        "{:?} {:?} {:?} {:?}",
        Secret::new(PASSWORD),
        Auth::bearer(TOKEN),
        Auth::basic("alice", PASSWORD),
        Auth::basic("alice", PASSWORD).header_value().unwrap(),
    );
    assert_hidden("credentials", &shown);

    for base in [
        format!("https://alice:{PASSWORD_ENCODED}@example.com/v2"),
        format!("https://alice:{PASSWORD}@example.com/v2"),
    ] {
        let builder = Client::builder(base.clone()).auth(Auth::bearer(TOKEN));
        assert_hidden("ClientBuilder", &format!("{builder:?}"));
        let core = builder.clone().core().unwrap();
        assert_hidden("Core", &format!("{core:?}"));
        assert_eq!(core.base_url(), "https://example.com/v2");
        let client = builder
            .clone()
            .build(ReqwestTransport::new().unwrap())
            .unwrap();
        assert_hidden("Client", &format!("{client:?}"));

        // Operations and calls with secret headers, and what they prepare into.
        let mut call = client.get::<User>("1");
        let mut op = core.get::<User>("1");
        for (name, value) in secret_headers() {
            call = call.header(name.clone(), value.clone());
            op = op.header(name, value);
        }
        assert_hidden("Call", &format!("{call:?}"));
        assert_hidden("Operation", &format!("{op:?}"));
        let prepared = core.prepare(op).unwrap();
        assert_hidden("Prepared", &format!("{prepared:?}"));
        assert_hidden("Request", &format!("{:?}", prepared.request));
        assert_hidden("Reader", &format!("{:?}", prepared.reader));
        assert_eq!(
            prepared.request.headers()["x-api-key"],
            API_KEY,
            "hidden from Debug, still sent"
        );
        let query = client.list::<User>().filter("userName pr");
        assert_hidden("Query", &format!("{query:?}"));
        let raw = core
            .raw_request(
                http::Method::GET,
                "/Me",
                secret_headers().into_iter().collect(),
                Vec::new(),
            )
            .unwrap();
        assert_hidden("raw request", &format!("{raw:?}"));

        // A creation request carries the password in its body: Debug shows its length only.
        let new = User {
            user_name: Some("bjensen".into()),
            password: Some(PASSWORD.into()),
            ..User::default()
        };
        let op = core.create(&new);
        let shown = format!("{op:?}");
        assert_hidden("Operation", &shown);
        let prepared = core.prepare(op).unwrap();
        let body = String::from_utf8(prepared.request.body().clone()).unwrap();
        assert!(body.contains("w0rd"), "sent: {body}");
        let shown = format!("{shown} {prepared:?}");
        assert_hidden("Prepared", &shown);
        let bytes = format!("{:?}", &prepared.request.body()[..8]);
        assert!(!shown.contains(bytes.trim_end_matches(']')), "{shown}");

        // A base URL with credentials and no other auth: they become Basic.
        let core = Core::new(&base).unwrap();
        let prepared = core.prepare(core.get::<User>("1")).unwrap();
        assert_eq!(
            prepared.request.headers()["authorization"],
            format!("Basic {}", basic("alice", PASSWORD)).as_str()
        );
        assert_eq!(prepared.request.uri(), "https://example.com/v2/Users/1");
        assert_hidden("Prepared", &format!("{prepared:?}"));
    }
}

#[test]
fn build_errors_hide_the_credentials_of_the_url() {
    for base in [
        format!("https://alice:{PASSWORD_ENCODED}@example.com/v2?x=1"),
        format!("ftp://alice:{PASSWORD}@example.com/v2"),
        format!("alice:{PASSWORD}@example.com/v2"),
        format!("https://alice:{PASSWORD}@/v2"),
        format!("https://alice:{PASSWORD}%FF@example.com/v2"),
    ] {
        let error = Core::new(&base).unwrap_err();
        assert_hidden("BuildError", &format!("{error} {error:?}"));
        let error = Client::builder(base.clone())
            .build(ReqwestTransport::new().unwrap())
            .unwrap_err();
        assert_hidden("BuildError", &format!("{error} {error:?}"));
    }
    let error = Core::new("http://h")
        .unwrap()
        .set_auth(&Auth::bearer(format!("{TOKEN}\n")))
        .unwrap_err();
    assert_eq!(error, BuildError::InvalidCredentials);
    assert_hidden("BuildError", &format!("{error} {error:?}"));
    let error = TransportError::new(TransportErrorKind::Other, "boom");
    assert_hidden("TransportError", &format!("{error} {error:?}"));
}

#[tokio::test]
async fn errors_from_a_credentialed_base_url_hide_the_credentials() {
    for make_url in [credentialed_url, raw_credentialed_url] {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let stub = recording_stub(500, seen.clone());
        let client = Client::builder(make_url(&stub))
            .build(ReqwestTransport::with_timeout(Duration::from_secs(5)).unwrap())
            .unwrap();
        let mut call = client.get::<User>("1");
        for (name, value) in secret_headers().into_iter().skip(1) {
            call = call.header(name, value);
        }
        let error = call.send().await.unwrap_err();
        assert!(matches!(error, Error::Scim { .. }), "{error:?}");
        assert_hidden("Error", &format!("{error} {error:?} {}", error.exchange()));
        assert!(!error.to_string().contains("alice:"), "{error}");
        // The credentials went as Basic authentication, not in the request target.
        let request = seen.lock().unwrap()[0].clone();
        assert_eq!(request.target, "/v2/Users/1");
        let authorization = format!("Basic {}", basic("alice", PASSWORD));
        assert!(
            request
                .headers
                .iter()
                .any(|h| h.eq_ignore_ascii_case(&format!("authorization: {authorization}"))),
            "{:?}",
            request.headers
        );

        // A failure without a SCIM body, an invalid request, and a transport failure.
        let stub = Stub::start(|_| StubResponse::new(502, "text/html", "<html>bad</html>"));
        let client = Client::builder(make_url(&stub))
            .auth(Auth::bearer(TOKEN))
            .build(ReqwestTransport::new().unwrap())
            .unwrap();
        let error = client.get::<User>("1").send().await.unwrap_err();
        assert!(matches!(error, Error::UnexpectedStatus { .. }), "{error:?}");
        assert_hidden("Error", &format!("{error} {error:?}"));
        let error = client.get::<User>("..").send().await.unwrap_err();
        assert!(matches!(error, Error::InvalidRequest { .. }), "{error:?}");
        assert_hidden("Error", &format!("{error} {error:?}"));
        drop(stub);
        let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let closed_port = closed.local_addr().unwrap().port();
        drop(closed);
        let client = Client::builder(format!(
            "http://alice:{PASSWORD_ENCODED}@127.0.0.1:{closed_port}/v2"
        ))
        .build(ReqwestTransport::new().unwrap())
        .unwrap();
        let error = client.get::<User>("1").send().await.unwrap_err();
        assert!(matches!(error, Error::Transport { .. }), "{error:?}");
        assert_hidden("Error", &format!("{error} {error:?}"));
        let mut source: Option<&dyn std::error::Error> = std::error::Error::source(&error);
        while let Some(s) = source {
            assert_hidden("Error source", &format!("{s} {s:?}"));
            source = s.source();
        }
    }
}

#[tokio::test]
async fn raw_requests_and_responses_hide_secret_headers() {
    let mut response = StubResponse::scim(200, &json!({}));
    response.headers.push(format!("Set-Cookie: {COOKIE}"));
    response.headers.push(format!("X-Auth-Token: {TOKEN}"));
    let stub = Stub::start(move |_| response.clone());
    let client = Client::builder(stub.base_url())
        .auth(Auth::basic("alice", PASSWORD))
        .build(ReqwestTransport::new().unwrap())
        .unwrap();
    let raw = client
        .raw(
            http::Method::GET,
            "/Me",
            secret_headers().into_iter().skip(1).collect(),
            Vec::new(),
        )
        .await
        .unwrap();
    assert_eq!(raw.headers()["set-cookie"], COOKIE, "kept, only hidden");
    assert_hidden("raw response", &format!("{raw:?}"));
}

#[test]
fn the_blocking_client_hides_them_too() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let stub = recording_stub(401, seen);
    let client = BlockingClient::builder(credentialed_url(&stub))
        .build_blocking(BlockingReqwestTransport::new().unwrap())
        .unwrap();
    assert_hidden("BlockingClient", &format!("{client:?}"));
    let error = client
        .get::<User>("1")
        .header(
            HeaderName::from_static("x-api-key"),
            HeaderValue::from_static(API_KEY),
        )
        .send()
        .unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(401));
    assert_hidden("Error", &format!("{error} {error:?}"));
}

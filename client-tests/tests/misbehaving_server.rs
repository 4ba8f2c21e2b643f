//! The client against a hand-rolled server that answers wrongly: each misbehaviour gives its
//! typed error, never a panic.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use futures_util::TryStreamExt as _;
use http::StatusCode;
use scim_client_tests::stub::{Stub, StubRequest, StubResponse};
use scim_runtime::client::{Checks, Client, Error, ReqwestTransport};
use scim_runtime::payload::PayloadError;
use scim_runtime::User;
use serde_json::json;

fn user_json(id: &str) -> serde_json::Value {
    json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
        "id": id, "userName": format!("user-{id}"),
        "meta": {"resourceType": "User", "version": "W/\"1\""}
    })
}

fn client(stub: &Stub) -> Client<ReqwestTransport> {
    Client::new(
        stub.base_url(),
        ReqwestTransport::with_timeout(Duration::from_millis(500)).unwrap(),
    )
    .unwrap()
}

fn always(response: StubResponse) -> Stub {
    Stub::start(move |_| response.clone())
}

#[tokio::test]
async fn a_wrong_content_type_is_refused_unless_unchecked() {
    let stub = always(StubResponse::new(
        200,
        "text/plain",
        user_json("1").to_string(),
    ));
    let client = client(&stub);
    let error = client.get::<User>("1").send().await.unwrap_err();
    match &error {
        Error::UnexpectedContentType {
            content_type,
            exchange,
        } => {
            assert_eq!(content_type.as_deref(), Some("text/plain"));
            assert_eq!(exchange.status, Some(StatusCode::OK));
            assert!(exchange.body.contains("user-1"));
            assert!(exchange.url.ends_with("/v2/Users/1"));
        }
        other => panic!("{other:?}"),
    }
    let user = client
        .get::<User>("1")
        .checks(Checks {
            content_type: false,
            ..Checks::ALL
        })
        .send()
        .await
        .expect("content type not checked");
    assert_eq!(user.user_name.as_deref(), Some("user-1"));
}

#[tokio::test]
async fn an_html_error_page_is_an_unexpected_status() {
    let page = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    let stub = always(StubResponse::new(502, "text/html", page));
    let error = client(&stub).get::<User>("1").send().await.unwrap_err();
    assert!(matches!(error, Error::UnexpectedStatus { .. }), "{error:?}");
    assert_eq!(error.status(), Some(StatusCode::BAD_GATEWAY));
    assert!(error.exchange().body.starts_with("<html>"));
    assert!(
        error.to_string().contains("without a SCIM error"),
        "{error}"
    );
}

#[tokio::test]
async fn truncated_json_is_not_json() {
    let body = user_json("1").to_string();
    let stub = always(StubResponse::new(
        200,
        "application/scim+json",
        &body[..body.len() / 2],
    ));
    let error = client(&stub).get::<User>("1").send().await.unwrap_err();
    assert!(
        matches!(
            error,
            Error::NotJson {
                source: PayloadError::Syntax { .. },
                ..
            }
        ),
        "{error:?}"
    );
}

#[tokio::test]
async fn a_status_the_operation_does_not_define_is_refused() {
    // 200 to a creation, which defines 201.
    let stub = always(StubResponse::scim(200, &user_json("1")));
    let client = client(&stub);
    let error = client
        .create(&User {
            user_name: Some("a".into()),
            ..User::default()
        })
        .send()
        .await
        .unwrap_err();
    assert!(matches!(error, Error::UnexpectedStatus { .. }), "{error:?}");
    // ...and accepted with the status check off.
    client
        .create(&User {
            user_name: Some("a".into()),
            ..User::default()
        })
        .checks(Checks {
            status: false,
            ..Checks::ALL
        })
        .send()
        .await
        .expect("status not checked");
    // 202 to a delete.
    let stub = always(StubResponse::new(202, "application/scim+json", ""));
    let error = client_for(&stub)
        .delete_id::<User>("1")
        .send()
        .await
        .unwrap_err();
    assert!(matches!(error, Error::UnexpectedStatus { .. }), "{error:?}");
}

fn client_for(stub: &Stub) -> Client<ReqwestTransport> {
    client(stub)
}

#[tokio::test]
async fn server_errors_with_and_without_a_scim_body() {
    let stub = always(StubResponse::scim(
        503,
        &json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "503", "detail": "maintenance"}),
    ));
    let error = client(&stub).get::<User>("1").send().await.unwrap_err();
    let scim = error.scim_error().expect("a SCIM error");
    assert_eq!(
        (scim.status, scim.detail.as_deref()),
        (503, Some("maintenance"))
    );

    let stub = always(StubResponse::new(500, "application/scim+json", ""));
    let error = client(&stub).get::<User>("1").send().await.unwrap_err();
    assert!(matches!(error, Error::UnexpectedStatus { .. }));
    assert_eq!(error.status(), Some(StatusCode::INTERNAL_SERVER_ERROR));
}

#[tokio::test]
async fn an_invalid_payload_carries_its_violations() {
    let mut body = user_json("1");
    body["password"] = json!("leaked"); // returned: never
    let stub = always(StubResponse::scim(200, &body));
    let error = client(&stub).get::<User>("1").send().await.unwrap_err();
    match error {
        Error::InvalidResponse {
            source: PayloadError::Violations(v),
            ..
        } => {
            assert_eq!(v.0[0].path, "password");
        }
        other => panic!("{other:?}"),
    }
    let stub = always(StubResponse::scim(200, &json!([1, 2, 3])));
    let error = client(&stub).get::<User>("1").send().await.unwrap_err();
    assert!(matches!(error, Error::InvalidResponse { .. }), "{error:?}");
}

#[tokio::test]
async fn a_slow_server_times_out() {
    let mut slow = StubResponse::scim(200, &user_json("1"));
    slow.delay = Duration::from_secs(3);
    let stub = always(slow);
    let error = client(&stub).get::<User>("1").send().await.unwrap_err();
    assert!(error.is_timeout(), "{error:?}");
    assert_eq!(error.status(), None);
}

#[tokio::test]
async fn a_refused_connection_is_a_transport_error() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let client = Client::new(
        &format!("http://127.0.0.1:{port}/v2"),
        ReqwestTransport::new().unwrap(),
    )
    .unwrap();
    let error = client.get::<User>("1").send().await.unwrap_err();
    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
}

/// A server with `n` users, answering pages with `totalResults` set by `total` and at most
/// `page_cap` results whatever the `count`.
fn lying_list(n: usize, total: u64, page_cap: usize, hits: Arc<AtomicUsize>) -> Stub {
    Stub::start(move |request: &StubRequest| {
        hits.fetch_add(1, Ordering::SeqCst);
        let start: usize = request
            .query("startIndex")
            .and_then(|s| s.parse().ok())
            .unwrap_or(1);
        let count: usize = request
            .query("count")
            .and_then(|s| s.parse().ok())
            .unwrap_or(usize::MAX);
        let page: Vec<_> = (start..=n)
            .take(count.min(page_cap))
            .map(|i| user_json(&i.to_string()))
            .collect();
        StubResponse::scim(
            200,
            &json!({
                "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
                "totalResults": total, "startIndex": start, "itemsPerPage": page.len(), "Resources": page
            }),
        )
    })
}

#[tokio::test]
async fn paging_survives_a_lying_total_and_ignored_counts() {
    // totalResults too low: every user is still read.
    let hits = Arc::new(AtomicUsize::new(0));
    let stub = lying_list(23, 5, usize::MAX, hits.clone());
    let users: Vec<User> = client(&stub)
        .list::<User>()
        .count(10)
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(users.len(), 23);
    assert_eq!(hits.load(Ordering::SeqCst), 3);

    // totalResults too high: it stops on the empty page.
    let hits = Arc::new(AtomicUsize::new(0));
    let stub = lying_list(23, 1000, usize::MAX, hits.clone());
    let users: Vec<User> = client(&stub)
        .list::<User>()
        .count(10)
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(users.len(), 23);
    assert_eq!(hits.load(Ordering::SeqCst), 4);

    // count ignored, pages of 4 whatever is asked: not stopped after the first page.
    let hits = Arc::new(AtomicUsize::new(0));
    let stub = lying_list(23, 23, 4, hits.clone());
    let users: Vec<User> = client(&stub)
        .list::<User>()
        .count(10)
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(users.len(), 23);
    let ids: Vec<_> = users.iter().map(|u| u.id.clone().unwrap()).collect();
    assert_eq!(ids, (1..=23).map(|i| i.to_string()).collect::<Vec<_>>());

    // No count asked, exact total.
    let hits = Arc::new(AtomicUsize::new(0));
    let stub = lying_list(23, 23, 10, hits.clone());
    let users: Vec<User> = client(&stub)
        .list::<User>()
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(users.len(), 23);
    assert_eq!(hits.load(Ordering::SeqCst), 3);
}

#[tokio::test]
async fn a_page_that_starts_elsewhere_is_a_paging_error() {
    // A server that ignores startIndex and always answers the first page.
    let stub = Stub::start(|_| {
        StubResponse::scim(
            200,
            &json!({
                "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
                "totalResults": 100, "startIndex": 1, "Resources": [user_json("1"), user_json("2")]
            }),
        )
    });
    let results: Vec<Result<User, Error>> =
        futures_util::StreamExt::collect(client(&stub).list::<User>().count(2).stream()).await;
    assert_eq!(results.len(), 3, "two users, then the error, then the end");
    assert!(
        matches!(results[2], Err(Error::Paging { .. })),
        "{:?}",
        results[2]
    );
}

#[tokio::test]
async fn etag_header_fills_a_missing_version() {
    let mut body = user_json("1");
    body["meta"] = json!({"resourceType": "User"});
    let mut response = StubResponse::scim(200, &body);
    response.headers.push("ETag: W/\"42\"".into());
    let stub = always(response);
    let user = client(&stub).get::<User>("1").send().await.unwrap();
    assert_eq!(user.meta.unwrap().version.as_deref(), Some("W/\"42\""));
}

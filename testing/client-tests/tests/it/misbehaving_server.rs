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

// The quirks of servers people run (scim2-client's behaviour: it checks, the caller relaxes).

use scim_runtime::client::RequestError;
use scim_runtime::message::{BulkMethod, BulkOperation, BulkRequest, PatchOp, PatchOperationKind};
use scim_runtime::Resource as _;

const SPC: &str = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";

/// A ServiceProviderConfig that says no to filter, sort, PATCH and ETags, and limits bulk.
fn stingy_config(bulk_supported: bool) -> serde_json::Value {
    json!({
        "schemas": [SPC],
        "patch": {"supported": false},
        "bulk": {"supported": bulk_supported, "maxOperations": 2, "maxPayloadSize": 400},
        "filter": {"supported": false, "maxResults": 10},
        "changePassword": {"supported": false},
        "sort": {"supported": false},
        "etag": {"supported": false},
        "authenticationSchemes": []
    })
}

/// A list body; `total` is left out when `None`, as some servers do.
fn list_body(resources: Vec<serde_json::Value>, total: Option<usize>) -> serde_json::Value {
    let mut body = json!({
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
        "Resources": resources
    });
    if let Some(total) = total {
        body["totalResults"] = json!(total);
    }
    body
}

/// The path of a request target, without the query.
fn path_of(request: &StubRequest) -> &str {
    request.target.split('?').next().unwrap_or_default()
}

/// A server publishing the standard User resource type at `endpoint`, leaving
/// `totalResults` out of its discovery lists when `totals` is false, and answering every other
/// request with `other`. Every request target is recorded in `seen`.
fn discovery_stub(
    endpoint: &str,
    totals: bool,
    config: serde_json::Value,
    seen: Arc<std::sync::Mutex<Vec<String>>>,
    other: impl Fn(&StubRequest) -> StubResponse + Send + Sync + 'static,
) -> Stub {
    let mut resource_type = serde_json::to_value(User::resource_type()).unwrap();
    resource_type["endpoint"] = json!(endpoint);
    let schemas: Vec<_> = User::schemas()
        .into_iter()
        .map(|s| serde_json::to_value(s).unwrap())
        .collect();
    let total = |n: usize| totals.then_some(n);
    let types_body = list_body(vec![resource_type], total(1));
    let schemas_body = list_body(schemas.clone(), total(schemas.len()));
    Stub::start(move |request: &StubRequest| {
        seen.lock()
            .unwrap()
            .push(format!("{} {}", request.method, request.target));
        match path_of(request) {
            "/v2/ServiceProviderConfig" => StubResponse::scim(200, &config),
            "/v2/ResourceTypes" => StubResponse::scim(200, &types_body),
            "/v2/Schemas" => StubResponse::scim(200, &schemas_body),
            _ => other(request),
        }
    })
}

fn full_config() -> serde_json::Value {
    let mut config = stingy_config(true);
    for feature in ["patch", "filter", "sort"] {
        config[feature]["supported"] = json!(true);
    }
    config
}

#[tokio::test]
async fn discovery_lists_without_total_results_are_reported_unless_unchecked() {
    let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
    let stub = discovery_stub("/Users", false, full_config(), seen, |_| {
        StubResponse::scim(404, &json!({}))
    });
    let mut client = client(&stub);
    let error = client.discover().await.unwrap_err();
    match &error {
        Error::InvalidResponse {
            source: PayloadError::Violations(v),
            exchange,
        } => {
            assert_eq!(v.0[0].path, "totalResults");
            assert!(
                exchange.url.ends_with("/v2/ResourceTypes"),
                "{}",
                exchange.url
            );
        }
        other => panic!("{other:?}"),
    }
    // The same discovery with the response check off reads every document.
    let discovery = client
        .discover_with(Checks {
            response_payload: false,
            ..Checks::ALL
        })
        .await
        .unwrap();
    assert_eq!(discovery.resource_types.len(), 1);
    assert_eq!(discovery.schemas.len(), User::schemas().len());
    client
        .dynamic("User")
        .expect("a dynamic type from the relaxed discovery");

    // The blocking client takes the same override.
    let stub_url = stub.base_url().to_owned();
    let found = tokio::task::spawn_blocking(move || {
        let mut blocking = scim_runtime::client::BlockingClient::new(
            &stub_url,
            scim_runtime::client::BlockingReqwestTransport::new().unwrap(),
        )
        .unwrap();
        assert!(blocking.discover().is_err());
        let n = blocking
            .discover_with(Checks {
                response_payload: false,
                ..Checks::ALL
            })
            .map(|d| d.resource_types.len());
        drop(blocking);
        n
    })
    .await
    .unwrap();
    assert_eq!(found.unwrap(), 1);
}

#[tokio::test]
async fn pages_without_total_results_are_read_to_the_short_page() {
    // 23 users, pages of 10, never a totalResults.
    let stub = Stub::start(|request: &StubRequest| {
        let start: usize = request
            .query("startIndex")
            .and_then(|s| s.parse().ok())
            .unwrap_or(1);
        let page: Vec<_> = (start..=23)
            .take(10)
            .map(|i| user_json(&i.to_string()))
            .collect();
        let mut body = list_body(page, None);
        body["startIndex"] = json!(start);
        StubResponse::scim(200, &body)
    });
    let client = client(&stub);
    let error = client.list::<User>().send().await.unwrap_err();
    assert!(
        matches!(&error, Error::InvalidResponse { source: PayloadError::Violations(v), .. } if v.0[0].path == "totalResults"),
        "{error:?}"
    );
    let users: Vec<User> = client
        .list::<User>()
        .count(10)
        .checks(Checks {
            response_payload: false,
            ..Checks::ALL
        })
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(users.len(), 23);
    let page = client
        .list::<User>()
        .checks(Checks {
            response_payload: false,
            ..Checks::ALL
        })
        .send()
        .await
        .unwrap();
    assert_eq!(page.total_results, None);
}

#[tokio::test]
async fn endpoints_holding_the_base_path_are_not_doubled() {
    for endpoint in ["/v2/Users", "/v2/Users/", "/Users", "Users/"] {
        let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
        let stub = discovery_stub(endpoint, true, full_config(), seen.clone(), |request| {
            if path_of(request) == "/v2/Users/1" {
                StubResponse::scim(200, &user_json("1"))
            } else {
                StubResponse::scim(
                    404,
                    &json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "404"}),
                )
            }
        });
        let mut client = client(&stub);
        client.discover().await.unwrap();
        let user = client.get::<User>("1").send().await.unwrap();
        assert_eq!(user.id.as_deref(), Some("1"), "{endpoint}");
        let dynamic = client.dynamic("User").unwrap();
        client.get_dynamic(&dynamic, "1").send().await.unwrap();
        assert_eq!(
            seen.lock()
                .unwrap()
                .iter()
                .filter(|t| *t == "GET /v2/Users/1")
                .count(),
            2,
            "{endpoint}: {:?}",
            seen.lock().unwrap()
        );
    }
    // An absolute endpoint: used on the same origin, refused unsent on another.
    let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
    let probe = Stub::start(|_| StubResponse::scim(200, &json!({})));
    let origin = probe.base_url().trim_end_matches("/v2").to_owned();
    drop(probe);
    let stub = discovery_stub(
        "/placeholder",
        true,
        full_config(),
        seen.clone(),
        |request| {
            assert_eq!(path_of(request), "/v2/Users/1");
            StubResponse::scim(200, &user_json("1"))
        },
    );
    let mut client = client(&stub);
    client.discover().await.unwrap();
    let same_origin = format!("{}/Users", stub.base_url());
    client.core_mut().discovery_mut().resource_types[0].endpoint = Some(same_origin);
    client.get::<User>("1").send().await.unwrap();
    client.core_mut().discovery_mut().resource_types[0].endpoint =
        Some(format!("{origin}/v2/Users"));
    let sent = seen.lock().unwrap().len();
    let error = client.get::<User>("1").send().await.unwrap_err();
    assert!(
        matches!(
            &error,
            Error::InvalidRequest {
                source: RequestError::ForeignEndpoint(_),
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(seen.lock().unwrap().len(), sent, "nothing sent");
}

/// A server that refuses, as real ones do with 400, a body without its message schema.
fn schema_checking_stub(seen: Arc<std::sync::Mutex<Vec<String>>>) -> Stub {
    Stub::start(move |request: &StubRequest| {
        let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap_or_default();
        let urn = match (request.method.as_str(), path_of(request)) {
            ("POST", p) if p.ends_with("/.search") => "SearchRequest",
            ("POST", "/v2/Bulk") => "BulkRequest",
            ("PATCH", _) => "PatchOp",
            _ => "",
        };
        seen.lock()
            .unwrap()
            .push(format!("{} {}", request.method, path_of(request)));
        let expected = format!("urn:ietf:params:scim:api:messages:2.0:{urn}");
        if !urn.is_empty()
            && !body["schemas"]
                .as_array()
                .is_some_and(|s| s.contains(&json!(expected)))
        {
            return StubResponse::scim(
                400,
                &json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"],
                        "status": "400", "scimType": "invalidSyntax", "detail": format!("{expected} missing")}),
            );
        }
        match urn {
            "SearchRequest" => StubResponse::scim(200, &list_body(vec![user_json("1")], Some(1))),
            "BulkRequest" => StubResponse::scim(
                200,
                &json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkResponse"], "Operations": []}),
            ),
            "PatchOp" => StubResponse::new(204, "application/scim+json", ""),
            _ => StubResponse::scim(200, &user_json("1")),
        }
    })
}

#[tokio::test]
async fn messages_built_in_code_carry_their_schema() {
    let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
    let stub = schema_checking_stub(seen.clone());
    let client = client(&stub);
    // Query::search builds its SearchRequest from Default.
    let found = client.search::<User>().send().await.unwrap();
    assert_eq!(found.resources.len(), 1);
    client
        .search_all::<serde_json::Value>()
        .filter("userName pr")
        .send()
        .await
        .unwrap();
    client.bulk(&BulkRequest::default()).send().await.unwrap();
    // A struct literal with an empty `schemas` list, as code builds it.
    let bulk = BulkRequest {
        schemas: Vec::new(),
        operations: vec![BulkOperation {
            method: BulkMethod::Delete,
            bulk_id: None,
            version: None,
            path: "/Users/1".into(),
            data: None,
        }],
        ..BulkRequest::default()
    };
    client.bulk(&bulk).send().await.unwrap();
    let mut patch = PatchOp::<User>::default();
    patch.schemas.clear();
    let patch = patch.with(
        PatchOperationKind::Replace,
        Some("nickName"),
        Some("B".into()),
    );
    assert_eq!(
        client.patch_id::<User>("1", &patch).send().await.unwrap(),
        None
    );
    assert_eq!(seen.lock().unwrap().len(), 5);
}

#[tokio::test]
async fn unsupported_filter_sort_and_patch_are_still_sent() {
    let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
    let stub = discovery_stub(
        "/Users",
        true,
        stingy_config(true),
        seen.clone(),
        |request| match request.method.as_str() {
            "PATCH" => StubResponse::new(204, "application/scim+json", ""),
            "POST" if path_of(request) == "/v2/Bulk" => StubResponse::scim(
                200,
                &json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkResponse"], "Operations": []}),
            ),
            _ => StubResponse::scim(200, &list_body(vec![user_json("1")], Some(1))),
        },
    );
    let mut client = client(&stub);
    client.discover().await.unwrap();
    let before = seen.lock().unwrap().len();
    let filter = scim_runtime::filter::Filter::attr("userName")
        .unwrap()
        .eq("user-1");
    client.list::<User>().filter(&filter).send().await.unwrap();
    client
        .list::<User>()
        .sort_by("userName")
        .send()
        .await
        .unwrap();
    client
        .search::<User>()
        .filter(&filter)
        .sort_by("userName")
        .send()
        .await
        .unwrap();
    let patch = PatchOp::<User>::default().with(
        PatchOperationKind::Replace,
        Some("nickName"),
        Some("B".into()),
    );
    client.patch_id::<User>("1", &patch).send().await.unwrap();
    let user: User = serde_json::from_value(user_json("1")).unwrap();
    client.patch(&user, &patch).send().await.unwrap();
    assert_eq!(seen.lock().unwrap().len(), before + 5, "every request sent");

    // Bulk within the advertised limits is sent...
    let op = |i: usize| BulkOperation {
        method: BulkMethod::Delete,
        bulk_id: None,
        version: None,
        path: format!("/Users/{i}"),
        data: None,
    };
    let two = BulkRequest {
        operations: vec![op(1), op(2)],
        ..BulkRequest::default()
    };
    client.bulk(&two).send().await.unwrap();
    let before = seen.lock().unwrap().len();
    // ...and refused unsent beyond maxOperations or maxPayloadSize.
    let three = BulkRequest {
        operations: vec![op(1), op(2), op(3)],
        ..BulkRequest::default()
    };
    let error = client.bulk(&three).send().await.unwrap_err();
    assert!(
        matches!(
            &error,
            Error::InvalidRequest {
                source: RequestError::TooManyBulkOperations {
                    operations: 3,
                    max: 2
                },
                ..
            }
        ),
        "{error:?}"
    );
    let mut big = op(1);
    big.data = Some(json!({"filler": "x".repeat(500)}));
    let error = client
        .bulk(&BulkRequest {
            operations: vec![big],
            ..BulkRequest::default()
        })
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(
            &error,
            Error::InvalidRequest {
                source: RequestError::BulkPayloadTooLarge { max: 400, .. },
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(seen.lock().unwrap().len(), before, "nothing sent");
    // The request check off sends it anyway: the caller relaxes the check.
    client
        .bulk(&three)
        .checks(Checks {
            request_payload: false,
            ..Checks::ALL
        })
        .send()
        .await
        .unwrap();

    // `bulk.supported: false` refuses any bulk request, as scim2-client does.
    let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
    let stub = discovery_stub("/Users", true, stingy_config(false), seen, |_| {
        StubResponse::scim(500, &json!({}))
    });
    let mut client = client_for(&stub);
    client.discover().await.unwrap();
    let error = client.bulk(&two).send().await.unwrap_err();
    assert!(
        matches!(
            &error,
            Error::InvalidRequest {
                source: RequestError::Unsupported("bulk"),
                ..
            }
        ),
        "{error:?}"
    );
}

#[tokio::test]
async fn each_call_can_say_which_statuses_it_expects() {
    // A server answering 200 to a creation: refused by default, accepted when the call says so.
    let stub = always(StubResponse::scim(200, &user_json("1")));
    let client = client(&stub);
    let new = User {
        user_name: Some("a".into()),
        ..User::default()
    };
    assert!(matches!(
        client.create(&new).send().await.unwrap_err(),
        Error::UnexpectedStatus { .. }
    ));
    let created = client
        .create(&new)
        .expected_statuses([200, 201])
        .send()
        .await
        .unwrap();
    assert_eq!(created.id.as_deref(), Some("1"));
    // Narrower than the operation's: a 200 the call does not expect is refused.
    let error = client
        .get::<User>("1")
        .expected_statuses([203])
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::UnexpectedStatus { reason, .. } if reason.contains("this call")),
        "{error:?}"
    );
    // An empty list accepts any status, as scim2-client's `expected_status_codes=None`.
    client
        .create(&new)
        .expected_statuses([])
        .send()
        .await
        .unwrap();
    // A query's pages take it too.
    let stub = always(StubResponse::scim(
        203,
        &list_body(vec![user_json("1")], Some(1)),
    ));
    let client = client_for(&stub);
    assert!(client.list::<User>().send().await.is_err());
    let users: Vec<User> = client
        .list::<User>()
        .expected_statuses([203])
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(users.len(), 1);
    // A failure with a SCIM Error stays a SCIM error whatever the call expects.
    let stub = always(StubResponse::scim(
        409,
        &json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "409", "scimType": "uniqueness"}),
    ));
    let error = client_for(&stub)
        .create(&new)
        .expected_statuses([409])
        .send()
        .await
        .unwrap_err();
    assert!(error.scim_error().is_some(), "{error:?}");
}

#[tokio::test]
async fn messages_are_read_whatever_the_case_of_their_members() {
    let stub = Stub::start(|request: &StubRequest| match path_of(request) {
        "/v2/Users" => StubResponse::scim(
            200,
            &json!({"SCHEMAS": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
                    "TOTALRESULTS": 1, "ItemsPerPage": 1, "startindex": 1,
                    "resources": [user_json("1")]}),
        ),
        "/v2/Bulk" => StubResponse::scim(
            200,
            &json!({"Schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkResponse"],
                    "operations": [{"METHOD": "delete", "Status": "204", "Location": "x"}]}),
        ),
        _ => StubResponse::scim(
            409,
            &json!({"Schemas": ["urn:ietf:params:scim:api:messages:2.0:error"],
                    "STATUS": 409, "SCIMTYPE": "uniqueness", "Detail": "taken"}),
        ),
    });
    let client = client(&stub);
    let page = client.list::<User>().send().await.unwrap();
    assert_eq!((page.total_results, page.resources.len()), (Some(1), 1));
    let bulk = client.bulk(&BulkRequest::default()).send().await.unwrap();
    assert_eq!(bulk.operations[0].status, 204);
    let error = client.get::<User>("1").send().await.unwrap_err();
    let scim = error.scim_error().expect("a SCIM error");
    assert_eq!((scim.status, scim.detail.as_deref()), (409, Some("taken")));
    assert!(scim.scim_type.is_some());

    // Two members equal but for case: an invalid response naming the member.
    let stub = always(StubResponse::scim(
        200,
        &json!({"totalResults": 1, "TotalResults": 2, "Resources": []}),
    ));
    let error = client_for(&stub).list::<User>().send().await.unwrap_err();
    assert!(
        matches!(&error, Error::InvalidResponse { .. })
            && error
                .to_string()
                .to_lowercase()
                .contains("duplicate member `totalresults`"),
        "{error}"
    );
}

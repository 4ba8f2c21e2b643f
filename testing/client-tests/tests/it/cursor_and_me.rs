//! Cursor pagination (RFC 9865) against servers that page only by cursor, or advertise cursors
//! and then page by index, and `/Me` (RFC 7644 §3.11) against a server without it.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::TryStreamExt as _;
use scim_client_tests::stub::{Stub, StubRequest, StubResponse};
use scim_runtime::client::{Client, Error, Paging, ReqwestTransport};
use scim_runtime::message::{PatchOp, PatchOperationKind};
use scim_runtime::{Resource, User};
use serde_json::{json, Value};

const USERS: usize = 250;

fn user_json(i: usize) -> Value {
    json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
        "id": format!("u{i:03}"), "userName": format!("user{i}"),
        "meta": {"resourceType": "User"}
    })
}

fn list_of(resources: Vec<Value>) -> Value {
    json!({
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
        "totalResults": resources.len(),
        "Resources": resources,
    })
}

/// The discovery documents of a server that says how it pages.
fn discovery(path: &str, pagination: &Value) -> Option<StubResponse> {
    let spc = json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
        "patch": {"supported": true},
        "bulk": {"supported": false, "maxOperations": 0, "maxPayloadSize": 0},
        "filter": {"supported": true, "maxResults": 100},
        "changePassword": {"supported": false},
        "sort": {"supported": false},
        "etag": {"supported": false},
        "authenticationSchemes": [],
        "pagination": pagination,
    });
    Some(match path {
        "/v2/ServiceProviderConfig" => StubResponse::scim(200, &spc),
        "/v2/ResourceTypes" => StubResponse::scim(
            200,
            &list_of(vec![serde_json::to_value(User::resource_type()).unwrap()]),
        ),
        "/v2/Schemas" => StubResponse::scim(
            200,
            &list_of(
                User::schemas()
                    .iter()
                    .map(|s| serde_json::to_value(s).unwrap())
                    .collect(),
            ),
        ),
        _ => return None,
    })
}

fn error(status: u16, scim_type: Option<&str>, detail: &str) -> StubResponse {
    let mut body = json!({
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"],
        "status": status.to_string(), "detail": detail
    });
    if let Some(t) = scim_type {
        body["scimType"] = json!(t);
    }
    StubResponse::scim(status, &body)
}

/// A server that pages `/Users` only by cursor: `cursor` is required (empty for the first
/// page), `startIndex` is refused, cursors are its own opaque strings, and its pages carry
/// no `totalResults`, as RFC 9865 lets them.
fn cursor_only(log: Arc<Mutex<Vec<String>>>) -> Stub {
    let pagination = json!({"cursor": true, "index": false, "defaultPaginationMethod": "cursor",
                            "maxPageSize": 50, "cursorTimeout": 600});
    Stub::start(move |request: &StubRequest| {
        let path = request.target.split('?').next().unwrap_or_default();
        if let Some(response) = discovery(path, &pagination) {
            return response;
        }
        if path != "/v2/Users" {
            return error(404, None, "no such endpoint");
        }
        log.lock().unwrap().push(request.target.clone());
        if request.query("startIndex").is_some() {
            return error(
                400,
                Some("invalidValue"),
                "this server pages by cursor only",
            );
        }
        let Some(cursor) = request.query("cursor") else {
            return error(400, Some("invalidValue"), "cursor is required");
        };
        let start = match cursor {
            "" => 0,
            c => match c
                .strip_prefix("opaque-")
                .and_then(|n| n.parse::<usize>().ok())
            {
                Some(n) => n,
                None => return error(400, Some("invalidCursor"), "not a cursor of mine"),
            },
        };
        let count = request
            .query("count")
            .and_then(|c| c.parse::<usize>().ok())
            .unwrap_or(50)
            .min(50);
        let end = (start + count).min(USERS);
        let mut page = json!({
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
            "itemsPerPage": end - start,
            "Resources": (start..end).map(user_json).collect::<Vec<_>>(),
        });
        if end < USERS {
            page["nextCursor"] = json!(format!("opaque-{end}"));
        }
        if start > 0 {
            page["previousCursor"] = json!(format!("opaque-{}", start.saturating_sub(count)));
        }
        StubResponse::scim(200, &page)
    })
}

fn client_of(stub: &Stub) -> Client<ReqwestTransport> {
    Client::new(
        stub.base_url(),
        ReqwestTransport::with_timeout(Duration::from_secs(5)).unwrap(),
    )
    .unwrap()
}

fn ids_once(users: &[User]) -> Vec<String> {
    let ids: Vec<String> = users.iter().map(|u| u.id.clone().unwrap()).collect();
    let distinct: HashSet<&String> = ids.iter().collect();
    assert_eq!(distinct.len(), ids.len(), "a result came twice");
    ids
}

fn all_ids(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("u{i:03}")).collect()
}

#[tokio::test]
async fn cursor_paging_reads_250_users_in_pages_of_10_from_a_cursor_only_server() {
    let log = Arc::new(Mutex::new(Vec::new()));
    let stub = cursor_only(Arc::clone(&log));
    let mut client = client_of(&stub);
    client.discover().await.expect("discovery");
    let users: Vec<User> = client
        .list::<User>()
        .count(10)
        .stream()
        .try_collect()
        .await
        .expect("every page");
    assert_eq!(ids_once(&users), all_ids(USERS));
    let sent = log.lock().unwrap().clone();
    assert_eq!(sent.len(), 25, "{sent:#?}");
    assert_eq!(sent[0], "/v2/Users?count=10&cursor=");
    assert_eq!(sent[1], "/v2/Users?count=10&cursor=opaque-10");
    assert_eq!(sent[24], "/v2/Users?count=10&cursor=opaque-240");

    // The blocking client pages the same way.
    let blocking = {
        let base = stub.base_url().to_owned();
        tokio::task::spawn_blocking(move || {
            let mut client = scim_runtime::client::BlockingClient::new(
                &base,
                scim_runtime::client::BlockingReqwestTransport::new().unwrap(),
            )
            .unwrap();
            client.discover().expect("discovery");
            client
                .list::<User>()
                .count(10)
                .iter()
                .collect::<Result<Vec<User>, Error>>()
        })
        .await
        .unwrap()
        .expect("every page")
    };
    assert_eq!(ids_once(&blocking), all_ids(USERS));

    // Index paging asked for explicitly is refused by this server, with its SCIM error.
    let e = client
        .list::<User>()
        .count(10)
        .paging(Paging::Index)
        .stream()
        .try_collect::<Vec<User>>()
        .await
        .unwrap_err();
    assert_eq!(e.status().map(|s| s.as_u16()), Some(400), "{e}");

    // A cursor the server does not know: its 400 invalidCursor.
    let e = client
        .list::<User>()
        .cursor("forged")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        e.scim_error().and_then(|e| e.scim_type.clone()),
        Some(scim_runtime::ScimType::InvalidCursor)
    );
}

/// A server that advertises cursors but pages by index: it ignores `cursor`, answers with
/// `startIndex` pages and `totalResults`, and never sends `nextCursor`.
fn advertises_cursors_pages_by_index(total: usize, with_total: bool) -> Stub {
    let pagination = json!({"cursor": true, "index": true});
    Stub::start(move |request: &StubRequest| {
        let path = request.target.split('?').next().unwrap_or_default();
        if let Some(response) = discovery(path, &pagination) {
            return response;
        }
        let start = request
            .query("startIndex")
            .and_then(|s| s.parse::<usize>().ok())
            .unwrap_or(1);
        let count = request
            .query("count")
            .and_then(|c| c.parse::<usize>().ok())
            .unwrap_or(10);
        let end = (start - 1 + count).min(total);
        let mut page = json!({
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
            "startIndex": start,
            "itemsPerPage": end + 1 - start,
            "Resources": (start - 1..end).map(user_json).collect::<Vec<_>>(),
        });
        if with_total {
            page["totalResults"] = json!(total);
        }
        StubResponse::scim(200, &page)
    })
}

#[tokio::test]
async fn a_server_that_advertises_cursors_but_sends_none_is_read_without_loss_or_loop() {
    // With totalResults: read on by index after the first page.
    let stub = advertises_cursors_pages_by_index(45, true);
    let mut client = client_of(&stub);
    client.discover().await.expect("discovery");
    let users: Vec<User> = client
        .list::<User>()
        .count(10)
        .stream()
        .try_collect()
        .await
        .expect("every page");
    assert_eq!(ids_once(&users), all_ids(45));

    // Without totalResults (read with the response check off): the page without a cursor is
    // the last; the stream ends instead of asking again.
    let stub = advertises_cursors_pages_by_index(45, false);
    let mut client = client_of(&stub);
    client.discover().await.expect("discovery");
    let users: Vec<User> = client
        .list::<User>()
        .count(10)
        .checks(scim_runtime::client::Checks {
            response_payload: false,
            ..scim_runtime::client::Checks::ALL
        })
        .stream()
        .try_collect()
        .await
        .expect("one page");
    assert_eq!(ids_once(&users), all_ids(10));
}

#[tokio::test]
async fn me_on_a_server_without_it_is_me_not_supported() {
    let stub = Stub::start(|request: &StubRequest| {
        if request.target.starts_with("/v2/Me") {
            error(501, None, "/Me is not implemented")
        } else {
            error(404, None, "no such endpoint")
        }
    });
    let client = client_of(&stub);
    let user = User {
        id: Some("u1".into()),
        user_name: Some("bjensen".into()),
        ..User::default()
    };
    let patch = PatchOp::new(vec![]).with(
        PatchOperationKind::Replace,
        Some("nickName"),
        Some("Babs".into()),
    );
    let errors = [
        client.me::<User>().send().await.unwrap_err(),
        client.replace_me(&user).send().await.unwrap_err(),
        client.patch_me::<User>(&patch).send().await.unwrap_err(),
        client.delete_me().send().await.unwrap_err(),
    ];
    for (e, method) in errors.into_iter().zip(["GET", "PUT", "PATCH", "DELETE"]) {
        match e {
            Error::MeNotSupported { exchange, error } => {
                assert_eq!(exchange.method.as_str(), method);
                assert!(exchange.url.ends_with("/v2/Me"), "{}", exchange.url);
                assert_eq!(
                    error.unwrap().detail.as_deref(),
                    Some("/Me is not implemented")
                );
            }
            other => panic!("{method}: {other:?}"),
        }
    }
    // A 501 elsewhere stays a SCIM error.
    let stub = Stub::start(|_: &StubRequest| error(501, None, "not implemented"));
    let e = client_of(&stub).get::<User>("u1").send().await.unwrap_err();
    assert!(matches!(e, Error::Scim { .. }), "{e:?}");
}

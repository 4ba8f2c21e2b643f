//! Protocol behaviour over the router in process: bulk with bulkId references and limits,
//! ETags, projection, sorting and paging, the root search, and Group members.

use crate::common;

use std::sync::Arc;

use http::header::{CONTENT_TYPE, ETAG, IF_MATCH, IF_NONE_MATCH, LOCATION};
use http::{HeaderMap, HeaderValue, Method};
use scim_example_server::storage::MemoryStore;
use scim_example_server::{router, AppState, Limits};
use scim_runtime::client::{Client, TowerTransport};
use serde_json::{json, Value};

type App = Client<TowerTransport<axum::Router>>;

fn app(limits: Limits) -> App {
    let state = AppState::new(
        Box::new(MemoryStore::new()),
        common::IN_PROCESS,
        None,
        limits,
    );
    Client::new(
        common::IN_PROCESS,
        TowerTransport::new(router(Arc::new(state))),
    )
    .unwrap()
}

async fn call(
    app: &App,
    method: Method,
    path: &str,
    extra: &[(http::HeaderName, &str)],
    body: Option<Value>,
) -> (u16, HeaderMap, Value) {
    let mut headers = HeaderMap::new();
    if body.is_some() {
        headers.insert(
            CONTENT_TYPE,
            HeaderValue::from_static("application/scim+json"),
        );
    }
    for (name, value) in extra {
        headers.insert(name.clone(), HeaderValue::from_str(value).unwrap());
    }
    let body = body.map(|b| b.to_string().into_bytes()).unwrap_or_default();
    let response = app
        .raw(method, path, headers, body)
        .await
        .expect("a response");
    let value = serde_json::from_slice(response.body()).unwrap_or(Value::Null);
    (
        response.status().as_u16(),
        response.headers().clone(),
        value,
    )
}

async fn create_user(app: &App, name: &str, extra: Value) -> Value {
    let mut body = json!({"userName": name});
    body.as_object_mut()
        .unwrap()
        .extend(extra.as_object().cloned().unwrap_or_default());
    let (status, _, user) = call(app, Method::POST, "/Users", &[], Some(body)).await;
    assert_eq!(status, 201, "{user}");
    user
}

#[tokio::test]
async fn bulk_resolves_bulk_ids_and_reports_each_operation() {
    let app = app(Limits::default());
    // The group comes first but references users created later in the request.
    let request = json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"], "Operations": [
        {"method": "POST", "path": "/Groups", "bulkId": "g",
         "data": {"displayName": "Tour Guides", "members": [{"value": "bulkId:u1"}, {"value": "bulkId:u2"}]}},
        {"method": "POST", "path": "/Users", "bulkId": "u1", "data": {"userName": "alice"}},
        {"method": "POST", "path": "/Users", "bulkId": "u2", "data": {"userName": "bob"}},
        {"method": "PATCH", "path": "/Users/bulkId:u1", "data": {"Operations": [
            {"op": "replace", "path": "displayName", "value": "Alice"}]}},
        {"method": "POST", "path": "/Users", "bulkId": "dup", "data": {"userName": "ALICE"}},
        {"method": "POST", "path": "/Groups", "data": {"displayName": "Nobody", "members": [{"value": "bulkId:dup"}]}},
        {"method": "DELETE", "path": "/Users/no-such-id"},
        {"method": "POST", "path": "/Groups", "bulkId": "c1", "data": {"displayName": "C1", "members": [{"value": "bulkId:c2"}]}},
        {"method": "POST", "path": "/Groups", "bulkId": "c2", "data": {"displayName": "C2", "members": [{"value": "bulkId:c1"}]}}
    ]});
    let (status, _, response) = call(&app, Method::POST, "/Bulk", &[], Some(request)).await;
    assert_eq!(status, 200, "{response}");
    let ops = response["Operations"].as_array().unwrap();
    let statuses: Vec<&str> = ops.iter().map(|o| o["status"].as_str().unwrap()).collect();
    assert_eq!(
        statuses,
        ["201", "201", "201", "200", "409", "409", "404", "409", "409"],
        "{response}"
    );
    assert_eq!(ops[4]["response"]["scimType"], "uniqueness");
    let alice = ops[1]["location"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap();
    assert_eq!(ops[3]["version"], "W/\"2\"");
    let group_path = ops[0]["location"]
        .as_str()
        .unwrap()
        .replace(common::IN_PROCESS, "");
    let (_, _, group) = call(&app, Method::GET, &group_path, &[], None).await;
    let members: Vec<&str> = group["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["value"].as_str().unwrap())
        .collect();
    assert_eq!(members.len(), 2);
    assert_eq!(members[0], alice);
    let (_, _, user) = call(&app, Method::GET, &format!("/Users/{alice}"), &[], None).await;
    assert_eq!(user["displayName"], "Alice");
    assert_eq!(user["groups"][0]["display"], "Tour Guides");
    // Nothing of the failed operations was stored.
    let (_, _, groups) = call(&app, Method::GET, "/Groups", &[], None).await;
    assert_eq!(groups["totalResults"], 1);
}

#[tokio::test]
async fn bulk_limits_and_fail_on_errors() {
    let app = app(Limits {
        max_operations: 2,
        max_payload_size: 600,
        ..Limits::default()
    });
    let (status, _, config) = call(&app, Method::GET, "/ServiceProviderConfig", &[], None).await;
    assert_eq!(status, 200);
    assert_eq!(
        config["bulk"],
        json!({"supported": true, "maxOperations": 2, "maxPayloadSize": 600})
    );
    let op = json!({"method": "POST", "path": "/Users", "data": {"userName": "x"}});
    let (status, _, error) = call(
        &app,
        Method::POST,
        "/Bulk",
        &[],
        Some(json!({"Operations": [op, op, op]})),
    )
    .await;
    assert_eq!(status, 413, "{error}");
    let big = json!({"method": "POST", "path": "/Users", "data": {"userName": "y".repeat(700)}});
    let (status, _, _) = call(
        &app,
        Method::POST,
        "/Bulk",
        &[],
        Some(json!({"Operations": [big]})),
    )
    .await;
    assert_eq!(status, 413);
    // failOnErrors 1: the second operation does not run after the first fails.
    let bad = json!({"method": "DELETE", "path": "/Users/missing"});
    let (status, _, response) = call(
        &app,
        Method::POST,
        "/Bulk",
        &[],
        Some(json!({"failOnErrors": 1, "Operations": [bad, op]})),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        response["Operations"].as_array().unwrap().len(),
        1,
        "{response}"
    );
    let (_, _, users) = call(&app, Method::GET, "/Users", &[], None).await;
    assert_eq!(users["totalResults"], 0);
}

#[tokio::test]
async fn etags_on_read_and_write() {
    let app = app(Limits::default());
    let user = create_user(&app, "bjensen", json!({})).await;
    let path = format!("/Users/{}", user["id"].as_str().unwrap());
    let (status, headers, _) = call(&app, Method::GET, &path, &[], None).await;
    assert_eq!((status, headers[ETAG].to_str().unwrap()), (200, "W/\"1\""));
    assert_eq!(
        headers[LOCATION].to_str().unwrap(),
        format!("{}{path}", common::IN_PROCESS)
    );
    let (status, headers, _) = call(
        &app,
        Method::GET,
        &path,
        &[(IF_NONE_MATCH, "W/\"1\"")],
        None,
    )
    .await;
    assert_eq!(status, 304);
    assert_eq!(headers[CONTENT_TYPE], "application/scim+json");
    let (status, _, _) = call(
        &app,
        Method::GET,
        &path,
        &[(IF_NONE_MATCH, "W/\"0\"")],
        None,
    )
    .await;
    assert_eq!(status, 200);
    let patch = json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
        "Operations": [{"op": "add", "path": "nickName", "value": "Babs"}]});
    let (status, headers, body) = call(
        &app,
        Method::PATCH,
        &path,
        &[(IF_MATCH, "W/\"1\"")],
        Some(patch.clone()),
    )
    .await;
    assert_eq!(
        (status, headers[ETAG].to_str().unwrap()),
        (200, "W/\"2\""),
        "{body}"
    );
    assert_eq!(body["nickName"], "Babs");
    assert_ne!(body["meta"]["lastModified"], user["meta"]["lastModified"]);
    assert_eq!(body["meta"]["created"], user["meta"]["created"]);
    let (status, _, _) = call(
        &app,
        Method::PATCH,
        &path,
        &[(IF_MATCH, "W/\"1\"")],
        Some(patch),
    )
    .await;
    assert_eq!(status, 412);
    let (status, _, _) = call(&app, Method::DELETE, &path, &[(IF_MATCH, "W/\"2\"")], None).await;
    assert_eq!(status, 204);
}

#[tokio::test]
async fn lists_filter_sort_page_and_project() {
    let app = app(Limits {
        max_results: 3,
        ..Limits::default()
    });
    for (name, title) in [
        ("carol", "CTO"),
        ("alice", "Engineer"),
        ("dave", "Engineer"),
        ("bob", "Engineer"),
        ("erin", "CEO"),
    ] {
        create_user(
            &app,
            name,
            json!({"title": title, "emails": [{"value": format!("{name}@example.com")}]}),
        )
        .await;
    }
    let (status, _, page) = call(&app, Method::GET,
        "/Users?filter=title%20eq%20%22engineer%22&sortBy=userName&sortOrder=descending&startIndex=2&count=5&attributes=userName",
        &[], None).await;
    assert_eq!(status, 200);
    assert_eq!(
        (
            page["totalResults"].as_u64(),
            page["startIndex"].as_u64(),
            page["itemsPerPage"].as_u64()
        ),
        (Some(3), Some(2), Some(2))
    );
    let names: Vec<&str> = page["Resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["userName"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["bob", "alice"]);
    let first = &page["Resources"][0];
    assert!(
        first.get("title").is_none() && first.get("id").is_some(),
        "{first}"
    );
    // No count: the server's largest page.
    let (_, _, page) = call(
        &app,
        Method::GET,
        "/Users?excludedAttributes=emails",
        &[],
        None,
    )
    .await;
    assert_eq!(
        (
            page["totalResults"].as_u64(),
            page["Resources"].as_array().unwrap().len()
        ),
        (Some(5), 3)
    );
    assert!(page["Resources"][0].get("emails").is_none());
    // The root search finds Users and Groups together.
    let alice = call(
        &app,
        Method::GET,
        "/Users?filter=userName%20eq%20%22alice%22",
        &[],
        None,
    )
    .await
    .2;
    let alice_id = alice["Resources"][0]["id"].as_str().unwrap().to_owned();
    let (status, _, group) = call(
        &app,
        Method::POST,
        "/Groups",
        &[],
        Some(json!({"displayName": "Admins", "members": [{"value": alice_id}]})),
    )
    .await;
    assert_eq!(status, 201);
    assert_eq!(group["members"][0]["type"], "User");
    // `userName eq` goes through the store's unique index, case-insensitively.
    let (_, _, found) = call(
        &app,
        Method::GET,
        "/Users?filter=USERNAME%20eq%20%22ALICE%22",
        &[],
        None,
    )
    .await;
    assert_eq!(found["Resources"][0]["id"], alice_id.as_str(), "{found}");
    let (_, _, none) = call(
        &app,
        Method::GET,
        "/Users?filter=userName%20eq%20%22nobody%22",
        &[],
        None,
    )
    .await;
    assert_eq!(none["totalResults"], 0);
    // A filter on the computed `groups` sees the membership.
    let (_, _, admins) = call(
        &app,
        Method::GET,
        "/Users?filter=groups.display%20eq%20%22admins%22",
        &[],
        None,
    )
    .await;
    assert_eq!(admins["totalResults"], 1, "{admins}");
    assert_eq!(admins["Resources"][0]["groups"][0]["value"], group["id"]);
    // A list after a change shows the change: decoded resources are kept per version.
    let patch = json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
        "Operations": [{"op": "replace", "path": "title", "value": "Architect"}]});
    let (status, _, _) = call(
        &app,
        Method::PATCH,
        &format!("/Users/{alice_id}"),
        &[],
        Some(patch),
    )
    .await;
    assert_eq!(status, 200);
    let (_, _, architects) = call(
        &app,
        Method::GET,
        "/Users?filter=title%20eq%20%22Architect%22",
        &[],
        None,
    )
    .await;
    assert_eq!(architects["totalResults"], 1, "{architects}");
    let search = json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
        "filter": "userName sw \"a\" or displayName sw \"a\"", "sortBy": "meta.created"});
    let (status, _, found) = call(&app, Method::POST, "/.search", &[], Some(search)).await;
    assert_eq!(status, 200, "{found}");
    let types: Vec<&str> = found["Resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["meta"]["resourceType"].as_str().unwrap())
        .collect();
    assert_eq!(types, ["User", "Group"]);
    // Deleting the user empties the group.
    let (status, _, _) = call(
        &app,
        Method::DELETE,
        &format!("/Users/{alice_id}"),
        &[],
        None,
    )
    .await;
    assert_eq!(status, 204);
    let (_, _, group) = call(
        &app,
        Method::GET,
        &format!("/Groups/{}", group["id"].as_str().unwrap()),
        &[],
        None,
    )
    .await;
    assert!(group.get("members").is_none(), "{group}");
}

#[tokio::test]
async fn put_keeps_what_the_server_owns() {
    let app = app(Limits::default());
    let user = create_user(
        &app,
        "bjensen",
        json!({"password": "t1meMa$heen", "displayName": "Babs"}),
    )
    .await;
    let id = user["id"].as_str().unwrap();
    let (status, _, replaced) = call(
        &app,
        Method::PUT,
        &format!("/Users/{id}"),
        &[],
        Some(json!({"id": "ignored", "userName": "bjensen", "nickName": "B"})),
    )
    .await;
    assert_eq!(status, 200, "{replaced}");
    assert_eq!(replaced["id"], id);
    assert!(
        replaced.get("displayName").is_none(),
        "PUT replaces: omitted attributes go"
    );
    assert!(replaced.get("password").is_none(), "never returned");
    assert_eq!(replaced["meta"]["created"], user["meta"]["created"]);
    assert_eq!(replaced["meta"]["version"], "W/\"2\"");
}

//! The CRUD flow through the in-process tower transport, against a small axum SCIM app.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use futures_util::TryStreamExt as _;
use scim_runtime::client::{Client, TowerTransport};
use scim_runtime::message::{ListResponse, PatchOp, PatchOperationKind};
use scim_runtime::{Context, Resource, User};

#[derive(Default)]
struct Store {
    next: u64,
    users: BTreeMap<String, User>,
}

type Shared = Arc<Mutex<Store>>;

fn scim(status: StatusCode, body: String, version: Option<&str>) -> Response {
    let mut response = (
        status,
        [(header::CONTENT_TYPE, "application/scim+json")],
        body,
    )
        .into_response();
    if let Some(v) = version.and_then(|v| v.parse().ok()) {
        response.headers_mut().insert(header::ETAG, v);
    }
    response
}

fn error(status: StatusCode, detail: &str) -> Response {
    let body = scim_runtime::message::Error::new(status.as_u16(), None, detail);
    scim(status, serde_json::to_string(&body).unwrap(), None)
}

fn stamp(user: &mut User, id: &str, version: u64) {
    user.id = Some(id.to_owned());
    let meta = user.meta_mut().get_or_insert_with(Default::default);
    meta.resource_type = Some("User".into());
    meta.version = Some(format!("W/\"{version}\""));
}

async fn create(State(store): State<Shared>, body: String) -> Response {
    let Ok(mut user) = User::from_json_in(&body, Context::CreationRequest) else {
        return error(StatusCode::BAD_REQUEST, "invalid user");
    };
    let mut store = store.lock().unwrap();
    store.next += 1;
    let id = format!("u{}", store.next);
    stamp(&mut user, &id, store.next);
    store.users.insert(id, user.clone());
    let v = user.meta.as_ref().and_then(|m| m.version.clone());
    scim(
        StatusCode::CREATED,
        user.to_string_in(Context::CreationResponse, None),
        v.as_deref(),
    )
}

async fn list(State(store): State<Shared>) -> Response {
    let store = store.lock().unwrap();
    let users: Vec<User> = store.users.values().cloned().collect();
    let total = users.len() as u64;
    let page = ListResponse::new(users, total, 1);
    scim(
        StatusCode::OK,
        serde_json::to_string(&page.in_context(Context::QueryResponse, None)).unwrap(),
        None,
    )
}

async fn read(State(store): State<Shared>, Path(id): Path<String>) -> Response {
    match store.lock().unwrap().users.get(&id) {
        Some(user) => {
            let v = user.meta.as_ref().and_then(|m| m.version.clone());
            scim(
                StatusCode::OK,
                user.to_string_in(Context::QueryResponse, None),
                v.as_deref(),
            )
        }
        None => error(StatusCode::NOT_FOUND, "no such user"),
    }
}

async fn replace(State(store): State<Shared>, Path(id): Path<String>, body: String) -> Response {
    let Ok(mut user) = User::from_json_in(&body, Context::ReplacementRequest) else {
        return error(StatusCode::BAD_REQUEST, "invalid user");
    };
    let mut store = store.lock().unwrap();
    if !store.users.contains_key(&id) {
        return error(StatusCode::NOT_FOUND, "no such user");
    }
    store.next += 1;
    stamp(&mut user, &id, store.next);
    store.users.insert(id, user.clone());
    scim(
        StatusCode::OK,
        user.to_string_in(Context::ReplacementResponse, None),
        None,
    )
}

async fn patch(State(store): State<Shared>, Path(id): Path<String>, body: String) -> Response {
    let Ok(patch) = serde_json::from_str::<PatchOp<User>>(&body) else {
        return error(StatusCode::BAD_REQUEST, "invalid patch");
    };
    let mut store = store.lock().unwrap();
    let Some(user) = store.users.get_mut(&id) else {
        return error(StatusCode::NOT_FOUND, "no such user");
    };
    // Enough of PATCH for the test: replace displayName.
    for op in patch.operations {
        if op.path.as_deref() == Some("displayName") {
            user.display_name = op.value.and_then(|v| v.as_str().map(str::to_owned));
        }
    }
    (
        StatusCode::NO_CONTENT,
        [(header::CONTENT_TYPE, "application/scim+json")],
    )
        .into_response()
}

async fn delete(State(store): State<Shared>, Path(id): Path<String>) -> Response {
    match store.lock().unwrap().users.remove(&id) {
        Some(_) => StatusCode::NO_CONTENT.into_response(),
        None => error(StatusCode::NOT_FOUND, "no such user"),
    }
}

fn app() -> Router {
    Router::new()
        .route("/scim/v2/Users", get(list).post(create))
        .route(
            "/scim/v2/Users/{id}",
            get(read).put(replace).patch(patch).delete(delete),
        )
        .with_state(Shared::default())
}

#[tokio::test]
async fn crud_through_an_axum_router() {
    let client = Client::new("http://in-process/scim/v2", TowerTransport::new(app())).unwrap();
    let created = client
        .create(&User {
            user_name: Some("bjensen".into()),
            ..User::default()
        })
        .send()
        .await
        .expect("create");
    assert_eq!(created.id.as_deref(), Some("u1"));
    assert_eq!(
        created.meta.as_ref().unwrap().version.as_deref(),
        Some("W/\"1\"")
    );

    let fetched: User = client.get("u1").send().await.expect("get");
    assert_eq!(fetched.user_name.as_deref(), Some("bjensen"));

    let mut changed = fetched.clone();
    changed.nick_name = Some("Babs".into());
    let replaced = client.replace(&changed).send().await.expect("replace");
    assert_eq!(replaced.nick_name.as_deref(), Some("Babs"));

    let patch = PatchOp::new(vec![]).with(
        PatchOperationKind::Replace,
        Some("displayName"),
        Some("B. Jensen".into()),
    );
    assert_eq!(
        client.patch(&replaced, &patch).send().await.expect("patch"),
        None
    );
    assert_eq!(
        client
            .get::<User>("u1")
            .send()
            .await
            .unwrap()
            .display_name
            .as_deref(),
        Some("B. Jensen")
    );

    client
        .create(&User {
            user_name: Some("other".into()),
            ..User::default()
        })
        .send()
        .await
        .unwrap();
    let all: Vec<User> = client
        .list::<User>()
        .stream()
        .try_collect()
        .await
        .expect("list");
    assert_eq!(all.len(), 2);

    client.delete(&replaced).send().await.expect("delete");
    let error = client.get::<User>("u1").send().await.unwrap_err();
    assert_eq!(error.scim_error().map(|e| e.status), Some(404));
    // DELETE answered 204 without a content type, which is not checked.
    let error = client.delete_id::<User>("u1").send().await.unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(404));
}

#[tokio::test]
async fn axum_body_type_can_be_chosen() {
    let transport: TowerTransport<Router, axum::body::Body> = TowerTransport::with_body(app());
    let client = Client::new("http://in-process/scim/v2", transport).unwrap();
    let page = client.list::<User>().send().await.expect("list");
    assert_eq!(page.total_results, Some(0));
}

/// The SCIM routes at the router's root: `/Users`, `/Users/{id}`.
fn root_routes() -> Router {
    Router::new()
        .route("/Users", get(list).post(create))
        .route(
            "/Users/{id}",
            get(read).put(replace).patch(patch).delete(delete),
        )
        .with_state(Shared::default())
}

#[tokio::test]
async fn the_base_path_reaches_the_router_as_it_is() {
    // Routes at the root: a base URL without a path.
    let client = Client::new("http://localhost", TowerTransport::new(root_routes())).unwrap();
    client
        .list::<User>()
        .send()
        .await
        .expect("/Users at the root");
    // The same routes nested under the base path.
    let nested = Router::new().nest("/scim/v2", root_routes());
    let mut client = Client::new("http://localhost/scim/v2/", TowerTransport::new(nested)).unwrap();
    client.list::<User>().send().await.expect("/scim/v2/Users");
    // An advertised endpoint holding the base path is not doubled.
    let mut resource_type = User::resource_type();
    resource_type.endpoint = Some("/scim/v2/Users".into());
    client.core_mut().discovery_mut().resource_types = vec![resource_type];
    let created = client
        .create(&User {
            user_name: Some("bjensen".into()),
            ..User::default()
        })
        .send()
        .await
        .expect("POST /scim/v2/Users");
    let fetched: User = client
        .get("u1")
        .send()
        .await
        .expect("GET /scim/v2/Users/u1");
    assert_eq!(fetched.id, created.id);
    // Routes at the root with a base path: nothing matches, and the 404 says so.
    let client = Client::new(
        "http://localhost/scim/v2",
        TowerTransport::new(root_routes()),
    )
    .unwrap();
    let error = client.list::<User>().send().await.unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(404));
}

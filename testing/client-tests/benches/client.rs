//! Client-side overhead per operation, with no network: building the request and checking the
//! response (status, content type, payload parsed and validated in the response context),
//! against bare `serde_json` parsing of the same bytes into a `Value`, and against parsing into
//! the typed `User` without the client.
//!
//! `cargo bench -p scim-client-tests --bench client`

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use scim_runtime::client::Core;
use scim_runtime::message::{ListResponse, SearchRequest};
use scim_runtime::{client::QueryMethod, User};
use serde_json::Value;

fn full_user() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../scim-runtime/tests/fixtures/rfc7643/8.2-full-user.json"
    );
    let mut user: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    // A response never carries `password` (returned: never).
    user.as_object_mut().unwrap().remove("password");
    user
}

fn response(body: &[u8]) -> http::Response<Vec<u8>> {
    http::Response::builder()
        .status(200)
        .header("content-type", "application/scim+json")
        .header("etag", "W/\"3694e05e9dff590\"")
        .body(body.to_vec())
        .unwrap()
}

fn bench(c: &mut Criterion) {
    let core = Core::new("https://example.com/scim/v2").unwrap();
    let user = full_user();
    let get_body = serde_json::to_vec(&user).unwrap();
    let page: Vec<Value> = (0..100)
        .map(|i| {
            let mut u = user.clone();
            u["id"] = Value::String(format!("id-{i}"));
            u["userName"] = Value::String(format!("user-{i}"));
            u
        })
        .collect();
    let list_body = serde_json::to_vec(&serde_json::json!({
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
        "totalResults": 1000, "startIndex": 1, "itemsPerPage": 100, "Resources": page
    }))
    .unwrap();

    let mut group = c.benchmark_group("get");
    group.bench_function("client: build + check", |b| {
        b.iter(|| {
            let prepared = core.prepare(core.get::<User>("2819c205")).unwrap();
            black_box(&prepared.request);
            let user: User = prepared
                .reader
                .read(response(black_box(&get_body)))
                .unwrap();
            black_box(user)
        })
    });
    group.bench_function("typed parse only", |b| {
        b.iter(|| {
            black_box(scim_runtime::payload::from_slice::<User>(black_box(&get_body)).unwrap())
        })
    });
    group.bench_function("serde_json::Value", |b| {
        b.iter(|| black_box(serde_json::from_slice::<Value>(black_box(&get_body)).unwrap()))
    });
    group.finish();

    let query = SearchRequest {
        filter: Some("userName sw \"user-\"".into()),
        count: Some(100),
        start_index: Some(1),
        ..SearchRequest::default()
    };
    let mut group = c.benchmark_group("list page of 100");
    group.bench_function("client: build + check", |b| {
        b.iter(|| {
            let prepared = core
                .prepare(core.query::<User>(QueryMethod::Get, &query))
                .unwrap();
            black_box(&prepared.request);
            let list: ListResponse<User> = prepared
                .reader
                .read(response(black_box(&list_body)))
                .unwrap();
            black_box(list)
        })
    });
    group.bench_function("typed parse only", |b| {
        b.iter(|| {
            black_box(
                scim_runtime::payload::from_slice::<ListResponse<User>>(black_box(&list_body))
                    .unwrap(),
            )
        })
    });
    group.bench_function("serde_json::Value", |b| {
        b.iter(|| black_box(serde_json::from_slice::<Value>(black_box(&list_body)).unwrap()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Cursor and index pagination (RFC 9865, RFC 7644 §3.4.2.4) and `/Me` (RFC 7644 §3.11),
//! through the scim-runtime client in process.

use crate::common;

use std::collections::HashSet;
use std::future::Future;
use std::sync::{Arc, Mutex};

use futures_util::TryStreamExt as _;
use scim_example_server::storage::MemoryStore;
use scim_example_server::{router, AppState, Limits};
use scim_runtime::client::{
    Auth, Client, Error, Paging, TowerTransport, Transport, TransportError,
};
use scim_runtime::message::{PatchOp, PatchOperationKind};
use scim_runtime::{ScimType, User};

/// A transport that remembers the URI and body of every request it sends.
#[derive(Clone)]
struct Recording<T> {
    inner: T,
    sent: Arc<Mutex<Vec<(String, String)>>>,
}

impl<T: Transport + Sync> Transport for Recording<T> {
    fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> impl Future<Output = Result<http::Response<Vec<u8>>, TransportError>> + Send {
        self.sent.lock().unwrap().push((
            request.uri().to_string(),
            String::from_utf8_lossy(request.body()).into_owned(),
        ));
        self.inner.send(request)
    }
}

type App = Client<Recording<TowerTransport<axum::Router>>>;

fn client_of(state: AppState, token: Option<&str>) -> App {
    let transport = Recording {
        inner: TowerTransport::new(router(Arc::new(state))),
        sent: Arc::default(),
    };
    let mut builder = Client::builder(common::IN_PROCESS);
    if let Some(token) = token {
        builder = builder.auth(Auth::bearer(token));
    }
    builder.build(transport).unwrap()
}

fn state() -> AppState {
    AppState::new(
        Box::new(MemoryStore::new()),
        common::IN_PROCESS,
        None,
        Limits::default(),
    )
}

/// Creates `user0` .. `user{n-1}`; their ids, in creation order.
async fn create_users(client: &App, n: usize) -> Vec<String> {
    let mut ids = Vec::with_capacity(n);
    for i in 0..n {
        let user = User {
            user_name: Some(format!("user{i}")),
            ..User::default()
        };
        let created = client.create(&user).send().await.expect("create");
        ids.push(created.id.unwrap());
    }
    ids
}

/// The list requests sent since the last call: their URIs or bodies.
fn take_sent(client: &App) -> Vec<(String, String)> {
    std::mem::take(&mut *client.transport().sent.lock().unwrap())
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

/// Reads every result and checks none came twice; their ids, in the order read.
fn ids_once(users: Vec<User>) -> Vec<String> {
    let ids: Vec<String> = users.into_iter().map(|u| u.id.unwrap()).collect();
    let distinct: HashSet<&String> = ids.iter().collect();
    assert_eq!(distinct.len(), ids.len(), "a result came twice");
    ids
}

#[tokio::test]
async fn the_service_provider_config_advertises_both_ways_of_paging() {
    let mut client = client_of(state(), None);
    let discovered = client.discover().await.expect("discovery");
    let config = discovered.service_provider_config.as_ref().unwrap();
    let pagination = config.pagination.as_ref().expect("a pagination block");
    assert_eq!(pagination.cursor, Some(true));
    assert_eq!(pagination.index, Some(true));
    assert_eq!(
        pagination.default_pagination_method.as_deref(),
        Some("index")
    );
    assert_eq!(pagination.default_page_size, Some(1000));
    assert_eq!(pagination.max_page_size, Some(1000));
    assert_eq!(pagination.cursor_timeout, Some(3600));
    assert!(config.cursor_pagination_supported() && config.index_pagination_supported());
}

#[tokio::test]
async fn cursor_paging_reads_250_users_in_pages_of_10_and_index_paging_too() {
    let mut client = client_of(state(), None);
    let created = create_users(&client, 250).await;
    client.discover().await.expect("discovery");
    take_sent(&client);

    // The server advertises cursors: the stream pages by cursor.
    let users: Vec<User> = client
        .list::<User>()
        .count(10)
        .stream()
        .try_collect()
        .await
        .expect("every page");
    let read = ids_once(users);
    assert_eq!(read, created, "every user once, in the server's order");
    let sent = take_sent(&client);
    assert_eq!(sent.len(), 25, "25 pages of 10");
    assert!(
        sent[0].0.ends_with("/Users?count=10&cursor="),
        "{}",
        sent[0].0
    );
    let cursors: HashSet<&str> = sent
        .iter()
        .map(|(uri, _)| {
            assert!(!uri.contains("startIndex"), "{uri}");
            uri.split("cursor=").nth(1).unwrap()
        })
        .collect();
    assert_eq!(cursors.len(), 25, "each page asked for with its own cursor");

    // The same by index, chosen explicitly.
    let users: Vec<User> = client
        .list::<User>()
        .count(10)
        .paging(Paging::Index)
        .stream()
        .try_collect()
        .await
        .expect("every page");
    assert_eq!(ids_once(users), created);
    let sent = take_sent(&client);
    let starts: Vec<String> = sent
        .iter()
        .map(|(uri, _)| {
            assert!(!uri.contains("cursor"), "{uri}");
            uri.split("startIndex=")
                .nth(1)
                .unwrap()
                .split('&')
                .next()
                .unwrap()
                .to_owned()
        })
        .collect();
    let expected: Vec<String> = (0..25).map(|p| (p * 10 + 1).to_string()).collect();
    assert_eq!(starts, expected);

    // A filtered search by cursor: POST .search bodies carry the cursor.
    let found: Vec<User> = client
        .search::<User>()
        .filter(r#"userName sw "user1""#)
        .count(10)
        .stream()
        .try_collect()
        .await
        .expect("every page");
    let found = ids_once(found);
    let expected: Vec<String> = created
        .iter()
        .enumerate()
        .filter(|(i, _)| i.to_string().starts_with('1'))
        .map(|(_, id)| id.clone())
        .collect();
    assert_eq!(sorted(found), sorted(expected.clone()));
    assert_eq!(expected.len(), 111);
    let sent = take_sent(&client);
    assert_eq!(sent.len(), 12, "111 results in pages of 10");
    for (uri, body) in &sent {
        assert!(uri.ends_with("/Users/.search"), "{uri}");
        let body: serde_json::Value = serde_json::from_str(body).unwrap();
        assert!(
            body["cursor"].is_string() && body.get("startIndex").is_none(),
            "{body}"
        );
    }
}

#[tokio::test]
async fn a_tampered_or_foreign_cursor_is_a_400_invalid_cursor() {
    let client = client_of(state(), None);
    create_users(&client, 25).await;
    let first = client
        .list::<User>()
        .count(10)
        .cursor("")
        .send()
        .await
        .expect("the first page");
    assert_eq!(first.resources.len(), 10);
    assert_eq!(first.total_results, Some(25));
    let next = first.next_cursor.expect("a next cursor");
    let second = client
        .list::<User>()
        .count(10)
        .cursor(next.clone())
        .send()
        .await
        .expect("the second page");
    assert!(second.previous_cursor.is_some());

    let invalid_cursor = |e: Error| {
        let error = e.scim_error().unwrap_or_else(|| panic!("{e:?}"));
        assert_eq!(error.status, 400, "{error:?}");
        assert_eq!(error.scim_type, Some(ScimType::InvalidCursor), "{error:?}");
    };
    // One character changed.
    let mut tampered: Vec<char> = next.chars().collect();
    tampered[5] = if tampered[5] == 'A' { 'B' } else { 'A' };
    let tampered: String = tampered.into_iter().collect();
    let e = client
        .list::<User>()
        .count(10)
        .cursor(tampered)
        .send()
        .await
        .unwrap_err();
    invalid_cursor(e);
    // A cursor of another query (a filter added).
    let e = client
        .list::<User>()
        .filter(r#"userName sw "user""#)
        .count(10)
        .cursor(next.clone())
        .send()
        .await
        .unwrap_err();
    invalid_cursor(e);
    // A cursor of another server, whose key is another.
    let other = client_of(state(), None);
    create_users(&other, 25).await;
    let e = other
        .list::<User>()
        .count(10)
        .cursor(next)
        .send()
        .await
        .unwrap_err();
    invalid_cursor(e);
    // Not a cursor at all.
    let e = client
        .list::<User>()
        .cursor("not a cursor")
        .send()
        .await
        .unwrap_err();
    invalid_cursor(e);
}

#[tokio::test]
async fn me_round_trips_as_the_user_the_token_authenticates() {
    const TOKEN: &str = "bjensen-token";
    let state = AppState::new(
        Box::new(MemoryStore::new()),
        common::IN_PROCESS,
        Some(TOKEN.to_owned()),
        Limits::default(),
    )
    .with_me("BJensen");
    let client = client_of(state, Some(TOKEN));
    let other = client
        .create(&User {
            user_name: Some("jsmith".into()),
            ..User::default()
        })
        .send()
        .await
        .unwrap();
    let bjensen = client
        .create(&User {
            user_name: Some("bjensen".into()),
            display_name: Some("Barbara Jensen".into()),
            ..User::default()
        })
        .send()
        .await
        .unwrap();

    let me: User = client.me().send().await.expect("GET /Me");
    assert_eq!(me.id, bjensen.id);
    assert_eq!(me.display_name.as_deref(), Some("Barbara Jensen"));

    let mut changed = me.clone();
    changed.display_name = Some("Babs Jensen".into());
    let replaced = client.replace_me(&changed).send().await.expect("PUT /Me");
    assert_eq!(replaced.id, bjensen.id);
    assert_eq!(replaced.display_name.as_deref(), Some("Babs Jensen"));
    assert_eq!(
        replaced
            .meta
            .as_ref()
            .unwrap()
            .location
            .as_ref()
            .unwrap()
            .as_str(),
        format!(
            "{}/Users/{}",
            common::IN_PROCESS,
            bjensen.id.as_deref().unwrap()
        ),
        "the resource's own location, not /Me"
    );

    let patch = PatchOp::new(vec![]).with(
        PatchOperationKind::Replace,
        Some("nickName"),
        Some("Babs".into()),
    );
    client
        .patch_me::<User>(&patch)
        .send()
        .await
        .expect("PATCH /Me");
    let fetched: User = client
        .get(bjensen.id.as_deref().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(fetched.nick_name.as_deref(), Some("Babs"));
    assert_eq!(fetched.display_name.as_deref(), Some("Babs Jensen"));

    client.delete_me().send().await.expect("DELETE /Me");
    let e = client
        .get::<User>(bjensen.id.as_deref().unwrap())
        .send()
        .await
        .unwrap_err();
    assert_eq!(e.status().map(|s| s.as_u16()), Some(404));
    // The subject has no User now; the other user is untouched.
    let e = client.me::<User>().send().await.unwrap_err();
    assert_eq!(e.status().map(|s| s.as_u16()), Some(404), "{e}");
    assert!(client
        .get::<User>(other.id.as_deref().unwrap())
        .send()
        .await
        .is_ok());
}

#[tokio::test]
async fn me_without_a_subject_is_me_not_supported() {
    let client = client_of(state(), None);
    for e in [
        client.me::<User>().send().await.unwrap_err(),
        client.delete_me().send().await.unwrap_err(),
    ] {
        match e {
            Error::MeNotSupported { exchange, error } => {
                assert_eq!(exchange.status.map(|s| s.as_u16()), Some(501));
                assert!(error.unwrap().detail.unwrap().contains("/Me"));
            }
            other => panic!("{other:?}"),
        }
    }
}

//! The client against a real scim2-server (the Python reference peer), started by each test.

use std::sync::Mutex;

use futures_util::TryStreamExt as _;
use http::header::{CONTENT_TYPE, IF_MATCH, IF_NONE_MATCH};
use http::{HeaderMap, HeaderValue, Method, StatusCode};
use scim_client_tests::peer::Scim2Server;
use scim_runtime::client::{
    Auth, Checks, Client, Error, RequestError, ReqwestTransport, Transport, TransportError,
};
use scim_runtime::filter::Filter;
use scim_runtime::message::{
    BulkMethod, BulkOperation, BulkRequest, PatchOp, PatchOperationKind, SortOrder,
};
use scim_runtime::resources::{Email, Member};
use scim_runtime::{Context, EnterpriseUser, Group, Resource, ScimType, User};

/// Records what went over the wire, to see the headers the client sent.
#[derive(Debug, Default)]
struct Recording {
    inner: Option<ReqwestTransport>,
    log: Mutex<Vec<(Method, String, HeaderMap, u16)>>,
}

impl Recording {
    fn new() -> Self {
        Self {
            inner: Some(ReqwestTransport::new().expect("reqwest")),
            log: Mutex::new(Vec::new()),
        }
    }

    fn last(&self) -> (Method, String, HeaderMap, u16) {
        self.log.lock().unwrap().last().cloned().expect("a request")
    }

    fn count(&self) -> usize {
        self.log.lock().unwrap().len()
    }
}

impl Transport for Recording {
    async fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> Result<http::Response<Vec<u8>>, TransportError> {
        let (method, uri, headers) = (
            request.method().clone(),
            request.uri().to_string(),
            request.headers().clone(),
        );
        let response = self.inner.as_ref().unwrap().send(request).await?;
        self.log
            .lock()
            .unwrap()
            .push((method, uri, headers, response.status().as_u16()));
        Ok(response)
    }
}

async fn client(server: &Scim2Server) -> Client<Recording> {
    let mut client = Client::builder(server.base_url())
        .build(Recording::new())
        .expect("client");
    client.discover().await.expect("discovery");
    client
}

fn user(name: &str) -> User {
    User {
        user_name: Some(name.to_owned()),
        display_name: Some(format!("{name} display")),
        emails: vec![Email {
            value: Some(format!("{name}@example.com")),
            r#type: Some("work".parse().unwrap()),
            primary: Some(true),
            ..Email::default()
        }],
        ..User::default()
    }
}

#[tokio::test]
async fn discovery_is_kept_and_used() {
    let server = Scim2Server::start();
    let client = client(&server).await;
    let d = client.discovery();
    let spc = d.service_provider_config.as_ref().expect("spc");
    assert!(spc.etag_supported() && spc.patch_supported() && spc.bulk_supported());
    assert_eq!(spc.bulk.as_ref().unwrap().max_operations, Some(1000));
    let user_type = d.resource_type("user").expect("User resource type");
    assert_eq!(user_type.endpoint.as_deref(), Some("/Users"));
    assert_eq!(
        user_type.schema_extensions[0].schema.as_deref(),
        Some("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")
    );
    assert!(d
        .schema("urn:ietf:params:scim:schemas:core:2.0:User")
        .is_some());
    assert_eq!(client.core().endpoint::<Group>(), "/Groups");
}

#[tokio::test]
async fn user_crud_with_the_enterprise_extension() {
    let server = Scim2Server::start();
    let client = client(&server).await;

    let mut new = user("bjensen");
    new.password = Some("t1meMa$heen".into());
    new.enterprise_user = Some(EnterpriseUser {
        employee_number: Some("701984".into()),
        department: Some("Tour Operations".into()),
        ..EnterpriseUser::default()
    });
    let created = client.create(&new).send().await.expect("create");
    let id = created.id.clone().expect("an id");
    assert_eq!(created.password, None, "returned: never");
    let version = created
        .meta
        .as_ref()
        .unwrap()
        .version
        .clone()
        .expect("version");
    assert!(version.starts_with("W/"));
    let ext = created.enterprise_user.as_ref().expect("the extension");
    assert_eq!(ext.employee_number.as_deref(), Some("701984"));

    let fetched: User = client.get(&id).send().await.expect("get");
    assert_eq!(fetched.user_name.as_deref(), Some("bjensen"));
    assert_eq!(fetched.enterprise_user, created.enterprise_user);

    let partial: User = client
        .get(&id)
        .attributes(["userName"])
        .send()
        .await
        .expect("get with attributes");
    assert!(partial.emails.is_empty() && partial.enterprise_user.is_none());
    assert_eq!(partial.id.as_deref(), Some(id.as_str()), "returned: always");
    let (_, url, _, _) = client.transport().last();
    assert!(
        url.ends_with(&format!("/Users/{id}?attributes=userName")),
        "{url}"
    );

    let excluded: User = client
        .get(&id)
        .excluded_attributes(["emails", "name"])
        .send()
        .await
        .expect("get with excludedAttributes");
    assert!(excluded.emails.is_empty() && excluded.display_name.is_some());

    let mut changed = fetched.clone();
    changed.display_name = Some("Babs Jensen".into());
    changed.enterprise_user.as_mut().unwrap().department = Some("Sales".into());
    let replaced = client.replace(&changed).send().await.expect("replace");
    let (method, _, headers, _) = client.transport().last();
    assert_eq!(method, Method::PUT);
    assert_eq!(
        headers[IF_MATCH],
        version.as_str(),
        "If-Match from meta.version"
    );
    assert_eq!(replaced.display_name.as_deref(), Some("Babs Jensen"));
    assert_ne!(
        replaced.meta.as_ref().unwrap().version.as_deref(),
        Some(version.as_str())
    );
    assert_eq!(
        replaced.enterprise_user.unwrap().department.as_deref(),
        Some("Sales")
    );

    client.delete_id::<User>(&id).send().await.expect("delete");
    let gone = client.get::<User>(&id).send().await.unwrap_err();
    let scim = gone.scim_error().expect("a SCIM error");
    assert_eq!((scim.status, scim.scim_type.clone()), (404, None));
    assert_eq!(gone.status(), Some(StatusCode::NOT_FOUND));
}

#[tokio::test]
async fn group_crud() {
    let server = Scim2Server::start();
    let client = client(&server).await;
    let member = client.create(&user("member")).send().await.unwrap();
    let group = Group {
        display_name: Some("Tour Guides".into()),
        members: vec![Member {
            value: member.id.clone(),
            ..Member::default()
        }],
        ..Group::default()
    };
    let created = client.create(&group).send().await.expect("create group");
    assert_eq!(created.members.len(), 1);
    let id = created.id.clone().unwrap();
    let fetched: Group = client.get(&id).send().await.unwrap();
    assert_eq!(fetched.display_name.as_deref(), Some("Tour Guides"));

    let mut renamed = fetched.clone();
    renamed.display_name = Some("Guides".into());
    let replaced = client
        .replace(&renamed)
        .send()
        .await
        .expect("replace group");
    assert_eq!(replaced.display_name.as_deref(), Some("Guides"));

    let found = client
        .list::<Group>()
        .filter(Filter::attr("displayName").unwrap().eq("Guides"))
        .send()
        .await
        .unwrap();
    assert_eq!(found.total_results, Some(1));
    client.delete(&replaced).send().await.expect("delete group");
    assert_eq!(
        client.get::<Group>(&id).send().await.unwrap_err().status(),
        Some(StatusCode::NOT_FOUND)
    );
}

#[tokio::test]
async fn list_filters_sorts_and_pages_through_250_users() {
    let server = Scim2Server::start();
    let client = client(&server).await;
    let operations = (0..250)
        .map(|i| BulkOperation {
            method: BulkMethod::Post,
            bulk_id: Some(format!("u{i}")),
            version: None,
            path: "/Users".into(),
            data: Some(user(&format!("pager-{i:03}")).to_json_in(Context::CreationRequest, None)),
        })
        .collect();
    let bulk = client
        .bulk(&BulkRequest {
            operations,
            ..BulkRequest::default()
        })
        .send()
        .await
        .expect("bulk create");
    assert!(bulk.operations.iter().all(|o| o.status == 201));
    client.create(&user("someone-else")).send().await.unwrap();

    let filter = Filter::attr("userName").unwrap().sw("pager-");
    let before = client.transport().count();
    let users: Vec<User> = client
        .list::<User>()
        .filter(&filter)
        .sort_by("userName")
        .count(40)
        .stream()
        .try_collect()
        .await
        .expect("every page");
    assert_eq!(users.len(), 250);
    let names: Vec<_> = users.iter().map(|u| u.user_name.clone().unwrap()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(names, sorted, "sorted and without duplicates");
    assert_eq!(
        client.transport().count() - before,
        7,
        "ceil(250 / 40) pages, lazily"
    );

    let page = client
        .list::<User>()
        .filter(&filter)
        .sort_by("userName")
        .sort_order(SortOrder::Descending)
        .start_index(11)
        .count(5)
        .send()
        .await
        .unwrap();
    assert_eq!(page.total_results, Some(250));
    assert_eq!(page.start_index, Some(11));
    assert_eq!(page.resources[0].user_name.as_deref(), Some("pager-239"));

    // Without `count`, the server's own page size decides and the stream still reads it all.
    let all: Vec<User> = client.list::<User>().stream().try_collect().await.unwrap();
    assert_eq!(all.len(), 251);
}

#[tokio::test]
async fn search_by_resource_type_and_at_the_root() {
    let server = Scim2Server::start();
    let client = client(&server).await;
    client.create(&user("alice")).send().await.unwrap();
    client.create(&user("bob")).send().await.unwrap();
    client
        .create(&Group {
            display_name: Some("alpha".into()),
            ..Group::default()
        })
        .send()
        .await
        .unwrap();

    let found = client
        .search::<User>()
        .filter(Filter::attr("userName").unwrap().eq("ALICE"))
        .attributes(["userName"])
        .send()
        .await
        .expect("search");
    let (method, url, _, _) = client.transport().last();
    assert_eq!(
        (method, url.ends_with("/Users/.search")),
        (Method::POST, true)
    );
    assert_eq!(found.total_results, Some(1));
    assert!(found.resources[0].emails.is_empty());

    let everything: Vec<serde_json::Value> = client
        .search_all::<serde_json::Value>()
        .count(1)
        .stream()
        .try_collect()
        .await
        .expect("root search");
    assert_eq!(everything.len(), 3);
    let (_, url, _, _) = client.transport().last();
    assert!(url.ends_with("/v2/.search"), "{url}");
}

#[tokio::test]
async fn patch_answers_204_or_the_resource() {
    let server = Scim2Server::start();
    let client = client(&server).await;
    let created = client.create(&user("patched")).send().await.unwrap();
    let patch = PatchOp::new(Vec::new()).with(
        PatchOperationKind::Replace,
        Some("displayName"),
        Some("Patched".into()),
    );
    let none = client.patch(&created, &patch).send().await.expect("patch");
    assert_eq!(none, None, "204 No Content");
    let (_, _, headers, status) = client.transport().last();
    assert_eq!(status, 204);
    assert!(headers.contains_key(IF_MATCH));

    let patch = PatchOp::new(Vec::new()).with(
        PatchOperationKind::Add,
        Some("nickName"),
        Some("Babs".into()),
    );
    let returned = client
        .patch_id::<User>(created.id.as_deref().unwrap(), &patch)
        .attributes(["displayName", "nickName"])
        .send()
        .await
        .expect("patch with attributes")
        .expect("200 with the resource");
    assert_eq!(returned.display_name.as_deref(), Some("Patched"));
    assert_eq!(returned.nick_name.as_deref(), Some("Babs"));
    assert!(returned.meta.unwrap().version.is_some());

    let bad = PatchOp::<User>::new(Vec::new()).with(
        PatchOperationKind::Replace,
        Some("doesNotExist"),
        Some("x".into()),
    );
    let error = client
        .patch_id(created.id.as_deref().unwrap(), &bad)
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        error.scim_error().unwrap().scim_type,
        Some(ScimType::InvalidPath)
    );
}

#[tokio::test]
async fn bulk_respects_the_server_limits() {
    let server = Scim2Server::start();
    let mut client = client(&server).await;
    let request = BulkRequest {
        operations: vec![
            BulkOperation {
                method: BulkMethod::Post,
                bulk_id: Some("q1".into()),
                version: None,
                path: "/Users".into(),
                data: Some(user("bulk").to_json_in(Context::CreationRequest, None)),
            },
            BulkOperation {
                method: BulkMethod::Post,
                bulk_id: Some("q2".into()),
                version: None,
                path: "/Groups".into(),
                data: Some(serde_json::json!({
                    "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
                    "displayName": "Bulk group"
                })),
            },
        ],
        ..BulkRequest::default()
    };
    let response = client.bulk(&request).send().await.expect("bulk");
    assert_eq!(response.operations.len(), 2);
    assert!(response
        .operations
        .iter()
        .all(|o| o.status == 201 && o.location.is_some()));

    let bulk = client
        .core_mut()
        .discovery_mut()
        .service_provider_config
        .as_mut()
        .unwrap()
        .bulk
        .as_mut()
        .unwrap();
    bulk.max_operations = Some(1);
    let sent = client.transport().count();
    let error = client.bulk(&request).send().await.unwrap_err();
    assert!(matches!(
        error,
        Error::InvalidRequest {
            source: RequestError::TooManyBulkOperations {
                operations: 2,
                max: 1
            },
            ..
        }
    ));
    assert_eq!(client.transport().count(), sent, "nothing sent");

    let spc = client
        .core_mut()
        .discovery_mut()
        .service_provider_config
        .as_mut()
        .unwrap();
    let bulk = spc.bulk.as_mut().unwrap();
    bulk.max_operations = Some(10);
    bulk.max_payload_size = Some(100);
    let error = client.bulk(&request).send().await.unwrap_err();
    assert!(
        matches!(
            error,
            Error::InvalidRequest {
                source: RequestError::BulkPayloadTooLarge { max: 100, .. },
                ..
            }
        ),
        "{error}"
    );
    // Switched off for a call, the request goes out.
    client
        .bulk(&request)
        .checks(Checks {
            request_payload: false,
            ..Checks::ALL
        })
        .send()
        .await
        .unwrap();
}

#[tokio::test]
async fn etags_give_304_and_412() {
    let server = Scim2Server::start();
    let client = client(&server).await;
    let created = client.create(&user("etag")).send().await.unwrap();

    let same = client.refresh(&created).send().await.expect("refresh");
    let (_, _, headers, status) = client.transport().last();
    assert_eq!(status, 304);
    assert_eq!(
        headers[IF_NONE_MATCH],
        created.meta.as_ref().unwrap().version.as_deref().unwrap()
    );
    assert_eq!(same, created, "304 answers with the cached resource");

    let patch = PatchOp::new(Vec::new()).with(
        PatchOperationKind::Replace,
        Some("nickName"),
        Some("n".into()),
    );
    client.patch(&created, &patch).send().await.unwrap();
    let fresh = client
        .refresh(&created)
        .send()
        .await
        .expect("refresh after a change");
    assert_eq!(client.transport().last().3, 200);
    assert_eq!(fresh.nick_name.as_deref(), Some("n"));

    // `created` is stale now: its If-Match fails.
    let error = client.replace(&created).send().await.unwrap_err();
    assert_eq!(
        error.status(),
        Some(StatusCode::PRECONDITION_FAILED),
        "{error}"
    );
    let error = client.delete(&created).send().await.unwrap_err();
    assert_eq!(error.status(), Some(StatusCode::PRECONDITION_FAILED));
    client
        .delete(&fresh)
        .send()
        .await
        .expect("delete with the current version");
}

#[tokio::test]
async fn server_errors_become_typed_errors() {
    let server = Scim2Server::start();
    let client = client(&server).await;
    client.create(&user("taken")).send().await.unwrap();

    let error = client.create(&user("TAKEN")).send().await.unwrap_err();
    let scim = error.scim_error().expect("409 with a SCIM error");
    assert_eq!(
        (scim.status, scim.scim_type.clone()),
        (409, Some(ScimType::Uniqueness))
    );
    assert!(
        error.to_string().contains("POST http://127.0.0.1:"),
        "{error}"
    );
    assert!(error.exchange().body.contains("uniqueness"));

    let error = client
        .list::<User>()
        .filter("userName eq")
        .send()
        .await
        .unwrap_err();
    let scim = error.scim_error().expect("400 with a SCIM error");
    assert_eq!(
        (scim.status, scim.scim_type.clone()),
        (400, Some(ScimType::InvalidFilter))
    );

    let error = client
        .get::<User>("does-not-exist")
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.scim_error().map(|e| e.status), Some(404));

    // A wrong request content type, through a call and through the raw escape hatch.
    let error = client
        .create(&user("plain"))
        .header(CONTENT_TYPE, HeaderValue::from_static("text/plain"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        error.status(),
        Some(StatusCode::UNSUPPORTED_MEDIA_TYPE),
        "{error}"
    );
    let mut headers = HeaderMap::new();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
    let raw = client
        .raw(Method::POST, "/Users", headers, b"{}".to_vec())
        .await
        .expect("raw request");
    assert_eq!(raw.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);

    // An invalid creation request is refused before it is sent, unless checks are off.
    let sent = client.transport().count();
    let error = client.create(&User::default()).send().await.unwrap_err();
    assert!(matches!(
        error,
        Error::InvalidRequest {
            source: RequestError::InvalidPayload(_),
            ..
        }
    ));
    assert_eq!(client.transport().count(), sent);
    let error = client
        .create(&User::default())
        .checks(Checks {
            request_payload: false,
            ..Checks::ALL
        })
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(StatusCode::BAD_REQUEST));
}

#[tokio::test]
async fn bearer_auth_and_401_on_a_wrong_token() {
    let server = Scim2Server::start_with_token("s3cret-token");
    let mut good = Client::builder(server.base_url())
        .auth(Auth::bearer("s3cret-token"))
        .build(ReqwestTransport::new().unwrap())
        .unwrap();
    good.discover().await.expect("authorized");
    good.create(&user("authed"))
        .send()
        .await
        .expect("create with the token");

    let mut bad = Client::builder(server.base_url())
        .auth(Auth::bearer("wrong-token-value"))
        .build(ReqwestTransport::new().unwrap())
        .unwrap();
    let error = bad.discover().await.unwrap_err();
    assert_eq!(error.status(), Some(StatusCode::UNAUTHORIZED), "{error}");
    let shown = format!("{error} {error:?} {bad:?} {good:?}");
    assert!(
        !shown.contains("wrong-token-value") && !shown.contains("s3cret-token"),
        "{shown}"
    );

    let anonymous = Client::new(server.base_url(), ReqwestTransport::new().unwrap()).unwrap();
    let error = anonymous.get::<User>("x").send().await.unwrap_err();
    assert_eq!(error.status(), Some(StatusCode::UNAUTHORIZED));
}

#[test]
fn the_blocking_client_does_the_same() {
    use scim_runtime::client::{BlockingClient, BlockingReqwestTransport};
    let server = Scim2Server::start();
    let mut client = BlockingClient::builder(server.base_url())
        .auth(Auth::basic("ignored", "pa55word"))
        .build_blocking(BlockingReqwestTransport::new().unwrap())
        .unwrap();
    client.discover().expect("discovery");
    let mut ids = Vec::new();
    for i in 0..30 {
        ids.push(client.create(&user(&format!("b{i:02}"))).send().unwrap());
    }
    let all: Vec<User> = client
        .list::<User>()
        .sort_by("userName")
        .count(7)
        .iter()
        .collect::<Result<_, _>>()
        .expect("pages");
    assert_eq!(all.len(), 30);
    assert_eq!(all[29].user_name.as_deref(), Some("b29"));
    let first = client.refresh(&ids[0]).send().unwrap();
    assert_eq!(first, ids[0]);
    for u in &ids {
        client.delete(u).send().unwrap();
    }
    assert_eq!(client.list::<User>().send().unwrap().total_results, Some(0));
    assert!(!format!("{client:?}").contains("pa55word"));
}

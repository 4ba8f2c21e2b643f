//! The sans-IO core and the builder, tested without a transport.

use http::{HeaderName, HeaderValue, Method};

use super::*;
use scim_runtime_model::media_type::SCIM_JSON;
use scim_runtime_model::message::{BulkRequest, ListResponse, PatchOp, SearchRequest, SortOrder};
use scim_runtime_model::{Resource, User};

fn core() -> Core {
    Core::new("https://example.com/scim/v2/").unwrap()
}

#[test]
fn ids_are_one_encoded_path_segment() {
    let core = core();
    let p = core.prepare(core.get::<User>("a/b c?d#é")).unwrap();
    assert_eq!(
        p.request.uri(),
        "https://example.com/scim/v2/Users/a%2Fb%20c%3Fd%23%C3%A9"
    );
    for id in [".", ".."] {
        let e = core.prepare(core.get::<User>(id)).unwrap_err();
        assert!(matches!(
            e,
            Error::InvalidRequest {
                source: RequestError::InvalidId(_),
                ..
            }
        ));
    }
    let e = core.prepare(core.replace(&User::default())).unwrap_err();
    assert!(matches!(
        e,
        Error::InvalidRequest {
            source: RequestError::MissingId,
            ..
        }
    ));
}

#[test]
fn query_parameters_are_encoded() {
    let core = core();
    let query = SearchRequest {
        filter: Some(r#"userName eq "a&b""#.into()),
        attributes: vec!["userName".into(), "emails".into()],
        sort_by: Some("userName".into()),
        sort_order: Some(SortOrder::Descending),
        start_index: Some(3),
        count: Some(10),
        ..SearchRequest::default()
    };
    let p = core
        .prepare(core.query::<User>(QueryMethod::Get, &query))
        .unwrap();
    assert_eq!(
        p.request.uri(),
        "https://example.com/scim/v2/Users?attributes=userName%2Cemails&filter=userName%20eq%20%22a%26b%22&sortBy=userName&sortOrder=descending&startIndex=3&count=10"
    );
    let p = core
        .prepare(core.query_at::<serde_json::Value>("", QueryMethod::Search, &query))
        .unwrap();
    assert_eq!(p.request.uri(), "https://example.com/scim/v2/.search");
    assert_eq!(p.request.method(), Method::POST);
    assert_eq!(p.request.headers()["content-type"], SCIM_JSON);
}

#[test]
fn get_json_keeps_the_body_and_checks_the_exchange() {
    let core = core();
    let served = br#"{"Resources": [{"id": "urn:x", "multiValued": "false"}]}"#;
    let p = core.prepare(core.get_json("/Schemas")).unwrap();
    assert_eq!(p.request.uri(), "https://example.com/scim/v2/Schemas");
    assert_eq!(p.request.method(), Method::GET);
    let response = http::Response::builder()
        .status(200)
        .header("content-type", SCIM_JSON)
        .body(served.to_vec())
        .unwrap();
    // Kept as served, quirks included: no typed Schema would take `"multiValued": "false"`.
    let value = p.reader.read(response).unwrap();
    assert_eq!(value["Resources"][0]["multiValued"], "false");

    let p = core.prepare(core.get_json("/Schemas")).unwrap();
    let refused = http::Response::builder()
        .status(401)
        .header("content-type", SCIM_JSON)
        .body(br#"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "401", "detail": "no"}"#.to_vec())
        .unwrap();
    let error = p.reader.read(refused).unwrap_err();
    assert_eq!(error.exchange().status.map(|s| s.as_u16()), Some(401));
}

#[test]
fn bad_base_urls_are_refused() {
    for base in [
        "",
        "example.com/v2",
        "ftp://example.com",
        "http:///v2",
        "http://h/v2?x=1",
    ] {
        assert!(Core::new(base).is_err(), "{base}");
    }
}

#[test]
fn credentials_stay_hidden() {
    let mut core = core();
    core.set_auth(&Auth::basic("alice", "pa55word")).unwrap();
    let p = core.prepare(core.get::<User>("1")).unwrap();
    assert_eq!(
        p.request.headers()["authorization"],
        "Basic YWxpY2U6cGE1NXdvcmQ="
    );
    let shown = format!("{core:?} {:?} {:?}", p.request, Auth::bearer("t0ken"));
    assert!(!shown.contains("pa55word") && !shown.contains("YWxpY2U6") && !shown.contains("t0ken"));
    assert!(Core::new("http://h")
        .unwrap()
        .set_auth(&Auth::bearer("new\nline"))
        .is_err());
}

#[test]
fn base_url_credentials_yield_to_explicit_auth() {
    let base = "https://alice:pa55word@example.com/scim/v2";
    let from_url = Client::builder(base).core().unwrap();
    let p = from_url.prepare(from_url.get::<User>("1")).unwrap();
    assert_eq!(
        p.request.headers()["authorization"],
        "Basic YWxpY2U6cGE1NXdvcmQ="
    );
    assert_eq!(p.request.uri(), "https://example.com/scim/v2/Users/1");
    let explicit = Client::builder(base)
        .auth(Auth::bearer("t0ken"))
        .core()
        .unwrap();
    let p = explicit.prepare(explicit.get::<User>("1")).unwrap();
    assert_eq!(p.request.headers()["authorization"], "Bearer t0ken");
    assert_eq!(explicit.base_url(), "https://example.com/scim/v2");
    // A header given to the call wins over both, and is hidden as well.
    let p = explicit
        .prepare(explicit.get::<User>("1").header(
            AUTHORIZATION_HEADER,
            HeaderValue::from_static("Bearer c4ll"),
        ))
        .unwrap();
    assert_eq!(p.request.headers()["authorization"], "Bearer c4ll");
    assert!(!format!("{p:?}").contains("c4ll"));
}

const AUTHORIZATION_HEADER: HeaderName = http::header::AUTHORIZATION;

#[test]
fn expected_statuses_follow_scim2_client() {
    assert!(OperationKind::Create.expected_statuses().contains(&201));
    assert!(!OperationKind::Create.expected_statuses().contains(&200));
    assert!(OperationKind::Patch.expected_statuses().contains(&204));
    assert!(!OperationKind::Delete.expected_statuses().contains(&200));
    assert!(!OperationKind::Bulk.expected_statuses().contains(&412));
}

fn discovered() -> Core {
    let mut core = core();
    let d = core.discovery_mut();
    d.schemas = User::schemas();
    d.resource_types = vec![scim_runtime_model::User::resource_type()];
    core
}

fn scim_response(status: u16, etag: Option<&str>, body: &str) -> http::Response<Vec<u8>> {
    let mut r = http::Response::builder()
        .status(status)
        .header("content-type", SCIM_JSON);
    if let Some(etag) = etag {
        r = r.header("etag", etag);
    }
    r.body(body.as_bytes().to_vec()).unwrap()
}

#[test]
fn dynamic_types_come_from_discovery() {
    assert_eq!(
        core().discovery().dynamic_type("User").unwrap_err(),
        DiscoveryError::NotDiscovered("resource types")
    );
    assert_eq!(
        core().discovery().drift::<User>().unwrap_err(),
        DiscoveryError::NotDiscovered("schemas")
    );
    let core = discovered();
    let err = core.discovery().dynamic_type("Group").unwrap_err();
    assert_eq!(
        err.to_string(),
        "the service provider has no resource type `Group` (it has: User)"
    );
    let mut missing = core.clone();
    missing.discovery_mut().schemas.truncate(1);
    assert!(matches!(
        missing.discovery().dynamic_type("user").unwrap_err(),
        DiscoveryError::InvalidSchema(_)
    ));
    assert!(core.discovery().drift::<User>().unwrap().is_empty());

    // A ResourceType that now requires the enterprise extension breaks code that leaves it out.
    let mut required = core.clone();
    required.discovery_mut().resource_types[0].schema_extensions[0].required = Some(true);
    let report = required.discovery().drift::<User>().unwrap();
    assert!(report.is_breaking(), "{report}");
    assert_eq!(
        report.changes[0].to_string(),
        "breaking: urn:ietf:params:scim:schemas:core:2.0:User: extension \
         urn:ietf:params:scim:schemas:extension:enterprise:2.0:User required false -> true"
    );
}

#[test]
fn dynamic_resources_are_read_checked_and_versioned_as_typed_ones() {
    let core = discovered();
    let ty = core.discovery().dynamic_type("User").unwrap();
    let p = core.prepare(core.get_dynamic(&ty, "a/b")).unwrap();
    assert_eq!(p.request.uri(), "https://example.com/scim/v2/Users/a%2Fb");
    let user = p
        .reader
        .read(scim_response(
            200,
            Some("W/\"7\""),
            r#"{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "id": "a/b", "userName": "b"}"#,
        ))
        .unwrap();
    assert_eq!(user.meta_version(), Some("W/\"7\""), "from the ETag header");

    // With ETags supported, a replace sends If-Match from meta.version.
    let mut etags = core.clone();
    etags.discovery_mut().service_provider_config =
        Some(scim_runtime_model::schema::ServiceProviderConfig {
            etag: Some(scim_runtime_model::schema::Supported {
                supported: Some(true),
                ..Default::default()
            }),
            ..Default::default()
        });
    let p = etags.prepare(etags.replace(&user)).unwrap();
    assert_eq!(p.request.method(), Method::PUT);
    assert_eq!(p.request.headers()["if-match"], "W/\"7\"");
    let body: serde_json::Value = serde_json::from_slice(p.request.body()).unwrap();
    assert_eq!(body["userName"], "b");
    assert!(
        body.get("id").is_none(),
        "readOnly, left out of a replacement request"
    );
    // 304 gives back the cached resource.
    let p = etags.prepare(etags.refresh(&user)).unwrap();
    assert_eq!(p.request.headers()["if-none-match"], "W/\"7\"");
    let same = p.reader.read(scim_response(304, None, "")).unwrap();
    assert_eq!(same, user);

    // PATCH: 204 is None.
    let patch = PatchOp::new(Vec::new());
    let p = core.prepare(core.patch_resource(&user, &patch)).unwrap();
    assert_eq!(p.reader.read(scim_response(204, None, "")).unwrap(), None);

    // A list whose second result breaks the response context: the path names it.
    let p = core
        .prepare(core.query_dynamic(&ty, QueryMethod::Get, &SearchRequest::default()))
        .unwrap();
    let err = p
        .reader
        .read(scim_response(
            200,
            None,
            r#"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "totalResults": 2,
                "Resources": [{"id": "1", "userName": "a"}, {"id": "2", "userName": "b", "password": "x"}]}"#,
        ))
        .unwrap_err();
    match err {
        Error::InvalidResponse {
            source: scim_runtime_model::payload::PayloadError::Violations(v),
            ..
        } => assert_eq!(v.0[0].path, "Resources[1].password"),
        other => panic!("{other:?}"),
    }
    // A value of the wrong JSON type: the path names the result too.
    let p = core
        .prepare(core.query_dynamic(&ty, QueryMethod::Search, &SearchRequest::default()))
        .unwrap();
    assert_eq!(p.request.uri(), "https://example.com/scim/v2/Users/.search");
    let err = p
        .reader
        .read(scim_response(
            200,
            None,
            r#"{"totalResults": 1, "Resources": [{"id": "1", "emails": "a@example.com"}]}"#,
        ))
        .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidResponse { source: scim_runtime_model::payload::PayloadError::Invalid { path, .. }, .. } if path == "Resources[0].emails"),
        "{err:?}"
    );
}

#[test]
fn a_repeated_key_from_the_server_is_refused_for_typed_and_dynamic_alike() {
    let core = discovered();
    let ty = core.discovery().dynamic_type("User").unwrap();
    let body = r#"{"id": "1", "userName": "a", "userName": "b"}"#;
    let duplicate = |e: Error| {
        matches!(&e, Error::InvalidResponse { source: scim_runtime_model::payload::PayloadError::Invalid { message, .. }, .. }
            if message.contains("duplicate attribute"))
    };
    let typed = core
        .prepare(core.get::<User>("1"))
        .unwrap()
        .reader
        .read(scim_response(200, None, body));
    assert!(duplicate(typed.unwrap_err()));
    let dynamic = core
        .prepare(core.get_dynamic(&ty, "1"))
        .unwrap()
        .reader
        .read(scim_response(200, None, body));
    assert!(duplicate(dynamic.unwrap_err()));
}

#[test]
fn lists_without_total_results_are_reported_unless_unchecked() {
    let core = discovered();
    let ty = core.discovery().dynamic_type("User").unwrap();
    let body = r#"{"Resources": [{"id": "1", "userName": "a"}]}"#;
    let relaxed = Checks {
        response_payload: false,
        ..Checks::ALL
    };
    let reported = |e: Error| {
        matches!(&e, Error::InvalidResponse { source: scim_runtime_model::payload::PayloadError::Violations(v), .. }
            if v.0.len() == 1 && v.0[0].path == "totalResults")
    };
    // Typed, dynamic, JSON and discovery lists alike.
    let typed = |checks| {
        core.prepare(
            core.query::<User>(QueryMethod::Get, &SearchRequest::default())
                .checks(checks),
        )
        .unwrap()
        .reader
        .read(scim_response(200, None, body))
    };
    assert!(reported(typed(Checks::ALL).unwrap_err()));
    assert_eq!(typed(relaxed).unwrap().total_results, None);
    let dynamic = |checks| {
        core.prepare(
            core.query_dynamic(&ty, QueryMethod::Get, &SearchRequest::default())
                .checks(checks),
        )
        .unwrap()
        .reader
        .read(scim_response(200, None, body))
    };
    assert!(reported(dynamic(Checks::ALL).unwrap_err()));
    assert_eq!(dynamic(relaxed).unwrap().resources.len(), 1);
    let json = |checks| {
        core.prepare(
            core.query_at::<serde_json::Value>("", QueryMethod::Search, &SearchRequest::default())
                .checks(checks),
        )
        .unwrap()
        .reader
        .read(scim_response(200, None, body))
    };
    assert!(reported(json(Checks::ALL).unwrap_err()));
    assert!(json(relaxed).is_ok());
    let types = |checks| {
        core.prepare(core.resource_types().checks(checks))
            .unwrap()
            .reader
            .read(scim_response(200, None, r#"{"Resources": []}"#))
    };
    assert!(reported(types(Checks::ALL).unwrap_err()));
    assert!(types(relaxed).is_ok());
}

#[test]
fn unsupported_features_are_sent_and_bulk_limits_refused() {
    let mut core = core();
    core.discovery_mut().service_provider_config = Some(
        serde_json::from_value(serde_json::json!({
            "patch": {"supported": false}, "filter": {"supported": false},
            "sort": {"supported": false},
            "bulk": {"supported": true, "maxOperations": 1, "maxPayloadSize": 100000}
        }))
        .unwrap(),
    );
    let search = SearchRequest {
        filter: Some("userName pr".into()),
        sort_by: Some("userName".into()),
        ..SearchRequest::default()
    };
    for method in [QueryMethod::Get, QueryMethod::Search] {
        core.prepare(core.query::<User>(method, &search)).unwrap();
    }
    core.prepare(core.patch::<User>("1", &PatchOp::default()))
        .unwrap();
    let op = scim_runtime_model::message::BulkOperation {
        method: scim_runtime_model::message::BulkMethod::Delete,
        bulk_id: None,
        version: None,
        path: "/Users/1".into(),
        data: None,
    };
    let one = BulkRequest {
        operations: vec![op.clone()],
        ..BulkRequest::default()
    };
    core.prepare(core.bulk(&one)).unwrap();
    let two = BulkRequest {
        operations: vec![op.clone(), op],
        ..BulkRequest::default()
    };
    assert!(matches!(
        core.prepare(core.bulk(&two)).unwrap_err(),
        Error::InvalidRequest {
            source: RequestError::TooManyBulkOperations {
                operations: 2,
                max: 1
            },
            ..
        }
    ));
}

#[test]
fn no_content_responses_are_not_content_type_checked() {
    let core = core();
    let p = core.prepare(core.delete::<User>("1")).unwrap();
    let response = http::Response::builder()
        .status(204)
        .body(Vec::new())
        .unwrap();
    p.reader.read(response).unwrap();
}

#[test]
#[allow(deprecated)]
fn the_former_name_of_the_discovered_server_still_compiles() {
    // Code written against the old name keeps building, and means the same type.
    let old: crate::Discovery = DiscoveredServer::default();
    let builder = Client::builder("https://example.com/scim/v2").discovery(old.clone());
    assert_eq!(builder.core().unwrap().discovery(), &old);
}

fn cursor_page(ids: &[&str], next: Option<&str>, total: Option<u64>) -> ListResponse<User> {
    let resources = ids
        .iter()
        .map(|id| User {
            id: Some((*id).to_owned()),
            ..User::default()
        })
        .collect();
    ListResponse::with_cursor(resources, total, next.map(str::to_owned))
}

fn page_uri(core: &Core, pager: &Pager<User>) -> String {
    let op = pager.next_operation(core).unwrap();
    core.prepare(op).unwrap().request.uri().to_string()
}

#[test]
fn cursor_paging_sends_each_next_cursor_and_stops_without_one() {
    let core = core();
    let query = SearchRequest {
        count: Some(2),
        cursor: Some(String::new()),
        ..SearchRequest::default()
    };
    let mut pager: Pager<User> = Pager::new("/Users".into(), QueryMethod::Get, query);
    assert!(pager.is_cursor_paging());
    // RFC 9865: an empty `cursor` asks for the first page.
    assert_eq!(
        page_uri(&core, &pager),
        "https://example.com/scim/v2/Users?count=2&cursor="
    );
    let exchange = || Exchange::new(Method::GET, "u".into(), None, &[]);
    pager
        .accept(cursor_page(&["a", "b"], Some("c1"), None), exchange)
        .unwrap();
    assert_eq!(
        page_uri(&core, &pager),
        "https://example.com/scim/v2/Users?count=2&cursor=c1"
    );
    pager
        .accept(cursor_page(&["c"], None, None), exchange)
        .unwrap();
    assert!(pager.is_done());
    let ids: Vec<String> = std::iter::from_fn(|| pager.pop())
        .filter_map(|u| u.id)
        .collect();
    assert_eq!(ids, ["a", "b", "c"]);
}

#[test]
fn cursor_paging_reads_on_by_index_when_the_server_ignores_the_cursor() {
    let core = core();
    let query = SearchRequest {
        count: Some(2),
        cursor: Some(String::new()),
        ..SearchRequest::default()
    };
    let mut pager: Pager<User> = Pager::new("/Users".into(), QueryMethod::Get, query);
    let exchange = || Exchange::new(Method::GET, "u".into(), None, &[]);
    // An index page: no nextCursor, and totalResults says more remain.
    let mut first = ListResponse::new(vec![User::default(), User::default()], 3, 1);
    first.items_per_page = Some(2);
    pager.accept(first, exchange).unwrap();
    assert!(!pager.is_done() && !pager.is_cursor_paging());
    assert_eq!(
        page_uri(&core, &pager),
        "https://example.com/scim/v2/Users?startIndex=3&count=2"
    );
    pager
        .accept(ListResponse::new(vec![User::default()], 3, 3), exchange)
        .unwrap();
    assert!(pager.is_done());
    assert_eq!(pager.pages(), 2);
}

#[test]
fn the_same_cursor_again_is_a_paging_error_not_a_loop() {
    let query = SearchRequest {
        cursor: Some("c1".into()),
        ..SearchRequest::default()
    };
    let mut pager: Pager<User> = Pager::new("/Users".into(), QueryMethod::Get, query);
    let exchange = || Exchange::new(Method::GET, "u".into(), None, &[]);
    let e = pager
        .accept(cursor_page(&["a"], Some("c1"), None), exchange)
        .unwrap_err();
    assert!(matches!(e, Error::Paging { .. }), "{e}");
    assert!(pager.is_done());
}

#[test]
fn me_operations_address_me_and_a_501_is_me_not_supported() {
    let core = core();
    let user = User {
        id: Some("2819c223".into()),
        user_name: Some("bjensen".into()),
        ..User::default()
    };
    let patch: PatchOp<User> = PatchOp::new(vec![]);
    for (method, uri) in [
        (
            core.prepare(core.me::<User>()).unwrap().request,
            Method::GET,
        ),
        (
            core.prepare(core.replace_me(&user)).unwrap().request,
            Method::PUT,
        ),
        (
            core.prepare(core.patch_me(&patch)).unwrap().request,
            Method::PATCH,
        ),
        (
            core.prepare(core.delete_me()).unwrap().request,
            Method::DELETE,
        ),
    ]
    .map(|(r, m)| ((r.method().clone(), m), r.uri().to_string()))
    {
        assert_eq!(method.0, method.1);
        assert_eq!(uri, "https://example.com/scim/v2/Me");
    }
    let not_implemented = scim_response(
        501,
        None,
        r#"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "501", "detail": "no /Me here"}"#,
    );
    let e = core
        .prepare(core.delete_me())
        .unwrap()
        .reader
        .read(not_implemented)
        .unwrap_err();
    match &e {
        Error::MeNotSupported { exchange, error } => {
            assert_eq!(exchange.status, Some(http::StatusCode::NOT_IMPLEMENTED));
            assert_eq!(
                error.as_ref().unwrap().detail.as_deref(),
                Some("no /Me here")
            );
        }
        other => panic!("{other:?}"),
    }
    // Elsewhere a 501 stays the SCIM error it is.
    let e = core
        .prepare(core.delete::<User>("x"))
        .unwrap()
        .reader
        .read(scim_response(
            501,
            None,
            r#"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "501"}"#,
        ))
        .unwrap_err();
    assert!(matches!(e, Error::Scim { .. }), "{e:?}");
}

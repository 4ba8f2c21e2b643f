//! The protocol messages of RFC 7644 read as peers write them and written as servers expect
//! them: member names in any case (RFC 7643 §2.1), duplicates refused by name, and the schema
//! URN always written.

use scim_runtime::dynamic::DynamicResource;
use scim_runtime::message::{
    self, BulkMethod, BulkOperation, BulkRequest, BulkResponse, ListResponse, PatchOp,
    PatchOperationKind, SearchRequest, BULK_REQUEST, BULK_RESPONSE, ERROR, LIST_RESPONSE, PATCH_OP,
    SEARCH_REQUEST,
};
use scim_runtime::payload::{self, PayloadError};
use scim_runtime::{Meta, OtherAttributes, ScimResource, User};
use serde::de::DeserializeOwned;
use serde_json::{json, Map, Value};

/// A derived resource, to read messages about it as about generated and dynamic ones.
#[derive(Clone, PartialEq, Default, ScimResource)]
#[scim(
    resource,
    schema = "urn:example:params:scim:schemas:core:2.0:Badge",
    name = "Badge",
    endpoint = "/Badges"
)]
pub struct Badge {
    pub id: Option<String>,
    pub external_id: Option<String>,
    pub meta: Option<Meta>,
    /// The printed number.
    pub number: Option<String>,
    #[scim(other)]
    pub other: OtherAttributes,
}

/// Spellings of a member name that a peer may send: lower, upper, and alternating case both
/// ways (`oP`, `Op`).
fn spellings(name: &str) -> Vec<String> {
    let alternate = |upper_first: bool| {
        name.chars()
            .enumerate()
            .map(|(i, c)| {
                if i.is_multiple_of(2) == upper_first {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect::<String>()
    };
    vec![
        name.to_ascii_lowercase(),
        name.to_ascii_uppercase(),
        alternate(true),
        alternate(false),
    ]
}

/// `value` with the key `from` renamed `to` (at the top level).
fn renamed(value: &Value, from: &str, to: &str) -> Value {
    let map: Map<String, Value> = value
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (if k == from { to.to_owned() } else { k.clone() }, v.clone()))
        .collect();
    Value::Object(map)
}

/// Every member of `canonical`, respelled each way, reads as the canonical payload does; the
/// same member twice in two spellings is an error naming it.
fn members_are_case_insensitive<T>(canonical: Value)
where
    T: DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let expected: T = payload::from_value(canonical.clone()).unwrap();
    let names: Vec<String> = canonical.as_object().unwrap().keys().cloned().collect();
    for name in &names {
        for spelling in spellings(name) {
            let json = renamed(&canonical, name, &spelling);
            let read: T = payload::from_value(json.clone())
                .unwrap_or_else(|e| panic!("{spelling} in {json}: {e}"));
            assert_eq!(read, expected, "{spelling}");
            // Through the text reader too (the path payloads usually take).
            let read: T = payload::from_slice(json.to_string().as_bytes()).unwrap();
            assert_eq!(read, expected, "{spelling}");

            if spelling != *name {
                let mut twice = canonical.as_object().unwrap().clone();
                twice.insert(spelling.clone(), canonical[name].clone());
                let error = payload::from_value::<T>(Value::Object(twice)).unwrap_err();
                let shown = error.to_string();
                assert!(
                    shown.contains("duplicate member")
                        && (shown.contains(&spelling) || shown.contains(name.as_str())),
                    "{name} / {spelling}: {shown}"
                );
            }
        }
        // The exact same key twice, which a JSON object map would silently collapse.
        let text = canonical.to_string();
        let member = format!("\"{name}\":{}", canonical[name]);
        let doubled = text.replacen(&member, &format!("{member},{member}"), 1);
        assert_ne!(doubled, text);
        let error = payload::from_slice::<T>(doubled.as_bytes()).unwrap_err();
        assert!(
            error
                .to_string()
                .contains(&format!("duplicate member `{name}`")),
            "{name}: {error}"
        );
    }
}

#[test]
fn patch_op_members_are_case_insensitive() {
    let operation = json!({"op": "replace", "path": "displayName", "value": "Babs"});
    members_are_case_insensitive::<message::PatchOperation>(operation.clone());
    let patch = json!({"schemas": [PATCH_OP], "Operations": [operation]});
    members_are_case_insensitive::<PatchOp>(patch.clone());
    members_are_case_insensitive::<PatchOp<User>>(patch.clone());
    members_are_case_insensitive::<PatchOp<Badge>>(patch.clone());
    members_are_case_insensitive::<PatchOp<DynamicResource>>(patch);

    // The spellings of the issue, nested, all at once.
    let read: PatchOp<User> = payload::from_value(json!({
        "SCHEMAS": [PATCH_OP],
        "OPERATIONS": [
            {"oP": "Add", "PATH": "emails", "VALUE": [{"value": "b@example.com"}]},
            {"OP": "remove", "Path": "nickName"}
        ]
    }))
    .unwrap();
    assert_eq!(read.operations.len(), 2);
    assert_eq!(read.operations[0].op, PatchOperationKind::Add);
    assert_eq!(read.operations[0].path.as_deref(), Some("emails"));
    assert!(read.operations[0].value.is_some());
    assert_eq!(read.operations[1].op, PatchOperationKind::Remove);
    assert_eq!(read.operations[1].value, None);
    // A null value stays apart from an absent one, in any case.
    let read: PatchOp = payload::from_value(json!({
        "Operations": [{"op": "replace", "path": "nickName", "VALUE": null}]
    }))
    .unwrap();
    assert_eq!(read.operations[0].value, Some(Value::Null));

    // A duplicate inside an operation names the member and where it is.
    let error = payload::from_slice::<PatchOp>(
        br#"{"Operations": [{"op": "add", "path": "a", "value": 1}, {"op": "add", "Op": "remove", "path": "b"}]}"#,
    )
    .unwrap_err();
    match &error {
        PayloadError::Invalid { path, message, .. } => {
            assert!(message.contains("duplicate member `Op`"), "{message}");
            assert!(path.starts_with("Operations[1]"), "{path}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn other_message_members_are_case_insensitive() {
    members_are_case_insensitive::<SearchRequest>(json!({
        "schemas": [SEARCH_REQUEST],
        "attributes": ["userName"],
        "excludedAttributes": ["emails"],
        "filter": "userName eq \"b\"",
        "sortBy": "userName",
        "sortOrder": "descending",
        "startIndex": 2,
        "count": 10,
    }));
    let operation = json!({
        "method": "POST", "bulkId": "q1", "version": "W/\"1\"", "path": "/Users",
        "data": {"userName": "b"}
    });
    members_are_case_insensitive::<BulkOperation>(operation.clone());
    members_are_case_insensitive::<BulkRequest>(json!({
        "schemas": [BULK_REQUEST], "failOnErrors": 1, "Operations": [operation]
    }));
    let outcome = json!({
        "location": "https://h/v2/Users/1", "method": "POST", "bulkId": "q1",
        "version": "W/\"1\"", "status": "201", "response": {"id": "1"}
    });
    members_are_case_insensitive::<message::BulkOperationResponse>(outcome.clone());
    members_are_case_insensitive::<BulkResponse>(json!({
        "schemas": [BULK_RESPONSE], "Operations": [outcome]
    }));
    members_are_case_insensitive::<message::Error>(json!({
        "schemas": [ERROR], "status": "409", "scimType": "uniqueness", "detail": "taken"
    }));
    let list = json!({
        "schemas": [LIST_RESPONSE], "totalResults": 1, "itemsPerPage": 1, "startIndex": 1,
        "Resources": [{"id": "1", "userName": "b"}]
    });
    members_are_case_insensitive::<ListResponse<Value>>(list.clone());
    members_are_case_insensitive::<ListResponse<User>>(list.clone());
    members_are_case_insensitive::<ListResponse<Badge>>(list);

    // Unknown members are kept as sent, and equal-but-for-case ones are refused too.
    let read: SearchRequest = payload::from_value(json!({"filter": "a pr", "x-Extra": 1})).unwrap();
    assert_eq!(read.other.get("x-Extra"), Some(&json!(1)));
    let error =
        payload::from_value::<SearchRequest>(json!({"x-Extra": 1, "X-EXTRA": 2})).unwrap_err();
    assert!(error.to_string().contains("duplicate member"), "{error}");
}

/// The `schemas` a message is written with.
fn written_schemas(value: impl serde::Serialize) -> Vec<String> {
    let json = serde_json::to_value(value).unwrap();
    serde_json::from_value(json["schemas"].clone()).unwrap()
}

#[test]
fn messages_built_in_code_write_their_schema_urn() {
    let once = |urn: &str, schemas: Vec<String>| {
        assert_eq!(
            schemas.iter().filter(|s| s.as_str() == urn).count(),
            1,
            "{urn} in {schemas:?}"
        );
    };
    let other = vec!["urn:example:other".to_owned()];

    once(SEARCH_REQUEST, written_schemas(SearchRequest::default()));
    once(
        SEARCH_REQUEST,
        written_schemas(SearchRequest {
            schemas: Vec::new(),
            filter: Some("userName pr".into()),
            ..SearchRequest::default()
        }),
    );
    let s = written_schemas(SearchRequest {
        schemas: other.clone(),
        ..SearchRequest::default()
    });
    once(SEARCH_REQUEST, s.clone());
    assert!(s.contains(&other[0]), "what the caller put is kept");

    once(BULK_REQUEST, written_schemas(BulkRequest::default()));
    once(
        BULK_REQUEST,
        written_schemas(BulkRequest {
            schemas: Vec::new(),
            fail_on_errors: Some(1),
            operations: vec![BulkOperation {
                method: BulkMethod::Delete,
                bulk_id: None,
                version: None,
                path: "/Users/1".into(),
                data: None,
            }],
            other: Default::default(),
        }),
    );
    once(BULK_RESPONSE, written_schemas(BulkResponse::default()));
    once(
        BULK_RESPONSE,
        written_schemas(BulkResponse {
            schemas: Vec::new(),
            ..BulkResponse::default()
        }),
    );

    once(PATCH_OP, written_schemas(PatchOp::<User>::default()));
    once(PATCH_OP, written_schemas(PatchOp::<Value>::new(Vec::new())));
    once(PATCH_OP, written_schemas(PatchOp::<Badge>::default()));
    let mut patch = PatchOp::<DynamicResource>::default();
    patch.schemas.clear();
    once(PATCH_OP, written_schemas(patch));
    let mut patch = PatchOp::<User>::default();
    patch.schemas = vec![PATCH_OP.to_ascii_uppercase()];
    let s = written_schemas(patch);
    assert_eq!(
        s.len(),
        1,
        "a URN in another case is not added again: {s:?}"
    );

    let mut error = message::Error::new(400, None, "bad");
    once(ERROR, written_schemas(&error));
    error.schemas.clear();
    once(ERROR, written_schemas(&error));

    once(
        LIST_RESPONSE,
        written_schemas(ListResponse::<Value>::default()),
    );

    // A SearchRequest read without `schemas` is written with it.
    let read: SearchRequest = payload::from_value(json!({"filter": "userName pr"})).unwrap();
    once(SEARCH_REQUEST, written_schemas(read));
}

#[test]
fn a_list_without_total_results_is_read() {
    for body in [
        json!({"Resources": [{"id": "1", "userName": "b"}]}),
        json!({"totalResults": null, "Resources": [{"id": "1", "userName": "b"}]}),
    ] {
        let list: ListResponse<User> = payload::from_value(body.clone()).unwrap();
        assert_eq!(list.total_results, None, "{body}");
        assert_eq!(list.resources.len(), 1);
        // ...and written back without one rather than with an invented count.
        let written = serde_json::to_value(&list).unwrap();
        assert!(written.get("totalResults").is_none(), "{written}");
    }
    let list: ListResponse<Badge> =
        payload::from_value(json!({"Resources": [{"id": "1", "number": "7"}]})).unwrap();
    assert_eq!((list.total_results, list.resources.len()), (None, 1));
    let list: ListResponse<User> =
        payload::from_value(json!({"totalResults": "3", "Resources": []})).unwrap();
    assert_eq!(list.total_results, Some(3));
}

#[test]
fn cursor_members_are_read_in_any_case_and_written_back() {
    // RFC 9865: `cursor` in a search, `nextCursor` and `previousCursor` in a list.
    members_are_case_insensitive::<SearchRequest>(json!({
        "schemas": [SEARCH_REQUEST], "filter": "userName pr", "count": 10, "cursor": "VZUTiY"
    }));
    let list = json!({
        "schemas": [LIST_RESPONSE], "itemsPerPage": 1, "nextCursor": "VZUTiYh",
        "previousCursor": "ze7L30k", "Resources": [{"id": "1", "userName": "b"}]
    });
    members_are_case_insensitive::<ListResponse<Value>>(list.clone());
    members_are_case_insensitive::<ListResponse<User>>(list.clone());

    let read: ListResponse<User> = payload::from_value(list.clone()).unwrap();
    assert_eq!(read.next_cursor.as_deref(), Some("VZUTiYh"));
    assert_eq!(read.previous_cursor.as_deref(), Some("ze7L30k"));
    assert!(read.has_cursor() && read.total_results.is_none());
    assert!(read.other.is_empty(), "cursors are not unknown members");
    let read: ListResponse<Value> = payload::from_value(list.clone()).unwrap();
    assert_eq!(
        serde_json::to_value(&read).unwrap(),
        list,
        "written back as read"
    );

    // An empty or null nextCursor is the last page, as no cursor is.
    for last in [json!(""), Value::Null] {
        let read: ListResponse<Value> = payload::from_value(json!({
            "schemas": [LIST_RESPONSE], "nextCursor": last, "Resources": []
        }))
        .unwrap();
        assert_eq!(read.next_cursor, None);
    }

    // An empty cursor, the first page, is written as it is.
    let first = SearchRequest {
        cursor: Some(String::new()),
        count: Some(10),
        ..SearchRequest::default()
    };
    let written = serde_json::to_value(&first).unwrap();
    assert_eq!(written["cursor"], "");
    assert_eq!(
        payload::from_value::<SearchRequest>(written).unwrap(),
        first
    );
}

#[test]
fn the_service_provider_config_reads_and_writes_its_pagination_block() {
    use scim_runtime::{Resource as _, ServiceProviderConfig};
    let spc: ServiceProviderConfig = payload::from_value(json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
        "pagination": {"cursor": true, "index": false, "defaultPaginationMethod": "cursor",
                       "defaultPageSize": 100, "maxPageSize": 500, "cursorTimeout": 3600}
    }))
    .unwrap();
    let pagination = spc.pagination.as_ref().unwrap();
    assert_eq!(
        (
            pagination.cursor,
            pagination.index,
            pagination.default_pagination_method.as_deref(),
            pagination.default_page_size,
            pagination.max_page_size,
            pagination.cursor_timeout
        ),
        (
            Some(true),
            Some(false),
            Some("cursor"),
            Some(100),
            Some(500),
            Some(3600)
        )
    );
    assert!(spc.cursor_pagination_supported() && !spc.index_pagination_supported());
    let written = serde_json::to_value(&spc).unwrap();
    assert_eq!(written["pagination"]["cursorTimeout"], 3600);
    assert_eq!(written["pagination"]["defaultPaginationMethod"], "cursor");

    // Without a pagination block, index paging is what RFC 7644 defines for every server.
    let plain = ServiceProviderConfig::default();
    assert!(!plain.cursor_pagination_supported() && plain.index_pagination_supported());
    // The schema of the configuration describes the block.
    let schema = ServiceProviderConfig::schema();
    let block = schema
        .attributes
        .iter()
        .find(|a| a.name == "pagination")
        .expect("a pagination attribute");
    let names: Vec<&str> = block
        .sub_attributes()
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "cursor",
            "index",
            "defaultPaginationMethod",
            "defaultPageSize",
            "maxPageSize",
            "cursorTimeout"
        ]
    );
}

/// `to_vec_in` and `to_writer_in` write what `in_context` serializes, byte for byte, for a
/// resource and a page of them, in every context, with and without a projection; a writer
/// that fails is reported, not ignored.
#[test]
fn bytes_in_context_are_the_json_in_context() {
    use scim_runtime::{Context, Projection, Resource};
    let mut full = crate::fixtures::full_enterprise_user();
    full["x-unknown"] = json!({"kept": [1, 2]});
    let user: User = payload::from_value(full).unwrap();
    let page = ListResponse::new(vec![user.clone(), User::default(), user.clone()], 3, 1);
    let asked = Projection::attributes(["userName", "emails.value"]);
    for context in Context::ALL {
        for projection in [None, Some(&asked)] {
            let expected = serde_json::to_vec(&user.in_context(context, projection)).unwrap();
            assert!(expected.len() > 20, "{context:?}");
            assert_eq!(user.to_vec_in(context, projection), expected, "{context:?}");
            assert_eq!(
                user.to_string_in(context, projection).into_bytes(),
                expected
            );
            assert_eq!(
                serde_json::from_slice::<Value>(&expected).unwrap(),
                user.to_json_in(context, projection),
                "{context:?}"
            );
            let mut written = Vec::new();
            user.to_writer_in(&mut written, context, projection)
                .unwrap();
            assert_eq!(written, expected);

            let expected = serde_json::to_vec(&page.in_context(context, projection)).unwrap();
            assert_eq!(page.to_vec_in(context, projection), expected, "{context:?}");
            let mut written = Vec::new();
            page.to_writer_in(&mut written, context, projection)
                .unwrap();
            assert_eq!(written, expected);
        }
    }

    struct Full;
    impl std::io::Write for Full {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::new(
                std::io::ErrorKind::StorageFull,
                "disk full",
            ))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let err = user
        .to_writer_in(Full, Context::QueryResponse, None)
        .unwrap_err();
    assert!(
        err.is_io() && err.to_string().contains("disk full"),
        "{err}"
    );
    let err = page
        .to_writer_in(Full, Context::QueryResponse, None)
        .unwrap_err();
    assert!(err.is_io(), "{err}");
}

//! Resources known only at run time, by resource type name after `discover()`, and schema drift
//! from the client: against a real scim2-server, and against a stub that serves what a test
//! tells it to.

use futures_util::TryStreamExt as _;
use http::StatusCode;
use scim_client_tests::peer::Scim2Server;
use scim_client_tests::stub::{Stub, StubResponse};
use scim_runtime::client::{
    BlockingClient, BlockingReqwestTransport, Checks, Client, DiscoveryError, Error,
    ReqwestTransport,
};
use scim_runtime::drift::{Change, Severity};
use scim_runtime::dynamic::{DynamicResource, DynamicType};
use scim_runtime::filter::Filter;
use scim_runtime::message::{PatchOp, PatchOperationKind, SortOrder};
use scim_runtime::payload::PayloadError;
use scim_runtime::schema::Schema;
use scim_runtime::{EnterpriseUser, Group, Resource, User};
use serde_json::{json, Value};

const ENTERPRISE: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const USER: &str = "urn:ietf:params:scim:schemas:core:2.0:User";

fn attr<'a>(resource: &'a DynamicResource, name: &str) -> Option<&'a Value> {
    resource.as_json().get(name)
}

fn ext<'a>(resource: &'a DynamicResource, name: &str) -> Option<&'a Value> {
    resource.as_json().get(ENTERPRISE)?.get(name)
}

fn new_user(users: &DynamicType, name: &str, department: &str) -> DynamicResource {
    users
        .from_value(json!({
            "schemas": [USER, ENTERPRISE],
            "userName": name,
            "displayName": format!("{name} display"),
            "password": "t1meMa$heen",
            "emails": [{"value": format!("{name}@example.com"), "type": "work", "primary": true}],
            ENTERPRISE: {"employeeNumber": "701984", "department": department}
        }))
        .expect("a User payload")
}

#[tokio::test]
async fn users_by_resource_type_name_after_discovery() {
    let server = Scim2Server::start();
    let mut client = Client::builder(server.base_url())
        .build(ReqwestTransport::new().unwrap())
        .unwrap();

    // Before discovery the client knows no resource type and no schema: a typed error.
    assert_eq!(
        client.dynamic("User").unwrap_err(),
        DiscoveryError::NotDiscovered("resource types")
    );
    assert_eq!(
        client.drift::<User>().unwrap_err(),
        DiscoveryError::NotDiscovered("schemas")
    );

    client.discover().await.expect("discovery");
    match client.dynamic("Device").unwrap_err() {
        DiscoveryError::UnknownResourceType { name, known } => {
            assert_eq!(name, "Device");
            assert_eq!(known, ["User", "Group"]);
        }
        other => panic!("{other:?}"),
    }
    let unknown = client.dynamic("Device").unwrap_err().to_string();
    assert_eq!(
        unknown,
        "the service provider has no resource type `Device` (it has: User, Group)"
    );

    let users = client.dynamic("user").expect("names are case-insensitive");
    assert_eq!(
        (users.name.as_str(), users.endpoint.as_str()),
        ("User", "/Users")
    );
    assert_eq!(users.schema.id, USER);
    assert_eq!(users.extensions.len(), 1);
    assert_eq!(users.extensions[0].0.id, ENTERPRISE);

    // Create: the body is the creation-request payload, the answer is checked in the
    // creation-response context against the discovered schemas.
    let created = client
        .create(&new_user(&users, "bjensen", "Tour Operations"))
        .send()
        .await
        .expect("create");
    let id = created.id().expect("an id").to_owned();
    assert_eq!(attr(&created, "password"), None, "returned: never");
    assert_eq!(ext(&created, "employeeNumber"), Some(&json!("701984")));
    let version = created.meta_version().expect("meta.version").to_owned();
    assert!(version.starts_with("W/"), "{version}");
    assert_eq!(created.resource_type(), &users);

    let fetched = client.get_dynamic(&users, &id).send().await.expect("get");
    assert_eq!(attr(&fetched, "userName"), Some(&json!("bjensen")));
    assert_eq!(ext(&fetched, "department"), Some(&json!("Tour Operations")));
    let partial = client
        .get_dynamic(&users, &id)
        .attributes(["userName"])
        .send()
        .await
        .expect("get with attributes");
    assert_eq!(attr(&partial, "emails"), None);
    assert_eq!(partial.id(), Some(id.as_str()), "returned: always");

    // List with a filter, one page; then every match page by page through the stream.
    client
        .create(&new_user(&users, "bwho", "Sales"))
        .send()
        .await
        .unwrap();
    client
        .create(&new_user(&users, "zed", "Sales"))
        .send()
        .await
        .unwrap();
    let page = client
        .list_dynamic(&users)
        .filter(Filter::attr("userName").unwrap().eq("BJENSEN"))
        .send()
        .await
        .expect("list with a filter");
    assert_eq!(page.total_results, Some(1));
    assert_eq!(page.resources[0].id(), Some(id.as_str()));
    assert_eq!(
        ext(&page.resources[0], "employeeNumber"),
        Some(&json!("701984"))
    );
    let names: Vec<Value> = client
        .list_dynamic(&users)
        .filter(Filter::attr("userName").unwrap().sw("b"))
        .sort_by("userName")
        .sort_order(SortOrder::Descending)
        .count(1)
        .stream()
        .map_ok(|u| attr(&u, "userName").cloned().unwrap_or_default())
        .try_collect()
        .await
        .expect("every page");
    assert_eq!(names, [json!("bwho"), json!("bjensen")]);
    let searched = client
        .search_dynamic(&users)
        .filter(Filter::attr("userName").unwrap().eq("zed"))
        .send()
        .await
        .expect("search");
    assert_eq!(searched.total_results, Some(1));

    // Replace, with If-Match from meta.version: a stale version is refused with 412.
    let mut changed = fetched.to_json_in(scim_runtime::Context::Default, None);
    changed["displayName"] = json!("Babs Jensen");
    changed[ENTERPRISE]["department"] = json!("Sales");
    let changed = users.from_value(changed).unwrap();
    let replaced = client.replace(&changed).send().await.expect("replace");
    assert_eq!(attr(&replaced, "displayName"), Some(&json!("Babs Jensen")));
    assert_eq!(ext(&replaced, "department"), Some(&json!("Sales")));
    assert_ne!(replaced.meta_version(), Some(version.as_str()));
    let stale = client.replace(&changed).send().await.unwrap_err();
    assert_eq!(stale.status(), Some(StatusCode::PRECONDITION_FAILED));

    // Patch: 204 without attributes, the resource with them, checked against the schemas.
    let patch = PatchOp::new(Vec::new()).with(
        PatchOperationKind::Replace,
        Some("nickName"),
        Some("Babs".into()),
    );
    assert_eq!(client.patch(&replaced, &patch).send().await.unwrap(), None);
    let patch = PatchOp::new(Vec::new()).with(
        PatchOperationKind::Replace,
        Some(&format!("{ENTERPRISE}:employeeNumber")),
        Some("42".into()),
    );
    let patched = client
        .patch_dynamic_id(&users, &id, &patch)
        .attributes(["nickName", &format!("{ENTERPRISE}:employeeNumber")])
        .send()
        .await
        .expect("patch")
        .expect("200 with the resource");
    assert_eq!(attr(&patched, "nickName"), Some(&json!("Babs")));
    assert_eq!(ext(&patched, "employeeNumber"), Some(&json!("42")));

    // Delete, then the resource is gone: the server's SCIM 404.
    let current = client.get_dynamic(&users, &id).send().await.unwrap();
    client.delete(&current).send().await.expect("delete");
    let gone = client.get_dynamic(&users, &id).send().await.unwrap_err();
    assert_eq!(gone.scim_error().map(|e| e.status), Some(404));
}

#[test]
fn groups_by_resource_type_name_with_the_blocking_client() {
    let server = Scim2Server::start();
    let mut client = BlockingClient::builder(server.base_url())
        .build_blocking(BlockingReqwestTransport::new().unwrap())
        .unwrap();
    client.discover().expect("discovery");
    let users = client.dynamic("User").unwrap();
    let groups = client.dynamic("Group").unwrap();
    assert_eq!(groups.endpoint, "/Groups");
    let member = client
        .create(&new_user(&users, "member", "Sales"))
        .send()
        .expect("create a member");
    let member_id = member.id().unwrap().to_owned();

    let group = groups
        .from_value(json!({
            "displayName": "Tour Guides",
            "members": [{"value": member_id}]
        }))
        .unwrap();
    let created = client.create(&group).send().expect("create group");
    let id = created.id().unwrap().to_owned();
    assert_eq!(
        attr(&created, "members").unwrap()[0]["value"],
        json!(member_id)
    );

    let fetched = client.get_dynamic(&groups, &id).send().expect("get group");
    assert_eq!(attr(&fetched, "displayName"), Some(&json!("Tour Guides")));

    let mut renamed = fetched.to_json_in(scim_runtime::Context::Default, None);
    renamed["displayName"] = json!("Guides");
    let replaced = client
        .replace(&groups.from_value(renamed).unwrap())
        .send()
        .expect("replace group");
    assert_eq!(attr(&replaced, "displayName"), Some(&json!("Guides")));

    let found: Vec<DynamicResource> = client
        .list_dynamic(&groups)
        .filter(Filter::attr("displayName").unwrap().eq("Guides"))
        .iter()
        .collect::<Result<_, _>>()
        .expect("list groups");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].id(), Some(id.as_str()));

    let patch = PatchOp::new(Vec::new()).with(PatchOperationKind::Remove, Some("members"), None);
    let patched = client
        .patch(&replaced, &patch)
        .attributes(["displayName", "members"])
        .send()
        .expect("patch group")
        .expect("the group");
    assert_eq!(attr(&patched, "members"), None);

    client
        .delete_dynamic_id(&groups, &id)
        .send()
        .expect("delete");
    assert_eq!(
        client
            .get_dynamic(&groups, &id)
            .send()
            .unwrap_err()
            .status(),
        Some(StatusCode::NOT_FOUND)
    );
}

fn list(resources: Vec<Value>) -> Value {
    json!({
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
        "totalResults": resources.len(),
        "startIndex": 1,
        "itemsPerPage": resources.len(),
        "Resources": resources,
    })
}

fn device_schema() -> Value {
    json!({
        "id": "urn:example:params:scim:schemas:Device",
        "name": "Device",
        "attributes": [
            {"name": "serialNumber", "type": "string", "multiValued": false, "required": true,
             "mutability": "immutable", "returned": "always", "uniqueness": "server"},
            {"name": "ports", "type": "integer", "multiValued": false, "required": false}
        ]
    })
}

/// A stub serving the discovery documents (`schemas` at `/Schemas`, User, Group and a Device
/// type known to no Rust type at `/ResourceTypes`) and `other` for everything else.
fn discovery_stub(
    schemas: Vec<Value>,
    other: impl Fn(&str) -> StubResponse + Send + Sync + 'static,
) -> Stub {
    let spc = json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
        "patch": {"supported": true},
        "bulk": {"supported": false, "maxOperations": 0, "maxPayloadSize": 0},
        "filter": {"supported": true, "maxResults": 100},
        "changePassword": {"supported": false},
        "sort": {"supported": false},
        "etag": {"supported": false},
        "authenticationSchemes": [{"type": "oauthbearertoken", "name": "OAuth Bearer Token",
                                   "description": "Bearer tokens"}]
    });
    let types = list(vec![
        serde_json::to_value(User::resource_type()).unwrap(),
        serde_json::to_value(Group::resource_type()).unwrap(),
        json!({
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
            "id": "Device", "name": "Device", "endpoint": "/Devices",
            "schema": "urn:example:params:scim:schemas:Device"
        }),
    ]);
    let schemas = list(schemas);
    Stub::start(move |request| {
        let path = request.target.split('?').next().unwrap_or_default();
        match path {
            "/v2/ServiceProviderConfig" => StubResponse::scim(200, &spc),
            "/v2/ResourceTypes" => StubResponse::scim(200, &types),
            "/v2/Schemas" => StubResponse::scim(200, &schemas),
            _ => other(path),
        }
    })
}

fn served_schemas() -> Vec<Value> {
    let mut schemas: Vec<Value> = User::schemas()
        .iter()
        .chain(&Group::schemas())
        .map(|s| serde_json::to_value(s).unwrap())
        .collect();
    schemas.push(device_schema());
    schemas
}

#[tokio::test]
async fn responses_that_break_the_discovered_schemas_are_reported() {
    let stub = discovery_stub(served_schemas(), |path| match path {
        // password is returned never (RFC 7643 §4.1.1).
        "/v2/Users/1" => StubResponse::scim(
            200,
            &json!({"schemas": [USER], "id": "1", "userName": "leaky", "password": "s3cret"}),
        ),
        // serialNumber is a string, and returned always.
        "/v2/Devices/7" => StubResponse::scim(
            200,
            &json!({"schemas": ["urn:example:params:scim:schemas:Device"], "id": "7",
                    "serialNumber": 1234}),
        ),
        "/v2/Devices" => StubResponse::scim(
            200,
            &list(vec![
                json!({"schemas": ["urn:example:params:scim:schemas:Device"], "id": "1",
                       "serialNumber": "A-1", "ports": 4}),
                json!({"schemas": ["urn:example:params:scim:schemas:Device"], "id": "2",
                       "ports": 2}),
            ]),
        ),
        _ => StubResponse::scim(
            404,
            &json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "404"}),
        ),
    });
    let mut client = Client::new(stub.base_url(), ReqwestTransport::new().unwrap()).unwrap();
    client.discover().await.expect("discovery");

    let users = client.dynamic("User").unwrap();
    match client.get_dynamic(&users, "1").send().await.unwrap_err() {
        Error::InvalidResponse {
            source: PayloadError::Violations(v),
            exchange,
        } => {
            assert_eq!(v.0.len(), 1, "{v}");
            assert_eq!(v.0[0].path, "password");
            assert!(exchange.url.ends_with("/v2/Users/1"), "{}", exchange.url);
        }
        other => panic!("{other:?}"),
    }
    // The same response read unchecked, as with typed resources.
    let unchecked = client
        .get_dynamic(&users, "1")
        .checks(Checks {
            response_payload: false,
            ..Checks::ALL
        })
        .send()
        .await
        .expect("unchecked");
    assert_eq!(attr(&unchecked, "password"), Some(&json!("s3cret")));

    // A resource type no Rust type describes.
    let devices = client.dynamic("Device").unwrap();
    match client.get_dynamic(&devices, "7").send().await.unwrap_err() {
        Error::InvalidResponse {
            source: PayloadError::Invalid { path, .. },
            ..
        } => assert_eq!(path, "serialNumber"),
        other => panic!("{other:?}"),
    }
    match client.list_dynamic(&devices).send().await.unwrap_err() {
        Error::InvalidResponse {
            source: PayloadError::Violations(v),
            ..
        } => {
            let paths: Vec<&str> = v.iter().map(|v| v.path.as_str()).collect();
            assert_eq!(paths, ["Resources[1].serialNumber"]);
        }
        other => panic!("{other:?}"),
    }
    let stream: Result<Vec<DynamicResource>, Error> =
        client.list_dynamic(&devices).stream().try_collect().await;
    assert!(matches!(stream, Err(Error::InvalidResponse { .. })));

    // A request that breaks the schemas is not sent: serialNumber is required.
    let incomplete = devices.from_value(json!({"ports": 1})).unwrap();
    match client.create(&incomplete).send().await.unwrap_err() {
        Error::InvalidRequest { source, .. } => {
            assert!(source.to_string().contains("serialNumber"), "{source}")
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn drift_against_a_server_whose_schemas_changed_is_breaking() {
    let mut served = served_schemas();
    let user = served[0].as_object_mut().unwrap();
    assert_eq!(user["id"], USER);
    let attributes = user["attributes"].as_array_mut().unwrap();
    attributes.retain(|a| a["name"] != "nickName");
    for a in attributes.iter_mut() {
        if a["name"] == "title" {
            a["type"] = json!("integer");
        }
    }
    let stub = discovery_stub(served, |_| StubResponse::scim(404, &json!({})));
    let mut client = Client::new(stub.base_url(), ReqwestTransport::new().unwrap()).unwrap();
    client.discover().await.expect("discovery");

    let report = client.drift::<User>().unwrap();
    assert!(report.is_breaking());
    let found: Vec<(&str, &str, &Change, Severity)> = report
        .changes
        .iter()
        .map(|d| (d.schema.as_str(), d.path.as_str(), &d.change, d.severity))
        .collect();
    assert_eq!(
        found,
        [
            (
                USER,
                "nickName",
                &Change::AttributeRemoved,
                Severity::Breaking
            ),
            (
                USER,
                "title",
                &Change::Characteristic {
                    name: "type",
                    old: "string".into(),
                    new: "integer".into()
                },
                Severity::Breaking
            ),
        ]
    );
    assert_eq!(
        report.changes[0].to_string(),
        format!("breaking: {USER} / nickName: attribute removed")
    );
    // Group's schema did not move; the Device schema the client does not use is not reported.
    assert!(client.drift::<Group>().unwrap().is_empty());
    let all: Vec<Schema> = User::schemas()
        .into_iter()
        .chain(Group::schemas())
        .collect();
    assert_eq!(client.drift_for(&all).unwrap(), report);
}

/// scim2-server's served schemas against the schemas the standard types were generated from
/// (RFC 7643, with a Group's `displayName` required as its §4.2 says), as the corpus dump of
/// its served `/Schemas` shows them too: it makes some references and `password` caseExact,
/// narrows the reference types of a User's `groups`, and adds `addresses.primary` and
/// `members.display`. caseExact and referenceTypes change no payload's shape: notices; the
/// added optional attributes are compatible. Nothing is breaking.
const SCIM2_SERVER_DRIFT: [&str; 13] = [
    "notice: urn:ietf:params:scim:schemas:core:2.0:User / profileUrl: caseExact false -> true",
    "notice: urn:ietf:params:scim:schemas:core:2.0:User / password: caseExact false -> true",
    "notice: urn:ietf:params:scim:schemas:core:2.0:User / photos / value: caseExact false -> true",
    "compatible: urn:ietf:params:scim:schemas:core:2.0:User / addresses / primary: optional attribute added",
    "notice: urn:ietf:params:scim:schemas:core:2.0:User / groups / value: caseExact false -> true",
    "notice: urn:ietf:params:scim:schemas:core:2.0:User / groups / $ref: caseExact false -> true",
    r#"notice: urn:ietf:params:scim:schemas:core:2.0:User / groups / $ref: referenceTypes ["Group", "User"] -> ["Group"]"#,
    "notice: urn:ietf:params:scim:schemas:core:2.0:User / x509Certificates / value: caseExact false -> true",
    "notice: urn:ietf:params:scim:schemas:extension:enterprise:2.0:User / manager / value: caseExact false -> true",
    "notice: urn:ietf:params:scim:schemas:extension:enterprise:2.0:User / manager / $ref: caseExact false -> true",
    "notice: urn:ietf:params:scim:schemas:core:2.0:Group / members / value: caseExact false -> true",
    "notice: urn:ietf:params:scim:schemas:core:2.0:Group / members / $ref: caseExact false -> true",
    "compatible: urn:ietf:params:scim:schemas:core:2.0:Group / members / display: optional attribute added",
];

fn all_paths(report: &scim_runtime::drift::DriftReport) -> Vec<&str> {
    report.changes.iter().map(|d| d.path.as_str()).collect()
}

fn lines(report: &scim_runtime::drift::DriftReport) -> Vec<String> {
    report.changes.iter().map(ToString::to_string).collect()
}

#[tokio::test]
async fn drift_of_the_standard_types_against_scim2_server() {
    let server = Scim2Server::start();
    let mut client = Client::new(server.base_url(), ReqwestTransport::new().unwrap()).unwrap();
    client.discover().await.expect("discovery");

    // User with its enterprise extension, then Group.
    let user = client.drift::<User>().unwrap();
    assert_eq!(lines(&user), SCIM2_SERVER_DRIFT[..10]);
    let group = client.drift::<Group>().unwrap();
    assert_eq!(lines(&group), SCIM2_SERVER_DRIFT[10..]);
    // User and its enterprise extension: notices, nothing breaking.
    assert!(!user.is_breaking());
    assert_eq!(user.worst(), Some(Severity::Notice));
    assert_eq!(user.with_severity(Severity::Notice).count(), 9);
    // Group: notices too; both require displayName (RFC 7643 §4.2).
    assert!(!group.is_breaking());
    assert_eq!(group.worst(), Some(Severity::Notice));
    assert!(!all_paths(&group).contains(&"displayName"));
    let added = &group.changes[2];
    assert_eq!(
        (&added.change, added.severity),
        (
            &Change::AttributeAdded { required: false },
            Severity::Compatible
        )
    );

    // Every type the client uses at once, EnterpriseUser named on its own.
    let used = [
        User::schema(),
        Schema::from_def(<EnterpriseUser as scim_runtime::Extension>::SCHEMA),
        Group::schema(),
    ];
    let all = client.drift_for(&used).unwrap();
    assert_eq!(lines(&all), SCIM2_SERVER_DRIFT);

    // The live server serves what the corpus captured of it.
    let path = format!(
        "{}/../../testdata/schemas/scim2-server/served-GET-Schemas.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let captured: scim_runtime::message::ListResponse<Schema> =
        scim_runtime::payload::from_str(&text).unwrap();
    assert_eq!(
        scim_runtime::drift::against_schemas(&used, &captured.resources),
        all
    );
}

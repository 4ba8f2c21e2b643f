//! The RFC's own examples parse into the typed model and serialize back to equivalent JSON.

use scim_runtime::message::{
    BulkRequest, BulkResponse, Error, ListResponse, PatchOp, PatchOperationKind, SearchRequest,
};
use scim_runtime::{Group, ResourceType, Schema, ScimType, ServiceProviderConfig, User};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

fn read(path: &str) -> Value {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}")))
        .unwrap()
}

/// Parses `json` as `T` and checks that it serializes back to the same JSON.
fn round_trip<T: DeserializeOwned + Serialize>(json: Value) -> T {
    let typed: T =
        scim_runtime::payload::from_value(json.clone()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(serde_json::to_value(&typed).unwrap(), json);
    typed
}

#[test]
fn rfc7643_8_1_minimal_user() {
    let user: User = round_trip(read("tests/fixtures/rfc7643/8.1-minimal-user.json"));
    assert_eq!(user.user_name.as_deref(), Some("bjensen@example.com"));
}

#[test]
fn rfc7643_8_2_full_user() {
    let user: User = round_trip(read("tests/fixtures/rfc7643/8.2-full-user.json"));
    assert_eq!(user.emails.len(), 2);
    assert_eq!(
        user.x509_certificates[0]
            .value
            .as_ref()
            .unwrap()
            .to_bytes()
            .len(),
        839
    );
    assert!(
        user.other.is_empty(),
        "every attribute of the RFC user is typed: {:?}",
        user.other
    );
}

#[test]
fn rfc7643_8_3_enterprise_user() {
    let user: User = round_trip(read("tests/fixtures/rfc7643/8.3-enterprise-user.json"));
    let enterprise = user.enterprise_user.as_ref().expect("extension block");
    assert_eq!(enterprise.employee_number.as_deref(), Some("701984"));
    assert_eq!(
        enterprise.manager.as_ref().unwrap().display_name.as_deref(),
        Some("John Smith")
    );
    assert!(user.other.is_empty(), "{:?}", user.other);
}

#[test]
fn rfc7643_8_4_group() {
    let group: Group = round_trip(read("tests/fixtures/rfc7643/8.4-group.json"));
    assert_eq!(group.members.len(), 2);
    assert!(group.other.is_empty(), "{:?}", group.other);
}

#[test]
fn rfc7643_8_5_service_provider_config() {
    let spc: ServiceProviderConfig = round_trip(read(
        "tests/fixtures/rfc7643/8.5-service-provider-config.json",
    ));
    assert!(spc.patch_supported() && spc.bulk_supported() && spc.etag_supported());
    assert_eq!(spc.authentication_schemes.len(), 2);
    assert!(spc.other.is_empty(), "{:?}", spc.other);
}

#[test]
fn rfc7643_8_6_resource_types() {
    let Value::Array(types) = read("tests/fixtures/rfc7643/8.6-resource-types.json") else {
        panic!()
    };
    for t in types {
        let rt: ResourceType = round_trip(t);
        assert!(rt.other.is_empty(), "{:?}", rt.other);
    }
}

#[test]
fn rfc7643_8_7_schemas() {
    for file in [
        "user",
        "group",
        "enterprise-user",
        "schema",
        "resource-type",
        "service-provider-config",
    ] {
        let schema: Schema = round_trip(read(&format!("../schemas/{file}.json")));
        assert!(!schema.attributes.is_empty(), "{file}");
    }
}

#[test]
fn rfc7644_list_responses() {
    for file in [
        "3.4.2-list-response",
        "3.4.2.4-list-response-pagination",
        "3.4.3-list-response-search",
    ] {
        let json = read(&format!("tests/fixtures/rfc7644/{file}.json"));
        round_trip::<ListResponse<Value>>(json.clone());
        // The resources also read as typed users: the RFC's short examples omit `schemas`.
        let count = json["Resources"].as_array().map_or(0, Vec::len);
        let typed: ListResponse<User> = scim_runtime::payload::from_value(json).unwrap();
        assert!(typed.total_results.unwrap() >= typed.resources.len() as u64);
        assert_eq!(typed.resources.len(), count, "{file}");
    }
}

#[test]
fn rfc7644_search_request() {
    let search: SearchRequest =
        round_trip(read("tests/fixtures/rfc7644/3.4.3-search-request.json"));
    assert!(search.filter.is_some());
}

#[test]
fn rfc7644_patch_requests() {
    let dir = format!("{}/tests/fixtures/rfc7644", env!("CARGO_MANIFEST_DIR"));
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.contains("patch") {
            continue;
        }
        let patch: PatchOp = round_trip(read(&format!("tests/fixtures/rfc7644/{name}")));
        assert!(!patch.operations.is_empty(), "{name}");
        seen += 1;
    }
    assert!(
        seen >= 10,
        "every PATCH example of RFC 7644 §3.5.2, found {seen}"
    );
}

#[test]
fn patch_op_is_case_insensitive_as_entra_sends_it() {
    let patch: PatchOp = serde_json::from_str(
        r#"{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"active","value":"False"}]}"#,
    )
    .unwrap();
    assert_eq!(patch.operations[0].op, PatchOperationKind::Replace);
    assert!(serde_json::from_str::<PatchOp>(r#"{"Operations":[{"op":"merge"}]}"#).is_err());
}

#[test]
fn rfc7644_errors() {
    let err: Error = round_trip(read("tests/fixtures/rfc7644/3.12-error-mutability.json"));
    assert_eq!(
        (err.status, err.scim_type),
        (400, Some(ScimType::Mutability))
    );
    let err: Error = round_trip(read("tests/fixtures/rfc7644/3.12-error-not-found.json"));
    assert_eq!((err.status, err.scim_type), (404, None));
    // A number is read too, and unknown keywords are kept.
    let err: Error =
        serde_json::from_str(r#"{"status": 409, "scimType": "quotaExceeded"}"#).unwrap();
    assert_eq!(err.status, 409);
    assert_eq!(err.scim_type, Some(ScimType::Other("quotaExceeded".into())));
    assert!(serde_json::from_str::<Error>(r#"{"status": "teapot"}"#).is_err());
}

#[test]
fn rfc7644_bulk() {
    let req: BulkRequest = round_trip(read("tests/fixtures/rfc7644/3.7.3-bulk-request.json"));
    assert!(req.operations.len() >= 2);
    let res: BulkResponse = round_trip(read("tests/fixtures/rfc7644/3.7.3-bulk-response.json"));
    assert!(res
        .operations
        .iter()
        .all(|o| (200..600).contains(&o.status)));
}

#[test]
fn scim2_server_captures_parse() {
    // Real responses of scim2-server: status as a string, ETags, the served discovery documents.
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../testdata/scim2-server-captures"
    );
    let entries = std::fs::read_dir(dir).expect("the scim2-server captures in testdata/");
    let mut parsed = 0;
    for entry in entries {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".body") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let Ok(json) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        let schemas = json["schemas"].to_string();
        if schemas.contains("messages:2.0:Error") {
            scim_runtime::payload::from_value::<Error>(json)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        } else if schemas.contains("ListResponse") {
            scim_runtime::payload::from_value::<ListResponse<Value>>(json)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        } else if schemas.contains("core:2.0:User") {
            round_trip::<User>(json);
        } else if schemas.contains("core:2.0:Group") {
            round_trip::<Group>(json);
        } else {
            continue;
        }
        parsed += 1;
    }
    assert!(parsed > 20, "parsed {parsed}");
}

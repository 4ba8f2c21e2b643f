//! The types generated in `build.rs` behave as the dump describes them.

use scim_example_build_rs::scim::{EnterpriseUser, Group, User};
use scim_example_build_rs::SCHEMAS_JSON;
use scim_runtime::message::ListResponse;
use scim_runtime::{Context, Resource, Schema};
use serde_json::{json, Value};

const ENTERPRISE: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

fn served_schemas() -> Vec<Schema> {
    let list: ListResponse<Schema> = scim_runtime::payload::from_str(SCHEMAS_JSON).unwrap();
    list.resources
}

fn served(id: &str) -> Schema {
    served_schemas()
        .into_iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("{id} is in the dump"))
}

#[test]
fn extension_attributes_round_trip() {
    let sent = json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE],
        "id": "2819c223",
        "userName": "bjensen",
        ENTERPRISE: {
            "employeeNumber": "701984",
            "manager": {"value": "26118915", "$ref": "../Users/26118915"}
        }
    });
    let user = User::from_value_in(sent.clone(), Context::QueryResponse).unwrap();
    let extension = user.enterprise_user.as_ref().unwrap();
    assert_eq!(extension.employee_number.as_deref(), Some("701984"));
    let manager = extension.manager.as_ref().unwrap();
    assert_eq!(manager.value.as_deref(), Some("26118915"));
    assert_eq!(user.to_json_in(Context::QueryResponse, None), sent);
}

#[test]
fn contexts_follow_the_dump() {
    let user = User {
        id: Some("2819c223".to_owned()),
        user_name: Some("bjensen".to_owned()),
        password: Some("secret".to_owned()),
        enterprise_user: Some(EnterpriseUser {
            department: Some("Tour Operations".to_owned()),
            ..EnterpriseUser::default()
        }),
        ..User::default()
    };
    // `id` is readOnly: left out of a creation request.
    let request = user.to_json_in(Context::CreationRequest, None);
    assert!(request.get("id").is_none());
    assert_eq!(request["password"], "secret");
    assert_eq!(request[ENTERPRISE]["department"], "Tour Operations");
    // `password` is returned: never.
    let response = user.to_json_in(Context::QueryResponse, None);
    assert!(response.get("password").is_none());
    let violations = user.validate(Context::QueryResponse).unwrap_err();
    assert!(violations.to_string().contains("password"), "{violations}");
    // `userName` is required in the dump.
    let nameless = User::default();
    let violations = nameless.validate(Context::CreationRequest).unwrap_err();
    assert!(violations.to_string().contains("userName"), "{violations}");
}

#[test]
fn schemas_equal_the_dump() {
    for (generated, id) in [
        (User::schema(), "urn:ietf:params:scim:schemas:core:2.0:User"),
        (
            Group::schema(),
            "urn:ietf:params:scim:schemas:core:2.0:Group",
        ),
        (User::schemas().into_iter().nth(1).unwrap(), ENTERPRISE),
    ] {
        let dump = served(id);
        assert_eq!(generated.id, dump.id);
        assert_eq!(generated.name, dump.name);
        assert_eq!(generated.description, dump.description);
        assert_eq!(generated.attributes, dump.attributes, "{id}");
    }
    let drift = scim_runtime::drift::against::<User>(&served_schemas());
    assert!(drift.is_empty(), "{drift}");
}

#[test]
fn resource_types_equal_the_dump() {
    let list: ListResponse<Value> =
        scim_runtime::payload::from_str(include_str!("../scim/ResourceTypes.json")).unwrap();
    let user = User::resource_type();
    let served = &list.resources[0];
    assert_eq!(served["endpoint"], "/Users");
    assert_eq!(user.endpoint.as_deref(), Some("/Users"));
    let extensions: Vec<(Option<&str>, Option<bool>)> = user
        .schema_extensions
        .iter()
        .map(|e| (e.schema.as_deref(), e.required))
        .collect();
    assert_eq!(extensions, [(Some(ENTERPRISE), Some(false))]);
    assert_eq!(
        served["schemaExtensions"],
        json!([{"schema": ENTERPRISE, "required": false}])
    );
    assert_eq!(Group::resource_type().endpoint.as_deref(), Some("/Groups"));
}

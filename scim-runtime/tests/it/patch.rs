//! The PATCH engine (RFC 7644 §3.5.2): every rule and every error `scimType`, on the standard
//! User and Group, a derived type with immutable attributes, and dynamic resources.

use scim_runtime::dynamic::DynamicType;
use scim_runtime::message::PatchOp;
use scim_runtime::patch::{self, PatchError};
use scim_runtime::{Context, Group, Meta, OtherAttributes, Resource, ScimResource, ScimType, User};
use serde_json::{json, Value};

const ENTERPRISE: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

fn user() -> Value {
    json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE],
        "id": "2819c223-7f76-453a-919d-413861904646",
        "externalId": "bjensen",
        "meta": {"resourceType": "User", "created": "2010-01-23T04:56:22Z",
                 "lastModified": "2011-05-13T04:42:34Z", "version": "W/\"a330bc54f0671c9\""},
        "userName": "bjensen",
        "name": {"formatted": "Ms. Barbara J Jensen III", "familyName": "Jensen", "givenName": "Barbara"},
        "displayName": "Babs Jensen",
        "active": true,
        "password": "t1meMa$heen",
        "emails": [
            {"value": "bjensen@example.com", "type": "work", "primary": true},
            {"value": "babs@jensen.org", "type": "home"}
        ],
        "addresses": [
            {"type": "work", "streetAddress": "100 Universal City Plaza", "locality": "Hollywood",
             "region": "CA", "postalCode": "91608", "country": "USA"},
            {"type": "home", "streetAddress": "456 Hollywood Blvd", "locality": "Hollywood",
             "region": "CA", "postalCode": "91608", "country": "USA"}
        ],
        "phoneNumbers": [{"value": "555-555-5555", "type": "work"}],
        ENTERPRISE: {"employeeNumber": "701984", "department": "Tour Operations",
                     "manager": {"value": "26118915-6090-4610-87e4-49d8ca9f808d"}}
    })
}

fn group() -> Value {
    json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
        "id": "acbf3ae7-8463-4692-b4fd-9b4da3f908ce",
        "displayName": "Tour Guides",
        "members": [
            {"value": "2819c223-7f76-453a-919d-413861904646", "type": "User"},
            {"value": "902c246b-6245-4190-8e05-00816be7344a", "type": "User"}
        ]
    })
}

fn ops(operations: Value) -> Value {
    json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": operations})
}

/// Applies a PATCH body to a typed resource given as JSON; the result in the Default context.
fn apply_typed<R: Resource>(resource: Value, body: Value) -> Result<Value, PatchError> {
    let mut resource: R = serde_json::from_value(resource).expect("a valid resource");
    let before = resource.to_json_in(Context::Default, None);
    let patch: PatchOp<R> = serde_json::from_value(body).expect("a valid PatchOp");
    let result = patch::apply(&mut resource, &patch);
    let after = resource.to_json_in(Context::Default, None);
    match result {
        Ok(()) => Ok(after),
        Err(e) => {
            assert_eq!(
                before, after,
                "a failed PATCH leaves the resource unchanged"
            );
            Err(e)
        }
    }
}

/// Applies the body to a User, typed and dynamic, and checks that both engines agree.
fn apply_user(body: Value) -> Result<Value, PatchError> {
    let typed = apply_typed::<User>(user(), body.clone());
    let dynamic = apply_dynamic(&User::schemas(), user(), body);
    match (&typed, &dynamic) {
        (Ok(t), Ok(d)) => assert_eq!(t, d, "typed and dynamic results differ"),
        (Err(t), Err(d)) => assert_eq!(t, d, "typed and dynamic errors differ"),
        _ => panic!("typed {typed:?} but dynamic {dynamic:?}"),
    }
    typed
}

fn apply_group(body: Value) -> Result<Value, PatchError> {
    let typed = apply_typed::<Group>(group(), body.clone());
    let dynamic = apply_dynamic(&Group::schemas(), group(), body);
    match (&typed, &dynamic) {
        (Ok(t), Ok(d)) => assert_eq!(t, d, "typed and dynamic results differ"),
        (Err(t), Err(d)) => assert_eq!(t, d, "typed and dynamic errors differ"),
        _ => panic!("typed {typed:?} but dynamic {dynamic:?}"),
    }
    typed
}

fn apply_dynamic(
    schemas: &[scim_runtime::Schema],
    resource: Value,
    body: Value,
) -> Result<Value, PatchError> {
    let extensions: Vec<_> = schemas[1..].iter().map(|s| (s, false)).collect();
    let ty = DynamicType::new("T", "/T", &schemas[0], &extensions).expect("a dynamic type");
    let mut resource = ty.from_value(resource).expect("a valid resource");
    let before = resource.clone();
    let patch: PatchOp = serde_json::from_value(body).expect("a valid PatchOp");
    match resource.apply_patch(&patch) {
        Ok(()) => Ok(resource.to_json_in(Context::Default, None)),
        Err(e) => {
            assert_eq!(
                before, resource,
                "a failed PATCH leaves the resource unchanged"
            );
            Err(e)
        }
    }
}

fn error_type(result: Result<Value, PatchError>) -> ScimType {
    result.expect_err("the PATCH fails").scim_type()
}

// --- RFC 7644 §3.5.2.1 (add) ---

#[test]
fn rfc_add_member_to_group() {
    let out = apply_group(ops(json!([{"op": "add", "path": "members",
        "value": [{"display": "Babs Jensen", "$ref": "https://example.com/v2/Users/2819c223",
                   "value": "2819c223-7f76-453a-919d-413861904647"}]}])));
    // `display` is not declared by the RFC 7643 §8.7.1 Group schema, but it is a default
    // sub-attribute of every multi-valued attribute (RFC 7643 §2.4): kept.
    let members = out.unwrap()["members"].as_array().unwrap().clone();
    assert_eq!(members.len(), 3);
    assert_eq!(members[2]["display"], "Babs Jensen");
    assert_eq!(members[2]["value"], "2819c223-7f76-453a-919d-413861904647");

    // Any other undeclared sub-attribute is refused.
    let out = apply_group(ops(json!([{"op": "add", "path": "members",
        "value": [{"nickname": "Babs", "value": "2819c223-7f76-453a-919d-413861904647"}]}])));
    assert_eq!(error_type(out), ScimType::InvalidValue);

    let out = apply_group(ops(json!([{"op": "add", "path": "members",
        "value": [{"$ref": "https://example.com/v2/Users/2819c223",
                   "value": "2819c223-7f76-453a-919d-413861904647"}]}])))
    .unwrap();
    let members = out["members"].as_array().unwrap();
    assert_eq!(members.len(), 3);
    assert_eq!(members[2]["value"], "2819c223-7f76-453a-919d-413861904647");
}

#[test]
fn add_of_a_value_already_there_changes_nothing() {
    let out = apply_group(ops(json!([{"op": "add", "path": "members",
        "value": [{"value": "2819c223-7f76-453a-919d-413861904646", "type": "user"}]}])))
    .unwrap();
    assert_eq!(out["members"].as_array().unwrap().len(), 2);
}

#[test]
fn rfc_add_without_path_merges_attributes() {
    let out = apply_user(ops(json!([{"op": "add", "value": {
        "emails": [{"value": "babs@jensen.org", "type": "home"}, {"value": "b@new.org", "type": "other"}],
        "nickname": "Babs"}}])))
    .unwrap();
    assert_eq!(
        out["nickName"], "Babs",
        "attribute names are case-insensitive"
    );
    assert_eq!(
        out["emails"].as_array().unwrap().len(),
        3,
        "one new email, one already there"
    );
    assert_eq!(
        out["userName"], "bjensen",
        "attributes not named are left alone"
    );
}

#[test]
fn add_to_a_complex_attribute_keeps_other_sub_attributes() {
    let out = apply_user(ops(
        json!([{"op": "add", "path": "name", "value": {"middleName": "Jane"}}]),
    ))
    .unwrap();
    assert_eq!(out["name"]["middleName"], "Jane");
    assert_eq!(out["name"]["givenName"], "Barbara");
}

// --- RFC 7644 §3.5.2.2 (remove) ---

#[test]
fn rfc_remove_single_member() {
    let out = apply_group(ops(json!([{"op": "remove",
        "path": "members[value eq \"2819c223-7f76-453a-919d-413861904646\"]"}])))
    .unwrap();
    assert_eq!(
        out["members"],
        json!([{"value": "902c246b-6245-4190-8e05-00816be7344a", "type": "User"}])
    );
}

#[test]
fn rfc_remove_all_members() {
    let out = apply_group(ops(json!([{"op": "remove", "path": "members"}]))).unwrap();
    assert!(out.get("members").is_none());
}

#[test]
fn rfc_remove_multi_valued_by_complex_filter() {
    let out = apply_user(ops(json!([{"op": "remove",
        "path": "emails[type eq \"work\" and value ew \"example.com\"]"}])))
    .unwrap();
    assert_eq!(
        out["emails"],
        json!([{"value": "babs@jensen.org", "type": "home"}])
    );
}

#[test]
fn rfc_remove_all_members_then_add() {
    let out = apply_group(ops(json!([
        {"op": "remove", "path": "members"},
        {"op": "add", "path": "members", "value": [{"value": "2819c223-7f76-453a-919d-413861904646"}]}
    ])))
    .unwrap();
    assert_eq!(
        out["members"],
        json!([{"value": "2819c223-7f76-453a-919d-413861904646"}])
    );
}

#[test]
fn remove_whose_filter_matches_nothing_succeeds() {
    // scim2-server answers 204 (captures/24-patch-remove-nomatch).
    let out = apply_user(ops(
        json!([{"op": "remove", "path": "emails[type eq \"nonexistent\"]"}]),
    ))
    .unwrap();
    assert_eq!(out, apply_typed::<User>(user(), ops(json!([]))).unwrap());
}

#[test]
fn remove_sub_attribute_of_filtered_values() {
    let out = apply_user(ops(
        json!([{"op": "remove", "path": "addresses[type eq \"work\"].region"}]),
    ))
    .unwrap();
    assert!(out["addresses"][0].get("region").is_none());
    assert_eq!(out["addresses"][1]["region"], "CA");
}

#[test]
fn entra_remove_with_value_removes_listed_members() {
    let out = apply_group(ops(json!([{"op": "Remove", "path": "members",
        "value": [{"value": "2819c223-7f76-453a-919d-413861904646"}]}])))
    .unwrap();
    assert_eq!(
        out["members"],
        json!([{"value": "902c246b-6245-4190-8e05-00816be7344a", "type": "User"}])
    );
}

// --- RFC 7644 §3.5.2.3 (replace) ---

#[test]
fn rfc_replace_all_members() {
    let out = apply_group(ops(json!([{"op": "replace", "path": "members",
        "value": [{"value": "2819c223-7f76-453a-919d-413861904646"},
                  {"value": "9b4da3f9-08ce-4692-b4fd-acbf3ae78463"}]}])))
    .unwrap();
    assert_eq!(
        out["members"],
        json!([{"value": "2819c223-7f76-453a-919d-413861904646"},
        {"value": "9b4da3f9-08ce-4692-b4fd-acbf3ae78463"}])
    );
}

#[test]
fn rfc_replace_work_address() {
    let out = apply_user(ops(json!([{"op": "replace", "path": "addresses[type eq \"work\"]",
        "value": {"type": "work", "streetAddress": "911 Universal City Plaza", "locality": "Hollywood",
                  "region": "CA", "postalCode": "91608", "country": "US",
                  "formatted": "911 Universal City Plaza\nHollywood, CA 91608 US"}}])))
    .unwrap();
    assert_eq!(
        out["addresses"][0]["streetAddress"],
        "911 Universal City Plaza"
    );
    assert_eq!(out["addresses"][0]["country"], "US");
    assert_eq!(out["addresses"][1]["streetAddress"], "456 Hollywood Blvd");
}

#[test]
fn rfc_replace_street_of_work_address() {
    let out = apply_user(ops(json!([{"op": "replace",
        "path": "addresses[type eq \"work\"].streetAddress", "value": "1010 Broadway Ave"}])))
    .unwrap();
    assert_eq!(out["addresses"][0]["streetAddress"], "1010 Broadway Ave");
    assert_eq!(out["addresses"][0]["locality"], "Hollywood");
}

#[test]
fn rfc_replace_without_path() {
    let out = apply_user(ops(json!([{"op": "replace", "value": {
        "emails": [{"value": "bjensen@example.com", "type": "work", "primary": true},
                   {"value": "babs@jensen.org", "type": "home"}],
        "nickname": "Babs"}}])))
    .unwrap();
    assert_eq!(out["nickName"], "Babs");
    assert_eq!(out["emails"].as_array().unwrap().len(), 2);
}

#[test]
fn replace_filtered_value_sub_attribute() {
    let out = apply_user(ops(
        json!([{"op": "replace", "path": "emails[type eq \"work\"].value",
        "value": "barbara@example.com"}]),
    ))
    .unwrap();
    assert_eq!(out["emails"][0]["value"], "barbara@example.com");
    assert_eq!(out["emails"][1]["value"], "babs@jensen.org");
}

#[test]
fn replace_with_null_unassigns() {
    let out = apply_user(ops(
        json!([{"op": "replace", "path": "displayName", "value": null}]),
    ))
    .unwrap();
    assert!(out.get("displayName").is_none());
}

// --- extensions ---

#[test]
fn extension_attribute_paths() {
    let out = apply_user(ops(json!([
        {"op": "replace", "path": format!("{ENTERPRISE}:department"), "value": "R&D"},
        {"op": "replace", "path": format!("{ENTERPRISE}:manager.value"), "value": "m-2"}
    ])))
    .unwrap();
    assert_eq!(out[ENTERPRISE]["department"], "R&D");
    assert_eq!(out[ENTERPRISE]["manager"]["value"], "m-2");
    assert_eq!(out[ENTERPRISE]["employeeNumber"], "701984");
}

#[test]
fn extension_urn_path_with_complex_value() {
    let out = apply_user(ops(json!([{"op": "add", "path": ENTERPRISE,
        "value": {"costCenter": "4130", "MANAGER": {"value": "m-3"}}}])))
    .unwrap();
    assert_eq!(out[ENTERPRISE]["costCenter"], "4130");
    assert_eq!(out[ENTERPRISE]["manager"]["value"], "m-3");
    assert_eq!(out[ENTERPRISE]["department"], "Tour Operations");
}

#[test]
fn no_path_value_with_extension_block() {
    let out = apply_user(ops(json!([{"op": "replace", "value": {
        "displayName": "BJ", ENTERPRISE: {"division": "Theme Park"}}}])))
    .unwrap();
    assert_eq!(out["displayName"], "BJ");
    assert_eq!(out[ENTERPRISE]["division"], "Theme Park");
    assert_eq!(out[ENTERPRISE]["employeeNumber"], "701984");
}

#[test]
fn removing_whole_extension() {
    let out = apply_user(ops(json!([{"op": "remove", "path": ENTERPRISE}]))).unwrap();
    assert!(out.get(ENTERPRISE).is_none());
    assert_eq!(
        out["schemas"],
        json!(["urn:ietf:params:scim:schemas:core:2.0:User"])
    );
}

#[test]
fn removing_last_extension_attribute_drops_the_block() {
    let mut u = user();
    u[ENTERPRISE] = json!({"department": "x"});
    let out = apply_typed::<User>(
        u,
        ops(json!([{"op": "remove", "path": format!("{ENTERPRISE}:department")}])),
    )
    .unwrap();
    assert!(out.get(ENTERPRISE).is_none());
}

// --- primary (RFC 7643 §2.4) ---

#[test]
fn new_primary_unmarks_the_others() {
    let out = apply_user(ops(json!([{"op": "add", "path": "emails",
        "value": [{"value": "new@example.com", "type": "other", "primary": true}]}])))
    .unwrap();
    assert_eq!(out["emails"][0]["primary"], false);
    assert_eq!(out["emails"][2]["primary"], true);

    let out = apply_user(ops(
        json!([{"op": "replace", "path": "emails[type eq \"home\"].primary",
        "value": true}]),
    ))
    .unwrap();
    assert_eq!(out["emails"][0]["primary"], false);
    assert_eq!(out["emails"][1]["primary"], true);
}

#[test]
fn two_values_marked_primary_at_once_are_refused() {
    let out = apply_user(ops(json!([{"op": "replace", "path": "emails", "value": [
        {"value": "a@example.com", "primary": true}, {"value": "b@example.com", "primary": true}]}])));
    assert_eq!(error_type(out), ScimType::InvalidValue);
}

// --- quirks ---

#[test]
fn op_in_any_case_and_booleans_as_strings() {
    let out = apply_user(ops(json!([
        {"op": "Replace", "path": "active", "value": "False"},
        {"op": "ADD", "path": "emails[type eq \"home\"].primary", "value": "True"}
    ])))
    .unwrap();
    assert_eq!(out["active"], false);
    assert_eq!(out["emails"][1]["primary"], true);
}

#[test]
fn attribute_names_in_any_case() {
    let out = apply_user(ops(json!([
        {"op": "replace", "path": "NAME.GIVENNAME", "value": "Barb"},
        {"op": "replace", "path": "EMAILS[TYPE eq \"work\"].VALUE", "value": "b@example.com"}
    ])))
    .unwrap();
    assert_eq!(out["name"]["givenName"], "Barb");
    assert_eq!(out["emails"][0]["value"], "b@example.com");
}

// --- errors ---

#[test]
fn unknown_path_is_invalid_path() {
    let e = apply_user(ops(
        json!([{"op": "replace", "path": "bogusAttr", "value": "x"}]),
    ))
    .unwrap_err();
    assert_eq!(e.scim_type(), ScimType::InvalidPath);
    assert_eq!(e.index(), Some(0));
    assert_eq!(e.path(), Some("bogusAttr"));
    assert_eq!(
        e.to_string(),
        "operation 0 (replace `bogusAttr`): 'bogusAttr' is not an attribute of the schema"
    );
    for path in [
        "name.bogus",
        "userName.value",
        "urn:example:unknown:1.0:User:x",
        "emails[type eq \"work\"].bogus",
    ] {
        let out = apply_user(ops(json!([{"op": "replace", "path": path, "value": "x"}])));
        assert_eq!(error_type(out), ScimType::InvalidPath, "{path}");
    }
}

#[test]
fn malformed_paths_are_invalid_path_and_filters_on_single_values_invalid_filter() {
    // As scim2-server answers: a path that does not parse, value filter included, is
    // `invalidPath`; a value filter on a single-valued attribute is `invalidFilter`.
    for path in [
        "emails[type eq]",
        "emails[type xx \"work\"]",
        "emails[type eq \"work\"",
        "emails..value",
    ] {
        let out = apply_user(ops(json!([{"op": "replace", "path": path, "value": "x"}])));
        assert_eq!(error_type(out), ScimType::InvalidPath, "{path}");
    }
    let out = apply_user(ops(
        json!([{"op": "replace", "path": "name[givenName eq \"Barbara\"].familyName", "value": "x"}]),
    ));
    assert_eq!(error_type(out), ScimType::InvalidFilter);
}

#[test]
fn filter_matching_nothing_is_no_target_for_add_and_replace() {
    for op in ["add", "replace"] {
        let out = apply_user(ops(
            json!([{"op": op, "path": "emails[type eq \"nope\"].value", "value": "x"}]),
        ));
        assert_eq!(error_type(out), ScimType::NoTarget, "{op}");
    }
}

#[test]
fn remove_without_path_is_no_target() {
    let e = apply_user(ops(json!([{"op": "remove"}]))).unwrap_err();
    assert_eq!(e.scim_type(), ScimType::NoTarget);
    assert_eq!(
        e.to_string(),
        "operation 0 (remove without a path): Remove operation requires a path"
    );
}

#[test]
fn read_only_attributes_are_mutability() {
    for (op, path) in [
        ("replace", "id"),
        ("add", "groups"),
        ("remove", "meta"),
        ("replace", "meta.created"),
    ] {
        let out = apply_user(ops(json!([{"op": op, "path": path, "value": "x"}])));
        assert_eq!(error_type(out), ScimType::Mutability, "{op} {path}");
    }
    let out = apply_user(ops(json!([{"op": "replace", "value": {"id": "other"}}])));
    assert_eq!(error_type(out), ScimType::Mutability);
    // The same value, as a client sends back what it read, is accepted.
    apply_user(ops(json!([{"op": "replace", "value": {"id": "2819c223-7f76-453a-919d-413861904646", "nickName": "B"}}])))
        .unwrap();
}

#[test]
fn required_attribute_cannot_be_removed() {
    let out = apply_user(ops(json!([{"op": "remove", "path": "userName"}])));
    assert_eq!(error_type(out), ScimType::Mutability);
}

#[test]
fn immutable_values_cannot_change_once_set() {
    let out = apply_group(ops(json!([{"op": "replace",
        "path": "members[value eq \"2819c223-7f76-453a-919d-413861904646\"].value", "value": "other"}])));
    assert_eq!(error_type(out), ScimType::Mutability);
}

/// A device with an immutable serial number.
#[derive(Clone, PartialEq, Default, ScimResource)]
#[scim(
    resource,
    schema = "urn:example:scim:schemas:Device",
    name = "Device",
    endpoint = "/Devices"
)]
pub struct Device {
    /// id
    pub id: Option<String>,
    /// externalId
    pub external_id: Option<String>,
    /// meta
    pub meta: Option<Meta>,
    /// The serial number.
    #[scim(mutability = "immutable")]
    pub serial_number: Option<String>,
    /// A label.
    pub label: Option<String>,
    /// Other attributes.
    #[scim(other)]
    pub other: OtherAttributes,
}

#[test]
fn immutable_attribute_may_be_added_when_unset() {
    let body = ops(json!([{"op": "add", "path": "serialNumber", "value": "SN-1"}]));
    let out = apply_typed::<Device>(json!({"label": "a"}), body.clone()).unwrap();
    assert_eq!(out["serialNumber"], "SN-1");
    let again = apply_typed::<Device>(
        out.clone(),
        ops(json!([{"op": "replace", "path": "serialNumber", "value": "SN-2"}])),
    );
    assert_eq!(error_type(again), ScimType::Mutability);
    // Writing the value it already has is no change.
    apply_typed::<Device>(out.clone(), body).unwrap();
    let removed =
        apply_typed::<Device>(out, ops(json!([{"op": "remove", "path": "serialNumber"}])));
    assert_eq!(error_type(removed), ScimType::Mutability);
}

#[test]
fn wrong_value_types_are_invalid_value() {
    for (path, value) in [
        ("active", json!("maybe")),
        ("emails", json!(42)),
        ("name", json!("x")),
        ("userName", json!({"a": 1})),
        ("displayName", json!(["a"])),
    ] {
        let out = apply_user(ops(
            json!([{"op": "replace", "path": path, "value": value}]),
        ));
        assert_eq!(error_type(out), ScimType::InvalidValue, "{path}");
    }
    let out = apply_user(ops(json!([{"op": "replace", "value": {"bogus": 1}}])));
    assert_eq!(error_type(out), ScimType::InvalidValue);
    let out = apply_user(ops(json!([{"op": "replace", "value": "not an object"}])));
    assert_eq!(error_type(out), ScimType::InvalidValue);
}

#[test]
fn missing_value_is_invalid_value() {
    for op in ["add", "replace"] {
        let out = apply_user(ops(json!([{"op": op, "path": "nickName"}])));
        assert_eq!(error_type(out), ScimType::InvalidValue, "{op}");
    }
    let out = apply_user(ops(
        json!([{"op": "add", "path": "nickName", "value": null}]),
    ));
    assert_eq!(error_type(out), ScimType::InvalidValue);
}

#[test]
fn failed_request_is_atomic_and_says_which_operation() {
    let e = apply_user(ops(json!([
        {"op": "replace", "path": "displayName", "value": "changed"},
        {"op": "remove", "path": "emails[type eq \"work\"]"},
        {"op": "replace", "path": "emails[type eq \"work\"].value", "value": "x"}
    ])))
    .unwrap_err();
    // apply_typed and apply_dynamic check that the resource is unchanged.
    assert_eq!(e.index(), Some(2));
    assert_eq!(e.scim_type(), ScimType::NoTarget);
    assert_eq!(e.to_string(),
        "operation 2 (replace `emails[type eq \"work\"].value`): no value of 'emails' matches the path filter");
}

#[test]
fn patch_error_is_a_scim_400() {
    let e = apply_user(ops(json!([{"op": "replace", "path": "id", "value": "x"}]))).unwrap_err();
    let scim: scim_runtime_server::ScimError = e.into();
    assert_eq!(scim.status, 400);
    assert_eq!(scim.scim_type, Some(ScimType::Mutability));
}

#[test]
fn password_can_be_replaced() {
    let mut u: User = serde_json::from_value(user()).unwrap();
    let body: PatchOp<User> = serde_json::from_value(ops(
        json!([{"op": "replace", "path": "password", "value": "n3w"}]),
    ))
    .unwrap();
    patch::apply(&mut u, &body).unwrap();
    assert_eq!(u.password.as_deref(), Some("n3w"));
}

// --- PUT (RFC 7644 §3.5.1) ---

#[test]
fn put_copies_read_only_and_keeps_omitted_write_only() {
    let mut stored_json = user();
    stored_json["groups"] = json!([{"value": "e9e30dba", "display": "Tour Guides"}]);
    let stored: User = serde_json::from_value(stored_json).unwrap();
    let replacement: User = serde_json::from_value(json!({
        "id": "forged", "userName": "bjensen", "displayName": "Barbara",
        "meta": {"resourceType": "User", "version": "W/\"forged\""},
        "groups": [{"value": "forged"}]
    }))
    .unwrap();
    let put = patch::apply_put(&stored, replacement).unwrap();
    assert_eq!(
        put.id, stored.id,
        "readOnly id is copied from the stored resource"
    );
    assert_eq!(put.meta, stored.meta, "readOnly meta is copied");
    assert_eq!(put.groups, stored.groups, "readOnly groups are copied");
    assert_eq!(
        put.password.as_deref(),
        Some("t1meMa$heen"),
        "omitted writeOnly is kept"
    );
    assert_eq!(put.display_name.as_deref(), Some("Barbara"));
    assert!(
        put.emails.is_empty(),
        "omitted readWrite attributes are not kept"
    );

    let replacement: User =
        serde_json::from_value(json!({"userName": "bjensen", "password": "n3w"})).unwrap();
    let put = patch::apply_put(&stored, replacement).unwrap();
    assert_eq!(
        put.password.as_deref(),
        Some("n3w"),
        "a given writeOnly value replaces it"
    );
}

#[test]
fn put_checks_immutable_values() {
    let stored: Device =
        serde_json::from_value(json!({"id": "d1", "serialNumber": "SN-1"})).unwrap();
    let same: Device =
        serde_json::from_value(json!({"serialNumber": "SN-1", "label": "x"})).unwrap();
    assert_eq!(
        patch::apply_put(&stored, same).unwrap().label.as_deref(),
        Some("x")
    );
    let omitted: Device = serde_json::from_value(json!({"label": "y"})).unwrap();
    let put = patch::apply_put(&stored, omitted).unwrap();
    assert_eq!(
        put.serial_number.as_deref(),
        Some("SN-1"),
        "an omitted immutable value is kept"
    );
    let changed: Device = serde_json::from_value(json!({"serialNumber": "SN-2"})).unwrap();
    let e = patch::apply_put(&stored, changed).unwrap_err();
    assert_eq!(e.scim_type(), ScimType::Mutability);
    assert_eq!(e.path(), Some("serialNumber"));
    assert_eq!(e.to_string(), "`serialNumber`: 'serialNumber' is immutable");
    let unset: Device = serde_json::from_value(json!({"id": "d2"})).unwrap();
    let first: Device = serde_json::from_value(json!({"serialNumber": "SN-9"})).unwrap();
    let put = patch::apply_put(&unset, first).unwrap();
    assert_eq!(
        put.serial_number.as_deref(),
        Some("SN-9"),
        "nothing stored yet: applied"
    );
}

#[test]
fn put_checks_immutable_sub_attributes_of_matched_values() {
    let stored: Group = serde_json::from_value(group()).unwrap();
    let replacement: Group = serde_json::from_value(json!({"displayName": "Tour Guides",
        "members": [{"value": "2819c223-7f76-453a-919d-413861904646", "type": "Group"}]}))
    .unwrap();
    let e = patch::apply_put(&stored, replacement).unwrap_err();
    assert_eq!(e.scim_type(), ScimType::Mutability);
    assert_eq!(e.path(), Some("members.type"));
}

#[test]
fn an_extension_written_whole_may_carry_its_schemas() {
    // scim2-models (and so scim2-tester) serializes an extension value with its `schemas`.
    for op in ["add", "replace"] {
        let patched = apply_user(ops(json!([{"op": op, "path": ENTERPRISE,
            "value": {"schemas": [ENTERPRISE], "costCenter": "4130"}}])))
        .unwrap();
        assert_eq!(patched[ENTERPRISE]["costCenter"], "4130", "{op}");
        assert!(patched[ENTERPRISE].get("schemas").is_none(), "{op}");
    }
    // Any other undeclared key is still refused.
    let e = apply_user(ops(json!([{"op": "add", "path": ENTERPRISE,
        "value": {"favouriteColour": "blue"}}])));
    assert_eq!(error_type(e), ScimType::InvalidValue);
}

#[test]
fn json_objects_keep_schemas_in_step() {
    let shape = patch::ResourceShape::of::<User>();
    let mut object = user().as_object().unwrap().clone();
    let request: PatchOp =
        serde_json::from_value(ops(json!([{"op": "remove", "path": ENTERPRISE}]))).unwrap();
    patch::apply_to_json(&mut object, &shape, &request.operations).unwrap();
    assert_eq!(
        object["schemas"],
        json!(["urn:ietf:params:scim:schemas:core:2.0:User"])
    );
    let request: PatchOp = serde_json::from_value(ops(
        json!([{"op": "add", "path": format!("{ENTERPRISE}:department"), "value": "x"}]),
    ))
    .unwrap();
    patch::apply_to_json(&mut object, &shape, &request.operations).unwrap();
    assert_eq!(
        object["schemas"],
        json!(["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE])
    );
    assert_eq!(object[ENTERPRISE], json!({"department": "x"}));
}

#[test]
fn rfc_replace_work_address_with_primary() {
    // RFC 7644 §3.5.2.3: `primary` is a default sub-attribute of every multi-valued attribute
    // (RFC 7643 §2.4), though the §8.7.1 schema of `addresses` leaves it out.
    let out = apply_user(ops(json!([{"op": "replace", "path": "addresses[type eq \"work\"]",
        "value": {"type": "work", "streetAddress": "911 Universal City Plaza", "locality": "Hollywood",
                  "region": "CA", "postalCode": "91608", "country": "US",
                  "formatted": "911 Universal City Plaza\nHollywood, CA 91608 US", "primary": true}}])))
    .unwrap();
    let work = &out["addresses"][0];
    assert_eq!(work["streetAddress"], "911 Universal City Plaza");
    assert_eq!(work["primary"], true);
    assert_eq!(out["addresses"][1]["type"], "home");
}

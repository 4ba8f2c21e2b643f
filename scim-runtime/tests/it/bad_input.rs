//! Bad input gets a typed error that names the attribute, never a panic.

use proptest::prelude::*;
use scim_runtime::payload::{self, PayloadError};
use scim_runtime::{Context, Group, Resource, ScimType, User, ViolationKind};
use serde_json::{json, Value};

const USER: &str = "urn:ietf:params:scim:schemas:core:2.0:User";

fn invalid_path(result: Result<User, PayloadError>) -> (String, String) {
    match result {
        Err(PayloadError::Invalid { path, message, .. }) => (path, message),
        other => panic!("expected an invalid-value error, got {other:?}"),
    }
}

#[test]
fn a_wrong_json_type_names_the_attribute() {
    let (path, message) = invalid_path(payload::from_str(r#"{"userName": 42}"#));
    assert_eq!(path, "userName");
    assert!(message.contains("expected a string"), "{message}");

    let (path, message) = invalid_path(payload::from_str(
        r#"{"emails": [{"value": "a"}, {"primary": "maybe"}]}"#,
    ));
    assert_eq!(path, "emails[1].primary");
    assert!(message.contains("maybe"), "{message}");

    let (path, _) = invalid_path(payload::from_str(r#"{"name": "Barbara"}"#));
    assert_eq!(path, "name");

    let (path, _) = invalid_path(payload::from_str(r#"{"emails": {"value": "a"}}"#));
    assert_eq!(path, "emails");

    let (path, _) = invalid_path(payload::from_str(
        r#"{"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"manager": {"value": ["x"]}}}"#,
    ));
    assert_eq!(
        path,
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value"
    );

    let (path, message) = invalid_path(payload::from_str(r#"{"meta": {"created": "yesterday"}}"#));
    assert_eq!(path, "meta.created");
    assert!(message.contains("xsd:dateTime"), "{message}");
}

#[test]
fn the_same_attribute_twice_in_two_spellings_is_an_error() {
    let (_, message) = invalid_path(payload::from_str(r#"{"userName": "a", "USERNAME": "b"}"#));
    assert!(
        message.contains("duplicate attribute `userName`"),
        "{message}"
    );
}

#[test]
fn a_payload_of_another_resource_type_is_refused() {
    let group = r#"{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "Tour Guides"}"#;
    let (path, message) = invalid_path(payload::from_str(group));
    assert_eq!(path, "schemas");
    assert!(message.contains(USER), "{message}");
}

#[test]
fn two_primary_values_are_a_violation() {
    let body = json!({"schemas": [USER], "userName": "bjensen",
        "emails": [{"value": "a@example.com", "primary": true}, {"value": "b@example.com", "primary": true}]});
    let err = User::from_value_in(body, Context::CreationRequest).unwrap_err();
    let PayloadError::Violations(v) = err else {
        panic!("{err:?}")
    };
    assert_eq!(v.0.len(), 1);
    assert_eq!(v.0[0].path, "emails");
    assert_eq!(v.0[0].kind, ViolationKind::PrimaryNotUnique);
    assert_eq!(v.0[0].scim_type, Some(ScimType::InvalidValue));
}

#[test]
fn a_missing_required_attribute_in_a_creation_request_is_a_violation() {
    let err = User::from_value_in(
        json!({"schemas": [USER], "displayName": "Babs"}),
        Context::CreationRequest,
    )
    .unwrap_err();
    assert_eq!(err.scim_type(), Some(ScimType::InvalidValue));
    let PayloadError::Violations(v) = err else {
        panic!()
    };
    assert_eq!(
        (v.0[0].path.as_str(), v.0[0].kind),
        ("userName", ViolationKind::Required)
    );
    // null is unassigned (RFC 7643 §2.5), in a replacement as in a creation.
    let err =
        User::from_value_in(json!({"userName": null}), Context::ReplacementRequest).unwrap_err();
    let PayloadError::Violations(v) = err else {
        panic!()
    };
    assert_eq!(v.0[0].path, "userName");
    // The same payload is fine where `required` does not apply.
    assert!(User::from_value_in(json!({"userName": null}), Context::PatchRequest).is_ok());
    assert!(Group::from_value_in(
        json!({"displayName": "g", "members": []}),
        Context::CreationRequest
    )
    .is_ok());
    // A Group's displayName is REQUIRED (RFC 7643 §4.2), although the §8.7.1 schema says
    // otherwise: scim2-server and scim2-models refuse a Group without it, and so do we.
    for context in [Context::CreationRequest, Context::ReplacementRequest] {
        let err = Group::from_value_in(json!({"members": []}), context).unwrap_err();
        let PayloadError::Violations(v) = err else {
            panic!()
        };
        assert_eq!(
            (v.0[0].path.as_str(), v.0[0].kind),
            ("displayName", ViolationKind::Required)
        );
    }
    assert!(Group::from_value_in(json!({"members": []}), Context::PatchRequest).is_ok());
}

#[test]
fn write_only_and_never_returned_attributes_in_a_response_are_violations() {
    let body = json!({"schemas": [USER], "id": "1", "userName": "b", "password": "t1meMa$heen"});
    for context in [
        Context::QueryResponse,
        Context::CreationResponse,
        Context::SearchResponse,
    ] {
        let err = User::from_value_in(body.clone(), context).unwrap_err();
        let PayloadError::Violations(v) = err else {
            panic!()
        };
        assert_eq!(
            (v.0[0].path.as_str(), v.0[0].kind),
            ("password", ViolationKind::ReturnedNever),
            "{context:?}"
        );
    }
    let err = User::from_value_in(
        json!({"schemas": [USER], "userName": "b"}),
        Context::QueryResponse,
    )
    .unwrap_err();
    let PayloadError::Violations(v) = err else {
        panic!()
    };
    assert_eq!(
        (v.0[0].path.as_str(), v.0[0].kind),
        ("id", ViolationKind::ReturnedAlways)
    );
}

#[test]
fn every_violation_is_reported_not_only_the_first() {
    let body = json!({"schemas": [USER], "userName": "b", "password": "x",
        "emails": [{"value": "a", "primary": true}, {"value": "b", "primary": true}],
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {}});
    let err = User::from_value_in(body, Context::QueryResponse).unwrap_err();
    let PayloadError::Violations(v) = err else {
        panic!()
    };
    let paths: Vec<_> = v.iter().map(|v| v.path.as_str()).collect();
    assert_eq!(paths, ["id", "password", "emails"]);
}

#[test]
fn truncated_json_is_a_syntax_error_with_a_position() {
    let full = include_str!("../../../testdata/rfc7643_full_user.json");
    for cut in [1, full.len() / 3, full.len() / 2, full.len() - 2] {
        match payload::from_str::<User>(&full[..cut]) {
            Err(PayloadError::Syntax { line, message, .. }) => {
                assert!(line >= 1 && message.contains("EOF"), "{message}")
            }
            other => panic!("cut at {cut}: {other:?}"),
        }
    }
    assert_eq!(
        payload::from_str::<User>("").unwrap_err().scim_type(),
        Some(ScimType::InvalidSyntax)
    );
}

#[test]
fn ten_thousand_levels_of_nesting_are_refused_without_overflow() {
    let deep = format!(
        "{{\"userName\":\"b\",\"x\":{}{}}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    assert!(matches!(
        payload::from_str::<User>(&deep),
        Err(PayloadError::Syntax { .. })
    ));
    let deep = format!(
        "{{\"name\":{}}}",
        "{\"a\":".repeat(10_000) + "1" + &"}".repeat(10_000)
    );
    assert!(payload::from_str::<User>(&deep).is_err());
}

/// Random JSON values, biased towards the shapes of a User.
fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        "[a-zA-Z0-9 :.\"\\\\-]{0,12}".prop_map(Value::String),
        Just(json!("2011-05-13T04:42:34Z")),
        Just(json!("True")),
    ];
    let key = prop_oneof![
        Just("userName".to_owned()),
        Just("USERNAME".to_owned()),
        Just("name".to_owned()),
        Just("emails".to_owned()),
        Just("value".to_owned()),
        Just("primary".to_owned()),
        Just("active".to_owned()),
        Just("meta".to_owned()),
        Just("created".to_owned()),
        Just("schemas".to_owned()),
        Just("x509Certificates".to_owned()),
        Just("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User".to_owned()),
        Just("urn:ietf:params:scim:schemas:core:2.0:User:userName".to_owned()),
        "[a-z]{1,6}",
    ];
    leaf.prop_recursive(5, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(key.clone(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Any JSON either reads into a User or gives a typed error; what reads writes back and
    /// reads again into the same value; validation in every context never panics.
    #[test]
    fn random_json_never_panics(value in arb_json()) {
        let text = value.to_string();
        if let Ok(user) = payload::from_str::<User>(&text) {
            let again: User = payload::from_str(&serde_json::to_string(&user).unwrap()).unwrap();
            prop_assert_eq!(&again, &user);
            for context in Context::ALL {
                let _ = user.validate(context);
                let _ = user.to_json_in(context, None);
            }
        }
        let _ = payload::from_value::<User>(value);
    }
}

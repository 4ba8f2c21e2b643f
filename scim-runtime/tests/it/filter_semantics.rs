//! The rules of filter evaluation (RFC 7644 §3.4.2.2), each tried through the typed `User`, a
//! `DynamicResource` of the standard schemas, and the JSON payload through `JsonObject`, and
//! through a derived type and its dynamic twin: all must give the expected answer.

use scim_runtime::dynamic::DynamicType;
use scim_runtime::filter::{EvalError, Filter, FilterExt, JsonObject};
use scim_runtime::{
    Binary, EnterpriseUser, Extension, Meta, OtherAttributes, Resource, ScimResource, ScimType,
    User,
};
use serde_json::{json, Value};

const ENTERPRISE: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

fn user_json() -> Value {
    json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE],
        "id": "2819c223",
        "userName": "bjensen",
        "nickName": "",
        "active": true,
        "emails": [
            {"value": "bjensen@example.com", "type": "work", "primary": true},
            {"value": "babs@jensen.org", "type": "home"}
        ],
        "phoneNumbers": [],
        "x509Certificates": [{"value": "MIIDQzCCAqygAwIBAgICEAAwDQYJKoZIhvcNAQEFBQAwTjELMAkGA1UEBhMCVVMx"}],
        "meta": {"resourceType": "User", "created": "2010-01-23T04:56:22Z",
                 "lastModified": "2011-05-13T04:42:34Z"},
        "xFlag": true,
        "xCount": 3,
        "xList": ["Alpha", "beta"],
        ENTERPRISE: {"employeeNumber": "701984", "manager": {"value": "26118915", "displayName": "John"}}
    })
}

/// (filter, expected): `Ok(bool)`, or `Err(())` for `invalidFilter`.
const CASES: &[(&str, Result<bool, ()>)] = &[
    // `ne` holds when the values are not identical, also across JSON types.
    (r#"active ne "true""#, Ok(true)),
    (r#"active eq "true""#, Ok(false)),
    ("active ne true", Ok(false)),
    ("active eq true", Ok(true)),
    ("active ne 1", Ok(true)),
    ("userName ne 5", Ok(true)),
    ("userName eq 5", Ok(false)),
    ("userName ne true", Ok(true)),
    (r#"xFlag ne "true""#, Ok(true)),
    (r#"xCount ne "3""#, Ok(true)),
    ("xCount eq 3.0", Ok(true)),
    (r#"userName ne "BJENSEN""#, Ok(false)),
    // `co`, `sw`, `ew` on a dateTime compare the text.
    (r#"meta.lastModified sw "2011-05-13T04:42:34Z""#, Ok(true)),
    (r#"meta.lastModified ew "34Z""#, Ok(true)),
    (r#"meta.lastModified co "05-13""#, Ok(true)),
    (
        r#"meta.lastModified eq "2011-05-13T06:42:34+02:00""#,
        Ok(true),
    ),
    (r#"meta.lastModified sw "2011-05-13T06""#, Ok(false)),
    // Binary: the base64 text, case-exactly (RFC 7643 §2.3.6).
    (r#"x509Certificates.value sw "MIID""#, Ok(true)),
    (r#"x509Certificates.value sw "miid""#, Ok(false)),
    (r#"x509Certificates sw "MIID""#, Ok(true)),
    (r#"x509Certificates.value co "AqygAw""#, Ok(true)),
    (r#"x509Certificates.value ew "BhMCVVMx""#, Ok(true)),
    (r#"x509Certificates.value eq "MIID""#, Ok(false)),
    (r#"x509Certificates.value ne "MIID""#, Ok(true)),
    (r#"x509Certificates[value sw "MIID"]"#, Ok(true)),
    // Ordering booleans and binaries fails (RFC 7644 §3.4.2.2), with or without data.
    ("active gt false", Err(())),
    ("active le true", Err(())),
    (r#"x509Certificates.value gt "A""#, Err(())),
    (r#"x509Certificates lt "A""#, Err(())),
    ("emails.primary ge true", Err(())),
    ("emails[primary lt true]", Err(())),
    ("xFlag gt false", Err(())),
    ("phoneNumbers[primary gt true]", Err(())),
    // The failure does not hide behind `or`, `and` or `not`.
    ("userName pr or active gt false", Err(())),
    ("nickName pr and active gt false", Err(())),
    ("not (active gt false)", Err(())),
    // caseExact: `id` and binaries are case-exact, `userName` is not.
    (r#"id eq "2819C223""#, Ok(false)),
    (r#"id eq "2819c223""#, Ok(true)),
    (r#"userName sw "BJ""#, Ok(true)),
    (r#"xList eq "alpha""#, Ok(true)),
    // `pr` on empty values, empty arrays and null.
    ("nickName pr", Ok(false)),
    ("phoneNumbers pr", Ok(false)),
    ("title pr", Ok(false)),
    ("emails pr", Ok(true)),
    ("xList pr", Ok(true)),
    // `eq null` and `ne null`.
    ("title eq null", Ok(true)),
    ("title ne null", Ok(false)),
    ("userName eq null", Ok(false)),
    ("userName ne null", Ok(true)),
    ("nickName eq null", Ok(true)),
    // An unassigned attribute matches `ne` and nothing else.
    (r#"title ne "x""#, Ok(true)),
    (r#"title eq "x""#, Ok(false)),
    (r#"title co "x""#, Ok(false)),
    // A complex attribute compared as a whole is its `value`.
    (r#"emails co "example.com""#, Ok(true)),
    (r#"emails eq "BABS@jensen.org""#, Ok(true)),
    (r#"name eq "x""#, Ok(false)),
    // Value filters, nested in extensions too.
    (
        r#"emails[type eq "work" and value co "@example.com"]"#,
        Ok(true),
    ),
    (r#"emails[type eq "home" and primary eq true]"#, Ok(false)),
    (
        r#"emails[type eq "home"] and not (emails[type eq "other"])"#,
        Ok(true),
    ),
    (
        r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq "26118915""#,
        Ok(true),
    ),
    (
        r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager eq "26118915""#,
        Ok(true),
    ),
    (
        r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager[displayName sw "jo"]"#,
        Ok(true),
    ),
    (
        r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq 701984"#,
        Ok(false),
    ),
    (
        r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber ne 701984"#,
        Ok(true),
    ),
];

fn user_type() -> DynamicType {
    let schemas = User::schemas();
    DynamicType::new("User", "/Users", &schemas[0], &[(&schemas[1], false)]).unwrap()
}

fn check(f: &Filter, result: Result<bool, EvalError>) -> Result<bool, ()> {
    result.map_err(|e| {
        assert_eq!(e.scim_type(), ScimType::InvalidFilter, "{f}");
        assert!(e.to_string().contains("RFC 7644"), "{e}");
    })
}

#[test]
fn typed_dynamic_and_json_follow_the_rules() {
    let json = user_json();
    let user: User = scim_runtime::payload::from_value(json.clone()).unwrap();
    let dynamic = user_type().from_value(json.clone()).unwrap();
    let extensions = [EnterpriseUser::SCHEMA];
    let as_json =
        JsonObject::resource(json.as_object().unwrap(), User::SCHEMA).with_extensions(&extensions);
    let mut failures = Vec::new();
    for (text, expected) in CASES {
        let f: Filter = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
        for (engine, got) in [
            ("typed", check(&f, f.evaluate(&user))),
            ("dynamic", check(&f, f.evaluate(&dynamic))),
            ("json", check(&f, f.evaluate(&as_json))),
        ] {
            if got != *expected {
                failures.push(format!(
                    "{engine}: {text} gave {got:?}, expected {expected:?}"
                ));
            }
        }
        // `matches` is `evaluate` with failures matching nothing.
        assert_eq!(f.matches(&user), expected.unwrap_or(false), "{text}");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A derived type with a binary, a case-exact string and a multi-valued string.
#[derive(Clone, Default, ScimResource)]
#[scim(resource, schema = "urn:example:Key", name = "Key", endpoint = "/Keys")]
struct Key {
    id: Option<String>,
    external_id: Option<String>,
    meta: Option<Meta>,
    blob: Option<Binary>,
    #[scim(case_exact)]
    code: Option<String>,
    tags: Vec<String>,
    #[scim(case_exact)]
    codes: Vec<String>,
    blobs: Vec<Binary>,
    enabled: Option<bool>,
    #[scim(other)]
    other: OtherAttributes,
}

#[test]
fn derived_and_dynamic_types_follow_the_rules() {
    let json = json!({"blob": "TUlJRA==", "code": "AbC", "tags": ["Red", "blue"], "enabled": false,
        "codes": ["Xy"], "blobs": ["TUlJRA=="]});
    let key: Key = scim_runtime::payload::from_value(json.clone()).unwrap();
    let kind = DynamicType::new("Key", "/Keys", &Key::schema(), &[]).unwrap();
    let dynamic = kind.from_value(json.clone()).unwrap();
    let as_json = JsonObject::resource(json.as_object().unwrap(), Key::SCHEMA);
    for (text, expected) in [
        (r#"blob sw "TUlJ""#, Ok(true)),
        (r#"blob eq "TUlJRA==""#, Ok(true)),
        (r#"blob eq "tulJRA==""#, Ok(false)),
        (r#"blob ew "==""#, Ok(true)),
        (r#"blob gt "A""#, Err(())),
        (r#"code eq "abc""#, Ok(false)),
        (r#"code eq "AbC""#, Ok(true)),
        (r#"code gt "AAA""#, Ok(true)),
        (r#"tags eq "red""#, Ok(true)),
        (r#"tags[value eq "BLUE"]"#, Ok(true)),
        (r#"enabled ne "false""#, Ok(true)),
        ("enabled eq false", Ok(true)),
        ("enabled lt true", Err(())),
        // Simple multi-valued attributes: `value` is defined as the attribute is.
        (r#"codes[value eq "xy"]"#, Ok(false)),
        (r#"codes[value eq "Xy"]"#, Ok(true)),
        (r#"codes eq "xy""#, Ok(false)),
        (r#"blobs[value sw "TUlJ"]"#, Ok(true)),
        (r#"blobs[value sw "tulj"]"#, Ok(false)),
        (r#"blobs[value gt "A"]"#, Err(())),
        (r#"blobs gt "A""#, Err(())),
    ] {
        let f: Filter = text.parse().unwrap();
        assert_eq!(check(&f, f.evaluate(&key)), expected, "derived {text}");
        assert_eq!(check(&f, f.evaluate(&dynamic)), expected, "dynamic {text}");
        assert_eq!(check(&f, f.evaluate(&as_json)), expected, "json {text}");
    }
    // Without values, the same filters fail the same way.
    let empty = json!({"code": "AbC"});
    let key: Key = scim_runtime::payload::from_value(empty.clone()).unwrap();
    let dynamic = kind.from_value(empty.clone()).unwrap();
    let as_json = JsonObject::resource(empty.as_object().unwrap(), Key::SCHEMA);
    for text in [
        r#"blobs[value gt "A"]"#,
        r#"blobs gt "A""#,
        "enabled lt true",
    ] {
        let f: Filter = text.parse().unwrap();
        assert_eq!(check(&f, f.evaluate(&key)), Err(()), "derived {text}");
        assert_eq!(check(&f, f.evaluate(&dynamic)), Err(()), "dynamic {text}");
        assert_eq!(check(&f, f.evaluate(&as_json)), Err(()), "json {text}");
    }
}

#[test]
fn patch_path_filters_follow_the_same_rules() {
    use scim_runtime::message::PatchOp;
    let body = |path: &str| -> PatchOp<User> {
        serde_json::from_value(json!({
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
            "Operations": [{"op": "replace", "path": path, "value": "x@example.com"}]
        }))
        .unwrap()
    };
    let json = user_json();
    let user: User = scim_runtime::payload::from_value(json.clone()).unwrap();
    let dynamic = user_type().from_value(json).unwrap();
    for path in [
        "emails[primary gt true].value",
        "emails[primary le false].value",
    ] {
        let mut typed = user.clone();
        let err = scim_runtime::patch::apply(&mut typed, &body(path)).unwrap_err();
        assert_eq!(
            err.scim_type(),
            ScimType::InvalidFilter,
            "typed {path}: {err}"
        );
        let mut d = dynamic.clone();
        let err = d.apply_patch(&body(path)).unwrap_err();
        assert_eq!(
            err.scim_type(),
            ScimType::InvalidFilter,
            "dynamic {path}: {err}"
        );
    }
    // `ne` across types selects the value, as in a query filter.
    let mut typed = user.clone();
    scim_runtime::patch::apply(&mut typed, &body(r#"emails[primary ne "true"].value"#)).unwrap();
    assert!(typed
        .emails
        .iter()
        .all(|e| e.value.as_deref() == Some("x@example.com")));
}

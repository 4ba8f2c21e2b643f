//! The dynamic resource, built from the Schema documents the typed `User` and `Group` publish,
//! gives the same outcome as the typed resources for the same payloads, in every context: the
//! same serialized JSON (with and without projections), or the same errors and violations.

use proptest::prelude::*;
use scim_runtime::dynamic::{DynamicResource, DynamicType};
use scim_runtime::payload::PayloadError;
use scim_runtime::{Context, Group, Projection, Resource, User};
use serde_json::{json, Value};

fn user_type() -> DynamicType {
    let schemas = User::schemas();
    DynamicType::new("User", "/Users", &schemas[0], &[(&schemas[1], false)]).unwrap()
}

fn group_type() -> DynamicType {
    DynamicType::new("Group", "/Groups", &Group::schema(), &[]).unwrap()
}

fn projections() -> Vec<Option<Projection>> {
    vec![
        None,
        Some(Projection::attributes([
            "userName",
            "name.givenName",
            "emails.value",
            "displayName",
        ])),
        Some(Projection::excluded_attributes([
            "name", "emails", "members",
        ])),
        Some(Projection::attributes([
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName",
        ])),
        Some(Projection::attributes(["members.value", "meta"])),
        Some(Projection::attributes([
            "name.middleName",
            "emails.display",
            "urn:example:ext:1.0:Foo:bar",
            "colour.r",
        ])),
        Some(Projection::excluded_attributes([
            "urn:example:ext:1.0:Foo",
            "name.givenName",
            "emails.value",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value",
        ])),
    ]
}

/// The comparable outcome of reading `input` in `context`.
#[derive(Debug, PartialEq)]
enum Outcome {
    Written(Vec<Value>),
    Invalid(String, Option<String>),
    Violations(Vec<(String, String)>),
    Syntax,
}

fn outcome_of<E: std::fmt::Debug>(result: Result<Vec<Value>, PayloadError>, _: E) -> Outcome {
    match result {
        Ok(written) => Outcome::Written(written),
        Err(PayloadError::Invalid {
            path, scim_type, ..
        }) => Outcome::Invalid(path, Some(scim_type.as_str().to_owned())),
        Err(PayloadError::Violations(v)) => Outcome::Violations(
            v.iter()
                .map(|v| (v.path.clone(), format!("{:?}", v.kind)))
                .collect(),
        ),
        Err(PayloadError::Syntax { .. }) => Outcome::Syntax,
    }
}

fn typed<T: Resource>(input: &Value, context: Context) -> Outcome {
    let result = T::from_value_in(input.clone(), context).map(|r| {
        let mut written = vec![r.to_json_in(Context::Default, None)];
        for c in Context::ALL {
            for p in projections() {
                written.push(r.to_json_in(c, p.as_ref()));
            }
        }
        written
    });
    outcome_of(result, ())
}

fn dynamic(kind: &DynamicType, input: &Value, context: Context) -> Outcome {
    let result = kind
        .from_value_in(input.clone(), context)
        .map(|r: DynamicResource| {
            let mut written = vec![r.to_json_in(Context::Default, None)];
            for c in Context::ALL {
                for p in projections() {
                    written.push(r.to_json_in(c, p.as_ref()));
                }
            }
            written
        });
    outcome_of(result, ())
}

fn fixture_inputs() -> Vec<(String, Value)> {
    let mut inputs = Vec::new();
    for dir in ["tests/fixtures/scim2_models", "tests/fixtures/rfc7643"] {
        let dir = format!("{}/{dir}", env!("CARGO_MANIFEST_DIR"));
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let usable = name.ends_with(".input.json")
                || (name.starts_with("8.")
                    && !name.contains("resource-types")
                    && !name.contains("service-provider"));
            if usable {
                inputs.push((
                    name,
                    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap(),
                ));
            }
        }
    }
    inputs.sort_by(|a, b| a.0.cmp(&b.0));
    inputs
}

fn compare(name: &str, input: &Value) -> Vec<String> {
    let is_group = input["schemas"].to_string().contains("core:2.0:Group");
    let mut failures = Vec::new();
    for context in Context::ALL {
        let (t, d) = if is_group {
            (
                typed::<Group>(input, context),
                dynamic(&group_type(), input, context),
            )
        } else {
            (
                typed::<User>(input, context),
                dynamic(&user_type(), input, context),
            )
        };
        if t != d {
            failures.push(format!(
                "{name} in {context:?}:\n  typed   {t:?}\n  dynamic {d:?}"
            ));
        }
    }
    failures
}

#[test]
fn fixtures_give_the_same_outcome() {
    let inputs = fixture_inputs();
    assert!(inputs.len() >= 30, "{}", inputs.len());
    let failures: Vec<String> = inputs
        .iter()
        .filter(|(name, _)| {
            !name.starts_with("returned-probe") && !name.starts_with("service-provider")
        })
        .flat_map(|(name, input)| compare(name, input))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn bad_payloads_give_the_same_errors() {
    let cases = [
        json!({"userName": 42}),
        json!({"emails": [{"value": "a"}, {"primary": "maybe"}]}),
        json!({"emails": {"value": "a"}}),
        json!({"emails": [null]}),
        json!({"name": "Barbara"}),
        json!({"userName": "a", "USERNAME": "b"}),
        json!({"name": {"givenName": "a", "GIVENNAME": "b"}}),
        json!({"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "userName": "x"}),
        json!({"schemas": [1], "userName": "x"}),
        json!({"meta": {"created": "yesterday"}}),
        json!({"x509Certificates": [{"value": "not base64!"}]}),
        json!({"active": "True", "userName": "b", "urn:ietf:params:scim:schemas:core:2.0:User:displayName": "B"}),
        json!({"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"manager": {"value": ["x"]}}}),
        json!({"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": "x"}),
        json!({"userName": "b", "password": "x", "emails": [{"value": "a", "primary": 1}, {"value": "b", "primary": "yes"}]}),
        json!({"userName": "b", "favourite": null, "name": {"colour": null, "givenName": null}}),
        json!("not an object"),
    ];
    let failures: Vec<String> = cases
        .iter()
        .flat_map(|c| compare(&c.to_string(), c))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i32>().prop_map(Value::from),
        "[a-zA-Z0-9 :.@-]{0,10}".prop_map(Value::String),
        Just(json!("2011-05-13T04:42:34Z")),
        Just(json!("True")),
        Just(json!("urn:ietf:params:scim:schemas:core:2.0:User")),
    ];
    let key = prop_oneof![
        Just("userName".to_owned()),
        Just("UserName".to_owned()),
        Just("name".to_owned()),
        Just("givenName".to_owned()),
        Just("emails".to_owned()),
        Just("value".to_owned()),
        Just("primary".to_owned()),
        Just("type".to_owned()),
        Just("active".to_owned()),
        Just("password".to_owned()),
        Just("id".to_owned()),
        Just("meta".to_owned()),
        Just("created".to_owned()),
        Just("schemas".to_owned()),
        Just("groups".to_owned()),
        Just("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User".to_owned()),
        Just("employeeNumber".to_owned()),
        Just("manager".to_owned()),
        Just("displayName".to_owned()),
        Just("members".to_owned()),
        Just("PRIMARY".to_owned()),
        Just(
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber".to_owned()
        ),
        Just("URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER:MANAGER".to_owned()),
        Just("urn:ietf:params:scim:schemas:core:2.0:User:userName".to_owned()),
        Just("urn:ietf:params:scim:schemas:core:2.0:User:name.givenName".to_owned()),
        Just("urn:example:ext:1.0:Foo".to_owned()),
        Just("bar".to_owned()),
        Just("colour".to_owned()),
        Just("r".to_owned()),
        "[a-z]{1,5}",
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            prop::collection::btree_map(key.clone(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// JSON text whose objects may repeat a key, in the same or another spelling: what parsed
/// JSON cannot hold.
fn arb_text() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("userName"),
        Just("USERNAME"),
        Just("name"),
        Just("givenName"),
        Just("emails"),
        Just("value"),
        Just("primary"),
        Just("colour"),
        Just("Colour"),
        Just("schemas"),
        Just("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"),
        Just("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber"),
        Just("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"),
        Just("employeeNumber"),
        Just("urn:ietf:params:scim:schemas:core:2.0:User:userName"),
    ];
    let leaf = prop_oneof![
        Just("null".to_owned()),
        Just("true".to_owned()),
        Just("1".to_owned()),
        Just("\"x\"".to_owned()),
        Just("[\"urn:ietf:params:scim:schemas:core:2.0:User\"]".to_owned()),
    ];
    leaf.prop_recursive(3, 32, 5, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(|v| format!("[{}]", v.join(","))),
            prop::collection::vec((key.clone(), inner), 0..5).prop_map(|entries| {
                let body: Vec<String> = entries
                    .into_iter()
                    .map(|(k, v)| format!("{k:?}:{v}"))
                    .collect();
                format!("{{{}}}", body.join(","))
            }),
        ]
    })
}

/// The outcome of reading JSON text, typed and dynamic: the written JSON, or an error. Which
/// error a payload with several gets depends on the order keys are read in: the typed reader
/// streams the text, the dynamic one reads parsed JSON, whose keys are sorted. So only
/// acceptance is compared here; `random_payloads_give_the_same_outcome` compares the errors
/// of parsed JSON, read in the same order by both.
fn text_outcome(text: &str) -> (Result<Vec<Value>, String>, Result<Vec<Value>, String>) {
    let strip = |e: PayloadError| match e {
        PayloadError::Invalid { .. } => "invalid".to_owned(),
        PayloadError::Syntax { .. } => "syntax".to_owned(),
        other => other.to_string(),
    };
    let all = |write: &dyn Fn(Context, Option<&Projection>) -> Value| {
        let mut out = Vec::new();
        for c in Context::ALL {
            for p in projections() {
                out.push(write(c, p.as_ref()));
            }
        }
        out
    };
    let typed = scim_runtime::payload::from_str::<User>(text)
        .map(|u| all(&|c, p| u.to_json_in(c, p)))
        .map_err(strip);
    let dynamic = user_type()
        .from_str(text)
        .map(|d| all(&|c, p| d.to_json_in(c, p)))
        .map_err(strip);
    (typed, dynamic)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn random_payloads_give_the_same_outcome(input in arb_json()) {
        let failures = compare(&input.to_string(), &input);
        prop_assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// Text with repeated keys, qualified names and extension blocks: typed and dynamic
    /// readers accept and refuse the same texts, with the same error, and write the same.
    #[test]
    fn random_texts_give_the_same_outcome(text in arb_text()) {
        let (typed, dynamic) = text_outcome(&text);
        prop_assert_eq!(typed, dynamic, "{}", text);
    }
}

/// Filters (RFC 7644 §3.4.2.2) match a dynamic resource exactly when they match the typed one
/// read from the same payload: names in any case, `caseExact`, sub-attributes of multi-valued
/// values, the enterprise extension by its URN, instants and `pr`.
#[test]
fn filters_match_alike() {
    use scim_runtime::filter::{parse_filter, FilterExt};
    let dir = format!("{}/tests/fixtures/rfc7643", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(format!("{dir}/8.3-enterprise-user.json")).unwrap();
    let input: Value = serde_json::from_str(&text).unwrap();
    let typed: User = scim_runtime::payload::from_value(input.clone()).unwrap();
    let dynamic = user_type().from_value(input).unwrap();
    let filters = [
        (r#"userName eq "BJENSEN@EXAMPLE.COM""#, true),
        (r#"USERNAME sw "bj""#, true),
        (r#"id eq "2819C223-7F76-453A-919D-413861904646""#, false),
        (r#"emails[type eq "work" and value co "example.com"]"#, true),
        (r#"emails.type eq "home""#, true),
        (r#"name.familyName eq "jensen""#, true),
        (r#"meta.lastModified ge "2011-05-13T04:42:34Z""#, true),
        (r#"meta.created gt "2011-01-01T00:00:00+01:00""#, false),
        ("title pr", true),
        ("nickName pr and not (x509Certificates pr)", false),
        (
            r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "701984""#,
            true,
        ),
        (
            r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName eq "John Smith""#,
            true,
        ),
        (
            r#"addresses[type eq "work" and postalCode eq "91608"]"#,
            true,
        ),
        (r#"phoneNumbers.value ew "5555""#, true),
        (r#"groups.display eq "nobody""#, false),
        (r#"groups.display eq "tour guides""#, true),
    ];
    for (text, expected) in filters {
        let filter = parse_filter(text).unwrap();
        assert_eq!(filter.matches(&typed), expected, "typed: {text}");
        assert_eq!(filter.matches(&dynamic), expected, "dynamic: {text}");
    }
}

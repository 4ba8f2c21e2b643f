//! One filter semantics (RFC 7644 §3.4.2.2) for typed, dynamic and JSON resources: random
//! filters over random users give the same answer (the same `Ok(bool)` or the same error)
//! through the typed `User`, a `DynamicResource` built from the standard schemas, and the JSON
//! payload seen through `JsonObject` with the User and enterprise schemas.
//!
//! Sorting keys (RFC 7644 §3.4.2.3) are compared the same way, for 4 random paths per user.
//!
//! Size: 4,000 random users, each evaluated against 12 random filters, so 48,000 filter
//! evaluations per engine and run, and 16,000 sort keys. Users that the typed `User` or the dynamic type refuse are
//! skipped and counted; the test requires that most of them are evaluated.

use std::sync::atomic::{AtomicUsize, Ordering};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use scim_runtime::dynamic::{DynamicResource, DynamicType};
use scim_runtime::filter::{EvalError, Filter, FilterExt, JsonObject};
use scim_runtime::sort::sort_key;
use scim_runtime::{EnterpriseUser, Extension, Resource, User};
use serde_json::{json, Map, Value};

const CASES: u32 = 4_000;
const FILTERS_PER_USER: usize = 12;
const SORT_PATHS_PER_USER: usize = 4;
const ENTERPRISE: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const CORE: &str = "urn:ietf:params:scim:schemas:core:2.0:User";

fn user_type() -> DynamicType {
    let schemas = User::schemas();
    DynamicType::new("User", "/Users", &schemas[0], &[(&schemas[1], false)]).unwrap()
}

/// A name in one of three spellings: as defined, lower case, upper case.
fn cased(name: &'static str) -> impl Strategy<Value = String> {
    prop_oneof![
        3 => Just(name.to_owned()),
        1 => Just(name.to_lowercase()),
        1 => Just(name.to_uppercase()),
    ]
}

fn string_value() -> impl Strategy<Value = Value> {
    prop::sample::select(vec![
        "bjensen",
        "BJensen",
        "",
        "work",
        "WORK",
        "home",
        "true",
        "42",
        "MIIDQzCC",
        "miid",
        "2011-05-13T04:42:34Z",
        "2011-05-13T06:42:34+0200",
        "Ärger",
        "ärger",
        "a@example.com",
    ])
    .prop_map(|s| json!(s))
}

fn date_time_value() -> impl Strategy<Value = Value> {
    prop::sample::select(vec![
        "2011-05-13T04:42:34Z",
        "2011-05-13T06:42:34+02:00",
        "2011-05-13T06:42:34+0200",
        "2011-05-13T04:42:34z",
        "2010-01-23T04:56:22.123Z",
        "2011-05-13T04:42:34",
        "2030-01-01T00:00:00-0100",
    ])
    .prop_map(|s| json!(s))
}

fn number_value() -> impl Strategy<Value = Value> {
    prop::sample::select(vec!["0", "1", "-1", "1.0", "2.5", "42", "1E+2"])
        .prop_map(|s| serde_json::from_str::<Value>(s).unwrap())
}

/// Any JSON value, of any type, for attributes that may get the wrong one.
fn any_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => string_value(),
        2 => number_value(),
        2 => any::<bool>().prop_map(Value::Bool),
        1 => Just(Value::Null),
        1 => prop::collection::vec(string_value(), 0..3).prop_map(Value::Array),
        1 => string_value().prop_map(|v| json!({"value": v})),
        1 => Just(json!({})),
    ]
}

fn boolean_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        6 => any::<bool>().prop_map(Value::Bool),
        1 => prop::sample::select(vec!["True", "false", "yes", "0"]).prop_map(|s| json!(s)),
        1 => prop::sample::select(vec![0, 1]).prop_map(|n| json!(n)),
        1 => Just(json!("maybe")),
    ]
}

/// A string attribute: mostly a string, sometimes the wrong type.
fn string_attr() -> impl Strategy<Value = Value> {
    prop_oneof![8 => string_value(), 1 => any_value()]
}

fn multi_complex(
    fields: Vec<(&'static str, BoxedStrategy<Value>)>,
) -> impl Strategy<Value = Value> {
    let one = fields
        .into_iter()
        .map(|(name, strategy)| (cased(name), prop::option::weighted(0.7, strategy)))
        .collect::<Vec<_>>();
    prop::collection::vec(one, 0..4).prop_map(|items| {
        Value::Array(
            items
                .into_iter()
                .map(|fields| {
                    let mut map = Map::new();
                    for (k, v) in fields {
                        if let Some(v) = v {
                            map.insert(k, v);
                        }
                    }
                    Value::Object(map)
                })
                .collect(),
        )
    })
}

fn object_of(fields: Vec<(&'static str, BoxedStrategy<Value>)>) -> impl Strategy<Value = Value> {
    fields
        .into_iter()
        .map(|(name, strategy)| (cased(name), prop::option::weighted(0.6, strategy)))
        .collect::<Vec<_>>()
        .prop_map(|fields| {
            let mut map = Map::new();
            for (k, v) in fields {
                if let Some(v) = v {
                    map.insert(k, v);
                }
            }
            Value::Object(map)
        })
}

/// A random user: each attribute present or not, in any spelling, of the right type mostly.
fn arb_user() -> impl Strategy<Value = Value> {
    let emails = multi_complex(vec![
        ("value", string_attr().boxed()),
        ("type", string_value().boxed()),
        ("primary", boolean_value().boxed()),
        ("display", string_value().boxed()),
    ]);
    let certificates = multi_complex(vec![(
        "value",
        prop::sample::select(vec!["MIIDQzCC", "miid", "TUlJRA==", "TUlJRA"])
            .prop_map(|s| json!(s))
            .boxed(),
    )]);
    let name = object_of(vec![
        ("givenName", string_attr().boxed()),
        ("familyName", string_attr().boxed()),
    ]);
    let meta = object_of(vec![
        ("lastModified", date_time_value().boxed()),
        ("created", date_time_value().boxed()),
        ("resourceType", Just(json!("User")).boxed()),
    ]);
    let manager = object_of(vec![
        ("value", string_value().boxed()),
        ("displayName", string_value().boxed()),
    ]);
    let enterprise = object_of(vec![
        ("employeeNumber", string_attr().boxed()),
        ("department", string_value().boxed()),
        ("manager", manager.boxed()),
    ]);
    let fields: Vec<(&'static str, BoxedStrategy<Value>)> = vec![
        ("userName", string_attr().boxed()),
        ("displayName", string_attr().boxed()),
        ("nickName", string_attr().boxed()),
        ("title", string_value().boxed()),
        ("active", boolean_value().boxed()),
        ("id", string_value().boxed()),
        ("externalId", string_value().boxed()),
        ("emails", emails.boxed()),
        ("x509Certificates", certificates.boxed()),
        ("name", name.boxed()),
        ("meta", meta.boxed()),
        ("xUnknown", any_value().boxed()),
        ("xNumber", number_value().boxed()),
    ];
    (
        fields
            .into_iter()
            .map(|(name, s)| (cased(name), prop::option::weighted(0.6, s)))
            .collect::<Vec<_>>(),
        prop::option::weighted(0.5, enterprise),
        any::<bool>(),
    )
        .prop_map(|(fields, enterprise, with_schemas)| {
            let mut map = Map::new();
            for (k, v) in fields {
                if let Some(v) = v {
                    map.insert(k, v);
                }
            }
            let mut schemas = vec![json!(CORE)];
            if let Some(block) = enterprise {
                if block.as_object().is_some_and(|b| !b.is_empty()) {
                    schemas.push(json!(ENTERPRISE));
                }
                map.insert(ENTERPRISE.to_owned(), block);
            }
            if with_schemas {
                map.insert("schemas".to_owned(), Value::Array(schemas));
            }
            Value::Object(map)
        })
}

/// An attribute path of the User, its sub-attributes, the enterprise extension, the common
/// attributes, an unknown attribute, and URN-qualified forms.
fn arb_path() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "userName",
        "displayName",
        "nickName",
        "title",
        "active",
        "id",
        "externalId",
        "emails",
        "emails.value",
        "emails.type",
        "emails.primary",
        "x509Certificates",
        "x509Certificates.value",
        "name",
        "name.givenName",
        "name.familyName",
        "meta.lastModified",
        "meta.created",
        "meta.resourceType",
        "schemas",
        "xUnknown",
        "xNumber",
        "xUnknown.value",
        "urn:ietf:params:scim:schemas:core:2.0:User:userName",
        "urn:ietf:params:scim:schemas:core:2.0:User:name.givenName",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName",
    ])
    .prop_flat_map(|p| {
        prop_oneof![
            4 => Just(p.to_owned()),
            1 => Just(p.to_lowercase()),
            1 => Just(p.to_uppercase()),
        ]
    })
}

/// A literal of every JSON type.
fn arb_literal() -> impl Strategy<Value = String> {
    prop_oneof![
        5 => string_value().prop_map(|v| v.to_string()),
        2 => date_time_value().prop_map(|v| v.to_string()),
        2 => prop::sample::select(vec![
            "0", "1", "-1", "1.0", "2.5", "42", "1E+2", "1e400",
            "123456789012345678901234567890"
        ])
        .prop_map(str::to_owned),
        2 => prop::sample::select(vec!["true", "false", "null"]).prop_map(str::to_owned),
        1 => prop::sample::select(vec![r#""MIID""#, r#""miid""#, r#""TUlJRA==""#])
            .prop_map(str::to_owned),
    ]
}

fn arb_op() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le", "EQ", "Ne",
    ])
}

fn arb_comparison(path: BoxedStrategy<String>) -> impl Strategy<Value = String> {
    prop_oneof![
        8 => (path.clone(), arb_op(), arb_literal()).prop_map(|(p, o, l)| format!("{p} {o} {l}")),
        1 => path.prop_map(|p| format!("{p} pr")),
    ]
}

fn arb_sub_path() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "value",
        "type",
        "primary",
        "display",
        "VALUE",
        "givenName",
    ])
    .prop_map(str::to_owned)
}

fn arb_filter() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        6 => arb_comparison(arb_path().boxed()),
        2 => (
            prop::sample::select(vec![
                "emails",
                "x509Certificates",
                "name",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
                "xUnknown",
                "userName",
            ]),
            arb_comparison(arb_sub_path().boxed()),
            prop::option::of(arb_comparison(arb_sub_path().boxed())),
        )
            .prop_map(|(attr, a, b)| match b {
                Some(b) => format!("{attr}[{a} and {b}]"),
                None => format!("{attr}[{a}]"),
            }),
    ];
    leaf.prop_recursive(3, 12, 3, |inner| {
        prop_oneof![
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("{a} and {b}")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a} or {b})")),
            inner.clone().prop_map(|a| format!("not ({a})")),
        ]
    })
}

/// The comparable answer: the outcome, or the kind of error.
fn answer(result: Result<bool, EvalError>) -> Result<bool, &'static str> {
    result.map_err(|e| match e {
        EvalError::Unordered { .. } => "unordered",
        _ => "other",
    })
}

#[test]
fn typed_dynamic_and_json_give_one_answer() {
    let kind = user_type();
    let evaluated = AtomicUsize::new(0);
    let skipped_typed = AtomicUsize::new(0);
    let skipped_dynamic = AtomicUsize::new(0);
    let errors = AtomicUsize::new(0);
    let matched = AtomicUsize::new(0);
    let sorted = AtomicUsize::new(0);
    let strategy = (
        arb_user(),
        prop::collection::vec(arb_filter(), FILTERS_PER_USER),
        prop::collection::vec(arb_path(), SORT_PATHS_PER_USER),
    );
    let mut runner = TestRunner::new(Config {
        cases: CASES,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&strategy, |(input, filters, sort_paths)| {
            let Ok(user) = scim_runtime::payload::from_value::<User>(input.clone()) else {
                skipped_typed.fetch_add(1, Ordering::Relaxed);
                return Ok(());
            };
            let Ok(dynamic) = kind.from_value(input.clone()) else {
                skipped_dynamic.fetch_add(1, Ordering::Relaxed);
                return Ok(());
            };
            let dynamic: DynamicResource = dynamic;
            let extensions = [EnterpriseUser::SCHEMA];
            let map = input.as_object().unwrap();
            let as_json = JsonObject::resource(map, User::SCHEMA).with_extensions(&extensions);
            // Sorting reads values by the same rules: the same key in all three.
            for path in &sort_paths {
                let path = scim_runtime::path::parse_path(path)
                    .map_err(|e| TestCaseError::fail(format!("{path}: {e}")))?;
                let typed = sort_key(&user, &path);
                prop_assert_eq!(
                    &typed,
                    &sort_key(&dynamic, &path),
                    "sort typed vs dynamic: {}\non {}",
                    path,
                    input
                );
                prop_assert_eq!(
                    &typed,
                    &sort_key(&as_json, &path),
                    "sort typed vs JSON: {}\non {}",
                    path,
                    input
                );
                sorted.fetch_add(1, Ordering::Relaxed);
            }
            for text in &filters {
                let filter: Filter = text
                    .parse()
                    .map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
                let typed = answer(filter.evaluate(&user));
                let dynamic_answer = answer(filter.evaluate(&dynamic));
                let json_answer = answer(filter.evaluate(&as_json));
                prop_assert_eq!(
                    typed,
                    dynamic_answer,
                    "typed vs dynamic: {}\non {}",
                    text,
                    input
                );
                prop_assert_eq!(typed, json_answer, "typed vs JSON: {}\non {}", text, input);
                evaluated.fetch_add(1, Ordering::Relaxed);
                match typed {
                    Ok(true) => {
                        matched.fetch_add(1, Ordering::Relaxed);
                    }
                    Err(_) => {
                        errors.fetch_add(1, Ordering::Relaxed);
                    }
                    Ok(false) => {}
                }
            }
            Ok(())
        })
        .unwrap();
    let evaluated = evaluated.into_inner();
    let skipped = skipped_typed.into_inner() + skipped_dynamic.into_inner();
    let users = evaluated / FILTERS_PER_USER;
    eprintln!(
        "{users} users evaluated ({evaluated} filters: {} matched, {} failed), {skipped} skipped",
        matched.load(Ordering::Relaxed),
        errors.load(Ordering::Relaxed)
    );
    assert!(
        users * 2 > CASES as usize,
        "most users must be evaluated: {users} of {CASES} ({skipped} skipped)"
    );
    assert!(
        matched.into_inner() * 20 > evaluated,
        "some filters must match"
    );
}

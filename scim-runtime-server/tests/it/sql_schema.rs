//! A schema of every attribute type the User lacks (integer, decimal, simple multi-valued
//! strings and dateTimes, a case-exact string), given at run time: random filters over random
//! resources give the engine's answer in SQLite and PostgreSQL, and numbers are exact or
//! refused. Also: dynamic resources translate exactly as the typed ones do.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use scim_runtime::attribute::{AttributeDef, AttributeType, SchemaDef};
use scim_runtime::dynamic::DynamicType;
use scim_runtime::filter::{EvalError, Filter, FilterExt, JsonObject};
use scim_runtime::server::sql::{Dialect, Translator, Untranslatable};
use scim_runtime::{Resource, User};
use serde_json::{json, Value};

use crate::sql_equivalence::{check, DATE_TIMES, TEXTS};

const DEVICE_ATTRIBUTES: &[AttributeDef] = &[
    AttributeDef {
        case_exact: true,
        ..AttributeDef::new("serial", AttributeType::String)
    },
    AttributeDef::new("count", AttributeType::Integer),
    AttributeDef::new("weight", AttributeType::Decimal),
    AttributeDef {
        multi_valued: true,
        ..AttributeDef::new("tags", AttributeType::String)
    },
    AttributeDef {
        multi_valued: true,
        ..AttributeDef::new("seen", AttributeType::DateTime)
    },
    AttributeDef {
        multi_valued: true,
        ..AttributeDef::new("levels", AttributeType::Integer)
    },
    AttributeDef::new("enabled", AttributeType::Boolean),
];

/// A schema that only exists at run time, as a dynamic resource type's would.
pub static DEVICE: SchemaDef = SchemaDef {
    id: "urn:example:params:scim:schemas:Device",
    name: "Device",
    description: "A test resource with every attribute type.",
    attributes: DEVICE_ATTRIBUTES,
};

/// Numbers that are exact in SQLite and that are not (0.1, 1e400, beyond i64 and f64).
const NUMBERS: &[&str] = &[
    "0",
    "-0",
    "1",
    "42",
    "42.0",
    "4.2e1",
    "1.5",
    "0.1",
    "-7",
    "1e2",
    "1E+2",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "1e400",
    "123456789012345678901234567890",
    "0.30000000000000004",
    "2.5e-1",
];

fn number() -> impl Strategy<Value = String> {
    prop::sample::select(NUMBERS).prop_map(str::to_owned)
}

fn stored_number() -> impl Strategy<Value = Value> {
    // What the model writes for an integer (an i64) and a decimal (any JSON number).
    prop_oneof![
        (-50i64..50).prop_map(Value::from),
        prop::sample::select(&[i64::MIN, i64::MAX, 0][..]).prop_map(Value::from),
    ]
}

fn stored_decimal() -> impl Strategy<Value = Value> {
    prop::sample::select(
        &[
            "1.5",
            "0.1",
            "42",
            "0.30000000000000004",
            "1e-3",
            "123456789012345678901234567890.5",
        ][..],
    )
    .prop_map(|t| serde_json::from_str(t).expect("a JSON number"))
}

fn device(n: usize) -> impl Strategy<Value = Value> {
    (
        prop::option::of(prop::sample::select(TEXTS)),
        prop::option::of(stored_number()),
        prop::option::of(stored_decimal()),
        prop::collection::vec(prop::sample::select(TEXTS), 0..3),
        prop::collection::vec(prop::sample::select(DATE_TIMES), 0..3),
        prop::collection::vec(stored_number(), 0..3),
        prop::option::of(any::<bool>()),
    )
        .prop_map(
            move |(serial, count, weight, tags, seen, levels, enabled)| {
                let mut d = json!({"id": format!("d{n}"), "schemas": [DEVICE.id]});
                if let Some(s) = serial {
                    d["serial"] = json!(s);
                }
                if let Some(c) = count {
                    d["count"] = c;
                }
                if let Some(w) = weight {
                    d["weight"] = w;
                }
                if !tags.is_empty() {
                    d["tags"] = json!(tags);
                }
                if !seen.is_empty() {
                    d["seen"] = json!(seen);
                }
                if !levels.is_empty() {
                    d["levels"] = json!(levels);
                }
                if let Some(e) = enabled {
                    d["enabled"] = json!(e);
                }
                d
            },
        )
}

fn devices() -> impl Strategy<Value = Vec<Value>> {
    (1usize..7).prop_flat_map(|n| (0..n).map(device).collect::<Vec<_>>())
}

fn operand(kind: &'static str) -> BoxedStrategy<String> {
    let own = match kind {
        "number" => number().boxed(),
        "date" => prop::sample::select(DATE_TIMES)
            .prop_map(|t| json!(t).to_string())
            .boxed(),
        "bool" => any::<bool>().prop_map(|b| b.to_string()).boxed(),
        _ => prop::sample::select(TEXTS)
            .prop_map(|t| json!(t).to_string())
            .boxed(),
    };
    prop_oneof![8 => own, 1 => Just("null".to_owned()), 1 => Just("\"42\"".to_owned())].boxed()
}

const PATHS: &[(&str, &str)] = &[
    ("serial", "text"),
    ("count", "number"),
    ("weight", "number"),
    ("tags", "text"),
    ("seen", "date"),
    ("levels", "number"),
    ("enabled", "bool"),
    ("id", "text"),
];

fn leaf() -> BoxedStrategy<String> {
    prop::sample::select(PATHS)
        .prop_flat_map(|(path, kind)| {
            prop_oneof![
                6 => (prop::sample::select(&["eq", "ne", "gt", "ge", "lt", "le", "co", "sw"][..]), operand(kind))
                    .prop_map(move |(op, v)| format!("{path} {op} {v}")),
                1 => Just(format!("{path} pr")),
                1 => operand(kind).prop_map(move |v| format!("{path}[value ge {v}]")),
            ]
        })
        .boxed()
}

fn filter() -> impl Strategy<Value = String> {
    leaf().prop_recursive(2, 6, 2, |inner| {
        prop_oneof![
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a} and {b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a} or {b})")),
            inner.prop_map(|a| format!("not ({a})")),
        ]
    })
}

fn engine(devices: &[Value], filter: &Filter) -> Result<Vec<String>, EvalError> {
    let mut ids = Vec::new();
    for d in devices {
        let map = d.as_object().expect("an object");
        if filter.evaluate(&JsonObject::resource(map, &DEVICE))? {
            ids.push(d["id"].as_str().expect("an id").to_owned());
        }
    }
    ids.sort();
    Ok(ids)
}

/// What SQLite alone refuses: decimals, and numbers it cannot hold exactly; and ASCII
/// folding's non-ASCII comparisons.
fn sqlite_refusals(what: Untranslatable) -> bool {
    matches!(
        what,
        Untranslatable::InexactDecimal
            | Untranslatable::InexactNumber
            | Untranslatable::NonAsciiCaseInsensitive
    )
}

#[test]
fn sqlite_answers_as_the_engine_on_a_run_time_schema() {
    let translator = Translator::new(Dialect::Sqlite, &DEVICE, &[]);
    let mut runner = TestRunner::new(Config::with_cases(crate::support::cases(300)));
    runner
        .run(
            &(devices(), prop::collection::vec(filter(), 1..10)),
            |(devices, filters)| {
                let conn = rusqlite::Connection::open_in_memory().expect("a database");
                conn.execute_batch(
                    "CREATE TABLE users (id TEXT PRIMARY KEY, resource TEXT NOT NULL)",
                )
                .expect("the table");
                for d in &devices {
                    conn.execute(
                        "INSERT INTO users VALUES (?1, ?2)",
                        (d["id"].as_str(), d.to_string()),
                    )
                    .expect("insert");
                }
                for f in &filters {
                    check(
                        &translator,
                        f,
                        &|f| engine(&devices, f),
                        &sqlite_refusals,
                        &mut |sql| crate::support::sqlite_ids(&conn, sql),
                    )?;
                }
                Ok(())
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn postgres_answers_as_the_engine_on_a_run_time_schema() {
    let Some(client) = crate::sql_postgres::client() else {
        return;
    };
    let client = std::cell::RefCell::new(client);
    let translator = Translator::new(Dialect::Postgres, &DEVICE, &[]);
    let mut runner = TestRunner::new(Config::with_cases(crate::support::cases(200)));
    runner
        .run(
            &(devices(), prop::collection::vec(filter(), 1..10)),
            |(devices, filters)| {
                let mut client = client.borrow_mut();
                client
                    .batch_execute(
                        "DROP TABLE IF EXISTS users; \
                     CREATE TEMPORARY TABLE users (id text PRIMARY KEY, resource jsonb NOT NULL)",
                    )
                    .expect("the table");
                for d in &devices {
                    client
                        .execute(
                            "INSERT INTO users VALUES ($1, CAST($2::text AS jsonb))",
                            &[&d["id"].as_str(), &d.to_string()],
                        )
                        .expect("insert");
                }
                // PostgreSQL compares every number exactly: only ASCII folding refuses.
                let refusals = |what| what == Untranslatable::NonAsciiCaseInsensitive;
                for f in &filters {
                    check(
                        &translator,
                        f,
                        &|f| engine(&devices, f),
                        &refusals,
                        &mut |sql| crate::sql_postgres::matching_ids(&mut client, sql),
                    )?;
                }
                Ok(())
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn dynamic_resources_translate_as_typed_ones() {
    let schemas = User::schemas();
    let resource_type = User::resource_type();
    let dynamic = DynamicType::from_resource_type(&resource_type, &schemas).expect("a type");
    let filters = [
        r#"userName eq "bjensen" and emails[type eq "work" and value co "@example.com"]"#,
        r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value ne "x""#,
        r#"meta.lastModified gt "2011-05-13T04:42:34Z" or not (active eq true)"#,
        r#"name.familyName sw "J" and x509Certificates pr and schemas eq "urn:x""#,
    ];
    for dialect in [Dialect::Sqlite, Dialect::Postgres] {
        let typed = Translator::for_resource::<User>(dialect);
        let run_time = Translator::for_dynamic(dialect, &dynamic);
        for f in filters {
            let f: Filter = f.parse().expect("a filter");
            assert_eq!(typed.condition(&f), run_time.condition(&f), "{f}");
        }
    }
}

//! The key property: a filter gives the same set of ids from SQLite as from the in-memory
//! engine, over random users with ugly values; and a filter the engine refuses, the
//! translation refuses the same way.

use proptest::prelude::*;
use proptest::strategy::Union;
use scim_runtime::filter::Filter;
use scim_runtime::server::sql::{CaseFolding, Dialect, SqlError, Translator, Untranslatable};
use scim_runtime::User;
use serde_json::{json, Value};

use crate::support::{engine_ids, sqlite_ids, sqlite_with, user};

const CORE: &str = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENTERPRISE: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

/// Text that trips translations: case, Unicode (with the letters whose lower case is ASCII),
/// LIKE wildcards, backslashes, quotes, the empty string.
pub const TEXTS: &[&str] = &[
    "bjensen",
    "BJensen",
    "b%j_n",
    "100%",
    "a_b",
    "a\\b",
    "\\",
    "%",
    "_",
    "it's",
    "\"q\"",
    "Ünïcode",
    "ünïcode",
    "ÉCOLE",
    "école",
    "straße",
    "STRASSE",
    "\u{212A}elvin",
    "kelvin",
    "İstanbul",
    "i\u{307}stanbul",
    "istanbul",
    "",
    "x",
    "X",
    "work",
    "Work",
    "home",
    "日本",
    "Σίσυφος",
    "ΣΊΣΥΦΟΣ",
    "e",
];

/// dateTimes the model accepts: offsets in every form, none, fractions of every length, lower
/// case `t` and `z`, the leap second.
pub const DATE_TIMES: &[&str] = &[
    "2011-05-13T04:42:34Z",
    "2011-05-13T06:42:34+02:00",
    "2011-05-13T00:42:34-0400",
    "2011-05-13T05:42:34+01",
    "2011-05-13T04:42:34",
    "2011-05-13t04:42:34z",
    "2011-05-13T04:42:34.5Z",
    "2011-05-13T04:42:34.50Z",
    "2011-05-13T04:42:34.000Z",
    "2011-05-13T04:42:34.123456789Z",
    "2011-05-13T04:42:34.1234567891Z",
    "2011-05-13T04:42:34.123456788999Z",
    "2011-05-13T23:59:60Z",
    "2011-05-13T23:59:59.999999999Z",
    "2011-05-14T01:59:59.9999999999+02:00",
    "1969-12-31T23:59:59.9Z",
    "1900-02-28T12:00:00-12:00",
    "2099-12-31T23:59:59+14:00",
];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(TEXTS).prop_map(str::to_owned),
        1 => (prop::sample::select(TEXTS), prop::sample::select(TEXTS)).prop_map(|(a, b)| format!("{a}{b}")),
    ]
}

fn date_time() -> impl Strategy<Value = String> {
    prop::sample::select(DATE_TIMES).prop_map(str::to_owned)
}

fn maybe<T: Strategy>(s: T) -> impl Strategy<Value = Option<T::Value>> {
    prop::option::weighted(0.7, s)
}

fn email() -> impl Strategy<Value = Value> {
    (
        maybe(text()),
        maybe(text()),
        maybe(any::<bool>()),
        maybe(text()),
    )
        .prop_map(|(value, ty, primary, display)| {
            let mut e = json!({});
            if let Some(v) = value {
                e["value"] = json!(format!("{v}@example.com"));
            }
            if let Some(t) = ty {
                e["type"] = json!(t);
            }
            if let Some(p) = primary {
                e["primary"] = json!(p);
            }
            if let Some(d) = display {
                e["display"] = json!(d);
            }
            e
        })
}

/// A user as a client might send it; `n` makes its id.
pub fn user_json(n: usize) -> impl Strategy<Value = Value> {
    (
        (
            maybe(text()),
            maybe(text()),
            maybe(text()),
            maybe(text()),
            maybe(any::<bool>()),
        ),
        (
            maybe(text()),
            maybe(text()),
            prop::collection::vec(email(), 0..4),
        ),
        (
            maybe(date_time()),
            maybe(date_time()),
            maybe(text()),
            maybe(text()),
        ),
        (
            maybe(text()),
            maybe(prop::sample::select(
                &["TUlJRA==", "TUlJRA", "dGVzdA=="][..],
            )),
            0u8..3,
        ),
    )
        .prop_map(
            move |(
                (user_name, display, nick, external, active),
                (given, family, emails),
                (created, modified, employee, manager),
                (title, cert, schemas),
            )| {
                let mut u = json!({"id": format!("u{n}")});
                let mut set = |key: &str, v: Option<Value>| {
                    if let Some(v) = v {
                        u[key] = v;
                    }
                };
                set("userName", user_name.map(Value::from));
                set("displayName", display.map(Value::from));
                set("nickName", nick.map(Value::from));
                set("externalId", external.map(Value::from));
                set("active", active.map(Value::from));
                set("title", title.map(Value::from));
                let mut name = json!({});
                if let Some(g) = given {
                    name["givenName"] = json!(g);
                }
                if let Some(f) = family {
                    name["familyName"] = json!(f);
                }
                if name != json!({}) {
                    u["name"] = name;
                }
                if !emails.is_empty() {
                    u["emails"] = Value::from(emails);
                }
                if let Some(c) = cert {
                    u["x509Certificates"] = json!([{ "value": c }]);
                }
                let mut meta = json!({"resourceType": "User"});
                if let Some(c) = created {
                    meta["created"] = json!(c);
                }
                if let Some(m) = modified {
                    meta["lastModified"] = json!(m);
                }
                u["meta"] = meta;
                let mut ext = json!({});
                if let Some(e) = employee {
                    ext["employeeNumber"] = json!(e);
                }
                if let Some(m) = manager {
                    ext["manager"] = json!({"value": m});
                }
                let with_block = ext != json!({});
                if with_block {
                    u[ENTERPRISE] = ext;
                }
                // `schemas` as sent: absent, the core only, or naming the extension with or
                // without its block.
                match schemas {
                    0 if with_block => u["schemas"] = json!([CORE, ENTERPRISE]),
                    0 => {}
                    1 => u["schemas"] = json!([CORE]),
                    _ => u["schemas"] = json!([CORE, ENTERPRISE]),
                }
                u
            },
        )
}

pub fn users() -> impl Strategy<Value = Vec<Value>> {
    (1usize..7).prop_flat_map(|n| (0..n).map(user_json).collect::<Vec<_>>())
}

const OPS: &[&str] = &[
    "eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le", "EQ", "Co",
];

/// A comparison value: mostly of the attribute's kind, sometimes of another.
fn operand(kind: Kind) -> BoxedStrategy<String> {
    let own: BoxedStrategy<String> = match kind {
        Kind::Text => text().prop_map(|t| json!(t).to_string()).boxed(),
        Kind::Email => text()
            .prop_map(|t| json!(format!("{t}@example.com")).to_string())
            .boxed(),
        Kind::Date => prop_oneof![
            3 => date_time(),
            1 => prop::sample::select(&["2011-05-13", "2011", "2011-05-13T04:42", "2011-05-13T04:42:34ZZ"][..]).prop_map(str::to_owned),
        ]
        .prop_map(|t| json!(t).to_string())
        .boxed(),
        Kind::Bool => any::<bool>().prop_map(|b| b.to_string()).boxed(),
        Kind::Urn => prop::sample::select(
            &[CORE, ENTERPRISE, "URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER", "urn:ietf", "User", ":User"][..],
        )
        .prop_map(|t| json!(t).to_string())
        .boxed(),
        Kind::Binary => prop::sample::select(&["TUlJRA==", "TUlJ", "RA==", "dGVzdA=="][..])
            .prop_map(|t| json!(t).to_string())
            .boxed(),
    };
    prop_oneof![
        8 => own,
        1 => Just("null".to_owned()),
        1 => prop::sample::select(&["true", "42", "1.5", "\"true\"", "\"\""][..]).prop_map(str::to_owned),
    ]
    .boxed()
}

#[derive(Debug, Clone, Copy)]
enum Kind {
    Text,
    Email,
    Date,
    Bool,
    Binary,
    Urn,
}

const PATHS: &[(&str, Kind)] = &[
    ("userName", Kind::Text),
    ("USERNAME", Kind::Text),
    ("displayName", Kind::Text),
    ("nickName", Kind::Text),
    ("title", Kind::Text),
    ("externalId", Kind::Text),
    ("id", Kind::Text),
    ("active", Kind::Bool),
    ("name.givenName", Kind::Text),
    ("name.familyName", Kind::Text),
    ("name", Kind::Text),
    ("emails", Kind::Email),
    ("emails.value", Kind::Email),
    ("emails.type", Kind::Text),
    ("emails.display", Kind::Text),
    ("emails.primary", Kind::Bool),
    ("meta.created", Kind::Date),
    ("meta.lastModified", Kind::Date),
    ("meta.resourceType", Kind::Urn),
    ("x509Certificates.value", Kind::Binary),
    ("x509Certificates", Kind::Binary),
    ("schemas", Kind::Urn),
    ("meta.location", Kind::Text),
    (
        "urn:ietf:params:scim:schemas:core:2.0:User:userName",
        Kind::Text,
    ),
    (
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber",
        Kind::Text,
    ),
    (
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value",
        Kind::Text,
    ),
    (
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
        Kind::Text,
    ),
];

const EMAIL_PATHS: &[(&str, Kind)] = &[
    ("value", Kind::Email),
    ("type", Kind::Text),
    ("display", Kind::Text),
    ("primary", Kind::Bool),
];

const NAME_PATHS: &[(&str, Kind)] = &[("givenName", Kind::Text), ("familyName", Kind::Text)];

const MANAGER_PATHS: &[(&str, Kind)] = &[("value", Kind::Text), ("displayName", Kind::Text)];

fn leaf(paths: &'static [(&'static str, Kind)]) -> BoxedStrategy<String> {
    prop::sample::select(paths)
        .prop_flat_map(|(path, kind)| {
            prop_oneof![
                6 => (prop::sample::select(OPS), operand(kind))
                    .prop_map(move |(op, value)| format!("{path} {op} {value}")),
                1 => Just(format!("{path} pr")),
            ]
        })
        .boxed()
}

fn combine(inner: BoxedStrategy<String>) -> BoxedStrategy<String> {
    prop_oneof![
        (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a} and {b})")),
        (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("{a} or {b}")),
        inner.clone().prop_map(|a| format!("not ({a})")),
    ]
    .boxed()
}

/// A filter over the users of [`users`].
pub fn filter() -> impl Strategy<Value = String> {
    let inner = leaf(EMAIL_PATHS).prop_recursive(2, 6, 2, combine);
    let value_path = inner.prop_map(|f| format!("emails[{f}]")).boxed();
    // Value filters on single-valued complex attributes select the one value.
    let single = prop_oneof![
        leaf(NAME_PATHS).prop_map(|f| format!("name[{f}]")),
        leaf(MANAGER_PATHS).prop_map(|f| format!("{ENTERPRISE}:manager[{f}]")),
        leaf(EMAIL_PATHS).prop_map(|f| format!("x509Certificates[{f}]")),
    ]
    .boxed();
    let leaves = Union::new_weighted(vec![(6, leaf(PATHS)), (2, value_path), (1, single)]);
    leaves.prop_recursive(3, 12, 2, combine)
}

/// Checks one filter: the rows `run` selects with its translation are the ids the engine
/// matches, or both refuse it for the same reason; `may_refuse` says which refusals of the
/// translation alone the caller expects (ASCII folding's, SQLite's decimals).
pub fn check(
    translator: &Translator,
    filter_text: &str,
    engine: &dyn Fn(&Filter) -> Result<Vec<String>, scim_runtime::filter::EvalError>,
    may_refuse: &dyn Fn(Untranslatable) -> bool,
    run: &mut dyn FnMut(&scim_runtime::server::sql::Sql) -> Vec<String>,
) -> Result<(), TestCaseError> {
    let filter: Filter = filter_text.parse().map_err(|e| {
        TestCaseError::fail(format!(
            "the generator wrote a bad filter {filter_text}: {e}"
        ))
    })?;
    match (translator.condition(&filter), engine(&filter)) {
        (Ok(sql), Ok(expected)) => {
            let got = run(&sql);
            prop_assert_eq!(got, expected, "filter {} as {}", filter, sql.text);
        }
        (Err(SqlError::Filter(e)), Err(expected)) => prop_assert_eq!(e, expected),
        (Err(SqlError::Untranslatable { what, .. }), _) if may_refuse(what) => {}
        (sql, engine) => {
            return Err(TestCaseError::fail(format!(
                "filter {filter}: the translation gives {sql:?}, the engine {engine:?}"
            )));
        }
    }
    Ok(())
}

/// The translators the property runs with: Unicode folding by a function (`scim_lower`), or
/// ASCII folding, which refuses non-ASCII case-insensitive comparisons and must be exact on
/// the rest.
pub fn with_folding(dialect: Dialect, ascii: bool) -> Translator {
    let t = Translator::for_resource::<User>(dialect);
    if ascii {
        t
    } else {
        t.with_case_folding(CaseFolding::Function("scim_lower".into()))
    }
}

/// The refusals expected of a translator built by [`with_folding`].
pub fn refusals(ascii: bool) -> impl Fn(Untranslatable) -> bool {
    move |what| ascii && what == Untranslatable::NonAsciiCaseInsensitive
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::support::cases(300)))]

    #[test]
    fn sqlite_answers_as_the_engine(
        users in users(),
        filters in prop::collection::vec(filter(), 1..12),
        ascii in any::<bool>(),
    ) {
        let users: Vec<User> = users.into_iter().map(user).collect();
        let conn = sqlite_with(&users);
        let translator = with_folding(Dialect::Sqlite, ascii);
        for f in &filters {
            check(
                &translator,
                f,
                &|f| engine_ids(&users, f),
                &refusals(ascii),
                &mut |sql| sqlite_ids(&conn, sql),
            )?;
        }
    }
}

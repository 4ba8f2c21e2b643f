//! Parsing and serializing with the derived types, against a plain
//! `#[derive(Serialize, Deserialize)]` struct set covering the same attributes and against
//! `serde_json::Value`, in the same binary so the ratios mean something.
//!
//! Run with `GLIBC_TUNABLES=glibc.malloc.trim_threshold=268435456:glibc.malloc.mmap_threshold=33554432
//! cargo bench -p scim-runtime --bench model` (glibc's heap trimming otherwise skews one side).
//!
//! Wall-clock ratios move between runs on a shared machine, so the same binary also counts
//! instructions: with `SCIM_BENCH_INSTRUCTIONS=CASE:N` it runs one case N times and exits, and
//! `tools/bench_instructions.sh` runs every case under callgrind and prints instructions per
//! operation against its plain-serde baseline, which repeat exactly from run to run: the full
//! user and a 1,000-user list read, the user with upper-case names and with unknown attributes
//! and an unknown extension read, both written (plainly, in a context, with `to_vec_in`), and
//! `to_json_in` against `serde_json::to_value` of `in_context`.

use criterion::{black_box, criterion_group, BenchmarkId, Criterion};
use scim_runtime::message::ListResponse;
use scim_runtime::{Context, Resource, User};
use serde_json::Value;

mod plain {
    //! The baseline: what plain serde does with no SCIM rules (case-sensitive names, unknown
    //! attributes dropped, no contexts).
    use serde::{Deserialize, Serialize};

    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct User {
        pub schemas: Vec<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub id: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub external_id: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub user_name: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub name: Option<Name>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub display_name: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub nick_name: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub profile_url: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub title: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub user_type: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub preferred_language: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub locale: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub timezone: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub active: Option<bool>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub password: Option<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub emails: Vec<Multi>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub phone_numbers: Vec<Multi>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub ims: Vec<Multi>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub photos: Vec<Multi>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub addresses: Vec<Address>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub groups: Vec<Multi>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub entitlements: Vec<Multi>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub roles: Vec<Multi>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub x509_certificates: Vec<Multi>,
        #[serde(
            rename = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
            skip_serializing_if = "Option::is_none"
        )]
        pub enterprise: Option<Enterprise>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub meta: Option<Meta>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Name {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub formatted: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub family_name: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub given_name: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub middle_name: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub honorific_prefix: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub honorific_suffix: Option<String>,
    }

    #[derive(Serialize, Deserialize)]
    pub struct Multi {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub value: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub display: Option<String>,
        #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
        pub kind: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub primary: Option<bool>,
        #[serde(rename = "$ref", skip_serializing_if = "Option::is_none")]
        pub reference: Option<String>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Address {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub formatted: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub street_address: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub locality: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub region: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub postal_code: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub country: Option<String>,
        #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
        pub kind: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub primary: Option<bool>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Enterprise {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub employee_number: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub cost_center: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub organization: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub division: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub department: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub manager: Option<Manager>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Manager {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub value: Option<String>,
        #[serde(rename = "$ref", skip_serializing_if = "Option::is_none")]
        pub reference: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub display_name: Option<String>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Meta {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub resource_type: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub created: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub last_modified: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub location: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub version: Option<String>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct List {
        pub schemas: Vec<String>,
        pub total_results: u64,
        #[serde(rename = "Resources")]
        pub resources: Vec<User>,
    }
}

/// The RFC 7643 §8.2 full user with the §8.3 enterprise extension.
fn full_user() -> String {
    let text = include_str!("../tests/fixtures/rfc7643/8.3-enterprise-user.json");
    let mut user: Value = serde_json::from_str(text).unwrap();
    let full: Value =
        serde_json::from_str(include_str!("../tests/fixtures/rfc7643/8.2-full-user.json")).unwrap();
    for (k, v) in full.as_object().unwrap() {
        user.as_object_mut()
            .unwrap()
            .entry(k.clone())
            .or_insert(v.clone());
    }
    serde_json::to_string(&user).unwrap()
}

fn list_of(n: usize) -> String {
    let user: Value = serde_json::from_str(&full_user()).unwrap();
    let resources: Vec<Value> = (0..n)
        .map(|i| {
            let mut u = user.clone();
            u["id"] = Value::String(format!("2819c223-7f76-453a-919d-{i:012}"));
            u["userName"] = Value::String(format!("user{i}@example.com"));
            u
        })
        .collect();
    serde_json::to_string(&serde_json::json!({
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
        "totalResults": n,
        "Resources": resources,
    }))
    .unwrap()
}

fn bench_user(c: &mut Criterion) {
    let text = full_user();
    let derived: User = serde_json::from_str(&text).unwrap();
    let plain: plain::User = serde_json::from_str(&text).unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();

    let mut g = c.benchmark_group("full user/parse");
    g.bench_function("plain serde", |b| {
        b.iter(|| serde_json::from_str::<plain::User>(black_box(&text)).unwrap())
    });
    g.bench_function("scim-runtime", |b| {
        b.iter(|| serde_json::from_str::<User>(black_box(&text)).unwrap())
    });
    g.bench_function("serde_json::Value", |b| {
        b.iter(|| serde_json::from_str::<Value>(black_box(&text)).unwrap())
    });
    g.finish();

    let mut g = c.benchmark_group("full user/serialize");
    g.bench_function("plain serde", |b| {
        b.iter(|| serde_json::to_vec(black_box(&plain)).unwrap())
    });
    g.bench_function("scim-runtime", |b| {
        b.iter(|| serde_json::to_vec(black_box(&derived)).unwrap())
    });
    g.bench_function("scim-runtime query-response", |b| {
        b.iter(|| {
            serde_json::to_vec(&black_box(&derived).in_context(Context::QueryResponse, None))
                .unwrap()
        })
    });
    g.bench_function("serde_json::Value", |b| {
        b.iter(|| serde_json::to_vec(black_box(&value)).unwrap())
    });
    g.finish();
}

fn bench_list(c: &mut Criterion) {
    let text = list_of(1000);
    let derived: ListResponse<User> = serde_json::from_str(&text).unwrap();
    let plain: plain::List = serde_json::from_str(&text).unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();

    let mut g = c.benchmark_group("1000-user list/parse");
    g.sample_size(30);
    g.bench_function("plain serde", |b| {
        b.iter(|| serde_json::from_str::<plain::List>(black_box(&text)).unwrap())
    });
    g.bench_function("scim-runtime", |b| {
        b.iter(|| serde_json::from_str::<ListResponse<User>>(black_box(&text)).unwrap())
    });
    g.bench_function("serde_json::Value", |b| {
        b.iter(|| serde_json::from_str::<Value>(black_box(&text)).unwrap())
    });
    g.finish();

    let mut g = c.benchmark_group("1000-user list/serialize");
    g.sample_size(30);
    g.bench_function("plain serde", |b| {
        b.iter(|| serde_json::to_vec(black_box(&plain)).unwrap())
    });
    g.bench_function("scim-runtime", |b| {
        b.iter(|| serde_json::to_vec(black_box(&derived)).unwrap())
    });
    g.bench_function("scim-runtime query-response", |b| {
        b.iter(|| {
            serde_json::to_vec(&black_box(&derived).in_context(Context::QueryResponse, None))
                .unwrap()
        })
    });
    g.bench_function("serde_json::Value", |b| {
        b.iter(|| serde_json::to_vec(black_box(&value)).unwrap())
    });
    g.finish();

    let projection =
        scim_runtime::Projection::attributes(["userName", "name.givenName", "emails.value"]);
    let mut g = c.benchmark_group("1000-user list/serialize projected");
    g.sample_size(30);
    g.bench_with_input(
        BenchmarkId::new("scim-runtime", "attributes=3"),
        &projection,
        |b, p| {
            b.iter(|| {
                serde_json::to_vec(&black_box(&derived).in_context(Context::QueryResponse, Some(p)))
                    .unwrap()
            })
        },
    );
    g.finish();
}

/// The full user with every attribute name, at every level, in upper case (RFC 7643 §2.1:
/// names are case-insensitive), which plain serde cannot read: its baseline is the same user
/// with the names as the RFC writes them, the same bytes but for case.
fn upper_case_user() -> String {
    fn upper(value: Value) -> Value {
        match value {
            Value::Object(map) => Value::Object(
                map.into_iter()
                    .map(|(k, v)| {
                        // A URN names a schema; only the attribute names change case.
                        let k = if k.starts_with("urn:") {
                            k
                        } else {
                            k.to_ascii_uppercase()
                        };
                        (k, upper(v))
                    })
                    .collect(),
            ),
            Value::Array(items) => Value::Array(items.into_iter().map(upper).collect()),
            other => other,
        }
    }
    serde_json::to_string(&upper(serde_json::from_str(&full_user()).unwrap())).unwrap()
}

/// The full user with attributes no schema of it defines, at the top level and in complex
/// values, and a block of an extension it does not know: scim-runtime keeps them
/// (`#[scim(other)]`), plain serde skips them.
fn user_with_unknowns() -> String {
    let mut user: Value = serde_json::from_str(&full_user()).unwrap();
    let extra = serde_json::json!({
        "favoriteColor": "teal",
        "badgeNumber": 4711,
        "onCall": false,
        "urn:example:params:scim:schemas:extension:badge:2.0:User": {
            "badge": "B-4711",
            "issued": "2011-05-13T04:42:34Z",
            "zones": ["lobby", "lab"]
        }
    });
    let object = user.as_object_mut().unwrap();
    for (k, v) in extra.as_object().unwrap() {
        object.insert(k.clone(), v.clone());
    }
    object["schemas"]
        .as_array_mut()
        .unwrap()
        .push("urn:example:params:scim:schemas:extension:badge:2.0:User".into());
    object["name"]["pronunciation"] = "BAR-bra".into();
    for email in object["emails"].as_array_mut().unwrap() {
        email["verified"] = true.into();
    }
    serde_json::to_string(&user).unwrap()
}

/// One case of the comparison, run `n` times without criterion (for instruction counts): the
/// setup is the same whatever `n`, so counts at two values of `n` give the cost per operation.
/// `tools/bench_instructions.sh` lists the cases and the baseline each is compared with.
fn run_case(case: &str, n: usize) {
    let user_text = full_user();
    let list_text = list_of(1000);
    let upper_text = upper_case_user();
    let unknown_text = user_with_unknowns();
    let user: User = serde_json::from_str(&user_text).unwrap();
    let plain_user: plain::User = serde_json::from_str(&user_text).unwrap();
    let list: ListResponse<User> = serde_json::from_str(&list_text).unwrap();
    let plain_list: plain::List = serde_json::from_str(&list_text).unwrap();
    // Every case must read its input: a benchmark of an error path would measure nothing.
    assert!(serde_json::from_str::<User>(&upper_text).is_ok_and(|u| u.user_name.is_some()));
    assert!(serde_json::from_str::<User>(&unknown_text).is_ok_and(|u| u.other.len() == 4));
    let op: Box<dyn Fn()> = match case {
        "user-parse-plain" => {
            Box::new(|| drop(serde_json::from_str::<plain::User>(black_box(&user_text))))
        }
        "user-parse-scim" => Box::new(|| drop(serde_json::from_str::<User>(black_box(&user_text)))),
        "upper-case-parse-scim" => {
            Box::new(|| drop(serde_json::from_str::<User>(black_box(&upper_text))))
        }
        "unknowns-parse-plain" => Box::new(|| {
            drop(serde_json::from_str::<plain::User>(black_box(
                &unknown_text,
            )))
        }),
        "unknowns-parse-scim" => {
            Box::new(|| drop(serde_json::from_str::<User>(black_box(&unknown_text))))
        }
        "user-serialize-plain" => Box::new(|| drop(serde_json::to_vec(black_box(&plain_user)))),
        "user-serialize-scim" => Box::new(|| drop(serde_json::to_vec(black_box(&user)))),
        "user-serialize-query-response" => Box::new(|| {
            drop(serde_json::to_vec(
                &black_box(&user).in_context(Context::QueryResponse, None),
            ))
        }),
        "user-to-vec-in" => {
            Box::new(|| drop(black_box(&user).to_vec_in(Context::QueryResponse, None)))
        }
        "user-to-value-in-context" => Box::new(|| {
            drop(serde_json::to_value(
                black_box(&user).in_context(Context::QueryResponse, None),
            ))
        }),
        "user-to-json-in" => {
            Box::new(|| drop(black_box(&user).to_json_in(Context::QueryResponse, None)))
        }
        "list-parse-plain" => {
            Box::new(|| drop(serde_json::from_str::<plain::List>(black_box(&list_text))))
        }
        "list-parse-scim" => Box::new(|| {
            drop(serde_json::from_str::<ListResponse<User>>(black_box(
                &list_text,
            )))
        }),
        "list-serialize-plain" => Box::new(|| drop(serde_json::to_vec(black_box(&plain_list)))),
        "list-serialize-scim" => Box::new(|| drop(serde_json::to_vec(black_box(&list)))),
        "list-serialize-query-response" => Box::new(|| {
            drop(serde_json::to_vec(
                &black_box(&list).in_context(Context::QueryResponse, None),
            ))
        }),
        "list-to-vec-in" => {
            Box::new(|| drop(black_box(&list).to_vec_in(Context::QueryResponse, None)))
        }
        other => panic!("unknown case {other}"),
    };
    for _ in 0..n {
        op();
    }
}

criterion_group!(benches, bench_user, bench_list);

fn main() {
    if let Ok(spec) = std::env::var("SCIM_BENCH_INSTRUCTIONS") {
        let (case, n) = spec.split_once(':').expect("CASE:N");
        run_case(case, n.parse().expect("N is a count"));
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}

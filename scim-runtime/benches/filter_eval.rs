//! Evaluation time of typical filters (RFC 7644 §3.4.2.2) over 10,000 users made from the full
//! user of RFC 7643 §8.2, for this crate's typed `User`, for its `JsonObject` view of
//! `serde_json::Value`s, and, as a baseline in the same run, for the `scim-filter` crate's
//! matcher over the same `Value`s. Every filter is parsed once, outside the timing; each
//! benchmark counts the users that match.
//!
//! Run with `cargo bench -p scim-runtime --bench filter_eval`; benchmarks are named
//! `eval/<implementation>/<filter>`. Before timing, the three implementations are checked to
//! select the same number of users; one that disagrees on a filter is left out of that
//! filter's group, with a note.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use scim_runtime::filter::{parse_filter, Filter, FilterExt, JsonObject};
use scim_runtime::{Resource, User};
use serde_json::Value;

const USERS: usize = 10_000;

/// The filters, by a short name.
const FILTERS: [(&str, &str); 5] = [
    ("username_eq", r#"userName eq "user5000@example.com""#),
    (
        "emails_value_filter",
        r#"emails[type eq "work" and value co "@example.com"]"#,
    ),
    (
        "last_modified_gt",
        r#"meta.lastModified gt "2011-05-13T07:00:00Z""#,
    ),
    (
        "and_or",
        r#"(userType eq "Employee" and title pr) or userName sw "user99""#,
    ),
    (
        "not_and",
        r#"not (userType eq "Intern") and name.familyName eq "jensen""#,
    ),
];

/// RFC 7643 §8.2 with a userName, emails, userType, title and lastModified that vary per user.
fn users_json() -> Vec<Value> {
    let text = include_str!("../tests/fixtures/rfc7643/8.2-full-user.json");
    let template: Value = serde_json::from_str(text).expect("the RFC 7643 §8.2 fixture");
    (0..USERS)
        .map(|i| {
            let mut user = template.clone();
            user["id"] = format!("id-{i}").into();
            user["userName"] = format!("user{i}@example.com").into();
            let (work_domain, work_type) = match i % 4 {
                0 => ("example.com", "work"),
                1 => ("example.org", "work"),
                2 => ("example.com", "home"),
                _ => ("Example.COM", "Work"),
            };
            user["emails"] = serde_json::json!([
                {"value": format!("user{i}@{work_domain}"), "type": work_type, "primary": true},
                {"value": format!("u{i}@home.example.net"), "type": "other"},
            ]);
            user["userType"] = if i.is_multiple_of(3) {
                "Intern"
            } else {
                "Employee"
            }
            .into();
            if i.is_multiple_of(5) {
                user.as_object_mut().expect("an object").remove("title");
            }
            if i.is_multiple_of(7) {
                user["name"]["familyName"] = "Smith".into();
            }
            let seconds = 4 * 3600 + 42 * 60 + 34 + (i as u64) * 2;
            user["meta"]["lastModified"] = format!(
                "2011-05-13T{:02}:{:02}:{:02}Z",
                seconds / 3600,
                seconds / 60 % 60,
                seconds % 60
            )
            .into();
            user
        })
        .collect()
}

fn count_typed(filter: &Filter, users: &[User]) -> usize {
    users.iter().filter(|user| filter.matches(*user)).count()
}

fn count_json(filter: &Filter, users: &[Value]) -> usize {
    users
        .iter()
        .filter(|user| {
            let map = user.as_object().expect("an object");
            filter.matches(&JsonObject::resource(map, User::SCHEMA))
        })
        .count()
}

fn count_scim_filter(filter: &scim_filter::parser::Filter<'_>, users: &[Value]) -> usize {
    users
        .iter()
        .filter(|user| filter.r#match(user).unwrap_or(false))
        .count()
}

fn eval(c: &mut Criterion) {
    let json = users_json();
    let typed: Vec<User> = json
        .iter()
        .map(|user| serde_json::from_value(user.clone()).expect("a User"))
        .collect();
    let mut group = c.benchmark_group("eval");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for (name, text) in FILTERS {
        let filter = parse_filter(text).expect("a valid filter");
        let ours = count_typed(&filter, &typed);
        assert_eq!(
            ours,
            count_json(&filter, &json),
            "typed and JSON disagree on {text}"
        );
        eprintln!("{name}: {ours} of {USERS} users match `{text}`");
        group.bench_with_input(BenchmarkId::new("typed", name), &filter, |b, filter| {
            b.iter(|| count_typed(black_box(filter), &typed))
        });
        group.bench_with_input(BenchmarkId::new("json", name), &filter, |b, filter| {
            b.iter(|| count_json(black_box(filter), &json))
        });
        match scim_filter::parser::filter(text) {
            Ok((rest, theirs)) if rest.trim().is_empty() => {
                let count = count_scim_filter(&theirs, &json);
                if count == ours {
                    group.bench_with_input(
                        BenchmarkId::new("scim-filter", name),
                        &theirs,
                        |b, filter| b.iter(|| count_scim_filter(black_box(filter), &json)),
                    );
                } else {
                    eprintln!("{name}: scim-filter selects {count} users, not {ours}; not timed");
                }
            }
            _ => eprintln!("{name}: scim-filter does not parse `{text}`; not timed"),
        }
    }
    group.finish();
}

criterion_group!(benches, eval);
criterion_main!(benches);

//! Sorting by `sortBy` and `sortOrder` (RFC 7644 §3.4.2.3), as tables: the resources in, the
//! path and order, the order out (by label). Typed `User`s, a derived type with numbers, and
//! JSON resources.

use scim_runtime::filter::JsonObject;
use scim_runtime::message::SortOrder::{self, Ascending, Descending};
use scim_runtime::path::parse_path;
use scim_runtime::sort::sort_resources;
use scim_runtime::{Decimal, Meta, OtherAttributes, Resource, ScimResource, User};
use serde_json::{json, Value};

/// Users made from JSON, labelled by `externalId`.
fn users(json: Value) -> Vec<User> {
    serde_json::from_value(json).unwrap()
}

fn labels(users: &[User]) -> Vec<&str> {
    users
        .iter()
        .map(|u| u.external_id.as_deref().unwrap())
        .collect()
}

fn check_users(json: &Value, cases: &[(&str, SortOrder, &[&str])]) {
    for (path, order, expected) in cases {
        let mut list = users(json.clone());
        sort_resources(&mut list, &parse_path(path).unwrap(), *order);
        assert_eq!(
            labels(&list),
            *expected,
            "sortBy={path} sortOrder={order:?}"
        );
    }
}

#[test]
fn strings_follow_case_exact() {
    let json = json!([
        {"externalId": "a", "id": "b", "userName": "bob"},
        {"externalId": "b", "id": "B", "userName": "Alice"},
        {"externalId": "c", "id": "a", "userName": "alice"},
        {"externalId": "d", "id": "A", "userName": "Ärne"},
        {"externalId": "e"},
    ]);
    check_users(
        &json,
        &[
            // userName is case-insensitive: Alice and alice are equal and keep their order,
            // in both directions; Ä lower-cases to ä, after every ASCII letter.
            ("userName", Ascending, &["b", "c", "a", "d", "e"]),
            ("userName", Descending, &["e", "d", "a", "b", "c"]),
            ("USERNAME", Ascending, &["b", "c", "a", "d", "e"]),
            // `id` is caseExact: upper case before lower case.
            ("id", Ascending, &["d", "b", "c", "a", "e"]),
            ("id", Descending, &["e", "a", "c", "b", "d"]),
            (
                "urn:ietf:params:scim:schemas:core:2.0:User:userName",
                Ascending,
                &["b", "c", "a", "d", "e"],
            ),
        ],
    );
}

#[test]
fn multi_valued_attributes_sort_by_primary_or_first_value() {
    let json = json!([
        {"externalId": "a", "emails": [
            {"value": "zed@example.com"}, {"value": "amy@example.com", "primary": true}]},
        {"externalId": "b", "emails": [{"value": "Bob@example.com"}, {"value": "aa@example.com"}]},
        {"externalId": "c", "emails": []},
        {"externalId": "d", "emails": [{"value": "carl@example.com", "type": "work"}]},
    ]);
    check_users(
        &json,
        &[
            ("emails", Ascending, &["a", "b", "d", "c"]),
            ("emails.value", Ascending, &["a", "b", "d", "c"]),
            ("emails.value", Descending, &["c", "d", "b", "a"]),
            // The primary (or first) email has no `type`, except d's.
            ("emails.type", Ascending, &["d", "a", "b", "c"]),
        ],
    );
}

#[test]
fn date_times_sort_as_instants_and_booleans_false_first() {
    let json = json!([
        {"externalId": "a", "active": true, "meta": {"lastModified": "2011-05-13T04:42:34Z"}},
        // 03:42:34Z, earlier than a despite the later hour on the clock.
        {"externalId": "b", "active": false, "meta": {"lastModified": "2011-05-13T05:42:34+02:00"}},
        {"externalId": "c", "meta": {"created": "2010-01-23T04:56:22Z"}},
        {"externalId": "d", "active": false, "meta": {"lastModified": "2011-05-13T04:42:34.5Z"}},
    ]);
    check_users(
        &json,
        &[
            ("meta.lastModified", Ascending, &["b", "a", "d", "c"]),
            ("meta.lastModified", Descending, &["c", "d", "a", "b"]),
            ("active", Ascending, &["b", "d", "a", "c"]),
            ("active", Descending, &["c", "a", "b", "d"]),
            // Nobody has a nickName: the order is kept.
            ("nickName", Ascending, &["a", "b", "c", "d"]),
            ("nickName", Descending, &["a", "b", "c", "d"]),
        ],
    );
}

#[test]
fn extension_attributes_sort() {
    let enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    let json = json!([
        {"externalId": "a", enterprise: {"employeeNumber": "30", "manager": {"value": "m2"}}},
        {"externalId": "b", enterprise: {"employeeNumber": "100"}},
        {"externalId": "c"},
        {"externalId": "d", enterprise: {"employeeNumber": "4", "manager": {"value": "m1"}}},
    ]);
    check_users(
        &json,
        &[
            // employeeNumber is a string: "100" < "30" < "4".
            (
                &format!("{enterprise}:employeeNumber"),
                Ascending,
                &["b", "a", "d", "c"],
            ),
            (
                &format!("{enterprise}:manager.value"),
                Ascending,
                &["d", "a", "b", "c"],
            ),
            (
                &format!("{enterprise}:manager"),
                Descending,
                &["b", "c", "a", "d"],
            ),
        ],
    );
}

/// A resource with numbers.
#[derive(Clone, PartialEq, Default, ScimResource)]
#[scim(
    resource,
    schema = "urn:example:scim:schemas:Item",
    name = "Item",
    endpoint = "/Items"
)]
pub struct Item {
    pub id: Option<String>,
    pub external_id: Option<String>,
    pub meta: Option<Meta>,
    /// How many.
    pub count: Option<i64>,
    /// How heavy.
    pub weight: Option<Decimal>,
    /// Scores.
    pub scores: Vec<i64>,
    #[scim(other)]
    pub other: OtherAttributes,
}

#[test]
fn numbers_sort_numerically() {
    let items: Vec<Item> = serde_json::from_value(json!([
        {"id": "a", "count": 10, "weight": 2.5, "scores": [7, 1]},
        {"id": "b", "count": -3, "weight": 10, "scores": [3]},
        {"id": "c", "count": 9, "weight": 2.25},
        {"id": "d", "weight": -0.5, "scores": [5, 9]},
    ]))
    .unwrap();
    let cases: &[(&str, SortOrder, &[&str])] = &[
        ("count", Ascending, &["b", "c", "a", "d"]),
        ("count", Descending, &["d", "a", "c", "b"]),
        ("weight", Ascending, &["d", "c", "a", "b"]),
        // Simple multi-valued: the first value (no primary).
        ("scores", Ascending, &["b", "d", "a", "c"]),
    ];
    for (path, order, expected) in cases {
        let mut list = items.clone();
        sort_resources(&mut list, &parse_path(path).unwrap(), *order);
        let ids: Vec<_> = list.iter().map(|i| i.id.as_deref().unwrap()).collect();
        assert_eq!(ids, *expected, "sortBy={path} sortOrder={order:?}");
    }
}

#[test]
fn json_resources_sort_through_the_schema() {
    let maps: Vec<serde_json::Map<String, Value>> = serde_json::from_value(json!([
        {"id": "a", "userName": "bob", "meta": {"lastModified": "2011-05-13T04:42:34Z"}},
        {"id": "b", "userName": "Alice", "meta": {"lastModified": "2011-05-13T05:42:34+02:00"}},
        {"id": "c", "userName": 42},
        {"id": "d"},
    ]))
    .unwrap();
    let cases: &[(&str, SortOrder, &[&str])] = &[
        // A number and strings: numbers before strings; no value last.
        ("userName", Ascending, &["c", "b", "a", "d"]),
        ("userName", Descending, &["d", "a", "b", "c"]),
        ("meta.lastModified", Ascending, &["b", "a", "c", "d"]),
    ];
    for (path, order, expected) in cases {
        let mut list: Vec<JsonObject<'_>> = maps
            .iter()
            .map(|map| JsonObject::resource(map, User::SCHEMA))
            .collect();
        sort_resources(&mut list, &parse_path(path).unwrap(), *order);
        let ids: Vec<_> = list
            .iter()
            .map(|o| {
                let Some(scim_runtime::value::Attr::Single(scim_runtime::value::ValueRef::Json(
                    id,
                ))) = scim_runtime::value::AttributeAccess::attribute(o, "id")
                else {
                    panic!("an id")
                };
                id.as_str().unwrap()
            })
            .collect();
        assert_eq!(ids, *expected, "sortBy={path} sortOrder={order:?}");
    }
}

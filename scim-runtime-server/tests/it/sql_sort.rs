//! Sorting and paging as SQL give the engine's order and page (RFC 7644 §3.4.2.3, §3.4.2.4):
//! the rows of a whole `SELECT` (filter, sort, page) against the engine's filter, stable
//! sort over the resources listed by id, and `ListQuery::page`.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use scim_runtime::filter::{Filter, FilterExt};
use scim_runtime::message::SortOrder;
use scim_runtime::path::parse_path;
use scim_runtime::server::sql::{Dialect, Translator};
use scim_runtime::server::ListQuery;
use scim_runtime::sort::sort_resources;
use scim_runtime::User;

use crate::sql_equivalence::{filter, users, with_folding};
use crate::support::{sqlite_rows, sqlite_with, user};

/// Every sort whose order SQL gives exactly under any folding: case-exact text, instants,
/// booleans, binaries, lists by their primary or first value.
pub const EXACT_SORTS: &[&str] = &[
    "externalId",
    "id",
    "meta.created",
    "meta.lastModified",
    "active",
    "emails.primary",
    "x509Certificates",
    "x509Certificates.value",
    "schemas",
    "meta.resourceType",
];

/// Sorts whose order needs Unicode folding (`CaseFolding::Function`) to be the engine's.
pub const FOLDED_SORTS: &[&str] = &[
    "userName",
    "USERNAME",
    "name.familyName",
    "displayName",
    "emails",
    "emails.value",
    "emails.type",
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value",
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber",
    "name",
];

/// A list query: maybe a filter, maybe a sort (without one, lists are in id order), a page.
pub fn query(sorts: &'static [&'static str]) -> impl Strategy<Value = ListQuery> {
    (
        prop::option::weighted(0.3, filter()),
        prop::option::weighted(0.85, prop::sample::select(sorts)),
        any::<bool>(),
        0u64..9,
        prop::option::of(0u64..6),
    )
        .prop_map(
            |(filter, sort_by, descending, start_index, count)| ListQuery {
                filter: filter.map(|f| f.parse().expect("a filter")),
                sort_by: sort_by.map(|s| parse_path(s).expect("a path")),
                sort_order: if descending {
                    SortOrder::Descending
                } else {
                    SortOrder::Ascending
                },
                start_index: start_index.max(1),
                count,
                ..ListQuery::default()
            },
        )
}

/// The ids the engine lists for `query`: filtered, then sorted stably from id order, then
/// paged.
pub fn engine_page(users: &[User], query: &ListQuery) -> Vec<String> {
    let mut listed: Vec<User> = users
        .iter()
        .filter(|u| query.filter.as_ref().is_none_or(|f: &Filter| f.matches(*u)))
        .cloned()
        .collect();
    listed.sort_by(|a, b| a.id.cmp(&b.id));
    if let Some(sort_by) = &query.sort_by {
        sort_resources(&mut listed, sort_by, query.sort_order);
    }
    let page = query.page(listed.len(), usize::MAX);
    listed[page]
        .iter()
        .map(|u| u.id.clone().expect("an id"))
        .collect()
}

fn ids_of(rows: Vec<String>) -> Vec<String> {
    rows.iter()
        .map(|r| {
            let v: serde_json::Value = serde_json::from_str(r).expect("JSON rows");
            v["id"].as_str().expect("an id").to_owned()
        })
        .collect()
}

/// Whether the engine refuses the query's filter (then so does the translation, which
/// `sql_equivalence` checks); such queries are left out here.
fn refused(users: &[User], query: &ListQuery) -> bool {
    query
        .filter
        .as_ref()
        .is_some_and(|f| users.iter().any(|u| f.evaluate(u).is_err()))
}

fn check_sqlite(users: &[User], query: &ListQuery) -> Result<(), TestCaseError> {
    let translator = with_folding(Dialect::Sqlite, false);
    let conn = sqlite_with(users);
    if refused(users, query) {
        return Ok(());
    }
    let sql = translator
        .select("users", query)
        .map_err(|e| TestCaseError::fail(format!("{query:?}: {e}")))?;
    let got = ids_of(sqlite_rows(&conn, &sql));
    prop_assert_eq!(
        got,
        engine_page(users, query),
        "{:?} as {}",
        query,
        sql.text
    );
    Ok(())
}

#[test]
fn sqlite_sorts_and_pages_as_the_engine() {
    let all: &'static [&'static str] =
        Box::leak([EXACT_SORTS, FOLDED_SORTS].concat().into_boxed_slice());
    let mut runner = TestRunner::new(Config::with_cases(crate::support::cases(300)));
    runner
        .run(
            &(users(), prop::collection::vec(query(all), 1..6)),
            |(users, queries)| {
                let users: Vec<User> = users.into_iter().map(user).collect();
                for q in &queries {
                    check_sqlite(&users, q)?;
                }
                Ok(())
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn postgres_sorts_and_pages_as_the_engine() {
    let Some(client) = crate::sql_postgres::client() else {
        return;
    };
    let client = std::cell::RefCell::new(client);
    let mut runner = TestRunner::new(Config::with_cases(crate::support::cases(150)));
    runner
        .run(
            &(users(), prop::collection::vec(query(EXACT_SORTS), 1..6)),
            |(users, queries)| {
                let users: Vec<User> = users.into_iter().map(user).collect();
                let mut client = client.borrow_mut();
                crate::sql_postgres::load(&mut client, &users);
                let translator = with_folding(Dialect::Postgres, true);
                for q in &queries {
                    if refused(&users, q) {
                        continue;
                    }
                    let sql = match translator.select("users", q) {
                        Ok(sql) => sql,
                        // Non-ASCII case-insensitive comparisons, refused under ASCII folding.
                        Err(e) if e.to_string().contains("non-ASCII") => continue,
                        Err(e) => return Err(TestCaseError::fail(format!("{q:?}: {e}"))),
                    };
                    let got: Vec<String> = crate::sql_postgres::json_rows(&mut client, &sql)
                        .into_iter()
                        .map(|v| v["id"].as_str().expect("an id").to_owned())
                        .collect();
                    prop_assert_eq!(got, engine_page(&users, q), "{:?} as {}", q, sql.text);
                }
                Ok(())
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn a_typed_user_table_sorts_by_user_name_in_both_dialects() {
    // The statement of a plain list, checked for its shape in each dialect.
    for dialect in [Dialect::Sqlite, Dialect::Postgres] {
        let q = ListQuery {
            sort_by: Some(parse_path("userName").unwrap()),
            start_index: 3,
            count: Some(2),
            ..ListQuery::default()
        };
        let sql = Translator::for_resource::<User>(dialect)
            .select("users", &q)
            .unwrap();
        assert!(
            sql.text
                .starts_with(r#"SELECT "resource" FROM "users" ORDER BY "#),
            "{}",
            sql.text
        );
        assert_eq!(sql.params.len(), 2, "the limit and the offset");
    }
}

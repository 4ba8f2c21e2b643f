//! The translation run by PostgreSQL: the property of `sql_equivalence` against a real
//! server, given by `SCIM_TEST_POSTGRES_URL` (CI starts one, see `tools/test_postgres.sh`).

use postgres::types::ToSql;
use postgres::{Client, NoTls};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use scim_runtime::server::sql::{Dialect, Param, Sql};
use scim_runtime::User;

use crate::sql_equivalence::{check, filter, refusals, users, with_folding};
use crate::support::{engine_ids, user};

/// A client of the test server, or `None` (with the reason printed) when none is given; under
/// CI a missing server fails the test.
pub fn client() -> Option<Client> {
    let Ok(url) = std::env::var("SCIM_TEST_POSTGRES_URL") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but SCIM_TEST_POSTGRES_URL is not: the PostgreSQL tests cannot be skipped"
        );
        eprintln!("skipped: SCIM_TEST_POSTGRES_URL is not set (a PostgreSQL to test against)");
        return None;
    };
    Some(Client::connect(&url, NoTls).unwrap_or_else(|e| panic!("cannot connect to {url}: {e}")))
}

/// A fresh temporary table `users (id, resource jsonb)` holding `users` as the model writes
/// them.
pub fn load(client: &mut Client, users: &[User]) {
    client
        .batch_execute(
            "DROP TABLE IF EXISTS users; \
             CREATE TEMPORARY TABLE users (id text PRIMARY KEY, resource jsonb NOT NULL)",
        )
        .expect("the table");
    for u in users {
        let json = serde_json::to_string(u).expect("a user writes");
        client
            .execute(
                "INSERT INTO users (id, resource) VALUES ($1, CAST($2::text AS jsonb))",
                &[&u.id, &json],
            )
            .expect("insert");
    }
}

fn params(params: &[Param]) -> Vec<Box<dyn ToSql + Sync>> {
    params
        .iter()
        .map(|p| -> Box<dyn ToSql + Sync> {
            match p {
                Param::Text(s) => Box::new(s.clone()),
                Param::Integer(i) => Box::new(*i),
                Param::Real(f) => Box::new(*f),
                Param::Bool(b) => Box::new(*b),
                other => panic!("a parameter kind the tests do not know: {other:?}"),
            }
        })
        .collect()
}

/// The first column (text) of the rows of a whole statement.
pub fn rows(client: &mut Client, sql: &Sql, column_sql: &str) -> Vec<String> {
    let text = column_sql.replace("{}", &sql.text);
    let boxed = params(&sql.params);
    let refs: Vec<&(dyn ToSql + Sync)> = boxed.iter().map(|b| b.as_ref()).collect();
    client
        .query(&text, &refs)
        .unwrap_or_else(|e| panic!("PostgreSQL fails on {text}: {e}"))
        .iter()
        .map(|r| r.get::<_, String>(0))
        .collect()
}

/// The ids of the `users` rows that a condition selects, in byte order.
pub fn matching_ids(client: &mut Client, condition: &Sql) -> Vec<String> {
    rows(
        client,
        condition,
        "SELECT id FROM users WHERE {} ORDER BY id COLLATE \"C\"",
    )
}

#[test]
fn postgres_answers_as_the_engine() {
    let Some(client) = client() else {
        return;
    };
    // The runner takes a `Fn`; one connection serves every case.
    let client = std::cell::RefCell::new(client);
    let mut runner = TestRunner::new(Config::with_cases(crate::support::cases(200)));
    let strategy = (users(), prop::collection::vec(filter(), 1..12));
    runner
        .run(&strategy, |(users, filters)| {
            let users: Vec<User> = users.into_iter().map(user).collect();
            let mut client = client.borrow_mut();
            load(&mut client, &users);
            let translator = with_folding(Dialect::Postgres, true);
            for f in &filters {
                check(
                    &translator,
                    f,
                    &|f| engine_ids(&users, f),
                    &refusals(true),
                    &mut |sql| matching_ids(&mut client, sql),
                )?;
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
}

/// The resource JSON of the rows of a whole statement.
pub fn json_rows(client: &mut Client, sql: &Sql) -> Vec<serde_json::Value> {
    let boxed = params(&sql.params);
    let refs: Vec<&(dyn ToSql + Sync)> = boxed.iter().map(|b| b.as_ref()).collect();
    client
        .query(&sql.text, &refs)
        .unwrap_or_else(|e| panic!("PostgreSQL fails on {}: {e}", sql.text))
        .iter()
        .map(|r| r.get::<_, serde_json::Value>(0))
        .collect()
}

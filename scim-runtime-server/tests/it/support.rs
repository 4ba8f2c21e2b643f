//! What the SQL tests share: users, a SQLite table of them, and the engine's answer.

use rusqlite::functions::FunctionFlags;
use rusqlite::Connection;
use scim_runtime::filter::{EvalError, Filter, FilterExt};
use scim_runtime::server::sql::{Param, Sql};
use scim_runtime::User;

/// The full user of RFC 7643 §8.2, as the repository keeps it.
pub fn full_user_json() -> serde_json::Value {
    serde_json::from_str(include_str!("../../../testdata/rfc7643_full_user.json"))
        .expect("the RFC 7643 §8.2 user is JSON")
}

/// A user read from JSON, as a store reads a request body.
pub fn user(json: serde_json::Value) -> User {
    serde_json::from_value(json).expect("a valid user")
}

/// A SQLite table `users (id, resource)` holding `users` as the model writes them, with
/// `scim_lower` (Rust's `str::to_lowercase`) registered.
pub fn sqlite_with(users: &[User]) -> Connection {
    let conn = Connection::open_in_memory().expect("an in-memory database");
    conn.execute_batch("CREATE TABLE users (id TEXT PRIMARY KEY, resource TEXT NOT NULL)")
        .expect("the table");
    conn.create_scalar_function(
        "scim_lower",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| Ok(ctx.get::<Option<String>>(0)?.map(|s| s.to_lowercase())),
    )
    .expect("scim_lower");
    for u in users {
        let id = u.id.clone().expect("every test user has an id");
        let json = serde_json::to_string(u).expect("a user writes");
        conn.execute(
            "INSERT INTO users (id, resource) VALUES (?1, ?2)",
            (id, json),
        )
        .expect("insert");
    }
    conn
}

pub fn sqlite_params(params: &[Param]) -> Vec<rusqlite::types::Value> {
    use rusqlite::types::Value;
    params
        .iter()
        .map(|p| match p {
            Param::Text(s) => Value::Text(s.clone()),
            Param::Integer(i) => Value::Integer(*i),
            Param::Real(f) => Value::Real(*f),
            Param::Bool(b) => Value::Integer(i64::from(*b)),
            other => panic!("a parameter kind the tests do not know: {other:?}"),
        })
        .collect()
}

/// The ids of the rows of `users` that the condition `sql` selects, sorted.
pub fn sqlite_ids(conn: &Connection, sql: &Sql) -> Vec<String> {
    let text = format!("SELECT id FROM users WHERE {} ORDER BY id", sql.text);
    let mut stmt = conn
        .prepare(&text)
        .unwrap_or_else(|e| panic!("SQLite refuses {text}: {e}"));
    let rows = stmt
        .query_map(
            rusqlite::params_from_iter(sqlite_params(&sql.params)),
            |r| r.get::<_, String>(0),
        )
        .unwrap_or_else(|e| panic!("SQLite fails on {text}: {e}"));
    rows.map(|r| r.expect("an id")).collect()
}

/// The rows a whole statement returns, as JSON text of the first column.
pub fn sqlite_rows(conn: &Connection, sql: &Sql) -> Vec<String> {
    let mut stmt = conn
        .prepare(&sql.text)
        .unwrap_or_else(|e| panic!("SQLite refuses {}: {e}", sql.text));
    let rows = stmt
        .query_map(
            rusqlite::params_from_iter(sqlite_params(&sql.params)),
            |r| r.get::<_, String>(0),
        )
        .unwrap_or_else(|e| panic!("SQLite fails on {}: {e}", sql.text));
    rows.map(|r| r.expect("a row")).collect()
}

/// The ids of `users` that the in-memory engine matches with `filter`, sorted.
pub fn engine_ids(users: &[User], filter: &Filter) -> Result<Vec<String>, EvalError> {
    let mut ids = Vec::new();
    for u in users {
        if filter.evaluate(u)? {
            ids.push(u.id.clone().expect("an id"));
        }
    }
    ids.sort();
    Ok(ids)
}

/// The number of cases a property runs: `default`, or `PROPTEST_CASES` when set (a longer run
/// before a release).
pub fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

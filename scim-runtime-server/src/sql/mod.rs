//! Filters, sorting and paging as SQL, for SQLite and PostgreSQL (RFC 7644 §3.4.2.2 to
//! §3.4.2.4), so that a store lets the database filter rather than load a table to filter it
//! in memory.
//!
//! A [`Translator`] knows a table's metadata (the schemas of its resources, from a typed
//! [`Resource`](scim_runtime_model::Resource) or a run-time
//! [`DynamicType`](scim_runtime_model::dynamic::DynamicType), which translate alike) and its
//! [`Dialect`]. It writes SQL text with numbered placeholders and the ordered list of
//! [`Param`]s to bind to them: a condition for a `WHERE` ([`Translator::condition`]), an
//! `ORDER BY` list ([`Translator::order_by`]), or a whole list or search statement with its
//! page ([`Translator::select`], [`Translator::count`]). It needs no database driver.
//!
//! The meaning is the in-memory engine's
//! ([`FilterExt`](scim_runtime_model::filter::FilterExt), [`sort`](scim_runtime_model::sort)):
//! a resource the engine matches is a row the SQL selects, and the other way round. What
//! cannot be translated with that meaning is refused with a [`SqlError`], never evaluated on
//! another rule. The tests of this crate check it with random filters over random resources,
//! in SQLite and in PostgreSQL.
//!
//! # The storage layout
//!
//! - One row per resource, whose JSON is in one column (`resource` unless
//!   [`Translator::with_column`] says otherwise): JSON text in SQLite, `jsonb` in PostgreSQL.
//! - The JSON is the resource as the model writes it (`serde_json::to_string` of a typed
//!   resource, or a dynamic resource's JSON): keys in the schema's canonical spelling
//!   (`userName`, not `USERNAME`), extension attributes in an object under their schema URN,
//!   no `null`s nor empty objects or lists, values of their declared types (strings for
//!   `string`, `reference`, `binary` and `dateTime`, valid `xsd:dateTime`s, JSON booleans and
//!   numbers; `integer`s within `i64`, as typed resources hold them).
//! - Other columns (an `id` key, indexed uniqueness attributes) are the store's; the
//!   statements read only the JSON column.
//!
//! Attribute names in filters are matched to the metadata without regard to case (RFC 7643
//! §2.1) and written in their canonical spelling; an attribute the metadata does not define is
//! a [`SqlError::UnknownAttribute`] naming it.
//!
//! # Example
//!
//! A SQLite table of users, filtered, sorted and paged by the database:
//!
//! ```
//! use rusqlite::Connection;
//! use scim_runtime::server::sql::{Dialect, Param, Translator};
//! use scim_runtime::server::ListQuery;
//! use scim_runtime::User;
//!
//! let db = Connection::open_in_memory()?;
//! db.execute_batch("CREATE TABLE users (id TEXT PRIMARY KEY, resource TEXT NOT NULL)")?;
//! for (id, name, email) in [("1", "bjensen", "Babs@Example.com"), ("2", "jsmith", "js@example.org")] {
//!     let user: User = serde_json::from_value(serde_json::json!({
//!         "id": id, "userName": name,
//!         "emails": [{"value": email, "type": "work"}],
//!     }))?;
//!     db.execute("INSERT INTO users VALUES (?1, ?2)", (id, serde_json::to_string(&user)?))?;
//! }
//!
//! let query = ListQuery::from_query(
//!     "filter=emails[type eq \"work\" and value co \"@EXAMPLE.com\"]&sortBy=userName&startIndex=1&count=10",
//! )?;
//! let sql = Translator::for_resource::<User>(Dialect::Sqlite).select("users", &query)?;
//! // The values are parameters, never SQL text.
//! assert!(!sql.text.contains("@example.com"));
//! assert_eq!(sql.params[0], Param::Text("work".into()));
//!
//! let params: Vec<rusqlite::types::Value> = sql
//!     .params
//!     .iter()
//!     .map(|p| match p {
//!         Param::Text(s) => rusqlite::types::Value::Text(s.clone()),
//!         Param::Integer(i) => rusqlite::types::Value::Integer(*i),
//!         Param::Real(f) => rusqlite::types::Value::Real(*f),
//!         Param::Bool(b) => rusqlite::types::Value::Integer((*b).into()),
//!         _ => unreachable!("the kinds above are all there are"),
//!     })
//!     .collect();
//! let mut statement = db.prepare(&sql.text)?;
//! let names: Vec<String> = statement
//!     .query_map(rusqlite::params_from_iter(params), |row| row.get::<_, String>(0))?
//!     .map(|json| Ok(serde_json::from_str::<User>(&json?)?.user_name.unwrap_or_default()))
//!     .collect::<Result<_, Box<dyn std::error::Error>>>()?;
//! assert_eq!(names, ["bjensen"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # What translates, and how
//!
//! | filter | SQL | as the engine |
//! |---|---|---|
//! | `and`, `or`, `not (...)`, grouping | `AND`, `OR`, `NOT`; every condition is `TRUE` or `FALSE`, never `NULL` | `and` binds tighter than `or` (the parser's tree) |
//! | a multi-valued attribute, `emails.value` | `EXISTS` over `json_each` / `jsonb_array_elements` | matches when any value matches |
//! | `emails[type eq "work" and value co "@x"]` | `EXISTS` over the values, the inner filter on each | on complex values; on a simple value the filter names it `value` |
//! | `eq`, `ne` | `=`, `NOT (...)` | a value of another type is never equal (`ne` holds); no value at all matches `ne` and `eq null` only |
//! | `co`, `sw`, `ew` | `instr`/`strpos`, `substr`/`left`/`right` with the value bound | no `LIKE`: `%`, `_` and `\` are plain characters without escaping; `co ""` matches any string |
//! | `gt`, `ge`, `lt`, `le` on text | `>` ... in byte order (`COLLATE "C"` in PostgreSQL) | Rust's `str` order |
//! | `caseExact` false | both sides lower-cased ([`CaseFolding`]) | `str::to_lowercase`; `binary` is always case exact (RFC 7643 §2.3.6) |
//! | `dateTime` | an instant key (UTC seconds and nanoseconds, as text) for `eq` ... `le` | any offset or none, `t`/`z`, fractions (nanoseconds count), `23:59:60`; `co`/`sw`/`ew` and a value that is no `dateTime` compare the text |
//! | `boolean` | JSON `true` / `false` | `eq`, `ne` |
//! | `integer`, `decimal` | exact: `numeric` (PostgreSQL); SQLite `INTEGER` or an exact `REAL` | `1` equals `1.0`; `co`, `sw`, `ew` never match a number |
//! | `pr`, `eq null`, `ne null` | a non-empty value | `""` is not present |
//! | a complex attribute compared whole (`emails co "x"`) | its `value` sub-attribute (RFC 7643 §2.4) | without a `value` sub-attribute, as a value that has nothing to compare |
//! | `schemas`, `urn:...:User:userName`, extension attributes | the `schemas` list; the extension's object | |
//!
//! Refused, each with a typed [`SqlError`] naming the attribute:
//!
//! | what | error |
//! |---|---|
//! | an attribute the metadata does not define (the engine would match it as JSON without definition) | [`SqlError::UnknownAttribute`] |
//! | `gt`, `ge`, `lt`, `le` on a `boolean` or `binary` (the engine refuses it too, RFC 7644 §3.4.2.2) | [`SqlError::Filter`], the engine's [`EvalError`](scim_runtime_model::filter::EvalError) |
//! | a case-insensitive comparison with non-ASCII text, under [`CaseFolding::Ascii`] | [`Untranslatable::NonAsciiCaseInsensitive`] |
//! | a `decimal` compared or sorted in SQLite | [`Untranslatable::InexactDecimal`] |
//! | in SQLite, a number that is neither an `i64` nor exactly an `f64` (`0.1`, `1e400`) | [`Untranslatable::InexactNumber`] |
//! | a schema URN or a sub-attribute path inside a value filter; a value filter on `schemas` | [`Untranslatable`] |
//!
//! # Sorting and paging
//!
//! `sortBy` (RFC 7644 §3.4.2.3) sorts by the attribute's value as the engine's
//! [`sort_resources`](scim_runtime_model::sort::sort_resources) does: a multi-valued attribute
//! by its `primary` value, else its first; a complex one by its `value`; instants as
//! instants, numbers by value, booleans `false` first, case-insensitive text lower-cased (under
//! [`CaseFolding::Ascii`], non-ASCII capitals are not lower-cased, so they sort by code point
//! where the engine would fold them: use [`CaseFolding::Function`] for the engine's order).
//! Resources without a value come last ascending and first descending; ties are broken by
//! `id`, ascending in both orders, which is the engine's stable sort of resources listed by
//! `id`. `startIndex` (1-based, below 1 read as 1) and `count` (RFC 7644 §3.4.2.4) become
//! `LIMIT` and `OFFSET` parameters.

mod dialect;
mod error;
mod filter;
mod scope;
mod sort;
mod statement;
mod translator;
mod writer;

pub use dialect::{CaseFolding, Dialect};
pub use error::{Clause, SqlError, Untranslatable};
pub use statement::{Param, Sql};
pub use translator::Translator;

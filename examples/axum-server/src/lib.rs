//! A runnable SCIM 2.0 service provider (RFC 7643, RFC 7644) on axum, built on the typed
//! [`User`](scim_runtime::User) (with the enterprise extension) and
//! [`Group`](scim_runtime::Group) of `scim-runtime`.
//!
//! ```text
//! cargo run -p scim-example-server -- [--db FILE | --memory] [--port N] [--token TOKEN]
//! ```
//!
//! prints its base URL (`http://127.0.0.1:8080/v2`) on the first line and serves:
//!
//! | Endpoint | Methods |
//! |---|---|
//! | `/Users`, `/Groups` | `GET` (filter, sortBy, sortOrder, startIndex or cursor, count, attributes, excludedAttributes), `POST` |
//! | `/Users/{id}`, `/Groups/{id}` | `GET` (`If-None-Match` → 304), `PUT`, `PATCH`, `DELETE` (`If-Match` → 412 when stale) |
//! | `/.search`, `/Users/.search`, `/Groups/.search` | `POST` |
//! | `/Me` | `GET`, `PUT`, `PATCH`, `DELETE` on the User the bearer token authenticates as (`--me USERNAME`; 501 without) |
//! | `/Bulk` | `POST`, with `bulkId` references |
//! | `/ServiceProviderConfig`, `/Schemas`, `/ResourceTypes` (and by id) | `GET` |
//!
//! Resources are stored as JSON documents in SQLite ([`storage::SqliteStore`], the default,
//! in `scim-example.db`) or in memory ([`storage::MemoryStore`], `--memory`), behind the
//! [`storage::Store`] trait. The server keeps `meta` (resourceType, created, lastModified,
//! location, and `version` as a weak ETag `W/"n"`), keeps `userName` unique case-insensitively
//! (409 `uniqueness`), checks that Group members are existing Users or Groups, and computes
//! each User's `groups`. With `--token`, every request needs `Authorization: Bearer TOKEN`.
//!
//! Lists and searches page by index (`startIndex`, RFC 7644 §3.4.2.4) or by cursor (`cursor`,
//! empty for the first page, RFC 9865), and `/ServiceProviderConfig` advertises both in its
//! `pagination` block (index by default, cursors valid for an hour). Cursors are signed with
//! a key drawn at start ([`AppState::with_cursor_key`] sets one): a cursor that was altered,
//! comes from another query or from another run is a 400 `invalidCursor`.
//!
//! Failures are SCIM Error responses: 400 `invalidSyntax` for bad JSON or an attribute the
//! schema does not define, 400 `invalidFilter`, 400 `mutability` for a PATCH of a readOnly
//! attribute, 401 without the token, 404, 409 `uniqueness`, 412, 413 over the bulk limits,
//! 415 for a body that is not JSON.
//!
//! Passwords are stored as sent and never returned (`returned: never`); a real service would
//! hash them.
//!
//! Modules: [`app`] (state, configuration, router), [`handlers`] (axum glue),
//! [`operations`] (create, read, replace, patch, delete), [`search`] (list and search),
//! [`bulk`], [`auth`], [`me`] (`/Me`), [`resources`] (what is specific to Users and Groups), [`storage`].

pub mod app;
pub mod auth;
pub mod bulk;
pub mod handlers;
pub mod me;
pub mod operations;
pub mod resources;
pub mod search;
pub mod storage;

use std::sync::Arc;

pub use app::{router, AppState, Limits, Shared};

/// Serves `state` on `listener` until the process ends.
///
/// # Errors
///
/// When the listener fails.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    axum::serve(listener, router(Arc::new(state))).await
}

/// Binds `127.0.0.1:port` (0 for a free port) and returns the listener and the base URL
/// (`http://127.0.0.1:PORT/v2`).
///
/// # Errors
///
/// When the port cannot be bound.
pub async fn bind(port: u16) -> std::io::Result<(tokio::net::TcpListener, String)> {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    let address = listener.local_addr()?;
    Ok((listener, format!("http://{address}/v2")))
}

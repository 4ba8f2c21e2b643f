//! Framework-neutral helpers for SCIM service providers (RFC 7644 §3), over the `http` crate's
//! request and response types: any web framework (axum, actix, hyper, ...) can call them.
//!
//! - [`ListQuery`] reads `filter`, `sortBy`, `sortOrder`, `startIndex`, `count`, `cursor`,
//!   `attributes` and `excludedAttributes` from a query string or a `.search` body, with a
//!   SCIM 400 on bad input (RFC 7644 §3.4.2, §3.4.3, RFC 9865).
//! - [`read_resource`] checks the content type (415 otherwise) and reads a request body in its
//!   context (RFC 7644 §3.3, §3.5.1).
//! - [`resource_response`] and [`list_response`] write resources in their response context with
//!   the `attributes` projection, `Location`, `ETag` and `Content-Type: application/scim+json`.
//! - [`ScimError`] turns any failure into a SCIM Error response (RFC 7644 §3.12).
//! - [`CursorCodec`] makes the cursors of cursor pagination (RFC 9865) opaque and
//!   tamper-evident, and [`ListQuery::cursor_page`] pages a result list by them.
//! - [`MeResolver`] maps a request's authenticated subject to the resource `/Me` stands for
//!   (RFC 7644 §3.11).
//! - [`Discovery`] serves `/ServiceProviderConfig`, `/Schemas` and `/ResourceTypes`, each by id
//!   too, from the types a server exposes (RFC 7644 §4).
//!
//! ```
//! use scim_runtime::server::{ListQuery, resource_response};
//! use scim_runtime::{Context, User};
//!
//! let query = ListQuery::from_query("filter=userName%20eq%20%22bjensen%22&count=10&attributes=userName")?;
//! assert_eq!(query.count, Some(10));
//! let user: User = serde_json::from_str(r#"{"id": "2819c223", "userName": "bjensen",
//!     "meta": {"version": "W/\"3\""}}"#).unwrap();
//! let response = resource_response(&user, Context::QueryResponse, Some(&query.projection()), "https://example.com/v2");
//! assert_eq!(response.headers()["etag"], "W/\"3\"");
//! assert_eq!(response.headers()["location"], "https://example.com/v2/Users/2819c223");
//! # Ok::<(), scim_runtime::server::ScimError>(())
//! ```

mod cursor;
mod discovery;
mod error;
mod me;
mod query;
mod response;

pub use cursor::{CursorCodec, CursorError};
pub use discovery::Discovery;
pub use error::ScimError;
pub use me::{MeResolver, MeTarget, NoMe};
pub use query::{CursorPage, ListQuery};
#[allow(deprecated)]
pub use response::{is_scim_media_type, SCIM_MEDIA_TYPE};
pub use response::{list_response, read_resource, resource_response, scim_response};

//! A SCIM 2.0 client (RFC 7644), with a sans-IO core and pluggable transports; users reach
//! it as `scim_runtime::client` (feature `client` of `scim-runtime`).
//!
//! ```no_run
//! # #[cfg(feature = "reqwest")]
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use futures_util::TryStreamExt as _;
//! use scim_runtime::client::{Auth, Client, ReqwestTransport};
//! use scim_runtime::filter::Filter;
//! use scim_runtime::message::{PatchOp, PatchOperationKind};
//! use scim_runtime::User;
//!
//! let mut client = Client::builder("https://example.com/scim/v2")
//!     .auth(Auth::bearer("s3cret"))
//!     .build(ReqwestTransport::new()?)?;
//! // /ServiceProviderConfig, /Schemas and /ResourceTypes: endpoints, ETags, bulk limits.
//! client.discover().await?;
//!
//! let user = User { user_name: Some("bjensen".into()), ..User::default() };
//! let user = client.create(&user).send().await?; // 201, checked in the creation-response context
//!
//! // Every user with a work email, fetched 100 at a time as the stream is read.
//! let filter = Filter::attr("emails.type")?.eq("work");
//! let users: Vec<User> = client.list::<User>().filter(&filter).count(100).stream().try_collect().await?;
//!
//! // If-Match: meta.version when the server supports ETags; 204 gives `None`.
//! let patch = PatchOp::new(vec![]).with(PatchOperationKind::Replace, Some("displayName"), Some("Babs".into()));
//! let _ = client.patch(&user, &patch).send().await?;
//! client.delete(&user).send().await?;
//! # Ok(()) }
//! ```
//!
//! # Resources known at run time, and schema drift
//!
//! After [`discover`](Client::discover), [`Client::dynamic`] gives the resource type of a name
//! as a [`DynamicType`], built from the discovered ResourceType and Schemas; an unknown name,
//! or no discovery yet, is a [`DiscoveryError`]. `create`, `replace`, `patch`, `delete` and
//! `refresh` take a [`DynamicResource`] as they take a typed resource ([`ClientResource`]);
//! [`get_dynamic`](Client::get_dynamic), [`list_dynamic`](Client::list_dynamic) (with filter,
//! sorting, paging and `stream()`) and [`search_dynamic`](Client::search_dynamic) take the
//! type. Responses are checked in their response context against the run-time schemas, as
//! typed ones are against theirs, with the same [`Error`]s.
//!
//! [`DynamicType`]: scim_runtime_model::dynamic::DynamicType
//! [`DynamicResource`]: scim_runtime_model::dynamic::DynamicResource
//!
//! [`Client::drift`] and [`Client::drift_for`] compare the schemas typed resources were
//! generated from with the discovered `/Schemas` ([`scim_runtime_model::drift`]): every added, removed or
//! changed attribute, with its severity for this client.
//!
//! ```no_run
//! # #[cfg(feature = "reqwest")]
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use scim_runtime::client::{Client, ReqwestTransport};
//! use scim_runtime::filter::Filter;
//! use scim_runtime::message::{PatchOp, PatchOperationKind};
//! use scim_runtime::{Group, Resource, User};
//!
//! let mut client = Client::new("https://example.com/scim/v2", ReqwestTransport::new()?)?;
//! client.discover().await?;
//! let users = client.dynamic("User")?;
//! let new = users.from_value(serde_json::json!({
//!     "userName": "bjensen",
//!     "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"employeeNumber": "701984"}
//! }))?;
//! let created = client.create(&new).send().await?;
//! let page = client
//!     .list_dynamic(&users)
//!     .filter(Filter::attr("userName")?.eq("bjensen"))
//!     .send()
//!     .await?;
//! assert_eq!(page.resources[0].id(), created.id());
//! let patch = PatchOp::new(vec![]).with(PatchOperationKind::Replace, Some("nickName"), Some("Babs".into()));
//! client.patch(&created, &patch).send().await?;
//! client.delete(&created).send().await?;
//!
//! let used: Vec<_> = User::schemas().into_iter().chain(Group::schemas()).collect();
//! let report = client.drift_for(&used)?;
//! if report.is_breaking() {
//!     eprint!("{report}"); // e.g. "breaking: urn:...:Group / displayName: required false -> true"
//! }
//! # Ok(()) }
//! ```
//!
//! # Paging by cursor, and `/Me`
//!
//! `stream()` and `iter()` page by cursor (RFC 9865) when the discovered
//! ServiceProviderConfig advertises `pagination.cursor` and the query sets no `startIndex`,
//! and by index otherwise; [`Query::paging`] chooses ([`Paging`]), [`Query::cursor`] asks for
//! one page. [`Pager`] says how it copes with servers that advertise cursors and send none.
//! [`me`](Client::me), [`replace_me`](Client::replace_me), [`patch_me`](Client::patch_me) and
//! [`delete_me`](Client::delete_me) work on `/Me` (RFC 7644 §3.11); a server without it
//! answers 501, which is [`Error::MeNotSupported`].
//!
//! # Layers
//!
//! - [`Core`] is the sans-IO client: each operation becomes an [`Operation`], which
//!   [`Core::prepare`] turns into an `http::Request<Vec<u8>>` and a [`Reader`], which checks the
//!   `http::Response<Vec<u8>>`: the status against those the operation defines (as scim2-client
//!   lists them, [`OperationKind::expected_statuses`]), the content type
//!   (`application/scim+json` or `application/json`, not on 204/304), SCIM Error bodies
//!   ([`Error::Scim`]), and the payload in the operation's response context. Each check can be
//!   switched off for the client or per call ([`Checks`]).
//! - [`Client`] (async, over a [`Transport`]) and [`BlockingClient`] (over a
//!   [`BlockingTransport`]) send what the core prepares. Each operation returns a [`Call`] to
//!   shape (`attributes`, `checks`, `if_match`, ...) and `send`; lists return a [`Query`]
//!   whose `stream()` / `iter()` read every page lazily ([`Pager`]).
//! - Transports, each behind a feature of this crate (named in brackets; `scim-runtime` adds
//!   `client-` before it); a link shows the ones this build has:
#![cfg_attr(
    feature = "reqwest",
    doc = "  - [`ReqwestTransport`], async over reqwest with rustls (`reqwest`);"
)]
#![cfg_attr(
    not(feature = "reqwest"),
    doc = "  - `ReqwestTransport`, async over reqwest with rustls (`reqwest`);"
)]
#![cfg_attr(
    feature = "blocking",
    doc = "  - [`BlockingReqwestTransport`], over reqwest's blocking client (`blocking`);"
)]
#![cfg_attr(
    not(feature = "blocking"),
    doc = "  - `BlockingReqwestTransport`, over reqwest's blocking client (`blocking`);"
)]
#![cfg_attr(
    feature = "tower",
    doc = "  - [`TowerTransport`], in process, over a `tower::Service` such as an axum `Router` (`tower`)."
)]
#![cfg_attr(
    not(feature = "tower"),
    doc = "  - `TowerTransport`, in process, over a `tower::Service` such as an axum `Router` (`tower`)."
)]
//!
//! # Secrets
//!
//! Credentials ([`Auth`]) never appear in `Debug` output or in errors: errors keep the method,
//! URL, status and the first bytes of the body ([`Exchange`]), not the headers.
//!
//! - Credentials in a base URL (`https://alice:pw@host/v2`, percent-encoded or pasted as they
//!   are) are taken out into [`Auth::Basic`] ([`Core::new`]): the URL the client keeps, sends
//!   to and shows has none, and a [`BuildError`] shows it with `***` in their place. Taken
//!   out rather than refused because that is what an HTTP client does with them (RFC 3986
//!   §3.2.1 deprecates them, RFC 7617 is where they belong); an explicit
//!   [`ClientBuilder::auth`] replaces them.
//! - The `Authorization` header is marked sensitive, as is every header added to a call that
//!   carries credentials by its name (`Proxy-Authorization`, `Cookie`, `X-Api-Key`,
//!   `X-Auth-Token`, ...: [`Operation::header`]), so `http`'s `Debug` of a request prints
//!   `Sensitive`. What a server echoes in an error body is kept in [`Exchange::body`]: the
//!   client cannot know what in it is secret.
//!
//! # Checks, as scim2-client makes them, and where this client differs
//!
//! Every check is on by default and each can be relaxed for the client or one call
//! ([`Checks`], [`Call::expected_statuses`], [`Client::discover_with`]), as scim2-client's
//! `check_request_payload`, `check_response_payload`, `check_response_status_codes`,
//! `check_response_content_type` and `expected_status_codes`. The differences:
//!
//! - **A list without `totalResults`** is read ([`ListResponse::total_results`] is `None`);
//!   the response payload check reports it as a violation at `totalResults`, as scim2-models
//!   does, so switching that check off reads it. Paging then ends on a short page ([`Pager`]).
//! - **Discovery takes the same overrides as every call** ([`Client::discover_with`]);
//!   scim2-client always checks discovery responses, so that a server whose `/ResourceTypes`
//!   leaves out `totalResults` could not be discovered at all.
//! - **Endpoints are joined to the base URL without doubling its path**: `"endpoint":
//!   "/scim/v2/Users"` under `https://h/scim/v2` is `https://h/scim/v2/Users`, as is `/Users`
//!   ([`Core::url`]). scim2-client joins every endpoint as a relative path. An absolute
//!   endpoint URL is used when it is on the base URL's origin and refused otherwise
//!   ([`RequestError::ForeignEndpoint`]), where scim2-client refuses every absolute one.
//! - **ServiceProviderConfig `supported: false`** for filter, sort and PATCH is advisory: the
//!   request is sent and the server answers for itself, as scim2-client does. Bulk is refused
//!   before sending when `bulk.supported` is `false` or the request exceeds
//!   `bulk.maxOperations` or `bulk.maxPayloadSize` (RFC 7644 §3.7.4), as scim2-client does;
//!   the request check off sends it anyway.
//! - **`raise_scim_errors`** has no switch: a SCIM Error body is always
//!   `Err(`[`Error::Scim`]`)`, which carries the typed error object scim2-client returns with
//!   `raise_scim_errors=False` ([`Error::scim_error`]).
//! - **`expected_statuses([])`** accepts any status, as scim2-client's empty or `None`
//!   `expected_status_codes`; a failure with a SCIM Error body is an [`Error::Scim`] whatever
//!   the call expects.
//! - **Messages built in code always write their schema URN** (`SearchRequest`, `BulkRequest`,
//!   `PatchOp`, ... from `Default` or with `schemas: vec![]`), and messages are read with
//!   member names in any case (RFC 7643 §2.1), two members equal but for case being an error
//!   naming the member ([`scim_runtime_model::message`]). scim2-models validates `schemas` instead.
//!
//! [`ListResponse::total_results`]: scim_runtime_model::message::ListResponse::total_results

mod async_client;
mod auth;
mod blocking;
mod builder;
mod call;
mod checks;
mod discovery;
mod error;
mod methods;
mod operation_kind;
mod paging;
mod query;
mod request;
mod response;
mod transport;
mod url;

#[cfg(test)]
mod tests;

pub use async_client::Client;
pub use auth::{Auth, Secret};
pub use blocking::BlockingClient;
pub use builder::ClientBuilder;
pub use call::Call;
pub use checks::Checks;
pub use discovery::DiscoveredServer;
#[allow(deprecated)]
pub use discovery::Discovery;
pub use error::{
    BuildError, DiscoveryError, Error, Exchange, RequestError, TransportError, TransportErrorKind,
    BODY_EXCERPT_LEN,
};
pub use operation_kind::OperationKind;
pub use paging::{Pager, Paging};
pub use query::Query;
pub use request::{Core, Operation, Prepared, QueryMethod};
pub use response::Reader;
pub use scim_runtime_model::exchange::{ClientResource, ListItem, Outcome};
pub use transport::{BlockingTransport, Transport};
#[allow(deprecated)]
pub use {request::SCIM_JSON, response::is_scim_content_type};

#[cfg(feature = "reqwest")]
pub use transport::reqwest_async::ReqwestTransport;
#[cfg(feature = "blocking")]
pub use transport::reqwest_blocking::BlockingReqwestTransport;
#[cfg(feature = "tower")]
pub use transport::tower::TowerTransport;

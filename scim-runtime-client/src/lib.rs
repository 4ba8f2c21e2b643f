//! A SCIM 2.0 client (RFC 7644), with a sans-IO core and pluggable transports (feature
//! `client`).
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
//! - Transports: [`ReqwestTransport`] (feature `client-reqwest`, rustls),
//!   [`BlockingReqwestTransport`] (feature `client-blocking`) and [`TowerTransport`] over any
//!   `tower::Service` such as an axum `Router` (feature `client-tower`).
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

mod auth;
mod discovery;
mod error;
mod paging;
mod request;
mod response;
mod transport;
mod url;

use core::fmt::Display;
use core::marker::PhantomData;

use http::{HeaderMap, HeaderName, HeaderValue, Method};

pub use auth::{Auth, Secret};
pub use discovery::Discovery;
pub use error::{
    BuildError, DiscoveryError, Error, Exchange, RequestError, TransportError, TransportErrorKind,
    BODY_EXCERPT_LEN,
};
pub use paging::Pager;
pub use request::{Checks, Core, Operation, OperationKind, Prepared, QueryMethod, SCIM_JSON};
pub use response::{is_scim_content_type, Reader};
pub use scim_runtime_model::exchange::{ClientResource, ListItem, Outcome};
pub use transport::{BlockingTransport, Transport};

#[cfg(feature = "blocking")]
pub use transport::BlockingReqwestTransport;
#[cfg(feature = "reqwest")]
pub use transport::ReqwestTransport;
#[cfg(feature = "tower")]
pub use transport::TowerTransport;

use scim_runtime_model::drift::DriftReport;
use scim_runtime_model::dynamic::{DynamicResource, DynamicType};
use scim_runtime_model::message::{
    BulkRequest, BulkResponse, ListResponse, PatchOp, SearchRequest, SortOrder,
};
use scim_runtime_model::schema::Schema;
use scim_runtime_model::Resource;

/// Configures a [`Client`] or a [`BlockingClient`]. Its `Debug` shows the base URL without
/// credentials, and no secret of its [`Auth`].
#[derive(Clone)]
#[must_use]
pub struct ClientBuilder {
    base_url: String,
    auth: Option<Auth>,
    checks: Checks,
    discovery: Discovery,
}

impl core::fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("base_url", &url::redact_userinfo(&self.base_url))
            .field("auth", &self.auth)
            .field("checks", &self.checks)
            .field("discovery", &self.discovery)
            .finish()
    }
}

impl ClientBuilder {
    /// Authenticates every request (RFC 7644 §2), in place of credentials the base URL may
    /// hold ([`Core::new`]).
    pub fn auth(mut self, auth: Auth) -> Self {
        self.auth = Some(auth);
        self
    }

    /// The checks made unless a call overrides them (all by default).
    pub fn checks(mut self, checks: Checks) -> Self {
        self.checks = checks;
        self
    }

    /// What is known of the server without asking it, such as a ServiceProviderConfig.
    pub fn discovery(mut self, discovery: Discovery) -> Self {
        self.discovery = discovery;
        self
    }

    /// The sans-IO core this builder describes.
    ///
    /// # Errors
    ///
    /// An invalid base URL or credentials.
    pub fn core(self) -> Result<Core, BuildError> {
        let mut core = Core::new(&self.base_url)?;
        if let Some(auth) = &self.auth {
            core.set_auth(auth)?;
        }
        core.set_checks(self.checks);
        *core.discovery_mut() = self.discovery;
        Ok(core)
    }

    /// An async client over `transport`.
    ///
    /// # Errors
    ///
    /// An invalid base URL or credentials.
    pub fn build<T: Transport>(self, transport: T) -> Result<Client<T>, BuildError> {
        Ok(Client {
            core: self.core()?,
            transport,
        })
    }

    /// A blocking client over `transport`.
    ///
    /// # Errors
    ///
    /// An invalid base URL or credentials.
    pub fn build_blocking<T: BlockingTransport>(
        self,
        transport: T,
    ) -> Result<BlockingClient<T>, BuildError> {
        Ok(BlockingClient {
            core: self.core()?,
            transport,
        })
    }
}

/// An async SCIM client over a [`Transport`].
#[derive(Debug, Clone)]
pub struct Client<T> {
    core: Core,
    transport: T,
}

/// A blocking SCIM client over a [`BlockingTransport`].
#[derive(Debug, Clone)]
pub struct BlockingClient<T> {
    core: Core,
    transport: T,
}

/// One operation to shape and send; see [`Client`] and [`BlockingClient`].
#[derive(Debug)]
#[must_use = "a call does nothing until it is sent"]
pub struct Call<'a, C, O: Outcome> {
    client: &'a C,
    operation: Operation<O>,
}

impl<C, O: Outcome> Call<'_, C, O> {
    /// Asks for these attributes in the response (RFC 7644 §3.9).
    pub fn attributes<I, S>(mut self, names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.operation = self.operation.attributes(names);
        self
    }

    /// Asks the server to leave these attributes out of the response (RFC 7644 §3.9).
    pub fn excluded_attributes<I, S>(mut self, names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.operation = self.operation.excluded_attributes(names);
        self
    }

    /// Overrides the client's checks for this call.
    pub fn checks(mut self, checks: Checks) -> Self {
        self.operation = self.operation.checks(checks);
        self
    }

    /// Accepts these statuses instead of the operation's ([`Operation::expected_statuses`],
    /// scim2-client's `expected_status_codes`); an empty list accepts any.
    pub fn expected_statuses(mut self, statuses: impl IntoIterator<Item = u16>) -> Self {
        self.operation = self.operation.expected_statuses(statuses);
        self
    }

    /// Adds a header; one that carries credentials is marked sensitive
    /// ([`Operation::header`]).
    pub fn header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.operation = self.operation.header(name, value);
        self
    }

    /// Sends `If-Match: version` (RFC 7644 §3.14).
    pub fn if_match(mut self, version: &str) -> Self {
        self.operation = self.operation.if_match(version);
        self
    }

    /// Sends `If-None-Match: version` (RFC 7644 §3.14).
    pub fn if_none_match(mut self, version: &str) -> Self {
        self.operation = self.operation.if_none_match(version);
        self
    }

    /// The operation, to prepare with the sans-IO [`Core`].
    pub fn into_operation(self) -> Operation<O> {
        self.operation
    }
}

/// A query or search to shape, then `send` for one page or read in full with `stream()`
/// (async) or `iter()` (blocking).
#[derive(Debug)]
#[must_use = "a query does nothing until it is sent"]
pub struct Query<'a, C, T>
where
    ListResponse<T>: Outcome,
{
    client: &'a C,
    path: String,
    shape: <ListResponse<T> as Outcome>::Shape,
    method: QueryMethod,
    request: SearchRequest,
    overrides: Overrides,
    item: PhantomData<fn() -> T>,
}

/// What a call changes of the client's defaults, kept to apply to every page of a query.
#[derive(Debug, Clone, Default)]
struct Overrides {
    checks: Option<Checks>,
    expected: Option<Vec<u16>>,
}

impl Overrides {
    fn apply<O: Outcome>(&self, mut op: Operation<O>) -> Operation<O> {
        if let Some(c) = self.checks {
            op = op.checks(c);
        }
        if let Some(e) = &self.expected {
            op = op.expected_statuses(e.iter().copied());
        }
        op
    }
}

impl<C, T> Query<'_, C, T>
where
    ListResponse<T>: Outcome,
{
    /// Only the results matching `filter` (RFC 7644 §3.4.2.2): a [`Filter`] built or parsed,
    /// or filter text.
    ///
    /// [`Filter`]: scim_runtime_model::filter::Filter
    pub fn filter(mut self, filter: impl Display) -> Self {
        self.request.filter = Some(filter.to_string());
        self
    }

    /// Sorts by this attribute (RFC 7644 §3.4.2.3).
    pub fn sort_by(mut self, attribute: impl Into<String>) -> Self {
        self.request.sort_by = Some(attribute.into());
        self
    }

    /// The sort order.
    pub fn sort_order(mut self, order: SortOrder) -> Self {
        self.request.sort_order = Some(order);
        self
    }

    /// The 1-based index of the first result (RFC 7644 §3.4.2.4).
    pub fn start_index(mut self, index: u64) -> Self {
        self.request.start_index = Some(index);
        self
    }

    /// The number of results per page.
    pub fn count(mut self, count: u64) -> Self {
        self.request.count = Some(count);
        self
    }

    /// Asks for these attributes (RFC 7644 §3.4.2.5).
    pub fn attributes<I, S>(mut self, names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.request.attributes = names.into_iter().map(Into::into).collect();
        self
    }

    /// Leaves these attributes out (RFC 7644 §3.4.2.5).
    pub fn excluded_attributes<I, S>(mut self, names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.request.excluded_attributes = names.into_iter().map(Into::into).collect();
        self
    }

    /// Overrides the client's checks for every page.
    pub fn checks(mut self, checks: Checks) -> Self {
        self.overrides.checks = Some(checks);
        self
    }

    /// Accepts these statuses for every page instead of the operation's
    /// ([`Operation::expected_statuses`]); an empty list accepts any.
    pub fn expected_statuses(mut self, statuses: impl IntoIterator<Item = u16>) -> Self {
        self.overrides.expected = Some(statuses.into_iter().collect());
        self
    }

    /// The query as a SearchRequest.
    pub fn search_request(&self) -> &SearchRequest {
        &self.request
    }
}

impl<C, T> Query<'_, C, T>
where
    ListResponse<T>: Outcome,
{
    fn page_operation(&self, core: &Core) -> Operation<ListResponse<T>> {
        self.overrides.apply(core.query_shaped(
            &self.path,
            self.shape.clone(),
            self.method,
            &self.request,
        ))
    }

    fn pager(&self) -> Pager<T> {
        Pager::shaped(
            self.path.clone(),
            self.shape.clone(),
            self.method,
            self.request.clone(),
        )
    }
}

macro_rules! operations {
    ($client:ident) => {
        impl $client<()> {
            /// Configures a client of the service provider at `base_url`, such as
            /// `https://example.com/scim/v2`; the transport is given to `build`.
            pub fn builder(base_url: impl Into<String>) -> ClientBuilder {
                ClientBuilder {
                    base_url: base_url.into(),
                    auth: None,
                    checks: Checks::ALL,
                    discovery: Discovery::default(),
                }
            }
        }

        impl<T> $client<T> {
            /// The sans-IO core.
            pub fn core(&self) -> &Core {
                &self.core
            }

            /// The sans-IO core, to change what the client knows or checks.
            pub fn core_mut(&mut self) -> &mut Core {
                &mut self.core
            }

            /// What the client knows about the server.
            pub fn discovery(&self) -> &Discovery {
                self.core.discovery()
            }

            /// The transport.
            pub fn transport(&self) -> &T {
                &self.transport
            }

            /// The discovered resource type of this name (case-insensitive) as a
            /// [`DynamicType`], for [`get_dynamic`](Self::get_dynamic) and
            /// [`list_dynamic`](Self::list_dynamic), and to read resources with
            /// [`DynamicType::from_value`].
            ///
            /// # Errors
            ///
            /// [`DiscoveryError::NotDiscovered`] before `discover()`,
            /// [`DiscoveryError::UnknownResourceType`] for a name the server does not serve.
            pub fn dynamic(&self, name: &str) -> Result<DynamicType, DiscoveryError> {
                self.core.discovery().dynamic_type(name)
            }

            /// How the server's discovered `/Schemas` drifted from the schemas `R` was
            /// generated from, with severities ([`Discovery::drift`]).
            ///
            /// # Errors
            ///
            /// [`DiscoveryError::NotDiscovered`] before `discover()`.
            pub fn drift<R: Resource>(&self) -> Result<DriftReport, DiscoveryError> {
                self.core.discovery().drift::<R>()
            }

            /// How the server's discovered `/Schemas` drifted from the schemas of every type
            /// the client uses ([`Discovery::drift_for`]).
            ///
            /// # Errors
            ///
            /// [`DiscoveryError::NotDiscovered`] before `discover()`.
            pub fn drift_for(&self, used: &[Schema]) -> Result<DriftReport, DiscoveryError> {
                self.core.discovery().drift_for(used)
            }

            fn call<O: Outcome>(&self, operation: Operation<O>) -> Call<'_, Self, O> {
                Call {
                    client: self,
                    operation,
                }
            }

            fn query<R: ListItem>(&self, path: &str, method: QueryMethod) -> Query<'_, Self, R> {
                self.query_shaped(path, (), method)
            }

            fn query_shaped<R>(
                &self,
                path: &str,
                shape: <ListResponse<R> as Outcome>::Shape,
                method: QueryMethod,
            ) -> Query<'_, Self, R>
            where
                ListResponse<R>: Outcome,
            {
                Query {
                    client: self,
                    path: path.to_owned(),
                    shape,
                    method,
                    request: SearchRequest::default(),
                    overrides: Overrides::default(),
                    item: PhantomData,
                }
            }

            /// Creates a resource, typed or dynamic: `POST endpoint`, expecting `201 Created`
            /// (RFC 7644 §3.3).
            pub fn create<R: ClientResource>(&self, resource: &R) -> Call<'_, Self, R> {
                self.call(self.core.create(resource))
            }

            /// Retrieves a resource by id: `GET endpoint/id` (RFC 7644 §3.4.1).
            pub fn get<R: Resource>(&self, id: &str) -> Call<'_, Self, R> {
                self.call(self.core.get::<R>(id))
            }

            /// Retrieves a resource of the dynamic type `ty` (from
            /// [`dynamic`](Self::dynamic)) by id: `GET endpoint/id` (RFC 7644 §3.4.1),
            /// checked against `ty`'s schemas.
            pub fn get_dynamic(
                &self,
                ty: &DynamicType,
                id: &str,
            ) -> Call<'_, Self, DynamicResource> {
                self.call(self.core.get_dynamic(ty, id))
            }

            /// Retrieves `resource` again; with ETag support a `304 Not Modified` gives it back
            /// unchanged (RFC 7644 §3.14).
            pub fn refresh<R: ClientResource + Clone>(&self, resource: &R) -> Call<'_, Self, R> {
                self.call(self.core.refresh(resource))
            }

            /// Retrieves the authenticated subject: `GET /Me` (RFC 7644 §3.11).
            pub fn me<R: Resource>(&self) -> Call<'_, Self, R> {
                self.call(self.core.me::<R>())
            }

            /// Lists resources: `GET endpoint` with `filter`, `sortBy`, `sortOrder`,
            /// `startIndex` and `count` (RFC 7644 §3.4.2).
            pub fn list<R: Resource>(&self) -> Query<'_, Self, R> {
                self.query(self.core.endpoint::<R>(), QueryMethod::Get)
            }

            /// Searches resources: `POST endpoint/.search` (RFC 7644 §3.4.3).
            pub fn search<R: Resource>(&self) -> Query<'_, Self, R> {
                self.query(self.core.endpoint::<R>(), QueryMethod::Search)
            }

            /// Lists resources of the dynamic type `ty` as [`list`](Self::list) does, each
            /// result checked against `ty`'s schemas.
            pub fn list_dynamic(&self, ty: &DynamicType) -> Query<'_, Self, DynamicResource> {
                self.query_shaped(&ty.endpoint, ty.clone(), QueryMethod::Get)
            }

            /// Searches resources of the dynamic type `ty`: `POST endpoint/.search`
            /// (RFC 7644 §3.4.3).
            pub fn search_dynamic(&self, ty: &DynamicType) -> Query<'_, Self, DynamicResource> {
                self.query_shaped(&ty.endpoint, ty.clone(), QueryMethod::Search)
            }

            /// Searches every resource type: `POST /.search` (RFC 7644 §3.4.3). Results are
            /// `T`: [`serde_json::Value`], or an enum of the types expected ([`ListItem`]).
            pub fn search_all<R: ListItem>(&self) -> Query<'_, Self, R> {
                self.query("", QueryMethod::Search)
            }

            /// Replaces a resource, typed or dynamic: `PUT endpoint/id` (RFC 7644 §3.5.1),
            /// with `If-Match` when the server supports ETags and the resource has
            /// `meta.version`.
            pub fn replace<R: ClientResource>(&self, resource: &R) -> Call<'_, Self, R> {
                self.call(self.core.replace(resource))
            }

            /// Modifies a resource, typed or dynamic: `PATCH endpoint/id` (RFC 7644 §3.5.2),
            /// with `If-Match` as [`replace`](Self::replace). `None` when the server answers
            /// `204 No Content`; ask for `attributes` to get the resource.
            pub fn patch<R: ClientResource>(
                &self,
                resource: &R,
                patch: &PatchOp<R>,
            ) -> Call<'_, Self, Option<R>> {
                self.call(self.core.patch_resource(resource, patch))
            }

            /// Modifies the resource with this id: `PATCH endpoint/id` (RFC 7644 §3.5.2).
            pub fn patch_id<R: Resource>(
                &self,
                id: &str,
                patch: &PatchOp<R>,
            ) -> Call<'_, Self, Option<R>> {
                self.call(self.core.patch(id, patch))
            }

            /// Modifies the resource of the dynamic type `ty` with this id (RFC 7644 §3.5.2).
            pub fn patch_dynamic_id(
                &self,
                ty: &DynamicType,
                id: &str,
                patch: &PatchOp<DynamicResource>,
            ) -> Call<'_, Self, Option<DynamicResource>> {
                self.call(self.core.patch_dynamic(ty, id, patch))
            }

            /// Deletes a resource, typed or dynamic: `DELETE endpoint/id` (RFC 7644 §3.6),
            /// with `If-Match` as [`replace`](Self::replace).
            pub fn delete<R: ClientResource>(&self, resource: &R) -> Call<'_, Self, ()> {
                self.call(self.core.delete_resource(resource))
            }

            /// Deletes the resource with this id: `DELETE endpoint/id` (RFC 7644 §3.6).
            pub fn delete_id<R: Resource>(&self, id: &str) -> Call<'_, Self, ()> {
                self.call(self.core.delete::<R>(id))
            }

            /// Deletes the resource of the dynamic type `ty` with this id (RFC 7644 §3.6).
            pub fn delete_dynamic_id(&self, ty: &DynamicType, id: &str) -> Call<'_, Self, ()> {
                self.call(self.core.delete_dynamic(ty, id))
            }

            /// Sends a bulk request: `POST /Bulk` (RFC 7644 §3.7), refused before sending when
            /// it exceeds the server's `maxOperations` or `maxPayloadSize`.
            pub fn bulk(&self, request: &BulkRequest) -> Call<'_, Self, BulkResponse> {
                self.call(self.core.bulk(request))
            }
        }
    };
}

operations!(Client);
operations!(BlockingClient);

impl<T> Client<T> {
    /// A client with no credentials and every check on.
    ///
    /// # Errors
    ///
    /// An invalid base URL.
    pub fn new(base_url: &str, transport: T) -> Result<Self, BuildError> {
        Ok(Self {
            core: Core::new(base_url)?,
            transport,
        })
    }
}

impl<T> BlockingClient<T> {
    /// A client with no credentials and every check on.
    ///
    /// # Errors
    ///
    /// An invalid base URL.
    pub fn new(base_url: &str, transport: T) -> Result<Self, BuildError> {
        Ok(Self {
            core: Core::new(base_url)?,
            transport,
        })
    }
}

impl<T: Transport> Client<T> {
    /// Prepares, sends and reads one operation.
    ///
    /// # Errors
    ///
    /// See [`Error`].
    pub async fn execute<O: Outcome>(&self, operation: Operation<O>) -> Result<O, Error> {
        let Prepared { request, reader } = self.core.prepare(operation)?;
        match self.transport.send(request).await {
            Ok(response) => reader.read(response),
            Err(e) => Err(reader.transport_error(e)),
        }
    }

    /// Fetches `/ServiceProviderConfig`, `/ResourceTypes` and `/Schemas` (RFC 7644 §4) and
    /// keeps them: endpoints then come from the ResourceTypes, ETag headers and bulk limits
    /// from the ServiceProviderConfig.
    ///
    /// # Errors
    ///
    /// The first request that fails; what was fetched before it is kept.
    pub async fn discover(&mut self) -> Result<&Discovery, Error> {
        self.discover_with(None).await
    }

    /// [`discover`](Self::discover) with these checks in place of the client's, for every
    /// discovery request: with `response_payload` off, a `/ResourceTypes` or `/Schemas` list
    /// without `totalResults` is read. (scim2-client always checks discovery responses; here
    /// they take the same overrides as any call.)
    ///
    /// # Errors
    ///
    /// The first request that fails; what was fetched before it is kept.
    pub async fn discover_with(
        &mut self,
        checks: impl Into<Option<Checks>>,
    ) -> Result<&Discovery, Error> {
        let overrides = Overrides {
            checks: checks.into(),
            expected: None,
        };
        let spc = self
            .execute(overrides.apply(self.core.service_provider_config()))
            .await?;
        self.core.discovery_mut().service_provider_config = Some(spc);
        let types = self
            .execute(overrides.apply(self.core.resource_types()))
            .await?;
        self.core.discovery_mut().resource_types = types.resources;
        let schemas = self.execute(overrides.apply(self.core.schemas())).await?;
        self.core.discovery_mut().schemas = schemas.resources;
        Ok(self.core.discovery())
    }

    /// Sends any request to `path` (relative to the base URL) with the client's `Accept` and
    /// `Authorization` headers; the response is returned as it is, unchecked, with the
    /// headers that carry credentials (`Set-Cookie`, ...) marked sensitive. The request's own
    /// such headers are marked sensitive too.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRequest`] for a bad URL, [`Error::Transport`].
    pub async fn raw(
        &self,
        method: Method,
        path: &str,
        headers: HeaderMap,
        body: Vec<u8>,
    ) -> Result<http::Response<Vec<u8>>, Error> {
        let request = self.core.raw_request(method.clone(), path, headers, body)?;
        let url = request.uri().to_string();
        self.transport
            .send(request)
            .await
            .map(sensitive_response)
            .map_err(|source| Error::Transport {
                exchange: Exchange::new(method, url, None, &[]),
                source,
            })
    }
}

impl<T: BlockingTransport> BlockingClient<T> {
    /// Prepares, sends and reads one operation.
    ///
    /// # Errors
    ///
    /// See [`Error`].
    pub fn execute<O: Outcome>(&self, operation: Operation<O>) -> Result<O, Error> {
        let Prepared { request, reader } = self.core.prepare(operation)?;
        match self.transport.send(request) {
            Ok(response) => reader.read(response),
            Err(e) => Err(reader.transport_error(e)),
        }
    }

    /// Fetches `/ServiceProviderConfig`, `/ResourceTypes` and `/Schemas` (RFC 7644 §4), as
    /// [`Client::discover`].
    ///
    /// # Errors
    ///
    /// The first request that fails; what was fetched before it is kept.
    pub fn discover(&mut self) -> Result<&Discovery, Error> {
        self.discover_with(None)
    }

    /// [`discover`](Self::discover) with these checks in place of the client's, as
    /// [`Client::discover_with`].
    ///
    /// # Errors
    ///
    /// The first request that fails; what was fetched before it is kept.
    pub fn discover_with(
        &mut self,
        checks: impl Into<Option<Checks>>,
    ) -> Result<&Discovery, Error> {
        let overrides = Overrides {
            checks: checks.into(),
            expected: None,
        };
        let spc = self.execute(overrides.apply(self.core.service_provider_config()))?;
        self.core.discovery_mut().service_provider_config = Some(spc);
        let types = self.execute(overrides.apply(self.core.resource_types()))?;
        self.core.discovery_mut().resource_types = types.resources;
        let schemas = self.execute(overrides.apply(self.core.schemas()))?;
        self.core.discovery_mut().schemas = schemas.resources;
        Ok(self.core.discovery())
    }

    /// Sends any request, unchecked, as [`Client::raw`].
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRequest`] for a bad URL, [`Error::Transport`].
    pub fn raw(
        &self,
        method: Method,
        path: &str,
        headers: HeaderMap,
        body: Vec<u8>,
    ) -> Result<http::Response<Vec<u8>>, Error> {
        let request = self.core.raw_request(method.clone(), path, headers, body)?;
        let url = request.uri().to_string();
        self.transport
            .send(request)
            .map(sensitive_response)
            .map_err(|source| Error::Transport {
                exchange: Exchange::new(method, url, None, &[]),
                source,
            })
    }
}

/// A response handed to the caller with the headers that carry credentials (`Set-Cookie`,
/// tokens) marked sensitive, so that its `Debug` hides them.
fn sensitive_response(mut response: http::Response<Vec<u8>>) -> http::Response<Vec<u8>> {
    request::mark_sensitive(response.headers_mut());
    response
}

impl<T: Transport, O: Outcome> Call<'_, Client<T>, O> {
    /// Sends the request and reads the response.
    ///
    /// # Errors
    ///
    /// See [`Error`].
    pub async fn send(self) -> Result<O, Error> {
        self.client.execute(self.operation).await
    }
}

impl<T: BlockingTransport, O: Outcome> Call<'_, BlockingClient<T>, O> {
    /// Sends the request and reads the response.
    ///
    /// # Errors
    ///
    /// See [`Error`].
    pub fn send(self) -> Result<O, Error> {
        self.client.execute(self.operation)
    }
}

/// Sends the next page of a pager and takes it in.
async fn next_page<T: Transport, R>(
    client: &Client<T>,
    pager: &mut Pager<R>,
    overrides: &Overrides,
) -> Result<bool, Error>
where
    ListResponse<R>: Outcome,
{
    let Some(op) = pager.next_operation(&client.core) else {
        return Ok(false);
    };
    let op = overrides.apply(op);
    let Prepared { request, reader } = client.core.prepare(op)?;
    let (method, url) = (reader.method().clone(), reader.url().to_owned());
    let page = match client.transport.send(request).await {
        Ok(response) => reader.read(response)?,
        Err(e) => return Err(reader.transport_error(e)),
    };
    pager.accept(page, || Exchange::new(method, url, None, &[]))?;
    Ok(true)
}

impl<'a, T: Transport, R: 'a> Query<'a, Client<T>, R>
where
    ListResponse<R>: Outcome,
{
    /// Fetches one page.
    ///
    /// # Errors
    ///
    /// See [`Error`].
    pub async fn send(self) -> Result<ListResponse<R>, Error> {
        self.client
            .execute(self.page_operation(&self.client.core))
            .await
    }

    /// Every result, fetched page by page as the stream is read ([`Pager`]). The stream ends
    /// after the first error.
    pub fn stream(self) -> impl futures_core::Stream<Item = Result<R, Error>> + 'a {
        let pager = self.pager();
        let (client, overrides) = (self.client, self.overrides);
        futures_util::stream::unfold(Some(pager), move |state| {
            let overrides = overrides.clone();
            async move {
                let mut pager = state?;
                loop {
                    if let Some(item) = pager.pop() {
                        return Some((Ok(item), Some(pager)));
                    }
                    match next_page(client, &mut pager, &overrides).await {
                        Ok(true) => {}
                        Ok(false) => return None,
                        Err(e) => return Some((Err(e), None)),
                    }
                }
            }
        })
    }
}

impl<'a, T: BlockingTransport, R: 'a> Query<'a, BlockingClient<T>, R>
where
    ListResponse<R>: Outcome,
{
    /// Fetches one page.
    ///
    /// # Errors
    ///
    /// See [`Error`].
    pub fn send(self) -> Result<ListResponse<R>, Error> {
        self.client.execute(self.page_operation(&self.client.core))
    }

    /// Every result, fetched page by page as the iterator is read ([`Pager`]). The iterator
    /// ends after the first error.
    pub fn iter(self) -> impl Iterator<Item = Result<R, Error>> + 'a {
        let mut pager = Some(self.pager());
        let (client, overrides) = (self.client, self.overrides);
        core::iter::from_fn(move || loop {
            let p = pager.as_mut()?;
            if let Some(item) = p.pop() {
                return Some(Ok(item));
            }
            let Some(op) = p.next_operation(&client.core) else {
                pager = None;
                return None;
            };
            let op = overrides.apply(op);
            let result = client
                .core
                .prepare(op)
                .and_then(|Prepared { request, reader }| {
                    let (method, url) = (reader.method().clone(), reader.url().to_owned());
                    let page = match client.transport.send(request) {
                        Ok(response) => reader.read(response)?,
                        Err(e) => return Err(reader.transport_error(e)),
                    };
                    p.accept(page, || Exchange::new(method, url, None, &[]))
                });
            if let Err(e) = result {
                pager = None;
                return Some(Err(e));
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scim_runtime_model::User;

    fn core() -> Core {
        Core::new("https://example.com/scim/v2/").unwrap()
    }

    #[test]
    fn ids_are_one_encoded_path_segment() {
        let core = core();
        let p = core.prepare(core.get::<User>("a/b c?d#é")).unwrap();
        assert_eq!(
            p.request.uri(),
            "https://example.com/scim/v2/Users/a%2Fb%20c%3Fd%23%C3%A9"
        );
        for id in [".", ".."] {
            let e = core.prepare(core.get::<User>(id)).unwrap_err();
            assert!(matches!(
                e,
                Error::InvalidRequest {
                    source: RequestError::InvalidId(_),
                    ..
                }
            ));
        }
        let e = core.prepare(core.replace(&User::default())).unwrap_err();
        assert!(matches!(
            e,
            Error::InvalidRequest {
                source: RequestError::MissingId,
                ..
            }
        ));
    }

    #[test]
    fn query_parameters_are_encoded() {
        let core = core();
        let query = SearchRequest {
            filter: Some(r#"userName eq "a&b""#.into()),
            attributes: vec!["userName".into(), "emails".into()],
            sort_by: Some("userName".into()),
            sort_order: Some(SortOrder::Descending),
            start_index: Some(3),
            count: Some(10),
            ..SearchRequest::default()
        };
        let p = core
            .prepare(core.query::<User>(QueryMethod::Get, &query))
            .unwrap();
        assert_eq!(
            p.request.uri(),
            "https://example.com/scim/v2/Users?attributes=userName%2Cemails&filter=userName%20eq%20%22a%26b%22&sortBy=userName&sortOrder=descending&startIndex=3&count=10"
        );
        let p = core
            .prepare(core.query_at::<serde_json::Value>("", QueryMethod::Search, &query))
            .unwrap();
        assert_eq!(p.request.uri(), "https://example.com/scim/v2/.search");
        assert_eq!(p.request.method(), Method::POST);
        assert_eq!(p.request.headers()["content-type"], SCIM_JSON);
    }

    #[test]
    fn get_json_keeps_the_body_and_checks_the_exchange() {
        let core = core();
        let served = br#"{"Resources": [{"id": "urn:x", "multiValued": "false"}]}"#;
        let p = core.prepare(core.get_json("/Schemas")).unwrap();
        assert_eq!(p.request.uri(), "https://example.com/scim/v2/Schemas");
        assert_eq!(p.request.method(), Method::GET);
        let response = http::Response::builder()
            .status(200)
            .header("content-type", SCIM_JSON)
            .body(served.to_vec())
            .unwrap();
        // Kept as served, quirks included: no typed Schema would take `"multiValued": "false"`.
        let value = p.reader.read(response).unwrap();
        assert_eq!(value["Resources"][0]["multiValued"], "false");

        let p = core.prepare(core.get_json("/Schemas")).unwrap();
        let refused = http::Response::builder()
            .status(401)
            .header("content-type", SCIM_JSON)
            .body(br#"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "401", "detail": "no"}"#.to_vec())
            .unwrap();
        let error = p.reader.read(refused).unwrap_err();
        assert_eq!(error.exchange().status.map(|s| s.as_u16()), Some(401));
    }

    #[test]
    fn bad_base_urls_are_refused() {
        for base in [
            "",
            "example.com/v2",
            "ftp://example.com",
            "http:///v2",
            "http://h/v2?x=1",
        ] {
            assert!(Core::new(base).is_err(), "{base}");
        }
    }

    #[test]
    fn credentials_stay_hidden() {
        let mut core = core();
        core.set_auth(&Auth::basic("alice", "pa55word")).unwrap();
        let p = core.prepare(core.get::<User>("1")).unwrap();
        assert_eq!(
            p.request.headers()["authorization"],
            "Basic YWxpY2U6cGE1NXdvcmQ="
        );
        let shown = format!("{core:?} {:?} {:?}", p.request, Auth::bearer("t0ken"));
        assert!(
            !shown.contains("pa55word") && !shown.contains("YWxpY2U6") && !shown.contains("t0ken")
        );
        assert!(Core::new("http://h")
            .unwrap()
            .set_auth(&Auth::bearer("new\nline"))
            .is_err());
    }

    #[test]
    fn base_url_credentials_yield_to_explicit_auth() {
        let base = "https://alice:pa55word@example.com/scim/v2";
        let from_url = Client::builder(base).core().unwrap();
        let p = from_url.prepare(from_url.get::<User>("1")).unwrap();
        assert_eq!(
            p.request.headers()["authorization"],
            "Basic YWxpY2U6cGE1NXdvcmQ="
        );
        assert_eq!(p.request.uri(), "https://example.com/scim/v2/Users/1");
        let explicit = Client::builder(base)
            .auth(Auth::bearer("t0ken"))
            .core()
            .unwrap();
        let p = explicit.prepare(explicit.get::<User>("1")).unwrap();
        assert_eq!(p.request.headers()["authorization"], "Bearer t0ken");
        assert_eq!(explicit.base_url(), "https://example.com/scim/v2");
        // A header given to the call wins over both, and is hidden as well.
        let p = explicit
            .prepare(explicit.get::<User>("1").header(
                AUTHORIZATION_HEADER,
                HeaderValue::from_static("Bearer c4ll"),
            ))
            .unwrap();
        assert_eq!(p.request.headers()["authorization"], "Bearer c4ll");
        assert!(!format!("{p:?}").contains("c4ll"));
    }

    const AUTHORIZATION_HEADER: HeaderName = http::header::AUTHORIZATION;

    #[test]
    fn expected_statuses_follow_scim2_client() {
        assert!(OperationKind::Create.expected_statuses().contains(&201));
        assert!(!OperationKind::Create.expected_statuses().contains(&200));
        assert!(OperationKind::Patch.expected_statuses().contains(&204));
        assert!(!OperationKind::Delete.expected_statuses().contains(&200));
        assert!(!OperationKind::Bulk.expected_statuses().contains(&412));
    }

    fn discovered() -> Core {
        let mut core = core();
        let d = core.discovery_mut();
        d.schemas = User::schemas();
        d.resource_types = vec![scim_runtime_model::User::resource_type()];
        core
    }

    fn scim_response(status: u16, etag: Option<&str>, body: &str) -> http::Response<Vec<u8>> {
        let mut r = http::Response::builder()
            .status(status)
            .header("content-type", SCIM_JSON);
        if let Some(etag) = etag {
            r = r.header("etag", etag);
        }
        r.body(body.as_bytes().to_vec()).unwrap()
    }

    #[test]
    fn dynamic_types_come_from_discovery() {
        assert_eq!(
            core().discovery().dynamic_type("User").unwrap_err(),
            DiscoveryError::NotDiscovered("resource types")
        );
        assert_eq!(
            core().discovery().drift::<User>().unwrap_err(),
            DiscoveryError::NotDiscovered("schemas")
        );
        let core = discovered();
        let err = core.discovery().dynamic_type("Group").unwrap_err();
        assert_eq!(
            err.to_string(),
            "the service provider has no resource type `Group` (it has: User)"
        );
        let mut missing = core.clone();
        missing.discovery_mut().schemas.truncate(1);
        assert!(matches!(
            missing.discovery().dynamic_type("user").unwrap_err(),
            DiscoveryError::InvalidSchema(_)
        ));
        assert!(core.discovery().drift::<User>().unwrap().is_empty());
    }

    #[test]
    fn dynamic_resources_are_read_checked_and_versioned_as_typed_ones() {
        let core = discovered();
        let ty = core.discovery().dynamic_type("User").unwrap();
        let p = core.prepare(core.get_dynamic(&ty, "a/b")).unwrap();
        assert_eq!(p.request.uri(), "https://example.com/scim/v2/Users/a%2Fb");
        let user = p
            .reader
            .read(scim_response(
                200,
                Some("W/\"7\""),
                r#"{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "id": "a/b", "userName": "b"}"#,
            ))
            .unwrap();
        assert_eq!(user.meta_version(), Some("W/\"7\""), "from the ETag header");

        // With ETags supported, a replace sends If-Match from meta.version.
        let mut etags = core.clone();
        etags.discovery_mut().service_provider_config =
            Some(scim_runtime_model::schema::ServiceProviderConfig {
                etag: Some(scim_runtime_model::schema::Supported {
                    supported: Some(true),
                    ..Default::default()
                }),
                ..Default::default()
            });
        let p = etags.prepare(etags.replace(&user)).unwrap();
        assert_eq!(p.request.method(), Method::PUT);
        assert_eq!(p.request.headers()["if-match"], "W/\"7\"");
        let body: serde_json::Value = serde_json::from_slice(p.request.body()).unwrap();
        assert_eq!(body["userName"], "b");
        assert!(
            body.get("id").is_none(),
            "readOnly, left out of a replacement request"
        );
        // 304 gives back the cached resource.
        let p = etags.prepare(etags.refresh(&user)).unwrap();
        assert_eq!(p.request.headers()["if-none-match"], "W/\"7\"");
        let same = p.reader.read(scim_response(304, None, "")).unwrap();
        assert_eq!(same, user);

        // PATCH: 204 is None.
        let patch = PatchOp::new(Vec::new());
        let p = core.prepare(core.patch_resource(&user, &patch)).unwrap();
        assert_eq!(p.reader.read(scim_response(204, None, "")).unwrap(), None);

        // A list whose second result breaks the response context: the path names it.
        let p = core
            .prepare(core.query_dynamic(&ty, QueryMethod::Get, &SearchRequest::default()))
            .unwrap();
        let err = p
            .reader
            .read(scim_response(
                200,
                None,
                r#"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "totalResults": 2,
                    "Resources": [{"id": "1", "userName": "a"}, {"id": "2", "userName": "b", "password": "x"}]}"#,
            ))
            .unwrap_err();
        match err {
            Error::InvalidResponse {
                source: scim_runtime_model::payload::PayloadError::Violations(v),
                ..
            } => assert_eq!(v.0[0].path, "Resources[1].password"),
            other => panic!("{other:?}"),
        }
        // A value of the wrong JSON type: the path names the result too.
        let p = core
            .prepare(core.query_dynamic(&ty, QueryMethod::Search, &SearchRequest::default()))
            .unwrap();
        assert_eq!(p.request.uri(), "https://example.com/scim/v2/Users/.search");
        let err = p
            .reader
            .read(scim_response(
                200,
                None,
                r#"{"totalResults": 1, "Resources": [{"id": "1", "emails": "a@example.com"}]}"#,
            ))
            .unwrap_err();
        assert!(
            matches!(&err, Error::InvalidResponse { source: scim_runtime_model::payload::PayloadError::Invalid { path, .. }, .. } if path == "Resources[0].emails"),
            "{err:?}"
        );
    }

    #[test]
    fn a_repeated_key_from_the_server_is_refused_for_typed_and_dynamic_alike() {
        let core = discovered();
        let ty = core.discovery().dynamic_type("User").unwrap();
        let body = r#"{"id": "1", "userName": "a", "userName": "b"}"#;
        let duplicate = |e: Error| {
            matches!(&e, Error::InvalidResponse { source: scim_runtime_model::payload::PayloadError::Invalid { message, .. }, .. }
                if message.contains("duplicate attribute"))
        };
        let typed = core
            .prepare(core.get::<User>("1"))
            .unwrap()
            .reader
            .read(scim_response(200, None, body));
        assert!(duplicate(typed.unwrap_err()));
        let dynamic = core
            .prepare(core.get_dynamic(&ty, "1"))
            .unwrap()
            .reader
            .read(scim_response(200, None, body));
        assert!(duplicate(dynamic.unwrap_err()));
    }

    #[test]
    fn lists_without_total_results_are_reported_unless_unchecked() {
        let core = discovered();
        let ty = core.discovery().dynamic_type("User").unwrap();
        let body = r#"{"Resources": [{"id": "1", "userName": "a"}]}"#;
        let relaxed = Checks {
            response_payload: false,
            ..Checks::ALL
        };
        let reported = |e: Error| {
            matches!(&e, Error::InvalidResponse { source: scim_runtime_model::payload::PayloadError::Violations(v), .. }
                if v.0.len() == 1 && v.0[0].path == "totalResults")
        };
        // Typed, dynamic, JSON and discovery lists alike.
        let typed = |checks| {
            core.prepare(
                core.query::<User>(QueryMethod::Get, &SearchRequest::default())
                    .checks(checks),
            )
            .unwrap()
            .reader
            .read(scim_response(200, None, body))
        };
        assert!(reported(typed(Checks::ALL).unwrap_err()));
        assert_eq!(typed(relaxed).unwrap().total_results, None);
        let dynamic = |checks| {
            core.prepare(
                core.query_dynamic(&ty, QueryMethod::Get, &SearchRequest::default())
                    .checks(checks),
            )
            .unwrap()
            .reader
            .read(scim_response(200, None, body))
        };
        assert!(reported(dynamic(Checks::ALL).unwrap_err()));
        assert_eq!(dynamic(relaxed).unwrap().resources.len(), 1);
        let json = |checks| {
            core.prepare(
                core.query_at::<serde_json::Value>(
                    "",
                    QueryMethod::Search,
                    &SearchRequest::default(),
                )
                .checks(checks),
            )
            .unwrap()
            .reader
            .read(scim_response(200, None, body))
        };
        assert!(reported(json(Checks::ALL).unwrap_err()));
        assert!(json(relaxed).is_ok());
        let types = |checks| {
            core.prepare(core.resource_types().checks(checks))
                .unwrap()
                .reader
                .read(scim_response(200, None, r#"{"Resources": []}"#))
        };
        assert!(reported(types(Checks::ALL).unwrap_err()));
        assert!(types(relaxed).is_ok());
    }

    #[test]
    fn unsupported_features_are_sent_and_bulk_limits_refused() {
        let mut core = core();
        core.discovery_mut().service_provider_config = Some(
            serde_json::from_value(serde_json::json!({
                "patch": {"supported": false}, "filter": {"supported": false},
                "sort": {"supported": false},
                "bulk": {"supported": true, "maxOperations": 1, "maxPayloadSize": 100000}
            }))
            .unwrap(),
        );
        let search = SearchRequest {
            filter: Some("userName pr".into()),
            sort_by: Some("userName".into()),
            ..SearchRequest::default()
        };
        for method in [QueryMethod::Get, QueryMethod::Search] {
            core.prepare(core.query::<User>(method, &search)).unwrap();
        }
        core.prepare(core.patch::<User>("1", &PatchOp::default()))
            .unwrap();
        let op = scim_runtime_model::message::BulkOperation {
            method: scim_runtime_model::message::BulkMethod::Delete,
            bulk_id: None,
            version: None,
            path: "/Users/1".into(),
            data: None,
        };
        let one = BulkRequest {
            operations: vec![op.clone()],
            ..BulkRequest::default()
        };
        core.prepare(core.bulk(&one)).unwrap();
        let two = BulkRequest {
            operations: vec![op.clone(), op],
            ..BulkRequest::default()
        };
        assert!(matches!(
            core.prepare(core.bulk(&two)).unwrap_err(),
            Error::InvalidRequest {
                source: RequestError::TooManyBulkOperations {
                    operations: 2,
                    max: 1
                },
                ..
            }
        ));
    }

    #[test]
    fn no_content_responses_are_not_content_type_checked() {
        let core = core();
        let p = core.prepare(core.delete::<User>("1")).unwrap();
        let response = http::Response::builder()
            .status(204)
            .body(Vec::new())
            .unwrap();
        p.reader.read(response).unwrap();
    }
}

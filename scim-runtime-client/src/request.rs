//! Building requests (RFC 7644 §3): one [`Operation`] per SCIM operation, turned into an
//! `http::Request<Vec<u8>>` by [`Core::prepare`].

use http::header::{HeaderName, ACCEPT, AUTHORIZATION, CONTENT_TYPE, IF_MATCH, IF_NONE_MATCH};
use http::{HeaderMap, HeaderValue, Method};

use crate::auth::Auth;
use crate::checks::Checks;
use crate::discovery::DiscoveredServer;
use crate::error::{BuildError, Error, Exchange, RequestError};
use crate::operation_kind::OperationKind;
use crate::response::Reader;
use crate::url;
use scim_runtime_model::dynamic::{DynamicResource, DynamicType};
use scim_runtime_model::exchange::ClientResource;
use scim_runtime_model::exchange::{ListItem, Outcome};
use scim_runtime_model::media_type;
use scim_runtime_model::message::{
    BulkRequest, BulkResponse, ListResponse, PatchOp, SearchRequest, SortOrder,
};
use scim_runtime_model::path::IntoAttrPath;
use scim_runtime_model::payload::PayloadError;
use scim_runtime_model::schema::{ResourceType, Schema, ServiceProviderConfig};
use scim_runtime_model::{Context, Resource};

/// The SCIM media type (RFC 7644 §8.1).
#[deprecated(
    note = "use `scim_runtime::media_type::SCIM_JSON`, the one constant for client and server"
)]
pub const SCIM_JSON: &str = media_type::SCIM_JSON;

/// The endpoint that stands for the authenticated subject (RFC 7644 §3.11).
const ME: &str = "/Me";

/// A feature whose ServiceProviderConfig limits the client enforces before sending (RFC 7643
/// §5). Only bulk: as scim2-client does, `supported: false` for filter, sort or PATCH is
/// advisory (servers often serve what they do not advertise), and the request is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Feature {
    Bulk,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Conditional {
    None,
    IfMatch,
    IfNoneMatch,
}

/// One SCIM operation, not yet sent: made by [`Core`]'s methods, shaped by its setters, and
/// turned into an HTTP request by [`Core::prepare`].
///
/// Its `Debug` shows the body's length, not its bytes (a creation request carries the
/// `password`), and headers that carry credentials as `Sensitive`.
#[must_use = "an operation does nothing until it is prepared and sent"]
pub struct Operation<O: Outcome> {
    kind: OperationKind,
    shape: O::Shape,
    method: Method,
    path: Result<String, RequestError>,
    query: Vec<(&'static str, String)>,
    body: Option<Vec<u8>>,
    headers: HeaderMap,
    checks: Option<Checks>,
    expected: Option<Vec<u16>>,
    problem: Option<PayloadError>,
    feature: Option<Feature>,
    bulk_operations: usize,
    version: Option<String>,
    conditional: Conditional,
    cached: Option<O>,
    me: bool,
}

/// How a body shows in `Debug`: its length only.
struct BodyLen(usize);

impl core::fmt::Debug for BodyLen {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "<{} bytes>", self.0)
    }
}

impl<O: Outcome + core::fmt::Debug> core::fmt::Debug for Operation<O> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Operation")
            .field("kind", &self.kind)
            .field("method", &self.method)
            .field("path", &self.path)
            .field("query", &self.query)
            .field("body", &self.body.as_ref().map(|b| BodyLen(b.len())))
            .field("headers", &self.headers)
            .field("checks", &self.checks)
            .field("expected", &self.expected)
            .field("problem", &self.problem)
            .field("version", &self.version)
            .field("cached", &self.cached)
            .field("shape", &self.shape)
            .finish_non_exhaustive()
    }
}

impl<O: Outcome<Shape = ()>> Operation<O> {
    fn new(kind: OperationKind, method: Method, path: Result<String, RequestError>) -> Self {
        Self::shaped(kind, (), method, path)
    }
}

impl<O: Outcome> Operation<O> {
    /// An operation whose response is read as `shape` describes.
    fn shaped(
        kind: OperationKind,
        shape: O::Shape,
        method: Method,
        path: Result<String, RequestError>,
    ) -> Self {
        Self {
            kind,
            shape,
            method,
            path,
            query: Vec::new(),
            body: None,
            headers: HeaderMap::new(),
            checks: None,
            expected: None,
            problem: None,
            feature: None,
            bulk_operations: 0,
            version: None,
            conditional: Conditional::None,
            cached: None,
            me: false,
        }
    }

    /// The operation.
    pub fn kind(&self) -> OperationKind {
        self.kind
    }

    /// Asks for these attributes in the response (RFC 7644 §3.4.2.5, §3.9); sent as one
    /// comma-separated `attributes` query parameter.
    /// Each name is text or a typed path (`User::paths().user_name()`).
    pub fn attributes<I, S>(mut self, names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: IntoAttrPath,
    {
        self.set_list("attributes", names);
        self
    }

    /// Asks the server to leave these attributes out of the response (RFC 7644 §3.9).
    /// Each name is text or a typed path (`User::paths().user_name()`).
    pub fn excluded_attributes<I, S>(mut self, names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: IntoAttrPath,
    {
        self.set_list("excludedAttributes", names);
        self
    }

    fn set_list<I, S>(&mut self, key: &'static str, names: I)
    where
        I: IntoIterator<Item = S>,
        S: IntoAttrPath,
    {
        let joined = names
            .into_iter()
            .map(|n| n.path_text().into_owned())
            .collect::<Vec<_>>()
            .join(",");
        self.query.retain(|(k, _)| *k != key);
        if !joined.is_empty() {
            self.query.push((key, joined));
        }
    }

    /// Overrides the client's checks for this call.
    pub fn checks(mut self, checks: Checks) -> Self {
        self.checks = Some(checks);
        self
    }

    /// Replaces the statuses this call accepts ([`OperationKind::expected_statuses`]), as
    /// scim2-client's `expected_status_codes`: a status not in `statuses` is an
    /// [`Error::UnexpectedStatus`] while the status check is on. An empty list accepts any
    /// status, as scim2-client does with `expected_status_codes=[]` or `None`. A failure status
    /// with a SCIM Error body is still an [`Error::Scim`].
    pub fn expected_statuses(mut self, statuses: impl IntoIterator<Item = u16>) -> Self {
        self.expected = Some(statuses.into_iter().collect());
        self
    }

    /// Adds a header to the request. A header that carries credentials (`Authorization`,
    /// `Proxy-Authorization`, `Cookie`, `X-Api-Key`, and any name holding `token`, `secret`,
    /// `key`, `auth`, `password`, `session` or `cookie`) is marked sensitive
    /// ([`HeaderValue::set_sensitive`]), so that no `Debug` shows it.
    pub fn header(mut self, name: HeaderName, mut value: HeaderValue) -> Self {
        if is_sensitive_header(&name) {
            value.set_sensitive(true);
        }
        self.headers.append(name, value);
        self
    }

    /// Sends `If-Match: version`, whatever the ServiceProviderConfig says (RFC 7644 §3.14).
    pub fn if_match(self, version: &str) -> Self {
        self.version_header(IF_MATCH, version)
    }

    /// Sends `If-None-Match: version`, whatever the ServiceProviderConfig says (RFC 7644
    /// §3.14). Without a cached resource to answer with, a `304 Not Modified` is an
    /// [`Error::UnexpectedStatus`].
    pub fn if_none_match(self, version: &str) -> Self {
        self.version_header(IF_NONE_MATCH, version)
    }

    fn version_header(mut self, name: HeaderName, version: &str) -> Self {
        if let Ok(value) = HeaderValue::from_str(version) {
            self.headers.insert(name, value);
        }
        self
    }

    fn with_body(mut self, body: Vec<u8>) -> Self {
        self.body = Some(body);
        self
    }
}

/// A request ready for a transport, and the [`Reader`] for its response.
///
/// Its `Debug` shows the request's method, URI and headers (those that carry credentials as
/// `Sensitive`) and the body's length, not its bytes.
pub struct Prepared<O: Outcome> {
    /// The HTTP request.
    pub request: http::Request<Vec<u8>>,
    /// Reads the response.
    pub reader: Reader<O>,
}

impl<O: Outcome + core::fmt::Debug> core::fmt::Debug for Prepared<O> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Prepared")
            .field("method", self.request.method())
            .field("uri", self.request.uri())
            .field("headers", self.request.headers())
            .field("body", &BodyLen(self.request.body().len()))
            .field("reader", &self.reader)
            .finish()
    }
}

/// The sans-IO client: what the client knows about the server, and how every operation turns
/// into an `http::Request` and its `http::Response` into a result. No I/O happens here; a
/// [`Client`](crate::Client) pairs it with a transport.
///
/// ```
/// use scim_runtime::client::Core;
/// use scim_runtime::User;
///
/// let core = Core::new("https://example.com/scim/v2")?;
/// let prepared = core.prepare(core.get::<User>("2819c223").attributes(["userName"]))?;
/// assert_eq!(
///     prepared.request.uri(),
///     "https://example.com/scim/v2/Users/2819c223?attributes=userName"
/// );
///
/// let response = http::Response::builder()
///     .status(200)
///     .header("content-type", "application/scim+json")
///     .header("etag", "W/\"3\"")
///     .body(br#"{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
///                "id": "2819c223", "userName": "bjensen"}"#.to_vec())?;
/// let user: User = prepared.reader.read(response)?;
/// assert_eq!(user.meta.unwrap().version.as_deref(), Some("W/\"3\""));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Core {
    base: String,
    /// The length of `scheme://authority` in `base`.
    origin_len: usize,
    auth: Option<HeaderValue>,
    checks: Checks,
    discovery: DiscoveredServer,
}

/// Whether a header carries credentials, by its name: the standard ones and the names APIs
/// give their keys and tokens. Marked sensitive, they never appear in a `Debug` output.
pub(crate) fn is_sensitive_header(name: &HeaderName) -> bool {
    let name = name.as_str(); // lowercase
    matches!(
        name,
        "authorization" | "proxy-authorization" | "cookie" | "set-cookie"
    ) || [
        "token",
        "secret",
        "key",
        "auth",
        "password",
        "session",
        "cookie",
        "credential",
    ]
    .iter()
    .any(|part| name.contains(part))
}

/// Marks every header that carries credentials sensitive ([`is_sensitive_header`]).
pub(crate) fn mark_sensitive(headers: &mut HeaderMap) {
    for (name, value) in headers.iter_mut() {
        if is_sensitive_header(name) {
            value.set_sensitive(true);
        }
    }
}

/// A response handed to the caller with the headers that carry credentials (`Set-Cookie`,
/// tokens) marked sensitive, so that its `Debug` hides them.
pub(crate) fn sensitive_response(mut response: http::Response<Vec<u8>>) -> http::Response<Vec<u8>> {
    mark_sensitive(response.headers_mut());
    response
}

/// Characters left as they are in a query value or a path segment: RFC 3986 unreserved.
fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

pub(crate) fn percent_encode(s: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in s.as_bytes() {
        if is_unreserved(b) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
}

/// `endpoint/id` with the id as one percent-encoded path segment: RFC 7643 §3.1 puts no
/// constraint on the characters of an id.
fn resource_path(endpoint: &str, id: Option<&str>) -> Result<String, RequestError> {
    let id = id.ok_or(RequestError::MissingId)?;
    if id.is_empty() {
        return Err(RequestError::MissingId);
    }
    if id == "." || id == ".." {
        return Err(RequestError::InvalidId(id.to_owned()));
    }
    let mut path = String::with_capacity(endpoint.len() + id.len() + 1);
    path.push_str(endpoint.trim_end_matches('/'));
    path.push('/');
    percent_encode(id, &mut path);
    Ok(path)
}

fn to_body(value: &impl serde::Serialize) -> Vec<u8> {
    // Serializing SCIM values cannot fail: keys are strings and every value is JSON.
    serde_json::to_vec(value).unwrap_or_default()
}

/// How a list is queried: by `GET` on the endpoint (RFC 7644 §3.4.2) or by `POST` to
/// `.search` (RFC 7644 §3.4.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QueryMethod {
    /// `GET endpoint?filter=...`.
    Get,
    /// `POST endpoint/.search` with a SearchRequest body.
    Search,
}

impl Core {
    /// A client of the service provider at `base_url` (RFC 7644 §1.3), such as
    /// `https://example.com/scim/v2`.
    ///
    /// Credentials in the URL (`https://alice:pw@host/v2`, percent-encoded or not) are taken
    /// out into HTTP Basic authentication ([`Auth::Basic`]): requests, errors and `Debug`
    /// show the URL without them. [`Core::set_auth`] (or
    /// [`ClientBuilder::auth`](crate::ClientBuilder::auth)) replaces them.
    ///
    /// ```
    /// use scim_runtime::client::Core;
    ///
    /// let core = Core::new("https://alice:s3cr3t@example.com/scim/v2")?;
    /// assert_eq!(core.base_url(), "https://example.com/scim/v2");
    /// assert!(!format!("{core:?}").contains("s3cr3t"));
    /// # Ok::<(), scim_runtime::client::BuildError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`BuildError::InvalidBaseUrl`] if it is not an absolute http(s) URL (shown without its
    /// credentials), [`BuildError::InvalidCredentials`] if its credentials are not valid
    /// percent-encoded UTF-8 or cannot be sent in a header.
    pub fn new(base_url: &str) -> Result<Self, BuildError> {
        let base = url::parse_base(base_url)?;
        let auth = match &base.auth {
            Some(auth) => Some(auth.header_value().ok_or(BuildError::InvalidCredentials)?),
            None => None,
        };
        Ok(Self {
            base: base.base,
            origin_len: base.origin_len,
            auth,
            checks: Checks::ALL,
            discovery: DiscoveredServer::default(),
        })
    }

    /// Authenticates every request with `auth`.
    ///
    /// # Errors
    ///
    /// [`BuildError::InvalidCredentials`] if they cannot be sent in a header.
    pub fn set_auth(&mut self, auth: &Auth) -> Result<(), BuildError> {
        self.auth = Some(auth.header_value().ok_or(BuildError::InvalidCredentials)?);
        Ok(())
    }

    /// The base URL, without a trailing `/`.
    pub fn base_url(&self) -> &str {
        &self.base
    }

    /// The checks made unless a call overrides them.
    pub fn checks(&self) -> Checks {
        self.checks
    }

    /// Sets the checks made unless a call overrides them.
    pub fn set_checks(&mut self, checks: Checks) {
        self.checks = checks;
    }

    /// What the client knows about the server.
    pub fn discovery(&self) -> &DiscoveredServer {
        &self.discovery
    }

    /// What the client knows about the server, to fill in or change.
    pub fn discovery_mut(&mut self) -> &mut DiscoveredServer {
        &mut self.discovery
    }

    /// The endpoint of `R`: from the discovered ResourceType whose schema is `R`'s, or else
    /// from `R`'s own resource type.
    pub fn endpoint<R: Resource>(&self) -> &str {
        self.discovery
            .endpoint_for_schema(R::SCHEMA.id)
            .unwrap_or(R::RESOURCE_TYPE.endpoint)
    }

    /// Creates a resource, typed or dynamic: `POST endpoint` (RFC 7644 §3.3). The body is the
    /// resource in the creation-request context, without `readOnly` attributes.
    pub fn create<R: ClientResource>(&self, resource: &R) -> Operation<R> {
        let mut op = Operation::shaped(
            OperationKind::Create,
            resource.shape(),
            Method::POST,
            Ok(resource
                .endpoint(&|schema| self.discovery.endpoint_for_schema(schema))
                .to_owned()),
        )
        .with_body(resource.body_in(Context::CreationRequest));
        op.problem = resource
            .check_in(Context::CreationRequest)
            .err()
            .map(PayloadError::Violations);
        op
    }

    /// Retrieves a resource: `GET endpoint/id` (RFC 7644 §3.4.1).
    pub fn get<R: Resource>(&self, id: &str) -> Operation<R> {
        Operation::new(
            OperationKind::Query,
            Method::GET,
            resource_path(self.endpoint::<R>(), Some(id)),
        )
    }

    /// Retrieves a resource of the dynamic type `ty`: `GET endpoint/id` (RFC 7644 §3.4.1),
    /// read and checked against `ty`'s schemas.
    pub fn get_dynamic(&self, ty: &DynamicType, id: &str) -> Operation<DynamicResource> {
        Operation::shaped(
            OperationKind::Query,
            ty.clone(),
            Method::GET,
            resource_path(&ty.endpoint, Some(id)),
        )
    }

    /// Retrieves a resource again, conditionally: with `If-None-Match: meta.version` when the
    /// server supports ETags, so that `304 Not Modified` answers with `resource` itself
    /// (RFC 7644 §3.14).
    pub fn refresh<R: ClientResource + Clone>(&self, resource: &R) -> Operation<R> {
        let mut op = Operation::shaped(
            OperationKind::Query,
            resource.shape(),
            Method::GET,
            resource_path(
                resource.endpoint(&|schema| self.discovery.endpoint_for_schema(schema)),
                resource.resource_id(),
            ),
        );
        op.version = resource.version().map(str::to_owned);
        op.conditional = Conditional::IfNoneMatch;
        op.cached = Some(resource.clone());
        op
    }

    /// Retrieves the authenticated subject: `GET /Me` (RFC 7644 §3.11). A server without
    /// `/Me` answers 501, read as [`Error::MeNotSupported`].
    pub fn me<R: Resource>(&self) -> Operation<R> {
        let mut op = Operation::new(OperationKind::Query, Method::GET, Ok(ME.to_owned()));
        op.me = true;
        op
    }

    /// Replaces the authenticated subject's resource: `PUT /Me` (RFC 7644 §3.11, §3.5.1),
    /// with `If-Match: meta.version` when the server supports ETags.
    pub fn replace_me<R: ClientResource>(&self, resource: &R) -> Operation<R> {
        let mut op = Operation::shaped(
            OperationKind::Replace,
            resource.shape(),
            Method::PUT,
            Ok(ME.to_owned()),
        )
        .with_body(resource.body_in(Context::ReplacementRequest));
        op.problem = resource
            .check_in(Context::ReplacementRequest)
            .err()
            .map(PayloadError::Violations);
        op.version = resource.version().map(str::to_owned);
        op.conditional = Conditional::IfMatch;
        op.me = true;
        op
    }

    /// Modifies the authenticated subject's resource: `PATCH /Me` (RFC 7644 §3.11, §3.5.2).
    pub fn patch_me<R: Resource>(&self, patch: &PatchOp<R>) -> Operation<Option<R>> {
        let mut op = Operation::new(OperationKind::Patch, Method::PATCH, Ok(ME.to_owned()))
            .with_body(to_body(patch));
        op.me = true;
        op
    }

    /// Deletes the authenticated subject's resource: `DELETE /Me` (RFC 7644 §3.11, §3.6).
    pub fn delete_me(&self) -> Operation<()> {
        let mut op = Operation::new(OperationKind::Delete, Method::DELETE, Ok(ME.to_owned()));
        op.me = true;
        op
    }

    /// Queries `R`'s endpoint by `GET` with the parameters of `query` (RFC 7644 §3.4.2), or by
    /// `POST .search` with `query` as the body (RFC 7644 §3.4.3).
    pub fn query<R: Resource>(
        &self,
        method: QueryMethod,
        query: &SearchRequest,
    ) -> Operation<ListResponse<R>> {
        self.query_at(self.endpoint::<R>(), method, query)
    }

    /// Queries the endpoint at `path` (`""` for the root, RFC 7644 §3.4.2.1), reading results
    /// as `T`: a resource, or [`serde_json::Value`] for mixed results.
    pub fn query_at<T: ListItem>(
        &self,
        path: &str,
        method: QueryMethod,
        query: &SearchRequest,
    ) -> Operation<ListResponse<T>> {
        self.query_shaped(path, (), method, query)
    }

    /// Queries the endpoint of the dynamic type `ty` as [`Core::query`] does; every result is
    /// read and checked against `ty`'s schemas.
    pub fn query_dynamic(
        &self,
        ty: &DynamicType,
        method: QueryMethod,
        query: &SearchRequest,
    ) -> Operation<ListResponse<DynamicResource>> {
        self.query_shaped(&ty.endpoint, ty.clone(), method, query)
    }

    /// Queries the endpoint at `path`, reading the results as `shape` describes.
    pub(crate) fn query_shaped<T>(
        &self,
        path: &str,
        shape: <ListResponse<T> as Outcome>::Shape,
        method: QueryMethod,
        query: &SearchRequest,
    ) -> Operation<ListResponse<T>>
    where
        ListResponse<T>: Outcome,
    {
        let path = path.trim_end_matches('/');
        match method {
            QueryMethod::Get => {
                let mut op = Operation::shaped(
                    OperationKind::Query,
                    shape,
                    Method::GET,
                    Ok(path.to_owned()),
                );
                op.set_list("attributes", &query.attributes);
                op.set_list("excludedAttributes", &query.excluded_attributes);
                let mut push = |k, v: Option<String>| {
                    if let Some(v) = v {
                        op.query.push((k, v));
                    }
                };
                push("filter", query.filter.clone());
                push("sortBy", query.sort_by.clone());
                push(
                    "sortOrder",
                    query.sort_order.map(|o| {
                        match o {
                            SortOrder::Ascending => "ascending",
                            SortOrder::Descending => "descending",
                        }
                        .to_owned()
                    }),
                );
                push("startIndex", query.start_index.map(|n| n.to_string()));
                push("count", query.count.map(|n| n.to_string()));
                // `cursor=` with no value asks for the first page (RFC 9865).
                push("cursor", query.cursor.clone());
                op
            }
            QueryMethod::Search => Operation::shaped(
                OperationKind::Search,
                shape,
                Method::POST,
                Ok(format!("{path}/.search")),
            )
            .with_body(to_body(query)),
        }
    }

    /// Replaces a resource, typed or dynamic: `PUT endpoint/id` (RFC 7644 §3.5.1), with
    /// `If-Match: meta.version` when the server supports ETags.
    pub fn replace<R: ClientResource>(&self, resource: &R) -> Operation<R> {
        let mut op = Operation::shaped(
            OperationKind::Replace,
            resource.shape(),
            Method::PUT,
            resource_path(
                resource.endpoint(&|schema| self.discovery.endpoint_for_schema(schema)),
                resource.resource_id(),
            ),
        )
        .with_body(resource.body_in(Context::ReplacementRequest));
        op.problem = resource
            .check_in(Context::ReplacementRequest)
            .err()
            .map(PayloadError::Violations);
        op.version = resource.version().map(str::to_owned);
        op.conditional = Conditional::IfMatch;
        op
    }

    /// Modifies the resource with this id: `PATCH endpoint/id` (RFC 7644 §3.5.2). The server
    /// answers `204 No Content` (`None`) or `200 OK` with the resource, which it must do when
    /// `attributes` is given.
    pub fn patch<R: Resource>(&self, id: &str, patch: &PatchOp<R>) -> Operation<Option<R>> {
        self.patch_at((), self.endpoint::<R>(), id, patch)
    }

    /// Modifies the resource of the dynamic type `ty` with this id, as [`Core::patch`].
    pub fn patch_dynamic(
        &self,
        ty: &DynamicType,
        id: &str,
        patch: &PatchOp<DynamicResource>,
    ) -> Operation<Option<DynamicResource>> {
        self.patch_at(ty.clone(), &ty.endpoint, id, patch)
    }

    fn patch_at<R: ClientResource>(
        &self,
        shape: R::Shape,
        endpoint: &str,
        id: &str,
        patch: &PatchOp<R>,
    ) -> Operation<Option<R>> {
        Operation::shaped(
            OperationKind::Patch,
            shape,
            Method::PATCH,
            resource_path(endpoint, Some(id)),
        )
        .with_body(to_body(patch))
    }

    /// Modifies `resource`, typed or dynamic, as [`Core::patch`], with `If-Match:
    /// meta.version` when the server supports ETags.
    pub fn patch_resource<R: ClientResource>(
        &self,
        resource: &R,
        patch: &PatchOp<R>,
    ) -> Operation<Option<R>> {
        let endpoint = resource.endpoint(&|schema| self.discovery.endpoint_for_schema(schema));
        let id = resource.resource_id().unwrap_or_default();
        let mut op = self.patch_at(resource.shape(), endpoint, id, patch);
        op.version = resource.version().map(str::to_owned);
        op.conditional = Conditional::IfMatch;
        op
    }

    /// Deletes the resource with this id: `DELETE endpoint/id` (RFC 7644 §3.6).
    pub fn delete<R: Resource>(&self, id: &str) -> Operation<()> {
        Operation::new(
            OperationKind::Delete,
            Method::DELETE,
            resource_path(self.endpoint::<R>(), Some(id)),
        )
    }

    /// Deletes the resource of the dynamic type `ty` with this id (RFC 7644 §3.6).
    pub fn delete_dynamic(&self, ty: &DynamicType, id: &str) -> Operation<()> {
        Operation::new(
            OperationKind::Delete,
            Method::DELETE,
            resource_path(&ty.endpoint, Some(id)),
        )
    }

    /// Deletes `resource`, typed or dynamic, with `If-Match: meta.version` when the server
    /// supports ETags.
    pub fn delete_resource<R: ClientResource>(&self, resource: &R) -> Operation<()> {
        let mut op = Operation::new(
            OperationKind::Delete,
            Method::DELETE,
            resource_path(
                resource.endpoint(&|schema| self.discovery.endpoint_for_schema(schema)),
                resource.resource_id(),
            ),
        );
        op.version = resource.version().map(str::to_owned);
        op.conditional = Conditional::IfMatch;
        op
    }

    /// Sends a bulk request: `POST /Bulk` (RFC 7644 §3.7), refused before sending when it
    /// exceeds the server's `bulk.maxOperations` or `bulk.maxPayloadSize` (RFC 7644 §3.7.4).
    pub fn bulk(&self, request: &BulkRequest) -> Operation<BulkResponse> {
        let mut op = Operation::new(OperationKind::Bulk, Method::POST, Ok("/Bulk".to_owned()))
            .with_body(to_body(request));
        op.feature = Some(Feature::Bulk);
        op.bulk_operations = request.operations.len();
        op
    }

    /// `GET /ServiceProviderConfig` (RFC 7644 §4).
    pub fn service_provider_config(&self) -> Operation<ServiceProviderConfig> {
        Operation::new(
            OperationKind::Query,
            Method::GET,
            Ok("/ServiceProviderConfig".to_owned()),
        )
    }

    /// `GET /Schemas` (RFC 7644 §4).
    pub fn schemas(&self) -> Operation<ListResponse<Schema>> {
        Operation::new(OperationKind::Query, Method::GET, Ok("/Schemas".to_owned()))
    }

    /// `GET /ResourceTypes` (RFC 7644 §4).
    pub fn resource_types(&self) -> Operation<ListResponse<ResourceType>> {
        Operation::new(
            OperationKind::Query,
            Method::GET,
            Ok("/ResourceTypes".to_owned()),
        )
    }

    /// `GET path` (relative to the base URL) whose body is kept as the JSON it is: the status,
    /// content type and SCIM Error checks apply, but the payload is not read into a type. For
    /// tools that keep discovery documents exactly as served (RFC 7644 §4), quirks included.
    pub fn get_json(&self, path: &str) -> Operation<serde_json::Value> {
        Operation::new(OperationKind::Query, Method::GET, Ok(path.to_owned()))
    }

    /// The absolute URL of `path` with an encoded query. `path` is an endpoint relative to
    /// the base URL (`/Users`), one that already holds the base URL's path
    /// (`/scim/v2/Users` under `https://h/scim/v2`, not doubled), or an absolute URL on the
    /// base URL's origin.
    ///
    /// # Errors
    ///
    /// [`RequestError::ForeignEndpoint`] for an absolute URL on another origin: the client's
    /// credentials are sent to its service provider only.
    pub fn url(&self, path: &str, query: &[(&str, String)]) -> Result<String, RequestError> {
        let mut url = url::join(&self.base, self.origin_len, path)?;
        for (i, (k, v)) in query.iter().enumerate() {
            url.push(if i == 0 { '?' } else { '&' });
            url.push_str(k);
            url.push('=');
            percent_encode(v, &mut url);
        }
        Ok(url)
    }

    /// Adds what every request carries: `Accept`, and `Authorization` when configured.
    pub(crate) fn common_headers(&self, headers: &mut HeaderMap) {
        headers
            .entry(ACCEPT)
            .or_insert(HeaderValue::from_static(media_type::SCIM_JSON));
        if let Some(auth) = &self.auth {
            headers.entry(AUTHORIZATION).or_insert_with(|| auth.clone());
        }
    }

    fn refusal(&self, op: &Operation<impl Outcome>) -> Option<RequestError> {
        if let Some(problem) = &op.problem {
            return Some(RequestError::InvalidPayload(problem.clone()));
        }
        let spc = self.discovery.service_provider_config.as_ref()?;
        // Filter, sort and PATCH are sent whatever `supported` says (scim2-client does the
        // same): the server answers for itself.
        if op.feature == Some(Feature::Bulk) {
            // scim2-client refuses only an explicit `supported: false`.
            if spc.bulk.as_ref().and_then(|b| b.supported) == Some(false) {
                return Some(RequestError::Unsupported("bulk"));
            }
            let bulk = spc.bulk.as_ref()?;
            if let Some(max) = bulk.max_operations.and_then(|m| u64::try_from(m).ok()) {
                if op.bulk_operations as u64 > max {
                    return Some(RequestError::TooManyBulkOperations {
                        operations: op.bulk_operations,
                        max,
                    });
                }
            }
            if let Some(max) = bulk.max_payload_size.and_then(|m| u64::try_from(m).ok()) {
                let size = op.body.as_ref().map_or(0, Vec::len);
                if size as u64 > max {
                    return Some(RequestError::BulkPayloadTooLarge { size, max });
                }
            }
        }
        None
    }

    /// Builds the HTTP request of `operation`, and the reader of its response.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRequest`] when the resource has no usable id, or, with request checks
    /// on, when the payload is invalid in its request context or the ServiceProviderConfig
    /// says the server does not support the operation or would refuse its size.
    pub fn prepare<O: Outcome>(&self, operation: Operation<O>) -> Result<Prepared<O>, Error> {
        let checks = operation.checks.unwrap_or(self.checks);
        let refusal = if checks.request_payload {
            self.refusal(&operation)
        } else {
            None
        };
        let Operation {
            kind,
            shape,
            method,
            path,
            query,
            body,
            mut headers,
            conditional,
            version,
            cached,
            expected,
            me,
            ..
        } = operation;
        let invalid = |url: String, source| Error::InvalidRequest {
            exchange: Exchange::new(method.clone(), url, None, &[]),
            source,
        };
        let path = match path {
            Ok(path) => path,
            Err(source) => return Err(invalid(self.base.clone(), source)),
        };
        let url = match self.url(&path, &query) {
            Ok(url) => url,
            Err(source) => return Err(invalid(self.base.clone(), source)),
        };
        if let Some(source) = refusal {
            return Err(invalid(url, source));
        }
        let uri: http::Uri = match url.parse() {
            Ok(uri) => uri,
            Err(_) => return Err(invalid(url.clone(), RequestError::InvalidUrl(url))),
        };
        self.common_headers(&mut headers);
        if body.is_some() {
            headers
                .entry(CONTENT_TYPE)
                .or_insert(HeaderValue::from_static(media_type::SCIM_JSON));
        }
        let supports_etags = self
            .discovery
            .service_provider_config
            .as_ref()
            .is_some_and(ServiceProviderConfig::etag_supported);
        let header = match conditional {
            Conditional::IfMatch => Some(IF_MATCH),
            Conditional::IfNoneMatch => Some(IF_NONE_MATCH),
            Conditional::None => None,
        };
        if let (Some(name), Some(version), true) = (header, version, supports_etags) {
            if let Ok(value) = HeaderValue::from_str(&version) {
                headers.entry(name).or_insert(value);
            }
        }
        let mut request = http::Request::new(body.unwrap_or_default());
        *request.method_mut() = method.clone();
        *request.uri_mut() = uri;
        *request.headers_mut() = headers;
        Ok(Prepared {
            request,
            reader: Reader {
                kind,
                shape,
                method,
                url,
                checks,
                cached,
                expected,
                me,
            },
        })
    }

    /// Makes a request of any method to `path` (relative to the base URL) with the client's
    /// `Accept` and `Authorization` headers: the escape hatch for what the operations do not
    /// cover. Its response is not checked.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRequest`] if the URL is invalid.
    pub fn raw_request(
        &self,
        method: Method,
        path: &str,
        headers: HeaderMap,
        body: Vec<u8>,
    ) -> Result<http::Request<Vec<u8>>, Error> {
        let url = self
            .url(path, &[])
            .map_err(|source| Error::InvalidRequest {
                exchange: Exchange::new(method.clone(), self.base.clone(), None, &[]),
                source,
            })?;
        let uri: http::Uri = url.parse().map_err(|_| Error::InvalidRequest {
            exchange: Exchange::new(method.clone(), url.clone(), None, &[]),
            source: RequestError::InvalidUrl(url.clone()),
        })?;
        let mut headers = headers;
        mark_sensitive(&mut headers);
        self.common_headers(&mut headers);
        let mut request = http::Request::new(body);
        *request.method_mut() = method;
        *request.uri_mut() = uri;
        *request.headers_mut() = headers;
        Ok(request)
    }
}

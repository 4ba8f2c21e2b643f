//! Checking responses (RFC 7644 §3.12): status, content type, SCIM Error bodies, and the payload
//! in the operation's response context.

use http::header::{CONTENT_TYPE, ETAG};
use http::{HeaderMap, Method, StatusCode};
use serde::de::DeserializeOwned;

use super::error::{Error, Exchange};
use super::request::{Checks, OperationKind};
use super::resource::ClientResource;
use crate::dynamic::{DynamicResource, DynamicType};
use crate::message::{self, BulkResponse, ListResponse};
use crate::payload::{self, PayloadError};
use crate::schema::Schema;
use crate::validation::Violations;
use crate::{Context, Resource};

/// A value read from a list or search response, checked in the response context.
///
/// Implemented for every [`Resource`], for [`Schema`] documents, and for
/// [`serde_json::Value`] (the mixed results of a search at the root, RFC 7644 §3.4.3, read as
/// they are). An untagged enum of resources implements it by delegating to its variants:
///
/// ```
/// use scim_runtime::client::ListItem;
/// use scim_runtime::{Context, Group, Resource, User, Violations};
///
/// #[derive(Debug, serde::Deserialize)]
/// #[serde(untagged)]
/// enum Principal {
///     User(User),
///     Group(Group),
/// }
///
/// impl ListItem for Principal {
///     fn check(&self, context: Context) -> Result<(), Violations> {
///         match self {
///             Self::User(u) => u.validate(context),
///             Self::Group(g) => g.validate(context),
///         }
///     }
/// }
/// ```
pub trait ListItem: DeserializeOwned {
    /// Every violation of the rules of `context`.
    fn check(&self, context: Context) -> Result<(), Violations>;
}

impl<T: Resource> ListItem for T {
    fn check(&self, context: Context) -> Result<(), Violations> {
        self.validate(context)
    }
}

impl ListItem for serde_json::Value {
    fn check(&self, _: Context) -> Result<(), Violations> {
        Ok(())
    }
}

impl ListItem for Schema {
    fn check(&self, _: Context) -> Result<(), Violations> {
        Ok(())
    }
}

/// What an operation answers with, and how it is read from a response body.
///
/// Implemented for a resource (create, get, replace), `Option` of a resource (PATCH: `None`
/// on `204 No Content`), `()` (delete), [`ListResponse`] (list and search),
/// [`BulkResponse`], and [`serde_json::Value`] (any JSON body, read as it is); a resource is a
/// typed [`Resource`] or a [`DynamicResource`].
pub trait Outcome: Sized {
    /// What reading a body needs besides its bytes: `()` when the Rust type says it all
    /// (typed resources, messages), the [`DynamicType`] for dynamic resources.
    type Shape: Clone + core::fmt::Debug;

    /// Reads a body as `shape` describes it; checks it in `context` when `check` is set.
    fn from_body(
        shape: &Self::Shape,
        body: &[u8],
        context: Context,
        check: bool,
    ) -> Result<Self, PayloadError>;

    /// The value of a response without a body (`204 No Content`), if the operation allows one.
    fn no_content() -> Option<Self> {
        None
    }

    /// Fills `meta.version` from the `ETag` header when the body has none (RFC 7644 §3.14).
    fn set_version(&mut self, _etag: &str) {}
}

fn read_resource<T: Resource>(
    body: &[u8],
    context: Context,
    check: bool,
) -> Result<T, PayloadError> {
    let value: T = payload::from_slice(body)?;
    if check {
        value.validate(context).map_err(PayloadError::Violations)?;
    }
    Ok(value)
}

fn set_version<T: Resource>(resource: &mut T, etag: &str) {
    let meta = resource.meta_mut().get_or_insert_with(Default::default);
    if meta.version.as_deref().map_or(true, str::is_empty) {
        meta.version = Some(etag.to_owned());
    }
}

impl<T: Resource> Outcome for T {
    type Shape = ();

    fn from_body(_: &(), body: &[u8], context: Context, check: bool) -> Result<Self, PayloadError> {
        read_resource(body, context, check)
    }

    fn set_version(&mut self, etag: &str) {
        set_version(self, etag);
    }
}

/// Reads a dynamic resource as [`read_resource`] reads a typed one: the payload, then, when
/// checked, the rules of `context` against the run-time schemas.
fn read_dynamic(
    ty: &DynamicType,
    value: serde_json::Value,
    context: Context,
    check: bool,
) -> Result<DynamicResource, PayloadError> {
    checked_dynamic(ty.from_value(value)?, context, check)
}

/// The rules of `context`, when checked, on a dynamic resource already read.
fn checked_dynamic(
    resource: DynamicResource,
    context: Context,
    check: bool,
) -> Result<DynamicResource, PayloadError> {
    if check {
        resource
            .validate(context)
            .map_err(PayloadError::Violations)?;
    }
    Ok(resource)
}

impl Outcome for DynamicResource {
    type Shape = DynamicType;

    fn from_body(
        ty: &DynamicType,
        body: &[u8],
        context: Context,
        check: bool,
    ) -> Result<Self, PayloadError> {
        // From the text, so a repeated key is refused as the typed reader refuses it.
        checked_dynamic(ty.from_slice(body)?, context, check)
    }

    fn set_version(&mut self, etag: &str) {
        self.set_version_if_missing(etag);
    }
}

impl<T: ClientResource> Outcome for Option<T> {
    type Shape = T::Shape;

    fn from_body(
        shape: &T::Shape,
        body: &[u8],
        context: Context,
        check: bool,
    ) -> Result<Self, PayloadError> {
        T::from_body(shape, body, context, check).map(Some)
    }

    fn no_content() -> Option<Self> {
        Some(None)
    }

    fn set_version(&mut self, etag: &str) {
        if let Some(resource) = self {
            resource.set_version(etag);
        }
    }
}

impl Outcome for () {
    type Shape = ();

    fn from_body(_: &(), _: &[u8], _: Context, _: bool) -> Result<Self, PayloadError> {
        Ok(())
    }

    fn no_content() -> Option<Self> {
        Some(())
    }
}

/// Prefixes the violations of the `i`th result with `Resources[i].`.
fn in_results(i: usize, violations: Violations, all: &mut Vec<crate::Violation>) {
    all.extend(violations.0.into_iter().map(|mut v| {
        v.path = format!("Resources[{i}].{}", v.path);
        v
    }));
}

impl Outcome for serde_json::Value {
    type Shape = ();

    fn from_body(_: &(), body: &[u8], _: Context, _: bool) -> Result<Self, PayloadError> {
        payload::from_slice(body)
    }
}

/// The rules of the list itself: RFC 7644 §3.4.2 requires `totalResults`, as scim2-models
/// does in a response context. Reported by the response check, so that switching it off reads
/// the lists of servers that leave it out.
fn check_list<T>(list: &ListResponse<T>, all: &mut Vec<crate::Violation>) {
    if list.total_results.is_none() {
        all.push(crate::Violation {
            path: "totalResults".to_owned(),
            scim_type: None,
            kind: crate::validation::ViolationKind::Required,
            message: "is required in a ListResponse (RFC 7644 §3.4.2); switch off the \
                      response payload check to read lists without it"
                .to_owned(),
        });
    }
}

impl<T: ListItem> Outcome for ListResponse<T> {
    type Shape = ();

    fn from_body(_: &(), body: &[u8], context: Context, check: bool) -> Result<Self, PayloadError> {
        let list: Self = payload::from_slice(body)?;
        if check {
            let mut all = Vec::new();
            check_list(&list, &mut all);
            for (i, item) in list.resources.iter().enumerate() {
                if let Err(violations) = item.check(context) {
                    in_results(i, violations, &mut all);
                }
            }
            if !all.is_empty() {
                return Err(PayloadError::Violations(Violations(all)));
            }
        }
        Ok(list)
    }
}

/// A page of dynamic resources: each result is read against the run-time schemas, and every
/// result's violations are reported, each under `Resources[i]`.
impl Outcome for ListResponse<DynamicResource> {
    type Shape = DynamicType;

    fn from_body(
        ty: &DynamicType,
        body: &[u8],
        context: Context,
        check: bool,
    ) -> Result<Self, PayloadError> {
        let list: ListResponse<serde_json::Value> = payload::from_slice(body)?;
        let mut all = Vec::new();
        if check {
            check_list(&list, &mut all);
        }
        let ListResponse {
            total_results,
            items_per_page,
            start_index,
            resources,
            other,
        } = list;
        let mut read = Vec::with_capacity(resources.len());
        for (i, item) in resources.into_iter().enumerate() {
            match read_dynamic(ty, item, context, check) {
                Ok(resource) => read.push(resource),
                Err(PayloadError::Violations(violations)) => in_results(i, violations, &mut all),
                Err(PayloadError::Invalid {
                    scim_type,
                    path,
                    line,
                    column,
                    message,
                }) => {
                    return Err(PayloadError::Invalid {
                        scim_type,
                        path: if path == "." {
                            format!("Resources[{i}]")
                        } else {
                            format!("Resources[{i}].{path}")
                        },
                        line,
                        column,
                        message,
                    })
                }
                Err(other) => return Err(other),
            }
        }
        if !all.is_empty() {
            return Err(PayloadError::Violations(Violations(all)));
        }
        Ok(Self {
            total_results,
            items_per_page,
            start_index,
            resources: read,
            other,
        })
    }
}

impl Outcome for BulkResponse {
    type Shape = ();

    fn from_body(_: &(), body: &[u8], _: Context, _: bool) -> Result<Self, PayloadError> {
        payload::from_slice(body)
    }
}

/// The media types a SCIM response may have: `application/scim+json` (RFC 7644 §8.1) and,
/// from older servers, `application/json`.
pub fn is_scim_content_type(headers: &HeaderMap) -> bool {
    headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(str::trim)
        .is_some_and(|t| {
            t.eq_ignore_ascii_case("application/scim+json")
                || t.eq_ignore_ascii_case("application/json")
        })
}

/// Whether a JSON body is a SCIM Error object (its `schemas` holds the Error URN).
fn error_payload(body: &[u8]) -> Option<Result<message::Error, PayloadError>> {
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    // `schemas` and the URN in any case: attribute names are case-insensitive (RFC 7643 §2.1).
    let is_error = value
        .as_object()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("schemas"))
        .and_then(|(_, v)| v.as_array())
        .is_some_and(|s| {
            s.iter().any(|u| {
                u.as_str()
                    .is_some_and(|u| u.eq_ignore_ascii_case(message::ERROR))
            })
        });
    is_error.then(|| payload::from_value(value))
}

/// Reads the response to one request; made by [`Core::prepare`](super::Core::prepare).
#[derive(Debug)]
pub struct Reader<O: Outcome> {
    pub(crate) kind: OperationKind,
    pub(crate) shape: O::Shape,
    pub(crate) method: Method,
    pub(crate) url: String,
    pub(crate) checks: Checks,
    pub(crate) cached: Option<O>,
    /// The statuses the call accepts instead of the operation's, when it says.
    pub(crate) expected: Option<Vec<u16>>,
}

impl<O: Outcome> Reader<O> {
    /// The request method.
    pub fn method(&self) -> &Method {
        &self.method
    }

    /// The request URL.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The error for a request that got no response.
    pub fn transport_error(self, source: super::TransportError) -> Error {
        Error::Transport {
            exchange: Exchange::new(self.method, self.url, None, &[]),
            source,
        }
    }

    /// Checks a response and reads what the operation answers with, in this order (as
    /// scim2-client does): a failure status must carry a SCIM Error (RFC 7644 §3.12), which
    /// becomes [`Error::Scim`]; the body must be JSON with a SCIM content type; the status must
    /// be one the operation defines; the payload must be valid in the response context. `304
    /// Not Modified` answers with the cached resource the request was conditional on
    /// (RFC 7644 §3.14).
    pub fn read(self, response: http::Response<Vec<u8>>) -> Result<O, Error> {
        let Self {
            kind,
            shape,
            method,
            url,
            checks,
            cached,
            expected,
        } = self;
        let (parts, body) = response.into_parts();
        let status = parts.status;
        let headers = &parts.headers;
        let exchange = || Exchange::new(method.clone(), url.clone(), Some(status), &body);
        let content_type_error = || Error::UnexpectedContentType {
            exchange: exchange(),
            content_type: headers
                .get(CONTENT_TYPE)
                .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned()),
        };
        let content_type_ok = || !checks.content_type || is_scim_content_type(headers);
        let status_ok = || {
            !checks.status
                || match &expected {
                    // As scim2-client: an empty list accepts any status.
                    Some(codes) => codes.is_empty() || codes.contains(&status.as_u16()),
                    None => kind.expected_statuses().contains(&status.as_u16()),
                }
        };
        let description = if expected.is_some() {
            "not one of the statuses this call expects"
        } else {
            kind.expected_description()
        };
        let status_error = |reason| Error::UnexpectedStatus {
            exchange: exchange(),
            reason,
        };
        let no_content = matches!(status.as_u16(), 204 | 205 | 304);
        let succeeded = status.is_success() || status == StatusCode::NOT_MODIFIED;

        if !succeeded {
            if body.is_empty() {
                return Err(status_error("a failure without a SCIM error"));
            }
            return match error_payload(&body) {
                None => Err(status_error("a failure without a SCIM error")),
                Some(_) if !content_type_ok() => Err(content_type_error()),
                Some(Ok(error)) => Err(Error::Scim {
                    exchange: exchange(),
                    error: Box::new(error),
                }),
                Some(Err(source)) => Err(Error::InvalidResponse {
                    exchange: exchange(),
                    source,
                }),
            };
        }

        if no_content || body.is_empty() {
            if !status_ok() {
                return Err(status_error(description));
            }
            if status == StatusCode::NOT_MODIFIED {
                return cached.ok_or_else(|| status_error("304 without a cached resource"));
            }
            return O::no_content().ok_or_else(|| Error::NotJson {
                exchange: exchange(),
                source: PayloadError::Syntax {
                    line: 0,
                    column: 0,
                    message: "the response has no body".to_owned(),
                },
            });
        }

        let parsed = match O::from_body(
            &shape,
            &body,
            kind.response_context(),
            checks.response_payload,
        ) {
            Err(source @ PayloadError::Syntax { .. }) => {
                return Err(Error::NotJson {
                    exchange: exchange(),
                    source,
                })
            }
            parsed => parsed,
        };
        if !content_type_ok() {
            return Err(content_type_error());
        }
        if parsed.is_err() {
            if let Some(Ok(error)) = error_payload(&body) {
                return Err(Error::Scim {
                    exchange: exchange(),
                    error: Box::new(error),
                });
            }
        }
        if !status_ok() {
            return Err(status_error(description));
        }
        match parsed {
            Ok(mut value) => {
                if let Some(etag) = headers.get(ETAG).and_then(|v| v.to_str().ok()) {
                    value.set_version(etag);
                }
                Ok(value)
            }
            Err(source) => Err(Error::InvalidResponse {
                exchange: exchange(),
                source,
            }),
        }
    }
}

//! Reading a response body into what an operation answers with, in the operation's response
//! context (RFC 7644 §3.3 to §3.7): typed resources, dynamic resources, lists, bulk responses
//! and plain JSON. No transport: the bytes come from wherever the caller has them.

use serde::de::DeserializeOwned;

use crate::dynamic::{DynamicResource, DynamicType};
use crate::message::{BulkResponse, ListResponse};
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
/// use scim_runtime::exchange::ListItem;
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
    if meta.version.as_deref().is_none_or(str::is_empty) {
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
    // RFC 9865 makes `totalResults` optional for a page of cursor pagination.
    if list.total_results.is_none() && !list.has_cursor() {
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
            next_cursor,
            previous_cursor,
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
            next_cursor,
            previous_cursor,
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

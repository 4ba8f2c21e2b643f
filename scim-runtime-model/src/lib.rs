#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

// Generated code names this crate `::scim_runtime`, also inside it.
extern crate self as scim_runtime;

pub mod attribute;
pub mod canonical;
mod common;
pub mod context;
pub mod drift;
pub mod dynamic;
pub mod exchange;
pub mod filter;
mod json_value;
pub mod media_type;
pub mod message;
pub mod patch;
pub mod path;
pub mod payload;
pub mod prelude;
pub mod redact;
pub mod resources;
pub mod scalar;
pub mod schema;
pub mod sort;
mod traits;
mod urn;
pub mod validation;
pub mod value;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use common::{Meta, OtherAttributes};
pub use context::{Context, Projection, Scope};
pub use payload::PayloadError;
pub use resources::{EnterpriseUser, Group, User};
pub use scalar::{Binary, DateTime, Decimal, Reference};
pub use schema::{ResourceType, Schema, SchemaExtension, ServiceProviderConfig};
pub use traits::{Extension, InContext, Resource, ScimObject};
pub use validation::{ScimType, Violation, ViolationKind, Violations};

/// Derives the SCIM traits for a resource, an extension schema, a complex attribute value or
/// an open enum of canonical values.
pub use scim_derive::ScimResource;

/// A SCIM filter (RFC 7644 §3.4.2.2) checked at compile time against a resource type:
/// `filter!(Type, "filter")` is the parsed [`Filter`](filter::Filter).
///
/// The macro and the module [`filter`](mod@filter) share the name, as `vec!` and `std::vec`
/// do: Rust keeps macros and modules apart, so `scim_runtime::filter!` is this macro and
/// `scim_runtime::filter::Filter` the type it builds; `use scim_runtime::filter;` imports both.
///
/// The literal is parsed while the macro expands, with the parser of [`filter::parse_filter`],
/// so a syntax error is a compile error. Every attribute path is then checked against the
/// type's metadata by a `const` assertion: an attribute the type does not have, a sub-attribute
/// its complex attribute does not have, or an extension attribute
/// (`urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName`) of an
/// extension the type does not carry fails the build, naming the type and the path. Paths
/// resolve as [`FilterExt::matches`](filter::FilterExt::matches) resolves them: without a
/// schema URI in the core schema, the common attributes (`id`, `externalId`, `meta`) and
/// `schemas`; inside `emails[...]` among the sub-attributes of `emails`; names in any case
/// (RFC 7643 §2.1).
///
/// ```
/// use scim_runtime::prelude::*;
/// use scim_runtime::{filter, User};
///
/// let user: User = serde_json::from_str(r#"{"userName": "bjensen",
///     "emails": [{"value": "bjensen@example.com", "type": "work"}]}"#)?;
/// let work = filter!(User, r#"emails[type eq "work"] and userName sw "b""#);
/// assert!(work.matches(&user));
/// let managed = filter!(
///     User,
///     r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName pr"#
/// );
/// assert!(!managed.matches(&user));
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// ```compile_fail
/// // `User` has no attribute `emails.typ`
/// let filter = scim_runtime::filter!(scim_runtime::User, r#"emails.typ eq "work""#);
/// ```
///
/// The type must be a [`Resource`] named without generic parameters of the surrounding item
/// (the checks are `const` items). The expression parses the literal again at run time, which
/// cannot fail; keep the result rather than expanding the macro in a hot loop.
pub use scim_derive::filter;

/// The former name of [`attribute`]: the attribute definitions, renamed so that the module is
/// not called `meta` beside the type [`Meta`].
#[doc(hidden)]
pub use attribute as meta;

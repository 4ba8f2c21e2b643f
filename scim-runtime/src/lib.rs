//! SCIM 2.0 for Rust: typed resources that know every attribute's characteristics
//! (RFC 7643), and the protocol over them (RFC 7644).
#![deny(missing_docs)]

// Generated code names this crate `::scim_runtime`, also inside it.
extern crate self as scim_runtime;

mod common;
pub mod context;
pub mod message;
pub mod meta;
pub mod payload;
pub mod resources;
mod resource;
pub mod scalar;
pub mod schema;
pub mod validation;
pub mod value;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use common::Meta;
pub use context::{Context, Projection, Scope};
pub use payload::PayloadError;
pub use resources::{EnterpriseUser, Group, User};
pub use resource::{Extension, InContext, Resource, ScimObject};
pub use scalar::{Binary, DateTime, Decimal, Reference};
pub use schema::{ResourceType, Schema, SchemaExtension, ServiceProviderConfig};
pub use validation::{ScimType, Validator, Violation, ViolationKind, Violations};

/// Derives the SCIM traits for a resource, an extension schema, a complex attribute value or
/// an open enum of canonical values.
pub use scim_derive::ScimResource;

/// Attributes a type does not know, kept as they were sent so they are written back.
pub type OtherAttributes = serde_json::Map<String, serde_json::Value>;

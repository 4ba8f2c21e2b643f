//! Resources known only at run time (scim2-models builds models from a Schema at run time).
//!
//! A [`DynamicType`] is built from Schema and ResourceType documents, such as a client gets
//! from `/Schemas` and `/ResourceTypes`; a [`DynamicResource`] is JSON checked against it with
//! the same rules as the generated types: contexts, case-insensitive names, `returned` and
//! `mutability`, unknown attributes kept. Filters evaluate on it as on typed resources.
//!
//! ```
//! use scim_runtime::dynamic::DynamicType;
//! use scim_runtime::{Context, Resource, User, EnterpriseUser, Extension};
//!
//! // The documents a server serves at /Schemas.
//! let schemas = User::schemas();
//! let user_type = DynamicType::new("User", "/Users", &schemas[0], &[(&schemas[1], false)])?;
//! let user = user_type.from_value_in(serde_json::json!({"USERNAME": "bjensen", "id": "1"}), Context::CreationRequest)?;
//! assert_eq!(user.to_json_in(Context::Default, None)["userName"], "bjensen");
//! assert!(user.id().is_none(), "readOnly id is ignored in a creation request");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod debug;
mod defs;
mod resource;

pub use defs::{schema_def, SchemaError};
pub use resource::{DynamicResource, DynamicType, DynamicTypeError};

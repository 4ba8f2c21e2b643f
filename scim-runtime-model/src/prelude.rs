//! The traits most code needs in scope, in one import: `use scim_runtime::prelude::*;`.
//!
//! ```
//! use scim_runtime::prelude::*;
//! use scim_runtime::User;
//!
//! let user: User = serde_json::from_str(r#"{"userName": "bjensen"}"#)?;
//! let filter = scim_runtime::filter!(User, r#"userName eq "BJENSEN""#);
//! assert!(filter.matches(&user));
//! assert_eq!(User::SCHEMA.name, "User");
//! # Ok::<(), serde_json::Error>(())
//! ```

pub use crate::filter::FilterExt;
pub use crate::value::AttributeAccess;
pub use crate::{Extension, Resource, ScimObject};

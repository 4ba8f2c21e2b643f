//! Attribute names (RFC 7643 §2.1) and attribute paths (RFC 7644 §3.10), with the reader that
//! both filters and PATCH paths use for them.
//!
//! This module sits below [`filter`](crate::filter) and [`path`](crate::path): a filter compares
//! attribute paths and a PATCH path starts with one, while an attribute path contains neither.
//! Its types are public as `path::AttrName` and `path::AttrPath`.

mod into;
mod name;
mod path;
#[cfg(feature = "serde")]
mod serde_impls;

pub use into::IntoAttrPath;
pub(crate) use name::attr_name_len;
pub use name::AttrName;
pub(crate) use path::read_attr_path;
pub use path::AttrPath;

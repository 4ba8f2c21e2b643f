//! Attribute paths (RFC 7644 §3.10) and PATCH paths (RFC 7644 §3.5.2).
//!
//! [`AttrPath`] names an attribute, optionally qualified by its schema URI and followed by one
//! sub-attribute; it is what filters compare, what `sortBy` (RFC 7644 §3.4.2.3) and
//! `attributes` (§3.9) list, and the simple form of a PATCH path. [`PatchPath`] adds the value
//! filter form, `members[value eq "2819c223"]` or `emails[type eq "work"].value`.
//!
//! Names are case-insensitive (RFC 7643 §2.1): paths compare equal whatever the case, and print
//! as written.
//!
//! ```
//! use scim_runtime::path::{parse_patch_path, parse_path, PatchPath};
//!
//! let path = parse_path("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value")?;
//! assert_eq!(path.schema(), Some("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"));
//! assert_eq!(path.name(), "manager");
//!
//! let patch = parse_patch_path(r#"emails[type eq "work"].value"#)?;
//! let PatchPath::ValuePath { value_path, sub_attr } = &patch else { panic!("a value path") };
//! assert_eq!(value_path.attr.name(), "emails");
//! assert_eq!(value_path.filter.to_string(), r#"type eq "work""#);
//! assert_eq!(sub_attr.as_ref().map(|s| s.as_str()), Some("value"));
//! assert_eq!(patch.to_string(), r#"emails[type eq "work"].value"#);
//! # Ok::<(), scim_runtime::filter::ParseError>(())
//! ```

pub mod typed;

pub use scim_filter_syntax::path::{
    parse_patch_path, parse_patch_path_with_limits, parse_path, AttrName, AttrPath, IntoAttrPath,
    PatchPath,
};
pub use typed::{Path, TypedPath};

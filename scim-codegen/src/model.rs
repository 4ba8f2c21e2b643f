//! The schema model the reader produces: RFC 7643 §7 with every default filled in.
//!
//! The characteristics are scim-runtime's own enums (RFC 7643 §2.2, §2.3, §7), so their names
//! and defaults are written once, in the runtime; the generator's lenient reader maps what
//! servers really send onto them.

use serde_json::Value;

/// An attribute data type (RFC 7643 §2.3).
pub use scim_runtime::attribute::AttributeType as Type;
pub use scim_runtime::attribute::{Mutability, Returned, Uniqueness};

/// One attribute definition, defaults applied.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribute {
    pub name: String,
    pub ty: Type,
    pub multi_valued: bool,
    pub description: Option<String>,
    pub required: bool,
    pub case_exact: bool,
    pub mutability: Mutability,
    pub returned: Returned,
    pub uniqueness: Uniqueness,
    /// Canonical values as JSON scalars, in input order, without duplicates.
    pub canonical_values: Vec<Value>,
    pub reference_types: Vec<String>,
    /// Sub-attributes (complex attributes only).
    pub sub_attributes: Vec<Attribute>,
}

/// A schema (RFC 7643 §7).
#[derive(Debug, Clone, PartialEq)]
pub struct Schema {
    pub id: String,
    pub name: Option<String>,
    pub description: Option<String>,
    pub attributes: Vec<Attribute>,
    /// The input it was read from.
    pub file: String,
}

/// A resource type (RFC 7643 §6).
#[derive(Debug, Clone, PartialEq)]
pub struct ResourceType {
    pub id: Option<String>,
    pub name: String,
    pub endpoint: String,
    pub schema: String,
    /// `(schema URN, required)`.
    pub extensions: Vec<(String, bool)>,
    pub file: String,
}

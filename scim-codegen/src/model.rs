//! The schema model the reader produces: RFC 7643 §7 with every default filled in.

use serde_json::Value;

/// An attribute data type (RFC 7643 §2.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    String,
    Boolean,
    Decimal,
    Integer,
    DateTime,
    Binary,
    Reference,
    Complex,
}

impl Type {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::String => "string",
            Self::Boolean => "boolean",
            Self::Decimal => "decimal",
            Self::Integer => "integer",
            Self::DateTime => "dateTime",
            Self::Binary => "binary",
            Self::Reference => "reference",
            Self::Complex => "complex",
        }
    }

    pub const ALL: [Type; 8] = [
        Self::String,
        Self::Boolean,
        Self::Decimal,
        Self::Integer,
        Self::DateTime,
        Self::Binary,
        Self::Reference,
        Self::Complex,
    ];
}

/// `mutability` (RFC 7643 §7); the RFC spelling is the string the derive takes.
pub const MUTABILITY: [&str; 4] = ["readOnly", "readWrite", "immutable", "writeOnly"];
/// `returned` (RFC 7643 §7).
pub const RETURNED: [&str; 4] = ["always", "never", "default", "request"];
/// `uniqueness` (RFC 7643 §7).
pub const UNIQUENESS: [&str; 3] = ["none", "server", "global"];

/// One attribute definition, defaults applied.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribute {
    pub name: String,
    pub ty: Type,
    pub multi_valued: bool,
    pub description: Option<String>,
    pub required: bool,
    pub case_exact: bool,
    pub mutability: &'static str,
    pub returned: &'static str,
    pub uniqueness: &'static str,
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

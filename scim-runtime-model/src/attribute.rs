//! `'static` attribute metadata: the characteristics RFC 7643 §2.2 and §7 give every attribute.
//!
//! Every typed SCIM object (resource, extension, complex value) carries a table of
//! [`AttributeDef`]s, built at compile time by `#[derive(ScimResource)]`. Everything else in the
//! crate (context-aware serialization, validation, schema export, filters, PATCH) reads these
//! tables, so the same rules apply to standard, generated and hand-written types.

use core::fmt;

/// An attribute's data type (RFC 7643 §2.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AttributeType {
    /// `string` (RFC 7643 §2.3.1).
    String,
    /// `boolean` (RFC 7643 §2.3.2).
    Boolean,
    /// `decimal` (RFC 7643 §2.3.3).
    Decimal,
    /// `integer` (RFC 7643 §2.3.4).
    Integer,
    /// `dateTime`, an `xsd:dateTime` (RFC 7643 §2.3.5).
    DateTime,
    /// `binary`, base64 encoded (RFC 7643 §2.3.6).
    Binary,
    /// `reference`, a URI (RFC 7643 §2.3.7).
    Reference,
    /// `complex`, a set of sub-attributes (RFC 7643 §2.3.8).
    Complex,
}

impl AttributeType {
    /// The name used in a Schema document (`"dateTime"`, `"complex"`, ...).
    pub const fn as_str(self) -> &'static str {
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

    /// Parses the exact RFC spelling of a type name.
    pub fn from_rfc_name(name: &str) -> Option<Self> {
        Some(match name {
            "string" => Self::String,
            "boolean" => Self::Boolean,
            "decimal" => Self::Decimal,
            "integer" => Self::Integer,
            "dateTime" => Self::DateTime,
            "binary" => Self::Binary,
            "reference" => Self::Reference,
            "complex" => Self::Complex,
            _ => return None,
        })
    }
}

impl fmt::Display for AttributeType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether and how an attribute may be modified (RFC 7643 §7, `mutability`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Mutability {
    /// Set by the service provider only; ignored when a client sends it.
    ReadOnly,
    /// May be updated and read at any time (the RFC default).
    #[default]
    ReadWrite,
    /// May be set once (at creation or when first assigned) and never changed.
    Immutable,
    /// May be updated at any time but is never returned.
    WriteOnly,
}

impl Mutability {
    /// The name used in a Schema document.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::ReadOnly => "readOnly",
            Self::ReadWrite => "readWrite",
            Self::Immutable => "immutable",
            Self::WriteOnly => "writeOnly",
        }
    }

    /// Parses the exact RFC spelling.
    pub fn from_rfc_name(name: &str) -> Option<Self> {
        Some(match name {
            "readOnly" => Self::ReadOnly,
            "readWrite" => Self::ReadWrite,
            "immutable" => Self::Immutable,
            "writeOnly" => Self::WriteOnly,
            _ => return None,
        })
    }
}

/// When an attribute is returned in a response (RFC 7643 §7, `returned`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Returned {
    /// Always returned, whatever `attributes` or `excludedAttributes` say.
    Always,
    /// Never returned.
    Never,
    /// Returned unless excluded (the RFC default).
    #[default]
    Default,
    /// Returned only when named in `attributes`.
    Request,
}

impl Returned {
    /// The name used in a Schema document.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Always => "always",
            Self::Never => "never",
            Self::Default => "default",
            Self::Request => "request",
        }
    }

    /// Parses the exact RFC spelling.
    pub fn from_rfc_name(name: &str) -> Option<Self> {
        Some(match name {
            "always" => Self::Always,
            "never" => Self::Never,
            "default" => Self::Default,
            "request" => Self::Request,
            _ => return None,
        })
    }
}

/// How the service provider enforces uniqueness (RFC 7643 §7, `uniqueness`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Uniqueness {
    /// No uniqueness (the RFC default).
    #[default]
    None,
    /// Unique within the service provider.
    Server,
    /// Globally unique.
    Global,
}

impl Uniqueness {
    /// The name used in a Schema document.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Server => "server",
            Self::Global => "global",
        }
    }

    /// Parses the exact RFC spelling.
    pub fn from_rfc_name(name: &str) -> Option<Self> {
        Some(match name {
            "none" => Self::None,
            "server" => Self::Server,
            "global" => Self::Global,
            _ => return None,
        })
    }
}

/// The characteristics of one attribute or sub-attribute (RFC 7643 §7).
///
/// Built as `const` data by `#[derive(ScimResource)]`; [`AttributeDef::new`] gives the RFC 7643
/// §2.2 defaults for everything but the name and type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AttributeDef {
    /// The attribute name as it appears on the wire (`"userName"`, `"$ref"`).
    pub name: &'static str,
    /// The data type.
    pub ty: AttributeType,
    /// Whether the attribute holds a list of values.
    pub multi_valued: bool,
    /// Whether a client must supply it on creation and replacement.
    pub required: bool,
    /// Whether string comparisons are case-sensitive.
    pub case_exact: bool,
    /// Who may change it.
    pub mutability: Mutability,
    /// When it is returned.
    pub returned: Returned,
    /// How unique its values are.
    pub uniqueness: Uniqueness,
    /// Suggested values, e.g. `["work", "home", "other"]`.
    pub canonical_values: &'static [&'static str],
    /// For references, the kinds of resource referenced (`"User"`, `"external"`, `"uri"`).
    pub reference_types: &'static [&'static str],
    /// The sub-attributes of a complex attribute; empty otherwise.
    pub sub_attributes: &'static [AttributeDef],
    /// A human-readable description.
    pub description: &'static str,
}

impl AttributeDef {
    /// An attribute with the RFC 7643 §2.2 defaults: single-valued, optional, case-insensitive,
    /// `readWrite`, returned by `default`, no uniqueness.
    pub const fn new(name: &'static str, ty: AttributeType) -> Self {
        Self {
            name,
            ty,
            multi_valued: false,
            required: false,
            case_exact: false,
            mutability: Mutability::ReadWrite,
            returned: Returned::Default,
            uniqueness: Uniqueness::None,
            canonical_values: &[],
            reference_types: &[],
            sub_attributes: &[],
            description: "",
        }
    }

    /// Finds a sub-attribute by name, case-insensitively (RFC 7643 §2.1).
    pub fn sub_attribute(&self, name: &str) -> Option<&'static AttributeDef> {
        find_attribute(self.sub_attributes, name)
    }
}

/// Finds an attribute by name in a table, case-insensitively (RFC 7643 §2.1).
pub fn find_attribute(table: &'static [AttributeDef], name: &str) -> Option<&'static AttributeDef> {
    table.iter().find(|a| a.name.eq_ignore_ascii_case(name))
}

/// A schema: its URN, name, description and attribute table (RFC 7643 §7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SchemaDef {
    /// The schema URN, e.g. `urn:ietf:params:scim:schemas:core:2.0:User`.
    pub id: &'static str,
    /// The human-readable name, e.g. `User`.
    pub name: &'static str,
    /// The description.
    pub description: &'static str,
    /// The schema's attributes. The common attributes (`id`, `externalId`, `meta`) are not part
    /// of any schema (RFC 7643 §3.1) and live in [`COMMON_ATTRIBUTES`].
    pub attributes: &'static [AttributeDef],
}

impl SchemaDef {
    /// Finds a top-level attribute by name, case-insensitively.
    pub fn attribute(&self, name: &str) -> Option<&'static AttributeDef> {
        find_attribute(self.attributes, name)
    }
}

/// An extension schema attached to a resource type (RFC 7643 §6, `schemaExtensions`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ExtensionDef {
    /// The extension schema.
    pub schema: &'static SchemaDef,
    /// Whether every resource of the type must carry the extension.
    pub required: bool,
}

/// The endpoint and naming of a resource type (RFC 7643 §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ResourceTypeDef {
    /// The resource type's `id` and `name`, e.g. `User`.
    pub name: &'static str,
    /// The endpoint relative to the base URL, e.g. `/Users`.
    pub endpoint: &'static str,
    /// The description.
    pub description: &'static str,
    /// The core schema.
    pub schema: &'static SchemaDef,
    /// The extension schemas the type supports.
    pub extensions: &'static [ExtensionDef],
}

/// `id` (RFC 7643 §3.1): issued by the service provider, always returned, never changed.
pub const ID_ATTRIBUTE: AttributeDef = AttributeDef {
    case_exact: true,
    mutability: Mutability::ReadOnly,
    returned: Returned::Always,
    uniqueness: Uniqueness::Server,
    description: "A unique identifier for a SCIM resource as defined by the service provider.",
    ..AttributeDef::new("id", AttributeType::String)
};

/// `externalId` (RFC 7643 §3.1): the provisioning client's identifier for the resource.
pub const EXTERNAL_ID_ATTRIBUTE: AttributeDef = AttributeDef {
    case_exact: true,
    description:
        "A String that is an identifier for the resource as defined by the provisioning client.",
    ..AttributeDef::new("externalId", AttributeType::String)
};

/// `meta` (RFC 7643 §3.1): resource metadata maintained by the service provider.
pub const META_ATTRIBUTE: AttributeDef = AttributeDef {
    mutability: Mutability::ReadOnly,
    sub_attributes: META_SUB_ATTRIBUTES,
    description: "A complex attribute containing resource metadata.",
    ..AttributeDef::new("meta", AttributeType::Complex)
};

/// The sub-attributes of `meta` (RFC 7643 §3.1), all `readOnly`.
///
/// Written out here rather than read from `Meta`'s derived table, so that the attribute
/// definitions depend on no value type; a test in `common.rs` checks that the two are the same.
const META_SUB_ATTRIBUTES: &[AttributeDef] = &[
    AttributeDef {
        case_exact: true,
        mutability: Mutability::ReadOnly,
        description: "The name of the resource type of the resource.",
        ..AttributeDef::new("resourceType", AttributeType::String)
    },
    AttributeDef {
        mutability: Mutability::ReadOnly,
        description: "The DateTime that the resource was added to the service provider.",
        ..AttributeDef::new("created", AttributeType::DateTime)
    },
    AttributeDef {
        mutability: Mutability::ReadOnly,
        description: "The most recent DateTime that the details of this resource were updated at the service provider.",
        ..AttributeDef::new("lastModified", AttributeType::DateTime)
    },
    AttributeDef {
        case_exact: true,
        mutability: Mutability::ReadOnly,
        reference_types: &["uri"],
        description: "The URI of the resource being returned.",
        ..AttributeDef::new("location", AttributeType::Reference)
    },
    AttributeDef {
        case_exact: true,
        mutability: Mutability::ReadOnly,
        description: "The version of the resource being returned, an entity tag such as `W/\"a330bc54f0671c9\"`\n(RFC 7644 §3.14).",
        ..AttributeDef::new("version", AttributeType::String)
    },
];

/// The common attributes every resource has and no schema lists (RFC 7643 §3.1).
pub const COMMON_ATTRIBUTES: &[AttributeDef] =
    &[ID_ATTRIBUTE, EXTERNAL_ID_ATTRIBUTE, META_ATTRIBUTE];

/// `schemas` (RFC 7643 §3): the URNs of the schemas a resource or message uses.
pub const SCHEMAS_ATTRIBUTE: AttributeDef = AttributeDef {
    multi_valued: true,
    required: true,
    case_exact: true,
    mutability: Mutability::ReadOnly,
    returned: Returned::Always,
    ..AttributeDef::new("schemas", AttributeType::Reference)
};

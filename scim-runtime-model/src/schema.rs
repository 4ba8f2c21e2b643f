//! The discovery documents: Schema (RFC 7643 §7), ResourceType (§6) and ServiceProviderConfig
//! (§5), as a server serves them at `/Schemas`, `/ResourceTypes` and `/ServiceProviderConfig`.
//!
//! [`Schema`] and [`Attribute`] are plain documents: an attribute's sub-attributes nest to any
//! depth in real schemas, and every characteristic keeps whether it was given, so a document
//! read and written back is unchanged. Their `is_*`/`effective_*` methods apply the RFC 7643
//! §2.2 defaults. [`ResourceType`] and [`ServiceProviderConfig`] are typed resources like `User`.

use serde::{Deserialize, Serialize};

use crate::attribute::{
    AttributeDef, AttributeType, Mutability, ResourceTypeDef, Returned, SchemaDef, Uniqueness,
};
use crate::{Meta, OtherAttributes, Reference, ScimResource};

/// The schema URN of Schema documents.
pub const SCHEMA_SCHEMA: &str = "urn:ietf:params:scim:schemas:core:2.0:Schema";

/// A Schema document (RFC 7643 §7).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Schema {
    /// `schemas`, as served (`["urn:ietf:params:scim:schemas:core:2.0:Schema"]`); the RFC's own
    /// §8.7 listing leaves it out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schemas: Option<Vec<String>>,
    /// The schema URN.
    pub id: String,
    /// The human-readable name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The attributes.
    #[serde(default)]
    pub attributes: Vec<Attribute>,
    /// Resource metadata, as served.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    /// Keys this library does not know, kept as sent.
    #[serde(flatten)]
    pub other: OtherAttributes,
}

/// An attribute definition in a Schema document (RFC 7643 §7).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Attribute {
    /// The attribute name.
    pub name: String,
    /// The data type, as written (`"string"`, `"complex"`, ...).
    #[serde(rename = "type")]
    pub ty: String,
    /// `multiValued`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multi_valued: Option<bool>,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `required`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    /// `canonicalValues`, as written (strings in the RFC; some servers use numbers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical_values: Option<Vec<serde_json::Value>>,
    /// `caseExact`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_exact: Option<bool>,
    /// `mutability`, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mutability: Option<String>,
    /// `returned`, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub returned: Option<String>,
    /// `uniqueness`, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uniqueness: Option<String>,
    /// `referenceTypes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_types: Option<Vec<String>>,
    /// `subAttributes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_attributes: Option<Vec<Attribute>>,
    /// Keys this library does not know (vendor extensions), kept as sent.
    #[serde(flatten)]
    pub other: OtherAttributes,
}

impl Attribute {
    /// The data type, if it is one of the RFC's spellings.
    pub fn attribute_type(&self) -> Option<AttributeType> {
        AttributeType::from_rfc_name(&self.ty)
    }
    /// `multiValued`, `false` by default.
    pub fn is_multi_valued(&self) -> bool {
        self.multi_valued.unwrap_or(false)
    }
    /// `required`, `false` by default.
    pub fn is_required(&self) -> bool {
        self.required.unwrap_or(false)
    }
    /// `caseExact`, `false` by default.
    pub fn is_case_exact(&self) -> bool {
        self.case_exact.unwrap_or(false)
    }
    /// `mutability`, `readWrite` by default or when not an RFC value.
    pub fn effective_mutability(&self) -> Mutability {
        self.mutability
            .as_deref()
            .and_then(Mutability::from_rfc_name)
            .unwrap_or_default()
    }
    /// `returned`, `default` by default or when not an RFC value.
    pub fn effective_returned(&self) -> Returned {
        self.returned
            .as_deref()
            .and_then(Returned::from_rfc_name)
            .unwrap_or_default()
    }
    /// `uniqueness`, `none` by default or when not an RFC value.
    pub fn effective_uniqueness(&self) -> Uniqueness {
        self.uniqueness
            .as_deref()
            .and_then(Uniqueness::from_rfc_name)
            .unwrap_or_default()
    }
    /// The sub-attributes, empty when there are none.
    pub fn sub_attributes(&self) -> &[Attribute] {
        self.sub_attributes.as_deref().unwrap_or_default()
    }

    /// The document for a static definition, with every characteristic written out.
    pub fn from_def(def: &AttributeDef) -> Self {
        let is_complex = def.ty == AttributeType::Complex;
        Self {
            name: def.name.to_owned(),
            ty: def.ty.as_str().to_owned(),
            multi_valued: Some(def.multi_valued),
            description: Some(def.description.to_owned()),
            required: Some(def.required),
            canonical_values: (!def.canonical_values.is_empty()).then(|| {
                def.canonical_values
                    .iter()
                    .map(|v| canonical_value(def.ty, v))
                    .collect()
            }),
            case_exact: Some(def.case_exact),
            mutability: Some(def.mutability.as_str().to_owned()),
            returned: Some(def.returned.as_str().to_owned()),
            uniqueness: Some(def.uniqueness.as_str().to_owned()),
            reference_types: (!def.reference_types.is_empty()).then(|| {
                def.reference_types
                    .iter()
                    .map(|r| (*r).to_owned())
                    .collect()
            }),
            sub_attributes: is_complex
                .then(|| def.sub_attributes.iter().map(Attribute::from_def).collect()),
            other: OtherAttributes::new(),
        }
    }
}

impl Schema {
    /// The document for a static schema, as a server serves it at `/Schemas/{id}`.
    pub fn from_def(def: &SchemaDef) -> Self {
        Self {
            schemas: Some(vec![SCHEMA_SCHEMA.to_owned()]),
            id: def.id.to_owned(),
            name: Some(def.name.to_owned()),
            description: Some(def.description.to_owned()),
            attributes: def.attributes.iter().map(Attribute::from_def).collect(),
            meta: Some(Meta {
                resource_type: Some("Schema".to_owned()),
                location: Some(Reference::new(format!("/Schemas/{}", def.id))),
                ..Meta::default()
            }),
            other: OtherAttributes::new(),
        }
    }

    /// Finds a top-level attribute by name, case-insensitively (RFC 7643 §2.1).
    pub fn attribute(&self, name: &str) -> Option<&Attribute> {
        self.attributes
            .iter()
            .find(|a| a.name.eq_ignore_ascii_case(name))
    }
}

/// An extension a resource type supports (RFC 7643 §6, `schemaExtensions`).
#[derive(Clone, PartialEq, Default, ScimResource)]
#[scim(complex)]
pub struct SchemaExtension {
    /// The URI of an extended schema, e.g., "urn:edu:2.0:Staff".
    #[scim(
        type = "reference",
        required,
        case_exact,
        mutability = "readOnly",
        reference_types("uri")
    )]
    pub schema: Option<String>,
    /// A Boolean value that specifies whether or not the schema extension is required for the
    /// resource type.
    #[scim(required, mutability = "readOnly")]
    pub required: Option<bool>,
    /// Keys this library does not know, kept as sent.
    #[scim(other)]
    pub other: OtherAttributes,
}

/// A ResourceType document (RFC 7643 §6): a resource type's name, endpoint and schemas.
///
/// `schemaExtensions` is multi-valued here, as RFC 7643 §6 describes it and every server sends
/// it; the schema representation in RFC 7643 §8.7.2 marks it `multiValued: false` by mistake.
#[derive(Clone, PartialEq, Default, ScimResource)]
#[scim(
    resource,
    schema = "urn:ietf:params:scim:schemas:core:2.0:ResourceType",
    name = "ResourceType",
    endpoint = "/ResourceTypes"
)]
pub struct ResourceType {
    /// The resource type's server unique id, often the same as `name`.
    pub id: Option<String>,
    /// Not used by ResourceType documents; kept for symmetry with every resource.
    pub external_id: Option<String>,
    /// Resource metadata.
    pub meta: Option<Meta>,
    /// The resource type name, e.g. "User".
    #[scim(required, mutability = "readOnly")]
    pub name: Option<String>,
    /// The resource type's human-readable description.
    #[scim(mutability = "readOnly")]
    pub description: Option<String>,
    /// The resource type's HTTP-addressable endpoint relative to the Base URL, e.g., '/Users'.
    #[scim(
        type = "reference",
        required,
        mutability = "readOnly",
        reference_types("uri")
    )]
    pub endpoint: Option<String>,
    /// The resource type's primary/base schema URI.
    #[scim(
        type = "reference",
        required,
        case_exact,
        mutability = "readOnly",
        reference_types("uri")
    )]
    pub schema: Option<String>,
    /// A list of URIs of the resource type's schema extensions.
    #[scim(mutability = "readOnly")]
    pub schema_extensions: Vec<SchemaExtension>,
    /// Keys this library does not know, kept as sent.
    #[scim(other)]
    pub other: OtherAttributes,
}

impl ResourceType {
    /// The document for a static resource type, as a server serves it at `/ResourceTypes/{name}`.
    pub fn from_def(def: &ResourceTypeDef) -> Self {
        Self {
            id: Some(def.name.to_owned()),
            external_id: None,
            meta: Some(Meta {
                resource_type: Some("ResourceType".to_owned()),
                location: Some(Reference::new(format!("/ResourceTypes/{}", def.name))),
                ..Meta::default()
            }),
            name: Some(def.name.to_owned()),
            description: Some(def.description.to_owned()),
            endpoint: Some(def.endpoint.to_owned()),
            schema: Some(def.schema.id.to_owned()),
            schema_extensions: def
                .extensions
                .iter()
                .map(|e| SchemaExtension {
                    schema: Some(e.schema.id.to_owned()),
                    required: Some(e.required),
                    other: OtherAttributes::new(),
                })
                .collect(),
            other: OtherAttributes::new(),
        }
    }
}

/// A feature's support flag (`patch`, `changePassword`, `sort`, `etag` of RFC 7643 §5).
#[derive(Clone, PartialEq, Default, ScimResource)]
#[scim(complex)]
pub struct Supported {
    /// A Boolean value specifying whether or not the operation is supported.
    #[scim(required, mutability = "readOnly")]
    pub supported: Option<bool>,
    /// Keys this library does not know, kept as sent.
    #[scim(other)]
    pub other: OtherAttributes,
}

impl Supported {
    /// `supported: true` or `supported: false`.
    pub fn new(supported: bool) -> Self {
        Self {
            supported: Some(supported),
            other: OtherAttributes::new(),
        }
    }
}

/// Bulk configuration options (RFC 7643 §5, `bulk`).
#[derive(Clone, PartialEq, Default, ScimResource)]
#[scim(complex)]
pub struct BulkConfig {
    /// A Boolean value specifying whether or not the operation is supported.
    #[scim(required, mutability = "readOnly")]
    pub supported: Option<bool>,
    /// An integer value specifying the maximum number of operations.
    #[scim(required, mutability = "readOnly")]
    pub max_operations: Option<i64>,
    /// An integer value specifying the maximum payload size in bytes.
    #[scim(required, mutability = "readOnly")]
    pub max_payload_size: Option<i64>,
    /// Keys this library does not know, kept as sent.
    #[scim(other)]
    pub other: OtherAttributes,
}

/// Filter options (RFC 7643 §5, `filter`).
#[derive(Clone, PartialEq, Default, ScimResource)]
#[scim(complex)]
pub struct FilterConfig {
    /// A Boolean value specifying whether or not the operation is supported.
    #[scim(required, mutability = "readOnly")]
    pub supported: Option<bool>,
    /// An integer value specifying the maximum number of resources returned in a response.
    #[scim(required, mutability = "readOnly")]
    pub max_results: Option<i64>,
    /// Keys this library does not know, kept as sent.
    #[scim(other)]
    pub other: OtherAttributes,
}

/// Pagination options (RFC 9865, `pagination` in ServiceProviderConfig): which of cursor and
/// index pagination the service provider offers, and its page sizes.
#[derive(Clone, PartialEq, Default, ScimResource)]
#[scim(complex)]
pub struct PaginationConfig {
    /// Whether cursor pagination is supported.
    #[scim(mutability = "readOnly")]
    pub cursor: Option<bool>,
    /// Whether index pagination (RFC 7644 §3.4.2.4) is supported.
    #[scim(mutability = "readOnly")]
    pub index: Option<bool>,
    /// The method used when a request names neither, `cursor` or `index`.
    #[scim(mutability = "readOnly")]
    pub default_pagination_method: Option<String>,
    /// The page size when a request has no `count`.
    #[scim(mutability = "readOnly")]
    pub default_page_size: Option<i64>,
    /// The largest page size the service provider returns.
    #[scim(mutability = "readOnly")]
    pub max_page_size: Option<i64>,
    /// How many seconds a cursor stays valid after it is issued.
    #[scim(mutability = "readOnly")]
    pub cursor_timeout: Option<i64>,
    /// Keys this library does not know, kept as sent.
    #[scim(other)]
    pub other: OtherAttributes,
}

/// An authentication scheme the service provider supports (RFC 7643 §5).
#[derive(Clone, PartialEq, Default, ScimResource)]
#[scim(complex)]
pub struct AuthenticationScheme {
    /// The authentication scheme, e.g. "oauthbearertoken" or "httpbasic".
    #[scim(mutability = "readOnly")]
    pub r#type: Option<String>,
    /// The common authentication scheme name, e.g., HTTP Basic.
    #[scim(required, mutability = "readOnly")]
    pub name: Option<String>,
    /// A description of the authentication scheme.
    #[scim(required, mutability = "readOnly")]
    pub description: Option<String>,
    /// An HTTP-addressable URL pointing to the authentication scheme's specification.
    #[scim(mutability = "readOnly", reference_types("external"))]
    pub spec_uri: Option<Reference>,
    /// An HTTP-addressable URL pointing to the authentication scheme's usage documentation.
    #[scim(mutability = "readOnly", reference_types("external"))]
    pub documentation_uri: Option<Reference>,
    /// Whether this is the preferred scheme.
    #[scim(mutability = "readOnly")]
    pub primary: Option<bool>,
    /// Keys this library does not know, kept as sent.
    #[scim(other)]
    pub other: OtherAttributes,
}

/// The service provider's configuration (RFC 7643 §5), served at `/ServiceProviderConfig`.
///
/// `etag` is part of RFC 7643 §5 although the schema representation of §8.7.2 leaves it out.
#[derive(Clone, PartialEq, Default, ScimResource)]
#[scim(
    resource,
    singleton,
    schema = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig",
    name = "Service Provider Configuration",
    resource_type = "ServiceProviderConfig",
    endpoint = "/ServiceProviderConfig"
)]
pub struct ServiceProviderConfig {
    /// Not used by this singleton; kept for symmetry with every resource.
    pub id: Option<String>,
    /// Not used by this singleton; kept for symmetry with every resource.
    pub external_id: Option<String>,
    /// Resource metadata.
    pub meta: Option<Meta>,
    /// An HTTP-addressable URL pointing to the service provider's human-consumable help documentation.
    #[scim(mutability = "readOnly", reference_types("external"))]
    pub documentation_uri: Option<Reference>,
    /// A complex type that specifies PATCH configuration options.
    #[scim(required, mutability = "readOnly")]
    pub patch: Option<Supported>,
    /// A complex type that specifies bulk configuration options.
    #[scim(required, mutability = "readOnly")]
    pub bulk: Option<BulkConfig>,
    /// A complex type that specifies FILTER options.
    #[scim(required, mutability = "readOnly")]
    pub filter: Option<FilterConfig>,
    /// A complex type that specifies configuration options related to changing a password.
    #[scim(required, mutability = "readOnly")]
    pub change_password: Option<Supported>,
    /// A complex type that specifies sort result options.
    #[scim(required, mutability = "readOnly")]
    pub sort: Option<Supported>,
    /// A complex type that specifies ETag configuration options.
    #[scim(required, mutability = "readOnly")]
    pub etag: Option<Supported>,
    /// A complex type that specifies supported authentication scheme properties.
    #[scim(required, mutability = "readOnly")]
    pub authentication_schemes: Vec<AuthenticationScheme>,
    /// A complex type that specifies pagination options (RFC 9865).
    #[scim(mutability = "readOnly")]
    pub pagination: Option<PaginationConfig>,
    /// Keys this library does not know, kept as sent.
    #[scim(other)]
    pub other: OtherAttributes,
}

fn supported(s: &Option<Supported>) -> bool {
    s.as_ref().and_then(|s| s.supported).unwrap_or(false)
}

impl ServiceProviderConfig {
    /// Whether PATCH is supported.
    pub fn patch_supported(&self) -> bool {
        supported(&self.patch)
    }
    /// Whether sorting is supported.
    pub fn sort_supported(&self) -> bool {
        supported(&self.sort)
    }
    /// Whether ETags are supported.
    pub fn etag_supported(&self) -> bool {
        supported(&self.etag)
    }
    /// Whether changing passwords is supported.
    pub fn change_password_supported(&self) -> bool {
        supported(&self.change_password)
    }
    /// Whether filtering is supported.
    pub fn filter_supported(&self) -> bool {
        self.filter
            .as_ref()
            .and_then(|f| f.supported)
            .unwrap_or(false)
    }
    /// Whether cursor pagination is supported (RFC 9865 `pagination.cursor`).
    pub fn cursor_pagination_supported(&self) -> bool {
        self.pagination
            .as_ref()
            .and_then(|p| p.cursor)
            .unwrap_or(false)
    }
    /// Whether index pagination is supported: `pagination.index`; when the block leaves it
    /// out, `true` unless it advertises cursors; and `true` without a pagination block
    /// (RFC 7644 §3.4.2.4 defines index paging for every service provider).
    pub fn index_pagination_supported(&self) -> bool {
        self.pagination
            .as_ref()
            .is_none_or(|p| p.index.unwrap_or(!p.cursor.unwrap_or(false)))
    }
    /// Whether bulk is supported.
    pub fn bulk_supported(&self) -> bool {
        self.bulk
            .as_ref()
            .and_then(|b| b.supported)
            .unwrap_or(false)
    }
}

/// A canonical value of the static table (held as text) as the JSON value it stands for: a
/// number or boolean for integer, decimal and boolean attributes, a string otherwise.
fn canonical_value(ty: AttributeType, text: &str) -> serde_json::Value {
    let typed = match ty {
        AttributeType::Integer | AttributeType::Decimal | AttributeType::Boolean => {
            serde_json::from_str::<serde_json::Value>(text)
                .ok()
                .filter(|v| v.is_number() || v.is_boolean())
        }
        _ => None,
    };
    typed.unwrap_or_else(|| serde_json::Value::String(text.to_owned()))
}

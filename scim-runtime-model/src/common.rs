//! The common attributes of every resource (RFC 7643 §3.1): `id`, `externalId` and `meta`.
//!
//! `id` and `externalId` are plain fields of each resource type; `meta` is this [`Meta`].
//! Beside them, [`OtherAttributes`]: what every type keeps of the attributes it does not know.

use crate::scalar::{DateTime, Reference};
use crate::ScimResource;

/// A complex attribute containing resource metadata (RFC 7643 §3.1). Every sub-attribute is
/// `readOnly`: the service provider maintains them.
#[derive(Clone, PartialEq, Eq, Default, ScimResource)]
#[scim(complex)]
pub struct Meta {
    /// The name of the resource type of the resource.
    #[scim(case_exact, mutability = "readOnly")]
    pub resource_type: Option<String>,
    /// The DateTime that the resource was added to the service provider.
    #[scim(mutability = "readOnly")]
    pub created: Option<DateTime>,
    /// The most recent DateTime that the details of this resource were updated at the service provider.
    #[scim(mutability = "readOnly")]
    pub last_modified: Option<DateTime>,
    /// The URI of the resource being returned.
    #[scim(case_exact, mutability = "readOnly", reference_types("uri"))]
    pub location: Option<Reference>,
    /// The version of the resource being returned, an entity tag such as `W/"a330bc54f0671c9"`
    /// (RFC 7644 §3.14).
    #[scim(case_exact, mutability = "readOnly")]
    pub version: Option<String>,
    /// Sub-attributes this library does not know, kept as sent.
    #[scim(other)]
    pub other: OtherAttributes,
}

/// Attributes a type does not know, kept as they were sent so they are written back.
pub type OtherAttributes = serde_json::Map<String, serde_json::Value>;

#[cfg(test)]
mod tests {
    use super::Meta;
    use crate::attribute::META_ATTRIBUTE;
    use crate::value::AttributeValue;

    /// The definitions of `meta`'s sub-attributes are written out beside the other common
    /// attributes; they must say what the derived `Meta` says.
    #[test]
    fn meta_attribute_describes_meta() {
        assert_eq!(
            META_ATTRIBUTE.sub_attributes,
            <Meta as AttributeValue>::SUB_ATTRIBUTES
        );
    }
}

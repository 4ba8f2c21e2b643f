//! The RFC 7643 §4 standard schema, written with `#[derive(ScimResource)]`.

/// Group
#[derive(Debug, Clone, PartialEq, Default, ::scim_runtime::ScimResource)]
#[scim(
    resource,
    schema = "urn:ietf:params:scim:schemas:core:2.0:Group",
    name = "Group",
    endpoint = "/Groups"
)]
pub struct Group {
    /// A unique identifier for a SCIM resource as defined by the service provider (RFC 7643 §3.1).
    pub id: Option<String>,
    /// An identifier for the resource as defined by the provisioning client (RFC 7643 §3.1).
    pub external_id: Option<String>,
    /// Resource metadata (RFC 7643 §3.1).
    pub meta: Option<::scim_runtime::Meta>,
    /// A human-readable name for the Group. REQUIRED.
    pub display_name: Option<String>,
    /// A list of members of the Group.
    pub members: Vec<GroupMember>,
    /// Attributes this type does not know, kept as sent.
    #[scim(other)]
    pub other: ::scim_runtime::OtherAttributes,
}

/// A list of members of the Group.
#[derive(Debug, Clone, PartialEq, Default, ::scim_runtime::ScimResource)]
#[scim(complex)]
pub struct GroupMember {
    /// Identifier of the member of this Group.
    #[scim(mutability = "immutable")]
    pub value: Option<String>,
    /// The URI corresponding to a SCIM resource that is a member of this Group.
    #[scim(
        rename = "$ref",
        mutability = "immutable",
        reference_types("User", "Group")
    )]
    pub r#ref: Option<::scim_runtime::Reference>,
    /// A label indicating the type of resource, e.g., 'User' or 'Group'.
    #[scim(mutability = "immutable")]
    pub r#type: Option<GroupMemberType>,
    /// Attributes this type does not know, kept as sent.
    #[scim(other)]
    pub other: ::scim_runtime::OtherAttributes,
}

/// The canonical values of `GroupMemberType`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, ::scim_runtime::ScimResource)]
#[scim(canonical)]
pub enum GroupMemberType {
    /// `User`
    #[scim(rename = "User")]
    User,
    /// `Group`
    #[scim(rename = "Group")]
    Group,
    /// Any other value, kept as sent.
    #[scim(other)]
    Custom(String),
}

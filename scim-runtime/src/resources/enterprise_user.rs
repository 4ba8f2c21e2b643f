//! The RFC 7643 §4 standard schema, written with `#[derive(ScimResource)]`.

/// Enterprise User
#[derive(Debug, Clone, PartialEq, Default, ::scim_runtime::ScimResource)]
#[scim(
    extension,
    schema = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
    name = "EnterpriseUser"
)]
pub struct EnterpriseUser {
    /// Numeric or alphanumeric identifier assigned to a person, typically based on order of hire or association with an organization.
    pub employee_number: Option<String>,
    /// Identifies the name of a cost center.
    pub cost_center: Option<String>,
    /// Identifies the name of an organization.
    pub organization: Option<String>,
    /// Identifies the name of a division.
    pub division: Option<String>,
    /// Identifies the name of a department.
    pub department: Option<String>,
    /// The User's manager.  A complex type that optionally allows service providers to represent organizational hierarchy by referencing the 'id' attribute of another User.
    pub manager: Option<EnterpriseUserManager>,
    /// Attributes this type does not know, kept as sent.
    #[scim(other)]
    pub other: ::scim_runtime::OtherAttributes,
}

/// The User's manager.  A complex type that optionally allows service providers to represent organizational hierarchy by referencing the 'id' attribute of another User.
#[derive(Debug, Clone, PartialEq, Default, ::scim_runtime::ScimResource)]
#[scim(complex)]
pub struct EnterpriseUserManager {
    /// The id of the SCIM resource representing the User's manager.  REQUIRED.
    pub value: Option<String>,
    /// The URI of the SCIM resource representing the User's manager.  REQUIRED.
    #[scim(rename = "$ref", reference_types("User"))]
    pub r#ref: Option<::scim_runtime::Reference>,
    /// The displayName of the User's manager. OPTIONAL and READ-ONLY.
    #[scim(mutability = "readOnly")]
    pub display_name: Option<String>,
    /// Attributes this type does not know, kept as sent.
    #[scim(other)]
    pub other: ::scim_runtime::OtherAttributes,
}

//! The RFC 7643 §4 standard schema, written with `#[derive(ScimResource)]`.

/// User Account
#[derive(Debug, Clone, PartialEq, Default, ::scim_runtime::ScimResource)]
#[scim(
    resource,
    schema = "urn:ietf:params:scim:schemas:core:2.0:User",
    name = "User",
    endpoint = "/Users"
)]
pub struct User {
    /// A unique identifier for a SCIM resource as defined by the service provider (RFC 7643 §3.1).
    pub id: Option<String>,
    /// An identifier for the resource as defined by the provisioning client (RFC 7643 §3.1).
    pub external_id: Option<String>,
    /// Resource metadata (RFC 7643 §3.1).
    pub meta: Option<::scim_runtime::Meta>,
    /// Unique identifier for the User, typically used by the user to directly authenticate to the service provider. Each User MUST include a non-empty userName value.  This identifier MUST be unique across the service provider's entire set of Users. REQUIRED.
    #[scim(required, uniqueness = "server")]
    pub user_name: Option<String>,
    /// The components of the user's real name. Providers MAY return just the full name as a single string in the formatted sub-attribute, or they MAY return just the individual component attributes using the other sub-attributes, or they MAY return both.  If both variants are returned, they SHOULD be describing the same name, with the formatted name indicating how the component attributes should be combined.
    pub name: Option<UserName>,
    /// The name of the User, suitable for display to end-users.  The name SHOULD be the full name of the User being described, if known.
    pub display_name: Option<String>,
    /// The casual way to address the user in real life, e.g., 'Bob' or 'Bobby' instead of 'Robert'.  This attribute SHOULD NOT be used to represent a User's username (e.g., 'bjensen' or 'mpepperidge').
    pub nick_name: Option<String>,
    /// A fully qualified URL pointing to a page representing the User's online profile.
    #[scim(reference_types("external"))]
    pub profile_url: Option<::scim_runtime::Reference>,
    /// The user's title, such as "Vice President."
    pub title: Option<String>,
    /// Used to identify the relationship between the organization and the user.  Typical values used might be 'Contractor', 'Employee', 'Intern', 'Temp', 'External', and 'Unknown', but any value may be used.
    pub user_type: Option<String>,
    /// Indicates the User's preferred written or spoken language.  Generally used for selecting a localized user interface; e.g., 'en_US' specifies the language English and country US.
    pub preferred_language: Option<String>,
    /// Used to indicate the User's default location for purposes of localizing items such as currency, date time format, or numerical representations.
    pub locale: Option<String>,
    /// The User's time zone in the 'Olson' time zone database format, e.g., 'America/Los_Angeles'.
    pub timezone: Option<String>,
    /// A Boolean value indicating the User's administrative status.
    pub active: Option<bool>,
    /// The User's cleartext password.  This attribute is intended to be used as a means to specify an initial password when creating a new User or to reset an existing User's password.
    #[scim(mutability = "writeOnly", returned = "never")]
    pub password: Option<String>,
    /// Email addresses for the user.  The value SHOULD be canonicalized by the service provider, e.g., 'bjensen@example.com' instead of 'bjensen@EXAMPLE.COM'. Canonical type values of 'work', 'home', and 'other'.
    pub emails: Vec<UserEmail>,
    /// Phone numbers for the User.  The value SHOULD be canonicalized by the service provider according to the format specified in RFC 3966, e.g., 'tel:+1-201-555-0123'. Canonical type values of 'work', 'home', 'mobile', 'fax', 'pager', and 'other'.
    pub phone_numbers: Vec<UserPhoneNumber>,
    /// Instant messaging addresses for the User.
    pub ims: Vec<UserIm>,
    /// URLs of photos of the User.
    pub photos: Vec<UserPhoto>,
    /// A physical mailing address for this User. Canonical type values of 'work', 'home', and 'other'.  This attribute is a complex type with the following sub-attributes.
    pub addresses: Vec<UserAddress>,
    /// A list of groups to which the user belongs, either through direct membership, through nested groups, or dynamically calculated.
    #[scim(mutability = "readOnly")]
    pub groups: Vec<UserGroup>,
    /// A list of entitlements for the User that represent a thing the User has.
    pub entitlements: Vec<UserEntitlement>,
    /// A list of roles for the User that collectively represent who the User is, e.g., 'Student', 'Faculty'.
    pub roles: Vec<UserRole>,
    /// A list of certificates issued to the User.
    pub x509_certificates: Vec<UserX509Certificate>,
    /// The enterprise extension (RFC 7643 §4.3).
    #[scim(extension)]
    pub enterprise_user: Option<super::EnterpriseUser>,
    /// Attributes this type does not know, kept as sent.
    #[scim(other)]
    pub other: ::scim_runtime::OtherAttributes,
}

/// The components of the user's real name. Providers MAY return just the full name as a single string in the formatted sub-attribute, or they MAY return just the individual component attributes using the other sub-attributes, or they MAY return both.  If both variants are returned, they SHOULD be describing the same name, with the formatted name indicating how the component attributes should be combined.
#[derive(Debug, Clone, PartialEq, Default, ::scim_runtime::ScimResource)]
#[scim(complex)]
pub struct UserName {
    /// The full name, including all middle names, titles, and suffixes as appropriate, formatted for display (e.g., 'Ms. Barbara J Jensen, III').
    pub formatted: Option<String>,
    /// The family name of the User, or last name in most Western languages (e.g., 'Jensen' given the full name 'Ms. Barbara J Jensen, III').
    pub family_name: Option<String>,
    /// The given name of the User, or first name in most Western languages (e.g., 'Barbara' given the full name 'Ms. Barbara J Jensen, III').
    pub given_name: Option<String>,
    /// The middle name(s) of the User (e.g., 'Jane' given the full name 'Ms. Barbara J Jensen, III').
    pub middle_name: Option<String>,
    /// The honorific prefix(es) of the User, or title in most Western languages (e.g., 'Ms.' given the full name 'Ms. Barbara J Jensen, III').
    pub honorific_prefix: Option<String>,
    /// The honorific suffix(es) of the User, or suffix in most Western languages (e.g., 'III' given the full name 'Ms. Barbara J Jensen, III').
    pub honorific_suffix: Option<String>,
    /// Attributes this type does not know, kept as sent.
    #[scim(other)]
    pub other: ::scim_runtime::OtherAttributes,
}

/// Email addresses for the user.  The value SHOULD be canonicalized by the service provider, e.g., 'bjensen@example.com' instead of 'bjensen@EXAMPLE.COM'. Canonical type values of 'work', 'home', and 'other'.
#[derive(Debug, Clone, PartialEq, Default, ::scim_runtime::ScimResource)]
#[scim(complex)]
pub struct UserEmail {
    /// Email addresses for the user.  The value SHOULD be canonicalized by the service provider, e.g., 'bjensen@example.com' instead of 'bjensen@EXAMPLE.COM'. Canonical type values of 'work', 'home', and 'other'.
    pub value: Option<String>,
    /// A human-readable name, primarily used for display purposes.  READ-ONLY.
    pub display: Option<String>,
    /// A label indicating the attribute's function, e.g., 'work' or 'home'.
    pub r#type: Option<UserEmailType>,
    /// A Boolean value indicating the 'primary' or preferred attribute value for this attribute, e.g., the preferred mailing address or primary email address.  The primary attribute value 'true' MUST appear no more than once.
    pub primary: Option<bool>,
    /// Attributes this type does not know, kept as sent.
    #[scim(other)]
    pub other: ::scim_runtime::OtherAttributes,
}

/// The canonical values of `UserEmailType`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, ::scim_runtime::ScimResource)]
#[scim(canonical)]
pub enum UserEmailType {
    /// `work`
    #[scim(rename = "work")]
    Work,
    /// `home`
    #[scim(rename = "home")]
    Home,
    /// `other`
    #[scim(rename = "other")]
    Other,
    /// Any other value, kept as sent.
    #[scim(other)]
    Custom(String),
}

/// Phone numbers for the User.  The value SHOULD be canonicalized by the service provider according to the format specified in RFC 3966, e.g., 'tel:+1-201-555-0123'. Canonical type values of 'work', 'home', 'mobile', 'fax', 'pager', and 'other'.
#[derive(Debug, Clone, PartialEq, Default, ::scim_runtime::ScimResource)]
#[scim(complex)]
pub struct UserPhoneNumber {
    /// Phone number of the User.
    pub value: Option<String>,
    /// A human-readable name, primarily used for display purposes.  READ-ONLY.
    pub display: Option<String>,
    /// A label indicating the attribute's function, e.g., 'work', 'home', 'mobile'.
    pub r#type: Option<UserPhoneNumberType>,
    /// A Boolean value indicating the 'primary' or preferred attribute value for this attribute, e.g., the preferred phone number or primary phone number.  The primary attribute value 'true' MUST appear no more than once.
    pub primary: Option<bool>,
    /// Attributes this type does not know, kept as sent.
    #[scim(other)]
    pub other: ::scim_runtime::OtherAttributes,
}

/// The canonical values of `UserPhoneNumberType`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, ::scim_runtime::ScimResource)]
#[scim(canonical)]
pub enum UserPhoneNumberType {
    /// `work`
    #[scim(rename = "work")]
    Work,
    /// `home`
    #[scim(rename = "home")]
    Home,
    /// `mobile`
    #[scim(rename = "mobile")]
    Mobile,
    /// `fax`
    #[scim(rename = "fax")]
    Fax,
    /// `pager`
    #[scim(rename = "pager")]
    Pager,
    /// `other`
    #[scim(rename = "other")]
    Other,
    /// Any other value, kept as sent.
    #[scim(other)]
    Custom(String),
}

/// Instant messaging addresses for the User.
#[derive(Debug, Clone, PartialEq, Default, ::scim_runtime::ScimResource)]
#[scim(complex)]
pub struct UserIm {
    /// Instant messaging address for the User.
    pub value: Option<String>,
    /// A human-readable name, primarily used for display purposes.  READ-ONLY.
    pub display: Option<String>,
    /// A label indicating the attribute's function, e.g., 'aim', 'gtalk', 'xmpp'.
    pub r#type: Option<UserImType>,
    /// A Boolean value indicating the 'primary' or preferred attribute value for this attribute, e.g., the preferred messenger or primary messenger.  The primary attribute value 'true' MUST appear no more than once.
    pub primary: Option<bool>,
    /// Attributes this type does not know, kept as sent.
    #[scim(other)]
    pub other: ::scim_runtime::OtherAttributes,
}

/// The canonical values of `UserImType`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, ::scim_runtime::ScimResource)]
#[scim(canonical)]
pub enum UserImType {
    /// `aim`
    #[scim(rename = "aim")]
    Aim,
    /// `gtalk`
    #[scim(rename = "gtalk")]
    Gtalk,
    /// `icq`
    #[scim(rename = "icq")]
    Icq,
    /// `xmpp`
    #[scim(rename = "xmpp")]
    Xmpp,
    /// `msn`
    #[scim(rename = "msn")]
    Msn,
    /// `skype`
    #[scim(rename = "skype")]
    Skype,
    /// `qq`
    #[scim(rename = "qq")]
    Qq,
    /// `yahoo`
    #[scim(rename = "yahoo")]
    Yahoo,
    /// Any other value, kept as sent.
    #[scim(other)]
    Custom(String),
}

/// URLs of photos of the User.
#[derive(Debug, Clone, PartialEq, Default, ::scim_runtime::ScimResource)]
#[scim(complex)]
pub struct UserPhoto {
    /// URL of a photo of the User.
    #[scim(reference_types("external"))]
    pub value: Option<::scim_runtime::Reference>,
    /// A human-readable name, primarily used for display purposes.  READ-ONLY.
    pub display: Option<String>,
    /// A label indicating the attribute's function, i.e., 'photo' or 'thumbnail'.
    pub r#type: Option<UserPhotoType>,
    /// A Boolean value indicating the 'primary' or preferred attribute value for this attribute, e.g., the preferred photo or thumbnail.  The primary attribute value 'true' MUST appear no more than once.
    pub primary: Option<bool>,
    /// Attributes this type does not know, kept as sent.
    #[scim(other)]
    pub other: ::scim_runtime::OtherAttributes,
}

/// The canonical values of `UserPhotoType`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, ::scim_runtime::ScimResource)]
#[scim(canonical)]
pub enum UserPhotoType {
    /// `photo`
    #[scim(rename = "photo")]
    Photo,
    /// `thumbnail`
    #[scim(rename = "thumbnail")]
    Thumbnail,
    /// Any other value, kept as sent.
    #[scim(other)]
    Custom(String),
}

/// A physical mailing address for this User. Canonical type values of 'work', 'home', and 'other'.  This attribute is a complex type with the following sub-attributes.
#[derive(Debug, Clone, PartialEq, Default, ::scim_runtime::ScimResource)]
#[scim(complex)]
pub struct UserAddress {
    /// The full mailing address, formatted for display or use with a mailing label.  This attribute MAY contain newlines.
    pub formatted: Option<String>,
    /// The full street address component, which may include house number, street name, P.O. box, and multi-line extended street address information.  This attribute MAY contain newlines.
    pub street_address: Option<String>,
    /// The city or locality component.
    pub locality: Option<String>,
    /// The state or region component.
    pub region: Option<String>,
    /// The zip code or postal code component.
    pub postal_code: Option<String>,
    /// The country name component.
    pub country: Option<String>,
    /// A label indicating the attribute's function, e.g., 'work' or 'home'.
    pub r#type: Option<UserAddressType>,
    /// Attributes this type does not know, kept as sent.
    #[scim(other)]
    pub other: ::scim_runtime::OtherAttributes,
}

/// The canonical values of `UserAddressType`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, ::scim_runtime::ScimResource)]
#[scim(canonical)]
pub enum UserAddressType {
    /// `work`
    #[scim(rename = "work")]
    Work,
    /// `home`
    #[scim(rename = "home")]
    Home,
    /// `other`
    #[scim(rename = "other")]
    Other,
    /// Any other value, kept as sent.
    #[scim(other)]
    Custom(String),
}

/// A list of groups to which the user belongs, either through direct membership, through nested groups, or dynamically calculated.
#[derive(Debug, Clone, PartialEq, Default, ::scim_runtime::ScimResource)]
#[scim(complex)]
pub struct UserGroup {
    /// The identifier of the User's group.
    #[scim(mutability = "readOnly")]
    pub value: Option<String>,
    /// The URI of the corresponding 'Group' resource to which the user belongs.
    #[scim(
        rename = "$ref",
        mutability = "readOnly",
        reference_types("User", "Group")
    )]
    pub r#ref: Option<::scim_runtime::Reference>,
    /// A human-readable name, primarily used for display purposes.  READ-ONLY.
    #[scim(mutability = "readOnly")]
    pub display: Option<String>,
    /// A label indicating the attribute's function, e.g., 'direct' or 'indirect'.
    #[scim(mutability = "readOnly")]
    pub r#type: Option<UserGroupType>,
    /// Attributes this type does not know, kept as sent.
    #[scim(other)]
    pub other: ::scim_runtime::OtherAttributes,
}

/// The canonical values of `UserGroupType`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, ::scim_runtime::ScimResource)]
#[scim(canonical)]
pub enum UserGroupType {
    /// `direct`
    #[scim(rename = "direct")]
    Direct,
    /// `indirect`
    #[scim(rename = "indirect")]
    Indirect,
    /// Any other value, kept as sent.
    #[scim(other)]
    Custom(String),
}

/// A list of entitlements for the User that represent a thing the User has.
#[derive(Debug, Clone, PartialEq, Default, ::scim_runtime::ScimResource)]
#[scim(complex)]
pub struct UserEntitlement {
    /// The value of an entitlement.
    pub value: Option<String>,
    /// A human-readable name, primarily used for display purposes.  READ-ONLY.
    pub display: Option<String>,
    /// A label indicating the attribute's function.
    pub r#type: Option<String>,
    /// A Boolean value indicating the 'primary' or preferred attribute value for this attribute.  The primary attribute value 'true' MUST appear no more than once.
    pub primary: Option<bool>,
    /// Attributes this type does not know, kept as sent.
    #[scim(other)]
    pub other: ::scim_runtime::OtherAttributes,
}

/// A list of roles for the User that collectively represent who the User is, e.g., 'Student', 'Faculty'.
#[derive(Debug, Clone, PartialEq, Default, ::scim_runtime::ScimResource)]
#[scim(complex)]
pub struct UserRole {
    /// The value of a role.
    pub value: Option<String>,
    /// A human-readable name, primarily used for display purposes.  READ-ONLY.
    pub display: Option<String>,
    /// A label indicating the attribute's function.
    pub r#type: Option<String>,
    /// A Boolean value indicating the 'primary' or preferred attribute value for this attribute.  The primary attribute value 'true' MUST appear no more than once.
    pub primary: Option<bool>,
    /// Attributes this type does not know, kept as sent.
    #[scim(other)]
    pub other: ::scim_runtime::OtherAttributes,
}

/// A list of certificates issued to the User.
#[derive(Debug, Clone, PartialEq, Default, ::scim_runtime::ScimResource)]
#[scim(complex)]
pub struct UserX509Certificate {
    /// The value of an X.509 certificate.
    pub value: Option<::scim_runtime::Binary>,
    /// A human-readable name, primarily used for display purposes.  READ-ONLY.
    pub display: Option<String>,
    /// A label indicating the attribute's function.
    pub r#type: Option<String>,
    /// A Boolean value indicating the 'primary' or preferred attribute value for this attribute.  The primary attribute value 'true' MUST appear no more than once.
    pub primary: Option<bool>,
    /// Attributes this type does not know, kept as sent.
    #[scim(other)]
    pub other: ::scim_runtime::OtherAttributes,
}

//! Rust names for SCIM names.
//!
//! Every identifier the generator emits comes from here, so the rules live in one place:
//!
//! * fields are `snake_case`, types and variants `PascalCase` (heck);
//! * characters that cannot appear in an identifier (`$`, `-`, `.`, `:`, non-ASCII) are word
//!   boundaries, so `x-foo` → `x_foo`, `object.fieldName` → `object_field_name`;
//! * Rust keywords become raw identifiers (`type` → `r#type`, `$ref` → `r#ref`), except `self`,
//!   `super`, `crate` and `Self`, which cannot be raw and get a trailing `_`;
//! * a name that would start with a digit gets a prefix (`_` for fields, `V` for types and
//!   variants: `"0"` → `V0`);
//! * the type of a complex attribute is named as the schema reads: the attribute name (singular
//!   when multi-valued) in `PascalCase`, so `name` in `User` is `Name` and `emails` is `Email`;
//!   only when that name is taken (by a resource, an extension, an earlier type or a prelude
//!   name such as `String`) is the owner put in front (`groups` in `User` is `UserGroup`, since
//!   `Group` is the resource), see [`attribute_type_ident`] and [`nested_type_ident`];
//! * the enum of canonical values of an attribute is its owner and its name, as the schema path
//!   reads (`emails.type` → `EmailType`, `type` in `Authorization` → `AuthorizationType`),
//!   without saying the owner twice (`userType` in `User` → `UserType`), see
//!   [`enum_type_ident`];
//! * a name already taken in the same scope gets the smallest numeric suffix from 2 that is free,
//!   in input order, so the result is deterministic;
//! * [`needs_rename`] tells whether the derive's default rule (heck `lowerCamelCase` of the ident
//!   without `r#`) gives back the wire name; when it does not, the generator writes
//!   `rename = "..."`.

use std::collections::BTreeSet;

use heck::{ToLowerCamelCase, ToSnakeCase, ToUpperCamelCase};

/// Strict and reserved keywords of Rust 2015–2024 that can be written as raw identifiers.
const RAW_KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
    "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return",
    "static", "struct", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use",
    "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers.
const NON_RAW_KEYWORDS: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Replaces every character that cannot be part of an identifier word by a space, so heck treats
/// it as a word boundary. Only ASCII letters and digits survive: identifiers stay ASCII.
fn words(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect()
}

/// Makes a bare word a usable identifier: keyword handling and the leading-digit prefix.
fn finish(mut ident: String, empty: &str, digit_prefix: &str) -> String {
    if ident.is_empty() {
        ident = empty.to_owned();
    }
    if ident.starts_with(|c: char| c.is_ascii_digit()) {
        ident.insert_str(0, digit_prefix);
    }
    if NON_RAW_KEYWORDS.contains(&ident.as_str()) {
        ident.push('_');
    } else if RAW_KEYWORDS.contains(&ident.as_str()) {
        ident.insert_str(0, "r#");
    }
    ident
}

/// The field identifier for a SCIM attribute name (`userName` → `user_name`, `type` → `r#type`,
/// `$ref` → `r#ref`, `self` → `self_`).
pub fn field_ident(wire: &str) -> String {
    finish(words(wire).to_snake_case(), "attribute", "_")
}

/// The type identifier for a SCIM name (`enterprise user` → `EnterpriseUser`).
pub fn type_ident(name: &str) -> String {
    finish(words(name).to_upper_camel_case(), "Type", "V")
}

/// The enum variant for a canonical value (`"work"` → `Work`, `"0"` → `V0`, `""` → `Empty`).
pub fn variant_ident(value: &str) -> String {
    finish(words(value).to_upper_camel_case(), "Empty", "V")
}

/// The type identifier of the struct or enum of the attribute `attr`, as the schema names it
/// (`name` → `Name`, `x509Certificate` → `X509Certificate`; the caller singularises first when
/// it should). The caller falls back to [`nested_type_ident`] when the name is taken.
pub fn attribute_type_ident(attr: &str) -> String {
    let part = words(attr).to_upper_camel_case();
    finish(part, "Value", "V")
}

/// The type identifier of a struct or enum nested in `owner` for the attribute `attr`
/// (`User` + `emails` → `UserEmails`; the caller singularises first when it should): the name
/// of a canonical-value enum of a sub-attribute, and the fallback when
/// [`attribute_type_ident`] is taken.
pub fn nested_type_ident(owner: &str, attr: &str) -> String {
    let mut part = words(attr).to_upper_camel_case();
    if part.is_empty() {
        part = "Value".to_owned();
    }
    finish(format!("{owner}{part}"), "Type", "V")
}

/// The type identifier of the enum of canonical values of `attr` in `owner`: the owner, then
/// the attribute (`Email` + `type` → `EmailType`), or the attribute alone when it already starts
/// with the owner's name as a whole word (`User` + `userType` → `UserType`, not
/// `UserUserType`; but `Im` + `image` → `ImImage`).
pub fn enum_type_ident(owner: &str, attr: &str) -> String {
    let part = words(attr).to_upper_camel_case();
    match part.strip_prefix(owner) {
        Some(rest) if !owner.is_empty() && rest.starts_with(|c: char| c.is_ascii_uppercase()) => {
            finish(part, "Value", "V")
        }
        _ => nested_type_ident(owner, attr),
    }
}

/// Names of the Rust prelude (2021) and its common types that a generated type must not take:
/// an `include!` of the generated code would shadow them in the including module.
pub const PRELUDE_TYPES: &[&str] = &[
    "AsMut",
    "AsRef",
    "Box",
    "Clone",
    "Copy",
    "Default",
    "DoubleEndedIterator",
    "Drop",
    "Eq",
    "Err",
    "ExactSizeIterator",
    "Extend",
    "Fn",
    "FnMut",
    "FnOnce",
    "From",
    "FromIterator",
    "Into",
    "IntoIterator",
    "Iterator",
    "None",
    "Ok",
    "Option",
    "Ord",
    "PartialEq",
    "PartialOrd",
    "Result",
    "Send",
    "Sized",
    "Some",
    "String",
    "Sync",
    "ToOwned",
    "ToString",
    "TryFrom",
    "TryInto",
    "Unpin",
    "Vec",
];

/// Singularises a multi-valued attribute name, by the rules the derive documentation gives:
/// `ies` → `y`; `sses`, `xes`, `ches`, `shes` drop `es`; otherwise one trailing `s` is dropped
/// unless the name ends in `ss`.
pub fn singular(name: &str) -> String {
    if let Some(stem) = name.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for suffix in ["sses", "xes", "ches", "shes"] {
        if name.len() > suffix.len() && name.ends_with(suffix) {
            return name[..name.len() - 2].to_owned();
        }
    }
    if name.len() > 1 && name.ends_with('s') && !name.ends_with("ss") {
        return name[..name.len() - 1].to_owned();
    }
    name.to_owned()
}

/// The identifier without its `r#` prefix.
pub fn unraw(ident: &str) -> &str {
    ident.strip_prefix("r#").unwrap_or(ident)
}

/// Whether a field named `ident` needs `rename = "wire"`: true when heck `lowerCamelCase` of the
/// ident (without `r#`) is not exactly the wire name.
pub fn needs_rename(ident: &str, wire: &str) -> bool {
    unraw(ident).to_lower_camel_case() != wire
}

/// Whether a variant named `ident` needs `rename = "value"` (same rule as fields).
pub fn variant_needs_rename(ident: &str, value: &str) -> bool {
    needs_rename(ident, value)
}

/// The names taken in one scope (the fields of a struct, the variants of an enum, or the types
/// of a generated file). Membership only: the order of the names handed out is the order of the
/// calls, never the order of the set.
#[derive(Debug, Default, Clone)]
pub struct Scope {
    taken: BTreeSet<String>,
}

impl Scope {
    /// An empty scope.
    pub fn new() -> Self {
        Self::default()
    }

    /// Marks `ident` as taken without handing it out (e.g. the common attributes `id`, `meta`).
    pub fn reserve(&mut self, ident: &str) {
        self.taken.insert(unraw(ident).to_owned());
    }

    /// Whether `ident` is taken.
    pub fn contains(&self, ident: &str) -> bool {
        self.taken.contains(unraw(ident))
    }

    /// Hands out `ident`, or `ident2`, `ident3`, ... if it is taken. A suffixed keyword is no
    /// longer a keyword, so `r#type` becomes `type2`; `self_` becomes `self_2`.
    pub fn claim(&mut self, ident: &str) -> String {
        if !self.contains(ident) {
            self.reserve(ident);
            return ident.to_owned();
        }
        let base = unraw(ident);
        let sep = if base.ends_with(|c: char| c.is_ascii_digit()) {
            "_"
        } else {
            ""
        };
        let mut n = 2usize;
        loop {
            let candidate = format!("{base}{sep}{n}");
            if !self.contains(&candidate) {
                self.reserve(&candidate);
                return candidate;
            }
            n += 1;
        }
    }

    /// Hands out the first of `candidates` that is free, else the first one with a suffix.
    pub fn claim_first(&mut self, candidates: &[&str]) -> String {
        for candidate in candidates {
            if !self.contains(candidate) {
                return self.claim(candidate);
            }
        }
        self.claim(candidates[0])
    }
}

/// A type name derived from a schema URN, for when the schema `name` is missing or shared:
/// the URN segments without `urn`, `ietf`, `params`, `scim`, `schemas`, `extension` and
/// version numbers, in PascalCase (`urn:ietf:params:scim:schemas:extension:sap:2.0:User` →
/// `SapUser`, `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User` → `EnterpriseUser`).
pub fn name_from_urn(urn: &str) -> String {
    const NOISE: &[&str] = &[
        "urn",
        "ietf",
        "params",
        "scim",
        "schemas",
        "schema",
        "extension",
    ];
    let kept: Vec<&str> = urn
        .split(':')
        .filter(|seg| !seg.is_empty())
        .filter(|seg| !NOISE.contains(&seg.to_ascii_lowercase().as_str()))
        .filter(|seg| !seg.chars().all(|c| c.is_ascii_digit() || c == '.'))
        .collect();
    let joined = if kept.is_empty() {
        urn.to_owned()
    } else {
        kept.join(" ")
    };
    type_ident(&joined)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_snake_case() {
        assert_eq!(field_ident("userName"), "user_name");
        assert_eq!(field_ident("x509Certificates"), "x509_certificates");
        assert_eq!(field_ident("test_attribute"), "test_attribute");
        assert_eq!(field_ident("externalId"), "external_id");
    }

    #[test]
    fn keywords_become_raw_or_get_an_underscore() {
        assert_eq!(field_ident("type"), "r#type");
        assert_eq!(field_ident("$ref"), "r#ref");
        assert_eq!(field_ident("async"), "r#async");
        assert_eq!(field_ident("self"), "self_");
        assert_eq!(field_ident("super"), "super_");
        assert_eq!(field_ident("crate"), "crate_");
        assert_eq!(type_ident("Self"), "Self_");
        assert_eq!(type_ident("self"), "Self_");
    }

    #[test]
    fn names_that_are_not_identifiers() {
        assert_eq!(field_ident("x-foo"), "x_foo");
        assert_eq!(field_ident("object.fieldName"), "object_field_name");
        assert_eq!(field_ident("2fa"), "_2fa");
        assert_eq!(field_ident("$"), "attribute");
        assert_eq!(field_ident("naïve"), "na_ve");
        assert_eq!(
            field_ident("urn:ietf:params:scim:schemas:extension:slack:guest:2.0:User"),
            "urn_ietf_params_scim_schemas_extension_slack_guest_2_0_user"
        );
        assert_eq!(
            type_ident("Service Provider Configuration"),
            "ServiceProviderConfiguration"
        );
        assert_eq!(type_ident("dev:scim:Office"), "DevScimOffice");
        assert_eq!(type_ident("3d"), "V3d");
    }

    #[test]
    fn variants_from_canonical_values() {
        assert_eq!(variant_ident("work"), "Work");
        assert_eq!(variant_ident("0"), "V0");
        assert_eq!(variant_ident("urn:x"), "UrnX");
        assert_eq!(variant_ident("mobile-phone"), "MobilePhone");
        assert_eq!(variant_ident(""), "Empty");
        assert_eq!(variant_ident("customAttribute10"), "CustomAttribute10");
    }

    #[test]
    fn rename_is_needed_exactly_when_the_default_rule_misses() {
        assert!(!needs_rename("user_name", "userName"));
        assert!(!needs_rename("r#type", "type"));
        assert!(!needs_rename("x509_certificates", "x509Certificates"));
        assert!(needs_rename("r#ref", "$ref"));
        assert!(!needs_rename("self_", "self"));
        assert!(needs_rename("x_foo", "x-foo"));
        assert!(needs_rename("test_attribute", "test_attribute"));
        assert!(needs_rename("user_name", "username"));
        assert!(variant_needs_rename("V0", "0"));
        assert!(!variant_needs_rename("Work", "work"));
        assert!(variant_needs_rename("Work", "Work"));
    }

    #[test]
    fn nested_types_keep_the_owner() {
        assert_eq!(nested_type_ident("User", "email"), "UserEmail");
        assert_eq!(
            nested_type_ident("SAPUser", "x509Certificate"),
            "SAPUserX509Certificate"
        );
        assert_eq!(nested_type_ident("User", "$ref"), "UserRef");
        assert_eq!(nested_type_ident("User", "2fa"), "User2fa");
        assert_eq!(nested_type_ident("User", "-"), "UserValue");
    }

    #[test]
    fn attribute_types_are_named_as_the_schema_reads() {
        assert_eq!(attribute_type_ident("name"), "Name");
        assert_eq!(attribute_type_ident("email"), "Email");
        assert_eq!(attribute_type_ident("x509Certificate"), "X509Certificate");
        assert_eq!(attribute_type_ident("$ref"), "Ref");
        assert_eq!(attribute_type_ident("2fa"), "V2fa");
        assert_eq!(attribute_type_ident("-"), "Value");
        assert_eq!(attribute_type_ident("self"), "Self_");
    }

    #[test]
    fn enums_name_their_owner_once() {
        assert_eq!(enum_type_ident("Email", "type"), "EmailType");
        assert_eq!(enum_type_ident("User", "userType"), "UserType");
        assert_eq!(
            enum_type_ident("Authorization", "type"),
            "AuthorizationType"
        );
        assert_eq!(enum_type_ident("Im", "image"), "ImImage");
        assert_eq!(enum_type_ident("User", "user"), "UserUser");
        assert_eq!(enum_type_ident("User", "-"), "UserValue");
    }

    #[test]
    fn singular_follows_the_contract() {
        assert_eq!(singular("emails"), "email");
        assert_eq!(singular("addresses"), "address");
        assert_eq!(singular("x509Certificates"), "x509Certificate");
        assert_eq!(singular("entitlements"), "entitlement");
        assert_eq!(singular("members"), "member");
        assert_eq!(singular("policies"), "policy");
        assert_eq!(singular("boxes"), "box");
        assert_eq!(singular("matches"), "match");
        assert_eq!(singular("wishes"), "wish");
        assert_eq!(singular("class"), "class");
        assert_eq!(singular("manager"), "manager");
        assert_eq!(singular("s"), "s");
        assert_eq!(singular("ies"), "y");
    }

    #[test]
    fn scopes_dedupe_deterministically() {
        let mut scope = Scope::new();
        scope.reserve("id");
        assert_eq!(scope.claim("user_name"), "user_name");
        assert_eq!(scope.claim("user_name"), "user_name2");
        assert_eq!(scope.claim("user_name"), "user_name3");
        assert_eq!(scope.claim("id"), "id2");
        assert_eq!(scope.claim("r#type"), "r#type");
        assert_eq!(scope.claim("r#type"), "type2");
        assert_eq!(scope.claim("v2"), "v2");
        assert_eq!(scope.claim("v2"), "v2_2");
        assert_eq!(scope.claim_first(&["other", "other_attributes"]), "other");
        assert_eq!(
            scope.claim_first(&["other", "other_attributes"]),
            "other_attributes"
        );
        assert_eq!(scope.claim_first(&["other", "other_attributes"]), "other2");
    }

    #[test]
    fn urn_names() {
        assert_eq!(
            name_from_urn("urn:ietf:params:scim:schemas:extension:sap:2.0:User"),
            "SapUser"
        );
        assert_eq!(
            name_from_urn("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"),
            "EnterpriseUser"
        );
        assert_eq!(
            name_from_urn("urn:ietf:params:scim:schemas:core:2.0:User"),
            "CoreUser"
        );
        assert_eq!(
            name_from_urn("urn:sap:cloud:scim:schemas:extension:custom:2.0:User"),
            "SapCloudCustomUser"
        );
        assert_eq!(name_from_urn("core"), "Core");
        assert_eq!(
            name_from_urn("urn:ietf:params:scim:schemas:extension:sap.odm:2.0:User"),
            "SapOdmUser"
        );
    }
}

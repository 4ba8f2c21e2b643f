//! Typed attribute paths: a path to every attribute of the RFC 7643 §8.2 user and of the
//! enterprise extension (§4.3), each with its wire form (RFC 7644 §3.10) and its definition,
//! and the APIs that take paths taking them as they take text.

use scim_runtime::attribute::{AttributeDef, Mutability, COMMON_ATTRIBUTES, SCHEMAS_ATTRIBUTE};
use scim_runtime::filter::Filter;
use scim_runtime::message::{SearchRequest, SortOrder};
use scim_runtime::path::{IntoAttrPath, TypedPath};
use scim_runtime::prelude::*;
use scim_runtime::{EnterpriseUser, Projection, User};

const ENTERPRISE: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

/// The definition a schema gives the attribute at `wire` (`attr` or `attr.sub`, in `table`).
fn schema_def(table: &'static [AttributeDef], wire: &str) -> &'static AttributeDef {
    let (attr, sub) = match wire.split_once('.') {
        Some((a, s)) => (a, Some(s)),
        None => (wire, None),
    };
    let top = table
        .iter()
        .find(|d| d.name == attr)
        .unwrap_or_else(|| panic!("no attribute `{attr}`"));
    match sub {
        None => top,
        Some(s) => top
            .sub_attribute(s)
            .unwrap_or_else(|| panic!("no sub-attribute `{wire}`")),
    }
}

/// Checks the wire form of `path` and that its definition is the schema's.
fn check<P: TypedPath + IntoAttrPath + core::fmt::Display>(
    path: P,
    table: &'static [AttributeDef],
    wire: &str,
) -> &'static str {
    let text = path.to_string();
    let local = text
        .strip_prefix(&format!("{ENTERPRISE}:"))
        .unwrap_or(&text);
    assert_eq!(path.path_text(), text, "path_text of {text}");
    assert_eq!(
        path.def(),
        schema_def(table, local),
        "the definition of `{text}`"
    );
    // The text parses as the attribute path it names.
    let parsed = path.into_attr_path().expect("a typed path parses");
    assert_eq!(parsed.to_string(), text);
    assert_eq!(text, wire);
    wire_leak(text)
}

fn wire_leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// Every attribute and sub-attribute of the core User schema (RFC 7643 §4.1, all of which the
/// §8.2 full representation uses), the common attributes, and the enterprise extension.
#[test]
fn a_path_to_every_attribute_of_the_full_user_and_the_enterprise_extension() {
    let u = User::paths;
    let core = User::SCHEMA.attributes;
    let mut seen = Vec::new();
    macro_rules! at {
        ($table:expr, $path:expr, $wire:literal) => {
            seen.push(check($path, $table, $wire))
        };
    }
    // The common attributes (RFC 7643 §3.1) and `schemas` (§3).
    let common: &'static [AttributeDef] = COMMON_ATTRIBUTES;
    at!(common, u().id(), "id");
    at!(common, u().external_id(), "externalId");
    assert_eq!(u().meta().to_string(), "meta");
    for (path, wire) in [
        (u().meta().resource_type().to_string(), "meta.resourceType"),
        (u().meta().created().to_string(), "meta.created"),
        (u().meta().last_modified().to_string(), "meta.lastModified"),
        (u().meta().location().to_string(), "meta.location"),
        (u().meta().version().to_string(), "meta.version"),
    ] {
        assert_eq!(path, wire);
    }
    assert_eq!(u().meta().created().def().mutability, Mutability::ReadOnly);
    assert_eq!(u().meta().def(), &COMMON_ATTRIBUTES[2]);
    assert_eq!(u().schemas().to_string(), "schemas");
    assert_eq!(u().schemas().def(), &SCHEMAS_ATTRIBUTE);

    at!(core, u().user_name(), "userName");
    at!(core, u().name(), "name");
    at!(core, u().name().formatted(), "name.formatted");
    at!(core, u().name().family_name(), "name.familyName");
    at!(core, u().name().given_name(), "name.givenName");
    at!(core, u().name().middle_name(), "name.middleName");
    at!(core, u().name().honorific_prefix(), "name.honorificPrefix");
    at!(core, u().name().honorific_suffix(), "name.honorificSuffix");
    at!(core, u().display_name(), "displayName");
    at!(core, u().nick_name(), "nickName");
    at!(core, u().profile_url(), "profileUrl");
    at!(core, u().title(), "title");
    at!(core, u().user_type(), "userType");
    at!(core, u().preferred_language(), "preferredLanguage");
    at!(core, u().locale(), "locale");
    at!(core, u().timezone(), "timezone");
    at!(core, u().active(), "active");
    at!(core, u().password(), "password");
    at!(core, u().emails(), "emails");
    at!(core, u().emails().value(), "emails.value");
    at!(core, u().emails().display(), "emails.display");
    at!(core, u().emails().r#type(), "emails.type");
    at!(core, u().emails().primary(), "emails.primary");
    at!(core, u().phone_numbers(), "phoneNumbers");
    at!(core, u().phone_numbers().value(), "phoneNumbers.value");
    at!(core, u().phone_numbers().display(), "phoneNumbers.display");
    at!(core, u().phone_numbers().r#type(), "phoneNumbers.type");
    at!(core, u().phone_numbers().primary(), "phoneNumbers.primary");
    at!(core, u().ims(), "ims");
    at!(core, u().ims().value(), "ims.value");
    at!(core, u().ims().display(), "ims.display");
    at!(core, u().ims().r#type(), "ims.type");
    at!(core, u().ims().primary(), "ims.primary");
    at!(core, u().photos(), "photos");
    at!(core, u().photos().value(), "photos.value");
    at!(core, u().photos().display(), "photos.display");
    at!(core, u().photos().r#type(), "photos.type");
    at!(core, u().photos().primary(), "photos.primary");
    at!(core, u().addresses(), "addresses");
    at!(core, u().addresses().formatted(), "addresses.formatted");
    at!(
        core,
        u().addresses().street_address(),
        "addresses.streetAddress"
    );
    at!(core, u().addresses().locality(), "addresses.locality");
    at!(core, u().addresses().region(), "addresses.region");
    at!(core, u().addresses().postal_code(), "addresses.postalCode");
    at!(core, u().addresses().country(), "addresses.country");
    at!(core, u().addresses().r#type(), "addresses.type");
    at!(core, u().groups(), "groups");
    at!(core, u().groups().value(), "groups.value");
    at!(core, u().groups().r#ref(), "groups.$ref");
    at!(core, u().groups().display(), "groups.display");
    at!(core, u().groups().r#type(), "groups.type");
    at!(core, u().entitlements(), "entitlements");
    at!(core, u().entitlements().value(), "entitlements.value");
    at!(core, u().entitlements().display(), "entitlements.display");
    at!(core, u().entitlements().r#type(), "entitlements.type");
    at!(core, u().entitlements().primary(), "entitlements.primary");
    at!(core, u().roles(), "roles");
    at!(core, u().roles().value(), "roles.value");
    at!(core, u().roles().display(), "roles.display");
    at!(core, u().roles().r#type(), "roles.type");
    at!(core, u().roles().primary(), "roles.primary");
    at!(core, u().x509_certificates(), "x509Certificates");
    at!(
        core,
        u().x509_certificates().value(),
        "x509Certificates.value"
    );
    at!(
        core,
        u().x509_certificates().display(),
        "x509Certificates.display"
    );
    at!(
        core,
        u().x509_certificates().r#type(),
        "x509Certificates.type"
    );
    at!(
        core,
        u().x509_certificates().primary(),
        "x509Certificates.primary"
    );

    // Every attribute and sub-attribute of the core schema has been named.
    let mut expected: Vec<String> = Vec::new();
    for a in core {
        expected.push(a.name.to_owned());
        expected.extend(
            a.sub_attributes
                .iter()
                .map(|s| format!("{}.{}", a.name, s.name)),
        );
    }
    let named: Vec<&str> = seen
        .iter()
        .copied()
        .filter(|w| *w != "id" && *w != "externalId")
        .collect();
    assert_eq!(named, expected, "every core attribute, in schema order");

    // The enterprise extension, through the resource, in the URN form (RFC 7644 §3.10).
    let e = || User::paths().enterprise_user();
    let ext = EnterpriseUser::SCHEMA.attributes;
    let mut seen_ext = Vec::new();
    macro_rules! ext {
        ($path:expr, $local:literal) => {
            seen_ext.push(check(
                $path,
                ext,
                concat!(
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:",
                    $local
                ),
            ))
        };
    }
    ext!(e().employee_number(), "employeeNumber");
    ext!(e().cost_center(), "costCenter");
    ext!(e().organization(), "organization");
    ext!(e().division(), "division");
    ext!(e().department(), "department");
    ext!(e().manager(), "manager");
    ext!(e().manager().value(), "manager.value");
    ext!(e().manager().r#ref(), "manager.$ref");
    ext!(e().manager().display_name(), "manager.displayName");
    let mut expected_ext: Vec<String> = Vec::new();
    for a in ext {
        expected_ext.push(format!("{ENTERPRISE}:{}", a.name));
        expected_ext.extend(
            a.sub_attributes
                .iter()
                .map(|s| format!("{ENTERPRISE}:{}.{}", a.name, s.name)),
        );
    }
    assert_eq!(seen_ext, expected_ext, "every enterprise attribute");
    assert_eq!(
        e().manager().display_name().def().mutability,
        Mutability::ReadOnly
    );
    assert_eq!(
        e().manager().value().schema(),
        Some(ENTERPRISE),
        "the schema of an extension path"
    );
    assert_eq!(e().manager().value().attribute(), "manager");
    assert_eq!(e().manager().value().sub_attribute(), Some("value"));
}

/// The filter builder, `Projection`, `SearchRequest` and sorting take typed paths as they take
/// text, with the same result.
#[test]
fn every_api_that_takes_a_path_takes_a_typed_one() {
    let p = User::paths();
    let typed = Filter::attr(p.name().family_name())
        .unwrap()
        .eq("Jensen")
        .and(
            Filter::attr(p.enterprise_user().manager().value())
                .unwrap()
                .pr(),
        );
    let text = Filter::attr("name.familyName").unwrap().eq("Jensen").and(
        Filter::attr(format!("{ENTERPRISE}:manager.value"))
            .unwrap()
            .pr(),
    );
    assert_eq!(typed, text);
    assert_eq!(
        Filter::value_path(p.emails(), Filter::attr("type").unwrap().eq("work")).unwrap(),
        Filter::value_path("emails", Filter::attr("type").unwrap().eq("work")).unwrap()
    );

    assert_eq!(
        Projection::attributes([p.user_name().path_text(), p.name().given_name().path_text()]),
        Projection::attributes(["userName", "name.givenName"])
    );
    assert_eq!(
        Projection::excluded_attributes([p.emails()]),
        Projection::excluded_attributes(["emails"])
    );
    assert_eq!(
        Projection::new([p.display_name()], [p.enterprise_user().manager()]),
        Projection::new(["displayName"], [format!("{ENTERPRISE}:manager")])
    );

    let search = SearchRequest::default()
        .with_sort_by(p.name().family_name(), SortOrder::Descending)
        .with_attributes([p.user_name()])
        .with_excluded_attributes([p.groups()]);
    assert_eq!(search.sort_by.as_deref(), Some("name.familyName"));
    assert_eq!(search.sort_order, Some(SortOrder::Descending));
    assert_eq!(search.attributes, ["userName"]);
    assert_eq!(search.excluded_attributes, ["groups"]);

    let mut users: Vec<User> = ["b", "c", "a"]
        .iter()
        .map(|n| User {
            user_name: Some((*n).to_owned()),
            ..User::default()
        })
        .collect();
    let by = p.user_name().into_attr_path().unwrap();
    scim_runtime::sort::sort_resources(&mut users, &by, SortOrder::Ascending);
    let names: Vec<_> = users.iter().map(|u| u.user_name.as_deref()).collect();
    assert_eq!(names, [Some("a"), Some("b"), Some("c")]);
}

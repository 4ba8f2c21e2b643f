//! Canonical values (RFC 7643 §7 `canonicalValues`) match as their attribute's `caseExact`
//! says (RFC 7643 §2.2): for a `caseExact: false` attribute `"WORK"` is `work`, and it is
//! written back as `"WORK"`; for a `caseExact: true` attribute `"WORK"` is a custom value. The
//! generated enums, derived enums and dynamic resources agree, in filters too.

use scim_runtime::dynamic::DynamicType;
use scim_runtime::filter::parse_filter;
use scim_runtime::prelude::*;
use scim_runtime::resources::{GroupMemberType, UserEmailType, UserPhoneNumberType};
use scim_runtime::{Context, Resource, ScimResource, User};
use serde_json::json;

/// A derived enum of a case-insensitive attribute (the RFC default), with a non-ASCII value.
#[derive(Clone, PartialEq, Eq, Hash, ScimResource)]
#[scim(canonical)]
pub enum Tier {
    Gold,
    #[scim(rename = "ära")]
    Era,
    #[scim(other)]
    Custom(String),
}

/// A derived enum of a `caseExact` attribute.
#[derive(Clone, PartialEq, Eq, Hash, ScimResource)]
#[scim(canonical, case_exact)]
pub enum Code {
    Alpha,
    #[scim(other)]
    Custom(String),
}

fn read<T: serde::de::DeserializeOwned>(text: &str) -> T {
    serde_json::from_value(json!(text)).unwrap()
}

#[test]
fn generated_enums_know_other_spellings_and_write_them_back() {
    let sent: UserEmailType = read("WORK");
    assert_eq!(
        sent,
        UserEmailType::Custom("WORK".into()),
        "the spelling is kept"
    );
    assert_eq!(sent.known(), Some(UserEmailType::Work));
    assert!(matches!(sent.known(), Some(UserEmailType::Work)));
    assert!(sent.is(&UserEmailType::Work));
    assert!(!sent.is(&UserEmailType::Home));
    assert_eq!(serde_json::to_value(&sent).unwrap(), "WORK");
    assert_eq!(sent.to_string(), "WORK");
    for spelling in ["work", "Work", "wOrK"] {
        let v: UserEmailType = read(spelling);
        assert_eq!(v.known(), Some(UserEmailType::Work), "{spelling}");
        assert_eq!(serde_json::to_value(&v).unwrap(), spelling);
    }
    // The exact spelling is the unit variant, as before.
    assert_eq!(read::<UserEmailType>("work"), UserEmailType::Work);
    assert_eq!(
        read::<UserPhoneNumberType>("MOBILE").known(),
        Some(UserPhoneNumberType::Mobile)
    );
    assert_eq!(
        read::<GroupMemberType>("GROUP").known(),
        Some(GroupMemberType::Group)
    );
    // A value that is no canonical value in any case is custom.
    let office: UserEmailType = read("office");
    assert_eq!(office.known(), None);
    assert!(!office.is(&UserEmailType::Work));
    assert!(office.is(&UserEmailType::Custom("OFFICE".into())));
    const { assert!(!UserEmailType::CASE_EXACT) };
}

#[test]
fn derived_enums_follow_case_exact() {
    let gold: Tier = read("GOLD");
    assert_eq!(gold.known(), Some(Tier::Gold));
    assert_eq!(serde_json::to_value(&gold).unwrap(), "GOLD");
    assert_eq!(
        read::<Tier>("ÄRA").known(),
        Some(Tier::Era),
        "case folds beyond ASCII"
    );
    assert_eq!(read::<Tier>("golden").known(), None);
    const { assert!(!Tier::CASE_EXACT) };

    // caseExact: only the exact spelling is the canonical value.
    const { assert!(Code::CASE_EXACT) };
    assert_eq!(read::<Code>("alpha"), Code::Alpha);
    assert_eq!(read::<Code>("alpha").known(), Some(Code::Alpha));
    let upper: Code = read("ALPHA");
    assert_eq!(upper, Code::Custom("ALPHA".into()));
    assert_eq!(upper.known(), None);
    assert!(!upper.is(&Code::Alpha));
    assert!(upper.is(&Code::Custom("ALPHA".into())));
    assert_eq!(serde_json::to_value(&upper).unwrap(), "ALPHA");
}

/// A user whose email type is sent as `"WORK"` reads, filters and writes back alike as a
/// typed `User` and as a dynamic resource.
#[test]
fn typed_and_dynamic_resources_agree_on_canonical_values() {
    let payload = json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
        "userName": "bjensen",
        "emails": [{"value": "bjensen@example.com", "type": "WORK"}]
    });
    let user: User = serde_json::from_value(payload.clone()).unwrap();
    let ty = user.emails[0].r#type.as_ref().unwrap();
    assert_eq!(ty.known(), Some(UserEmailType::Work));
    let schemas = User::schemas();
    let user_type =
        DynamicType::new("User", "/Users", &schemas[0], &[(&schemas[1], false)]).unwrap();
    let dynamic = user_type.from_value(payload).unwrap();

    for context in Context::ALL {
        let typed = user.to_json_in(context, None);
        assert_eq!(typed["emails"][0]["type"], "WORK", "{context}");
        assert_eq!(typed, dynamic.to_json_in(context, None), "{context}");
    }
    for (filter, expected) in [
        (r#"emails[type eq "work"]"#, true),
        (r#"emails[type eq "WORK"]"#, true),
        (r#"emails.type eq "Work""#, true),
        (r#"emails[type ne "work"]"#, false),
        (r#"emails[type sw "wo"]"#, true),
        (r#"emails[type eq "home"]"#, false),
    ] {
        let f = parse_filter(filter).unwrap();
        assert_eq!(f.matches(&user), expected, "typed: {filter}");
        assert_eq!(f.matches(&dynamic), expected, "dynamic: {filter}");
    }
    assert!(user.validate(Context::CreationRequest).is_ok());
    assert!(dynamic.validate(Context::CreationRequest).is_ok());
}

/// A resource whose attributes are the derived enums: the `case_exact` enum makes its
/// attribute `caseExact` in the schema, so filters and dynamic resources agree with `known()`.
#[derive(Clone, PartialEq, Default, ScimResource)]
#[scim(
    resource,
    schema = "urn:example:scim:schemas:core:2.0:Badge",
    name = "Badge",
    endpoint = "/Badges"
)]
pub struct Badge {
    pub id: Option<String>,
    pub external_id: Option<String>,
    pub meta: Option<scim_runtime::Meta>,
    pub tier: Option<Tier>,
    pub code: Option<Code>,
    /// caseExact on both the field and the enum.
    #[scim(case_exact)]
    pub codes: Vec<Code>,
}

#[test]
fn a_case_exact_enum_makes_its_attribute_case_exact_everywhere() {
    let attributes = &Badge::SCHEMA.attributes;
    assert!(!attributes[0].case_exact, "tier");
    assert!(attributes[1].case_exact, "code, from the enum");
    assert!(attributes[2].case_exact, "codes");
    let schema = Badge::schema();
    assert_eq!(schema.attributes[1].case_exact, Some(true));

    let payload = json!({"tier": "GOLD", "code": "ALPHA", "codes": ["alpha", "ALPHA"]});
    let badge: Badge = serde_json::from_value(payload.clone()).unwrap();
    assert_eq!(badge.tier.as_ref().and_then(Tier::known), Some(Tier::Gold));
    assert_eq!(badge.code.as_ref().and_then(Code::known), None);
    assert_eq!(badge.codes, [Code::Alpha, Code::Custom("ALPHA".into())]);
    let schemas = Badge::schemas();
    let ty = DynamicType::new("Badge", "/Badges", &schemas[0], &[]).unwrap();
    let dynamic = ty.from_value(payload).unwrap();
    assert_eq!(
        badge.to_json_in(Context::Default, None),
        dynamic.to_json_in(Context::Default, None)
    );
    for (filter, expected) in [
        (r#"tier eq "gold""#, true),
        (r#"code eq "alpha""#, false),
        (r#"code eq "ALPHA""#, true),
        (r#"codes eq "alpha""#, true),
        (r#"codes eq "Alpha""#, false),
    ] {
        let f = parse_filter(filter).unwrap();
        assert_eq!(f.matches(&badge), expected, "typed: {filter}");
        assert_eq!(f.matches(&dynamic), expected, "dynamic: {filter}");
    }
}

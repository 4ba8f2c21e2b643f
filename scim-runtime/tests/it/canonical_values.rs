//! Canonical values (RFC 7643 §7 `canonicalValues`) match as their attribute's `caseExact`
//! says (RFC 7643 §2.2): for a `caseExact: false` attribute `"WORK"` is `work`, and it is
//! written back as `"WORK"`; for a `caseExact: true` attribute `"WORK"` is a custom value. The
//! generated enums, derived enums and dynamic resources agree, in filters too.
//!
//! `==` and `Hash` follow `caseExact` as well (the derive writes them): `Custom("WORK") == Work`
//! unless the enum is `case_exact`, while `match` sees the spelling that was sent.

use scim_runtime::dynamic::DynamicType;
use scim_runtime::filter::parse_filter;
use scim_runtime::prelude::*;
use scim_runtime::resources::{EmailType, MemberType, PhoneNumberType};
use scim_runtime::{Context, Resource, ScimResource, User};
use serde_json::json;
use std::collections::HashSet;
use std::hash::{BuildHasher, Hash, RandomState};

/// Generated from a dump of Slack's `/Schemas` (`caseExact` absent, so `false`).
#[allow(clippy::all, missing_docs, dead_code)]
mod slack {
    include!("../../../scim-codegen/tests/golden/slack.rs");
}

/// Generated from a dump of SAP's `/Schemas`, whose `type` attributes are `caseExact: true`.
#[allow(clippy::all, missing_docs, dead_code)]
mod sap {
    include!("../../../scim-codegen/tests/golden/sap.rs");
}

/// A derived enum of a case-insensitive attribute (the RFC default), with a non-ASCII value.
#[derive(Clone, ScimResource)]
#[scim(canonical)]
pub enum Tier {
    Gold,
    #[scim(rename = "ära")]
    Era,
    #[scim(other)]
    Custom(String),
}

/// A derived enum of a `caseExact` attribute.
#[derive(Clone, ScimResource)]
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
    let sent: EmailType = read("WORK");
    assert!(
        matches!(&sent, EmailType::Custom(s) if s == "WORK"),
        "the spelling is kept"
    );
    assert_eq!(sent.known(), Some(EmailType::Work));
    assert!(matches!(sent.known(), Some(EmailType::Work)));
    assert!(sent.is(&EmailType::Work));
    assert!(!sent.is(&EmailType::Home));
    assert_eq!(serde_json::to_value(&sent).unwrap(), "WORK");
    assert_eq!(sent.to_string(), "WORK");
    for spelling in ["work", "Work", "wOrK"] {
        let v: EmailType = read(spelling);
        assert_eq!(v.known(), Some(EmailType::Work), "{spelling}");
        assert_eq!(serde_json::to_value(&v).unwrap(), spelling);
    }
    // The exact spelling is the unit variant, as before.
    assert!(matches!(read::<EmailType>("work"), EmailType::Work));
    assert_eq!(
        read::<PhoneNumberType>("MOBILE").known(),
        Some(PhoneNumberType::Mobile)
    );
    assert_eq!(read::<MemberType>("GROUP").known(), Some(MemberType::Group));
    // A value that is no canonical value in any case is custom.
    let office: EmailType = read("office");
    assert_eq!(office.known(), None);
    assert!(!office.is(&EmailType::Work));
    assert!(office.is(&EmailType::Custom("OFFICE".into())));
    const { assert!(!EmailType::CASE_EXACT) };
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
    assert!(matches!(read::<Code>("alpha"), Code::Alpha));
    assert_eq!(read::<Code>("alpha").known(), Some(Code::Alpha));
    let upper: Code = read("ALPHA");
    assert!(matches!(&upper, Code::Custom(s) if s == "ALPHA"));
    assert_eq!(upper.known(), None);
    assert!(!upper.is(&Code::Alpha));
    assert!(upper.is(&Code::Custom("ALPHA".into())));
    assert_eq!(serde_json::to_value(&upper).unwrap(), "ALPHA");
}

/// A user whose email type is sent as `"WORK"`, `"Work"` or `"wOrK"` reads, filters and writes back alike as a
/// typed `User` and as a dynamic resource.
#[test]
fn typed_and_dynamic_resources_agree_on_canonical_values() {
    let schemas = User::schemas();
    let user_type =
        DynamicType::new("User", "/Users", &schemas[0], &[(&schemas[1], false)]).unwrap();
    for spelling in ["WORK", "Work", "wOrK", "work"] {
        let payload = json!({
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
            "userName": "bjensen",
            "emails": [{"value": "bjensen@example.com", "type": spelling}]
        });
        let user: User = serde_json::from_value(payload.clone()).unwrap();
        let ty = user.emails[0].r#type.as_ref().unwrap();
        assert_eq!(ty.known(), Some(EmailType::Work), "{spelling}");
        assert_eq!(*ty, EmailType::Work, "{spelling}");
        let dynamic = user_type.from_value(payload).unwrap();

        for context in Context::ALL {
            let typed = user.to_json_in(context, None);
            assert_eq!(typed["emails"][0]["type"], spelling, "{context}");
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
            assert_eq!(f.matches(&user), expected, "typed {spelling}: {filter}");
            assert_eq!(
                f.matches(&dynamic),
                expected,
                "dynamic {spelling}: {filter}"
            );
        }
        assert!(user.validate(Context::CreationRequest).is_ok());
        assert!(dynamic.validate(Context::CreationRequest).is_ok());
    }
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
    assert!(matches!(
        badge.codes.as_slice(),
        [Code::Alpha, Code::Custom(s)] if s == "ALPHA"
    ));
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

fn hash_of<T: Hash>(state: &RandomState, value: &T) -> u64 {
    state.hash_one(value)
}

/// The spelling a value of any canonical enum holds: the unit variant's wire name, or what the
/// fallback keeps. Checked through serialization, which is what a peer receives.
fn wire<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned()
}

/// For a canonical enum that is not `caseExact`, every spelling of a canonical value is `==`
/// the unit variant (both ways round), hashes alike, collapses to one entry in a `HashSet`, and
/// still writes back exactly as sent; a value that is no canonical value is equal to its other
/// spellings only; different values stay different.
fn check_case_insensitive<T>(work: T, home: T)
where
    T: serde::de::DeserializeOwned + serde::Serialize + Eq + Hash + Clone + std::fmt::Debug,
{
    let state = RandomState::new();
    let spellings = ["WORK", "Work", "wOrK", "work"];
    for spelling in spellings {
        let v: T = read(spelling);
        assert_eq!(v, work, "{spelling} == the unit variant");
        assert_eq!(work, v, "the unit variant == {spelling}");
        assert_ne!(v, home, "{spelling}");
        assert_eq!(hash_of(&state, &v), hash_of(&state, &work), "{spelling}");
        assert_eq!(wire(&v), spelling, "written back as sent");
        assert_eq!(wire(&v.clone()), spelling, "a clone keeps the spelling");
    }
    let set: HashSet<T> = spellings.iter().map(|s| read(s)).collect();
    assert_eq!(set.len(), 1, "{set:?}");
    assert!(set.contains(&work));
    assert!(!set.contains(&home));

    let custom: T = read("Foo");
    let upper: T = read("FOO");
    assert_eq!(custom, upper, "custom values compare without case too");
    assert_eq!(hash_of(&state, &custom), hash_of(&state, &upper));
    assert_ne!(custom, work);
    assert_ne!(custom, read::<T>("Fool"));
    assert_eq!((wire(&custom), wire(&upper)), ("Foo".into(), "FOO".into()));
    let set: HashSet<T> = [custom, upper, work.clone(), read("WORK"), home].into();
    assert_eq!(set.len(), 3, "{set:?}");
}

#[test]
fn equality_follows_case_exact_for_the_standard_user() {
    check_case_insensitive(EmailType::Work, EmailType::Home);
    check_case_insensitive(PhoneNumberType::Work, PhoneNumberType::Home);
    // The fallback built by hand is the same value as the unit variant.
    assert_eq!(EmailType::Custom("WORK".into()), EmailType::Work);
    assert_eq!(
        EmailType::Custom("Foo".into()),
        EmailType::Custom("FOO".into())
    );
    assert_eq!(
        read::<MemberType>("user"),
        MemberType::User,
        "canonical value \"User\""
    );

    // A whole user compares as its attributes do: the email type sent as "WORK" is "work".
    let user = |ty: &str| -> User {
        serde_json::from_value(json!({
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
            "userName": "bjensen",
            "emails": [{"value": "bjensen@example.com", "type": ty}]
        }))
        .unwrap()
    };
    let (upper, lower) = (user("WORK"), user("work"));
    assert_eq!(upper.emails[0].r#type, Some(EmailType::Work));
    assert_eq!(upper, lower);
    assert_ne!(upper, user("home"));
    for context in Context::ALL {
        assert_eq!(
            upper.to_json_in(context, None)["emails"][0]["type"],
            "WORK",
            "{context}"
        );
    }
    // `match` is structural: it sees the spelling that was sent; `known()` is the way to match.
    let ty = upper.emails[0].r#type.clone().unwrap();
    assert!(!matches!(ty, EmailType::Work));
    assert!(matches!(ty.known(), Some(EmailType::Work)));
}

#[test]
fn equality_follows_case_exact_for_generated_types() {
    // Generated from a dump whose attributes are not caseExact.
    check_case_insensitive(slack::EmailType::Work, slack::EmailType::Home);
    let user: slack::User = serde_json::from_value(json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
        "userName": "bjensen",
        "emails": [{"value": "bjensen@example.com", "type": "wOrK"}]
    }))
    .unwrap();
    assert_eq!(user.emails[0].r#type, Some(slack::EmailType::Work));
    assert_eq!(
        serde_json::to_value(&user).unwrap()["emails"][0]["type"],
        "wOrK"
    );

    // Generated from a dump whose `type` attributes are caseExact: exact comparison.
    const { assert!(sap::EmailType::CASE_EXACT) };
    let upper: sap::EmailType = read("WORK");
    assert_ne!(upper, sap::EmailType::Work);
    assert_ne!(sap::EmailType::Work, upper);
    assert_eq!(upper, read::<sap::EmailType>("WORK"));
    assert_ne!(upper, read::<sap::EmailType>("Work"));
    assert_eq!(read::<sap::EmailType>("work"), sap::EmailType::Work);
    let set: HashSet<sap::EmailType> = ["WORK", "Work", "work", "work"]
        .iter()
        .map(|s| read(s))
        .collect();
    assert_eq!(set.len(), 3, "{set:?}");
    assert_eq!(wire(&upper), "WORK");
}

#[test]
fn equality_follows_case_exact_for_derived_enums() {
    let state = RandomState::new();
    for spelling in ["GOLD", "Gold", "gOlD", "gold"] {
        let v: Tier = read(spelling);
        assert_eq!(v, Tier::Gold, "{spelling}");
        assert_eq!(hash_of(&state, &v), hash_of(&state, &Tier::Gold));
        assert_eq!(wire(&v), spelling);
    }
    // Case folds beyond ASCII, as filters do.
    for spelling in ["ÄRA", "Ära", "ära"] {
        let v: Tier = read(spelling);
        assert_eq!(v, Tier::Era, "{spelling}");
        assert_eq!(hash_of(&state, &v), hash_of(&state, &Tier::Era));
        assert_eq!(wire(&v), spelling);
    }
    assert_ne!(read::<Tier>("golden"), Tier::Gold);
    assert_ne!(Tier::Gold, Tier::Era);
    let set: HashSet<Tier> = ["GOLD", "gold", "ÄRA", "ära", "x", "X"]
        .iter()
        .map(|s| read(s))
        .collect();
    assert_eq!(set.len(), 3, "{set:?}");

    // caseExact: exactly the wire text, which a hand-built fallback can hold too.
    assert_eq!(Code::Custom("alpha".into()), Code::Alpha);
    assert_eq!(
        hash_of(&state, &Code::Custom("alpha".into())),
        hash_of(&state, &Code::Alpha)
    );
    let upper: Code = read("ALPHA");
    assert_ne!(upper, Code::Alpha);
    assert_ne!(Code::Alpha, upper);
    assert_ne!(read::<Code>("Foo"), read::<Code>("FOO"));
    assert_eq!(read::<Code>("Foo"), read::<Code>("Foo"));
    let set: HashSet<Code> = ["ALPHA", "alpha", "Alpha", "alpha"]
        .iter()
        .map(|s| read(s))
        .collect();
    assert_eq!(set.len(), 3, "{set:?}");

    // A resource holding the enums compares as they do, and writes the spellings back.
    let a: Badge = serde_json::from_value(json!({"tier": "GOLD", "code": "alpha"})).unwrap();
    let b: Badge = serde_json::from_value(json!({"tier": "gold", "code": "alpha"})).unwrap();
    let c: Badge = serde_json::from_value(json!({"tier": "gold", "code": "ALPHA"})).unwrap();
    assert_eq!(a, b);
    assert_ne!(b, c);
    for context in Context::ALL {
        let out = a.to_json_in(context, None);
        assert_eq!(out["tier"], "GOLD", "{context}");
    }
}

/// An enum that keeps its own `PartialEq`, `Eq` and `Hash`: structural, as `#[derive]` writes.
#[derive(Clone, PartialEq, Eq, Hash, ScimResource)]
#[scim(canonical, skip_eq)]
pub enum Structural {
    Work,
    #[scim(other)]
    Custom(String),
}

#[test]
fn skip_eq_leaves_equality_to_the_user() {
    let upper: Structural = read("WORK");
    assert_ne!(upper, Structural::Work, "the user's derive is structural");
    assert!(upper.is(&Structural::Work), "is() still follows caseExact");
    assert_eq!(upper.known(), Some(Structural::Work));
    assert_eq!(wire(&upper), "WORK");
}

//! Filters evaluated against the RFC 7643 §8.2 full user (with the §8.3 enterprise extension),
//! through the typed `User` and through plain JSON: both must agree with the expected result.

use scim_runtime::filter::{Filter, FilterExt, JsonObject};
use scim_runtime::{Resource, User};
use serde_json::Value;

fn full_user_json() -> Value {
    crate::fixtures::full_enterprise_user()
}

/// (filter, matches the full user)
const CASES: &[(&str, bool)] = &[
    // RFC 7644 §3.4.2.2 examples, against bjensen.
    (r#"userName eq "bjensen@example.com""#, true),
    (r#"userName eq "BJENSEN@EXAMPLE.COM""#, true),
    (r#"name.familyName co "ense""#, true),
    (r#"name.familyName co "O'Malley""#, false),
    (r#"userName sw "bj""#, true),
    (r#"userName sw "J""#, false),
    (
        r#"urn:ietf:params:scim:schemas:core:2.0:User:userName sw "BJ""#,
        true,
    ),
    (r#"title pr"#, true),
    (r#"nickName pr"#, true),
    (r#"meta.lastModified gt "2011-05-13T04:42:34Z""#, false),
    (r#"meta.lastModified ge "2011-05-13T04:42:34Z""#, true),
    (r#"meta.lastModified lt "2011-05-13T04:42:34Z""#, false),
    (r#"meta.lastModified le "2011-05-13T04:42:34Z""#, true),
    // dateTimes compare as instants, not as text.
    (r#"meta.lastModified eq "2011-05-13T06:42:34+02:00""#, true),
    (r#"meta.created lt "2010-01-23T05:00:00+00:00""#, true),
    (r#"title pr and userType eq "Employee""#, true),
    (r#"title pr or userType eq "Intern""#, true),
    (
        r#"schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User""#,
        true,
    ),
    (r#"schemas eq "urn:example:other""#, false),
    (
        r#"userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")"#,
        true,
    ),
    (
        r#"userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")"#,
        false,
    ),
    (
        r#"userType eq "Employee" and (emails.type eq "work")"#,
        true,
    ),
    (
        r#"userType eq "Employee" and emails[type eq "work" and value co "@example.com"]"#,
        true,
    ),
    (
        r#"emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]"#,
        true,
    ),
    (
        r#"emails[type eq "home" and value co "@example.com"]"#,
        false,
    ),
    (r#"emails[type eq "home" and value co "@jensen.org"]"#, true),
    (r#"emails[primary eq true]"#, true),
    (r#"emails[primary eq true and type eq "home"]"#, false),
    // multi-valued: any value matches.
    (r#"emails.value ew "jensen.org""#, true),
    (r#"phoneNumbers.type eq "mobile""#, true),
    (r#"addresses.locality eq "HOLLYWOOD""#, true),
    // booleans, caseExact, numbers, null.
    (r#"active eq true"#, true),
    (r#"active eq false"#, false),
    (r#"active ne false"#, true),
    (r#"active gt true"#, false),
    (r#"id eq "2819C223-7F76-453A-919D-413861904646""#, false),
    (r#"id eq "2819c223-7f76-453a-919d-413861904646""#, true),
    (r#"externalId eq "701984""#, true),
    (r#"meta.resourceType eq "User""#, true),
    (r#"meta.resourceType eq "user""#, false),
    (r#"displayName eq null"#, false),
    (r#"locale ne null"#, true),
    (r#"profileUrl eq null"#, false),
    // absent attributes.
    (r#"preferredName pr"#, false),
    (r#"preferredName eq "x""#, false),
    (r#"preferredName ne "x""#, true),
    (r#"roles pr"#, false),
    (r#"not (roles pr)"#, true),
    // the enterprise extension, fully qualified.
    (
        r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "701984""#,
        true,
    ),
    (
        r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName sw "John""#,
        true,
    ),
    (
        r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:costCenter eq "4131""#,
        false,
    ),
    (r#"urn:example:nope:2.0:User:employeeNumber pr"#, false),
    // groups are readOnly but filterable.
    (r#"groups[display eq "Tour Guides"]"#, true),
    (
        r#"groups.value eq "fc348aa8-3835-40eb-a20b-c726e15c55b5""#,
        true,
    ),
    (r#"x509Certificates pr"#, true),
    // precedence: `and` binds tighter than `or`.
    (
        r#"userType eq "Intern" and title pr or nickName eq "Babs""#,
        true,
    ),
    (
        r#"userType eq "Intern" and (title pr or nickName eq "Babs")"#,
        false,
    ),
];

#[test]
fn filters_match_the_rfc_full_user() {
    let json = full_user_json();
    let user: User = scim_runtime::payload::from_value(json.clone()).unwrap();
    let map = json.as_object().unwrap();
    let as_json = JsonObject::resource(map, User::SCHEMA);
    let mut failures = Vec::new();
    for (text, expected) in CASES {
        let filter: Filter = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
        if filter.matches(&user) != *expected {
            failures.push(format!("typed: {text} should be {expected}"));
        }
        if as_json_matches(&filter, &as_json) != *expected {
            failures.push(format!("json: {text} should be {expected}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(CASES.len() >= 55);
}

fn as_json_matches(filter: &Filter, object: &JsonObject<'_>) -> bool {
    filter.matches(object)
}

#[test]
fn case_exact_is_honoured_on_custom_attributes() {
    use scim_runtime::{Meta, OtherAttributes, ScimResource};
    #[derive(Default, ScimResource)]
    #[scim(
        resource,
        schema = "urn:example:Thing",
        name = "Thing",
        endpoint = "/Things"
    )]
    struct Thing {
        id: Option<String>,
        external_id: Option<String>,
        meta: Option<Meta>,
        #[scim(case_exact)]
        code: Option<String>,
        label: Option<String>,
        #[scim(other)]
        other: OtherAttributes,
    }
    let thing = Thing {
        code: Some("AbC".into()),
        label: Some("AbC".into()),
        ..Default::default()
    };
    let check = |f: &str| f.parse::<Filter>().unwrap().matches(&thing);
    assert!(check(r#"code eq "AbC""#));
    assert!(!check(r#"code eq "abc""#));
    assert!(check(r#"label eq "abc""#));
    assert!(!check(r#"code sw "ab""#));
    assert!(check(r#"label sw "ab""#));
    // Non-ASCII case folding.
    let thing = Thing {
        label: Some("Ärger".into()),
        ..Default::default()
    };
    assert!(r#"label eq "ärger""#.parse::<Filter>().unwrap().matches(&thing));
}

//! `dateTime` values (RFC 7643 §2.3.5): read leniently where the instant is unambiguous, kept
//! as sent, ordered by instant, and refused with a typed error when they name no instant.

use scim_runtime::dynamic::DynamicType;
use scim_runtime::filter::{Filter, FilterExt, JsonObject};
use scim_runtime::message::SortOrder;
use scim_runtime::path::parse_path;
use scim_runtime::sort::sort_resources;
use scim_runtime::{payload, Context, DateTime, Resource, User};
use serde_json::{json, Value};
use time::macros::datetime;

fn user_type() -> DynamicType {
    let schemas = User::schemas();
    DynamicType::new("User", "/Users", &schemas[0], &[(&schemas[1], false)]).unwrap()
}

/// Spellings real peers send, and the instant each names.
const LENIENT: &[(&str, time::OffsetDateTime)] = &[
    ("2011-05-13T04:42:34Z", datetime!(2011-05-13 04:42:34 UTC)),
    ("2011-05-13T04:42:34z", datetime!(2011-05-13 04:42:34 UTC)),
    ("2011-05-13t04:42:34Z", datetime!(2011-05-13 04:42:34 UTC)),
    (
        "2011-05-13T06:42:34+02:00",
        datetime!(2011-05-13 04:42:34 UTC),
    ),
    (
        "2011-05-13T06:42:34+0200",
        datetime!(2011-05-13 04:42:34 UTC),
    ),
    ("2011-05-13T06:42:34+02", datetime!(2011-05-13 04:42:34 UTC)),
    (
        "2011-05-13T04:42:34+0000",
        datetime!(2011-05-13 04:42:34 UTC),
    ),
    (
        "2011-05-13T04:42:34-00:00",
        datetime!(2011-05-13 04:42:34 UTC),
    ),
    (
        "2011-05-13T01:12:34-0330",
        datetime!(2011-05-13 04:42:34 UTC),
    ),
    ("2011-05-13T04:42:34", datetime!(2011-05-13 04:42:34 UTC)),
    (
        "2011-05-13T04:42:34.5Z",
        datetime!(2011-05-13 04:42:34.5 UTC),
    ),
    (
        "2011-05-13T04:42:34.123456789Z",
        datetime!(2011-05-13 04:42:34.123456789 UTC),
    ),
    (
        "2011-05-13T04:42:34.1234567891234+0000",
        datetime!(2011-05-13 04:42:34.123456789 UTC),
    ),
    (
        "2016-12-31T23:59:60Z",
        datetime!(2016-12-31 23:59:59.999999999 UTC),
    ),
    ("2000-02-29T00:00:00Z", datetime!(2000-02-29 00:00:00 UTC)),
    ("0001-01-01T00:00:00Z", datetime!(0001-01-01 00:00:00 UTC)),
    ("9999-12-31T23:59:59Z", datetime!(9999-12-31 23:59:59 UTC)),
];

#[test]
fn lenient_spellings_name_their_instant_and_are_kept() {
    for (text, instant) in LENIENT {
        let value = DateTime::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(value.instant(), *instant, "{text}");
        assert_eq!(value.as_str(), *text);
        assert_eq!(serde_json::to_value(&value).unwrap(), json!(text));
    }
}

#[test]
fn a_java_offset_in_read_only_meta_is_read_and_written_back() {
    for (text, _) in LENIENT {
        let input = json!({
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
            "userName": "bjensen",
            "meta": {"resourceType": "User", "created": text, "lastModified": text}
        });
        let user: User =
            payload::from_value(input.clone()).unwrap_or_else(|e| panic!("{text}: {e}"));
        let written = user.to_json_in(Context::Default, None);
        assert_eq!(written["meta"]["lastModified"], json!(text));
        assert_eq!(written["meta"]["created"], json!(text));
        let dynamic = user_type()
            .from_value(input)
            .unwrap_or_else(|e| panic!("dynamic {text}: {e}"));
        let written = dynamic.to_json_in(Context::Default, None);
        assert_eq!(written["meta"]["lastModified"], json!(text));
    }
}

/// Values that name no instant, or are not xsd:dateTime at all.
const INVALID: &[&str] = &[
    "10000-01-01T00:00:00Z",
    "+2011-05-13T04:42:34Z",
    "-0001-01-01T00:00:00Z",
    "2011-13-01T00:00:00Z",
    "2011-00-01T00:00:00Z",
    "2011-02-30T00:00:00Z",
    "2011-02-29T00:00:00Z",
    "2011-04-31T00:00:00Z",
    "2011-05-13T25:00:00Z",
    "2011-05-13T24:00:00Z",
    "2011-05-13T04:60:00Z",
    "2011-05-13T04:42:60Z",
    "2011-05-13T04:42:61Z",
    "2011-05-13T04:42:34+24:00",
    "2011-05-13T04:42:34+02:60",
    "2011-05-13T04:42:34+2:00",
    "2011-05-13T04:42:34+020",
    "2011-05-13T04:42:34.Z",
    "2011-05-13T04:42Z",
    "2011-05-13",
    "2011-05-13 04:42:34Z",
    "2011-05-13T04:42:34ZZ",
    "2011-05-13T04:42:34 Z",
    "yesterday",
    "",
    "２０１１-05-13T04:42:34Z",
];

#[test]
fn instants_out_of_range_are_errors_not_the_epoch() {
    for text in INVALID {
        let err = DateTime::parse(text).expect_err(text);
        assert!(err.to_string().contains(&format!("`{text}`")), "{err}");
        let input = json!({"userName": "b", "meta": {"lastModified": text}});
        let err = payload::from_value::<User>(input.clone()).expect_err(text);
        assert!(
            err.to_string().contains("meta.lastModified"),
            "{text}: {err}"
        );
        assert!(user_type().from_value(input).is_err(), "dynamic {text}");
    }
}

#[test]
fn instants_rfc_3339_cannot_write_are_errors() {
    assert!(DateTime::from_instant(datetime!(-0001-01-01 00:00:00 UTC)).is_err());
    let odd =
        datetime!(2011-05-13 04:42:34 UTC).to_offset(time::UtcOffset::from_hms(1, 0, 30).unwrap());
    assert!(DateTime::from_instant(odd).is_err());
    let ok = DateTime::from_instant(datetime!(2011-05-13 06:42:34 +02:00)).unwrap();
    assert_eq!(ok.as_str(), "2011-05-13T06:42:34+02:00");
    assert_eq!(ok.instant(), datetime!(2011-05-13 04:42:34 UTC));
    let now = DateTime::now();
    assert_eq!(
        DateTime::parse(now.as_str()).unwrap().instant(),
        now.instant()
    );
}

#[test]
fn values_order_by_instant_and_equal_by_text() {
    let a = DateTime::parse("2011-05-13T06:42:34+02:00").unwrap();
    let b = DateTime::parse("2011-05-13T05:00:00Z").unwrap();
    assert!(a < b, "04:42:34Z is before 05:00:00Z");
    assert!(b > a);
    let same = DateTime::parse("2011-05-13T04:42:34Z").unwrap();
    assert_eq!(a.instant(), same.instant());
    assert_ne!(a, same, "the same instant spelled differently");
    assert_ne!(
        a.cmp(&same),
        core::cmp::Ordering::Equal,
        "Ord agrees with Eq"
    );
    assert_eq!(a.cmp(&a.clone()), core::cmp::Ordering::Equal);
    let mut sorted: Vec<DateTime> = [
        "2011-05-13T05:00:00Z",
        "2011-05-13T06:42:34+02:00",
        "2011-05-13T04:00:00-0100",
        "2011-05-13T04:42:34.5",
    ]
    .iter()
    .map(|t| DateTime::parse(t).unwrap())
    .collect();
    sorted.sort();
    let texts: Vec<&str> = sorted.iter().map(DateTime::as_str).collect();
    assert_eq!(
        texts,
        [
            "2011-05-13T06:42:34+02:00",
            "2011-05-13T04:42:34.5",
            // The same instant: the text breaks the tie, so that Ord agrees with Eq.
            "2011-05-13T04:00:00-0100",
            "2011-05-13T05:00:00Z",
        ]
    );
    // Hash agrees with Eq: the same text hashes alike.
    let set: std::collections::HashSet<DateTime> =
        [a.clone(), a.clone(), same.clone()].into_iter().collect();
    assert_eq!(set.len(), 2);
}

#[test]
fn filters_and_sorting_use_the_instant_and_the_text() {
    let input = json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
        "userName": "bjensen",
        "meta": {"lastModified": "2011-05-13T06:42:34+0200"}
    });
    let user: User = payload::from_value(input.clone()).unwrap();
    let dynamic = user_type().from_value(input.clone()).unwrap();
    let map = input.as_object().unwrap();
    let as_json = JsonObject::resource(map, User::SCHEMA);
    for (text, expected) in [
        (r#"meta.lastModified eq "2011-05-13T04:42:34Z""#, true),
        (r#"meta.lastModified lt "2011-05-13T05:00:00Z""#, true),
        (r#"meta.lastModified gt "2011-05-13T04:42:33.999Z""#, true),
        (r#"meta.lastModified sw "2011-05-13T06:42:34""#, true),
        (r#"meta.lastModified ew "+0200""#, true),
        (r#"meta.lastModified co "T06:42""#, true),
        (r#"meta.lastModified sw "2011-05-13T04:42:34Z""#, false),
        (r#"meta.lastModified eq 5"#, false),
        (r#"meta.lastModified ne 5"#, true),
    ] {
        let f: Filter = text.parse().unwrap();
        assert_eq!(f.evaluate(&user), Ok(expected), "typed {text}");
        assert_eq!(f.evaluate(&dynamic), Ok(expected), "dynamic {text}");
        assert_eq!(f.evaluate(&as_json), Ok(expected), "json {text}");
    }
    let exact = json!({"userName": "b", "meta": {"lastModified": "2011-05-13T04:42:34Z"}});
    let user: User = payload::from_value(exact).unwrap();
    let f: Filter = r#"meta.lastModified sw "2011-05-13T04:42:34Z""#.parse().unwrap();
    assert_eq!(f.evaluate(&user), Ok(true), "sw on exactly the value");

    let mut users: Vec<User> = ["2011-05-13T05:00:00Z", "2011-05-13T06:42:34+02:00"]
        .iter()
        .map(|t| payload::from_value(json!({"userName": t, "meta": {"lastModified": t}})).unwrap())
        .collect();
    sort_resources(
        &mut users,
        &parse_path("meta.lastModified").unwrap(),
        SortOrder::Ascending,
    );
    let names: Vec<Value> = users.iter().map(|u| json!(u.user_name)).collect();
    assert_eq!(
        names,
        [
            json!("2011-05-13T06:42:34+02:00"),
            json!("2011-05-13T05:00:00Z")
        ]
    );
}

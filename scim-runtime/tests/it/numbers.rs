//! Numbers are kept and compared exactly (feature `exact-numbers`, on by default), and every
//! part of the crate reads numbers with and without it: typed, derived and dynamic resources,
//! messages, PATCH, filters and sorting.
//!
//! Run with default features and with `--no-default-features`; only the tests that need every
//! digit are gated on the feature.

use scim_runtime::dynamic::DynamicType;
use scim_runtime::filter::{Filter, FilterExt};
use scim_runtime::message::{ListResponse, SearchRequest};
use scim_runtime::payload::{self, PayloadError};
#[cfg(feature = "exact-numbers")]
use scim_runtime::scalar::ExactNumber;
use scim_runtime::{
    Decimal, Meta, OtherAttributes, Resource, ScimResource, ServiceProviderConfig, User,
};
use serde_json::Value;

/// A resource with an integer and a decimal, as a user of the derive writes one.
#[derive(Clone, PartialEq, Default, ScimResource)]
#[scim(
    resource,
    schema = "urn:example:scim:schemas:Meter",
    name = "Meter",
    endpoint = "/Meters"
)]
struct Meter {
    id: Option<String>,
    external_id: Option<String>,
    meta: Option<Meta>,
    name: Option<String>,
    count: Option<i64>,
    reading: Option<Decimal>,
    readings: Vec<Decimal>,
    #[scim(other)]
    other: OtherAttributes,
}

fn meter_type() -> DynamicType {
    DynamicType::new("Meter", "/Meters", &Meter::schema(), &[]).unwrap()
}

#[cfg(feature = "exact-numbers")]
fn user_type() -> DynamicType {
    let schemas = User::schemas();
    DynamicType::new("User", "/Users", &schemas[0], &[(&schemas[1], false)]).unwrap()
}

/// Numbers every JSON parser must accept (RFC 8259 §6), some beyond `i64` and `f64`.
#[cfg(feature = "exact-numbers")]
const EXACT: &[&str] = &[
    "123456789012345678901234567890",
    "-123456789012345678901234567890",
    "18446744073709551616",
    "3.14159265358979323846264338327950288",
    "0.1000000000000000055511151231257827",
    "1e400",
    "-1e400",
    "1e-400",
    "-0",
    "1E+2",
    "-0.0",
    "12.50",
];

/// A User holding `n` in unknown attributes: at the top level, nested in arrays and objects,
/// and in an extension block the type does not know.
fn user_with(n: &str) -> String {
    format!(
        r#"{{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:example:ext:1.0:Foo"],
            "userName": "bjensen", "displayName": "Babs",
            "name": {{"givenName": "B", "xN": {n}}},
            "emails": [{{"value": "b@example.com", "xN": [{n}]}}],
            "xTop": {n},
            "xList": [1, {n}, [{n}]],
            "xObject": {{"deep": {{"n": {n}}}, "list": [{{"n": {n}}}]}},
            "urn:example:ext:1.0:Foo": {{"n": {n}, "list": [{n}]}}}}"#
    )
}

/// How serde_json writes `n` back under `arbitrary_precision`: the text as sent, except that
/// an exponent gets its sign (`1e400` is written `1e+400`); the value is the same.
#[cfg(feature = "exact-numbers")]
fn written_form(n: &str) -> String {
    let written = n.parse::<serde_json::Number>().unwrap().to_string();
    assert_eq!(ExactNumber::parse(&written), ExactNumber::parse(n), "{n}");
    assert!(ExactNumber::parse(n).is_some(), "{n}");
    written
}

/// Every place `user_with` put the number, as written back.
#[cfg(feature = "exact-numbers")]
fn assert_kept(written: &str, n: &str, what: &str) {
    let n = &written_form(n);
    for needle in [
        format!(r#""xTop":{n}"#),
        format!(r#""xList":[1,{n},[{n}]]"#),
        format!(r#""deep":{{"n":{n}}}"#),
        format!(r#""list":[{{"n":{n}}}]"#),
        // Unknown sub-attributes of known complex attributes.
        format!(r#""xN":{n}}}"#),
        format!(r#""xN":[{n}]}}"#),
        format!(r#""urn:example:ext:1.0:Foo":{{"list":[{n}],"n":{n}}}"#),
    ] {
        let found = written.contains(&needle)
            || written.contains(&needle.replace(r#"{"list":["#, r#"{"n":"#));
        // The extension block's keys may come in either order.
        let alt = format!(r#""urn:example:ext:1.0:Foo":{{"n":{n},"list":[{n}]}}"#);
        assert!(
            found || (needle.starts_with(r#""urn"#) && written.contains(&alt)),
            "{what}: `{needle}` not in {written}"
        );
    }
}

#[cfg(feature = "exact-numbers")]
#[test]
fn unknown_numbers_are_written_back_digit_for_digit() {
    use scim_runtime::message::PatchOp;
    use scim_runtime::Context;
    for n in EXACT {
        let text = user_with(n);
        let user: User = payload::from_str(&text).unwrap_or_else(|e| panic!("{n}: {e}"));
        assert_kept(&serde_json::to_string(&user).unwrap(), n, "typed to_string");
        let json = user.to_json_in(Context::Default, None);
        assert_kept(
            &serde_json::to_string(&json).unwrap(),
            n,
            "typed to_json_in",
        );
        for context in Context::ALL {
            let json = user.to_json_in(context, None);
            let written = serde_json::to_string(&json).unwrap();
            let n = written_form(n);
            assert!(
                written.contains(&format!(r#""xTop":{n}"#)),
                "{context:?}: {written}"
            );
        }

        let dynamic = user_type()
            .from_str(&text)
            .unwrap_or_else(|e| panic!("{n}: {e}"));
        let json = dynamic.to_json_in(Context::Default, None);
        assert_kept(
            &serde_json::to_string(&json).unwrap(),
            n,
            "dynamic to_json_in",
        );

        // A PATCH that touches another attribute leaves the numbers alone.
        let patch: PatchOp<User> = serde_json::from_str(
            r#"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                "Operations": [{"op": "replace", "path": "displayName", "value": "B"}]}"#,
        )
        .unwrap();
        let mut patched = user.clone();
        scim_runtime::patch::apply(&mut patched, &patch).unwrap_or_else(|e| panic!("{n}: {e}"));
        assert_eq!(patched.display_name.as_deref(), Some("B"));
        // serde_json's own `Value` round trip inside the typed PATCH engine reads `-0` as `0`:
        // the same value; every other spelling is kept.
        let kept = if *n == "-0" { "0" } else { n };
        assert_kept(
            &serde_json::to_string(&patched).unwrap(),
            kept,
            "typed patched",
        );
        let mut patched = dynamic.clone();
        patched
            .apply_patch(&patch)
            .unwrap_or_else(|e| panic!("{n}: {e}"));
        let json = patched.to_json_in(Context::Default, None);
        assert_kept(&serde_json::to_string(&json).unwrap(), n, "dynamic patched");
    }
}

#[cfg(feature = "exact-numbers")]
#[test]
fn decimals_keep_every_digit() {
    use scim_runtime::Context;
    for n in EXACT {
        let text = format!(r#"{{"name": "m", "reading": {n}, "readings": [{n}, 1]}}"#);
        let meter: Meter = payload::from_str(&text).unwrap_or_else(|e| panic!("{n}: {e}"));
        let n = &written_form(n);
        assert_eq!(
            meter.reading.as_ref().map(ToString::to_string).as_ref(),
            Some(n)
        );
        let json = meter.to_json_in(Context::Default, None);
        let written = serde_json::to_string(&json).unwrap();
        assert!(written.contains(&format!(r#""reading":{n}"#)), "{written}");
        assert!(
            written.contains(&format!(r#""readings":[{n},1]"#)),
            "{written}"
        );
        let direct = serde_json::to_string(&meter).unwrap();
        assert!(direct.contains(&format!(r#""reading":{n}"#)), "{direct}");
        assert_eq!(serde_json::from_str::<Value>(&direct).unwrap(), json);
        let dynamic = meter_type().from_str(&text).unwrap();
        let written = serde_json::to_string(&dynamic.to_json_in(Context::Default, None)).unwrap();
        assert!(written.contains(&format!(r#""reading":{n}"#)), "{written}");
    }
}

#[test]
fn integers_are_read_by_value_in_every_spelling() {
    for (text, value) in [
        ("42", 42),
        ("-0", 0),
        ("1E+2", 100),
        ("1e2", 100),
        ("42.0", 42),
        ("\"42\"", 42),
        ("-9007199254740991", -9_007_199_254_740_991),
    ] {
        let json = format!(r#"{{"count": {text}}}"#);
        let meter: Meter = payload::from_str(&json).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(meter.count, Some(value), "{text}");
        let dynamic = meter_type().from_str(&json).unwrap();
        assert_eq!(
            dynamic.as_json()["count"],
            Value::from(value),
            "dynamic {text}"
        );
    }
    #[cfg(feature = "exact-numbers")]
    for (text, value) in [
        ("9223372036854775807", i64::MAX),
        ("-9223372036854775808", i64::MIN),
    ] {
        let meter: Meter = payload::from_str(&format!(r#"{{"count": {text}}}"#)).unwrap();
        assert_eq!(meter.count, Some(value), "{text}");
    }
}

#[test]
fn integers_out_of_range_are_errors_with_their_path() {
    for text in [
        "9223372036854775808",
        "-9223372036854775809",
        "123456789012345678901234567890",
        "-123456789012345678901234567890",
        "1e400",
        "42.5",
        "1e-2",
    ] {
        let json = format!(r#"{{"name": "m", "count": {text}}}"#);
        let err = payload::from_str::<Meter>(&json).unwrap_err();
        let is_overflow = matches!(&err, PayloadError::Invalid { path, .. } if path == "count");
        // Without `exact-numbers`, serde_json itself refuses `1e400` while tokenizing.
        let tokenizer = cfg!(not(feature = "exact-numbers")) && text.contains("e400");
        assert!(is_overflow || tokenizer, "{text}: {err:?}");
        assert!(meter_type().from_str(&json).is_err(), "dynamic {text}");
        // Nested: the path names the attribute inside the ServiceProviderConfig.
        let spc = format!(
            r#"{{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
                "patch": {{"supported": true}}, "bulk": {{"supported": false, "maxOperations": 1,
                "maxPayloadSize": 1}}, "filter": {{"supported": true, "maxResults": {text}}},
                "changePassword": {{"supported": false}}, "sort": {{"supported": false}},
                "etag": {{"supported": false}}, "authenticationSchemes": []}}"#
        );
        let err = payload::from_str::<ServiceProviderConfig>(&spc).unwrap_err();
        let named =
            matches!(&err, PayloadError::Invalid { path, .. } if path == "filter.maxResults");
        assert!(named || tokenizer, "{text}: {err:?}");
    }
}

#[cfg(not(feature = "exact-numbers"))]
#[test]
fn without_exact_numbers_out_of_range_is_a_typed_error() {
    let err = payload::from_str::<User>(&user_with("1e400")).unwrap_err();
    assert!(
        matches!(
            err,
            PayloadError::Syntax { .. } | PayloadError::Invalid { .. }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("number out of range"), "{err}");
    // Within the f64 range, a number is read (rounded to an f64).
    let user: User = payload::from_str(&user_with("123456789012345678901234567890")).unwrap();
    assert_eq!(user.other["xTop"].as_f64(), Some(1.2345678901234568e29));
}

#[test]
fn message_integers_are_read_in_every_spelling() {
    for (text, value) in [("10", 10u64), ("\"10\"", 10), ("1E+1", 10), ("10.0", 10)] {
        let list: ListResponse<User> = payload::from_str(&format!(
            r#"{{"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
                "totalResults": {text}, "itemsPerPage": {text}, "startIndex": {text},
                "Resources": []}}"#
        ))
        .unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(list.total_results, Some(value));
        assert_eq!(list.items_per_page, Some(value));
        // A search request reads its members through `#[serde(flatten)]`.
        let search: SearchRequest = serde_json::from_str(&format!(
            r#"{{"schemas": ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
                "startIndex": {text}, "count": {text}, "xVendor": 123456789012345678901234567890}}"#
        ))
        .unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(search.start_index, Some(value));
        assert_eq!(search.count, Some(value));
    }
}

fn filter(text: &str) -> Filter {
    text.parse().unwrap_or_else(|e| panic!("{text}: {e}"))
}

#[test]
fn filters_compare_numbers_by_value() {
    let meter: Meter =
        payload::from_str(r#"{"name": "m", "count": 1, "reading": 2.50, "xN": 7}"#).unwrap();
    let dynamic = meter_type()
        .from_str(r#"{"name": "m", "count": 1, "reading": 2.50, "xN": 7}"#)
        .unwrap();
    for (text, expected) in [
        ("count eq 1.0", true),
        ("count eq 1e0", true),
        ("count eq 10e-1", true),
        ("count ne 1.0", false),
        ("count gt 0.5", true),
        ("count lt 1.5", true),
        ("count lt 1e400", true),
        ("count gt -1e400", true),
        ("count gt 123456789012345678901234567890", false),
        ("count eq \"1\"", false),
        ("count ne \"1\"", true),
        ("reading eq 2.5", true),
        ("reading ge 2.500000000000000000000000001", false),
        ("reading gt 2.499999999999999999999999999", true),
        ("xN eq 7.0", true),
        ("xN gt 6.99", true),
        ("count co 1", false),
    ] {
        let f = filter(text);
        assert_eq!(f.evaluate(&meter), Ok(expected), "typed {text}");
        assert_eq!(f.evaluate(&dynamic), Ok(expected), "dynamic {text}");
    }
}

#[cfg(feature = "exact-numbers")]
#[test]
fn filters_and_sorting_tell_big_numbers_apart() {
    use scim_runtime::filter::JsonObject;
    use scim_runtime::message::SortOrder;
    use scim_runtime::path::parse_path;
    use scim_runtime::sort::sort_resources;
    let big = "123456789012345678901234567890";
    let text = |n: &str| format!(r#"{{"name": "m", "reading": {n}, "xBig": {n}}}"#);
    let meter: Meter = payload::from_str(&text(big)).unwrap();
    let dynamic = meter_type().from_str(&text(big)).unwrap();
    let json: Value = serde_json::from_str(&text(big)).unwrap();
    let schema = Meter::SCHEMA;
    let as_json = JsonObject::resource(json.as_object().unwrap(), schema);
    for (f, expected) in [
        (format!("reading eq {big}"), true),
        (
            "reading eq 123456789012345678901234567891".to_owned(),
            false,
        ),
        ("reading lt 123456789012345678901234567891".to_owned(), true),
        ("reading gt 123456789012345678901234567889".to_owned(), true),
        (format!("xBig eq {big}"), true),
        ("xBig eq 123456789012345678901234567891".to_owned(), false),
        ("xBig eq 1.2345678901234568e29".to_owned(), false),
    ] {
        let f = filter(&f);
        assert_eq!(f.evaluate(&meter), Ok(expected), "typed {f}");
        assert_eq!(f.evaluate(&dynamic), Ok(expected), "dynamic {f}");
        assert_eq!(f.evaluate(&as_json), Ok(expected), "json {f}");
    }

    let readings = [
        "123456789012345678901234567891",
        "-123456789012345678901234567890",
        "123456789012345678901234567890",
        "1e400",
        "-0",
        "0.0000000000000000000000000001",
    ];
    let mut meters: Vec<Meter> = readings
        .iter()
        .map(|n| payload::from_str(&text(n)).unwrap())
        .collect();
    for path in ["reading", "xBig"] {
        sort_resources(
            &mut meters,
            &parse_path(path).unwrap(),
            SortOrder::Ascending,
        );
        let sorted: Vec<String> = meters
            .iter()
            .map(|m| m.reading.as_ref().unwrap().to_string().replace("e+", "e"))
            .collect();
        assert_eq!(
            sorted,
            [
                "-123456789012345678901234567890",
                "-0",
                "0.0000000000000000000000000001",
                "123456789012345678901234567890",
                "123456789012345678901234567891",
                "1e400",
            ],
            "{path}"
        );
    }
}

mod exact_order {
    use proptest::prelude::*;
    use scim_runtime::scalar::ExactNumber;

    /// `n` in one of several JSON spellings of the same value.
    fn spell(n: i64, how: u8) -> String {
        match how {
            0 => n.to_string(),
            1 => format!("{n}.0"),
            2 => format!("{n}e0"),
            3 => format!("{n}0e-1"),
            4 => format!("{n}.000E+0"),
            _ => {
                // n × 10^-3 × 10^3
                let sign = if n < 0 { "-" } else { "" };
                let abs = n.unsigned_abs();
                format!("{sign}{}.{:03}e3", abs / 1000, abs % 1000)
            }
        }
    }

    proptest! {
        // 2,000 pairs: exact order agrees with integer order, whatever the spelling.
        #![proptest_config(ProptestConfig::with_cases(2_000))]
        #[test]
        fn exact_numbers_order_as_integers(a in any::<i64>(), b in any::<i64>(), ha in 0u8..6, hb in 0u8..6) {
            let x = ExactNumber::parse(&spell(a, ha)).unwrap();
            let y = ExactNumber::parse(&spell(b, hb)).unwrap();
            prop_assert_eq!(x.cmp(&y), a.cmp(&b), "{} vs {}", spell(a, ha), spell(b, hb));
            prop_assert_eq!(x.to_i64(), Some(a));
            let same = ExactNumber::parse(&spell(a, hb)).unwrap();
            prop_assert_eq!(&x, &same);
        }

        // 2,000 pairs of decimals m × 10^e: compared through i128 at a common scale.
        #[test]
        fn exact_numbers_order_as_scaled_decimals(
            ma in -1_000_000i64..1_000_000, ea in -6i32..6,
            mb in -1_000_000i64..1_000_000, eb in -6i32..6,
        ) {
            let x = ExactNumber::parse(&format!("{ma}e{ea}")).unwrap();
            let y = ExactNumber::parse(&format!("{mb}E{eb:+}")).unwrap();
            let scale = |m: i64, e: i32| i128::from(m) * 10i128.pow((e + 6) as u32);
            prop_assert_eq!(x.cmp(&y), scale(ma, ea).cmp(&scale(mb, eb)));
        }
    }

    #[test]
    fn not_numbers_are_refused() {
        for text in [
            "", "-", "1.", ".5", "1e", "1e+", "+1", "0x10", "1_000", "NaN", "1 ", "--1",
        ] {
            assert_eq!(ExactNumber::parse(text), None, "{text:?}");
        }
    }
}

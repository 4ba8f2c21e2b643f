//! The filter parser (RFC 7644 §3.4.2.2) on any input: it never panics, and a filter it accepts
//! prints back to text that parses to the same tree, which evaluation against a user survives.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scim_runtime::filter::{parse_filter, FilterExt};
use scim_runtime::User;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(filter) = parse_filter(text) else {
        return;
    };
    let printed = filter.to_string();
    let again = parse_filter(&printed)
        .unwrap_or_else(|e| panic!("{text:?} printed as {printed:?}, which does not parse: {e}"));
    assert_eq!(again, filter, "{text:?} printed as {printed:?}");
    let user: User = serde_json::from_str(
        r#"{"userName": "bjensen", "name": {"givenName": "Barbara"}, "active": true,
            "emails": [{"value": "bjensen@example.com", "type": "work", "primary": true}],
            "meta": {"lastModified": "2011-05-13T04:42:34Z"}}"#,
    )
    .expect("a user");
    let _ = filter.matches(&user);
});

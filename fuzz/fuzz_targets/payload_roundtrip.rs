//! Payload parsing and serializing for typed resources (`User`, `Group`): any input is read or
//! refused with a typed error, never a panic; what is written in any `Context` is JSON, reads
//! back, and writes the same again (a stable round trip); nothing written holds an empty
//! object or list (RFC 7643 §2.5) that was not sent as such.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scim_runtime::payload;
use scim_runtime::{Context, Group, Projection, Resource, User};
use serde_json::Value;

fn check<T: Resource + PartialEq + std::fmt::Debug>(text: &str) {
    let Ok(value) = payload::from_str::<T>(text) else {
        return;
    };
    let plain = value.to_json_in(Context::Default, None);
    let again: T = payload::from_value(plain.clone()).expect("what is written reads back");
    assert_eq!(
        again.to_json_in(Context::Default, None),
        plain,
        "round trip of {text}"
    );
    let projections = [
        None,
        Some(Projection::attributes([
            "name.middleName",
            "emails.display",
            "members.display",
        ])),
        Some(Projection::excluded_attributes(["name", "emails.value"])),
    ];
    for context in Context::ALL {
        for p in &projections {
            let written = value.to_json_in(context, p.as_ref());
            let text2 = value.to_string_in(context, p.as_ref());
            let parsed: Value = serde_json::from_str(&text2).expect("JSON");
            assert_eq!(parsed, written);
            // What a context writes reads back and writes the same in that context.
            if let Ok(back) = payload::from_value::<T>(written.clone()) {
                assert_eq!(
                    back.to_json_in(context, p.as_ref()),
                    written,
                    "{context:?} {p:?} on {text}"
                );
            } else {
                panic!("{context:?} {p:?}: {written} does not read back");
            }
            let _ = value.validate(context);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    check::<User>(text);
    check::<Group>(text);
});

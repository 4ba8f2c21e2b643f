//! Typed and dynamic payloads agree (one behaviour for every input): a typed `User` with the
//! enterprise extension and a `DynamicResource` built from the same Schema documents accept
//! the same JSON text, refuse it with the same error (kind, path, `scimType`), serialize
//! identically in every `Context`, with and without projections, and validate alike.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use scim_runtime::dynamic::DynamicType;
use scim_runtime::payload::{self, PayloadError};
use scim_runtime::{Context, Projection, Resource, User};
use serde_json::Value;

fn user_type() -> &'static DynamicType {
    static TYPE: OnceLock<DynamicType> = OnceLock::new();
    TYPE.get_or_init(|| {
        let schemas = User::schemas();
        DynamicType::new("User", "/Users", &schemas[0], &[(&schemas[1], false)])
            .expect("the User type")
    })
}

fn projections() -> &'static [Option<Projection>] {
    static P: OnceLock<Vec<Option<Projection>>> = OnceLock::new();
    P.get_or_init(|| {
        vec![
            None,
            Some(Projection::attributes([
                "userName",
                "name.givenName",
                "emails.display",
            ])),
            Some(Projection::excluded_attributes([
                "name.familyName",
                "emails.value",
                "urn:example:ext:1.0:Foo",
            ])),
            Some(Projection::attributes([
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName",
                "urn:example:ext:1.0:Foo:bar",
                "colour.r",
            ])),
        ]
    })
}

/// What an error says: its `scimType`, path and whether it is a duplicate (the position, which
/// parsed JSON lacks, and the wording of other messages may differ).
fn error_of(e: &PayloadError) -> String {
    match e {
        PayloadError::Invalid {
            scim_type,
            path,
            message,
            ..
        } => format!(
            "{scim_type} at {path}, duplicate: {}",
            message.starts_with("duplicate attribute")
        ),
        PayloadError::Syntax { .. } => "syntax".to_owned(),
        PayloadError::Violations(v) => format!("{v}"),
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let typed = payload::from_str::<User>(text);
    let dynamic = user_type().from_str(text);
    let (typed, dynamic) = match (typed, dynamic) {
        (Ok(t), Ok(d)) => (t, d),
        (Err(_), Err(_)) => {
            // Which of several errors is reported depends on key order, which only parsed
            // JSON gives both readers alike: compare the errors there.
            if let Ok(value) = serde_json::from_str::<Value>(text) {
                let t = payload::from_value::<User>(value.clone());
                let d = user_type().from_value(value);
                match (t, d) {
                    (Err(t), Err(d)) => assert_eq!(error_of(&t), error_of(&d), "on {text}"),
                    (Ok(_), Ok(_)) => {}
                    (t, d) => panic!("typed {t:?} and dynamic {d:?} differ on parsed {text}"),
                }
            }
            return;
        }
        (t, d) => panic!("typed {t:?} and dynamic {d:?} differ on {text}"),
    };
    for context in Context::ALL {
        for p in projections() {
            let t = typed.to_json_in(context, p.as_ref());
            let d = dynamic.to_json_in(context, p.as_ref());
            assert_eq!(t, d, "{context:?} {p:?} on {text}");
            // The serialize-in-context path writes what to_json_in gives.
            let streamed: Value =
                serde_json::from_str(&typed.to_string_in(context, p.as_ref())).expect("JSON");
            assert_eq!(streamed, t);
        }
        let t = typed.validate(context).map_err(|v| v.to_string());
        let d = dynamic.validate(context).map_err(|v| v.to_string());
        assert_eq!(t, d, "validation in {context:?} on {text}");
        let t = typed.validate_strict(context).map_err(|v| v.to_string());
        let d = dynamic.validate_strict(context).map_err(|v| v.to_string());
        assert_eq!(t, d, "strict validation in {context:?} on {text}");
    }
});

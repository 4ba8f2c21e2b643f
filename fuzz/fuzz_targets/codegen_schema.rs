//! The generator's schema input: `scim_codegen` over arbitrary Schema (and ResourceType) JSON
//! never panics; it generates code or returns a typed error.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The input is split at the first NUL: schemas, then optionally resource types.
    let (schemas, resource_types) = match text.split_once('\0') {
        Some((s, r)) => (s, Some(r)),
        None => (text, None),
    };
    let mut config = scim_codegen::Config::new();
    config.input_json("Schemas.json", schemas);
    if let Some(r) = resource_types {
        config.input_json("ResourceTypes.json", r);
    }
    match config.generate() {
        Ok(generated) => assert!(generated.code.starts_with("// @generated")),
        Err(error) => {
            // A typed error that can be shown.
            let _ = error.to_string();
        }
    }
});

//! What a build script sees: errors as one line in `Debug` too, warnings with stable codes and
//! a policy (silence, print, deny, allow by code), extensions that no resource carries, and the
//! names the generator gave.

use scim_codegen::{Config, Error, NameKind, WarningCode, WarningPolicy};

/// A schema whose one attribute has no `type` object but a number: not readable.
const BAD: &str = r#"{"id": "urn:x:2.0:A", "attributes": [{"name": "a", "type": 7}]}"#;

/// A resource with an undocumented attribute, and no ResourceType: two warnings, the endpoint
/// guess first.
const QUIRKY: &str = r#"{"id": "urn:x:2.0:Device", "name": "Device", "description": "A device",
    "attributes": [{"name": "serial", "type": "string", "multiValued": false, "required": false,
      "caseExact": false, "mutability": "readWrite", "returned": "default", "uniqueness": "none"}]}"#;

#[test]
fn an_error_debugs_as_the_one_line_it_displays() {
    let error = Config::new()
        .input_json("bad.json", BAD)
        .generate()
        .unwrap_err();
    let line = error.to_string();
    assert!(
        line.starts_with("bad.json:1:38: urn:x:2.0:A / a: expected "),
        "{line}"
    );
    assert!(!line.contains('\n'), "{line}");
    // `fn main() -> Result<(), Error>` and `.unwrap()` print `Debug`.
    assert_eq!(format!("{error:?}"), line);
    assert_eq!(format!("{error:#?}"), line);
    // The parts stay reachable.
    let location = error.location().expect("a located error");
    assert_eq!(location.file, "bad.json");
    assert_eq!(location.schema_id.as_deref(), Some("urn:x:2.0:A"));
    assert_eq!(location.attribute_path.as_deref(), Some("a"));
    assert_eq!(location.position, Some((1, 38)));
    assert!(matches!(error, Error::Invalid { .. }));
}

#[test]
fn every_warning_code_is_distinct_and_reads_back() {
    let mut seen = std::collections::BTreeSet::new();
    for code in WarningCode::ALL {
        assert!(seen.insert(code.as_str()), "{code} twice");
        assert_eq!(code.as_str().parse::<WarningCode>(), Ok(*code));
        assert_eq!(code.to_string(), code.as_str());
    }
    let unknown = "no-such-code".parse::<WarningCode>().unwrap_err();
    assert!(unknown.to_string().contains("`no-such-code`"), "{unknown}");
}

#[test]
fn warnings_carry_their_code() {
    let generated = Config::new()
        .input_json("q.json", QUIRKY)
        .generate()
        .unwrap();
    let codes: Vec<WarningCode> = generated.warnings.iter().map(|w| w.code).collect();
    assert_eq!(
        codes,
        [WarningCode::NoDescription, WarningCode::GuessedEndpoint],
        "{:?}",
        generated.warnings
    );
}

#[test]
fn deny_fails_on_the_first_warning_and_allowed_codes_pass() {
    let printed = Config::new()
        .input_json("q.json", QUIRKY)
        .generate()
        .unwrap();
    let first = printed.warnings[0].clone();

    let error = Config::new()
        .input_json("q.json", QUIRKY)
        .warnings(WarningPolicy::Deny)
        .generate()
        .unwrap_err();
    assert_eq!(error.denied_warning(), Some(&first));
    let line = format!("{error:?}");
    assert_eq!(
        line,
        format!(
            "{first} [no-description] (warnings are denied; allow this one with \
             Config::allow_warning(WarningCode::NoDescription))"
        )
    );
    // generate_modules denies alike.
    assert!(Config::new()
        .input_json("q.json", QUIRKY)
        .warnings(WarningPolicy::Deny)
        .generate_modules()
        .is_err());

    // Allowing the first code moves the failure to the second warning.
    let error = Config::new()
        .input_json("q.json", QUIRKY)
        .warnings(WarningPolicy::Deny)
        .allow_warning(WarningCode::NoDescription)
        .generate()
        .unwrap_err();
    assert_eq!(
        error.denied_warning().map(|w| w.code),
        Some(WarningCode::GuessedEndpoint)
    );

    // Both allowed: the generation passes, with the same code, and reports neither.
    let allowed = Config::new()
        .input_json("q.json", QUIRKY)
        .warnings(WarningPolicy::Deny)
        .allow_warning(WarningCode::NoDescription)
        .allow_warning(WarningCode::GuessedEndpoint)
        .generate()
        .unwrap();
    assert!(allowed.warnings.is_empty(), "{:?}", allowed.warnings);
    assert_eq!(allowed.code, printed.code);

    // Silence keeps the warnings as data.
    let silent = Config::new()
        .input_json("q.json", QUIRKY)
        .warnings(WarningPolicy::Silence)
        .generate()
        .unwrap();
    assert_eq!(silent.warnings, printed.warnings);
}

fn schema(id: &str, name: &str) -> String {
    format!(
        r#"{{"id": "{id}", "name": "{name}", "description": "S", "attributes": [{{"name": "a",
            "type": "string", "multiValued": false, "required": false, "caseExact": false,
            "mutability": "readWrite", "returned": "default", "uniqueness": "none",
            "description": "d"}}]}}"#
    )
}

#[test]
fn an_extension_no_resource_carries_is_named_in_a_warning() {
    // Without ResourceTypes: no resource's id ends in `:Device`.
    let schemas = format!(
        "[{}, {}]",
        schema("urn:x:2.0:User", "User"),
        schema("urn:x:extension:corp:2.0:Device", "Device")
    );
    let generated = Config::new()
        .input_json("s.json", schemas)
        .generate()
        .unwrap();
    let unattached: Vec<_> = generated
        .warnings
        .iter()
        .filter(|w| w.code == WarningCode::UnattachedExtension)
        .collect();
    assert_eq!(unattached.len(), 1, "{:?}", generated.warnings);
    assert_eq!(
        unattached[0].schema_id.as_deref(),
        Some("urn:x:extension:corp:2.0:Device")
    );
    assert!(
        unattached[0]
            .message
            .contains("extension `urn:x:extension:corp:2.0:Device` is attached to no resource"),
        "{}",
        unattached[0]
    );
    assert!(generated.code.contains("pub struct Device {"));

    // With ResourceTypes: the only one that lists the extension has its schema missing.
    let schemas = format!(
        "[{}, {}]",
        schema("urn:x:2.0:User", "User"),
        schema("urn:x:extension:corp:2.0:User", "Corp")
    );
    let rts = r#"[{"id": "User", "name": "User", "endpoint": "/Users", "schema": "urn:x:2.0:User"},
        {"id": "Gone", "name": "Gone", "endpoint": "/Gone", "schema": "urn:x:2.0:Gone",
         "schemaExtensions": [{"schema": "urn:x:extension:corp:2.0:User", "required": false}]}]"#;
    let generated = Config::new()
        .input_json("s.json", schemas)
        .resource_types_json("rt.json", rts)
        .generate()
        .unwrap();
    let unattached: Vec<_> = generated
        .warnings
        .iter()
        .filter(|w| w.code == WarningCode::UnattachedExtension)
        .collect();
    assert_eq!(unattached.len(), 1, "{:?}", generated.warnings);
    assert!(unattached[0]
        .to_string()
        .contains("extension `urn:x:extension:corp:2.0:User` is attached to no resource (no ResourceType that is generated lists it in `schemaExtensions`)"));

    // An extension a resource carries gets no such warning.
    let schemas = format!(
        "[{}, {}]",
        schema("urn:x:2.0:User", "User"),
        schema("urn:x:extension:corp:2.0:User", "Corp")
    );
    let generated = Config::new()
        .input_json("s.json", schemas)
        .generate()
        .unwrap();
    assert!(!generated
        .warnings
        .iter()
        .any(|w| w.code == WarningCode::UnattachedExtension));
}

#[test]
fn a_directory_input_reads_its_json_files_in_name_order() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("codegen-dir-input");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("b.json"), schema("urn:x:2.0:Bravo", "Bravo")).unwrap();
    std::fs::write(dir.join("a.json"), schema("urn:x:2.0:Alpha", "Alpha")).unwrap();
    std::fs::write(dir.join("notes.txt"), "not a schema").unwrap();
    let generated = Config::new().input(&dir).generate().unwrap();
    assert!(generated
        .code
        .starts_with("// @generated by scim-codegen\n// from: a.json, b.json\n"));
    let alpha = generated.code.find("pub struct Alpha {").unwrap();
    let bravo = generated.code.find("pub struct Bravo {").unwrap();
    assert!(alpha < bravo);
}

#[test]
fn the_names_are_data_and_explained() {
    let schemas = format!(
        "[{}, {}]",
        schema("urn:x:2.0:User", "User"),
        schema("urn:x:extension:corp:2.0:User", "Corp")
    );
    let generated = Config::new()
        .input_json("s.json", schemas)
        .generate()
        .unwrap();
    let found = |kind: NameKind, scim: &str| {
        generated
            .names
            .iter()
            .find(|n| n.kind == kind && n.scim == scim)
            .map(|n| n.rust_path())
    };
    assert_eq!(found(NameKind::Resource, "User").as_deref(), Some("User"));
    assert_eq!(found(NameKind::Module, "User").as_deref(), Some("user"));
    assert_eq!(found(NameKind::Field, "a").as_deref(), Some("User.a"));
    assert_eq!(found(NameKind::Extension, "Corp").as_deref(), Some("Corp"));
    assert_eq!(
        found(NameKind::ExtensionField, "urn:x:extension:corp:2.0:User").as_deref(),
        Some("User.corp")
    );
    let explained = generated.explain();
    assert!(
        explained.starts_with("urn:x:2.0:User\n  resource "),
        "{explained}"
    );
    assert!(
        explained.contains("\n  extension field urn:x:extension:corp:2.0:User -> User.corp\n"),
        "{explained}"
    );
}

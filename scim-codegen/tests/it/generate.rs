//! Behaviour of the generator on small in-memory inputs: naming, quirks, decisions.

use scim_codegen::{Config, Error, Generated};

fn generate(schemas: &str) -> Generated {
    Config::new()
        .input_json("t.json", schemas)
        .generate()
        .unwrap_or_else(|e| panic!("{e}"))
}

fn attr(name: &str, extra: &str) -> String {
    format!(
        r#"{{"name": "{name}", "type": "string", "multiValued": false, "required": false, "caseExact": false,
            "mutability": "readWrite", "returned": "default", "uniqueness": "none", "description": "d"{extra}}}"#
    )
}

fn schema(id: &str, name: &str, attributes: &[String]) -> String {
    format!(
        r#"{{"id": "{id}", "name": "{name}", "description": "S", "attributes": [{}]}}"#,
        attributes.join(",")
    )
}

#[test]
fn names_that_need_care_keep_their_wire_name() {
    let g = generate(&schema(
        "urn:x:2.0:Thing",
        "Thing",
        &[
            attr(
                "$ref",
                r#", "type": "reference", "referenceTypes": ["external"]"#,
            ),
            attr("type", ""),
            attr("self", ""),
            attr("x-foo", ""),
            attr("object.fieldName", ""),
            attr("other", ""),
            attr("userName", ""),
            attr("user_name", ""),
            attr("2fa", ""),
        ],
    ));
    let code = &g.code;
    for expected in [
        "#[scim(rename = \"$ref\", reference_types(\"external\"))]\n    pub r#ref: ::core::option::Option<::scim_runtime::Reference>,",
        "pub r#type: ::core::option::Option<::std::string::String>,",
        "pub self_: ::core::option::Option<::std::string::String>,",
        "#[scim(rename = \"x-foo\")]\n    pub x_foo:",
        "#[scim(rename = \"object.fieldName\")]\n    pub object_field_name:",
        "pub other: ::core::option::Option<::std::string::String>,",
        "pub user_name: ::core::option::Option<::std::string::String>,",
        "#[scim(rename = \"user_name\")]\n    pub user_name2:",
        // heck's lowerCamelCase drops the leading `_`, so the default rule gives `2fa` back.
        "    pub _2fa: ::core::option::Option<::std::string::String>,",
        "#[scim(other)]\n    pub other_attributes: ::scim_runtime::OtherAttributes,",
    ] {
        assert!(code.contains(expected), "missing:\n{expected}\nin:\n{code}");
    }
}

#[test]
fn canonical_values_become_open_enums_for_strings_only() {
    let g = generate(&schema(
        "urn:x:2.0:Thing",
        "Thing",
        &[
            attr(
                "kind",
                r#", "canonicalValues": ["work", "0", "Custom", "urn:x", "work-phone"]"#,
            ),
            attr(
                "level",
                r#", "type": "integer", "canonicalValues": ["1", 2]"#,
            ),
        ],
    ));
    let code = &g.code;
    assert!(
        code.contains("pub kind: ::core::option::Option<ThingKind>,"),
        "{code}"
    );
    assert!(code.contains("pub enum ThingKind {"), "{code}");
    assert!(code.contains("    Work,\n"), "{code}");
    assert!(code.contains("#[scim(rename = \"0\")]\n    V0,"), "{code}");
    assert!(
        code.contains("#[scim(rename = \"Custom\")]\n    Custom,"),
        "{code}"
    );
    assert!(
        code.contains("#[scim(rename = \"urn:x\")]\n    UrnX,"),
        "{code}"
    );
    assert!(
        code.contains("#[scim(rename = \"work-phone\")]\n    WorkPhone,"),
        "{code}"
    );
    assert!(
        code.contains("#[scim(other)]\n    Custom2(::std::string::String),"),
        "{code}"
    );
    assert!(
        code.contains(
            "#[scim(canonical_values(1, 2))]\n    pub level: ::core::option::Option<i64>,"
        ),
        "{code}"
    );
    assert!(
        g.warnings
            .iter()
            .any(|w| w.message.contains("wrong JSON type")),
        "{:#?}",
        g.warnings
    );
}

/// A complex attribute's type is its name as the schema reads (`name` → `Name`); only a clash,
/// with a resource, an earlier type or a prelude name, puts the owner in front.
#[test]
fn complex_types_are_named_as_the_schema_reads_and_clashes_keep_the_owner() {
    let complex = |name: &str, multi: bool| {
        let sub = attr("value", "");
        format!(
            r#"{{"name": "{name}", "type": "complex", "multiValued": {multi}, "description": "c", "subAttributes": [{sub}]}}"#
        )
    };
    let user = schema(
        "urn:x:2.0:User",
        "User",
        &[
            complex("name", false),
            complex("groups", true),
            complex("string", false),
        ],
    );
    let group = schema(
        "urn:x:2.0:Group",
        "Group",
        &[complex("name", false), complex("members", true)],
    );
    let g = generate(&format!("[{user}, {group}]"));
    let code = &g.code;
    for expected in [
        // The first `name` reads as the schema does.
        "pub name: ::core::option::Option<Name>,",
        "pub struct Name {",
        // `Group` is the resource: the owner disambiguates.
        "pub groups: ::std::vec::Vec<UserGroup>,",
        "pub struct UserGroup {",
        // `String` would shadow the prelude in the module that includes the code.
        "pub string: ::core::option::Option<UserString>,",
        // The second `name` clashes with the first.
        "pub name: ::core::option::Option<GroupName>,",
        "pub struct GroupName {",
        "pub members: ::std::vec::Vec<Member>,",
    ] {
        assert!(code.contains(expected), "{expected} in:\n{code}");
    }
    assert!(!code.contains("pub struct String"), "{code}");
    assert_eq!(code.matches("pub struct Group {").count(), 1, "{code}");
    assert_eq!(code.matches("pub struct Name {").count(), 1, "{code}");
}

#[test]
fn complex_attributes_nest_and_singularise() {
    let sub = attr("value", "");
    let inner = format!(
        r#"{{"name": "policies", "type": "complex", "multiValued": true, "description": "p", "subAttributes": [{sub}]}}"#
    );
    let outer = format!(
        r#"{{"name": "addresses", "type": "complex", "multiValued": true, "description": "a", "subAttributes": [{sub}, {inner}]}}"#
    );
    let empty =
        r#"{"name": "data", "type": "complex", "multiValued": false, "description": "free form"}"#
            .to_owned();
    let g = generate(&schema("urn:x:2.0:User", "User", &[outer, empty]));
    let code = &g.code;
    assert!(
        code.contains("pub addresses: ::std::vec::Vec<Address>,"),
        "{code}"
    );
    assert!(
        code.contains("pub policies: ::std::vec::Vec<Policy>,"),
        "{code}"
    );
    assert!(
        code.contains("pub struct Data {\n    /// Attributes"),
        "{code}"
    );
    assert!(
        g.warnings
            .iter()
            .any(|w| w.attribute_path.as_deref() == Some("data")),
        "{:#?}",
        g.warnings
    );
}

#[test]
fn common_attributes_are_not_generated_again() {
    let g = generate(&schema(
        "urn:x:2.0:User",
        "User",
        &[
            attr("id", ""),
            attr("externalId", ""),
            attr("schemas", ""),
            attr("a", ""),
        ],
    ));
    assert_eq!(g.code.matches("pub id:").count(), 1);
    assert_eq!(g.code.matches("pub external_id:").count(), 1);
    assert!(!g.code.contains("pub schemas:"));
    assert_eq!(
        g.warnings
            .iter()
            .filter(|w| w.message.contains("RFC 7643 §3.1"))
            .count(),
        3
    );
}

#[test]
fn descriptions_are_docs_and_code_block_hazards_are_explicit() {
    let plain = format!(
        r#"{{"id": "urn:x:2.0:A", "name": "A", "description": "Line one\nline two", "attributes": [{}]}}"#,
        attr("a", "")
    );
    let g = generate(&plain);
    assert!(
        g.code.contains("/// Line one\n/// line two\n"),
        "{}",
        g.code
    );
    assert!(!g.code.contains("description ="), "{}", g.code);

    let indented = r#"{"id": "urn:x:2.0:A", "name": "A", "description": "Example:\n\n    let x = 1;", "attributes": []}"#;
    let g = generate(indented);
    assert!(
        g.code.contains("/// Example:\n///\n/// let x = 1;\n"),
        "{}",
        g.code
    );
    assert!(
        g.code
            .contains(r#"description = "Example:\n\n    let x = 1;""#),
        "{}",
        g.code
    );
}

#[test]
fn resource_types_name_resources_and_attach_extensions() {
    let schemas = format!(
        "[{}, {}]",
        schema("urn:x:2.0:User", "User", &[attr("a", "")]),
        schema("urn:x:extension:corp:2.0:User", "User", &[attr("b", "")])
    );
    let rts = r#"[{"id": "Person", "name": "Person", "endpoint": "People", "schema": "urn:x:2.0:User",
        "schemaExtensions": [{"schema": "urn:x:extension:corp:2.0:User", "required": "true"}]},
        {"id": "Me", "name": "Me", "endpoint": "/Me", "schema": "urn:x:2.0:User"}]"#;
    let g = Config::new()
        .input_json("s.json", schemas)
        .resource_types_json("rt.json", rts)
        .keep_required_extensions(true)
        .generate()
        .unwrap();
    let code = &g.code;
    assert!(
        code.contains("resource_type = \"Person\",\n    endpoint = \"/People\""),
        "{code}"
    );
    assert!(code.contains("pub struct Person {"), "{code}");
    assert!(code.contains("pub struct Me {"), "{code}");
    // The schema name `User` is free (the resources are named by their ResourceTypes).
    assert!(code.contains("pub struct User {"), "{code}");
    assert!(
        code.contains("#[scim(extension, required)]\n    pub user: ::core::option::Option<User>,"),
        "{code}"
    );
    assert!(g
        .warnings
        .iter()
        .any(|w| w.message.contains("no leading `/`")));
    assert!(g
        .warnings
        .iter()
        .any(|w| w.message.contains("the string \"true\"")));
}

#[test]
fn what_cannot_be_generated_is_an_error() {
    let meta = r#"{"id": "urn:ietf:params:scim:schemas:core:2.0:Schema", "attributes": []}"#;
    assert!(matches!(
        Config::new().input_json("m.json", meta).generate(),
        Err(Error::NothingToGenerate { .. })
    ));
    let rt = r#"{"id": "User", "name": "User", "endpoint": "/Users", "schema": "urn:x"}"#;
    assert!(matches!(
        Config::new().input_json("rt.json", rt).generate(),
        Err(Error::NoSchema { .. })
    ));
    assert!(matches!(Config::new().generate(), Err(Error::NoInput)));
    let a = schema("urn:x:2.0:A", "A", &[attr("a", "")]);
    let b = schema("urn:x:2.0:A", "A", &[attr("b", "")]);
    let e = Config::new()
        .input_json("a.json", a.clone())
        .input_json("b.json", b)
        .generate()
        .unwrap_err();
    assert!(matches!(e, Error::DuplicateSchema { .. }), "{e}");
    assert!(
        e.to_string().starts_with("b.json:1:1: urn:x:2.0:A: "),
        "{e}"
    );
    // The same definition twice (two dumps of one server) is fine.
    assert!(Config::new()
        .input_json("a.json", a.clone())
        .input_json("a2.json", a)
        .generate()
        .is_ok());
}

#[test]
fn never_panics_on_odd_json() {
    for doc in [
        "null",
        "1",
        "\"s\"",
        "[]",
        "{}",
        "[null, 1, []]",
        r#"{"Resources": null}"#,
        r#"{"Resources": 3}"#,
        r#"{"attributes": 1}"#,
        r#"{"id": 1, "attributes": []}"#,
        r#"{"id": "x", "attributes": [{"name": 1}]}"#,
        r#"{"id": "x", "attributes": [{"name": "a", "type": "complex", "subAttributes": "a b"}]}"#,
        r#"{"id": "x", "attributes": [{"name": "a", "canonicalValues": [{}, [], null, {"value": 1}]}]}"#,
        r#"{"id": "x", "name": "", "attributes": [{"name": "", "type": "string"}]}"#,
        r#"{"id": "x", "attributes": [{"name": "a", "multiValued": 7}]}"#,
        r#"{"id": "x", "attributes": [{"name": "a", "mutability": "sometimes"}]}"#,
        r#"[{"attributeURI": "urn:x", "attributeName": "urn:x", "subAttributes": "a"}]"#,
        r#"{"name": "urn:x:y", "type": "complex"}"#,
        r#"{"profile": {"schemas": "nope"}}"#,
        r#"{"schema": "urn:x", "endpoint": "/X", "schemaExtensions": [1, {"schema": 2}]}"#,
    ] {
        let _ = Config::new().input_json("odd.json", doc).generate();
    }
}

/// The derive writes `Debug` (redacting secrets), so the generated types must not derive it
/// too; nor `PartialEq`, `Eq` and `Hash` on canonical enums, which the derive writes to compare
/// as `caseExact` says; a `caseExact` attribute's enum matches its canonical values exactly
/// (RFC 7643 §2.2).
#[test]
fn generated_types_leave_debug_to_the_derive_and_mark_case_exact_enums() {
    let g = generate(&schema(
        "urn:x:2.0:Thing",
        "Thing",
        &[
            attr("kind", r#", "canonicalValues": ["a", "b"]"#),
            attr(
                "exactKind",
                r#", "caseExact": true, "canonicalValues": ["a", "b"]"#,
            ),
            attr(
                "secret",
                r#", "mutability": "writeOnly", "returned": "never""#,
            ),
        ],
    ));
    let code = &g.code;
    assert!(!code.contains("Debug"), "no Debug derive in:\n{code}");
    assert!(
        code.contains(
            "#[derive(::core::clone::Clone, ::scim_runtime::ScimResource)]\n\
             #[scim(canonical)]\npub enum ThingKind {"
        ),
        "{code}"
    );
    assert!(
        code.contains(
            "#[derive(::core::clone::Clone, ::scim_runtime::ScimResource)]\n\
             #[scim(canonical, case_exact)]\npub enum ThingExactKind {"
        ),
        "{code}"
    );
    assert!(!code.contains("Hash"), "no Hash derive in:\n{code}");
    assert!(
        !code.contains("::core::cmp::Eq"),
        "no Eq derive in:\n{code}"
    );
    assert!(
        code.contains("#[scim(mutability = \"writeOnly\", returned = \"never\")]\n    pub secret:"),
        "{code}"
    );
}

#[test]
fn attribute_required_overrides_a_characteristic_by_dotted_path_or_fails_on_a_typo() {
    let user = include_str!("../../../schemas/user.json");
    const USER: &str = "urn:ietf:params:scim:schemas:core:2.0:User";
    let generate_with = |overrides: &[(&str, &str, bool)]| {
        let mut config = Config::new();
        config.input_json("user.json", user);
        for (urn, path, required) in overrides {
            config.attribute_required(*urn, *path, *required);
        }
        config.generate()
    };
    let stock = generate_with(&[]).unwrap().code;
    assert!(stock.contains("    #[scim(required, uniqueness = \"server\")]\n    pub user_name:"));
    assert!(!stock.contains("    #[scim(required)]\n    pub family_name:"));

    // A sub-attribute by its dotted path, a top-level one turned off; URN and names in any case.
    let changed = generate_with(&[
        (&USER.to_uppercase(), "NAME.familyname", true),
        (USER, "userName", false),
    ])
    .unwrap()
    .code;
    assert!(changed.contains("    #[scim(required)]\n    pub family_name:"));
    assert!(changed.contains("    #[scim(uniqueness = \"server\")]\n    pub user_name:"));

    // A typo in the path, a path through a simple attribute, or another schema's URN: refused,
    // naming what was given.
    for (urn, path) in [
        (USER, "name.familyNam"),
        (USER, "userName.value"),
        ("urn:ietf:params:scim:schemas:core:2.0:Group", "userName"),
    ] {
        let err = generate_with(&[(urn, path, true)]).unwrap_err();
        assert!(
            matches!(&err, Error::UnknownOverride { schema, attribute } if schema == urn && attribute == path),
            "{err:?}"
        );
        assert!(err.to_string().contains(&format!("`{path}`")), "{err}");
        assert!(err.to_string().contains(urn), "{err}");
    }
}

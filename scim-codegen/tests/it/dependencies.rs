//! A build script that depends on the generator compiles no HTTP client and no argument
//! parser: `cargo tree` of the library's normal dependencies names none of them.

/// Crates that belong to the command (`scim-codegen-cli`), never to the library.
const FORBIDDEN: &[&str] = &["http", "reqwest", "hyper", "rustls", "tokio", "clap"];

#[test]
fn the_library_has_no_http_client_and_no_command_line_parser() {
    let names = test_peers::dependency_names("scim-codegen", &[]);
    assert!(names.iter().any(|n| n == "scim-codegen"), "{names:?}");
    assert!(names.iter().any(|n| n == "scim-runtime"), "{names:?}");
    let found: Vec<&String> = names
        .iter()
        .filter(|name| {
            FORBIDDEN
                .iter()
                .any(|f| name.as_str() == *f || name.starts_with(&format!("{f}-")))
        })
        .collect();
    assert!(
        found.is_empty(),
        "the generator library depends on {found:?}: {names:?}"
    );
}

//! A build script that depends on the generator compiles no HTTP client and no argument
//! parser: `cargo tree` of the library's normal dependencies names none of them.

use std::process::Command;

/// Crates that belong to the command (`scim-codegen-cli`), never to the library.
const FORBIDDEN: &[&str] = &["http", "reqwest", "hyper", "rustls", "tokio", "clap"];

#[test]
fn the_library_has_no_http_client_and_no_command_line_parser() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let out = Command::new(env!("CARGO"))
        .current_dir(root)
        .args(["tree", "-p", "scim-codegen", "-e", "normal"])
        .args(["--prefix", "none", "--format", "{p}"])
        .output()
        .expect("cargo runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let names: Vec<&str> = stdout
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    assert!(names.contains(&"scim-codegen"), "{stdout}");
    assert!(names.contains(&"scim-runtime"), "{stdout}");
    let found: Vec<&str> = names
        .iter()
        .copied()
        .filter(|name| {
            FORBIDDEN
                .iter()
                .any(|f| name == f || name.starts_with(&format!("{f}-")))
        })
        .collect();
    assert!(
        found.is_empty(),
        "the generator library depends on {found:?}:\n{stdout}"
    );
}

//! A real build script: a crate in a temporary directory whose `build.rs` uses the generator
//! as the README shows, built by cargo (offline, with the workspace's lockfile and a target
//! directory of its own under the workspace's, so that a second run is quick).

use std::path::{Path, PathBuf};
use std::process::Command;

use scim_codegen::{Config, WarningPolicy};

const BAD: &str = r#"{"id": "urn:x:2.0:A", "attributes": [{"name": "a", "type": 7}]}"#;

/// Two warnings: `serial` has no description, and no ResourceType gives the endpoint.
const QUIRKY: &str = r#"{"id": "urn:x:2.0:Device", "name": "Device", "description": "A device",
    "attributes": [{"name": "serial", "type": "string", "multiValued": false, "required": false,
      "caseExact": false, "mutability": "readWrite", "returned": "default", "uniqueness": "none"}]}"#;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Writes the fixture crate `name` with `build_rs` and the files `(path, text)`, builds it, and
/// returns whether the build passed, its stderr, and the fixture's directory.
fn build(name: &str, build_rs: &str, files: &[(&str, &str)]) -> (bool, String, PathBuf) {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("build-rs-fixtures");
    let dir = root.join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("src")).unwrap();
    let codegen = workspace().join("scim-codegen").canonicalize().unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
             [build-dependencies]\nscim-codegen = {{ path = {:?} }}\n\n[workspace]\n",
            codegen.display().to_string()
        ),
    )
    .unwrap();
    // The workspace's lockfile, so that the offline build finds every version it names.
    std::fs::copy(workspace().join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    std::fs::write(dir.join("build.rs"), build_rs).unwrap();
    std::fs::write(dir.join("src/lib.rs"), "//! A build-script fixture.\n").unwrap();
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .args(["build", "--offline", "--target-dir"])
        .arg(root.join("target"))
        .current_dir(&dir)
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("RUSTFLAGS")
        .env("CARGO_TERM_COLOR", "never")
        .output()
        .expect("cargo runs");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
        dir,
    )
}

#[test]
fn build_scripts_fail_with_the_one_line_message_and_deny_the_first_warning() {
    // `fn main() -> Result<(), Error>` as the README writes it: the error's one line.
    let expected = Config::new()
        .input_json("bad.json", BAD)
        .generate()
        .unwrap_err()
        .to_string();
    let (ok, stderr, _) = build(
        "fixture-bad-schema",
        "fn main() -> Result<(), scim_codegen::Error> {\n    \
         scim_codegen::compile_schemas(&[\"bad.json\"], \"scim.rs\")\n}\n",
        &[("bad.json", BAD)],
    );
    assert!(!ok, "{stderr}");
    assert!(
        stderr
            .lines()
            .any(|l| l.trim() == format!("Error: {expected}")),
        "expected `Error: {expected}` on a line of its own in:\n{stderr}"
    );
    assert!(!stderr.contains("Location {"), "{stderr}");

    // `.unwrap()` prints the same line.
    let (ok, stderr, _) = build(
        "fixture-bad-schema-unwrap",
        "fn main() {\n    scim_codegen::compile_schemas(&[\"bad.json\"], \"scim.rs\").unwrap();\n}\n",
        &[("bad.json", BAD)],
    );
    assert!(!ok, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "called `Result::unwrap()` on an `Err` value: {expected}\n"
        )),
        "{stderr}"
    );

    // Warnings denied: the first one fails the build, the second is not reached.
    let printed = Config::new()
        .input_json("q.json", QUIRKY)
        .generate()
        .unwrap();
    assert_eq!(printed.warnings.len(), 2);
    let (ok, stderr, _) = build(
        "fixture-deny",
        "fn main() -> Result<(), scim_codegen::Error> {\n    \
         scim_codegen::Config::new()\n        .input(\"q.json\")\n        \
         .warnings(scim_codegen::WarningPolicy::Deny)\n        .compile()\n        .map(|_| ())\n}\n",
        &[("q.json", QUIRKY)],
    );
    assert!(!ok, "{stderr}");
    let first = Config::new()
        .input_json("q.json", QUIRKY)
        .warnings(WarningPolicy::Deny)
        .generate()
        .unwrap_err()
        .to_string();
    assert!(
        stderr
            .lines()
            .any(|l| l.trim() == format!("Error: {first}")),
        "expected `Error: {first}` in:\n{stderr}"
    );
    assert!(!stderr.contains(&printed.warnings[1].message), "{stderr}");

    // Printed (the default), from a directory: every warning with its code, and the
    // directory watched.
    let (ok, stderr, dir) = build(
        "fixture-print",
        "fn main() -> Result<(), scim_codegen::Error> {\n    \
         scim_codegen::compile_schemas(&[\"schemas\"], \"scim.rs\")\n}\n",
        &[("schemas/q.json", QUIRKY)],
    );
    assert!(ok, "{stderr}");
    assert!(stderr.contains("[no-description]"), "{stderr}");
    assert!(stderr.contains("[guessed-endpoint]"), "{stderr}");
    let target = dir.parent().unwrap().join("target/debug/build");
    let outputs: Vec<String> = std::fs::read_dir(&target)
        .unwrap()
        .filter_map(|e| {
            let path = e.ok()?.path();
            let name = path.file_name()?.to_str()?.to_owned();
            name.starts_with("fixture-print-")
                .then(|| std::fs::read_to_string(path.join("output")).ok())
                .flatten()
        })
        .collect();
    assert!(
        outputs
            .iter()
            .any(|o| o.lines().any(|l| l == "cargo:rerun-if-changed=schemas")),
        "{outputs:?}"
    );
}

//! Golden files: the generated code for a few real dumps (in `testdata/schemas`), compared byte for byte with
//! `tests/golden/*.rs`. Run with `SCIM_CODEGEN_BLESS=1` to rewrite them after an intended change.

use std::path::{Path, PathBuf};

/// The inputs, copies of real dumps kept in the repository (`testdata/schemas`).
fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/schemas")
}

fn check(name: &str, inputs: &[&str], resource_types: &[&str]) {
    let corpus = corpus();
    let mut config = scim_codegen::Config::new();
    // The dumps as they are: an extension their ResourceTypes require is required.
    config.keep_required_extensions(true);
    config.inputs(inputs.iter().map(|f| corpus.join(f)));
    for rt in resource_types {
        config.resource_types(corpus.join(rt));
    }
    let generated = config.generate().unwrap_or_else(|e| panic!("{name}: {e}"));
    let golden = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(format!("{name}.rs"));
    if std::env::var_os("SCIM_CODEGEN_BLESS").is_some_and(|v| v == "1") {
        std::fs::write(&golden, &generated.code).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&golden).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with SCIM_CODEGEN_BLESS=1 to create it)",
            golden.display()
        )
    });
    if expected != generated.code {
        let line = expected
            .lines()
            .zip(generated.code.lines())
            .position(|(a, b)| a != b)
            .map_or_else(
                || expected.lines().count().min(generated.code.lines().count()) + 1,
                |i| i + 1,
            );
        panic!(
            "{} differs from the generated code, first at line {line}; \
             run with SCIM_CODEGEN_BLESS=1 to accept the new output",
            golden.display()
        );
    }
}

#[test]
fn rfc7643() {
    check(
        "rfc7643",
        &["rfc7643/rfc7643-8.7.1-resource-schemas.json"],
        &["rfc7643/rfc7643-figure8-resource-types.json"],
    );
}

#[test]
fn scim2_server_served() {
    check(
        "scim2_server_served",
        &["scim2-server/served-GET-Schemas.json"],
        &["scim2-server/served-GET-ResourceTypes.json"],
    );
}

#[test]
fn sap() {
    check(
        "sap",
        &["sap-cloud-identity-services/GET-scim-Schemas.json"],
        &[],
    );
}

#[test]
fn slack() {
    check("slack", &["slack/scim2-slack-schema.json"], &[]);
}

#[test]
fn univention() {
    check(
        "univention",
        &["univention-scim/scim-server-schemas.json"],
        &["univention-scim/scim-server-resource-types.json"],
    );
}

#[test]
fn scim_sdk_all_types() {
    check(
        "scim_sdk_all_types",
        &[
            "scim-sdk-captaingoldfish/test-all-types.json",
            "scim-sdk-captaingoldfish/enterprise-user.json",
        ],
        &["scim-sdk-captaingoldfish/type-all-types.json"],
    );
}

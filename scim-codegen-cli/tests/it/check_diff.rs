//! `scim-codegen check` and `scim-codegen diff`, tested as processes.

use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn corpus(path: &str) -> String {
    root()
        .join("testdata/schemas")
        .join(path)
        .display()
        .to_string()
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_scim-codegen"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn payload(name: &str, json: &str) -> String {
    let dir = std::env::temp_dir().join(format!("scim-codegen-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, json).unwrap();
    path.display().to_string()
}

fn rfc_schemas() -> Vec<String> {
    ["user", "group", "enterprise-user"]
        .iter()
        .map(|f| {
            root()
                .join("schemas")
                .join(format!("{f}.json"))
                .display()
                .to_string()
        })
        .collect()
}

#[test]
fn check_prints_the_payload_in_its_context() {
    let file = payload(
        "ok.json",
        r#"{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"1","USERNAME":"bjensen","password":"x",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"7"}}"#,
    );
    let rt = root()
        .join("schemas/resource-types.json")
        .display()
        .to_string();
    let s = rfc_schemas();
    let (code, out, err) = run(&[
        "check",
        "--schemas",
        &s[0],
        "--schemas",
        &s[1],
        "--schemas",
        &s[2],
        "--resource-types",
        &rt,
        "--resource",
        "User",
        "--context",
        "creation-request",
        &file,
    ]);
    assert_eq!(code, 0, "{out}{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["userName"], "bjensen");
    assert!(
        json.get("id").is_none(),
        "readOnly id dropped in a creation request: {out}"
    );
    assert_eq!(
        json["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]["employeeNumber"],
        "7"
    );
    // RFC 7643 Figure 8 makes the enterprise extension required.
    let missing = payload("no-ext.json", r#"{"userName":"bjensen"}"#);
    let (code, out, _) = run(&[
        "check",
        "--schemas",
        &s[0],
        "--schemas",
        &s[2],
        "--resource-types",
        &rt,
        "--resource",
        "user",
        "--context",
        "creation-request",
        &missing,
    ]);
    assert_eq!(code, 1);
    assert!(
        out.starts_with(
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User (invalidValue):"
        ),
        "{out}"
    );
}

#[test]
fn check_prints_every_violation_and_exits_1() {
    let file = payload(
        "bad.json",
        r#"{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"b","password":"x","emails":[{"value":"a","primary":true},{"value":"b","primary":true}]}"#,
    );
    let s = rfc_schemas();
    let (code, out, _) = run(&[
        "check",
        "--schemas",
        &s[0],
        "--resource",
        "User",
        "--context",
        "query-response",
        &file,
    ]);
    assert_eq!(code, 1, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(lines[0].starts_with("id (-): "), "{out}");
    assert!(lines[1].starts_with("password (-): "), "{out}");
    assert!(lines[2].starts_with("emails (invalidValue): "), "{out}");
}

#[test]
fn bad_input_is_one_line_with_the_position_and_exit_2() {
    let file = payload("trunc.json", "{\n  \"userName\": ");
    let s = rfc_schemas();
    let (code, _, err) = run(&[
        "check",
        "--schemas",
        &s[0],
        "--resource",
        "User",
        "--context",
        "default",
        &file,
    ]);
    assert_eq!(code, 2);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("trunc.json:2:") && err.contains("not valid JSON"),
        "{err}"
    );
    let broken = payload("schema.json", "[{\"id\": \"urn:x\", \"attributes\": [");
    let (code, _, err) = run(&[
        "check",
        "--schemas",
        &broken,
        "--resource",
        "User",
        "--context",
        "default",
        &file,
    ]);
    assert_eq!(code, 2);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("schema.json") && err.contains("line 1"),
        "{err}"
    );
    let (code, _, err) = run(&[
        "check",
        "--schemas",
        &s[0],
        "--resource",
        "Printer",
        "--context",
        "default",
        &file,
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no resource type `Printer`"), "{err}");
}

#[test]
fn diff_reports_breaking_drift_with_exit_1() {
    let (code, out, err) = run(&[
        "diff",
        &corpus("univention-scim/scim-server-schemas.older-cb74ded.json"),
        &corpus("univention-scim/scim-server-schemas.json"),
    ]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("breaking: urn:ietf:params:scim:schemas:extension:UniventionUser:2.0:User: schema removed"), "{out}");
    assert!(
        out.contains(
            "compatible: urn:ietf:params:scim:schemas:extension:DapUser:2.0:User: schema added"
        ),
        "{out}"
    );
}

#[test]
fn diff_of_definitions_and_served_output_is_clean() {
    let (code, out, err) = run(&[
        "diff",
        &corpus("scim2-server/default-schemas.json"),
        &corpus("scim2-server/served-GET-Schemas.json"),
    ]);
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
}

#[test]
fn diff_of_rfc7643_and_what_scim2_server_serves_is_breaking() {
    // scim2-server's schemas differ from RFC 7643 by more than spelled-out defaults.
    let (code, out, err) = run(&[
        "diff",
        &corpus("rfc7643/rfc7643-8.7.1-resource-schemas.json"),
        &corpus("scim2-server/served-GET-Schemas.json"),
    ]);
    assert_eq!(code, 1, "{out}{err}");
    let user = "urn:ietf:params:scim:schemas:core:2.0:User";
    let group = "urn:ietf:params:scim:schemas:core:2.0:Group";
    let enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    // Only the Group's `displayName`, required where the RFC 7643 §8.7.1 schema leaves it
    // optional, is breaking: code generated from that dump may send a Group without it. (The
    // standard `Group` requires it, as §4.2 does, so it has no such drift.) caseExact and referenceTypes keep
    // every payload's shape and are notices.
    let expected = [
        format!("notice: {user} / profileUrl: caseExact false -> true"),
        format!("notice: {user} / password: caseExact false -> true"),
        format!("notice: {user} / photos / value: caseExact false -> true"),
        format!("compatible: {user} / addresses / primary: optional attribute added"),
        format!("notice: {user} / groups / value: caseExact false -> true"),
        format!("notice: {user} / groups / $ref: caseExact false -> true"),
        format!(
            "notice: {user} / groups / $ref: referenceTypes [\"Group\", \"User\"] -> [\"Group\"]"
        ),
        format!("notice: {user} / x509Certificates / value: caseExact false -> true"),
        format!("breaking: {group} / displayName: required false -> true"),
        format!("notice: {group} / members / value: caseExact false -> true"),
        format!("notice: {group} / members / $ref: caseExact false -> true"),
        format!("compatible: {group} / members / display: optional attribute added"),
        format!("notice: {enterprise} / manager / value: caseExact false -> true"),
        format!("notice: {enterprise} / manager / $ref: caseExact false -> true"),
    ];
    assert_eq!(out.lines().collect::<Vec<_>>(), expected, "{err}");
}

#[test]
fn an_invalid_schema_document_is_one_line_with_file_and_position_and_exit_2() {
    // JSON, but not a valid schema: the error points at the attribute's line and column.
    let bad = payload(
        "bad-schema.json",
        "[{\"id\": \"urn:x:Thing\", \"name\": \"Thing\",\n  \"attributes\": [\n    {\"name\": \"a\", \"type\": \"string\", \"multiValued\": \"yes\"}]}]",
    );
    let good = corpus("scim2-server/served-GET-Schemas.json");
    let thing = payload("thing.json", "{\"a\": \"x\"}");
    for args in [
        vec!["diff", &bad, &good],
        vec!["diff", &good, &bad],
        vec![
            "check",
            "--schemas",
            &bad,
            "--resource",
            "Thing",
            "--context",
            "default",
            &thing,
        ],
    ] {
        let (code, out, err) = run(&args);
        assert_eq!((code, out.as_str()), (2, ""), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.starts_with("error: ")
                && err.contains(
                    "bad-schema.json:3:5: urn:x:Thing / a: expected `multiValued` to be true or false"
                ),
            "{err}"
        );
    }

    // A real one: the SCIM-SDK's deliberately invalid schema (writeOnly and returned always).
    let sdk = corpus("scim-sdk-captaingoldfish/bad-write-only-and-always.json");
    let (code, _, err) = run(&["diff", &sdk, &good]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("bad-write-only-and-always.json:9:5: urn:gold:params:scim:schemas:custom:2.0:Senseless / senseless: expected a writeOnly attribute not to be `returned: \"always\"`"),
        "{err}"
    );

    // A dump that is not JSON, on either side of a diff.
    let truncated = payload("truncated-dump.json", "{\"Resources\": [\n  {\"id\":");
    for args in [["diff", &truncated, &good], ["diff", &good, &truncated]] {
        let (code, _, err) = run(&args);
        assert_eq!(code, 2, "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains("truncated-dump.json: not valid JSON")
                && err.contains("at line 2 column 8"),
            "{err}"
        );
    }
}

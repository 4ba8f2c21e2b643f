//! Drift detection over real schema pairs: univention's older and current dumps, and
//! scim2-server's definition files against what it serves.

use scim_runtime::drift::{compare, Change, Severity};
use scim_runtime::message::ListResponse;
use scim_runtime::Schema;

fn corpus(path: &str) -> Vec<Schema> {
    let full = format!("{}/../testdata/schemas/{path}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"));
    scim_runtime::payload::from_str::<Vec<Schema>>(&text)
        .or_else(|_| {
            scim_runtime::payload::from_str::<ListResponse<Schema>>(&text).map(|l| l.resources)
        })
        .unwrap_or_else(|e| panic!("{full}: {e}"))
}

#[test]
fn univention_older_and_current() {
    let report = compare(
        &corpus("univention-scim/scim-server-schemas.older-cb74ded.json"),
        &corpus("univention-scim/scim-server-schemas.json"),
    );
    let summary: Vec<(&str, &Change, Severity)> = report
        .changes
        .iter()
        .map(|c| (c.schema.as_str(), &c.change, c.severity))
        .collect();
    assert_eq!(
        summary,
        [
            (
                "urn:ietf:params:scim:schemas:extension:UniventionUser:2.0:User",
                &Change::SchemaRemoved,
                Severity::Breaking
            ),
            (
                "urn:ietf:params:scim:schemas:extension:DapUser:2.0:User",
                &Change::SchemaAdded,
                Severity::Compatible
            ),
            (
                "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig",
                &Change::SchemaAdded,
                Severity::Compatible
            ),
        ]
    );
    assert!(report.is_breaking());
}

#[test]
fn spelling_out_defaults_is_not_drift() {
    // The served documents add `caseExact: false` and `uniqueness: "none"` to 21 attributes
    // whose definitions leave them out: the same characteristics, so no drift.
    let report = compare(
        &corpus("scim2-server/default-schemas.json"),
        &corpus("scim2-server/served-GET-Schemas.json"),
    );
    assert!(report.is_empty(), "{report}");
}

/// The standard types against the schemas a stock scim2-server served on loopback (the
/// capture of its `GET /Schemas`): its caseExact references and password, and the narrower
/// reference types of a User's `groups`, are notices, and nothing is breaking. (The Group's
/// `displayName` is required by both: RFC 7643 §4.2 says REQUIRED where its §8.7.1 schema says
/// `"required": false`, and the standard `Group` follows §4.2 as scim2-server does.)
#[test]
fn the_standard_types_against_a_stock_scim2_server_are_notices() {
    use scim_runtime::drift::{against, against_schemas};
    use scim_runtime::{Group, Resource, User};

    let full = format!(
        "{}/../testdata/scim2-server-captures/02-schemas.body",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"));
    let served = scim_runtime::payload::from_str::<ListResponse<Schema>>(&text)
        .unwrap_or_else(|e| panic!("{full}: {e}"))
        .resources;

    let user = against::<User>(&served);
    assert!(!user.is_breaking(), "{user}");
    assert_eq!(user.worst(), Some(Severity::Notice), "{user}");
    let case_exact = user
        .changes
        .iter()
        .filter(|d| {
            matches!(
                &d.change,
                Change::Characteristic {
                    name: "caseExact",
                    ..
                }
            )
        })
        .count();
    assert_eq!(case_exact, 8, "{user}");
    assert!(user
        .with_severity(Severity::Notice)
        .all(|d| matches!(&d.change, Change::Characteristic { name, .. } if ["caseExact", "referenceTypes"].contains(name))));

    let group = against::<Group>(&served);
    assert!(!group.is_breaking(), "{group}");
    assert_eq!(group.worst(), Some(Severity::Notice), "{group}");
    assert_eq!(group.with_severity(Severity::Notice).count(), 2, "{group}");
    assert!(
        !group.changes.iter().any(|d| d.path == "displayName"),
        "{group}"
    );

    // Every caseExact change of the two reports is a notice: 10 in all.
    let used: Vec<Schema> = User::schemas()
        .into_iter()
        .chain(Group::schemas())
        .collect();
    let all = against_schemas(&used, &served);
    let case_exact: Vec<Severity> = all
        .changes
        .iter()
        .filter(|d| {
            matches!(
                &d.change,
                Change::Characteristic {
                    name: "caseExact",
                    ..
                }
            )
        })
        .map(|d| d.severity)
        .collect();
    assert_eq!(case_exact, [Severity::Notice; 10]);
}

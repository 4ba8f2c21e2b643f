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

//! Every context case recorded from scim2-models 0.12.3 (`tools/scim2_models_contexts.py`,
//! results in `tests/fixtures/scim2_models/`), replayed against the typed model.
//!
//! Each case must give scim2-models' outcome: the same serialized JSON for a dump; for a
//! validation, success with the same resulting resource, or failure on the same attribute with
//! the same `scimType`. Where this library decides otherwise on purpose, the case is listed in
//! [`DEVIATIONS`] with the reason, and our own outcome is asserted instead.
//!
//! Deviations on inputs scim2-models has no recorded case for (the README lists them too):
//!
//! - An attribute given twice in one object (repeated exactly, or in another spelling, RFC
//!   7643 §2.1; known or unknown; or both in an extension's block and by its URN-qualified
//!   name, RFC 7644 §3.10) is refused with `invalidSyntax`, by typed and dynamic resources
//!   alike (`payload_edges.rs`, `dynamic_equals_static.rs`). scim2-models accepts it (Python's
//!   `json` keeps the last repeated key), but which is last depends on key order, which parsed
//!   JSON has lost: keeping it would make text and parsed input disagree.
//! - An attribute named `$serde_json::private::Number` is refused (`invalidValue`), typed and
//!   dynamic alike: serde_json reserves the key for numbers, so parsed JSON cannot hold it.
//!   scim2-models keeps it as an unknown attribute.
//! - A message member given twice in spellings that differ only in case (`Operations` and
//!   `operations`) is an error naming it; pydantic keeps one of them silently.
//! - An error about the value of a `writeOnly` or `returned: never` attribute names the
//!   attribute and the expected type, never the value; pydantic's errors quote the input.

use std::collections::BTreeMap;
use std::path::PathBuf;

use scim_runtime::payload::PayloadError;
use scim_runtime::{
    Context, Group, OtherAttributes, Projection, Resource, ScimResource, ScimType,
    ServiceProviderConfig, User,
};
use serde_json::Value;

/// A resource with one attribute per `returned` value, as the script defines it.
#[derive(Clone, PartialEq, Default, ScimResource)]
#[scim(
    resource,
    schema = "urn:example:params:scim:schemas:core:2.0:ReturnedProbe",
    name = "ReturnedProbe",
    endpoint = "/ReturnedProbes"
)]
pub struct ReturnedProbe {
    pub id: Option<String>,
    pub external_id: Option<String>,
    pub meta: Option<scim_runtime::Meta>,
    #[scim(returned = "always")]
    pub always_attr: Option<String>,
    pub default_attr: Option<String>,
    #[scim(returned = "request")]
    pub request_attr: Option<String>,
    #[scim(returned = "never")]
    pub never_attr: Option<String>,
    pub nested: Option<ProbeComplex>,
    #[scim(other)]
    pub other: OtherAttributes,
}

/// The nested probe.
#[derive(Clone, PartialEq, Default, ScimResource)]
#[scim(complex)]
pub struct ProbeComplex {
    #[scim(returned = "always")]
    pub always_attr: Option<String>,
    pub default_attr: Option<String>,
    #[scim(returned = "request")]
    pub request_attr: Option<String>,
    #[scim(returned = "never")]
    pub never_attr: Option<String>,
}

/// Cases where this library differs from scim2-models on purpose: (subject, reason).
const DEVIATIONS: &[(&str, &str)] = &[
    (
        "user-email-invalid",
        "RFC 7643 defines no syntax for emails.value; a peer's address is kept as sent, not refused",
    ),
    (
        "user-unknown-extension-schema-only",
        "an extension URN in `schemas` with no block carries no data; `schemas` is rebuilt from what is present",
    ),
    (
        "user-manager-without-ref",
        "the RFC 7643 §8.7.1 schema marks manager.$ref `required: false` (its prose says REQUIRED), and identity providers send a manager by its `value` alone",
    ),
];

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scim2_models")
}

fn read(name: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(dir().join(name)).unwrap()).unwrap()
}

fn context(name: &str) -> Option<Context> {
    Some(match name {
        "DEFAULT" => Context::Default,
        "RESOURCE_CREATION_REQUEST" => Context::CreationRequest,
        "RESOURCE_CREATION_RESPONSE" => Context::CreationResponse,
        "RESOURCE_QUERY_REQUEST" => Context::QueryRequest,
        "RESOURCE_QUERY_RESPONSE" => Context::QueryResponse,
        "RESOURCE_REPLACEMENT_REQUEST" => Context::ReplacementRequest,
        "RESOURCE_REPLACEMENT_RESPONSE" => Context::ReplacementResponse,
        "RESOURCE_PATCH_REQUEST" => Context::PatchRequest,
        "RESOURCE_PATCH_RESPONSE" => Context::PatchResponse,
        "SEARCH_REQUEST" => Context::SearchRequest,
        "SEARCH_RESPONSE" => Context::SearchResponse,
        // Bulk envelopes carry each operation's data in the context of its own request
        // (RFC 7644 §3.7), which the contexts above cover.
        _ => return None,
    })
}

fn projection(case: &Value) -> Option<Projection> {
    let p = case.get("response_parameters")?.as_object()?;
    let list = |k: &str| -> Vec<String> {
        p.get(k)
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    Some(Projection::new(
        list("attributes"),
        list("excluded_attributes"),
    ))
}

/// What our model gives for a case, as comparable JSON: the dump, or `{"ok": bool, ...}`.
enum Outcome {
    Ok(Value),
    Invalid {
        path: String,
        scim_type: Option<ScimType>,
    },
    Violations(Vec<(String, Option<ScimType>)>),
}

fn validate<T: Resource>(input: Value, ctx: Context) -> Outcome {
    match T::from_value_in(input, ctx) {
        Ok(v) => Outcome::Ok(serde_json::to_value(&v).unwrap()),
        Err(PayloadError::Violations(v)) => Outcome::Violations(
            v.iter()
                .map(|v| (v.path.clone(), v.scim_type.clone()))
                .collect(),
        ),
        Err(e @ PayloadError::Invalid { .. }) => {
            let scim_type = e.scim_type();
            let PayloadError::Invalid { path, .. } = e else {
                unreachable!()
            };
            Outcome::Invalid { path, scim_type }
        }
        Err(e) => panic!("unexpected syntax error: {e}"),
    }
}

fn dump<T: Resource>(input: Value, ctx: Context, projection: Option<&Projection>) -> Value {
    let value: T = scim_runtime::payload::from_value(input).unwrap();
    value.to_json_in(ctx, projection)
}

fn subject_outcome(subject: &str, input: Value, ctx: Context) -> Outcome {
    if subject.starts_with("group") {
        validate::<Group>(input, ctx)
    } else if subject.starts_with("service-provider-config") {
        validate::<ServiceProviderConfig>(input, ctx)
    } else {
        validate::<User>(input, ctx)
    }
}

/// The attribute path an error of scim2-models names: its location, joined with the field
/// its message quotes when the location is the object holding it.
fn expected_path(error: &Value) -> String {
    let path = error["path"].as_str().unwrap_or_default();
    let message = error["message"].as_str().unwrap_or_default();
    let field = message
        .strip_prefix("Field '")
        .and_then(|m| m.split('\'').next());
    match (path, field) {
        (p, Some(f)) if !p.ends_with(f) => {
            if p.is_empty() {
                f.to_owned()
            } else if p.starts_with("urn:") && !p.contains(':') {
                format!("{p}:{f}")
            } else {
                format!("{p}.{f}")
            }
        }
        (p, _) => p.to_owned(),
    }
}

#[test]
fn every_recorded_case_matches_scim2_models() {
    let index = read("index.json");
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    for case in index["cases"].as_array().unwrap() {
        let file = case["file"].as_str().unwrap();
        let subject = case["subject"].as_str().unwrap();
        let Some(ctx) = context(case["context"].as_str().unwrap()) else {
            *counts.entry("skipped: bulk context").or_default() += 1;
            continue;
        };
        // Unknown attributes are kept (what scim2-models does with its `keep` policy).
        if file.contains(".policy_") && !file.contains(".policy_keep") {
            *counts
                .entry("skipped: other unknown-attribute policies")
                .or_default() += 1;
            continue;
        }
        if subject.starts_with("user-unknown")
            && !file.contains(".policy_")
            && case["operation"] == "validate"
        {
            *counts
                .entry("skipped: default policy forbids unknown attributes; compared with `keep`")
                .or_default() += 1;
            continue;
        }
        let input = read(&format!("{subject}.input.json"));
        let expected = read(file);
        if case["operation"] == "dump" {
            let p = projection(case);
            let ours = if subject == "returned-probe" {
                dump::<ReturnedProbe>(input, ctx, p.as_ref())
            } else if subject == "group" {
                dump::<Group>(input, ctx, p.as_ref())
            } else {
                dump::<User>(input, ctx, p.as_ref())
            };
            if ours != expected {
                failures.push(format!("{file}:\n  ours   {ours}\n  theirs {expected}"));
            }
            *counts.entry("dumps compared").or_default() += 1;
            continue;
        }
        let ours = subject_outcome(subject, input, ctx);
        let deviation = DEVIATIONS.iter().find(|(s, _)| *s == subject);
        match (&ours, expected["ok"].as_bool().unwrap()) {
            (Outcome::Ok(v), true) => {
                if v != &expected["result"] {
                    failures.push(format!(
                        "{file}: results differ\n  ours   {v}\n  theirs {}",
                        expected["result"]
                    ));
                }
            }
            (Outcome::Ok(_), false) if deviation.is_some() => {
                *counts.entry("deviations (documented)").or_default() += 1;
                continue;
            }
            (Outcome::Ok(_), false) => failures.push(format!(
                "{file}: we accept, scim2-models refuses: {}",
                expected["errors"]
            )),
            (_, true) => failures.push(format!("{file}: we refuse, scim2-models accepts")),
            (Outcome::Invalid { path, scim_type }, false) => {
                // serde stops at the first value of the wrong JSON type, in document order;
                // pydantic reports them all, so ours must be one of theirs.
                let errors = expected["errors"].as_array().unwrap();
                let found = errors.iter().any(|e| {
                    let theirs = expected_path(e);
                    (path == &theirs || (path == "schemas" && theirs.is_empty()))
                        && scim_type.as_ref().map(ScimType::as_str) == e["scimType"].as_str()
                });
                if !found {
                    failures.push(format!(
                        "{file}: ours {path} {scim_type:?}, theirs {errors:?}"
                    ));
                }
            }
            (Outcome::Violations(found), false) => {
                // scim2-models reports the first violation of each object; we report all, so
                // theirs must be among ours.
                for error in expected["errors"].as_array().unwrap() {
                    let path = expected_path(error);
                    let theirs = error["scimType"].as_str();
                    let matched = found.iter().any(|(p, t)| {
                        p == &path
                            && (t.as_ref().map(ScimType::as_str) == theirs
                                // RFC 7644 §3.12 names `mutability` for a writeOnly attribute in a
                                // query; scim2-models answers `invalidValue`.
                                || (t == &Some(ScimType::Mutability) && theirs == Some("invalidValue")))
                    });
                    if !matched {
                        failures.push(format!(
                            "{file}: theirs {path} {theirs:?} not among ours {found:?}"
                        ));
                    }
                }
            }
        }
        *counts.entry("validations compared").or_default() += 1;
    }
    println!("{counts:#?}");
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        counts["dumps compared"] >= 81 && counts["validations compared"] >= 280,
        "{counts:?}"
    );
}

//! Dynamic equals generated: the type scim-codegen generates from a real dump (the SCIM-SDK's
//! `AllTypes`, which has an attribute of every SCIM type, single and multi-valued, at the top,
//! in a complex and in a multi-valued complex attribute, and the enterprise extension) and the
//! dynamic type built at run time from the same Schema and ResourceType documents give the same
//! outcome for the same payloads, in every context: the same JSON written in every context, or
//! the same error, or the same set of violations.

use proptest::prelude::*;
use scim_codegen_corpus_compile::group_scim_sdk_captaingoldfish_all_types::AllTypes;
use scim_runtime::dynamic::DynamicType;
use scim_runtime::payload::{self, PayloadError};
use scim_runtime::{Context, Projection, Resource, ResourceType, Schema};
use serde_json::{json, Value};

const ALL_TYPES: &str = "urn:gold:params:scim:schemas:custom:2.0:AllTypes";
const ENTERPRISE: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

fn corpus(file: &str) -> String {
    let path = format!(
        "{}/../../../testdata/schemas/scim-sdk-captaingoldfish/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The dynamic type, from the documents the generated type was generated from.
fn dynamic_type() -> DynamicType {
    let schemas: Vec<Schema> = ["test-all-types.json", "enterprise-user.json"]
        .iter()
        .map(|f| payload::from_str(&corpus(f)).unwrap())
        .collect();
    let resource_type: ResourceType = payload::from_str(&corpus("type-all-types.json")).unwrap();
    DynamicType::from_resource_type(&resource_type, &schemas).unwrap()
}

fn projections() -> Vec<Option<Projection>> {
    vec![
        None,
        Some(Projection::attributes([
            "string",
            "complex.decimal",
            "multiComplex.date",
        ])),
        Some(Projection::excluded_attributes(["complex", "numberArray"])),
        Some(Projection::attributes([&format!(
            "{ENTERPRISE}:manager.value"
        )])),
    ]
}

#[derive(Debug, PartialEq)]
enum Outcome {
    Written(Vec<Value>),
    Invalid(String, String),
    Violations(Vec<(String, String)>),
    Syntax,
}

fn outcome(result: Result<Vec<Value>, PayloadError>) -> Outcome {
    match result {
        Ok(written) => Outcome::Written(written),
        Err(PayloadError::Invalid {
            path, scim_type, ..
        }) => Outcome::Invalid(path, scim_type.as_str().to_owned()),
        Err(PayloadError::Violations(v)) => {
            let mut v: Vec<(String, String)> = v
                .iter()
                .map(|v| (v.path.clone(), format!("{:?}", v.kind)))
                .collect();
            v.sort();
            Outcome::Violations(v)
        }
        Err(PayloadError::Syntax { .. }) => Outcome::Syntax,
    }
}

/// Everything a resource read in one context writes in every context and projection.
fn written(write: impl Fn(Context, Option<&Projection>) -> Value) -> Vec<Value> {
    let mut out = Vec::new();
    for c in Context::ALL {
        for p in projections() {
            out.push(write(c, p.as_ref()));
        }
    }
    out
}

fn compare(ty: &DynamicType, input: &Value) -> Vec<String> {
    let mut failures = Vec::new();
    for context in Context::ALL {
        let generated = outcome(
            AllTypes::from_value_in(input.clone(), context)
                .map(|r| written(|c, p| r.to_json_in(c, p))),
        );
        let dynamic = outcome(
            ty.from_value_in(input.clone(), context)
                .map(|r| written(|c, p| r.to_json_in(c, p))),
        );
        if generated != dynamic {
            failures.push(format!(
                "{input} in {context:?}:\n  generated {generated:?}\n  dynamic   {dynamic:?}"
            ));
        }
    }
    failures
}

fn full() -> Value {
    let values = json!({
        "string": "s", "binary": "aGVsbG8=", "number": 42, "decimal": 1.5, "bool": true,
        "date": "2011-05-13T04:42:34Z",
        "stringArray": ["a", "b"], "binaryArray": ["aGVsbG8="], "numberArray": [1, -2],
        "decimalArray": [0.25, 3], "boolArray": [true, false],
        "dateArray": ["2011-05-13T04:42:34Z", "2011-05-13T04:42:34.123+02:00"]
    });
    let mut multi = values.clone();
    multi["primary"] = json!(true);
    let mut resource = values.clone();
    resource["schemas"] = json!([ALL_TYPES, ENTERPRISE]);
    resource["id"] = json!("1");
    resource["externalId"] = json!("ext-1");
    resource["meta"] = json!({"resourceType": "AllTypes", "version": "W/\"1\"",
                               "created": "2011-05-13T04:42:34Z"});
    resource["complex"] = values;
    resource["multiComplex"] = json!([multi, {"string": "second"}]);
    resource[ENTERPRISE] =
        json!({"employeeNumber": "7", "manager": {"value": "m", "displayName": "M"}});
    resource
}

#[test]
fn payloads_give_the_same_outcome_in_every_context() {
    let ty = dynamic_type();
    assert_eq!(ty.schema.id, ALL_TYPES);
    assert_eq!(ty.schema, AllTypes::SCHEMA, "the same attribute tables");
    let mut cases = vec![
        full(),
        json!({"schemas": [ALL_TYPES], "STRING": "case", "Complex": {"NUMBER": 1}}),
        json!({"schemas": [ALL_TYPES], "number": "42", "bool": "True", "decimal": 7}),
        json!({"number": 1.5}),
        json!({"number": "many"}),
        json!({"decimal": "1.5"}),
        json!({"bool": "maybe"}),
        json!({"date": "yesterday"}),
        json!({"binary": "not base64!"}),
        json!({"stringArray": "one"}),
        json!({"numberArray": [1, null]}),
        json!({"complex": "flat"}),
        json!({"complex": {"dateArray": ["2011-05-13T04:42:34Z", "noon"]}}),
        json!({"multiComplex": [{"primary": true}, {"primary": true}]}),
        json!({"multiComplex": {"string": "not a list"}}),
        json!({"string": "a", "STRING": "b"}),
        json!({"schemas": ["urn:other"], "string": "x"}),
        json!({ENTERPRISE: {"manager": {"displayName": "no value"}}}),
        json!({ENTERPRISE: "flat"}),
        json!({"unknown": {"kept": [1, 2]}, "complex": {"extra": null, "string": null}}),
        json!({"id": "only-an-id"}),
        json!([1, 2]),
    ];
    cases.push({
        let mut no_id = full();
        no_id.as_object_mut().unwrap().remove("id");
        no_id
    });
    let failures: Vec<String> = cases.iter().flat_map(|c| compare(&ty, c)).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The full payload is valid somewhere: the comparison is not only of errors.
    assert!(matches!(
        outcome(
            ty.from_value_in(full(), Context::QueryResponse)
                .map(|r| vec![r.to_json_in(Context::QueryResponse, None)])
        ),
        Outcome::Written(_)
    ));
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i32>().prop_map(Value::from),
        (-1000.0f64..1000.0).prop_map(Value::from),
        "[a-zA-Z0-9 :.=+-]{0,10}".prop_map(Value::String),
        Just(json!("2011-05-13T04:42:34Z")),
        Just(json!("aGVsbG8=")),
        Just(json!("True")),
        Just(json!("17")),
        Just(json!(ALL_TYPES)),
    ];
    let key = prop_oneof![
        Just("string".to_owned()),
        Just("binary".to_owned()),
        Just("number".to_owned()),
        Just("Decimal".to_owned()),
        Just("bool".to_owned()),
        Just("date".to_owned()),
        Just("stringArray".to_owned()),
        Just("numberArray".to_owned()),
        Just("decimalArray".to_owned()),
        Just("dateArray".to_owned()),
        Just("complex".to_owned()),
        Just("multiComplex".to_owned()),
        Just("primary".to_owned()),
        Just("id".to_owned()),
        Just("meta".to_owned()),
        Just("schemas".to_owned()),
        Just(ENTERPRISE.to_owned()),
        Just("manager".to_owned()),
        Just("value".to_owned()),
        "[a-z]{1,5}",
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            prop::collection::btree_map(key.clone(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_payloads_give_the_same_outcome(input in arb_json()) {
        let failures = compare(&dynamic_type(), &input);
        prop_assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}

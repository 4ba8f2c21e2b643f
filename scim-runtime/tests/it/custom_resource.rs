//! A hand-written resource with an extension, as a user of the derive writes one: its Schema
//! and ResourceType documents equal hand-written JSON, and payloads round-trip with nothing
//! lost, whatever the spelling of the attribute names.

use scim_runtime::{Context, DateTime, Meta, OtherAttributes, Reference, Resource, ScimResource};
use serde_json::{json, Value};

/// A managed device.
#[derive(Clone, PartialEq, Default, ScimResource)]
#[scim(
    resource,
    schema = "urn:example:params:scim:schemas:core:2.0:Device",
    name = "Device",
    endpoint = "/Devices"
)]
pub struct Device {
    pub id: Option<String>,
    pub external_id: Option<String>,
    pub meta: Option<Meta>,
    /// The manufacturer's serial number.
    #[scim(required, case_exact, mutability = "immutable", uniqueness = "global")]
    pub serial_number: Option<String>,
    /// A name for people.
    pub display_name: Option<String>,
    /// The enrolment secret.
    #[scim(case_exact, mutability = "writeOnly", returned = "never")]
    pub secret: Option<String>,
    /// Network interfaces.
    pub interfaces: Vec<DeviceInterface>,
    /// The user the device belongs to.
    #[scim(reference_types("User"))]
    pub owner: Option<Reference>,
    /// When the device was enrolled.
    #[scim(mutability = "readOnly", returned = "always")]
    pub enrolled: Option<DateTime>,
    #[scim(extension, required)]
    pub location: Option<DeviceLocation>,
    #[scim(other)]
    pub other: OtherAttributes,
}

/// Network interfaces.
#[derive(Clone, PartialEq, Default, ScimResource)]
#[scim(complex)]
pub struct DeviceInterface {
    /// The MAC address.
    /// Lower case, colon separated.
    #[scim(required)]
    pub mac: Option<String>,
    /// The medium.
    pub r#type: Option<DeviceInterfaceType>,
    /// Link speed in Mbit/s.
    #[scim(mutability = "readOnly", returned = "request")]
    pub speed: Option<i64>,
    /// The interface used by default.
    pub primary: Option<bool>,
    #[scim(other)]
    pub other: OtherAttributes,
}

/// The canonical media.
#[derive(Clone, ScimResource)]
#[scim(canonical)]
pub enum DeviceInterfaceType {
    Wired,
    Wireless,
    #[scim(other)]
    Custom(String),
}

/// Where a device is.
#[derive(Clone, PartialEq, Default, ScimResource)]
#[scim(
    extension,
    schema = "urn:example:params:scim:schemas:extension:location:2.0:Device",
    name = "DeviceLocation"
)]
pub struct DeviceLocation {
    /// The building.
    #[scim(required)]
    pub building: Option<String>,
    /// The floor.
    pub floor: Option<i64>,
    #[scim(other)]
    pub other: OtherAttributes,
}

fn fixture(name: &str) -> Value {
    let path = format!(
        "{}/tests/fixtures/custom/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn schemas_equal_the_hand_written_documents() {
    let schemas = Device::schemas();
    assert_eq!(
        serde_json::to_value(&schemas[0]).unwrap(),
        fixture("device-schema.json")
    );
    assert_eq!(
        serde_json::to_value(&schemas[1]).unwrap(),
        fixture("location-schema.json")
    );
    let resource_type = Device::resource_type();
    assert_eq!(
        serde_json::to_value(&resource_type).unwrap(),
        fixture("device-resource-type.json")
    );
}

#[test]
fn the_schema_document_reads_back_into_the_same_model() {
    let schema: scim_runtime::Schema =
        serde_json::from_value(fixture("device-schema.json")).unwrap();
    assert_eq!(schema, Device::schema());
}

const DEVICE: &str = "urn:example:params:scim:schemas:core:2.0:Device";
const LOCATION: &str = "urn:example:params:scim:schemas:extension:location:2.0:Device";

#[test]
fn attribute_names_match_in_any_case_and_fully_qualified() {
    let payload = json!({
        "SCHEMAS": [DEVICE, LOCATION],
        "SERIALNUMBER": "SN-1",
        "urn:example:params:scim:schemas:core:2.0:Device:displayName": "Lab printer",
        "Interfaces": [{"MAC": "aa:bb", "Type": "wired", "PRIMARY": "True"}],
        "urn:EXAMPLE:params:scim:schemas:extension:location:2.0:Device": {"Building": "B2", "floor": 3},
    });
    let device: Device = scim_runtime::payload::from_value(payload).unwrap();
    assert_eq!(device.serial_number.as_deref(), Some("SN-1"));
    assert_eq!(device.display_name.as_deref(), Some("Lab printer"));
    assert_eq!(device.interfaces[0].mac.as_deref(), Some("aa:bb"));
    assert_eq!(
        device.interfaces[0].r#type,
        Some(DeviceInterfaceType::Wired)
    );
    assert_eq!(device.interfaces[0].primary, Some(true));
    assert_eq!(
        device.location.as_ref().unwrap().building.as_deref(),
        Some("B2")
    );
    assert!(device.other.is_empty(), "{:?}", device.other);
    // Written back under the canonical names.
    assert_eq!(
        serde_json::to_value(&device).unwrap(),
        json!({
            "schemas": [DEVICE, LOCATION],
            "serialNumber": "SN-1",
            "displayName": "Lab printer",
            "interfaces": [{"mac": "aa:bb", "type": "wired", "primary": true}],
            LOCATION: {"building": "B2", "floor": 3},
        })
    );
}

#[test]
fn unknown_attributes_and_extensions_survive_a_round_trip() {
    let payload = json!({
        "schemas": [DEVICE, LOCATION, "urn:example:vendor:2.0:Device"],
        "id": "d1",
        "serialNumber": "SN-1",
        "firmware": {"version": "1.2", "channel": "beta"},
        "tags": ["a", "b"],
        "interfaces": [{"mac": "aa:bb", "type": "fibre", "vlan": 12}],
        LOCATION: {"building": "B2", "room": "2.14"},
        "urn:example:vendor:2.0:Device": {"assetTag": "A-77"},
        "meta": {"resourceType": "Device", "version": "W/\"3\"", "x-shard": 4},
    });
    let device: Device = scim_runtime::payload::from_value(payload.clone()).unwrap();
    assert_eq!(
        device.interfaces[0].r#type,
        Some(DeviceInterfaceType::Custom("fibre".into()))
    );
    assert_eq!(device.other["firmware"]["channel"], "beta");
    // get → change one field → replace: nothing the type does not know is lost.
    let mut changed = device.clone();
    changed.display_name = Some("Renamed".into());
    let mut expected = payload.clone();
    expected["displayName"] = json!("Renamed");
    let mut sent = changed.to_json_in(Context::ReplacementRequest, None);
    // readOnly `id` and `meta` are not sent in a replacement request (RFC 7644 §3.5.1).
    assert!(sent.get("id").is_none() && sent.get("meta").is_none());
    sent["id"] = json!("d1");
    sent["meta"] = expected["meta"].clone();
    assert_eq!(sent, expected);
    assert_eq!(serde_json::to_value(&device).unwrap(), payload);
}

#[test]
fn contexts_apply_the_characteristics() {
    let device = Device {
        id: Some("d1".into()),
        serial_number: Some("SN-1".into()),
        secret: Some("s3cret".into()),
        enrolled: Some(DateTime::parse("2026-01-02T03:04:05Z").unwrap()),
        interfaces: vec![DeviceInterface {
            mac: Some("aa:bb".into()),
            speed: Some(1000),
            ..Default::default()
        }],
        location: Some(DeviceLocation {
            building: Some("B2".into()),
            ..Default::default()
        }),
        ..Default::default()
    };
    let creation = device.to_json_in(Context::CreationRequest, None);
    assert!(creation.get("id").is_none() && creation.get("enrolled").is_none());
    assert_eq!(
        creation["interfaces"],
        json!([{"mac": "aa:bb"}]),
        "readOnly sub-attributes dropped"
    );
    assert_eq!(creation["secret"], "s3cret", "writeOnly is sent in writes");

    let response = device.to_json_in(Context::QueryResponse, None);
    assert!(response.get("secret").is_none(), "returned: never");
    assert_eq!(
        response["interfaces"],
        json!([{"mac": "aa:bb"}]),
        "returned: request is left out"
    );
    let asked = scim_runtime::Projection::attributes(["interfaces.speed"]);
    let response = device.to_json_in(Context::QueryResponse, Some(&asked));
    assert_eq!(response["interfaces"], json!([{"speed": 1000}]));
    assert_eq!(response["id"], "d1", "returned: always");
    assert_eq!(
        response["enrolled"], "2026-01-02T03:04:05Z",
        "returned: always"
    );
    assert!(response.get("serialNumber").is_none());
    assert!(response.get(LOCATION).is_none());

    // Validation reports every violation, each with its path.
    let query_request = device.validate(Context::QueryRequest).unwrap_err();
    assert_eq!(
        query_request
            .iter()
            .map(|v| v.path.as_str())
            .collect::<Vec<_>>(),
        ["secret"]
    );
    let mut missing = device.clone();
    missing.serial_number = None;
    missing.location = None;
    missing.interfaces[0].mac = None;
    missing.interfaces.push(DeviceInterface {
        mac: Some("cc:dd".into()),
        primary: Some(true),
        ..Default::default()
    });
    missing.interfaces[0].primary = Some(true);
    let errors = missing.validate(Context::CreationRequest).unwrap_err();
    let paths: Vec<_> = errors.iter().map(|v| (v.path.as_str(), v.kind)).collect();
    use scim_runtime::ViolationKind::*;
    assert_eq!(
        paths,
        [
            ("serialNumber", Required),
            ("interfaces", PrimaryNotUnique),
            ("interfaces[0].mac", Required),
            (LOCATION, MissingExtension)
        ]
    );
}

/// Canonical values that are not strings, as servers publish them for integer and boolean
/// attributes.
#[derive(Clone, PartialEq, Default, ScimResource)]
#[scim(
    extension,
    schema = "urn:example:params:scim:schemas:extension:rack:2.0:Device",
    name = "DeviceRack"
)]
pub struct DeviceRack {
    /// The rack unit height.
    #[scim(canonical_values(1, 2, 4, -1))]
    pub height: Option<i64>,
    /// The power factor.
    #[scim(canonical_values(0.5, 1.0))]
    pub power_factor: Option<scim_runtime::Decimal>,
    /// Whether it is cooled.
    #[scim(canonical_values(true))]
    pub cooled: Option<bool>,
    /// The row.
    #[scim(canonical_values = ["a", "b"])]
    pub row: Option<String>,
    #[scim(other)]
    pub other: OtherAttributes,
}

#[test]
fn canonical_values_keep_their_json_type() {
    use scim_runtime::{Extension, ScimObject};
    let table: Vec<&[&str]> = DeviceRack::ATTRIBUTES
        .iter()
        .map(|a| a.canonical_values)
        .collect();
    assert_eq!(
        table,
        [
            &["1", "2", "4", "-1"][..],
            &["0.5", "1.0"],
            &["true"],
            &["a", "b"]
        ]
    );
    let schema = serde_json::to_value(scim_runtime::Schema::from_def(DeviceRack::SCHEMA)).unwrap();
    let values: Vec<&Value> = schema["attributes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| &a["canonicalValues"])
        .collect();
    assert_eq!(
        values,
        [
            &json!([1, 2, 4, -1]),
            &json!([0.5, 1.0]),
            &json!([true]),
            &json!(["a", "b"])
        ]
    );
}

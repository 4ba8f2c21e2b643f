//! A custom SCIM resource written by hand with `#[derive(ScimResource)]`: a `Device` with a
//! location extension. Prints its Schema and ResourceType documents, reads a payload sent by a
//! peer, and shows it in the contexts of a creation request and of a query response. The
//! derive writes `Debug` too, so `Debug` is not in the derive list: it hides the `secret`.
//!
//! Run it with `cargo run -p example-custom-resource`.

use scim_runtime::{
    Context, DateTime, Meta, OtherAttributes, Projection, Reference, Resource, ScimResource,
};

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
    /// The enrolment secret: written by clients, never returned.
    #[scim(case_exact, mutability = "writeOnly", returned = "never")]
    pub secret: Option<String>,
    /// The user the device belongs to.
    #[scim(reference_types("User"))]
    pub owner: Option<Reference>,
    /// When the device was enrolled, set by the service provider.
    #[scim(mutability = "readOnly")]
    pub enrolled: Option<DateTime>,
    /// Where the device is.
    #[scim(extension)]
    pub location: Option<DeviceLocation>,
    /// Attributes this type does not know, kept as sent.
    #[scim(other)]
    pub other: OtherAttributes,
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
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!(
        "Schemas served at /Schemas:\n{}\n",
        serde_json::to_string_pretty(&Device::schemas())?
    );
    println!(
        "ResourceType served at /ResourceTypes/Device:\n{}\n",
        serde_json::to_string_pretty(&Device::resource_type())?
    );

    // What a peer sends: names in any case, an attribute this type does not know.
    let received = r#"{
        "schemas": ["urn:example:params:scim:schemas:core:2.0:Device",
                    "urn:example:params:scim:schemas:extension:location:2.0:Device"],
        "id": "d-1", "SerialNumber": "SN-1", "secret": "s3cret", "enrolled": "2026-01-02T03:04:05Z",
        "urn:example:params:scim:schemas:extension:location:2.0:Device": {"building": "B2", "floor": "3"},
        "x-asset-tag": "A-77"
    }"#;
    let mut device = Device::from_json_in(received, Context::CreationRequest)?;
    // `Debug` comes from the derive and shows the writeOnly `secret` as `<redacted>`.
    println!("Read in a creation request (readOnly `id` and `enrolled` ignored):\n{device:#?}\n");
    assert!(!format!("{device:?}").contains("s3cret"));

    // The service provider assigns what is readOnly.
    device.id = Some("2819c223".to_owned());
    device.enrolled = Some(DateTime::now());

    let response = device.to_json_in(
        Context::QueryResponse,
        Some(&Projection::attributes(["serialNumber"])),
    );
    println!(
        "In a query response with attributes=serialNumber:\n{}",
        serde_json::to_string_pretty(&response)?
    );

    // The client checks what it receives in the same context: `secret` never comes back.
    let full = device.to_json_in(Context::QueryResponse, None);
    let checked = Device::from_value_in(full, Context::QueryResponse)?;
    assert!(checked.secret.is_none());
    println!("\nThe full query response passes the client's checks.");
    Ok(())
}

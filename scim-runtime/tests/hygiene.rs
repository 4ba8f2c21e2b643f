//! The derive's output is fully qualified and lint-clean: it compiles beside user types that
//! shadow `Result`, `Option`, `String`, `Box` and `Vec`, under `deny(warnings)`.
#![deny(warnings, unused_qualifications)]

mod shadowing {
    #![allow(dead_code, non_upper_case_globals)]

    pub struct Result;
    pub struct Option;
    pub struct String;
    pub struct Box;
    pub struct Vec;
    pub struct Some;
    pub struct None;
    pub struct Ok;
    pub struct Err;
    pub trait Serialize {}
    pub trait Deserialize {}
    pub trait Default {}
    // Constants named like locals would turn a `let` into a pattern.
    pub const a: u8 = 0;
    pub const b: u8 = 0;
    pub const d: u8 = 0;
    pub const text: u8 = 0;

    /// A device.
    #[derive(Clone, PartialEq, ::scim_runtime::ScimResource)]
    #[scim(
        resource,
        schema = "urn:example:scim:Device",
        name = "Device",
        endpoint = "/Devices"
    )]
    pub struct Device {
        /// id
        pub id: ::core::option::Option<::std::string::String>,
        /// externalId
        pub external_id: ::core::option::Option<::std::string::String>,
        /// meta
        pub meta: ::core::option::Option<::scim_runtime::Meta>,
        /// The serial number.
        #[scim(required, case_exact, uniqueness = "global")]
        pub serial: ::core::option::Option<::std::string::String>,
        /// Ports.
        pub ports: ::std::vec::Vec<Port>,
        /// A secret.
        #[scim(mutability = "writeOnly")]
        pub pin: ::core::option::Option<i64>,
        /// The kind.
        pub r#type: ::core::option::Option<Kind>,
        /// Owner reference.
        #[scim(rename = "$ref", reference_types("User"))]
        pub r#ref: ::core::option::Option<::scim_runtime::Reference>,
        /// Location extension.
        #[scim(extension)]
        pub location: ::core::option::Option<Location>,
        /// Unknown attributes.
        #[scim(other)]
        pub other: ::scim_runtime::OtherAttributes,
    }

    /// A port.
    #[derive(Clone, PartialEq, ::scim_runtime::ScimResource)]
    #[scim(complex)]
    pub struct Port {
        /// Number.
        pub number: ::core::option::Option<i64>,
        /// Primary.
        pub primary: ::core::option::Option<bool>,
    }

    /// A kind.
    #[derive(Clone, ::scim_runtime::ScimResource)]
    #[scim(canonical)]
    pub enum Kind {
        /// A router.
        Router,
        /// Something else.
        #[scim(other)]
        Custom(::std::string::String),
    }

    /// Where it is.
    #[derive(Clone, PartialEq, ::scim_runtime::ScimResource)]
    #[scim(extension, schema = "urn:example:scim:Location", name = "Location")]
    pub struct Location {
        /// The building.
        pub building: ::core::option::Option<::std::string::String>,
    }
}

#[test]
fn shadowed_names_do_not_leak_into_generated_code() {
    use scim_runtime::Resource;
    let json = r#"{"schemas":["urn:example:scim:Device","urn:example:scim:Location"],"serial":"X1","type":"router",
        "ports":[{"number":"1","primary":true}],"$ref":"/Users/1","urn:example:scim:Location":{"building":"B"},"colour":"red"}"#;
    let device: shadowing::Device = scim_runtime::payload::from_str(json).expect("parses");
    assert_eq!(device.r#type, Some(shadowing::Kind::Router));
    assert_eq!(device.ports[0].number, Some(1));
    let back = serde_json::to_value(&device).expect("serializes");
    let expected: serde_json::Value =
        serde_json::from_str(&json.replace("\"1\"", "1")).expect("json");
    assert_eq!(back, expected);
    assert_eq!(shadowing::Device::SCHEMA.attributes.len(), 5);
    assert!(format!("{device:?}").contains("pin: None"));
    assert_eq!(
        device.r#type.as_ref().and_then(shadowing::Kind::known),
        Some(shadowing::Kind::Router)
    );
}

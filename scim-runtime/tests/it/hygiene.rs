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

/// `#[scim(crate = "..")]`: every path the derive writes starts at the given root, here a
/// module re-exporting `scim_runtime` under another name, as a crate wrapping it would.
mod renamed {
    #![allow(dead_code)]

    pub mod my_scim {
        pub use scim_runtime::*;
    }

    /// A badge.
    #[derive(Clone, PartialEq, my_scim::ScimResource)]
    #[scim(
        resource,
        crate = "my_scim",
        schema = "urn:example:scim:Badge",
        name = "Badge",
        endpoint = "/Badges"
    )]
    pub struct Badge {
        pub id: Option<String>,
        pub external_id: Option<String>,
        pub meta: Option<my_scim::Meta>,
        /// The holder.
        #[scim(required)]
        pub holder: Option<String>,
        /// The PIN, never returned.
        #[scim(mutability = "writeOnly", returned = "never")]
        pub pin: Option<String>,
        pub doors: Vec<Door>,
        pub colour: Option<Colour>,
        #[scim(extension)]
        pub site: Option<Site>,
        #[scim(other)]
        pub other: my_scim::OtherAttributes,
    }

    /// A door the badge opens.
    #[derive(Clone, PartialEq, my_scim::ScimResource)]
    #[scim(complex, crate = "my_scim")]
    pub struct Door {
        pub name: Option<String>,
        pub primary: Option<bool>,
    }

    /// The badge's colour.
    #[derive(Clone, my_scim::ScimResource)]
    #[scim(canonical, crate = "self::my_scim")]
    pub enum Colour {
        Red,
        #[scim(other)]
        Custom(String),
    }

    /// Where the badge is issued.
    #[derive(Clone, PartialEq, my_scim::ScimResource)]
    #[scim(
        extension,
        crate = "crate::hygiene::renamed::my_scim",
        schema = "urn:example:scim:Site",
        name = "Site"
    )]
    pub struct Site {
        pub city: Option<String>,
    }
}

#[test]
fn a_crate_root_other_than_scim_runtime_is_used() {
    use renamed::my_scim::{Context, Resource};
    use renamed::{Badge, Colour};

    let json = r#"{"schemas":["urn:example:scim:Badge","urn:example:scim:Site"],"id":"b1","holder":"bjensen",
        "pin":"1234","doors":[{"name":"Lab","primary":true}],"colour":"RED",
        "urn:example:scim:Site":{"city":"Oslo"},"x-note":"kept"}"#;
    let badge: Badge = renamed::my_scim::payload::from_str(json).expect("parses");
    assert_eq!(badge.colour, Some(Colour::Red));
    assert_eq!(
        badge.site.as_ref().and_then(|s| s.city.as_deref()),
        Some("Oslo")
    );
    assert_eq!(badge.other["x-note"], "kept");
    assert!(format!("{badge:?}").contains("pin: <redacted>"));

    let response = badge.to_json_in(Context::QueryResponse, None);
    assert!(response.get("pin").is_none());
    assert_eq!(response["doors"][0]["name"], "Lab");
    assert_eq!(response["urn:example:scim:Site"]["city"], "Oslo");

    assert_eq!(Badge::SCHEMA.id, "urn:example:scim:Badge");
    let names: Vec<_> = Badge::SCHEMA.attributes.iter().map(|a| a.name).collect();
    assert_eq!(names, ["holder", "pin", "doors", "colour"]);
    assert_eq!(
        Badge::RESOURCE_TYPE.extensions[0].schema.id,
        "urn:example:scim:Site"
    );
    assert!(
        badge.validate(Context::QueryResponse).is_err(),
        "pin is returned never"
    );
}

/// Every standard type is at the path of its schema's module as well as at `resources::`.
#[test]
fn standard_types_are_reachable_at_their_modules_paths() {
    use scim_runtime::resources;
    let manager = resources::enterprise_user::Manager::default();
    let same: resources::Manager = manager.clone();
    assert_eq!(manager, same);
    let _: resources::user::Name = resources::Name::default();
    let _: resources::group::Member = resources::Member::default();
}

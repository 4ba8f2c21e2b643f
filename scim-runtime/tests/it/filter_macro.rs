//! `filter!` on the standard `User` and `Group` and on a hand-derived resource with an
//! extension: the checked filter equals the runtime parse of the same text and evaluates as it.

use scim_runtime::filter::parse_filter;
use scim_runtime::prelude::*;
use scim_runtime::{filter, Group, Meta, OtherAttributes, ScimResource, User};

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
    /// The serial number.
    #[scim(case_exact)]
    pub serial_number: Option<String>,
    /// Tags.
    pub tags: Vec<String>,
    /// Network interfaces.
    pub interfaces: Vec<Interface>,
    #[scim(extension)]
    pub location: Option<Location>,
    #[scim(other)]
    pub other: OtherAttributes,
}

/// A network interface.
#[derive(Clone, PartialEq, Default, ScimResource)]
#[scim(complex)]
pub struct Interface {
    /// The MAC address.
    pub mac: Option<String>,
    /// The interface used by default.
    pub primary: Option<bool>,
}

/// Where a device is.
#[derive(Clone, PartialEq, Default, ScimResource)]
#[scim(
    extension,
    schema = "urn:example:params:scim:schemas:extension:location:2.0:Device",
    name = "Location"
)]
pub struct Location {
    /// The building.
    pub building: Option<String>,
    /// The room.
    pub room: Option<Room>,
}

/// A room.
#[derive(Clone, PartialEq, Default, ScimResource)]
#[scim(complex)]
pub struct Room {
    /// The floor.
    pub floor: Option<i64>,
    /// The number on the door.
    pub number: Option<String>,
}

/// Expands `filter!` and checks the result against the runtime parse of the same text.
macro_rules! same_as_runtime {
    ($ty:ty, $text:literal $(,)?) => {{
        let checked = filter!($ty, $text);
        assert_eq!(checked, parse_filter($text).unwrap(), "{}", $text);
        checked
    }};
}

#[test]
fn user_filters_of_every_shape() {
    let user: User = serde_json::from_str(
        r#"{"userName": "bjensen", "name": {"givenName": "Barbara"},
            "emails": [{"value": "bjensen@example.com", "type": "work", "primary": true}],
            "meta": {"lastModified": "2011-05-13T04:42:34Z"},
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
                "employeeNumber": "701984", "manager": {"value": "26118915", "displayName": "John Smith"}}}"#,
    )
    .unwrap();
    let cases = [
        (
            same_as_runtime!(User, r#"emails[type eq "work"] and userName sw "b""#),
            true,
        ),
        (
            same_as_runtime!(
                User,
                r#"EMAILS[TYPE eq "work" and Value co "@example.com"]"#
            ),
            true,
        ),
        (
            same_as_runtime!(User, r#"name.givenName eq "barbara""#),
            true,
        ),
        (
            same_as_runtime!(User, r#"meta.lastModified gt "2011-01-01T00:00:00Z""#),
            true,
        ),
        (same_as_runtime!(User, r#"id pr or externalId pr"#), false),
        (
            same_as_runtime!(
                User,
                r#"schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User""#
            ),
            true,
        ),
        (
            same_as_runtime!(
                User,
                r#"urn:ietf:params:scim:schemas:core:2.0:User:userName pr"#
            ),
            true,
        ),
        (
            same_as_runtime!(
                User,
                r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName eq "John Smith""#
            ),
            true,
        ),
        (
            same_as_runtime!(
                User,
                r#"not (urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "701984")"#
            ),
            false,
        ),
    ];
    for (filter, expected) in cases {
        assert_eq!(filter.matches(&user), expected, "{filter}");
    }
}

#[test]
fn group_filters() {
    let group: Group = serde_json::from_str(
        r#"{"displayName": "Tour Guides",
            "members": [{"value": "2819c223", "display": "Babs Jensen", "type": "User"}]}"#,
    )
    .unwrap();
    assert!(same_as_runtime!(Group, r#"displayName eq "tour guides""#).matches(&group));
    assert!(same_as_runtime!(Group, r#"members[value eq "2819c223"]"#).matches(&group));
    assert!(!same_as_runtime!(Group, r#"members.type eq "Group""#).matches(&group));
}

#[test]
fn hand_derived_resource_with_an_extension() {
    let device: Device = serde_json::from_str(
        r#"{"serialNumber": "SN-1", "tags": ["lab", "loaner"],
            "interfaces": [{"mac": "00:11:22:33:44:55", "primary": true}],
            "urn:example:params:scim:schemas:extension:location:2.0:Device": {
                "building": "B2", "room": {"floor": 3, "number": "3.14"}}}"#,
    )
    .unwrap();
    assert!(same_as_runtime!(Device, r#"serialNumber eq "SN-1""#).matches(&device));
    // `serialNumber` is caseExact.
    assert!(!same_as_runtime!(Device, r#"serialNumber eq "sn-1""#).matches(&device));
    assert!(same_as_runtime!(Device, r#"interfaces[primary eq true]"#).matches(&device));
    // A simple multi-valued attribute's values are its `value` in a value filter.
    assert!(same_as_runtime!(Device, r#"tags[value eq "loaner"]"#).matches(&device));
    assert!(same_as_runtime!(
        Device,
        r#"urn:example:params:scim:schemas:extension:location:2.0:Device:room.floor ge 3"#
    )
    .matches(&device));
    assert!(same_as_runtime!(
        Device,
        r#"urn:example:params:scim:schemas:extension:location:2.0:Device:building eq "b2""#,
    )
    .matches(&device));
}

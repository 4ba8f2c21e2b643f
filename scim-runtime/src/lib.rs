//! SCIM 2.0 for Rust: typed resources that know every attribute's characteristics
//! (RFC 7643), and the protocol over them (RFC 7644).
//!
//! ```
//! use scim_runtime::{Context, Projection, Resource, User};
//!
//! // Attribute names are case-insensitive (RFC 7643 §2.1); what the type does not know is kept.
//! let json = r#"{
//!     "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
//!     "id": "2819c223", "USERNAME": "bjensen", "password": "t1meMa$heen",
//!     "emails": [{"value": "bjensen@example.com", "type": "work", "primary": true}],
//!     "x-department-code": "D-42"
//! }"#;
//! let user: User = scim_runtime::payload::from_str(json)?;
//! assert_eq!(user.user_name.as_deref(), Some("bjensen"));
//! assert_eq!(user.other["x-department-code"], "D-42");
//!
//! // A creation request leaves out readOnly attributes such as `id` (RFC 7644 §3.3)...
//! let body = user.to_json_in(Context::CreationRequest, None);
//! assert!(body.get("id").is_none());
//!
//! // ...and a response never returns `password` (`returned: never`) and honours `attributes`.
//! let asked = Projection::attributes(["userName"]);
//! let response = user.to_json_in(Context::QueryResponse, Some(&asked));
//! assert_eq!(response["userName"], "bjensen");
//! assert!(response.get("password").is_none() && response.get("emails").is_none());
//!
//! // Validating a payload in its context reports every violation with its path.
//! let violations = user.validate(Context::QueryResponse).unwrap_err();
//! assert_eq!(violations.0[0].path, "password");
//! # Ok::<(), scim_runtime::PayloadError>(())
//! ```
//!
//! # Typed resources with `#[derive(ScimResource)]`
//!
//! The standard [`User`], [`Group`] and [`EnterpriseUser`] are in [`resources`]; `scim-codegen`
//! writes types for any server's `/Schemas`; and the derive turns a hand-written struct into a
//! SCIM resource. Metadata becomes impls in one place, the derive, for all three.
//!
//! ```
//! use scim_runtime::{Meta, OtherAttributes, Reference, Resource, ScimResource};
//!
//! /// A managed device.
//! #[derive(Clone, PartialEq, Default, ScimResource)]
//! #[scim(resource, schema = "urn:example:scim:schemas:Device", name = "Device", endpoint = "/Devices")]
//! pub struct Device {
//!     pub id: Option<String>,
//!     pub external_id: Option<String>,
//!     pub meta: Option<Meta>,
//!     /// The serial number.
//!     #[scim(required, case_exact, mutability = "immutable", uniqueness = "global")]
//!     pub serial_number: Option<String>,
//!     /// Who owns it.
//!     #[scim(reference_types("User"))]
//!     pub owner: Option<Reference>,
//!     /// Its network interfaces.
//!     pub interfaces: Vec<Interface>,
//!     #[scim(other)]
//!     pub other: OtherAttributes,
//! }
//!
//! /// A network interface.
//! #[derive(Clone, PartialEq, Default, ScimResource)]
//! #[scim(complex)]
//! pub struct Interface {
//!     /// The MAC address.
//!     #[scim(required)]
//!     pub mac: Option<String>,
//!     /// The primary interface.
//!     pub primary: Option<bool>,
//! }
//!
//! let schema = Device::schema(); // the document a server serves at /Schemas
//! assert_eq!(schema.attributes[0].name, "serialNumber");
//! assert_eq!(Device::resource_type().endpoint.as_deref(), Some("/Devices"));
//! ```
//!
//! Container attributes: `resource` (with `schema`, `name`, `endpoint`, optional
//! `resource_type`, `description`, `singleton`), `extension` (with `schema`, `name`),
//! `complex`, or `canonical` (optionally `case_exact`) on an enum of canonical values with one
//! `#[scim(other)] Custom(String)` fallback variant; `skip_debug` on any of them, `skip_eq` on a
//! canonical enum (see [Canonical values](#canonical-values)); `crate = "path"` on any of them
//! (see [The crate root](#the-crate-root)). A resource has the common attributes
//! `id`, `external_id` and `meta` (RFC 7643 §3.1) as fields of those names; `schemas` is
//! computed. Descriptions default to the doc comments.
//!
//! Field attributes: `rename = "$ref"`, `type = "reference"`, `required`, `case_exact`,
//! `mutability = "readOnly" | "readWrite" | "immutable" | "writeOnly"`,
//! `returned = "always" | "never" | "default" | "request"`,
//! `uniqueness = "none" | "server" | "global"`, `canonical_values("a", "b")`,
//! `reference_types("User", "external")`, `description = "..."`, `sensitive`; `extension` (optionally
//! `required`) on an `Option<Ext>` field of a resource; `other` on the
//! [`OtherAttributes`] field that keeps what the type does not know. A field is `Option<T>`
//! (single-valued) or `Vec<T>` (multi-valued), where `T` is [`String`], [`bool`], [`i64`],
//! [`Decimal`], [`DateTime`], [`Binary`], [`Reference`], a complex type or a canonical enum.
//!
//! ## The crate root
//!
//! Every path the derive writes starts at `::scim_runtime`. A crate that re-exports this one
//! (`pub use scim_runtime;`, or a module with `pub use scim_runtime::*;`) so that its users
//! need no dependency of their own names the re-export with the container attribute
//! `crate = "path"`, as serde's `#[serde(crate = "...")]` does. The path is resolved where
//! the type is defined.
//!
//! ```
//! mod my_scim {
//!     pub use scim_runtime::*;
//! }
//!
//! #[derive(Clone, Default, my_scim::ScimResource)]
//! #[scim(complex, crate = "my_scim")]
//! pub struct Door {
//!     pub name: Option<String>,
//! }
//!
//! use my_scim::value::AttributeValue;
//! assert_eq!(<Door as AttributeValue>::SUB_ATTRIBUTES[0].name, "name");
//! ```
//!
//! ## Secrets and `Debug`
//!
//! The derive implements [`Debug`](core::fmt::Debug) itself, for resources, extensions,
//! complex values and canonical enums: the output is what `#[derive(Debug)]` prints, except
//! that a *sensitive* field shows as `<redacted>` when it is set (`None` and `[]` stay visible;
//! a length never shows). A field is sensitive when it is `mutability = "writeOnly"` or
//! `returned = "never"` (RFC 7643 §7), or marked with the field attribute `sensitive`, which
//! changes nothing else (the schema does not show it, so a
//! [`DynamicResource`](dynamic::DynamicResource) built from that schema cannot know it). Do
//! not list `Debug` beside `ScimResource`: that is a conflicting implementation (E0119). To
//! write your own, add the container attribute `skip_debug`; [`redact::Redacted`] prints the
//! marker. Errors about a sensitive value (a payload error, a PATCH error) name the attribute
//! but never the value.
//!
//! ```
//! use scim_runtime::ScimResource;
//!
//! #[derive(Clone, Default, ScimResource)]
//! #[scim(complex)]
//! pub struct Login {
//!     pub user: Option<String>,
//!     #[scim(mutability = "writeOnly")]
//!     pub password: Option<String>,
//!     #[scim(sensitive)]
//!     pub recovery_codes: Vec<String>,
//! }
//!
//! let login = Login { user: Some("bjensen".into()), password: Some("t1meMa$heen".into()), ..Login::default() };
//! assert_eq!(
//!     format!("{login:?}"),
//!     r#"Login { user: Some("bjensen"), password: <redacted>, recovery_codes: [] }"#
//! );
//! ```
//!
//! ## Canonical values
//!
//! A canonical enum reads a value as its unit variant when it is spelled exactly as the
//! canonical value, and keeps any other spelling in the fallback variant, so that it is written
//! back as received. `==`, `Hash`, `known()` and `is(..)` match as the attribute's `caseExact`
//! says (RFC 7643 §2.2 and §7): with the container attribute `case_exact` only the exact
//! spelling is the value; without it (the RFC default) `"WORK"` is `work`, so
//! `Custom("WORK") == Work` and a `HashSet` holds the two spellings once. `match` is
//! structural and sees the spelling sent (`Custom("WORK")`): match on `value.known()`.
//!
//! The derive writes `PartialEq`, `Eq` and `Hash` itself for a canonical enum, so do not list
//! them beside `ScimResource` (E0119, as for `Debug`); the container attribute `skip_eq` leaves
//! them to you (then `known()` and `is(..)` still follow `caseExact`). See [`canonical`].
//!
//! ```
//! use scim_runtime::ScimResource;
//!
//! #[derive(Clone, ScimResource)]
//! #[scim(canonical)]
//! pub enum Tier {
//!     Gold,
//!     #[scim(other)]
//!     Custom(String),
//! }
//!
//! let sent: Tier = serde_json::from_str(r#""GOLD""#)?;
//! assert_eq!(sent, Tier::Gold); // caseExact false: compared without case
//! assert!(matches!(sent, Tier::Custom(_))); // the spelling is kept...
//! assert_eq!(serde_json::to_string(&sent)?, r#""GOLD""#); // ...and written back
//! assert!(matches!(sent.known(), Some(Tier::Gold)));
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # Contexts
//!
//! See [`Context`] for what each request and response context drops on output and reports on
//! input. The rules follow scim2-models 0.12; the test suite replays its recorded behaviour.
//!
//! # Numbers
//!
//! With the feature `exact-numbers` (on by default) numbers are kept exactly: it turns on
//! serde_json's `arbitrary_precision`, so that an unknown attribute's
//! `123456789012345678901234567890`, a [`Decimal`] with 40 digits and `1e400` are read and
//! written back digit for digit (serde_json only adds the sign of an exponent: `1e+400`).
//! Filters, sorting and PATCH compare numbers by exact value
//! ([`scalar::ExactNumber`]) with and without the feature: `1` equals `1.0`, and integers
//! beyond `i64` are told apart. An `integer` attribute is an `i64`; a value beyond it is an
//! error naming the attribute's path.
//!
//! Cargo turns a feature on for the whole build: every crate using serde_json then gets
//! `arbitrary_precision`, and serde's buffered `#[serde(flatten)]` and `#[serde(untagged)]`
//! can no longer read numbers into plain integer or float fields (this crate's own types read
//! numbers either way). A dependent that needs those can depend on `scim-runtime` with
//! `default-features = false`; then numbers are what an `f64` holds (digits beyond 17
//! significant ones are rounded) and a number out of the `f64` range, such as `1e400`, is
//! refused with a typed [`PayloadError`] naming its position.
//!
//! # Typed paths and the typed PATCH builder
//!
//! The derive gives every resource typed attribute paths ([`path::typed`]), which know their
//! wire form, value type and characteristics, and which every API that takes a path takes
//! (through [`path::IntoAttrPath`], which text implements too). The PATCH builder on
//! [`message::PatchOp`] checks at compile time that a value has the attribute's type and that
//! the attribute's mutability allows the operation (RFC 7643 §7, RFC 7644 §3.5.2):
//!
//! ```
//! use scim_runtime::message::PatchOp;
//! use scim_runtime::{Projection, User};
//!
//! let p = User::paths();
//! let op = PatchOp::<User>::default()
//!     .replace(p.name().given_name(), "Barbara")
//!     .add(p.enterprise_user().employee_number(), "701984");
//! let json = serde_json::to_value(&op)?;
//! assert_eq!(json["Operations"][0]["path"], "name.givenName");
//! assert_eq!(
//!     json["Operations"][1]["path"],
//!     "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber"
//! );
//! let projection = Projection::attributes([p.user_name()]);
//! assert_eq!(projection, Projection::attributes(["userName"]));
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! ```compile_fail
//! // `groups` is readOnly on User: group membership is changed on the Group.
//! use scim_runtime::{message::PatchOp, resources::user::UserGroup, User};
//! let op = PatchOp::<User>::default().add(User::paths().groups(), UserGroup::default());
//! ```
//!
//! # Filters
//!
//! [`filter::FilterExt::evaluate`] gives typed, derived and dynamic resources and JSON one
//! semantics (RFC 7644 §3.4.2.2); the rules are listed in the [`filter`](mod@filter) module's
//! documentation.
#![deny(missing_docs)]

pub use scim_runtime_model::*;

#[doc(inline)]
#[cfg(feature = "client")]
pub use scim_runtime_client as client;

#[doc(inline)]
#[cfg(feature = "server")]
pub use scim_runtime_server as server;

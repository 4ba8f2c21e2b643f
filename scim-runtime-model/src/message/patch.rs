//! PATCH request bodies (RFC 7644 §3.5.2), as data. Applying them to a resource is the job of
//! the PATCH engine.

use core::marker::PhantomData;

use serde::{Deserialize, Deserializer, Serialize};

use crate::OtherAttributes;

/// The schema URN of PATCH requests.
pub const PATCH_OP: &str = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

/// What a PATCH operation does (RFC 7644 §3.5.2).
///
/// Read case-insensitively: Entra ID sends `"Replace"` and `"Add"`, and scim2-models accepts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PatchOperationKind {
    /// Add values (RFC 7644 §3.5.2.1).
    Add,
    /// Remove values (RFC 7644 §3.5.2.2).
    Remove,
    /// Replace values (RFC 7644 §3.5.2.3).
    Replace,
}

impl<'de> Deserialize<'de> for PatchOperationKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        [Self::Add, Self::Remove, Self::Replace]
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(&s))
            .ok_or_else(|| {
                serde::de::Error::invalid_value(
                    serde::de::Unexpected::Str(&s),
                    &"`add`, `remove` or `replace`",
                )
            })
    }
}

impl PatchOperationKind {
    /// The keyword as written on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Add => "add",
            Self::Remove => "remove",
            Self::Replace => "replace",
        }
    }
}

/// One operation of a PATCH request.
///
/// Its members `op`, `path` and `value` are read in any case (`"OP"`, `"Path"`, `"VALUE"`),
/// as every SCIM attribute name (RFC 7643 §2.1); two members equal but for case are an error.
///
/// Its `Debug` (in `message/debug.rs`) leaves the value out: it may hold a password.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct PatchOperation {
    /// `add`, `remove` or `replace`.
    pub op: PatchOperationKind,
    /// The attribute path (RFC 7644 §3.5.2, `PATH`), absent to target the whole resource.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The value: required for `add` and `replace`. A `null` sent is kept as
    /// `Some(Value::Null)` (a `replace` to `null` unassigns its target), apart from an absent
    /// value (`None`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present_value"
    )]
    pub value: Option<serde_json::Value>,
}

impl Serialize for PatchOperation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Self::serialize(self, serializer)
    }
}

super::wire::case_insensitive_deserialize!(
    PatchOperation,
    "a PATCH operation",
    ["op", "path", "value"]
);

/// Reads a `value` that is present, `null` included, as `Some`.
fn present_value<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<serde_json::Value>, D::Error> {
    serde_json::Value::deserialize(deserializer).map(Some)
}

/// A PATCH request body (RFC 7644 §3.5.2) for resources of type `T`.
///
/// Members are read in any case (`"operations"`, `"OPERATIONS"`, `"Schemas"`), as every SCIM
/// attribute name (RFC 7643 §2.1); two members equal but for case are an error naming the
/// member. `schemas` is always written with the PatchOp URN, even when built with an empty list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound = "", remote = "Self")]
pub struct PatchOp<T = serde_json::Value> {
    /// `["urn:ietf:params:scim:api:messages:2.0:PatchOp"]`.
    #[serde(default = "patch_schemas", serialize_with = "write_patch_schemas")]
    pub schemas: Vec<String>,
    /// The operations, applied in order.
    #[serde(rename = "Operations")]
    pub operations: Vec<PatchOperation>,
    /// Keys this library does not know, kept as sent.
    #[serde(flatten)]
    pub other: OtherAttributes,
    #[serde(skip)]
    resource: PhantomData<fn() -> T>,
}

impl<T> Default for PatchOp<T> {
    fn default() -> Self {
        Self::new(Vec::new())
    }
}

fn patch_schemas() -> Vec<String> {
    vec![PATCH_OP.to_owned()]
}

fn write_patch_schemas<S: serde::Serializer>(v: &[String], s: S) -> Result<S::Ok, S::Error> {
    super::wire::write_schemas(v, PATCH_OP, s)
}

impl<T> Serialize for PatchOp<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Self::serialize(self, serializer)
    }
}

super::wire::case_insensitive_deserialize!(PatchOp<T>, "a SCIM PatchOp", ["schemas", "Operations"]);

impl<T> PatchOp<T> {
    /// A PATCH request with these operations.
    pub fn new(operations: Vec<PatchOperation>) -> Self {
        Self {
            schemas: patch_schemas(),
            operations,
            other: OtherAttributes::new(),
            resource: PhantomData,
        }
    }

    /// Adds an operation.
    pub fn with(
        mut self,
        op: PatchOperationKind,
        path: Option<&str>,
        value: Option<serde_json::Value>,
    ) -> Self {
        self.operations.push(PatchOperation {
            op,
            path: path.map(str::to_owned),
            value,
        });
        self
    }
}

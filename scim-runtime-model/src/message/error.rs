//! The SCIM error response (RFC 7644 §3.12).

use serde::{Deserialize, Serialize};

use crate::validation::ScimType;
use crate::OtherAttributes;

/// The schema URN of error responses.
pub const ERROR: &str = "urn:ietf:params:scim:api:messages:2.0:Error";

/// An error response (RFC 7644 §3.12).
///
/// Members are read in any case (`"Status"`, `"scimtype"`, `"DETAIL"`), as every SCIM
/// attribute name (RFC 7643 §2.1); two members equal but for case are an error naming the
/// member. `schemas` is always written with the Error URN.
///
/// `status` is read from a string (`"409"`, as the RFC and scim2-server write it) or a number,
/// and written as a string. `scimType` keeps values it does not know in [`ScimType::Other`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
#[error("SCIM error {status}{}{}", scim_type.as_ref().map(|t| format!(" ({t})")).unwrap_or_default(), detail.as_ref().map(|d| format!(": {d}")).unwrap_or_default())]
#[serde(rename_all = "camelCase", remote = "Self")]
pub struct Error {
    /// `["urn:ietf:params:scim:api:messages:2.0:Error"]`.
    #[serde(default = "error_schemas", serialize_with = "write_error_schemas")]
    pub schemas: Vec<String>,
    /// The HTTP status code.
    #[serde(with = "super::wire::status_code")]
    pub status: u16,
    /// The detail error keyword.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scim_type: Option<ScimType>,
    /// A detailed human-readable message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Keys this library does not know, kept as sent.
    #[serde(flatten)]
    pub other: OtherAttributes,
}

fn error_schemas() -> Vec<String> {
    vec![ERROR.to_owned()]
}

fn write_error_schemas<S: serde::Serializer>(v: &[String], s: S) -> Result<S::Ok, S::Error> {
    super::wire::write_schemas(v, ERROR, s)
}

impl Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Self::serialize(self, serializer)
    }
}

super::wire::case_insensitive_deserialize!(
    Error,
    "a SCIM Error",
    ["schemas", "status", "scimType", "detail"]
);

impl Error {
    /// An error with a status, an optional keyword and a detail.
    pub fn new(status: u16, scim_type: Option<ScimType>, detail: impl Into<String>) -> Self {
        Self {
            schemas: error_schemas(),
            status,
            scim_type,
            detail: Some(detail.into()),
            other: OtherAttributes::new(),
        }
    }
}

//! Bulk requests and responses (RFC 7644 §3.7).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::OtherAttributes;

/// The schema URN of bulk requests.
pub const BULK_REQUEST: &str = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
/// The schema URN of bulk responses.
pub const BULK_RESPONSE: &str = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";

/// The HTTP method of a bulk operation, read case-insensitively.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum BulkMethod {
    /// Create a resource.
    Post,
    /// Replace a resource.
    Put,
    /// Modify a resource.
    Patch,
    /// Delete a resource.
    Delete,
}

impl<'de> Deserialize<'de> for BulkMethod {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Ok(match s.to_ascii_uppercase().as_str() {
            "POST" => Self::Post,
            "PUT" => Self::Put,
            "PATCH" => Self::Patch,
            "DELETE" => Self::Delete,
            _ => {
                return Err(serde::de::Error::invalid_value(
                    serde::de::Unexpected::Str(&s),
                    &"POST, PUT, PATCH or DELETE",
                ))
            }
        })
    }
}

/// One operation of a bulk request. Members are read in any case (RFC 7643 §2.1).
///
/// Its `Debug` (in `message/debug.rs`) leaves the value out: it may hold a password.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
pub struct BulkOperation {
    /// The HTTP method.
    pub method: BulkMethod,
    /// The client's temporary id of a resource created by a `POST`, for references.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bulk_id: Option<String>,
    /// The resource version, for `If-Match`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The resource's relative path, e.g. `/Users` or `/Users/2819c223`.
    pub path: String,
    /// The request body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<serde_json::Value>,
}

/// A bulk request (RFC 7644 §3.7).
///
/// Members are read in any case (`"operations"`, `"FailOnErrors"`), as every SCIM attribute
/// name (RFC 7643 §2.1); two members equal but for case are an error naming the member.
/// `schemas` is always written with the BulkRequest URN; `Default` holds it too.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
pub struct BulkRequest {
    /// `["urn:ietf:params:scim:api:messages:2.0:BulkRequest"]`.
    #[serde(
        default = "bulk_request_schemas",
        serialize_with = "write_bulk_request_schemas"
    )]
    pub schemas: Vec<String>,
    /// The number of errors after which the server stops processing.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "super::wire::opt_lenient_u64"
    )]
    pub fail_on_errors: Option<u64>,
    /// The operations.
    #[serde(rename = "Operations")]
    pub operations: Vec<BulkOperation>,
    /// Keys this library does not know, kept as sent.
    #[serde(flatten)]
    pub other: OtherAttributes,
}

fn bulk_request_schemas() -> Vec<String> {
    vec![BULK_REQUEST.to_owned()]
}

fn bulk_response_schemas() -> Vec<String> {
    vec![BULK_RESPONSE.to_owned()]
}

fn write_bulk_request_schemas<S: Serializer>(v: &[String], s: S) -> Result<S::Ok, S::Error> {
    super::wire::write_schemas(v, BULK_REQUEST, s)
}

fn write_bulk_response_schemas<S: Serializer>(v: &[String], s: S) -> Result<S::Ok, S::Error> {
    super::wire::write_schemas(v, BULK_RESPONSE, s)
}

impl Default for BulkRequest {
    fn default() -> Self {
        Self {
            schemas: bulk_request_schemas(),
            fail_on_errors: None,
            operations: Vec::new(),
            other: OtherAttributes::new(),
        }
    }
}

impl Default for BulkResponse {
    fn default() -> Self {
        Self {
            schemas: bulk_response_schemas(),
            operations: Vec::new(),
            other: OtherAttributes::new(),
        }
    }
}

/// Delegates to the derived (remote = "Self") serializers.
macro_rules! derived_serialize {
    ($($ty:ident),*) => {$(
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                Self::serialize(self, serializer)
            }
        }
    )*};
}
derived_serialize!(
    BulkOperation,
    BulkRequest,
    BulkOperationResponse,
    BulkResponse
);

super::wire::case_insensitive_deserialize!(
    BulkOperation,
    "a bulk operation",
    ["method", "bulkId", "version", "path", "data"]
);
super::wire::case_insensitive_deserialize!(
    BulkRequest,
    "a SCIM BulkRequest",
    ["schemas", "failOnErrors", "Operations"]
);
super::wire::case_insensitive_deserialize!(
    BulkOperationResponse,
    "a bulk operation response",
    ["location", "method", "bulkId", "version", "status", "response"]
);
super::wire::case_insensitive_deserialize!(
    BulkResponse,
    "a SCIM BulkResponse",
    ["schemas", "Operations"]
);

/// The outcome of one bulk operation. Members are read in any case (RFC 7643 §2.1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
pub struct BulkOperationResponse {
    /// The resource's URI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// The HTTP method of the operation.
    pub method: BulkMethod,
    /// The `bulkId` of the operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bulk_id: Option<String>,
    /// The resource version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The HTTP status, written as a string as RFC 7644 §3.7.3 shows it.
    #[serde(with = "super::wire::status_code")]
    pub status: u16,
    /// The response body: a SCIM error for failed operations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<serde_json::Value>,
}

/// A bulk response (RFC 7644 §3.7). Members are read in any case (RFC 7643 §2.1); `schemas`
/// is always written with the BulkResponse URN.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
pub struct BulkResponse {
    /// `["urn:ietf:params:scim:api:messages:2.0:BulkResponse"]`.
    #[serde(
        default = "bulk_response_schemas",
        serialize_with = "write_bulk_response_schemas"
    )]
    pub schemas: Vec<String>,
    /// The outcomes, in request order.
    #[serde(rename = "Operations")]
    pub operations: Vec<BulkOperationResponse>,
    /// Keys this library does not know, kept as sent.
    #[serde(flatten)]
    pub other: OtherAttributes,
}

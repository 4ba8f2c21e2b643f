//! SCIM errors as HTTP responses (RFC 7644 §3.12).

use http::StatusCode;

use scim_runtime_model::message::Error;
use scim_runtime_model::patch::PatchError;
use scim_runtime_model::payload::PayloadError;
use scim_runtime_model::validation::ScimType;

/// A failure a service provider answers with a SCIM Error body.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{status}: {detail}")]
pub struct ScimError {
    /// The HTTP status.
    pub status: StatusCode,
    /// The `scimType` keyword, for 400 and 409 errors.
    pub scim_type: Option<ScimType>,
    /// A sentence for people.
    pub detail: String,
}

impl From<PatchError> for ScimError {
    /// A PATCH that cannot be applied is a 400 with the error's `scimType` (RFC 7644 §3.12).
    fn from(error: PatchError) -> Self {
        Self::bad_request(error.scim_type(), error.to_string())
    }
}

impl ScimError {
    /// An error with a status, an optional keyword and a detail.
    pub fn new(status: StatusCode, scim_type: Option<ScimType>, detail: impl Into<String>) -> Self {
        Self {
            status,
            scim_type,
            detail: detail.into(),
        }
    }

    /// 400 with a `scimType`.
    pub fn bad_request(scim_type: ScimType, detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, Some(scim_type), detail)
    }

    /// 404 for a resource that does not exist.
    pub fn not_found(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, None, detail)
    }

    /// 409 `uniqueness` for a value already in use.
    pub fn uniqueness(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, Some(ScimType::Uniqueness), detail)
    }

    /// 412 for a stale `If-Match` (RFC 7644 §3.14).
    pub fn precondition_failed(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::PRECONDITION_FAILED, None, detail)
    }

    /// 401 for a missing or wrong credential.
    pub fn unauthorized(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, None, detail)
    }

    /// 501 for what the service provider does not implement, such as `/Me` (RFC 7644 §3.11).
    pub fn not_implemented(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_IMPLEMENTED, None, detail)
    }

    /// 415 for a body that is not JSON.
    pub fn unsupported_media_type(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, None, detail)
    }

    /// The SCIM Error body.
    pub fn to_message(&self) -> Error {
        Error::new(
            self.status.as_u16(),
            self.scim_type.clone(),
            self.detail.clone(),
        )
    }

    /// The response: the status, `Content-Type: application/scim+json` and the Error body.
    pub fn into_response(self) -> http::Response<Vec<u8>> {
        let body = serde_json::to_vec(&self.to_message()).unwrap_or_default();
        super::scim_response(self.status, body)
    }
}

impl From<PayloadError> for ScimError {
    /// A body that cannot be read is a 400: `invalidSyntax` for JSON or structure errors,
    /// `invalidValue` for values, with every violation in the detail.
    fn from(error: PayloadError) -> Self {
        let scim_type = error.scim_type().unwrap_or(ScimType::InvalidValue);
        Self::bad_request(scim_type, error.to_string())
    }
}

impl From<Error> for ScimError {
    fn from(error: Error) -> Self {
        Self {
            status: StatusCode::from_u16(error.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            scim_type: error.scim_type,
            detail: error.detail.unwrap_or_default(),
        }
    }
}

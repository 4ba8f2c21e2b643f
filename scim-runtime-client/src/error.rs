//! The client's errors: what went wrong, on which request, and what the server said.

use core::fmt;

use http::{Method, StatusCode};

use scim_runtime_model::message;
use scim_runtime_model::payload::PayloadError;

/// How many bytes of a response body an [`Exchange`] keeps.
pub const BODY_EXCERPT_LEN: usize = 512;

/// The request an error happened on, and as much of the response as there was: method, URL,
/// status and the first [`BODY_EXCERPT_LEN`] bytes of the body.
///
/// Headers are not kept, so credentials never reach an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exchange {
    /// The request method.
    pub method: Method,
    /// The request URL.
    pub url: String,
    /// The response status, when a response arrived.
    pub status: Option<StatusCode>,
    /// The start of the response body, decoded lossily as UTF-8; empty without a response.
    pub body: String,
}

impl Exchange {
    pub(crate) fn new(
        method: Method,
        url: String,
        status: Option<StatusCode>,
        body: &[u8],
    ) -> Box<Self> {
        let mut end = body.len().min(BODY_EXCERPT_LEN);
        // Cut on a character boundary when the body is UTF-8.
        while end < body.len() && end > 0 && (body[end] & 0xC0) == 0x80 {
            end -= 1;
        }
        Box::new(Self {
            method,
            url,
            status,
            body: String::from_utf8_lossy(&body[..end]).into_owned(),
        })
    }
}

impl fmt::Display for Exchange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.method, self.url)?;
        if let Some(status) = self.status {
            write!(f, " -> {}", status.as_u16())?;
        }
        Ok(())
    }
}

/// Why a request could not be sent or its response read by the transport.
#[derive(Debug, thiserror::Error)]
#[error("{kind}: {source}")]
pub struct TransportError {
    kind: TransportErrorKind,
    #[source]
    source: Box<dyn std::error::Error + Send + Sync>,
}

/// The kind of a [`TransportError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// The connection could not be made.
    Connect,
    /// No answer within the configured time.
    Timeout,
    /// The request could not be written or the response body not read.
    Body,
    /// Anything else the transport reports.
    Other,
}

impl fmt::Display for TransportErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Connect => "connection failed",
            Self::Timeout => "timed out",
            Self::Body => "body transfer failed",
            Self::Other => "transport error",
        })
    }
}

impl TransportError {
    /// An error of `kind` caused by `source`.
    pub fn new(
        kind: TransportErrorKind,
        source: impl Into<Box<dyn std::error::Error + Send + Sync>>,
    ) -> Self {
        Self {
            kind,
            source: source.into(),
        }
    }

    /// The kind of failure.
    pub fn kind(&self) -> TransportErrorKind {
        self.kind
    }

    /// Whether the request timed out.
    pub fn is_timeout(&self) -> bool {
        self.kind == TransportErrorKind::Timeout
    }
}

/// Why the client refused to send a request.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum RequestError {
    /// The payload breaks the rules of its request context (RFC 7644 §3.3, §3.5.1).
    #[error("the request payload is invalid: {0}")]
    InvalidPayload(#[source] PayloadError),
    /// The service provider said in its ServiceProviderConfig that it does not support this
    /// (RFC 7643 §5).
    #[error("the service provider does not support {0} (ServiceProviderConfig)")]
    Unsupported(&'static str),
    /// More bulk operations than the service provider's `bulk.maxOperations` (RFC 7644 §3.7.4).
    #[error("{operations} bulk operations, the service provider accepts at most {max}")]
    TooManyBulkOperations {
        /// Operations in the request.
        operations: usize,
        /// `bulk.maxOperations`.
        max: u64,
    },
    /// A bulk payload larger than the service provider's `bulk.maxPayloadSize` (RFC 7644 §3.7.4).
    #[error("the bulk payload is {size} bytes, the service provider accepts at most {max}")]
    BulkPayloadTooLarge {
        /// Bytes of the serialized request.
        size: usize,
        /// `bulk.maxPayloadSize`.
        max: u64,
    },
    /// The resource has no `id`, so it cannot be addressed.
    #[error("the resource has no id")]
    MissingId,
    /// An id that cannot be one path segment (`.` or `..`).
    #[error("`{0}` cannot be used as a resource id")]
    InvalidId(String),
    /// The URL built from the base URL is not a valid URI.
    #[error("invalid URL `{0}`")]
    InvalidUrl(String),
    /// An absolute endpoint URL on another origin than the base URL's: the client's
    /// credentials are not sent there.
    #[error("the endpoint `{0}` is not on the origin of the base URL")]
    ForeignEndpoint(String),
}

/// Everything a SCIM operation can fail with.
///
/// Every variant carries the [`Exchange`] it happened on. Nothing in the client panics on what
/// a server sends.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The transport could not send the request or read the response.
    #[error("{exchange}: {source}")]
    Transport {
        /// The request.
        exchange: Box<Exchange>,
        /// What the transport said.
        source: TransportError,
    },
    /// A status the operation does not define (RFC 7644 §3.12), or a failure status without
    /// a SCIM error body (such as an HTML page from a proxy).
    #[error("{exchange}: unexpected status ({reason})")]
    UnexpectedStatus {
        /// The request and response.
        exchange: Box<Exchange>,
        /// What was expected.
        reason: &'static str,
    },
    /// A body whose `Content-Type` is neither `application/scim+json` nor `application/json`
    /// (RFC 7644 §3.1, §8.1).
    #[error(
        "{exchange}: unexpected content type {content_type:?}, expected application/scim+json"
    )]
    UnexpectedContentType {
        /// The request and response.
        exchange: Box<Exchange>,
        /// The `Content-Type` header, if any.
        content_type: Option<String>,
    },
    /// The body is not JSON (truncated, or not JSON at all).
    #[error("{exchange}: the response body is not JSON: {source}")]
    NotJson {
        /// The request and response.
        exchange: Box<Exchange>,
        /// Where the JSON broke.
        source: PayloadError,
    },
    /// The body is JSON but not the payload the operation expects in its response context.
    #[error("{exchange}: the response payload is invalid: {source}")]
    InvalidResponse {
        /// The request and response.
        exchange: Box<Exchange>,
        /// What is wrong, with attribute paths.
        source: PayloadError,
    },
    /// The client refused to send the request.
    #[error("{exchange}: request not sent: {source}")]
    InvalidRequest {
        /// The request that was not sent.
        exchange: Box<Exchange>,
        /// Why.
        source: RequestError,
    },
    /// The server answered with a SCIM Error (RFC 7644 §3.12).
    #[error("{exchange}: {error}")]
    Scim {
        /// The request and response.
        exchange: Box<Exchange>,
        /// The error object: `status`, `scimType`, `detail`.
        error: Box<message::Error>,
    },
    /// The service provider does not support `/Me`: it answered `501 Not Implemented`
    /// (RFC 7644 §3.11).
    #[error("{exchange}: the service provider does not support /Me (RFC 7644 §3.11)")]
    MeNotSupported {
        /// The request and response.
        exchange: Box<Exchange>,
        /// The SCIM Error the server sent with the 501, if it sent one.
        error: Option<Box<message::Error>>,
    },
    /// Pages of a list that do not fit together: a page that starts elsewhere than asked.
    #[error("{exchange}: inconsistent paging: {reason}")]
    Paging {
        /// The request and response of the page.
        exchange: Box<Exchange>,
        /// What did not fit.
        reason: String,
    },
}

impl Error {
    /// The request and response the error happened on.
    pub fn exchange(&self) -> &Exchange {
        match self {
            Self::Transport { exchange, .. }
            | Self::UnexpectedStatus { exchange, .. }
            | Self::UnexpectedContentType { exchange, .. }
            | Self::NotJson { exchange, .. }
            | Self::InvalidResponse { exchange, .. }
            | Self::InvalidRequest { exchange, .. }
            | Self::Scim { exchange, .. }
            | Self::MeNotSupported { exchange, .. }
            | Self::Paging { exchange, .. } => exchange,
        }
    }

    /// The response status, if a response arrived.
    pub fn status(&self) -> Option<StatusCode> {
        self.exchange().status
    }

    /// The SCIM Error object the server answered with, if it did.
    pub fn scim_error(&self) -> Option<&message::Error> {
        match self {
            Self::Scim { error, .. } => Some(error),
            Self::MeNotSupported { error, .. } => error.as_deref(),
            _ => None,
        }
    }

    /// Whether the transport timed out.
    pub fn is_timeout(&self) -> bool {
        matches!(self, Self::Transport { source, .. } if source.is_timeout())
    }
}

/// Why a client could not be configured.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// The base URL is not an absolute `http` or `https` URL. The URL is kept with any
    /// credentials it held replaced by `***`.
    #[error("invalid base URL `{0}`: expected an absolute http or https URL")]
    InvalidBaseUrl(String),
    /// The credentials (given, or in the base URL) hold characters an `Authorization` header
    /// cannot carry, or the base URL's are not valid percent-encoded UTF-8.
    #[error("the credentials cannot be sent in an Authorization header")]
    InvalidCredentials,
}

/// Why the client cannot answer from what it discovered: a dynamic type by name
/// ([`DiscoveredServer::dynamic_type`](crate::DiscoveredServer::dynamic_type)) or a drift report
/// ([`DiscoveredServer::drift`](crate::DiscoveredServer::drift)).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DiscoveryError {
    /// Nothing of this kind was discovered: `discover()` was not called, or did not get that
    /// far.
    #[error("the client knows no {0}: call discover() first")]
    NotDiscovered(&'static str),
    /// No discovered ResourceType has this name (RFC 7643 §6 `name`, compared
    /// case-insensitively).
    #[error("the service provider has no resource type `{name}` (it has: {})", known.join(", "))]
    UnknownResourceType {
        /// The name asked for.
        name: String,
        /// The names of the discovered resource types.
        known: Vec<String>,
    },
    /// The discovered ResourceType names a schema that `/Schemas` did not serve, or a schema
    /// cannot describe resources.
    #[error(transparent)]
    InvalidSchema(#[from] scim_runtime_model::dynamic::DynamicTypeError),
}

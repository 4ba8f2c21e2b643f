//! The kinds of SCIM operation, with the statuses each defines and the context its response
//! is read in (RFC 7644 §3).

use scim_runtime_model::Context;

/// The SCIM operations, each with the statuses it defines and the context of its response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OperationKind {
    /// `POST` to an endpoint (RFC 7644 §3.3).
    Create,
    /// `GET` of a resource or a list, and the discovery endpoints (RFC 7644 §3.4.1, §3.4.2, §4).
    Query,
    /// `POST .../.search` (RFC 7644 §3.4.3).
    Search,
    /// `PUT` (RFC 7644 §3.5.1).
    Replace,
    /// `PATCH` (RFC 7644 §3.5.2).
    Patch,
    /// `DELETE` (RFC 7644 §3.6).
    Delete,
    /// `POST /Bulk` (RFC 7644 §3.7).
    Bulk,
}

impl OperationKind {
    /// The statuses the operation defines, as scim2-client lists them: its success, the
    /// redirects (RFC 7644 §3.4.2.7 allows 307 and 308) and the failures of RFC 7644 §3.12.
    pub const fn expected_statuses(self) -> &'static [u16] {
        match self {
            Self::Create => &[201, 409, 307, 308, 400, 401, 403, 404, 500],
            Self::Query => &[200, 304, 307, 308, 400, 401, 403, 404, 500],
            Self::Search | Self::Bulk => &[200, 307, 308, 400, 401, 403, 404, 409, 413, 500, 501],
            Self::Replace => &[200, 307, 308, 400, 401, 403, 404, 409, 412, 500, 501],
            Self::Patch => &[200, 204, 307, 308, 400, 401, 403, 404, 409, 412, 500, 501],
            Self::Delete => &[204, 307, 308, 400, 401, 403, 404, 409, 412, 500, 501],
        }
    }

    pub(crate) const fn expected_description(self) -> &'static str {
        match self {
            Self::Create => "expected 201 Created",
            Self::Query => "expected 200 OK or 304 Not Modified",
            Self::Search | Self::Bulk | Self::Replace => "expected 200 OK",
            Self::Patch => "expected 200 OK or 204 No Content",
            Self::Delete => "expected 204 No Content",
        }
    }

    /// The context the response payload is checked in.
    pub const fn response_context(self) -> Context {
        match self {
            Self::Create => Context::CreationResponse,
            Self::Query => Context::QueryResponse,
            Self::Search => Context::SearchResponse,
            Self::Replace => Context::ReplacementResponse,
            Self::Patch => Context::PatchResponse,
            Self::Delete | Self::Bulk => Context::Default,
        }
    }
}

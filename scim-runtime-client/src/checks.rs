//! Which checks a client makes of what it sends and what it reads ([`Checks`]).

/// Which checks the client makes. All are on by default; they can be switched off for a
/// client ([`ClientBuilder::checks`](crate::ClientBuilder::checks)) or for one call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Checks {
    /// The response status is one the operation defines.
    pub status: bool,
    /// A response body has a SCIM content type.
    pub content_type: bool,
    /// The response payload is valid in the operation's response context.
    pub response_payload: bool,
    /// The request payload is valid in its request context and within what the
    /// ServiceProviderConfig says the server supports.
    pub request_payload: bool,
}

impl Checks {
    /// Every check.
    pub const ALL: Self = Self {
        status: true,
        content_type: true,
        response_payload: true,
        request_payload: true,
    };
    /// No check: responses are read as they come, requests are sent as they are built.
    pub const NONE: Self = Self {
        status: false,
        content_type: false,
        response_payload: false,
        request_payload: false,
    };
}

impl Default for Checks {
    fn default() -> Self {
        Self::ALL
    }
}

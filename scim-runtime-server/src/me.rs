//! The `/Me` endpoint (RFC 7644 §3.11): an alias for the resource of the authenticated
//! subject, which only the server can resolve.

use super::ScimError;

/// The resource `/Me` stands for in one request: its endpoint and id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeTarget {
    /// The endpoint of its resource type, such as `/Users`.
    pub endpoint: String,
    /// Its id.
    pub id: String,
}

impl MeTarget {
    /// The resource at `endpoint` with this id.
    pub fn new(endpoint: impl Into<String>, id: impl Into<String>) -> Self {
        Self {
            endpoint: endpoint.into(),
            id: id.into(),
        }
    }

    /// The resource's own path, `endpoint/id`, where a server sends the operation on `/Me`
    /// (and the `Location` its response names).
    pub fn path(&self) -> String {
        format!("{}/{}", self.endpoint.trim_end_matches('/'), self.id)
    }
}

/// Maps the authenticated subject of a request to the resource `/Me` stands for
/// (RFC 7644 §3.11). The server authenticates the request (a bearer token, a client
/// certificate, a session) however it does; the resolver reads the subject from what the
/// authentication left in the request's head (its headers, or an extension a middleware set)
/// and answers with the resource, so that `GET`, `PUT`, `PATCH` and `DELETE` on `/Me` are the
/// same operations on that resource.
///
/// ```
/// use scim_runtime::server::{MeResolver, MeTarget, ScimError};
///
/// /// Every token is `user:<id>`; real servers look their subject up.
/// struct TokenIsId;
///
/// impl MeResolver for TokenIsId {
///     fn resolve_me(&self, request: &http::request::Parts) -> Result<MeTarget, ScimError> {
///         let token = request
///             .headers
///             .get(http::header::AUTHORIZATION)
///             .and_then(|v| v.to_str().ok())
///             .and_then(|v| v.strip_prefix("Bearer user:"))
///             .ok_or_else(|| ScimError::unauthorized("/Me needs an authenticated subject"))?;
///         Ok(MeTarget::new("/Users", token))
///     }
/// }
///
/// let (request, ()) = http::Request::get("/Me")
///     .header("authorization", "Bearer user:2819c223")
///     .body(())
///     .unwrap()
///     .into_parts();
/// assert_eq!(TokenIsId.resolve_me(&request)?.path(), "/Users/2819c223");
/// # Ok::<(), ScimError>(())
/// ```
pub trait MeResolver {
    /// The resource of the subject that `request` is authenticated as.
    ///
    /// # Errors
    ///
    /// Conventionally 401 when the request has no authenticated subject, 404 when the subject
    /// has no resource, and 501 ([`ScimError::not_implemented`]) when the server does not
    /// support `/Me`, as RFC 7644 §3.11 says ([`NoMe`]).
    fn resolve_me(&self, request: &http::request::Parts) -> Result<MeTarget, ScimError>;
}

/// The resolver of a server without `/Me`: every request gets the 501 of RFC 7644 §3.11.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoMe;

impl MeResolver for NoMe {
    fn resolve_me(&self, _: &http::request::Parts) -> Result<MeTarget, ScimError> {
        Err(ScimError::not_implemented(
            "this service provider does not support /Me (RFC 7644 §3.11)",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_me_is_a_501() {
        let (parts, ()) = http::Request::get("/Me").body(()).unwrap().into_parts();
        let e = NoMe.resolve_me(&parts).unwrap_err();
        assert_eq!(e.status, http::StatusCode::NOT_IMPLEMENTED);
        assert_eq!(MeTarget::new("/Users/", "a").path(), "/Users/a");
    }
}

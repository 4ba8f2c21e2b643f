//! Bearer-token authentication (RFC 6750, as RFC 7644 §2 allows): with a token configured,
//! every request without `Authorization: Bearer <token>` gets a SCIM 401.

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::{header, HeaderValue};
use scim_runtime::server::ScimError;

use crate::app::Shared;
use crate::handlers::into_axum;

/// The middleware: lets the request through when no token is configured or the right one is
/// presented.
pub async fn require_bearer(State(state): State<Shared>, request: Request, next: Next) -> Response {
    let Some(expected) = state.token.as_deref() else {
        return next.run(request).await;
    };
    let presented = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            let (scheme, token) = v.trim().split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
        });
    if presented.is_some_and(|t| constant_time_eq(t.as_bytes(), expected.as_bytes())) {
        return next.run(request).await;
    }
    let detail = if presented.is_some() {
        "the bearer token is not valid"
    } else {
        "a bearer token is required (Authorization: Bearer <token>)"
    };
    let mut response = into_axum(ScimError::unauthorized(detail).into_response());
    response.headers_mut().insert(
        header::WWW_AUTHENTICATE,
        HeaderValue::from_static("Bearer realm=\"SCIM\""),
    );
    response
}

/// Compares without stopping at the first difference, so timing tells nothing of the token.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    #[test]
    fn compares_whole_tokens() {
        assert!(super::constant_time_eq(b"s3cret", b"s3cret"));
        assert!(!super::constant_time_eq(b"s3cret", b"s3creT"));
        assert!(!super::constant_time_eq(b"s3cret", b"s3cre"));
    }
}

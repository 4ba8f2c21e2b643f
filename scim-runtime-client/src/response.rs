//! Checking responses (RFC 7644 §3.12): status, content type, SCIM Error bodies, and the payload
//! in the operation's response context.

use http::header::{CONTENT_TYPE, ETAG};
use http::{HeaderMap, Method, StatusCode};

use crate::checks::Checks;
use crate::error::{Error, Exchange, TransportError};
use crate::operation_kind::OperationKind;
use scim_runtime_model::exchange::Outcome;
use scim_runtime_model::media_type::is_scim_json;
use scim_runtime_model::message;
use scim_runtime_model::payload::{self, PayloadError};

/// Whether a response's `Content-Type` carries a SCIM body, as
/// [`is_scim_json`](scim_runtime_model::media_type::is_scim_json) says.
#[deprecated(
    note = "use `scim_runtime::media_type::is_scim_json` on the header's value, the one predicate for client and server"
)]
pub fn is_scim_content_type(headers: &HeaderMap) -> bool {
    content_type_is_scim_json(headers)
}

/// Whether the `Content-Type` header is there and carries a SCIM body.
fn content_type_is_scim_json(headers: &HeaderMap) -> bool {
    headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(is_scim_json)
}

/// Whether a JSON body is a SCIM Error object (its `schemas` holds the Error URN).
fn error_payload(body: &[u8]) -> Option<Result<message::Error, PayloadError>> {
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    // `schemas` and the URN in any case: attribute names are case-insensitive (RFC 7643 §2.1).
    let is_error = value
        .as_object()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("schemas"))
        .and_then(|(_, v)| v.as_array())
        .is_some_and(|s| {
            s.iter().any(|u| {
                u.as_str()
                    .is_some_and(|u| u.eq_ignore_ascii_case(message::ERROR))
            })
        });
    is_error.then(|| payload::from_value(value))
}

/// Reads the response to one request; made by [`Core::prepare`](crate::Core::prepare).
#[derive(Debug)]
pub struct Reader<O: Outcome> {
    pub(crate) kind: OperationKind,
    pub(crate) shape: O::Shape,
    pub(crate) method: Method,
    pub(crate) url: String,
    pub(crate) checks: Checks,
    pub(crate) cached: Option<O>,
    /// The statuses the call accepts instead of the operation's, when it says.
    pub(crate) expected: Option<Vec<u16>>,
    /// Whether the request is on `/Me`, where 501 says the server has no such endpoint.
    pub(crate) me: bool,
}

impl<O: Outcome> Reader<O> {
    /// The request method.
    pub fn method(&self) -> &Method {
        &self.method
    }

    /// The request URL.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The error for a request that got no response.
    pub fn transport_error(self, source: TransportError) -> Error {
        Error::Transport {
            exchange: Exchange::new(self.method, self.url, None, &[]),
            source,
        }
    }

    /// Checks a response and reads what the operation answers with, in this order (as
    /// scim2-client does): a failure status must carry a SCIM Error (RFC 7644 §3.12), which
    /// becomes [`Error::Scim`]; the body must be JSON with a SCIM content type; the status must
    /// be one the operation defines; the payload must be valid in the response context. `304
    /// Not Modified` answers with the cached resource the request was conditional on
    /// (RFC 7644 §3.14).
    pub fn read(self, response: http::Response<Vec<u8>>) -> Result<O, Error> {
        let Self {
            kind,
            shape,
            method,
            url,
            checks,
            cached,
            expected,
            me,
        } = self;
        let (parts, body) = response.into_parts();
        let status = parts.status;
        let headers = &parts.headers;
        let exchange = || Exchange::new(method.clone(), url.clone(), Some(status), &body);
        let content_type_error = || Error::UnexpectedContentType {
            exchange: exchange(),
            content_type: headers
                .get(CONTENT_TYPE)
                .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned()),
        };
        let content_type_ok = || !checks.content_type || content_type_is_scim_json(headers);
        let status_ok = || {
            !checks.status
                || match &expected {
                    // As scim2-client: an empty list accepts any status.
                    Some(codes) => codes.is_empty() || codes.contains(&status.as_u16()),
                    None => kind.expected_statuses().contains(&status.as_u16()),
                }
        };
        let description = if expected.is_some() {
            "not one of the statuses this call expects"
        } else {
            kind.expected_description()
        };
        let status_error = |reason| Error::UnexpectedStatus {
            exchange: exchange(),
            reason,
        };
        let no_content = matches!(status.as_u16(), 204 | 205 | 304);
        let succeeded = status.is_success() || status == StatusCode::NOT_MODIFIED;

        if me && status == StatusCode::NOT_IMPLEMENTED {
            // RFC 7644 §3.11: a service provider without `/Me` answers 501.
            return Err(Error::MeNotSupported {
                exchange: exchange(),
                error: error_payload(&body).and_then(Result::ok).map(Box::new),
            });
        }
        if !succeeded {
            if body.is_empty() {
                return Err(status_error("a failure without a SCIM error"));
            }
            return match error_payload(&body) {
                None => Err(status_error("a failure without a SCIM error")),
                Some(_) if !content_type_ok() => Err(content_type_error()),
                Some(Ok(error)) => Err(Error::Scim {
                    exchange: exchange(),
                    error: Box::new(error),
                }),
                Some(Err(source)) => Err(Error::InvalidResponse {
                    exchange: exchange(),
                    source,
                }),
            };
        }

        if no_content || body.is_empty() {
            if !status_ok() {
                return Err(status_error(description));
            }
            if status == StatusCode::NOT_MODIFIED {
                return cached.ok_or_else(|| status_error("304 without a cached resource"));
            }
            return O::no_content().ok_or_else(|| Error::NotJson {
                exchange: exchange(),
                source: PayloadError::Syntax {
                    line: 0,
                    column: 0,
                    message: "the response has no body".to_owned(),
                },
            });
        }

        let parsed = match O::from_body(
            &shape,
            &body,
            kind.response_context(),
            checks.response_payload,
        ) {
            Err(source @ PayloadError::Syntax { .. }) => {
                return Err(Error::NotJson {
                    exchange: exchange(),
                    source,
                })
            }
            parsed => parsed,
        };
        if !content_type_ok() {
            return Err(content_type_error());
        }
        if parsed.is_err() {
            if let Some(Ok(error)) = error_payload(&body) {
                return Err(Error::Scim {
                    exchange: exchange(),
                    error: Box::new(error),
                });
            }
        }
        if !status_ok() {
            return Err(status_error(description));
        }
        match parsed {
            Ok(mut value) => {
                if let Some(etag) = headers.get(ETAG).and_then(|v| v.to_str().ok()) {
                    value.set_version(etag);
                }
                Ok(value)
            }
            Err(source) => Err(Error::InvalidResponse {
                exchange: exchange(),
                source,
            }),
        }
    }
}

//! Reading request bodies and writing responses (RFC 7644 §3.1, §3.3, §3.4.2, §3.14).

use http::{header, HeaderValue, Response, StatusCode};

use scim_runtime_model::context::{Context, Projection};
use scim_runtime_model::media_type::{is_scim_json, SCIM_JSON};
use scim_runtime_model::message::ListResponse;
use scim_runtime_model::Resource;

use super::ScimError;

/// `application/scim+json`.
#[deprecated(
    note = "use `scim_runtime::media_type::SCIM_JSON`, the one constant for client and server"
)]
pub const SCIM_MEDIA_TYPE: &str = SCIM_JSON;

/// Whether a `Content-Type` designates JSON, as [`is_scim_json`] says; `None` is not.
#[deprecated(
    note = "use `scim_runtime::media_type::is_scim_json`, the one predicate for client and server"
)]
pub fn is_scim_media_type(content_type: Option<&str>) -> bool {
    content_type.is_some_and(is_scim_json)
}

/// Reads a request body received in `context`: checks the content type (415 otherwise),
/// parses it, drops what the context ignores and checks the context's rules, refusing
/// attributes the schema does not define (400 with every violation otherwise).
///
/// # Errors
///
/// 415 for a body that is not JSON, 400 `invalidSyntax`/`invalidValue` for a bad payload.
pub fn read_resource<T: Resource>(
    content_type: Option<&str>,
    body: &[u8],
    context: Context,
) -> Result<T, ScimError> {
    if !content_type.is_some_and(is_scim_json) {
        return Err(ScimError::unsupported_media_type(format!(
            "expected Content-Type {SCIM_JSON}, got {}",
            content_type.unwrap_or("none")
        )));
    }
    let mut resource: T = scim_runtime_model::payload::from_slice(body)?;
    resource.drop_ignored_attributes(context);
    resource
        .validate_strict(context)
        .map_err(scim_runtime_model::payload::PayloadError::Violations)?;
    Ok(resource)
}

/// A response with `Content-Type: application/scim+json`.
pub fn scim_response(status: StatusCode, body: Vec<u8>) -> Response<Vec<u8>> {
    let mut response = Response::new(body);
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(SCIM_JSON));
    response
}

/// A resource in its response `context`: 201 for a creation, 200 otherwise; the body shaped by
/// `projection`; `Location` (the resource's `meta.location`, or `base_url` + endpoint + id) and
/// `ETag` (`meta.version`, RFC 7644 §3.14).
pub fn resource_response<T: Resource>(
    resource: &T,
    context: Context,
    projection: Option<&Projection>,
    base_url: &str,
) -> Response<Vec<u8>> {
    let status = if context == Context::CreationResponse {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    let body = serde_json::to_vec(&resource.in_context(context, projection)).unwrap_or_default();
    let mut response = scim_response(status, body);
    let meta = resource.meta();
    let location = meta
        .and_then(|m| m.location.as_ref().map(|l| l.as_str().to_owned()))
        .or_else(|| {
            resource.id().map(|id| {
                format!(
                    "{}{}/{}",
                    base_url.trim_end_matches('/'),
                    T::RESOURCE_TYPE.endpoint,
                    id
                )
            })
        });
    if let Some(value) = location.and_then(|l| HeaderValue::from_str(&l).ok()) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    if let Some(value) = meta
        .and_then(|m| m.version.as_deref())
        .and_then(|v| HeaderValue::from_str(v).ok())
    {
        response.headers_mut().insert(header::ETAG, value);
    }
    response
}

/// A page of resources in its response `context` (a query or search response), shaped by
/// `projection`.
pub fn list_response<T: Resource>(
    list: &ListResponse<T>,
    context: Context,
    projection: Option<&Projection>,
) -> Response<Vec<u8>> {
    let body = serde_json::to_vec(&list.in_context(context, projection)).unwrap_or_default();
    scim_response(StatusCode::OK, body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use scim_runtime_model::validation::ScimType;
    use scim_runtime_model::User;

    #[test]
    #[allow(deprecated)]
    fn the_old_predicate_answers_as_the_one_rule() {
        assert!(is_scim_media_type(Some("application/scim+json")));
        assert!(is_scim_media_type(Some("application/json; charset=utf-8")));
        assert!(is_scim_media_type(Some("Application/SCIM+JSON")));
        assert!(is_scim_media_type(Some("application/vnd.example+json")));
        assert!(!is_scim_media_type(Some("text/plain")));
        assert!(!is_scim_media_type(Some("application/+json")));
        assert!(!is_scim_media_type(None));
    }

    #[test]
    fn reading_a_body_checks_content_type_and_context() {
        let body = br#"{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"x","userName":"b"}"#;
        let e =
            read_resource::<User>(Some("text/plain"), body, Context::CreationRequest).unwrap_err();
        assert_eq!(e.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        let user: User = read_resource(Some(SCIM_JSON), body, Context::CreationRequest).unwrap();
        assert_eq!(user.id, None, "readOnly id ignored in a creation request");
        let e = read_resource::<User>(
            Some(SCIM_JSON),
            b"{\"displayName\":\"x\"}",
            Context::CreationRequest,
        )
        .unwrap_err();
        assert_eq!(
            (e.status, e.scim_type),
            (StatusCode::BAD_REQUEST, Some(ScimType::InvalidValue))
        );
        assert!(e.detail.contains("userName"), "{}", e.detail);
        let e = read_resource::<User>(Some(SCIM_JSON), b"{\"userName\":", Context::CreationRequest)
            .unwrap_err();
        assert_eq!(e.scim_type, Some(ScimType::InvalidSyntax));
    }

    #[test]
    fn errors_become_scim_error_bodies() {
        let response = ScimError::uniqueness("userName bjensen is taken").into_response();
        assert_eq!(response.status(), StatusCode::CONFLICT);
        assert_eq!(response.headers()[header::CONTENT_TYPE], SCIM_JSON);
        let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
        assert_eq!(
            body,
            serde_json::json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "409",
                "scimType": "uniqueness", "detail": "userName bjensen is taken"})
        );
    }
}

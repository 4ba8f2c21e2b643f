//! `POST /Bulk` (RFC 7644 §3.7): many operations in one request, run through the same
//! operations as single requests, with `bulkId` references between them.
//!
//! - A body larger than `maxPayloadSize` or with more than `maxOperations` operations gets 413
//!   (RFC 7644 §3.7.4).
//! - `"bulkId:<id>"`, anywhere in an operation's data or as a segment of its path, stands for
//!   the id of the resource the POST with that `bulkId` created (RFC 7644 §3.7.2). Operations
//!   run in request order, except that one referencing a creation waits for it; references
//!   that cannot be resolved (to a failed creation, to no creation, or in a cycle) fail that
//!   operation with 409 (RFC 7644 §3.7.1).
//! - Failures do not stop the request unless `failOnErrors` is reached (RFC 7644 §3.7.3).
//!   The response lists every operation that ran, in request order.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::State;
use axum::response::Response;
use http::{header, HeaderMap, HeaderValue, StatusCode};
use scim_runtime::media_type::SCIM_JSON;
use scim_runtime::message::{
    BulkMethod, BulkOperation, BulkOperationResponse, BulkRequest, BulkResponse,
};
use scim_runtime::server::{scim_response, ScimError};
use scim_runtime::{Group, Resource, ScimType, User};
use serde_json::Value;

use crate::app::{AppState, Shared};
use crate::handlers::into_axum;
use crate::operations::{self, Reply};

const PREFIX: &str = "bulkId:";

/// The axum handler.
pub async fn handle(State(state): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    // Bulk runs many storage operations: off the async workers, as the single ones.
    let result = tokio::task::spawn_blocking(move || run(&state, &headers, &body))
        .await
        .unwrap_or_else(|e| {
            Err(ScimError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                None,
                format!("the bulk request failed: {e}"),
            ))
        });
    into_axum(result.unwrap_or_else(ScimError::into_response))
}

/// Runs a bulk request.
///
/// # Errors
///
/// 413 over the limits, 415 for a body that is not JSON, 400 `invalidSyntax` for a body that
/// is not a BulkRequest.
pub fn run(state: &AppState, headers: &HeaderMap, body: &[u8]) -> Reply {
    let limits = state.limits;
    if body.len() > limits.max_payload_size {
        return Err(ScimError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            None,
            format!(
                "the request is {} bytes, more than maxPayloadSize ({})",
                body.len(),
                limits.max_payload_size
            ),
        ));
    }
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    if !content_type.is_some_and(scim_runtime::media_type::is_scim_json) {
        return Err(ScimError::unsupported_media_type(format!(
            "expected Content-Type {SCIM_JSON}, got {}",
            content_type.unwrap_or("none")
        )));
    }
    let request: BulkRequest = scim_runtime::payload::from_slice(body)?;
    if request.operations.len() > limits.max_operations {
        return Err(ScimError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            None,
            format!(
                "{} operations, more than maxOperations ({})",
                request.operations.len(),
                limits.max_operations
            ),
        ));
    }
    let outcomes = execute(state, &request);
    let response = BulkResponse {
        operations: outcomes.into_iter().flatten().collect(),
        ..BulkResponse::default()
    };
    let body = serde_json::to_vec(&response).map_err(|e| {
        ScimError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            None,
            format!("cannot write the bulk response: {e}"),
        )
    })?;
    Ok(scim_response(StatusCode::OK, body))
}

/// Where a POST with a bulkId stands.
enum Creation {
    Pending(usize),
    Created(String),
    Failed,
}

/// Runs the operations; the outcome of each, `None` for those not run because
/// `failOnErrors` was reached.
fn execute(state: &AppState, request: &BulkRequest) -> Vec<Option<BulkOperationResponse>> {
    let operations = &request.operations;
    let mut outcomes: Vec<Option<BulkOperationResponse>> = vec![None; operations.len()];
    let mut creations: HashMap<&str, Creation> = HashMap::new();
    let mut duplicates = Vec::new();
    for (index, operation) in operations.iter().enumerate() {
        if let (BulkMethod::Post, Some(bulk_id)) = (operation.method, operation.bulk_id.as_deref())
        {
            if creations.contains_key(bulk_id) {
                duplicates.push(index);
            } else {
                creations.insert(bulk_id, Creation::Pending(index));
            }
        }
    }
    let mut errors = 0u64;
    let stopped = |errors: u64| request.fail_on_errors.is_some_and(|n| errors >= n);
    let mut pending: Vec<usize> = (0..operations.len()).collect();
    while !pending.is_empty() && !stopped(errors) {
        let mut waiting = Vec::new();
        let mut progressed = false;
        for &index in &pending {
            if stopped(errors) {
                break;
            }
            let operation = &operations[index];
            let references = references(operation);
            // Wait for a creation still to run, unless it is this operation itself.
            let blocked = references.iter().any(
                |r| matches!(creations.get(r.as_str()), Some(Creation::Pending(i)) if *i != index),
            );
            if blocked {
                waiting.push(index);
                continue;
            }
            progressed = true;
            let result = if duplicates.contains(&index) {
                Err(ScimError::bad_request(
                    ScimType::InvalidValue,
                    format!(
                        "bulkId `{}` is used by an earlier POST",
                        operation.bulk_id.as_deref().unwrap_or_default()
                    ),
                ))
            } else {
                resolve(operation, &creations)
                    .and_then(|(path, data)| dispatch(state, operation, &path, data.as_ref()))
            };
            let outcome = outcome(state, operation, result);
            let failed = outcome.status >= 400;
            if let (BulkMethod::Post, Some(bulk_id), false) = (
                operation.method,
                operation.bulk_id.as_deref(),
                duplicates.contains(&index),
            ) {
                let created = outcome
                    .location
                    .as_deref()
                    .and_then(|l| l.rsplit('/').next())
                    .filter(|_| !failed)
                    .map(str::to_owned);
                creations.insert(bulk_id, created.map_or(Creation::Failed, Creation::Created));
            }
            errors += u64::from(failed);
            outcomes[index] = Some(outcome);
        }
        if !progressed {
            // Every waiting operation is in a cycle of references.
            for index in waiting.drain(..) {
                if stopped(errors) {
                    break;
                }
                let operation = &operations[index];
                let error = ScimError::new(
                    StatusCode::CONFLICT,
                    None,
                    "the operation is part of a circular bulkId reference",
                );
                outcomes[index] = Some(outcome(state, operation, Err(error)));
                if let (BulkMethod::Post, Some(bulk_id)) =
                    (operation.method, operation.bulk_id.as_deref())
                {
                    creations.insert(bulk_id, Creation::Failed);
                }
                errors += 1;
            }
        }
        pending = waiting;
    }
    outcomes
}

/// The bulkIds an operation references in its path and data.
fn references(operation: &BulkOperation) -> Vec<String> {
    let mut found = Vec::new();
    for segment in operation.path.split('/') {
        if let Some(id) = segment.strip_prefix(PREFIX) {
            found.push(id.to_owned());
        }
    }
    if let Some(data) = &operation.data {
        collect(data, &mut found);
    }
    found
}

fn collect(value: &Value, found: &mut Vec<String>) {
    match value {
        Value::String(s) => {
            if let Some(id) = s.strip_prefix(PREFIX) {
                found.push(id.to_owned());
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect(v, found)),
        Value::Object(map) => map.values().for_each(|v| collect(v, found)),
        _ => {}
    }
}

/// The path and data with every bulkId replaced by the id it stands for.
fn resolve(
    operation: &BulkOperation,
    creations: &HashMap<&str, Creation>,
) -> Result<(String, Option<Value>), ScimError> {
    let lookup = |id: &str| match creations.get(id) {
        Some(Creation::Created(created)) => Ok(created.clone()),
        Some(Creation::Failed) => Err(ScimError::new(
            StatusCode::CONFLICT,
            None,
            format!("the POST with bulkId `{id}` failed"),
        )),
        _ => Err(ScimError::new(
            StatusCode::CONFLICT,
            None,
            format!("no POST in this request has bulkId `{id}`"),
        )),
    };
    let path = operation
        .path
        .split('/')
        .map(|segment| match segment.strip_prefix(PREFIX) {
            Some(id) => lookup(id),
            None => Ok(segment.to_owned()),
        })
        .collect::<Result<Vec<_>, _>>()?
        .join("/");
    let data = operation
        .data
        .as_ref()
        .map(|d| substitute(d, &lookup))
        .transpose()?;
    Ok((path, data))
}

fn substitute(
    value: &Value,
    lookup: &dyn Fn(&str) -> Result<String, ScimError>,
) -> Result<Value, ScimError> {
    Ok(match value {
        Value::String(s) => match s.strip_prefix(PREFIX) {
            Some(id) => Value::String(lookup(id)?),
            None => value.clone(),
        },
        Value::Array(items) => Value::Array(
            items
                .iter()
                .map(|v| substitute(v, lookup))
                .collect::<Result<_, _>>()?,
        ),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| Ok((k.clone(), substitute(v, lookup)?)))
                .collect::<Result<_, ScimError>>()?,
        ),
        other => other.clone(),
    })
}

/// Runs one operation as the single request it stands for.
fn dispatch(
    state: &AppState,
    operation: &BulkOperation,
    path: &str,
    data: Option<&Value>,
) -> Reply {
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    let mut headers = HeaderMap::new();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(SCIM_JSON));
    if let Some(version) = operation.version.as_deref() {
        let value = HeaderValue::from_str(version).map_err(|_| {
            ScimError::bad_request(ScimType::InvalidValue, "`version` is not a valid ETag")
        })?;
        headers.insert(header::IF_MATCH, value);
    }
    let body = || -> Result<Vec<u8>, ScimError> {
        let data = data.ok_or_else(|| {
            ScimError::bad_request(
                ScimType::InvalidSyntax,
                format!("a bulk {:?} needs `data`", operation.method),
            )
        })?;
        Ok(serde_json::to_vec(data).unwrap_or_default())
    };
    let users = User::RESOURCE_TYPE.endpoint.trim_start_matches('/');
    let groups = Group::RESOURCE_TYPE.endpoint.trim_start_matches('/');
    match (operation.method, segments.as_slice()) {
        (BulkMethod::Post, [e]) if *e == users => {
            operations::create::<User>(state, &headers, None, &body()?)
        }
        (BulkMethod::Post, [e]) if *e == groups => {
            operations::create::<Group>(state, &headers, None, &body()?)
        }
        (BulkMethod::Put, [e, id]) if *e == users => {
            operations::replace::<User>(state, id, &headers, None, &body()?)
        }
        (BulkMethod::Put, [e, id]) if *e == groups => {
            operations::replace::<Group>(state, id, &headers, None, &body()?)
        }
        (BulkMethod::Patch, [e, id]) if *e == users => {
            operations::patch::<User>(state, id, &headers, None, &body()?)
        }
        (BulkMethod::Patch, [e, id]) if *e == groups => {
            operations::patch::<Group>(state, id, &headers, None, &body()?)
        }
        (BulkMethod::Delete, [e, id]) if *e == users => {
            operations::delete::<User>(state, id, &headers)
        }
        (BulkMethod::Delete, [e, id]) if *e == groups => {
            operations::delete::<Group>(state, id, &headers)
        }
        _ => Err(ScimError::bad_request(
            ScimType::InvalidPath,
            format!(
                "a bulk {:?} cannot target `{}`: use /Users or /Groups, with an id but for POST",
                operation.method, operation.path
            ),
        )),
    }
}

/// The outcome of one operation (RFC 7644 §3.7.3): `location` and `version` on success, the
/// Error as `response` on failure.
fn outcome(state: &AppState, operation: &BulkOperation, result: Reply) -> BulkOperationResponse {
    let (status, location, version, response) = match result {
        Ok(response) => {
            let header = |name| {
                response
                    .headers()
                    .get(name)
                    .and_then(|v: &HeaderValue| v.to_str().ok())
                    .map(str::to_owned)
            };
            let location = header(header::LOCATION).or_else(|| {
                (operation.method != BulkMethod::Post).then(|| path_url(state, &operation.path))
            });
            (
                response.status().as_u16(),
                location,
                header(header::ETAG),
                None,
            )
        }
        Err(error) => {
            let location =
                (operation.method != BulkMethod::Post).then(|| path_url(state, &operation.path));
            let body = serde_json::to_value(error.to_message()).ok();
            (error.status.as_u16(), location, None, body)
        }
    };
    BulkOperationResponse {
        location,
        method: operation.method,
        bulk_id: operation.bulk_id.clone(),
        version,
        status,
        response,
    }
}

fn path_url(state: &AppState, path: &str) -> String {
    format!("{}/{}", state.base_url, path.trim_start_matches('/'))
}

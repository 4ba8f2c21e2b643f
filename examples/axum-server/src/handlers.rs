//! The axum handlers: each takes what axum extracts and calls the framework-neutral
//! operations of [`crate::operations`] and [`crate::search`].

use axum::body::{Body, Bytes};
use axum::extract::{OriginalUri, Path, RawQuery, State};
use axum::response::Response;
use http::{HeaderMap, Method, StatusCode};
use scim_runtime::server::{ListQuery, MeResolver as _, ScimError};
use scim_runtime::{Context, User};

use crate::app::Shared;
use crate::operations::{self, Reply};
use crate::resources::Served;
use crate::search;

/// An `http` response with a byte body as an axum response.
pub fn into_axum(response: http::Response<Vec<u8>>) -> Response {
    response.map(Body::from)
}

/// Runs a storage-bound operation on the blocking pool, so a long list scan or an SQLite
/// write never holds up the async workers, and answers with its response or SCIM error.
async fn reply(operation: impl FnOnce() -> Reply + Send + 'static) -> Response {
    let result = tokio::task::spawn_blocking(operation)
        .await
        .unwrap_or_else(|e| {
            Err(ScimError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                None,
                format!("the operation failed: {e}"),
            ))
        });
    into_axum(result.unwrap_or_else(ScimError::into_response))
}

/// `POST /Users`, `POST /Groups`.
pub async fn create<R: Served>(
    State(state): State<Shared>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    reply(move || operations::create::<R>(&state, &headers, query.as_deref(), &body)).await
}

/// `GET /Users/{id}`.
pub async fn read<R: Served>(
    State(state): State<Shared>,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    reply(move || operations::read::<R>(&state, &id, &headers, query.as_deref())).await
}

/// `PUT /Users/{id}`.
pub async fn replace<R: Served>(
    State(state): State<Shared>,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    reply(move || operations::replace::<R>(&state, &id, &headers, query.as_deref(), &body)).await
}

/// `PATCH /Users/{id}`.
pub async fn patch<R: Served>(
    State(state): State<Shared>,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    reply(move || operations::patch::<R>(&state, &id, &headers, query.as_deref(), &body)).await
}

/// `DELETE /Users/{id}`.
pub async fn delete<R: Served>(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    reply(move || operations::delete::<R>(&state, &id, &headers)).await
}

/// `GET /Me` (RFC 7644 §3.11): the authenticated subject's User.
pub async fn me_read(
    State(state): State<Shared>,
    parts: http::request::Parts,
    RawQuery(query): RawQuery,
) -> Response {
    reply(move || {
        let me = state.resolve_me(&parts)?;
        operations::read::<User>(&state, &me.id, &parts.headers, query.as_deref())
    })
    .await
}

/// `PUT /Me`.
pub async fn me_replace(
    State(state): State<Shared>,
    parts: http::request::Parts,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> Response {
    reply(move || {
        let me = state.resolve_me(&parts)?;
        operations::replace::<User>(&state, &me.id, &parts.headers, query.as_deref(), &body)
    })
    .await
}

/// `PATCH /Me`.
pub async fn me_patch(
    State(state): State<Shared>,
    parts: http::request::Parts,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> Response {
    reply(move || {
        let me = state.resolve_me(&parts)?;
        operations::patch::<User>(&state, &me.id, &parts.headers, query.as_deref(), &body)
    })
    .await
}

/// `DELETE /Me`.
pub async fn me_delete(State(state): State<Shared>, parts: http::request::Parts) -> Response {
    reply(move || {
        let me = state.resolve_me(&parts)?;
        operations::delete::<User>(&state, &me.id, &parts.headers)
    })
    .await
}

/// `GET /Users?filter=...` (RFC 7644 §3.4.2).
pub async fn list<R: Served>(State(state): State<Shared>, RawQuery(query): RawQuery) -> Response {
    reply(move || {
        ListQuery::from_query(query.as_deref().unwrap_or_default())
            .and_then(|q| search::list::<R>(&state, &q, Context::QueryResponse))
    })
    .await
}

/// `POST /Users/.search` (RFC 7644 §3.4.3).
pub async fn search<R: Served>(
    State(state): State<Shared>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    reply(move || {
        search::search_query(&headers, &body)
            .and_then(|q| search::list::<R>(&state, &q, Context::SearchResponse))
    })
    .await
}

/// `POST /.search` over every resource type.
pub async fn search_all(State(state): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    reply(move || {
        search::search_query(&headers, &body).and_then(|q| search::search_all(&state, &q))
    })
    .await
}

/// Any other path under `/v2`: the discovery endpoints (RFC 7644 §4), else a SCIM 404.
pub async fn fallback(
    State(state): State<Shared>,
    method: Method,
    OriginalUri(uri): OriginalUri,
) -> Response {
    let path = uri.path().strip_prefix("/v2").unwrap_or(uri.path());
    match state.discovery.handle(&method, path, uri.query()) {
        Some(response) => into_axum(response),
        None => not_found(OriginalUri(uri)).await,
    }
}

/// A SCIM 404 for a path no endpoint serves.
pub async fn not_found(OriginalUri(uri): OriginalUri) -> Response {
    into_axum(ScimError::not_found(format!("no endpoint at {}", uri.path())).into_response())
}

/// A SCIM 405 for a method an endpoint does not take.
pub async fn method_not_allowed(method: Method, OriginalUri(uri): OriginalUri) -> Response {
    into_axum(
        ScimError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            None,
            format!("{method} is not allowed on {}", uri.path()),
        )
        .into_response(),
    )
}

//! Listing and searching (RFC 7644 §3.4.2, §3.4.3): filter with
//! [`FilterExt`](scim_runtime::filter::FilterExt), sort with [`scim_runtime::sort`], then page.

use http::{header, HeaderMap};
use scim_runtime::message::{ListResponse, SearchRequest};
use scim_runtime::prelude::*;
use scim_runtime::server::{list_response, scim_response, ListQuery, ScimError};
use scim_runtime::sort::{sort_key, sort_resources, SortKey};
use scim_runtime::{Context, Group, User};

use crate::app::AppState;
use crate::operations::Reply;
use crate::resources::{load_all, Served};

/// The resources of one type matching the query, sorted, and their total before paging.
///
/// # Errors
///
/// A 500 when the store fails.
pub fn matching<R: Served>(state: &AppState, query: &ListQuery) -> Result<Vec<R>, ScimError> {
    let mut items: Vec<R> = load_all::<R>(state)?.into_iter().map(|(_, r)| r).collect();
    R::complete(&mut items, state)?;
    if let Some(filter) = &query.filter {
        items.retain(|r| filter.matches(r));
    }
    if let Some(sort_by) = &query.sort_by {
        sort_resources(&mut items, sort_by, query.sort_order);
    }
    Ok(items)
}

/// A page of one resource type in `context` (a query or search response).
///
/// # Errors
///
/// A 500 when the store fails.
pub fn list<R: Served>(state: &AppState, query: &ListQuery, context: Context) -> Reply {
    let mut items = matching::<R>(state, query)?;
    let total = items.len() as u64;
    let page: Vec<R> = items
        .drain(query.page(items.len(), state.limits.max_results))
        .collect();
    let list = ListResponse::new(page, total, query.start_index);
    let projection = query.projection();
    Ok(list_response(&list, context, Some(&projection)))
}

/// Reads a `.search` body (RFC 7644 §3.4.3).
///
/// # Errors
///
/// 415 for a body that is not JSON, 400 `invalidSyntax` for a bad body, and the errors of
/// [`ListQuery::from_search_request`].
pub fn search_query(headers: &HeaderMap, body: &[u8]) -> Result<ListQuery, ScimError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    if !scim_runtime::server::is_scim_media_type(content_type) {
        return Err(ScimError::unsupported_media_type(format!(
            "expected Content-Type {}, got {}",
            scim_runtime::server::SCIM_MEDIA_TYPE,
            content_type.unwrap_or("none")
        )));
    }
    let request: SearchRequest = scim_runtime::payload::from_slice(body)?;
    ListQuery::from_search_request(&request)
}

/// `POST /.search` over every resource type (RFC 7644 §3.4.3): Users and Groups together,
/// filtered, sorted as one list, then paged.
///
/// # Errors
///
/// A 500 when the store fails.
pub fn search_all(state: &AppState, query: &ListQuery) -> Reply {
    let unsorted = ListQuery {
        sort_by: None,
        ..query.clone()
    };
    let projection = query.projection();
    let mut found: Vec<(Option<SortKey>, serde_json::Value)> = Vec::new();
    let key = |r: &dyn scim_runtime::value::AttributeAccess| {
        query.sort_by.as_ref().and_then(|s| sort_key(r, s))
    };
    for user in matching::<User>(state, &unsorted)? {
        found.push((
            key(&user),
            user.to_json_in(Context::SearchResponse, Some(&projection)),
        ));
    }
    for group in matching::<Group>(state, &unsorted)? {
        found.push((
            key(&group),
            group.to_json_in(Context::SearchResponse, Some(&projection)),
        ));
    }
    if query.sort_by.is_some() {
        // As `sort_resources` orders: unassigned last ascending, first descending (RFC 7644
        // §3.4.2.3); a stable sort keeps Users before Groups among equals.
        let descending = query.sort_order == scim_runtime::message::SortOrder::Descending;
        found.sort_by(|(a, _), (b, _)| {
            let ordering = match (a, b) {
                (Some(a), Some(b)) => a.cmp_ascending(b),
                (Some(_), None) => core::cmp::Ordering::Less,
                (None, Some(_)) => core::cmp::Ordering::Greater,
                (None, None) => core::cmp::Ordering::Equal,
            };
            if descending {
                ordering.reverse()
            } else {
                ordering
            }
        });
    }
    let total = found.len() as u64;
    let page: Vec<serde_json::Value> = found
        .drain(query.page(found.len(), state.limits.max_results))
        .map(|(_, v)| v)
        .collect();
    let list = ListResponse::new(page, total, query.start_index);
    let body = serde_json::to_vec(&list).map_err(|e| {
        ScimError::new(
            http::StatusCode::INTERNAL_SERVER_ERROR,
            None,
            format!("cannot write the list: {e}"),
        )
    })?;
    Ok(scim_response(http::StatusCode::OK, body))
}

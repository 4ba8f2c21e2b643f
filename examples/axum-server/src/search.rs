//! Listing and searching (RFC 7644 §3.4.2, §3.4.3): filter with
//! [`FilterExt`], sort with [`scim_runtime::sort`], then page.

use core::cmp::Ordering;
use std::sync::Arc;

use http::{header, HeaderMap};
use scim_runtime::message::{ListResponse, SearchRequest, SortOrder};
use scim_runtime::prelude::*;
use scim_runtime::server::{list_response, scim_response, ListQuery, ScimError};
use scim_runtime::sort::{sort_key, SortKey};
use scim_runtime::{Context, Group, User};

use crate::app::store_error;
use crate::app::AppState;
use crate::operations::Reply;
use crate::resources::{decode, kind, load_all, Served};

/// The resources of one type matching the query, sorted; whether they are already completed
/// (their computed attributes filled).
///
/// Filtering and sorting read the decoded resources in place; only the page a response
/// returns is cloned. A filter or sort naming a computed attribute (a User's `groups`) needs
/// every resource completed first.
///
/// # Errors
///
/// A 500 when the store fails; a 400 `invalidFilter` for a filter that orders a boolean or
/// binary attribute.
pub fn matching<R: Served>(
    state: &AppState,
    query: &ListQuery,
) -> Result<(Vec<Arc<R>>, bool), ScimError> {
    let names_computed = |text: String| {
        let text = text.to_ascii_lowercase();
        R::computed_attributes().iter().any(|a| text.contains(a))
    };
    let complete_first = query
        .filter
        .as_ref()
        .is_some_and(|f| names_computed(f.to_string()))
        || query
            .sort_by
            .as_ref()
            .is_some_and(|s| names_computed(s.to_string()));
    let indexed = query.filter.as_ref().and_then(R::unique_key_in);
    let mut items = match indexed {
        Some(key) if !complete_first => state
            .store
            .find_unique(kind::<R>(), &key)
            .map_err(store_error)?
            .map(|record| decode::<R>(&record.document).map(Arc::new))
            .transpose()?
            .into_iter()
            .collect(),
        _ => load_all::<R>(state)?,
    };
    if complete_first {
        let mut owned: Vec<R> = items.iter().map(|r| R::clone(r)).collect();
        R::complete(&mut owned, state)?;
        items = owned.into_iter().map(Arc::new).collect();
    }
    if let Some(filter) = &query.filter {
        // A filter the RFC says must fail (ordering a boolean or binary) is a 400
        // `invalidFilter` (RFC 7644 §3.4.2.2), not an empty list.
        let mut kept = Vec::with_capacity(items.len());
        for r in items {
            let keep = filter
                .evaluate(&*r)
                .map_err(|e| ScimError::bad_request(e.scim_type(), e.to_string()))?;
            if keep {
                kept.push(r);
            }
        }
        items = kept;
    }
    if let Some(sort_by) = &query.sort_by {
        let mut keyed: Vec<(Option<SortKey>, Arc<R>)> = items
            .into_iter()
            .map(|r| (sort_key(&*r, sort_by), r))
            .collect();
        keyed.sort_by(|(a, _), (b, _)| compare(a.as_ref(), b.as_ref(), query.sort_order));
        items = keyed.into_iter().map(|(_, r)| r).collect();
    }
    Ok((items, complete_first))
}

/// The order of RFC 7644 §3.4.2.3, as [`scim_runtime::sort::sort_resources`] applies it:
/// unassigned values last ascending, first descending; used with a stable sort.
fn compare(a: Option<&SortKey>, b: Option<&SortKey>, order: SortOrder) -> Ordering {
    let ordering = match (a, b) {
        (Some(a), Some(b)) => a.cmp_ascending(b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    match order {
        SortOrder::Ascending => ordering,
        SortOrder::Descending => ordering.reverse(),
    }
}

/// Where a page of `total` results lies, by index or by cursor (RFC 9865), and the list
/// response around it, still without its results.
///
/// # Errors
///
/// A 400 `invalidCursor` or `expiredCursor` for a cursor the server refuses.
fn paged<T>(
    state: &AppState,
    query: &ListQuery,
    endpoint: &str,
    total: usize,
) -> Result<(core::ops::Range<usize>, ListResponse<T>), ScimError> {
    if !query.is_cursor_paging() {
        let range = query.page(total, state.limits.max_results);
        return Ok((
            range,
            ListResponse::new(Vec::new(), total as u64, query.start_index),
        ));
    }
    let page = query.cursor_page(&state.cursors, endpoint, total, state.limits.max_results)?;
    let mut list = ListResponse::with_cursor(Vec::new(), Some(total as u64), page.next_cursor);
    list.previous_cursor = page.previous_cursor;
    Ok((page.range, list))
}

/// A page of one resource type in `context` (a query or search response), by index or by
/// cursor.
///
/// # Errors
///
/// A 500 when the store fails; a 400 `invalidFilter` for a filter that orders a boolean or
/// binary attribute; a 400 `invalidCursor` or `expiredCursor` for a cursor the server refuses.
pub fn list<R: Served>(state: &AppState, query: &ListQuery, context: Context) -> Reply {
    let (items, completed) = matching::<R>(state, query)?;
    let (range, mut list) = paged(state, query, R::RESOURCE_TYPE.endpoint, items.len())?;
    let mut page: Vec<R> = items[range].iter().map(|r| R::clone(r)).collect();
    if !completed {
        R::complete(&mut page, state)?;
    }
    list.items_per_page = Some(page.len() as u64);
    list.resources = page;
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
    if !content_type.is_some_and(scim_runtime::media_type::is_scim_json) {
        return Err(ScimError::unsupported_media_type(format!(
            "expected Content-Type {}, got {}",
            scim_runtime::media_type::SCIM_JSON,
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
/// A 500 when the store fails; a 400 `invalidFilter` for a filter that orders a boolean or
/// binary attribute.
pub fn search_all(state: &AppState, query: &ListQuery) -> Reply {
    let unsorted = ListQuery {
        sort_by: None,
        ..query.clone()
    };
    let projection = query.projection();
    let key = |r: &dyn scim_runtime::value::AttributeAccess| {
        query.sort_by.as_ref().and_then(|s| sort_key(r, s))
    };
    // Users and Groups completed, keyed, then sorted and paged as one list.
    let (users, completed) = matching::<User>(state, &unsorted)?;
    let mut users: Vec<User> = users.iter().map(|u| User::clone(u)).collect();
    if !completed {
        User::complete(&mut users, state)?;
    }
    let (groups, _) = matching::<Group>(state, &unsorted)?;
    let mut found: Vec<(Option<SortKey>, Found)> = users
        .into_iter()
        .map(|u| (key(&u), Found::User(Box::new(u))))
        .chain(groups.into_iter().map(|g| (key(&*g), Found::Group(g))))
        .collect();
    if query.sort_by.is_some() {
        found.sort_by(|(a, _), (b, _)| compare(a.as_ref(), b.as_ref(), query.sort_order));
    }
    let (range, mut list) = paged(state, query, "/", found.len())?;
    let page: Vec<serde_json::Value> = found
        .drain(range)
        .map(|(_, f)| match f {
            Found::User(u) => u.to_json_in(Context::SearchResponse, Some(&projection)),
            Found::Group(g) => g.to_json_in(Context::SearchResponse, Some(&projection)),
        })
        .collect();
    list.items_per_page = Some(page.len() as u64);
    list.resources = page;
    let body = serde_json::to_vec(&list).map_err(|e| {
        ScimError::new(
            http::StatusCode::INTERNAL_SERVER_ERROR,
            None,
            format!("cannot write the list: {e}"),
        )
    })?;
    Ok(scim_response(http::StatusCode::OK, body))
}

/// A resource found by a search over every type.
enum Found {
    User(Box<User>),
    Group(Arc<Group>),
}

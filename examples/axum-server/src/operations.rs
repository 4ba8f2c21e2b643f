//! The operations on one resource (RFC 7644 §3.3, §3.4.1, §3.5, §3.6), independent of the web
//! framework: each takes the request's headers, query string and body and gives the SCIM
//! response, so the axum handlers and the bulk endpoint share them.

use http::{header, HeaderMap, HeaderValue, Response, StatusCode};
use scim_runtime::message::PatchOp;
use scim_runtime::server::{read_resource, resource_response, scim_response, ListQuery, ScimError};
use scim_runtime::{Context, DateTime, Group, Meta, Projection, Reference, Resource, ScimType};

use crate::app::{store_error, AppState};
use crate::resources::{decode, kind, Served};
use crate::storage::StoreError;

/// A SCIM response, or the SCIM error to answer instead.
pub type Reply = Result<Response<Vec<u8>>, ScimError>;

/// The weak ETag of a version (RFC 7644 §3.14): `W/"3"`.
pub fn etag(version: u64) -> String {
    format!("W/\"{version}\"")
}

/// A new resource id: 128 random bits written as a UUID (version 4 layout).
pub fn new_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    // `RandomState` is seeded from the operating system's randomness; hashing a counter with
    // two fresh states gives two independent 64-bit values without another dependency.
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let mut halves = [0u64; 2];
    for half in &mut halves {
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u64(n);
        *half = hasher.finish();
    }
    let [a, b] = halves;
    let b = (b & 0x3fff_ffff_ffff_ffff) | 0x8000_0000_0000_0000;
    let a = (a & 0xffff_ffff_ffff_0fff) | 0x0000_0000_0000_4000;
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xffff,
        b >> 48,
        b & 0xffff_ffff_ffff
    )
}

fn content_type(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
}

/// The `attributes`/`excludedAttributes` projection asked for in the query string, if any
/// (RFC 7644 §3.9: also on POST, PUT and PATCH).
fn projection(query: Option<&str>) -> Result<Option<Projection>, ScimError> {
    let Some(query) = query else {
        return Ok(None);
    };
    let query = ListQuery::from_query(query)?;
    Ok(
        (!query.attributes.is_empty() || !query.excluded_attributes.is_empty())
            .then(|| query.projection()),
    )
}

/// Whether an entity-tag list (`If-Match`, `If-None-Match`) names `version`; weak and strong
/// tags compare equal (RFC 7232 §2.3.2's weak comparison).
fn names_version(list: &str, version: &str) -> bool {
    let opaque = |tag: &str| tag.trim().trim_start_matches("W/").to_owned();
    list.split(',')
        .any(|tag| tag.trim() == "*" || opaque(tag) == opaque(version))
}

/// Checks `If-Match` against the stored version: 412 when it names another (RFC 7644 §3.14).
fn check_if_match(
    headers: &HeaderMap,
    kind: &str,
    id: &str,
    version: u64,
) -> Result<(), ScimError> {
    match headers.get(header::IF_MATCH).map(|v| v.to_str()) {
        None => Ok(()),
        Some(Ok(list)) if names_version(list, &etag(version)) => Ok(()),
        Some(_) => Err(ScimError::precondition_failed(format!(
            "{kind} `{id}` is at version {}, not the one in If-Match",
            etag(version)
        ))),
    }
}

/// Sets the server-maintained `meta` (RFC 7643 §3.1).
fn stamp<R: Resource>(
    resource: &mut R,
    state: &AppState,
    id: &str,
    created: Option<DateTime>,
    version: u64,
) {
    resource.set_id(Some(id.to_owned()));
    let now = DateTime::now();
    *resource.meta_mut() = Some(Meta {
        resource_type: Some(kind::<R>().to_owned()),
        created: Some(created.unwrap_or_else(|| now.clone())),
        last_modified: Some(now),
        location: Some(Reference::new(
            state.location(R::RESOURCE_TYPE.endpoint, id),
        )),
        version: Some(etag(version)),
        ..Meta::default()
    });
}

fn encode<R: Resource>(resource: &R) -> Result<String, ScimError> {
    serde_json::to_string(resource).map_err(|e| {
        ScimError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            None,
            format!("cannot write the {}: {e}", kind::<R>()),
        )
    })
}

fn not_found<R: Resource>(id: &str) -> ScimError {
    ScimError::not_found(format!("no {} with id `{id}`", kind::<R>()))
}

/// `POST /Users`, `POST /Groups` (RFC 7644 §3.3): 201 with the resource and its `Location`.
///
/// # Errors
///
/// 415 for a body that is not JSON, 400 for a bad payload, 409 `uniqueness` for a taken
/// `userName`.
pub fn create<R: Served>(
    state: &AppState,
    headers: &HeaderMap,
    query: Option<&str>,
    body: &[u8],
) -> Reply {
    let projection = projection(query)?;
    let mut resource: R = read_resource(content_type(headers), body, Context::CreationRequest)?;
    resource.prepare(state)?;
    let created = loop {
        let id = new_id();
        stamp(&mut resource, state, &id, None, 1);
        let document = encode(&resource)?;
        match state.store.insert(
            kind::<R>(),
            &id,
            resource.unique_key().as_deref(),
            &document,
        ) {
            Ok(()) => break resource,
            // 128 random bits do not collide in practice; if they do, draw again.
            Err(StoreError::DuplicateId(_)) => continue,
            Err(e) => return Err(store_error(e)),
        }
    };
    let mut created = created;
    R::complete(std::slice::from_mut(&mut created), state)?;
    Ok(resource_response(
        &created,
        Context::CreationResponse,
        projection.as_ref(),
        &state.base_url,
    ))
}

/// `GET /Users/{id}` (RFC 7644 §3.4.1): 304 when `If-None-Match` names the current version.
///
/// # Errors
///
/// 404 for an unknown id.
pub fn read<R: Served>(
    state: &AppState,
    id: &str,
    headers: &HeaderMap,
    query: Option<&str>,
) -> Reply {
    let projection = projection(query)?;
    let record = state
        .store
        .get(kind::<R>(), id)
        .map_err(store_error)?
        .ok_or_else(|| not_found::<R>(id))?;
    let version = etag(record.version);
    if let Some(Ok(list)) = headers.get(header::IF_NONE_MATCH).map(|v| v.to_str()) {
        if names_version(list, &version) {
            let mut response = scim_response(StatusCode::NOT_MODIFIED, Vec::new());
            if let Ok(value) = HeaderValue::from_str(&version) {
                response.headers_mut().insert(header::ETAG, value);
            }
            return Ok(response);
        }
    }
    let mut resource: R = decode(&record.document)?;
    R::complete(std::slice::from_mut(&mut resource), state)?;
    Ok(resource_response(
        &resource,
        Context::QueryResponse,
        projection.as_ref(),
        &state.base_url,
    ))
}

/// Reads, changes and writes back one resource, honouring `If-Match`. Without `If-Match`, a
/// concurrent change makes it start over from the new version rather than fail.
fn modify<R: Served>(
    state: &AppState,
    id: &str,
    headers: &HeaderMap,
    mut change: impl FnMut(&R) -> Result<R, ScimError>,
) -> Result<R, ScimError> {
    let mut attempts = 0;
    loop {
        attempts += 1;
        let record = state
            .store
            .get(kind::<R>(), id)
            .map_err(store_error)?
            .ok_or_else(|| not_found::<R>(id))?;
        check_if_match(headers, kind::<R>(), id, record.version)?;
        let stored: R = decode(&record.document)?;
        let mut changed = change(&stored)?;
        changed.prepare(state)?;
        let created = stored.meta().and_then(|m| m.created.clone());
        stamp(&mut changed, state, id, created, record.version + 1);
        let document = encode(&changed)?;
        match state.store.update(
            kind::<R>(),
            id,
            record.version,
            changed.unique_key().as_deref(),
            &document,
        ) {
            Ok(_) => return Ok(changed),
            Err(StoreError::Stale { .. })
                if attempts < 5 && !headers.contains_key(header::IF_MATCH) =>
            {
                continue
            }
            Err(e) => return Err(store_error(e)),
        }
    }
}

/// `PUT /Users/{id}` (RFC 7644 §3.5.1): the replacement follows the PUT rules of
/// [`scim_runtime::patch::apply_put`] (readOnly attributes kept, immutable ones checked,
/// omitted writeOnly ones kept).
///
/// # Errors
///
/// 404, 412 for a stale `If-Match`, 415, 400 (`mutability` for a changed immutable
/// attribute), 409 `uniqueness`.
pub fn replace<R: Served>(
    state: &AppState,
    id: &str,
    headers: &HeaderMap,
    query: Option<&str>,
    body: &[u8],
) -> Reply {
    let projection = projection(query)?;
    let replacement: R = read_resource(content_type(headers), body, Context::ReplacementRequest)?;
    let mut replaced = modify(state, id, headers, |stored: &R| {
        Ok(scim_runtime::patch::apply_put(stored, replacement.clone())?)
    })?;
    R::complete(std::slice::from_mut(&mut replaced), state)?;
    Ok(resource_response(
        &replaced,
        Context::ReplacementResponse,
        projection.as_ref(),
        &state.base_url,
    ))
}

/// `PATCH /Users/{id}` (RFC 7644 §3.5.2): the operations applied atomically by
/// [`scim_runtime::patch::apply`]; 200 with the resource.
///
/// # Errors
///
/// 404, 412, 415, 400 (`invalidSyntax` for a bad body, `invalidPath`, `noTarget`,
/// `mutability`, `invalidValue` from the operations), 409 `uniqueness`.
pub fn patch<R: Served>(
    state: &AppState,
    id: &str,
    headers: &HeaderMap,
    query: Option<&str>,
    body: &[u8],
) -> Reply {
    let projection = projection(query)?;
    if !content_type(headers).is_some_and(scim_runtime::media_type::is_scim_json) {
        return Err(ScimError::unsupported_media_type(format!(
            "expected Content-Type {}, got {}",
            scim_runtime::media_type::SCIM_JSON,
            content_type(headers).unwrap_or("none")
        )));
    }
    let operations: PatchOp<R> = scim_runtime::payload::from_slice(body)?;
    if operations.operations.is_empty() {
        return Err(ScimError::bad_request(
            ScimType::InvalidValue,
            "a PatchOp needs at least one operation (RFC 7644 §3.5.2)",
        ));
    }
    let mut patched = modify(state, id, headers, |stored: &R| {
        let mut resource = stored.clone();
        scim_runtime::patch::apply(&mut resource, &operations)?;
        Ok(resource)
    })?;
    R::complete(std::slice::from_mut(&mut patched), state)?;
    Ok(resource_response(
        &patched,
        Context::PatchResponse,
        projection.as_ref(),
        &state.base_url,
    ))
}

/// `DELETE /Users/{id}` (RFC 7644 §3.6): 204; the resource also leaves every Group it was a
/// member of, so no member points to nothing.
///
/// # Errors
///
/// 404, 412 for a stale `If-Match`.
pub fn delete<R: Served>(state: &AppState, id: &str, headers: &HeaderMap) -> Reply {
    let record = state
        .store
        .get(kind::<R>(), id)
        .map_err(store_error)?
        .ok_or_else(|| not_found::<R>(id))?;
    check_if_match(headers, kind::<R>(), id, record.version)?;
    if !state.store.delete(kind::<R>(), id).map_err(store_error)? {
        return Err(not_found::<R>(id));
    }
    remove_member(state, id)?;
    Ok(scim_response(StatusCode::NO_CONTENT, Vec::new()))
}

/// Removes `member` from every Group that lists it.
fn remove_member(state: &AppState, member: &str) -> Result<(), ScimError> {
    let groups = state.store.list(kind::<Group>()).map_err(store_error)?;
    for record in groups {
        let group: Group = decode(&record.document)?;
        if group
            .members
            .iter()
            .any(|m| m.value.as_deref() == Some(member))
        {
            modify(state, &record.id, &HeaderMap::new(), |stored: &Group| {
                let mut group = stored.clone();
                group.members.retain(|m| m.value.as_deref() != Some(member));
                Ok(group)
            })?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_uuid_shaped_and_distinct() {
        let a = new_id();
        let b = new_id();
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "4");
    }

    #[test]
    fn entity_tags_compare_weakly() {
        assert!(names_version("W/\"3\"", "W/\"3\""));
        assert!(names_version("\"3\"", "W/\"3\""));
        assert!(names_version("W/\"1\", W/\"3\"", "W/\"3\""));
        assert!(names_version("*", "W/\"3\""));
        assert!(!names_version("W/\"2\"", "W/\"3\""));
    }
}

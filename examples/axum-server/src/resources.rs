//! What the server does per resource type beyond storing it: the unique key of a User, the
//! member references of a Group, and the `groups` of a User, computed from the Groups.

use std::any::Any;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use scim_runtime::filter::{CompValue, CompareOp, Filter};
use scim_runtime::resources::MemberType;
use scim_runtime::resources::{UserGroup, UserGroupType};
use scim_runtime::server::ScimError;
use scim_runtime::{Group, Reference, Resource, ScimType, User};

use crate::app::{store_error, AppState};

/// A resource type the server serves.
pub trait Served: Resource + Clone + Send + Sync + 'static {
    /// The value that must be unique among resources of this type, normalised, if any.
    fn unique_key(&self) -> Option<String>;

    /// Checks and completes what the server derives before storing: references must point to
    /// existing resources; computed attributes are not stored.
    ///
    /// # Errors
    ///
    /// A 400 `invalidValue` for a reference to nothing.
    fn prepare(&mut self, state: &AppState) -> Result<(), ScimError>;

    /// Fills the attributes the server computes on read.
    ///
    /// # Errors
    ///
    /// A 500 when the store fails.
    fn complete(items: &mut [Self], state: &AppState) -> Result<(), ScimError>;

    /// The attributes [`Served::complete`] fills: a filter or sort naming one of them needs
    /// every resource completed first.
    fn computed_attributes() -> &'static [&'static str] {
        &[]
    }

    /// The unique key a filter selects by equality, if it is such a filter: the resources
    /// matching it are at most the one holding the key.
    fn unique_key_in(_filter: &Filter) -> Option<String> {
        None
    }
}

/// The resource type name, which is also the storage kind.
pub fn kind<R: Resource>() -> &'static str {
    R::RESOURCE_TYPE.name
}

/// Resources already decoded, by kind and id, each with the version it was decoded from, so a
/// list decodes only what changed since the last one. The store stays the authority: an entry
/// is used only while the store lists the same version.
#[derive(Default)]
pub struct DecodedCache {
    kinds: Mutex<HashMap<&'static str, HashMap<String, Entry>>>,
    /// The whole list of each kind, with the store generation it was read at.
    snapshots: Mutex<HashMap<&'static str, Entry>>,
}

type Entry = (u64, Arc<dyn Any + Send + Sync>);

impl std::fmt::Debug for DecodedCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DecodedCache").finish_non_exhaustive()
    }
}

impl DecodedCache {
    fn snapshot(&self, kind: &'static str, generation: u64) -> Option<Arc<dyn Any + Send + Sync>> {
        let snapshots = self.snapshots.lock().unwrap_or_else(|e| e.into_inner());
        snapshots
            .get(kind)
            .filter(|(g, _)| *g == generation)
            .map(|(_, list)| list.clone())
    }

    fn set_snapshot(&self, kind: &'static str, generation: u64, list: Arc<dyn Any + Send + Sync>) {
        let mut snapshots = self.snapshots.lock().unwrap_or_else(|e| e.into_inner());
        snapshots.insert(kind, (generation, list));
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<&'static str, HashMap<String, Entry>>> {
        // Entries are inserted whole: a panic elsewhere cannot leave one half-written.
        self.kinds.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Every stored resource of a type, in creation order, decoded once per version.
///
/// # Errors
///
/// A 500 for a store failure or a stored document that no longer reads.
pub fn load_all<R: Served>(state: &AppState) -> Result<Vec<Arc<R>>, ScimError> {
    let kind = kind::<R>();
    // Read before the documents: a write in between leaves the snapshot tagged as older.
    let generation = state.store.generation();
    let snapshot = state.cache.snapshot(kind, generation);
    if let Some(list) = snapshot.and_then(|s| s.downcast::<Vec<Arc<R>>>().ok()) {
        return Ok(Vec::clone(&list));
    }
    let list = load_versions::<R>(state)?;
    state
        .cache
        .set_snapshot(kind, generation, Arc::new(list.clone()));
    Ok(list)
}

/// Every stored resource of a type, decoding only those not decoded at their version yet.
fn load_versions<R: Served>(state: &AppState) -> Result<Vec<Arc<R>>, ScimError> {
    let kind = kind::<R>();
    let versions = state.store.versions(kind).map_err(store_error)?;
    let mut found: Vec<Option<Arc<R>>> = {
        let cache = state.cache.lock();
        let entries = cache.get(kind);
        versions
            .iter()
            .map(|(id, version)| {
                entries
                    .and_then(|e| e.get(id))
                    .filter(|(v, _)| v == version)
                    .and_then(|(_, r)| r.clone().downcast::<R>().ok())
            })
            .collect()
    };
    let mut decoded = Vec::new();
    for ((id, _), slot) in versions.iter().zip(&mut found) {
        if slot.is_some() {
            continue;
        }
        // Deleted since the versions were read: left out, as a list a moment later would.
        if let Some(record) = state.store.get(kind, id).map_err(store_error)? {
            let resource = Arc::new(decode::<R>(&record.document)?);
            decoded.push((id.clone(), record.version, resource.clone()));
            *slot = Some(resource);
        }
    }
    let mut cache = state.cache.lock();
    let entries = cache.entry(kind).or_default();
    for (id, version, resource) in decoded {
        entries.insert(id, (version, resource));
    }
    if entries.len() > versions.len() {
        let live: std::collections::HashSet<&str> =
            versions.iter().map(|(id, _)| id.as_str()).collect();
        entries.retain(|id, _| live.contains(id.as_str()));
    }
    Ok(found.into_iter().flatten().collect())
}

/// Reads a stored document.
///
/// # Errors
///
/// A 500 naming the JSON error: the store holds what the server wrote, so this is a fault.
pub fn decode<R: Resource>(document: &str) -> Result<R, ScimError> {
    serde_json::from_str(document).map_err(|e| {
        ScimError::new(
            http::StatusCode::INTERNAL_SERVER_ERROR,
            None,
            format!("a stored {} does not read: {e}", kind::<R>()),
        )
    })
}

impl Served for User {
    /// `userName` is unique case-insensitively (RFC 7643 §4.1.1).
    fn unique_key(&self) -> Option<String> {
        self.user_name.as_deref().map(str::to_lowercase)
    }

    fn prepare(&mut self, _state: &AppState) -> Result<(), ScimError> {
        // `groups` is readOnly and derived from the Groups' members (RFC 7643 §4.1.2).
        self.groups.clear();
        Ok(())
    }

    fn complete(items: &mut [Self], state: &AppState) -> Result<(), ScimError> {
        let groups = state.store.list(kind::<Group>()).map_err(store_error)?;
        if groups.is_empty() {
            return Ok(());
        }
        let mut by_member: HashMap<String, Vec<UserGroup>> = HashMap::new();
        for record in groups {
            let group: Group = decode(&record.document)?;
            for member in &group.members {
                if let Some(value) = &member.value {
                    by_member.entry(value.clone()).or_default().push(UserGroup {
                        value: Some(record.id.clone()),
                        r#ref: Some(Reference::new(
                            state.location(Group::RESOURCE_TYPE.endpoint, &record.id),
                        )),
                        display: group.display_name.clone(),
                        r#type: Some(UserGroupType::Direct),
                        ..Default::default()
                    });
                }
            }
        }
        for user in items {
            if let Some(groups) = user.id.as_ref().and_then(|id| by_member.get(id)) {
                user.groups = groups.clone();
            }
        }
        Ok(())
    }

    fn computed_attributes() -> &'static [&'static str] {
        &["groups"]
    }

    /// `userName eq "..."` (the common lookup of provisioning clients). Only for an ASCII
    /// value, whose lower case is the key however the filter folds case.
    fn unique_key_in(filter: &Filter) -> Option<String> {
        let Filter::Comparison(c) = filter else {
            return None;
        };
        let core = c
            .path
            .schema()
            .is_none_or(|s| s.eq_ignore_ascii_case(User::SCHEMA.id));
        let user_name = core
            && c.path.sub_attr().is_none()
            && c.path.name().as_str().eq_ignore_ascii_case("userName")
            && c.op == CompareOp::Equal;
        match &c.value {
            CompValue::String(value) if user_name && value.is_ascii() => {
                Some(value.to_ascii_lowercase())
            }
            _ => None,
        }
    }
}

impl Served for Group {
    fn unique_key(&self) -> Option<String> {
        None
    }

    /// Every member must be an existing User or Group; its `$ref` and `type` are set from
    /// what it is (RFC 7643 §4.2).
    fn prepare(&mut self, state: &AppState) -> Result<(), ScimError> {
        let own_id = self.id.clone();
        for (index, member) in self.members.iter_mut().enumerate() {
            let Some(value) = member.value.clone() else {
                return Err(ScimError::bad_request(
                    ScimType::InvalidValue,
                    format!("members[{index}] has no value"),
                ));
            };
            // `known()`: a type sent as "USER" is `User` (not caseExact, RFC 7643 §2.2), which
            // a structural `match` on the value would miss.
            let known = member.r#type.as_ref().and_then(MemberType::known);
            let candidates: &[(&str, &str, MemberType)] = match known {
                Some(MemberType::User) => &[("User", "/Users", MemberType::User)],
                Some(MemberType::Group) => &[("Group", "/Groups", MemberType::Group)],
                _ => &[
                    ("User", "/Users", MemberType::User),
                    ("Group", "/Groups", MemberType::Group),
                ],
            };
            let mut found = None;
            for (kind, endpoint, ty) in candidates {
                if state
                    .store
                    .get(kind, &value)
                    .map_err(store_error)?
                    .is_some()
                {
                    found = Some((*endpoint, ty.clone()));
                    break;
                }
            }
            let Some((endpoint, ty)) = found else {
                return Err(ScimError::bad_request(
                    ScimType::InvalidValue,
                    format!("members[{index}]: no User or Group has the id `{value}`"),
                ));
            };
            if ty == MemberType::Group && own_id.as_deref() == Some(value.as_str()) {
                return Err(ScimError::bad_request(
                    ScimType::InvalidValue,
                    format!("members[{index}]: a group cannot be its own member"),
                ));
            }
            member.r#ref = Some(Reference::new(state.location(endpoint, &value)));
            member.r#type = Some(ty);
        }
        Ok(())
    }

    fn complete(_items: &mut [Self], _state: &AppState) -> Result<(), ScimError> {
        Ok(())
    }
}

//! Applying PATCH requests (RFC 7644 §3.5.2) to resources.
//!
//! One engine serves every resource: it works on the JSON object of a resource, guided by the
//! attribute metadata ([`AttributeDef`](crate::attribute::AttributeDef)s) of its schemas. [`apply`]
//! writes a typed resource (standard, generated or derived) to JSON, applies the operations
//! and reads it back; [`DynamicResource::apply_patch`](crate::dynamic::DynamicResource::apply_patch)
//! and [`apply_to_json`] apply them to JSON directly.
//!
//! What the engine does, following RFC 7644 §3.5.2.1–3 and scim2-models where the RFC leaves
//! room:
//! - `add`, `replace` and `remove`, with and without `path`; value filters
//!   (`emails[type eq "work"].value`, `members[value eq "2819c223"]`); URN-qualified paths,
//!   extension attributes (`urn:...:enterprise:2.0:User:manager.value`) and a path that is an
//!   extension's URN with an object of its attributes; names in any case (RFC 7643 §2.1).
//! - `add` appends to a multi-valued attribute the values it does not hold yet; `add` and
//!   `replace` on a complex attribute, or without a path, write the sub-attributes (or
//!   attributes) the value names and leave the others; `replace` of a multi-valued attribute
//!   without a filter replaces all its values; a null `replace` value unassigns the target.
//! - A value marked `primary` unmarks the others (RFC 7643 §2.4).
//! - Atomic: when an operation fails, the resource is left as it was.
//! - Errors ([`PatchError`]) carry the `scimType` scim2-server answers with: `mutability` for a
//!   path naming a `readOnly` attribute, a change to an `immutable` value already assigned, or
//!   a `required` attribute removed; `invalidPath` for a path that names no attribute or does
//!   not follow the grammar (its value filter included); `invalidFilter` for a value filter on
//!   a single-valued attribute; `noTarget` for a `remove` without a path and
//!   for an `add`/`replace` whose value filter matches nothing (a `remove` whose filter matches
//!   nothing succeeds, as in scim2-server); `invalidValue` for a missing value, a value of the
//!   wrong type, or an attribute the schema does not declare.
//! - Peer quirks: `op` in any case ([`PatchOperationKind`](crate::message::PatchOperationKind)),
//!   Microsoft Entra ID's `remove` with a `value` listing the values to remove, and booleans
//!   sent as strings (`"True"`, `"False"`).
//!
//! ```
//! use scim_runtime::message::{PatchOp, PatchOperationKind::*};
//! use scim_runtime::{patch, User};
//! use serde_json::json;
//!
//! let mut user: User = serde_json::from_value(json!({"userName": "bjensen",
//!     "emails": [{"value": "bjensen@example.com", "type": "work", "primary": true}]}))?;
//! let request = PatchOp::<User>::default()
//!     .with(Add, Some("emails"), Some(json!([{"value": "babs@example.org", "primary": true}])))
//!     .with(Replace, Some(r#"emails[type eq "work"].type"#), Some(json!("home")));
//! patch::apply(&mut user, &request)?;
//! assert_eq!(user.emails[0].primary, Some(false), "the new primary email unmarks the old one");
//! assert_eq!(user.emails[1].primary, Some(true));
//!
//! let refused = PatchOp::<User>::default().with(Replace, Some("id"), Some(json!("other")));
//! let error = patch::apply(&mut user, &refused).unwrap_err();
//! assert_eq!(error.scim_type(), scim_runtime::ScimType::Mutability);
//! assert_eq!(error.to_string(), "operation 0 (replace `id`): 'id' is read-only");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod apply;
mod diff;
mod error;
mod put;
mod target;
mod value;

use serde_json::{Map, Value};

pub use error::PatchError;
pub use target::ResourceShape;

use crate::message::{PatchOp, PatchOperation};
use crate::Resource;

/// Applies a PATCH request to a typed resource (RFC 7644 §3.5.2), atomically: on error the
/// resource is unchanged.
///
/// # Errors
///
/// The first operation that cannot be applied, with its index, path and `scimType`.
pub fn apply<R: Resource>(resource: &mut R, patch: &PatchOp<R>) -> Result<(), PatchError> {
    let shape = ResourceShape::of::<R>();
    let mut object = to_object(resource)?;
    apply::apply_operations(&mut object, &shape, &patch.operations)?;
    *resource = from_object(object, &shape)?;
    Ok(())
}

/// Applies PATCH operations to the JSON object of a resource of `shape` (the form a typed
/// resource serializes to, or the attributes of a
/// [`DynamicResource`](crate::dynamic::DynamicResource)), atomically. Attributes are stored
/// under their canonical names; a `schemas` list, if the object has one, is kept in step with
/// the extension blocks present.
///
/// # Errors
///
/// As [`apply`].
pub fn apply_to_json(
    object: &mut Map<String, Value>,
    shape: &ResourceShape,
    operations: &[PatchOperation],
) -> Result<(), PatchError> {
    apply::apply_operations(object, shape, operations)
}

/// The PATCH request that turns `from` into `to`: applied to `from` with [`apply`], it gives
/// `to` (scim2-models `PatchOp.build_from`).
///
/// Attribute by attribute: what `to` leaves unassigned is removed, what `from` lacks is added,
/// a changed single value is replaced, a changed complex value or extension block is diffed
/// sub-attribute by sub-attribute, and a changed multi-valued attribute gets an `add` of the
/// values `to` appends, or a `replace` of all its values. `readOnly` attributes (`id`, `meta`,
/// `groups`) are left out, since a client cannot write them, and so are attributes the schemas
/// do not declare (kept in `other`), which no PATCH path can name; a change to an `immutable`
/// value already assigned gives a request that fails with `mutability` when applied, as the
/// service provider would refuse it.
///
/// ```
/// use scim_runtime::{patch, Context, Resource, User};
/// use serde_json::json;
///
/// let from: User = serde_json::from_value(json!({"userName": "bjensen", "nickName": "Babs",
///     "name": {"givenName": "Barbara", "familyName": "Jensen"}}))?;
/// let to: User = serde_json::from_value(json!({"userName": "bjensen", "title": "Tour Guide",
///     "name": {"givenName": "Barbara", "familyName": "Jensen-Smith"}}))?;
/// let request = patch::diff(&from, &to);
/// let ops = serde_json::to_value(&request.operations)?;
/// assert_eq!(ops, json!([
///     {"op": "replace", "path": "name", "value": {"familyName": "Jensen-Smith"}},
///     {"op": "remove", "path": "nickName"},
///     {"op": "add", "path": "title", "value": "Tour Guide"},
/// ]));
///
/// let mut patched = from.clone();
/// patch::apply(&mut patched, &request)?;
/// assert_eq!(patched.to_json_in(Context::Default, None), to.to_json_in(Context::Default, None));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn diff<R: Resource>(from: &R, to: &R) -> PatchOp<R> {
    let shape = ResourceShape::of::<R>();
    // A typed resource always serializes to an object; an empty one diffs as nothing set.
    let from = to_object(from).unwrap_or_default();
    let to = to_object(to).unwrap_or_default();
    PatchOp::new(diff::diff_objects(&from, &to, &shape))
}

/// [`diff`] on the JSON objects of two resources of `shape`.
pub fn diff_json(
    from: &Map<String, Value>,
    to: &Map<String, Value>,
    shape: &ResourceShape,
) -> Vec<PatchOperation> {
    diff::diff_objects(from, to, shape)
}

/// The resource a PUT (RFC 7644 §3.5.1) stores: `replacement`, with the stored resource's
/// `readOnly` attributes (`id`, `meta`, `groups`), its `immutable` attributes when left out,
/// and its `writeOnly` attributes (`password`) when left out (scim2-models
/// `Resource.replace`). The same applies to sub-attributes of complex values, and to those of
/// multi-valued values matched on their `value`.
///
/// ```
/// use scim_runtime::{patch, User};
/// use serde_json::json;
///
/// let stored: User = serde_json::from_value(json!({"id": "2819c223", "userName": "bjensen",
///     "password": "t1meMa$heen", "groups": [{"value": "e9e30dba", "display": "Tour Guides"}]}))?;
/// let replacement: User = serde_json::from_value(json!({"userName": "bjensen", "nickName": "Babs"}))?;
/// let put = patch::apply_put(&stored, replacement)?;
/// assert_eq!(put.id.as_deref(), Some("2819c223"));
/// assert_eq!(put.password.as_deref(), Some("t1meMa$heen"));
/// assert_eq!(put.groups.len(), 1);
/// assert_eq!(put.nick_name.as_deref(), Some("Babs"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// `mutability` when the replacement changes an `immutable` value that was set.
pub fn apply_put<R: Resource>(stored: &R, replacement: R) -> Result<R, PatchError> {
    let shape = ResourceShape::of::<R>();
    let old = to_object(stored)?;
    let mut new = to_object(&replacement)?;
    put::replace_object(&mut new, &old, &shape)?;
    from_object(new, &shape)
}

/// [`apply_put`] on the JSON objects of two resources of `shape`.
///
/// # Errors
///
/// As [`apply_put`].
pub fn apply_put_json(
    stored: &Map<String, Value>,
    replacement: &mut Map<String, Value>,
    shape: &ResourceShape,
) -> Result<(), PatchError> {
    put::replace_object(replacement, stored, shape)
}

/// The JSON object of a typed resource, without `schemas` (which the engine derives).
pub(crate) fn to_object<R: Resource>(resource: &R) -> Result<Map<String, Value>, PatchError> {
    match serde_json::to_value(resource) {
        Ok(Value::Object(mut object)) => {
            object.retain(|k, _| !k.eq_ignore_ascii_case("schemas"));
            Ok(object)
        }
        Ok(other) => Err(PatchError::invalid_value(format!(
            "the resource serializes to {other}, not to an object"
        ))),
        Err(e) => Err(PatchError::invalid_value(format!(
            "the resource cannot be serialized: {e}"
        ))),
    }
}

/// Reads a typed resource back from its JSON object, with `schemas` naming the core schema and
/// the extensions present.
pub(crate) fn from_object<R: Resource>(
    mut object: Map<String, Value>,
    shape: &ResourceShape,
) -> Result<R, PatchError> {
    let mut schemas = vec![Value::String(shape.schema.id.to_owned())];
    schemas.extend(
        shape
            .extensions
            .iter()
            .filter(|e| object.contains_key(e.id))
            .map(|e| Value::String(e.id.to_owned())),
    );
    object.insert("schemas".to_owned(), Value::Array(schemas));
    crate::payload::from_value(Value::Object(object))
        .map_err(|e| PatchError::invalid_value(e.to_string()))
}

//! The PATCH request that turns one state of a resource into another (scim2-models
//! `PatchOp.build_from`, Ping Identity's `JsonDiff`).

use serde_json::{Map, Value};

use super::target::ResourceShape;
use crate::attribute::{AttributeDef, AttributeType, Mutability, COMMON_ATTRIBUTES};
use crate::message::{PatchOperation, PatchOperationKind};

/// The operations turning the JSON object `from` into `to`, attribute by attribute:
/// - an attribute `to` leaves unassigned is removed;
/// - an attribute `from` lacks is added with its whole value;
/// - a changed single value is replaced; a changed complex value (or extension block) is
///   diffed sub-attribute by sub-attribute, removals first, then one `replace` of the changed
///   sub-attributes;
/// - a changed multi-valued attribute gets an `add` of the new values when `to` only appends
///   values that are not there yet and not `primary`, a `replace` of all its values otherwise.
///
/// `readOnly` attributes are left out: a client cannot write them.
pub(crate) fn diff_objects(
    from: &Map<String, Value>,
    to: &Map<String, Value>,
    shape: &ResourceShape,
) -> Vec<PatchOperation> {
    let mut ops = Vec::new();
    diff_attributes(&mut ops, from, to, COMMON_ATTRIBUTES, "");
    diff_attributes(&mut ops, from, to, shape.schema.attributes, "");
    for ext in &shape.extensions {
        let block = |m: &Map<String, Value>| match m.get(ext.id) {
            Some(Value::Object(b)) if !b.is_empty() => Some(b.clone()),
            _ => None,
        };
        match (block(from), block(to)) {
            (None, None) => {}
            (Some(_), None) => ops.push(op(PatchOperationKind::Remove, ext.id, None)),
            (None, Some(b)) => {
                let writable = writable(&b, ext.attributes);
                if !writable.is_empty() {
                    ops.push(op(
                        PatchOperationKind::Add,
                        ext.id,
                        Some(Value::Object(writable)),
                    ));
                }
            }
            (Some(a), Some(b)) => {
                diff_attributes(&mut ops, &a, &b, ext.attributes, &format!("{}:", ext.id))
            }
        }
    }
    ops
}

/// The attributes of an object a client may write.
fn writable(map: &Map<String, Value>, defs: &[AttributeDef]) -> Map<String, Value> {
    map.iter()
        .filter(|(k, _)| {
            defs.iter()
                .find(|d| d.name == k.as_str())
                .is_some_and(|d| d.mutability != Mutability::ReadOnly)
        })
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

fn diff_attributes(
    ops: &mut Vec<PatchOperation>,
    from: &Map<String, Value>,
    to: &Map<String, Value>,
    defs: &'static [AttributeDef],
    prefix: &str,
) {
    for def in defs {
        if def.mutability == Mutability::ReadOnly {
            continue;
        }
        let path = format!("{prefix}{}", def.name);
        let (a, b) = (from.get(def.name), to.get(def.name));
        match (a, b) {
            (None, None) => {}
            (Some(_), None) => ops.push(op(PatchOperationKind::Remove, &path, None)),
            (None, Some(b)) => {
                let value = match b {
                    Value::Object(m) if !def.multi_valued => {
                        Value::Object(writable(m, def.sub_attributes))
                    }
                    other => other.clone(),
                };
                let kind = match &value {
                    Value::Array(items) if !appends(def, &[], items) => PatchOperationKind::Replace,
                    _ => PatchOperationKind::Add,
                };
                ops.push(op(kind, &path, Some(value)));
            }
            (Some(a), Some(b)) if a == b => {}
            (Some(Value::Object(a)), Some(Value::Object(b)))
                if def.ty == AttributeType::Complex && !def.multi_valued =>
            {
                let mut changed = Map::new();
                for sub in def.sub_attributes {
                    if sub.mutability == Mutability::ReadOnly {
                        continue;
                    }
                    match (a.get(sub.name), b.get(sub.name)) {
                        (Some(_), None) => ops.push(op(
                            PatchOperationKind::Remove,
                            &format!("{path}.{}", sub.name),
                            None,
                        )),
                        (x, Some(y)) if x != Some(y) => {
                            changed.insert(sub.name.to_owned(), y.clone());
                        }
                        _ => {}
                    }
                }
                if !changed.is_empty() {
                    ops.push(op(
                        PatchOperationKind::Replace,
                        &path,
                        Some(Value::Object(changed)),
                    ));
                }
            }
            (Some(Value::Array(a)), Some(Value::Array(b))) if appends(def, a, b) => ops.push(op(
                PatchOperationKind::Add,
                &path,
                Some(Value::Array(b[a.len()..].to_vec())),
            )),
            (Some(_), Some(b)) => ops.push(op(PatchOperationKind::Replace, &path, Some(b.clone()))),
        }
    }
}

/// Whether `b` is `a` followed by values an `add` appends as they are: none the same as a
/// value before it (an `add` skips those) and none `primary` (it would unmark the others).
fn appends(def: &AttributeDef, a: &[Value], b: &[Value]) -> bool {
    b.len() >= a.len()
        && b[..a.len()] == *a
        && b[a.len()..].iter().enumerate().all(|(i, v)| {
            v.get("primary") != Some(&Value::Bool(true))
                && !b[..a.len() + i]
                    .iter()
                    .any(|e| super::value::same_value(Some(def), Some(e), Some(v)))
        })
}

fn op(kind: PatchOperationKind, path: &str, value: Option<Value>) -> PatchOperation {
    PatchOperation {
        op: kind,
        path: Some(path.to_owned()),
        value,
    }
}

//! Applying PATCH operations (RFC 7644 §3.5.2) to the JSON object of a resource, guided by the
//! attribute metadata of its schemas.
//!
//! Every operation computes the new value of the one attribute it targets from the old one,
//! then checks the change against the attribute's characteristics (`mutability`, `required`,
//! `primary`) before storing it; the operations of a request run on a copy that replaces the
//! resource only when all of them succeed, so a failed request changes nothing.

use serde_json::{Map, Value};

use super::error::PatchError;
use super::target::{parse_operation_path, AttrTarget, ResourceShape, Target};
use super::value::{
    assigned, get_ci, is_undeclared_default, normalize, normalize_single, same_value,
};
use crate::attribute::{find_attribute, AttributeDef, AttributeType, Mutability, SchemaDef};
use crate::filter::{FilterExt, JsonObject};
use crate::message::{PatchOperation, PatchOperationKind};
use crate::path::parse_path;

/// Applies `operations` in order to `object`, atomically.
pub(crate) fn apply_operations(
    object: &mut Map<String, Value>,
    shape: &ResourceShape,
    operations: &[PatchOperation],
) -> Result<(), PatchError> {
    let mut work = object.clone();
    for (index, operation) in operations.iter().enumerate() {
        apply_operation(&mut work, shape, operation)
            .map_err(|e| e.at(index, operation.op, operation.path.as_deref()))?;
        drop_empty_extensions(&mut work, shape);
    }
    update_schemas(&mut work, shape);
    *object = work;
    Ok(())
}

/// How an attribute is named by the operation: by its `path`, or as a key of the value of an
/// operation without a path (or of an extension block). Only the first may never name a
/// `readOnly` attribute; the second may repeat its current value (scim2-models).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    Path,
    ValueKey,
}

fn apply_operation(
    object: &mut Map<String, Value>,
    shape: &ResourceShape,
    operation: &PatchOperation,
) -> Result<(), PatchError> {
    let path = operation
        .path
        .as_deref()
        .map(parse_operation_path)
        .transpose()?;
    match operation.op {
        PatchOperationKind::Remove => {
            // RFC 7644 §3.5.2.2: "If "path" is unspecified, the operation fails with HTTP
            // status code 400 and a "scimType" error code of "noTarget"."
            let Some(path) = &path else {
                return Err(PatchError::no_target("Remove operation requires a path"));
            };
            let target = shape.resolve(path)?;
            if let Target::Attr(t) = target {
                refuse_read_only_path(t)?;
            }
            match operation.value.as_ref().filter(|v| !v.is_null()) {
                None => remove(object, target),
                Some(value) => remove_listed(object, target, value),
            }
        }
        PatchOperationKind::Add | PatchOperationKind::Replace => {
            let is_add = operation.op == PatchOperationKind::Add;
            // RFC 7644 §3.5.2.1 and §3.5.2.3: add and replace carry a value; a null replace
            // value unassigns the target (scim2-models), a null add value adds nothing.
            let value = match &operation.value {
                Some(Value::Null) if is_add => None,
                other => other.clone(),
            };
            let Some(value) = value else {
                return Err(PatchError::invalid_value(format!(
                    "value is required for {} operations",
                    operation.op.as_str()
                )));
            };
            match &path {
                None => write_root(object, shape, value, is_add),
                Some(path) => write(object, shape.resolve(path)?, value, is_add, Origin::Path),
            }
        }
    }
}

/// An add or replace without a path: the value is an object whose keys are attribute paths
/// (extension blocks under their URN), each written as if it were the operation's path
/// (RFC 7644 §3.5.2.1, §3.5.2.3).
fn write_root(
    object: &mut Map<String, Value>,
    shape: &ResourceShape,
    value: Value,
    is_add: bool,
) -> Result<(), PatchError> {
    let Value::Object(entries) = value else {
        return Err(PatchError::invalid_value(
            "the value of an operation without a path must be an object of attributes",
        ));
    };
    for (key, item) in entries {
        if key.eq_ignore_ascii_case("schemas") {
            continue;
        }
        let target = parse_path(&key)
            .ok()
            .and_then(|p| shape.resolve_attr(&p).ok())
            .ok_or_else(|| {
                PatchError::invalid_value(format!("'{key}' is not declared by the resource schema"))
            })?;
        write(object, target, item, is_add, Origin::ValueKey)?;
    }
    Ok(())
}

fn write(
    object: &mut Map<String, Value>,
    target: Target<'_>,
    value: Value,
    is_add: bool,
    origin: Origin,
) -> Result<(), PatchError> {
    match target {
        Target::Extension(ext) => write_extension(object, ext, value, is_add),
        Target::Attr(t) => write_attr(object, t, value, is_add, origin),
    }
}

/// A path that is an extension's URN: the value holds attributes of the extension.
fn write_extension(
    object: &mut Map<String, Value>,
    ext: &'static SchemaDef,
    value: Value,
    is_add: bool,
) -> Result<(), PatchError> {
    let entries = match value {
        Value::Null => return remove(object, Target::Extension(ext)),
        Value::Object(entries) => entries,
        _ => {
            return Err(PatchError::invalid_value(format!(
                "the value written to '{}' must be an object of its attributes",
                ext.id
            )))
        }
    };
    for (key, item) in entries {
        // An extension object written whole may carry its own `schemas`, as scim2-models
        // serializes extensions; like at the root, it is not an attribute to write.
        if key.eq_ignore_ascii_case("schemas") {
            continue;
        }
        let def = find_attribute(ext.attributes, &key).ok_or_else(|| {
            PatchError::invalid_value(format!(
                "'{}:{key}' is not declared by the resource schema",
                ext.id
            ))
        })?;
        let target = AttrTarget {
            block: Some(ext),
            def,
            sub: None,
            filter: None,
        };
        write_attr(object, target, item, is_add, Origin::ValueKey)?;
    }
    Ok(())
}

/// What an operation did to a multi-valued attribute: the entries it wrote, and whether each
/// was an existing entry changed in place (so compared with its earlier state).
#[derive(Debug, Default)]
struct Written {
    entries: Vec<(usize, bool)>,
}

fn write_attr(
    object: &mut Map<String, Value>,
    t: AttrTarget<'_>,
    value: Value,
    is_add: bool,
    origin: Origin,
) -> Result<(), PatchError> {
    if origin == Origin::Path {
        refuse_read_only_path(t)?;
    }
    let old = container(object, t.block, false).and_then(|c| c.get(t.def.name).cloned());
    // A sub-attribute's error inside a secret complex value must not show the value either.
    let (mut new, written) = written_value(old.as_ref(), t, value, is_add).map_err(|e| {
        if t.def.is_sensitive() {
            e.redacted(t.def)
        } else {
            e
        }
    })?;
    settle_primary(t.def, old.as_ref(), new.as_mut(), &written)?;
    let new = tidy(new);
    check_change(t, old.as_ref(), new.as_ref(), origin, &written)?;
    store(object, t, new);
    Ok(())
}

/// The attribute's new value after an add or replace.
fn written_value(
    old: Option<&Value>,
    t: AttrTarget<'_>,
    value: Value,
    is_add: bool,
) -> Result<(Option<Value>, Written), PatchError> {
    let def = t.def;
    let name = display_name(t);
    let mut written = Written::default();
    if let Some(filter) = t.filter {
        let mut items = list(old);
        let matched = matching(def, &items, filter)?;
        // RFC 7644 §3.5.2.1 and §3.5.2.3: a value filter that matches nothing is `noTarget`.
        if matched.is_empty() {
            return Err(PatchError::no_target(format!(
                "no value of '{}' matches the path filter",
                def.name
            )));
        }
        match t.sub {
            Some(sub) => {
                let v = normalize(sub, value, &name)?;
                for &i in &matched {
                    set_sub(&mut items[i], sub, v.clone());
                }
            }
            None if value.is_null() => {
                let mut i = 0;
                items.retain(|_| {
                    i += 1;
                    !matched.contains(&(i - 1))
                });
                return Ok((Some(Value::Array(items)), written));
            }
            None if def.ty == AttributeType::Complex => {
                let Value::Object(entries) = value else {
                    return Err(PatchError::invalid_value(format!(
                        "the value written to '{name}' must be an object of sub-attributes"
                    )));
                };
                for (key, item) in entries {
                    if is_undeclared_default(def, &key) {
                        // RFC 7643 §2.4: kept as sent, like any attribute the type does not know.
                        for &i in &matched {
                            set_undeclared(&mut items[i], &key, item.clone());
                        }
                        continue;
                    }
                    let sub = sub_def(def, &key, &name)?;
                    let v = normalize(sub, item, &format!("{name}.{key}"))?;
                    for &i in &matched {
                        set_sub(&mut items[i], sub, v.clone());
                    }
                }
            }
            None => {
                let v = normalize_single(def, value, &name)?;
                for &i in &matched {
                    items[i] = v.clone().unwrap_or(Value::Null);
                }
            }
        }
        written.entries = matched.into_iter().map(|i| (i, true)).collect();
        return Ok((Some(Value::Array(items)), written));
    }
    if let Some(sub) = t.sub {
        let v = normalize(sub, value, &name)?;
        if def.multi_valued {
            // `emails.type` without a filter writes the sub-attribute of every value.
            let mut items = list(old);
            if items.is_empty() {
                return Err(PatchError::no_target(format!(
                    "'{}' has no value whose '{}' could be written",
                    def.name, sub.name
                )));
            }
            for item in &mut items {
                set_sub(item, sub, v.clone());
            }
            written.entries = (0..items.len()).map(|i| (i, true)).collect();
            return Ok((Some(Value::Array(items)), written));
        }
        let mut complex = match old {
            Some(Value::Object(m)) => Value::Object(m.clone()),
            _ => Value::Object(Map::new()),
        };
        set_sub(&mut complex, sub, v);
        return Ok((Some(complex), written));
    }
    if value.is_null() {
        return Ok((None, written));
    }
    if def.ty == AttributeType::Complex && !def.multi_valued {
        // RFC 7644 §3.5.2.1/§3.5.2.3: sub-attributes not in the value are left unchanged.
        let Value::Object(entries) = value else {
            return Err(PatchError::invalid_value(format!(
                "the value written to '{name}' must be an object of sub-attributes"
            )));
        };
        let mut complex = match old {
            Some(Value::Object(m)) => Value::Object(m.clone()),
            _ => Value::Object(Map::new()),
        };
        for (key, item) in entries {
            let sub = sub_def(def, &key, &name)?;
            let v = normalize(sub, item, &format!("{name}.{key}"))?;
            set_sub(&mut complex, sub, v);
        }
        return Ok((Some(complex), written));
    }
    let v = normalize(def, value, &name)?;
    if !def.multi_valued {
        return Ok((v, written));
    }
    let added = list(v.as_ref());
    if !is_add {
        // RFC 7644 §3.5.2.3: replace without a filter replaces all the values.
        written.entries = (0..added.len()).map(|i| (i, false)).collect();
        return Ok((Some(Value::Array(added)), written));
    }
    // RFC 7644 §3.5.2.1: add appends the values that are not there yet.
    let mut items = list(old);
    for item in added {
        if !items
            .iter()
            .any(|e| same_value(Some(def), Some(e), Some(&item)))
        {
            written.entries.push((items.len(), false));
            items.push(item);
        }
    }
    Ok((Some(Value::Array(items)), written))
}

/// A remove with a path (RFC 7644 §3.5.2.2).
fn remove(object: &mut Map<String, Value>, target: Target<'_>) -> Result<(), PatchError> {
    let t = match target {
        Target::Extension(ext) => {
            if let Some(block) = container(object, Some(ext), false) {
                for def in ext.attributes {
                    if def.mutability == Mutability::Immutable && assigned(block.get(def.name)) {
                        return Err(PatchError::mutability(format!(
                            "'{}' is immutable",
                            def.name
                        )));
                    }
                }
            }
            object.retain(|k, _| !k.eq_ignore_ascii_case(ext.id));
            return Ok(());
        }
        Target::Attr(t) => t,
    };
    refuse_read_only_path(t)?;
    let old = container(object, t.block, false).and_then(|c| c.get(t.def.name).cloned());
    let mut written = Written::default();
    let new = match (t.filter, t.sub) {
        (None, None) => None,
        (None, Some(sub)) if t.def.multi_valued => {
            let mut items = list(old.as_ref());
            for item in &mut items {
                set_sub(item, sub, None);
            }
            written.entries = (0..items.len()).map(|i| (i, true)).collect();
            Some(Value::Array(items))
        }
        (None, Some(sub)) => old.clone().map(|mut complex| {
            set_sub(&mut complex, sub, None);
            complex
        }),
        (Some(filter), sub) => {
            let mut items = list(old.as_ref());
            let matched = matching(t.def, &items, filter)?;
            match sub {
                Some(sub) => {
                    for &i in &matched {
                        set_sub(&mut items[i], sub, None);
                    }
                    written.entries = matched.iter().map(|&i| (i, true)).collect();
                }
                None => {
                    let mut i = 0;
                    items.retain(|_| {
                        i += 1;
                        !matched.contains(&(i - 1))
                    });
                }
            }
            Some(Value::Array(items))
        }
    };
    let new = tidy(new);
    check_change(t, old.as_ref(), new.as_ref(), Origin::Path, &written)?;
    store(object, t, new);
    Ok(())
}

/// Microsoft Entra ID's remove with a `value` listing the values to remove from a multi-valued
/// attribute, `{"op": "remove", "path": "members", "value": [{"value": "2819c223"}]}`: each
/// value listed removes the values whose sub-attributes it names are equal (scim2-models
/// `ScimPolicy.remove_value_as_filter = apply`).
fn remove_listed(
    object: &mut Map<String, Value>,
    target: Target<'_>,
    value: &Value,
) -> Result<(), PatchError> {
    let t =
        match target {
            Target::Attr(t) if t.filter.is_none() && t.sub.is_none() && t.def.multi_valued => t,
            Target::Attr(t) if t.filter.is_some() => return Err(PatchError::invalid_value(
                "a remove with a value selects values by the value, so its path takes no filter",
            )),
            _ => {
                return Err(PatchError::invalid_path(
                    "a remove with a value needs a path to a multi-valued attribute",
                ))
            }
        };
    let listed: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        single => vec![single],
    };
    let is_complex = t.def.ty == AttributeType::Complex;
    for item in &listed {
        let fine = match item {
            Value::Object(m) => {
                !m.is_empty() && m.values().all(|v| !v.is_object() && !v.is_array())
            }
            Value::Array(_) | Value::Null => false,
            _ => !is_complex,
        };
        if !fine {
            // A secret's value is not echoed (RFC 7643 §7 writeOnly / returned never).
            let found: &dyn core::fmt::Display = if t.def.is_sensitive() {
                &crate::redact::Redacted
            } else {
                item
            };
            return Err(PatchError::invalid_value(format!(
                "the value of a remove must list non-empty objects of single values, found {found}"
            )));
        }
    }
    let old = container(object, t.block, false).and_then(|c| c.get(t.def.name).cloned());
    let mut items = list(old.as_ref());
    items.retain(|entry| !listed.iter().any(|l| listed_matches(t.def, entry, l)));
    let new = tidy(Some(Value::Array(items)));
    check_change(
        t,
        old.as_ref(),
        new.as_ref(),
        Origin::Path,
        &Written::default(),
    )?;
    store(object, t, new);
    Ok(())
}

fn listed_matches(def: &AttributeDef, entry: &Value, listed: &Value) -> bool {
    match (entry, listed) {
        (Value::Object(e), Value::Object(l)) => l
            .iter()
            .all(|(k, v)| same_value(find_attribute(def.sub_attributes, k), get_ci(e, k), Some(v))),
        // A simple value, listed as itself or as `{"value": ...}`.
        (e, Value::Object(l)) => same_value(Some(def), Some(e), get_ci(l, "value")),
        (e, l) => same_value(Some(def), Some(e), Some(l)),
    }
}

/// Checks a change of one attribute against its characteristics (RFC 7644 §3.5.2, RFC 7643 §7).
fn check_change(
    t: AttrTarget<'_>,
    old: Option<&Value>,
    new: Option<&Value>,
    origin: Origin,
    written: &Written,
) -> Result<(), PatchError> {
    let def = t.def;
    if origin == Origin::Path {
        refuse_read_only_path(t)?;
    }
    let unchanged = same_value(Some(def), old, new);
    if def.mutability == Mutability::ReadOnly && !unchanged {
        return Err(PatchError::mutability(format!(
            "'{}' is read-only",
            def.name
        )));
    }
    if unchanged {
        return Ok(());
    }
    // RFC 7643 §7: an immutable attribute may be assigned once, never changed.
    if def.mutability == Mutability::Immutable && assigned(old) {
        return Err(PatchError::mutability(format!(
            "'{}' is immutable",
            def.name
        )));
    }
    // RFC 7644 §3.5.2.2: a required attribute cannot be removed.
    if def.required && assigned(old) && !assigned(new) {
        return Err(PatchError::mutability(format!(
            "required attribute '{}' cannot be removed",
            def.name
        )));
    }
    if def.ty != AttributeType::Complex {
        return Ok(());
    }
    let pairs: Vec<(Option<&Value>, Option<&Value>)> = if def.multi_valued {
        written
            .entries
            .iter()
            .filter(|(_, in_place)| *in_place)
            .map(|&(i, _)| (nth(old, i), nth(new, i)))
            .collect()
    } else {
        vec![(old, new)]
    };
    for (before, after) in pairs {
        for sub in def.sub_attributes {
            let (b, a) = (field(before, sub.name), field(after, sub.name));
            if same_value(Some(sub), b, a) {
                continue;
            }
            if sub.mutability == Mutability::ReadOnly {
                return Err(PatchError::mutability(format!(
                    "'{}.{}' is read-only",
                    def.name, sub.name
                )));
            }
            if sub.mutability == Mutability::Immutable && assigned(b) {
                return Err(PatchError::mutability(format!(
                    "'{}.{}' is immutable",
                    def.name, sub.name
                )));
            }
        }
    }
    Ok(())
}

/// A path may not name a `readOnly` attribute or sub-attribute, whatever the value
/// (scim2-server: `'id' is read-only`).
fn refuse_read_only_path(t: AttrTarget<'_>) -> Result<(), PatchError> {
    if t.def.mutability == Mutability::ReadOnly {
        return Err(PatchError::mutability(format!(
            "'{}' is read-only",
            t.def.name
        )));
    }
    match t.sub {
        Some(sub) if sub.mutability == Mutability::ReadOnly => Err(PatchError::mutability(
            format!("'{}.{}' is read-only", t.def.name, sub.name),
        )),
        _ => Ok(()),
    }
}

/// RFC 7643 §2.4 and RFC 7644 §3.5.2: the value an operation marks `primary` unmarks the
/// others; two values marked at once, or two primary values left, are `invalidValue`.
fn settle_primary(
    def: &AttributeDef,
    old: Option<&Value>,
    new: Option<&mut Value>,
    written: &Written,
) -> Result<(), PatchError> {
    let (true, Some(Value::Array(items))) = (def.multi_valued, new) else {
        return Ok(());
    };
    if written.entries.is_empty() {
        return Ok(());
    }
    let is_primary = |v: Option<&Value>| field(v, "primary") == Some(&Value::Bool(true));
    let marked: Vec<usize> = written
        .entries
        .iter()
        .filter(|&&(i, in_place)| {
            is_primary(items.get(i)) && !(in_place && is_primary(nth(old, i)))
        })
        .map(|&(i, _)| i)
        .collect();
    match marked.as_slice() {
        [] => {
            if items.iter().filter(|v| is_primary(Some(v))).count() > 1 {
                return Err(PatchError::invalid_value(format!(
                    "more than one value of '{}' is primary",
                    def.name
                )));
            }
        }
        [kept] => {
            for (i, item) in items.iter_mut().enumerate() {
                if i != *kept && is_primary(Some(item)) {
                    if let Value::Object(m) = item {
                        m.insert("primary".to_owned(), Value::Bool(false));
                    }
                }
            }
        }
        _ => {
            return Err(PatchError::invalid_value(format!(
                "more than one value of '{}' is marked primary",
                def.name
            )))
        }
    }
    Ok(())
}

/// The indices of the values of a multi-valued attribute a value filter selects; a filter the
/// RFC says must fail (ordering a boolean or binary) is `invalidFilter` (RFC 7644 §3.4.2.2).
fn matching(
    def: &'static AttributeDef,
    items: &[Value],
    filter: &crate::filter::Filter,
) -> Result<Vec<usize>, PatchError> {
    let mut matched = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let result = match item {
            Value::Object(m) => filter.evaluate(&JsonObject::new(m, def.sub_attributes)),
            // A simple value is seen as an object whose `value` is itself (RFC 7644 §3.5.2).
            simple => {
                let mut m = Map::new();
                m.insert("value".to_owned(), simple.clone());
                filter.evaluate(&JsonObject::new(&m, &[]))
            }
        };
        if result.map_err(|e| PatchError::new(e.scim_type(), e.to_string()))? {
            matched.push(i);
        }
    }
    Ok(matched)
}

fn sub_def(
    def: &'static AttributeDef,
    key: &str,
    name: &str,
) -> Result<&'static AttributeDef, PatchError> {
    find_attribute(def.sub_attributes, key).ok_or_else(|| {
        PatchError::invalid_value(format!(
            "'{name}.{key}' is not declared by the resource schema"
        ))
    })
}

/// Sets (or with `None` removes) a sub-attribute of a complex value, under its canonical name.
fn set_sub(complex: &mut Value, sub: &AttributeDef, value: Option<Value>) {
    if !complex.is_object() {
        *complex = Value::Object(Map::new());
    }
    if let Value::Object(m) = complex {
        m.retain(|k, _| !k.eq_ignore_ascii_case(sub.name));
        if let Some(v) = value {
            m.insert(sub.name.to_owned(), v);
        }
    }
}

/// Sets (or with `null` removes) a key no definition names, under the name it was sent with.
fn set_undeclared(complex: &mut Value, key: &str, value: Value) {
    if !complex.is_object() {
        *complex = Value::Object(Map::new());
    }
    if let Value::Object(m) = complex {
        m.retain(|k, _| !k.eq_ignore_ascii_case(key));
        if !value.is_null() {
            m.insert(key.to_owned(), value);
        }
    }
}

fn list(value: Option<&Value>) -> Vec<Value> {
    match value {
        Some(Value::Array(items)) => items.clone(),
        None | Some(Value::Null) => Vec::new(),
        Some(single) => vec![single.clone()],
    }
}

fn nth(value: Option<&Value>, i: usize) -> Option<&Value> {
    match value {
        Some(Value::Array(items)) => items.get(i),
        _ => None,
    }
}

fn field<'a>(value: Option<&'a Value>, name: &str) -> Option<&'a Value> {
    match value {
        Some(Value::Object(m)) => get_ci(m, name),
        _ => None,
    }
}

/// Drops what holds no value (RFC 7643 §2.5): null sub-attributes, empty complex values and
/// empty lists.
fn tidy(value: Option<Value>) -> Option<Value> {
    match value? {
        Value::Null => None,
        Value::Object(mut m) => {
            m.retain(|_, v| assigned(Some(v)));
            (!m.is_empty()).then_some(Value::Object(m))
        }
        Value::Array(items) => {
            let items: Vec<Value> = items.into_iter().filter_map(|v| tidy(Some(v))).collect();
            (!items.is_empty()).then_some(Value::Array(items))
        }
        other => Some(other),
    }
}

/// The object holding attributes of `block`: the resource itself, or the extension block
/// (created when `create`).
fn container<'m>(
    object: &'m mut Map<String, Value>,
    block: Option<&'static SchemaDef>,
    create: bool,
) -> Option<&'m mut Map<String, Value>> {
    let Some(ext) = block else {
        return Some(object);
    };
    if !object.contains_key(ext.id) {
        let spelled = object
            .keys()
            .find(|k| k.eq_ignore_ascii_case(ext.id))
            .cloned();
        if let Some(spelled) = spelled {
            let v = object.remove(&spelled).unwrap_or(Value::Null);
            object.insert(ext.id.to_owned(), v);
        }
    }
    if create && !object.get(ext.id).is_some_and(Value::is_object) {
        object.insert(ext.id.to_owned(), Value::Object(Map::new()));
    }
    match object.get_mut(ext.id) {
        Some(Value::Object(m)) => Some(m),
        _ => None,
    }
}

/// Stores an attribute's new value under its canonical name, or removes it.
fn store(object: &mut Map<String, Value>, t: AttrTarget<'_>, value: Option<Value>) {
    let create = value.is_some();
    if let Some(c) = container(object, t.block, create) {
        c.retain(|k, _| !k.eq_ignore_ascii_case(t.def.name));
        if let Some(v) = value {
            c.insert(t.def.name.to_owned(), v);
        }
    }
}

fn drop_empty_extensions(object: &mut Map<String, Value>, shape: &ResourceShape) {
    for ext in &shape.extensions {
        if object.get(ext.id).is_some_and(|b| !assigned(Some(b))) {
            object.remove(ext.id);
        }
    }
}

/// Keeps a `schemas` list the object carries in step with the extension blocks it holds
/// (RFC 7643 §3: `schemas` names the schemas of the attributes present).
fn update_schemas(object: &mut Map<String, Value>, shape: &ResourceShape) {
    let present: Vec<bool> = shape
        .extensions
        .iter()
        .map(|ext| object.contains_key(ext.id))
        .collect();
    let Some(Value::Array(schemas)) = object.get_mut("schemas") else {
        return;
    };
    schemas.retain(|urn| {
        let urn = urn.as_str().unwrap_or_default();
        !shape
            .extensions
            .iter()
            .zip(&present)
            .any(|(ext, here)| !here && ext.id.eq_ignore_ascii_case(urn))
    });
    for (ext, here) in shape.extensions.iter().zip(&present) {
        let listed = schemas
            .iter()
            .any(|urn| urn.as_str().is_some_and(|u| u.eq_ignore_ascii_case(ext.id)));
        if *here && !listed {
            schemas.push(Value::String(ext.id.to_owned()));
        }
    }
}

fn display_name(t: AttrTarget<'_>) -> String {
    match t.sub {
        Some(sub) => format!("{}.{}", t.def.name, sub.name),
        None => t.def.name.to_owned(),
    }
}

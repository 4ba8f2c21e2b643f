//! Values written by PATCH: checked against the attribute's definition and brought to the
//! canonical JSON form (RFC 7643 §2.3), and compared as SCIM compares values.

use serde_json::{Map, Value};

use crate::attribute::{find_attribute, AttributeDef, AttributeType};

use super::error::PatchError;

/// Checks and normalizes the whole value of `def` (a list for a multi-valued attribute; a
/// single value is taken as a list of one). `None` when the value is unassigned (RFC 7643 §2.5).
pub(crate) fn normalize(
    def: &'static AttributeDef,
    value: Value,
    path: &str,
) -> Result<Option<Value>, PatchError> {
    let value = match value {
        Value::Array(_) | Value::Null => value,
        single if def.multi_valued => Value::Array(vec![single]),
        single => single,
    };
    check_declared(def, &value, path)?;
    crate::json_value::read_value(def, value, path)
        .map_err(|e| PatchError::invalid_value(e.to_string()))
}

/// Checks and normalizes one value of `def` (one entry of a multi-valued attribute).
pub(crate) fn normalize_single(
    def: &'static AttributeDef,
    value: Value,
    path: &str,
) -> Result<Option<Value>, PatchError> {
    if value.is_null() {
        return Ok(None);
    }
    check_declared_single(def, &value, path)?;
    crate::json_value::read_single(def, value, path)
        .map_err(|e| PatchError::invalid_value(e.to_string()))
}

fn check_declared(def: &AttributeDef, value: &Value, path: &str) -> Result<(), PatchError> {
    match value {
        Value::Array(items) if def.multi_valued => items
            .iter()
            .try_for_each(|item| check_declared_single(def, item, path)),
        other => check_declared_single(def, other, path),
    }
}

/// The default sub-attributes of every multi-valued attribute (RFC 7643 §2.4): a value of a
/// multi-valued attribute may carry them even where a schema leaves them out, as the RFC's own
/// PATCH examples do (`members.display` in RFC 7644 §3.5.2.1, `addresses.primary` in
/// §3.5.2.3, neither declared by the schemas of RFC 7643 §8.7.1).
const DEFAULT_SUB_ATTRIBUTES: [&str; 5] = ["type", "primary", "display", "value", "$ref"];

/// Whether `key` is an RFC 7643 §2.4 default sub-attribute that the multi-valued `def` does not
/// declare: accepted in its values and kept as sent.
pub(crate) fn is_undeclared_default(def: &AttributeDef, key: &str) -> bool {
    def.multi_valued
        && find_attribute(def.sub_attributes, key).is_none()
        && DEFAULT_SUB_ATTRIBUTES
            .iter()
            .any(|d| d.eq_ignore_ascii_case(key))
}

/// A complex value may only hold the sub-attributes its definition declares, and, for a
/// multi-valued attribute, the RFC 7643 §2.4 defaults (scim2-models refuses the others with
/// `invalidValue`, RFC 7644 §3.12). An accepted default the type does not declare is kept with
/// the value's other attributes, so nothing sent is lost.
fn check_declared_single(def: &AttributeDef, value: &Value, path: &str) -> Result<(), PatchError> {
    let (AttributeType::Complex, Value::Object(map)) = (def.ty, value) else {
        return Ok(());
    };
    for (key, item) in map {
        match find_attribute(def.sub_attributes, key) {
            Some(sub) => check_declared(sub, item, &format!("{path}.{key}"))?,
            None if is_undeclared_default(def, key) => {}
            None => {
                return Err(PatchError::invalid_value(format!(
                    "'{path}.{key}' is not declared by the resource schema"
                )))
            }
        }
    }
    Ok(())
}

/// Whether two values are the same SCIM value: strings compare case-insensitively unless
/// `caseExact`, complex values sub-attribute by sub-attribute, lists whatever their order
/// (RFC 7643 §2.4), and a missing value equals `null`.
pub(crate) fn same_value(def: Option<&AttributeDef>, a: Option<&Value>, b: Option<&Value>) -> bool {
    let a = a.filter(|v| !v.is_null());
    let b = b.filter(|v| !v.is_null());
    match (a, b) {
        (None, None) => true,
        (Some(Value::String(x)), Some(Value::String(y))) => {
            if def.is_some_and(|d| d.case_exact) {
                x == y
            } else {
                x == y || x.to_lowercase() == y.to_lowercase()
            }
        }
        (Some(Value::Object(x)), Some(Value::Object(y))) => same_object(def, x, y),
        (Some(Value::Array(x)), Some(Value::Array(y))) => {
            x.len() == y.len()
                && x.iter()
                    .all(|xi| y.iter().any(|yi| same_value(def, Some(xi), Some(yi))))
                && y.iter()
                    .all(|yi| x.iter().any(|xi| same_value(def, Some(xi), Some(yi))))
        }
        (Some(Value::Number(x)), Some(Value::Number(y))) => {
            // By exact value: `1` is `1.0`, and big integers are not rounded to be equal.
            x == y
                || crate::scalar::ExactNumber::from_json(x)
                    == crate::scalar::ExactNumber::from_json(y)
        }
        (x, y) => x == y,
    }
}

fn same_object(def: Option<&AttributeDef>, x: &Map<String, Value>, y: &Map<String, Value>) -> bool {
    let subs = def.map(|d| d.sub_attributes).unwrap_or_default();
    let sub = |k: &str| subs.iter().find(|d| d.name.eq_ignore_ascii_case(k));
    x.iter()
        .all(|(k, v)| same_value(sub(k), Some(v), get_ci(y, k)))
        && y.iter()
            .all(|(k, v)| same_value(sub(k), get_ci(x, k), Some(v)))
}

/// A key of a JSON object, in any case (RFC 7643 §2.1).
pub(crate) fn get_ci<'a>(map: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    map.get(key).or_else(|| {
        map.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    })
}

/// Whether a value is assigned (RFC 7643 §2.5): not null, not an empty list or object.
pub(crate) fn assigned(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => false,
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => o.values().any(|v| assigned(Some(v))),
        Some(_) => true,
    }
}

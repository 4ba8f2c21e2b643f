//! Attribute values read from JSON by their definitions alone, for what has no Rust type:
//! [`DynamicResource`](crate::dynamic::DynamicResource)s and the values of PATCH operations
//! ([`crate::patch`]). Both check a value as the typed readers do (RFC 7643 §2.3 data types,
//! case-insensitive names, unassigned values dropped, RFC 7643 §2.5) and word errors the same.
//!
//! Below both so that neither imports the other for it.

use serde_json::{Map, Number, Value};

use crate::attribute::{AttributeDef, AttributeType};
use crate::payload::PayloadError;
use crate::validation::ScimType;

/// Removes the known attributes that hold no value; unknown ones are kept as sent, `null`
/// included.
pub(crate) fn remove_unassigned(map: &mut Map<String, Value>, known: impl Fn(&str) -> bool) {
    map.retain(|k, v| !(v.is_null() && known(k)));
}

/// What a value is, as serde words it in the typed reader's errors (`boolean `true``,
/// `string "x"`), so that both readers say the same.
pub(crate) fn kind(v: &Value) -> String {
    use serde::de::Unexpected;
    let unexpected = match v {
        Value::Null => Unexpected::Other("null"),
        Value::Bool(b) => Unexpected::Bool(*b),
        // As serde words a number under `exact-numbers` (the default): without its digits, which
        // may be a secret the schema does not mark (`#[scim(sensitive)]` is not in a schema).
        Value::Number(_) => Unexpected::Other("number"),
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    };
    unexpected.to_string()
}

/// Refuses an attribute named as serde_json's reserved number key, as the typed reader does
/// (see [`crate::__private::RESERVED_NUMBER_KEY`]).
pub(crate) fn reserved_key(key: &str, path: &str) -> Result<(), PayloadError> {
    if key == crate::__private::RESERVED_NUMBER_KEY {
        return Err(invalid(
            path,
            ScimType::InvalidValue,
            crate::__private::RESERVED_NUMBER_KEY_MESSAGE.to_owned(),
        ));
    }
    Ok(())
}

/// An error about the value at `path`.
pub(crate) fn invalid(path: &str, scim_type: ScimType, message: String) -> PayloadError {
    PayloadError::Invalid {
        scim_type,
        path: path.to_owned(),
        line: 0,
        column: 0,
        message,
    }
}

/// The definition named `name` in `table`, in any case (RFC 7643 §2.1).
pub(crate) fn find_def(
    table: &'static [AttributeDef],
    name: &str,
) -> Option<&'static AttributeDef> {
    table.iter().find(|d| d.name.eq_ignore_ascii_case(name))
}

/// The error for an attribute given twice, in any spelling (RFC 7643 §2.1).
pub(crate) fn duplicate(path: &str, name: &str) -> PayloadError {
    invalid(
        path,
        ScimType::InvalidSyntax,
        format!(
            "duplicate attribute `{name}` (attribute names are case-insensitive, RFC 7643 §2.1)"
        ),
    )
}

/// A second spelling of an attribute already read is an error, before its value is read (as
/// the typed reader reports it).
pub(crate) fn check_once(
    out: &Map<String, Value>,
    path: &str,
    name: &str,
) -> Result<(), PayloadError> {
    if out.contains_key(name) {
        return Err(duplicate(path, name));
    }
    Ok(())
}

/// Stores a known attribute read; a null or empty value is unassigned (RFC 7643 §2.5) and
/// stored as `null` until the object is complete, so that a second spelling is still a
/// duplicate.
pub(crate) fn insert_read(out: &mut Map<String, Value>, name: &str, value: Option<Value>) {
    out.insert(name.to_owned(), value.unwrap_or(Value::Null));
}

/// The path of the object being read, for errors about the object itself.
fn parent_path(path: &str) -> &str {
    path.strip_suffix(':').unwrap_or(path)
}

/// `path` joined with `key`: after an extension URN (`urn:...:User:`) directly, else with `.`.
fn join(path: &str, key: &str) -> String {
    if path.ends_with(':') {
        format!("{path}{key}")
    } else {
        format!("{path}.{key}")
    }
}

/// Reads a complex value or an extension block: its known attributes checked against `defs`
/// and stored under their canonical names, unknown ones kept as sent.
pub(crate) fn read_object(
    defs: &'static [AttributeDef],
    input: Map<String, Value>,
    path: &str,
) -> Result<Map<String, Value>, PayloadError> {
    let mut out = Map::new();
    for (key, value) in input {
        reserved_key(&key, &join(path, &key))?;
        match find_def(defs, &key) {
            Some(def) => {
                check_once(&out, parent_path(path), def.name)?;
                insert_read(
                    &mut out,
                    def.name,
                    read_value(def, value, &join(path, &key))?,
                )
            }
            None => crate::__private::insert_unknown(&mut out, key, value)
                .map_err(|earlier| duplicate(parent_path(path), &earlier))?,
        }
    }
    remove_unassigned(&mut out, |k| defs.iter().any(|d| d.name == k));
    Ok(out)
}

/// Reads one attribute's value: `None` when unassigned.
pub(crate) fn read_value(
    def: &'static AttributeDef,
    value: Value,
    path: &str,
) -> Result<Option<Value>, PayloadError> {
    if value.is_null() {
        return Ok(None);
    }
    if !def.multi_valued {
        return read_single(def, value, path);
    }
    let Value::Array(items) = value else {
        return Err(invalid(
            path,
            ScimType::InvalidValue,
            format!(
                "invalid type: {}, expected a list of SCIM {} values or null",
                kind(&value),
                def.ty
            ),
        ));
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        if item.is_null() {
            return Err(invalid(
                &format!("{path}[{i}]"),
                ScimType::InvalidValue,
                format!("invalid type: null, expected a SCIM {} value", def.ty),
            ));
        }
        if let Some(v) = read_single(def, item, &format!("{path}[{i}]"))? {
            out.push(v);
        }
    }
    Ok((!out.is_empty()).then_some(Value::Array(out)))
}

/// Reads one value of `def` (one item of a multi-valued attribute): `None` when unassigned.
pub(crate) fn read_single(
    def: &'static AttributeDef,
    value: Value,
    path: &str,
) -> Result<Option<Value>, PayloadError> {
    // Some messages quote the value; a secret's error names the attribute only.
    redact_error(def, read_single_value(def, value, path))
}

fn read_single_value(
    def: &'static AttributeDef,
    value: Value,
    path: &str,
) -> Result<Option<Value>, PayloadError> {
    let wrong = |v: &Value, expected: &str| {
        invalid(
            path,
            ScimType::InvalidValue,
            format!("invalid type: {}, expected {expected}", kind(v)),
        )
    };
    Ok(Some(match def.ty {
        AttributeType::String | AttributeType::Reference => match value {
            Value::String(_) => value,
            other => return Err(wrong(&other, "a string")),
        },
        AttributeType::Boolean => {
            match <bool as crate::value::AttributeValue>::deserialize_value(&value) {
                Ok(b) => Value::Bool(b),
                Err(_) => {
                    return Err(invalid(
                        path,
                        ScimType::InvalidValue,
                        format!("invalid value: {value}, expected a boolean"),
                    ))
                }
            }
        }
        AttributeType::Integer => {
            match <i64 as crate::value::AttributeValue>::deserialize_value(&value) {
                Ok(i) => Value::Number(Number::from(i)),
                Err(_) => {
                    return Err(invalid(
                        path,
                        ScimType::InvalidValue,
                        format!("invalid value: {value}, expected an integer"),
                    ))
                }
            }
        }
        AttributeType::Decimal => match value {
            Value::Number(_) => value,
            other => return Err(wrong(&other, "a number")),
        },
        AttributeType::DateTime => match &value {
            Value::String(s) => {
                crate::DateTime::parse(s)
                    .map_err(|e| invalid(path, ScimType::InvalidValue, e.to_string()))?;
                value
            }
            other => return Err(wrong(other, "an xsd:dateTime string")),
        },
        AttributeType::Binary => match &value {
            Value::String(s) => {
                crate::Binary::from_base64(s)
                    .map_err(|e| invalid(path, ScimType::InvalidValue, e.to_string()))?;
                value
            }
            other => return Err(wrong(other, "a base64 string")),
        },
        AttributeType::Complex => match value {
            Value::Object(map) => {
                let read = read_object(def.sub_attributes, map, path)?;
                // An empty complex value is unassigned (RFC 7643 §2.5).
                if read.is_empty() {
                    return Ok(None);
                }
                Value::Object(read)
            }
            other => return Err(wrong(&other, "a SCIM complex object")),
        },
    }))
}

/// The result of reading one value of `def`, with the message of an error about a sensitive
/// value replaced by one that leaves the value out (and names the type a value must have).
fn redact_error<T>(def: &AttributeDef, result: Result<T, PayloadError>) -> Result<T, PayloadError> {
    match result {
        Err(PayloadError::Invalid {
            scim_type,
            path,
            line,
            column,
            message: _,
        }) if def.is_sensitive() => Err(PayloadError::Invalid {
            scim_type,
            path,
            line,
            column,
            message: crate::redact::redacted_message(def.name, def.ty, false),
        }),
        other => other,
    }
}

//! PUT replace semantics (RFC 7644 §3.5.1): what a replacement keeps from the stored resource.

use serde_json::{Map, Value};

use super::error::PatchError;
use super::target::ResourceShape;
use super::value::{assigned, same_value};
use crate::attribute::{AttributeDef, AttributeType, Mutability, COMMON_ATTRIBUTES};

/// Applies the replace rules of RFC 7644 §3.5.1 to the JSON object of `replacement` against
/// the one of `stored` (scim2-models `Resource.replace`):
/// - `readOnly` attributes are copied from the stored resource ("any values provided SHALL be
///   ignored");
/// - `immutable` attributes are kept from the stored resource when left out, and must be equal
///   when given ("the input value(s) MUST match"), unless nothing was stored yet;
/// - `writeOnly` attributes left out (a password) are kept;
/// - the same applies to the sub-attributes of complex attributes, and to those of the values
///   of a multi-valued attribute matched on their `value` (when it designates one value on
///   each side).
pub(crate) fn replace_object(
    replacement: &mut Map<String, Value>,
    stored: &Map<String, Value>,
    shape: &ResourceShape,
) -> Result<(), PatchError> {
    replace_attributes(replacement, stored, COMMON_ATTRIBUTES, "")?;
    replace_attributes(replacement, stored, shape.schema.attributes, "")?;
    for ext in &shape.extensions {
        let empty = Map::new();
        let old = match stored.get(ext.id) {
            Some(Value::Object(m)) => m,
            _ => &empty,
        };
        let mut new = match replacement.remove(ext.id) {
            Some(Value::Object(m)) => m,
            _ => Map::new(),
        };
        replace_attributes(&mut new, old, ext.attributes, &format!("{}:", ext.id))?;
        if assigned(Some(&Value::Object(new.clone()))) {
            replacement.insert(ext.id.to_owned(), Value::Object(new));
        }
    }
    Ok(())
}

fn replace_attributes(
    new: &mut Map<String, Value>,
    old: &Map<String, Value>,
    defs: &'static [AttributeDef],
    prefix: &str,
) -> Result<(), PatchError> {
    for def in defs {
        let path = format!("{prefix}{}", def.name);
        let stored = old.get(def.name);
        let given = new.get(def.name);
        match def.mutability {
            Mutability::ReadOnly => copy(new, def, stored),
            Mutability::Immutable => match given {
                None => copy(new, def, stored),
                Some(given) => {
                    if assigned(stored) && !same_value(Some(def), stored, Some(given)) {
                        return Err(
                            PatchError::mutability(format!("'{}' is immutable", def.name))
                                .on_path(path),
                        );
                    }
                    replace_values(new, old, def, &path)?;
                }
            },
            Mutability::WriteOnly if given.is_none() => copy(new, def, stored),
            Mutability::WriteOnly | Mutability::ReadWrite => replace_values(new, old, def, &path)?,
        }
    }
    Ok(())
}

/// Applies the rules to the sub-attributes of a complex attribute present on both sides.
fn replace_values(
    new: &mut Map<String, Value>,
    old: &Map<String, Value>,
    def: &'static AttributeDef,
    path: &str,
) -> Result<(), PatchError> {
    if def.ty != AttributeType::Complex {
        return Ok(());
    }
    let prefix = format!("{path}.");
    match (new.get_mut(def.name), old.get(def.name)) {
        (Some(Value::Object(n)), Some(Value::Object(o))) if !def.multi_valued => {
            replace_attributes(n, o, def.sub_attributes, &prefix)
        }
        (Some(Value::Array(n)), Some(Value::Array(o))) => {
            let key = |v: &Value| v.get("value").cloned();
            let keys: Vec<Option<Value>> = n.iter().map(key).collect();
            for (i, entry) in n.iter_mut().enumerate() {
                let Some(k) = &keys[i] else { continue };
                let once_new = keys.iter().filter(|x| x.as_ref() == Some(k)).count() == 1;
                let mut stored = o.iter().filter(|e| key(e).as_ref() == Some(k));
                if let (true, Some(s), None) = (once_new, stored.next(), stored.next()) {
                    if let (Value::Object(n), Value::Object(s)) = (entry, s) {
                        replace_attributes(n, s, def.sub_attributes, &prefix)?;
                    }
                }
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

fn copy(new: &mut Map<String, Value>, def: &AttributeDef, stored: Option<&Value>) {
    match stored {
        Some(v) => {
            new.insert(def.name.to_owned(), v.clone());
        }
        None => {
            new.remove(def.name);
        }
    }
}

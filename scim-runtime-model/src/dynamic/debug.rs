//! The `Debug` of a [`DynamicResource`]: its JSON as `serde_json` prints it, with the value of
//! every attribute its schemas mark `writeOnly` or `returned: never` (RFC 7643 §7) shown as
//! `<redacted>`: core and extension attributes, sub-attributes at any depth, names in any case
//! (RFC 7643 §2.1), URN-qualified names (RFC 7644 §3.10) too. A null or empty value stays
//! visible, as the derived types show `None`.

use core::fmt;

use serde_json::{Map, Value};

use super::resource::DynamicResource;
use crate::meta::{AttributeDef, SchemaDef, COMMON_ATTRIBUTES};
use crate::redact::Redacted;

impl fmt::Debug for DynamicResource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ty = self.resource_type();
        f.debug_struct("DynamicResource")
            .field("resource_type", &ty.name)
            .field(
                "data",
                &Top {
                    data: self.as_json(),
                    schema: ty.schema,
                    extensions: &ty.extensions,
                },
            )
            .finish()
    }
}

/// The top level: core attributes, common attributes and extension blocks.
struct Top<'a> {
    data: &'a Map<String, Value>,
    schema: &'static SchemaDef,
    extensions: &'a [(&'static SchemaDef, bool)],
}

impl fmt::Debug for Top<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut map = f.debug_map();
        for (key, value) in self.data {
            if let Some((ext, _)) = self
                .extensions
                .iter()
                .find(|(e, _)| e.id.eq_ignore_ascii_case(key))
            {
                map.entry(key, &Shown::new(value, ext.attributes));
                continue;
            }
            let def = lookup(self.schema.attributes, key)
                .or_else(|| lookup(COMMON_ATTRIBUTES, key))
                .or_else(|| qualified(self.schema, key))
                .or_else(|| self.extensions.iter().find_map(|(e, _)| qualified(e, key)));
            map.entry(key, &Entry { value, def });
        }
        map.finish()
    }
}

/// `urn:...:User:password` → the definition of `password` in the schema `urn:...:User`.
pub(crate) fn qualified(schema: &'static SchemaDef, key: &str) -> Option<&'static AttributeDef> {
    let prefix = key.get(..schema.id.len())?;
    if !prefix.eq_ignore_ascii_case(schema.id) {
        return None;
    }
    let name = key[schema.id.len()..].strip_prefix(':')?;
    // `urn:...:User:name.givenName` is not a stored key, but a sub-attribute path is safe to
    // resolve to its top attribute: redacting more is never a leak.
    let top = name.split('.').next().unwrap_or(name);
    lookup(schema.attributes, top)
}

fn lookup(defs: &'static [AttributeDef], name: &str) -> Option<&'static AttributeDef> {
    defs.iter().find(|d| d.name.eq_ignore_ascii_case(name))
}

/// One attribute's value, redacted when its definition is sensitive.
pub(crate) struct Entry<'a> {
    pub(crate) value: &'a Value,
    pub(crate) def: Option<&'static AttributeDef>,
}

impl fmt::Debug for Entry<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.def {
            Some(def) if def.is_sensitive() && !unset(self.value) => Redacted.fmt(f),
            Some(def) => Shown::new(self.value, def.sub_attributes).fmt(f),
            None => Shown::new(self.value, &[]).fmt(f),
        }
    }
}

/// Null, `[]` and `{}` hold nothing to hide.
fn unset(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Array(items) => items.is_empty(),
        Value::Object(map) => map.is_empty(),
        _ => false,
    }
}

/// A value whose objects are read with the sub-attribute definitions `defs`.
struct Shown<'a> {
    value: &'a Value,
    defs: &'static [AttributeDef],
}

impl<'a> Shown<'a> {
    fn new(value: &'a Value, defs: &'static [AttributeDef]) -> Self {
        Self { value, defs }
    }
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.value {
            Value::Object(map) => {
                let mut out = f.debug_map();
                for (key, value) in map {
                    out.entry(
                        key,
                        &Entry {
                            value,
                            def: lookup(self.defs, key),
                        },
                    );
                }
                out.finish()
            }
            // The values of a multi-valued attribute share its sub-attributes.
            Value::Array(items) => f
                .debug_list()
                .entries(items.iter().map(|v| Shown::new(v, self.defs)))
                .finish(),
            scalar => fmt::Debug::fmt(scalar, f),
        }
    }
}

/// The result of reading one value of `def`, with the message of an error about a sensitive
/// value replaced by one that leaves the value out (and names the type a value must have).
pub(super) fn redact_error<T>(
    def: &AttributeDef,
    result: Result<T, crate::PayloadError>,
) -> Result<T, crate::PayloadError> {
    match result {
        Err(crate::PayloadError::Invalid {
            scim_type,
            path,
            line,
            column,
            message: _,
        }) if def.is_sensitive() => Err(crate::PayloadError::Invalid {
            scim_type,
            path,
            line,
            column,
            message: crate::redact::redacted_message(def.name, def.ty, false),
        }),
        other => other,
    }
}

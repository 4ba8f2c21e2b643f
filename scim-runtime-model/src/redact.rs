//! Keeping secrets out of `Debug`, `Display` and error messages.
//!
//! An attribute is *sensitive* when its schema says it is never to be read back: `mutability:
//! writeOnly` or `returned: never` (RFC 7643 §7; the `password` of RFC 7643 §4.1.1 is both).
//! `#[derive(ScimResource)]` writes a `Debug` that shows such a field as `<redacted>` when it is
//! set (`None` and `[]` stay visible, the length never is), the `Debug` of
//! [`DynamicResource`](crate::dynamic::DynamicResource) does the same from its run-time schemas,
//! and an error about a sensitive value names the attribute and what was expected, never the
//! value.

use core::fmt;

use serde_json::Value;

use crate::attribute::{
    AttributeDef, AttributeType, ExtensionDef, Mutability, Returned, SchemaDef,
};
use crate::OtherAttributes;

/// What `Debug` shows in place of a sensitive value.
pub const REDACTED: &str = "<redacted>";

/// A value that is not shown: its `Debug` and `Display` write `<redacted>`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl fmt::Display for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl AttributeDef {
    /// Whether values of this attribute are secrets that are never printed: `writeOnly` or
    /// `returned: never` (RFC 7643 §7). `Debug` shows them as `<redacted>` and errors about
    /// them leave the value out.
    pub const fn is_sensitive(&self) -> bool {
        matches!(self.mutability, Mutability::WriteOnly) || matches!(self.returned, Returned::Never)
    }
}

/// The message of an error about a value of the sensitive attribute `name`: the attribute and
/// the type it expects, never anything of the value or of the message it replaces (serde quotes
/// the value: `invalid type: string "t1meMa$heen", expected ...`, and so do some of this crate's
/// messages). Sensitive means `writeOnly`, `returned: never`, or marked `#[scim(sensitive)]`.
pub fn redacted_message(name: &str, ty: AttributeType, multi_valued: bool) -> String {
    let expected = if multi_valued {
        format!("a list of SCIM {ty} values")
    } else {
        format!("a SCIM {ty} value")
    };
    format!("invalid value for `{name}` (value not shown: the attribute is sensitive), expected {expected}")
}

/// An error with the message of [`redacted_message`] in place of `error`'s. Generated code calls
/// it on the result of reading a sensitive field; the format's position (line and column) is
/// added again by the deserializer.
pub fn sensitive_error<E: serde::de::Error>(
    error: E,
    name: &str,
    ty: AttributeType,
    multi_valued: bool,
) -> E {
    drop(error);
    E::custom(redacted_message(name, ty, multi_valued))
}

/// The `Debug` of a resource's unknown attributes: as the map prints, except that a key naming
/// a sensitive attribute with its schema URN (`urn:...:User:password`, RFC 7644 §3.10), of the
/// core schema or of an extension, shows `<redacted>`. Derived resources print their `other`
/// field with it.
pub struct UnknownAttributes<'a> {
    map: &'a OtherAttributes,
    schema: &'static SchemaDef,
    extensions: &'static [ExtensionDef],
}

impl<'a> UnknownAttributes<'a> {
    /// The unknown attributes `map` of a resource of `schema` with `extensions`.
    pub fn new(
        map: &'a OtherAttributes,
        schema: &'static SchemaDef,
        extensions: &'static [ExtensionDef],
    ) -> Self {
        Self {
            map,
            schema,
            extensions,
        }
    }
}

impl fmt::Debug for UnknownAttributes<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = f.debug_map();
        for (key, value) in self.map {
            let def = qualified(self.schema, key).or_else(|| {
                self.extensions
                    .iter()
                    .find_map(|e| qualified(e.schema, key))
            });
            out.entry(key, &Entry { value, def });
        }
        out.finish()
    }
}

// What follows redacts JSON read against run-time definitions: the unknown attributes above
// and, in `dynamic`, the `Debug` of a `DynamicResource`.

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

/// The definition named `name` among `defs`, in any case (RFC 7643 §2.1).
pub(crate) fn lookup(defs: &'static [AttributeDef], name: &str) -> Option<&'static AttributeDef> {
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
pub(crate) struct Shown<'a> {
    value: &'a Value,
    defs: &'static [AttributeDef],
}

impl<'a> Shown<'a> {
    pub(crate) fn new(value: &'a Value, defs: &'static [AttributeDef]) -> Self {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_names_the_attribute_and_its_type_only() {
        assert_eq!(
            redacted_message("password", AttributeType::String, false),
            "invalid value for `password` (value not shown: the attribute is sensitive), expected a SCIM string value"
        );
        assert_eq!(
            redacted_message("pins", AttributeType::Integer, true),
            "invalid value for `pins` (value not shown: the attribute is sensitive), expected a list of SCIM integer values"
        );
        // Whatever the replaced error said, nothing of it is kept.
        let e: serde_json::Error = sensitive_error(
            serde::de::Error::custom(
                "invalid type: string \"x, expected s3cr3t\", expected a boolean",
            ),
            "pin",
            AttributeType::Boolean,
            false,
        );
        assert!(!e.to_string().contains("s3cr3t"), "{e}");
    }

    #[test]
    fn redacted_prints_the_marker_only() {
        assert_eq!(format!("{Redacted:?}"), "<redacted>");
        assert_eq!(format!("{Redacted:#?}"), "<redacted>");
        assert_eq!(Redacted.to_string(), "<redacted>");
    }
}

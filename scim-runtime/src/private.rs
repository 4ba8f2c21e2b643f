//! Helpers only generated code uses. Not part of the public API: names and signatures change
//! without notice.

use core::fmt;

pub use serde;
use serde::de::{self, DeserializeSeed, Deserializer, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeSeq, Serializer};
pub use serde_json;

/// ASCII case-insensitive equality (RFC 7643 §2.1: attribute names are case-insensitive).
#[inline]
pub fn eq_ci(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.eq_ignore_ascii_case(b)
}

/// `urn:...:User:userName` with `urn:...:User` → `Some("userName")`.
#[inline]
pub fn strip_schema<'a>(key: &'a str, urn: &str) -> Option<&'a str> {
    if key.len() > urn.len() + 1
        && key.as_bytes()[urn.len()] == b':'
        && key[..urn.len()].eq_ignore_ascii_case(urn)
    {
        Some(&key[urn.len() + 1..])
    } else {
        None
    }
}

/// The error for an attribute given twice, in any spelling.
pub fn duplicate_attribute<E: de::Error>(name: &str) -> E {
    E::custom(format_args!(
        "duplicate attribute `{name}` (attribute names are case-insensitive, RFC 7643 §2.1)"
    ))
}

/// The error for an attribute a type without a `#[scim(other)]` field does not know.
pub fn unknown_attribute<E: de::Error>(name: &str, expecting: &str) -> E {
    E::custom(format_args!("unknown attribute `{name}` in {expecting}"))
}

/// Reads `schemas` and checks that it names the resource's core schema.
pub struct SchemasSeed(pub &'static str);

impl<'de> DeserializeSeed<'de> for SchemasSeed {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        struct V(&'static str);
        impl<'de> Visitor<'de> for V {
            type Value = ();
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of schema URNs")
            }
            fn visit_unit<E: de::Error>(self) -> Result<(), E> {
                Ok(())
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
                let mut found = false;
                while let Some(urn) = seq.next_element::<std::borrow::Cow<'de, str>>()? {
                    found |= urn.eq_ignore_ascii_case(self.0);
                }
                if found {
                    Ok(())
                } else {
                    Err(de::Error::custom(format_args!(
                        "`schemas` does not name `{}`",
                        self.0
                    )))
                }
            }
        }
        deserializer.deserialize_any(V(self.0))
    }
}

/// Writes `schemas`: the core schema, the extensions present, and the URNs of unknown extension
/// blocks that were kept.
pub struct SchemasOut<'a, const N: usize> {
    core: &'static str,
    extensions: &'a [Option<&'static str>; N],
    other: Option<&'a serde_json::Map<String, serde_json::Value>>,
}

impl<'a, const N: usize> SchemasOut<'a, N> {
    /// The `schemas` of a resource.
    pub fn new(
        core: &'static str,
        extensions: &'a [Option<&'static str>; N],
        other: Option<&'a serde_json::Map<String, serde_json::Value>>,
    ) -> Self {
        Self {
            core,
            extensions,
            other,
        }
    }
}

impl<const N: usize> Serialize for SchemasOut<'_, N> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(None)?;
        seq.serialize_element(self.core)?;
        for urn in self.extensions.iter().flatten() {
            seq.serialize_element(urn)?;
        }
        if let Some(other) = self.other {
            for (key, value) in other {
                if value.is_object() && key.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("urn:"))
                {
                    seq.serialize_element(key)?;
                }
            }
        }
        seq.end()
    }
}

/// What [`check_attribute`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttrCheck {
    /// The attribute (and sub-attribute) exists.
    Found,
    /// The schema URI is neither the core schema nor one of the extensions.
    UnknownSchema,
    /// The schema has no attribute of that name.
    UnknownAttribute,
    /// The attribute is not complex, so it has no sub-attributes.
    NotComplex,
    /// The complex attribute has no sub-attribute of that name.
    UnknownSubAttribute,
}

/// ASCII case-insensitive equality in a `const fn` (RFC 7643 §2.1).
pub const fn const_eq_ci(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if !a[i].eq_ignore_ascii_case(&b[i]) {
            return false;
        }
        i += 1;
    }
    true
}

/// [`crate::meta::find_attribute`] in a `const fn`.
const fn const_find(
    table: &'static [crate::meta::AttributeDef],
    name: &str,
) -> Option<&'static crate::meta::AttributeDef> {
    let mut i = 0;
    while i < table.len() {
        if const_eq_ci(table[i].name, name) {
            return Some(&table[i]);
        }
        i += 1;
    }
    None
}

/// Whether a resource type has the attribute `schema:name.sub_attr`, evaluated at compile time
/// by `filter!` (one `const` item per attribute path of the filter).
///
/// Resolution follows the evaluator: a path without a schema URI names an attribute of the core
/// schema, a common attribute (`id`, `externalId`, `meta`, RFC 7643 §3.1) or `schemas`; a path
/// with the core schema URI the same; a path with an extension's URI an attribute of that
/// extension (RFC 7644 §3.10). Names compare case-insensitively (RFC 7643 §2.1).
///
/// `in_value_filter` marks `sub_attr` as a path inside `name[...]`: there a simple multi-valued
/// attribute has the sub-attribute `value`, its value itself (RFC 7644 §3.5.2), and an unknown
/// schema or attribute is left to the lookup of `name[...]` itself, so it is reported once.
pub const fn check_attribute(
    resource_type: &'static crate::meta::ResourceTypeDef,
    schema: Option<&str>,
    name: &str,
    sub_attr: Option<&str>,
    in_value_filter: bool,
) -> AttrCheck {
    let found_elsewhere = if in_value_filter {
        AttrCheck::Found
    } else {
        AttrCheck::UnknownAttribute
    };
    let (table, core) = match schema {
        None => (resource_type.schema.attributes, true),
        Some(urn) if const_eq_ci(urn, resource_type.schema.id) => {
            (resource_type.schema.attributes, true)
        }
        Some(urn) => {
            let mut i = 0;
            let mut found = None;
            while i < resource_type.extensions.len() {
                if const_eq_ci(urn, resource_type.extensions[i].schema.id) {
                    found = Some(resource_type.extensions[i].schema.attributes);
                    break;
                }
                i += 1;
            }
            match found {
                Some(table) => (table, false),
                None if in_value_filter => return AttrCheck::Found,
                None => return AttrCheck::UnknownSchema,
            }
        }
    };
    let def = match const_find(table, name) {
        Some(def) => def,
        None if core && schema.is_none() && const_eq_ci(name, "schemas") => {
            &crate::meta::SCHEMAS_ATTRIBUTE
        }
        None if core => match const_find(crate::meta::COMMON_ATTRIBUTES, name) {
            Some(def) => def,
            None => return found_elsewhere,
        },
        None => return found_elsewhere,
    };
    let Some(sub_attr) = sub_attr else {
        return AttrCheck::Found;
    };
    if matches!(def.ty, crate::meta::AttributeType::Complex) {
        match const_find(def.sub_attributes, sub_attr) {
            Some(_) => AttrCheck::Found,
            None => AttrCheck::UnknownSubAttribute,
        }
    } else if in_value_filter && def.multi_valued && const_eq_ci(sub_attr, "value") {
        AttrCheck::Found
    } else {
        AttrCheck::NotComplex
    }
}

/// Parses a filter that `filter!` already parsed at compile time.
#[track_caller]
pub fn parse_checked_filter(text: &str) -> crate::filter::Filter {
    match crate::filter::parse_filter(text) {
        Ok(filter) => filter,
        // `filter!` parsed this literal while expanding, with the same parser (scim-derive and
        // scim-runtime pin the same scim-filter-syntax) and the same default limits.
        Err(error) => unreachable!("`filter!` accepted {text:?} at compile time: {error}"),
    }
}

/// What `filter!` expands to beside its compile errors, so they are the only ones reported.
pub fn filter_stub<T: ?Sized>() -> crate::filter::Filter {
    unreachable!("`filter!` reported a compile error")
}

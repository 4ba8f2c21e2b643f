//! Helpers only generated code uses. Not part of the public API: names and signatures change
//! without notice.

use core::fmt;

pub use serde;
use serde::de::{self, DeserializeSeed, Deserializer, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeSeq, Serializer};
pub use serde_json;

// What generated code names and users never do. They are defined beside the modules they
// belong to (`value`, `validation`) in modules that are not public, so this is their one path.
pub use crate::validation::validator::{PathBuf, Validator};
pub use crate::value::scoped::{OptionSeed, Scoped, ScopedSeq, VecSeed};
// Defined below the modules that read payloads, which use them too.
pub use crate::urn::{note_error_in_block, strip_schema};

/// ASCII case-insensitive equality (RFC 7643 §2.1: attribute names are case-insensitive).
#[inline]
pub fn eq_ci(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.eq_ignore_ascii_case(b)
}

/// `name` lower-cased (ASCII only, as [`eq_ci`] compares) into `buf`, or `None` when it is
/// longer than `buf`, which generated code sizes to its longest name: such a name is none of
/// them. Lets a derived reader match a name in any spelling (RFC 7643 §2.1) in one `match`
/// without allocating.
#[inline]
pub fn lower_ascii<'b>(name: &str, buf: &'b mut [u8]) -> Option<&'b [u8]> {
    let out = buf.get_mut(..name.len())?;
    for (o, b) in out.iter_mut().zip(name.bytes()) {
        *o = b.to_ascii_lowercase();
    }
    Some(out)
}

/// The error for an attribute given twice, in any spelling (RFC 7643 §2.1), or both in an
/// extension's block and by its URN-qualified name. Refused rather than resolved: which value
/// is "last" depends on key order, which parsed JSON (a sorted map) no longer has, so any other
/// rule would make typed and dynamic resources, or text and parsed input, disagree.
pub fn duplicate_attribute<E: de::Error>(name: &str) -> E {
    E::custom(format_args!(
        "duplicate attribute `{name}` (attribute names are case-insensitive, RFC 7643 §2.1)"
    ))
}

/// Looks `name` up among the unknown attributes a `#[scim(other)]` field keeps,
/// case-insensitively (RFC 7643 §2.1).
#[inline]
pub fn lookup_unknown<'a>(
    other: &'a serde_json::Map<String, serde_json::Value>,
    name: &str,
) -> Option<crate::value::Attr<'a>> {
    crate::value::find_unknown(other, name)
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
                while let Some(names) = seq.next_element_seed(NamesUrn(self.0))? {
                    found |= names;
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

/// Reads one URN of `schemas` as whether it names the given schema, case-insensitively (RFC
/// 7643 §2.1): borrowed from the input when it can be, never kept, so never allocated.
struct NamesUrn(&'static str);

impl<'de> DeserializeSeed<'de> for NamesUrn {
    type Value = bool;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for NamesUrn {
    type Value = bool;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // What dynamic resources say too (`dynamic::resource`).
        f.write_str("a string")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<bool, E> {
        Ok(eq_ci(v, self.0))
    }
}

/// Writes `schemas`: the core schema, the extensions written, and the URNs of the unknown
/// extension blocks written. Each once, never an attribute path (RFC 7643 §3: `schemas` lists
/// the schemas the resource's attributes come from).
pub struct SchemasOut<'a, const N: usize> {
    core: &'static str,
    extensions: &'a [Option<&'static str>; N],
    other: Option<&'a serde_json::Map<String, serde_json::Value>>,
    scope: &'a crate::Scope<'a>,
    known: &'a [&'static str],
}

impl<'a, const N: usize> SchemasOut<'a, N> {
    /// The `schemas` of a resource written in `scope`; `known` lists its core and extension
    /// schema URNs.
    pub fn new(
        core: &'static str,
        extensions: &'a [Option<&'static str>; N],
        other: Option<&'a serde_json::Map<String, serde_json::Value>>,
        scope: &'a crate::Scope<'a>,
        known: &'a [&'static str],
    ) -> Self {
        Self {
            core,
            extensions,
            other,
            scope,
            known,
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
            for urn in unknown_schemas(other, self.scope, self.known) {
                seq.serialize_element(urn)?;
            }
        }
        seq.end()
    }
}

/// The URNs of the unknown extension blocks among `other` that `scope` writes.
pub fn unknown_schemas<'m>(
    other: &'m serde_json::Map<String, serde_json::Value>,
    scope: &'m crate::Scope<'_>,
    known: &'m [&str],
) -> impl Iterator<Item = &'m String> + 'm {
    other.iter().filter_map(move |(key, value)| {
        crate::context::unknown_block(key, value, known)?;
        let written = scope.unknown_top_value(key, value, known)?;
        // A block with no attribute names no schema an attribute comes from.
        written
            .as_object()
            .is_some_and(|m| !m.is_empty())
            .then_some(key)
    })
}

/// Stores an attribute the type does not know.
///
/// # Errors
///
/// The name, lower-cased (which spelling came first depends on key order, which parsed JSON
/// has lost), when a key kept already names it in the same or another spelling (RFC 7643 §2.1:
/// an attribute given twice; see [`duplicate_attribute`]).
/// The key serde_json reserves for numbers under `arbitrary_precision`: an object whose first
/// key it is reads as a number, so parsed JSON cannot hold it as an attribute. Typed and
/// dynamic readers refuse it wherever they read attributes, so they agree on every text.
pub const RESERVED_NUMBER_KEY: &str = "$serde_json::private::Number";

/// What is wrong with an attribute named [`RESERVED_NUMBER_KEY`].
pub const RESERVED_NUMBER_KEY_MESSAGE: &str =
    "invalid number: `$serde_json::private::Number` is reserved by serde_json, not an attribute name";

/// Reads the value of an attribute named [`RESERVED_NUMBER_KEY`]: always an error, raised while
/// reading the value so that the error's path names the key.
pub struct ReservedKey;

impl<'de> serde::de::DeserializeSeed<'de> for ReservedKey {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, _: D) -> Result<(), D::Error> {
        Err(serde::de::Error::custom(RESERVED_NUMBER_KEY_MESSAGE))
    }
}

pub fn insert_unknown(
    map: &mut serde_json::Map<String, serde_json::Value>,
    key: String,
    value: serde_json::Value,
) -> Result<(), String> {
    if map.keys().any(|k| eq_ci(k, &key)) {
        return Err(key.to_ascii_lowercase());
    }
    map.insert(key, value);
    Ok(())
}

/// Whether a value of a multi-valued attribute, as JSON, has `primary: true` under any spelling
/// of `primary` (RFC 7643 §2.4, §2.1), declared by the schema or not.
pub fn is_primary_json(value: &serde_json::Value) -> bool {
    value.as_object().is_some_and(is_primary_unknown)
}

/// Whether the unknown attributes of a complex value hold `primary: true` (a schema that does
/// not declare `primary` still gets at most one primary value, RFC 7643 §2.4).
pub fn is_primary_unknown(other: &serde_json::Map<String, serde_json::Value>) -> bool {
    other
        .iter()
        .any(|(k, v)| eq_ci(k, "primary") && *v == serde_json::Value::Bool(true))
}

/// Merges what a later block or URN-qualified name gives an extension into what was read
/// before (RFC 7644 §3.10 lets an extension attribute be named `<URN>:<attribute>`).
///
/// # Errors
///
/// The attribute both give, which is an attribute given twice.
pub fn merge_extension<E: crate::ScimObject>(
    earlier: Option<E>,
    later: Option<E>,
) -> Result<Option<E>, String> {
    Ok(match (earlier, later) {
        (Some(mut earlier), Some(later)) => {
            earlier.merge_from(later)?;
            Some(earlier)
        }
        (earlier, None) => earlier,
        (None, later) => later,
    })
}

/// Reads the value of a top-level `<extension URN>:<attribute>` as the extension `E` holding
/// only that attribute (RFC 7644 §3.10), so the value is checked and read as in the block.
pub struct QualifiedSeed<'n, E> {
    name: &'n str,
    marker: core::marker::PhantomData<E>,
}

impl<'n, E> QualifiedSeed<'n, E> {
    /// Reads the attribute `name` of `E`.
    pub fn new(name: &'n str) -> Self {
        Self {
            name,
            marker: core::marker::PhantomData,
        }
    }
}

impl<'de, E: crate::value::AttributeValue> DeserializeSeed<'de> for QualifiedSeed<'_, E> {
    type Value = Option<E>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<E>, D::Error> {
        let value = E::deserialize_value(OneEntry {
            key: self.name,
            value: deserializer,
        })?;
        Ok((!value.is_empty_value()).then_some(value))
    }
}

/// A deserializer of the object `{key: <value from the inner deserializer>}`.
struct OneEntry<'n, D> {
    key: &'n str,
    value: D,
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for OneEntry<'_, D> {
    type Error = D::Error;
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        visitor.visit_map(OneEntryAccess {
            key: Some(self.key),
            value: Some(self.value),
        })
    }
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

struct OneEntryAccess<'n, D> {
    key: Option<&'n str>,
    value: Option<D>,
}

impl<'de, D: Deserializer<'de>> de::MapAccess<'de> for OneEntryAccess<'_, D> {
    type Error = D::Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, D::Error> {
        match self.key.take() {
            Some(key) => seed
                .deserialize(de::value::StrDeserializer::<D::Error>::new(key))
                .map(Some),
            None => Ok(None),
        }
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, D::Error> {
        match self.value.take() {
            Some(value) => seed.deserialize(value),
            None => Err(de::Error::custom("a value was read twice")),
        }
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

/// [`crate::attribute::find_attribute`] in a `const fn`.
const fn const_find(
    table: &'static [crate::attribute::AttributeDef],
    name: &str,
) -> Option<&'static crate::attribute::AttributeDef> {
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
    resource_type: &'static crate::attribute::ResourceTypeDef,
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
            &crate::attribute::SCHEMAS_ATTRIBUTE
        }
        None if core => match const_find(crate::attribute::COMMON_ATTRIBUTES, name) {
            Some(def) => def,
            None => return found_elsewhere,
        },
        None => return found_elsewhere,
    };
    let Some(sub_attr) = sub_attr else {
        return AttrCheck::Found;
    };
    if matches!(def.ty, crate::attribute::AttributeType::Complex) {
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

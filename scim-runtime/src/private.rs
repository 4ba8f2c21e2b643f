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

//! Writing values in a scope and reading optional and multi-valued attributes: plumbing of the
//! code `#[derive(ScimResource)]` writes, named by it through `__private` only.

use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeSeq, Serializer};

use super::AttributeValue;
use crate::context::Scope;

/// Writes a value in a scope (used by generated code).
pub struct Scoped<'a, T> {
    value: &'a T,
    scope: &'a Scope<'a>,
}

impl<'a, T> Scoped<'a, T> {
    /// Wraps `value` to be written in `scope`.
    #[inline]
    pub fn new(value: &'a T, scope: &'a Scope<'a>) -> Self {
        Self { value, scope }
    }
}

impl<T: AttributeValue> Serialize for Scoped<'_, T> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize_value(serializer, self.scope)
    }
}

/// Writes the values of a multi-valued attribute in a scope, leaving out complex values that
/// are empty there (RFC 7643 §2.5). Generated code writes the attribute only when
/// [`ScopedSeq::writes_any`].
pub struct ScopedSeq<'a, T> {
    values: &'a [T],
    scope: &'a Scope<'a>,
}

impl<'a, T> ScopedSeq<'a, T> {
    /// Wraps `values` to be written in `scope`.
    #[inline]
    pub fn new(values: &'a [T], scope: &'a Scope<'a>) -> Self {
        Self { values, scope }
    }
}

impl<T: AttributeValue> ScopedSeq<'_, T> {
    /// Whether at least one value is written: a list all of whose values are empty in the scope
    /// is omitted, not written as `[]` (RFC 7643 §2.5).
    #[inline]
    pub fn writes_any(&self) -> bool {
        self.values.iter().any(|v| !v.is_empty_in(self.scope))
    }
}

impl<T: AttributeValue> Serialize for ScopedSeq<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.values.len()))?;
        for v in self.values {
            if !v.is_empty_in(self.scope) {
                seq.serialize_element(&Scoped::new(v, self.scope))?;
            }
        }
        seq.end()
    }
}

/// Reads an optional single value: `null` and `{}` are unassigned (RFC 7643 §2.5).
pub struct OptionSeed<T>(PhantomData<T>);

impl<T> Default for OptionSeed<T> {
    fn default() -> Self {
        Self(PhantomData)
    }
}

impl<'de, T: AttributeValue> DeserializeSeed<'de> for OptionSeed<T> {
    type Value = Option<T>;
    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: AttributeValue> Visitor<'de> for V<T> {
            type Value = Option<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "a SCIM {} value or null", T::TYPE)
            }
            fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
                Ok(None)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
                Ok(None)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<T>, D::Error> {
                // An empty complex value is unassigned (RFC 7643 §2.5), as `null` is.
                T::deserialize_value(d).map(|v| (!v.is_empty_value()).then_some(v))
            }
        }
        deserializer.deserialize_option(V(PhantomData))
    }
}

/// Reads a multi-valued attribute: a JSON array, or `null` for none; empty complex values are
/// dropped (RFC 7643 §2.5).
pub struct VecSeed<T>(PhantomData<T>);

impl<T> Default for VecSeed<T> {
    fn default() -> Self {
        Self(PhantomData)
    }
}

struct ElementSeed<T>(PhantomData<T>);

impl<'de, T: AttributeValue> DeserializeSeed<'de> for ElementSeed<T> {
    type Value = T;
    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        T::deserialize_value(deserializer)
    }
}

impl<'de, T: AttributeValue> DeserializeSeed<'de> for VecSeed<T> {
    type Value = Vec<T>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Vec<T>, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: AttributeValue> Visitor<'de> for V<T> {
            type Value = Vec<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "a list of SCIM {} values or null", T::TYPE)
            }
            fn visit_none<E: de::Error>(self) -> Result<Vec<T>, E> {
                Ok(Vec::new())
            }
            fn visit_unit<E: de::Error>(self) -> Result<Vec<T>, E> {
                Ok(Vec::new())
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Vec<T>, D::Error> {
                d.deserialize_seq(self)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
                while let Some(v) = seq.next_element_seed(ElementSeed::<T>(PhantomData))? {
                    // Empty complex values carry nothing and are not written back (RFC 7643 §2.5).
                    if !v.is_empty_value() {
                        out.push(v);
                    }
                }
                Ok(out)
            }
        }
        deserializer.deserialize_option(V(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn null_is_unassigned() {
        let mut de = serde_json::Deserializer::from_str("null");
        assert_eq!(
            OptionSeed::<String>::default()
                .deserialize(&mut de)
                .unwrap(),
            None
        );
        let mut de = serde_json::Deserializer::from_str("null");
        assert!(VecSeed::<String>::default()
            .deserialize(&mut de)
            .unwrap()
            .is_empty());
        let mut de = serde_json::Deserializer::from_str("[\"a\",\"b\"]");
        assert_eq!(
            VecSeed::<String>::default().deserialize(&mut de).unwrap(),
            ["a", "b"]
        );
    }
}

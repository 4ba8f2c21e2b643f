//! The values an attribute can hold, and how generated code reads, writes and inspects them.
//!
//! A field of a SCIM type is `Option<T>` (single-valued) or `Vec<T>` (multi-valued), where `T`
//! implements [`AttributeValue`]: [`String`], [`bool`], [`i64`], [`Decimal`], [`DateTime`],
//! [`Binary`], [`Reference`], a complex type, or an open enum of canonical values, all of which
//! `#[derive(ScimResource)]` can produce.

use core::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};

use crate::attribute::{AttributeDef, AttributeType};
use crate::context::Scope;
use crate::scalar::{Binary, DateTime, Decimal, ExactNumber, Reference};
use crate::validation::validator::Validator;

// Plumbing of the derive's output, re-exported from `__private`.
pub(crate) mod scoped;

/// A type that can be the value of a SCIM attribute.
pub trait AttributeValue: Sized {
    /// The SCIM type of the attribute.
    const TYPE: AttributeType;
    /// The sub-attributes, for complex values.
    const SUB_ATTRIBUTES: &'static [AttributeDef] = &[];
    /// The canonical values, for open enums.
    const CANONICAL_VALUES: &'static [&'static str] = &[];
    /// For an open enum of canonical values, whether it matches them exactly
    /// (`#[scim(canonical, case_exact)]`, RFC 7643 §2.2); `None` for other types. An attribute
    /// holding the enum is `caseExact` when the enum is, and cannot be when the enum is not.
    const CANONICAL_CASE_EXACT: Option<bool> = None;

    /// Reads a value, with the leniency real peers need: booleans and integers also as strings
    /// (`"True"`, `"42"`), as Entra ID sends them, and booleans as `0`/`1` or `"yes"`/`"no"`,
    /// as scim2-models (pydantic's lax mode) accepts them.
    fn deserialize_value<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>;

    /// Writes the value; complex values write only what `scope` keeps of their sub-attributes.
    fn serialize_value<S: Serializer>(
        &self,
        serializer: S,
        scope: &Scope<'_>,
    ) -> Result<S::Ok, S::Error>;

    /// Checks the value's sub-attributes in the validator's context.
    fn validate_value(&self, _validator: &mut Validator) {}

    /// Drops the sub-attributes a request of this context ignores (`readOnly` ones in writes).
    fn drop_ignored(&mut self, _context: crate::Context) {}

    /// Whether the value holds nothing: a complex value with no sub-attribute set. Such values
    /// are not written (RFC 7643 §2.5).
    fn is_empty_value(&self) -> bool {
        false
    }

    /// Whether the value writes nothing in `scope`: a complex value all of whose set
    /// sub-attributes the context or projection leaves out. Such values are omitted
    /// (RFC 7643 §2.5).
    #[inline]
    fn is_empty_in(&self, _scope: &Scope<'_>) -> bool {
        self.is_empty_value()
    }

    /// Whether this complex value has `primary: true` (RFC 7643 §2.4).
    fn is_primary(&self) -> bool {
        false
    }

    /// A borrowed view for filters, sorting and PATCH.
    fn value_ref(&self) -> ValueRef<'_>;
}

/// A borrowed view of one attribute value.
#[derive(Clone, Copy)]
pub enum ValueRef<'a> {
    /// A `string`.
    String(&'a str),
    /// A `boolean`.
    Boolean(bool),
    /// An `integer`.
    Integer(i64),
    /// A `decimal`.
    Decimal(&'a Decimal),
    /// A `dateTime`.
    DateTime(&'a DateTime),
    /// A `binary`.
    Binary(&'a Binary),
    /// A `reference`.
    Reference(&'a str),
    /// A `complex` value, whose sub-attributes can be looked up.
    Complex(&'a dyn AttributeAccess),
    /// A value of an attribute the type does not know.
    Json(&'a serde_json::Value),
}

impl fmt::Debug for ValueRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::String(v) => f.debug_tuple("String").field(v).finish(),
            Self::Boolean(v) => f.debug_tuple("Boolean").field(v).finish(),
            Self::Integer(v) => f.debug_tuple("Integer").field(v).finish(),
            Self::Decimal(v) => f.debug_tuple("Decimal").field(v).finish(),
            Self::DateTime(v) => f.debug_tuple("DateTime").field(v).finish(),
            Self::Binary(v) => f.debug_tuple("Binary").field(v).finish(),
            Self::Reference(v) => f.debug_tuple("Reference").field(v).finish(),
            Self::Complex(_) => f.write_str("Complex(..)"),
            Self::Json(v) => f.debug_tuple("Json").field(v).finish(),
        }
    }
}

/// The values of one attribute, as [`AttributeAccess::attribute`] finds them.
#[derive(Clone, Copy)]
pub enum Attr<'a> {
    /// A single-valued attribute with a value.
    Single(ValueRef<'a>),
    /// A multi-valued attribute (possibly empty).
    Multi(&'a dyn MultiValued),
}

impl<'a> Attr<'a> {
    /// The values: one for a single-valued attribute, each for a multi-valued one.
    pub fn values(self) -> impl Iterator<Item = ValueRef<'a>> {
        let (single, multi) = match self {
            Attr::Single(v) => (Some(v), None),
            Attr::Multi(m) => (None, Some(m)),
        };
        single.into_iter().chain(
            multi
                .into_iter()
                .flat_map(|m| (0..m.len()).filter_map(move |i| m.get(i))),
        )
    }
}

impl fmt::Debug for Attr<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.values()).finish()
    }
}

/// The values of a multi-valued attribute, behind a trait object.
pub trait MultiValued {
    /// How many values.
    fn len(&self) -> usize;
    /// Whether there are none.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The value at `index`.
    fn get(&self, index: usize) -> Option<ValueRef<'_>>;
}

impl<T: AttributeValue> MultiValued for Vec<T> {
    fn len(&self) -> usize {
        <[T]>::len(self)
    }
    fn get(&self, index: usize) -> Option<ValueRef<'_>> {
        <[T]>::get(self, index).map(AttributeValue::value_ref)
    }
}

impl MultiValued for Vec<serde_json::Value> {
    fn len(&self) -> usize {
        <[serde_json::Value]>::len(self)
    }
    fn get(&self, index: usize) -> Option<ValueRef<'_>> {
        <[serde_json::Value]>::get(self, index).map(ValueRef::Json)
    }
}

/// Lookup of attributes by name on a SCIM object: a resource, an extension or a complex value.
/// Implemented by `#[derive(ScimResource)]`; what filters, sorting and PATCH walk.
pub trait AttributeAccess {
    /// The attribute `name` (case-insensitive, RFC 7643 §2.1), `None` when unset. Attributes the
    /// type does not know are found among the kept unknown attributes.
    fn attribute(&self, name: &str) -> Option<Attr<'_>>;

    /// The extension block of schema `urn` (case-insensitive), for resources.
    fn extension(&self, _urn: &str) -> Option<&dyn AttributeAccess> {
        None
    }

    /// The attribute table of the schema `urn` of an extension block whose
    /// [`extension`](Self::extension) object has none of its own (a JSON block of a dynamic or
    /// JSON resource), so that filters and sorting read its attributes as their definitions
    /// say. Empty by default.
    fn extension_defs(&self, _urn: &str) -> &'static [AttributeDef] {
        &[]
    }

    /// The attribute table of the object's schema (sub-attributes for complex values).
    fn attribute_defs(&self) -> &'static [AttributeDef];

    /// The definition of the attribute `name` (case-insensitive): by default the entry of
    /// [`attribute_defs`](Self::attribute_defs). Filters and sorting read values through it.
    fn attribute_def(&self, name: &str) -> Option<&'static AttributeDef> {
        crate::attribute::find_attribute(self.attribute_defs(), name)
    }

    /// The URN of the object's schema, for resources and extensions.
    fn schema_urn(&self) -> Option<&'static str> {
        None
    }

    /// The `schemas` of a resource: its core schema and the extensions present.
    fn schema_urns(&self) -> Vec<&str> {
        self.schema_urn().into_iter().collect()
    }

    /// Whether no attribute is set.
    fn is_empty_object(&self) -> bool {
        false
    }
}

/// Looks `name` up among unknown attributes kept in a JSON map, case-insensitively.
#[deprecated(note = "call `AttributeAccess::attribute` on the map: `other.attribute(name)`")]
#[doc(hidden)]
pub fn unknown_attribute<'a>(
    other: &'a serde_json::Map<String, serde_json::Value>,
    name: &str,
) -> Option<Attr<'a>> {
    find_unknown(other, name)
}

/// Looks `name` up among unknown attributes kept in a JSON map, case-insensitively.
pub(crate) fn find_unknown<'a>(
    other: &'a serde_json::Map<String, serde_json::Value>,
    name: &str,
) -> Option<Attr<'a>> {
    let value = other
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v)?;
    match value {
        serde_json::Value::Null => None,
        serde_json::Value::Array(items) => Some(Attr::Multi(items)),
        v => Some(Attr::Single(ValueRef::Json(v))),
    }
}

impl AttributeAccess for serde_json::Map<String, serde_json::Value> {
    fn attribute(&self, name: &str) -> Option<Attr<'_>> {
        find_unknown(self, name)
    }
    fn attribute_defs(&self) -> &'static [AttributeDef] {
        &[]
    }
    fn is_empty_object(&self) -> bool {
        self.is_empty()
    }
}

impl AttributeValue for String {
    const TYPE: AttributeType = AttributeType::String;
    fn deserialize_value<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer)
    }
    fn serialize_value<S: Serializer>(
        &self,
        serializer: S,
        _: &Scope<'_>,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self)
    }
    fn value_ref(&self) -> ValueRef<'_> {
        ValueRef::String(self)
    }
}

impl AttributeValue for bool {
    const TYPE: AttributeType = AttributeType::Boolean;
    fn deserialize_value<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Lenient;
        impl<'de> Visitor<'de> for Lenient {
            type Value = bool;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a boolean")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<bool, E> {
                Ok(v)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<bool, E> {
                // The spellings scim2-models (pydantic's lax mode) accepts.
                const TRUE: [&str; 6] = ["true", "1", "yes", "y", "on", "t"];
                const FALSE: [&str; 6] = ["false", "0", "no", "n", "off", "f"];
                let v_trimmed = v.trim();
                if TRUE.iter().any(|t| t.eq_ignore_ascii_case(v_trimmed)) {
                    Ok(true)
                } else if FALSE.iter().any(|f| f.eq_ignore_ascii_case(v_trimmed)) {
                    Ok(false)
                } else {
                    Err(E::invalid_value(de::Unexpected::Str(v), &self))
                }
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<bool, E> {
                match v {
                    0 => Ok(false),
                    1 => Ok(true),
                    _ => Err(E::invalid_value(de::Unexpected::Signed(v), &self)),
                }
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<bool, E> {
                match v {
                    0 => Ok(false),
                    1 => Ok(true),
                    _ => Err(E::invalid_value(de::Unexpected::Unsigned(v), &self)),
                }
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<bool, A::Error> {
                // A number under serde_json's `arbitrary_precision`: the same `0`/`1` as
                // `visit_i64` and `visit_u64` accept without it.
                let text = json_number_text(map, &self)?;
                match text.as_str() {
                    "0" => Ok(false),
                    "1" => Ok(true),
                    _ => Err(de::Error::invalid_value(
                        de::Unexpected::Other(&format!("number {text}")),
                        &self,
                    )),
                }
            }
        }
        deserializer.deserialize_any(Lenient)
    }
    fn serialize_value<S: Serializer>(
        &self,
        serializer: S,
        _: &Scope<'_>,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_bool(*self)
    }
    fn value_ref(&self) -> ValueRef<'_> {
        ValueRef::Boolean(*self)
    }
}

impl AttributeValue for i64 {
    const TYPE: AttributeType = AttributeType::Integer;
    fn deserialize_value<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Lenient;
        impl<'de> Visitor<'de> for Lenient {
            type Value = i64;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an integer")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<i64, E> {
                Ok(v)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<i64, E> {
                i64::try_from(v).map_err(|_| E::invalid_value(de::Unexpected::Unsigned(v), &self))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<i64, E> {
                // 42.0 is an integer; 42.5 is not.
                if v.fract() == 0.0 && v.abs() < 9.0e15 {
                    Ok(v as i64)
                } else {
                    Err(E::invalid_value(de::Unexpected::Float(v), &self))
                }
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<i64, E> {
                v.trim()
                    .parse()
                    .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<i64, A::Error> {
                // A number under serde_json's `arbitrary_precision`, read exactly: `42.0` and
                // `1E+2` are integers, `1e400` and `2^63` are out of range.
                let text = json_number_text(map, &self)?;
                ExactNumber::parse(&text)
                    .and_then(|n| n.to_i64())
                    .ok_or_else(|| {
                        de::Error::invalid_value(
                            de::Unexpected::Other(&format!("number {text}")),
                            &self,
                        )
                    })
            }
        }
        deserializer.deserialize_any(Lenient)
    }
    fn serialize_value<S: Serializer>(
        &self,
        serializer: S,
        _: &Scope<'_>,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(*self)
    }
    fn value_ref(&self) -> ValueRef<'_> {
        ValueRef::Integer(*self)
    }
}

/// The key under which serde_json, with its `arbitrary_precision` feature (this crate's
/// `exact-numbers`), hands a number to `deserialize_any` visitors: a one-entry map holding the
/// number's text. serde_json does not export the name.
const JSON_NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// The text of a number that serde_json's `arbitrary_precision` passed as a map; any other map
/// is the wrong type for `expected`.
fn json_number_text<'de, A: MapAccess<'de>>(
    mut map: A,
    expected: &dyn de::Expected,
) -> Result<String, A::Error> {
    match map.next_key::<std::borrow::Cow<'de, str>>()? {
        Some(key) if key == JSON_NUMBER_TOKEN => map.next_value::<String>(),
        _ => Err(de::Error::invalid_type(de::Unexpected::Map, expected)),
    }
}

macro_rules! plain_value {
    ($ty:ty, $scim:ident, |$v:ident| $view:expr) => {
        impl AttributeValue for $ty {
            const TYPE: AttributeType = AttributeType::$scim;
            fn deserialize_value<'de, D: Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                <$ty>::deserialize(deserializer)
            }
            fn serialize_value<S: Serializer>(
                &self,
                serializer: S,
                _: &Scope<'_>,
            ) -> Result<S::Ok, S::Error> {
                self.serialize(serializer)
            }
            fn value_ref(&self) -> ValueRef<'_> {
                let $v = self;
                $view
            }
        }
    };
}

impl AttributeValue for Decimal {
    const TYPE: AttributeType = AttributeType::Decimal;
    fn deserialize_value<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Through a JSON value: under `arbitrary_precision` a number arrives as a one-entry map,
        // and any other map must be refused as the decimal's own error, not read into (so the
        // error path is the attribute, as dynamic resources report it).
        use de::{Error as _, Unexpected};
        let unexpected = match serde_json::Value::deserialize(deserializer)? {
            serde_json::Value::Number(n) => return Ok(n),
            serde_json::Value::Null => Unexpected::Unit,
            serde_json::Value::Bool(b) => Unexpected::Bool(b),
            serde_json::Value::String(_) => Unexpected::Other("a string"),
            serde_json::Value::Array(_) => Unexpected::Seq,
            serde_json::Value::Object(_) => Unexpected::Map,
        };
        Err(D::Error::invalid_type(unexpected, &"a decimal number"))
    }
    fn serialize_value<S: Serializer>(
        &self,
        serializer: S,
        _: &Scope<'_>,
    ) -> Result<S::Ok, S::Error> {
        self.serialize(serializer)
    }
    fn value_ref(&self) -> ValueRef<'_> {
        ValueRef::Decimal(self)
    }
}
plain_value!(DateTime, DateTime, |v| ValueRef::DateTime(v));
plain_value!(Binary, Binary, |v| ValueRef::Binary(v));
plain_value!(Reference, Reference, |v| ValueRef::Reference(v.as_str()));

#[cfg(test)]
mod tests {
    use super::*;

    fn read<T: AttributeValue>(json: &str) -> Result<T, serde_json::Error> {
        let mut de = serde_json::Deserializer::from_str(json);
        T::deserialize_value(&mut de)
    }

    #[test]
    fn booleans_and_integers_are_read_leniently() {
        assert!(read::<bool>("true").unwrap());
        assert!(read::<bool>("\"True\"").unwrap());
        assert!(!read::<bool>("\"FALSE\"").unwrap());
        assert!(read::<bool>("\"yes\"").unwrap());
        assert!(read::<bool>("1").unwrap());
        assert!(!read::<bool>("0").unwrap());
        assert!(read::<bool>("2").is_err());
        assert!(read::<bool>("\"maybe\"").is_err());
        assert_eq!(read::<i64>("42").unwrap(), 42);
        assert_eq!(read::<i64>("\"42\"").unwrap(), 42);
        assert_eq!(read::<i64>("42.0").unwrap(), 42);
        assert!(read::<i64>("42.5").is_err());
        assert!(read::<i64>("18446744073709551615").is_err());
    }
}

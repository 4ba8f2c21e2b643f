//! How the messages are read and written: members with case-insensitive names (RFC 7643
//! §2.1), `schemas` always naming the message, and the numbers some peers send as strings.
//! Shared by every message module; it uses none of them.

use std::borrow::Cow;

use serde::de::{self, DeserializeSeed, IntoDeserializer as _, MapAccess};
use serde::{Deserialize, Deserializer, Serializer};

/// Reads the members of a message object with case-insensitive names, as every SCIM attribute
/// name is (RFC 7643 §2.1): a key matching one of `names` in any case is handed on spelled as
/// in `names`, so the derived deserializer finds it; any other key is handed on as sent. Two
/// keys equal but for case, or equal exactly, are an error naming the member: which of the two
/// to keep would otherwise be a guess.
pub(crate) struct Members<A> {
    map: A,
    names: &'static [&'static str],
    seen: Vec<String>,
}

impl<A> Members<A> {
    pub(crate) fn new(map: A, names: &'static [&'static str]) -> Self {
        Self {
            map,
            names,
            seen: Vec::new(),
        }
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Members<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Self::Error> {
        let Some(key) = self.map.next_key::<Cow<'de, str>>()? else {
            return Ok(None);
        };
        let folded = key.to_lowercase();
        if self.seen.contains(&folded) {
            return Err(de::Error::custom(format_args!(
                "duplicate member `{key}`: member names are case-insensitive (RFC 7643 §2.1)"
            )));
        }
        self.seen.push(folded);
        let name = match self.names.iter().find(|n| n.eq_ignore_ascii_case(&key)) {
            Some(name) => (*name).to_owned(),
            None => key.into_owned(),
        };
        seed.deserialize(name.into_deserializer()).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, Self::Error> {
        self.map.next_value_seed(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.map.size_hint()
    }
}

/// Implements `Deserialize` for a message whose derived deserializer was made an inherent
/// function with `#[serde(remote = "Self")]`: its members are read through [`Members`].
macro_rules! case_insensitive_deserialize {
    ($ty:ident $(<$g:ident>)?, $what:literal, [$($name:literal),* $(,)?]) => {
        impl<'de $(, $g)?> serde::Deserialize<'de> for $ty $(<$g>)? {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct V $(<$g>)? (core::marker::PhantomData<fn() -> ($($g,)?)>);
                impl<'de $(, $g)?> serde::de::Visitor<'de> for V $(<$g>)? {
                    type Value = $ty $(<$g>)?;
                    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                        f.write_str($what)
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                        $ty::deserialize(serde::de::value::MapAccessDeserializer::new(
                            $crate::message::wire::Members::new(map, &[$($name),*]),
                        ))
                    }
                }
                deserializer.deserialize_map(V(core::marker::PhantomData))
            }
        }
    };
}
pub(crate) use case_insensitive_deserialize;

/// Writes a message's `schemas`, with `urn` first if it is missing: a message built in code
/// (`Default`, or a struct literal with `schemas: vec![]`) always says what it is, which
/// servers require (RFC 7644 §3.4.3, §3.5.2, §3.7).
pub(crate) fn write_schemas<S: Serializer>(
    schemas: &[String],
    urn: &str,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    if schemas.iter().any(|s| s.eq_ignore_ascii_case(urn)) {
        serializer.collect_seq(schemas)
    } else {
        serializer.collect_seq(core::iter::once(urn).chain(schemas.iter().map(String::as_str)))
    }
}

/// A non-negative integer that some servers send as a string (`"10"`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct LenientU64(pub u64);

impl<'de> Deserialize<'de> for LenientU64 {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let v = <i64 as crate::value::AttributeValue>::deserialize_value(deserializer)?;
        u64::try_from(v).map(LenientU64).map_err(|_| {
            serde::de::Error::custom(format_args!("expected a non-negative integer, found {v}"))
        })
    }
}

/// `null` or a lenient integer.
pub(crate) fn lenient_u64(v: Option<LenientU64>) -> Option<u64> {
    v.map(|v| v.0)
}

/// Serde helpers for fields that accept a number or a numeric string.
pub(crate) mod opt_lenient_u64 {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &Option<u64>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(n) => s.serialize_u64(*n),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
        Ok(Option::<super::LenientU64>::deserialize(d)?.map(|v| v.0))
    }
}

/// Serde helpers for an HTTP status that some peers send as a string (`"409"`, as RFC 7644
/// §3.12 shows it) and others as a number.
pub(crate) mod status_code {
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &u16, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(v)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u16, D::Error> {
        let v = <i64 as crate::value::AttributeValue>::deserialize_value(d)?;
        u16::try_from(v)
            .ok()
            .filter(|s| (100..=599).contains(s))
            .ok_or_else(|| {
                serde::de::Error::custom(format_args!("`{v}` is not an HTTP status code"))
            })
    }
}

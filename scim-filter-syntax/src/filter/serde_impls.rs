//! Filters serialize as their canonical text and deserialize by parsing, so they can sit
//! directly in request and message types (RFC 7644 §3.4.3 `filter`).

use core::fmt;
use core::marker::PhantomData;
use core::str::FromStr;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::Filter;

impl Serialize for Filter {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Filter {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_from_str(deserializer, "a SCIM filter (RFC 7644 §3.4.2.2)")
    }
}

/// Deserializes a string and parses it with `T::from_str`, reporting parse errors as custom
/// deserialization errors; `expecting` completes "invalid type: ..., expected ...".
pub(crate) fn deserialize_from_str<'de, D, T>(
    deserializer: D,
    expecting: &'static str,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: FromStr,
    T::Err: fmt::Display,
{
    struct ParsingVisitor<T> {
        expecting: &'static str,
        target: PhantomData<T>,
    }

    impl<T> Visitor<'_> for ParsingVisitor<T>
    where
        T: FromStr,
        T::Err: fmt::Display,
    {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.expecting)
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
            text.parse().map_err(E::custom)
        }
    }

    deserializer.deserialize_str(ParsingVisitor {
        expecting,
        target: PhantomData,
    })
}

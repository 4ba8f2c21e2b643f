//! Deserializing the crate's types from their text, shared by filters, attribute paths and PATCH
//! paths.

use core::fmt;
use core::marker::PhantomData;
use core::str::FromStr;

use serde::de::{self, Deserializer, Visitor};

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

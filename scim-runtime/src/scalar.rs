//! The scalar SCIM data types that have no exact Rust counterpart (RFC 7643 §2.3).
//!
//! `string`, `boolean` and `integer` map to [`String`], [`bool`] and [`i64`]. The others get a
//! type here that keeps what the peer sent, so that reading a resource and writing it back never
//! changes a value.

use core::fmt;
use core::str::FromStr;

use base64::Engine as _;
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

/// A SCIM `decimal` (RFC 7643 §2.3.3).
///
/// This is [`serde_json::Number`], which keeps integers and floats apart and, with serde_json's
/// `arbitrary_precision` feature enabled, every digit the peer sent. Without that feature a
/// decimal keeps the 17 significant digits of an `f64`.
pub type Decimal = serde_json::Number;

/// A SCIM `dateTime`: an `xsd:dateTime` such as `2008-01-23T04:56:22Z` (RFC 7643 §2.3.5).
///
/// The text is kept as sent and written back unchanged; [`DateTime::instant`] gives the point in
/// time for comparisons (filters compare dateTimes as instants, RFC 7644 §3.4.2.2). A value
/// without a time zone is read as UTC, as `xsd:dateTime` leaves it to the application.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateTime(String);

/// Why a string is not an `xsd:dateTime`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{value}` is not an xsd:dateTime such as 2008-01-23T04:56:22Z: {reason}")]
pub struct DateTimeError {
    value: String,
    reason: String,
}

impl DateTime {
    /// Parses and keeps an `xsd:dateTime` string.
    pub fn parse(text: &str) -> Result<Self, DateTimeError> {
        parse_instant(text).map(|_| Self(text.to_owned()))
    }

    /// The value for an instant, written in RFC 3339 form with `Z` for UTC.
    pub fn from_instant(instant: time::OffsetDateTime) -> Self {
        let text = instant
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_else(|_| instant.to_string());
        Self(text)
    }

    /// The current time, as a service provider stamps `meta.created` and `meta.lastModified`.
    pub fn now() -> Self {
        Self::from_instant(time::OffsetDateTime::now_utc())
    }

    /// The text as sent.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The point in time.
    pub fn instant(&self) -> time::OffsetDateTime {
        // Every `DateTime` was parsed once on construction, so this cannot fail; the fallback
        // only exists to keep this function total.
        parse_instant(&self.0).unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
    }
}

fn parse_instant(text: &str) -> Result<time::OffsetDateTime, DateTimeError> {
    use time::format_description::well_known::Rfc3339;
    let error = |reason: String| DateTimeError {
        value: text.to_owned(),
        reason,
    };
    match time::OffsetDateTime::parse(text, &Rfc3339) {
        Ok(instant) => Ok(instant),
        Err(first) => {
            // xsd:dateTime allows no time zone at all; read it as UTC.
            let with_zone = format!("{text}Z");
            time::OffsetDateTime::parse(&with_zone, &Rfc3339).map_err(|_| error(first.to_string()))
        }
    }
}

impl fmt::Debug for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for DateTime {
    type Err = DateTimeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl Serialize for DateTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for DateTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = DateTime;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an xsd:dateTime string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<DateTime, E> {
                DateTime::parse(v).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// A SCIM `binary`: bytes, base64-encoded on the wire (RFC 7643 §2.3.6).
///
/// The text is checked on reading and kept as sent, so writing it back costs nothing and
/// changes nothing; [`Binary::to_bytes`] decodes it. Decoding accepts the standard alphabet with
/// or without padding, and the URL-safe one, as real peers send all three; [`Binary::from_bytes`]
/// writes standard base64 with padding as the RFC asks.
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct Binary(String);

/// Why a string is not base64.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not base64: {0}")]
pub struct BinaryError(String);

fn decode_base64(text: &str) -> Result<Vec<u8>, BinaryError> {
    use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
    let trimmed = text.trim_end_matches('=');
    STANDARD
        .decode(text)
        .or_else(|_| STANDARD_NO_PAD.decode(trimmed))
        .or_else(|_| URL_SAFE.decode(text))
        .or_else(|_| URL_SAFE_NO_PAD.decode(trimmed))
        .map_err(|e| BinaryError(e.to_string()))
}

impl Binary {
    /// Checks and keeps base64 text.
    pub fn from_base64(text: &str) -> Result<Self, BinaryError> {
        decode_base64(text).map(|_| Self(text.to_owned()))
    }

    /// Encodes bytes as standard base64 with padding.
    pub fn from_bytes(bytes: &[u8]) -> Self {
        Self(base64::engine::general_purpose::STANDARD.encode(bytes))
    }

    /// The base64 text, as sent.
    pub fn as_base64(&self) -> &str {
        &self.0
    }

    /// The bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        // The text was checked when the value was made, so decoding succeeds.
        decode_base64(&self.0).unwrap_or_default()
    }
}

impl fmt::Debug for Binary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Binary({} base64 chars)", self.0.len())
    }
}

impl From<&[u8]> for Binary {
    fn from(bytes: &[u8]) -> Self {
        Self::from_bytes(bytes)
    }
}

impl Serialize for Binary {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Binary {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = Binary;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a base64 string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Binary, E> {
                Binary::from_base64(v).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// A SCIM `reference`: a URI, or a resource id for some peers (RFC 7643 §2.3.7).
///
/// Kept as the text that was sent: relative URIs, `urn:` URIs and the `bulkId:` references of
/// RFC 7644 §3.7.2 are all valid references.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Reference(pub String);

impl Reference {
    /// A reference from any URI text.
    pub fn new(uri: impl Into<String>) -> Self {
        Self(uri.into())
    }

    /// The URI text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Reference {
    fn from(s: &str) -> Self {
        Self(s.to_owned())
    }
}

impl From<String> for Reference {
    fn from(s: String) -> Self {
        Self(s)
    }
}

impl Serialize for Reference {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Reference {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_time_keeps_text_and_compares_instants() {
        let a = DateTime::parse("2011-05-13T04:42:34Z").unwrap();
        let b = DateTime::parse("2011-05-13T06:42:34+02:00").unwrap();
        assert_eq!(a.as_str(), "2011-05-13T04:42:34Z");
        assert_eq!(a.instant(), b.instant());
        assert_ne!(a, b, "the text is kept, so the values differ");
    }

    #[test]
    fn date_time_without_zone_is_utc() {
        let local = DateTime::parse("2011-05-13T04:42:34").unwrap();
        let utc = DateTime::parse("2011-05-13T04:42:34Z").unwrap();
        assert_eq!(local.instant(), utc.instant());
    }

    #[test]
    fn date_time_rejects_garbage() {
        let err = DateTime::parse("yesterday").unwrap_err();
        assert!(err.to_string().contains("`yesterday`"), "{err}");
    }

    #[test]
    fn binary_accepts_the_alphabets_peers_use() {
        for text in ["aGk/Pw==", "aGk/Pw", "aGk_Pw==", "aGk_Pw"] {
            let binary = Binary::from_base64(text).unwrap();
            assert_eq!(binary.to_bytes(), b"hi??", "{text}");
            assert_eq!(binary.as_base64(), text, "kept as sent");
        }
        assert_eq!(Binary::from_bytes(b"hi??").as_base64(), "aGk/Pw==");
        assert!(Binary::from_base64("not base64!").is_err());
    }
}

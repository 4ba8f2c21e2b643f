//! Attribute names and paths serialize as their text and deserialize by parsing, so they can sit
//! directly in message types (RFC 7644 §3.4.2.3 `sortBy`, §3.9 `attributes`).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::name::AttrName;
use super::path::AttrPath;
use crate::serde_text::deserialize_from_str;

impl Serialize for AttrName {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for AttrName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_from_str(deserializer, "a SCIM attribute name (RFC 7643 §2.1)")
    }
}

impl Serialize for AttrPath {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for AttrPath {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_from_str(deserializer, "a SCIM attribute path (RFC 7644 §3.10)")
    }
}

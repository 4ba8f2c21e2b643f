//! Paths serialize as their text and deserialize by parsing, so they can sit directly in
//! message types (RFC 7644 §3.5.2 `path`, §3.4.2.3 `sortBy`).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{AttrName, AttrPath, PatchPath};
use crate::filter::serde_impls::deserialize_from_str;

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

impl Serialize for PatchPath {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PatchPath {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_from_str(deserializer, "a SCIM PATCH path (RFC 7644 §3.5.2)")
    }
}

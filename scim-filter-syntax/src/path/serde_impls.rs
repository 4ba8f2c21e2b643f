//! PATCH paths serialize as their text and deserialize by parsing, so they can sit directly in
//! message types (RFC 7644 §3.5.2 `path`).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::patch_path::PatchPath;
use crate::serde_text::deserialize_from_str;

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

//! Filters serialize as their canonical text and deserialize by parsing, so they can sit
//! directly in request and message types (RFC 7644 §3.4.3 `filter`).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::ast::Filter;
use crate::serde_text::deserialize_from_str;

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

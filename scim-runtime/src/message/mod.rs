//! The protocol messages of RFC 7644: list responses, search requests, PATCH bodies, errors
//! and bulk requests and responses.

mod bulk;
mod debug;
mod error;
mod list_response;
mod patch;
mod search_request;

pub use bulk::{
    BulkMethod, BulkOperation, BulkOperationResponse, BulkRequest, BulkResponse, BULK_REQUEST,
    BULK_RESPONSE,
};
pub use error::{Error, ERROR};
pub use list_response::{ListInContext, ListResponse, LIST_RESPONSE};
pub use patch::{PatchOp, PatchOperation, PatchOperationKind, PATCH_OP};
pub use search_request::{SearchRequest, SortOrder, SEARCH_REQUEST};

use serde::{Deserialize, Deserializer};

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

//! `Debug` of the operations of PATCH and bulk requests. Their values are JSON without a
//! schema at hand, so nothing tells a password from a nickname: the value is never shown, only
//! whether there is one. The operation, its path and the other fields stay visible, which is
//! what debugging a request needs.

use core::fmt;

use super::bulk::BulkOperation;
use super::patch::PatchOperation;
use crate::redact::Redacted;

/// `Some(<redacted>)` for a value, `None` for none.
fn value(v: &Option<serde_json::Value>) -> Option<Redacted> {
    v.as_ref().map(|_| Redacted)
}

impl fmt::Debug for PatchOperation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PatchOperation")
            .field("op", &self.op)
            .field("path", &self.path)
            .field("value", &value(&self.value))
            .finish()
    }
}

impl fmt::Debug for BulkOperation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BulkOperation")
            .field("method", &self.method)
            .field("bulk_id", &self.bulk_id)
            .field("version", &self.version)
            .field("path", &self.path)
            .field("data", &value(&self.data))
            .finish()
    }
}

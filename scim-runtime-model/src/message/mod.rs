//! The protocol messages of RFC 7644: list responses, search requests, PATCH bodies, errors
//! and bulk requests and responses.

mod bulk;
mod debug;
mod error;
mod list_response;
mod patch;
mod search_request;
mod wire;

pub use bulk::{
    BulkMethod, BulkOperation, BulkOperationResponse, BulkRequest, BulkResponse, BULK_REQUEST,
    BULK_RESPONSE,
};
pub use error::{Error, ERROR};
pub use list_response::{ListInContext, ListResponse, LIST_RESPONSE};
pub use patch::{IntoPatchValue, PatchOp, PatchOperation, PatchOperationKind, PATCH_OP};
pub use search_request::{SearchRequest, SortOrder, SEARCH_REQUEST};

#![doc = include_str!("../README.md")]

mod discovery;
mod error;
mod query;
mod response;

pub use discovery::Discovery;
pub use error::ScimError;
pub use query::ListQuery;
#[allow(deprecated)]
pub use response::{is_scim_media_type, SCIM_MEDIA_TYPE};
pub use response::{list_response, read_resource, resource_response, scim_response};

#![doc = include_str!("../README.md")]

mod cursor;
mod discovery;
mod error;
mod me;
mod query;
mod response;
pub mod sql;

pub use cursor::{CursorCodec, CursorError};
pub use discovery::Discovery;
pub use error::ScimError;
pub use me::{MeResolver, MeTarget, NoMe};
pub use query::{CursorPage, ListQuery};
#[allow(deprecated)]
pub use response::{is_scim_media_type, SCIM_MEDIA_TYPE};
pub use response::{list_response, read_resource, resource_response, scim_response};

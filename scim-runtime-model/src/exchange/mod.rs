//! Resources as the bodies a SCIM client sends and reads (RFC 7644 §3.3 to §3.7), for typed
//! and dynamic resources alike: what a resource sends in a request context
//! ([`ClientResource`]) and how a response body is read and checked in its response context
//! ([`Outcome`], [`ListItem`]). No transport: `scim_runtime::client` sends the bytes.

mod read;
mod send;

pub use read::{ListItem, Outcome};
pub use send::ClientResource;

#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

pub use scim_runtime_model::*;

#[doc(inline)]
#[cfg(feature = "client")]
pub use scim_runtime_client as client;

#[doc(inline)]
#[cfg(feature = "server")]
pub use scim_runtime_server as server;

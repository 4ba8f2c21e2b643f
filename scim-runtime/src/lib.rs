//! SCIM 2.0 for Rust.
#![deny(missing_docs)]

pub mod filter;
pub mod meta;
pub mod path;

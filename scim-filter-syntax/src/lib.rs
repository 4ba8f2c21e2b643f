//! The SCIM 2.0 filter and path language: filters (RFC 7644 §3.4.2.2), attribute paths
//! (RFC 7644 §3.10) and PATCH paths (RFC 7644 §3.5.2).
//!
//! This crate is the grammar alone: lexer, parser, syntax tree, canonical printer, builder and
//! errors, with no dependency on resource types. It is shared by `scim-runtime`, which
//! re-exports it as `scim_runtime::filter` and `scim_runtime::path` and evaluates filters
//! against typed and JSON resources, and by `scim-derive`, whose `filter!` macro parses filters
//! at compile time with this very parser. Use it through `scim-runtime` unless the grammar is
//! all you need.
//!
//! ```
//! use scim_filter_syntax::filter::{parse_filter, Filter};
//!
//! let filter = parse_filter(r#"emails[type eq "work"] and userName sw "b""#)?;
//! assert!(matches!(filter, Filter::And(_)));
//! assert_eq!(filter.to_string(), r#"emails[type eq "work"] and userName sw "b""#);
//! # Ok::<(), scim_filter_syntax::filter::ParseError>(())
//! ```
//!
//! The `serde` feature makes [`filter::Filter`], [`path::AttrPath`], [`path::AttrName`] and
//! [`path::PatchPath`] serialize as their text and deserialize by parsing, and lets a
//! [`filter::Number`] be made from a `serde_json::Number`.
#![deny(missing_docs)]

// The layers, bottom up: errors and limits; the lexer and the cursor over its tokens; attribute
// names and paths; filters, which compare attribute paths; PATCH paths, which hold a filter.
// Each module uses only the ones before it.
mod attr;
mod cursor;
mod error;
pub mod filter;
mod lexer;
mod limits;
pub mod path;
#[cfg(feature = "serde")]
mod serde_text;

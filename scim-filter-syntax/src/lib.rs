#![doc = include_str!("../README.md")]
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

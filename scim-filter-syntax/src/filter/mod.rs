//! The SCIM filter language (RFC 7644 §3.4.2.2).
//!
//! [`parse_filter`] turns the text of a `filter` query parameter (or of a search request's
//! `filter` member, RFC 7644 §3.4.3) into a [`Filter`] tree; `Display` prints a tree back as
//! canonical text; [`Filter::attr`] and friends build trees in code without string
//! concatenation. Attribute paths and PATCH paths live in [`crate::path`]; evaluating a filter
//! against a resource needs the attribute metadata of `scim-runtime`, and lives there.
//!
//! The whole grammar is supported: the comparison operators `eq ne co sw ew gt lt ge le` and
//! `pr` in any case, `and`, `or`, `not (...)` (also `not(...)`), grouping parentheses, value
//! filters such as `emails[type eq "work" and value co "@example.com"]`, schema-qualified
//! attribute paths, and JSON values (`true`, `false`, `null`, numbers, strings with every JSON
//! escape). `and` binds tighter than `or`, so `a and b or c` is `(a and b) or c`.
//!
//! Parsing never panics. Input is bounded by [`ParseLimits`] (16 KiB and 64 levels of nesting by
//! default), and errors ([`ParseError`]) say what was expected at which column:
//!
//! ```
//! use scim_filter_syntax::filter::{parse_filter, CompValue, CompareOp, Filter};
//!
//! let filter = parse_filter(r#"userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")"#)?;
//! let Filter::And(operands) = &filter else { panic!("an and") };
//! let Filter::Comparison(first) = &operands[0] else { panic!("a comparison") };
//! assert_eq!(first.path.name(), "usertype");
//! assert_eq!(first.op, CompareOp::Equal);
//! assert_eq!(first.value, CompValue::String("Employee".into()));
//! assert!(matches!(operands[1], Filter::Or(_)));
//!
//! // Printing gives canonical text that parses back to the same tree.
//! let canonical = filter.to_string();
//! assert_eq!(parse_filter(&canonical)?, filter);
//!
//! let error = parse_filter(r#"userName equals "bjensen""#).unwrap_err();
//! assert_eq!(
//!     error.to_string(),
//!     r#"expected a comparison operator (eq, ne, co, sw, ew, gt, lt, ge, le, pr) at column 10, found "equals""#
//! );
//! # Ok::<(), scim_filter_syntax::filter::ParseError>(())
//! ```

mod ast;
mod builder;
mod number;
pub(crate) mod parser;
mod printer;
#[cfg(feature = "serde")]
mod serde_impls;

pub use ast::{CompValue, CompareOp, Comparison, Filter, Operands, ValuePath};
pub use builder::AttrFilterBuilder;
// The errors and limits are shared with attribute paths and PATCH paths, which sit beside this
// module rather than under it; they are public here, where users have always named them.
pub use crate::error::{Expected, Found, ParseError};
pub use crate::limits::ParseLimits;
pub use number::{InvalidNumber, Number};

/// Parses a filter (RFC 7644 §3.4.2.2) with the default [`ParseLimits`].
///
/// Surrounding whitespace is ignored, as are runs of spaces, tabs and line breaks between
/// tokens.
///
/// # Errors
///
/// [`ParseError`] if `input` is not exactly one filter or goes over the limits.
pub fn parse_filter(input: &str) -> Result<Filter, ParseError> {
    parser::parse_filter(input, &ParseLimits::default())
}

/// Parses a filter (RFC 7644 §3.4.2.2) within `limits`.
///
/// # Errors
///
/// [`ParseError`] if `input` is not exactly one filter or goes over the limits.
pub fn parse_filter_with_limits(input: &str, limits: &ParseLimits) -> Result<Filter, ParseError> {
    parser::parse_filter(input, limits)
}

impl Filter {
    /// Parses a filter with the default [`ParseLimits`]; the same as [`parse_filter`].
    ///
    /// # Errors
    ///
    /// [`ParseError`] if `input` is not exactly one filter or goes over the limits.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        parse_filter(input)
    }
}

impl core::str::FromStr for Filter {
    type Err = ParseError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        parse_filter(input)
    }
}

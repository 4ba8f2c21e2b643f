//! The SCIM filter language (RFC 7644 §3.4.2.2).
//!
//! [`parse_filter`] turns the text of a `filter` query parameter (or of a search request's
//! `filter` member, RFC 7644 §3.4.3) into a [`Filter`] tree; `Display` prints a tree back as
//! canonical text; [`Filter::attr`] and friends build trees in code without string
//! concatenation. Attribute paths and PATCH paths live in [`crate::path`].
//!
//! [`FilterExt::evaluate`] evaluates a filter against a typed, derived or dynamic resource or a
//! [`JsonObject`], with one semantics for all (the rules are on [`FilterExt`]), and fails with
//! [`EvalError`] where RFC 7644 §3.4.2.2 says a filter must fail; [`FilterExt::matches`] is its
//! infallible form. [`filter!`](crate::filter!) parses a filter at compile time and rejects
//! attributes the resource type does not have.
//!
//! The grammar itself (parser, tree, printer, builder) is the `scim-filter-syntax` crate,
//! re-exported here, so that the `filter!` macro parses with the very same code.
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
//! use scim_runtime::filter::{parse_filter, CompValue, CompareOp, Filter};
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
//! # Ok::<(), scim_runtime::filter::ParseError>(())
//! ```

pub(crate) mod eval;

pub use eval::{EvalError, FilterExt, JsonObject};
pub use scim_filter_syntax::filter::{
    parse_filter, parse_filter_with_limits, AttrFilterBuilder, CompValue, CompareOp, Comparison,
    Expected, Filter, Found, InvalidNumber, Number, Operands, ParseError, ParseLimits, ValuePath,
};

//! Building filters in code.
//!
//! Values go into the tree as values, never as text, and attribute paths are validated before
//! they are used, so nothing a caller passes (`"`, `\`, `)`, `]`, ` or `, ...) can change the
//! structure of the filter that is printed and sent.
//!
//! ```
//! use scim_filter_syntax::filter::Filter;
//!
//! let filter = Filter::attr("userType")?.eq("Employee").and(
//!     Filter::value_path("emails", Filter::attr("type")?.eq("work"))?
//!         .or(Filter::attr("title")?.pr()),
//! );
//! assert_eq!(
//!     filter.to_string(),
//!     r#"userType eq "Employee" and (emails[type eq "work"] or title pr)"#
//! );
//!
//! // Hostile values stay values.
//! let filter = Filter::attr("userName")?.eq(r#"x" or userName pr or ""#);
//! assert_eq!(filter.to_string(), r#"userName eq "x\" or userName pr or \"""#);
//!
//! // Hostile names are refused.
//! assert!(Filter::attr("userName pr or x").is_err());
//! # Ok::<(), scim_filter_syntax::filter::ParseError>(())
//! ```

use super::ast::{CompValue, CompareOp, Comparison, Filter, Operands, ValuePath};
use crate::attr::{AttrPath, IntoAttrPath};
use crate::error::ParseError;

impl Filter {
    /// Starts a comparison on the attribute path `path`: text such as `"userName"`,
    /// `"name.givenName"` or `"urn:ietf:params:scim:schemas:core:2.0:User:userName"`, or any
    /// other [`IntoAttrPath`], such as a typed path of a resource type.
    ///
    /// # Errors
    ///
    /// [`ParseError`] if `path` is not exactly one attribute path (RFC 7644 §3.10).
    pub fn attr(path: impl IntoAttrPath) -> Result<AttrFilterBuilder, ParseError> {
        path.into_attr_path().map(Self::path)
    }

    /// Starts a comparison on an attribute path that is already validated.
    pub fn path(path: AttrPath) -> AttrFilterBuilder {
        AttrFilterBuilder { path }
    }

    /// `attr[filter]`: the multi-valued attribute `attr` has a value matching `filter`, whose
    /// paths name sub-attributes of those values (RFC 7644 §3.4.2.2 `valuePath`).
    ///
    /// # Errors
    ///
    /// [`ParseError`] if `attr` is not exactly one attribute path.
    pub fn value_path(attr: impl IntoAttrPath, filter: Filter) -> Result<Filter, ParseError> {
        Ok(Self::ValuePath(ValuePath::new(
            attr.into_attr_path()?,
            filter,
        )))
    }

    /// `self and other`. Chains stay flat: `a.and(b).and(c)` is one `and` of three operands.
    #[must_use]
    pub fn and(self, other: Filter) -> Filter {
        Self::And(join(self, other, |filter| match filter {
            Self::And(operands) => Ok(operands),
            other => Err(other),
        }))
    }

    /// `self or other`. Chains stay flat: `a.or(b).or(c)` is one `or` of three operands.
    #[must_use]
    pub fn or(self, other: Filter) -> Filter {
        Self::Or(join(self, other, |filter| match filter {
            Self::Or(operands) => Ok(operands),
            other => Err(other),
        }))
    }

    /// `not (self)`. Also available as the `!` operator.
    // An inherent method so that callers need no `use std::ops::Not`; the trait is implemented
    // too, below.
    #[allow(clippy::should_implement_trait)]
    #[must_use]
    pub fn not(self) -> Filter {
        Self::Not(Box::new(self))
    }
}

/// Joins two filters under one operator, splicing in the operands of either side that already
/// uses it (`split` returns them).
fn join(first: Filter, second: Filter, split: fn(Filter) -> Result<Operands, Filter>) -> Operands {
    let mut filters = Vec::new();
    for filter in [first, second] {
        match split(filter) {
            Ok(operands) => filters.extend(operands),
            Err(single) => filters.push(single),
        }
    }
    // Two inputs, each contributing one filter or an `Operands` of at least two.
    Operands(filters)
}

impl core::ops::Not for Filter {
    type Output = Filter;

    /// `not (self)`.
    fn not(self) -> Filter {
        Filter::not(self)
    }
}

impl core::ops::BitAnd for Filter {
    type Output = Filter;

    /// `self and other`, as [`Filter::and`].
    fn bitand(self, other: Filter) -> Filter {
        self.and(other)
    }
}

impl core::ops::BitOr for Filter {
    type Output = Filter;

    /// `self or other`, as [`Filter::or`].
    fn bitor(self, other: Filter) -> Filter {
        self.or(other)
    }
}

impl From<Comparison> for Filter {
    fn from(comparison: Comparison) -> Self {
        Self::Comparison(comparison)
    }
}

impl From<ValuePath> for Filter {
    fn from(value_path: ValuePath) -> Self {
        Self::ValuePath(value_path)
    }
}

/// An attribute path waiting for its operator; made by [`Filter::attr`] or [`Filter::path`].
///
/// Values are anything that converts into a [`CompValue`]: strings, `bool`, integers,
/// [`Number`](super::Number) (for decimals), `Option` (`None` is `null`) or a `CompValue`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[must_use = "an attribute path alone is not a filter; add an operator"]
pub struct AttrFilterBuilder {
    path: AttrPath,
}

impl AttrFilterBuilder {
    /// `path op value`.
    pub fn compare(self, op: CompareOp, value: impl Into<CompValue>) -> Filter {
        Filter::Comparison(Comparison {
            path: self.path,
            op,
            value: value.into(),
        })
    }

    /// `path eq value`: equal.
    pub fn eq(self, value: impl Into<CompValue>) -> Filter {
        self.compare(CompareOp::Equal, value)
    }

    /// `path ne value`: not equal.
    pub fn ne(self, value: impl Into<CompValue>) -> Filter {
        self.compare(CompareOp::NotEqual, value)
    }

    /// `path co value`: contains.
    pub fn co(self, value: impl Into<CompValue>) -> Filter {
        self.compare(CompareOp::Contains, value)
    }

    /// `path sw value`: starts with.
    pub fn sw(self, value: impl Into<CompValue>) -> Filter {
        self.compare(CompareOp::StartsWith, value)
    }

    /// `path ew value`: ends with.
    pub fn ew(self, value: impl Into<CompValue>) -> Filter {
        self.compare(CompareOp::EndsWith, value)
    }

    /// `path gt value`: greater than.
    pub fn gt(self, value: impl Into<CompValue>) -> Filter {
        self.compare(CompareOp::GreaterThan, value)
    }

    /// `path lt value`: less than.
    pub fn lt(self, value: impl Into<CompValue>) -> Filter {
        self.compare(CompareOp::LessThan, value)
    }

    /// `path ge value`: greater than or equal.
    pub fn ge(self, value: impl Into<CompValue>) -> Filter {
        self.compare(CompareOp::GreaterOrEqual, value)
    }

    /// `path le value`: less than or equal.
    pub fn le(self, value: impl Into<CompValue>) -> Filter {
        self.compare(CompareOp::LessOrEqual, value)
    }

    /// `path pr`: present.
    pub fn pr(self) -> Filter {
        Filter::Present(self.path)
    }

    /// `path[filter]`: a value of the multi-valued attribute matches `filter`.
    pub fn matching(self, filter: Filter) -> Filter {
        Filter::ValuePath(ValuePath::new(self.path, filter))
    }

    /// The attribute path.
    pub fn into_path(self) -> AttrPath {
        self.path
    }
}

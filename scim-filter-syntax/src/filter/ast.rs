//! The syntax tree of a filter (RFC 7644 §3.4.2.2).
//!
//! The tree is shaped for evaluation: every node says what it tests, `and`/`or` chains are flat
//! operand lists, and grouping parentheses leave no node of their own (they only shape the
//! tree). Its depth is bounded by the nesting of `(`, `not (` and `[`, never by the length of
//! an `and`/`or` chain, so walking it recursively is safe for anything the parser accepts.

use core::ops::Deref;

use super::number::Number;
use crate::attr::AttrPath;

/// A filter expression (RFC 7644 §3.4.2.2, `FILTER`).
///
/// Parse one with [`parse_filter`](super::parse_filter), build one with
/// [`Filter::attr`](Filter::attr) and friends, and print it with `Display`, which produces the
/// canonical text that parses back to an equal tree.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Filter {
    /// `attrPath compareOp compValue`, such as `userName eq "bjensen"`.
    Comparison(Comparison),
    /// `attrPath pr`: the attribute has a non-empty, non-null value.
    Present(AttrPath),
    /// `a and b and ...`: every operand matches.
    And(Operands),
    /// `a or b or ...`: at least one operand matches.
    Or(Operands),
    /// `not (a)`: the operand does not match.
    Not(Box<Filter>),
    /// `attrPath "[" valFilter "]"`, such as `emails[type eq "work"]`: at least one value of a
    /// multi-valued complex attribute matches the inner filter, whose paths name its
    /// sub-attributes.
    ValuePath(ValuePath),
}

/// `attrPath compareOp compValue` (RFC 7644 §3.4.2.2, `attrExp`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Comparison {
    /// The attribute compared.
    pub path: AttrPath,
    /// How it is compared.
    pub op: CompareOp,
    /// What it is compared with.
    pub value: CompValue,
}

/// A comparison operator (RFC 7644 §3.4.2.2, Table 3, `compareOp`).
///
/// Written in any case in a filter (`eq`, `EQ`, `Eq`), printed in lower case. Presence (`pr`)
/// takes no value and is [`Filter::Present`] instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CompareOp {
    /// `eq`: the values are identical.
    Equal,
    /// `ne`: the values are not identical.
    NotEqual,
    /// `co`: the attribute value contains the comparison value.
    Contains,
    /// `sw`: the attribute value starts with the comparison value.
    StartsWith,
    /// `ew`: the attribute value ends with the comparison value.
    EndsWith,
    /// `gt`: the attribute value is greater than the comparison value.
    GreaterThan,
    /// `lt`: the attribute value is less than the comparison value.
    LessThan,
    /// `ge`: the attribute value is greater than or equal to the comparison value.
    GreaterOrEqual,
    /// `le`: the attribute value is less than or equal to the comparison value.
    LessOrEqual,
}

impl CompareOp {
    /// Every comparison operator, in the order of RFC 7644 Table 3.
    pub const ALL: [Self; 9] = [
        Self::Equal,
        Self::NotEqual,
        Self::Contains,
        Self::StartsWith,
        Self::EndsWith,
        Self::GreaterThan,
        Self::LessThan,
        Self::GreaterOrEqual,
        Self::LessOrEqual,
    ];

    /// The operator's keyword in lower case: `"eq"`, `"ne"`, ...
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Equal => "eq",
            Self::NotEqual => "ne",
            Self::Contains => "co",
            Self::StartsWith => "sw",
            Self::EndsWith => "ew",
            Self::GreaterThan => "gt",
            Self::LessThan => "lt",
            Self::GreaterOrEqual => "ge",
            Self::LessOrEqual => "le",
        }
    }

    /// The operator written `keyword`, in any case (RFC 7644 §3.4.2.2).
    pub fn from_keyword(keyword: &str) -> Option<Self> {
        let bytes: [u8; 2] = keyword.as_bytes().try_into().ok()?;
        Some(match bytes.map(|b| b.to_ascii_lowercase()) {
            [b'e', b'q'] => Self::Equal,
            [b'n', b'e'] => Self::NotEqual,
            [b'c', b'o'] => Self::Contains,
            [b's', b'w'] => Self::StartsWith,
            [b'e', b'w'] => Self::EndsWith,
            [b'g', b't'] => Self::GreaterThan,
            [b'l', b't'] => Self::LessThan,
            [b'g', b'e'] => Self::GreaterOrEqual,
            [b'l', b'e'] => Self::LessOrEqual,
            _ => return None,
        })
    }

    /// Whether the operator orders values (`gt`, `lt`, `ge`, `le`), which RFC 7644 §3.4.2.2
    /// forbids on boolean and binary attributes.
    pub const fn is_ordering(self) -> bool {
        matches!(
            self,
            Self::GreaterThan | Self::LessThan | Self::GreaterOrEqual | Self::LessOrEqual
        )
    }

    /// Whether the operator matches substrings (`co`, `sw`, `ew`).
    pub const fn is_substring(self) -> bool {
        matches!(self, Self::Contains | Self::StartsWith | Self::EndsWith)
    }
}

/// A comparison value: `compValue = false / null / true / number / string`, JSON literals
/// (RFC 7644 §3.4.2.2, RFC 8259).
///
/// `dateTime` values are JSON strings in a filter (`meta.lastModified gt
/// "2011-05-13T04:42:34Z"`) and stay strings here; whoever evaluates the filter knows the
/// attribute's type and compares them as instants.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum CompValue {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A JSON number, kept as written.
    Number(Number),
    /// A JSON string, unescaped.
    String(String),
}

impl From<bool> for CompValue {
    fn from(value: bool) -> Self {
        Self::Bool(value)
    }
}

impl From<Number> for CompValue {
    fn from(value: Number) -> Self {
        Self::Number(value)
    }
}

impl From<String> for CompValue {
    fn from(value: String) -> Self {
        Self::String(value)
    }
}

impl From<&str> for CompValue {
    fn from(value: &str) -> Self {
        Self::String(value.to_owned())
    }
}

impl From<&String> for CompValue {
    fn from(value: &String) -> Self {
        Self::String(value.clone())
    }
}

macro_rules! comp_value_from_integer {
    ($($int:ty),*) => {$(
        impl From<$int> for CompValue {
            fn from(value: $int) -> Self {
                Self::Number(Number::from(value))
            }
        }
    )*};
}
comp_value_from_integer!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);

impl<T: Into<CompValue>> From<Option<T>> for CompValue {
    /// `None` becomes `null`.
    fn from(value: Option<T>) -> Self {
        value.map_or(Self::Null, Into::into)
    }
}

/// The operands of [`Filter::And`] or [`Filter::Or`]: always at least two.
///
/// Dereferences to a slice, so an evaluator writes `operands.iter().all(...)`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Operands(pub(super) Vec<Filter>);

impl Operands {
    /// Two operands.
    pub fn new(first: Filter, second: Filter) -> Self {
        Self(vec![first, second])
    }

    /// The operands of `filters`, or `None` if there are fewer than two.
    pub fn from_vec(filters: Vec<Filter>) -> Option<Self> {
        (filters.len() >= 2).then_some(Self(filters))
    }

    /// Appends an operand.
    pub fn push(&mut self, filter: Filter) {
        self.0.push(filter);
    }

    /// The operands as a slice.
    pub fn as_slice(&self) -> &[Filter] {
        &self.0
    }

    /// The operands as a vector.
    pub fn into_vec(self) -> Vec<Filter> {
        self.0
    }
}

impl Deref for Operands {
    type Target = [Filter];

    fn deref(&self) -> &[Filter] {
        &self.0
    }
}

impl<'a> IntoIterator for &'a Operands {
    type Item = &'a Filter;
    type IntoIter = core::slice::Iter<'a, Filter>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl IntoIterator for Operands {
    type Item = Filter;
    type IntoIter = std::vec::IntoIter<Filter>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// `attrPath "[" valFilter "]"` (RFC 7644 §3.4.2.2 `valuePath`): selects the values of a
/// multi-valued complex attribute that match `filter`, whose attribute paths are relative to
/// those values (`emails[type eq "work"]`).
///
/// A filter matches when at least one value does; a PATCH path (RFC 7644 §3.5.2) uses the same
/// selection to target the matching values.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ValuePath {
    /// The multi-valued attribute whose values are selected.
    pub attr: AttrPath,
    /// The filter each value is tested against.
    pub filter: Box<Filter>,
}

impl ValuePath {
    /// Selects the values of `attr` that match `filter`.
    pub fn new(attr: AttrPath, filter: Filter) -> Self {
        Self {
            attr,
            filter: Box::new(filter),
        }
    }
}

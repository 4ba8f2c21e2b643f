//! PATCH paths (RFC 7644 §3.5.2).

use core::fmt;
use core::str::FromStr;

use crate::attr::{AttrName, AttrPath};
use crate::error::ParseError;
use crate::filter::{Filter, ValuePath};

/// The target of a PATCH operation: `PATH = attrPath / valuePath [subAttr]`
/// (RFC 7644 §3.5.2, Figure 7).
///
/// ```
/// use scim_filter_syntax::path::PatchPath;
///
/// let path: PatchPath = r#"members[value eq "2819c223-7f76-453a-919d-413861904646"].displayName"#.parse()?;
/// assert_eq!(path.attr().name(), "members");
/// assert!(path.value_filter().is_some());
/// assert_eq!(path.sub_attr().map(|s| s.as_str()), Some("displayName"));
/// # Ok::<(), scim_filter_syntax::filter::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PatchPath {
    /// An attribute or sub-attribute: `members`, `name.familyName`,
    /// `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager`.
    Attr(AttrPath),
    /// The values of a multi-valued attribute that match a filter, or one sub-attribute of
    /// them: `members[value eq "2819c223"]`, `addresses[type eq "work"].streetAddress`.
    ValuePath {
        /// The attribute and the filter selecting its values.
        value_path: ValuePath,
        /// The sub-attribute of the selected values, if the operation targets only that.
        sub_attr: Option<AttrName>,
    },
}

impl PatchPath {
    /// Parses a PATCH path with the default limits; the same as
    /// [`parse_patch_path`](super::parse_patch_path).
    ///
    /// # Errors
    ///
    /// [`ParseError`] if `input` is not exactly one PATCH path or goes over the limits.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        super::parse_patch_path(input)
    }

    /// The attribute the path starts from (`members` in `members[value eq "x"].display`).
    pub fn attr(&self) -> &AttrPath {
        match self {
            Self::Attr(path) => path,
            Self::ValuePath { value_path, .. } => &value_path.attr,
        }
    }

    /// The filter selecting values, if the path has one.
    pub fn value_filter(&self) -> Option<&Filter> {
        match self {
            Self::Attr(_) => None,
            Self::ValuePath { value_path, .. } => Some(&value_path.filter),
        }
    }

    /// The sub-attribute targeted after a value filter, if any.
    ///
    /// For the plain form, the sub-attribute is part of [`attr`](Self::attr) instead.
    pub fn sub_attr(&self) -> Option<&AttrName> {
        match self {
            Self::Attr(_) => None,
            Self::ValuePath { sub_attr, .. } => sub_attr.as_ref(),
        }
    }
}

impl From<AttrPath> for PatchPath {
    fn from(path: AttrPath) -> Self {
        Self::Attr(path)
    }
}

impl From<ValuePath> for PatchPath {
    fn from(value_path: ValuePath) -> Self {
        Self::ValuePath {
            value_path,
            sub_attr: None,
        }
    }
}

impl fmt::Display for PatchPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Attr(path) => write!(f, "{path}"),
            Self::ValuePath {
                value_path,
                sub_attr,
            } => {
                write!(f, "{value_path}")?;
                if let Some(sub_attr) = sub_attr {
                    write!(f, ".{sub_attr}")?;
                }
                Ok(())
            }
        }
    }
}

impl FromStr for PatchPath {
    type Err = ParseError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        Self::parse(input)
    }
}

//! [`IntoAttrPath`]: what every API that takes an attribute path takes, so that a path may be
//! text (the dynamic case), a parsed [`AttrPath`], or a typed path that a resource type built.

use std::borrow::Cow;

use super::{AttrName, AttrPath};
use crate::error::ParseError;

/// An attribute path (RFC 7644 §3.10) as an argument: text such as `"name.givenName"`, an
/// [`AttrPath`], an [`AttrName`], or a typed path of a resource type (which `scim-runtime`
/// implements it for).
///
/// APIs that only pass the path on (an `attributes` list, a `sortBy`) read
/// [`path_text`](Self::path_text); APIs that need the parsed path (the filter builder) call
/// [`into_attr_path`](Self::into_attr_path), which fails only for text that is no path.
///
/// ```
/// use scim_filter_syntax::path::{AttrPath, IntoAttrPath};
///
/// assert_eq!("name.givenName".path_text(), "name.givenName");
/// let parsed: AttrPath = "name.givenName".into_attr_path()?;
/// assert_eq!(parsed.path_text(), "name.givenName");
/// assert!("name givenName".into_attr_path().is_err());
/// # Ok::<(), scim_filter_syntax::filter::ParseError>(())
/// ```
pub trait IntoAttrPath {
    /// The path as it is written on the wire.
    fn path_text(&self) -> Cow<'_, str>;

    /// The path, parsed.
    ///
    /// # Errors
    ///
    /// [`ParseError`] if the text is not exactly one attribute path.
    fn into_attr_path(self) -> Result<AttrPath, ParseError>
    where
        Self: Sized,
    {
        AttrPath::parse(&self.path_text())
    }
}

impl IntoAttrPath for str {
    fn path_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}

impl IntoAttrPath for String {
    fn path_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}

impl IntoAttrPath for Cow<'_, str> {
    fn path_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}

impl IntoAttrPath for Box<str> {
    fn path_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}

impl IntoAttrPath for AttrName {
    fn path_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }

    fn into_attr_path(self) -> Result<AttrPath, ParseError> {
        Ok(AttrPath::new(self))
    }
}

impl IntoAttrPath for AttrPath {
    fn path_text(&self) -> Cow<'_, str> {
        Cow::Owned(self.to_string())
    }

    fn into_attr_path(self) -> Result<AttrPath, ParseError> {
        Ok(self)
    }
}

impl<T: IntoAttrPath + ?Sized> IntoAttrPath for &T {
    fn path_text(&self) -> Cow<'_, str> {
        (**self).path_text()
    }

    fn into_attr_path(self) -> Result<AttrPath, ParseError> {
        AttrPath::parse(&self.path_text())
    }
}

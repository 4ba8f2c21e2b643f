//! Attribute paths (RFC 7644 §3.10, `attrPath` of §3.4.2.2).

use core::fmt;
use core::hash::{Hash, Hasher};
use core::str::FromStr;

use super::name::{attr_name_len, hash_ignoring_ascii_case, AttrName};
use crate::cursor::Cursor;
use crate::error::{Expected, ParseError};
use crate::lexer::TokenKind;
use crate::limits::ParseLimits;

/// An attribute path: `attrPath = [URI ":"] ATTRNAME *1subAttr` (RFC 7644 §3.4.2.2, §3.10).
///
/// It names an attribute, optionally qualified by the schema URI that defines it
/// (`urn:ietf:params:scim:schemas:core:2.0:User:userName`), optionally followed by one
/// sub-attribute (`name.givenName`). The schema URI is everything up to the last `:` before the
/// attribute name, so extension attributes such as
/// `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value` split into the URI
/// `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User`, the name `manager` and the
/// sub-attribute `value`.
///
/// Attribute paths are used by filters, by `sortBy` (RFC 7644 §3.4.2.3), by `attributes` and
/// `excludedAttributes` (§3.9) and by PATCH paths (§3.5.2).
///
/// All parts compare case-insensitively (RFC 7643 §2.1) and print as written.
///
/// ```
/// use scim_filter_syntax::path::AttrPath;
///
/// let path: AttrPath = "urn:ietf:params:scim:schemas:core:2.0:User:name.givenName".parse()?;
/// assert_eq!(path.schema(), Some("urn:ietf:params:scim:schemas:core:2.0:User"));
/// assert_eq!(path.name(), "name");
/// assert_eq!(path.sub_attr().map(|s| s.as_str()), Some("givenName"));
/// assert_eq!(path, "URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER:NAME.GIVENNAME".parse()?);
/// # Ok::<(), scim_filter_syntax::filter::ParseError>(())
/// ```
#[derive(Debug, Clone)]
pub struct AttrPath {
    schema: Option<Box<str>>,
    name: AttrName,
    sub_attr: Option<AttrName>,
}

impl AttrPath {
    /// A path to the attribute `name`, with no schema URI and no sub-attribute.
    pub fn new(name: AttrName) -> Self {
        Self {
            schema: None,
            name,
            sub_attr: None,
        }
    }

    /// Parses an attribute path such as `name.givenName`; the same as
    /// [`parse_path`](crate::path::parse_path).
    ///
    /// # Errors
    ///
    /// [`ParseError`] if `text` is not exactly one attribute path.
    pub fn parse(text: &str) -> Result<Self, ParseError> {
        parse_attr_path(text, &ParseLimits::default())
    }

    /// The same path with `sub_attr` as its sub-attribute, replacing any it had.
    #[must_use]
    pub fn with_sub_attr(mut self, sub_attr: AttrName) -> Self {
        self.sub_attr = Some(sub_attr);
        self
    }

    /// The same path qualified by the schema URI `schema`, replacing any it had.
    ///
    /// # Errors
    ///
    /// [`ParseError`] if `schema` is not a URI made of letters, digits, `-`, `.`, `_` and
    /// non-empty `:`-separated segments, starting with a letter, with at least one `:`.
    pub fn with_schema(mut self, schema: &str) -> Result<Self, ParseError> {
        check_schema_uri(schema, 0, schema.len())?;
        self.schema = Some(schema.into());
        Ok(self)
    }

    /// The schema URI the path is qualified with, if any.
    pub fn schema(&self) -> Option<&str> {
        self.schema.as_deref()
    }

    /// The attribute name.
    pub fn name(&self) -> &AttrName {
        &self.name
    }

    /// The sub-attribute name, if any.
    pub fn sub_attr(&self) -> Option<&AttrName> {
        self.sub_attr.as_ref()
    }

    /// Reads the attribute path that spans `input[start..end]`, a run of characters the lexer
    /// grouped as one word; errors point into `input`.
    pub(crate) fn from_word(input: &str, start: usize, end: usize) -> Result<Self, ParseError> {
        let word = &input[start..end];
        let (schema, name_start) = match word.rfind(':') {
            Some(colon) => {
                check_schema_uri(input, start, start + colon)?;
                (Some(word[..colon].into()), start + colon + 1)
            }
            None => (None, start),
        };
        let name_len = attr_name_len(&input[name_start..end]);
        if name_len == 0 {
            return Err(ParseError::unexpected_at(
                input,
                name_start,
                Expected::AttrName,
            ));
        }
        let name = AttrName::from_validated(&input[name_start..name_start + name_len]);
        let mut next = name_start + name_len;
        let mut sub_attr = None;
        if next < end && input.as_bytes()[next] == b'.' {
            let sub_start = next + 1;
            let sub_len = attr_name_len(&input[sub_start..end]);
            if sub_len == 0 {
                return Err(ParseError::unexpected_at(
                    input,
                    sub_start,
                    Expected::AttrName,
                ));
            }
            sub_attr = Some(AttrName::from_validated(
                &input[sub_start..sub_start + sub_len],
            ));
            next = sub_start + sub_len;
        }
        if next < end {
            return Err(ParseError::unexpected_at(
                input,
                next,
                Expected::EndOfAttrPath,
            ));
        }
        Ok(Self {
            schema,
            name,
            sub_attr,
        })
    }
}

/// Parses a whole attribute path, with surrounding whitespace allowed as in a filter.
pub(crate) fn parse_attr_path(input: &str, limits: &ParseLimits) -> Result<AttrPath, ParseError> {
    let mut cursor = Cursor::new(input, limits)?;
    let path = read_attr_path(&mut cursor, Expected::AttrPath)?;
    cursor.expect_end(Expected::EndOfAttrPath)?;
    Ok(path)
}

/// Reads the attribute path at the cursor's token and moves past it; `expected` describes what
/// else could have been there.
pub(crate) fn read_attr_path(
    cursor: &mut Cursor<'_>,
    expected: Expected,
) -> Result<AttrPath, ParseError> {
    if cursor.token.kind != TokenKind::Word {
        return Err(cursor.unexpected(expected));
    }
    let path = AttrPath::from_word(cursor.input(), cursor.token.start, cursor.token.end)?;
    cursor.advance()?;
    Ok(path)
}

/// Characters allowed in a schema URI: letters, digits, `-`, `.`, `_` and `:`.
///
/// This covers every schema URN of RFC 7643/7644 and the extension URNs seen in practice while
/// keeping the path unambiguous inside a filter.
fn is_uri_char(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b':')
}

/// Checks that `input[start..end]` is a schema URI: a letter first, then non-empty
/// `:`-separated segments, at least two of them; errors point into `input`.
fn check_schema_uri(input: &str, start: usize, end: usize) -> Result<(), ParseError> {
    let uri = &input[start..end];
    if !uri.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) || !uri.contains(':') {
        return Err(ParseError::unexpected_at(input, start, Expected::SchemaUri));
    }
    let mut segment_start = start;
    for segment in uri.split(':') {
        if segment.is_empty() {
            return Err(ParseError::unexpected_at(
                input,
                segment_start,
                Expected::SchemaUri,
            ));
        }
        if let Some(bad) = segment.bytes().position(|b| !is_uri_char(b)) {
            return Err(ParseError::unexpected_at(
                input,
                segment_start + bad,
                Expected::SchemaUri,
            ));
        }
        segment_start += segment.len() + 1;
    }
    Ok(())
}

impl From<AttrName> for AttrPath {
    fn from(name: AttrName) -> Self {
        Self::new(name)
    }
}

impl fmt::Display for AttrPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(schema) = &self.schema {
            write!(f, "{schema}:")?;
        }
        write!(f, "{}", self.name)?;
        if let Some(sub_attr) = &self.sub_attr {
            write!(f, ".{sub_attr}")?;
        }
        Ok(())
    }
}

impl PartialEq for AttrPath {
    fn eq(&self, other: &Self) -> bool {
        let same_schema = match (&self.schema, &other.schema) {
            (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
            (None, None) => true,
            _ => false,
        };
        same_schema && self.name == other.name && self.sub_attr == other.sub_attr
    }
}

impl Eq for AttrPath {}

impl Hash for AttrPath {
    fn hash<H: Hasher>(&self, state: &mut H) {
        if let Some(schema) = &self.schema {
            hash_ignoring_ascii_case(schema, state);
        }
        self.name.hash(state);
        self.sub_attr.hash(state);
    }
}

impl FromStr for AttrPath {
    type Err = ParseError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::parse(text)
    }
}

impl TryFrom<&str> for AttrPath {
    type Error = ParseError;

    fn try_from(text: &str) -> Result<Self, Self::Error> {
        Self::parse(text)
    }
}

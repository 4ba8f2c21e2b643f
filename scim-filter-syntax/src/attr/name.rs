//! Attribute names (RFC 7643 §2.1).

use core::cmp::Ordering;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::str::FromStr;

use crate::error::{Expected, ParseError};

/// A validated attribute name: `ATTRNAME = ALPHA *(nameChar)`,
/// `nameChar = "$" / "-" / "_" / DIGIT / ALPHA` (RFC 7643 §2.1).
///
/// A leading `$` is also accepted, because RFC 7643 itself names sub-attributes `$ref`
/// (§2.3.7, §4.1.2, §8.7.1) and clients address them in paths such as `members.$ref`.
///
/// Names are case-insensitive (RFC 7643 §2.1): equality, ordering and hashing ignore ASCII case,
/// while [`as_str`](Self::as_str) and `Display` keep the spelling that was written.
///
/// ```
/// use scim_filter_syntax::path::AttrName;
///
/// let name = AttrName::new("userName")?;
/// assert_eq!(name, AttrName::new("USERNAME")?);
/// assert_eq!(name, "username");
/// assert_eq!(name.to_string(), "userName");
/// assert!(AttrName::new("user name").is_err());
/// # Ok::<(), scim_filter_syntax::filter::ParseError>(())
/// ```
#[derive(Debug, Clone)]
pub struct AttrName(Box<str>);

impl AttrName {
    /// Validates `name` as an attribute name.
    ///
    /// # Errors
    ///
    /// [`ParseError::Unexpected`] pointing at the first character that cannot appear in an
    /// attribute name (or at column 1 for an empty name).
    pub fn new(name: &str) -> Result<Self, ParseError> {
        let len = attr_name_len(name);
        if len == 0 || len != name.len() {
            return Err(ParseError::unexpected_at(name, len, Expected::AttrName));
        }
        Ok(Self::from_validated(name))
    }

    /// The name as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Wraps a name already checked by [`attr_name_len`].
    pub(crate) fn from_validated(name: &str) -> Self {
        debug_assert!(!name.is_empty() && attr_name_len(name) == name.len());
        Self(name.into())
    }
}

/// The length in bytes of the attribute name that starts `text`, 0 if it does not start with one.
pub(crate) fn attr_name_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    match bytes.first() {
        Some(first) if first.is_ascii_alphabetic() || *first == b'$' => {}
        _ => return 0,
    }
    bytes
        .iter()
        .position(|b| !is_name_char(*b))
        .unwrap_or(bytes.len())
}

/// `nameChar` of RFC 7643 §2.1.
fn is_name_char(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'$' | b'-' | b'_')
}

impl fmt::Display for AttrName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for AttrName {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl PartialEq for AttrName {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(&other.0)
    }
}

impl Eq for AttrName {}

impl PartialEq<str> for AttrName {
    fn eq(&self, other: &str) -> bool {
        self.0.eq_ignore_ascii_case(other)
    }
}

impl PartialEq<&str> for AttrName {
    fn eq(&self, other: &&str) -> bool {
        self.0.eq_ignore_ascii_case(other)
    }
}

impl Hash for AttrName {
    fn hash<H: Hasher>(&self, state: &mut H) {
        hash_ignoring_ascii_case(&self.0, state);
    }
}

impl Ord for AttrName {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0
            .bytes()
            .map(|b| b.to_ascii_lowercase())
            .cmp(other.0.bytes().map(|b| b.to_ascii_lowercase()))
    }
}

impl PartialOrd for AttrName {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl FromStr for AttrName {
    type Err = ParseError;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Self::new(name)
    }
}

impl TryFrom<&str> for AttrName {
    type Error = ParseError;

    fn try_from(name: &str) -> Result<Self, Self::Error> {
        Self::new(name)
    }
}

/// Hashes `text` so that strings equal under `eq_ignore_ascii_case` hash alike.
pub(crate) fn hash_ignoring_ascii_case<H: Hasher>(text: &str, state: &mut H) {
    for byte in text.bytes() {
        state.write_u8(byte.to_ascii_lowercase());
    }
    state.write_u8(0xff);
}

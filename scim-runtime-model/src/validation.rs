//! Violations found when a payload is checked in its context, and the errors of reading one.

use core::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

// Plumbing of the derive's output, re-exported from `__private`.
pub(crate) mod validator;

/// The `scimType` of an error response (RFC 7644 §3.12, Table 9), with a fallback for the
/// values peers invent.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ScimType {
    /// The filter syntax was invalid or the attribute and comparison combination is unsupported.
    InvalidFilter,
    /// The filter yields too many results for the server to process.
    TooMany,
    /// One or more of the attribute values are already in use or reserved.
    Uniqueness,
    /// The attempted modification is not compatible with the target attribute's mutability.
    Mutability,
    /// The request body structure was invalid or did not conform to the schema.
    InvalidSyntax,
    /// The `path` attribute was invalid or malformed.
    InvalidPath,
    /// The specified `path` did not yield an attribute or value that could be operated on.
    NoTarget,
    /// A required value was missing, or the value specified was not compatible.
    InvalidValue,
    /// The specified SCIM protocol version is not supported.
    InvalidVers,
    /// The request cannot be completed, due to the passing of sensitive information in a URI.
    Sensitive,
    /// The cursor is not one the server issued, or was altered (RFC 9865).
    InvalidCursor,
    /// The cursor has expired (RFC 9865).
    ExpiredCursor,
    /// The `count` is not one the server accepts for cursor pagination (RFC 9865).
    InvalidCount,
    /// A value this library does not know, kept as sent.
    Other(String),
}

impl ScimType {
    /// The keyword as written on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::InvalidFilter => "invalidFilter",
            Self::TooMany => "tooMany",
            Self::Uniqueness => "uniqueness",
            Self::Mutability => "mutability",
            Self::InvalidSyntax => "invalidSyntax",
            Self::InvalidPath => "invalidPath",
            Self::NoTarget => "noTarget",
            Self::InvalidValue => "invalidValue",
            Self::InvalidVers => "invalidVers",
            Self::Sensitive => "sensitive",
            Self::InvalidCursor => "invalidCursor",
            Self::ExpiredCursor => "expiredCursor",
            Self::InvalidCount => "invalidCount",
            Self::Other(s) => s,
        }
    }

    /// Reads a keyword; unknown ones become [`ScimType::Other`]. Matching ignores case, as some
    /// peers capitalise the keywords.
    pub fn parse(s: &str) -> Self {
        const KNOWN: [ScimType; 13] = [
            ScimType::InvalidFilter,
            ScimType::TooMany,
            ScimType::Uniqueness,
            ScimType::Mutability,
            ScimType::InvalidSyntax,
            ScimType::InvalidPath,
            ScimType::NoTarget,
            ScimType::InvalidValue,
            ScimType::InvalidVers,
            ScimType::Sensitive,
            ScimType::InvalidCursor,
            ScimType::ExpiredCursor,
            ScimType::InvalidCount,
        ];
        KNOWN
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s))
            .unwrap_or_else(|| Self::Other(s.to_owned()))
    }
}

impl fmt::Display for ScimType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for ScimType {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ScimType {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Ok(Self::parse(&s))
    }
}

/// What rule a [`Violation`] breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ViolationKind {
    /// A `required` attribute is missing, null or empty in a creation or replacement request.
    Required,
    /// A `returned: always` attribute is missing from a response.
    ReturnedAlways,
    /// A `returned: never` attribute is present in a response.
    ReturnedNever,
    /// A `writeOnly` attribute is present in a query or search request.
    WriteOnly,
    /// More than one value of a multi-valued attribute is `primary` (RFC 7643 §2.4).
    PrimaryNotUnique,
    /// A required extension is missing from a request.
    MissingExtension,
    /// An attribute the schema does not define, refused by
    /// [`Resource::validate_strict`](crate::Resource::validate_strict) (a service
    /// provider refuses them in request bodies; a client keeps them).
    UnknownAttribute,
}

/// One rule a payload breaks in its context.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Violation {
    /// The attribute path, as RFC 7644 §3.10 writes it, with the index of a value in brackets:
    /// `userName`, `emails[1].value`, `urn:...:enterprise:2.0:User:manager.value`.
    pub path: String,
    /// The `scimType` a server answers with; `None` for rules only a response can break, for
    /// which RFC 7644 defines no keyword (as scim2-models does).
    pub scim_type: Option<ScimType>,
    /// The rule.
    pub kind: ViolationKind,
    /// A sentence for people.
    pub message: String,
}

impl Violation {
    /// A violation of `kind` at `path`, with the scimType and message that go with it.
    pub fn new(kind: ViolationKind, path: String) -> Self {
        let (scim_type, message) = match kind {
            ViolationKind::Required => (
                Some(ScimType::InvalidValue),
                "is required but missing, null or empty",
            ),
            ViolationKind::ReturnedAlways => {
                (None, "is returned always but missing from the response")
            }
            ViolationKind::ReturnedNever => (None, "is returned never but present in the response"),
            // RFC 7644 §3.12 defines `mutability` for exactly this; scim2-models answers
            // `invalidValue` here, which says less.
            ViolationKind::WriteOnly => (
                Some(ScimType::Mutability),
                "is writeOnly and cannot be used in a query",
            ),
            ViolationKind::PrimaryNotUnique => (
                Some(ScimType::InvalidValue),
                "has more than one value marked primary",
            ),
            ViolationKind::MissingExtension => (
                Some(ScimType::InvalidValue),
                "is a required extension but missing",
            ),
            ViolationKind::UnknownAttribute => (
                Some(ScimType::InvalidSyntax),
                "is not an attribute of the schema",
            ),
        };
        Self {
            message: format!("`{path}` {message}"),
            path,
            scim_type,
            kind,
        }
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.scim_type {
            Some(t) => write!(f, "{} ({t})", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// Every violation a payload has in its context, in attribute order.
#[derive(Debug, Clone, PartialEq, Eq, Default, thiserror::Error)]
pub struct Violations(pub Vec<Violation>);

impl Violations {
    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The violations.
    pub fn iter(&self) -> core::slice::Iter<'_, Violation> {
        self.0.iter()
    }

    /// `Ok(())` when there are none.
    pub fn into_result(self) -> Result<(), Self> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }
}

impl fmt::Display for Violations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} violation(s)", self.0.len())?;
        for v in &self.0 {
            write!(f, "; {v}")?;
        }
        Ok(())
    }
}

impl<'a> IntoIterator for &'a Violations {
    type Item = &'a Violation;
    type IntoIter = core::slice::Iter<'a, Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::validator::PathBuf;
    use super::*;

    #[test]
    fn scim_type_round_trips_and_keeps_unknown_values() {
        assert_eq!(ScimType::parse("invalidFilter"), ScimType::InvalidFilter);
        assert_eq!(ScimType::parse("INVALIDFILTER"), ScimType::InvalidFilter);
        assert_eq!(
            ScimType::parse("quotaExceeded"),
            ScimType::Other("quotaExceeded".into())
        );
        assert_eq!(ScimType::parse("quotaExceeded").as_str(), "quotaExceeded");
    }

    #[test]
    fn paths_join_like_rfc_7644_section_3_10() {
        let mut p = PathBuf::new();
        p.push_attribute("emails");
        p.push_index(1);
        p.push_attribute("value");
        assert_eq!(p.as_str(), "emails[1].value");
        p.pop();
        p.pop();
        p.pop();
        p.push_extension("urn:x:User");
        assert_eq!(p.as_str(), "urn:x:User");
        p.push_attribute("manager");
        p.push_attribute("value");
        assert_eq!(p.as_str(), "urn:x:User:manager.value");
    }
}

//! Violations found when a payload is checked in its context, and the errors of reading one.

use core::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

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
            Self::Other(s) => s,
        }
    }

    /// Reads a keyword; unknown ones become [`ScimType::Other`]. Matching ignores case, as some
    /// peers capitalise the keywords.
    pub fn parse(s: &str) -> Self {
        const KNOWN: [ScimType; 10] = [
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
    /// An attribute the schema does not define, refused by [`Validator::strict`] (a service
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

/// The path of the value being validated; generated code pushes and pops segments.
#[derive(Debug, Clone, Default)]
pub struct PathBuf {
    text: String,
    marks: Vec<usize>,
}

impl PathBuf {
    /// An empty path.
    pub fn new() -> Self {
        Self::default()
    }

    /// Enters the attribute `name` (joined with `.`).
    pub fn push_attribute(&mut self, name: &str) {
        self.marks.push(self.text.len());
        if !self.text.is_empty() && !self.text.ends_with(':') {
            self.text.push('.');
        }
        self.text.push_str(name);
    }

    /// Enters an extension schema (joined with `:` to the attribute that follows).
    pub fn push_extension(&mut self, urn: &str) {
        self.marks.push(self.text.len());
        self.text.push_str(urn);
        self.text.push(':');
    }

    /// Enters the value at `index` of a multi-valued attribute.
    pub fn push_index(&mut self, index: usize) {
        use fmt::Write as _;
        self.marks.push(self.text.len());
        let _ = write!(self.text, "[{index}]");
    }

    /// Leaves the last segment entered.
    pub fn pop(&mut self) {
        if let Some(mark) = self.marks.pop() {
            self.text.truncate(mark);
        }
    }

    /// The path so far; an extension URN on its own loses its trailing `:`.
    pub fn as_str(&self) -> &str {
        self.text.strip_suffix(':').unwrap_or(&self.text)
    }
}

/// Collects violations while generated code walks a value.
#[derive(Debug)]
pub struct Validator {
    context: crate::Context,
    strict: bool,
    path: PathBuf,
    found: Vec<Violation>,
}

impl Validator {
    /// A validator for `context`.
    pub fn new(context: crate::Context) -> Self {
        Self {
            context,
            strict: false,
            path: PathBuf::new(),
            found: Vec::new(),
        }
    }

    /// A validator for `context` that also refuses attributes the schema does not define, as a
    /// service provider does with request bodies (scim2-server answers 400 `invalidSyntax`).
    pub fn strict(context: crate::Context) -> Self {
        Self {
            strict: true,
            ..Self::new(context)
        }
    }

    /// Records every attribute in `unknown` as a violation when the validator is strict.
    pub fn check_unknown<'a, I: IntoIterator<Item = &'a String>>(&mut self, unknown: I) {
        if self.strict {
            for name in unknown {
                self.report(ViolationKind::UnknownAttribute, name);
            }
        }
    }

    /// The context being checked.
    pub fn context(&self) -> crate::Context {
        self.context
    }

    /// The current path, for generated code to push and pop.
    pub fn path(&mut self) -> &mut PathBuf {
        &mut self.path
    }

    /// Records a violation at the current path extended by `name`.
    pub fn report(&mut self, kind: ViolationKind, name: &str) {
        self.path.push_attribute(name);
        self.found
            .push(Violation::new(kind, self.path.as_str().to_owned()));
        self.path.pop();
    }

    /// Records a violation at exactly the current path.
    pub fn report_here(&mut self, kind: ViolationKind) {
        self.found
            .push(Violation::new(kind, self.path.as_str().to_owned()));
    }

    /// Applies the rules for one attribute of `def`, given whether it holds a value (an empty
    /// list holds none, RFC 7643 §2.5).
    pub fn check_attribute(&mut self, def: &crate::meta::AttributeDef, present: bool) {
        use crate::meta::{Mutability, Returned};
        let c = self.context;
        if c.is_request() {
            if present && c.refuses_write_only() && def.mutability == Mutability::WriteOnly {
                self.report(ViolationKind::WriteOnly, def.name);
            }
            // readOnly values are ignored in writes, so a missing readOnly `required` attribute
            // is not the client's fault.
            if !present
                && c.checks_required()
                && def.required
                && def.mutability != Mutability::ReadOnly
            {
                self.report(ViolationKind::Required, def.name);
            }
        } else if c.is_response() {
            if !present && def.returned == Returned::Always {
                self.report(ViolationKind::ReturnedAlways, def.name);
            } else if present && def.returned == Returned::Never {
                self.report(ViolationKind::ReturnedNever, def.name);
            }
        }
    }

    /// Checks that at most one value of a multi-valued attribute is `primary`.
    pub fn check_primary<I: IntoIterator<Item = bool>>(&mut self, name: &str, primaries: I) {
        if self.context != crate::Context::Default
            && primaries.into_iter().filter(|p| *p).count() > 1
        {
            self.report(ViolationKind::PrimaryNotUnique, name);
        }
    }

    /// The violations found.
    pub fn finish(self) -> Violations {
        Violations(self.found)
    }
}

#[cfg(test)]
mod tests {
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

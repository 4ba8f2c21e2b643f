//! Why a filter, a sort or a page cannot become SQL.

use scim_runtime_model::filter::EvalError;
use scim_runtime_model::validation::ScimType;

use crate::ScimError;

/// The part of a query an error is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Clause {
    /// The `filter` (RFC 7644 §3.4.2.2).
    Filter,
    /// The `sortBy` (RFC 7644 §3.4.2.3).
    SortBy,
}

impl Clause {
    fn as_str(self) -> &'static str {
        match self {
            Self::Filter => "filter",
            Self::SortBy => "sortBy",
        }
    }
}

impl core::fmt::Display for Clause {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a translation refuses, rather than answering on a rule other than the in-memory
/// engine's ([`FilterExt`](scim_runtime_model::filter::FilterExt)).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Untranslatable {
    /// A case-insensitive comparison with text that is not ASCII, under
    /// [`CaseFolding::Ascii`](super::CaseFolding::Ascii): the database's `lower` folds ASCII
    /// only, the engine folds all of Unicode.
    NonAsciiCaseInsensitive,
    /// A comparison or sort of a `decimal` attribute in SQLite, which holds JSON numbers with
    /// a fraction as floating point and so cannot compare them exactly.
    InexactDecimal,
    /// A number operand that SQLite cannot hold exactly (neither an `i64` nor an exact `f64`).
    InexactNumber,
    /// A schema-qualified attribute inside a value filter (`emails[urn:...:type eq "work"]`).
    QualifiedInValueFilter,
    /// A sub-attribute path inside a value filter (`emails[value.x eq 1]`): sub-attributes
    /// have no sub-attributes (RFC 7643 §2.4).
    NestedSubAttribute,
    /// A value filter on `schemas`, which is a list of URNs, not of complex values.
    SchemasValueFilter,
    /// A name that cannot be written in SQL as it is: an attribute name with a `"`, `\` or
    /// control character (JSON path literals), or a [`CaseFolding::Function`](super::CaseFolding)
    /// name that is not a plain identifier.
    UnsafeName,
}

impl Untranslatable {
    fn reason(self) -> &'static str {
        match self {
            Self::NonAsciiCaseInsensitive => {
                "a case-insensitive comparison with non-ASCII text needs a Unicode lower-case \
                 function (CaseFolding::Function)"
            }
            Self::InexactDecimal => {
                "SQLite holds decimals as floating point and cannot compare them exactly"
            }
            Self::InexactNumber => {
                "the number is neither a 64-bit integer nor exactly a 64-bit float, which is \
                 all SQLite compares exactly"
            }
            Self::QualifiedInValueFilter => {
                "a value filter names sub-attributes, which take no schema URN"
            }
            Self::NestedSubAttribute => "sub-attributes have no sub-attributes (RFC 7643 §2.4)",
            Self::SchemasValueFilter => "`schemas` holds URNs, which have no sub-attributes",
            Self::UnsafeName => "a name in it cannot be written in SQL as it is",
        }
    }
}

/// Why a query cannot be translated; a server answers it with 400 (see
/// [`scim_type`](Self::scim_type)).
///
/// No error holds a comparison value, which may be a secret (`password eq "..."`); each names
/// the attribute path and the clause.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SqlError {
    /// The path names no attribute of the resource's schemas, of the common attributes or of
    /// the complex attribute a value filter selects (RFC 7643 §2.1: names are matched without
    /// regard to case).
    #[error("{clause}: unknown attribute `{path}`")]
    UnknownAttribute {
        /// The attribute path, as written.
        path: String,
        /// Where it was.
        clause: Clause,
    },
    /// A filter the in-memory engine refuses too, for the same reason (RFC 7644 §3.4.2.2).
    #[error("filter: {0}")]
    Filter(EvalError),
    /// A construct that this module cannot translate with the engine's meaning.
    #[error("{clause}: `{path}` cannot be translated to SQL: {}", .what.reason())]
    Untranslatable {
        /// The attribute path, as written.
        path: String,
        /// Where it was.
        clause: Clause,
        /// What is refused.
        what: Untranslatable,
    },
}

impl SqlError {
    /// The SCIM error type of the failed response: `invalidFilter` for the filter,
    /// `invalidValue` for the `sortBy`.
    pub fn scim_type(&self) -> ScimType {
        match self {
            Self::UnknownAttribute { clause, .. } | Self::Untranslatable { clause, .. } => {
                match clause {
                    Clause::SortBy => ScimType::InvalidValue,
                    Clause::Filter => ScimType::InvalidFilter,
                }
            }
            Self::Filter(e) => e.scim_type(),
        }
    }
}

impl From<SqlError> for ScimError {
    /// A 400 with [`SqlError::scim_type`] and the error's text.
    fn from(error: SqlError) -> Self {
        ScimError::bad_request(error.scim_type(), error.to_string())
    }
}

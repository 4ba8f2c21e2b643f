//! What the generator reports: [`Warning`]s for quirks it read past, [`Error`]s for what it could
//! not read.

use std::fmt;
use std::path::PathBuf;

/// Where in the input something was found: file, line and column when known, schema and
/// attribute path.
///
/// Displayed as `file[:line:column]: schema-id / attribute / sub-attribute`, e.g.
/// `schemas.json:14:9: urn:ietf:params:scim:schemas:core:2.0:User / emails / type`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// The input file, as it was given (or the name given to an in-memory input).
    pub file: String,
    /// The `id` of the schema (or resource type), when known.
    pub schema_id: Option<String>,
    /// The attribute path inside the schema, names joined with ` / `, when known.
    pub attribute_path: Option<String>,
    /// The 1-based line and column of the schema or attribute object in the file, when the
    /// document states it where it can be found (not in a flat attribute list).
    pub position: Option<(u32, u32)>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some((line, column)) = self.position {
            write!(f, ":{line}:{column}")?;
        }
        if let Some(id) = &self.schema_id {
            write!(f, ": {id}")?;
            if let Some(path) = &self.attribute_path {
                write!(f, " / {path}")?;
            }
        } else if let Some(path) = &self.attribute_path {
            write!(f, ": {path}")?;
        }
        Ok(())
    }
}

/// The kind of a [`Warning`], stable across releases, for [`Config::allow_warning`] and
/// [`WarningPolicy::Deny`](crate::WarningPolicy::Deny).
///
/// A build script shows it after each warning (`cargo:warning=... [null-value]`); the text is
/// [`WarningCode::as_str`], and a new kind of quirk gets a new code rather than changing an old
/// one.
///
/// [`Config::allow_warning`]: crate::Config::allow_warning
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum WarningCode {
    /// `null-value`: `null` where a value or a list belongs; read as `false` or empty.
    NullValue,
    /// `string-boolean`: a boolean written as a string (`"true"`); read as the boolean.
    StringBoolean,
    /// `missing-characteristic`: a characteristic (`type`, `required`, `mutability`, ...) or a
    /// ResourceType member is absent; the RFC 7643 §2.2 default (or a derived value) is used.
    MissingCharacteristic,
    /// `nonstandard-spelling`: a keyword in the wrong case, or a type name RFC 7643 does not
    /// define, read as the nearest standard one.
    NonstandardSpelling,
    /// `nonstandard-key`: a key of another spelling or of SCIM 1.1 (`readOnly`, sub-attributes
    /// under another name), read as its RFC 7643 meaning.
    NonstandardKey,
    /// `unknown-key`: keys RFC 7643 does not define; ignored.
    UnknownKey,
    /// `ignored-value`: a value of the wrong JSON type, or one that means nothing where it
    /// stands (`referenceTypes` on a string); ignored.
    IgnoredValue,
    /// `canonical-value`: a canonical value of the wrong type, not a scalar, written as an
    /// object, or listed twice; converted, read or skipped as the message says.
    CanonicalValue,
    /// `reference-types`: a reference attribute's `referenceTypes` are missing or odd.
    ReferenceTypes,
    /// `no-attributes`: a schema without `attributes`.
    NoAttributes,
    /// `not-an-attribute`: entries of an attribute list that are not attribute objects;
    /// skipped.
    NotAnAttribute,
    /// `empty-complex`: a complex attribute without sub-attributes; its struct keeps every
    /// value in its `other` map.
    EmptyComplex,
    /// `no-description`: an attribute without a description; its field has no doc comment.
    NoDescription,
    /// `contradictory-characteristics`: characteristics that contradict each other (a
    /// `writeOnly` attribute that is returned); kept as given.
    ContradictoryCharacteristics,
    /// `duplicate`: a schema, attribute, extension or definition given twice, identically; one
    /// is kept.
    Duplicate,
    /// `document-shape`: a document shaped unlike a Schema, a ResourceType or a ListResponse
    /// of them (another key for `Resources`, a flat attribute list, entries that are not
    /// objects), read as the message says.
    DocumentShape,
    /// `not-resource-types`: a document given as ResourceTypes holds none.
    NotResourceTypes,
    /// `resource-type`: a ResourceType without `schema`, `name` or a well-formed `endpoint`, or
    /// with an unreadable `schemaExtensions` entry.
    ResourceType,
    /// `missing-schema`: a ResourceType names a schema or an extension that is not among the
    /// inputs; it is skipped.
    MissingSchema,
    /// `id-case`: a ResourceType names a schema whose id differs from it in case.
    IdCase,
    /// `skipped-schema`: a schema that is neither a resource nor an extension of any
    /// ResourceType (or a meta-schema no ResourceType serves); not generated.
    SkippedSchema,
    /// `unattached-extension`: an extension schema that no ResourceType attaches to a
    /// resource; its struct is generated, but no resource has a field for it.
    UnattachedExtension,
    /// `guessed-endpoint`: no ResourceType given; the resource's endpoint is assumed
    /// (`/{Name}s`).
    GuessedEndpoint,
    /// `guessed-extension`: no ResourceType given; the extension is attached, optional, to the
    /// one resource whose id ends the same way.
    GuessedExtension,
    /// `common-attribute`: a schema lists `id`, `externalId`, `meta` or `schemas`, which every
    /// resource has (RFC 7643 §3.1); not generated from the schema.
    CommonAttribute,
}

impl WarningCode {
    /// Every code, in the order of the documentation.
    pub const ALL: &'static [WarningCode] = &[
        Self::NullValue,
        Self::StringBoolean,
        Self::MissingCharacteristic,
        Self::NonstandardSpelling,
        Self::NonstandardKey,
        Self::UnknownKey,
        Self::IgnoredValue,
        Self::CanonicalValue,
        Self::ReferenceTypes,
        Self::NoAttributes,
        Self::NotAnAttribute,
        Self::EmptyComplex,
        Self::NoDescription,
        Self::ContradictoryCharacteristics,
        Self::Duplicate,
        Self::DocumentShape,
        Self::NotResourceTypes,
        Self::ResourceType,
        Self::MissingSchema,
        Self::IdCase,
        Self::SkippedSchema,
        Self::UnattachedExtension,
        Self::GuessedEndpoint,
        Self::GuessedExtension,
        Self::CommonAttribute,
    ];

    /// The code as text (`null-value`), as shown after a warning.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::NullValue => "null-value",
            Self::StringBoolean => "string-boolean",
            Self::MissingCharacteristic => "missing-characteristic",
            Self::NonstandardSpelling => "nonstandard-spelling",
            Self::NonstandardKey => "nonstandard-key",
            Self::UnknownKey => "unknown-key",
            Self::IgnoredValue => "ignored-value",
            Self::CanonicalValue => "canonical-value",
            Self::ReferenceTypes => "reference-types",
            Self::NoAttributes => "no-attributes",
            Self::NotAnAttribute => "not-an-attribute",
            Self::EmptyComplex => "empty-complex",
            Self::NoDescription => "no-description",
            Self::ContradictoryCharacteristics => "contradictory-characteristics",
            Self::Duplicate => "duplicate",
            Self::DocumentShape => "document-shape",
            Self::NotResourceTypes => "not-resource-types",
            Self::ResourceType => "resource-type",
            Self::MissingSchema => "missing-schema",
            Self::IdCase => "id-case",
            Self::SkippedSchema => "skipped-schema",
            Self::UnattachedExtension => "unattached-extension",
            Self::GuessedEndpoint => "guessed-endpoint",
            Self::GuessedExtension => "guessed-extension",
            Self::CommonAttribute => "common-attribute",
        }
    }
}

impl fmt::Display for WarningCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for WarningCode {
    type Err = UnknownWarningCode;

    /// Reads a code as [`WarningCode::as_str`] writes it, e.g. from a build script's
    /// environment or a config file.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .iter()
            .copied()
            .find(|code| code.as_str() == s)
            .ok_or_else(|| UnknownWarningCode(s.to_owned()))
    }
}

/// A text that names no [`WarningCode`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown warning code `{0}`; expected one of the codes of scim_codegen::WarningCode, such as `null-value`")]
pub struct UnknownWarningCode(pub String);

/// A quirk of the input that the generator accepted, and how it read it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Warning {
    /// What kind of quirk it is.
    pub code: WarningCode,
    /// The input file, as it was given.
    pub file: String,
    /// The `id` of the schema (or resource type) concerned, when there is one.
    pub schema_id: Option<String>,
    /// The attribute path inside the schema (`emails / type`), when the warning is about one.
    pub attribute_path: Option<String>,
    /// What was found and how it was read.
    pub message: String,
}

impl Warning {
    pub(crate) fn at(code: WarningCode, loc: &Location, message: impl Into<String>) -> Self {
        Self {
            code,
            file: loc.file.clone(),
            schema_id: loc.schema_id.clone(),
            attribute_path: loc.attribute_path.clone(),
            message: message.into(),
        }
    }

    /// The file, schema and attribute path of the warning.
    pub fn location(&self) -> Location {
        Location {
            file: self.file.clone(),
            schema_id: self.schema_id.clone(),
            attribute_path: self.attribute_path.clone(),
            position: None,
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location(), self.message)
    }
}

impl fmt::Debug for Error {
    /// The one-line message of `Display`, so that a build script that returns or unwraps the
    /// error prints what the CLI prints.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl Error {
    /// Where in the input the error is, for the variants that name a schema or an attribute.
    pub fn location(&self) -> Option<&Location> {
        match self {
            Self::Invalid { location, .. }
            | Self::Scim11 { location }
            | Self::DuplicateAttribute { location, .. }
            | Self::DuplicateSchema { location, .. } => Some(location),
            _ => None,
        }
    }

    /// The warning that failed the generation under
    /// [`WarningPolicy::Deny`](crate::WarningPolicy::Deny).
    pub fn denied_warning(&self) -> Option<&Warning> {
        match self {
            Self::DeniedWarning { warning } => Some(warning),
            _ => None,
        }
    }

    /// Adds the line and column of the schema or attribute the error is about, found in
    /// `text`, the document it was read from.
    pub(crate) fn with_position(mut self, text: &str) -> Self {
        let location = match &mut self {
            Self::Invalid { location, .. }
            | Self::Scim11 { location }
            | Self::DuplicateAttribute { location, .. }
            | Self::DuplicateSchema { location, .. } => location,
            _ => return self,
        };
        if let Some(id) = &location.schema_id {
            let path: Vec<&str> = location
                .attribute_path
                .as_deref()
                .map(|p| p.split(" / ").collect())
                .unwrap_or_default();
            location.position = crate::position::locate(text, id, &path);
        }
        self
    }
}

/// Why generation failed. Every variant names the input it is about.
///
/// `Debug` prints the same one line as `Display` (`file:line:col: schema / attribute:
/// message`), as the `scim-codegen` command does: a build script's `fn main() -> Result<(),
/// Error>` and its `.unwrap()` show that line, not a struct. The variants' fields and
/// [`Error::location`] give the parts.
#[derive(thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// No input was given.
    #[error("no input: give at least one /Schemas document")]
    NoInput,
    /// An input file could not be read.
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// An input is not JSON.
    #[error("{file}: not valid JSON: {source}")]
    Json {
        /// The file.
        file: String,
        /// The parser's error, with line and column.
        source: serde_json::Error,
    },
    /// The input holds something the generator cannot read; `expected` says what it wanted.
    #[error("{location}: expected {expected}")]
    Invalid {
        /// Where.
        location: Location,
        /// What was expected instead of what was found.
        expected: String,
    },
    /// A SCIM 1.1 schema (`urn:scim:schemas:core:1.0`, `readOnly`, `schema` keys).
    #[error("{location}: this is a SCIM 1.1 schema; expected a SCIM 2.0 (RFC 7643) schema")]
    Scim11 {
        /// Where.
        location: Location,
    },
    /// Two attributes with the same name (SCIM names are case-insensitive) in one schema or
    /// complex attribute, with different definitions, so neither can be chosen.
    #[error(
        "{location}: attribute `{name}` is defined twice with different definitions; \
         expected attribute names to be unique (case-insensitively) within their parent"
    )]
    DuplicateAttribute {
        /// The second occurrence.
        location: Location,
        /// The attribute name.
        name: String,
    },
    /// The same schema id is defined twice with different content.
    #[error("{location}: schema is defined again with different content (first in {first_file}); expected one definition per schema id")]
    DuplicateSchema {
        /// The second definition.
        location: Location,
        /// The file of the first definition.
        first_file: String,
    },
    /// The inputs hold no schema at all (e.g. only ResourceTypes or a ServiceProviderConfig).
    #[error(
        "{files}: no schema found; expected a Schema, a list of Schemas or a /Schemas ListResponse"
    )]
    NoSchema {
        /// The inputs, comma-separated.
        files: String,
    },
    /// Every schema was skipped (e.g. only the meta-schemas Schema, ResourceType and
    /// ServiceProviderConfig, and no ResourceType serves them).
    #[error("{files}: nothing to generate: {reasons}")]
    NothingToGenerate {
        /// The inputs, comma-separated.
        files: String,
        /// Why each schema was skipped, `; `-separated.
        reasons: String,
    },
    /// The output could not be written.
    #[error("{}: cannot write: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A warning under [`WarningPolicy::Deny`](crate::WarningPolicy::Deny): the first one not
    /// allowed by [`Config::allow_warning`](crate::Config::allow_warning).
    #[error("{warning} [{}] (warnings are denied; allow this one with Config::allow_warning(WarningCode::{:?}))", .warning.code, .warning.code)]
    DeniedWarning {
        /// The warning.
        warning: Warning,
    },
    /// [`Config::attribute_required`](crate::Config::attribute_required) names an attribute
    /// that no input schema defines.
    #[error("no attribute `{attribute}` in schema {schema} to override: check the URN and the dotted path against the inputs")]
    UnknownOverride {
        /// The schema URN given.
        schema: String,
        /// The attribute path given.
        attribute: String,
    },
    /// `compile_schemas` was called outside a build script (`OUT_DIR` is not set).
    #[error("OUT_DIR is not set: compile_schemas is meant to run in a build script; use Config::out_dir elsewhere")]
    NoOutDir,
}

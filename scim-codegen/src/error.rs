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

/// A quirk of the input that the generator accepted, and how it read it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Warning {
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
    pub(crate) fn at(loc: &Location, message: impl Into<String>) -> Self {
        Self {
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

impl Error {
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
#[derive(Debug, thiserror::Error)]
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
    /// `compile_schemas` was called outside a build script (`OUT_DIR` is not set).
    #[error("OUT_DIR is not set: compile_schemas is meant to run in a build script; use Config::out_dir elsewhere")]
    NoOutDir,
}

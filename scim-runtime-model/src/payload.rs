//! Reading payloads: JSON text or values into typed SCIM objects, with errors that say where.

use serde::de::DeserializeOwned;

use crate::validation::{ScimType, Violations};

/// Why a payload could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PayloadError {
    /// The text is not JSON: truncated, malformed, or nested deeper than 128 levels.
    #[error("invalid JSON at line {line}, column {column}: {message}")]
    Syntax {
        /// The 1-based line.
        line: usize,
        /// The 1-based column.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// The JSON does not fit the type: a wrong JSON type, a duplicate attribute, a wrong schema.
    #[error("invalid value at `{path}` (line {line}, column {column}): {message}")]
    Invalid {
        /// `invalidSyntax` when the structure is wrong (not an object, a duplicate or unknown
        /// attribute, `schemas` without the resource's schema), `invalidValue` when a value is.
        scim_type: ScimType,
        /// The attribute path, with names as sent, in the format of [`crate::Violation::path`]
        /// (RFC 7644 §3.10): `emails[1].primary`, an extension's attribute as
        /// `urn:...:enterprise:2.0:User:manager.value` whether it was sent in the extension's
        /// block or under its URN-qualified name; `.` for the whole payload.
        path: String,
        /// The 1-based line, 0 when read from a parsed value.
        line: usize,
        /// The 1-based column, 0 when read from a parsed value.
        column: usize,
        /// What was wrong.
        message: String,
    },
    /// The payload breaks rules of its context.
    #[error("{0}")]
    Violations(Violations),
}

impl PayloadError {
    /// The `scimType` a server answers this error with (RFC 7644 §3.12).
    pub fn scim_type(&self) -> Option<ScimType> {
        match self {
            Self::Syntax { .. } => Some(ScimType::InvalidSyntax),
            Self::Invalid { scim_type, .. } => Some(scim_type.clone()),
            Self::Violations(v) => v.iter().find_map(|v| v.scim_type.clone()),
        }
    }
}

fn strip_position(message: String) -> String {
    // serde_json appends " at line L column C"; the error carries them separately.
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message,
    }
}

/// Parses JSON text into `T`. On failure the input is read a second time to find the path of
/// the bad value, so the success path pays nothing for error reporting.
pub fn from_str<T: DeserializeOwned>(json: &str) -> Result<T, PayloadError> {
    match serde_json::from_str(json) {
        Ok(v) => Ok(v),
        Err(e) => Err(locate(e, || {
            let mut de = serde_json::Deserializer::from_str(json);
            serde_path_to_error::deserialize::<_, T>(&mut de)
                .err()
                .map(|e| e.path().to_string())
        })),
    }
}

/// Parses JSON bytes into `T`, as [`from_str`].
pub fn from_slice<T: DeserializeOwned>(json: &[u8]) -> Result<T, PayloadError> {
    match serde_json::from_slice(json) {
        Ok(v) => Ok(v),
        Err(e) => Err(locate(e, || {
            let mut de = serde_json::Deserializer::from_slice(json);
            serde_path_to_error::deserialize::<_, T>(&mut de)
                .err()
                .map(|e| e.path().to_string())
        })),
    }
}

/// Converts parsed JSON into `T`, as [`from_str`].
pub fn from_value<T: DeserializeOwned>(json: serde_json::Value) -> Result<T, PayloadError> {
    let path_source = json.clone();
    match serde_json::from_value(json) {
        Ok(v) => Ok(v),
        Err(e) => Err(locate(e, || {
            serde_path_to_error::deserialize::<_, T>(path_source)
                .err()
                .map(|e| e.path().to_string())
        })),
    }
}

/// Writes a path inside an extension block as RFC 7644 §3.10 does, `<URN>:<attribute>`
/// (`urn:...:enterprise:2.0:User:manager.value`), the format of [`crate::Violation::path`] and
/// of the dynamic resources; the path tracker joins every key with `.`.
fn block_path(path: String, blocks: &[&str]) -> String {
    for urn in blocks {
        if path.len() > urn.len()
            && path.as_bytes()[urn.len()] == b'.'
            && path[..urn.len()].eq_ignore_ascii_case(urn)
        {
            let mut out = path;
            out.replace_range(urn.len()..=urn.len(), ":");
            return out;
        }
    }
    path
}

fn locate(error: serde_json::Error, path: impl FnOnce() -> Option<String>) -> PayloadError {
    use serde_json::error::Category;
    let (line, column) = (error.line(), error.column());
    let message = strip_position(error.to_string());
    match error.classify() {
        Category::Data => {
            let path = path().unwrap_or_else(|| ".".to_owned());
            let path = block_path(path, &crate::urn::take_error_blocks());
            // The errors on the shape of the payload rather than on one value, as scim2-models
            // classifies them.
            let structural = path == "."
                || path.eq_ignore_ascii_case("schemas")
                || message.starts_with("duplicate attribute")
                || message.starts_with("unknown attribute");
            PayloadError::Invalid {
                scim_type: if structural {
                    ScimType::InvalidSyntax
                } else {
                    ScimType::InvalidValue
                },
                path,
                line,
                column,
                message,
            }
        }
        Category::Io | Category::Syntax | Category::Eof => PayloadError::Syntax {
            line,
            column,
            message,
        },
    }
}

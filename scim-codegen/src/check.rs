//! `scim-codegen check` and `scim-codegen diff`: a payload against a server's schemas, and
//! two schema sets against each other.

use std::path::Path;

use scim_runtime::drift::{self, DriftReport};
use scim_runtime::dynamic::{DynamicResource, DynamicType};
use scim_runtime::payload::PayloadError;
use scim_runtime::Context;

use crate::config::Config;
use crate::documents::Documents;
use crate::error::Error;

/// Why a check could not run (as opposed to a payload that breaks the rules).
#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    /// The schema documents cannot be read.
    #[error(transparent)]
    Schemas(#[from] Error),
    /// The payload file cannot be read.
    #[error("{path}: cannot read: {source}")]
    Read {
        /// The file.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The payload is not JSON.
    #[error("{path}:{line}:{column}: not valid JSON: {message}")]
    NotJson {
        /// The file.
        path: String,
        /// The 1-based line.
        line: usize,
        /// The 1-based column.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// No resource type of that name.
    #[error("no resource type `{name}` in the schemas; known: {known}")]
    UnknownResource {
        /// The name asked for.
        name: String,
        /// The names there are.
        known: String,
    },
    /// The resource type's schemas are not usable.
    #[error("resource type `{name}`: {message}")]
    Type {
        /// The resource type.
        name: String,
        /// What is wrong.
        message: String,
    },
}

/// A payload checked in a context: either the payload as it would be serialized in that
/// context, or every violation.
#[derive(Debug)]
pub enum CheckOutcome {
    /// The payload keeps the rules; this is how it is serialized in the context.
    Valid(serde_json::Value),
    /// The rules it breaks, each as `path (scimType): message`.
    Invalid(Vec<String>),
}

/// The resource type `name` (case-insensitive) of the documents. Without ResourceTypes, a
/// schema of that name is a resource type with no extensions.
pub fn resource_type(documents: &Documents, name: &str) -> Result<DynamicType, CheckError> {
    let type_error = |message: String| CheckError::Type {
        name: name.to_owned(),
        message,
    };
    if let Some(rt) = documents.resource_types.iter().find(|r| {
        r.name
            .as_deref()
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
            || r.id
                .as_deref()
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
    }) {
        return DynamicType::from_resource_type(rt, &documents.schemas)
            .map_err(|e| type_error(e.to_string()));
    }
    if let Some(schema) = documents.schemas.iter().find(|s| {
        s.name
            .as_deref()
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
            || s.id.eq_ignore_ascii_case(name)
    }) {
        let endpoint = format!("/{}s", schema.name.as_deref().unwrap_or(name));
        return DynamicType::new(name, &endpoint, schema, &[])
            .map_err(|e| type_error(e.to_string()));
    }
    let mut known: Vec<String> = documents
        .resource_types
        .iter()
        .filter_map(|r| r.name.clone())
        .collect();
    if known.is_empty() {
        known = documents
            .schemas
            .iter()
            .filter_map(|s| s.name.clone())
            .collect();
    }
    Err(CheckError::UnknownResource {
        name: name.to_owned(),
        known: known.join(", "),
    })
}

/// Checks the payload in `file` as a `resource` in `context`, against the documents `config`
/// reads.
pub fn check(
    config: &Config,
    resource: &str,
    context: Context,
    file: &Path,
) -> Result<CheckOutcome, CheckError> {
    let documents = config.read_documents()?;
    let kind = resource_type(&documents, resource)?;
    let path = file.display().to_string();
    let text = std::fs::read_to_string(file).map_err(|source| CheckError::Read {
        path: path.clone(),
        source,
    })?;
    let json: serde_json::Value = serde_json::from_str(&text).map_err(|e| CheckError::NotJson {
        path: path.clone(),
        line: e.line(),
        column: e.column(),
        message: e
            .to_string()
            .rsplit_once(" at line ")
            .map(|(m, _)| m.to_owned())
            .unwrap_or_else(|| e.to_string()),
    })?;
    Ok(match kind.from_value_in(json, context) {
        Ok(resource) => CheckOutcome::Valid(written(&resource, context)),
        Err(PayloadError::Violations(v)) => CheckOutcome::Invalid(
            v.iter()
                .map(|v| {
                    format!(
                        "{} ({}): {}",
                        v.path,
                        v.scim_type.as_ref().map_or("-", |t| t.as_str()),
                        v.message
                    )
                })
                .collect(),
        ),
        Err(PayloadError::Invalid {
            path,
            scim_type,
            message,
            ..
        }) => CheckOutcome::Invalid(vec![format!("{path} ({}): {message}", scim_type.as_str())]),
        Err(PayloadError::Syntax {
            line,
            column,
            message,
        }) => {
            return Err(CheckError::NotJson {
                path,
                line,
                column,
                message,
            })
        }
    })
}

fn written(resource: &DynamicResource, context: Context) -> serde_json::Value {
    resource.to_json_in(context, None)
}

/// Compares the schemas of two dumps.
pub fn diff(old: &Config, new: &Config) -> Result<DriftReport, Error> {
    let old = old.read_documents()?;
    let new = new.read_documents()?;
    Ok(drift::compare(&old.schemas, &new.schemas))
}

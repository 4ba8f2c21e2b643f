//! Where a document comes from: a file, or JSON text held in memory.

use std::path::{Path, PathBuf};

use crate::error::Error;

/// One input: a file, or JSON text with a name (for tests and tools that hold it in memory).
#[derive(Debug, Clone)]
pub(crate) enum Source {
    Path(PathBuf),
    Json { name: String, text: String },
}

impl Source {
    /// The name used in warnings and errors.
    pub(crate) fn display(&self) -> String {
        match self {
            Self::Path(p) => p.display().to_string(),
            Self::Json { name, .. } => name.clone(),
        }
    }

    /// The file name only, for the header of the generated file.
    pub(crate) fn file_name(&self) -> String {
        match self {
            Self::Path(p) => p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            Self::Json { name, .. } => Path::new(name)
                .file_name()
                .map_or_else(|| name.clone(), |n| n.to_string_lossy().into_owned()),
        }
    }

    /// The text and the JSON it holds.
    pub(crate) fn parse(&self) -> Result<(String, serde_json::Value), Error> {
        let text = match self {
            Self::Path(p) => std::fs::read_to_string(p).map_err(|source| Error::Read {
                path: p.clone(),
                source,
            })?,
            Self::Json { text, .. } => text.clone(),
        };
        let value = serde_json::from_str(&text).map_err(|source| Error::Json {
            file: self.display(),
            source,
        })?;
        Ok((text, value))
    }
}

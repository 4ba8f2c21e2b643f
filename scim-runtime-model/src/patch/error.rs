//! The error of a PATCH that cannot be applied (RFC 7644 §3.5.2, §3.12).

use core::fmt;

use crate::message::PatchOperationKind;
use crate::validation::ScimType;

/// Why a PATCH request (or a PUT replacement) cannot be applied: which operation, which path,
/// and what, with the `scimType` a service provider answers with (RFC 7644 §3.12).
///
/// The resource is left unchanged whenever this error is returned.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}{detail}", Location(self))]
pub struct PatchError {
    index: Option<usize>,
    op: Option<PatchOperationKind>,
    path: Option<String>,
    scim_type: ScimType,
    detail: String,
}

/// The "operation 2 (replace `emails[type eq "work"].value`): " prefix of the message.
struct Location<'a>(&'a PatchError);

impl fmt::Display for Location<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = self.0;
        match (e.index, e.op) {
            (Some(i), Some(op)) => write!(f, "operation {i} ({}", op.as_str())?,
            (Some(i), None) => write!(f, "operation {i} (")?,
            (None, Some(op)) => write!(f, "{} (", op.as_str())?,
            (None, None) => {
                if let Some(path) = &e.path {
                    return write!(f, "`{path}`: ");
                }
                return Ok(());
            }
        }
        match &e.path {
            Some(path) => write!(f, " `{path}`): "),
            None => write!(f, " without a path): "),
        }
    }
}

impl PatchError {
    /// An error of `scim_type` saying `detail`, not yet tied to an operation.
    pub(crate) fn new(scim_type: ScimType, detail: impl Into<String>) -> Self {
        Self {
            index: None,
            op: None,
            path: None,
            scim_type,
            detail: detail.into(),
        }
    }

    pub(crate) fn mutability(detail: impl Into<String>) -> Self {
        Self::new(ScimType::Mutability, detail)
    }

    pub(crate) fn invalid_value(detail: impl Into<String>) -> Self {
        Self::new(ScimType::InvalidValue, detail)
    }

    pub(crate) fn invalid_path(detail: impl Into<String>) -> Self {
        Self::new(ScimType::InvalidPath, detail)
    }

    pub(crate) fn no_target(detail: impl Into<String>) -> Self {
        Self::new(ScimType::NoTarget, detail)
    }

    /// The same error about a value of the sensitive attribute `def` (RFC 7643 §7 writeOnly
    /// or returned never), its detail without the value when the detail is about a value.
    pub(crate) fn redacted(mut self, def: &crate::attribute::AttributeDef) -> Self {
        if self.scim_type == ScimType::InvalidValue {
            self.detail = crate::redact::redacted_message(def.name, def.ty, def.multi_valued);
        }
        self
    }

    /// A resource that cannot be read back after the operations.
    pub(crate) fn from_payload(error: crate::PayloadError) -> Self {
        Self::invalid_value(error.to_string())
    }

    /// Ties the error to the operation at `index` (0-based) of the request.
    pub(crate) fn at(mut self, index: usize, op: PatchOperationKind, path: Option<&str>) -> Self {
        self.index = Some(index);
        self.op = Some(op);
        if self.path.is_none() {
            self.path = path.map(str::to_owned);
        }
        self
    }

    /// Names the attribute path the error is about (when no operation path says it).
    pub(crate) fn on_path(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }

    /// The `scimType` a service provider answers with: `mutability`, `invalidPath`,
    /// `noTarget`, `invalidValue` or `invalidFilter` (RFC 7644 §3.12).
    pub fn scim_type(&self) -> ScimType {
        self.scim_type.clone()
    }

    /// The 0-based index of the failing operation in `Operations`, if the error comes from one.
    pub fn index(&self) -> Option<usize> {
        self.index
    }

    /// The kind of the failing operation.
    pub fn op(&self) -> Option<PatchOperationKind> {
        self.op
    }

    /// The path of the failing operation (or the attribute a PUT could not replace).
    pub fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }

    /// What is wrong, without the location.
    pub fn detail(&self) -> &str {
        &self.detail
    }
}

//! The walk of a validation: the path of the value being checked and the violations found.
//! Plumbing of the code `#[derive(ScimResource)]` writes, named by it through `__private` only.

use core::fmt;

use super::{Violation, ViolationKind, Violations};

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
    pub fn check_attribute(&mut self, def: &crate::attribute::AttributeDef, present: bool) {
        use crate::attribute::{Mutability, Returned};
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

//! One operation to shape before it is sent ([`Call`]), and what a call changes of the
//! client's defaults ([`Overrides`]).

use http::{HeaderName, HeaderValue};

use crate::checks::Checks;
use crate::request::Operation;
use scim_runtime_model::exchange::Outcome;
use scim_runtime_model::path::IntoAttrPath;

/// One operation to shape and send; see [`Client`](crate::Client) and
/// [`BlockingClient`](crate::BlockingClient).
#[derive(Debug)]
#[must_use = "a call does nothing until it is sent"]
pub struct Call<'a, C, O: Outcome> {
    pub(crate) client: &'a C,
    pub(crate) operation: Operation<O>,
}

impl<'a, C, O: Outcome> Call<'a, C, O> {
    /// What the clients' operation methods hand back.
    pub(crate) fn new(client: &'a C, operation: Operation<O>) -> Self {
        Self { client, operation }
    }

    /// Asks for these attributes in the response (RFC 7644 §3.9).
    /// Each name is text or a typed path (`User::paths().user_name()`).
    pub fn attributes<I, S>(mut self, names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: IntoAttrPath,
    {
        self.operation = self.operation.attributes(names);
        self
    }

    /// Asks the server to leave these attributes out of the response (RFC 7644 §3.9).
    /// Each name is text or a typed path (`User::paths().user_name()`).
    pub fn excluded_attributes<I, S>(mut self, names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: IntoAttrPath,
    {
        self.operation = self.operation.excluded_attributes(names);
        self
    }

    /// Overrides the client's checks for this call.
    pub fn checks(mut self, checks: Checks) -> Self {
        self.operation = self.operation.checks(checks);
        self
    }

    /// Accepts these statuses instead of the operation's ([`Operation::expected_statuses`],
    /// scim2-client's `expected_status_codes`); an empty list accepts any.
    pub fn expected_statuses(mut self, statuses: impl IntoIterator<Item = u16>) -> Self {
        self.operation = self.operation.expected_statuses(statuses);
        self
    }

    /// Adds a header; one that carries credentials is marked sensitive
    /// ([`Operation::header`]).
    pub fn header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.operation = self.operation.header(name, value);
        self
    }

    /// Sends `If-Match: version` (RFC 7644 §3.14).
    pub fn if_match(mut self, version: &str) -> Self {
        self.operation = self.operation.if_match(version);
        self
    }

    /// Sends `If-None-Match: version` (RFC 7644 §3.14).
    pub fn if_none_match(mut self, version: &str) -> Self {
        self.operation = self.operation.if_none_match(version);
        self
    }

    /// The operation, to prepare with the sans-IO [`Core`](crate::Core).
    pub fn into_operation(self) -> Operation<O> {
        self.operation
    }
}

/// What a call changes of the client's defaults, kept to apply to every page of a query.
#[derive(Debug, Clone, Default)]
pub(crate) struct Overrides {
    pub(crate) checks: Option<Checks>,
    pub(crate) expected: Option<Vec<u16>>,
}

impl Overrides {
    pub(crate) fn apply<O: Outcome>(&self, mut op: Operation<O>) -> Operation<O> {
        if let Some(c) = self.checks {
            op = op.checks(c);
        }
        if let Some(e) = &self.expected {
            op = op.expected_statuses(e.iter().copied());
        }
        op
    }
}

//! `/Me` (RFC 7644 §3.11): the User that the request's bearer token authenticates as.
//!
//! The server has one bearer token (`--token`), and `--me USERNAME` ([`AppState::with_me`])
//! says whose it is: the User with that `userName`. The authentication middleware has already
//! checked the token when a `/Me` request gets here, so the subject is that User; `GET`, `PUT`,
//! `PATCH` and `DELETE` on `/Me` are then the same operations on `/Users/{id}`, with the same
//! `Location`. Without `--me` the server has no `/Me`: 501, as the RFC says. A server with
//! one token per person would look the token up instead; only [`MeResolver::resolve_me`]
//! changes.

use http::request::Parts;
use scim_runtime::server::{MeResolver, MeTarget, NoMe, ScimError};
use scim_runtime::{Resource, User};

use crate::app::{store_error, AppState};
use crate::resources::kind;

impl MeResolver for AppState {
    /// The User whose `userName` is the configured subject, compared case-insensitively as
    /// the server keeps `userName` unique.
    ///
    /// # Errors
    ///
    /// 501 without a subject, 404 when no User has its `userName`, 500 when the store fails.
    fn resolve_me(&self, request: &Parts) -> Result<MeTarget, ScimError> {
        let Some(user_name) = self.me.as_deref() else {
            return NoMe.resolve_me(request);
        };
        let record = self
            .store
            .find_unique(kind::<User>(), &user_name.to_lowercase())
            .map_err(store_error)?
            .ok_or_else(|| {
                ScimError::not_found(format!(
                    "the authenticated subject `{user_name}` has no User (RFC 7644 §3.11)"
                ))
            })?;
        Ok(MeTarget::new(User::RESOURCE_TYPE.endpoint, record.id))
    }
}

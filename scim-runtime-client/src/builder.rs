//! Configuring a client: the base URL, credentials, checks and what is known of the server,
//! then a transport to make a [`Client`] or a [`BlockingClient`] of it.

use crate::async_client::Client;
use crate::auth::Auth;
use crate::blocking::BlockingClient;
use crate::checks::Checks;
use crate::discovery::DiscoveredServer;
use crate::error::BuildError;
use crate::request::Core;
use crate::transport::{BlockingTransport, Transport};
use crate::url;

/// Configures a [`Client`] or a [`BlockingClient`]. Its `Debug` shows the base URL without
/// credentials, and no secret of its [`Auth`].
#[derive(Clone)]
#[must_use]
pub struct ClientBuilder {
    base_url: String,
    auth: Option<Auth>,
    checks: Checks,
    discovery: DiscoveredServer,
}

impl core::fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("base_url", &url::redact_userinfo(&self.base_url))
            .field("auth", &self.auth)
            .field("checks", &self.checks)
            .field("discovery", &self.discovery)
            .finish()
    }
}

impl ClientBuilder {
    /// Every check on, no credentials and nothing known of the server yet.
    fn new(base_url: String) -> Self {
        Self {
            base_url,
            auth: None,
            checks: Checks::ALL,
            discovery: DiscoveredServer::default(),
        }
    }

    /// Authenticates every request (RFC 7644 §2), in place of credentials the base URL may
    /// hold ([`Core::new`]).
    pub fn auth(mut self, auth: Auth) -> Self {
        self.auth = Some(auth);
        self
    }

    /// The checks made unless a call overrides them (all by default).
    pub fn checks(mut self, checks: Checks) -> Self {
        self.checks = checks;
        self
    }

    /// What is known of the server without asking it, such as a ServiceProviderConfig.
    pub fn discovery(mut self, discovery: DiscoveredServer) -> Self {
        self.discovery = discovery;
        self
    }

    /// The sans-IO core this builder describes.
    ///
    /// # Errors
    ///
    /// An invalid base URL or credentials.
    pub fn core(self) -> Result<Core, BuildError> {
        let mut core = Core::new(&self.base_url)?;
        if let Some(auth) = &self.auth {
            core.set_auth(auth)?;
        }
        core.set_checks(self.checks);
        *core.discovery_mut() = self.discovery;
        Ok(core)
    }

    /// An async client over `transport`.
    ///
    /// # Errors
    ///
    /// An invalid base URL or credentials.
    pub fn build<T: Transport>(self, transport: T) -> Result<Client<T>, BuildError> {
        Ok(Client::from_core(self.core()?, transport))
    }

    /// A blocking client over `transport`.
    ///
    /// # Errors
    ///
    /// An invalid base URL or credentials.
    pub fn build_blocking<T: BlockingTransport>(
        self,
        transport: T,
    ) -> Result<BlockingClient<T>, BuildError> {
        Ok(BlockingClient::from_core(self.core()?, transport))
    }
}

// The two clients' `builder` live here rather than beside the clients, so that the builder
// names the clients it builds and the clients do not name the builder back.
impl Client<()> {
    /// Configures a client of the service provider at `base_url`, such as
    /// `https://example.com/scim/v2`; the transport is given to `build`.
    pub fn builder(base_url: impl Into<String>) -> ClientBuilder {
        ClientBuilder::new(base_url.into())
    }
}

impl BlockingClient<()> {
    /// Configures a client of the service provider at `base_url`, such as
    /// `https://example.com/scim/v2`; the transport is given to `build_blocking`.
    pub fn builder(base_url: impl Into<String>) -> ClientBuilder {
        ClientBuilder::new(base_url.into())
    }
}

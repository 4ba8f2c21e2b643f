//! scim2-server, the Python reference server, started by the test that needs it.
//!
//! Installing the peers (into `<workspace>/build/peers`, under a lock) and launching them on a
//! free loopback port are the job of `test-peers`; this is the client tests' handle on it.
//! Without `python3` the test fails with a message saying so: it is never skipped.

/// A running scim2-server on 127.0.0.1, stopped by pid when dropped.
#[derive(Debug)]
pub struct Scim2Server(test_peers::PeerProcess);

impl Scim2Server {
    /// Starts a server without authentication.
    pub fn start() -> Self {
        Self(test_peers::scim2_server(None))
    }

    /// Starts a server that requires this bearer token.
    pub fn start_with_token(token: &str) -> Self {
        Self(test_peers::scim2_server(Some(token)))
    }

    /// The base URL, such as `http://127.0.0.1:41234/v2`.
    pub fn base_url(&self) -> &str {
        &self.0.base_url
    }
}

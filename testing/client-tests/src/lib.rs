//! Test support for the scim-runtime client: a real scim2-server started per test, and a
//! hand-rolled misbehaving HTTP server.

pub mod peer;
pub mod stub;

//! The integration tests, one module per concern, built as one test binary so that the
//! crate and its dependencies are linked once.

mod cursor_and_me;
mod dynamic;
mod in_process;
mod misbehaving_server;
mod patch_vs_scim2_server;
mod scim2_server;
mod secrets;

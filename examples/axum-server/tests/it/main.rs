//! The integration tests, one module per concern, built as one test binary so that the
//! crate and its dependencies are linked once.

mod bad_requests;
mod client;
mod common;
mod paging_and_me;
mod peers;
mod protocol;

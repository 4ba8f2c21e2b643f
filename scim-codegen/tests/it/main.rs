//! The integration tests, one module per concern, built as one test binary so that the
//! crate and its dependencies are linked once.

mod bootstrap;
mod build_script;
mod corpus;
mod dependencies;
mod generate;
mod golden;
mod warnings;

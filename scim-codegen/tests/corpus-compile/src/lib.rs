//! Every output of scim-codegen over the schema corpus, compiled: one module per case.
#![deny(warnings, missing_docs)]

include!(concat!(env!("OUT_DIR"), "/modules.rs"));

//! The integration tests, one module per concern, built as one test binary so that the
//! crate and its dependencies are linked once.

mod bad_input;
mod canonical_values;
mod context_names;
mod custom_resource;
mod date_time;
mod dependencies;
mod derive_ui;
mod drift_corpus;
mod dynamic_equals_static;
mod dynamic_memory;
mod filter_agreement;
mod filter_builder;
mod filter_eval;
mod filter_macro;
mod filter_parse;
mod filter_roundtrip;
mod filter_semantics;
mod fixtures;
mod hygiene;
mod layout;
mod messages;
mod numbers;
mod patch;
mod patch_diff;
mod payload_edges;
mod rfc_examples;
mod scim2_models_contexts;
mod secrets;
mod sort;
mod typed_patch;
mod typed_paths;

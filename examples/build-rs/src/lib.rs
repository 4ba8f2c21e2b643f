//! The types of one SCIM server, generated in `build.rs` from its `/Schemas` and
//! `/ResourceTypes` (here scim2-server's, in `scim/`): its `User` with its enterprise extension,
//! its `Group`, and every complex attribute and canonical-value enum.
//!
//! To follow a live server instead, save its documents with
//! `scim-codegen fetch <BASE_URL> -o scim/dump.json` and list `scim/dump.json` in `build.rs`;
//! the build script reruns whenever an input file changes.

/// The generated types: one struct per resource, extension and complex attribute.
pub mod scim {
    include!(concat!(env!("OUT_DIR"), "/scim.rs"));
}

/// The dump the types were generated from, for comparing with what a server serves now.
pub const SCHEMAS_JSON: &str = include_str!("../scim/Schemas.json");

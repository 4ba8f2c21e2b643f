//! Generates `$OUT_DIR/scim.rs` from the dump in `scim/`: what scim2-server serves at
//! `/Schemas` and `/ResourceTypes`, saved as served. (`scim-codegen fetch` saves both, with the
//! ServiceProviderConfig, in one file that can be listed here instead.)

fn main() -> Result<(), scim_codegen::Error> {
    scim_codegen::compile_schemas(&["scim/Schemas.json", "scim/ResourceTypes.json"], "scim.rs")
}

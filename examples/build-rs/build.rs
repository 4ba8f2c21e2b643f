//! Generates `$OUT_DIR/scim.rs` from the dump in `scim/`: what scim2-server serves at
//! `/Schemas` and `/ResourceTypes` (fetched with `scim-codegen fetch`, or saved by hand).

fn main() -> Result<(), scim_codegen::Error> {
    scim_codegen::compile_schemas(&["scim/Schemas.json", "scim/ResourceTypes.json"], "scim.rs")
}

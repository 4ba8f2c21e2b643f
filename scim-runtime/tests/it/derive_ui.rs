//! Compile-fail tests for `#[derive(ScimResource)]`: each mistake gets a spanned error, and
//! a stub impl keeps follow-on errors away. The `filter_*` cases are `filter!`'s: a syntax error
//! and every unknown attribute, sub-attribute and extension attribute fail the build. Regenerate the expected output with
//! `TRYBUILD=overwrite cargo test -p scim-runtime --test it derive_ui`.

#[test]
fn derive_errors() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}

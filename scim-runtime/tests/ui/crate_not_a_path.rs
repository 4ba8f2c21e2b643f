use scim_runtime::ScimResource;

/// The root of the derive's paths is a path; the stubs then fall back to `::scim_runtime`, so
/// this is the only error.
#[derive(ScimResource)]
#[scim(complex, crate = "my scim")]
pub struct Name {
    pub given_name: Option<String>,
}

fn main() {
    let _ = Name { given_name: None };
}

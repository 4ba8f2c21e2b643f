use scim_runtime::ScimResource;

#[derive(ScimResource)]
pub struct Name {
    pub given_name: Option<String>,
}

fn main() {}

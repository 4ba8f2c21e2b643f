use scim_runtime::ScimResource;

#[derive(ScimResource)]
#[scim(complex)]
pub struct Name {
    #[scim(type = "datetime")]
    pub given_name: Option<String>,
}

fn main() {}

use scim_runtime::ScimResource;

#[derive(ScimResource)]
#[scim(complex)]
pub struct Name {
    #[scim(mutability = "sometimes")]
    pub given_name: Option<String>,
}

fn main() {}

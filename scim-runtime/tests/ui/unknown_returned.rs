use scim_runtime::ScimResource;

#[derive(ScimResource)]
#[scim(complex)]
pub struct Name {
    #[scim(returned = "rarely")]
    pub given_name: Option<String>,
}

fn main() {}

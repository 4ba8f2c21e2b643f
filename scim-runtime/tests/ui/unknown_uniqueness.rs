use scim_runtime::ScimResource;

#[derive(ScimResource)]
#[scim(complex)]
pub struct Name {
    #[scim(uniqueness = "planet")]
    pub given_name: Option<String>,
}

fn main() {}

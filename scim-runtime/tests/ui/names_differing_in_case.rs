use scim_runtime::ScimResource;

#[derive(ScimResource)]
#[scim(complex)]
pub struct Name {
    pub given_name: Option<String>,
    #[scim(rename = "GIVENNAME")]
    pub shouted: Option<String>,
}

fn main() {}

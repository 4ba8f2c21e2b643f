use scim_runtime::ScimResource;

#[derive(ScimResource)]
#[scim(complex)]
pub struct Name {
    #[scim(required, case_exact, required)]
    pub given_name: Option<String>,
}

fn main() {}

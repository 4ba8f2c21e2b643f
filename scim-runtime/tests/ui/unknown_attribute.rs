use scim_runtime::ScimResource;

#[derive(ScimResource)]
#[scim(complex, colour = "red")]
pub struct Name {
    #[scim(readonly)]
    pub given_name: Option<String>,
}

fn main() {}

use scim_runtime::ScimResource;

#[derive(ScimResource)]
#[scim(complex)]
pub struct Name {
    #[scim(other)]
    pub other: scim_runtime::OtherAttributes,
    #[scim(other)]
    pub more: scim_runtime::OtherAttributes,
}

fn main() {}

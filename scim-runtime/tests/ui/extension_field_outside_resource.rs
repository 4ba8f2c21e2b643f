use scim_runtime::ScimResource;

#[derive(ScimResource)]
#[scim(complex)]
pub struct Name {
    #[scim(extension)]
    pub enterprise: Option<scim_runtime::EnterpriseUser>,
}

fn main() {}

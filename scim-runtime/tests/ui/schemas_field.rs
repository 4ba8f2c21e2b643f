use scim_runtime::ScimResource;

#[derive(ScimResource)]
#[scim(complex)]
pub struct Name {
    pub schemas: Vec<String>,
}

fn main() {}

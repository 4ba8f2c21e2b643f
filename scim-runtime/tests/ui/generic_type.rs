use scim_runtime::ScimResource;

#[derive(ScimResource)]
#[scim(complex)]
pub struct Name<T> {
    pub given_name: Option<T>,
}

fn main() {}

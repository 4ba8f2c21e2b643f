use scim_runtime::ScimResource;

#[derive(ScimResource)]
#[scim(complex)]
pub struct Name(Option<String>);

fn main() {}

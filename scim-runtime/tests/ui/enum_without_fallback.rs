use scim_runtime::ScimResource;

#[derive(ScimResource)]
#[scim(canonical)]
pub enum Kind {
    Work,
    Home,
}

fn main() {}

use scim_runtime::ScimResource;

#[derive(ScimResource)]
#[scim(canonical)]
pub enum Kind {
    Work(u8),
    #[scim(other)]
    Custom(String),
}

fn main() {}

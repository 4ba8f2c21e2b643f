use scim_runtime::ScimResource;

const WORK: &str = "work";

#[derive(ScimResource)]
#[scim(complex)]
pub struct Phone {
    #[scim(canonical_values(WORK, "home"))]
    pub kind: Option<String>,
    #[scim(canonical_values(1u8, 'x'))]
    pub level: Option<i64>,
}

fn main() {}

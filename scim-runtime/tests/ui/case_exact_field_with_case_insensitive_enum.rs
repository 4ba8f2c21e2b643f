use scim_runtime::ScimResource;

// The field is caseExact, so `"WORK"` is not `work`; the enum must say so too, or its
// `known()` would disagree with the attribute.
#[derive(Clone, ScimResource)]
#[scim(canonical)]
pub enum Kind {
    Work,
    #[scim(other)]
    Custom(String),
}

#[derive(Default, ScimResource)]
#[scim(complex)]
pub struct Email {
    #[scim(case_exact)]
    pub kind: Option<Kind>,
}

fn main() {}

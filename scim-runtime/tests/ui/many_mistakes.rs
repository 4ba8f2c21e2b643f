use scim_runtime::ScimResource;

/// Every mistake below is reported at once, each on its own span.
#[derive(ScimResource)]
#[scim(resource, name = "Device", colour = "red")]
pub struct Device {
    pub id: Option<String>,
    pub meta: Option<scim_runtime::Meta>,
    #[scim(mutability = "sometimes", returned = "rarely")]
    pub serial: Option<String>,
    pub label: String,
    #[scim(required, required)]
    pub model: Option<String>,
    #[scim(rename = "MODEL")]
    pub model_again: Option<String>,
}

fn main() {}

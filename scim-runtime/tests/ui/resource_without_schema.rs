use scim_runtime::ScimResource;

#[derive(ScimResource)]
#[scim(resource, name = "Device")]
pub struct Device {
    pub id: Option<String>,
    pub external_id: Option<String>,
    pub meta: Option<scim_runtime::Meta>,
}

fn main() {}

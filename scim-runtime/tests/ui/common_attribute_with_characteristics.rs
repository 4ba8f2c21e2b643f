use scim_runtime::ScimResource;

#[derive(ScimResource)]
#[scim(resource, schema = "urn:example:Device", name = "Device", endpoint = "/Devices")]
pub struct Device {
    #[scim(mutability = "readWrite")]
    pub id: Option<String>,
    pub external_id: Option<String>,
    pub meta: Option<scim_runtime::Meta>,
}

fn main() {}

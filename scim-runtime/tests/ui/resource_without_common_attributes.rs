use scim_runtime::ScimResource;

#[derive(ScimResource)]
#[scim(resource, schema = "urn:example:Device", name = "Device", endpoint = "/Devices")]
pub struct Device {
    pub serial: Option<String>,
}

fn main() {}

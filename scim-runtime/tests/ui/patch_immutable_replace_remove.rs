// An immutable attribute is only added while it has no value (RFC 7643 §7): `add` compiles,
// `replace` and `remove` do not.
use scim_runtime::message::PatchOp;
use scim_runtime::{Meta, OtherAttributes, ScimResource};

#[derive(Clone, Default, ScimResource)]
#[scim(resource, schema = "urn:example:Device", name = "Device", endpoint = "/Devices")]
pub struct Device {
    pub id: Option<String>,
    pub external_id: Option<String>,
    pub meta: Option<Meta>,
    #[scim(mutability = "immutable")]
    pub serial_number: Option<String>,
    #[scim(other)]
    pub other: OtherAttributes,
}

fn main() {
    let _ = PatchOp::<Device>::default().add(Device::paths().serial_number(), "SN-1");
    let _ = PatchOp::<Device>::default().replace(Device::paths().serial_number(), "SN-2");
    let _ = PatchOp::<Device>::default().remove(Device::paths().serial_number());
}

// `meta.created` is readOnly (RFC 7643 §3.1): no PATCH operation may target it.
use scim_runtime::message::PatchOp;
use scim_runtime::{DateTime, User};

fn main() {
    let created: DateTime = "2011-08-01T21:32:44.882Z".parse().unwrap();
    let _ = PatchOp::<User>::default().replace(User::paths().meta().created(), created);
}

// `manager.displayName` of the enterprise extension is readOnly (RFC 7643 §4.3).
use scim_runtime::message::PatchOp;
use scim_runtime::User;

fn main() {
    let _ = PatchOp::<User>::default().remove(
        User::paths().enterprise_user().manager().display_name(),
    );
}

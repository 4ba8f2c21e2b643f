// The value must be of the attribute's type: `active` is a boolean, `emails` takes `Email`s.
use scim_runtime::message::PatchOp;
use scim_runtime::User;

fn main() {
    let _ = PatchOp::<User>::default().replace(User::paths().active(), "yes");
    let _ = PatchOp::<User>::default().add(User::paths().emails(), "bjensen@example.com".to_owned());
}

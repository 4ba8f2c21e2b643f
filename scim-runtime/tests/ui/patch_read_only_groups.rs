// `groups` of a User is readOnly (RFC 7643 §4.1.2): group membership is changed on the Group.
use scim_runtime::message::PatchOp;
use scim_runtime::resources::user::UserGroup;
use scim_runtime::User;

fn main() {
    let _ = PatchOp::<User>::default().add(User::paths().groups(), UserGroup::default());
}

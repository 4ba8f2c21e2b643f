use scim_runtime::{filter, User};

fn main() {
    let _ = filter!(User, r#"userName eq "bjensen" and nickNames pr"#);
    let _ = filter!(User, r#"emailz[type eq "work"]"#);
}

use scim_runtime::{filter, User};

fn main() {
    let _ = filter!(User, r#"emails[typ eq "work"]"#);
    let _ = filter!(User, r#"name.givenNam eq "Barbara""#);
    let _ = filter!(User, r#"userName.value eq "bjensen""#);
}

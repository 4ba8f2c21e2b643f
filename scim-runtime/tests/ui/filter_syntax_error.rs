use scim_runtime::{filter, User};

fn main() {
    let _ = filter!(User, r#"userName equals "bjensen""#);
    let _ = filter!(User, r#"emails[type eq "work""#);
    let _ = filter!(User, r#"emails[type.value eq "work"]"#);
    // The result is still a `Filter`, so nothing else is reported.
    let _: scim_runtime::filter::Filter = filter!(User, "title pr or");
}

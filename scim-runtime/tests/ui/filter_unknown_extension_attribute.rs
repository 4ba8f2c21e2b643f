use scim_runtime::{filter, Group, User};

fn main() {
    let _ = filter!(
        User,
        r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayNam pr"#
    );
    let _ = filter!(
        User,
        r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:costCentre pr"#
    );
    // Groups carry no enterprise extension.
    let _ = filter!(
        Group,
        r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager pr"#
    );
}

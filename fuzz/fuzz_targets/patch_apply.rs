//! PATCH application (RFC 7644 §3.5.2) on any request body: it never panics; a request that
//! fails leaves the resource unchanged; a typed User and a dynamic User built from the same
//! schemas agree on the result, or on the error's `scimType`.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use scim_runtime::dynamic::{DynamicResource, DynamicType};
use scim_runtime::message::PatchOp;
use scim_runtime::{patch, Context, Resource, User};

const USER: &str = r#"{
    "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
    "id": "2819c223-7f76-453a-919d-413861904646", "userName": "bjensen",
    "name": {"familyName": "Jensen", "givenName": "Barbara"}, "active": true,
    "emails": [{"value": "bjensen@example.com", "type": "work", "primary": true},
               {"value": "babs@jensen.org", "type": "home"}],
    "addresses": [{"type": "work", "locality": "Hollywood"}],
    "groups": [{"value": "e9e30dba", "display": "Tour Guides"}],
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
        "department": "Tour Operations", "manager": {"value": "26118915"}}
}"#;

fn dynamic_user() -> &'static DynamicResource {
    static USER_TYPE: OnceLock<DynamicResource> = OnceLock::new();
    USER_TYPE.get_or_init(|| {
        let schemas = User::schemas();
        let ty = DynamicType::new("User", "/Users", &schemas[0], &[(&schemas[1], false)])
            .expect("the User type");
        ty.from_str(USER).expect("the user")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(request) = serde_json::from_slice::<PatchOp<User>>(data) else {
        return;
    };
    let original: User = serde_json::from_str(USER).expect("the user");
    let mut typed = original.clone();
    let typed_result = patch::apply(&mut typed, &request);

    let mut dynamic = dynamic_user().clone();
    let untyped: PatchOp = serde_json::from_slice(data).expect("parsed once already");
    let dynamic_result = dynamic.apply_patch(&untyped);

    match (&typed_result, &dynamic_result) {
        (Ok(()), Ok(())) => {
            assert_eq!(
                typed.to_json_in(Context::Default, None),
                dynamic.to_json_in(Context::Default, None),
                "typed and dynamic results differ"
            );
        }
        (Err(t), Err(d)) => {
            assert_eq!(t.scim_type(), d.scim_type(), "typed {t} but dynamic {d}");
            assert_eq!(typed, original, "a failed PATCH changed the typed user");
            assert_eq!(
                &dynamic,
                dynamic_user(),
                "a failed PATCH changed the dynamic user"
            );
        }
        _ => panic!("typed {typed_result:?} but dynamic {dynamic_result:?}"),
    }
});

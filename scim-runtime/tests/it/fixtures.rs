//! Test inputs shared by several modules.

use serde_json::Value;

/// The RFC 7643 §8.2 full user with the §8.3 enterprise extension: the §8.3 document, with
/// every attribute of §8.2 it lacks.
pub fn full_enterprise_user() -> Value {
    let read = |text: &str| -> Value { serde_json::from_str(text).unwrap() };
    let mut user = read(include_str!("../fixtures/rfc7643/8.3-enterprise-user.json"));
    let core = read(include_str!("../fixtures/rfc7643/8.2-full-user.json"));
    let object = user.as_object_mut().unwrap();
    for (k, v) in core.as_object().unwrap() {
        object.entry(k.clone()).or_insert(v.clone());
    }
    user
}

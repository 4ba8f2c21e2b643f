//! The typed PATCH builder writes exactly the JSON of RFC 7644 §3.5.2, and the PATCH engine
//! applies it with the same result as the same request written by hand: the RFC's examples,
//! and a property over random sequences of operations.

use proptest::prelude::*;
use scim_runtime::filter::Filter;
use scim_runtime::message::PatchOp;
use scim_runtime::patch;
use scim_runtime::resources::user::{Email, EmailType, Name, PhoneNumber, PhoneNumberType};
use scim_runtime::{Context, Resource, User};
use serde_json::{json, Value};

const ENTERPRISE: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

fn user() -> User {
    serde_json::from_value(json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE],
        "id": "2819c223-7f76-453a-919d-413861904646",
        "userName": "bjensen",
        "name": {"familyName": "Jensen", "givenName": "Barbara"},
        "displayName": "Babs Jensen",
        "title": "Tour Guide",
        "active": true,
        "emails": [
            {"value": "bjensen@example.com", "type": "work", "primary": true},
            {"value": "babs@jensen.org", "type": "home"}
        ],
        ENTERPRISE: {"employeeNumber": "701984",
                     "manager": {"value": "26118915-6090-4610-87e4-49d8ca9f808d"}}
    }))
    .expect("a valid user")
}

fn body(operations: Vec<Value>) -> Value {
    json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": operations})
}

fn email(value: &str, ty: EmailType) -> Email {
    Email {
        value: Some(value.to_owned()),
        r#type: Some(ty),
        ..Email::default()
    }
}

/// The RFC 7644 §3.5.2 examples that the standard User can take, built typed: the JSON is the
/// RFC's, member for member.
#[test]
fn the_builder_writes_the_rfc_examples() {
    let p = User::paths();
    // §3.5.2.1: add to a multi-valued attribute; a single-valued attribute.
    let added = PatchOp::<User>::default()
        .add(p.emails(), email("babs@jensen.org", EmailType::Home))
        .add(p.nick_name(), "Babs");
    assert_eq!(
        serde_json::to_value(&added).unwrap(),
        body(vec![
            json!({"op": "add", "path": "emails",
                   "value": [{"value": "babs@jensen.org", "type": "home"}]}),
            json!({"op": "add", "path": "nickName", "value": "Babs"}),
        ])
    );
    // §3.5.2.2: remove a single-valued attribute, and the values a filter selects.
    let removed = PatchOp::<User>::default()
        .remove(p.title())
        .remove_where(p.emails(), Filter::attr("type").unwrap().eq("work"));
    assert_eq!(
        serde_json::to_value(&removed).unwrap(),
        body(vec![
            json!({"op": "remove", "path": "title"}),
            json!({"op": "remove", "path": "emails[type eq \"work\"]"}),
        ])
    );
    // §3.5.2.3: replace all the values of a multi-valued attribute, a sub-attribute, and an
    // extension attribute in its URN form (§3.10).
    let replaced = PatchOp::<User>::default()
        .replace(
            p.emails(),
            vec![
                email("bjensen@example.com", EmailType::Work),
                email("babs@jensen.org", EmailType::Home),
            ],
        )
        .replace(p.name().family_name(), "Jensen-Smith")
        .replace(p.enterprise_user().manager().value(), "902c246b");
    assert_eq!(
        serde_json::to_value(&replaced).unwrap(),
        body(vec![
            json!({"op": "replace", "path": "emails", "value": [
                {"value": "bjensen@example.com", "type": "work"},
                {"value": "babs@jensen.org", "type": "home"}]}),
            json!({"op": "replace", "path": "name.familyName", "value": "Jensen-Smith"}),
            json!({"op": "replace", "path": format!("{ENTERPRISE}:manager.value"),
                   "value": "902c246b"}),
        ])
    );
}

/// One operation, typed and by hand.
#[derive(Debug, Clone)]
enum Op {
    ReplaceDisplayName(String),
    AddNickName(String),
    RemoveTitle,
    ReplaceGivenName(String),
    AddEmail(String, bool),
    RemoveWorkEmails,
    ReplaceActive(bool),
    AddEmployeeNumber(String),
    ReplaceManagerValue(String),
    RemoveManager,
    ReplaceEmails(String, String),
    ReplaceName(String),
    AddPhone(String),
    RemoveEmails,
    AddImmutableLike(String),
}

fn op() -> impl Strategy<Value = Op> {
    let s = || "[a-zA-Z0-9@.]{0,10}";
    prop_oneof![
        s().prop_map(Op::ReplaceDisplayName),
        s().prop_map(Op::AddNickName),
        Just(Op::RemoveTitle),
        s().prop_map(Op::ReplaceGivenName),
        (s(), any::<bool>()).prop_map(|(v, w)| Op::AddEmail(v, w)),
        Just(Op::RemoveWorkEmails),
        any::<bool>().prop_map(Op::ReplaceActive),
        s().prop_map(Op::AddEmployeeNumber),
        s().prop_map(Op::ReplaceManagerValue),
        Just(Op::RemoveManager),
        (s(), s()).prop_map(|(a, b)| Op::ReplaceEmails(a, b)),
        s().prop_map(Op::ReplaceName),
        s().prop_map(Op::AddPhone),
        Just(Op::RemoveEmails),
        s().prop_map(Op::AddImmutableLike),
    ]
}

/// Adds `op` to the typed builder, and returns the same operation written by hand.
fn both(typed: PatchOp<User>, op: &Op) -> (PatchOp<User>, Value) {
    let p = User::paths();
    let kind = |w: bool| if w { EmailType::Work } else { EmailType::Home };
    match op.clone() {
        Op::ReplaceDisplayName(v) => (
            typed.replace(p.display_name(), v.as_str()),
            json!({"op": "replace", "path": "displayName", "value": v}),
        ),
        Op::AddNickName(v) => (
            typed.add(p.nick_name(), v.clone()),
            json!({"op": "add", "path": "nickName", "value": v}),
        ),
        Op::RemoveTitle => (
            typed.remove(p.title()),
            json!({"op": "remove", "path": "title"}),
        ),
        Op::ReplaceGivenName(v) => (
            typed.replace(p.name().given_name(), v.as_str()),
            json!({"op": "replace", "path": "name.givenName", "value": v}),
        ),
        Op::AddEmail(v, w) => (
            typed.add(p.emails(), email(&v, kind(w))),
            json!({"op": "add", "path": "emails",
                   "value": [{"value": v, "type": if w { "work" } else { "home" }}]}),
        ),
        Op::RemoveWorkEmails => (
            typed.remove_where(p.emails(), Filter::attr("type").unwrap().eq("work")),
            json!({"op": "remove", "path": "emails[type eq \"work\"]"}),
        ),
        Op::ReplaceActive(b) => (
            typed.replace(p.active(), b),
            json!({"op": "replace", "path": "active", "value": b}),
        ),
        Op::AddEmployeeNumber(v) => (
            typed.add(p.enterprise_user().employee_number(), v.as_str()),
            json!({"op": "add", "path": format!("{ENTERPRISE}:employeeNumber"), "value": v}),
        ),
        Op::ReplaceManagerValue(v) => (
            typed.replace(p.enterprise_user().manager().value(), v.as_str()),
            json!({"op": "replace", "path": format!("{ENTERPRISE}:manager.value"), "value": v}),
        ),
        Op::RemoveManager => (
            typed.remove(p.enterprise_user().manager()),
            json!({"op": "remove", "path": format!("{ENTERPRISE}:manager")}),
        ),
        Op::ReplaceEmails(a, b) => (
            typed.replace(
                p.emails(),
                vec![email(&a, EmailType::Work), email(&b, EmailType::Other)],
            ),
            json!({"op": "replace", "path": "emails", "value": [
                {"value": a, "type": "work"}, {"value": b, "type": "other"}]}),
        ),
        Op::ReplaceName(v) => (
            typed.replace(
                p.name(),
                Name {
                    given_name: Some(v.clone()),
                    ..Name::default()
                },
            ),
            json!({"op": "replace", "path": "name", "value": {"givenName": v}}),
        ),
        Op::AddPhone(v) => (
            typed.add(
                p.phone_numbers(),
                PhoneNumber {
                    value: Some(v.clone()),
                    r#type: Some(PhoneNumberType::Mobile),
                    ..PhoneNumber::default()
                },
            ),
            json!({"op": "add", "path": "phoneNumbers",
                   "value": [{"value": v, "type": "mobile"}]}),
        ),
        Op::RemoveEmails => (
            typed.remove(p.emails()),
            json!({"op": "remove", "path": "emails"}),
        ),
        Op::AddImmutableLike(v) => (
            typed.add(p.external_id(), v.as_str()),
            json!({"op": "add", "path": "externalId", "value": v}),
        ),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any sequence of typed operations is the hand-written request, byte for byte, and the
    /// engine gives the same outcome for both: the same resource, or the same error.
    #[test]
    fn typed_patch_equals_hand_written_patch(ops in prop::collection::vec(op(), 0..8)) {
        let mut typed = PatchOp::<User>::default();
        let mut hand = Vec::new();
        for op in &ops {
            let (next, json) = both(typed, op);
            typed = next;
            hand.push(json);
        }
        let hand_body = body(hand);
        prop_assert_eq!(serde_json::to_value(&typed).unwrap(), hand_body.clone());

        let hand: PatchOp<User> = serde_json::from_value(hand_body).unwrap();
        let (mut a, mut b) = (user(), user());
        let ra = patch::apply(&mut a, &typed);
        let rb = patch::apply(&mut b, &hand);
        prop_assert_eq!(ra.map_err(|e| e.to_string()), rb.map_err(|e| e.to_string()));
        prop_assert_eq!(
            a.to_json_in(Context::Default, None),
            b.to_json_in(Context::Default, None)
        );
    }
}

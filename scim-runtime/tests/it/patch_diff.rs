//! `patch::diff` (scim2-models `PatchOp.build_from`): applying the diff of A and B to A gives
//! B, checked on generated Users and Groups in the Default context.

use proptest::prelude::*;
use scim_runtime::{patch, Context, Group, Resource, User};
use serde_json::{json, Map, Value};

const ENTERPRISE: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

/// Short strings from a small alphabet, so that values collide (also in case).
fn text() -> impl Strategy<Value = String> {
    "[abAB]{1,3}"
}

fn opt<T: core::fmt::Debug + Clone + 'static>(
    s: impl Strategy<Value = T> + 'static,
) -> BoxedStrategy<Option<T>> {
    prop::option::weighted(0.6, s).boxed()
}

fn multi(kinds: &'static [&'static str]) -> impl Strategy<Value = Vec<Value>> {
    prop::collection::vec(
        (text(), opt(prop::sample::select(kinds)), any::<bool>()),
        0..4,
    )
    .prop_flat_map(|entries| {
        let n = entries.len();
        (Just(entries), prop::option::of(0..n.max(1)))
    })
    .prop_map(|(entries, primary)| {
        entries
            .into_iter()
            .enumerate()
            .map(|(i, (value, kind, explicit_false))| {
                let mut m = Map::new();
                m.insert("value".into(), json!(value));
                if let Some(kind) = kind {
                    m.insert("type".into(), json!(kind));
                }
                if primary == Some(i) {
                    m.insert("primary".into(), json!(true));
                } else if explicit_false {
                    m.insert("primary".into(), json!(false));
                }
                Value::Object(m)
            })
            .collect()
    })
}

fn user() -> impl Strategy<Value = Value> {
    (
        (
            text(),
            opt(text()),
            opt(text()),
            opt(text()),
            opt(any::<bool>()),
            opt(text()),
        ),
        (opt(text()), opt(text()), opt(text())),
        multi(&["work", "home", "other"]),
        multi(&["work", "mobile"]),
        (opt(text()), opt(text()), opt(text()), any::<bool>()),
    )
        .prop_map(|(top, name, emails, phones, ext)| {
            let (user_name, display, nick, title, active, password) = top;
            let mut u = Map::new();
            u.insert(
                "schemas".into(),
                json!(["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE]),
            );
            u.insert("id".into(), json!("2819c223"));
            u.insert(
                "meta".into(),
                json!({"resourceType": "User", "version": "W/\"1\""}),
            );
            u.insert("userName".into(), json!(user_name));
            let mut put = |k: &str, v: Option<Value>| {
                if let Some(v) = v {
                    u.insert(k.into(), v);
                }
            };
            put("displayName", display.map(Value::from));
            put("nickName", nick.map(Value::from));
            put("title", title.map(Value::from));
            put("active", active.map(Value::from));
            put("password", password.map(Value::from));
            let mut n = Map::new();
            for (k, v) in [
                ("givenName", name.0),
                ("familyName", name.1),
                ("middleName", name.2),
            ] {
                if let Some(v) = v {
                    n.insert(k.into(), json!(v));
                }
            }
            put("name", (!n.is_empty()).then_some(Value::Object(n)));
            put(
                "emails",
                (!emails.is_empty()).then_some(Value::Array(emails)),
            );
            put(
                "phoneNumbers",
                (!phones.is_empty()).then_some(Value::Array(phones)),
            );
            let mut e = Map::new();
            for (k, v) in [("department", ext.0), ("employeeNumber", ext.1)] {
                if let Some(v) = v {
                    e.insert(k.into(), json!(v));
                }
            }
            if let Some(m) = ext.2 {
                e.insert("manager".into(), json!({"value": m}));
            }
            if ext.3 && !e.is_empty() {
                u.insert(ENTERPRISE.into(), Value::Object(e));
            }
            Value::Object(u)
        })
}

/// Groups always have their displayName, as users their userName: both are required (RFC 7643
/// §4.2), and PATCH cannot remove a required attribute.
fn group() -> impl Strategy<Value = Value> {
    (
        text(),
        prop::collection::vec(
            (text(), opt(prop::sample::select(&["User", "Group"][..]))),
            0..4,
        ),
    )
        .prop_map(|(display, members)| {
            let members: Vec<Value> = members
                .into_iter()
                .map(|(v, t)| match t {
                    Some(t) => json!({"value": v, "type": t}),
                    None => json!({"value": v}),
                })
                .collect();
            let mut g = json!({"id": "g1", "displayName": display});
            if !members.is_empty() {
                g["members"] = Value::Array(members);
            }
            g
        })
}

fn check<R: Resource + Clone + core::fmt::Debug>(a: Value, b: Value) -> Result<(), TestCaseError> {
    let a: R = serde_json::from_value(a).unwrap();
    let b: R = serde_json::from_value(b).unwrap();
    let request = patch::diff(&a, &b);
    let mut patched = a.clone();
    patch::apply(&mut patched, &request)
        .map_err(|e| TestCaseError::fail(format!("{e} applying {:?}", request.operations)))?;
    prop_assert_eq!(
        patched.to_json_in(Context::Default, None),
        b.to_json_in(Context::Default, None),
        "operations: {}",
        serde_json::to_string(&request.operations).unwrap()
    );
    if a.to_json_in(Context::Default, None) == b.to_json_in(Context::Default, None) {
        prop_assert!(
            request.operations.is_empty(),
            "equal resources give an empty diff"
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn applying_the_diff_of_two_users_gives_the_second(a in user(), b in user()) {
        check::<User>(a, b)?;
    }

    #[test]
    fn applying_the_diff_of_a_user_and_itself_changes_nothing(a in user()) {
        check::<User>(a.clone(), a)?;
    }

    #[test]
    fn applying_the_diff_of_two_groups_gives_the_second(a in group(), b in group()) {
        check::<Group>(a, b)?;
    }
}

#[test]
fn diff_is_minimal_for_appended_values() {
    let a: User =
        serde_json::from_value(json!({"userName": "b", "emails": [{"value": "a@x"}]})).unwrap();
    let b: User = serde_json::from_value(
        json!({"userName": "b", "emails": [{"value": "a@x"}, {"value": "b@x"}]}),
    )
    .unwrap();
    let ops = serde_json::to_value(patch::diff(&a, &b).operations).unwrap();
    assert_eq!(
        ops,
        json!([{"op": "add", "path": "emails", "value": [{"value": "b@x"}]}])
    );
}

#[test]
fn diff_of_extension_attributes_uses_urn_paths() {
    let a: User = serde_json::from_value(
        json!({"userName": "b", ENTERPRISE: {"department": "x", "manager": {"value": "m1"}}}),
    )
    .unwrap();
    let b: User = serde_json::from_value(
        json!({"userName": "b", ENTERPRISE: {"department": "y", "manager": {"value": "m1"}}}),
    )
    .unwrap();
    let ops = serde_json::to_value(patch::diff(&a, &b).operations).unwrap();
    assert_eq!(
        ops,
        json!([{"op": "replace", "path": format!("{ENTERPRISE}:department"), "value": "y"}])
    );
}

//! Secrets are never printed. Every public type that can hold the value of a `writeOnly` or
//! `returned: never` attribute (RFC 7643 §7), or of a field marked `#[scim(sensitive)]`, is
//! printed with `{:?}`, `{:#?}` and, where it has one, `Display`, and none of them may contain
//! the secret: the standard `User`, generated types from a server's dump, derived resources,
//! extensions and complex values (single and multi-valued, nested), `DynamicResource`, the
//! errors of reading a bad sensitive value (typed and dynamic), PATCH errors, and the PATCH
//! and bulk request messages that carry a password.

use scim_runtime::dynamic::DynamicType;
use scim_runtime::message::{
    BulkMethod, BulkOperation, BulkRequest, PatchOp, PatchOperation, PatchOperationKind,
};
use scim_runtime::{
    Binary, Context, DateTime, Meta, OtherAttributes, Resource, ScimResource, User,
};
use serde_json::json;

/// Generated code over a dump served by a real server (Slack's), whose `password` is
/// `writeOnly` and whose `photos.primary`, `addresses.type` and `addresses.primary` are
/// `returned: never`.
/// The file is the generator's output byte for byte (a golden file), so rustfmt keeps off.
#[allow(dead_code, clippy::all)]
#[rustfmt::skip]
#[path = "../../../scim-codegen/tests/golden/slack.rs"]
mod slack;

const SECRET: &str = "t1meMa$heen";
/// A secret that is a number, which serde quotes in its messages as `integer `31415926``.
const SECRET_NUMBER: i64 = 31_415_926;
/// `SECRET` in base64, as a binary attribute holds it.
const SECRET_BASE64: &str = "dDFtZU1hJGhlZW4=";

/// Fails if `text` shows any form of a secret.
#[track_caller]
fn assert_hidden(what: &str, text: &str) {
    for secret in [SECRET, "31415926", SECRET_BASE64, "t1meMa"] {
        assert!(
            !text.contains(secret),
            "{what} shows the secret `{secret}`:\n{text}"
        );
    }
}

/// `{:?}` and `{:#?}` of `value` hide the secret and show the marker.
#[track_caller]
fn assert_debug_redacted(what: &str, value: &impl std::fmt::Debug) {
    let plain = format!("{value:?}");
    let pretty = format!("{value:#?}");
    assert_hidden(what, &plain);
    assert_hidden(what, &pretty);
    assert!(plain.contains("<redacted>"), "{what}: {plain}");
}

/// A resource with every kind of secret: `writeOnly`, `returned: never` and
/// `#[scim(sensitive)]`, on scalars of several types, a multi-valued attribute, a canonical
/// enum, a complex value with secret sub-attributes, a secret complex value and an extension.
#[derive(Clone, PartialEq, Default, ScimResource)]
#[scim(
    resource,
    schema = "urn:example:scim:schemas:core:2.0:Vault",
    name = "Vault",
    endpoint = "/Vaults"
)]
pub struct Vault {
    pub id: Option<String>,
    pub external_id: Option<String>,
    pub meta: Option<Meta>,
    /// Shown.
    pub name: Option<String>,
    /// A secret integer.
    #[scim(mutability = "writeOnly")]
    pub pin: Option<i64>,
    /// A secret instant.
    #[scim(returned = "never")]
    pub recovery: Option<DateTime>,
    /// Secret only by the derive attribute.
    #[scim(sensitive)]
    pub api_key: Option<String>,
    /// A secret multi-valued attribute.
    #[scim(mutability = "writeOnly")]
    pub seeds: Vec<String>,
    /// A secret canonical value.
    #[scim(returned = "never")]
    pub kind: Option<VaultKind>,
    /// A complex value with a secret sub-attribute.
    pub keys: Vec<VaultKey>,
    /// A complex value that is secret as a whole.
    #[scim(mutability = "writeOnly")]
    pub escrow: Option<VaultEscrow>,
    #[scim(extension)]
    pub hsm: Option<VaultHsm>,
    #[scim(other)]
    pub other: OtherAttributes,
}

/// A key, whose material is secret.
#[derive(Clone, PartialEq, Default, ScimResource)]
#[scim(complex)]
pub struct VaultKey {
    pub label: Option<String>,
    #[scim(mutability = "writeOnly")]
    pub material: Option<Binary>,
    #[scim(other)]
    pub other: OtherAttributes,
}

/// An escrow, secret as a whole though its sub-attributes are not.
#[derive(Clone, PartialEq, Default, ScimResource)]
#[scim(complex)]
pub struct VaultEscrow {
    pub holder: Option<String>,
    pub expires: Option<DateTime>,
    pub code: Option<i64>,
    #[scim(other)]
    pub other: OtherAttributes,
}

/// The kind of a vault.
#[derive(Clone, ScimResource)]
#[scim(canonical)]
pub enum VaultKind {
    Primary,
    Backup,
    #[scim(other)]
    Custom(String),
}

/// An extension with a secret.
#[derive(Clone, PartialEq, Default, ScimResource)]
#[scim(
    extension,
    schema = "urn:example:scim:schemas:extension:hsm:2.0:Vault",
    name = "Hsm"
)]
pub struct VaultHsm {
    pub slot: Option<i64>,
    #[scim(mutability = "writeOnly", returned = "never")]
    pub pin: Option<String>,
    #[scim(other)]
    pub other: OtherAttributes,
}

const HSM: &str = "urn:example:scim:schemas:extension:hsm:2.0:Vault";

fn vault_json() -> serde_json::Value {
    json!({
        "schemas": ["urn:example:scim:schemas:core:2.0:Vault", HSM],
        "name": "main",
        "pin": SECRET_NUMBER,
        "recovery": "2011-05-13T04:42:34Z",
        "apiKey": SECRET,
        "seeds": [SECRET, "t1meMa-2"],
        "kind": SECRET,
        "keys": [{"label": "k1", "material": SECRET_BASE64}],
        "escrow": {"holder": SECRET, "code": SECRET_NUMBER},
        HSM: {"slot": 2, "pin": SECRET}
    })
}

#[test]
fn the_standard_user_debug_redacts_the_password_and_keeps_the_rest() {
    let user: User = serde_json::from_value(json!({
        "userName": "bjensen",
        "password": SECRET,
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"employeeNumber": "701984"}
    }))
    .unwrap();
    assert_eq!(user.password.as_deref(), Some(SECRET), "the value is kept");
    assert_debug_redacted("User", &user);
    let shown = format!("{user:?}");
    assert!(shown.contains("password: <redacted>"), "{shown}");
    assert!(
        shown.contains("\"bjensen\""),
        "other fields stay visible: {shown}"
    );
    assert!(
        shown.contains("\"701984\""),
        "the extension stays visible: {shown}"
    );
    // An unset secret is shown as unset, so debugging tells absent from present.
    let without = User {
        user_name: Some("bjensen".into()),
        ..User::default()
    };
    assert!(format!("{without:?}").contains("password: None"));
}

#[test]
fn generated_types_from_a_dump_redact_write_only_and_returned_never() {
    let user: slack::User = serde_json::from_value(json!({
        "userName": "bjensen",
        "password": SECRET,
        "photos": [{"value": "https://photos.example.com/1.jpg", "primary": true}],
        "addresses": [{"country": "SE", "type": SECRET}]
    }))
    .unwrap();
    assert_debug_redacted("generated User", &user);
    let shown = format!("{user:?}");
    // `photos.primary` and `addresses.type` are `returned: never`, inside multi-valued
    // complex values.
    assert!(shown.contains("primary: <redacted>"), "{shown}");
    assert!(shown.contains("type: <redacted>"), "{shown}");
    assert!(shown.contains("\"SE\""), "{shown}");
}

#[test]
fn derived_types_redact_every_kind_of_secret_at_every_depth() {
    let vault: Vault = serde_json::from_value(vault_json()).unwrap();
    assert_eq!(vault.pin, Some(SECRET_NUMBER), "the values are kept");
    assert_eq!(vault.hsm.as_ref().unwrap().pin.as_deref(), Some(SECRET));
    assert_debug_redacted("Vault", &vault);
    let shown = format!("{vault:?}");
    for field in [
        "pin: <redacted>",
        "recovery: <redacted>",
        "api_key: <redacted>",
        "seeds: <redacted>",
        "kind: <redacted>",
        "material: <redacted>",
        "escrow: <redacted>",
    ] {
        assert!(shown.contains(field), "`{field}` in {shown}");
    }
    assert!(shown.contains("name: Some(\"main\")"), "{shown}");
    assert!(shown.contains("slot: Some(2)"), "{shown}");
    // The parts print on their own the same way.
    assert_debug_redacted("VaultKey", &vault.keys[0]);
    assert_debug_redacted("VaultHsm", vault.hsm.as_ref().unwrap());
    // Unset secrets stay visible as unset, and never as a length.
    let empty = Vault::default();
    let shown = format!("{empty:?}");
    assert!(shown.contains("pin: None"), "{shown}");
    assert!(shown.contains("seeds: []"), "{shown}");
    assert!(!shown.contains("<redacted>"), "{shown}");
}

#[test]
fn dynamic_resources_redact_from_their_schemas() {
    let schemas = Vault::schemas();
    let ty = DynamicType::new("Vault", "/Vaults", &schemas[0], &[(&schemas[1], false)]).unwrap();
    // Names in another case are the same attributes (RFC 7643 §2.1).
    let mut payload = vault_json();
    let object = payload.as_object_mut().unwrap();
    let pin = object.remove("pin").unwrap();
    object.insert("PIN".into(), pin);
    // `#[scim(sensitive)]` is the Rust type's own marker, not in the schema a dynamic type is
    // built from; the schema's `writeOnly` and `returned: never` are.
    object.remove("apiKey");
    let vault = ty.from_value(payload).unwrap();
    assert_debug_redacted("DynamicResource", &vault);
    let shown = format!("{vault:?}");
    assert!(shown.contains("\"main\""), "{shown}");

    let users = User::schemas();
    let user_type = DynamicType::new("User", "/Users", &users[0], &[(&users[1], false)]).unwrap();
    let user = user_type
        .from_value(json!({"userName": "bjensen", "Password": SECRET}))
        .unwrap();
    assert_debug_redacted("dynamic User", &user);
    assert!(format!("{user:?}").contains("\"bjensen\""));
}

/// Reading a wrong value for a secret fails without showing the value, with the attribute's
/// path, in typed and dynamic reading alike.
#[test]
fn errors_about_a_sensitive_value_do_not_show_it() {
    let schemas = Vault::schemas();
    let ty = DynamicType::new("Vault", "/Vaults", &schemas[0], &[(&schemas[1], false)]).unwrap();
    let users = User::schemas();
    let user_type = DynamicType::new("User", "/Users", &users[0], &[(&users[1], false)]).unwrap();
    let vault_cases = [
        ("pin", json!({"pin": SECRET})),
        // A secret that looks like the end of an error message.
        ("pin", json!({"pin": format!("x\", expected {SECRET}")})),
        (
            "recovery",
            json!({"recovery": format!("x, expected {SECRET}")}),
        ),
        ("recovery", json!({"recovery": SECRET})),
        ("apiKey", json!({"apiKey": SECRET_NUMBER})),
        ("seeds", json!({"seeds": [SECRET_NUMBER]})),
        ("keys", json!({"keys": [{"material": SECRET}]})),
        ("escrow", json!({"escrow": {"expires": SECRET}})),
        ("escrow", json!({"escrow": {"code": SECRET}})),
        ("pin", json!({HSM: {"pin": SECRET_NUMBER}})),
    ];
    for (attribute, payload) in vault_cases {
        let typed = scim_runtime::payload::from_value::<Vault>(payload.clone()).unwrap_err();
        let text = format!("{typed}");
        assert_hidden(&format!("typed error for {payload}"), &text);
        assert_hidden(&format!("typed error for {payload}"), &format!("{typed:?}"));
        assert!(text.contains(attribute), "{text}");
        match &typed {
            scim_runtime::PayloadError::Invalid { path, .. } => {
                assert!(path.contains(attribute), "the path is kept: {path}")
            }
            other => panic!("{other:?}"),
        }
        // The error a server answers with.
        let answer = scim_runtime_server::ScimError::from(typed);
        assert_hidden("ScimError", &answer.to_string());
        assert_hidden("ScimError", &format!("{answer:?}"));
        let text = scim_runtime::payload::from_str::<Vault>(&payload.to_string())
            .unwrap_err()
            .to_string();
        assert_hidden(&format!("typed error for text {payload}"), &text);

        let dynamic = ty.from_value(payload.clone()).unwrap_err();
        assert_hidden(
            &format!("dynamic error for {payload}"),
            &dynamic.to_string(),
        );
        assert_hidden(
            &format!("dynamic error for {payload}"),
            &format!("{dynamic:#?}"),
        );
    }
    let payload = json!({"userName": "bjensen", "password": SECRET_NUMBER});
    let typed = scim_runtime::payload::from_value::<User>(payload.clone()).unwrap_err();
    assert_hidden("User error", &typed.to_string());
    assert!(typed.to_string().contains("password"), "{typed}");
    let dynamic = user_type.from_value(payload).unwrap_err();
    assert_hidden("dynamic User error", &dynamic.to_string());
    // Not a secret: the error still says what was sent.
    // (A wrong dateTime: serde words a number it cannot read as "number" alone when
    // `exact-numbers` is on, so the value to show is text.)
    let shown = scim_runtime::payload::from_value::<Vault>(
        json!({"name": "x", "meta": {"lastModified": format!("{SECRET_NUMBER}")}}),
    )
    .unwrap_err()
    .to_string();
    assert!(shown.contains("31415926"), "{shown}");
}

#[test]
fn violations_about_secrets_do_not_show_them() {
    let vault: Vault = serde_json::from_value(vault_json()).unwrap();
    let violations = vault.validate(Context::QueryRequest).unwrap_err();
    assert_hidden("violations", &violations.to_string());
    assert_hidden("violations", &format!("{violations:#?}"));
    let user: User = serde_json::from_value(json!({"userName": "b", "password": SECRET})).unwrap();
    let violations = user.validate(Context::SearchResponse).unwrap_err();
    assert_hidden("violations", &violations.to_string());
}

fn bad<R>(path: &str, value: serde_json::Value) -> PatchOp<R> {
    PatchOp::new(vec![PatchOperation {
        op: PatchOperationKind::Replace,
        path: Some(path.to_owned()),
        value: Some(value),
    }])
}

#[test]
fn patch_errors_about_secrets_do_not_show_them() {
    let mut user: User = serde_json::from_value(json!({"userName": "bjensen"})).unwrap();
    let e =
        scim_runtime::patch::apply(&mut user, &bad("password", json!(SECRET_NUMBER))).unwrap_err();
    assert_hidden("patch error", &e.to_string());
    assert_hidden("patch error", &format!("{e:?}"));

    let mut vault: Vault = serde_json::from_value(vault_json()).unwrap();
    for (path, value) in [
        ("pin", json!(SECRET)),
        ("recovery", json!(SECRET)),
        ("escrow", json!({"code": SECRET})),
        ("escrow.code", json!(SECRET)),
        ("keys[label eq \"k1\"].material", json!(SECRET)),
        (
            "urn:example:scim:schemas:extension:hsm:2.0:Vault:pin",
            json!(SECRET_NUMBER),
        ),
    ] {
        let op: PatchOp<Vault> = bad(path, value);
        let e = scim_runtime::patch::apply(&mut vault, &op).unwrap_err();
        assert_hidden(&format!("patch error at {path}"), &e.to_string());
        assert_hidden(&format!("patch error at {path}"), &format!("{e:#?}"));
    }
    // A remove listing values that are not single values quotes them, but not a secret's.
    let remove: PatchOp<Vault> = PatchOp::new(vec![PatchOperation {
        op: PatchOperationKind::Remove,
        path: Some("seeds".into()),
        value: Some(json!([{"x": {"y": SECRET}}])),
    }]);
    let e = scim_runtime::patch::apply(&mut vault, &remove).unwrap_err();
    assert_hidden("remove error", &e.to_string());
}

#[test]
fn patch_and_bulk_messages_do_not_show_values() {
    let patch: PatchOp<User> = serde_json::from_value(json!({
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
        "Operations": [
            {"op": "replace", "path": "password", "value": SECRET},
            {"op": "add", "value": {"password": SECRET}},
            {"op": "remove", "path": "nickName"}
        ]
    }))
    .unwrap();
    assert_debug_redacted("PatchOp", &patch);
    let shown = format!("{patch:?}");
    assert!(
        shown.contains("path: Some(\"password\")"),
        "paths are shown: {shown}"
    );
    assert!(
        shown.contains("value: None"),
        "an absent value is shown: {shown}"
    );
    assert_debug_redacted("PatchOperation", &patch.operations[0]);

    let bulk = BulkRequest {
        operations: vec![BulkOperation {
            method: BulkMethod::Post,
            bulk_id: Some("q1".into()),
            version: None,
            path: "/Users".into(),
            data: Some(json!({"userName": "bjensen", "password": SECRET})),
        }],
        ..BulkRequest::default()
    };
    assert_debug_redacted("BulkRequest", &bulk);
    assert!(format!("{bulk:?}").contains("\"/Users\""));
}

/// `#[scim(skip_debug)]` leaves `Debug` to the type's author, who can print the marker with
/// `Redacted`.
#[derive(Clone, PartialEq, Default, ScimResource)]
#[scim(complex, skip_debug)]
pub struct Token {
    #[scim(mutability = "writeOnly")]
    pub value: Option<String>,
    #[scim(other)]
    pub other: OtherAttributes,
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Token({:?})", scim_runtime::redact::Redacted)
    }
}

#[test]
fn skip_debug_leaves_debug_to_the_author() {
    let token: Token = serde_json::from_value(json!({"value": SECRET})).unwrap();
    assert_eq!(format!("{token:?}"), "Token(<redacted>)");
}

/// A resource whose whole extension block is marked sensitive.
#[derive(Clone, PartialEq, Default, ScimResource)]
#[scim(
    resource,
    schema = "urn:example:scim:schemas:core:2.0:Safe",
    name = "Safe",
    endpoint = "/Safes"
)]
pub struct Safe {
    pub id: Option<String>,
    pub external_id: Option<String>,
    pub meta: Option<Meta>,
    #[scim(extension, sensitive)]
    pub hsm: Option<VaultHsm>,
}

#[test]
fn a_sensitive_extension_is_redacted_as_a_whole() {
    let safe: Safe = serde_json::from_value(json!({HSM: {"slot": 31415926}})).unwrap();
    assert_debug_redacted("Safe", &safe);
    assert!(format!("{safe:?}").contains("hsm: <redacted>"));
    let e = scim_runtime::payload::from_value::<Safe>(json!({HSM: {"slot": SECRET}})).unwrap_err();
    assert_hidden("Safe error", &e.to_string());
    assert!(format!("{:?}", Safe::default()).contains("hsm: None"));
}

/// An attribute named with its schema URN that the type keeps among its unknown attributes is
/// still the schema's attribute: a secret there is redacted too.
#[test]
fn urn_qualified_secrets_among_unknown_attributes_are_redacted() {
    let mut vault = Vault::default();
    vault.other.insert(format!("{HSM}:pin"), json!(SECRET));
    vault.other.insert(
        "urn:example:scim:schemas:core:2.0:Vault:PIN".into(),
        json!(SECRET_NUMBER),
    );
    vault.other.insert("colour".into(), json!("red"));
    assert_debug_redacted("Vault.other", &vault);
    assert!(format!("{vault:?}").contains("\"red\""));
    // Read from a payload, by the typed and the dynamic reader alike, in whatever field the
    // reader puts a qualified name.
    let payload = json!({
        format!("{HSM}:pin"): SECRET,
        "urn:example:scim:schemas:core:2.0:Vault:pin": SECRET_NUMBER,
        "colour": "red"
    });
    let typed: Vault = serde_json::from_value(payload.clone()).unwrap();
    assert_debug_redacted("typed Vault", &typed);
    let schemas = Vault::schemas();
    let ty = DynamicType::new("Vault", "/Vaults", &schemas[0], &[(&schemas[1], false)]).unwrap();
    let dynamic = ty.from_value(payload).unwrap();
    assert_debug_redacted("dynamic Vault", &dynamic);
    assert!(format!("{dynamic:?}").contains("\"red\""));
}

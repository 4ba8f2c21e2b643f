//! Payload edges, for generated (`User`, `Group`), derived and dynamic resources alike:
//! URN-qualified names reach their attribute (RFC 7644 §3.10), `schemas` lists what is written,
//! output never holds an empty container (RFC 7643 §2.5), and every input has one behaviour:
//! repeated keys keep the last value, `primary` is counted whether declared or not, and error
//! paths have one format.

use scim_runtime::dynamic::{DynamicResource, DynamicType};
use scim_runtime::payload::{self, PayloadError};
use scim_runtime::{
    Context, Group, OtherAttributes, Projection, Resource, ScimResource, User, ViolationKind,
};
use serde_json::{json, Value};

const USER: &str = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENTERPRISE: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const WIDGET: &str = "urn:example:params:scim:schemas:core:2.0:Widget";
const WIDGET_EXT: &str = "urn:example:params:scim:schemas:extension:shop:2.0:Widget";

/// A derived resource with an extension, a complex value with a `readOnly` sub-attribute and
/// a multi-valued complex attribute that declares no `primary`.
#[derive(Clone, PartialEq, Default, ScimResource)]
#[scim(
    resource,
    schema = "urn:example:params:scim:schemas:core:2.0:Widget",
    name = "Widget",
    endpoint = "/Widgets"
)]
pub struct Widget {
    pub id: Option<String>,
    pub external_id: Option<String>,
    pub meta: Option<scim_runtime::Meta>,
    /// The label.
    pub label: Option<String>,
    /// The parts.
    pub parts: Vec<WidgetPart>,
    #[scim(extension)]
    pub shop: Option<WidgetShop>,
    #[scim(other)]
    pub other: OtherAttributes,
}

/// A part.
#[derive(Clone, PartialEq, Default, ScimResource)]
#[scim(complex)]
pub struct WidgetPart {
    /// The part number.
    pub value: Option<String>,
    /// Set by the server.
    #[scim(mutability = "readOnly")]
    pub display: Option<String>,
    #[scim(other)]
    pub other: OtherAttributes,
}

/// Where the widget is sold.
#[derive(Clone, PartialEq, Default, ScimResource)]
#[scim(
    extension,
    schema = "urn:example:params:scim:schemas:extension:shop:2.0:Widget",
    name = "WidgetShop"
)]
pub struct WidgetShop {
    /// The price tag.
    pub sku: Option<String>,
    /// The seller.
    pub seller: Option<WidgetSeller>,
    #[scim(other)]
    pub other: OtherAttributes,
}

/// The seller.
#[derive(Clone, PartialEq, Default, ScimResource)]
#[scim(complex)]
pub struct WidgetSeller {
    /// The seller's id.
    pub value: Option<String>,
    /// Set by the server.
    #[scim(mutability = "readOnly")]
    pub display_name: Option<String>,
}

fn user_type() -> DynamicType {
    let schemas = User::schemas();
    DynamicType::new("User", "/Users", &schemas[0], &[(&schemas[1], false)]).unwrap()
}

fn widget_type() -> DynamicType {
    let schemas = Widget::schemas();
    DynamicType::new("Widget", "/Widgets", &schemas[0], &[(&schemas[1], false)]).unwrap()
}

fn group_type() -> DynamicType {
    DynamicType::new("Group", "/Groups", &Group::schema(), &[]).unwrap()
}

/// The JSON of `input` read as the typed `T` and as `kind`, in `context`, written in `out`
/// with `projection`; both must agree, and the common answer is returned.
fn both<T: Resource>(
    kind: &DynamicType,
    input: &Value,
    read_in: Context,
    out: Context,
    projection: Option<&Projection>,
) -> Value {
    let typed = T::from_value_in(input.clone(), read_in)
        .unwrap_or_else(|e| panic!("typed refused {input}: {e}"))
        .to_json_in(out, projection);
    let dynamic: DynamicResource = kind
        .from_value_in(input.clone(), read_in)
        .unwrap_or_else(|e| panic!("dynamic refused {input}: {e}"));
    let dynamic = dynamic.to_json_in(out, projection);
    assert_eq!(typed, dynamic, "typed and dynamic differ on {input}");
    typed
}

fn user(input: &Value) -> Value {
    both::<User>(
        &user_type(),
        input,
        Context::Default,
        Context::Default,
        None,
    )
}

fn schemas_of(v: &Value) -> Vec<&str> {
    v["schemas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect()
}

// ---- URN-qualified names (RFC 7644 §3.10) ----

#[test]
fn a_qualified_extension_attribute_fills_the_typed_field() {
    for key in [
        format!("{ENTERPRISE}:employeeNumber"),
        format!("{}:EMPLOYEENUMBER", ENTERPRISE.to_ascii_uppercase()),
        format!("{}:employeenumber", ENTERPRISE.to_ascii_lowercase()),
    ] {
        let input = json!({"schemas": [USER], "userName": "b", key.clone(): "7"});
        let typed: User = payload::from_value(input.clone()).unwrap();
        assert_eq!(
            typed
                .enterprise_user
                .as_ref()
                .and_then(|e| e.employee_number.as_deref()),
            Some("7"),
            "{key}"
        );
        assert!(typed.other.is_empty(), "{key}: {:?}", typed.other);
        let written = user(&input);
        assert_eq!(schemas_of(&written), [USER, ENTERPRISE], "{key}");
        assert_eq!(written[ENTERPRISE], json!({"employeeNumber": "7"}), "{key}");
        // Filters and projections see it where the block would put it.
        let p = Projection::attributes([format!("{ENTERPRISE}:employeeNumber")]);
        let projected = both::<User>(
            &user_type(),
            &input,
            Context::Default,
            Context::QueryResponse,
            Some(&p),
        );
        assert_eq!(
            projected[ENTERPRISE],
            json!({"employeeNumber": "7"}),
            "{key}"
        );
        let filter =
            scim_runtime::filter::parse_filter(&format!("{ENTERPRISE}:employeeNumber eq \"7\""))
                .unwrap();
        use scim_runtime::filter::FilterExt;
        assert!(filter.matches(&typed), "{key}");
    }
}

#[test]
fn a_qualified_complex_extension_attribute_invents_no_schema() {
    let input = json!({"schemas": [USER], "userName": "b",
        format!("{ENTERPRISE}:manager"): {"value": "26118915-6090-4610-87e4-49d8ca9f808d"}});
    let typed: User = payload::from_value(input.clone()).unwrap();
    let manager = typed.enterprise_user.unwrap().manager.unwrap();
    assert_eq!(
        manager.value.as_deref(),
        Some("26118915-6090-4610-87e4-49d8ca9f808d")
    );
    let written = user(&input);
    assert_eq!(schemas_of(&written), [USER, ENTERPRISE]);
    assert_eq!(
        written[ENTERPRISE]["manager"]["value"],
        "26118915-6090-4610-87e4-49d8ca9f808d"
    );
    assert!(written.get(format!("{ENTERPRISE}:manager")).is_none());
}

#[test]
fn a_qualified_core_attribute_is_the_attribute_in_any_case() {
    for key in [
        format!("{USER}:userName"),
        format!("{}:USERNAME", USER.to_ascii_uppercase()),
    ] {
        let input = json!({"schemas": [USER], key.clone(): "bjensen"});
        let written = user(&input);
        assert_eq!(written["userName"], "bjensen", "{key}");
        assert_eq!(schemas_of(&written), [USER], "{key}");
    }
}

/// An extension's block and its qualified names merge; the same attribute given both ways, or
/// a qualified core name beside the plain one, is an attribute given twice, refused in either
/// order (order-independent, so text and parsed JSON, typed and dynamic agree).
#[test]
fn a_qualified_name_and_the_block_merge_and_never_repeat() {
    let q = format!("{ENTERPRISE}:employeeNumber");
    let merged =
        format!(r#"{{"schemas":["{USER}"],"{q}":"1","{ENTERPRISE}":{{"costCenter":"c"}}}}"#);
    let typed = payload::from_str::<User>(&merged).unwrap();
    let written = typed.to_json_in(Context::Default, None);
    assert_eq!(
        written[ENTERPRISE],
        json!({"employeeNumber": "1", "costCenter": "c"})
    );
    let dynamic = user_type().from_str(&merged).unwrap();
    assert_eq!(dynamic.to_json_in(Context::Default, None), written);

    let repeats = [
        format!(r#"{{"{q}":"1","{ENTERPRISE}":{{"employeeNumber":"2"}}}}"#),
        format!(r#"{{"{ENTERPRISE}":{{"employeeNumber":"2"}},"{q}":"1"}}"#),
        format!(r#"{{"{q}":"1","{}":"2"}}"#, q.to_ascii_uppercase()),
        format!(r#"{{"{q}":"1","{q}":"2"}}"#),
        format!(r#"{{"{q}":null,"{q}":"2"}}"#),
        format!(r#"{{"{q}":null,"{}":null}}"#, q.to_ascii_uppercase()),
        format!(r#"{{"{ENTERPRISE}:colour":"1","{ENTERPRISE}":{{"COLOUR":"2"}}}}"#),
        format!(r#"{{"userName":"a","{USER}:userName":"b"}}"#),
        format!(r#"{{"{ENTERPRISE}":{{}},"{ENTERPRISE}":{{"costCenter":"c"}}}}"#),
    ];
    for text in &repeats {
        let typed = payload::from_str::<User>(text).unwrap_err();
        let dynamic = user_type().from_str(text).unwrap_err();
        for err in [&typed, &dynamic] {
            let PayloadError::Invalid {
                scim_type, message, ..
            } = err
            else {
                panic!("{text}: {err:?}")
            };
            assert_eq!(*scim_type, scim_runtime::ScimType::InvalidSyntax, "{text}");
            assert!(message.contains("duplicate attribute"), "{text}: {message}");
        }
        // Parsed first, the same JSON (where it still holds both keys) is refused the same.
        let value: Value = serde_json::from_str(text).unwrap();
        if value.as_object().unwrap().len() == 2 {
            assert!(
                payload::from_value::<User>(value.clone()).is_err(),
                "{text}"
            );
            assert!(user_type().from_value(value).is_err(), "{text}");
        }
    }
}

/// `<URN>:name.givenName` is not an attribute name (RFC 7643 §2.1 names have no `.`; the dotted
/// form belongs to filters, `attributes` and PATCH paths, RFC 7644 §3.10): it stays an unknown
/// attribute, kept as sent, the same for typed and dynamic resources.
#[test]
fn a_qualified_sub_attribute_key_stays_unknown() {
    let key = format!("{USER}:name.givenName");
    let input = json!({"schemas": [USER], "userName": "b", key.clone(): "Barbara"});
    let typed: User = payload::from_value(input.clone()).unwrap();
    assert!(typed.name.is_none());
    assert_eq!(typed.other[&key], "Barbara");
    let written = user(&input);
    assert_eq!(written[&key], "Barbara");
    assert_eq!(schemas_of(&written), [USER]);
}

#[test]
fn derived_extensions_take_qualified_names() {
    let input = json!({"schemas": [WIDGET], "label": "w",
        format!("{WIDGET_EXT}:sku"): "S-1",
        format!("{WIDGET_EXT}:seller"): {"value": "s"}});
    let typed: Widget = payload::from_value(input.clone()).unwrap();
    let shop = typed.shop.as_ref().unwrap();
    assert_eq!(shop.sku.as_deref(), Some("S-1"));
    assert_eq!(shop.seller.as_ref().unwrap().value.as_deref(), Some("s"));
    let written = both::<Widget>(
        &widget_type(),
        &input,
        Context::Default,
        Context::Default,
        None,
    );
    assert_eq!(schemas_of(&written), [WIDGET, WIDGET_EXT]);
    assert_eq!(
        written[WIDGET_EXT],
        json!({"sku": "S-1", "seller": {"value": "s"}})
    );
}

// ---- `schemas` on output ----

#[test]
fn schemas_never_lists_a_block_the_projection_or_context_leaves_out() {
    let input = json!({"schemas": [USER, ENTERPRISE, "urn:example:ext:1.0:Foo"], "userName": "b",
        ENTERPRISE: {"employeeNumber": "7"},
        "urn:example:ext:1.0:Foo": {"bar": 1}});
    let written = user(&input);
    assert_eq!(
        schemas_of(&written),
        [USER, ENTERPRISE, "urn:example:ext:1.0:Foo"]
    );
    let p = Projection::attributes(["userName"]);
    let projected = both::<User>(
        &user_type(),
        &input,
        Context::Default,
        Context::QueryResponse,
        Some(&p),
    );
    assert_eq!(schemas_of(&projected), [USER], "{projected}");
    let p = Projection::excluded_attributes([ENTERPRISE, "urn:example:ext:1.0:foo"]);
    let projected = both::<User>(
        &user_type(),
        &input,
        Context::Default,
        Context::QueryResponse,
        Some(&p),
    );
    assert_eq!(schemas_of(&projected), [USER], "{projected}");
    assert!(projected.get(ENTERPRISE).is_none());
    assert!(projected.get("urn:example:ext:1.0:Foo").is_none());
}

/// An object under the core schema's own URN, or under `<known URN>:<attribute>`, is an
/// unknown attribute, not a schema: `schemas` never names it, nor the core schema twice.
#[test]
fn schemas_never_lists_an_attribute_path_or_a_duplicate() {
    let input = json!({"schemas": [USER], "userName": "b",
        USER: {"x": 1},
        format!("{}:colour", USER.to_ascii_lowercase()): {"r": 1},
        format!("{ENTERPRISE}:unknownThing"): {"a": 1}});
    for (out, p) in [
        (Context::Default, None),
        (
            Context::QueryResponse,
            Some(Projection::excluded_attributes(["nickName"])),
        ),
    ] {
        let written = both::<User>(&user_type(), &input, Context::Default, out, p.as_ref());
        let schemas = schemas_of(&written);
        assert_eq!(schemas.first(), Some(&USER), "{written}");
        let mut deduped = schemas.clone();
        deduped.sort_unstable_by_key(|s| s.to_ascii_lowercase());
        deduped.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
        assert_eq!(deduped.len(), schemas.len(), "{written}");
        for s in &schemas {
            assert!(
                [USER, ENTERPRISE].contains(s),
                "{s} is not a schema: {written}"
            );
        }
    }
}

/// A block whose attributes are all `readOnly` is left out of a creation request, with its
/// `schemas` entry.
#[test]
fn an_extension_emptied_by_the_context_is_not_listed() {
    let input = json!({"schemas": [WIDGET, WIDGET_EXT], "label": "w",
        WIDGET_EXT: {"seller": {"displayName": "Shop"}}});
    let written = both::<Widget>(
        &widget_type(),
        &input,
        Context::Default,
        Context::CreationRequest,
        None,
    );
    assert_eq!(schemas_of(&written), [WIDGET], "{written}");
    assert!(written.get(WIDGET_EXT).is_none(), "{written}");
}

// ---- no empty containers (RFC 7643 §2.5) ----

#[test]
fn a_projection_that_empties_a_complex_value_omits_it() {
    let input = json!({"schemas": [USER], "userName": "b", "name": {"givenName": "B"},
        "emails": [{"value": "a@example.com"}, {"value": "b@example.com"}]});
    let projections = [
        Projection::attributes(["name.middleName"]),
        Projection::attributes(["emails.display"]),
        Projection::attributes(["NAME.MIDDLENAME,emails.display"]),
        Projection::excluded_attributes(["name.givenName", "emails.value"]),
    ];
    for p in projections {
        let written = both::<User>(
            &user_type(),
            &input,
            Context::Default,
            Context::QueryResponse,
            Some(&p),
        );
        assert!(written.get("name").is_none(), "{p:?}: {written}");
        assert!(written.get("emails").is_none(), "{p:?}: {written}");
    }
}

#[test]
fn a_context_that_empties_a_complex_value_omits_it() {
    // A creation request whose manager holds only the readOnly displayName.
    let input = json!({"schemas": [USER, ENTERPRISE], "userName": "b",
        ENTERPRISE: {"manager": {"displayName": "John"}}});
    let typed: User = payload::from_value(input.clone()).unwrap();
    for written in [
        typed.to_json_in(Context::CreationRequest, None),
        serde_json::to_value(typed.in_context(Context::CreationRequest, None)).unwrap(),
        serde_json::from_str(&typed.to_string_in(Context::CreationRequest, None)).unwrap(),
        user_type()
            .from_value(input.clone())
            .unwrap()
            .to_json_in(Context::CreationRequest, None),
    ] {
        assert_eq!(written, json!({"schemas": [USER], "userName": "b"}));
    }
    // Read in the creation request, the emptied manager and block are unassigned.
    let read = User::from_value_in(input.clone(), Context::CreationRequest).unwrap();
    assert_eq!(read.enterprise_user, None);
    let dynamic = user_type()
        .from_value_in(input.clone(), Context::CreationRequest)
        .unwrap();
    assert!(
        dynamic.as_json().get(ENTERPRISE).is_none(),
        "{:?}",
        dynamic.as_json()
    );
    // Multi-valued values holding only readOnly sub-attributes: no `[{}, {}]`.
    let input = json!({"schemas": [WIDGET], "label": "w",
        "parts": [{"display": "a"}, {"display": "b"}]});
    let widget: Widget = payload::from_value(input.clone()).unwrap();
    assert_eq!(widget.parts.len(), 2);
    let written = both::<Widget>(
        &widget_type(),
        &input,
        Context::Default,
        Context::CreationRequest,
        None,
    );
    assert_eq!(written, json!({"schemas": [WIDGET], "label": "w"}));
}

#[test]
fn unknown_extension_blocks_follow_attributes_and_excluded_attributes() {
    let foo = "urn:example:ext:1.0:Foo";
    let input = json!({"schemas": [USER, foo], "userName": "b",
        foo: {"bar": 1, "baz": {"x": 1, "y": 2}}, "colour": {"r": 1, "g": 2}});
    let cases: [(Projection, Value); 7] = [
        (
            Projection::attributes([foo]),
            json!({"schemas": [USER, foo], foo: {"bar": 1, "baz": {"x": 1, "y": 2}}}),
        ),
        (
            Projection::attributes([foo.to_ascii_uppercase()]),
            json!({"schemas": [USER, foo], foo: {"bar": 1, "baz": {"x": 1, "y": 2}}}),
        ),
        (
            Projection::excluded_attributes([foo]),
            json!({"schemas": [USER], "userName": "b", "colour": {"r": 1, "g": 2}}),
        ),
        (
            Projection::attributes([format!("{foo}:BAR")]),
            json!({"schemas": [USER, foo], foo: {"bar": 1}}),
        ),
        (
            Projection::attributes([format!("{foo}:baz.x")]),
            json!({"schemas": [USER, foo], foo: {"baz": {"x": 1}}}),
        ),
        (
            Projection::attributes(["COLOUR.g"]),
            json!({"schemas": [USER], "colour": {"g": 2}}),
        ),
        (
            Projection::attributes(["colour.none", &format!("{foo}:none")]),
            json!({"schemas": [USER]}),
        ),
    ];
    for (p, expected) in cases {
        let written = both::<User>(
            &user_type(),
            &input,
            Context::Default,
            Context::QueryResponse,
            Some(&p),
        );
        // `id` is returned always but absent here.
        assert_eq!(written, expected, "{p:?}");
    }
}

// ---- one behaviour for typed and dynamic ----

/// An error without its position (parsed JSON has none to give).
fn error_text(e: PayloadError) -> String {
    match e {
        PayloadError::Invalid {
            scim_type,
            path,
            message,
            ..
        } => format!("{scim_type} at `{path}`: {message}"),
        other => other.to_string(),
    }
}

fn outcome_text(kind: &DynamicType, text: &str) -> (Result<Value, String>, Result<Value, String>) {
    let typed = payload::from_str::<User>(text)
        .map(|u| u.to_json_in(Context::Default, None))
        .map_err(error_text);
    let dynamic = kind
        .from_str(text)
        .map(|d| d.to_json_in(Context::Default, None))
        .map_err(error_text);
    (typed, dynamic)
}

/// A key repeated exactly, or in another spelling (RFC 7643 §2.1), is refused as
/// `invalidSyntax` by typed and dynamic readers alike, at the top level, in complex values and
/// in extension blocks, known attribute or not. Which value is "last" depends on key order,
/// which parsed JSON (a sorted map) has lost, so keeping the last would make text and parsed
/// input disagree. Inside an unknown attribute's value keys are JSON's: the last is kept.
#[test]
fn repeated_keys_are_refused_everywhere() {
    for text in [
        r#"{"userName":"x","userName":"y"}"#,
        r#"{"userName":"x","USERNAME":"y"}"#,
        r#"{"colour":"red","colour":"y"}"#,
        r#"{"colour":"red","COLOUR":"y"}"#,
        r#"{"name":{"givenName":"x","givenname":"y"}}"#,
        r#"{"name":{"givenName":"x","givenName":"y"}}"#,
        r#"{"name":{"colour":"x","Colour":"y"}}"#,
        r#"{"emails":[{"value":"x","value":"y"}]}"#,
        r#"{"schemas":null,"SCHEMAS":null}"#,
        r#"{"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"x"},"URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER":{"employeeNumber":"y"}}"#,
        r#"{"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"x","employeeNumber":"y"}}"#,
        r#"{"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"colour":"x","colour":"y"}}"#,
    ] {
        let (typed, dynamic) = outcome_text(&user_type(), text);
        let typed = typed.unwrap_err();
        assert!(typed.contains("duplicate attribute"), "{text}: {typed}");
        assert_eq!(Err(typed), dynamic, "{text}");
    }
    let text = r#"{"colour":{"r":1,"r":2,"R":3}}"#;
    let (typed, dynamic) = outcome_text(&user_type(), text);
    assert_eq!(typed, dynamic);
    assert_eq!(typed.unwrap()["colour"], json!({"r": 2, "R": 3}));
}

/// Two `primary: true` values are a violation (RFC 7643 §2.4) whether or not the attribute's
/// schema declares `primary`: `members` of a Group and a derived type's `parts` do not.
#[test]
fn two_primary_values_are_reported_when_primary_is_not_declared() {
    let group = json!({"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
        "displayName": "g", "members": [{"value": "a", "primary": true}, {"value": "b", "PRIMARY": true}]});
    let typed = Group::from_value_in(group.clone(), Context::CreationRequest).unwrap_err();
    let dynamic = group_type()
        .from_value_in(group, Context::CreationRequest)
        .unwrap_err();
    for err in [typed, dynamic] {
        let PayloadError::Violations(v) = err else {
            panic!("{err:?}")
        };
        assert_eq!(v.0.len(), 1, "{v}");
        assert_eq!(v.0[0].path, "members");
        assert_eq!(v.0[0].kind, ViolationKind::PrimaryNotUnique);
    }
    let widget = json!({"schemas": [WIDGET], "parts": [{"value": "a", "primary": true}, {"value": "b", "primary": true}]});
    let typed = Widget::from_value_in(widget.clone(), Context::ReplacementRequest).unwrap_err();
    let dynamic = widget_type()
        .from_value_in(widget, Context::ReplacementRequest)
        .unwrap_err();
    for err in [typed, dynamic] {
        let PayloadError::Violations(v) = err else {
            panic!("{err:?}")
        };
        assert_eq!(v.0[0].path, "parts");
        assert_eq!(v.0[0].kind, ViolationKind::PrimaryNotUnique);
    }
}

fn invalid_path(result: Result<impl std::fmt::Debug, PayloadError>) -> String {
    match result {
        Err(PayloadError::Invalid { path, .. }) => path,
        other => panic!("expected an invalid-value error, got {other:?}"),
    }
}

/// Payload errors name the attribute as violations do (RFC 7644 §3.10): an extension's
/// attribute as `<URN>:<attribute>`, sent in the block or by its qualified name, values by
/// index.
#[test]
fn error_paths_have_one_format() {
    let cases = [
        (
            json!({ENTERPRISE: {"manager": {"value": ["x"]}}}),
            format!("{ENTERPRISE}:manager.value"),
        ),
        (
            json!({format!("{ENTERPRISE}:manager"): {"value": ["x"]}}),
            format!("{ENTERPRISE}:manager.value"),
        ),
        (
            json!({format!("{ENTERPRISE}:employeeNumber"): 7}),
            format!("{ENTERPRISE}:employeeNumber"),
        ),
        (
            json!({"emails": [{"value": "a"}, {"primary": "maybe"}]}),
            "emails[1].primary".to_owned(),
        ),
    ];
    for (input, expected) in cases {
        let typed = invalid_path(payload::from_value::<User>(input.clone()));
        let text = invalid_path(payload::from_str::<User>(&input.to_string()));
        let dynamic = invalid_path(user_type().from_value(input.clone()));
        assert_eq!(typed, expected, "{input}");
        assert_eq!(text, expected, "{input}");
        assert_eq!(dynamic, expected, "{input}");
    }
    // A violation inside the extension has the same format, however the block was sent.
    for body in [
        json!({"schemas": [USER], "userName": "b",
            format!("{ENTERPRISE}:manager"): {"value": "m", "bogus": 1}}),
        json!({"schemas": [USER], "userName": "b",
            ENTERPRISE: {"manager": {"value": "m", "bogus": 1}}}),
    ] {
        let typed: User = payload::from_value(body.clone()).unwrap();
        let dynamic = user_type().from_value(body.clone()).unwrap();
        for v in [
            typed.validate_strict(Context::CreationRequest).unwrap_err(),
            dynamic
                .validate_strict(Context::CreationRequest)
                .unwrap_err(),
        ] {
            let paths: Vec<&str> = v.iter().map(|v| v.path.as_str()).collect();
            assert_eq!(paths, [format!("{ENTERPRISE}:manager.bogus")], "{body}");
        }
    }
}

/// Violations come in one order for typed and dynamic resources: common attributes, the
/// schema's, the extensions, then unknown attributes (found by the `payload_parity` fuzzer).
#[test]
fn violations_come_in_one_order() {
    let input = json!({"userName": "b",
        format!("{ENTERPRISE}:employeeNumberEmails"): "7",
        "urn:ietf:params:scim:schemas:extnension:enterprise:2.0:User:manager": {"value": "m"},
        "meta": {"bogus": 1}});
    let typed: User = payload::from_value(input.clone()).unwrap();
    let dynamic = user_type().from_value(input).unwrap();
    for context in Context::ALL {
        let t = typed.validate_strict(context).unwrap_err();
        let d = dynamic.validate_strict(context).unwrap_err();
        assert_eq!(t, d, "{context:?}");
        // Responses also miss the `returned: always` id, which comes first.
        let paths: Vec<&str> = t
            .iter()
            .map(|v| v.path.as_str())
            .filter(|p| *p != "id")
            .collect();
        assert_eq!(
            paths,
            [
                "meta.bogus",
                &format!("{ENTERPRISE}:employeeNumberEmails"),
                "urn:ietf:params:scim:schemas:extnension:enterprise:2.0:User:manager"
            ],
            "{context:?}"
        );
    }
}

/// `schemas` in another spelling is refused alike, at the name as sent, as `invalidSyntax`
/// (found by the `payload_parity` fuzzer).
#[test]
fn schemas_in_another_spelling_is_checked_alike() {
    for input in [
        json!({"scheMas": ["urn:x"], "userName": "b"}),
        json!({"SCHEMAS": "x", "userName": "b"}),
        json!({"Schemas": [1], "userName": "b"}),
    ] {
        let typed = payload::from_str::<User>(&input.to_string()).unwrap_err();
        let dynamic = user_type().from_value(input.clone()).unwrap_err();
        let parts = |e: PayloadError| match e {
            PayloadError::Invalid {
                scim_type, path, ..
            } => (scim_type, path),
            other => panic!("{other:?}"),
        };
        assert_eq!(parts(typed), parts(dynamic), "{input}");
    }
}

/// serde_json reserves the key `$serde_json::private::Number` (an object whose first key it is
/// reads as a number under `arbitrary_precision`), so parsed JSON cannot hold it as an
/// attribute. Typed and dynamic readers refuse it alike wherever they read attributes, first
/// key or not, with the same path and `scimType`. (Found by the `payload_parity` fuzz target.)
#[test]
fn the_reserved_number_key_is_refused_alike() {
    let ty = user_type();
    let key = "$serde_json::private::Number";
    for (text, path) in [
        (format!(r#"{{"{key}":"b","userName":"x"}}"#), key.to_owned()),
        (format!(r#"{{"userName":"x","{key}":"b"}}"#), key.to_owned()),
        (
            format!(r#"{{"userName":"x","name":{{"givenName":"B","{key}":"1"}}}}"#),
            format!("name.{key}"),
        ),
        (
            format!(r#"{{"userName":"x","groups":[{{"{key}":1}}]}}"#),
            format!("groups[0].{key}"),
        ),
    ] {
        let typed = payload::from_str::<User>(&text).unwrap_err();
        let dynamic = ty.from_str(&text).unwrap_err();
        for e in [&typed, &dynamic] {
            match e {
                PayloadError::Invalid {
                    scim_type, path: p, ..
                } => {
                    assert_eq!(
                        *scim_type,
                        scim_runtime::ScimType::InvalidValue,
                        "{text}: {e}"
                    );
                    assert_eq!(*p, path, "{text}: {e}");
                }
                other => panic!("{text}: {other:?}"),
            }
        }
    }
    // Inside an unknown attribute's value the key is JSON's, for both readers alike.
    let text = format!(r#"{{"userName":"x","x-extra":{{"a":1,"{key}":"b"}}}}"#);
    let (typed, dynamic) = outcome_text(&ty, &text);
    assert_eq!(typed, dynamic);
}

/// Every attribute name of the full RFC 7643 §8.2 / §8.3 user, at every level, in upper case,
/// lower case and alternating case reads as the names the RFC writes (RFC 7643 §2.1), for
/// typed and dynamic resources alike; URNs keep their case, as servers send them.
#[test]
fn every_name_in_every_case_reads_as_written() {
    fn respell(value: &Value, spell: &dyn Fn(&str) -> String) -> Value {
        match value {
            Value::Object(map) => Value::Object(
                map.iter()
                    .map(|(k, v)| {
                        let k = if k.starts_with("urn:") {
                            k.clone()
                        } else {
                            spell(k)
                        };
                        (k, respell(v, spell))
                    })
                    .collect(),
            ),
            Value::Array(items) => Value::Array(items.iter().map(|v| respell(v, spell)).collect()),
            other => other.clone(),
        }
    }
    let mut full = crate::fixtures::full_enterprise_user();
    // The §8.7.1 schema declares no `primary` for addresses: an unknown attribute, kept as
    // spelt, which is another test's business.
    for address in full["addresses"].as_array_mut().unwrap() {
        address.as_object_mut().unwrap().remove("primary");
    }
    let expected = user(&full);
    assert!(expected["addresses"][0].get("primary").is_none());
    assert!(expected["name"]["givenName"] == "Barbara" && expected["x509Certificates"].is_array());
    let alternate = |k: &str| -> String {
        k.chars()
            .enumerate()
            .map(|(i, c)| {
                if i % 2 == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    };
    let spellings: [&dyn Fn(&str) -> String; 3] = [
        &|k| k.to_ascii_uppercase(),
        &|k| k.to_ascii_lowercase(),
        &alternate,
    ];
    for spell in spellings {
        let input = respell(&full, spell);
        assert_eq!(user(&input), expected, "{input}");
        let text = serde_json::to_string(&input).unwrap();
        let (typed, dynamic) = outcome_text(&user_type(), &text);
        assert_eq!(typed.as_ref(), Ok(&expected));
        assert_eq!(typed, dynamic);
    }
}

/// Names that only look like an attribute stay unknown attributes: a non-ASCII letter, which
/// RFC 7643 §2.1's case-insensitivity does not fold, a name longer than any attribute's, and
/// one a letter short or long; a name in two spellings is one attribute given twice.
#[test]
fn near_names_stay_unknown_and_two_spellings_are_one_name() {
    let long = "username".repeat(40);
    for key in [
        "userNamé",
        "USERNAMÉ",
        "userNam",
        "userNames",
        long.as_str(),
        "SCHEMA",
        "",
    ] {
        let input = json!({"schemas": [USER], "userName": "bjensen", key: "x"});
        let out = user(&input);
        assert_eq!(out["userName"], "bjensen", "{key}");
        assert_eq!(out[key], "x", "{key:?} is kept as an unknown attribute");
    }
    for (a, b) in [
        ("userName", "USERNAME"),
        ("schemas", "SCHEMAS"),
        ("name", "Name"),
    ] {
        let text = format!(r#"{{"schemas":["{USER}"],"{a}":null,"{b}":null}}"#);
        let (typed, dynamic) = outcome_text(&user_type(), &text);
        let err = typed.clone().unwrap_err();
        assert!(err.contains("duplicate attribute"), "{text}: {err}");
        assert_eq!(typed, dynamic, "{text}");
    }
}

//! Typed paths of generated types: the generator's output gets them from the derive like any
//! type, so every case of the corpus that compiles has them; this checks their wire forms and
//! definitions on the type with an attribute of every SCIM type, and the typed PATCH builder
//! on it.

use scim_runtime::attribute::{AttributeType, Mutability};
use scim_runtime::message::PatchOp;
use scim_runtime::path::{IntoAttrPath, TypedPath};
use scim_runtime::{DateTime, Decimal};

use crate::group_scim_sdk_captaingoldfish_all_types::{AllTypes, Complex, MultiComplex};

const ENTERPRISE: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

#[test]
fn generated_types_have_typed_paths() {
    let p = AllTypes::paths();
    let cases: Vec<(String, &str, AttributeType, bool)> = vec![
        (
            p.string().to_string(),
            "string",
            p.string().def().ty,
            p.string().def().multi_valued,
        ),
        (p.binary().to_string(), "binary", p.binary().def().ty, false),
        (p.number().to_string(), "number", p.number().def().ty, false),
        (
            p.decimal().to_string(),
            "decimal",
            p.decimal().def().ty,
            false,
        ),
        (p.bool().to_string(), "bool", p.bool().def().ty, false),
        (p.date().to_string(), "date", p.date().def().ty, false),
        (
            p.string_array().to_string(),
            "stringArray",
            p.string_array().def().ty,
            p.string_array().def().multi_valued,
        ),
        (
            p.date_array().to_string(),
            "dateArray",
            p.date_array().def().ty,
            p.date_array().def().multi_valued,
        ),
        (
            p.complex().decimal().to_string(),
            "complex.decimal",
            p.complex().decimal().def().ty,
            false,
        ),
        (
            p.multi_complex().date().to_string(),
            "multiComplex.date",
            p.multi_complex().date().def().ty,
            false,
        ),
        (
            p.multi_complex().number_array().to_string(),
            "multiComplex.numberArray",
            p.multi_complex().number_array().def().ty,
            true,
        ),
    ];
    let types = [
        AttributeType::String,
        AttributeType::Binary,
        AttributeType::Integer,
        AttributeType::Decimal,
        AttributeType::Boolean,
        AttributeType::DateTime,
        AttributeType::String,
        AttributeType::DateTime,
        AttributeType::Decimal,
        AttributeType::DateTime,
        AttributeType::Integer,
    ];
    for ((text, wire, ty, multi), expected) in cases.iter().zip(types) {
        assert_eq!(text, wire);
        assert_eq!(*ty, expected, "the type of {wire}");
        assert_eq!(*multi, wire.ends_with("Array"), "multi-valued {wire}");
    }
    let manager = p.enterprise_user().manager().display_name();
    assert_eq!(
        manager.to_string(),
        format!("{ENTERPRISE}:manager.displayName")
    );
    assert_eq!(manager.def().mutability, Mutability::ReadOnly);
    assert_eq!(
        manager.into_attr_path().map(|a| a.to_string()),
        Ok(format!("{ENTERPRISE}:manager.displayName"))
    );
    assert_eq!(
        p.meta().last_modified().path_text(),
        "meta.lastModified",
        "the common attributes"
    );

    // The builder takes the generated value types.
    let date: DateTime = "2024-05-01T10:00:00Z".parse().unwrap();
    let op = PatchOp::<AllTypes>::default()
        .replace(p.decimal(), "1.5".parse::<Decimal>().unwrap())
        .add(p.date_array(), vec![date.clone()])
        .replace(p.complex(), Complex::default())
        .add(p.multi_complex(), MultiComplex::default())
        .replace(p.multi_complex().date(), date);
    let json = serde_json::to_value(&op).unwrap();
    let paths: Vec<_> = json["Operations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["path"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        paths,
        [
            "decimal",
            "dateArray",
            "complex",
            "multiComplex",
            "multiComplex.date"
        ]
    );
}

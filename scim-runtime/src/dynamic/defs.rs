//! Run-time schemas as the same `'static` metadata tables the derive builds at compile time.
//!
//! The tables are interned: each distinct Schema document is turned into tables once per
//! process and then shared, so rediscovering a server's schemas does not grow memory.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use crate::meta::{AttributeDef, AttributeType, SchemaDef};
use crate::schema::{Attribute, Schema};

/// Why a Schema document cannot describe resources.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("schema `{schema}`, attribute `{path}`: {message}")]
pub struct SchemaError {
    /// The schema URN.
    pub schema: String,
    /// The attribute path.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

fn leak_str(s: &str) -> &'static str {
    Box::leak(s.to_owned().into_boxed_str())
}

fn leak_strs(items: impl Iterator<Item = String>) -> &'static [&'static str] {
    let v: Vec<&'static str> = items.map(|s| leak_str(&s)).collect();
    Box::leak(v.into_boxed_slice())
}

fn attribute_def(schema: &str, parent: &str, a: &Attribute) -> Result<AttributeDef, SchemaError> {
    let path = if parent.is_empty() {
        a.name.clone()
    } else {
        format!("{parent}.{}", a.name)
    };
    let ty = AttributeType::from_rfc_name(&a.ty)
        .or_else(|| {
            // The spellings real servers use (lower-case `datetime`, `bool`, `int`).
            let lower = a.ty.to_ascii_lowercase();
            Some(match lower.as_str() {
                "string" => AttributeType::String,
                "boolean" | "bool" => AttributeType::Boolean,
                "decimal" => AttributeType::Decimal,
                "integer" | "int" => AttributeType::Integer,
                "datetime" => AttributeType::DateTime,
                "binary" => AttributeType::Binary,
                "reference" => AttributeType::Reference,
                "complex" => AttributeType::Complex,
                _ => return None,
            })
        })
        .ok_or_else(|| SchemaError {
            schema: schema.to_owned(),
            path: path.clone(),
            message: format!("unknown type `{}`", a.ty),
        })?;
    let subs = a
        .sub_attributes()
        .iter()
        .map(|s| attribute_def(schema, &path, s))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(AttributeDef {
        name: leak_str(&a.name),
        ty,
        multi_valued: a.is_multi_valued(),
        required: a.is_required(),
        case_exact: a.is_case_exact(),
        mutability: a.effective_mutability(),
        returned: a.effective_returned(),
        uniqueness: a.effective_uniqueness(),
        canonical_values: leak_strs(a.canonical_values.iter().flatten().map(|v| match v {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        })),
        reference_types: leak_strs(a.reference_types.iter().flatten().cloned()),
        sub_attributes: if ty == AttributeType::Complex {
            Box::leak(subs.into_boxed_slice())
        } else {
            &[]
        },
        description: leak_str(a.description.as_deref().unwrap_or_default()),
    })
}

/// The static tables of a Schema document, built once per distinct document.
///
/// # Errors
///
/// [`SchemaError`] for an attribute whose type is not a SCIM type.
pub fn schema_def(schema: &Schema) -> Result<&'static SchemaDef, SchemaError> {
    static INTERNED: OnceLock<Mutex<HashMap<String, &'static SchemaDef>>> = OnceLock::new();
    let key = serde_json::to_string(schema).unwrap_or_default();
    let interned = INTERNED.get_or_init(Default::default);
    if let Some(def) = interned.lock().unwrap_or_else(|p| p.into_inner()).get(&key) {
        return Ok(def);
    }
    let attributes = schema
        .attributes
        .iter()
        // The common attributes are not part of a schema (RFC 7643 §3.1); some servers list them.
        .filter(|a| {
            !["id", "externalId", "meta", "schemas"]
                .iter()
                .any(|c| c.eq_ignore_ascii_case(&a.name))
        })
        .map(|a| attribute_def(&schema.id, "", a))
        .collect::<Result<Vec<_>, _>>()?;
    let def: &'static SchemaDef = Box::leak(Box::new(SchemaDef {
        id: leak_str(&schema.id),
        name: leak_str(schema.name.as_deref().unwrap_or_default()),
        description: leak_str(schema.description.as_deref().unwrap_or_default()),
        attributes: Box::leak(attributes.into_boxed_slice()),
    }));
    Ok(*interned
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .entry(key)
        .or_insert(def))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Resource;

    #[test]
    fn a_schema_document_gives_back_the_derived_tables() {
        let from_document = schema_def(&crate::User::schema()).unwrap();
        assert_eq!(from_document, crate::User::SCHEMA);
        assert!(
            std::ptr::eq(from_document, schema_def(&crate::User::schema()).unwrap()),
            "interned"
        );
    }
}

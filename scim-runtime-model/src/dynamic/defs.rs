//! Run-time schemas as the same `'static` metadata tables the derive builds at compile time.
//!
//! The tables are hash-consed: each distinct piece (a name, a list of canonical values, an
//! attribute table, a schema) is built once per process and then shared, so rediscovering a
//! server's schemas does not grow memory, and two servers with the same attributes share them.

use std::collections::HashSet;
use std::sync::{Mutex, OnceLock};

use crate::attribute::{AttributeDef, AttributeType, SchemaDef};
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

/// Every table ever built, hash-consed: a string, a list of strings, an attribute table or a
/// schema is leaked once per distinct content and shared by every later schema that holds the
/// same content. The tables must be `'static` (generated code builds them as `const` data, and
/// the engines take `&'static [AttributeDef]`), so memory is bounded by the distinct schema
/// content a process sees, never by how often it reads schemas: rediscovering a server, even
/// one that stamps a new `meta.lastModified` or reorders its keys each time, allocates nothing
/// that stays.
#[derive(Default)]
struct Interner {
    strs: HashSet<&'static str>,
    str_lists: HashSet<&'static [&'static str]>,
    tables: HashSet<&'static [AttributeDef]>,
    schemas: HashSet<&'static SchemaDef>,
}

impl Interner {
    fn str(&mut self, s: &str) -> &'static str {
        if let Some(interned) = self.strs.get(s) {
            return interned;
        }
        let leaked: &'static str = Box::leak(s.to_owned().into_boxed_str());
        self.strs.insert(leaked);
        leaked
    }

    fn strs(&mut self, items: impl Iterator<Item = String>) -> &'static [&'static str] {
        let list: Vec<&'static str> = items.map(|s| self.str(&s)).collect();
        if let Some(interned) = self.str_lists.get(list.as_slice()) {
            return interned;
        }
        let leaked: &'static [&'static str] = Box::leak(list.into_boxed_slice());
        self.str_lists.insert(leaked);
        leaked
    }

    fn table(&mut self, table: Vec<AttributeDef>) -> &'static [AttributeDef] {
        if let Some(interned) = self.tables.get(table.as_slice()) {
            return interned;
        }
        let leaked: &'static [AttributeDef] = Box::leak(table.into_boxed_slice());
        self.tables.insert(leaked);
        leaked
    }

    fn schema(&mut self, def: SchemaDef) -> &'static SchemaDef {
        if let Some(interned) = self.schemas.get(&def) {
            return interned;
        }
        let leaked: &'static SchemaDef = Box::leak(Box::new(def));
        self.schemas.insert(leaked);
        leaked
    }

    fn attribute(
        &mut self,
        schema: &str,
        parent: &str,
        a: &Attribute,
    ) -> Result<AttributeDef, SchemaError> {
        let path = if parent.is_empty() {
            a.name.clone()
        } else {
            format!("{parent}.{}", a.name)
        };
        let ty = attribute_type(&a.ty).ok_or_else(|| SchemaError {
            schema: schema.to_owned(),
            path: path.clone(),
            message: format!("unknown type `{}`", a.ty),
        })?;
        let sub_attributes = if ty == AttributeType::Complex {
            let subs = a
                .sub_attributes()
                .iter()
                .map(|s| self.attribute(schema, &path, s))
                .collect::<Result<Vec<_>, _>>()?;
            self.table(subs)
        } else {
            // Sub-attributes of a non-complex attribute mean nothing; they are still checked
            // for unknown types, so a broken document is reported wherever it breaks.
            for s in a.sub_attributes() {
                attribute_type(&s.ty).ok_or_else(|| SchemaError {
                    schema: schema.to_owned(),
                    path: format!("{path}.{}", s.name),
                    message: format!("unknown type `{}`", s.ty),
                })?;
            }
            &[]
        };
        Ok(AttributeDef {
            name: self.str(&a.name),
            ty,
            multi_valued: a.is_multi_valued(),
            required: a.is_required(),
            case_exact: a.is_case_exact(),
            mutability: a.effective_mutability(),
            returned: a.effective_returned(),
            uniqueness: a.effective_uniqueness(),
            canonical_values: self.strs(a.canonical_values.iter().flatten().map(|v| match v {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            })),
            reference_types: self.strs(a.reference_types.iter().flatten().cloned()),
            sub_attributes,
            description: self.str(a.description.as_deref().unwrap_or_default()),
        })
    }
}

/// The SCIM type of a Schema document's `type`, also in the spellings real servers use
/// (lower-case `datetime`, `bool`, `int`).
fn attribute_type(name: &str) -> Option<AttributeType> {
    AttributeType::from_rfc_name(name).or_else(|| {
        Some(match name.to_ascii_lowercase().as_str() {
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
}

/// The static tables of a Schema document. Tables with the same content are shared: building
/// them again, for the same document or one that differs only in what the tables do not hold
/// (`meta`, unknown keys, key order), returns the same `&'static SchemaDef` and keeps nothing
/// new in memory.
///
/// # Errors
///
/// [`SchemaError`] for an attribute whose type is not a SCIM type.
pub fn schema_def(schema: &Schema) -> Result<&'static SchemaDef, SchemaError> {
    static INTERNER: OnceLock<Mutex<Interner>> = OnceLock::new();
    let mut interner = INTERNER
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    let attributes = schema
        .attributes
        .iter()
        // The common attributes are not part of a schema (RFC 7643 §3.1); some servers list them.
        .filter(|a| {
            !["id", "externalId", "meta", "schemas"]
                .iter()
                .any(|c| c.eq_ignore_ascii_case(&a.name))
        })
        .map(|a| interner.attribute(&schema.id, "", a))
        .collect::<Result<Vec<_>, _>>()?;
    let def = SchemaDef {
        id: interner.str(&schema.id),
        name: interner.str(schema.name.as_deref().unwrap_or_default()),
        description: interner.str(schema.description.as_deref().unwrap_or_default()),
        attributes: interner.table(attributes),
    };
    Ok(interner.schema(def))
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

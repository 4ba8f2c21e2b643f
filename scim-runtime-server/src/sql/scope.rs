//! Attribute paths resolved against the metadata: which JSON member holds an attribute, and
//! its definition.

use scim_runtime_model::attribute::{
    find_attribute, AttributeDef, AttributeType, SchemaDef, COMMON_ATTRIBUTES, SCHEMAS_ATTRIBUTE,
};
use scim_runtime_model::path::AttrPath;

use super::dialect::Dialect;
use super::error::{Clause, SqlError, Untranslatable};

/// The schemas of the resources of one table: the core schema and its extensions.
#[derive(Debug, Clone)]
pub(super) struct Schemas {
    pub(super) core: &'static SchemaDef,
    pub(super) extensions: Vec<&'static SchemaDef>,
}

/// What the names of a filter are resolved in.
#[derive(Debug, Clone, Copy)]
pub(super) enum Scope<'a> {
    /// A whole resource, held by the JSON expression `json`.
    Resource { json: &'a str, schemas: &'a Schemas },
    /// A complex value selected by a value filter: its sub-attributes.
    Object {
        json: &'a str,
        defs: &'static [AttributeDef],
    },
    /// A simple value selected by a value filter, which the filter names `value`
    /// (RFC 7644 §3.5.2).
    Simple {
        json: &'a str,
        def: &'static AttributeDef,
    },
}

/// An attribute found: the JSON expression of its value (a list when multi-valued), and its
/// definition.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub(super) json: String,
    pub(super) def: &'static AttributeDef,
    /// Whether `json` is a list: the value a value filter selects is one value, even of a
    /// multi-valued attribute.
    pub(super) multi: bool,
}

/// The sub-attribute a path names, if any, with its definition.
#[derive(Debug, Clone, Copy)]
pub(super) struct Sub {
    pub(super) key: &'static str,
    pub(super) def: &'static AttributeDef,
}

fn unknown(path: &AttrPath, clause: Clause) -> SqlError {
    SqlError::UnknownAttribute {
        path: path.to_string(),
        clause,
    }
}

pub(super) fn refuse(path: &AttrPath, clause: Clause, what: Untranslatable) -> SqlError {
    SqlError::Untranslatable {
        path: path.to_string(),
        clause,
        what,
    }
}

/// A key the dialects can write in a JSON path literal.
fn safe_key(key: &'static str, path: &AttrPath, clause: Clause) -> Result<&'static str, SqlError> {
    if key.chars().any(|c| c == '"' || c == '\\' || c.is_control()) {
        Err(refuse(path, clause, Untranslatable::UnsafeName))
    } else {
        Ok(key)
    }
}

impl Scope<'_> {
    /// Resolves the attribute of `path` (not its sub-attribute), as the engine's
    /// `resolve_schema` does: the core schema or an extension named by URN, then the common
    /// attributes; names without regard to case (RFC 7643 §2.1).
    pub(super) fn resolve(
        &self,
        dialect: Dialect,
        path: &AttrPath,
        clause: Clause,
    ) -> Result<Found, SqlError> {
        let name = path.name().as_str();
        let member = |json: &str, def: &'static AttributeDef| -> Result<Found, SqlError> {
            Ok(Found {
                json: dialect.member(json, safe_key(def.name, path, clause)?),
                def,
                multi: def.multi_valued,
            })
        };
        match *self {
            Scope::Resource { json, schemas } => {
                let own = |name: &str| {
                    find_attribute(schemas.core.attributes, name)
                        .or_else(|| find_attribute(COMMON_ATTRIBUTES, name))
                };
                match path.schema() {
                    // `schemas` is in no schema, but filters name it (RFC 7644 §3.4.2.2).
                    None if name.eq_ignore_ascii_case("schemas") => {
                        member(json, &SCHEMAS_ATTRIBUTE)
                    }
                    None => member(json, own(name).ok_or_else(|| unknown(path, clause))?),
                    Some(urn) if urn.eq_ignore_ascii_case(schemas.core.id) => {
                        member(json, own(name).ok_or_else(|| unknown(path, clause))?)
                    }
                    Some(urn) => {
                        let ext = schemas
                            .extensions
                            .iter()
                            .find(|e| e.id.eq_ignore_ascii_case(urn))
                            .ok_or_else(|| unknown(path, clause))?;
                        let def = ext.attribute(name).ok_or_else(|| unknown(path, clause))?;
                        let block = dialect.member(json, safe_key(ext.id, path, clause)?);
                        member(&block, def)
                    }
                }
            }
            Scope::Object { json, defs } => {
                if path.schema().is_some() {
                    return Err(refuse(path, clause, Untranslatable::QualifiedInValueFilter));
                }
                member(
                    json,
                    find_attribute(defs, name).ok_or_else(|| unknown(path, clause))?,
                )
            }
            Scope::Simple { json, def } => {
                if path.schema().is_some() {
                    return Err(refuse(path, clause, Untranslatable::QualifiedInValueFilter));
                }
                if name.eq_ignore_ascii_case("value") {
                    Ok(Found {
                        json: json.to_owned(),
                        def,
                        multi: false,
                    })
                } else {
                    Err(unknown(path, clause))
                }
            }
        }
    }

    /// The sub-attribute `path` names after its attribute, if any; only a complex attribute
    /// has sub-attributes.
    pub(super) fn sub(
        &self,
        path: &AttrPath,
        found: &Found,
        clause: Clause,
    ) -> Result<Option<Sub>, SqlError> {
        let Some(sub) = path.sub_attr() else {
            return Ok(None);
        };
        if !matches!(self, Scope::Resource { .. }) {
            return Err(refuse(path, clause, Untranslatable::NestedSubAttribute));
        }
        if found.def.ty != AttributeType::Complex {
            return Err(unknown(path, clause));
        }
        let def = found
            .def
            .sub_attribute(sub.as_str())
            .ok_or_else(|| unknown(path, clause))?;
        Ok(Some(Sub {
            key: safe_key(def.name, path, clause)?,
            def,
        }))
    }
}

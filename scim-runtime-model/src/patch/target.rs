//! What a PATCH path designates in a resource (RFC 7644 §3.10, §3.5.2): an attribute of the
//! core schema, a common attribute, an attribute of an extension, or a whole extension block.

use crate::attribute::{find_attribute, AttributeDef, AttributeType, SchemaDef, COMMON_ATTRIBUTES};
use crate::filter::Filter;
use crate::path::{parse_patch_path, AttrPath, PatchPath};
use crate::validation::ScimType;
use crate::Resource;

use super::error::PatchError;

/// The schemas of a resource type: what PATCH paths resolve against.
///
/// Built from a typed resource's metadata ([`ResourceShape::of`]) or from a
/// [`DynamicType`](crate::dynamic::DynamicType), so both share one PATCH engine.
#[derive(Debug, Clone, PartialEq)]
pub struct ResourceShape {
    /// The core schema.
    pub schema: &'static SchemaDef,
    /// The extension schemas, whose attributes sit in a block under their URN.
    pub extensions: Vec<&'static SchemaDef>,
}

impl ResourceShape {
    /// The shape of a typed resource.
    pub fn of<R: Resource>() -> Self {
        Self {
            schema: R::SCHEMA,
            extensions: R::RESOURCE_TYPE
                .extensions
                .iter()
                .map(|e| e.schema)
                .collect(),
        }
    }

    /// The extension whose URN is `urn`, compared case-insensitively.
    pub(crate) fn extension(&self, urn: &str) -> Option<&'static SchemaDef> {
        self.extensions
            .iter()
            .copied()
            .find(|e| e.id.eq_ignore_ascii_case(urn))
    }

    /// Resolves an attribute path (no value filter).
    pub(crate) fn resolve_attr<'p>(&self, path: &AttrPath) -> Result<Target<'p>, PatchError> {
        let name = path.name().as_str();
        let (block, table) = match path.schema() {
            None => (None, self.schema.attributes),
            Some(urn) if urn.eq_ignore_ascii_case(self.schema.id) => (None, self.schema.attributes),
            Some(urn) => match self.extension(urn) {
                Some(ext) => (Some(ext), ext.attributes),
                None => {
                    // `urn:...:enterprise:2.0:User` parses as the attribute `User` of the
                    // schema `urn:...:enterprise:2.0`: it is the whole extension.
                    let whole = format!("{urn}:{name}");
                    return match self.extension(&whole) {
                        Some(ext) if path.sub_attr().is_none() => Ok(Target::Extension(ext)),
                        _ => Err(PatchError::invalid_path(format!(
                            "'{path}' is not an attribute of the schema"
                        ))),
                    };
                }
            },
        };
        let def = find_attribute(table, name)
            .or_else(|| {
                block
                    .is_none()
                    .then(|| find_attribute(COMMON_ATTRIBUTES, name))
                    .flatten()
            })
            .ok_or_else(|| {
                if block.is_none() && name.eq_ignore_ascii_case("schemas") {
                    PatchError::mutability("'schemas' is read-only")
                } else {
                    PatchError::invalid_path(format!("'{path}' is not an attribute of the schema"))
                }
            })?;
        let sub = match path.sub_attr() {
            None => None,
            Some(sub) => Some(sub_attribute(def, sub.as_str(), path)?),
        };
        Ok(Target::Attr(AttrTarget {
            block,
            def,
            sub,
            filter: None,
        }))
    }

    /// Resolves a PATCH path: an attribute path or a value path with a filter.
    pub(crate) fn resolve<'p>(&self, path: &'p PatchPath) -> Result<Target<'p>, PatchError> {
        match path {
            PatchPath::Attr(attr) => self.resolve_attr(attr),
            PatchPath::ValuePath {
                value_path,
                sub_attr,
            } => {
                let Target::Attr(mut target) = self.resolve_attr(&value_path.attr)? else {
                    return Err(PatchError::invalid_path(format!(
                        "'{path}': a value filter applies to a multi-valued attribute, not to an extension"
                    )));
                };
                // RFC 7644 §3.12 `invalidFilter`: "the specified attribute and filter comparison
                // combination is not supported" (scim2-server's answer).
                if !target.def.multi_valued {
                    return Err(PatchError::new(
                        ScimType::InvalidFilter,
                        format!(
                            "'{path}': '{}' is not multi-valued, so it takes no value filter",
                            target.def.name
                        ),
                    ));
                }
                if let Some(sub) = sub_attr {
                    target.sub = Some(sub_attribute(target.def, sub.as_str(), &value_path.attr)?);
                }
                target.filter = Some(&value_path.filter);
                Ok(Target::Attr(target))
            }
        }
    }
}

fn sub_attribute(
    def: &'static AttributeDef,
    sub: &str,
    path: &AttrPath,
) -> Result<&'static AttributeDef, PatchError> {
    if def.ty != AttributeType::Complex {
        return Err(PatchError::invalid_path(format!(
            "'{path}': '{}' is not complex, so it has no sub-attribute '{sub}'",
            def.name
        )));
    }
    def.sub_attribute(sub).ok_or_else(|| {
        PatchError::invalid_path(format!(
            "'{path}': '{}' has no sub-attribute '{sub}'",
            def.name
        ))
    })
}

/// Parses the `path` of an operation. A path that does not follow the grammar, also inside
/// its value filter, is `invalidPath` (RFC 7644 §3.12: "the path attribute was invalid or
/// malformed"), as scim2-server answers.
pub(crate) fn parse_operation_path(text: &str) -> Result<PatchPath, PatchError> {
    parse_patch_path(text)
        .map_err(|e| PatchError::invalid_path(format!("'{text}' is not a valid path: {e}")))
}

/// What a path designates.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Target<'p> {
    /// A whole extension block, named by its URN.
    Extension(&'static SchemaDef),
    /// An attribute, maybe a sub-attribute, maybe the values a filter selects.
    Attr(AttrTarget<'p>),
}

/// An attribute designated by a path.
#[derive(Debug, Clone, Copy)]
pub(crate) struct AttrTarget<'p> {
    /// The extension holding the attribute; `None` for the core schema and common attributes.
    pub block: Option<&'static SchemaDef>,
    /// The attribute.
    pub def: &'static AttributeDef,
    /// The sub-attribute, for `name.givenName` or `emails[type eq "work"].value`.
    pub sub: Option<&'static AttributeDef>,
    /// The value filter, for `emails[type eq "work"]`.
    pub filter: Option<&'p Filter>,
}

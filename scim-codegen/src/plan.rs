//! Model → plan: decides which schemas are resources and which are extensions, and names every
//! type, field and variant (through [`crate::naming`]). Nothing here writes tokens: [`Plan`] is
//! what [`crate::emit`] writes, item by item, as it is.
//!
//! Output order is input order: each resource, then the structs and enums of its attributes
//! depth first, then each extension likewise. Nothing iterates a hash map.

use serde_json::Value;

use crate::error::{Location, Warning, WarningCode};
use crate::model::{Attribute, Schema, Type};
use crate::naming::{self, Scope};
use crate::read::Catalog;

/// The meta-schemas: they describe the discovery endpoints and the common attributes, so they
/// are resources only when a ResourceType serves them.
const META_SCHEMAS: &[(&str, &str)] = &[
    (
        "urn:ietf:params:scim:schemas:core:2.0:Schema",
        "the meta-schema of /Schemas",
    ),
    (
        "urn:ietf:params:scim:schemas:core:2.0:ResourceType",
        "the meta-schema of /ResourceTypes",
    ),
    (
        "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig",
        "the meta-schema of /ServiceProviderConfig",
    ),
    (
        "urn:ietf:params:scim:schemas:core:2.0:Meta",
        "describes the common attribute `meta`, which every resource has",
    ),
    (
        "urn:ietf:params:scim:schemas:core:2.0:Common",
        "describes the common attributes (RFC 7643 §3.1), which every resource has",
    ),
];

/// Attribute names that are the common attributes of a resource (RFC 7643 §3.1) or `schemas`:
/// the derive provides them, so they are not generated from the schema.
const COMMON: &[&str] = &["id", "externalId", "meta", "schemas"];

/// One resource to generate.
struct Resource<'a> {
    schema: &'a Schema,
    /// `resource_type` when it differs from the schema name.
    resource_type: String,
    endpoint: String,
    /// Index into `extensions` and whether it is required.
    extensions: Vec<(usize, bool)>,
    rust_name: String,
}

/// One extension to generate.
struct Extension<'a> {
    schema: &'a Schema,
    rust_name: String,
}

/// What to generate, every name decided.
pub(crate) struct Plan<'a> {
    /// Each resource, then each extension, with its items.
    pub units: Vec<Unit<'a>>,
    pub warnings: Vec<Warning>,
    /// Why schemas were skipped, for the error when nothing is left.
    pub skipped: Vec<String>,
}

/// One resource or extension: its struct first, then the structs and enums of its attributes.
pub(crate) struct Unit<'a> {
    pub rust_name: String,
    pub items: Vec<Item<'a>>,
}

/// One generated item.
pub(crate) enum Item<'a> {
    Struct(Struct<'a>),
    Enum(Enum<'a>),
}

/// What a struct stands for, and so which `#[scim(..)]` it gets.
pub(crate) enum Role<'a> {
    /// A resource; `resource_type` when it differs from `name`.
    Resource {
        schema: &'a Schema,
        name: String,
        resource_type: Option<String>,
        endpoint: String,
    },
    /// An extension schema.
    Extension { schema: &'a Schema, name: String },
    /// The value of a complex attribute at `path` (dotted) of `schema`.
    Complex { schema: &'a Schema, path: String },
}

/// A struct: its name, role and fields; `other` is the name of the map of undescribed
/// attributes, the last field.
pub(crate) struct Struct<'a> {
    pub name: String,
    pub role: Role<'a>,
    pub fields: Vec<Field<'a>>,
    pub other: String,
}

/// One field of a struct.
pub(crate) struct Field<'a> {
    /// The identifier (`user_name`, `r#type`).
    pub ident: String,
    pub kind: FieldKind<'a>,
}

/// An attribute of the schema, or an extension of a resource.
pub(crate) enum FieldKind<'a> {
    Attribute {
        attr: &'a Attribute,
        /// Whether the derive's default rule misses the wire name (`rename = ".."`).
        rename: bool,
        /// The value type: a scalar, or a generated struct or enum by name.
        ty: FieldType,
        /// Canonical values are an enum, so they are not listed on the field.
        is_enum: bool,
    },
    Extension {
        schema_id: String,
        /// The extension's struct, named `super::Name` when `in_sibling_module`.
        type_name: String,
        in_sibling_module: bool,
        required: bool,
    },
}

/// The type of one value of an attribute.
pub(crate) enum FieldType {
    Scalar(Type),
    Named(String),
}

/// An open enum of canonical values.
pub(crate) struct Enum<'a> {
    pub name: String,
    pub attr: &'a Attribute,
    pub schema: &'a Schema,
    /// The attribute's dotted path.
    pub path: String,
    pub variants: Vec<Variant>,
    /// The variant holding any other value.
    pub fallback: String,
}

/// One canonical value.
pub(crate) struct Variant {
    pub ident: String,
    pub value: String,
    /// Whether the derive's default rule misses the value (`rename = ".."`).
    pub rename: bool,
}

/// Decides and names everything. With `split`, each resource and extension is meant to be its
/// own module of one parent, so a resource names its extensions' types as `super::Name`.
pub(crate) fn plan(catalog: &Catalog, split: bool) -> Plan<'_> {
    let mut out = Plan {
        units: Vec::new(),
        warnings: Vec::new(),
        skipped: Vec::new(),
    };
    let (mut resources, mut extensions) = choose(catalog, &mut out);
    name_top_level(&mut resources, &mut extensions);
    let mut types = Scope::new();
    for name in naming::PRELUDE_TYPES {
        types.reserve(name);
    }
    for r in &resources {
        types.reserve(&r.rust_name);
    }
    for e in &extensions {
        types.reserve(&e.rust_name);
    }
    let mut planner = Planner {
        types,
        warnings: Vec::new(),
        split,
    };
    for r in &resources {
        let items = planner.resource(r, &extensions);
        out.units.push(Unit {
            rust_name: r.rust_name.clone(),
            items,
        });
    }
    for e in &extensions {
        let items = planner.extension(e);
        out.units.push(Unit {
            rust_name: e.rust_name.clone(),
            items,
        });
    }
    out.warnings.extend(planner.warnings);
    out
}

fn loc(schema: &Schema, path: Option<String>) -> Location {
    Location {
        file: schema.file.clone(),
        schema_id: Some(schema.id.clone()),
        attribute_path: path,
        position: None,
    }
}

fn find_schema<'a>(catalog: &'a Catalog, urn: &str) -> Option<(usize, &'a Schema)> {
    catalog
        .schemas
        .iter()
        .enumerate()
        .find(|(_, s)| s.id == urn)
        .or_else(|| {
            catalog
                .schemas
                .iter()
                .enumerate()
                .find(|(_, s)| s.id.eq_ignore_ascii_case(urn))
        })
}

fn last_segment(urn: &str) -> &str {
    urn.rsplit(':').next().unwrap_or(urn)
}

fn base_name(schema: &Schema) -> String {
    match &schema.name {
        Some(name) => naming::type_ident(name),
        None => naming::name_from_urn(&schema.id),
    }
}

/// Decides resources and extensions: from the ResourceTypes when there are any, else by
/// convention (an id with an `:extension:` segment is an extension, everything else a resource
/// at `/{Name}s`, the meta-schemas are skipped).
fn choose<'a>(catalog: &'a Catalog, out: &mut Plan<'a>) -> (Vec<Resource<'a>>, Vec<Extension<'a>>) {
    let mut resources = Vec::new();
    let mut extension_ids: Vec<usize> = Vec::new();
    let mut used = vec![false; catalog.schemas.len()];
    let skip = |out: &mut Plan<'a>, schema: &Schema, why: String| {
        out.skipped.push(format!("{}: {why}", schema.id));
        out.warnings.push(Warning::at(
            WarningCode::SkippedSchema,
            &loc(schema, None),
            format!("skipped: {why}"),
        ));
    };
    if !catalog.resource_types.is_empty() {
        for rt in &catalog.resource_types {
            let rt_loc = Location {
                file: rt.file.clone(),
                schema_id: Some(rt.id.clone().unwrap_or_else(|| rt.name.clone())),
                attribute_path: None,
                position: None,
            };
            let Some((index, schema)) = find_schema(catalog, &rt.schema) else {
                out.warnings.push(Warning::at(
                    WarningCode::MissingSchema,
                    &rt_loc,
                    format!(
                        "ResourceType `{}`: its schema `{}` is not among the inputs: skipped",
                        rt.name, rt.schema
                    ),
                ));
                // Its extensions are still extensions: generate them, unattached.
                for (urn, _) in &rt.extensions {
                    if let Some((ext_index, _)) = find_schema(catalog, urn) {
                        if !extension_ids.contains(&ext_index) {
                            extension_ids.push(ext_index);
                        }
                    }
                }
                continue;
            };
            if schema.id != rt.schema {
                out.warnings.push(Warning::at(
                    WarningCode::IdCase,
                    &rt_loc,
                    format!(
                        "schema `{}` found as `{}` (ids differ in case)",
                        rt.schema, schema.id
                    ),
                ));
            }
            used[index] = true;
            let mut exts = Vec::new();
            for (urn, required) in &rt.extensions {
                let Some((ext_index, _)) = find_schema(catalog, urn) else {
                    out.warnings.push(Warning::at(
                        WarningCode::MissingSchema,
                        &rt_loc,
                        format!(
                            "ResourceType `{}`: extension `{urn}` is not among the inputs: skipped",
                            rt.name
                        ),
                    ));
                    continue;
                };
                let position = match extension_ids.iter().position(|i| *i == ext_index) {
                    Some(p) => p,
                    None => {
                        extension_ids.push(ext_index);
                        extension_ids.len() - 1
                    }
                };
                exts.push((position, *required));
            }
            resources.push(Resource {
                schema,
                resource_type: rt.name.clone(),
                endpoint: rt.endpoint.clone(),
                extensions: exts,
                rust_name: naming::type_ident(&rt.name),
            });
        }
        for i in &extension_ids {
            used[*i] = true;
        }
        for (index, schema) in catalog.schemas.iter().enumerate() {
            if used[index] {
                continue;
            }
            let why = match META_SCHEMAS.iter().find(|(id, _)| *id == schema.id) {
                Some((_, what)) => format!("{what}; no ResourceType serves it"),
                None => "neither a resource nor an extension of any ResourceType".to_owned(),
            };
            skip(out, schema, why);
        }
    } else {
        for (index, schema) in catalog.schemas.iter().enumerate() {
            if let Some((_, what)) = META_SCHEMAS.iter().find(|(id, _)| *id == schema.id) {
                skip(
                    out,
                    schema,
                    format!("{what}; give a ResourceType that serves it to generate it"),
                );
            } else if catalog.extension_hints.contains(&index)
                || schema.id.to_ascii_lowercase().contains(":extension:")
            {
                extension_ids.push(index);
            } else {
                let rust_name = base_name(schema);
                let endpoint = format!("/{rust_name}s");
                out.warnings.push(Warning::at(
                    WarningCode::GuessedEndpoint,
                    &loc(schema, None),
                    format!("no ResourceType given: resource assumed at endpoint `{endpoint}`"),
                ));
                resources.push(Resource {
                    schema,
                    resource_type: schema.name.clone().unwrap_or_else(|| rust_name.clone()),
                    endpoint,
                    extensions: Vec::new(),
                    rust_name,
                });
            }
        }
        // Attach each extension to the one resource whose URN ends the same way (`...:User`).
        for (position, ext_index) in extension_ids.iter().enumerate() {
            let ext = &catalog.schemas[*ext_index];
            let tail = last_segment(&ext.id);
            let matching: Vec<usize> = (0..resources.len())
                .filter(|r| last_segment(&resources[*r].schema.id).eq_ignore_ascii_case(tail))
                .collect();
            if let [only] = matching[..] {
                let r = &mut resources[only];
                r.extensions.push((position, false));
                let message = format!(
                    "no ResourceType given: attached to resource `{}` as an optional extension (same last URN segment)",
                    r.resource_type
                );
                out.warnings.push(Warning::at(
                    WarningCode::GuessedExtension,
                    &loc(ext, None),
                    message,
                ));
            }
        }
    }
    // An extension no resource carries still gets its struct, but nothing reads or writes it
    // as part of a resource: say so, naming it, so a missing `schemaExtensions` entry is seen.
    let by_resource_types = !catalog.resource_types.is_empty();
    for (position, ext_index) in extension_ids.iter().enumerate() {
        if resources
            .iter()
            .any(|r| r.extensions.iter().any(|(p, _)| *p == position))
        {
            continue;
        }
        let ext = &catalog.schemas[*ext_index];
        let why = if by_resource_types {
            "no ResourceType that is generated lists it in `schemaExtensions`".to_owned()
        } else {
            format!(
                "no ResourceType given, and not exactly one resource's id ends in `:{}`",
                last_segment(&ext.id)
            )
        };
        out.warnings.push(Warning::at(
            WarningCode::UnattachedExtension,
            &loc(ext, None),
            format!(
                "extension `{}` is attached to no resource ({why}): its struct is generated, but no resource has a field for it",
                ext.id
            ),
        ));
    }
    let extensions = extension_ids
        .into_iter()
        .map(|i| {
            let schema = &catalog.schemas[i];
            Extension {
                schema,
                rust_name: base_name(schema),
            }
        })
        .collect();
    (resources, extensions)
}

/// Resolves shared names: when several top-level types would get the same name, the first
/// resource keeps it and the others are named from their URN; remaining clashes get a number.
fn name_top_level(resources: &mut [Resource<'_>], extensions: &mut [Extension<'_>]) {
    let mut names: Vec<String> = resources.iter().map(|r| r.rust_name.clone()).collect();
    names.extend(extensions.iter().map(|e| e.rust_name.clone()));
    let ids: Vec<&str> = resources
        .iter()
        .map(|r| r.schema.id.as_str())
        .chain(extensions.iter().map(|e| e.schema.id.as_str()))
        .collect();
    let shared = |name: &str| names.iter().filter(|n| *n == name).count() > 1;
    let mut renamed = names.clone();
    let mut kept_by_resource: Vec<String> = Vec::new();
    for (i, name) in names.iter().enumerate() {
        if !shared(name) {
            continue;
        }
        let is_resource = i < resources.len();
        if is_resource && !kept_by_resource.contains(name) {
            kept_by_resource.push(name.clone());
            continue;
        }
        // Resource types sharing one schema keep their own names.
        if is_resource && resources[..i].iter().any(|r| r.schema.id == ids[i]) {
            continue;
        }
        renamed[i] = naming::name_from_urn(ids[i]);
    }
    let mut scope = Scope::new();
    for (i, name) in renamed.iter().enumerate() {
        let name = scope.claim(name);
        if i < resources.len() {
            resources[i].rust_name = name;
        } else {
            extensions[i - resources.len()].rust_name = name;
        }
    }
}

struct Planner {
    /// The type names of the whole output (one file, or sibling modules re-exported together).
    types: Scope,
    warnings: Vec<Warning>,
    /// Extensions live in sibling modules (see [`plan`]).
    split: bool,
}

impl Planner {
    fn resource<'a>(&mut self, r: &Resource<'a>, extensions: &[Extension<'a>]) -> Vec<Item<'a>> {
        let schema = r.schema;
        let mut scope = Scope::new();
        for common in ["id", "external_id", "meta"] {
            scope.reserve(common);
        }
        let mut fields = Vec::new();
        let mut nested = Vec::new();
        for attr in &schema.attributes {
            if let Some(common) = COMMON.iter().find(|c| c.eq_ignore_ascii_case(&attr.name)) {
                let what = if *common == "schemas" {
                    "computed from the present extensions"
                } else {
                    "a common attribute every resource has"
                };
                self.warnings.push(Warning::at(
                    WarningCode::CommonAttribute,
                    &loc(schema, Some(attr.name.clone())),
                    format!(
                        "`{}` is {what} (RFC 7643 §3.1): not generated from the schema",
                        attr.name
                    ),
                ));
                continue;
            }
            fields.push(self.field(attr, &r.rust_name, &mut scope, schema, &[], &mut nested));
        }
        for (position, required) in &r.extensions {
            let ext = &extensions[*position];
            fields.push(Field {
                ident: scope.claim(&naming::field_ident(&ext.rust_name)),
                kind: FieldKind::Extension {
                    schema_id: ext.schema.id.clone(),
                    type_name: ext.rust_name.clone(),
                    in_sibling_module: self.split,
                    required: *required,
                },
            });
        }
        let name = schema
            .name
            .clone()
            .unwrap_or_else(|| r.resource_type.clone());
        let resource_type = (r.resource_type != name).then(|| r.resource_type.clone());
        let mut items = vec![Item::Struct(Struct {
            name: r.rust_name.clone(),
            role: Role::Resource {
                schema,
                name,
                resource_type,
                endpoint: r.endpoint.clone(),
            },
            fields,
            other: other_field(&mut scope),
        })];
        items.extend(nested);
        items
    }

    fn extension<'a>(&mut self, e: &Extension<'a>) -> Vec<Item<'a>> {
        let schema = e.schema;
        let mut scope = Scope::new();
        let mut fields = Vec::new();
        let mut nested = Vec::new();
        for attr in &schema.attributes {
            fields.push(self.field(attr, &e.rust_name, &mut scope, schema, &[], &mut nested));
        }
        let mut items = vec![Item::Struct(Struct {
            name: e.rust_name.clone(),
            role: Role::Extension {
                schema,
                name: schema.name.clone().unwrap_or_else(|| e.rust_name.clone()),
            },
            fields,
            other: other_field(&mut scope),
        })];
        items.extend(nested);
        items
    }

    /// Names the field of `attr` in `owner` and, for a complex attribute or canonical values,
    /// plans its type into `nested` (depth first, after the items already there).
    fn field<'a>(
        &mut self,
        attr: &'a Attribute,
        owner: &str,
        scope: &mut Scope,
        schema: &'a Schema,
        parent: &[String],
        nested: &mut Vec<Item<'a>>,
    ) -> Field<'a> {
        let mut path = parent.to_vec();
        path.push(attr.name.clone());
        let ident = scope.claim(&naming::field_ident(&attr.name));
        let rename = naming::needs_rename(&ident, &attr.name);
        let is_enum = attr.ty == Type::String
            && !attr.canonical_values.is_empty()
            && attr.canonical_values.iter().all(Value::is_string);
        let ty = match attr.ty {
            Type::Complex => {
                let attr_part = if attr.multi_valued {
                    naming::singular(&attr.name)
                } else {
                    attr.name.clone()
                };
                // As the schema reads (`name` → `Name`); the owner in front only on a clash.
                let type_name = self.types.claim_first(&[
                    &naming::attribute_type_ident(&attr_part),
                    &naming::nested_type_ident(owner, &attr_part),
                ]);
                self.complex(attr, &type_name, schema, &path, nested);
                FieldType::Named(type_name)
            }
            Type::String if is_enum => {
                // The owner and the attribute (`EmailType`): `Type` alone would not say whose.
                let type_name = self.types.claim_first(&[
                    &naming::enum_type_ident(owner, &attr.name),
                    &naming::nested_type_ident(owner, &attr.name),
                ]);
                nested.push(Item::Enum(canonical_enum(attr, &type_name, schema, &path)));
                FieldType::Named(type_name)
            }
            scalar => FieldType::Scalar(scalar),
        };
        Field {
            ident,
            kind: FieldKind::Attribute {
                attr,
                rename,
                ty,
                is_enum,
            },
        }
    }

    fn complex<'a>(
        &mut self,
        attr: &'a Attribute,
        type_name: &str,
        schema: &'a Schema,
        path: &[String],
        nested: &mut Vec<Item<'a>>,
    ) {
        let slot = nested.len();
        let mut scope = Scope::new();
        let mut fields = Vec::new();
        let mut inner = Vec::new();
        for sub in &attr.sub_attributes {
            fields.push(self.field(sub, type_name, &mut scope, schema, path, &mut inner));
        }
        nested.insert(
            slot,
            Item::Struct(Struct {
                name: type_name.to_owned(),
                role: Role::Complex {
                    schema,
                    path: path.join("."),
                },
                fields,
                other: other_field(&mut scope),
            }),
        );
        nested.extend(inner);
    }
}

/// The map of undescribed attributes: `other`, or `other_attributes` when a field took it.
fn other_field(scope: &mut Scope) -> String {
    scope.claim_first(&["other", "other_attributes"])
}

fn canonical_enum<'a>(
    attr: &'a Attribute,
    type_name: &str,
    schema: &'a Schema,
    path: &[String],
) -> Enum<'a> {
    let mut scope = Scope::new();
    let variants = attr
        .canonical_values
        .iter()
        .filter_map(Value::as_str)
        .map(|value| {
            let ident = scope.claim(&naming::variant_ident(value));
            Variant {
                rename: naming::variant_needs_rename(&ident, value),
                ident,
                value: value.to_owned(),
            }
        })
        .collect();
    Enum {
        name: type_name.to_owned(),
        attr,
        schema,
        path: path.join("."),
        variants,
        fallback: scope.claim("Custom"),
    }
}

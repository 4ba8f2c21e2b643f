//! The Rust names a generation gave: which type, module, field and variant each schema,
//! attribute and canonical value got, as data ([`Name`]) and as the listing of
//! `scim-codegen generate --explain` ([`explain`]).

use std::fmt::Write as _;

use crate::naming;
use crate::plan::{FieldKind, Item, Plan, Role};

/// What a [`Name`] names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum NameKind {
    /// The struct of a resource schema.
    Resource,
    /// The struct of an extension schema.
    Extension,
    /// The module of a resource or an extension in
    /// [`Config::generate_modules`](crate::Config::generate_modules).
    Module,
    /// The struct of a complex attribute.
    Struct,
    /// The open enum of an attribute's canonical values.
    Enum,
    /// A field of a struct for an attribute.
    Field,
    /// The field of a resource that holds one of its extensions.
    ExtensionField,
    /// A variant of an enum, for one canonical value.
    Variant,
}

impl NameKind {
    /// The kind in lower case, as `--explain` shows it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Resource => "resource",
            Self::Extension => "extension",
            Self::Module => "module",
            Self::Struct => "struct",
            Self::Enum => "enum",
            Self::Field => "field",
            Self::ExtensionField => "extension field",
            Self::Variant => "variant",
        }
    }
}

/// One SCIM name and the Rust name the generator gave it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Name {
    /// The schema the name comes from.
    pub schema_id: String,
    /// What is named.
    pub kind: NameKind,
    /// The SCIM side: the schema's `name` for a resource, an extension or a module; the
    /// attribute path in the schema (`emails.type`) for a struct, an enum or a field; the
    /// extension's schema URN for an extension field; the canonical value for a variant.
    pub scim: String,
    /// The struct a field belongs to, or the enum a variant belongs to; `None` for a type or a
    /// module.
    pub parent: Option<String>,
    /// The Rust identifier (`EmailType`, `r#type`, `Work`).
    pub rust: String,
}

impl Name {
    /// The Rust name with its parent, as code reaches it: `EmailType::Work` for a variant,
    /// `User.emails` for a field, `Name` for a type.
    pub fn rust_path(&self) -> String {
        match (&self.parent, self.kind) {
            (Some(parent), NameKind::Field | NameKind::ExtensionField) => {
                format!("{parent}.{}", self.rust)
            }
            (Some(parent), _) => format!("{parent}::{}", self.rust),
            (None, _) => self.rust.clone(),
        }
    }
}

/// Every name of `plan`, schema by schema in output order.
pub(crate) fn collect(plan: &Plan<'_>) -> Vec<Name> {
    let mut names = Vec::new();
    for unit in &plan.units {
        for item in &unit.items {
            match item {
                Item::Struct(s) => {
                    let (schema, kind, scim, prefix) = match &s.role {
                        Role::Resource { schema, name, .. } => {
                            (*schema, NameKind::Resource, name.clone(), String::new())
                        }
                        Role::Extension { schema, name } => {
                            (*schema, NameKind::Extension, name.clone(), String::new())
                        }
                        Role::Complex { schema, path } => {
                            (*schema, NameKind::Struct, path.clone(), format!("{path}."))
                        }
                    };
                    names.push(Name {
                        schema_id: schema.id.clone(),
                        kind,
                        scim: scim.clone(),
                        parent: None,
                        rust: s.name.clone(),
                    });
                    if kind != NameKind::Struct {
                        names.push(Name {
                            schema_id: schema.id.clone(),
                            kind: NameKind::Module,
                            scim,
                            parent: None,
                            rust: naming::field_ident(&unit.rust_name)
                                .trim_start_matches("r#")
                                .to_owned(),
                        });
                    }
                    for field in &s.fields {
                        let (kind, scim) = match &field.kind {
                            FieldKind::Attribute { attr, .. } => {
                                (NameKind::Field, format!("{prefix}{}", attr.name))
                            }
                            FieldKind::Extension { schema_id, .. } => {
                                (NameKind::ExtensionField, schema_id.clone())
                            }
                        };
                        names.push(Name {
                            schema_id: schema.id.clone(),
                            kind,
                            scim,
                            parent: Some(s.name.clone()),
                            rust: field.ident.clone(),
                        });
                    }
                }
                Item::Enum(e) => {
                    names.push(Name {
                        schema_id: e.schema.id.clone(),
                        kind: NameKind::Enum,
                        scim: e.path.clone(),
                        parent: None,
                        rust: e.name.clone(),
                    });
                    for v in &e.variants {
                        names.push(Name {
                            schema_id: e.schema.id.clone(),
                            kind: NameKind::Variant,
                            scim: format!("{} = {:?}", e.path, v.value),
                            parent: Some(e.name.clone()),
                            rust: v.ident.clone(),
                        });
                    }
                }
            }
        }
    }
    names
}

/// The listing of `scim-codegen generate --explain`: each schema, then one line per name
/// (`  field           emails.type -> Email.r#type`).
pub fn explain(names: &[Name]) -> String {
    let mut out = String::new();
    let mut schema: Option<&str> = None;
    // Aligned, but a long URN does not push every other line to the right.
    let width = names
        .iter()
        .map(|n| n.scim.len())
        .filter(|len| *len <= 32)
        .max()
        .unwrap_or(0);
    for name in names {
        if schema != Some(name.schema_id.as_str()) {
            schema = Some(&name.schema_id);
            let _ = writeln!(out, "{}", name.schema_id);
        }
        let _ = writeln!(
            out,
            "  {:<15} {:<width$} -> {}",
            name.kind.as_str(),
            name.scim,
            name.rust_path()
        );
    }
    out
}

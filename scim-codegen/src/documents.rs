//! The schemas and resource types of a dump, read with the generator's leniency and handed
//! over as scim-runtime documents, for checking payloads and comparing schema sets.

use scim_runtime::schema::{Attribute, ResourceType, Schema, SchemaExtension};

use crate::config::Config;
use crate::error::{Error, Warning};
use crate::model;

/// The documents of a dump, every characteristic written out.
#[derive(Debug, Clone, PartialEq)]
pub struct Documents {
    /// The schemas.
    pub schemas: Vec<Schema>,
    /// The resource types.
    pub resource_types: Vec<ResourceType>,
    /// What was accepted with a warning.
    pub warnings: Vec<Warning>,
}

impl Config {
    /// Reads the inputs as the generator does (every quirk it accepts, with a warning) and
    /// returns them as scim-runtime Schema and ResourceType documents.
    ///
    /// # Errors
    ///
    /// As [`Config::generate`], for inputs that cannot be read.
    pub fn read_documents(&self) -> Result<Documents, Error> {
        let catalog = self.read_catalog()?;
        Ok(Documents {
            schemas: catalog.schemas.iter().map(schema).collect(),
            resource_types: catalog.resource_types.iter().map(resource_type).collect(),
            warnings: catalog.warnings,
        })
    }
}

fn schema(s: &model::Schema) -> Schema {
    Schema {
        schemas: None,
        id: s.id.clone(),
        name: s.name.clone(),
        description: s.description.clone(),
        attributes: s.attributes.iter().map(attribute).collect(),
        meta: None,
        other: Default::default(),
    }
}

fn attribute(a: &model::Attribute) -> Attribute {
    let complex = a.ty == model::Type::Complex;
    Attribute {
        name: a.name.clone(),
        ty: a.ty.as_str().to_owned(),
        multi_valued: Some(a.multi_valued),
        description: a.description.clone(),
        required: Some(a.required),
        canonical_values: (!a.canonical_values.is_empty()).then(|| a.canonical_values.clone()),
        case_exact: Some(a.case_exact),
        mutability: Some(a.mutability.as_str().to_owned()),
        returned: Some(a.returned.as_str().to_owned()),
        uniqueness: Some(a.uniqueness.as_str().to_owned()),
        reference_types: (!a.reference_types.is_empty()).then(|| a.reference_types.clone()),
        sub_attributes: complex.then(|| a.sub_attributes.iter().map(attribute).collect()),
        other: Default::default(),
    }
}

fn resource_type(r: &model::ResourceType) -> ResourceType {
    ResourceType {
        id: r.id.clone().or_else(|| Some(r.name.clone())),
        name: Some(r.name.clone()),
        endpoint: Some(r.endpoint.clone()),
        schema: Some(r.schema.clone()),
        schema_extensions: r
            .extensions
            .iter()
            .map(|(urn, required)| SchemaExtension {
                schema: Some(urn.clone()),
                required: Some(*required),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}

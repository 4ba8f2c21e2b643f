//! The lenient reader: JSON documents as servers really serve them → [`Schema`]s and
//! [`ResourceType`]s, with a [`Warning`] for every quirk it reads past.
//!
//! Accepted document shapes: a `/Schemas` or `/ResourceTypes` ListResponse (`Resources` or
//! `resources`), a bare array, one Schema or ResourceType per document, a wrapper object holding
//! Schemas, ResourceTypes and a ServiceProviderConfig together (`{Schemas, ResourceType,
//! ServiceProviderConfigs}`, `{profile: {schemas, resourceTypes, serviceProviderConfig}}`), an
//! extension written as one complex attribute named by its URN, and a flat list of attribute
//! definitions keyed by `attributeURI`. Test data and settings in wrapper objects are ignored.
//!
//! Quirks are read as RFC 7643 would have them, and warned about; warnings with the same message
//! in one schema are reported once, with the number of other places.

mod lenient;
mod schema;
mod shapes;
mod wording;

use std::collections::BTreeSet;

use serde_json::Value;

use crate::error::{Error, Location, Warning, WarningCode};
use crate::model::{ResourceType, Schema};

/// Everything read from the inputs.
#[derive(Debug, Default)]
pub(crate) struct Catalog {
    pub schemas: Vec<Schema>,
    /// Schemas that are extensions by construction (see [`Schema`]), by index in `schemas`.
    pub extension_hints: BTreeSet<usize>,
    pub resource_types: Vec<ResourceType>,
    pub warnings: Vec<Warning>,
}

/// Reads one parsed document into `catalog`.
pub(crate) fn read_document(file: &str, doc: &Value, catalog: &mut Catalog) -> Result<(), Error> {
    let mut reader = Reader { file, catalog };
    reader.value(doc, true)
}

struct Reader<'a> {
    file: &'a str,
    catalog: &'a mut Catalog,
}

impl Reader<'_> {
    pub(super) fn loc(&self, schema_id: Option<&str>, path: Option<&[String]>) -> Location {
        Location {
            file: self.file.to_owned(),
            schema_id: schema_id.map(str::to_owned),
            attribute_path: path.filter(|p| !p.is_empty()).map(|p| p.join(" / ")),
            position: None,
        }
    }

    pub(super) fn warn(
        &mut self,
        code: WarningCode,
        schema_id: Option<&str>,
        path: Option<&[String]>,
        message: impl Into<String>,
    ) {
        let loc = self.loc(schema_id, path);
        self.catalog.warnings.push(Warning::at(code, &loc, message));
    }

    pub(super) fn invalid(
        &self,
        schema_id: Option<&str>,
        path: Option<&[String]>,
        expected: impl Into<String>,
    ) -> Error {
        Error::Invalid {
            location: self.loc(schema_id, path),
            expected: expected.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Mutability, Type};
    use serde_json::json;

    fn read(doc: Value) -> Result<Catalog, Error> {
        let mut catalog = Catalog::default();
        read_document("t.json", &doc, &mut catalog)?;
        Ok(catalog)
    }

    #[test]
    fn booleans_as_strings_and_wrong_case_types() {
        let c = read(json!({"id": "urn:x:2.0:T", "attributes": [
            {"name": "a", "type": "datetime", "multiValued": "false", "required": "TRUE", "mutability": "readwrite",
             "returned": "default", "uniqueness": "none", "caseExact": false, "description": "d"}
        ]}))
        .unwrap();
        let a = &c.schemas[0].attributes[0];
        assert_eq!(a.ty, Type::DateTime);
        assert!(a.required && !a.multi_valued);
        assert_eq!(a.mutability, Mutability::ReadWrite);
        assert_eq!(c.warnings.len(), 4, "{:#?}", c.warnings);
    }

    #[test]
    fn duplicates_identical_are_skipped_different_are_errors() {
        let attr = json!({"name": "a", "type": "string", "multiValued": false, "required": false});
        let c = read(json!({"id": "x", "attributes": [attr.clone(), attr.clone()]})).unwrap();
        assert_eq!(c.schemas[0].attributes.len(), 1);
        let mut other = attr.clone();
        other["type"] = json!("integer");
        other["name"] = json!("A");
        let e = read(json!({"id": "x", "attributes": [attr, other]})).unwrap_err();
        assert!(matches!(e, Error::DuplicateAttribute { .. }), "{e}");
        assert_eq!(e.to_string().split(':').next(), Some("t.json"));
    }

    #[test]
    fn errors_name_file_schema_and_path() {
        let e = read(json!({"id": "urn:x:User", "attributes": [
            {"name": "emails", "type": "complex", "subAttributes": [{"name": "type", "type": "colour"}]}
        ]}))
        .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("t.json: urn:x:User / emails / type: expected `type` to be one of"),
            "{e}"
        );
    }

    #[test]
    fn shapes() {
        let schema = json!({"id": "urn:a", "attributes": []});
        assert_eq!(
            read(json!({"resources": [schema.clone()]}))
                .unwrap()
                .schemas
                .len(),
            1
        );
        assert_eq!(read(json!([schema.clone(), 3])).unwrap().schemas.len(), 1);
        let c = read(json!({"metadata": {}, "profile": {"schemas": [schema], "resourceTypes": [
            {"id": "A", "name": "A", "endpoint": "As", "schema": "urn:a"}], "serviceProviderConfig": {"patch": {}}}}))
        .unwrap();
        assert_eq!((c.schemas.len(), c.resource_types.len()), (1, 1));
        assert_eq!(c.resource_types[0].endpoint, "/As");
        assert!(read(json!({"hello": 1})).is_err());
        assert!(read(json!("text")).is_err());
    }

    #[test]
    fn scim11_is_an_error() {
        let e = read(json!({"Schemas": {"Resources": [{"id": "urn:scim:schemas:core:1.0:User", "schema": "urn:scim:schemas:core:1.0",
            "endpoint": "Users", "attributes": []}]}}))
        .unwrap_err();
        assert!(matches!(e, Error::Scim11 { .. }));
    }
}

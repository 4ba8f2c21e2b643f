//! Document shapes: what JSON a dump can be, and where its Schemas and ResourceTypes are.
//!
//! A `/Schemas` or `/ResourceTypes` ListResponse (`Resources` or `resources`), a bare array, one
//! Schema or ResourceType per document, a wrapper object holding Schemas, ResourceTypes and a
//! ServiceProviderConfig together, an extension written as one complex attribute named by its
//! URN, and a flat list of attribute definitions keyed by `attributeURI`.

use std::collections::{BTreeSet, HashMap};

use serde_json::{Map, Value};

use super::wording::kind_of;
use super::Reader;
use crate::error::{Error, WarningCode};

const SCHEMA_URN: &str = "urn:ietf:params:scim:schemas:core:2.0:Schema";
const RESOURCE_TYPE_URN: &str = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
const SPC_URN: &str = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
const LIST_URN: &str = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

/// What an object in a document is.
enum Kind {
    ListResponse,
    Schema,
    ResourceType,
    ServiceProviderConfig,
    AttributeAsSchema,
    Wrapper,
    Unknown,
}

fn schemas_contains(obj: &Map<String, Value>, urn: &str) -> bool {
    obj.get("schemas")
        .and_then(Value::as_array)
        .is_some_and(|list| {
            list.iter()
                .any(|s| s.as_str().is_some_and(|s| s.eq_ignore_ascii_case(urn)))
        })
}

fn get_ci<'v>(obj: &'v Map<String, Value>, key: &str) -> Option<(&'v str, &'v Value)> {
    obj.get_key_value(key)
        .or_else(|| obj.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)))
        .map(|(k, v)| (k.as_str(), v))
}

const WRAPPER_SCHEMA_KEYS: &[&str] = &["Schemas", "schemas"];
const WRAPPER_RT_KEYS: &[&str] = &["ResourceType", "ResourceTypes", "resourceTypes"];

fn classify(obj: &Map<String, Value>) -> Kind {
    if obj.contains_key("Resources")
        || (obj.contains_key("resources") && !obj.contains_key("attributes"))
        || schemas_contains(obj, LIST_URN)
    {
        return Kind::ListResponse;
    }
    if obj.contains_key("attributes") || schemas_contains(obj, SCHEMA_URN) {
        return Kind::Schema;
    }
    if schemas_contains(obj, RESOURCE_TYPE_URN)
        || (obj.get("schema").is_some_and(Value::is_string) && obj.contains_key("endpoint"))
    {
        return Kind::ResourceType;
    }
    if schemas_contains(obj, SPC_URN)
        || ["patch", "bulk", "filter", "changePassword"]
            .iter()
            .any(|k| obj.contains_key(*k))
    {
        return Kind::ServiceProviderConfig;
    }
    if obj
        .get("name")
        .and_then(Value::as_str)
        .is_some_and(|n| n.contains(':'))
        && obj
            .get("type")
            .and_then(Value::as_str)
            .is_some_and(|t| t.eq_ignore_ascii_case("complex"))
        && !obj.contains_key("id")
    {
        return Kind::AttributeAsSchema;
    }
    let holds = |keys: &[&str]| {
        keys.iter().any(|k| {
            obj.get(*k).is_some_and(|v| {
                v.is_object() || v.as_array().is_some_and(|a| a.iter().any(Value::is_object))
            })
        })
    };
    if obj.get("profile").is_some_and(Value::is_object)
        || holds(WRAPPER_SCHEMA_KEYS)
        || holds(WRAPPER_RT_KEYS)
    {
        return Kind::Wrapper;
    }
    Kind::Unknown
}

impl Reader<'_> {
    pub(super) fn value(&mut self, value: &Value, top: bool) -> Result<(), Error> {
        match value {
            Value::Array(items) => {
                if items.iter().any(|i| i.get("attributeURI").is_some()) {
                    return self.flat_attribute_list(items);
                }
                for (index, item) in items.iter().enumerate() {
                    match item {
                        Value::Object(obj) => self.object(obj, false)?,
                        other => self.warn(WarningCode::DocumentShape,
                            None,
                            None,
                            format!("entry {index} of the top-level array is {}, not an object: skipped", kind_of(other)),
                        ),
                    }
                }
                Ok(())
            }
            Value::Object(obj) => self.object(obj, top),
            other => Err(self.invalid(
                None,
                None,
                format!("a JSON object or array, found {}", kind_of(other)),
            )),
        }
    }

    pub(super) fn object(&mut self, obj: &Map<String, Value>, top: bool) -> Result<(), Error> {
        match classify(obj) {
            Kind::ListResponse => self.list_response(obj),
            Kind::Schema => self.schema(obj),
            Kind::ResourceType => self.resource_type(obj),
            Kind::ServiceProviderConfig => Ok(()),
            Kind::AttributeAsSchema => self.attribute_as_schema(obj),
            Kind::Wrapper => {
                if let Some(profile) = obj.get("profile").and_then(Value::as_object) {
                    return self.object(profile, top);
                }
                for key in WRAPPER_SCHEMA_KEYS.iter().chain(WRAPPER_RT_KEYS) {
                    if let Some(inner) = obj.get(*key) {
                        if inner.is_object() || inner.is_array() {
                            self.value(inner, false)?;
                        }
                    }
                }
                Ok(())
            }
            Kind::Unknown if top => Err(self.invalid(
                obj.get("id").and_then(Value::as_str),
                None,
                "a Schema, a ResourceType, a ListResponse of them, or an array of them",
            )),
            Kind::Unknown => {
                let id = obj.get("id").and_then(Value::as_str);
                self.warn(
                    WarningCode::DocumentShape,
                    id,
                    None,
                    "object is neither a Schema nor a ResourceType: skipped",
                );
                Ok(())
            }
        }
    }

    pub(super) fn list_response(&mut self, obj: &Map<String, Value>) -> Result<(), Error> {
        let (key, resources) = match get_ci(obj, "Resources") {
            Some(found) => found,
            None => {
                self.warn(
                    WarningCode::DocumentShape,
                    None,
                    None,
                    "ListResponse without `Resources`: read as empty",
                );
                return Ok(());
            }
        };
        if key != "Resources" {
            self.warn(
                WarningCode::DocumentShape,
                None,
                None,
                format!("ListResponse uses `{key}` instead of `Resources`: accepted"),
            );
        }
        let items = match resources {
            Value::Array(items) => items,
            Value::Null => {
                self.warn(
                    WarningCode::NullValue,
                    None,
                    None,
                    "`Resources` is null: read as empty",
                );
                return Ok(());
            }
            other => {
                return Err(self.invalid(
                    None,
                    Some(&[key.to_owned()]),
                    format!("an array, found {}", kind_of(other)),
                ))
            }
        };
        if let Some(total) = obj.get("totalResults").and_then(Value::as_u64) {
            if total != items.len() as u64 {
                self.warn(
                    WarningCode::DocumentShape,
                    None,
                    None,
                    format!(
                        "`totalResults` is {total} but `{key}` holds {}: the entries are read",
                        items.len()
                    ),
                );
            }
        }
        for (index, item) in items.iter().enumerate() {
            match item {
                Value::Object(inner) => self.object(inner, false)?,
                other => self.warn(
                    WarningCode::DocumentShape,
                    None,
                    None,
                    format!(
                        "`{key}`[{index}] is {}, not an object: skipped",
                        kind_of(other)
                    ),
                ),
            }
        }
        Ok(())
    }

    pub(super) fn attribute_as_schema(&mut self, obj: &Map<String, Value>) -> Result<(), Error> {
        let id = obj
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        self.warn(WarningCode::DocumentShape,
            Some(&id),
            None,
            "the document is one complex attribute named by a URN: read as an extension schema with its sub-attributes as attributes",
        );
        let mut schema = Map::new();
        schema.insert("id".into(), Value::String(id));
        if let Some(description) = obj.get("description") {
            schema.insert("description".into(), description.clone());
        }
        let attributes = obj
            .get("subAttributes")
            .or_else(|| obj.get("subattributes"))
            .cloned()
            .unwrap_or(Value::Null);
        schema.insert("attributes".into(), attributes);
        self.schema(&schema)?;
        let index = self.catalog.schemas.len() - 1;
        self.catalog.extension_hints.insert(index);
        Ok(())
    }

    /// A flat list of attribute definitions (`attributeURI`, `attributeName`, `dataType`), the
    /// parent/child relation given by the URI: `{schema}:{attr}` and `{parent}.{sub}`. Entries
    /// whose name is their URI are the schemas; their `subAttributes` (a space-separated string)
    /// list the top-level attributes.
    pub(super) fn flat_attribute_list(&mut self, items: &[Value]) -> Result<(), Error> {
        self.warn(WarningCode::DocumentShape,
            None,
            None,
            "flat list of attribute definitions (`attributeURI`/`attributeName`/`dataType`): schemas rebuilt from the URIs",
        );
        let mut by_uri: HashMap<&str, &Map<String, Value>> = HashMap::new();
        let mut roots = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let Some(obj) = item.as_object() else {
                self.warn(
                    WarningCode::DocumentShape,
                    None,
                    None,
                    format!("entry {index} is {}, not an object: skipped", kind_of(item)),
                );
                continue;
            };
            let Some(uri) = obj.get("attributeURI").and_then(Value::as_str) else {
                self.warn(
                    WarningCode::DocumentShape,
                    None,
                    None,
                    format!("entry {index} has no `attributeURI`: skipped"),
                );
                continue;
            };
            if by_uri.insert(uri, obj).is_some() {
                self.warn(
                    WarningCode::Duplicate,
                    Some(uri),
                    None,
                    "`attributeURI` listed twice: the last entry is used",
                );
            }
            if obj.get("attributeName").and_then(Value::as_str) == Some(uri) {
                roots.push(uri);
            }
        }
        let mut used = BTreeSet::new();
        for root in roots {
            used.insert(root);
            let entry = by_uri[root];
            let attributes = self.flat_children(root, entry, true, &by_uri, &mut used);
            let mut schema = Map::new();
            schema.insert("id".into(), Value::String(root.to_owned()));
            if let Some(d) = entry.get("description") {
                schema.insert("description".into(), d.clone());
            }
            schema.insert("attributes".into(), Value::Array(attributes));
            self.schema(&schema)?;
            let index = self.catalog.schemas.len() - 1;
            self.catalog.extension_hints.insert(index);
        }
        let mut unused: Vec<&str> = by_uri
            .keys()
            .copied()
            .filter(|u| !used.contains(u))
            .collect();
        unused.sort_unstable();
        for uri in unused {
            self.warn(
                WarningCode::DocumentShape,
                Some(uri),
                None,
                "attribute definition not reachable from any schema entry: skipped",
            );
        }
        Ok(())
    }

    pub(super) fn flat_children<'v>(
        &mut self,
        uri: &'v str,
        entry: &Map<String, Value>,
        root: bool,
        by_uri: &HashMap<&'v str, &'v Map<String, Value>>,
        used: &mut BTreeSet<&'v str>,
    ) -> Vec<Value> {
        let names = match entry.get("subAttributes") {
            Some(Value::String(s)) if s != "null" => {
                s.split_whitespace().map(str::to_owned).collect()
            }
            Some(Value::Array(a)) => a
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        };
        let mut out = Vec::new();
        for name in names {
            let child_uri = if root {
                format!("{uri}:{name}")
            } else {
                format!("{uri}.{name}")
            };
            let Some((&key, &child)) = by_uri.get_key_value(child_uri.as_str()) else {
                self.warn(
                    WarningCode::DocumentShape,
                    Some(uri),
                    Some(std::slice::from_ref(&name)),
                    format!("listed as a sub-attribute but `{child_uri}` is not defined: skipped"),
                );
                continue;
            };
            if !used.insert(key) {
                continue;
            }
            let mut attr = Map::new();
            for (from, to) in [
                ("attributeName", "name"),
                ("dataType", "type"),
                ("multiValued", "multiValued"),
                ("description", "description"),
                ("required", "required"),
                ("caseExact", "caseExact"),
                ("mutability", "mutability"),
                ("returned", "returned"),
                ("uniqueness", "uniqueness"),
                ("canonicalValues", "canonicalValues"),
                ("referenceTypes", "referenceTypes"),
            ] {
                if let Some(v) = child.get(from) {
                    attr.insert(to.into(), v.clone());
                }
            }
            let subs = self.flat_children(key, child, false, by_uri, used);
            if !subs.is_empty() {
                attr.insert("subAttributes".into(), Value::Array(subs));
            }
            out.push(Value::Object(attr));
        }
        out
    }
}

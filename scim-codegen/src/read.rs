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

use std::collections::{BTreeSet, HashMap};

use serde_json::{Map, Value};

use crate::error::{Error, Location, Warning};
use crate::model::{Attribute, ResourceType, Schema, Type, MUTABILITY, RETURNED, UNIQUENESS};

const SCHEMA_URN: &str = "urn:ietf:params:scim:schemas:core:2.0:Schema";
const RESOURCE_TYPE_URN: &str = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
const SPC_URN: &str = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
const LIST_URN: &str = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

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
    fn loc(&self, schema_id: Option<&str>, path: Option<&[String]>) -> Location {
        Location {
            file: self.file.to_owned(),
            schema_id: schema_id.map(str::to_owned),
            attribute_path: path.filter(|p| !p.is_empty()).map(|p| p.join(" / ")),
            position: None,
        }
    }

    fn warn(
        &mut self,
        schema_id: Option<&str>,
        path: Option<&[String]>,
        message: impl Into<String>,
    ) {
        let loc = self.loc(schema_id, path);
        self.catalog.warnings.push(Warning::at(&loc, message));
    }

    fn invalid(
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

    fn value(&mut self, value: &Value, top: bool) -> Result<(), Error> {
        match value {
            Value::Array(items) => {
                if items.iter().any(|i| i.get("attributeURI").is_some()) {
                    return self.flat_attribute_list(items);
                }
                for (index, item) in items.iter().enumerate() {
                    match item {
                        Value::Object(obj) => self.object(obj, false)?,
                        other => self.warn(
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

    fn object(&mut self, obj: &Map<String, Value>, top: bool) -> Result<(), Error> {
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
                    id,
                    None,
                    "object is neither a Schema nor a ResourceType: skipped",
                );
                Ok(())
            }
        }
    }

    fn list_response(&mut self, obj: &Map<String, Value>) -> Result<(), Error> {
        let (key, resources) = match get_ci(obj, "Resources") {
            Some(found) => found,
            None => {
                self.warn(
                    None,
                    None,
                    "ListResponse without `Resources`: read as empty",
                );
                return Ok(());
            }
        };
        if key != "Resources" {
            self.warn(
                None,
                None,
                format!("ListResponse uses `{key}` instead of `Resources`: accepted"),
            );
        }
        let items = match resources {
            Value::Array(items) => items,
            Value::Null => {
                self.warn(None, None, "`Resources` is null: read as empty");
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

    fn resource_type(&mut self, obj: &Map<String, Value>) -> Result<(), Error> {
        let id = obj.get("id").and_then(Value::as_str).map(str::to_owned);
        let shown = id
            .clone()
            .or_else(|| obj.get("name").and_then(Value::as_str).map(str::to_owned));
        let shown = shown.as_deref();
        let Some(schema) = obj
            .get("schema")
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
        else {
            self.warn(
                shown,
                None,
                "ResourceType without a `schema` string: skipped",
            );
            return Ok(());
        };
        let name = match obj
            .get("name")
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
        {
            Some(name) => name.to_owned(),
            None => {
                let name = id
                    .clone()
                    .unwrap_or_else(|| crate::naming::name_from_urn(schema));
                self.warn(
                    shown,
                    None,
                    format!("ResourceType without a `name`: named `{name}`"),
                );
                name
            }
        };
        let endpoint = match obj
            .get("endpoint")
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
        {
            Some(e) if e.starts_with('/') => e.to_owned(),
            Some(e) => {
                self.warn(
                    shown,
                    None,
                    format!("`endpoint` `{e}` has no leading `/`: read as `/{e}`"),
                );
                format!("/{e}")
            }
            None => {
                let e = format!("/{name}s");
                self.warn(
                    shown,
                    None,
                    format!("ResourceType without an `endpoint`: read as `{e}`"),
                );
                e
            }
        };
        let mut extensions = Vec::new();
        match obj.get("schemaExtensions") {
            None => {}
            Some(Value::Null) => {
                self.warn(shown, None, "`schemaExtensions` is null: read as empty")
            }
            Some(Value::Array(list)) => {
                for (index, ext) in list.iter().enumerate() {
                    let Some(urn) = ext.get("schema").and_then(Value::as_str) else {
                        self.warn(
                            shown,
                            None,
                            format!("`schemaExtensions`[{index}] has no `schema` string: skipped"),
                        );
                        continue;
                    };
                    let path = [format!("schemaExtensions[{index}]")];
                    let required = match ext.get("required") {
                        None => {
                            self.warn(shown, Some(&path), "no `required`: read as false");
                            false
                        }
                        Some(v) => self.boolean(shown, &path, "required", v)?,
                    };
                    if extensions.iter().any(|(u, _): &(String, bool)| u == urn) {
                        self.warn(
                            shown,
                            Some(&path),
                            format!("extension `{urn}` listed twice: the first is kept"),
                        );
                        continue;
                    }
                    extensions.push((urn.to_owned(), required));
                }
            }
            Some(other) => {
                return Err(self.invalid(
                    shown,
                    Some(&["schemaExtensions".to_owned()]),
                    format!("an array, found {}", kind_of(other)),
                ))
            }
        }
        self.catalog.resource_types.push(ResourceType {
            id,
            name,
            endpoint,
            schema: schema.to_owned(),
            extensions,
            file: self.file.to_owned(),
        });
        Ok(())
    }

    fn attribute_as_schema(&mut self, obj: &Map<String, Value>) -> Result<(), Error> {
        let id = obj
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        self.warn(
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
    fn flat_attribute_list(&mut self, items: &[Value]) -> Result<(), Error> {
        self.warn(
            None,
            None,
            "flat list of attribute definitions (`attributeURI`/`attributeName`/`dataType`): schemas rebuilt from the URIs",
        );
        let mut by_uri: HashMap<&str, &Map<String, Value>> = HashMap::new();
        let mut roots = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let Some(obj) = item.as_object() else {
                self.warn(
                    None,
                    None,
                    format!("entry {index} is {}, not an object: skipped", kind_of(item)),
                );
                continue;
            };
            let Some(uri) = obj.get("attributeURI").and_then(Value::as_str) else {
                self.warn(
                    None,
                    None,
                    format!("entry {index} has no `attributeURI`: skipped"),
                );
                continue;
            };
            if by_uri.insert(uri, obj).is_some() {
                self.warn(
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
                Some(uri),
                None,
                "attribute definition not reachable from any schema entry: skipped",
            );
        }
        Ok(())
    }

    fn flat_children<'v>(
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

    fn schema(&mut self, obj: &Map<String, Value>) -> Result<(), Error> {
        let id = match obj.get("id") {
            Some(Value::String(id)) if !id.trim().is_empty() => id.clone(),
            _ => {
                let name = obj.get("name").and_then(Value::as_str);
                return Err(self.invalid(
                    name,
                    None,
                    "an `id` string (the schema URN) on every schema",
                ));
            }
        };
        let sid = Some(id.as_str());
        let first_warning = self.catalog.warnings.len();
        if (obj.get("schema").is_some_and(Value::is_string) && obj.contains_key("endpoint"))
            || id.starts_with("urn:scim:schemas:core:1.0")
        {
            return Err(Error::Scim11 {
                location: self.loc(sid, None),
            });
        }
        let name = match obj.get("name") {
            Some(Value::String(n)) if !n.trim().is_empty() => Some(n.clone()),
            None | Some(Value::Null) => None,
            Some(Value::String(_)) => {
                self.warn(sid, None, "empty `name`: a name is derived from the id");
                None
            }
            Some(other) => {
                self.warn(
                    sid,
                    None,
                    format!("`name` is {}, not a string: ignored", kind_of(other)),
                );
                None
            }
        };
        let description = match obj.get("description") {
            Some(Value::String(d)) => Some(d.clone()),
            None | Some(Value::Null) => None,
            Some(other) => {
                self.warn(
                    sid,
                    None,
                    format!("`description` is {}, not a string: ignored", kind_of(other)),
                );
                None
            }
        };
        let mut unknown = BTreeSet::new();
        for key in obj.keys() {
            if !["id", "name", "description", "attributes", "meta", "schemas"]
                .contains(&key.as_str())
            {
                unknown.insert(key.clone());
            }
        }
        let mut attributes = Vec::new();
        match obj.get("attributes") {
            None => self.warn(sid, None, "no `attributes`: read as no attributes"),
            Some(Value::Null) => {
                self.warn(sid, None, "`attributes` is null: read as no attributes")
            }
            Some(Value::Array(list)) => {
                let mut skipped = Vec::new();
                for (index, item) in list.iter().enumerate() {
                    match item {
                        Value::Object(attr) => {
                            let attr = self.attribute(sid, attr, &mut Vec::new(), &mut unknown)?;
                            self.push_unique(sid, &[], &mut attributes, attr)?;
                        }
                        _ => skipped.push(index),
                    }
                }
                if !skipped.is_empty() {
                    self.warn(
                        sid,
                        None,
                        format!(
                            "{} entries of `attributes` are not attribute objects (strings, booleans, arrays at {}): skipped",
                            skipped.len(),
                            ranges(&skipped)
                        ),
                    );
                }
            }
            Some(other) => {
                return Err(self.invalid(
                    sid,
                    Some(&["attributes".to_owned()]),
                    format!("an array of attributes, found {}", kind_of(other)),
                ))
            }
        }
        if !unknown.is_empty() {
            let keys: Vec<String> = unknown.into_iter().map(|k| format!("`{k}`")).collect();
            self.warn(
                sid,
                None,
                format!(
                    "keys that RFC 7643 does not define are ignored: {}",
                    keys.join(", ")
                ),
            );
        }
        collapse(&mut self.catalog.warnings, first_warning);
        let schema = Schema {
            id: id.clone(),
            name,
            description,
            attributes,
            file: self.file.to_owned(),
        };
        let sid = Some(id.as_str());
        if let Some(prev) = self.catalog.schemas.iter().find(|s| s.id == schema.id) {
            if prev.attributes == schema.attributes
                && prev.name == schema.name
                && prev.description == schema.description
            {
                let first = prev.file.clone();
                self.warn(
                    sid,
                    None,
                    format!(
                        "schema defined again (identically; first in {first}): the copy is skipped"
                    ),
                );
                return Ok(());
            }
            return Err(Error::DuplicateSchema {
                location: self.loc(sid, None),
                first_file: prev.file.clone(),
            });
        }
        self.catalog.schemas.push(schema);
        Ok(())
    }

    /// Adds `attr` unless an attribute with the same name (case-insensitively) is there: an
    /// identical copy is skipped with a warning, a different definition is an error.
    fn push_unique(
        &mut self,
        sid: Option<&str>,
        parent: &[String],
        list: &mut Vec<Attribute>,
        attr: Attribute,
    ) -> Result<(), Error> {
        let mut path = parent.to_vec();
        path.push(attr.name.clone());
        if let Some(prev) = list
            .iter()
            .find(|a| a.name.eq_ignore_ascii_case(&attr.name))
        {
            if *prev == attr {
                self.warn(
                    sid,
                    Some(&path),
                    "attribute defined twice, identically: the copy is skipped",
                );
                return Ok(());
            }
            return Err(Error::DuplicateAttribute {
                location: self.loc(sid, Some(&path)),
                name: attr.name,
            });
        }
        list.push(attr);
        Ok(())
    }

    fn boolean(
        &mut self,
        sid: Option<&str>,
        path: &[String],
        key: &str,
        value: &Value,
    ) -> Result<bool, Error> {
        match value {
            Value::Bool(b) => Ok(*b),
            Value::String(s)
                if s.eq_ignore_ascii_case("true") || s.eq_ignore_ascii_case("false") =>
            {
                let b = s.eq_ignore_ascii_case("true");
                self.warn(
                    sid,
                    Some(path),
                    format!("`{key}` is the string \"{s}\": read as {b}"),
                );
                Ok(b)
            }
            Value::Null => {
                self.warn(sid, Some(path), format!("`{key}` is null: read as false"));
                Ok(false)
            }
            other => Err(self.invalid(
                sid,
                Some(path),
                format!("`{key}` to be true or false, found {}", short(other)),
            )),
        }
    }

    fn flag(
        &mut self,
        sid: Option<&str>,
        path: &[String],
        obj: &Map<String, Value>,
        key: &str,
        warn_missing: bool,
    ) -> Result<bool, Error> {
        match obj.get(key) {
            Some(v) => self.boolean(sid, path, key, v),
            None => {
                if warn_missing {
                    self.warn(
                        sid,
                        Some(path),
                        format!("no `{key}`: RFC 7643 default false"),
                    );
                }
                Ok(false)
            }
        }
    }

    fn keyword(
        &mut self,
        sid: Option<&str>,
        path: &[String],
        obj: &Map<String, Value>,
        (key, allowed, default): (&str, &[&'static str], &'static str),
        warn_missing: bool,
    ) -> Result<&'static str, Error> {
        match obj.get(key) {
            None | Some(Value::Null) => {
                if warn_missing {
                    self.warn(
                        sid,
                        Some(path),
                        format!("no `{key}`: RFC 7643 default \"{default}\""),
                    );
                }
                Ok(default)
            }
            Some(Value::String(s)) => {
                if let Some(found) = allowed.iter().find(|a| **a == s) {
                    return Ok(found);
                }
                if let Some(found) = allowed.iter().find(|a| a.eq_ignore_ascii_case(s)) {
                    self.warn(
                        sid,
                        Some(path),
                        format!("`{key}` \"{s}\" in the wrong case: read as \"{found}\""),
                    );
                    return Ok(found);
                }
                Err(self.invalid(
                    sid,
                    Some(path),
                    format!("`{key}` to be one of {}, found \"{s}\"", quoted(allowed)),
                ))
            }
            Some(other) => Err(self.invalid(
                sid,
                Some(path),
                format!(
                    "`{key}` to be one of {}, found {}",
                    quoted(allowed),
                    short(other)
                ),
            )),
        }
    }

    fn attribute(
        &mut self,
        sid: Option<&str>,
        obj: &Map<String, Value>,
        parent: &mut Vec<String>,
        unknown: &mut BTreeSet<String>,
    ) -> Result<Attribute, Error> {
        let name = match obj.get("name") {
            Some(Value::String(n)) if !n.is_empty() => n.clone(),
            other => {
                return Err(self.invalid(
                    sid,
                    Some(parent),
                    format!(
                        "a `name` string on every attribute, found {}",
                        other.map_or("no `name`".to_owned(), short)
                    ),
                ))
            }
        };
        parent.push(name.clone());
        let result = self.attribute_body(sid, obj, name, parent, unknown);
        parent.pop();
        result
    }

    fn attribute_body(
        &mut self,
        sid: Option<&str>,
        obj: &Map<String, Value>,
        name: String,
        path: &mut Vec<String>,
        unknown: &mut BTreeSet<String>,
    ) -> Result<Attribute, Error> {
        const KNOWN: &[&str] = &[
            "name",
            "type",
            "multiValued",
            "description",
            "required",
            "canonicalValues",
            "caseExact",
            "mutability",
            "returned",
            "uniqueness",
            "referenceTypes",
            "subAttributes",
        ];
        for key in obj.keys() {
            if !KNOWN.contains(&key.as_str()) && key != "subattributes" && key != "attributes" {
                unknown.insert(key.clone());
            }
        }
        // Sub-attributes first: a missing `type` reads as complex when there are some.
        let sub_key = ["subAttributes", "subattributes", "attributes"]
            .into_iter()
            .find(|k| obj.contains_key(*k));
        let sub_value = sub_key.and_then(|k| obj.get(k));
        let has_subs = sub_value
            .and_then(Value::as_array)
            .is_some_and(|a| !a.is_empty());
        let ty = match obj.get("type") {
            None | Some(Value::Null) => {
                let ty = if has_subs {
                    Type::Complex
                } else {
                    Type::String
                };
                self.warn(
                    sid,
                    Some(path),
                    format!("no `type`: read as \"{}\"", ty.as_str()),
                );
                ty
            }
            Some(Value::String(s)) => match parse_type(s) {
                Some(ty) if ty.as_str() == s => ty,
                Some(ty) => {
                    self.warn(
                        sid,
                        Some(path),
                        format!(
                            "type \"{s}\" is not an RFC 7643 type name: read as \"{}\"",
                            ty.as_str()
                        ),
                    );
                    ty
                }
                None => {
                    let names: Vec<&str> = Type::ALL.iter().map(|t| t.as_str()).collect();
                    return Err(self.invalid(
                        sid,
                        Some(path),
                        format!("`type` to be one of {}, found \"{s}\"", quoted(&names)),
                    ));
                }
            },
            Some(other) => {
                return Err(self.invalid(
                    sid,
                    Some(path),
                    format!("`type` to be a string, found {}", short(other)),
                ))
            }
        };
        let multi_valued = self.flag(sid, path, obj, "multiValued", true)?;
        let required = self.flag(sid, path, obj, "required", true)?;
        let case_exact_applies = matches!(ty, Type::String | Type::Reference | Type::Binary);
        let case_exact = self.flag(sid, path, obj, "caseExact", case_exact_applies)?;
        let read_only_key = obj.get("readOnly").and_then(Value::as_bool);
        let mutability = if obj.get("mutability").is_none() && read_only_key == Some(true) {
            self.warn(
                sid,
                Some(path),
                "no `mutability` but SCIM 1.1 `readOnly: true`: read as \"readOnly\"",
            );
            "readOnly"
        } else {
            self.keyword(
                sid,
                path,
                obj,
                ("mutability", &MUTABILITY, "readWrite"),
                true,
            )?
        };
        let returned = self.keyword(sid, path, obj, ("returned", &RETURNED, "default"), true)?;
        let uniqueness_applies = !matches!(ty, Type::Complex | Type::Boolean);
        let uniqueness = self.keyword(
            sid,
            path,
            obj,
            ("uniqueness", &UNIQUENESS, "none"),
            uniqueness_applies,
        )?;
        if mutability == "writeOnly" && returned == "always" {
            return Err(self.invalid(
                sid,
                Some(path),
                "a writeOnly attribute not to be `returned: \"always\"` (RFC 7643 §7: writeOnly values SHALL NOT be returned)",
            ));
        }
        if mutability == "writeOnly" && returned != "never" {
            self.warn(sid, Some(path), format!("writeOnly attribute with `returned: \"{returned}\"` (RFC 7643 §7: writeOnly values are never returned): kept as given"));
        }
        if mutability == "readOnly" && returned == "never" {
            self.warn(sid, Some(path), "readOnly attribute that is never returned can be neither written nor read: kept as given");
        }
        let description = match obj.get("description") {
            Some(Value::String(d)) => Some(d.clone()),
            None | Some(Value::Null) => {
                self.warn(sid, Some(path), "no `description`");
                None
            }
            Some(other) => {
                self.warn(
                    sid,
                    Some(path),
                    format!("`description` is {}, not a string: ignored", kind_of(other)),
                );
                None
            }
        };
        let canonical_values = self.canonical_values(sid, path, obj, ty)?;
        let reference_types = self.reference_types(sid, path, obj, ty)?;
        let mut sub_attributes = Vec::new();
        if let (Some(key), Some(value)) = (sub_key, sub_value) {
            if key != "subAttributes" && has_subs {
                self.warn(
                    sid,
                    Some(path),
                    format!("sub-attributes under `{key}` instead of `subAttributes`: accepted"),
                );
            }
            match value {
                Value::Null => {
                    self.warn(sid, Some(path), format!("`{key}` is null: read as empty"))
                }
                Value::Array(list) if ty == Type::Complex => {
                    let mut skipped = Vec::new();
                    for (index, item) in list.iter().enumerate() {
                        match item {
                            Value::Object(sub) => {
                                let attr = self.attribute(sid, sub, path, unknown)?;
                                self.push_unique(sid, path, &mut sub_attributes, attr)?;
                            }
                            _ => skipped.push(index),
                        }
                    }
                    if !skipped.is_empty() {
                        self.warn(
                            sid,
                            Some(path),
                            format!(
                                "entries {} of `{key}` are not attribute objects: skipped",
                                ranges(&skipped)
                            ),
                        );
                    }
                }
                Value::Array(list) if list.is_empty() => {}
                Value::Array(_) => self.warn(
                    sid,
                    Some(path),
                    format!(
                        "`{key}` on a \"{}\" attribute: ignored, the declared type wins",
                        ty.as_str()
                    ),
                ),
                other => {
                    return Err(self.invalid(
                        sid,
                        Some(path),
                        format!("`{key}` to be an array, found {}", kind_of(other)),
                    ))
                }
            }
        }
        if ty == Type::Complex && sub_attributes.is_empty() {
            self.warn(
                sid,
                Some(path),
                "complex attribute without sub-attributes: its struct has only the `other` map, which keeps every value",
            );
        }
        Ok(Attribute {
            name,
            ty,
            multi_valued,
            description,
            required,
            case_exact,
            mutability,
            returned,
            uniqueness,
            canonical_values,
            reference_types,
            sub_attributes,
        })
    }

    fn canonical_values(
        &mut self,
        sid: Option<&str>,
        path: &[String],
        obj: &Map<String, Value>,
        ty: Type,
    ) -> Result<Vec<Value>, Error> {
        let list = match obj.get("canonicalValues") {
            None => return Ok(Vec::new()),
            Some(Value::Null) => {
                self.warn(sid, Some(path), "`canonicalValues` is null: read as empty");
                return Ok(Vec::new());
            }
            Some(Value::Array(list)) => list,
            Some(other) => {
                return Err(self.invalid(
                    sid,
                    Some(path),
                    format!("`canonicalValues` to be an array, found {}", kind_of(other)),
                ))
            }
        };
        let mut out: Vec<Value> = Vec::new();
        for item in list {
            let value = match item {
                Value::Object(o)
                    if o.get("value")
                        .is_some_and(|v| !v.is_object() && !v.is_array()) =>
                {
                    self.warn(sid, Some(path), "canonical values written as `{\"value\": ..}` objects: the values are read");
                    o["value"].clone()
                }
                Value::Object(_) | Value::Array(_) | Value::Null => {
                    self.warn(
                        sid,
                        Some(path),
                        format!("canonical value {} is not a scalar: skipped", short(item)),
                    );
                    continue;
                }
                scalar => scalar.clone(),
            };
            let Some(value) = self.coerce_canonical(sid, path, ty, value) else {
                continue;
            };
            if out.contains(&value) {
                self.warn(
                    sid,
                    Some(path),
                    format!("canonical value {} listed twice: kept once", short(&value)),
                );
                continue;
            }
            out.push(value);
        }
        Ok(out)
    }

    /// Brings a canonical value to the JSON type of the attribute, or drops it with a warning.
    fn coerce_canonical(
        &mut self,
        sid: Option<&str>,
        path: &[String],
        ty: Type,
        value: Value,
    ) -> Option<Value> {
        let shown = short(&value);
        let coerced = match (ty, &value) {
            (Type::Complex, _) => {
                self.warn(
                    sid,
                    Some(path),
                    format!("canonical value {shown} on a complex attribute: skipped"),
                );
                return None;
            }
            (Type::Boolean, Value::Bool(_))
            | (Type::Integer, Value::Number(_))
            | (Type::Decimal, Value::Number(_)) => {
                if ty == Type::Integer && value.as_i64().is_none() {
                    None
                } else {
                    return Some(value);
                }
            }
            (Type::String | Type::Reference | Type::DateTime | Type::Binary, Value::String(_)) => {
                return Some(value)
            }
            (Type::String | Type::Reference | Type::DateTime | Type::Binary, Value::Number(n)) => {
                Some(Value::String(n.to_string()))
            }
            (Type::String | Type::Reference | Type::DateTime | Type::Binary, Value::Bool(b)) => {
                Some(Value::String(b.to_string()))
            }
            (Type::Integer, Value::String(s)) => s.trim().parse::<i64>().ok().map(Value::from),
            (Type::Decimal, Value::String(s)) => s
                .trim()
                .parse::<f64>()
                .ok()
                .and_then(serde_json::Number::from_f64)
                .map(Value::Number),
            (Type::Boolean, Value::String(s)) => match s.to_ascii_lowercase().as_str() {
                "true" => Some(Value::Bool(true)),
                "false" => Some(Value::Bool(false)),
                _ => None,
            },
            _ => None,
        };
        match coerced {
            Some(c) => {
                self.warn(
                    sid,
                    Some(path),
                    format!(
                        "canonical values of the wrong JSON type for a \"{}\" attribute: converted",
                        ty.as_str()
                    ),
                );
                Some(c)
            }
            None => {
                self.warn(
                    sid,
                    Some(path),
                    format!(
                        "canonical value {shown} cannot be read as \"{}\": skipped",
                        ty.as_str()
                    ),
                );
                None
            }
        }
    }

    fn reference_types(
        &mut self,
        sid: Option<&str>,
        path: &[String],
        obj: &Map<String, Value>,
        ty: Type,
    ) -> Result<Vec<String>, Error> {
        let list = match obj.get("referenceTypes") {
            None => {
                if ty == Type::Reference {
                    self.warn(
                        sid,
                        Some(path),
                        "reference attribute without `referenceTypes`",
                    );
                }
                return Ok(Vec::new());
            }
            Some(Value::Null) => {
                self.warn(sid, Some(path), "`referenceTypes` is null: read as empty");
                return Ok(Vec::new());
            }
            Some(Value::Array(list)) => list,
            Some(other) => {
                return Err(self.invalid(
                    sid,
                    Some(path),
                    format!("`referenceTypes` to be an array, found {}", kind_of(other)),
                ))
            }
        };
        let mut out: Vec<String> = Vec::new();
        for item in list {
            match item.as_str() {
                Some(s) if !out.iter().any(|o| o == s) => {
                    if s == "resource" {
                        self.warn(sid, Some(path), "`referenceTypes` value \"resource\" is not a resource type name: kept as given");
                    }
                    out.push(s.to_owned());
                }
                Some(_) => {}
                None => self.warn(
                    sid,
                    Some(path),
                    format!(
                        "`referenceTypes` entry {} is not a string: skipped",
                        short(item)
                    ),
                ),
            }
        }
        if ty != Type::Reference && !out.is_empty() {
            self.warn(
                sid,
                Some(path),
                format!(
                    "`referenceTypes` on a \"{}\" attribute: ignored",
                    ty.as_str()
                ),
            );
            out.clear();
        }
        Ok(out)
    }
}

fn parse_type(s: &str) -> Option<Type> {
    if let Some(ty) = Type::ALL
        .into_iter()
        .find(|t| t.as_str().eq_ignore_ascii_case(s))
    {
        return Some(ty);
    }
    Some(match s.to_ascii_lowercase().as_str() {
        "bool" => Type::Boolean,
        "int" | "long" => Type::Integer,
        "date-time" | "date_time" => Type::DateTime,
        "ref" | "uri" => Type::Reference,
        _ => return None,
    })
}

/// Merges warnings (from `from` on) that share file, schema and message: the first keeps its
/// path and says how many other places there were.
fn collapse(warnings: &mut Vec<Warning>, from: usize) {
    let tail: Vec<Warning> = warnings.drain(from..).collect();
    let mut merged: Vec<(Warning, usize)> = Vec::new();
    for w in tail {
        match merged
            .iter_mut()
            .find(|(m, _)| m.file == w.file && m.schema_id == w.schema_id && m.message == w.message)
        {
            Some((_, count)) => *count += 1,
            None => merged.push((w, 0)),
        }
    }
    for (mut w, count) in merged {
        if count > 0 {
            w.message = format!("{} (and {count} more in this schema)", w.message);
        }
        warnings.push(w);
    }
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A value for a message, cut to 40 characters.
fn short(v: &Value) -> String {
    let text = v.to_string();
    if text.chars().count() > 40 {
        format!("{}…", text.chars().take(40).collect::<String>())
    } else {
        text
    }
}

fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `[1, 2, 3, 7]` → `1-3, 7`.
fn ranges(indices: &[usize]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < indices.len() {
        let start = indices[i];
        let mut end = start;
        while i + 1 < indices.len() && indices[i + 1] == end + 1 {
            i += 1;
            end += 1;
        }
        parts.push(if start == end {
            start.to_string()
        } else {
            format!("{start}-{end}")
        });
        i += 1;
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read(doc: Value) -> Result<Catalog, Error> {
        let mut catalog = Catalog::default();
        read_document("t.json", &doc, &mut catalog)?;
        Ok(catalog)
    }

    #[test]
    fn ranges_are_compact() {
        assert_eq!(ranges(&[1, 2, 3, 7, 9, 10]), "1-3, 7, 9-10");
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
        assert_eq!(a.mutability, "readWrite");
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

//! A resource backed by JSON and described by run-time schemas, with the same rules as the
//! typed resources: contexts, case-insensitive names, `returned`/`mutability`, unknown
//! attributes kept.

use serde_json::{Map, Value};

use super::defs::{schema_def, SchemaError};
use crate::attribute::{AttributeDef, AttributeType, Mutability, SchemaDef, COMMON_ATTRIBUTES};
use crate::context::{Context, Projection, Scope};
use crate::json_value::{
    check_once, duplicate, find_def, insert_read, invalid, kind, read_object, read_value,
    remove_unassigned, reserved_key,
};
use crate::payload::PayloadError;
use crate::schema::{ResourceType, Schema};
use crate::validation::validator::Validator;
use crate::validation::{ScimType, ViolationKind, Violations};
use crate::value::{Attr, AttributeAccess};

/// A resource type known only at run time: its core schema and extensions, from Schema and
/// ResourceType documents (for instance those [`discover`](crate::schema) returns).
#[derive(Debug, Clone, PartialEq)]
pub struct DynamicType {
    /// The resource type name, e.g. `User`.
    pub name: String,
    /// The endpoint, e.g. `/Users`.
    pub endpoint: String,
    /// The core schema.
    pub schema: &'static SchemaDef,
    /// The extension schemas, and whether each is required.
    pub extensions: Vec<(&'static SchemaDef, bool)>,
}

/// Why a dynamic type cannot be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DynamicTypeError {
    /// A schema document is not usable.
    #[error(transparent)]
    Schema(#[from] SchemaError),
    /// The resource type names a schema that is not among the documents.
    #[error(
        "resource type `{resource_type}` uses schema `{schema}`, which is not among the schemas"
    )]
    MissingSchema {
        /// The resource type.
        resource_type: String,
        /// The missing schema URN.
        schema: String,
    },
}

impl DynamicType {
    /// A type from its core schema and extensions.
    ///
    /// # Errors
    ///
    /// A schema whose attribute types are not SCIM types.
    pub fn new(
        name: &str,
        endpoint: &str,
        schema: &Schema,
        extensions: &[(&Schema, bool)],
    ) -> Result<Self, DynamicTypeError> {
        Ok(Self {
            name: name.to_owned(),
            endpoint: endpoint.to_owned(),
            schema: schema_def(schema)?,
            extensions: extensions
                .iter()
                .map(|(s, required)| Ok((schema_def(s)?, *required)))
                .collect::<Result<_, SchemaError>>()?,
        })
    }

    /// A type from a ResourceType document and the server's schemas.
    ///
    /// # Errors
    ///
    /// A schema the resource type names but `schemas` lacks, or an unusable schema.
    pub fn from_resource_type(
        resource_type: &ResourceType,
        schemas: &[Schema],
    ) -> Result<Self, DynamicTypeError> {
        let name = resource_type
            .name
            .clone()
            .or_else(|| resource_type.id.clone())
            .unwrap_or_default();
        let find = |urn: &str| {
            schemas
                .iter()
                .find(|s| s.id.eq_ignore_ascii_case(urn))
                .ok_or_else(|| DynamicTypeError::MissingSchema {
                    resource_type: name.clone(),
                    schema: urn.to_owned(),
                })
        };
        let core = find(resource_type.schema.as_deref().unwrap_or_default())?;
        let extensions = resource_type
            .schema_extensions
            .iter()
            .map(|e| {
                Ok((
                    find(e.schema.as_deref().unwrap_or_default())?,
                    e.required.unwrap_or(false),
                ))
            })
            .collect::<Result<Vec<_>, DynamicTypeError>>()?;
        let endpoint = resource_type
            .endpoint
            .clone()
            .unwrap_or_else(|| format!("/{name}s"));
        Self::new(&name, &endpoint, core, &extensions)
    }

    /// Reads a payload (no context rules), as `payload::from_value` reads a typed resource.
    ///
    /// # Errors
    ///
    /// [`PayloadError::Invalid`] naming the attribute whose value has the wrong JSON type, or a
    /// duplicate attribute, or `schemas` without the core schema.
    pub fn from_value(&self, json: Value) -> Result<DynamicResource, PayloadError> {
        let Value::Object(input) = json else {
            return Err(invalid(
                ".",
                ScimType::InvalidSyntax,
                format!(
                    "invalid type: {}, expected a SCIM {} object",
                    kind(&json),
                    self.name
                ),
            ));
        };
        let data = self.read(input)?;
        Ok(DynamicResource {
            resource_type: self.clone(),
            data,
        })
    }

    /// Reads JSON text, as `payload::from_str` does.
    ///
    /// # Errors
    ///
    /// As [`DynamicType::from_value`], and [`PayloadError::Syntax`] for text that is not JSON.
    pub fn from_str(&self, json: &str) -> Result<DynamicResource, PayloadError> {
        let value: Value = crate::payload::from_str(json)?;
        self.check_repeated_keys(serde_json::Deserializer::from_str(json))?;
        self.from_value(value)
    }

    /// Reads JSON bytes, as `payload::from_slice` does.
    ///
    /// # Errors
    ///
    /// As [`DynamicType::from_str`].
    pub fn from_slice(&self, json: &[u8]) -> Result<DynamicResource, PayloadError> {
        let value: Value = crate::payload::from_slice(json)?;
        self.check_repeated_keys(serde_json::Deserializer::from_slice(json))?;
        self.from_value(value)
    }

    /// Refuses a key repeated exactly where the typed reader refuses it: at the top level, in
    /// extension blocks and in complex values of the schemas (inside an unknown attribute's
    /// value, JSON keeps the last, for both). Parsed JSON has already lost repeated keys, so
    /// this reads the text a second time; a repeat in another spelling is found by
    /// [`DynamicType::from_value`].
    fn check_repeated_keys<'de, R: serde_json::de::Read<'de>>(
        &self,
        mut de: serde_json::Deserializer<R>,
    ) -> Result<(), PayloadError> {
        use serde::de::DeserializeSeed;
        let mut track = serde_path_to_error::Track::new();
        let seed = KeyCheck {
            ty: self,
            defs: self.schema.attributes,
            top: true,
        };
        match seed.deserialize(serde_path_to_error::Deserializer::new(&mut de, &mut track)) {
            Ok(()) => Ok(()),
            Err(e) => Err(PayloadError::Invalid {
                scim_type: ScimType::InvalidSyntax,
                path: track.path().to_string(),
                line: e.line(),
                column: e.column(),
                message: strip_position(e.to_string()),
            }),
        }
    }

    /// Reads a payload received in `context`: parses it, drops what the context ignores and
    /// checks it, as `Resource::from_value_in` does.
    ///
    /// # Errors
    ///
    /// As [`DynamicType::from_value`], and [`PayloadError::Violations`].
    pub fn from_value_in(
        &self,
        json: Value,
        context: Context,
    ) -> Result<DynamicResource, PayloadError> {
        let mut resource = self.from_value(json)?;
        resource.drop_ignored_attributes(context);
        resource
            .validate(context)
            .map_err(PayloadError::Violations)?;
        Ok(resource)
    }

    /// Reads the top level of a payload, as the typed reader does: names in any case (RFC 7643
    /// §2.1), `<core URN>:<attribute>` and `<extension URN>:<attribute>` for the attribute
    /// (RFC 7644 §3.10), an extension's block merged with its qualified names, and an
    /// attribute given twice refused.
    fn read(&self, input: Map<String, Value>) -> Result<Map<String, Value>, PayloadError> {
        let mut out = Map::new();
        let mut blocks_seen: Vec<&str> = Vec::new();
        let mut schemas_seen = false;
        let mut qualified_seen: Vec<(&str, String)> = Vec::new();
        let core = self.schema.id;
        for (key, value) in input {
            reserved_key(&key, &key)?;
            if key.eq_ignore_ascii_case("schemas") {
                if schemas_seen {
                    return Err(duplicate(".", "schemas"));
                }
                schemas_seen = true;
                check_schemas(&value, core, &key)?;
                continue;
            }
            let target = find_def(COMMON_ATTRIBUTES, &key)
                .or_else(|| find_def(self.schema.attributes, &key))
                .or_else(|| {
                    crate::urn::strip_schema(&key, core)
                        .and_then(|name| find_def(self.schema.attributes, name))
                });
            if let Some(def) = target {
                check_once(&out, ".", def.name)?;
                insert_read(&mut out, def.name, read_value(def, value, &key)?);
                continue;
            }
            if let Some((ext, _)) = self
                .extensions
                .iter()
                .find(|(e, _)| e.id.eq_ignore_ascii_case(&key))
            {
                if blocks_seen.contains(&ext.id) {
                    return Err(duplicate(".", ext.id));
                }
                blocks_seen.push(ext.id);
                let block = match value {
                    Value::Null => Map::new(),
                    Value::Object(map) => read_object(ext.attributes, map, &format!("{key}:"))?,
                    other => {
                        return Err(invalid(
                            &key,
                            ScimType::InvalidValue,
                            format!(
                                "invalid type: {}, expected a SCIM {} object",
                                kind(&other),
                                ext.name
                            ),
                        ))
                    }
                };
                merge_block(&mut out, ext.id, block)?;
                continue;
            }
            let qualified = self.extensions.iter().find_map(|(e, _)| {
                crate::urn::strip_schema(&key, e.id)
                    .filter(|name| !name.contains('.') && !name.contains(':'))
                    .map(|name| (e, name.to_owned()))
            });
            if let Some((ext, name)) = qualified {
                // The same qualified name twice, in any spelling, even null.
                let lower = name.to_ascii_lowercase();
                if qualified_seen
                    .iter()
                    .any(|(u, n)| *u == ext.id && *n == lower)
                {
                    return Err(duplicate(".", &format!("{}:{lower}", ext.id)));
                }
                qualified_seen.push((ext.id, lower));
                let mut one = Map::new();
                one.insert(name, value);
                // The value is read as in the block; its path is the qualified name as sent.
                let prefix = &key[..ext.id.len() + 1];
                let block = read_object(ext.attributes, one, prefix)?;
                merge_block(&mut out, ext.id, block)?;
                continue;
            }
            crate::__private::insert_unknown(&mut out, key, value)
                .map_err(|earlier| duplicate(".", &earlier))?;
        }
        remove_unassigned(&mut out, |k| self.is_known(k));
        out.retain(|k, v| {
            !(self.extensions.iter().any(|(e, _)| e.id == k.as_str())
                && v.as_object().is_some_and(Map::is_empty))
        });
        Ok(out)
    }

    fn is_known(&self, key: &str) -> bool {
        COMMON_ATTRIBUTES.iter().any(|d| d.name == key)
            || self.schema.attributes.iter().any(|d| d.name == key)
            || self.extensions.iter().any(|(e, _)| e.id == key)
    }
}

fn strip_position(message: String) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message,
    }
}

/// Walks JSON text as the schemas shape it, refusing a key repeated in one object.
struct KeyCheck<'t> {
    ty: &'t DynamicType,
    defs: &'static [AttributeDef],
    top: bool,
}

impl<'de> serde::de::DeserializeSeed<'de> for KeyCheck<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for KeyCheck<'_> {
    type Value = ();
    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("JSON")
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_i128<E>(self, _: i128) -> Result<(), E> {
        Ok(())
    }
    fn visit_u128<E>(self, _: u128) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_none<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq
            .next_element_seed(KeyCheck { top: false, ..self })?
            .is_some()
        {}
        Ok(())
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen: Vec<String> = Vec::new();
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if seen.iter().any(|k| *k == *key) {
                // Named as the readers name it: the schema's spelling, or lower case.
                let name = find_def(self.defs, &key)
                    .map(|d| d.name.to_owned())
                    .unwrap_or_else(|| key.to_ascii_lowercase());
                return Err(serde::de::Error::custom(format_args!(
                    "duplicate attribute `{name}` (attribute names are case-insensitive, RFC 7643 §2.1)"
                )));
            }
            let inner = self.inner(&key);
            seen.push(key.into_owned());
            match inner {
                Some(defs) => map.next_value_seed(KeyCheck {
                    ty: self.ty,
                    defs,
                    top: false,
                })?,
                None => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

impl KeyCheck<'_> {
    /// The attributes inside the value of `key`, when the schemas shape it.
    fn inner(&self, key: &str) -> Option<&'static [AttributeDef]> {
        let complex =
            |d: &'static AttributeDef| (d.ty == AttributeType::Complex).then_some(d.sub_attributes);
        if !self.top {
            return find_def(self.defs, key).and_then(complex);
        }
        let core = self.ty.schema.id;
        if let Some(d) = find_def(COMMON_ATTRIBUTES, key)
            .or_else(|| find_def(self.defs, key))
            .or_else(|| crate::urn::strip_schema(key, core).and_then(|n| find_def(self.defs, n)))
        {
            return complex(d);
        }
        for (ext, _) in &self.ty.extensions {
            if ext.id.eq_ignore_ascii_case(key) {
                return Some(ext.attributes);
            }
            if let Some(name) = crate::urn::strip_schema(key, ext.id) {
                return find_def(ext.attributes, name).and_then(complex);
            }
        }
        None
    }
}

/// Merges the attributes `block` assigns into the extension block `urn` read so far (as
/// `ScimObject::merge_from` does for typed extensions): an attribute both assign is a
/// duplicate.
fn merge_block(
    out: &mut Map<String, Value>,
    urn: &str,
    block: Map<String, Value>,
) -> Result<(), PayloadError> {
    let entry = out
        .entry(urn.to_owned())
        .or_insert_with(|| Value::Object(Map::new()));
    if let Value::Object(into) = entry {
        for (k, v) in block {
            crate::__private::insert_unknown(into, k, v)
                .map_err(|earlier| duplicate(".", &format!("{urn}:{earlier}")))?;
        }
    }
    Ok(())
}

/// Checks `schemas`, named `key` as sent (error paths name attributes as sent).
fn check_schemas(value: &Value, core: &str, key: &str) -> Result<(), PayloadError> {
    match value {
        Value::Null => Ok(()),
        Value::Array(items) => {
            let mut found = false;
            for (i, item) in items.iter().enumerate() {
                match item {
                    Value::String(s) => found |= s.eq_ignore_ascii_case(core),
                    other => {
                        return Err(invalid(
                            &format!("{key}[{i}]"),
                            ScimType::InvalidValue,
                            format!("invalid type: {}, expected a string", kind(other)),
                        ))
                    }
                }
            }
            if found {
                Ok(())
            } else {
                Err(invalid(
                    key,
                    ScimType::InvalidSyntax,
                    format!("`schemas` does not name `{core}`"),
                ))
            }
        }
        other => Err(invalid(
            key,
            ScimType::InvalidSyntax,
            format!(
                "invalid type: {}, expected a list of schema URNs",
                kind(other)
            ),
        )),
    }
}

/// A resource known only at run time: JSON with its [`DynamicType`].
///
/// Its `Debug` (in `debug.rs`) redacts the values of sensitive attributes.
#[derive(Clone, PartialEq)]
pub struct DynamicResource {
    resource_type: DynamicType,
    data: Map<String, Value>,
}

impl DynamicResource {
    /// The resource type.
    pub fn resource_type(&self) -> &DynamicType {
        &self.resource_type
    }

    /// The attributes, under their canonical names (unknown ones as sent).
    pub fn as_json(&self) -> &Map<String, Value> {
        &self.data
    }

    /// `id`.
    pub fn id(&self) -> Option<&str> {
        self.data.get("id").and_then(Value::as_str)
    }

    /// `meta.version`, the resource's ETag (RFC 7644 §3.14).
    pub fn meta_version(&self) -> Option<&str> {
        self.data.get("meta")?.get("version")?.as_str()
    }

    /// Sets `meta.version` to `etag` unless the resource has a version already: a response's
    /// `ETag` header stands for a version its body leaves out (RFC 7644 §3.14).
    pub fn set_version_if_missing(&mut self, etag: &str) {
        if self.meta_version().is_some_and(|v| !v.is_empty()) {
            return;
        }
        let meta = self
            .data
            .entry("meta")
            .or_insert_with(|| Value::Object(Map::new()));
        // `meta` is read as a complex value, so it is an object.
        if let Value::Object(meta) = meta {
            meta.insert("version".to_owned(), Value::String(etag.to_owned()));
        }
    }

    /// The resource as JSON in `context`, as `Resource::to_json_in` writes a typed resource:
    /// what the context or projection empties is left out (RFC 7643 §2.5), and `schemas` lists
    /// the core schema and each extension block written, once.
    pub fn to_json_in(&self, context: Context, projection: Option<&Projection>) -> Value {
        let scope = Scope::new(context, projection, self.resource_type.schema.id);
        let known: Vec<&str> = core::iter::once(self.resource_type.schema.id)
            .chain(self.resource_type.extensions.iter().map(|(e, _)| e.id))
            .collect();
        let mut out = Map::new();
        let mut schemas = vec![Value::String(self.resource_type.schema.id.to_owned())];
        let [id, external_id, meta] = [
            &COMMON_ATTRIBUTES[0],
            &COMMON_ATTRIBUTES[1],
            &COMMON_ATTRIBUTES[2],
        ];
        for def in [id, external_id]
            .into_iter()
            .chain(self.resource_type.schema.attributes)
        {
            write_attribute(&mut out, &self.data, def, &scope);
        }
        for (ext, _) in &self.resource_type.extensions {
            if let Some(Value::Object(block)) = self.data.get(ext.id) {
                if scope.keeps_extension(ext.id) {
                    let child = scope.in_extension(ext.id);
                    let written = write_object(block, ext.attributes, &child);
                    if !written.is_empty() {
                        schemas.push(Value::String(ext.id.to_owned()));
                        out.insert(ext.id.to_owned(), Value::Object(written));
                    }
                }
            }
        }
        write_attribute(&mut out, &self.data, meta, &scope);
        let unknown: Map<String, Value> = self
            .unknown()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        schemas.extend(
            crate::__private::unknown_schemas(&unknown, &scope, &known)
                .map(|k| Value::String(k.clone())),
        );
        for (k, v) in &unknown {
            if let Some(written) = scope.unknown_top_value(k, v, &known) {
                out.insert(k.clone(), written.into_owned());
            }
        }
        out.insert("schemas".to_owned(), Value::Array(schemas));
        Value::Object(out)
    }

    fn is_known(&self, key: &str) -> bool {
        self.resource_type.is_known(key)
    }

    fn unknown(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.data.iter().filter(|(k, _)| !self.is_known(k))
    }

    /// Every violation of the rules of `context`, as `Resource::validate` reports them.
    pub fn validate(&self, context: Context) -> Result<(), Violations> {
        self.validate_with(Validator::new(context))
    }

    /// Like [`DynamicResource::validate`], also refusing attributes the schemas do not define.
    pub fn validate_strict(&self, context: Context) -> Result<(), Violations> {
        self.validate_with(Validator::strict(context))
    }

    fn validate_with(&self, mut v: Validator) -> Result<(), Violations> {
        let [id, external_id, meta] = [
            &COMMON_ATTRIBUTES[0],
            &COMMON_ATTRIBUTES[1],
            &COMMON_ATTRIBUTES[2],
        ];
        let unknown: Vec<String> = self.unknown().map(|(k, _)| k.clone()).collect();
        // In the order of the generated types' fields, so that violations come in one order:
        // the common attributes, the schema's, the extensions, then unknown attributes.
        for def in [id, external_id, meta]
            .into_iter()
            .chain(self.resource_type.schema.attributes)
        {
            validate_attribute(&mut v, &self.data, def);
        }
        for (ext, required) in &self.resource_type.extensions {
            match self.data.get(ext.id) {
                Some(Value::Object(block)) if !block.is_empty() => {
                    v.path().push_extension(ext.id);
                    validate_object(&mut v, block, ext.attributes);
                    v.path().pop();
                }
                _ => {
                    if *required && v.context().checks_required() {
                        v.path().push_extension(ext.id);
                        v.report_here(ViolationKind::MissingExtension);
                        v.path().pop();
                    }
                }
            }
        }
        v.check_unknown(&unknown);
        v.finish().into_result()
    }

    /// The shape PATCH paths resolve against: the core schema and the extensions.
    pub fn shape(&self) -> crate::patch::ResourceShape {
        crate::patch::ResourceShape {
            schema: self.resource_type.schema,
            extensions: self
                .resource_type
                .extensions
                .iter()
                .map(|(e, _)| *e)
                .collect(),
        }
    }

    /// Applies a PATCH request (RFC 7644 §3.5.2) with the engine typed resources use
    /// ([`crate::patch::apply`]), atomically: on error the resource is unchanged.
    ///
    /// # Errors
    ///
    /// The first operation that cannot be applied, with its index, path and `scimType`.
    pub fn apply_patch<T>(
        &mut self,
        patch: &crate::message::PatchOp<T>,
    ) -> Result<(), crate::patch::PatchError> {
        let mut data = self.data.clone();
        crate::patch::apply_to_json(&mut data, &self.shape(), &patch.operations)?;
        let read = self
            .resource_type
            .from_value(Value::Object(data))
            .map_err(crate::patch::PatchError::from_payload)?;
        self.data = read.data;
        Ok(())
    }

    /// Removes what a request of `context` ignores: `readOnly` attributes in creation and
    /// replacement requests (RFC 7644 §3.5.1).
    pub fn drop_ignored_attributes(&mut self, context: Context) {
        if !context.drops_read_only_on_input() {
            return;
        }
        drop_read_only(&mut self.data, COMMON_ATTRIBUTES);
        drop_read_only(&mut self.data, self.resource_type.schema.attributes);
        for (ext, _) in &self.resource_type.extensions {
            if let Some(Value::Object(block)) = self.data.get_mut(ext.id) {
                drop_read_only(block, ext.attributes);
                if block.is_empty() {
                    self.data.remove(ext.id);
                }
            }
        }
    }
}

fn drop_read_only(map: &mut Map<String, Value>, defs: &'static [AttributeDef]) {
    for def in defs {
        if def.mutability == Mutability::ReadOnly {
            map.remove(def.name);
            continue;
        }
        // What dropping empties is unassigned (RFC 7643 §2.5) and removed, as typed resources
        // set it to `None`.
        let emptied = match map.get_mut(def.name) {
            Some(Value::Object(sub)) => {
                drop_read_only(sub, def.sub_attributes);
                sub.is_empty()
            }
            Some(Value::Array(items)) => {
                for item in items.iter_mut() {
                    if let Value::Object(sub) = item {
                        drop_read_only(sub, def.sub_attributes);
                    }
                }
                items.retain(|item| !item.as_object().is_some_and(Map::is_empty));
                items.is_empty()
            }
            _ => false,
        };
        if emptied {
            map.remove(def.name);
        }
    }
}

fn present(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => false,
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
        Some(_) => true,
    }
}

fn validate_attribute(v: &mut Validator, map: &Map<String, Value>, def: &'static AttributeDef) {
    let value = map.get(def.name);
    v.check_attribute(def, present(value));
    match value {
        Some(Value::Array(items)) if !items.is_empty() => {
            // `primary: true` counts whether or not the schema declares `primary`
            // (RFC 7643 §2.4), as the typed resources count it.
            let primaries = items.iter().map(crate::__private::is_primary_json);
            v.check_primary(def.name, primaries);
            v.path().push_attribute(def.name);
            for (i, item) in items.iter().enumerate() {
                if let Value::Object(sub) = item {
                    v.path().push_index(i);
                    validate_object(v, sub, def.sub_attributes);
                    v.path().pop();
                }
            }
            v.path().pop();
        }
        Some(Value::Object(sub)) if def.ty == AttributeType::Complex => {
            v.path().push_attribute(def.name);
            validate_object(v, sub, def.sub_attributes);
            v.path().pop();
        }
        _ => {}
    }
}

fn validate_object(v: &mut Validator, map: &Map<String, Value>, defs: &'static [AttributeDef]) {
    for def in defs {
        validate_attribute(v, map, def);
    }
    let unknown: Vec<String> = map
        .keys()
        .filter(|k| !defs.iter().any(|d| d.name == k.as_str()))
        .cloned()
        .collect();
    v.check_unknown(&unknown);
}

fn write_attribute(
    out: &mut Map<String, Value>,
    data: &Map<String, Value>,
    def: &'static AttributeDef,
    scope: &Scope<'_>,
) {
    let Some(value) = data.get(def.name) else {
        return;
    };
    if !present(Some(value)) {
        return;
    }
    let Some(child) = scope.child(def) else {
        return;
    };
    // A complex value, or a list of them, that the scope empties is left out (RFC 7643 §2.5).
    let written = match value {
        Value::Array(items) => {
            let items: Vec<Value> = items
                .iter()
                .filter_map(|item| match item {
                    Value::Object(sub) => {
                        let sub = write_object(sub, def.sub_attributes, &child);
                        (!sub.is_empty()).then_some(Value::Object(sub))
                    }
                    other => Some(other.clone()),
                })
                .collect();
            if items.is_empty() {
                return;
            }
            Value::Array(items)
        }
        Value::Object(sub) if def.ty == AttributeType::Complex => {
            let sub = write_object(sub, def.sub_attributes, &child);
            if sub.is_empty() {
                return;
            }
            Value::Object(sub)
        }
        other => other.clone(),
    };
    out.insert(def.name.to_owned(), written);
}

fn write_object(
    map: &Map<String, Value>,
    defs: &'static [AttributeDef],
    scope: &Scope<'_>,
) -> Map<String, Value> {
    let mut out = Map::new();
    for def in defs {
        write_attribute(&mut out, map, def, scope);
    }
    for (k, v) in map {
        if !defs.iter().any(|d| d.name == k.as_str()) {
            if let Some(written) = scope.unknown_value(k, v) {
                out.insert(k.clone(), written.into_owned());
            }
        }
    }
    out
}

impl AttributeAccess for DynamicResource {
    fn attribute(&self, name: &str) -> Option<Attr<'_>> {
        crate::value::find_unknown(&self.data, name)
    }
    fn attribute_defs(&self) -> &'static [AttributeDef] {
        self.resource_type.schema.attributes
    }
    fn schema_urn(&self) -> Option<&'static str> {
        Some(self.resource_type.schema.id)
    }
    fn extension(&self, urn: &str) -> Option<&dyn AttributeAccess> {
        let (ext, _) = self
            .resource_type
            .extensions
            .iter()
            .find(|(e, _)| e.id.eq_ignore_ascii_case(urn))?;
        match self.data.get(ext.id) {
            Some(Value::Object(block)) => Some(block as &dyn AttributeAccess),
            _ => None,
        }
    }
    fn extension_defs(&self, urn: &str) -> &'static [AttributeDef] {
        self.resource_type
            .extensions
            .iter()
            .find(|(e, _)| e.id.eq_ignore_ascii_case(urn))
            .map_or(&[], |(e, _)| e.attributes)
    }
    fn schema_urns(&self) -> Vec<&str> {
        let mut urns = vec![self.resource_type.schema.id];
        for (ext, _) in &self.resource_type.extensions {
            if present(self.data.get(ext.id)) {
                urns.push(ext.id);
            }
        }
        urns
    }
    fn is_empty_object(&self) -> bool {
        self.data.is_empty()
    }
}

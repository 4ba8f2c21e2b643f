//! Schema, attribute and ResourceType reading (RFC 7643 §6, §7): every characteristic read,
//! checked, and defaulted as RFC 7643 §2.2 says.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use super::lenient::{parse_type, TYPES};
use super::wording::{collapse, kind_of, quoted, ranges, short};
use super::Reader;
use crate::error::{Error, WarningCode};
use crate::model::{Attribute, Mutability, ResourceType, Returned, Schema, Type, Uniqueness};

impl Reader<'_> {
    pub(super) fn resource_type(&mut self, obj: &Map<String, Value>) -> Result<(), Error> {
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
                WarningCode::ResourceType,
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
                    WarningCode::ResourceType,
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
                    WarningCode::ResourceType,
                    shown,
                    None,
                    format!("`endpoint` `{e}` has no leading `/`: read as `/{e}`"),
                );
                format!("/{e}")
            }
            None => {
                let e = format!("/{name}s");
                self.warn(
                    WarningCode::ResourceType,
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
            Some(Value::Null) => self.warn(
                WarningCode::NullValue,
                shown,
                None,
                "`schemaExtensions` is null: read as empty",
            ),
            Some(Value::Array(list)) => {
                for (index, ext) in list.iter().enumerate() {
                    let Some(urn) = ext.get("schema").and_then(Value::as_str) else {
                        self.warn(
                            WarningCode::ResourceType,
                            shown,
                            None,
                            format!("`schemaExtensions`[{index}] has no `schema` string: skipped"),
                        );
                        continue;
                    };
                    let path = [format!("schemaExtensions[{index}]")];
                    let required = match ext.get("required") {
                        None => {
                            self.warn(
                                WarningCode::MissingCharacteristic,
                                shown,
                                Some(&path),
                                "no `required`: read as false",
                            );
                            false
                        }
                        Some(v) => self.boolean(shown, &path, "required", v)?,
                    };
                    if extensions.iter().any(|(u, _): &(String, bool)| u == urn) {
                        self.warn(
                            WarningCode::Duplicate,
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

    pub(super) fn schema(&mut self, obj: &Map<String, Value>) -> Result<(), Error> {
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
                self.warn(
                    WarningCode::IgnoredValue,
                    sid,
                    None,
                    "empty `name`: a name is derived from the id",
                );
                None
            }
            Some(other) => {
                self.warn(
                    WarningCode::IgnoredValue,
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
                    WarningCode::IgnoredValue,
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
            None => self.warn(
                WarningCode::NoAttributes,
                sid,
                None,
                "no `attributes`: read as no attributes",
            ),
            Some(Value::Null) => self.warn(
                WarningCode::NullValue,
                sid,
                None,
                "`attributes` is null: read as no attributes",
            ),
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
                    self.warn(WarningCode::NotAnAttribute,
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
                WarningCode::UnknownKey,
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
                    WarningCode::Duplicate,
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
    pub(super) fn push_unique(
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
                    WarningCode::Duplicate,
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

    pub(super) fn attribute(
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

    pub(super) fn attribute_body(
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
                    WarningCode::MissingCharacteristic,
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
                        WarningCode::NonstandardSpelling,
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
                    let names: Vec<&str> = TYPES.iter().map(|t| t.as_str()).collect();
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
                WarningCode::NonstandardKey,
                sid,
                Some(path),
                "no `mutability` but SCIM 1.1 `readOnly: true`: read as \"readOnly\"",
            );
            Mutability::ReadOnly
        } else {
            self.keyword::<Mutability>(sid, path, obj, true)?
        };
        let returned = self.keyword::<Returned>(sid, path, obj, true)?;
        let uniqueness_applies = !matches!(ty, Type::Complex | Type::Boolean);
        let uniqueness = self.keyword::<Uniqueness>(sid, path, obj, uniqueness_applies)?;
        if mutability == Mutability::WriteOnly && returned == Returned::Always {
            return Err(self.invalid(
                sid,
                Some(path),
                "a writeOnly attribute not to be `returned: \"always\"` (RFC 7643 §7: writeOnly values SHALL NOT be returned)",
            ));
        }
        if mutability == Mutability::WriteOnly && returned != Returned::Never {
            self.warn(WarningCode::ContradictoryCharacteristics, sid, Some(path), format!("writeOnly attribute with `returned: \"{}\"` (RFC 7643 §7: writeOnly values are never returned): kept as given", returned.as_str()));
        }
        if mutability == Mutability::ReadOnly && returned == Returned::Never {
            self.warn(WarningCode::ContradictoryCharacteristics, sid, Some(path), "readOnly attribute that is never returned can be neither written nor read: kept as given");
        }
        let description = match obj.get("description") {
            Some(Value::String(d)) => Some(d.clone()),
            None | Some(Value::Null) => {
                self.warn(
                    WarningCode::NoDescription,
                    sid,
                    Some(path),
                    "no `description`",
                );
                None
            }
            Some(other) => {
                self.warn(
                    WarningCode::IgnoredValue,
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
                    WarningCode::NonstandardKey,
                    sid,
                    Some(path),
                    format!("sub-attributes under `{key}` instead of `subAttributes`: accepted"),
                );
            }
            match value {
                Value::Null => self.warn(
                    WarningCode::NullValue,
                    sid,
                    Some(path),
                    format!("`{key}` is null: read as empty"),
                ),
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
                            WarningCode::NotAnAttribute,
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
                    WarningCode::IgnoredValue,
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
            self.warn(WarningCode::EmptyComplex,
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

    pub(super) fn canonical_values(
        &mut self,
        sid: Option<&str>,
        path: &[String],
        obj: &Map<String, Value>,
        ty: Type,
    ) -> Result<Vec<Value>, Error> {
        let list = match obj.get("canonicalValues") {
            None => return Ok(Vec::new()),
            Some(Value::Null) => {
                self.warn(
                    WarningCode::NullValue,
                    sid,
                    Some(path),
                    "`canonicalValues` is null: read as empty",
                );
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
                    self.warn(WarningCode::CanonicalValue, sid, Some(path), "canonical values written as `{\"value\": ..}` objects: the values are read");
                    o["value"].clone()
                }
                Value::Object(_) | Value::Array(_) | Value::Null => {
                    self.warn(
                        WarningCode::CanonicalValue,
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
                    WarningCode::CanonicalValue,
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

    pub(super) fn reference_types(
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
                        WarningCode::ReferenceTypes,
                        sid,
                        Some(path),
                        "reference attribute without `referenceTypes`",
                    );
                }
                return Ok(Vec::new());
            }
            Some(Value::Null) => {
                self.warn(
                    WarningCode::NullValue,
                    sid,
                    Some(path),
                    "`referenceTypes` is null: read as empty",
                );
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
                        self.warn(WarningCode::ReferenceTypes, sid, Some(path), "`referenceTypes` value \"resource\" is not a resource type name: kept as given");
                    }
                    out.push(s.to_owned());
                }
                Some(_) => {}
                None => self.warn(
                    WarningCode::ReferenceTypes,
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
                WarningCode::IgnoredValue,
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

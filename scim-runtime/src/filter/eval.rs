//! Evaluating a filter against a resource (RFC 7644 §3.4.2.2), using the attribute metadata.
//!
//! - Strings compare case-insensitively unless the attribute is `caseExact`.
//! - `dateTime` values compare as instants, numbers as numbers.
//! - A multi-valued attribute matches when any of its values matches.
//! - `pr` needs a non-empty value: an empty string, list or complex value is not present.
//! - `ne` matches an attribute that has no value, as "not equal" reads.
//! - Ordering (`gt`, `ge`, `lt`, `le`) on booleans and binaries, and `co`/`sw`/`ew` on
//!   anything but strings and references, never match (RFC 7644 §3.4.2.2 makes them errors;
//!   [`Filter`] evaluation is total, so they are simply false).
//!
//! Works on every [`AttributeAccess`]: typed resources, their extensions and complex values,
//! and JSON objects through [`JsonObject`].

use core::cmp::Ordering;

use serde_json::Value;

use super::{CompValue, CompareOp, Comparison, Filter};
use crate::meta::{find_attribute, AttributeDef, AttributeType};
use crate::path::AttrPath;
use crate::value::{Attr, AttributeAccess, ValueRef};

/// Evaluation of a [`Filter`] against a SCIM object (RFC 7644 §3.4.2.2).
///
/// An extension trait because the filter grammar lives in `scim-filter-syntax`, which knows
/// nothing of resources; it is in [`crate::prelude`].
pub trait FilterExt {
    /// Whether `object` matches the filter.
    ///
    /// ```
    /// use scim_runtime::{filter::{Filter, FilterExt}, User};
    /// let user: User = serde_json::from_str(r#"{"userName": "bjensen",
    ///     "emails": [{"value": "bjensen@example.com", "type": "work"}]}"#).unwrap();
    /// let filter: Filter = r#"userName eq "BJensen" and emails[type eq "work"]"#.parse().unwrap();
    /// assert!(filter.matches(&user));
    /// ```
    fn matches(&self, object: &dyn AttributeAccess) -> bool;
}

impl FilterExt for Filter {
    fn matches(&self, object: &dyn AttributeAccess) -> bool {
        match self {
            Filter::And(operands) => operands.iter().all(|f| f.matches(object)),
            Filter::Or(operands) => operands.iter().any(|f| f.matches(object)),
            Filter::Not(inner) => !inner.matches(object),
            Filter::Present(path) => {
                let mut present = false;
                for_each_value(object, path, &mut |v, _| {
                    present |= is_present(v);
                    present
                });
                present
            }
            Filter::Comparison(c) => compare_path(object, c),
            Filter::ValuePath(vp) => {
                let mut matched = false;
                let Some((target, name)) = resolve_schema(object, &vp.attr) else {
                    return false;
                };
                let defs = target.attribute_defs();
                let def = find_attribute(defs, name);
                let Some(attr) = target.attribute(name) else {
                    return false;
                };
                for value in attr.values() {
                    matched = match value {
                        ValueRef::Complex(c) => vp.filter.matches(c),
                        ValueRef::Json(Value::Object(map)) => {
                            let sub = def.map(|d| d.sub_attributes).unwrap_or_default();
                            vp.filter.matches(&JsonObject::new(map, sub))
                        }
                        // `emails[value eq "x"]` on a simple multi-valued attribute: the filter
                        // names `value`, the value itself (RFC 7644 §3.5.2).
                        simple => vp.filter.matches(&SimpleValue { value: simple }),
                    };
                    if matched {
                        break;
                    }
                }
                matched
            }
        }
    }
}

/// Finds the object holding `path`'s attribute: the resource itself, or the extension named by
/// its schema URN.
pub(crate) fn resolve_schema<'a>(
    object: &'a dyn AttributeAccess,
    path: &'a AttrPath,
) -> Option<(&'a dyn AttributeAccess, &'a str)> {
    let name = path.name().as_str();
    match path.schema() {
        None => Some((object, name)),
        Some(urn) => {
            if object
                .schema_urn()
                .is_some_and(|own| own.eq_ignore_ascii_case(urn))
            {
                Some((object, name))
            } else {
                object.extension(urn).map(|ext| (ext, name))
            }
        }
    }
}

/// Calls `f` with every value `path` designates and its definition, until `f` returns true.
fn for_each_value(
    object: &dyn AttributeAccess,
    path: &AttrPath,
    f: &mut dyn FnMut(ValueRef<'_>, Option<&AttributeDef>) -> bool,
) {
    let Some((target, name)) = resolve_schema(object, path) else {
        return;
    };
    // `schemas` is not an attribute of any schema, but filters name it (RFC 7644 §3.4.2.2).
    if path.schema().is_none() && name.eq_ignore_ascii_case("schemas") && path.sub_attr().is_none()
    {
        for urn in target.schema_urns() {
            if f(
                ValueRef::Reference(urn),
                Some(&crate::meta::SCHEMAS_ATTRIBUTE),
            ) {
                return;
            }
        }
        return;
    }
    let def = find_attribute(target.attribute_defs(), name).or_else(|| common_def(target, name));
    let Some(attr) = target.attribute(name) else {
        return;
    };
    match path.sub_attr() {
        None => {
            for v in attr.values() {
                if f(v, def) {
                    return;
                }
            }
        }
        Some(sub) => {
            let sub = sub.as_str();
            for v in attr.values() {
                let found = match v {
                    ValueRef::Complex(c) => c
                        .attribute(sub)
                        .map(|a| (a, find_attribute(c.attribute_defs(), sub))),
                    ValueRef::Json(Value::Object(map)) => {
                        let defs = def.map(|d| d.sub_attributes).unwrap_or_default();
                        crate::value::unknown_attribute(map, sub)
                            .map(|a| (a, find_attribute(defs, sub)))
                    }
                    _ => None,
                };
                if let Some((a, sub_def)) = found {
                    for sv in a.values() {
                        if f(sv, sub_def) {
                            return;
                        }
                    }
                }
            }
        }
    }
}

/// The definitions of `id`, `externalId` and `meta`, which no schema lists.
pub(crate) fn common_def(
    object: &dyn AttributeAccess,
    name: &str,
) -> Option<&'static AttributeDef> {
    object
        .schema_urn()
        .and_then(|_| find_attribute(crate::meta::COMMON_ATTRIBUTES, name))
}

fn is_present(v: ValueRef<'_>) -> bool {
    match v {
        ValueRef::String(s) | ValueRef::Reference(s) => !s.is_empty(),
        ValueRef::Complex(c) => !c.is_empty_object(),
        ValueRef::Json(j) => match j {
            Value::Null => false,
            Value::String(s) => !s.is_empty(),
            Value::Array(a) => !a.is_empty(),
            Value::Object(o) => !o.is_empty(),
            _ => true,
        },
        _ => true,
    }
}

fn compare_path(object: &dyn AttributeAccess, c: &Comparison) -> bool {
    let mut any_value = false;
    let mut matched = false;
    for_each_value(object, &c.path, &mut |v, def| {
        any_value = true;
        matched = compare(v, def, c.op, &c.value);
        matched
    });
    if !any_value {
        // No value at all: `ne` holds, and `eq null` holds.
        return matches!((c.op, &c.value), (CompareOp::NotEqual, v) if !matches!(v, CompValue::Null))
            || matches!((c.op, &c.value), (CompareOp::Equal, CompValue::Null));
    }
    matched
}

/// Compares one attribute value with a filter value.
pub(crate) fn compare(
    v: ValueRef<'_>,
    def: Option<&AttributeDef>,
    op: CompareOp,
    expected: &CompValue,
) -> bool {
    let case_exact = def.is_some_and(|d| d.case_exact);
    let declared = def.map(|d| d.ty);
    if let CompValue::Null = expected {
        return match op {
            CompareOp::Equal => !is_present(v),
            CompareOp::NotEqual => is_present(v),
            _ => false,
        };
    }
    match v {
        ValueRef::String(s) | ValueRef::Reference(s) => {
            if declared == Some(AttributeType::DateTime) {
                return compare_date_time(s, op, expected);
            }
            compare_str(s, op, expected, case_exact)
        }
        ValueRef::DateTime(d) => compare_date_time(d.as_str(), op, expected),
        ValueRef::Boolean(b) => match expected {
            CompValue::Bool(e) => equality(op, b == *e),
            _ => false,
        },
        ValueRef::Integer(i) => match expected {
            CompValue::Number(n) => match n.as_i64() {
                Some(e) => ordering(op, i.cmp(&e)),
                None => compare_f64(i as f64, op, n.as_f64()),
            },
            _ => false,
        },
        ValueRef::Decimal(d) => match (expected, d.as_f64()) {
            (CompValue::Number(n), Some(f)) => compare_f64(f, op, n.as_f64()),
            _ => false,
        },
        ValueRef::Binary(b) => match expected {
            CompValue::String(e) => equality(op, b.as_base64() == e),
            _ => false,
        },
        // A complex value compared as a whole is its `value` sub-attribute (RFC 7643 §2.4:
        // `emails co "example.com"` means `emails.value co "example.com"`).
        ValueRef::Complex(c) => c.attribute("value").is_some_and(|a| {
            let sub = find_attribute(c.attribute_defs(), "value");
            a.values().any(|v| compare(v, sub, op, expected))
        }),
        ValueRef::Json(Value::Object(map)) => crate::value::unknown_attribute(map, "value")
            .is_some_and(|a| {
                let sub = def.and_then(|d| find_attribute(d.sub_attributes, "value"));
                a.values().any(|v| compare(v, sub, op, expected))
            }),
        ValueRef::Json(j) => match j {
            Value::String(s) => {
                if declared == Some(AttributeType::DateTime) {
                    compare_date_time(s, op, expected)
                } else {
                    compare_str(s, op, expected, case_exact)
                }
            }
            Value::Bool(b) => match expected {
                CompValue::Bool(e) => equality(op, b == e),
                _ => false,
            },
            Value::Number(n) => match (expected, n.as_f64()) {
                (CompValue::Number(e), Some(f)) => compare_f64(f, op, e.as_f64()),
                _ => false,
            },
            _ => false,
        },
    }
}

fn equality(op: CompareOp, equal: bool) -> bool {
    match op {
        CompareOp::Equal => equal,
        CompareOp::NotEqual => !equal,
        _ => false,
    }
}

fn ordering(op: CompareOp, o: Ordering) -> bool {
    match op {
        CompareOp::Equal => o == Ordering::Equal,
        CompareOp::NotEqual => o != Ordering::Equal,
        CompareOp::GreaterThan => o == Ordering::Greater,
        CompareOp::GreaterOrEqual => o != Ordering::Less,
        CompareOp::LessThan => o == Ordering::Less,
        CompareOp::LessOrEqual => o != Ordering::Greater,
        _ => false,
    }
}

fn compare_f64(a: f64, op: CompareOp, b: f64) -> bool {
    a.partial_cmp(&b).is_some_and(|o| ordering(op, o))
}

fn compare_date_time(text: &str, op: CompareOp, expected: &CompValue) -> bool {
    let CompValue::String(e) = expected else {
        return false;
    };
    match (crate::DateTime::parse(text), crate::DateTime::parse(e)) {
        (Ok(a), Ok(b)) => ordering(op, a.instant().cmp(&b.instant())),
        // Not both instants: compare the text as the RFC's string rules say.
        _ => compare_str(text, op, expected, true),
    }
}

fn compare_str(actual: &str, op: CompareOp, expected: &CompValue, case_exact: bool) -> bool {
    let CompValue::String(e) = expected else {
        return false;
    };
    if case_exact {
        return str_op(actual, op, e);
    }
    if actual.is_ascii() && e.is_ascii() {
        return match op {
            CompareOp::Equal => actual.eq_ignore_ascii_case(e),
            CompareOp::NotEqual => !actual.eq_ignore_ascii_case(e),
            CompareOp::StartsWith => {
                actual.len() >= e.len()
                    && actual.as_bytes()[..e.len()].eq_ignore_ascii_case(e.as_bytes())
            }
            CompareOp::EndsWith => {
                actual.len() >= e.len()
                    && actual.as_bytes()[actual.len() - e.len()..]
                        .eq_ignore_ascii_case(e.as_bytes())
            }
            CompareOp::Contains => contains_ignore_ascii_case(actual.as_bytes(), e.as_bytes()),
            _ => ordering(op, cmp_ignore_ascii_case(actual, e)),
        };
    }
    str_op(&actual.to_lowercase(), op, &e.to_lowercase())
}

fn str_op(a: &str, op: CompareOp, b: &str) -> bool {
    match op {
        CompareOp::Contains => a.contains(b),
        CompareOp::StartsWith => a.starts_with(b),
        CompareOp::EndsWith => a.ends_with(b),
        _ => ordering(op, a.cmp(b)),
    }
}

fn contains_ignore_ascii_case(haystack: &[u8], needle: &[u8]) -> bool {
    needle.is_empty()
        || haystack
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle))
}

fn cmp_ignore_ascii_case(a: &str, b: &str) -> Ordering {
    a.bytes()
        .map(|c| c.to_ascii_lowercase())
        .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
}

/// A JSON object seen through the attribute definitions of its schema, so that filters and
/// PATCH can use `caseExact` and types on untyped data.
#[derive(Debug, Clone, Copy)]
pub struct JsonObject<'a> {
    map: &'a serde_json::Map<String, Value>,
    defs: &'static [AttributeDef],
    schema: Option<&'static str>,
}

impl<'a> JsonObject<'a> {
    /// A complex value `map`, whose attributes are described by `defs`.
    pub fn new(map: &'a serde_json::Map<String, Value>, defs: &'static [AttributeDef]) -> Self {
        Self {
            map,
            defs,
            schema: None,
        }
    }

    /// A resource `map` of schema `schema`: its common attributes (`id`, `meta`, ...) are known
    /// too, and attribute paths qualified with the schema URN resolve.
    pub fn resource(
        map: &'a serde_json::Map<String, Value>,
        schema: &'static crate::meta::SchemaDef,
    ) -> Self {
        Self {
            map,
            defs: schema.attributes,
            schema: Some(schema.id),
        }
    }
}

impl AttributeAccess for JsonObject<'_> {
    fn attribute(&self, name: &str) -> Option<Attr<'_>> {
        crate::value::unknown_attribute(self.map, name)
    }
    fn attribute_defs(&self) -> &'static [AttributeDef] {
        self.defs
    }
    fn schema_urn(&self) -> Option<&'static str> {
        self.schema
    }
    fn extension(&self, urn: &str) -> Option<&dyn AttributeAccess> {
        self.map
            .iter()
            .find(|(k, v)| k.eq_ignore_ascii_case(urn) && v.is_object())
            .and_then(|(_, v)| v.as_object())
            .map(|m| m as &dyn AttributeAccess)
    }
    fn schema_urns(&self) -> Vec<&str> {
        match self
            .map
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("schemas"))
        {
            Some((_, Value::Array(list))) => list.iter().filter_map(Value::as_str).collect(),
            _ => self.schema.into_iter().collect(),
        }
    }
    fn is_empty_object(&self) -> bool {
        self.map.is_empty()
    }
}

/// A simple value of a multi-valued attribute, seen as an object whose `value` is itself.
struct SimpleValue<'a> {
    value: ValueRef<'a>,
}

impl AttributeAccess for SimpleValue<'_> {
    fn attribute(&self, name: &str) -> Option<Attr<'_>> {
        name.eq_ignore_ascii_case("value")
            .then_some(Attr::Single(self.value))
    }
    fn attribute_defs(&self) -> &'static [AttributeDef] {
        &[]
    }
    fn is_empty_object(&self) -> bool {
        false
    }
    fn schema_urn(&self) -> Option<&'static str> {
        None
    }
}

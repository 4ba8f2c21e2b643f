//! Evaluating a filter against a resource (RFC 7644 §3.4.2.2), using the attribute metadata.
//!
//! The rules are documented on [`FilterExt`].
//!
//! Works on every [`AttributeAccess`]: typed resources, their extensions and complex values,
//! and JSON objects through [`JsonObject`].

use core::cmp::Ordering;

use serde_json::Value;

use scim_filter_syntax::filter::{CompValue, CompareOp, Comparison, Filter};

use crate::attribute::{find_attribute, AttributeDef, AttributeType};
use crate::path::AttrPath;
use crate::scalar::ExactNumber;
use crate::validation::ScimType;
use crate::value::{Attr, AttributeAccess, AttributeValue, ValueRef};

/// A filter that RFC 7644 §3.4.2.2 says must fail, found while evaluating it; a server answers
/// it with 400 and [`ScimType::InvalidFilter`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EvalError {
    /// `gt`, `ge`, `lt` or `le` on a `boolean` or `binary` attribute.
    #[error("`{path} {op}`: a {ty} attribute has no order (RFC 7644 §3.4.2.2)")]
    Unordered {
        /// The attribute path, as written in the filter.
        path: String,
        /// The operator.
        op: CompareOp,
        /// The attribute type.
        ty: AttributeType,
    },
}

impl EvalError {
    /// The SCIM error type of the failed response: always `invalidFilter`.
    pub fn scim_type(&self) -> ScimType {
        ScimType::InvalidFilter
    }
}

/// Evaluation of a [`Filter`] against a SCIM object (RFC 7644 §3.4.2.2).
///
/// # Rules
///
/// One set of rules serves typed resources, [`DynamicResource`](crate::dynamic::DynamicResource)s
/// and JSON seen through [`JsonObject`], so that the three give the same answer for the same
/// data. A value is compared as its declared type (the attribute definition) says; an attribute
/// without a definition (an unknown attribute) is compared as its JSON type says. JSON read
/// through a definition is read the way a typed resource reads it: `"42"` in an `integer`
/// attribute is 42, `"True"` in a `boolean` one is `true` (see
/// [`AttributeValue::deserialize_value`](crate::value::AttributeValue::deserialize_value)).
///
/// - `eq` holds when the values are identical, `ne` when they are not, also when their types
///   differ: `active ne "true"` holds on `true`, `age eq "42"` does not hold on 42.
/// - `string` values compare case-insensitively unless the attribute is `caseExact`;
///   `reference` values follow the attribute's `caseExact`, and unknown attributes are not
///   case-exact (RFC 7643 §2.3.1, §2.4).
/// - `binary` values compare as their base64 text as sent, case-exactly (RFC 7643 §2.3.6: "A
///   binary is case exact and has no uniqueness"), so `x509Certificates.value sw "MIID"`
///   matches a DER certificate whatever the resource's kind. The text is not decoded first:
///   `TUlJRA==` and `TUlJRA` (the same bytes, with and without padding) are different values.
/// - `dateTime` values order (`eq`, `ne`, `gt`, `ge`, `lt`, `le`) chronologically as RFC 7644
///   §3.4.2.2 asks, when the operand is a dateTime too (else as text); `co`, `sw` and `ew`
///   compare the text as sent (`meta.lastModified sw "2011-05-13"`).
/// - `integer` and `decimal` values compare by exact value ([`ExactNumber`]): `1` equals `1.0`,
///   and integers beyond `i64` compare digit for digit. `co`, `sw` and `ew` never match a
///   number or a boolean, which are not strings.
/// - A complex value compared as a whole is its `value` sub-attribute (RFC 7643 §2.4:
///   `emails co "example.com"` means `emails.value co "example.com"`); without one it compares
///   as an unassigned value.
/// - A multi-valued attribute matches when any of its values matches. `null` values and
///   complex values that hold nothing are unassigned (RFC 7643 §2.5) and skipped, as typed
///   resources drop them on reading.
/// - `pr` needs a non-empty value: an empty string, list or complex value and `null` are not
///   present. An attribute that has no value matches `ne` (any operand but `null`) and
///   `eq null`, and nothing else.
/// - `gt`, `ge`, `lt` and `le` on a `boolean` or `binary` attribute are an [`EvalError`]
///   (RFC 7644 §3.4.2.2: they "SHALL cause a failed response (HTTP status code 400) with
///   `scimType` of `invalidFilter`"), whether or not the resource has a value there; for an
///   attribute without definition the value's JSON type decides (a JSON boolean). Every operand
///   of `and` and `or` is evaluated when one of them fails, so the error does not depend on the
///   order of the operands or on the data.
///
///
/// An extension trait because the filter grammar lives in `scim-filter-syntax`, which knows
/// nothing of resources; it is in [`crate::prelude`].
pub trait FilterExt {
    /// Whether `object` matches the filter; see [`FilterExt`] for the rules.
    ///
    /// Fails with [`EvalError`] for a filter the RFC says must fail (ordering a boolean or a
    /// binary); a server answers that with 400 `invalidFilter`.
    ///
    /// ```
    /// use scim_runtime::{filter::{Filter, FilterExt}, User};
    /// let user: User = serde_json::from_str(r#"{"userName": "bjensen", "active": true}"#).unwrap();
    /// let ne: Filter = r#"active ne "true""#.parse().unwrap();
    /// assert_eq!(ne.evaluate(&user), Ok(true), "a string is not the boolean true");
    /// let gt: Filter = "active gt false".parse().unwrap();
    /// assert!(gt.evaluate(&user).is_err(), "booleans have no order");
    /// ```
    fn evaluate(&self, object: &dyn AttributeAccess) -> Result<bool, EvalError>;

    /// Whether `object` matches the filter; a filter that [`evaluate`](Self::evaluate) rejects
    /// matches nothing.
    ///
    /// ```
    /// use scim_runtime::{filter::{Filter, FilterExt}, User};
    /// let user: User = serde_json::from_str(r#"{"userName": "bjensen",
    ///     "emails": [{"value": "bjensen@example.com", "type": "work"}]}"#).unwrap();
    /// let filter: Filter = r#"userName eq "BJensen" and emails[type eq "work"]"#.parse().unwrap();
    /// assert!(filter.matches(&user));
    /// ```
    fn matches(&self, object: &dyn AttributeAccess) -> bool {
        self.evaluate(object).unwrap_or(false)
    }
}

impl FilterExt for Filter {
    fn evaluate(&self, object: &dyn AttributeAccess) -> Result<bool, EvalError> {
        match self {
            Filter::And(operands) => all_operands(operands, object, true),
            Filter::Or(operands) => all_operands(operands, object, false),
            Filter::Not(inner) => inner.evaluate(object).map(|m| !m),
            Filter::Present(path) => {
                let mut present = false;
                for_each_value(object, path, &mut |v, _| {
                    present |= is_present(v);
                    Ok(present)
                })?;
                Ok(present)
            }
            Filter::Comparison(c) => compare_path(object, c),
            Filter::ValuePath(vp) => {
                let Some((target, name, def)) = resolve_schema(object, &vp.attr) else {
                    return Ok(false);
                };
                let sub = def.map(|d| d.sub_attributes).unwrap_or_default();
                let mut matched = false;
                let mut any = false;
                for value in target.attribute(name).into_iter().flat_map(assigned) {
                    any = true;
                    let m = match value {
                        ValueRef::Complex(c) => vp.filter.evaluate(c)?,
                        ValueRef::Json(Value::Object(map)) => {
                            vp.filter.evaluate(&JsonObject::new(map, sub))?
                        }
                        // `emails[value eq "x"]` on a simple multi-valued attribute: the filter
                        // names `value`, the value itself (RFC 7644 §3.5.2).
                        simple => vp.filter.evaluate(&SimpleValue {
                            value: Some(simple),
                            def,
                        })?,
                    };
                    if m {
                        matched = true;
                        break;
                    }
                }
                if !any {
                    // Still evaluated, on nothing, so that an invalid inner filter fails
                    // whatever the data.
                    if def.is_some_and(|d| d.ty != AttributeType::Complex) {
                        vp.filter.evaluate(&SimpleValue { value: None, def })?;
                    } else {
                        let empty = serde_json::Map::new();
                        vp.filter.evaluate(&JsonObject::new(&empty, sub))?;
                    }
                }
                Ok(matched)
            }
        }
    }
}

/// `and` (`all`) or `or` (not `all`) over every operand: the first error wins, even after the
/// outcome is known, so that failing does not depend on the data.
fn all_operands(
    operands: &[Filter],
    object: &dyn AttributeAccess,
    all: bool,
) -> Result<bool, EvalError> {
    let mut outcome = all;
    let mut decided = false;
    for f in operands {
        if decided {
            if contains_ordering(f) {
                f.evaluate(object)?;
            }
            continue;
        }
        if f.evaluate(object)? != all {
            outcome = !all;
            decided = true;
        }
    }
    Ok(outcome)
}

/// Whether a filter orders anything, the only thing that can fail.
fn contains_ordering(filter: &Filter) -> bool {
    match filter {
        Filter::And(operands) | Filter::Or(operands) => operands.iter().any(contains_ordering),
        Filter::Not(inner) => contains_ordering(inner),
        Filter::Present(_) => false,
        Filter::Comparison(c) => is_ordering(c.op),
        Filter::ValuePath(vp) => contains_ordering(&vp.filter),
    }
}

fn is_ordering(op: CompareOp) -> bool {
    matches!(
        op,
        CompareOp::GreaterThan
            | CompareOp::GreaterOrEqual
            | CompareOp::LessThan
            | CompareOp::LessOrEqual
    )
}

/// Finds the object holding `path`'s attribute: the resource itself, or the extension named by
/// its schema URN.
///
/// Also gives the definition of the attribute: from the object's table, from the table of the
/// extension's schema when the block itself has none (JSON blocks of dynamic and JSON
/// resources), or among the common attributes.
pub(crate) fn resolve_schema<'a>(
    object: &'a dyn AttributeAccess,
    path: &'a AttrPath,
) -> Option<(
    &'a dyn AttributeAccess,
    &'a str,
    Option<&'static AttributeDef>,
)> {
    let name = path.name().as_str();
    let own = |target: &dyn AttributeAccess| {
        target
            .attribute_def(name)
            .or_else(|| common_def(target, name))
    };
    match path.schema() {
        None => Some((object, name, own(object))),
        Some(urn) => {
            if object
                .schema_urn()
                .is_some_and(|own| own.eq_ignore_ascii_case(urn))
            {
                Some((object, name, own(object)))
            } else {
                let ext = object.extension(urn)?;
                let def = ext
                    .attribute_def(name)
                    .or_else(|| find_attribute(object.extension_defs(urn), name));
                Some((ext, name, def))
            }
        }
    }
}

type ValueFn<'f> = dyn FnMut(ValueRef<'_>, Option<&AttributeDef>) -> Result<bool, EvalError> + 'f;

/// Calls `f` with every value `path` designates and its definition, until `f` returns true.
/// Returns the definition of the attribute (or sub-attribute) the path names, when known.
fn for_each_value(
    object: &dyn AttributeAccess,
    path: &AttrPath,
    f: &mut ValueFn<'_>,
) -> Result<Option<&'static AttributeDef>, EvalError> {
    let Some((target, name, def)) = resolve_schema(object, path) else {
        return Ok(None);
    };
    // `schemas` is not an attribute of any schema, but filters name it (RFC 7644 §3.4.2.2).
    if path.schema().is_none() && name.eq_ignore_ascii_case("schemas") && path.sub_attr().is_none()
    {
        for urn in target.schema_urns() {
            if f(
                ValueRef::Reference(urn),
                Some(&crate::attribute::SCHEMAS_ATTRIBUTE),
            )? {
                break;
            }
        }
        return Ok(Some(&crate::attribute::SCHEMAS_ATTRIBUTE));
    }
    let named = match path.sub_attr() {
        None => def,
        Some(sub) => def.and_then(|d| find_attribute(d.sub_attributes, sub.as_str())),
    };
    let Some(attr) = target.attribute(name) else {
        return Ok(named);
    };
    match path.sub_attr() {
        None => {
            for v in assigned(attr) {
                if f(v, def)? {
                    break;
                }
            }
        }
        Some(sub) => {
            let sub = sub.as_str();
            'values: for v in assigned(attr) {
                let found = match v {
                    ValueRef::Complex(c) => c
                        .attribute(sub)
                        .map(|a| (a, c.attribute_def(sub).or(named))),
                    ValueRef::Json(Value::Object(map)) => {
                        crate::value::find_unknown(map, sub).map(|a| (a, named))
                    }
                    _ => None,
                };
                if let Some((a, sub_def)) = found {
                    for sv in assigned(a) {
                        if f(sv, sub_def)? {
                            break 'values;
                        }
                    }
                }
            }
        }
    }
    Ok(named)
}

/// The definitions of `id`, `externalId` and `meta`, which no schema lists.
pub(crate) fn common_def(
    object: &dyn AttributeAccess,
    name: &str,
) -> Option<&'static AttributeDef> {
    object
        .schema_urn()
        .and_then(|_| find_attribute(crate::attribute::COMMON_ATTRIBUTES, name))
}

/// The values of an attribute that are assigned: `null`, and complex values that hold
/// nothing, are unassigned (RFC 7643 §2.5), as typed resources drop them on reading.
pub(crate) fn assigned(attr: Attr<'_>) -> impl Iterator<Item = ValueRef<'_>> {
    attr.values().filter(|v| match v {
        ValueRef::Complex(c) => !c.is_empty_object(),
        ValueRef::Json(j) => !json_unassigned(j),
        _ => true,
    })
}

/// `null`, `[]`, `{}`, and objects holding only such values.
fn json_unassigned(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.values().all(json_unassigned),
        _ => false,
    }
}

fn is_present(v: ValueRef<'_>) -> bool {
    match v {
        ValueRef::String(s) | ValueRef::Reference(s) => !s.is_empty(),
        ValueRef::Complex(c) => !c.is_empty_object(),
        ValueRef::Json(j) => match j {
            Value::String(s) => !s.is_empty(),
            other => !json_unassigned(other),
        },
        _ => true,
    }
}

/// The type a comparison orders by: a complex attribute's `value` sub-attribute's.
fn compared_type(def: Option<&AttributeDef>) -> Option<AttributeType> {
    let def = def?;
    if def.ty == AttributeType::Complex {
        find_attribute(def.sub_attributes, "value").map(|d| d.ty)
    } else {
        Some(def.ty)
    }
}

fn unordered(c: &Comparison, ty: AttributeType) -> Result<bool, EvalError> {
    if is_ordering(c.op) && matches!(ty, AttributeType::Boolean | AttributeType::Binary) {
        Err(EvalError::Unordered {
            path: c.path.to_string(),
            op: c.op,
            ty,
        })
    } else {
        Ok(false)
    }
}

fn compare_path(object: &dyn AttributeAccess, c: &Comparison) -> Result<bool, EvalError> {
    let mut any_value = false;
    let mut matched = false;
    let named = for_each_value(object, &c.path, &mut |v, def| {
        any_value = true;
        matched = compare(v, def, c)?;
        Ok(matched)
    })?;
    if let Some(ty) = compared_type(named) {
        unordered(c, ty)?;
    }
    if !any_value {
        // No value at all: `ne` holds, and `eq null` holds.
        return Ok(match (c.op, &c.value) {
            (CompareOp::NotEqual, v) => !matches!(v, CompValue::Null),
            (CompareOp::Equal, CompValue::Null) => true,
            _ => false,
        });
    }
    Ok(matched)
}

/// One attribute value, reduced to what comparisons look at.
enum Scalar<'a> {
    /// A string, reference or binary: compared as text.
    Text(&'a str, bool),
    /// A dateTime: its text, and whether its text compares case-exactly.
    DateTime(&'a str, bool),
    Boolean(bool),
    Number(ExactNumber),
    /// A value with nothing to compare (a JSON array, a complex value without `value`).
    Nothing,
}

/// Reads a value as `ty` says, as a typed resource would have read it; `None` when the value is
/// not of that type (JSON that a typed resource would have refused).
fn as_declared<'a>(v: ValueRef<'a>, ty: AttributeType, case_exact: bool) -> Option<Scalar<'a>> {
    Some(match (ty, v) {
        (
            AttributeType::String | AttributeType::Reference,
            ValueRef::String(s) | ValueRef::Reference(s),
        ) => Scalar::Text(s, case_exact),
        (AttributeType::String | AttributeType::Reference, ValueRef::Json(Value::String(s))) => {
            Scalar::Text(s, case_exact)
        }
        (AttributeType::Binary, ValueRef::Binary(b)) => Scalar::Text(b.as_base64(), true),
        (AttributeType::Binary, ValueRef::Json(Value::String(s))) => Scalar::Text(s, true),
        (AttributeType::DateTime, ValueRef::DateTime(d)) => {
            Scalar::DateTime(d.as_str(), case_exact)
        }
        (AttributeType::DateTime, ValueRef::String(s)) => Scalar::DateTime(s, case_exact),
        (AttributeType::DateTime, ValueRef::Json(Value::String(s))) => {
            Scalar::DateTime(s, case_exact)
        }
        (AttributeType::Boolean, ValueRef::Boolean(b)) => Scalar::Boolean(b),
        (AttributeType::Boolean, ValueRef::Json(j)) => {
            Scalar::Boolean(<bool as AttributeValue>::deserialize_value(j).ok()?)
        }
        (AttributeType::Integer | AttributeType::Decimal, ValueRef::Integer(i)) => {
            Scalar::Number(ExactNumber::from_i64(i))
        }
        (AttributeType::Integer | AttributeType::Decimal, ValueRef::Decimal(d)) => {
            Scalar::Number(ExactNumber::from_json(d))
        }
        (AttributeType::Decimal, ValueRef::Json(Value::Number(n))) => {
            Scalar::Number(ExactNumber::from_json(n))
        }
        (AttributeType::Integer, ValueRef::Json(j)) => Scalar::Number(ExactNumber::from_i64(
            <i64 as AttributeValue>::deserialize_value(j).ok()?,
        )),
        _ => return None,
    })
}

/// Reads a value without a definition, as its own type says.
fn as_found(v: ValueRef<'_>) -> Scalar<'_> {
    match v {
        ValueRef::String(s) | ValueRef::Reference(s) => Scalar::Text(s, false),
        ValueRef::Binary(b) => Scalar::Text(b.as_base64(), true),
        ValueRef::DateTime(d) => Scalar::DateTime(d.as_str(), false),
        ValueRef::Boolean(b) => Scalar::Boolean(b),
        ValueRef::Integer(i) => Scalar::Number(ExactNumber::from_i64(i)),
        ValueRef::Decimal(d) => Scalar::Number(ExactNumber::from_json(d)),
        ValueRef::Json(Value::String(s)) => Scalar::Text(s, false),
        ValueRef::Json(Value::Bool(b)) => Scalar::Boolean(*b),
        ValueRef::Json(Value::Number(n)) => Scalar::Number(ExactNumber::from_json(n)),
        ValueRef::Complex(_) | ValueRef::Json(_) => Scalar::Nothing,
    }
}

/// Compares one attribute value with the comparison's operand.
fn compare(v: ValueRef<'_>, def: Option<&AttributeDef>, c: &Comparison) -> Result<bool, EvalError> {
    // A complex value compared as a whole is its `value` sub-attribute (RFC 7643 §2.4).
    let sub_value = match v {
        ValueRef::Complex(obj) => Some(
            obj.attribute("value")
                .map(|a| (a, obj.attribute_def("value"))),
        ),
        ValueRef::Json(Value::Object(map)) => {
            Some(crate::value::find_unknown(map, "value").map(|a| {
                (
                    a,
                    def.and_then(|d| find_attribute(d.sub_attributes, "value")),
                )
            }))
        }
        _ => None,
    };
    if let Some(found) = sub_value {
        let Some((attr, sub)) = found else {
            // No `value`: compares as an unassigned value.
            return Ok(match (c.op, &c.value) {
                (CompareOp::NotEqual, v) => !matches!(v, CompValue::Null),
                (CompareOp::Equal, CompValue::Null) => true,
                _ => false,
            });
        };
        let mut matched = false;
        let mut any = false;
        for value in assigned(attr) {
            any = true;
            if compare(value, sub, c)? {
                matched = true;
                break;
            }
        }
        if !any {
            return Ok(match (c.op, &c.value) {
                (CompareOp::NotEqual, v) => !matches!(v, CompValue::Null),
                (CompareOp::Equal, CompValue::Null) => true,
                _ => false,
            });
        }
        return Ok(matched);
    }
    let case_exact = def.is_some_and(|d| d.case_exact);
    let scalar = def
        .and_then(|d| as_declared(v, d.ty, case_exact))
        .unwrap_or_else(|| as_found(v));
    let ty = match &scalar {
        Scalar::Boolean(_) => Some(AttributeType::Boolean),
        Scalar::Text(_, _) if matches!(v, ValueRef::Binary(_)) => Some(AttributeType::Binary),
        _ => None,
    };
    if let Some(ty) = def.map(|d| d.ty).or(ty) {
        unordered(c, ty)?;
    }
    if let CompValue::Null = &c.value {
        return Ok(match c.op {
            CompareOp::Equal => !is_present(v),
            CompareOp::NotEqual => is_present(v),
            _ => false,
        });
    }
    let op = c.op;
    Ok(match (scalar, &c.value) {
        (Scalar::Text(s, case_exact), CompValue::String(e)) => compare_str(s, op, e, case_exact),
        (Scalar::DateTime(s, case_exact), CompValue::String(e)) => match op {
            CompareOp::Contains | CompareOp::StartsWith | CompareOp::EndsWith => {
                compare_str(s, op, e, case_exact)
            }
            _ => match (crate::DateTime::parse(s), crate::DateTime::parse(e)) {
                (Ok(a), Ok(b)) => ordering(op, a.instant().cmp(&b.instant())),
                // Not both instants: compare the text as the RFC's string rules say.
                _ => compare_str(s, op, e, case_exact),
            },
        },
        (Scalar::Boolean(b), CompValue::Bool(e)) => equality(op, b == *e),
        (Scalar::Number(n), CompValue::Number(e)) => match ExactNumber::parse(e.as_str()) {
            Some(e) => ordering(op, n.cmp(&e)),
            None => equality(op, false),
        },
        // Values of different types are never identical.
        _ => equality(op, false),
    })
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

fn compare_str(actual: &str, op: CompareOp, e: &str, case_exact: bool) -> bool {
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
    extensions: &'a [&'static crate::attribute::SchemaDef],
}

impl<'a> JsonObject<'a> {
    /// A complex value `map`, whose attributes are described by `defs`.
    pub fn new(map: &'a serde_json::Map<String, Value>, defs: &'static [AttributeDef]) -> Self {
        Self {
            map,
            defs,
            schema: None,
            extensions: &[],
        }
    }

    /// A resource `map` of schema `schema`: its common attributes (`id`, `meta`, ...) are known
    /// too, and attribute paths qualified with the schema URN resolve.
    pub fn resource(
        map: &'a serde_json::Map<String, Value>,
        schema: &'static crate::attribute::SchemaDef,
    ) -> Self {
        Self {
            map,
            defs: schema.attributes,
            schema: Some(schema.id),
            extensions: &[],
        }
    }

    /// The same resource, with the schemas of its extensions, so that the attributes of an
    /// extension block are compared as their definitions say (as for typed and dynamic
    /// resources) rather than as plain JSON.
    pub fn with_extensions(
        mut self,
        extensions: &'a [&'static crate::attribute::SchemaDef],
    ) -> Self {
        self.extensions = extensions;
        self
    }
}

impl AttributeAccess for JsonObject<'_> {
    fn attribute(&self, name: &str) -> Option<Attr<'_>> {
        crate::value::find_unknown(self.map, name)
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
    fn extension_defs(&self, urn: &str) -> &'static [AttributeDef] {
        self.extensions
            .iter()
            .find(|s| s.id.eq_ignore_ascii_case(urn))
            .map_or(&[], |s| s.attributes)
    }
    fn schema_urns(&self) -> Vec<&str> {
        match self
            .map
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("schemas"))
        {
            Some((_, Value::Array(list))) => list.iter().filter_map(Value::as_str).collect(),
            // No `schemas` sent: the core schema and the extensions whose blocks are present,
            // as typed and dynamic resources write them.
            _ => self
                .schema
                .into_iter()
                .chain(
                    self.extensions
                        .iter()
                        .filter(|ext| self.extension(ext.id).is_some_and(|e| !e.is_empty_object()))
                        .map(|ext| ext.id),
                )
                .collect(),
        }
    }
    fn is_empty_object(&self) -> bool {
        self.map.is_empty()
    }
}

/// A simple value of a multi-valued attribute, seen as an object whose `value` is itself,
/// defined as the attribute is (its type and `caseExact`).
struct SimpleValue<'a> {
    /// `None` when the attribute has no value: the filter is still evaluated, on nothing.
    value: Option<ValueRef<'a>>,
    def: Option<&'static AttributeDef>,
}

impl AttributeAccess for SimpleValue<'_> {
    fn attribute(&self, name: &str) -> Option<Attr<'_>> {
        self.value
            .filter(|_| name.eq_ignore_ascii_case("value"))
            .map(Attr::Single)
    }
    fn attribute_defs(&self) -> &'static [AttributeDef] {
        &[]
    }
    fn attribute_def(&self, name: &str) -> Option<&'static AttributeDef> {
        self.def.filter(|_| name.eq_ignore_ascii_case("value"))
    }
    fn is_empty_object(&self) -> bool {
        false
    }
    fn schema_urn(&self) -> Option<&'static str> {
        None
    }
}

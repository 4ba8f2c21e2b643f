//! Sorting resources by an attribute (RFC 7644 §3.4.2.3, `sortBy` and `sortOrder`).
//!
//! [`sort_resources`] orders a slice the way RFC 7644 §3.4.2.3 asks, reading the attribute
//! metadata of each resource:
//!
//! - strings compare case-insensitively (Unicode lower case, no locale) unless the attribute is
//!   `caseExact`, then as they are; references and binaries as they are;
//! - integers and decimals compare by exact value, with each other too (`1` equals `1.0`,
//!   integers beyond `i64` order digit for digit);
//! - `dateTime` values compare as instants, whatever their offsets; text that is not a
//!   `dateTime` compares as a string;
//! - booleans: `false` before `true`;
//! - a complex value compares as its `value` sub-attribute (RFC 7643 §2.4);
//! - a multi-valued attribute compares by its primary value, or else its first value
//!   ("sorted by the value of the primary attribute ..., if any, or else the first value in the
//!   list, if any"); for `emails.value` the primary (or first) email's `value`;
//! - a resource with no value for the attribute sorts last in ascending order and first in
//!   descending order ("if there is no data for the specified sortBy value, they are sorted via
//!   the sortOrder parameter, i.e., they are ordered last if ascending and first if
//!   descending");
//! - values of different kinds (only possible in untyped JSON) order by kind: booleans, numbers,
//!   instants, strings;
//! - the sort is stable: resources that compare equal keep their order, in both directions.
//!
//! ```
//! use scim_runtime::message::SortOrder;
//! use scim_runtime::path::parse_path;
//! use scim_runtime::sort::sort_resources;
//! use scim_runtime::User;
//!
//! let mut users: Vec<User> = ["carol", "Alice", "bob"]
//!     .into_iter()
//!     .map(|name| User { user_name: Some(name.into()), ..User::default() })
//!     .chain([User::default()])
//!     .collect();
//! sort_resources(&mut users, &parse_path("userName")?, SortOrder::Ascending);
//! let names: Vec<_> = users.iter().map(|u| u.user_name.as_deref()).collect();
//! assert_eq!(names, [Some("Alice"), Some("bob"), Some("carol"), None]);
//! # Ok::<(), scim_runtime::filter::ParseError>(())
//! ```

use core::cmp::Ordering;

use serde_json::Value;

use crate::attribute::{find_attribute, AttributeDef, AttributeType};
use crate::filter::eval::resolve_schema;
use crate::message::SortOrder;
use crate::path::AttrPath;
use crate::scalar::ExactNumber;
use crate::value::{Attr, AttributeAccess, AttributeValue, ValueRef};

/// Sorts `resources` by the attribute `sort_by` in `order` (RFC 7644 §3.4.2.3); see the
/// [module documentation](self) for how values compare.
///
/// Each resource's sort key is read once, so the cost is one attribute lookup per resource and
/// a stable sort of the keys.
pub fn sort_resources<T: AttributeAccess>(
    resources: &mut [T],
    sort_by: &AttrPath,
    order: SortOrder,
) {
    let keys: Vec<Option<SortKey>> = resources
        .iter()
        .map(|resource| sort_key(resource, sort_by))
        .collect();
    let mut permutation: Vec<usize> = (0..resources.len()).collect();
    // `sort_by` is stable; descending reverses the comparison, not the result, so that equal
    // keys keep their order.
    permutation.sort_by(|&a, &b| {
        let ordering = compare_keys(keys[a].as_ref(), keys[b].as_ref());
        match order {
            SortOrder::Ascending => ordering,
            SortOrder::Descending => ordering.reverse(),
        }
    });
    apply_permutation(resources, permutation);
}

/// The sort key of `resource` for `sort_by`, if it has a value there.
///
/// Exposed so that servers sorting their own containers (indices, database rows read into
/// resources) order them exactly as [`sort_resources`] does; compare keys with
/// [`SortKey::cmp_ascending`].
pub fn sort_key(resource: &dyn AttributeAccess, sort_by: &AttrPath) -> Option<SortKey> {
    let (target, name, def) = resolve_schema(resource, sort_by)?;
    if sort_by.schema().is_none() && name.eq_ignore_ascii_case("schemas") {
        // `schemas` is not in any table (RFC 7643 §3); its first URN is its value.
        let first = target.schema_urns().into_iter().next()?;
        return Some(SortKey::Text(first.to_owned()));
    }
    let value = chosen_value(target.attribute(name)?)?;
    match sort_by.sub_attr() {
        None => key_of(value, def),
        Some(sub) => {
            let sub = sub.as_str();
            let (attr, sub_def) = match value {
                ValueRef::Complex(c) => (c.attribute(sub)?, c.attribute_def(sub)),
                ValueRef::Json(Value::Object(map)) => (
                    crate::value::find_unknown(map, sub)?,
                    def.and_then(|d| find_attribute(d.sub_attributes, sub)),
                ),
                _ => return None,
            };
            key_of(chosen_value(attr)?, sub_def)
        }
    }
}

/// The value of an attribute that sorting uses: the single value, or the primary value of a
/// multi-valued attribute, or else its first value (RFC 7644 §3.4.2.3).
fn chosen_value(attr: Attr<'_>) -> Option<ValueRef<'_>> {
    match attr {
        // An unassigned value (`null`, `{}`) has no key (RFC 7643 §2.5).
        Attr::Single(_) => crate::filter::eval::assigned(attr).next(),
        Attr::Multi(_) => {
            let mut first = None;
            for value in crate::filter::eval::assigned(attr) {
                if is_primary(value) {
                    return Some(value);
                }
                first.get_or_insert(value);
            }
            first
        }
    }
}

/// Whether a value of a multi-valued attribute is marked `primary` (RFC 7643 §2.4).
fn is_primary(value: ValueRef<'_>) -> bool {
    let primary = match value {
        ValueRef::Complex(c) => c.attribute("primary"),
        ValueRef::Json(Value::Object(map)) => crate::value::find_unknown(map, "primary"),
        _ => None,
    };
    // JSON reads as a typed resource reads it: `"primary": 1` and `"True"` are true.
    match primary {
        Some(Attr::Single(ValueRef::Boolean(b))) => b,
        Some(Attr::Single(ValueRef::Json(json))) => {
            <bool as AttributeValue>::deserialize_value(json).unwrap_or(false)
        }
        _ => false,
    }
}

/// A value reduced to what sorting compares. Values of different kinds order by kind, in the
/// order of the variants.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum SortKey {
    /// A boolean: `false` before `true`.
    Boolean(bool),
    /// An `integer` or `decimal`, by exact value: `1` and `1.0` are equal, integers beyond `i64`
    /// and decimals beyond an `f64`'s digits order exactly.
    Number(crate::scalar::ExactNumber),
    /// A `dateTime`, as an instant.
    Instant(time::OffsetDateTime),
    /// A string, lower-cased for a case-insensitive attribute.
    Text(String),
}

impl SortKey {
    /// The ascending order of two keys.
    pub fn cmp_ascending(&self, other: &Self) -> Ordering {
        use SortKey::{Boolean, Instant, Number, Text};
        match (self, other) {
            (Boolean(a), Boolean(b)) => a.cmp(b),
            (Number(a), Number(b)) => a.cmp(b),
            (Instant(a), Instant(b)) => a.cmp(b),
            (Text(a), Text(b)) => a.cmp(b),
            _ => self.rank().cmp(&other.rank()),
        }
    }

    /// The kind's place among kinds; numbers are one kind.
    fn rank(&self) -> u8 {
        match self {
            Self::Boolean(_) => 0,
            Self::Number(_) => 1,
            Self::Instant(_) => 2,
            Self::Text(_) => 3,
        }
    }
}

/// Ascending order with unassigned values last.
fn compare_keys(a: Option<&SortKey>, b: Option<&SortKey>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp_ascending(b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// The sort key of one value, read through its definition.
fn key_of(value: ValueRef<'_>, def: Option<&AttributeDef>) -> Option<SortKey> {
    let case_exact = def.is_some_and(|d| d.case_exact);
    let date_time = def.is_some_and(|d| d.ty == AttributeType::DateTime);
    // A binary is case exact whatever its definition says (RFC 7643 §2.3.6), typed or JSON.
    let case_exact = case_exact || def.is_some_and(|d| d.ty == AttributeType::Binary);
    let text = |s: &str, case_exact: bool| {
        if date_time {
            if let Ok(instant) = crate::DateTime::parse(s) {
                return Some(SortKey::Instant(instant.instant()));
            }
        }
        Some(SortKey::Text(if case_exact {
            s.to_owned()
        } else {
            s.to_lowercase()
        }))
    };
    match value {
        ValueRef::String(s) => text(s, case_exact),
        ValueRef::Reference(s) => text(s, def.is_none_or(|d| d.case_exact)),
        ValueRef::Binary(b) => Some(SortKey::Text(b.as_base64().to_owned())),
        ValueRef::Boolean(b) => Some(SortKey::Boolean(b)),
        ValueRef::Integer(i) => Some(SortKey::Number(ExactNumber::from_i64(i))),
        ValueRef::Decimal(d) => number_key(d),
        ValueRef::DateTime(d) => Some(SortKey::Instant(d.instant())),
        // A complex value sorts as its `value` sub-attribute (RFC 7643 §2.4).
        ValueRef::Complex(c) => {
            let sub = c.attribute_def("value");
            key_of(chosen_value(c.attribute("value")?)?, sub)
        }
        // JSON of a declared `boolean` or `integer` reads as a typed resource reads it
        // (`"True"`, `"42"`), so that typed, dynamic and JSON resources sort alike.
        ValueRef::Json(json @ (Value::String(_) | Value::Number(_)))
            if def.is_some_and(|d| d.ty == AttributeType::Boolean)
                && <bool as AttributeValue>::deserialize_value(json).is_ok() =>
        {
            <bool as AttributeValue>::deserialize_value(json)
                .ok()
                .map(SortKey::Boolean)
        }
        ValueRef::Json(json @ Value::String(_))
            if def.is_some_and(|d| d.ty == AttributeType::Integer)
                && <i64 as AttributeValue>::deserialize_value(json).is_ok() =>
        {
            <i64 as AttributeValue>::deserialize_value(json)
                .ok()
                .map(|i| SortKey::Number(ExactNumber::from_i64(i)))
        }
        ValueRef::Json(json) => match json {
            Value::Null | Value::Array(_) => None,
            Value::Bool(b) => Some(SortKey::Boolean(*b)),
            Value::Number(n) => number_key(n),
            Value::String(s) => text(s, case_exact),
            Value::Object(map) => {
                let sub = def.and_then(|d| find_attribute(d.sub_attributes, "value"));
                key_of(
                    chosen_value(crate::value::find_unknown(map, "value")?)?,
                    sub,
                )
            }
        },
    }
}

fn number_key(n: &serde_json::Number) -> Option<SortKey> {
    Some(SortKey::Number(ExactNumber::from_json(n)))
}

/// Moves `items[permutation[i]]` to position `i`, in place, by following cycles.
fn apply_permutation<T>(items: &mut [T], mut permutation: Vec<usize>) {
    for start in 0..items.len() {
        let mut current = start;
        // Each cycle is walked from its smallest index; visited entries point to themselves.
        while permutation[current] != start {
            let next = permutation[current];
            items.swap(current, next);
            permutation[current] = current;
            current = next;
        }
        permutation[current] = current;
    }
}

#[cfg(test)]
mod tests {
    use super::apply_permutation;

    #[test]
    fn permutations_apply_in_place() {
        for permutation in [
            vec![0, 1, 2, 3, 4],
            vec![4, 3, 2, 1, 0],
            vec![1, 2, 3, 4, 0],
            vec![2, 0, 1, 4, 3],
            vec![3, 4, 0, 2, 1],
        ] {
            let mut items = vec!['a', 'b', 'c', 'd', 'e'];
            let expected: Vec<char> = permutation.iter().map(|&i| items[i]).collect();
            apply_permutation(&mut items, permutation);
            assert_eq!(items, expected);
        }
    }
}

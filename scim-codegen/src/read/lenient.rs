//! Lenient fixes: the repairs of real servers' quirks (booleans as strings, names in the wrong
//! case, SCIM 1.1 spellings, canonical values of the wrong JSON type). Each one is read as RFC
//! 7643 would have it and reported as a warning; what cannot be repaired is an error.

use serde_json::{Map, Value};

use super::wording::{quoted, short};
use super::Reader;
use crate::error::{Error, WarningCode};
use crate::model::{Mutability, Returned, Type, Uniqueness};

impl Reader<'_> {
    pub(super) fn boolean(
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
                    WarningCode::StringBoolean,
                    sid,
                    Some(path),
                    format!("`{key}` is the string \"{s}\": read as {b}"),
                );
                Ok(b)
            }
            Value::Null => {
                self.warn(
                    WarningCode::NullValue,
                    sid,
                    Some(path),
                    format!("`{key}` is null: read as false"),
                );
                Ok(false)
            }
            other => Err(self.invalid(
                sid,
                Some(path),
                format!("`{key}` to be true or false, found {}", short(other)),
            )),
        }
    }

    pub(super) fn flag(
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
                        WarningCode::MissingCharacteristic,
                        sid,
                        Some(path),
                        format!("no `{key}`: RFC 7643 default false"),
                    );
                }
                Ok(false)
            }
        }
    }

    /// Reads the characteristic `K` (`mutability`, `returned`, `uniqueness`): the exact RFC
    /// spelling as the runtime parses it, another case with a warning, absent or null as the RFC
    /// 7643 §2.2 default (with a warning when `warn_missing`).
    pub(super) fn keyword<K: Keyword>(
        &mut self,
        sid: Option<&str>,
        path: &[String],
        obj: &Map<String, Value>,
        warn_missing: bool,
    ) -> Result<K, Error> {
        let key = K::KEY;
        match obj.get(key) {
            None | Some(Value::Null) => {
                let default = K::default();
                if warn_missing {
                    self.warn(
                        WarningCode::MissingCharacteristic,
                        sid,
                        Some(path),
                        format!("no `{key}`: RFC 7643 default \"{}\"", default.rfc_name()),
                    );
                }
                Ok(default)
            }
            Some(Value::String(s)) => {
                if let Some(found) = K::from_rfc_name(s) {
                    return Ok(found);
                }
                if let Some(found) = K::ALL
                    .iter()
                    .copied()
                    .find(|k| k.rfc_name().eq_ignore_ascii_case(s))
                {
                    self.warn(
                        WarningCode::NonstandardSpelling,
                        sid,
                        Some(path),
                        format!(
                            "`{key}` \"{s}\" in the wrong case: read as \"{}\"",
                            found.rfc_name()
                        ),
                    );
                    return Ok(found);
                }
                Err(self.invalid(
                    sid,
                    Some(path),
                    format!("`{key}` to be one of {}, found \"{s}\"", K::names()),
                ))
            }
            Some(other) => Err(self.invalid(
                sid,
                Some(path),
                format!(
                    "`{key}` to be one of {}, found {}",
                    K::names(),
                    short(other)
                ),
            )),
        }
    }

    /// Brings a canonical value to the JSON type of the attribute, or drops it with a warning.
    pub(super) fn coerce_canonical(
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
                    WarningCode::CanonicalValue,
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
                    WarningCode::CanonicalValue,
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
                    WarningCode::CanonicalValue,
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
}

/// The attribute types, in RFC 7643 §2.3 order, for case-insensitive matching and messages.
pub(super) const TYPES: [Type; 8] = [
    Type::String,
    Type::Boolean,
    Type::Decimal,
    Type::Integer,
    Type::DateTime,
    Type::Binary,
    Type::Reference,
    Type::Complex,
];

/// An attribute type as servers write it: the exact RFC 7643 §2.3 name (the runtime's
/// `from_rfc_name`), another case of it, or a common synonym (`bool`, `int`, `uri`, ...). The
/// caller warns when the result's RFC name is not `s`.
pub(super) fn parse_type(s: &str) -> Option<Type> {
    if let Some(ty) = Type::from_rfc_name(s) {
        return Some(ty);
    }
    if let Some(ty) = TYPES
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

/// A characteristic with RFC 7643 §7 keywords, read by [`Reader::keyword`]. The names and the
/// default are the runtime's (`from_rfc_name`, `as_str`, `Default`); only the list of values,
/// for matching another case and for the message, is here.
pub(super) trait Keyword: Copy + Default + Sized + 'static {
    /// The key in an attribute definition.
    const KEY: &'static str;
    /// Every value, in RFC order.
    const ALL: &'static [Self];
    /// The exact RFC spelling of a value.
    fn from_rfc_name(name: &str) -> Option<Self>;
    /// The RFC spelling.
    fn rfc_name(self) -> &'static str;
    /// `"a", "b", ...` for messages.
    fn names() -> String {
        let names: Vec<&str> = Self::ALL.iter().map(|k| k.rfc_name()).collect();
        quoted(&names)
    }
}

impl Keyword for Mutability {
    const KEY: &'static str = "mutability";
    const ALL: &'static [Self] = &[
        Self::ReadOnly,
        Self::ReadWrite,
        Self::Immutable,
        Self::WriteOnly,
    ];
    fn from_rfc_name(name: &str) -> Option<Self> {
        Self::from_rfc_name(name)
    }
    fn rfc_name(self) -> &'static str {
        self.as_str()
    }
}

impl Keyword for Returned {
    const KEY: &'static str = "returned";
    const ALL: &'static [Self] = &[Self::Always, Self::Never, Self::Default, Self::Request];
    fn from_rfc_name(name: &str) -> Option<Self> {
        Self::from_rfc_name(name)
    }
    fn rfc_name(self) -> &'static str {
        self.as_str()
    }
}

impl Keyword for Uniqueness {
    const KEY: &'static str = "uniqueness";
    const ALL: &'static [Self] = &[Self::None, Self::Server, Self::Global];
    fn from_rfc_name(name: &str) -> Option<Self> {
        Self::from_rfc_name(name)
    }
    fn rfc_name(self) -> &'static str {
        self.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_are_the_runtime_names_and_defaults() {
        for m in Mutability::ALL {
            assert_eq!(Mutability::from_rfc_name(m.rfc_name()), Some(*m));
        }
        for r in Returned::ALL {
            assert_eq!(Returned::from_rfc_name(r.rfc_name()), Some(*r));
        }
        for u in Uniqueness::ALL {
            assert_eq!(Uniqueness::from_rfc_name(u.rfc_name()), Some(*u));
        }
        assert_eq!(Mutability::default().rfc_name(), "readWrite");
        assert_eq!(Returned::default().rfc_name(), "default");
        assert_eq!(Uniqueness::default().rfc_name(), "none");
        assert_eq!(
            Mutability::names(),
            r#""readOnly", "readWrite", "immutable", "writeOnly""#
        );
    }

    #[test]
    fn types_are_read_leniently() {
        for ty in TYPES {
            assert_eq!(parse_type(ty.as_str()), Some(ty));
        }
        assert_eq!(parse_type("datetime"), Some(Type::DateTime));
        assert_eq!(parse_type("int"), Some(Type::Integer));
        assert_eq!(parse_type("colour"), None);
    }
}

//! Filters (RFC 7644 §3.4.2.2) as SQL conditions, with the in-memory engine's meaning.
//!
//! Every condition written here is TRUE or FALSE, never NULL, so that `NOT` means what the
//! engine's `not` means: leaves are `EXISTS (...)`, `COALESCE(..., FALSE)` or constants.

use scim_runtime_model::attribute::{AttributeDef, AttributeType};
use scim_runtime_model::filter::{CompValue, CompareOp, Comparison, EvalError, Filter, ValuePath};
use scim_runtime_model::path::AttrPath;
use scim_runtime_model::scalar::ExactNumber;
use scim_runtime_model::DateTime;

use super::dialect::{instant_key_of, is_plain_name, CaseFolding, Dialect};
use super::error::{Clause, SqlError, Untranslatable};
use super::scope::{refuse, Scope};
use super::statement::Param;
use super::writer::Writer;

type Pred<'p> =
    dyn FnMut(&mut Writer<'_>, &str, &'static AttributeDef) -> Result<String, SqlError> + 'p;

/// The condition of `filter` on the object of `scope`.
pub(super) fn condition(
    w: &mut Writer<'_>,
    scope: Scope<'_>,
    filter: &Filter,
) -> Result<String, SqlError> {
    match filter {
        Filter::And(operands) | Filter::Or(operands) => {
            let joiner = if matches!(filter, Filter::And(_)) {
                " AND "
            } else {
                " OR "
            };
            let parts = operands
                .iter()
                .map(|f| condition(w, scope, f))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(format!("({})", parts.join(joiner)))
        }
        Filter::Not(inner) => Ok(format!("(NOT {})", condition(w, scope, inner)?)),
        Filter::Present(path) => {
            let dialect = w.dialect;
            values(w, scope, path, &mut |_, v, _| Ok(present(dialect, v)))
        }
        Filter::Comparison(c) => comparison(w, scope, c),
        Filter::ValuePath(vp) => value_path(w, scope, vp),
    }
}

/// Whether any value `path` designates satisfies `pred`: each value of the attribute, or each
/// value of the sub-attribute of each of its values (RFC 7644 §3.4.2.2: a multi-valued
/// attribute matches when any of its values does).
fn values(
    w: &mut Writer<'_>,
    scope: Scope<'_>,
    path: &AttrPath,
    pred: &mut Pred<'_>,
) -> Result<String, SqlError> {
    let found = scope.resolve(w.dialect, path, Clause::Filter)?;
    let Some(sub) = scope.sub(path, &found, Clause::Filter)? else {
        let def = found.def;
        return w.any(&found.json, found.multi, &mut |w, v| pred(w, v, def));
    };
    w.any(&found.json, found.multi, &mut |w, outer| {
        let json = w.dialect.member(outer, sub.key);
        w.any(&json, sub.def.multi_valued, &mut |w, v| pred(w, v, sub.def))
    })
}

/// The definition a path names, without writing SQL.
fn named_def(
    scope: Scope<'_>,
    dialect: Dialect,
    path: &AttrPath,
) -> Result<&'static AttributeDef, SqlError> {
    let found = scope.resolve(dialect, path, Clause::Filter)?;
    Ok(scope
        .sub(path, &found, Clause::Filter)?
        .map_or(found.def, |s| s.def))
}

fn comparison(w: &mut Writer<'_>, scope: Scope<'_>, c: &Comparison) -> Result<String, SqlError> {
    let named = named_def(scope, w.dialect, &c.path)?;
    // The engine's one failure: ordering what has no order, whatever the data (RFC 7644
    // §3.4.2.2). A complex attribute compares as its `value`.
    let compared = if named.ty == AttributeType::Complex {
        named.sub_attribute("value").map(|d| d.ty)
    } else {
        Some(named.ty)
    };
    if let Some(ty @ (AttributeType::Boolean | AttributeType::Binary)) = compared {
        if c.op.is_ordering() {
            return Err(SqlError::Filter(EvalError::Unordered {
                path: c.path.to_string(),
                op: c.op,
                ty,
            }));
        }
    }
    let matched = values(w, scope, &c.path, &mut |w, v, def| {
        value_match(w, v, def, c)
    })?;
    match (c.op, &c.value) {
        // An attribute without a value matches `ne` and `eq null`.
        (CompareOp::NotEqual, value) if !matches!(value, CompValue::Null) => {
            let some = values(w, scope, &c.path, &mut |_, _, _| Ok("TRUE".into()))?;
            Ok(format!("(NOT {some} OR {matched})"))
        }
        (CompareOp::Equal, CompValue::Null) => {
            let some = values(w, scope, &c.path, &mut |_, _, _| Ok("TRUE".into()))?;
            Ok(format!("(NOT {some} OR {matched})"))
        }
        _ => Ok(matched),
    }
}

/// What a value without anything to compare (a complex value without `value`) gives.
fn unassigned(c: &Comparison) -> String {
    let holds = match (c.op, &c.value) {
        (CompareOp::NotEqual, v) => !matches!(v, CompValue::Null),
        (CompareOp::Equal, CompValue::Null) => true,
        _ => false,
    };
    bool_sql(holds)
}

fn bool_sql(b: bool) -> String {
    if b { "TRUE" } else { "FALSE" }.to_owned()
}

/// Whether a value `v` that is assigned is present (`pr`): not an empty string.
fn present(dialect: Dialect, v: &str) -> String {
    format!(
        "(NOT COALESCE(({} AND {} = ''), FALSE))",
        dialect.is_string(v),
        dialect.text(v)
    )
}

/// One value against the comparison: a complex value compares as its `value` sub-attribute
/// (RFC 7643 §2.4).
fn value_match(
    w: &mut Writer<'_>,
    v: &str,
    def: &'static AttributeDef,
    c: &Comparison,
) -> Result<String, SqlError> {
    if def.ty != AttributeType::Complex {
        return scalar_match(w, v, def, c);
    }
    let Some(value_def) = def.sub_attribute("value") else {
        return Ok(unassigned(c));
    };
    let json = w.dialect.member(v, value_def.name);
    let has = w.any(&json, value_def.multi_valued, &mut |_, _| {
        Ok::<_, SqlError>("TRUE".into())
    })?;
    let inner = w.any(&json, value_def.multi_valued, &mut |w, x| {
        scalar_match(w, x, value_def, c)
    })?;
    Ok(format!(
        "(CASE WHEN {has} THEN {inner} ELSE {} END)",
        unassigned(c)
    ))
}

/// `cmp` (the comparison `op` asks for; for `ne`, equality) on a value of the right JSON
/// type; a value of another type is never identical (`ne` holds).
fn guarded(op: CompareOp, is_type: String, cmp: String) -> String {
    match op {
        CompareOp::NotEqual => format!("(NOT COALESCE(({is_type} AND {cmp}), FALSE))"),
        _ => format!("({is_type} AND {cmp})"),
    }
}

fn scalar_match(
    w: &mut Writer<'_>,
    v: &str,
    def: &'static AttributeDef,
    c: &Comparison,
) -> Result<String, SqlError> {
    let dialect = w.dialect;
    let op = c.op;
    if let CompValue::Null = c.value {
        let present = present(dialect, v);
        return Ok(match op {
            CompareOp::Equal => format!("(NOT {present})"),
            CompareOp::NotEqual => present,
            _ => bool_sql(false),
        });
    }
    match (def.ty, &c.value) {
        (
            AttributeType::String | AttributeType::Reference | AttributeType::Binary,
            CompValue::String(e),
        ) => {
            // A binary is case exact (RFC 7643 §2.3.6).
            let exact = def.case_exact || def.ty == AttributeType::Binary;
            text_match(w, v, &c.path, op, e, exact)
        }
        (AttributeType::DateTime, CompValue::String(e)) => match DateTime::parse(e) {
            // Ordered as instants (RFC 7644 §3.4.2.2); co, sw and ew look at the text.
            Ok(instant) if !op.is_substring() => {
                let key = dialect.instant_key(&dialect.text(v));
                let p = w.bind(Param::Text(instant_key_of(&instant)));
                let cmp = ordering(op, &dialect.ordered_text(&key), &p);
                Ok(guarded(op, dialect.is_string(v), cmp))
            }
            _ => text_match(w, v, &c.path, op, e, def.case_exact),
        },
        (AttributeType::Boolean, CompValue::Bool(b)) => match op {
            CompareOp::Equal | CompareOp::NotEqual => {
                let p = w.bind(Param::Bool(*b));
                let cmp = format!("{} = {}", dialect.boolean(v), dialect.boolean_operand(&p));
                Ok(guarded(op, dialect.is_boolean(v), cmp))
            }
            _ => Ok(bool_sql(false)),
        },
        (AttributeType::Integer | AttributeType::Decimal, CompValue::Number(n)) => {
            let Some(exact) = ExactNumber::parse(n.as_str()) else {
                return Ok(bool_sql(op == CompareOp::NotEqual));
            };
            if op.is_substring() {
                return Ok(bool_sql(false));
            }
            let param = match dialect {
                Dialect::Sqlite => {
                    if def.ty == AttributeType::Decimal {
                        return Err(refuse(
                            &c.path,
                            Clause::Filter,
                            Untranslatable::InexactDecimal,
                        ));
                    }
                    sqlite_number(&exact, n.as_str()).ok_or_else(|| {
                        refuse(&c.path, Clause::Filter, Untranslatable::InexactNumber)
                    })?
                }
                Dialect::Postgres => Param::Text(n.as_str().to_owned()),
            };
            let p = w.bind(param);
            let cmp = ordering(op, &dialect.number(v), &dialect.number_operand(&p));
            Ok(guarded(op, dialect.is_number(v), cmp))
        }
        // Values of different types are never identical.
        _ => Ok(bool_sql(op == CompareOp::NotEqual)),
    }
}

/// `a op b` for an ordering or equality operator (equality for `ne`, which
/// [`guarded`] negates).
fn ordering(op: CompareOp, a: &str, b: &str) -> String {
    let sign = match op {
        CompareOp::GreaterThan => ">",
        CompareOp::GreaterOrEqual => ">=",
        CompareOp::LessThan => "<",
        CompareOp::LessOrEqual => "<=",
        _ => "=",
    };
    format!("{a} {sign} {b}")
}

/// A number SQLite holds exactly: an `i64`, or an `f64` whose value is exactly the number's.
fn sqlite_number(exact: &ExactNumber, text: &str) -> Option<Param> {
    if let Some(i) = exact.to_i64() {
        return Some(Param::Integer(i));
    }
    let float: f64 = text.parse().ok()?;
    // 1100 decimals write every f64 exactly (the smallest has 1074).
    let written = format!("{float:.1100}");
    (float.is_finite() && ExactNumber::parse(&written).as_ref() == Some(exact))
        .then_some(Param::Real(float))
}

/// A text comparison: case-exact, or folded as the [`CaseFolding`] says.
fn text_match(
    w: &mut Writer<'_>,
    v: &str,
    path: &AttrPath,
    op: CompareOp,
    e: &str,
    case_exact: bool,
) -> Result<String, SqlError> {
    let dialect = w.dialect;
    let text = dialect.text(v);
    let (hay, needle) = if case_exact {
        (text, e.to_owned())
    } else {
        match w.folding {
            CaseFolding::Ascii => {
                if !e.is_ascii() {
                    return Err(refuse(
                        path,
                        Clause::Filter,
                        Untranslatable::NonAsciiCaseInsensitive,
                    ));
                }
                (dialect.fold_ascii(&text), e.to_ascii_lowercase())
            }
            CaseFolding::Function(function) => {
                if !is_plain_name(function) {
                    return Err(refuse(path, Clause::Filter, Untranslatable::UnsafeName));
                }
                (format!("{function}({text})"), e.to_lowercase())
            }
        }
    };
    let p = w.bind(Param::Text(needle));
    let cmp = match op {
        CompareOp::Contains => dialect.contains(&hay, &p),
        CompareOp::StartsWith => dialect.starts_with(&hay, &p),
        CompareOp::EndsWith => dialect.ends_with(&hay, &p),
        CompareOp::Equal | CompareOp::NotEqual => format!("{hay} = {p}"),
        _ => ordering(op, &dialect.ordered_text(&hay), &p),
    };
    Ok(guarded(op, dialect.is_string(v), cmp))
}

/// `attr[filter]`: some value of `attr` matches `filter`, whose names are its sub-attributes
/// (or `value`, for a simple value).
fn value_path(w: &mut Writer<'_>, scope: Scope<'_>, vp: &ValuePath) -> Result<String, SqlError> {
    if vp.attr.sub_attr().is_some() {
        return Err(refuse(
            &vp.attr,
            Clause::Filter,
            Untranslatable::NestedSubAttribute,
        ));
    }
    if matches!(scope, Scope::Resource { .. })
        && vp.attr.schema().is_none()
        && vp.attr.name().as_str().eq_ignore_ascii_case("schemas")
    {
        return Err(refuse(
            &vp.attr,
            Clause::Filter,
            Untranslatable::SchemasValueFilter,
        ));
    }
    let found = scope.resolve(w.dialect, &vp.attr, Clause::Filter)?;
    let def = found.def;
    w.any(&found.json, found.multi, &mut |w, v| {
        let inner = if def.ty == AttributeType::Complex {
            Scope::Object {
                json: v,
                defs: def.sub_attributes,
            }
        } else {
            Scope::Simple { json: v, def }
        };
        condition(w, inner, &vp.filter)
    })
}

//! Sorting (RFC 7644 §3.4.2.3) and paging (RFC 7644 §3.4.2.4) as `ORDER BY`, `LIMIT` and
//! `OFFSET`, with the engine's order ([`scim_runtime_model::sort`]).

use scim_runtime_model::attribute::{AttributeDef, AttributeType};
use scim_runtime_model::message::SortOrder;
use scim_runtime_model::path::AttrPath;

use super::dialect::{is_plain_name, CaseFolding, Dialect};
use super::error::{Clause, SqlError, Untranslatable};
use super::scope::{refuse, Scope};
use super::statement::Param;
use super::writer::Writer;

/// The `ORDER BY` list (without the keywords) for `path` in `order`: resources without a
/// value last when ascending, first when descending; ties by `id`, ascending either way, as
/// the engine's stable sort leaves resources listed by `id`.
pub(super) fn order_by(
    w: &mut Writer<'_>,
    scope: Scope<'_>,
    resource: &str,
    path: &AttrPath,
    order: SortOrder,
) -> Result<String, SqlError> {
    let dialect = w.dialect;
    let found = scope.resolve(dialect, path, Clause::SortBy)?;
    let sub = scope.sub(path, &found, Clause::SortBy)?;
    let chosen = chosen(w, &found.json, found.multi, found.def);
    let (json, def) = match sub {
        None => (chosen, found.def),
        Some(sub) => {
            let member = dialect.member(&chosen, sub.key);
            (chosen_value(w, &member, sub.def), sub.def)
        }
    };
    let key = key_of(w, &json, def, path)?;
    let direction = match order {
        SortOrder::Ascending => "ASC NULLS LAST",
        SortOrder::Descending => "DESC NULLS FIRST",
    };
    Ok(format!("{key} {direction}, {}", by_id(dialect, resource)))
}

/// The order of resources by `id`, ascending: how ties are broken, and the order of a list
/// without `sortBy`.
pub(super) fn by_id(dialect: Dialect, resource: &str) -> String {
    let id = dialect.ordered_text(&dialect.text(&dialect.member(resource, "id")));
    format!("{id} ASC")
}

fn chosen_value(w: &mut Writer<'_>, json: &str, def: &'static AttributeDef) -> String {
    chosen(w, json, def.multi_valued, def)
}

/// The value sorting uses (RFC 7644 §3.4.2.3): the value itself, or for a list its `primary`
/// value, else its first; NULL when there is none.
fn chosen(w: &mut Writer<'_>, json: &str, multi: bool, def: &'static AttributeDef) -> String {
    let dialect = w.dialect;
    if !multi {
        return format!("(CASE WHEN {} THEN {json} END)", dialect.assigned(json));
    }
    let alias = w.alias();
    let (from, element) = dialect.elements(json, &alias);
    let primary = match def.sub_attribute("primary") {
        Some(p) if def.ty == AttributeType::Complex => {
            format!("{}, ", dialect.element_primary_rank(&alias, p.name))
        }
        _ => String::new(),
    };
    format!(
        "(SELECT {element} FROM {from} WHERE {} ORDER BY {primary}{} LIMIT 1)",
        dialect.assigned(&element),
        dialect.element_position(&alias)
    )
}

/// The sort key of the value `json`, NULL when it has none.
fn key_of(
    w: &mut Writer<'_>,
    json: &str,
    def: &'static AttributeDef,
    path: &AttrPath,
) -> Result<String, SqlError> {
    let dialect = w.dialect;
    let text = dialect.text(json);
    let string = |key: String| {
        format!(
            "(CASE WHEN {} THEN {} END)",
            dialect.is_string(json),
            dialect.ordered_text(&key)
        )
    };
    Ok(match def.ty {
        // A complex value sorts as its `value` sub-attribute (RFC 7643 §2.4).
        AttributeType::Complex => match def.sub_attribute("value") {
            Some(value) => {
                let member = dialect.member(json, value.name);
                let chosen = chosen_value(w, &member, value);
                return key_of(w, &chosen, value, path);
            }
            None => "NULL".to_owned(),
        },
        AttributeType::String | AttributeType::Reference if !def.case_exact => {
            string(match w.folding {
                CaseFolding::Ascii => dialect.fold_ascii(&text),
                CaseFolding::Function(function) if is_plain_name(function) => {
                    format!("{function}({text})")
                }
                CaseFolding::Function(_) => {
                    return Err(refuse(path, Clause::SortBy, Untranslatable::UnsafeName));
                }
            })
        }
        AttributeType::String | AttributeType::Reference | AttributeType::Binary => string(text),
        AttributeType::DateTime => string(dialect.instant_key(&text)),
        AttributeType::Boolean => dialect.boolean(json),
        AttributeType::Decimal if dialect == Dialect::Sqlite => {
            return Err(refuse(path, Clause::SortBy, Untranslatable::InexactDecimal));
        }
        AttributeType::Integer | AttributeType::Decimal => dialect.number(json),
    })
}

/// `LIMIT` and `OFFSET` for the 1-based `start_index` (below 1 read as 1) and `count`
/// (`None`: no limit), RFC 7644 §3.4.2.4.
pub(super) fn page(w: &mut Writer<'_>, start_index: u64, count: Option<u64>) -> String {
    let offset = i64::try_from(start_index.max(1) - 1).unwrap_or(i64::MAX);
    let limit = count.map(|c| i64::try_from(c).unwrap_or(i64::MAX));
    match (w.dialect, limit) {
        (_, Some(limit)) => {
            let limit = w.bind(Param::Integer(limit));
            let offset = w.bind(Param::Integer(offset));
            format!("LIMIT {limit} OFFSET {offset}")
        }
        // SQLite has no OFFSET without LIMIT; -1 is no limit.
        (Dialect::Sqlite, None) => format!("LIMIT -1 OFFSET {}", w.bind(Param::Integer(offset))),
        (Dialect::Postgres, None) => format!("OFFSET {}", w.bind(Param::Integer(offset))),
    }
}

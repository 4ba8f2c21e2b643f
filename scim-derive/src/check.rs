//! Checks across fields: what no single attribute can tell.

use crate::ast::{Container, Kind, Role};
use crate::ctxt::Ctxt;

pub fn check(cx: &Ctxt, c: &Container<'_>) {
    check_wire_names(cx, c);
    check_other(cx, c);
    if let Kind::Resource(_) = c.kind {
        check_common(cx, c);
    }
    check_schema_urn(cx, c);
}

/// Two attributes whose names differ only in case are one attribute (RFC 7643 §2.1).
fn check_wire_names(cx: &Ctxt, c: &Container<'_>) {
    let named: Vec<_> = c
        .fields
        .iter()
        .filter(|f| matches!(f.role, Role::Attribute(_) | Role::Common(_)))
        .collect();
    for (i, f) in named.iter().enumerate() {
        if let Some(prev) = named[..i]
            .iter()
            .find(|p| p.wire_name.eq_ignore_ascii_case(&f.wire_name))
        {
            cx.error_spanned_by(
                &f.ident,
                format!(
                    "attribute `{}` is already `{}` (SCIM names are case-insensitive, RFC 7643 §2.1); give one a different `rename`",
                    f.wire_name, prev.ident
                ),
            );
        }
        if f.wire_name.eq_ignore_ascii_case("schemas") {
            cx.error_spanned_by(
                &f.ident,
                "`schemas` is written from the schema and the extensions present; it is not a field",
            );
        }
    }
}

fn check_other(cx: &Ctxt, c: &Container<'_>) {
    let others: Vec<_> = c
        .fields
        .iter()
        .filter(|f| matches!(f.role, Role::Other))
        .collect();
    for extra in others.iter().skip(1) {
        cx.error_spanned_by(&extra.ident, "only one field can be `#[scim(other)]`");
    }
}

fn check_common(cx: &Ctxt, c: &Container<'_>) {
    for (name, field) in [
        ("id", "id"),
        ("externalId", "external_id"),
        ("meta", "meta"),
    ] {
        if !c
            .fields
            .iter()
            .any(|f| matches!(f.role, Role::Common(n) if n == name))
        {
            cx.error_spanned_by(
                c.ident(),
                format!("a resource needs the common attribute `{name}` (RFC 7643 §3.1) as a field `{field}`"),
            );
        }
    }
}

fn check_schema_urn(cx: &Ctxt, c: &Container<'_>) {
    let id = match &c.kind {
        Kind::Resource(r) => &r.schema.id,
        Kind::Extension(s) => &s.id,
        _ => return,
    };
    if id.is_empty() {
        return;
    }
    if id.contains(char::is_whitespace) {
        cx.error_spanned_by(
            c.ident(),
            format!("schema `{id}` is not a URI: it holds white space"),
        );
    }
}

//! Checks across fields and variants: what no single attribute can tell.

use crate::ast::{Common, Container, Kind, Role};
use crate::attr::key;
use crate::ctxt::Ctxt;

/// Reports every rule of the whole input that `c` breaks.
pub fn check(cx: &Ctxt, c: &Container<'_>) {
    check_wire_names(cx, c);
    check_other(cx, c);
    if let Kind::Resource(_) = c.kind {
        check_common(cx, c);
    }
    check_schema_urn(cx, c);
    if let Kind::Canonical = c.kind {
        check_variants(cx, c);
    }
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
                    "attribute `{}` is already `{}` (SCIM names are case-insensitive, RFC 7643 §2.1); give one a different `{}`",
                    f.wire_name, prev.ident, key::RENAME
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
        cx.error_spanned_by(
            &extra.ident,
            format!("only one field can be `#[scim({})]`", key::OTHER),
        );
    }
}

fn check_common(cx: &Ctxt, c: &Container<'_>) {
    for common in Common::ALL {
        if c.common(common).is_none() {
            cx.error_spanned_by(
                c.ident(),
                format!(
                    "a resource needs the common attribute `{}` (RFC 7643 §3.1) as a field `{}`",
                    common.wire_name(),
                    common.field_name()
                ),
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

/// A canonical enum has one fallback variant, and each canonical value once.
fn check_variants(cx: &Ctxt, c: &Container<'_>) {
    for extra in c.fallbacks.iter().skip(1) {
        cx.error_spanned_by(
            extra,
            format!("only one variant can be `#[scim({})]`", key::OTHER),
        );
    }
    for (i, v) in c.variants.iter().enumerate() {
        if let Some(prev) = c.variants[..i].iter().find(|p| p.wire_name == v.wire_name) {
            cx.error_spanned_by(
                v.original,
                format!(
                    "canonical value `{}` is already used by `{}`",
                    v.wire_name, prev.ident
                ),
            );
        }
    }
    if c.fallbacks.is_empty() {
        cx.error_spanned_by(
            c.ident(),
            format!(
                "an open enum needs a fallback variant `#[scim({})] Custom(String)` for values it does not know",
                key::OTHER
            ),
        );
    }
}

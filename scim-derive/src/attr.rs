//! Reading `#[scim(...)]` attributes and doc comments.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::{Attribute, LitStr};

use crate::ctxt::Ctxt;

/// One `#[scim(..)]` value that may be set at most once, remembering where it was set.
pub struct Once<T> {
    name: &'static str,
    value: Option<(Span, T)>,
}

impl<T> Once<T> {
    pub fn new(name: &'static str) -> Self {
        Self { name, value: None }
    }

    /// Sets the value, reporting a duplicate at its second occurrence.
    pub fn set(&mut self, cx: &Ctxt, span: Span, value: T) {
        if self.value.is_some() {
            cx.syn_error(syn::Error::new(
                span,
                format!("duplicate scim attribute `{}`", self.name),
            ));
        } else {
            self.value = Some((span, value));
        }
    }

    pub fn get(self) -> Option<T> {
        self.value.map(|(_, v)| v)
    }

    pub fn as_ref(&self) -> Option<&T> {
        self.value.as_ref().map(|(_, v)| v)
    }

    pub fn span(&self) -> Option<Span> {
        self.value.as_ref().map(|(s, _)| *s)
    }
}

/// Reads `key = "text"`.
pub fn string_value(meta: &ParseNestedMeta<'_>) -> syn::Result<LitStr> {
    meta.value()?.parse::<LitStr>()
}

/// Reads a flag that may also be written `key = true` / `key = false`.
pub fn flag_value(meta: &ParseNestedMeta<'_>) -> syn::Result<bool> {
    if meta.input.peek(syn::Token![=]) {
        Ok(meta.value()?.parse::<syn::LitBool>()?.value)
    } else {
        Ok(true)
    }
}

/// Reads `key = ["a", "b"]`.
fn string_array(meta: &ParseNestedMeta<'_>) -> syn::Result<Vec<LitStr>> {
    let array: syn::ExprArray = meta.value()?.parse()?;
    array
        .elems
        .into_iter()
        .map(|e| match e {
            syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) => Ok(s),
            other => Err(syn::Error::new_spanned(other, "expected a string literal")),
        })
        .collect()
}

/// Reads the string literals of `key("a", "b")` or `key = ["a", "b"]`.
pub fn paren_strings(meta: &ParseNestedMeta<'_>) -> syn::Result<Vec<LitStr>> {
    if meta.input.peek(syn::Token![=]) {
        return string_array(meta);
    }
    let content;
    syn::parenthesized!(content in meta.input);
    let list = content.parse_terminated(|p| p.parse::<LitStr>(), syn::Token![,])?;
    Ok(list.into_iter().collect())
}

/// One canonical value as written: a string, integer, decimal or boolean literal, an optional
/// `-` before a number. Kept as its text (`"work"` → `work`, `-1` → `-1`, `true` → `true`),
/// which is what the `&'static [&'static str]` table of an `AttributeDef` holds.
pub fn scalar_text(input: syn::parse::ParseStream<'_>) -> syn::Result<String> {
    let minus = input.parse::<Option<syn::Token![-]>>()?.is_some();
    let lit: syn::Lit = input.parse().map_err(|e| {
        syn::Error::new(
            e.span(),
            "expected a string, integer, decimal or boolean literal",
        )
    })?;
    let text = match &lit {
        syn::Lit::Str(s) if !minus => s.value(),
        syn::Lit::Int(i) if i.suffix().is_empty() => i.base10_digits().to_owned(),
        syn::Lit::Float(f) if f.suffix().is_empty() => f.base10_digits().to_owned(),
        syn::Lit::Bool(b) if !minus => b.value.to_string(),
        _ => {
            return Err(syn::Error::new_spanned(
                lit,
                "expected a string, integer, decimal or boolean literal",
            ))
        }
    };
    Ok(if minus { format!("-{text}") } else { text })
}

/// Reads the values of `canonical_values("a", "b")`, `canonical_values(0, 1)` or
/// `canonical_values = ["a", "b"]`, each as its text (see [`scalar_text`]).
pub fn paren_scalars(meta: &ParseNestedMeta<'_>) -> syn::Result<Vec<String>> {
    if meta.input.peek(syn::Token![=]) {
        let value = meta.value()?;
        let content;
        syn::bracketed!(content in value);
        let list = content.parse_terminated(scalar_text, syn::Token![,])?;
        return Ok(list.into_iter().collect());
    }
    let content;
    syn::parenthesized!(content in meta.input);
    let list = content.parse_terminated(scalar_text, syn::Token![,])?;
    Ok(list.into_iter().collect())
}

/// The doc comment of an item as a SCIM description: lines joined with `\n`, one leading
/// space removed from each (the space `///` leaves).
pub fn doc_comment(attrs: &[Attribute]) -> Option<String> {
    let mut lines = Vec::new();
    for attr in attrs {
        if !attr.path().is_ident("doc") {
            continue;
        }
        if let syn::Meta::NameValue(nv) = &attr.meta {
            if let syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) = &nv.value
            {
                let line = s.value();
                lines.push(line.strip_prefix(' ').map(str::to_owned).unwrap_or(line));
            }
        }
    }
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// Calls `f` for every item in every `#[scim(..)]` attribute, reporting parse errors.
pub fn for_each_scim_meta(
    cx: &Ctxt,
    attrs: &[Attribute],
    mut f: impl FnMut(&ParseNestedMeta<'_>) -> syn::Result<()>,
) {
    for attr in attrs {
        if !attr.path().is_ident("scim") {
            continue;
        }
        if let syn::Meta::Path(_) = attr.meta {
            cx.error_spanned_by(attr, "expected `#[scim(...)]`");
            continue;
        }
        if let Err(e) = attr.parse_nested_meta(|meta| f(&meta)) {
            cx.syn_error(e);
        }
    }
}

/// The name of a nested meta item, for error messages.
pub fn meta_name(meta: &ParseNestedMeta<'_>) -> String {
    meta.path
        .get_ident()
        .map(|i| i.to_string())
        .unwrap_or_else(|| {
            let p = &meta.path;
            quote::quote!(#p).to_string()
        })
}

/// Skips the rest of an unknown item (`= value` or `(..)`), so parsing can go on.
pub fn skip_value(meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
    if meta.input.peek(syn::Token![=]) {
        let _: syn::Expr = meta.value()?.parse()?;
    } else if meta.input.peek(syn::token::Paren) {
        let _content;
        syn::parenthesized!(_content in meta.input);
        let _: proc_macro2::TokenStream = _content.parse()?;
    }
    Ok(())
}

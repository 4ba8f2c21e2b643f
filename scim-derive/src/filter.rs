//! `filter!(Type, "...")`: a SCIM filter parsed at compile time, whose attribute paths are
//! checked against the type's attribute tables.
//!
//! A proc macro sees tokens, not types, so the work is split in two:
//!
//! - here, at expansion time, the literal is parsed by `scim-filter-syntax`, the very parser
//!   `scim_runtime::filter::parse_filter` is; a syntax error becomes a compile error on the
//!   literal. What needs no type is checked here too: sub-attributes have no sub-attributes
//!   (RFC 7643 §2.3.8), so value filters do not nest.
//! - for every attribute path the filter uses, a `const _: () = ...;` item asks
//!   `scim_runtime::__private::check_attribute`, a `const fn` over the type's `'static`
//!   metadata (`Resource::RESOURCE_TYPE`), whether the attribute exists; if not, constant
//!   evaluation panics with a message naming the type and the path.
//!
//! The expression then parses the same literal at run time, which cannot fail.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned, ToTokens};
use scim_filter_syntax::filter::{parse_filter, Filter, ParseError};
use scim_filter_syntax::path::AttrPath;
use syn::parse::{Parse, ParseStream};
use syn::{LitStr, Token, Type};

use crate::ctxt::Ctxt;

/// `Type, "filter"` with an optional trailing comma.
pub struct Input {
    ty: Type,
    literal: LitStr,
}

impl Parse for Input {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let ty = input.parse()?;
        input.parse::<Token![,]>()?;
        let literal = input.parse()?;
        if input.peek(Token![,]) {
            input.parse::<Token![,]>()?;
        }
        if !input.is_empty() {
            return Err(input.error("expected `filter!(Type, \"filter\")`"));
        }
        Ok(Self { ty, literal })
    }
}

/// One attribute lookup the filter needs: `urn:...:name.sub`, or `name[sub ...]` when
/// `in_value_filter`.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Lookup {
    schema: Option<String>,
    name: String,
    sub_attr: Option<String>,
    in_value_filter: bool,
}

impl Lookup {
    fn of(path: &AttrPath) -> Self {
        Self {
            schema: path.schema().map(str::to_owned),
            name: path.name().as_str().to_owned(),
            sub_attr: path.sub_attr().map(|s| s.as_str().to_owned()),
            in_value_filter: false,
        }
    }

    /// The path as a client writes it, for messages.
    fn display(&self) -> String {
        let mut text = String::new();
        if let Some(schema) = &self.schema {
            text.push_str(schema);
            text.push(':');
        }
        text.push_str(&self.name);
        if let Some(sub) = &self.sub_attr {
            text.push('.');
            text.push_str(sub);
        }
        text
    }
}

pub fn expand(input: &Input) -> TokenStream {
    let text = input.literal.value();
    let filter = match parse_filter(&text) {
        Ok(filter) => filter,
        Err(error) => {
            let error = syn::Error::new(input.literal.span(), syntax_message(&text, &error));
            return stub(&input.ty, &error);
        }
    };
    let cx = Ctxt::new();
    let mut lookups = BTreeSet::new();
    collect(&cx, &input.literal, &filter, None, &mut lookups);
    if let Err(error) = cx.check() {
        return stub(&input.ty, &error);
    }

    let ty = &input.ty;
    let type_name = ty.to_token_stream().to_string().replace(' ', "");
    let span = input.literal.span();
    let checks = lookups.iter().map(|lookup| {
        let schema = option_str(lookup.schema.as_deref());
        let name = &lookup.name;
        let sub_attr = option_str(lookup.sub_attr.as_deref());
        let in_value_filter = lookup.in_value_filter;
        let path = lookup.display();
        let context = format!("in filter `{text}`");
        let unknown_schema = panic_message(&format!(
            "`{type_name}` has no schema `{}`: neither its core schema nor one of its \
             extensions ({context})",
            lookup.schema.as_deref().unwrap_or_default()
        ));
        let unknown_attribute =
            panic_message(&format!("`{type_name}` has no attribute `{path}` ({context})"));
        let not_complex = panic_message(&format!(
            "attribute `{name}` of `{type_name}` is not complex and has no sub-attribute `{}` \
             ({context})",
            lookup.sub_attr.as_deref().unwrap_or_default()
        ));
        let unknown_sub_attribute = panic_message(&format!(
            "attribute `{name}` of `{type_name}` has no sub-attribute `{}` ({context})",
            lookup.sub_attr.as_deref().unwrap_or_default()
        ));
        quote_spanned! {span=>
            const _: () = match ::scim_runtime::__private::check_attribute(
                <#ty as ::scim_runtime::Resource>::RESOURCE_TYPE,
                #schema,
                #name,
                #sub_attr,
                #in_value_filter,
            ) {
                ::scim_runtime::__private::AttrCheck::Found => {}
                ::scim_runtime::__private::AttrCheck::UnknownSchema => ::core::panic!(#unknown_schema),
                ::scim_runtime::__private::AttrCheck::UnknownAttribute => ::core::panic!(#unknown_attribute),
                ::scim_runtime::__private::AttrCheck::NotComplex => ::core::panic!(#not_complex),
                ::scim_runtime::__private::AttrCheck::UnknownSubAttribute => ::core::panic!(#unknown_sub_attribute),
            };
        }
    });
    let literal = &input.literal;
    quote! {
        {
            #(#checks)*
            ::scim_runtime::__private::parse_checked_filter(#literal)
        }
    }
}

/// The errors, and an expression of type `Filter` that uses `ty`, so that the errors are the
/// only ones the user sees.
fn stub(ty: &Type, error: &syn::Error) -> TokenStream {
    let error = error.to_compile_error();
    quote! {
        {
            #error
            ::scim_runtime::__private::filter_stub::<#ty>()
        }
    }
}

/// Walks the tree, recording every attribute lookup; `value_filter` is the attribute whose
/// value filter (`emails[...]`) the walk is inside.
fn collect(
    cx: &Ctxt,
    literal: &LitStr,
    filter: &Filter,
    value_filter: Option<&AttrPath>,
    out: &mut BTreeSet<Lookup>,
) {
    let mut path = |path: &AttrPath| match value_filter {
        None => {
            out.insert(Lookup::of(path));
        }
        Some(outer) => {
            if path.schema().is_some() || path.sub_attr().is_some() {
                cx.error_spanned_by(
                    literal,
                    format!(
                        "`{path}` inside `{outer}[...]` must be one sub-attribute name of \
                         `{outer}`: a sub-attribute has no sub-attributes (RFC 7643 §2.3.8)"
                    ),
                );
                return;
            }
            out.insert(Lookup {
                schema: outer.schema().map(str::to_owned),
                name: outer.name().as_str().to_owned(),
                sub_attr: Some(path.name().as_str().to_owned()),
                in_value_filter: true,
            });
        }
    };
    match filter {
        Filter::Comparison(comparison) => path(&comparison.path),
        Filter::Present(present) => path(present),
        Filter::And(operands) | Filter::Or(operands) => {
            for operand in operands {
                collect(cx, literal, operand, value_filter, out);
            }
        }
        Filter::Not(operand) => collect(cx, literal, operand, value_filter, out),
        Filter::ValuePath(value_path) => {
            if let Some(outer) = value_filter {
                cx.error_spanned_by(
                    literal,
                    format!(
                        "value filters do not nest: `{}[...]` inside `{outer}[...]` names a \
                         sub-attribute, which has no sub-attributes (RFC 7643 §2.3.8)",
                        value_path.attr
                    ),
                );
                return;
            }
            if value_path.attr.sub_attr().is_some() {
                cx.error_spanned_by(
                    literal,
                    format!(
                        "`{}[...]`: a value filter applies to an attribute, not to a \
                         sub-attribute (RFC 7644 §3.4.2.2 `valuePath`)",
                        value_path.attr
                    ),
                );
                return;
            }
            out.insert(Lookup::of(&value_path.attr));
            collect(cx, literal, &value_path.filter, Some(&value_path.attr), out);
        }
    }
}

/// The message for a filter that does not parse, with a caret under the column.
fn syntax_message(text: &str, error: &ParseError) -> String {
    let mut message = format!("invalid SCIM filter (RFC 7644 §3.4.2.2): {error}");
    if let (Some(column), false) = (error.column(), text.contains('\n')) {
        message.push_str(&format!(
            "\n  {text}\n  {}^",
            " ".repeat(column.saturating_sub(1))
        ));
    }
    message
}

/// `::core::option::Option::Some("text")` or `None`.
fn option_str(text: Option<&str>) -> TokenStream {
    match text {
        Some(text) => quote!(::core::option::Option::Some(#text)),
        None => quote!(::core::option::Option::None),
    }
}

/// A string literal for `panic!`, whose first argument is a format string: braces doubled.
fn panic_message(message: &str) -> LitStr {
    LitStr::new(
        &message.replace('{', "{{").replace('}', "}}"),
        proc_macro2::Span::call_site(),
    )
}

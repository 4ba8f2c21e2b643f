//! The fallback: what the derive writes beside `compile_error!` when the input has mistakes.
//! Impls of the traits with bodies that are never run, so that the errors the user sees are
//! the real ones, and not fifty follow-on "trait not implemented" errors.

use proc_macro2::TokenStream;
use quote::quote;

use super::Paths;
use crate::ast::{Container, Kind};

/// What the derive emits beside `compile_error!` when the input has mistakes: impls of the
/// traits with bodies that are never run, so the user sees the real errors and not fifty
/// follow-on "trait not implemented" errors.
pub fn stub(
    c: Option<&Container<'_>>,
    input: &syn::DeriveInput,
    root: Option<&syn::Path>,
) -> TokenStream {
    let Paths {
        rt, private, serde, ..
    } = &Paths::new(root);
    let ident = &input.ident;
    if !input.generics.params.is_empty() {
        return quote!();
    }
    let kind = c.map(|c| &c.kind);
    let unreachable = quote!(::core::unreachable!("#[derive(ScimResource)] failed"));
    let schema = quote! {
        &#rt::attribute::SchemaDef { id: "", name: "", description: "", attributes: &[] }
    };
    let kind_impl = match kind {
        Some(Kind::Resource(_)) => quote! {
            impl #rt::Resource for #ident {
                const SCHEMA: &'static #rt::attribute::SchemaDef = #schema;
                const RESOURCE_TYPE: &'static #rt::attribute::ResourceTypeDef = &#rt::attribute::ResourceTypeDef {
                    name: "", endpoint: "", description: "", schema: #schema, extensions: &[],
                };
                fn id(&self) -> ::core::option::Option<&str> { #unreachable }
                fn set_id(&mut self, _: ::core::option::Option<::std::string::String>) { #unreachable }
                fn external_id(&self) -> ::core::option::Option<&str> { #unreachable }
                fn meta(&self) -> ::core::option::Option<&#rt::Meta> { #unreachable }
                fn meta_mut(&mut self) -> &mut ::core::option::Option<#rt::Meta> { #unreachable }
            }
        },
        Some(Kind::Extension(_)) => quote! {
            impl #rt::Extension for #ident {
                const SCHEMA: &'static #rt::attribute::SchemaDef = #schema;
            }
        },
        _ => quote!(),
    };
    let object_impls = if matches!(kind, Some(Kind::Canonical)) {
        quote!()
    } else {
        quote! {
            impl #rt::ScimObject for #ident {
                const ATTRIBUTES: &'static [#rt::attribute::AttributeDef] = &[];
                fn serialize_scoped<__S: #serde::Serializer>(&self, _: __S, _: &#rt::Scope<'_>) -> ::core::result::Result<__S::Ok, __S::Error> { #unreachable }
                fn validate_into(&self, _: &mut #private::Validator) { #unreachable }
                fn drop_ignored_attributes(&mut self, _: #rt::Context) { #unreachable }
                fn is_empty(&self) -> bool { #unreachable }
                fn is_empty_in(&self, _: &#rt::Scope<'_>) -> bool { #unreachable }
                fn merge_from(&mut self, _: Self) -> ::core::result::Result<(), ::std::string::String> { #unreachable }
                fn other_attributes(&self) -> ::core::option::Option<&#rt::OtherAttributes> { #unreachable }
            }
            impl #rt::value::AttributeAccess for #ident {
                fn attribute(&self, _: &str) -> ::core::option::Option<#rt::value::Attr<'_>> { #unreachable }
                fn attribute_defs(&self) -> &'static [#rt::attribute::AttributeDef] { #unreachable }
            }
            #kind_impl
        }
    };
    let debug = debug_stub(c, ident);
    let eq = eq_stub(c, ident);
    let paths = super::typed_paths::stub(kind, ident, &Paths::new(root));
    quote! {
        #[allow(unreachable_code, clippy::all)]
        const _: () = {
            #object_impls
            #debug
            #eq
            #paths
            impl #rt::value::AttributeValue for #ident {
                const TYPE: #rt::attribute::AttributeType = #rt::attribute::AttributeType::Complex;
                fn deserialize_value<'de, __D: #serde::Deserializer<'de>>(_: __D) -> ::core::result::Result<Self, __D::Error> { #unreachable }
                fn serialize_value<__S: #serde::Serializer>(&self, _: __S, _: &#rt::Scope<'_>) -> ::core::result::Result<__S::Ok, __S::Error> { #unreachable }
                fn value_ref(&self) -> #rt::value::ValueRef<'_> { #unreachable }
            }
            impl #serde::Serialize for #ident {
                fn serialize<__S: #serde::Serializer>(&self, _: __S) -> ::core::result::Result<__S::Ok, __S::Error> { #unreachable }
            }
            impl<'de> #serde::Deserialize<'de> for #ident {
                fn deserialize<__D: #serde::Deserializer<'de>>(_: __D) -> ::core::result::Result<Self, __D::Error> { #unreachable }
            }
        };
    }
}

/// `PartialEq`, `Eq` and `Hash` stubs beside the errors of a broken canonical enum, so that a
/// use of `==` is not one more error.
fn eq_stub(c: Option<&Container<'_>>, ident: &syn::Ident) -> TokenStream {
    match c {
        Some(c) if matches!(c.kind, Kind::Canonical) && !c.skip_eq => quote! {
            impl ::core::cmp::PartialEq for #ident {
                fn eq(&self, _: &Self) -> bool {
                    ::core::unreachable!("#[derive(ScimResource)] failed")
                }
            }
            impl ::core::cmp::Eq for #ident {}
            impl ::core::hash::Hash for #ident {
                fn hash<__H: ::core::hash::Hasher>(&self, _: &mut __H) {
                    ::core::unreachable!("#[derive(ScimResource)] failed")
                }
            }
        },
        _ => quote!(),
    }
}

/// The `Debug` impl beside the errors of a broken input, so that a use of `{:?}` is not one
/// more error; nothing under `#[scim(skip_debug)]` or when the input could not be read.
fn debug_stub(c: Option<&Container<'_>>, ident: &syn::Ident) -> TokenStream {
    match c {
        Some(c) if !c.skip_debug => quote! {
            impl ::core::fmt::Debug for #ident {
                fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::unreachable!("#[derive(ScimResource)] failed")
                }
            }
        },
        _ => quote!(),
    }
}

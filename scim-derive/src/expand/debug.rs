//! The `Debug` impl every derived type gets: what `#[derive(Debug)]` would print, except that
//! a sensitive field (`writeOnly`, `returned = "never"`, `#[scim(sensitive)]`) shows as
//! `<redacted>` when it is set. `None` and `[]` stay visible, so that debugging still tells an
//! absent secret from a present one; the length of a value is never shown.
//!
//! Sensitivity follows nested types without extra work: a complex value's own `Debug` is
//! derived too and redacts its own sensitive sub-attributes.

use proc_macro2::TokenStream;
use quote::quote;

use super::Paths;
use crate::ast::{Container, Kind, Role};

/// The `Debug` impl, or nothing under `#[scim(skip_debug)]`.
pub fn expand(c: &Container<'_>, p: &Paths) -> TokenStream {
    let rt = &p.rt;
    if c.skip_debug {
        return quote!();
    }
    let ident = c.ident();
    let name = ident.to_string();
    let body = match c.kind {
        Kind::Canonical => {
            let units = c.variants.iter().map(|v| {
                let i = &v.ident;
                let text = i.to_string();
                quote!(Self::#i => __f.write_str(#text),)
            });
            let fallback = c.fallback().map(|i| {
                let text = i.to_string();
                quote!(Self::#i(__value) => __f.debug_tuple(#text).field(__value).finish(),)
            });
            quote! {
                match self {
                    #(#units)*
                    #fallback
                }
            }
        }
        _ => {
            let fields = c.fields.iter().map(|f| {
                let i = &f.ident;
                let text = i.to_string();
                let text = text.strip_prefix("r#").unwrap_or(&text).to_owned();
                // A resource's unknown attributes may name a secret with its schema URN.
                if matches!(f.role, Role::Other) && matches!(c.kind, Kind::Resource(_)) {
                    return quote! {
                        ::core::fmt::DebugStruct::field(
                            &mut __d,
                            #text,
                            &#rt::redact::UnknownAttributes::new(
                                &self.#i,
                                <Self as #rt::Resource>::SCHEMA,
                                <Self as #rt::Resource>::RESOURCE_TYPE.extensions,
                            ),
                        );
                    };
                }
                if !f.sensitive {
                    return quote!(::core::fmt::DebugStruct::field(&mut __d, #text, &self.#i););
                }
                // An unset secret is shown as unset; a set one as the marker only.
                let unset = if f.multi_valued {
                    quote!(self.#i.is_empty())
                } else {
                    quote!(::core::option::Option::is_none(&self.#i))
                };
                quote! {
                    if #unset {
                        ::core::fmt::DebugStruct::field(&mut __d, #text, &self.#i);
                    } else {
                        ::core::fmt::DebugStruct::field(&mut __d, #text, &#rt::redact::Redacted);
                    }
                }
            });
            quote! {
                let mut __d = ::core::fmt::Formatter::debug_struct(__f, #name);
                #(#fields)*
                ::core::fmt::DebugStruct::finish(&mut __d)
            }
        }
    };
    quote! {
        #[automatically_derived]
        impl ::core::fmt::Debug for #ident {
            fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #body
            }
        }
    }
}

//! Lookup by name: the `AttributeAccess` impl that filters, sorting and PATCH walk, names in
//! any case (RFC 7643 §2.1).

use proc_macro2::TokenStream;
use quote::quote;

use super::Paths;
use crate::ast::{Container, Kind, Role};

/// The `AttributeAccess` impl.
pub fn expand(c: &Container<'_>, p: &Paths) -> TokenStream {
    let Paths { rt, private, .. } = p;
    let ident = c.ident();
    let lookups = c
        .fields
        .iter()
        .filter(|f| matches!(f.role, Role::Attribute(_) | Role::Common(_)))
        .map(|f| {
            let i = &f.ident;
            let wire = &f.wire_name;
            let found = if f.multi_valued {
                quote! {
                    if self.#i.is_empty() {
                        ::core::option::Option::None
                    } else {
                        ::core::option::Option::Some(#rt::value::Attr::Multi(&self.#i))
                    }
                }
            } else {
                quote! {
                    ::core::option::Option::map(::core::option::Option::as_ref(&self.#i), |v| {
                        #rt::value::Attr::Single(#rt::value::AttributeValue::value_ref(v))
                    })
                }
            };
            quote! {
                if #private::eq_ci(name, #wire) {
                    return #found;
                }
            }
        });
    let fallback = match c.other() {
        Some(f) => {
            let i = &f.ident;
            quote!(#private::lookup_unknown(&self.#i, name))
        }
        None => quote!(::core::option::Option::None),
    };
    let extension_lookups = c.extensions().map(|f| {
        let i = &f.ident;
        let urn = p.extension_urn(f);
        quote! {
            if #private::eq_ci(urn, #urn) {
                return ::core::option::Option::map(::core::option::Option::as_ref(&self.#i), |e| e as &dyn #rt::value::AttributeAccess);
            }
        }
    });
    let schema_fns = match &c.kind {
        Kind::Resource(r) => {
            let id = &r.schema.id;
            let present = c.extensions().map(|f| {
                let i = &f.ident;
                let urn = p.extension_urn(f);
                quote! {
                    if ::core::option::Option::is_some(&self.#i) {
                        urns.push(#urn);
                    }
                }
            });
            let unknown = c.other().map(|f| {
                let i = &f.ident;
                quote! {
                    for (key, value) in &self.#i {
                        if value.is_object() && key.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("urn:")) {
                            urns.push(key.as_str());
                        }
                    }
                }
            });
            quote! {
                fn schema_urn(&self) -> ::core::option::Option<&'static str> {
                    ::core::option::Option::Some(#id)
                }
                fn schema_urns(&self) -> ::std::vec::Vec<&str> {
                    let mut urns: ::std::vec::Vec<&str> = ::std::vec![#id];
                    #(#present)*
                    #unknown
                    urns
                }
            }
        }
        Kind::Extension(s) => {
            let id = &s.id;
            quote! {
                fn schema_urn(&self) -> ::core::option::Option<&'static str> {
                    ::core::option::Option::Some(#id)
                }
            }
        }
        _ => quote!(),
    };
    quote! {
        #[automatically_derived]
        impl #rt::value::AttributeAccess for #ident {
            fn attribute(&self, name: &str) -> ::core::option::Option<#rt::value::Attr<'_>> {
                #(#lookups)*
                #fallback
            }
            fn extension(&self, urn: &str) -> ::core::option::Option<&dyn #rt::value::AttributeAccess> {
                let _ = urn;
                #(#extension_lookups)*
                ::core::option::Option::None
            }
            fn attribute_defs(&self) -> &'static [#rt::attribute::AttributeDef] {
                <Self as #rt::ScimObject>::ATTRIBUTES
            }
            fn is_empty_object(&self) -> bool {
                <Self as #rt::ScimObject>::is_empty(self)
            }
            #schema_fns
        }
    }
}

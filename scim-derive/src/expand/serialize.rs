//! Writing a struct: `serialize_scoped`, which every context and projection goes through,
//! `is_empty_in`, which tells whether it would write nothing, and the plain `Serialize`.

use proc_macro2::TokenStream;
use quote::quote;

use super::Paths;
use crate::ast::{Common, Container, Kind, Role};

/// `serialize_scoped`: the attributes `scope` keeps, common ones first and `meta` last, as the
/// RFC examples show them; `schemas` from the schema and the extensions written (RFC 7643 §3).
pub fn serialize_scoped(c: &Container<'_>, p: &Paths) -> TokenStream {
    let Paths { rt, private, serde } = p;
    let mut entries = Vec::new();

    if let Kind::Resource(r) = &c.kind {
        let id = &r.schema.id;
        let present = c.extensions().map(|f| {
            let i = &f.ident;
            let urn = p.extension_urn(f);
            quote! {
                match &self.#i {
                    ::core::option::Option::Some(e) if scope.keeps_extension(#urn) && !<_ as #rt::ScimObject>::is_empty_in(e, &scope.in_extension(#urn)) => ::core::option::Option::Some(#urn),
                    _ => ::core::option::Option::None,
                }
            }
        });
        let other = match c.other() {
            Some(f) => {
                let i = &f.ident;
                quote!(::core::option::Option::Some(&self.#i))
            }
            None => quote!(::core::option::Option::None),
        };
        entries.push(quote! {
            #serde::ser::SerializeMap::serialize_entry(
                &mut map,
                "schemas",
                &#private::SchemasOut::new(#id, &[#(#present),*], #other, scope, __KNOWN),
            )?;
        });
    }

    // Common attributes first, then the schema's, then meta last, as the RFC examples show them.
    let order = c
        .fields
        .iter()
        .filter(|f| {
            matches!(
                f.role,
                Role::Common(Common::Id) | Role::Common(Common::ExternalId)
            )
        })
        .chain(c.attributes())
        .chain(c.extensions())
        .chain(
            c.fields
                .iter()
                .filter(|f| matches!(f.role, Role::Common(Common::Meta))),
        );

    for f in order {
        let i = &f.ident;
        let wire = &f.wire_name;
        match f.role {
            Role::Extension { .. } => {
                let urn = p.extension_urn(f);
                entries.push(quote! {
                    if let ::core::option::Option::Some(value) = &self.#i {
                        if scope.keeps_extension(#urn) {
                            let child = scope.in_extension(#urn);
                            if !<_ as #rt::ScimObject>::is_empty_in(value, &child) {
                                #serde::ser::SerializeMap::serialize_entry(&mut map, #urn, &#private::Scoped::new(value, &child))?;
                            }
                        }
                    }
                });
            }
            _ => {
                let def = p.def(f);
                if f.multi_valued {
                    entries.push(quote! {
                        if !self.#i.is_empty() {
                            if let ::core::option::Option::Some(child) = scope.child(#def) {
                                let seq = #private::ScopedSeq::new(&self.#i, &child);
                                if seq.writes_any() {
                                    #serde::ser::SerializeMap::serialize_entry(&mut map, #wire, &seq)?;
                                }
                            }
                        }
                    });
                } else {
                    entries.push(quote! {
                        if let ::core::option::Option::Some(value) = &self.#i {
                            if let ::core::option::Option::Some(child) = scope.child(#def) {
                                if !#rt::value::AttributeValue::is_empty_in(value, &child) {
                                    #serde::ser::SerializeMap::serialize_entry(&mut map, #wire, &#private::Scoped::new(value, &child))?;
                                }
                            }
                        }
                    });
                }
            }
        }
    }

    if let Some(f) = c.other() {
        let i = &f.ident;
        let write = if matches!(c.kind, Kind::Resource(_)) {
            quote!(scope.unknown_top_value(key, value, __KNOWN))
        } else {
            quote!(scope.unknown_value(key, value))
        };
        entries.push(quote! {
            for (key, value) in &self.#i {
                if let ::core::option::Option::Some(value) = #write {
                    #serde::ser::SerializeMap::serialize_entry(&mut map, key, &*value)?;
                }
            }
        });
    }
    let known = p.known_urns(c);

    quote! {
        fn serialize_scoped<__S>(&self, serializer: __S, scope: &#rt::Scope<'_>) -> ::core::result::Result<__S::Ok, __S::Error>
        where
            __S: #serde::Serializer,
        {
            #known
            let mut map = #serde::Serializer::serialize_map(serializer, ::core::option::Option::None)?;
            #(#entries)*
            #serde::ser::SerializeMap::end(map)
        }
    }
}

/// `is_empty_in`: whether nothing is written in `scope` (RFC 7643 §2.5).
pub fn is_empty_in(c: &Container<'_>, p: &Paths) -> TokenStream {
    let Paths { rt, private, .. } = p;
    let tests = c.fields.iter().map(|f| {
        let i = &f.ident;
        match f.role {
            Role::Other => {
                let write = if matches!(c.kind, Kind::Resource(_)) {
                    quote!(scope.unknown_top_value(key, value, __KNOWN))
                } else {
                    quote!(scope.unknown_value(key, value))
                };
                quote! {
                    for (key, value) in &self.#i {
                        if ::core::option::Option::is_some(&#write) {
                            return false;
                        }
                    }
                }
            }
            Role::Extension { .. } => {
                let urn = p.extension_urn(f);
                quote! {
                    if let ::core::option::Option::Some(value) = &self.#i {
                        if scope.keeps_extension(#urn) && !<_ as #rt::ScimObject>::is_empty_in(value, &scope.in_extension(#urn)) {
                            return false;
                        }
                    }
                }
            }
            _ => {
                let def = p.def(f);
                if f.multi_valued {
                    quote! {
                        if !self.#i.is_empty() {
                            if let ::core::option::Option::Some(child) = scope.child(#def) {
                                if #private::ScopedSeq::new(&self.#i, &child).writes_any() {
                                    return false;
                                }
                            }
                        }
                    }
                } else {
                    quote! {
                        if let ::core::option::Option::Some(value) = &self.#i {
                            if let ::core::option::Option::Some(child) = scope.child(#def) {
                                if !#rt::value::AttributeValue::is_empty_in(value, &child) {
                                    return false;
                                }
                            }
                        }
                    }
                }
            }
        }
    });
    let known = p.known_urns(c);
    quote! {
        fn is_empty_in(&self, scope: &#rt::Scope<'_>) -> bool {
            // Without a context nothing is left out: only an unset value is empty.
            if scope.context() == #rt::Context::Default {
                return <Self as #rt::ScimObject>::is_empty(self);
            }
            #known
            #(#tests)*
            true
        }
    }
}

/// `Serialize`: everything, in no context.
pub fn serialize(c: &Container<'_>, p: &Paths) -> TokenStream {
    let Paths { rt, serde, .. } = p;
    let ident = c.ident();
    quote! {
        #[automatically_derived]
        impl #serde::Serialize for #ident {
            fn serialize<__S>(&self, serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: #serde::Serializer,
            {
                <Self as #rt::ScimObject>::serialize_scoped(self, serializer, &#rt::Scope::DEFAULT)
            }
        }
    }
}

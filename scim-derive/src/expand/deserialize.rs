//! Reading a struct: its `Deserialize` impl, and `merge_from`, which joins what an extension's
//! block and its URN-qualified names (RFC 7644 §3.10) hold.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::Ident;

use super::Paths;
use crate::ast::{Container, Field, Kind, Role};

/// `merge_from`: joins an extension block with its URN-qualified attributes (RFC 7644 §3.10),
/// refusing an attribute set in both.
pub fn merge_from(c: &Container<'_>, p: &Paths) -> TokenStream {
    let private = &p.private;
    let steps = c.fields.iter().map(|f| {
        let i = &f.ident;
        match f.role {
            Role::Other => quote! {
                for (key, value) in later.#i {
                    #private::insert_unknown(&mut self.#i, key, value)?;
                }
            },
            Role::Extension { .. } => quote! {
                self.#i = #private::merge_extension(self.#i.take(), later.#i)?;
            },
            _ => {
                let wire = &f.wire_name;
                let (set_here, set_later) = if f.multi_valued {
                    (quote!(!self.#i.is_empty()), quote!(!later.#i.is_empty()))
                } else {
                    (
                        quote!(::core::option::Option::is_some(&self.#i)),
                        quote!(::core::option::Option::is_some(&later.#i)),
                    )
                };
                quote! {
                    if #set_later {
                        if #set_here {
                            return ::core::result::Result::Err(::std::borrow::ToOwned::to_owned(#wire));
                        }
                        self.#i = later.#i;
                    }
                }
            }
        }
    });
    quote! {
        fn merge_from(&mut self, later: Self) -> ::core::result::Result<(), ::std::string::String> {
            #(#steps)*
            ::core::result::Result::Ok(())
        }
    }
}

/// `Deserialize`: names in any case (RFC 7643 §2.1), URN-qualified names (RFC 7644 §3.10),
/// each attribute once, and the unknown ones kept or refused.
pub fn deserialize(c: &Container<'_>, p: &Paths) -> TokenStream {
    let Paths { rt, private, serde } = p;
    let ident = c.ident();
    let expecting = format!("a SCIM {} object", ident);

    // Fields read from the payload: attributes, common attributes and extensions.
    let read: Vec<&Field> = c
        .fields
        .iter()
        .filter(|f| !matches!(f.role, Role::Other))
        .collect();
    let variants: Vec<Ident> = (0..read.len()).map(|i| format_ident!("__f{}", i)).collect();
    let slots: Vec<Ident> = (0..read.len()).map(|i| format_ident!("__v{}", i)).collect();

    // Exact spellings match in one `match`; other spellings fall back to a case-insensitive scan.
    let mut exact_arms = Vec::new();
    // Lower-cased spellings, matched once on a lower-cased copy of the key; the first of two
    // that lower-case alike wins, as the chain of comparisons they replace did.
    let mut folded: Vec<(String, TokenStream)> = Vec::new();
    let mut qualified_checks = Vec::new();
    let mut extension_checks = Vec::new();
    let mut qualified_ext_checks = Vec::new();
    let mut qualified_variants = Vec::new();
    let mut qualified_arms = Vec::new();
    let mut qualified_seen = Vec::new();
    for ((f, v), slot) in read.iter().zip(&variants).zip(&slots) {
        match f.role {
            Role::Extension { .. } => {
                let urn = p.extension_urn(f);
                extension_checks.push(quote! {
                    if #private::eq_ci(key, #urn) {
                        return __Field::#v;
                    }
                });
                // `<extension URN>:<attribute>` at the top level names the extension's
                // attribute (RFC 7644 §3.10). A name with a `.` is not an attribute name
                // (RFC 7643 §2.1), so `<URN>:name.sub` stays an unknown attribute.
                let q = format_ident!("__q{}", qualified_variants.len());
                qualified_ext_checks.push(quote! {
                    if let ::core::option::Option::Some(name) = #private::strip_schema(key, #urn) {
                        if !name.contains('.') && !name.contains(':') {
                            return __Field::#q(::std::borrow::ToOwned::to_owned(name));
                        }
                    }
                });
                let inner = &f.inner;
                let qseen = format_ident!("__qualified_seen{}", qualified_variants.len());
                qualified_seen.push(quote!(let mut #qseen: ::std::vec::Vec<::std::string::String> = ::std::vec::Vec::new();));
                qualified_arms.push(quote! {
                    __Field::#q(name) => {
                        // The same qualified name twice, in any spelling, even null.
                        if #qseen.iter().any(|seen| #private::eq_ci(seen, &name)) {
                            return ::core::result::Result::Err(#private::duplicate_attribute::<__A::Error>(&::std::format!("{}:{}", #urn, name.to_ascii_lowercase())));
                        }
                        #qseen.push(::core::clone::Clone::clone(&name));
                        let value = #serde::de::MapAccess::next_value_seed(&mut map, #private::QualifiedSeed::<#inner>::new(&name))?;
                        match #private::merge_extension(::core::option::Option::flatten(#slot.take()), value) {
                            ::core::result::Result::Ok(merged) => #slot = ::core::option::Option::Some(merged),
                            ::core::result::Result::Err(twice) => {
                                return ::core::result::Result::Err(#private::duplicate_attribute::<__A::Error>(&::std::format!("{}:{}", #urn, twice)));
                            }
                        }
                    }
                });
                qualified_variants.push(q);
            }
            _ => {
                let wire = &f.wire_name;
                exact_arms.push(quote!(#wire => return __Field::#v,));
                folded.push((wire.to_ascii_lowercase(), quote!(__Field::#v)));
                if matches!(f.role, Role::Attribute(_)) {
                    qualified_checks.push(quote! {
                        if #private::eq_ci(name, #wire) {
                            return __Field::#v;
                        }
                    });
                }
            }
        }
    }
    let (schemas_check, schemas_arm) = match super::metadata::schema_id(c) {
        Some(id) if matches!(c.kind, Kind::Resource(_)) => (
            quote! {
                // `urn:...:User:userName` names `userName` (RFC 7644 §3.10).
                if let ::core::option::Option::Some(name) = #private::strip_schema(key, #id) {
                    #(#qualified_checks)*
                }
            },
            quote! {
                __Field::__schemas => {
                    if __schemas_seen {
                        return ::core::result::Result::Err(#private::duplicate_attribute::<__A::Error>("schemas"));
                    }
                    __schemas_seen = true;
                    #serde::de::MapAccess::next_value_seed(&mut map, #private::SchemasSeed(#id))?;
                }
            },
        ),
        _ => (
            quote!(),
            quote!(__Field::__schemas => {
                #serde::de::MapAccess::next_value::<#serde::de::IgnoredAny>(&mut map)?;
            }),
        ),
    };

    if matches!(c.kind, Kind::Resource(_)) && super::metadata::schema_id(c).is_some() {
        if !read.iter().any(|f| f.wire_name == "schemas") {
            exact_arms.push(quote!("schemas" => return __Field::__schemas,));
        }
        folded.push(("schemas".to_owned(), quote!(__Field::__schemas)));
    }
    let mut seen_folded = std::collections::HashSet::new();
    folded.retain(|(lower, _)| seen_folded.insert(lower.clone()));
    let folded_match = if folded.is_empty() {
        quote!()
    } else {
        let longest = folded
            .iter()
            .map(|(lower, _)| lower.len())
            .max()
            .unwrap_or(0);
        let arms = folded.iter().map(|(lower, field)| {
            let bytes = proc_macro2::Literal::byte_string(lower.as_bytes());
            quote!(#bytes => return #field,)
        });
        quote! {
            // Another spelling (RFC 7643 §2.1): lower-cased into a buffer on the stack and
            // matched once, no allocation and no comparison per attribute.
            let mut __buf = [0u8; #longest];
            if let ::core::option::Option::Some(__lower) = #private::lower_ascii(key, &mut __buf) {
                match __lower {
                    #(#arms)*
                    _ => {}
                }
            }
        }
    };

    // An attribute given twice, in any spelling, is refused (see `duplicate_attribute`). An
    // extension's block merges with its URN-qualified names; the block itself once.
    let read_arms = read.iter().zip(&variants).zip(&slots).enumerate().map(|(n, ((f, v), slot))| {
        let inner = &f.inner;
        let seed = if f.multi_valued {
            quote!(#private::VecSeed::<#inner>::default())
        } else {
            quote!(#private::OptionSeed::<#inner>::default())
        };
        // serde quotes a value it cannot read; a secret's error names the attribute only.
        let wire = &f.wire_name;
        let redact = f
            .sensitive
            .then(|| {
                let multi = f.multi_valued;
                quote!(.map_err(|__e| #rt::redact::sensitive_error(__e, #wire, <#inner as #rt::value::AttributeValue>::TYPE, #multi)))
            });
        if matches!(f.role, Role::Extension { .. }) {
            let urn = p.extension_urn(f);
            let seen = format_ident!("__block_seen{}", n);
            quote! {
                __Field::#v => {
                    if #seen {
                        return ::core::result::Result::Err(#private::duplicate_attribute::<__A::Error>(#urn));
                    }
                    #seen = true;
                    let __value = ::core::result::Result::map_err(
                        #serde::de::MapAccess::next_value_seed(&mut map, #seed)#redact,
                        |__e| #private::note_error_in_block(#urn, __e),
                    )?;
                    match #private::merge_extension(::core::option::Option::flatten(#slot.take()), __value) {
                        ::core::result::Result::Ok(__merged) => #slot = ::core::option::Option::Some(__merged),
                        ::core::result::Result::Err(__twice) => {
                            return ::core::result::Result::Err(#private::duplicate_attribute::<__A::Error>(&::std::format!("{}:{}", #urn, __twice)));
                        }
                    }
                }
            }
        } else {
            quote! {
                __Field::#v => {
                    if ::core::option::Option::is_some(&#slot) {
                        return ::core::result::Result::Err(#private::duplicate_attribute::<__A::Error>(#wire));
                    }
                    #slot = ::core::option::Option::Some(#serde::de::MapAccess::next_value_seed(&mut map, #seed)#redact?);
                }
            }
        }
    });
    let schemas_seen = if matches!(c.kind, Kind::Resource(_)) {
        quote!(let mut __schemas_seen = false;)
    } else {
        quote!()
    };
    let block_seen = read
        .iter()
        .enumerate()
        .filter(|(_, f)| matches!(f.role, Role::Extension { .. }))
        .map(|(n, _)| {
            let seen = format_ident!("__block_seen{}", n);
            quote!(let mut #seen = false;)
        });

    let (other_init, other_arm, other_field) = match c.other() {
        Some(f) => {
            let i = &f.ident;
            (
                quote!(let mut __other = #rt::OtherAttributes::new();),
                quote! {
                    __Field::__unknown(key) if key == #private::RESERVED_NUMBER_KEY => {
                        #serde::de::MapAccess::next_value_seed(&mut map, #private::ReservedKey)?;
                    }
                    __Field::__unknown(key) => {
                        let value: #private::serde_json::Value = #serde::de::MapAccess::next_value(&mut map)?;
                        if let ::core::result::Result::Err(earlier) = #private::insert_unknown(&mut __other, key, value) {
                            return ::core::result::Result::Err(#private::duplicate_attribute::<__A::Error>(&earlier));
                        }
                    }
                },
                quote!(#i: __other,),
            )
        }
        None => (
            quote!(),
            quote! {
                __Field::__unknown(key) => {
                    return ::core::result::Result::Err(#private::unknown_attribute::<__A::Error>(&key, #expecting));
                }
            },
            quote!(),
        ),
    };

    let build = read.iter().zip(&slots).map(|(f, slot)| {
        let i = &f.ident;
        quote!(#i: ::core::option::Option::unwrap_or_default(#slot),)
    });
    let slot_types = read.iter().map(|f| &f.ty);

    quote! {
        #[automatically_derived]
        impl<'de> #serde::Deserialize<'de> for #ident {
            fn deserialize<__D>(deserializer: __D) -> ::core::result::Result<Self, __D::Error>
            where
                __D: #serde::Deserializer<'de>,
            {
                #[allow(non_camel_case_types)]
                enum __Field {
                    #(#variants,)*
                    #(#qualified_variants(::std::string::String),)*
                    __schemas,
                    __unknown(::std::string::String),
                }

                fn __field(key: &str) -> __Field {
                    match key {
                        #(#exact_arms)*
                        _ => {}
                    }
                    #folded_match
                    #schemas_check
                    #(#extension_checks)*
                    #(#qualified_ext_checks)*
                    __Field::__unknown(::std::borrow::ToOwned::to_owned(key))
                }

                impl<'de> #serde::Deserialize<'de> for __Field {
                    fn deserialize<__D>(deserializer: __D) -> ::core::result::Result<Self, __D::Error>
                    where
                        __D: #serde::Deserializer<'de>,
                    {
                        struct __KeyVisitor;
                        impl<'de> #serde::de::Visitor<'de> for __KeyVisitor {
                            type Value = __Field;
                            fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                                f.write_str("an attribute name")
                            }
                            fn visit_str<__E>(self, v: &str) -> ::core::result::Result<__Field, __E>
                            where
                                __E: #serde::de::Error,
                            {
                                ::core::result::Result::Ok(__field(v))
                            }
                        }
                        #serde::Deserializer::deserialize_identifier(deserializer, __KeyVisitor)
                    }
                }

                struct __Visitor;
                impl<'de> #serde::de::Visitor<'de> for __Visitor {
                    type Value = #ident;
                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str(#expecting)
                    }
                    fn visit_map<__A>(self, mut map: __A) -> ::core::result::Result<#ident, __A::Error>
                    where
                        __A: #serde::de::MapAccess<'de>,
                    {
                        #(let mut #slots: ::core::option::Option<#slot_types> = ::core::option::Option::None;)*
                        #other_init
                        #(#block_seen)*
                        #(#qualified_seen)*
                        #schemas_seen
                        while let ::core::option::Option::Some(field) = #serde::de::MapAccess::next_key::<__Field>(&mut map)? {
                            match field {
                                #(#read_arms)*
                                #(#qualified_arms)*
                                #schemas_arm
                                #other_arm
                            }
                        }
                        ::core::result::Result::Ok(#ident {
                            #(#build)*
                            #other_field
                        })
                    }
                }
                #serde::Deserializer::deserialize_map(deserializer, __Visitor)
            }
        }
    }
}

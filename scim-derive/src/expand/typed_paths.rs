//! Typed attribute paths (RFC 7644 §3.10): `User::paths().emails().value()`.
//!
//! Every attribute gets a marker type named `<Type>_<wireName>`, whose `Attribute` impl holds
//! its definition and its mutability as a type, so that the typed PATCH builder's bounds fail
//! with a message naming the attribute and its mutability. A resource gets `paths()` and a
//! builder with one method per attribute (the common attributes and `schemas` too); an
//! extension a builder its resource's extension field goes on to, whose paths carry the
//! extension's URN; a complex type a builder of its sub-attributes under any parent path, which
//! is itself the path to the complex attribute; a canonical enum is a value like a scalar.
//!
//! Attribute names that are no valid `ATTRNAME` (RFC 7643 §2.1), and extension URNs that are no
//! valid schema URI, get no path: every path written parses.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use scim_filter_syntax::path::{parse_path, AttrName};
use syn::Ident;

use super::Paths;
use crate::ast::{Container, Field, Kind};
use crate::attr::Mutability;

/// The typed-path items of a checked input.
pub fn expand(c: &Container<'_>, p: &Paths) -> TokenStream {
    match &c.kind {
        Kind::Resource(_) => resource(c, p),
        Kind::Extension(s) => extension(c, p, &s.id),
        Kind::Complex => complex(c, p),
        Kind::Canonical => scalar_value(c.ident(), p),
    }
}

/// Beside the errors of a broken input: the impls other types' paths name, so that a
/// resource using a broken type shows no follow-on error.
pub fn stub(kind: Option<&Kind>, ident: &Ident, p: &Paths) -> TokenStream {
    let rt = &p.rt;
    let value = scalar_value(ident, p);
    let extension = match kind {
        Some(Kind::Extension(_)) => quote! {
            impl #rt::path::typed::ExtensionPaths for #ident {
                type Paths<__R> = ();
                fn paths<__R>() {}
            }
        },
        _ => quote!(),
    };
    quote!(#value #extension)
}

/// `PathValue` of a type whose paths go no further.
fn scalar_value(ident: &Ident, p: &Paths) -> TokenStream {
    let t = typed(p);
    quote! {
        #[automatically_derived]
        impl #t::PathValue for #ident {
            type Paths<__R, __K, __A: #t::Attribute> = #t::Path<__R, Self, __K, __A>;
            fn paths<__R, __K, __A: #t::Attribute>(path: #t::Path<__R, Self, __K, __A>) -> #t::Path<__R, Self, __K, __A> {
                path
            }
        }
    }
}

fn typed(p: &Paths) -> TokenStream {
    let rt = &p.rt;
    quote!(#rt::path::typed)
}

/// The marker type of the attribute `wire` of `owner`.
fn marker_ident(owner: &Ident, wire: &str) -> Ident {
    let name: String = wire
        .chars()
        .map(|ch| if ch.is_ascii_alphanumeric() { ch } else { '_' })
        .collect();
    let owner = owner.to_string();
    let owner = owner.strip_prefix("r#").unwrap_or(&owner);
    format_ident!("{}_{}", owner, name.trim_start_matches('_'))
}

fn mutability_type(m: Option<Mutability>, p: &Paths) -> TokenStream {
    let t = typed(p);
    let name = Ident::new(m.map_or("ReadWrite", |m| m.variant()), Span::call_site());
    quote!(#t::#name)
}

fn multiplicity(f: &Field, p: &Paths) -> TokenStream {
    let t = typed(p);
    if f.multi_valued {
        quote!(#t::Many)
    } else {
        quote!(#t::One)
    }
}

/// A marker type and its `Attribute` impl.
fn marker(ident: &Ident, mutability: TokenStream, def: TokenStream, p: &Paths) -> TokenStream {
    let t = typed(p);
    let rt = &p.rt;
    quote! {
        #[allow(non_camel_case_types)]
        #[derive(::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug)]
        #[doc(hidden)]
        pub enum #ident {}
        #[automatically_derived]
        impl #t::Attribute for #ident {
            type Mutability = #mutability;
            const DEF: &'static #rt::attribute::AttributeDef = #def;
        }
    }
}

/// The attributes that get a path, with their index in the attribute table and marker type.
fn attributes<'c>(
    c: &'c Container<'_>,
    schema: Option<&str>,
) -> impl Iterator<Item = (usize, &'c Field, Ident)> + 'c {
    let owner = c.ident().clone();
    let schema = schema.map(str::to_owned);
    c.attributes().enumerate().filter_map(move |(i, f)| {
        let valid = AttrName::new(&f.wire_name).is_ok()
            && schema.as_ref().is_none_or(|urn| {
                parse_path(&format!("{urn}:{}", f.wire_name))
                    .is_ok_and(|path| path.schema() == Some(urn.as_str()))
            });
        valid.then(|| (i, f, marker_ident(&owner, &f.wire_name)))
    })
}

/// The markers and accessors of a container's attributes; `path` is the expression of the
/// `Path` each accessor starts from, `resource` the resource type parameter.
fn accessors(
    c: &Container<'_>,
    p: &Paths,
    schema: Option<&str>,
    resource: &TokenStream,
    path: impl Fn(&Ident) -> TokenStream,
) -> (Vec<TokenStream>, Vec<TokenStream>) {
    let t = typed(p);
    let rt = &p.rt;
    let ident = c.ident();
    let mut markers = Vec::new();
    let mut methods = Vec::new();
    for (i, f, m) in attributes(c, schema) {
        let def = quote!(&<#ident as #rt::ScimObject>::ATTRIBUTES[#i]);
        markers.push(marker(&m, mutability_type(f.chars.mutability, p), def, p));
        let method = &f.ident;
        let inner = &f.inner;
        let k = multiplicity(f, p);
        let start = path(&m);
        let doc = format!("The path to `{}`.", f.wire_name);
        methods.push(if matches!(c.kind, Kind::Complex) {
            quote! {
                #[doc = #doc]
                pub fn #method(self) -> #t::Path<#resource, #inner, #k, #m> {
                    #start
                }
            }
        } else {
            quote! {
                #[doc = #doc]
                pub fn #method(self) -> <#inner as #t::PathValue>::Paths<#resource, #k, #m> {
                    <#inner as #t::PathValue>::paths::<#resource, #k, #m>(#start)
                }
            }
        });
    }
    (markers, methods)
}

fn resource(c: &Container<'_>, p: &Paths) -> TokenStream {
    let t = typed(p);
    let rt = &p.rt;
    let ident = c.ident();
    let builder = format_ident!("{}Paths", ident);
    let r = quote!(#ident);
    let (mut markers, mut methods) = accessors(
        c,
        p,
        None,
        &r,
        |_| quote!(#t::Path::__top(::core::option::Option::None)),
    );
    let common = [
        (
            "id",
            "ID_ATTRIBUTE",
            "ReadOnly",
            quote!(::std::string::String),
            false,
        ),
        (
            "externalId",
            "EXTERNAL_ID_ATTRIBUTE",
            "ReadWrite",
            quote!(::std::string::String),
            false,
        ),
        (
            "meta",
            "META_ATTRIBUTE",
            "ReadOnly",
            quote!(#rt::Meta),
            false,
        ),
        (
            "schemas",
            "SCHEMAS_ATTRIBUTE",
            "ReadOnly",
            quote!(::std::string::String),
            true,
        ),
    ];
    for (wire, def, mutability, value, multi) in common {
        let m = marker_ident(ident, wire);
        let def = Ident::new(def, Span::call_site());
        let mutability = Ident::new(mutability, Span::call_site());
        markers.push(marker(
            &m,
            quote!(#t::#mutability),
            quote!(&#rt::attribute::#def),
            p,
        ));
        let method = Ident::new(&heck_snake(wire), Span::call_site());
        let k = if multi {
            quote!(#t::Many)
        } else {
            quote!(#t::One)
        };
        let doc = format!("The path to the common attribute `{wire}` (RFC 7643 §3.1).");
        methods.push(quote! {
            #[doc = #doc]
            pub fn #method(self) -> <#value as #t::PathValue>::Paths<#r, #k, #m> {
                <#value as #t::PathValue>::paths::<#r, #k, #m>(#t::Path::__top(::core::option::Option::None))
            }
        });
    }
    for f in c.extensions() {
        let method = &f.ident;
        let inner = &f.inner;
        let doc = format!(
            "The paths to the attributes of the extension `{}`, in their URN form (RFC 7644 §3.10).",
            quote!(#inner)
        );
        methods.push(quote! {
            #[doc = #doc]
            pub fn #method(self) -> <#inner as #t::ExtensionPaths>::Paths<#r> {
                <#inner as #t::ExtensionPaths>::paths::<#r>()
            }
        });
    }
    let doc = format!(
        "Typed paths to the attributes of `{ident}` (RFC 7644 §3.10), for filters, sorting, \
         projections and the typed PATCH builder."
    );
    quote! {
        #(#markers)*
        #[doc = #doc]
        #[derive(::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug)]
        pub struct #builder;
        #[allow(private_interfaces)]
        impl #ident {
            #[doc = #doc]
            pub const fn paths() -> #builder {
                #builder
            }
        }
        #[allow(private_interfaces)]
        impl #builder {
            #(#methods)*
        }
    }
}

fn extension(c: &Container<'_>, p: &Paths, urn: &str) -> TokenStream {
    let t = typed(p);
    let ident = c.ident();
    let builder = format_ident!("{}Paths", ident);
    let r = quote!(__R);
    let (markers, methods) = accessors(
        c,
        p,
        Some(urn),
        &r,
        |_| quote!(#t::Path::__top(::core::option::Option::Some(#urn))),
    );
    let doc = format!("Typed paths to the attributes of the extension `{urn}`.");
    quote! {
        #(#markers)*
        #[doc = #doc]
        pub struct #builder<__R>(::core::marker::PhantomData<fn() -> __R>);
        impl<__R> ::core::clone::Clone for #builder<__R> {
            fn clone(&self) -> Self {
                *self
            }
        }
        impl<__R> ::core::marker::Copy for #builder<__R> {}
        #[automatically_derived]
        impl #t::ExtensionPaths for #ident {
            type Paths<__R> = #builder<__R>;
            fn paths<__R>() -> #builder<__R> {
                #builder(::core::marker::PhantomData)
            }
        }
        #[allow(private_interfaces)]
        impl<__R> #builder<__R> {
            #(#methods)*
        }
    }
}

fn complex(c: &Container<'_>, p: &Paths) -> TokenStream {
    let t = typed(p);
    let rt = &p.rt;
    let ident = c.ident();
    let builder = format_ident!("{}Paths", ident);
    let r = quote!(__R);
    let (markers, methods) = accessors(c, p, None, &r, |_| quote!(#t::Path::__sub(self.0)));
    let doc =
        format!("The path to an attribute of type `{ident}`, which goes on to its sub-attributes.");
    let path = quote!(#t::Path<__R, #ident, __K, __A>);
    quote! {
        #(#markers)*
        #[doc = #doc]
        pub struct #builder<__R, __K, __A>(#path);
        impl<__R, __K, __A> ::core::clone::Clone for #builder<__R, __K, __A> {
            fn clone(&self) -> Self {
                *self
            }
        }
        impl<__R, __K, __A> ::core::marker::Copy for #builder<__R, __K, __A> {}
        impl<__R, __K, __A> ::core::fmt::Display for #builder<__R, __K, __A> {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Display::fmt(&self.0, f)
            }
        }
        impl<__R, __K, __A> ::core::fmt::Debug for #builder<__R, __K, __A> {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Debug::fmt(&self.0, f)
            }
        }
        impl<__R, __K, __A> #rt::path::IntoAttrPath for #builder<__R, __K, __A> {
            fn path_text(&self) -> ::std::borrow::Cow<'_, str> {
                ::std::borrow::Cow::Owned(::std::string::ToString::to_string(&self.0))
            }
        }
        impl<__R, __K, __A> ::core::convert::From<#builder<__R, __K, __A>> for ::std::string::String {
            fn from(path: #builder<__R, __K, __A>) -> Self {
                ::std::string::ToString::to_string(&path.0)
            }
        }
        #[automatically_derived]
        impl<__R, __K, __A: #t::Attribute> #t::TypedPath for #builder<__R, __K, __A> {
            type Resource = __R;
            type Value = #ident;
            type Multiplicity = __K;
            type Attribute = __A;
            fn path(&self) -> #path {
                self.0
            }
        }
        #[automatically_derived]
        impl #t::PathValue for #ident {
            type Paths<__R, __K, __A: #t::Attribute> = #builder<__R, __K, __A>;
            fn paths<__R, __K, __A: #t::Attribute>(path: #path) -> #builder<__R, __K, __A> {
                #builder(path)
            }
        }
        #[allow(private_interfaces)]
        impl<__R, __K, __A: #t::Attribute> #builder<__R, __K, __A> {
            #(#methods)*
        }
    }
}

/// `externalId` → `external_id`.
fn heck_snake(name: &str) -> String {
    heck::ToSnakeCase::to_snake_case(name)
}

#[cfg(test)]
mod tests {
    use super::marker_ident;
    use proc_macro2::Span;
    use syn::Ident;

    /// Marker names are `<Type>_<wireName>`, with the characters an identifier cannot hold
    /// (`$ref`, `x-custom`) made `_`, so that error messages name the attribute as written.
    #[test]
    fn marker_names_carry_the_type_and_the_wire_name() {
        let owner = Ident::new("UserGroup", Span::call_site());
        assert_eq!(marker_ident(&owner, "$ref").to_string(), "UserGroup_ref");
        assert_eq!(
            marker_ident(&owner, "displayName").to_string(),
            "UserGroup_displayName"
        );
        assert_eq!(
            marker_ident(&owner, "x-custom").to_string(),
            "UserGroup_x_custom"
        );
        let raw = Ident::new_raw("Type", Span::call_site());
        assert_eq!(marker_ident(&raw, "value").to_string(), "Type_value");
    }

    /// An attribute whose name is no `ATTRNAME` gets no path, so every path written parses.
    #[test]
    fn an_attribute_name_that_is_no_path_gets_no_accessor() {
        let input: syn::DeriveInput = syn::parse_quote! {
            #[scim(complex)]
            pub struct Port {
                #[scim(rename = "port number")]
                pub number: Option<i64>,
                pub primary: Option<bool>,
            }
        };
        let out = crate::derive(&input).to_string();
        if out.contains("compile_error") {
            // The derive refuses the name itself; nothing more to check.
            return;
        }
        assert!(out.contains("pub fn primary"), "{out}");
        assert!(!out.contains("pub fn number"), "{out}");
    }
}

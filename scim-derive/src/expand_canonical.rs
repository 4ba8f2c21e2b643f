//! Matching the canonical values of an open enum as its attribute's `caseExact` says
//! (RFC 7643 §2.2 and §7 `canonicalValues`).
//!
//! A value is read as the unit variant only when it is spelled exactly as the canonical value,
//! and any other spelling is kept in the fallback variant, so that a value is written back as
//! the peer sent it (`"WORK"` stays `"WORK"`). Matching goes through [`known`](#known) and
//! [`is`](#is): when the attribute is not `caseExact` (the RFC default), `Custom("WORK")` is
//! known as `Work`.
//!
//! The derive writes `PartialEq`, `Eq` and `Hash` too (unless `#[scim(skip_eq)]`), comparing
//! the values as written on the wire the same way: without case unless `case_exact`, so
//! `Custom("WORK") == Work`. `match` stays structural, which is why `known()` exists.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

use crate::ast::Container;

/// `PartialEq`, `Eq` and `Hash` of a canonical enum, comparing `as_str()` as the attribute's
/// `caseExact` says (RFC 7643 §2.2), or nothing under `#[scim(skip_eq)]`.
fn expand_eq(c: &Container<'_>) -> TokenStream {
    if c.skip_eq {
        return quote!();
    }
    let ident = c.ident();
    let (eq, hash) = if c.case_exact {
        (
            quote!(self.as_str() == other.as_str()),
            quote!(::core::hash::Hash::hash(self.as_str(), state)),
        )
    } else {
        (
            quote!(::scim_runtime::canonical::eq_ignore_case(
                self.as_str(),
                other.as_str()
            )),
            quote!(::scim_runtime::canonical::hash_ignore_case(
                self.as_str(),
                state
            )),
        )
    };
    quote! {
        #[automatically_derived]
        impl ::core::cmp::PartialEq for #ident {
            fn eq(&self, other: &Self) -> bool {
                #eq
            }
        }

        #[automatically_derived]
        impl ::core::cmp::Eq for #ident {}

        #[automatically_derived]
        impl ::core::hash::Hash for #ident {
            fn hash<__H: ::core::hash::Hasher>(&self, state: &mut __H) {
                #hash
            }
        }
    }
}

/// `PartialEq`, `Eq` and `Hash` stubs beside the errors of a broken canonical enum, so that a
/// use of `==` is not one more error.
pub fn stub(c: Option<&Container<'_>>, ident: &syn::Ident) -> TokenStream {
    match c {
        Some(c) if matches!(c.kind, crate::ast::Kind::Canonical) && !c.skip_eq => quote! {
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

/// The `CASE_EXACT`, `known` and `is` items of a canonical enum, and its `PartialEq`, `Eq`
/// and `Hash`.
pub fn expand(c: &Container<'_>) -> TokenStream {
    let ident = c.ident();
    let Some(fallback) = &c.fallback else {
        return quote!();
    };
    let idents: Vec<_> = c.variants.iter().map(|v| &v.ident).collect();
    let wires: Vec<_> = c.variants.iter().map(|v| &v.wire_name).collect();
    let case_exact = c.case_exact;
    let eq_impls = expand_eq(c);
    let same = if case_exact {
        quote!(__a == __b)
    } else {
        quote!(::scim_runtime::canonical::eq_ignore_case(__a, __b))
    };
    quote! {
        #[automatically_derived]
        impl #ident {
            /// Whether the attribute's values are `caseExact` (RFC 7643 §2.2): then only the
            /// exact spelling of a canonical value is that value.
            pub const CASE_EXACT: bool = #case_exact;

            /// The canonical value this value stands for, if any: a unit variant is itself,
            /// and the fallback holding another spelling of a canonical value (`"WORK"` for
            /// `"work"`) is that value unless the attribute is `caseExact` (RFC 7643 §2.2).
            /// The fallback keeps the spelling as sent, so it is written back unchanged.
            pub fn known(&self) -> ::core::option::Option<Self> {
                match self {
                    #(Self::#idents => ::core::option::Option::Some(Self::#idents),)*
                    Self::#fallback(__text) => {
                        let __a: &str = __text;
                        let _ = __a;
                        #(
                            {
                                let __b: &str = #wires;
                                if #same {
                                    return ::core::option::Option::Some(Self::#idents);
                                }
                            }
                        )*
                        ::core::option::Option::None
                    }
                }
            }

            /// Whether two values are the same SCIM value: equal text, compared without case
            /// unless the attribute is `caseExact` (RFC 7643 §2.2). `"WORK"` is `Work` when the
            /// attribute is not `caseExact`. This is what the derived `==` does too; `is` keeps
            /// that answer under `#[scim(skip_eq)]`.
            pub fn is(&self, other: &Self) -> bool {
                let (__a, __b) = (self.as_str(), other.as_str());
                #same
            }
        }

        #eq_impls
    }
}

/// For every `case_exact` field, a compile-time check that its type is not a canonical enum
/// matching without case: the enum's `known()` and `is(..)` would then disagree with the
/// attribute's `caseExact` (RFC 7643 §2.2). An enum that is `case_exact` makes its attribute
/// `caseExact` by itself.
pub fn field_checks(c: &Container<'_>) -> TokenStream {
    let checks = c.attributes().filter(|f| f.chars.case_exact).map(|f| {
        let inner = &f.inner;
        let message = format!(
            "`{}` is `case_exact`, but its canonical enum matches without case: write `#[scim(canonical, case_exact)]` on the enum",
            f.wire_name
        );
        quote_spanned! {f.span=>
            const _: () = if let ::core::option::Option::Some(false) =
                <#inner as ::scim_runtime::value::AttributeValue>::CANONICAL_CASE_EXACT
            {
                ::core::panic!(#message)
            };
        }
    });
    quote!(#(#checks)*)
}

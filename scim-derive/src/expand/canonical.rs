//! Canonical enums: their values and conversions ([`expand_values`]), and matching them as
//! the attribute's `caseExact` says (RFC 7643 §2.2 and §7 `canonicalValues`).
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

use super::Paths;
use crate::ast::Container;
use crate::attr::key;

/// `PartialEq`, `Eq` and `Hash` of a canonical enum, comparing `as_str()` as the attribute's
/// `caseExact` says (RFC 7643 §2.2), or nothing under `#[scim(skip_eq)]`.
fn expand_eq(c: &Container<'_>, p: &Paths) -> TokenStream {
    let rt = &p.rt;
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
            quote!(#rt::canonical::eq_ignore_case(
                self.as_str(),
                other.as_str()
            )),
            quote!(#rt::canonical::hash_ignore_case(
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

/// The `CASE_EXACT`, `known` and `is` items of a canonical enum, and its `PartialEq`, `Eq`
/// and `Hash`.
pub fn expand(c: &Container<'_>, p: &Paths) -> TokenStream {
    let rt = &p.rt;
    let ident = c.ident();
    let Some(fallback) = c.fallback() else {
        return quote!();
    };
    let idents: Vec<_> = c.variants.iter().map(|v| &v.ident).collect();
    let wires: Vec<_> = c.variants.iter().map(|v| &v.wire_name).collect();
    let case_exact = c.case_exact;
    let eq_impls = expand_eq(c, p);
    let same = if case_exact {
        quote!(__a == __b)
    } else {
        quote!(#rt::canonical::eq_ignore_case(__a, __b))
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
pub fn field_checks(c: &Container<'_>, p: &Paths) -> TokenStream {
    let rt = &p.rt;
    let checks = c.attributes().filter(|f| f.chars.case_exact).map(|f| {
        let inner = &f.inner;
        let message = format!(
            "`{name}` is `{case_exact}`, but its canonical enum matches without case: write `#[scim({canonical}, {case_exact})]` on the enum",
            name = f.wire_name,
            case_exact = key::CASE_EXACT,
            canonical = key::CANONICAL,
        );
        quote_spanned! {f.span=>
            const _: () = if let ::core::option::Option::Some(false) =
                <#inner as #rt::value::AttributeValue>::CANONICAL_CASE_EXACT
            {
                ::core::panic!(#message)
            };
        }
    });
    quote!(#(#checks)*)
}

/// The values of a canonical enum: `CANONICAL_VALUES`, `as_str`, the conversions from text,
/// `Display`, serde, and `AttributeValue` as a `string` attribute (RFC 7643 §2.3.1).
pub fn expand_values(c: &Container<'_>, p: &Paths) -> TokenStream {
    let Paths { rt, serde, .. } = p;
    let ident = c.ident();
    let Some(fallback) = c.fallback() else {
        return quote!();
    };
    let idents: Vec<_> = c.variants.iter().map(|v| &v.ident).collect();
    let wires: Vec<_> = c.variants.iter().map(|v| &v.wire_name).collect();
    let case_exact = c.case_exact;
    let expecting = format!("a {} string", ident);
    quote! {
        #[automatically_derived]
        impl #ident {
            /// The canonical values, as written on the wire.
            pub const CANONICAL_VALUES: &'static [&'static str] = &[#(#wires),*];

            /// The value as written on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#idents => #wires,)*
                    Self::#fallback(other) => other,
                }
            }
        }

        #[automatically_derived]
        impl ::core::convert::From<&str> for #ident {
            fn from(value: &str) -> Self {
                match value {
                    #(#wires => Self::#idents,)*
                    other => Self::#fallback(::std::borrow::ToOwned::to_owned(other)),
                }
            }
        }

        #[automatically_derived]
        impl ::core::convert::From<::std::string::String> for #ident {
            fn from(value: ::std::string::String) -> Self {
                match value.as_str() {
                    #(#wires => Self::#idents,)*
                    _ => Self::#fallback(value),
                }
            }
        }

        #[automatically_derived]
        impl ::core::str::FromStr for #ident {
            type Err = ::core::convert::Infallible;
            fn from_str(value: &str) -> ::core::result::Result<Self, Self::Err> {
                ::core::result::Result::Ok(<Self as ::core::convert::From<&str>>::from(value))
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for #ident {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        #[automatically_derived]
        impl #serde::Serialize for #ident {
            fn serialize<__S>(&self, serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: #serde::Serializer,
            {
                #serde::Serializer::serialize_str(serializer, self.as_str())
            }
        }

        #[automatically_derived]
        impl<'de> #serde::Deserialize<'de> for #ident {
            fn deserialize<__D>(deserializer: __D) -> ::core::result::Result<Self, __D::Error>
            where
                __D: #serde::Deserializer<'de>,
            {
                struct __Visitor;
                impl<'de> #serde::de::Visitor<'de> for __Visitor {
                    type Value = #ident;
                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str(#expecting)
                    }
                    fn visit_str<__E>(self, v: &str) -> ::core::result::Result<#ident, __E>
                    where
                        __E: #serde::de::Error,
                    {
                        ::core::result::Result::Ok(<#ident as ::core::convert::From<&str>>::from(v))
                    }
                    fn visit_string<__E>(self, v: ::std::string::String) -> ::core::result::Result<#ident, __E>
                    where
                        __E: #serde::de::Error,
                    {
                        ::core::result::Result::Ok(<#ident as ::core::convert::From<::std::string::String>>::from(v))
                    }
                }
                #serde::Deserializer::deserialize_str(deserializer, __Visitor)
            }
        }

        #[automatically_derived]
        impl #rt::value::AttributeValue for #ident {
            const TYPE: #rt::attribute::AttributeType = #rt::attribute::AttributeType::String;
            const CANONICAL_VALUES: &'static [&'static str] = &[#(#wires),*];
            const CANONICAL_CASE_EXACT: ::core::option::Option<bool> = ::core::option::Option::Some(#case_exact);
            fn deserialize_value<'de, __D>(deserializer: __D) -> ::core::result::Result<Self, __D::Error>
            where
                __D: #serde::Deserializer<'de>,
            {
                <Self as #serde::Deserialize<'de>>::deserialize(deserializer)
            }
            fn serialize_value<__S>(&self, serializer: __S, _: &#rt::Scope<'_>) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: #serde::Serializer,
            {
                #serde::Serializer::serialize_str(serializer, self.as_str())
            }
            fn value_ref(&self) -> #rt::value::ValueRef<'_> {
                #rt::value::ValueRef::String(self.as_str())
            }
        }
    }
}

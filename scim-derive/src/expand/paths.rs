//! The paths generated code names, all from one root: `::scim_runtime` unless the container
//! says `#[scim(crate = "..")]`, as serde's `#[serde(crate = "..")]` does for a crate that
//! re-exports it.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::{Common, Container, Field, Kind, Role};

/// The roots of the paths written.
pub struct Paths {
    /// The runtime crate: `::scim_runtime` or the `crate = ".."` path.
    pub rt: TokenStream,
    /// The runtime's `__private` module, the plumbing only generated code names.
    pub private: TokenStream,
    /// serde, as the runtime re-exports it, so that users need no serde dependency of their own.
    pub serde: TokenStream,
}

impl Paths {
    /// The paths under `root`, or under `::scim_runtime` without one.
    pub fn new(root: Option<&syn::Path>) -> Self {
        let rt = match root {
            Some(path) => quote!(#path),
            None => quote!(::scim_runtime),
        };
        Self {
            private: quote!(#rt::__private),
            serde: quote!(#rt::__private::serde),
            rt,
        }
    }

    /// The `AttributeDef` a field uses at run time.
    pub fn def(&self, f: &Field) -> TokenStream {
        let rt = &self.rt;
        match f.role {
            Role::Attribute(i) => quote!(&<Self as #rt::ScimObject>::ATTRIBUTES[#i]),
            Role::Common(Common::Id) => quote!(&#rt::attribute::ID_ATTRIBUTE),
            Role::Common(Common::ExternalId) => quote!(&#rt::attribute::EXTERNAL_ID_ATTRIBUTE),
            Role::Common(Common::Meta) => quote!(&#rt::attribute::META_ATTRIBUTE),
            _ => quote!(::core::unreachable!()),
        }
    }

    /// The schema URN of an extension field's type.
    pub fn extension_urn(&self, f: &Field) -> TokenStream {
        let rt = &self.rt;
        let ty = &f.inner;
        quote!(<#ty as #rt::Extension>::SCHEMA.id)
    }

    /// `let __KNOWN: &[&str] = ...;`: a resource's core and extension schema URNs, which tell
    /// an unknown extension block from a URN-qualified attribute (RFC 7644 §3.10).
    pub fn known_urns(&self, c: &Container<'_>) -> TokenStream {
        match &c.kind {
            Kind::Resource(r) => {
                let id = &r.schema.id;
                let urns = c.extensions().map(|f| self.extension_urn(f));
                quote! {
                    let __KNOWN: &[&'static str] = &[#id, #(#urns),*];
                }
            }
            _ => quote!(),
        }
    }
}

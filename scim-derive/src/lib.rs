//! `#[derive(ScimResource)]`: the one place where SCIM attribute metadata becomes impls.
//!
//! Use it through `scim_runtime`, which re-exports it; the generated code refers to
//! `::scim_runtime` paths only (or to the root `#[scim(crate = "..")]` names). See the `scim_runtime` crate documentation for the attributes
//! (`#[scim(resource | extension | complex | canonical, ...)]`) and a worked example.
//!
//! It also provides `filter!`, which parses a SCIM filter at compile time with the grammar of
//! `scim-filter-syntax` and checks its attribute paths against the type's metadata.
//!
//! The derive also writes `Debug` (so do not derive `Debug` beside it: E0119), showing every
//! `writeOnly`, `returned = "never"` or `#[scim(sensitive)]` field as `<redacted>` when set;
//! `#[scim(skip_debug)]` leaves `Debug` to the user. For a canonical enum it writes
//! `PartialEq`, `Eq` and `Hash` as well, comparing as the attribute's `caseExact` says
//! (`Custom("WORK") == Work` unless `case_exact`); `#[scim(skip_eq)]` leaves those to the user.
//!
//! The crate is shaped like serde_derive's internals: `attr` is the typed model of
//! `#[scim(..)]` and holds every key name; `ast` builds the structure from it, with no tokens;
//! `check` holds the rules that look across fields; `expand` writes the impls, one module per
//! concern (serialize, deserialize, validate, metadata, access, canonical enums, `Debug`, typed
//! paths), and
//! its `fallback` the stubs beside `compile_error!`. Every mistake in the input is reported,
//! each on its own span, and the stubs make those errors the only ones the user sees. All
//! collected errors go through a `Ctxt`, which cannot be dropped unchecked.
//!
//! Every path the output names starts at `::scim_runtime`, or at the path of
//! `#[scim(crate = "..")]` for a crate that re-exports `scim_runtime` under another name.

mod ast;
mod attr;
mod check;
mod ctxt;
mod expand;
mod filter;

use proc_macro::TokenStream;
use syn::{parse_macro_input, DeriveInput};

/// Derives the SCIM traits of `scim_runtime` for a resource, an extension schema, a complex
/// attribute value or an open enum of canonical values, and a `Debug` that redacts secrets
/// (unless `#[scim(skip_debug)]`).
#[proc_macro_derive(ScimResource, attributes(scim))]
pub fn derive_scim_resource(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    derive(&input).into()
}

/// A SCIM filter (RFC 7644 §3.4.2.2) parsed at compile time, whose attribute paths the
/// resource type is checked to have: `filter!(User, r#"emails[type eq "work"]"#)`.
///
/// Use it as `scim_runtime::filter!`, whose documentation has the details and examples.
#[proc_macro]
pub fn filter(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as filter::Input);
    filter::expand(&input).into()
}

fn derive(input: &DeriveInput) -> proc_macro2::TokenStream {
    let cx = ctxt::Ctxt::new();
    let attrs = attr::ContainerAttrs::from_attrs(&cx, &input.attrs);
    let container = ast::parse(&cx, input, &attrs);
    if let Some(c) = &container {
        check::check(&cx, c);
    }
    match cx.check() {
        Ok(()) => match &container {
            Some(c) => expand::expand(c),
            None => proc_macro2::TokenStream::new(),
        },
        Err(error) => {
            let errors = error.to_compile_error();
            let stub = expand::stub(container.as_ref(), input, attrs.root().as_ref());
            quote::quote!(#errors #stub)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::derive;

    fn expand(input: syn::DeriveInput) -> String {
        derive(&input).to_string()
    }

    /// With `crate = ".."`, no path of the output starts at `scim_runtime`: every impl kind
    /// (resource with extension and unknown attributes, extension, complex, canonical) and the
    /// stubs beside errors.
    #[test]
    fn crate_root_replaces_every_path() {
        let inputs: [syn::DeriveInput; 5] = [
            syn::parse_quote! {
                #[scim(resource, crate = "my_scim", schema = "urn:x:Device", name = "Device", endpoint = "/Devices")]
                pub struct Device {
                    pub id: Option<String>,
                    pub external_id: Option<String>,
                    pub meta: Option<my_scim::Meta>,
                    #[scim(mutability = "writeOnly", type = "string", returned = "never", uniqueness = "server")]
                    pub pin: Option<String>,
                    pub ports: Vec<Port>,
                    #[scim(extension, required)]
                    pub location: Option<Location>,
                    #[scim(other)]
                    pub other: my_scim::OtherAttributes,
                }
            },
            syn::parse_quote! {
                #[scim(extension, crate = "my_scim", schema = "urn:x:Location", name = "Location")]
                pub struct Location {
                    #[scim(case_exact)]
                    pub room: Option<String>,
                }
            },
            syn::parse_quote! {
                #[scim(complex, crate = "my_scim")]
                pub struct Port {
                    pub primary: Option<bool>,
                }
            },
            syn::parse_quote! {
                #[scim(canonical, crate = "my_scim")]
                pub enum Kind {
                    Work,
                    #[scim(other)]
                    Custom(String),
                }
            },
            // A mistake: the stubs are written under the root too.
            syn::parse_quote! {
                #[scim(resource, crate = "my_scim", name = "Broken")]
                pub struct Broken {
                    pub id: Option<String>,
                }
            },
        ];
        for input in inputs {
            let name = input.ident.to_string();
            let out = expand(input);
            assert!(out.contains("my_scim :: __private"), "{name}: {out}");
            assert!(
                !out.contains("scim_runtime"),
                "{name} names scim_runtime: {out}"
            );
        }
    }

    #[test]
    fn default_root_is_scim_runtime() {
        let out = expand(syn::parse_quote! {
            #[scim(complex)]
            pub struct Port {
                pub primary: Option<bool>,
            }
        });
        assert!(out.contains(":: scim_runtime :: __private"), "{out}");
    }

    #[test]
    fn a_crate_value_that_is_no_path_is_an_error() {
        let out = expand(syn::parse_quote! {
            #[scim(complex, crate = "my scim")]
            pub struct Port {
                pub primary: Option<bool>,
            }
        });
        assert!(out.contains("compile_error"), "{out}");
        assert!(out.contains("is no path"), "{out}");
    }
}

//! `#[derive(ScimResource)]`: the one place where SCIM attribute metadata becomes impls.
//!
//! Use it through `scim_runtime`, which re-exports it; the generated code refers to
//! `::scim_runtime` paths only. See the `scim_runtime` crate documentation for the attributes
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
//! The crate is split by concern: `attr` reads `#[scim(..)]`, `ast` builds the model,
//! `check` looks across fields, and `expand` writes the impls (`expand_debug` the redacting
//! `Debug`, `expand_canonical` the `caseExact` matching of canonical enums). Every mistake in the input is
//! reported, each on its own span; a stub impl is emitted beside the errors so that they are the
//! only ones the user sees.

mod ast;
mod attr;
mod check;
mod ctxt;
mod expand;
mod expand_canonical;
mod expand_debug;
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
    let cx = ctxt::Ctxt::default();
    let container = ast::parse(&cx, input);
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
            let stub = expand::stub(container.as_ref(), input);
            quote::quote!(#errors #stub)
        }
    }
}
